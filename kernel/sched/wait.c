// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions (Linux: kernel/sched/wait.c, completion.c).
 *
 * The order matters and is Linux's: a waiter puts itself on the queue
 * and sets its state *before* testing the condition, and a waker makes
 * the condition true *before* waking. Then a wakeup between the test
 * and schedule() only turns the task back to TASK_RUNNING, and
 * schedule() returns at once instead of sleeping through it.
 */
#include <linux/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
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

/* Wake nr waiters (0: all). They stay queued until they finish_wait(). */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(w, &wq->head, entry) {
		if (wake_up_state(w->private, mode) && nr && !--nr)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
}

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 1);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = ~0U / 2;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 0);
}

static bool try_complete(struct completion *x)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&x->wait.lock, flags);
	ok = x->done > 0;
	if (ok)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_complete(x));
}
