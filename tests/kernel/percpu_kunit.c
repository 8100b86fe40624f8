// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU data through GS on the running kernel: each possible CPU has
 * its own copy, the boot CPU's GS base points at its copy, this_cpu_*()
 * act on that copy only, and `current` is read through it. Linux:
 * arch/x86/include/asm/percpu.h, mm/percpu.c.
 */
#include <asm/msr-index.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/percpu.h>
#include <linux/percpu-defs.h>
#include <linux/sched.h>

static DEFINE_PER_CPU(unsigned long, kunit_counter);
static DEFINE_PER_CPU(u8, kunit_byte);

static void copies_are_distinct(struct kunit *test)
{
	unsigned int cpu, other;

	if (nr_cpu_ids < 2)
		kunit_skip(test, "one possible CPU (boot with possible_cpus=N)");
	for_each_possible_cpu(cpu) {
		per_cpu(kunit_counter, cpu) = 1000 + cpu;
		for_each_possible_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_TRUE(test, per_cpu_ptr(&kunit_counter, cpu) !=
							per_cpu_ptr(&kunit_counter, other));
	}
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ(test, per_cpu(kunit_counter, cpu), 1000 + cpu);
}

static void gs_base_is_this_cpu_offset(struct kunit *test)
{
	unsigned int cpu = get_cpu();	/* the test may run on any CPU: stay on this one */

	KUNIT_EXPECT_EQ(test, rdmsr(MSR_GS_BASE), __per_cpu_offset[cpu]);
	KUNIT_EXPECT_EQ(test, this_cpu_read(this_cpu_off), __per_cpu_offset[cpu]);
	KUNIT_EXPECT_TRUE(test, this_cpu_ptr(&kunit_counter) == per_cpu_ptr(&kunit_counter, cpu));
	/* The copy is not the template: setup_per_cpu_areas() moved us off it. */
	KUNIT_EXPECT_NE(test, __per_cpu_offset[cpu], 0);
	put_cpu();
}

static void this_cpu_ops_touch_only_this_copy(struct kunit *test)
{
	unsigned int cpu, me = get_cpu();	/* preemption off: "this CPU" stays me */

	for_each_possible_cpu(cpu) {
		per_cpu(kunit_counter, cpu) = 7;
		per_cpu(kunit_byte, cpu) = 250;
	}
	this_cpu_inc(kunit_counter);
	this_cpu_add(kunit_counter, 10);
	this_cpu_write(kunit_byte, 3);
	this_cpu_add(kunit_byte, 4);
	KUNIT_EXPECT_EQ(test, this_cpu_read(kunit_counter), 18);
	KUNIT_EXPECT_EQ(test, per_cpu(kunit_counter, me), 18);
	KUNIT_EXPECT_EQ(test, this_cpu_read(kunit_byte), 7);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (cpu == me)
			continue;
		KUNIT_EXPECT_EQ(test, per_cpu(kunit_counter, cpu), 7);
		KUNIT_EXPECT_EQ(test, per_cpu(kunit_byte, cpu), 250);
	}
	put_cpu();
}

/* The tests run in PID 1, "init"; current is read with one %gs: load. */
static void current_reads_through_gs(struct kunit *test)
{
	int local;
	unsigned long here = (unsigned long)&local, stack = (unsigned long)current->stack;

	KUNIT_EXPECT_TRUE(test, current == per_cpu(current_task, get_cpu()));
	put_cpu();
	KUNIT_EXPECT_STREQ(test, current->comm, "init");
	KUNIT_EXPECT_EQ(test, current->pid, 1);
	KUNIT_EXPECT_TRUE(test, here >= stack && here < stack + THREAD_SIZE);
	/* The boot task became CPU 0's idle task. */
	KUNIT_EXPECT_STREQ(test, init_task.comm, "swapper/0");
	KUNIT_EXPECT_TRUE(test, init_task.flags & PF_IDLE);
}

/* alloc_percpu() honours alignments up to PAGE_SIZE on every CPU's copy (Linux: pcpu_alloc). */
static void dynamic_alignment_honoured(struct kunit *test)
{
	void __percpu *pad = __alloc_percpu(8, 8);

	KUNIT_ASSERT_TRUE(test, pad != NULL);
	for (size_t align = 16; align <= PAGE_SIZE; align <<= 1) {
		void __percpu *p = __alloc_percpu(8, align);
		unsigned int cpu;

		KUNIT_ASSERT_TRUE(test, p != NULL);
		for_each_possible_cpu(cpu)
			KUNIT_EXPECT_EQ(test, (unsigned long)per_cpu_ptr(p, cpu) & (align - 1), 0);
		free_percpu(p);
	}
	free_percpu(pad);
}

static struct kunit_case percpu_cases[] = {
	KUNIT_CASE(copies_are_distinct),
	KUNIT_CASE(gs_base_is_this_cpu_offset),
	KUNIT_CASE(this_cpu_ops_touch_only_this_copy),
	KUNIT_CASE(current_reads_through_gs),
	KUNIT_CASE(dynamic_alignment_honoured),
	{}
};

static struct kunit_suite percpu_suite = {
	.name = "percpu",
	.test_cases = percpu_cases,
};
kunit_test_suite(percpu_suite);
