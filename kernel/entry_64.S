/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Exception entry stubs (Linux: arch/x86/entry/entry_64.S and the
 * idtentry macros of arch/x86/include/asm/idtentry.h).
 *
 * For each vector a stub makes the stack look the same whether or not
 * the CPU pushed an error code (it pushes a 0 if not), saves the general
 * registers to complete a struct pt_regs (asm/ptrace.h) and calls the
 * vector's C handler as handler(struct pt_regs *regs, unsigned long
 * error_code). If the handler returns, the registers are restored and
 * iretq resumes the interrupted code. %rbp is left alone, so the C
 * handler's frame links to the interrupted code's frames and backtraces
 * run through. Kernel-mode entries only for now: swapgs and the user-mode
 * paths come with user space.
 */

#define ORIG_RAX (15 * 8)

.macro PUSH_REGS
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
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
	PUSH_REGS
	movq	%rsp, %rdi
	movq	ORIG_RAX(%rsp), %rsi
	call	\cfunc
	POP_REGS
	addq	$8, %rsp			/* the error code */
	iretq
	.size \asmsym, . - \asmsym
.endm

	.section ".entry.text", "ax"

idtentry asm_exc_divide_error		exc_divide_error		0
idtentry asm_exc_debug			exc_debug			0
idtentry asm_exc_nmi			exc_nmi				0
idtentry asm_exc_int3			exc_int3			0
idtentry asm_exc_overflow		exc_overflow			0
idtentry asm_exc_bounds			exc_bounds			0
idtentry asm_exc_invalid_op		exc_invalid_op			0
idtentry asm_exc_device_not_available	exc_device_not_available	0
idtentry asm_exc_double_fault		exc_double_fault		1
idtentry asm_exc_coproc_segment_overrun	exc_coproc_segment_overrun	0
idtentry asm_exc_invalid_tss		exc_invalid_tss			1
idtentry asm_exc_segment_not_present	exc_segment_not_present		1
idtentry asm_exc_stack_segment		exc_stack_segment		1
idtentry asm_exc_general_protection	exc_general_protection		1
idtentry asm_exc_page_fault		exc_page_fault			1
idtentry asm_exc_spurious_interrupt_bug	exc_spurious_interrupt_bug	0
idtentry asm_exc_coprocessor_error	exc_coprocessor_error		0
idtentry asm_exc_alignment_check	exc_alignment_check		1
idtentry asm_exc_machine_check		exc_machine_check		0
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
	PUSH_REGS
	movq	%rsp, %rdi
	call	common_interrupt_c
	POP_REGS
	addq	$8, %rsp			/* the vector */
	iretq

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

/* A new task's first instructions; %rax is the task we switched from. */
	.globl ret_from_fork_asm
	.type ret_from_fork_asm, @function
ret_from_fork_asm:
	xorl	%ebp, %ebp			/* backtraces end here */
	movq	%rax, %rdi
	call	ret_from_fork
	ud2					/* ret_from_fork never returns */
	.size ret_from_fork_asm, . - ret_from_fork_asm
