/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by mm/memory.c, mm/memory_unmap.c and mm/gup.c (in Linux they are in
 * mm/internal.h and include/linux/mm.h; here mm/internal.h is what
 * mm/mmap.c shares with its neighbours). Not for use outside mm/.
 */
#ifndef _MM_MEMORY_INTERNAL_H
#define _MM_MEMORY_INTERNAL_H

#include <asm/pgtable.h>
#include <linux/mm.h>

/* The zero page's pfn (mm/memory.c's empty_zero_page). */
unsigned long zero_pfn(void);

static inline bool is_zero_pfn(unsigned long pfn)
{
	return pfn == zero_pfn();
}

/* No anon_vma here: an anonymous page is one no address_space owns. */
static inline bool page_is_anon(const struct page *page)
{
	return !page->mapping;
}

/* The struct page a PTE maps, NULL for the zero page and pfn maps (Linux: vm_normal_page). */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
/* addr's PTE in mm without allocating, NULL if a table is missing. */
pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr);

/* mm/memory.c's rmap counting, for mm/memory_unmap.c. */
int mm_counter(struct page *page);		/* MM_ANONPAGES, MM_SHMEMPAGES or MM_FILEPAGES */
void page_remove_rmap(struct page *page);	/* one PTE less maps it */

/* The table page an upper-level entry points to. */
static inline struct page *pt_entry_page(pteval_t v)
{
	return pfn_to_page((v & PTE_PFN_MASK) >> PAGE_SHIFT);
}

#endif /* _MM_MEMORY_INTERNAL_H */
