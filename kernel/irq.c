// SPDX-License-Identifier: GPL-2.0
/*
 * Dispatching interrupts (Linux: arch/x86/kernel/irq.c common_interrupt,
 * kernel/softirq.c irq_enter/irq_exit, kernel/entry/common.c
 * irqentry_exit).
 *
 * All vectors from 32 up share one entry (kernel/entry_64.S); the vector
 * picks a handler. Around it, preempt_count carries HARDIRQ_OFFSET, so
 * in_interrupt() is true and nothing may sleep; each vector is counted
 * per CPU. On the way out, if we interrupted preemptible kernel code and
 * a reschedule is pending, preempt=full switches tasks right here: that
 * is kernel preemption.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/vmstat.h>

static vector_handler_t vector_handlers[NR_VECTORS];
DEFINE_PER_CPU(unsigned int [256], irq_count);

void set_vector_handler(unsigned int vector, vector_handler_t handler)
{
	vector_handlers[vector] = handler;
}

void common_interrupt_c(struct pt_regs *regs);
void common_interrupt_c(struct pt_regs *regs)
{
	unsigned int vector = regs->orig_ax & 0xff;
	vector_handler_t handler = vector_handlers[vector];

	__preempt_count_add(HARDIRQ_OFFSET);		/* irq_enter() */
	this_cpu_inc(irq_count[vector]);
	count_vm_events(NR_IRQS_HANDLED, 1);
	if (handler) {
		handler(regs);
	} else {
		pr_warn_once("do_IRQ: %d.%u No irq handler for vector\n", smp_processor_id(), vector);
		apic_eoi();
	}
	__preempt_count_sub(HARDIRQ_OFFSET);		/* irq_exit() */

	/* irqentry_exit(): preempt the interrupted kernel code if allowed and asked. */
	if (!user_mode(regs) && preempt_model_full() && should_resched(0))
		preempt_schedule_irq();
}
