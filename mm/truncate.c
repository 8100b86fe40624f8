// SPDX-License-Identifier: GPL-2.0
/*
 * Truncating the page cache (Linux: mm/truncate.c).
 *
 * truncate_inode_pages_range(mapping, lstart, lend) takes every folio
 * lying wholly inside the byte range [lstart, lend] out of the cache and
 * zeroes the parts of the range that fall in a folio only partly covered
 * (the page holding lstart, the page holding lend). Folios are collected
 * a batch at a time with references (filemap_get_folios), then each is
 * locked and, if it is still in this mapping, removed: the cache's
 * reference goes, and the batch's reference keeps the folio alive until
 * folio_batch_release(). Someone else holding a folio (a reader in the
 * middle of a copy) keeps it until their folio_put(); the page goes back
 * to the buddy only then.
 *
 * truncate_inode_pages_final() is what evict() calls for an inode whose
 * filesystem has no ->evict_inode; truncate_setsize() and
 * truncate_pagecache() are the ->setattr helpers.
 *
 * truncate_pagecache() unmaps the range from every user mapping first
 * (unmap_mapping_range, mm/memory.c), and a folio still mapped when it
 * is removed (a racing fault) is unmapped on its own (unmap_mapping_folio).
 *
 * Left out, against Linux: shadow/swap entries,
 * ->invalidate_folio and private data, large folios that straddle the
 * range (every folio is one page), invalidate_mapping_pages and the
 * pagecache_isize_extended() fix-up for block sizes below PAGE_SIZE.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/sched.h>

/* Linux: truncate_inode_folio() = truncate_cleanup_folio() + filemap_remove_folio(). */
static void truncate_inode_folio(struct address_space *mapping, struct folio *folio)
{
	if (folio->mapping != mapping)
		return;
	/* Still mapped: a fault raced the caller's unmap_mapping_range (Linux: truncate_cleanup_folio). */
	if (folio_mapped(folio))
		unmap_mapping_folio(folio);
	folio_clear_dirty(folio);	/* Linux: folio_cancel_dirty() */
	filemap_remove_folio(folio);
}

/* Zero bytes [from, to) of the cached page at index, if there is one. */
static void truncate_partial_page(struct address_space *mapping, pgoff_t index, size_t from,
				  size_t to)
{
	struct folio *folio = filemap_lock_folio(mapping, index);

	if (IS_ERR(folio))
		return;
	folio_zero_range(folio, from, to - from);
	folio_unlock(folio);
	folio_put(folio);
}

void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend)
{
	struct folio_batch fbatch;
	pgoff_t start, end, index;	/* whole pages: [start, end) */
	pgoff_t head = lstart >> PAGE_SHIFT;
	size_t head_off = lstart & (PAGE_SIZE - 1);
	bool head_partial = head_off != 0;

	if (!mapping->nrpages || lstart < 0 || (lend != -1 && lend < lstart))
		return;

	start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (lend == -1)
		end = ULONG_MAX;	/* to the end: "-1" as Linux's end */
	else
		end = (lend + 1) >> PAGE_SHIFT;

	index = start;
	while (index < end && filemap_get_folios(mapping, &index, end - 1, &fbatch)) {
		for (unsigned int i = 0; i < folio_batch_count(&fbatch); i++) {
			struct folio *folio = fbatch.folios[i];

			folio_lock(folio);
			truncate_inode_folio(mapping, folio);
			folio_unlock(folio);
		}
		folio_batch_release(&fbatch);
		cond_resched();
	}

	if (head_partial) {
		size_t to = PAGE_SIZE;

		if (lend != -1 && (pgoff_t)(lend >> PAGE_SHIFT) == head)
			to = (lend & (PAGE_SIZE - 1)) + 1;
		truncate_partial_page(mapping, head, head_off, to);
	}
	if (lend != -1 && ((lend + 1) & (PAGE_SIZE - 1))) {
		pgoff_t tail = lend >> PAGE_SHIFT;

		if (!(head_partial && tail == head))
			truncate_partial_page(mapping, tail, 0, (lend & (PAGE_SIZE - 1)) + 1);
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, (loff_t)-1);
}

/* The inode is going: no new folios may appear (AS_EXITING), then drop them all. */
void truncate_inode_pages_final(struct address_space *mapping)
{
	mapping_set_exiting(mapping);
	truncate_inode_pages(mapping, 0);
}

/*
 * Shrink the page cache to newsize, after i_size has been set (Linux:
 * truncate_pagecache): unmap [round_up(newsize), EOF) from every mapping,
 * private COW copies too, drop the pages, and unmap again for the copies
 * a fault made meanwhile (it found the page before it went).
 */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = ALIGN(newsize, (loff_t)PAGE_SIZE);

	unmap_mapping_range(mapping, holebegin, 0, 1);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0, 1);
}

void truncate_setsize(struct inode *inode, loff_t newsize)
{
	i_size_write(inode, newsize);
	truncate_pagecache(inode, newsize);
}
