/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time memory manager (Linux: include/linux/memblock.h).
 *
 * Two sorted lists of physical ranges: "memory" (what exists) and
 * "reserved" (what is in use). Free memory is memory minus reserved.
 * It serves allocations until the buddy allocator is up, then hands it
 * every free page (memblock_free_all). Names and fields are Linux's.
 * Each region carries flags (hotplug, mirror, nomap); the arrays start
 * with 128 entries and double, from memblock itself, once
 * memblock_allow_resize() has been called.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS 128
#define INIT_MEMBLOCK_RESERVED_REGIONS INIT_MEMBLOCK_REGIONS

/*
 * Region attributes (Linux's values). Linux also has DRIVER_MANAGED,
 * RSRV_NOINIT, RSRV_KERN and KHO_SCRATCH; Linnet has these three.
 */
enum memblock_flags {
	MEMBLOCK_NONE = 0x0,		/* no special request */
	MEMBLOCK_HOTPLUG = 0x1,		/* hotpluggable region */
	MEMBLOCK_MIRROR = 0x2,		/* mirrored (more reliable) region */
	MEMBLOCK_NOMAP = 0x4,		/* not in the direct map, not for the buddy */
};

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
};

struct memblock_type {
	unsigned long cnt;		/* number of regions */
	unsigned long max;		/* size of the regions array */
	phys_addr_t total_size;		/* size of all regions */
	struct memblock_region *regions;
	char *name;
};

struct memblock {
	bool bottom_up;			/* allocate from low addresses up? */
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern bool memblock_debug;

#define PHYS_ADDR_MAX (~(phys_addr_t)0)
/* "end" argument meaning: up to memblock.current_limit. */
#define MEMBLOCK_ALLOC_ACCESSIBLE 0
#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)
#define NUMA_NO_NODE (-1)

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);

/* Let the region arrays grow past INIT_MEMBLOCK_REGIONS (memblock_double_array). */
void memblock_allow_resize(void);

/* Set or clear a flag on the memory regions in a range, splitting at its ends. */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
bool memblock_has_mirror(void);

static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

/* Round every memory region in to multiples of align; drop what is left empty. */
void memblock_trim_memory(phys_addr_t align);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid);
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr, int nid);

/*
 * The everyday wrappers are inline, as in Linux, so memblock=debug names
 * the real caller.
 */
static __always_inline phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
}

/* Zeroed memory anywhere below current_limit, as a virtual address. */
static __always_inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/* The same, not zeroed. */
static __always_inline void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE,
					  NUMA_NO_NODE);
}

static __always_inline void *memblock_alloc_from(phys_addr_t size, phys_addr_t align,
						 phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr, MEMBLOCK_ALLOC_ACCESSIBLE,
				      NUMA_NO_NODE);
}

/* Below 4 GiB: for what 32-bit hardware or real-mode code must reach. */
static __always_inline void *memblock_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, 0, 0x100000000ULL, NUMA_NO_NODE);
}

void memblock_set_bottom_up(bool enable);
bool memblock_bottom_up(void);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);

phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base, phys_addr_t size);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);

/* Ranges in type_a not covered by type_b (both may be walked in lockstep). */
#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = 0, __next_mem_range(&i, nid, flags, type_a, type_b,              \
				     p_start, p_end, p_nid);                      \
	     i != (u64)ULLONG_MAX;                                                \
	     __next_mem_range(&i, nid, flags, type_a, type_b, p_start, p_end, p_nid))

#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = (u64)ULLONG_MAX,                                                     \
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,                     \
				  p_start, p_end, p_nid);                             \
	     i != (u64)ULLONG_MAX;                                                    \
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b, p_start, p_end, p_nid))

/* Every free range: memory minus reserved, low to high. */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)        \
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved, nid,   \
			     flags, p_start, p_end, p_nid)

#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid) \
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved,     \
				 nid, flags, p_start, p_end, p_nid)

/* Every memory region not marked MEMBLOCK_NOMAP (Linux's for_each_mem_range). */
#define for_each_mem_range(i, p_start, p_end)                                \
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,        \
			     MEMBLOCK_HOTPLUG, p_start, p_end, NULL)

#define for_each_mem_region(region)                                          \
	for (region = memblock.memory.regions;                               \
	     region < (memblock.memory.regions + memblock.memory.cnt); region++)

#define for_each_reserved_mem_region(region)                                 \
	for (region = memblock.reserved.regions;                             \
	     region < (memblock.reserved.regions + memblock.reserved.cnt); region++)

void memblock_dump_all(void);
unsigned long memblock_free_all(void);
/* Reset to empty (the host tests start every case from this). */
void memblock_reset(void);

#endif /* _LINUX_MEMBLOCK_H */
