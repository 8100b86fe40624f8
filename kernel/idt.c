// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt descriptor table (Linux: arch/x86/kernel/idt.c).
 *
 * A table of gate descriptors built from a small list of (vector, stub,
 * IST) entries, as Linux's def_idts[]. #DF, NMI and #MC get their own
 * IST stacks. Device interrupts (vectors 32+) arrive with the APIC.
 */
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/traps.h>
#include <linux/kernel.h>

struct idt_data {
	unsigned int vector;
	void (*addr)(void);
	unsigned int ist;	/* 0: current stack, n: IST slot n */
	unsigned int dpl;	/* the lowest privilege that may use int n on it */
};

#define INTG(v, f) { v, f, 0, 0 }
#define ISTG(v, f, ist) { v, f, (ist) + 1, 0 }
#define SYSG(v, f) { v, f, 0, 3 }	/* user mode may raise it: int3, into */

static const struct idt_data def_idts[] = {
	INTG(X86_TRAP_DE, asm_exc_divide_error),
	INTG(X86_TRAP_DB, asm_exc_debug),
	ISTG(X86_TRAP_NMI, asm_exc_nmi, IST_INDEX_NMI),
	SYSG(X86_TRAP_BP, asm_exc_int3),
	SYSG(X86_TRAP_OF, asm_exc_overflow),
	INTG(X86_TRAP_BR, asm_exc_bounds),
	INTG(X86_TRAP_UD, asm_exc_invalid_op),
	INTG(X86_TRAP_NM, asm_exc_device_not_available),
	ISTG(X86_TRAP_DF, asm_exc_double_fault, IST_INDEX_DF),
	INTG(X86_TRAP_OLD_MF, asm_exc_coproc_segment_overrun),
	INTG(X86_TRAP_TS, asm_exc_invalid_tss),
	INTG(X86_TRAP_NP, asm_exc_segment_not_present),
	INTG(X86_TRAP_SS, asm_exc_stack_segment),
	INTG(X86_TRAP_GP, asm_exc_general_protection),
	INTG(X86_TRAP_PF, asm_exc_page_fault),
	INTG(X86_TRAP_SPURIOUS, asm_exc_spurious_interrupt_bug),
	INTG(X86_TRAP_MF, asm_exc_coprocessor_error),
	INTG(X86_TRAP_AC, asm_exc_alignment_check),
	ISTG(X86_TRAP_MC, asm_exc_machine_check, IST_INDEX_MCE),
	INTG(X86_TRAP_XF, asm_exc_simd_coprocessor_error),
	INTG(X86_TRAP_VE, asm_exc_virtualization),
	INTG(X86_TRAP_CP, asm_exc_control_protection),
	INTG(22, asm_exc_reserved), INTG(23, asm_exc_reserved),
	INTG(24, asm_exc_reserved), INTG(25, asm_exc_reserved),
	INTG(26, asm_exc_reserved), INTG(27, asm_exc_reserved),
	INTG(X86_TRAP_HV, asm_exc_hypervisor_injection),
	INTG(X86_TRAP_VC, asm_exc_vmm_communication),
	INTG(X86_TRAP_SX, asm_exc_security),
	INTG(31, asm_exc_reserved),
};

static struct gate_struct idt_table[IDT_ENTRIES] __aligned(4096);

static void idt_set_gate(const struct idt_data *d)
{
	unsigned long addr = (unsigned long)d->addr;
	struct gate_struct *g = &idt_table[d->vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = d->ist;
	g->type_attr = 0x80 | (d->dpl << 5) | GATE_INTERRUPT;	/* present, DPL */
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

void load_idt(const struct desc_ptr *dtr)
{
	__asm__ __volatile__("lidt %0" : : "m"(*dtr));
}

/* Every CPU loads the same table (Linux shares idt_table too). */
void load_current_idt(void)
{
	struct desc_ptr idt_descr = {
		.size = sizeof(idt_table) - 1,
		.address = (u64)idt_table,
	};

	load_idt(&idt_descr);
}

void idt_setup_traps(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(def_idts); i++)
		idt_set_gate(&def_idts[i]);
	load_current_idt();
}

/* Vectors 32-255: the stubs of irq_entries_start, 16 bytes apart (kernel/entry_64.S). */
void idt_setup_apic_and_irq_gates(void)
{
	extern char irq_entries_start[];

	for (unsigned int v = FIRST_EXTERNAL_VECTOR; v < IDT_ENTRIES; v++) {
		struct idt_data d = {
			.vector = v,
			.addr = (void (*)(void))(irq_entries_start + (v - FIRST_EXTERNAL_VECTOR) * 16),
		};

		idt_set_gate(&d);
	}
}
