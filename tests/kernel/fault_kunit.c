// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of demand paging (mm/memory.c handle_mm_fault ->
 * do_anonymous_page, mm/fault.c do_user_addr_fault): a kernel thread
 * borrows a fresh mm (mm_alloc + kthread_use_mm), maps anonymous memory
 * with vm_mmap() and touches it with get_user()/put_user(), which fault
 * exactly as a user access would.
 *
 *  - sparse_1g: a 1 GiB mapping touched at 8 pages allocates 8 pages
 *    and a handful of page tables, nothing at mmap time;
 *  - read_maps_zero_page: reads map the shared zero page read-only, no
 *    allocation; a later write copies (a zeroed page) and the zero page
 *    stays zero and uncounted;
 *  - bad_access_efault: outside any VMA, writing a PROT_READ VMA or
 *    reading a PROT_NONE one gives -EFAULT through the exception table
 *    (in a user task it would be SIGSEGV), allocating nothing;
 *  - remote_access: access_remote_vm() with FOLL_WRITE|FOLL_FORCE
 *    writes a read-only private mapping (exec's argv), across pages;
 *  - file_fault_paths: a VMA with a ->fault (a stand-in file of four
 *    pages): a private read maps the file's page read-only, a private
 *    write copies it (do_cow_fault, or do_wp_page once mapped) and the
 *    file page is never written, a shared write lands in the file's page
 *    and dirties it, a fault past the file is SIGBUS (-EFAULT here);
 *  - oom_is_efault: with every free page taken, a fault is VM_FAULT_OOM
 *    and the uaccess -EFAULT, no panic; with memory back it works;
 *  - smp_concurrent_faults: two threads on two CPUs fault the same pages
 *    of one mm at once: each page is allocated once, both writes land.
 * Every case checks that the free page count, AnonPages and PageTables
 * come back after mmput().
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/uaccess.h>

#include "fault_test.h"
#include "kunit_pages.h"

struct fault_env {
	unsigned long free_before, tasks_before;
	struct fault_counts c0;
	struct mm_struct *mm;
};

static bool env_begin(struct kunit *test, struct fault_env *e)
{
	e->tasks_before = nr_task_structs();
	e->free_before = shrunk_free_pages();
	fault_counts_read(&e->c0);
	e->mm = mm_alloc();
	if (!e->mm) {
		kunit_fail(test, __FILE__, __LINE__, "mm_alloc failed");
		return false;
	}
	kthread_use_mm(e->mm);
	return true;
}

/* Drop the mm and check that everything it held came back. */
static void env_end(struct kunit *test, struct fault_env *e)
{
	struct fault_counts c1;

	kthread_unuse_mm(e->mm);
	mmput(e->mm);
	fault_test_wait_tasks(e->tasks_before);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.anon, e->c0.anon);
	KUNIT_EXPECT_EQ(test, c1.pagetables, e->c0.pagetables);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), e->free_before);
}

static unsigned long map_anon(struct kunit *test, unsigned long len, unsigned long prot)
{
	unsigned long addr = vm_mmap(NULL, 0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, 0);

	if (IS_ERR_VALUE(addr)) {
		kunit_fail(test, __FILE__, __LINE__, "vm_mmap: %ld", (long)addr);
		return 0;
	}
	return addr;
}

#define SPARSE_SIZE (1UL << 30)
#define SPARSE_TOUCH 8

static void sparse_1g(struct kunit *test)
{
	struct fault_env e;
	struct fault_counts c1;
	unsigned long addr, minflt;
	long tables;

	if (!env_begin(test, &e))
		return;
	addr = map_anon(test, SPARSE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	/* Nothing at mmap time: not even a page table. */
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, mm_rss(e.mm), 0);
	KUNIT_EXPECT_EQ(test, c1.anon, e.c0.anon);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&e.mm->pgtables_bytes), 0);

	minflt = current->min_flt;
	for (unsigned long i = 0; i < SPARSE_TOUCH; i++) {
		unsigned long *p = (unsigned long *)(addr + i * (SPARSE_SIZE / SPARSE_TOUCH) + i * PAGE_SIZE);

		KUNIT_EXPECT_EQ(test, put_user(0x1000 + i, p), 0);
	}
	for (unsigned long i = 0; i < SPARSE_TOUCH; i++) {
		unsigned long *p = (unsigned long *)(addr + i * (SPARSE_SIZE / SPARSE_TOUCH) + i * PAGE_SIZE);
		unsigned long v = 0;

		KUNIT_EXPECT_EQ(test, get_user(v, p), 0);
		KUNIT_EXPECT_EQ(test, v, 0x1000 + i);
	}
	fault_counts_read(&c1);
	/* One fault per page, then the reads hit mapped pages. */
	KUNIT_EXPECT_EQ(test, c1.pgfault - e.c0.pgfault, SPARSE_TOUCH);
	KUNIT_EXPECT_EQ(test, current->min_flt - minflt, SPARSE_TOUCH);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_ANONPAGES), SPARSE_TOUCH);
	KUNIT_EXPECT_EQ(test, c1.anon - e.c0.anon, SPARSE_TOUCH);
	/* 8 PTE pages (128 MiB apart), 1-2 PMD pages, 1-2 PUD pages, a P4D page with LA57. */
	tables = atomic_long_read(&e.mm->pgtables_bytes) / PAGE_SIZE;
	KUNIT_EXPECT_GE(test, tables, SPARSE_TOUCH + 2);
	KUNIT_EXPECT_LE(test, tables, SPARSE_TOUCH + 5);
	KUNIT_EXPECT_EQ(test, c1.pagetables - e.c0.pagetables, tables);
	KUNIT_EXPECT_EQ(test, c1.pgzeromap, e.c0.pgzeromap);
out:
	env_end(test, &e);
}

#define ZERO_PAGES 16

static void read_maps_zero_page(struct kunit *test)
{
	struct page *zero = get_zero_page();
	int zero_ref = page_ref_count(zero), zero_map = page_mapcount(zero);
	struct fault_env e;
	struct fault_counts c1;
	unsigned long addr;
	pte_t *pte;

	if (!env_begin(test, &e))
		return;
	addr = map_anon(test, ZERO_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	for (int i = 0; i < ZERO_PAGES; i++) {
		unsigned long v = 1;

		KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(addr + i * PAGE_SIZE + 8)), 0);
		KUNIT_EXPECT_EQ(test, v, 0);
		pte = fault_test_pte(e.mm, addr + i * PAGE_SIZE);
		KUNIT_ASSERT_TRUE(test, pte && pte_present(*pte));
		KUNIT_EXPECT_EQ(test, pte_pfn(*pte), page_to_pfn(zero));
		KUNIT_EXPECT_FALSE(test, pte_write(*pte));
	}
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgzeromap - e.c0.pgzeromap, ZERO_PAGES);
	KUNIT_EXPECT_EQ(test, c1.anon, e.c0.anon);
	KUNIT_EXPECT_EQ(test, mm_rss(e.mm), 0);
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
	KUNIT_EXPECT_EQ(test, page_mapcount(zero), zero_map);

	/* A write to a zero-page PTE breaks COW with a fresh zeroed page. */
	KUNIT_EXPECT_EQ(test, put_user(0xabcdUL, (unsigned long *)(addr + 3 * PAGE_SIZE)), 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.pgcow - e.c0.pgcow, 1);
	KUNIT_EXPECT_EQ(test, c1.anon - e.c0.anon, 1);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_ANONPAGES), 1);
	pte = fault_test_pte(e.mm, addr + 3 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, pte_write(*pte));
	KUNIT_EXPECT_NE(test, pte_pfn(*pte), page_to_pfn(zero));
	{
		unsigned long v = 0, w = 1;

		KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(addr + 3 * PAGE_SIZE)), 0);
		KUNIT_EXPECT_EQ(test, v, 0xabcd);
		KUNIT_EXPECT_EQ(test, get_user(w, (unsigned long *)(addr + 3 * PAGE_SIZE + 8)), 0);
		KUNIT_EXPECT_EQ(test, w, 0);
	}
	{
		const unsigned long *z = page_address(zero);
		unsigned long any = 0;

		for (unsigned long i = 0; i < PAGE_SIZE / sizeof(long); i++)
			any |= z[i];
		KUNIT_EXPECT_EQ(test, any, 0);	/* the zero page was never written */
	}
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
out:
	env_end(test, &e);
	KUNIT_EXPECT_EQ(test, page_ref_count(zero), zero_ref);
}

static void bad_access_efault(struct kunit *test)
{
	struct fault_env e;
	struct fault_counts c1;
	unsigned long ro, none, v = 0;
	char buf[16] = "x";

	if (!env_begin(test, &e))
		return;
	ro = map_anon(test, 4 * PAGE_SIZE, PROT_READ);
	none = map_anon(test, 4 * PAGE_SIZE, 0);
	if (!ro || !none)
		goto out;
	/* No VMA there (well below the first mapping). */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)0x10000000UL, buf, sizeof(buf)),
			sizeof(buf));
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)0x10000000UL), -EFAULT);
	/* Read-only: reads see zeroes, writes fail. */
	KUNIT_EXPECT_EQ(test, put_user(1UL, (unsigned long *)ro), -EFAULT);
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)ro), 0);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, put_user(1UL, (unsigned long *)ro), -EFAULT);	/* present, RO */
	/* PROT_NONE: nothing at all. */
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(none + PAGE_SIZE)), -EFAULT);
	KUNIT_EXPECT_EQ(test, put_user(1UL, (unsigned long *)(none + PAGE_SIZE)), -EFAULT);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, c1.anon, e.c0.anon);
	KUNIT_EXPECT_EQ(test, mm_rss(e.mm), 0);
out:
	env_end(test, &e);
}

static void remote_access(struct kunit *test)
{
	static const char msg[] = "argv0\0HOME=/\0";
	unsigned long free_before = shrunk_free_pages();
	struct mm_struct *mm = mm_alloc();
	char buf[128];
	unsigned long addr;

	KUNIT_ASSERT_TRUE(test, mm != NULL);
	kthread_use_mm(mm);
	addr = map_anon(test, 3 * PAGE_SIZE, PROT_READ);
	kthread_unuse_mm(mm);
	if (!addr)
		goto out;
	/* From outside the mm, as exec writes the new stack. */
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 100, (void *)msg, sizeof(msg),
					       FOLL_WRITE | FOLL_FORCE), sizeof(msg));
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 100, buf, sizeof(msg), FOLL_FORCE),
			sizeof(msg));
	KUNIT_EXPECT_TRUE(test, memcmp(buf, msg, sizeof(msg)) == 0);
	/* Across a page boundary, the second page first read (zero page), then written. */
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 2 * PAGE_SIZE - 8, buf, 64, 0), 64);
	for (int i = 0; i < 64; i++)
		buf[i] = (char)(i + 1);
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 2 * PAGE_SIZE - 8, buf, 64,
					       FOLL_WRITE | FOLL_FORCE), 64);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 2 * PAGE_SIZE - 8, buf, 64, 0), 64);
	for (int i = 0; i < 64; i++)
		KUNIT_EXPECT_EQ(test, buf[i], (char)(i + 1));
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 3);
	/* Without FOLL_FORCE a read-only mapping is not written; no VMA: nothing. */
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr, buf, 8, FOLL_WRITE), 0);
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, 0x10000000UL, buf, 8, 0), 0);
	/* Stops at the end of the mapping. */
	KUNIT_EXPECT_EQ(test, access_remote_vm(mm, addr + 3 * PAGE_SIZE - 16, buf, 64, 0), 16);
	/* The owner sees it (its PTE stays read-only). */
	kthread_use_mm(mm);
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void __user *)(addr + 100), sizeof(msg)), 0);
	KUNIT_EXPECT_TRUE(test, memcmp(buf, msg, sizeof(msg)) == 0);
	KUNIT_EXPECT_EQ(test, put_user(1UL, (unsigned long *)(addr + 104)), -EFAULT);
	kthread_unuse_mm(mm);
out:
	mmput(mm);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

#define CONC_PAGES 64

struct conc_worker {
	struct mm_struct *mm;
	unsigned long addr;
	unsigned int cpu, id;
	int errors;
	int *go, *done;
};

static int conc_worker_fn(void *data)
{
	struct conc_worker *w = data;

	kthread_use_mm(w->mm);
	while (!__atomic_load_n(w->go, __ATOMIC_ACQUIRE))
		cpu_relax();
	for (unsigned long i = 0; i < CONC_PAGES; i++) {
		unsigned long *p = (unsigned long *)(w->addr + i * PAGE_SIZE) + w->id;

		if (put_user(i * 16 + w->id, p))
			w->errors++;
	}
	kthread_unuse_mm(w->mm);
	__atomic_add_fetch(w->done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void smp_concurrent_faults(struct kunit *test)
{
	struct conc_worker w[2];
	unsigned int cpus[2], n = 0, cpu;
	struct fault_env e;
	struct fault_counts c1;
	int go = 0, done = 0;
	unsigned long addr;
	u64 deadline;

	for_each_online_cpu(cpu)
		if (n < 2)
			cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	if (!env_begin(test, &e))
		return;
	addr = map_anon(test, CONC_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	for (int i = 0; i < 2; i++) {
		struct task_struct *t;

		w[i] = (struct conc_worker){ .mm = e.mm, .addr = addr, .cpu = cpus[i], .id = i,
					     .go = &go, .done = &done };
		t = kthread_create_on_cpu(conc_worker_fn, &w[i], cpus[i], "fault_conc/%u", cpus[i]);
		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "kthread");
			__atomic_add_fetch(&done, 1, __ATOMIC_RELEASE);
			continue;
		}
		wake_up_process(t);
	}
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	deadline = ktime_get_ns() + 20000ULL * 1000000ULL;
	while (__atomic_load_n(&done, __ATOMIC_ACQUIRE) < 2) {
		if (ktime_get_ns() > deadline) {
			kunit_fail(test, __FILE__, __LINE__, "workers stuck");
			return;	/* leaks the mm rather than freeing it under them */
		}
		schedule_timeout_uninterruptible(1);
	}
	KUNIT_EXPECT_EQ(test, w[0].errors + w[1].errors, 0);
	fault_counts_read(&c1);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_ANONPAGES), CONC_PAGES);
	KUNIT_EXPECT_EQ(test, c1.anon - e.c0.anon, CONC_PAGES);
	for (unsigned long i = 0; i < CONC_PAGES; i++) {
		for (unsigned int id = 0; id < 2; id++) {
			unsigned long v = 0;

			KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(addr + i * PAGE_SIZE) + id), 0);
			KUNIT_EXPECT_EQ(test, v, i * 16 + id);
		}
	}
out:
	env_end(test, &e);
}

/* ---- VMAs with ->fault: do_read_fault, do_cow_fault, do_shared_fault ---- */

#define FILE_PAGES 4

static struct address_space fake_mapping;	/* only its address: pages "in a file" */
static struct page *file_pages[FILE_PAGES];

static vm_fault_t fake_fault(struct vm_fault *vmf)
{
	if (vmf->pgoff >= FILE_PAGES)
		return VM_FAULT_SIGBUS;
	vmf->page = file_pages[vmf->pgoff];
	get_page(vmf->page);
	return 0;
}

static const struct vm_operations_struct fake_file_ops = { .fault = fake_fault };

static unsigned long map_fake_file(struct kunit *test, struct mm_struct *mm, unsigned long flags,
				   unsigned long npages)
{
	unsigned long addr = vm_mmap(NULL, 0, npages * PAGE_SIZE, PROT_READ | PROT_WRITE,
				     flags | MAP_ANONYMOUS, 0);
	struct vm_area_struct *vma;

	if (IS_ERR_VALUE(addr)) {
		kunit_fail(test, __FILE__, __LINE__, "vm_mmap: %ld", (long)addr);
		return 0;
	}
	vma = find_vma(mm, addr);
	vma->vm_ops = &fake_file_ops;	/* as a file's ->mmap would */
	vma->vm_pgoff = 0;
	return addr;
}

static void file_fault_paths(struct kunit *test)
{
	struct fault_env e;
	unsigned long priv, shared, v;
	int i;

	for (i = 0; i < FILE_PAGES; i++) {
		file_pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, file_pages[i] != NULL);
		memset(page_address(file_pages[i]), 'A' + i, PAGE_SIZE);
		file_pages[i]->mapping = &fake_mapping;
		file_pages[i]->index = i;
	}
	if (!env_begin(test, &e))
		goto free;
	priv = map_fake_file(test, e.mm, MAP_PRIVATE, FILE_PAGES + 1);
	shared = map_fake_file(test, e.mm, MAP_SHARED, FILE_PAGES);
	if (!priv || !shared)
		goto out;

	/* Private read: the file's own page, read-only, counted as a file page. */
	v = 0;
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)priv), 0);
	KUNIT_EXPECT_EQ(test, v & 0xff, 'A');
	KUNIT_EXPECT_TRUE(test, fault_test_page(e.mm, priv) == file_pages[0]);
	KUNIT_EXPECT_FALSE(test, pte_write(*fault_test_pte(e.mm, priv)));
	KUNIT_EXPECT_EQ(test, page_mapcount(file_pages[0]), 1);
	KUNIT_EXPECT_EQ(test, page_ref_count(file_pages[0]), 2);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_FILEPAGES), 1);
	/* Private write to a page never read: do_cow_fault, a copy. */
	KUNIT_EXPECT_EQ(test, put_user(0x11UL, (unsigned long *)(priv + PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(priv + PAGE_SIZE + 8)), 0);
	KUNIT_EXPECT_EQ(test, v & 0xff, 'B');
	KUNIT_EXPECT_EQ(test, page_ref_count(file_pages[1]), 1);
	KUNIT_EXPECT_EQ(test, page_mapcount(file_pages[1]), 0);
	/* Private write to the mapped file page: do_wp_page copies it. */
	KUNIT_EXPECT_EQ(test, put_user(0x22UL, (unsigned long *)priv), 0);
	KUNIT_EXPECT_TRUE(test, fault_test_page(e.mm, priv) != file_pages[0]);
	KUNIT_EXPECT_EQ(test, page_mapcount(file_pages[0]), 0);
	KUNIT_EXPECT_EQ(test, page_ref_count(file_pages[0]), 1);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_FILEPAGES), 0);
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_ANONPAGES), 2);
	KUNIT_EXPECT_EQ(test, *(unsigned char *)page_address(file_pages[0]), 'A');
	KUNIT_EXPECT_EQ(test, *(unsigned char *)page_address(file_pages[1]), 'B');
	/* Past the file: ->fault says SIGBUS, the access fails. */
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)(priv + FILE_PAGES * PAGE_SIZE)), -EFAULT);

	/* Shared write: into the file's page, which becomes dirty. */
	KUNIT_EXPECT_EQ(test, put_user(0x33UL, (unsigned long *)(shared + 2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_TRUE(test, fault_test_page(e.mm, shared + 2 * PAGE_SIZE) == file_pages[2]);
	KUNIT_EXPECT_EQ(test, *(unsigned long *)page_address(file_pages[2]), 0x33);
	KUNIT_EXPECT_TRUE(test, folio_test_dirty(page_folio(file_pages[2])));
	KUNIT_EXPECT_EQ(test, get_mm_counter(e.mm, MM_FILEPAGES), 1);
out:
	env_end(test, &e);
free:
	/* Every map is gone: only the "page cache" reference is left. */
	for (i = 0; i < FILE_PAGES; i++) {
		if (!file_pages[i])
			continue;
		KUNIT_EXPECT_EQ(test, page_ref_count(file_pages[i]), 1);
		KUNIT_EXPECT_EQ(test, page_mapcount(file_pages[i]), 0);
		file_pages[i]->mapping = NULL;
		file_pages[i]->flags &= ~(1UL << PG_dirty);
		__free_page(file_pages[i]);
		file_pages[i] = NULL;
	}
}

/*
 * Out of memory in a fault: with every free page taken, a fault from the
 * kernel gets VM_FAULT_OOM and the uaccess fails with -EFAULT through its
 * fixup (a user task would get SIGKILL); nothing panics, and once memory
 * is back the same access works.
 */
static void oom_is_efault(struct kunit *test)
{
	struct fault_env e;
	struct page *page, *tmp;
	unsigned long addr, v = 1, taken = 0;
	LIST_HEAD(hoard);

	if (nr_free_pages() > (1UL << 30) / PAGE_SIZE)
		kunit_skip(test, "more than 1 GiB free: too slow to exhaust under TCG");
	if (!env_begin(test, &e))
		return;
	addr = map_anon(test, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	if (!addr)
		goto out;
	while ((page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_NOWARN))) {
		list_add(&page->lru, &hoard);
		taken++;
	}
	KUNIT_EXPECT_GT(test, taken, 0);
	/* No page for the tables nor the data: both accesses fail, cleanly. */
	KUNIT_EXPECT_EQ(test, put_user(7UL, (unsigned long *)addr), -EFAULT);
	KUNIT_EXPECT_EQ(test, mm_rss(e.mm), 0);
	list_for_each_entry_safe(page, tmp, &hoard, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
	KUNIT_EXPECT_EQ(test, put_user(7UL, (unsigned long *)addr), 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (unsigned long *)addr), 0);
	KUNIT_EXPECT_EQ(test, v, 7);
out:
	env_end(test, &e);
}

static struct kunit_case fault_cases[] = {
	KUNIT_CASE(sparse_1g),
	KUNIT_CASE(read_maps_zero_page),
	KUNIT_CASE(bad_access_efault),
	KUNIT_CASE(remote_access),
	KUNIT_CASE(file_fault_paths),
	KUNIT_CASE(oom_is_efault),
	KUNIT_CASE(smp_concurrent_faults),
	{}
};

static struct kunit_suite fault_suite = {
	.name = "mm.fault",
	.test_cases = fault_cases,
};
kunit_test_suite(fault_suite);
