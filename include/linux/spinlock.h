/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spinlocks (Linux: include/linux/spinlock.h, spinlock_types.h,
 * kernel/locking/spinlock.c, spinlock_debug.c).
 *
 * A test-and-set lock on one byte (arch_spinlock_t). Taking a spinlock_t
 * disables preemption (a task holding a spinlock must not be switched
 * out: another task on this CPU could spin on it forever); the _irqsave
 * form also disables local interrupts first, so an interrupt handler on
 * this CPU cannot deadlock against the code it interrupted.
 *
 * In the kernel a spinlock_t also carries what Linux's
 * CONFIG_DEBUG_SPINLOCK and CONFIG_DEBUG_LOCK_ALLOC add: its owner and
 * owner's CPU (for "BUG: spinlock wrong owner") and a struct lockdep_map
 * naming its lock class. spin_lock_init() is a macro with a static
 * struct lock_class_key per call site, so all locks initialised there
 * are one class; DEFINE_SPINLOCK's lock is its own class. With the boot
 * option "lockdep" (prove_locking) every operation goes through the
 * checking versions in kernel/locking/spinlock.c (Linux's _raw_spin_*);
 * without it the inline fast paths below are all that runs.
 *
 * The same header serves the host tests (HOST_TEST), where threads play
 * CPUs, preemption and irq control do nothing, and there is no lockdep.
 * arch_spin_lock() itself is never tracked (lockdep's own lock and
 * printk's use it). Left out: ticket/queued fairness, the spinlock
 * "bad magic" and lockup checks, rwlocks. raw_spin_lock is the same lock
 * (Linux distinguishes them only under PREEMPT_RT).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <asm/irqflags.h>
#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>

/* The bare lock word (Linux: arch_spinlock_t), taken by arch_spin_lock(). */
typedef struct {
	volatile unsigned char locked;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }

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

static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

#ifdef HOST_TEST

typedef struct spinlock {
	arch_spinlock_t raw_lock;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define spin_lock_init(lock) ((lock)->raw_lock.locked = 0)
#define lock_debug_active() false

#else /* the kernel */

#define SPINLOCK_MAGIC 0xdead4ead
#define SPINLOCK_OWNER_INIT ((struct task_struct *)-1L)

typedef struct spinlock {
	arch_spinlock_t raw_lock;
	unsigned int magic;		/* SPINLOCK_MAGIC once initialised */
	int owner_cpu;			/* -1 when free */
	struct task_struct *owner;	/* SPINLOCK_OWNER_INIT when free */
	struct lockdep_map dep_map;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)                                          \
	{                                                                       \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, .magic = SPINLOCK_MAGIC, \
		.owner_cpu = -1, .owner = SPINLOCK_OWNER_INIT,                  \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_CONFIG),  \
	}

static inline void __raw_spin_lock_init(spinlock_t *lock, const char *name,
					struct lock_class_key *key, short inner)
{
	lock->raw_lock.locked = 0;
	lock->magic = SPINLOCK_MAGIC;
	lock->owner = SPINLOCK_OWNER_INIT;
	lock->owner_cpu = -1;
	lockdep_init_map_wait(&lock->dep_map, name, key, 0, inner);
}

/* One lock class per call site: the static key is the class's identity. */
#define spin_lock_init(lock)                                                     \
	do {                                                                     \
		static struct lock_class_key __key;                              \
		__raw_spin_lock_init((lock), #lock, &__key, LD_WAIT_CONFIG);     \
	} while (0)

#define lock_debug_active() unlikely(READ_ONCE(prove_locking))

#endif /* HOST_TEST */

/* The checking versions (kernel/locking/spinlock.c), used when prove_locking. */
void _raw_spin_lock(spinlock_t *lock);
void _raw_spin_lock_nested(spinlock_t *lock, int subclass);
bool _raw_spin_trylock(spinlock_t *lock);
void _raw_spin_unlock(spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave_nested(spinlock_t *lock, int subclass);
void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void _raw_spin_lock_irq(spinlock_t *lock);
void _raw_spin_unlock_irq(spinlock_t *lock);

#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static __always_inline void spin_lock(spinlock_t *lock)
{
	if (lock_debug_active()) {
		_raw_spin_lock(lock);
		return;
	}
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}

/*
 * Take a second lock of a class already held, telling lockdep it is a
 * different level of nesting (Linux: spin_lock_nested, with
 * SINGLE_DEPTH_NESTING for "the other one of a pair").
 */
static __always_inline void spin_lock_nested(spinlock_t *lock, int subclass)
{
	if (lock_debug_active()) {
		_raw_spin_lock_nested(lock, subclass);
		return;
	}
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}

static __always_inline bool spin_trylock(spinlock_t *lock)
{
	if (lock_debug_active())
		return _raw_spin_trylock(lock);
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock))
		return true;
	preempt_enable();
	return false;
}

static __always_inline void spin_unlock(spinlock_t *lock)
{
	if (lock_debug_active()) {
		_raw_spin_unlock(lock);
		return;
	}
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw_lock);
}

#define spin_lock_irqsave_nested(lock, flags, subclass)                          \
	do {                                                                     \
		if (lock_debug_active()) {                        \
			(flags) = _raw_spin_lock_irqsave_nested(lock, subclass); \
		} else {                                                         \
			local_irq_save(flags);                                   \
			preempt_disable();                                       \
			arch_spin_lock(&(lock)->raw_lock);                       \
		}                                                                \
	} while (0)

/* The common case is subclass 0 (Linux's _raw_spin_lock_irqsave is the same code). */
#define spin_lock_irqsave(lock, flags) spin_lock_irqsave_nested(lock, flags, 0)

/* Unlock without preempting until interrupts are back on (Linux does the same). */
#define spin_unlock_irqrestore(lock, flags)                      \
	do {                                                     \
		if (lock_debug_active()) {        \
			_raw_spin_unlock_irqrestore(lock, flags); \
		} else {                                         \
			arch_spin_unlock(&(lock)->raw_lock);     \
			local_irq_restore(flags);                \
			preempt_enable();                        \
		}                                                \
	} while (0)

#define spin_lock_irq(lock)                                 \
	do {                                                \
		if (lock_debug_active()) {   \
			_raw_spin_lock_irq(lock);           \
		} else {                                    \
			local_irq_disable();                \
			preempt_disable();                  \
			arch_spin_lock(&(lock)->raw_lock);  \
		}                                           \
	} while (0)

#define spin_unlock_irq(lock)                               \
	do {                                                \
		if (lock_debug_active()) {   \
			_raw_spin_unlock_irq(lock);         \
		} else {                                    \
			arch_spin_unlock(&(lock)->raw_lock); \
			local_irq_enable();                 \
			preempt_enable();                   \
		}                                           \
	} while (0)

#define raw_spinlock_t spinlock_t
#define raw_spin_lock_init spin_lock_init
#define raw_spin_lock spin_lock
#define raw_spin_lock_nested spin_lock_nested
#define raw_spin_unlock spin_unlock
#define raw_spin_lock_irqsave spin_lock_irqsave
#define raw_spin_unlock_irqrestore spin_unlock_irqrestore

#endif /* _LINUX_SPINLOCK_H */
