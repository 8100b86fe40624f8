// SPDX-License-Identifier: GPL-2.0
/*
 * A task's root and working directory (Linux: fs/fs_struct.c).
 * Kernel threads all use init_fs, as in Linux; fork gives each process
 * its own copy (copy_fs in kernel/fork.c) unless CLONE_FS shares it.
 */
#include <linux/fs_struct.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct fs_struct init_fs = {
	.users = 1,
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

struct fs_struct *current_fs(void)
{
	struct fs_struct *fs = current->fs;

	return fs ? fs : &init_fs;
}

static void set_path(struct fs_struct *fs, struct path *where, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = *where;
	*where = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->pwd, path);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

/*
 * fork and exit (Linux: copy_fs_struct, free_fs_struct, exit_fs). A
 * process gets its own copy at fork unless CLONE_FS shares its parent's;
 * a task whose fs is NULL uses init_fs, which is never freed.
 */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	if (fs->root.dentry)
		path_get(&fs->root);
	if (fs->pwd.dentry)
		path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	if (WARN_ON(fs == &init_fs))
		return;
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
	kfree(fs);
}

void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;
	unsigned long flags;
	int kill;

	if (!fs)
		return;
	/* Linux: under task_lock(tsk); here pi_lock, as /proc/PID/{cwd,root} read it under. */
	spin_lock_irqsave(&tsk->pi_lock, flags);
	tsk->fs = NULL;
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	spin_lock(&fs->lock);
	kill = !--fs->users;
	spin_unlock(&fs->lock);
	if (kill && fs != &init_fs)
		free_fs_struct(fs);
}
