// SPDX-License-Identifier: GPL-2.0
/*
 * Setting up struct pages and zones, and handing memblock's free memory
 * to the buddy allocator (Linux: mm/mm_init.c, parts of mm/page_alloc.c).
 *
 *  free_area_init()  sizes the zones from the architecture's limits and
 *                    memblock.memory, allocates mem_map[] and the
 *                    pageblock types from memblock, and initialises every
 *                    struct page as reserved, with its zone.
 *  zone_pcp_init()   gives each zone its per-CPU page lists (after the
 *                    per-CPU areas exist), with Linux's batch sizing.
 *  memblock_free_pages() is how memblock_free_all() (mm/memblock.c) frees
 *                    each block into the buddy.
 *  setup_per_zone_wmarks() derives min/low/high from min_free_kbytes,
 *                    itself sqrt(16 * lowmem KiB) as in Linux; then
 *                    setup_per_zone_lowmem_reserve() (mm/page_alloc.c)
 *                    what each zone keeps back from higher-zone requests.
 *  mm_core_init()    runs all of it once memblock's job is done, and
 *                    prints the zones (show_zoneinfo) under `zoneinfo`.
 * Pure C (no hardware access): the host tests build this file too.
 */
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

int min_free_kbytes = 1024;
int watermark_scale_factor = 10;	/* 0.1% of the zone between marks */

static const char *const zone_names[MAX_NR_ZONES] = { "DMA", "DMA32", "Normal" };

/* The per-CPU page lists of every zone, before there is a percpu allocator. */
static DEFINE_PER_CPU(struct per_cpu_pages [MAX_NR_ZONES], boot_pagesets);

/* RAM pages of memblock.memory inside [start_pfn, end_pfn). */
static unsigned long present_pages_in_range(unsigned long start_pfn, unsigned long end_pfn)
{
	struct memblock_region *r;
	unsigned long n = 0;

	for_each_mem_region(r) {
		unsigned long s = max(PFN_UP(r->base), start_pfn);
		unsigned long e = min(PFN_DOWN(r->base + r->size), end_pfn);

		if (e > s)
			n += e - s;
	}
	return n;
}

static unsigned long pageblock_index_span(const struct zone *zone)
{
	return ((zone_end_pfn(zone) - 1) >> pageblock_order) -
	       (zone->zone_start_pfn >> pageblock_order) + 1;
}

static void init_zone_pageblocks(struct zone *zone)
{
	unsigned long nr = 0;

	if (zone->spanned_pages)
		nr = pageblock_index_span(zone);
	zone->pageblock_flags = nr ? memblock_alloc(nr, 8) : NULL;
	if (nr && !zone->pageblock_flags)
		panic("Failed to allocate %lu bytes of pageblock flags for zone %s", nr, zone->name);
	/* Like Linux, every pageblock starts out movable. */
	for (unsigned long i = 0; i < nr; i++)
		zone->pageblock_flags[i] = MIGRATE_MOVABLE;
}

static void init_zone(struct zone *zone, enum zone_type zt, unsigned long start_pfn,
		      unsigned long end_pfn)
{
	memset(zone, 0, sizeof(*zone));
	zone->name = zone_names[zt];
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn > start_pfn ? end_pfn - start_pfn : 0;
	zone->present_pages = present_pages_in_range(start_pfn, end_pfn);
	spin_lock_init(&zone->lock);
	for (int o = 0; o < NR_PAGE_ORDERS; o++) {
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list[mt]);
		zone->free_area[o].nr_free = 0;
	}
	zone->per_cpu_pageset = &boot_pagesets[zt];
	init_zone_pageblocks(zone);
}

/* Every struct page starts reserved; memblock_free_all() releases the free ones. */
static void init_page_range(unsigned long start_pfn, unsigned long end_pfn, enum zone_type zt)
{
	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		memset(page, 0, sizeof(*page));
		set_page_zone(page, zt);
		__SetPageReserved(page);
		set_page_count(page, 1);
		page_mapcount_reset(page);
		INIT_LIST_HEAD(&page->lru);
	}
}

/* Linux: memmap_init(). Pages below the first zone (below RAM) count as DMA. */
static void memmap_init(void)
{
	init_page_range(ARCH_PFN_OFFSET, NODE_DATA(0)->node_zones[0].zone_start_pfn, ZONE_DMA);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &NODE_DATA(0)->node_zones[z];

		init_page_range(zone->zone_start_pfn, zone_end_pfn(zone), z);
	}
}

static void print_zone_ranges(unsigned long start_pfn, unsigned long end_pfn)
{
	struct memblock_region *r;

	pr_info("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &NODE_DATA(0)->node_zones[z];

		if (!zone->spanned_pages) {
			pr_info("  %-8s empty\n", zone->name);
			continue;
		}
		pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
			(unsigned long long)PFN_PHYS(zone->zone_start_pfn),
			(unsigned long long)PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem %#018llx-%#018llx]\n", (unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n",
		(unsigned long long)PFN_PHYS(start_pfn), (unsigned long long)PFN_PHYS(end_pfn) - 1);
}

/*
 * max_zone_pfn[z] is the first pfn above zone z (Linux's argument). Zones
 * are clipped to the memory memblock knows about.
 */
void free_area_init(unsigned long *max_zone_pfn)
{
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = PFN_DOWN(memblock_end_of_DRAM());
	unsigned long zone_start = start_pfn;
	pg_data_t *pgdat = NODE_DATA(0);

	if (end_pfn <= start_pfn)
		panic("free_area_init: no memory in memblock");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long zone_end = clamp(max_zone_pfn[z], zone_start, end_pfn);

		init_zone(&pgdat->node_zones[z], z, zone_start, zone_end);
		zone_start = zone_end;
	}
	pgdat->nr_zones = MAX_NR_ZONES;
	pgdat->node_start_pfn = start_pfn;
	pgdat->node_spanned_pages = end_pfn - start_pfn;
	pgdat->node_present_pages = present_pages_in_range(start_pfn, end_pfn);

	/* FLATMEM: one struct page per pfn from ARCH_PFN_OFFSET up to end_pfn. */
	max_mapnr = end_pfn - ARCH_PFN_OFFSET;
	mem_map = memblock_alloc(max_mapnr * sizeof(struct page), 64);
	if (!mem_map)
		panic("Failed to allocate %lu bytes for mem_map",
		      max_mapnr * (unsigned long)sizeof(struct page));
	memmap_init();
	print_zone_ranges(start_pfn, end_pfn);
}

/* Linux: zone_batchsize(): about a quarter of a MiB of pages, less for small zones. */
static int zone_batchsize(const struct zone *zone)
{
	unsigned long batch = min(zone_managed_pages(zone) >> 10, SZ_1M / PAGE_SIZE) / 4;

	if (batch < 1)
		batch = 1;
	return rounddown_pow_of_two(batch + batch / 2) - 1 ? : 1;
}

/* Set up every CPU's pcp lists for every zone; call after the per-CPU areas exist. */
void zone_pcp_init(void)
{
	struct zone *zone;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		for_each_zone(zone) {
			struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

			memset(pcp, 0, sizeof(*pcp));
			spin_lock_init(&pcp->lock);
			for (int i = 0; i < NR_PCP_LISTS; i++)
				INIT_LIST_HEAD(&pcp->lists[i]);
			pcp->batch = 1;
			pcp->high = 0;	/* until the zone has pages: free straight through */
		}
	}
}

/* Once the zones are populated: Linux's batch, high = 6 * batch. */
void zone_pcp_update(void)
{
	struct zone *zone;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		for_each_zone(zone) {
			struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

			pcp->batch = zone_batchsize(zone);
			pcp->high = 6 * pcp->batch;
		}
	}
}

void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order)
{
	__free_pages_core(page, order);
}

/* Linux: calculate_min_free_kbytes(): sqrt(lowmem_kbytes * 16), in [128, 262144]. */
static void calculate_min_free_kbytes(void)
{
	unsigned long lowmem_kbytes = totalram_pages_count * (PAGE_SIZE >> 10);

	min_free_kbytes = clamp((long)int_sqrt(lowmem_kbytes * 16), 128L, 262144L);
}

void setup_per_zone_wmarks(void)
{
	unsigned long pages_min = min_free_kbytes >> (PAGE_SHIFT - 10);
	unsigned long lowmem_pages = 0;
	struct zone *zone;

	for_each_zone(zone)
		lowmem_pages += zone_managed_pages(zone);
	for_each_zone(zone) {
		unsigned long managed = zone_managed_pages(zone);
		unsigned long tmp = lowmem_pages ? pages_min * managed / lowmem_pages : 0;

		zone->_watermark[WMARK_MIN] = tmp;
		/* The gap between marks: a quarter of min, or 0.1% of the zone. */
		tmp = max(tmp >> 2, managed * watermark_scale_factor / 10000);
		zone->_watermark[WMARK_LOW] = min_wmark_pages(zone) + tmp;
		zone->_watermark[WMARK_HIGH] = low_wmark_pages(zone) + tmp;
	}
}

/* The buddy takes over (Linux: mm_core_init() -> mem_init() and friends). */
void mm_core_init(void)
{
	zone_pcp_init();
	memblock_free_all();
	calculate_min_free_kbytes();
	setup_per_zone_wmarks();
	setup_per_zone_lowmem_reserve();
	zone_pcp_update();
	kmem_cache_init();
	if (zoneinfo_requested())
		show_zoneinfo();
}
