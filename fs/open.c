// SPDX-License-Identifier: GPL-2.0
/*
 * Opening, closing, truncating, preallocating (Linux: fs/open.c).
 *
 * filp_open() -> do_filp_open() (fs/namei.c) walks to the file, creating
 * it with O_CREAT, and do_dentry_open() gives the struct file the
 * inode's file operations and calls their ->open (a character device's
 * chrdev_open swaps in the driver's). The open flags are checked and
 * turned into lookup flags first (build_open_flags), with Linux's
 * errors: O_TMPFILE without a filesystem that makes them, O_PATH with
 * flags it ignores, O_DIRECTORY with O_CREAT, and so on.
 *
 * The system calls: openat/open/creat (do_sys_open: a free fd, the open,
 * fd_install), close, truncate/ftruncate, fchmod/fchmodat/chmod,
 * faccessat/faccessat2/access, chdir/fchdir/chroot, chown/fchown/
 * lchown/fchownat (-1 keeps an id; a regular file loses S_ISUID, and
 * S_ISGID if group-executable, as Linux does even for root), fallocate.
 * access() answers as for
 * root: read and write are always allowed, execute needs an x bit
 * somewhere in the mode (or a directory), as generic_permission() gives
 * CAP_DAC_OVERRIDE.
 * Left out: permission checks (MAY_READ/MAY_WRITE: root), O_PATH files
 * (-EOPNOTSUPP), O_TMPFILE (-EOPNOTSUPP: tmpfs's ->tmpfile is not here
 * yet), file leases, openat2, read-only mounts (-EROFS), user
 * namespaces' id mapping.
 */
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

#include "internal.h"

#define VALID_OPEN_FLAGS                                                                   \
	(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND |  \
	 O_NONBLOCK | O_DSYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW |         \
	 O_NOATIME | O_CLOEXEC | __O_SYNC | O_PATH | __O_TMPFILE)

int build_open_flags(int flags, umode_t mode, struct open_flags *op)
{
	int lookup_flags = 0;
	int acc_mode;

	flags &= VALID_OPEN_FLAGS;
	if (flags & (O_CREAT | __O_TMPFILE))
		op->mode = (mode & S_IALLUGO) | S_IFREG;
	else
		op->mode = 0;
	/* Linux 6.4+: refused, where it used to create a file and then fail with ENOTDIR. */
	if ((flags & (O_DIRECTORY | O_CREAT)) == (O_DIRECTORY | O_CREAT))
		return -EINVAL;
	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;
	if (flags & O_PATH)
		return -EOPNOTSUPP;
	if (flags & __O_SYNC)
		flags |= O_DSYNC;
	acc_mode = (flags & O_ACCMODE) == O_RDONLY ? MAY_READ :
		   (flags & O_ACCMODE) == O_WRONLY ? MAY_WRITE : MAY_READ | MAY_WRITE;
	if (flags & O_TRUNC)
		acc_mode |= MAY_WRITE;
	if (flags & O_APPEND)
		acc_mode |= MAY_WRITE;	/* Linux: MAY_APPEND */
	op->open_flag = flags;
	op->acc_mode = acc_mode;
	op->intent = LOOKUP_OPEN;
	if (flags & O_CREAT) {
		op->intent |= LOOKUP_CREATE;
		if (flags & O_EXCL) {
			op->intent |= LOOKUP_EXCL;
			flags |= O_NOFOLLOW;
		}
	}
	if (flags & O_DIRECTORY)
		lookup_flags |= LOOKUP_DIRECTORY;
	if (!(flags & O_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	op->lookup_flags = lookup_flags;
	return 0;
}

/* f has its f_path; give it the inode's operations and open it (Linux: do_dentry_open). */
int do_dentry_open(struct file *f, int (*open)(struct inode *, struct file *))
{
	struct inode *inode = f->f_path.dentry->d_inode;
	int err;

	f->f_inode = inode;
	f->f_mapping = inode->i_mapping;
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	f->f_op = inode->i_fop;
	if (!f->f_op) {
		err = -ENODEV;
		goto fail;
	}
	if (!open)
		open = f->f_op->open;
	if (open) {
		err = open(inode, f);
		if (err)
			goto fail;
	}
	f->f_mode |= FMODE_OPENED;
	if ((f->f_mode & FMODE_READ) && (f->f_op->read || f->f_op->read_iter))
		f->f_mode |= FMODE_CAN_READ;
	if ((f->f_mode & FMODE_WRITE) && (f->f_op->write || f->f_op->write_iter))
		f->f_mode |= FMODE_CAN_WRITE;
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return 0;
fail:
	f->f_op = NULL;
	return err;
}

/* For ->atomic_open style callers (Linux: finish_open); dentry must be f's. */
int finish_open(struct file *file, struct dentry *dentry, int (*open)(struct inode *, struct file *))
{
	file->f_path.dentry = dentry;
	return do_dentry_open(file, open);
}

int finish_no_open(struct file *file, struct dentry *dentry)
{
	file->f_path.dentry = dentry;
	return 0;
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct file *f = alloc_empty_file(flags);
	int err;

	if (IS_ERR(f))
		return f;
	f->f_path = *path;
	path_get(path);
	err = do_dentry_open(f, NULL);
	if (err) {
		fput(f);
		return ERR_PTR(err);
	}
	return f;
}

struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct filename *name = getname_kernel(filename);
	struct file *file;

	if (IS_ERR(name))
		return ERR_CAST(name);
	file = do_filp_open(AT_FDCWD, name, flags, mode);
	putname(name);
	return file;
}

struct file *file_open_root(const struct path *root, const char *filename, int flags,
			    umode_t mode)
{
	struct open_flags op;
	int err = build_open_flags(flags, mode, &op);

	if (err)
		return ERR_PTR(err);
	return do_file_open_root(root, filename, &op);
}

/* "id" is the files_struct the file is closed from (Linux: filp_close). */
int filp_close(struct file *filp, void *id)
{
	int retval = 0;

	if (!atomic_long_read(&filp->f_count)) {
		pr_err("VFS: Close: file count is 0 (f_op=%ps)\n", (void *)filp->f_op);
		return 0;
	}
	if (filp->f_op && filp->f_op->flush)
		retval = filp->f_op->flush(filp, id);
	fput(filp);
	return retval;
}

int stream_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	return 0;
}

int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs,
		struct file *filp)
{
	struct iattr newattrs = { 0 };
	int ret;

	if (length < 0)
		return -EINVAL;
	newattrs.ia_size = length;
	newattrs.ia_valid = ATTR_SIZE | time_attrs;
	if (filp) {
		newattrs.ia_file = filp;
		newattrs.ia_valid |= ATTR_FILE;
	}
	inode_lock(dentry->d_inode);
	ret = notify_change(dentry, &newattrs);
	inode_unlock(dentry->d_inode);
	return ret;
}

long vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (IS_APPEND(inode))
		return -EPERM;
	return do_truncate(path->dentry, length, 0, NULL);
}

int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	if (offset < 0 || len <= 0)
		return -EINVAL;
	/* Modes no filesystem knows; the ones it does not support are its ->fallocate's -EOPNOTSUPP. */
	if (mode & ~FALLOC_FL_SUPPORTED_MASK)
		return -EOPNOTSUPP;
	/* Punch hole and zero range are mutually exclusive. */
	if ((mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) ==
	    (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE))
		return -EOPNOTSUPP;
	/* Punching a hole must not change the size (Linux's rule). */
	if ((mode & FALLOC_FL_PUNCH_HOLE) && !(mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	/* Collapse and insert range go alone; unshare only with KEEP_SIZE. */
	if ((mode & FALLOC_FL_COLLAPSE_RANGE) && (mode & ~FALLOC_FL_COLLAPSE_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_INSERT_RANGE) && (mode & ~FALLOC_FL_INSERT_RANGE))
		return -EINVAL;
	if ((mode & FALLOC_FL_UNSHARE_RANGE) &&
	    (mode & ~(FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_KEEP_SIZE)))
		return -EINVAL;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	/* An append-only file allows only plain preallocation. */
	if ((mode & ~FALLOC_FL_KEEP_SIZE) && IS_APPEND(inode))
		return -EPERM;
	if (IS_IMMUTABLE(inode))
		return -EPERM;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -ENODEV;
	/*
	 * offset + len must neither wrap nor pass the largest file size
	 * (Linux tests the sum, built with -fno-strict-overflow; without it
	 * the wrap test may be optimised away, so subtract instead).
	 */
	if (len > inode->i_sb->s_maxbytes - offset)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

/* ---- the system calls ------------------------------------------------------------------ */

/* Kernel threads have no fd table: every fd is closed. */
static struct fd fdget_any(unsigned int fd)
{
	struct fd none = { NULL, 0 };

	return current->files ? fdget(fd) : none;
}

long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct open_flags op;
	struct filename *tmp;
	struct file *f;
	int fd, err;

	/* Linux: force_o_largefile() on 64-bit. */
	flags |= O_LARGEFILE;
	err = build_open_flags(flags, mode, &op);
	if (err)
		return err;
	if (!current->files)
		return -EMFILE;
	tmp = getname(filename);
	if (IS_ERR(tmp))
		return PTR_ERR(tmp);
	fd = get_unused_fd_flags(flags);
	if (fd >= 0) {
		f = do_filp_open(dfd, tmp, flags, mode);
		if (IS_ERR(f)) {
			put_unused_fd(fd);
			fd = PTR_ERR(f);
		} else {
			fd_install(fd, f);
		}
	}
	putname(tmp);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long ksys_close(unsigned int fd)
{
	if (!current->files)
		return -EBADF;
	return close_fd(fd);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return ksys_close(fd);
}

long ksys_ftruncate(unsigned int fd, loff_t length)
{
	struct inode *inode;
	struct fd f;
	long err;

	if (length < 0)
		return -EINVAL;
	f = fdget_any(fd);
	if (!f.file)
		return -EBADF;
	inode = file_inode(f.file);
	err = -EINVAL;
	if (!S_ISREG(inode->i_mode) || !(f.file->f_mode & FMODE_WRITE))
		goto out;
	err = -EPERM;
	if (IS_APPEND(inode))
		goto out;
	err = do_truncate(f.file->f_path.dentry, length, ATTR_MTIME | ATTR_CTIME, f.file);
out:
	fdput(f);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, loff_t, length)
{
	return ksys_ftruncate(fd, length);
}

SYSCALL_DEFINE2(truncate, const char __user *, pathname, loff_t, length)
{
	struct path path;
	long err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

/* Linux: chmod_common(). */
static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs = { 0 };
	int err;

	inode_lock(inode);
	newattrs.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	newattrs.ia_valid = ATTR_MODE | ATTR_CTIME;
	err = notify_change(path->dentry, &newattrs);
	inode_unlock(inode);
	return err;
}

long ksys_fchmod(unsigned int fd, umode_t mode)
{
	struct fd f = fdget_any(fd);
	long err;

	if (!f.file)
		return -EBADF;
	err = chmod_common(&f.file->f_path, mode);
	fdput(f);
	return err;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	return ksys_fchmod(fd, mode);
}

static long do_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long err;

	err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define AT_EACCESS 0x200

/* Linux: do_faccessat(), with root's answers (generic_permission + capabilities). */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct inode *inode;
	struct path path;
	long err;

	if (mode & ~S_IRWXO)	/* F_OK, R_OK, W_OK, X_OK */
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	/* Root may execute a file only if someone may; a directory may always be searched. */
	if ((mode & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & S_IXUGO))
		err = -EACCES;
	path_put(&path);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

long ksys_chdir(const char __user *filename)
{
	struct path path;
	long err;

	err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	set_fs_pwd(current_fs(), &path);
	path_put(&path);
	return 0;
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	return ksys_chdir(filename);
}

long ksys_fchdir(unsigned int fd)
{
	struct fd f = fdget_any(fd);
	long err = -ENOTDIR;

	if (!f.file)
		return -EBADF;
	if (d_can_lookup(f.file->f_path.dentry)) {
		set_fs_pwd(current_fs(), &f.file->f_path);
		err = 0;
	}
	fdput(f);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	return ksys_fchdir(fd);
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct path path;
	long err;

	err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	set_fs_root(current_fs(), &path);
	path_put(&path);
	return 0;
}

/* Linux: chown_common(); (uid_t)-1 and (gid_t)-1 leave that id alone. */
static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs = { 0 };
	int err;

	inode_lock(inode);
	newattrs.ia_valid = ATTR_CTIME;
	if (user != (uid_t)-1) {
		newattrs.ia_valid |= ATTR_UID;
		newattrs.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		newattrs.ia_valid |= ATTR_GID;
		newattrs.ia_gid = group;
	}
	/* Linux's ATTR_KILL_SUID/ATTR_KILL_SGID, applied here rather than in notify_change. */
	if (!S_ISDIR(inode->i_mode)) {
		umode_t mode = inode->i_mode;

		if (mode & S_ISUID)
			mode &= ~S_ISUID;
		if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			mode &= ~S_ISGID;
		if (mode != inode->i_mode) {
			newattrs.ia_valid |= ATTR_MODE;
			newattrs.ia_mode = mode;
		}
	}
	err = notify_change(path->dentry, &newattrs);
	inode_unlock(inode);
	return err;
}

static long do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group,
			int flag)
{
	unsigned int lookup_flags;
	struct path path;
	long err;

	if ((flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0)
		return -EINVAL;
	lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup_flags, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user, gid_t, group,
		int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct fd f = fdget_any(fd);
	long err;

	if (!f.file)
		return -EBADF;
	err = chown_common(&f.file->f_path, user, group);
	fdput(f);
	return err;
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct fd f = fdget_any(fd);
	long err;

	if (!f.file)
		return -EBADF;
	err = vfs_fallocate(f.file, mode, offset, len);
	fdput(f);
	return err;
}
