/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tree of mounts, private to fs/ (Linux: fs/mount.h).
 *
 * struct mount wraps the vfsmount the rest of the kernel sees and says
 * where it hangs: mnt_parent is the mount it is mounted on and
 * mnt_mountpoint the dentry there. Path walk crosses down with
 * lookup_mnt(path) (the mount whose (parent, mountpoint) is path) and up
 * at a mount's root through mnt_parent. mount_lock guards the tree and
 * the hash; mnt_count counts references (mntget/mntput).
 * Simplified: no namespaces beyond the one, no propagation (shared/slave
 * mounts), no lazy umount, no per-CPU counts, no seqlock for RCU walk.
 */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

#include <linux/list.h>
#include <linux/mount.h>
#include <linux/spinlock.h>

struct mount {
	struct list_head mnt_hash;	/* in mount_hashtable, keyed by (parent, mountpoint) */
	struct mount *mnt_parent;	/* itself for the root of the tree */
	struct dentry *mnt_mountpoint;	/* where in the parent */
	struct vfsmount mnt;
	int mnt_count;			/* references (mount_lock) */
	struct list_head mnt_mounts;	/* mounts on top of this one */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	struct list_head mnt_instance;	/* in the list of all mounts */
	const char *mnt_devname;	/* "tmpfs", "rootfs" ... */
	char *mnt_options;		/* as given at mount time, for /proc/mounts */
	int mnt_id;
	int mnt_expiry_mark;		/* umount2(MNT_EXPIRE) asked once (mount_lock) */
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return (struct mount *)((char *)mnt - __builtin_offsetof(struct mount, mnt));
}

static inline bool mnt_has_parent(const struct mount *mnt)
{
	return mnt != mnt->mnt_parent;
}

extern spinlock_t mount_lock;

struct vfsmount *lookup_mnt(const struct path *path);
bool follow_up(struct path *path);

#endif /* _FS_MOUNT_H */
