// SPDX-License-Identifier: GPL-2.0
/*
 * Turning a dentry back into a path name (Linux: fs/d_path.c). The name
 * is built from the end of the buffer towards its start, one parent at a
 * time; at a mount's root it continues from the mount point in the
 * parent mount. d_path() stops at the caller's root; a removed file gets
 * Linux's " (deleted)" suffix. -ENAMETOOLONG if it does not fit.
 * getcwd(2) is d_path() of the working directory: its length with the
 * NUL, -ERANGE if the user's buffer is smaller, -ENOENT if the directory
 * has been removed. Left out: "(unreachable)" for a cwd outside the
 * root (there is no chroot).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#include "mount.h"

static int prepend(char **buffer, int *buflen, const char *str, int namelen)
{
	*buflen -= namelen;
	if (*buflen < 0)
		return -ENAMETOOLONG;
	*buffer -= namelen;
	memcpy(*buffer, str, namelen);
	return 0;
}

/* Path of dentry from its filesystem's root, under dcache_lock. */
static int prepend_dentry(struct dentry *dentry, struct dentry *stop, char **p, int *len)
{
	while (dentry != stop && !IS_ROOT(dentry)) {
		if (prepend(p, len, (const char *)dentry->d_name.name, dentry->d_name.len) ||
		    prepend(p, len, "/", 1))
			return -ENAMETOOLONG;
		dentry = dentry->d_parent;
	}
	return 0;
}

char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen)
{
	char *p = buf + buflen;
	int err;

	if (prepend(&p, &buflen, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	spin_lock(&dcache_lock);
	err = prepend_dentry((struct dentry *)dentry, NULL, &p, &buflen);
	spin_unlock(&dcache_lock);
	if (err)
		return ERR_PTR(err);
	if (*p != '/' && prepend(&p, &buflen, "/", 1))
		return ERR_PTR(-ENAMETOOLONG);
	return p;
}

char *d_path(const struct path *path, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct mount *mnt = real_mount(path->mnt);
	struct path root;
	char *p = buf + buflen;
	bool deleted;
	int err = 0;

	get_fs_root(current_fs(), &root);
	if (prepend(&p, &buflen, "", 1))
		err = -ENAMETOOLONG;
	spin_lock(&mount_lock);
	spin_lock(&dcache_lock);
	deleted = d_unhashed(dentry) &&
		  (!IS_ROOT(dentry) || (dentry->d_flags & DCACHE_DISCONNECTED));
	if (!err && deleted)
		err = prepend(&p, &buflen, " (deleted)", 10);
	while (!err) {
		if (dentry == root.dentry && &mnt->mnt == root.mnt)
			break;
		if (dentry == mnt->mnt.mnt_root) {
			if (!mnt_has_parent(mnt))
				break;
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (IS_ROOT(dentry)) {
			/* A file in no directory (shmem_file_setup's): "/name (deleted)". */
			if (dentry->d_flags & DCACHE_DISCONNECTED)
				err = prepend(&p, &buflen, (const char *)dentry->d_name.name,
					      dentry->d_name.len) ?: prepend(&p, &buflen, "/", 1);
			break;
		}
		err = prepend(&p, &buflen, (const char *)dentry->d_name.name, dentry->d_name.len);
		if (!err)
			err = prepend(&p, &buflen, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
	path_put(&root);
	if (err)
		return ERR_PTR(err);
	if (*p != '/' && prepend(&p, &buflen, "/", 1))
		return ERR_PTR(-ENAMETOOLONG);
	return p;
}

long ksys_getcwd(char __user *buf, unsigned long size)
{
	struct path pwd;
	unsigned long len;
	char *page, *p;
	long err;

	page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	get_fs_pwd(current_fs(), &pwd);
	err = -ENOENT;
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry))
		goto out;
	p = d_path(&pwd, page, PATH_MAX);
	err = PTR_ERR(p);
	if (IS_ERR(p))
		goto out;
	err = -ERANGE;
	len = page + PATH_MAX - p;	/* with the NUL */
	if (len <= size) {
		err = len;
		if (copy_to_user(buf, p, len))
			err = -EFAULT;
	}
out:
	path_put(&pwd);
	kfree(page);
	return err;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	return ksys_getcwd(buf, size);
}
