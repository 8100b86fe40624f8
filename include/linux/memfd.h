/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memfd_create(2) and file seals (Linux: include/linux/memfd.h, the seal
 * and F_*_SEALS values of include/uapi/linux/fcntl.h and memfd.h). The
 * seals of a shmem file live in shmem_inode_info->seals; every other
 * file has none (F_ADD_SEALS/F_GET_SEALS: -EINVAL). See mm/memfd.c.
 */
#ifndef _LINUX_MEMFD_H
#define _LINUX_MEMFD_H

#include <linux/types.h>

struct file;
struct vm_area_struct;

#define F_LINUX_SPECIFIC_BASE 1024
#define F_ADD_SEALS (F_LINUX_SPECIFIC_BASE + 9)
#define F_GET_SEALS (F_LINUX_SPECIFIC_BASE + 10)

#define F_SEAL_SEAL 0x0001		/* prevent further seals from being set */
#define F_SEAL_SHRINK 0x0002		/* prevent file from shrinking */
#define F_SEAL_GROW 0x0004		/* prevent file from growing */
#define F_SEAL_WRITE 0x0008		/* prevent writes */
#define F_SEAL_FUTURE_WRITE 0x0010	/* prevent future writes while mapped */
#define F_ALL_SEALS (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | \
		     F_SEAL_FUTURE_WRITE)

#define MFD_CLOEXEC 0x0001U
#define MFD_ALLOW_SEALING 0x0002U
#define MFD_HUGETLB 0x0004U
#define MFD_HUGE_SHIFT 26
#define MFD_HUGE_MASK 0x3f

/* fcntl(F_ADD_SEALS / F_GET_SEALS), from fs/fcntl.c. */
long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg);

/*
 * For a shmem file's ->mmap (Linux 6.1: seal_check_future_write(), with
 * the F_SEAL_WRITE case of later Linux's seal_check_write()): a shared
 * writable mapping of a write-sealed file is -EPERM; a shared read-only
 * one loses VM_MAYWRITE, so mprotect cannot make it writable later.
 */
int memfd_seal_check_mmap(unsigned int seals, struct vm_area_struct *vma);

#endif /* _LINUX_MEMFD_H */
