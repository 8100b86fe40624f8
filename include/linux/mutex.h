/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping locks (Linux: include/linux/mutex.h, kernel/locking/mutex.c).
 * A task that finds the mutex taken goes to sleep on its wait list
 * instead of spinning; only its owner may unlock it; it must never be
 * taken in atomic context (might_sleep() checks). Like spinlocks, a
 * mutex has a lockdep class: one per mutex_init() call site (a macro
 * with a static struct lock_class_key), or the mutex itself for
 * DEFINE_MUTEX, so lockdep orders mutexes against each other and
 * against spinlocks (wait type LD_WAIT_SLEEP, printed as {4:4}).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when unlocked */
	spinlock_t wait_lock;
	struct list_head wait_list;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(lockname)                                         \
	{                                                                     \
		.owner = NULL,                                                \
		.wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),        \
		.wait_list = LIST_HEAD_INIT(lockname.wait_list),              \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_SLEEP), \
	}

#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);

#define mutex_init(mutex)                                  \
	do {                                               \
		static struct lock_class_key __key;        \
		__mutex_init((mutex), #mutex, &__key);     \
	} while (0)

void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
