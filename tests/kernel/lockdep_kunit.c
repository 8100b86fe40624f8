// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep's self-tests (in the spirit of Linux's lib/locking-selftest.c,
 * as a KUnit suite "lockdep").
 *
 * Each *_detected case provokes one kind of report on purpose, with lock
 * classes of its own, and checks that exactly that report was counted
 * (lockdep_reports[]) and that the validator turned itself off; then it
 * re-arms lockdep with lockdep_reset(), as Linux's selftest does between
 * its test cases, so one boot shows every kind. The *_not_reported cases
 * check annotated patterns that must stay quiet. Like Linux's selftest,
 * the provoked reports are silent (debug_locks_silent) unless the boot
 * option debug_locks_verbose=1 is given: then they are printed, and the
 * matrix entry "lockdep-reports" checks their wording against Linux's.
 * Without the boot option "lockdep" the cases are skipped.
 *
 * The hard-irq cases run in a real timer interrupt where that is
 * deterministic, otherwise in a hard-irq context faked the way Linux's
 * selftest fakes it (HARDIRQ_ENTER: interrupts off, HARDIRQ_OFFSET in
 * preempt_count).
 */
#include <kunit/test.h>
#include <linux/cmdline.h>
#include <linux/debug_locks.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static int debug_locks_verbose;

static int debug_locks_verbose_setup(char *val)
{
	unsigned long v;

	if (!val || kstrtoul(val, 0, &v))
		return 0;
	debug_locks_verbose = v;
	return 1;
}
__setup("debug_locks_verbose=", debug_locks_verbose_setup);

#define HARDIRQ_ENTER()                                 \
	do {                                            \
		local_irq_disable();                    \
		__preempt_count_add(HARDIRQ_OFFSET);    \
	} while (0)

#define HARDIRQ_EXIT()                                  \
	do {                                            \
		__preempt_count_sub(HARDIRQ_OFFSET);    \
		local_irq_enable();                     \
	} while (0)

static unsigned long reports_before[NR_LOCKDEP_BUGS];

static const char *const bug_names[NR_LOCKDEP_BUGS] = {
	"recursive", "circular", "usage", "irq order", "irq inversion", "unlock imbalance",
	"spinlock", "limit", "other",
};

/* Skip without lockdep; make sure the validator is armed; snapshot the counters. */
static bool selftest_begin(struct kunit *test)
{
	if (!prove_locking) {
		test->skipped = true;
		test->skip_reason = "needs the boot option lockdep";
		return false;
	}
	if (!debug_locks) {
		/* Something before us turned it off: the log says what. Re-arm and go on. */
		kunit_fail(test, __FILE__, __LINE__, "lockdep was off before the test (an earlier report)");
		lockdep_reset();
	}
	memcpy(reports_before, lockdep_reports, sizeof(reports_before));
	debug_locks_silent = !debug_locks_verbose;
	return true;
}

/* Exactly one report of this kind (or none, for -1), then re-arm. */
static void selftest_end(struct kunit *test, int expected)
{
	debug_locks_silent = 0;
	for (int k = 0; k < NR_LOCKDEP_BUGS; k++) {
		unsigned long got = lockdep_reports[k] - reports_before[k];
		unsigned long want = k == expected;

		if (got != want)
			kunit_fail(test, __FILE__, __LINE__, "%lu %s report(s), expected %lu", got,
				   bug_names[k], want);
	}
	if (expected >= 0)
		KUNIT_EXPECT_EQ(test, debug_locks, 0);	/* turned itself off */
	else
		KUNIT_EXPECT_EQ(test, debug_locks, 1);
	lockdep_reset();
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

/* ---- class keys ------------------------------------------------------------------- */

static DEFINE_SPINLOCK(lockdep_test_static);

static void init_at_one_site(spinlock_t *l)
{
	spin_lock_init(l);
}

/* One class per spin_lock_init() site; a DEFINE_SPINLOCK lock is keyed by its address. */
static void classes_follow_init_sites(struct kunit *test)
{
	static spinlock_t one, two, other;

	init_at_one_site(&one);
	init_at_one_site(&two);
	spin_lock_init(&other);
	KUNIT_EXPECT_TRUE(test, one.dep_map.key == two.dep_map.key);
	KUNIT_EXPECT_TRUE(test, one.dep_map.key != other.dep_map.key);
	KUNIT_EXPECT_STREQ(test, one.dep_map.name, "l");
	KUNIT_EXPECT_STREQ(test, other.dep_map.name, "&other");
	KUNIT_EXPECT_STREQ(test, lockdep_test_static.dep_map.name, "lockdep_test_static");
	KUNIT_EXPECT_TRUE(test, !lockdep_test_static.dep_map.key);
	KUNIT_EXPECT_EQ(test, one.magic, SPINLOCK_MAGIC);
	if (!selftest_begin(test))
		return;
	spin_lock(&one);
	spin_unlock(&one);
	spin_lock(&two);
	spin_unlock(&two);
	spin_lock(&other);
	spin_unlock(&other);
	spin_lock(&lockdep_test_static);
	spin_unlock(&lockdep_test_static);
	KUNIT_EXPECT_TRUE(test, one.dep_map.class_cache[0] != NULL);
	KUNIT_EXPECT_TRUE(test, one.dep_map.class_cache[0] == two.dep_map.class_cache[0]);
	KUNIT_EXPECT_TRUE(test, one.dep_map.class_cache[0] != other.dep_map.class_cache[0]);
	KUNIT_EXPECT_TRUE(test, lockdep_test_static.dep_map.key ==
				(void *)&lockdep_test_static.dep_map);
	selftest_end(test, -1);
}

/* ---- recursion --------------------------------------------------------------------- */

static struct lock_class_key lockdep_test_X_key;
static spinlock_t lockdep_test_X1, lockdep_test_X2;

static noinline void lockdep_test_recursive(void)
{
	spin_lock(&lockdep_test_X1);
	spin_lock(&lockdep_test_X2);	/* same class as X1: reported */
	spin_unlock(&lockdep_test_X2);
	spin_unlock(&lockdep_test_X1);
}

/* Linux's selftest "AA": two locks of one class, the second taken while holding the first. */
static void recursive_locking_detected(struct kunit *test)
{
	if (!selftest_begin(test))
		return;
	__raw_spin_lock_init(&lockdep_test_X1, "lockdep_test_X", &lockdep_test_X_key,
			     LD_WAIT_CONFIG);
	__raw_spin_lock_init(&lockdep_test_X2, "lockdep_test_X", &lockdep_test_X_key,
			     LD_WAIT_CONFIG);
	lockdep_test_recursive();
	selftest_end(test, LOCKDEP_BUG_RECURSIVE);
}

/* The same, but annotated: spin_lock_nested() says the second one is one level deeper. */
static void nested_lock_not_reported(struct kunit *test)
{
	static struct lock_class_key key;
	static spinlock_t a, b;

	if (!selftest_begin(test))
		return;
	__raw_spin_lock_init(&a, "lockdep_test_nested", &key, LD_WAIT_CONFIG);
	__raw_spin_lock_init(&b, "lockdep_test_nested", &key, LD_WAIT_CONFIG);
	for (int i = 0; i < 2; i++) {	/* either order: a is always the outer one */
		spinlock_t *outer = i ? &b : &a, *inner = i ? &a : &b;

		spin_lock(outer);
		spin_lock_nested(inner, SINGLE_DEPTH_NESTING);
		spin_unlock(inner);
		spin_unlock(outer);
	}
	selftest_end(test, -1);
}

/* "Each report once": after the first, lockdep is off and sees nothing more. */
static void reported_once(struct kunit *test)
{
	if (!selftest_begin(test))
		return;
	lockdep_test_recursive();	/* same classes as above: a new chain, reported again */
	lockdep_test_recursive();
	selftest_end(test, LOCKDEP_BUG_RECURSIVE);
}

/* ---- lock order ----------------------------------------------------------------------- */

static DEFINE_SPINLOCK(lockdep_test_A);
static DEFINE_SPINLOCK(lockdep_test_B);

static noinline void lockdep_test_lock_AB(spinlock_t *a, spinlock_t *b)
{
	spin_lock(a);
	spin_lock(b);
	spin_unlock(b);
	spin_unlock(a);
}

/* Linux's "ABBA": A then B once, B then A later (one task, one CPU: never deadlocks). */
static void circular_dependency_detected(struct kunit *test)
{
	if (!selftest_begin(test))
		return;
	lockdep_test_lock_AB(&lockdep_test_A, &lockdep_test_B);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	lockdep_test_lock_AB(&lockdep_test_B, &lockdep_test_A);
	selftest_end(test, LOCKDEP_BUG_CIRCULAR);
}

/* "ABBCCA": the cycle closes through a third class; the report shows the chain. */
static void circular_chain_detected(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_D);
	static DEFINE_SPINLOCK(lockdep_test_E);
	static DEFINE_SPINLOCK(lockdep_test_F);

	if (!selftest_begin(test))
		return;
	lockdep_test_lock_AB(&lockdep_test_D, &lockdep_test_E);
	lockdep_test_lock_AB(&lockdep_test_E, &lockdep_test_F);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	lockdep_test_lock_AB(&lockdep_test_F, &lockdep_test_D);
	selftest_end(test, LOCKDEP_BUG_CIRCULAR);
}

static DEFINE_MUTEX(lockdep_test_mutex_A);
static DEFINE_MUTEX(lockdep_test_mutex_B);

static noinline void lockdep_test_mutex_AB(struct mutex *a, struct mutex *b)
{
	mutex_lock(a);
	mutex_lock(b);
	mutex_unlock(b);
	mutex_unlock(a);
}

/* Mutexes are classes too: an ABBA between two of them. */
static void mutex_circular_detected(struct kunit *test)
{
	if (!selftest_begin(test))
		return;
	lockdep_test_mutex_AB(&lockdep_test_mutex_A, &lockdep_test_mutex_B);
	lockdep_test_mutex_AB(&lockdep_test_mutex_B, &lockdep_test_mutex_A);
	selftest_end(test, LOCKDEP_BUG_CIRCULAR);
}

/* ---- hard-irq usage ---------------------------------------------------------------------- */

static DEFINE_SPINLOCK(lockdep_test_irq_lock);
static struct completion lockdep_timer_done;

static void lockdep_test_timer_fn(struct timer_list *t)
{
	spin_lock(&lockdep_test_irq_lock);	/* in the tick interrupt: IN-HARDIRQ-W */
	spin_unlock(&lockdep_test_irq_lock);
	complete(&lockdep_timer_done);
}

/* Taken in a (real) timer interrupt, then with interrupts on: the interrupt could deadlock it. */
static void irq_safe_then_irqs_on_detected(struct kunit *test)
{
	struct timer_list t;

	if (!selftest_begin(test))
		return;
	init_completion(&lockdep_timer_done);
	timer_setup(&t, lockdep_test_timer_fn);
	t.expires = jiffies + 1;
	add_timer(&t);
	wait_for_completion(&lockdep_timer_done);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	spin_lock(&lockdep_test_irq_lock);	/* HARDIRQ-ON-W: reported */
	spin_unlock(&lockdep_test_irq_lock);
	selftest_end(test, LOCKDEP_BUG_USAGE);
}

/* The reverse order: first with interrupts on, then in hard-irq context. */
static void irqs_on_then_irq_safe_detected(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_irq_lock2);

	if (!selftest_begin(test))
		return;
	spin_lock(&lockdep_test_irq_lock2);
	spin_unlock(&lockdep_test_irq_lock2);
	HARDIRQ_ENTER();
	spin_lock(&lockdep_test_irq_lock2);	/* IN-HARDIRQ-W: reported */
	spin_unlock(&lockdep_test_irq_lock2);
	HARDIRQ_EXIT();
	selftest_end(test, LOCKDEP_BUG_USAGE);
}

/* Taken with interrupts off, then they go back on while it is held: seen at the unlock. */
static void irqs_enabled_while_held_detected(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_irq_lock3);

	if (!selftest_begin(test))
		return;
	HARDIRQ_ENTER();
	spin_lock(&lockdep_test_irq_lock3);
	spin_unlock(&lockdep_test_irq_lock3);
	HARDIRQ_EXIT();
	spin_lock_irq(&lockdep_test_irq_lock3);
	local_irq_enable();
	spin_unlock(&lockdep_test_irq_lock3);	/* held with interrupts on: reported */
	selftest_end(test, LOCKDEP_BUG_USAGE);
}

/* spin_lock_irqsave() with interrupts on keeps the lock irq-safe: no report. */
static void irqsave_not_reported(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_irq_lock4);
	unsigned long flags;

	if (!selftest_begin(test))
		return;
	HARDIRQ_ENTER();
	spin_lock(&lockdep_test_irq_lock4);
	spin_unlock(&lockdep_test_irq_lock4);
	HARDIRQ_EXIT();
	spin_lock_irqsave(&lockdep_test_irq_lock4, flags);
	spin_unlock_irqrestore(&lockdep_test_irq_lock4, flags);
	spin_lock_irq(&lockdep_test_irq_lock4);
	spin_unlock_irq(&lockdep_test_irq_lock4);
	selftest_end(test, -1);
}

/*
 * Through a dependency: S is irq-safe, U irq-unsafe; taking U under S
 * (interrupts off, so U itself stays consistent) would let an interrupt
 * wait for S while S's holder waits for U's holder.
 */
static void irq_safe_to_unsafe_order_detected(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_safe);
	static DEFINE_SPINLOCK(lockdep_test_unsafe);

	if (!selftest_begin(test))
		return;
	HARDIRQ_ENTER();
	spin_lock(&lockdep_test_safe);
	spin_unlock(&lockdep_test_safe);
	HARDIRQ_EXIT();
	spin_lock(&lockdep_test_unsafe);
	spin_unlock(&lockdep_test_unsafe);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	local_irq_disable();
	spin_lock(&lockdep_test_safe);
	spin_lock(&lockdep_test_unsafe);	/* safe -> unsafe: reported */
	spin_unlock(&lockdep_test_unsafe);
	spin_unlock(&lockdep_test_safe);
	local_irq_enable();
	selftest_end(test, LOCKDEP_BUG_IRQ_ORDER);
}

/* The same bug found the other way: the dependency first, then the usage that makes it bad. */
static void irq_inversion_detected(struct kunit *test)
{
	static DEFINE_SPINLOCK(lockdep_test_outer);
	static DEFINE_SPINLOCK(lockdep_test_inner);

	if (!selftest_begin(test))
		return;
	local_irq_disable();
	spin_lock(&lockdep_test_outer);		/* outer -> inner, nothing irq about them yet */
	spin_lock(&lockdep_test_inner);
	spin_unlock(&lockdep_test_inner);
	spin_unlock(&lockdep_test_outer);
	local_irq_enable();
	spin_lock(&lockdep_test_inner);		/* inner: HARDIRQ-ON */
	spin_unlock(&lockdep_test_inner);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	HARDIRQ_ENTER();
	spin_lock(&lockdep_test_outer);		/* outer: IN-HARDIRQ, and it leads to inner: reported */
	spin_unlock(&lockdep_test_outer);
	HARDIRQ_EXIT();
	selftest_end(test, LOCKDEP_BUG_IRQ_INVERSION);
}

/* ---- unlocks ------------------------------------------------------------------------------ */

static DEFINE_SPINLOCK(lockdep_test_owned);
static struct completion holder_locked, holder_go;

/* Takes the lock and sleeps holding it (preemption re-enabled by hand: a test-only abuse). */
static int lockdep_holder(void *unused)
{
	spin_lock(&lockdep_test_owned);
	preempt_enable();
	complete(&holder_locked);
	wait_for_completion(&holder_go);
	return 0;	/* the test thread has unlocked it */
}

/* Another task unlocks it: Linux's spinlock debugging "wrong owner". */
static void spinlock_wrong_owner_detected(struct kunit *test)
{
	struct task_struct *t;

	if (!selftest_begin(test))
		return;
	init_completion(&holder_locked);
	init_completion(&holder_go);
	t = kthread_create(lockdep_holder, NULL, "lockdep_holder");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&holder_locked);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	preempt_disable();			/* spin_unlock() enables it again */
	spin_unlock(&lockdep_test_owned);	/* not ours: reported */
	selftest_end(test, LOCKDEP_BUG_SPINLOCK);
	complete(&holder_go);
	/* Free it here, not behind the next test's back: wait until ours is the last reference. */
	for (int i = 0; i < 2000 && atomic_read(&t->usage) > 1; i++)
		msleep(1);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->usage), 1);
	put_task_struct(t);
}

static DEFINE_SPINLOCK(lockdep_test_unbalanced);

/* Linux's selftest "double unlock": the second unlock has nothing to release. */
static void bad_unlock_balance_detected(struct kunit *test)
{
	if (!selftest_begin(test))
		return;
	spin_lock(&lockdep_test_unbalanced);
	spin_unlock(&lockdep_test_unbalanced);
	preempt_disable();
	spin_unlock(&lockdep_test_unbalanced);	/* reported */
	selftest_end(test, LOCKDEP_BUG_UNLOCK_IMBALANCE);
}

/* ---- limits ------------------------------------------------------------------------------- */

/* MAX_LOCK_DEPTH nested locks of as many classes (annotations only): the stack is full. */
static void max_lock_depth_reported(struct kunit *test)
{
	static struct lock_class_key keys[MAX_LOCK_DEPTH];
	static struct lockdep_map maps[MAX_LOCK_DEPTH];

	if (!selftest_begin(test))
		return;
	local_irq_disable();	/* an interrupt's locks would go on top of ours */
	for (unsigned int i = 0; i < MAX_LOCK_DEPTH; i++) {
		lockdep_init_map(&maps[i], "lockdep_test_depth", &keys[i], 0);
		spin_acquire(&maps[i], 0, 0, _THIS_IP_);
	}
	local_irq_enable();
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, MAX_LOCK_DEPTH);
	selftest_end(test, LOCKDEP_BUG_LIMIT);	/* lockdep_reset() empties our stack */
}

/* ---- the whole boot ------------------------------------------------------------------------- */

/* Run first: nothing the boot did so far was reported. */
static void no_reports_so_far(struct kunit *test)
{
	if (!prove_locking)
		kunit_skip(test, "needs the boot option lockdep");
	for (int k = 0; k < NR_LOCKDEP_BUGS; k++)
		if (lockdep_reports[k])
			kunit_fail(test, __FILE__, __LINE__, "%lu %s report(s) during boot",
				   lockdep_reports[k], bug_names[k]);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	KUNIT_EXPECT_GE(test, lockdep_nr_lock_classes(), 5);	/* rq, pi, wait queue... */
	KUNIT_EXPECT_GE(test, lockdep_nr_dependencies(), 2);	/* pi_lock -> rq->lock, ... */
}

/* What the boot and these tests used of lockdep's tables (Linux: /proc/lockdep_stats). */
static void print_stats(struct kunit *test)
{
	if (!prove_locking)
		kunit_skip(test, "needs the boot option lockdep");
	lockdep_print_stats();
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

static struct kunit_case lockdep_cases[] = {
	KUNIT_CASE(no_reports_so_far),
	KUNIT_CASE(classes_follow_init_sites),
	KUNIT_CASE(recursive_locking_detected),
	KUNIT_CASE(nested_lock_not_reported),
	KUNIT_CASE(reported_once),
	KUNIT_CASE(circular_dependency_detected),
	KUNIT_CASE(circular_chain_detected),
	KUNIT_CASE(mutex_circular_detected),
	KUNIT_CASE(irq_safe_then_irqs_on_detected),
	KUNIT_CASE(irqs_on_then_irq_safe_detected),
	KUNIT_CASE(irqs_enabled_while_held_detected),
	KUNIT_CASE(irqsave_not_reported),
	KUNIT_CASE(irq_safe_to_unsafe_order_detected),
	KUNIT_CASE(irq_inversion_detected),
	KUNIT_CASE(spinlock_wrong_owner_detected),
	KUNIT_CASE(bad_unlock_balance_detected),
	KUNIT_CASE(max_lock_depth_reported),
	KUNIT_CASE(print_stats),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.test_cases = lockdep_cases,
};
kunit_test_suite(lockdep_suite);
