/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bringing the slab allocator up on the host (shared by
 * tests/host/test_slub.c and tests/host/bench_slub.c).
 *
 * The slab allocator sits on the buddy allocator, so the bring-up is the
 * page allocator's (mm_test_helpers.h: memblock -> free_area_init ->
 * per-CPU areas -> mm_core_init), which ends in kmem_cache_init() as
 * start_kernel() does (mm_test_bringup() also empties slab_caches, which
 * would still link the previous run's caches). slub_debug is read when
 * each cache is created, so it is set first: with SLAB_DEBUG_FLAGS every
 * kmalloc cache is a debug cache, as with slab_debug on Linux's command
 * line.
 */
#ifndef _SLUB_TEST_HELPERS_H
#define _SLUB_TEST_HELPERS_H

#include <mm_test_helpers.h>
#include <linux/list.h>
#include <linux/slab.h>

#include "../../../mm/slab.h"	/* struct kmem_cache, struct slab */

/* A PC's three zones, scaled: DMA 8 MiB, DMA32 24 MiB, NORMAL the rest. */
#define SLUB_TEST_DMA_PAGES 2048UL
#define SLUB_TEST_DMA32_PAGES 6144UL

static inline void slub_test_bringup(unsigned long ram_size, unsigned int nr_cpus,
				     slab_flags_t debug)
{
	const struct mm_test_layout layout = {
		.ram_size = ram_size,
		.dma_pages = SLUB_TEST_DMA_PAGES,
		.dma32_pages = SLUB_TEST_DMA32_PAGES,
		.nr_cpus = nr_cpus,
	};

	slub_debug = debug;
	slab_debug_reports = 0;
	mm_test_bringup(&layout);
	host_cpu = 0;
	host_warn_count = 0;
	printk_log_reset();
}

/*
 * Free pages in the buddy once every cache has given back its empty
 * slabs and every CPU's page lists are drained: the number that must
 * come back when everything allocated since is freed.
 */
static inline unsigned long slub_test_free_pages(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* The cache a slab object belongs to (NULL: not a slab object). */
static inline struct kmem_cache *slub_test_cache_of(const void *object)
{
	struct page *page = compound_head(virt_to_page(object));

	return PageSlab(page) ? page_slab(page)->slab_cache : NULL;
}

#endif /* _SLUB_TEST_HELPERS_H */
