// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache (Linux: mm/filemap.c). An inode's address_space keeps
 * its folios in the XArray mapping->i_pages, indexed by page offset; an
 * absent index is a hole. Here:
 *
 *  - filemap_add_folio() / __filemap_remove_folio() / filemap_remove_folio():
 *    insert and delete under xa_lock, with ->mapping, ->index, nrpages,
 *    the cache's folio reference and the NR_FILE_PAGES / NR_SHMEM node
 *    counters kept together (Linux: __filemap_add_folio,
 *    filemap_unaccount_folio, page_cache_delete, filemap_free_folio);
 *  - __filemap_get_folio(): lookup with FGP_LOCK / FGP_CREAT; the
 *    reference is taken under xa_lock, so the folio cannot be freed
 *    between finding it and holding it, and a locked lookup re-checks
 *    ->mapping in case truncation took the folio meanwhile;
 *  - filemap_get_folios(): a batch of referenced folios over a range
 *    (truncation walks a file with it);
 *  - mapping_seek_hole_data(): SEEK_DATA / SEEK_HOLE over the cache;
 *  - generic_write_checks() / generic_perform_write() /
 *    generic_file_write_iter(): writes through ->write_begin and
 *    ->write_end, one page at a time;
 *  - the folio lock (__folio_lock, folio_unlock), folio_zero_segments() and
 *    folio_mark_dirty() (Linux: mm/page-writeback.c);
 *  - filemap_show_pages(): print which indices hold folios.
 *
 * Left out, against Linux: RCU lookups (xa_lock is taken instead), large
 * folios, shadow/swap/DAX entries, readahead and ->read_folio (the only
 * filesystem is tmpfs, whose read path is shmem_file_read_iter), dirty
 * and writeback tags and everything about writeback, the LRU, memcg
 * charging, the wait queue of the folio lock (a contended lock polls and
 * yields here) and RLIMIT_FSIZE in the write checks.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/printk.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/vmstat.h>
#include <linux/xarray.h>

/* ---- the folio lock --------------------------------------------------------------- */

/* Linux: __folio_lock() sleeps in folio_wait_bit_common(); here: poll and yield. */
void __folio_lock(struct folio *folio)
{
	while (!folio_trylock(folio)) {
		cpu_relax();
		cond_resched();
	}
}

void folio_unlock(struct folio *folio)
{
	if (!folio_test_clear_locked(folio))
		dump_page(&folio->page, "folio_unlock: folio not locked");
}

void folio_zero_segments(struct folio *folio, size_t start1, size_t end1, size_t start2,
			 size_t end2)
{
	char *kaddr = folio_address(folio);

	if (end1 > start1)
		memset(kaddr + start1, 0, end1 - start1);
	if (end2 > start2)
		memset(kaddr + start2, 0, end2 - start2);
}

bool folio_mark_dirty(struct folio *folio)
{
	struct address_space *mapping = folio_mapping(folio);

	if (mapping && mapping->a_ops && mapping->a_ops->dirty_folio)
		return mapping->a_ops->dirty_folio(mapping, folio);
	return !folio_test_set_dirty(folio);
}

/* ---- adding and removing ---------------------------------------------------------- */

int filemap_add_folio(struct address_space *mapping, struct folio *folio, pgoff_t index,
		      gfp_t gfp)
{
	XA_STATE(xas, &mapping->i_pages, index);
	long nr = folio_nr_pages(folio);

	if (!folio_test_locked(folio)) {
		dump_page(&folio->page, "filemap_add_folio: folio not locked");
		return -EINVAL;
	}
	folio_ref_add(folio, nr);	/* the cache's reference */
	folio->mapping = mapping;
	folio->index = index;
	do {
		xas_lock(&xas);
		if (xas_load(&xas)) {
			xas_set_err(&xas, -EEXIST);
		} else {
			xas_store(&xas, folio);
			if (!xas_error(&xas)) {
				mapping->nrpages += nr;
				node_stat_mod_folio(folio, NR_FILE_PAGES, nr);
			}
		}
		xas_unlock(&xas);
	} while (xas_nomem(&xas, gfp));

	if (xas_error(&xas)) {
		folio->mapping = NULL;
		folio_put_refs(folio, nr);	/* never the last: the caller holds one */
		return xas_error(&xas);
	}
	return 0;
}

/* Linux: filemap_unaccount_folio(). */
static void filemap_unaccount_folio(struct address_space *mapping, struct folio *folio)
{
	long nr = folio_nr_pages(folio);

	node_stat_mod_folio(folio, NR_FILE_PAGES, -nr);
	if (folio_test_swapbacked(folio))
		node_stat_mod_folio(folio, NR_SHMEM, -nr);
}

/* Linux: page_cache_delete() + the accounting of __filemap_remove_folio(). */
void __filemap_remove_folio(struct folio *folio, void *shadow)
{
	struct address_space *mapping = folio->mapping;
	XA_STATE(xas, &mapping->i_pages, folio->index);

	filemap_unaccount_folio(mapping, folio);
	xas_store(&xas, shadow);
	folio->mapping = NULL;
	mapping->nrpages -= folio_nr_pages(folio);
}

void filemap_remove_folio(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;

	if (!folio_test_locked(folio))
		dump_page(&folio->page, "filemap_remove_folio: folio not locked");
	xa_lock(&mapping->i_pages);
	__filemap_remove_folio(folio, NULL);
	xa_unlock(&mapping->i_pages);
	/* Linux: filemap_free_folio(). Whoever else holds a reference keeps it alive. */
	folio_put_refs(folio, folio_nr_pages(folio));
}

/* ---- lookup ----------------------------------------------------------------------- */

/* The folio at index with a reference, or NULL (Linux: filemap_get_entry). */
static struct folio *filemap_get_entry(struct address_space *mapping, pgoff_t index)
{
	XA_STATE(xas, &mapping->i_pages, index);
	struct folio *folio;

	xas_lock(&xas);
	folio = xas_load(&xas);
	if (folio)
		folio_get(folio);	/* under xa_lock: the cache's reference is still there */
	xas_unlock(&xas);
	return folio;
}

struct folio *__filemap_get_folio(struct address_space *mapping, pgoff_t index, fgf_t fgp_flags,
				  gfp_t gfp)
{
	struct folio *folio;

repeat:
	folio = filemap_get_entry(mapping, index);
	if (!folio)
		goto no_page;
	if (fgp_flags & FGP_LOCK) {
		if (fgp_flags & FGP_NOWAIT) {
			if (!folio_trylock(folio)) {
				folio_put(folio);
				return ERR_PTR(-EAGAIN);
			}
		} else {
			folio_lock(folio);
		}
		/* Has the folio been truncated? */
		if (folio->mapping != mapping) {
			folio_unlock(folio);
			folio_put(folio);
			goto repeat;
		}
	}
	if (fgp_flags & FGP_ACCESSED)
		folio_set_referenced(folio);
	return folio;

no_page:
	if (fgp_flags & FGP_CREAT) {
		int err;

		folio = folio_alloc(gfp, 0);
		if (!folio)
			return ERR_PTR(-ENOMEM);
		/* Init accessed so we don't have to atomically set it later. */
		if (fgp_flags & FGP_ACCESSED)
			__folio_set_referenced(folio);
		__folio_set_locked(folio);
		err = filemap_add_folio(mapping, folio, index, gfp);
		if (err) {
			folio_unlock(folio);
			folio_put(folio);
			if (err == -EEXIST)
				goto repeat;
			return ERR_PTR(err);
		}
		if (!(fgp_flags & FGP_LOCK))
			folio_unlock(folio);
		return folio;
	}
	return ERR_PTR(-ENOENT);
}

void folio_batch_release(struct folio_batch *fbatch)
{
	for (unsigned int i = 0; i < fbatch->nr; i++)
		folio_put(fbatch->folios[i]);
	fbatch->nr = 0;
}

/*
 * Linux: filemap_get_folios(). Up to FOLIO_BATCH_SIZE folios from
 * [*start, end], each with a reference; *start is set past the last one
 * (or past end when the range is exhausted).
 */
unsigned int filemap_get_folios(struct address_space *mapping, pgoff_t *start, pgoff_t end,
				struct folio_batch *fbatch)
{
	XA_STATE(xas, &mapping->i_pages, *start);
	struct folio *folio;

	folio_batch_init(fbatch);
	xas_lock(&xas);
	xas_for_each(&xas, folio, end) {
		folio_get(folio);
		fbatch->folios[fbatch->nr++] = folio;
		if (fbatch->nr == FOLIO_BATCH_SIZE) {
			*start = folio_next_index(folio);
			/* folio_next_index() of ULONG_MAX wraps: say "exhausted" by end. */
			if (!*start)
				*start = end;
			goto out;
		}
	}
	*start = end == ULONG_MAX ? end : end + 1;
out:
	xas_unlock(&xas);
	return fbatch->nr;
}

/* ---- SEEK_DATA / SEEK_HOLE -------------------------------------------------------- */

/*
 * Linux: mapping_seek_hole_data() with folio_seek_hole_data() for a
 * filesystem without ->is_partially_uptodate: a folio is data if it is
 * uptodate, a hole otherwise (tmpfs: fallocated but never written).
 */
loff_t mapping_seek_hole_data(struct address_space *mapping, loff_t start, loff_t end,
			      int whence)
{
	XA_STATE(xas, &mapping->i_pages, start >> PAGE_SHIFT);
	pgoff_t max = (end - 1) >> PAGE_SHIFT;
	bool seek_data = (whence == SEEK_DATA);
	struct folio *folio;

	if (end <= start)
		return -ENXIO;

	xas_lock(&xas);
	xas_for_each(&xas, folio, max) {
		loff_t pos = (loff_t)xas.xa_index << PAGE_SHIFT;

		if (start < pos) {
			/* A hole before this folio. */
			if (!seek_data)
				goto unlock;
			start = pos;
		}
		pos += folio_size(folio);
		if (folio_test_uptodate(folio)) {
			if (seek_data)
				goto unlock;	/* data at start */
			start = pos;		/* look for a hole after it */
		} else if (!seek_data) {
			goto unlock;		/* a hole at start */
		} else {
			start = pos;
		}
		if (start >= end)
			break;
	}
	if (seek_data)
		start = -ENXIO;
unlock:
	xas_unlock(&xas);
	if (start > end)
		return end;
	return start;
}

/* ---- watching a file's cache ------------------------------------------------------ */

/*
 * Print "name: nrpages N: a-b c d-e ..." (the indices holding folios, as
 * runs), wrapping long lists. No Linux counterpart (Linux users look at
 * /proc/<pid>/smaps, fincore(1) or the page-cache tracepoints).
 */
void filemap_show_pages(struct address_space *mapping, const char *name)
{
	XA_STATE(xas, &mapping->i_pages, 0);
	struct folio *folio;
	char line[160];
	unsigned long first = 0, last = 0;
	bool have = false;
	int n;

	n = scnprintf(line, sizeof(line), "%s: nrpages %lu:", name, mapping->nrpages);
	xas_lock(&xas);
	xas_for_each(&xas, folio, ULONG_MAX) {
		unsigned long index = xas.xa_index;

		if (have && index == last + 1) {
			last = index;
			continue;
		}
		if (have) {
			if (n > 120) {
				printk(KERN_INFO "%s\n", line);
				n = scnprintf(line, sizeof(line), "  ");
			}
			n += scnprintf(line + n, sizeof(line) - n, first == last ? " %lu" : " %lu-%lu",
				       first, last);
		}
		first = last = index;
		have = true;
	}
	xas_unlock(&xas);
	if (have)
		n += scnprintf(line + n, sizeof(line) - n, first == last ? " %lu" : " %lu-%lu",
			       first, last);
	else
		n += scnprintf(line + n, sizeof(line) - n, " (none)");
	printk(KERN_INFO "%s\n", line);
}

/* ---- writes ----------------------------------------------------------------------- */

/* Linux: generic_write_check_limits() without RLIMIT_FSIZE. */
static int generic_write_check_limits(struct file *file, loff_t pos, loff_t *count)
{
	struct inode *inode = file->f_mapping->host;
	loff_t max_size = inode->i_sb->s_maxbytes;

	if (pos >= max_size)
		return -EFBIG;
	*count = min(*count, max_size - pos);
	return 0;
}

/* Returns the bytes to write (0: nothing), or -errno. IOCB_APPEND moves ki_pos to EOF. */
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file->f_mapping->host;
	loff_t count;
	int ret;

	if (!iov_iter_count(from))
		return 0;
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(inode);
	if ((iocb->ki_flags & IOCB_NOWAIT) && !(file->f_mode & FMODE_NOWAIT))
		return -EINVAL;
	if (iocb->ki_pos < 0)
		return -EINVAL;
	count = iov_iter_count(from);
	ret = generic_write_check_limits(file, iocb->ki_pos, &count);
	if (ret)
		return ret;
	iov_iter_truncate(from, count);
	return iov_iter_count(from);
}

/*
 * Touch every page of [uaddr, uaddr + size) for reading, faulting each in
 * (Linux: fault_in_readable, mm/gup.c). Returns the bytes NOT faulted in.
 */
static size_t fault_in_readable(const char __user *uaddr, size_t size)
{
	const char __user *p = uaddr, *end = uaddr + size;
	char c;

	(void)c;	/* the bytes themselves do not matter */
	if (!size)
		return 0;
	if (end < uaddr)
		return size;
	while (p < end) {
		if (get_user(c, (char __user *)p))
			return size - (p - uaddr);
		p = (const char __user *)(((unsigned long)p & PAGE_MASK) + PAGE_SIZE);
	}
	if (get_user(c, (char __user *)end - 1))
		return 1;
	return 0;
}

/*
 * Fault in the user memory of the next size bytes of i (Linux:
 * fault_in_iov_iter_readable, lib/iov_iter.c). Returns the bytes not
 * faulted in; a kernel iterator needs nothing.
 */
static size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t size)
{
	size_t done = 0, skip = i->iov_offset;

	size = min(size, i->count);
	if (i->iter_type == ITER_UBUF)
		return fault_in_readable((const char __user *)i->ubuf + skip, size);
	if (i->iter_type != ITER_IOVEC)
		return 0;
	for (unsigned long seg = 0; seg < i->nr_segs && done < size; seg++, skip = 0) {
		size_t len = min(i->__iov[seg].iov_len - skip, size - done), left;

		if (!len)
			continue;
		left = fault_in_readable((const char __user *)i->__iov[seg].iov_base + skip, len);
		done += len - left;
		if (left)
			break;
	}
	return size - done;
}

/*
 * Linux: generic_perform_write(). Page by page: the source is faulted in
 * first; ->write_begin gives a locked, referenced folio for the range; the
 * bytes are copied in with page faults off (Linux:
 * copy_page_from_iter_atomic; here preemption off, which makes the fault
 * handler refuse): a fault taken while the folio is locked could need
 * that very folio — the source a mapping of the page being written — and
 * wait on its own lock. ->write_end marks it uptodate and dirty, extends
 * i_size, unlocks and releases it; a copy that came up short (the source
 * was unmapped meanwhile) is retried from the fault-in. Advances
 * iocb->ki_pos; returns the bytes written, or the error if none were (a
 * source that cannot be faulted in: -EFAULT; a fatal signal: -EINTR).
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i)
{
	struct file *file = iocb->ki_filp;
	loff_t pos = iocb->ki_pos;
	struct address_space *mapping = file->f_mapping;
	const struct address_space_operations *a_ops = mapping->a_ops;
	ssize_t written = 0;
	long status = 0;

	do {
		struct folio *folio;
		size_t offset = pos & (PAGE_SIZE - 1);
		size_t bytes = min(PAGE_SIZE - offset, iov_iter_count(i));
		size_t copied;
		void *fsdata = NULL;

again:
		if (fault_in_iov_iter_readable(i, bytes) == bytes) {
			status = -EFAULT;	/* nothing of the source is readable */
			break;
		}
		if (fatal_signal_pending(current)) {
			status = -EINTR;
			break;
		}
		status = a_ops->write_begin(file, mapping, pos, bytes, &folio, &fsdata);
		if (status < 0)
			break;
		preempt_disable();	/* Linux: pagefault_disable() */
		copied = copy_from_iter((char *)folio_address(folio) + offset, bytes, i);
		preempt_enable();
		status = a_ops->write_end(file, mapping, pos, bytes, copied, folio, fsdata);
		if (status < 0)
			break;
		if ((size_t)status < copied)
			iov_iter_revert(i, copied - status);
		if (!status) {
			/* A short copy: fault the rest in again (and fail there if it is bad). */
			if (copied)
				bytes = copied;
			cond_resched();
			goto again;
		}
		pos += status;
		written += status;
		cond_resched();
	} while (iov_iter_count(i));

	if (!written)
		return status;
	iocb->ki_pos += written;
	return written;
}

/* Linux: __generic_file_write_iter() for a cached (non-O_DIRECT) write; i_rwsem held. */
ssize_t __generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;

	inode->i_mtime = inode->i_ctime = current_time(inode);
	return generic_perform_write(iocb, from);
}

ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;
	ssize_t ret;

	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret > 0)
		ret = __generic_file_write_iter(iocb, from);
	inode_unlock(inode);
	return ret;
}
