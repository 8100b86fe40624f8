// SPDX-License-Identifier: GPL-2.0
/*
 * Mutexes (Linux: kernel/locking/mutex.c).
 *
 * The fast path is one compare-and-exchange of the owner field from NULL
 * to current. Otherwise the task queues itself on wait_list and sleeps.
 * mutex_unlock() clears the owner and wakes the first waiter, which tries
 * again; a running task may take the lock first (no handoff).
 *
 * Under the boot option "lockdep" each mutex is a lock class too:
 * mutex_lock() tells lockdep before it may sleep (mutex_acquire, so an
 * ABBA between two mutexes is reported instead of hanging), a successful
 * mutex_trylock() after, and mutex_unlock() before it lets go. Left out:
 * optimistic spinning on a running owner, the handoff flag that makes
 * waiters fair, Linux's debug_mutex_* checks beyond the owner test.
 */
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>

#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->owner = NULL;
	spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lockdep_init_map_wait(&lock->dep_map, name, key, 0, LD_WAIT_SLEEP);
}

static bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &expected, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

bool mutex_trylock(struct mutex *lock)
{
	bool locked = __mutex_trylock(lock);

	if (locked && lock_debug_active())
		mutex_acquire(&lock->dep_map, 0, 1, _RET_IP_);
	return locked;
}

static void __mutex_lock(struct mutex *lock, unsigned int subclass, unsigned long ip)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;

	might_sleep();
	if (lock_debug_active())
		mutex_acquire(&lock->dep_map, subclass, 0, ip);
	if (__mutex_trylock(lock))
		return;
	spin_lock_irqsave(&lock->wait_lock, flags);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		/* Set the state before the last try: an unlock in between wakes us. */
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (__mutex_trylock(lock))
			break;
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&waiter.list);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, 0, _RET_IP_);
}

/* A second mutex of a class already held, as another nesting level (Linux: mutex_lock_nested). */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, subclass, _RET_IP_);
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *first = NULL;
	unsigned long flags;

	if (lock_debug_active())
		mutex_release(&lock->dep_map, _RET_IP_);
	if (lock->owner != current)
		pr_err("DEBUG_LOCKS_WARN_ON(mutex owner != current): %s unlocks a mutex it does not hold\n",
		       current->comm);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!list_empty(&lock->wait_list))
		first = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
	if (first)
		wake_up_process(first->task);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}
