/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame (Linux: include/linux/mm_types.h).
 *
 * It must stay small (a 64-byte struct page is 1.6% of RAM), so its
 * fields are reused by whoever owns the page: the buddy allocator (free
 * list link, order in private), the page cache (mapping, index), the slab
 * allocator (struct slab overlays it, mm/slab.h).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/rbtree_types.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/pgtable_types.h>

struct page {
	unsigned long flags;		/* PG_* bits, zone number (page-flags.h) */
	union {
		struct {
			union {
				struct list_head lru;
				struct list_head buddy_list;	/* free, in free_area */
				struct list_head pcp_list;	/* free, on a pcp list */
				/* Tail page of a compound page: head + 1 (bit 0 set). */
				unsigned long compound_head;
			};
			void *mapping;		/* address_space or anon_vma, later */
			unsigned long index;	/* offset within mapping */
			unsigned long private;	/* free in buddy: the block's order */
		};
		/* struct slab (mm/slab.h) overlays this union. */
	};
	int _mapcount;			/* page-table entries mapping it, -1 = none */
	int _refcount;			/* users; 0 = free */
};

/*
 * A folio: a page that is not a tail page, the unit the page cache and
 * (later) the rmap work in (Linux 5.16+: include/linux/mm_types.h). Its
 * fields overlay struct page's, so page_folio() and &folio->page are casts.
 * Every folio here is one page (no large folios): folio_nr_pages() is 1.
 */
struct address_space;

struct folio {
	union {
		struct {
			unsigned long flags;
			union {
				struct list_head lru;
				unsigned long __compound_head;	/* never set: a folio is a head */
			};
			struct address_space *mapping;	/* its file's page cache, or NULL */
			unsigned long index;		/* page offset in that file */
			void *private;
			int _mapcount;
			int _refcount;
		};
		struct page page;
	};
};

#define FOLIO_MATCH(pg, fl) \
	_Static_assert(__builtin_offsetof(struct page, pg) == __builtin_offsetof(struct folio, fl), \
		       "struct folio overlays struct page: " #pg)
FOLIO_MATCH(flags, flags);
FOLIO_MATCH(lru, lru);
FOLIO_MATCH(mapping, mapping);
FOLIO_MATCH(index, index);
FOLIO_MATCH(private, private);
FOLIO_MATCH(_mapcount, _mapcount);
FOLIO_MATCH(_refcount, _refcount);
#undef FOLIO_MATCH
_Static_assert(sizeof(struct folio) == sizeof(struct page), "one folio is one struct page");


/*
 * Address spaces (Linux: struct mm_struct and struct vm_area_struct in
 * include/linux/mm_types.h, Linux <= 6.0's design: the VMAs sit in a
 * red-black tree keyed by address, for find_vma(), and on an ordered
 * list, for walks; Linux 6.1 replaced both with the maple tree).
 */
struct file;
struct mm_struct;
struct vm_operations_struct;

/* A VMA's vm_flags (VM_* in linux/mm.h). */
typedef unsigned long vm_flags_t;

struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	struct vm_area_struct *vm_next, *vm_prev;	/* the ordered list, by address */
	struct rb_node vm_rb;		/* in mm->mm_rb */
	/*
	 * The largest free gap below any VMA of this one's subtree (this one
	 * included: the gap between vm_prev and vm_start): the augmented
	 * rbtree that lets get_unmapped_area() skip whole subtrees (Linux
	 * <= 6.0: rb_subtree_gap).
	 */
	unsigned long rb_subtree_gap;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;		/* PTE bits for pages of this VMA (vm_get_page_prot) */
	vm_flags_t vm_flags;
	unsigned long vm_pgoff;		/* offset in vm_file, in pages (or vm_start >> PAGE_SHIFT for anon) */
	struct file *vm_file;		/* mapped file, or NULL (a counted reference) */
	/* In vm_file->f_mapping->i_mmap, the file's interval tree of VMAs (Linux: vma->shared). */
	struct {
		struct rb_node rb;
		unsigned long rb_subtree_last;
	} shared;
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data;
};

/* RSS counters by type (Linux: enum in mm_types_task.h). */
enum {
	MM_FILEPAGES,	/* resident file-backed pages */
	MM_ANONPAGES,	/* resident anonymous pages */
	MM_SWAPENTS,	/* anonymous swap entries (always 0: no swap) */
	MM_SHMEMPAGES,	/* resident shmem pages */
	NR_MM_COUNTERS
};

struct mm_struct {
	struct vm_area_struct *mmap;	/* first VMA of the ordered list */
	struct rb_root mm_rb;		/* VMAs by address (augmented by rb_subtree_gap) */
	unsigned long mmap_base;	/* top of the top-down mmap area (ASLR'd) */
	unsigned long task_size;	/* end of user space: TASK_SIZE */
	unsigned long highest_vm_end;	/* vm_end of the last VMA */
	pgd_t *pgd;			/* top-level page table; kernel half shared with init_top_pgt */
	atomic_t mm_users;		/* tasks (and get_task_mm users) using the address space */
	atomic_t mm_count;		/* references to the struct; mm_users holds one */
	atomic_long_t pgtables_bytes;	/* page-table pages, in bytes (VmPTE) */
	int map_count;			/* number of VMAs */
	spinlock_t page_table_lock;	/* guards page-table page allocation (pmd/pte populate) */
	struct rw_semaphore mmap_lock;	/* VMA tree and list; mmap_read_lock() for faults */
	struct list_head mmlist;	/* on the list of all mms (for the OOM killer, later) */
	unsigned long total_vm;		/* pages mapped (VmSize) */
	unsigned long locked_vm;
	unsigned long data_vm;		/* VM_WRITE & ~VM_SHARED & ~VM_STACK */
	unsigned long exec_vm;		/* VM_EXEC & ~VM_WRITE & ~VM_STACK */
	unsigned long stack_vm;		/* VM_STACK */
	unsigned long hiwater_rss, hiwater_vm;
	unsigned long def_flags;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long saved_auxv[2 * 24];	/* the auxv exec laid out (/proc/PID/auxv) */
	atomic_long_t rss_stat[NR_MM_COUNTERS];
	struct cpumask cpu_vm_mask;	/* CPUs that may hold TLB entries of this mm (mm_cpumask) */
	struct file *exe_file;		/* the executable (/proc/PID/exe) */
	unsigned long flags;		/* MMF_* */
};

static inline struct cpumask *mm_cpumask(struct mm_struct *mm)
{
	return &mm->cpu_vm_mask;
}

extern struct mm_struct init_mm;	/* the kernel's: pgd = init_top_pgt, no VMAs */

#endif /* _LINUX_MM_TYPES_H */
