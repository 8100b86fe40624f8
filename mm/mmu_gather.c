// SPDX-License-Identifier: GPL-2.0
/*
 * The mmu_gather: the order of unmapping user memory (Linux:
 * mm/mmu_gather.c, include/asm-generic/tlb.h, arch/x86/include/asm/tlb.h).
 *
 * Whoever unmaps (munmap, exit_mmap, zap_page_range) first clears the
 * PTEs (unmap_vmas -> zap_pte_range), handing each page it unmapped to
 * tlb_remove_page() and each page-table page it detached to
 * pte_free_tlb(). Nothing is freed then: another CPU may still hold a TLB
 * entry for the page and go on reading or writing it. tlb_flush_mmu()
 * first flushes the gathered address range on every CPU in mm_cpumask
 * (flush_tlb_mm_range, which sends IPIs and waits), and only then drops
 * the gathered references (put_page), so the pages go back to the buddy
 * when no TLB can reach them.
 *
 * Pages are kept in batches: the first (MMU_GATHER_BUNDLE pages) lives
 * inside struct mmu_gather, on the caller's stack; further batches are
 * whole pages allocated with GFP_NOWAIT (the caller may hold the page
 * table lock). When no batch page can be had, __tlb_remove_page() says
 * "full" and the caller flushes early (tlb_flush_mmu) and goes on.
 *
 * Left out from Linux: the RCU table freeing (MMU_GATHER_RCU_TABLE_FREE:
 * x86 without paravirt frees page tables after the IPI flush, which is
 * what we do), delayed rmap removal, the page-size tracking for huge
 * pages, the mmu_notifier calls, and per-VMA tlb_start_vma/tlb_end_vma
 * flushes (x86 needs none). Page-table pages are queued in the same
 * batches as data pages: both are plain order-0 pages whose last
 * reference put_page() drops.
 */
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>

/* At most this many batch pages per gather (Linux: MAX_GATHER_BATCH_COUNT). */
#define MAX_GATHER_BATCH_COUNT 64
#define MAX_GATHER_BATCH \
	((PAGE_SIZE - sizeof(struct mmu_gather_batch)) / sizeof(void *))

/*
 * Test hook (tests/kernel/mmu_gather_kunit.c): called in tlb_flush_mmu()
 * after the TLB flush and before a single gathered page is put. A test
 * checks there that every gathered page is still allocated.
 */
void (*mmu_gather_flush_hook)(struct mmu_gather *tlb);

static void __tlb_reset_range(struct mmu_gather *tlb)
{
	if (tlb->fullmm) {
		tlb->start = tlb->end = ~0UL;
	} else {
		tlb->start = ~0UL;
		tlb->end = 0;
	}
	tlb->freed_tables = 0;
	tlb->cleared_ptes = 0;
}

static void __tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm, bool fullmm)
{
	tlb->mm = mm;
	tlb->fullmm = fullmm;
	tlb->local.next = NULL;
	tlb->local.nr = 0;
	tlb->local.max = MMU_GATHER_BUNDLE;
	tlb->active = &tlb->local;
	tlb->batch_count = 0;
	__tlb_reset_range(tlb);
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	__tlb_gather_mmu(tlb, mm, false);
}

/* The whole address space goes (exit_mmap): flush it all at the end. */
void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *mm)
{
	__tlb_gather_mmu(tlb, mm, true);
}

/* Make the next batch active, allocating it if needed; false if none could be had. */
static bool tlb_next_batch(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch = tlb->active;

	if (batch->next) {
		tlb->active = batch->next;
		return true;
	}
	if (tlb->batch_count == MAX_GATHER_BATCH_COUNT)
		return false;
	batch = (struct mmu_gather_batch *)__get_free_page(GFP_NOWAIT | __GFP_NOWARN);
	if (!batch)
		return false;
	tlb->batch_count++;
	batch->next = NULL;
	batch->nr = 0;
	batch->max = MAX_GATHER_BATCH;
	tlb->active->next = batch;
	tlb->active = batch;
	return true;
}

bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	struct mmu_gather_batch *batch = tlb->active;

	batch->pages[batch->nr++] = page;
	if (batch->nr == batch->max) {
		if (!tlb_next_batch(tlb))
			return true;
		batch = tlb->active;
	}
	return false;
}

void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	if (__tlb_remove_page(tlb, page))
		tlb_flush_mmu(tlb);
}

void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep, unsigned long address)
{
	if (address < tlb->start)
		tlb->start = address;
	if (address + PAGE_SIZE > tlb->end)
		tlb->end = address + PAGE_SIZE;
	tlb->cleared_ptes = 1;
}

/*
 * A page-table page leaves the tree (free_pgtables cleared the entry that
 * pointed to it). The TLB's paging-structure caches may still walk
 * through it, so it is freed after the flush like any page. It stops
 * counting as a page table now (Linux: pgtable_pte_page_dtor in
 * ___pte_free_tlb).
 */
void pte_free_tlb(struct mmu_gather *tlb, struct page *pt_page, unsigned long address)
{
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, -1);
	atomic_long_add(-(long)PAGE_SIZE, &tlb->mm->pgtables_bytes);
	tlb->freed_tables = 1;
	if (!tlb->fullmm) {
		/* The caches hold entries for the range the table mapped: widen to it. */
		unsigned long start = address & PMD_MASK;

		if (start < tlb->start)
			tlb->start = start;
		if (start + PMD_SIZE > tlb->end)
			tlb->end = start + PMD_SIZE;
	}
	tlb_remove_page(tlb, pt_page);
}

static void tlb_flush_mmu_tlbonly(struct mmu_gather *tlb)
{
	if (tlb->fullmm) {
		flush_tlb_mm(tlb->mm);
	} else {
		if (tlb->end <= tlb->start)
			return;	/* nothing was unmapped */
		flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end, PAGE_SHIFT, tlb->freed_tables);
	}
	__tlb_reset_range(tlb);
}

static void tlb_batch_pages_flush(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch;

	for (batch = &tlb->local; batch && batch->nr; batch = batch->next) {
		for (unsigned int i = 0; i < batch->nr; i++)
			put_page(batch->pages[i]);
		batch->nr = 0;
	}
	tlb->active = &tlb->local;
}

/* First the TLBs, then the pages: the order this whole file is about. */
void tlb_flush_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu_tlbonly(tlb);
	if (mmu_gather_flush_hook)
		mmu_gather_flush_hook(tlb);
	tlb_batch_pages_flush(tlb);
}

static void tlb_batch_list_free(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch, *next;

	for (batch = tlb->local.next; batch; batch = next) {
		next = batch->next;
		free_page((unsigned long)batch);
	}
	tlb->local.next = NULL;
	tlb->batch_count = 0;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	tlb_flush_mmu(tlb);
	tlb_batch_list_free(tlb);
}
