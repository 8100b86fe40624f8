/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Preemption control (Linux: include/linux/preempt.h).
 *
 * preempt_count layout, as in Linux:
 *   PREEMPT_MASK  0x000000ff  preempt_disable() nesting
 *   SOFTIRQ_MASK  0x0000ff00  softirq (unused here yet)
 *   HARDIRQ_MASK  0x000f0000  hard interrupt nesting
 *   NMI_MASK      0x00f00000  NMI
 * Anything non-zero means "atomic": the CPU must not switch tasks.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <asm/preempt.h>
#include <linux/compiler.h>

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)

#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define in_interrupt() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))
#define in_hardirq() (hardirq_count())
#define in_atomic() (preempt_count() != 0)
#define in_task() (!in_interrupt())

void preempt_schedule(void);

#define preempt_count_add(val) __preempt_count_add(val)
#define preempt_count_sub(val) __preempt_count_sub(val)

#define preempt_disable()                       \
	do {                                    \
		preempt_count_add(1);           \
		barrier();                      \
	} while (0)

#define preempt_enable_no_resched()             \
	do {                                    \
		barrier();                      \
		preempt_count_sub(1);           \
	} while (0)

/* The decrement that hits zero with a reschedule pending calls the scheduler. */
#define preempt_enable()                                        \
	do {                                                    \
		barrier();                                      \
		if (unlikely(__preempt_count_dec_and_test()))   \
			preempt_schedule();                     \
	} while (0)

#endif /* _LINUX_PREEMPT_H */
