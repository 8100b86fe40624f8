// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/interrupts (Linux: fs/proc/interrupts.c, kernel/irq/proc.c
 * show_interrupts, arch/x86/kernel/irq.c arch_show_interrupts): a CPU
 * column header, then one line per legacy IRQ that has a handler
 * (vector ISA_IRQ_VECTOR(irq)), with each CPU's count (kernel/irq.c
 * irq_count[]), the chip, the pin and the trigger, and the device; then
 * the architecture's lines for what Linnet counts: NMI (kernel/nmi.c),
 * LOC (the local APIC timer vector), SPU, RES (reschedule IPIs), CAL
 * (function-call IPIs), TLB (flush requests received), ERR and MIS.
 * Left out: the other arch lines (PMI, IWI, RTR, TRM, THR, DFR, MCE,
 * MCP, HYP, PIN...: Linnet has none of those interrupts), MSI, irq
 * descriptors (the device names are Linnet's drivers', fixed here).
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/vmstat.h>
#include <asm/irq_vectors.h>
#include <asm/nmi.h>

#include "internal.h"

/* What drives each legacy IRQ in Linnet (Linux: the irqaction names). */
static const char *const isa_irq_names[16] = {
	[0] = "timer", [1] = "i8042", [4] = "ttyS0", [8] = "rtc0", [12] = "i8042",
};

static void show_vector_line(struct seq_file *p, int prec, const char *sym, unsigned int vector,
			     const char *desc)
{
	unsigned int cpu;

	seq_printf(p, "%*s: ", prec, sym);
	for_each_online_cpu(cpu)
		seq_printf(p, "%10u ", per_cpu(irq_count, cpu)[vector]);
	seq_printf(p, "  %s\n", desc);
}

static int show_interrupts(struct seq_file *p, void *v)
{
	const int prec = 3;	/* digits of nr_irqs, at least 3 (Linux) */
	unsigned int cpu;

	seq_printf(p, "%*s", prec + 8, "");
	for_each_online_cpu(cpu)
		seq_printf(p, "CPU%-8d", cpu);
	seq_putc(p, '\n');
	for (int irq = 0; irq < 16; irq++) {
		if (!vector_has_handler(ISA_IRQ_VECTOR(irq)))
			continue;
		seq_printf(p, "%*d: ", prec, irq);
		for_each_online_cpu(cpu)
			seq_printf(p, "%10u ", per_cpu(irq_count, cpu)[ISA_IRQ_VECTOR(irq)]);
		seq_printf(p, " %8s", "IO-APIC");
		seq_printf(p, " %*d", prec, irq);
		seq_printf(p, "-%-8s", "edge");
		if (isa_irq_names[irq])
			seq_printf(p, "  %s", isa_irq_names[irq]);
		seq_putc(p, '\n');
	}
	seq_printf(p, "%*s: ", prec, "NMI");
	for_each_online_cpu(cpu)
		seq_printf(p, "%10u ", nmi_count(cpu));
	seq_puts(p, "  Non-maskable interrupts\n");
	show_vector_line(p, prec, "LOC", LOCAL_TIMER_VECTOR, "Local timer interrupts");
	show_vector_line(p, prec, "SPU", SPURIOUS_APIC_VECTOR, "Spurious interrupts");
	show_vector_line(p, prec, "RES", RESCHEDULE_VECTOR, "Rescheduling interrupts");
	show_vector_line(p, prec, "CAL", CALL_FUNCTION_SINGLE_VECTOR, "Function call interrupts");
	seq_printf(p, "%*s: ", prec, "TLB");
	for_each_online_cpu(cpu)
		seq_printf(p, "%10lu ", vm_event_on_cpu(NR_TLB_REMOTE_FLUSH_RECEIVED, cpu));
	seq_puts(p, "  TLB shootdowns\n");
	{
		unsigned long err = 0;

		for_each_possible_cpu(cpu)
			err += per_cpu(irq_count, cpu)[ERROR_APIC_VECTOR];
		seq_printf(p, "%*s: %10lu\n", prec, "ERR", err);
	}
	seq_printf(p, "%*s: %10u\n", prec, "MIS", 0);
	return 0;
}

void proc_interrupts_init(void)
{
	proc_create_single("interrupts", 0, NULL, show_interrupts);
}
