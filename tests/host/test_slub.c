// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/slub.c, the SLUB slab allocator and kmalloc,
 * running on the real buddy allocator brought up on a malloc'd "RAM"
 * (tests/host/include/slub_test_helpers.h).
 *
 * Linux's counterpart is lib/slub_kunit.c (KUnit tests that corrupt red
 * zones and free pointers on purpose and count the reports), plus the
 * checks slab_debug makes as it runs (mm/slub.c: check_object(),
 * free_debug_processing()) and /proc/slabinfo. As in Linux with
 * slab_debug on the command line, every cache here is a debug cache
 * (slub_debug = SLAB_DEBUG_FLAGS before kmem_cache_init()), unless a case
 * turns debugging off to look at the fast-path layout. Covered:
 *
 *  - kmalloc of every size 1..8192: the right kmalloc cache (ksize() is
 *    its size), the whole of it writable, natural alignment for
 *    power-of-two sizes; kzalloc/kcalloc zero; kmalloc(0) is
 *    ZERO_SIZE_PTR; kfree(NULL) and kfree(ZERO_SIZE_PTR) do nothing;
 *    > 8192 bytes is a compound page from the buddy and goes back;
 *  - kmem_cache_create() with odd sizes and alignments, SLAB_HWCACHE_ALIGN;
 *  - constructors: once per object per new slab, objects stay constructed;
 *  - empty slabs going back to the buddy on kmem_cache_destroy() and
 *    kmem_cache_shrink(); destroying a cache with objects left;
 *  - kmem_cache_shrink() flushing every CPU's cpu slab (flush_all, with
 *    the stubs' on_each_cpu_cond playing each CPU), and debug caches
 *    having none;
 *  - every debug check provoked on purpose (double free, red zones, use
 *    after free, a pointer into the middle of an object, the wrong
 *    cache, a second free from another CPU with slab_debug=F), each
 *    report checked in printk_log, the cache usable after;
 *    the poison and red-zone bytes themselves;
 *  - the non-debug layout (free pointer in the middle of the object);
 *  - freelist pointer hardening (ptr ^ s->random ^ swab(address));
 *  - slabinfo's counts;
 *  - a randomised run against a reference model, switching CPUs so frees
 *    land in other CPUs' slabs (SLUB_SEED=<seed> replays it, SLUB_OPS=<n>
 *    changes its length), with the caches' counters checked against the
 *    slabs' freelists as it goes;
 *  - four threads, each playing one CPU, freeing each other's objects.
 *
 * check_cache() is the invariant both model tests lean on: walking every
 * partial slab and every CPU's slab and freelist, the free objects found
 * plus the objects the test holds must be exactly the cache's
 * total_objects, and every free object must be a real object slot of its
 * slab (a corrupted or mis-decoded free pointer fails here).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <slub_test_helpers.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/poison.h>

#define RAM_SIZE (128UL << 20)
#define NR_TEST_CPUS 4

/* ---- helpers ------------------------------------------------------------- */

/* The kmalloc cache size a request of size bytes gets (Linux: kmalloc_size_roundup). */
static unsigned int kmalloc_cache_size(size_t size)
{
	unsigned int n = KMALLOC_MIN_SIZE;

	if (size > 64 && size <= 96)
		return 96;
	if (size > 128 && size <= 192)
		return 192;
	while (n < size)
		n <<= 1;
	return n;
}

static void kmalloc_cache_name(unsigned int size, char *buf, size_t len)
{
	if (size >= 1024)
		snprintf(buf, len, "kmalloc-%uk", size / 1024);
	else
		snprintf(buf, len, "kmalloc-%u", size);
}

static bool is_pow2(unsigned long x)
{
	return x && !(x & (x - 1));
}

/* First byte of [p, p + n) that is not c, or NULL. */
static const uint8_t *find_not(const void *p, uint8_t c, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i] != c)
			return b + i;
	return NULL;
}

static void assert_filled(const void *p, uint8_t c, size_t n)
{
	const uint8_t *bad = find_not(p, c, n);

	if (bad)
		fail_msg("byte %td of %p is %#x, expected %#x", bad - (const uint8_t *)p, p,
			 *bad, c);
}

/* Does printk_log mention this pointer, formatted as the allocator's %p? */
static bool log_has_ptr(const void *p)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%p", p);
	return printk_log_contains(buf);
}

static void assert_log(const char *needle)
{
	if (!printk_log_contains(needle))
		fail_msg("\"%s\" not in printk_log:\n%s", needle, printk_log);
}

static void assert_log_ptr(const void *p)
{
	if (!log_has_ptr(p))
		fail_msg("%p not in printk_log:\n%s", p, printk_log);
}

static struct slab *slab_of(const void *object)
{
	return page_slab(compound_head(virt_to_page(object)));
}

static unsigned long slab_bytes(const struct kmem_cache *s)
{
	return PAGE_SIZE << oo_order(s->oo);
}

static bool cache_listed(const struct kmem_cache *s)
{
	struct kmem_cache *t;

	list_for_each_entry(t, &slab_caches, list)
		if (t == s)
			return true;
	return false;
}

static unsigned long free_pages_drained(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* The free pointer as stored, decoded by hand (CONFIG_SLAB_FREELIST_HARDENED). */
static void *decode_fp(const struct kmem_cache *s, const void *object)
{
	unsigned long addr = (unsigned long)object + s->offset;

	return (void *)(*(const unsigned long *)addr ^ s->random ^ __builtin_bswap64(addr));
}

/* Is p the start of an object slot of slab? */
static bool valid_slot(const struct kmem_cache *s, const struct slab *slab, const void *p)
{
	long off = (const char *)p - (const char *)slab_address(slab) - s->red_left_pad;

	return off >= 0 && off % s->size == 0 && off / s->size < slab->objects;
}

/* Length of a freelist of slab, every entry checked to be a free slot of it. */
static unsigned int freelist_len(const struct kmem_cache *s, const struct slab *slab, void *fp)
{
	unsigned int n = 0;

	for (; fp; fp = decode_fp(s, fp)) {
		if (!valid_slot(s, slab, fp))
			fail_msg("%s: free pointer %p is not an object of slab %p", s->name, fp,
				 slab_address(slab));
		if (++n > slab->objects)
			fail_msg("%s: freelist of slab %p loops", s->name, slab_address(slab));
		if ((s->flags & SLAB_RED_ZONE) &&
		    ((uint8_t *)fp)[s->object_size] != SLUB_RED_INACTIVE)
			fail_msg("%s: free object %p has an active red zone", s->name, fp);
	}
	return n;
}

/*
 * The cache's books against its slabs: partial slabs are unfrozen, on
 * the count, and their free objects number objects - inuse; each CPU
 * slab is frozen, and its objects freed by other CPUs number
 * objects - inuse. total_objects minus every free object found is what
 * is allocated, which must be live (the objects the caller holds).
 */
static void check_cache(struct kmem_cache *s, long live)
{
	long free = 0, nr_partial = 0;
	struct slab *slab;

	list_for_each_entry(slab, &s->node.partial, slab_list) {
		unsigned int n;

		assert_true(PageSlab(slab_page(slab)));
		assert_ptr_equal(slab->slab_cache, s);
		assert_int_equal(slab->frozen, 0);
		assert_int_equal(slab->objects, oo_objects(s->oo));
		n = freelist_len(s, slab, slab->freelist);
		assert_true(n > 0);
		assert_int_equal(n, slab->objects - slab->inuse);
		free += n;
		nr_partial++;
	}
	assert_int_equal(nr_partial, s->node.nr_partial);

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);
		unsigned int remote;

		if (!c->slab) {
			assert_null(c->freelist);
			continue;
		}
		assert_ptr_equal(c->slab->slab_cache, s);
		assert_int_equal(c->slab->frozen, 1);
		remote = freelist_len(s, c->slab, c->slab->freelist);
		assert_int_equal(remote, c->slab->objects - c->slab->inuse);
		free += remote + freelist_len(s, c->slab, c->freelist);
	}
	assert_int_equal(s->node.total_objects, s->node.nr_slabs * (long)oo_objects(s->oo));
	if (s->node.total_objects - free != live)
		fail_msg("%s: %ld objects, %ld free, but %ld live", s->name,
			 s->node.total_objects, free, live);
}

/* ---- set-up -------------------------------------------------------------- */

static int setup_debug(void **state)
{
	slub_test_bringup(RAM_SIZE, NR_TEST_CPUS, SLAB_DEBUG_FLAGS);
	return 0;
}

static int setup_nodebug(void **state)
{
	slub_test_bringup(RAM_SIZE, NR_TEST_CPUS, 0);
	return 0;
}

/* Cases that feed no bad input must leave no report and no warning behind. */
static int teardown_clean(void **state)
{
	host_cpu = 0;
	if (slab_debug_reports || host_warn_count || printk_log_contains("BUG") ||
	    printk_log_contains("WARNING")) {
		print_message("unexpected reports (%lu) / warnings (%d):\n%s", slab_debug_reports,
			      host_warn_count, printk_log);
		return -1;
	}
	return 0;
}

static int teardown_any(void **state)
{
	host_cpu = 0;
	return 0;
}

/* ---- kmalloc ------------------------------------------------------------- */

/* The sizes the issue names, and the cache each must land in. */
static const struct {
	size_t size;
	const char *cache;
} kmalloc_table[] = {
	{ 1, "kmalloc-8" },	{ 7, "kmalloc-8" },	{ 8, "kmalloc-8" },
	{ 9, "kmalloc-16" },	{ 16, "kmalloc-16" },	{ 17, "kmalloc-32" },
	{ 33, "kmalloc-64" },	{ 64, "kmalloc-64" },	{ 65, "kmalloc-96" },
	{ 95, "kmalloc-96" },	{ 96, "kmalloc-96" },	{ 97, "kmalloc-128" },
	{ 128, "kmalloc-128" },	{ 129, "kmalloc-192" },	{ 191, "kmalloc-192" },
	{ 192, "kmalloc-192" },	{ 193, "kmalloc-256" },	{ 257, "kmalloc-512" },
	{ 513, "kmalloc-1k" },	{ 1025, "kmalloc-2k" },	{ 2049, "kmalloc-4k" },
	{ 4095, "kmalloc-4k" },	{ 4096, "kmalloc-4k" },	{ 4097, "kmalloc-8k" },
	{ 8191, "kmalloc-8k" },	{ 8192, "kmalloc-8k" },
};

static void kmalloc_named_sizes_check(void **state)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_table); i++) {
		void *p = kmalloc(kmalloc_table[i].size, GFP_KERNEL);
		struct kmem_cache *s;

		assert_non_null(p);
		s = slub_test_cache_of(p);
		assert_non_null(s);
		assert_string_equal(s->name, kmalloc_table[i].cache);
		assert_int_equal(ksize(p), s->object_size);
		assert_true(ksize(p) >= kmalloc_table[i].size);
		kfree(p);
	}
}

/*
 * Every size from 1 to 8192: two objects at once, each in the kmalloc
 * cache of the right size, fresh ones poisoned (debug), writable to the
 * last byte ksize() gives without tripping a red zone, aligned, apart.
 */
static void kmalloc_every_size_check(void **state)
{
	bool debug = slub_debug;

	for (size_t size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		unsigned int want = kmalloc_cache_size(size);
		void *p[2];
		char name[32];

		kmalloc_cache_name(want, name, sizeof(name));
		for (int i = 0; i < 2; i++) {
			struct kmem_cache *s;

			p[i] = kmalloc(size, GFP_KERNEL);
			assert_non_null(p[i]);
			s = slub_test_cache_of(p[i]);
			assert_non_null(s);
			if (strcmp(s->name, name))
				fail_msg("kmalloc(%zu) came from %s, not %s", size, s->name, name);
			assert_int_equal(ksize(p[i]), want);
			assert_true(ksize(p[i]) >= size);
			if (is_pow2(want))
				assert_int_equal((unsigned long)p[i] % want, 0);
			else
				assert_int_equal((unsigned long)p[i] % 8, 0);
			if (debug)
				assert_filled(p[i], POISON_INUSE, want);
			memset(p[i], 0x30 + i, want);
		}
		assert_true((char *)p[0] + want <= (char *)p[1] ||
			    (char *)p[1] + want <= (char *)p[0]);
		assert_filled(p[0], 0x30, want);
		assert_filled(p[1], 0x31, want);
		kfree(p[1]);
		kfree(p[0]);
	}
	assert_int_equal(slab_debug_reports, 0);
}

/* kzalloc, kmem_cache_zalloc and kcalloc zero, even over a dirtied object. */
static void kzalloc_check(void **state)
{
	static const size_t sizes[] = { 1, 8, 24, 96, 100, 192, 500, 4095, 8192 };
	struct kmem_cache *s;
	void *p, *q;

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kmalloc(sizes[i], GFP_KERNEL);
		assert_non_null(p);
		memset(p, 0xee, ksize(p));
		kfree(p);
		q = kzalloc(sizes[i], GFP_KERNEL);
		assert_ptr_equal(q, p);		/* LIFO: the dirtied object again */
		assert_filled(q, 0, ksize(q));
		kfree(q);
	}

	p = kcalloc(10, 12, GFP_KERNEL);
	assert_non_null(p);
	assert_int_equal(ksize(p), 128);
	assert_filled(p, 0, 128);
	kfree(p);
	assert_null(kcalloc(SIZE_MAX / 8 + 1, 16, GFP_KERNEL));

	s = kmem_cache_create("zalloc-test", 40, 0, 0, NULL);
	assert_non_null(s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	memset(p, 0xee, 40);
	kmem_cache_free(s, p);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	assert_ptr_equal(q, p);
	assert_filled(q, 0, 40);
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

/* kmalloc(0), kfree(NULL), kfree(ZERO_SIZE_PTR): nothing happens, silently. */
static void kmalloc_zero_null_check(void **state)
{
	void *p = kmalloc(8, GFP_KERNEL);
	struct kmem_cache *s8 = slub_test_cache_of(p);
	unsigned long before;

	kfree(p);
	before = free_pages_drained();

	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	assert_ptr_equal(kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	assert_int_equal(ksize(ZERO_SIZE_PTR), 0);
	assert_int_equal(ksize(NULL), 0);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	kmem_cache_free(s8, NULL);
	assert_int_equal(free_pages_drained(), before);
	assert_int_equal(slab_debug_reports, 0);
	assert_string_equal(printk_log, "");
}

/*
 * Above KMALLOC_MAX_CACHE_SIZE kmalloc takes a compound page straight
 * from the buddy (Linux: kmalloc_large): naturally aligned, tails
 * pointing at the head, ksize() the whole block, and kfree() gives it
 * all back.
 */
static void kmalloc_large_check(void **state)
{
	static const size_t sizes[] = { 8193, 12288, 16384, 16385, 65536, 100000,
					1UL << 20, 4UL << 20 };
	unsigned long base = slub_test_free_pages();

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int order = get_order(sizes[i]);
		unsigned long bytes = PAGE_SIZE << order;
		struct page *head;
		uint8_t *p;

		p = kmalloc(sizes[i], GFP_KERNEL);
		assert_non_null(p);
		assert_int_equal((unsigned long)p % bytes, 0);
		assert_null(slub_test_cache_of(p));
		assert_int_equal(ksize(p), bytes);
		head = virt_to_page(p);
		assert_true(PageHead(head));
		assert_false(PageSlab(head));
		assert_int_equal(compound_order(head), order);
		for (unsigned long j = 1; j < (1UL << order); j++)
			assert_ptr_equal(compound_head(head + j), head);
		memset(p, 0x77, bytes);
		assert_int_equal(free_pages_drained(), base - (1UL << order));
		kfree(p);
		assert_int_equal(free_pages_drained(), base);

		/* kzalloc of the same size zeroes the (likely same) dirty block. */
		p = kzalloc(sizes[i], GFP_KERNEL);
		assert_non_null(p);
		assert_filled(p, 0, bytes);
		kfree(p);
		assert_int_equal(free_pages_drained(), base);
	}
	/* Beyond MAX_PAGE_ORDER: a plain failure. */
	assert_null(kmalloc(PAGE_SIZE << (MAX_PAGE_ORDER + 1), GFP_KERNEL | __GFP_NOWARN));
	assert_int_equal(slub_test_free_pages(), base);
}

/* kfree of a pointer inside a large kmalloc: reported, and the block stays. */
static void kfree_large_interior_check(void **state)
{
	unsigned long base = slub_test_free_pages();
	char *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	assert_non_null(p);
	kfree(p + PAGE_SIZE);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("is not a kmalloc'ed address");
	assert_log_ptr(p + PAGE_SIZE);
	assert_int_equal(free_pages_drained(), base - 4);
	kfree(p);
	assert_int_equal(free_pages_drained(), base);
	assert_int_equal(slab_debug_reports, 1);
}

/* ---- kmem_cache_create --------------------------------------------------- */

#define ALIGN_HW ((unsigned int)-1)

/* What a cache promises for (size, align, flags) (Linux: calculate_alignment). */
static unsigned int expected_align(unsigned int size, unsigned int align)
{
	if (align == ALIGN_HW) {
		unsigned int ralign = 64;

		while (size <= ralign / 2)
			ralign /= 2;
		align = ralign;
	}
	return max(align, 8U);
}

#define MAX_OBJS 4096
static void *objs[MAX_OBJS];

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Odd sizes and alignments: every object aligned as asked, inside a slab
 * of its cache, no two overlapping, all of it writable, red zones intact
 * (debug), and everything back to the buddy after kmem_cache_destroy().
 */
static void custom_sizes_aligns_check(void **state)
{
	static const unsigned int sizes[] = { 1, 3, 24, 100, 1000, 3000 };
	static const unsigned int aligns[] = { 0, 8, 16, 64, 256, ALIGN_HW };
	bool debug = slub_debug;
	unsigned long base;
	struct kmem_cache *warm = kmem_cache_create("warm", 8, 0, 0, NULL);

	/* Leave a free struct kmem_cache ready so creating one takes no page. */
	kmem_cache_destroy(warm);
	base = free_pages_drained();

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (unsigned int j = 0; j < ARRAY_SIZE(aligns); j++) {
			unsigned int size = sizes[i], want = expected_align(size, aligns[j]);
			unsigned int align = aligns[j] == ALIGN_HW ? 0 : aligns[j];
			slab_flags_t flags = aligns[j] == ALIGN_HW ? SLAB_HWCACHE_ALIGN : 0;
			struct kmem_cache *s = kmem_cache_create("odd", size, align, flags, NULL);
			unsigned int n;

			assert_non_null(s);
			assert_int_equal(kmem_cache_size(s), size);
			assert_int_equal(s->object_size, size);
			assert_true(s->size >= size);
			n = min(3 * oo_objects(s->oo) + 1, (unsigned int)MAX_OBJS);
			for (unsigned int k = 0; k < n; k++) {
				uint8_t *p = kmem_cache_alloc(s, GFP_KERNEL);
				struct slab *slab;

				assert_non_null(p);
				if ((uintptr_t)p % want)
					fail_msg("size %u align %u: object %p not %u-aligned", size,
						 aligns[j], p, want);
				slab = slab_of(p);
				assert_ptr_equal(slab->slab_cache, s);
				assert_true(p >= (uint8_t *)slab_address(slab));
				assert_true(p + size <=
					    (uint8_t *)slab_address(slab) + slab_bytes(s));
				if (debug) {
					assert_int_equal(p[-1], SLUB_RED_ACTIVE);
					assert_int_equal(p[size], SLUB_RED_ACTIVE);
				}
				memset(p, (uint8_t)k, size);
				objs[k] = p;
			}
			assert_true(s->node.nr_slabs >= 3);
			for (unsigned int k = 0; k < n; k++)
				assert_filled(objs[k], (uint8_t)k, size);
			qsort(objs, n, sizeof(objs[0]), cmp_ptr);
			for (unsigned int k = 0; k + 1 < n; k++)
				assert_true((char *)objs[k] + size <= (char *)objs[k + 1]);
			check_cache(s, n);
			for (unsigned int k = 0; k < n; k++)
				kmem_cache_free(s, objs[k]);
			check_cache(s, 0);
			kmem_cache_destroy(s);
			assert_false(cache_listed(s));
			assert_int_equal(free_pages_drained(), base);
		}
	}
	assert_int_equal(slab_debug_reports, 0);
}

/* Bad arguments: no cache, a warning, nothing leaked. */
static void create_bad_args_check(void **state)
{
	assert_null(kmem_cache_create("bad-align", 64, 48, 0, NULL));
	assert_null(kmem_cache_create("bad-size", 0, 0, 0, NULL));
	assert_null(kmem_cache_create(NULL, 64, 0, 0, NULL));
	assert_null(kmem_cache_create("too-big", KMALLOC_MAX_CACHE_SIZE * 4 + 1, 0, 0, NULL));
	assert_log("kmem_cache_create(bad-align) failed");
	printk_log_reset();
}

/* ---- constructors -------------------------------------------------------- */

#define CTOR_SIZE 72
#define CTOR_MAGIC 0xc7

static unsigned long ctor_calls;

static void test_ctor(void *object)
{
	ctor_calls++;
	memset(object, CTOR_MAGIC, CTOR_SIZE);
}

/* A constructor for any size: it may not know the size, so it writes nothing. */
static void test_ctor_any(void *object)
{
	ctor_calls++;
}

/*
 * The constructor runs when a slab is made, once for each of its
 * objects (Linux: setup_object() from allocate_slab()), never on
 * allocation; an object freed constructed comes back constructed,
 * debug or not (the free pointer must live outside such an object).
 */
static void ctor_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("ctor-test", CTOR_SIZE, 0, 0, test_ctor);
	unsigned int per_slab;

	assert_non_null(s);
	per_slab = oo_objects(s->oo);
	assert_true(per_slab > 2 && 2 * per_slab + 1 <= MAX_OBJS);
	assert_true(s->offset >= CTOR_SIZE);
	ctor_calls = 0;

	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, per_slab);
	for (unsigned int i = 1; i < per_slab; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, per_slab);
	objs[per_slab] = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, 2 * per_slab);
	for (unsigned int i = 0; i <= per_slab; i++)
		assert_filled(objs[i], CTOR_MAGIC, CTOR_SIZE);

	/* Free and take back, many times: still constructed, no more ctor calls. */
	for (unsigned int round = 0; round < 1000; round++) {
		unsigned int i = (round * 7) % (per_slab + 1);

		kmem_cache_free(s, objs[i]);
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_filled(objs[i], CTOR_MAGIC, CTOR_SIZE);
	}
	assert_int_equal(ctor_calls, 2 * per_slab);
	check_cache(s, per_slab + 1);

	for (unsigned int i = 0; i <= per_slab; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	assert_int_equal(s->node.nr_slabs, 0);
	/* A slab made afresh constructs its objects again. */
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	assert_int_equal(ctor_calls, 3 * per_slab);
	kmem_cache_free(s, objs[0]);
	kmem_cache_destroy(s);
}

/* ---- slabs back to the buddy --------------------------------------------- */

/*
 * A cache's slabs go back to the buddy when it is destroyed, the ones
 * min_partial kept as well (Linux: __kmem_cache_shutdown()).
 */
static void destroy_returns_pages_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("warm", 8, 0, 0, NULL);
	unsigned long base;
	unsigned int n;

	kmem_cache_destroy(s);
	base = free_pages_drained();

	s = kmem_cache_create("return-test", 200, 0, 0, NULL);
	assert_non_null(s);
	n = 10 * oo_objects(s->oo);
	assert_true(n <= MAX_OBJS);
	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_non_null(objs[i]);
	}
	assert_int_equal(s->node.nr_slabs, 10);
	assert_int_equal(free_pages_drained(), base - 10 * (1UL << oo_order(s->oo)));
	/* Free in an order that leaves partial slabs for a while. */
	for (unsigned int i = 0; i < n; i += 2)
		kmem_cache_free(s, objs[i]);
	for (unsigned int i = 1; i < n; i += 2)
		kmem_cache_free(s, objs[i]);
	check_cache(s, 0);
	assert_true(s->node.nr_slabs > 0);	/* min_partial keeps some */
	kmem_cache_destroy(s);
	assert_false(cache_listed(s));
	assert_int_equal(free_pages_drained(), base);
}

/*
 * kmem_cache_shrink() lets every CPU give back its own cpu slab (Linux:
 * flush_all -> flush_cpu_slab on the CPUs has_cpu_slab picks): here the
 * calling thread plays each of them in turn (tests/host/stubs.c). A
 * debug cache never has a cpu slab to give back.
 */
static void shrink_flushes_every_cpu_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("flush-test", 128, 0, 0, NULL);
	bool debug = s->flags & SLAB_DEBUG_FLAGS;
	void *p[NR_TEST_CPUS];

	assert_non_null(s);
	for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++) {
		struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, cpu);

		host_cpu = cpu;
		p[cpu] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_non_null(p[cpu]);
		if (debug) {
			assert_null(c->slab);
			assert_null(c->freelist);
		} else {
			assert_non_null(c->slab);
			assert_int_equal(c->slab->frozen, 1);
		}
	}
	/* One slab each, or for a debug cache one slab shared through the node. */
	assert_int_equal(s->node.nr_slabs, debug ? 1 : NR_TEST_CPUS);
	host_cpu = 0;
	for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++)
		kmem_cache_free(s, p[cpu]);	/* remote frees into frozen slabs */
	check_cache(s, 0);
	kmem_cache_shrink(s);
	assert_int_equal(host_cpu, 0);
	for (int cpu = 0; cpu < NR_TEST_CPUS; cpu++) {
		assert_null(per_cpu_ptr(s->cpu_slab, cpu)->slab);
		assert_null(per_cpu_ptr(s->cpu_slab, cpu)->freelist);
	}
	assert_int_equal(s->node.nr_slabs, 0);
	assert_int_equal(s->node.nr_partial, 0);
	kmem_cache_destroy(s);
}

/*
 * slab_debug=F without red zones finds a double free by walking the
 * slab's freelist (on_freelist). A debug cache keeps no cpu slabs, so
 * that list holds every free object whichever CPU freed it: a second
 * free from another CPU is caught too (Linux: free_debug_processing
 * under n->list_lock, objects never on a cpu freelist).
 */
static void debug_double_free_other_cpu_check(void **state)
{
	slab_flags_t saved = slub_debug;
	struct kmem_cache *s;
	void *p, *q, *r;

	slub_debug = 0;
	s = kmem_cache_create("double-f", 48, 0, SLAB_CONSISTENCY_CHECKS, NULL);
	slub_debug = saved;
	assert_non_null(s);
	host_cpu = 1;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	assert_null(this_cpu_ptr(s->cpu_slab)->slab);
	kmem_cache_free(s, p);			/* freed by the CPU that allocated it */
	host_cpu = 2;
	printk_log_reset();
	kmem_cache_free(s, p);			/* and again, from another CPU */
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG double-f");
	assert_log("Object already free");
	assert_log_ptr(p);
	/* The freelist is intact: two allocations give two new objects. */
	p = kmem_cache_alloc(s, GFP_KERNEL);
	r = kmem_cache_alloc(s, GFP_KERNEL);
	assert_true(p && r && p != r && p != q && r != q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	check_cache(s, 0);
	host_cpu = 0;
	kmem_cache_destroy(s);
	assert_false(printk_log_contains("Objects remaining"));
	assert_int_equal(slab_debug_reports, 1);
}

/* kmem_cache_shrink() gives back every empty slab and leaves a working cache. */
static void shrink_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("shrink-test", 500, 0, 0, NULL);
	unsigned long base = free_pages_drained();
	unsigned int n;

	assert_non_null(s);
	n = 12 * oo_objects(s->oo);
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	/*
	 * Empty slabs stay while the partial list is short; the slab being
	 * freed counts itself (Linux: nr_partial >= min_partial).
	 */
	assert_true(s->node.nr_slabs >= (long)s->min_partial - 1);
	assert_true(free_pages_drained() < base);

	kmem_cache_shrink(s);
	assert_int_equal(s->node.nr_slabs, 0);
	assert_int_equal(s->node.nr_partial, 0);
	assert_int_equal(s->node.total_objects, 0);
	assert_int_equal(free_pages_drained(), base);

	/* With objects still allocated, only the empty slabs go. */
	for (unsigned int i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (unsigned int i = 0; i < n; i++)
		if (i % oo_objects(s->oo))	/* keep the first object of each slab */
			kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	check_cache(s, 12);
	assert_int_equal(s->node.nr_slabs, 12);
	for (unsigned int i = 0; i < n; i += oo_objects(s->oo))
		kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	assert_int_equal(s->node.nr_slabs, 0);
	kmem_cache_destroy(s);
}

/*
 * kmem_cache_destroy() of a cache with live objects reports them and
 * leaves the cache alone (Linux: "Objects remaining ... on
 * __kmem_cache_shutdown()"); once they are freed it can be destroyed.
 */
static void destroy_with_objects_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 48, 0, 0, NULL);
	void *p, *q;

	assert_non_null(s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	assert_non_null(p);
	kmem_cache_destroy(s);
	assert_log("BUG leaky");
	assert_log("Objects remaining");
	assert_log_ptr(p);
	assert_int_equal(slab_debug_reports, 1);
	assert_true(cache_listed(s));

	/* Still a working cache. */
	q = kmem_cache_alloc(s, GFP_KERNEL);
	assert_non_null(q);
	assert_ptr_not_equal(q, p);
	kmem_cache_free(s, q);
	kmem_cache_free(s, p);
	check_cache(s, 0);
	printk_log_reset();
	kmem_cache_destroy(s);
	assert_false(printk_log_contains("Objects remaining"));
	assert_false(cache_listed(s));
	assert_int_equal(slab_debug_reports, 1);
}

/* ---- slabinfo ------------------------------------------------------------ */

/* /proc/slabinfo's line for a cache: name, active objects, objects, object size... */
static void slabinfo_check(void **state)
{
	struct kmem_cache *s = kmem_cache_create("info-test", 300, 0, 0, NULL);
	unsigned long active, num;
	unsigned int objsize, perslab, pages;
	const char *line;

	assert_non_null(s);
	for (unsigned int i = 0; i < 50; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_shrink(s);	/* the cpu slab's free objects go to the partial list */
	printk_log_reset();
	print_slabinfo();
	assert_log("slabinfo - version: 2.1");
	assert_log("kmalloc-64 ");
	line = strstr(printk_log, "info-test");
	assert_non_null(line);
	assert_int_equal(sscanf(line, "info-test %lu %lu %u %u %u", &active, &num, &objsize,
				&perslab, &pages), 5);
	assert_int_equal(active, 50);
	assert_int_equal(num, s->node.nr_slabs * oo_objects(s->oo));
	assert_int_equal(objsize, s->size);
	assert_int_equal(perslab, oo_objects(s->oo));
	assert_int_equal(pages, 1U << oo_order(s->oo));
	for (unsigned int i = 0; i < 50; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	printk_log_reset();
}

/* ---- debug: the bytes themselves ----------------------------------------- */

/*
 * A fresh object is POISON_INUSE (0x5a) inside SLUB_RED_ACTIVE (0xcc)
 * red zones; a freed one is POISON_FREE (0x6b) ending in POISON_END
 * (0xa5) inside SLUB_RED_INACTIVE (0xbb) ones (Linux: init_object()).
 */
static void debug_poison_layout_check(void **state)
{
	static const size_t sizes[] = { 8, 24, 64, 96, 1000, 4096, 8192 };

	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		uint8_t *p = kmalloc(sizes[i], GFP_KERNEL);
		struct kmem_cache *s = slub_test_cache_of(p);
		unsigned int size = s->object_size;

		assert_true(s->flags & SLAB_RED_ZONE);
		assert_true(s->flags & SLAB_POISON);
		assert_true(s->red_left_pad >= sizeof(void *));
		assert_true(s->inuse > size);
		assert_true(s->offset >= s->inuse);	/* free pointer outside */
		assert_filled(p, POISON_INUSE, size);
		assert_filled(p - s->red_left_pad, SLUB_RED_ACTIVE, s->red_left_pad);
		assert_filled(p + size, SLUB_RED_ACTIVE, s->inuse - size);
		kfree(p);
		assert_filled(p, POISON_FREE, size - 1);
		assert_int_equal(p[size - 1], POISON_END);
		assert_filled(p - s->red_left_pad, SLUB_RED_INACTIVE, s->red_left_pad);
		assert_filled(p + size, SLUB_RED_INACTIVE, s->inuse - size);
	}
	assert_int_equal(slab_debug_reports, 0);
}

/* After a report: the cache hands out and takes back objects as before, no duplicates. */
static void assert_cache_still_works(struct kmem_cache *s, unsigned long reports)
{
	unsigned int n = min(2 * oo_objects(s->oo) + 3, (unsigned int)MAX_OBJS);

	for (unsigned int i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		assert_non_null(objs[i]);
		memset(objs[i], 0x11, s->object_size);
	}
	qsort(objs, n, sizeof(objs[0]), cmp_ptr);
	for (unsigned int i = 0; i + 1 < n; i++)
		assert_ptr_not_equal(objs[i], objs[i + 1]);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	assert_int_equal(slab_debug_reports, reports);
}

/* ---- debug: provoked reports (Linux: lib/slub_kunit.c) ------------------- */

/* Double free: "Object already free", and the object is not put on the freelist twice. */
static void debug_double_free_check(void **state)
{
	void *p = kmalloc(64, GFP_KERNEL);
	struct kmem_cache *s = slub_test_cache_of(p);
	long live = 0;

	kfree(p);
	printk_log_reset();
	kfree(p);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG kmalloc-64");
	assert_log("Object already free");
	assert_log_ptr(p);
	assert_log("FIX kmalloc-64: Object not freed again");
	/* Nothing allocated in kmalloc-64 here besides the tests' own: check the books. */
	kmem_cache_shrink(s);
	check_cache(s, live);
	assert_cache_still_works(s, 1);
}

/*
 * A write one byte past the object: "Right Redzone overwritten" on
 * kfree(), the red zone restored ("FIX ... Restoring"), the object not
 * freed; a second kfree() then frees it. Same for the left red zone.
 */
static void debug_redzone_check(void **state)
{
	uint8_t *p = kmalloc(64, GFP_KERNEL);
	struct kmem_cache *s, *s64 = slub_test_cache_of(p);

	p[64] = 0x00;
	printk_log_reset();
	kfree(p);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG kmalloc-64");
	assert_log("Right Redzone overwritten");
	assert_log("FIX kmalloc-64: Restoring Right Redzone");
	assert_log("First byte 0x0 instead of 0xcc");
	assert_log_ptr(p + 64);
	assert_log_ptr(p);
	assert_log("not freed");
	assert_int_equal(p[64], SLUB_RED_ACTIVE);	/* repaired, still allocated */
	assert_filled(p, POISON_INUSE, 64);
	kfree(p);
	assert_int_equal(slab_debug_reports, 1);
	assert_int_equal(p[64], SLUB_RED_INACTIVE);	/* now free */

	p = kmalloc(200, GFP_KERNEL);
	s = slub_test_cache_of(p);
	p[-1] = 0x42;
	printk_log_reset();
	kfree(p);
	assert_int_equal(slab_debug_reports, 2);
	assert_log("BUG kmalloc-256");
	assert_log("Left Redzone overwritten");
	assert_log_ptr(p - 1);
	kfree(p);
	assert_int_equal(slab_debug_reports, 2);
	assert_cache_still_works(s, 2);
	assert_cache_still_works(s64, 2);
}

/* A free object's red zone damaged: caught when the object is handed out. */
static void debug_redzone_free_object_check(void **state)
{
	uint8_t *p = kmalloc(32, GFP_KERNEL), *q;
	struct kmem_cache *s = slub_test_cache_of(p);

	kfree(p);
	p[32] = 0x00;
	printk_log_reset();
	q = kmalloc(32, GFP_KERNEL);
	assert_ptr_equal(q, p);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG kmalloc-32");
	assert_log("Right Redzone overwritten");
	assert_int_equal(q[32], SLUB_RED_ACTIVE);
	kfree(q);
	assert_int_equal(slab_debug_reports, 1);
	assert_cache_still_works(s, 1);
}

/*
 * A write to a freed object: the poison is checked when the object is
 * next handed out (Linux: alloc_debug_processing -> check_object),
 * "Poison overwritten", and the object comes out repaired.
 */
static void debug_use_after_free_check(void **state)
{
	uint8_t *p = kmalloc(128, GFP_KERNEL), *q = NULL;
	struct kmem_cache *s = slub_test_cache_of(p);
	unsigned int n = 0;

	kfree(p);
	p[10] = 0x42;		/* use after free */
	printk_log_reset();
	while (n < MAX_OBJS && q != p)
		objs[n++] = q = kmalloc(128, GFP_KERNEL);
	assert_ptr_equal(q, p);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG kmalloc-128");
	assert_log("Poison overwritten");
	assert_log("First byte 0x42 instead of 0x6b");
	assert_log("FIX kmalloc-128: Restoring Poison");
	assert_log_ptr(p + 10);
	assert_log_ptr(p);
	assert_filled(q, POISON_INUSE, 128);
	for (unsigned int i = 0; i < n; i++)
		kfree(objs[i]);

	/* The last byte (POISON_END) too. */
	p = kmalloc(128, GFP_KERNEL);
	kfree(p);
	p[127] = 0x00;
	printk_log_reset();
	q = kmalloc(128, GFP_KERNEL);
	assert_ptr_equal(q, p);
	assert_int_equal(slab_debug_reports, 2);
	assert_log("End Poison overwritten");
	kfree(q);
	assert_cache_still_works(s, 2);
}

/* kfree() of a pointer into the middle of an object: "Invalid object pointer". */
static void debug_invalid_pointer_check(void **state)
{
	uint8_t *p = kmalloc(64, GFP_KERNEL);
	struct kmem_cache *s = slub_test_cache_of(p);

	printk_log_reset();
	kfree(p + 1);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("BUG kmalloc-64");
	assert_log("Invalid object pointer");
	assert_log_ptr(p + 1);
	assert_log("FIX kmalloc-64: Object not freed");
	/* The object is untouched and still allocated. */
	assert_int_equal(p[-1], SLUB_RED_ACTIVE);
	assert_int_equal(p[64], SLUB_RED_ACTIVE);
	kfree(p);
	assert_int_equal(slab_debug_reports, 1);
	assert_cache_still_works(s, 1);
}

/* kmem_cache_free() to the wrong cache, or of something not from a slab. */
static void debug_wrong_cache_check(void **state)
{
	struct kmem_cache *a = kmem_cache_create("cache-a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("cache-b", 64, 0, 0, NULL);
	void *p = kmem_cache_alloc(a, GFP_KERNEL);
	void *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	printk_log_reset();
	kmem_cache_free(b, p);
	assert_int_equal(slab_debug_reports, 1);
	assert_log("Wrong slab cache. cache-b but object");
	assert_log("is from cache-a");
	check_cache(a, 1);
	check_cache(b, 0);
	kmem_cache_free(b, big);
	assert_int_equal(slab_debug_reports, 2);
	assert_log("is from no slab");
	kmem_cache_free(a, p);
	kfree(big);
	assert_int_equal(slab_debug_reports, 2);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	assert_false(printk_log_contains("Objects remaining"));
}

/*
 * Every slab_debug letter combination (F, Z, P as on the command line)
 * on small and odd sizes, with and without a constructor: objects used
 * in full and freed and reused raise no report, since nothing the
 * allocator keeps in a free object (the free pointer) may land on a red
 * zone or the poison. Where red zones are on, a double free is caught.
 */
static void debug_flag_combinations_check(void **state)
{
	static const slab_flags_t combos[] = {
		SLAB_CONSISTENCY_CHECKS,
		SLAB_RED_ZONE,
		SLAB_POISON,
		SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE,
		SLAB_CONSISTENCY_CHECKS | SLAB_POISON,
		SLAB_RED_ZONE | SLAB_POISON,
		SLAB_DEBUG_FLAGS,
	};
	static const unsigned int sizes[] = { 1, 3, 4, 7, 8, 12, 24, 100 };
	slab_flags_t saved = slub_debug;

	for (unsigned int i = 0; i < ARRAY_SIZE(combos); i++) {
		for (unsigned int j = 0; j < 2 * ARRAY_SIZE(sizes); j++) {
			unsigned int size = sizes[j / 2];
			bool ctor = j & 1;
			struct kmem_cache *s;
			unsigned int n;

			slub_debug = combos[i];
			s = kmem_cache_create("combo", size, 0, 0, ctor ? test_ctor_any : NULL);
			slub_debug = saved;
			assert_non_null(s);
			assert_int_equal(s->flags & SLAB_DEBUG_FLAGS, combos[i]);
			n = 3 * oo_objects(s->oo);
			assert_true(n <= MAX_OBJS);
			for (int round = 0; round < 2; round++) {
				for (unsigned int k = 0; k < n; k++) {
					objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
					assert_non_null(objs[k]);
					memset(objs[k], 0x44, size);
				}
				for (unsigned int k = 0; k < n; k++)
					kmem_cache_free(s, objs[k]);
			}
			for (unsigned int k = 0; (combos[i] & SLAB_RED_ZONE) && k < n; k++) {
				const uint8_t *p = objs[k];
				const uint8_t *bad = find_not(p + size, SLUB_RED_INACTIVE,
							      s->inuse - size);

				if (!bad)
					bad = find_not(p - s->red_left_pad, SLUB_RED_INACTIVE,
						       s->red_left_pad);
				if (bad)
					fail_msg("slab_debug=%#x size %u%s: free object %p: "
						 "red zone byte %td is %#x", combos[i], size,
						 ctor ? " ctor" : "", p, bad - p, *bad);
			}
			if (slab_debug_reports)
				fail_msg("slab_debug=%#x size %u%s: %lu false reports:\n%s",
					 combos[i], size, ctor ? " ctor" : "", slab_debug_reports,
					 printk_log);
			check_cache(s, 0);
			if (combos[i] & SLAB_RED_ZONE) {
				void *p = kmem_cache_alloc(s, GFP_KERNEL);

				kmem_cache_free(s, p);
				kmem_cache_free(s, p);
				assert_int_equal(slab_debug_reports, 1);
				assert_log("Object already free");
				check_cache(s, 0);
				slab_debug_reports = 0;
				printk_log_reset();
			}
			kmem_cache_destroy(s);
		}
	}
}

/* ---- layout and hardening ------------------------------------------------ */

/*
 * Without debugging (slub_debug = 0 when the cache is made) objects are
 * packed at s->size from the start of the slab and the free pointer
 * sits in the middle of the object (Linux: calculate_sizes()).
 */
static void nodebug_layout_check(void **state)
{
	static const unsigned int sizes[] = { 8, 24, 100, 256, 1000 };
	slab_flags_t saved = slub_debug;

	slub_debug = 0;
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("fast", sizes[i], 0, 0, NULL);
		unsigned int size = sizes[i], n;
		uint8_t *first;

		assert_non_null(s);
		assert_int_equal(s->flags & SLAB_DEBUG_FLAGS, 0);
		assert_int_equal(s->red_left_pad, 0);
		assert_int_equal(s->size, ALIGN(size, 8));
		assert_int_equal(s->inuse, ALIGN(size, 8));
		assert_int_equal(s->offset, ALIGN_DOWN(size / 2, 8));
		assert_int_equal(oo_objects(s->oo), slab_bytes(s) / s->size);
		n = oo_objects(s->oo);
		first = kmem_cache_alloc(s, GFP_KERNEL);
		assert_ptr_equal(first, slab_address(slab_of(first)));
		objs[0] = first;
		for (unsigned int k = 1; k < n; k++) {
			objs[k] = kmem_cache_alloc(s, GFP_KERNEL);
			assert_ptr_equal(objs[k], first + k * s->size);
		}
		/* A freed object's middle word is overwritten by the free pointer. */
		memset(first, 0x33, size);
		kmem_cache_free(s, first);
		assert_true(*(unsigned long *)(first + s->offset) != 0x3333333333333333UL ||
			    size < 8);
		assert_filled(first, 0x33, s->offset);
		for (unsigned int k = 1; k < n; k++)
			kmem_cache_free(s, objs[k]);
		check_cache(s, 0);
		kmem_cache_destroy(s);
	}
	slub_debug = saved;
}

/*
 * CONFIG_SLAB_FREELIST_HARDENED: the word at object + s->offset of a free
 * object is next ^ s->random ^ swab(its own address), never the plain
 * next pointer; decoded by hand it leads to the next free object.
 */
static void hardened_freelist_check(void **state)
{
	slab_flags_t saved = slub_debug;

	for (int pass = 0; pass < 2; pass++) {
		struct kmem_cache *s;
		struct kmem_cache_cpu *c;
		struct slab *slab;
		uint8_t *a, *b, *last;
		unsigned long raw;
		void **head;

		slub_debug = pass ? 0 : SLAB_DEBUG_FLAGS;
		s = kmem_cache_create("hardened", 64, 0, 0, NULL);
		assert_non_null(s);
		assert_true(s->random != 0);
		a = kmem_cache_alloc(s, GFP_KERNEL);	/* object 0 of a fresh slab */
		/*
		 * The other free objects: on this CPU's freelist, or, for a
		 * debug cache (no cpu slabs), on the slab's own.
		 */
		slab = page_slab(compound_head(virt_to_page(a)));
		c = this_cpu_ptr(s->cpu_slab);
		head = pass ? (void **)&c->freelist : &slab->freelist;
		assert_ptr_equal(c->slab, pass ? slab : NULL);
		b = *head;				/* object 1 */
		assert_ptr_equal(b, a + s->size);
		raw = *(unsigned long *)(b + s->offset);
		assert_true(raw != (unsigned long)(b + s->size));
		assert_true(raw != ((unsigned long)(b + s->size) ^ s->random));
		assert_ptr_equal(decode_fp(s, b), b + s->size);

		kmem_cache_free(s, a);
		assert_ptr_equal(*head, a);
		raw = *(unsigned long *)(a + s->offset);
		assert_true(raw != (unsigned long)b);
		assert_ptr_equal(decode_fp(s, a), b);

		/* The last object ends the list: NULL, encoded (so not 0). */
		last = a + (oo_objects(s->oo) - 1) * s->size;
		raw = *(unsigned long *)(last + s->offset);
		assert_true(raw != 0);
		assert_null(decode_fp(s, last));
		check_cache(s, 0);
		kmem_cache_destroy(s);
	}
	slub_debug = saved;
}

/* ---- a randomised run against a reference model -------------------------- */

static uint64_t rnd_state;

static uint64_t rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

struct live_obj {
	uint8_t *p;
	size_t size;		/* what was asked for */
	size_t span;		/* what it may use: ksize() or the object size */
	struct kmem_cache *s;	/* NULL: kmalloc */
	uint8_t seed;
};

#define LIVE_MAX 3000
static struct live_obj live[LIVE_MAX];
static unsigned int nr_live;

static uint8_t pattern(uint8_t seed, size_t i)
{
	return (uint8_t)(seed + i * 131 + (i >> 8));
}

static void fill(const struct live_obj *o)
{
	for (size_t i = 0; i < o->size; i++)
		o->p[i] = pattern(o->seed, i);
}

static void verify(const struct live_obj *o)
{
	for (size_t i = 0; i < o->size; i++)
		if (o->p[i] != pattern(o->seed, i))
			fail_msg("object %p (size %zu) byte %zu is %#x, wrote %#x", o->p, o->size,
				 i, o->p[i], pattern(o->seed, i));
}

#define NR_MODEL_CACHES 3

static void model_check_all(void)
{
	struct kmem_cache *s;
	unsigned int nr_caches = 0;

	list_for_each_entry(s, &slab_caches, list) {
		long n = 0;

		nr_caches++;
		for (unsigned int i = 0; i < nr_live; i++) {
			const struct live_obj *o = &live[i];

			if (o->s == s || (!o->s && o->span <= KMALLOC_MAX_CACHE_SIZE &&
					  slub_test_cache_of(o->p) == s))
				n++;
		}
		if (!strcmp(s->name, "kmem_cache"))
			continue;	/* checked below, once the caches are counted */
		check_cache(s, n);
	}
	/* kmem_cache holds every cache but itself (it is static). */
	list_for_each_entry(s, &slab_caches, list)
		if (!strcmp(s->name, "kmem_cache"))
			check_cache(s, nr_caches - 1);
}

static void model_free(unsigned int i)
{
	struct live_obj *o = &live[i];

	verify(o);
	if (o->s)
		kmem_cache_free(o->s, o->p);
	else
		kfree(o->p);
	live[i] = live[--nr_live];
}

/*
 * Random kmalloc/kfree of random sizes (and of three private caches),
 * on a random CPU each time, so objects are often freed into another
 * CPU's slab. Each object carries a pattern checked before it is freed;
 * none may overlap another; ksize() covers the request; the caches'
 * counters agree with their slabs every so often; at the end everything
 * is back in the buddy.
 */
static void random_model_check(void **state)
{
	const char *seed_env = getenv("SLUB_SEED"), *ops_env = getenv("SLUB_OPS");
	unsigned long long seed = seed_env ? strtoull(seed_env, NULL, 0) :
				  (unsigned long long)time(NULL) ^
				  ((unsigned long long)getpid() << 20);
	unsigned long ops = ops_env ? strtoul(ops_env, NULL, 0) : 30000;
	static const struct {
		const char *name;
		unsigned int size, align;
		slab_flags_t flags;
	} cache_spec[NR_MODEL_CACHES] = {
		{ "model-40", 40, 0, 0 },
		{ "model-200-hw", 200, 0, SLAB_HWCACHE_ALIGN },
		{ "model-1000-a64", 1000, 64, 0 },
	};
	struct kmem_cache *caches[NR_MODEL_CACHES];
	unsigned long base, allocs = 0, frees = 0, large = 0, max_live = 0;

	print_message("slub random seed %llu (replay: SLUB_SEED=%llu), %lu operations\n", seed,
		      seed, ops);
	rnd_state = seed;
	nr_live = 0;
	base = slub_test_free_pages();
	for (int i = 0; i < NR_MODEL_CACHES; i++) {
		caches[i] = kmem_cache_create(cache_spec[i].name, cache_spec[i].size,
					      cache_spec[i].align, cache_spec[i].flags, NULL);
		assert_non_null(caches[i]);
	}

	for (unsigned long op = 0; op < ops; op++) {
		uint64_t r = rnd();
		unsigned int pick = (r >> 8) % 100;

		host_cpu = (r >> 4) % NR_TEST_CPUS;
		if (nr_live && (nr_live == LIVE_MAX || pick < 45)) {
			model_free((r >> 16) % nr_live);
			frees++;
		} else {
			struct live_obj *o = &live[nr_live];
			unsigned int kind = (r >> 16) % 100;
			bool zero = ((r >> 24) & 15) == 0;

			o->seed = (uint8_t)(r >> 32);
			o->s = NULL;
			if (kind < 10) {
				o->s = caches[(r >> 40) % NR_MODEL_CACHES];
				o->size = o->span = o->s->object_size;
				o->p = zero ? kmem_cache_zalloc(o->s, GFP_KERNEL) :
					      kmem_cache_alloc(o->s, GFP_KERNEL);
				assert_non_null(o->p);
				assert_int_equal((uintptr_t)o->p % o->s->align, 0);
			} else {
				if (kind < 12)
					o->size = KMALLOC_MAX_CACHE_SIZE + 1 + (r >> 40) % 60000;
				else if (kind < 35)
					o->size = 1 + (r >> 40) % KMALLOC_MAX_CACHE_SIZE;
				else
					o->size = 1 + (r >> 40) % 256;
				o->p = zero ? kzalloc(o->size, GFP_KERNEL) :
					      kmalloc(o->size, GFP_KERNEL);
				assert_non_null(o->p);
				o->span = ksize(o->p);
				assert_true(o->span >= o->size);
				if (o->size > KMALLOC_MAX_CACHE_SIZE) {
					assert_int_equal(o->span, PAGE_SIZE << get_order(o->size));
					large++;
				} else {
					assert_int_equal(o->span, kmalloc_cache_size(o->size));
				}
			}
			if (zero)
				assert_filled(o->p, 0, o->span);
			for (unsigned int i = 0; i < nr_live; i++)
				if (o->p < live[i].p + live[i].span && live[i].p < o->p + o->span)
					fail_msg("op %lu: new object %p+%zu overlaps live %p+%zu",
						 op, o->p, o->span, live[i].p, live[i].span);
			fill(o);
			nr_live++;
			allocs++;
			max_live = max(max_live, (unsigned long)nr_live);
		}
		if (op % 1000 == 999) {
			host_cpu = 0;
			if ((r >> 56) & 1)
				kmem_cache_shrink(caches[(r >> 57) % NR_MODEL_CACHES]);
			if ((r >> 58) & 1)
				drain_all_pages(NULL);
			model_check_all();
		}
	}

	host_cpu = 0;
	model_check_all();
	while (nr_live)
		model_free(nr_live - 1);
	model_check_all();
	for (int i = 0; i < NR_MODEL_CACHES; i++) {
		kmem_cache_destroy(caches[i]);
		assert_false(cache_listed(caches[i]));
	}
	print_message("  %lu allocations (%lu large), %lu frees, at most %lu live\n", allocs,
		      large, frees, max_live);
	assert_false(printk_log_contains("Objects remaining"));
	assert_int_equal(slab_debug_reports, 0);
	assert_int_equal(slub_test_free_pages(), base);
}

/* ---- threads: each a CPU, freeing each other's objects ------------------- */

#define THR_N NR_TEST_CPUS
#define THR_BATCH 8
#define THR_HOLD 32
#define THR_QUEUE 16384	/* more than a thread ever queues: pushes never fail */
#define THR_CACHE_SIZE 96
#define THR_MAGIC 0x51ab51abU

/* What each object of the threaded test starts with; the rest is a pattern. */
struct thr_hdr {
	uint32_t magic;
	uint32_t cpu;
	uint32_t seq;
	uint32_t size;		/* 0: from thr_cache */
};

struct obj_queue {
	pthread_mutex_t lock;
	void *objs[THR_QUEUE];
	unsigned int head, count;
};

struct thr {
	pthread_t thread;
	unsigned int cpu;
	uint64_t rnd;
	unsigned long allocs, frees, pushed, remote_frees, bad, failed;
	void *hold[THR_HOLD];
};

static struct kmem_cache *thr_cache;
static struct obj_queue queues[THR_N];
static struct thr thrs[THR_N];
static pthread_barrier_t thr_barrier;
static unsigned long thr_iters;

static uint64_t thr_rnd(struct thr *t)
{
	t->rnd ^= t->rnd << 13;
	t->rnd ^= t->rnd >> 7;
	t->rnd ^= t->rnd << 17;
	return t->rnd;
}

static size_t thr_obj_size(const struct thr_hdr *h)
{
	return h->size ? h->size : THR_CACHE_SIZE;
}

static void *thr_alloc(struct thr *t, unsigned int seq)
{
	uint64_t r = thr_rnd(t);
	/*
	 * Half from thr_cache, a quarter small kmallocs, a quarter up to
	 * 4 KiB (few objects per slab: cpu slabs fill and are let go of
	 * often, racing with remote frees into them).
	 */
	uint32_t size = (r & 1) ? ((r & 2) ? 16 + (r >> 8) % 4080 : 16 + (r >> 8) % 240) : 0;
	struct thr_hdr *h = size ? kmalloc(size, GFP_KERNEL) :
				   kmem_cache_alloc(thr_cache, GFP_KERNEL);
	uint8_t *b = (uint8_t *)h;

	if (!h) {
		t->failed++;
		return NULL;
	}
	t->allocs++;
	h->magic = THR_MAGIC;
	h->cpu = t->cpu;
	h->seq = seq;
	h->size = size;
	for (size_t i = sizeof(*h); i < thr_obj_size(h); i++)
		b[i] = (uint8_t)(seq + i);
	return h;
}

static void thr_free(struct thr *t, void *p, bool remote)
{
	struct thr_hdr *h = p;
	uint8_t *b = p;

	if (h->magic != THR_MAGIC || h->cpu >= THR_N || (remote && h->cpu == t->cpu)) {
		t->bad++;
	} else {
		for (size_t i = sizeof(*h); i < thr_obj_size(h); i++)
			if (b[i] != (uint8_t)(h->seq + i)) {
				t->bad++;
				break;
			}
	}
	h->magic = 0;
	if (h->size)
		kfree(p);
	else
		kmem_cache_free(thr_cache, p);
	t->frees++;
	if (remote)
		t->remote_frees++;
}

static bool queue_push(struct obj_queue *q, void *p)
{
	bool ok;

	pthread_mutex_lock(&q->lock);
	ok = q->count < THR_QUEUE;
	if (ok)
		q->objs[(q->head + q->count++) % THR_QUEUE] = p;
	pthread_mutex_unlock(&q->lock);
	return ok;
}

static void *queue_pop(struct obj_queue *q)
{
	void *p = NULL;

	pthread_mutex_lock(&q->lock);
	if (q->count) {
		p = q->objs[q->head];
		q->head = (q->head + 1) % THR_QUEUE;
		q->count--;
	}
	pthread_mutex_unlock(&q->lock);
	return p;
}

static void thr_drain_queue(struct thr *t)
{
	void *p;

	while ((p = queue_pop(&queues[t->cpu])))
		thr_free(t, p, true);
}

static void *thr_main(void *arg)
{
	struct thr *t = arg;
	void *batch[THR_BATCH];

	host_cpu = t->cpu;
	pthread_barrier_wait(&thr_barrier);
	for (unsigned long it = 0; it < thr_iters; it++) {
		for (int i = 0; i < THR_BATCH; i++)
			batch[i] = thr_alloc(t, (unsigned int)(it * THR_BATCH + i));
		for (int i = 0; i < THR_BATCH; i++) {
			if (!batch[i])
				continue;
			/* Half to the next CPU, half freed here (or kept a while). */
			if (i & 1) {
				if (queue_push(&queues[(t->cpu + 1) % THR_N], batch[i]))
					t->pushed++;
				else
					thr_free(t, batch[i], false);
			} else {
				unsigned int slot = thr_rnd(t) % THR_HOLD;
				void *old = t->hold[slot];

				t->hold[slot] = batch[i];
				if (old)
					thr_free(t, old, false);
			}
		}
		thr_drain_queue(t);
	}
	/* Nobody pushes after this barrier: empty our queue and let go of everything. */
	pthread_barrier_wait(&thr_barrier);
	thr_drain_queue(t);
	for (int i = 0; i < THR_HOLD; i++)
		if (t->hold[i])
			thr_free(t, t->hold[i], false);
	return NULL;
}

/*
 * Four threads, each playing one CPU with its own kmem_cache_cpu, pass
 * half their objects to the next one, which frees them into a slab
 * that is (often) another CPU's frozen slab or on the partial list
 * (Linux: __slab_free's remote path). At the end everything balances:
 * no object damaged, the cache's books agree with its slabs, shrinking
 * leaves no slab, and the buddy has all its pages back.
 */
static void threaded_remote_free_check(void **state)
{
	const char *iters_env = getenv("SLUB_THREAD_ITERS");
	unsigned long base, allocs = 0, frees = 0, pushed = 0, remote = 0, bad = 0, failed = 0;
	struct zone *zone;
	long wmark_room;

	thr_iters = iters_env ? strtoul(iters_env, NULL, 0) : 3000;
	nr_live = 0;
	base = slub_test_free_pages();
	/*
	 * ZONE_NORMAL far above its low watermark, so GFP_KERNEL never
	 * leaves the buddy's fast path for the slow one, whose
	 * drain_all_pages() would touch the other threads' pcp lists.
	 */
	zone = &contig_page_data.node_zones[ZONE_NORMAL];
	wmark_room = zone_page_state(zone, NR_FREE_PAGES) - low_wmark_pages(zone);
	assert_true(wmark_room > 8192);
	thr_cache = kmem_cache_create("thread-test", THR_CACHE_SIZE, 0, 0, NULL);
	assert_non_null(thr_cache);

	pthread_barrier_init(&thr_barrier, NULL, THR_N);
	for (unsigned int i = 0; i < THR_N; i++) {
		pthread_mutex_init(&queues[i].lock, NULL);
		queues[i].head = queues[i].count = 0;
		memset(&thrs[i], 0, sizeof(thrs[i]));
		thrs[i].cpu = i;
		thrs[i].rnd = 0x9e3779b97f4a7c15ULL * (i + 1);
	}
	for (unsigned int i = 0; i < THR_N; i++)
		assert_int_equal(pthread_create(&thrs[i].thread, NULL, thr_main, &thrs[i]), 0);
	for (unsigned int i = 0; i < THR_N; i++) {
		pthread_join(thrs[i].thread, NULL);
		allocs += thrs[i].allocs;
		frees += thrs[i].frees;
		pushed += thrs[i].pushed;
		remote += thrs[i].remote_frees;
		bad += thrs[i].bad;
		failed += thrs[i].failed;
	}
	pthread_barrier_destroy(&thr_barrier);
	for (unsigned int i = 0; i < THR_N; i++)
		pthread_mutex_destroy(&queues[i].lock);
	host_cpu = 0;

	print_message("  %u threads: %lu allocations, %lu frees (%lu remote)\n", THR_N, allocs,
		      frees, remote);
	assert_int_equal(failed, 0);
	assert_int_equal(bad, 0);
	assert_int_equal(allocs, frees);
	assert_int_equal(remote, pushed);
	assert_true(remote > allocs / 4);
	assert_int_equal(slab_debug_reports, 0);
	check_cache(thr_cache, 0);
	kmem_cache_shrink(thr_cache);
	assert_int_equal(thr_cache->node.nr_slabs, 0);
	assert_int_equal(thr_cache->node.nr_partial, 0);
	assert_int_equal(thr_cache->node.total_objects, 0);
	kmem_cache_destroy(thr_cache);
	assert_false(printk_log_contains("Objects remaining"));
	assert_false(printk_log_contains("page allocation failure"));
	model_check_all();
	assert_int_equal(slub_test_free_pages(), base);
}

#define CASE(f) cmocka_unit_test_setup_teardown(f, setup_debug, teardown_clean)
#define CASE_BAD(f) cmocka_unit_test_setup_teardown(f, setup_debug, teardown_any)
#define CASE_NODEBUG(f) { #f "_nodebug", f, setup_nodebug, teardown_clean, NULL }

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(kmalloc_named_sizes_check),
		CASE(kmalloc_every_size_check),
		CASE_NODEBUG(kmalloc_every_size_check),
		CASE(kzalloc_check),
		CASE_NODEBUG(kzalloc_check),
		CASE(kmalloc_zero_null_check),
		CASE(kmalloc_large_check),
		CASE_BAD(kfree_large_interior_check),
		CASE(custom_sizes_aligns_check),
		CASE_NODEBUG(custom_sizes_aligns_check),
		CASE_BAD(create_bad_args_check),
		CASE(ctor_check),
		CASE_NODEBUG(ctor_check),
		CASE(destroy_returns_pages_check),
		CASE_NODEBUG(destroy_returns_pages_check),
		CASE(shrink_check),
		CASE(shrink_flushes_every_cpu_check),
		CASE_NODEBUG(shrink_flushes_every_cpu_check),
		CASE_BAD(debug_double_free_other_cpu_check),
		CASE_BAD(destroy_with_objects_check),
		CASE(slabinfo_check),
		CASE(debug_poison_layout_check),
		CASE_BAD(debug_double_free_check),
		CASE_BAD(debug_redzone_check),
		CASE_BAD(debug_redzone_free_object_check),
		CASE_BAD(debug_use_after_free_check),
		CASE_BAD(debug_invalid_pointer_check),
		CASE_BAD(debug_wrong_cache_check),
		CASE(debug_flag_combinations_check),
		CASE(nodebug_layout_check),
		CASE(hardened_freelist_check),
		CASE(random_model_check),
		CASE_NODEBUG(random_model_check),
		CASE(threaded_remote_free_check),
		CASE_NODEBUG(threaded_remote_free_check),
	};

	return cmocka_run_group_tests_name("slub", tests, NULL, NULL);
}
