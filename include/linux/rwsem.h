/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-write semaphores (Linux: include/linux/rwsem.h,
 * kernel/locking/rwsem.c): many readers or one writer, sleeping while
 * they wait. Used for inode->i_rwsem (inode_lock/inode_lock_shared) and,
 * with user space, mm->mmap_lock.
 *
 * count: bit 0 RWSEM_WRITER_LOCKED, bit 1 RWSEM_FLAG_WAITERS, the number
 * of readers from bit 8 (RWSEM_READER_BIAS), as in Linux. Once a task
 * waits, newcomers queue behind it, so a writer is not starved by a
 * stream of readers. Lockdep sees every acquisition as exclusive (it has
 * no read locks here; Linux's lockdep knows readers).
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>

struct task_struct;

struct rw_semaphore {
	atomic_long_t count;
	struct task_struct *owner;	/* the writer, NULL if readers or free */
	spinlock_t wait_lock;
	struct list_head wait_list;
	struct lockdep_map dep_map;
};

#define RWSEM_WRITER_LOCKED (1UL << 0)
#define RWSEM_FLAG_WAITERS (1UL << 1)
#define RWSEM_READER_SHIFT 8
#define RWSEM_READER_BIAS (1UL << RWSEM_READER_SHIFT)

#define __RWSEM_INITIALIZER(name)                                             \
	{                                                                     \
		.count = { 0 },                                               \
		.owner = NULL,                                                \
		.wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock),            \
		.wait_list = LIST_HEAD_INIT(name.wait_list),                  \
		.dep_map = STATIC_LOCKDEP_MAP_INIT(#name, LD_WAIT_SLEEP),     \
	}

#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);

#define init_rwsem(sem)                                    \
	do {                                               \
		static struct lock_class_key __key;        \
		__init_rwsem((sem), #sem, &__key);         \
	} while (0)

void down_read(struct rw_semaphore *sem);
void down_read_nested(struct rw_semaphore *sem, int subclass);
int down_read_trylock(struct rw_semaphore *sem);	/* 1 if taken, as Linux */
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void down_write_nested(struct rw_semaphore *sem, int subclass);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* Turn a held write lock into a read lock, letting waiting readers in. */
void downgrade_write(struct rw_semaphore *sem);

static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return atomic_long_read(&sem->count) & ~RWSEM_FLAG_WAITERS ? 1 : 0;
}

#endif /* _LINUX_RWSEM_H */
