/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User FPU/SSE/AVX state (Linux: arch/x86/include/asm/fpu/, arch/x86/kernel/fpu/).
 *
 * The kernel itself never touches these registers (-mgeneral-regs-only),
 * so a task's user FPU registers stay live in the CPU while it runs in
 * the kernel, and are saved only when another task is switched in
 * (switch_fpu in __switch_to). The buffer is XSAVE's when the CPU has
 * XSAVE (CR4.OSXSAVE set, XCR0 the features CPUID offers), else the
 * 512-byte FXSAVE area. Linux defers the restore to the return to user
 * mode (TIF_NEED_FPU_LOAD); Linnet restores at the switch.
 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

struct fpu {
	unsigned int size;		/* bytes of state: fpu_user_xstate_size */
	u8 state[] __attribute__((aligned(64)));	/* XSAVE or FXSAVE image */
};

extern unsigned int fpu_kernel_xstate_size;	/* bytes the buffer needs */
extern u64 xfeatures_mask;			/* XCR0, or 0 without XSAVE */

void fpu__init_system(void);		/* boot CPU, once */
void fpu__init_cpu(void);			/* CR0/CR4/XCR0 on each CPU */
int fpu_clone(struct task_struct *dst, struct task_struct *src);	/* fork: copy src's state */
void fpu__clear_user_states(struct task_struct *tsk);	/* exec: the initial state */
void fpu_free(struct task_struct *tsk);
void switch_fpu(struct task_struct *prev, struct task_struct *next);
/* XSAVE/FXSAVE the live registers to buf, and back (buf 64-byte aligned; preemption off). */
void fpu_save(void *buf);
void fpu_restore(const void *buf);

/* kernel/fpu_signal.c: the FPU image of a signal frame (Linux: arch/x86/kernel/fpu/signal.c). */
unsigned long fpu__alloc_mathframe(unsigned long sp, unsigned long *buf_fx, unsigned long *size);
int copy_fpstate_to_sigframe(void __user *buf_fx, unsigned long size);
int fpu__restore_sig(void __user *buf_fx);

#endif /* _ASM_FPU_H */
