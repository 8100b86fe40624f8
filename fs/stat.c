// SPDX-License-Identifier: GPL-2.0
/*
 * What stat() reports (Linux: fs/stat.c): vfs_getattr() asks the
 * inode's ->getattr, or copies the inode's fields (generic_fillattr).
 *
 * The system calls turn struct kstat into user space's layouts: struct
 * stat as x86-64 Linux lays it out (arch/x86/include/uapi/asm/stat.h, 144
 * bytes, device numbers in new_encode_dev form) for fstat, stat, lstat
 * and newfstatat (sys_newfstat, sys_newstat, sys_newlstat, as the table
 * names them: the "new" stat of 1990s Linux is x86-64's only one), and
 * struct statx (include/uapi/linux/stat.h, 256 bytes) for statx. An
 * empty name with AT_EMPTY_PATH stats the dfd itself; AT_SYMLINK_NOFOLLOW
 * stats a link rather than what it names. Flags outside Linux's set are
 * -EINVAL, as are statx's reserved mask bit and both sync types at once.
 * Left out: the old (pre-"new") stat of 32-bit ABIs, stat64, STATX_BTIME
 * (no filesystem keeps a birth time), statx attributes other than
 * STATX_ATTR_MOUNT_ROOT, the AT_STATX_* sync types (accepted, ignored:
 * nothing is remote).
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "mount.h"

void generic_fillattr(u32 request_mask, struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1U << inode->i_sb->s_blocksize_bits;
	stat->blocks = inode->i_blocks;
	stat->result_mask |= STATX_BASIC_STATS;
}

int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op->getattr)
		return inode->i_op->getattr(path, stat, request_mask, query_flags);
	generic_fillattr(request_mask, inode, stat);
	return 0;
}

/* ---- the system calls ------------------------------------------------------------------ */

/* x86-64's struct stat (Linux: arch/x86/include/uapi/asm/stat.h). */
struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __unused[3];
};
_Static_assert(sizeof(struct stat) == 144, "x86-64 Linux's struct stat is 144 bytes");

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

/* Linux: include/uapi/linux/stat.h. */
struct statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0[1];
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	u32 stx_rdev_major;
	u32 stx_rdev_minor;
	u32 stx_dev_major;
	u32 stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align;
	u32 stx_dio_offset_align;
	u64 __spare3[12];
};
_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

#define AT_NO_AUTOMOUNT 0x800
#define AT_STATX_SYNC_TYPE 0x6000
#define STATX_MNT_ID 0x00001000U
#define STATX__RESERVED 0x80000000U
#define STATX_ATTR_MOUNT_ROOT 0x00002000

/* Kernel threads have no fd table: every fd is closed. */
static struct fd fdget_any(unsigned int fd)
{
	struct fd none = { NULL, 0 };

	return current->files ? fdget_raw(fd) : none;
}

static int vfs_statx_path(const struct path *path, struct kstat *stat, u32 request_mask,
			  unsigned int flags)
{
	int err = vfs_getattr(path, stat, request_mask, flags);

	if (!err)
		stat->result_mask |= STATX_MNT_ID;
	return err;
}

/* Linux: vfs_statx(); also the one place the dentry is known, for STATX_ATTR_MOUNT_ROOT. */
static int vfs_statx(int dfd, const char __user *filename, int flags, struct kstat *stat,
		     u32 request_mask, u64 *mnt_id, bool *mnt_root)
{
	unsigned int lookup_flags = 0;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (!(flags & AT_SYMLINK_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = vfs_statx_path(&path, stat, request_mask, flags);
	*mnt_id = real_mount(path.mnt)->mnt_id;
	*mnt_root = path.dentry == path.mnt->mnt_root;
	path_put(&path);
	return err;
}

static int vfs_fstat(unsigned int fd, struct kstat *stat)
{
	struct fd f = fdget_any(fd);
	int err;

	if (!f.file)
		return -EBADF;
	err = vfs_statx_path(&f.file->f_path, stat, STATX_BASIC_STATS, 0);
	fdput(f);
	return err;
}

static int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags)
{
	u64 mnt_id;
	bool root;

	/* Linux 6.x takes the fd shortcut for "" with AT_EMPTY_PATH. */
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	return vfs_statx(dfd, filename, flags | AT_NO_AUTOMOUNT, stat, STATX_BASIC_STATS,
			 &mnt_id, &root);
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	tmp.st_blocks = stat->blocks;
	tmp.st_blksize = stat->blksize;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return err ? err : cp_new_stat(&stat, statbuf);
}

long ksys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf,
		     int flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return ksys_newfstatat(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat(&stat, statbuf);
}

static void statx_time(struct statx_timestamp *t, const struct timespec64 *ts)
{
	t->tv_sec = ts->tv_sec;
	t->tv_nsec = ts->tv_nsec;
}

long ksys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
		struct statx __user *buffer)
{
	struct statx tmp;
	struct kstat stat;
	u64 mnt_id = 0;
	bool root = false;
	int err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = vfs_statx(dfd, filename, flags, &stat, mask, &mnt_id, &root);
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = stat.result_mask;
	tmp.stx_blksize = stat.blksize;
	tmp.stx_attributes = root ? STATX_ATTR_MOUNT_ROOT : 0;
	tmp.stx_attributes_mask = STATX_ATTR_MOUNT_ROOT;
	tmp.stx_nlink = stat.nlink;
	tmp.stx_uid = stat.uid;
	tmp.stx_gid = stat.gid;
	tmp.stx_mode = stat.mode;
	tmp.stx_ino = stat.ino;
	tmp.stx_size = stat.size;
	tmp.stx_blocks = stat.blocks;
	statx_time(&tmp.stx_atime, &stat.atime);
	statx_time(&tmp.stx_ctime, &stat.ctime);
	statx_time(&tmp.stx_mtime, &stat.mtime);
	tmp.stx_rdev_major = MAJOR(stat.rdev);
	tmp.stx_rdev_minor = MINOR(stat.rdev);
	tmp.stx_dev_major = MAJOR(stat.dev);
	tmp.stx_dev_minor = MINOR(stat.dev);
	tmp.stx_mnt_id = mnt_id;
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	return ksys_statx(dfd, filename, flags, mask, buffer);
}
