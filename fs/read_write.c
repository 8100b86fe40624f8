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
 * Left out: fsnotify, file_start_write (freezing), splice,
 * copy_file_range, the f_pos locking that fdget_pos does (with the
 * system calls: kernel callers pass their own position).
 */
#include <asm/page.h>
#include <linux/fs.h>
#include <linux/kernel.h>
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

int vfs_fsync(struct file *file, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, 0, LLONG_MAX, datasync);
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}
