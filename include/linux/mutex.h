/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sleeping locks (Linux: include/linux/mutex.h, kernel/locking/mutex.c).
 * A task that finds the mutex taken goes to sleep on its wait list
 * instead of spinning; only its owner may unlock it; it must never be
 * taken in atomic context (might_sleep() checks).
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when unlocked */
	spinlock_t wait_lock;
	struct list_head wait_list;
};

#define DEFINE_MUTEX(name) \
	struct mutex name = { NULL, __SPIN_LOCK_UNLOCKED(name.wait_lock), LIST_HEAD_INIT(name.wait_list) }

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif /* _LINUX_MUTEX_H */
