// SPDX-License-Identifier: GPL-2.0
/*
 * Setting a file's access and modification times (Linux: fs/utimes.c):
 * utimensat (and futimens, its NULL-name form on a dfd), utimes,
 * futimesat, utime. Each ends in notify_change() with ATTR_ATIME and/or
 * ATTR_MTIME: with _SET for a given time, without it for "now". A
 * timespec's tv_nsec may be UTIME_NOW (now) or UTIME_OMIT (leave it);
 * anything else outside [0, 1e9) is -EINVAL, as is a timeval's tv_usec
 * outside [0, 1e6). Everyone is root, so there is no owner check.
 * Left out: the permission rules for non-owners, nanosecond truncation
 * to the filesystem's granularity (tmpfs keeps nanoseconds).
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

struct utimbuf {
	long actime;
	long modtime;
};

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec <= 999999999;
}

/* times: NULL for "both now" (Linux: vfs_utimes). */
static int vfs_utimes(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr newattrs = { 0 };
	int error;

	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	newattrs.ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT) {
			newattrs.ia_valid &= ~ATTR_ATIME;
		} else if (times[0].tv_nsec != UTIME_NOW) {
			newattrs.ia_atime = times[0];
			newattrs.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT) {
			newattrs.ia_valid &= ~ATTR_MTIME;
		} else if (times[1].tv_nsec != UTIME_NOW) {
			newattrs.ia_mtime = times[1];
			newattrs.ia_valid |= ATTR_MTIME_SET;
		}
	}
	inode_lock(inode);
	error = notify_change(path->dentry, &newattrs);
	inode_unlock(inode);
	return error;
}

static long do_utimes(int dfd, const char __user *filename, struct timespec64 *times, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	long error;

	if (times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename && dfd != AT_FDCWD) {
		/* futimens(): the fd itself. */
		struct fd f;

		if (flags)
			return -EINVAL;
		f = fdget(dfd);
		if (!f.file)
			return -EBADF;
		error = vfs_utimes(&f.file->f_path, times);
		fdput(f);
		return error;
	}
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	error = user_path_at(dfd, filename, lookup_flags, &path);
	if (error)
		return error;
	error = vfs_utimes(&path, times);
	path_put(&path);
	return error;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct timespec64 tstimes[2];

	if (utimes) {
		if (get_timespec64(&tstimes[0], &utimes[0]) ||
		    get_timespec64(&tstimes[1], &utimes[1]))
			return -EFAULT;
		/* Nothing to do: no lookup either (Linux's shortcut). */
		if (tstimes[0].tv_nsec == UTIME_OMIT && tstimes[1].tv_nsec == UTIME_OMIT)
			return 0;
	}
	return do_utimes(dfd, filename, utimes ? tstimes : NULL, flags);
}

static long do_futimesat(int dfd, const char __user *filename,
			 struct __kernel_old_timeval __user *utimes)
{
	struct __kernel_old_timeval times[2];
	struct timespec64 tstimes[2];

	if (utimes) {
		if (copy_from_user(&times, utimes, sizeof(times)))
			return -EFAULT;
		/* A timeval cannot say UTIME_NOW or UTIME_OMIT: check it here. */
		if (times[0].tv_usec >= 1000000 || times[0].tv_usec < 0 ||
		    times[1].tv_usec >= 1000000 || times[1].tv_usec < 0)
			return -EINVAL;
		tstimes[0].tv_sec = times[0].tv_sec;
		tstimes[0].tv_nsec = 1000 * times[0].tv_usec;
		tstimes[1].tv_sec = times[1].tv_sec;
		tstimes[1].tv_nsec = 1000 * times[1].tv_usec;
	}
	return do_utimes(dfd, filename, utimes ? tstimes : NULL, 0);
}

SYSCALL_DEFINE3(futimesat, int, dfd, const char __user *, filename,
		struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(dfd, filename, utimes);
}

SYSCALL_DEFINE2(utimes, char __user *, filename, struct __kernel_old_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, filename, utimes);
}

SYSCALL_DEFINE2(utime, char __user *, filename, struct utimbuf __user *, times)
{
	struct timespec64 tv[2];

	if (times) {
		struct utimbuf kt;

		if (copy_from_user(&kt, times, sizeof(kt)))
			return -EFAULT;
		tv[0].tv_sec = kt.actime;
		tv[0].tv_nsec = 0;
		tv[1].tv_sec = kt.modtime;
		tv[1].tv_nsec = 0;
	}
	return do_utimes(AT_FDCWD, filename, times ? tv : NULL, 0);
}
