// SPDX-License-Identifier: GPL-2.0
/*
 * memfd_create(2) and file sealing (Linux: mm/memfd.c).
 *
 * memfd_create(name, flags) makes an unlinked shmem file of size 0 named
 * "memfd:NAME" (shmem_file_setup, so /proc/PID/fd and /proc/PID/maps show
 * "/memfd:NAME (deleted)") and installs it at the lowest free fd, with
 * FD_CLOEXEC for MFD_CLOEXEC. Every shmem inode is born with F_SEAL_SEAL
 * (shmem_get_inode), so no seal can be added to it; MFD_ALLOW_SEALING
 * clears that bit for the new file.
 *
 * The seals (shmem_inode_info->seals, under the inode lock):
 *  F_SEAL_SEAL    no more seals (F_ADD_SEALS: -EPERM);
 *  F_SEAL_SHRINK  ftruncate to a smaller size: -EPERM (shmem_setattr);
 *  F_SEAL_GROW    ftruncate to a larger size, write() past EOF, fallocate
 *                 past EOF: -EPERM (shmem_setattr, shmem_write_begin,
 *                 shmem_fallocate);
 *  F_SEAL_WRITE   write(), hole punching, and new shared writable
 *                 mappings: -EPERM; adding it while a shared writable
 *                 mapping exists is -EBUSY (mapping_deny_writable() turns
 *                 i_mmap_writable negative only when it is 0);
 *  F_SEAL_FUTURE_WRITE  the same, except that mappings made before stay
 *                 writable.
 * fcntl(F_ADD_SEALS) needs a writable fd (-EPERM), known seal bits
 * (-EINVAL) and a shmem file (-EINVAL); F_GET_SEALS gives the bits.
 *
 * Left out, against Linux: MFD_HUGETLB (no hugetlbfs: -EINVAL; Linux
 * without CONFIG_HUGETLBFS gives -ENOSYS), MFD_NOEXEC_SEAL/MFD_EXEC and
 * F_SEAL_EXEC (Linux 6.3), memfd_wait_for_pins() (nothing pins shmem
 * pages for DMA here, so there are no extra references to wait for).
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define MFD_NAME_PREFIX "memfd:"
#define MFD_NAME_PREFIX_LEN (sizeof(MFD_NAME_PREFIX) - 1)
#define MFD_NAME_MAX_LEN (NAME_MAX - MFD_NAME_PREFIX_LEN)	/* 249 */
#define MFD_ALL_FLAGS (MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB)

/* The seals of a shmem file; NULL for any other (Linux: memfd_file_seals_ptr). */
static unsigned int *memfd_file_seals_ptr(struct file *file)
{
	if (file->f_mapping && shmem_mapping(file->f_mapping))
		return &SHMEM_I(file_inode(file))->seals;
	return NULL;
}

static int memfd_add_seals(struct file *file, unsigned int seals)
{
	struct inode *inode = file_inode(file);
	unsigned int *file_seals;
	int error;

	/*
	 * Sealing needs a writable fd: otherwise a reader could seal a
	 * file another process still means to write (Linux's rule).
	 */
	if (!(file->f_mode & FMODE_WRITE))
		return -EPERM;
	if (seals & ~(unsigned int)F_ALL_SEALS)
		return -EINVAL;

	inode_lock(inode);
	file_seals = memfd_file_seals_ptr(file);
	if (!file_seals) {
		error = -EINVAL;
		goto unlock;
	}
	if (*file_seals & F_SEAL_SEAL) {
		error = -EPERM;
		goto unlock;
	}
	if ((seals & F_SEAL_WRITE) && !(*file_seals & F_SEAL_WRITE)) {
		/* -EBUSY while a shared writable mapping exists. */
		error = mapping_deny_writable(file->f_mapping);
		if (error)
			goto unlock;
	}
	*file_seals |= seals;
	error = 0;
unlock:
	inode_unlock(inode);
	return error;
}

static int memfd_get_seals(struct file *file)
{
	unsigned int *seals = memfd_file_seals_ptr(file);

	return seals ? (int)*seals : -EINVAL;
}

long memfd_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case F_ADD_SEALS:
		/* disallow upper 32bit */
		if (arg > (unsigned int)~0U)
			return -EINVAL;
		return memfd_add_seals(file, arg);
	case F_GET_SEALS:
		return memfd_get_seals(file);
	default:
		return -EINVAL;
	}
}

int memfd_seal_check_mmap(unsigned int seals, struct vm_area_struct *vma)
{
	if (seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) {
		if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_WRITE))
			return -EPERM;
		/* A shared read-only mapping may not become writable by mprotect. */
		if (vma->vm_flags & VM_SHARED)
			vma->vm_flags &= ~VM_MAYWRITE;
	}
	return 0;
}

SYSCALL_DEFINE2(memfd_create, const char __user *, uname, unsigned int, flags)
{
	unsigned int *file_seals;
	struct file *file;
	int fd, error;
	char *name;
	long len;

	if (!(flags & MFD_HUGETLB)) {
		if (flags & ~(unsigned int)MFD_ALL_FLAGS)
			return -EINVAL;
	} else {
		/* A huge page size may be encoded in the flags; there is no hugetlbfs. */
		if (flags & ~(unsigned int)(MFD_ALL_FLAGS | (MFD_HUGE_MASK << MFD_HUGE_SHIFT)))
			return -EINVAL;
		return -EINVAL;
	}

	/* The length includes the terminating NUL. */
	len = strnlen_user(uname, MFD_NAME_MAX_LEN + 1);
	if (len <= 0)
		return -EFAULT;
	if (len > (long)MFD_NAME_MAX_LEN + 1)
		return -EINVAL;

	name = kmalloc(len + MFD_NAME_PREFIX_LEN, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	memcpy(name, MFD_NAME_PREFIX, MFD_NAME_PREFIX_LEN);
	if (copy_from_user(&name[MFD_NAME_PREFIX_LEN], uname, len)) {
		error = -EFAULT;
		goto err_name;
	}
	/* The terminating NUL may have changed since strnlen_user() looked. */
	if (name[len + MFD_NAME_PREFIX_LEN - 1]) {
		error = -EFAULT;
		goto err_name;
	}

	fd = get_unused_fd_flags((flags & MFD_CLOEXEC) ? O_CLOEXEC : 0);
	if (fd < 0) {
		error = fd;
		goto err_name;
	}
	file = shmem_file_setup(name, 0, VM_NORESERVE);
	if (IS_ERR(file)) {
		error = PTR_ERR(file);
		goto err_fd;
	}
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	file->f_flags |= O_LARGEFILE;
	if (flags & MFD_ALLOW_SEALING) {
		file_seals = memfd_file_seals_ptr(file);
		*file_seals &= ~F_SEAL_SEAL;
	}
	fd_install(fd, file);
	kfree(name);
	return fd;

err_fd:
	put_unused_fd(fd);
err_name:
	kfree(name);
	return error;
}
