// SPDX-License-Identifier: GPL-2.0
/*
 * mremap(2) (Linux <= 6.0: mm/mremap.c). A mapping shrinks in place
 * (the tail is unmapped), grows in place if the space after it is free
 * (vma_expandable, then vma_adjust), and otherwise, with MREMAP_MAYMOVE,
 * moves: copy_vma (mm/mmap.c) makes the VMA at the new place, merging it
 * with a neighbour when it can, move_page_tables carries the PTEs over
 * (the pages themselves do not move or get copied) and the old range is
 * unmapped. MREMAP_FIXED moves to a given place, unmapping what is there;
 * MREMAP_DONTUNMAP moves and leaves the old VMA in place, empty.
 *
 * move_page_tables moves PTE by PTE (Linux also moves whole PMDs when
 * source and destination are PMD-aligned); page-table pages it needs are
 * allocated and counted as mm/memory.c counts them. Left out: mlocked
 * mappings (mm_populate of the grown part), userfaultfd and hugetlb.
 * old_len == 0 on a shared mapping makes a second mapping of the same
 * pages, as Linux does (-EINVAL for a private one).
 *
 * A file mapping keeps its file offset wherever it goes: the moved VMA's
 * vm_pgoff is the old one's at old_addr, a grown one keeps its vm_pgoff
 * and covers more of the file. Each VMA made, grown or dropped here
 * moves in the file's i_mmap with it (copy_vma links the new one,
 * vma_adjust re-inserts a grown one, do_munmap unlinks the old one), and
 * move_page_tables holds i_mmap_rwsem so that a truncation never misses
 * a PTE in flight.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

#ifndef _PAGE_TABLE
#define _PAGE_TABLE (_KERNPG_TABLE | _PAGE_USER)	/* as mm/memory.c's tables */
#endif

/* Fill an empty upper-level entry with a zeroed table (Linux: __pmd_alloc, __pte_alloc). */
static int alloc_table(struct mm_struct *mm, pteval_t *entry)
{
	struct page *new = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (!READ_ONCE(*entry)) {
		mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, 1);
		atomic_long_add(PAGE_SIZE, &mm->pgtables_bytes);
		WRITE_ONCE(*entry, page_to_phys(new) | _PAGE_TABLE);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		__free_page(new);
	return 0;
}

/* addr's PTE in mm, allocating the tables on the way (Linux: alloc_new_pmd + pte_alloc). */
static pte_t *alloc_new_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset_pgd(mm->pgd, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (pgtable_l5_enabled() && pgd_none(*pgd) && alloc_table(mm, &pgd->pgd))
		return NULL;
	p4d = p4d_offset(pgd, addr);
	if (p4d_none(*p4d) && alloc_table(mm, &p4d->p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (pud_none(*pud) && alloc_table(mm, &pud->pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd) && alloc_table(mm, &pmd->pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/*
 * A truncation of the file walks i_mmap without mmap_lock: while PTEs
 * move from the old VMA to the new one it must wait, or it could zap the
 * new range before a PTE arrives there and the old one after it left
 * (Linux: take_rmap_locks / drop_rmap_locks).
 */
static void take_rmap_locks(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_lock_write(vma->vm_file->f_mapping);
}

static void drop_rmap_locks(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		i_mmap_unlock_write(vma->vm_file->f_mapping);
}

/*
 * Move the PTEs of [old_addr, old_addr + len) to new_addr; returns how
 * many bytes were moved (less than len only if a page table could not be
 * allocated). Called with mmap_write_lock held: no fault can race; and
 * the file's i_mmap_rwsem, so no truncation can either.
 */
unsigned long move_page_tables(struct vm_area_struct *vma, unsigned long old_addr,
			       struct vm_area_struct *new_vma, unsigned long new_addr,
			       unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long off = 0, next;
	bool moved = false;

	take_rmap_locks(vma);
	while (off < len) {
		pte_t *old_pte = mm_find_pte(mm, old_addr + off, &next);
		pte_t *new_pte;
		pteval_t val;

		if (!old_pte) {		/* no table here: nothing to move up to next */
			off = next - old_addr;
			continue;
		}
		if (pte_none(*old_pte)) {
			off += PAGE_SIZE;
			continue;
		}
		new_pte = alloc_new_pte(mm, new_addr + off);
		if (!new_pte)
			break;
		spin_lock(&mm->page_table_lock);
		/* Atomically: the CPU may set Accessed/Dirty in the old PTE meanwhile. */
		val = __atomic_exchange_n(&old_pte->pte, 0, __ATOMIC_SEQ_CST);
		WRITE_ONCE(new_pte->pte, val);
		spin_unlock(&mm->page_table_lock);
		moved = true;
		off += PAGE_SIZE;
	}
	if (off > len)
		off = len;
	if (moved)
		flush_tlb_range(vma, old_addr, old_addr + off);
	drop_rmap_locks(vma);
	return off;
}

/*
 * The VMA for [addr, addr + len) with *vmap's flags and file at pgoff:
 * a neighbour extended to cover it, or a new one (Linux: copy_vma).
 */
struct vm_area_struct *copy_vma(struct vm_area_struct **vmap, unsigned long addr,
				unsigned long len, pgoff_t pgoff)
{
	struct vm_area_struct *vma = *vmap, *new_vma, *prev;
	struct mm_struct *mm = vma->vm_mm;

	/*
	 * The new place keeps the old pgoff, so a moved anonymous VMA merges
	 * only with what it came from. (Linux resets pgoff for an anonymous
	 * VMA never faulted in, no anon_vma yet; there is no anon_vma here.)
	 */
	if (find_vma_intersection(mm, addr, addr + len))
		return NULL;
	find_vma_prev(mm, addr, &prev);
	new_vma = vma_merge(mm, prev, addr, addr + len, vma->vm_flags, vma->vm_file, pgoff);
	if (new_vma) {
		/* Merged with the source itself (moving back over it)? */
		if (new_vma->vm_start <= vma->vm_start && new_vma->vm_end >= vma->vm_end)
			*vmap = new_vma;
		return new_vma;
	}
	new_vma = vm_area_dup(vma);
	if (!new_vma)
		return NULL;
	new_vma->vm_start = addr;
	new_vma->vm_end = addr + len;
	new_vma->vm_pgoff = pgoff;
	if (new_vma->vm_file)
		get_file(new_vma->vm_file);
	if (new_vma->vm_ops && new_vma->vm_ops->open)
		new_vma->vm_ops->open(new_vma);
	if (vma_link_new(mm, new_vma)) {
		if (new_vma->vm_file)
			fput(new_vma->vm_file);
		vm_area_free(new_vma);
		return NULL;
	}
	return new_vma;
}

static unsigned long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
			      unsigned long old_len, unsigned long new_len,
			      unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma;
	vm_flags_t vm_flags = vma->vm_flags;
	pgoff_t new_pgoff;
	unsigned long moved_len, excess = 0;
	bool split = false;
	int err = 0;

	/* Moving splits the source (at most twice) and adds one VMA. */
	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;

	/* DONTUNMAP keeps the old mapping: the new one is committed on top. */
	if ((flags & MREMAP_DONTUNMAP) && (vm_flags & VM_ACCOUNT)) {
		if (security_vm_enough_memory_mm(mm, new_len >> PAGE_SHIFT))
			return -ENOMEM;
	}

	new_pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	new_vma = copy_vma(&vma, new_addr, new_len, new_pgoff);
	if (!new_vma) {
		if ((flags & MREMAP_DONTUNMAP) && (vm_flags & VM_ACCOUNT))
			vm_unacct_memory(new_len >> PAGE_SHIFT);
		return -ENOMEM;
	}

	moved_len = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (moved_len < old_len) {
		/* Out of memory for page tables: put back what moved, drop the new VMA. */
		move_page_tables(new_vma, new_addr, vma, old_addr, moved_len);
		vma = new_vma;
		old_len = new_len;
		old_addr = new_addr;
		new_addr = -ENOMEM;
		err = -ENOMEM;
	}

	/*
	 * The new VMA carries the old range's charge: hide VM_ACCOUNT while
	 * the old range is unmapped so the charge is not given back, then
	 * restore it on whatever is left of the old VMA (Linux: move_vma).
	 */
	if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP)) {
		vma->vm_flags &= ~VM_ACCOUNT;
		excess = vma->vm_end - vma->vm_start - old_len;
		if (old_addr > vma->vm_start && old_addr + old_len < vma->vm_end)
			split = true;
	}

	vm_stat_account(mm, vm_flags, new_len >> PAGE_SHIFT);
	if (!err && (flags & MREMAP_DONTUNMAP)) {
		/* The old VMA stays, empty: its pages moved; it is accounted twice now. */
		return new_addr;
	}
	if (do_munmap(mm, old_addr, old_len) < 0) {
		/* Linux leaves both mappings then; so do we, their accounts right. */
		if ((vm_flags & VM_ACCOUNT) && !(flags & MREMAP_DONTUNMAP))
			vm_acct_memory(old_len >> PAGE_SHIFT);
		excess = 0;
	}
	if (excess) {
		vma->vm_flags |= VM_ACCOUNT;
		if (split)
			vma->vm_next->vm_flags |= VM_ACCOUNT;
	}
	return new_addr;
}

/* The VMA to resize, or an ERR_PTR with mremap's errors (Linux: vma_to_resize). */
static struct vm_area_struct *vma_to_resize(unsigned long addr, unsigned long old_len,
					    unsigned long new_len, unsigned long flags,
					    unsigned long *p)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = find_vma(mm, addr);
	pgoff_t pgoff;

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	/* old_len 0 makes a second mapping of a shared one's pages; private: -EINVAL. */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return ERR_PTR(-EINVAL);
	if ((flags & MREMAP_DONTUNMAP) && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EINVAL);
	/* We can't remap across vm area boundaries. */
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len == old_len)
		return vma;

	pgoff = (addr - vma->vm_start) >> PAGE_SHIFT;
	pgoff += vma->vm_pgoff;
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return ERR_PTR(-EINVAL);
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return ERR_PTR(-EFAULT);
	if (!may_expand_vm(mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	/* The growth is committed memory; *p: what to give back if mremap fails. */
	if (vma->vm_flags & VM_ACCOUNT) {
		unsigned long charged = (new_len - old_len) >> PAGE_SHIFT;

		if (security_vm_enough_memory_mm(mm, charged))
			return ERR_PTR(-ENOMEM);
		*p = charged;
	}
	return vma;
}

/* MREMAP_FIXED / MREMAP_DONTUNMAP (Linux: mremap_to). */
static unsigned long mremap_to(unsigned long addr, unsigned long old_len,
			       unsigned long new_addr, unsigned long new_len,
			       unsigned long flags)
{
	unsigned long charged = 0;
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret, map_flags = 0;

	if (offset_in_page(new_addr))
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	/* Ensure the old and new locations do not overlap. */
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	/* DONTUNMAP keeps the old VMA: that needs one more VMA. */
	if ((mm->map_count + 2) >= sysctl_max_map_count - 3)
		return -ENOMEM;

	if (flags & MREMAP_FIXED) {
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}

	vma = vma_to_resize(addr, old_len, new_len, flags, &charged);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if ((flags & MREMAP_DONTUNMAP) &&
	    !may_expand_vm(mm, vma->vm_flags, old_len >> PAGE_SHIFT)) {
		ret = -ENOMEM;
		goto out;
	}

	if (flags & MREMAP_FIXED)
		map_flags |= MAP_FIXED;
	if (vma->vm_flags & VM_MAYSHARE)
		map_flags |= MAP_SHARED;
	ret = get_unmapped_area(vma->vm_file, new_addr, new_len,
				vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT), map_flags);
	if (IS_ERR_VALUE(ret))
		goto out;
	/* No MREMAP_FIXED: DONTUNMAP's new_addr is only a hint. */
	new_addr = ret;
	ret = move_vma(vma, addr, old_len, new_len, new_addr, flags);
out:
	if (IS_ERR_VALUE(ret))
		vm_unacct_memory(charged);
	return ret;
}

/* Is there room after vma for delta more bytes? (Linux: vma_expandable) */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end)	/* overflow */
		return false;
	if (vma->vm_next && vma->vm_next->vm_start < end)
		return false;
	if (IS_ERR_VALUE(get_unmapped_area(NULL, vma->vm_start, end - vma->vm_start, 0, MAP_FIXED)))
		return false;
	return true;
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret = -EINVAL, charged = 0;

	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return ret;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return ret;
	/* DONTUNMAP moves, and only private anonymous mappings of the same size. */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return ret;
	if (offset_in_page(addr))
		return ret;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	/* new_len 0 (or rounded up to 0 from near ULONG_MAX) is invalid. */
	if (!new_len)
		return ret;

	mmap_write_lock(mm);
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(addr, old_len, new_addr, new_len, flags);
		goto out;
	}

	/* Always allow a shrinking remap: unmap the tail. */
	if (old_len >= new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret && old_len != new_len)
			goto out;
		ret = addr;
		goto out;
	}

	vma = vma_to_resize(addr, old_len, new_len, flags, &charged);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}

	/* old_len reaches the end of the VMA: can it just grow? */
	if (old_len == vma->vm_end - addr && vma_expandable(vma, new_len - old_len)) {
		unsigned long delta = new_len - old_len;
		struct vm_area_struct *next = vma->vm_next;

		vma_adjust(vma, vma->vm_start, addr + new_len, vma->vm_pgoff);
		vm_stat_account(mm, vma->vm_flags, delta >> PAGE_SHIFT);
		/* It may now touch the next VMA: merge them if they agree. */
		if (next && next->vm_start == vma->vm_end)
			vma_merge(mm, vma->vm_prev, vma->vm_start, vma->vm_end, vma->vm_flags,
				  vma->vm_file, vma->vm_pgoff);
		ret = addr;
		goto out;
	}

	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		unsigned long map_flags = 0;

		if (vma->vm_flags & VM_MAYSHARE)
			map_flags |= MAP_SHARED;
		new_addr = get_unmapped_area(vma->vm_file, 0, new_len,
					     vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
					     map_flags);
		if (IS_ERR_VALUE(new_addr)) {
			ret = new_addr;
			goto out;
		}
		ret = move_vma(vma, addr, old_len, new_len, new_addr, flags);
	}
out:
	if (IS_ERR_VALUE(ret))
		vm_unacct_memory(charged);
	mmap_write_unlock(mm);
	return ret;
}
