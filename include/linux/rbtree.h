/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees (Linux: include/linux/rbtree.h; code in lib/rbtree.c;
 * docs/lib/rbtree.md).
 *
 * The tree is intrusive: a struct rb_node lives inside the caller's
 * object and rb_entry() gets back from the node to the object. The
 * library knows nothing about keys. A caller searches and inserts with
 * its own loop (or with the rb_find()/rb_add() helpers below, which take
 * a comparison function and are inlined so the call is direct):
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);	-- a red leaf
 *	rb_insert_color(&new->node, root);	-- rebalance
 *
 * Nothing here locks: the caller serialises writers and keeps readers
 * out while a writer runs (Linnet has no lockless RCU lookups in trees).
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>
#include <linux/rbtree_types.h>

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3UL))

#define rb_entry(ptr, type, member) container_of(ptr, type, member)

#define rb_entry_safe(ptr, type, member)                                       \
	({                                                                     \
		__typeof__(ptr) ____ptr = (ptr);                               \
		____ptr ? rb_entry(____ptr, type, member) : NULL;              \
	})

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)

/* A node that is known not to be in any tree points to itself. */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order neighbours; NULL past either end, and for an RB_EMPTY_NODE. */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);

/* Postorder: every node after both its children (for freeing a tree). */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

/*
 * Put @new where @victim is, without rebalancing: @new must sort exactly
 * where @victim did. @victim's own fields are left as they were.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

/* Link @node as a red leaf at *@rb_link under @parent; rb_insert_color() next. */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = node->rb_right = NULL;
	*rb_link = node;
}

/* In order over every entry; @pos must not be erased inside the loop. */
#define rbtree_for_each_entry(pos, root, member)                               \
	for ((pos) = rb_entry_safe(rb_first(root), __typeof__(*(pos)), member); \
	     (pos);                                                            \
	     (pos) = rb_entry_safe(rb_next(&(pos)->member), __typeof__(*(pos)), member))

/*
 * Postorder over every entry, safe against @pos being freed by the body
 * (the next one is looked up first). Not safe against rb_erase(): a
 * rebalance reorders the nodes still to come. Typical use: freeing a
 * whole tree without erasing node by node, then setting the root to
 * RB_ROOT.
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)              \
	for ((pos) = rb_entry_safe(rb_first_postorder(root), __typeof__(*(pos)), field); \
	     (pos) && ({                                                       \
		     (n) = rb_entry_safe(rb_next_postorder(&(pos)->field),     \
					 __typeof__(*(pos)), field);           \
		     1;                                                        \
	     });                                                               \
	     (pos) = (n))

/* ---- the leftmost-cached root ----------------------------------------- */

/* rb_first(), in O(1). */
#define rb_first_cached(root) (root)->rb_leftmost

/* @leftmost: the caller's descent never went right, so @node is the new first. */
static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

/* Returns the new leftmost node if @node was the leftmost, else NULL. */
static inline struct rb_node *rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node)
		leftmost = root->rb_leftmost = rb_next(node);
	rb_erase(node, &root->rb_root);
	return leftmost;
}

static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

/*
 * ---- helpers taking the order as a function (Linux 5.12+) -------------
 *
 * less(a, b): a sorts before b. cmp(key, node): <0, 0, >0 as key sorts
 * before, with, after node. Equal elements go to the right of those
 * already there, so they keep insertion order; rb_find() returns any one
 * match, rb_find_first() the leftmost.
 */

/* Insert @node; returns @node if it became the leftmost, else NULL. */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

static __always_inline void rb_add(struct rb_node *node, struct rb_root *tree,
				   bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
}

/* Insert @node unless an equal one is there: returns that one, or NULL if @node went in. */
static __always_inline struct rb_node *
rb_find_add(struct rb_node *node, struct rb_root *tree,
	    int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **link = &tree->rb_node, *parent = NULL;
	int c;

	while (*link) {
		parent = *link;
		c = cmp(node, parent);
		if (c < 0)
			link = &parent->rb_left;
		else if (c > 0)
			link = &parent->rb_right;
		else
			return parent;
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, tree);
	return NULL;
}

static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
}

/* The leftmost node matching @key, or NULL. */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *node = tree->rb_node, *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c <= 0) {
			if (!c)
				match = node;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

/* The node after @node if it still matches @key, else NULL. */
static __always_inline struct rb_node *
rb_next_match(const void *key, struct rb_node *node,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	node = rb_next(node);
	if (node && cmp(key, node))
		node = NULL;
	return node;
}

/* Every node matching @key, in order. */
#define rb_for_each(node, key, tree, cmp)                                      \
	for ((node) = rb_find_first((key), (tree), (cmp)); (node);             \
	     (node) = rb_next_match((key), (node), (cmp)))

#endif /* _LINUX_RBTREE_H */
