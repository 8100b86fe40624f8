// SPDX-License-Identifier: GPL-2.0
/*
 * What stat() reports (Linux: fs/stat.c): vfs_getattr() asks the
 * inode's ->getattr, or copies the inode's fields (generic_fillattr).
 * The system calls of the next issue turn struct kstat into struct stat
 * and struct statx.
 */
#include <linux/fs.h>
#include <linux/string.h>

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
