// SPDX-License-Identifier: GPL-2.0
/*
 * The tick, jiffies, timers and sleeping for a while (Linux:
 * kernel/time/timer.c, tick-common.c, kernel/time/sleep_timeout.c).
 *
 * Every CPU's local APIC timer interrupts HZ times a second
 * (kernel/apic/apic.c). On each tick: CPU 0 advances jiffies, every CPU
 * runs its expired timers and gives the scheduler its tick. A timer is a
 * function to call at a given jiffy, kept on the list of one CPU's
 * timer_base (the CPU that armed it); Linux's timer wheel makes this
 * O(1), a list is enough here. msleep() arms a timer that wakes the
 * sleeping task.
 *
 * As in Linux, a callback runs without base->lock, with the timer
 * recorded in base->running_timer: so it may re-arm (add_timer,
 * mod_timer) or delete its own timer, and timer_delete_sync() can wait
 * until it has finished. The base a timer belongs to is kept in
 * timer->flags; switching bases goes through TIMER_MIGRATING, and a timer
 * whose callback is running stays on that base (mod_timer/add_timer) so
 * the waiters find it there. Differences: callbacks run in the tick's
 * hard interrupt with interrupts off (Linux: TIMER_SOFTIRQ); no wheel,
 * no deferrable or pinned timers, no TIMER_IRQSAFE; timer_delete_sync()
 * called from its own timer's callback WARNs and does not wait for itself
 * (Linux WARNs and would spin forever).
 */
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

volatile unsigned long jiffies;

struct timer_base {
	spinlock_t lock;
	struct timer_list *running_timer;	/* callback running now, lock dropped */
	struct list_head timers;
};
static DEFINE_PER_CPU(struct timer_base, timer_bases);

void init_timers(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct timer_base *base = per_cpu_ptr(&timer_bases, cpu);

		spin_lock_init(&base->lock);
		base->running_timer = NULL;
		INIT_LIST_HEAD(&base->timers);
	}
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	t->function = fn;
	t->flags = raw_smp_processor_id();
	INIT_LIST_HEAD(&t->entry);
}

static struct timer_base *get_timer_base(u32 tflags)
{
	return per_cpu_ptr(&timer_bases, tflags & TIMER_CPUMASK);
}

/*
 * Lock the base t belongs to, with interrupts off. t->flags changes only
 * under the old base's lock and says TIMER_MIGRATING until the new base
 * is locked, so: read, lock, check it did not move meanwhile.
 */
static struct timer_base *lock_timer_base(struct timer_list *t, unsigned long *flags)
{
	for (;;) {
		u32 tf = READ_ONCE(t->flags);

		if (!(tf & TIMER_MIGRATING)) {
			struct timer_base *base = get_timer_base(tf);

			spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(t->flags) == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Under base->lock: take t off its list; 1 if it was pending. */
static int detach_if_pending(struct timer_list *t)
{
	if (!timer_pending(t))
		return 0;
	__list_del_entry(&t->entry);
	INIT_LIST_HEAD(&t->entry);
	return 1;
}

/*
 * (Re)queue t to expire at expires on cpu's base (cpu < 0: this CPU's,
 * but not away from a base where t's callback is running, as Linux).
 * Returns whether it was pending before.
 */
static int __mod_timer(struct timer_list *t, unsigned long expires, int cpu)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int ret;

	base = lock_timer_base(t, &flags);
	ret = detach_if_pending(t);
	if (cpu < 0) {
		cpu = smp_processor_id();
		if (base->running_timer == t)
			cpu = t->flags & TIMER_CPUMASK;
	}
	new_base = per_cpu_ptr(&timer_bases, cpu);
	if (base != new_base) {
		WRITE_ONCE(t->flags, t->flags | TIMER_MIGRATING);
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(t->flags, (t->flags & ~TIMER_BASEMASK) | cpu);
	}
	t->expires = expires;
	list_add_tail(&t->entry, &base->timers);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/* t->expires and t->function are set; t is not pending. */
void add_timer(struct timer_list *t)
{
	if (WARN_ON_ONCE(timer_pending(t)))
		return;
	__mod_timer(t, t->expires, -1);
}

/* The same on a given CPU (it fires there, even if its callback runs elsewhere now). */
void add_timer_on(struct timer_list *t, int cpu)
{
	if (WARN_ON_ONCE(timer_pending(t)))
		return;
	__mod_timer(t, t->expires, cpu);
}

/* Arm or re-arm t; 1 if it was pending. */
int mod_timer(struct timer_list *t, unsigned long expires)
{
	return __mod_timer(t, expires, -1);
}

/* Dequeue t if pending (1 if it was); its callback may still be running. */
int timer_delete(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	int ret;

	base = lock_timer_base(t, &flags);
	ret = detach_if_pending(t);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/* timer_delete(), or -1 without touching t while its callback runs. */
int try_to_del_timer_sync(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_timer_base(t, &flags);
	if (base->running_timer != t)
		ret = detach_if_pending(t);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/*
 * Dequeue t and wait until its callback is not running on any CPU; 1 if
 * it was pending. When this returns, t neither is queued nor runs, even
 * if its callback re-arms it (the loop catches the re-armed timer once
 * the callback is done). The caller must keep others from re-arming it,
 * and the callback must not move it with add_timer_on(): the wait looks
 * for the callback on the base the timer is on now (Linux states both
 * rules for timer_delete_sync()). Not from interrupt context: with interrupts off this CPU might be the
 * one whose callback it waits for (Linux WARNs the same).
 */
int timer_delete_sync(struct timer_list *t)
{
	int ret;

	WARN_ON_ONCE(in_hardirq());
	for (;;) {
		ret = try_to_del_timer_sync(t);
		if (ret >= 0)
			return ret;
		/* Running here, so we are its own callback: waiting would never end. */
		if (in_hardirq() && (int)(READ_ONCE(t->flags) & TIMER_CPUMASK) == smp_processor_id())
			return timer_delete(t);
		cpu_relax();
	}
}

/*
 * Called from the tick, in interrupt context (Linux: run_local_timers()
 * raises TIMER_SOFTIRQ, whose __run_timers()/expire_timers() do this).
 * The expired timers move to a list of their own first, so one that
 * re-arms itself for now runs again on the next tick, not in a loop here.
 * A timer on that list is still pending on this base: timer_delete()
 * and mod_timer() may take it off while the lock is dropped.
 */
void run_local_timers(void)
{
	struct timer_base *base = this_cpu_ptr(&timer_bases);
	struct timer_list *t, *next;
	LIST_HEAD(expired);

	spin_lock(&base->lock);
	list_for_each_entry_safe(t, next, &base->timers, entry) {
		if (!time_before(jiffies, t->expires))
			list_move_tail(&t->entry, &expired);
	}
	while (!list_empty(&expired)) {
		void (*fn)(struct timer_list *);

		t = list_first_entry(&expired, struct timer_list, entry);
		detach_if_pending(t);
		fn = t->function;
		base->running_timer = t;
		spin_unlock(&base->lock);
		fn(t);			/* may re-arm or free t: not touched again */
		spin_lock(&base->lock);
	}
	base->running_timer = NULL;
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

/*
 * Charge the tick to the task it interrupted, in user or kernel mode
 * (Linux: account_process_tick with tick-based accounting,
 * !CONFIG_VIRT_CPU_ACCOUNTING): utime and stime grow by a whole tick, so
 * they are sampled, not measured. Idle tasks are not charged. The CPU's
 * kernel_cpustat buckets (linux/kernel_stat.h) get the tick too. The timer
 * interrupt calls it with user_mode(regs) before tick_handle_periodic().
 */
DEFINE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

void account_process_tick(struct task_struct *p, int user_tick)
{
	/* The CPU's own buckets (Linux: account_user_time/system/idle; /proc/stat). */
	if (p->flags & PF_IDLE)
		this_cpu_add(kernel_cpustat.cpustat[CPUTIME_IDLE], NSEC_PER_SEC / HZ);
	else if (user_tick)
		this_cpu_add(kernel_cpustat.cpustat[CPUTIME_USER], NSEC_PER_SEC / HZ);
	else
		this_cpu_add(kernel_cpustat.cpustat[CPUTIME_SYSTEM], NSEC_PER_SEC / HZ);
	if (p->flags & PF_IDLE)
		return;
	if (user_tick)
		p->utime += NSEC_PER_SEC / HZ;
	else
		p->stime += NSEC_PER_SEC / HZ;
}

/* The periodic tick (Linux: tick_handle_periodic -> update_process_times). */
void tick_handle_periodic(void)
{
	if (smp_processor_id() == 0) {
		jiffies++;
		calc_global_load();	/* Linux: do_timer() */
	}
	run_local_timers();
	scheduler_tick();
}
