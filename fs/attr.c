// SPDX-License-Identifier: GPL-2.0
/*
 * Changing an inode's attributes (Linux: fs/attr.c): notify_change() is
 * what chmod, chown, utimes and truncate end in. It fills in ctime and
 * hands the change to ->setattr (or simple_setattr), which checks it with
 * setattr_prepare() and applies it with setattr_copy() (and
 * truncate_setsize() for a new size). Called with the inode locked.
 * Left out: permission checks (everyone is root, so chown and chmod are
 * always allowed), killing suid/sgid on write, idmapped mounts.
 */
#include <linux/fs.h>

int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	if (offset < 0)
		return -EINVAL;
	if (offset > inode->i_sb->s_maxbytes)
		return -EFBIG;
	return 0;
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		int error = inode_newsize_ok(inode, attr->ia_size);

		if (error)
			return error;
	}
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int ia_valid = attr->ia_valid;

	if (ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (ia_valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & ~S_IFMT);
}

/* The ->setattr of filesystems without their own (Linux: simple_setattr in libfs.c). */
static int simple_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;
	int error = setattr_prepare(dentry, iattr);

	if (error)
		return error;
	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size);
	setattr_copy(inode, iattr);
	return 0;
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	unsigned int ia_valid = attr->ia_valid;

	/* Linux: the callers' mnt_want_write(); every caller here changes a file. */
	if (IS_RDONLY(inode))
		return -EROFS;
	if (ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID | ATTR_ATIME | ATTR_MTIME | ATTR_SIZE)) {
		if (IS_IMMUTABLE(inode) || IS_APPEND(inode))
			return -EPERM;
	}
	if ((ia_valid & ATTR_SIZE) && S_ISDIR(inode->i_mode))
		return -EISDIR;
	attr->ia_ctime = now;
	if (!(ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if (!(ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	attr->ia_valid |= ATTR_CTIME;
	if (inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}
