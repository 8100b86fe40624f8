/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The proc filesystem's interface for the rest of the kernel (Linux:
 * include/linux/proc_fs.h). A file in /proc is a proc_dir_entry made by
 * proc_create*(), with its proc_ops (Linux 5.6+: not file_operations),
 * or a seq_file made by a show function (proc_create_single) or by
 * seq_operations (proc_create_seq). fs/proc/ builds them into inodes at
 * lookup. docs/proc.md lists every file.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/fs.h>
#include <linux/types.h>

struct proc_dir_entry;
struct seq_file;
struct seq_operations;
struct poll_table_struct;

#define PROC_ENTRY_PERMANENT 1U		/* built in: never removed (Linux's flag) */

struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*proc_read_iter)(struct kiocb *iocb, struct iov_iter *iter);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	__poll_t (*proc_poll)(struct file *file, struct poll_table_struct *pt);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};

typedef int (*proc_write_t)(struct file *file, char *buf, size_t len);

extern struct proc_dir_entry proc_root;

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       const struct seq_operations *ops,
					       unsigned int state_size, void *data);
#define proc_create_seq_data(name, mode, parent, ops, data) \
	proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) \
	proc_create_seq_private(name, mode, parent, ops, 0, NULL)
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent);
struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent,
				    const char *dest);
void proc_set_size(struct proc_dir_entry *de, loff_t size);
void *pde_data(const struct inode *inode);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);

/* fs/proc/root.c: register "proc" and build the tree (Linux: proc_root_init). */
void proc_root_init(void);
/* /proc/cpuinfo, made by kernel/cpu/proc.c (Linux: fs_initcall(proc_cpuinfo_init)). */
void proc_cpuinfo_init(void);

/*
 * A task has been reaped: drop its /proc/PID (and /proc/TGID/task/PID)
 * dentries from every proc mount, so the dead process's directory does
 * not stay cached until its number is looked up again (Linux:
 * proc_flush_pid, called from release_task).
 */
void proc_flush_pid(pid_t pid, pid_t tgid);

#endif /* _LINUX_PROC_FS_H */
