// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's half of a task switch and of a new task (Linux:
 * arch/x86/kernel/process_64.c and process.c: __switch_to, copy_thread,
 * start_thread, arch_prctl).
 */
#include <asm/desc.h>
#include <linux/sched.h>

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	this_cpu_write(current_task, next);
	return prev;
}
