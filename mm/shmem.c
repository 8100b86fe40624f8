// SPDX-License-Identifier: GPL-2.0
/*
 * shmem: tmpfs, and the unlinked kernel-internal files that shared
 * anonymous memory, memfd and SysV shm are made of (Linux: mm/shmem.c).
 *
 * A shmem inode's data live only in its page cache (inode->i_mapping,
 * mm/filemap.c): an index with no folio is a hole and reads as zeros.
 * The centre is shmem_get_folio(inode, index, &folio, sgp), which looks
 * the index up and, depending on sgp (enum sgp_type, shmem_fs.h),
 * returns nothing for a hole (SGP_READ), fails (SGP_NOALLOC), or
 * allocates a folio (SGP_CACHE zeroed and only below i_size; SGP_WRITE
 * and SGP_FALLOC left !uptodate for the caller). Every path comes through
 * it:
 *
 *  - read: shmem_file_read_iter() walks the range with SGP_READ and
 *    copies from each folio, or iov_iter_zero() for a hole (or for a
 *    fallocated, never-written folio), allocating nothing;
 *  - write: shmem_file_write_iter() -> generic_perform_write() ->
 *    shmem_write_begin() (SGP_WRITE) / shmem_write_end() (zero what the
 *    write did not cover in a new folio, mark uptodate and dirty, extend
 *    i_size);
 *  - truncate: shmem_setattr() -> unmap_mapping_range() (every
 *    mapping's PTEs of the pages past the new EOF, private COW copies
 *    included: a later access is SIGBUS) -> shmem_truncate_range() ->
 *    shmem_undo_range(): folios wholly inside the range leave the cache
 *    (one a racing fault mapped meanwhile is unmapped again,
 *    unmap_mapping_folio), the partial first and last pages are zeroed
 *    in the range; then unmap_mapping_range() once more;
 *  - mmap: shmem_mmap() sets vm_ops = shmem_vm_ops, whose shmem_fault()
 *    gives mm/memory.c the folio at the fault's file page (SGP_CACHE:
 *    zeroed at a hole, -EINVAL past i_size, so SIGBUS);
 *    MAP_SHARED|MAP_ANONYMOUS is shmem_zero_setup(): an unlinked file
 *    of the mapping's size, vm_ops = shmem_anon_vm_ops;
 *  - fallocate: shmem_fallocate() allocates [offset, offset+len) with
 *    SGP_FALLOC (the folios stay !uptodate: they read as zeros and
 *    SEEK_DATA sees holes, as in Linux; on failure the ones it added are
 *    taken out again), or with FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE
 *    unmaps the whole pages of the range from every mapping (private COW
 *    copies stay, as Linux) and truncates the range; any other mode is
 *    -EOPNOTSUPP;
 *  - SEEK_DATA / SEEK_HOLE: shmem_file_llseek() -> mapping_seek_hole_data().
 *
 * Limits: each mount has a shmem_sb_info with max_blocks (size=, in
 * pages) and max_inodes (nr_inodes=); a folio is charged to used_blocks
 * when it enters the cache (shmem_inode_acct_blocks) and uncharged when
 * shmem_recalc_inode() sees it has gone; each inode, and each extra hard
 * link, takes one of free_inodes (shmem_reserve_inode). Either running
 * out is -ENOSPC. A user mount defaults to half of RAM and half as many
 * inodes as RAM pages, as Linux; the internal mount (shm_mnt) has none.
 * i_blocks is alloced pages in 512-byte units. Committed_AS (overcommit,
 * mm/util.c) is charged as Linux charges it: the whole size of an object
 * set up without VM_NORESERVE, page by page for the others (accounting).
 *
 * Directories (mm/shmem_super.c, with symlinks, the superblock and the
 * mount options): tmpfs has nothing but the dcache to remember names, so
 * every create, mkdir, mknod, symlink and link pins its dentry with an
 * extra dget() and unlink/rmdir drops it (kill_litter_super drops what
 * is left at unmount). Symlink bodies up to SHMEM_SHORT_SYMLINK_LEN live
 * in i_link; longer ones in page 0 of the symlink's own page cache.
 * shmem_evict_inode() truncates everything and gives the inode back.
 * The NR_SHMEM node counter counts shmem folios (PG_swapbacked) in page
 * caches, as part of NR_FILE_PAGES.
 *
 * Seals (mm/memfd.c): info->seals, F_SEAL_SEAL from birth, checked by
 * shmem_write_begin (WRITE, FUTURE_WRITE, GROW), shmem_setattr (SHRINK,
 * GROW) and shmem_fallocate (GROW; WRITE/FUTURE_WRITE for hole punching).
 *
 * Left out, against Linux: swap (shmem_writepage, swap entries in
 * i_pages), transparent huge pages and huge= options, large folios, NUMA
 * mempolicy (mpol=), quotas, xattrs and ACLs, userfaultfd, O_TMPFILE,
 * RENAME_WHITEOUT (-EINVAL here),
 * remount, uid=/gid= beyond recording them, the fs_context parser (options are parsed from the
 * monolithic string, as Linux's shmem_parse_monolithic does), the
 * shmem_falloc structure that lets page faults race fallocate (a fault
 * that found a folio before hole punching took it is unmapped again by
 * unmap_mapping_folio instead), fault-around (map_pages) and RCU lookups.
 */
#include <linux/cmdline.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/memfd.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/vmstat.h>

#include "shmem_internal.h"

#define BLOCKS_PER_PAGE (PAGE_SIZE / 512)

struct vfsmount *shm_mnt;
static struct kmem_cache *shmem_inode_cachep;

static const struct inode_operations shmem_inode_operations;

bool shmem_mapping(const struct address_space *mapping)
{
	return mapping->a_ops == &shmem_aops;
}

unsigned long shmem_default_max_blocks(void)
{
	return totalram_pages_count / 2;
}

unsigned long shmem_default_max_inodes(void)
{
	return totalram_pages_count / 2;
}

/* ---- accounting ------------------------------------------------------------------- */

/*
 * Committed_AS (Linux: shmem_acct_size and friends; mm/util.c). An object
 * set up without VM_NORESERVE (MAP_SHARED|MAP_ANONYMOUS memory, a SysV
 * segment) is charged its whole size up front, and again when its size
 * changes; a VM_NORESERVE one (tmpfs files, memfd) page by page as its
 * pages are allocated (shmem_acct_block), given back as they go.
 */
#define VM_ACCT(size) (PAGE_ALIGN(size) >> PAGE_SHIFT)

static inline int shmem_acct_size(unsigned long flags, loff_t size)
{
	return (flags & VM_NORESERVE) ? 0 :
		security_vm_enough_memory_mm(current->mm, VM_ACCT(size));
}

static inline void shmem_unacct_size(unsigned long flags, loff_t size)
{
	if (!(flags & VM_NORESERVE))
		vm_unacct_memory(VM_ACCT(size));
}

static inline int shmem_reacct_size(unsigned long flags, loff_t oldsize, loff_t newsize)
{
	if (!(flags & VM_NORESERVE)) {
		if (VM_ACCT(newsize) > VM_ACCT(oldsize))
			return security_vm_enough_memory_mm(current->mm,
							    VM_ACCT(newsize) - VM_ACCT(oldsize));
		else if (VM_ACCT(newsize) < VM_ACCT(oldsize))
			vm_unacct_memory(VM_ACCT(oldsize) - VM_ACCT(newsize));
	}
	return 0;
}

static inline int shmem_acct_block(unsigned long flags, long pages)
{
	if (!(flags & VM_NORESERVE))
		return 0;
	return security_vm_enough_memory_mm(current->mm, pages * VM_ACCT(PAGE_SIZE));
}

static inline void shmem_unacct_blocks(unsigned long flags, long pages)
{
	if (flags & VM_NORESERVE)
		vm_unacct_memory(pages * VM_ACCT(PAGE_SIZE));
}

/* Charge pages to the mount and to Committed_AS (Linux: shmem_inode_acct_blocks, without quotas). */
int shmem_inode_acct_blocks(struct inode *inode, long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	struct shmem_inode_info *info = SHMEM_I(inode);
	int err = 0;

	if (shmem_acct_block(info->flags, pages))
		return -ENOSPC;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_blocks && sbinfo->used_blocks + pages > (long)sbinfo->max_blocks)
		err = -ENOSPC;
	else
		sbinfo->used_blocks += pages;
	spin_unlock(&sbinfo->stat_lock);
	if (err)
		shmem_unacct_blocks(info->flags, pages);
	return err;
}

void shmem_inode_unacct_blocks(struct inode *inode, long pages)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	spin_lock(&sbinfo->stat_lock);
	sbinfo->used_blocks -= pages;
	spin_unlock(&sbinfo->stat_lock);
	shmem_unacct_blocks(SHMEM_I(inode)->flags, pages);
}

/*
 * Linux: shmem_recalc_inode(). alloced counts the folios charged to this
 * inode; whatever has left the page cache since (truncation) is
 * uncharged here. Keeps i_blocks in step.
 */
void shmem_recalc_inode(struct inode *inode, long alloced)
{
	struct shmem_inode_info *info = SHMEM_I(inode);
	long freed;

	spin_lock(&info->lock);
	info->alloced += alloced;
	freed = info->alloced - (long)READ_ONCE(inode->i_mapping->nrpages);
	if (freed > 0)
		info->alloced -= freed;
	inode->i_blocks = info->alloced * BLOCKS_PER_PAGE;
	spin_unlock(&info->lock);
	if (freed > 0)
		shmem_inode_unacct_blocks(inode, freed);
}

/*
 * Take one of the mount's inodes (Linux: shmem_reserve_inode). With inop,
 * also pick the inode number: the mount's own sequence for a user mount,
 * get_next_ino() for the internal one. -ENOSPC at nr_inodes=.
 */
int shmem_reserve_inode(struct super_block *sb, unsigned long *inop)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (sb->s_flags & SB_KERNMOUNT) {
		if (inop)
			*inop = get_next_ino();
		return 0;
	}
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_inodes) {
		if (!sbinfo->free_inodes) {
			spin_unlock(&sbinfo->stat_lock);
			return -ENOSPC;
		}
		sbinfo->free_inodes--;
	}
	if (inop) {
		unsigned long ino = sbinfo->next_ino++;

		if (!ino)
			ino = sbinfo->next_ino++;
		if (!sbinfo->full_inums && ino > 0xffffffffUL) {
			/* inode32: numbers start over rather than overflow 32 bits, as Linux */
			pr_warn("tmpfs: inode numbers wrapped on %s\n", sb->s_id);
			ino = 1;
			sbinfo->next_ino = 2;
		}
		*inop = ino;
	}
	spin_unlock(&sbinfo->stat_lock);
	return 0;
}

void shmem_free_inode(struct super_block *sb)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);

	if (sb->s_flags & SB_KERNMOUNT)
		return;
	spin_lock(&sbinfo->stat_lock);
	if (sbinfo->max_inodes)
		sbinfo->free_inodes++;
	spin_unlock(&sbinfo->stat_lock);
}

/* ---- the page cache of a shmem inode ---------------------------------------------- */

/* Linux: shmem_add_to_page_cache() (no swap entry to replace here). */
static int shmem_add_to_page_cache(struct folio *folio, struct address_space *mapping,
				   pgoff_t index, gfp_t gfp)
{
	int err = filemap_add_folio(mapping, folio, index, gfp);

	if (!err)
		node_stat_mod_folio(folio, NR_SHMEM, folio_nr_pages(folio));
	return err;
}

/*
 * Linux: shmem_alloc_and_add_folio(). A new locked folio in the cache at
 * index, charged to the mount; its contents are whatever the page held
 * (not uptodate: the caller zeroes or fills it). ERR_PTR(-ENOSPC) at the
 * size limit, -ENOMEM, -EEXIST if someone added one first.
 */
static struct folio *shmem_alloc_and_add_folio(gfp_t gfp, struct inode *inode, pgoff_t index)
{
	struct address_space *mapping = inode->i_mapping;
	struct folio *folio;
	int error;

	if (mapping_exiting(mapping))
		return ERR_PTR(-EINVAL);
	error = shmem_inode_acct_blocks(inode, 1);
	if (error)
		return ERR_PTR(error);
	folio = folio_alloc(gfp, 0);
	if (!folio) {
		shmem_inode_unacct_blocks(inode, 1);
		return ERR_PTR(-ENOMEM);
	}
	__folio_set_locked(folio);
	__folio_set_swapbacked(folio);
	error = shmem_add_to_page_cache(folio, mapping, index, gfp);
	if (error) {
		shmem_inode_unacct_blocks(inode, 1);
		folio_unlock(folio);
		folio_put(folio);
		return ERR_PTR(error);
	}
	shmem_recalc_inode(inode, 1);
	return folio;
}

int shmem_get_folio(struct inode *inode, pgoff_t index, struct folio **foliop,
		    enum sgp_type sgp)
{
	struct address_space *mapping = inode->i_mapping;
	struct folio *folio;
	bool alloced;
	int error;

	if (index > (pgoff_t)(MAX_LFS_FILESIZE >> PAGE_SHIFT))
		return -EFBIG;
repeat:
	alloced = false;
	if (sgp <= SGP_CACHE && ((loff_t)index << PAGE_SHIFT) >= i_size_read(inode))
		return -EINVAL;

	folio = filemap_get_folio(mapping, index);
	if (!IS_ERR(folio)) {
		folio_lock(folio);
		/* Has the folio been truncated? */
		if (folio->mapping != mapping) {
			folio_unlock(folio);
			folio_put(folio);
			goto repeat;
		}
		if (sgp == SGP_WRITE)
			folio_set_referenced(folio);	/* Linux: folio_mark_accessed() */
		if (folio_test_uptodate(folio))
			goto out;
		/* A fallocated folio: SGP_READ treats it as a hole. */
		if (sgp != SGP_READ)
			goto clear;
		folio_unlock(folio);
		folio_put(folio);
	}

	/*
	 * SGP_READ: succeed on a hole, with a NULL folio, letting the caller zero.
	 * SGP_NOALLOC: fail on a hole, with a NULL folio, letting the caller fail.
	 */
	*foliop = NULL;
	if (sgp == SGP_READ)
		return 0;
	if (sgp == SGP_NOALLOC)
		return -ENOENT;

	folio = shmem_alloc_and_add_folio(mapping_gfp_mask(mapping), inode, index);
	if (IS_ERR(folio)) {
		error = PTR_ERR(folio);
		if (error == -EEXIST)
			goto repeat;	/* raced with another allocation at index */
		return error;
	}
	alloced = true;
	if (sgp == SGP_WRITE)
		folio_set_referenced(folio);
	/* SGP_FALLOC leaves a new folio !uptodate, as SGP_WRITE does. */
	if (sgp == SGP_FALLOC)
		sgp = SGP_WRITE;
clear:
	/*
	 * Let an SGP_WRITE caller zero what its write does not fill; but
	 * SGP_FALLOC on a folio fallocated earlier, and SGP_CACHE, must
	 * zero it now.
	 */
	if (sgp != SGP_WRITE && !folio_test_uptodate(folio)) {
		memset(folio_address(folio), 0, folio_size(folio));
		folio_mark_uptodate(folio);
	}

	/* Perhaps the file has been truncated since we checked. */
	if (sgp <= SGP_CACHE && ((loff_t)index << PAGE_SHIFT) >= i_size_read(inode)) {
		if (alloced) {
			folio_clear_dirty(folio);
			filemap_remove_folio(folio);
			shmem_recalc_inode(inode, 0);
		}
		folio_unlock(folio);
		folio_put(folio);
		return -EINVAL;
	}
out:
	*foliop = folio;
	return 0;
}

/*
 * Linux: shmem_undo_range(). Take out of the cache every folio wholly
 * inside [lstart, lend] (lend -1: to the end), then zero the parts of the
 * range in the first and last pages if they are only partly covered.
 * With unfalloc, only !uptodate folios go (undoing a failed fallocate)
 * and nothing is zeroed.
 */
static void shmem_undo_range(struct inode *inode, loff_t lstart, loff_t lend, bool unfalloc)
{
	struct address_space *mapping = inode->i_mapping;
	pgoff_t start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	pgoff_t end = (lend + 1) >> PAGE_SHIFT;	/* whole pages: [start, end) */
	pgoff_t head = lstart >> PAGE_SHIFT;
	size_t head_off = lstart & (PAGE_SIZE - 1);
	struct folio_batch fbatch;
	struct folio *folio;
	pgoff_t index;

	if (lend == -1)
		end = -1;	/* unsigned, so actually very big */

	index = start;
	while (index < end && filemap_get_folios(mapping, &index, end - 1, &fbatch)) {
		for (unsigned int i = 0; i < folio_batch_count(&fbatch); i++) {
			folio = fbatch.folios[i];
			if (unfalloc && folio_test_uptodate(folio))
				continue;
			folio_lock(folio);
			if (folio->mapping == mapping &&
			    (!unfalloc || !folio_test_uptodate(folio))) {
				/*
				 * A fault that found the folio before the
				 * caller's unmap_mapping_range has mapped it
				 * since: take it out of those PTEs too (Linux:
				 * truncate_inode_folio -> unmap_mapping_folio).
				 */
				if (folio_mapped(folio))
					unmap_mapping_folio(folio);
				folio_clear_dirty(folio);
				filemap_remove_folio(folio);
			}
			folio_unlock(folio);
		}
		folio_batch_release(&fbatch);
		cond_resched();
	}

	if (!unfalloc) {
		/* The partial first page: zero [head_off, to). */
		if (head_off) {
			size_t to = PAGE_SIZE;

			if (lend != -1 && (pgoff_t)(lend >> PAGE_SHIFT) == head)
				to = (lend & (PAGE_SIZE - 1)) + 1;
			if (!shmem_get_folio(inode, head, &folio, SGP_READ) && folio) {
				folio_zero_range(folio, head_off, to - head_off);
				folio_mark_dirty(folio);
				folio_unlock(folio);
				folio_put(folio);
			}
		}
		/* The partial last page: zero [0, (lend & mask) + 1). */
		if (lend != -1 && ((lend + 1) & (PAGE_SIZE - 1))) {
			pgoff_t tail = lend >> PAGE_SHIFT;

			if (!(head_off && tail == head) &&
			    !shmem_get_folio(inode, tail, &folio, SGP_READ) && folio) {
				folio_zero_range(folio, 0, (lend & (PAGE_SIZE - 1)) + 1);
				folio_mark_dirty(folio);
				folio_unlock(folio);
				folio_put(folio);
			}
		}
	}
	shmem_recalc_inode(inode, 0);
}

void shmem_truncate_range(struct inode *inode, loff_t lstart, loff_t lend)
{
	shmem_undo_range(inode, lstart, lend, false);
	inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_version++;
}

/* ---- inodes ----------------------------------------------------------------------- */

/* Linux: __shmem_get_inode(). A new inode of the given type on sb, with its limits charged. */
struct inode *shmem_get_inode(struct super_block *sb, struct inode *dir, umode_t mode,
				     dev_t dev, unsigned long flags)
{
	struct shmem_inode_info *info;
	struct inode *inode;
	unsigned long ino;
	int err;

	err = shmem_reserve_inode(sb, &ino);
	if (err)
		return ERR_PTR(err);
	inode = new_inode(sb);
	if (!inode) {
		shmem_free_inode(sb);
		return ERR_PTR(-ENOSPC);
	}
	inode->i_ino = ino;
	inode_init_owner(inode, dir, mode);
	inode->i_blocks = 0;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	inode->i_link = NULL;
	info = SHMEM_I(inode);
	spin_lock_init(&info->lock);
	info->flags = flags;
	info->alloced = 0;
	info->seals = F_SEAL_SEAL;	/* memfd_create(MFD_ALLOW_SEALING) clears it */
	inode->i_mapping->a_ops = &shmem_aops;
	mapping_set_gfp_mask(inode->i_mapping, GFP_HIGHUSER_MOVABLE);

	switch (mode & S_IFMT) {
	default:
		inode->i_op = &shmem_special_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		break;
	case S_IFDIR:
		inc_nlink(inode);
		/* Some things misbehave if size == 0 on a directory. */
		inode->i_size = 2 * BOGO_DIRENT_SIZE;
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		break;
	case S_IFLNK:
		break;	/* shmem_symlink() sets i_op */
	}
	return inode;
}

struct inode *shmem_alloc_inode(struct super_block *sb)
{
	struct shmem_inode_info *info = kmem_cache_alloc(shmem_inode_cachep, GFP_KERNEL);

	return info ? &info->vfs_inode : NULL;
}

void shmem_free_in_core_inode(struct inode *inode)
{
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	kmem_cache_free(shmem_inode_cachep, SHMEM_I(inode));
}

/* The cache's constructor (Linux: shmem_init_inode). */
static void shmem_init_inode(void *foo)
{
	struct shmem_inode_info *info = foo;

	inode_init_once(&info->vfs_inode);
}

void shmem_evict_inode(struct inode *inode)
{
	if (shmem_mapping(inode->i_mapping)) {
		shmem_unacct_size(SHMEM_I(inode)->flags, inode->i_size);
		inode->i_size = 0;
		mapping_set_exiting(inode->i_mapping);
		shmem_truncate_range(inode, 0, (loff_t)-1);
	}
	WARN_ON(inode->i_blocks);
	shmem_free_inode(inode->i_sb);
	clear_inode(inode);
}

int shmem_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
			 unsigned int query_flags)
{
	struct inode *inode = d_inode(path->dentry);
	struct shmem_inode_info *info = SHMEM_I(inode);

	if (info->alloced != inode->i_mapping->nrpages)
		shmem_recalc_inode(inode, 0);
	generic_fillattr(request_mask, inode, stat);
	return 0;
}

int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	struct shmem_inode_info *info = SHMEM_I(inode);
	bool update_mtime = false, update_ctime = true;
	int error;

	error = setattr_prepare(dentry, attr);
	if (error)
		return error;

	if (S_ISREG(inode->i_mode) && (attr->ia_valid & ATTR_SIZE)) {
		loff_t oldsize = inode->i_size;
		loff_t newsize = attr->ia_size;

		/* protected by i_rwsem */
		if ((newsize < oldsize && (info->seals & F_SEAL_SHRINK)) ||
		    (newsize > oldsize && (info->seals & F_SEAL_GROW)))
			return -EPERM;
		if (newsize != oldsize && shmem_reacct_size(info->flags, oldsize, newsize))
			return -ENOMEM;
		if (newsize != oldsize) {
			i_size_write(inode, newsize);
			update_mtime = true;
		} else {
			update_ctime = false;
		}
		if (newsize <= oldsize) {
			loff_t holebegin = ALIGN(newsize, (loff_t)PAGE_SIZE);	/* Linux: round_up */

			/* Out of every mapping first: a fault past the new EOF is SIGBUS. */
			if (oldsize > holebegin)
				unmap_mapping_range(inode->i_mapping, holebegin, 0, 1);
			if (info->alloced)
				shmem_truncate_range(inode, newsize, (loff_t)-1);
			/* And again, for private copies a racing fault made meanwhile. */
			if (oldsize > holebegin)
				unmap_mapping_range(inode->i_mapping, holebegin, 0, 1);
		}
	}

	setattr_copy(inode, attr);
	if (update_ctime) {
		inode->i_ctime = current_time(inode);
		if (update_mtime)
			inode->i_mtime = inode->i_ctime;
		inode->i_version++;
	}
	return 0;
}

/* ---- file operations -------------------------------------------------------------- */

static ssize_t shmem_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	pgoff_t index;
	unsigned long offset;
	ssize_t retval = 0;
	int error = 0;

	if (iocb->ki_pos < 0)
		return -EINVAL;
	index = iocb->ki_pos >> PAGE_SHIFT;
	offset = iocb->ki_pos & (PAGE_SIZE - 1);

	for (;;) {
		struct folio *folio = NULL;
		pgoff_t end_index;
		unsigned long nr;
		size_t ret;
		loff_t i_size = i_size_read(inode);

		end_index = i_size >> PAGE_SHIFT;
		if (index > end_index)
			break;
		if (index == end_index) {
			nr = i_size & (PAGE_SIZE - 1);
			if (nr <= offset)
				break;
		}

		error = shmem_get_folio(inode, index, &folio, SGP_READ);
		if (error) {
			if (error == -EINVAL)
				error = 0;	/* truncated under us: end of file */
			break;
		}
		if (folio)
			folio_unlock(folio);

		/* We must evaluate i_size after the folio is found: truncate may race. */
		i_size = i_size_read(inode);
		end_index = i_size >> PAGE_SHIFT;
		nr = PAGE_SIZE;
		if (index == end_index) {
			nr = i_size & (PAGE_SIZE - 1);
			if (nr <= offset) {
				if (folio)
					folio_put(folio);
				break;
			}
		} else if (index > end_index) {
			if (folio)
				folio_put(folio);
			break;
		}
		nr -= offset;

		if (folio) {
			/* The reference keeps the page even if truncation removes it now. */
			ret = copy_to_iter((char *)folio_address(folio) + offset, nr, to);
			folio_put(folio);
		} else {
			/* A hole: zeros, and nothing allocated (Linux: iov_iter_zero). */
			ret = iov_iter_zero(nr, to);
		}

		retval += ret;
		offset += ret;
		index += offset >> PAGE_SHIFT;
		offset &= PAGE_SIZE - 1;

		if (!iov_iter_count(to))
			break;
		if (ret < nr) {
			error = -EFAULT;
			break;
		}
		cond_resched();
	}

	iocb->ki_pos = ((loff_t)index << PAGE_SHIFT) + offset;
	return retval ? retval : error;
}

static ssize_t shmem_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file->f_mapping->host;
	ssize_t ret;

	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret <= 0)
		goto unlock;
	/* Linux: file_remove_privs() (no suid bits to strip: every caller is root), file_update_time(). */
	inode->i_mtime = inode->i_ctime = current_time(inode);
	ret = generic_perform_write(iocb, from);
unlock:
	inode_unlock(inode);
	return ret;
}

static int shmem_write_begin(struct file *file, struct address_space *mapping, loff_t pos,
			     unsigned int len, struct folio **foliop, void **fsdata)
{
	struct inode *inode = mapping->host;
	struct shmem_inode_info *info = SHMEM_I(inode);
	pgoff_t index = pos >> PAGE_SHIFT;

	/* i_rwsem is held by caller */
	if (unlikely(info->seals & (F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))) {
		if (info->seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))
			return -EPERM;
		if ((info->seals & F_SEAL_GROW) && pos + len > inode->i_size)
			return -EPERM;
	}

	return shmem_get_folio(inode, index, foliop, SGP_WRITE);
}

static int shmem_write_end(struct file *file, struct address_space *mapping, loff_t pos,
			   unsigned int len, unsigned int copied, struct folio *folio,
			   void *fsdata)
{
	struct inode *inode = mapping->host;

	if (pos + copied > inode->i_size)
		i_size_write(inode, pos + copied);

	if (!folio_test_uptodate(folio)) {
		if (copied < folio_size(folio)) {
			size_t from = pos & (folio_size(folio) - 1);

			folio_zero_segments(folio, 0, from, from + copied, folio_size(folio));
		}
		folio_mark_uptodate(folio);
	}
	folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return copied;
}

static loff_t shmem_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file->f_mapping->host;

	if (whence != SEEK_DATA && whence != SEEK_HOLE)
		return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE,
						i_size_read(inode));
	if (offset < 0)
		return -ENXIO;

	inode_lock(inode);
	/* We're holding i_rwsem so we can access i_size directly. */
	offset = mapping_seek_hole_data(file->f_mapping, offset, inode->i_size, whence);
	if (offset >= 0)
		offset = vfs_setpos(file, offset, MAX_LFS_FILESIZE);
	inode_unlock(inode);
	return offset;
}

static long shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	struct shmem_inode_info *info = SHMEM_I(inode);
	pgoff_t start, index, end;
	int error;

	if (mode & ~(FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;

	inode_lock(inode);

	/* A write seal forbids punching holes (protected by i_rwsem). */
	if ((mode & FALLOC_FL_PUNCH_HOLE) && (info->seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))) {
		error = -EPERM;
		goto out;
	}

	if (mode & FALLOC_FL_PUNCH_HOLE) {
		loff_t unmap_start = ALIGN(offset, (loff_t)PAGE_SIZE);
		loff_t unmap_end = ((offset + len) & ~((loff_t)PAGE_SIZE - 1)) - 1;

		/* The whole pages leave every mapping; private COW copies stay. */
		if (unmap_end > unmap_start)
			unmap_mapping_range(file->f_mapping, unmap_start,
					    1 + unmap_end - unmap_start, 0);
		shmem_truncate_range(inode, offset, offset + len - 1);
		error = 0;
		goto out;
	}

	/* We need to check the size limit even when FALLOC_FL_KEEP_SIZE. */
	error = inode_newsize_ok(inode, offset + len);
	if (error)
		goto out;

	if ((info->seals & F_SEAL_GROW) && offset + len > inode->i_size) {
		error = -EPERM;
		goto out;
	}

	start = offset >> PAGE_SHIFT;
	end = (offset + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	/* Try to avoid a long loop if len is impossible to satisfy. */
	if (sbinfo->max_blocks && end - start > sbinfo->max_blocks) {
		error = -ENOSPC;
		goto out;
	}

	for (index = start; index < end;) {
		struct folio *folio;

		error = shmem_get_folio(inode, index, &folio, SGP_FALLOC);
		if (error) {
			/* Remove the !uptodate folios we added. */
			if (index > start)
				shmem_undo_range(inode, (loff_t)start << PAGE_SHIFT,
						 ((loff_t)index << PAGE_SHIFT) - 1, true);
			goto out;
		}
		index = folio_next_index(folio);
		/*
		 * If !uptodate, leave it that way, so that the folios we added
		 * can be told apart if we must roll back on error later.
		 */
		folio_mark_dirty(folio);
		folio_unlock(folio);
		folio_put(folio);
		cond_resched();
	}

	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > inode->i_size)
		i_size_write(inode, offset + len);
out:
	if (!error)
		inode->i_mtime = inode->i_ctime = current_time(inode);	/* file_modified() */
	inode_unlock(inode);
	return error;
}

/* ---- mappings --------------------------------------------------------------------- */

/*
 * A page fault in a mapping of a shmem file (Linux: shmem_fault): the
 * page-cache folio at vmf->pgoff, allocated zeroed at a hole. Past
 * i_size there is nothing to map: SGP_CACHE fails with -EINVAL and the
 * access gets SIGBUS (BUS_ADRERR, mm/fault.c). Returns the folio locked
 * and referenced; mm/memory.c maps it (shared, or read-only in a
 * private mapping) or copies it (a private write: do_cow_fault).
 */
static vm_fault_t shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct folio *folio = NULL;
	int err;

	err = shmem_get_folio(inode, vmf->pgoff, &folio, SGP_CACHE);
	if (err) {
		if (err == -ENOMEM)
			return VM_FAULT_OOM;
		return VM_FAULT_SIGBUS;	/* -EINVAL past EOF, -ENOSPC over size=, -EFBIG */
	}
	vmf->page = &folio->page;
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
};

/* /proc/PID/maps names shared anonymous memory as Linux's d_path of its file does. */
static const char *shmem_anon_name(struct vm_area_struct *vma)
{
	return "/dev/zero (deleted)";
}

/* MAP_SHARED|MAP_ANONYMOUS memory (Linux: shmem_anon_vm_ops, vma_is_anon_shmem). */
static const struct vm_operations_struct shmem_anon_vm_ops = {
	.fault = shmem_fault,
	.name = shmem_anon_name,
};

bool vma_is_anon_shmem(struct vm_area_struct *vma)
{
	return vma->vm_ops == &shmem_anon_vm_ops;
}

/*
 * f_op->mmap of a tmpfs file (Linux: shmem_mmap): the seals may refuse
 * it (a shared writable mapping of a write-sealed memfd: -EPERM, mm/memfd.c),
 * then faults go to shmem_fault.
 */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	int ret = memfd_seal_check_mmap(SHMEM_I(file_inode(file))->seals, vma);

	if (ret)
		return ret;
	vma->vm_ops = &shmem_vm_ops;
	return 0;
}

/*
 * Shared anonymous memory is a shmem file of the mapping's size that no
 * one can open (Linux: shmem_zero_setup): a fault takes the file's page
 * at vm_pgoff (from 0), and a fork shares the file, so parent and child
 * see one page however late either touches it.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct file *file;
	loff_t size = vma->vm_end - vma->vm_start;

	file = shmem_kernel_file_setup("dev/zero", size, vma->vm_flags);
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &shmem_anon_vm_ops;
	return 0;
}

/* ---- operation tables ------------------------------------------------------------- */

const struct address_space_operations shmem_aops = {
	.write_begin = shmem_write_begin,
	.write_end = shmem_write_end,
	.dirty_folio = noop_dirty_folio,	/* nothing to write back: PG_dirty only */
};

const struct file_operations shmem_file_operations = {
	.llseek = shmem_file_llseek,
	.read_iter = shmem_file_read_iter,
	.write_iter = shmem_file_write_iter,
	.mmap = shmem_mmap,
	.fsync = noop_fsync,
	.fallocate = shmem_fallocate,
};

static const struct inode_operations shmem_inode_operations = {
	.getattr = shmem_getattr,
	.setattr = shmem_setattr,
};







int shmem_init(void)
{
	int error;

	shmem_inode_cachep = kmem_cache_create("shmem_inode_cache", sizeof(struct shmem_inode_info),
					       0, SLAB_PANIC, shmem_init_inode);
	error = register_filesystem(&shmem_fs_type);
	if (error) {
		pr_err("Could not register tmpfs\n");
		return error;
	}
	shm_mnt = kern_mount(&shmem_fs_type);
	if (IS_ERR(shm_mnt)) {
		error = PTR_ERR(shm_mnt);
		pr_err("Could not kern_mount tmpfs\n");
		unregister_filesystem(&shmem_fs_type);
		shm_mnt = NULL;
		return error;
	}
	return 0;
}
/* ---- kernel-internal files -------------------------------------------------------- */

/* Linux: __shmem_file_setup(). */
static struct file *__shmem_file_setup(struct vfsmount *mnt, const char *name, loff_t size,
				       unsigned long flags, unsigned int i_flags)
{
	struct inode *inode;
	struct file *res;

	if (!mnt)
		return ERR_PTR(-ENODEV);
	if (IS_ERR(mnt))
		return ERR_PTR(PTR_ERR(mnt));
	if (size < 0 || size > MAX_LFS_FILESIZE)
		return ERR_PTR(-EINVAL);

	if (shmem_acct_size(flags, size))
		return ERR_PTR(-ENOMEM);
	inode = shmem_get_inode(mnt->mnt_sb, NULL, S_IFREG | 0777, 0, flags);
	if (IS_ERR(inode)) {
		shmem_unacct_size(flags, size);
		return ERR_PTR(PTR_ERR(inode));
	}
	inode->i_flags |= i_flags;
	inode->i_size = size;
	clear_nlink(inode);	/* It is unlinked */
	res = alloc_file_pseudo(inode, mnt, name, O_RDWR, &shmem_file_operations);
	if (IS_ERR(res))
		iput(inode);
	return res;
}

/* An unlinked file (MAP_SHARED|MAP_ANONYMOUS memory, memfd, SysV shm will use it). */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags)
{
	return __shmem_file_setup(shm_mnt, name, size, flags, 0);
}

/* The same, for files no user ever sees (S_PRIVATE: no security checks in Linux). */
struct file *shmem_kernel_file_setup(const char *name, loff_t size, unsigned long flags)
{
	return __shmem_file_setup(shm_mnt, name, size, flags, S_PRIVATE);
}
