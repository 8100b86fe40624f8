// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls early boot needs, for kernel callers (Linux:
 * fs/init.c). Each does what its system call does, on a kernel string,
 * relative to the calling task's root and working directory:
 * init/initramfs.c fills the root with them, and the in-kernel tests use
 * them as a program would use mkdir(2) or rename(2).
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/mount.h>
#include <linux/namei.h>

#include "internal.h"

int init_mount(const char *dev_name, const char *dir_name, const char *type_page,
	       unsigned long flags, void *data_page)
{
	struct path path;
	int ret = kern_path(dir_name, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = path_mount(dev_name, &path, type_page, flags, data_page);
	path_put(&path);
	return ret;
}

int init_umount(const char *name, int flags)
{
	int lookup_flags = (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	int ret = kern_path(name, lookup_flags, &path);

	if (ret)
		return ret;
	return path_umount(&path, flags);
}

int init_chdir(const char *filename)
{
	struct path path;
	int error = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (error)
		return error;
	set_fs_pwd(current_fs(), &path);
	path_put(&path);
	return 0;
}

int init_chroot(const char *filename)
{
	struct path path;
	int error = kern_path(filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (error)
		return error;
	set_fs_root(current_fs(), &path);
	path_put(&path);
	return 0;
}

static int setattr_path(const struct path *path, struct iattr *attr)
{
	struct inode *inode = path->dentry->d_inode;
	int error;

	inode_lock(inode);
	error = notify_change(path->dentry, attr);
	inode_unlock(inode);
	return error;
}

int init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	int lookup_flags = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	struct path path;
	int error = kern_path(filename, lookup_flags, &path);

	if (error)
		return error;
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	error = setattr_path(&path, &attr);
	path_put(&path);
	return error;
}

int init_chmod(const char *filename, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME, .ia_mode = mode & S_IALLUGO };
	struct path path;
	int error = kern_path(filename, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	error = setattr_path(&path, &attr);
	path_put(&path);
	return error;
}

/* Everyone is root: existing is enough (Linux checks MAY_ACCESS | MAY_EXEC). */
int init_eaccess(const char *filename)
{
	struct path path;
	int error = kern_path(filename, LOOKUP_FOLLOW, &path);

	if (!error)
		path_put(&path);
	return error;
}

int init_stat(const char *filename, struct kstat *stat, int flags)
{
	int lookup_flags = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct path path;
	int error = kern_path(filename, lookup_flags, &path);

	if (error)
		return error;
	error = vfs_getattr(&path, stat, STATX_BASIC_STATS, 0);
	path_put(&path);
	return error;
}

int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	struct dentry *dentry;
	struct path path;
	int error;

	if (S_ISFIFO(mode) || S_ISSOCK(mode))
		dev = 0;
	else if (!(S_ISBLK(mode) || S_ISCHR(mode)))
		return -EINVAL;
	dentry = kern_path_create(AT_FDCWD, filename, &path, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode &= ~current_fs()->umask;
	error = vfs_mknod(path.dentry->d_inode, dentry, mode, new_decode_dev(dev));
	done_path_create(&path, dentry);
	return error;
}

int init_link(const char *oldname, const char *newname)
{
	struct dentry *new_dentry;
	struct path old_path, new_path;
	int error = kern_path(oldname, 0, &old_path);

	if (error)
		return error;
	new_dentry = kern_path_create(AT_FDCWD, newname, &new_path, 0);
	error = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto out;
	error = -EXDEV;
	if (old_path.mnt == new_path.mnt)
		error = vfs_link(old_path.dentry, new_path.dentry->d_inode, new_dentry);
	done_path_create(&new_path, new_dentry);
out:
	path_put(&old_path);
	return error;
}

int init_symlink(const char *oldname, const char *newname)
{
	struct dentry *dentry;
	struct path path;
	int error;

	if (!*oldname)
		return -ENOENT;
	dentry = kern_path_create(AT_FDCWD, newname, &path, 0);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	error = vfs_symlink(path.dentry->d_inode, dentry, oldname);
	done_path_create(&path, dentry);
	return error;
}

int init_unlink(const char *pathname)
{
	return do_unlinkat(AT_FDCWD, getname_kernel(pathname));
}

int init_mkdir(const char *pathname, umode_t mode)
{
	struct dentry *dentry;
	struct path path;
	int error;

	dentry = kern_path_create(AT_FDCWD, pathname, &path, LOOKUP_DIRECTORY);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	mode &= ~current_fs()->umask;
	error = vfs_mkdir(path.dentry->d_inode, dentry, mode);
	done_path_create(&path, dentry);
	return error;
}

int init_rmdir(const char *pathname)
{
	return do_rmdir(AT_FDCWD, getname_kernel(pathname));
}

/* ts[0] is the access time, ts[1] the modification time, as utimensat(2). */
int init_utimes(char *filename, struct timespec64 *ts)
{
	struct iattr attr = {
		.ia_valid = ATTR_ATIME | ATTR_MTIME | ATTR_CTIME | ATTR_ATIME_SET | ATTR_MTIME_SET,
		.ia_atime = ts[0],
		.ia_mtime = ts[1],
	};
	struct path path;
	int error = kern_path(filename, 0, &path);

	if (error)
		return error;
	error = setattr_path(&path, &attr);
	path_put(&path);
	return error;
}

int init_rename(const char *oldname, const char *newname, unsigned int flags)
{
	struct filename *from = getname_kernel(oldname);
	struct filename *to = getname_kernel(newname);

	return do_renameat2(AT_FDCWD, from, AT_FDCWD, to, flags);
}

int init_truncate(const char *pathname, loff_t length)
{
	struct path path;
	long error = kern_path(pathname, LOOKUP_FOLLOW, &path);

	if (error)
		return error;
	error = vfs_truncate(&path, length);
	path_put(&path);
	return error;
}

int init_readlink(const char *pathname, char *buf, int bufsiz)
{
	return do_readlinkat(AT_FDCWD, getname_kernel(pathname), buf, bufsiz);
}
