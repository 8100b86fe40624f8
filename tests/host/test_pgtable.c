// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/pgtable.c and the helpers of asm/pgtable.h:
 * index arithmetic, run-time p4d folding and canonical addresses for 4-
 * and 5-level paging; then real page tables are built in page-aligned
 * host memory (on the host __va(x) == x) and walked with
 * pt_walk_address() and lookup_address_in_pgd(), in both modes.
 *
 * The tables are built and read back here by an independent walker (our
 * own shifts, not the kernel's helpers), which is the reference the
 * kernel's walk is compared with.
 *
 * Linux counterparts: lookup_address_in_pgd() in
 * arch/x86/mm/pat/set_memory.c and dump_pagetable() in
 * arch/x86/mm/fault.c; the test pattern is tools/testing/memblock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <asm/pgtable.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* mm/pgtable.c's pgd_alloc() copies the kernel half of this (mm/init_64.c in the kernel). */
pgd_t *init_top_pgt;

/* Indexes into pt_walk.entry[]. */
enum { L_PGD, L_P4D, L_PUD, L_PMD, L_PTE };

/* How a user page table points to the next level (Linux: _PAGE_TABLE). */
#define TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED)
#define _PAGE_PAT_LARGE (1UL << 12)	/* PAT bit of a 2M/1G leaf, not address */

/* ---- index arithmetic, folding, canonical addresses -------------------- */

struct index_case {
	unsigned long addr;
	unsigned long pgd, p4d, pud, pmd, pte;
};

static void check_indexes(const struct index_case *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned long a = c[i].addr;

		if (pgd_index(a) != c[i].pgd || p4d_index(a) != c[i].p4d ||
		    pud_index(a) != c[i].pud || pmd_index(a) != c[i].pmd ||
		    pte_index(a) != c[i].pte)
			fail_msg("%#lx: indexes %lu/%lu/%lu/%lu/%lu, want %lu/%lu/%lu/%lu/%lu",
				 a, pgd_index(a), p4d_index(a), pud_index(a),
				 pmd_index(a), pte_index(a), c[i].pgd, c[i].p4d,
				 c[i].pud, c[i].pmd, c[i].pte);
	}
}

static void test_index_l4(void **state)
{
	static const struct index_case cases[] = {
		{ 0xffffffff80000000UL, 511, 0, 510, 0, 0 },	/* kernel image */
		{ 0xffffffff80123456UL, 511, 0, 510, 0, 0x123 },
		{ 0xffff888000000000UL, 273, 0, 0, 0, 0 },	/* direct map */
		{ 0xffff888040201000UL, 273, 0, 1, 1, 1 },
		{ 0x00007fffffffffffUL, 255, 0, 511, 511, 511 },	/* top of user */
		{ 0x0000000000000000UL, 0, 0, 0, 0, 0 },
	};

	host_set_paging_levels(4);
	check_indexes(cases, ARRAY_SIZE(cases));
	/* Both direct-map bases are in pgd slot 273 of their own mode. */
	assert_int_equal(pgd_index(__PAGE_OFFSET_BASE_L4), 273);
}

static void test_index_l5(void **state)
{
	static const struct index_case cases[] = {
		{ 0xffffffff80000000UL, 511, 511, 510, 0, 0 },
		{ 0xffff888000000000UL, 511, 273, 0, 0, 0 },	/* 4-level's direct map */
		{ 0xff11000000000000UL, 273, 0, 0, 0, 0 },	/* 5-level's direct map */
		{ 0x00007fffffffffffUL, 0, 255, 511, 511, 511 },
		{ 0x00ffffffffffffffUL, 255, 511, 511, 511, 511 },	/* top of user */
		{ 0x0000000000000000UL, 0, 0, 0, 0, 0 },
	};

	host_set_paging_levels(5);
	check_indexes(cases, ARRAY_SIZE(cases));
	assert_int_equal(pgd_index(__PAGE_OFFSET_BASE_L5), 273);
	host_set_paging_levels(4);
}

static void test_p4d_folding(void **state)
{
	pgd_t *pgd = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	p4d_t *p4d = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	unsigned long a = 0xffff888000000000UL;

	assert_non_null(pgd);
	assert_non_null(p4d);
	memset(pgd, 0, PAGE_SIZE);
	memset(p4d, 0, PAGE_SIZE);

	/* 4 levels: the pgd entry is the p4d entry, whatever it holds. */
	host_set_paging_levels(4);
	assert_int_equal(PTRS_PER_P4D, 1);
	assert_true(PGDIR_SIZE == 512UL << 30);
	assert_ptr_equal(p4d_offset(pgd + 273, a), (p4d_t *)(pgd + 273));
	pgd[511] = __pgd((unsigned long)p4d | TABLE);
	assert_ptr_equal(p4d_offset(pgd + 511, a), (p4d_t *)(pgd + 511));
	assert_ptr_equal(pgd_offset_pgd(pgd, a), pgd + 273);

	/* 5 levels: the p4d is the table the pgd entry points to. */
	host_set_paging_levels(5);
	assert_int_equal(PTRS_PER_P4D, 512);
	assert_true(PGDIR_SIZE == 1UL << 48);
	assert_ptr_equal(pgd_offset_pgd(pgd, a), pgd + 511);
	assert_ptr_equal(p4d_offset(pgd + 511, a), p4d + 273);

	host_set_paging_levels(4);
	free(pgd);
	free(p4d);
}

static void test_canonical_l4(void **state)
{
	host_set_paging_levels(4);
	assert_true(__is_canonical_address(0));
	assert_true(__is_canonical_address(0x00007fffffffffffUL));
	assert_true(__is_canonical_address(0xffff800000000000UL));
	assert_true(__is_canonical_address(0xffff888000000000UL));
	assert_true(__is_canonical_address(0xffffffff80000000UL));
	assert_true(__is_canonical_address(~0UL));
	assert_false(__is_canonical_address(0x0000800000000000UL));
	assert_false(__is_canonical_address(0xffff7fffffffffffUL));
	assert_false(__is_canonical_address(0x8000000000000000UL));
	/* Fine with 5 levels, not with 4. */
	assert_false(__is_canonical_address(0xff11000000000000UL));
	assert_false(__is_canonical_address(0x00ffffffffffffffUL));
}

static void test_canonical_l5(void **state)
{
	host_set_paging_levels(5);
	assert_true(__is_canonical_address(0));
	assert_true(__is_canonical_address(0x00007fffffffffffUL));
	assert_true(__is_canonical_address(0x0000800000000000UL));
	assert_true(__is_canonical_address(0x00ffffffffffffffUL));
	assert_true(__is_canonical_address(0xff00000000000000UL));
	assert_true(__is_canonical_address(0xff11000000000000UL));
	assert_true(__is_canonical_address(0xffff888000000000UL));
	assert_true(__is_canonical_address(~0UL));
	assert_false(__is_canonical_address(0x0100000000000000UL));
	assert_false(__is_canonical_address(0xfeffffffffffffffUL));
	assert_false(__is_canonical_address(0x8000000000000000UL));
	host_set_paging_levels(4);
}

/* ---- page tables in host memory ---------------------------------------- */

struct pt {
	int levels;
	pteval_t *pgd;
	void *pages[64];
	int nr_pages;
};

static pteval_t *pt_page(struct pt *pt)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_SIZE);

	assert_non_null(p);
	assert_true(pt->nr_pages < (int)ARRAY_SIZE(pt->pages));
	assert_true(((unsigned long)p & ~PTE_PFN_MASK) == 0);
	memset(p, 0, PAGE_SIZE);
	pt->pages[pt->nr_pages++] = p;
	return p;
}

/* Our own view of the levels: which entry[] slots exist, at what shift. */
static unsigned int shift_of(const struct pt *pt, int idx)
{
	static const unsigned int shifts[] = { 48, 39, 30, 21, 12 };

	return idx == L_PGD && pt->levels == 4 ? 39 : shifts[idx];
}

static int next_level(const struct pt *pt, int idx)
{
	return idx == L_PGD && pt->levels == 4 ? L_PUD : idx + 1;
}

static pteval_t *table_at(pteval_t e)
{
	return (pteval_t *)(unsigned long)(e & PTE_PFN_MASK);
}

/*
 * The entry at level idx on addr's path, making the tables above it as
 * needed. With 4 levels, L_P4D names the pgd entry (the folded level).
 */
static pteval_t *pt_entry(struct pt *pt, unsigned long addr, int idx)
{
	pteval_t *table = pt->pgd;
	int i = L_PGD;

	if (pt->levels == 4 && idx == L_P4D)
		idx = L_PGD;
	for (;;) {
		pteval_t *e = &table[(addr >> shift_of(pt, i)) & 511];

		if (i == idx)
			return e;
		if (!(*e & PTE_PFN_MASK))
			*e = (pteval_t)(unsigned long)pt_page(pt) | TABLE;
		table = table_at(*e);
		i = next_level(pt, i);
	}
}

/* Reference walk: the entries on addr's path; returns the last index read. */
static int ref_walk(struct pt *pt, unsigned long addr, pteval_t vals[5])
{
	pteval_t *table = pt->pgd;
	int i = L_PGD;

	memset(vals, 0, 5 * sizeof(vals[0]));
	for (;;) {
		pteval_t e = table[(addr >> shift_of(pt, i)) & 511];

		vals[i] = e;
		if (!(e & _PAGE_PRESENT) || i == L_PTE ||
		    ((i == L_PUD || i == L_PMD) && (e & _PAGE_PSE)))
			return i;
		table = table_at(e);
		i = next_level(pt, i);
	}
}

static void map_4k(struct pt *pt, unsigned long va, u64 pa, pteval_t prot)
{
	*pt_entry(pt, va, L_PTE) = pa | prot;
}

static void map_2m(struct pt *pt, unsigned long va, u64 pa, pteval_t prot)
{
	*pt_entry(pt, va, L_PMD) = pa | prot | _PAGE_PSE;
}

static void map_1g(struct pt *pt, unsigned long va, u64 pa, pteval_t prot)
{
	*pt_entry(pt, va, L_PUD) = pa | prot | _PAGE_PSE;
}

static int setup_levels(void **state, int levels)
{
	struct pt *pt = calloc(1, sizeof(*pt));

	if (!pt)
		return -1;
	host_set_paging_levels(levels);
	pt->levels = levels;
	pt->pgd = pt_page(pt);
	*state = pt;
	return 0;
}

static int setup_l4(void **state)
{
	return setup_levels(state, 4);
}

static int setup_l5(void **state)
{
	return setup_levels(state, 5);
}

static int teardown_pt(void **state)
{
	struct pt *pt = *state;

	for (int i = 0; i < pt->nr_pages; i++)
		free(pt->pages[i]);
	free(pt);
	host_set_paging_levels(4);
	return 0;
}

/* Walk addr and check levels/last/entry[] against the reference walker. */
static void walk(struct pt *pt, unsigned long addr, struct pt_walk *w)
{
	pteval_t vals[5];
	int last = ref_walk(pt, addr, vals);

	memset(w, 0x5a, sizeof(*w));
	pt_walk_address((pgd_t *)pt->pgd, addr, w);
	assert_int_equal(w->levels, pt->levels);
	if (w->last != last)
		fail_msg("%#lx: last %d, want %d", addr, w->last, last);
	for (int i = 0; i < 5; i++)
		if (w->entry[i] != vals[i])
			fail_msg("%#lx: entry[%d] = %#llx, want %#llx", addr, i,
				 (unsigned long long)w->entry[i],
				 (unsigned long long)vals[i]);
	/* The folded level is never reported as a level of its own. */
	if (pt->levels == 4) {
		assert_int_equal(w->entry[L_P4D], 0);
		assert_int_not_equal(w->last, L_P4D);
	}
	if (!w->present) {
		assert_int_equal(w->level, PG_LEVEL_NONE);
		assert_false(w->writable || w->executable || w->user);
	}
}

static unsigned long kva(struct pt *pt, unsigned long off)
{
	return (pt->levels == 5 ? __PAGE_OFFSET_BASE_L5 : __PAGE_OFFSET_BASE_L4) + off;
}

static void test_walk_4k(void **state)
{
	struct pt *pt = *state;
	unsigned long va = 0xffffffff80123000UL;
	struct pt_walk w;
	unsigned int level;
	pte_t *pte;

	map_4k(pt, va, 0x1234000, __PAGE_KERNEL);
	map_4k(pt, va + PAGE_SIZE, 0x5678000, __PAGE_KERNEL_RX);

	walk(pt, va + 0x456, &w);
	assert_true(w.present);
	assert_int_equal(w.level, PG_LEVEL_4K);
	assert_int_equal(w.last, L_PTE);
	assert_int_equal(w.phys, 0x1234456);
	assert_true(w.writable);
	assert_false(w.executable);	/* __PAGE_KERNEL has NX */
	assert_false(w.user);
	assert_int_equal(w.entry[L_PTE], 0x1234000 | __PAGE_KERNEL);

	/* The neighbour shares the tables, not the page or its rights. */
	walk(pt, va + PAGE_SIZE + 0xfff, &w);
	assert_true(w.present);
	assert_int_equal(w.phys, 0x5678fff);
	assert_false(w.writable);
	assert_true(w.executable);

	pte = lookup_address_in_pgd((pgd_t *)pt->pgd, va + 0x456, &level);
	assert_ptr_equal(pte, pt_entry(pt, va, L_PTE));
	assert_int_equal(level, PG_LEVEL_4K);
	assert_true(pte_present(*pte));
	assert_int_equal(pte_pfn(*pte), 0x1234);
}

static void test_walk_2m(void **state)
{
	struct pt *pt = *state;
	unsigned long va = kva(pt, 0x40200000);
	struct pt_walk w;
	unsigned int level;
	pte_t *e;

	map_2m(pt, va, 0x40200000, __PAGE_KERNEL);
	/* Bit 12 of a large leaf is PAT, not part of the address. */
	map_2m(pt, va + PMD_SIZE, 0x40400000, __PAGE_KERNEL | _PAGE_PAT_LARGE);

	walk(pt, va + 0x12345, &w);
	assert_true(w.present);
	assert_int_equal(w.level, PG_LEVEL_2M);
	assert_int_equal(w.last, L_PMD);
	assert_int_equal(w.phys, 0x40212345);
	assert_int_equal(w.entry[L_PTE], 0);
	assert_true(w.writable);
	assert_false(w.executable);

	walk(pt, va + PMD_SIZE + 0x12345, &w);
	assert_true(w.present);
	assert_int_equal(w.phys, 0x40412345);
	walk(pt, va + PMD_SIZE + 0x1fffff, &w);
	assert_int_equal(w.phys, 0x405fffff);

	e = lookup_address_in_pgd((pgd_t *)pt->pgd, va + 0x12345, &level);
	assert_ptr_equal(e, pt_entry(pt, va, L_PMD));
	assert_int_equal(level, PG_LEVEL_2M);
}

static void test_walk_1g(void **state)
{
	struct pt *pt = *state;
	unsigned long va = kva(pt, 0x80000000UL);
	struct pt_walk w;
	unsigned int level;
	pte_t *e;

	map_1g(pt, va, 0x80000000UL, __PAGE_KERNEL | _PAGE_PAT_LARGE);
	walk(pt, va + 0x3fedcba9, &w);
	assert_true(w.present);
	assert_int_equal(w.level, PG_LEVEL_1G);
	assert_int_equal(w.last, L_PUD);
	assert_int_equal(w.phys, 0xbfedcba9UL);
	assert_int_equal(w.entry[L_PMD], 0);
	assert_int_equal(w.entry[L_PTE], 0);

	e = lookup_address_in_pgd((pgd_t *)pt->pgd, va + 0x3fedcba9, &level);
	assert_ptr_equal(e, pt_entry(pt, va, L_PUD));
	assert_int_equal(level, PG_LEVEL_1G);

	/* A physical address above 4 GiB keeps its high bits. */
	map_1g(pt, va + PUD_SIZE, 0xfffc0000000UL, __PAGE_KERNEL);
	walk(pt, va + PUD_SIZE + 0x123, &w);
	assert_int_equal(w.phys, 0xfffc0000123UL);
}

/* The levels that exist in this mode, top down, with lookup's level names. */
static int levels_of(const struct pt *pt, int idx[5], enum pg_level lvl[5])
{
	static const int l5[] = { L_PGD, L_P4D, L_PUD, L_PMD, L_PTE };
	static const int l4[] = { L_PGD, L_PUD, L_PMD, L_PTE };
	static const enum pg_level names[] = { PG_LEVEL_256T, PG_LEVEL_512G,
					       PG_LEVEL_1G, PG_LEVEL_2M, PG_LEVEL_4K };
	int n = pt->levels;

	for (int i = 0; i < n; i++) {
		idx[i] = pt->levels == 5 ? l5[i] : l4[i];
		lvl[i] = names[idx[i]];
	}
	return n;
}

/*
 * A 4K mapping, then the entry at one level made not present, either
 * cleared to 0 or with only _PAGE_PRESENT cleared (the address left in
 * it): the walk stops there and lookup does not look below it.
 */
static void test_not_present(void **state, bool keep_address)
{
	struct pt *pt = *state;
	int idx[5], n = 0;
	enum pg_level lvl[5];

	n = levels_of(pt, idx, lvl);
	for (int i = 0; i < n; i++) {
		/* A fresh 512 GiB region per level so the cases do not share tables. */
		unsigned long va = 0xffffc00000000000UL + ((unsigned long)i << 39) + 0x7000;
		pteval_t *e, saved;
		struct pt_walk w;
		unsigned int level;
		pte_t *ret;

		if (pt->levels == 5)
			va = 0xff80000000000000UL + ((unsigned long)i << 48) + 0x7000;
		map_4k(pt, va, 0x9000, __PAGE_KERNEL);
		e = pt_entry(pt, va, idx[i]);
		saved = *e;
		*e = keep_address ? saved & ~_PAGE_PRESENT : 0;

		walk(pt, va, &w);
		assert_false(w.present);
		if (w.last != idx[i])
			fail_msg("level %d: walk went on to %d", idx[i], w.last);
		assert_int_equal(w.entry[idx[i]], *e);
		assert_int_equal(w.phys, 0);

		ret = lookup_address_in_pgd((pgd_t *)pt->pgd, va, &level);
		if (ret && pte_present(*ret))
			fail_msg("level %d not present, lookup found a mapping at level %u",
				 idx[i], level);
		if (idx[i] <= L_P4D) {
			/* Nothing mapped this high up: no entry to hand back. */
			assert_null(ret);
			assert_true(level >= PG_LEVEL_512G);
		} else {
			/* The not-present entry itself, at its own level. */
			assert_ptr_equal(ret, e);
			assert_int_equal(level, lvl[i]);
		}
		*e = saved;
		walk(pt, va, &w);
		assert_true(w.present);
	}
}

static void test_not_present_cleared(void **state)
{
	test_not_present(state, false);
}

static void test_not_present_kept_address(void **state)
{
	test_not_present(state, true);
}

static void test_nothing_mapped(void **state)
{
	struct pt *pt = *state;
	struct pt_walk w;
	unsigned int level = 99;

	walk(pt, 0xffffffff80000000UL, &w);
	assert_false(w.present);
	assert_int_equal(w.last, L_PGD);
	assert_int_equal(w.entry[L_PGD], 0);
	assert_null(lookup_address_in_pgd((pgd_t *)pt->pgd, 0xffffffff80000000UL, &level));
	assert_int_equal(level, PG_LEVEL_256T);
}

/* Rights are the AND (RW, USER) / OR (NX) over every level walked. */
static void test_rights_combined(void **state)
{
	struct pt *pt = *state;
	unsigned long va = 0x00007f0000201000UL;
	int idx[5], n = levels_of(pt, idx, (enum pg_level[5]){ 0 });
	struct pt_walk w;

	map_4k(pt, va, 0x3000, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
	walk(pt, va, &w);
	assert_true(w.present && w.writable && w.executable && w.user);

	/* One restrictive upper level is enough (the leaf is tested below). */
	for (int i = 0; i < n - 1; i++) {
		pteval_t *e = pt_entry(pt, va, idx[i]), saved = *e;

		*e = saved & ~_PAGE_RW;
		walk(pt, va, &w);
		if (!w.present || w.writable || !w.executable || !w.user)
			fail_msg("read-only at level %d: P%d W%d X%d U%d", idx[i],
				 w.present, w.writable, w.executable, w.user);

		*e = saved | _PAGE_NX;
		walk(pt, va, &w);
		if (!w.present || !w.writable || w.executable || !w.user)
			fail_msg("NX at level %d: P%d W%d X%d U%d", idx[i],
				 w.present, w.writable, w.executable, w.user);

		*e = saved & ~_PAGE_USER;
		walk(pt, va, &w);
		if (!w.present || !w.writable || !w.executable || w.user)
			fail_msg("supervisor at level %d: P%d W%d X%d U%d", idx[i],
				 w.present, w.writable, w.executable, w.user);
		*e = saved;
	}

	/* The leaf's own bits count too. */
	map_4k(pt, va, 0x3000, _PAGE_PRESENT | _PAGE_USER | _PAGE_NX);
	walk(pt, va, &w);
	assert_true(w.present && w.user);
	assert_false(w.writable || w.executable);
}

static void test_rights_large_leaf(void **state)
{
	struct pt *pt = *state;
	unsigned long va1g = kva(pt, 0x40000000UL), va2m = kva(pt, 0x200000UL);
	struct pt_walk w;

	/* Executable 1G leaf under a read-only, NX pgd entry. */
	map_1g(pt, va1g, 0x40000000UL, __PAGE_KERNEL_RX | _PAGE_RW);
	*pt_entry(pt, va1g, L_PGD) &= ~_PAGE_RW;
	*pt_entry(pt, va1g, L_PGD) |= _PAGE_NX;
	walk(pt, va1g + 5, &w);
	assert_true(w.present);
	assert_int_equal(w.level, PG_LEVEL_1G);
	assert_false(w.writable);
	assert_false(w.executable);

	/* A 2M leaf below a pud entry without USER is kernel-only. */
	map_2m(pt, va2m, 0x200000UL, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER);
	*pt_entry(pt, va2m, L_PGD) |= _PAGE_RW;
	*pt_entry(pt, va2m, L_PGD) &= ~_PAGE_NX;
	*pt_entry(pt, va2m, L_PUD) &= ~_PAGE_USER;
	walk(pt, va2m, &w);
	assert_true(w.present && w.writable && w.executable);
	assert_false(w.user);
}

#define PT_TEST(fn) \
	{ #fn "_l4", fn, setup_l4, teardown_pt, NULL }, \
	{ #fn "_l5", fn, setup_l5, teardown_pt, NULL }

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index_l4),
		cmocka_unit_test(test_index_l5),
		cmocka_unit_test(test_p4d_folding),
		cmocka_unit_test(test_canonical_l4),
		cmocka_unit_test(test_canonical_l5),
		PT_TEST(test_walk_4k),
		PT_TEST(test_walk_2m),
		PT_TEST(test_walk_1g),
		PT_TEST(test_nothing_mapped),
		PT_TEST(test_not_present_cleared),
		PT_TEST(test_not_present_kept_address),
		PT_TEST(test_rights_combined),
		PT_TEST(test_rights_large_leaf),
	};

	return cmocka_run_group_tests_name("pgtable", tests, NULL, NULL);
}
