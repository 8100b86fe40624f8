// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/page_alloc.c, the buddy allocator with per-CPU
 * page lists, brought up on a malloc'd "RAM" through the kernel's own path
 * (memblock -> free_area_init -> mm_core_init -> memblock_free_all; see
 * tests/host/include/mm_test_helpers.h). mm_core_init() ends, as in
 * Linux, with kmem_cache_init(), whose boot caches keep a few ZONE_NORMAL
 * pages: so "the state after bring-up" (boot_free[], the pcp lists
 * drained) is what every case returns to, and the cases that need a
 * zone nobody has touched use ZONE_DMA or ZONE_DMA32.
 *
 * Linux has no unit tests of its buddy allocator; the closest are the
 * checks CONFIG_DEBUG_VM and DEBUG_PAGEALLOC make as it runs, and
 * /proc/buddyinfo and /proc/zoneinfo, which these tests read the way a
 * kernel developer does. Covered:
 *
 *  - every order 0..MAX_PAGE_ORDER from every zone: natural alignment,
 *    the right zone, and the free lists back to the same state afterwards;
 *  - expand() and __free_one_page(): the blocks a split leaves, and the
 *    merge back;
 *  - exhausting the zones: where GFP_KERNEL and GFP_ATOMIC stop against
 *    the watermarks, and everything back after freeing;
 *  - zone limits and the NORMAL -> DMA32 -> DMA fallback;
 *  - lowmem_reserve (setup_per_zone_lowmem_reserve with Linux's ratios)
 *    and zone_watermark_ok() keeping it back from requests that could
 *    use a higher zone;
 *  - the slow path: only a request that may sleep drains other CPUs' pcp
 *    lists (and checks might_sleep()); GFP_ATOMIC fails without it;
 *  - MEMBLOCK_NOMAP memory never reaching the buddy;
 *  - zone_watermark_ok(), and an order > 0 request failing in a zone with
 *    enough free pages but no block big enough;
 *  - the per-CPU lists: refill by batch (rmqueue_bulk, nr_pcp_alloc),
 *    give back past high (free_pcppages_bulk), draining, one set per CPU;
 *  - migratetypes: each kind served from its own lists, fallback
 *    claiming whole pageblocks (__rmqueue_fallback);
 *  - bad input: order > MAX_PAGE_ORDER, double free, wrong order, a tail
 *    page, a reserved page ("BUG: Bad page state", as bad_page() says);
 *  - __GFP_ZERO; __GFP_COMP (tails point at the head, checked on free);
 *  - a randomised run against a reference model (the seed is printed;
 *    BUDDY_SEED=<seed> replays it, BUDDY_OPS=<n> changes its length).
 *
 * check_free_lists() verifies the buddy's invariants after the cases: each
 * free block is a PageBuddy head of its order, naturally aligned, inside
 * its zone, on the list of its pageblock's migratetype, not mergeable with
 * its buddy, and nr_free and NR_FREE_PAGES agree with the lists; pcp pages
 * are counted in pcp->count; no page is in two places.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <mm_test_helpers.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/math.h>

#define NR_TEST_CPUS 2

/* A PC's three zones, scaled: DMA 8 MiB, DMA32 24 MiB, NORMAL the rest. */
#define DMA_PAGES 2048UL
#define DMA32_PAGES 6144UL
#define RESERVED_REL_PFN (DMA_PAGES + 1000)	/* two reserved pages in DMA32 */
#define RESERVED_PAGES 2UL

static const struct mm_test_layout layout_64m = {
	.ram_size = 64UL << 20,
	.dma_pages = DMA_PAGES,
	.dma32_pages = DMA32_PAGES,
	.nr_cpus = NR_TEST_CPUS,
	.reserve_pfn = RESERVED_REL_PFN,
	.reserve_pages = RESERVED_PAGES,
};

/* Big enough that ZONE_NORMAL gets a pcp batch > 1 (zone_batchsize()). */
static const struct mm_test_layout layout_256m = {
	.ram_size = 256UL << 20,
	.dma_pages = DMA_PAGES,
	.dma32_pages = DMA32_PAGES,
	.nr_cpus = NR_TEST_CPUS,
	.reserve_pfn = RESERVED_REL_PFN,
	.reserve_pages = RESERVED_PAGES,
};

/* Free pages of each zone after bring-up, pcp lists drained. */
static long boot_free[MAX_NR_ZONES];

static struct zone *zone_of(int idx)
{
	return &contig_page_data.node_zones[idx];
}

static unsigned long base_pfn(void)
{
	return mm_test_base_pfn();
}

static long zone_free(int idx)
{
	return zone_page_state(zone_of(idx), NR_FREE_PAGES);
}

static int pcp_count(int zi, int cpu)
{
	return mm_test_pcp(zone_of(zi), cpu)->count;
}

static long pcp_pages_all(void)
{
	long n = 0;

	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		for (int cpu = 0; cpu < (int)nr_cpu_ids; cpu++)
			n += pcp_count(zi, cpu);
	return n;
}

static long free_pages_all(void)
{
	long n = 0;

	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		n += zone_free(zi);
	return n;
}

static int pageblock_mt(unsigned long pfn)
{
	struct zone *zone = page_zone(pfn_to_page(pfn));

	return zone->pageblock_flags[(pfn >> pageblock_order) -
				     (zone->zone_start_pfn >> pageblock_order)];
}

static int order_to_pindex(int mt, unsigned int order)
{
	return MIGRATE_PCPTYPES * order + mt;
}

/*
 * How many blocks an empty pcp list takes from the buddy at once (Linux:
 * nr_pcp_alloc(), without its alloc_factor scaling): one while the lists
 * are off (high < batch), otherwise batch, fewer for higher orders.
 */
static int pcp_refill(const struct per_cpu_pages *pcp, unsigned int order)
{
	if (pcp->high < pcp->batch)
		return 1;
	if (pcp->batch > 1)
		return max(pcp->batch >> order, 2);
	return pcp->batch;
}

/* Linux: gfp_to_alloc_flags(), the slow path's watermark and reserves. */
static unsigned int slow_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_MIN_RESERVE;
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		alloc_flags |= ALLOC_NON_BLOCK;
	return alloc_flags;
}

/* The mark zone_watermark_ok() really compares against (Linux's reserves). */
static long effective_mark(long mark, unsigned int alloc_flags)
{
	if (alloc_flags & ALLOC_MIN_RESERVE) {
		mark -= mark / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			mark -= mark / 4;
	}
	return mark;
}

/* ---- the state of the free lists ---------------------------------------- */

struct snapshot {
	unsigned long nr_free[MAX_NR_ZONES][NR_PAGE_ORDERS];
	unsigned long nr_list[MAX_NR_ZONES][NR_PAGE_ORDERS][MIGRATE_TYPES];
	long free_pages[MAX_NR_ZONES];
	int pcp[MAX_NR_ZONES][NR_TEST_CPUS];
	unsigned char *heads;		/* per pfn: 0, or (order + 1) | mt << 4 */
};

/*
 * Buffers of one case, freed by its teardown even when an assertion
 * longjmp()s out of the case (so LeakSanitizer stays quiet).
 */
static void *scratch[16];

static void *scratch_calloc(size_t size)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(scratch); i++) {
		if (!scratch[i]) {
			scratch[i] = calloc(size, 1);
			assert_non_null(scratch[i]);
			return scratch[i];
		}
	}
	fail_msg("out of scratch buffers");
	return NULL;
}

static void scratch_free(void *p)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(scratch); i++) {
		if (scratch[i] == p) {
			free(p);
			scratch[i] = NULL;
			return;
		}
	}
}

static void scratch_free_all(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(scratch); i++) {
		free(scratch[i]);
		scratch[i] = NULL;
	}
}

static void take_snapshot(struct snapshot *s)
{
	memset(s, 0, sizeof(*s));
	s->heads = scratch_calloc(max_mapnr);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct zone *zone = zone_of(zi);

		s->free_pages[zi] = zone_free(zi);
		for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++)
			s->pcp[zi][cpu] = pcp_count(zi, cpu);
		if (!populated_zone(zone))
			continue;
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			s->nr_free[zi][o] = zone->free_area[o].nr_free;
			for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
				struct page *page;

				list_for_each_entry(page, &zone->free_area[o].free_list[mt],
						    buddy_list) {
					s->heads[page_to_pfn(page) - base_pfn()] = (o + 1) | mt << 4;
					s->nr_list[zi][o][mt]++;
				}
			}
		}
	}
}

static void free_snapshot(struct snapshot *s)
{
	scratch_free(s->heads);
	s->heads = NULL;
}

/*
 * The same free blocks (pfn and order) in the same zones, the same
 * nr_free, NR_FREE_PAGES and pcp counts; with_mt: on the same
 * migratetype lists too.
 */
static void assert_same_free_lists(const struct snapshot *a, const struct snapshot *b,
				   bool with_mt)
{
	unsigned char mask = with_mt ? 0xff : 0x0f;

	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		if (a->free_pages[zi] != b->free_pages[zi])
			print_message("zone %d: NR_FREE_PAGES %ld vs %ld\n", zi,
				      a->free_pages[zi], b->free_pages[zi]);
		assert_int_equal(a->free_pages[zi], b->free_pages[zi]);
		for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++)
			assert_int_equal(a->pcp[zi][cpu], b->pcp[zi][cpu]);
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			if (a->nr_free[zi][o] != b->nr_free[zi][o])
				print_message("zone %d order %u: nr_free %lu vs %lu\n", zi, o,
					      a->nr_free[zi][o], b->nr_free[zi][o]);
			assert_int_equal(a->nr_free[zi][o], b->nr_free[zi][o]);
			for (int mt = 0; with_mt && mt < MIGRATE_TYPES; mt++) {
				if (a->nr_list[zi][o][mt] != b->nr_list[zi][o][mt])
					print_message("zone %d order %u %s: %lu vs %lu blocks\n",
						      zi, o, migratetype_names[mt],
						      a->nr_list[zi][o][mt], b->nr_list[zi][o][mt]);
				assert_int_equal(a->nr_list[zi][o][mt], b->nr_list[zi][o][mt]);
			}
		}
	}
	for (unsigned long i = 0; i < max_mapnr; i++) {
		if ((a->heads[i] & mask) != (b->heads[i] & mask))
			print_message("pfn %#lx: free block %#x vs %#x\n", base_pfn() + i,
				      a->heads[i], b->heads[i]);
		assert_int_equal(a->heads[i] & mask, b->heads[i] & mask);
	}
}

/*
 * The buddy's invariants, walked from the lists (what CONFIG_DEBUG_VM's
 * checks and /proc/buddyinfo would show).
 */
static void check_free_lists(void)
{
	unsigned char *seen = scratch_calloc(max_mapnr);
	long total_free = 0;

	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct zone *zone = zone_of(zi);
		long free = 0;

		if (!populated_zone(zone))
			continue;
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
			unsigned long n = 0;

			for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
				struct page *page;

				list_for_each_entry(page, &zone->free_area[o].free_list[mt],
						    buddy_list) {
					unsigned long pfn = page_to_pfn(page);

					assert_true(pfn_valid(pfn));
					assert_true(zone_spans_pfn(zone, pfn));
					assert_true(zone_spans_pfn(zone, pfn + (1UL << o) - 1));
					assert_true(IS_ALIGNED(pfn, 1UL << o));
					assert_true(PageBuddy(page));
					assert_false(PageReserved(page));
					assert_int_equal(buddy_order(page), o);
					assert_int_equal(page_zonenum(page), zi);
					assert_int_equal(page_ref_count(page), 0);
					/* On the list of its pageblock's type. */
					assert_int_equal(pageblock_mt(pfn), mt);
					for (unsigned long i = 0; i < (1UL << o); i++) {
						assert_int_equal(seen[pfn - base_pfn() + i], 0);
						seen[pfn - base_pfn() + i] = 1;
					}
					/* Fully merged: the buddy is not free at this order. */
					if (o < MAX_PAGE_ORDER) {
						unsigned long bp = pfn ^ (1UL << o);

						if (zone_spans_pfn(zone, bp)) {
							struct page *buddy = pfn_to_page(bp);

							assert_false(PageBuddy(buddy) &&
								     buddy_order(buddy) == o);
						}
					}
					n++;
					free += 1L << o;
				}
			}
			assert_int_equal(n, zone->free_area[o].nr_free);
		}
		assert_int_equal(free, zone_free(zi));
		total_free += free;

		for (int cpu = 0; cpu < (int)nr_cpu_ids; cpu++) {
			struct per_cpu_pages *pcp = mm_test_pcp(zone, cpu);
			long pages = 0;

			for (int i = 0; i < NR_PCP_LISTS; i++) {
				unsigned int o = i / MIGRATE_PCPTYPES;
				struct page *page;

				list_for_each_entry(page, &pcp->lists[i], pcp_list) {
					unsigned long pfn = page_to_pfn(page);

					assert_true(zone_spans_pfn(zone, pfn));
					assert_true(IS_ALIGNED(pfn, 1UL << o));
					assert_false(PageBuddy(page));
					assert_int_equal(page_ref_count(page), 0);
					for (unsigned long j = 0; j < (1UL << o); j++) {
						assert_int_equal(seen[pfn - base_pfn() + j], 0);
						seen[pfn - base_pfn() + j] = 2;
					}
					pages += 1L << o;
				}
			}
			assert_int_equal(pages, pcp->count);
		}
	}
	assert_int_equal(total_free, (long)nr_free_pages());
	scratch_free(seen);
}

/* ---- set-up ------------------------------------------------------------- */

static int setup(const struct mm_test_layout *layout)
{
	mm_test_bringup(layout);
	/* The slab's boot caches came through this CPU's pcp lists. */
	drain_all_pages(NULL);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		boot_free[zi] = zone_free(zi);
	printk_log_reset();
	return 0;
}

static int setup_64m(void **state)
{
	return setup(&layout_64m);
}

static int setup_256m(void **state)
{
	return setup(&layout_256m);
}

static long boot_free_all(void)
{
	return boot_free[ZONE_DMA] + boot_free[ZONE_DMA32] + boot_free[ZONE_NORMAL];
}

/* Cases that feed no bad input must leave no "Bad page state" behind. */
static int teardown_clean(void **state)
{
	host_cpu = 0;
	scratch_free_all();
	if (nr_bad_pages || printk_log_contains("Bad page state")) {
		print_message("unexpected bad page reports:\n%s", printk_log);
		return -1;
	}
	return 0;
}

static int teardown_any(void **state)
{
	host_cpu = 0;
	scratch_free_all();
	return 0;
}

/* ---- the bring-up itself ------------------------------------------------ */

static void bringup_zones_check(void **state)
{
	unsigned long managed = 0;

	/* The zones the layout asked for, with their pages. */
	assert_int_equal(zone_of(ZONE_DMA)->zone_start_pfn, base_pfn());
	assert_int_equal(zone_of(ZONE_DMA)->spanned_pages, DMA_PAGES);
	assert_int_equal(zone_of(ZONE_DMA32)->zone_start_pfn, base_pfn() + DMA_PAGES);
	assert_int_equal(zone_of(ZONE_DMA32)->spanned_pages, DMA32_PAGES);
	assert_int_equal(zone_of(ZONE_NORMAL)->zone_start_pfn,
			 base_pfn() + DMA_PAGES + DMA32_PAGES);
	assert_int_equal(zone_end_pfn(zone_of(ZONE_NORMAL)), base_pfn() + max_mapnr);
	/* Nothing reserved in DMA; the two reserved pages in DMA32. */
	assert_int_equal(zone_managed_pages(zone_of(ZONE_DMA)), DMA_PAGES);
	assert_int_equal(zone_managed_pages(zone_of(ZONE_DMA32)), DMA32_PAGES - RESERVED_PAGES);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct zone *zone = zone_of(zi);

		managed += zone_managed_pages(zone);
		/* The slab's boot caches hold a few NORMAL pages, no more. */
		if (zi == ZONE_NORMAL) {
			assert_true(zone_free(zi) <= (long)zone_managed_pages(zone));
			assert_true(zone_free(zi) >= (long)zone_managed_pages(zone) - 64);
		} else {
			assert_int_equal(zone_free(zi), zone_managed_pages(zone));
		}
		assert_true(min_wmark_pages(zone) > 0);
		assert_true(min_wmark_pages(zone) < low_wmark_pages(zone));
		assert_true(low_wmark_pages(zone) < high_wmark_pages(zone));
		assert_int_equal(pcp_count(zi, 0), 0);
		assert_int_equal(pcp_count(zi, 1), 0);
	}
	assert_int_equal(managed, totalram_pages_count);
	assert_int_equal(boot_free_all(), nr_free_pages());
	/* mem_map came from memblock, so it lives in our RAM, reserved. */
	assert_true(pfn_valid(virt_to_pfn(mem_map)));
	assert_true(PageReserved(virt_to_page(mem_map)));
	assert_true(PageReserved(pfn_to_page(base_pfn() + RESERVED_REL_PFN)));
	assert_true(PageReserved(pfn_to_page(base_pfn() + RESERVED_REL_PFN + 1)));
	/* Pristine DMA: its 2048 pages are two order-10 movable blocks. */
	assert_int_equal(zone_of(ZONE_DMA)->free_area[MAX_PAGE_ORDER].nr_free, 2);
	assert_int_equal(list_count_nodes(&zone_of(ZONE_DMA)->free_area[MAX_PAGE_ORDER]
						   .free_list[MIGRATE_MOVABLE]), 2);
	check_free_lists();
}

/* ---- every order -------------------------------------------------------- */

static const struct {
	gfp_t gfp;
	int zone;
	bool movable;
} order_cases[] = {
	{ GFP_KERNEL, ZONE_NORMAL, false },
	{ GFP_HIGHUSER_MOVABLE, ZONE_NORMAL, true },
	{ GFP_KERNEL | GFP_DMA32, ZONE_DMA32, false },
	{ GFP_KERNEL | GFP_DMA32 | __GFP_MOVABLE, ZONE_DMA32, true },
	{ GFP_KERNEL | GFP_DMA, ZONE_DMA, false },
	{ GFP_KERNEL | GFP_DMA | __GFP_MOVABLE, ZONE_DMA, true },
};

static void every_order_alloc_free_check(void **state)
{
	for (unsigned int c = 0; c < ARRAY_SIZE(order_cases); c++) {
		for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
			gfp_t gfp = order_cases[c].gfp;
			struct snapshot before, after;
			struct page *page;
			unsigned long pfn;
			char *p;

			take_snapshot(&before);
			page = alloc_pages(gfp, order);
			if (!page)
				print_message("gfp %#x order %u failed\n", gfp, order);
			assert_non_null(page);
			pfn = page_to_pfn(page);
			assert_true(IS_ALIGNED(pfn, 1UL << order));
			assert_int_equal(page_zonenum(page), order_cases[c].zone);
			assert_true(zone_spans_pfn(zone_of(order_cases[c].zone), pfn));
			assert_true(zone_spans_pfn(zone_of(order_cases[c].zone),
						   pfn + (1UL << order) - 1));
			assert_int_equal(page_ref_count(page), 1);
			assert_false(PageBuddy(page));
			assert_false(PageReserved(page));
			/* The pages are gone from the free counts (buddy + pcp). */
			assert_int_equal(free_pages_all() + pcp_pages_all(),
					 before.free_pages[0] + before.free_pages[1] +
					 before.free_pages[2] - (1L << order));
			/* And they are real memory: ASan would catch a stray block. */
			p = page_address(page);
			memset(p, 0x5a, PAGE_SIZE << order);
			assert_ptr_equal(virt_to_page(p), page);

			__free_pages(page, order);
			drain_all_pages(NULL);
			take_snapshot(&after);
			/*
			 * An unmovable request from pristine (movable) memory
			 * claims its pageblocks for good, as in Linux; so only
			 * a movable one must leave the same per-type lists.
			 */
			assert_same_free_lists(&before, &after, order_cases[c].movable);
			free_snapshot(&before);
			free_snapshot(&after);
		}
	}
	check_free_lists();
}

/* __get_free_pages / free_pages / get_zeroed_page: the address forms. */
static void address_api_check(void **state)
{
	long free_before = free_pages_all();
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);

	assert_true(addr != 0);
	assert_true(IS_ALIGNED(addr, PAGE_SIZE << 2));
	assert_ptr_equal(page_address(virt_to_page((void *)addr)), (void *)addr);
	free_pages(addr, 2);
	free_pages(0, 3);	/* NULL is a no-op, as in Linux */
	drain_all_pages(NULL);
	assert_int_equal(free_pages_all(), free_before);
	addr = __get_free_page(GFP_KERNEL);
	assert_true(addr != 0);
	free_page(addr);
	drain_all_pages(NULL);
	assert_int_equal(free_pages_all(), free_before);
	check_free_lists();
}

/* ---- splitting and merging ---------------------------------------------- */

/* The block at pfn is a free buddy block of this order on this type's list. */
static void assert_free_block(unsigned long pfn, unsigned int order, int mt)
{
	struct page *page = pfn_to_page(pfn), *p;
	struct zone *zone = page_zone(page);
	bool found = false;

	assert_true(PageBuddy(page));
	assert_int_equal(buddy_order(page), order);
	list_for_each_entry(p, &zone->free_area[order].free_list[mt], buddy_list)
		found |= p == page;
	assert_true(found);
}

/*
 * One order-0 page from a zone whose unmovable lists are empty (DMA32:
 * the slab took its boot pages from NORMAL): the fallback takes a whole
 * order-10 block, and expand() leaves one block of each order 0..9
 * behind it, at pfn + 2^order. Freeing merges them back.
 */
static void split_merge_order0_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA32);
	struct snapshot before, after;
	struct page *page;
	unsigned long pfn;

	take_snapshot(&before);
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		if (mt != MIGRATE_MOVABLE)
			for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
				assert_int_equal(before.nr_list[ZONE_DMA32][o][mt], 0);

	page = alloc_pages(GFP_DMA32, 0);
	assert_non_null(page);
	pfn = page_to_pfn(page);
	assert_int_equal(page_zonenum(page), ZONE_DMA32);
	assert_true(IS_ALIGNED(pfn, MAX_ORDER_NR_PAGES));
	/* This 64 MiB machine's pcp batch is 1: exactly one page left the buddy. */
	assert_int_equal(mm_test_pcp(zone, 0)->batch, 1);
	assert_int_equal(pcp_count(ZONE_DMA32, 0), 0);
	assert_int_equal(zone_free(ZONE_DMA32), before.free_pages[ZONE_DMA32] - 1);

	assert_int_equal(zone->free_area[MAX_PAGE_ORDER].nr_free,
			 before.nr_free[ZONE_DMA32][MAX_PAGE_ORDER] - 1);
	for (unsigned int o = 0; o < MAX_PAGE_ORDER; o++) {
		assert_int_equal(zone->free_area[o].nr_free, before.nr_free[ZONE_DMA32][o] + 1);
		assert_free_block(pfn + (1UL << o), o, MIGRATE_UNMOVABLE);
	}
	/* The stolen block's two pageblocks are now unmovable. */
	assert_int_equal(pageblock_mt(pfn), MIGRATE_UNMOVABLE);
	assert_int_equal(pageblock_mt(pfn + pageblock_nr_pages), MIGRATE_UNMOVABLE);
	check_free_lists();

	__free_pages(page, 0);
	drain_all_pages(NULL);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	assert_free_block(pfn, MAX_PAGE_ORDER, MIGRATE_UNMOVABLE);
	free_snapshot(&before);
	free_snapshot(&after);
	check_free_lists();
}

/*
 * An order-4 block (above PAGE_ALLOC_COSTLY_ORDER, so no pcp list) from a
 * movable pristine DMA zone: the smallest block that fits is order 10,
 * split into one block each of orders 4..9; freeing merges straight back,
 * no drain needed.
 */
static void split_merge_order4_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA);
	struct snapshot before, after;
	struct page *page;
	unsigned long pfn;

	take_snapshot(&before);
	page = alloc_pages(GFP_DMA | __GFP_MOVABLE, 4);
	assert_non_null(page);
	pfn = page_to_pfn(page);
	assert_true(IS_ALIGNED(pfn, MAX_ORDER_NR_PAGES));
	assert_int_equal(zone->free_area[MAX_PAGE_ORDER].nr_free, 1);
	for (unsigned int o = 0; o < 4; o++)
		assert_int_equal(zone->free_area[o].nr_free, 0);
	for (unsigned int o = 4; o < MAX_PAGE_ORDER; o++) {
		assert_int_equal(zone->free_area[o].nr_free, 1);
		assert_free_block(pfn + (1UL << o), o, MIGRATE_MOVABLE);
	}
	assert_int_equal(zone_free(ZONE_DMA), DMA_PAGES - 16);
	check_free_lists();

	__free_pages(page, 4);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, true);
	free_snapshot(&before);
	free_snapshot(&after);
}

/*
 * Buddies merge only within a zone (page_is_buddy()'s zone check). With
 * the PC's zone limits every boundary is MAX_ORDER-aligned, so no buddy
 * pair ever straddles one; this machine puts the DMA/DMA32 boundary at
 * 6 MiB instead, and keeps [6 MiB, 8 MiB) reserved until after boot:
 * DMA ends in a free order-9 block at 4 MiB. Releasing the reserved
 * range late (Linux: memblock_free_late() -> __free_pages_core()) frees
 * an order-9 block at 6 MiB, in DMA32, whose buddy is that DMA block:
 * same order, free, but another zone, so they must stay apart.
 */
#define UNALIGNED_DMA_PAGES 1536UL

static const struct mm_test_layout layout_unaligned = {
	.ram_size = 64UL << 20,
	.dma_pages = UNALIGNED_DMA_PAGES,
	.dma32_pages = DMA_PAGES + DMA32_PAGES - UNALIGNED_DMA_PAGES,
	.nr_cpus = NR_TEST_CPUS,
	.reserve_pfn = UNALIGNED_DMA_PAGES,
	.reserve_pages = DMA_PAGES - UNALIGNED_DMA_PAGES,
};

static int setup_unaligned(void **state)
{
	return setup(&layout_unaligned);
}

static void merge_stops_at_zone_boundary_check(void **state)
{
	unsigned long low = base_pfn() + MAX_ORDER_NR_PAGES;
	unsigned long high = base_pfn() + UNALIGNED_DMA_PAGES;
	struct zone *dma = zone_of(ZONE_DMA), *dma32 = zone_of(ZONE_DMA32);
	unsigned long dma32_managed = zone_managed_pages(dma32);

	assert_int_equal(zone_end_pfn(dma), high);
	assert_int_equal(high ^ low, 1UL << 9);	/* buddies at order 9 */
	assert_free_block(low, 9, MIGRATE_MOVABLE);
	assert_int_equal(page_zonenum(pfn_to_page(high)), ZONE_DMA32);
	assert_true(PageReserved(pfn_to_page(high)));

	__free_pages_core(pfn_to_page(high), 9);
	assert_free_block(low, 9, MIGRATE_MOVABLE);
	assert_free_block(high, 9, MIGRATE_MOVABLE);
	assert_int_equal(page_zone(pfn_to_page(high)), dma32);
	assert_int_equal(zone_managed_pages(dma32), dma32_managed + 512);
	assert_int_equal(zone_free(ZONE_DMA32), boot_free[ZONE_DMA32] + 512);
	assert_int_equal(zone_free(ZONE_DMA), boot_free[ZONE_DMA]);
	check_free_lists();

	/* Both halves still serve their own zones' requests. */
	{
		struct page *a = alloc_pages(GFP_DMA, 9), *b = alloc_pages(GFP_DMA32, 9);

		assert_non_null(a);
		assert_non_null(b);
		assert_int_equal(page_zonenum(a), ZONE_DMA);
		assert_int_equal(page_zonenum(b), ZONE_DMA32);
		__free_pages(a, 9);
		__free_pages(b, 9);
	}
	check_free_lists();
}

/* ---- exhausting the zones ----------------------------------------------- */

static struct page *held[1UL << 16];

/* Allocate (order, gfp) until NULL; returns how many blocks were obtained. */
static unsigned long exhaust(gfp_t gfp, unsigned int order, unsigned long first)
{
	unsigned long n = first;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		assert_true(n < ARRAY_SIZE(held));
		assert_true(page_zonenum(page) <= gfp_zone(gfp));
		held[n++] = page;
	}
	return n - first;
}

static void free_held(unsigned long n, unsigned int order)
{
	for (unsigned long i = 0; i < n; i++)
		__free_pages(held[i], order);
	drain_all_pages(NULL);
}

/*
 * Allocating until NULL stops exactly where the watermarks say: a
 * GFP_KERNEL request leaves each zone at its min mark plus what the zone
 * keeps back from requests that could use NORMAL (lowmem_reserve; the
 * last refill could take a zone below it by less than one batch);
 * GFP_ATOMIC then digs on to its reserve (min - min/2 - a quarter of
 * that, plus the same protection). Freeing everything gives back the
 * same blocks.
 */
static void exhaust_watermarks_check(void **state)
{
	long initial = free_pages_all(), atomic_mark[MAX_NR_ZONES];
	unsigned long nk, na, expect_k = 0, expect_a = 0;
	struct snapshot before, after;

	take_snapshot(&before);
	nk = exhaust(GFP_KERNEL, 0, 0);
	/* The allocator's last resort drained the pcp lists. */
	assert_int_equal(pcp_pages_all(), 0);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct zone *zone = zone_of(zi);
		long min = min_wmark_pages(zone), protect = zone->lowmem_reserve[ZONE_NORMAL];
		int refill = pcp_refill(mm_test_pcp(zone, 0), 0);

		print_message("zone %-6s managed %5lu min %3ld low %3ld high %3ld protect %3ld "
			      "batch %d: GFP_KERNEL stopped at %ld free\n", zone->name,
			      zone_managed_pages(zone), min, (long)low_wmark_pages(zone),
			      (long)high_wmark_pages(zone), protect, mm_test_pcp(zone, 0)->batch,
			      zone_free(zi));
		assert_true(zone_free(zi) <= min + protect);
		assert_true(zone_free(zi) > min + protect - refill);
		assert_false(zone_watermark_ok(zone, 0, min, ZONE_NORMAL, 0));
		expect_k += boot_free[zi] - min - protect;
		atomic_mark[zi] = effective_mark(min, slow_alloc_flags(GFP_ATOMIC)) + protect;
		expect_a += min + protect - atomic_mark[zi];
	}
	/* batch is 1 on this machine: exactly (free at boot) - min from each zone. */
	assert_int_equal(nk, expect_k);
	assert_int_equal(initial - free_pages_all(), nk);

	na = exhaust(GFP_ATOMIC, 0, nk);
	assert_true(na > 0);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		assert_true(zone_free(zi) <= atomic_mark[zi]);
		assert_false(zone_watermark_ok(zone_of(zi), 0, min_wmark_pages(zone_of(zi)),
					       ZONE_NORMAL, slow_alloc_flags(GFP_ATOMIC)));
	}
	assert_int_equal(na, expect_a);
	/* Nothing left to give anyone: both kinds fail now. */
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	assert_null(alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0));
	/* Without __GFP_NOWARN a failure says so, as warn_alloc() does. */
	printk_log_reset();
	assert_null(alloc_pages(GFP_KERNEL, 0));
	assert_true(printk_log_contains("page allocation failure: order:0"));

	free_held(nk + na, 0);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	assert_int_equal(free_pages_all(), initial);
	free_snapshot(&before);
	free_snapshot(&after);
	check_free_lists();
}

/*
 * The same with movable pages. They come from movable pageblocks; only
 * once a zone's movable lists are empty may they take free pages of
 * other types (the ones the slab's boot caches left in NORMAL), so no
 * more pages than those can come from pageblocks that were not movable.
 */
static void exhaust_movable_check(void **state)
{
	long other[MAX_NR_ZONES] = { 0 }, stolen[MAX_NR_ZONES] = { 0 };
	unsigned char *boot_mt = scratch_calloc(max_mapnr);
	struct snapshot before, after;
	unsigned long n, expect = 0;

	take_snapshot(&before);
	for (unsigned long i = 0; i < max_mapnr; i++)
		if (zone_spans_pfn(page_zone(pfn_to_page(base_pfn() + i)), base_pfn() + i))
			boot_mt[i] = pageblock_mt(base_pfn() + i);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
			for (int mt = 0; mt < MIGRATE_TYPES; mt++)
				if (mt != MIGRATE_MOVABLE)
					other[zi] += before.nr_list[zi][o][mt] << o;
	assert_int_equal(other[ZONE_DMA], 0);
	assert_int_equal(other[ZONE_DMA32], 0);

	n = exhaust(GFP_HIGHUSER_MOVABLE, 0, 0);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		long floor = min_wmark_pages(zone_of(zi)) + zone_of(zi)->lowmem_reserve[ZONE_NORMAL];

		assert_int_equal(zone_free(zi), floor);
		expect += boot_free[zi] - floor;
	}
	assert_int_equal(n, expect);
	for (unsigned long i = 0; i < n; i++)
		if (boot_mt[page_to_pfn(held[i]) - base_pfn()] != MIGRATE_MOVABLE)
			stolen[page_zonenum(held[i])]++;
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		assert_true(stolen[zi] <= other[zi]);
	check_free_lists();
	free_held(n, 0);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	free_snapshot(&before);
	free_snapshot(&after);
	scratch_free(boot_mt);
}

/* Higher orders exhaust too, and never hand out overlapping blocks. */
static void exhaust_order3_check(void **state)
{
	struct snapshot before, after;
	unsigned long n;

	take_snapshot(&before);
	n = exhaust(GFP_KERNEL, 3, 0);
	assert_true(n > 0);
	for (unsigned long i = 0; i < n; i++)
		assert_true(IS_ALIGNED(page_to_pfn(held[i]), 8));
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		assert_false(zone_watermark_ok(zone_of(zi), 3, min_wmark_pages(zone_of(zi)),
					       ZONE_NORMAL, 0));
	check_free_lists();
	free_held(n, 3);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	free_snapshot(&before);
	free_snapshot(&after);
}

/* ---- zone limits and fallback ------------------------------------------- */

/*
 * Allocate until NULL, checking after each page that it came from an
 * allowed zone, and from a lower zone only when every higher allowed
 * zone had fallen to its low mark (plus what it keeps back from this
 * request: lowmem_reserve). Returns the count; first_from[z] is the index
 * of the first page from zone z (-1: none).
 */
static unsigned long exhaust_zones(gfp_t gfp, long first_from[MAX_NR_ZONES])
{
	unsigned long n = 0;
	struct page *page;

	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		first_from[zi] = -1;
	while ((page = alloc_pages(gfp | __GFP_NOWARN, 0))) {
		int zi = page_zonenum(page);

		assert_true(zi <= (int)gfp_zone(gfp));
		for (int higher = zi + 1; higher <= (int)gfp_zone(gfp); higher++)
			assert_true(zone_free(higher) <= (long)low_wmark_pages(zone_of(higher)) +
						zone_of(higher)->lowmem_reserve[gfp_zone(gfp)]);
		if (first_from[zi] < 0)
			first_from[zi] = n;
		assert_true(n < ARRAY_SIZE(held));
		held[n++] = page;
	}
	return n;
}

static void zone_dma_only_check(void **state)
{
	long first[MAX_NR_ZONES], normal = zone_free(ZONE_NORMAL), dma32 = zone_free(ZONE_DMA32);
	unsigned long n = exhaust_zones(GFP_DMA, first);

	assert_int_equal(first[ZONE_DMA], 0);
	assert_int_equal(first[ZONE_DMA32], -1);
	assert_int_equal(first[ZONE_NORMAL], -1);
	assert_int_equal(n, DMA_PAGES - min_wmark_pages(zone_of(ZONE_DMA)));
	assert_int_equal(zone_free(ZONE_NORMAL), normal);
	assert_int_equal(zone_free(ZONE_DMA32), dma32);
	/* DMA is empty, but DMA32 and NORMAL still serve their requests. */
	held[n] = alloc_pages(GFP_DMA32, 0);
	assert_non_null(held[n]);
	assert_int_equal(page_zonenum(held[n]), ZONE_DMA32);
	free_held(n + 1, 0);
	check_free_lists();
}

static void zone_dma32_fallback_check(void **state)
{
	long first[MAX_NR_ZONES], normal = zone_free(ZONE_NORMAL);
	unsigned long n = exhaust_zones(GFP_DMA32, first);

	assert_int_equal(first[ZONE_DMA32], 0);
	assert_true(first[ZONE_DMA] > 0);
	assert_int_equal(first[ZONE_NORMAL], -1);
	assert_int_equal(zone_free(ZONE_NORMAL), normal);
	assert_int_equal(zone_free(ZONE_DMA32), min_wmark_pages(zone_of(ZONE_DMA32)));
	/* DMA keeps back its protection from DMA32 requests. */
	assert_int_equal(zone_free(ZONE_DMA), min_wmark_pages(zone_of(ZONE_DMA)) +
					      zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32]);
	assert_int_equal(n, zone_managed_pages(zone_of(ZONE_DMA32)) +
			    zone_managed_pages(zone_of(ZONE_DMA)) -
			    min_wmark_pages(zone_of(ZONE_DMA32)) -
			    min_wmark_pages(zone_of(ZONE_DMA)) -
			    zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32]);
	free_held(n, 0);
	check_free_lists();
}

static void zone_normal_fallback_check(void **state)
{
	long first[MAX_NR_ZONES];
	unsigned long n = exhaust_zones(GFP_KERNEL, first);

	/* NORMAL first; DMA32 only once NORMAL was low; DMA last. */
	assert_int_equal(first[ZONE_NORMAL], 0);
	assert_true(first[ZONE_DMA32] > 0);
	assert_true(first[ZONE_DMA] > first[ZONE_DMA32]);
	assert_true(first[ZONE_DMA32] >= boot_free[ZONE_NORMAL] -
					  (long)low_wmark_pages(zone_of(ZONE_NORMAL)));
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		assert_int_equal(zone_free(zi), min_wmark_pages(zone_of(zi)) +
						zone_of(zi)->lowmem_reserve[ZONE_NORMAL]);
	/* No page was handed out twice (held[] is in allocation order). */
	check_free_lists();
	free_held(n, 0);
	check_free_lists();
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		assert_int_equal(zone_free(zi), boot_free[zi]);
}

/* ---- watermarks ---------------------------------------------------------- */

static void watermark_ok_boundaries_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	long f = zone_free(ZONE_NORMAL);
	unsigned int flags[] = { 0, ALLOC_MIN_RESERVE, ALLOC_MIN_RESERVE | ALLOC_NON_BLOCK,
				 ALLOC_NON_BLOCK };

	/* Order 0: ok while free pages stay above the mark. */
	assert_true(zone_watermark_ok(zone, 0, f - 1, ZONE_NORMAL, 0));
	assert_false(zone_watermark_ok(zone, 0, f, ZONE_NORMAL, 0));
	assert_false(zone_watermark_ok(zone, 0, f + 1, ZONE_NORMAL, 0));
	/* Order o counts the block's pages beyond the first as already gone. */
	for (unsigned int o = 1; o <= MAX_PAGE_ORDER; o++) {
		assert_true(zone_watermark_ok(zone, o, f - (1L << o), ZONE_NORMAL, 0));
		assert_false(zone_watermark_ok(zone, o, f - (1L << o) + 1, ZONE_NORMAL, 0));
	}
	/* The reserves: __GFP_HIGH halves the mark, not blocking takes a quarter more. */
	for (unsigned int i = 0; i < ARRAY_SIZE(flags); i++) {
		for (long mark = f - 4; mark < 2 * f + 8; mark++) {
			bool expect = f > effective_mark(mark, flags[i]);

			assert_int_equal(zone_watermark_ok(zone, 0, mark, ZONE_NORMAL, flags[i]),
					 expect);
		}
	}
	assert_true(zone_watermark_ok(zone, 0, 2 * f - 2, ZONE_NORMAL, ALLOC_MIN_RESERVE));
	assert_false(zone_watermark_ok(zone, 0, 2 * f, ZONE_NORMAL, ALLOC_MIN_RESERVE));
	assert_false(zone_watermark_ok(zone, 0, 2 * f, ZONE_NORMAL, ALLOC_NON_BLOCK));
}

/* Bring the zone to just above/at its min mark and watch zone_watermark_ok flip. */
static void watermark_below_min_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA);
	long min = min_wmark_pages(zone);
	unsigned long n = 0;

	while (zone_free(ZONE_DMA) > min + 1) {
		held[n] = alloc_pages(GFP_DMA, 0);
		assert_non_null(held[n]);
		n++;
	}
	assert_true(zone_watermark_ok(zone, 0, min, ZONE_DMA, 0));
	held[n] = alloc_pages(GFP_DMA, 0);
	assert_non_null(held[n]);
	n++;
	assert_int_equal(zone_free(ZONE_DMA), min);
	assert_false(zone_watermark_ok(zone, 0, min, ZONE_DMA, 0));
	assert_null(alloc_pages(GFP_DMA | GFP_KERNEL | __GFP_NOWARN, 0));
	/* __GFP_HIGH may dig into the reserve. */
	assert_true(zone_watermark_ok(zone, 0, min, ZONE_DMA, ALLOC_MIN_RESERVE));
	held[n] = alloc_pages(GFP_DMA | GFP_ATOMIC, 0);
	assert_non_null(held[n]);
	n++;
	assert_int_equal(zone_free(ZONE_DMA), min - 1);
	free_held(n, 0);
	assert_int_equal(zone_free(ZONE_DMA), DMA_PAGES);
	check_free_lists();
}

/*
 * Fragment ZONE_DMA: allocate all of it (with its watermarks set to 0, as
 * if min_free_kbytes were 0), then free every odd page. Half the zone is
 * free, far above min, yet no order-1 block exists: zone_watermark_ok()
 * refuses order 1 and alloc_pages() fails, while order 0 succeeds.
 */
static void watermark_fragmented_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA);
	unsigned long saved[NR_WMARK], n, base = base_pfn();
	struct page *page, *extra;

	memcpy(saved, zone->_watermark, sizeof(saved));
	memset(zone->_watermark, 0, sizeof(zone->_watermark));
	n = exhaust(GFP_DMA, 0, 0);
	assert_int_equal(n, DMA_PAGES);
	assert_int_equal(zone_free(ZONE_DMA), 0);
	memcpy(zone->_watermark, saved, sizeof(saved));

	for (unsigned long i = 0; i < n; i++)
		if (page_to_pfn(held[i]) & 1)
			__free_pages(held[i], 0);
	drain_all_pages(NULL);
	assert_int_equal(zone_free(ZONE_DMA), DMA_PAGES / 2);
	assert_int_equal(zone->free_area[0].nr_free, DMA_PAGES / 2);
	for (unsigned int o = 1; o < NR_PAGE_ORDERS; o++)
		assert_int_equal(zone->free_area[o].nr_free, 0);
	check_free_lists();

	assert_true(zone_watermark_ok(zone, 0, min_wmark_pages(zone), ZONE_DMA, 0));
	assert_false(zone_watermark_ok(zone, 1, min_wmark_pages(zone), ZONE_DMA, 0));
	assert_false(zone_watermark_ok(zone, 1, 0, ZONE_DMA, ALLOC_MIN_RESERVE));
	assert_null(alloc_pages(GFP_DMA | __GFP_NOWARN, 1));
	assert_null(alloc_pages(GFP_DMA | GFP_ATOMIC | __GFP_NOWARN, 3));
	assert_int_equal(zone_free(ZONE_DMA), DMA_PAGES / 2);
	printk_log_reset();
	assert_null(alloc_pages(GFP_DMA, 1));
	assert_true(printk_log_contains("page allocation failure: order:1"));

	/* Free pfn base: it merges with base+1 into the zone's one order-1 block. */
	for (unsigned long i = 0; i < n; i++) {
		if (page_to_pfn(held[i]) == base) {
			__free_pages(held[i], 0);
			held[i] = NULL;
		}
	}
	drain_all_pages(NULL);
	assert_free_block(base, 1, pageblock_mt(base));
	assert_true(zone_watermark_ok(zone, 1, min_wmark_pages(zone), ZONE_DMA, 0));
	assert_false(zone_watermark_ok(zone, 2, min_wmark_pages(zone), ZONE_DMA, 0));
	page = alloc_pages(GFP_DMA, 1);
	assert_non_null(page);
	assert_int_equal(page_to_pfn(page), base);
	assert_null(alloc_pages(GFP_DMA | __GFP_NOWARN, 1));
	/* Order 0 still works: the zone is far above its min mark. */
	extra = alloc_pages(GFP_DMA, 0);
	assert_non_null(extra);
	__free_pages(extra, 0);
	__free_pages(page, 1);

	for (unsigned long i = 0; i < n; i++)
		if (held[i] && !(page_to_pfn(held[i]) & 1) && page_to_pfn(held[i]) != base)
			__free_pages(held[i], 0);
	drain_all_pages(NULL);
	assert_int_equal(zone_free(ZONE_DMA), DMA_PAGES);
	assert_int_equal(zone->free_area[MAX_PAGE_ORDER].nr_free, 2);
	check_free_lists();
}

/* ---- lowmem_reserve: protecting the lower zones ---------------------------
 *
 * Linux's setup_per_zone_lowmem_reserve(): zone i keeps back, from a
 * request that could have used zone j > i, the managed pages of zones
 * i+1..j divided by sysctl_lowmem_reserve_ratio[i] (256 for DMA and
 * DMA32, 32 for Normal); zone_watermark_ok() adds
 * lowmem_reserve[highest_zoneidx] to the mark.
 */

static long expected_reserve(int i, int j)
{
	long upper = 0;

	if (j <= i || !sysctl_lowmem_reserve_ratio[i] || !zone_managed_pages(zone_of(i)))
		return 0;
	for (int k = i + 1; k <= j; k++)
		upper += zone_managed_pages(zone_of(k));
	return upper / sysctl_lowmem_reserve_ratio[i];
}

static void check_lowmem_reserve(void)
{
	for (int i = 0; i < MAX_NR_ZONES; i++)
		for (int j = 0; j < MAX_NR_ZONES; j++)
			assert_int_equal(zone_of(i)->lowmem_reserve[j], expected_reserve(i, j));
}

static void lowmem_reserve_values_check(void **state)
{
	long dma32 = zone_managed_pages(zone_of(ZONE_DMA32));
	long normal = zone_managed_pages(zone_of(ZONE_NORMAL));

	/* Linux's defaults. */
	assert_int_equal(sysctl_lowmem_reserve_ratio[ZONE_DMA], 256);
	assert_int_equal(sysctl_lowmem_reserve_ratio[ZONE_DMA32], 256);
	assert_int_equal(sysctl_lowmem_reserve_ratio[ZONE_NORMAL], 32);
	check_lowmem_reserve();
	/* The same, spelt out for this machine. */
	assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA], 0);
	assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32], dma32 / 256);
	assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL], (dma32 + normal) / 256);
	assert_int_equal(zone_of(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL], normal / 256);
	assert_true(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL] > 0);
	assert_true(zone_of(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL] > 0);
	/* Nothing above NORMAL: it protects nothing (its ratio is for HIGHMEM/MOVABLE). */
	for (int j = 0; j < MAX_NR_ZONES; j++)
		assert_int_equal(zone_of(ZONE_NORMAL)->lowmem_reserve[j], 0);
}

/* A ratio of 0, or a zone with no pages, keeps nothing back. */
static void lowmem_reserve_ratio_zero_check(void **state)
{
	int saved = sysctl_lowmem_reserve_ratio[ZONE_DMA];

	sysctl_lowmem_reserve_ratio[ZONE_DMA] = 0;
	setup_per_zone_lowmem_reserve();
	for (int j = 0; j < MAX_NR_ZONES; j++)
		assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[j], 0);
	assert_true(zone_of(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL] > 0);
	check_lowmem_reserve();
	sysctl_lowmem_reserve_ratio[ZONE_DMA] = 128;
	setup_per_zone_lowmem_reserve();
	check_lowmem_reserve();
	sysctl_lowmem_reserve_ratio[ZONE_DMA] = saved;
	setup_per_zone_lowmem_reserve();
	check_lowmem_reserve();
}

/* A machine without NORMAL memory: DMA32 keeps nothing back from NORMAL requests. */
static const struct mm_test_layout layout_32m = {
	.ram_size = 32UL << 20,
	.dma_pages = DMA_PAGES,
	.dma32_pages = DMA32_PAGES,
	.nr_cpus = NR_TEST_CPUS,
};

static int setup_32m(void **state)
{
	return setup(&layout_32m);
}

static void lowmem_reserve_no_normal_check(void **state)
{
	assert_int_equal(zone_managed_pages(zone_of(ZONE_NORMAL)), 0);
	check_lowmem_reserve();
	assert_int_equal(zone_of(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL], 0);
	assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL],
			 zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32]);
	assert_int_equal(zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32],
			 zone_managed_pages(zone_of(ZONE_DMA32)) / 256);
}

/* zone_watermark_ok() adds the reserve for the highest zone the request may use. */
static void watermark_protection_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA32);
	long f = zone_free(ZONE_DMA32), r = zone->lowmem_reserve[ZONE_NORMAL];

	assert_true(r > 0);
	/* A DMA32 request has only the mark to pass. */
	assert_true(zone_watermark_ok(zone, 0, f - 1, ZONE_DMA32, 0));
	assert_false(zone_watermark_ok(zone, 0, f, ZONE_DMA32, 0));
	/* One that could use NORMAL must also leave the reserve. */
	assert_false(zone_watermark_ok(zone, 0, f - 1, ZONE_NORMAL, 0));
	assert_false(zone_watermark_ok(zone, 0, f - r, ZONE_NORMAL, 0));
	assert_true(zone_watermark_ok(zone, 0, f - r - 1, ZONE_NORMAL, 0));
	/* The reserves of __GFP_HIGH shrink the mark, not the protection. */
	assert_false(zone_watermark_ok(zone, 0, 2 * (f - r), ZONE_NORMAL, ALLOC_MIN_RESERVE));
	assert_true(zone_watermark_ok(zone, 0, 2 * (f - r) - 2, ZONE_NORMAL, ALLOC_MIN_RESERVE));
	/* DMA protects itself from both. */
	zone = zone_of(ZONE_DMA);
	f = zone_free(ZONE_DMA);
	assert_true(zone_watermark_ok(zone, 0, f - 1, ZONE_DMA, 0));
	assert_false(zone_watermark_ok(zone, 0, f - zone->lowmem_reserve[ZONE_DMA32], ZONE_DMA32, 0));
	assert_false(zone_watermark_ok(zone, 0, f - zone->lowmem_reserve[ZONE_NORMAL], ZONE_NORMAL, 0));
	assert_true(zone_watermark_ok(zone, 0, f - zone->lowmem_reserve[ZONE_NORMAL] - 1,
				      ZONE_NORMAL, 0));
}

/*
 * With NORMAL used up, GFP_KERNEL falls back to DMA32 and DMA but stops at
 * min + the reserve there; what it leaves, a GFP_DMA32 request may still
 * take, and what that leaves in DMA, a GFP_DMA request.
 */
static void protection_alloc_check(void **state)
{
	long rd32 = zone_of(ZONE_DMA32)->lowmem_reserve[ZONE_NORMAL];
	long rdn = zone_of(ZONE_DMA)->lowmem_reserve[ZONE_NORMAL];
	long rdd = zone_of(ZONE_DMA)->lowmem_reserve[ZONE_DMA32];
	long min32 = min_wmark_pages(zone_of(ZONE_DMA32));
	long mind = min_wmark_pages(zone_of(ZONE_DMA));
	unsigned long nk, n32, nd;

	/* This machine has something to protect at every level. */
	assert_true(rd32 > 0 && rdd > 0 && rdn > rdd);
	nk = exhaust(GFP_KERNEL, 0, 0);
	assert_int_equal(zone_free(ZONE_NORMAL), min_wmark_pages(zone_of(ZONE_NORMAL)));
	assert_int_equal(zone_free(ZONE_DMA32), min32 + rd32);
	assert_int_equal(zone_free(ZONE_DMA), mind + rdn);
	/* A DMA32 allocation that could have used NORMAL is refused in DMA32... */
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0));
	/* ...but one that cannot use NORMAL gets the pages NORMAL requests may not. */
	n32 = exhaust(GFP_KERNEL | GFP_DMA32, 0, nk);
	assert_int_equal(zone_free(ZONE_DMA32), min32);
	assert_int_equal(zone_free(ZONE_DMA), mind + rdd);
	assert_int_equal(n32, rd32 + rdn - rdd);
	nd = exhaust(GFP_KERNEL | GFP_DMA, 0, nk + n32);
	assert_int_equal(zone_free(ZONE_DMA), mind);
	assert_int_equal(nd, rdd);
	check_free_lists();
	free_held(nk + n32 + nd, 0);
	for (int zi = 0; zi < MAX_NR_ZONES; zi++)
		assert_int_equal(zone_free(zi), boot_free[zi]);
	check_free_lists();
}

/*
 * drain_all_pages() is for an allocation that may sleep (Linux calls it
 * from __alloc_pages_direct_reclaim): GFP_ATOMIC and GFP_NOWAIT fail
 * without touching other CPUs' lists; GFP_KERNEL drains them before
 * failing. And only blocking allocations check might_sleep().
 */
static void atomic_does_not_drain_check(void **state)
{
	struct page *pages[5];
	unsigned long n, calls;

	/* CPU 1 keeps five DMA pages on its pcp list (high is 6 here). */
	host_cpu = 1;
	for (int i = 0; i < 5; i++)
		assert_non_null(pages[i] = alloc_pages(GFP_DMA, 0));
	for (int i = 0; i < 5; i++)
		__free_pages(pages[i], 0);
	assert_int_equal(pcp_count(ZONE_DMA, 1), 5);

	/* CPU 0 takes DMA down as far as GFP_ATOMIC may go. */
	host_cpu = 0;
	calls = host_might_sleep_calls;
	n = exhaust(GFP_DMA | GFP_ATOMIC, 0, 0);
	assert_true(n > 0);
	assert_int_equal(host_might_sleep_calls, calls);	/* atomic: no might_sleep() */
	assert_null(alloc_pages(GFP_DMA | GFP_ATOMIC | __GFP_NOWARN, 0));
	assert_null(alloc_pages(GFP_DMA | GFP_NOWAIT | __GFP_NOWARN, 0));
	assert_int_equal(host_might_sleep_calls, calls);
	/* The failures left CPU 1's list alone. */
	assert_int_equal(pcp_count(ZONE_DMA, 1), 5);

	/* A sleeping allocation checks might_sleep() and drains every CPU first. */
	assert_null(alloc_pages(GFP_DMA | GFP_KERNEL | __GFP_NOWARN, 0));
	assert_int_equal(host_might_sleep_calls, calls + 1);
	assert_int_equal(pcp_count(ZONE_DMA, 1), 0);
	/* The drained pages are back in the buddy, where GFP_ATOMIC finds them. */
	assert_non_null(held[n] = alloc_pages(GFP_DMA | GFP_ATOMIC, 0));
	free_held(n + 1, 0);
	assert_int_equal(zone_free(ZONE_DMA), boot_free[ZONE_DMA]);
	check_free_lists();
}

/* show_zoneinfo(): /proc/zoneinfo's lines, protection: included. */
static void zoneinfo_format_check(void **state)
{
	char want[128];

	printk_log_reset();
	show_zoneinfo();
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct zone *zone = zone_of(zi);

		snprintf(want, sizeof(want), "Node 0, zone %8s\n  pages free     %ld\n", zone->name,
			 zone_free(zi));
		assert_true(printk_log_contains(want));
		snprintf(want, sizeof(want), "\n        min      %lu\n        low      %lu\n"
			 "        high     %lu\n", min_wmark_pages(zone), low_wmark_pages(zone),
			 high_wmark_pages(zone));
		assert_true(printk_log_contains(want));
		snprintf(want, sizeof(want), "\n        managed  %lu\n        protection: (%ld, %ld, %ld)\n",
			 zone_managed_pages(zone), zone->lowmem_reserve[0], zone->lowmem_reserve[1],
			 zone->lowmem_reserve[2]);
		assert_true(printk_log_contains(want));
	}
	assert_true(printk_log_contains("        protection: (0, 0, 0)\n"));	/* NORMAL */
	assert_true(printk_log_contains("\n  pagesets\n    cpu: 0\n              count: "));
	assert_true(printk_log_contains("\n    cpu: 1\n              count: "));
}

/* NOMAP memory (memblock_mark_nomap) stays reserved: the buddy never gets it. */
#define NOMAP_REL_PFN (DMA_PAGES + 2048)
#define NOMAP_PAGES 16UL

static const struct mm_test_layout layout_64m_nomap = {
	.ram_size = 64UL << 20,
	.dma_pages = DMA_PAGES,
	.dma32_pages = DMA32_PAGES,
	.nr_cpus = NR_TEST_CPUS,
	.reserve_pfn = RESERVED_REL_PFN,
	.reserve_pages = RESERVED_PAGES,
	.nomap_pfn = NOMAP_REL_PFN,
	.nomap_pages = NOMAP_PAGES,
};

static int setup_64m_nomap(void **state)
{
	return setup(&layout_64m_nomap);
}

static void nomap_not_in_buddy_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA32);
	unsigned long n;

	/* Present (it is RAM), not managed. */
	assert_int_equal(zone->present_pages, DMA32_PAGES);
	assert_int_equal(zone_managed_pages(zone), DMA32_PAGES - RESERVED_PAGES - NOMAP_PAGES);
	for (unsigned long i = 0; i < NOMAP_PAGES; i++) {
		struct page *page = pfn_to_page(base_pfn() + NOMAP_REL_PFN + i);

		assert_true(PageReserved(page));
		assert_false(PageBuddy(page));
	}
	/* Every DMA32 page handed out is outside it. */
	n = exhaust(GFP_DMA32, 0, 0);
	for (unsigned long i = 0; i < n; i++) {
		unsigned long rel = page_to_pfn(held[i]) - base_pfn();

		assert_false(rel >= NOMAP_REL_PFN && rel < NOMAP_REL_PFN + NOMAP_PAGES);
	}
	check_free_lists();
	free_held(n, 0);
	check_free_lists();
}

/* ---- per-CPU page lists --------------------------------------------------- */

/* Linux: zone_batchsize(). */
static int expected_batch(const struct zone *zone)
{
	unsigned long batch = min(zone_managed_pages(zone) >> 10, SZ_1M / PAGE_SIZE) / 4;

	if (batch < 1)
		batch = 1;
	batch = rounddown_pow_of_two(batch + batch / 2) - 1;
	return batch ? batch : 1;
}

static void pcp_batch_sizes_check(void **state)
{
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++) {
			struct per_cpu_pages *pcp = mm_test_pcp(zone_of(zi), cpu);

			assert_int_equal(pcp->batch, expected_batch(zone_of(zi)));
			assert_int_equal(pcp->high, 6 * pcp->batch);
		}
	}
	/* This machine's NORMAL is big enough for a real batch. */
	assert_int_equal(mm_test_pcp(zone_of(ZONE_NORMAL), 0)->batch, 15);
}

static void pcp_refill_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	struct per_cpu_pages *pcp = mm_test_pcp(zone, 0);
	struct list_head *list = &pcp->lists[order_to_pindex(MIGRATE_UNMOVABLE, 0)];
	long f0 = zone_free(ZONE_NORMAL);
	int batch = pcp->batch;
	struct page *pages[64];

	assert_true(batch > 1 && batch < 64);
	/* The first order-0 allocation takes a batch; batch - 1 wait on the list. */
	pages[0] = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(pages[0]);
	assert_int_equal(pcp->count, batch - 1);
	assert_int_equal(list_count_nodes(list), batch - 1);
	assert_int_equal(zone_free(ZONE_NORMAL), f0 - batch);
	/* The next batch - 1 come off the list, in its order, with no buddy access. */
	{
		struct page *queued[64], *p;
		int q = 0;

		list_for_each_entry(p, list, pcp_list)
			queued[q++] = p;
		for (int i = 1; i < batch; i++) {
			pages[i] = alloc_pages(GFP_KERNEL, 0);
			assert_ptr_equal(pages[i], queued[i - 1]);
			assert_int_equal(page_ref_count(pages[i]), 1);
			assert_int_equal(pcp->count, batch - 1 - i);
			assert_int_equal(zone_free(ZONE_NORMAL), f0 - batch);
		}
	}
	/* Empty again: the next one refills. */
	pages[batch] = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(pages[batch]);
	assert_int_equal(pcp->count, batch - 1);
	assert_int_equal(zone_free(ZONE_NORMAL), f0 - 2 * batch);
	check_free_lists();

	/* Freed pages go to the list head, and come back first (cache-hot). */
	__free_pages(pages[3], 0);
	assert_int_equal(pcp->count, batch);
	assert_ptr_equal(alloc_pages(GFP_KERNEL, 0), pages[3]);
	assert_int_equal(pcp->count, batch - 1);

	for (int i = 0; i <= batch; i++)
		__free_pages(pages[i], 0);
	drain_local_pages(zone);
	assert_int_equal(pcp->count, 0);
	for (int i = 0; i < NR_PCP_LISTS; i++)
		assert_true(list_empty(&pcp->lists[i]));
	assert_int_equal(zone_free(ZONE_NORMAL), f0);
	check_free_lists();
}

/* Orders 1..3 have pcp lists of their own, refilled with fewer blocks. */
static void pcp_higher_orders_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	struct per_cpu_pages *pcp = mm_test_pcp(zone, 0);
	long f0 = zone_free(ZONE_NORMAL);

	for (unsigned int order = 1; order <= PAGE_ALLOC_COSTLY_ORDER; order++) {
		int refill = pcp_refill(pcp, order);
		struct page *page = alloc_pages(GFP_KERNEL, order);

		assert_non_null(page);
		assert_int_equal(list_count_nodes(&pcp->lists[order_to_pindex(MIGRATE_UNMOVABLE,
									      order)]),
				 refill - 1);
		assert_int_equal(pcp->count, (refill - 1) << order);
		assert_int_equal(zone_free(ZONE_NORMAL), f0 - (refill << order));
		__free_pages(page, order);
		drain_local_pages(zone);
		assert_int_equal(zone_free(ZONE_NORMAL), f0);
	}
	/* Order 4 has no pcp list: straight from the buddy. */
	{
		struct page *page = alloc_pages(GFP_KERNEL, 4);

		assert_non_null(page);
		assert_int_equal(pcp->count, 0);
		assert_int_equal(zone_free(ZONE_NORMAL), f0 - 16);
		__free_pages(page, 4);
		assert_int_equal(zone_free(ZONE_NORMAL), f0);
	}
	check_free_lists();
}

/* Past high, a free gives batch pages back to the buddy (free_pcppages_bulk). */
static void pcp_high_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	struct per_cpu_pages *pcp = mm_test_pcp(zone, 0);
	int high = pcp->high, batch = pcp->batch, model = 0, bulks = 0;
	unsigned long n = 3 * high;
	long f;

	for (unsigned long i = 0; i < n; i++) {
		held[i] = alloc_pages(GFP_KERNEL, 0);
		assert_non_null(held[i]);
	}
	drain_all_pages(NULL);
	assert_int_equal(pcp->count, 0);
	/* All from unmovable pageblocks, so all freed onto one pcp list. */
	for (unsigned long i = 0; i < n; i++)
		assert_int_equal(pageblock_mt(page_to_pfn(held[i])), MIGRATE_UNMOVABLE);
	f = zone_free(ZONE_NORMAL);
	for (unsigned long i = 0; i < n; i++) {
		__free_pages(held[i], 0);
		model++;
		if (model >= high) {
			model -= batch;
			f += batch;
			bulks++;
		}
		assert_int_equal(pcp->count, model);
		assert_true(pcp->count < high);
		assert_int_equal(zone_free(ZONE_NORMAL), f);
		if (bulks == 1 && model == high - batch) {
			struct list_head *list =
				&pcp->lists[order_to_pindex(MIGRATE_UNMOVABLE, 0)];
			struct page *p;
			unsigned long j = i;

			/*
			 * The first batch given back was the coldest: the
			 * pages freed first. The list holds the rest, the
			 * most recently freed at its head.
			 */
			list_for_each_entry(p, list, pcp_list) {
				assert_ptr_equal(p, held[j]);
				j--;
			}
			assert_int_equal(j + 1, (unsigned long)batch);
		}
	}
	assert_true(bulks >= 2);
	check_free_lists();
	drain_local_pages(NULL);
	assert_int_equal(pcp->count, 0);
	assert_int_equal(zone_free(ZONE_NORMAL), f + model);
	assert_int_equal(zone_free(ZONE_NORMAL), boot_free[ZONE_NORMAL]);
	check_free_lists();
}

/* Each CPU (host_cpu) has its own lists; drain_local_pages only touches its own. */
static void pcp_per_cpu_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	struct per_cpu_pages *pcp0 = mm_test_pcp(zone, 0), *pcp1 = mm_test_pcp(zone, 1);
	int batch = pcp0->batch;
	struct page *a, *b;

	assert_ptr_not_equal(pcp0, pcp1);
	host_cpu = 1;
	assert_ptr_equal(this_cpu_ptr(zone->per_cpu_pageset), pcp1);
	a = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(a);
	assert_int_equal(pcp1->count, batch - 1);
	assert_int_equal(pcp0->count, 0);

	host_cpu = 0;
	b = alloc_pages(GFP_KERNEL, 0);
	assert_non_null(b);
	assert_int_equal(pcp0->count, batch - 1);
	assert_int_equal(pcp1->count, batch - 1);
	/* Freed on CPU 0, a goes to CPU 0's list (as in Linux). */
	__free_pages(a, 0);
	assert_int_equal(pcp0->count, batch);
	assert_int_equal(pcp1->count, batch - 1);
	check_free_lists();

	host_cpu = 1;
	drain_local_pages(NULL);
	assert_int_equal(pcp1->count, 0);
	assert_int_equal(pcp0->count, batch);
	host_cpu = 0;
	__free_pages(b, 0);
	drain_all_pages(NULL);
	assert_int_equal(pcp0->count, 0);
	assert_int_equal(pcp1->count, 0);
	assert_int_equal(zone_free(ZONE_NORMAL), boot_free[ZONE_NORMAL]);
	check_free_lists();
}

/* A 64 MiB machine's zones get batch 1: no page waits on a pcp list. */
static void pcp_batch_one_check(void **state)
{
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		gfp_t gfp = zi == ZONE_DMA ? GFP_DMA : zi == ZONE_DMA32 ? GFP_DMA32 : GFP_KERNEL;
		long f0 = zone_free(zi);
		struct page *page;

		assert_int_equal(mm_test_pcp(zone_of(zi), 0)->batch, 1);
		page = alloc_pages(gfp, 0);
		assert_non_null(page);
		assert_int_equal(page_zonenum(page), zi);
		assert_int_equal(pcp_count(zi, 0), 0);
		assert_int_equal(zone_free(zi), f0 - 1);
		__free_pages(page, 0);
		assert_int_equal(pcp_count(zi, 0), 1);
		drain_all_pages(NULL);
		assert_int_equal(zone_free(zi), f0);
	}
}

/* high = 0 (the boot pagesets, or pcp turned off): pages pass straight through. */
static void pcp_disabled_check(void **state)
{
	struct zone *zone = zone_of(ZONE_NORMAL);
	struct per_cpu_pages *pcp = mm_test_pcp(zone, 0);
	long f0 = zone_free(ZONE_NORMAL);
	struct page *page;

	pcp->high = 0;
	for (unsigned int order = 0; order <= PAGE_ALLOC_COSTLY_ORDER; order++) {
		page = alloc_pages(GFP_KERNEL, order);
		assert_non_null(page);
		assert_int_equal(pcp->count, 0);
		assert_int_equal(zone_free(ZONE_NORMAL), f0 - (1L << order));
		__free_pages(page, order);
		assert_int_equal(pcp->count, 0);
		assert_int_equal(zone_free(ZONE_NORMAL), f0);
	}
	check_free_lists();
}

/* ---- migratetypes ---------------------------------------------------------- */

/* Movable and unmovable requests come from their own lists (in DMA32, untouched). */
static void migratetype_lists_check(void **state)
{
	struct zone *zone = zone_of(ZONE_DMA32);
	struct page *m[8], *u[8];
	int movable_blocks = 0, unmovable_blocks = 0;

	for (int i = 0; i < 8; i++) {
		m[i] = alloc_pages(GFP_DMA32 | __GFP_MOVABLE, 0);
		assert_non_null(m[i]);
		assert_int_equal(pageblock_mt(page_to_pfn(m[i])), MIGRATE_MOVABLE);
	}
	/* No movable request has touched any pageblock's type. */
	for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
	     pfn += pageblock_nr_pages)
		assert_int_equal(pageblock_mt(pfn), MIGRATE_MOVABLE);
	for (int i = 0; i < 8; i++) {
		u[i] = alloc_pages(GFP_DMA32, 0);
		assert_non_null(u[i]);
		assert_int_equal(pageblock_mt(page_to_pfn(u[i])), MIGRATE_UNMOVABLE);
	}
	/* The unmovable pages share the one claimed order-10 block. */
	for (int i = 1; i < 8; i++)
		assert_int_equal(page_to_pfn(u[i]) >> MAX_PAGE_ORDER,
				 page_to_pfn(u[0]) >> MAX_PAGE_ORDER);
	for (unsigned long pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone);
	     pfn += pageblock_nr_pages) {
		movable_blocks += pageblock_mt(pfn) == MIGRATE_MOVABLE;
		unmovable_blocks += pageblock_mt(pfn) == MIGRATE_UNMOVABLE;
	}
	assert_int_equal(unmovable_blocks, MAX_ORDER_NR_PAGES / pageblock_nr_pages);
	assert_int_equal(movable_blocks + unmovable_blocks,
			 zone->spanned_pages / pageblock_nr_pages);
	/* More movable pages stay out of the unmovable block. */
	for (int i = 0; i < 8; i++) {
		struct page *p = alloc_pages(GFP_DMA32 | __GFP_MOVABLE, 0);

		assert_non_null(p);
		assert_int_equal(pageblock_mt(page_to_pfn(p)), MIGRATE_MOVABLE);
		__free_pages(p, 0);
	}
	check_free_lists();
	for (int i = 0; i < 8; i++) {
		__free_pages(m[i], 0);
		__free_pages(u[i], 0);
	}
	drain_all_pages(NULL);
	check_free_lists();
	assert_int_equal(zone_free(ZONE_DMA32), boot_free[ZONE_DMA32]);
}

/*
 * Fallback claims whole pageblocks. Pristine DMA is two movable order-10
 * blocks, L and U (U on top of the list: it was freed last).
 *  a  movable     -> smallest movable block: U, split; U+2^o free for o < 10
 *  b  unmovable   -> no unmovable blocks: steal the largest, L (order 10),
 *                    and claim both its pageblocks
 *  e  reclaimable -> no reclaimable blocks: the largest fallback is order
 *                    9, unmovable first: L+512, whose pageblock it claims
 *  f  reclaimable -> from its own lists now: L+513
 *  g  unmovable   -> from its own lists: L+1
 *  h  movable     -> U+1
 */
static void migratetype_fallback_check(void **state)
{
	unsigned long L = base_pfn(), U = base_pfn() + MAX_ORDER_NR_PAGES;
	struct page *a, *b, *e, *f, *g, *h;
	struct snapshot before, after;

	take_snapshot(&before);
	a = alloc_pages(GFP_DMA | __GFP_MOVABLE, 0);
	assert_non_null(a);
	assert_int_equal(page_to_pfn(a), U);
	for (unsigned int o = 0; o < MAX_PAGE_ORDER; o++)
		assert_free_block(U + (1UL << o), o, MIGRATE_MOVABLE);
	assert_int_equal(pageblock_mt(U), MIGRATE_MOVABLE);
	assert_int_equal(pageblock_mt(L), MIGRATE_MOVABLE);

	b = alloc_pages(GFP_DMA, 0);
	assert_non_null(b);
	assert_int_equal(page_to_pfn(b), L);
	assert_int_equal(pageblock_mt(L), MIGRATE_UNMOVABLE);
	assert_int_equal(pageblock_mt(L + pageblock_nr_pages), MIGRATE_UNMOVABLE);
	assert_int_equal(pageblock_mt(U), MIGRATE_MOVABLE);
	assert_int_equal(pageblock_mt(U + pageblock_nr_pages), MIGRATE_MOVABLE);
	for (unsigned int o = 0; o < MAX_PAGE_ORDER; o++)
		assert_free_block(L + (1UL << o), o, MIGRATE_UNMOVABLE);
	check_free_lists();

	e = alloc_pages(GFP_DMA | __GFP_RECLAIMABLE, 0);
	assert_non_null(e);
	assert_int_equal(page_to_pfn(e), L + pageblock_nr_pages);
	assert_int_equal(pageblock_mt(L + pageblock_nr_pages), MIGRATE_RECLAIMABLE);
	assert_int_equal(pageblock_mt(L), MIGRATE_UNMOVABLE);
	for (unsigned int o = 0; o < pageblock_order; o++)
		assert_free_block(L + pageblock_nr_pages + (1UL << o), o, MIGRATE_RECLAIMABLE);
	check_free_lists();

	f = alloc_pages(GFP_DMA | __GFP_RECLAIMABLE, 0);
	assert_non_null(f);
	assert_int_equal(page_to_pfn(f), L + pageblock_nr_pages + 1);
	g = alloc_pages(GFP_DMA, 0);
	assert_non_null(g);
	assert_int_equal(page_to_pfn(g), L + 1);
	h = alloc_pages(GFP_DMA | __GFP_MOVABLE, 0);
	assert_non_null(h);
	assert_int_equal(page_to_pfn(h), U + 1);
	check_free_lists();

	__free_pages(a, 0);
	__free_pages(b, 0);
	__free_pages(e, 0);
	__free_pages(f, 0);
	__free_pages(g, 0);
	__free_pages(h, 0);
	drain_all_pages(NULL);
	take_snapshot(&after);
	/* The same two order-10 blocks; each whole block now of one type. */
	assert_same_free_lists(&before, &after, false);
	assert_int_equal(pageblock_mt(L), pageblock_mt(L + pageblock_nr_pages));
	assert_int_equal(pageblock_mt(U), MIGRATE_MOVABLE);
	assert_int_equal(pageblock_mt(U + pageblock_nr_pages), MIGRATE_MOVABLE);
	free_snapshot(&before);
	free_snapshot(&after);
	check_free_lists();
}

/* ---- bad input ---------------------------------------------------------------- */

static void order_too_large_check(void **state)
{
	int warns = host_warn_count;
	long free = free_pages_all();

	assert_null(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	assert_int_equal(host_warn_count, warns + 1);
	assert_true(printk_log_contains("WARNING: at"));
	/* Once: Linux's WARN_ON_ONCE. */
	assert_null(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	assert_null(alloc_pages(GFP_KERNEL, 63));
	assert_int_equal(__get_free_pages(GFP_KERNEL, 20), 0);
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
	assert_int_equal(host_warn_count, warns + 1);
	assert_int_equal(free_pages_all(), free);
	assert_int_equal(pcp_pages_all(), 0);
	check_free_lists();
}

static void double_free_check(void **state)
{
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order += 5) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		long free, pcp;

		assert_non_null(page);
		__free_pages(page, order);
		free = free_pages_all();
		pcp = pcp_pages_all();
		printk_log_reset();
		nr_bad_pages = 0;
		__free_pages(page, order);
		assert_true(printk_log_contains("BUG: Bad page state"));
		assert_true(printk_log_contains("already free"));
		assert_int_equal(nr_bad_pages, 1);
		assert_int_equal(free_pages_all(), free);
		assert_int_equal(pcp_pages_all(), pcp);
		check_free_lists();
		drain_all_pages(NULL);
	}
	assert_int_equal(free_pages_all(), boot_free_all());
	check_free_lists();
}

static void free_wrong_order_check(void **state)
{
	struct snapshot before, mid, after;
	struct page *page;

	take_snapshot(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	assert_non_null(page);
	take_snapshot(&mid);

	__free_pages(page, 1);
	assert_true(printk_log_contains("BUG: Bad page state"));
	assert_true(printk_log_contains("freed with order 1, allocated with order 2"));
	__free_pages(page, 5);
	assert_true(printk_log_contains("freed with order 5, allocated with order 2"));
	__free_pages(page, MAX_PAGE_ORDER + 1);
	assert_int_equal(nr_bad_pages, 3);
	{
		struct snapshot now;

		take_snapshot(&now);
		assert_same_free_lists(&mid, &now, true);
		free_snapshot(&now);
	}
	assert_int_equal(page_ref_count(page), 1);
	check_free_lists();

	/* The right order still works, and everything is back. */
	__free_pages(page, 2);
	drain_all_pages(NULL);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	assert_int_equal(nr_bad_pages, 3);
	free_snapshot(&before);
	free_snapshot(&mid);
	free_snapshot(&after);
	check_free_lists();
}

static void free_tail_page_check(void **state)
{
	for (unsigned int order = 1; order <= MAX_PAGE_ORDER; order += 3) {
		struct snapshot mid, now;
		struct page *page = alloc_pages(GFP_KERNEL, order);

		assert_non_null(page);
		take_snapshot(&mid);
		printk_log_reset();
		nr_bad_pages = 0;
		__free_pages(page + 1, 0);
		assert_true(printk_log_contains("BUG: Bad page state"));
		__free_pages(page + (1UL << order) - 1, 0);
		__free_pages(page + (1UL << (order - 1)), order - 1);
		assert_int_equal(nr_bad_pages, 3);
		take_snapshot(&now);
		assert_same_free_lists(&mid, &now, true);
		__free_pages(page, order);
		drain_all_pages(NULL);
		free_snapshot(&mid);
		free_snapshot(&now);
	}
	assert_int_equal(free_pages_all(), boot_free_all());
	check_free_lists();
}

/* A page that never was the buddy's: memblock-reserved, and mem_map itself. */
static void free_reserved_page_check(void **state)
{
	struct page *page = pfn_to_page(base_pfn() + RESERVED_REL_PFN);
	long free = free_pages_all();

	__free_pages(page, 0);
	assert_true(printk_log_contains("BUG: Bad page state"));
	assert_true(printk_log_contains("not the head of an allocation"));
	assert_true(PageReserved(page));
	__free_pages(virt_to_page(mem_map), 0);
	assert_int_equal(nr_bad_pages, 2);
	assert_int_equal(free_pages_all(), free);
	assert_int_equal(pcp_pages_all(), 0);
	check_free_lists();
}

/* A page with PG_slab (or another must-be-clear flag) set is not taken back. */
static void free_flagged_page_check(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL, 0);
	long free, pcp;

	assert_non_null(page);
	free = free_pages_all();
	pcp = pcp_pages_all();
	__SetPageSlab(page);
	__free_pages(page, 0);
	assert_true(printk_log_contains("PAGE_FLAGS_CHECK_AT_FREE"));
	assert_int_equal(nr_bad_pages, 1);
	assert_int_equal(free_pages_all(), free);
	assert_int_equal(pcp_pages_all(), pcp);
	check_free_lists();
}

/* ---- __GFP_ZERO ----------------------------------------------------------------- */

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

static void gfp_zero_check(void **state)
{
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order += 1) {
		size_t size = PAGE_SIZE << order;
		struct page *page = alloc_pages(GFP_KERNEL, order), *again;

		assert_non_null(page);
		memset(page_address(page), 0xa5, size);
		__free_pages(page, order);
		/* Without __GFP_ZERO the same (LIFO) block comes back dirty... */
		again = alloc_pages(GFP_KERNEL, order);
		assert_ptr_equal(again, page);
		assert_true(all_bytes(page_address(again), 0xa5, size));
		__free_pages(again, order);
		/* ...with it, every byte of it is zero. */
		again = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		assert_ptr_equal(again, page);
		assert_true(all_bytes(page_address(again), 0, size));
		__free_pages(again, order);
	}
	{
		struct page *page = alloc_page(GFP_KERNEL);
		unsigned long addr;

		memset(page_address(page), 0xff, PAGE_SIZE);
		__free_page(page);
		addr = get_zeroed_page(GFP_KERNEL);
		assert_ptr_equal((void *)addr, page_address(page));
		assert_true(all_bytes((void *)addr, 0, PAGE_SIZE));
		free_page(addr);
	}
	drain_all_pages(NULL);
	check_free_lists();
}

/* ---- __GFP_COMP ----------------------------------------------------------------- */

/* A compound block: PG_head on the head, each tail pointing at it (Linux: prep_compound_page). */
static void compound_page_check(void **state)
{
	struct snapshot before, after;

	take_snapshot(&before);
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, order);
		unsigned long n = 1UL << order;

		assert_non_null(page);
		assert_int_equal(PageHead(page), order > 0);
		assert_false(PageTail(page));
		assert_ptr_equal(compound_head(page), page);
		assert_int_equal(compound_order(page), order);
		for (unsigned long i = 1; i < n; i++) {
			assert_true(PageTail(page + i));
			assert_ptr_equal(compound_head(page + i), page);
		}
		/* Any address inside finds the head. */
		assert_ptr_equal(compound_head(virt_to_page((char *)page_address(page) +
							    (PAGE_SIZE << order) - 1)), page);
		__free_pages(page, order);
		assert_false(PageHead(page));
		for (unsigned long i = 1; i < n; i++)
			assert_false(PageTail(page + i));
	}
	/* A plain block has no head or tails. */
	{
		struct page *page = alloc_pages(GFP_KERNEL, 3);

		assert_non_null(page);
		assert_false(PageHead(page));
		for (unsigned long i = 1; i < 8; i++)
			assert_false(PageTail(page + i));
		__free_pages(page, 3);
	}
	drain_all_pages(NULL);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	free_snapshot(&before);
	free_snapshot(&after);
	check_free_lists();
}

/* A tail that lost its head link means the block was damaged: reported, kept out. */
static void compound_corrupted_tail_check(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	long free, pcp;

	assert_non_null(page);
	free = free_pages_all();
	pcp = pcp_pages_all();
	page[2].compound_head = 0;
	__free_pages(page, 2);
	assert_true(printk_log_contains("BUG: Bad page state"));
	assert_true(printk_log_contains("corrupted compound_head"));
	assert_int_equal(nr_bad_pages, 1);
	assert_int_equal(free_pages_all(), free);
	assert_int_equal(pcp_pages_all(), pcp);
	check_free_lists();
}

/* ---- randomised, against a reference model ---------------------------------- */

static uint64_t rnd_state;

static uint64_t rnd(void)
{
	/* splitmix64: the same sequence on every libc */
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

struct live_block {
	struct page *page;
	unsigned int order;
	uint64_t stamp;
};

static const gfp_t random_gfps[] = {
	GFP_KERNEL, GFP_HIGHUSER_MOVABLE, GFP_DMA, GFP_DMA32, GFP_ATOMIC,
};

/* A block's first and last words, written while it is live. */
static uint64_t *block_first_word(const struct live_block *b)
{
	return page_address(b->page);
}

static uint64_t *block_last_word(const struct live_block *b)
{
	return (uint64_t *)((char *)page_address(b->page) + (PAGE_SIZE << b->order)) - 1;
}

static void stamp_block(const struct live_block *b)
{
	*block_first_word(b) = b->stamp;
	*block_last_word(b) = ~b->stamp;
}

static void check_stamp(const struct live_block *b)
{
	assert_int_equal(*block_first_word(b), b->stamp);
	assert_int_equal(*block_last_word(b), ~b->stamp);
}

/* Phases that mostly fill memory alternate with phases that mostly empty it. */
static unsigned int alloc_pct(unsigned long op)
{
	return (op / 2048) % 2 ? 35 : 70;
}

static void random_model_check(void **state)
{
	const char *seed_env = getenv("BUDDY_SEED"), *ops_env = getenv("BUDDY_OPS");
	unsigned long long seed = seed_env ? strtoull(seed_env, NULL, 0) :
				  (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 20);
	unsigned long ops = ops_env ? strtoul(ops_env, NULL, 0) : 30000;
	unsigned long total = free_pages_all() + pcp_pages_all(), live_pages = 0, nr_live = 0;
	unsigned long allocs = 0, failures = 0, frees = 0, max_live = 0;
	static struct live_block live[8192];
	unsigned char *owner = scratch_calloc(max_mapnr);
	struct snapshot before, after;

	print_message("buddy random seed %llu (replay: BUDDY_SEED=%llu), %lu operations\n",
		      seed, seed, ops);
	rnd_state = seed;
	take_snapshot(&before);

	for (unsigned long op = 0; op < ops; op++) {
		uint64_t r = rnd();

		host_cpu = r & 1;
		if ((r >> 1) % 64 == 0) {
			if ((r >> 7) & 1)
				drain_all_pages(NULL);
			else
				drain_local_pages(NULL);
		} else if (nr_live < ARRAY_SIZE(live) &&
			   (nr_live == 0 || (r >> 8) % 100 < alloc_pct(op))) {
			unsigned int order = (r >> 16) % 4 ? (r >> 20) % 4 : (r >> 24) % NR_PAGE_ORDERS;
			gfp_t gfp = random_gfps[(r >> 28) % ARRAY_SIZE(random_gfps)] | __GFP_NOWARN;
			struct page *page;
			unsigned long pfn;

			if ((r >> 32) % 8 == 0)
				gfp |= __GFP_ZERO;
			page = alloc_pages(gfp, order);
			allocs++;
			if (!page) {
				/*
				 * A failure is allowed only when no allowed zone
				 * passes the slow path's watermark check (with its
				 * protection); and one that may sleep drained
				 * every pcp list first.
				 */
				failures++;
				if (gfpflags_allow_blocking(gfp))
					assert_int_equal(pcp_pages_all(), 0);
				for (int zi = 0; zi <= (int)gfp_zone(gfp); zi++)
					assert_false(zone_watermark_ok(zone_of(zi), order,
								       min_wmark_pages(zone_of(zi)),
								       gfp_zone(gfp),
								       slow_alloc_flags(gfp)));
				continue;
			}
			pfn = page_to_pfn(page);
			assert_true(IS_ALIGNED(pfn, 1UL << order));
			assert_true(page_zonenum(page) <= gfp_zone(gfp));
			assert_true(zone_spans_pfn(page_zone(page), pfn + (1UL << order) - 1));
			assert_int_equal(page_ref_count(page), 1);
			assert_false(PageBuddy(page));
			for (unsigned long i = 0; i < (1UL << order); i++) {
				if (owner[pfn - base_pfn() + i])
					print_message("pfn %#lx handed out twice (op %lu)\n",
						      pfn + i, op);
				assert_int_equal(owner[pfn - base_pfn() + i], 0);
				assert_false(PageReserved(page + i));
				owner[pfn - base_pfn() + i] = 1;
			}
			if (gfp & __GFP_ZERO)
				assert_true(all_bytes(page_address(page), 0,
						      PAGE_SIZE << min(order, 2U)));
			live[nr_live] = (struct live_block){ page, order, rnd() };
			stamp_block(&live[nr_live]);
			nr_live++;
			live_pages += 1UL << order;
			max_live = max(max_live, live_pages);
		} else {
			unsigned long i = (r >> 8) % nr_live;
			struct live_block b = live[i];
			unsigned long pfn = page_to_pfn(b.page);

			check_stamp(&b);
			live[i] = live[--nr_live];
			for (unsigned long j = 0; j < (1UL << b.order); j++)
				owner[pfn - base_pfn() + j] = 0;
			live_pages -= 1UL << b.order;
			__free_pages(b.page, b.order);
			frees++;
		}
		/* Every page is free in the buddy, on a pcp list, or live. */
		assert_int_equal(free_pages_all() + pcp_pages_all() + live_pages, total);
		if (op % 256 == 0)
			check_free_lists();
	}
	check_free_lists();
	print_message("buddy random: %lu allocations (%lu failed), %lu frees, "
		      "at most %lu pages live\n", allocs, failures, frees, max_live);
	/* The run must have exercised both success and exhaustion. */
	assert_true(allocs > ops / 4);
	assert_true(frees > ops / 8);

	while (nr_live) {
		check_stamp(&live[nr_live - 1]);
		__free_pages(live[nr_live - 1].page, live[nr_live - 1].order);
		nr_live--;
	}
	drain_all_pages(NULL);
	take_snapshot(&after);
	assert_same_free_lists(&before, &after, false);
	assert_int_equal(free_pages_all(), total);
	assert_int_equal(nr_bad_pages, 0);
	free_snapshot(&before);
	free_snapshot(&after);
	scratch_free(owner);
	check_free_lists();
}

#define CASE(f) cmocka_unit_test_setup_teardown(f, setup_64m, teardown_clean)
#define CASE_256M(f) cmocka_unit_test_setup_teardown(f, setup_256m, teardown_clean)
#define CASE_BAD(f) cmocka_unit_test_setup_teardown(f, setup_64m, teardown_any)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(bringup_zones_check),
		CASE(every_order_alloc_free_check),
		CASE(address_api_check),
		CASE(split_merge_order0_check),
		CASE(split_merge_order4_check),
		cmocka_unit_test_setup_teardown(merge_stops_at_zone_boundary_check,
						setup_unaligned, teardown_clean),
		CASE(exhaust_watermarks_check),
		CASE(exhaust_movable_check),
		CASE(exhaust_order3_check),
		CASE(zone_dma_only_check),
		CASE(zone_dma32_fallback_check),
		CASE(zone_normal_fallback_check),
		CASE(watermark_ok_boundaries_check),
		CASE(watermark_below_min_check),
		CASE(watermark_fragmented_check),
		CASE(lowmem_reserve_values_check),
		CASE(lowmem_reserve_ratio_zero_check),
		cmocka_unit_test_setup_teardown(lowmem_reserve_no_normal_check, setup_32m,
						teardown_clean),
		CASE(watermark_protection_check),
		CASE(protection_alloc_check),
		CASE(atomic_does_not_drain_check),
		CASE(zoneinfo_format_check),
		cmocka_unit_test_setup_teardown(nomap_not_in_buddy_check, setup_64m_nomap,
						teardown_clean),
		CASE_256M(pcp_batch_sizes_check),
		CASE_256M(pcp_refill_check),
		CASE_256M(pcp_higher_orders_check),
		CASE_256M(pcp_high_check),
		CASE_256M(pcp_per_cpu_check),
		CASE(pcp_batch_one_check),
		CASE_256M(pcp_disabled_check),
		CASE(migratetype_lists_check),
		CASE(migratetype_fallback_check),
		CASE_BAD(order_too_large_check),
		CASE_BAD(double_free_check),
		CASE_BAD(free_wrong_order_check),
		CASE_BAD(free_tail_page_check),
		CASE_BAD(free_reserved_page_check),
		CASE_BAD(free_flagged_page_check),
		CASE(gfp_zero_check),
		CASE(compound_page_check),
		CASE_BAD(compound_corrupted_tail_check),
		CASE(random_model_check),
		/* The same on a machine whose NORMAL zone has a real pcp batch. */
		{ "random_model_256m_check", random_model_check, setup_256m, teardown_clean,
		  NULL },
	};

	return cmocka_run_group_tests_name("page_alloc", tests, NULL, NULL);
}
