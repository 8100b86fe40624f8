/* SPDX-License-Identifier: GPL-2.0 */
/* The scheduler's private data (Linux: kernel/sched/sched.h). */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

/* One per CPU. */
struct rq {
	spinlock_t lock;
	unsigned int nr_running;	/* runnable tasks here, the running one included */
	struct list_head queue;		/* runnable tasks waiting for this CPU */
	struct task_struct *curr;
	struct task_struct *idle;
	unsigned long nr_switches;
	int cpu;
};

DECLARE_PER_CPU(struct rq, runqueues);
#define cpu_rq(cpu) per_cpu_ptr(&runqueues, (cpu))
#define this_rq() this_cpu_ptr(&runqueues)

#endif /* _KERNEL_SCHED_SCHED_H */
