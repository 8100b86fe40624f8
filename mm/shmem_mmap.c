// SPDX-License-Identifier: GPL-2.0
/*
 * Mappings of shmem files (Linux: the mmap part of mm/shmem.c, apart
 * here to keep mm/shmem.c under a thousand lines): shmem_mmap, tmpfs's
 * f_op->mmap; shmem_fault, the ->fault of its VMAs (the page-cache
 * folio at the fault's file page by shmem_get_folio(SGP_CACHE): zeroed
 * at a hole, -EINVAL past i_size, which is SIGBUS); shmem_vm_ops and
 * shmem_anon_vm_ops; shmem_zero_setup for MAP_SHARED|MAP_ANONYMOUS.
 * mm/memory.c maps what shmem_fault returns (docs/mm/shared-memory.md).
 *
 * Left out, against Linux: ->map_pages (fault-around), the shmem_falloc
 * wait of a fault racing a hole punch, NUMA policy (->set_policy,
 * ->get_policy), huge pages (shmem_get_unmapped_area) and swap.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>

#include "shmem_internal.h"

/*
 * A page fault in a mapping of a shmem file (Linux: shmem_fault): the
 * page-cache folio at vmf->pgoff, allocated zeroed at a hole. Past
 * i_size there is nothing to map: SGP_CACHE fails with -EINVAL and the
 * access gets SIGBUS (BUS_ADRERR, mm/fault.c). Returns the folio locked
 * and referenced; mm/memory.c maps it (shared, or read-only in a
 * private mapping) or copies it (a private write: do_cow_fault).
 */
static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct folio *folio = NULL;
	int err;

	err = shmem_get_folio(inode, vmf->pgoff, &folio, SGP_CACHE);
	if (err) {
		if (err == -ENOMEM)
			return VM_FAULT_OOM;
		return VM_FAULT_SIGBUS;	/* -EINVAL past EOF, -ENOSPC over size=, -EFBIG */
	}
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
};

/* /proc/PID/maps names shared anonymous memory as Linux's d_path of its file does. */
static const char *shmem_anon_name(struct vm_area_struct *vma)
{
	return "/dev/zero (deleted)";
}

/* MAP_SHARED|MAP_ANONYMOUS memory (Linux: shmem_anon_vm_ops, vma_is_anon_shmem). */
static const struct vm_operations_struct shmem_anon_vm_ops = {
	.fault = shmem_fault,
	.name = shmem_anon_name,
};

bool vma_is_anon_shmem(struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_anon_vm_ops;
}

/*
 * f_op->mmap of a tmpfs file (Linux: shmem_mmap): the seals may refuse
 * it (a shared writable mapping of a write-sealed memfd: -EPERM, mm/memfd.c),
 * then faults go to shmem_fault.
 */
int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = memfd_seal_check_mmap(SHMEM_I(file_inode(file))->seals, vma);

	if (ret)
		return ret;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

/*
 * Shared anonymous memory is a shmem file of the mapping's size that no
 * one can open (Linux: shmem_zero_setup): a fault takes the file's page
 * at vm_pgoff (from 0), and a fork shares the file, so parent and child
 * see one page however late either touches it.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file;
	loff_t size = vma->vm_end - vma->vm_start;

	file = shmem_kernel_file_setup("dev/zero", size, vma->vm_flags);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_anon_vm_ops;
	return 0;
}
