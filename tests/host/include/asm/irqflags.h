/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host version of asm/irqflags.h: a test process has no interrupts to
 * disable. Code that must be safe against other "CPUs" (threads) on the
 * host takes real locks (linux/spinlock.h), as it must on SMP anyway.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

static inline void local_irq_disable(void)
{
}

static inline void local_irq_enable(void)
{
}

#define local_irq_save(flags) ((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define irqs_disabled() 0

#endif /* _ASM_IRQFLAGS_H */
