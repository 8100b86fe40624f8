/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-process file-descriptor table (Linux: include/linux/fdtable.h;
 * the code is fs/file.c, docs/fs/vfs.md "The file-descriptor table").
 *
 * struct files_struct is what a task points at (task->files; NULL for
 * kernel threads); it is shared by CLONE_FILES threads (count) and copied
 * by fork (dup_fd). struct fdtable is the table proper: max_fds slots of
 * struct file *, and two bitmaps of max_fds bits, open_fds (the fd is
 * taken: installed, or reserved by get_unused_fd_flags and not yet
 * installed) and close_on_exec. The first NR_OPEN_DEFAULT (64) fds live
 * in arrays embedded in files_struct (fdtab, fd_array...); expand_files()
 * replaces fdt with a kmalloc'ed table twice the size (or more) when a
 * higher fd is needed.
 *
 * Locking: files->file_lock (a spinlock) protects fdt, the table's
 * contents and next_fd. There is NO RCU here: Linux's lookups (fget,
 * files_lookup_fd_rcu) read the table under rcu_read_lock() and the old
 * table of a resize is freed after a grace period; Linnet's lookups take
 * file_lock, so a replaced table can be freed at once. full_fds_bits (the
 * summary bitmap that speeds up the lowest-free search) is left out: the
 * search scans open_fds a word at a time.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

struct task_struct;

#define FDT_BITS_PER_LONG 64
#define NR_OPEN_DEFAULT FDT_BITS_PER_LONG
/* The hard ceiling on fds (Linux: sysctl_nr_open, /proc/sys/fs/nr_open). */
#define NR_OPEN_MAX (1024 * 1024)
/* RLIMIT_NOFILE's soft default (Linux: INR_OPEN_CUR); the limit without a signal_struct. */
#define INR_OPEN_CUR 1024

struct fdtable {
	unsigned int max_fds;
	struct file **fd;		/* max_fds slots */
	unsigned long *close_on_exec;	/* max_fds bits */
	unsigned long *open_fds;	/* max_fds bits */
};

struct files_struct {
	atomic_t count;			/* tasks sharing it (CLONE_FILES) */
	bool resize_in_progress;	/* an expand_fdtable() has dropped file_lock */
	wait_queue_head_t resize_wait;	/* ... and others wait here for it */
	struct fdtable *fdt;		/* &fdtab, or a bigger table */
	struct fdtable fdtab;
	spinlock_t file_lock;
	unsigned int next_fd;		/* no free fd below this one */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

extern unsigned int sysctl_nr_open;
/* An empty table (Linux: init_files, what init_task points at). */
extern struct files_struct init_files;

static inline struct fdtable *files_fdtable(struct files_struct *files)
{
	return files->fdt;
}

/* The file at fd, or NULL; file_lock held (Linux: files_lookup_fd_locked). */
struct file *files_lookup_fd_locked(struct files_struct *files, unsigned int fd);

static inline bool fd_is_open(unsigned int fd, const struct fdtable *fdt)
{
	return (fdt->open_fds[fd / FDT_BITS_PER_LONG] >> (fd % FDT_BITS_PER_LONG)) & 1;
}

/* Copy for fork (Linux 6.x: returns ERR_PTR; every open file is get_file'd). */
struct files_struct *dup_fd(struct files_struct *oldf);
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);
/* Close the fds marked close-on-exec (Linux: called by begin_new_exec). */
void do_close_on_exec(struct files_struct *files);
int expand_files(struct files_struct *files, unsigned int nr);
/* Call f on each open file from fd n until it returns non-zero (Linux: iterate_fd). */
int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*f)(const void *p, struct file *file, unsigned int fd), const void *p);

/* The explicit-table forms the current->files ones below are built on. */
int __alloc_fd(struct files_struct *files, unsigned int start, unsigned int end,
	       unsigned int flags);
void __put_unused_fd(struct files_struct *files, unsigned int fd);
void __fd_install(struct files_struct *files, unsigned int fd, struct file *file);
struct file *__file_close_fd(struct files_struct *files, unsigned int fd);
int __close_fd(struct files_struct *files, unsigned int fd);
struct file *__fget_files(struct files_struct *files, unsigned int fd, fmode_t mask);

#endif /* _LINUX_FDTABLE_H */
