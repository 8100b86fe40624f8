// SPDX-License-Identifier: GPL-2.0
/*
 * statfs(2) and fstatfs(2) (Linux: fs/statfs.c): vfs_statfs() asks the
 * superblock's ->statfs (fs/super.c) and the result is copied out as
 * x86-64's struct statfs (120 bytes). f_fsid is the device number (Linux
 * derives tmpfs's from its uuid), f_frsize defaults to f_bsize, f_flags
 * is ST_VALID plus the superblock's read-only/nosuid/nodev/noexec bits. A
 * filesystem without ->statfs (pipefs here) gives -ENOSYS, as in Linux.
 * Left out: statfs64/fstatfs64 (32-bit ABIs), ustat, per-mount flags.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define ST_RDONLY 0x0001
#define ST_NOSUID 0x0002
#define ST_NODEV 0x0004
#define ST_NOEXEC 0x0008
#define ST_VALID 0x0020

struct statfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	struct {
		int val[2];
	} f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};
_Static_assert(sizeof(struct statfs) == 120, "x86-64 struct statfs");

static int do_statfs_native(const struct path *path, struct statfs __user *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	struct kstatfs st;
	struct statfs tmp;
	int error = vfs_statfs(path, &st);

	if (error)
		return error;
	memset(&tmp, 0, sizeof(tmp));
	tmp.f_type = st.f_type;
	tmp.f_bsize = st.f_bsize;
	tmp.f_blocks = st.f_blocks;
	tmp.f_bfree = st.f_bfree;
	tmp.f_bavail = st.f_bavail;
	tmp.f_files = st.f_files;
	tmp.f_ffree = st.f_ffree;
	tmp.f_fsid.val[0] = new_encode_dev(sb->s_dev);
	tmp.f_namelen = st.f_namelen;
	tmp.f_frsize = st.f_frsize ? st.f_frsize : st.f_bsize;
	tmp.f_flags = ST_VALID;
	if (sb->s_flags & SB_RDONLY)
		tmp.f_flags |= ST_RDONLY;
	if (sb->s_flags & SB_NOSUID)
		tmp.f_flags |= ST_NOSUID;
	if (sb->s_flags & SB_NODEV)
		tmp.f_flags |= ST_NODEV;
	if (sb->s_flags & SB_NOEXEC)
		tmp.f_flags |= ST_NOEXEC;
	return copy_to_user(buf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct path path;
	int error = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	error = do_statfs_native(&path, buf);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct fd f = fdget_raw(fd);
	int error;

	if (!f.file)
		return -EBADF;
	error = do_statfs_native(&f.file->f_path, buf);
	fdput(f);
	return error;
}
