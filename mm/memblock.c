// SPDX-License-Identifier: GPL-2.0
/*
 * memblock: the boot-time physical memory manager (Linux: mm/memblock.c).
 *
 * Two region arrays, memblock.memory (RAM that exists) and
 * memblock.reserved (RAM in use), each kept sorted by base, with no
 * overlaps and no two neighbours that could be merged. Free memory is
 * memory minus reserved; __next_mem_range() walks both arrays in
 * lockstep to yield it. Allocation searches it top-down by default
 * (bottom-up after memblock_set_bottom_up(true)), never hands out page 0,
 * stays below current_limit, and reserves what it returns. Finally
 * memblock_free_all() (mm/mm_init.c in the kernel build) gives every free
 * page to the buddy allocator.
 *
 * Left out from Linux: NUMA node ids (always NUMA_NO_NODE), the
 * HOTPLUG/MIRROR/NOMAP flags, resizing the arrays (128 regions each;
 * exceeding it fails with -ENOMEM), physmem. Pure code: the host tests
 * (tests/host/test_memblock.c) build this same file.
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/memblock.h>
#include <linux/mm.h>
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
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
}

/* ---- region array primitives ------------------------------------------ */

static void memblock_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size -= type->regions[r].size;
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;
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
 * covered, then merging. Done in two passes, as in Linux: the first
 * counts how many new regions are needed so that a full array fails
 * cleanly with -ENOMEM before anything changes; the second inserts.
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
			pr_err("memblock: %s array full (%lu regions); [%#llx-%#llx] not added\n",
			       type->name, type->max, (unsigned long long)obase,
			       (unsigned long long)end - 1);
			return -ENOMEM;
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
 * remove and free are built on this (Linux: memblock_isolate_range).
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
	 * splits first, so a full array fails before anything changes (Linux
	 * grows the array instead; ours is fixed).
	 */
	if (type->cnt + memblock_splits_needed(type, base, end) > type->max)
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

/* ---- the public API ------------------------------------------------------ */

/* memblock=debug: "memblock_reserve: [0x...-0x...] caller+0x12/0x40", as Linux. */
static void memblock_dbg_range(const char *fn, phys_addr_t base, phys_addr_t size,
			       void *caller)
{
	memblock_dbg("%s: [%#018llx-%#018llx] %pS\n", fn, (unsigned long long)base,
		     (unsigned long long)(base + size - 1), caller);
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
	phys_addr_t end = base + memblock_cap_size(base, &size);

	for (unsigned long i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < end && base < r->base + r->size)
			return true;
	}
	return false;
}

/* ---- walking free ranges -------------------------------------------------- */

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
					  phys_addr_t size, phys_addr_t align)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &this_start,
					&this_end, NULL) {
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
					   phys_addr_t size, phys_addr_t align)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &this_start, &this_end,
				NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);
		cand = ALIGN(this_start, align);
		if (cand >= this_start && cand < this_end && this_end - cand >= size)
			return cand;
	}
	return 0;
}

/* Linux: memblock_find_in_range_node(). Returns 0 if nothing fits. */
static phys_addr_t memblock_find_in_range(phys_addr_t size, phys_addr_t align,
					  phys_addr_t start, phys_addr_t end)
{
	/* Only "wherever accessible" means current_limit; an explicit end is the caller's. */
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE)
		end = memblock.current_limit;
	/* Page 0 is never handed out: 0 means "failed" to every caller. */
	start = max(start, (phys_addr_t)PAGE_SIZE);
	end = max(start, end);
	if (memblock.bottom_up)
		return find_in_range_bottom_up(start, end, size, align);
	return find_in_range_top_down(start, end, size, align);
}

static phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
					    phys_addr_t start, phys_addr_t end)
{
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
	found = memblock_find_in_range(size, align, start, end);
	if (found && !memblock_reserve(found, size))
		return found;
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

/* Give every free page to the buddy allocator; returns how many. */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long count = 0;
	u64 i;

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
