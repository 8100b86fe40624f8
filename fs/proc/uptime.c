// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/uptime (Linux: fs/proc/uptime.c uptime_proc_show): seconds since
 * boot (ktime_get_ns, the TSC clock that starts at boot) and the idle
 * time summed over the CPUs (kernel_cpustat's idle ticks), both with two
 * decimals.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/timekeeping.h>

#include "internal.h"

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 uptime = ktime_get_ns(), idle_nsec = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		idle_nsec += kcpustat_cpu(cpu).cpustat[CPUTIME_IDLE];
	seq_printf(m, "%lu.%02lu %lu.%02lu\n",
		   (unsigned long)(uptime / 1000000000ULL),
		   (unsigned long)(uptime % 1000000000ULL / 10000000ULL),
		   (unsigned long)(idle_nsec / 1000000000ULL),
		   (unsigned long)(idle_nsec % 1000000000ULL / 10000000ULL));
	return 0;
}

void proc_uptime_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("uptime", 0, NULL, uptime_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
