// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the VMA layer (mm/mmap.c, mm/mprotect.c, mm/mremap.c,
 * mm/madvise.c, mm/msync.c, mm/util.c), run from a kernel thread that
 * borrows a fresh mm (mm_alloc + arch_pick_mmap_layout + kthread_use_mm),
 * the way Linux's mm selftests would run in a process. The system calls
 * are called through their __x64_sys_* entry points with a pt_regs, as
 * do_syscall_64 calls them; data goes through copy_to_user/get_user, so
 * pages are faulted in exactly as a user access would (mm/memory.c).
 *
 * Each case checks the VMA list and tree against each other after every
 * step (mm_check: order, vm_prev links, map_count, highest_vm_end, and
 * every node's rb_subtree_gap recomputed from scratch), and that no
 * vm_area_struct and no page leaked once the mm is torn down.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "kunit_pages.h"

#ifndef offset_in_page
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#endif
#define KUNIT_ASSERT_FALSE(test, cond) KUNIT_ASSERT_TRUE(test, !(cond))

long __x64_sys_mmap(const struct pt_regs *regs);
long __x64_sys_munmap(const struct pt_regs *regs);
long __x64_sys_mprotect(const struct pt_regs *regs);
long __x64_sys_brk(const struct pt_regs *regs);
long __x64_sys_mremap(const struct pt_regs *regs);
long __x64_sys_madvise(const struct pt_regs *regs);
long __x64_sys_msync(const struct pt_regs *regs);

static long sys6(long (*fn)(const struct pt_regs *), unsigned long a1, unsigned long a2,
		 unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a1;
	regs.si = a2;
	regs.dx = a3;
	regs.r10 = a4;
	regs.r8 = a5;
	regs.r9 = a6;
	return fn(&regs);
}

#define P PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static long t_mmap(unsigned long addr, unsigned long len, unsigned long prot,
		   unsigned long flags)
{
	return sys6(__x64_sys_mmap, addr, len, prot, flags, -1UL, 0);
}

static long t_munmap(unsigned long addr, unsigned long len)
{
	return sys6(__x64_sys_munmap, addr, len, 0, 0, 0, 0);
}

static long t_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	return sys6(__x64_sys_mprotect, addr, len, prot, 0, 0, 0);
}

static long t_brk(unsigned long brk)
{
	return sys6(__x64_sys_brk, brk, 0, 0, 0, 0, 0);
}

static long t_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		     unsigned long flags, unsigned long new_addr)
{
	return sys6(__x64_sys_mremap, addr, old_len, new_len, flags, new_addr, 0);
}

static long t_madvise(unsigned long addr, unsigned long len, int advice)
{
	return sys6(__x64_sys_madvise, addr, len, advice, 0, 0, 0);
}

static long t_msync(unsigned long addr, unsigned long len, int flags)
{
	return sys6(__x64_sys_msync, addr, len, flags, 0, 0, 0);
}

/* ---- the mm a case runs in ---- */

struct mm_ctx {
	struct mm_struct *mm;
	unsigned long vmas_before;
};

static void mm_enter(struct kunit *test, struct mm_ctx *c)
{
	c->vmas_before = nr_vm_area_structs();
	c->mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, c->mm != NULL);
	arch_pick_mmap_layout(c->mm);
	kthread_use_mm(c->mm);
}

static void mm_leave(struct kunit *test, struct mm_ctx *c)
{
	struct mm_struct *mm = c->mm;

	kthread_unuse_mm(mm);
	exit_mmap(mm);
	KUNIT_EXPECT_EQ(test, mm->map_count, 0);
	KUNIT_EXPECT_EQ(test, mm->total_vm, 0UL);
	KUNIT_EXPECT_EQ(test, mm->data_vm, 0UL);
	KUNIT_EXPECT_EQ(test, mm->stack_vm, 0UL);
	KUNIT_EXPECT_EQ(test, mm->exec_vm, 0UL);
	KUNIT_EXPECT_EQ(test, mm_rss(mm), 0UL);
	mmdrop(mm);
	KUNIT_EXPECT_EQ(test, nr_vm_area_structs(), c->vmas_before);
}

static unsigned long gap_of(struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start, prev_end = vma->vm_prev ? vma->vm_prev->vm_end : 0;

	if (vma->vm_flags & VM_GROWSDOWN)
		start = start > stack_guard_gap ? start - stack_guard_gap : 0;
	return start > prev_end ? start - prev_end : 0;
}

/* Recompute a subtree's largest gap from scratch; compare with the cached one. */
static unsigned long check_subtree(struct kunit *test, struct rb_node *node, int *bad)
{
	struct vm_area_struct *vma;
	unsigned long max;

	if (!node)
		return 0;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	max = gap_of(vma);
	max = max(max, check_subtree(test, node->rb_left, bad));
	max = max(max, check_subtree(test, node->rb_right, bad));
	if (vma->rb_subtree_gap != max)
		(*bad)++;
	return max;
}

/* The list and the tree agree, and every cached gap is right. */
static void mm_check(struct kunit *test, struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *rb = rb_first(&mm->mm_rb);
	int count = 0, bad = 0;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		count++;
		if (vma->vm_prev != prev || vma->vm_start >= vma->vm_end ||
		    (prev && prev->vm_end > vma->vm_start) || vma->vm_mm != mm ||
		    offset_in_page(vma->vm_start) || offset_in_page(vma->vm_end))
			bad++;
		if (!rb || rb_entry(rb, struct vm_area_struct, vm_rb) != vma)
			bad++;
		rb = rb ? rb_next(rb) : NULL;
	}
	KUNIT_EXPECT_TRUE(test, rb == NULL);
	KUNIT_EXPECT_EQ(test, count, mm->map_count);
	KUNIT_EXPECT_EQ(test, mm->highest_vm_end, prev ? prev->vm_end : 0UL);
	check_subtree(test, mm->mm_rb.rb_node, &bad);
	KUNIT_EXPECT_EQ(test, bad, 0);
}

static struct vm_area_struct *vma_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	return vma && vma->vm_start <= addr ? vma : NULL;
}

/* ---- cases ---- */

static void mmap_anon_basic(struct kunit *test)
{
	struct mm_ctx c;
	struct vm_area_struct *vma;
	unsigned long a, b;
	pteval_t prot;

	mm_enter(test, &c);
	a = t_mmap(0, 3 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_EQ(test, offset_in_page(a), 0UL);
	KUNIT_EXPECT_GE(test, a, mmap_min_addr);
	KUNIT_EXPECT_LE(test, a + 3 * P, c.mm->mmap_base);
	KUNIT_EXPECT_LT(test, a, DEFAULT_MAP_WINDOW);
	vma = vma_at(c.mm, a);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_EQ(test, vma->vm_start, a);
	KUNIT_EXPECT_EQ(test, vma->vm_end, a + 3 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED),
			VM_READ | VM_WRITE);
	KUNIT_EXPECT_TRUE(test, (vma->vm_flags & (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)) ==
			  (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC));
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, a >> PAGE_SHIFT);
	KUNIT_EXPECT_TRUE(test, vma_is_anonymous(vma));
	/* Private writable: PAGE_COPY, read-only until a write fault. */
	prot = pgprot_val(vma->vm_page_prot);
	KUNIT_EXPECT_TRUE(test, prot & _PAGE_PRESENT);
	KUNIT_EXPECT_TRUE(test, prot & _PAGE_USER);
	KUNIT_EXPECT_FALSE(test, prot & _PAGE_RW);
	if (boot_cpu_data.has_nx)
		KUNIT_EXPECT_TRUE(test, prot & _PAGE_NX);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 3UL);
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 3UL);

	/* The next one goes right below (top-down) and merges. */
	b = t_mmap(0, 2 * P, RW, ANON);
	KUNIT_EXPECT_EQ(test, b, a - 2 * P);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	vma = vma_at(c.mm, b);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_EQ(test, vma->vm_start, b);
	KUNIT_EXPECT_EQ(test, vma->vm_end, a + 3 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, b >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 5UL);

	/* Different flags: no merge. A shared one is VM_SHARED with PAGE_SHARED. */
	b = t_mmap(0, P, RW, MAP_SHARED | MAP_ANONYMOUS);
	KUNIT_EXPECT_FALSE(test, IS_ERR_VALUE(b));
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	vma = vma_at(c.mm, b);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_TRUE(test, vma->vm_flags & VM_SHARED);
	KUNIT_EXPECT_TRUE(test, vma->vm_flags & VM_MAYSHARE);
	KUNIT_EXPECT_TRUE(test, pgprot_val(vma->vm_page_prot) & _PAGE_RW);
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 5UL);	/* shared is not data */
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 6UL);
	/* PROT_EXEC: executable PTEs, counted in exec_vm. */
	b = t_mmap(0, P, PROT_READ | PROT_EXEC, ANON);
	vma = vma_at(c.mm, b);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_FALSE(test, pgprot_val(vma->vm_page_prot) & _PAGE_NX);
	KUNIT_EXPECT_EQ(test, c.mm->exec_vm, 1UL);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void mmap_bad_args(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long a;

	mm_enter(test, &c);
	KUNIT_EXPECT_EQ(test, t_mmap(0, 0, RW, ANON), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mmap(0, P, RW, MAP_ANONYMOUS), -EINVAL);	/* neither */
	KUNIT_EXPECT_EQ(test, t_mmap(0, P, RW, 0x0f | MAP_ANONYMOUS), -EINVAL);
	/* MAP_SHARED|MAP_PRIVATE is MAP_SHARED_VALIDATE: for anonymous memory -EINVAL (Linux). */
	KUNIT_EXPECT_EQ(test, t_mmap(0, P, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS | 0x400000),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, t_mmap(0, P, RW, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mmap(0, -P + 1, RW, ANON), -ENOMEM);	/* PAGE_ALIGN wraps */
	KUNIT_EXPECT_EQ(test, t_mmap(0, TASK_SIZE + P, RW, ANON), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_mmap(0x200001, P, RW, ANON | MAP_FIXED), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mmap(0x1000, P, RW, ANON | MAP_FIXED), -EPERM);
	KUNIT_EXPECT_EQ(test, t_mmap(0, P, RW, ANON | MAP_FIXED), -EPERM);
	KUNIT_EXPECT_EQ(test, t_mmap(0x1000, P, RW, ANON | MAP_FIXED_NOREPLACE), -EPERM);
	KUNIT_EXPECT_EQ(test, t_mmap(TASK_SIZE - P, 2 * P, RW, ANON | MAP_FIXED), -ENOMEM);
	KUNIT_EXPECT_EQ(test, sys6(__x64_sys_mmap, 0, P, RW, ANON, -1UL, 123), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys6(__x64_sys_mmap, 0, P, RW, MAP_PRIVATE, -1UL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, sys6(__x64_sys_mmap, 0, P, RW, MAP_PRIVATE, 100000, 0), -EBADF);
	a = t_mmap(0, P, RW, MAP_SHARED | MAP_ANONYMOUS);
	KUNIT_EXPECT_FALSE(test, IS_ERR_VALUE(a));
	/* A hint below mmap_min_addr is raised to it. */
	a = t_mmap(0x1000, P, RW, ANON);
	KUNIT_EXPECT_EQ(test, a, PAGE_ALIGN(mmap_min_addr));
	/* Unknown flags with plain MAP_PRIVATE are ignored, as Linux. */
	a = t_mmap(0, P, RW, ANON | 0x400000);
	KUNIT_EXPECT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 3);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void mmap_fixed(struct kunit *test)
{
	struct mm_ctx c;
	struct vm_area_struct *vma;
	unsigned long a, r;

	mm_enter(test, &c);
	a = t_mmap(0, 8 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	/* MAP_FIXED_NOREPLACE over it: -EEXIST, nothing changed. */
	KUNIT_EXPECT_EQ(test, t_mmap(a + 2 * P, P, PROT_READ, ANON | MAP_FIXED_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, t_mmap(a - P, 2 * P, PROT_READ, ANON | MAP_FIXED_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	/* In free space it maps exactly there. */
	r = t_mmap(a - 4 * P, P, PROT_READ, ANON | MAP_FIXED_NOREPLACE);
	KUNIT_EXPECT_EQ(test, r, a - 4 * P);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	/* MAP_FIXED replaces the middle: three VMAs, the middle read-only. */
	r = t_mmap(a + 2 * P, 2 * P, PROT_READ, ANON | MAP_FIXED);
	KUNIT_EXPECT_EQ(test, r, a + 2 * P);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 4);
	vma = vma_at(c.mm, a + 2 * P);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_EQ(test, vma->vm_start, a + 2 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_end, a + 4 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & VM_ACCESS_FLAGS, VM_READ);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 2 * P);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 4 * P)->vm_start, a + 4 * P);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 9UL);
	/* MAP_FIXED with the same flags again: everything merges back. */
	r = t_mmap(a + 2 * P, 2 * P, RW, ANON | MAP_FIXED);
	KUNIT_EXPECT_EQ(test, r, a + 2 * P);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 8 * P);
	/* A hint that is free is taken; one that is not is moved. */
	r = t_mmap(a - 16 * P, P, RW, ANON);
	KUNIT_EXPECT_EQ(test, r, a - 16 * P);
	r = t_mmap(a + P, P, RW, ANON);
	KUNIT_EXPECT_NE(test, r, a + P);
	KUNIT_EXPECT_FALSE(test, IS_ERR_VALUE(r));
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void munmap_split(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long a;

	mm_enter(test, &c);
	a = t_mmap(0, 10 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_EQ(test, t_munmap(a + 3 * P, 2 * P), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 3 * P);
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, a + 3 * P) == NULL);
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, a + 4 * P) == NULL);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 5 * P)->vm_start, a + 5 * P);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 5 * P)->vm_pgoff, (a >> PAGE_SHIFT) + 5);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 8UL);
	mm_check(test, c.mm);
	/* Across the hole, from inside one VMA to inside the other. */
	KUNIT_EXPECT_EQ(test, t_munmap(a + 2 * P, 5 * P), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 2 * P);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 7 * P)->vm_start, a + 7 * P);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 5UL);
	/* Nothing mapped there: 0. Bad arguments: -EINVAL. */
	KUNIT_EXPECT_EQ(test, t_munmap(a + 3 * P, P), 0);
	KUNIT_EXPECT_EQ(test, t_munmap(a + 1, P), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_munmap(a, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_munmap(TASK_SIZE - P, 2 * P), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_munmap(-P, P), -EINVAL);
	/* A length that is not a page multiple rounds up. */
	KUNIT_EXPECT_EQ(test, t_munmap(a, P + 1), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	/* Everything, in one call over both ends. */
	KUNIT_EXPECT_EQ(test, t_munmap(a - 100 * P, 200 * P), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 0);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 0UL);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void mprotect_split_merge(struct kunit *test)
{
	struct mm_ctx c;
	struct vm_area_struct *vma;
	unsigned long a;

	mm_enter(test, &c);
	a = t_mmap(0, 6 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 2 * P, 2 * P, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 3);
	vma = vma_at(c.mm, a + 2 * P);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_EQ(test, vma->vm_start, a + 2 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_end, a + 4 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & VM_ACCESS_FLAGS, VM_READ);
	KUNIT_EXPECT_EQ(test, vma->vm_pgoff, (a >> PAGE_SHIFT) + 2);
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 4UL);	/* read-only is not data */
	mm_check(test, c.mm);
	/* The first page like its right neighbour: merges into it. */
	KUNIT_EXPECT_EQ(test, t_mprotect(a + P, P, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 3);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 2 * P)->vm_start, a + P);
	/* Back to RW over all: one VMA. */
	KUNIT_EXPECT_EQ(test, t_mprotect(a, 6 * P, RW), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 6 * P);
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 6UL);
	/* PROT_NONE in the middle, then back. */
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 3 * P, P, PROT_NONE), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 3);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 3 * P, P, RW), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	/* Errors: unaligned, bad prot, holes (-ENOMEM), beyond VM_MAY* (-EACCES). */
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 1, P, PROT_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mprotect(a, P, 0x100), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mprotect(a, P, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mprotect(a, 0, PROT_READ), 0);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 6 * P, P, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_mprotect(a - P, 2 * P, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_mprotect(-P, 2 * P, PROT_READ), -ENOMEM);
	/* Up to a hole: what is before it changes (Linux), then -ENOMEM. */
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 4 * P, 4 * P, PROT_READ), -ENOMEM);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a + 5 * P)->vm_flags & VM_ACCESS_FLAGS, VM_READ);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 5 * P, P, PROT_GROWSDOWN | PROT_READ), -EINVAL);
	/* MAP_NORESERVE: no VM_ACCOUNT when made writable again, so it merges back. */
	{
		unsigned long n = t_mmap(0, 3 * P, RW, ANON | MAP_NORESERVE);
		int before = c.mm->map_count;

		KUNIT_EXPECT_EQ(test, t_mprotect(n + P, P, PROT_READ), 0);
		KUNIT_EXPECT_EQ(test, t_mprotect(n + P, P, PROT_NONE), 0);
		KUNIT_EXPECT_EQ(test, c.mm->map_count, before + 2);
		KUNIT_EXPECT_EQ(test, t_mprotect(n + P, P, RW), 0);
		KUNIT_EXPECT_EQ(test, c.mm->map_count, before);
		KUNIT_EXPECT_EQ(test, vma_at(c.mm, n)->vm_end, n + 3 * P);
		KUNIT_EXPECT_FALSE(test, vma_at(c.mm, n)->vm_flags & VM_ACCOUNT);
		KUNIT_EXPECT_EQ(test, t_munmap(n, 3 * P), 0);
	}
	vma = vma_at(c.mm, a);
	vma->vm_flags &= ~VM_MAYWRITE;
	KUNIT_EXPECT_EQ(test, t_mprotect(a, P, RW), -EACCES);
	KUNIT_EXPECT_EQ(test, t_mprotect(a, P, PROT_READ), 0);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

/* Write a pattern through copy_to_user (a user write fault per page), read it back. */
static bool fill(unsigned long addr, unsigned long pages, u8 seed)
{
	u8 buf[64];

	for (unsigned long i = 0; i < pages; i++) {
		memset(buf, seed + (u8)i, sizeof(buf));
		if (copy_to_user((void __user *)(addr + i * P + 128), buf, sizeof(buf)))
			return false;
	}
	return true;
}

static bool check(unsigned long addr, unsigned long pages, u8 seed)
{
	u8 buf[64];

	for (unsigned long i = 0; i < pages; i++) {
		if (copy_from_user(buf, (void __user *)(addr + i * P + 128), sizeof(buf)))
			return false;
		for (unsigned int j = 0; j < sizeof(buf); j++)
			if (buf[j] != (u8)(seed + i))
				return false;
	}
	return true;
}

static void mmap_data(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long a, free_before = shrunk_free_pages();
	u8 byte = 1;

	mm_enter(test, &c);
	a = t_mmap(0, 8 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	/* Nothing is mapped at mmap time; a read sees zeroes. */
	KUNIT_EXPECT_EQ(test, mm_rss(c.mm), 0UL);
	KUNIT_EXPECT_EQ(test, get_user(byte, (u8 __user *)(a + 7 * P)), 0);
	KUNIT_EXPECT_EQ(test, byte, 0);
	KUNIT_EXPECT_TRUE(test, fill(a, 8, 10));
	KUNIT_EXPECT_TRUE(test, check(a, 8, 10));
	KUNIT_EXPECT_EQ(test, get_mm_counter(c.mm, MM_ANONPAGES), 8UL);
	/* munmap of the middle: gone, the rest intact. */
	KUNIT_EXPECT_EQ(test, t_munmap(a + 2 * P, 2 * P), 0);
	KUNIT_EXPECT_EQ(test, get_mm_counter(c.mm, MM_ANONPAGES), 6UL);
	KUNIT_EXPECT_NE(test, get_user(byte, (u8 __user *)(a + 2 * P)), 0);
	KUNIT_EXPECT_TRUE(test, check(a, 2, 10));
	KUNIT_EXPECT_TRUE(test, check(a + 4 * P, 4, 14));
	/* mprotect read-only: reads work, writes fail; back to RW: writes work. */
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 4 * P, 4 * P, PROT_READ), 0);
	KUNIT_EXPECT_TRUE(test, check(a + 4 * P, 4, 14));
	KUNIT_EXPECT_NE(test, put_user(byte, (u8 __user *)(a + 5 * P)), 0);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 4 * P, 4 * P, PROT_NONE), 0);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + 4 * P, 4 * P, RW), 0);
	KUNIT_EXPECT_TRUE(test, check(a + 4 * P, 4, 14));
	KUNIT_EXPECT_TRUE(test, fill(a + 4 * P, 4, 40));
	KUNIT_EXPECT_TRUE(test, check(a + 4 * P, 4, 40));
	/* MAP_POPULATE faults the pages in at mmap time (write faults: private writable). */
	{
		unsigned long pop = t_mmap(0, 4 * P, RW, ANON | MAP_POPULATE);
		unsigned long anon = get_mm_counter(c.mm, MM_ANONPAGES);

		KUNIT_EXPECT_FALSE(test, IS_ERR_VALUE(pop));
		KUNIT_EXPECT_EQ(test, t_munmap(pop, 4 * P), 0);
		KUNIT_EXPECT_EQ(test, get_mm_counter(c.mm, MM_ANONPAGES), anon - 4);
	}
	/* madvise(MADV_DONTNEED): the pages go, the next read sees zeroes. */
	KUNIT_EXPECT_EQ(test, t_madvise(a + 4 * P, 2 * P, MADV_DONTNEED), 0);
	KUNIT_EXPECT_EQ(test, get_mm_counter(c.mm, MM_ANONPAGES), 4UL);
	KUNIT_EXPECT_EQ(test, get_user(byte, (u8 __user *)(a + 4 * P + 128)), 0);
	KUNIT_EXPECT_EQ(test, byte, 0);
	KUNIT_EXPECT_TRUE(test, check(a + 6 * P, 2, 42));
	mm_check(test, c.mm);
	mm_leave(test, &c);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

/* The highest free range of len below limit, found by walking the list (the model). */
static unsigned long model_topdown(struct mm_struct *mm, unsigned long len, unsigned long limit)
{
	struct vm_area_struct *vma;
	unsigned long best = -ENOMEM;

	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		unsigned long lo = vma->vm_prev ? vma->vm_prev->vm_end : 0;
		unsigned long hi = min(vma->vm_start, limit);

		if (hi > lo && hi - lo >= len && hi - len >= PAGE_SIZE)
			best = hi - len;
	}
	if (mm->highest_vm_end + len <= limit)
		best = limit - len;
	return best;
}

static void get_unmapped_area_topdown(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long base, r, seed = 12345;
	int i, bad = 0;

	mm_enter(test, &c);
	base = c.mm->mmap_base;
	KUNIT_EXPECT_EQ(test, offset_in_page(base), 0UL);
	/* Two VMAs just below mmap_base, with a 2-page hole between. */
	KUNIT_EXPECT_EQ(test, t_mmap(base - 4 * P, 4 * P, PROT_READ, ANON | MAP_FIXED), base - 4 * P);
	KUNIT_EXPECT_EQ(test, t_mmap(base - 10 * P, 4 * P, RW, ANON | MAP_FIXED), base - 10 * P);
	/* 2 pages fit the hole; 3 do not and go below. */
	KUNIT_EXPECT_EQ(test, t_mmap(0, 3 * P, PROT_EXEC, ANON), base - 13 * P);
	KUNIT_EXPECT_EQ(test, t_mmap(0, 2 * P, PROT_EXEC, ANON), base - 6 * P);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 4);
	/* Above mmap_base is not used without a hint... */
	r = t_mmap(0, P, RW, ANON);
	KUNIT_EXPECT_LT(test, r, base);
	/* ...but a free hint there is. */
	KUNIT_EXPECT_EQ(test, t_mmap(base + 16 * P, P, RW, ANON), base + 16 * P);
	mm_check(test, c.mm);

	/*
	 * Many VMAs with random gaps: each search must find what a walk of the
	 * list finds, and the tree's gaps must stay right as VMAs come and go.
	 */
	for (i = 0; i < 300; i++) {
		unsigned long len, addr, expect;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		len = ((seed >> 33) % 8 + 1) * P;
		if ((seed >> 20) % 3 == 0 && c.mm->map_count > 4) {
			/* Unmap a random VMA (by a random address in the area used). */
			addr = base - ((seed >> 40) % 2048) * P;
			t_munmap(addr & PAGE_MASK, len);
			continue;
		}
		mmap_read_lock(c.mm);
		expect = model_topdown(c.mm, len, base);
		mmap_read_unlock(c.mm);
		r = t_mmap(0, len, (seed >> 10) & 1 ? RW : PROT_READ, ANON);
		if (r != expect)
			bad++;
		/* Leave a one-page hole below now and then. */
		if ((seed >> 50) & 1)
			t_mmap(r - P - P, P, PROT_NONE, ANON | MAP_FIXED);
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void mmap_high_hint(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long r, hint = 1UL << 50;

	mm_enter(test, &c);
	r = t_mmap(0, P, RW, ANON);
	KUNIT_EXPECT_LT(test, r, DEFAULT_MAP_WINDOW);
	r = t_mmap(hint, 4 * P, RW, ANON);
	if (pgtable_l5_enabled()) {
		/* 5-level: above 47 bits only when asked, as Linux. */
		KUNIT_EXPECT_EQ(test, r, hint);
		KUNIT_EXPECT_TRUE(test, fill(r, 4, 7));
		KUNIT_EXPECT_TRUE(test, check(r, 4, 7));
		/* A hint straddling the window is not taken. */
		r = t_mmap(DEFAULT_MAP_WINDOW - P, 2 * P, RW, ANON);
		KUNIT_EXPECT_LT(test, r, DEFAULT_MAP_WINDOW);
		r = t_mmap(TASK_SIZE_MAX - P, P, RW, ANON | MAP_FIXED);
		KUNIT_EXPECT_EQ(test, r, TASK_SIZE_MAX - P);
	} else {
		KUNIT_EXPECT_LT(test, r, DEFAULT_MAP_WINDOW);
		KUNIT_EXPECT_EQ(test, t_mmap(hint, P, RW, ANON | MAP_FIXED), -ENOMEM);
	}
	KUNIT_EXPECT_EQ(test, t_mmap(TASK_SIZE_MAX, P, RW, ANON | MAP_FIXED), -ENOMEM);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void brk_grow_shrink(struct kunit *test)
{
	struct mm_ctx c;
	struct vm_area_struct *vma;
	unsigned long start = 0x10000000UL;

	mm_enter(test, &c);
	c.mm->start_brk = c.mm->brk = start;
	KUNIT_EXPECT_EQ(test, t_brk(0), (long)start);
	KUNIT_EXPECT_EQ(test, t_brk(start + 10000), (long)(start + 10000));
	vma = vma_at(c.mm, start);
	KUNIT_ASSERT_TRUE(test, vma != NULL);
	KUNIT_EXPECT_EQ(test, vma->vm_start, start);
	KUNIT_EXPECT_EQ(test, vma->vm_end, start + 3 * P);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & VM_ACCESS_FLAGS, VM_READ | VM_WRITE);
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 3UL);
	KUNIT_EXPECT_TRUE(test, fill(start, 3, 3));
	/* Growing again extends the same VMA. */
	KUNIT_EXPECT_EQ(test, t_brk(start + 5 * P), (long)(start + 5 * P));
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, start)->vm_end, start + 5 * P);
	KUNIT_EXPECT_TRUE(test, check(start, 3, 3));
	/* Shrink: the tail is unmapped. */
	KUNIT_EXPECT_EQ(test, t_brk(start + 1), (long)(start + 1));
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, start)->vm_end, start + P);
	KUNIT_EXPECT_TRUE(test, check(start, 1, 3));
	KUNIT_EXPECT_EQ(test, c.mm->data_vm, 1UL);
	/* Below start_brk: refused, the old break returned. */
	KUNIT_EXPECT_EQ(test, t_brk(start - P), (long)(start + 1));
	/* Not into the next mapping, nor its guard page. */
	KUNIT_EXPECT_EQ(test, t_mmap(start + 20 * P, P, RW, ANON | MAP_FIXED), (long)(start + 20 * P));
	KUNIT_EXPECT_EQ(test, t_brk(start + 19 * P + 1), (long)(start + 1));
	KUNIT_EXPECT_EQ(test, t_brk(start + 19 * P), (long)(start + 19 * P));
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 2);
	KUNIT_EXPECT_EQ(test, t_brk(start), (long)start);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	/* vm_brk_flags (exec's bss): rejects flags other than VM_EXEC. */
	KUNIT_EXPECT_EQ(test, vm_brk_flags(start + 40 * P, P, VM_WRITE), -EINVAL);
	KUNIT_EXPECT_EQ(test, vm_brk_flags(start + 40 * P, 2 * P, 0), 0);
	KUNIT_EXPECT_EQ(test, vm_brk_flags(0x1000, P, 0), -EPERM);
	KUNIT_EXPECT_EQ(test, vm_brk_flags(start, -P + 1, 0), -ENOMEM);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, start + 40 * P)->vm_end, start + 42 * P);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void mremap_cases(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long a, r, b;
	u8 byte;

	mm_enter(test, &c);
	a = t_mmap(0, 4 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_TRUE(test, fill(a, 4, 50));
	/* Shrink in place. */
	KUNIT_EXPECT_EQ(test, t_mremap(a, 4 * P, 3 * P, 0, 0), (long)a);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 3 * P);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 3UL);
	/* Grow in place (the page after it is free again). */
	KUNIT_EXPECT_EQ(test, t_mremap(a, 3 * P, 4 * P, 0, 0), (long)a);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, a)->vm_end, a + 4 * P);
	KUNIT_EXPECT_TRUE(test, check(a, 3, 50));
	KUNIT_EXPECT_EQ(test, get_user(byte, (u8 __user *)(a + 3 * P + 128)), 0);
	KUNIT_EXPECT_EQ(test, byte, 0);
	/* Blocked by a mapping after it: -ENOMEM without MREMAP_MAYMOVE. */
	b = t_mmap(a + 4 * P, P, PROT_READ, ANON | MAP_FIXED);
	KUNIT_EXPECT_EQ(test, b, a + 4 * P);
	KUNIT_EXPECT_EQ(test, t_mremap(a, 4 * P, 8 * P, 0, 0), -ENOMEM);
	/* With it: moved, contents kept (the PTEs moved), old range empty. */
	r = t_mremap(a, 4 * P, 8 * P, MREMAP_MAYMOVE, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(r));
	KUNIT_EXPECT_NE(test, r, a);
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, a) == NULL);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, r)->vm_end, r + 8 * P);
	KUNIT_EXPECT_TRUE(test, check(r, 3, 50));
	/* Three pages written; the fourth maps the zero page, not counted. */
	KUNIT_EXPECT_EQ(test, get_mm_counter(c.mm, MM_ANONPAGES), 3UL);
	KUNIT_EXPECT_EQ(test, c.mm->total_vm, 9UL);
	/* MREMAP_FIXED to a chosen place, replacing what is there. */
	KUNIT_EXPECT_EQ(test, t_mremap(r, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, a + 4 * P),
			(long)(a + 4 * P));
	KUNIT_EXPECT_TRUE(test, check(a + 4 * P, 2, 50));
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, r) == NULL);
	KUNIT_EXPECT_TRUE(test, check(r + 2 * P, 1, 52));
	/* MREMAP_DONTUNMAP: the pages move, the old VMA stays, empty (reads zero). */
	{
		unsigned long d = t_mmap(0, 2 * P, RW, ANON), to;
		int before = c.mm->map_count;

		KUNIT_EXPECT_TRUE(test, fill(d, 2, 70));
		to = t_mremap(d, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
		KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(to));
		KUNIT_EXPECT_NE(test, to, d);
		KUNIT_EXPECT_EQ(test, c.mm->map_count, before + 1);
		KUNIT_EXPECT_TRUE(test, check(to, 2, 70));
		KUNIT_EXPECT_TRUE(test, vma_at(c.mm, d) != NULL);
		KUNIT_EXPECT_EQ(test, get_user(byte, (u8 __user *)(d + 128)), 0);
		KUNIT_EXPECT_EQ(test, byte, 0);
		KUNIT_EXPECT_EQ(test, t_mremap(d, 2 * P, 3 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0),
				-EINVAL);
		KUNIT_EXPECT_EQ(test, t_munmap(d, 2 * P), 0);
		KUNIT_EXPECT_EQ(test, t_munmap(to, 2 * P), 0);
	}
	/* old_len 0 of a shared mapping: a second view of the same page. */
	{
		unsigned long sh = t_mmap(0, P, RW, MAP_SHARED | MAP_ANONYMOUS), dup;

		KUNIT_EXPECT_TRUE(test, fill(sh, 1, 33));
		dup = t_mremap(sh, 0, P, MREMAP_MAYMOVE, 0);
		KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(dup));
		KUNIT_EXPECT_NE(test, dup, sh);
		KUNIT_EXPECT_TRUE(test, check(dup, 1, 33));
		KUNIT_EXPECT_TRUE(test, fill(dup, 1, 34));
		KUNIT_EXPECT_TRUE(test, check(sh, 1, 34));
		KUNIT_EXPECT_EQ(test, t_munmap(sh, P), 0);
		KUNIT_EXPECT_EQ(test, t_munmap(dup, P), 0);
		KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, 0, P, MREMAP_MAYMOVE, 0), -EINVAL);
	}
	/* Errors. */
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, P, P, 0x80, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, P, P, MREMAP_FIXED, a), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P + 1, P, P, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, P, 0, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_mremap(a, P, 2 * P, MREMAP_MAYMOVE, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, 3 * P, 4 * P, MREMAP_MAYMOVE, 0), -EFAULT);
	/* Overlapping MREMAP_FIXED target. */
	KUNIT_EXPECT_EQ(test, t_mremap(a + 4 * P, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED,
				       a + 5 * P), -EINVAL);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void madvise_msync(struct kunit *test)
{
	struct mm_ctx c;
	unsigned long a;

	mm_enter(test, &c);
	a = t_mmap(0, 6 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, MADV_NORMAL), 0);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, MADV_WILLNEED), 0);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, 1000), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_madvise(a + 1, P, MADV_NORMAL), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_madvise(a, -1UL, MADV_NORMAL), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 0, MADV_NORMAL), 0);
	KUNIT_EXPECT_EQ(test, t_madvise(a - P, 2 * P, MADV_NORMAL), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, MADV_REMOVE), -EINVAL);
	/* DONTFORK splits; DOFORK merges back. */
	KUNIT_EXPECT_EQ(test, t_madvise(a + 2 * P, P, MADV_DONTFORK), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 3);
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, a + 2 * P)->vm_flags & VM_DONTCOPY);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, MADV_DOFORK), 0);
	KUNIT_EXPECT_EQ(test, c.mm->map_count, 1);
	KUNIT_EXPECT_EQ(test, t_madvise(a, 6 * P, MADV_WIPEONFORK), 0);
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, a)->vm_flags & VM_WIPEONFORK);
	mm_check(test, c.mm);

	KUNIT_EXPECT_EQ(test, t_msync(a, 6 * P, MS_SYNC), 0);
	KUNIT_EXPECT_EQ(test, t_msync(a, 6 * P, MS_ASYNC | MS_INVALIDATE), 0);
	KUNIT_EXPECT_EQ(test, t_msync(a, 6 * P, MS_ASYNC | MS_SYNC), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_msync(a, 6 * P, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_msync(a + 1, P, MS_SYNC), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_msync(a, 7 * P, MS_SYNC), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_msync(a - P, 2 * P, MS_ASYNC), -ENOMEM);
	KUNIT_EXPECT_EQ(test, t_msync(a, 0, MS_SYNC), 0);
	KUNIT_EXPECT_EQ(test, t_msync(a, -P, MS_SYNC), -ENOMEM);
	mm_leave(test, &c);
}

static void stack_guard_gap_case(struct kunit *test)
{
	struct mm_ctx c;
	struct vm_area_struct *stack;
	unsigned long top, s, low;
	u8 byte = 5;

	mm_enter(test, &c);
	/* 1 GiB below mmap_base: top-down mappings land above it. */
	top = (c.mm->mmap_base - SZ_1G) & PAGE_MASK;
	s = t_mmap(top - 4 * P, 4 * P, RW, ANON | MAP_FIXED | MAP_GROWSDOWN);
	KUNIT_ASSERT_EQ(test, s, top - 4 * P);
	stack = vma_at(c.mm, s);
	KUNIT_ASSERT_TRUE(test, stack != NULL);
	KUNIT_EXPECT_TRUE(test, stack->vm_flags & VM_GROWSDOWN);
	KUNIT_EXPECT_EQ(test, c.mm->stack_vm, 4UL);
	/* A mapping below, leaving 300 pages of room. */
	low = t_mmap(s - 301 * P, P, RW, ANON | MAP_FIXED);
	KUNIT_EXPECT_EQ(test, low, s - 301 * P);
	/* The stack may grow down until stack_guard_gap from it. */
	mmap_read_lock(c.mm);
	KUNIT_EXPECT_EQ(test, expand_stack(stack, s - 10 * P + 8), 0);
	KUNIT_EXPECT_EQ(test, stack->vm_start, s - 10 * P);
	KUNIT_EXPECT_EQ(test, expand_stack(stack, low + P + stack_guard_gap + 8), 0);
	KUNIT_EXPECT_EQ(test, stack->vm_start, low + P + stack_guard_gap);
	KUNIT_EXPECT_EQ(test, expand_stack(stack, low + stack_guard_gap), -ENOMEM);
	KUNIT_EXPECT_EQ(test, stack->vm_start, low + P + stack_guard_gap);
	mmap_read_unlock(c.mm);
	KUNIT_EXPECT_EQ(test, c.mm->stack_vm, (top - (low + P + stack_guard_gap)) >> PAGE_SHIFT);
	mm_check(test, c.mm);
	/* get_unmapped_area keeps the guard gap free too. */
	KUNIT_EXPECT_EQ(test, t_munmap(low, P), 0);
	KUNIT_EXPECT_NE(test, t_mmap(stack->vm_start - P, P, RW, ANON), (long)(stack->vm_start - P));
	/* A fault below the stack grows it (the fault path calls expand_stack). */
	s = stack->vm_start;
	KUNIT_EXPECT_EQ(test, put_user(byte, (u8 __user *)(s - 3 * P)), 0);
	KUNIT_EXPECT_EQ(test, stack->vm_start, s - 3 * P);
	mm_check(test, c.mm);
	mm_leave(test, &c);
}

static void fork_dup_mmap(struct kunit *test)
{
	struct mm_ctx c;
	struct mm_struct *child;
	struct vm_area_struct *v1, *v2;
	unsigned long a, sh, free_before = shrunk_free_pages();
	unsigned long vmas_before = nr_vm_area_structs(), files_before = get_nr_files();
	u8 byte;

	mm_enter(test, &c);
	a = t_mmap(0, 6 * P, RW, ANON);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	KUNIT_EXPECT_TRUE(test, fill(a, 6, 60));
	KUNIT_EXPECT_EQ(test, t_madvise(a + 4 * P, P, MADV_DONTFORK), 0);
	KUNIT_EXPECT_EQ(test, t_madvise(a + 5 * P, P, MADV_WIPEONFORK), 0);
	KUNIT_EXPECT_EQ(test, t_mprotect(a + P, P, PROT_READ), 0);
	/* Shared anonymous memory: one page touched before the fork, one after. */
	sh = t_mmap(0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(sh));
	KUNIT_EXPECT_TRUE(test, vma_at(c.mm, sh)->vm_file != NULL);
	KUNIT_EXPECT_EQ(test, vma_at(c.mm, sh)->vm_pgoff, 0UL);
	KUNIT_EXPECT_TRUE(test, fill(sh, 1, 80));
	child = mm_alloc();
	KUNIT_ASSERT_TRUE(test, child != NULL);
	child->mmap_base = c.mm->mmap_base;
	KUNIT_EXPECT_EQ(test, dup_mmap(child, c.mm), 0);
	KUNIT_EXPECT_EQ(test, child->map_count, c.mm->map_count - 1);
	KUNIT_EXPECT_EQ(test, child->total_vm, c.mm->total_vm - 1);
	for (v1 = c.mm->mmap, v2 = child->mmap; v1 && v2; v1 = v1->vm_next, v2 = v2->vm_next) {
		if (v1->vm_flags & VM_DONTCOPY)
			v1 = v1->vm_next;
		KUNIT_EXPECT_EQ(test, v1->vm_start, v2->vm_start);
		KUNIT_EXPECT_EQ(test, v1->vm_end, v2->vm_end);
		KUNIT_EXPECT_EQ(test, v1->vm_flags, v2->vm_flags);
		KUNIT_EXPECT_TRUE(test, v2->vm_mm == child);
	}
	mm_check(test, child);
	/* The parent writes after the fork: COW keeps the child's copy. */
	KUNIT_EXPECT_TRUE(test, fill(a, 1, 99));
	/* The shared page touched before the fork is written by the parent now. */
	KUNIT_EXPECT_TRUE(test, fill(sh, 1, 81));
	kthread_unuse_mm(c.mm);
	kthread_use_mm(child);
	KUNIT_EXPECT_TRUE(test, check(sh, 1, 81));
	/* The child is first to touch the second shared page: the parent sees it. */
	KUNIT_EXPECT_TRUE(test, fill(sh + P, 1, 90));
	KUNIT_EXPECT_TRUE(test, check(a, 4, 60));
	KUNIT_EXPECT_NE(test, get_user(byte, (u8 __user *)(a + 4 * P + 128)), 0);	/* DONTFORK */
	KUNIT_EXPECT_EQ(test, get_user(byte, (u8 __user *)(a + 5 * P + 128)), 0);	/* wiped */
	KUNIT_EXPECT_EQ(test, byte, 0);
	kthread_unuse_mm(child);
	kthread_use_mm(c.mm);
	KUNIT_EXPECT_TRUE(test, check(a, 1, 99));
	KUNIT_EXPECT_TRUE(test, check(a + 5 * P, 1, 65));
	KUNIT_EXPECT_TRUE(test, check(sh + P, 1, 90));
	exit_mmap(child);
	KUNIT_EXPECT_EQ(test, mm_rss(child), 0UL);
	mmdrop(child);
	mm_leave(test, &c);
	KUNIT_EXPECT_EQ(test, nr_vm_area_structs(), vmas_before);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before);	/* the shmem file went */
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free_before);
}

static void layout_aslr(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long b1, b2, gap_max = (DEFAULT_MAP_WINDOW / 6) * 5;
	unsigned long s1, s2;

	KUNIT_ASSERT_TRUE(test, mm != NULL);
	arch_pick_mmap_layout(mm);
	b1 = mm->mmap_base;
	arch_pick_mmap_layout(mm);
	b2 = mm->mmap_base;
	/* Below the stack by at least 128 MiB, at most 5/6 of the space. */
	KUNIT_EXPECT_LE(test, b1, DEFAULT_MAP_WINDOW - 128 * SZ_1M);
	KUNIT_EXPECT_GE(test, b1, DEFAULT_MAP_WINDOW - gap_max - (1UL << (28 + PAGE_SHIFT)));
	KUNIT_EXPECT_EQ(test, offset_in_page(b1), 0UL);
	s1 = randomize_stack_top(STACK_TOP);
	s2 = randomize_stack_top(STACK_TOP);
	KUNIT_EXPECT_LE(test, s1, PAGE_ALIGN(STACK_TOP));
	KUNIT_EXPECT_GE(test, s1, PAGE_ALIGN(STACK_TOP) - (0x3fffffUL << PAGE_SHIFT));
	mm->brk = 0x400000;
	KUNIT_EXPECT_GE(test, arch_randomize_brk(mm), 0x400000UL);
	KUNIT_EXPECT_LT(test, arch_randomize_brk(mm), 0x400000UL + 0x02000000);
	/* "norandmaps" on the command line turns it all off (the GDB labs). */
	if (strstr(boot_command_line, "norandmaps"))
		KUNIT_EXPECT_EQ(test, randomize_va_space, 0);
	else
		KUNIT_EXPECT_EQ(test, randomize_va_space, 2);
	if (randomize_va_space) {
		/* Two draws of 28 (and 22) random bits agree with tiny probability. */
		KUNIT_EXPECT_TRUE(test, b1 != b2 || s1 != s2);
	} else {
		KUNIT_EXPECT_EQ(test, b1, b2);
		KUNIT_EXPECT_EQ(test, s1, PAGE_ALIGN(STACK_TOP));
	}
	mmdrop(mm);
}

static struct kunit_case mmap_cases[] = {
	KUNIT_CASE(mmap_anon_basic),
	KUNIT_CASE(mmap_bad_args),
	KUNIT_CASE(mmap_fixed),
	KUNIT_CASE(munmap_split),
	KUNIT_CASE(mprotect_split_merge),
	KUNIT_CASE(get_unmapped_area_topdown),
	KUNIT_CASE(mmap_high_hint),
	KUNIT_CASE(brk_grow_shrink),
	KUNIT_CASE(madvise_msync),
	KUNIT_CASE(layout_aslr),
	KUNIT_CASE(mmap_data),
	KUNIT_CASE(mremap_cases),
	KUNIT_CASE(stack_guard_gap_case),
	KUNIT_CASE(fork_dup_mmap),
	{}
};

static struct kunit_suite mmap_suite = {
	.name = "mmap",
	.test_cases = mmap_cases,
};
kunit_test_suite(mmap_suite);
