// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/loadavg (Linux: fs/proc/loadavg.c loadavg_proc_show): the three
 * load averages (kernel/sched/loadavg.c), runnable tasks / all threads,
 * and the last pid handed out (kernel/pid.c last_pid).
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>

#include "internal.h"

/* Threads that exist (Linux: nr_threads, counted in copy_process/__unhash_process). */
static int count_threads(void)
{
	struct task_struct *p;
	int n = 0;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid > 0 && p->exit_state != EXIT_DEAD)
			n++;
	spin_unlock(&tasklist_lock);
	return n;
}

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
		   LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
		   LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
		   LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
		   nr_running(), count_threads(), READ_ONCE(last_pid));
	return 0;
}

void proc_loadavg_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("loadavg", 0, NULL, loadavg_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
