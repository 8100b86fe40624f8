// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs as a filesystem: its directories and symlinks, the superblock and
 * the mount options (Linux: the second half of mm/shmem.c, split off here
 * only to keep each file readable in one sitting; mm/shmem.c has the
 * design and what is left out).
 *
 * tmpfs has nothing but the dcache to remember names, so every create,
 * mkdir, mknod, symlink and link pins its dentry with an extra dget() and
 * unlink/rmdir drops it; kill_litter_super() drops what is left at
 * unmount. A mount's limits (size=, nr_inodes=) live in its shmem_sb_info.
 */
#include <linux/cmdline.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/string.h>

#include "shmem_internal.h"

/* ---- directories ------------------------------------------------------------------ */

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev, VM_NORESERVE);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	dir->i_size += BOGO_DIRENT_SIZE;
	dir->i_mtime = dir->i_ctime = current_time(dir);
	dir->i_version++;
	d_instantiate(dentry, inode);
	dget(dentry);	/* Extra count - pin the dentry in core */
	return 0;
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int error = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (error)
		return error;
	inc_nlink(dir);
	return 0;
}

static int shmem_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

/* Link a file into a directory. */
static int shmem_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(old_dentry);
	int ret = 0;

	/*
	 * No ordinary (disk based) filesystem counts links as inodes;
	 * but each new link needs a new dentry, pinning lowmem, and
	 * tmpfs dentries cannot be pruned until they are unlinked.
	 * But if an O_TMPFILE file is linked into the tmpfs, the
	 * first link must skip that, to get the accounting right.
	 */
	if (inode->i_nlink) {
		ret = shmem_reserve_inode(inode->i_sb, NULL);
		if (ret)
			return ret;
	}
	dir->i_size += BOGO_DIRENT_SIZE;
	dir->i_ctime = dir->i_mtime = inode->i_ctime = current_time(inode);
	dir->i_version++;
	inc_nlink(inode);
	ihold(inode);	/* New dentry reference */
	dget(dentry);	/* Extra pinning count for the created dentry */
	d_instantiate(dentry, inode);
	return 0;
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);

	if (inode->i_nlink > 1 && !S_ISDIR(inode->i_mode))
		shmem_free_inode(inode->i_sb);

	dir->i_size -= BOGO_DIRENT_SIZE;
	dir->i_ctime = dir->i_mtime = inode->i_ctime = current_time(inode);
	dir->i_version++;
	drop_nlink(inode);
	dput(dentry);	/* Undo the count from "create" - does all the work */
	return 0;
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;

	drop_nlink(d_inode(dentry));
	drop_nlink(dir);
	return shmem_unlink(dir, dentry);
}

/*
 * The VFS has checked that new_dentry is not an ancestor of old and that
 * RENAME_NOREPLACE's target is absent, and moves the dentry afterwards
 * (d_move); this fixes up link counts and sizes.
 */
static int shmem_rename2(struct inode *old_dir, struct dentry *old_dentry,
			 struct inode *new_dir, struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = d_inode(old_dentry);
	int they_are_dirs = S_ISDIR(inode->i_mode);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;	/* RENAME_WHITEOUT: no overlayfs here */

	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);

	if (!simple_empty(new_dentry))
		return -ENOTEMPTY;

	if (d_really_is_positive(new_dentry)) {
		(void)shmem_unlink(new_dir, new_dentry);
		if (they_are_dirs) {
			drop_nlink(d_inode(new_dentry));
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}

	old_dir->i_size -= BOGO_DIRENT_SIZE;
	new_dir->i_size += BOGO_DIRENT_SIZE;
	simple_rename_timestamp(old_dir, old_dentry, new_dir, new_dentry);
	return 0;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	size_t len = strlen(symname) + 1;
	struct inode *inode;
	struct folio *folio;
	int error;

	if (len > PAGE_SIZE)
		return -ENAMETOOLONG;

	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0, VM_NORESERVE);
	if (IS_ERR(inode))
		return PTR_ERR(inode);

	inode->i_size = len - 1;
	if (len <= SHMEM_SHORT_SYMLINK_LEN) {
		inode->i_link = kmalloc(len, GFP_KERNEL);
		if (!inode->i_link) {
			iput(inode);
			return -ENOMEM;
		}
		memcpy(inode->i_link, symname, len);
		inode->i_op = &shmem_short_symlink_operations;
	} else {
		error = shmem_get_folio(inode, 0, &folio, SGP_WRITE);
		if (error) {
			iput(inode);
			return error;
		}
		inode->i_op = &shmem_symlink_inode_operations;
		memcpy(folio_address(folio), symname, len);
		folio_mark_uptodate(folio);
		folio_mark_dirty(folio);
		folio_unlock(folio);
		folio_put(folio);
	}
	dir->i_size += BOGO_DIRENT_SIZE;
	dir->i_ctime = dir->i_mtime = current_time(dir);
	dir->i_version++;
	d_instantiate(dentry, inode);
	dget(dentry);
	return 0;
}

/*
 * A long symlink's body is page 0 of its page cache. Linux holds the
 * folio until the caller is done (a delayed call); a symlink is never
 * truncated, so here the cache's own reference keeps the page for as long
 * as the inode, which the caller's dentry holds.
 */
static const char *shmem_get_link(struct dentry *dentry, struct inode *inode, void **done)
{
	struct folio *folio = NULL;
	const char *body;
	int error;

	if (done)
		*done = NULL;
	error = shmem_get_folio(inode, 0, &folio, SGP_READ);
	if (error)
		return ERR_PTR(error);
	if (!folio)
		return ERR_PTR(-EIO);
	body = folio_address(folio);
	folio_unlock(folio);
	folio_put(folio);
	return body;
}

/* ---- the superblock --------------------------------------------------------------- */

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_frsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks) {
		buf->f_blocks = sbinfo->max_blocks;
		buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - sbinfo->used_blocks;
	}
	if (sbinfo->max_inodes) {
		buf->f_files = sbinfo->max_inodes;
		buf->f_ffree = sbinfo->free_inodes;
	}
	/* else leave those fields 0 like simple_statfs */
	spin_unlock(&sbinfo->stat_lock);
	return 0;
}

/* What /proc/mounts shows after "tmpfs": the options that differ from the defaults. */
static int shmem_show_options(char *buf, size_t size, struct dentry *root)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(root->d_sb);
	int n = 0;

	if (sbinfo->max_blocks != shmem_default_max_blocks())
		n += scnprintf(buf + n, size - n, ",size=%luk", sbinfo->max_blocks << (PAGE_SHIFT - 10));
	if (sbinfo->max_inodes != shmem_default_max_inodes())
		n += scnprintf(buf + n, size - n, ",nr_inodes=%lu", sbinfo->max_inodes);
	if (sbinfo->mode != (0777 | S_ISVTX))
		n += scnprintf(buf + n, size - n, ",mode=%03o", (unsigned int)sbinfo->mode);
	if (sbinfo->uid)
		n += scnprintf(buf + n, size - n, ",uid=%u", (unsigned int)sbinfo->uid);
	if (sbinfo->gid)
		n += scnprintf(buf + n, size - n, ",gid=%u", (unsigned int)sbinfo->gid);
	/* Shown even as the default, as Linux does when CONFIG_TMPFS_INODE64=y (Debian's). */
	n += scnprintf(buf + n, size - n, ",inode%d", sbinfo->full_inums ? 64 : 32);
	return n;
}

static void shmem_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

/* The options a mount passes (Linux: shmem_parse_one, from shmem_parse_monolithic). */
struct shmem_options {
	unsigned long long blocks;
	unsigned long long inodes;
	umode_t mode;
	uid_t uid;
	gid_t gid;
	bool seen_blocks, seen_inodes;
	bool full_inums;		/* inode64 / inode32 */
};

static int shmem_parse_one(struct shmem_options *ctx, char *key, char *value)
{
	unsigned long long size;
	unsigned long v;
	char *rest;

	if (!strcmp(key, "inode64") || !strcmp(key, "inode32")) {
		if (value) {
			pr_err("tmpfs: Bad value for '%s'\n", key);
			return -EINVAL;
		}
		ctx->full_inums = !strcmp(key, "inode64");
		return 0;
	}
	if (!value)
		goto bad_value;
	if (!strcmp(key, "size")) {
		size = memparse(value, &rest);
		if (*rest == '%') {
			size <<= PAGE_SHIFT;
			size *= totalram_pages_count;
			size /= 100;
			rest++;
		}
		if (*rest || rest == value)
			goto bad_value;
		ctx->blocks = DIV_ROUND_UP(size, PAGE_SIZE);
		ctx->seen_blocks = true;
	} else if (!strcmp(key, "nr_blocks")) {
		ctx->blocks = memparse(value, &rest);
		if (*rest || rest == value)
			goto bad_value;
		ctx->seen_blocks = true;
	} else if (!strcmp(key, "nr_inodes")) {
		ctx->inodes = memparse(value, &rest);
		if (*rest || rest == value)
			goto bad_value;
		ctx->seen_inodes = true;
	} else if (!strcmp(key, "mode")) {
		if (kstrtoul(value, 8, &v))
			goto bad_value;
		ctx->mode = v & 07777;
	} else if (!strcmp(key, "uid")) {
		if (kstrtoul(value, 10, &v))
			goto bad_value;
		ctx->uid = v;
	} else if (!strcmp(key, "gid")) {
		if (kstrtoul(value, 10, &v))
			goto bad_value;
		ctx->gid = v;
	} else {
		pr_err("tmpfs: Unknown parameter '%s'\n", key);
		return -EINVAL;
	}
	return 0;

bad_value:
	pr_err("tmpfs: Bad value for '%s'\n", key);
	return -EINVAL;
}

/* "size=16m,nr_inodes=100,mode=755": comma-separated key=value pairs. */
static int shmem_parse_options(struct shmem_options *ctx, const char *data)
{
	char buf[256];
	char *p, *next;
	int err;

	if (!data || !*data)
		return 0;
	if (strscpy(buf, data, sizeof(buf)) < 0) {
		pr_err("tmpfs: options too long\n");
		return -EINVAL;
	}
	for (p = buf; p; p = next) {
		char *value;

		next = strchr(p, ',');
		if (next)
			*next++ = '\0';
		if (!*p)
			continue;
		value = strchr(p, '=');
		if (value)
			*value++ = '\0';
		err = shmem_parse_one(ctx, p, value);
		if (err)
			return err;
	}
	return 0;
}

static int shmem_fill_super(struct super_block *sb, void *data, int silent)
{
	struct shmem_options ctx = { .mode = 0777 | S_ISVTX, .full_inums = true };
	struct shmem_sb_info *sbinfo;
	struct inode *inode;
	int err;

	err = shmem_parse_options(&ctx, data);
	if (err)
		return err;

	sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	if (!sbinfo)
		return -ENOMEM;
	sb->s_fs_info = sbinfo;

	/*
	 * Per default we only allow half of the physical ram per tmpfs
	 * instance, limiting inodes to one per page of lowmem; but the
	 * internal instance is left unlimited.
	 */
	if (!(sb->s_flags & SB_KERNMOUNT)) {
		if (!ctx.seen_blocks)
			ctx.blocks = shmem_default_max_blocks();
		if (!ctx.seen_inodes)
			ctx.inodes = shmem_default_max_inodes();
	} else {
		sb->s_flags |= SB_NOUSER;
		ctx.blocks = ctx.inodes = 0;
	}
	spin_lock_init(&sbinfo->stat_lock);
	sbinfo->max_blocks = ctx.blocks;
	sbinfo->max_inodes = ctx.inodes;
	sbinfo->free_inodes = ctx.inodes;
	sbinfo->mode = ctx.mode;
	sbinfo->uid = ctx.uid;
	sbinfo->gid = ctx.gid;
	sbinfo->next_ino = 1;
	sbinfo->full_inums = ctx.full_inums;

	sb->s_maxbytes = MAX_LFS_FILESIZE;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &shmem_ops;
	sb->s_time_gran = 1;

	inode = shmem_get_inode(sb, NULL, S_IFDIR | sbinfo->mode, 0, VM_NORESERVE);
	if (IS_ERR(inode)) {
		err = PTR_ERR(inode);
		goto failed;
	}
	inode->i_uid = sbinfo->uid;
	inode->i_gid = sbinfo->gid;
	sb->s_root = d_make_root(inode);
	if (!sb->s_root) {
		err = -ENOMEM;
		goto failed;
	}
	return 0;

failed:
	shmem_put_super(sb);
	return err;
}

static struct dentry *shmem_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, shmem_fill_super);
}

/* ---- operation tables ------------------------------------------------------------- */

const struct inode_operations shmem_dir_inode_operations = {
	.create = shmem_create,
	.lookup = simple_lookup,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.symlink = shmem_symlink,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.mknod = shmem_mknod,
	.rename = shmem_rename2,
	.setattr = shmem_setattr,
	.getattr = shmem_getattr,
};

const struct inode_operations shmem_special_inode_operations = {
	.setattr = shmem_setattr,
	.getattr = shmem_getattr,
};

const struct inode_operations shmem_short_symlink_operations = {
	.get_link = simple_get_link,
	.getattr = shmem_getattr,
	.setattr = shmem_setattr,
};

const struct inode_operations shmem_symlink_inode_operations = {
	.get_link = shmem_get_link,
	.getattr = shmem_getattr,
	.setattr = shmem_setattr,
};

const struct super_operations shmem_ops = {
	.alloc_inode = shmem_alloc_inode,
	.free_inode = shmem_free_in_core_inode,
	.statfs = shmem_statfs,
	.show_options = shmem_show_options,
	.evict_inode = shmem_evict_inode,
	.drop_inode = generic_delete_inode,
	.put_super = shmem_put_super,
};

struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.mount = shmem_mount,
	.kill_sb = kill_litter_super,
	.fs_flags = FS_USERNS_MOUNT,
};
