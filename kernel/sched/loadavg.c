// SPDX-License-Identifier: GPL-2.0
/*
 * The load average (Linux: kernel/sched/loadavg.c, include/linux/sched/loadavg.h).
 *
 * Every LOAD_FREQ (5 s) the tick on CPU 0 counts the runnable tasks of
 * every CPU (nr_running, the running ones included; Linnet has no
 * uninterruptible-sleep count to add) and folds it into three
 * exponentially decaying averages with Linux's fixed-point factors:
 * avenrun[i] = avenrun[i] * e + n * (1 - e), e = exp(-5 s / 1, 5, 15 min),
 * 11 bits of fraction (EXP_1 = 1884, EXP_5 = 2014, EXP_15 = 2037 of
 * FIXED_1 = 2048). /proc/loadavg prints them, with nr_running() and the
 * number of threads. Left out: the NO_HZ idle folding (there is no
 * tickless idle here: every CPU ticks) and per-CPU calc_load_fold_active.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>

unsigned long avenrun[3];
static unsigned long calc_load_update;	/* jiffies of the next sample */

/* The loads with offset added, shifted left by shift (Linux: get_avenrun). */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	loads[0] = (READ_ONCE(avenrun[0]) + offset) << shift;
	loads[1] = (READ_ONCE(avenrun[1]) + offset) << shift;
	loads[2] = (READ_ONCE(avenrun[2]) + offset) << shift;
}

/* Runnable tasks on every CPU now (Linux: nr_running()). */
unsigned int nr_running(void)
{
	unsigned int sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += nr_running_on(cpu);
	return sum;
}

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* From the tick on CPU 0, after jiffies moved (Linux: calc_global_load from do_timer). */
void calc_global_load(void)
{
	unsigned long sample = READ_ONCE(calc_load_update);
	unsigned long active;

	if (!sample) {
		WRITE_ONCE(calc_load_update, jiffies + LOAD_FREQ);
		return;
	}
	if ((long)(jiffies - sample) < 0)
		return;
	active = nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	WRITE_ONCE(calc_load_update, sample + LOAD_FREQ);
}
