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

#endif /* _LINUX_SCHED_JOBCTL_H */
