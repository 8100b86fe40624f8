/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks (Linux: include/linux/spinlock.h, kernel/locking/).
 *
 * A test-and-set lock on one byte. Taking it disables preemption (a task
 * holding a spinlock must not be switched out: another task on this CPU
 * could spin on it forever); the _irqsave form also disables local
 * interrupts first, so an interrupt handler on this CPU cannot deadlock
 * against the code it interrupted. The same code serves the host tests,
 * where threads play CPUs and preemption and irq control do nothing.
 * Left out: ticket/queued fairness, lockdep. raw_spin_lock is the same
 * lock (Linux distinguishes them only under PREEMPT_RT).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <linux/compiler.h>
#include <linux/preempt.h>

/* The bare lock word (Linux: arch_spinlock_t), taken by arch_spin_lock(). */
typedef struct {
	volatile unsigned char locked;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }

typedef struct {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->raw_lock.locked = 0;
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__)
	__asm__ __volatile__("pause" : : : "memory");
#endif
}

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (!__atomic_exchange_n(&lock->raw_lock.locked, 1, __ATOMIC_ACQUIRE))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->raw_lock.locked);
}

#define spin_lock_irqsave(lock, flags)          \
	do {                                    \
		local_irq_save(flags);          \
		spin_lock(lock);                \
	} while (0)

/* Unlock without preempting until interrupts are back on (Linux does the same). */
#define spin_unlock_irqrestore(lock, flags)     \
	do {                                    \
		arch_spin_unlock(&(lock)->raw_lock); \
		local_irq_restore(flags);       \
		preempt_enable();               \
	} while (0)

#define spin_lock_irq(lock)                     \
	do {                                    \
		local_irq_disable();            \
		spin_lock(lock);                \
	} while (0)

#define spin_unlock_irq(lock)                   \
	do {                                    \
		arch_spin_unlock(&(lock)->raw_lock); \
		local_irq_enable();             \
		preempt_enable();               \
	} while (0)

#define raw_spinlock_t spinlock_t
#define raw_spin_lock spin_lock
#define raw_spin_unlock spin_unlock
#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore

#endif /* _LINUX_SPINLOCK_H */
