// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2) (Linux: mm/msync.c): checks the flags and the range as Linux
 * does (-EINVAL for unknown flags, MS_ASYNC with MS_SYNC, or an unaligned
 * start; -ENOMEM if part of the range is unmapped; -EBUSY for
 * MS_INVALIDATE of a locked VMA). MS_SYNC of a shared file mapping
 * calls the file's ->fsync for the range, as Linux (vfs_fsync_range,
 * with mmap_lock dropped around it); every file that can be mapped is
 * tmpfs, whose fsync is noop_fsync: the page cache is the only copy, and
 * a write through a mapping is in it already (read() sees it at once).
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include "internal.h"

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int unmapped_error = 0, error = -EINVAL;
	unsigned long end;
	struct file *file;
	loff_t fstart, fend;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return error;
	if (offset_in_page(start))
		return error;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return error;
	error = -ENOMEM;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return error;
	error = 0;
	if (end == start)
		return error;

	/* Walk the VMAs: any hole is -ENOMEM (MS_ASYNC stops at the first). */
	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	for (;;) {
		error = -ENOMEM;
		if (!vma)
			break;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				break;
			start = vma->vm_start;
			if (start >= end)
				break;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED)) {
			error = -EBUSY;
			break;
		}
		file = vma->vm_file;
		fstart = (start - vma->vm_start) + ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
		fend = fstart + (min(end, vma->vm_end) - start) - 1;
		start = vma->vm_end;
		if ((flags & MS_SYNC) && file && (vma->vm_flags & VM_SHARED) &&
		    file->f_op->fsync) {
			get_file(file);
			mmap_read_unlock(mm);
			error = file->f_op->fsync(file, fstart, fend, 1);
			fput(file);
			if (error || start >= end)
				goto out;
			mmap_read_lock(mm);
			vma = find_vma(mm, start);
			continue;
		}
		if (start >= end) {
			error = 0;
			break;
		}
		vma = vma->vm_next;
	}
	mmap_read_unlock(mm);
out:
	return error ? error : unmapped_error;
}
