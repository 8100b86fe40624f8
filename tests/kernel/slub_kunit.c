// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator on the running kernel: kmalloc of every size class,
 * large kmalloc through the buddy, object caches with constructors and
 * alignment, slabs going back to the buddy, and each debug detection
 * (double free, red zone overwrite, use after free, bad pointer) caught
 * in a private debug cache without harming it. Linux: lib/slub_kunit.c.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <linux/slab.h>
#include <linux/string.h>

static unsigned long settled_free_pages(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static void kmalloc_every_size(struct kunit *test)
{
	static const size_t sizes[] = { 1, 7, 8, 9, 16, 33, 64, 65, 96, 97, 128, 150, 192,
					193, 256, 500, 1024, 2000, 4096, 5000, 8192 };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t size = sizes[i];
		unsigned char *p = kmalloc(size, GFP_KERNEL);
		size_t real;

		KUNIT_ASSERT_TRUE(test, p != NULL);
		real = ksize(p);
		KUNIT_EXPECT_GE(test, real, size);
		KUNIT_EXPECT_LE(test, real, size < 8 ? 8 : 2 * size);
		/* Power-of-two sizes are naturally aligned. */
		if ((real & (real - 1)) == 0)
			KUNIT_EXPECT_EQ(test, (unsigned long)p & (real - 1), 0);
		memset(p, 0x77, real);
		kfree(p);
	}
	KUNIT_EXPECT_TRUE(test, kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
}

static void kzalloc_zeroes(struct kunit *test)
{
	unsigned char *p = kmalloc(200, GFP_KERNEL);
	bool zero = true;

	KUNIT_ASSERT_TRUE(test, p != NULL);
	memset(p, 0xff, 200);
	kfree(p);
	p = kzalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, p != NULL);
	for (int i = 0; i < 200; i++)
		zero &= !p[i];
	KUNIT_EXPECT_TRUE(test, zero);
	kfree(p);
}

static void large_kmalloc_uses_buddy(struct kunit *test)
{
	unsigned long before = settled_free_pages();
	char *p = kmalloc(40000, GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, p != NULL);
	KUNIT_EXPECT_EQ(test, ksize(p), PAGE_SIZE << 4);
	KUNIT_EXPECT_TRUE(test, PageHead(virt_to_page(p)));
	KUNIT_EXPECT_TRUE(test, compound_head(virt_to_page(p + 20000)) == virt_to_page(p));
	p[39999] = 1;
	kfree(p);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
}

static int ctor_calls;

static void count_ctor(void *obj)
{
	ctor_calls++;
	memset(obj, 0x42, 40);
}

static void cache_ctor_and_destroy(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kunit_ctor", 40, 64, 0, count_ctor);
	/* After creating it: the cache's own struct may have taken a kmem_cache slab. */
	unsigned long before = settled_free_pages();
	void *objs[200];

	KUNIT_ASSERT_TRUE(test, s != NULL);
	ctor_calls = 0;
	for (int i = 0; i < 200; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, objs[i] != NULL);
		KUNIT_EXPECT_EQ(test, (unsigned long)objs[i] & 63, 0);
		KUNIT_EXPECT_EQ(test, ((unsigned char *)objs[i])[39], 0x42);
	}
	/* Constructed once per object in a new slab, not once per allocation. */
	KUNIT_EXPECT_GE(test, ctor_calls, 200);
	KUNIT_EXPECT_LT(test, ctor_calls, 400);
	for (int i = 0; i < 200; i++)
		kmem_cache_free(s, objs[i]);
	/* Every slab of the cache goes back to the buddy, to the page. */
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
	kmem_cache_destroy(s);
}

/* A private cache with every debug check on, whatever the boot options. */
static struct kmem_cache *debug_cache(void)
{
	return kmem_cache_create("kunit_debug", 64, 0, SLAB_DEBUG_FLAGS, NULL);
}

static void double_free_caught(struct kunit *test)
{
	struct kmem_cache *s = debug_cache();
	unsigned long reports = slab_debug_reports;
	void *p, *q;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	/* The cache still hands out distinct objects. */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, p && q && p != q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	kmem_cache_destroy(s);
}

/* Without red zones (slab_debug=F) the free lists themselves are searched. */
static void double_free_caught_without_redzones(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kunit_f", 48, 0, SLAB_CONSISTENCY_CHECKS, NULL);
	unsigned long reports = slab_debug_reports;
	void *p, *q, *r;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	/* The free list was not corrupted: two allocations give two objects. */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	r = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, p && r && p != r && r != q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	kmem_cache_destroy(s);
}

static void redzone_overwrite_caught(struct kunit *test)
{
	struct kmem_cache *s = debug_cache();
	unsigned long reports = slab_debug_reports;
	unsigned char *p;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, p[64], SLUB_RED_ACTIVE);
	KUNIT_EXPECT_EQ(test, p[-1], SLUB_RED_ACTIVE);
	KUNIT_EXPECT_EQ(test, p[0], POISON_INUSE);
	p[64] = 0x78;		/* one byte past the object */
	kmem_cache_free(s, p);	/* reported, repaired, and not freed */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	KUNIT_EXPECT_EQ(test, p[64], SLUB_RED_ACTIVE);
	kmem_cache_free(s, p);	/* now it is freed normally */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	kmem_cache_destroy(s);
}

static void use_after_free_caught(struct kunit *test)
{
	struct kmem_cache *s = debug_cache();
	unsigned long reports = slab_debug_reports;
	unsigned char *p, *q;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, p[0], POISON_FREE);
	KUNIT_EXPECT_EQ(test, p[63], POISON_END);
	p[10] = 0;		/* write after free */
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* the same object comes back first */
	KUNIT_EXPECT_TRUE(test, q == p);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

static void bad_pointer_caught(struct kunit *test)
{
	unsigned long reports = slab_debug_reports;
	char *p = kmalloc(64, GFP_KERNEL);
	struct kmem_cache *s = debug_cache();
	char *d;

	KUNIT_ASSERT_TRUE(test, p && s);
	d = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, d + 1);		/* not an object start */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	kmem_cache_free(s, p);			/* an object of another cache */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 2);
	kfree((void *)&ctor_calls);		/* not heap memory at all */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 3);
	kmem_cache_free(s, d);
	kfree(p);
	kmem_cache_destroy(s);
}

static void destroy_with_objects_reported(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kunit_leak", 32, 0, 0, NULL);
	unsigned long reports = slab_debug_reports;
	void *p;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_destroy(s);		/* reported; the cache stays */
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_debug_reports, reports + 1);
}

static struct kunit_case slub_cases[] = {
	KUNIT_CASE(kmalloc_every_size),
	KUNIT_CASE(kzalloc_zeroes),
	KUNIT_CASE(large_kmalloc_uses_buddy),
	KUNIT_CASE(cache_ctor_and_destroy),
	KUNIT_CASE(double_free_caught),
	KUNIT_CASE(double_free_caught_without_redzones),
	KUNIT_CASE(redzone_overwrite_caught),
	KUNIT_CASE(use_after_free_caught),
	KUNIT_CASE(bad_pointer_caught),
	KUNIT_CASE(destroy_with_objects_reported),
	{}
};

static struct kunit_suite slub_suite = {
	.name = "mm.slub",
	.test_cases = slub_cases,
};
kunit_test_suite(slub_suite);
