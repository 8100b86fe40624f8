// SPDX-License-Identifier: GPL-2.0
/*
 * The first task: the one running the boot code, later the boot CPU's
 * idle task (Linux: init/init_task.c). Its stack is the boot stack.
 */
#include <asm/page.h>
#include <linux/mm_types.h>
#include <linux/sched.h>

extern char boot_stack[];

struct task_struct init_task = {
	.__state = 0,
	.stack = boot_stack,
	.pid = 0,
	.active_mm = &init_mm,
	.cpu = 0,
	.comm = "swapper/0",
};
