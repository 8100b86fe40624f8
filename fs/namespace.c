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
 *
 * mount(2) (sys_mount -> path_mount, Linux's order): MS_MGC_VAL in the
 * top half of flags is dropped, MS_NOUSER is -EINVAL; the per-mount flags
 * (MNT_NOSUID, NODEV, NOEXEC, READONLY, NOATIME, NODIRATIME, NOSYMFOLLOW,
 * and MNT_RELATIME unless MS_NOATIME or MS_STRICTATIME) are split from
 * the superblock's (SB_RDONLY, SYNCHRONOUS, DIRSYNC, MANDLOCK, LAZYTIME,
 * ...; shown in /proc/mounts; of them only read-only is enforced: -EROFS
 * for opening a file for writing (MNT_READONLY or SB_RDONLY), access W_OK,
 * and, on a read-only superblock, creating, removing and changing
 * attributes). Then:
 * MS_REMOUNT|MS_BIND changes only a mount's flags (do_reconfigure_mnt);
 * MS_REMOUNT changes the superblock's flags (the filesystem's remount_fs,
 * if it has one, sees the options; tmpfs has none, so size= and the like
 * are accepted and kept as they were); MS_BIND mounts an existing tree
 * (dev_name) at the target (do_loopback: one mount, MS_REC binds only the
 * top one); MS_SHARED/MS_PRIVATE/MS_SLAVE/MS_UNBINDABLE are accepted and
 * change nothing (one namespace, no propagation: every mount is private);
 * MS_MOVE moves a mount (with what is mounted on it) to the target, not
 * below itself (-ELOOP); anything else is a new mount of
 * type (any registered type, get_fs_type: -ENODEV if none, -EINVAL with
 * no type, -ENOTDIR on a non-directory). /proc/mounts reads the tree
 * through iterate_mounts() and show_vfsmnt() (Linux's format).
 *
 * umount2(2): -EINVAL for unknown flags, a path that is not a mount's root
 * or the root mount; -EBUSY if anything but the tree uses it (open files,
 * a cwd, mounts on top); MNT_FORCE is accepted (no filesystem here can
 * abort its I/O); MNT_DETACH takes the mount and everything under it out
 * of the tree at once, in use or not (each piece lives until its last
 * user goes); MNT_EXPIRE marks an unused mount (-EAGAIN) and unmounts it
 * at the next call if nobody used it meanwhile... here "used" is only
 * "busy now"; UMOUNT_NOFOLLOW does not follow a trailing symlink.
 *
 * Left out: mount namespaces, propagation, recursive binds,
 * MNT_READONLY for anything but open and access (Linux's mnt_want_write
 * everywhere), a remount read-only refused while files are open for
 * writing (-EBUSY in Linux; those files go on writing here), expiry timers and the new mount API
 * (fsopen/fsmount/move_mount).
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
#include <linux/syscalls.h>
#include <linux/uaccess.h>

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
static int umount_tree_one(struct mount *mnt, bool lazy)
{
	struct mount *parent;
	struct dentry *mountpoint;

	spin_lock(&mount_lock);
	/* References: the tree's and the caller's; any other is a user. */
	if (!lazy && (mnt->mnt_count > 2 || !list_empty(&mnt->mnt_mounts))) {
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

/* The options as given, kept for /proc/mounts. */
static char *dup_mount_options(const void *data)
{
	return kstrdup(data ? (const char *)data : "", GFP_KERNEL);
}

/* mount(2)'s flags (Linux: include/uapi/linux/mount.h). */
#define MS_RDONLY 1
#define MS_NOSUID 2
#define MS_NODEV 4
#define MS_NOEXEC 8
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT 32
#define MS_MANDLOCK 64
#define MS_DIRSYNC 128
#define MS_NOSYMFOLLOW 256
#define MS_NOATIME 1024
#define MS_NODIRATIME 2048
#define MS_BIND 4096
#define MS_MOVE 8192
#define MS_REC 16384
#define MS_SILENT 32768
#define MS_POSIXACL (1 << 16)
#define MS_UNBINDABLE (1 << 17)
#define MS_PRIVATE (1 << 18)
#define MS_SLAVE (1 << 19)
#define MS_SHARED (1 << 20)
#define MS_RELATIME (1 << 21)
#define MS_I_VERSION (1 << 23)
#define MS_STRICTATIME (1 << 24)
#define MS_LAZYTIME (1 << 25)
#define MS_NOUSER (1U << 31)
#define MS_MGC_VAL 0xC0ED0000UL
#define MS_MGC_MSK 0xffff0000UL
/* The superblock's share of them (Linux: the SB_* of the same values). */
#define MS_SB_FLAGS (MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | MS_DIRSYNC | MS_SILENT | \
		     MS_POSIXACL | MS_LAZYTIME | MS_I_VERSION)
#define MS_RMT_MASK (MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | MS_I_VERSION | MS_LAZYTIME)
#define MNT_ATIME_MASK (MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME)

/* In the tree, not a kernel-internal mount (Linux: check_mnt). */
static bool check_mnt(struct mount *mnt)
{
	bool in;

	spin_lock(&mount_lock);
	in = !list_empty(&mnt->mnt_instance);
	spin_unlock(&mount_lock);
	return in && !(mnt->mnt.mnt_flags & MNT_INTERNAL);
}

/*
 * Hang mnt on path, on top of whatever is mounted there already (Linux:
 * lock_mount + graft_tree). A new mount (moving false) is the caller's
 * reference, consumed on failure; a moving one (MS_MOVE) is in the tree:
 * it leaves its old place only once the new one is known to be good, and
 * never for a place inside itself (-ELOOP).
 */
static int graft_mnt(struct mount *newmnt, const struct path *path, bool moving)
{
	struct vfsmount *mnt = &newmnt->mnt;
	struct mount *old_parent = NULL;
	struct dentry *old_mp = NULL;
	struct path where;
	int err = 0;

	mutex_lock(&namespace_sem);
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
	    (d_unhashed(where.dentry) && !IS_ROOT(where.dentry)))
		err = -ENOENT;
	else if (d_is_dir(where.dentry) != d_is_dir(mnt->mnt_root))
		err = -ENOTDIR;		/* a directory only on a directory (graft_tree) */
	if (!err && moving) {
		/* Not below itself (Linux: do_move_mount's loop check). */
		for (struct mount *p = real_mount(where.mnt);; p = p->mnt_parent) {
			if (p == newmnt) {
				err = -ELOOP;
				break;
			}
			if (!mnt_has_parent(p))
				break;
		}
	}
	if (!err && moving) {
		/* Out of the old place; the tree keeps its reference on newmnt. */
		spin_lock(&mount_lock);
		old_parent = newmnt->mnt_parent;
		old_mp = newmnt->mnt_mountpoint;
		list_del_init(&newmnt->mnt_hash);
		list_del_init(&newmnt->mnt_child);
		list_del_init(&newmnt->mnt_instance);
		newmnt->mnt_parent = newmnt;
		newmnt->mnt_mountpoint = mnt->mnt_root;
		spin_lock(&dcache_lock);
		if (!dentry_has_mounts_locked(old_mp))
			d_set_mounted_locked(old_mp, false);
		spin_unlock(&dcache_lock);
		spin_unlock(&mount_lock);
	}
	if (!err)
		attach_mnt(newmnt, &where);
	inode_unlock(where.dentry->d_inode);
	mutex_unlock(&namespace_sem);
	path_put(&where);
	if (old_mp) {
		dput(old_mp);
		mntput(&old_parent->mnt);
	}
	if (err && !moving)
		mntput(mnt);
	return err;
}

static int do_add_mount(struct mount *newmnt, const struct path *path)
{
	return graft_mnt(newmnt, path, false);
}

/* MS_MOVE: the mount whose root is old_name goes to path (Linux: do_move_mount_old). */
static int do_move_mount_old(const struct path *path, const char *old_name)
{
	struct path old_path;
	struct mount *old;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old_path);
	if (err)
		return err;
	old = real_mount(old_path.mnt);
	err = -EINVAL;
	if (check_mnt(old) && old_path.dentry == old_path.mnt->mnt_root && mnt_has_parent(old))
		err = graft_mnt(old, path, true);
	path_put(&old_path);
	return err;
}

/* A new filesystem of type fstype at path (Linux: do_new_mount). */
static int do_new_mount(const struct path *path, const char *fstype, int sb_flags,
			int mnt_flags, const char *name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	char *options;

	if (!fstype)
		return -EINVAL;
	type = get_fs_type(fstype);
	if (!type)
		return -ENODEV;
	if (!d_can_lookup(path->dentry))
		return -ENOTDIR;
	options = dup_mount_options(data);
	if (!options)
		return -ENOMEM;
	mnt = vfs_kern_mount(type, sb_flags, name, data);
	if (IS_ERR(mnt)) {
		kfree(options);
		return PTR_ERR(mnt);
	}
	if (sb_flags & SB_RDONLY)
		mnt->mnt_sb->s_flags |= SB_RDONLY;
	mnt->mnt_flags = mnt_flags;
	real_mount(mnt)->mnt_options = options;
	return do_add_mount(real_mount(mnt), path);
}

/* MS_REMOUNT|MS_BIND: only the mount's own flags change (Linux: do_reconfigure_mnt). */
static int do_reconfigure_mnt(const struct path *path, int mnt_flags)
{
	struct mount *mnt = real_mount(path->mnt);

	if (!check_mnt(mnt))
		return -EINVAL;
	if (path->dentry != mnt->mnt.mnt_root)
		return -EINVAL;
	mutex_lock(&namespace_sem);
	mnt->mnt.mnt_flags = (mnt->mnt.mnt_flags & ~MNT_USER_SETTABLE_MASK) | mnt_flags;
	mutex_unlock(&namespace_sem);
	return 0;
}

/* MS_REMOUNT: the superblock's flags and options (Linux: do_remount -> reconfigure_super). */
static int do_remount(const struct path *path, int ms_flags, int sb_flags, int mnt_flags,
		      void *data)
{
	struct mount *mnt = real_mount(path->mnt);
	struct super_block *sb = path->mnt->mnt_sb;
	int err = 0;

	if (!check_mnt(mnt))
		return -EINVAL;
	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	mutex_lock(&namespace_sem);
	if (sb->s_op && sb->s_op->remount_fs)
		err = sb->s_op->remount_fs(sb, &sb_flags, data);
	if (!err) {
		sb->s_flags = (sb->s_flags & ~MS_RMT_MASK) | (sb_flags & MS_RMT_MASK);
		mnt->mnt.mnt_flags = (mnt->mnt.mnt_flags & ~MNT_USER_SETTABLE_MASK) | mnt_flags;
	}
	mutex_unlock(&namespace_sem);
	return err;
}

/* MS_BIND: the tree at old_name, mounted again at path (Linux: do_loopback, clone_mnt). */
static int do_loopback(const struct path *path, const char *old_name, int recurse)
{
	struct path old_path;
	struct mount *old, *mnt;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW | LOOKUP_AUTOMOUNT, &old_path);
	if (err)
		return err;
	old = real_mount(old_path.mnt);
	err = -EINVAL;
	if (!check_mnt(old) && old_path.mnt != current_fs()->root.mnt)
		goto out;
	err = -ENOMEM;
	mnt = alloc_vfsmnt(old->mnt_devname);
	if (!mnt)
		goto out;
	mnt->mnt_options = kstrdup(old->mnt_options ? old->mnt_options : "", GFP_KERNEL);
	if (!mnt->mnt_options) {
		free_vfsmnt(mnt);
		goto out;
	}
	/* The superblock gains a mount (s_active), the new root a reference. */
	atomic_inc(&old_path.mnt->mnt_sb->s_active);
	mnt->mnt.mnt_sb = old_path.mnt->mnt_sb;
	mnt->mnt.mnt_root = dget(old_path.dentry);
	mnt->mnt.mnt_flags = old->mnt.mnt_flags & ~MNT_INTERNAL;
	mnt->mnt_mountpoint = mnt->mnt.mnt_root;
	(void)recurse;		/* MS_REC: the mounts below old_path are not copied */
	err = do_add_mount(mnt, path);
out:
	path_put(&old_path);
	return err;
}

/* Mount at path as mount(2) says (Linux: path_mount). */
int path_mount(const char *dev_name, const struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	int mnt_flags = 0, sb_flags;

	/* Discard the magic (Linux: "compatibility with ancient mount(8)"). */
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_NOUSER)
		return -EINVAL;
	/* Default to relatime unless overridden. */
	if (!(flags & MS_NOATIME))
		mnt_flags |= MNT_RELATIME;
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_STRICTATIME)
		mnt_flags &= ~(MNT_RELATIME | MNT_NOATIME);
	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSYMFOLLOW)
		mnt_flags |= MNT_NOSYMFOLLOW;
	/* A remount keeps the atime flags unless it names one. */
	if ((flags & MS_REMOUNT) &&
	    !(flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME))) {
		mnt_flags &= ~MNT_ATIME_MASK;
		mnt_flags |= path->mnt->mnt_flags & MNT_ATIME_MASK;
	}
	sb_flags = flags & MS_SB_FLAGS;

	if ((flags & (MS_REMOUNT | MS_BIND)) == (MS_REMOUNT | MS_BIND))
		return do_reconfigure_mnt(path, mnt_flags);
	if (flags & MS_REMOUNT)
		return do_remount(path, flags, sb_flags, mnt_flags, data_page);
	if (flags & MS_BIND)
		return do_loopback(path, dev_name, flags & MS_REC);
	if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)) {
		/* Linux: do_change_type. One namespace, no propagation: nothing to change. */
		unsigned long type = flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE);

		if (type & (type - 1))
			return -EINVAL;		/* more than one */
		if (path->dentry != path->mnt->mnt_root)
			return -EINVAL;
		return 0;
	}
	if (flags & MS_MOVE)
		return do_move_mount_old(path, dev_name);
	return do_new_mount(path, type_page, sb_flags, mnt_flags, dev_name, data_page);
}

static void umount_tree_lazy(struct mount *mnt);

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
	else if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		err = -EINVAL;
	if (err) {
		path_put(path);
		return err;
	}
	mutex_lock(&namespace_sem);
	if (!check_mnt(mnt)) {
		err = -EINVAL;		/* lazily detached meanwhile */
	} else if (flags & MNT_EXPIRE) {
		/* Unused and marked by an earlier call: go; else mark it (Linux: do_umount). */
		spin_lock(&mount_lock);
		if (mnt->mnt_count > 2 || !list_empty(&mnt->mnt_mounts)) {
			err = -EBUSY;
		} else if (!mnt->mnt_expiry_mark) {
			mnt->mnt_expiry_mark = 1;
			err = -EAGAIN;
		}
		spin_unlock(&mount_lock);
		if (!err)
			err = umount_tree_one(mnt, false);
	} else if (flags & MNT_DETACH) {
		umount_tree_lazy(mnt);
	} else {
		err = umount_tree_one(mnt, false);
	}
	mutex_unlock(&namespace_sem);
	path_put(path);
	return err;
}

/* MNT_DETACH: mnt and every mount below it leave the tree now, busy or not. */
static void umount_tree_lazy(struct mount *mnt)
{
	for (;;) {
		struct mount *child = NULL;

		spin_lock(&mount_lock);
		if (!list_empty(&mnt->mnt_mounts))
			child = list_first_entry(&mnt->mnt_mounts, struct mount, mnt_child);
		spin_unlock(&mount_lock);
		if (!child)
			break;
		umount_tree_lazy(child);
	}
	umount_tree_one(mnt, true);
}

/* Linux: copy_mount_string (strndup_user): NULL for NULL. */
static char *copy_mount_string(const void __user *data)
{
	char *s;
	long n;

	if (!data)
		return NULL;
	s = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(s, data, PATH_MAX);
	if (n < 0 || n >= PATH_MAX) {
		kfree(s);
		return ERR_PTR(n < 0 ? -EFAULT : -EINVAL);
	}
	return s;
}

/* Up to a page of options, as much as is readable; -EFAULT if none is (Linux: copy_mount_options). */
static void *copy_mount_options(const void __user *data)
{
	char *copy;
	unsigned long left, offset;

	if (!data)
		return NULL;
	copy = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	left = copy_from_user(copy, data, PAGE_SIZE);
	offset = PAGE_SIZE - left;
	while (left) {
		char c;

		if (get_user(c, (char __user *)data + offset))
			break;
		copy[offset++] = c;
		left--;
	}
	if (left == PAGE_SIZE) {
		kfree(copy);
		return ERR_PTR(-EFAULT);
	}
	copy[PAGE_SIZE - 1] = '\0';
	return copy;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name, char __user *, type,
		unsigned long, flags, void __user *, data)
{
	char *kernel_type, *kernel_dev;
	void *options;
	struct path path;
	int ret;

	kernel_type = copy_mount_string(type);
	ret = PTR_ERR(kernel_type);
	if (IS_ERR(kernel_type))
		goto out_type;
	kernel_dev = copy_mount_string(dev_name);
	ret = PTR_ERR(kernel_dev);
	if (IS_ERR(kernel_dev))
		goto out_dev;
	options = copy_mount_options(data);
	ret = PTR_ERR(options);
	if (IS_ERR(options))
		goto out_data;
	ret = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);
	if (!ret) {
		ret = path_mount(kernel_dev, &path, kernel_type, flags, options);
		path_put(&path);
	}
	kfree(options);
out_data:
	kfree(kernel_dev);
out_dev:
	kfree(kernel_type);
out_type:
	return ret;
}

SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	int lookup_flags = 0;
	struct path path;
	int ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!(flags & UMOUNT_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	ret = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (ret)
		return ret;
	return path_umount(&path, flags);
}

/* One /proc/mounts line (Linux: show_vfsmnt, show_sb_opts, show_mnt_opts). */
int show_vfsmnt(char *buf, size_t size, struct vfsmount *m)
{
	static const struct { int flag; const char *str; } sb_opts[] = {
		{ MS_SYNCHRONOUS, ",sync" }, { MS_DIRSYNC, ",dirsync" },
		{ MS_MANDLOCK, ",mand" }, { MS_LAZYTIME, ",lazytime" },
	}, mnt_opts[] = {
		{ MNT_NOSUID, ",nosuid" }, { MNT_NODEV, ",nodev" }, { MNT_NOEXEC, ",noexec" },
		{ MNT_NOATIME, ",noatime" }, { MNT_NODIRATIME, ",nodiratime" },
		{ MNT_RELATIME, ",relatime" }, { MNT_NOSYMFOLLOW, ",nosymfollow" },
	};
	struct mount *mnt = real_mount(m);
	struct path mnt_path = { .mnt = m, .dentry = m->mnt_root };
	struct super_block *sb = m->mnt_sb;
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	const char *where = "?";
	int len;

	if (page) {
		char *p = d_path(&mnt_path, page, PATH_MAX);

		if (!IS_ERR(p))
			where = p;
	}
	len = snprintf(buf, size, "%s %s %s %s", mnt->mnt_devname, where, sb->s_type->name,
		       ((sb->s_flags & SB_RDONLY) || (m->mnt_flags & MNT_READONLY)) ? "ro" : "rw");
	for (size_t i = 0; i < ARRAY_SIZE(sb_opts); i++)
		if (sb->s_flags & sb_opts[i].flag)
			len += snprintf((size_t)len < size ? buf + len : NULL,
					(size_t)len < size ? size - len : 0, "%s", sb_opts[i].str);
	for (size_t i = 0; i < ARRAY_SIZE(mnt_opts); i++)
		if (m->mnt_flags & mnt_opts[i].flag)
			len += snprintf((size_t)len < size ? buf + len : NULL,
					(size_t)len < size ? size - len : 0, "%s", mnt_opts[i].str);
	if (sb->s_op && sb->s_op->show_options && (size_t)len < size)
		len += sb->s_op->show_options(buf + len, size - len, m->mnt_root);
	len += snprintf((size_t)len < size ? buf + len : NULL, (size_t)len < size ? size - len : 0,
			" 0 0\n");
	kfree(page);
	return len;
}

int iterate_mounts(int (*fn)(struct vfsmount *mnt, void *arg), void *arg)
{
	struct mount *mnt;
	int ret = 0;

	mutex_lock(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_instance) {
		ret = fn(&mnt->mnt, arg);
		if (ret)
			break;
	}
	mutex_unlock(&namespace_sem);
	return ret;
}

int show_mounts(char *buf, size_t size)
{
	struct mount *mnt;
	int len = 0;

	mutex_lock(&namespace_sem);
	list_for_each_entry(mnt, &mount_list, mnt_instance)
		if ((size_t)len < size)
			len += show_vfsmnt(buf + len, size - len, &mnt->mnt);
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
