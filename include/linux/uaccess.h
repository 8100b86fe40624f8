/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Accessing memory that may fault, without oopsing (Linux:
 * include/linux/uaccess.h, arch/x86/include/asm/uaccess.h, uaccess_64.h,
 * asm/extable.h, mm/maccess.c). Each access that may fault is one
 * instruction with an entry in the __ex_table section naming where to
 * resume; the fault handler looks it up (fixup_exception).
 *
 * User memory (lib/usercopy.c): a user pointer is valid when the whole
 * range lies below TASK_SIZE_MAX (access_ok); a kernel address never is,
 * so copy_to_user() into a kernel buffer copies nothing. A valid range
 * may still be unmapped: the copy then stops at the faulting byte and
 * reports what it could not copy. Return values are Linux's:
 * copy_{to,from}_user() and clear_user() the bytes NOT copied (0 is
 * success), strncpy_from_user() the length or -EFAULT, strnlen_user()
 * the length with the NUL or 0 on a fault, get_user()/put_user() 0 or
 * -EFAULT. Left out: SMAP's stac/clac (the kernel does not enable
 * CR4.SMAP), might_fault() checks, user_access_begin() and the unsafe_*
 * accessors, speculation barriers (array_index_nospec, the address mask).
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/types.h>

/* Entry in __ex_table: fault at insn resumes at fixup (absolute addresses). */
#define _ASM_EXTABLE(from, to)                 \
	" .pushsection __ex_table, \"a\"\n"    \
	" .balign 8\n"                         \
	" .quad " #from ", " #to "\n"          \
	" .popsection\n"

/*
 * One byte that may fault: 0, or -EFAULT if the load faulted (the fixup
 * runs instead). The caller has checked the address is the kind it wants
 * (access_ok() for user memory); mm/maccess.c and lib/usercopy.c share it.
 */
static inline int __get_byte_nofault(u8 *val, const u8 *src)
{
	int err = 0;
	u8 v = 0;

	__asm__ __volatile__("1: movb %[src], %b[v]\n"
			     "2:\n"
			     " .pushsection .fixup, \"ax\"\n"
			     "3: movl %[efault], %[err]\n"
			     " jmp 2b\n"
			     " .popsection\n"
			     _ASM_EXTABLE(1b, 3b)
			     : [err] "+r"(err), [v] "+q"(v)
			     : [src] "m"(*src), [efault] "i"(-EFAULT)
			     : "memory");
	*val = v;
	return err;
}

long copy_to_kernel_nofault(void *dst, const void *src, size_t size);
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

/*
 * The top of user space, less a guard page (Linux: TASK_SIZE_MAX in
 * asm/page_64_types.h): 2^47 - 4096 with 4-level paging, 2^56 - 4096
 * with 5-level (pgtable_l5_enabled(), chosen at boot).
 */
#define TASK_SIZE_MAX \
	((_AC(1, UL) << (pgtable_l5_enabled() ? 56 : 47)) - PAGE_SIZE)

/* [addr, addr + size) lies entirely below TASK_SIZE_MAX (no wrap-around). */
static inline bool __access_ok(const void __user *addr, unsigned long size)
{
	unsigned long limit = TASK_SIZE_MAX;

	return size <= limit && (unsigned long)addr <= limit - size;
}
#define access_ok(addr, size) __access_ok((const void __user *)(addr), (size))

/* Each returns the bytes it could not copy or clear. */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
/* The uncopied tail of to is zeroed, as in Linux. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/* The string's length (< count, dst NUL-terminated), count (no NUL seen), or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* strlen + 1, more than n if no NUL within n, 0 on a fault. */
long strnlen_user(const char __user *str, long n);

/* One value of the pointer's type; x becomes 0 on a fault (Linux zeroes it too). */
#define get_user(x, ptr)                                                       \
	({                                                                     \
		__typeof__(*(ptr)) __gu_val;                                   \
		int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) \
				       ? -EFAULT : 0;                          \
		(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;             \
		__gu_err;                                                      \
	})

#define put_user(x, ptr)                                                      \
	({                                                                    \
		__typeof__(*(ptr)) __pu_val = (x);                            \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
	})

#endif /* _LINUX_UACCESS_H */
