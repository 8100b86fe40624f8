// SPDX-License-Identifier: GPL-2.0
/*
 * Reaching another address space's pages from the kernel (Linux:
 * access_remote_vm/__access_remote_vm in mm/memory.c on top of
 * get_user_pages_remote, follow_page_pte and check_vma_flags in
 * mm/gup.c). exec uses it to write argv and envp into the new mm before
 * switching to it; ptrace and /proc/PID/mem will.
 *
 * Per page: find the VMA (growing a stack VMA as find_extend_vma does),
 * check the access against its flags, look the page up under the PTE
 * lock and, if the PTE does not allow the access, fault it in with
 * handle_mm_fault(FAULT_FLAG_REMOTE [| FAULT_FLAG_WRITE]) and look again.
 * The bytes are copied through the kernel's direct map.
 *
 * Left out: pinning (FOLL_PIN, FOLL_LONGTERM), returning page arrays
 * (get_user_pages itself), vm_ops->access for pfn maps, huge pages.
 */
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "memory_internal.h"

/* ---- access_remote_vm: exec's argv/envp, later ptrace and /proc/PID/mem ---- */

/*
 * The page at addr, referenced, if its PTE allows the access without a
 * fault (Linux: follow_page_pte). A FOLL_FORCE write may go to a
 * read-only PTE only if the page is an anonymous one that no one else
 * maps: a COW that was already broken. For a read the zero page is
 * returned unreferenced.
 */
static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr, bool write)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = NULL;
	pte_t *ptep, pte;

	ptep = walk_to_pte(mm, addr);
	if (!ptep)
		return NULL;
	spin_lock(&mm->page_table_lock);
	pte = ptep_get(ptep);
	if (!pte_present(pte))
		goto out;
	page = vm_normal_page(vma, addr, pte);
	if (!page) {
		page = (!write && is_zero_pfn(pte_pfn(pte))) ? get_zero_page() : NULL;
		goto out;
	}
	if (write && !pte_write(pte) &&
	    !(page_is_anon(page) && page_mapcount(page) == 1 && page_ref_count(page) == 1 &&
	      !(vma->vm_flags & VM_SHARED))) {
		page = NULL;
		goto out;
	}
	get_page(page);
	if (write && !page_is_anon(page))
		folio_mark_dirty(page_folio(page));
out:
	spin_unlock(&mm->page_table_lock);
	return page;
}

/* Linux: check_vma_flags() in mm/gup.c. */
static bool gup_vma_allowed(struct vm_area_struct *vma, unsigned int gup_flags)
{
	vm_flags_t f = vma->vm_flags;

	if (f & (VM_IO | VM_PFNMAP))
		return false;
	if (gup_flags & FOLL_WRITE) {
		if (!(f & VM_WRITE)) {
			if (!(gup_flags & FOLL_FORCE))
				return false;
			if (!is_cow_mapping(f))
				return false;	/* never write a shared file the mapping may not */
		}
	} else if (!(f & VM_READ)) {
		if (!(gup_flags & FOLL_FORCE))
			return false;
		if (!(f & VM_MAYREAD))
			return false;
	}
	return true;
}

/*
 * Read or write len bytes at addr in mm (not necessarily current's),
 * faulting pages in as needed, through the kernel's direct map (Linux:
 * access_remote_vm -> __access_remote_vm -> get_user_pages_remote).
 * Returns the bytes done; stops at the first page it cannot reach.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags)
{
	bool write = gup_flags & FOLL_WRITE;
	char *p = buf;
	int done = 0;

	if (len <= 0)
		return 0;
	mmap_read_lock(mm);
	while (done < len) {
		unsigned long offset = addr & ~PAGE_MASK;
		int bytes = PAGE_SIZE - offset;
		struct vm_area_struct *vma;
		struct page *page;
		int tries;

		if (bytes > len - done)
			bytes = len - done;
		vma = find_vma(mm, addr);
		if (!vma)
			break;
		if (vma->vm_start > addr) {
			if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr))
				break;
		}
		if (!gup_vma_allowed(vma, gup_flags))
			break;
		for (tries = 0; tries < 4; tries++) {
			vm_fault_t ret;

			page = follow_page(vma, addr, write);
			if (page)
				break;
			ret = handle_mm_fault(vma, addr, FAULT_FLAG_REMOTE |
					      (write ? FAULT_FLAG_WRITE : 0), NULL);
			if (ret & VM_FAULT_ERROR)
				break;
		}
		if (!page)
			break;
		if (write)
			memcpy((char *)page_address(page) + offset, p, bytes);
		else
			memcpy(p, (char *)page_address(page) + offset, bytes);
		if (page != get_zero_page())
			put_page(page);
		done += bytes;
		p += bytes;
		addr += bytes;
	}
	mmap_read_unlock(mm);
	return done;
}
