/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of fs/proc/ share (Linux: fs/proc/internal.h). */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/time64.h>

struct mm_struct;

/*
 * One registered /proc entry (Linux: struct proc_dir_entry; its children
 * are a list here, Linux's an rbtree). Directories have subdir; files
 * proc_ops (and seq_ops or single_show for the seq_file kinds); symlinks
 * data as their body.
 */
struct proc_dir_entry {
	unsigned int low_ino;
	umode_t mode;
	unsigned int nlink;
	unsigned int flags;		/* PROC_ENTRY_PERMANENT */
	loff_t size;
	const struct inode_operations *proc_iops;
	union {
		const struct proc_ops *proc_ops;
		const struct file_operations *proc_dir_ops;
	};
	const struct seq_operations *seq_ops;
	int (*single_show)(struct seq_file *, void *);
	proc_write_t write;
	void *data;
	unsigned int state_size;
	int in_use;			/* inodes made of it (proc_subdir_lock) */
	bool removed;			/* remove_proc_entry'd: freed at the last pde_put */
	struct proc_dir_entry *parent;
	struct list_head subdir;	/* children */
	struct list_head subdir_node;	/* in parent->subdir */
	unsigned int namelen;
	char *name;
	char inline_name[];
};

/* What a per-process file's show function is given (Linux also passes the pid namespace and pid). */
typedef int (*proc_show_t)(struct seq_file *m, struct task_struct *task);

union proc_op {
	int (*proc_get_link)(struct dentry *dentry, struct path *path);
	proc_show_t proc_show;
};

/*
 * A /proc inode (Linux: struct proc_inode). Per-process inodes name their
 * task by pid and start_time (Linux: a struct pid reference), so that a
 * reused pid does not bring a dead process's files back; fd is the
 * descriptor of /proc/PID/fd/N.
 */
struct proc_inode {
	int pid;			/* 0: not a per-process inode */
	u64 start_time;			/* the task's, to tell a reused pid */
	int fd;
	union proc_op op;
	struct proc_dir_entry *pde;
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

static inline struct proc_dir_entry *PDE(const struct inode *inode)
{
	return PROC_I(inode)->pde;
}

/* One file or directory of /proc/PID (Linux: struct pid_entry in base.c). */
struct pid_entry {
	const char *name;
	unsigned int len;
	umode_t mode;
	const struct inode_operations *iop;
	const struct file_operations *fop;
	union proc_op op;
};

#define NOD(NAME, MODE, IOP, FOP, OP) {			\
	.name = (NAME),					\
	.len  = sizeof(NAME) - 1,			\
	.mode = MODE,					\
	.iop  = IOP,					\
	.fop  = FOP,					\
	.op   = OP,					\
}
#define DIR(NAME, MODE, iops, fops) NOD(NAME, (S_IFDIR | (MODE)), &iops, &fops, {})
#define LNK(NAME, get_link) \
	NOD(NAME, (S_IFLNK | 0777), &proc_pid_link_inode_operations, NULL, \
	    { .proc_get_link = get_link })
#define REG(NAME, MODE, fops) NOD(NAME, (S_IFREG | (MODE)), NULL, &fops, {})
#define ONE(NAME, MODE, show) \
	NOD(NAME, (S_IFREG | (MODE)), NULL, &proc_single_file_operations, \
	    { .proc_show = show })

/* fs/proc/root.c */
extern struct vfsmount *proc_mnt;
extern struct file_system_type proc_fs_type;
/* fs/proc/generic.c */
struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de);
int proc_readdir(struct file *file, struct dir_context *ctx);
int proc_readdir_de(struct file *file, struct dir_context *ctx, struct proc_dir_entry *de);
int proc_alloc_inum(unsigned int *inum);
void pde_put(struct proc_dir_entry *de);
extern spinlock_t proc_subdir_lock;
extern const struct inode_operations proc_link_inode_operations;
/* fs/proc/inode.c */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de);
extern const struct super_operations proc_sops;
void proc_init_kmemcache(void);
/* fs/proc/base.c */
struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags);
int proc_pid_readdir(struct file *file, struct dir_context *ctx);
struct task_struct *get_proc_task(const struct inode *inode);
struct inode *proc_pid_make_inode(struct super_block *sb, struct task_struct *task, umode_t mode);
struct dentry *proc_pid_instantiate_entry(struct dentry *dentry, struct task_struct *task,
					   const struct pid_entry *p);
int pid_revalidate(struct dentry *dentry, unsigned int flags);
int pid_delete_dentry(const struct dentry *dentry);
extern const struct dentry_operations pid_dentry_operations;
extern const struct inode_operations proc_pid_link_inode_operations;
extern const struct file_operations proc_single_file_operations;
bool proc_fill_cache(struct file *file, struct dir_context *ctx, const char *name,
		     unsigned int len, u64 ino, unsigned int type);
#define FIRST_PROCESS_ENTRY 256
/* fs/proc/array.c */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_tid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
char task_state_char(struct task_struct *task);
/* fs/proc/task_mmu.c */
void task_mem(struct seq_file *m, struct mm_struct *mm);
unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident);
extern const struct file_operations proc_pid_maps_operations;
extern const struct file_operations proc_pid_smaps_rollup_operations;
/* fs/proc/fd.c */
extern const struct inode_operations proc_fd_inode_operations;
extern const struct file_operations proc_fd_operations;
/* fs/proc/self.c, thread_self.c */
void proc_self_init(void);
void proc_thread_self_init(void);
/* fs/proc/proc_sysctl.c */
void proc_sys_init(void);
/* The other files of fs/proc (Linux: an fs_initcall each) */
void proc_meminfo_init(void);
void proc_stat_init(void);
void proc_uptime_init(void);
void proc_loadavg_init(void);
void proc_version_init(void);
void proc_cmdline_init(void);
void proc_interrupts_init(void);
void proc_mounts_init(void);
void proc_vmstat_init(void);
void proc_filesystems_init(void);
void proc_slabinfo_init(void);
void proc_devices_init(void);
unsigned long proc_slab_pages(void);
unsigned long proc_percpu_pages(void);
time64_t proc_boot_time(void);
int proc_path_text(const struct path *path, char *buf, int buflen);

#endif /* _FS_PROC_INTERNAL_H */
