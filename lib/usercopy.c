// SPDX-License-Identifier: GPL-2.0
/*
 * Copying to and from user memory (Linux: lib/usercopy.c for
 * _copy_{to,from}_user, arch/x86/lib/copy_user_64.S and usercopy_64.c for
 * the copy loops, lib/strncpy_from_user.c, lib/strnlen_user.c).
 *
 * Every function first checks access_ok() (include/linux/uaccess.h): the
 * whole range must lie below TASK_SIZE_MAX, so a kernel address is
 * refused before it is touched. The copy itself is one "rep movsb" (or
 * "rep stosb" for clear_user) with an exception-table entry: if a user
 * page is missing, the page-fault handler (mm/fault.c, fixup_exception)
 * resumes after the instruction with %rcx holding the bytes not yet
 * copied, which is what the function returns — Linux's
 * rep_movs_alternative does the same with its fixups. The string
 * functions load one byte at a time, each load covered by the table.
 *
 * A fault on a user page first goes to the page-fault handler's user
 * half (do_user_addr_fault), which maps the page if the address is inside
 * a VMA that allows the access (demand paging, COW) and restarts the
 * instruction; only a fault it cannot resolve reaches the fixup.
 *
 * With SMAP (asm/smap.h) the kernel may touch user pages only between
 * stac() and clac(), so every user access here is bracketed by them, and
 * nothing else in the kernel can read user memory by accident. Left out:
 * the word-at-a-time string loops, might_fault(), fault injection.
 */
#include <asm/smap.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* Copy n bytes; returns those left when a fault stopped it (Linux: copy_user_generic). */
static unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	stac();
	__asm__ __volatile__("1: rep movsb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from)
			     :
			     : "memory");
	clac();
	return n;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long res = n;

	if (access_ok(from, n))
		res = raw_copy_user(to, (const void *)from, n);
	if (res)
		memset((char *)to + (n - res), 0, res);
	return res;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	void *dst = (void *)to;

	if (!access_ok(to, n))
		return n;
	stac();
	__asm__ __volatile__("1: rep stosb\n"
			     "2:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(dst)
			     : "a"(0)
			     : "memory");
	clac();
	return n;
}

/* One user byte, in its own stac/clac window: 0 or -EFAULT. */
static int get_user_byte(u8 *c, const u8 *src)
{
	int err;

	stac();
	err = __get_byte_nofault(c, src);
	clac();
	return err;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src, max;
	long res;

	if (count <= 0)
		return 0;
	if (addr >= TASK_SIZE_MAX)
		return -EFAULT;
	max = TASK_SIZE_MAX - addr;	/* bytes before the end of user space */
	for (res = 0; res < count; res++) {
		u8 c;

		if ((unsigned long)res >= max)
			return -EFAULT;
		if (get_user_byte(&c, (const u8 *)src + res))
			return -EFAULT;
		dst[res] = c;
		if (!c)
			return res;
	}
	return count;		/* no NUL within count: dst is not terminated */
}

long strnlen_user(const char __user *str, long count)
{
	unsigned long addr = (unsigned long)str, max;
	long res;

	if (count <= 0)
		return 0;
	if (addr >= TASK_SIZE_MAX)
		return 0;
	max = TASK_SIZE_MAX - addr;
	for (res = 0; res < count; res++) {
		u8 c;

		if ((unsigned long)res >= max)
			return 0;
		if (get_user_byte(&c, (const u8 *)str + res))
			return 0;
		if (!c)
			return res + 1;
	}
	return count + 1;
}
