// SPDX-License-Identifier: GPL-2.0
/*
 * Flushing files to their storage (Linux: fs/sync.c): fsync, fdatasync,
 * sync, syncfs and sync_file_range (its checks: bad flags or a negative
 * range -EINVAL, a pipe -ESPIPE; then nothing to do). vfs_fsync() asks the file's ->fsync (noop_fsync for
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

#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4
#define VALID_FLAGS (SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | \
		     SYNC_FILE_RANGE_WAIT_AFTER)

SYSCALL_DEFINE4(sync_file_range, int, fd, loff_t, offset, loff_t, nbytes, unsigned int, flags)
{
	struct fd f;
	umode_t mode;
	long ret = 0;

	if (flags & ~VALID_FLAGS)
		return -EINVAL;
	if (offset < 0 || nbytes < 0 || offset + nbytes < 0)
		return -EINVAL;
	f = fdget(fd);
	if (!f.file)
		return -EBADF;
	mode = file_inode(f.file)->i_mode;
	if (!S_ISREG(mode) && !S_ISBLK(mode) && !S_ISDIR(mode) && !S_ISLNK(mode))
		ret = -ESPIPE;
	fdput(f);
	return ret;
}
