/* SPDX-License-Identifier: GPL-2.0 */
/*
 * task_struct::jobctl, the per-thread state of a job-control group stop
 * (Linux: include/linux/sched/jobctl.h, without the ptrace bits).
 */
#ifndef _LINUX_SCHED_JOBCTL_H
#define _LINUX_SCHED_JOBCTL_H

#define JOBCTL_STOP_SIGMASK 0xffff	/* the stop signal of the pending stop */

#define JOBCTL_STOP_DEQUEUED (1UL << 16)	/* a stop signal was dequeued */
#define JOBCTL_STOP_PENDING (1UL << 17)		/* this thread must stop */
#define JOBCTL_STOP_CONSUME (1UL << 18)		/* and count itself in group_stop_count */

#define JOBCTL_PENDING_MASK JOBCTL_STOP_PENDING

#ifndef __ASSEMBLY__
#include <linux/sched.h>

struct signal_struct;

/* In a job-control stop (Linux: task_is_stopped). */
static inline bool task_is_stopped(const struct task_struct *t)
{
	return READ_ONCE(t->__state) & __TASK_STOPPED;
}

/* kernel/signal_jobctl.c; siglock held. */
bool task_set_jobctl_pending(struct task_struct *t, unsigned long mask);
void task_clear_jobctl_pending(struct task_struct *t, unsigned long mask);
void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags);
/* For get_signal() only (static in Linux's kernel/signal.c). */
bool do_signal_stop(int signr);				/* tasklist_lock + siglock held */
void do_notify_parent_cldstop(struct task_struct *tsk, int why);	/* tasklist_lock held */
#endif

#endif /* _LINUX_SCHED_JOBCTL_H */
