/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticks and timers (Linux: include/linux/jiffies.h, timer.h, delay.h).
 * jiffies counts timer ticks since boot (HZ per second); ktime_get_ns()
 * is the monotonic clock in nanoseconds (from the TSC), what user space
 * will read with clock_gettime(CLOCK_MONOTONIC).
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/types.h>

extern volatile unsigned long jiffies;

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (1000 / HZ);
}

struct timer_list {
	struct list_head entry;
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *t);
	int cpu;			/* whose list it is on, -1 if none */
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void add_timer(struct timer_list *t);
int del_timer_sync(struct timer_list *t);
void run_local_timers(void);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void msleep(unsigned int msecs);
void mdelay(unsigned long msecs);
u64 ktime_get_ns(void);
void init_timers(void);
void tick_handle_periodic(void);

#endif /* _LINUX_JIFFIES_H */
