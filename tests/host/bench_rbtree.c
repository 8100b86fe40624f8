// SPDX-License-Identifier: GPL-2.0
/*
 * Micro-benchmark of lib/rbtree.c on the host (optimised, no sanitizers;
 * numbers printed, never asserted). Linux's lib/rbtree_test.c times the
 * same first loop: NODES random keys inserted, then erased, over and
 * over (its "-> N cycles" lines), plain and augmented. Added here: a
 * lookup in a 100000-node tree and a full in-order walk with rb_next().
 *
 * Build and run: make bench, or
 * make build/bench/bench_rbtree && build/bench/bench_rbtree [loops].
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>

#define NODES 100
#define BIG 100000
#define RUNS 5

struct bnode {
	struct rb_node rb;
	u32 key;
	u32 val;
	u32 augmented;
};

#define to_bnode(ptr) rb_entry(ptr, struct bnode, rb)

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u32 rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (u32)((rng * 2685821657736338717ULL) >> 32);
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static inline u32 bnode_val(struct bnode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, bench_cb, struct bnode, rb, u32, augmented, bnode_val);

static void insert(struct bnode *node, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = node->key < to_bnode(parent)->key ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&node->rb, parent, link);
	rb_insert_color(&node->rb, root);
}

static void insert_augmented(struct bnode *node, struct rb_root *root)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct bnode *p = to_bnode(*link);

		parent = *link;
		if (p->augmented < node->val)
			p->augmented = node->val;
		link = node->key < p->key ? &parent->rb_left : &parent->rb_right;
	}
	node->augmented = node->val;
	rb_link_node(&node->rb, parent, link);
	rb_insert_augmented(&node->rb, root, &bench_cb);
}

static struct bnode *lookup(struct rb_root *root, u32 key)
{
	struct rb_node *n = root->rb_node;

	while (n) {
		struct bnode *b = to_bnode(n);

		if (key < b->key)
			n = n->rb_left;
		else if (key > b->key)
			n = n->rb_right;
		else
			return b;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	static struct bnode nodes[NODES];
	struct bnode *big = calloc(BIG, sizeof(*big));
	struct rb_root root = RB_ROOT;
	unsigned long loops = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000;
	double best_plain = 1e30, best_aug = 1e30, best_look = 1e30, best_walk = 1e30;
	volatile unsigned long sink = 0;

	if (!big)
		return 1;
	for (int i = 0; i < NODES; i++) {
		nodes[i].key = rnd();
		nodes[i].val = rnd();
	}
	for (int run = 0; run < RUNS; run++) {
		double t0 = now_ns();

		for (unsigned long l = 0; l < loops; l++) {
			for (int j = 0; j < NODES; j++)
				insert(&nodes[j], &root);
			for (int j = 0; j < NODES; j++)
				rb_erase(&nodes[j].rb, &root);
		}
		double t1 = now_ns();

		for (unsigned long l = 0; l < loops; l++) {
			for (int j = 0; j < NODES; j++)
				insert_augmented(&nodes[j], &root);
			for (int j = 0; j < NODES; j++)
				rb_erase_augmented(&nodes[j].rb, &root, &bench_cb);
		}
		double t2 = now_ns();

		if ((t1 - t0) / (loops * NODES) < best_plain)
			best_plain = (t1 - t0) / (loops * NODES);
		if ((t2 - t1) / (loops * NODES) < best_aug)
			best_aug = (t2 - t1) / (loops * NODES);
	}

	for (int i = 0; i < BIG; i++) {
		big[i].key = rnd();
		insert(&big[i], &root);
	}
	for (int run = 0; run < RUNS; run++) {
		double t0 = now_ns(), t1, t2;

		for (int i = 0; i < BIG; i++)
			sink += lookup(&root, big[(i * 7919) % BIG].key) != NULL;
		t1 = now_ns();
		for (struct rb_node *n = rb_first(&root); n; n = rb_next(n))
			sink += to_bnode(n)->key;
		t2 = now_ns();
		if ((t1 - t0) / BIG < best_look)
			best_look = (t1 - t0) / BIG;
		if ((t2 - t1) / BIG < best_walk)
			best_walk = (t2 - t1) / BIG;
	}

	printf("rbtree (host, -O2, best of %d):\n", RUNS);
	printf("  insert+erase, %d-node tree, plain:     %6.1f ns per node\n", NODES, best_plain);
	printf("  insert+erase, %d-node tree, augmented: %6.1f ns per node\n", NODES, best_aug);
	printf("  lookup in a %d-node tree:           %6.1f ns\n", BIG, best_look);
	printf("  rb_next() walk of %d nodes:         %6.1f ns per node\n", BIG, best_walk);
	free(big);
	(void)sink;
	return 0;
}
