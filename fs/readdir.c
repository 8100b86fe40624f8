// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories (Linux: fs/readdir.c): iterate_dir() calls the
 * directory's ->iterate_shared with a dir_context whose actor receives
 * each entry; the position lives in file->f_pos between calls, so a
 * reader can stop when its buffer is full and carry on later.
 * getdents64 (with its user-space record layout) comes with the system
 * calls; it is one more actor.
 */
#include <linux/fs.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	inode_lock_shared(inode);
	res = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		ctx->pos = file->f_pos;
		res = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	inode_unlock_shared(inode);
	return res;
}
