/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A mounted filesystem as the rest of the kernel sees it (Linux:
 * include/linux/mount.h). The tree of mounts (struct mount, with parent,
 * mount point and children) is private to fs/ (fs/mount.h).
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>

struct dentry;
struct super_block;
struct path;

struct vfsmount {
	struct dentry *mnt_root;	/* root of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags;			/* MNT_* */
};

#define MNT_NOSUID 0x01
#define MNT_NODEV 0x02
#define MNT_NOEXEC 0x04
#define MNT_NOATIME 0x08
#define MNT_NODIRATIME 0x10
#define MNT_RELATIME 0x20
#define MNT_READONLY 0x40
#define MNT_NOSYMFOLLOW 0x80
#define MNT_USER_SETTABLE_MASK (MNT_NOSUID | MNT_NODEV | MNT_NOEXEC | MNT_NOATIME | \
				MNT_NODIRATIME | MNT_RELATIME | MNT_READONLY | MNT_NOSYMFOLLOW)
#define MNT_INTERNAL 0x4000		/* kern_mount(): never in the tree */

/* Writes through mnt are -EROFS: the mount or its superblock is read-only (needs linux/fs.h). */
#define __mnt_is_readonly(mnt) \
	(((mnt)->mnt_flags & MNT_READONLY) || ((mnt)->mnt_sb->s_flags & SB_RDONLY))

/* umount2() flags */
#define MNT_FORCE 0x00000001
#define MNT_DETACH 0x00000002
#define MNT_EXPIRE 0x00000004
#define UMOUNT_NOFOLLOW 0x00000008

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);

/* mount(2) and umount2(2) for kernel callers; dir_name is looked up. */
int path_mount(const char *dev_name, const struct path *path, const char *type_page,
	       unsigned long flags, void *data_page);
int path_umount(const struct path *path, int flags);
/* Mounts in the tree, "dev dir type opts 0 0" per line (/proc/mounts); returns the length. */
int show_mounts(char *buf, size_t size);
/*
 * For /proc/mounts and friends (fs/proc/): call fn on every mount in the
 * tree, in mount order, under namespace_sem (fn may sleep, must not mount
 * or unmount); stops at and returns fn's first nonzero value.
 * show_vfsmnt() formats one mount's /proc/mounts line ("dev dir type
 * opts 0 0\n", Linux's show_vfsmnt) into buf and returns its length
 * (snprintf-style: the length it wanted if size was too small).
 */
int iterate_mounts(int (*fn)(struct vfsmount *mnt, void *arg), void *arg);
int show_vfsmnt(char *buf, size_t size, struct vfsmount *mnt);

#endif /* _LINUX_MOUNT_H */
