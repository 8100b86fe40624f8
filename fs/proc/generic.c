// SPDX-License-Identifier: GPL-2.0
/*
 * The registered /proc entries (Linux: fs/proc/generic.c).
 *
 * proc_create() and friends hang a proc_dir_entry under a directory
 * entry (proc_root for /proc itself); lookup in such a directory finds
 * the child by name and builds an inode for it (proc_get_inode), and
 * readdir lists the children after "." and "..". Entries get inode
 * numbers from PROC_DYNAMIC_FIRST up. Simplified from Linux: children are
 * a list under one spinlock (Linux: an rbtree under an rwsem), and
 * remove_proc_entry() frees an entry only once no inode of it is left
 * (Linux: pde_users and a completion); its dentry fails revalidation from
 * then on and goes at its last dput.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "internal.h"

DEFINE_SPINLOCK(proc_subdir_lock);

#define PROC_DYNAMIC_FIRST 0xF0000000U
static unsigned int proc_next_inum = PROC_DYNAMIC_FIRST;

int proc_alloc_inum(unsigned int *inum)
{
	*inum = __atomic_fetch_add(&proc_next_inum, 1, __ATOMIC_RELAXED);
	return 0;
}

static struct proc_dir_entry *pde_subdir_find(struct proc_dir_entry *dir, const char *name,
					      unsigned int len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (de->namelen == len && !memcmp(de->name, name, len))
			return de;
	return NULL;
}

/*
 * An entry's dentry lasts until the entry is removed: then no walk may use
 * it, and its last dput frees it (Linux: proc_misc_dentry_ops, with
 * proc_entry_rundown marking the entry).
 */
static int proc_misc_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);

	return inode && !READ_ONCE(PDE(inode)->removed);
}

static int proc_misc_d_delete(const struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	return inode && READ_ONCE(PDE(inode)->removed);
}

static const struct dentry_operations proc_misc_dentry_ops = {
	.d_revalidate = proc_misc_d_revalidate,
	.d_delete = proc_misc_d_delete,
};

/* Look name up under dir and make its inode (Linux: proc_lookup_de). */
struct dentry *proc_lookup_de(struct inode *dir, struct dentry *dentry,
			      struct proc_dir_entry *de)
{
	struct inode *inode;

	spin_lock(&proc_subdir_lock);
	de = pde_subdir_find(de, (const char *)dentry->d_name.name, dentry->d_name.len);
	if (de)
		de->in_use++;
	spin_unlock(&proc_subdir_lock);
	if (!de)
		return ERR_PTR(-ENOENT);
	inode = proc_get_inode(dir->i_sb, de);	/* takes over the in_use count */
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_set_d_op(dentry, &proc_misc_dentry_ops);
	d_add(dentry, inode);
	return NULL;
}

struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	return proc_lookup_de(dir, dentry, PDE(dir));
}

/* "." and "..", then each child; ctx->pos - 2 is the child's index (Linux: proc_readdir_de). */
int proc_readdir_de(struct file *file, struct dir_context *ctx, struct proc_dir_entry *de)
{
	loff_t i;

	if (!dir_emit_dots(file, ctx))
		return 0;
	i = ctx->pos - 2;
	for (;;) {
		struct proc_dir_entry *child = NULL, *p;
		char name[64];
		unsigned int len, ino;
		umode_t mode;
		loff_t n = 0;

		spin_lock(&proc_subdir_lock);
		list_for_each_entry(p, &de->subdir, subdir_node) {
			if (n++ == i) {
				child = p;
				break;
			}
		}
		if (!child) {
			spin_unlock(&proc_subdir_lock);
			return 0;
		}
		len = min_t(unsigned int, child->namelen, sizeof(name));
		memcpy(name, child->name, len);
		ino = child->low_ino;
		mode = child->mode;
		spin_unlock(&proc_subdir_lock);
		if (!dir_emit(ctx, name, len, ino, mode >> 12))
			return 0;
		ctx->pos++;
		i++;
	}
}

int proc_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_readdir_de(file, ctx, PDE(file_inode(file)));
}

static const struct file_operations proc_dir_operations = {
	.llseek = generic_file_llseek,
	.read = generic_read_dir,
	.iterate_shared = proc_readdir,
};

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

static const char *proc_get_link(struct dentry *dentry, struct inode *inode, void **done)
{
	return PDE(inode)->data;
}

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
};

static int proc_register(struct proc_dir_entry *dir, struct proc_dir_entry *dp)
{
	proc_alloc_inum(&dp->low_ino);
	spin_lock(&proc_subdir_lock);
	dp->parent = dir;
	if (pde_subdir_find(dir, dp->name, dp->namelen)) {
		spin_unlock(&proc_subdir_lock);
		pr_warn("proc_dir_entry '%s/%s' already registered\n", dir->name, dp->name);
		return -EEXIST;
	}
	list_add_tail(&dp->subdir_node, &dir->subdir);
	if (S_ISDIR(dp->mode))
		dir->nlink++;
	spin_unlock(&proc_subdir_lock);
	return 0;
}

/* A new entry "name" under *parent (NULL: /proc); name may have '/'s (Linux: __proc_create). */
static struct proc_dir_entry *__proc_create(struct proc_dir_entry **parent, const char *name,
					    umode_t mode, unsigned int nlink)
{
	struct proc_dir_entry *ent, *dir = *parent ? *parent : &proc_root;
	const char *fn = name;
	size_t len;

	/* Linux: xlate_proc_name() walks the directories of "a/b/c". */
	spin_lock(&proc_subdir_lock);
	for (;;) {
		const char *slash = strchr(fn, '/');

		if (!slash)
			break;
		dir = pde_subdir_find(dir, fn, slash - fn);
		if (!dir) {
			spin_unlock(&proc_subdir_lock);
			pr_warn("name '%s': no parent directory\n", name);
			return NULL;
		}
		fn = slash + 1;
	}
	spin_unlock(&proc_subdir_lock);
	*parent = dir;
	len = strlen(fn);
	if (!len || len > NAME_MAX) {
		pr_warn("name len %zu\n", len);
		return NULL;
	}
	ent = kzalloc(sizeof(*ent) + len + 1, GFP_KERNEL);
	if (!ent)
		return NULL;
	memcpy(ent->inline_name, fn, len + 1);
	ent->name = ent->inline_name;
	ent->namelen = len;
	ent->mode = mode;
	ent->nlink = nlink;
	INIT_LIST_HEAD(&ent->subdir);
	INIT_LIST_HEAD(&ent->subdir_node);
	return ent;
}

static struct proc_dir_entry *proc_register_or_free(struct proc_dir_entry *parent,
						    struct proc_dir_entry *ent)
{
	if (proc_register(parent, ent)) {
		kfree(ent);
		return NULL;
	}
	return ent;
}

struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent,
				    const char *dest)
{
	struct proc_dir_entry *ent = __proc_create(&parent, name, S_IFLNK | 0777, 1);

	if (!ent)
		return NULL;
	ent->data = kstrdup(dest, GFP_KERNEL);
	if (!ent->data) {
		kfree(ent);
		return NULL;
	}
	ent->size = strlen(dest);
	ent->proc_iops = &proc_link_inode_operations;
	if (proc_register(parent, ent)) {
		kfree(ent->data);
		kfree(ent);
		return NULL;
	}
	return ent;
}

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent)
{
	struct proc_dir_entry *ent = __proc_create(&parent, name, S_IFDIR | (mode ? mode : 0555), 2);

	if (!ent)
		return NULL;
	ent->proc_dir_ops = &proc_dir_operations;
	ent->proc_iops = &proc_dir_inode_operations;
	return proc_register_or_free(parent, ent);
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_mkdir_mode(name, 0, parent);
}

/* A file entry (Linux: proc_create_reg); the caller fills its ops and registers it. */
static struct proc_dir_entry *proc_create_reg(const char *name, umode_t mode,
					      struct proc_dir_entry **parent, void *data)
{
	struct proc_dir_entry *p;

	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	if ((mode & S_IALLUGO) == 0)
		mode |= 0444;
	if (WARN_ON_ONCE(!S_ISREG(mode)))
		return NULL;
	p = __proc_create(parent, name, mode, 1);
	if (p)
		p->data = data;
	return p;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data)
{
	struct proc_dir_entry *p = proc_create_reg(name, mode, &parent, data);

	if (!p)
		return NULL;
	p->proc_ops = proc_ops;
	return proc_register_or_free(parent, p);
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}

static int proc_seq_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_open_private(file, de->seq_ops, de->state_size);
	return seq_open(file, de->seq_ops);
}

static int proc_seq_release(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	if (de->state_size)
		return seq_release_private(inode, file);
	return seq_release(inode, file);
}

static const struct proc_ops proc_seq_ops = {
	.proc_open = proc_seq_open,
	.proc_read = seq_read,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = proc_seq_release,
};

struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       const struct seq_operations *ops,
					       unsigned int state_size, void *data)
{
	struct proc_dir_entry *p = proc_create_reg(name, mode, &parent, data);

	if (!p)
		return NULL;
	p->proc_ops = &proc_seq_ops;
	p->seq_ops = ops;
	p->state_size = state_size;
	return proc_register_or_free(parent, p);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PDE(inode);

	return single_open(file, de->single_show, de->data);
}

static const struct proc_ops proc_single_ops = {
	.proc_open = proc_single_open,
	.proc_read = seq_read,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *p = proc_create_reg(name, mode, &parent, data);

	if (!p)
		return NULL;
	p->proc_ops = &proc_single_ops;
	p->single_show = show;
	return proc_register_or_free(parent, p);
}

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	de->size = size;
}

void *pde_data(const struct inode *inode)
{
	return PDE(inode)->data;
}

static void pde_free(struct proc_dir_entry *de)
{
	if (S_ISLNK(de->mode))
		kfree(de->data);
	kfree(de);
}

/* The last inode of a removed entry frees it (Linux: pde_put). */
void pde_put(struct proc_dir_entry *de)
{
	bool free;

	spin_lock(&proc_subdir_lock);
	free = !--de->in_use && de->removed;
	spin_unlock(&proc_subdir_lock);
	if (free)
		pde_free(de);
}

/* Remove a childless entry; it goes once no inode uses it (Linux: remove_proc_entry). */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de;
	bool free;

	if (!parent)
		parent = &proc_root;
	spin_lock(&proc_subdir_lock);
	de = pde_subdir_find(parent, name, strlen(name));
	if (!de || WARN_ON(!list_empty(&de->subdir)) || WARN_ON(de->flags & PROC_ENTRY_PERMANENT)) {
		spin_unlock(&proc_subdir_lock);
		if (!de)
			pr_warn("%s: removing non-empty directory or missing entry '%s'\n", __func__,
				name);
		return;
	}
	list_del_init(&de->subdir_node);
	if (S_ISDIR(de->mode))
		parent->nlink--;
	de->removed = true;
	free = !de->in_use;
	spin_unlock(&proc_subdir_lock);
	if (free)
		pde_free(de);
}
