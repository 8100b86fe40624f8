/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zones, free areas and per-CPU page lists (Linux: include/linux/mmzone.h).
 *
 * Physical memory is split into zones by what hardware can reach it:
 * ZONE_DMA (< 16 MiB, ISA DMA), ZONE_DMA32 (< 4 GiB, 32-bit devices) and
 * ZONE_NORMAL (the rest). Each zone runs a buddy allocator: free_area[o]
 * holds the free blocks of 2^o pages, one list per migratetype. In front
 * of it, each CPU keeps a small cache of free pages (per_cpu_pages) so
 * the common single-page case takes no lock.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/list.h>
#include <linux/percpu-defs.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES (1UL << MAX_PAGE_ORDER)
#define PAGE_ALLOC_COSTLY_ORDER 3

/* Pages are grouped by mobility in blocks of 2^pageblock_order (2 MiB). */
#define pageblock_order 9
#define pageblock_nr_pages (1UL << pageblock_order)

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,		/* the types the per-CPU lists hold */
	MIGRATE_TYPES = MIGRATE_PCPTYPES,
};

extern const char *const migratetype_names[MIGRATE_TYPES];

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];
	unsigned long nr_free;		/* blocks of this order, all types */
};

/* One list per (migratetype, order) for orders up to PAGE_ALLOC_COSTLY_ORDER. */
#define NR_PCP_LISTS (MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))

struct per_cpu_pages {
	spinlock_t lock;	/* the owner CPU's, and drain_all_pages()'s */
	int count;		/* pages on the lists */
	int high;		/* above this, give a batch back to the buddy */
	int batch;		/* pages moved to or from the buddy at once */
	struct list_head lists[NR_PCP_LISTS];
};

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

enum zone_stat_item {
	NR_FREE_PAGES,		/* pages in the buddy free lists (not the pcp lists) */
	NR_VM_ZONE_STAT_ITEMS
};

struct zone {
	unsigned long _watermark[NR_WMARK];
	/*
	 * Pages this zone keeps back from a request that could have used a
	 * higher zone: lowmem_reserve[j] applies when the highest zone the
	 * request may use is j (setup_per_zone_lowmem_reserve; /proc/zoneinfo's
	 * "protection:").
	 */
	long lowmem_reserve[MAX_NR_ZONES];
	struct per_cpu_pages __percpu *per_cpu_pageset;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* end_pfn - start_pfn, holes included */
	unsigned long present_pages;	/* RAM pages in the span */
	unsigned long managed_pages;	/* present minus reserved: the buddy's */
	const char *name;
	unsigned char *pageblock_flags;	/* migratetype of each pageblock */
	spinlock_t lock;
	struct free_area free_area[NR_PAGE_ORDERS];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
};

/*
 * Counters of a node (Linux: enum node_stat_item, pglist_data.vm_stat,
 * /proc/vmstat's nr_file_pages and nr_shmem, /proc/meminfo's Cached and
 * Shmem). Linux batches updates in per-CPU deltas folded into the node's
 * atomic counter; here every update is one atomic add on the node's.
 */
enum node_stat_item {
	NR_FILE_PAGES,		/* pages in some file's page cache, shmem included */
	NR_SHMEM,		/* of those, shmem/tmpfs pages (PG_swapbacked) */
	NR_ANON_MAPPED,		/* anonymous pages mapped into user space (AnonPages) */
	NR_FILE_MAPPED,		/* page-cache pages (shmem too) mapped into user space (Mapped) */
	NR_PAGETABLE,		/* user page-table pages (PageTables; nr_page_table_pages) */
	NR_VM_NODE_STAT_ITEMS
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	long vm_stat[NR_VM_NODE_STAT_ITEMS];	/* atomic adds (see node_stat_item) */
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid) (&contig_page_data)

static inline void mod_node_page_state(struct pglist_data *pgdat, enum node_stat_item item,
				       long delta)
{
	__atomic_add_fetch(&pgdat->vm_stat[item], delta, __ATOMIC_RELAXED);
}

static inline unsigned long node_page_state(struct pglist_data *pgdat,
					    enum node_stat_item item)
{
	long x = __atomic_load_n(&pgdat->vm_stat[item], __ATOMIC_RELAXED);

	return x < 0 ? 0 : x;
}

/* One node: the global value is node 0's (Linux: global_node_page_state). */
#define global_node_page_state(item) node_page_state(NODE_DATA(0), item)

/* Linux: node_stat_mod_folio(); the folio's node is node 0. */
#define node_stat_mod_folio(folio, item, nr) mod_node_page_state(NODE_DATA(0), item, nr)
#define __node_stat_mod_folio node_stat_mod_folio

#define min_wmark_pages(z) ((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z) ((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z) ((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i) ((z)->_watermark[i])

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages;
}

static inline int zone_idx(const struct zone *zone)
{
	return zone - NODE_DATA(0)->node_zones;
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return zone->managed_pages;
}

static inline unsigned long zone_page_state(const struct zone *zone,
					    enum zone_stat_item item)
{
	long x = READ_ONCE(zone->vm_stat[item]);

	return x < 0 ? 0 : x;
}

#define for_each_zone(zone)                                             \
	for (zone = NODE_DATA(0)->node_zones;                           \
	     zone < NODE_DATA(0)->node_zones + MAX_NR_ZONES; zone++)

#define for_each_populated_zone(zone)                                   \
	for_each_zone(zone)                                             \
		if (!populated_zone(zone))                              \
			; /* skip */                                    \
		else

/* Allocation flags inside the allocator (Linux: mm/internal.h ALLOC_*). */
#define ALLOC_WMARK_MIN WMARK_MIN
#define ALLOC_WMARK_LOW WMARK_LOW
#define ALLOC_WMARK_HIGH WMARK_HIGH
#define ALLOC_NO_WATERMARKS 0x04
#define ALLOC_WMARK_MASK (ALLOC_NO_WATERMARKS - 1)
#define ALLOC_MIN_RESERVE 0x08		/* __GFP_HIGH: dip to half of min */
#define ALLOC_NON_BLOCK 0x10		/* cannot sleep: a further quarter */
#define ALLOC_OOM 0x20			/* an OOM victim on its way out: half of min (Linux) */

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags);

extern int min_free_kbytes;
extern int watermark_scale_factor;
extern int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES];
void setup_per_zone_wmarks(void);
void setup_per_zone_lowmem_reserve(void);

/* /proc/zoneinfo's view of every zone (mm/vmstat.c; boot option `zoneinfo`). */
void show_zoneinfo(void);
bool zoneinfo_requested(void);

#endif /* _LINUX_MMZONE_H */
