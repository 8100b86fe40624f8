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
 *
 * Each CPU has its own IRQ stack (Linux: hardirq_stack_ptr and
 * hardirq_stack_inuse, arch/x86/kernel/irq_64.c, and the
 * run_sysvec_on_irqstack_cond()/call_on_irqstack() of
 * asm/irq_stack.h): IRQ_STACK_SIZE of vmalloc space, so with an unmapped
 * guard page below it (and above it: the area's own guard). A device
 * interrupt or IPI that arrives on a task stack runs its handler on this
 * CPU's IRQ stack; one that arrives while the IRQ stack is in use (an
 * interrupt nested in a handler that turned interrupts on, or a fault in
 * a handler) stays on it. The preemption check runs after the switch
 * back, on the task's stack, as Linux's irqentry_exit() does: a task is
 * never switched out while this CPU's IRQ stack holds its frames. The
 * word at the top of the IRQ stack holds the interrupted stack pointer,
 * which the unwinder (kernel/dumpstack.c) follows from the IRQ stack back
 * to the task stack. Before the boot CPU's IRQ stack exists (interrupts
 * are off until then anyway) handlers would run where they arrive.
 */
#include <asm/apic.h>
#include <asm/irq_stack.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

static vector_handler_t vector_handlers[NR_VECTORS];
DEFINE_PER_CPU(unsigned int [256], irq_count);

void set_vector_handler(unsigned int vector, vector_handler_t handler)
{
	vector_handlers[vector] = handler;
}

/* Does anything handle this vector? (/proc/interrupts lists the IRQs that are set up.) */
bool vector_has_handler(unsigned int vector)
{
	return vector < NR_VECTORS && READ_ONCE(vector_handlers[vector]);
}

/* The top word of this CPU's IRQ stack: where the interrupted sp is kept. */
DEFINE_PER_CPU(unsigned long *, hardirq_stack_ptr);
DEFINE_PER_CPU(bool, hardirq_stack_inuse);

/* Give cpu its IRQ stack; from process context, before the CPU takes interrupts. */
int irq_init_percpu_irqstack(unsigned int cpu)
{
	char *stack;

	if (per_cpu(hardirq_stack_ptr, cpu))
		return 0;
	stack = __vmalloc_node_range(IRQ_STACK_SIZE, IRQ_STACK_SIZE, VMALLOC_START, VMALLOC_END,
				     GFP_KERNEL, PAGE_KERNEL, 0, -1, __builtin_return_address(0));
	if (!stack)
		return -ENOMEM;
	per_cpu(hardirq_stack_ptr, cpu) = (unsigned long *)(stack + IRQ_STACK_SIZE) - 1;
	return 0;
}

/* Is addr on this CPU's IRQ stack? [*begin, *end) if so. */
bool on_irq_stack(unsigned long addr, unsigned long *begin, unsigned long *end)
{
	unsigned long top = (unsigned long)this_cpu_read(hardirq_stack_ptr);

	if (!top)
		return false;
	top += sizeof(long);
	if (addr < top - IRQ_STACK_SIZE || addr >= top)
		return false;
	*begin = top - IRQ_STACK_SIZE;
	*end = top;
	return true;
}

/* kernel/entry_64.S: run fn(regs) with %rsp at stack, the old %rsp saved in *stack. */
void call_on_irqstack(vector_handler_t fn, struct pt_regs *regs, unsigned long *stack);

static void handle_vector_irq(struct pt_regs *regs)
{
	unsigned int vector = regs->orig_ax & 0xff;
	vector_handler_t handler = vector_handlers[vector];

	this_cpu_inc(irq_count[vector]);
	count_vm_events(NR_IRQS_HANDLED, 1);
	if (handler) {
		handler(regs);
	} else {
		pr_warn_once("do_IRQ: %d.%u No irq handler for vector\n", smp_processor_id(), vector);
		apic_eoi();
	}
}

void common_interrupt_c(struct pt_regs *regs);
void common_interrupt_c(struct pt_regs *regs)
{
	unsigned long *stack = this_cpu_read(hardirq_stack_ptr);

	__preempt_count_add(HARDIRQ_OFFSET);		/* irq_enter() */
	/* Linux: run_irq_on_irqstack_cond(). */
	if (stack && !this_cpu_read(hardirq_stack_inuse)) {
		this_cpu_write(hardirq_stack_inuse, true);
		call_on_irqstack(handle_vector_irq, regs, stack);
		this_cpu_write(hardirq_stack_inuse, false);
	} else {
		handle_vector_irq(regs);
	}
	__preempt_count_sub(HARDIRQ_OFFSET);		/* irq_exit() */

	/* irqentry_exit(): preempt the interrupted kernel code if allowed and asked. */
	if (!user_mode(regs) && preempt_model_full() && should_resched(0))
		preempt_schedule_irq();
}
