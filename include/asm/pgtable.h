/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table helpers: index arithmetic and *_offset() walkers, after
 * Linux's arch/x86/include/asm/pgtable.h, pgtable_64.h and
 * include/linux/pgtable.h. One set of helpers serves 4- and 5-level
 * paging; p4d_offset() is where the run-time folding happens.
 * Pure arithmetic on memory: the host tests build these too.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/pgtable_types.h>

static inline unsigned long pgd_index(unsigned long addr)
{
	return (addr >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1);
}

static inline unsigned long p4d_index(unsigned long addr)
{
	return (addr >> P4D_SHIFT) & (PTRS_PER_P4D - 1);
}

static inline unsigned long pud_index(unsigned long addr)
{
	return (addr >> PUD_SHIFT) & (PTRS_PER_PUD - 1);
}

static inline unsigned long pmd_index(unsigned long addr)
{
	return (addr >> PMD_SHIFT) & (PTRS_PER_PMD - 1);
}

static inline unsigned long pte_index(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) & (PTRS_PER_PTE - 1);
}

static inline bool pgd_present(pgd_t pgd) { return pgd_val(pgd) & _PAGE_PRESENT; }
static inline bool p4d_present(p4d_t p4d) { return p4d_val(p4d) & _PAGE_PRESENT; }
static inline bool pud_present(pud_t pud) { return pud_val(pud) & _PAGE_PRESENT; }
static inline bool pmd_present(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PRESENT; }
static inline bool pte_present(pte_t pte) { return pte_val(pte) & _PAGE_PRESENT; }

/* A "large" entry maps memory directly instead of pointing to a table. */
static inline bool pud_leaf(pud_t pud) { return pud_val(pud) & _PAGE_PSE; }
static inline bool pmd_leaf(pmd_t pmd) { return pmd_val(pmd) & _PAGE_PSE; }

static inline bool pgd_none(pgd_t pgd) { return !pgd_val(pgd); }
static inline bool p4d_none(p4d_t p4d) { return !p4d_val(p4d); }
static inline bool pud_none(pud_t pud) { return !pud_val(pud); }
static inline bool pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline bool pte_none(pte_t pte) { return !pte_val(pte); }

static inline bool pte_write(pte_t pte) { return pte_val(pte) & _PAGE_RW; }
static inline bool pte_exec(pte_t pte) { return !(pte_val(pte) & _PAGE_NX); }

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) | pgprot_val(prot));
}

/* Virtual address of the table an upper-level entry points to. */
static inline pgd_t *pgd_page_vaddr_raw(pteval_t v)
{
	return (pgd_t *)__va(v & PTE_PFN_MASK);
}

static inline pgd_t *pgd_offset_pgd(pgd_t *pgd, unsigned long addr)
{
	return pgd + pgd_index(addr);
}

/* The folding point: with 4 levels the pgd entry doubles as the p4d entry. */
static inline p4d_t *p4d_offset(pgd_t *pgd, unsigned long addr)
{
	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;
	return (p4d_t *)pgd_page_vaddr_raw(pgd_val(*pgd)) + p4d_index(addr);
}

static inline pud_t *pud_offset(p4d_t *p4d, unsigned long addr)
{
	return (pud_t *)pgd_page_vaddr_raw(p4d_val(*p4d)) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pgd_page_vaddr_raw(pud_val(*pud)) + pmd_index(addr);
}

static inline pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pgd_page_vaddr_raw(pmd_val(*pmd)) + pte_index(addr);
}

/*
 * Bits of the virtual address that are translated: 48 with 4 levels, 57
 * with 5. An address is canonical when the bits above are copies of the
 * top translated bit.
 */
#define __VIRTUAL_MASK_SHIFT (pgtable_l5_enabled() ? 56 : 47)

static inline bool __is_canonical_address(unsigned long addr)
{
	unsigned int shift = 63 - __VIRTUAL_MASK_SHIFT;

	return (unsigned long)((long)(addr << shift) >> shift) == addr;
}

/* The result of walking one address through the tables (mm/pgtable_walk.c). */
struct pt_walk {
	int levels;		/* 4 or 5 */
	pteval_t entry[5];	/* pgd, p4d, pud, pmd, pte as read; 0 if not reached */
	int last;		/* index into entry[] of the last entry read */
	enum pg_level level;	/* size of the mapping if present, else NONE */
	bool present;
	phys_addr_t phys;	/* translated physical address if present */
	bool writable, executable, user;
};

void pt_walk_address(pgd_t *pgd, unsigned long addr, struct pt_walk *w);
pte_t *lookup_address_in_pgd(pgd_t *pgd, unsigned long addr, unsigned int *level);
extern const char *const pt_level_names[5];

#endif /* _ASM_PGTABLE_H */
