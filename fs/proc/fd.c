// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/fd: one magic link per open descriptor (Linux: fs/proc/fd.c).
 *
 * readdir lists the open fds in order (ctx->pos = 2 + fd); fd/N is a
 * link whose readlink is the file's path (or "pipe:[ino]" for a pipe)
 * and which, followed, opens the very same file (nd_jump_link), so that
 * /proc/self/fd/0 is the terminal and an unlinked file can still be
 * reached. Left out: /proc/PID/fdinfo, map_files, the fd link's mode
 * bits following the open mode (Linux: 0500 | FMODE_READ/WRITE bits).
 */
#include <linux/cmdline.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "internal.h"

/* task's fd table, referenced (exit_files clears task->files under task_lock). */
static struct files_struct *get_task_files(struct task_struct *task)
{
	struct files_struct *files;

	task_lock(task);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	task_unlock(task);
	return files;
}

/* The file at fd in task's table, referenced, or NULL. */
static struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files = get_task_files(task);
	struct file *file = NULL;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	put_files_struct(files);
	return file;
}

static int proc_fd_link(struct dentry *dentry, struct path *path)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	struct file *file;

	if (!task)
		return -ENOENT;
	file = fget_task(task, PROC_I(d_inode(dentry))->fd);
	put_task_struct(task);
	if (!file)
		return -ENOENT;
	*path = file->f_path;
	path_get(path);
	fput(file);
	return 0;
}

/* The fd's dentry is valid while the process has that fd open (Linux: tid_fd_revalidate). */
static int tid_fd_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;
	struct file *file;

	if (!inode)
		return 0;
	task = get_proc_task(inode);
	if (!task)
		return 0;
	file = fget_task(task, PROC_I(inode)->fd);
	put_task_struct(task);
	if (!file)
		return 0;
	fput(file);
	return 1;
}

static const struct dentry_operations tid_fd_dentry_operations = {
	.d_revalidate = tid_fd_revalidate,
	.d_delete = pid_delete_dentry,
};

/*
 * 0 if task has no file at fd, else the link's mode: r-x for a file open
 * for reading, -wx for writing, rwx for both (Linux: tid_fd_update_inode).
 */
static umode_t task_fd_mode(struct task_struct *task, unsigned int fd)
{
	struct file *file = fget_task(task, fd);
	umode_t mode = S_IFLNK;

	if (!file)
		return 0;
	if (file->f_mode & FMODE_READ)
		mode |= S_IRUSR | S_IXUSR;
	if (file->f_mode & FMODE_WRITE)
		mode |= S_IWUSR | S_IXUSR;
	fput(file);
	return mode;
}

static struct dentry *proc_lookupfd(struct inode *dir, struct dentry *dentry,
				    unsigned int flags)
{
	struct task_struct *task = get_proc_task(dir);
	unsigned long fd;
	struct inode *inode;
	umode_t mode;
	char name[16];

	if (!task)
		return ERR_PTR(-ENOENT);
	if (dentry->d_name.len >= sizeof(name))
		goto enoent;
	memcpy(name, dentry->d_name.name, dentry->d_name.len);
	name[dentry->d_name.len] = '\0';
	/* Linux's name_to_int: digits only, no leading zero. */
	if (!name[0] || (name[0] == '0' && name[1]) || name[0] < '0' || name[0] > '9' ||
	    kstrtoul(name, 10, &fd) || fd > NR_OPEN_MAX || name[strlen(name) - 1] == '\n')
		goto enoent;
	mode = task_fd_mode(task, fd);
	if (!mode)
		goto enoent;
	inode = proc_pid_make_inode(dir->i_sb, task, mode);
	put_task_struct(task);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	PROC_I(inode)->fd = fd;
	PROC_I(inode)->op.proc_get_link = proc_fd_link;
	inode->i_op = &proc_pid_link_inode_operations;
	inode->i_size = 64;
	d_set_d_op(dentry, &tid_fd_dentry_operations);
	d_add(dentry, inode);
	return NULL;
enoent:
	put_task_struct(task);
	return ERR_PTR(-ENOENT);
}

/* The lowest open fd >= fd, or -1. */
static int next_open_fd(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files = get_task_files(task);
	int found = -1;

	if (!files)
		return -1;
	spin_lock(&files->file_lock);
	for (struct fdtable *fdt = files_fdtable(files); fd < fdt->max_fds; fd++) {
		if (files_lookup_fd_locked(files, fd)) {
			found = fd;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	put_files_struct(files);
	return found;
}

static int proc_readfd(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	int fd;

	if (!task)
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		goto out;
	for (fd = next_open_fd(task, ctx->pos - 2); fd >= 0; fd = next_open_fd(task, fd + 1)) {
		char name[16];
		int len = snprintf(name, sizeof(name), "%d", fd);

		ctx->pos = fd + 2;
		if (!proc_fill_cache(file, ctx, name, len, 0, DT_LNK))
			goto out;
	}
	ctx->pos = NR_OPEN_MAX + 2;
out:
	put_task_struct(task);
	return 0;
}

const struct inode_operations proc_fd_inode_operations = {
	.lookup = proc_lookupfd,
};

const struct file_operations proc_fd_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_readfd,
	.llseek = generic_file_llseek,
};
