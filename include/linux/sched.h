/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks (Linux: include/linux/sched.h, arch/x86/include/asm/current.h).
 * For now only the boot task exists (init_task, "swapper/0"); the
 * scheduler issue fills struct task_struct in. `current` is read through
 * the per-CPU variable current_task, one %gs: load, as on x86 Linux.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

#define TASK_COMM_LEN 16

struct task_struct {
	volatile long __state;
	void *stack;		/* bottom of the kernel stack */
	int pid;
	unsigned int cpu;
	char comm[TASK_COMM_LEN];
};

extern struct task_struct init_task;
DECLARE_PER_CPU(struct task_struct *, current_task);
DECLARE_PER_CPU(int, cpu_number);

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()
#define smp_processor_id() this_cpu_read(cpu_number)

#endif /* _LINUX_SCHED_H */
