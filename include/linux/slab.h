/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's API: object caches and kmalloc (Linux:
 * include/linux/slab.h). The implementation is mm/slub.c, after Linux's
 * SLUB; mm/slab.h has the data structures.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>

typedef unsigned int slab_flags_t;

#define SLAB_CONSISTENCY_CHECKS 0x00000100U	/* check objects on alloc and free */
#define SLAB_RED_ZONE 0x00000400U		/* red zones around each object */
#define SLAB_POISON 0x00000800U			/* poison free (and fresh) objects */
#define SLAB_HWCACHE_ALIGN 0x00002000U		/* align objects to cache lines */
#define SLAB_PANIC 0x00040000U			/* panic if kmem_cache_create fails */
#define SLAB_DEBUG_FLAGS (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON)

/* Largest size served by a kmalloc cache; bigger requests go to the buddy. */
#define KMALLOC_SHIFT_LOW 3
#define KMALLOC_SHIFT_HIGH 13
#define KMALLOC_MIN_SIZE (1 << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)

/* What kmalloc(0) returns: not NULL, but faults if used (Linux's value). */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);
size_t ksize(const void *objp);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kzalloc(n * size, flags);
}

void kmem_cache_init(void);
void print_slabinfo(void);
bool slabinfo_requested(void);
extern slab_flags_t slub_debug;
extern unsigned long slab_debug_reports;	/* problems the debug checks reported */

/* mm/util.c */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

#endif /* _LINUX_SLAB_H */
