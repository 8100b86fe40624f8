// SPDX-License-Identifier: GPL-2.0
/*
 * The i_mmap tree: every VMA that maps a file, in the file's
 * address_space (Linux: mm/interval_tree.c, the vma_interval_tree_*
 * functions that include/linux/interval_tree_generic.h generates).
 *
 * A VMA covers the file pages [vm_pgoff, vm_pgoff + vma_pages - 1]. The
 * tree is a red-black tree (a cached one: the leftmost node is kept)
 * ordered by the first page, augmented with shared.rb_subtree_last: the
 * largest last page of any VMA in the node's subtree. A search for the
 * VMAs overlapping [first, last] skips every subtree whose
 * rb_subtree_last is below first, and stops going right once a node
 * starts after last, so it costs O(log n + hits). Truncation and hole
 * punching walk it (unmap_mapping_range, mm/memory.c); mmap, split,
 * merge, mremap, munmap, fork and exit keep it (mm/vma.c, mm/mmap.c).
 *
 * Locking is the caller's: mapping->i_mmap_rwsem, written to insert or
 * remove, read to iterate (i_mmap_lock_write/read in linux/fs.h).
 *
 * Left out: the anon_vma interval tree (no reverse map of anonymous
 * pages here) and vma_interval_tree_insert_after (fork inserts with the
 * ordinary insert; the order among VMAs of equal vm_pgoff does not
 * matter to anything here).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/rbtree_augmented.h>

static inline unsigned long vma_start_pgoff(struct vm_area_struct *v)
{
	return v->vm_pgoff;
}

static inline unsigned long vma_last_pgoff(struct vm_area_struct *v)
{
	return v->vm_pgoff + vma_pages(v) - 1;
}

RB_DECLARE_CALLBACKS_MAX(static, vma_interval_tree_augment, struct vm_area_struct, shared.rb,
			 unsigned long, shared.rb_subtree_last, vma_last_pgoff);

static inline struct vm_area_struct *node_vma(struct rb_node *rb)
{
	return rb ? rb_entry(rb, struct vm_area_struct, shared.rb) : NULL;
}

void vma_interval_tree_insert(struct vm_area_struct *node, struct rb_root_cached *root)
{
	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
	unsigned long start = vma_start_pgoff(node), last = vma_last_pgoff(node);
	bool leftmost = true;

	/* Every node on the way down gains node in its subtree: raise its maximum now. */
	while (*link) {
		struct vm_area_struct *v;

		parent = *link;
		v = node_vma(parent);
		if (v->shared.rb_subtree_last < last)
			v->shared.rb_subtree_last = last;
		if (start < vma_start_pgoff(v)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	node->shared.rb_subtree_last = last;
	rb_link_node(&node->shared.rb, parent, link);
	rb_insert_augmented_cached(&node->shared.rb, root, leftmost, &vma_interval_tree_augment);
}

void vma_interval_tree_remove(struct vm_area_struct *node, struct rb_root_cached *root)
{
	rb_erase_augmented_cached(&node->shared.rb, root, &vma_interval_tree_augment);
	RB_CLEAR_NODE(&node->shared.rb);
}

/*
 * The leftmost VMA of node's subtree that overlaps [start, last], or
 * NULL. Left first while the left subtree reaches start (its leftmost
 * overlap comes before anything here); then node itself; then right.
 */
static struct vm_area_struct *subtree_search(struct vm_area_struct *node, unsigned long start,
					     unsigned long last)
{
	for (;;) {
		struct vm_area_struct *left = node_vma(node->shared.rb.rb_left);

		if (left && left->shared.rb_subtree_last >= start) {
			node = left;
			continue;
		}
		if (vma_start_pgoff(node) > last)
			return NULL;	/* node and everything right of it start too late */
		if (vma_last_pgoff(node) >= start)
			return node;
		node = node_vma(node->shared.rb.rb_right);
		if (!node || node->shared.rb_subtree_last < start)
			return NULL;
	}
}

struct vm_area_struct *vma_interval_tree_iter_first(struct rb_root_cached *root,
						    unsigned long start, unsigned long last)
{
	struct vm_area_struct *node = node_vma(root->rb_root.rb_node), *leftmost;

	if (!node || node->shared.rb_subtree_last < start)
		return NULL;
	leftmost = node_vma(rb_first_cached(root));
	if (vma_start_pgoff(leftmost) > last)
		return NULL;
	return subtree_search(node, start, last);
}

/* The next VMA after node, in tree order, that overlaps [start, last]. */
struct vm_area_struct *vma_interval_tree_iter_next(struct vm_area_struct *node,
						   unsigned long start, unsigned long last)
{
	struct rb_node *rb = node->shared.rb.rb_right, *prev;

	for (;;) {
		/* Anything in the right subtree comes next. */
		struct vm_area_struct *right = node_vma(rb);

		if (right && right->shared.rb_subtree_last >= start)
			return subtree_search(right, start, last);
		/* Else climb until we come up from a left child: that parent is next. */
		do {
			rb = rb_parent(&node->shared.rb);
			if (!rb)
				return NULL;
			prev = &node->shared.rb;
			node = node_vma(rb);
			rb = node->shared.rb.rb_right;
		} while (prev == rb);
		if (vma_start_pgoff(node) > last)
			return NULL;
		if (vma_last_pgoff(node) >= start)
			return node;
	}
}
