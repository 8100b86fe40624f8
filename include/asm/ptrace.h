/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Registers saved on entry to the kernel, in the order Linux's
 * arch/x86/include/asm/ptrace.h lays out struct pt_regs: the entry code
 * pushes them so the struct sits on the stack right below the hardware
 * frame (ip, cs, flags, sp, ss).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#ifndef __ASSEMBLY__
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	/* Exceptions: the error code (0 if the CPU pushes none). */
	unsigned long orig_ax;
	unsigned long ip, cs, flags, sp, ss;
};

static inline int user_mode(const struct pt_regs *regs)
{
	return !!(regs->cs & 3);
}
#endif

#endif /* _ASM_PTRACE_H */
