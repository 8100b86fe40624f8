// SPDX-License-Identifier: GPL-2.0
/*
 * The tick, jiffies, timers and sleeping for a while (Linux:
 * kernel/time/timer.c, tick-common.c, kernel/time/sleep_timeout.c).
 *
 * Every CPU's local APIC timer interrupts HZ times a second
 * (kernel/apic/apic.c). On each tick: CPU 0 advances jiffies, every CPU
 * runs its expired timers and gives the scheduler its tick. A timer is a
 * function to call at a given jiffy, kept on the list of the CPU that
 * armed it; Linux's timer wheel makes this O(1), a list is enough here.
 * msleep() arms a timer that wakes the sleeping task.
 */
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

volatile unsigned long jiffies;

struct timer_base {
	spinlock_t lock;
	struct list_head timers;
};
static DEFINE_PER_CPU(struct timer_base, timer_bases);

void init_timers(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);

		spin_lock_init(&base->lock);
		INIT_LIST_HEAD(&base->timers);
	}
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	t->function = fn;
	t->cpu = -1;
	INIT_LIST_HEAD(&t->entry);
}

void add_timer(struct timer_list *t)
{
	int cpu = raw_smp_processor_id();	/* a hint: any CPU's base will do */
	struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	t->cpu = cpu;
	list_add_tail(&t->entry, &base->timers);
	spin_unlock_irqrestore(&base->lock, flags);
}

/* Remove t if pending; 1 if it was. (Runs never race: they hold the same lock.) */
int del_timer_sync(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	int cpu = READ_ONCE(t->cpu), ret = 0;

	if (cpu < 0)
		return 0;
	base = per_cpu_ptr(&timer_bases, cpu);
	spin_lock_irqsave(&base->lock, flags);
	if (t->cpu >= 0) {
		list_del(&t->entry);
		INIT_LIST_HEAD(&t->entry);
		t->cpu = -1;
		ret = 1;
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/* Called from the tick, in interrupt context. */
void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);
	struct timer_list *t, *next;

	spin_lock(&base->lock);
	list_for_each_entry_safe(t, next, &base->timers, entry) {
		if (time_before(jiffies, t->expires))
			continue;
		list_del(&t->entry);
		INIT_LIST_HEAD(&t->entry);
		t->cpu = -1;
		t->function(t);
	}
	spin_unlock(&base->lock);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *pt = container_of(t, struct process_timer, timer);

	wake_up_process(pt->task);
}

/* Sleep (in the state set by the caller) until woken or timeout jiffies pass. */
long schedule_timeout(long timeout)
{
	struct process_timer pt = { .task = current };
	unsigned long expire = jiffies + timeout;

	timer_setup(&pt.timer, process_timeout);
	pt.timer.expires = expire;
	add_timer(&pt.timer);
	schedule();
	del_timer_sync(&pt.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_uninterruptible(long timeout)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}

u64 ktime_get_ns(void)
{
	return local_clock();
}

/* The periodic tick (Linux: tick_handle_periodic -> update_process_times). */
void tick_handle_periodic(void)
{
	if (smp_processor_id() == 0)
		jiffies++;
	run_local_timers();
	scheduler_tick();
}
