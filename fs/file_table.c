// SPDX-License-Identifier: GPL-2.0
/*
 * struct file: allocation and the last reference (Linux: fs/file_table.c).
 *
 * An open file holds its path (a mount and a dentry reference); the last
 * fput() calls the file's ->release and drops them (__fput). Linux defers
 * __fput to task_work or a workqueue so that it never runs in a context
 * that cannot sleep; here it runs at once, so fput() may sleep.
 * alloc_file_pseudo() makes files for inodes with no name in any
 * directory (shmem_file_setup's, later pipes and memfds).
 * Left out: the files_stat limit (max_files), FMODE_BACKING, RCU freeing.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

static struct kmem_cache *filp_cachep;
static atomic_long_t nr_files;

long get_nr_files(void)
{
	return atomic_long_read(&nr_files);
}

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 8, SLAB_PANIC, NULL);
}

struct file *alloc_empty_file(int flags)
{
	struct file *f = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	f->f_flags = flags;
	/* Linux's OPEN_FMODE: O_RDONLY -> read, O_WRONLY -> write, O_RDWR -> both. */
	f->f_mode = ((flags + 1) & O_ACCMODE);
	atomic_long_inc(&nr_files);
	return f;
}

static void file_free(struct file *f)
{
	kmem_cache_free(filp_cachep, f);
	atomic_long_dec(&nr_files);
}

struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

static void __fput(struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	struct vfsmount *mnt = file->f_path.mnt;
	struct inode *inode = file->f_inode;

	locks_remove_file(file);	/* flock(2) locks (fs/locks.c) */
	if ((file->f_mode & FMODE_OPENED) && file->f_op && file->f_op->release)
		file->f_op->release(inode, file);
	dput(dentry);
	mntput(mnt);
	file_free(file);
}

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		__fput(file);
}

static struct file *alloc_file(const struct path *path, int flags,
			       const struct file_operations *fop)
{
	struct file *file = alloc_empty_file(flags);

	if (IS_ERR(file))
		return file;
	file->f_path = *path;
	file->f_inode = path->dentry->d_inode;
	file->f_mapping = file->f_inode->i_mapping;
	file->f_op = fop;
	if ((file->f_mode & FMODE_READ) && (fop->read || fop->read_iter))
		file->f_mode |= FMODE_CAN_READ;
	if ((file->f_mode & FMODE_WRITE) && (fop->write || fop->write_iter))
		file->f_mode |= FMODE_CAN_WRITE;
	file->f_mode |= FMODE_OPENED | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return file;
}

/*
 * Another file on base's path and page cache, with its own flags and
 * operations (Linux: alloc_file_clone; SysV shm's shmat makes one).
 */
struct file *alloc_file_clone(struct file *base, int flags, const struct file_operations *fops)
{
	struct file *f = alloc_file(&base->f_path, flags, fops);

	if (!IS_ERR(f)) {
		path_get(&f->f_path);
		f->f_mapping = base->f_mapping;
	}
	return f;
}

/*
 * A file for inode under a dentry in no directory (Linux: alloc_file_pseudo).
 * On success the file owns the caller's inode reference.
 */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops)
{
	struct qstr this = QSTR_INIT(name, strlen(name));
	struct path path;
	struct file *file;

	path.dentry = d_alloc_pseudo(mnt->mnt_sb, &this);
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	path.mnt = mntget(mnt);
	d_instantiate(path.dentry, inode);
	file = alloc_file(&path, flags, fops);
	if (IS_ERR(file)) {
		/* The dentry gives the inode reference back to the caller. */
		ihold(inode);
		path_put(&path);
	}
	return file;
}
