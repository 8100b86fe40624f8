// SPDX-License-Identifier: GPL-2.0
/*
 * The generic pieces in-memory filesystems are built from (Linux:
 * fs/libfs.c).
 *
 * A filesystem whose directories exist only in the dcache (tmpfs, ramfs)
 * keeps every name it creates pinned by one extra dentry reference:
 * simple_link()/->mknod take it, simple_unlink() drops it. A directory's
 * entries are then just its positive children, which dcache_readdir()
 * lists with a cursor dentry kept in the child list, so a reader that
 * stops and resumes continues after the last entry it saw even if names
 * are added or removed in between. Link counts follow Unix's rules: a
 * directory has 2 + one per subdirectory (their "..").
 * Left out: simple_fill_super and the pseudo-fs helpers (init_pseudo),
 * simple_read_from_buffer and friends, offset-based directories
 * (simple_offset_*, Linux 6.6+ tmpfs), whiteouts.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/page-flags.h>
#include <linux/string.h>

static unsigned char dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;

	generic_fillattr(request_mask, inode, stat);
	stat->blocks = inode->i_mapping->nrpages << (PAGE_SHIFT - 9);
	return 0;
}

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}

/* A name not in the dcache does not exist: remember that (Linux: simple_lookup). */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	dir->i_mtime = dir->i_ctime = inode_set_ctime_current(inode);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);		/* pin it, as ->mknod does */
	d_instantiate(dentry, inode);
	return 0;
}

/* Empty: no positive hashed child (Linux: simple_empty). */
int simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	int ret = 1;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_flags & DCACHE_DENTRY_CURSOR)
			continue;
		if (child->d_inode && !d_unhashed(child)) {
			ret = 0;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return ret;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	dir->i_mtime = dir->i_ctime = inode_set_ctime_current(inode);
	drop_nlink(inode);
	dput(dentry);		/* the pin */
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);
	simple_unlink(dir, dentry);
	drop_nlink(dir);
	return 0;
}

void simple_rename_timestamp(struct inode *old_dir, struct dentry *old_dentry,
			     struct inode *new_dir, struct dentry *new_dentry)
{
	struct timespec64 now = inode_set_ctime_current(old_dir);

	old_dir->i_mtime = now;
	if (new_dir != old_dir) {
		new_dir->i_mtime = new_dir->i_ctime = now;
	}
	old_dentry->d_inode->i_ctime = now;
	if (new_dentry->d_inode)
		new_dentry->d_inode->i_ctime = now;
}

int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
			   struct inode *new_dir, struct dentry *new_dentry)
{
	bool old_is_dir = d_is_dir(old_dentry);
	bool new_is_dir = d_is_dir(new_dentry);

	/* A directory that changes parent moves its ".." link with it. */
	if (old_dir != new_dir && old_is_dir != new_is_dir) {
		if (old_is_dir) {
			drop_nlink(old_dir);
			inc_nlink(new_dir);
		} else {
			drop_nlink(new_dir);
			inc_nlink(old_dir);
		}
	}
	simple_rename_timestamp(old_dir, old_dentry, new_dir, new_dentry);
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags)
{
	bool they_are_dirs = d_is_dir(old_dentry);

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE)
		return simple_rename_exchange(old_dir, old_dentry, new_dir, new_dentry);
	if (!simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (new_dentry->d_inode) {
		simple_unlink(new_dir, new_dentry);
		if (they_are_dirs) {
			drop_nlink(new_dentry->d_inode);
			drop_nlink(old_dir);
		}
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	simple_rename_timestamp(old_dir, old_dentry, new_dir, new_dentry);
	return 0;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode, void **done)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

/* ---- reading a dcache directory ------------------------------------------------------- */

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dentry);
		bool ok = dir_emit(ctx, "..", 2, parent->d_inode->i_ino, DT_DIR);

		dput(parent);
		if (!ok)
			return false;
		ctx->pos = 2;
	}
	return true;
}

int dcache_dir_open(struct inode *inode, struct file *file)
{
	static const struct qstr cursor_name = QSTR_INIT("", 0);
	struct dentry *cursor = d_alloc(file->f_path.dentry, &cursor_name);

	if (!cursor)
		return -ENOMEM;
	cursor->d_flags |= DCACHE_DENTRY_CURSOR;
	/* Off the list until a read places it. */
	spin_lock(&dcache_lock);
	list_del_init(&cursor->d_child);
	spin_unlock(&dcache_lock);
	file->private_data = cursor;
	return 0;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	dput(file->private_data);
	return 0;
}

/* The next positive entry after p in dentry's list, referenced (Linux: scan_positives). */
static struct dentry *scan_positives(struct dentry *dentry, struct list_head *p, loff_t count)
{
	struct dentry *found = NULL;

	spin_lock(&dcache_lock);
	for (p = p->next; p != &dentry->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if ((d->d_flags & DCACHE_DENTRY_CURSOR) || !d->d_inode || d_unhashed(d))
			continue;
		if (--count <= 0) {
			found = dget(d);
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

/* After after; or, with none, at the start (at_end false) or past the last entry. */
static void move_cursor_after(struct dentry *cursor, struct dentry *after, bool at_end)
{
	spin_lock(&dcache_lock);
	if (after)
		list_move(&cursor->d_child, &after->d_child);
	else if (at_end)
		list_move_tail(&cursor->d_child, &cursor->d_parent->d_subdirs);
	else
		list_del_init(&cursor->d_child);
	spin_unlock(&dcache_lock);
}

/* Where the cursor sits: after the entry at ctx->pos - 1, or at the start. */
static struct list_head *cursor_position(struct dentry *dentry, struct dentry *cursor)
{
	return list_empty(&cursor->d_child) ? &dentry->d_subdirs : &cursor->d_child;
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;
	struct dentry *cursor = file->private_data;
	struct dentry *next;
	struct list_head *p;

	if (!dir_emit_dots(file, ctx))
		return 0;
	p = ctx->pos == 2 ? &dentry->d_subdirs : cursor_position(dentry, cursor);
	while ((next = scan_positives(dentry, p, 1)) != NULL) {
		/* The directory is locked: the name cannot change while we emit it. */
		if (!dir_emit(ctx, (const char *)next->d_name.name, next->d_name.len,
			      next->d_inode->i_ino, dt_type(next->d_inode))) {
			dput(next);
			break;
		}
		move_cursor_after(cursor, next, false);
		dput(next);
		ctx->pos++;
		p = &cursor->d_child;
	}
	return 0;
}

loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	struct dentry *dentry = file->f_path.dentry;

	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	if (offset != file->f_pos) {
		struct dentry *cursor = file->private_data;
		struct dentry *to = NULL;

		inode_lock_shared(dentry->d_inode);
		if (offset > 2)
			to = scan_positives(dentry, &dentry->d_subdirs, offset - 2);
		move_cursor_after(cursor, to, offset > 2);
		inode_unlock_shared(dentry->d_inode);
		dput(to);
		file->f_pos = offset;
	}
	return offset;
}

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return -EISDIR;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read = generic_read_dir,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};

/* Nothing is written back, so "dirty" is only a flag (Linux: noop_dirty_folio). */
bool noop_dirty_folio(struct address_space *mapping, struct folio *folio)
{
	unsigned long old = __atomic_fetch_or(&folio->flags, 1UL << PG_dirty, __ATOMIC_RELAXED);

	return !(old & (1UL << PG_dirty));
}
