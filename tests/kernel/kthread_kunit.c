// SPDX-License-Identifier: GPL-2.0
/*
 * kthread_stop() and completions under stress, on the running kernel.
 *
 * kthread: kthread_stop() returns what threadfn returned, or -EINTR for a
 * thread that was never woken (threadfn does not run then); it returns for
 * a thread that is busy, asleep, exiting at that very moment, or long gone;
 * and every kthread's task_struct is freed, whether someone stopped it or
 * not. Linux's design: each kthread has its own `exited` completion, and
 * vfork_done points at it from creation (kernel/kthread.c).
 *
 * completion: a completion on the waiter's stack is dead the moment
 * wait_for_completion() returns; complete() and complete_all() must not
 * touch it after that. Linux wakes the waiters inside the locked section
 * (kernel/sched/completion.c, swake_up_locked), so the unlock is the
 * completer's last access.
 *
 * The loops stop after a fixed count or a time limit, whichever comes
 * first. A hang is turned into a failed expectation: the work runs in a
 * watched thread and the test gives up on it after a deadline.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

/* ---- helpers --------------------------------------------------------------- */

struct watched {
	int (*fn)(void *);
	void *arg;
	int ret;
	int finished;
};

static int watched_thread(void *data)
{
	struct watched *w = data;

	w->ret = w->fn(w->arg);
	__atomic_store_n(&w->finished, 1, __ATOMIC_RELEASE);
	return 0;
}

/*
 * Run fn(arg) in a new thread (on cpu, or anywhere if cpu < 0) and wait
 * at most ms for it. A thread that does not finish is left behind (with
 * its struct watched): that is the hang the caller reports.
 */
static struct watched *start_watched(int (*fn)(void *), void *arg, int cpu)
{
	struct watched *w = kzalloc(sizeof(*w), GFP_KERNEL);
	struct task_struct *t;

	if (!w)
		return NULL;
	w->fn = fn;
	w->arg = arg;
	if (cpu >= 0)
		t = kthread_create_on_cpu(watched_thread, w, cpu, "kwatch/%d", cpu);
	else
		t = kthread_create(watched_thread, w, "kwatch");
	if (IS_ERR(t)) {
		kfree(w);
		return NULL;
	}
	wake_up_process(t);
	return w;
}

static bool wait_watched(struct watched *w, u64 deadline, int *ret)
{
	while (!__atomic_load_n(&w->finished, __ATOMIC_ACQUIRE)) {
		if (ktime_get_ns() > deadline)
			return false;
		msleep(2);
	}
	if (ret)
		*ret = w->ret;
	kfree(w);
	return true;
}

static u64 ms_from_now(unsigned int ms)
{
	return ktime_get_ns() + (u64)ms * 1000000;
}

/* How many tasks on the task list have a name starting with prefix? */
static unsigned int tasks_named(const char *prefix)
{
	struct task_struct *p;
	unsigned int n = 0;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks)
		n += !strncmp(p->comm, prefix, strlen(prefix));
	spin_unlock(&tasklist_lock);
	return n;
}

/*
 * Wait until no task named prefix* is left: all were freed. ms is the
 * time that is plenty on a quiet machine; the wait goes on five times as
 * long before it calls the tasks leaked, since 16 CPUs emulated on two
 * busy host cores run slowly (it returns as soon as they are gone).
 */
static unsigned int wait_tasks_gone(const char *prefix, unsigned int ms)
{
	u64 deadline = ms_from_now(5 * ms);
	unsigned int n;

	while ((n = tasks_named(prefix)) && ktime_get_ns() < deadline)
		msleep(2);
	return n;
}

/* Has t run do_exit() and switched out for the last time? */
static bool task_is_dead(struct task_struct *t)
{
	return READ_ONCE(t->__state) == TASK_DEAD && !__atomic_load_n(&t->on_cpu, __ATOMIC_ACQUIRE);
}

/* ---- kthread_stop() ---------------------------------------------------------- */

enum kstop_mode {
	KSTOP_BUSY,		/* spins until kthread_should_stop() */
	KSTOP_SLEEPING,		/* sleeps in schedule() until kthread_should_stop() */
	KSTOP_EXITS,		/* returns at once: kthread_stop() races with its exit */
	KSTOP_EXITED,		/* returns at once; kthread_stop() comes after it died */
	KSTOP_NEVER_WOKEN,	/* kthread_stop() without wake_up_process() first */
	NR_KSTOP_MODES
};

static const char *const kstop_mode_names[] = {
	"busy", "sleeping", "exits", "exited", "never-woken"
};

struct kstop_arg {
	enum kstop_mode mode;
	int code;
	int ran;
};

static int kstop_fn(void *data)
{
	struct kstop_arg *a = data;

	WRITE_ONCE(a->ran, 1);
	switch (a->mode) {
	case KSTOP_BUSY:
		while (!kthread_should_stop()) {
			cpu_relax();
			cond_resched();
		}
		break;
	case KSTOP_SLEEPING:
		for (;;) {
			set_current_state(TASK_INTERRUPTIBLE);
			if (kthread_should_stop())
				break;
			schedule();
		}
		__set_current_state(TASK_RUNNING);
		break;
	default:
		break;
	}
	return a->code;
}

struct kstop_stress {
	unsigned int first_mode, nr_modes;	/* modes used, in turn */
	unsigned int max_iters;
	u64 deadline;
	/* results */
	unsigned int iters, per_mode[NR_KSTOP_MODES];
	unsigned int wrong_ret, ran_unwoken, not_dead, create_failed;
	int bad_ret, bad_expected;
	enum kstop_mode bad_mode, cur_mode;
};

static int kstop_stress_fn(void *data)
{
	struct kstop_stress *st = data;

	for (unsigned int i = 0; i < st->max_iters && ktime_get_ns() < st->deadline; i++) {
		struct kstop_arg a = {
			.mode = st->first_mode + i % st->nr_modes,
			.code = 1000 + i,
		};
		struct task_struct *t;
		bool self_exit = a.mode == KSTOP_EXITS || a.mode == KSTOP_EXITED;
		int ret, expected;

		WRITE_ONCE(st->cur_mode, a.mode);
		WRITE_ONCE(st->iters, i);
		t = kthread_create(kstop_fn, &a, "kstop/%u", i);
		if (IS_ERR(t)) {
			st->create_failed++;
			break;
		}
		/*
		 * A thread that may exit by itself could be freed before
		 * kthread_stop() takes its reference: the caller holds one
		 * (Linux's rule for kthread_stop()).
		 */
		if (self_exit)
			get_task_struct(t);
		if (a.mode != KSTOP_NEVER_WOKEN)
			wake_up_process(t);
		if (a.mode == KSTOP_EXITED) {
			u64 until = ms_from_now(5000);	/* generous: a loaded host stalls vCPUs */

			while (!task_is_dead(t) && ktime_get_ns() < until)
				yield();
			st->not_dead += !task_is_dead(t);
		}
		ret = kthread_stop(t);
		if (self_exit)
			put_task_struct(t);
		expected = READ_ONCE(a.ran) ? a.code : -EINTR;
		st->ran_unwoken += a.mode == KSTOP_NEVER_WOKEN && READ_ONCE(a.ran);
		if (ret != expected) {
			if (!st->wrong_ret++) {
				st->bad_ret = ret;
				st->bad_expected = expected;
				st->bad_mode = a.mode;
			}
		}
		st->per_mode[a.mode]++;
	}
	WRITE_ONCE(st->iters, st->per_mode[0] + st->per_mode[1] + st->per_mode[2] +
			      st->per_mode[3] + st->per_mode[4]);
	return 0;
}

static void run_kstop_stress(struct kunit *test, unsigned int first_mode, unsigned int nr_modes)
{
	/* Static: a thread stuck in a hang keeps using it after we give up. */
	static struct kstop_stress stress[2];
	struct kstop_stress *st = &stress[first_mode ? 1 : 0];
	struct watched *w;

	memset(st, 0, sizeof(*st));
	st->first_mode = first_mode;
	st->nr_modes = nr_modes;
	st->max_iters = 3000;
	st->deadline = ms_from_now(1500);
	w = start_watched(kstop_stress_fn, st, -1);
	KUNIT_ASSERT_TRUE(test, w != NULL);
	if (!wait_watched(w, ms_from_now(12000), NULL)) {
		kunit_fail(test, __FILE__, __LINE__,
			   "kthread_stop() hung: iteration %u (thread %s) has not returned after 12 s",
			   READ_ONCE(st->iters), kstop_mode_names[READ_ONCE(st->cur_mode)]);
		return;
	}
	printk(KERN_INFO "        # %u kthread_stop() calls:", st->iters);
	for (unsigned int m = first_mode; m < first_mode + nr_modes; m++)
		printk(KERN_CONT " %u %s", st->per_mode[m], kstop_mode_names[m]);
	printk(KERN_CONT "\n");
	KUNIT_EXPECT_EQ(test, st->create_failed, 0);
	for (unsigned int m = first_mode; m < first_mode + nr_modes; m++)
		KUNIT_EXPECT_GT(test, st->per_mode[m], 0);
	if (st->wrong_ret)
		kunit_fail(test, __FILE__, __LINE__,
			   "%u kthread_stop() calls returned the wrong value; first: %d for a %s thread, expected %d",
			   st->wrong_ret, st->bad_ret, kstop_mode_names[st->bad_mode],
			   st->bad_expected);
	KUNIT_EXPECT_EQ(test, st->ran_unwoken, 0);
	KUNIT_EXPECT_EQ(test, st->not_dead, 0);
	/* Every thread, stopped or not, is freed. */
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kstop/", 1000), 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kwatch", 1000), 0);
}

/* Threads that run (busy or asleep) until they are told to stop. */
static void stop_running_threads_stress(struct kunit *test)
{
	run_kstop_stress(test, KSTOP_BUSY, 2);
}

/* Threads that exit by themselves, before or during kthread_stop(), or never start. */
static void stop_exiting_threads_stress(struct kunit *test)
{
	run_kstop_stress(test, KSTOP_EXITS, 3);
}

static int stop_after_exit_fn(void *data)
{
	struct task_struct *t = data;

	return kthread_stop(t);
}

/* The plain case of defect 8: the thread is long gone when kthread_stop() comes. */
static void stop_exited_thread_returns_its_code(struct kunit *test)
{
	static struct kstop_arg a = { .mode = KSTOP_EXITED, .code = 4242 };
	struct task_struct *t = kthread_create(kstop_fn, &a, "kstop-dead");
	u64 until = ms_from_now(5000);
	struct watched *w;
	int ret;

	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);
	while (!task_is_dead(t) && ktime_get_ns() < until)
		msleep(1);
	KUNIT_ASSERT_TRUE(test, task_is_dead(t));
	w = start_watched(stop_after_exit_fn, t, -1);
	KUNIT_ASSERT_TRUE(test, w != NULL);
	if (!wait_watched(w, ms_from_now(5000), &ret)) {
		kunit_fail(test, __FILE__, __LINE__,
			   "kthread_stop() of a thread that had already exited did not return within 5 s");
		return;
	}
	KUNIT_EXPECT_EQ(test, ret, 4242);
	/* Ours is the last reference, or the scheduler's last put is just behind it. */
	KUNIT_EXPECT_EQ(test, tasks_named("kstop-dead"), 1);
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kstop-dead", 1000), 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kwatch", 1000), 0);
}

/* kthread_stop() instead of wake_up_process(): threadfn never runs (Linux: -EINTR). */
static void stop_before_start_returns_eintr(struct kunit *test)
{
	struct kstop_arg a = { .mode = KSTOP_BUSY, .code = 7 };
	struct task_struct *t = kthread_create(kstop_fn, &a, "kstop-unwoken");

	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_EQ(test, a.ran, 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kstop-unwoken", 1000), 0);
}

static int exit_at_once(void *data)
{
	return 0;
}

/* Nobody stops these: they are freed all the same. */
static void exited_threads_are_freed(struct kunit *test)
{
	for (int i = 0; i < 50; i++) {
		struct task_struct *t = kthread_run(exit_at_once, NULL, "kfree-me/%d", i);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	}
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kfree-me/", 2000), 0);
}

static struct kunit_case kthread_cases[] = {
	KUNIT_CASE(stop_before_start_returns_eintr),
	KUNIT_CASE(stop_exited_thread_returns_its_code),
	KUNIT_CASE(exited_threads_are_freed),
	KUNIT_CASE(stop_running_threads_stress),
	KUNIT_CASE(stop_exiting_threads_stress),
	{}
};

static struct kunit_suite kthread_suite = {
	.name = "kthread",
	.test_cases = kthread_cases,
};
kunit_test_suite(kthread_suite);

/* ---- completions on the stack ----------------------------------------------------- */

/*
 * A waiter on one CPU hands an on-stack completion to a completer spinning
 * on another, waits for it, and then keeps the frame alive (watching the
 * completion's lock) until the completer says complete() has returned.
 * After wait_for_completion() returned nobody may take that lock again:
 * if the completer does, it is still using the completion after the waiter
 * was entitled to reuse the memory (the old complete(): unlock, then
 * __wake_up()). Then the next round reuses the same stack slot.
 */
struct cpair {
	struct completion *slot;	/* handed from the waiter to the completer */
	int all;			/* complete_all() instead of complete() */
	unsigned int acked;		/* rounds whose complete() has returned */
	unsigned int rounds, late, max_rounds;
	u64 deadline;
	int waiter_cpu, completer_cpu;
	struct task_struct *completer;
};

static int completer_fn(void *data)
{
	struct cpair *pr = data;

	while (!kthread_should_stop()) {
		struct completion *x = __atomic_exchange_n(&pr->slot, NULL, __ATOMIC_ACQUIRE);

		if (!x) {
			cpu_relax();
			cond_resched();
			continue;
		}
		if (READ_ONCE(pr->all))
			complete_all(x);
		else
			complete(x);
		__atomic_store_n(&pr->acked, pr->acked + 1, __ATOMIC_RELEASE);
	}
	return 0;
}

static noinline void completion_round(struct cpair *pr, unsigned int round)
{
	struct completion done;
	bool late = false;

	init_completion(&done);
	WRITE_ONCE(pr->all, round & 1);
	__atomic_store_n(&pr->slot, &done, __ATOMIC_RELEASE);
	wait_for_completion(&done);
	/* done is dead now: nobody but this check may look at it. */
	while (__atomic_load_n(&pr->acked, __ATOMIC_ACQUIRE) != round) {
		late |= spin_is_locked(&done.wait.lock);
		cpu_relax();
	}
	pr->late += late;
}

static int completion_waiter_fn(void *data)
{
	struct cpair *pr = data;
	unsigned int round;

	for (round = 1; round <= pr->max_rounds && ktime_get_ns() < pr->deadline; round++)
		completion_round(pr, round);
	pr->rounds = round - 1;
	return 0;
}

#define MAX_PAIRS 2

static void on_stack_completion_reused_at_once(struct kunit *test)
{
	static struct cpair pairs[MAX_PAIRS];
	struct watched *w[MAX_PAIRS];
	unsigned int cpus[NR_CPUS], n = 0, npairs, cpu;
	u64 deadline;

	for_each_online_cpu(cpu)
		cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	npairs = n / 2 < MAX_PAIRS ? n / 2 : MAX_PAIRS;
	for (unsigned int i = 0; i < npairs; i++) {
		struct cpair *pr = &pairs[i];

		memset(pr, 0, sizeof(*pr));
		pr->waiter_cpu = cpus[2 * i];
		pr->completer_cpu = cpus[2 * i + 1];
		pr->max_rounds = 20000;
		pr->deadline = ms_from_now(1000);
		pr->completer = kthread_create_on_cpu(completer_fn, pr, pr->completer_cpu,
						      "kcompleter/%d", pr->completer_cpu);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(pr->completer));
		wake_up_process(pr->completer);
	}
	for (unsigned int i = 0; i < npairs; i++) {
		w[i] = start_watched(completion_waiter_fn, &pairs[i], pairs[i].waiter_cpu);
		KUNIT_ASSERT_TRUE(test, w[i] != NULL);
	}
	deadline = ms_from_now(6000);
	for (unsigned int i = 0; i < npairs; i++) {
		struct cpair *pr = &pairs[i];

		if (!wait_watched(w[i], deadline, NULL)) {
			kunit_fail(test, __FILE__, __LINE__,
				   "waiter on CPU%d hung after %u rounds", pr->waiter_cpu,
				   READ_ONCE(pr->acked));
			continue;
		}
		kthread_stop(pr->completer);
		printk(KERN_INFO "        # CPU%d -> CPU%d: %u rounds, completer still using the completion after the wait returned in %u\n",
		       pr->completer_cpu, pr->waiter_cpu, pr->rounds, pr->late);
		KUNIT_EXPECT_GT(test, pr->rounds, 10);
		KUNIT_EXPECT_EQ(test, pr->late, 0);
	}
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kcompleter", 1000), 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kwatch", 1000), 0);
}

static struct completion counted;
static int counted_woken;

static int counted_waiter(void *data)
{
	wait_for_completion(&counted);
	__atomic_add_fetch(&counted_woken, 1, __ATOMIC_RELAXED);
	return 0;
}

/* complete() lets exactly one waiter through per call, as in Linux. */
static void complete_wakes_one_waiter_per_call(struct kunit *test)
{
	init_completion(&counted);
	counted_woken = 0;
	for (int i = 0; i < 3; i++)
		KUNIT_ASSERT_TRUE(test, !IS_ERR(kthread_run(counted_waiter, NULL, "kcount/%d", i)));
	msleep(20);
	complete(&counted);
	for (int i = 0; i < 500 && !READ_ONCE(counted_woken); i++)
		msleep(2);
	msleep(20);		/* time for a second one to slip through, if it could */
	KUNIT_EXPECT_EQ(test, READ_ONCE(counted_woken), 1);
	complete(&counted);
	complete(&counted);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("kcount/", 1000), 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(counted_woken), 3);
}

static struct kunit_case completion_cases[] = {
	KUNIT_CASE(complete_wakes_one_waiter_per_call),
	KUNIT_CASE(on_stack_completion_reused_at_once),
	{}
};

static struct kunit_suite completion_suite = {
	.name = "completion",
	.test_cases = completion_cases,
};
kunit_test_suite(completion_suite);
