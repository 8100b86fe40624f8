/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Accessing memory that may fault, without oopsing (Linux: mm/maccess.c,
 * arch/x86/include/asm/uaccess.h, asm/extable.h). Each access that may
 * fault is one instruction with an entry in the __ex_table section naming
 * where to resume; the fault handler looks it up (fixup_exception).
 * copy_from_user()/copy_to_user() will use the same mechanism.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>

/* Entry in __ex_table: fault at insn resumes at fixup (absolute addresses). */
#define _ASM_EXTABLE(from, to)                 \
	" .pushsection __ex_table, \"a\"\n"    \
	" .balign 8\n"                         \
	" .quad " #from ", " #to "\n"          \
	" .popsection\n"

long copy_to_kernel_nofault(void *dst, const void *src, size_t size);
long copy_from_kernel_nofault(void *dst, const void *src, size_t size);

#endif /* _LINUX_UACCESS_H */
