// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks, scheduling, preemption, locks and SMP on the running kernel:
 * every CPU comes online and runs a thread pinned to it; a thread that
 * spins without a schedule point is preempted under preempt=full and not
 * under preempt=none; preempt_count balances; counters shared by all
 * CPUs stay exact under a spinlock and a mutex; call-function IPIs reach
 * every CPU and TLB shootdowns make every CPU see a new mapping; two
 * CPU-bound threads spread over two CPUs; sleeping in atomic context is
 * caught. set_cpus_allowed_ptr() has moved a running or a queued task off
 * a CPU it may no longer use by the time it returns, and a thread bound to
 * an offline CPU runs on an online CPU of its (widened) mask;
 * need_resched() reads TIF_NEED_RESCHED; cond_resched() does nothing under
 * preempt=full; smp_processor_id() in preemptible code is reported once,
 * in Linux's words. Linux's counterparts: kernel/sched/ selftests,
 * lib/locking-selftest.c, kernel/smp.c's CSD debugging, rcutorture-style
 * stress, CONFIG_DEBUG_PREEMPT.
 */
#include <asm/apic.h>
#include <asm/ioremap.h>
#include <asm/irq_vectors.h>
#include <asm/pgalloc.h>
#include <asm/smp.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <linux/vmstat.h>
#include <linux/wait.h>

/* ---- helpers ------------------------------------------------------------------ */

struct pinned_run {
	struct completion done;
	int (*fn)(void *);
	void *arg;
};

static unsigned int online_cpu_list(unsigned int *cpus)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu)
		cpus[n++] = cpu;
	return n;
}

/*
 * Wait (up to 1 s) until no task whose name starts with prefix is left:
 * a thread that exited is freed a moment later, by the next switch on its
 * CPU, and a later suite counting free pages must not see that happen.
 */
static unsigned int wait_tasks_gone(const char *prefix)
{
	u64 end = ktime_get_ns() + 1000000000ULL;
	struct task_struct *p;
	unsigned int n;

	for (;;) {
		n = 0;
		spin_lock(&tasklist_lock);
		list_for_each_entry(p, &task_list, tasks)
			n += !strncmp(p->comm, prefix, strlen(prefix));
		spin_unlock(&tasklist_lock);
		if (!n || ktime_get_ns() > end)
			return n;
		msleep(2);
	}
}

/* Busy-wait ms milliseconds with interrupts on and no schedule point. */
static void spin_ms(unsigned int ms)
{
	u64 end = ktime_get_ns() + (u64)ms * 1000000;

	while (ktime_get_ns() < end)
		cpu_relax();
}

/* ---- CPUs online, pinned threads ---------------------------------------------- */

static int where_am_i[NR_CPUS];
static struct completion pinned_done;

static int report_cpu(void *data)
{
	where_am_i[(long)data] = smp_processor_id();
	complete(&pinned_done);
	return 0;
}

static void all_cpus_online_and_run_pinned_threads(struct kunit *test)
{
	unsigned int cpu, n = 0, known = 0;

	/* Every CPU the MADT listed (and NR_CPUS allows) is online. */
	for_each_possible_cpu(cpu)
		known += x86_cpu_to_apicid[cpu] != BAD_APICID;
	KUNIT_EXPECT_EQ(test, num_online_cpus(), acpi_madt_found ? known : 1);
	init_completion(&pinned_done);
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(report_cpu, (void *)(long)cpu, cpu,
							      "pinned/%u", cpu);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		where_am_i[cpu] = -1;
		wake_up_process(t);
		n++;
	}
	while (n--)
		wait_for_completion(&pinned_done);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, where_am_i[cpu], cpu);
}

/* ---- preemption ------------------------------------------------------------------ */

static volatile int other_ran;
static volatile int other_ran_while_spinning;
static struct completion preempt_done;

/*
 * Spin with no schedule point until the other thread has run or 3 s
 * (30 time slices) have passed. Under preempt=full the other thread gets
 * the CPU when our slice ends; under none it never does while we spin.
 */
static int spinner(void *data)
{
	u64 end;

	other_ran = 0;
	complete(&preempt_done);	/* tell the test we are spinning */
	end = ktime_get_ns() + 3000ULL * 1000000;
	while (!READ_ONCE(other_ran) && ktime_get_ns() < end)
		cpu_relax();
	other_ran_while_spinning = other_ran;
	complete(&preempt_done);
	return 0;
}

static int marker(void *data)
{
	other_ran = 1;
	complete(&preempt_done);
	return 0;
}

static void spinning_thread_preempted_only_if_full(struct kunit *test)
{
	unsigned int cpus[NR_CPUS], cpu = cpus[online_cpu_list(cpus) - 1];
	struct task_struct *a, *b;

	init_completion(&preempt_done);
	a = kthread_create_on_cpu(spinner, NULL, cpu, "spinner");
	b = kthread_create_on_cpu(marker, NULL, cpu, "marker");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(a) && !IS_ERR(b));
	wake_up_process(a);
	wait_for_completion(&preempt_done);	/* a is spinning on cpu */
	wake_up_process(b);			/* same CPU: can b run before a ends? */
	wait_for_completion(&preempt_done);
	wait_for_completion(&preempt_done);
	if (preempt_model_full()) {
		printk(KERN_INFO "        # preempt=full: the spinning thread on CPU%u was preempted\n",
		       cpu);
		KUNIT_EXPECT_EQ(test, other_ran_while_spinning, 1);
	} else {
		printk(KERN_INFO "        # preempt=%s: the spinning thread on CPU%u was NOT preempted (as expected)\n",
		       preempt_model == PREEMPT_MODEL_NONE ? "none" : "voluntary", cpu);
		KUNIT_EXPECT_EQ(test, other_ran_while_spinning, 0);
	}
}

/* ---- preempt_count bookkeeping ------------------------------------------------------ */

static unsigned int count_in_timer = ~0U;
static struct completion timer_fired;

static void record_count(struct timer_list *t)
{
	count_in_timer = preempt_count();
	complete(&timer_fired);
}

static void preempt_count_balances(struct kunit *test)
{
	static DEFINE_SPINLOCK(a);
	static DEFINE_SPINLOCK(b);
	unsigned long flags;
	struct timer_list t;

	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	spin_lock(&a);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	spin_lock_irqsave(&b, flags);
	KUNIT_EXPECT_EQ(test, preempt_count(), 2);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&b, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	spin_unlock(&a);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	preempt_disable();
	preempt_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 2);
	preempt_enable();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);

	/* A timer runs in the tick interrupt: HARDIRQ_OFFSET is set there. */
	init_completion(&timer_fired);
	timer_setup(&t, record_count);
	t.expires = jiffies + 2;
	add_timer(&t);
	wait_for_completion(&timer_fired);
	KUNIT_EXPECT_EQ(test, count_in_timer & HARDIRQ_MASK, HARDIRQ_OFFSET);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	/* The raw per-CPU word keeps the inverted need-resched bit apart. */
	KUNIT_EXPECT_EQ(test, this_cpu_read(__preempt_count) & ~PREEMPT_NEED_RESCHED, 0);
}

/* ---- locks across CPUs ----------------------------------------------------------------- */

/*
 * Total increments, shared out among the CPUs: under emulation a vCPU
 * holding the lock may be descheduled by the host, so contended handoffs
 * cost host context switches; keeping the total fixed keeps -smp 16 sane.
 */
#define SPIN_TOTAL 40000
#define MUTEX_TOTAL 4000
static unsigned int spin_iters, mutex_iters;

static DEFINE_SPINLOCK(counter_lock);
static DEFINE_MUTEX(counter_mutex);
static unsigned long shared_counter;
static struct completion lock_done;

static int spin_incrementer(void *data)
{
	for (unsigned int i = 0; i < spin_iters; i++) {
		spin_lock(&counter_lock);
		shared_counter++;	/* a plain read-modify-write: only the lock makes it safe */
		spin_unlock(&counter_lock);
	}
	complete(&lock_done);
	return 0;
}

static int mutex_incrementer(void *data)
{
	for (unsigned int i = 0; i < mutex_iters; i++) {
		mutex_lock(&counter_mutex);
		shared_counter++;
		if (i % 128 == 0)
			msleep(1);	/* sleep holding it: others must queue and sleep */
		mutex_unlock(&counter_mutex);
	}
	complete(&lock_done);
	return 0;
}

static void run_on_all_cpus(struct kunit *test, int (*fn)(void *), unsigned int *n)
{
	unsigned int cpu;

	*n = 0;
	init_completion(&lock_done);
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(fn, NULL, cpu, "locker/%u", cpu);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		wake_up_process(t);
		(*n)++;
	}
	for (unsigned int i = 0; i < *n; i++)
		wait_for_completion(&lock_done);
}

static void spinlock_counter_exact(struct kunit *test)
{
	unsigned int n;

	shared_counter = 0;
	spin_iters = SPIN_TOTAL / num_online_cpus();
	run_on_all_cpus(test, spin_incrementer, &n);
	KUNIT_EXPECT_EQ(test, shared_counter, (unsigned long)n * spin_iters);
}

static void mutex_counter_exact(struct kunit *test)
{
	unsigned int n;

	shared_counter = 0;
	mutex_iters = MUTEX_TOTAL / num_online_cpus();
	run_on_all_cpus(test, mutex_incrementer, &n);
	KUNIT_EXPECT_EQ(test, shared_counter, (unsigned long)n * mutex_iters);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&counter_mutex));
}

/* ---- IPIs, per-CPU data, TLB shootdown -------------------------------------------------- */

static DEFINE_PER_CPU(unsigned long, ipi_hits);
static unsigned long ipi_cpus_seen;

static void ipi_func(void *info)
{
	this_cpu_inc(ipi_hits);
	__atomic_or_fetch(&ipi_cpus_seen, 1UL << smp_processor_id(), __ATOMIC_RELAXED);
	KUNIT_EXPECT_TRUE((struct kunit *)info, irqs_disabled());
}

static void call_function_reaches_every_cpu(struct kunit *test)
{
	unsigned int cpu;

	ipi_cpus_seen = 0;
	for_each_possible_cpu(cpu)
		per_cpu(ipi_hits, cpu) = 0;
	on_each_cpu(ipi_func, test, 1);
	KUNIT_EXPECT_EQ(test, ipi_cpus_seen, cpu_online_mask->bits);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu(ipi_hits, cpu), 1);
		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, ipi_func, test, 1), 0);
		KUNIT_EXPECT_EQ(test, per_cpu(ipi_hits, cpu), 2);
	}
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS - 1, ipi_func, test, 1),
			nr_cpu_ids == NR_CPUS && cpu_online(NR_CPUS - 1) ? 0 : -ENXIO);
}

#define PERCPU_ITERS 100000
static DEFINE_PER_CPU(unsigned long, load_counter);

static int percpu_loader(void *data)
{
	for (int i = 0; i < PERCPU_ITERS; i++)
		this_cpu_inc(load_counter);
	complete(&lock_done);
	return 0;
}

static void percpu_data_differs_under_load(struct kunit *test)
{
	unsigned int cpu, n;
	unsigned long sum = 0;

	for_each_possible_cpu(cpu)
		per_cpu(load_counter, cpu) = 0;
	run_on_all_cpus(test, percpu_loader, &n);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu(load_counter, cpu), PERCPU_ITERS);
		sum += per_cpu(load_counter, cpu);
	}
	KUNIT_EXPECT_EQ(test, sum, (unsigned long)n * PERCPU_ITERS);
	/* Every online CPU has taken timer ticks, counted in its own copy. */
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_GT(test, per_cpu(irq_count, cpu)[LOCAL_TIMER_VECTOR], 0);
	KUNIT_EXPECT_GT(test, sum_vm_event(NR_CONTEXT_SWITCHES), 0);
}

static unsigned long tlb_values_seen;
static volatile unsigned long *tlb_va;

static void read_mapping(void *info)
{
	__atomic_or_fetch(&tlb_values_seen, *tlb_va, __ATOMIC_RELAXED);
}

static void tlb_shootdown_reaches_every_cpu(struct kunit *test)
{
	unsigned long *a = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	unsigned long *b = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	unsigned int level;
	pte_t *pte;

	KUNIT_ASSERT_TRUE(test, a && b);
	*a = 1;
	*b = 2;
	tlb_va = ioremap_cache(__pa(a), PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, tlb_va != NULL);
	tlb_values_seen = 0;
	on_each_cpu(read_mapping, NULL, 1);	/* every CPU caches va -> a */
	KUNIT_EXPECT_EQ(test, tlb_values_seen, 1);
	/*
	 * Point va at b behind every TLB's back (map_kernel_range would flush
	 * by itself): only the shootdown can make the other CPUs see b.
	 */
	pte = lookup_address_in_pgd(init_top_pgt, (unsigned long)tlb_va, &level);
	KUNIT_ASSERT_TRUE(test, pte && level == PG_LEVEL_4K);
	WRITE_ONCE(pte->pte, pfn_pte(__pa(b) >> PAGE_SHIFT, __pgprot(__PAGE_KERNEL_RO)).pte);
	flush_tlb_kernel_range((unsigned long)tlb_va, (unsigned long)tlb_va + PAGE_SIZE);
	tlb_values_seen = 0;
	on_each_cpu(read_mapping, NULL, 1);
	KUNIT_EXPECT_EQ(test, tlb_values_seen, 2);	/* nobody still sees a */
	free_page((unsigned long)a);
	free_page((unsigned long)b);
}

/* ---- load balancing ------------------------------------------------------------------------ */

static int busy_cpu[2];

static int cpu_bound(void *data)
{
	long i = (long)data;

	spin_ms(400);
	busy_cpu[i] = raw_smp_processor_id();	/* where it was last: a sample, not a promise */
	complete(&lock_done);
	return 0;
}

static void two_cpu_bound_threads_spread(struct kunit *test)
{
	struct task_struct *t[2];

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs 2 CPUs");
	init_completion(&lock_done);
	for (long i = 0; i < 2; i++) {
		t[i] = kthread_create(cpu_bound, (void *)i, "cpu_bound/%ld", i);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(t[i]));
	}
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	wait_for_completion(&lock_done);
	wait_for_completion(&lock_done);
	KUNIT_EXPECT_NE(test, busy_cpu[0], busy_cpu[1]);
}

/* ---- affinity, stopping threads, completions ------------------------------------- */

static int affinity_cpu_before, affinity_cpu_after;

static int move_myself(void *data)
{
	unsigned int target = (long)data;
	struct cpumask mask;

	affinity_cpu_before = smp_processor_id();
	cpumask_clear(&mask);
	cpumask_set_cpu(target, &mask);
	set_cpus_allowed_ptr(current, &mask);
	affinity_cpu_after = smp_processor_id();
	for (int i = 0; i < 5; i++) {
		yield();	/* still only ever the allowed CPU */
		if (smp_processor_id() != target)
			affinity_cpu_after = -1;
	}
	complete(&lock_done);
	return 0;
}

static void set_cpus_allowed_moves_current(struct kunit *test)
{
	unsigned int cpus[NR_CPUS], n = online_cpu_list(cpus);
	unsigned int target = cpus[n - 1];
	struct task_struct *t;

	init_completion(&lock_done);
	t = kthread_create(move_myself, (void *)(long)target, "mover");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	kthread_bind(t, cpus[0]);	/* start on the first CPU ... */
	t->flags &= ~PF_NO_SETAFFINITY;
	wake_up_process(t);
	wait_for_completion(&lock_done);
	KUNIT_EXPECT_EQ(test, affinity_cpu_before, cpus[0]);
	KUNIT_EXPECT_EQ(test, affinity_cpu_after, target);	/* ... and end on the last */
}

static int stoppable_started;

static int until_stopped(void *data)
{
	int loops = 0;

	WRITE_ONCE(stoppable_started, 1);
	while (!kthread_should_stop()) {
		loops++;
		msleep(5);
	}
	return 1000 + (loops > 0);
}

static void kthread_stop_returns_exit_code(struct kunit *test)
{
	struct task_struct *t;

	WRITE_ONCE(stoppable_started, 0);
	t = kthread_run(until_stopped, NULL, "stoppable");

	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	/*
	 * Wait until it has run (a loaded TCG host may take long to get to
	 * it: kthread_stop of a thread that never ran is -EINTR, by design).
	 */
	for (int i = 0; i < 2000 && !READ_ONCE(stoppable_started); i++)
		msleep(5);
	msleep(10);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 1001);
}

static struct completion all_go;
static int released;

static int waiter(void *data)
{
	wait_for_completion(&all_go);
	__atomic_add_fetch(&released, 1, __ATOMIC_RELAXED);
	complete(&lock_done);
	return 0;
}

static void complete_all_releases_every_waiter(struct kunit *test)
{
	init_completion(&all_go);
	init_completion(&lock_done);
	released = 0;
	for (int i = 0; i < 3; i++)
		KUNIT_ASSERT_TRUE(test, !IS_ERR(kthread_run(waiter, NULL, "waiter/%d", i)));
	msleep(20);
	KUNIT_EXPECT_EQ(test, released, 0);
	complete_all(&all_go);
	for (int i = 0; i < 3; i++)
		wait_for_completion(&lock_done);
	KUNIT_EXPECT_EQ(test, released, 3);
}

/* ---- affinity changes of running and queued tasks -------------------------------- */

/* Two online CPUs, the first one not the one we run on now (if there is a choice). */
static bool pick_two_cpus(unsigned int *a, unsigned int *b)
{
	unsigned int cpus[NR_CPUS], n = online_cpu_list(cpus), here = raw_smp_processor_id();

	if (n < 2)
		return false;
	*a = cpus[0] == here ? cpus[1] : cpus[0];
	*b = *a == cpus[0] ? cpus[1] : cpus[0];
	return true;
}

static struct cpumask mask_of(unsigned int cpu)
{
	struct cpumask m;

	cpumask_clear(&m);
	cpumask_set_cpu(cpu, &m);
	return m;
}

static unsigned long spin_seen;		/* CPUs the spinner ran on since the last reset */
static unsigned long spin_loops;

static int affinity_spinner(void *data)
{
	while (!kthread_should_stop()) {
		/* Preemption off: the CPU we record is the one we are on. */
		preempt_disable();
		__atomic_or_fetch(&spin_seen, 1UL << smp_processor_id(), __ATOMIC_RELAXED);
		preempt_enable();
		__atomic_add_fetch(&spin_loops, 1, __ATOMIC_RELAXED);
		cpu_relax();
		cond_resched();	/* the preemption point under preempt=none/voluntary */
	}
	return 0;
}

/* Wait (up to ms) until the spinner has looped n more times. */
static bool spinner_advanced(unsigned long n, unsigned int ms)
{
	unsigned long start = READ_ONCE(spin_loops);
	u64 end = ktime_get_ns() + (u64)ms * 1000000;

	while (READ_ONCE(spin_loops) - start < n) {
		if (ktime_get_ns() > end)
			return false;
		msleep(1);
	}
	return true;
}

/*
 * Restrict a thread spinning on CPU a to CPU b: when set_cpus_allowed_ptr()
 * returns, it is on b and runs only there (Linux: migration_cpu_stop).
 */
static void set_cpus_allowed_moves_running_task(struct kunit *test)
{
	struct cpumask ma, mb;
	struct task_struct *t;
	unsigned long seen;
	unsigned int a, b;
	int ret, cpu_after;

	if (!pick_two_cpus(&a, &b))
		kunit_skip(test, "needs 2 CPUs");
	ma = mask_of(a);
	mb = mask_of(b);
	t = kthread_create(affinity_spinner, NULL, "aff-spinner");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &ma), 0);
	spin_seen = 0;
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, spinner_advanced(1000, 2000));
	seen = READ_ONCE(spin_seen);
	KUNIT_EXPECT_EQ(test, seen, 1UL << a);

	ret = set_cpus_allowed_ptr(t, &mb);
	cpu_after = READ_ONCE(t->cpu);
	__atomic_store_n(&spin_seen, 0, __ATOMIC_SEQ_CST);
	KUNIT_EXPECT_TRUE(test, spinner_advanced(1000, 2000));
	seen = READ_ONCE(spin_seen);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, cpu_after, b);	/* task_cpu() at return */
	KUNIT_EXPECT_EQ(test, seen, 1UL << b);	/* where it ran since */
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("aff-"), 0);
}

static int hog(void *data)
{
	while (!kthread_should_stop()) {
		cpu_relax();
		cond_resched();
	}
	return 0;
}

static int first_cpu;
static u64 first_ns;

static int note_first_cpu(void *data)
{
	first_ns = ktime_get_ns();
	WRITE_ONCE(first_cpu, raw_smp_processor_id());
	return 0;
}

/*
 * A task queued behind a hog on CPU a, restricted to CPU b: when the call
 * returns it is queued on b, and b is where it first runs
 * (Linux: move_queued_task).
 */
static void set_cpus_allowed_moves_queued_task(struct kunit *test)
{
	struct cpumask ma, mb;
	struct task_struct *h, *t = NULL;
	unsigned int a, b;
	int cpu_after = -1, tries;
	bool queued = false;
	u64 returned_ns = 0, until;

	if (!pick_two_cpus(&a, &b))
		kunit_skip(test, "needs 2 CPUs");
	ma = mask_of(a);
	mb = mask_of(b);
	h = kthread_create_on_cpu(hog, NULL, a, "aff-hog/%u", a);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(h));
	wake_up_process(h);
	until = ktime_get_ns() + 2000000000ULL;
	while (!(READ_ONCE(h->on_cpu) && READ_ONCE(h->cpu) == a) && ktime_get_ns() < until)
		msleep(1);
	/* Usually the first try; retry if t got to run on a before we moved it. */
	for (tries = 0; tries < 5; tries++) {
		t = kthread_create(note_first_cpu, NULL, "aff-queued");
		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		get_task_struct(t);
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &ma), 0);
		WRITE_ONCE(first_cpu, -1);
		wake_up_process(t);
		queued = READ_ONCE(t->on_rq) && !READ_ONCE(t->on_cpu) && READ_ONCE(t->cpu) == a;
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &mb), 0);
		cpu_after = READ_ONCE(t->cpu);
		returned_ns = ktime_get_ns();
		until = returned_ns + 2000000000ULL;
		while (READ_ONCE(first_cpu) < 0 && ktime_get_ns() < until)
			msleep(1);
		if (queued && first_ns > returned_ns)
			break;
		put_task_struct(t);
		t = NULL;
	}
	KUNIT_EXPECT_EQ(test, kthread_stop(h), 0);
	KUNIT_ASSERT_TRUE(test, t != NULL);	/* it was queued behind the hog at the call */
	KUNIT_EXPECT_EQ(test, cpu_after, b);
	KUNIT_EXPECT_EQ(test, READ_ONCE(first_cpu), b);
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("aff-"), 0);
}

static int woken_cpu;
static bool woken_allowed;
static struct cpumask woken_mask;

static int note_where_woken(void *data)
{
	int cpu = raw_smp_processor_id();

	woken_cpu = cpu;
	woken_allowed = cpumask_test_cpu(cpu, &current->cpus_mask) && cpu_online(cpu);
	woken_mask = current->cpus_mask;
	complete(&lock_done);
	return 0;
}

static void wake_pinned(struct kunit *test, unsigned int cpu)
{
	struct cpumask possible;
	struct task_struct *t = kthread_create(note_where_woken, NULL, "aff-offline");
	struct cpumask m = mask_of(cpu);

	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	/* Like Linux, set_cpus_allowed_ptr() refuses a mask with no online CPU ... */
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &m), -EINVAL);
	/* ... but kthread_bind() may pin a thread to a CPU that is not up. */
	kthread_bind(t, cpu);
	init_completion(&lock_done);
	woken_cpu = -1;
	wake_up_process(t);
	wait_for_completion(&lock_done);
	printk(KERN_INFO "        # a thread bound to offline CPU%u ran on CPU%d\n", cpu, woken_cpu);
	/* It runs on an online CPU it is allowed on: Linux's select_fallback_rq ... */
	KUNIT_EXPECT_TRUE(test, woken_allowed);
	/* ... which widened its mask to the possible CPUs. */
	cpumask_clear(&possible);
	for (unsigned int c = 0; c < nr_cpu_ids; c++)
		cpumask_set_cpu(c, &possible);
	KUNIT_EXPECT_EQ(test, woken_mask.bits, possible.bits);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("aff-"), 0);
}

static void wake_task_pinned_to_offline_cpu(struct kunit *test)
{
	unsigned int cpu, tested = 0;

	/* A possible CPU that is not online (possible_cpus=N above the CPUs there are). */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cpu_online(cpu)) {
			wake_pinned(test, cpu);
			tested++;
			break;
		}
	}
	/* A CPU number that does not exist at all. */
	if (nr_cpu_ids < NR_CPUS) {
		wake_pinned(test, NR_CPUS - 1);
		tested++;
	}
	if (!tested)
		kunit_skip(test, "every CPU number is online");
}

/* ---- need_resched(), cond_resched(), preempt_count_set() -------------------------------- */

/* need_resched() is the task's TIF_NEED_RESCHED; the preempt_count bit only caches it. */
static void need_resched_tests_tif(struct kunit *test)
{
	unsigned long flags;
	bool tif, bit;

	local_irq_save(flags);		/* no tick or IPI may set or clear them meanwhile */
	tif = test_tsk_need_resched(current);
	bit = test_preempt_need_resched();
	clear_tsk_need_resched(current);
	clear_preempt_need_resched();

	set_tsk_need_resched(current);
	KUNIT_EXPECT_TRUE(test, need_resched());
	clear_tsk_need_resched(current);
	set_preempt_need_resched();
	KUNIT_EXPECT_FALSE(test, need_resched());
	clear_preempt_need_resched();
	KUNIT_EXPECT_FALSE(test, need_resched());

	if (tif)
		set_tsk_need_resched(current);
	if (bit)
		set_preempt_need_resched();
	local_irq_restore(flags);
}

/* Linux's dynamic preemption: cond_resched() does nothing under preempt=full. */
static void cond_resched_only_without_full_preemption(struct kunit *test)
{
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	set_tsk_need_resched(current);
	set_preempt_need_resched();
	local_irq_restore(flags);
	ret = cond_resched();
	if (preempt_model_full())
		KUNIT_EXPECT_EQ(test, ret, 0);
	else
		KUNIT_EXPECT_EQ(test, ret, 1);
	schedule();	/* honour the request (a no-op if it was honoured already) */
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* preempt_count_set() changes the count and keeps the need-resched bit as it is. */
static void preempt_count_set_keeps_need_resched(struct kunit *test)
{
	unsigned long flags;
	unsigned int pc;
	bool bit;

	local_irq_save(flags);
	pc = preempt_count();
	bit = test_preempt_need_resched();
	set_preempt_need_resched();
	preempt_count_set(pc + 5);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc + 5);
	KUNIT_EXPECT_TRUE(test, test_preempt_need_resched());
	clear_preempt_need_resched();
	preempt_count_set(pc);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	KUNIT_EXPECT_FALSE(test, test_preempt_need_resched());
	if (bit)
		set_preempt_need_resched();
	local_irq_restore(flags);
}

/* ---- smp_processor_id() in preemptible code (Linux: CONFIG_DEBUG_PREEMPT) ------------- */

#define SPID_BUG "BUG: using smp_processor_id() in preemptible "

/* Reports since seq; the first one's text and the line after it. */
static unsigned int spid_reports(u64 seq, char *bug, char *caller, size_t size)
{
	char text[160];
	unsigned int n = 0;

	for (; seq < log_next_seq; seq++) {
		if (printk_get_record(seq, NULL, NULL, text, sizeof(text)) < 0)
			continue;
		if (strncmp(text, SPID_BUG, strlen(SPID_BUG)))
			continue;
		if (!n++ && bug) {
			strscpy(bug, text, size);
			if (printk_get_record(seq + 1, NULL, NULL, caller, size) < 0)
				caller[0] = '\0';
		}
	}
	return n;
}

static unsigned int spid_quiet, spid_loud, spid_pinned;
static char spid_bug[160], spid_caller[160];

static noinline int spid_preemptible_caller(void)
{
	return smp_processor_id();
}

static int spid_unpinned(void *data)
{
	unsigned long flags;
	u64 seq = log_next_seq;

	preempt_disable();
	(void)smp_processor_id();	/* fine: preemption is off */
	preempt_enable();
	local_irq_save(flags);
	(void)smp_processor_id();	/* fine: interrupts are off */
	local_irq_restore(flags);
	spid_quiet = spid_reports(seq, NULL, NULL, 0);
	seq = log_next_seq;
	spid_preemptible_caller();	/* reported ... */
	spid_preemptible_caller();	/* ... once */
	spid_loud = spid_reports(seq, spid_bug, spid_caller, sizeof(spid_bug));
	complete(&lock_done);
	return 0;
}

static int spid_on_one_cpu(void *data)
{
	u64 seq = log_next_seq;

	(void)smp_processor_id();	/* fine: this thread can run nowhere else */
	spid_pinned = spid_reports(seq, NULL, NULL, 0);
	complete(&lock_done);
	return 0;
}

static void smp_processor_id_in_preemptible_code_reported_once(struct kunit *test)
{
	struct task_struct *t;
	char want[160];

	init_completion(&lock_done);
	t = kthread_create_on_cpu(spid_on_one_cpu, NULL, raw_smp_processor_id(), "spid-pinned");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wake_up_process(t);
	wait_for_completion(&lock_done);
	KUNIT_EXPECT_EQ(test, spid_pinned, 0);

	t = kthread_create(spid_unpinned, NULL, "spid");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	snprintf(want, sizeof(want), SPID_BUG "[00000000] code: spid/%d", t->pid);
	wake_up_process(t);
	wait_for_completion(&lock_done);
	KUNIT_EXPECT_EQ(test, spid_quiet, 0);
	KUNIT_EXPECT_EQ(test, spid_loud, 1);
	KUNIT_EXPECT_STREQ(test, spid_bug, want);
	KUNIT_EXPECT_EQ(test, strncmp(spid_caller, "caller is spid_preemptible_caller+0x",
				      strlen("caller is spid_preemptible_caller+0x")), 0);
	KUNIT_EXPECT_EQ(test, wait_tasks_gone("spid"), 0);
}

/* ---- bugs caught ------------------------------------------------------------------------------ */

static void sleeping_in_atomic_caught(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	static DEFINE_SPINLOCK(l);
	static DEFINE_MUTEX(m);

	preempt_disable();
	might_sleep();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + 1);
	spin_lock(&l);
	mutex_lock(&m);		/* uncontended, but a mutex may sleep: reported */
	mutex_unlock(&m);
	spin_unlock(&l);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + 2);
	msleep(1);		/* fine here */
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + 2);
}

static void time_advances(struct kunit *test)
{
	unsigned long j = jiffies;
	u64 t = ktime_get_ns();

	msleep(100);
	KUNIT_EXPECT_GE(test, jiffies - j, msecs_to_jiffies(100));
	/*
	 * The tick is the APIC timer, calibrated against the TSC over 25 ms;
	 * under emulation that is good to a few percent, so allow 10%.
	 */
	KUNIT_EXPECT_GE(test, ktime_get_ns() - t, 90 * 1000000ULL);
	KUNIT_EXPECT_GT(test, lapic_timer_period, 0);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(all_cpus_online_and_run_pinned_threads),
	KUNIT_CASE(time_advances),
	KUNIT_CASE(preempt_count_balances),
	KUNIT_CASE(spinning_thread_preempted_only_if_full),
	KUNIT_CASE(spinlock_counter_exact),
	KUNIT_CASE(mutex_counter_exact),
	KUNIT_CASE(call_function_reaches_every_cpu),
	KUNIT_CASE(percpu_data_differs_under_load),
	KUNIT_CASE(tlb_shootdown_reaches_every_cpu),
	KUNIT_CASE(two_cpu_bound_threads_spread),
	KUNIT_CASE(set_cpus_allowed_moves_current),
	KUNIT_CASE(kthread_stop_returns_exit_code),
	KUNIT_CASE(complete_all_releases_every_waiter),
	KUNIT_CASE(sleeping_in_atomic_caught),
	KUNIT_CASE(set_cpus_allowed_moves_running_task),
	KUNIT_CASE(set_cpus_allowed_moves_queued_task),
	KUNIT_CASE(wake_task_pinned_to_offline_cpu),
	KUNIT_CASE(need_resched_tests_tif),
	KUNIT_CASE(cond_resched_only_without_full_preemption),
	KUNIT_CASE(preempt_count_set_keeps_need_resched),
	KUNIT_CASE(smp_processor_id_in_preemptible_code_reported_once),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
