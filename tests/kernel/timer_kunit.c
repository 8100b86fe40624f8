// SPDX-License-Identifier: GPL-2.0
/*
 * Timers (kernel/time/timer.c): a callback may re-arm its own timer
 * (add_timer or mod_timer: neither may deadlock on the base lock), and
 * del_timer_sync() returns only once the callback has finished on
 * whichever CPU runs it and the timer is no longer queued, so it never
 * runs again, even if it re-arms itself. mod_timer(), timer_delete(),
 * timer_pending() and add_timer_on() return and do what Linux's do.
 * The contract checked is the one documented at timer_delete_sync() in
 * Linux's kernel/time/timer.c.
 */
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/wait.h>

/* Poll (sleeping) until *flag is set or ms pass; the flag's last value. */
static int wait_flag(int *flag, unsigned int ms)
{
	u64 until = ktime_get_ns() + (u64)ms * 1000000;

	while (!READ_ONCE(*flag) && ktime_get_ns() < until)
		msleep(1);
	return READ_ONCE(*flag);
}

/* The same without sleeping, to see the flag within microseconds. */
static int spin_flag(int *flag, unsigned int ms)
{
	u64 until = ktime_get_ns() + (u64)ms * 1000000;

	while (!READ_ONCE(*flag) && ktime_get_ns() < until)
		cpu_relax();
	return READ_ONCE(*flag);
}

/* Busy-wait, for code that must not sleep. */
static void spin_us(unsigned int us)
{
	u64 end = ktime_get_ns() + (u64)us * 1000;

	while (ktime_get_ns() < end)
		cpu_relax();
}

/* ---- a timer that re-arms itself from its callback ---------------------------- */

#define REARM_TIMES 20

static struct timer_list rearm_timer;
static int rearm_count, rearm_done;

static bool rearm_with_mod_timer;

static void rearm_fn(struct timer_list *t)
{
	if (++rearm_count < REARM_TIMES) {
		/* Both take this CPU's timer base lock. */
		if (rearm_with_mod_timer) {
			mod_timer(t, jiffies + 1);
		} else {
			t->expires = jiffies + 1;
			add_timer(t);
		}
	} else {
		WRITE_ONCE(rearm_done, 1);
	}
}

static void rearm_test(struct kunit *test, bool use_mod_timer)
{
	rearm_count = 0;
	rearm_done = 0;
	rearm_with_mod_timer = use_mod_timer;
	timer_setup(&rearm_timer, rearm_fn);
	rearm_timer.expires = jiffies + 1;
	add_timer(&rearm_timer);
	KUNIT_EXPECT_TRUE(test, wait_flag(&rearm_done, 2000));
	msleep(20);				/* five more ticks: no extra run */
	KUNIT_EXPECT_EQ(test, READ_ONCE(rearm_count), REARM_TIMES);
	KUNIT_EXPECT_FALSE(test, timer_pending(&rearm_timer));
	del_timer_sync(&rearm_timer);
}

static void self_rearming_timer(struct kunit *test)
{
	rearm_test(test, false);
}

static void self_rearming_timer_mod_timer(struct kunit *test)
{
	rearm_test(test, true);
}

/* ---- the API: pending, mod_timer, timer_delete, add_timer_on ------------------- */

static int on_cpu_ran[NR_CPUS];

static void on_cpu_fn(struct timer_list *t)
{
	WRITE_ONCE(on_cpu_ran[smp_processor_id()], 1);
}

static void timer_api_pending_mod_delete_on(struct kunit *test)
{
	static struct timer_list timers[NR_CPUS];
	struct timer_list t;
	unsigned int cpu;

	timer_setup(&t, on_cpu_fn);
	KUNIT_EXPECT_FALSE(test, timer_pending(&t));
	KUNIT_EXPECT_EQ(test, mod_timer(&t, jiffies + 10 * HZ), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&t));
	KUNIT_EXPECT_EQ(test, mod_timer(&t, jiffies + 20 * HZ), 1);
	KUNIT_EXPECT_EQ(test, timer_delete(&t), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&t));
	KUNIT_EXPECT_EQ(test, timer_delete(&t), 0);
	KUNIT_EXPECT_EQ(test, mod_timer(&t, jiffies + 10 * HZ), 0);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&t), 1);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&t), 0);

	/* add_timer_on(): the callback runs on that CPU. */
	for_each_online_cpu(cpu) {
		on_cpu_ran[cpu] = 0;
		timer_setup(&timers[cpu], on_cpu_fn);
		timers[cpu].expires = jiffies + 1;
		add_timer_on(&timers[cpu], cpu);
	}
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_TRUE(test, wait_flag(&on_cpu_ran[cpu], 2000));
		del_timer_sync(&timers[cpu]);
	}
}

/* ---- del_timer_sync() against a callback running on another CPU ------------------ */

#define SYNC_ROUNDS 8
#define SYNC_SPIN_US 10000		/* the callback runs for 10 ms */

static struct timer_list sync_timer;
static int sync_running, sync_started, sync_rearm;
static int sync_runs;

static void sync_fn(struct timer_list *t)
{
	WRITE_ONCE(sync_running, 1);
	WRITE_ONCE(sync_started, 1);
	spin_us(SYNC_SPIN_US);
	WRITE_ONCE(sync_runs, sync_runs + 1);
	if (READ_ONCE(sync_rearm)) {
		t->expires = jiffies + 1;
		add_timer(t);
	}
	WRITE_ONCE(sync_running, 0);
}

/* Run on the target CPU (call-function IPI): a timer armed there runs there. */
static void arm_sync_timer(void *info)
{
	sync_timer.expires = jiffies + 1;
	add_timer(&sync_timer);
}

struct sync_result {
	int rounds, never_started, still_running, ran_again;
};

static struct sync_result sync_res;
static struct completion sync_done;
static int sync_target;

/*
 * Pinned to one CPU while the timer runs on another: arm it there, wait
 * until the callback is in its spin, del_timer_sync(), then check that
 * the callback has finished and does not run again.
 */
static int sync_deleter(void *data)
{
	struct sync_result *r = &sync_res;

	for (r->rounds = 0; r->rounds < SYNC_ROUNDS; r->rounds++) {
		int runs;

		sync_running = sync_started = sync_runs = 0;
		sync_rearm = (long)data;
		timer_setup(&sync_timer, sync_fn);
		smp_call_function_single(sync_target, arm_sync_timer, NULL, 1);
		if (!spin_flag(&sync_started, 2000)) {
			r->never_started++;
			break;
		}
		del_timer_sync(&sync_timer);
		if (READ_ONCE(sync_running)) {
			r->still_running++;
			break;
		}
		runs = READ_ONCE(sync_runs);
		msleep(12);			/* three ticks: it must not run again */
		if (READ_ONCE(sync_runs) != runs || READ_ONCE(sync_running)) {
			r->ran_again++;
			break;
		}
	}
	/* Leave nothing behind for the next case, even on failure. */
	WRITE_ONCE(sync_rearm, 0);
	while (READ_ONCE(sync_running))
		msleep(1);
	del_timer_sync(&sync_timer);
	complete(&sync_done);
	return 0;
}

static void sync_against_running(struct kunit *test, bool rearm)
{
	struct task_struct *t;
	unsigned int cpu, cpus[2], n = 0;

	for_each_online_cpu(cpu)
		if (n < 2)
			cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	memset(&sync_res, 0, sizeof(sync_res));
	init_completion(&sync_done);
	sync_target = cpus[1];
	t = kthread_create_on_cpu(sync_deleter, (void *)(long)rearm, cpus[0], "timer_sync");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wake_up_process(t);
	wait_for_completion(&sync_done);
	KUNIT_EXPECT_EQ(test, sync_res.never_started, 0);
	/* del_timer_sync() returned while the callback still ran on the other CPU. */
	KUNIT_EXPECT_EQ(test, sync_res.still_running, 0);
	/* ... or the callback ran again after del_timer_sync() returned. */
	KUNIT_EXPECT_EQ(test, sync_res.ran_again, 0);
	KUNIT_EXPECT_EQ(test, sync_res.rounds, SYNC_ROUNDS);
}

static void del_timer_sync_waits_for_callback(struct kunit *test)
{
	sync_against_running(test, false);
}

static void del_timer_sync_stops_self_rearming_timer(struct kunit *test)
{
	sync_against_running(test, true);
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(del_timer_sync_waits_for_callback),
	KUNIT_CASE(self_rearming_timer),
	KUNIT_CASE(self_rearming_timer_mod_timer),
	KUNIT_CASE(timer_api_pending_mod_delete_on),
	KUNIT_CASE(del_timer_sync_stops_self_rearming_timer),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
