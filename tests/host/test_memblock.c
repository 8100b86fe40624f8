// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/memblock.c, the boot-time physical memory manager.
 *
 * The model is Linux's tools/testing/memblock (tests/basic_api.c,
 * alloc_api.c, alloc_helpers_api.c, alloc_nid_api.c): the same kinds of
 * cases under the same kinds of names, written anew for cmocka. Covered:
 *
 *  - memblock_add/reserve/remove/phys_free on both region arrays: simple,
 *    disjoint, overlapping, within, twice, between, near PHYS_ADDR_MAX, a
 *    full array (-ENOMEM and nothing changed), splits, ranges past the end;
 *  - allocation through memblock_alloc, memblock_alloc_raw,
 *    memblock_phys_alloc_range, memblock_alloc_from and
 *    memblock_alloc_try_nid, every case both top-down and bottom-up;
 *  - the free-range walk, for_each_free_mem_range[_reverse];
 *  - memblock_is_memory/is_reserved and friends, the DRAM bounds and sizes;
 *  - memblock_dump_all under memblock=debug;
 *  - growing the arrays past INIT_MEMBLOCK_REGIONS after
 *    memblock_allow_resize() (memory and reserved: the new array comes from
 *    memblock and is reserved, an allocated old one is freed, the range
 *    being reserved is avoided), and the clean failure before it;
 *  - the region flags and their setters (memblock_mark/clear_hotplug,
 *    memblock_mark_mirror, memblock_mark/clear_nomap): partial ranges split
 *    regions, equal neighbours merge, NOMAP memory is not free memory,
 *    mirrored memory is allocated first; memblock_add_node;
 *  - memblock_trim_memory, emptied arrays (regions[0] cleared) and
 *    memblock_overlaps_region;
 *  - a randomised run checked against a page-map reference model
 *    (the seed is printed; MEMBLOCK_SEED=<seed> replays a run).
 *
 * After every operation check_memblock() verifies the invariants of both
 * arrays: sorted by base, no overlaps, no zero-sized region, no two
 * touching regions of equal flags left unmerged, total_size the sum of the
 * sizes, cnt <= max, max the first size times a power of two, and an
 * empty array's regions[0] all zeroes.
 *
 * As in Linux's tests, "physical memory" is a malloc'd buffer: on the host
 * __va(x) == x, so once its address range is memblock_add()ed,
 * memblock_alloc() hands out (and clears) real bytes. Cases that only
 * move ranges around (add, reserve, remove, free, the queries) use
 * made-up addresses, since nothing there is ever dereferenced.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <asm/page.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>

#ifndef SZ_2K
#define SZ_2K 0x800UL
#endif
#ifndef SZ_4K
#define SZ_4K 0x1000UL
#endif
#ifndef SZ_8K
#define SZ_8K 0x2000UL
#endif
#ifndef SZ_16K
#define SZ_16K 0x4000UL
#endif
#ifndef SZ_32K
#define SZ_32K 0x8000UL
#endif
#ifndef SZ_64K
#define SZ_64K 0x10000UL
#endif
#ifndef SZ_128K
#define SZ_128K 0x20000UL
#endif
#ifndef SZ_256K
#define SZ_256K 0x40000UL
#endif
#ifndef SZ_512K
#define SZ_512K 0x80000UL
#endif
#ifndef SZ_4M
#define SZ_4M 0x400000UL
#endif
#ifndef SZ_8M
#define SZ_8M 0x800000UL
#endif
#ifndef SZ_32M
#define SZ_32M 0x2000000UL
#endif
#ifndef SZ_64M
#define SZ_64M 0x4000000UL
#endif
#ifndef SZ_128M
#define SZ_128M 0x8000000UL
#endif
#ifndef SZ_256M
#define SZ_256M 0x10000000UL
#endif
#ifndef SZ_512M
#define SZ_512M 0x20000000UL
#endif
#ifndef SZ_2G
#define SZ_2G 0x80000000UL
#endif
#ifndef SZ_4G
#define SZ_4G 0x100000000UL
#endif
#ifndef SMP_CACHE_BYTES
#define SMP_CACHE_BYTES 64
#endif

/* The "physical memory" the allocation tests hand to memblock. */
#define MEM_SIZE SZ_16M
static unsigned char *phys_mem;
static phys_addr_t mem_base, mem_end;

/* ---- invariants ------------------------------------------------------ */

static void dump_type(const struct memblock_type *type)
{
	unsigned long i;

	print_message("  %s: cnt %lu, total_size %#llx\n", type->name, type->cnt,
		      (unsigned long long)type->total_size);
	for (i = 0; i < type->cnt && i < type->max; i++)
		print_message("    [%lu] [%#llx-%#llx) flags %#x\n", i,
			      (unsigned long long)type->regions[i].base,
			      (unsigned long long)(type->regions[i].base + type->regions[i].size),
			      type->regions[i].flags);
}

static void check_type(const struct memblock_type *type, unsigned long init_max,
		       const char *file, int line)
{
	const struct memblock_region *r = type->regions;
	const char *broken = NULL;
	phys_addr_t sum = 0;
	unsigned long i;

	/* The first size, or that doubled some times (memblock_double_array). */
	_assert_true(type->max >= init_max && type->max % init_max == 0 &&
		     !((type->max / init_max) & (type->max / init_max - 1)),
		     "max is the initial size times a power of two", file, line);
	_assert_true(type->cnt <= type->max, "cnt <= max", file, line);
	/* An empty array is all zeroes at regions[0], as a fresh one. */
	if (!type->cnt && (r[0].base || r[0].size || r[0].flags))
		broken = "empty array with a stale regions[0]";
	for (i = 0; i < type->cnt && !broken; i++) {
		if (!r[i].size) {
			broken = "zero-size region";
		} else if (r[i].size > PHYS_ADDR_MAX - r[i].base) {
			broken = "region wraps past PHYS_ADDR_MAX";
		} else if (i + 1 < type->cnt) {
			phys_addr_t end = r[i].base + r[i].size;

			if (r[i].base >= r[i + 1].base)
				broken = "regions not sorted by base";
			else if (end > r[i + 1].base)
				broken = "regions overlap";
			else if (end == r[i + 1].base && r[i].flags == r[i + 1].flags)
				broken = "touching regions left unmerged";
		}
		sum += r[i].size;
	}
	if (!broken && sum != type->total_size)
		broken = "total_size is not the sum of the sizes";
	if (broken) {
		print_error("memblock.%s: %s (index %lu)\n", type->name, broken, i - 1);
		dump_type(type);
		_fail(file, line);
	}
}

/* The invariants of both arrays; run after every operation. */
static void check_memblock(const char *file, int line)
{
	check_type(&memblock.memory, INIT_MEMBLOCK_REGIONS, file, line);
	check_type(&memblock.reserved, INIT_MEMBLOCK_RESERVED_REGIONS, file, line);
}

#define CHECK_MEMBLOCK() check_memblock(__FILE__, __LINE__)

/* Evaluate a memblock call, check the invariants, yield its value. */
#define CHECKED(expr)                                   \
	({                                              \
		__typeof__(expr) __ret = (expr);        \
		CHECK_MEMBLOCK();                       \
		__ret;                                  \
	})

#define ADD(b, s)	CHECKED(memblock_add((b), (s)))
#define RESERVE(b, s)	CHECKED(memblock_reserve((b), (s)))
#define REMOVE(b, s)	CHECKED(memblock_remove((b), (s)))
#define PHYS_FREE(b, s)	CHECKED(memblock_phys_free((b), (s)))
#define FREE(p, s)                                      \
	do {                                            \
		memblock_free((p), (s));                \
		CHECK_MEMBLOCK();                       \
	} while (0)

/* ---- expected contents ----------------------------------------------- */

struct rgn {
	phys_addr_t base, size;
};

/* type must hold exactly the regions in want (in any order). */
static void check_regions(const struct memblock_type *type, const struct rgn *want,
			  size_t n, const char *file, int line)
{
	struct rgn sorted[INIT_MEMBLOCK_REGIONS];
	phys_addr_t total = 0;
	bool same;
	size_t i, j;

	_assert_true(n <= ARRAY_SIZE(sorted), "n <= ARRAY_SIZE(sorted)", file, line);
	for (i = 0; i < n; i++) {
		struct rgn r = want[i];

		for (j = i; j > 0 && sorted[j - 1].base > r.base; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = r;
		total += r.size;
	}
	same = type->cnt == n && type->total_size == total;
	for (i = 0; same && i < n; i++)
		same = type->regions[i].base == sorted[i].base &&
		       type->regions[i].size == sorted[i].size &&
		       type->regions[i].flags == MEMBLOCK_NONE;
	if (!same) {
		print_error("memblock.%s is not as expected; want %zu regions:\n",
			    type->name, n);
		for (i = 0; i < n; i++)
			print_error("    [%#llx-%#llx)\n", (unsigned long long)sorted[i].base,
				    (unsigned long long)(sorted[i].base + sorted[i].size));
		dump_type(type);
		_fail(file, line);
	}
}

#define assert_regions(type, ...)                                               \
	check_regions((type), (const struct rgn[]){ __VA_ARGS__ },              \
		      ARRAY_SIZE(((const struct rgn[]){ __VA_ARGS__ })), __FILE__, \
		      __LINE__)
#define assert_no_regions(type) check_regions((type), NULL, 0, __FILE__, __LINE__)

/* A copy of both arrays, to show that a failed call changed nothing. */
struct mb_snapshot {
	unsigned long cnt[2];
	phys_addr_t total[2];
	struct memblock_region r[2][INIT_MEMBLOCK_REGIONS];
};

static struct memblock_type *snapshot_type(int t)
{
	return t ? &memblock.reserved : &memblock.memory;
}

static void take_snapshot(struct mb_snapshot *s)
{
	for (int t = 0; t < 2; t++) {
		struct memblock_type *type = snapshot_type(t);

		s->cnt[t] = type->cnt;
		s->total[t] = type->total_size;
		for (unsigned long i = 0; i < type->cnt; i++)
			s->r[t][i] = type->regions[i];
	}
}

static void check_unchanged(const struct mb_snapshot *s, const char *file, int line)
{
	for (int t = 0; t < 2; t++) {
		struct memblock_type *type = snapshot_type(t);

		_assert_int_equal(type->cnt, s->cnt[t], file, line);
		_assert_int_equal(type->total_size, s->total[t], file, line);
		for (unsigned long i = 0; i < type->cnt; i++) {
			_assert_int_equal(type->regions[i].base, s->r[t][i].base, file, line);
			_assert_int_equal(type->regions[i].size, s->r[t][i].size, file, line);
			_assert_int_equal(type->regions[i].flags, s->r[t][i].flags, file, line);
		}
	}
}

#define assert_unchanged(s) check_unchanged((s), __FILE__, __LINE__)

static bool mem_is(const void *p, unsigned char byte, size_t size)
{
	const unsigned char *c = p;

	for (size_t i = 0; i < size; i++)
		if (c[i] != byte)
			return false;
	return true;
}

/* Is [base, base + size) inside a single region of type? */
static bool type_covers(const struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base <= base && base - r->base + size <= r->size)
			return true;
	}
	return false;
}

/* ---- fixtures ---------------------------------------------------------- */

static int group_setup(void **state)
{
	phys_mem = aligned_alloc(SZ_2M, MEM_SIZE);
	if (!phys_mem)
		return -1;
	mem_base = (phys_addr_t)(uintptr_t)phys_mem;
	mem_end = mem_base + MEM_SIZE;
	return 0;
}

/* Before every case: empty arrays, top-down, no limit, quiet, empty log. */
static int reset_setup(void **state)
{
	memblock_reset();
	memblock_debug = false;
	printk_log_reset();
	return 0;
}

static void memblock_initialization_check(void **state)
{
	assert_non_null(memblock.memory.regions);
	assert_non_null(memblock.reserved.regions);
	assert_int_equal(memblock.memory.cnt, 0);
	assert_int_equal(memblock.reserved.cnt, 0);
	assert_int_equal(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	assert_string_equal(memblock.memory.name, "memory");
	assert_string_equal(memblock.reserved.name, "reserved");
	assert_false(memblock_bottom_up());
	assert_int_equal(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);

	memblock_set_bottom_up(true);
	assert_true(memblock_bottom_up());
	memblock_set_current_limit(SZ_1G);
	assert_int_equal(memblock_get_current_limit(), SZ_1G);
	ADD(SZ_1M, SZ_1M);
	RESERVE(SZ_1M, SZ_4K);

	/* memblock_reset() puts everything back. */
	memblock_reset();
	CHECK_MEMBLOCK();
	assert_false(memblock_bottom_up());
	assert_int_equal(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	assert_no_regions(&memblock.memory);
	assert_no_regions(&memblock.reserved);
}

/* ---- add / reserve ------------------------------------------------------
 *
 * memblock_add() and memblock_reserve() are the same operation on the two
 * arrays, so each case runs once per array: a struct basic_op says which.
 */

struct basic_op {
	int (*add)(phys_addr_t base, phys_addr_t size);
	int (*remove)(phys_addr_t base, phys_addr_t size);
	struct memblock_type *type;	/* the array add/remove work on */
	struct memblock_type *other;	/* the array they must leave alone */
};

static struct basic_op op_memory = {
	.add = memblock_add,
	.remove = memblock_remove,
	.type = &memblock.memory,
	.other = &memblock.reserved,
};

static struct basic_op op_reserved = {
	.add = memblock_reserve,
	.remove = memblock_phys_free,
	.type = &memblock.reserved,
	.other = &memblock.memory,
};

#define OP_ADD(op, b, s)	CHECKED((op)->add((b), (s)))
#define OP_REMOVE(op, b, s)	CHECKED((op)->remove((b), (s)))

/* Base of the i-th of many small disjoint regions. */
static phys_addr_t many_base(unsigned long i)
{
	return SZ_1G + i * SZ_64K;
}

static void add_many(const struct basic_op *op, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		assert_int_equal(OP_ADD(op, many_base(i), SZ_4K), 0);
	assert_int_equal(op->type->cnt, n);
	assert_int_equal(op->type->total_size, n * SZ_4K);
}

static void add_simple_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1G, SZ_4M), 0);
	assert_regions(op->type, { SZ_1G, SZ_4M });
	assert_no_regions(op->other);

	/* A zero-sized range adds nothing. */
	assert_int_equal(OP_ADD(op, SZ_2M, 0), 0);
	assert_regions(op->type, { SZ_1G, SZ_4M });
}

/* Added high one first: the array must still come out sorted. */
static void add_disjoint_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1G + SZ_16K, SZ_8K), 0);
	assert_int_equal(OP_ADD(op, SZ_1G, SZ_8K), 0);
	assert_regions(op->type, { SZ_1G, SZ_8K }, { SZ_1G + SZ_16K, SZ_8K });
	/* And one below both, at index 0. */
	assert_int_equal(OP_ADD(op, SZ_1M, SZ_4K), 0);
	assert_regions(op->type, { SZ_1M, SZ_4K }, { SZ_1G, SZ_8K }, { SZ_1G + SZ_16K, SZ_8K });
	assert_no_regions(op->other);
}

/* r2 overlaps the start of r1: one region from r2.base to r1's end. */
static void add_overlap_top_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_512M, SZ_1G), 0);
	assert_int_equal(OP_ADD(op, SZ_256M, SZ_512M), 0);
	assert_regions(op->type, { SZ_256M, SZ_1G + SZ_256M });
	assert_no_regions(op->other);
}

/* r2 overlaps the end of r1: one region from r1.base to r2's end. */
static void add_overlap_bottom_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_128M, SZ_512M), 0);
	assert_int_equal(OP_ADD(op, SZ_256M, SZ_1G), 0);
	assert_regions(op->type, { SZ_128M, SZ_1G + SZ_128M });
	assert_no_regions(op->other);
}

/* r2 inside r1: nothing changes. */
static void add_within_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_8M, SZ_32M), 0);
	assert_int_equal(OP_ADD(op, SZ_16M, SZ_1M), 0);
	assert_regions(op->type, { SZ_8M, SZ_32M });
	/* r1 inside the new range: r1 grows on both sides. */
	assert_int_equal(OP_ADD(op, SZ_4M, SZ_128M), 0);
	assert_regions(op->type, { SZ_4M, SZ_128M });
}

static void add_twice_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_16K, SZ_2M), 0);
	assert_int_equal(OP_ADD(op, SZ_16K, SZ_2M), 0);
	assert_regions(op->type, { SZ_16K, SZ_2M });
}

/* A range filling the gap between two regions merges all three. */
static void add_between_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1G, SZ_8K), 0);
	assert_int_equal(OP_ADD(op, SZ_1G + SZ_16K, SZ_8K), 0);
	assert_int_equal(OP_ADD(op, SZ_1G + SZ_8K, SZ_8K), 0);
	assert_regions(op->type, { SZ_1G, SZ_16K + SZ_8K });

	/* The same when the filler overlaps both neighbours. */
	memblock_reset();
	assert_int_equal(OP_ADD(op, SZ_1G, SZ_8K), 0);
	assert_int_equal(OP_ADD(op, SZ_1G + SZ_16K, SZ_8K), 0);
	assert_int_equal(OP_ADD(op, SZ_1G + SZ_4K, SZ_16K), 0);
	assert_regions(op->type, { SZ_1G, SZ_16K + SZ_8K });

	/* Spanning several regions and their gaps also leaves one. */
	memblock_reset();
	for (unsigned long i = 0; i < 5; i++)
		assert_int_equal(OP_ADD(op, many_base(i), SZ_4K), 0);
	assert_int_equal(OP_ADD(op, many_base(1) - SZ_2K, many_base(4) - many_base(1) + SZ_4K), 0);
	assert_regions(op->type, { many_base(0), SZ_4K },
		       { many_base(1) - SZ_2K, many_base(4) - many_base(1) + SZ_2K + SZ_4K });
}

/* base + size would wrap: size is capped to end at PHYS_ADDR_MAX. */
static void add_near_max_check(void **state)
{
	const struct basic_op *op = *state;
	phys_addr_t base = PHYS_ADDR_MAX - SZ_1M;

	assert_int_equal(OP_ADD(op, base, SZ_2M), 0);
	assert_regions(op->type, { base, SZ_1M });
	/* Adding up to "everything" is capped the same way. */
	assert_int_equal(OP_ADD(op, base - SZ_1M, PHYS_ADDR_MAX), 0);
	assert_regions(op->type, { base - SZ_1M, SZ_2M });
	/* At PHYS_ADDR_MAX itself nothing is left to add. */
	assert_int_equal(OP_ADD(op, PHYS_ADDR_MAX, SZ_4K), 0);
	assert_regions(op->type, { base - SZ_1M, SZ_2M });
}

/* A full array refuses a new region with -ENOMEM and changes nothing. */
static void add_many_check(void **state)
{
	const struct basic_op *op = *state;
	static struct mb_snapshot snap;
	unsigned long n = INIT_MEMBLOCK_REGIONS;

	add_many(op, n);
	take_snapshot(&snap);

	printk_log_reset();
	assert_int_equal(OP_ADD(op, many_base(n), SZ_4K), -ENOMEM);
	assert_unchanged(&snap);
	assert_true(printk_log_contains(op->type == &memblock.memory ?
					"memblock: cannot resize memory array" :
					"memblock: cannot resize reserved array"));
	/* Below all the others: -ENOMEM as well. */
	assert_int_equal(OP_ADD(op, many_base(0) - SZ_64K, SZ_4K), -ENOMEM);
	assert_unchanged(&snap);
	/* Across several gaps: several new pieces, none inserted. */
	assert_int_equal(OP_ADD(op, many_base(3) - SZ_8K, SZ_256K), -ENOMEM);
	assert_unchanged(&snap);

	/* Nothing new to insert is fine even when full. */
	assert_int_equal(OP_ADD(op, many_base(5), SZ_4K), 0);
	assert_int_equal(OP_ADD(op, many_base(5) + SZ_1K, SZ_2K), 0);
	assert_unchanged(&snap);
	assert_no_regions(op->other);
}

/* ---- remove / phys_free ------------------------------------------------ */

static void remove_simple_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_2K, SZ_4K), 0);
	assert_int_equal(OP_ADD(op, SZ_128K, SZ_4M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_2K, SZ_4K), 0);
	assert_regions(op->type, { SZ_128K, SZ_4M });
	assert_int_equal(OP_REMOVE(op, SZ_128K, SZ_4M), 0);
	assert_no_regions(op->type);
}

/* Removing one of several disjoint regions keeps the others in order. */
static void remove_disjoint_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1M, SZ_1M), 0);
	assert_int_equal(OP_ADD(op, SZ_4M, SZ_1M), 0);
	assert_int_equal(OP_ADD(op, SZ_8M, SZ_1M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_4M, SZ_1M), 0);
	assert_regions(op->type, { SZ_1M, SZ_1M }, { SZ_8M, SZ_1M });
	assert_int_equal(OP_REMOVE(op, SZ_8M, SZ_1M), 0);
	assert_regions(op->type, { SZ_1M, SZ_1M });
	assert_no_regions(op->other);
}

/* A range nothing covers: no change, no error. */
static void remove_absent_check(void **state)
{
	const struct basic_op *op = *state;
	static struct mb_snapshot snap;

	assert_int_equal(OP_ADD(op, SZ_512K, SZ_4M), 0);
	assert_int_equal(OP_ADD(op, SZ_128M, SZ_4M), 0);
	take_snapshot(&snap);
	assert_int_equal(OP_REMOVE(op, SZ_64M, SZ_32M), 0);		/* in the gap */
	assert_int_equal(OP_REMOVE(op, 0, SZ_512K), 0);			/* just below */
	assert_int_equal(OP_REMOVE(op, SZ_128M + SZ_4M, SZ_1G), 0);	/* just above */
	assert_int_equal(OP_REMOVE(op, SZ_1M, 0), 0);			/* empty */
	assert_unchanged(&snap);

	/* And on an empty array. */
	memblock_reset();
	assert_int_equal(OP_REMOVE(op, SZ_1M, SZ_1M), 0);
	assert_no_regions(op->type);
}

/* The range overlaps the start of r1: r1 now starts at the range's end. */
static void remove_overlap_top_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_32M, SZ_32M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_16M, SZ_32M), 0);
	assert_regions(op->type, { SZ_32M + SZ_16M, SZ_16M });
}

/* The range overlaps the end of r1: r1 now ends at the range's base. */
static void remove_overlap_bottom_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_2M, SZ_32M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_32M, SZ_256M), 0);
	assert_regions(op->type, { SZ_2M, SZ_32M - SZ_2M });
}

/* The range lies inside r1: r1 is split into two. */
static void remove_within_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1M, SZ_32M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_16M, SZ_1M), 0);
	assert_regions(op->type, { SZ_1M, SZ_16M - SZ_1M }, { SZ_16M + SZ_1M, SZ_16M });
	/* Touching r1's base or end trims without splitting. */
	assert_int_equal(OP_REMOVE(op, SZ_1M, SZ_4K), 0);
	assert_int_equal(OP_REMOVE(op, SZ_32M + SZ_1M - SZ_4K, SZ_4K), 0);
	assert_regions(op->type, { SZ_1M + SZ_4K, SZ_16M - SZ_1M - SZ_4K },
		       { SZ_16M + SZ_1M, SZ_16M - SZ_4K });
}

/* The same range twice: the second time there is nothing to remove. */
static void remove_twice_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1M, SZ_2M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_2M, SZ_16K), 0);
	assert_int_equal(OP_REMOVE(op, SZ_2M, SZ_16K), 0);
	assert_regions(op->type, { SZ_1M, SZ_1M }, { SZ_2M + SZ_16K, SZ_1M - SZ_16K });
}

/* Ranges between and across regions. */
static void remove_between_check(void **state)
{
	const struct basic_op *op = *state;
	static struct mb_snapshot snap;

	assert_int_equal(OP_ADD(op, SZ_1M, SZ_1M), 0);
	assert_int_equal(OP_ADD(op, SZ_4M, SZ_1M), 0);
	assert_int_equal(OP_ADD(op, SZ_8M, SZ_1M), 0);
	/* Exactly the gap between two regions: nothing to do. */
	take_snapshot(&snap);
	assert_int_equal(OP_REMOVE(op, SZ_2M, SZ_2M), 0);
	assert_unchanged(&snap);
	/* From inside r1, over all of r2, into r3. */
	assert_int_equal(OP_REMOVE(op, SZ_1M + SZ_512K, SZ_8M - SZ_1M), 0);
	assert_regions(op->type, { SZ_1M, SZ_512K }, { SZ_8M + SZ_512K, SZ_512K });
}

static void remove_near_max_check(void **state)
{
	const struct basic_op *op = *state;
	phys_addr_t base = PHYS_ADDR_MAX - SZ_2M;

	assert_int_equal(OP_ADD(op, base, SZ_4M), 0);
	assert_regions(op->type, { base, SZ_2M });
	/* Capped too: removes up to PHYS_ADDR_MAX, not a wrapped range. */
	assert_int_equal(OP_REMOVE(op, base + SZ_1M, SZ_2M), 0);
	assert_regions(op->type, { base, SZ_1M });
	assert_int_equal(OP_REMOVE(op, base, PHYS_ADDR_MAX), 0);
	assert_no_regions(op->type);
}

/* A range running past the end of the last region. */
static void remove_past_end_check(void **state)
{
	const struct basic_op *op = *state;

	assert_int_equal(OP_ADD(op, SZ_1M, SZ_1M), 0);
	assert_int_equal(OP_ADD(op, SZ_4M, SZ_1M), 0);
	assert_int_equal(OP_REMOVE(op, SZ_4M + SZ_512K, SZ_1G), 0);
	assert_regions(op->type, { SZ_1M, SZ_1M }, { SZ_4M, SZ_512K });
	/* Everything from the middle of r1 up. */
	assert_int_equal(OP_REMOVE(op, SZ_1M + SZ_512K, PHYS_ADDR_MAX), 0);
	assert_regions(op->type, { SZ_1M, SZ_512K });
}

/*
 * Splitting a region inside a full array needs a free slot: -ENOMEM and
 * nothing changed. With room to spare the same split works.
 */
static void remove_many_check(void **state)
{
	const struct basic_op *op = *state;
	static struct mb_snapshot snap;
	unsigned long n = INIT_MEMBLOCK_REGIONS;

	add_many(op, n);
	take_snapshot(&snap);
	assert_int_equal(OP_REMOVE(op, many_base(7) + SZ_1K, SZ_1K), -ENOMEM);
	assert_unchanged(&snap);

	memblock_reset();
	add_many(op, n - 2);
	assert_int_equal(OP_REMOVE(op, many_base(7) + SZ_1K, SZ_1K), 0);
	assert_int_equal(op->type->cnt, n - 1);
	assert_int_equal(op->type->regions[7].base, many_base(7));
	assert_int_equal(op->type->regions[7].size, SZ_1K);
	assert_int_equal(op->type->regions[8].base, many_base(7) + SZ_2K);
	assert_int_equal(op->type->regions[8].size, SZ_2K);
	assert_int_equal(op->type->total_size, (n - 2) * SZ_4K - SZ_1K);
}

/* ---- allocation ---------------------------------------------------------
 *
 * Each case runs for every allocator and in both directions; a struct
 * alloc_params (the cmocka initial state) says which. do_alloc() hides the
 * differences between the allocators: all return a physical address, 0 on
 * failure.
 */

enum alloc_api {
	API_ALLOC,		/* memblock_alloc */
	API_ALLOC_RAW,		/* memblock_alloc_raw */
	API_PHYS_ALLOC_RANGE,	/* memblock_phys_alloc_range */
	API_ALLOC_FROM,		/* memblock_alloc_from */
	API_ALLOC_TRY_NID,	/* memblock_alloc_try_nid */
	NR_ALLOC_APIS,
};

struct alloc_params {
	enum alloc_api api;
	bool bottom_up;
};

#define DEFINE_ALLOC_PARAMS(api, API)                                            \
	static struct alloc_params params_##api##_top_down = { API, false };    \
	static struct alloc_params params_##api##_bottom_up = { API, true }

DEFINE_ALLOC_PARAMS(memblock_alloc, API_ALLOC);
DEFINE_ALLOC_PARAMS(memblock_alloc_raw, API_ALLOC_RAW);
DEFINE_ALLOC_PARAMS(memblock_phys_alloc_range, API_PHYS_ALLOC_RANGE);
DEFINE_ALLOC_PARAMS(memblock_alloc_from, API_ALLOC_FROM);
DEFINE_ALLOC_PARAMS(memblock_alloc_try_nid, API_ALLOC_TRY_NID);

static int alloc_setup(void **state)
{
	const struct alloc_params *p = *state;

	reset_setup(state);
	memblock_set_bottom_up(p->bottom_up);
	return 0;
}

static bool api_zeroes(enum alloc_api api)
{
	return api == API_ALLOC || api == API_ALLOC_FROM || api == API_ALLOC_TRY_NID;
}

/* Does a failed attempt above min_addr retry from 0 (as in Linux)? */
static bool api_retries_below_min(enum alloc_api api)
{
	return api == API_ALLOC_FROM || api == API_ALLOC_TRY_NID;
}

static phys_addr_t do_alloc(enum alloc_api api, phys_addr_t size, phys_addr_t align,
			    phys_addr_t min_addr, phys_addr_t max_addr, const char *file,
			    int line)
{
	phys_addr_t pa = 0;
	void *ptr = NULL;

	switch (api) {
	case API_ALLOC:
	case API_ALLOC_RAW:
		_assert_true(!min_addr && max_addr == MEMBLOCK_ALLOC_ACCESSIBLE,
			     "memblock_alloc has no bounds", file, line);
		if (api == API_ALLOC)
			ptr = memblock_alloc(size, align);
		else
			ptr = memblock_alloc_raw(size, align);
		break;
	case API_PHYS_ALLOC_RANGE:
		pa = memblock_phys_alloc_range(size, align, min_addr, max_addr);
		break;
	case API_ALLOC_FROM:
		_assert_true(max_addr == MEMBLOCK_ALLOC_ACCESSIBLE,
			     "memblock_alloc_from has no upper bound", file, line);
		ptr = memblock_alloc_from(size, align, min_addr);
		break;
	case API_ALLOC_TRY_NID:
		ptr = memblock_alloc_try_nid(size, align, min_addr, max_addr, NUMA_NO_NODE);
		break;
	default:
		_fail(file, line);
	}
	if (ptr)
		pa = __pa(ptr);
	check_memblock(file, line);
	if (pa) {
		/* What every successful allocation must satisfy. */
		_assert_true(pa >= PAGE_SIZE, "page 0 is never handed out", file, line);
		_assert_true(type_covers(&memblock.memory, pa, size), "allocated from memory",
			     file, line);
		_assert_true(type_covers(&memblock.reserved, pa, size), "allocation reserved",
			     file, line);
		if (align && !(align & (align - 1)))
			_assert_true(IS_ALIGNED(pa, align), "allocation aligned", file, line);
		if (api_zeroes(api))
			_assert_true(mem_is(ptr, 0, size), "allocation zeroed", file, line);
	}
	return pa;
}

#define ALLOC(p, size, align)                                                   \
	do_alloc((p)->api, (size), (align), 0, MEMBLOCK_ALLOC_ACCESSIBLE, __FILE__, __LINE__)
#define ALLOC_RANGE(p, size, align, min, max)                                   \
	do_alloc((p)->api, (size), (align), (min), (max), __FILE__, __LINE__)
#define ALLOC_FROM(p, size, align, min)                                         \
	do_alloc((p)->api, (size), (align), (min), MEMBLOCK_ALLOC_ACCESSIBLE, __FILE__, __LINE__)

/* An address in the test memory. */
static phys_addr_t at(phys_addr_t off)
{
	return mem_base + off;
}

/*
 * [off, off + size) in the top-down picture of a case. Bottom-up sees
 * the memory mirrored, so a case written once for top-down means the same
 * thing in both directions (the first gap searched is the top one
 * top-down and the bottom one bottom-up).
 */
static phys_addr_t dir_at(phys_addr_t off, phys_addr_t size)
{
	if (memblock_bottom_up())
		off = MEM_SIZE - off - size;
	return mem_base + off;
}

/* All memory free: the top of it top-down, the bottom of it bottom-up. */
static void alloc_simple_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t size = SZ_16K, a, b;

	ADD(mem_base, MEM_SIZE);
	a = ALLOC(p, size, SMP_CACHE_BYTES);
	assert_int_equal(a, dir_at(MEM_SIZE - size, size));
	assert_regions(&memblock.reserved, { a, size });
	assert_regions(&memblock.memory, { mem_base, MEM_SIZE });

	/* The next one lands right beside it, and the two merge. */
	b = ALLOC(p, size, SMP_CACHE_BYTES);
	assert_int_equal(b, dir_at(MEM_SIZE - 2 * size, size));
	assert_regions(&memblock.reserved, { dir_at(MEM_SIZE - 2 * size, 2 * size), 2 * size });
}

/* Two free gaps: the top one top-down, the bottom one bottom-up. */
static void alloc_disjoint_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(0), SZ_1M);
	RESERVE(at(SZ_2M), 12 * SZ_1M);
	RESERVE(at(15 * SZ_1M), SZ_1M);
	a = ALLOC(p, SZ_64K, SZ_4K);
	if (p->bottom_up) {
		assert_int_equal(a, at(SZ_1M));
		assert_regions(&memblock.reserved, { at(0), SZ_1M + SZ_64K },
			       { at(SZ_2M), 12 * SZ_1M }, { at(15 * SZ_1M), SZ_1M });
	} else {
		assert_int_equal(a, at(15 * SZ_1M - SZ_64K));
		assert_regions(&memblock.reserved, { at(0), SZ_1M }, { at(SZ_2M), 12 * SZ_1M },
			       { at(15 * SZ_1M - SZ_64K), SZ_1M + SZ_64K });
	}
}

/* The top half reserved: room only before it. */
static void alloc_before_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(SZ_8M), SZ_8M);
	a = ALLOC(p, SZ_1M, SZ_4K);
	if (p->bottom_up) {
		assert_int_equal(a, at(0));
		assert_regions(&memblock.reserved, { at(0), SZ_1M }, { at(SZ_8M), SZ_8M });
	} else {
		/* Right below the reserved half, merged with it. */
		assert_int_equal(a, at(SZ_8M - SZ_1M));
		assert_regions(&memblock.reserved, { at(SZ_8M - SZ_1M), SZ_8M + SZ_1M });
	}
}

/* The bottom half reserved: room only after it. */
static void alloc_after_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(0), SZ_8M);
	a = ALLOC(p, SZ_1M, SZ_4K);
	if (p->bottom_up) {
		/* Right above the reserved half, merged with it. */
		assert_int_equal(a, at(SZ_8M));
		assert_regions(&memblock.reserved, { at(0), SZ_8M + SZ_1M });
	} else {
		assert_int_equal(a, at(MEM_SIZE - SZ_1M));
		assert_regions(&memblock.reserved, { at(0), SZ_8M },
			       { at(MEM_SIZE - SZ_1M), SZ_1M });
	}
}

/* The first gap searched is too small; the second one fits. */
static void alloc_second_fit_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	/* Gaps: [4M, 8M) fits, [15M, 15.5M) does not. */
	RESERVE(dir_at(0, SZ_4M), SZ_4M);
	RESERVE(dir_at(SZ_8M, 7 * SZ_1M), 7 * SZ_1M);
	RESERVE(dir_at(MEM_SIZE - SZ_512K, SZ_512K), SZ_512K);
	a = ALLOC(p, SZ_1M, SZ_4K);
	assert_int_equal(a, dir_at(7 * SZ_1M, SZ_1M));
	assert_regions(&memblock.reserved, { dir_at(0, SZ_4M), SZ_4M },
		       { dir_at(7 * SZ_1M, SZ_8M), SZ_8M },
		       { dir_at(MEM_SIZE - SZ_512K, SZ_512K), SZ_512K });
	/* The small gap is still free. */
	assert_false(memblock_is_region_reserved(dir_at(15 * SZ_1M, SZ_512K), SZ_512K));
}

/* Several gaps smaller than the request are passed over. */
static void alloc_small_gaps_check(void **state)
{
	const struct alloc_params *p = *state;
	static const phys_addr_t small[] = { 14 * SZ_1M, 12 * SZ_1M, 10 * SZ_1M, SZ_8M };
	phys_addr_t a;
	size_t i;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(0), MEM_SIZE);
	for (i = 0; i < ARRAY_SIZE(small); i++)
		PHYS_FREE(dir_at(small[i], SZ_64K), SZ_64K);
	PHYS_FREE(dir_at(SZ_2M, SZ_1M), SZ_1M);

	a = ALLOC(p, SZ_128K, SZ_4K);
	assert_int_equal(a, dir_at(3 * SZ_1M - SZ_128K, SZ_128K));
	assert_int_equal(memblock.reserved.cnt, 6);
	assert_int_equal(memblock_reserved_size(),
			 MEM_SIZE - ARRAY_SIZE(small) * SZ_64K - (SZ_1M - SZ_128K));
	for (i = 0; i < ARRAY_SIZE(small); i++)
		assert_false(memblock_is_region_reserved(dir_at(small[i], SZ_64K), SZ_64K));
}

/* A request exactly filling the gap between two reservations joins them. */
static void alloc_in_between_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(dir_at(SZ_4M, 12 * SZ_1M), 12 * SZ_1M);
	RESERVE(dir_at(SZ_2M, SZ_1M), SZ_1M);
	a = ALLOC(p, SZ_1M, SZ_4K);
	assert_int_equal(a, dir_at(3 * SZ_1M, SZ_1M));
	assert_regions(&memblock.reserved, { dir_at(SZ_2M, 14 * SZ_1M), 14 * SZ_1M });
}

static void alloc_all_reserved_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;

	ADD(mem_base, MEM_SIZE);
	RESERVE(mem_base, MEM_SIZE);
	take_snapshot(&snap);
	assert_int_equal(ALLOC(p, SZ_4K, SZ_4K), 0);
	assert_int_equal(ALLOC(p, 8, 8), 0);
	assert_unchanged(&snap);
}

/* Free space is left, but no single gap (or no aligned part) is enough. */
static void alloc_no_space_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;

	ADD(mem_base, MEM_SIZE);
	RESERVE(mem_base, MEM_SIZE);
	for (phys_addr_t off = SZ_1M; off < MEM_SIZE; off += SZ_2M)
		PHYS_FREE(at(off), SZ_64K - SZ_4K);
	take_snapshot(&snap);
	assert_true(MEM_SIZE - memblock_reserved_size() > SZ_64K);
	assert_int_equal(ALLOC(p, SZ_64K, SZ_4K), 0);
	assert_unchanged(&snap);

	/* 64K free, but not 64K-aligned. */
	PHYS_FREE(at(SZ_4M + SZ_4K), SZ_64K);
	take_snapshot(&snap);
	assert_int_equal(ALLOC(p, SZ_64K, SZ_64K), 0);
	assert_unchanged(&snap);
}

/* Exactly one gap of exactly the size asked for. */
static void alloc_limited_space_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(mem_base, MEM_SIZE);
	PHYS_FREE(at(5 * SZ_1M + SZ_64K), SZ_64K);
	a = ALLOC(p, SZ_64K, SZ_4K);
	assert_int_equal(a, at(5 * SZ_1M + SZ_64K));
	assert_regions(&memblock.reserved, { mem_base, MEM_SIZE });
	assert_int_equal(ALLOC(p, SZ_4K, SZ_4K), 0);
}

static void alloc_no_memory_check(void **state)
{
	const struct alloc_params *p = *state;

	assert_int_equal(ALLOC(p, SZ_4K, SZ_4K), 0);
	assert_no_regions(&memblock.memory);
	assert_no_regions(&memblock.reserved);

	/* Reserved but never added is not memory either. */
	RESERVE(mem_base, SZ_1M);
	assert_int_equal(ALLOC(p, SZ_4K, SZ_4K), 0);
	assert_regions(&memblock.reserved, { mem_base, SZ_1M });
}

static void alloc_too_large_check(void **state)
{
	const struct alloc_params *p = *state;

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC(p, MEM_SIZE + SZ_4K, SZ_4K), 0);
	assert_int_equal(ALLOC(p, PHYS_ADDR_MAX - SZ_4K + 1, SZ_4K), 0);
	assert_no_regions(&memblock.reserved);
	/* All of it is not too large. */
	assert_int_equal(ALLOC(p, MEM_SIZE, SZ_2M), mem_base);
	assert_regions(&memblock.reserved, { mem_base, MEM_SIZE });
}

/* Nothing to allocate: nothing is reserved and the answer is "failed". */
static void alloc_zero_size_check(void **state)
{
	const struct alloc_params *p = *state;

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC(p, 0, SZ_4K), 0);
	assert_no_regions(&memblock.reserved);
}

static void alloc_align_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a, align, reserved;

	ADD(mem_base, MEM_SIZE);
	/* Neither end of the free space is aligned. */
	RESERVE(at(0), SZ_4K);
	RESERVE(at(MEM_SIZE - SZ_4K), SZ_4K);
	a = ALLOC(p, SZ_4K, SZ_2M);
	assert_int_equal(a, p->bottom_up ? at(SZ_2M) : at(MEM_SIZE - SZ_2M));

	/* Every power of two up to 1M; do_alloc checks each is honoured. */
	for (align = 8; align <= SZ_1M; align <<= 1) {
		reserved = memblock_reserved_size();
		a = ALLOC(p, align + 8, align);
		assert_int_not_equal(a, 0);
		/* Nothing was reserved twice. */
		assert_int_equal(memblock_reserved_size(), reserved + align + 8);
	}
}

/* Alignment 0 is warned about and taken as 8. */
static void alloc_align_zero_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	/* Free space that ends (top-down) or starts (bottom-up) 3 bytes off. */
	RESERVE(dir_at(MEM_SIZE - 3, 3), 3);
	a = ALLOC(p, 16, 0);
	assert_int_equal(a, dir_at(MEM_SIZE - 24, 16));
	assert_true(printk_log_contains("align 0"));
}

static void alloc_align_not_pow2_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;

	ADD(mem_base, MEM_SIZE);
	take_snapshot(&snap);
	assert_int_equal(ALLOC(p, SZ_4K, 3 * SZ_4K), 0);
	assert_true(printk_log_contains("not a power of two"));
	printk_log_reset();
	assert_int_equal(ALLOC(p, SZ_4K, SZ_2M + SZ_4K), 0);
	assert_true(printk_log_contains("not a power of two"));
	assert_unchanged(&snap);
}

/* memblock_alloc() clears what it returns; the raw allocators do not touch it. */
static void alloc_contents_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a, size = SZ_64K;
	unsigned char *c;

	memset(phys_mem, 0xa5, MEM_SIZE);
	ADD(mem_base, MEM_SIZE);
	RESERVE(at(0), SZ_4K);
	RESERVE(at(MEM_SIZE - SZ_4K), SZ_4K);
	a = ALLOC(p, size, SZ_4K);
	assert_int_not_equal(a, 0);
	c = __va(a);
	if (api_zeroes(p->api))
		assert_true(mem_is(c, 0, size));
	else
		assert_true(mem_is(c, 0xa5, size));
	/* Nothing outside the allocation was written. */
	assert_int_equal(c[-1], 0xa5);
	assert_int_equal(c[size], 0xa5);
}

/* What memblock_free() gives back is handed out again. */
static void alloc_free_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	a = ALLOC(p, SZ_64K, SZ_4K);
	assert_int_not_equal(a, 0);
	FREE(__va(a), SZ_64K);
	assert_no_regions(&memblock.reserved);
	assert_int_equal(ALLOC(p, SZ_64K, SZ_4K), a);
	/* Freeing NULL is a no-op. */
	FREE(NULL, SZ_64K);
	assert_regions(&memblock.reserved, { a, SZ_64K });
}

/* Nothing is allocated at or above memblock.current_limit. */
static void alloc_current_limit_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	memblock_set_current_limit(at(SZ_8M));
	a = ALLOC(p, SZ_1M, SZ_4K);
	assert_int_equal(a, p->bottom_up ? at(0) : at(SZ_8M - SZ_1M));
	PHYS_FREE(a, SZ_1M);

	/* Below the limit all is reserved: fail though there is room above. */
	RESERVE(at(0), SZ_8M);
	take_snapshot(&snap);
	assert_int_equal(ALLOC(p, SZ_1M, SZ_4K), 0);
	if (p->api == API_ALLOC_TRY_NID)	/* max_addr above the limit is capped */
		assert_int_equal(ALLOC_RANGE(p, SZ_1M, SZ_4K, 0, at(12 * SZ_1M)), 0);
	assert_unchanged(&snap);

	/* A limit that cuts through a request. */
	memblock_set_current_limit(at(SZ_8M + SZ_512K));
	assert_int_equal(ALLOC(p, SZ_1M, SZ_4K), 0);
	assert_unchanged(&snap);

	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	a = ALLOC(p, SZ_1M, SZ_4K);
	assert_int_equal(a, p->bottom_up ? at(SZ_8M) : at(MEM_SIZE - SZ_1M));
}

/* An allocation that needs a new reserved region fails when the array is full. */
static void alloc_reserved_full_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;
	unsigned long i;

	ADD(mem_base, MEM_SIZE);
	for (i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		assert_int_equal(RESERVE(at(i * SZ_64K), SZ_4K), 0);
	take_snapshot(&snap);
	/* 32K-aligned, 8K: touches no reserved region in either direction. */
	assert_int_equal(ALLOC(p, SZ_8K, SZ_32K), 0);
	assert_unchanged(&snap);
}

/* ---- allocation within [min_addr, max_addr) ------------------------------ */

static void alloc_min_max_simple_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	a = ALLOC_RANGE(p, SZ_256K, SZ_4K, at(SZ_4M), at(SZ_8M));
	assert_int_equal(a, p->bottom_up ? at(SZ_4M) : at(SZ_8M - SZ_256K));
	assert_regions(&memblock.reserved, { a, SZ_256K });
}

/* Unaligned bounds: the allocation is aligned and stays inside them. */
static void alloc_min_max_misaligned_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	a = ALLOC_RANGE(p, SZ_256K, SZ_4K, at(SZ_4M) + 1, at(SZ_8M) - 1);
	assert_int_equal(a, p->bottom_up ? at(SZ_4M + SZ_4K) : at(SZ_8M - SZ_256K - SZ_4K));
}

/* A window exactly the size of the request. */
static void alloc_min_max_exact_check(void **state)
{
	const struct alloc_params *p = *state;

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC_RANGE(p, SZ_256K, SZ_4K, at(SZ_4M), at(SZ_4M + SZ_256K)),
			 at(SZ_4M));
	assert_regions(&memblock.reserved, { at(SZ_4M), SZ_256K });
}

/*
 * The window is reserved: memblock_phys_alloc_range() fails; the
 * others retry without min_addr, as Linux does.
 */
static void alloc_min_max_reserved_check(void **state)
{
	const struct alloc_params *p = *state;
	static struct mb_snapshot snap;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(SZ_4M), SZ_4M);
	take_snapshot(&snap);
	a = ALLOC_RANGE(p, SZ_256K, SZ_4K, at(SZ_4M), at(SZ_8M));
	if (!api_retries_below_min(p->api)) {
		assert_int_equal(a, 0);
		assert_unchanged(&snap);
	} else if (p->bottom_up) {
		assert_int_equal(a, at(0));
	} else {
		assert_int_equal(a, at(SZ_4M - SZ_256K));
		assert_regions(&memblock.reserved, { at(SZ_4M - SZ_256K), SZ_4M + SZ_256K });
	}
}

/* max_addr at or below the start of memory: nothing, whatever min_addr. */
static void alloc_max_below_memory_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC_RANGE(p, SZ_4K, SZ_4K, 0, mem_base), 0);
	assert_int_equal(ALLOC_RANGE(p, SZ_4K, SZ_4K, mem_base - SZ_1M, mem_base), 0);
	assert_no_regions(&memblock.reserved);
	/* A window straddling the start of memory. */
	a = ALLOC_RANGE(p, SZ_4K, SZ_4K, mem_base - SZ_1M, mem_base + SZ_256K);
	assert_int_equal(a, p->bottom_up ? at(0) : at(SZ_256K - SZ_4K));
}

/* min_addr close to the end of memory, aligned. */
static void alloc_from_simple_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t min_addr = mem_end - SMP_CACHE_BYTES;

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC_FROM(p, 16, SMP_CACHE_BYTES, min_addr), min_addr);
	assert_regions(&memblock.reserved, { min_addr, 16 });
}

/* min_addr not aligned: the next aligned address above it. */
static void alloc_from_misaligned_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t min_addr = mem_end - (SMP_CACHE_BYTES * 2 - 1);

	ADD(mem_base, MEM_SIZE);
	assert_int_equal(ALLOC_FROM(p, 32, SMP_CACHE_BYTES, min_addr), mem_end - SMP_CACHE_BYTES);
	assert_regions(&memblock.reserved, { mem_end - SMP_CACHE_BYTES, 32 });
}

/* No room above min_addr: memory is granted below it (not by phys_alloc_range). */
static void alloc_from_high_addr_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t a;

	ADD(mem_base, MEM_SIZE);
	a = ALLOC_FROM(p, 32, SMP_CACHE_BYTES, mem_end - 16);
	if (!api_retries_below_min(p->api))
		assert_int_equal(a, 0);
	else
		assert_int_equal(a, p->bottom_up ? mem_base : mem_end - SMP_CACHE_BYTES);

	/* min_addr beyond the end of memory altogether. */
	memblock_reset();
	memblock_set_bottom_up(p->bottom_up);
	ADD(mem_base, MEM_SIZE);
	a = ALLOC_FROM(p, SZ_4K, SZ_4K, mem_end + SZ_1G);
	if (!api_retries_below_min(p->api))
		assert_int_equal(a, 0);
	else
		assert_int_equal(a, p->bottom_up ? mem_base : mem_end - SZ_4K);
}

/* Everything above min_addr reserved. */
static void alloc_from_no_space_above_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t min_addr = mem_end - 2 * SMP_CACHE_BYTES, a;

	ADD(mem_base, MEM_SIZE);
	RESERVE(min_addr, mem_end - min_addr);
	a = ALLOC_FROM(p, SMP_CACHE_BYTES, SMP_CACHE_BYTES, min_addr);
	if (!api_retries_below_min(p->api)) {
		assert_int_equal(a, 0);
	} else if (p->bottom_up) {
		assert_int_equal(a, mem_base);
	} else {
		assert_int_equal(a, min_addr - SMP_CACHE_BYTES);
		assert_regions(&memblock.reserved, { min_addr - SMP_CACHE_BYTES,
						     3 * SMP_CACHE_BYTES });
	}
}

/* min_addr below the start of memory: allocation still starts at memory. */
static void alloc_from_min_addr_cap_check(void **state)
{
	const struct alloc_params *p = *state;
	phys_addr_t size = SMP_CACHE_BYTES;

	ADD(mem_base, MEM_SIZE);
	RESERVE(mem_base + size, MEM_SIZE - size);
	assert_int_equal(ALLOC_FROM(p, size, SMP_CACHE_BYTES, mem_base - 3 * SMP_CACHE_BYTES),
			 mem_base);
	assert_regions(&memblock.reserved, { mem_base, MEM_SIZE });
}

/*
 * Page 0 is never handed out (0 means failure). Memory at 0 cannot be
 * touched on the host, so only memblock_phys_alloc_range() and
 * memblock_phys_alloc() are used: they return an address without
 * writing to it.
 */
static void alloc_page_zero_check(void **state)
{
	const struct alloc_params *p = *state;

	ADD(0, SZ_64K);
	assert_int_equal(CHECKED(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0,
							   MEMBLOCK_ALLOC_ACCESSIBLE)),
			 p->bottom_up ? SZ_4K : SZ_64K - SZ_4K);
	assert_int_equal(CHECKED(memblock_phys_alloc(SZ_4K, SZ_4K)),
			 p->bottom_up ? SZ_8K : SZ_64K - SZ_8K);

	/* Only page 0: nothing to give. */
	memblock_reset();
	memblock_set_bottom_up(p->bottom_up);
	ADD(0, SZ_4K);
	assert_int_equal(CHECKED(memblock_phys_alloc_range(16, 8, 0,
							   MEMBLOCK_ALLOC_ACCESSIBLE)), 0);
	assert_int_equal(CHECKED(memblock_phys_alloc(8, 8)), 0);
	assert_no_regions(&memblock.reserved);

	/* Page 1 reserved: page 0 is still not an answer. */
	memblock_reset();
	memblock_set_bottom_up(p->bottom_up);
	ADD(0, SZ_8K);
	RESERVE(SZ_4K, SZ_4K);
	assert_int_equal(CHECKED(memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, SZ_8K)), 0);
	assert_regions(&memblock.reserved, { SZ_4K, SZ_4K });

	/* Half a page above page 0: that half, in either direction. */
	memblock_reset();
	memblock_set_bottom_up(p->bottom_up);
	ADD(0, SZ_4K + SZ_2K);
	assert_int_equal(CHECKED(memblock_phys_alloc_range(SZ_4K, 8, 0, MEMBLOCK_ALLOC_ACCESSIBLE)),
			 0);
	assert_int_equal(CHECKED(memblock_phys_alloc_range(SZ_2K, 8, 0, MEMBLOCK_ALLOC_ACCESSIBLE)),
			 SZ_4K);
}

/* ---- for_each_free_mem_range ------------------------------------------- */

/* The free ranges, low to high, must be exactly want[0..n). */
static void check_free_ranges(const struct rgn *want, size_t n, const char *file, int line)
{
	phys_addr_t start, end;
	size_t k = 0;
	int nid;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, &nid) {
		_assert_true(k < n, "no more free ranges than expected", file, line);
		_assert_int_equal(start, want[k].base, file, line);
		_assert_int_equal(end, want[k].base + want[k].size, file, line);
		_assert_int_equal(nid, NUMA_NO_NODE, file, line);
		k++;
	}
	_assert_int_equal(k, n, file, line);

	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, &nid) {
		_assert_true(k > 0, "no more free ranges than expected (reverse)", file, line);
		k--;
		_assert_int_equal(start, want[k].base, file, line);
		_assert_int_equal(end, want[k].base + want[k].size, file, line);
		_assert_int_equal(nid, NUMA_NO_NODE, file, line);
	}
	_assert_int_equal(k, 0, file, line);

	/* The out parameters are optional. */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		k++;
	_assert_int_equal(k, n, file, line);
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, NULL, NULL, NULL)
		k--;
	_assert_int_equal(k, 0, file, line);
}

#define assert_free_ranges(...)                                                 \
	check_free_ranges((const struct rgn[]){ __VA_ARGS__ },                  \
			  ARRAY_SIZE(((const struct rgn[]){ __VA_ARGS__ })), __FILE__, __LINE__)
#define assert_no_free_ranges() check_free_ranges(NULL, 0, __FILE__, __LINE__)

static void free_range_empty_check(void **state)
{
	assert_no_free_ranges();
	/* Reserved alone is not free memory. */
	RESERVE(SZ_1M, SZ_1M);
	assert_no_free_ranges();
}

/* Memory regions with no reservation come out as they are. */
static void free_range_no_reserved_check(void **state)
{
	ADD(SZ_8M, SZ_2M);
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	assert_free_ranges({ SZ_1M, SZ_1M }, { SZ_4M, SZ_1M }, { SZ_8M, SZ_2M });
}

/* Reservations at the start, in the middle and at the end of one region. */
static void free_range_inside_check(void **state)
{
	ADD(SZ_1M, SZ_4M);
	RESERVE(SZ_1M, SZ_64K);
	RESERVE(SZ_2M, SZ_64K);
	RESERVE(SZ_4M + SZ_1M - SZ_64K, SZ_64K);
	assert_free_ranges({ SZ_1M + SZ_64K, SZ_1M - SZ_64K },
			   { SZ_2M + SZ_64K, 3 * SZ_1M - 2 * SZ_64K });
}

/* One reservation spanning the end of one region and the start of the next. */
static void free_range_spanning_check(void **state)
{
	ADD(SZ_1M, SZ_1M);
	ADD(3 * SZ_1M, SZ_1M);
	ADD(6 * SZ_1M, SZ_1M);
	RESERVE(SZ_1M + SZ_512K, SZ_2M);
	assert_free_ranges({ SZ_1M, SZ_512K }, { 3 * SZ_1M + SZ_512K, SZ_512K },
			   { 6 * SZ_1M, SZ_1M });
	/* Now over all of the middle region too. */
	RESERVE(3 * SZ_1M, 3 * SZ_1M + SZ_256K);
	assert_free_ranges({ SZ_1M, SZ_512K }, { 6 * SZ_1M + SZ_256K, SZ_1M - SZ_256K });
}

/* Reservations outside memory (below, between, above) change nothing. */
static void free_range_outside_check(void **state)
{
	ADD(SZ_2M, SZ_1M);
	ADD(5 * SZ_1M, SZ_1M);
	RESERVE(0, SZ_1M);
	RESERVE(3 * SZ_1M, SZ_2M);
	RESERVE(7 * SZ_1M, SZ_1M);
	RESERVE(PHYS_ADDR_MAX - SZ_1M, SZ_1M);
	assert_free_ranges({ SZ_2M, SZ_1M }, { 5 * SZ_1M, SZ_1M });
}

static void free_range_all_reserved_check(void **state)
{
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	/* Exactly one region. */
	RESERVE(SZ_4M, SZ_1M);
	assert_free_ranges({ SZ_1M, SZ_1M });
	/* Then everything. */
	RESERVE(0, SZ_8M);
	assert_no_free_ranges();
}

/* Memory at the top of the address space. */
static void free_range_near_max_check(void **state)
{
	phys_addr_t base = PHYS_ADDR_MAX - SZ_2M;

	ADD(base, SZ_2M);
	assert_free_ranges({ base, SZ_2M });
	RESERVE(base + SZ_1M, SZ_1M);
	assert_free_ranges({ base, SZ_1M });
	RESERVE(base - SZ_4K, SZ_8K);
	assert_free_ranges({ base + SZ_4K, SZ_1M - SZ_4K });
}

/* The region iterators, and __for_each_mem_range without a type_b. */
static void mem_region_iterators_check(void **state)
{
	static const struct rgn mem[] = { { SZ_1M, SZ_1M }, { SZ_4M, SZ_1M }, { SZ_8M, SZ_4K } };
	struct memblock_region *r;
	phys_addr_t start, end;
	size_t k = 0;
	u64 i;

	for (k = ARRAY_SIZE(mem); k > 0; k--)
		ADD(mem[k - 1].base, mem[k - 1].size);
	RESERVE(SZ_1M, SZ_4M);

	for_each_mem_region(r) {
		assert_true(k < ARRAY_SIZE(mem));
		assert_int_equal(r->base, mem[k].base);
		assert_int_equal(r->size, mem[k].size);
		k++;
	}
	assert_int_equal(k, ARRAY_SIZE(mem));

	k = 0;
	for_each_reserved_mem_region(r) {
		assert_int_equal(r->base, SZ_1M);
		assert_int_equal(r->size, SZ_4M);
		k++;
	}
	assert_int_equal(k, 1);

	/* Without type_b nothing is subtracted. */
	k = 0;
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE, MEMBLOCK_NONE,
			     &start, &end, NULL) {
		assert_true(k < ARRAY_SIZE(mem));
		assert_int_equal(start, mem[k].base);
		assert_int_equal(end, mem[k].base + mem[k].size);
		k++;
	}
	assert_int_equal(k, ARRAY_SIZE(mem));
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE, MEMBLOCK_NONE,
				 &start, &end, NULL) {
		assert_true(k > 0);
		k--;
		assert_int_equal(start, mem[k].base);
		assert_int_equal(end, mem[k].base + mem[k].size);
	}
	assert_int_equal(k, 0);
	/* With it, only the last region is free. */
	assert_free_ranges({ SZ_8M, SZ_4K });
}

/* ---- queries ------------------------------------------------------------ */

static void memblock_is_memory_check(void **state)
{
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	assert_true(memblock_is_memory(SZ_1M));
	assert_true(memblock_is_memory(SZ_2M - 1));
	assert_false(memblock_is_memory(SZ_2M));
	assert_false(memblock_is_memory(SZ_1M - 1));
	assert_false(memblock_is_memory(0));
	assert_false(memblock_is_memory(3 * SZ_1M));
	assert_true(memblock_is_memory(SZ_4M + SZ_512K));
	assert_false(memblock_is_memory(5 * SZ_1M));
	assert_false(memblock_is_memory(PHYS_ADDR_MAX));
	/* Reserving does not make memory. */
	RESERVE(3 * SZ_1M, SZ_4K);
	assert_false(memblock_is_memory(3 * SZ_1M));
	REMOVE(SZ_4M, SZ_4K);
	assert_false(memblock_is_memory(SZ_4M));
	assert_true(memblock_is_memory(SZ_4M + SZ_4K));
}

static void memblock_is_region_memory_check(void **state)
{
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	assert_true(memblock_is_region_memory(SZ_1M, SZ_1M));
	assert_true(memblock_is_region_memory(SZ_1M + SZ_4K, SZ_4K));
	assert_false(memblock_is_region_memory(SZ_2M - SZ_4K, SZ_8K));	/* past the end */
	assert_false(memblock_is_region_memory(SZ_1M - SZ_4K, SZ_8K));	/* before the start */
	assert_false(memblock_is_region_memory(SZ_1M, SZ_4M));		/* over the hole */
	assert_false(memblock_is_region_memory(SZ_2M, SZ_4K));		/* in the hole */
	assert_true(memblock_is_region_memory(SZ_4M, SZ_1M));

	/* Near PHYS_ADDR_MAX the size is capped, not wrapped. */
	ADD(PHYS_ADDR_MAX - SZ_1M, SZ_1M);
	assert_true(memblock_is_region_memory(PHYS_ADDR_MAX - SZ_512K, PHYS_ADDR_MAX));
	assert_false(memblock_is_region_memory(PHYS_ADDR_MAX - SZ_2M, SZ_2M));
}

static void memblock_is_reserved_check(void **state)
{
	ADD(SZ_1M, SZ_1M);
	RESERVE(SZ_1M + SZ_64K, SZ_64K);
	RESERVE(SZ_8M, SZ_4K);		/* outside memory */
	assert_true(memblock_is_reserved(SZ_1M + SZ_64K));
	assert_true(memblock_is_reserved(SZ_1M + SZ_128K - 1));
	assert_false(memblock_is_reserved(SZ_1M + SZ_128K));
	assert_false(memblock_is_reserved(SZ_1M + SZ_64K - 1));
	assert_false(memblock_is_reserved(SZ_1M));
	assert_true(memblock_is_reserved(SZ_8M));
	PHYS_FREE(SZ_1M + SZ_64K, SZ_4K);
	assert_false(memblock_is_reserved(SZ_1M + SZ_64K));
	assert_true(memblock_is_reserved(SZ_1M + SZ_64K + SZ_4K));
}

static void memblock_is_region_reserved_check(void **state)
{
	RESERVE(SZ_1M + SZ_64K, SZ_64K);
	RESERVE(SZ_8M, SZ_4K);
	assert_false(memblock_is_region_reserved(SZ_1M, SZ_64K));	/* just below */
	assert_true(memblock_is_region_reserved(SZ_1M, SZ_64K + 1));	/* one byte in */
	assert_false(memblock_is_region_reserved(SZ_1M + SZ_128K, SZ_4K)); /* just above */
	assert_true(memblock_is_region_reserved(SZ_1M + SZ_64K + SZ_4K, 1));
	assert_true(memblock_is_region_reserved(SZ_1M, SZ_1M));	/* around it */
	assert_false(memblock_is_region_reserved(SZ_2M, SZ_4M));	/* between the two */
	assert_true(memblock_is_region_reserved(SZ_2M, SZ_8M));	/* reaching the second */
	assert_true(memblock_is_region_reserved(0, PHYS_ADDR_MAX));
	PHYS_FREE(0, SZ_4M);
	assert_false(memblock_is_region_reserved(0, SZ_4M));
}

static void memblock_dram_bounds_check(void **state)
{
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
	ADD(SZ_4M, SZ_1M);
	ADD(SZ_1M, SZ_1M);
	assert_int_equal(memblock_start_of_DRAM(), SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), 5 * SZ_1M);
	/* Reserved ranges outside memory do not count. */
	RESERVE(0, SZ_1M);
	RESERVE(SZ_8M, SZ_1M);
	assert_int_equal(memblock_start_of_DRAM(), SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), 5 * SZ_1M);
	REMOVE(SZ_4M + SZ_512K, SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), SZ_4M + SZ_512K);
	REMOVE(0, SZ_1M + SZ_4K);
	assert_int_equal(memblock_start_of_DRAM(), SZ_1M + SZ_4K);
}

static void memblock_sizes_check(void **state)
{
	assert_int_equal(memblock_phys_mem_size(), 0);
	assert_int_equal(memblock_reserved_size(), 0);
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	ADD(SZ_1M + SZ_512K, SZ_1M);	/* overlaps: counted once */
	assert_int_equal(memblock_phys_mem_size(), SZ_1M + SZ_512K + SZ_1M);
	RESERVE(SZ_1M, SZ_64K);
	RESERVE(SZ_8M, SZ_1M);		/* outside memory: still counted */
	RESERVE(SZ_1M, SZ_128K);
	assert_int_equal(memblock_reserved_size(), SZ_128K + SZ_1M);
	/* Reserving does not change the memory size. */
	assert_int_equal(memblock_phys_mem_size(), SZ_1M + SZ_512K + SZ_1M);
	REMOVE(SZ_1M, SZ_4K);
	assert_int_equal(memblock_phys_mem_size(), SZ_1M + SZ_512K + SZ_1M - SZ_4K);
	PHYS_FREE(SZ_8M, SZ_512K);
	assert_int_equal(memblock_reserved_size(), SZ_128K + SZ_512K);
}

/* ---- memblock_dump_all ------------------------------------------------ */

static void memblock_dump_all_check(void **state)
{
	memblock_debug = true;
	ADD(SZ_1M, SZ_1M);
	/* memblock=debug also traces the calls. */
	assert_true(printk_log_contains("memblock_add: [0x0000000000100000-0x00000000001fffff]"));
	RESERVE(SZ_1M, SZ_4K);
	assert_true(printk_log_contains("memblock_reserve: "
					"[0x0000000000100000-0x0000000000100fff]"));

	printk_log_reset();
	memblock_dump_all();
	assert_true(printk_log_contains("MEMBLOCK configuration:"));
	assert_true(printk_log_contains("memory size = 0x100000 reserved size = 0x1000"));
	assert_true(printk_log_contains("memory.cnt  = 0x1"));
	/*
	 * (The index and flags are printed with %#x; for 0 glibc's printf,
	 * which prints on the host, says "0" where Linux's says "0x0".)
	 */
	assert_true(printk_log_contains(" memory["));
	assert_true(printk_log_contains("]\t[0x0000000000100000-0x00000000001fffff], "
					"0x100000 bytes flags: "));
	assert_true(printk_log_contains("reserved.cnt  = 0x1"));
	assert_true(printk_log_contains(" reserved["));
	assert_true(printk_log_contains("]\t[0x0000000000100000-0x0000000000100fff], "
					"0x1000 bytes flags: "));

	/* Without memblock=debug: silence. */
	memblock_debug = false;
	printk_log_reset();
	memblock_dump_all();
	ADD(SZ_4M, SZ_1M);
	RESERVE(SZ_4M, SZ_4K);
	REMOVE(SZ_4M, SZ_8K);
	PHYS_FREE(SZ_1M, SZ_4K);
	assert_string_equal(printk_log, "");
}

/* ---- growing the arrays: memblock_allow_resize, memblock_double_array -------
 *
 * The arrays start with INIT_MEMBLOCK_REGIONS entries. Once
 * memblock_allow_resize() has been called, the operation that needs one
 * more entry first doubles its array: the new array comes from memblock
 * itself (free memory, page-aligned, reserved), the entries are copied
 * over, and an old array that was itself allocated is freed. These cases
 * give memblock real memory (phys_mem), since the new array is written.
 */

/* Bytes of the array that holds max regions, as memblock allocates it. */
static phys_addr_t array_bytes(unsigned long max)
{
	return PAGE_ALIGN(max * sizeof(struct memblock_region));
}

/* The i-th small region of a growth case: 4 KiB every 8 KiB from +1 MiB. */
static phys_addr_t small_at(unsigned long i)
{
	return at(SZ_1M + i * SZ_8K);
}

/* The regions array of type lives in one reserved region of exactly its size. */
static void check_array_reserved(const struct memblock_type *type, const char *file, int line)
{
	phys_addr_t pa = __pa(type->regions);

	_assert_true(type_covers(&memblock.reserved, pa, array_bytes(type->max)),
		     "the grown array is reserved", file, line);
	_assert_true(type_covers(&memblock.memory, pa, array_bytes(type->max)),
		     "the grown array is in memory", file, line);
	_assert_int_equal(pa & (PAGE_SIZE - 1), 0, file, line);
}

#define assert_array_reserved(type) check_array_reserved((type), __FILE__, __LINE__)

static void grow_memory_check(void **state)
{
	struct memblock_region *orig = memblock.memory.regions, *first;
	unsigned long n = INIT_MEMBLOCK_REGIONS, i;
	phys_addr_t big = at(0), big_size = SZ_64K, first_pa;

	memblock_allow_resize();
	/* The only place an array fits: the small regions are 4 KiB each. */
	ADD(big, big_size);
	for (i = 0; i < n - 1; i++)
		assert_int_equal(ADD(small_at(i), SZ_4K), 0);
	/* Full, but nothing needed more room yet. */
	assert_int_equal(memblock.memory.cnt, n);
	assert_ptr_equal(memblock.memory.regions, orig);
	assert_no_regions(&memblock.reserved);

	printk_log_reset();
	memblock_debug = true;
	assert_int_equal(ADD(small_at(n - 1), SZ_4K), 0);
	memblock_debug = false;
	assert_int_equal(memblock.memory.max, 2 * n);
	assert_int_equal(memblock.memory.cnt, n + 1);
	assert_int_equal(memblock.memory.total_size, big_size + n * SZ_4K);
	assert_true(memblock.memory.regions != orig);
	assert_true(printk_log_contains("memblock: memory is doubled to 256 at ["));
	/* Top-down: the top of the one range where it fits, and reserved. */
	first = memblock.memory.regions;
	first_pa = __pa(first);
	assert_int_equal(first_pa, big + big_size - array_bytes(2 * n));
	assert_regions(&memblock.reserved, { first_pa, array_bytes(2 * n) });
	assert_array_reserved(&memblock.memory);
	/* Every entry was copied, in order. */
	assert_int_equal(memblock.memory.regions[0].base, big);
	for (i = 0; i < n; i++) {
		assert_int_equal(memblock.memory.regions[1 + i].base, small_at(i));
		assert_int_equal(memblock.memory.regions[1 + i].size, SZ_4K);
	}
	/* The grown array works like the first: a region below all the others. */
	assert_int_equal(ADD(at(SZ_512K), SZ_4K), 0);
	assert_int_equal(memblock.memory.regions[1].base, at(SZ_512K));
	assert_int_equal(memblock.memory.cnt, n + 2);

	/* Fill it and grow again: the old array, allocated, is given back. */
	for (i = n; memblock.memory.cnt < 2 * n; i++)
		ADD(small_at(i), SZ_4K);
	assert_ptr_equal(memblock.memory.regions, first);
	assert_int_equal(ADD(small_at(i), SZ_4K), 0);
	assert_int_equal(memblock.memory.max, 4 * n);
	assert_int_equal(memblock.memory.cnt, 2 * n + 1);
	assert_array_reserved(&memblock.memory);
	assert_regions(&memblock.reserved, { __pa(memblock.memory.regions), array_bytes(4 * n) });
	assert_false(memblock_is_region_reserved(first_pa, array_bytes(2 * n)));
	for (unsigned long k = 0; k <= i; k++)
		assert_true(memblock_is_region_memory(small_at(k), SZ_4K));
	/* memblock_reset() goes back to the static arrays. */
	memblock_reset();
	assert_ptr_equal(memblock.memory.regions, orig);
	assert_int_equal(memblock.memory.max, n);
}

static void grow_reserved_check(void **state)
{
	struct memblock_region *orig = memblock.reserved.regions;
	unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS, i;
	phys_addr_t arr;

	memblock_allow_resize();
	ADD(mem_base, MEM_SIZE);
	for (i = 0; i < n; i++)
		assert_int_equal(RESERVE(small_at(i), SZ_4K), 0);
	assert_ptr_equal(memblock.reserved.regions, orig);

	/* The 129th: the new array is reserved in the array it grows. */
	assert_int_equal(RESERVE(small_at(n), SZ_4K), 0);
	assert_int_equal(memblock.reserved.max, 2 * n);
	assert_int_equal(memblock.reserved.cnt, n + 2);
	assert_int_equal(memblock.reserved.total_size, (n + 1) * SZ_4K + array_bytes(2 * n));
	assert_true(memblock.reserved.regions != orig);
	assert_array_reserved(&memblock.reserved);
	arr = __pa(memblock.reserved.regions);
	assert_int_equal(arr, mem_end - array_bytes(2 * n));	/* top-down */
	for (i = 0; i <= n; i++) {
		assert_int_equal(memblock.reserved.regions[i].base, small_at(i));
		assert_int_equal(memblock.reserved.regions[i].size, SZ_4K);
	}
	assert_int_equal(memblock.reserved.regions[n + 1].base, arr);
	/* Freeing in the grown array: a split that the old one had no room for. */
	assert_int_equal(PHYS_FREE(small_at(3) + SZ_1K, SZ_1K), 0);
	assert_int_equal(memblock.reserved.cnt, n + 3);
	/* Allocations keep working, and avoid the array. */
	assert_non_null(memblock_alloc(SZ_64K, SZ_4K));
	assert_array_reserved(&memblock.reserved);
}

/*
 * Growing reserved while reserving [base, base + size): that range is
 * still free memory, but the new array must not land on it (Linux:
 * memblock_double_array's new_area_start/new_area_size). Here it is the
 * highest free memory, so a plain top-down search would pick it.
 */
static void grow_reserved_avoids_new_area_check(void **state)
{
	unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS, i;
	phys_addr_t low = at(0), area = at(SZ_8M), area_size = SZ_64K;

	memblock_set_bottom_up(*(bool *)*state);
	memblock_allow_resize();
	ADD(low, SZ_32K);
	ADD(area, area_size);
	for (i = 0; i < n; i++)
		RESERVE(many_base(i), SZ_4K);	/* made-up addresses, not memory */
	assert_int_equal(RESERVE(area, area_size), 0);
	assert_int_equal(memblock.reserved.max, 2 * n);
	assert_array_reserved(&memblock.reserved);
	assert_true(type_covers(&memblock.reserved, area, area_size));
	/* Only low is left for the array. */
	assert_true(__pa(memblock.reserved.regions) >= low &&
		    __pa(memblock.reserved.regions) + array_bytes(2 * n) <= low + SZ_32K);
	if (!memblock_bottom_up())
		assert_int_equal(__pa(memblock.reserved.regions), low + SZ_32K - array_bytes(2 * n));
}

static bool dir_top_down = false, dir_bottom_up = true;

/* Splitting a region of a full memory array (memblock_isolate_range) grows it too. */
static void grow_on_isolate_check(void **state)
{
	unsigned long n = INIT_MEMBLOCK_REGIONS, i;

	memblock_allow_resize();
	ADD(at(0), SZ_64K);
	for (i = 0; i < n - 1; i++)
		ADD(small_at(i), SZ_4K);
	assert_int_equal(memblock.memory.cnt, n);
	assert_int_equal(CHECKED(memblock_mark_nomap(small_at(5) + SZ_1K, SZ_1K)), 0);
	assert_int_equal(memblock.memory.max, 2 * n);
	assert_int_equal(memblock.memory.cnt, n + 2);
	/* regions[0] is the 64 KiB one, so small_at(5) was at index 6. */
	assert_int_equal(memblock.memory.regions[6].flags, MEMBLOCK_NONE);
	assert_int_equal(memblock.memory.regions[7].flags, MEMBLOCK_NOMAP);
	assert_int_equal(memblock.memory.regions[7].base, small_at(5) + SZ_1K);
	assert_int_equal(memblock.memory.regions[8].base, small_at(5) + SZ_2K);
	assert_array_reserved(&memblock.memory);
}

/*
 * Growing memory a second time frees the first grown array, and that
 * free may need a split in a full reserved array, which then grows too.
 * The reserved array must not land on the new memory array, which is
 * not reserved yet at that point if memblock_double_array() frees the
 * old array before reserving the new one: both would then be written to
 * the same free pages. Top-down, the new memory array is the highest
 * free memory, exactly where the reserved array's search looks first.
 */
static void grow_memory_twice_with_reserved_full_check(void **state)
{
	unsigned long n = INIT_MEMBLOCK_REGIONS, i, k;
	phys_addr_t big = at(0), big_size = SZ_64K, a1, mem_arr, res_arr;

	memblock_allow_resize();
	ADD(big, big_size);
	for (i = 0; memblock.memory.cnt < n + 1; i++)
		ADD(small_at(i), SZ_4K);
	assert_int_equal(memblock.memory.max, 2 * n);
	a1 = __pa(memblock.memory.regions);
	assert_int_equal(a1, big + big_size - array_bytes(2 * n));
	/* A reservation touching the first array: freeing it needs a split. */
	RESERVE(a1 - SZ_4K, SZ_4K);
	assert_int_equal(memblock.reserved.cnt, 1);
	/* Reserved full, at its first size. */
	for (k = 0; memblock.reserved.cnt < n; k++)
		RESERVE(many_base(k), SZ_4K);
	assert_int_equal(memblock.reserved.max, n);
	/* Memory full at 2n; one more grows it to 4n and frees the first array. */
	for (; memblock.memory.cnt < 2 * n; i++)
		ADD(small_at(i), SZ_4K);
	assert_int_equal(ADD(small_at(i), SZ_4K), 0);
	assert_int_equal(memblock.memory.max, 4 * n);
	assert_int_equal(memblock.reserved.max, 2 * n);
	mem_arr = __pa(memblock.memory.regions);
	res_arr = __pa(memblock.reserved.regions);
	/* The two arrays are apart, both reserved, and the first array is free again. */
	assert_true(mem_arr + array_bytes(4 * n) <= res_arr ||
		    res_arr + array_bytes(2 * n) <= mem_arr);
	assert_array_reserved(&memblock.memory);
	assert_array_reserved(&memblock.reserved);
	assert_false(memblock_is_region_reserved(a1, array_bytes(2 * n)));
	/* Nothing was lost from either array. */
	assert_int_equal(memblock.memory.cnt, 2 * n + 1);
	assert_int_equal(memblock.memory.regions[0].base, big);
	for (unsigned long j = 0; j <= i; j++)
		assert_true(memblock_is_region_memory(small_at(j), SZ_4K));
	assert_true(memblock_is_region_reserved(a1 - SZ_4K, SZ_4K));
	for (unsigned long j = 0; j < k; j++)
		assert_true(memblock_is_region_reserved(many_base(j), SZ_4K));
}

/*
 * memblock_add_range() counts the new regions, doubles the array, then
 * inserts. Doubling reserved frees the old array, and when the range
 * being reserved covers it, that opens one more gap in the range than
 * was counted. Here the count says 258 + 254 = 512 fits the doubled
 * array exactly, but 255 regions go in: one past the array's end, which
 * is the first word of the range (a canary there must survive).
 */
static void grow_reserved_recounts_after_doubling_check(void **state)
{
	unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS, i;
	phys_addr_t lo = at(SZ_8M), hi = mem_end + SZ_8K, r1;
	u64 *canary = __va(lo);

	memblock_allow_resize();
	ADD(mem_base, MEM_SIZE);
	/* Three regions below the range, 252 inside it with gaps between. */
	for (i = 0; i < 3; i++)
		RESERVE(at(SZ_4K + i * SZ_8K), SZ_4K);
	for (i = 0; memblock.reserved.max == n; i++)
		RESERVE(lo + SZ_4K + i * SZ_8K, SZ_4K);
	/* Grown once, top-down: the first allocated array is at the top. */
	r1 = __pa(memblock.reserved.regions);
	assert_int_equal(r1, mem_end - array_bytes(2 * n));
	/* It merges with a region on each side; freeing it splits that one. */
	RESERVE(r1 - SZ_4K, SZ_4K);
	RESERVE(r1 + array_bytes(2 * n), SZ_4K);
	for (; i < 2 * n - 4; i++)
		RESERVE(lo + SZ_4K + i * SZ_8K, SZ_4K);
	assert_int_equal(memblock.reserved.max, 2 * n);
	assert_int_equal(memblock.reserved.cnt, 2 * n);

	*canary = 0x5a5a5a5a5a5a5a5aULL;
	assert_int_equal(RESERVE(lo, hi - lo), 0);
	assert_int_equal(*canary, 0x5a5a5a5a5a5a5a5aULL);
	assert_true(memblock.reserved.cnt <= memblock.reserved.max);
	assert_array_reserved(&memblock.reserved);
	assert_true(type_covers(&memblock.reserved, lo, hi - lo));
	assert_true(type_covers(&memblock.reserved, at(SZ_4K), SZ_4K));
}

/* Before memblock_allow_resize(), a full array fails cleanly, as it says. */
static void grow_not_allowed_check(void **state)
{
	static struct mb_snapshot snap;
	unsigned long n = INIT_MEMBLOCK_REGIONS, i;

	ADD(mem_base, SZ_512K);
	for (i = 0; i < n - 1; i++)
		ADD(small_at(i), SZ_4K);
	take_snapshot(&snap);
	printk_log_reset();
	assert_int_equal(ADD(small_at(n), SZ_4K), -ENOMEM);
	assert_true(printk_log_contains("memblock: cannot resize memory array"));
	assert_int_equal(CHECKED(memblock_mark_hotplug(small_at(2) + SZ_1K, SZ_1K)), -ENOMEM);
	assert_unchanged(&snap);
	assert_int_equal(memblock.memory.max, n);
}

/* Resizing allowed, but no free memory can hold the new array. */
static void grow_no_space_check(void **state)
{
	static struct mb_snapshot snap;
	unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS, i;

	memblock_allow_resize();
	ADD(mem_base, SZ_4K);		/* one page: too small for 2 * 128 regions */
	for (i = 0; i < n; i++)
		RESERVE(many_base(i), SZ_4K);
	take_snapshot(&snap);
	printk_log_reset();
	assert_int_equal(RESERVE(many_base(n), SZ_4K), -ENOMEM);
	assert_true(printk_log_contains("memblock: Failed to double reserved array from 128 to 256 entries"));
	assert_unchanged(&snap);
}

/* ---- region flags ------------------------------------------------------- */

struct frgn {
	phys_addr_t base, size;
	unsigned int flags;
};

/* memory must hold exactly these regions, in this order, with these flags. */
static void check_flagged(const struct frgn *want, size_t n, const char *file, int line)
{
	const struct memblock_type *type = &memblock.memory;
	bool same = type->cnt == n;

	for (size_t i = 0; same && i < n; i++)
		same = type->regions[i].base == want[i].base &&
		       type->regions[i].size == want[i].size &&
		       type->regions[i].flags == want[i].flags;
	if (!same) {
		print_error("memblock.memory is not as expected; want %zu regions:\n", n);
		for (size_t i = 0; i < n; i++)
			print_error("    [%#llx-%#llx) flags %#x\n", (unsigned long long)want[i].base,
				    (unsigned long long)(want[i].base + want[i].size), want[i].flags);
		dump_type(type);
		_fail(file, line);
	}
}

#define assert_flagged(...)                                                     \
	check_flagged((const struct frgn[]){ __VA_ARGS__ },                     \
		      ARRAY_SIZE(((const struct frgn[]){ __VA_ARGS__ })), __FILE__, __LINE__)

#define MARK(fn, b, s) assert_int_equal(CHECKED(fn((b), (s))), 0)

/* Marking the middle of a region splits it in three; clearing merges it back. */
static void flags_hotplug_check(void **state)
{
	ADD(SZ_1G, SZ_16M);
	MARK(memblock_mark_hotplug, SZ_1G + SZ_4M, SZ_4M);
	assert_flagged({ SZ_1G, SZ_4M, MEMBLOCK_NONE },
		       { SZ_1G + SZ_4M, SZ_4M, MEMBLOCK_HOTPLUG },
		       { SZ_1G + SZ_8M, SZ_8M, MEMBLOCK_NONE });
	assert_int_equal(memblock_phys_mem_size(), SZ_16M);
	assert_true(memblock_is_hotpluggable(&memblock.memory.regions[1]));
	assert_false(memblock_is_hotpluggable(&memblock.memory.regions[0]));
	/* Marking what is marked changes nothing. */
	MARK(memblock_mark_hotplug, SZ_1G + SZ_4M + SZ_1M, SZ_1M);
	assert_int_equal(memblock.memory.cnt, 3);
	/* Clear part of it: the cleared part joins its unmarked neighbour. */
	MARK(memblock_clear_hotplug, SZ_1G + SZ_4M, SZ_1M);
	assert_flagged({ SZ_1G, SZ_4M + SZ_1M, MEMBLOCK_NONE },
		       { SZ_1G + SZ_4M + SZ_1M, 3 * SZ_1M, MEMBLOCK_HOTPLUG },
		       { SZ_1G + SZ_8M, SZ_8M, MEMBLOCK_NONE });
	MARK(memblock_clear_hotplug, 0, PHYS_ADDR_MAX);
	assert_flagged({ SZ_1G, SZ_16M, MEMBLOCK_NONE });
	/* Reserved is never touched by the setters. */
	assert_no_regions(&memblock.reserved);
}

/* A range over two regions and the hole between them marks only memory. */
static void flags_nomap_check(void **state)
{
	ADD(SZ_1M, SZ_2M);
	ADD(SZ_8M, SZ_2M);
	MARK(memblock_mark_nomap, SZ_2M, SZ_8M);
	assert_flagged({ SZ_1M, SZ_1M, MEMBLOCK_NONE }, { SZ_2M, SZ_1M, MEMBLOCK_NOMAP },
		       { SZ_8M, SZ_2M, MEMBLOCK_NOMAP });
	assert_true(memblock_is_nomap(&memblock.memory.regions[2]));
	/* Still memory, but not mapped memory. */
	assert_true(memblock_is_memory(SZ_2M));
	assert_false(memblock_is_map_memory(SZ_2M));
	assert_true(memblock_is_map_memory(SZ_1M));
	assert_false(memblock_is_map_memory(SZ_4M));	/* the hole */
	assert_int_equal(memblock_phys_mem_size(), SZ_4M);
	/* The hole stays a hole. */
	assert_false(memblock_is_memory(SZ_4M));
	MARK(memblock_clear_nomap, SZ_1M, SZ_16M);
	assert_flagged({ SZ_1M, SZ_2M, MEMBLOCK_NONE }, { SZ_8M, SZ_2M, MEMBLOCK_NONE });
	/* Marking where there is no memory is not an error and adds nothing. */
	MARK(memblock_mark_nomap, SZ_4M, SZ_1M);
	MARK(memblock_mark_nomap, SZ_1M, 0);
	assert_flagged({ SZ_1M, SZ_2M, MEMBLOCK_NONE }, { SZ_8M, SZ_2M, MEMBLOCK_NONE });
}

/* Neighbours merge exactly when their flags are equal (memblock_merge_regions). */
static void flags_merge_check(void **state)
{
	ADD(SZ_1G, SZ_4M);
	MARK(memblock_mark_hotplug, SZ_1G, SZ_2M);
	MARK(memblock_mark_mirror, SZ_1G + SZ_2M, SZ_2M);
	assert_flagged({ SZ_1G, SZ_2M, MEMBLOCK_HOTPLUG },
		       { SZ_1G + SZ_2M, SZ_2M, MEMBLOCK_MIRROR });
	assert_true(memblock_is_mirror(&memblock.memory.regions[1]));
	/* Flags combine: HOTPLUG|MIRROR is not MIRROR, so still two. */
	MARK(memblock_mark_mirror, SZ_1G, SZ_2M);
	assert_flagged({ SZ_1G, SZ_2M, MEMBLOCK_HOTPLUG | MEMBLOCK_MIRROR },
		       { SZ_1G + SZ_2M, SZ_2M, MEMBLOCK_MIRROR });
	/* Equal now: one region. */
	MARK(memblock_clear_hotplug, SZ_1G, SZ_2M);
	assert_flagged({ SZ_1G, SZ_4M, MEMBLOCK_MIRROR });
	/* Marking two touching pieces one after the other gives one region. */
	ADD(SZ_2G, SZ_4M);
	MARK(memblock_mark_nomap, SZ_2G, SZ_1M);
	MARK(memblock_mark_nomap, SZ_2G + SZ_1M, SZ_1M);
	assert_flagged({ SZ_1G, SZ_4M, MEMBLOCK_MIRROR }, { SZ_2G, SZ_2M, MEMBLOCK_NOMAP },
		       { SZ_2G + SZ_2M, SZ_2M, MEMBLOCK_NONE });
	assert_int_equal(memblock_phys_mem_size(), SZ_8M);
}

/* memblock_add_node() adds with flags; the node id is not kept (no NUMA). */
static void add_node_check(void **state)
{
	assert_int_equal(CHECKED(memblock_add_node(SZ_1M, SZ_16M, 1, MEMBLOCK_HOTPLUG)), 0);
	assert_flagged({ SZ_1M, SZ_16M, MEMBLOCK_HOTPLUG });
	assert_int_equal(memblock_phys_mem_size(), SZ_16M);
	/* A plain neighbour does not merge with it. */
	ADD(SZ_1M + SZ_16M, SZ_1M);
	assert_flagged({ SZ_1M, SZ_16M, MEMBLOCK_HOTPLUG },
		       { SZ_1M + SZ_16M, SZ_1M, MEMBLOCK_NONE });
	/* One with the same flags does. */
	assert_int_equal(CHECKED(memblock_add_node(0, SZ_1M, NUMA_NO_NODE, MEMBLOCK_HOTPLUG)), 0);
	assert_flagged({ 0, SZ_1M + SZ_16M, MEMBLOCK_HOTPLUG },
		       { SZ_1M + SZ_16M, SZ_1M, MEMBLOCK_NONE });
	/* Adding over memory of other flags adds only the new part, with its flags. */
	assert_int_equal(CHECKED(memblock_add_node(SZ_16M, SZ_4M, 0, MEMBLOCK_MIRROR)), 0);
	assert_flagged({ 0, SZ_1M + SZ_16M, MEMBLOCK_HOTPLUG },
		       { SZ_1M + SZ_16M, SZ_1M, MEMBLOCK_NONE },
		       { SZ_2M + SZ_16M, SZ_2M, MEMBLOCK_MIRROR });
}

/* NOMAP memory is not free memory: the walk skips it, allocations avoid it. */
static void nomap_not_allocated_check(void **state)
{
	phys_addr_t start, end;
	unsigned int k = 0;
	u64 i;

	ADD(mem_base, MEM_SIZE);
	RESERVE(at(0), SZ_4K);
	MARK(memblock_mark_nomap, at(SZ_4M), SZ_4M);
	assert_free_ranges({ at(SZ_4K), SZ_4M - SZ_4K }, { at(SZ_8M), SZ_8M });
	/* 10 MiB fit in memory minus reserved, but not outside the NOMAP part. */
	assert_null(memblock_alloc(10 * SZ_1M, SZ_4K));
	for (k = 0; k < 8; k++) {
		void *p = memblock_alloc(SZ_1M, SZ_1M);

		assert_non_null(p);
		assert_true(__pa(p) + SZ_1M <= at(SZ_4M) || __pa(p) >= at(SZ_8M));
	}
	/* for_each_mem_range is memory without the NOMAP parts. */
	k = 0;
	for_each_mem_range(i, &start, &end) {
		assert_int_equal(start, k ? at(SZ_8M) : at(0));
		assert_int_equal(end, k ? mem_end : at(SZ_4M));
		k++;
	}
	assert_int_equal(k, 2);
	/* Clear it, and the big allocation fits. */
	memblock_reset();
	ADD(mem_base, MEM_SIZE);
	MARK(memblock_mark_nomap, at(SZ_4M), SZ_4M);
	MARK(memblock_clear_nomap, at(SZ_4M), SZ_4M);
	assert_non_null(memblock_alloc(10 * SZ_1M, SZ_4K));
}

/* Once some memory is mirrored, allocations take it first, then fall back. */
static void mirror_alloc_check(void **state)
{
	phys_addr_t pa;

	ADD(mem_base, MEM_SIZE);
	assert_false(memblock_has_mirror());
	MARK(memblock_mark_mirror, at(SZ_1M), SZ_2M);
	assert_true(memblock_has_mirror());
	/* Top-down would pick the top of memory; mirrored memory comes first. */
	pa = __pa(memblock_alloc(SZ_64K, SZ_4K));
	assert_int_equal(pa, at(SZ_1M + SZ_2M - SZ_64K));
	pa = memblock_phys_alloc_range(SZ_64K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
	assert_true(pa >= at(SZ_1M) && pa + SZ_64K <= at(SZ_1M + SZ_2M));
	/* Too big for the mirror: any memory, with Linux's warning. */
	printk_log_reset();
	pa = __pa(memblock_alloc(SZ_4M, SZ_4K));
	assert_int_equal(pa, mem_end - SZ_4M);
	assert_true(printk_log_contains("Could not allocate 0x0000000000400000 bytes of mirrored memory"));
	/* memblock_reset() forgets the mirror. */
	memblock_reset();
	assert_false(memblock_has_mirror());
}

/* ---- memblock_trim_memory ------------------------------------------------- */

static void trim_aligned_check(void **state)
{
	ADD(SZ_1M, SZ_4M);
	ADD(SZ_8M, SZ_64K);
	memblock_trim_memory(SZ_64K);
	CHECK_MEMBLOCK();
	assert_regions(&memblock.memory, { SZ_1M, SZ_4M }, { SZ_8M, SZ_64K });
}

/* Both ends unaligned: each is rounded inwards; total_size follows. */
static void trim_unaligned_check(void **state)
{
	ADD(SZ_1M + 100, SZ_1M);
	ADD(SZ_8M, SZ_1M + SZ_2K);		/* only the end */
	ADD(SZ_16M - 100, SZ_1M + 100);		/* only the base */
	memblock_trim_memory(SZ_4K);
	CHECK_MEMBLOCK();
	assert_regions(&memblock.memory, { SZ_1M + SZ_4K, SZ_1M - SZ_4K }, { SZ_8M, SZ_1M },
		       { SZ_16M, SZ_1M });
	assert_int_equal(memblock_phys_mem_size(), 3 * SZ_1M - SZ_4K);
}

/* What holds no whole aligned block goes, wherever it is in the array. */
static void trim_too_small_check(void **state)
{
	ADD(SZ_1M + SZ_1K, SZ_2K);		/* inside one block */
	ADD(SZ_2M, SZ_1M);
	ADD(SZ_4M - SZ_1K, SZ_4K);		/* across a boundary, no whole block */
	ADD(SZ_8M + 8, SZ_4K - 8);		/* ends on a boundary, starts past one */
	ADD(SZ_16M, SZ_64K);
	memblock_trim_memory(SZ_4K);
	CHECK_MEMBLOCK();
	assert_regions(&memblock.memory, { SZ_2M, SZ_1M }, { SZ_16M, SZ_64K });
	/* Reserved is left alone. */
	RESERVE(SZ_1M + 1, 3);
	memblock_trim_memory(SZ_4K);
	assert_regions(&memblock.reserved, { SZ_1M + 1, 3 });
}

/* Trimming everything away leaves an empty array, cleared. */
static void trim_all_check(void **state)
{
	ADD(SZ_1M + 1, SZ_1K);
	ADD(SZ_2M + 1, SZ_1K);
	memblock_trim_memory(SZ_4K);
	CHECK_MEMBLOCK();
	assert_no_regions(&memblock.memory);
	assert_int_equal(memblock.memory.regions[0].base, 0);
	assert_int_equal(memblock.memory.regions[0].size, 0);
}

/* ---- emptied types ---------------------------------------------------------
 *
 * When the last region goes, cnt is 0 and regions[0] is all zeroes again
 * (base 0, size 0, flags 0), as in a fresh array (Linux:
 * memblock_remove_region's special case for empty arrays).
 */

static void check_cleared(const struct memblock_type *type, const char *file, int line)
{
	_assert_int_equal(type->cnt, 0, file, line);
	_assert_int_equal(type->total_size, 0, file, line);
	_assert_int_equal(type->regions[0].base, 0, file, line);
	_assert_int_equal(type->regions[0].size, 0, file, line);
	_assert_int_equal(type->regions[0].flags, MEMBLOCK_NONE, file, line);
}

#define assert_cleared(type) check_cleared((type), __FILE__, __LINE__)

static void empty_memory_check(void **state)
{
	ADD(SZ_2K, SZ_4K);
	REMOVE(SZ_2K, SZ_4K);
	assert_cleared(&memblock.memory);
	/* With flags, and removed by a range wider than the region. */
	assert_int_equal(CHECKED(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_NOMAP)), 0);
	REMOVE(0, SZ_4M);
	assert_cleared(&memblock.memory);
	/* Several regions at once. */
	ADD(SZ_1M, SZ_1M);
	ADD(SZ_4M, SZ_1M);
	ADD(SZ_8M, SZ_1M);
	REMOVE(0, SZ_16M);
	assert_cleared(&memblock.memory);
	/* An emptied array takes new regions as a fresh one does. */
	ADD(SZ_8M, SZ_4K);
	assert_regions(&memblock.memory, { SZ_8M, SZ_4K });
	assert_int_equal(memblock_start_of_DRAM(), SZ_8M);
}

static void empty_reserved_check(void **state)
{
	RESERVE(SZ_2K, SZ_4K);
	PHYS_FREE(SZ_2K, SZ_4K);
	assert_cleared(&memblock.reserved);
	RESERVE(SZ_1M, SZ_8K);
	FREE((void *)SZ_1M, SZ_8K);
	assert_cleared(&memblock.reserved);
	/* Freed in two halves: only the second empties it. */
	RESERVE(SZ_1M, SZ_8K);
	PHYS_FREE(SZ_1M, SZ_4K);
	assert_regions(&memblock.reserved, { SZ_1M + SZ_4K, SZ_4K });
	PHYS_FREE(SZ_1M + SZ_4K, SZ_4K);
	assert_cleared(&memblock.reserved);
}

/* ---- memblock_overlaps_region ---------------------------------------------- */

static void overlaps_region_check(void **state)
{
	struct memblock_type *m = &memblock.memory;

	assert_false(memblock_overlaps_region(m, 0, PHYS_ADDR_MAX));	/* empty */
	ADD(SZ_1G, SZ_4M);
	ADD(SZ_2G, SZ_4M);
	/* Far away, and the gap between. */
	assert_false(memblock_overlaps_region(m, SZ_1M, SZ_1M));
	assert_false(memblock_overlaps_region(m, SZ_1G + SZ_8M, SZ_512M));
	/* Touching is not overlapping. */
	assert_false(memblock_overlaps_region(m, SZ_1G - SZ_1M, SZ_1M));
	assert_false(memblock_overlaps_region(m, SZ_1G + SZ_4M, SZ_1M));
	/* Partial, either end. */
	assert_true(memblock_overlaps_region(m, SZ_1G - SZ_1M, SZ_1M + 1));
	assert_true(memblock_overlaps_region(m, SZ_1G + SZ_4M - 1, SZ_1M));
	/* Inside, equal, around, across both. */
	assert_true(memblock_overlaps_region(m, SZ_1G + SZ_1M, SZ_1M));
	assert_true(memblock_overlaps_region(m, SZ_1G, SZ_4M));
	assert_true(memblock_overlaps_region(m, SZ_1G - SZ_2M, SZ_8M));
	assert_true(memblock_overlaps_region(m, SZ_1M, SZ_4G));
	/* A size past PHYS_ADDR_MAX is capped. */
	assert_true(memblock_overlaps_region(m, SZ_2G + SZ_1M, PHYS_ADDR_MAX));
	assert_false(memblock_overlaps_region(m, SZ_4G, PHYS_ADDR_MAX));
	/* It looks only at the type it is given. */
	assert_false(memblock_overlaps_region(&memblock.reserved, SZ_1G, SZ_4M));
	RESERVE(SZ_1G + SZ_2M, SZ_4K);
	assert_true(memblock_overlaps_region(&memblock.reserved, SZ_1G, SZ_4M));
}

/* ---- randomised, against a reference model ------------------------------
 *
 * RND_PAGES pages at the start of the test memory, one byte per page in
 * each of mdl_mem[] (added) and mdl_res[] (reserved). Every operation is
 * page-granular and stays in the window, so after each step the memblock
 * arrays must be exactly the runs of set bytes, and the free ranges the
 * runs of mem && !res. Allocations must return exactly the highest
 * (top-down) or lowest (bottom-up) aligned fit the model finds.
 */

#define RND_PAGES	1024		/* 4 MiB */
#define RND_STEPS	5000
#define RND_MAX_LEN	48

static unsigned char mdl_mem[RND_PAGES], mdl_res[RND_PAGES];
static phys_addr_t mdl_limit;
static u64 rnd_state, rnd_seed;
static int rnd_step;
static unsigned int rnd_allocs, rnd_alloc_fails, rnd_enomem;
static unsigned long rnd_max_cnt;

static u64 rnd_next(void)
{
	u64 z = (rnd_state += 0x9e3779b97f4a7c15ULL);	/* splitmix64 */

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 rnd_below(u64 n)
{
	return rnd_next() % n;
}

static phys_addr_t page_addr(u64 page)
{
	return mem_base + page * PAGE_SIZE;
}

#define rnd_fail(fmt, ...)                                                      \
	do {                                                                    \
		print_error("seed %llu, step %d: " fmt "\n",                    \
			    (unsigned long long)rnd_seed, rnd_step, ##__VA_ARGS__); \
		dump_type(&memblock.memory);                                    \
		dump_type(&memblock.reserved);                                  \
		fail();                                                         \
	} while (0)

/* Number of maximal runs of val in map[from, to). */
static unsigned int count_runs(const unsigned char *map, unsigned int from, unsigned int to,
			       unsigned char val)
{
	unsigned int runs = 0;

	for (unsigned int p = from; p < to; p++)
		if (map[p] == val && (p == from || map[p - 1] != val))
			runs++;
	return runs;
}

static bool page_free(unsigned int p)
{
	return mdl_mem[p] && !mdl_res[p];
}

/* The type must be the runs of set bytes in map. */
static void model_check_type(const struct memblock_type *type, const unsigned char *map)
{
	unsigned long k = 0;
	unsigned int p = 0, q;

	while (p < RND_PAGES) {
		if (!map[p]) {
			p++;
			continue;
		}
		for (q = p; q < RND_PAGES && map[q]; q++)
			;
		if (k >= type->cnt || type->regions[k].base != page_addr(p) ||
		    type->regions[k].size != (q - p) * PAGE_SIZE)
			rnd_fail("memblock.%s region %lu should be [%#llx-%#llx)", type->name,
				 k, (unsigned long long)page_addr(p),
				 (unsigned long long)page_addr(q));
		k++;
		p = q;
	}
	if (k != type->cnt)
		rnd_fail("memblock.%s has %lu regions, the model %lu", type->name, type->cnt, k);
}

static void model_check(void)
{
	static struct rgn runs[RND_PAGES / 2 + 1];
	unsigned int n = 0, p = 0, q, k, npages_mem = 0, npages_res = 0;
	phys_addr_t start, end;
	u64 i;

	model_check_type(&memblock.memory, mdl_mem);
	model_check_type(&memblock.reserved, mdl_res);

	while (p < RND_PAGES) {
		npages_mem += mdl_mem[p];
		npages_res += mdl_res[p];
		if (!page_free(p)) {
			p++;
			continue;
		}
		for (q = p; q < RND_PAGES && page_free(q); q++) {
			if (q > p) {
				npages_mem += mdl_mem[q];
				npages_res += mdl_res[q];
			}
		}
		runs[n].base = page_addr(p);
		runs[n++].size = (q - p) * PAGE_SIZE;
		p = q;
	}

	k = 0;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		if (k >= n || start != runs[k].base || end != runs[k].base + runs[k].size)
			rnd_fail("free range %u is [%#llx-%#llx)", k, (unsigned long long)start,
				 (unsigned long long)end);
		k++;
	}
	if (k != n)
		rnd_fail("%u free ranges, the model has %u", k, n);
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL) {
		if (!k || start != runs[k - 1].base || end != runs[k - 1].base + runs[k - 1].size)
			rnd_fail("reverse free range %u is [%#llx-%#llx)", k,
				 (unsigned long long)start, (unsigned long long)end);
		k--;
	}
	if (k)
		rnd_fail("reverse walk missed %u free ranges", k);

	if (memblock_phys_mem_size() != npages_mem * PAGE_SIZE ||
	    memblock_reserved_size() != npages_res * PAGE_SIZE)
		rnd_fail("sizes %#llx/%#llx, the model %#lx/%#lx",
			 (unsigned long long)memblock_phys_mem_size(),
			 (unsigned long long)memblock_reserved_size(), npages_mem * PAGE_SIZE,
			 npages_res * PAGE_SIZE);

	for (k = 0; k < 8; k++) {
		p = rnd_below(RND_PAGES);
		if (memblock_is_memory(page_addr(p)) != !!mdl_mem[p] ||
		    memblock_is_reserved(page_addr(p) + PAGE_SIZE - 1) != !!mdl_res[p])
			rnd_fail("page %u: is_memory/is_reserved disagree with the model", p);
	}
}

/* memblock_add or memblock_reserve of [s, s + len) pages. */
static void rnd_add(int (*fn)(phys_addr_t, phys_addr_t), struct memblock_type *type,
		    unsigned char *map, unsigned int s, unsigned int len)
{
	unsigned long cnt = type->cnt;
	unsigned int pieces = count_runs(map, s, s + len, 0);
	int ret = CHECKED(fn(page_addr(s), len * PAGE_SIZE));

	if (!ret) {
		memset(map + s, 1, len);
		return;
	}
	rnd_enomem++;
	if (ret != -ENOMEM || cnt + pieces <= type->max)
		rnd_fail("adding [%u, +%u) to %s failed with %d (%lu regions + %u new)", s, len,
			 type->name, ret, cnt, pieces);
}

/* memblock_remove or memblock_phys_free of [s, s + len) pages. */
static void rnd_remove(int (*fn)(phys_addr_t, phys_addr_t), struct memblock_type *type,
		       unsigned char *map, unsigned int s, unsigned int len)
{
	unsigned long cnt = type->cnt;
	int ret = CHECKED(fn(page_addr(s), len * PAGE_SIZE));

	if (!ret) {
		memset(map + s, 0, len);
		return;
	}
	rnd_enomem++;
	/* Only a (nearly) full array may refuse: a split needs room. */
	if (ret != -ENOMEM || cnt + 2 <= type->max)
		rnd_fail("removing [%u, +%u) from %s failed with %d (%lu regions)", s, len,
			 type->name, ret, cnt);
}

/* The model's answer: first page of the allocation, or -1. */
static long model_find(unsigned int npages, phys_addr_t align, phys_addr_t start,
		       phys_addr_t end, bool bottom_up)
{
	unsigned long step = align / PAGE_SIZE, lo, hi, c, k;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end > mdl_limit)
		end = mdl_limit;
	start = max(start, (phys_addr_t)PAGE_SIZE);
	lo = start <= mem_base ? 0 : min(DIV_ROUND_UP(start - mem_base, PAGE_SIZE),
					 (phys_addr_t)RND_PAGES);
	hi = end <= mem_base ? 0 : min((end - mem_base) / PAGE_SIZE, (phys_addr_t)RND_PAGES);
	lo = ALIGN(lo, step);
	if (hi < npages || lo > hi - npages)
		return -1;
	hi = ALIGN_DOWN(hi - npages, step);	/* the highest candidate */
	for (k = 0; k <= (hi - lo) / step; k++) {
		unsigned int p;

		c = bottom_up ? lo + k * step : hi - k * step;
		for (p = 0; p < npages && page_free(c + p); p++)
			;
		if (p == npages)
			return c;
	}
	return -1;
}

/* A bound for a range allocation: anywhere near the window, sometimes unaligned. */
static phys_addr_t rnd_bound(void)
{
	phys_addr_t a = page_addr(rnd_below(RND_PAGES + 64)) - 32 * PAGE_SIZE;

	if (!rnd_below(4))
		a += rnd_below(PAGE_SIZE);
	return a;
}

static void rnd_alloc(void)
{
	enum alloc_api api = rnd_below(NR_ALLOC_APIS);
	unsigned int npages = 1 + rnd_below(16);
	phys_addr_t size = npages * PAGE_SIZE, align = PAGE_SIZE << rnd_below(5);
	phys_addr_t min_addr = 0, max_addr = MEMBLOCK_ALLOC_ACCESSIBLE, got;
	unsigned long cnt = memblock.reserved.cnt;
	bool bottom_up = memblock_bottom_up();
	long want;

	if ((api == API_PHYS_ALLOC_RANGE || api == API_ALLOC_TRY_NID) && rnd_below(2)) {
		min_addr = rnd_bound();
		max_addr = rnd_below(4) ? min_addr + rnd_below(RND_PAGES / 2) * PAGE_SIZE
					: rnd_bound();
		if (!max_addr)
			max_addr = 1;
	} else if (api == API_ALLOC_FROM && rnd_below(4)) {
		min_addr = rnd_bound();
	}
	/*
	 * Linux does not clamp an explicit end of memblock_phys_alloc_range()
	 * to current_limit; keep the two from disagreeing about it.
	 */
	if (api == API_PHYS_ALLOC_RANGE && max_addr > mdl_limit)
		max_addr = MEMBLOCK_ALLOC_ACCESSIBLE;

	want = model_find(npages, align, min_addr, max_addr, bottom_up);
	if (want < 0 && min_addr && api_retries_below_min(api))
		want = model_find(npages, align, 0, max_addr, bottom_up);
	got = do_alloc(api, size, align, min_addr, max_addr, __FILE__, __LINE__);
	if (got) {
		if (want < 0 || got != page_addr(want))
			rnd_fail("api %d %s: %#llx bytes align %#llx in [%#llx, %#llx) gave %#llx, "
				 "the model %#llx", api, bottom_up ? "bottom-up" : "top-down",
				 (unsigned long long)size, (unsigned long long)align,
				 (unsigned long long)min_addr, (unsigned long long)max_addr,
				 (unsigned long long)got,
				 want < 0 ? 0ULL : (unsigned long long)page_addr(want));
		memset(mdl_res + want, 1, npages);
		/* Dirty it, so that handing it out again must clear it again. */
		memset(__va(got), 0x5a, size);
		rnd_allocs++;
	} else {
		/* Failing with room is only allowed when the reserved array is full. */
		if (want >= 0 && cnt + 1 <= memblock.reserved.max)
			rnd_fail("api %d %s: %#llx bytes align %#llx in [%#llx, %#llx) failed, "
				 "the model found %#llx", api, bottom_up ? "bottom-up" : "top-down",
				 (unsigned long long)size, (unsigned long long)align,
				 (unsigned long long)min_addr, (unsigned long long)max_addr,
				 (unsigned long long)page_addr(want));
		rnd_alloc_fails++;
	}
}

static void memblock_random_check(void **state)
{
	const char *env = getenv("MEMBLOCK_SEED");

	if (env && *env)
		rnd_seed = strtoull(env, NULL, 0);
	else
		rnd_seed = (u64)time(NULL) ^ ((u64)getpid() << 32);
	print_message("memblock random seed %llu (replay: MEMBLOCK_SEED=%llu)\n",
		      (unsigned long long)rnd_seed, (unsigned long long)rnd_seed);
	rnd_state = rnd_seed;

	memset(mdl_mem, 0, sizeof(mdl_mem));
	memset(mdl_res, 0, sizeof(mdl_res));
	mdl_limit = MEMBLOCK_ALLOC_ANYWHERE;
	rnd_allocs = rnd_alloc_fails = rnd_enomem = 0;
	rnd_max_cnt = 0;
	memset(phys_mem, 0xa5, RND_PAGES * PAGE_SIZE);

	for (rnd_step = 0; rnd_step < RND_STEPS; rnd_step++) {
		/*
		 * The first part moves large ranges around; the rest uses
		 * ranges of a page or three, which fragments the arrays
		 * until they fill up and -ENOMEM is exercised too.
		 */
		bool fragment = rnd_step >= RND_STEPS / 2;
		unsigned int op = rnd_below(100);
		unsigned int s = rnd_below(RND_PAGES);
		unsigned int len = 1 + rnd_below(fragment ? 3 : RND_MAX_LEN);

		len = min(len, RND_PAGES - s);
		if (op < (fragment ? 28 : 18)) {
			rnd_add(memblock_add, &memblock.memory, mdl_mem, s, len);
		} else if (op < (fragment ? 56 : 36)) {
			rnd_add(memblock_reserve, &memblock.reserved, mdl_res, s, len);
		} else if (op < (fragment ? 68 : 46)) {
			rnd_remove(memblock_remove, &memblock.memory, mdl_mem, s, len);
		} else if (op < (fragment ? 80 : 62)) {
			rnd_remove(memblock_phys_free, &memblock.reserved, mdl_res, s, len);
		} else if (op < 94) {
			rnd_alloc();
		} else if (op < 97) {
			memblock_set_bottom_up(rnd_below(2));
		} else {
			mdl_limit = rnd_below(2) ? page_addr(rnd_below(RND_PAGES + 1)) +
						   rnd_below(PAGE_SIZE)
						 : MEMBLOCK_ALLOC_ANYWHERE;
			memblock_set_current_limit(mdl_limit);
		}
		model_check();
		rnd_max_cnt = max(rnd_max_cnt, max(memblock.memory.cnt, memblock.reserved.cnt));
	}
	print_message("memblock random: %u allocations (%u failed), %u -ENOMEM, "
		      "at most %lu regions in an array\n",
		      rnd_allocs, rnd_alloc_fails, rnd_enomem, rnd_max_cnt);
	/* The run must have exercised the allocator, not just failed. */
	assert_true(rnd_allocs > 0);
}

/* ---- the test table ----------------------------------------------------- */

#define CASE(f) cmocka_unit_test_setup(f, reset_setup)

#define BASIC(name, fn, op) { name, fn, reset_setup, NULL, &op }
#define ADD_CASE(c)                                                             \
	BASIC("memblock_add_" #c "_check", add_##c##_check, op_memory),         \
	BASIC("memblock_reserve_" #c "_check", add_##c##_check, op_reserved)
#define REMOVE_CASE(c)                                                          \
	BASIC("memblock_remove_" #c "_check", remove_##c##_check, op_memory),   \
	BASIC("memblock_phys_free_" #c "_check", remove_##c##_check, op_reserved)

#define ALLOC_ENTRY(api, dir, c)                                                \
	{ #api "_" #dir "_" #c "_check", alloc_##c##_check, alloc_setup, NULL,  \
	  &params_##api##_##dir }
#define ALLOC_BOTH(api, c) ALLOC_ENTRY(api, top_down, c), ALLOC_ENTRY(api, bottom_up, c)
/* Cases for every allocator. */
#define ALLOC_ALL(c)                                    \
	ALLOC_BOTH(memblock_alloc, c),                  \
	ALLOC_BOTH(memblock_alloc_raw, c),              \
	ALLOC_BOTH(memblock_phys_alloc_range, c),       \
	ALLOC_BOTH(memblock_alloc_from, c),             \
	ALLOC_BOTH(memblock_alloc_try_nid, c)
/* Cases with both bounds. */
#define ALLOC_MIN_MAX(c)                                \
	ALLOC_BOTH(memblock_phys_alloc_range, c),       \
	ALLOC_BOTH(memblock_alloc_try_nid, c)
/* Cases with a lower bound only. */
#define ALLOC_MIN(c)                                    \
	ALLOC_BOTH(memblock_alloc_from, c),             \
	ALLOC_MIN_MAX(c)

int main(void)
{
	const struct CMUnitTest tests[] = {
		CASE(memblock_initialization_check),

		ADD_CASE(simple),
		ADD_CASE(disjoint),
		ADD_CASE(overlap_top),
		ADD_CASE(overlap_bottom),
		ADD_CASE(within),
		ADD_CASE(twice),
		ADD_CASE(between),
		ADD_CASE(near_max),
		ADD_CASE(many),

		REMOVE_CASE(simple),
		REMOVE_CASE(disjoint),
		REMOVE_CASE(absent),
		REMOVE_CASE(overlap_top),
		REMOVE_CASE(overlap_bottom),
		REMOVE_CASE(within),
		REMOVE_CASE(twice),
		REMOVE_CASE(between),
		REMOVE_CASE(near_max),
		REMOVE_CASE(past_end),
		REMOVE_CASE(many),

		ALLOC_ALL(simple),
		ALLOC_ALL(disjoint),
		ALLOC_ALL(before),
		ALLOC_ALL(after),
		ALLOC_ALL(second_fit),
		ALLOC_ALL(small_gaps),
		ALLOC_ALL(in_between),
		ALLOC_ALL(all_reserved),
		ALLOC_ALL(no_space),
		ALLOC_ALL(limited_space),
		ALLOC_ALL(no_memory),
		ALLOC_ALL(too_large),
		ALLOC_ALL(zero_size),
		ALLOC_ALL(align),
		ALLOC_ALL(align_zero),
		ALLOC_ALL(align_not_pow2),
		ALLOC_ALL(contents),
		ALLOC_ALL(free),
		ALLOC_ALL(current_limit),
		ALLOC_ALL(reserved_full),

		ALLOC_MIN_MAX(min_max_simple),
		ALLOC_MIN_MAX(min_max_misaligned),
		ALLOC_MIN_MAX(min_max_exact),
		ALLOC_MIN_MAX(min_max_reserved),
		ALLOC_MIN_MAX(max_below_memory),
		ALLOC_MIN(from_simple),
		ALLOC_MIN(from_misaligned),
		ALLOC_MIN(from_high_addr),
		ALLOC_MIN(from_no_space_above),
		ALLOC_MIN(from_min_addr_cap),
		ALLOC_BOTH(memblock_phys_alloc_range, page_zero),

		CASE(free_range_empty_check),
		CASE(free_range_no_reserved_check),
		CASE(free_range_inside_check),
		CASE(free_range_spanning_check),
		CASE(free_range_outside_check),
		CASE(free_range_all_reserved_check),
		CASE(free_range_near_max_check),
		CASE(mem_region_iterators_check),

		CASE(memblock_is_memory_check),
		CASE(memblock_is_region_memory_check),
		CASE(memblock_is_reserved_check),
		CASE(memblock_is_region_reserved_check),
		CASE(memblock_dram_bounds_check),
		CASE(memblock_sizes_check),
		CASE(memblock_dump_all_check),

		CASE(grow_memory_check),
		CASE(grow_reserved_check),
		{ "grow_reserved_avoids_new_area_top_down_check", grow_reserved_avoids_new_area_check,
		  reset_setup, NULL, &dir_top_down },
		{ "grow_reserved_avoids_new_area_bottom_up_check", grow_reserved_avoids_new_area_check,
		  reset_setup, NULL, &dir_bottom_up },
		CASE(grow_on_isolate_check),
		CASE(grow_memory_twice_with_reserved_full_check),
		CASE(grow_reserved_recounts_after_doubling_check),
		CASE(grow_not_allowed_check),
		CASE(grow_no_space_check),

		CASE(flags_hotplug_check),
		CASE(flags_nomap_check),
		CASE(flags_merge_check),
		CASE(add_node_check),
		CASE(nomap_not_allocated_check),
		CASE(mirror_alloc_check),

		CASE(trim_aligned_check),
		CASE(trim_unaligned_check),
		CASE(trim_too_small_check),
		CASE(trim_all_check),

		CASE(empty_memory_check),
		CASE(empty_reserved_check),
		CASE(overlaps_region_check),

		CASE(memblock_random_check),
	};
	int ret = cmocka_run_group_tests_name("memblock", tests, group_setup, NULL);

	free(phys_mem);
	return ret;
}
