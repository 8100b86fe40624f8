// SPDX-License-Identifier: GPL-2.0
/*
 * /proc's inodes and the file operations of registered entries (Linux:
 * fs/proc/inode.c).
 *
 * Every /proc inode is a struct proc_inode: the entry it was made from
 * (pde), or for per-process files the task's pid and start time and what
 * to show (fs/proc/base.c). Inodes are made at each lookup and freed at
 * their last iput, with their dentry (nothing is hashed). The files of an
 * entry dispatch to its proc_ops (proc_reg_*). Left out: Linux's
 * pde_users/use_pde() protection against a module unloading under an open
 * file (entries here are built in), and proc_reg_mmap/get_unmapped_area.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

#define PROC_SUPER_MAGIC 0x9fa0

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kzalloc(sizeof(*ei), GFP_KERNEL);

	if (!ei)
		return NULL;
	inode_init_once(&ei->vfs_inode);
	return &ei->vfs_inode;
}

static void proc_free_inode(struct inode *inode)
{
	kfree(PROC_I(inode));
}

static void proc_evict_inode(struct inode *inode)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;

	truncate_inode_pages_final(&inode->i_data);
	clear_inode(inode);
	if (de && de != &proc_root)
		pde_put(de);
	PROC_I(inode)->pde = NULL;
}

static int proc_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	simple_statfs(dentry, buf);
	buf->f_type = PROC_SUPER_MAGIC;
	return 0;
}

const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.free_inode = proc_free_inode,
	.drop_inode = generic_delete_inode,
	.evict_inode = proc_evict_inode,
	.statfs = proc_statfs,
};

/* ---- the files of registered entries: through their proc_ops ------------------------ */

static const struct proc_ops *pde_ops(struct file *file)
{
	return PDE(file_inode(file))->proc_ops;
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = PDE(inode)->proc_ops;

	if (!ops)
		return -ENXIO;
	if (ops->proc_open)
		return ops->proc_open(inode, file);
	return 0;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	const struct proc_ops *ops = pde_ops(file);

	if (!ops->proc_read)
		return -EIO;
	return ops->proc_read(file, buf, count, ppos);
}

static ssize_t proc_reg_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	const struct proc_ops *ops = pde_ops(iocb->ki_filp);

	if (!ops->proc_read_iter)
		return -EINVAL;
	return ops->proc_read_iter(iocb, iter);
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	const struct proc_ops *ops = pde_ops(file);

	if (!ops->proc_write)
		return -EIO;
	return ops->proc_write(file, buf, count, ppos);
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_lseek)
		return ops->proc_lseek(file, offset, whence);
	return generic_file_llseek(file, offset, whence);
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = PDE(inode)->proc_ops;

	if (ops->proc_release)
		return ops->proc_release(inode, file);
	return 0;
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pts)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_poll)
		return ops->proc_poll(file, pts);
	return DEFAULT_POLLMASK;
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	const struct proc_ops *ops = pde_ops(file);

	if (ops->proc_ioctl)
		return ops->proc_ioctl(file, cmd, arg);
	return -ENOTTY;
}

static const struct file_operations proc_reg_file_ops = {
	.llseek = proc_reg_llseek,
	.read = proc_reg_read,
	.read_iter = proc_reg_read_iter,
	.write = proc_reg_write,
	.poll = proc_reg_poll,
	.unlocked_ioctl = proc_reg_unlocked_ioctl,
	.open = proc_reg_open,
	.release = proc_reg_release,
};

/* An inode for de; takes over a pde use the caller holds (Linux: proc_get_inode). */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de)
{
	struct inode *inode = new_inode(sb);

	if (!inode) {
		if (de != &proc_root)
			pde_put(de);
		return NULL;
	}
	PROC_I(inode)->pde = de;
	inode->i_ino = de->low_ino;
	inode->i_mtime = inode->i_atime = inode->i_ctime = current_time(inode);
	inode->i_mode = de->mode;
	inode->i_size = de->size;
	set_nlink(inode, de->nlink);
	if (S_ISREG(inode->i_mode)) {
		inode->i_fop = &proc_reg_file_ops;
	} else if (S_ISDIR(inode->i_mode)) {
		inode->i_op = de->proc_iops;
		inode->i_fop = de->proc_dir_ops;
	} else if (S_ISLNK(inode->i_mode)) {
		inode->i_op = de->proc_iops;
	}
	return inode;
}
