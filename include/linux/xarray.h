/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The XArray: an array of pointers indexed by unsigned long, stored as a
 * radix tree of 64-slot nodes (Linux: include/linux/xarray.h). It is the
 * page cache's index (address_space.i_pages) and serves any sparse array.
 *
 * An entry is a pointer aligned to 4 bytes, a value entry (xa_mk_value(),
 * an integer shifted left by one with bit 0 set), or an internal entry
 * (bits 1..0 == 10: node pointers, errors) which callers never store.
 *
 * Locking: every normal-API call (xa_*) takes xa_lock itself; the advanced
 * API (xas_*) runs with xa_lock held by the caller (xas_lock()). Linux's
 * readers (xa_load, xa_find, xas_load under rcu_read_lock) run under RCU
 * instead; there is no RCU here, so do not call xa_load()/xa_find() with
 * xa_lock held (use xas_load() there). See lib/xarray.c for what else is
 * left out, and docs/mm/xarray.md.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/panic.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/* ---- entries --------------------------------------------------------------- */

/* An integer in [0, LONG_MAX] as an entry: bit 0 tags it. */
static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

/* Internal entries: bits 1..0 == 10. Only lib/xarray.c makes them. */
static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

/* A node pointer, tagged as internal (Linux: xa_mk_node / xa_is_node). */
static inline bool xa_is_node(const void *entry)
{
	return xa_is_internal(entry) && (unsigned long)entry > 4096;
}

/* An errno as an entry: what xa_store() returns on failure. */
static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) &&
			entry >= xa_mk_internal(-MAX_ERRNO));
}

/* The errno in an entry, or 0 if the entry is not an error. */
static inline int xa_err(void *entry)
{
	if (xa_is_err(entry))
		return (long)entry >> 2;
	return 0;
}

/* ---- the array ------------------------------------------------------------- */

typedef unsigned int xa_mark_t;
#define XA_MARK_0 ((xa_mark_t)0U)
#define XA_MARK_1 ((xa_mark_t)1U)
#define XA_MARK_2 ((xa_mark_t)2U)
#define XA_PRESENT ((xa_mark_t)8U)	/* xa_find() filter: any entry */
#define XA_MARK_MAX XA_MARK_2
#define XA_MAX_MARKS 3

/*
 * xa_flags: the array-wide mark bits (set when any entry has the mark;
 * Linux keeps them above the gfp bits of xa_flags). Linux's lock-type and
 * allocation flags (XA_FLAGS_LOCK_IRQ, XA_FLAGS_ALLOC) are not supported.
 */
#define XA_FLAGS_MARK(mark) (1U << (24 + (mark)))
#define XA_FLAGS_MARK_ALL (XA_FLAGS_MARK(0) | XA_FLAGS_MARK(1) | XA_FLAGS_MARK(2))

struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	void *xa_head;	/* NULL, the entry at index 0, or the top node */
};

#define XARRAY_INIT(name, flags) {                              \
	.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock),          \
	.xa_flags = flags,                                      \
	.xa_head = NULL,                                        \
}

#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name) DEFINE_XARRAY_FLAGS(name, 0)

/* A macro, so spin_lock_init()'s lock class is per call site, as Linux. */
#define xa_init_flags(xa, flags)                                \
	do {                                                    \
		struct xarray *__xa = (xa);                     \
		spin_lock_init(&__xa->xa_lock);                 \
		__xa->xa_flags = (flags);                       \
		__xa->xa_head = NULL;                           \
	} while (0)
#define xa_init(xa) xa_init_flags(xa, 0)

#define xa_lock(xa) spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa) spin_unlock(&(xa)->xa_lock)

static inline bool xa_empty(const struct xarray *xa)
{
	return xa->xa_head == NULL;
}

/* Does any entry in the array have this mark? */
static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags & XA_FLAGS_MARK(mark);
}

/* ---- nodes ----------------------------------------------------------------- */

#define XA_CHUNK_SHIFT 6
#define XA_CHUNK_SIZE (1UL << XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK (XA_CHUNK_SIZE - 1)
#define XA_MARK_LONGS ((XA_CHUNK_SIZE + 63) / 64)

/*
 * One level of the tree. The index bits [shift, shift + 6) pick a slot;
 * a node with shift 0 holds entries, any other holds nodes. marks[m] has
 * bit i set iff slot i's entry (or some entry below slot i) has mark m.
 */
struct xa_node {
	unsigned char shift;		/* bits of the index below this level */
	unsigned char offset;		/* slot number in the parent */
	unsigned char count;		/* non-NULL slots */
	unsigned char nr_values;	/* value entries in the slots */
	struct xa_node *parent;		/* NULL for the top node */
	struct xarray *array;		/* the array this node belongs to */
	void *slots[XA_CHUNK_SIZE];
	unsigned long marks[XA_MAX_MARKS][XA_MARK_LONGS];
};

/* ---- the normal API (lib/xarray.c; each takes xa_lock) -------------------- */

void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter);
void xa_destroy(struct xarray *xa);

/* The same, with xa_lock already held (Linux's __xa_* forms). */
void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *__xa_erase(struct xarray *xa, unsigned long index);
void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

#define xa_for_each_range(xa, index, entry, start, last)                  \
	for (index = start, entry = xa_find(xa, &index, last, XA_PRESENT);  \
	     entry; entry = xa_find_after(xa, &index, last, XA_PRESENT))
#define xa_for_each_start(xa, index, entry, start) \
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)
#define xa_for_each(xa, index, entry) xa_for_each_start(xa, index, entry, 0)
#define xa_for_each_marked(xa, index, entry, filter)                          \
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter); entry; \
	     entry = xa_find_after(xa, &index, ULONG_MAX, filter))

/* ---- the advanced API: a cursor into the tree, used under xa_lock -------- */

/*
 * xa_node is the node holding the entry at xa_index (xa_offset is its
 * slot), NULL when the entry is xa_head itself, or one of the special
 * values below: XAS_RESTART (not walked yet), XAS_BOUNDS (the index is
 * beyond the tree, or a search found nothing), or an error.
 * xa_alloc is a list of preallocated nodes (linked through ->parent).
 */
struct xa_state {
	struct xarray *xa;
	unsigned long xa_index;
	unsigned char xa_offset;
	struct xa_node *xa_node;
	struct xa_node *xa_alloc;
};

#define XAS_BOUNDS ((struct xa_node *)1UL)
#define XAS_RESTART ((struct xa_node *)3UL)
#define XA_ERROR(errno) ((struct xa_node *)(((unsigned long)(errno) << 2) | 2UL))

#define __XA_STATE(array, index) {              \
	.xa = array,                            \
	.xa_index = index,                      \
	.xa_offset = 0,                         \
	.xa_node = XAS_RESTART,                 \
	.xa_alloc = NULL,                       \
}
#define XA_STATE(name, array, index) struct xa_state name = __XA_STATE(array, index)

#define xas_lock(xas) xa_lock((xas)->xa)
#define xas_unlock(xas) xa_unlock((xas)->xa)

static inline int xas_error(const struct xa_state *xas)
{
	return xa_err(xas->xa_node);
}

static inline void xas_set_err(struct xa_state *xas, long err)
{
	xas->xa_node = XA_ERROR(err);
}

/* Is the cursor at an error, XAS_BOUNDS or XAS_RESTART? */
static inline bool xas_invalid(const struct xa_state *xas)
{
	return (unsigned long)xas->xa_node & 3;
}

static inline bool xas_valid(const struct xa_state *xas)
{
	return !xas_invalid(xas);
}

/* Point the cursor at another index; the next operation walks from the top. */
static inline void xas_set(struct xa_state *xas, unsigned long index)
{
	xas->xa_index = index;
	xas->xa_node = XAS_RESTART;
}

/* Walk again from the top at the same index (e.g. after dropping the lock). */
static inline void xas_reset(struct xa_state *xas)
{
	xas->xa_node = XAS_RESTART;
}

void *xas_load(struct xa_state *xas);
void *xas_store(struct xa_state *xas, void *entry);
void *xas_find(struct xa_state *xas, unsigned long max);
void *xas_find_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark);
bool xas_get_mark(const struct xa_state *xas, xa_mark_t mark);
void xas_set_mark(const struct xa_state *xas, xa_mark_t mark);
void xas_clear_mark(const struct xa_state *xas, xa_mark_t mark);
void xas_init_marks(const struct xa_state *xas);
bool xas_nomem(struct xa_state *xas, gfp_t gfp);
void xas_destroy(struct xa_state *xas);

/*
 * The next present entry after the one the cursor is at. Linux has an
 * inline fast path for the next slot of the same leaf; here it is
 * xas_find().
 */
static inline void *xas_next_entry(struct xa_state *xas, unsigned long max)
{
	return xas_find(xas, max);
}

static inline void *xas_next_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark)
{
	return xas_find_marked(xas, max, mark);
}

#define xas_for_each(xas, entry, max)                   \
	for (entry = xas_find(xas, max); entry;         \
	     entry = xas_next_entry(xas, max))
#define xas_for_each_marked(xas, entry, max, mark)               \
	for (entry = xas_find_marked(xas, max, mark); entry;     \
	     entry = xas_next_marked(xas, max, mark))

/* The node cache (Linux creates it in lib/radix-tree.c's radix_tree_init()). */
struct kmem_cache;
extern struct kmem_cache *radix_tree_node_cachep;
void radix_tree_init(void);

#endif /* _LINUX_XARRAY_H */
