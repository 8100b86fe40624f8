// SPDX-License-Identifier: GPL-2.0
/*
 * Superblocks: one per mounted filesystem instance (Linux: fs/super.c).
 *
 * A filesystem's ->mount builds one (mount_nodev() for filesystems
 * without a device: alloc a superblock with an anonymous device number,
 * let fill_super() make the root inode and s_root) and returns its root
 * dentry. s_active counts the mounts of it; the last deactivate_super()
 * calls the type's ->kill_sb, which for tmpfs (kill_litter_super) first
 * drops the references that pin every dentry, then generic_shutdown_super()
 * frees the dentries, checks no inode is left, and the superblock goes.
 * Left out: sget() with a test function (no sharing of superblocks
 * between mounts), s_umount, freezing, remount, block devices, shrinkers.
 */
#include <asm/page.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);

/* Anonymous device numbers MKDEV(0, n) (Linux: get_anon_bdev, an IDA). */
#define NR_ANON_DEVS 256
static unsigned long anon_devs[NR_ANON_DEVS / 64];

static int get_anon_bdev(dev_t *p)
{
	spin_lock(&sb_lock);
	for (unsigned int n = 1; n < NR_ANON_DEVS; n++) {
		if (!(anon_devs[n / 64] & (1UL << (n % 64)))) {
			anon_devs[n / 64] |= 1UL << (n % 64);
			spin_unlock(&sb_lock);
			*p = MKDEV(0, n);
			return 0;
		}
	}
	spin_unlock(&sb_lock);
	return -EMFILE;
}

static void free_anon_bdev(dev_t dev)
{
	unsigned int n = MINOR(dev);

	spin_lock(&sb_lock);
	anon_devs[n / 64] &= ~(1UL << (n % 64));
	spin_unlock(&sb_lock);
}

struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	INIT_LIST_HEAD(&s->s_list);
	INIT_LIST_HEAD(&s->s_inodes);
	INIT_LIST_HEAD(&s->s_instances);
	spin_lock_init(&s->s_inode_list_lock);
	s->s_count = 1;
	atomic_set(&s->s_active, 1);
	s->s_flags = flags;
	s->s_type = type;
	s->s_blocksize = PAGE_SIZE;
	s->s_blocksize_bits = PAGE_SHIFT;
	s->s_maxbytes = MAX_LFS_FILESIZE;
	s->s_time_gran = 1;
	strscpy(s->s_id, type->name, sizeof(s->s_id));
	return s;
}

/* A new superblock with an anonymous device, on the lists (Linux: sget_fc + set_anon_super). */
struct super_block *sget_anon(struct file_system_type *type, int flags)
{
	struct super_block *s = alloc_super(type, flags);

	if (!s)
		return ERR_PTR(-ENOMEM);
	if (get_anon_bdev(&s->s_dev)) {
		kfree(s);
		return ERR_PTR(-EMFILE);
	}
	spin_lock(&sb_lock);
	list_add_tail(&s->s_list, &super_blocks);
	list_add(&s->s_instances, &type->fs_supers);
	spin_unlock(&sb_lock);
	return s;
}

static void put_super(struct super_block *s)
{
	bool last;

	spin_lock(&sb_lock);
	last = !--s->s_count;
	if (last) {
		list_del(&s->s_list);
		list_del(&s->s_instances);
	}
	spin_unlock(&sb_lock);
	if (last)
		kfree(s);
}

void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	if (sb->s_root) {
		shrink_dcache_for_umount(sb);
		sb->s_flags &= ~SB_ACTIVE;
		evict_inodes(sb);
		if (sop && sop->put_super)
			sop->put_super(sb);
	}
}

void kill_anon_super(struct super_block *sb)
{
	dev_t dev = sb->s_dev;

	generic_shutdown_super(sb);
	free_anon_bdev(dev);
}

/* For filesystems whose dentries are pinned by an extra reference (tmpfs, ramfs). */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
}

/*
 * Call f(sb, arg) on every live superblock of type (Linux:
 * iterate_supers_type). A superblock being unmounted (s_active 0) is
 * skipped; the one f works on is kept alive by s_active, and on the list
 * by s_count, while sb_lock is dropped for f, which may sleep.
 */
void iterate_supers_type(struct file_system_type *type,
			 void (*f)(struct super_block *, void *), void *arg)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &type->fs_supers, s_instances) {
		if (!atomic_inc_not_zero(&sb->s_active))
			continue;
		sb->s_count++;
		spin_unlock(&sb_lock);
		f(sb, arg);
		deactivate_super(sb);
		if (prev)
			put_super(prev);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		put_super(prev);
}

void deactivate_super(struct super_block *s)
{
	if (!atomic_dec_and_test(&s->s_active))
		return;
	s->s_type->kill_sb(s);
	put_super(s);
}

struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *s = sget_anon(fs_type, flags);
	int err;

	if (IS_ERR(s))
		return ERR_CAST(s);
	err = fill_super(s, data, flags & SB_SILENT ? 1 : 0);
	if (err) {
		deactivate_super(s);
		return ERR_PTR(err);
	}
	s->s_flags |= SB_ACTIVE | SB_BORN;
	return dget(s->s_root);
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct dentry *dentry = path->dentry;

	memset(buf, 0, sizeof(*buf));
	if (!dentry->d_sb->s_op || !dentry->d_sb->s_op->statfs)
		return -ENOSYS;
	return dentry->d_sb->s_op->statfs(dentry, buf);
}
