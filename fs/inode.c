// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation, reference counts, link counts, eviction (Linux:
 * fs/inode.c).
 *
 * A filesystem gets a fresh inode from new_inode() (its ->alloc_inode
 * embeds the VFS inode in its own, as shmem_inode_info does). Whoever
 * keeps a pointer holds an i_count reference; a dentry holds one on its
 * inode. At the last iput() the inode is evicted if the filesystem's
 * ->drop_inode (default: generic_drop_inode) says so — always for an
 * unlinked or unhashed inode — and its pages are freed by ->evict_inode.
 * Left out: the inode hash (iget_locked and friends; nothing looks an
 * inode up by number), the LRU of unused inodes, writeback state, i_version
 * bumping, timestamp granularity and the multigrain ctime.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "internal.h"

static struct kmem_cache *inode_cachep;
static atomic_long_t nr_inodes;
static atomic_t last_ino;

long get_nr_inodes(void)
{
	return atomic_long_read(&nr_inodes);
}

/* Inode numbers for filesystems without their own (Linux: get_next_ino). */
unsigned int get_next_ino(void)
{
	unsigned int ino = atomic_fetch_inc(&last_ino) + 1;

	return ino ? ino : get_next_ino();	/* 0 is not an inode number */
}

static const struct address_space_operations empty_aops;
static const struct inode_operations empty_iops;
static const struct file_operations no_open_fops;

void address_space_init_once(struct address_space *mapping)
{
	memset(mapping, 0, sizeof(*mapping));
	xa_init(&mapping->i_pages);
	mapping->i_mmap = RB_ROOT_CACHED;
	init_rwsem(&mapping->i_mmap_rwsem);
}

/* What a filesystem's slab constructor calls once per object (Linux: inode_init_once). */
void inode_init_once(struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	INIT_LIST_HEAD(&inode->i_sb_list);
	address_space_init_once(&inode->i_data);
}

/* Set up the fields every new inode starts with (Linux: inode_init_always). */
int inode_init_always(struct super_block *sb, struct inode *inode)
{
	struct address_space *mapping = &inode->i_data;

	inode->i_sb = sb;
	inode->i_flags = 0;
	inode->i_state = 0;
	atomic_set(&inode->i_count, 1);
	inode->i_op = &empty_iops;
	inode->i_fop = &no_open_fops;
	inode->i_ino = 0;
	inode->i_nlink = 1;
	inode->i_uid = 0;
	inode->i_gid = 0;
	inode->i_size = 0;
	inode->i_blocks = 0;
	inode->i_rdev = 0;
	inode->i_link = NULL;
	inode->i_private = NULL;
	inode->i_pipe = NULL;
	inode->i_version = 0;
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	xa_init(&mapping->i_pages);
	mapping->host = inode;
	mapping->a_ops = &empty_aops;
	mapping->nrpages = 0;
	mapping->flags = 0;
	/* F_SEAL_WRITE leaves it at -1 in a freed inode: a reused one starts at 0. */
	atomic_set(&mapping->i_mmap_writable, 0);
	mapping->private_data = NULL;
	mapping->gfp_mask = GFP_HIGHUSER_MOVABLE;
	inode->i_mapping = mapping;
	return 0;
}

static struct inode *alloc_inode(struct super_block *sb)
{
	const struct super_operations *ops = sb->s_op;
	struct inode *inode;

	if (ops && ops->alloc_inode) {
		inode = ops->alloc_inode(sb);
	} else {
		inode = kmem_cache_alloc(inode_cachep, GFP_KERNEL);
		if (inode)
			inode_init_once(inode);
	}
	if (!inode)
		return NULL;
	inode_init_always(sb, inode);
	atomic_long_inc(&nr_inodes);
	return inode;
}

static void destroy_inode(struct inode *inode)
{
	const struct super_operations *ops = inode->i_sb->s_op;

	atomic_long_dec(&nr_inodes);
	if (ops && ops->destroy_inode) {
		ops->destroy_inode(inode);
		return;
	}
	if (ops && ops->free_inode) {
		ops->free_inode(inode);
		return;
	}
	kmem_cache_free(inode_cachep, inode);
}

/* An inode not on the superblock's list (Linux: new_inode_pseudo). */
struct inode *new_inode_pseudo(struct super_block *sb)
{
	return alloc_inode(sb);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = alloc_inode(sb);

	if (inode) {
		spin_lock(&sb->s_inode_list_lock);
		list_add(&inode->i_sb_list, &sb->s_inodes);
		spin_unlock(&sb->s_inode_list_lock);
	}
	return inode;
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = 0;	/* current_fsuid(): everyone is root */
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode->i_gid = 0;
	}
	inode->i_mode = mode;
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (S_ISSOCK(mode) || S_ISBLK(mode)) {
		/* Sockets and block devices open to -ENXIO until they exist. */
		inode->i_fop = &no_open_fops;
		inode->i_rdev = S_ISBLK(mode) ? rdev : 0;
	} else {
		pr_debug("init_special_inode: bogus i_mode (%o) for inode %s:%lu\n", mode,
			 inode->i_sb->s_id, inode->i_ino);
	}
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_fetch_inc(&inode->i_count) < 1);
}

struct inode *igrab(struct inode *inode)
{
	if (inode->i_state & (I_FREEING | I_WILL_FREE))
		return NULL;
	return atomic_inc_not_zero(&inode->i_count) ? inode : NULL;
}

void clear_inode(struct inode *inode)
{
	WARN_ON(inode->i_data.nrpages);
	inode->i_state = I_FREEING | I_CLEAR;
}

int generic_delete_inode(struct inode *inode)
{
	return 1;
}

/* Linux: !i_nlink || inode_unhashed(); no inode is ever hashed here. */
int generic_drop_inode(struct inode *inode)
{
	return 1;
}

static void evict(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	if (!list_empty(&inode->i_sb_list)) {
		spin_lock(&inode->i_sb->s_inode_list_lock);
		list_del_init(&inode->i_sb_list);
		spin_unlock(&inode->i_sb->s_inode_list_lock);
	}
	if (op && op->evict_inode) {
		op->evict_inode(inode);
	} else {
		truncate_inode_pages_final(&inode->i_data);
		clear_inode(inode);
	}
	destroy_inode(inode);
}

void iput(struct inode *inode)
{
	const struct super_operations *op;
	int drop;

	if (!inode)
		return;
	if (!atomic_dec_and_test(&inode->i_count)) {
		WARN_ON(atomic_read(&inode->i_count) < 0);
		return;
	}
	op = inode->i_sb->s_op;
	drop = op && op->drop_inode ? op->drop_inode(inode) : generic_drop_inode(inode);
	/*
	 * A filesystem that asks to keep an unused inode would find it again
	 * through the inode hash; there is none, so it is evicted anyway.
	 */
	WARN_ON_ONCE(!drop);
	inode->i_state |= I_FREEING;
	evict(inode);
}

/* At umount: every inode still on the list is a leak (Linux: evict_inodes + "Busy inodes"). */
void evict_inodes(struct super_block *sb)
{
	struct inode *inode;
	int busy = 0;

	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list)
		busy++;
	spin_unlock(&sb->s_inode_list_lock);
	if (busy)
		pr_err("VFS: Busy inodes after unmount of %s (%s)\n", sb->s_id, sb->s_type->name);
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

/* The time stamped into inodes: the real time (Linux: truncated to s_time_gran). */
struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	return ts;
}

struct timespec64 inode_set_ctime_current(struct inode *inode)
{
	inode->i_ctime = current_time(inode);
	return inode->i_ctime;
}

void inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 8, SLAB_PANIC,
					 NULL);
}

/* Opening a socket or block device: none exist yet. */
static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_open_fops = {
	.open = no_open,
};
