/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks (Linux: include/linux/spinlock.h, kernel/locking/).
 *
 * A test-and-set lock on one byte, with the _irqsave form disabling
 * local interrupts first, so an interrupt handler on this CPU cannot
 * deadlock against the code it interrupted. The same code serves the
 * host tests, where threads play CPUs and local_irq_save() does nothing.
 * The SMP issue adds preemption control, ticket fairness and lockdep-
 * style debugging checks.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <linux/compiler.h>

typedef struct {
	volatile unsigned char locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { 0 }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__)
	__asm__ __volatile__("pause" : : : "memory");
#endif
}

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline bool spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

#define spin_lock_irqsave(lock, flags)          \
	do {                                    \
		local_irq_save(flags);          \
		spin_lock(lock);                \
	} while (0)

#define spin_unlock_irqrestore(lock, flags)     \
	do {                                    \
		spin_unlock(lock);              \
		local_irq_restore(flags);       \
	} while (0)

#endif /* _LINUX_SPINLOCK_H */
