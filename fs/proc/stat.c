// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/stat (Linux: fs/proc/stat.c show_stat). Where the numbers come
 * from: the cpu lines are each CPU's kernel_cpustat (kernel/time/timer.c
 * charges every tick to user, system or idle), in USER_HZ ticks; intr is
 * the total of every vector's count (kernel/irq.c irq_count[]) and then
 * one count per legacy IRQ 0-15 (Linux prints one per Linux irq number);
 * ctxt the scheduler's switches (rq->nr_switches), btime the boot time,
 * processes the forks (NR_FORKS), procs_running nr_running(); Linnet has
 * no softirqs and no I/O wait: procs_blocked and the softirq counts are 0.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/seq_file.h>
#include <linux/timekeeping.h>
#include <linux/vmstat.h>
#include <asm/irq_vectors.h>

#include "internal.h"

#define USER_HZ 100
#define NR_SOFTIRQS 10

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

static void show_cpu_line(struct seq_file *p, const char *name, const u64 *cs)
{
	seq_puts(p, name);
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_USER]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_NICE]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_SYSTEM]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_IDLE]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_IOWAIT]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_IRQ]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_SOFTIRQ]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_STEAL]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_GUEST]));
	seq_put_decimal_ull(p, " ", nsec_to_clock_t(cs[CPUTIME_GUEST_NICE]));
	seq_putc(p, '\n');
}

/* Boot time, seconds since the epoch (Linux: getboottime64). */
time64_t proc_boot_time(void)
{
	return ktime_get_real_seconds() - (time64_t)(ktime_get_ns() / 1000000000ULL);
}

static int show_stat(struct seq_file *p, void *v)
{
	u64 sum[NR_STATS] = {};
	unsigned long long sum_irqs = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		for (int i = 0; i < NR_STATS; i++)
			sum[i] += kcpustat_cpu(cpu).cpustat[i];
		for (int vec = 0; vec < NR_VECTORS; vec++)
			sum_irqs += per_cpu(irq_count, cpu)[vec];
	}
	show_cpu_line(p, "cpu ", sum);
	for_each_online_cpu(cpu) {
		char name[16];

		snprintf(name, sizeof(name), "cpu%u", cpu);
		show_cpu_line(p, name, kcpustat_cpu(cpu).cpustat);
	}
	seq_put_decimal_ull(p, "intr ", sum_irqs);
	for (int irq = 0; irq < 16; irq++) {
		unsigned long long n = 0;

		for_each_possible_cpu(cpu)
			n += per_cpu(irq_count, cpu)[ISA_IRQ_VECTOR(irq)];
		seq_put_decimal_ull(p, " ", n);
	}
	seq_printf(p, "\nctxt %lu\nbtime %llu\nprocesses %lu\nprocs_running %u\nprocs_blocked %u\n",
		   sum_vm_event(NR_CONTEXT_SWITCHES), (unsigned long long)proc_boot_time(),
		   sum_vm_event(NR_FORKS), nr_running(), 0);
	seq_put_decimal_ull(p, "softirq ", 0);
	for (int i = 0; i < NR_SOFTIRQS; i++)
		seq_put_decimal_ull(p, " ", 0);
	seq_putc(p, '\n');
	return 0;
}

void proc_stat_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("stat", 0, NULL, show_stat);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
