// SPDX-License-Identifier: GPL-2.0
/*
 * Terminal ioctls (Linux: tty_ioctl() in drivers/tty/tty_io.c,
 * tty_mode_ioctl()/set_termios()/tty_set_termios() in
 * drivers/tty/tty_ioctl.c, n_tty_ioctl_helper()).
 *
 * The user copy happens at the edge: tty_ioctl() copies the argument of a
 * command it knows into a kernel buffer (by the command's direction and
 * size), runs tty_kernel_ioctl() on that, and copies the result back.
 * Tests call tty_kernel_ioctl() with kernel buffers directly.
 *
 * Commands: TCGETS (struct termios, the 36-byte kernel layout),
 * TCSETS/TCSETSW/TCSETSF (store the termios; the line discipline honours
 * ICANON, ECHO and the rest at once; TCSETSW waits for output, which is
 * always written already; TCSETSF also flushes the input),
 * TIOCGWINSZ/TIOCSWINSZ, TCFLSH, FIONREAD (TIOCINQ) and TIOCOUTQ (in
 * n_tty_ioctl). Everything else is -ENOTTY, as Linux answers a command no
 * layer knows (-ENOIOCTLCMD turned into -ENOTTY). Left for issue 11:
 * TIOCGPGRP/TIOCSPGRP/TIOCSCTTY/TIOCNOTTY/TIOCGSID (job control),
 * TCGETA & co (struct termio), TCSBRK/TCXONC, TIOCSETD/TIOCGETD, SIGWINCH
 * on TIOCSWINSZ.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

void tty_termios_to_user_layout(struct termios *u, const struct ktermios *k)
{
	memset(u, 0, sizeof(*u));
	u->c_iflag = k->c_iflag;
	u->c_oflag = k->c_oflag;
	u->c_cflag = k->c_cflag;
	u->c_lflag = k->c_lflag;
	u->c_line = k->c_line;
	memcpy(u->c_cc, k->c_cc, NCCS);
}

/* Linux: tty_set_termios(). Store, then tell the driver and the line discipline. */
int tty_set_termios(struct tty_struct *tty, const struct ktermios *kt)
{
	struct ktermios old;

	mutex_lock(&tty->termios_mutex);
	old = tty->termios;
	tty->termios = *kt;
	if (tty->ops->set_termios)
		tty->ops->set_termios(tty, &old);
	if (tty->ldisc->ops->set_termios)
		tty->ldisc->ops->set_termios(tty, &old);
	mutex_unlock(&tty->termios_mutex);
	return 0;
}

/* TCSETS*: the speeds stay what they were (Linux derives them from CBAUD). */
static int set_termios(struct tty_struct *tty, const struct termios *u, bool flush)
{
	struct ktermios kt = tty->termios;

	kt.c_iflag = u->c_iflag;
	kt.c_oflag = u->c_oflag;
	kt.c_cflag = u->c_cflag;
	kt.c_lflag = u->c_lflag;
	kt.c_line = u->c_line;
	memcpy(kt.c_cc, u->c_cc, NCCS);
	if (flush && tty->ldisc->ops->flush_buffer)
		tty->ldisc->ops->flush_buffer(tty);
	return tty_set_termios(tty, &kt);
}

int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, void *karg)
{
	switch (cmd) {
	case TCGETS:
		mutex_lock(&tty->termios_mutex);
		tty_termios_to_user_layout(karg, &tty->termios);
		mutex_unlock(&tty->termios_mutex);
		return 0;
	case TCSETSF:
		return set_termios(tty, karg, true);
	case TCSETS:
	case TCSETSW:
		return set_termios(tty, karg, false);
	case TIOCGWINSZ:
		mutex_lock(&tty->termios_mutex);
		*(struct winsize *)karg = tty->winsize;
		mutex_unlock(&tty->termios_mutex);
		return 0;
	case TIOCSWINSZ:
		mutex_lock(&tty->termios_mutex);
		tty->winsize = *(struct winsize *)karg;	/* issue 11: SIGWINCH to the group */
		mutex_unlock(&tty->termios_mutex);
		return 0;
	case TCFLSH:
		switch ((unsigned long)karg) {
		case TCIFLUSH:
		case TCIOFLUSH:
			if (tty->ldisc->ops->flush_buffer)
				tty->ldisc->ops->flush_buffer(tty);
			return 0;
		case TCOFLUSH:
			return 0;	/* nothing is queued for output */
		default:
			return -EINVAL;
		}
	default:
		return -ENOTTY;
	}
}

long tty_kernel_ioctl(struct file *file, unsigned int cmd, void *karg)
{
	struct tty_struct *tty = file_tty(file);

	if (!tty)
		return -ENOTTY;
	return tty->ldisc->ops->ioctl(tty, cmd, karg);
}

/* How big a command's argument is and which way it goes. */
enum { ARG_VALUE, ARG_IN, ARG_OUT };

static int tty_ioctl_arg(unsigned int cmd, size_t *size)
{
	switch (cmd) {
	case TCGETS:
		*size = sizeof(struct termios);
		return ARG_OUT;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		*size = sizeof(struct termios);
		return ARG_IN;
	case TIOCGWINSZ:
		*size = sizeof(struct winsize);
		return ARG_OUT;
	case TIOCSWINSZ:
		*size = sizeof(struct winsize);
		return ARG_IN;
	case TIOCINQ:
	case TIOCOUTQ:
		*size = sizeof(int);
		return ARG_OUT;
	case TCFLSH:
		*size = 0;
		return ARG_VALUE;
	default:
		return -1;
	}
}

long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	union {
		struct termios t;
		struct winsize w;
		int i;
	} k;
	size_t size;
	long ret;

	switch (tty_ioctl_arg(cmd, &size)) {
	case ARG_VALUE:
		return tty_kernel_ioctl(file, cmd, (void *)arg);
	case ARG_IN:
		if (copy_from_user(&k, (const void __user *)arg, size))
			return -EFAULT;
		return tty_kernel_ioctl(file, cmd, &k);
	case ARG_OUT:
		memset(&k, 0, sizeof(k));
		ret = tty_kernel_ioctl(file, cmd, &k);
		if (!ret && copy_to_user((void __user *)arg, &k, size))
			ret = -EFAULT;
		return ret;
	default:
		return -ENOTTY;
	}
}
