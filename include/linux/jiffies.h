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

/*
 * A timer: call function(t) from the tick interrupt once jiffies reaches
 * expires. It belongs to one CPU's timer base, named in flags, which it
 * keeps after it has fired (Linux keeps it in the same TIMER_CPUMASK bits).
 */
struct timer_list {
	struct list_head entry;		/* on its base's list while pending */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *t);
	u32 flags;			/* TIMER_CPUMASK | TIMER_MIGRATING */
};

#define TIMER_CPUMASK 0x0003FFFF	/* the CPU whose base has it */
#define TIMER_MIGRATING 0x00040000	/* moving between bases: wait */
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)

/* Queued and not yet fired (its callback may be running even so). */
static inline bool timer_pending(const struct timer_list *t)
{
	return READ_ONCE(t->entry.next) != &t->entry;
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void add_timer(struct timer_list *t);
void add_timer_on(struct timer_list *t, int cpu);
int mod_timer(struct timer_list *t, unsigned long expires);
int timer_delete(struct timer_list *t);
int try_to_del_timer_sync(struct timer_list *t);
int timer_delete_sync(struct timer_list *t);

/* The older names, which Linux kept as wrappers. */
static inline int del_timer(struct timer_list *t)
{
	return timer_delete(t);
}

static inline int del_timer_sync(struct timer_list *t)
{
	return timer_delete_sync(t);
}

void run_local_timers(void);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void msleep(unsigned int msecs);
void mdelay(unsigned long msecs);
u64 ktime_get_ns(void);
void init_timers(void);
void tick_handle_periodic(void);
/* From the timer interrupt: the tick's time to p->utime (user_tick) or p->stime. */
void account_process_tick(struct task_struct *p, int user_tick);

#endif /* _LINUX_JIFFIES_H */
