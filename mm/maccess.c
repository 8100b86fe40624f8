// SPDX-License-Identifier: GPL-2.0
/*
 * copy_{to,from}_kernel_nofault(): copy bytes, returning -EFAULT instead
 * of oopsing if an address is unmapped or read-only (Linux: mm/maccess.c
 * over the __put/__get_kernel_nofault accessors). Byte by byte, each
 * access one instruction covered by an exception-table entry. The tests
 * use it to prove the kernel's text really is read-only.
 */
#include <linux/err.h>
#include <linux/uaccess.h>

static int put_byte_nofault(u8 *dst, u8 val)
{
	int err = 0;

	__asm__ __volatile__("1: movb %b[val], %[dst]\n"
			     "2:\n"
			     " .pushsection .fixup, \"ax\"\n"
			     "3: movl %[efault], %[err]\n"
			     " jmp 2b\n"
			     " .popsection\n"
			     _ASM_EXTABLE(1b, 3b)
			     : [err] "+r"(err), [dst] "=m"(*dst)
			     : [val] "q"(val), [efault] "i"(-EFAULT)
			     : "memory");
	return err;
}

/*
 * Never a user address (Linux: copy_from_kernel_nofault_allowed in
 * arch/x86/mm/maccess.c): with SMAP on, a kernel access there is an oops
 * without fixup, and without SMAP it would fault user pages in.
 * Linux returns -ERANGE; here -EFAULT, what the callers check.
 */
static bool kernel_nofault_allowed(const void *p)
{
	return (unsigned long)p >= TASK_SIZE_MAX + PAGE_SIZE;
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	const u8 *s = src;
	u8 *d = dst;

	if (!kernel_nofault_allowed(dst))
		return -EFAULT;
	for (size_t i = 0; i < size; i++)
		if (put_byte_nofault(d + i, s[i]))
			return -EFAULT;
	return 0;
}

long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	const u8 *s = src;
	u8 *d = dst;

	if (!kernel_nofault_allowed(src))
		return -EFAULT;
	for (size_t i = 0; i < size; i++)
		if (__get_byte_nofault(d + i, s + i))
			return -EFAULT;
	return 0;
}
