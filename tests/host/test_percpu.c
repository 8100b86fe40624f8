// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/percpu.c, the dynamic per-CPU allocator
 * (alloc_percpu / __alloc_percpu / free_percpu), over per-CPU areas made
 * the kernel's way by host_setup_per_cpu_areas() (tests/host/stubs.c):
 * one page-aligned copy of the static per-CPU section per CPU, with the
 * dynamic reserve after it. Covered:
 *
 *  - alignment: every power of two from 8 to PAGE_SIZE gives an address
 *    aligned to it on every CPU, whatever was allocated before (Linux's
 *    pcpu_alloc aligns the offset in a page-aligned unit);
 *  - bad requests: size 0, a size past the reserve, an alignment that is
 *    not a power of two or is above PAGE_SIZE: a warning and NULL;
 *  - contents: each CPU's copy is distinct and starts zeroed, also when
 *    the space is reused after free_percpu();
 *  - free_percpu() gives the space back (the whole reserve can be
 *    allocated again), and NULL is ignored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/percpu-defs.h>
#include <linux/string.h>

#define NR_TEST_CPUS 4

static int setup(void **state)
{
	host_setup_per_cpu_areas(NR_TEST_CPUS);
	printk_log_reset();
	host_warn_count = 0;
	return 0;
}

static bool aligned_on_every_cpu(void __percpu *p, size_t align)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		if ((uintptr_t)per_cpu_ptr(p, cpu) & (align - 1))
			return false;
	return true;
}

/* Every power of two up to PAGE_SIZE, after an 8-byte allocation that misaligns the rest. */
static void align_powers_of_two_check(void **state)
{
	void __percpu *small = __alloc_percpu(8, 8);

	assert_non_null(small);
	for (size_t align = 8; align <= PAGE_SIZE; align <<= 1) {
		void __percpu *p = __alloc_percpu(24, align);
		void __percpu *q = __alloc_percpu(8, 8);	/* misalign what follows */

		assert_non_null(p);
		assert_non_null(q);
		if (!aligned_on_every_cpu(p, align))
			fail_msg("__alloc_percpu(24, %zu) gave %p, CPU 1's copy at %p", align, p,
				 per_cpu_ptr(p, 1));
		free_percpu(p);
		free_percpu(q);
	}
	free_percpu(small);
	assert_int_equal(host_warn_count, 0);
}

/* The types alloc_percpu() passes __alignof__ for. */
struct cacheline_aligned_counter {
	unsigned long n;
} __aligned(64);

struct page_aligned_buffer {
	char b[64];
} __aligned(PAGE_SIZE);

static void alloc_percpu_types_check(void **state)
{
	void __percpu *pad = __alloc_percpu(40, 8);
	struct cacheline_aligned_counter __percpu *c = alloc_percpu(struct cacheline_aligned_counter);
	struct page_aligned_buffer __percpu *b = alloc_percpu(struct page_aligned_buffer);
	unsigned int cpu;

	assert_non_null(c);
	assert_non_null(b);
	assert_true(aligned_on_every_cpu(c, 64));
	assert_true(aligned_on_every_cpu(b, PAGE_SIZE));
	for_each_possible_cpu(cpu) {
		per_cpu_ptr(c, cpu)->n = 100 + cpu;
		memset(per_cpu_ptr(b, cpu)->b, 'a' + cpu, sizeof(b->b));
	}
	for_each_possible_cpu(cpu) {
		assert_int_equal(per_cpu_ptr(c, cpu)->n, 100 + cpu);
		assert_int_equal(per_cpu_ptr(b, cpu)->b[63], 'a' + cpu);
	}
	free_percpu(b);
	free_percpu(c);
	free_percpu(pad);
}

/* Linux's pcpu_alloc: a warning ("illegal size ... or align ...") and NULL. */
static void bad_requests_check(void **state)
{
	static const struct {
		size_t size, align;
	} bad[] = {
		{ 0, 8 },
		{ 8, 12 },
		{ 8, 24 },
		{ 8, 2 * PAGE_SIZE },
		{ PERCPU_DYNAMIC_RESERVE + 8, 8 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		char want[96];

		printk_log_reset();
		host_warn_count = 0;
		assert_null(__alloc_percpu(bad[i].size, bad[i].align));
		snprintf(want, sizeof(want), "illegal size (%zu) or align (%zu) for percpu allocation",
			 bad[i].size, bad[i].align);
		if (!printk_log_contains(want))
			fail_msg("no \"%s\" in: %s", want, printk_log);
		assert_int_equal(host_warn_count, 1);
	}
	/* Alignments below the 8-byte unit, even odd ones, become 8, as in Linux. */
	for (size_t align = 0; align < 8; align++) {
		void __percpu *p = __alloc_percpu(4, align);

		assert_non_null(p);
		assert_true(aligned_on_every_cpu(p, 8));
		free_percpu(p);
	}
}

/* Fresh allocations are zeroed on every CPU, also over reused space. */
static void zeroed_and_reused_check(void **state)
{
	void __percpu *p = __alloc_percpu(256, 64);
	void __percpu *again;
	unsigned int cpu;

	assert_non_null(p);
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(p, cpu), 0xa5, 256);
	free_percpu(p);
	again = __alloc_percpu(256, 64);
	assert_ptr_equal(again, p);
	for_each_possible_cpu(cpu) {
		unsigned char *c = per_cpu_ptr(again, cpu);

		for (int i = 0; i < 256; i++)
			assert_int_equal(c[i], 0);
	}
	free_percpu(again);
	free_percpu(NULL);
}

/* Aligned allocations leave gaps; freeing everything must give back the whole reserve. */
static void free_gives_back_check(void **state)
{
	void __percpu *p[64];
	void __percpu *all;
	int n = 0;

	for (size_t align = 8; n < 64; align = align < PAGE_SIZE ? align << 1 : 8) {
		p[n] = __alloc_percpu(8 + (n % 5) * 8, align);
		if (!p[n])
			break;
		n++;
	}
	assert_true(n > 16);
	for (int i = 0; i < n; i += 2)
		free_percpu(p[i]);
	for (int i = 1; i < n; i += 2)
		free_percpu(p[i]);
	all = __alloc_percpu(PERCPU_DYNAMIC_RESERVE - PAGE_SIZE, PAGE_SIZE);
	assert_non_null(all);
	assert_true(aligned_on_every_cpu(all, PAGE_SIZE));
	free_percpu(all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(align_powers_of_two_check, setup),
		cmocka_unit_test_setup(alloc_percpu_types_check, setup),
		cmocka_unit_test_setup(bad_requests_check, setup),
		cmocka_unit_test_setup(zeroed_and_reused_check, setup),
		cmocka_unit_test_setup(free_gives_back_check, setup),
	};

	return cmocka_run_group_tests_name("percpu", tests, NULL, NULL);
}
