// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2) (Linux: fs/ioctl.c): the commands every file understands are
 * answered here (do_vfs_ioctl): FIOCLEX/FIONCLEX set and clear the fd's
 * close-on-exec bit, FIONBIO sets or clears O_NONBLOCK from an int in
 * user memory, FIOASYNC is accepted and ignored, FIONREAD on a regular
 * file is the bytes between the position and the end. Anything else goes
 * to the file's ->unlocked_ioctl (the tty's TCGETS and TIOCGWINSZ, a
 * pipe's FIONREAD); a file without one, or a driver answering
 * -ENOIOCTLCMD, gives -ENOTTY ("not a typewriter"), as in Linux.
 * Left out: FIFREEZE/FITHAW, FICLONE*, FIEMAP, FIGETBSZ, FIOQSIZE,
 * compat_ioctl.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIOASYNC 0x5452
#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515		/* a driver's "not mine": user space sees -ENOTTY */
#endif

static long vfs_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long err;

	if (!filp->f_op->unlocked_ioctl)
		return -ENOTTY;
	err = filp->f_op->unlocked_ioctl(filp, cmd, arg);
	if (err == -ENOIOCTLCMD)
		err = -ENOTTY;
	return err;
}

static int ioctl_fionbio(struct file *filp, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	spin_lock(&filp->f_lock);
	if (on)
		filp->f_flags |= O_NONBLOCK;
	else
		filp->f_flags &= ~O_NONBLOCK;
	spin_unlock(&filp->f_lock);
	return 0;
}

/* -ENOIOCTLCMD: not a generic command, ask the file (Linux: do_vfs_ioctl). */
static long do_vfs_ioctl(struct file *filp, unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file_inode(filp);
	int __user *argp = (int __user *)arg;

	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		return 0;
	case FIONBIO:
		return ioctl_fionbio(filp, argp);
	case FIOASYNC:
		return 0;
	case FIONREAD:
		if (!S_ISREG(inode->i_mode))
			break;
		return put_user((int)(i_size_read(inode) - filp->f_pos), argp);
	}
	return -ENOIOCTLCMD;
}

long ksys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct fd f = fdget(fd);
	long err;

	if (!f.file)
		return -EBADF;
	err = do_vfs_ioctl(f.file, fd, cmd, arg);
	if (err == -ENOIOCTLCMD)
		err = vfs_ioctl(f.file, cmd, arg);
	fdput(f);
	return err;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return ksys_ioctl(fd, cmd, arg);
}
