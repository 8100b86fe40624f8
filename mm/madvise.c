// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2) (Linux: mm/madvise.c). The range must be page-aligned and is
 * walked VMA by VMA; holes are skipped but make the result -ENOMEM, as
 * Linux. What each advice does here:
 *   MADV_DONTNEED, MADV_DONTNEED_LOCKED, MADV_FREE: the pages are zapped
 *	at once (zap_page_range: PTEs cleared, TLBs flushed, pages freed);
 *	the next touch faults in a zero page. (MADV_FREE frees lazily in
 *	Linux; freeing at once is one of the behaviours it allows.)
 *   MADV_DONTFORK/DOFORK, MADV_WIPEONFORK/KEEPONFORK, MADV_DONTDUMP/DODUMP:
 *	set or clear VM_DONTCOPY, VM_WIPEONFORK, VM_DONTDUMP, splitting and
 *	merging VMAs as mprotect does (Linux: madvise_behavior).
 *   MADV_REMOVE: punch a hole in a shared writable mapping's file
 *	(vfs_fallocate(FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE), with
 *	mmap_lock dropped, as Linux's madvise_remove): the pages leave the
 *	file and every mapping of it (unmap_mapping_range), shared anonymous
 *	memory included; -EACCES for a mapping that is not shared and
 *	writable, -EINVAL without a file or for a locked VMA.
 *   the other advice Linux knows (NORMAL, RANDOM, SEQUENTIAL, WILLNEED,
 *	COLD, PAGEOUT, MERGEABLE, HUGEPAGE, POPULATE_*...): accepted, 0.
 *   anything else, and MADV_HWPOISON/SOFT_OFFLINE: -EINVAL.
 * Left out: the VM_RAND_READ/SEQ_READ hints, KSM, THP, page-out, populate.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include "internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_DOFORK:
	case MADV_DONTFORK:
	case MADV_NORMAL:
	case MADV_SEQUENTIAL:
	case MADV_RANDOM:
	case MADV_REMOVE:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
	case MADV_MERGEABLE:
	case MADV_UNMERGEABLE:
	case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
		return true;
	default:
		return false;
	}
}

/* Advice that changes vm_flags needs mmap_write_lock (Linux: madvise_need_mmap_write). */
static bool madvise_need_mmap_write(int behavior)
{
	switch (behavior) {
	case MADV_DONTFORK:
	case MADV_DOFORK:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
		return true;
	default:
		return false;
	}
}

/* The flag-changing advice (Linux: madvise_behavior). */
static int madvise_behavior(struct vm_area_struct *vma, struct vm_area_struct **prev,
			    unsigned long start, unsigned long end, int behavior)
{
	vm_flags_t new_flags = vma->vm_flags;

	switch (behavior) {
	case MADV_DONTFORK:
		new_flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		if (vma->vm_flags & VM_IO)
			return -EINVAL;
		new_flags &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;	/* only private anonymous memory */
		new_flags |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		new_flags &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		new_flags |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:
		if (!vma->vm_file && (vma->vm_flags & VM_PFNMAP))
			return -EINVAL;
		new_flags &= ~VM_DONTDUMP;
		break;
	}
	vma = vma_modify_flags(vma->vm_mm, vma, start, end, new_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	*prev = vma;
	return 0;
}

/* Linux: madvise_remove. Returns with mmap_read_lock held again, *prev NULL. */
static int madvise_remove(struct vm_area_struct *vma, struct vm_area_struct **prev,
			  unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *f;
	loff_t offset;
	int error;

	*prev = NULL;	/* tell do_madvise we dropped mmap_lock */
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	f = vma->vm_file;
	if (!f || !f->f_mapping || !f->f_mapping->host)
		return -EINVAL;
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return -EACCES;
	offset = (loff_t)(start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	/* The file may go with the VMA once mmap_lock is dropped: hold it. */
	get_file(f);
	mmap_read_unlock(mm);
	error = vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, end - start);
	fput(f);
	mmap_read_lock(mm);
	return error;
}

static int madvise_vma(struct vm_area_struct *vma, struct vm_area_struct **prev,
		       unsigned long start, unsigned long end, int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
		*prev = vma;
		if (behavior != MADV_DONTNEED_LOCKED && (vma->vm_flags & VM_LOCKED))
			return -EINVAL;
		if (vma->vm_flags & VM_PFNMAP)
			return -EINVAL;
		if (behavior == MADV_FREE && !vma_is_anonymous(vma))
			return -EINVAL;
		zap_page_range(vma, start, end - start);
		return 0;
	case MADV_REMOVE:
		return madvise_remove(vma, prev, start, end);
	default:
		if (madvise_need_mmap_write(behavior))
			return madvise_behavior(vma, prev, start, end, behavior);
		*prev = vma;
		return 0;
	}
}

static int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior)
{
	struct vm_area_struct *vma, *prev;
	unsigned long end, tmp;
	int unmapped_error = 0, error;
	bool write;
	size_t len;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)	/* rounded up from a tiny negative to 0 */
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	write = madvise_need_mmap_write(behavior);
	if (write)
		mmap_write_lock(mm);
	else
		mmap_read_lock(mm);

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;
	for (;;) {
		error = -ENOMEM;
		if (!vma)
			goto out;
		/* A hole: skip it, but the answer is -ENOMEM at the end. */
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				goto out;
		}
		tmp = min(vma->vm_end, end);
		error = madvise_vma(vma, &prev, start, tmp, behavior);
		if (error)
			goto out;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		error = unmapped_error;
		if (start >= end)
			goto out;
		vma = prev ? prev->vm_next : find_vma(mm, start);
	}
out:
	if (write)
		mmap_write_unlock(mm);
	else
		mmap_read_unlock(mm);
	return error;
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(current->mm, start, len_in, behavior);
}
