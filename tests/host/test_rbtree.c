// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the red-black tree (lib/rbtree.c, linux/rbtree.h,
 * linux/rbtree_augmented.h), under ASan and UBSan.
 *
 * Linux's counterpart is lib/rbtree_test.c (CONFIG_RBTREE_TEST): random
 * keys inserted and erased with check() after every step (in-order
 * sorted, no red node under a red one, the same black count on every
 * path) and an augmented tree caching each subtree's maximum checked by
 * recomputation. Here check_tree() checks more after every operation:
 * the root is black, bit 1 of every __rb_parent_color is clear, every
 * child's parent pointer points back, no red node has a red child, every
 * path to a NULL link has the same number of blacks, the keys are sorted
 * in order, the node count is right, rb_first/rb_next and rb_last/rb_prev
 * walk the same sequence, and the height is at most 2*log2(n+1).
 *
 * Also: postorder (each node after its children; freeing a tree with
 * rbtree_postorder_for_each_entry_safe), rb_replace_node, the cached
 * leftmost, the rb_add/rb_find helpers, two augmented trees (a subtree
 * maximum with RB_DECLARE_CALLBACKS_MAX, a subtree size with
 * RB_DECLARE_CALLBACKS, both against brute force), a randomised model
 * test against a sorted array and a deterministic 100000-node case.
 * RBTREE_SEED=<n> replays the model test; it prints its seed.
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
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

struct test_node {
	struct rb_node rb;
	u32 key;
	u32 val;		/* augmented tests: the per-node value */
	u32 augmented;		/* the subtree maximum of val */
	u32 size;		/* the subtree's node count (second augmented tree) */
	int visited;
};

/* ---- a small deterministic PRNG (xorshift64*) ---------------------------- */

static uint64_t rng = 88172645463325252ULL;

static u32 rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (u32)((rng * 2685821657736338717ULL) >> 32);
}

/* ---- the invariant checker -------------------------------------------------- */

#define to_node(ptr) rb_entry(ptr, struct test_node, rb)

struct check_state {
	long count;
	bool have_prev;
	u32 prev_key;
	int max_depth;
};

/*
 * Check the subtree at @rb (whose parent must be @parent); returns its
 * black height (blacks on any path from @rb down to a NULL link, NULL
 * itself not counted). Fails the test with a message on any violation.
 */
static int check_subtree(struct rb_node *rb, struct rb_node *parent, int depth,
			 struct check_state *st)
{
	int lh, rh;

	if (!rb)
		return 0;
	if (depth > st->max_depth)
		st->max_depth = depth;
	if (rb_parent(rb) != parent)
		fail_msg("key %u: parent pointer %p, expected %p", to_node(rb)->key,
			 (void *)rb_parent(rb), (void *)parent);
	if (rb->__rb_parent_color & 2)
		fail_msg("key %u: bit 1 of __rb_parent_color set", to_node(rb)->key);
	if (rb_is_red(rb) && parent && rb_is_red(parent))
		fail_msg("key %u: red node under red parent key %u", to_node(rb)->key,
			 to_node(parent)->key);
	lh = check_subtree(rb->rb_left, rb, depth + 1, st);
	/* In order: this node after everything on its left. */
	if (st->have_prev && to_node(rb)->key < st->prev_key)
		fail_msg("key %u after key %u: not sorted", to_node(rb)->key, st->prev_key);
	st->have_prev = true;
	st->prev_key = to_node(rb)->key;
	st->count++;
	rh = check_subtree(rb->rb_right, rb, depth + 1, st);
	if (lh != rh)
		fail_msg("key %u: black heights differ, left %d right %d", to_node(rb)->key, lh,
			 rh);
	return lh + rb_is_black(rb);
}

/* height <= 2*log2(n+1), i.e. 2^height <= (n+1)^2, in integers. */
static bool height_ok(int height, long n)
{
	unsigned long long sq = (unsigned long long)(n + 1) * (n + 1);

	return height < 63 && (1ULL << height) <= sq;
}

/* Returns the tree's height (nodes on the longest root-to-leaf path). */
static int check_tree(struct rb_root *root, long nr)
{
	struct check_state st = { 0 };
	struct rb_node *rb, *prev;
	long n;

	if (root->rb_node && !rb_is_black(root->rb_node))
		fail_msg("the root (key %u) is red", to_node(root->rb_node)->key);
	check_subtree(root->rb_node, NULL, 1, &st);
	if (st.count != nr)
		fail_msg("%ld nodes in the tree, expected %ld", st.count, nr);
	if (!height_ok(st.max_depth, nr))
		fail_msg("height %d > 2*log2(%ld+1)", st.max_depth, nr);

	/* rb_first/rb_next forwards, rb_last/rb_prev backwards: the same nodes. */
	for (n = 0, prev = NULL, rb = rb_first(root); rb; prev = rb, rb = rb_next(rb), n++) {
		if (prev && to_node(rb)->key < to_node(prev)->key)
			fail_msg("rb_next: key %u after %u", to_node(rb)->key, to_node(prev)->key);
		if (rb_prev(rb) != prev)
			fail_msg("rb_prev(key %u) is not the node before it", to_node(rb)->key);
	}
	assert_int_equal(n, nr);
	assert_ptr_equal(prev, rb_last(root));
	for (n = 0, rb = rb_last(root); rb; rb = rb_prev(rb))
		n++;
	assert_int_equal(n, nr);
	return st.max_depth;
}

/* ---- plain insert / erase, as Linux's test does them ------------------------ */

static void insert(struct test_node *node, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (node->key < to_node(parent)->key)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&node->rb, parent, link);
	rb_insert_color(&node->rb, root);
}

#define NODES 100
#define CHECK_LOOPS 100

static struct test_node nodes[NODES];

static void init_nodes(struct test_node *n, int nr)
{
	for (int i = 0; i < nr; i++) {
		memset(&n[i], 0, sizeof(n[i]));
		n[i].key = rnd();
		n[i].val = rnd();
	}
}

static void shuffle(int *order, int nr)
{
	for (int i = 0; i < nr; i++)
		order[i] = i;
	for (int i = nr - 1; i > 0; i--) {
		int j = rnd() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
}

static void test_empty(void **state)
{
	struct rb_root root = RB_ROOT;
	struct rb_root_cached croot = RB_ROOT_CACHED;
	struct test_node n = { .key = 1 };

	assert_true(RB_EMPTY_ROOT(&root));
	assert_null(rb_first(&root));
	assert_null(rb_last(&root));
	assert_null(rb_first_postorder(&root));
	assert_null(rb_first_cached(&croot));
	RB_CLEAR_NODE(&n.rb);
	assert_true(RB_EMPTY_NODE(&n.rb));
	assert_null(rb_next(&n.rb));
	assert_null(rb_prev(&n.rb));
	insert(&n, &root);
	assert_false(RB_EMPTY_ROOT(&root));
	assert_false(RB_EMPTY_NODE(&n.rb));
	assert_true(rb_is_black(&n.rb));
	assert_ptr_equal(rb_first(&root), &n.rb);
	assert_ptr_equal(rb_last(&root), &n.rb);
	assert_null(rb_next(&n.rb));
	assert_null(rb_prev(&n.rb));
	check_tree(&root, 1);
	rb_erase(&n.rb, &root);
	assert_true(RB_EMPTY_ROOT(&root));
}

/* Linux's check loop: random keys in, then out, check() after every step. */
static void test_insert_erase_random(void **state)
{
	struct rb_root root = RB_ROOT;
	int order[NODES];

	rng = 3141592653589793238ULL;
	for (int loop = 0; loop < CHECK_LOOPS; loop++) {
		init_nodes(nodes, NODES);
		/* Every other loop, small keys so duplicates are common. */
		if (loop & 1)
			for (int j = 0; j < NODES; j++)
				nodes[j].key %= 16;
		for (int j = 0; j < NODES; j++) {
			check_tree(&root, j);
			insert(&nodes[j], &root);
		}
		/* Erase in insertion order (as Linux) or shuffled. */
		if (loop % 4 < 2)
			for (int j = 0; j < NODES; j++)
				order[j] = j;
		else
			shuffle(order, NODES);
		for (int j = 0; j < NODES; j++) {
			check_tree(&root, NODES - j);
			rb_erase(&nodes[order[j]].rb, &root);
		}
		check_tree(&root, 0);
		assert_true(RB_EMPTY_ROOT(&root));
	}
}

/* Sorted input: every insert goes to the same edge, the rotation-heavy case. */
static void test_sequential(void **state)
{
	struct rb_root root = RB_ROOT;
	static struct test_node seq[1000];
	const int nr = ARRAY_SIZE(seq);

	for (int dir = 0; dir < 2; dir++) {
		for (int i = 0; i < nr; i++) {
			memset(&seq[i], 0, sizeof(seq[i]));
			seq[i].key = dir ? nr - i : i;
			insert(&seq[i], &root);
			check_tree(&root, i + 1);
		}
		/* Erase from the smallest up, then (next round) from the largest down. */
		for (int i = 0; i < nr; i++) {
			struct rb_node *victim = dir ? rb_last(&root) : rb_first(&root);

			rb_erase(victim, &root);
			if (i % 16 == 0)
				check_tree(&root, nr - i - 1);
		}
		check_tree(&root, 0);
	}
}

static void test_iterate_both_ways(void **state)
{
	struct rb_root root = RB_ROOT;
	struct test_node *pos;
	u32 expect = 0;
	int n = 0;

	/* Keys 0..99 inserted in a scrambled order (37 is prime to 100). */
	for (int i = 0; i < NODES; i++) {
		memset(&nodes[i], 0, sizeof(nodes[i]));
		nodes[i].key = (i * 37) % NODES;
		insert(&nodes[i], &root);
	}
	check_tree(&root, NODES);
	rbtree_for_each_entry(pos, &root, rb) {
		assert_int_equal(pos->key, expect);
		expect++;
		n++;
	}
	assert_int_equal(n, NODES);
	expect = NODES;
	for (struct rb_node *rb = rb_last(&root); rb; rb = rb_prev(rb))
		assert_int_equal(to_node(rb)->key, --expect);
	assert_int_equal(expect, 0);
	/* Walks starting in the middle. */
	for (int i = 0; i < NODES; i++) {
		struct rb_node *next = rb_next(&nodes[i].rb), *prev = rb_prev(&nodes[i].rb);

		if (nodes[i].key == NODES - 1)
			assert_null(next);
		else
			assert_int_equal(to_node(next)->key, nodes[i].key + 1);
		if (nodes[i].key == 0)
			assert_null(prev);
		else
			assert_int_equal(to_node(prev)->key, nodes[i].key - 1);
	}
}

static void test_postorder(void **state)
{
	struct rb_root root = RB_ROOT;
	struct test_node *pos, *n;
	int count = 0;

	rng = 12345;
	for (int round = 0; round < 20; round++) {
		int nr = 1 + rnd() % NODES;

		root = RB_ROOT;
		init_nodes(nodes, nr);
		for (int i = 0; i < nr; i++)
			insert(&nodes[i], &root);
		count = 0;
		for (struct rb_node *rb = rb_first_postorder(&root); rb; rb = rb_next_postorder(rb)) {
			struct test_node *t = to_node(rb);

			assert_int_equal(t->visited, 0);
			if (rb->rb_left)
				assert_int_equal(to_node(rb->rb_left)->visited, 1);
			if (rb->rb_right)
				assert_int_equal(to_node(rb->rb_right)->visited, 1);
			t->visited = 1;
			count++;
		}
		assert_int_equal(count, nr);
		/* The last node in postorder is the root. */
		count = 0;
		rbtree_postorder_for_each_entry_safe(pos, n, &root, rb) {
			if (!n)
				assert_ptr_equal(&pos->rb, root.rb_node);
			count++;
		}
		assert_int_equal(count, nr);
	}

	/* Freeing every node in the loop body: ASan catches a use after free. */
	root = RB_ROOT;
	for (int i = 0; i < 500; i++) {
		struct test_node *t = calloc(1, sizeof(*t));

		assert_non_null(t);
		t->key = rnd();
		insert(t, &root);
	}
	count = 0;
	rbtree_postorder_for_each_entry_safe(pos, n, &root, rb) {
		memset(pos, 0x6b, sizeof(*pos));
		free(pos);
		count++;
	}
	assert_int_equal(count, 500);
	root = RB_ROOT;
}

static void test_replace_node(void **state)
{
	struct rb_root root = RB_ROOT;
	static struct test_node repl[NODES];

	rng = 777;
	init_nodes(nodes, NODES);
	for (int i = 0; i < NODES; i++)
		insert(&nodes[i], &root);
	/* Replace every node, the root included, by a twin with the same key. */
	for (int i = 0; i < NODES; i++) {
		struct rb_node *old_parent = rb_parent(&nodes[i].rb);
		bool was_root = root.rb_node == &nodes[i].rb;
		unsigned long color = rb_color(&nodes[i].rb);

		repl[i] = nodes[i];
		rb_replace_node(&nodes[i].rb, &repl[i].rb, &root);
		assert_ptr_equal(rb_parent(&repl[i].rb), old_parent);
		assert_int_equal(rb_color(&repl[i].rb), color);
		if (was_root)
			assert_ptr_equal(root.rb_node, &repl[i].rb);
		check_tree(&root, NODES);
	}
	/* Only the twins are in the tree now. */
	for (struct rb_node *rb = rb_first(&root); rb; rb = rb_next(rb))
		assert_true(to_node(rb) >= repl && to_node(rb) < repl + NODES);
	/* And they erase like any node. */
	for (int i = 0; i < NODES; i++) {
		rb_erase(&repl[i].rb, &root);
		check_tree(&root, NODES - i - 1);
	}

	/* The cached variant moves rb_leftmost along. */
	struct rb_root_cached croot = RB_ROOT_CACHED;
	struct test_node a = { .key = 1 }, b = { .key = 2 }, a2 = { .key = 1 };

	rb_link_node(&a.rb, NULL, &croot.rb_root.rb_node);
	rb_insert_color_cached(&a.rb, &croot, true);
	rb_link_node(&b.rb, &a.rb, &a.rb.rb_right);
	rb_insert_color_cached(&b.rb, &croot, false);
	rb_replace_node_cached(&a.rb, &a2.rb, &croot);
	assert_ptr_equal(rb_first_cached(&croot), &a2.rb);
	assert_ptr_equal(rb_first(&croot.rb_root), &a2.rb);
	check_tree(&croot.rb_root, 2);
}

/* ---- the helpers with an order function ------------------------------------- */

static bool node_less(struct rb_node *a, const struct rb_node *b)
{
	return to_node(a)->key < to_node(b)->key;
}

static int node_cmp(struct rb_node *a, const struct rb_node *b)
{
	u32 ka = to_node(a)->key, kb = to_node(b)->key;

	return ka < kb ? -1 : ka > kb;
}

static int key_cmp(const void *key, const struct rb_node *b)
{
	u32 k = *(const u32 *)key, kb = to_node(b)->key;

	return k < kb ? -1 : k > kb;
}

static void test_cached_leftmost(void **state)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	int order[NODES];

	rng = 4242;
	for (int loop = 0; loop < 20; loop++) {
		init_nodes(nodes, NODES);
		for (int i = 0; i < NODES; i++) {
			struct rb_node *first_before = rb_first_cached(&root);
			struct rb_node *ret;

			if (loop & 1)
				nodes[i].key %= 8;	/* duplicates */
			ret = rb_add_cached(&nodes[i].rb, &root, node_less);
			/* Returns the node iff it is the new leftmost (equal keys go right). */
			if (!first_before || nodes[i].key < to_node(first_before)->key)
				assert_ptr_equal(ret, &nodes[i].rb);
			else
				assert_null(ret);
			assert_ptr_equal(rb_first_cached(&root), rb_first(&root.rb_root));
			check_tree(&root.rb_root, i + 1);
		}
		shuffle(order, NODES);
		for (int i = 0; i < NODES; i++) {
			struct rb_node *victim = &nodes[order[i]].rb;
			bool was_first = rb_first_cached(&root) == victim;
			struct rb_node *next = rb_next(victim);
			struct rb_node *ret = rb_erase_cached(victim, &root);

			assert_ptr_equal(ret, was_first ? next : NULL);
			assert_ptr_equal(rb_first_cached(&root), rb_first(&root.rb_root));
			check_tree(&root.rb_root, NODES - i - 1);
		}
		assert_null(rb_first_cached(&root));
	}
}

static void test_find_helpers(void **state)
{
	struct rb_root root = RB_ROOT;
	struct test_node extra = { .key = 5 };
	struct rb_node *rb;
	u32 key;
	int n;

	/* Keys 0..9, each ten times; node i has key i % 10. */
	for (int i = 0; i < NODES; i++) {
		memset(&nodes[i], 0, sizeof(nodes[i]));
		nodes[i].key = i % 10;
		nodes[i].val = i;
		rb_add(&nodes[i].rb, &root, node_less);
	}
	check_tree(&root, NODES);
	key = 7;
	rb = rb_find(&key, &root, key_cmp);
	assert_non_null(rb);
	assert_int_equal(to_node(rb)->key, 7);
	key = 10;
	assert_null(rb_find(&key, &root, key_cmp));
	/* rb_find_first: the leftmost 3, which (equal keys go right) went in first. */
	key = 3;
	rb = rb_find_first(&key, &root, key_cmp);
	assert_ptr_equal(rb, &nodes[3].rb);
	assert_int_equal(to_node(rb_prev(rb))->key, 2);
	/* rb_for_each visits the ten 3s in insertion order. */
	n = 0;
	rb_for_each(rb, &key, &root, key_cmp) {
		assert_int_equal(to_node(rb)->key, 3);
		assert_int_equal(to_node(rb)->val, 3 + 10 * n);
		n++;
	}
	assert_int_equal(n, 10);
	/* rb_find_add: an equal key is found, not inserted. */
	assert_non_null(rb_find_add(&extra.rb, &root, node_cmp));
	assert_int_equal(to_node(rb_find_add(&extra.rb, &root, node_cmp))->key, 5);
	check_tree(&root, NODES);
	extra.key = 50;
	assert_null(rb_find_add(&extra.rb, &root, node_cmp));
	check_tree(&root, NODES + 1);
	assert_ptr_equal(rb_last(&root), &extra.rb);
	key = 50;
	assert_ptr_equal(rb_find(&key, &root, key_cmp), &extra.rb);
}

/* ---- augmented trees ---------------------------------------------------------- */

static inline u32 node_val(struct test_node *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, augment_max, struct test_node, rb, u32, augmented, node_val);

static inline bool size_compute(struct test_node *n, bool exit)
{
	u32 size = 1;

	if (n->rb.rb_left)
		size += to_node(n->rb.rb_left)->size;
	if (n->rb.rb_right)
		size += to_node(n->rb.rb_right)->size;
	if (exit && n->size == size)
		return true;
	n->size = size;
	return false;
}

RB_DECLARE_CALLBACKS(static, augment_size, struct test_node, rb, size, size_compute);

/* As Linux's insert_augmented(): raise the maximum along the way down. */
static void insert_max(struct test_node *node, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct test_node *p = to_node(*link);

		parent = *link;
		if (p->augmented < node->val)
			p->augmented = node->val;
		link = node->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	node->augmented = node->val;
	rb_link_node(&node->rb, parent, link);
	rb_insert_augmented(&node->rb, root, &augment_max);
}

/* The other way: link, then propagate from the parent. */
static void insert_size(struct test_node *node, struct rb_root_cached *root)
{
	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (node->key < to_node(parent)->key) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	node->size = 1;
	rb_link_node(&node->rb, parent, link);
	augment_size.propagate(parent, NULL);
	rb_insert_augmented_cached(&node->rb, root, leftmost, &augment_size);
}

/* Brute force: the subtree maximum, and the cached value compared to it. */
static u32 brute_max(struct rb_node *rb, long *bad)
{
	u32 max, m;

	if (!rb)
		return 0;
	max = to_node(rb)->val;
	m = brute_max(rb->rb_left, bad);
	if (rb->rb_left && m > max)
		max = m;
	m = brute_max(rb->rb_right, bad);
	if (rb->rb_right && m > max)
		max = m;
	if (to_node(rb)->augmented != max)
		(*bad)++;
	return max;
}

static u32 brute_size(struct rb_node *rb, long *bad)
{
	u32 size;

	if (!rb)
		return 0;
	size = 1 + brute_size(rb->rb_left, bad) + brute_size(rb->rb_right, bad);
	if (to_node(rb)->size != size)
		(*bad)++;
	return size;
}

static void check_max(struct rb_root *root, long nr)
{
	long bad = 0;

	check_tree(root, nr);
	brute_max(root->rb_node, &bad);
	if (bad)
		fail_msg("%ld nodes with a wrong subtree maximum", bad);
}

static void check_size(struct rb_root_cached *root, long nr)
{
	long bad = 0;

	check_tree(&root->rb_root, nr);
	assert_ptr_equal(rb_first_cached(root), rb_first(&root->rb_root));
	brute_size(root->rb_root.rb_node, &bad);
	if (bad)
		fail_msg("%ld nodes with a wrong subtree size", bad);
	if (nr)
		assert_int_equal(to_node(root->rb_root.rb_node)->size, nr);
}

/* The node of in-order rank @k (0-based), found through the sizes. */
static struct rb_node *select_rank(struct rb_root_cached *root, u32 k)
{
	struct rb_node *rb = root->rb_root.rb_node;

	while (rb) {
		u32 ls = rb->rb_left ? to_node(rb->rb_left)->size : 0;

		if (k < ls) {
			rb = rb->rb_left;
		} else if (k == ls) {
			return rb;
		} else {
			k -= ls + 1;
			rb = rb->rb_right;
		}
	}
	return NULL;
}

static void test_augmented_max(void **state)
{
	struct rb_root root = RB_ROOT;
	int order[NODES];

	rng = 2718281828459045235ULL;
	for (int loop = 0; loop < CHECK_LOOPS; loop++) {
		init_nodes(nodes, NODES);
		if (loop & 1)
			for (int j = 0; j < NODES; j++)
				nodes[j].val %= 4;	/* ties in the maximum */
		for (int j = 0; j < NODES; j++) {
			check_max(&root, j);
			insert_max(&nodes[j], &root);
		}
		shuffle(order, NODES);
		for (int j = 0; j < NODES; j++) {
			check_max(&root, NODES - j);
			rb_erase_augmented(&nodes[order[j]].rb, &root, &augment_max);
		}
		check_max(&root, 0);
	}
}

static void test_augmented_size(void **state)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	int order[NODES];

	rng = 161803398874989484ULL;
	for (int loop = 0; loop < 40; loop++) {
		init_nodes(nodes, NODES);
		for (int j = 0; j < NODES; j++) {
			check_size(&root, j);
			insert_size(&nodes[j], &root);
		}
		check_size(&root, NODES);
		/* Rank k through the sizes is the k-th node in order. */
		{
			u32 k = 0;

			for (struct rb_node *rb = rb_first(&root.rb_root); rb; rb = rb_next(rb), k++)
				assert_ptr_equal(select_rank(&root, k), rb);
		}
		shuffle(order, NODES);
		for (int j = 0; j < NODES; j++) {
			rb_erase_augmented_cached(&nodes[order[j]].rb, &root, &augment_size);
			check_size(&root, NODES - j - 1);
		}
	}
}

/* ---- randomised model test against a sorted array --------------------------- */

#define MODEL_MAX 2000

static u32 model[MODEL_MAX];	/* sorted, distinct keys */
static int model_n;
static struct test_node *model_node[MODEL_MAX];	/* model_node[i] holds model[i] */

/* Index of the first model key >= key. */
static int model_lower_bound(u32 key)
{
	int lo = 0, hi = model_n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (model[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void test_random_model(void **state)
{
	struct rb_root_cached root = RB_ROOT_CACHED;
	const char *env = getenv("RBTREE_SEED");
	uint64_t seed = env ? strtoull(env, NULL, 0) : (uint64_t)time(NULL) * 2654435761u;
	long inserts = 0, erases = 0, dups = 0;

	if (!seed)
		seed = 1;
	printf("rbtree random model: RBTREE_SEED=%llu\n", (unsigned long long)seed);
	fflush(stdout);
	rng = seed;
	model_n = 0;
	for (int step = 0; step < 20000; step++) {
		/* Keys from a range twice the model's size: both hits and misses. */
		u32 key = rnd() % (2 * MODEL_MAX);
		int pos = model_lower_bound(key);
		bool present = pos < model_n && model[pos] == key;
		u32 op = rnd() % 8;
		struct rb_node *rb;

		if (model_n == MODEL_MAX && op < 4)
			op = 4;
		if (op < 4) {
			struct test_node *t = calloc(1, sizeof(*t));

			assert_non_null(t);
			t->key = key;
			rb = rb_find_add(&t->rb, &root.rb_root, node_cmp);
			if (present) {
				assert_ptr_equal(rb, &model_node[pos]->rb);
				free(t);
				dups++;
			} else {
				assert_null(rb);
				if (pos == 0)
					root.rb_leftmost = &t->rb;	/* by hand: plain insert */
				memmove(&model[pos + 1], &model[pos], (model_n - pos) * sizeof(model[0]));
				memmove(&model_node[pos + 1], &model_node[pos],
					(model_n - pos) * sizeof(model_node[0]));
				model[pos] = key;
				model_node[pos] = t;
				model_n++;
				inserts++;
			}
		} else if (op < 7) {
			/* Erase the key, or if absent the next one up. */
			if (pos == model_n)
				pos = model_n - 1;
			if (pos < 0)
				continue;
			rb = rb_find(&model[pos], &root.rb_root, key_cmp);
			assert_ptr_equal(rb, &model_node[pos]->rb);
			rb_erase_cached(rb, &root);
			free(model_node[pos]);
			memmove(&model[pos], &model[pos + 1], (model_n - pos - 1) * sizeof(model[0]));
			memmove(&model_node[pos], &model_node[pos + 1],
				(model_n - pos - 1) * sizeof(model_node[0]));
			model_n--;
			erases++;
		} else {
			/* Look up, and check the neighbours of a hit. */
			rb = rb_find(&key, &root.rb_root, key_cmp);
			if (!present) {
				assert_null(rb);
				continue;
			}
			assert_ptr_equal(rb, &model_node[pos]->rb);
			assert_ptr_equal(rb_next(rb), pos + 1 < model_n ? &model_node[pos + 1]->rb : NULL);
			assert_ptr_equal(rb_prev(rb), pos > 0 ? &model_node[pos - 1]->rb : NULL);
		}
		assert_ptr_equal(rb_first_cached(&root), model_n ? &model_node[0]->rb : NULL);
		if (step % 64 == 0 || model_n < 16) {
			int i = 0;

			check_tree(&root.rb_root, model_n);
			for (rb = rb_first(&root.rb_root); rb; rb = rb_next(rb), i++)
				assert_int_equal(to_node(rb)->key, model[i]);
		}
	}
	check_tree(&root.rb_root, model_n);
	printf("rbtree random model: %ld inserts, %ld duplicates refused, %ld erases, %d left\n",
	       inserts, dups, erases, model_n);
	for (int i = 0; i < model_n; i++) {
		rb_erase_cached(&model_node[i]->rb, &root);
		free(model_node[i]);
	}
	assert_true(RB_EMPTY_ROOT(&root.rb_root));
	assert_null(rb_first_cached(&root));
}

/* ---- a deterministic large case --------------------------------------------- */

#define LARGE 100000

static void test_large(void **state)
{
	struct rb_root root = RB_ROOT;
	struct test_node *big = calloc(LARGE, sizeof(*big));
	int height;

	assert_non_null(big);
	/* Keys 0..LARGE-1 in a fixed scrambled order (7919 is prime to LARGE). */
	for (long i = 0; i < LARGE; i++) {
		big[i].key = (u32)((i * 7919) % LARGE);
		insert(&big[i], &root);
		if ((i & (i + 1)) == 0)	/* at sizes 2^k - 1 */
			check_tree(&root, i + 1);
	}
	height = check_tree(&root, LARGE);
	/* log2(100001) = 16.6: a perfect tree is 17 deep, the bound is 33. */
	printf("rbtree large: %d nodes, height %d (bound 2*log2(n+1) = 33.2)\n", LARGE, height);
	/* Erase every other key, then the rest. */
	for (long i = 0; i < LARGE; i += 2)
		rb_erase(&big[i].rb, &root);
	check_tree(&root, LARGE / 2);
	for (long i = 1; i < LARGE; i += 2)
		rb_erase(&big[i].rb, &root);
	check_tree(&root, 0);

	/* Ascending keys, the classic worst case of an unbalanced tree. */
	for (long i = 0; i < LARGE; i++) {
		big[i].key = i;
		insert(&big[i], &root);
	}
	height = check_tree(&root, LARGE);
	printf("rbtree large ascending: height %d\n", height);
	for (long i = 0; i < LARGE; i++)
		rb_erase(&big[i].rb, &root);
	check_tree(&root, 0);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_insert_erase_random),
		cmocka_unit_test(test_sequential),
		cmocka_unit_test(test_iterate_both_ways),
		cmocka_unit_test(test_postorder),
		cmocka_unit_test(test_replace_node),
		cmocka_unit_test(test_cached_leftmost),
		cmocka_unit_test(test_find_helpers),
		cmocka_unit_test(test_augmented_max),
		cmocka_unit_test(test_augmented_size),
		cmocka_unit_test(test_random_model),
		cmocka_unit_test(test_large),
	};

	return cmocka_run_group_tests_name("rbtree", tests, NULL, NULL);
}
