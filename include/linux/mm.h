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
