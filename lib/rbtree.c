// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees (Linux: lib/rbtree.c; the API is include/linux/rbtree.h
 * and include/linux/rbtree_augmented.h; docs/lib/rbtree.md).
 *
 * A binary search tree whose nodes are red or black, kept so that
 *   1. every node is red or black, the root is black;
 *   2. a red node has no red child;
 *   3. every path from a node down to a NULL link crosses the same
 *      number of black nodes (the black height).
 * So the longest root-to-leaf path is at most twice the shortest and a
 * tree of n nodes is at most 2*log2(n+1) deep: lookups, inserts and
 * erases are O(log n), and an insert or erase rotates at most 2 or 3
 * times, recolouring along the way up otherwise.
 *
 * Mirrored from Linux: the functions rb_insert_color, rb_erase,
 * __rb_insert_augmented, __rb_erase_color, rb_first/rb_last,
 * rb_next/rb_prev, rb_first_postorder/rb_next_postorder and
 * rb_replace_node, with Linux's semantics, the colour packed into bit 0
 * of __rb_parent_color and the augmented-tree callbacks (rotate is
 * called after every rotation, so each node's cached subtree value stays
 * right). As in Linux, the structural part of erase is inline in
 * rbtree_augmented.h (__rb_erase_augmented); rb_erase() uses it, and
 * rb_insert_color() the insert fix-up, with empty callbacks that the
 * compiler inlines away (rb_erase and rb_insert_color make no calls).
 *
 * Written differently from Linux: one rotation helper taking a direction
 * and one loop per fix-up with the mirror cases folded by that
 * direction, where Linux spells out every case and its mirror by hand
 * and merges the pointer writes of a double rotation.
 *
 * Left out: the RCU-safe variants (rb_replace_node_rcu,
 * rb_link_node_rcu, the WRITE_ONCE ordering that lets lockless readers
 * walk a tree during a rotation) and the latch trees built on them
 * (include/linux/rbtree_latch.h); Linnet's trees are read and written
 * under the owner's lock. Also no interval_tree_generic.h template (an
 * augmented tree can be built with RB_DECLARE_CALLBACKS_MAX directly).
 */
#include <linux/rbtree_augmented.h>

/* Pointers to the child on one side (@right false: rb_left). */
static __always_inline struct rb_node **rb_child(struct rb_node *node, bool right)
{
	return right ? &node->rb_right : &node->rb_left;
}

static __always_inline void rb_set_black(struct rb_node *rb)
{
	rb->__rb_parent_color |= RB_BLACK;
}

static __always_inline void rb_set_red(struct rb_node *rb)
{
	rb->__rb_parent_color &= ~(unsigned long)RB_BLACK;
}

static __always_inline bool rb_is_black_or_null(const struct rb_node *rb)
{
	return !rb || rb_is_black(rb);
}

/*
 * Rotate at @x towards @right: the child on the other side, @y, rises
 * into @x's place and @x becomes @y's child on side @right; @y's inner
 * subtree b changes sides to stay between them in order. Rotating right
 * (@right true):
 *
 *          x                y
 *         / \              / \
 *        y   c    -->     a   x
 *       / \                  / \
 *      a   b                b   c
 *
 * Colours stay with their nodes (the callers recolour). Then @y covers
 * what @x covered, so augment_rotate(x, y) moves the cached value up to
 * @y and recomputes @x from its new children.
 */
static __always_inline void
rb_rotate(struct rb_node *x, bool right, struct rb_root *root,
	  void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent = rb_parent(x);
	struct rb_node *y = *rb_child(x, !right);
	struct rb_node *b = *rb_child(y, right);

	WRITE_ONCE(*rb_child(x, !right), b);
	if (b)
		rb_set_parent(b, x);
	WRITE_ONCE(*rb_child(y, right), x);
	rb_set_parent(x, y);
	rb_set_parent(y, parent);
	__rb_change_child(x, y, parent, root);
	augment_rotate(x, y);
}

/*
 * @node has just been linked as a red leaf; only rule 2 can be broken,
 * between @node and its parent. Walk up while it is:
 *
 *  - the uncle (the parent's sibling) is red too: recolour parent and
 *    uncle black and the grandparent red. Black heights are unchanged;
 *    the grandparent may now break rule 2 with its own parent: go on
 *    from there.
 *  - the uncle is black: at most two rotations end it. If @node is the
 *    inner grandchild (a left child's right child or the mirror), first
 *    rotate at the parent so it becomes the outer one; then rotate at the
 *    grandparent, the parent rising into its place coloured black with
 *    the grandparent, red, below it.
 *
 * A red node reaching the root is simply turned black (the one place
 * the tree's black height grows).
 */
static __always_inline void
__rb_insert(struct rb_node *node, struct rb_root *root,
	    void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent, *gparent, *uncle;
	bool pright;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		/* A red node is never the root: the grandparent exists. */
		gparent = rb_parent(parent);
		pright = gparent->rb_right == parent;
		uncle = *rb_child(gparent, !pright);

		if (uncle && rb_is_red(uncle)) {
			rb_set_black(parent);
			rb_set_black(uncle);
			rb_set_red(gparent);
			node = gparent;
			continue;
		}
		if (node == *rb_child(parent, !pright)) {
			rb_rotate(parent, pright, root, augment_rotate);
			parent = node;
		}
		rb_set_black(parent);
		rb_set_red(gparent);
		rb_rotate(gparent, !pright, root, augment_rotate);
		return;
	}
	if (!parent)
		rb_set_black(node);
}

/*
 * After an erase took a black node out, the subtree at @parent's NULL
 * child (or, further up, at @node) has one black fewer than its sibling.
 * Walk up fixing it, with S the sibling (it exists: its side counts at
 * least one black more) and "far"/"near" S's children away from and
 * towards @node:
 *
 *  1. S red: rotate at the parent so S rises, recolouring S black and
 *     the parent red; @node's new sibling is black. Go on to 2-4.
 *  2. S black, both its children black: make S red, so both sides are
 *     short; a red parent turned black pays for it and ends the walk,
 *     otherwise the parent's whole subtree is now short: go up (at the
 *     root, the whole tree's black height just shrank by one).
 *  3. S black, near child red, far child black: rotate at S so the near
 *     child rises, swapping colours; now the far child is red: 4.
 *  4. S black, far child red: rotate at the parent so S rises into its
 *     place with the parent's colour; the parent (now above @node) and
 *     the far child turn black. The missing black is supplied; done.
 */
static __always_inline void
____rb_erase_color(struct rb_node *parent, struct rb_root *root,
		   void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *node = NULL, *sibling, *far, *near;
	bool nright;

	for (;;) {
		/* @node may be NULL; then the sibling is parent's other child, never NULL. */
		nright = parent->rb_right == node;
		sibling = *rb_child(parent, !nright);

		if (rb_is_red(sibling)) {
			rb_set_black(sibling);
			rb_set_red(parent);
			rb_rotate(parent, nright, root, augment_rotate);
			sibling = *rb_child(parent, !nright);
		}
		far = *rb_child(sibling, !nright);
		near = *rb_child(sibling, nright);

		if (rb_is_black_or_null(far) && rb_is_black_or_null(near)) {
			rb_set_red(sibling);
			if (rb_is_red(parent)) {
				rb_set_black(parent);
				return;
			}
			node = parent;
			parent = rb_parent(node);
			if (!parent)
				return;
			continue;
		}
		if (rb_is_black_or_null(far)) {
			rb_set_black(near);
			rb_set_red(sibling);
			rb_rotate(sibling, !nright, root, augment_rotate);
			far = sibling;
			sibling = near;
		}
		rb_set_parent_color(sibling, rb_parent(sibling), rb_color(parent));
		rb_set_black(parent);
		rb_set_black(far);
		rb_rotate(parent, nright, root, augment_rotate);
		return;
	}
}

/* For augmented trees: rb_erase_augmented() calls it with the user's rotate. */
void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
		      void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	____rb_erase_color(parent, root, augment_rotate);
}

/* Plain trees: callbacks that do nothing, inlined away. */
static inline void dummy_propagate(struct rb_node *node, struct rb_node *stop) {}
static inline void dummy_copy(struct rb_node *old, struct rb_node *new) {}
static inline void dummy_rotate(struct rb_node *old, struct rb_node *new) {}

static const struct rb_augment_callbacks dummy_callbacks = {
	.propagate = dummy_propagate,
	.copy = dummy_copy,
	.rotate = dummy_rotate,
};

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	__rb_insert(node, root, dummy_rotate);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *rebalance = __rb_erase_augmented(node, root, &dummy_callbacks);

	if (rebalance)
		____rb_erase_color(rebalance, root, dummy_rotate);
}

void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			   void (*augment_rotate)(struct rb_node *old, struct rb_node *new))
{
	__rb_insert(node, root, augment_rotate);
}

/* ---- walking ---------------------------------------------------------- */

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}

/*
 * The next node in order: the leftmost of the right subtree if there is
 * one, else the first ancestor we reach from its left side.
 */
struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_right)
		node = parent;
	return parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = rb_parent(node)) && node == parent->rb_left)
		node = parent;
	return parent;
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root)
{
	struct rb_node *parent = rb_parent(victim);

	*new = *victim;
	if (victim->rb_left)
		rb_set_parent(victim->rb_left, new);
	if (victim->rb_right)
		rb_set_parent(victim->rb_right, new);
	__rb_change_child(victim, new, parent, root);
}

/* Down to a leaf, preferring left: the first node in postorder below @node. */
static struct rb_node *rb_left_deepest_node(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

/*
 * After @node come, in postorder: its parent's right subtree if @node is
 * a left child and that subtree exists, else the parent itself.
 */
struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	const struct rb_node *parent;

	if (!node)
		return NULL;
	parent = rb_parent(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return rb_left_deepest_node(parent->rb_right);
	return (struct rb_node *)parent;
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	if (!root->rb_node)
		return NULL;
	return rb_left_deepest_node(root->rb_node);
}
