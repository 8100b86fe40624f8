// SPDX-License-Identifier: GPL-2.0
/*
 * The XArray (lib/xarray.c) in the running kernel, with its nodes from
 * the real "radix_tree_node" SLUB cache that start_kernel() creates: a
 * sparse store / iterate / mark / erase round that must end with an
 * empty tree. The thorough tests are on the host
 * (tests/host/test_xarray.c); Linux's in-kernel counterpart is
 * lib/test_xarray.c.
 */
#include <kunit/test.h>
#include <linux/xarray.h>

static DEFINE_XARRAY(test_xa);

static void xarray_sparse_round_trip(struct kunit *test)
{
	static const unsigned long idx[] = { 0, 1, 63, 64, 4096, 1UL << 40, ULONG_MAX };
	unsigned long index, n = 0;
	void *entry;

	KUNIT_ASSERT_TRUE(test, radix_tree_node_cachep != NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(idx); i++)
		KUNIT_EXPECT_TRUE(test, xa_store(&test_xa, idx[i], xa_mk_value(i), GFP_KERNEL) == NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(idx); i++)
		KUNIT_EXPECT_EQ(test, xa_to_value(xa_load(&test_xa, idx[i])), i);
	xa_set_mark(&test_xa, 4096, XA_MARK_0);
	xa_for_each(&test_xa, index, entry) {
		KUNIT_EXPECT_EQ(test, index, idx[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(idx));
	n = 0;
	xa_for_each_marked(&test_xa, index, entry, XA_MARK_0) {
		KUNIT_EXPECT_EQ(test, index, 4096UL);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 1UL);
	KUNIT_EXPECT_EQ(test, xa_insert(&test_xa, 64, xa_mk_value(9), GFP_KERNEL), -EBUSY);
	for (unsigned int i = 0; i < ARRAY_SIZE(idx); i++)
		KUNIT_EXPECT_EQ(test, xa_to_value(xa_erase(&test_xa, idx[i])), i);
	KUNIT_EXPECT_TRUE(test, xa_empty(&test_xa));
	KUNIT_EXPECT_FALSE(test, xa_marked(&test_xa, XA_MARK_0));
}

static struct kunit_case xarray_cases[] = {
	KUNIT_CASE(xarray_sparse_round_trip),
	{}
};

static struct kunit_suite xarray_suite = {
	.name = "lib.xarray",
	.test_cases = xarray_cases,
};
kunit_test_suite(xarray_suite);
