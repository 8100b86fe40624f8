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
 * The dispatch is Linux's tty_ioctl(): the core's commands
 * (TIOCGWINSZ/TIOCSWINSZ with SIGWINCH, TIOCGETD/TIOCSETD, the breaks
 * TCSBRK/TCSBRKP/TIOCSBRK/TIOCCBRK accepted, TIOCGSERIAL from the driver's
 * ->get_serial), then job control (tty_jobctrl_ioctl: TIOCSCTTY,
 * TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID), the driver's ->ioctl (the
 * VT's VT_GETSTATE), and the line discipline: FIONREAD (TIOCINQ) and
 * TIOCOUTQ in n_tty_ioctl, TCXONC and TCFLSH in n_tty_ioctl_helper, then
 * tty_mode_ioctl: TCGETS (struct termios, the 36-byte kernel layout),
 * TCSETS/TCSETSW/TCSETSF (store the termios; the line discipline honours
 * ICANON, ECHO and the rest at once; TCSETSW waits for output, which is
 * always written already; TCSETSF also flushes the input). Changing
 * settings from a background group is SIGTTOU first (tty_check_change).
 * Everything else is -ENOTTY, as Linux answers a command no layer knows
 * (-ENOIOCTLCMD turned into -ENOTTY). Left out: TCGETA & co (struct
 * termio), TIOCSTI, the modem lines (TIOCMGET...), TIOCEXCL.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#include "tty.h"

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
	struct ktermios kt;
	int ret = tty_check_change(tty);	/* a background job: SIGTTOU */

	if (ret)
		return ret;
	kt = tty->termios;
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

/* Linux: tty_do_resize(). A new size is SIGWINCH for the foreground group. */
static int tiocswinsz(struct tty_struct *tty, const struct winsize *ws)
{
	mutex_lock(&tty->termios_mutex);
	if (memcmp(ws, &tty->winsize, sizeof(*ws))) {
		pid_t pgrp;
		unsigned long flags;

		spin_lock_irqsave(&tty->ctrl_lock, flags);
		pgrp = tty->pgrp;
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		if (pgrp)
			kill_pgrp(pgrp, SIGWINCH, 1);
		tty->winsize = *ws;
	}
	mutex_unlock(&tty->termios_mutex);
	return 0;
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
	default:
		return -ENOIOCTLCMD;
	}
}

/* Linux: tty_send_xchar(): TCIOFF/TCION send the STOP/START byte. */
static void tty_send_xchar(struct tty_struct *tty, int idx)
{
	u8 c = tty->termios.c_cc[idx];

	if (c != __DISABLED_CHAR)
		tty->ops->write(tty, &c, 1);
}

int n_tty_ioctl_helper(struct tty_struct *tty, unsigned int cmd, void *karg)
{
	int ret;

	switch (cmd) {
	case TCXONC:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		switch ((unsigned long)karg) {
		case TCOOFF:
			stop_tty(tty);
			return 0;
		case TCOON:
			start_tty(tty);
			return 0;
		case TCIOFF:
			tty_send_xchar(tty, VSTOP);
			return 0;
		case TCION:
			tty_send_xchar(tty, VSTART);
			return 0;
		default:
			return -EINVAL;
		}
	case TCFLSH:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
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
		return tty_mode_ioctl(tty, cmd, karg);
	}
}

/*
 * Linux: tty_ioctl()'s order: the commands of the tty core (window size,
 * breaks, line discipline number, TIOCGSERIAL), job control
 * (tty_jobctrl_ioctl), the driver's own, then the line discipline's;
 * what nobody knows is -ENOTTY.
 */
long tty_kernel_ioctl(struct file *file, unsigned int cmd, void *karg)
{
	struct tty_struct *tty = file_tty(file);
	long ret;

	if (!tty)
		return -ENOTTY;
	if (tty_hung_up_p(file))
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	switch (cmd) {
	case TIOCSETD:
	case TIOCSBRK:
	case TIOCCBRK:
	case TCSBRK:
	case TCSBRKP:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		break;
	}
	switch (cmd) {
	case TIOCGWINSZ:
		mutex_lock(&tty->termios_mutex);
		*(struct winsize *)karg = tty->winsize;
		mutex_unlock(&tty->termios_mutex);
		return 0;
	case TIOCSWINSZ:
		return tiocswinsz(tty, karg);
	case TIOCGETD:
		*(int *)karg = N_TTY;
		return 0;
	case TIOCSETD:
		return *(int *)karg == N_TTY ? 0 : -EINVAL;	/* the only one there is */
	case TIOCSBRK:
	case TIOCCBRK:
	case TCSBRK:
	case TCSBRKP:
		return 0;	/* no break condition on these lines; output is already sent */
	case TIOCGSERIAL:
		if (!tty->ops->get_serial)
			return -ENOTTY;
		return tty->ops->get_serial(tty, karg);
	default:
		ret = tty_jobctrl_ioctl(tty, file, cmd, karg);
		if (ret != -ENOIOCTLCMD)
			return ret;
	}
	if (tty->ops->ioctl) {
		ret = tty->ops->ioctl(tty, cmd, karg);
		if (ret != -ENOIOCTLCMD)
			return ret;
	}
	ret = tty->ldisc->ops->ioctl(tty, cmd, karg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
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
	case TIOCGPGRP:
	case TIOCGSID:
	case TIOCGETD:
		*size = sizeof(int);
		return ARG_OUT;
	case TIOCSPGRP:
	case TIOCSETD:
		*size = sizeof(int);
		return ARG_IN;
	case TIOCGSERIAL:
		*size = sizeof(struct serial_struct);
		return ARG_OUT;
	case VT_GETSTATE:
		*size = sizeof(struct vt_stat);
		return ARG_OUT;
	case TCFLSH:
	case TCXONC:
	case TCSBRK:
	case TCSBRKP:
	case TIOCSBRK:
	case TIOCCBRK:
	case TIOCSCTTY:
	case TIOCNOTTY:
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
		struct serial_struct ss;
		struct vt_stat vt;
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
