/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's page tables (mm/init_64.c; Linux: arch/x86/mm/init*.c). */
#ifndef _ASM_PGALLOC_H
#define _ASM_PGALLOC_H

#include <asm/pgtable.h>

extern pgd_t *init_top_pgt;	/* the kernel's top-level table (Linux: swapper_pg_dir) */
extern unsigned long max_pfn_mapped;
extern unsigned long direct_pages_count[PG_LEVEL_NUM];

void init_mem_mapping(void);
void __kernel_physical_mapping_init(pgd_t *pgd, phys_addr_t start, phys_addr_t end);
int map_kernel_range(unsigned long vaddr, phys_addr_t phys, unsigned long size, pteval_t prot);
struct page;
int map_kernel_pages(unsigned long vaddr, struct page **pages, unsigned int nr, pteval_t prot);
struct page *kernel_page_mapped_at(unsigned long addr);
unsigned int preallocate_kernel_pgds(unsigned long start, unsigned long end);
unsigned long unmap_kernel_range(unsigned long vaddr, unsigned long size);
void map_range_pgd(pgd_t *pgd, unsigned long vaddr, phys_addr_t phys, unsigned long size,
		   pteval_t prot);
int __change_page_attr_set_clr(pgd_t *pgd, unsigned long addr, unsigned long numpages,
			       pteval_t set, pteval_t clear);
int set_memory_ro(unsigned long addr, unsigned long numpages);
int set_memory_rw(unsigned long addr, unsigned long numpages);
int set_memory_nx(unsigned long addr, unsigned long numpages);
int set_memory_x(unsigned long addr, unsigned long numpages);
extern bool after_bootmem;
void setup_paging_mode(void);
void print_pagetable_walk(pgd_t *pgd, unsigned long addr, const char *lvl);

#endif /* _ASM_PGALLOC_H */
