// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores (Linux: kernel/locking/rwsem.c).
 *
 * Fast paths are one compare-and-exchange on count: a reader adds
 * RWSEM_READER_BIAS when neither the writer bit nor the waiters flag is
 * set, a writer goes from 0 to RWSEM_WRITER_LOCKED. Everything else takes
 * wait_lock: the task queues a waiter and sleeps; whoever releases the
 * lock hands it to the waiters at the head of the queue (rwsem_mark_wake:
 * one writer, or every reader up to the first writer) by setting their
 * count share and marking them granted, all under wait_lock, so a waiter
 * returns only after its waker has let go of it. The waiters flag keeps
 * newcomers from overtaking the queue, which is what stops a writer from
 * starving behind a stream of readers.
 * Left out: optimistic spinning on a running writer, the handoff bit,
 * reader-owned state in owner, the _killable/_interruptible variants
 * (there are no signals yet), percpu-rwsem.
 */
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/rwsem.h>
#include <linux/sched.h>

#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

enum rwsem_waiter_type {
	RWSEM_WAITING_FOR_WRITE,
	RWSEM_WAITING_FOR_READ,
};

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	enum rwsem_waiter_type type;
	bool granted;
};

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&sem->count, 0);
	sem->owner = NULL;
	spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_map_wait(&sem->dep_map, name, key, 0, LD_WAIT_SLEEP);
}

static bool cmpxchg_count(struct rw_semaphore *sem, long *old, long new)
{
	return __atomic_compare_exchange_n(&sem->count.counter, old, new, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static bool rwsem_read_trylock(struct rw_semaphore *sem)
{
	long c = atomic_long_read(&sem->count);

	while (!(c & (RWSEM_WRITER_LOCKED | RWSEM_FLAG_WAITERS)))
		if (cmpxchg_count(sem, &c, c + RWSEM_READER_BIAS))
			return true;
	return false;
}

static bool rwsem_write_trylock(struct rw_semaphore *sem)
{
	long c = 0;

	if (!cmpxchg_count(sem, &c, RWSEM_WRITER_LOCKED))
		return false;
	sem->owner = current;
	return true;
}

/*
 * Under wait_lock, with the lock free of a writer: hand it to the head of
 * the queue (Linux: rwsem_mark_wake). A writer needs the lock entirely
 * free; readers may join other readers.
 */
static void rwsem_mark_wake(struct rw_semaphore *sem)
{
	struct rwsem_waiter *waiter, *tmp;
	long c = atomic_long_read(&sem->count);

	list_for_each_entry_safe(waiter, tmp, &sem->wait_list, list) {
		if (waiter->type == RWSEM_WAITING_FOR_WRITE) {
			if (c & ~RWSEM_FLAG_WAITERS)
				break;		/* readers still hold it */
			__atomic_fetch_add(&sem->count.counter, RWSEM_WRITER_LOCKED,
					   __ATOMIC_ACQUIRE);
			sem->owner = waiter->task;
		} else {
			if (c & RWSEM_WRITER_LOCKED)
				break;
			__atomic_fetch_add(&sem->count.counter, RWSEM_READER_BIAS, __ATOMIC_ACQUIRE);
		}
		list_del(&waiter->list);
		WRITE_ONCE(waiter->granted, true);
		wake_up_process(waiter->task);
		c = atomic_long_read(&sem->count);
		if (waiter->type == RWSEM_WAITING_FOR_WRITE)
			break;
	}
	if (list_empty(&sem->wait_list))
		__atomic_fetch_and(&sem->count.counter, ~RWSEM_FLAG_WAITERS, __ATOMIC_RELEASE);
}

static void rwsem_wake(struct rw_semaphore *sem)
{
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	if (!list_empty(&sem->wait_list))
		rwsem_mark_wake(sem);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

/* Queue and sleep until granted (Linux: rwsem_down_read_slowpath/_write_slowpath). */
static void rwsem_down_slowpath(struct rw_semaphore *sem, enum rwsem_waiter_type type)
{
	struct rwsem_waiter waiter = { .task = current, .type = type };
	unsigned long flags;

	spin_lock_irqsave(&sem->wait_lock, flags);
	/* Try once more with the queue stable: the lock may have been freed meanwhile. */
	if (list_empty(&sem->wait_list) &&
	    (type == RWSEM_WAITING_FOR_READ ? rwsem_read_trylock(sem) : rwsem_write_trylock(sem))) {
		spin_unlock_irqrestore(&sem->wait_lock, flags);
		return;
	}
	list_add_tail(&waiter.list, &sem->wait_list);
	__atomic_fetch_or(&sem->count.counter, RWSEM_FLAG_WAITERS, __ATOMIC_RELAXED);
	/* Released between our try and setting the flag: nobody will wake us, so look now. */
	if (!(atomic_long_read(&sem->count) & ~RWSEM_FLAG_WAITERS))
		rwsem_mark_wake(sem);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(waiter.granted))
			break;
		spin_unlock_irqrestore(&sem->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&sem->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}

static void __down_read(struct rw_semaphore *sem, int subclass, unsigned long ip)
{
	might_sleep();
	if (lock_debug_active())
		lock_acquire_exclusive(&sem->dep_map, subclass, 0, NULL, ip);
	if (!rwsem_read_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_READ);
}

void down_read(struct rw_semaphore *sem)
{
	__down_read(sem, 0, _RET_IP_);
}

void down_read_nested(struct rw_semaphore *sem, int subclass)
{
	__down_read(sem, subclass, _RET_IP_);
}

int down_read_trylock(struct rw_semaphore *sem)
{
	bool ok = rwsem_read_trylock(sem);

	if (ok && lock_debug_active())
		lock_acquire_exclusive(&sem->dep_map, 0, 1, NULL, _RET_IP_);
	return ok;
}

void up_read(struct rw_semaphore *sem)
{
	long c;

	if (lock_debug_active())
		lock_release(&sem->dep_map, _RET_IP_);
	c = __atomic_sub_fetch(&sem->count.counter, RWSEM_READER_BIAS, __ATOMIC_RELEASE);
	if (WARN_ON_ONCE(c < 0 || (c & RWSEM_WRITER_LOCKED)))
		return;
	/* The last reader out lets the queue in. */
	if ((c & RWSEM_FLAG_WAITERS) && !(c >> RWSEM_READER_SHIFT))
		rwsem_wake(sem);
}

static void __down_write(struct rw_semaphore *sem, int subclass, unsigned long ip)
{
	might_sleep();
	if (lock_debug_active())
		lock_acquire_exclusive(&sem->dep_map, subclass, 0, NULL, ip);
	if (!rwsem_write_trylock(sem))
		rwsem_down_slowpath(sem, RWSEM_WAITING_FOR_WRITE);
}

void down_write(struct rw_semaphore *sem)
{
	__down_write(sem, 0, _RET_IP_);
}

void down_write_nested(struct rw_semaphore *sem, int subclass)
{
	__down_write(sem, subclass, _RET_IP_);
}

int down_write_trylock(struct rw_semaphore *sem)
{
	bool ok = rwsem_write_trylock(sem);

	if (ok && lock_debug_active())
		lock_acquire_exclusive(&sem->dep_map, 0, 1, NULL, _RET_IP_);
	return ok;
}

void up_write(struct rw_semaphore *sem)
{
	long c;

	if (lock_debug_active())
		lock_release(&sem->dep_map, _RET_IP_);
	if (sem->owner != current)
		pr_err("DEBUG_RWSEMS_WARN_ON(sem->owner != current): %s releases a rwsem it does not hold\n",
		       current->comm);
	sem->owner = NULL;
	c = __atomic_fetch_and(&sem->count.counter, ~RWSEM_WRITER_LOCKED, __ATOMIC_RELEASE);
	if (c & RWSEM_FLAG_WAITERS)
		rwsem_wake(sem);
}

void downgrade_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	sem->owner = NULL;
	spin_lock_irqsave(&sem->wait_lock, flags);
	/* Become a reader in one step, so no writer can slip in between. */
	__atomic_fetch_add(&sem->count.counter, RWSEM_READER_BIAS - RWSEM_WRITER_LOCKED,
			   __ATOMIC_RELEASE);
	if (!list_empty(&sem->wait_list))
		rwsem_mark_wake(sem);
	spin_unlock_irqrestore(&sem->wait_lock, flags);
}
