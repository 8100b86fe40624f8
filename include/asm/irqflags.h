/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saving, disabling and restoring interrupts (Linux:
 * arch/x86/include/asm/irqflags.h, include/linux/irqflags.h).
 * The host tests have their own version of this header
 * (tests/host/include/asm/irqflags.h): no interrupts there.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <asm/processor-flags.h>

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	__asm__ __volatile__("cli" : : : "memory");
	return flags;
}

/*
 * Put back exactly the IF that arch_local_irq_save() found: on if it was
 * on, off if it was off, whatever the code in between did. Linux's
 * native_restore_fl did it with popf; today's arch_local_irq_restore only
 * re-enables, relying on every restore pairing with a save, and
 * CONFIG_DEBUG_IRQFLAGS warns when that does not hold. Here the restore
 * is exact, so a mismatched section cannot leave interrupts on.
 */
static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		__asm__ __volatile__("sti" : : : "memory");
	else
		__asm__ __volatile__("cli" : : : "memory");
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define irqs_disabled() (!(arch_local_save_flags() & X86_EFLAGS_IF))

#endif /* _ASM_IRQFLAGS_H */
