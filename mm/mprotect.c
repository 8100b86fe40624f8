// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect(2) (Linux: mm/mprotect.c): do_mprotect_pkey checks the range
 * (every byte must be mapped: -ENOMEM at the first hole, after changing
 * what came before it, as Linux), refuses a protection the VMA may not
 * have (VM_MAY*: -EACCES), and mprotect_fixup gives each VMA in the range
 * its new flags, splitting and merging (vma_modify_flags in mm/mmap.c),
 * then rewrites the present PTEs with the new vm_page_prot
 * (change_protection) and flushes the TLBs through an mmu_gather.
 *
 * change_protection is a plain walk of the PTEs: a private writable VMA
 * gets read-only PTEs (PAGE_COPY, see vm_get_page_prot), so writes fault
 * and do_wp_page makes the PTE writable again, reusing the page if it is
 * the mapping's alone. Left out: protection keys (pkey_mprotect), the
 * NUMA-balancing prot_numa mode, Linux's shortcut that keeps exclusive
 * anonymous pages writable, huge PMDs, and PROT_GROWSUP (no VM_GROWSUP).
 */
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include "internal.h"

/* Where the next table of each level starts, for skipping a missing one. */
static unsigned long next_boundary(unsigned long addr, unsigned long size)
{
	unsigned long next = (addr + size) & ~(size - 1);

	return next ? next : ~0UL;	/* wrapped past the top */
}

pte_t *mm_find_pte(struct mm_struct *mm, unsigned long addr, unsigned long *next)
{
	pgd_t *pgd = pgd_offset_pgd(mm->pgd, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (!pgd_present(*pgd)) {
		*next = next_boundary(addr, PGDIR_SIZE);
		return NULL;
	}
	p4d = p4d_offset(pgd, addr);
	if (!p4d_present(*p4d)) {
		*next = next_boundary(addr, P4D_SIZE);
		return NULL;
	}
	pud = pud_offset(p4d, addr);
	if (!pud_present(*pud) || pud_leaf(*pud)) {
		*next = next_boundary(addr, PUD_SIZE);
		return NULL;
	}
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd) || pmd_leaf(*pmd)) {
		*next = next_boundary(addr, PMD_SIZE);
		return NULL;
	}
	*next = addr + PAGE_SIZE;
	return pte_offset_kernel(pmd, addr);
}

/* What pte_modify keeps of an old PTE: the page and what the CPU recorded. */
#define _PAGE_CHG_MASK (PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_ACCESSED | _PAGE_DIRTY)

unsigned long change_protection(struct mmu_gather *tlb, struct vm_area_struct *vma,
				unsigned long start, unsigned long end, pgprot_t newprot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long zero_pfn = page_to_pfn(ZERO_PAGE(0));
	unsigned long addr, next, pages = 0;

	spin_lock(&mm->page_table_lock);
	for (addr = start; addr < end; addr = next) {
		pte_t *pte = mm_find_pte(mm, addr, &next);
		pteval_t val;

		/* Not pte_present(): a PROT_NONE PTE holds its page too. */
		if (!pte || pte_none(*pte))
			continue;
		val = (pte_val(*pte) & _PAGE_CHG_MASK) | pgprot_val(newprot);
		if (pte_pfn(*pte) == zero_pfn)
			val &= ~_PAGE_RW;	/* the zero page is never written */
		if (val == pte_val(*pte))
			continue;
		WRITE_ONCE(pte->pte, val);
		tlb_remove_tlb_entry(tlb, pte, addr);
		pages++;
	}
	spin_unlock(&mm->page_table_lock);
	return pages;
}

/* Give [start, end) of vma the flags newflags; *pprev: the VMA covering it afterwards. */
static int mprotect_fixup(struct vm_area_struct *vma, struct vm_area_struct **pprev,
			  unsigned long start, unsigned long end, vm_flags_t newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	vm_flags_t oldflags = vma->vm_flags;
	long nrpages = (end - start) >> PAGE_SHIFT;
	unsigned long charged = 0;
	struct mmu_gather tlb;

	if (newflags == oldflags) {
		*pprev = vma;
		return 0;
	}
	if (newflags & VM_WRITE) {
		/* Space limits, when the area turns into data. */
		if (!may_expand_vm(mm, newflags, nrpages) && may_expand_vm(mm, oldflags, nrpages))
			return -ENOMEM;
		/*
		 * A private mapping made writable is committed memory (unless
		 * MAP_NORESERVE): charge it now. Once charged it stays charged,
		 * VM_ACCOUNT and all, whatever later mprotects do.
		 */
		if (!(oldflags & (VM_ACCOUNT | VM_WRITE | VM_SHARED | VM_NORESERVE))) {
			charged = nrpages;
			if (security_vm_enough_memory_mm(mm, charged))
				return -ENOMEM;
			newflags |= VM_ACCOUNT;
		}
	}
	vma = vma_modify_flags(mm, vma, start, end, newflags);
	if (IS_ERR(vma)) {
		vm_unacct_memory(charged);
		return PTR_ERR(vma);
	}
	*pprev = vma;
	vma_set_page_prot(vma);

	tlb_gather_mmu(&tlb, mm);
	change_protection(&tlb, vma, start, end, vma->vm_page_prot);
	tlb_finish_mmu(&tlb);

	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	return 0;
}

static int do_mprotect_pkey(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long nstart, end, tmp;
	struct vm_area_struct *vma, *prev = NULL;
	const unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	int error;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))	/* can't be both */
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))	/* arch_validate_prot */
		return -EINVAL;

	mmap_write_lock(mm);
	error = -ENOMEM;
	vma = find_vma(mm, start);
	if (!vma)
		goto out;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			goto out;
		start = vma->vm_start;
		error = -EINVAL;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			goto out;
	} else {
		if (vma->vm_start > start)
			goto out;
		if (grows & PROT_GROWSUP) {	/* no VM_GROWSUP on x86 */
			error = -EINVAL;
			goto out;
		}
	}

	for (nstart = start;;) {
		vm_flags_t newflags = calc_vm_prot_bits(prot) |
				      (vma->vm_flags & ~VM_ACCESS_FLAGS);

		/* newflags >> 4 puts VM_MAY* where VM_* are: asking for more is -EACCES. */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) {
			error = -EACCES;
			goto out;
		}
		tmp = min(vma->vm_end, end);
		error = mprotect_fixup(vma, &prev, nstart, tmp, newflags);
		if (error)
			goto out;
		nstart = tmp;
		if (nstart < prev->vm_end)
			nstart = prev->vm_end;
		if (nstart >= end)
			goto out;
		vma = prev->vm_next;
		if (!vma || vma->vm_start != nstart) {
			error = -ENOMEM;
			goto out;
		}
	}
out:
	mmap_write_unlock(mm);
	return error;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect_pkey(start, len, prot);
}
