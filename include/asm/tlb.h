/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct mmu_gather: the order of unmapping (Linux: include/asm-generic/tlb.h,
 * mm/mmu_gather.c). Whoever unmaps user pages clears the PTEs first, then
 * flushes every TLB that may still hold them, and only then frees the
 * pages and the page-table pages: freeing first would let another CPU
 * read or write a page that already belongs to someone else through a
 * stale TLB entry. The gather batches the pages (and the freed
 * page-table pages) and the range to flush in between.
 *
 *	tlb_gather_mmu(&tlb, mm);
 *	unmap_vmas(&tlb, vma, start, end);	-> tlb_remove_page() per page
 *	free_pgtables(&tlb, vma, floor, ceiling); -> pte_free_tlb() ...
 *	tlb_finish_mmu(&tlb);			-> flush, then free
 */
#ifndef _ASM_TLB_H
#define _ASM_TLB_H

#include <linux/mm_types.h>

#define MMU_GATHER_BUNDLE 8	/* pages kept on the stack before a batch page is allocated */

struct mmu_gather_batch {
	struct mmu_gather_batch *next;
	unsigned int nr;
	unsigned int max;
	struct page *pages[];
};

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end;	/* the range whose TLB entries must go */
	unsigned int fullmm : 1;	/* the whole mm is being torn down (exit_mmap) */
	unsigned int freed_tables : 1;	/* page-table pages were freed: flush paging-structure caches */
	unsigned int cleared_ptes : 1;
	struct mmu_gather_batch *active;
	struct mmu_gather_batch local;	/* the first batch lives here */
	struct page *__pages[MMU_GATHER_BUNDLE];
	unsigned int batch_count;
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm);
/* Queue page (its PTE already cleared) to be put after the flush; true if the batch is full. */
bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page);
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);
/* Record that [address, address + PAGE_SIZE) needs a TLB flush. */
void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep, unsigned long address);
/* Queue a page-table page (its parent entry already cleared) to be freed after the flush. */
void pte_free_tlb(struct mmu_gather *tlb, struct page *pt_page, unsigned long address);
void tlb_flush_mmu(struct mmu_gather *tlb);	/* flush the TLBs, then free what was gathered */
void tlb_finish_mmu(struct mmu_gather *tlb);

#endif /* _ASM_TLB_H */
