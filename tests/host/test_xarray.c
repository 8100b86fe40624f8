// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the XArray (lib/xarray.c), under ASan and UBSan.
 *
 * lib/xarray.c is built as is; its node cache is a malloc-backed
 * stand-in for kmem_cache defined below (not the real SLUB of HOST_MM),
 * so the tests can count live nodes and inject allocation failures: with
 * fail_nowait set every allocation that may not sleep fails (what
 * xas_store() does under xa_lock), with fail_all every one fails, and
 * alloc_budget >= 0 lets only that many more succeed. The model test
 * turns fail_nowait on for some operations, so both the xas_nomem()
 * retry and a GFP_NOWAIT store failing with -ENOMEM are checked there.
 *
 * Linux counterparts: lib/test_xarray.c and tools/testing/radix-tree
 * (which also builds lib/xarray.c in user space and counts nodes).
 * XARRAY_SEED=<n> replays the randomised model test; it prints its seed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/slab.h>
#include <linux/xarray.h>

/* ---- the node cache: malloc, counted, with failure injection -------------- */

struct kmem_cache {
	const char *name;
	unsigned int size;
};

static struct kmem_cache node_cache;
static long nodes_live;		/* allocated and not yet freed */
static long nodes_allocated;	/* every successful allocation */
static bool fail_nowait;	/* fail allocations that may not sleep */
static bool fail_all;		/* fail every allocation */
static long alloc_budget = -1;	/* >= 0: allocations that may still succeed */
static long failed_allocs;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	node_cache.name = name;
	node_cache.size = size;
	return &node_cache;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *p;

	if (alloc_budget == 0 || fail_all || (fail_nowait && !gfpflags_allow_blocking(flags))) {
		failed_allocs++;
		return NULL;
	}
	if (alloc_budget > 0)
		alloc_budget--;
	p = malloc(s->size);
	if (!p)
		abort();
	/* Garbage unless asked for zeroes, so a missing __GFP_ZERO shows. */
	memset(p, (flags & __GFP_ZERO) ? 0 : 0xa5, s->size);
	nodes_live++;
	nodes_allocated++;
	return p;
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	assert_ptr_equal(s, &node_cache);
	nodes_live--;
	free(objp);
}

static int setup(void **state)
{
	if (!radix_tree_node_cachep)
		radix_tree_init();
	nodes_live = nodes_allocated = failed_allocs = 0;
	fail_nowait = fail_all = false;
	alloc_budget = -1;
	host_warn_count = 0;
	return 0;
}

/* ---- helpers ----------------------------------------------------------------- */

static void *ptr(unsigned long i)
{
	return (void *)((i << 4) | 0x1000);	/* 4-byte aligned, never internal */
}

static struct xa_node *top(struct xarray *xa)
{
	return xa_is_node(xa->xa_head) ? (struct xa_node *)((unsigned long)xa->xa_head - 2) : NULL;
}

static struct xa_node *to_node(void *entry)
{
	return (struct xa_node *)((unsigned long)entry - 2);
}

/*
 * Check one subtree's bookkeeping: count, nr_values, parent/offset links,
 * no empty node, leaves only at shift 0, and each mark bit set iff
 * something below carries it. Returns the entries below; ORs the marks
 * present below into *marks.
 */
static unsigned long check_node(struct xa_node *node, struct xa_node *parent, unsigned int offset,
				unsigned int *marks)
{
	unsigned long entries = 0;
	unsigned int count = 0, values = 0;

	assert_ptr_equal(node->parent, parent);
	if (parent)
		assert_int_equal(node->offset, offset);
	*marks = 0;
	for (unsigned int i = 0; i < XA_CHUNK_SIZE; i++) {
		void *e = node->slots[i];
		unsigned int below = 0;

		if (!e) {
			for (xa_mark_t m = 0; m <= XA_MARK_MAX; m++)
				assert_false(node->marks[m][0] & (1UL << i));
			continue;
		}
		count++;
		if (node->shift) {
			assert_true(xa_is_node(e));
			assert_int_equal(to_node(e)->shift, node->shift - XA_CHUNK_SHIFT);
			entries += check_node(to_node(e), node, i, &below);
		} else {
			assert_false(xa_is_internal(e));
			values += xa_is_value(e);
			entries++;
			for (xa_mark_t m = 0; m <= XA_MARK_MAX; m++)
				if (node->marks[m][0] & (1UL << i))
					below |= 1U << m;
		}
		for (xa_mark_t m = 0; m <= XA_MARK_MAX; m++)
			assert_int_equal(!!(node->marks[m][0] & (1UL << i)), !!(below & (1U << m)));
		*marks |= below;
	}
	assert_int_not_equal(count, 0);	/* empty nodes are freed */
	assert_int_equal(node->count, count);
	assert_int_equal(node->nr_values, values);
	return entries;
}

/* The whole array: returns its number of entries. */
static unsigned long check_xa(struct xarray *xa)
{
	unsigned int marks = 0;
	unsigned long n;

	if (!top(xa)) {
		if (!xa->xa_head)
			assert_int_equal(xa->xa_flags & XA_FLAGS_MARK_ALL, 0);
		return xa->xa_head != NULL;
	}
	n = check_node(top(xa), NULL, 0, &marks);
	for (xa_mark_t m = 0; m <= XA_MARK_MAX; m++)
		assert_int_equal(xa_marked(xa, m), !!(marks & (1U << m)));
	/* Shrunk: a top node using only slot 0 would have been freed. */
	assert_false(top(xa)->count == 1 && top(xa)->slots[0]);
	return n;
}

/* ---- tests ------------------------------------------------------------------- */

static void test_store_load_erase(void **state)
{
	DEFINE_XARRAY(xa);

	assert_true(xa_empty(&xa));
	assert_null(xa_load(&xa, 0));
	assert_null(xa_store(&xa, 5, ptr(5), GFP_KERNEL));
	assert_ptr_equal(xa_load(&xa, 5), ptr(5));
	assert_null(xa_load(&xa, 4));
	assert_null(xa_load(&xa, 6));
	assert_null(xa_load(&xa, 1UL << 40));
	assert_ptr_equal(xa_store(&xa, 5, ptr(50), GFP_KERNEL), ptr(5));	/* old entry */
	assert_ptr_equal(xa_load(&xa, 5), ptr(50));
	assert_false(xa_empty(&xa));
	assert_ptr_equal(xa_erase(&xa, 5), ptr(50));
	assert_null(xa_erase(&xa, 5));
	assert_null(xa_load(&xa, 5));
	assert_true(xa_empty(&xa));
	assert_int_equal(nodes_live, 0);
	/* Storing NULL is erasing. */
	xa_store(&xa, 7, ptr(7), GFP_KERNEL);
	assert_ptr_equal(xa_store(&xa, 7, NULL, GFP_KERNEL), ptr(7));
	assert_true(xa_empty(&xa));
	assert_int_equal(nodes_live, 0);
}

static void test_value_entries(void **state)
{
	struct xarray xa;
	unsigned long big = ULONG_MAX >> 1;

	xa_init(&xa);
	assert_true(xa_is_value(xa_mk_value(0)));
	assert_false(xa_is_value(ptr(1)));
	assert_int_equal(xa_to_value(xa_mk_value(big)), big);
	for (unsigned long i = 0; i < 10; i++)
		xa_store(&xa, i, xa_mk_value(i * 1000), GFP_KERNEL);
	xa_store(&xa, 10, ptr(10), GFP_KERNEL);
	xa_store(&xa, 11, xa_mk_value(big), GFP_KERNEL);
	for (unsigned long i = 0; i < 10; i++) {
		void *e = xa_load(&xa, i);

		assert_true(xa_is_value(e));
		assert_int_equal(xa_to_value(e), i * 1000);
	}
	assert_int_equal(xa_to_value(xa_load(&xa, 11)), big);
	assert_int_equal(top(&xa)->nr_values, 11);
	assert_int_equal(top(&xa)->count, 12);
	xa_erase(&xa, 3);
	assert_int_equal(top(&xa)->nr_values, 10);
	xa_store(&xa, 4, ptr(4), GFP_KERNEL);	/* value replaced by a pointer */
	assert_int_equal(top(&xa)->nr_values, 9);
	check_xa(&xa);
	xa_destroy(&xa);
	assert_true(xa_empty(&xa));
	assert_int_equal(nodes_live, 0);
}

static void test_insert_busy(void **state)
{
	DEFINE_XARRAY(xa);

	assert_int_equal(xa_insert(&xa, 100, ptr(1), GFP_KERNEL), 0);
	assert_int_equal(xa_insert(&xa, 100, ptr(2), GFP_KERNEL), -EBUSY);
	assert_ptr_equal(xa_load(&xa, 100), ptr(1));
	assert_int_equal(xa_insert(&xa, 0, ptr(3), GFP_KERNEL), 0);
	assert_int_equal(xa_insert(&xa, 0, ptr(4), GFP_KERNEL), -EBUSY);
	assert_int_equal(xa_insert(&xa, 1, NULL, GFP_KERNEL), -EINVAL);
	/* cmpxchg: only when the old entry matches. */
	assert_ptr_equal(xa_cmpxchg(&xa, 100, ptr(9), ptr(5), GFP_KERNEL), ptr(1));
	assert_ptr_equal(xa_load(&xa, 100), ptr(1));
	assert_ptr_equal(xa_cmpxchg(&xa, 100, ptr(1), ptr(5), GFP_KERNEL), ptr(1));
	assert_ptr_equal(xa_load(&xa, 100), ptr(5));
	assert_null(xa_cmpxchg(&xa, 200, NULL, ptr(6), GFP_KERNEL));
	assert_ptr_equal(xa_load(&xa, 200), ptr(6));
	xa_destroy(&xa);
	assert_int_equal(nodes_live, 0);
}

static void test_internal_refused(void **state)
{
	DEFINE_XARRAY(xa);
	void *r;

	r = xa_store(&xa, 1, xa_mk_internal(5), GFP_KERNEL);
	assert_true(xa_is_err(r));
	assert_int_equal(xa_err(r), -EINVAL);
	assert_true(host_warn_count >= 1);
	r = xa_store(&xa, 1, (void *)((unsigned long)ptr(1) | 2), GFP_KERNEL);	/* node-like */
	assert_int_equal(xa_err(r), -EINVAL);
	assert_int_equal(xa_insert(&xa, 2, xa_mk_internal(7), GFP_KERNEL), -EINVAL);
	assert_true(xa_empty(&xa));
	assert_int_equal(nodes_live, 0);
	/* Errors are internal entries; ordinary entries are not errors. */
	assert_false(xa_is_err(ptr(1)));
	assert_false(xa_is_err(xa_mk_value(3)));
	assert_int_equal(xa_err(ptr(1)), 0);
}

static const unsigned long sparse[] = {
	0, 1, 63, 64, 65, 4095, 4096, 262143, 262144, 1UL << 32, (1UL << 40) - 1, 1UL << 40,
	(1UL << 40) + 1, 1UL << 63, ULONG_MAX - 64, ULONG_MAX - 1, ULONG_MAX,
};
#define NSPARSE (sizeof(sparse) / sizeof(sparse[0]))

static void test_iterate_in_order(void **state)
{
	DEFINE_XARRAY(xa);
	unsigned long index, n;
	void *entry;

	/* Insert in a scrambled order. */
	for (unsigned long i = 0; i < NSPARSE; i++) {
		unsigned long j = (i * 7) % NSPARSE;

		assert_null(xa_store(&xa, sparse[j], ptr(j), GFP_KERNEL));
	}
	assert_int_equal(check_xa(&xa), NSPARSE);
	n = 0;
	xa_for_each(&xa, index, entry) {
		assert_true(n < NSPARSE);
		assert_int_equal(index, sparse[n]);
		assert_ptr_equal(entry, ptr(n));
		n++;
	}
	assert_int_equal(n, NSPARSE);
	/* From a start in the middle, and from just past an entry. */
	n = 6;
	xa_for_each_start(&xa, index, entry, 4096) {
		assert_int_equal(index, sparse[n]);
		n++;
	}
	assert_int_equal(n, NSPARSE);
	n = 7;
	xa_for_each_start(&xa, index, entry, 4097) {
		assert_int_equal(index, sparse[n]);
		n++;
	}
	assert_int_equal(n, NSPARSE);
	n = 0;
	xa_for_each_range(&xa, index, entry, 64, 1UL << 40)
		n++;
	assert_int_equal(n, 9);	/* 64 .. 1<<40 */
	/* xa_find / xa_find_after directly. */
	index = 66;
	assert_ptr_equal(xa_find(&xa, &index, ULONG_MAX, XA_PRESENT), ptr(5));
	assert_int_equal(index, 4095);
	index = 66;
	assert_null(xa_find(&xa, &index, 4094, XA_PRESENT));
	assert_int_equal(index, 66);
	index = ULONG_MAX;
	assert_null(xa_find_after(&xa, &index, ULONG_MAX, XA_PRESENT));
	xa_destroy(&xa);
	assert_int_equal(nodes_live, 0);
}

static void test_marks(void **state)
{
	DEFINE_XARRAY(xa);
	unsigned long index, n;
	void *entry;

	for (unsigned long i = 0; i < 4096; i++)
		xa_store(&xa, i, ptr(i), GFP_KERNEL);
	assert_false(xa_marked(&xa, XA_MARK_0));
	xa_set_mark(&xa, 5000, XA_MARK_0);	/* no entry: no mark */
	assert_false(xa_marked(&xa, XA_MARK_0));
	assert_false(xa_get_mark(&xa, 5000, XA_MARK_0));

	xa_set_mark(&xa, 3000, XA_MARK_0);
	xa_set_mark(&xa, 10, XA_MARK_1);
	xa_set_mark(&xa, 4000, XA_MARK_1);
	xa_set_mark(&xa, 4000, XA_MARK_2);
	assert_true(xa_get_mark(&xa, 3000, XA_MARK_0));
	assert_false(xa_get_mark(&xa, 3000, XA_MARK_1));
	assert_false(xa_get_mark(&xa, 3001, XA_MARK_0));
	assert_true(xa_marked(&xa, XA_MARK_0));
	check_xa(&xa);
	/* Propagation: exactly one top-level slot carries XA_MARK_0. */
	assert_int_equal(top(&xa)->shift, 6);
	assert_int_equal(top(&xa)->marks[XA_MARK_0][0], 1UL << (3000 >> 6));
	assert_int_equal(top(&xa)->marks[XA_MARK_1][0], (1UL << 0) | (1UL << (4000 >> 6)));

	n = 0;
	xa_for_each_marked(&xa, index, entry, XA_MARK_1) {
		assert_int_equal(index, n == 0 ? 10 : 4000);
		assert_ptr_equal(entry, ptr(index));
		n++;
	}
	assert_int_equal(n, 2);
	n = 0;
	xa_for_each_marked(&xa, index, entry, XA_MARK_0)
		n++;
	assert_int_equal(n, 1);

	xa_clear_mark(&xa, 10, XA_MARK_1);
	assert_false(xa_get_mark(&xa, 10, XA_MARK_1));
	assert_int_equal(top(&xa)->marks[XA_MARK_1][0], 1UL << (4000 >> 6));
	/* Erasing drops the entry's marks, all the way up. */
	xa_erase(&xa, 4000);
	assert_false(xa_marked(&xa, XA_MARK_1));
	assert_false(xa_marked(&xa, XA_MARK_2));
	xa_store(&xa, 4000, ptr(1), GFP_KERNEL);
	assert_false(xa_get_mark(&xa, 4000, XA_MARK_1));
	/* Replacing an entry keeps its marks (as Linux). */
	xa_store(&xa, 3000, ptr(2), GFP_KERNEL);
	assert_true(xa_get_mark(&xa, 3000, XA_MARK_0));
	check_xa(&xa);

	/* A mark on the lone entry at index 0 lives in xa_flags; growing keeps it. */
	xa_destroy(&xa);
	xa_store(&xa, 0, ptr(0), GFP_KERNEL);
	xa_set_mark(&xa, 0, XA_MARK_2);
	assert_true(xa_marked(&xa, XA_MARK_2));
	xa_store(&xa, 1UL << 40, ptr(1), GFP_KERNEL);
	assert_true(xa_get_mark(&xa, 0, XA_MARK_2));
	assert_false(xa_get_mark(&xa, 1UL << 40, XA_MARK_2));
	check_xa(&xa);
	xa_erase(&xa, 1UL << 40);
	assert_true(xa_get_mark(&xa, 0, XA_MARK_2));
	assert_int_equal(nodes_live, 0);
	xa_erase(&xa, 0);
	assert_false(xa_marked(&xa, XA_MARK_2));
	assert_true(xa_empty(&xa));
}

/* Marked iteration never enters an unmarked subtree: count the nodes it reads. */
static void test_marked_search_skips(void **state)
{
	DEFINE_XARRAY(xa);
	unsigned long index;
	void *entry;
	unsigned long n = 0;

	for (unsigned long i = 0; i < (1UL << 18); i += 61)
		xa_store(&xa, i, ptr(i), GFP_KERNEL);
	xa_set_mark(&xa, 200000, XA_MARK_0);	/* not a multiple of 61: no entry, no mark */
	xa_set_mark(&xa, 61 * 3000, XA_MARK_0);
	xa_set_mark(&xa, 61 * 4000, XA_MARK_0);
	xa_for_each_marked(&xa, index, entry, XA_MARK_0) {
		assert_int_equal(index, n == 0 ? 61 * 3000 : 61 * 4000);
		n++;
	}
	assert_int_equal(n, 2);
	/* The top node (shift 12) has marks only on the two subtrees that hold them. */
	assert_int_equal(top(&xa)->shift, 12);
	assert_int_equal(__builtin_popcountl(top(&xa)->marks[XA_MARK_0][0]), 2);
	check_xa(&xa);
	xa_destroy(&xa);
	assert_int_equal(nodes_live, 0);
}

static void test_sparse_grow_shrink(void **state)
{
	DEFINE_XARRAY(xa);

	for (unsigned long i = 0; i < NSPARSE; i++)
		assert_null(xa_store(&xa, sparse[i], ptr(i), GFP_KERNEL));
	assert_int_equal(top(&xa)->shift, 60);	/* ULONG_MAX needs all 11 levels */
	for (unsigned long i = 0; i < NSPARSE; i++)
		assert_ptr_equal(xa_load(&xa, sparse[i]), ptr(i));
	assert_null(xa_load(&xa, ULONG_MAX - 2));
	assert_null(xa_load(&xa, (1UL << 40) + 2));
	assert_int_equal(check_xa(&xa), NSPARSE);
	/* Erase from the top down: the tree shrinks as the high indices go. */
	for (unsigned long i = NSPARSE; i-- > 0;) {
		assert_ptr_equal(xa_erase(&xa, sparse[i]), ptr(i));
		assert_int_equal(check_xa(&xa), i);
		if (sparse[i] == 1UL << 63)	/* left: up to (1<<40)+1 */
			assert_int_equal(top(&xa)->shift, 36);
		if (sparse[i] == 1UL << 32)	/* left: up to 262144 */
			assert_int_equal(top(&xa)->shift, 18);
	}
	assert_true(xa_empty(&xa));
	assert_null(xa.xa_head);
	assert_int_equal(nodes_live, 0);
}

static void test_height_and_node_count(void **state)
{
	DEFINE_XARRAY(xa);

	xa_store(&xa, 0, ptr(0), GFP_KERNEL);
	assert_int_equal(nodes_live, 0);		/* index 0 lives in xa_head */
	assert_ptr_equal(xa.xa_head, ptr(0));
	xa_store(&xa, 1, ptr(1), GFP_KERNEL);
	assert_int_equal(nodes_live, 1);
	assert_int_equal(top(&xa)->shift, 0);
	xa_store(&xa, 64, ptr(64), GFP_KERNEL);	/* second leaf + new top */
	assert_int_equal(nodes_live, 3);
	assert_int_equal(top(&xa)->shift, 6);
	xa_store(&xa, 1UL << 40, ptr(2), GFP_KERNEL);
	assert_int_equal(top(&xa)->shift, 36);
	/* 7 levels: 5 new tops, plus the 6 nodes of the new path below the top */
	assert_int_equal(nodes_live, 3 + 5 + 6);
	xa_erase(&xa, 1UL << 40);
	assert_int_equal(top(&xa)->shift, 6);
	assert_int_equal(nodes_live, 3);
	xa_erase(&xa, 64);
	assert_int_equal(nodes_live, 1);
	assert_int_equal(top(&xa)->shift, 0);
	xa_erase(&xa, 1);
	assert_int_equal(nodes_live, 0);
	assert_ptr_equal(xa.xa_head, ptr(0));	/* shrunk back into the head */
	xa_erase(&xa, 0);
	assert_null(xa.xa_head);
	/* Dense fill and erase in the other order. */
	for (unsigned long i = 0; i < 5000; i++)
		xa_store(&xa, i, xa_mk_value(i), GFP_KERNEL);
	assert_int_equal(nodes_live, 1 + 2 + (5000 + 63) / 64);	/* top, 2 mid, 79 leaves */
	for (unsigned long i = 0; i < 5000; i++)
		xa_erase(&xa, i);
	assert_null(xa.xa_head);
	assert_int_equal(nodes_live, 0);
}

static void test_xas_nomem_retry(void **state)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 1UL << 20);	/* a path of 4 nodes: shifts 18, 12, 6, 0 */
	int tries = 0, retries = 0;

	fail_nowait = true;
	do {
		tries++;
		xas_lock(&xas);
		xas_store(&xas, ptr(7));
		xas_unlock(&xas);
		if (xas_error(&xas))
			assert_int_equal(xas_error(&xas), -ENOMEM);
	} while (xas_nomem(&xas, GFP_KERNEL) && ++retries < 100);
	assert_int_equal(xas_error(&xas), 0);
	/* Each failed try keeps what it built; one more node per xas_nomem(). */
	assert_int_equal(retries, 4);
	assert_int_equal(tries, 5);
	assert_int_equal(failed_allocs, 4);
	assert_int_equal(nodes_live, 4);	/* nothing left over in xas.xa_alloc */
	assert_null(xas.xa_alloc);
	assert_ptr_equal(xa_load(&xa, 1UL << 20), ptr(7));
	check_xa(&xa);

	/* xa_store() does the same dance itself: sleeping gfp succeeds ... */
	assert_null(xa_store(&xa, 1UL << 30, ptr(8), GFP_KERNEL));
	assert_ptr_equal(xa_load(&xa, 1UL << 30), ptr(8));
	/* ... a gfp that may not sleep fails, and leaves the tree as it was. */
	long before = nodes_live;
	void *r = xa_store(&xa, 1UL << 40, ptr(9), GFP_NOWAIT);

	assert_int_equal(xa_err(r), -ENOMEM);
	assert_int_equal(nodes_live, before);
	assert_null(xa_load(&xa, 1UL << 40));
	assert_int_equal(xa_insert(&xa, 1UL << 41, ptr(9), GFP_ATOMIC), -ENOMEM);
	fail_all = true;
	assert_int_equal(xa_err(xa_store(&xa, 5UL << 50, ptr(9), GFP_KERNEL)), -ENOMEM);
	assert_int_equal(nodes_live, before);
	assert_int_equal(check_xa(&xa), 2);
	fail_all = fail_nowait = false;
	/*
	 * Running out part way down a new path: the nodes already made
	 * must not stay in the tree empty (nor leak) when the store gives up.
	 */
	for (long budget = 0; budget < 11; budget++) {
		alloc_budget = budget;
		r = xa_store(&xa, 7UL << 50, ptr(9), GFP_KERNEL);	/* 3 new tops + 8 below */
		alloc_budget = -1;
		assert_int_equal(xa_err(r), -ENOMEM);
		assert_int_equal(nodes_live, before);
		assert_int_equal(check_xa(&xa), 2);
		assert_null(xa_load(&xa, 7UL << 50));
	}
	alloc_budget = 11;	/* exactly enough */
	assert_null(xa_store(&xa, 7UL << 50, ptr(9), GFP_KERNEL));
	assert_int_equal(alloc_budget, 0);
	alloc_budget = -1;
	assert_int_equal(nodes_live, before + 11);
	assert_int_equal(check_xa(&xa), 3);
	/* A store that needs no node cannot fail. */
	fail_all = true;
	assert_ptr_equal(xa_store(&xa, 1UL << 20, ptr(10), GFP_NOWAIT), ptr(7));
	fail_all = false;
	xa_destroy(&xa);
	assert_int_equal(nodes_live, 0);
}

static void test_xas_api(void **state)
{
	DEFINE_XARRAY(xa);
	XA_STATE(xas, &xa, 0);
	unsigned long n = 0;
	void *entry;

	for (unsigned long i = 0; i < 1000; i += 3)
		xa_store(&xa, i, ptr(i), GFP_KERNEL);
	xas_lock(&xas);
	xas_set(&xas, 300);
	assert_ptr_equal(xas_load(&xas), ptr(300));
	xas_set_mark(&xas, XA_MARK_1);
	assert_true(xas_get_mark(&xas, XA_MARK_1));
	xas_set(&xas, 301);
	assert_null(xas_load(&xas));
	/* Walked to 301: xas_find goes on after it. */
	assert_ptr_equal(xas_find(&xas, ULONG_MAX), ptr(303));
	assert_int_equal(xas.xa_index, 303);
	xas_set(&xas, 0);
	xas_for_each(&xas, entry, 500) {
		assert_ptr_equal(entry, ptr(xas.xa_index));
		n++;
	}
	assert_int_equal(n, 167);	/* 0, 3, ..., 498 */
	xas_set(&xas, 0);
	n = 0;
	xas_for_each_marked(&xas, entry, ULONG_MAX, XA_MARK_1) {
		assert_int_equal(xas.xa_index, 300);
		xas_clear_mark(&xas, XA_MARK_1);
		n++;
	}
	assert_int_equal(n, 1);
	assert_false(xa_marked(&xa, XA_MARK_1));
	/* Erase while iterating (freeing nodes under the cursor). */
	xas_set(&xas, 0);
	n = 0;
	xas_for_each(&xas, entry, ULONG_MAX) {
		assert_ptr_equal(xas_store(&xas, NULL), entry);
		n++;
	}
	assert_int_equal(n, 334);
	xas_unlock(&xas);
	assert_true(xa_empty(&xa));
	assert_int_equal(nodes_live, 0);
	/* Errors: a cursor in error does nothing. */
	xas_set_err(&xas, -EBUSY);
	assert_int_equal(xas_error(&xas), -EBUSY);
	assert_true(xas_invalid(&xas));
	assert_null(xas_load(&xas));
	assert_null(xas_store(&xas, ptr(1)));
	assert_true(xa_empty(&xa));
	assert_false(xas_nomem(&xas, GFP_KERNEL));	/* not -ENOMEM: no retry */
}

/* ---- the randomised model test ------------------------------------------------ */

#define MODEL_MAX 400

struct model_entry {
	unsigned long index;
	void *entry;
	unsigned int marks;
};

static struct model_entry model[MODEL_MAX];
static unsigned int model_n;
static uint64_t rng;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int model_find(unsigned long index, unsigned int *pos)
{
	unsigned int lo = 0, hi = model_n;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (model[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pos = lo;
	return lo < model_n && model[lo].index == index;
}

static void model_set(unsigned long index, void *entry)
{
	unsigned int pos;
	int found = model_find(index, &pos);

	if (!entry) {
		if (found) {
			memmove(&model[pos], &model[pos + 1], (model_n - pos - 1) * sizeof(model[0]));
			model_n--;
		}
		return;
	}
	if (found) {
		model[pos].entry = entry;
		return;
	}
	memmove(&model[pos + 1], &model[pos], (model_n - pos) * sizeof(model[0]));
	model[pos] = (struct model_entry){ index, entry, 0 };
	model_n++;
}

static void *model_get(unsigned long index)
{
	unsigned int pos;

	return model_find(index, &pos) ? model[pos].entry : NULL;
}

static unsigned long pick_index(void)
{
	switch (rnd() % 6) {
	case 0:
		return rnd() % 128;
	case 1:
		return rnd() % 8192;
	case 2:
		return (1UL << (rnd() % 64)) + (rnd() % 3) - 1;
	case 3:
		return ULONG_MAX - rnd() % 70;
	case 4:
		return model_n ? model[rnd() % model_n].index : 0;
	default:
		return rnd() & ((1UL << 41) - 1);
	}
}

static void model_check(struct xarray *xa)
{
	unsigned long index;
	unsigned int i = 0;
	void *entry;

	assert_int_equal(check_xa(xa), model_n);
	xa_for_each(xa, index, entry) {
		assert_true(i < model_n);
		assert_int_equal(index, model[i].index);
		assert_ptr_equal(entry, model[i].entry);
		assert_int_equal(xa_get_mark(xa, index, XA_MARK_0), !!(model[i].marks & 1));
		i++;
	}
	assert_int_equal(i, model_n);
	for (xa_mark_t m = 0; m <= XA_MARK_MAX; m++) {
		unsigned int j = 0;

		xa_for_each_marked(xa, index, entry, m) {
			while (j < model_n && !(model[j].marks & (1U << m)))
				j++;
			assert_true(j < model_n);
			assert_int_equal(index, model[j].index);
			j++;
		}
		while (j < model_n && !(model[j].marks & (1U << m)))
			j++;
		assert_int_equal(j, model_n);
	}
	if (!model_n) {
		assert_null(xa->xa_head);
		assert_int_equal(nodes_live, 0);
	}
}

static void test_random_model(void **state)
{
	DEFINE_XARRAY(xa);
	const char *env = getenv("XARRAY_SEED");
	uint64_t seed = env ? strtoull(env, NULL, 0) : (uint64_t)time(NULL) * 2654435761u;
	unsigned long ops = 0, nomem_failures = 0;

	if (!seed)
		seed = 1;
	printf("xarray random model: XARRAY_SEED=%llu\n", (unsigned long long)seed);
	fflush(stdout);
	rng = seed;
	for (int round = 0; round < 4; round++) {
		for (int step = 0; step < 1000; step++, ops++) {
			unsigned long index = pick_index();
			unsigned int op = rnd() % 10, pos;
			void *val = (rnd() & 1) ? ptr(rnd() % 100000) : xa_mk_value(rnd() >> 2);

			if (model_n >= MODEL_MAX - 1 && op < 4)
				op = 4;	/* full: erase instead */
			/* Now and then a round of allocation failure that may not sleep. */
			fail_nowait = (rnd() % 8) == 0;
			switch (op) {
			case 0:
			case 1: {
				/* While allocations fail, GFP_NOWAIT stores may fail too. */
				gfp_t gfp = (fail_nowait && (rnd() & 1)) ? GFP_NOWAIT : GFP_KERNEL;
				long live = nodes_live;
				void *r = xa_store(&xa, index, val, gfp);

				if (xa_is_err(r)) {
					/* -ENOMEM, and the tree (checked below) untouched */
					assert_true(gfp == GFP_NOWAIT);
					assert_int_equal(xa_err(r), -ENOMEM);
					assert_int_equal(nodes_live, live);
					nomem_failures++;
					break;
				}
				assert_ptr_equal(r, model_get(index));
				model_set(index, val);
				break;
			}
			case 2: {
				int want = model_get(index) ? -EBUSY : 0;

				assert_int_equal(xa_insert(&xa, index, val, GFP_KERNEL), want);
				if (!want)
					model_set(index, val);
				break;
			}
			case 3: {
				void *old = (rnd() & 1) ? model_get(index) : NULL;
				void *curr = model_get(index);

				assert_ptr_equal(xa_cmpxchg(&xa, index, old, val, GFP_KERNEL), curr);
				if (curr == old)
					model_set(index, val);
				break;
			}
			case 4:
			case 5:
				assert_ptr_equal(xa_erase(&xa, index), model_get(index));
				model_set(index, NULL);
				break;
			case 6:
			case 7: {
				xa_mark_t m = rnd() % 3;

				xa_set_mark(&xa, index, m);
				if (model_find(index, &pos))
					model[pos].marks |= 1U << m;
				break;
			}
			case 8: {
				xa_mark_t m = rnd() % 3;

				xa_clear_mark(&xa, index, m);
				if (model_find(index, &pos))
					model[pos].marks &= ~(1U << m);
				break;
			}
			default: {
				unsigned long start = index, exp;
				void *e = xa_find(&xa, &start, ULONG_MAX, XA_PRESENT);

				model_find(index, &pos);
				exp = pos < model_n ? model[pos].index : index;
				assert_ptr_equal(e, pos < model_n ? model[pos].entry : NULL);
				assert_int_equal(start, exp);
				break;
			}
			}
			fail_nowait = false;
			model_check(&xa);
		}
		/* Empty it every round: the tree must go back to nothing. */
		while (model_n) {
			unsigned long index = model[rnd() % model_n].index;

			assert_ptr_equal(xa_erase(&xa, index), model_get(index));
			model_set(index, NULL);
			model_check(&xa);
		}
		assert_int_equal(nodes_live, 0);
	}
	printf("xarray random model: %lu operations checked, %ld nodes allocated, %lu stores failed with -ENOMEM\n",
	       ops, nodes_allocated, nomem_failures);
	assert_true(nomem_failures > 0);	/* the failure path was exercised */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_store_load_erase, setup),
		cmocka_unit_test_setup(test_value_entries, setup),
		cmocka_unit_test_setup(test_insert_busy, setup),
		cmocka_unit_test_setup(test_internal_refused, setup),
		cmocka_unit_test_setup(test_iterate_in_order, setup),
		cmocka_unit_test_setup(test_marks, setup),
		cmocka_unit_test_setup(test_marked_search_skips, setup),
		cmocka_unit_test_setup(test_sparse_grow_shrink, setup),
		cmocka_unit_test_setup(test_height_and_node_count, setup),
		cmocka_unit_test_setup(test_xas_nomem_retry, setup),
		cmocka_unit_test_setup(test_xas_api, setup),
		cmocka_unit_test_setup(test_random_model, setup),
	};

	return cmocka_run_group_tests_name("xarray", tests, NULL, NULL);
}
