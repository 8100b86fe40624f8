// SPDX-License-Identifier: GPL-2.0
/*
 * The tty core: drivers, ports, opening and closing ttys, and the file
 * operations of every terminal device (Linux: drivers/tty/tty_io.c,
 * tty_port.c's tty_port_init/tty_port_link_device, tty_buffer.c's
 * tty_insert_flip_char/tty_flip_buffer_push, tty_ldisc.c's N_TTY setup,
 * and console_device()/console= from kernel/printk/printk.c).
 *
 * Devices, with Linux's numbers: (4, 64) ttyS0, the UART
 * (drivers/tty/serial/8250_tty.c); (4, 1) tty1, the VGA text console with
 * the PS/2 keyboard (drivers/tty/vt/vt.c); (4, 0) tty0, the current
 * virtual console (always tty1); (5, 1) /dev/console, the tty the last
 * console= names: ttyS0 unless console=tty0 or console=ttyN came last
 * (Linux makes the VT the default when no console= is given; here the
 * serial port stays the default, as `make run` and the tests want it);
 * (5, 0) /dev/tty, the opener's controlling terminal.
 *
 * A tty_struct is made on the first open of its device (tty_init_dev():
 * termios from the driver, the N_TTY line discipline opened, the port
 * linked to it) and freed on the last close (release_tty()), all under
 * tty_mutex. The receive path runs in interrupt context: the handler
 * stores bytes in the port's flip buffer and tty_flip_buffer_push() hands
 * them straight to the line discipline's receive_buf, under port->lock.
 * Linux pushes from a workqueue instead (flush_to_ldisc), so that the
 * ldisc runs in process context; there is no workqueue here, and n_tty's
 * receive path only takes spinlocks. A port nobody has open drops what it
 * receives, as Linux's does.
 *
 * read: the line discipline fills a kernel buffer (tty_read() asks again
 * while it says the same read may go on), then copy_to_iter() (Linux
 * 5.11+'s iterate_tty_read). A fault loses the bytes taken, as in Linux.
 * write: chunks copied from the caller, n_tty_write() processes and
 * writes them. Readers and writers are serialised per tty by
 * atomic_read_lock and atomic_write_lock; a reader sleeps for input
 * holding atomic_read_lock, so an O_NONBLOCK reader that finds it taken
 * gets -EAGAIN, as in Linux (a blocking one waits uninterruptibly behind
 * it: there is no mutex_lock_interruptible yet).
 *
 * /dev/tty (5, 0) opens the caller's controlling terminal (-ENXIO
 * without one); an open by a session leader without one may make the tty
 * its ctty (tty_open_proc_set_tty, tty_jobctrl.c). Every open file has a
 * struct tty_file_private on tty->tty_files, so that a hangup
 * (tty_hangup_locked, when the session leader exits) can turn each one
 * into a hung-up file: read 0, write -EIO, Linux's hung_up_tty_fops; the
 * files of /dev/console (console_fops) are spared, and are never stopped
 * by SIGTTIN/SIGTTOU, as Linux's redirected_tty_write files.
 * ->poll is the line discipline's (n_tty_poll). docs/tty.md tells the story.
 *
 * Left out: other line disciplines (TIOCSETD), ptys, saving termios across
 * closes, the flip-buffer workqueue, vhangup(), TIOCCONS, exclusive mode.
 */
#include <linux/console.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/tty.h>
#include <linux/uio.h>

#include "tty.h"

/* Linux's tty_std_termios (drivers/tty/tty_io.c) and INIT_C_CC. */
const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_line = N_TTY,
	.c_cc = {
		[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004, [VTIME] = 0, [VMIN] = 1, [VSWTC] = 0,
		[VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032, [VEOL] = 0,
		[VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027,
		[VLNEXT] = 026, [VEOL2] = 0,
	},
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

/* Guards the driver list, every driver's ttys[], each tty's count and files (tty.h). */
DEFINE_MUTEX(tty_mutex);
static LIST_HEAD(tty_drivers);

/* ---- drivers and ports ----------------------------------------------------- */

static const struct file_operations tty_fops;
static const struct file_operations console_fops;
static const struct file_operations hung_up_tty_fops;

int tty_register_driver(struct tty_driver *driver)
{
	int ret;

	if (!driver->num || !driver->ttys || !driver->ports || !driver->ops ||
	    !driver->ops->write)
		return -EINVAL;
	ret = __register_chrdev(driver->major, driver->minor_start, driver->num,
				driver->name, &tty_fops);
	if (ret < 0)
		return ret;
	if (!driver->major)
		driver->major = ret;
	mutex_lock(&tty_mutex);
	list_add(&driver->tty_drivers, &tty_drivers);
	mutex_unlock(&tty_mutex);
	return 0;
}

/* The caller makes sure none of its ttys is open. */
void tty_unregister_driver(struct tty_driver *driver)
{
	__unregister_chrdev(driver->major, driver->minor_start, driver->num, driver->name);
	mutex_lock(&tty_mutex);
	list_del(&driver->tty_drivers);
	mutex_unlock(&tty_mutex);
}

void tty_port_init(struct tty_port *port)
{
	memset(port, 0, sizeof(*port));
	spin_lock_init(&port->lock);
}

void tty_port_link_device(struct tty_port *port, struct tty_driver *driver, unsigned int index)
{
	if (index < driver->num)
		driver->ports[index] = port;
}

/* Under port->lock: hand the flip buffer to the line discipline, or drop it. */
static void tty_port_flush_to_ldisc(struct tty_port *port)
{
	struct tty_struct *tty = port->tty;

	if (port->flip_count && tty && tty->ldisc->ops->receive_buf)
		tty->ldisc->ops->receive_buf(tty, port->flip_buf, port->flip_flags,
					     port->flip_count);
	port->flip_count = 0;
}

/* Returns 1 if the byte was stored (a full buffer is pushed first). */
int tty_insert_flip_char(struct tty_port *port, u8 ch, u8 flag)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	if (port->flip_count == TTY_FLIPBUF_SIZE)
		tty_port_flush_to_ldisc(port);
	port->flip_buf[port->flip_count] = ch;
	port->flip_flags[port->flip_count] = flag;
	port->flip_count++;
	spin_unlock_irqrestore(&port->lock, flags);
	return 1;
}

void tty_flip_buffer_push(struct tty_port *port)
{
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	tty_port_flush_to_ldisc(port);
	spin_unlock_irqrestore(&port->lock, flags);
}

/* IXON's ^S and TCXONC's TCOOFF: n_tty_write() waits until start_tty(). */
void stop_tty(struct tty_struct *tty)
{
	WRITE_ONCE(tty->flow_stopped, true);
}

void start_tty(struct tty_struct *tty)
{
	if (READ_ONCE(tty->flow_stopped)) {
		WRITE_ONCE(tty->flow_stopped, false);
		wake_up_all(&tty->write_wait);
	}
}

void tty_port_receive_char(struct tty_port *port, u8 ch)
{
	tty_insert_flip_char(port, ch, TTY_NORMAL);
	tty_flip_buffer_push(port);
}

/* ---- console= and /dev/console ------------------------------------------------ */

static bool console_is_vt;	/* the last console= named a virtual console */
static bool console_vt_given;	/* some console= named one */

/* "console=ttyS0,115200", "console=tty0", "console=tty1"; several may be given. */
static int console_setup(char *val)
{
	if (!val)
		return 1;
	if (!strncmp(val, "ttyS", 4)) {
		console_is_vt = false;
	} else if (!strncmp(val, "tty", 3) && val[3] >= '0' && val[3] <= '9') {
		console_is_vt = true;
		console_vt_given = true;
	}
	return 1;
}
__setup("console=", console_setup);

bool vt_console_wanted(void)
{
	return console_vt_given;
}

struct tty_driver *console_device(int *index)
{
	*index = 0;
	if (console_is_vt && console_driver.ops)
		return &console_driver;
	return &serial8250_tty_driver;
}

/* ---- open and close ----------------------------------------------------------- */

/* Under tty_mutex: the driver and index of a device number. */
static struct tty_driver *tty_lookup_driver(dev_t device, int *index)
{
	struct tty_driver *driver;

	if (device == MKDEV(TTYAUX_MAJOR, 1))
		return console_device(index);
	if (device == MKDEV(TTY_MAJOR, 0)) {		/* tty0: the foreground console */
		*index = 0;
		return console_driver.ops ? &console_driver : NULL;
	}
	list_for_each_entry(driver, &tty_drivers, tty_drivers) {
		if (MAJOR(device) == driver->major && MINOR(device) >= driver->minor_start &&
		    MINOR(device) - driver->minor_start < driver->num) {
			*index = MINOR(device) - driver->minor_start;
			return driver;
		}
	}
	return NULL;
}

/* Under tty_mutex: make the tty for driver/index (Linux: tty_init_dev). */
static struct tty_struct *tty_init_dev(struct tty_driver *driver, int index)
{
	struct tty_port *port = driver->ports[index];
	struct tty_struct *tty;
	unsigned long flags;
	int ret;

	if (!port)
		return ERR_PTR(-ENXIO);
	tty = kzalloc(sizeof(*tty), GFP_KERNEL);
	if (!tty)
		return ERR_PTR(-ENOMEM);
	tty->driver = driver;
	tty->ops = driver->ops;
	tty->index = index;
	snprintf(tty->name, sizeof(tty->name), "%s%d", driver->name, index + driver->name_base);
	tty->termios = driver->init_termios;
	tty->port = port;
	mutex_init(&tty->termios_mutex);
	mutex_init(&tty->atomic_read_lock);
	mutex_init(&tty->atomic_write_lock);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	spin_lock_init(&tty->ctrl_lock);
	INIT_LIST_HEAD(&tty->tty_files);
	tty->ldisc = kzalloc(sizeof(*tty->ldisc), GFP_KERNEL);
	if (!tty->ldisc) {
		kfree(tty);
		return ERR_PTR(-ENOMEM);
	}
	tty->ldisc->ops = &n_tty_ops;
	tty->ldisc->tty = tty;
	if (driver->ops->install) {
		ret = driver->ops->install(driver, tty);
		if (ret)
			goto err;
	}
	ret = tty->ldisc->ops->open(tty);
	if (ret)
		goto err;
	tty->count = 1;
	driver->ttys[index] = tty;
	spin_lock_irqsave(&port->lock, flags);
	port->flip_count = 0;		/* what came while closed is gone */
	port->tty = tty;
	spin_unlock_irqrestore(&port->lock, flags);
	return tty;
err:
	kfree(tty->ldisc);
	kfree(tty);
	return ERR_PTR(ret);
}

/* Under tty_mutex, the last close: unlink from the port, then free. */
static void release_tty(struct tty_struct *tty)
{
	struct tty_port *port = tty->port;
	unsigned long flags;

	spin_lock_irqsave(&port->lock, flags);
	port->tty = NULL;		/* no receive_buf can reach it after this */
	port->flip_count = 0;
	spin_unlock_irqrestore(&port->lock, flags);
	tty_clear_ctty_refs(tty);	/* Linux: session_clear_tty() in tty_release() */
	tty->driver->ttys[tty->index] = NULL;
	if (tty->ldisc->ops->close)
		tty->ldisc->ops->close(tty);
	kfree(tty->ldisc);
	kfree(tty);
}

/*
 * Linux: tty_open(). /dev/tty (5, 0) is the caller's controlling terminal
 * (-ENXIO without one: tty_open_current_tty); every other node names a
 * driver's tty, made on first open. A session leader without a ctty that
 * opens a tty nobody has takes it (tty_open_proc_set_tty) unless it asked
 * O_NOCTTY or opened /dev/console, /dev/tty0 or /dev/tty.
 */
static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_file_private *priv;
	struct tty_driver *driver = NULL;
	struct tty_struct *tty;
	dev_t device = inode->i_rdev;
	bool noctty;
	int index, ret;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	mutex_lock(&tty_mutex);
	if (device == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = get_current_tty_locked();
		if (!tty) {
			ret = -ENXIO;
			goto err_unlock;
		}
		tty->count++;
	} else {
		driver = tty_lookup_driver(device, &index);
		if (!driver) {
			ret = -ENXIO;
			goto err_unlock;
		}
		tty = driver->ttys[index];
		if (tty)
			tty->count++;
		else
			tty = tty_init_dev(driver, index);
		if (IS_ERR(tty)) {
			ret = PTR_ERR(tty);
			goto err_unlock;
		}
	}
	if (tty->ops->open) {
		ret = tty->ops->open(tty, filp);
		if (ret) {
			if (!--tty->count)
				release_tty(tty);
			goto err_unlock;
		}
	}
	priv->tty = tty;
	priv->file = filp;
	list_add(&priv->list, &tty->tty_files);
	filp->private_data = priv;
	noctty = (filp->f_flags & O_NOCTTY) || device == MKDEV(TTY_MAJOR, 0) ||
		 device == MKDEV(TTYAUX_MAJOR, 1) || device == MKDEV(TTYAUX_MAJOR, 0);
	if (!noctty)
		tty_open_proc_set_tty(filp, tty);
	mutex_unlock(&tty_mutex);
	return nonseekable_open(inode, filp);

err_unlock:
	mutex_unlock(&tty_mutex);
	kfree(priv);
	return ret;
}

static int tty_release(struct inode *inode, struct file *filp)
{
	struct tty_file_private *priv = filp->private_data;
	struct tty_struct *tty = priv->tty;

	mutex_lock(&tty_mutex);
	if (tty->ops->close)
		tty->ops->close(tty, filp);
	list_del(&priv->list);
	if (!--tty->count)
		release_tty(tty);
	mutex_unlock(&tty_mutex);
	kfree(priv);
	return 0;
}

struct tty_struct *file_tty(struct file *file)
{
	struct tty_file_private *priv = file->private_data;

	if (file->f_op != &tty_fops && file->f_op != &console_fops &&
	    file->f_op != &hung_up_tty_fops)
		return NULL;
	return priv->tty;
}

bool tty_is_console_file(struct file *filp)
{
	return READ_ONCE(filp->f_op) == &console_fops;
}

bool tty_hung_up_p(struct file *filp)
{
	return READ_ONCE(filp->f_op) == &hung_up_tty_fops;
}

/* ---- hangup (Linux: __tty_hangup, hung_up_tty_fops) ----------------------------- */

static ssize_t hung_up_tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t hung_up_tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	return -EIO;
}

static __poll_t hung_up_tty_poll(struct file *filp, poll_table *wait)
{
	return EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLRDNORM | EPOLLWRNORM;
}

static long hung_up_tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
}

/*
 * Under tty_mutex. Every file open on tty now reads 0 and writes -EIO
 * (its f_op is swapped, as Linux does); sleeping readers and writers wake
 * and see it. The tty itself lives on until the last close, and a new
 * open of its device works again.
 */
void tty_hangup_locked(struct tty_struct *tty)
{
	struct tty_file_private *priv;
	unsigned long flags;

	list_for_each_entry(priv, &tty->tty_files, list) {
		if (tty_is_console_file(priv->file))
			continue;	/* /dev/console survives, as Linux's console_fops files */
		WRITE_ONCE(priv->file->f_op, &hung_up_tty_fops);
	}
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->session = 0;
	tty->pgrp = 0;
	tty->flow_stopped = false;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	if (tty->ldisc->ops->flush_buffer)
		tty->ldisc->ops->flush_buffer(tty);
	wake_up_all(&tty->read_wait);
	wake_up_all(&tty->write_wait);
}

/* ---- read and write ----------------------------------------------------------- */

#define TTY_READ_CHUNK 256
#define TTY_WRITE_CHUNK 256

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file_tty(file);
	struct tty_ldisc *ld = tty->ldisc;
	void *cookie = NULL;
	ssize_t copied = 0, n;
	u8 kbuf[TTY_READ_CHUNK];

	if (!iov_iter_count(to))
		return 0;
	/*
	 * A background reader: SIGTTIN (Linux: job_control() in n_tty_read,
	 * before its lock). Not through /dev/console, as Linux exempts
	 * redirected_tty_write's files.
	 */
	if (!tty_is_console_file(file)) {
		n = tty_job_control(tty, file);
		if (n < 0)
			return n;
	}
	/* Another reader may sleep holding it: O_NONBLOCK must not wait behind it. */
	if (!mutex_trylock(&tty->atomic_read_lock)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		mutex_lock(&tty->atomic_read_lock);	/* Linux: mutex_lock_interruptible */
	}
	do {
		size_t want = min(iov_iter_count(to), sizeof(kbuf));

		n = ld->ops->read(tty, file, kbuf, want, &cookie);
		if (n <= 0)
			break;
		if (copy_to_iter(kbuf, n, to) != (size_t)n) {
			n = -EFAULT;	/* Linux: the bytes taken are gone */
			break;
		}
		copied += n;
	} while (cookie && iov_iter_count(to));
	mutex_unlock(&tty->atomic_read_lock);
	return copied ? copied : n;
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file_tty(file);
	ssize_t done = 0, ret = 0;

	if (!iov_iter_count(from))
		return 0;
	if (!mutex_trylock(&tty->atomic_write_lock)) {	/* Linux: tty_write_lock() */
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		mutex_lock(&tty->atomic_write_lock);
	}
	while (iov_iter_count(from)) {
		u8 kbuf[TTY_WRITE_CHUNK];
		size_t chunk = min(iov_iter_count(from), sizeof(kbuf));
		size_t n = copy_from_iter(kbuf, chunk, from);

		if (n) {
			ret = tty->ldisc->ops->write(tty, file, kbuf, n);
			if (ret < 0)
				break;
			done += ret;
		}
		if (n < chunk) {	/* a fault in the writer's buffer */
			ret = -EFAULT;
			break;
		}
	}
	mutex_unlock(&tty->atomic_write_lock);
	return done ? done : ret;
}

/* Linux: tty_poll() -> n_tty_poll(). */
static __poll_t tty_poll(struct file *filp, poll_table *wait)
{
	struct tty_struct *tty = file_tty(filp);

	if (!tty->ldisc->ops->poll)
		return DEFAULT_POLLMASK;
	return tty->ldisc->ops->poll(tty, filp, wait);
}

static const struct file_operations tty_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
	.release = tty_release,
};

/*
 * /dev/console's files (Linux: console_fops, whose write_iter is
 * redirected_tty_write): the same operations, but the file is never hung
 * up and never gets SIGTTIN/SIGTTOU (TOSTOP), so that init's fds 0-2 keep
 * working when a session on the same tty ends.
 */
static const struct file_operations console_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
	.release = tty_release,
};

static const struct file_operations hung_up_tty_fops = {
	.llseek = no_llseek,
	.read_iter = hung_up_tty_read,
	.write_iter = hung_up_tty_write,
	.poll = hung_up_tty_poll,
	.unlocked_ioctl = hung_up_tty_ioctl,
	.release = tty_release,
};

int tty_init(void)
{
	int ret;

	ret = __register_chrdev(TTYAUX_MAJOR, 0, 1, "/dev/tty", &tty_fops);
	if (ret) {
		pr_err("Couldn't register /dev/tty driver\n");
		return ret;
	}
	ret = __register_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console", &console_fops);
	if (ret) {
		pr_err("Couldn't register /dev/console driver\n");
		__unregister_chrdev(TTYAUX_MAJOR, 0, 1, "/dev/tty");
		return ret;
	}
	if (tty_signal_init())
		pr_err("tty: no tty_signal thread: ^C, ^\\ and ^Z send no signals\n");
	ret = serial8250_tty_init();
	if (ret) {
		pr_err("Couldn't register ttyS driver\n");
		__unregister_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console");
		return ret;
	}
	ret = vty_init();
	if (ret)
		pr_err("vt: no virtual console: %d\n", ret);
	else if (__register_chrdev(TTY_MAJOR, 0, 1, "/dev/vc/0", &tty_fops))
		pr_err("Couldn't register /dev/tty0 driver\n");
	return 0;
}
