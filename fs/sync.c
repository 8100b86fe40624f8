// SPDX-License-Identifier: GPL-2.0
/*
 * Flushing files to their storage (Linux: fs/sync.c): fsync, fdatasync,
 * sync and syncfs. vfs_fsync() asks the file's ->fsync (noop_fsync for
 * tmpfs: memory is the storage); a file without one (a pipe, a
 * character device) is -EINVAL, as in Linux. sync() and syncfs() have
 * nothing to write back and succeed.
 * Left out: writeback (filemap_write_and_wait_range), sync_file_range,
 * ->sync_fs.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

static int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, datasync);
}

int vfs_fsync(struct file *file, int datasync)
{
	return vfs_fsync_range(file, 0, LLONG_MAX, datasync);
}

long ksys_fsync(unsigned int fd, int datasync)
{
	struct fd f = fdget(fd);
	long ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_fsync(f.file, datasync);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return ksys_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return ksys_fsync(fd, 1);
}

SYSCALL_DEFINE0(sync)
{
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct fd f = fdget(fd);

	if (!f.file)
		return -EBADF;
	fdput(f);
	return 0;
}
