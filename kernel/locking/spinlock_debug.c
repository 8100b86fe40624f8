// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlock owner checks (Linux: kernel/locking/spinlock_debug.c,
 * CONFIG_DEBUG_SPINLOCK), run with the boot option "lockdep".
 *
 * Taking a lock records the owner task and CPU; the checks are Linux's:
 * "recursion" (the owner takes it again) and "cpu recursion" (someone on
 * the owner's CPU does) before spinning, "already unlocked", "wrong
 * owner" (another task unlocks it) and "wrong CPU" at unlock. The first
 * failure prints Linux's report and turns lock debugging off:
 *
 *   BUG: spinlock wrong owner on CPU#1, ktest/12
 *    lock: 0xffffffff8013c040, .magic: dead4ead, .owner: holder/13, .owner_cpu: 0
 *
 * The owner fields are kept up to date even after a report, so they are
 * right again when the self-tests re-arm lockdep. Left out: the "bad
 * magic" check (a zeroed static lock is accepted here) and the lockup
 * detector of older kernels.
 */
#include <linux/debug_locks.h>
#include <linux/lockdep.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "spinlock_debug.h"

static void spin_dump(spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (owner == SPINLOCK_OWNER_INIT)
		owner = NULL;
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%d, %s/%d\n", msg, raw_smp_processor_id(),
	       current->comm, current->pid);
	printk(KERN_EMERG " lock: %pS, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n", lock,
	       READ_ONCE(lock->magic), owner ? owner->comm : "<none>", owner ? owner->pid : -1,
	       READ_ONCE(lock->owner_cpu));
	dump_stack();
}

static void spin_bug(spinlock_t *lock, const char *msg)
{
	if (!debug_locks_off_report(LOCKDEP_BUG_SPINLOCK))
		return;
	spin_dump(lock, msg);
}

#define SPIN_BUG_ON(cond, lock, msg)                     \
	do {                                             \
		if (unlikely(cond) && debug_locks)       \
			spin_bug(lock, msg);             \
	} while (0)

/* Held by someone: a zeroed static lock starts with owner NULL, not OWNER_INIT. */
static inline bool spin_owned(spinlock_t *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	return owner && owner != SPINLOCK_OWNER_INIT;
}

static inline void debug_spin_lock_before(spinlock_t *lock)
{
	SPIN_BUG_ON(READ_ONCE(lock->owner) == current, lock, "recursion");
	SPIN_BUG_ON(spin_owned(lock) && READ_ONCE(lock->owner_cpu) == raw_smp_processor_id(),
		    lock, "cpu recursion");
}

static inline void debug_spin_lock_after(spinlock_t *lock)
{
	WRITE_ONCE(lock->owner_cpu, raw_smp_processor_id());
	WRITE_ONCE(lock->owner, current);
}

/* Before lockdep's release: see kernel/locking/spinlock.c. */
void debug_spin_unlock_owner(spinlock_t *lock)
{
	SPIN_BUG_ON(arch_spin_is_locked(&lock->raw_lock) && lock->owner != current, lock,
		    "wrong owner");
}

static inline void debug_spin_unlock(spinlock_t *lock)
{
	SPIN_BUG_ON(!arch_spin_is_locked(&lock->raw_lock), lock, "already unlocked");
	SPIN_BUG_ON(lock->owner != current, lock, "wrong owner");
	SPIN_BUG_ON(lock->owner_cpu != raw_smp_processor_id(), lock, "wrong CPU");
	WRITE_ONCE(lock->owner, SPINLOCK_OWNER_INIT);
	WRITE_ONCE(lock->owner_cpu, -1);
}

void do_raw_spin_lock(spinlock_t *lock)
{
	debug_spin_lock_before(lock);
	arch_spin_lock(&lock->raw_lock);
	debug_spin_lock_after(lock);
}

bool do_raw_spin_trylock(spinlock_t *lock)
{
	bool ret = arch_spin_trylock(&lock->raw_lock);

	if (ret)
		debug_spin_lock_after(lock);
	return ret;
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	debug_spin_unlock(lock);
	arch_spin_unlock(&lock->raw_lock);
}
