// SPDX-License-Identifier: GPL-2.0
/*
 * Copying to and from a struct iov_iter (Linux: lib/iov_iter.c, the
 * iterate_and_advance() family, and include/linux/iov_iter.h).
 *
 * Three kinds of iterator (include/linux/uio.h): ITER_UBUF (one user
 * buffer), ITER_IOVEC (an array of user buffers) and ITER_KVEC (an array
 * of kernel buffers). A copy walks the segments from the current position
 * (__iov/kvec plus iov_offset), one step per segment, and then advances
 * the iterator by the bytes that really moved. User segments go through
 * copy_to_user(), copy_from_user() and clear_user(), which check
 * access_ok() and return the bytes NOT copied: a bad user pointer ends the
 * copy there, short, and the caller sees the short count (read(2) returns
 * what was copied, or -EFAULT if nothing was). Kernel segments are plain
 * memcpy/memset and never come up short.
 *
 * As in Linux, copy_to_iter() on a source iterator (ITER_SOURCE) and
 * copy_from_iter() on a destination one warn and copy nothing, and
 * iov_iter_revert() trusts its caller not to go back past the start (the
 * iterator does not remember where it began). Left out: bvec, xarray,
 * folio-queue and discard iterators, the _nocache/_flushcache/_mc copies,
 * iov_iter_get_pages, import_iovec (comes with readv/writev), and fault
 * injection (should_fail_usercopy).
 *
 * This file is host-buildable: tests/host/test_iov_iter.c links it with
 * stand-ins for the three user-copy functions.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* Linux's MAX_RW_COUNT: what one read or write may move at most. */
#ifndef MAX_RW_COUNT
#define MAX_RW_COUNT (0x7fffffffUL & PAGE_MASK)
#endif

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	WARN_ON(direction & ~(ITER_DEST | ITER_SOURCE));
	*i = (struct iov_iter){
		.iter_type = ITER_KVEC,
		.data_source = direction,
		.kvec = kvec,
		.nr_segs = nr_segs,
		.iov_offset = 0,
		.count = count,
	};
}

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	WARN_ON(direction & ~(ITER_DEST | ITER_SOURCE));
	*i = (struct iov_iter){
		.iter_type = ITER_IOVEC,
		.data_source = direction,
		.__iov = iov,
		.nr_segs = nr_segs,
		.iov_offset = 0,
		.count = count,
	};
}

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction, void __user *buf, size_t count)
{
	WARN_ON(direction & ~(ITER_DEST | ITER_SOURCE));
	*i = (struct iov_iter){
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.ubuf = buf,
		.nr_segs = 1,
		.iov_offset = 0,
		.count = count,
	};
}

/*
 * One step of a copy: len bytes at segment address base, progress bytes
 * into the copy. Returns the bytes it could NOT do (0 for a full step).
 */
typedef size_t (*iov_step_f)(void *base, size_t progress, size_t len, void *priv);

/*
 * Run step over the next bytes of i (at most i->count), segment by
 * segment, stopping at the first short step; advance i by what was done
 * and return that (Linux: iterate_and_advance2).
 */
static size_t iterate_and_advance(struct iov_iter *i, size_t bytes, void *priv,
				  iov_step_f ustep, iov_step_f kstep)
{
	size_t progress = 0;

	if (bytes > i->count)
		bytes = i->count;
	if (!bytes)
		return 0;

	if (i->iter_type == ITER_UBUF) {
		progress = bytes - ustep((char __user *)i->ubuf + i->iov_offset, 0, bytes, priv);
	} else if (i->iter_type == ITER_IOVEC || i->iter_type == ITER_KVEC) {
		bool user = i->iter_type == ITER_IOVEC;
		size_t skip = i->iov_offset;
		unsigned long seg = 0;

		while (progress < bytes && seg < i->nr_segs) {
			void *base;
			size_t len, left;

			if (user) {
				base = (char __user *)i->__iov[seg].iov_base + skip;
				len = i->__iov[seg].iov_len - skip;
			} else {
				base = (char *)i->kvec[seg].iov_base + skip;
				len = i->kvec[seg].iov_len - skip;
			}
			len = min(len, bytes - progress);
			left = len ? (user ? ustep : kstep)(base, progress, len, priv) : 0;
			progress += len - left;
			if (left)
				break;
			skip = 0;
			seg++;
		}
	} else {
		WARN_ON(1);
		return 0;
	}
	iov_iter_advance(i, progress);
	return progress;
}

static size_t copy_to_user_step(void *base, size_t progress, size_t len, void *priv)
{
	return copy_to_user((void __user *)base, (const char *)priv + progress, len);
}

static size_t copy_to_kernel_step(void *base, size_t progress, size_t len, void *priv)
{
	memcpy(base, (const char *)priv + progress, len);
	return 0;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(i->data_source))
		return 0;
	return iterate_and_advance(i, bytes, (void *)addr, copy_to_user_step,
				   copy_to_kernel_step);
}

static size_t copy_from_user_step(void *base, size_t progress, size_t len, void *priv)
{
	return copy_from_user((char *)priv + progress, (const void __user *)base, len);
}

static size_t copy_from_kernel_step(void *base, size_t progress, size_t len, void *priv)
{
	memcpy((char *)priv + progress, base, len);
	return 0;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON_ONCE(!i->data_source))
		return 0;
	return iterate_and_advance(i, bytes, addr, copy_from_user_step,
				   copy_from_kernel_step);
}

static size_t zero_user_step(void *base, size_t progress, size_t len, void *priv)
{
	return clear_user((void __user *)base, len);
}

static size_t zero_kernel_step(void *base, size_t progress, size_t len, void *priv)
{
	memset(base, 0, len);
	return 0;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate_and_advance(i, bytes, NULL, zero_user_step, zero_kernel_step);
}

static size_t seg_len(const struct iov_iter *i, unsigned long seg)
{
	return i->iter_type == ITER_IOVEC ? i->__iov[seg].iov_len : i->kvec[seg].iov_len;
}

/*
 * Move the position forward by size bytes (at most count). For the
 * segment arrays the iterator then points at the segment holding the
 * next byte: a segment used up exactly is left behind, as are empty ones
 * (Linux: iov_iter_iovec_advance).
 */
void iov_iter_advance(struct iov_iter *i, size_t size)
{
	unsigned long seg;

	if (size > i->count)
		size = i->count;
	if (i->iter_type == ITER_UBUF) {
		i->iov_offset += size;
		i->count -= size;
		return;
	}
	if (i->iter_type != ITER_IOVEC && i->iter_type != ITER_KVEC)
		return;
	if (!i->count)
		return;
	i->count -= size;
	size += i->iov_offset;		/* from the start of the current segment */
	for (seg = 0; seg < i->nr_segs; seg++) {
		size_t len = seg_len(i, seg);

		if (size < len)
			break;
		size -= len;
	}
	i->iov_offset = size;
	i->nr_segs -= seg;
	if (i->iter_type == ITER_IOVEC)
		i->__iov += seg;
	else
		i->kvec += seg;
}

/*
 * Step back over unroll bytes that were advanced over (a short write
 * undoing a copy it could not keep). The caller guarantees they were
 * there (Linux: iov_iter_revert).
 */
void iov_iter_revert(struct iov_iter *i, size_t unroll)
{
	if (!unroll)
		return;
	if (WARN_ON(unroll > MAX_RW_COUNT))
		return;
	i->count += unroll;
	if (i->iter_type == ITER_UBUF) {
		i->iov_offset -= unroll;
		return;
	}
	if (i->iter_type != ITER_IOVEC && i->iter_type != ITER_KVEC)
		return;
	if (unroll <= i->iov_offset) {
		i->iov_offset -= unroll;
		return;
	}
	unroll -= i->iov_offset;
	for (;;) {
		size_t n;

		if (i->iter_type == ITER_IOVEC)
			i->__iov--;
		else
			i->kvec--;
		i->nr_segs++;
		n = seg_len(i, 0);
		if (unroll <= n) {
			i->iov_offset = n - unroll;
			return;
		}
		unroll -= n;
	}
}

/* Limit what is left to count bytes (Linux: iov_iter_truncate, inline there). */
void iov_iter_truncate(struct iov_iter *i, size_t count)
{
	if (i->count > count)
		i->count = count;
}
