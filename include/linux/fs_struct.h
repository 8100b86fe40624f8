/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's root and working directory (Linux: include/linux/fs_struct.h,
 * fs/fs_struct.c). Kernel threads share init_fs; processes will get their
 * own copy at fork (copy_fs) with the next issue.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/path.h>
#include <linux/spinlock.h>

struct fs_struct {
	int users;
	spinlock_t lock;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
struct fs_struct *current_fs(void);
/* fork and exit (kernel/fork.c, kernel/exit.c). */
struct task_struct;
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);

#endif /* _LINUX_FS_STRUCT_H */
