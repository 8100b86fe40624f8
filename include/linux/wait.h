/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues (Linux: include/linux/wait.h, kernel/sched/wait.c).
 * A task waiting for a condition puts itself on a queue, marks itself
 * sleeping, re-checks the condition, and schedules; wake_up() makes the
 * waiters runnable again and they re-check.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct wait_queue_entry;
/*
 * What a wake-up does to one entry (Linux: wait_queue_func_t); returns
 * nonzero if it woke someone. An entry without one (func NULL, as every
 * `{ .private = current }` entry is) wakes its task: default_wake_function.
 * poll(2) gives its entries pollwake (fs/select.c).
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

struct wait_queue_entry {
	struct task_struct *private;
	struct list_head entry;
	wait_queue_func_t func;		/* NULL: default_wake_function */
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define DECLARE_WAIT_QUEUE_HEAD(name)                                  \
	struct wait_queue_head name = { .lock = __SPIN_LOCK_UNLOCKED(name.lock), \
					.head = LIST_HEAD_INIT(name.head) }

/* Each call site is one lock class for lockdep, as Linux's macro makes it. */
void __init_waitqueue_head(struct wait_queue_head *wq, const char *name,
			   struct lock_class_key *key);
#define init_waitqueue_head(wq)                                 \
	do {                                                    \
		static struct lock_class_key __key;             \
		__init_waitqueue_head((wq), #wq, &__key);       \
	} while (0)
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->private = NULL;
	wq_entry->func = func;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/* Queue and dequeue an entry without touching the task's state (Linux's names). */
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w);

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr);
void __wake_up_locked(struct wait_queue_head *wq, unsigned int mode, int nr);

#define wake_up(wq) __wake_up(wq, TASK_NORMAL, 1)
#define wake_up_all(wq) __wake_up(wq, TASK_NORMAL, 0)

#define ___wait_event(wq, condition, state)                                  \
	do {                                                                 \
		struct wait_queue_entry __w = { .private = current };        \
		might_sleep();                                               \
		for (;;) {                                                   \
			prepare_to_wait(&(wq), &__w, state);                 \
			if (condition)                                       \
				break;                                       \
			schedule();                                          \
		}                                                            \
		finish_wait(&(wq), &__w);                                    \
	} while (0)

#define wait_event(wq, condition)                                            \
	do {                                                                 \
		if (!(condition))                                            \
			___wait_event(wq, condition, TASK_UNINTERRUPTIBLE);  \
	} while (0)

/*
 * Completions: "this happened" for one or all waiters (Linux:
 * include/linux/completion.h). complete() and complete_all() do not touch
 * the completion once a waiter can have returned, so it may live on the
 * waiter's stack (kernel/sched/wait.c says how).
 */
struct completion {
	unsigned int done;		/* ~0U after complete_all() */
	struct wait_queue_head wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
bool try_wait_for_completion(struct completion *x);

#endif /* _LINUX_WAIT_H */
