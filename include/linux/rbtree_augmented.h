/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Augmented red-black trees (Linux: include/linux/rbtree_augmented.h;
 * docs/lib/rbtree.md): every node also caches a value computed from its
 * whole subtree (a maximum, a sum, the largest free gap below it, as
 * Linux <= 6.0's mm/mmap.c kept rb_subtree_gap in each VMA). The tree
 * code calls three callbacks whenever the shape changes:
 *
 *   propagate(node, stop)  recompute node and its ancestors, up to but
 *                          not including @stop (NULL: up to the root);
 *                          may stop early once a value comes out equal;
 *   copy(old, new)         @new takes @old's place: copy the cached value;
 *   rotate(old, new)       @new has just been rotated above @old: @new
 *                          now covers @old's former subtree (copy it),
 *                          @old must be recomputed from its new children.
 *
 * Insert: update the values along the descent path (or call propagate on
 * the parent after rb_link_node()), then rb_insert_augmented(). Erase:
 * rb_erase_augmented(). RB_DECLARE_CALLBACKS() writes the three
 * callbacks from one "recompute this node" function and
 * RB_DECLARE_CALLBACKS_MAX() from a per-node scalar whose subtree
 * maximum is cached.
 *
 * The rest of this header (colour helpers, __rb_erase_augmented()) is
 * the machinery lib/rbtree.c shares with the inlined erase; callers
 * should use only the public calls. Unlike Linux there are no _rcu
 * variants (no lockless readers, see rbtree.h).
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/compiler.h>
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/*
 * Rebalance after rb_link_node(), keeping the cached values right across
 * the rotations. The caller has already brought the values on the path
 * from the root to @node up to date (the new leaf included).
 */
static inline void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

static inline void rb_insert_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
					      bool newleft,
					      const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/*
 * RBSTATIC: static or empty; RBNAME: the rb_augment_callbacks to define;
 * RBSTRUCT: the type holding the node; RBFIELD: its struct rb_node;
 * RBAUGMENTED: the field holding the cached value; RBCOMPUTE(node, exit):
 * recompute node->RBAUGMENTED from the node and its children; when @exit
 * is true and the value did not change it returns true (and propagation
 * stops there), otherwise it stores the value and returns false.
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE) \
static inline void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)	\
{											\
	while (rb != stop) {								\
		RBSTRUCT *node = rb_entry(rb, RBSTRUCT, RBFIELD);			\
		if (RBCOMPUTE(node, true))						\
			break;								\
		rb = rb_parent(&node->RBFIELD);						\
	}										\
}											\
static inline void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{											\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
	RBSTRUCT *new = rb_entry(rb_new, RBSTRUCT, RBFIELD);				\
	new->RBAUGMENTED = old->RBAUGMENTED;						\
}											\
static void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)		\
{											\
	RBSTRUCT *old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
	RBSTRUCT *new = rb_entry(rb_new, RBSTRUCT, RBFIELD);				\
	new->RBAUGMENTED = old->RBAUGMENTED;						\
	RBCOMPUTE(old, false);								\
}											\
RBSTATIC const struct rb_augment_callbacks RBNAME = {					\
	.propagate = RBNAME ## _propagate,						\
	.copy = RBNAME ## _copy,							\
	.rotate = RBNAME ## _rotate,							\
}

/*
 * The common case: RBAUGMENTED (of type RBTYPE) caches the maximum of
 * RBCOMPUTE(node) over the subtree. Linux <= 6.0 declared the VMA gap
 * callbacks this way: RB_DECLARE_CALLBACKS_MAX(static, vma_gap_callbacks,
 * struct vm_area_struct, vm_rb, unsigned long, rb_subtree_gap,
 * vma_compute_gap).
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE, RBAUGMENTED, \
				 RBCOMPUTE)						\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)			\
{											\
	RBTYPE max = RBCOMPUTE(node);							\
	if (node->RBFIELD.rb_left) {							\
		RBSTRUCT *l = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD);	\
		if (l->RBAUGMENTED > max)						\
			max = l->RBAUGMENTED;						\
	}										\
	if (node->RBFIELD.rb_right) {							\
		RBSTRUCT *r = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD);	\
		if (r->RBAUGMENTED > max)						\
			max = r->RBAUGMENTED;						\
	}										\
	if (exit && node->RBAUGMENTED == max)						\
		return true;								\
	node->RBAUGMENTED = max;							\
	return false;									\
}											\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBNAME ## _compute_max)

/* ---- shared with lib/rbtree.c ----------------------------------------- */

#define RB_RED 0
#define RB_BLACK 1

#define __rb_parent(pc) ((struct rb_node *)((pc) & ~3UL))
#define __rb_color(pc) ((pc) & 1)
#define __rb_is_black(pc) __rb_color(pc)
#define __rb_is_red(pc) (!__rb_color(pc))
#define rb_color(rb) __rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb) __rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb) __rb_is_black((rb)->__rb_parent_color)

/* Change the parent, keep the colour. */
static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

static inline void rb_set_parent_color(struct rb_node *rb, struct rb_node *p, int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

/* Make whatever pointed at @old (@parent's child link, or the root) point at @new. */
static inline void __rb_change_child(struct rb_node *old, struct rb_node *new,
				     struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

/*
 * Unlink @node from the tree and keep the cached values right; returns
 * the node under which one black is now missing (its NULL child where a
 * black leaf was taken out), for __rb_erase_color(), or NULL when the
 * colours already balance. Inline so each caller's callbacks are direct.
 *
 * A node with at most one child is spliced out; its only child, if any,
 * is a red leaf (a black one would make the other side's black count
 * differ) and takes over the node's place and colour. A node with two
 * children is replaced by its in-order successor S (the leftmost node of
 * the right subtree), which takes the node's place and colour; it is
 * then S's old position that lost a node: S's own right child, if any,
 * is again a red leaf and turns black there, otherwise a black S leaves
 * its old parent one black short.
 */
static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *left = node->rb_left, *right = node->rb_right;
	struct rb_node *parent = rb_parent(node), *rebalance = NULL, *changed;

	if (!left || !right) {
		struct rb_node *child = left ? left : right;

		__rb_change_child(node, child, parent, root);
		if (child)
			child->__rb_parent_color = node->__rb_parent_color;
		else if (rb_is_black(node))
			rebalance = parent;
		changed = parent;
	} else {
		struct rb_node *succ = right, *sparent, *schild;

		while (succ->rb_left)
			succ = succ->rb_left;
		schild = succ->rb_right;
		if (succ == right) {
			/* S is node's right child: it keeps its right subtree. */
			sparent = succ;
			augment->copy(node, succ);
		} else {
			/* S's right subtree takes S's place as its parent's left. */
			sparent = rb_parent(succ);
			WRITE_ONCE(sparent->rb_left, schild);
			WRITE_ONCE(succ->rb_right, right);
			rb_set_parent(right, succ);
			augment->copy(node, succ);
			augment->propagate(sparent, succ);
		}
		WRITE_ONCE(succ->rb_left, left);
		rb_set_parent(left, succ);
		__rb_change_child(node, succ, parent, root);
		if (schild)
			rb_set_parent_color(schild, sparent, RB_BLACK);
		else if (rb_is_black(succ))
			rebalance = sparent;
		succ->__rb_parent_color = node->__rb_parent_color;
		changed = succ;
	}
	augment->propagate(changed, NULL);
	return rebalance;
}

static __always_inline void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
					       const struct rb_augment_callbacks *augment)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, augment);

	if (rebalance)
		__rb_erase_color(rebalance, root, augment->rotate);
}

static __always_inline void rb_erase_augmented_cached(struct rb_node *node,
						      struct rb_root_cached *root,
						      const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

#endif /* _LINUX_RBTREE_AUGMENTED_H */
