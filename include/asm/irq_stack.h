/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU IRQ stacks (kernel/irq.c; Linux: arch/x86/include/asm/irq_stack.h,
 * arch/x86/kernel/irq_64.c).
 */
#ifndef _ASM_IRQ_STACK_H
#define _ASM_IRQ_STACK_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

/* The top word of each CPU's IRQ stack; it holds the interrupted %rsp while in use. */
DECLARE_PER_CPU(unsigned long *, hardirq_stack_ptr);
DECLARE_PER_CPU(bool, hardirq_stack_inuse);

int irq_init_percpu_irqstack(unsigned int cpu);
bool on_irq_stack(unsigned long addr, unsigned long *begin, unsigned long *end);

#endif /* _ASM_IRQ_STACK_H */
