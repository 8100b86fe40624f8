// SPDX-License-Identifier: GPL-2.0
/*
 * C handlers for the 32 exception vectors.
 *
 * Linux: arch/x86/kernel/traps.c (do_trap, do_error_trap, show_signal,
 * exc_general_protection, exc_double_fault, die, math_error) and
 * arch/x86/mm/extable.c (fixup_exception).
 *
 * From user mode an exception is the program's fault, not the kernel's:
 * the program gets the signal Linux sends for it (divide error SIGFPE
 * FPE_INTDIV, invalid opcode SIGILL ILL_ILLOPN, general protection
 * SIGSEGV, int3 and debug SIGTRAP, alignment check SIGBUS BUS_ADRALN, x87
 * and SIMD errors SIGFPE with the code the FPU status gives...), and if
 * it has no handler for it the log says so in Linux's words ("traps:
 * prog[pid] trap invalid opcode ip:... sp:... error:0"). From kernel mode
 * any exception is a bug: unless the faulting instruction has an
 * exception-table entry (code that is allowed to fault, like
 * copy_to_kernel_nofault()), the handler prints an oops (what, where,
 * registers, call trace) and panics. Page faults are in mm/fault.c, NMIs
 * in kernel/nmi.c. Left out: kprobes, uprobes, MCE decoding, #VC/#VE
 * guests, the UMIP and vsyscall emulations.
 */
#include <asm/page.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <asm/irqflags.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched/signal.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		     unsigned long fault_addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}

/* Linux: show_signal(). */
static void show_signal(struct task_struct *tsk, int signr, const char *type, const char *desc,
			struct pt_regs *regs, long error_code)
{
	if (!show_unhandled_signals || !unhandled_signal(tsk, signr) || !printk_ratelimit())
		return;
	printk(KERN_INFO "traps: %s[%d] %s%s ip:%lx sp:%lx error:%lx", tsk->comm, tsk->pid, type,
	       desc, regs->ip, regs->sp, error_code);
	print_vma_addr(KERN_CONT " in ", regs->ip);
	pr_cont("\n");
}

/*
 * A trap from user mode (Linux: do_trap's user half). Interrupts are on
 * again while the signal is queued; the return to user mode delivers it.
 */
static void do_user_trap(struct pt_regs *regs, long error_code, const char *str, int trapnr,
			 int signr, int sicode)
{
	struct task_struct *tsk = current;

	local_irq_enable();
	show_signal(tsk, signr, trapnr == X86_TRAP_GP ? "" : "trap ", str, regs, error_code);
	if (sicode)
		force_sig_fault(signr, sicode, (void __user *)regs->ip);
	else
		force_sig(signr);
}

/* A trap in kernel mode: fix it up if the code expected it, else oops. */
static void do_error_trap(struct pt_regs *regs, unsigned long error_code,
			  const char *str, int trapnr, int signr, int sicode)
{
	if (user_mode(regs)) {
		do_user_trap(regs, error_code, str, trapnr, signr, sicode);
		return;
	}
	if (fixup_exception(regs, trapnr, error_code, 0))
		return;
	die(str, regs, error_code);
}

#define DEFINE_TRAP(func, str, trapnr, signr, sicode)                          \
	void func(struct pt_regs *regs, unsigned long error_code)              \
	{                                                                      \
		do_error_trap(regs, error_code, str, trapnr, signr, sicode);   \
	}

/* Linux's signal and si_code for each, from user mode (0: SI_KERNEL). */
DEFINE_TRAP(exc_divide_error, "divide error", X86_TRAP_DE, SIGFPE, FPE_INTDIV)
DEFINE_TRAP(exc_debug, "debug", X86_TRAP_DB, SIGTRAP, TRAP_TRACE)
DEFINE_TRAP(exc_int3, "int3", X86_TRAP_BP, SIGTRAP, 0)
DEFINE_TRAP(exc_overflow, "overflow", X86_TRAP_OF, SIGSEGV, 0)
DEFINE_TRAP(exc_bounds, "bounds", X86_TRAP_BR, SIGSEGV, 0)
DEFINE_TRAP(exc_invalid_op, "invalid opcode", X86_TRAP_UD, SIGILL, ILL_ILLOPN)
DEFINE_TRAP(exc_device_not_available, "device not available", X86_TRAP_NM, SIGSEGV, 0)
DEFINE_TRAP(exc_coproc_segment_overrun, "coprocessor segment overrun", X86_TRAP_OLD_MF, SIGFPE, 0)
DEFINE_TRAP(exc_invalid_tss, "invalid TSS", X86_TRAP_TS, SIGSEGV, 0)
DEFINE_TRAP(exc_segment_not_present, "segment not present", X86_TRAP_NP, SIGBUS, 0)
DEFINE_TRAP(exc_stack_segment, "stack segment", X86_TRAP_SS, SIGBUS, 0)
DEFINE_TRAP(exc_general_protection, "general protection fault", X86_TRAP_GP, SIGSEGV, 0)
DEFINE_TRAP(exc_spurious_interrupt_bug, "spurious interrupt bug", X86_TRAP_SPURIOUS, SIGSEGV, 0)
DEFINE_TRAP(exc_alignment_check, "alignment check", X86_TRAP_AC, SIGBUS, BUS_ADRALN)
DEFINE_TRAP(exc_machine_check, "machine check", X86_TRAP_MC, SIGBUS, 0)
DEFINE_TRAP(exc_virtualization, "virtualization exception", X86_TRAP_VE, SIGSEGV, 0)
DEFINE_TRAP(exc_control_protection, "control protection fault", X86_TRAP_CP, SIGSEGV, SEGV_CPERR)
DEFINE_TRAP(exc_reserved, "reserved exception vector", 15, SIGSEGV, 0)
DEFINE_TRAP(exc_hypervisor_injection, "hypervisor injection", X86_TRAP_HV, SIGSEGV, 0)
DEFINE_TRAP(exc_vmm_communication, "VMM communication", X86_TRAP_VC, SIGSEGV, 0)
DEFINE_TRAP(exc_security, "security exception", X86_TRAP_SX, SIGSEGV, 0)

/*
 * The si_code of an unmasked floating-point exception (Linux:
 * fpu__exception_code): the first of invalid, divide-by-zero, overflow,
 * underflow, precision that is flagged and not masked.
 */
static int fpu_exception_code(unsigned int status, unsigned int mask)
{
	unsigned int err = status & ~mask & 0x3f;

	if (err & 0x001)
		return FPE_FLTINV;
	if (err & 0x004)
		return FPE_FLTDIV;
	if (err & 0x008)
		return FPE_FLTOVF;
	if (err & 0x012)
		return FPE_FLTUND;
	if (err & 0x020)
		return FPE_FLTRES;
	return 0;	/* spurious: Linux sends nothing */
}

static void math_error(struct pt_regs *regs, unsigned long error_code, int trapnr,
		       const char *str)
{
	unsigned int status, mask;
	int code;

	if (!user_mode(regs)) {
		do_error_trap(regs, error_code, str, trapnr, SIGFPE, 0);
		return;
	}
	local_irq_enable();
	if (trapnr == X86_TRAP_XF) {
		unsigned int mxcsr;

		__asm__ __volatile__("stmxcsr %0" : "=m"(mxcsr));
		status = mxcsr;
		mask = mxcsr >> 7;
	} else {
		unsigned short sw, cw;

		__asm__ __volatile__("fnstsw %0; fnstcw %1" : "=m"(sw), "=m"(cw));
		status = sw;
		mask = cw;
	}
	code = fpu_exception_code(status, mask);
	if (code)
		force_sig_fault(SIGFPE, code, (void __user *)regs->ip);
}

void exc_coprocessor_error(struct pt_regs *regs, unsigned long error_code)
{
	math_error(regs, error_code, X86_TRAP_MF, "coprocessor error");
}

void exc_simd_coprocessor_error(struct pt_regs *regs, unsigned long error_code)
{
	math_error(regs, error_code, X86_TRAP_XF, "SIMD coprocessor error");
}

/*
 * A guard page below a kernel stack was hit (Linux: handle_stack_overflow,
 * 5.x wording): say where and which stack, then the oops (whose "CPU: PID:
 * Comm:" line names the task that overflowed) and the panic.
 */
__noreturn void handle_stack_overflow(const char *message, struct pt_regs *regs,
				      unsigned long fault_address, struct stack_info *info)
{
	pr_emerg("BUG: %s stack guard page was hit at %016lx (stack is %016lx..%016lx)\n",
		 stack_type_name(info->type), fault_address, info->begin, info->end - 1);
	die(message, regs, 0);
}

/*
 * #DF runs on its own IST stack (see cpu/common.c), so it works even when
 * the kernel stack is gone: a stack overflow runs the stack pointer into
 * the unmapped guard page below the stack, the CPU cannot push the #PF
 * frame there, and the #PF becomes a #DF (Linux: exc_double_fault). If
 * CR2 is in a stack's guard page, that is the report. It cannot be fixed
 * up: the state it interrupted is not restartable. die() panics
 * ("Fatal exception"); Linux's exc_double_fault ends in panic("Machine
 * halted.") should die() ever return.
 */
void exc_double_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long cr2 = read_cr2();
	struct stack_info info;

	if (get_stack_guard_info(cr2, &info))
		handle_stack_overflow("kernel stack overflow (double-fault)", regs, cr2, &info);
	pr_emerg("PANIC: double fault, error_code: 0x%lx\n", error_code);
	die("double fault", regs, error_code);
}
