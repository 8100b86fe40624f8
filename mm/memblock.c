// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: the boot-time physical memory manager (Linux: mm/memblock.c).
 *
 * Two region arrays, memblock.memory (RAM that exists) and
 * memblock.reserved (RAM in use), each kept sorted by base, with no
 * overlaps and no two neighbours that could be merged (touching, with
 * equal flags). Free memory is memory minus reserved; __next_mem_range()
 * walks both arrays in lockstep to yield it, skipping memory regions the
 * caller's flags exclude (MEMBLOCK_NOMAP ones unless asked for; only
 * MEMBLOCK_MIRROR ones when mirrored memory is asked for). Allocation
 * searches it top-down by default (bottom-up after
 * memblock_set_bottom_up(true)), never hands out page 0, stays below
 * current_limit, prefers mirrored memory once some is marked, and
 * reserves what it returns. Finally memblock_free_all() gives every free
 * page to the buddy allocator (through memblock_free_pages() in
 * mm/mm_init.c); NOMAP memory is not free memory, so it stays out.
 *
 * Flags are set on memory ranges by memblock_mark_*()/memblock_clear_*()
 * (memblock_setclr_flag: isolate the range into whole regions, change
 * their flags, merge neighbours whose flags became equal). The arrays
 * start with INIT_MEMBLOCK_REGIONS entries; after memblock_allow_resize()
 * one that is full doubles (memblock_double_array), taking the new array
 * from memblock itself and reserving it; before that, running out is
 * reported ("cannot resize") and the call fails with -ENOMEM, changing
 * nothing (Linux panics there).
 *
 * Left out from Linux: NUMA node ids (always NUMA_NO_NODE), physmem, the
 * flags other than HOTPLUG/MIRROR/NOMAP, movable_node (so HOTPLUG regions
 * are never skipped), the kernelcore=mirror condition on
 * memblock_mark_mirror(), growing the arrays with kmalloc once slab is up,
 * and memblock_discard() (the arrays stay after boot). Pure code: the host
 * tests (tests/host/test_memblock.c) build this same file.
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>

static struct memblock_region memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region memblock_reserved_init_regions[INIT_MEMBLOCK_RESERVED_REGIONS];

struct memblock memblock = {
	.memory.regions = memblock_memory_init_regions,
	.memory.max = INIT_MEMBLOCK_REGIONS,
	.memory.name = "memory",
	.reserved.regions = memblock_reserved_init_regions,
	.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS,
	.reserved.name = "reserved",
	.bottom_up = false,
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
};

bool memblock_debug;
static bool memblock_can_resize;	/* memblock_allow_resize() was called */
static bool system_has_some_mirror;	/* memblock_mark_mirror() was called */

#define memblock_dbg(fmt, ...)                                  \
	do {                                                    \
		if (memblock_debug)                             \
			pr_info(fmt, ##__VA_ARGS__);            \
	} while (0)

/* Clamp size so base + size does not wrap around the address space. */
static phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
}

void memblock_reset(void)
{
	memset(memblock_memory_init_regions, 0, sizeof(memblock_memory_init_regions));
	memset(memblock_reserved_init_regions, 0, sizeof(memblock_reserved_init_regions));
	memblock.memory.regions = memblock_memory_init_regions;
	memblock.memory.max = INIT_MEMBLOCK_REGIONS;
	memblock.reserved.regions = memblock_reserved_init_regions;
	memblock.reserved.max = INIT_MEMBLOCK_RESERVED_REGIONS;
	memblock_can_resize = false;
	system_has_some_mirror = false;
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
}

bool memblock_has_mirror(void)
{
	return system_has_some_mirror;
}

/* What allocations look for: mirrored memory once there is some (Linux: same). */
static enum memblock_flags choose_memblock_flags(void)
{
	return system_has_some_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
}

static bool memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1, phys_addr_t base2,
				   phys_addr_t size2)
{
	return base1 < base2 + size2 && base2 < base1 + size1;
}

/* Does [base, base + size) overlap any region of type? */
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	memblock_cap_size(base, &size);
	for (unsigned long i = 0; i < type->cnt; i++)
		if (memblock_addrs_overlap(base, size, type->regions[i].base,
					   type->regions[i].size))
			return true;
	return false;
}

/* ---- region array primitives ------------------------------------------ */

static void memblock_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size -= type->regions[r].size;
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;

	/* An emptied array looks like a fresh one: regions[0] all zeroes. */
	if (type->cnt == 0) {
		WARN_ON(type->total_size != 0);
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = MEMBLOCK_NONE;
	}
}

static phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align);

/*
 * Double type's array (Linux: memblock_double_array). The new array comes
 * from memblock: page-aligned, below current_limit, and, when it is the
 * reserved array that grows because [new_area_start, +new_area_size) is
 * being reserved, not on that range (it is still free memory until the
 * caller's reservation goes in; above it is tried first, then below).
 * The entries are copied over, the new array is reserved, and then the
 * old one is freed if memblock had allocated it. Returns 0, or -1 if
 * resizing is not allowed yet or no memory fits.
 */
static int memblock_double_array(struct memblock_type *type, phys_addr_t new_area_start,
				 phys_addr_t new_area_size)
{
	phys_addr_t old_size, new_size, old_alloc_size, new_alloc_size, addr;
	struct memblock_region *new_array, *old_array;

	/* Not before the reserved regions are known: the array could land on one. */
	if (!memblock_can_resize) {
		pr_err("memblock: cannot resize %s array\n", type->name);
		return -1;
	}
	old_size = type->max * sizeof(struct memblock_region);
	new_size = old_size << 1;
	/* Whole pages, so that the array can be freed completely later. */
	old_alloc_size = PAGE_ALIGN(old_size);
	new_alloc_size = PAGE_ALIGN(new_size);

	if (type != &memblock.reserved)
		new_area_start = new_area_size = 0;
	addr = memblock_find_in_range(new_area_start + new_area_size, memblock.current_limit,
				      new_alloc_size, PAGE_SIZE);
	if (!addr && new_area_size)
		addr = memblock_find_in_range(0, min(new_area_start, memblock.current_limit),
					      new_alloc_size, PAGE_SIZE);
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %lu to %lu entries !\n",
		       type->name, type->max, type->max * 2);
		return -1;
	}
	memblock_dbg("memblock: %s is doubled to %lu at [%#018llx-%#018llx]\n", type->name,
		     type->max * 2, (unsigned long long)addr,
		     (unsigned long long)(addr + new_size - 1));

	/* Move the entries first: the full array may be the reserved one itself. */
	new_array = __va(addr);
	memcpy(new_array, type->regions, old_size);
	memset(new_array + type->max, 0, old_size);
	old_array = type->regions;
	type->regions = new_array;
	type->max <<= 1;

	/*
	 * Reserve the new array before the old one is freed: freeing may
	 * split a region of a full reserved array and so grow that one,
	 * whose search must not find the new array still free. (Linux frees
	 * first.) There is room now in type, so this cannot fail.
	 */
	BUG_ON(memblock_reserve(addr, new_alloc_size));
	if (old_array != memblock_memory_init_regions &&
	    old_array != memblock_reserved_init_regions)
		memblock_free(old_array, old_alloc_size);
	return 0;
}

static void memblock_insert_region(struct memblock_type *type, int idx,
				   phys_addr_t base, phys_addr_t size,
				   enum memblock_flags flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	memmove(rgn + 1, rgn, (type->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	type->cnt++;
	type->total_size += size;
}

/* Merge neighbours that touch and have the same flags. */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (this->base + this->size != next->base || this->flags != next->flags) {
			i++;
			continue;
		}
		this->size += next->size;
		/* memblock_remove_region would subtract next's size: add it back. */
		type->total_size += next->size;
		memblock_remove_region(type, i + 1);
	}
}

/*
 * Add [base, base + size) to type, inserting only the parts not already
 * covered (with flags; covered parts keep theirs), then merging. Done in
 * two passes, as in Linux: the first counts how many new regions are
 * needed, so the array can be doubled first (and then counts again), or,
 * when it cannot be, the call fails with -ENOMEM before anything
 * changes; the second inserts.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size, enum memblock_flags flags)
{
	phys_addr_t obase = base, end = base + memblock_cap_size(base, &size);
	bool insert = false;
	int idx, nr_new;

	if (!size)
		return 0;
	if (type->cnt == 0) {
		memblock_insert_region(type, 0, base, size, flags);
		return 0;
	}
repeat:
	base = obase;
	nr_new = 0;
	for (idx = 0; idx < (int)type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base, rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		/* The part of the new range below this region is new. */
		if (rbase > base) {
			nr_new++;
			if (insert)
				memblock_insert_region(type, idx++, base, rbase - base, flags);
		}
		base = min(rend, end);
	}
	if (base < end) {
		nr_new++;
		if (insert)
			memblock_insert_region(type, idx, base, end - base, flags);
	}
	if (!nr_new)
		return 0;
	if (!insert) {
		if (type->cnt + nr_new > type->max) {
			if (memblock_double_array(type, obase, size) < 0)
				return -ENOMEM;
			/*
			 * Doubling reserved frees the old array and reserves the
			 * new one, which changes what this range overlaps: count
			 * again (Linux inserts with the count from before).
			 */
			goto repeat;
		}
		insert = true;
		goto repeat;
	}
	memblock_merge_regions(type);
	return 0;
}

static int memblock_splits_needed(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t end)
{
	int splits = 0;

	for (unsigned long i = 0; i < type->cnt; i++) {
		phys_addr_t rbase = type->regions[i].base;
		phys_addr_t rend = rbase + type->regions[i].size;

		splits += rbase < base && base < rend;
		splits += rbase < end && end < rend;
	}
	return splits;
}

/*
 * Split regions so that [base, base + size) is covered exactly by whole
 * regions, and return their index range [*start_rgn, *end_rgn).
 * remove, free and the flag setters are built on this (Linux:
 * memblock_isolate_range).
 */
static int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t size, int *start_rgn, int *end_rgn)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	int idx;

	*start_rgn = *end_rgn = 0;
	if (!size)
		return 0;
	/*
	 * Each region that straddles base or end is split in two. Count the
	 * splits first, and make room for them, so that when there is no room
	 * the call fails before anything changes. (Linux makes room for two
	 * whether they are needed or not.)
	 */
	while (type->cnt + memblock_splits_needed(type, base, end) > type->max)
		if (memblock_double_array(type, base, size) < 0)
			return -ENOMEM;

	for (idx = 0; idx < (int)type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base, rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			/* Cut off the part below base; look at the rest again. */
			rgn->base = base;
			rgn->size -= base - rbase;
			type->total_size -= base - rbase;
			memblock_insert_region(type, idx, rbase, base - rbase, rgn->flags);
		} else if (rend > end) {
			/* Cut off the part above end; the lower piece is inside. */
			rgn->base = end;
			rgn->size -= end - rbase;
			type->total_size -= end - rbase;
			memblock_insert_region(type, idx--, rbase, end - rbase, rgn->flags);
		} else {
			if (!*end_rgn)
				*start_rgn = idx;
			*end_rgn = idx + 1;
		}
	}
	return 0;
}

static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	int start_rgn, end_rgn, i, ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = end_rgn - 1; i >= start_rgn; i--)
		memblock_remove_region(type, i);
	return 0;
}

/*
 * Set or clear flag on the regions of type inside [base, base + size),
 * splitting the ones that cross its ends, then merge what became equal
 * (Linux: memblock_setclr_flag).
 */
static int memblock_setclr_flag(struct memblock_type *type, phys_addr_t base,
				phys_addr_t size, bool set, enum memblock_flags flag)
{
	int i, ret, start_rgn, end_rgn;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (i = start_rgn; i < end_rgn; i++) {
		if (set)
			type->regions[i].flags |= flag;
		else
			type->regions[i].flags &= ~flag;
	}
	memblock_merge_regions(type);
	return 0;
}

/* ---- the public API ------------------------------------------------------ */

/* memblock=debug: "memblock_reserve: [0x...-0x...] caller+0x12/0x40", as Linux. */
static void memblock_dbg_range(const char *fn, phys_addr_t base, phys_addr_t size,
			       void *caller)
{
	memblock_dbg("%s: [%#018llx-%#018llx] %pS\n", fn, (unsigned long long)base,
		     (unsigned long long)(base + size - 1), caller);
}

/* Add memory with flags; nid is accepted and dropped (no NUMA here). */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags)
{
	memblock_dbg("%s: [%#018llx-%#018llx] nid=%d flags=%x %pS\n", __func__,
		     (unsigned long long)base, (unsigned long long)(base + size - 1), nid, flags,
		     __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size, flags);
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, __builtin_return_address(0));
	return memblock_add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg_range(__func__, base, size, __builtin_return_address(0));
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_free(void *ptr, size_t size)
{
	if (ptr)
		memblock_phys_free(__pa(ptr), size);
}

/* Memory that may be hot-removed (firmware SRAT); Linux skips it under movable_node. */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_HOTPLUG);
}

int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(&memblock.memory, base, size, false, MEMBLOCK_HOTPLUG);
}

/* Mirrored memory (firmware); from now on allocations prefer it. */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	system_has_some_mirror = true;
	return memblock_setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_MIRROR);
}

/*
 * Memory that is there but must not be used as RAM: it stays out of the
 * direct map, out of memblock allocations and out of the buddy; its
 * struct pages exist and stay PageReserved.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_NOMAP);
}

int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(&memblock.memory, base, size, false, MEMBLOCK_NOMAP);
}

/*
 * Called once the reserved regions are all known (setup_arch), so that a
 * grown array is never placed on memory that is in use but not yet
 * reserved.
 */
void memblock_allow_resize(void)
{
	memblock_can_resize = true;
}

void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long idx = memblock.memory.cnt;

	if (!idx)
		return 0;
	return memblock.memory.regions[idx - 1].base + memblock.memory.regions[idx - 1].size;
}

/* Index of the region containing addr, or -1. */
static int memblock_search(struct memblock_type *type, phys_addr_t addr)
{
	unsigned int left = 0, right = type->cnt;

	while (left < right) {
		unsigned int mid = (right + left) / 2;

		if (addr < type->regions[mid].base)
			right = mid;
		else if (addr >= type->regions[mid].base + type->regions[mid].size)
			left = mid + 1;
		else
			return mid;
	}
	return -1;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != -1;
}

/* Memory, and not marked MEMBLOCK_NOMAP. */
bool memblock_is_map_memory(phys_addr_t addr)
{
	int i = memblock_search(&memblock.memory, addr);

	return i != -1 && !memblock_is_nomap(&memblock.memory.regions[i]);
}

bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	int idx = memblock_search(&memblock.memory, base);
	phys_addr_t end = base + memblock_cap_size(base, &size);

	if (idx == -1)
		return false;
	return memblock.memory.regions[idx].base <= base &&
	       memblock.memory.regions[idx].base + memblock.memory.regions[idx].size >= end;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != -1;
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/*
 * Shrink every memory region to whole multiples of align, dropping those
 * with no whole aligned block in them. Unlike Linux, total_size follows.
 */
void memblock_trim_memory(phys_addr_t align)
{
	struct memblock_type *type = &memblock.memory;

	for (long i = 0; i < (long)type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t orig_start = r->base, orig_end = r->base + r->size;
		phys_addr_t start = ALIGN(orig_start, align), end = ALIGN_DOWN(orig_end, align);

		if (start == orig_start && end == orig_end)
			continue;
		if (start < end) {
			type->total_size -= r->size - (end - start);
			r->base = start;
			r->size = end - start;
		} else {
			memblock_remove_region(type, i--);
		}
	}
}

/* ---- walking free ranges -------------------------------------------------- */

/*
 * Is memory region m left out of a walk asking for flags? Only memory
 * regions are ever skipped: NOMAP ones unless flags has MEMBLOCK_NOMAP,
 * and, when flags asks for MEMBLOCK_MIRROR, the ones not mirrored.
 * (Linux also skips HOTPLUG ones under movable_node, and filters by nid.)
 */
static bool should_skip_region(struct memblock_type *type, struct memblock_region *m,
			       int nid, enum memblock_flags flags)
{
	if (type != &memblock.memory)
		return false;
	if ((flags & MEMBLOCK_MIRROR) && !memblock_is_mirror(m))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && memblock_is_nomap(m))
		return true;
	return false;
}

/*
 * The next range of type_a not covered by type_b, low to high. *idx
 * packs two cursors: the low 32 bits index type_a, the high 32 bits the
 * gap of type_b being looked at (gap i lies between regions i-1 and i of
 * type_b). ULLONG_MAX ends the walk. type_b may be NULL (every region of
 * type_a as is).
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	int idx_a = *idx & 0xffffffff, idx_b = *idx >> 32;

	for (; idx_a < (int)type_a->cnt; idx_a++) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = m->base + m->size;

		if (should_skip_region(type_a, m, nid, flags))
			continue;
		if (!type_b) {
			if (out_start)
				*out_start = m_start;
			if (out_end)
				*out_end = m_end;
			if (out_nid)
				*out_nid = NUMA_NO_NODE;
			idx_a++;
			*idx = (u32)idx_a | (u64)idx_b << 32;
			return;
		}
		/* Gaps of type_b: [end of region idx_b-1, start of region idx_b). */
		for (; idx_b < (int)type_b->cnt + 1; idx_b++) {
			phys_addr_t r_start = idx_b ? type_b->regions[idx_b - 1].base +
						      type_b->regions[idx_b - 1].size : 0;
			phys_addr_t r_end = idx_b < (int)type_b->cnt ?
					    type_b->regions[idx_b].base : PHYS_ADDR_MAX;

			if (r_start >= m_end)
				break;	/* this gap is past m: next m */
			if (m_start < r_end) {
				if (out_start)
					*out_start = max(m_start, r_start);
				if (out_end)
					*out_end = min(m_end, r_end);
				if (out_nid)
					*out_nid = NUMA_NO_NODE;
				/* Advance whichever ends first. */
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

/* The same walk from high to low addresses. */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	int idx_a = *idx & 0xffffffff, idx_b = *idx >> 32;

	if (*idx == (u64)ULLONG_MAX) {
		idx_a = type_a->cnt - 1;
		idx_b = type_b ? (int)type_b->cnt : 0;
	}
	for (; idx_a >= 0; idx_a--) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base, m_end = m->base + m->size;

		if (should_skip_region(type_a, m, nid, flags))
			continue;
		if (!type_b) {
			if (out_start)
				*out_start = m_start;
			if (out_end)
				*out_end = m_end;
			if (out_nid)
				*out_nid = NUMA_NO_NODE;
			idx_a--;
			*idx = (u32)idx_a | (u64)idx_b << 32;
			return;
		}
		for (; idx_b >= 0; idx_b--) {
			phys_addr_t r_start = idx_b ? type_b->regions[idx_b - 1].base +
						      type_b->regions[idx_b - 1].size : 0;
			phys_addr_t r_end = idx_b < (int)type_b->cnt ?
					    type_b->regions[idx_b].base : PHYS_ADDR_MAX;

			if (r_end <= m_start)
				break;	/* this gap is below m: next m */
			if (m_end > r_start) {
				if (out_start)
					*out_start = max(m_start, r_start);
				if (out_end)
					*out_end = min(m_end, r_end);
				if (out_nid)
					*out_nid = NUMA_NO_NODE;
				if (m_start >= r_start)
					idx_a--;
				else
					idx_b--;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}
	*idx = ULLONG_MAX;
}

/* ---- allocation ----------------------------------------------------------- */

static phys_addr_t find_in_range_top_down(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align,
					  enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		if (this_end < size)
			continue;
		cand = ALIGN_DOWN(this_end - size, align);
		if (cand >= this_start)
			return cand;
	}
	return 0;
}

static phys_addr_t find_in_range_bottom_up(phys_addr_t start, phys_addr_t end,
					   phys_addr_t size, phys_addr_t align,
					   enum memblock_flags flags)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		cand = ALIGN(this_start, align);
		if (cand >= this_start && cand < this_end && this_end - cand >= size)
			return cand;
	}
	return 0;
}

/* Linux: memblock_find_in_range_node(). Returns 0 if nothing fits. */
static phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align,
					       phys_addr_t start, phys_addr_t end,
					       enum memblock_flags flags)
{
	/* Only "wherever accessible" means current_limit; an explicit end is the caller's. */
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	/* Page 0 is never handed out: 0 means "failed" to every caller. */
	start = max(start, (phys_addr_t)PAGE_SIZE);
	end = max(start, end);
	if (memblock.bottom_up)
		return find_in_range_bottom_up(start, end, size, align, flags);
	return find_in_range_top_down(start, end, size, align, flags);
}

static void warn_no_mirror(phys_addr_t size)
{
	pr_warn("Could not allocate %#018llx bytes of mirrored memory\n",
		(unsigned long long)size);
}

/* The same, mirrored memory first if there is some (memblock_double_array's). */
static phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end,
					  phys_addr_t size, phys_addr_t align)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t ret;

	ret = memblock_find_in_range_node(size, align, start, end, flags);
	if (!ret && (flags & MEMBLOCK_MIRROR)) {
		warn_no_mirror(size);
		ret = memblock_find_in_range_node(size, align, start, end,
						  flags & ~MEMBLOCK_MIRROR);
	}
	return ret;
}

static phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t found;

	if (!size)
		return 0;
	if (!align) {
		pr_warn("memblock: allocation of %#llx bytes with align 0, using %d\n",
			(unsigned long long)size, 8);
		align = 8;
	}
	if (align & (align - 1)) {
		pr_err("memblock: alignment %#llx is not a power of two\n",
		       (unsigned long long)align);
		return 0;
	}
again:
	found = memblock_find_in_range_node(size, align, start, end, flags);
	if (found && !memblock_reserve(found, size))
		return found;
	/* Mirrored memory is a preference: try any memory before failing. */
	if (flags & MEMBLOCK_MIRROR) {
		flags &= ~MEMBLOCK_MIRROR;
		warn_no_mirror(size);
		goto again;
	}
	return 0;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	memblock_dbg("memblock_phys_alloc_range: %llu bytes align=%#llx from=%#llx max_addr=%#llx %pS\n",
		     (unsigned long long)size, (unsigned long long)align,
		     (unsigned long long)start, (unsigned long long)end,
		     __builtin_return_address(0));
	return memblock_alloc_range_nid(size, align, start, end);
}

static void *memblock_alloc_internal(phys_addr_t size, phys_addr_t align,
				     phys_addr_t min_addr, phys_addr_t max_addr, void *caller,
				     const char *func)
{
	phys_addr_t pa;

	memblock_dbg("%s: %llu bytes align=%#llx %pS\n", func, (unsigned long long)size,
		     (unsigned long long)align, caller);
	/* A virtual address must be reachable: stay below current_limit (as Linux). */
	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;
	pa = memblock_alloc_range_nid(size, align, min_addr, max_addr);
	/* Like Linux, retry without the lower bound before giving up. */
	if (!pa && min_addr)
		pa = memblock_alloc_range_nid(size, align, 0, max_addr);
	return pa ? __va(pa) : NULL;
}

void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	return memblock_alloc_internal(size, align, min_addr, max_addr,
				       __builtin_return_address(0), __func__);
}

void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	void *ptr = memblock_alloc_internal(size, align, min_addr, max_addr,
					    __builtin_return_address(0), __func__);

	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

/* ---- handing over to the buddy allocator ------------------------------------- */

/*
 * Free [start_pfn, end_pfn) in the largest naturally aligned blocks: a
 * block of order k must start at a multiple of 2^k, so the order is the
 * lowest set bit of the pfn, capped at MAX_PAGE_ORDER and shrunk until
 * the block fits (Linux: __free_pages_memory).
 */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = start ? min((unsigned long)MAX_PAGE_ORDER, __ffs(start))
					   : MAX_PAGE_ORDER;

		while (start + (1UL << order) > end)
			order--;
		memblock_free_pages(pfn_to_page(start), start, order);
		start += 1UL << order;
	}
}

/*
 * Give every free page to the buddy allocator; returns how many. Free
 * means memory minus reserved without the NOMAP regions: those pages stay
 * PageReserved, as free_area_init() made every page.
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

	/* As Linux: hotplug memory is ordinary memory from here on. */
	memblock_clear_hotplug(0, PHYS_ADDR_MAX);

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		unsigned long start_pfn = PFN_UP(start), end_pfn = PFN_DOWN(end);

		if (start_pfn >= end_pfn)
			continue;
		__free_pages_memory(start_pfn, end_pfn);
		count += end_pfn - start_pfn;
	}
	return count;
}

/* ---- memblock=debug ------------------------------------------------------- */

static void memblock_dump(struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		pr_info(" %s[%#lx]\t[%#018llx-%#018llx], %#llx bytes flags: %#x\n",
			type->name, i, (unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1),
			(unsigned long long)r->size, r->flags);
	}
}

void memblock_dump_all(void)
{
	if (!memblock_debug)
		return;
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#llx reserved size = %#llx\n",
		(unsigned long long)memblock.memory.total_size,
		(unsigned long long)memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}
