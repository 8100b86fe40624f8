// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy page allocator with per-CPU page lists (Linux: mm/page_alloc.c).
 *
 * Each zone keeps free blocks of 2^order pages in free_area[order], one
 * list per migratetype. Freeing merges a block with its "buddy" (the
 * block whose pfn differs only in bit `order`) for as long as the buddy
 * is free too (__free_one_page); allocating takes the smallest block that
 * fits and splits off the unused halves (__rmqueue_smallest, expand).
 * Small orders go through this CPU's per_cpu_pages lists first: pages move
 * between them and the buddy lists a batch at a time (rmqueue_bulk,
 * free_pcppages_bulk), so most allocations touch no shared lock.
 * Watermarks keep a reserve: a normal allocation must leave the zone
 * above its low mark; GFP_ATOMIC and __GFP_HIGH may dig below min. On top
 * of the mark, a lower zone keeps back lowmem_reserve[] pages from
 * requests that could have used a higher zone (lowmem_reserve_ratio), so
 * GFP_KERNEL does not eat the DMA and DMA32 memory that only those zones
 * can give.
 *
 * A request that fails the fast path (low mark) tries again at the min
 * mark (__alloc_pages_slowpath). Only one that may sleep
 * (__GFP_DIRECT_RECLAIM) goes further: where Linux would reclaim, this
 * kernel has nothing to reclaim and only drains every CPU's pcp lists
 * before its last try (__alloc_pages_direct_reclaim). GFP_ATOMIC and
 * GFP_NOWAIT fail there instead, and a blocking request checks
 * might_sleep() on entry (might_alloc). A blocking request that still
 * finds nothing, unless __GFP_NORETRY or a costly order (above
 * PAGE_ALLOC_COSTLY_ORDER) without __GFP_RETRY_MAYFAIL, calls the OOM
 * killer under oom_lock (__alloc_pages_may_oom, mm/oom_kill.c) and
 * retries while it reports progress, for at most OOM_RETRY_TIMEOUT; the
 * victim itself may then dig below min (ALLOC_OOM) on its way out.
 *
 * Left out from Linux: NUMA and zonelists (one node; zone fallback is
 * NORMAL -> DMA32 -> DMA), reclaim, kswapd and compaction (the OOM
 * killer is the only way memory comes back), CMA, highatomic reserves, page isolation,
 * shuffling. Migratetype fallback takes the largest block of another
 * type and claims whole pageblocks for the requested type, as Linux's
 * steal does, without its finer heuristics.
 *
 * Locking: the zone lock guards the buddy lists; each CPU's pcp lists
 * have their own lock (pcp->lock, as Linux since 5.19), taken by the
 * owner with interrupts off and by drain_all_pages() from anywhere.
 * Pure C apart from the per-CPU and irq helpers: the host tests build
 * this file.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/percpu-defs.h>
#ifndef HOST_TEST
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/sched/signal.h>
#endif

struct pglist_data contig_page_data;
struct page *mem_map;
unsigned long max_mapnr;
unsigned long arch_pfn_offset;
unsigned long totalram_pages_count;
unsigned long nr_bad_pages;

/*
 * How much of the zones above each zone keeps back for itself: 1/256 of
 * their pages for DMA and DMA32, 1/32 for NORMAL (which has nothing above
 * it here; Linux's HIGHMEM and MOVABLE would be). Linux's defaults, its
 * /proc/sys/vm/lowmem_reserve_ratio; 0 keeps nothing back.
 */
int sysctl_lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256,
	[ZONE_DMA32] = 256,
	[ZONE_NORMAL] = 32,
};

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable",
};

/* Where to look when a migratetype's own lists are empty (Linux: fallbacks[]). */
static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE] = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

/* ---- pageblock migratetypes ------------------------------------------------ */

static unsigned long pageblock_index(const struct zone *zone, unsigned long pfn)
{
	return (pfn >> pageblock_order) - (zone->zone_start_pfn >> pageblock_order);
}

static int get_pageblock_migratetype(const struct zone *zone, unsigned long pfn)
{
	return zone->pageblock_flags[pageblock_index(zone, pfn)];
}

/* Give every pageblock of a block of 2^order pages at pfn the type mt. */
static void set_block_migratetype(struct zone *zone, unsigned long pfn,
				  unsigned int order, int mt)
{
	unsigned long end = pfn + (1UL << order);

	for (pfn = ALIGN_DOWN(pfn, pageblock_nr_pages); pfn < end; pfn += pageblock_nr_pages)
		if (zone_spans_pfn(zone, pfn))
			zone->pageblock_flags[pageblock_index(zone, pfn)] = mt;
}

/* ---- bad pages ---------------------------------------------------------------- */

void dump_page(const struct page *page, const char *reason)
{
	pr_warn("page: refcount:%d mapcount:%d mapping:%016lx index:%#lx pfn:%#lx\n",
		page_ref_count(page), page_mapcount(page), (unsigned long)page->mapping,
		page->index, page_to_pfn(page));
	pr_warn("flags: %#lx(%s%s%s%szone:%u)\n", page->flags,
		PageBuddy(page) ? "buddy|" : "", PageReserved(page) ? "reserved|" : "",
		PageSlab(page) ? "slab|" : "", PageHead(page) ? "head|" : "",
		page_zonenum(page));
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}

/*
 * Linux: bad_page(). The page is left out of circulation (leaked) rather
 * than put on a free list in an unknown state; the report says why.
 */
static void bad_page(struct page *page, const char *reason)
{
	if (++nr_bad_pages > 100) {
		if (nr_bad_pages == 101)
			pr_alert("BUG: Bad page state: suppressing further reports\n");
		return;
	}
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n", current_comm(), page_to_pfn(page));
	dump_page(page, reason);
	dump_stack();
}

/* The allocation-order debug field (see linux/page-flags.h). */
static unsigned int page_alloc_order(const struct page *page)
{
	return (page->flags >> ALLOC_ORDER_PGSHIFT) & ALLOC_ORDER_MASK;
}

static void set_page_alloc_order(struct page *page, unsigned int order_plus_one)
{
	page->flags &= ~(ALLOC_ORDER_MASK << ALLOC_ORDER_PGSHIFT);
	page->flags |= (unsigned long)order_plus_one << ALLOC_ORDER_PGSHIFT;
}

/* ---- the buddy free lists ------------------------------------------------------ */

static void account_freepages(struct zone *zone, long nr_pages)
{
	zone->vm_stat[NR_FREE_PAGES] += nr_pages;
}

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order, int mt)
{
	set_buddy_order(page, order);
	list_add(&page->buddy_list, &zone->free_area[order].free_list[mt]);
	zone->free_area[order].nr_free++;
	account_freepages(zone, 1L << order);
}

static void del_page_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	account_freepages(zone, -(1L << order));
}

static unsigned long __find_buddy_pfn(unsigned long page_pfn, unsigned int order)
{
	return page_pfn ^ (1UL << order);
}

/* Is buddy a free block of the same order in the same zone, so we may merge? */
static bool page_is_buddy(const struct page *page, const struct page *buddy,
			  unsigned int order)
{
	return PageBuddy(buddy) && buddy_order(buddy) == order &&
	       page_zonenum(page) == page_zonenum(buddy);
}

/* Free a block, merging it with free buddies as far up as possible. */
static void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
			    unsigned int order, int migratetype)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = __find_buddy_pfn(pfn, order);
		unsigned long combined_pfn;
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = page + ((long)buddy_pfn - (long)pfn);
		if (!page_is_buddy(page, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		combined_pfn = buddy_pfn & pfn;
		page += (long)combined_pfn - (long)pfn;
		pfn = combined_pfn;
		order++;
	}
	/* A block of whole pageblocks takes the freed page's type. */
	if (order >= pageblock_order)
		set_block_migratetype(zone, pfn, order, migratetype);
	add_to_free_list(page, zone, order, migratetype);
}

/* Split a block of order high down to order low, freeing the upper halves. */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		struct page *half;

		high--;
		size >>= 1;
		half = page + size;
		add_to_free_list(half, zone, high,
				 get_pageblock_migratetype(zone, page_to_pfn(half)));
	}
}

static struct page *get_page_from_free_area(struct free_area *area, int mt)
{
	if (list_empty(&area->free_list[mt]))
		return NULL;
	return list_first_entry(&area->free_list[mt], struct page, buddy_list);
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order, int mt)
{
	for (unsigned int current_order = order; current_order < NR_PAGE_ORDERS; current_order++) {
		struct page *page = get_page_from_free_area(&zone->free_area[current_order], mt);

		if (!page)
			continue;
		del_page_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		return page;
	}
	return NULL;
}

/*
 * Nothing of our type: take the largest block of a fallback type, so the
 * types mix as little as possible; a block of whole pageblocks becomes
 * ours (Linux: __rmqueue_fallback, steal_suitable_fallback).
 */
static struct page *__rmqueue_fallback(struct zone *zone, unsigned int order, int start_mt)
{
	for (int current_order = MAX_PAGE_ORDER; current_order >= (int)order; current_order--) {
		for (int i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
			int mt = fallbacks[start_mt][i];
			struct page *page = get_page_from_free_area(&zone->free_area[current_order], mt);

			if (!page)
				continue;
			del_page_from_free_list(page, zone, current_order);
			if (current_order >= pageblock_order)
				set_block_migratetype(zone, page_to_pfn(page), current_order, start_mt);
			expand(zone, page, order, current_order);
			return page;
		}
	}
	return NULL;
}

static struct page *__rmqueue(struct zone *zone, unsigned int order, int mt)
{
	struct page *page = __rmqueue_smallest(zone, order, mt);

	return page ? page : __rmqueue_fallback(zone, order, mt);
}

/* ---- per-CPU page lists ----------------------------------------------------- */

static int order_to_pindex(int mt, unsigned int order)
{
	return MIGRATE_PCPTYPES * order + mt;
}

static unsigned int pindex_to_order(int pindex)
{
	return pindex / MIGRATE_PCPTYPES;
}

/* Move up to count blocks from the buddy onto a pcp list; returns how many. */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count,
			struct list_head *list, int mt)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&zone->lock, flags);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, order, mt);

		if (!page)
			break;
		list_add_tail(&page->pcp_list, list);
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return i;
}

/*
 * Give count pages from the pcp lists back to the buddy, starting with
 * list pindex and going round the others, coldest pages (the tails)
 * first (Linux: free_pcppages_bulk).
 */
static void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			       int pindex)
{
	unsigned long flags;
	int empty_lists = 0;

	spin_lock_irqsave(&zone->lock, flags);
	while (count > 0 && pcp->count > 0 && empty_lists < NR_PCP_LISTS) {
		struct list_head *list = &pcp->lists[pindex];
		unsigned int order = pindex_to_order(pindex);
		struct page *page;
		unsigned long pfn;

		if (list_empty(list)) {
			pindex = (pindex + 1) % NR_PCP_LISTS;
			empty_lists++;
			continue;
		}
		empty_lists = 0;
		page = list_last_entry(list, struct page, pcp_list);
		list_del(&page->pcp_list);
		count -= 1 << order;
		pcp->count -= 1 << order;
		pfn = page_to_pfn(page);
		__free_one_page(page, pfn, zone, order, get_pageblock_migratetype(zone, pfn));
	}
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * Each CPU's pcp lists have a lock, as in Linux since 5.19 (pcp->lock):
 * the owning CPU takes it with interrupts off, so it never contends with
 * itself, and drain_all_pages() can take it from another CPU to empty the
 * lists safely. Lock order: pcp->lock, then zone->lock.
 */
static struct per_cpu_pages *pcp_lock_this_cpu(struct zone *zone, unsigned long *flags)
{
	struct per_cpu_pages *pcp;

	local_irq_save(*flags);
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	spin_lock(&pcp->lock);
	return pcp;
}

static void pcp_unlock(struct per_cpu_pages *pcp, unsigned long flags)
{
	spin_unlock_irqrestore(&pcp->lock, flags);
}

static struct page *rmqueue_pcplist(struct zone *zone, unsigned int order, int mt)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct page *page = NULL;
	unsigned long flags;

	pcp = pcp_lock_this_cpu(zone, &flags);
	list = &pcp->lists[order_to_pindex(mt, order)];
	if (list_empty(list)) {
		/*
		 * Refill a batch; fewer blocks for bigger orders, and just one
		 * while the lists are off (high < batch: the boot pagesets) or
		 * the batch is 1 (Linux: nr_pcp_alloc).
		 */
		int batch = pcp->batch;

		if (pcp->high < batch)
			batch = 1;
		else if (batch > 1)
			batch = max(batch >> order, 2);

		pcp->count += rmqueue_bulk(zone, order, batch, list, mt) << order;
	}
	if (!list_empty(list)) {
		page = list_first_entry(list, struct page, pcp_list);
		list_del(&page->pcp_list);
		pcp->count -= 1 << order;
	}
	pcp_unlock(pcp, flags);
	return page;
}

static void free_unref_page_commit(struct zone *zone, struct page *page, unsigned int order,
				   int mt)
{
	int pindex = order_to_pindex(mt, order);
	struct per_cpu_pages *pcp;
	unsigned long flags;

	pcp = pcp_lock_this_cpu(zone, &flags);
	list_add(&page->pcp_list, &pcp->lists[pindex]);
	pcp->count += 1 << order;
	if (pcp->count >= pcp->high)
		free_pcppages_bulk(zone, pcp->batch, pcp, pindex);
	pcp_unlock(pcp, flags);
}

/* Empty one CPU's pcp lists of one zone; safe from any CPU (the pcp lock). */
static void drain_pages_zone(struct zone *zone, struct per_cpu_pages *pcp)
{
	unsigned long flags;

	spin_lock_irqsave(&pcp->lock, flags);
	if (pcp->count)
		free_pcppages_bulk(zone, pcp->count, pcp, 0);
	spin_unlock_irqrestore(&pcp->lock, flags);
}

/* Empty this CPU's pcp lists of one zone (or of all zones if zone is NULL). */
void drain_local_pages(struct zone *zone)
{
	struct zone *z;

	for_each_populated_zone(z)
		if (!zone || z == zone)
			drain_pages_zone(z, this_cpu_ptr(z->per_cpu_pageset));
}

/*
 * Empty every CPU's pcp lists. Linux queues work on each CPU to drain
 * its own and waits for it, so it may only be called where sleeping is
 * allowed (the allocator calls it only for requests that may sleep);
 * with the pcp lock we can reach into every CPU's lists from here, which
 * is simpler and just as safe.
 */
void drain_all_pages(struct zone *zone)
{
	struct zone *z;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		for_each_populated_zone(z)
			if (!zone || z == zone)
				drain_pages_zone(z, per_cpu_ptr(z->per_cpu_pageset, cpu));
}

/* ---- watermarks ------------------------------------------------------------------ */

/*
 * Zone z keeps back lowmem_reserve[j] from a request whose highest zone
 * is j > z: the managed pages of the zones above it, up to j, divided by
 * its lowmem_reserve_ratio (Linux: setup_per_zone_lowmem_reserve). A zone
 * with no pages, or a ratio of 0, keeps nothing back.
 */
void setup_per_zone_lowmem_reserve(void)
{
	pg_data_t *pgdat = NODE_DATA(0);

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		int ratio = sysctl_lowmem_reserve_ratio[i];
		bool clear = !ratio || !zone_managed_pages(zone);
		unsigned long managed_pages = 0;

		for (int j = 0; j <= i; j++)
			zone->lowmem_reserve[j] = 0;
		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			managed_pages += zone_managed_pages(&pgdat->node_zones[j]);
			zone->lowmem_reserve[j] = clear ? 0 : managed_pages / ratio;
		}
	}
}

/*
 * May a request whose highest usable zone is highest_zoneidx take 2^order
 * pages from z and leave more than mark (lowered for ALLOC_MIN_RESERVE)
 * plus z's lowmem_reserve for that request?
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags)
{
	long min = mark;
	long free_pages = zone_page_state(z, NR_FREE_PAGES) - ((1L << order) - 1);

	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	if (alloc_flags & ALLOC_OOM)
		min -= min / 2;
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	/* Enough pages, but is there a block big enough? */
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++) {
		struct free_area *area = &z->free_area[o];

		if (!area->nr_free)
			continue;
		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!list_empty(&area->free_list[mt]))
				return true;
	}
	return false;
}

/* ---- allocation ------------------------------------------------------------------- */

/* Make the tails point at the head (Linux: prep_compound_page). */
static void prep_compound_page(struct page *page, unsigned int order)
{
	__SetPageHead(page);
	for (unsigned long i = 1; i < (1UL << order); i++)
		WRITE_ONCE(page[i].compound_head, (unsigned long)page + 1);
}

/* Undo it on free; a tail that lost its link means the block was damaged. */
static bool free_tail_pages_check(struct page *head, unsigned int order)
{
	bool ok = true;

	for (unsigned long i = 1; i < (1UL << order); i++) {
		if (head[i].compound_head != (unsigned long)head + 1) {
			bad_page(head + i, "corrupted compound_head");
			ok = false;
		}
		INIT_LIST_HEAD(&head[i].lru);
	}
	__ClearPageHead(head);
	return ok;
}

static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	if (page->flags & PAGE_FLAGS_CHECK_AT_PREP)
		bad_page(page, "PAGE_FLAGS_CHECK_AT_PREP flag(s) set");
	set_page_refcounted(page);
	set_page_alloc_order(page, order + 1);
	if (gfp & __GFP_ZERO)
		for (unsigned int i = 0; i < (1U << order); i++)
			clear_page(page_address(page + i));
	if ((gfp & __GFP_COMP) && order)
		prep_compound_page(page, order);
}

static struct page *rmqueue(struct zone *zone, unsigned int order, int mt)
{
	struct page *page;
	unsigned long flags;

	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return rmqueue_pcplist(zone, order, mt);
	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue(zone, order, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* Try each allowed zone, highest first, against the watermark alloc_flags names. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags)
{
	int highest = gfp_zone(gfp), mt = gfp_migratetype(gfp);

	for (int zi = highest; zi >= 0; zi--) {
		struct zone *zone = &NODE_DATA(0)->node_zones[zi];
		struct page *page;

		if (!zone_managed_pages(zone))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_ok(zone, order,
				       wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK),
				       highest, alloc_flags))
			continue;
		page = rmqueue(zone, order, mt);
		if (page) {
			count_vm_events(PGALLOC, 1L << order);
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

/* Linux: gfp_to_alloc_flags() for the slow path. */
static unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_MIN_RESERVE;
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		alloc_flags |= ALLOC_NON_BLOCK;
	return alloc_flags;
}

/*
 * Where Linux reclaims memory and then, if the retry still fails, drains
 * the pcp lists (pages may sit on other CPUs' lists) and tries once more.
 * Nothing is reclaimable here, so only the drain is left. Reached only by
 * requests that may sleep: draining waits for every CPU in Linux.
 */
static struct page *__alloc_pages_direct_reclaim(gfp_t gfp, unsigned int order,
						 unsigned int alloc_flags)
{
	drain_all_pages(NULL);
	return get_page_from_freelist(gfp, order, alloc_flags);
}

/*
 * ---- the OOM killer's way in (Linux: __gfp_pfmemalloc_flags,
 * __alloc_pages_may_oom; mm/oom_kill.c). The host tests build this file
 * without an OOM killer: there nothing is killable and nothing may sleep.
 */
#ifndef HOST_TEST
/* The reserves a request may use: an OOM victim may go below min to exit. */
static unsigned int __gfp_pfmemalloc_flags(gfp_t gfp)
{
	if (gfp & __GFP_NOMEMALLOC)
		return 0;
	if (gfp & __GFP_MEMALLOC)
		return ALLOC_NO_WATERMARKS;
	if (!in_interrupt() && tsk_is_oom_victim(current))
		return ALLOC_OOM;
	return 0;
}

static bool current_is_oom_victim(void)
{
	return tsk_is_oom_victim(current);
}

/*
 * Nothing is free: kill something (out_of_memory, under oom_lock so only
 * one task kills at a time). *did_some_progress: retry, memory is coming
 * (a victim was killed, one is dying, or someone else holds oom_lock and
 * is killing; then we sleep a tick first).
 */
static struct page *__alloc_pages_may_oom(gfp_t gfp, unsigned int order, int *did_some_progress)
{
	struct oom_control oc = { .gfp_mask = gfp, .order = order };
	struct page *page;

	*did_some_progress = 0;
	if (!mutex_trylock(&oom_lock)) {
		*did_some_progress = 1;
		schedule_timeout_uninterruptible(1);
		return NULL;
	}
	/* Someone may have freed memory meanwhile: one more try, at the high mark. */
	page = get_page_from_freelist(gfp & ~__GFP_DIRECT_RECLAIM, order, ALLOC_WMARK_HIGH);
	if (page)
		goto out;
	/* The killer will not help a big block, nor one asked for with RETRY_MAYFAIL. */
	if (order > PAGE_ALLOC_COSTLY_ORDER)
		goto out;
	if (gfp & (__GFP_RETRY_MAYFAIL | __GFP_THISNODE))
		goto out;
	/* Nor a request for DMA/DMA32 memory only: killing frees it rarely. */
	if (gfp_zone(gfp) < ZONE_NORMAL)
		goto out;
	if (out_of_memory(&oc))
		*did_some_progress = 1;
out:
	mutex_unlock(&oom_lock);
	return page;
}

/* Give a dying victim the CPU before we look again. */
static void oom_retry_wait(void)
{
	if (!fatal_signal_pending(current))
		schedule_timeout_uninterruptible(1);
}
#else
static unsigned int __gfp_pfmemalloc_flags(gfp_t gfp)
{
	return (gfp & __GFP_MEMALLOC) && !(gfp & __GFP_NOMEMALLOC) ? ALLOC_NO_WATERMARKS : 0;
}

static bool current_is_oom_victim(void)
{
	return false;
}

static struct page *__alloc_pages_may_oom(gfp_t gfp, unsigned int order, int *did_some_progress)
{
	*did_some_progress = 0;
	return NULL;
}

static void oom_retry_wait(void)
{
}

#define jiffies 0UL
#define time_after(a, b) false
#define HZ 250
#endif

/*
 * How long one allocation keeps retrying while the OOM killer reports
 * progress (a victim dying) before it fails anyway. Linux retries for as
 * long as there is progress; the reaper bounds how long a victim can hold
 * its memory (about 3 s), so this is only a backstop against a victim
 * that never lets go.
 */
#define OOM_RETRY_TIMEOUT (20 * HZ)

/*
 * Linux: __alloc_pages_slowpath(), without kswapd, reclaim and compaction:
 * min watermark, drain the pcp lists, then the OOM killer and retry.
 */
static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	bool can_direct_reclaim = gfp & __GFP_DIRECT_RECLAIM;
	bool costly_order = order > PAGE_ALLOC_COSTLY_ORDER;
	unsigned long oom_deadline = 0;
	unsigned int alloc_flags, reserve_flags;
	int did_some_progress;
	struct page *page;

retry:
	alloc_flags = gfp_to_alloc_flags(gfp);
	/* Dig to min (less for __GFP_HIGH, less again if it cannot sleep). */
	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
	/* The caller cannot sleep: it cannot wait for anything to be freed. */
	if (!can_direct_reclaim)
		goto nopage;
	/* An OOM victim (or __GFP_MEMALLOC) may use the reserves. */
	reserve_flags = __gfp_pfmemalloc_flags(gfp);
	if (reserve_flags)
		alloc_flags = reserve_flags;
	page = __alloc_pages_direct_reclaim(gfp, order, alloc_flags);
	if (page)
		return page;
	/* Do not loop (nor kill) if asked not to; the killer does not help big blocks. */
	if (gfp & __GFP_NORETRY)
		goto nopage;
	if (costly_order && !(gfp & __GFP_RETRY_MAYFAIL))
		goto nopage;

	page = __alloc_pages_may_oom(gfp, order, &did_some_progress);
	if (page)
		return page;
	/* A victim that has had the reserves gives up rather than loop. */
	if (current_is_oom_victim() && ((alloc_flags & ALLOC_OOM) || (gfp & __GFP_NOMEMALLOC)))
		goto nopage;
	if (did_some_progress) {
		if (!oom_deadline)
			oom_deadline = jiffies + OOM_RETRY_TIMEOUT;
		else if (time_after(jiffies, oom_deadline) && !(gfp & __GFP_NOFAIL))
			goto nopage;
		oom_retry_wait();
		goto retry;
	}
nopage:
	/* __GFP_NOFAIL: keep trying, with some of the reserve (Linux). */
	if ((gfp & __GFP_NOFAIL) && can_direct_reclaim) {
		page = get_page_from_freelist(gfp, order, ALLOC_WMARK_MIN | ALLOC_MIN_RESERVE);
		if (page)
			return page;
		oom_retry_wait();
		goto retry;
	}
	if (!(gfp & __GFP_NOWARN))
		pr_warn("%s: page allocation failure: order:%u, mode:%#x\n", current_comm(), order,
			gfp);
	return NULL;
}

/* A request that may sleep must come from where sleeping is allowed (Linux: might_alloc). */
static inline void might_alloc(gfp_t gfp)
{
	if (gfpflags_allow_blocking(gfp))
		might_sleep();
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	might_alloc(gfp);
	if (order > MAX_PAGE_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			WARN_ON_ONCE(order > MAX_PAGE_ORDER);
		return NULL;
	}
	/* Fast path: stay above the low watermark. */
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW);
	if (page)
		return page;
	return __alloc_pages_slowpath(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing ------------------------------------------------------------------------ */

/* Checks before a block goes back; false means "bad, leave it" (Linux: free_pages_prepare). */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	if (PageHead(page) && !free_tail_pages_check(page, order))
		return false;
	if (page->flags & PAGE_FLAGS_CHECK_AT_FREE) {
		bad_page(page, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
		return false;
	}
	if (page_mapcount(page)) {
		bad_page(page, "nonzero mapcount");
		return false;
	}
	if (page->mapping) {
		bad_page(page, "non-NULL mapping");
		return false;
	}
	set_page_alloc_order(page, 0);
	page->private = 0;
	return true;
}

static void free_one_page(struct zone *zone, struct page *page, unsigned long pfn,
			  unsigned int order, int mt)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, pfn, zone, order, mt);
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void free_unref_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone = page_zone(page);
	int mt;

	if (!free_pages_prepare(page, order))
		return;
	mt = get_pageblock_migratetype(zone, pfn);
	if (order > PAGE_ALLOC_COSTLY_ORDER)
		free_one_page(zone, page, pfn, order, mt);
	else
		free_unref_page_commit(zone, page, order, mt);
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned int alloc_order;

	if (!page || !pfn_valid(page_to_pfn(page))) {
		pr_err("__free_pages: not a page of this machine: %p\n", (void *)page);
		return;
	}
	if (page_ref_count(page) <= 0) {
		bad_page(page, "freeing a page that is already free (refcount 0)");
		return;
	}
	alloc_order = page_alloc_order(page);
	if (order > MAX_PAGE_ORDER || alloc_order != order + 1) {
		static char why[80];

		if (!alloc_order)
			snprintf(why, sizeof(why), "freed with order %u: not the head of an allocation",
				 order);
		else
			snprintf(why, sizeof(why), "freed with order %u, allocated with order %u",
				 order, alloc_order - 1);
		bad_page(page, why);
		return;
	}
	if (put_page_testzero(page)) {
		count_vm_events(PGFREE, 1L << order);
		free_unref_page(page, order);
	}
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/* Pages coming from memblock at boot: straight into the buddy (Linux: __free_pages_core). */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order, pfn = page_to_pfn(page);
	struct zone *zone = page_zone(page);

	for (unsigned long i = 0; i < nr; i++) {
		__ClearPageReserved(page + i);
		set_page_count(page + i, 0);
	}
	zone->managed_pages += nr;
	totalram_pages_count += nr;
	free_one_page(zone, page, pfn, order, get_pageblock_migratetype(zone, pfn));
}

unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_populated_zone(zone)
		sum += zone_page_state(zone, NR_FREE_PAGES);
	return sum;
}
