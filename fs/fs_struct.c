// SPDX-License-Identifier: GPL-2.0
/*
 * A task's root and working directory (Linux: fs/fs_struct.c).
 * Kernel threads all use init_fs, as in Linux; the fork of the next issue
 * gives each process its own (copy_fs) and sets task->fs.
 */
#include <linux/fs_struct.h>
#include <linux/sched.h>

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
