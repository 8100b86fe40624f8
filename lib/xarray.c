// SPDX-License-Identifier: GPL-2.0
/*
 * The XArray (Linux: lib/xarray.c, include/linux/xarray.h): a radix tree
 * of 64-slot nodes (XA_CHUNK_SHIFT 6) indexed by unsigned long. The top
 * node's shift says how many index bits lie below it; each level takes
 * the next 6 bits; leaves (shift 0) hold the entries. An array whose only
 * entry is at index 0 keeps it in xa_head with no node at all.
 *
 * As in Linux: the tree grows a level at a time on top (xas_expand inside
 * xas_create) when an index does not fit, shrinks while the top node has
 * only slot 0 in use (xas_shrink), and frees a node as soon as it is empty
 * (xas_delete_node), so erasing every entry leaves xa_head NULL and no
 * node allocated. Marks (XA_MARK_0..2) are bitmaps per node that
 * propagate upwards: a slot's mark bit is set iff some entry below it has
 * the mark, and the array-wide bit lives in xa_flags, so xas_find_marked()
 * never enters an unmarked subtree. Nodes come from the
 * "radix_tree_node" kmem_cache (radix_tree_init()). A store that needs a
 * node allocates with GFP_NOWAIT under xa_lock; if that fails the cursor
 * carries -ENOMEM, the caller drops the lock and xas_nomem() allocates
 * with the caller's gfp and says "retry", Linux's pattern (the __xa_*
 * calls drop and retake the lock themselves when gfp may sleep).
 *
 * Simplified: no RCU (Linux's readers walk under rcu_read_lock; here
 * xa_load()/xa_find() take xa_lock and xas_* callers hold it, so freeing a
 * node at once is safe); no multi-index entries (xas_sibs, xa_store_range,
 * splitting), no xa_alloc/XA_FLAGS_ALLOC, no xa_reserve/zero entries, no
 * retry entries, no _bh/_irq lock variants, no xas_next/xas_prev, no
 * xa_extract; xa_store()/xa_insert() refuse every internal entry (Linux
 * refuses the "advanced" ones) and xa_insert(NULL) is -EINVAL (Linux
 * reserves the slot). xas_next_entry() is xas_find() (Linux inlines a
 * same-leaf fast path). Built into the kernel and, with malloc-backed
 * kmem_cache stand-ins, into tests/host/test_xarray.c.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xarray.h>

struct kmem_cache *radix_tree_node_cachep;

/* Linux: radix_tree_init() in lib/radix-tree.c, called from start_kernel(). */
void radix_tree_init(void)
{
	radix_tree_node_cachep = kmem_cache_create("radix_tree_node", sizeof(struct xa_node), 0,
						   SLAB_PANIC, NULL);
}

static inline void *xa_mk_node(const struct xa_node *node)
{
	return (void *)((unsigned long)node | 2);
}

static inline struct xa_node *xa_to_node(const void *entry)
{
	return (struct xa_node *)((unsigned long)entry - 2);
}

/* The highest index the tree under this head can hold. */
static unsigned long xa_max_index(const void *head)
{
	unsigned int shift;

	if (!xa_is_node(head))
		return 0;
	shift = xa_to_node(head)->shift + XA_CHUNK_SHIFT;
	if (shift >= 64)
		return ULONG_MAX;
	return (1UL << shift) - 1;
}

static unsigned int xa_offset_in(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

/* ---- marks --------------------------------------------------------------- */

static inline bool node_get_mark(const struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	return node->marks[mark][offset / 64] & (1UL << (offset % 64));
}

/* Returns whether the bit was already set. */
static inline bool node_set_mark(struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	bool was = node_get_mark(node, offset, mark);

	node->marks[mark][offset / 64] |= 1UL << (offset % 64);
	return was;
}

/* Returns whether the bit was set. */
static inline bool node_clear_mark(struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	bool was = node_get_mark(node, offset, mark);

	node->marks[mark][offset / 64] &= ~(1UL << (offset % 64));
	return was;
}

static inline bool node_any_mark(const struct xa_node *node, xa_mark_t mark)
{
	for (unsigned int i = 0; i < XA_MARK_LONGS; i++)
		if (node->marks[mark][i])
			return true;
	return false;
}

/* The first slot at or after offset that is in use (mark > XA_MARK_MAX) or marked. */
static unsigned int node_next_slot(const struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	for (; offset < XA_CHUNK_SIZE; offset++) {
		if (mark <= XA_MARK_MAX ? node_get_mark(node, offset, mark) : !!node->slots[offset])
			return offset;
	}
	return XA_CHUNK_SIZE;
}

bool xas_get_mark(const struct xa_state *xas, xa_mark_t mark)
{
	if (xas_invalid(xas))
		return false;
	if (!xas->xa_node)
		return xa_marked(xas->xa, mark);
	return node_get_mark(xas->xa_node, xas->xa_offset, mark);
}

/* Set the mark on the entry the cursor is at, and on every level above it. */
void xas_set_mark(const struct xa_state *xas, xa_mark_t mark)
{
	struct xa_node *node = xas->xa_node;
	unsigned int offset = xas->xa_offset;

	if (xas_invalid(xas) || mark > XA_MARK_MAX)
		return;
	while (node) {
		if (node_set_mark(node, offset, mark))
			return;	/* the levels above have it already */
		offset = node->offset;
		node = node->parent;
	}
	xas->xa->xa_flags |= XA_FLAGS_MARK(mark);
}

/* Clear it, and clear it above as long as no sibling still has it. */
void xas_clear_mark(const struct xa_state *xas, xa_mark_t mark)
{
	struct xa_node *node = xas->xa_node;
	unsigned int offset = xas->xa_offset;

	if (xas_invalid(xas) || mark > XA_MARK_MAX)
		return;
	while (node) {
		if (!node_clear_mark(node, offset, mark))
			return;
		if (node_any_mark(node, mark))
			return;
		offset = node->offset;
		node = node->parent;
	}
	xas->xa->xa_flags &= ~XA_FLAGS_MARK(mark);
}

void xas_init_marks(const struct xa_state *xas)
{
	for (xa_mark_t mark = 0; mark <= XA_MARK_MAX; mark++)
		xas_clear_mark(xas, mark);
}

/* ---- nodes ----------------------------------------------------------------- */

static struct xa_node *xas_alloc(struct xa_state *xas, unsigned int shift)
{
	struct xa_node *node = xas->xa_alloc;

	if (node) {
		xas->xa_alloc = node->parent;
		memset(node, 0, sizeof(*node));
	} else {
		node = kmem_cache_alloc(radix_tree_node_cachep,
					GFP_NOWAIT | __GFP_NOWARN | __GFP_ZERO);
		if (!node) {
			xas_set_err(xas, -ENOMEM);
			return NULL;
		}
	}
	node->shift = shift;
	node->array = xas->xa;
	return node;
}

static void xa_node_free(struct xa_node *node)
{
	kmem_cache_free(radix_tree_node_cachep, node);
}

/* Keep a node for the retry instead of freeing it (after a failed create). */
static void xas_keep_node(struct xa_state *xas, struct xa_node *node)
{
	node->parent = xas->xa_alloc;
	xas->xa_alloc = node;
}

/* Free the preallocated nodes xas_nomem() left unused. */
void xas_destroy(struct xa_state *xas)
{
	struct xa_node *node = xas->xa_alloc;

	while (node) {
		struct xa_node *next = node->parent;

		xa_node_free(node);
		node = next;
	}
	xas->xa_alloc = NULL;
}

/*
 * Free the top node while it only holds slot 0: its child (or, at
 * shift 0, its one entry) becomes the head. Marks need no change: the
 * xa_flags bits already say whether the remaining entries are marked.
 */
static void xas_shrink(struct xa_state *xas, bool keep)
{
	struct xarray *xa = xas->xa;

	while (xa_is_node(xa->xa_head)) {
		struct xa_node *node = xa_to_node(xa->xa_head);
		void *entry = node->slots[0];

		if (node->count != 1 || !entry)
			break;
		xa->xa_head = entry;
		if (xa_is_node(entry))
			xa_to_node(entry)->parent = NULL;
		if (keep)
			xas_keep_node(xas, node);
		else
			xa_node_free(node);
		xas->xa_node = XAS_RESTART;
	}
}

/* Free node and each ancestor it leaves empty; then shrink the top. */
static void xas_delete_node(struct xa_state *xas, struct xa_node *node, bool keep)
{
	while (node && !node->count) {
		struct xa_node *parent = node->parent;

		if (parent) {
			parent->slots[node->offset] = NULL;
			parent->count--;
		} else {
			xas->xa->xa_head = NULL;
		}
		if (keep)
			xas_keep_node(xas, node);
		else
			xa_node_free(node);
		xas->xa_node = XAS_RESTART;
		node = parent;
	}
	xas_shrink(xas, keep);
}

/* ---- walking --------------------------------------------------------------- */

static void *xas_set_bounds(struct xa_state *xas)
{
	xas->xa_node = XAS_BOUNDS;
	return NULL;
}

/* Load the entry at xas->xa_index; leave the cursor at its slot. */
void *xas_load(struct xa_state *xas)
{
	void *entry;

	if (xas_error(xas))
		return NULL;
	entry = xas->xa->xa_head;
	if (xas->xa_index > xa_max_index(entry))
		return xas_set_bounds(xas);
	xas->xa_node = NULL;
	xas->xa_offset = 0;
	while (xa_is_node(entry)) {
		struct xa_node *node = xa_to_node(entry);

		xas->xa_node = node;
		xas->xa_offset = xa_offset_in(node, xas->xa_index);
		entry = node->slots[xas->xa_offset];
		if (!node->shift)
			break;
	}
	return entry;
}

/*
 * Make the path to xas->xa_index exist: add levels on top until the index
 * fits (Linux: xas_expand), then the missing nodes down to the leaf.
 * Returns the entry there now. On allocation failure the cursor holds
 * -ENOMEM and the nodes this call added are kept on xa_alloc for the
 * retry (the tree is as it was).
 */
static void *xas_create(struct xa_state *xas)
{
	struct xarray *xa = xas->xa;
	unsigned long index = xas->xa_index;
	struct xa_node *node;
	void *head = xa->xa_head;

	if (xas_error(xas))
		return NULL;
	if (!xa_is_node(head) && index == 0) {
		xas->xa_node = NULL;
		xas->xa_offset = 0;
		return head;
	}
	if (!head) {
		unsigned int shift = 0;

		while (shift < 60 && (index >> shift) > XA_CHUNK_MASK)
			shift += XA_CHUNK_SHIFT;
		node = xas_alloc(xas, shift);
		if (!node)
			return NULL;
		xa->xa_head = xa_mk_node(node);
	}
	while (index > xa_max_index(xa->xa_head)) {
		head = xa->xa_head;
		node = xas_alloc(xas, xa_is_node(head) ?
				 xa_to_node(head)->shift + XA_CHUNK_SHIFT : 0);
		if (!node)
			goto fail;
		node->slots[0] = head;
		node->count = 1;
		node->nr_values = xa_is_value(head);
		if (xa_is_node(head)) {
			xa_to_node(head)->parent = node;
			xa_to_node(head)->offset = 0;
		}
		for (xa_mark_t mark = 0; mark <= XA_MARK_MAX; mark++)
			if (xa_marked(xa, mark))
				node_set_mark(node, 0, mark);
		xa->xa_head = xa_mk_node(node);
	}

	node = xa_to_node(xa->xa_head);
	for (;;) {
		unsigned int offset = xa_offset_in(node, index);
		struct xa_node *child;

		if (!node->shift) {
			xas->xa_node = node;
			xas->xa_offset = offset;
			return node->slots[offset];
		}
		if (!node->slots[offset]) {
			child = xas_alloc(xas, node->shift - XA_CHUNK_SHIFT);
			if (!child)
				goto fail_at;
			child->parent = node;
			child->offset = offset;
			node->slots[offset] = xa_mk_node(child);
			node->count++;
		}
		node = xa_to_node(node->slots[offset]);
	}

fail_at:
	xas_delete_node(xas, node, true);
	xas_set_err(xas, -ENOMEM);
	return NULL;
fail:
	xas_shrink(xas, true);
	xas_set_err(xas, -ENOMEM);
	return NULL;
}

/*
 * Store entry at the cursor's index and return what was there. Storing
 * NULL erases: the marks go, and empty nodes are freed. Storing into an
 * index the tree does not reach grows it; that can fail with -ENOMEM in
 * the cursor (see xas_nomem()).
 */
void *xas_store(struct xa_state *xas, void *entry)
{
	struct xa_node *node;
	void *curr;
	void **slot;

	if (entry) {
		curr = xas_create(xas);
		if (xas_invalid(xas))
			return curr;
	} else {
		curr = xas_load(xas);
		if (xas_invalid(xas) || !curr)
			return curr;
	}
	node = xas->xa_node;
	slot = node ? &node->slots[xas->xa_offset] : &xas->xa->xa_head;
	if (curr == entry)
		return curr;
	*slot = entry;
	if (!entry)
		xas_init_marks(xas);
	if (!node)
		return curr;
	node->count += !!entry - !!curr;
	node->nr_values += (int)xa_is_value(entry) - (int)xa_is_value(curr);
	if (!entry) {
		if (!node->count)
			xas_delete_node(xas, node, false);
		else if (!node->parent)
			xas_shrink(xas, false);
	}
	return curr;
}

/*
 * Find the first entry (or, for mark <= XA_MARK_MAX, marked entry) with
 * index in [start, max], leaving the cursor on it; XAS_BOUNDS if none.
 * Marked searches skip every slot whose mark bit is clear, whole
 * subtrees included.
 */
static void *xas_find_from(struct xa_state *xas, unsigned long start, unsigned long max,
			   xa_mark_t mark)
{
	struct xarray *xa = xas->xa;
	unsigned long index;
	struct xa_node *node;
	void *head;

restart:
	head = xa->xa_head;
	if (start > max || start > xa_max_index(head))
		return xas_set_bounds(xas);
	if (mark <= XA_MARK_MAX && !xa_marked(xa, mark))
		return xas_set_bounds(xas);
	if (!xa_is_node(head)) {
		if (!head)
			return xas_set_bounds(xas);
		xas->xa_node = NULL;
		xas->xa_offset = 0;
		xas->xa_index = 0;
		return head;
	}
	node = xa_to_node(head);
	index = start;
	for (;;) {
		unsigned int offset = xa_offset_in(node, index);
		unsigned int found = node_next_slot(node, offset, mark);
		unsigned int up = node->shift + XA_CHUNK_SHIFT;
		void *entry;

		if (found == XA_CHUNK_SIZE) {
			/* Nothing left in this node: go on from the next one. */
			if (up >= 64 || (index >> up) == (ULONG_MAX >> up))
				return xas_set_bounds(xas);
			start = ((index >> up) + 1) << up;
			goto restart;
		}
		if (found != offset)
			index = (((index >> node->shift) & ~XA_CHUNK_MASK) | found) << node->shift;
		if (index > max)
			return xas_set_bounds(xas);
		entry = node->slots[found];
		if (node->shift) {
			node = xa_to_node(entry);
			continue;
		}
		xas->xa_node = node;
		xas->xa_offset = found;
		xas->xa_index = index;
		return entry;
	}
}

/* Where a search starts: at xa_index if not walked yet, else after it. */
static bool xas_search_start(struct xa_state *xas, unsigned long *start)
{
	if (xas_error(xas))
		return false;
	if (xas->xa_node == XAS_RESTART || xas->xa_node == XAS_BOUNDS) {
		*start = xas->xa_index;
		return true;
	}
	if (xas->xa_index == ULONG_MAX)
		return false;
	*start = xas->xa_index + 1;
	return true;
}

/*
 * Linux's xas_find(): if the cursor has not been walked (xas_set,
 * XA_STATE), the first entry at or after xa_index; if it has, the first
 * entry after it. Up to max; NULL and XAS_BOUNDS when there is none.
 */
void *xas_find(struct xa_state *xas, unsigned long max)
{
	unsigned long start;

	if (!xas_search_start(xas, &start)) {
		if (!xas_error(xas))
			xas_set_bounds(xas);
		return NULL;
	}
	return xas_find_from(xas, start, max, XA_PRESENT);
}

void *xas_find_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	unsigned long start;

	if (mark > XA_MARK_MAX || !xas_search_start(xas, &start)) {
		if (!xas_error(xas))
			xas_set_bounds(xas);
		return NULL;
	}
	return xas_find_from(xas, start, max, mark);
}

/*
 * After an operation under the lock failed with -ENOMEM: allocate a node
 * with gfp (the caller has dropped xa_lock if gfp may sleep), keep it in
 * the cursor and return true to say "retry". Otherwise free what was
 * preallocated and return false.
 */
bool xas_nomem(struct xa_state *xas, gfp_t gfp)
{
	struct xa_node *node;

	if (xas->xa_node != XA_ERROR(-ENOMEM)) {
		xas_destroy(xas);
		return false;
	}
	node = kmem_cache_alloc(radix_tree_node_cachep, gfp | __GFP_ZERO);
	if (!node) {
		xas_destroy(xas);
		return false;
	}
	xas_keep_node(xas, node);
	xas->xa_node = XAS_RESTART;
	return true;
}

/* xas_nomem() for the __xa_* calls, which hold xa_lock: drop it to sleep. */
static bool __xas_nomem(struct xa_state *xas, gfp_t gfp)
{
	bool ret;

	if (xas->xa_node != XA_ERROR(-ENOMEM)) {
		xas_destroy(xas);
		return false;
	}
	if (!gfpflags_allow_blocking(gfp))
		return xas_nomem(xas, gfp);
	xas_unlock(xas);
	ret = xas_nomem(xas, gfp);
	xas_lock(xas);
	return ret;
}

static void *xas_result(const struct xa_state *xas, void *curr)
{
	if (xas_error(xas))
		return xas->xa_node;
	return curr;
}

/* ---- the normal API ------------------------------------------------------ */

void *xa_load(struct xarray *xa, unsigned long index)
{
	XA_STATE(xas, xa, index);
	void *entry;

	xa_lock(xa);
	entry = xas_load(&xas);
	xa_unlock(xa);
	return entry;
}

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	XA_STATE(xas, xa, index);
	void *curr;

	if (WARN_ON_ONCE(xa_is_internal(entry)))
		return XA_ERROR(-EINVAL);
	do {
		curr = xas_store(&xas, entry);
	} while (__xas_nomem(&xas, gfp));
	return xas_result(&xas, curr);
}

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);
	return curr;
}

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	XA_STATE(xas, xa, index);

	return xas_store(&xas, NULL);
}

void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock(xa);
	entry = __xa_erase(xa, index);
	xa_unlock(xa);
	return entry;
}

void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	XA_STATE(xas, xa, index);
	void *curr;

	if (WARN_ON_ONCE(xa_is_internal(entry)))
		return XA_ERROR(-EINVAL);
	do {
		curr = xas_load(&xas);
		if (curr == old)
			xas_store(&xas, entry);
	} while (__xas_nomem(&xas, gfp));
	return xas_result(&xas, curr);
}

void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_cmpxchg(xa, index, old, entry, gfp);
	xa_unlock(xa);
	return curr;
}

/* Store only into an empty index: 0, -EBUSY, -ENOMEM or -EINVAL. */
int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	XA_STATE(xas, xa, index);

	if (WARN_ON_ONCE(!entry || xa_is_internal(entry)))
		return -EINVAL;
	do {
		if (xas_load(&xas))
			xas_set_err(&xas, -EBUSY);
		else
			xas_store(&xas, entry);
	} while (__xas_nomem(&xas, gfp));
	return xas_error(&xas);
}

int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_insert(xa, index, entry, gfp);
	xa_unlock(xa);
	return err;
}

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);
	bool ret;

	xa_lock(xa);
	ret = xas_load(&xas) && xas_get_mark(&xas, mark);
	xa_unlock(xa);
	return ret;
}

/* Marks are only set on present entries (as Linux). */
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);

	if (xas_load(&xas))
		xas_set_mark(&xas, mark);
}

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	XA_STATE(xas, xa, index);

	if (xas_load(&xas))
		xas_clear_mark(&xas, mark);
}

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}

/*
 * The first entry (filter XA_PRESENT) or marked entry (filter a mark) at
 * an index in [*indexp, max]; *indexp is set to its index. NULL (and
 * *indexp unchanged) if there is none.
 */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	XA_STATE(xas, xa, *indexp);
	void *entry;

	xa_lock(xa);
	if (filter <= XA_MARK_MAX)
		entry = xas_find_marked(&xas, max, filter);
	else
		entry = xas_find(&xas, max);
	xa_unlock(xa);
	if (entry)
		*indexp = xas.xa_index;
	return entry;
}

/* The same, strictly after *indexp (xa_for_each's step). */
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter)
{
	unsigned long index = *indexp + 1;
	void *entry;

	if (!index)
		return NULL;
	entry = xa_find(xa, &index, max, filter);
	if (entry)
		*indexp = index;
	return entry;
}

static void xa_free_nodes(struct xa_node *node)
{
	if (node->shift) {
		for (unsigned int i = 0; i < XA_CHUNK_SIZE; i++)
			if (node->slots[i])
				xa_free_nodes(xa_to_node(node->slots[i]));
	}
	xa_node_free(node);
}

/* Drop every entry and free every node; the array is empty and reusable. */
void xa_destroy(struct xarray *xa)
{
	void *head;

	xa_lock(xa);
	head = xa->xa_head;
	xa->xa_head = NULL;
	xa->xa_flags &= ~XA_FLAGS_MARK_ALL;
	if (xa_is_node(head))
		xa_free_nodes(xa_to_node(head));
	xa_unlock(xa);
}
