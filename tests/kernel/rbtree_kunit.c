// SPDX-License-Identifier: GPL-2.0
/*
 * The red-black tree (lib/rbtree.c) built with the kernel's flags and run
 * in the kernel: 512 nodes with scrambled keys inserted and erased, plain
 * and augmented (subtree maximum), the invariants checked after every
 * operation; the first broken one ends the case (so a wrong fix-up shows
 * as "not ok", not as a crash in a later rb_erase on a corrupt tree).
 * The thorough tests are on the host (tests/host/test_rbtree.c); Linux's
 * in-kernel counterpart is lib/rbtree_test.c.
 */
#include <kunit/test.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

#define NR 512

struct knode {
	struct rb_node rb;
	u32 key;
	u32 val;
	u32 max;
};

static struct knode knodes[NR];

static inline u32 knode_val(struct knode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, knode_cb, struct knode, rb, u32, max, knode_val);

/*
 * Black height of the subtree at @rb, or -1 on a broken rule: a parent
 * link, a red node with a red child, unequal black heights, a wrong
 * cached maximum (when @aug), keys out of order.
 */
static int knode_check(struct rb_node *rb, struct rb_node *parent, bool aug, u32 *prev,
		       long *count)
{
	struct knode *n;
	int l, r;
	u32 max;

	if (!rb)
		return 0;
	n = rb_entry(rb, struct knode, rb);
	if (rb_parent(rb) != parent || (rb_is_red(rb) && parent && rb_is_red(parent)))
		return -1;
	l = knode_check(rb->rb_left, rb, aug, prev, count);
	if (l < 0 || n->key < *prev)
		return -1;
	*prev = n->key;
	(*count)++;
	r = knode_check(rb->rb_right, rb, aug, prev, count);
	if (r < 0 || l != r)
		return -1;
	if (aug) {
		max = n->val;
		if (rb->rb_left && rb_entry(rb->rb_left, struct knode, rb)->max > max)
			max = rb_entry(rb->rb_left, struct knode, rb)->max;
		if (rb->rb_right && rb_entry(rb->rb_right, struct knode, rb)->max > max)
			max = rb_entry(rb->rb_right, struct knode, rb)->max;
		if (n->max != max)
			return -1;
	}
	return l + rb_is_black(rb);
}

static bool tree_ok(struct rb_root *root, long nr, bool aug)
{
	u32 prev = 0;
	long count = 0;

	if (root->rb_node && rb_is_red(root->rb_node))
		return false;
	return knode_check(root->rb_node, NULL, aug, &prev, &count) >= 0 && count == nr;
}

static void knode_insert(struct knode *node, struct rb_root *root, bool aug)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct knode *p = rb_entry(*link, struct knode, rb);

		parent = *link;
		if (aug && p->max < node->val)
			p->max = node->val;
		link = node->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	node->max = node->val;
	rb_link_node(&node->rb, parent, link);
	if (aug)
		rb_insert_augmented(&node->rb, root, &knode_cb);
	else
		rb_insert_color(&node->rb, root);
}

static void rbtree_insert_erase(struct kunit *test)
{
	for (int aug = 0; aug < 2; aug++) {
		struct rb_root root = RB_ROOT;
		struct rb_node *rb;
		u32 expect = 0;

		for (int i = 0; i < NR; i++) {
			knodes[i].key = (i * 97) % NR;	/* 97 is prime to NR */
			knodes[i].val = (i * 31) % 101;
			knode_insert(&knodes[i], &root, aug);
			KUNIT_ASSERT_TRUE(test, tree_ok(&root, i + 1, aug));
		}
		for (rb = rb_first(&root); rb; rb = rb_next(rb))
			KUNIT_EXPECT_EQ(test, rb_entry(rb, struct knode, rb)->key, expect++);
		KUNIT_EXPECT_EQ(test, expect, NR);
		/* Every even node, then every odd one. */
		for (int j = 0; j < NR; j++) {
			int i = j < NR / 2 ? 2 * j : 2 * (j - NR / 2) + 1;

			if (aug)
				rb_erase_augmented(&knodes[i].rb, &root, &knode_cb);
			else
				rb_erase(&knodes[i].rb, &root);
			KUNIT_ASSERT_TRUE(test, tree_ok(&root, NR - j - 1, aug));
		}
		KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&root));
	}
}

static struct kunit_case rbtree_cases[] = {
	KUNIT_CASE(rbtree_insert_erase),
	{}
};

static struct kunit_suite rbtree_suite = {
	.name = "lib.rbtree",
	.test_cases = rbtree_cases,
};
kunit_test_suite(rbtree_suite);
