// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and removing names: vfs_create, vfs_mkdir, vfs_mknod,
 * vfs_symlink, vfs_link, vfs_rmdir, vfs_unlink, vfs_rename, and the
 * system calls' bodies around them (do_mkdirat, do_unlinkat,
 * do_renameat2 ...). Linux keeps these in the second half of fs/namei.c;
 * they are split out here only to keep each file readable in one go.
 *
 * The pattern of every call: look up the parent (filename_parentat),
 * lock its inode (I_MUTEX_PARENT), look up the last component under the
 * lock (negative or positive dentry), check (may_create, may_delete),
 * call the directory's inode operation, then fix up the dcache
 * (d_delete, d_move). rename locks both parents in ancestor order
 * (lock_rename) and refuses to move a directory below itself.
 *
 * The system calls at the end (mkdirat, mknodat, unlinkat, renameat2,
 * symlinkat, linkat, readlinkat and their older forms without "at") copy
 * their names in with getname() and call the do_*at() bodies.
 * Left out: permission checks beyond the kind of object (no sticky-bit
 * or MAY_WRITE checks: everyone is root), whiteouts, delegations,
 * fsnotify, s_max_links.
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/namei.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "internal.h"


static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	if (IS_RDONLY(dir))
		return -EROFS;	/* Linux: mnt_want_write in filename_create/lookup_open */
	return 0;
}

/* May victim, in dir, be removed as a directory (isdir) or not? (Linux: may_delete). */
static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;

	if (!inode)
		return -ENOENT;
	if (WARN_ON(victim->d_parent->d_inode != dir))
		return -EIO;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	if (IS_RDONLY(dir))
		return -EROFS;
	if (IS_APPEND(dir) || IS_IMMUTABLE(inode) || IS_APPEND(inode))
		return -EPERM;
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	mode &= S_IALLUGO;
	mode |= S_IFREG;
	return dir->i_op->create(dir, dentry, mode, want_excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	mode &= (S_IRWXUGO | S_ISVTX);
	return dir->i_op->mkdir(dir, dentry, mode | S_IFDIR);
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (S_ISDIR(mode))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry)
{
	struct inode *inode = old_dentry->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new_dentry);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (IS_APPEND(inode) || IS_IMMUTABLE(inode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	inode_lock(inode);
	/* An unlinked file cannot come back (Linux: unless I_LINKABLE, O_TMPFILE's). */
	if (inode->i_nlink == 0)
		err = -ENOENT;
	else
		err = dir->i_op->link(old_dentry, dir, new_dentry);
	inode_unlock(inode);
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	dget(dentry);
	inode_lock(dentry->d_inode);
	if (d_mountpoint(dentry)) {
		err = -EBUSY;
	} else {
		err = dir->i_op->rmdir(dir, dentry);
		if (!err)
			dentry->d_inode->i_flags |= S_DEAD;
	}
	inode_unlock(dentry->d_inode);
	if (!err)
		d_delete(dentry);
	dput(dentry);
	return err;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *target = dentry->d_inode;
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	inode_lock(target);
	if (d_mountpoint(dentry))
		err = -EBUSY;
	else
		err = dir->i_op->unlink(dir, dentry);
	inode_unlock(target);
	if (!err)
		d_delete(dentry);
	return err;
}

static DEFINE_MUTEX(rename_mutex);	/* Linux: sb->s_vfs_rename_mutex */

/* The child of p1 that p2 is below, if p1 is an ancestor of p2 (Linux: d_ancestor). */
static struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	for (struct dentry *p = p2; !IS_ROOT(p); p = p->d_parent)
		if (p->d_parent == p1)
			return p;
	return NULL;
}

/*
 * Lock two directories for a rename, the ancestor first. Returns the
 * child of one that contains the other, the "trap" a rename must not
 * move into itself (Linux: lock_rename).
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	if (p1 == p2) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&rename_mutex);
	p = d_ancestor(p2, p1);
	if (p) {
		inode_lock_nested(p2->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p1->d_inode, I_MUTEX_CHILD);
		return p;
	}
	p = d_ancestor(p1, p2);
	inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
	inode_lock_nested(p2->d_inode, p ? I_MUTEX_CHILD : I_MUTEX_PARENT2);
	return p;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		mutex_unlock(&rename_mutex);
	}
}

int vfs_rename(struct renamedata *rd)
{
	struct inode *old_dir = rd->old_dir, *new_dir = rd->new_dir;
	struct dentry *old_dentry = rd->old_dentry, *new_dentry = rd->new_dentry;
	struct inode *source = old_dentry->d_inode, *target = new_dentry->d_inode;
	unsigned int flags = rd->flags;
	bool is_dir = d_is_dir(old_dentry);
	bool new_is_dir = false;
	int err;

	if (source == target)
		return 0;
	err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	if (!target) {
		err = may_create(new_dir, new_dentry);
	} else {
		new_is_dir = d_is_dir(new_dentry);
		err = may_delete(new_dir, new_dentry,
				 (flags & RENAME_EXCHANGE) ? new_is_dir : is_dir);
	}
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	if (old_dir->i_sb != new_dir->i_sb)
		return -EXDEV;
	/* The inode being replaced (or exchanged) is locked too, as unlink locks it. */
	if (target)
		inode_lock_nested(target, I_MUTEX_NONDIR2);
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry)) {
		err = -EBUSY;
		goto out;
	}
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (err)
		goto out;
	if (!(flags & RENAME_EXCHANGE) && target && new_is_dir)
		target->i_flags |= S_DEAD;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old_dentry, new_dentry);
	else
		d_move(old_dentry, new_dentry);
out:
	if (target)
		inode_unlock(target);
	return err;
}

/* Look up the parent of name and a negative dentry for its last component, locked. */
static struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
				      unsigned int lookup_flags)
{
	bool is_dir = lookup_flags & LOOKUP_DIRECTORY;
	struct dentry *dentry;
	struct qstr last;
	int type, err;

	err = filename_parentat(dfd, name, 0, path, &last, &type);
	if (err)
		return ERR_PTR(err);
	/* "." and ".." and "/" all exist. */
	if (type != LAST_NORM) {
		path_put(path);
		return ERR_PTR(-EEXIST);
	}
	inode_lock_nested(path->dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_qstr_excl(&last, path->dentry, LOOKUP_CREATE | LOOKUP_EXCL);
	if (IS_ERR(dentry))
		goto unlock;
	err = -EEXIST;
	if (dentry->d_inode)
		goto fail;
	/* "name/" only for a directory; a file so named does not exist (Linux: -ENOENT). */
	err = -ENOENT;
	if (last.name[last.len] && !is_dir)
		goto fail;
	return dentry;
fail:
	dput(dentry);
	dentry = ERR_PTR(err);
unlock:
	inode_unlock(path->dentry->d_inode);
	path_put(path);
	return dentry;
}

struct dentry *kern_path_create(int dfd, const char *pathname, struct path *path,
				unsigned int lookup_flags)
{
	struct filename *name = getname_kernel(pathname);
	struct dentry *dentry;

	if (IS_ERR(name))
		return ERR_CAST(name);
	dentry = filename_create(dfd, name, path, lookup_flags);
	putname(name);
	return dentry;
}

void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(path->dentry->d_inode);
	path_put(path);
}

/* Each do_*at() below consumes its struct filename(s), as in Linux. */
int do_mkdirat(int dfd, struct filename *name, umode_t mode)
{
	struct path path;
	struct dentry *dentry;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	dentry = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = vfs_mkdir(path.dentry->d_inode, dentry, mode & ~current_fs()->umask);
		done_path_create(&path, dentry);
	}
	putname(name);
	return err;
}

int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev)
{
	struct path path;
	struct dentry *dentry;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		putname(name);
		return -EPERM;
	default:
		putname(name);
		return -EINVAL;
	}
	dentry = filename_create(dfd, name, &path, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		struct inode *dir = path.dentry->d_inode;

		mode &= ~current_fs()->umask;
		if (S_ISREG(mode))
			err = vfs_create(dir, dentry, mode, true);
		else
			err = vfs_mknod(dir, dentry, mode, new_decode_dev(dev));
		done_path_create(&path, dentry);
	}
	putname(name);
	return err;
}

int do_symlinkat(struct filename *from, int newdfd, struct filename *to)
{
	struct path path;
	struct dentry *dentry;
	int err;

	if (IS_ERR(from)) {
		putname(to);
		return PTR_ERR(from);
	}
	if (IS_ERR(to)) {
		putname(from);
		return PTR_ERR(to);
	}
	dentry = filename_create(newdfd, to, &path, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = vfs_symlink(path.dentry->d_inode, dentry, from->name);
		done_path_create(&path, dentry);
	}
	putname(from);
	putname(to);
	return err;
}

int do_linkat(int olddfd, struct filename *old, int newdfd, struct filename *new, int flags)
{
	struct path old_path, new_path;
	struct dentry *new_dentry;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) {
		putname(old);
		putname(new);
		return -EINVAL;
	}
	err = filename_lookup(olddfd, old, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0,
			      &old_path, NULL);
	if (err) {
		putname(new);
		return err;
	}
	if (IS_ERR(new)) {
		path_put(&old_path);
		return PTR_ERR(new);
	}
	new_dentry = filename_create(newdfd, new, &new_path, 0);
	err = PTR_ERR_OR_ZERO(new_dentry);
	if (!err) {
		err = -EXDEV;
		if (old_path.mnt == new_path.mnt)
			err = vfs_link(old_path.dentry, new_path.dentry->d_inode, new_dentry);
		done_path_create(&new_path, new_dentry);
	}
	path_put(&old_path);
	putname(new);
	return err;
}

int do_rmdir(int dfd, struct filename *name)
{
	struct path path;
	struct dentry *dentry;
	struct qstr last;
	int type, err;

	err = filename_parentat(dfd, name, 0, &path, &last, &type);
	if (err)
		goto out;
	switch (type) {
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto put;
	case LAST_DOT:
		err = -EINVAL;
		goto put;
	case LAST_ROOT:
		err = -EBUSY;
		goto put;
	}
	inode_lock_nested(path.dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_qstr_excl(&last, path.dentry, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		err = vfs_rmdir(path.dentry->d_inode, dentry);
		dput(dentry);
	}
	inode_unlock(path.dentry->d_inode);
put:
	path_put(&path);
out:
	putname(name);
	return err;
}

int do_unlinkat(int dfd, struct filename *name)
{
	struct inode *inode = NULL;
	struct path path;
	struct dentry *dentry;
	struct qstr last;
	int type, err;

	err = filename_parentat(dfd, name, 0, &path, &last, &type);
	if (err)
		goto out;
	err = -EISDIR;
	if (type != LAST_NORM)
		goto put;
	inode_lock_nested(path.dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_one_qstr_excl(&last, path.dentry, 0);
	err = PTR_ERR_OR_ZERO(dentry);
	if (!err) {
		if (last.name[last.len]) {
			/* "name/": whatever it is, it cannot be unlinked as a file. */
			err = !dentry->d_inode ? -ENOENT : d_is_dir(dentry) ? -EISDIR : -ENOTDIR;
		} else {
			/* Keep the inode until the directory is unlocked: eviction may sleep long. */
			inode = dentry->d_inode;
			if (inode)
				ihold(inode);
			err = vfs_unlink(path.dentry->d_inode, dentry);
		}
		dput(dentry);
	}
	inode_unlock(path.dentry->d_inode);
	iput(inode);
put:
	path_put(&path);
out:
	putname(name);
	return err;
}

int do_renameat2(int olddfd, struct filename *from, int newdfd, struct filename *to,
		 unsigned int flags)
{
	struct path old_path, new_path;
	struct qstr old_last, new_last;
	struct dentry *old_dentry, *new_dentry, *trap;
	struct renamedata rd;
	int old_type, new_type, err;

	err = -EINVAL;
	if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) ||
	    ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE)))
		goto put_names;
	err = filename_parentat(olddfd, from, 0, &old_path, &old_last, &old_type);
	if (err)
		goto put_names;
	err = filename_parentat(newdfd, to, 0, &new_path, &new_last, &new_type);
	if (err)
		goto put_old;
	err = -EXDEV;
	if (old_path.mnt != new_path.mnt)
		goto put_new;
	err = -EBUSY;
	if (old_type != LAST_NORM)
		goto put_new;
	if (new_type != LAST_NORM) {
		err = (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
		goto put_new;
	}
	trap = lock_rename(new_path.dentry, old_path.dentry);
	old_dentry = lookup_one_qstr_excl(&old_last, old_path.dentry, 0);
	err = PTR_ERR(old_dentry);
	if (IS_ERR(old_dentry))
		goto unlock;
	err = -ENOENT;
	if (!old_dentry->d_inode)
		goto put_old_dentry;
	new_dentry = lookup_one_qstr_excl(&new_last, new_path.dentry, LOOKUP_RENAME_TARGET);
	err = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto put_old_dentry;
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && new_dentry->d_inode)
		goto put_new_dentry;
	if (flags & RENAME_EXCHANGE) {
		err = -ENOENT;
		if (!new_dentry->d_inode)
			goto put_new_dentry;
		err = -ENOTDIR;
		if (!d_is_dir(new_dentry) && new_last.name[new_last.len])
			goto put_new_dentry;
	}
	/* "file/" names a directory that is not there. */
	err = -ENOTDIR;
	if (!d_is_dir(old_dentry) &&
	    (old_last.name[old_last.len] ||
	     (!(flags & RENAME_EXCHANGE) && new_last.name[new_last.len])))
		goto put_new_dentry;
	/* The source must not be an ancestor of the target... */
	err = -EINVAL;
	if (old_dentry == trap)
		goto put_new_dentry;
	/* ...nor the target an ancestor of the source. */
	err = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	if (new_dentry == trap)
		goto put_new_dentry;
	rd = (struct renamedata){
		.old_dir = old_path.dentry->d_inode,
		.old_dentry = old_dentry,
		.new_dir = new_path.dentry->d_inode,
		.new_dentry = new_dentry,
		.flags = flags,
	};
	err = vfs_rename(&rd);
put_new_dentry:
	dput(new_dentry);
put_old_dentry:
	dput(old_dentry);
unlock:
	unlock_rename(new_path.dentry, old_path.dentry);
put_new:
	path_put(&new_path);
put_old:
	path_put(&old_path);
put_names:
	putname(from);
	putname(to);
	return err;
}

int vfs_readlink(struct dentry *dentry, char *buf, int buflen)
{
	struct inode *inode = dentry->d_inode;
	const char *link = inode->i_link;
	void *done = NULL;
	int len;

	if (!S_ISLNK(inode->i_mode))
		return -EINVAL;
	if (inode->i_op->readlink)
		return inode->i_op->readlink(dentry, buf, buflen);
	if (!link) {
		if (!inode->i_op->get_link)
			return -EINVAL;
		link = inode->i_op->get_link(dentry, inode, &done);
		if (IS_ERR(link))
			return PTR_ERR(link);
		if (!link)
			return -EINVAL;
	}
	len = strlen(link);
	if (len > buflen)
		len = buflen;
	memcpy(buf, link, len);
	kfree(done);
	return len;
}

/* buf is a kernel buffer here; readlinkat(2) will copy it out. */
int do_readlinkat(int dfd, struct filename *name, char *buf, int bufsiz)
{
	struct path path;
	int err;

	if (bufsiz <= 0) {
		putname(name);
		return -EINVAL;
	}
	err = filename_lookup(dfd, name, LOOKUP_EMPTY, &path, NULL);
	if (err)
		return err;
	err = vfs_readlink(path.dentry, buf, bufsiz);
	path_put(&path);
	return err;
}

/* ---- the system calls ------------------------------------------------------------------ */

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, getname(pathname), mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, getname(pathname), mode);
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if ((flag & ~AT_REMOVEDIR) != 0)
		return -EINVAL;
	if (flag & AT_REMOVEDIR)
		return do_rmdir(dfd, getname(pathname));
	return do_unlinkat(dfd, getname(pathname));
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_rmdir(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname), 0);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), newdfd, getname(newname));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(getname(oldname), AT_FDCWD, getname(newname));
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return do_linkat(olddfd, getname_uflags(oldname, flags), newdfd, getname(newname), flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname), 0);
}

/*
 * readlinkat(2) (Linux: do_readlinkat with a user buffer): the body is
 * not NUL-terminated and is cut to bufsiz; "" (the dfd itself) that is not
 * a symlink is -ENOENT, any other non-symlink -EINVAL.
 */
static long do_readlinkat_user(int dfd, const char __user *pathname, char __user *buf,
			       int bufsiz)
{
	struct filename *name;
	struct path path;
	char *kbuf;
	int empty = 0;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname_flags(pathname, LOOKUP_EMPTY, &empty);
	err = filename_lookup(dfd, name, LOOKUP_EMPTY, &path, NULL);
	if (err)
		return err;
	err = empty ? -ENOENT : -EINVAL;
	if (d_is_symlink(path.dentry)) {
		int len = min(bufsiz, PATH_MAX);

		err = -ENOMEM;
		kbuf = kmalloc(len, GFP_KERNEL);
		if (kbuf) {
			err = vfs_readlink(path.dentry, kbuf, len);
			if (err > 0 && copy_to_user(buf, kbuf, err))
				err = -EFAULT;
			kfree(kbuf);
		}
	}
	path_put(&path);
	return err;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat_user(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat_user(AT_FDCWD, path, buf, bufsiz);
}
