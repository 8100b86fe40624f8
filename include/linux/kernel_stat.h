/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU time accounting (Linux: include/linux/kernel_stat.h,
 * kernel/sched/cputime.c with tick-based accounting): every tick charges
 * one tick's nanoseconds to the bucket of what the CPU was doing when
 * the timer interrupt came: user mode, kernel mode (system), or the idle
 * task (idle). /proc/stat's cpu lines and /proc/uptime's idle time are
 * these, summed or per CPU. The other buckets stay 0 here: nice (no
 * nice levels), iowait (no block I/O), irq/softirq (ticks that hit an
 * interrupt are charged to system), steal, guest.
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];		/* ns */
};

DECLARE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

#define kcpustat_cpu(cpu) per_cpu(kernel_cpustat, cpu)

#endif /* _LINUX_KERNEL_STAT_H */
