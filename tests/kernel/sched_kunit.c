// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks, scheduling, preemption, locks and SMP on the running kernel:
 * every CPU comes online and runs a thread pinned to it; a thread that
 * spins without a schedule point is preempted under preempt=full and not
 * under preempt=none; preempt_count balances; counters shared by all
 * CPUs stay exact under a spinlock and a mutex; call-function IPIs reach
 * every CPU and TLB shootdowns make every CPU see a new mapping; two
 * CPU-bound threads spread over two CPUs; sleeping in atomic context is
 * caught. Linux's counterparts: kernel/sched/ selftests, lib/locking-selftest.c,
 * kernel/smp.c's CSD debugging, rcutorture-style stress.
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

	KUNIT_ASSERT_TRUE(test, a && b);
	*a = 1;
	*b = 2;
	tlb_va = ioremap_cache(__pa(a), PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, tlb_va != NULL);
	tlb_values_seen = 0;
	on_each_cpu(read_mapping, NULL, 1);	/* every CPU caches va -> a */
	KUNIT_EXPECT_EQ(test, tlb_values_seen, 1);
	/* Point va at b; map_kernel_range flushes only this CPU's TLB. */
	map_kernel_range((unsigned long)tlb_va, __pa(b), PAGE_SIZE, __PAGE_KERNEL_RO);
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
	busy_cpu[i] = smp_processor_id();
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
		if (smp_processor_id() != (int)target)
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

static int until_stopped(void *data)
{
	int loops = 0;

	while (!kthread_should_stop()) {
		loops++;
		msleep(5);
	}
	return 1000 + (loops > 0);
}

static void kthread_stop_returns_exit_code(struct kunit *test)
{
	struct task_struct *t = kthread_run(until_stopped, NULL, "stoppable");

	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	msleep(30);
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
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
