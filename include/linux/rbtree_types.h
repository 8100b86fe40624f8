/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The red-black tree's types (Linux: include/linux/rbtree_types.h), kept
 * apart from the functions so a header that only embeds a node or a root
 * (mm_types.h's vm_area_struct, for one) needs nothing else.
 *
 * A node's parent pointer and its colour share one word,
 * __rb_parent_color: nodes are at least 4-byte aligned, so bit 0 is free
 * to hold the colour (0 red, 1 black) and bit 1 stays 0. Only the
 * rb_* helpers of rbtree.h and rbtree_augmented.h should touch it.
 */
#ifndef _LINUX_RBTREE_TYPES_H
#define _LINUX_RBTREE_TYPES_H

#include <linux/types.h>

struct rb_node {
	unsigned long __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __attribute__((aligned(sizeof(long))));

struct rb_root {
	struct rb_node *rb_node;
};

/*
 * A root that also remembers its leftmost node, so rb_first_cached() is
 * O(1) (Linux uses it for the CFS runqueue, hrtimers, interval trees).
 * The rb_*_cached() calls keep rb_leftmost right; a user who mixes in the
 * plain calls on &root->rb_root must maintain it by hand.
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT (struct rb_root) { NULL, }
#define RB_ROOT_CACHED (struct rb_root_cached) { { NULL, }, NULL }

#endif /* _LINUX_RBTREE_TYPES_H */
