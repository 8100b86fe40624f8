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
 * serial port stays the default, as `make run` and the tests want it).
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
 * Left out (issue 11 and later): /dev/tty and controlling terminals,
 * sessions and job control, hangup, TIOCSETD (other line disciplines),
 * poll, ptys, saving termios across closes, the flip-buffer workqueue.
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
#include <linux/tty.h>
#include <linux/uio.h>

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

/* Guards the driver list, every driver's ttys[] and each tty's count. */
static DEFINE_MUTEX(tty_mutex);
static LIST_HEAD(tty_drivers);

/* ---- drivers and ports ----------------------------------------------------- */

static const struct file_operations tty_fops;

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
	tty->driver->ttys[tty->index] = NULL;
	if (tty->ldisc->ops->close)
		tty->ldisc->ops->close(tty);
	kfree(tty->ldisc);
	kfree(tty);
}

static int tty_open(struct inode *inode, struct file *filp)
{
	struct tty_driver *driver;
	struct tty_struct *tty;
	int index, ret;

	mutex_lock(&tty_mutex);
	driver = tty_lookup_driver(inode->i_rdev, &index);
	if (!driver) {
		mutex_unlock(&tty_mutex);
		return -ENXIO;
	}
	tty = driver->ttys[index];
	if (tty)
		tty->count++;
	else
		tty = tty_init_dev(driver, index);
	if (IS_ERR(tty)) {
		mutex_unlock(&tty_mutex);
		return PTR_ERR(tty);
	}
	if (tty->ops->open) {
		ret = tty->ops->open(tty, filp);
		if (ret) {
			if (!--tty->count)
				release_tty(tty);
			mutex_unlock(&tty_mutex);
			return ret;
		}
	}
	mutex_unlock(&tty_mutex);
	filp->private_data = tty;
	return nonseekable_open(inode, filp);
}

static int tty_release(struct inode *inode, struct file *filp)
{
	struct tty_struct *tty = filp->private_data;

	mutex_lock(&tty_mutex);
	if (tty->ops->close)
		tty->ops->close(tty, filp);
	if (!--tty->count)
		release_tty(tty);
	mutex_unlock(&tty_mutex);
	return 0;
}

struct tty_struct *file_tty(struct file *file)
{
	return file->f_op == &tty_fops ? file->private_data : NULL;
}

/* ---- read and write ----------------------------------------------------------- */

#define TTY_READ_CHUNK 256
#define TTY_WRITE_CHUNK 256

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	struct tty_struct *tty = file->private_data;
	struct tty_ldisc *ld = tty->ldisc;
	void *cookie = NULL;
	ssize_t copied = 0, n;
	u8 kbuf[TTY_READ_CHUNK];

	if (!iov_iter_count(to))
		return 0;
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
	struct tty_struct *tty = file->private_data;
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

static const struct file_operations tty_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
	.release = tty_release,
};

int tty_init(void)
{
	int ret;

	ret = __register_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console", &tty_fops);
	if (ret) {
		pr_err("Couldn't register /dev/console driver\n");
		return ret;
	}
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
