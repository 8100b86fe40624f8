// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal tty: /dev/console and /dev/ttyS0 over the serial port
 * (Linux: drivers/tty/tty_io.c for tty_init() and the tty file
 * operations, drivers/tty/serial/8250/ for ttyS, drivers/tty/n_tty.c for
 * what a read and a write do). THIS IS NOT THE TTY LAYER: there is no
 * struct tty_struct, no termios, no line discipline (no echo, no
 * canonical line editing, no ^C or job control), no /dev/tty; those come
 * with the real tty in a later issue.
 *
 * tty_init() registers, with Linux's numbers and names, (5, 1)
 * "/dev/console" and (4, 64) "ttyS" (one port). Both are COM1
 * (drivers/serial_8250.c), the console printk also writes to, as Linux's
 * console=ttyS0 makes them.
 *
 * write: the bytes go out through serial_write(), which turns "\n" into
 *   "\r\n" as the console does (n_tty's OPOST|ONLCR, on by default).
 *   Writers are serialised by tty_write_lock (Linux: atomic_write_lock),
 *   but not against printk, which may interleave its lines with a tty
 *   write from another CPU (Linux orders both under the console lock).
 * read: the bytes the RX interrupt stored (serial_rx_pop()), as a tty in
 *   raw mode with VMIN=1, VTIME=0 would give them: if none is waiting,
 *   O_NONBLOCK (or IOCB_NOWAIT) gives -EAGAIN and otherwise the reader
 *   sleeps on serial_rx_wait until the interrupt handler stores a byte
 *   (uninterruptibly: there are no signals yet); then it returns what is
 *   there, at most count bytes, without waiting for more. Bytes a fault
 *   in the reader's buffer could not take stay for the next read. One
 *   reader at a time (tty_read_lock, Linux: atomic_read_lock).
 * ioctl: -ENOTTY for every command until termios exists.
 * llseek: -ESPIPE (nonseekable_open, no_llseek), as for any tty.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/tty.h>
#include <linux/uio.h>
#include <linux/wait.h>

static DEFINE_MUTEX(tty_write_lock);
static DEFINE_MUTEX(tty_read_lock);

/* Bytes popped from the RX buffer and not yet copied out (under tty_read_lock). */
static unsigned char read_buf[64];
static unsigned int read_head, read_len;

/* Under tty_read_lock: move waiting RX bytes into read_buf; true if it holds any. */
static bool tty_fill_read_buf(void)
{
	int c;

	if (!read_len)
		read_head = 0;
	while (read_head + read_len < sizeof(read_buf) && (c = serial_rx_pop()) >= 0)
		read_buf[read_head + read_len++] = c;
	return read_len != 0;
}

static ssize_t tty_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *file = iocb->ki_filp;
	size_t copied = 0;

	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&tty_read_lock);
	if (!tty_fill_read_buf()) {
		if ((file->f_flags & O_NONBLOCK) || (iocb->ki_flags & IOCB_NOWAIT)) {
			mutex_unlock(&tty_read_lock);
			return -EAGAIN;
		}
		wait_event(serial_rx_wait, tty_fill_read_buf());
	}
	/* Hand out what is there, refilling as we go; never wait for more. */
	while (read_len && iov_iter_count(to)) {
		size_t n = copy_to_iter(read_buf + read_head, read_len, to);

		read_head += n;
		read_len -= n;
		copied += n;
		if (read_len)		/* a fault, or the buffer is full */
			break;
		tty_fill_read_buf();
	}
	mutex_unlock(&tty_read_lock);
	return copied ? (ssize_t)copied : -EFAULT;
}

static ssize_t tty_write(struct kiocb *iocb, struct iov_iter *from)
{
	size_t done = 0;

	if (!iov_iter_count(from))
		return 0;
	mutex_lock(&tty_write_lock);
	while (iov_iter_count(from)) {
		char buf[256];
		size_t chunk = min(iov_iter_count(from), sizeof(buf));
		size_t n = copy_from_iter(buf, chunk, from);

		serial_write(buf, n);
		done += n;
		if (n < chunk)
			break;		/* a fault in the writer's buffer */
	}
	mutex_unlock(&tty_write_lock);
	return done ? (ssize_t)done : -EFAULT;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return -ENOTTY;
}

static int tty_open(struct inode *inode, struct file *filp)
{
	return nonseekable_open(inode, filp);
}

static const struct file_operations tty_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.open = tty_open,
};

int tty_init(void)
{
	int ret;

	ret = __register_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console", &tty_fops);
	if (ret) {
		pr_err("Couldn't register /dev/console driver\n");
		return ret;
	}
	ret = __register_chrdev(TTY_MAJOR, 64, 1, "ttyS", &tty_fops);
	if (ret) {
		pr_err("Couldn't register ttyS driver\n");
		__unregister_chrdev(TTYAUX_MAJOR, 1, 1, "/dev/console");
	}
	return ret;
}
