// SPDX-License-Identifier: GPL-2.0
/*
 * Unmapping user memory: the second half of Linux's mm/memory.c (kept
 * apart here so that neither file grows past a thousand lines; the
 * faults, fork's copy_page_range and the rmap counts are mm/memory.c).
 *
 *  - zap_pte_range .. unmap_page_range, unmap_single_vma, unmap_vmas
 *    (munmap, exit) and zap_page_range (madvise(MADV_DONTNEED)): clear
 *    the PTEs, give each page's map back (page_remove_rmap, the rss
 *    counters) and hand the page to the mmu_gather (mm/mmu_gather.c),
 *    which frees it only after the TLB flush;
 *  - unmap_mapping_range / unmap_mapping_pages / unmap_mapping_folio:
 *    a range of a file's pages out of every VMA in the file's i_mmap
 *    (mm/interval_tree.c), in whichever process, under i_mmap_rwsem and
 *    each mm's page_table_lock but no mmap_lock; struct zap_details says
 *    what to spare (even_cows: the private COW copies; single_folio);
 *  - free_pgtables / free_pgd_range .. free_pte_range: the page-table
 *    pages of unmapped ranges, within [floor, ceiling), after each file
 *    VMA has left its file's i_mmap (unlink_file_vma), so a truncation
 *    never walks a table being freed.
 *
 * Left out, against Linux: RCU table freeing, huge PMDs and PUDs,
 * swap/migration entries, mmu_notifiers, userfaultfd markers and the
 * per-VMA tlb_start_vma/tlb_end_vma (x86 needs none).
 */
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#include "memory_internal.h"

/* ---- unmapping: zap_*_range, unmap_vmas ---- */

/*
 * What a zap of part of a file's mappings spares (Linux: struct
 * zap_details). NULL details: everything goes (munmap, exit).
 * even_cows false (hole punching) keeps the private anonymous copies a
 * MAP_PRIVATE mapping made of the file's pages; single_folio, if set,
 * limits the zap to the PTEs mapping that page-cache folio.
 */
struct zap_details {
	struct folio *single_folio;
	bool even_cows;
};

/* Does details let this page's PTE go? (Linux: should_zap_page + zap_skip_check_mapping) */
static bool should_zap_page(struct zap_details *details, struct page *page)
{
	if (!details)
		return true;
	if (details->single_folio && page_folio(page) != details->single_folio)
		return false;
	if (details->even_cows)
		return true;
	return !page_is_anon(page);
}

/* Returns the address it stopped at (end, or earlier when the gather filled). */
static unsigned long zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
				   pmd_t *pmd, unsigned long addr, unsigned long end,
				   struct zap_details *details)
{
	struct mm_struct *mm = tlb->mm;
	long rss[NR_MM_COUNTERS] = { };
	bool force_flush = false;
	pte_t *pte;

again:
	pte = pte_offset_map(pmd, addr);
	spin_lock(&mm->page_table_lock);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (pte_none(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (details && (!page || !should_zap_page(details, page)))
			continue;	/* a file zap keeps what it was not asked to take */
		ptent = ptep_get_and_clear(pte);
		tlb_remove_tlb_entry(tlb, pte, addr);
		if (!page)
			continue;	/* the zero page, a pfn map */
		if (!page_is_anon(page) && pte_dirty(ptent))
			folio_mark_dirty(page_folio(page));
		rss[mm_counter(page)]--;
		page_remove_rmap(page);
		if (__tlb_remove_page(tlb, page)) {
			/* No room for more: flush and free what we have, then go on. */
			force_flush = true;
			addr += PAGE_SIZE;
			break;
		}
	}
	spin_unlock(&mm->page_table_lock);
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i]) {
			add_mm_counter(mm, i, rss[i]);
			rss[i] = 0;
		}
	if (force_flush) {
		force_flush = false;
		tlb_flush_mmu(tlb);
		if (addr != end)
			goto again;
	}
	return addr;
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pud_t *pud,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*pmd))
			continue;
		zap_pte_range(tlb, vma, pmd, addr, next, details);
	} while (pmd++, addr = next, addr != end);
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma, p4d_t *p4d,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_present(*pud))
			continue;
		zap_pmd_range(tlb, vma, pud, addr, next, details);
	} while (pud++, addr = next, addr != end);
}

static void zap_p4d_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pgd_t *pgd,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_present(*p4d))
			continue;
		zap_pud_range(tlb, vma, p4d, addr, next, details);
	} while (p4d++, addr = next, addr != end);
}

/* Clear [start, end) of one VMA (Linux: unmap_page_range). */
static void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long addr, unsigned long end, struct zap_details *details)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_present(*pgd))
			continue;
		zap_p4d_range(tlb, vma, pgd, addr, next, details);
	} while (pgd++, addr = next, addr != end);
}

static void unmap_single_vma(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long start_addr, unsigned long end_addr,
			     struct zap_details *details)
{
	unsigned long start = start_addr > vma->vm_start ? start_addr : vma->vm_start;
	unsigned long end = end_addr < vma->vm_end ? end_addr : vma->vm_end;

	if (start >= end)
		return;
	unmap_page_range(tlb, vma, start, end, details);
}

/*
 * Clear the PTEs of [start, end) in start_vma and the VMAs after it on
 * the vm_next list (Linux <= 6.0: unmap_vmas). The pages go to tlb; the
 * caller's tlb_finish_mmu() flushes and frees them.
 */
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(tlb, vma, start, end, NULL);
}

/* Unmap pages of [address, address + size) (madvise(MADV_DONTNEED)); the VMAs stay. */
void zap_page_range(struct vm_area_struct *vma, unsigned long address, unsigned long size)
{
	struct mmu_gather tlb;
	unsigned long end = address + size;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(&tlb, vma, address, end, NULL);
	tlb_finish_mmu(&tlb);
}

/* Zap [address, address + size) of one VMA only (Linux: zap_page_range_single). */
static void zap_page_range_single(struct vm_area_struct *vma, unsigned long address,
				  unsigned long size, struct zap_details *details)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	unmap_single_vma(&tlb, vma, address, address + size, details);
	tlb_finish_mmu(&tlb);
}

/* ---- unmap_mapping_range: a file's pages out of every mapping ---- */

/*
 * Zap the file pages [first_index, last_index] from each VMA of the
 * tree that maps some of them (Linux: unmap_mapping_range_tree).
 */
static void unmap_mapping_range_tree(struct rb_root_cached *root, pgoff_t first_index,
				     pgoff_t last_index, struct zap_details *details)
{
	struct vm_area_struct *vma;

	vma_interval_tree_foreach(vma, root, first_index, last_index) {
		pgoff_t vba = vma->vm_pgoff;
		pgoff_t vea = vba + vma_pages(vma) - 1;
		pgoff_t zba = first_index > vba ? first_index : vba;
		pgoff_t zea = last_index < vea ? last_index : vea;
		unsigned long start = ((zba - vba) << PAGE_SHIFT) + vma->vm_start;
		unsigned long end = ((zea - vba + 1) << PAGE_SHIFT) + vma->vm_start;

		zap_page_range_single(vma, start, end - start, details);
	}
}

/*
 * Unmap nr file pages from start (nr 0: to the end of the file) from
 * every process that maps them (Linux: unmap_mapping_pages). Holds
 * i_mmap_rwsem for reading, so no VMA leaves the tree (and none of its
 * page tables is freed: free_pgtables unlinks first) meanwhile; takes no
 * mmap_lock: each PTE change is under that mm's page_table_lock. A page
 * is freed only after every TLB that may hold it has been flushed (the
 * mmu_gather).
 */
void unmap_mapping_pages(struct address_space *mapping, pgoff_t start, pgoff_t nr,
			 bool even_cows)
{
	struct zap_details details = { .even_cows = even_cows };
	pgoff_t first_index = start, last_index = start + nr - 1;

	if (last_index < first_index)
		last_index = ULONG_MAX;
	i_mmap_lock_read(mapping);
	if (mapping_mapped(mapping))
		unmap_mapping_range_tree(&mapping->i_mmap, first_index, last_index, &details);
	i_mmap_unlock_read(mapping);
}

/*
 * The same in bytes (Linux: unmap_mapping_range): every page that holds a
 * byte of [holebegin, holebegin + holelen) goes, holelen 0 meaning to the
 * end of the file. even_cows: truncation, which takes the private COW
 * copies too (the data past EOF is gone for everyone: SIGBUS); hole
 * punching passes 0 and private copies stay.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t const holebegin,
			 loff_t const holelen, int even_cows)
{
	pgoff_t hba = (pgoff_t)holebegin >> PAGE_SHIFT;
	pgoff_t hlen = ((pgoff_t)holelen + PAGE_SIZE - 1) >> PAGE_SHIFT;

	unmap_mapping_pages(mapping, hba, hlen, even_cows);
}

/*
 * One page-cache folio out of every mapping, private copies kept (Linux:
 * unmap_mapping_folio, from truncation of a folio still mapped: a fault
 * that found the folio before truncation took it has mapped it since).
 * The caller holds the folio lock.
 */
void unmap_mapping_folio(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;
	struct zap_details details = { .single_folio = folio };

	if (!mapping)
		return;
	i_mmap_lock_read(mapping);
	if (mapping_mapped(mapping))
		unmap_mapping_range_tree(&mapping->i_mmap, folio->index, folio->index, &details);
	i_mmap_unlock_read(mapping);
}

/* ---- free_pgtables: the table pages of unmapped ranges ---- */

static void free_pte_range(struct mmu_gather *tlb, pmd_t *pmd, unsigned long addr)
{
	struct page *pt = pt_entry_page(pmd_val(*pmd));

	set_pmd(pmd, __pmd(0));
	pte_free_tlb(tlb, pt, addr);
}

static void free_pmd_range(struct mmu_gather *tlb, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);
	struct page *pt;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*pmd))
			continue;
		free_pte_range(tlb, pmd, addr);
	} while (pmd++, addr = next, addr != end);

	/* The pmd table itself goes only if [floor, ceiling) covers all it maps. */
	start &= PUD_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PUD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pt = pt_entry_page(pud_val(*pud));
	set_pud(pud, __pud(0));
	pte_free_tlb(tlb, pt, start);
}

static void free_pud_range(struct mmu_gather *tlb, p4d_t *p4d, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(p4d, addr);
	struct page *pt;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_present(*pud))
			continue;
		free_pmd_range(tlb, pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);

	start &= ~(P4D_SIZE - 1);
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= ~(P4D_SIZE - 1);
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	/* With 4 levels the p4d entry is the pgd entry: this clears it. */
	pt = pt_entry_page(p4d_val(*p4d));
	set_p4d(p4d, __p4d(0));
	pte_free_tlb(tlb, pt, start);
}

static void free_p4d_range(struct mmu_gather *tlb, pgd_t *pgd, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	p4d_t *p4d = p4d_offset(pgd, addr);
	struct page *pt;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_present(*p4d))
			continue;
		free_pud_range(tlb, p4d, addr, next, floor, ceiling);
	} while (p4d++, addr = next, addr != end);

	if (!pgtable_l5_enabled())
		return;	/* folded: there is no p4d table to free */
	start &= ~(PGDIR_SIZE - 1);
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= ~(PGDIR_SIZE - 1);
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pt = pt_entry_page(pgd_val(*pgd));
	set_pgd(pgd, __pgd(0));
	pte_free_tlb(tlb, pt, start);
}

/*
 * Free the page tables that map only [addr, end), no further down than
 * floor and no further up than ceiling (0: the top), which other VMAs may
 * still use (Linux: free_pgd_range).
 */
static void free_pgd_range(struct mmu_gather *tlb, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;

	pgd = pgd_offset(tlb->mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_present(*pgd))
			continue;
		free_p4d_range(tlb, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
}

/*
 * After unmap_vmas(): free the page-table pages under start_vma and the
 * VMAs after it on the vm_next list (up to NULL), keeping those that
 * [floor, ceiling) says neighbours still use (Linux <= 6.0:
 * free_pgtables). Adjacent VMAs are freed as one range, as Linux does.
 * Each file VMA leaves its file's i_mmap here (unlink_file_vma).
 */
void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling)
{
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		/*
		 * Out of the file's i_mmap before the tables go: a truncation
		 * walking i_mmap must not zap through freed tables.
		 */
		unlink_file_vma(vma);
		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
			unlink_file_vma(vma);
		}
		free_pgd_range(tlb, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
		vma = next;
	}
}
