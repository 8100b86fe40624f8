// SPDX-License-Identifier: GPL-2.0
/*
 * Reading directories (Linux: fs/readdir.c): iterate_dir() calls the
 * directory's ->iterate_shared with a dir_context whose actor receives
 * each entry; the position lives in file->f_pos between calls, so a
 * reader can stop when its buffer is full and carry on later.
 *
 * getdents64 and getdents are two more actors (filldir64, filldir): each
 * entry becomes a record in the user's buffer (struct linux_dirent64,
 * or the older struct linux_dirent with d_type in its last byte), 8-byte
 * aligned; each record's d_off is the position after it (written when the
 * next record comes, or at the end from ctx.pos). A buffer too small for
 * the first record is -EINVAL, a bad buffer -EFAULT; otherwise the call
 * returns the bytes filled, 0 at the end of the directory. A name with
 * '/' in it or of length 0 is -EIO (verify_dirent_name).
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	inode_lock_shared(inode);
	res = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		ctx->pos = file->f_pos;
		res = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	inode_unlock_shared(inode);
	return res;
}

/* ---- getdents64, getdents -------------------------------------------------------------- */

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];		/* then a NUL, padding, and d_type in the last byte */
};

struct getdents_callback {
	struct dir_context ctx;
	void __user *current_dir;	/* where the next record goes */
	int prev_reclen;		/* the record before it, whose d_off is pending */
	int count;			/* room left */
	int error;
	bool old;			/* struct linux_dirent */
};

/* Room for the biggest record: header, NAME_MAX bytes, NUL, d_type, padding. */
#define DIRENT_MAX ALIGN(sizeof(struct linux_dirent64) + NAME_MAX + 2, sizeof(u64))

static int verify_dirent_name(const char *name, int len)
{
	if (len <= 0 || len > NAME_MAX)
		return -EIO;
	for (int i = 0; i < len; i++)
		if (name[i] == '/')
			return -EIO;
	return 0;
}

static bool filldir(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		    u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	unsigned long rec[DIRENT_MAX / sizeof(unsigned long)];
	int reclen;

	buf->error = verify_dirent_name(name, namlen);
	if (buf->error)
		return false;
	memset(rec, 0, sizeof(rec));
	if (buf->old) {
		struct linux_dirent *d = (struct linux_dirent *)rec;

		reclen = ALIGN(offsetof(struct linux_dirent, d_name) + namlen + 2, sizeof(long));
		d->d_ino = ino;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, namlen);
		((char *)rec)[reclen - 1] = d_type;
	} else {
		struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

		reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, sizeof(u64));
		d->d_ino = ino;
		d->d_reclen = reclen;
		d->d_type = d_type;
		memcpy(d->d_name, name, namlen);
	}
	buf->error = -EINVAL;	/* only if the first record does not fit */
	if (reclen > buf->count)
		return false;
	/* The previous record's d_off is this entry's position. */
	if (buf->prev_reclen) {
		void __user *prev = buf->current_dir - buf->prev_reclen;

		if (put_user((u64)offset, (u64 __user *)(prev + 8)))
			goto efault;
	}
	if (copy_to_user(buf->current_dir, rec, reclen))
		goto efault;
	buf->prev_reclen = reclen;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count, bool old)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.current_dir = dirent,
		.count = count,
		.old = old,
	};
	struct fd f;
	long error;

	/* As in Linux, count becomes an int: past INT_MAX nothing fits (-EINVAL). */
	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fdget_pos(fd);
	if (!f.file)
		return -EBADF;
	error = iterate_dir(f.file, &buf.ctx);
	if (error >= 0)
		error = buf.error;
	if (buf.prev_reclen) {
		void __user *last = buf.current_dir - buf.prev_reclen;

		if (put_user((u64)buf.ctx.pos, (u64 __user *)(last + 8)))
			error = -EFAULT;
		else
			error = count - buf.count;
	}
	fdput_pos(f);
	return error;
}

long ksys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, false);
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, false);
}

SYSCALL_DEFINE3(getdents, unsigned int, fd, struct linux_dirent __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, true);
}
