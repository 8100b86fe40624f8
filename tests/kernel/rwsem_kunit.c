// SPDX-License-Identifier: GPL-2.0
/*
 * Read-write semaphores (kernel/locking/rwsem.c): readers share, a
 * writer excludes everyone, a waiting writer is not overtaken by readers
 * that come after it, trylocks say no instead of waiting,
 * downgrade_write() lets waiting readers in while keeping a read hold, and
 * a mixed load on every CPU never sees a writer together with anyone.
 * Waits are bounded: a lock that never comes fails the case instead of
 * hanging the boot (the lock is then released so the helpers can end).
 */
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/smp.h>

struct rw_helper {
	struct rw_semaphore *sem;
	bool write;
	int got;		/* set once it holds the lock */
	int release;		/* the test sets it: let go */
	int done;
	int order;		/* its place among the helpers that got the lock */
};

static int rw_order;

static bool wait_for(int *flag, unsigned int ms)
{
	u64 until = ktime_get_ns() + (u64)ms * 1000000;

	while (!READ_ONCE(*flag) && ktime_get_ns() < until)
		msleep(1);
	return READ_ONCE(*flag);
}

static int rw_helper_fn(void *data)
{
	struct rw_helper *h = data;

	if (h->write)
		down_write(h->sem);
	else
		down_read(h->sem);
	h->order = __atomic_add_fetch(&rw_order, 1, __ATOMIC_SEQ_CST);
	WRITE_ONCE(h->got, 1);
	wait_for(&h->release, 10000);
	if (h->write)
		up_write(h->sem);
	else
		up_read(h->sem);
	WRITE_ONCE(h->done, 1);
	return 0;
}

static void start(struct kunit *test, struct rw_helper *h, struct rw_semaphore *sem, bool write)
{
	h->sem = sem;
	h->write = write;
	KUNIT_ASSERT_TRUE(test, !IS_ERR(kthread_run(rw_helper_fn, h, "rwsem-%c", write ? 'w' : 'r')));
}

static void finish(struct kunit *test, struct rw_helper *h)
{
	WRITE_ONCE(h->release, 1);
	KUNIT_EXPECT_TRUE(test, wait_for(&h->done, 5000));
}

static void readers_share(struct kunit *test)
{
	struct rw_helper a = { 0 }, b = { 0 };
	struct rw_semaphore sem;

	init_rwsem(&sem);

	start(test, &a, &sem, false);
	start(test, &b, &sem, false);
	KUNIT_EXPECT_TRUE(test, wait_for(&a.got, 2000));
	KUNIT_EXPECT_TRUE(test, wait_for(&b.got, 2000));	/* while a still holds it */
	KUNIT_EXPECT_TRUE(test, rwsem_is_locked(&sem));
	finish(test, &a);
	finish(test, &b);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

static void writer_excludes_readers(struct kunit *test)
{
	struct rw_helper r = { 0 };
	struct rw_semaphore sem;

	init_rwsem(&sem);

	down_write(&sem);
	start(test, &r, &sem, false);
	msleep(50);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.got));
	up_write(&sem);
	KUNIT_EXPECT_TRUE(test, wait_for(&r.got, 2000));
	finish(test, &r);
}

/* Held by a reader, a writer waits; a reader arriving later must wait behind it. */
static void waiting_writer_not_overtaken(struct kunit *test)
{
	struct rw_helper w = { 0 }, r = { 0 };
	struct rw_semaphore sem;

	init_rwsem(&sem);

	rw_order = 0;
	down_read(&sem);
	start(test, &w, &sem, true);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.got));
	start(test, &r, &sem, false);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.got));	/* queued behind the writer */
	KUNIT_EXPECT_FALSE(test, down_read_trylock(&sem));
	up_read(&sem);
	KUNIT_EXPECT_TRUE(test, wait_for(&w.got, 2000));
	msleep(20);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.got));	/* the writer holds it now */
	finish(test, &w);
	KUNIT_EXPECT_TRUE(test, wait_for(&r.got, 2000));
	finish(test, &r);
	KUNIT_EXPECT_EQ(test, w.order, 1);
	KUNIT_EXPECT_EQ(test, r.order, 2);
}

static void trylocks(struct kunit *test)
{
	struct rw_semaphore sem;

	init_rwsem(&sem);

	KUNIT_EXPECT_TRUE(test, down_read_trylock(&sem));
	KUNIT_EXPECT_TRUE(test, down_read_trylock(&sem));
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	KUNIT_EXPECT_TRUE(test, down_write_trylock(&sem));
	KUNIT_EXPECT_FALSE(test, down_read_trylock(&sem));
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_write(&sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
}

static void downgrade_lets_readers_in(struct kunit *test)
{
	struct rw_helper r = { 0 };
	struct rw_semaphore sem;

	init_rwsem(&sem);

	down_write(&sem);
	start(test, &r, &sem, false);
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.got));
	downgrade_write(&sem);
	KUNIT_EXPECT_TRUE(test, wait_for(&r.got, 2000));	/* both read now */
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&sem));
	finish(test, &r);
	up_read(&sem);
	KUNIT_EXPECT_TRUE(test, down_write_trylock(&sem));
	up_write(&sem);
}

/* Every CPU mixes reads and writes for a while; nobody may share with a writer. */
struct rw_stress {
	struct rw_semaphore sem;
	int readers, writers;
	int bad;
	u64 until;
	int running;
};

static int rw_stress_fn(void *data)
{
	struct rw_stress *s = data;
	unsigned int i = 0;

	while (ktime_get_ns() < s->until) {
		if (++i % 4 == 0) {
			down_write(&s->sem);
			if (__atomic_add_fetch(&s->writers, 1, __ATOMIC_SEQ_CST) != 1 ||
			    READ_ONCE(s->readers))
				WRITE_ONCE(s->bad, 1);
			__atomic_sub_fetch(&s->writers, 1, __ATOMIC_SEQ_CST);
			up_write(&s->sem);
		} else {
			down_read(&s->sem);
			__atomic_add_fetch(&s->readers, 1, __ATOMIC_SEQ_CST);
			if (READ_ONCE(s->writers))
				WRITE_ONCE(s->bad, 1);
			__atomic_sub_fetch(&s->readers, 1, __ATOMIC_SEQ_CST);
			up_read(&s->sem);
		}
		if (i % 16 == 0)
			schedule();
	}
	__atomic_sub_fetch(&s->running, 1, __ATOMIC_SEQ_CST);
	return 0;
}

static void mixed_load_on_every_cpu(struct kunit *test)
{
	static struct rw_stress s;
	unsigned int cpu;
	int n = 0;
	u64 end;

	init_rwsem(&s.sem);
	s.readers = s.writers = s.bad = 0;
	s.until = ktime_get_ns() + 500 * 1000000ULL;
	for_each_online_cpu(cpu) {
		for (int j = 0; j < 2; j++) {
			struct task_struct *t = kthread_create(rw_stress_fn, &s, "rwsem-s%d", cpu);

			KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
			kthread_bind(t, cpu);
			__atomic_add_fetch(&s.running, 1, __ATOMIC_SEQ_CST);
			wake_up_process(t);
			n++;
		}
	}
	end = ktime_get_ns() + 20000 * 1000000ULL;
	while (READ_ONCE(s.running) && ktime_get_ns() < end)
		msleep(5);
	KUNIT_EXPECT_EQ(test, READ_ONCE(s.running), 0);	/* else a lost wakeup: stuck */
	KUNIT_EXPECT_EQ(test, s.bad, 0);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&s.sem));
	KUNIT_EXPECT_EQ(test, n, 2 * (int)num_online_cpus());
}

static struct kunit_case rwsem_cases[] = {
	KUNIT_CASE(readers_share),
	KUNIT_CASE(writer_excludes_readers),
	KUNIT_CASE(waiting_writer_not_overtaken),
	KUNIT_CASE(trylocks),
	KUNIT_CASE(downgrade_lets_readers_in),
	KUNIT_CASE(mixed_load_on_every_cpu),
	{}
};

static struct kunit_suite rwsem_suite = {
	.name = "rwsem",
	.test_cases = rwsem_cases,
};
kunit_test_suite(rwsem_suite);
