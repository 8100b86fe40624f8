// SPDX-License-Identifier: GPL-2.0
/*
 * The checking spinlock entry points (Linux: kernel/locking/spinlock.c,
 * the _raw_spin_* functions behind spin_lock() and friends, with
 * include/linux/spinlock_api_smp.h's __raw_spin_* bodies).
 *
 * include/linux/spinlock.h calls these instead of its inline fast paths
 * once the boot option "lockdep" is on (prove_locking). Each does what
 * Linux's does with CONFIG_DEBUG_LOCK_ALLOC and CONFIG_DEBUG_SPINLOCK:
 * tell lockdep (spin_acquire/spin_release, reported at _RET_IP_, the
 * caller), then take or drop the lock word with the owner checks of
 * spinlock_debug.c. One order differs from Linux: the unlock paths check
 * the owner before lockdep's release, so an unlock by another task is
 * reported as Linux's spinlock debugging reports it ("BUG: spinlock wrong
 * owner") rather than as lockdep's "bad unlock balance" (which Linux,
 * with both options on, would print first).
 */
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "spinlock_debug.h"

#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

void _raw_spin_lock(spinlock_t *lock)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}

void _raw_spin_lock_nested(spinlock_t *lock, int subclass)
{
	preempt_disable();
	spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}

bool _raw_spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock)) {
		spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

void _raw_spin_unlock(spinlock_t *lock)
{
	debug_spin_unlock_owner(lock);
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	preempt_enable();
}

unsigned long _raw_spin_lock_irqsave_nested(spinlock_t *lock, int subclass)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
	do_raw_spin_lock(lock);
	return flags;
}

void _raw_spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	debug_spin_unlock_owner(lock);
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

void _raw_spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
	do_raw_spin_lock(lock);
}

void _raw_spin_unlock_irq(spinlock_t *lock)
{
	debug_spin_unlock_owner(lock);
	spin_release(&lock->dep_map, _RET_IP_);
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}
