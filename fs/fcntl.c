// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2) (Linux: fs/fcntl.c do_fcntl): F_DUPFD and F_DUPFD_CLOEXEC
 * (the lowest free fd >= arg: f_dupfd, -EINVAL past RLIMIT_NOFILE),
 * F_GETFD/F_SETFD (FD_CLOEXEC, the fd's close-on-exec bit), F_GETFL (the
 * open flags, access mode included) and F_SETFL, which changes only
 * O_APPEND, O_NONBLOCK and O_NOATIME (Linux's SETFL_MASK less O_DIRECT
 * and FASYNC: O_DIRECT is -EINVAL, as for a filesystem without direct
 * I/O; clearing O_APPEND on an append-only inode is -EPERM),
 * F_GETPIPE_SZ/F_SETPIPE_SZ (fs/pipe.c: pipe_fcntl). Every
 * other command is -EINVAL. F_ADD_SEALS/F_GET_SEALS go to memfd_fcntl()
 * (mm/memfd.c).
 * Left out: record locks (F_GETLK/F_SETLK/F_SETLKW, F_OFD_*), F_GETOWN/
 * F_SETOWN/F_SETSIG (no SIGIO), leases, notify.
 */
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC (F_LINUX_SPECIFIC_BASE + 6)
#define F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 8)
#define FD_CLOEXEC 1

#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_NOATIME | O_DIRECT)

static int setfl(struct file *filp, unsigned long arg)
{
	struct inode *inode = file_inode(filp);

	/* An append-only file stays O_APPEND. */
	if (((arg ^ filp->f_flags) & O_APPEND) && IS_APPEND(inode))
		return -EPERM;
	if (arg & O_DIRECT)
		return -EINVAL;
	spin_lock(&filp->f_lock);
	filp->f_flags = (arg & SETFL_MASK) | (filp->f_flags & ~SETFL_MASK);
	spin_unlock(&filp->f_lock);
	return 0;
}

long ksys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct fd f = fdget_raw(fd);
	unsigned int argi = (unsigned int)arg;
	long err = -EINVAL;

	if (!f.file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		err = f_dupfd(argi, f.file, 0);
		break;
	case F_DUPFD_CLOEXEC:
		err = f_dupfd(argi, f.file, O_CLOEXEC);
		break;
	case F_GETFD:
		err = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, argi & FD_CLOEXEC);
		err = 0;
		break;
	case F_GETFL:
		err = f.file->f_flags;
		break;
	case F_SETFL:
		err = setfl(f.file, arg);
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		err = pipe_fcntl(f.file, cmd, arg);
		break;
	case F_ADD_SEALS:
	case F_GET_SEALS:
		err = memfd_fcntl(f.file, cmd, arg);
		break;
	}
	fdput(f);
	return err;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return ksys_fcntl(fd, cmd, arg);
}
