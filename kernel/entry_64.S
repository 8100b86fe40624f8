/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry to the kernel from user space and from exceptions and interrupts
 * (Linux: arch/x86/entry/entry_64.S and the idtentry macros of
 * arch/x86/include/asm/idtentry.h).
 *
 * System calls: the syscall instruction jumps to entry_SYSCALL_64 (MSR_LSTAR)
 * with interrupts off (MSR_SYSCALL_MASK clears IF, TF, DF, AC...), the user
 * %rip in %rcx and %rflags in %r11, still on the user stack. swapgs makes
 * %gs the kernel's per-CPU base, the stack becomes the task's kernel stack
 * (cpu_current_top_of_stack), and a struct pt_regs is built at its top, the
 * same frame an interrupt from user mode leaves, so task_pt_regs() finds
 * either. do_syscall_64() (kernel/entry/common.c) runs the call and its
 * exit work and says whether sysretq may return: only when %rcx/%r11 still
 * hold the return %rip/%rflags, the %rip is canonical (a sysretq to a
 * non-canonical %rip would fault in kernel mode with the user's %gs), and
 * no TF/RF is set. Otherwise iretq restores everything.
 *
 * Exceptions and interrupts: a stub makes the stack look the same whether
 * or not the CPU pushed an error code (it pushes a 0 if not), swapgs if the
 * saved CS says the CPU came from user mode, saves the general registers
 * to complete a struct pt_regs and calls the C handler as handler(struct
 * pt_regs *regs, unsigned long error_code); orig_ax then holds -1, as in
 * Linux, so the signal code sees no system call to restart (an interrupt's
 * vector stays there until its handler is done). On the way out, a return to
 * user mode runs the exit work (irqentry_exit_to_user_mode: reschedule,
 * signals) and swapgs again before iretq. NMI, #DF and #MC run on IST
 * stacks and may interrupt the kernel inside the few instructions where
 * %gs is already (or still) the user's, so they decide by the GS base MSR
 * itself, as Linux's paranoid_entry does: a kernel base is negative.
 * %rbp is left alone, so the C handler's frame links to the interrupted
 * code's frames and backtraces run through.
 */
#include <asm/msr-index.h>
#include <asm/segment.h>

/* Offsets in struct pt_regs (asm/ptrace.h). */
#define RCX (11 * 8)
#define R11 (6 * 8)
#define ORIG_RAX (15 * 8)
#define RIP (16 * 8)
#define CS (17 * 8)
#define EFLAGS (18 * 8)
#define RSP (19 * 8)
#define SS (20 * 8)
#define ENOSYS 38

/* The general registers, completing a struct pt_regs (Linux: PUSH_REGS, rax=). */
.macro PUSH_REGS rax=%rax
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	\rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
.endm

.macro POP_REGS
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
.endm

.macro idtentry asmsym cfunc has_error_code
	.globl \asmsym
	.type \asmsym, @function
\asmsym:
	.if \has_error_code == 0
	pushq	$0
	.endif
	testb	$3, 16(%rsp)			/* the saved CS: from user mode? */
	jz	1f
	swapgs
1:
	PUSH_REGS
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	movq	$-1, ORIG_RAX(%rsp)		/* no system call: nothing to restart (Linux) */
	call	\cfunc
	jmp	restore_regs_and_return
	.size \asmsym, . - \asmsym
.endm

/* NMI, #DF, #MC: on an IST stack, %gs decided by its base (Linux: paranoid_entry/exit). */
.macro idtentry_paranoid asmsym cfunc has_error_code
	.globl \asmsym
	.type \asmsym, @function
\asmsym:
	.if \has_error_code == 0
	pushq	$0
	.endif
	PUSH_REGS
	movl	$1, %ebx			/* 1: %gs was the kernel's, no swapgs on exit */
	movl	$MSR_GS_BASE, %ecx
	rdmsr
	testl	%edx, %edx
	js	1f
	swapgs
	xorl	%ebx, %ebx
1:
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	call	\cfunc
	testl	%ebx, %ebx
	jnz	2f
	swapgs
2:
	POP_REGS
	addq	$8, %rsp			/* the error code */
	iretq
	.size \asmsym, . - \asmsym
.endm

	.section ".entry.text", "ax"

idtentry asm_exc_divide_error		exc_divide_error		0
idtentry asm_exc_debug			exc_debug			0
idtentry_paranoid asm_exc_nmi		exc_nmi				0
idtentry asm_exc_int3			exc_int3			0
idtentry asm_exc_overflow		exc_overflow			0
idtentry asm_exc_bounds			exc_bounds			0
idtentry asm_exc_invalid_op		exc_invalid_op			0
idtentry asm_exc_device_not_available	exc_device_not_available	0
idtentry_paranoid asm_exc_double_fault	exc_double_fault		1
idtentry asm_exc_coproc_segment_overrun	exc_coproc_segment_overrun	0
idtentry asm_exc_invalid_tss		exc_invalid_tss			1
idtentry asm_exc_segment_not_present	exc_segment_not_present		1
idtentry asm_exc_stack_segment		exc_stack_segment		1
idtentry asm_exc_general_protection	exc_general_protection		1
idtentry asm_exc_page_fault		exc_page_fault			1
idtentry asm_exc_spurious_interrupt_bug	exc_spurious_interrupt_bug	0
idtentry asm_exc_coprocessor_error	exc_coprocessor_error		0
idtentry asm_exc_alignment_check	exc_alignment_check		1
idtentry_paranoid asm_exc_machine_check	exc_machine_check		0
idtentry asm_exc_simd_coprocessor_error	exc_simd_coprocessor_error	0
idtentry asm_exc_virtualization		exc_virtualization		0
idtentry asm_exc_control_protection	exc_control_protection		1
idtentry asm_exc_reserved		exc_reserved			0
idtentry asm_exc_hypervisor_injection	exc_hypervisor_injection	0
idtentry asm_exc_vmm_communication	exc_vmm_communication		1
idtentry asm_exc_security		exc_security			1

/*
 * Device interrupts and IPIs, vectors 32-255 (Linux: irq_entries_start,
 * common_interrupt in idtentry.h). Each 16-byte stub pushes its vector
 * into the orig_ax slot of pt_regs and joins the common path, which
 * calls common_interrupt_c(regs); that handles the vector and, with
 * preempt=full, may switch tasks before we return (preempt_schedule_irq).
 * common_interrupt_c (kernel/irq.c) runs the handler on this CPU's IRQ
 * stack through call_on_irqstack below, and the preemption check after
 * it is back on the task stack.
 */
	.balign 16
	.globl irq_entries_start
irq_entries_start:
	vector = 32
	.rept 256 - 32
	.balign 16
	pushq	$vector
	jmp	common_interrupt
	vector = vector + 1
	.endr

common_interrupt:
	testb	$3, 16(%rsp)			/* the saved CS: from user mode? */
	jz	1f
	swapgs
1:
	PUSH_REGS
	movq	%rsp, %rdi
	call	common_interrupt_c		/* reads the vector from orig_ax */
	movq	$-1, ORIG_RAX(%rsp)		/* no system call: nothing to restart */
	/* fall through */

/*
 * The common way out of exceptions and interrupts (Linux:
 * error_return / restore_regs_and_return_to_kernel and
 * swapgs_restore_regs_and_return_to_usermode). Interrupts are off here.
 */
	.globl restore_regs_and_return
restore_regs_and_return:
	testb	$3, CS(%rsp)
	jz	restore_regs_and_return_to_kernel
	movq	%rsp, %rdi
	call	irqentry_exit_to_user_mode	/* returns with interrupts off */
	.globl swapgs_restore_regs_and_return_to_usermode
swapgs_restore_regs_and_return_to_usermode:
	POP_REGS
	addq	$8, %rsp			/* orig_ax */
	swapgs
	iretq

restore_regs_and_return_to_kernel:
	POP_REGS
	addq	$8, %rsp			/* orig_ax: error code or vector */
	iretq

/*
 * The syscall instruction lands here (MSR_LSTAR, Linux: entry_SYSCALL_64),
 * on the user's stack with interrupts off. The user %rsp waits in
 * rsp_scratch while the frame is built on the kernel stack.
 */
	.globl entry_SYSCALL_64
	.type entry_SYSCALL_64, @function
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:rsp_scratch
	movq	%gs:cpu_current_top_of_stack, %rsp
	pushq	$__USER_DS			/* pt_regs->ss */
	pushq	%gs:rsp_scratch			/* pt_regs->sp */
	pushq	%r11				/* pt_regs->flags */
	pushq	$__USER_CS			/* pt_regs->cs */
	pushq	%rcx				/* pt_regs->ip */
	pushq	%rax				/* pt_regs->orig_ax: the number */
	PUSH_REGS rax=$-ENOSYS			/* pt_regs->ax: the result until there is one */
	xorl	%ebp, %ebp			/* the user's %rbp is no kernel frame */
	movq	%rsp, %rdi
	movslq	%eax, %rsi			/* the number is the low 32 bits, as in Linux */
	call	do_syscall_64			/* true: sysretq may return */
	testb	%al, %al
	jz	swapgs_restore_regs_and_return_to_usermode
	POP_REGS				/* %rcx = %rip, %r11 = %rflags: checked */
	addq	$8, %rsp			/* orig_ax */
	movq	RSP - RIP(%rsp), %rsp		/* the user stack */
	swapgs
	sysretq
	.size entry_SYSCALL_64, . - entry_SYSCALL_64

/* syscall from 32-bit compat mode (MSR_CSTAR): no IA32 emulation, -ENOSYS (Linux: entry_SYSCALL32_ignore). */
	.globl entry_SYSCALL32_ignore
	.type entry_SYSCALL32_ignore, @function
entry_SYSCALL32_ignore:
	movl	$-ENOSYS, %eax
	sysretl
	.size entry_SYSCALL32_ignore, . - entry_SYSCALL32_ignore

/*
 * void call_on_irqstack(void (*fn)(struct pt_regs *), struct pt_regs *regs,
 *			 unsigned long *stack)
 * Run fn(regs) on this CPU's IRQ stack (Linux: call_on_stack in
 * asm/irq_stack.h). stack is the top word of the IRQ stack: the
 * interrupted %rsp is stored there, for the unwinder to follow back to the
 * task stack, and %rsp starts there. Our frame (push %rbp) stays on the
 * task stack, so fn's saved %rbp links the frame chain across the switch.
 */
	.text
	.globl call_on_irqstack
	.type call_on_irqstack, @function
call_on_irqstack:
	pushq	%rbp
	movq	%rsp, %rbp
	movq	%rsp, (%rdx)
	movq	%rdx, %rsp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	call	*%rax
	movq	%rbp, %rsp			/* back on the task stack */
	popq	%rbp
	ret
	.size call_on_irqstack, . - call_on_irqstack

/*
 * Switch kernel stacks (Linux: __switch_to_asm). Save the callee-saved
 * registers on prev's stack, remember prev's stack pointer, load next's,
 * restore next's registers, and finish in C (__switch_to), whose return
 * lands where next once called us, or in ret_from_fork_asm for a new task.
 */
#define TASK_threadsp 8
	.text
	.globl __switch_to_asm
	.type __switch_to_asm, @function
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, TASK_threadsp(%rdi)
	movq	TASK_threadsp(%rsi), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	jmp	__switch_to
	.size __switch_to_asm, . - __switch_to_asm

/*
 * A new task's first instructions; %rax is the task we switched from and
 * %rsp the task's pt_regs (kernel/process_64.c lays the frame out so).
 */
	.globl ret_from_fork_asm
	.type ret_from_fork_asm, @function
ret_from_fork_asm:
	xorl	%ebp, %ebp			/* backtraces end here */
	movq	%rax, %rdi			/* prev */
	movq	%rsp, %rsi			/* the new task's pt_regs (copy_thread) */
	call	ret_from_fork			/* returns only to enter user mode */
	jmp	swapgs_restore_regs_and_return_to_usermode
	.size ret_from_fork_asm, . - ret_from_fork_asm
