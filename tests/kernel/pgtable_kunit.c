// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own page tables, checked through the walker on the
 * running kernel: every section of the image has the permissions
 * mm/init_64.c promised, the direct map translates back to the right
 * physical address, the early identity map is gone, and the hardware
 * really refuses a write to kernel text (the fault is caught through
 * the exception table, so the test survives it).
 * Linux checks the same with CONFIG_DEBUG_WX (arch/x86/mm/dump_pagetables.c)
 * and LKDTM's WRITE_KERN/EXEC_DATA.
 *
 * The direct-map builder is also run on a scratch top-level table with
 * two ranges that share a 2 MiB (and a 1 GiB) page once rounded to whole
 * pages: the second range must keep the large page (as Linux's
 * phys_pmd_init does) or split it (split_large_page), never follow the
 * leaf as if it pointed to a table and write page-table entries into the
 * data page behind it. A permission change of one page inside a large
 * page (set_memory_ro() and friends, Linux's __change_page_attr_set_clr)
 * splits it, and only that page changes; the split entries keep the
 * leaf's NX, global and PAT bits (PAT moves from bit 12 to bit 7).
 */
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
extern char boot_stack[], boot_stack_guard[];
extern const char linux_banner[];

static int walk_data_word;		/* lives in .bss */
static int walk_data_init = 42;		/* lives in .data */

static void walk(unsigned long addr, struct pt_walk *w)
{
	pt_walk_address(init_top_pgt, addr, w);
}

static void expect_perms(struct kunit *test, const void *addr, bool w_ok, bool x_ok)
{
	struct pt_walk w;

	walk((unsigned long)addr, &w);
	KUNIT_EXPECT_TRUE(test, w.present);
	KUNIT_EXPECT_EQ(test, w.writable, w_ok);
	KUNIT_EXPECT_EQ(test, w.executable, x_ok);
	KUNIT_EXPECT_FALSE(test, w.user);
	KUNIT_EXPECT_EQ(test, w.phys, __pa_symbol(addr));
}

/* The last byte before a section-end symbol, without pointer arithmetic
 * the compiler would call out of bounds. */
static const void *last_byte(const char *end)
{
	return (const void *)((unsigned long)end - 1);
}

static void kernel_text_rx(struct kunit *test)
{
	expect_perms(test, _text, false, true);
	expect_perms(test, (void *)start_kernel, false, true);
	expect_perms(test, last_byte(_etext), false, true);
}

static void kernel_rodata_ro_nx(struct kunit *test)
{
	expect_perms(test, __start_rodata, false, false);
	expect_perms(test, linux_banner, false, false);
	expect_perms(test, last_byte(__end_rodata), false, false);
}

static void kernel_data_bss_rw_nx(struct kunit *test)
{
	expect_perms(test, &walk_data_init, true, false);
	expect_perms(test, &walk_data_word, true, false);
	expect_perms(test, boot_stack, true, false);
	expect_perms(test, last_byte(__bss_stop), true, false);
}

static void kernel_mapped_with_4k_pages(struct kunit *test)
{
	struct pt_walk w;

	walk((unsigned long)_text, &w);
	KUNIT_EXPECT_EQ(test, w.level, PG_LEVEL_4K);
	KUNIT_EXPECT_EQ(test, w.last, 4);
}

static void stack_guard_unmapped(struct kunit *test)
{
	struct pt_walk w;

	walk((unsigned long)boot_stack_guard, &w);
	KUNIT_EXPECT_FALSE(test, w.present);
}

static void direct_map_translates(struct kunit *test)
{
	phys_addr_t samples[] = { 0, 0x9f000, SZ_1M, __pa_symbol(_text), 2 * SZ_1M + 0x123,
				  (max_pfn_mapped - 1) << PAGE_SHIFT };

	for (size_t i = 0; i < ARRAY_SIZE(samples); i++) {
		struct pt_walk w;

		/* The alias of kernel text and rodata is the read-only exception. */
		bool ro = samples[i] >= __pa_symbol(_text) &&
			  samples[i] < __pa_symbol(__end_rodata);

		walk((unsigned long)__va(samples[i]), &w);
		KUNIT_EXPECT_TRUE(test, w.present);
		KUNIT_EXPECT_EQ(test, w.phys, samples[i]);
		KUNIT_EXPECT_EQ(test, w.writable, !ro);
		KUNIT_EXPECT_FALSE(test, w.executable);
	}
}

static void direct_map_alias_of_text_read_only(struct kunit *test)
{
	struct pt_walk w;

	walk((unsigned long)__va(__pa_symbol(_text)), &w);
	KUNIT_EXPECT_TRUE(test, w.present);
	KUNIT_EXPECT_FALSE(test, w.writable);
	KUNIT_EXPECT_FALSE(test, w.executable);
	walk((unsigned long)__va(__pa_symbol(linux_banner)), &w);
	KUNIT_EXPECT_FALSE(test, w.writable);
	/* Data stays writable through both of its addresses. */
	walk((unsigned long)__va(__pa_symbol(&walk_data_word)), &w);
	KUNIT_EXPECT_TRUE(test, w.writable);
	KUNIT_EXPECT_FALSE(test, w.executable);
}

static void direct_map_uses_large_pages(struct kunit *test)
{
	/*
	 * The first 2 MiB boundary after the kernel's text and rodata, whose
	 * direct-map alias is mapped in 4 KiB pages (mm/init_64.c): RAM past
	 * it is mapped with large pages.
	 */
	unsigned long pa = ALIGN(__pa_symbol(__end_rodata), 2 * SZ_1M);
	struct pt_walk w;

	if (max_pfn_mapped < ((pa + 2 * SZ_1M) >> PAGE_SHIFT))
		kunit_skip(test, "no RAM 2 MiB past the kernel's rodata");
	walk((unsigned long)__va(pa), &w);
	KUNIT_EXPECT_GE(test, w.level, PG_LEVEL_2M);
	KUNIT_EXPECT_GT(test, direct_pages_count[PG_LEVEL_2M] + direct_pages_count[PG_LEVEL_1G], 0);
}

static void identity_map_gone(struct kunit *test)
{
	struct pt_walk w;
	char c;

	walk(0, &w);
	KUNIT_EXPECT_FALSE(test, w.present);
	walk(__pa_symbol(_text), &w);
	KUNIT_EXPECT_FALSE(test, w.present);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&c, NULL, 1), -EFAULT);
}

static void text_write_faults(struct kunit *test)
{
	unsigned char before = *(volatile unsigned char *)_text, byte = 0xcc;

	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(_text, &byte, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault((void *)linux_banner, &byte, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, *(volatile unsigned char *)_text, before);
	/* ... while a writable byte can be written the same way. */
	KUNIT_EXPECT_EQ(test, copy_to_kernel_nofault(&walk_data_word, &byte, 1), 0);
	KUNIT_EXPECT_EQ(test, walk_data_word & 0xff, 0xcc);
}

static void paging_mode_consistent(struct kunit *test)
{
	bool la57 = read_cr4() & X86_CR4_LA57;
	struct pt_walk w;

	KUNIT_EXPECT_EQ(test, la57, pgtable_l5_enabled());
	KUNIT_EXPECT_EQ(test, pgdir_shift, la57 ? 48 : 39);
	KUNIT_EXPECT_EQ(test, ptrs_per_p4d, la57 ? 512 : 1);
	KUNIT_EXPECT_EQ(test, page_offset_base,
			la57 ? __PAGE_OFFSET_BASE_L5 : __PAGE_OFFSET_BASE_L4);
	/* Linux puts the direct map in the same top-level slot in both modes. */
	KUNIT_EXPECT_EQ(test, pgd_index(page_offset_base), 273);
	KUNIT_EXPECT_EQ(test, pgd_index(__START_KERNEL_map), 511);
	KUNIT_EXPECT_EQ(test, read_cr3() & PTE_PFN_MASK, __pa(init_top_pgt));
	walk((unsigned long)_text, &w);
	KUNIT_EXPECT_EQ(test, w.levels, la57 ? 5 : 4);
	if (!la57) {
		KUNIT_EXPECT_TRUE(test, p4d_offset(init_top_pgt, 0) == (p4d_t *)init_top_pgt);
		KUNIT_EXPECT_EQ(test, w.entry[1], 0);
	} else {
		KUNIT_EXPECT_NE(test, w.entry[1], 0);
	}
}

static void canonical_addresses(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, __is_canonical_address(__START_KERNEL_map));
	KUNIT_EXPECT_TRUE(test, __is_canonical_address(page_offset_base));
	KUNIT_EXPECT_TRUE(test, __is_canonical_address(0x00007fffffffffffUL));
	KUNIT_EXPECT_EQ(test, __is_canonical_address(0x0000800000000000UL), pgtable_l5_enabled());
	KUNIT_EXPECT_FALSE(test, __is_canonical_address(0x8000000000000000UL));
}

/* ---- two direct-mapped ranges sharing a large page ------------------------ */

/* Free the table pages of a scratch tree (never the pages its leaves map). */
static void scratch_free_level(pteval_t *table, int level)
{
	for (int i = 0; i < 512 && level > 1; i++) {
		pteval_t e = table[i];

		if (!(e & _PAGE_PRESENT) || (level <= 3 && (e & _PAGE_PSE)))
			continue;	/* not present, or a 1G/2M leaf */
		scratch_free_level((pteval_t *)__va(e & PTE_PFN_MASK), level - 1);
	}
	free_page((unsigned long)table);
}

static void scratch_pgd_free(pgd_t *pgd)
{
	scratch_free_level((pteval_t *)pgd, pgtable_l5_enabled() ? 5 : 4);
}

static void expect_translates(struct kunit *test, pgd_t *pgd, phys_addr_t pa)
{
	struct pt_walk w;

	pt_walk_address(pgd, (unsigned long)__va(pa), &w);
	KUNIT_EXPECT_TRUE(test, w.present);
	KUNIT_EXPECT_EQ(test, w.phys, pa);
	KUNIT_EXPECT_TRUE(test, w.writable);
	KUNIT_EXPECT_FALSE(test, w.executable);
}

/*
 * Map [base, base + size) (one large page), then a second range that
 * starts half a page before its end, i.e. in its last 4 KiB page once
 * rounded down. base's first page is the one a leaf-as-table bug would
 * write into: slot 511 of "the table" is its last 8 bytes, which the
 * caller has zeroed so that such a bug writes there for sure.
 */
static void shared_large_page(struct kunit *test, phys_addr_t base, unsigned long size,
			      enum pg_level want_level)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	unsigned char *page = __va(base);
	unsigned char *before = (unsigned char *)get_zeroed_page(GFP_KERNEL);
	struct pt_walk w;

	KUNIT_ASSERT_TRUE(test, pgd && before);
	memcpy(before, page, PAGE_SIZE);

	__kernel_physical_mapping_init(pgd, base, base + size);
	pt_walk_address(pgd, (unsigned long)page, &w);
	KUNIT_EXPECT_EQ(test, w.level, want_level);
	__kernel_physical_mapping_init(pgd, base + size - 0x800, base + size + 0x1000);

	/* The page behind the leaf is data, and nobody may have written to it. */
	KUNIT_EXPECT_TRUE(test, !memcmp(before, page, PAGE_SIZE));
	if (memcmp(before, page, PAGE_SIZE)) {
		for (int i = 0; i < 512; i++) {
			u64 was = ((u64 *)before)[i], now = ((u64 *)page)[i];

			if (was != now)
				kunit_fail(test, __FILE__, __LINE__,
					   "data page %#lx, word %d: %#lx became %#lx",
					   (unsigned long)base, i, (unsigned long)was,
					   (unsigned long)now);
		}
		memcpy(page, before, PAGE_SIZE);	/* undo the damage */
	}
	/* Both ranges translate, through the shared page and past it. */
	expect_translates(test, pgd, base);
	expect_translates(test, pgd, base + 0x1234);
	expect_translates(test, pgd, base + size / 2 + 0x10);
	expect_translates(test, pgd, base + size - PAGE_SIZE + 0x18);
	expect_translates(test, pgd, base + size + 0x20);
	pt_walk_address(pgd, (unsigned long)__va(base + size + PAGE_SIZE), &w);
	KUNIT_EXPECT_FALSE(test, w.present);

	scratch_pgd_free(pgd);
	free_page((unsigned long)before);
}

static void direct_map_shared_2m_page(struct kunit *test)
{
	struct page *blk = alloc_pages(GFP_KERNEL, PMD_SHIFT - PAGE_SHIFT);
	phys_addr_t pa;

	if (!blk)
		kunit_skip(test, "no free 2 MiB block");
	pa = page_to_phys(blk);		/* a 2 MiB buddy block is 2 MiB aligned */
	memset(__va(pa), 0, PAGE_SIZE);
	*(u64 *)__va(pa) = 0x5a5a5a5a5a5a5a5aULL;	/* some data of ours */
	shared_large_page(test, pa, PMD_SIZE, PG_LEVEL_2M);
	__free_pages(blk, PMD_SHIFT - PAGE_SHIFT);
}

/*
 * The only 1 GiB-aligned RAM every configuration has is physical page 0
 * (reserved, unused after boot: the real-mode IVT and BIOS data area).
 * Its last word is zeroed for the test, so a bug writes there, and the
 * page is restored afterwards whatever happens.
 */
static void direct_map_shared_1g_page(struct kunit *test)
{
	u64 *page0 = __va(0), last;

	if (!boot_cpu_data.has_gbpages)
		kunit_skip(test, "no 1 GiB pages on this CPU");
	last = page0[511];
	page0[511] = 0;
	shared_large_page(test, 0, PUD_SIZE, PG_LEVEL_1G);
	page0[511] = last;
}

/*
 * A permission change of one 4 KiB page inside a large page splits the
 * leaf (split_large_page): that page changes, its neighbours keep their
 * permissions and every address still translates to the same place.
 */
static void split_for_one_page(struct kunit *test, phys_addr_t base, unsigned long size,
			       enum pg_level level)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	unsigned long va = (unsigned long)__va(base);
	unsigned long mid = size / 2 + 3 * PAGE_SIZE;
	unsigned char *page = __va(base);
	unsigned char *before = (unsigned char *)get_zeroed_page(GFP_KERNEL);
	struct pt_walk w;

	KUNIT_ASSERT_TRUE(test, pgd && before);
	memcpy(before, page, PAGE_SIZE);
	__kernel_physical_mapping_init(pgd, base, base + size);
	pt_walk_address(pgd, va, &w);
	KUNIT_ASSERT_EQ(test, w.level, level);

	KUNIT_EXPECT_EQ(test, __change_page_attr_set_clr(pgd, va + mid, 1, 0, _PAGE_RW), 0);
	KUNIT_EXPECT_TRUE(test, !memcmp(before, page, PAGE_SIZE));
	pt_walk_address(pgd, va + mid + 8, &w);
	KUNIT_EXPECT_TRUE(test, w.present);
	KUNIT_EXPECT_EQ(test, w.level, PG_LEVEL_4K);
	KUNIT_EXPECT_EQ(test, w.phys, base + mid + 8);
	KUNIT_EXPECT_FALSE(test, w.writable);
	KUNIT_EXPECT_FALSE(test, w.executable);
	expect_translates(test, pgd, base + mid - PAGE_SIZE + 0x10);	/* neighbours: RW */
	expect_translates(test, pgd, base + mid + PAGE_SIZE + 0x10);
	expect_translates(test, pgd, base);
	expect_translates(test, pgd, base + size - 8);
	/* A 1G leaf splits into 2M leaves, and only the 2M around the page into 4K. */
	if (level == PG_LEVEL_1G) {
		pt_walk_address(pgd, va, &w);
		KUNIT_EXPECT_EQ(test, w.level, PG_LEVEL_2M);
	}
	/* A range that covers a leaf whole changes the leaf, no split. */
	KUNIT_EXPECT_EQ(test, __change_page_attr_set_clr(pgd, va, PMD_SIZE / PAGE_SIZE, 0,
							  _PAGE_RW), 0);
	pt_walk_address(pgd, va + 0x100, &w);
	KUNIT_EXPECT_FALSE(test, w.writable);
	if (level == PG_LEVEL_1G)
		KUNIT_EXPECT_EQ(test, w.level, PG_LEVEL_2M);
	/* Nothing mapped there: refused. */
	KUNIT_EXPECT_EQ(test, __change_page_attr_set_clr(pgd, va + size + PAGE_SIZE, 1, 0,
							  _PAGE_RW), -EFAULT);
	scratch_pgd_free(pgd);
	free_page((unsigned long)before);
}

static void set_memory_splits_2m_leaf(struct kunit *test)
{
	struct page *blk = alloc_pages(GFP_KERNEL, PMD_SHIFT - PAGE_SHIFT);

	if (!blk)
		kunit_skip(test, "no free 2 MiB block");
	split_for_one_page(test, page_to_phys(blk), PMD_SIZE, PG_LEVEL_2M);
	__free_pages(blk, PMD_SHIFT - PAGE_SHIFT);
}

static void set_memory_splits_1g_leaf(struct kunit *test)
{
	if (!boot_cpu_data.has_gbpages)
		kunit_skip(test, "no 1 GiB pages on this CPU");
	split_for_one_page(test, 0, PUD_SIZE, PG_LEVEL_1G);
}

/*
 * split_large_page() must carry every attribute of the leaf to the
 * entries it makes: NX, global, accessed/dirty, and the PAT bit, which is
 * bit 12 in a 2M/1G leaf and bit 7 (where PSE was) in a 4 KiB entry
 * (Linux: pgprot_large_2_4k). The leaf gets the PAT bit by hand in a
 * scratch table that no CPU uses.
 */
#define TEST_PAT_4K (1UL << 7)
#define TEST_PAT_LARGE (1UL << 12)

static pteval_t raw_entry(struct kunit *test, pgd_t *pgd, unsigned long va, unsigned int want)
{
	unsigned int level;
	pte_t *e = lookup_address_in_pgd(pgd, va, &level);

	KUNIT_EXPECT_TRUE(test, e != NULL);
	KUNIT_EXPECT_EQ(test, level, want);
	return e ? pte_val(*e) : 0;
}

static void expect_attrs(struct kunit *test, pteval_t e, pteval_t pat, bool rw)
{
	pteval_t nx = boot_cpu_data.has_nx ? _PAGE_NX : 0;

	KUNIT_EXPECT_TRUE(test, e & _PAGE_PRESENT);
	KUNIT_EXPECT_TRUE(test, e & _PAGE_GLOBAL);
	KUNIT_EXPECT_TRUE(test, e & _PAGE_ACCESSED);
	KUNIT_EXPECT_EQ(test, e & nx, nx);
	KUNIT_EXPECT_EQ(test, e & pat, pat);
	KUNIT_EXPECT_EQ(test, !!(e & _PAGE_RW), rw);
}

static void split_keeps_attributes(struct kunit *test, phys_addr_t base, unsigned long size,
				   unsigned int level)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	unsigned long va = (unsigned long)__va(base), page = va + size / 2 + 5 * PAGE_SIZE;
	unsigned int lvl;
	pte_t *leaf;
	pteval_t e;

	KUNIT_ASSERT_TRUE(test, pgd != NULL);
	__kernel_physical_mapping_init(pgd, base, base + size);
	leaf = lookup_address_in_pgd(pgd, va, &lvl);
	KUNIT_ASSERT_TRUE(test, leaf != NULL);
	KUNIT_ASSERT_EQ(test, lvl, level);
	*leaf = __pte(pte_val(*leaf) | TEST_PAT_LARGE);

	KUNIT_EXPECT_EQ(test, __change_page_attr_set_clr(pgd, page, 1, 0, _PAGE_RW), 0);
	/* The changed page and its neighbour: 4 KiB, PAT in bit 7, no PSE. */
	e = raw_entry(test, pgd, page, PG_LEVEL_4K);
	expect_attrs(test, e, TEST_PAT_4K, false);
	KUNIT_EXPECT_EQ(test, e & PTE_PFN_MASK, base + size / 2 + 5 * PAGE_SIZE);
	e = raw_entry(test, pgd, page + PAGE_SIZE, PG_LEVEL_4K);
	expect_attrs(test, e, TEST_PAT_4K, true);
	KUNIT_EXPECT_EQ(test, e & PTE_PFN_MASK, base + size / 2 + 6 * PAGE_SIZE);
	if (level == PG_LEVEL_1G) {
		/* Another 2 MiB of the old 1 GiB leaf: a 2M leaf, PAT still in bit 12. */
		e = raw_entry(test, pgd, va + 4 * PMD_SIZE, PG_LEVEL_2M);
		expect_attrs(test, e, TEST_PAT_LARGE, true);
		KUNIT_EXPECT_TRUE(test, e & _PAGE_PSE);
		KUNIT_EXPECT_EQ(test, e & PTE_PFN_MASK & ~(PMD_SIZE - 1), base + 4 * PMD_SIZE);
	}
	scratch_pgd_free(pgd);
}

static void split_2m_keeps_attributes(struct kunit *test)
{
	struct page *blk = alloc_pages(GFP_KERNEL, PMD_SHIFT - PAGE_SHIFT);

	if (!blk)
		kunit_skip(test, "no free 2 MiB block");
	split_keeps_attributes(test, page_to_phys(blk), PMD_SIZE, PG_LEVEL_2M);
	__free_pages(blk, PMD_SHIFT - PAGE_SHIFT);
}

static void split_1g_keeps_attributes(struct kunit *test)
{
	if (!boot_cpu_data.has_gbpages)
		kunit_skip(test, "no 1 GiB pages on this CPU");
	split_keeps_attributes(test, 0, PUD_SIZE, PG_LEVEL_1G);
}

static struct kunit_case pgtable_cases[] = {
	KUNIT_CASE(kernel_text_rx),
	KUNIT_CASE(kernel_rodata_ro_nx),
	KUNIT_CASE(kernel_data_bss_rw_nx),
	KUNIT_CASE(kernel_mapped_with_4k_pages),
	KUNIT_CASE(stack_guard_unmapped),
	KUNIT_CASE(direct_map_translates),
	KUNIT_CASE(direct_map_alias_of_text_read_only),
	KUNIT_CASE(direct_map_uses_large_pages),
	KUNIT_CASE(identity_map_gone),
	KUNIT_CASE(text_write_faults),
	KUNIT_CASE(paging_mode_consistent),
	KUNIT_CASE(canonical_addresses),
	KUNIT_CASE(direct_map_shared_2m_page),
	KUNIT_CASE(direct_map_shared_1g_page),
	KUNIT_CASE(set_memory_splits_2m_leaf),
	KUNIT_CASE(set_memory_splits_1g_leaf),
	KUNIT_CASE(split_2m_keeps_attributes),
	KUNIT_CASE(split_1g_keeps_attributes),
	{}
};

static struct kunit_suite pgtable_suite = {
	.name = "mm.pgtable",
	.test_cases = pgtable_cases,
};
kunit_test_suite(pgtable_suite);
