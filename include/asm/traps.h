/* SPDX-License-Identifier: GPL-2.0 */
/* Exception handling (arch/x86/include/asm/traps.h, idtentry.h, desc.h). */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/ptrace.h>
#include <linux/compiler.h>
#include <linux/types.h>

enum {
	X86_TRAP_DE = 0, X86_TRAP_DB, X86_TRAP_NMI, X86_TRAP_BP, X86_TRAP_OF,
	X86_TRAP_BR, X86_TRAP_UD, X86_TRAP_NM, X86_TRAP_DF, X86_TRAP_OLD_MF,
	X86_TRAP_TS, X86_TRAP_NP, X86_TRAP_SS, X86_TRAP_GP, X86_TRAP_PF,
	X86_TRAP_SPURIOUS, X86_TRAP_MF, X86_TRAP_AC, X86_TRAP_MC, X86_TRAP_XF,
	X86_TRAP_VE, X86_TRAP_CP, X86_TRAP_HV = 28, X86_TRAP_VC, X86_TRAP_SX,
};

/* Page-fault error code bits (arch/x86/include/asm/trap_pf.h). */
#define X86_PF_PROT (1UL << 0)
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER (1UL << 2)
#define X86_PF_RSVD (1UL << 3)
#define X86_PF_INSTR (1UL << 4)

#define DECLARE_IDTENTRY(func)                                            \
	void asm_##func(void);                                            \
	void func(struct pt_regs *regs, unsigned long error_code)

DECLARE_IDTENTRY(exc_divide_error);
DECLARE_IDTENTRY(exc_debug);
DECLARE_IDTENTRY(exc_nmi);
DECLARE_IDTENTRY(exc_int3);
DECLARE_IDTENTRY(exc_overflow);
DECLARE_IDTENTRY(exc_bounds);
DECLARE_IDTENTRY(exc_invalid_op);
DECLARE_IDTENTRY(exc_device_not_available);
DECLARE_IDTENTRY(exc_double_fault);
DECLARE_IDTENTRY(exc_coproc_segment_overrun);
DECLARE_IDTENTRY(exc_invalid_tss);
DECLARE_IDTENTRY(exc_segment_not_present);
DECLARE_IDTENTRY(exc_stack_segment);
DECLARE_IDTENTRY(exc_general_protection);
DECLARE_IDTENTRY(exc_page_fault);
DECLARE_IDTENTRY(exc_spurious_interrupt_bug);
DECLARE_IDTENTRY(exc_coprocessor_error);
DECLARE_IDTENTRY(exc_alignment_check);
DECLARE_IDTENTRY(exc_machine_check);
DECLARE_IDTENTRY(exc_simd_coprocessor_error);
DECLARE_IDTENTRY(exc_virtualization);
DECLARE_IDTENTRY(exc_control_protection);
DECLARE_IDTENTRY(exc_reserved);
DECLARE_IDTENTRY(exc_hypervisor_injection);
DECLARE_IDTENTRY(exc_vmm_communication);
DECLARE_IDTENTRY(exc_security);

void idt_setup_traps(void);
void cpu_init_exception_handling(void);

/* kernel/traps.c and kernel/dumpstack.c */
__noreturn void die(const char *str, struct pt_regs *regs, unsigned long err);
void oops_begin(void);
__noreturn void oops_end(struct pt_regs *regs, const char *why);
void show_regs(struct pt_regs *regs);
void show_trace(unsigned long ip, unsigned long bp, unsigned long sp);
void unwind_stack(unsigned long ip, unsigned long bp, unsigned long sp,
		  void (*fn)(void *cookie, unsigned long addr, bool reliable), void *cookie);

/* The kernel's stacks, as the unwinder tells them apart (Linux: asm/stacktrace.h). */
enum stack_type { STACK_TYPE_UNKNOWN, STACK_TYPE_TASK, STACK_TYPE_IRQ, STACK_TYPE_EXCEPTION };

struct stack_info {
	enum stack_type type;
	unsigned long begin, end;	/* [begin, end): one whole stack */
	unsigned long next_sp;		/* IRQ stack in use: the sp it was entered from */
};

bool get_stack_info(unsigned long addr, struct stack_info *info);
bool get_stack_guard_info(unsigned long addr, struct stack_info *info);
const char *stack_type_name(enum stack_type type);
bool unwind_frame_ok(unsigned long bp, unsigned long next);
void unwind_stack_marked(unsigned long ip, unsigned long bp, unsigned long sp,
			 void (*fn)(void *cookie, unsigned long addr, bool reliable),
			 void (*mark)(void *cookie, enum stack_type type, bool begin), void *cookie);
__noreturn void handle_stack_overflow(const char *message, struct pt_regs *regs,
				      unsigned long fault_address, struct stack_info *info);
extern int oops_count;

/*
 * Exception fixups (Linux: the __ex_table and fixup_exception()): code
 * that may fault on purpose names the instruction and where to resume.
 * The ktest harness uses a simpler form: a one-shot "expected fault"
 * recovery point (kernel/traps.c).
 */
bool fixup_exception(struct pt_regs *regs, int trapnr, unsigned long error_code,
		     unsigned long fault_addr);

#endif /* _ASM_TRAPS_H */
