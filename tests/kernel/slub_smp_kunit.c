// SPDX-License-Identifier: GPL-2.0
/*
 * SLUB under SMP stress on the running kernel: the races between CPUs
 * that the single-CPU tests in slub_kunit.c cannot reach.
 *
 *  - shrink_while_other_cpus_allocate: kmem_cache_shrink() in a loop on
 *    one CPU while every other CPU allocates from and frees into the
 *    same cache. Each object is stamped with its owner as it is handed
 *    out; an allocator that finds a live stamp, or loses its own, has
 *    been given an object someone else holds (flush_all() must let each
 *    CPU flush its own cpu slab: Linux's flush_cpu_slab).
 *  - alloc_from_ipi_while_shrinking: one CPU shrinks the cache and reads
 *    its slabinfo in a loop while another CPU keeps sending it
 *    call-function IPIs whose handler allocates with GFP_ATOMIC and
 *    frees. An IPI that lands while list_lock is held with interrupts
 *    on spins on it forever; the sender notices the IPI never finishes
 *    (Linux takes list_lock with spin_lock_irqsave).
 *  - remote_free_with_consistency_checks: a cache with
 *    SLAB_CONSISTENCY_CHECKS (slab_debug=F); one CPU allocates and hands
 *    objects to the others, which free them while it keeps allocating.
 *    The double-free check must walk a freelist no other CPU is changing
 *    (Linux: free_debug_processing under n->list_lock).
 *
 * Each stress loop runs for a fixed time (STRESS_MS), each wait is
 * bounded, and a stuck CPU is reported as a failure rather than a hang
 * wherever the rest of the system can still notice. The cases need two
 * CPUs and skip on one. Linux's lib/slub_kunit.c runs on one CPU only;
 * these cases have no direct counterpart there.
 */
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../../mm/slab.h"	/* get_slabinfo(), struct slab */

#define STRESS_MS 1500
#define WAIT_MS 20000		/* far more than any worker needs: past it, it is stuck */
#define NSEC_PER_MSEC 1000000ULL

static u64 deadline_after(unsigned int ms)
{
	return ktime_get_ns() + ms * NSEC_PER_MSEC;
}

static bool past(u64 deadline)
{
	return ktime_get_ns() >= deadline;
}

static unsigned int online_cpu_list(unsigned int *cpus)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu)
		cpus[n++] = cpu;
	return n;
}

/* Workers tell the test they are done by counting up (no completion on the stack). */
static int workers_done;

static void worker_exit(void)
{
	__atomic_add_fetch(&workers_done, 1, __ATOMIC_RELEASE);
}

static bool start_worker(struct kunit *test, int (*fn)(void *), void *arg, unsigned int cpu,
			 const char *name)
{
	struct task_struct *t = kthread_create_on_cpu(fn, arg, cpu, "%s/%u", name, cpu);

	if (IS_ERR(t)) {
		kunit_fail(test, __FILE__, __LINE__, "cannot start %s on CPU%u", name, cpu);
		return false;
	}
	wake_up_process(t);
	return true;
}

/*
 * Wait (sleeping) for n workers; false if they are not all back in time,
 * or as soon as a worker has said (*stuck) that another CPU stopped
 * answering.
 */
static bool wait_workers(struct kunit *test, int n, const char *what, const bool *stuck)
{
	u64 end = deadline_after(WAIT_MS);

	while (__atomic_load_n(&workers_done, __ATOMIC_ACQUIRE) < n) {
		if (stuck && READ_ONCE(*stuck))
			return false;
		if (past(end)) {
			kunit_fail(test, __FILE__, __LINE__,
				   "%s: only %d of %d CPUs finished in %u ms: a CPU is stuck",
				   what, __atomic_load_n(&workers_done, __ATOMIC_ACQUIRE), n,
				   WAIT_MS);
			return false;
		}
		msleep(10);
	}
	return true;
}

/* ---- (a) kmem_cache_shrink() against allocating CPUs ---------------------------- */

#define OWNER_MAGIC 0x5b0b1ec7UL		/* upper 32 bits of a live stamp */
#define STAMP(cpu, seq) ((OWNER_MAGIC << 32) | ((unsigned long)(cpu) << 24) | ((seq) & 0xffffff))
#define IS_STAMP(v) (((v) >> 32) == OWNER_MAGIC)
#define HOLD 24

struct stamped_obj {
	unsigned long owner;	/* STAMP() while someone holds it, 0 once given back */
	unsigned long pad[7];	/* the free pointer lives in here (offset 32) */
};

static struct kmem_cache *shrink_cache;
static bool shrink_stop;
static unsigned long shrink_dups, shrink_nomem, shrink_allocs, shrink_calls;

/* Take an object and stamp it; a live stamp already there is a double hand-out. */
static struct stamped_obj *stamped_alloc(struct kmem_cache *s, unsigned int cpu,
					 unsigned long seq, unsigned long *dups)
{
	struct stamped_obj *o = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned long old;

	if (!o)
		return NULL;
	old = __atomic_exchange_n(&o->owner, STAMP(cpu, seq), __ATOMIC_SEQ_CST);
	if (IS_STAMP(old)) {
		if (!__atomic_fetch_add(dups, 1, __ATOMIC_RELAXED))
			pr_err("slub_smp: CPU%u was handed %p, which CPU%lu still holds\n", cpu,
			       (void *)o, (old >> 24) & 0xff);
	}
	return o;
}

/* Give it back; a stamp not ours means someone else was handed it meanwhile. */
static void stamped_free(struct kmem_cache *s, struct stamped_obj *o, unsigned int cpu,
			 unsigned long seq, unsigned long *dups)
{
	unsigned long old = __atomic_exchange_n(&o->owner, 0, __ATOMIC_SEQ_CST);

	if (old != STAMP(cpu, seq)) {
		if (!__atomic_fetch_add(dups, 1, __ATOMIC_RELAXED))
			pr_err("slub_smp: CPU%u's object %p was taken over (stamp %#lx)\n", cpu,
			       (void *)o, old);
	}
	kmem_cache_free(s, o);
}

static int shrink_allocator(void *data)
{
	unsigned int cpu = smp_processor_id();
	struct stamped_obj *hold[HOLD];
	unsigned long seq[HOLD], n = 0;

	while (!READ_ONCE(shrink_stop)) {
		for (int i = 0; i < HOLD; i++) {
			seq[i] = n++;
			hold[i] = stamped_alloc(shrink_cache, cpu, seq[i], &shrink_dups);
			if (!hold[i])
				__atomic_add_fetch(&shrink_nomem, 1, __ATOMIC_RELAXED);
		}
		for (int i = 0; i < HOLD; i++)
			if (hold[i])
				stamped_free(shrink_cache, hold[i], cpu, seq[i], &shrink_dups);
		if (n % (16 * HOLD) == 0)
			cond_resched();
	}
	__atomic_add_fetch(&shrink_allocs, n, __ATOMIC_RELAXED);
	worker_exit();
	return 0;
}

static int shrinker(void *data)
{
	u64 end = deadline_after(STRESS_MS);
	unsigned long calls = 0;

	while (!past(end)) {
		kmem_cache_shrink(shrink_cache);
		if (++calls % 64 == 0)
			cond_resched();
	}
	shrink_calls = calls;
	WRITE_ONCE(shrink_stop, true);
	worker_exit();
	return 0;
}

static void shrink_while_other_cpus_allocate(struct kunit *test)
{
	unsigned int cpus[NR_CPUS], n = online_cpu_list(cpus);
	int started = 0;

	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	shrink_cache = kmem_cache_create("kunit_shrink_smp", sizeof(struct stamped_obj), 0, 0,
					 NULL);
	KUNIT_ASSERT_TRUE(test, shrink_cache != NULL);
	shrink_stop = false;
	shrink_dups = shrink_nomem = shrink_allocs = shrink_calls = 0;
	workers_done = 0;

	for (unsigned int i = 1; i < n; i++)
		started += start_worker(test, shrink_allocator, NULL, cpus[i], "slub_alloc");
	if (start_worker(test, shrinker, NULL, cpus[0], "slub_shrink"))
		started++;
	else
		WRITE_ONCE(shrink_stop, true);
	if (!wait_workers(test, started, "shrink vs. alloc", NULL))
		return;		/* leave the cache: a stuck CPU may still use it */

	pr_info("        # %lu shrinks on CPU%u against %lu allocations on %u other CPUs\n",
		shrink_calls, cpus[0], shrink_allocs, n - 1);
	KUNIT_EXPECT_EQ(test, shrink_dups, 0);
	KUNIT_EXPECT_EQ(test, shrink_nomem, 0);
	KUNIT_EXPECT_GT(test, shrink_calls, 0);
	KUNIT_EXPECT_GT(test, shrink_allocs, 0);
	/* Nothing is held: after a shrink the cache has no slab left. */
	kmem_cache_shrink(shrink_cache);
	KUNIT_EXPECT_EQ(test, shrink_cache->node.nr_slabs, 0);
	KUNIT_EXPECT_EQ(test, shrink_cache->node.nr_partial, 0);
	kmem_cache_destroy(shrink_cache);
}

/* ---- (b) allocation from an IPI while the target CPU shrinks ---------------------------- */

#define IPI_TIMEOUT_MS 2000
#define PARTIAL_SLABS 32

struct ipi_req {
	void *to_free;		/* an object of another CPU's slab: freed remotely */
	int done;
	int failed;
};

static struct kmem_cache *ipi_cache;
static bool ipi_stop;
static bool ipi_target_stuck;
static unsigned long ipi_sent, ipi_shrinks;

/* The IPI handler: interrupts off, in hard-irq context, on the shrinking CPU. */
static void ipi_alloc_free(void *info)
{
	struct ipi_req *req = info;
	void *p = kmem_cache_alloc(ipi_cache, GFP_ATOMIC);
	void *k = kmalloc(64, GFP_ATOMIC);

	if (!p || !k)
		req->failed++;
	kmem_cache_free(ipi_cache, req->to_free);	/* not our cpu slab: takes list_lock */
	kmem_cache_free(ipi_cache, p);
	kfree(k);
	__atomic_store_n(&req->done, 1, __ATOMIC_RELEASE);
}

static int ipi_sender(void *data)
{
	unsigned int target = (unsigned long)data;
	static struct ipi_req req;	/* outlives us if the target never answers */
	u64 end = deadline_after(STRESS_MS);
	unsigned long sent = 0;

	while (!past(end) && !READ_ONCE(ipi_stop)) {
		u64 timeout;

		req.to_free = kmem_cache_alloc(ipi_cache, GFP_KERNEL);
		if (!req.to_free) {
			req.failed++;
			break;
		}
		req.done = 0;
		smp_call_function_single(target, ipi_alloc_free, &req, 0);
		sent++;
		timeout = deadline_after(IPI_TIMEOUT_MS);
		while (!__atomic_load_n(&req.done, __ATOMIC_ACQUIRE)) {
			if (past(timeout)) {
				pr_err("slub_smp: CPU%u did not finish call-function IPI %lu in %u ms\n",
				       target, sent, IPI_TIMEOUT_MS);
				WRITE_ONCE(ipi_target_stuck, true);
				goto out;
			}
			cpu_relax();
		}
		if (sent % 64 == 0)
			cond_resched();
	}
out:
	ipi_sent = sent;
	if (req.failed)
		WRITE_ONCE(ipi_target_stuck, true);
	WRITE_ONCE(ipi_stop, true);
	worker_exit();
	return 0;
}

static int ipi_shrinker(void *data)
{
	unsigned long calls = 0;

	while (!READ_ONCE(ipi_stop)) {
		struct slabinfo info;

		kmem_cache_shrink(ipi_cache);	/* flush_all, then the partial list walk */
		get_slabinfo(ipi_cache, &info);	/* count_partial_free: the same walk */
		if (++calls % 64 == 0)
			cond_resched();
	}
	ipi_shrinks = calls;
	worker_exit();
	return 0;
}

static void alloc_from_ipi_while_shrinking(struct kunit *test)
{
	unsigned int cpus[NR_CPUS], n = online_cpu_list(cpus);
	unsigned int per_slab, total, self, target, sender;
	void **objs, *keep[PARTIAL_SLABS];
	int started = 0;

	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	ipi_cache = kmem_cache_create("kunit_ipi_smp", 64, 0, 0, NULL);
	KUNIT_ASSERT_TRUE(test, ipi_cache != NULL);
	/*
	 * Many partial slabs, none empty (one object held in each), so the
	 * shrinker holds list_lock for a long walk every time round.
	 */
	per_slab = oo_objects(ipi_cache->oo);
	total = per_slab * PARTIAL_SLABS;
	objs = kmalloc(total * sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, objs != NULL);
	for (unsigned int i = 0; i < total; i++) {
		objs[i] = kmem_cache_alloc(ipi_cache, GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, objs[i] != NULL);
	}
	for (unsigned int i = 0; i < total; i++)
		if (i % per_slab)
			kmem_cache_free(ipi_cache, objs[i]);
		else
			keep[i / per_slab] = objs[i];
	kfree(objs);
	kmem_cache_shrink(ipi_cache);
	KUNIT_EXPECT_GE(test, ipi_cache->node.nr_partial, PARTIAL_SLABS / 2);

	/*
	 * The shrinking CPU is one this test is not running on, so that if
	 * it gets stuck with interrupts off the test can still say so.
	 * The sender is another one (this one, with only two CPUs).
	 */
	self = raw_smp_processor_id();
	target = cpus[0] == self ? cpus[1] : cpus[0];
	sender = self;
	for (unsigned int i = 0; i < n && n > 2; i++)
		if (cpus[i] != self && cpus[i] != target)
			sender = cpus[i];
	ipi_stop = ipi_target_stuck = false;
	ipi_sent = ipi_shrinks = 0;
	workers_done = 0;
	started += start_worker(test, ipi_shrinker, NULL, target, "slub_ipi_shrink");
	if (started)
		started += start_worker(test, ipi_sender, (void *)(unsigned long)target, sender,
					"slub_ipi_send");
	if (started < 2)
		WRITE_ONCE(ipi_stop, true);
	if (!wait_workers(test, started, "IPI vs. shrink", &ipi_target_stuck) ||
	    READ_ONCE(ipi_target_stuck)) {
		KUNIT_EXPECT_FALSE(test, ipi_target_stuck);
		return;		/* the target is stuck: leave everything as it is */
	}
	pr_info("        # %lu IPIs from CPU%u allocating on CPU%u during %lu shrinks\n", ipi_sent,
		sender, target, ipi_shrinks);
	KUNIT_EXPECT_GT(test, ipi_sent, 0);
	KUNIT_EXPECT_GT(test, ipi_shrinks, 0);
	for (int i = 0; i < PARTIAL_SLABS; i++)
		kmem_cache_free(ipi_cache, keep[i]);
	kmem_cache_shrink(ipi_cache);
	KUNIT_EXPECT_EQ(test, ipi_cache->node.nr_slabs, 0);
	kmem_cache_destroy(ipi_cache);
}

/* ---- (c) remote frees with consistency checks (slab_debug=F) -------------------------------- */

#define RING 512
#define RF_SIZE 64
#define RF_MAGIC 0x7e

struct obj_ring {
	spinlock_t lock;
	unsigned int head, count;
	void *objs[RING];
};

static struct kmem_cache *rf_cache;
static struct obj_ring rf_ring;
static bool rf_stop;
static unsigned long rf_allocs, rf_remote, rf_bad, rf_nomem;

static bool ring_push(struct obj_ring *r, void *p)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&r->lock, flags);
	ok = r->count < RING;
	if (ok)
		r->objs[(r->head + r->count++) % RING] = p;
	spin_unlock_irqrestore(&r->lock, flags);
	return ok;
}

static void *ring_pop(struct obj_ring *r)
{
	unsigned long flags;
	void *p = NULL;

	spin_lock_irqsave(&r->lock, flags);
	if (r->count) {
		p = r->objs[r->head];
		r->head = (r->head + 1) % RING;
		r->count--;
	}
	spin_unlock_irqrestore(&r->lock, flags);
	return p;
}

/* Every byte written, the free pointer's slot included: a stale walk trips on it. */
static void rf_fill(unsigned char *p, unsigned char seed)
{
	p[0] = RF_MAGIC;
	p[1] = seed;
	for (int i = 2; i < RF_SIZE; i++)
		p[i] = (unsigned char)(seed + i);
}

static bool rf_intact(const unsigned char *p)
{
	if (p[0] != RF_MAGIC)
		return false;
	for (int i = 2; i < RF_SIZE; i++)
		if (p[i] != (unsigned char)(p[1] + i))
			return false;
	return true;
}

static void rf_check_free(unsigned char *p)
{
	if (!rf_intact(p))
		__atomic_add_fetch(&rf_bad, 1, __ATOMIC_RELAXED);
	p[0] = 0;
	kmem_cache_free(rf_cache, p);
}

/* The owner: allocates all the time, keeps a few, hands most to the other CPUs. */
static int rf_owner(void *data)
{
	u64 end = deadline_after(STRESS_MS);
	unsigned char *mine[8] = { NULL };
	unsigned long n = 0;

	while (!past(end)) {
		unsigned char *p = kmem_cache_alloc(rf_cache, GFP_KERNEL);

		if (!p) {
			__atomic_add_fetch(&rf_nomem, 1, __ATOMIC_RELAXED);
			break;
		}
		rf_fill(p, (unsigned char)n);
		if (n % 4 == 0) {
			/* Local churn on our own cpu slab. */
			unsigned char *old = mine[(n / 4) % 8];

			mine[(n / 4) % 8] = p;
			if (old)
				rf_check_free(old);
		} else if (!ring_push(&rf_ring, p)) {
			rf_check_free(p);
		}
		if (++n % 256 == 0)
			cond_resched();
	}
	for (int i = 0; i < 8; i++)
		if (mine[i])
			rf_check_free(mine[i]);
	rf_allocs = n;
	WRITE_ONCE(rf_stop, true);
	worker_exit();
	return 0;
}

static int rf_freer(void *data)
{
	unsigned long n = 0;
	void *p;

	for (;;) {
		p = ring_pop(&rf_ring);
		if (p) {
			rf_check_free(p);
			n++;
			if (n % 256 == 0)
				cond_resched();
			continue;
		}
		if (READ_ONCE(rf_stop))
			break;
		cpu_relax();
	}
	/* The owner has stopped: take what is left. */
	while ((p = ring_pop(&rf_ring))) {
		rf_check_free(p);
		n++;
	}
	__atomic_add_fetch(&rf_remote, n, __ATOMIC_RELAXED);
	worker_exit();
	return 0;
}

static void remote_free_with_consistency_checks(struct kunit *test)
{
	unsigned int cpus[NR_CPUS], n = online_cpu_list(cpus);
	unsigned long reports = slab_debug_reports;
	int started = 0;

	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	rf_cache = kmem_cache_create("kunit_remote_f", RF_SIZE, 0, SLAB_CONSISTENCY_CHECKS, NULL);
	KUNIT_ASSERT_TRUE(test, rf_cache != NULL);
	spin_lock_init(&rf_ring.lock);
	rf_ring.head = rf_ring.count = 0;
	rf_stop = false;
	rf_allocs = rf_remote = rf_bad = rf_nomem = 0;
	workers_done = 0;

	for (unsigned int i = 1; i < n; i++)
		started += start_worker(test, rf_freer, NULL, cpus[i], "slub_rfree");
	if (start_worker(test, rf_owner, NULL, cpus[0], "slub_rowner"))
		started++;
	else
		WRITE_ONCE(rf_stop, true);
	if (!wait_workers(test, started, "remote free", NULL))
		return;

	pr_info("        # CPU%u allocated %lu objects, %lu freed on %u other CPUs\n", cpus[0],
		rf_allocs, rf_remote, n - 1);
	KUNIT_EXPECT_EQ(test, rf_bad, 0);
	KUNIT_EXPECT_EQ(test, rf_nomem, 0);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports);
	KUNIT_EXPECT_GT(test, rf_remote, 0);
	kmem_cache_shrink(rf_cache);
	KUNIT_EXPECT_EQ(test, rf_cache->node.nr_slabs, 0);
	kmem_cache_destroy(rf_cache);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports);
}

static struct kunit_case slub_smp_cases[] = {
	KUNIT_CASE(shrink_while_other_cpus_allocate),
	KUNIT_CASE(alloc_from_ipi_while_shrinking),
	KUNIT_CASE(remote_free_with_consistency_checks),
	{}
};

static struct kunit_suite slub_smp_suite = {
	.name = "mm.slub_smp",
	.test_cases = slub_smp_cases,
};
kunit_test_suite(slub_smp_suite);
