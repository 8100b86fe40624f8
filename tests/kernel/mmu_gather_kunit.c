// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the unmap order (mm/mmu_gather.c, mm/memory.c
 * unmap_vmas/zap_page_range/free_pgtables, mm/tlb.c flush_tlb_mm_range).
 *
 *  - flush_before_free: a hook inside tlb_flush_mmu(), called between
 *    the TLB flush and the first put_page(), checks that every gathered
 *    page is still allocated (refcount 1, not in the buddy), that its PTE
 *    is already clear, and that this CPU no longer translates the address
 *    (a get_user() there refaults onto the zero page instead of reading
 *    the old page through a stale TLB entry). Freeing before flushing, or
 *    not flushing, fails it.
 *  - batches: unmapping 1200 pages fills the on-stack batch and then
 *    batch pages; every page comes back and the hook sees them all.
 *  - no_batch_memory_flushes_early: with no free page for a batch page,
 *    the gather flushes (and only then frees) every MMU_GATHER_BUNDLE
 *    pages.
 *  - free_pgtables_floor_ceiling: freeing one VMA's tables keeps the
 *    table pages a neighbour still uses (PageTables and the neighbour's
 *    data checked).
 *  - smp_shootdown: a thread of the same mm on another CPU keeps reading
 *    a page; zap_page_range() on this CPU must send it a flush IPI
 *    (NR_TLB_REMOTE_FLUSH_RECEIVED on that CPU) and wait for it, so its
 *    next read refaults and sees zeroes, not the freed page.
 * All check the free page count after mmput().
 */
#include <asm/tlb.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#include "fault_test.h"
#include "kunit_pages.h"

/* mm/mmu_gather.c's test hook. */
extern void (*mmu_gather_flush_hook)(struct mmu_gather *tlb);

#define HOOK_MAX 2048

static struct {
	struct mm_struct *mm;
	unsigned long addr, npages;	/* the range being unmapped */
	unsigned long pattern;		/* what each page held at offset 0 */
	unsigned long seen, alive, pte_clear, calls, stale;
	bool check_tlb;
} hk;

static void gather_hook(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *b;

	hk.calls++;
	for (b = &tlb->local; b && b->nr; b = b->next) {
		for (unsigned int i = 0; i < b->nr; i++) {
			struct page *p = b->pages[i];

			hk.seen++;
			if (page_ref_count(p) >= 1 && !PageBuddy(p))
				hk.alive++;
		}
	}
	for (unsigned long i = 0; i < hk.npages; i++) {
		pte_t *pte = fault_test_pte(hk.mm, hk.addr + i * PAGE_SIZE);

		if (!pte || pte_none(*pte))
			hk.pte_clear++;
	}
	if (hk.check_tlb) {
		/* Through this CPU's TLB: a stale entry would still read the pattern. */
		unsigned long v = 0;

		hk.check_tlb = false;
		if (get_user(v, (unsigned long *)hk.addr) || v != 0)
			hk.stale++;
	}
}

static unsigned long gather_map(struct kunit *test, unsigned long npages)
{
	unsigned long addr = vm_mmap(NULL, 0, npages * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, 0);

	if (IS_ERR_VALUE(addr)) {
		kunit_fail(test, __FILE__, __LINE__, "vm_mmap: %ld", (long)addr);
		return 0;
	}
	for (unsigned long i = 0; i < npages; i++)
		if (put_user(0x5a5a0000UL + i, (unsigned long *)(addr + i * PAGE_SIZE)))
			kunit_fail(test, __FILE__, __LINE__, "put_user page %lu", i);
	return addr;
}

static void run_gathered_zap(struct kunit *test, unsigned long npages, bool check_tlb)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *mm = mm_alloc();
	struct fault_counts c0, c1;
	struct vm_area_struct *vma;
	unsigned long addr;

	KUNIT_ASSERT_TRUE(test, mm != NULL);
	kthread_use_mm(mm);
	addr = gather_map(test, npages);
	if (!addr)
		goto out;
	memset(&hk, 0, sizeof(hk));
	hk.mm = mm;
	hk.addr = addr;
	hk.npages = npages;
	hk.check_tlb = check_tlb;
	fault_counts_read(&c0);
	vma = find_vma(mm, addr);
	KUNIT_ASSERT_TRUE(test, vma && vma->vm_start <= addr);
	mmu_gather_flush_hook = gather_hook;
	zap_page_range(vma, addr, npages * PAGE_SIZE);
	mmu_gather_flush_hook = NULL;
	fault_counts_read(&c1);

	KUNIT_EXPECT_GE(test, hk.calls, 1);
	KUNIT_EXPECT_EQ(test, hk.seen, npages);
	KUNIT_EXPECT_EQ(test, hk.alive, npages);	/* none freed before the flush */
	KUNIT_EXPECT_EQ(test, hk.stale, 0);
	KUNIT_EXPECT_EQ(test, c0.anon - c1.anon, npages);	/* all freed after it */
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0);
	/* The tables stay (the VMA does): a read refaults onto the zero page. */
	for (unsigned long i = 0; i < npages; i += 97) {
		unsigned long v = 1;

		KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(addr + i * PAGE_SIZE)), 0);
		KUNIT_EXPECT_EQ(test, v, 0);
	}
out:
	kthread_unuse_mm(mm);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static void flush_before_free(struct kunit *test)
{
	run_gathered_zap(test, 4, true);
	KUNIT_EXPECT_EQ(test, hk.pte_clear, 4 * hk.calls);
}

static void batches(struct kunit *test)
{
	run_gathered_zap(test, 1200, false);
}

/*
 * No memory for batch pages: the gather keeps only its on-stack bundle
 * (MMU_GATHER_BUNDLE pages) and flushes early each time it fills, still
 * flushing before it frees.
 */
static void no_batch_memory_flushes_early(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	struct page *page, *tmp;
	unsigned long addr, npages = 8 * MMU_GATHER_BUNDLE;
	LIST_HEAD(hoard);

	KUNIT_ASSERT_TRUE(test, mm != NULL);
	if (nr_free_pages() > (1UL << 30) / PAGE_SIZE) {
		mmput(mm);
		kunit_skip(test, "more than 1 GiB free: too slow to exhaust under TCG");
	}
	kthread_use_mm(mm);
	addr = gather_map(test, npages);
	if (!addr)
		goto out;
	vma = find_vma(mm, addr);
	memset(&hk, 0, sizeof(hk));
	hk.mm = mm;
	hk.addr = addr;
	hk.npages = npages;
	while ((page = alloc_page(GFP_ATOMIC | __GFP_NOWARN)))
		list_add(&page->lru, &hoard);
	mmu_gather_flush_hook = gather_hook;
	zap_page_range(vma, addr, npages * PAGE_SIZE);
	mmu_gather_flush_hook = NULL;
	list_for_each_entry_safe(page, tmp, &hoard, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	KUNIT_EXPECT_GE(test, hk.calls, npages / MMU_GATHER_BUNDLE);
	KUNIT_EXPECT_EQ(test, hk.seen, npages);
	KUNIT_EXPECT_EQ(test, hk.alive, npages);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0);
out:
	kthread_unuse_mm(mm);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static void free_pgtables_floor_ceiling(struct kunit *test)
{
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *a, *b, one;
	struct fault_counts c0, c1;
	unsigned long abase, bbase;
	struct mmu_gather tlb;

	KUNIT_ASSERT_TRUE(test, mm != NULL);
	kthread_use_mm(mm);
	/* Two 1 MiB VMAs 4 MiB apart: different PTE tables, the same PMD table. */
	abase = 0x40000000UL;
	bbase = abase + (4UL << 20);
	if (vm_mmap(NULL, abase, 1UL << 20, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != abase ||
	    vm_mmap(NULL, bbase, 1UL << 20, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0) != bbase) {
		kunit_fail(test, __FILE__, __LINE__, "MAP_FIXED maps");
		goto out;
	}
	KUNIT_EXPECT_EQ(test, put_user(11UL, (unsigned long *)abase), 0);
	KUNIT_EXPECT_EQ(test, put_user(22UL, (unsigned long *)bbase), 0);
	a = find_vma(mm, abase);
	b = find_vma(mm, bbase);
	KUNIT_ASSERT_TRUE(test, a && b && a->vm_start == abase && b->vm_start == bbase);
	fault_counts_read(&c0);

	/* Unmap b's pages and free its tables, with a below as the floor. */
	one = *b;
	one.vm_next = NULL;
	mmap_write_lock(mm);
	tlb_gather_mmu(&tlb, mm);
	unmap_vmas(&tlb, &one, one.vm_start, one.vm_end);
	free_pgtables(&tlb, &one, a->vm_end, one.vm_end + (1UL << 30));
	tlb_finish_mmu(&tlb);
	mmap_write_unlock(mm);
	fault_counts_read(&c1);
	/* Exactly b's PTE table went; the PMD table (and up) a uses stayed. */
	KUNIT_EXPECT_EQ(test, c0.pagetables - c1.pagetables, 1);
	KUNIT_EXPECT_EQ(test, c0.anon - c1.anon, 1);
	KUNIT_EXPECT_TRUE(test, fault_test_pte(mm, bbase) == NULL);
	KUNIT_EXPECT_TRUE(test, fault_test_page(mm, abase) != NULL);
	{
		unsigned long v = 0;

		KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)abase), 0);
		KUNIT_EXPECT_EQ(test, v, 11);
		/* b's VMA is still there: it faults its tables back in. */
		KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)bbase), 0);
		KUNIT_EXPECT_EQ(test, v, 0);
	}
out:
	kthread_unuse_mm(mm);
	mmput(mm);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

/* ---- SMP shootdown ---- */

struct reader {
	struct mm_struct *mm;
	unsigned long addr;
	int phase;		/* 1: reading, 2: zapped (read once more), 3: done */
	unsigned long after;	/* the value read after the zap */
	int err;
};

static int reader_fn(void *data)
{
	struct reader *r = data;
	unsigned long v = 0;

	kthread_use_mm(r->mm);
	r->err |= get_user(v, (unsigned long *)r->addr) || v != 0x5a5a0000UL;
	__atomic_store_n(&r->phase, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&r->phase, __ATOMIC_ACQUIRE) != 2)
		r->err |= get_user(v, (unsigned long *)r->addr);	/* the page, or zeroes once zapped */
	r->err |= get_user(r->after, (unsigned long *)r->addr);
	kthread_unuse_mm(r->mm);
	__atomic_store_n(&r->phase, 3, __ATOMIC_RELEASE);
	return 0;
}

static void smp_shootdown(struct kunit *test)
{
	unsigned long free_before, tasks_before = nr_task_structs();
	unsigned int cpu, other = ~0U, me;
	unsigned long recv0, sent0;
	struct reader r = { };
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	struct task_struct *t;
	u64 deadline;

	me = get_cpu();
	put_cpu();
	for_each_online_cpu(cpu)
		if (cpu != me && other == ~0U)
			other = cpu;
	if (other == ~0U)
		kunit_skip(test, "needs 2 CPUs");
	free_before = shrunk_free_pages();
	mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, mm != NULL);
	kthread_use_mm(mm);
	r.mm = mm;
	r.addr = gather_map(test, 1);
	if (!r.addr)
		goto out;
	t = kthread_create_on_cpu(reader_fn, &r, other, "tlb_reader/%u", other);
	if (IS_ERR(t)) {
		kunit_fail(test, __FILE__, __LINE__, "kthread");
		goto out;
	}
	wake_up_process(t);
	deadline = ktime_get_ns() + 20000ULL * 1000000ULL;
	while (__atomic_load_n(&r.phase, __ATOMIC_ACQUIRE) != 1 && ktime_get_ns() < deadline)
		schedule_timeout_uninterruptible(1);
	if (r.phase != 1) {
		kunit_fail(test, __FILE__, __LINE__, "reader did not start");
		return;	/* leaks the mm rather than freeing it under the reader */
	}
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(other, mm_cpumask(mm)));
	KUNIT_EXPECT_GE(test, cpumask_weight(mm_cpumask(mm)), 2);	/* this thread's CPU too */

	recv0 = vm_event_on_cpu(NR_TLB_REMOTE_FLUSH_RECEIVED, other);
	sent0 = sum_vm_event(NR_TLB_REMOTE_FLUSH);
	vma = find_vma(mm, r.addr);
	zap_page_range(vma, r.addr, PAGE_SIZE);	/* returns after the other CPU flushed */
	KUNIT_EXPECT_GE(test, vm_event_on_cpu(NR_TLB_REMOTE_FLUSH_RECEIVED, other) - recv0, 1);
	KUNIT_EXPECT_GE(test, sum_vm_event(NR_TLB_REMOTE_FLUSH) - sent0, 1);
	__atomic_store_n(&r.phase, 2, __ATOMIC_RELEASE);
	while (__atomic_load_n(&r.phase, __ATOMIC_ACQUIRE) != 3 && ktime_get_ns() < deadline)
		schedule_timeout_uninterruptible(1);
	if (r.phase != 3) {
		kunit_fail(test, __FILE__, __LINE__, "reader stuck");
		return;
	}
	KUNIT_EXPECT_EQ(test, r.err, 0);
	KUNIT_EXPECT_EQ(test, r.after, 0);	/* refaulted: the zero page, not the old page */
	KUNIT_EXPECT_FALSE(test, cpumask_test_cpu(other, mm_cpumask(mm)));
out:
	kthread_unuse_mm(mm);
	mmput(mm);
	fault_test_wait_tasks(tasks_before);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static struct kunit_case mmu_gather_cases[] = {
	KUNIT_CASE(flush_before_free),
	KUNIT_CASE(batches),
	KUNIT_CASE(no_batch_memory_flushes_early),
	KUNIT_CASE(free_pgtables_floor_ceiling),
	KUNIT_CASE(smp_shootdown),
	{}
};

static struct kunit_suite mmu_gather_suite = {
	.name = "mm.mmu_gather",
	.test_cases = mmu_gather_cases,
};
kunit_test_suite(mmu_gather_suite);
