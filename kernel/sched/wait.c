// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions (Linux: kernel/sched/wait.c, completion.c).
 *
 * The order matters and is Linux's: a waiter puts itself on the queue
 * and sets its state *before* testing the condition, and a waker makes
 * the condition true *before* waking. Then a wakeup between the test
 * and schedule() only turns the task back to TASK_RUNNING, and
 * schedule() returns at once instead of sleeping through it.
 *
 * A completion is often on its waiter's stack (here the affinity change
 * in set_cpus_allowed_ptr(); in Linux also kthread_create()), and that
 * memory is dead the moment wait_for_completion() returns. So complete() and complete_all()
 * make `done` true and wake the waiters in one locked section
 * (__wake_up_locked; Linux: swake_up_locked): the waiter can only see
 * `done` by taking the same lock, so by then the completer's unlock was
 * its last access. Linux's completions use a simple wait queue with
 * exclusive waiters; here it is the ordinary wait queue, and complete()
 * wakes waiters until one of them was actually asleep.
 *
 * An entry may carry its own wake function (func; Linux's
 * wait_queue_func_t): poll(2) queues entries on many queues at once whose
 * pollwake marks the poller triggered before waking it (fs/select.c).
 * Entries without one wake their task (default_wake_function). Left out:
 * exclusive waiters, the wake-up key's filtering, autoremove.
 */
#include <linux/wait.h>

void __init_waitqueue_head(struct wait_queue_head *wq, const char *name,
			   struct lock_class_key *key)
{
	__raw_spin_lock_init(&wq->lock, name, key, LD_WAIT_CONFIG);
	INIT_LIST_HEAD(&wq->head);
}

/* Wake the entry's task (Linux: default_wake_function -> try_to_wake_up). */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&w->entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (!w->entry.next || list_empty(&w->entry))
		list_add_tail(&w->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (w->entry.next && !list_empty(&w->entry))
		list_del(&w->entry);
	INIT_LIST_HEAD(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/*
 * Wake nr waiters (0: all), with wq->lock held by the caller. They stay
 * queued until they finish_wait(): a waiter cannot leave, and so cannot
 * free its entry, while we hold the lock.
 */
void __wake_up_locked(struct wait_queue_head *wq, unsigned int mode, int nr)
{
	struct wait_queue_entry *w;

	list_for_each_entry(w, &wq->head, entry) {
		int woke = w->func ? w->func(w, mode, 0, NULL) :
				     default_wake_function(w, mode, 0, NULL);

		if (woke && nr && !--nr)
			break;
	}
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__wake_up_locked(wq, mode, nr);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* One waiter may go on; done counts completions nobody has consumed yet. */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != ~0U)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
	/* x may be gone now: the waiter returned as soon as we unlocked. */
}

/* Every waiter, now and later, may go on (until init_completion()). */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = ~0U;		/* Linux: UINT_MAX, never decremented */
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Consume one completion if there is one (Linux: try_wait_for_completion). */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&x->wait.lock, flags);
	ok = x->done > 0;
	if (ok && x->done != ~0U)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_wait_for_completion(x));
}
