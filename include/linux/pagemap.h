/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page cache (Linux: include/linux/pagemap.h, mm/filemap.c,
 * mm/truncate.c). An inode's address_space keeps its folios in an XArray,
 * i_pages, indexed by page offset in the file; a missing entry is a hole.
 * xa_lock(&mapping->i_pages) guards i_pages, nrpages and each cached
 * folio's ->mapping. The cache holds one reference on each folio in it;
 * a lookup (filemap_get_folio) returns the folio with a reference of its
 * own, so a folio removed from the cache (truncate) stays valid until its
 * last folio_put().
 *
 * Simplified from Linux: every folio is one page (no large folios, no
 * multi-index entries); lookups take xa_lock instead of running under RCU
 * (folio_try_get_rcu); there are no shadow or swap entries in i_pages, no
 * LRU, no readahead, no writeback (nothing backs these files), and the
 * folio lock polls instead of sleeping on a wait queue.
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/xarray.h>

static inline void mapping_set_gfp_mask(struct address_space *mapping, gfp_t mask)
{
	mapping->gfp_mask = mask;
}

/* AS_* bits in mapping->flags. */
#define AS_EXITING 4		/* the inode is being evicted: no new folios */

static inline void mapping_set_exiting(struct address_space *mapping)
{
	__atomic_fetch_or(&mapping->flags, 1UL << AS_EXITING, __ATOMIC_RELAXED);
}

static inline bool mapping_exiting(const struct address_space *mapping)
{
	return __atomic_load_n(&mapping->flags, __ATOMIC_RELAXED) & (1UL << AS_EXITING);
}

/* fgp_flags of __filemap_get_folio() (Linux's values and meanings). */
typedef unsigned int fgf_t;
#define FGP_ACCESSED ((fgf_t)0x00000001)
#define FGP_LOCK ((fgf_t)0x00000002)	/* return it locked */
#define FGP_CREAT ((fgf_t)0x00000004)	/* allocate and add one if absent */
#define FGP_WRITE ((fgf_t)0x00000008)
#define FGP_NOFS ((fgf_t)0x00000010)
#define FGP_NOWAIT ((fgf_t)0x00000020)	/* trylock only: -EAGAIN */

/*
 * Look up the folio at index; with FGP_LOCK lock it (retrying if it was
 * truncated meanwhile), with FGP_CREAT allocate one (gfp) if there is
 * none. Returns a referenced folio, or ERR_PTR(-ENOENT) when absent,
 * -ENOMEM, -EAGAIN (FGP_NOWAIT).
 */
struct folio *__filemap_get_folio(struct address_space *mapping, pgoff_t index, fgf_t fgp_flags,
				  gfp_t gfp);

static inline struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index)
{
	return __filemap_get_folio(mapping, index, 0, 0);
}

static inline struct folio *filemap_lock_folio(struct address_space *mapping, pgoff_t index)
{
	return __filemap_get_folio(mapping, index, FGP_LOCK, 0);
}

/*
 * Insert a locked folio at index: sets ->mapping and ->index, takes the
 * cache's reference, counts NR_FILE_PAGES. -EEXIST if the index is
 * taken, -ENOMEM.
 */
int filemap_add_folio(struct address_space *mapping, struct folio *folio, pgoff_t index,
		      gfp_t gfp);
/* Take a locked folio out of its cache and drop the cache's reference. */
void filemap_remove_folio(struct folio *folio);
/* The same with xa_lock held by the caller; the caller drops the cache's reference. */
void __filemap_remove_folio(struct folio *folio, void *shadow);

/* Folios of [*start, end] into batch (referenced); *start moves past them. */
#define FOLIO_BATCH_SIZE 15
struct folio_batch {
	unsigned char nr;
	struct folio *folios[FOLIO_BATCH_SIZE];
};

static inline void folio_batch_init(struct folio_batch *fbatch)
{
	fbatch->nr = 0;
}

static inline unsigned int folio_batch_count(const struct folio_batch *fbatch)
{
	return fbatch->nr;
}

void folio_batch_release(struct folio_batch *fbatch);
unsigned int filemap_get_folios(struct address_space *mapping, pgoff_t *start, pgoff_t end,
				struct folio_batch *fbatch);

/*
 * The offset of the first data (SEEK_DATA) or hole (SEEK_HOLE) at or
 * after start, below end (the file size); -ENXIO past it. A folio that
 * is not uptodate (fallocated, never written) counts as a hole.
 */
loff_t mapping_seek_hole_data(struct address_space *mapping, loff_t start, loff_t end,
			      int whence);

/* Print which indices of mapping hold folios, as ranges (how to watch a file's cache). */
void filemap_show_pages(struct address_space *mapping, const char *name);

/* Writes through ->write_begin/->write_end (mm/filemap.c). */
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from);
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i);
ssize_t __generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from);
ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from);
/* (Reads: shmem_file_read_iter in mm/shmem.c; there is no filemap_read without readahead.) */

/* Truncation (mm/truncate.c). lend is the last byte, inclusive; -1 for "to the end". */
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_final(struct address_space *mapping);
void truncate_pagecache(struct inode *inode, loff_t newsize);
void truncate_setsize(struct inode *inode, loff_t newsize);

#endif /* _LINUX_PAGEMAP_H */
