/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SLUB's data structures (Linux: mm/slab.h and include/linux/slub_def.h).
 *
 * A slab is one or more contiguous pages cut into equal objects. Its
 * description, struct slab, is not a separate allocation: it overlays
 * the struct page of the slab's first page, field for field, so the
 * SLAB_MATCH checks below keep the two layouts in step.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct slab {
	unsigned long __page_flags;		/* page->flags: PG_slab */
	struct kmem_cache *slab_cache;		/* page->lru.next (compound_head) */
	struct list_head slab_list;		/* page->lru.prev, page->mapping */
	void *freelist;				/* page->index: first free object */
	union {
		unsigned long counters;		/* page->private */
		struct {
			unsigned inuse : 16;	/* objects handed out */
			unsigned objects : 15;	/* objects in this slab */
			unsigned frozen : 1;	/* a CPU's current slab */
		};
	};
	unsigned int __unused;			/* page->_mapcount */
	int __page_refcount;			/* page->_refcount */
};

#define SLAB_MATCH(pg, sl) \
	_Static_assert(offsetof(struct page, pg) == offsetof(struct slab, sl), "struct slab: " #sl)
SLAB_MATCH(flags, __page_flags);
SLAB_MATCH(compound_head, slab_cache);
SLAB_MATCH(index, freelist);
SLAB_MATCH(private, counters);
SLAB_MATCH(_mapcount, __unused);
SLAB_MATCH(_refcount, __page_refcount);
_Static_assert(sizeof(struct slab) <= sizeof(struct page), "struct slab is bigger than struct page");

/*
 * The per-CPU part of a cache: this CPU's current slab and its free
 * objects. Only the CPU it belongs to writes it, with its interrupts
 * off; flush_all() asks each CPU to flush its own by IPI. Another CPU
 * at most peeks at c->slab (has_cpu_slab) to choose whom to ask.
 * Debug caches never fill it in.
 */
struct kmem_cache_cpu {
	void **freelist;	/* next free object of the cpu slab */
	struct slab *slab;	/* the cpu slab (frozen) */
};

/*
 * The per-node part: partially used slabs. list_lock, always taken with
 * interrupts off, guards the list, the counters, and every slab's
 * freelist, inuse and frozen. One node here.
 */
struct kmem_cache_node {
	spinlock_t list_lock;
	unsigned long nr_partial;
	struct list_head partial;
	long nr_slabs;
	long total_objects;
};

/* Order of the slab's pages and objects per slab, packed as in Linux. */
struct kmem_cache_order_objects {
	unsigned int x;
};
#define OO_SHIFT 16
#define OO_MASK ((1U << OO_SHIFT) - 1)

struct kmem_cache {
	struct kmem_cache_cpu __percpu *cpu_slab;
	slab_flags_t flags;
	unsigned long min_partial;	/* keep this many empty slabs on the partial list */
	unsigned int size;		/* object plus metadata: the stride in a slab */
	unsigned int object_size;	/* what the user asked for */
	unsigned int offset;		/* where the free pointer lives in an object */
	struct kmem_cache_order_objects oo;
	unsigned int inuse;		/* object_size plus the right red zone */
	unsigned int align;
	unsigned int red_left_pad;	/* left red zone in front of each object */
	const char *name;		/* name_buf, or a static kmalloc name */
	char name_buf[32];		/* kmem_cache_create()'s copy of the caller's name */
	void (*ctor)(void *object);
	unsigned long random;		/* freelist pointer hardening key */
	int refcount;
	struct list_head list;		/* on slab_caches */
	struct kmem_cache_node node;
};

static inline struct slab *page_slab(const struct page *page)
{
	return (struct slab *)page;
}

static inline struct page *slab_page(const struct slab *slab)
{
	return (struct page *)slab;
}

static inline void *slab_address(const struct slab *slab)
{
	return page_address(slab_page(slab));
}

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> OO_SHIFT;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & OO_MASK;
}

/* One line of /proc/slabinfo (Linux: struct slabinfo in mm/slab.h). */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
	unsigned long shared_avail;
	unsigned int limit;
	unsigned int batchcount;
	unsigned int shared;
	unsigned int objects_per_slab;
	unsigned int cache_order;
};

void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

extern struct list_head slab_caches;
extern spinlock_t slab_mutex;

#endif /* _MM_SLAB_H */
