// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and lseek on open files (Linux: fs/read_write.c).
 *
 * vfs_read()/vfs_write() check the file was opened for it, that the
 * range is sane (rw_verify_area) and that a user buffer is in user space
 * (access_ok), then call ->read/->write or wrap the buffer in an iov_iter
 * for ->read_iter/->write_iter. kernel_read()/kernel_write() do the same
 * with a kernel buffer (ITER_KVEC) and need the _iter methods. lseek goes
 * to ->llseek; generic_file_llseek_size() is the usual one, and treats
 * the whole file as data for SEEK_DATA/SEEK_HOLE (tmpfs has its own,
 * which knows the holes).
 *
 * The system calls (second half): read, write, pread64, pwrite64, readv,
 * writev, preadv, pwritev, lseek. Each looks the fd up in current's
 * table (fdget_pos for the calls that use the file position: f_pos_lock
 * serialises read/write/lseek of a regular file or directory, Linux's
 * FMODE_ATOMIC_POS rule), then calls the vfs_* function. Errors are
 * Linux's: -EBADF for a closed fd or the wrong access mode, -ESPIPE for
 * pread/pwrite/lseek on a pipe, -EINVAL for a negative position, -EFAULT
 * for a buffer that is not user memory; readv/writev copy the iovec array
 * in (import_iovec: more than UIO_MAXIOV segments or a negative length is
 * -EINVAL, a total past MAX_RW_COUNT is cut short there, as Linux does).
 * A read or write that faults part way returns the bytes it moved.
 * fadvise64 and readahead (Linux: mm/fadvise.c, mm/readahead.c) are
 * here as their checks only: there is no readahead or page-cache aging
 * to advise, so valid advice succeeds and does nothing.
 * sendfile (do_sendfile, Linux's checks and order): in must be open
 * for reading and readable as a file (not a pipe or directory: -EINVAL,
 * Linux's "no splice_read"), an offset needs FMODE_PREAD (-ESPIPE), out
 * must be open for writing (-EBADF) and not O_APPEND (-EINVAL); count is
 * cut to MAX_RW_COUNT and to s_maxbytes (-EOVERFLOW at or past it). Into
 * a pipe it moves what the pipe has room for (splice_file_to_pipe, as
 * Linux); into anything else it reads and writes through a kernel buffer
 * (Linux: do_splice_direct through an internal pipe), returning the
 * bytes moved when one side stops short. With an offset pointer the
 * file position stays and the pointer moves; without, f_pos moves.
 * Left out: fsnotify, file_start_write (freezing), splice,
 * copy_file_range, preadv2/pwritev2 (RWF_* flags), FMODE_STREAM (pipes
 * simply ignore the position).
 */
#include <asm/page.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	if (offset != file->f_pos) {
		file->f_pos = offset;
		file->f_version = 0;
	}
	return offset;
}

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		/* Everything up to eof is data. */
		if ((unsigned long long)offset >= (unsigned long long)eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		/* The only hole is the virtual one at eof. */
		if ((unsigned long long)offset >= (unsigned long long)eof)
			return -ENXIO;
		offset = eof;
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, maxsize);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file->f_mapping->host;

	return generic_file_llseek_size(file, offset, whence, inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

/* Seeking succeeds and does nothing (Linux: noop_llseek). */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/* Linux: rw_verify_area() */
static int rw_verify_area(struct file *file, const loff_t *ppos, size_t count)
{
	if (ppos) {
		loff_t pos = *ppos;

		if (pos < 0)
			return -EINVAL;
		if ((loff_t)(pos + count) < pos)
			return -EINVAL;
	}
	return 0;
}

static ssize_t new_sync_read(struct file *filp, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, filp);
	kiocb.ki_pos = ppos ? *ppos : 0;
	ret = filp->f_op->read_iter(&kiocb, iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static ssize_t new_sync_write(struct file *filp, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb;
	ssize_t ret;

	init_sync_kiocb(&kiocb, filp);
	kiocb.ki_pos = ppos ? *ppos : 0;
	ret = filp->f_op->write_iter(&kiocb, iter);
	if (ret > 0 && ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_READ))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->read)
		return file->f_op->read(file, buf, count, pos);
	iov_iter_ubuf(&iter, ITER_DEST, buf, count);
	return new_sync_read(file, &iter, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct iov_iter iter;
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_WRITE))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->write)
		return file->f_op->write(file, buf, count, pos);
	iov_iter_ubuf(&iter, ITER_SOURCE, (void __user *)buf, count);
	return new_sync_write(file, &iter, pos);
}

/* Any iterator (kernel or user memory); needs ->read_iter (Linux: vfs_iter_read). */
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_READ) || !file->f_op->read_iter)
		return -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	ret = rw_verify_area(file, ppos, iov_iter_count(iter));
	if (ret)
		return ret;
	return new_sync_read(file, iter, ppos);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_WRITE) || !file->f_op->write_iter)
		return -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	ret = rw_verify_area(file, ppos, iov_iter_count(iter));
	if (ret)
		return ret;
	return new_sync_write(file, iter, ppos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec iov = { .iov_base = buf, .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &iov, 1, iov.iov_len);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct kvec iov = { .iov_base = (void *)buf,
			    .iov_len = min_t(size_t, count, MAX_RW_COUNT) };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_SOURCE, &iov, 1, iov.iov_len);
	return vfs_iter_write(file, &iter, pos);
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

/* ---- the system calls ------------------------------------------------------------------ */

#define UIO_FASTIOV 8
#define UIO_MAXIOV 1024

static struct fd fdget_checked(unsigned int fd, bool pos)
{
	return pos ? fdget_pos(fd) : fdget(fd);
}

ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct fd f = fdget_checked(fd, true);
	ssize_t ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_read(f.file, buf, count, &f.file->f_pos);
	fdput_pos(f);
	return ret;
}

ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct fd f = fdget_checked(fd, true);
	ssize_t ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_write(f.file, buf, count, &f.file->f_pos);
	fdput_pos(f);
	return ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_write(fd, buf, count);
}

ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	struct fd f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fdget_checked(fd, false);
	if (!f.file)
		return -EBADF;
	ret = -ESPIPE;
	if (f.file->f_mode & FMODE_PREAD)
		ret = vfs_read(f.file, buf, count, &pos);
	fdput(f);
	return ret;
}

ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	struct fd f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fdget_checked(fd, false);
	if (!f.file)
		return -EBADF;
	ret = -ESPIPE;
	if (f.file->f_mode & FMODE_PWRITE)
		ret = vfs_write(f.file, buf, count, &pos);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_pread64(fd, buf, count, pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_pwrite64(fd, buf, count, pos);
}

/*
 * Copy a user iovec array in and check it (Linux: import_iovec). *iovp is
 * fast (UIO_FASTIOV entries) or a kmalloc'ed array the caller kfrees;
 * returns the total length, cut to MAX_RW_COUNT, or -errno.
 */
static ssize_t import_iovec(int type, const struct iovec __user *uvec, unsigned long nr_segs,
			    struct iovec *fast, struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = fast;
	size_t total = 0;

	*iovp = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > UIO_FASTIOV) {
		iov = kmalloc(nr_segs * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
		*iovp = iov;
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		goto efault;
	for (unsigned long seg = 0; seg < nr_segs; seg++) {
		size_t len = iov[seg].iov_len;

		if ((ssize_t)len < 0)
			goto einval;
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[seg].iov_len = len;
		}
		if (!access_ok(iov[seg].iov_base, len))
			goto efault;
		total += len;
	}
	iov_iter_init(i, type, iov, nr_segs, total);
	return total;
einval:
	kfree(*iovp);
	*iovp = NULL;
	return -EINVAL;
efault:
	kfree(*iovp);
	*iovp = NULL;
	return -EFAULT;
}

/* A file with ->read/->write only: one call per segment (Linux: do_loop_readv_writev). */
static ssize_t do_loop_readv_writev(struct file *filp, struct iov_iter *iter, loff_t *ppos,
				    bool write)
{
	ssize_t ret = 0;

	while (iov_iter_count(iter)) {
		const struct iovec *iov = iter->__iov;
		void __user *base = iov->iov_base + iter->iov_offset;
		size_t len = min(iov_iter_count(iter), iov->iov_len - iter->iov_offset);
		ssize_t nr;

		if (!len) {
			iter->__iov++;
			iter->nr_segs--;
			iter->iov_offset = 0;
			continue;
		}
		if (write)
			nr = filp->f_op->write(filp, base, len, ppos);
		else
			nr = filp->f_op->read(filp, base, len, ppos);
		if (nr < 0) {
			if (!ret)
				ret = nr;
			break;
		}
		ret += nr;
		iov_iter_advance(iter, nr);
		if ((size_t)nr != len)
			break;
	}
	return ret;
}

static ssize_t vfs_readv_writev(struct file *file, const struct iovec __user *vec,
				unsigned long vlen, loff_t *pos, bool write)
{
	struct iovec fast[UIO_FASTIOV], *iov;
	struct iov_iter iter;
	ssize_t ret;

	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_CAN_WRITE : FMODE_CAN_READ)))
		return -EINVAL;
	ret = import_iovec(write ? ITER_SOURCE : ITER_DEST, vec, vlen, fast, &iov, &iter);
	if (ret < 0)
		return ret;
	if (!ret)
		goto out;
	ret = rw_verify_area(file, pos, iov_iter_count(&iter));
	if (ret)
		goto out;
	if (write ? !!file->f_op->write_iter : !!file->f_op->read_iter)
		ret = write ? new_sync_write(file, &iter, pos) : new_sync_read(file, &iter, pos);
	else
		ret = do_loop_readv_writev(file, &iter, pos, write);
out:
	kfree(iov);
	return ret;
}

static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			       unsigned long vlen, bool write)
{
	struct fd f = fdget_checked(fd, true);
	ssize_t ret;

	if (!f.file)
		return -EBADF;
	ret = vfs_readv_writev(f.file, vec, vlen, &f.file->f_pos, write);
	fdput_pos(f);
	return ret;
}

static ssize_t do_preadv_pwritev(unsigned long fd, const struct iovec __user *vec,
				 unsigned long vlen, loff_t pos, bool write)
{
	struct fd f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fdget_checked(fd, false);
	if (!f.file)
		return -EBADF;
	ret = -ESPIPE;
	if (f.file->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = vfs_readv_writev(f.file, vec, vlen, &pos, write);
	fdput(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, true);
}

/* pos_h is for 32-bit ABIs; on x86-64 pos_l holds the whole offset (Linux: pos_from_hilo). */
SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen,
		unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv_pwritev(fd, vec, vlen, (loff_t)pos_l, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen,
		unsigned long, pos_l, unsigned long, pos_h)
{
	return do_preadv_pwritev(fd, vec, vlen, (loff_t)pos_l, true);
}

loff_t ksys_lseek(unsigned int fd, loff_t offset, unsigned int whence)
{
	struct fd f = fdget_checked(fd, true);
	loff_t ret;

	if (!f.file)
		return -EBADF;
	ret = -EINVAL;
	if (whence <= SEEK_MAX)
		ret = vfs_llseek(f.file, offset, whence);
	fdput_pos(f);
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	return ksys_lseek(fd, offset, whence);
}

/* ---- advice that changes nothing here ------------------------------------------------ */

#define POSIX_FADV_NORMAL 0
#define POSIX_FADV_NOREUSE 5

SYSCALL_DEFINE4(fadvise64, int, fd, loff_t, offset, size_t, len, int, advice)
{
	struct fd f = fdget(fd);
	long ret = 0;

	if (!f.file)
		return -EBADF;
	if (S_ISFIFO(file_inode(f.file)->i_mode))
		ret = -ESPIPE;
	else if (advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE || (ssize_t)len < 0)
		ret = -EINVAL;
	fdput(f);
	return ret;
}

SYSCALL_DEFINE3(readahead, int, fd, loff_t, offset, size_t, count)
{
	struct fd f = fdget(fd);
	long ret = 0;

	if (!f.file)
		return -EBADF;
	if (!(f.file->f_mode & FMODE_READ))
		ret = -EBADF;
	else if (!S_ISREG(file_inode(f.file)->i_mode))
		ret = -EINVAL;
	fdput(f);
	return ret;
}

/* ---- sendfile --------------------------------------------------------------------------- */

#define SENDFILE_CHUNK (4 * PAGE_SIZE)

/* Through a kernel buffer, for outputs that are not pipes (Linux: do_splice_direct). */
static ssize_t sendfile_direct(struct file *in, loff_t *ppos, struct file *out, loff_t *opos,
			       size_t count)
{
	char *buf = kmalloc(SENDFILE_CHUNK, GFP_KERNEL);
	ssize_t total = 0, ret = 0;

	if (!buf)
		return -ENOMEM;
	while (count) {
		size_t n = min_t(size_t, count, SENDFILE_CHUNK);
		ssize_t r, w;

		r = kernel_read(in, buf, n, ppos);
		if (r <= 0) {
			ret = r;
			break;
		}
		w = kernel_write(out, buf, r, opos);
		if (w < 0) {
			*ppos -= r;		/* none of it went out */
			ret = w;
			break;
		}
		total += w;
		count -= w;
		if (w < r) {
			*ppos -= r - w;		/* the rest is still to send */
			break;
		}
		if ((size_t)r < n)
			break;			/* end of file */
		if (signal_pending(current))
			break;
		cond_resched();
	}
	kfree(buf);
	return total ? total : ret;
}

static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count, loff_t max)
{
	struct fd in, out;
	struct inode *in_inode, *out_inode;
	loff_t pos, out_pos;
	ssize_t retval;

	retval = -EBADF;
	in = fdget(in_fd);
	if (!in.file)
		goto out;
	if (!(in.file->f_mode & FMODE_READ))
		goto fput_in;
	retval = -ESPIPE;
	if (!ppos) {
		pos = in.file->f_pos;
	} else {
		pos = *ppos;
		if (!(in.file->f_mode & FMODE_PREAD))
			goto fput_in;
	}
	retval = rw_verify_area(in.file, &pos, count);
	if (retval < 0)
		goto fput_in;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;

	retval = -EBADF;
	out = fdget(out_fd);
	if (!out.file)
		goto fput_in;
	if (!(out.file->f_mode & FMODE_WRITE))
		goto fput_out;
	in_inode = file_inode(in.file);
	out_inode = file_inode(out.file);
	out_pos = out.file->f_pos;
	/* Linux: no ->splice_read on pipes and directories. */
	retval = -EINVAL;
	if (get_pipe_info(in.file) || S_ISDIR(in_inode->i_mode) || !in.file->f_op->read_iter)
		goto fput_out;

	if (!max)
		max = min(in_inode->i_sb->s_maxbytes, out_inode->i_sb->s_maxbytes);
	if (max > 0 && pos + (loff_t)count > max) {
		retval = -EOVERFLOW;
		if (pos >= max)
			goto fput_out;
		count = max - pos;
	}

	if (!get_pipe_info(out.file)) {
		retval = -EINVAL;
		if (out.file->f_flags & O_APPEND)
			goto fput_out;
		retval = rw_verify_area(out.file, &out_pos, count);
		if (retval < 0)
			goto fput_out;
		retval = sendfile_direct(in.file, &pos, out.file, &out_pos, count);
	} else {
		retval = splice_file_to_pipe(in.file, out.file, &pos, count);
	}
	if (retval > 0) {
		out.file->f_pos = out_pos;
		if (ppos)
			*ppos = pos;
		else
			in.file->f_pos = pos;
	}
	if (max > 0 && pos > max)
		retval = -EOVERFLOW;
fput_out:
	fdput(out);
fput_in:
	fdput(in);
out:
	return retval;
}

/* x86-64's sendfile (number 40) is Linux's sendfile64: a 64-bit offset, no 2 GiB limit. */
SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (offset) {
		if (copy_from_user(&pos, offset, sizeof(loff_t)))
			return -EFAULT;
		ret = do_sendfile(out_fd, in_fd, &pos, count, 0);
		if (put_user(pos, offset))
			return -EFAULT;
		return ret;
	}
	return do_sendfile(out_fd, in_fd, NULL, count, 0);
}
