// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts (Linux: fs/namespace.c).
 *
 * vfs_kern_mount() asks a filesystem type for a superblock's root and
 * wraps it in a struct mount. path_mount() hangs that on a directory:
 * the mount records its parent mount and the mount point's dentry, the
 * dentry is marked DCACHE_MOUNTED, and the (parent, dentry) pair goes in
 * the mount hash, where path walk finds it (lookup_mnt). path_umount()
 * takes it down again if nothing but the caller uses it (-EBUSY
 * otherwise). mnt_init() builds the first mount, a tmpfs called rootfs
 * (init/do_mounts.c), and makes it everybody's root and working directory.
 * Left out: mount namespaces, propagation, bind/move/remount, lazy umount
 * (MNT_DETACH), expiry, per-mount read-only state and the new mount API.
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"
#include "mount.h"

DEFINE_SPINLOCK(mount_lock);
/* Serialises changes to the tree against each other and /proc/mounts (Linux: an rwsem). */
static DEFINE_MUTEX(namespace_sem);

#define MNT_HASHSIZE 64
static struct list_head mount_hashtable[MNT_HASHSIZE];
static LIST_HEAD(mount_list);		/* every mount in the tree, in mount order */
static int mnt_id_next = 1;

static struct list_head *m_hash(struct vfsmount *mnt, struct dentry *dentry)
{
	unsigned long h = ((unsigned long)mnt >> 6) + ((unsigned long)dentry >> 6);

	return &mount_hashtable[(h * 0x61C8864680B583EBUL) >> 58];
}

static struct mount *alloc_vfsmnt(const char *name)
{
	struct mount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	mnt->mnt_devname = kstrdup(name ? name : "none", GFP_KERNEL);
	if (!mnt->mnt_devname) {
		kfree(mnt);
		return NULL;
	}
	mnt->mnt_count = 1;
	mnt->mnt_parent = mnt;
	INIT_LIST_HEAD(&mnt->mnt_hash);
	INIT_LIST_HEAD(&mnt->mnt_mounts);
	INIT_LIST_HEAD(&mnt->mnt_child);
	INIT_LIST_HEAD(&mnt->mnt_instance);
	spin_lock(&mount_lock);
	mnt->mnt_id = mnt_id_next++;
	spin_unlock(&mount_lock);
	return mnt;
}

static void free_vfsmnt(struct mount *mnt)
{
	kfree(mnt->mnt_devname);
	kfree(mnt->mnt_options);
	kfree(mnt);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt) {
		spin_lock(&mount_lock);
		real_mount(mnt)->mnt_count++;
		spin_unlock(&mount_lock);
	}
	return mnt;
}

void mntput(struct vfsmount *m)
{
	struct mount *mnt;
	bool last;

	if (!m)
		return;
	mnt = real_mount(m);
	spin_lock(&mount_lock);
	WARN_ON(mnt->mnt_count <= 0);
	last = !--mnt->mnt_count;
	spin_unlock(&mount_lock);
	if (!last)
		return;
	/* Linux: cleanup_mnt() */
	dput(m->mnt_root);
	deactivate_super(m->mnt_sb);
	free_vfsmnt(mnt);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data)
{
	struct mount *mnt;
	struct dentry *root;

	if (!type)
		return ERR_PTR(-EINVAL);
	mnt = alloc_vfsmnt(name);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, name, data);
	if (IS_ERR(root)) {
		free_vfsmnt(mnt);
		return ERR_CAST(root);
	}
	mnt->mnt.mnt_root = root;
	mnt->mnt.mnt_sb = root->d_sb;
	mnt->mnt_mountpoint = root;
	return &mnt->mnt;
}

/* A mount for the kernel's own use, in no tree (Linux: kern_mount). */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);

	if (!IS_ERR(mnt))
		mnt->mnt_flags = MNT_INTERNAL;
	return mnt;
}

void kern_unmount(struct vfsmount *mnt)
{
	if (!IS_ERR_OR_NULL(mnt))
		mntput(mnt);
}

/* The mount on path, referenced, or NULL (Linux: lookup_mnt). */
struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *p, *found = NULL;

	spin_lock(&mount_lock);
	list_for_each_entry(p, m_hash(path->mnt, path->dentry), mnt_hash) {
		if (&p->mnt_parent->mnt == path->mnt && p->mnt_mountpoint == path->dentry) {
			found = p;
			found->mnt_count++;
			break;
		}
	}
	spin_unlock(&mount_lock);
	return found ? &found->mnt : NULL;
}

/* From a mount's root to where it is mounted; false at the top (Linux: follow_up). */
bool follow_up(struct path *path)
{
	struct mount *mnt = real_mount(path->mnt);
	struct dentry *mountpoint;
	struct vfsmount *parent;

	spin_lock(&mount_lock);
	if (!mnt_has_parent(mnt)) {
		spin_unlock(&mount_lock);
		return false;
	}
	parent = &mnt->mnt_parent->mnt;
	mnt->mnt_parent->mnt_count++;
	mountpoint = mnt->mnt_mountpoint;
	spin_unlock(&mount_lock);
	dget(mountpoint);
	path_put(path);
	path->mnt = parent;
	path->dentry = mountpoint;
	return true;
}

/* The tree holds a reference on the child, its parent and the mount point (Linux: attach_mnt). */
static void attach_mnt(struct mount *mnt, const struct path *where)
{
	struct mount *parent = real_mount(where->mnt);

	dget(where->dentry);
	spin_lock(&mount_lock);
	parent->mnt_count++;
	mnt->mnt_parent = parent;
	mnt->mnt_mountpoint = where->dentry;
	list_add_tail(&mnt->mnt_hash, m_hash(&parent->mnt, where->dentry));
	list_add_tail(&mnt->mnt_child, &parent->mnt_mounts);
	list_add_tail(&mnt->mnt_instance, &mount_list);
	spin_lock(&dcache_lock);
	d_set_mounted_locked(where->dentry, true);
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
}

static bool dentry_has_mounts_locked(struct dentry *dentry)
{
	struct mount *p;

	list_for_each_entry(p, &mount_list, mnt_instance)
		if (p->mnt_mountpoint == dentry && mnt_has_parent(p))
			return true;
	return false;
}

/*
 * Take mnt out of the tree unless someone besides the tree and the caller
 * holds it or something is mounted on it: -EBUSY. The check and the
 * unhashing are one mount_lock section, so no lookup_mnt() can take a
 * reference in between (Linux: propagate_mount_busy() and umount_tree()
 * under lock_mount_hash()).
 */
static int umount_tree_one(struct mount *mnt)
{
	struct mount *parent;
	struct dentry *mountpoint;

	spin_lock(&mount_lock);
	/* References: the tree's and the caller's; any other is a user. */
	if (mnt->mnt_count > 2 || !list_empty(&mnt->mnt_mounts)) {
		spin_unlock(&mount_lock);
		return -EBUSY;
	}
	parent = mnt->mnt_parent;
	mountpoint = mnt->mnt_mountpoint;
	list_del_init(&mnt->mnt_hash);
	list_del_init(&mnt->mnt_child);
	list_del_init(&mnt->mnt_instance);
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt.mnt_root;
	spin_lock(&dcache_lock);
	if (!dentry_has_mounts_locked(mountpoint))
		d_set_mounted_locked(mountpoint, false);
	spin_unlock(&dcache_lock);
	spin_unlock(&mount_lock);
	dput(mountpoint);
	mntput(&parent->mnt);
	mntput(&mnt->mnt);	/* the tree's reference */
	return 0;
}

static char *copy_mount_options(const void *data)
{
	return kstrdup(data ? (const char *)data : "", GFP_KERNEL);
}

/* Mount a new filesystem of type type_page at path (Linux: path_mount -> do_new_mount). */
int path_mount(const char *dev_name, const struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	struct path where;
	char *options;

	/* Only new mounts: MS_REMOUNT, MS_BIND, MS_MOVE and propagation flags are not here. */
	if (flags & ~(SB_RDONLY | SB_NOSUID | SB_NODEV | SB_NOEXEC | SB_SILENT))
		return -EINVAL;
	if (!type_page)
		return -EINVAL;
	type = get_fs_type(type_page);
	if (!type)
		return -ENODEV;
	if (!d_can_lookup(path->dentry))
		return -ENOTDIR;
	options = copy_mount_options(data_page);
	if (!options)
		return -ENOMEM;
	mnt = vfs_kern_mount(type, flags, dev_name, data_page);
	if (IS_ERR(mnt)) {
		kfree(options);
		return PTR_ERR(mnt);
	}
	real_mount(mnt)->mnt_options = options;
	mutex_lock(&namespace_sem);
	/* Mount on top of whatever is mounted there already (Linux: lock_mount). */
	where = *path;
	path_get(&where);
	inode_lock(where.dentry->d_inode);
	while (d_mountpoint(where.dentry)) {
		struct vfsmount *top = lookup_mnt(&where);

		if (!top)
			break;
		inode_unlock(where.dentry->d_inode);
		path_put(&where);
		where.mnt = top;
		where.dentry = dget(top->mnt_root);
		inode_lock(where.dentry->d_inode);
	}
	if (IS_DEADDIR(where.dentry->d_inode) ||
	    (d_unhashed(where.dentry) && !IS_ROOT(where.dentry))) {
		inode_unlock(where.dentry->d_inode);
		mutex_unlock(&namespace_sem);
		path_put(&where);
		mntput(mnt);
		return -ENOENT;
	}
	attach_mnt(real_mount(mnt), &where);
	inode_unlock(where.dentry->d_inode);
	mutex_unlock(&namespace_sem);
	path_put(&where);
	return 0;
}

/* Unmount the mount whose root path is; consumes path (Linux: path_umount -> do_umount). */
int path_umount(const struct path *path, int flags)
{
	struct mount *mnt = real_mount(path->mnt);
	int err = 0;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		err = -EINVAL;
	else if (path->dentry != path->mnt->mnt_root)
		err = -EINVAL;		/* not a mount point */
	else if (!mnt_has_parent(mnt) || (path->mnt->mnt_flags & MNT_INTERNAL))
		err = -EINVAL;		/* the root, or not in the tree */
	else if (flags & (MNT_DETACH | MNT_EXPIRE))
		err = -EINVAL;		/* lazy umount and expiry are not implemented */
	if (err) {
		path_put(path);
		return err;
	}
	mutex_lock(&namespace_sem);
	err = umount_tree_one(mnt);
	mutex_unlock(&namespace_sem);
	path_put(path);
	return err;
}

static int show_one(char *buf, size_t size, struct mount *mnt)
{
	struct path mnt_path = { .mnt = &mnt->mnt, .dentry = mnt->mnt.mnt_root };
	struct super_block *sb = mnt->mnt.mnt_sb;
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	const char *where = "?";
	int len;

	if (page) {
		char *p = d_path(&mnt_path, page, PATH_MAX);

		if (!IS_ERR(p))
			where = p;
	}
	len = snprintf(buf, size, "%s %s %s %s", mnt->mnt_devname, where, sb->s_type->name,
		       (sb->s_flags & SB_RDONLY) ? "ro" : "rw");
	if (sb->s_op && sb->s_op->show_options && (size_t)len < size)
		len += sb->s_op->show_options(buf + len, size - len, mnt->mnt.mnt_root);
	if ((size_t)len < size)
		len += snprintf(buf + len, size - len, " 0 0\n");
	kfree(page);
	return len;
}

int show_mounts(char *buf, size_t size)
{
	struct mount *mnt;
	int len = 0;

	mutex_lock(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_instance)
		if ((size_t)len < size)
			len += show_one(buf + len, size - len, mnt);
	mutex_unlock(&namespace_sem);
	return (size_t)len < size ? len : (int)size;
}

extern struct file_system_type rootfs_fs_type;

/* The first mount: rootfs, everybody's / and cwd (Linux: init_mount_tree). */
static void init_mount_tree(void)
{
	struct vfsmount *mnt;
	struct path root;
	int err = register_filesystem(&rootfs_fs_type);

	if (err)
		panic("VFS: cannot register rootfs: %d", err);
	mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("Can't create rootfs");
	spin_lock(&mount_lock);
	list_add_tail(&real_mount(mnt)->mnt_instance, &mount_list);
	spin_unlock(&mount_lock);
	real_mount(mnt)->mnt_options = kstrdup("", GFP_KERNEL);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_pwd(&init_fs, &root);
	set_fs_root(&init_fs, &root);
	/* The tree keeps the root mount: our reference becomes the tree's. */
}

void mnt_init(void)
{
	int err;

	for (unsigned int i = 0; i < MNT_HASHSIZE; i++)
		INIT_LIST_HEAD(&mount_hashtable[i]);
	err = shmem_init();
	if (err)
		panic("VFS: shmem_init failed: %d", err);
	init_mount_tree();
}

void vfs_caches_init(void)
{
	dcache_init();
	inode_init();
	files_init();
	mnt_init();
}
