// SPDX-License-Identifier: GPL-2.0
/*
 * The VMA tree and list of an mm, and splitting and merging VMAs (Linux
 * <= 6.0: the first half of mm/mmap.c; Linux 6.10 gathered the same
 * job, on the maple tree, into mm/vma.c).
 *
 * Each mm's VMAs are kept twice, as in Linux up to 6.0: in a red-black
 * tree keyed by address (mm->mm_rb, for find_vma()) and on a list ordered
 * by address (mm->mmap, vm_next/vm_prev, for walks). The tree is
 * augmented: every node caches rb_subtree_gap, the largest free gap below
 * any VMA of its subtree, so that unmapped_area_topdown() finds the
 * highest free range of a given length in O(log n), skipping subtrees
 * whose gaps are all too small. Linux 6.1 replaced tree, list and gaps
 * with the maple tree (mm->mm_mt).
 *
 * Here: the vm_area_struct cache, find_vma*, linking and unlinking with
 * the gap bookkeeping, a file VMA's place in its file's i_mmap
 * (vma_link_file, unlink_file_vma; the tree is mm/interval_tree.c), vma_adjust, __split_vma, vma_merge (with
 * can_vma_merge_before/after), vma_modify_flags (mprotect's and
 * madvise's split-then-merge) and unmapped_area_topdown. mm/mmap.c builds
 * mmap, munmap, brk, the stack, fork and exit on them.
 *
 * Left out: anon_vma (the merge rules look at flags, file and pgoff
 * only), the vmacache, and Linux's in-place vma_merge cases 4-8 (a range
 * inside one VMA is split first, then merged: the same VMAs result).
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rbtree_augmented.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static struct kmem_cache *vm_area_cachep;
static atomic_long_t nr_vm_areas;

/*
 * The vm_area_struct cache (Linux: in proc_caches_init), from
 * start_kernel(); and the overcommit reserves, which scale with the free
 * memory (Linux: mmap_init and the init_*_reserve initcalls of mm/mmap.c).
 */
void mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct),
					   0, SLAB_PANIC, NULL);
	init_overcommit_reserves();
}

unsigned long nr_vm_area_structs(void)
{
	return atomic_long_read(&nr_vm_areas);
}

struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);

	if (!vma)
		return NULL;
	atomic_long_inc(&nr_vm_areas);
	vma->vm_mm = mm;
	RB_CLEAR_NODE(&vma->vm_rb);
	RB_CLEAR_NODE(&vma->shared.rb);
	return vma;
}

/* A copy of orig, linked nowhere (the caller takes the file reference). */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL);

	if (!vma)
		return NULL;
	atomic_long_inc(&nr_vm_areas);
	*vma = *orig;
	vma->vm_next = vma->vm_prev = NULL;
	vma->rb_subtree_gap = 0;
	RB_CLEAR_NODE(&vma->vm_rb);
	RB_CLEAR_NODE(&vma->shared.rb);	/* not in the file's i_mmap until linked */
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	atomic_long_dec(&nr_vm_areas);
	kmem_cache_free(vm_area_cachep, vma);
}


/* ---- the file's i_mmap ------------------------------------------------ */

/*
 * A file VMA joins its file's i_mmap when it joins the mm (Linux:
 * __vma_link_file, from vma_link): truncation finds it there. A
 * VM_SHARED one also counts in i_mmap_writable (mapping_allow_writable;
 * mmap_region took a mapping_map_writable() count first and drops it
 * once this one holds the mapping writable).
 */
void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file || !RB_EMPTY_NODE(&vma->shared.rb))
		return;
	mapping = vma->vm_file->f_mapping;
	i_mmap_lock_write(mapping);
	if (vma->vm_flags & VM_SHARED)
		mapping_allow_writable(mapping);
	vma_interval_tree_insert(vma, &mapping->i_mmap);
	i_mmap_unlock_write(mapping);
}

/*
 * And leaves it (Linux: unlink_file_vma / __remove_shared_vm_struct):
 * free_pgtables() does it before the page tables go, so a truncation
 * walking i_mmap never reaches tables being freed; remove_vma() for the
 * VMAs that never got that far. A VMA not in the tree is left alone.
 */
void unlink_file_vma(struct vm_area_struct *vma)
{
	struct address_space *mapping;

	if (!vma->vm_file || RB_EMPTY_NODE(&vma->shared.rb))
		return;
	mapping = vma->vm_file->f_mapping;
	i_mmap_lock_write(mapping);
	if (!RB_EMPTY_NODE(&vma->shared.rb)) {
		if (vma->vm_flags & VM_SHARED)
			mapping_unmap_writable(mapping);
		vma_interval_tree_remove(vma, &mapping->i_mmap);
	}
	i_mmap_unlock_write(mapping);
}

/* ---- the tree, its gaps and the list --------------------------------- */

unsigned long vm_start_gap(struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start;

	if (vma->vm_flags & VM_GROWSDOWN) {
		start -= stack_guard_gap;
		if (start > vma->vm_start)
			start = 0;
	}
	return start;
}

/* The free gap just below vma (Linux: vma_compute_gap). */
static unsigned long vma_compute_gap(struct vm_area_struct *vma)
{
	unsigned long gap = vm_start_gap(vma), prev_end;

	if (vma->vm_prev) {
		prev_end = vm_end_gap(vma->vm_prev);
		gap = gap > prev_end ? gap - prev_end : 0;
	}
	return gap;
}

RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks, struct vm_area_struct, vm_rb,
			 unsigned long, rb_subtree_gap, vma_compute_gap);

/* vma's own gap changed (its start, or its predecessor's end): fix the path up. */
void vma_gap_update(struct vm_area_struct *vma)
{
	vma_gap_callbacks_propagate(&vma->vm_rb, NULL);
}

static void vma_rb_insert(struct vm_area_struct *vma, struct rb_root *root)
{
	rb_insert_augmented(&vma->vm_rb, root, &vma_gap_callbacks);
}

void vma_rb_erase(struct vm_area_struct *vma, struct rb_root *root)
{
	rb_erase_augmented(&vma->vm_rb, root, &vma_gap_callbacks);
	RB_CLEAR_NODE(&vma->vm_rb);
}

/* Whatever follows vma (or the top, if nothing does) must see its new end. */
static void vma_end_changed(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	else
		mm->highest_vm_end = vm_end_gap(vma);
}

/* The first VMA with vm_end > addr, or NULL (Linux: find_vma). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *vma = NULL;

	while (node) {
		struct vm_area_struct *tmp = rb_entry(node, struct vm_area_struct, vm_rb);

		if (tmp->vm_end > addr) {
			vma = tmp;
			if (tmp->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return vma;
}

/* find_vma, and the VMA before that place (the last VMA if find_vma is NULL). */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (vma) {
		*pprev = vma->vm_prev;
	} else {
		struct rb_node *rb = rb_last(&mm->mm_rb);

		*pprev = rb ? rb_entry(rb, struct vm_area_struct, vm_rb) : NULL;
	}
	return vma;
}

/* The first VMA that overlaps [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

/*
 * Where a VMA for [addr, end) would be linked: its tree parent and link,
 * and the VMA before it. -ENOMEM if something overlaps (Linux:
 * find_vma_links).
 */
int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
			  struct vm_area_struct **pprev, struct rb_node ***rb_link,
			  struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL, *rb_prev = NULL;

	while (*link) {
		struct vm_area_struct *tmp;

		parent = *link;
		tmp = rb_entry(parent, struct vm_area_struct, vm_rb);
		if (tmp->vm_end > addr) {
			if (tmp->vm_start < end)
				return -ENOMEM;
			link = &parent->rb_left;
		} else {
			rb_prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = rb_prev ? rb_entry(rb_prev, struct vm_area_struct, vm_rb) : NULL;
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *prev, struct rb_node **rb_link,
		       struct rb_node *rb_parent)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	/* The list first: the gaps are computed from vm_prev. */
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;

	/*
	 * The gap after the new VMA shrank: fix it while the tree is still
	 * without the new node. Done after the insert, a rotation could copy
	 * next's stale gap into the new node's cached maximum, and the
	 * propagation from next would stop at next, which a rotation had
	 * already recomputed (Linux's __vma_link_rb keeps this order too).
	 */
	vma_end_changed(mm, vma);
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	vma->rb_subtree_gap = 0;
	vma_gap_update(vma);
	vma_rb_insert(vma, &mm->mm_rb);
	mm->map_count++;
}

int vma_link_new(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **rb_link, *rb_parent;

	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &rb_link, &rb_parent))
		return -ENOMEM;
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	vma_link_file(vma);
	return 0;
}

/*
 * Link a VMA someone else built (exec's stack, tests); Linux:
 * insert_vm_struct, which charges a VM_ACCOUNT one to Committed_AS.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma_is_anonymous(vma) && !vma->vm_file)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	if ((vma->vm_flags & VM_ACCOUNT) && security_vm_enough_memory_mm(mm, vma_pages(vma)))
		return -ENOMEM;
	if (vma_link_new(mm, vma)) {
		if (vma->vm_flags & VM_ACCOUNT)
			vm_unacct_memory(vma_pages(vma));
		return -ENOMEM;
	}
	return 0;
}

/* Take vma off the tree and the list (it stays allocated). */
static void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	vma_rb_erase(vma, &mm->mm_rb);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? vm_end_gap(prev) : 0;
	}
	vma->vm_next = vma->vm_prev = NULL;
	mm->map_count--;
}

/*
 * Moving a VMA's edges in place keeps the tree order: only the gaps
 * change. A file VMA's place in i_mmap depends on its file pages, so it
 * comes out of the interval tree and goes back in around the change,
 * under i_mmap_rwsem (Linux: __vma_adjust).
 */
void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		pgoff_t pgoff)
{
	struct mm_struct *mm = vma->vm_mm;
	bool end_changed = end != vma->vm_end;
	struct address_space *mapping = NULL;

	if (vma->vm_file && !RB_EMPTY_NODE(&vma->shared.rb)) {
		mapping = vma->vm_file->f_mapping;
		i_mmap_lock_write(mapping);
		vma_interval_tree_remove(vma, &mapping->i_mmap);
	}
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (mapping) {
		vma_interval_tree_insert(vma, &mapping->i_mmap);
		i_mmap_unlock_write(mapping);
	}
	vma_gap_update(vma);
	if (end_changed)
		vma_end_changed(mm, vma);
}

/* Drop a VMA that is linked nowhere any more (Linux: remove_vma). */
struct vm_area_struct *remove_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma->vm_next;

	unlink_file_vma(vma);
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	vm_area_free(vma);
	return next;
}

/* ---- split and merge -------------------------------------------------- */

int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below)
{
	struct vm_area_struct *new;
	pgoff_t off = (addr - vma->vm_start) >> PAGE_SHIFT;

	if (addr <= vma->vm_start || addr >= vma->vm_end || offset_in_page(addr))
		return -EINVAL;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (new_below) {
		new->vm_end = addr;
	} else {
		new->vm_start = addr;
		new->vm_pgoff += off;
	}
	if (new->vm_file)
		get_file(new->vm_file);
	if (new->vm_ops && new->vm_ops->open)
		new->vm_ops->open(new);

	/*
	 * new covers its part of the file in i_mmap before vma stops
	 * covering it, so a truncation never misses those PTEs (Linux holds
	 * i_mmap_rwsem across the whole of __vma_adjust instead).
	 */
	vma_link_file(new);
	/* Shrink vma first, so that new's range is free when it is linked. */
	if (new_below)
		vma_adjust(vma, addr, vma->vm_end, vma->vm_pgoff + off);
	else
		vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff);
	if (WARN_ON(vma_link_new(mm, new))) {
		remove_vma(new);
		return -ENOMEM;
	}
	return 0;
}

int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		     int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

/* Only what no merge may change: same flags, same file and its pages contiguous. */
static bool is_mergeable_vma(struct vm_area_struct *vma, struct file *file,
			     vm_flags_t vm_flags)
{
	if (vma->vm_flags != vm_flags)
		return false;
	if (vma->vm_file != file)
		return false;
	if (vma->vm_ops && vma->vm_ops->close)
		return false;
	return true;
}

/* May [.., vma->vm_start) with pgoff vm_pgoff (of length in pages) go before vma? */
static bool can_vma_merge_before(struct vm_area_struct *vma, vm_flags_t vm_flags,
				 struct file *file, pgoff_t vm_pgoff, unsigned long pglen)
{
	return is_mergeable_vma(vma, file, vm_flags) && vma->vm_pgoff == vm_pgoff + pglen;
}

/* May [vma->vm_end, ..) with pgoff vm_pgoff follow vma? */
static bool can_vma_merge_after(struct vm_area_struct *vma, vm_flags_t vm_flags,
				struct file *file, pgoff_t vm_pgoff)
{
	return is_mergeable_vma(vma, file, vm_flags) && vma->vm_pgoff + vma_pages(vma) == vm_pgoff;
}

struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, vm_flags_t vm_flags,
				 struct file *file, pgoff_t pgoff)
{
	struct vm_area_struct *area, *next;
	pgoff_t pglen = (end - addr) >> PAGE_SHIFT;
	bool merge_prev, merge_next;

	/* area: the VMA that is the range itself (mprotect), if any. */
	next = prev ? prev->vm_next : mm->mmap;
	area = NULL;
	if (next && next->vm_start == addr && next->vm_end == end) {
		area = next;
		next = next->vm_next;
	} else if (next && next->vm_start < end) {
		return NULL;	/* the range must be free or one whole VMA */
	}

	merge_prev = prev && prev->vm_end == addr &&
		     can_vma_merge_after(prev, vm_flags, file, pgoff);
	merge_next = next && next->vm_start == end &&
		     can_vma_merge_before(next, vm_flags, file, pgoff, pglen);
	if (!merge_prev && !merge_next)
		return NULL;

	/*
	 * The survivor grows over the range first and only then do area (and
	 * next) go, so that a file's i_mmap covers the range throughout: a
	 * truncation meanwhile zaps the PTEs through one VMA or the other.
	 */
	if (merge_prev && merge_next) {		/* prev and next become one */
		vma_adjust(prev, prev->vm_start, next->vm_end, prev->vm_pgoff);
		if (area) {
			__vma_unlink(mm, area);
			remove_vma(area);
		}
		__vma_unlink(mm, next);
		remove_vma(next);
		return prev;
	}
	if (merge_prev) {
		vma_adjust(prev, prev->vm_start, end, prev->vm_pgoff);
		next = prev;
	} else {
		vma_adjust(next, addr, next->vm_end, pgoff);
	}
	if (area) {
		__vma_unlink(mm, area);
		remove_vma(area);
	}
	return next;
}

/*
 * Give [start, end), which lies inside vma, the flags newflags: merge it
 * into a neighbour if they then agree, else split it off (Linux: the
 * vma_merge / split_vma sequence of mprotect_fixup and madvise_behavior).
 * Returns the VMA that covers [start, end) afterwards, or an ERR_PTR;
 * its vm_flags are newflags, its vm_page_prot is the caller's to update.
 */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					vm_flags_t newflags)
{
	pgoff_t pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *merged;
	int error;

	if (newflags == vma->vm_flags)
		return vma;
	if (start != vma->vm_start) {
		error = split_vma(mm, vma, start, 1);
		if (error)
			return ERR_PTR(error);
	}
	if (end != vma->vm_end) {
		error = split_vma(mm, vma, end, 0);
		if (error)
			return ERR_PTR(error);
	}
	/* vma is now exactly [start, end): may it join a neighbour? */
	merged = vma_merge(mm, vma->vm_prev, start, end, newflags, vma->vm_file, pgoff);
	if (merged)
		return merged;
	vma->vm_flags = newflags;
	return vma;
}

/* ---- get_unmapped_area ------------------------------------------------ */

/*
 * The highest free range of info->length (aligned) between low_limit and
 * high_limit, or -ENOMEM (Linux <= 6.0: unmapped_area_topdown). Go right
 * (higher addresses) while the right subtree has a big enough gap, look
 * at this node's own gap, then left; climbing back up resumes at a parent
 * whose right subtree we came from.
 */
unsigned long unmapped_area_topdown(struct vm_unmapped_area_info *info)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long length, low_limit, high_limit, gap_start, gap_end;

	length = info->length + info->align_mask;
	if (length < info->length)
		return -ENOMEM;
	gap_end = info->high_limit;
	if (gap_end < length)
		return -ENOMEM;
	high_limit = gap_end - length;	/* highest gap_start that could fit */
	if (info->low_limit > high_limit)
		return -ENOMEM;
	low_limit = info->low_limit + length;

	/* Above the highest VMA? */
	gap_start = mm->highest_vm_end;
	if (gap_start <= high_limit)
		goto found_highest;

	if (RB_EMPTY_ROOT(&mm->mm_rb))
		return -ENOMEM;
	vma = rb_entry(mm->mm_rb.rb_node, struct vm_area_struct, vm_rb);
	if (vma->rb_subtree_gap < length)
		return -ENOMEM;

	for (;;) {
		gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
		if (gap_start <= high_limit && vma->vm_rb.rb_right) {
			struct vm_area_struct *right =
				rb_entry(vma->vm_rb.rb_right, struct vm_area_struct, vm_rb);

			if (right->rb_subtree_gap >= length) {
				vma = right;
				continue;
			}
		}
check_current:
		gap_end = vm_start_gap(vma);
		if (gap_end < low_limit)
			return -ENOMEM;
		if (gap_start <= high_limit && gap_end > gap_start && gap_end - gap_start >= length)
			goto found;

		if (vma->vm_rb.rb_left) {
			struct vm_area_struct *left =
				rb_entry(vma->vm_rb.rb_left, struct vm_area_struct, vm_rb);

			if (left->rb_subtree_gap >= length) {
				vma = left;
				continue;
			}
		}
		/* Up until we come from a right child: that parent is next lower. */
		for (;;) {
			struct rb_node *prev = &vma->vm_rb;

			if (!rb_parent(prev))
				return -ENOMEM;
			vma = rb_entry(rb_parent(prev), struct vm_area_struct, vm_rb);
			if (prev == vma->vm_rb.rb_right) {
				gap_start = vma->vm_prev ? vm_end_gap(vma->vm_prev) : 0;
				goto check_current;
			}
		}
	}
found:
	if (gap_end > info->high_limit)
		gap_end = info->high_limit;
found_highest:
	gap_end -= info->length;
	gap_end -= (gap_end - info->align_offset) & info->align_mask;
	return gap_end;
}
