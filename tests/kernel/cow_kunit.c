// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of copy-on-write (mm/memory.c copy_page_range ->
 * copy_present_pte, do_wp_page -> wp_page_copy / wp_page_reuse). A
 * parent mm is made and filled from a kernel thread (kthread_use_mm +
 * vm_mmap + put_user), a child made from it with mm_alloc() +
 * dup_mmap(), as fork does, and each side is then used in turn.
 *
 *  - private_writes: after the copy both PTEs are read-only and each page
 *    has _refcount 2 and _mapcount 1 (two maps); the child's writes copy
 *    exactly the pages written (PGCOW), neither side sees the other's
 *    writes, and the parent, then last owner, reuses its pages (PGREUSE)
 *    without copying;
 *  - readonly_sharing: a PROT_READ mapping, zero-page reads and reads of
 *    written pages after fork copy nothing;
 *  - zero_page: a zero-page PTE is inherited, the child's write gets a
 *    new zeroed page, the zero page is never written or counted;
 *  - child_writes_4m: a child writing 4 MiB copies exactly 1024 pages;
 *  - smp_parent_tlb: a parent thread on another CPU holds a writable TLB
 *    entry when the fork happens; its next write must fault and copy
 *    (copy_page_range's flush), or the child would see it.
 * All check that the free page count comes back after both mmput()s.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#include "fault_test.h"
#include "kunit_pages.h"

static unsigned long cow_map(struct kunit *test, unsigned long len, unsigned long prot)
{
	unsigned long addr = vm_mmap(NULL, 0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, 0);

	if (IS_ERR_VALUE(addr)) {
		kunit_fail(test, __FILE__, __LINE__, "vm_mmap: %ld", (long)addr);
		return 0;
	}
	return addr;
}

/* The child of parent, made as fork makes it (dup_mm: mm_alloc + dup_mmap). */
static struct mm_struct *cow_fork(struct kunit *test, struct mm_struct *parent)
{
	struct mm_struct *child = mm_alloc();

	if (!child) {
		kunit_fail(test, __FILE__, __LINE__, "mm_alloc");
		return NULL;
	}
	if (dup_mmap(child, parent)) {
		kunit_fail(test, __FILE__, __LINE__, "dup_mmap");
		mmput(child);
		return NULL;
	}
	return child;
}

static void use(struct mm_struct *from, struct mm_struct *to)
{
	if (from)
		kthread_unuse_mm(from);
	if (to)
		kthread_use_mm(to);
}

static unsigned long rd(unsigned long addr)
{
	unsigned long v = ~0UL;

	if (get_user(v, (unsigned long *)addr))
		return 0xdeadUL;
	return v;
}

static int wr(unsigned long addr, unsigned long v)
{
	return put_user(v, (unsigned long *)addr);
}

#define PW_PAGES 16
#define PW_CHILD 5

static void private_writes(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct fault_counts c0, c1;
	unsigned long addr;

	KUNIT_ASSERT_TRUE(test, parent != NULL);
	use(NULL, parent);
	addr = cow_map(test, PW_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out_parent;
	for (int i = 0; i < PW_PAGES; i++)
		KUNIT_EXPECT_EQ(test, wr(addr + i * PAGE_SIZE, 100 + i), 0);

	child = cow_fork(test, parent);
	if (!child)
		goto out_parent;
	fault_counts_read(&c0);
	for (int i = 0; i < PW_PAGES; i++) {
		pte_t *pp = fault_test_pte(parent, addr + i * PAGE_SIZE);
		pte_t *cp = fault_test_pte(child, addr + i * PAGE_SIZE);
		struct page *page = fault_test_page(parent, addr + i * PAGE_SIZE);

		KUNIT_ASSERT_TRUE(test, pp && cp && page);
		KUNIT_EXPECT_EQ(test, pte_pfn(*pp), pte_pfn(*cp));
		KUNIT_EXPECT_FALSE(test, pte_write(*pp));
		KUNIT_EXPECT_FALSE(test, pte_write(*cp));
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 2);
		KUNIT_EXPECT_EQ(test, page_mapcount(page), 2);
	}
	KUNIT_EXPECT_EQ(test, get_mm_counter(child, MM_ANONPAGES), PW_PAGES);

	/* The child reads everything (no copy), then writes PW_CHILD pages. */
	use(parent, child);
	for (int i = 0; i < PW_PAGES; i++)
		KUNIT_EXPECT_EQ(test, rd(addr + i * PAGE_SIZE), 100 + i);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow, c0.pgcow);
	for (int i = 0; i < PW_CHILD; i++)
		KUNIT_EXPECT_EQ(test, wr(addr + i * PAGE_SIZE, 200 + i), 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow - c0.pgcow, PW_CHILD);
	KUNIT_EXPECT_EQ(test, c1.anon - c0.anon, PW_CHILD);
	for (int i = 0; i < PW_PAGES; i++)
		KUNIT_EXPECT_EQ(test, rd(addr + i * PAGE_SIZE), i < PW_CHILD ? 200 + i : 100 + i);

	/* The parent still sees its own values, and the pages it now maps alone are reused. */
	use(child, parent);
	for (int i = 0; i < PW_PAGES; i++)
		KUNIT_EXPECT_EQ(test, rd(addr + i * PAGE_SIZE), 100 + i);
	for (int i = 0; i < PW_CHILD; i++) {
		struct page *page = fault_test_page(parent, addr + i * PAGE_SIZE);

		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
		KUNIT_EXPECT_EQ(test, page_mapcount(page), 1);
		KUNIT_EXPECT_EQ(test, wr(addr + i * PAGE_SIZE, 300 + i), 0);
	}
	fault_counts_read(&c0);
	KUNIT_EXPECT_EQ(test, c0.pgcow - c1.pgcow, 0);
	KUNIT_EXPECT_EQ(test, c0.pgreuse - c1.pgreuse, PW_CHILD);
	/* A page still shared with the child is copied. */
	KUNIT_EXPECT_EQ(test, wr(addr + PW_CHILD * PAGE_SIZE, 42), 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow - c0.pgcow, 1);

	/* The child goes; the parent is the last owner of the rest: reuse. */
	mmput(child);
	for (int i = PW_CHILD + 1; i < PW_PAGES; i++)
		KUNIT_EXPECT_EQ(test, wr(addr + i * PAGE_SIZE, 400 + i), 0);
	fault_counts_read(&c0);
	KUNIT_EXPECT_EQ(test, c0.pgcow, c1.pgcow);
	KUNIT_EXPECT_EQ(test, c0.pgreuse - c1.pgreuse, PW_PAGES - PW_CHILD - 1);
	KUNIT_EXPECT_EQ(test, get_mm_counter(parent, MM_ANONPAGES), PW_PAGES);
out_parent:
	use(parent, NULL);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static void readonly_sharing(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct fault_counts c0, c1;
	unsigned long rw, ro;

	KUNIT_ASSERT_TRUE(test, parent != NULL);
	use(NULL, parent);
	rw = cow_map(test, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	ro = cow_map(test, 8 * PAGE_SIZE, PROT_READ);
	if (!rw || !ro)
		goto out;
	for (int i = 0; i < 8; i++) {
		if (i < 4)
			KUNIT_EXPECT_EQ(test, wr(rw + i * PAGE_SIZE, i + 1), 0);
		else
			KUNIT_EXPECT_EQ(test, rd(rw + i * PAGE_SIZE), 0);	/* zero page */
		KUNIT_EXPECT_EQ(test, rd(ro + i * PAGE_SIZE), 0);
	}
	child = cow_fork(test, parent);
	if (!child)
		goto out;
	fault_counts_read(&c0);
	use(parent, child);
	for (int i = 0; i < 8; i++) {
		KUNIT_EXPECT_EQ(test, rd(rw + i * PAGE_SIZE), i < 4 ? i + 1 : 0);
		KUNIT_EXPECT_EQ(test, rd(ro + i * PAGE_SIZE), 0);
	}
	use(child, parent);
	for (int i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, rd(rw + i * PAGE_SIZE), i < 4 ? i + 1 : 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow, c0.pgcow);
	KUNIT_EXPECT_EQ(test, c1.pgreuse, c0.pgreuse);
	KUNIT_EXPECT_EQ(test, c1.anon, c0.anon);
	/* Only 4 real pages, each mapped twice; the zero page is not counted. */
	KUNIT_EXPECT_EQ(test, get_mm_counter(child, MM_ANONPAGES), 4);
	KUNIT_EXPECT_EQ(test, page_mapcount(fault_test_page(parent, rw)), 2);
	use(parent, NULL);
	mmput(child);
	KUNIT_EXPECT_EQ(test, page_mapcount(fault_test_page(parent, rw)), 1);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
	return;
out:
	use(parent, NULL);
	mmput(parent);
}

static void zero_page(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct page *zero = get_zero_page();
	int zero_ref = page_ref_count(zero);
	struct fault_counts c0, c1;
	unsigned long addr;

	KUNIT_ASSERT_TRUE(test, parent != NULL);
	use(NULL, parent);
	addr = cow_map(test, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	KUNIT_EXPECT_EQ(test, rd(addr), 0);
	child = cow_fork(test, parent);
	if (!child)
		goto out;
	KUNIT_EXPECT_EQ(test, pte_pfn(*fault_test_pte(child, addr)), page_to_pfn(zero));
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
	fault_counts_read(&c0);
	use(parent, child);
	KUNIT_EXPECT_EQ(test, wr(addr + 8, 77), 0);
	KUNIT_EXPECT_EQ(test, rd(addr + 8), 77);
	KUNIT_EXPECT_EQ(test, rd(addr), 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow - c0.pgcow, 1);
	KUNIT_EXPECT_NE(test, pte_pfn(*fault_test_pte(child, addr)), page_to_pfn(zero));
	use(child, parent);
	KUNIT_EXPECT_EQ(test, rd(addr + 8), 0);
	KUNIT_EXPECT_EQ(test, pte_pfn(*fault_test_pte(parent, addr)), page_to_pfn(zero));
	KUNIT_EXPECT_EQ(test, ((unsigned long *)page_address(zero))[1], 0);
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
	mmput(child);
out:
	use(parent, NULL);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

#define BIG_PAGES 1024	/* 4 MiB */

static void child_writes_4m(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;
	struct fault_counts c0, c1;
	unsigned long addr;
	int bad = 0;

	KUNIT_ASSERT_TRUE(test, parent != NULL);
	use(NULL, parent);
	addr = cow_map(test, BIG_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	for (int i = 0; i < BIG_PAGES; i++)
		bad += wr(addr + i * PAGE_SIZE, i) != 0;
	child = cow_fork(test, parent);
	if (!child)
		goto out;
	fault_counts_read(&c0);
	use(parent, child);
	for (int i = 0; i < BIG_PAGES; i++)
		bad += wr(addr + i * PAGE_SIZE + 8, i + 1) != 0;
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow - c0.pgcow, BIG_PAGES);
	for (int i = 0; i < BIG_PAGES; i++)
		bad += rd(addr + i * PAGE_SIZE) != (unsigned long)i ||
		       rd(addr + i * PAGE_SIZE + 8) != (unsigned long)i + 1;
	use(child, parent);
	for (int i = 0; i < BIG_PAGES; i++)
		bad += rd(addr + i * PAGE_SIZE + 8) != 0;
	KUNIT_EXPECT_EQ(test, bad, 0);
	mmput(child);
out:
	use(parent, NULL);
	mmput(parent);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

/* ---- the parent's TLB after fork, with a parent thread on another CPU ---- */

struct tlb_writer {
	struct mm_struct *mm;
	unsigned long addr;
	int phase;		/* 0 start, 1 wrote once (TLB warm), 2 forked: write again, 3 done */
	int err;
};

static int tlb_writer_fn(void *data)
{
	struct tlb_writer *w = data;

	kthread_use_mm(w->mm);
	w->err |= wr(w->addr, 1);
	__atomic_store_n(&w->phase, 1, __ATOMIC_RELEASE);
	/* Keep the entry hot without sleeping (a switch would reload CR3). */
	while (__atomic_load_n(&w->phase, __ATOMIC_ACQUIRE) != 2)
		w->err |= rd(w->addr) != 1;
	w->err |= wr(w->addr, 2);
	kthread_unuse_mm(w->mm);
	__atomic_store_n(&w->phase, 3, __ATOMIC_RELEASE);
	return 0;
}

static void smp_parent_tlb(struct kunit *test)
{
	unsigned long free_before, tasks_before = nr_task_structs();
	struct tlb_writer w = { };
	struct mm_struct *parent, *child = NULL;
	struct fault_counts c0, c1;
	unsigned int cpu, other = ~0U, me;
	struct task_struct *t;
	unsigned long v = 0;
	u64 deadline;

	me = get_cpu();
	put_cpu();
	for_each_online_cpu(cpu)
		if (cpu != me && other == ~0U)
			other = cpu;
	if (other == ~0U)
		kunit_skip(test, "needs 2 CPUs");
	free_before = shrunk_free_pages();
	parent = mm_alloc();
	KUNIT_ASSERT_TRUE(test, parent != NULL);
	use(NULL, parent);
	w.mm = parent;
	w.addr = cow_map(test, PAGE_SIZE, PROT_READ | PROT_WRITE);
	use(parent, NULL);
	if (!w.addr)
		goto out;
	t = kthread_create_on_cpu(tlb_writer_fn, &w, other, "cow_tlb/%u", other);
	if (IS_ERR(t)) {
		kunit_fail(test, __FILE__, __LINE__, "kthread");
		goto out;
	}
	wake_up_process(t);
	deadline = ktime_get_ns() + 20000ULL * 1000000ULL;
	while (__atomic_load_n(&w.phase, __ATOMIC_ACQUIRE) != 1 && ktime_get_ns() < deadline)
		schedule_timeout_uninterruptible(1);
	if (w.phase != 1) {
		kunit_fail(test, __FILE__, __LINE__, "writer did not start");
		return;	/* leaks the mm rather than freeing it under the writer */
	}
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(other, mm_cpumask(parent)));

	fault_counts_read(&c0);
	child = cow_fork(test, parent);	/* write-protects the writer's PTE: must flush CPU other */
	fault_counts_read(&c1);
	KUNIT_EXPECT_GE(test, c1.remote_received - c0.remote_received, 1);
	__atomic_store_n(&w.phase, 2, __ATOMIC_RELEASE);
	while (__atomic_load_n(&w.phase, __ATOMIC_ACQUIRE) != 3 && ktime_get_ns() < deadline)
		schedule_timeout_uninterruptible(1);
	if (w.phase != 3) {
		kunit_fail(test, __FILE__, __LINE__, "writer stuck");
		return;
	}
	KUNIT_EXPECT_EQ(test, w.err, 0);
	fault_counts_read(&c0);
	KUNIT_EXPECT_EQ(test, c0.pgcow - c1.pgcow, 1);	/* the writer's write faulted and copied */
	if (child) {
		KUNIT_EXPECT_EQ(test, access_remote_vm(child, w.addr, &v, sizeof(v), 0), sizeof(v));
		KUNIT_EXPECT_EQ(test, v, 1);	/* not the parent's 2 */
		mmput(child);
	}
	KUNIT_EXPECT_EQ(test, access_remote_vm(parent, w.addr, &v, sizeof(v), 0), sizeof(v));
	KUNIT_EXPECT_EQ(test, v, 2);
out:
	mmput(parent);
	fault_test_wait_tasks(tasks_before);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static struct kunit_case cow_cases[] = {
	KUNIT_CASE(private_writes),
	KUNIT_CASE(readonly_sharing),
	KUNIT_CASE(zero_page),
	KUNIT_CASE(child_writes_4m),
	KUNIT_CASE(smp_parent_tlb),
	{}
};

static struct kunit_suite cow_suite = {
	.name = "mm.cow",
	.test_cases = cow_cases,
};
kunit_test_suite(cow_suite);
