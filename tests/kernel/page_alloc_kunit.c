// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator, memblock's hand-over and zones on the running
 * kernel: every order allocates and frees, memory can be exhausted and
 * given back to the exact page, the zone modifiers are honoured, and
 * misuse (double free, wrong order, order too big) is reported without
 * corrupting the free lists; each lower zone keeps back its
 * lowmem_reserve from higher-zone requests (what the `zoneinfo` boot
 * option prints as "protection:"), and a GFP_KERNEL allocation checks
 * might_sleep(). Linux's counterparts: mm/page_alloc.c's debug checks
 * (bad_page), /proc/zoneinfo and the mm selftests.
 */
#include <asm/e820.h>
#include <asm/setup.h>
#include <kunit/test.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>

/* Free pages in the buddy after flushing the pcp lists: the baseline measure. */
static unsigned long settled_free_pages(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static void every_order_allocates(struct kunit *test)
{
	unsigned long before = settled_free_pages();

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;
		unsigned char *p;

		KUNIT_ASSERT_TRUE(test, page != NULL);
		pfn = page_to_pfn(page);
		KUNIT_EXPECT_EQ(test, pfn & ((1UL << order) - 1), 0);
		KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
		KUNIT_EXPECT_FALSE(test, PageBuddy(page));
		/* The whole block is usable memory through the direct map. */
		p = page_address(page);
		memset(p, 0xa5, PAGE_SIZE << order);
		KUNIT_EXPECT_EQ(test, p[(PAGE_SIZE << order) - 1], 0xa5);
		__free_pages(page, order);
	}
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
}

/*
 * Allocate, highest order first, until nothing is left. The blocks are
 * chained through their struct pages (lru and private belong to whoever
 * allocated the page), not through their memory: touching gigabytes of
 * fresh guest RAM costs QEMU host page faults, and the test is about the
 * allocator, not about that.
 */
static unsigned long exhaust(gfp_t gfp, struct list_head *chain)
{
	unsigned long pages = 0;

	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
			page->private = order;
			list_add(&page->lru, chain);
			pages += 1UL << order;
		}
	}
	return pages;
}

static void release(struct list_head *chain)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, chain, lru) {
		unsigned int order = page->private;

		list_del(&page->lru);
		page->private = 0;
		__free_pages(page, order);
	}
}

static void exhaust_and_free_returns_to_baseline(struct kunit *test)
{
	unsigned long before = settled_free_pages(), got, atomic_got;
	LIST_HEAD(chain);

	got = exhaust(GFP_KERNEL, &chain);
	/* GFP_KERNEL stops at the min watermark; GFP_ATOMIC may dig below it. */
	atomic_got = exhaust(GFP_ATOMIC, &chain);
	KUNIT_EXPECT_GT(test, got, before / 2);
	KUNIT_EXPECT_GT(test, atomic_got, 0);
	KUNIT_EXPECT_TRUE(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0) == NULL);
	KUNIT_EXPECT_LE(test, got + atomic_got, before);
	release(&chain);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
	KUNIT_EXPECT_EQ(test, nr_bad_pages, 0);
}

static void zone_modifiers_honoured(struct kunit *test)
{
	struct page *dma = alloc_pages(GFP_KERNEL | GFP_DMA, 0);
	struct page *dma32 = alloc_pages(GFP_KERNEL | GFP_DMA32, 2);
	struct page *any = alloc_pages(GFP_KERNEL, 0);

	KUNIT_ASSERT_TRUE(test, dma && dma32 && any);
	KUNIT_EXPECT_LT(test, page_to_pfn(dma), SZ_16M >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, page_zonenum(dma), ZONE_DMA);
	KUNIT_EXPECT_LT(test, page_to_pfn(dma32) + 3, SZ_4G >> PAGE_SHIFT);
	KUNIT_EXPECT_LE(test, page_zonenum(dma32), ZONE_DMA32);
	/* Without a modifier the highest populated zone is used first. */
	if (populated_zone(&NODE_DATA(0)->node_zones[ZONE_NORMAL]))
		KUNIT_EXPECT_EQ(test, page_zonenum(any), ZONE_NORMAL);
	else
		KUNIT_EXPECT_EQ(test, page_zonenum(any), ZONE_DMA32);
	__free_pages(dma, 0);
	__free_pages(dma32, 2);
	__free_pages(any, 0);
}

static void zeroed_pages(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	unsigned char *p;
	bool zero = true;

	KUNIT_ASSERT_TRUE(test, page != NULL);
	memset(page_address(page), 0x5a, 2 * PAGE_SIZE);
	__free_pages(page, 1);
	drain_all_pages(NULL);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	KUNIT_ASSERT_TRUE(test, page != NULL);
	p = page_address(page);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE; i++)
		zero &= !p[i];
	KUNIT_EXPECT_TRUE(test, zero);
	__free_pages(page, 1);
}

static void order_too_big_warns(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1) == NULL);
	KUNIT_EXPECT_TRUE(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN, 30) == NULL);
}

static void double_free_reported(struct kunit *test)
{
	unsigned long bad = nr_bad_pages, before;
	struct page *page = alloc_pages(GFP_KERNEL, 0);

	KUNIT_ASSERT_TRUE(test, page != NULL);
	__free_pages(page, 0);
	before = settled_free_pages();
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, nr_bad_pages, bad + 1);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
	nr_bad_pages = bad;	/* expected: keep the other tests' check clean */
}

static void wrong_order_reported(struct kunit *test)
{
	unsigned long bad = nr_bad_pages, before = settled_free_pages();
	struct page *page = alloc_pages(GFP_KERNEL, 0), *big = alloc_pages(GFP_KERNEL, 2);

	KUNIT_ASSERT_TRUE(test, page && big);
	__free_pages(page, 2);		/* allocated with order 0 */
	__free_pages(big + 1, 0);	/* a tail page, not an allocation */
	KUNIT_EXPECT_EQ(test, nr_bad_pages, bad + 2);
	/* Nothing was freed wrongly: the right frees still work. */
	__free_pages(page, 0);
	__free_pages(big, 2);
	KUNIT_EXPECT_EQ(test, nr_bad_pages, bad + 2);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
	nr_bad_pages = bad;
}

static void watermarks_ordered(struct kunit *test)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		KUNIT_EXPECT_LE(test, min_wmark_pages(zone), low_wmark_pages(zone));
		KUNIT_EXPECT_LT(test, low_wmark_pages(zone), high_wmark_pages(zone));
		KUNIT_EXPECT_LT(test, high_wmark_pages(zone), zone_managed_pages(zone));
	}
	KUNIT_EXPECT_GE(test, min_free_kbytes, 128);
}

static void zones_match_limits(struct kunit *test)
{
	const struct zone *z = NODE_DATA(0)->node_zones;
	unsigned long managed = 0;

	KUNIT_EXPECT_LE(test, zone_end_pfn(&z[ZONE_DMA]), SZ_16M >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, z[ZONE_DMA32].zone_start_pfn, zone_end_pfn(&z[ZONE_DMA]));
	KUNIT_EXPECT_LE(test, zone_end_pfn(&z[ZONE_DMA32]), SZ_4G >> PAGE_SHIFT);
	KUNIT_EXPECT_EQ(test, z[ZONE_NORMAL].zone_start_pfn, zone_end_pfn(&z[ZONE_DMA32]));
	for (int i = 0; i < MAX_NR_ZONES; i++)
		managed += z[i].managed_pages;
	KUNIT_EXPECT_EQ(test, managed, totalram_pages_count);
	KUNIT_EXPECT_LE(test, sizeof(struct page), 64);
}

static void memblock_handed_over(struct kunit *test)
{
	extern char _text[], _end[];
	struct page *kernel = virt_to_page(_text);

	/* memblock.memory is exactly the page-aligned RAM of the e820 map. */
	KUNIT_EXPECT_LE(test, memblock_phys_mem_size(), e820__total_ram(e820_table));
	KUNIT_EXPECT_GT(test, memblock_phys_mem_size(), e820__total_ram(e820_table) - SZ_1M);
	KUNIT_EXPECT_TRUE(test, memblock_is_region_reserved(__pa_symbol(_text),
							    _end - _text));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(0));
	/* Reserved pages stayed out of the buddy. */
	KUNIT_EXPECT_TRUE(test, PageReserved(kernel));
	KUNIT_EXPECT_TRUE(test, PageReserved(pfn_to_page(0)));
	/* The buddy got every present page except the reserved ones. */
	KUNIT_EXPECT_LE(test, totalram_pages_count + ((_end - _text) >> PAGE_SHIFT),
			NODE_DATA(0)->node_present_pages);
	KUNIT_EXPECT_GE(test, totalram_pages_count + (memblock_reserved_size() >> PAGE_SHIFT) + 1,
			NODE_DATA(0)->node_present_pages);
}

/*
 * The booted zones' protection is Linux's setup_per_zone_lowmem_reserve()
 * with its default ratios (DMA 256, DMA32 256, Normal 32): zone i keeps
 * back from a request whose highest zone is j the managed pages of zones
 * i+1..j over ratio[i].
 */
static void lowmem_reserve_ratios(struct kunit *test)
{
	struct zone *z = NODE_DATA(0)->node_zones;

	KUNIT_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[ZONE_DMA], 256);
	KUNIT_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[ZONE_DMA32], 256);
	KUNIT_EXPECT_EQ(test, sysctl_lowmem_reserve_ratio[ZONE_NORMAL], 32);
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		long upper = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++) {
			long want = 0;

			if (j > i) {
				upper += z[j].managed_pages;
				if (z[i].managed_pages)
					want = upper / sysctl_lowmem_reserve_ratio[i];
			}
			KUNIT_EXPECT_EQ(test, z[i].lowmem_reserve[j], want);
		}
	}
	/* Every machine of the matrix has DMA32 memory worth protecting DMA from. */
	KUNIT_EXPECT_GT(test, z[ZONE_DMA].lowmem_reserve[ZONE_DMA32], 0);
	KUNIT_EXPECT_GE(test, z[ZONE_DMA].lowmem_reserve[ZONE_NORMAL],
			z[ZONE_DMA].lowmem_reserve[ZONE_DMA32]);
	if (z[ZONE_NORMAL].managed_pages >= 256)
		KUNIT_EXPECT_GT(test, z[ZONE_DMA32].lowmem_reserve[ZONE_NORMAL], 0);
	/* And zone_watermark_ok() counts it: DMA refuses what DMA32 requests may not take. */
	if (z[ZONE_DMA].managed_pages) {
		long f = zone_page_state(&z[ZONE_DMA], NR_FREE_PAGES);
		long r = z[ZONE_DMA].lowmem_reserve[ZONE_NORMAL];

		KUNIT_EXPECT_TRUE(test, zone_watermark_ok(&z[ZONE_DMA], 0, f - r - 1, ZONE_NORMAL, 0));
		KUNIT_EXPECT_FALSE(test, zone_watermark_ok(&z[ZONE_DMA], 0, f - r, ZONE_NORMAL, 0));
		KUNIT_EXPECT_TRUE(test, zone_watermark_ok(&z[ZONE_DMA], 0, f - r, ZONE_DMA, 0));
	}
}

/* A blocking allocation in atomic context is reported (Linux: might_alloc()); GFP_ATOMIC is not. */
static void gfp_kernel_checks_might_sleep(struct kunit *test)
{
	unsigned long before = might_sleep_reports;
	struct page *page;

	preempt_disable();
	page = alloc_pages(GFP_ATOMIC, 0);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before);
	KUNIT_ASSERT_TRUE(test, page != NULL);
	__free_pages(page, 0);

	preempt_disable();
	page = alloc_pages(GFP_KERNEL, 0);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + 1);
	KUNIT_ASSERT_TRUE(test, page != NULL);
	__free_pages(page, 0);

	/* Where sleeping is fine, nothing is said. */
	page = alloc_pages(GFP_KERNEL, 0);
	KUNIT_EXPECT_EQ(test, might_sleep_reports, before + 1);
	KUNIT_ASSERT_TRUE(test, page != NULL);
	__free_pages(page, 0);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(every_order_allocates),
	KUNIT_CASE(exhaust_and_free_returns_to_baseline),
	KUNIT_CASE(zone_modifiers_honoured),
	KUNIT_CASE(zeroed_pages),
	KUNIT_CASE(order_too_big_warns),
	KUNIT_CASE(double_free_reported),
	KUNIT_CASE(wrong_order_reported),
	KUNIT_CASE(watermarks_ordered),
	KUNIT_CASE(zones_match_limits),
	KUNIT_CASE(memblock_handed_over),
	KUNIT_CASE(lowmem_reserve_ratios),
	KUNIT_CASE(gfp_kernel_checks_might_sleep),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "mm.page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
