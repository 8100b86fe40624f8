/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page-table entry types and bits, after Linux's
 * arch/x86/include/asm/pgtable_types.h and pgtable_64_types.h.
 *
 * Five levels: pgd -> p4d -> pud -> pmd -> pte. With 4-level paging the
 * p4d level is "folded" at run time, exactly as Linux does it: the pgd
 * has 512 entries of 512 GiB each (PGDIR_SHIFT 39) and p4d_offset()
 * returns the pgd entry itself. With LA57 the pgd covers 256 TiB an entry
 * (PGDIR_SHIFT 48) and the p4d is a real table. Hence PGDIR_SHIFT and
 * PTRS_PER_P4D are variables set at boot (pgdir_shift, ptrs_per_p4d).
 */
#ifndef _ASM_PGTABLE_TYPES_H
#define _ASM_PGTABLE_TYPES_H

#include <linux/const.h>
#include <asm/page.h>

#define _PAGE_BIT_PRESENT 0
#define _PAGE_BIT_RW 1
#define _PAGE_BIT_USER 2
#define _PAGE_BIT_PWT 3
#define _PAGE_BIT_PCD 4
#define _PAGE_BIT_ACCESSED 5
#define _PAGE_BIT_DIRTY 6
#define _PAGE_BIT_PSE 7
#define _PAGE_BIT_GLOBAL 8
#define _PAGE_BIT_NX 63

#define _PAGE_PRESENT (_AC(1, UL) << _PAGE_BIT_PRESENT)
#define _PAGE_RW (_AC(1, UL) << _PAGE_BIT_RW)
#define _PAGE_USER (_AC(1, UL) << _PAGE_BIT_USER)
#define _PAGE_PWT (_AC(1, UL) << _PAGE_BIT_PWT)
#define _PAGE_PCD (_AC(1, UL) << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED (_AC(1, UL) << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY (_AC(1, UL) << _PAGE_BIT_DIRTY)
#define _PAGE_PSE (_AC(1, UL) << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL (_AC(1, UL) << _PAGE_BIT_GLOBAL)
#define _PAGE_NX (_AC(1, UL) << _PAGE_BIT_NX)

/* Bits 12..51 hold the physical address of the next table or the page. */
#define PHYSICAL_PAGE_MASK _AC(0x000ffffffffff000, UL)
#define PTE_PFN_MASK PHYSICAL_PAGE_MASK
#define PTE_FLAGS_MASK (~PTE_PFN_MASK)

/* What a page-table page pointing to a lower table gets (Linux: _KERNPG_TABLE). */
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

/* Kernel mapping protections (Linux: __PAGE_KERNEL and friends). */
#define __PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define __PAGE_KERNEL_RX (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL (__PAGE_KERNEL_RO | _PAGE_RW | _PAGE_DIRTY)
#define __PAGE_KERNEL_LARGE (__PAGE_KERNEL | _PAGE_PSE)

#define PMD_SHIFT 21
#define PUD_SHIFT 30
#define P4D_SHIFT 39
#define PGDIR_SHIFT_L4 39
#define PGDIR_SHIFT_L5 48

#define PTRS_PER_PTE 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PUD 512
#define PTRS_PER_PGD 512
#define KERNEL_PGD_BOUNDARY 256	/* pgd entries from here map the kernel half */
#define USER_PTRS_PER_PGD KERNEL_PGD_BOUNDARY
#define PTRS_PER_P4D ptrs_per_p4d
#define PGDIR_SHIFT pgdir_shift

#define PMD_SIZE (_AC(1, UL) << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PUD_SIZE (_AC(1, UL) << PUD_SHIFT)
#define PUD_MASK (~(PUD_SIZE - 1))
#define P4D_SIZE (_AC(1, UL) << P4D_SHIFT)
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u64 pteval_t;
typedef struct { pteval_t pte; } pte_t;
typedef struct { pteval_t pmd; } pmd_t;
typedef struct { pteval_t pud; } pud_t;
typedef struct { pteval_t p4d; } p4d_t;
typedef struct { pteval_t pgd; } pgd_t;
typedef struct { pteval_t pgprot; } pgprot_t;

#define __pte(x) ((pte_t){ (x) })
#define __pmd(x) ((pmd_t){ (x) })
#define __pud(x) ((pud_t){ (x) })
#define __p4d(x) ((p4d_t){ (x) })
#define __pgd(x) ((pgd_t){ (x) })
#define __pgprot(x) ((pgprot_t){ (x) })

static inline pteval_t pte_val(pte_t pte) { return pte.pte; }
static inline pteval_t pmd_val(pmd_t pmd) { return pmd.pmd; }
static inline pteval_t pud_val(pud_t pud) { return pud.pud; }
static inline pteval_t p4d_val(p4d_t p4d) { return p4d.p4d; }
static inline pteval_t pgd_val(pgd_t pgd) { return pgd.pgd; }
static inline pteval_t pgprot_val(pgprot_t p) { return p.pgprot; }

#define PAGE_KERNEL __pgprot(__PAGE_KERNEL)
#define PAGE_KERNEL_RO __pgprot(__PAGE_KERNEL_RO)
#define PAGE_KERNEL_RX __pgprot(__PAGE_KERNEL_RX)
#define PAGE_KERNEL_LARGE __pgprot(__PAGE_KERNEL_LARGE)

/* Set once, in the 32-bit boot code, before paging is on (boot/head_64.S). */
extern unsigned int __pgtable_l5_enabled;
extern unsigned int pgdir_shift;
extern unsigned int ptrs_per_p4d;

static inline bool pgtable_l5_enabled(void)
{
	return __pgtable_l5_enabled;
}

/* Levels as Linux's lookup_address() reports them. */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,
	PG_LEVEL_2M,
	PG_LEVEL_1G,
	PG_LEVEL_512G,
	PG_LEVEL_256T,
	PG_LEVEL_NUM
};
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PGTABLE_TYPES_H */
