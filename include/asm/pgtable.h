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
#include <linux/compiler.h>

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
 * PTE bit helpers for user mappings (Linux: arch/x86/include/asm/pgtable.h).
 * _PAGE_TABLE is what an upper-level entry pointing to a user page-table
 * page gets: user-accessible and writable, the leaf PTE decides.
 */
#define _PAGE_TABLE (_KERNPG_TABLE | _PAGE_USER)

static inline bool pte_dirty(pte_t pte) { return pte_val(pte) & _PAGE_DIRTY; }
static inline bool pte_young(pte_t pte) { return pte_val(pte) & _PAGE_ACCESSED; }
static inline bool pte_user(pte_t pte) { return pte_val(pte) & _PAGE_USER; }
static inline pte_t pte_set_flags(pte_t pte, pteval_t set) { return __pte(pte_val(pte) | set); }
static inline pte_t pte_clear_flags(pte_t pte, pteval_t clr) { return __pte(pte_val(pte) & ~clr); }
static inline pte_t pte_mkwrite(pte_t pte) { return pte_set_flags(pte, _PAGE_RW); }
static inline pte_t pte_wrprotect(pte_t pte) { return pte_clear_flags(pte, _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte) { return pte_set_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkclean(pte_t pte) { return pte_clear_flags(pte, _PAGE_DIRTY); }
static inline pte_t pte_mkyoung(pte_t pte) { return pte_set_flags(pte, _PAGE_ACCESSED); }
static inline pte_t pte_mkold(pte_t pte) { return pte_clear_flags(pte, _PAGE_ACCESSED); }

/* Keep the page, take the new protection bits (Linux: pte_modify). */
static inline pte_t pte_modify(pte_t pte, pgprot_t newprot)
{
	pteval_t keep = pte_val(pte) & (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY);

	return __pte(keep | (pgprot_val(newprot) & ~(PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)));
}

static inline void set_pte(pte_t *ptep, pte_t pte) { WRITE_ONCE(ptep->pte, pte_val(pte)); }
static inline void set_pmd(pmd_t *pmdp, pmd_t pmd) { WRITE_ONCE(pmdp->pmd, pmd_val(pmd)); }
static inline void set_pud(pud_t *pudp, pud_t pud) { WRITE_ONCE(pudp->pud, pud_val(pud)); }
static inline void set_p4d(p4d_t *p4dp, p4d_t p4d) { WRITE_ONCE(p4dp->p4d, p4d_val(p4d)); }
static inline void set_pgd(pgd_t *pgdp, pgd_t pgd) { WRITE_ONCE(pgdp->pgd, pgd_val(pgd)); }
static inline void pte_clear(pte_t *ptep) { set_pte(ptep, __pte(0)); }
static inline pte_t ptep_get(pte_t *ptep) { return __pte(READ_ONCE(ptep->pte)); }

/* Clear the PTE and return what it held, atomically against the CPU's A/D updates. */
static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST));
}

/* Clear _PAGE_RW atomically (Linux: ptep_set_wrprotect). */
static inline void ptep_set_wrprotect(pte_t *ptep)
{
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
}

/* The mm's top-level entry for a user address (Linux: pgd_offset). */
#define pgd_offset(mm, addr) pgd_offset_pgd((mm)->pgd, (addr))
#define pte_offset_map(pmd, addr) pte_offset_kernel(pmd, addr)

/* End of the range an upper-level entry covers, clamped to end (Linux: pXd_addr_end). */
#define __pxd_addr_end(addr, end, size)						\
({	unsigned long __boundary = ((addr) + (size)) & ~((size) - 1);		\
	(__boundary - 1 < (end) - 1) ? __boundary : (end);			\
})
#define pgd_addr_end(addr, end) __pxd_addr_end(addr, end, PGDIR_SIZE)
#define p4d_addr_end(addr, end) __pxd_addr_end(addr, end, P4D_SIZE)
#define pud_addr_end(addr, end) __pxd_addr_end(addr, end, PUD_SIZE)
#define pmd_addr_end(addr, end) __pxd_addr_end(addr, end, PMD_SIZE)

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
