// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of kernel/e820.c: e820__update_table() (sort, clip,
 * resolve overlaps, merge), the RAM accounting helpers and the type
 * names. Besides hand-made cases, a randomised test checks the result
 * against a reference model: at every address, the output type must be
 * the highest type of the input entries covering it. Its seed is printed
 * and can be replayed with E820_SEED=<seed>.
 *
 * Linux counterpart: arch/x86/kernel/e820.c (e820__update_table); the
 * test pattern is tools/testing/memblock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <asm/e820.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define MAX_PHYS_L4 (1ULL << 46)

#define RAM E820_TYPE_RAM
#define RES E820_TYPE_RESERVED
#define ACPI E820_TYPE_ACPI
#define NVS E820_TYPE_NVS

static struct e820_table table;
static struct e820_sanitize_stats st;

static void set_table(struct e820_table *t, const struct e820_entry *e, int n)
{
	memset(t, 0, sizeof(*t));
	if (n)
		memcpy(t->entries, e, n * sizeof(*e));
	t->nr_entries = n;
}

static void dump_table(const char *what, const struct e820_table *t)
{
	print_message("%s (%u entries):\n", what, t->nr_entries);
	for (u32 i = 0; i < t->nr_entries && i < E820_MAX_ENTRIES; i++)
		print_message("  [%#018llx + %#llx) type %u\n",
			      (unsigned long long)t->entries[i].addr,
			      (unsigned long long)t->entries[i].size, t->entries[i].type);
}

/*
 * What every result must satisfy: sorted, no zero sizes, no wrap-around,
 * below max_phys, no overlaps, and no two touching entries of one type.
 * Returns NULL or what is wrong.
 */
static const char *invariant_problem(const struct e820_table *t, u64 max_phys)
{
	if (t->nr_entries > E820_MAX_ENTRIES)
		return "too many entries";
	for (u32 i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		u64 end = e->addr + e->size;

		if (!e->size)
			return "zero-sized entry";
		if (!e->type)
			return "entry of type 0";
		if (end < e->addr)
			return "entry wraps around";
		if (end > max_phys)
			return "entry above max_phys";
		if (i == 0)
			continue;
		if (e->addr < e[-1].addr)
			return "not sorted";
		if (e->addr < e[-1].addr + e[-1].size)
			return "entries overlap";
		if (e->addr == e[-1].addr + e[-1].size && e->type == e[-1].type)
			return "touching entries of one type not merged";
	}
	return NULL;
}

static void check_invariants(const struct e820_table *t, u64 max_phys)
{
	const char *why = invariant_problem(t, max_phys);

	if (why) {
		dump_table("result", t);
		fail_msg("invariant broken: %s", why);
	}
}

/* Run the update and compare with the expected table. */
static void update_and_expect(const struct e820_entry *in, int n, u64 max_phys,
			      const struct e820_entry *want, int nwant)
{
	int ret;

	set_table(&table, in, n);
	ret = e820__update_table(&table, max_phys, &st);
	check_invariants(&table, max_phys);
	assert_int_equal(ret, table.nr_entries);
	if ((int)table.nr_entries != nwant)
		goto bad;
	for (int i = 0; i < nwant; i++)
		if (table.entries[i].addr != want[i].addr ||
		    table.entries[i].size != want[i].size ||
		    table.entries[i].type != want[i].type)
			goto bad;
	return;
bad:
	dump_table("got", &table);
	set_table(&table, want, nwant);
	dump_table("want", &table);
	fail_msg("e820__update_table gave the wrong table");
}

#define EXPECT(in, max_phys, want) \
	update_and_expect(in, ARRAY_SIZE(in), max_phys, want, ARRAY_SIZE(want))

/* What QEMU's SeaBIOS reports for 128 MiB: already clean. */
static const struct e820_entry qemu_map[] = {
	{ 0x0, 0x9fc00, RAM },
	{ 0x9fc00, 0x400, RES },
	{ 0xf0000, 0x10000, RES },
	{ 0x100000, 0x7ee0000, RAM },
	{ 0x7fe0000, 0x20000, RES },
	{ 0xfeffc000, 0x4000, RES },
	{ 0xfffc0000, 0x40000, RES },
};

static void test_clean_unchanged(void **state)
{
	EXPECT(qemu_map, MAX_PHYS_L4, qemu_map);
	assert_int_equal(st.dropped_empty + st.clipped + st.dropped_high, 0);
	assert_int_equal(st.overlaps, 0);
	assert_int_equal(st.merged, 0);
}

static void test_empty(void **state)
{
	set_table(&table, NULL, 0);
	assert_int_equal(e820__update_table(&table, MAX_PHYS_L4, &st), 0);
	assert_int_equal(table.nr_entries, 0);
	/* The stats argument is optional. */
	set_table(&table, qemu_map, ARRAY_SIZE(qemu_map));
	assert_int_equal(e820__update_table(&table, MAX_PHYS_L4, NULL),
			 ARRAY_SIZE(qemu_map));
}

static void test_unsorted(void **state)
{
	static const struct e820_entry in[] = {
		{ 0xfffc0000, 0x40000, RES },
		{ 0x100000, 0x7ee0000, RAM },
		{ 0x0, 0x9fc00, RAM },
		{ 0x7fe0000, 0x20000, RES },
		{ 0xf0000, 0x10000, RES },
		{ 0xfeffc000, 0x4000, RES },
		{ 0x9fc00, 0x400, RES },
	};

	EXPECT(in, MAX_PHYS_L4, qemu_map);
	assert_int_equal(st.overlaps, 0);
}

static void test_merge_adjacent(void **state)
{
	static const struct e820_entry in[] = {
		{ 0x200000, 0x100000, RAM },
		{ 0x0, 0x100000, RAM },
		{ 0x100000, 0x100000, RAM },
		{ 0x300000, 0x100000, RES },	/* touching, other type: kept apart */
		{ 0x500000, 0x100000, RES },	/* same type, gap: kept apart */
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x300000, RAM },
		{ 0x300000, 0x100000, RES },
		{ 0x500000, 0x100000, RES },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.merged, 2);
	assert_int_equal(st.overlaps, 0);
}

static void test_overlap_reserved_wins(void **state)
{
	/* Reserved punched into the middle of usable RAM. */
	static const struct e820_entry in[] = {
		{ 0x0, 0x1000000, RAM },
		{ 0x400000, 0x400000, RES },
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x400000, RAM },
		{ 0x400000, 0x400000, RES },
		{ 0x800000, 0x800000, RAM },
	};
	/* Partial overlap, listed reserved first: order must not matter. */
	static const struct e820_entry in2[] = {
		{ 0x600000, 0x400000, RES },
		{ 0x0, 0x800000, RAM },
	};
	static const struct e820_entry want2[] = {
		{ 0x0, 0x600000, RAM },
		{ 0x600000, 0x400000, RES },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.overlaps, 1);
	/* No byte of the reserved range is left usable. */
	assert_true(e820__total_ram(&table) == 0xc00000);

	EXPECT(in2, MAX_PHYS_L4, want2);
	assert_int_equal(st.overlaps, 1);
}

static void test_overlap_higher_type_wins(void **state)
{
	static const struct e820_entry in[] = {
		{ 0x0, 0x10000, RES },
		{ 0x8000, 0x10000, ACPI },
		{ 0xc000, 0x1000, NVS },
		{ 0x0, 0x100000, RAM },
		{ 0x20000, 0x1000, 12 },	/* a type we do not know: still wins */
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x8000, RES },
		{ 0x8000, 0x4000, ACPI },
		{ 0xc000, 0x1000, NVS },
		{ 0xd000, 0xb000, ACPI },
		{ 0x18000, 0x8000, RAM },
		{ 0x20000, 0x1000, 12 },
		{ 0x21000, 0xdf000, RAM },
	};

	EXPECT(in, MAX_PHYS_L4, want);
}

static void test_contained(void **state)
{
	/* Same type inside: swallowed. Identical duplicates: one entry. */
	static const struct e820_entry in[] = {
		{ 0x0, 0x1000000, RAM },
		{ 0x200000, 0x1000, RAM },
		{ 0x2000000, 0x1000, RES },
		{ 0x2000000, 0x1000, RES },
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x1000000, RAM },
		{ 0x2000000, 0x1000, RES },
	};
	/* Lower type inside a higher one: no trace of it. */
	static const struct e820_entry in2[] = {
		{ 0x100000, 0x100000, RES },
		{ 0x180000, 0x1000, RAM },
	};
	static const struct e820_entry want2[] = {
		{ 0x100000, 0x100000, RES },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.overlaps, 2);
	EXPECT(in2, MAX_PHYS_L4, want2);
	assert_true(e820__total_ram(&table) == 0);
}

static void test_zero_length(void **state)
{
	static const struct e820_entry in[] = {
		{ 0x0, 0x1000, RAM },
		{ 0x5000, 0, RES },
		{ 0x1000, 0, RES },	/* between two RAM entries: must not split them */
		{ 0x1000, 0x1000, RAM },
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x2000, RAM },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.dropped_empty, 2);
}

static void test_max_phys(void **state)
{
	static const struct e820_entry in[] = {
		{ 0x0, 0x100000, RAM },
		{ MAX_PHYS_L4, 0x1000, RAM },		/* starts at the limit */
		{ MAX_PHYS_L4 + SZ_1G, SZ_1G, RES },	/* far above */
		{ MAX_PHYS_L4 - SZ_1G, 2 * SZ_1G, RAM },	/* crosses it */
	};
	static const struct e820_entry want[] = {
		{ 0x0, 0x100000, RAM },
		{ MAX_PHYS_L4 - SZ_1G, SZ_1G, RAM },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.dropped_high, 2);
	assert_int_equal(st.clipped, 1);
}

static void test_overflow(void **state)
{
	/* addr + size wraps past 2^64: clipped, never a tiny or huge entry. */
	static const struct e820_entry in[] = {
		{ 0x100000, ~0ULL, RES },
	};
	static const struct e820_entry want[] = {
		{ 0x100000, MAX_PHYS_L4 - 0x100000, RES },
	};
	static const struct e820_entry in2[] = {
		{ 0xffffffff00000000ULL, 0x200000000ULL, RAM },
		{ 0x0, 0x1000, RAM },
	};
	static const struct e820_entry want2[] = {
		{ 0x0, 0x1000, RAM },
		{ 0xffffffff00000000ULL, 0xffffffffULL, RAM },
	};

	EXPECT(in, MAX_PHYS_L4, want);
	assert_int_equal(st.clipped, 1);
	/* Without a limit below 2^64 the clip is at the top of the space. */
	EXPECT(in2, ~0ULL, want2);
	assert_int_equal(st.clipped, 1);
}

static void test_full_table(void **state)
{
	static struct e820_entry in[E820_MAX_ENTRIES];

	/* 128 alternating entries, listed backwards: all kept, sorted. */
	for (int i = 0; i < E820_MAX_ENTRIES; i++)
		in[E820_MAX_ENTRIES - 1 - i] = (struct e820_entry){
			(u64)i * SZ_2M, SZ_1M, i % 2 ? RES : RAM };
	set_table(&table, in, E820_MAX_ENTRIES);
	assert_int_equal(e820__update_table(&table, MAX_PHYS_L4, &st), E820_MAX_ENTRIES);
	check_invariants(&table, MAX_PHYS_L4);
	assert_true(table.entries[5].addr == 5 * SZ_2M);
	assert_int_equal(table.entries[5].type, RES);

	/* A corrupt count is capped at the table size, not trusted. */
	set_table(&table, in, E820_MAX_ENTRIES);
	table.nr_entries = 1000;
	assert_int_equal(e820__update_table(&table, MAX_PHYS_L4, &st), E820_MAX_ENTRIES);
	check_invariants(&table, MAX_PHYS_L4);
}

static void test_end_of_ram_pfn(void **state)
{
	static const struct e820_entry map[] = {
		{ 0x0, 0x9fc00, RAM },		/* ends mid-page: partial page not counted */
		{ 0x100000, 0x7ee0000, RAM },
		{ 0xfffc0000, 0x40000, RES },	/* not RAM: ignored */
	};

	set_table(&table, map, 1);
	assert_int_equal(e820__end_of_ram_pfn(&table), 0x9f);
	set_table(&table, map, ARRAY_SIZE(map));
	assert_int_equal(e820__end_of_ram_pfn(&table), 0x7fe0);
	set_table(&table, map + 2, 1);
	assert_int_equal(e820__end_of_ram_pfn(&table), 0);
	set_table(&table, NULL, 0);
	assert_int_equal(e820__end_of_ram_pfn(&table), 0);
}

static void test_total_ram(void **state)
{
	set_table(&table, qemu_map, ARRAY_SIZE(qemu_map));
	assert_int_equal(e820__total_ram(&table), 0x9fc00 + 0x7ee0000);
	set_table(&table, qemu_map + 1, 2);
	assert_int_equal(e820__total_ram(&table), 0);
}

static void test_type_name(void **state)
{
	assert_string_equal(e820_type_name(E820_TYPE_RAM), "usable");
	assert_string_equal(e820_type_name(E820_TYPE_RESERVED), "reserved");
	assert_string_equal(e820_type_name(E820_TYPE_ACPI), "ACPI data");
	assert_string_equal(e820_type_name(E820_TYPE_NVS), "ACPI NVS");
	assert_string_equal(e820_type_name(E820_TYPE_UNUSABLE), "unusable");
	assert_string_equal(e820_type_name(E820_TYPE_PMEM), "persistent");
	assert_string_equal(e820_type_name(0), "unknown");
	assert_string_equal(e820_type_name(6), "unknown");
	assert_string_equal(e820_type_name(0xffffffff), "unknown");
}

/* ---- randomised, against a reference model ---------------------------- */

static u64 rng_state;

static u64 rng(void)		/* splitmix64: same sequence on every host */
{
	u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 rng_below(u64 n)
{
	return rng() % n;
}

static const u32 random_types[] = { RAM, RAM, RAM, RES, RES, ACPI, NVS,
				    E820_TYPE_UNUSABLE, E820_TYPE_PMEM, 20 };

static u64 random_max_phys(void)
{
	switch (rng_below(4)) {
	case 0:
		return 0x30000 + rng_below(4) * 0x800;	/* cuts through the entries */
	case 1:
		return ~0ULL;
	default:
		return MAX_PHYS_L4;
	}
}

static struct e820_entry random_entry(u64 max_phys)
{
	struct e820_entry e;

	/* Mostly on a small grid, so that entries overlap and touch a lot. */
	e.addr = rng_below(64) * 0x1000 + (rng_below(8) ? 0 : rng_below(4) * 0x400);
	e.size = rng_below(12) * 0x1000 + (rng_below(8) ? 0 : rng_below(4) * 0x400);
	e.type = random_types[rng_below(ARRAY_SIZE(random_types))];
	switch (rng_below(20)) {
	case 0:		/* at or beyond the limit */
		e.addr = max_phys - rng_below(2) * 0x1000;
		break;
	case 1:		/* wraps past 2^64 */
		e.size = ~0ULL - rng_below(0x1000);
		break;
	case 2:		/* near the top of the address space */
		e.addr = ~0ULL - rng_below(4) * 0x1000 - 0xfff;
		break;
	}
	return e;
}

/* Where an input entry ends after clipping (0 if it is dropped). */
static u64 model_end(const struct e820_entry *e, u64 max_phys)
{
	u64 end = e->addr + e->size;

	if (!e->size || e->addr >= max_phys)
		return 0;
	if (end < e->addr || end > max_phys)
		return max_phys;
	return end;
}

/* The reference: the highest type of the input entries covering addr. */
static u32 model_type(const struct e820_entry *in, int n, u64 max_phys, u64 addr)
{
	u32 type = 0;

	for (int i = 0; i < n; i++)
		if (addr >= in[i].addr && addr < model_end(&in[i], max_phys) &&
		    in[i].type > type)
			type = in[i].type;
	return type;
}

static u32 table_type(const struct e820_table *t, u64 addr)
{
	for (u32 i = 0; i < t->nr_entries; i++)
		if (addr >= t->entries[i].addr &&
		    addr - t->entries[i].addr < t->entries[i].size)
			return t->entries[i].type;
	return 0;
}

/*
 * Both the input's and the output's type are constant between
 * consecutive boundary points of either, so comparing them at every such
 * point compares them at every byte.
 */
static const char *compare_with_model(const struct e820_entry *in, int n, u64 max_phys,
				      const struct e820_table *out, u64 *where)
{
	u64 pts[4 * E820_MAX_ENTRIES + 1];
	int np = 0;

	pts[np++] = 0;
	for (int i = 0; i < n; i++) {
		pts[np++] = in[i].addr;
		pts[np++] = model_end(&in[i], max_phys);
	}
	for (u32 i = 0; i < out->nr_entries; i++) {
		pts[np++] = out->entries[i].addr;
		pts[np++] = out->entries[i].addr + out->entries[i].size;
	}
	for (int i = 0; i < np; i++) {
		if (pts[i] >= max_phys)
			continue;
		if (table_type(out, pts[i]) != model_type(in, n, max_phys, pts[i])) {
			*where = pts[i];
			return "type differs from the reference model";
		}
	}
	return NULL;
}

static void test_random(void **state)
{
	const char *env = getenv("E820_SEED");
	u64 seed = env ? strtoull(env, NULL, 0) : (u64)time(NULL) ^ ((u64)clock() << 32);
	static struct e820_entry in[40];
	static struct e820_table orig;
	int iterations = 2000;

	print_message("e820 random seed %llu (replay: E820_SEED=%llu)\n",
		      (unsigned long long)seed, (unsigned long long)seed);
	rng_state = seed;

	for (int iter = 0; iter < iterations; iter++) {
		/* At most 40 entries: the result then always fits (< 2n pieces). */
		int n = rng_below(ARRAY_SIZE(in) + 1);
		u64 max_phys = random_max_phys(), where = 0;
		unsigned int empty = 0, high = 0, clipped = 0;
		const char *why;

		for (int i = 0; i < n; i++) {
			in[i] = random_entry(max_phys);
			if (!in[i].size)
				empty++;
			else if (in[i].addr >= max_phys)
				high++;
			else if (model_end(&in[i], max_phys) != in[i].addr + in[i].size)
				clipped++;
		}
		set_table(&orig, in, n);
		set_table(&table, in, n);
		e820__update_table(&table, max_phys, &st);

		why = invariant_problem(&table, max_phys);
		if (!why)
			why = compare_with_model(in, n, max_phys, &table, &where);
		if (!why && (st.dropped_empty != empty || st.dropped_high != high ||
			     st.clipped != clipped))
			why = "statistics differ from the input";
		if (why) {
			dump_table("input", &orig);
			dump_table("output", &table);
			fail_msg("seed %llu iteration %d, max_phys %#llx: %s (at %#llx)",
				 (unsigned long long)seed, iter,
				 (unsigned long long)max_phys, why,
				 (unsigned long long)where);
		}

		/* Idempotent: a clean table goes through unchanged. */
		orig = table;
		e820__update_table(&table, max_phys, &st);
		if (memcmp(&orig, &table, sizeof(table)) || st.overlaps || st.merged) {
			dump_table("first pass", &orig);
			dump_table("second pass", &table);
			fail_msg("seed %llu iteration %d: second pass changed the table",
				 (unsigned long long)seed, iter);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_unchanged),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_unsorted),
		cmocka_unit_test(test_merge_adjacent),
		cmocka_unit_test(test_overlap_reserved_wins),
		cmocka_unit_test(test_overlap_higher_type_wins),
		cmocka_unit_test(test_contained),
		cmocka_unit_test(test_zero_length),
		cmocka_unit_test(test_max_phys),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_full_table),
		cmocka_unit_test(test_end_of_ram_pfn),
		cmocka_unit_test(test_total_ram),
		cmocka_unit_test(test_type_name),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests_name("e820", tests, NULL, NULL);
}
