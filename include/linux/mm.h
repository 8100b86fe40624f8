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

#endif /* _LINUX_MM_H */
