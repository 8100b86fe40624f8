/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mm/mmap.c shares with mm/mprotect.c, mm/mremap.c, mm/madvise.c,
 * mm/msync.c and mm/util.c (Linux: mm/internal.h and the static helpers
 * of mm/mmap.c that mprotect and mremap reach through include/linux/mm.h).
 * All of them want mmap_write_lock held.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

#ifndef offset_in_page
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#endif

/* Highest number of VMAs an mm may have (Linux: sysctl_max_map_count). */
#define DEFAULT_MAX_MAP_COUNT 65530
extern int sysctl_max_map_count;

/* mm/util.c: the overcommit user/admin reserves from the free memory (mmap_init). */
void init_overcommit_reserves(void);

/* Linux's FIRST_USER_ADDRESS and USER_PGTABLES_CEILING: 0 means "the top". */
#define FIRST_USER_ADDRESS 0UL
#define USER_PGTABLES_CEILING 0UL

/* The gap's edges, counting a stack's guard gap (Linux: vm_start_gap/vm_end_gap). */
unsigned long vm_start_gap(struct vm_area_struct *vma);
static inline unsigned long vm_end_gap(struct vm_area_struct *vma)
{
	return vma->vm_end;
}

/* mm/vma.c: the tree's and the list's own operations, for mm/mmap.c */
/* vma's own gap changed (its start, or its predecessor's end): fix the path up. */
void vma_gap_update(struct vm_area_struct *vma);
void vma_rb_erase(struct vm_area_struct *vma, struct rb_root *root);
/* Where [addr, end) would link into the tree; -ENOMEM if something overlaps. */
int find_vma_links(struct mm_struct *mm, unsigned long addr, unsigned long end,
		   struct vm_area_struct **pprev, struct rb_node ***rb_link,
		   struct rb_node **rb_parent);
void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *prev,
		struct rb_node **rb_link, struct rb_node *rb_parent);
/* Drop a VMA linked nowhere any more (->close, fput, free); returns its vm_next. */
struct vm_area_struct *remove_vma(struct vm_area_struct *vma);

/* Split vma at addr: the new VMA takes the part below addr if new_below (Linux: __split_vma). */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		int new_below);
/* __split_vma, refused at sysctl_max_map_count (Linux: split_vma). */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
	      int new_below);
/*
 * Merge [addr, end) with flags/file/pgoff into prev and/or the VMA after
 * it (Linux: vma_merge). The range is either free, or exactly one VMA
 * (mprotect, after splitting), which the merge then swallows. Returns
 * the VMA that now covers the range, or NULL if nothing merged.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end, vm_flags_t vm_flags,
				 struct file *file, pgoff_t pgoff);
/* Give [start, end) of vma new flags, splitting and merging; the VMA covering it or ERR_PTR. */
struct vm_area_struct *vma_modify_flags(struct mm_struct *mm, struct vm_area_struct *vma,
					unsigned long start, unsigned long end,
					vm_flags_t newflags);
/* The PTE of addr in mm if its page table exists, else NULL and *next: where to look next. */
pte_t *mm_find_pte(struct mm_struct *mm, unsigned long addr, unsigned long *next);
/* Link a new VMA into the tree and the list (Linux: vma_link); -ENOMEM if it overlaps. */
int vma_link_new(struct mm_struct *mm, struct vm_area_struct *vma);
/* Move vma's end (and start, pgoff) in place, keeping the gaps right (Linux: vma_adjust). */
void vma_adjust(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		pgoff_t pgoff);
/* Recompute the vm_page_prot of vma from its vm_flags (Linux: vma_set_page_prot). */
void vma_set_page_prot(struct vm_area_struct *vma);
/* mremap's new VMA at addr for [addr, addr + len) of *vmap's contents (Linux: copy_vma). */
struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				unsigned long len, pgoff_t pgoff);
/* Can the mm grow by npages of this kind (RLIMIT_AS, RLIMIT_DATA)? (Linux: may_expand_vm) */
bool may_expand_vm(struct mm_struct *mm, vm_flags_t flags, unsigned long npages);
/* A resource limit, or dflt for a task without signal_struct (a kernel thread in a test). */
unsigned long mm_rlimit(unsigned int limit, unsigned long dflt);

/* Fault in [start, start + len) of current->mm (MAP_POPULATE, MAP_LOCKED; Linux: mm_populate). */
void mm_populate(unsigned long start, unsigned long len);

/* mm/util.c */
unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flag, unsigned long pgoff);
unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags);
struct vm_unmapped_area_info {
	unsigned long flags;
	unsigned long length;
	unsigned long low_limit;
	unsigned long high_limit;
	unsigned long align_mask;
	unsigned long align_offset;
};
unsigned long unmapped_area_topdown(struct vm_unmapped_area_info *info);

#endif /* _MM_INTERNAL_H */
