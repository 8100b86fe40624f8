// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the page tables for one virtual address.
 *
 * Mirrors lookup_address_in_pgd() (arch/x86/mm/pat/set_memory.c), which
 * returns the leaf entry and the level it sits at, and the level-by-level
 * report of dump_pagetable() (arch/x86/mm/fault.c) that an oops prints.
 * Both go through the same pgd/p4d/pud/pmd/pte_offset helpers, so with
 * 4-level paging the p4d step is folded away at run time.
 *
 * The walks are pure memory reads through __va(): the host tests build
 * this file and walk tables they made in malloc'd memory. pgd_alloc() at
 * the end makes a process's top-level table.
 */
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <linux/mm.h>
#include <linux/string.h>

const char *const pt_level_names[5] = { "PGD", "P4D", "PUD", "PMD", "PTE" };

pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, unsigned int *level)
{
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	*level = PG_LEVEL_256T;
	pgd = pgd_offset_pgd(pgd, addr);
	/* Not just none: a non-present entry's address must not be followed. */
	if (!pgd_present(*pgd))
		return NULL;

	*level = PG_LEVEL_512G;
	p4d = p4d_offset(pgd, addr);
	if (!p4d_present(*p4d))
		return NULL;

	*level = PG_LEVEL_1G;
	pud = pud_offset(p4d, addr);
	if (pud_leaf(*pud) || !pud_present(*pud))
		return (pte_t *)pud;

	*level = PG_LEVEL_2M;
	pmd = pmd_offset(pud, addr);
	if (pmd_leaf(*pmd) || !pmd_present(*pmd))
		return (pte_t *)pmd;

	*level = PG_LEVEL_4K;
	return pte_offset_kernel(pmd, addr);
}

/* Record one entry; return true if the walk goes on below it. */
static bool walk_step(struct pt_walk *w, int idx, pteval_t v)
{
	w->entry[idx] = v;
	w->last = idx;
	if (!(v & _PAGE_PRESENT))
		return false;
	/* A lower table is reachable only if every level above allows it. */
	w->writable &= !!(v & _PAGE_RW);
	w->user &= !!(v & _PAGE_USER);
	w->executable &= !(v & _PAGE_NX);
	return true;
}

static void walk_leaf(struct pt_walk *w, pteval_t v, unsigned long addr,
		      enum pg_level level, unsigned int shift)
{
	unsigned long offset_mask = (1UL << shift) - 1;

	w->present = true;
	w->level = level;
	w->phys = (v & PTE_PFN_MASK & ~offset_mask) | (addr & offset_mask);
}

void pt_walk_address(pgd_t *pgd_base, unsigned long addr, struct pt_walk *w)
{
	pgd_t *pgd;
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;

	memset(w, 0, sizeof(*w));
	w->levels = pgtable_l5_enabled() ? 5 : 4;
	w->writable = w->executable = w->user = true;
	w->level = PG_LEVEL_NONE;

	pgd = pgd_offset_pgd(pgd_base, addr);
	if (!walk_step(w, 0, pgd_val(*pgd)))
		goto out;
	p4d = p4d_offset(pgd, addr);
	/* Folded: the p4d "entry" is the pgd entry; report it only for 5 levels. */
	if (pgtable_l5_enabled() && !walk_step(w, 1, p4d_val(*p4d)))
		goto out;
	pud = pud_offset(p4d, addr);
	if (!walk_step(w, 2, pud_val(*pud)))
		goto out;
	if (pud_leaf(*pud)) {
		walk_leaf(w, pud_val(*pud), addr, PG_LEVEL_1G, PUD_SHIFT);
		goto out;
	}
	pmd = pmd_offset(pud, addr);
	if (!walk_step(w, 3, pmd_val(*pmd)))
		goto out;
	if (pmd_leaf(*pmd)) {
		walk_leaf(w, pmd_val(*pmd), addr, PG_LEVEL_2M, PMD_SHIFT);
		goto out;
	}
	pte = pte_offset_kernel(pmd, addr);
	if (walk_step(w, 4, pte_val(*pte)))
		walk_leaf(w, pte_val(*pte), addr, PG_LEVEL_4K, PAGE_SHIFT);
out:
	if (!w->present)
		w->writable = w->executable = w->user = false;
}

/*
 * A process's top-level table (Linux: pgd_alloc/pgd_free in
 * arch/x86/mm/pgtable.c). The user half (entries 0-255) starts empty; the
 * kernel half (256-511) is a copy of init_top_pgt's, so every process sees
 * the kernel at the same addresses. The copy stays true because the
 * kernel never adds a top-level entry after boot: every kernel region
 * that can grow (vmalloc, ioremap) had its top-level entries made at boot
 * (preallocate_kernel_pgds), as on x86-64 Linux. With 4-level paging the
 * pgd is the PML4; with 5-level it is the PML5 and the user half's P4D
 * tables come with the first mapping (p4d_alloc in mm/memory.c).
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memcpy(pgd + KERNEL_PGD_BOUNDARY, init_top_pgt + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}
