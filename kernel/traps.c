// SPDX-License-Identifier: GPL-2.0
/*
 * C handlers for the 32 exception vectors.
 *
 * Linux: arch/x86/kernel/traps.c (do_error_trap, exc_general_protection,
 * exc_double_fault, die) and arch/x86/mm/extable.c (fixup_exception).
 * All exceptions here come from kernel mode, where any of them is a bug:
 * unless the faulting instruction has an exception-table entry (code
 * that is allowed to fault, like copy_to_kernel_nofault()), the handler
 * prints an oops (what, where, registers, call trace) and panics. User
 * mode and signals (SIGSEGV and friends) come with user space. Page
 * faults are in mm/fault.c, NMIs in kernel/nmi.c. Left out: kprobes, MCE
 * decoding, #VC/#VE guests.
 */
#include <asm/page.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/panic.h>
#include <linux/printk.h>

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

/* A trap in kernel mode: fix it up if the code expected it, else oops. */
static void do_error_trap(struct pt_regs *regs, unsigned long error_code,
			  const char *str, int trapnr)
{
	if (fixup_exception(regs, trapnr, error_code, 0))
		return;
	die(str, regs, error_code);
}

#define DEFINE_TRAP(func, str, trapnr)                                     \
	void func(struct pt_regs *regs, unsigned long error_code)          \
	{                                                                  \
		do_error_trap(regs, error_code, str, trapnr);              \
	}

DEFINE_TRAP(exc_divide_error, "divide error", X86_TRAP_DE)
DEFINE_TRAP(exc_debug, "debug", X86_TRAP_DB)
DEFINE_TRAP(exc_int3, "int3", X86_TRAP_BP)
DEFINE_TRAP(exc_overflow, "overflow", X86_TRAP_OF)
DEFINE_TRAP(exc_bounds, "bounds", X86_TRAP_BR)
DEFINE_TRAP(exc_invalid_op, "invalid opcode", X86_TRAP_UD)
DEFINE_TRAP(exc_device_not_available, "device not available", X86_TRAP_NM)
DEFINE_TRAP(exc_coproc_segment_overrun, "coprocessor segment overrun", X86_TRAP_OLD_MF)
DEFINE_TRAP(exc_invalid_tss, "invalid TSS", X86_TRAP_TS)
DEFINE_TRAP(exc_segment_not_present, "segment not present", X86_TRAP_NP)
DEFINE_TRAP(exc_stack_segment, "stack segment", X86_TRAP_SS)
DEFINE_TRAP(exc_general_protection, "general protection fault", X86_TRAP_GP)
DEFINE_TRAP(exc_spurious_interrupt_bug, "spurious interrupt bug", X86_TRAP_SPURIOUS)
DEFINE_TRAP(exc_coprocessor_error, "coprocessor error", X86_TRAP_MF)
DEFINE_TRAP(exc_alignment_check, "alignment check", X86_TRAP_AC)
DEFINE_TRAP(exc_machine_check, "machine check", X86_TRAP_MC)
DEFINE_TRAP(exc_simd_coprocessor_error, "SIMD coprocessor error", X86_TRAP_XF)
DEFINE_TRAP(exc_virtualization, "virtualization exception", X86_TRAP_VE)
DEFINE_TRAP(exc_control_protection, "control protection fault", X86_TRAP_CP)
DEFINE_TRAP(exc_reserved, "reserved exception vector", 15)
DEFINE_TRAP(exc_hypervisor_injection, "hypervisor injection", X86_TRAP_HV)
DEFINE_TRAP(exc_vmm_communication, "VMM communication", X86_TRAP_VC)
DEFINE_TRAP(exc_security, "security exception", X86_TRAP_SX)

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
