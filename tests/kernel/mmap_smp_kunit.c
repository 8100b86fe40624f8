// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit test of one address space used from every CPU at once (mm/mmap.c,
 * mm/vma.c, mm/mprotect.c under mmap_lock; the faults and TLB flushes of
 * mm/memory.c, mm/mmu_gather.c, mm/tlb.c): the threads of a process.
 *
 * One kernel thread per online CPU (at least two) borrows the same mm
 * (kthread_use_mm) and, 30 times: maps 4 pages anywhere, writes a
 * pattern of its own into each (write faults under mmap_read_lock while
 * the others take mmap_write_lock), flips the middle pages to read-only
 * and back (mprotect: split, change_protection with a TLB flush on every
 * CPU of mm_cpumask, merge), checks the pattern, and unmaps (unmap_vmas,
 * the flush, then the pages freed). A CPU that kept a stale TLB entry
 * for an unmapped page would, once another thread gets the same address
 * from mmap, read the old thread's pattern instead of its own; mmap_lock
 * misuse shows as a broken tree (mm_check-like walk at the end) or a
 * lost mapping. One more region is shared by all and written by each at
 * its own offset. At the end: one VMA left, nothing leaked.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "kunit_pages.h"

#define WAIT_MS 30000
#define ROUNDS 30
#define MAX_WORKERS 8
#define P PAGE_SIZE

struct mmap_smp {
	struct mm_struct *mm;
	unsigned long shared;		/* MAX_WORKERS pages, one per worker */
	int done;
	int errors;
	int nomem;
};

struct worker_arg {
	struct mmap_smp *s;
	unsigned int id;
};

long __x64_sys_mprotect(const struct pt_regs *regs);

static long __x64_sys_mprotect_wrapper(unsigned long start, unsigned long len, unsigned long prot)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = start;
	regs.si = len;
	regs.dx = prot;
	return __x64_sys_mprotect(&regs);
}

static void count(int *c)
{
	__atomic_add_fetch(c, 1, __ATOMIC_RELAXED);
}

/* Each word of the page: owner id, round and page index: a stale page shows. */
static unsigned long stamp(unsigned int id, unsigned int round, unsigned int page)
{
	return 0x5a5a000000000000UL | ((unsigned long)id << 32) | (round << 8) | page;
}

static bool put_pattern(unsigned long addr, unsigned long val)
{
	for (unsigned int off = 0; off < P; off += 512)
		if (put_user(val, (unsigned long __user *)(addr + off)))
			return false;
	return true;
}

static bool check_pattern(unsigned long addr, unsigned long val)
{
	unsigned long v;

	for (unsigned int off = 0; off < P; off += 512)
		if (get_user(v, (unsigned long __user *)(addr + off)) || v != val)
			return false;
	return true;
}

static int mmap_worker(void *data)
{
	struct worker_arg *w = data;
	struct mmap_smp *s = w->s;

	kthread_use_mm(s->mm);
	for (unsigned int round = 0; round < ROUNDS; round++) {
		unsigned long a = vm_mmap(NULL, 0, 4 * P, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, 0);
		unsigned int i;

		if (IS_ERR_VALUE(a)) {
			count(&s->nomem);
			continue;
		}
		/* Fresh memory is zero, whatever was at this address before. */
		if (!check_pattern(a + 3 * P, 0))
			count(&s->errors);
		for (i = 0; i < 4; i++)
			if (!put_pattern(a + i * P, stamp(w->id, round, i)))
				count(&s->errors);
		mmap_write_lock(s->mm);
		{
			struct vm_area_struct *vma = find_vma(s->mm, a);

			if (!vma || vma->vm_start > a)
				count(&s->errors);
		}
		mmap_write_unlock(s->mm);
		/* Read-only in the middle: a write must fail now, reads work. */
		if (__x64_sys_mprotect_wrapper(a + P, 2 * P, PROT_READ))
			count(&s->errors);
		if (!put_user(1UL, (unsigned long __user *)(a + P)))
			count(&s->errors);
		if (__x64_sys_mprotect_wrapper(a + P, 2 * P, PROT_READ | PROT_WRITE))
			count(&s->errors);
		for (i = 0; i < 4; i++)
			if (!check_pattern(a + i * P, stamp(w->id, round, i)))
				count(&s->errors);
		/* The shared region: this worker's page only. */
		if (!put_pattern(s->shared + w->id * P, stamp(w->id, round, 99)) ||
		    !check_pattern(s->shared + w->id * P, stamp(w->id, round, 99)))
			count(&s->errors);
		if (vm_munmap(a, 4 * P))
			count(&s->errors);
		if ((round & 15) == 0)
			cond_resched();
	}
	kthread_unuse_mm(s->mm);
	__atomic_add_fetch(&s->done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void mmap_threads_share_an_mm(struct kunit *test)
{
	static struct worker_arg args[MAX_WORKERS];
	static struct mmap_smp s;
	unsigned long vmas_before = nr_vm_area_structs(), free_before = shrunk_free_pages();
	unsigned long tasks_before = nr_task_structs();
	unsigned int cpu, n = 0, started = 0;
	u64 end;

	memset(&s, 0, sizeof(s));
	s.mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, s.mm != NULL);
	arch_pick_mmap_layout(s.mm);
	kthread_use_mm(s.mm);
	s.shared = vm_mmap(NULL, 0, MAX_WORKERS * P, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, 0);
	kthread_unuse_mm(s.mm);
	KUNIT_ASSERT_TRUE(test, !IS_ERR_VALUE(s.shared));

	/* One worker per online CPU; two on one CPU when there is only one. */
	for_each_online_cpu(cpu) {
		if (n == MAX_WORKERS)
			break;
		args[n].s = &s;
		args[n].id = n;
		n++;
	}
	if (n < 2) {
		args[1].s = &s;
		args[1].id = 1;
		n = 2;
	}
	for (unsigned int i = 0; i < n; i++) {
		struct task_struct *t;

		t = kthread_create_on_cpu(mmap_worker, &args[i], i % num_online_cpus(),
					  "mmap_smp/%u", i);
		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "cannot start worker %u", i);
			break;
		}
		wake_up_process(t);
		started++;
	}
	end = ktime_get_ns() + WAIT_MS * 1000000ULL;
	while (__atomic_load_n(&s.done, __ATOMIC_ACQUIRE) < (int)started) {
		if (ktime_get_ns() >= end) {
			kunit_fail(test, __FILE__, __LINE__, "only %d of %u workers finished",
				   s.done, started);
			return;	/* leave the mm: the workers still use it */
		}
		msleep(10);
	}
	KUNIT_EXPECT_EQ(test, s.errors, 0);
	KUNIT_EXPECT_EQ(test, s.nomem, 0);
	KUNIT_EXPECT_EQ(test, s.mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, s.mm->total_vm, (unsigned long)MAX_WORKERS);
	KUNIT_EXPECT_TRUE(test, s.mm->mmap && s.mm->mmap->vm_start == s.shared &&
			  s.mm->mmap->vm_end == s.shared + MAX_WORKERS * P);
	KUNIT_EXPECT_EQ(test, get_mm_counter(s.mm, MM_ANONPAGES), (unsigned long)started);
	exit_mmap(s.mm);
	KUNIT_EXPECT_EQ(test, mm_rss(s.mm), 0UL);
	mmdrop(s.mm);
	KUNIT_EXPECT_EQ(test, nr_vm_area_structs(), vmas_before);
	/* The workers' stacks go back only once their task structs are freed, after their last switch. */
	end = ktime_get_ns() + 10000ULL * 1000000;
	while (nr_task_structs() > tasks_before && ktime_get_ns() < end)
		msleep(10);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static struct kunit_case mmap_smp_cases[] = {
	KUNIT_CASE(mmap_threads_share_an_mm),
	{}
};

static struct kunit_suite mmap_smp_suite = {
	.name = "mmap_smp",
	.test_cases = mmap_smp_cases,
};
kunit_test_suite(mmap_smp_suite);
