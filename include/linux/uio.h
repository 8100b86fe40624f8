/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct iov_iter: where a read or write copies to or from (Linux:
 * include/linux/uio.h, lib/iov_iter.c). One ->read_iter/->write_iter
 * serves every caller: kernel_read() passes a kernel buffer (ITER_KVEC),
 * read() a user buffer (ITER_UBUF), readv() an array of them (ITER_IOVEC).
 * Copies to and from user memory go through copy_to_user() and
 * copy_from_user(), so a bad user pointer gives a short copy, never an
 * oops. Left out: bvec, xarray and pipe iterators, page-pinning
 * (iov_iter_get_pages).
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/compiler.h>
#include <linux/types.h>

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_UBUF,	/* one user buffer */
	ITER_IOVEC,	/* an array of user buffers */
	ITER_KVEC,	/* an array of kernel buffers */
};

/* The direction: what the iterator's memory is, from the copy's point of view. */
#define ITER_SOURCE 1	/* write(): data come out of the iterator */
#define ITER_DEST 0	/* read(): data go into the iterator */

struct iov_iter {
	u8 iter_type;
	bool data_source;
	size_t iov_offset;	/* into the current segment */
	size_t count;		/* bytes left in all segments */
	union {
		const struct iovec *__iov;
		const struct kvec *kvec;
		void __user *ubuf;
	};
	unsigned long nr_segs;
};

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
void iov_iter_ubuf(struct iov_iter *i, unsigned int direction, void __user *buf, size_t count);
/* Each returns the bytes copied; fewer than asked means a fault or the end. */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
void iov_iter_truncate(struct iov_iter *i, size_t count);

#endif /* _LINUX_UIO_H */
