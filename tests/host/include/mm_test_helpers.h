/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bringing the page allocator up on the host, along the kernel's own path
 * (shared by tests/host/test_page_alloc.c and bench_page_alloc.c).
 *
 * A malloc'd buffer plays RAM: on the host __va(x) == x, so its address
 * is its "physical" address and arch_pfn_offset is its first pfn. The
 * bring-up is what setup_arch() and start_kernel() do on the machine:
 *
 *   memblock_add(RAM)  [+ memblock_reserve() of a few pages]
 *                      [+ memblock_mark_nomap() of a few pages]
 *   free_area_init(max_zone_pfn)   zones, mem_map[] (from memblock, so
 *                                  inside the buffer), pageblock types
 *   setup_per_cpu_areas()          host_setup_per_cpu_areas(nr_cpus)
 *   mm_core_init()                 pcp lists, memblock_free_all(),
 *                                  watermarks, pcp batch/high, and
 *                                  kmem_cache_init() (its boot caches
 *                                  take a few ZONE_NORMAL pages)
 *
 * The zones are ZONE_DMA = the first dma_pages, ZONE_DMA32 the next
 * dma32_pages and ZONE_NORMAL the rest: the same three zones as a PC,
 * scaled down. Everything the last run left behind (zones, mem_map, the
 * counters, the list of slab caches, which would still link the caches
 * of the previous run's "RAM") is cleared first, so a test can call this
 * from its setup.
 */
#ifndef _MM_TEST_HELPERS_H
#define _MM_TEST_HELPERS_H

#include <stdlib.h>

#include <host_stubs.h>
#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/percpu-defs.h>
#include <linux/string.h>

#include "../../../mm/slab.h"

struct mm_test_layout {
	unsigned long ram_size;		/* bytes, a multiple of 4 MiB */
	unsigned long dma_pages;	/* ZONE_DMA: [0, dma_pages) */
	unsigned long dma32_pages;	/* ZONE_DMA32: the next dma32_pages */
	unsigned int nr_cpus;
	unsigned long reserve_pfn;	/* pages memblock_reserve()s, relative */
	unsigned long reserve_pages;	/* to the first pfn; 0: none */
	unsigned long nomap_pfn;	/* pages memblock_mark_nomap()s, the same */
	unsigned long nomap_pages;
};

/* __might_sleep() calls so far (the host stub counts them). */
extern unsigned long host_might_sleep_calls;

/* The RAM every bring-up uses: allocated once, aligned to MAX_ORDER_NR_PAGES. */
static inline void *mm_test_ram(unsigned long size)
{
	static void *ram;
	static unsigned long ram_size;

	if (size > ram_size) {
		free(ram);
		ram = aligned_alloc(MAX_ORDER_NR_PAGES * PAGE_SIZE, size);
		if (!ram)
			abort();
		ram_size = size;
	}
	return ram;
}

static inline unsigned long mm_test_base_pfn(void)
{
	return arch_pfn_offset;
}

static inline void mm_test_bringup(const struct mm_test_layout *l)
{
	void *ram = mm_test_ram(l->ram_size);
	unsigned long base_pfn = (unsigned long)ram >> PAGE_SHIFT;
	unsigned long max_zone_pfn[MAX_NR_ZONES];

	/* Forget the previous run: zones, mem_map, the counters. */
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	mem_map = NULL;
	max_mapnr = 0;
	totalram_pages_count = 0;
	nr_bad_pages = 0;
	host_cpu = 0;
	INIT_LIST_HEAD(&slab_caches);

	arch_pfn_offset = base_pfn;
	memblock_reset();
	memblock_add((phys_addr_t)(unsigned long)ram, l->ram_size);
	if (l->reserve_pages)
		memblock_reserve(PFN_PHYS(base_pfn + l->reserve_pfn),
				 PFN_PHYS(l->reserve_pages));
	if (l->nomap_pages)
		memblock_mark_nomap(PFN_PHYS(base_pfn + l->nomap_pfn), PFN_PHYS(l->nomap_pages));

	max_zone_pfn[ZONE_DMA] = base_pfn + l->dma_pages;
	max_zone_pfn[ZONE_DMA32] = base_pfn + l->dma_pages + l->dma32_pages;
	max_zone_pfn[ZONE_NORMAL] = base_pfn + (l->ram_size >> PAGE_SHIFT);
	free_area_init(max_zone_pfn);

	host_setup_per_cpu_areas(l->nr_cpus);
	mm_core_init();
}

static inline struct per_cpu_pages *mm_test_pcp(struct zone *zone, int cpu)
{
	return per_cpu_ptr(zone->per_cpu_pageset, cpu);
}

#endif /* _MM_TEST_HELPERS_H */
