/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page <-> pfn <-> address, reference counts, zones of pages
 * (Linux: include/linux/mm.h, asm-generic/memory_model.h, page_ref.h).
 *
 * The memory model is FLATMEM: one array mem_map[] with an entry for
 * every page frame from ARCH_PFN_OFFSET to max_mapnr, holes included.
 * (x86-64 Linux uses SPARSEMEM_VMEMMAP, which maps struct pages only for
 * present memory; FLATMEM is the simplest model Linux still supports.)
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>

extern struct page *mem_map;
extern unsigned long max_mapnr;
/* First pfn mem_map describes: 0 in the kernel; the host tests' RAM base. */
extern unsigned long arch_pfn_offset;
#define ARCH_PFN_OFFSET arch_pfn_offset

extern unsigned long totalram_pages_count;	/* pages the buddy manages */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - ARCH_PFN_OFFSET);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + ARCH_PFN_OFFSET;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= ARCH_PFN_OFFSET && pfn - ARCH_PFN_OFFSET < max_mapnr;
}

#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define page_address(page) __va(page_to_phys(page))
#define virt_to_page(kaddr) pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_pfn(kaddr) (__pa(kaddr) >> PAGE_SHIFT)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (page->flags >> ZONES_PGSHIFT) & ZONES_MASK;
}

static inline void set_page_zone(struct page *page, enum zone_type zone)
{
	page->flags &= ~(ZONES_MASK << ZONES_PGSHIFT);
	page->flags |= (unsigned long)zone << ZONES_PGSHIFT;
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(0)->node_zones[page_zonenum(page)];
}

static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

static inline void set_page_count(struct page *page, int v)
{
	__atomic_store_n(&page->_refcount, v, __ATOMIC_RELAXED);
}

static inline void set_page_refcounted(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_inc(struct page *page)
{
	__atomic_add_fetch(&page->_refcount, 1, __ATOMIC_RELAXED);
}

/* Drop a reference; true if it was the last one. */
static inline bool put_page_testzero(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL) == 0;
}

static inline void get_page(struct page *page)
{
	page_ref_inc(page);
}

static inline int page_mapcount(const struct page *page)
{
	return page->_mapcount + 1;
}

static inline void page_mapcount_reset(struct page *page)
{
	page->_mapcount = -1;
}

/* Does some PTE map it? (Linux: folio_mapped / page_mapped) */
static inline bool page_mapped(const struct page *page)
{
	return __atomic_load_n(&page->_mapcount, __ATOMIC_RELAXED) >= 0;
}
#define folio_mapped(folio) page_mapped(&(folio)->page)

/*
 * Compound pages (__GFP_COMP): a multi-page allocation whose tail pages
 * point at the head, so any address inside finds the whole (Linux:
 * compound_head(), page-flags.h). The head has PG_head; a tail stores
 * head + 1 in compound_head.
 */
static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

static inline bool PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

/* The order the allocation headed by page was made with (0 for one page). */
static inline unsigned int compound_order(const struct page *page)
{
	unsigned long field = (page->flags >> ALLOC_ORDER_PGSHIFT) & ALLOC_ORDER_MASK;

	return field ? field - 1 : 0;
}

/* Smallest order whose block holds size bytes (Linux: get_order()). */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

static inline unsigned int buddy_order(const struct page *page)
{
	return page->private;
}

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

/*
 * Folios (Linux 5.16+: include/linux/mm.h, page_ref.h). A folio here is
 * always one page (order 0): folio_nr_pages() is 1, folio_size() is
 * PAGE_SIZE. References: whoever holds a pointer to a folio outside a
 * lock holds a reference (folio_get/folio_try_get); the page cache holds
 * one for as long as the folio is in i_pages. The last folio_put() frees
 * it (__folio_put, mm/swap.c), so a folio removed from the cache lives on
 * while someone still uses it.
 */
static inline struct folio *page_folio(const struct page *page)
{
	return (struct folio *)compound_head(page);
}

static inline struct page *folio_page(struct folio *folio, unsigned long n)
{
	return &folio->page + n;
}

static inline void *folio_address(const struct folio *folio)
{
	return page_address(&folio->page);
}

static inline unsigned long folio_pfn(const struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

static inline long folio_nr_pages(const struct folio *folio)
{
	return 1;
}

static inline unsigned int folio_order(const struct folio *folio)
{
	return 0;
}

static inline size_t folio_size(const struct folio *folio)
{
	return PAGE_SIZE;
}

static inline unsigned int folio_shift(const struct folio *folio)
{
	return PAGE_SHIFT;
}

/* The file offset of the folio's first byte (valid while it is in a mapping). */
static inline loff_t folio_pos(const struct folio *folio)
{
	return (loff_t)folio->index << PAGE_SHIFT;
}

static inline pgoff_t folio_index(const struct folio *folio)
{
	return folio->index;
}

static inline pgoff_t folio_next_index(const struct folio *folio)
{
	return folio->index + folio_nr_pages(folio);
}

static inline struct address_space *folio_mapping(const struct folio *folio)
{
	return folio->mapping;
}

static inline int folio_ref_count(const struct folio *folio)
{
	return page_ref_count(&folio->page);
}

static inline void folio_ref_add(struct folio *folio, int nr)
{
	__atomic_add_fetch(&folio->_refcount, nr, __ATOMIC_RELAXED);
}

static inline void folio_get(struct folio *folio)
{
	folio_ref_add(folio, 1);
}

/* Take a reference unless the count is already 0 (being freed). */
static inline bool folio_try_get(struct folio *folio)
{
	int old = __atomic_load_n(&folio->_refcount, __ATOMIC_RELAXED);

	do {
		if (!old)
			return false;
	} while (!__atomic_compare_exchange_n(&folio->_refcount, &old, old + 1, false,
					      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
	return true;
}

static inline bool folio_put_testzero(struct folio *folio)
{
	return put_page_testzero(&folio->page);
}

void __folio_put(struct folio *folio);

static inline void folio_put(struct folio *folio)
{
	if (folio_put_testzero(folio))
		__folio_put(folio);
}

static inline void folio_put_refs(struct folio *folio, int refs)
{
	if (__atomic_sub_fetch(&folio->_refcount, refs, __ATOMIC_ACQ_REL) == 0)
		__folio_put(folio);
}

/* Linux: put_page(), for a page of a folio. Pages from alloc_pages() use __free_pages(). */
static inline void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

/* Linux: folio_alloc(). Only order 0 here (no large folios). */
static inline struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? page_folio(page) : NULL;
}

/*
 * The folio lock (PG_locked): held across I/O-like operations on one
 * folio (filling it, truncating it, write_begin..write_end). Linux sleeps
 * on a hashed wait queue (folio_wait_table); here a contended
 * __folio_lock() polls the bit and yields the CPU (mm/filemap.c), which
 * is enough because every holder is short-lived.
 */
static inline bool folio_trylock(struct folio *folio)
{
	return !folio_test_set_locked(folio);
}

void __folio_lock(struct folio *folio);

static inline void folio_lock(struct folio *folio)
{
	if (!folio_trylock(folio))
		__folio_lock(folio);
}

void folio_unlock(struct folio *folio);

/*
 * Mark a folio's data as newer than its backing store (Linux:
 * folio_mark_dirty() in mm/page-writeback.c): ->dirty_folio if the
 * mapping has one, else just PG_dirty, which is what noop_dirty_folio
 * (tmpfs: nothing to write back) does. True if it was clean.
 */
bool folio_mark_dirty(struct folio *folio);

/* Zero [start1, end1) and [start2, end2) of the folio (Linux: folio_zero_segments). */
void folio_zero_segments(struct folio *folio, size_t start1, size_t end1, size_t start2,
			 size_t end2);

static inline void folio_zero_range(struct folio *folio, size_t start, size_t length)
{
	folio_zero_segments(folio, start, start + length, 0, 0);
}

unsigned long nr_free_pages(void);
/* Name of the running task, for reports (kernel/sched/core.c; the host stubs say "host"). */
const char *current_comm(void);
void dump_page(const struct page *page, const char *reason);
void show_buddyinfo(void);
bool buddyinfo_requested(void);
void __free_pages_core(struct page *page, unsigned int order);
void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order);

/* mm/mm_init.c */
void free_area_init(unsigned long *max_zone_pfn);
void zone_pcp_init(void);
void zone_pcp_update(void);
void mm_core_init(void);
/* mm/init_64.c (kernel only) */
void mem_init_print_info(void);
void zone_sizes_init(void);
extern unsigned long nr_bad_pages;


/*
 * ---- Virtual memory: VMAs, mmap, faults (the contract between mm/mmap.c,
 * mm/mprotect.c, mm/mremap.c, mm/memory.c, mm/mmu_gather.c, mm/fault.c,
 * kernel/fork.c and fs/exec.c; Linux: include/linux/mm.h) ----
 */
struct vm_area_struct;
struct mm_struct;
struct mmu_gather;
struct pt_regs;

/* vm_flags (Linux's bit values). */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL	/* what mprotect() may turn on */
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* the stack: grows down on faults below it */
#define VM_PFNMAP	0x00000400UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_DONTCOPY	0x00020000UL	/* MADV_DONTFORK */
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL	/* counted in Committed_AS */
#define VM_NORESERVE	0x00200000UL
#define VM_DONTDUMP	0x04000000UL
#define VM_WIPEONFORK	0x02000000UL
#define VM_STACK	VM_GROWSDOWN
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
/* brk and data: no VM_EXEC (Linux x86-64: VM_DATA_FLAGS_TSK_EXEC without READ_IMPLIES_EXEC). */
#define VM_DATA_DEFAULT_FLAGS	(VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_STACK_FLAGS	(VM_GROWSDOWN | VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | \
			 VM_MAYEXEC | VM_ACCOUNT)

/* Private and may be written: pages are shared copy-on-write after fork. */
static inline bool is_cow_mapping(vm_flags_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* Fault flags (Linux: enum fault_flag) and results (enum vm_fault_reason). */
#define FAULT_FLAG_WRITE	0x01
#define FAULT_FLAG_MKWRITE	0x02
#define FAULT_FLAG_ALLOW_RETRY	0x04
#define FAULT_FLAG_USER		0x40
#define FAULT_FLAG_REMOTE	0x80
#define FAULT_FLAG_INSTRUCTION	0x100

typedef unsigned int vm_fault_t;
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_MAJOR		0x000004
#define VM_FAULT_SIGSEGV	0x000040
#define VM_FAULT_NOPAGE		0x000100
#define VM_FAULT_LOCKED		0x000200
#define VM_FAULT_RETRY		0x000400
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV)

/* What a fault handler is told (Linux: struct vm_fault). */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned faulting address */
	unsigned long real_address;	/* the address as it faulted */
	unsigned int flags;		/* FAULT_FLAG_* */
	pgoff_t pgoff;			/* offset in the VMA's file, in pages */
	pmd_t *pmd;
	pte_t *pte;			/* the PTE, once mapped */
	pte_t orig_pte;			/* its value when the fault began */
	struct page *cow_page;		/* do_cow_fault's new page */
	struct page *page;		/* ->fault returns the page here */
};

/* A VMA's operations (Linux: struct vm_operations_struct). */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);	/* a copy is made (fork, split) */
	void (*close)(struct vm_area_struct *vma);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);	/* /proc/PID/maps */
};

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* mm/mmap.c: the VMA tree, mmap, munmap, brk, the layout */
extern unsigned long mmap_min_addr;		/* 64 KiB: page 0 is never mappable */
extern unsigned long stack_guard_gap;		/* 256 pages, as Linux */
void mmap_init(void);				/* the vm_area_struct cache, from start_kernel() */
unsigned long nr_vm_area_structs(void);		/* allocated VMAs (leak checks) */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
pgprot_t vm_get_page_prot(vm_flags_t vm_flags);
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags);
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate);
/* mmap_write_lock taken inside; returns the address or -errno (Linux: vm_mmap in mm/util.c). */
unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int vm_munmap(unsigned long start, size_t len);
/* An anonymous brk-style mapping of [addr, addr + len), for exec's bss (Linux: vm_brk_flags). */
int vm_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);
int expand_stack(struct vm_area_struct *vma, unsigned long address);
/* The mmap base and ASLR for a new exec (Linux: arch_pick_mmap_layout, arch/x86/mm/mmap.c). */
void arch_pick_mmap_layout(struct mm_struct *mm);
unsigned long arch_randomize_brk(struct mm_struct *mm);
unsigned long randomize_stack_top(unsigned long stack_top);
extern int randomize_va_space;			/* 2; 0 with norandmaps */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);	/* fork: copy VMAs and PTEs */
void exit_mmap(struct mm_struct *mm);		/* the last mm_users is gone: unmap all */
void vm_stat_account(struct mm_struct *mm, vm_flags_t flags, long npages);

/* mm/memory.c: page tables of user space, faults, COW */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs);
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma);
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *start_vma,
		unsigned long start, unsigned long end);
void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *start_vma,
		   unsigned long floor, unsigned long ceiling);
void zap_page_range(struct vm_area_struct *vma, unsigned long address, unsigned long size);
/* Change protections of [start, end) in vma's PTEs (mm/mprotect.c). */
unsigned long change_protection(struct mmu_gather *tlb, struct vm_area_struct *vma,
				unsigned long start, unsigned long end, pgprot_t newprot);
/* Move the PTEs of [old_addr, old_addr + len) to new_addr (mm/mremap.c). */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len);
#define FOLL_WRITE	0x01	/* access_remote_vm: write (break COW) */
#define FOLL_FORCE	0x10	/* even where the VMA forbids it (exec's stack, ptrace) */
/* Read/write another mm's memory through its page tables, faulting pages in (Linux: access_remote_vm). */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags);
/* " in prog[400000+1000]" for a log line about ip, if a file maps it (Linux: print_vma_addr in mm/memory.c; here mm/fault.c). */
void print_vma_addr(const char *prefix, unsigned long ip);
struct page *get_zero_page(void);		/* the shared zero page (ZERO_PAGE(0)) */
#define ZERO_PAGE(vaddr) get_zero_page()
unsigned long mm_rss(struct mm_struct *mm);	/* resident pages, all types */

static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	return atomic_long_read(&mm->rss_stat[member]);
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat[member]);
}

/* The RSS peak (VmHWM) is kept only when RSS is about to drop (Linux: update_hiwater_rss). */
static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
			    get_mm_counter(mm, MM_SHMEMPAGES);

	if (mm->hiwater_rss < rss)
		mm->hiwater_rss = rss;
}

/*
 * mm/interval_tree.c: a file's i_mmap, the VMAs mapping it by file page
 * [vm_pgoff, vm_pgoff + vma_pages - 1], under mapping->i_mmap_rwsem.
 */
struct rb_root_cached;
void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root_cached *root);
void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root_cached *root);
struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root_cached *root,
						    unsigned long start, unsigned long last);
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   unsigned long start, unsigned long last);
#define vma_interval_tree_foreach(vma, root, start, last)		\
	for (vma = vma_interval_tree_iter_first(root, start, last);	\
	     vma; vma = vma_interval_tree_iter_next(vma, start, last))
/* mm/vma.c: put a file VMA into its file's i_mmap / take it out (Linux: __vma_link_file, unlink_file_vma). */
void vma_link_file(struct vm_area_struct *vma);
void unlink_file_vma(struct vm_area_struct *vma);
/* mm/shmem.c: give a MAP_SHARED|MAP_ANONYMOUS VMA its unlinked shmem file. */
int shmem_zero_setup(struct vm_area_struct *vma);
bool vma_is_anon_shmem(struct vm_area_struct *vma);
/* mm/memory.c: unmap file pages [start, start + nr) from every mapping (Linux: unmap_mapping_pages). */
struct address_space;
void unmap_mapping_pages(struct address_space *mapping, pgoff_t start, pgoff_t nr,
			 bool even_cows);
/* One page-cache folio (locked) out of every mapping; private COW copies stay (Linux: mm/internal.h). */
struct folio;
void unmap_mapping_folio(struct folio *folio);

/* kernel/fork.c: the lifetime of an mm */
struct mm_struct *mm_alloc(void);		/* empty user mm: pgd with the kernel half, no VMAs */
void mmput(struct mm_struct *mm);		/* drop mm_users; the last one runs exit_mmap */
void mmdrop(struct mm_struct *mm);		/* drop mm_count; the last one frees pgd and struct */
static inline void mmgrab(struct mm_struct *mm) { atomic_inc(&mm->mm_count); }
static inline void mmget(struct mm_struct *mm) { atomic_inc(&mm->mm_users); }
struct task_struct;
struct mm_struct *get_task_mm(struct task_struct *task);	/* mmget'd, or NULL */

/* mm/pgtable.c: a process's top-level table */
pgd_t *pgd_alloc(struct mm_struct *mm);		/* zeroed user half, kernel half from init_top_pgt */
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

/* Make kernel thread current run in mm (Linux: kthread_use_mm), for tests and async work. */
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

/* The mmap_lock API (Linux: include/linux/mmap_lock.h). */
static inline void mmap_read_lock(struct mm_struct *mm) { down_read(&mm->mmap_lock); }
static inline int mmap_read_trylock(struct mm_struct *mm) { return down_read_trylock(&mm->mmap_lock); }
static inline void mmap_read_unlock(struct mm_struct *mm) { up_read(&mm->mmap_lock); }
static inline void mmap_write_lock(struct mm_struct *mm) { down_write(&mm->mmap_lock); }
static inline void mmap_write_unlock(struct mm_struct *mm) { up_write(&mm->mmap_lock); }

#endif /* _LINUX_MM_H */
