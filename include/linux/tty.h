/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tty layer (Linux: include/linux/tty.h, tty_driver.h, tty_ldisc.h,
 * tty_port.h, tty_flip.h in one header). Four pieces, as in Linux:
 *
 *   struct tty_driver   a kind of terminal ("ttyS" the 8250 UART, "tty" the
 *                       VGA virtual console), its device numbers and its
 *                       tty_operations (how bytes go out);
 *   struct tty_port     the hardware side of one terminal: where the
 *                       interrupt handler puts received bytes
 *                       (tty_insert_flip_char + tty_flip_buffer_push);
 *   struct tty_struct   one open terminal: termios, window size, the line
 *                       discipline, the read/write locks and wait queues;
 *                       made on first open, freed on last close;
 *   struct tty_ldisc    the line discipline between them (N_TTY,
 *                       drivers/tty/n_tty.c: canonical editing, echo,
 *                       output processing).
 *
 * drivers/tty/tty_io.c has the file operations, /dev/console and
 * /dev/tty, drivers/tty/tty_ioctl.c the ioctls, drivers/tty/tty_jobctrl.c
 * controlling terminals and job control. docs/tty.md tells the story.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

/* drivers/char/mem.c: major 1, "mem" (null, zero, full, random, urandom). */
int chr_dev_init(void);
/*
 * drivers/tty/tty_io.c: /dev/tty (5, 0), /dev/console (5, 1), the serial
 * driver's ttyS0 (4, 64), the virtual console tty1 (4, 1) and tty0 (4, 0),
 * the PS/2 keyboard, the tty_signal thread. 0 or a -errno from
 * __register_chrdev().
 */
int tty_init(void);

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

struct file;
struct poll_table_struct;
struct serial_struct;
struct task_struct;
struct tty_struct;
struct tty_driver;

/*
 * What a driver does. ->write may be called with interrupts off (echoes
 * come from the receive path, in interrupt context): it must not sleep,
 * and it takes all count bytes (these drivers write synchronously).
 */
struct tty_operations {
	int (*install)(struct tty_driver *driver, struct tty_struct *tty);
	int (*open)(struct tty_struct *tty, struct file *filp);
	void (*close)(struct tty_struct *tty, struct file *filp);
	ssize_t (*write)(struct tty_struct *tty, const u8 *buf, size_t count);
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
	/* TIOCGSERIAL (a serial port's description); NULL: -ENOTTY. */
	int (*get_serial)(struct tty_struct *tty, struct serial_struct *ss);
	/* The driver's own commands (the VT's VT_*); -ENOIOCTLCMD for the rest. */
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, void *karg);
};

/* TIOCGSERIAL's argument (Linux: include/uapi/linux/serial.h). */
struct serial_struct {
	int type;
	int line;
	unsigned int port;
	int irq;
	int flags;
	int xmit_fifo_size;
	int custom_divisor;
	int baud_base;
	unsigned short close_delay;
	char io_type;
	char reserved_char[1];
	int hub6;
	unsigned short closing_wait;
	unsigned short closing_wait2;
	unsigned char *iomem_base;
	unsigned short iomem_reg_shift;
	unsigned int port_high;
	unsigned long iomap_base;
	int reserved[1];
};

#define PORT_16550A 4
#define UPIO_PORT 0
#define ASYNC_SKIP_TEST (1U << 6)
#define ASYNC_BOOT_AUTOCONF (1U << 28)

/* VT_GETSTATE's argument (Linux: include/uapi/linux/vt.h). */
struct vt_stat {
	unsigned short v_active;	/* the active vt */
	unsigned short v_signal;
	unsigned short v_state;		/* bit n: vt n in use (bit 0: tty0) */
};
#define VT_GETSTATE 0x5603

struct tty_port;

struct tty_driver {
	const char *driver_name;	/* "serial", "vt" */
	const char *name;		/* device name stem: "ttyS", "tty" */
	int name_base;			/* number of the first device: tty1 */
	unsigned int major, minor_start, num;
	struct ktermios init_termios;	/* what a new tty starts with */
	const struct tty_operations *ops;
	struct tty_struct **ttys;	/* the open ttys, by index */
	struct tty_port **ports;	/* the hardware side, by index */
	struct list_head tty_drivers;
};

/* The flip buffer: bytes a receive interrupt gathered for the line discipline. */
#define TTY_FLIPBUF_SIZE 64

struct tty_port {
	spinlock_t lock;		/* tty, and the flip buffer; irqsave */
	struct tty_struct *tty;		/* the open tty, NULL when closed */
	unsigned int flip_count;
	u8 flip_buf[TTY_FLIPBUF_SIZE];
	u8 flip_flags[TTY_FLIPBUF_SIZE];
};

/* Flags of a received byte (Linux: TTY_NORMAL ... in tty_flip.h). */
#define TTY_NORMAL	0
#define TTY_BREAK	1
#define TTY_FRAME	2
#define TTY_PARITY	3
#define TTY_OVERRUN	4

struct tty_ldisc_ops {
	const char *name;
	int num;
	int (*open)(struct tty_struct *tty);
	void (*close)(struct tty_struct *tty);
	void (*flush_buffer)(struct tty_struct *tty);
	/*
	 * Up to nr bytes into the kernel buffer kbuf; tty_read() copies them
	 * out. *cookie non-NULL on return: there is more to hand out in this
	 * same read (the rest of a line), call again without waiting.
	 */
	ssize_t (*read)(struct tty_struct *tty, struct file *file, u8 *kbuf, size_t nr,
			void **cookie);
	ssize_t (*write)(struct tty_struct *tty, struct file *file, const u8 *buf, size_t nr);
	/* karg: the argument, user pointers already copied into the kernel. */
	int (*ioctl)(struct tty_struct *tty, unsigned int cmd, void *karg);
	void (*set_termios)(struct tty_struct *tty, const struct ktermios *old);
	/* The EPOLL* events ready now; poll_wait() on read_wait and write_wait. */
	__poll_t (*poll)(struct tty_struct *tty, struct file *file, struct poll_table_struct *wait);
	/* From the port, under port->lock with interrupts off. fp may be NULL. */
	void (*receive_buf)(struct tty_struct *tty, const u8 *cp, const u8 *fp, size_t count);
};

struct tty_ldisc {
	const struct tty_ldisc_ops *ops;
	struct tty_struct *tty;
};

struct tty_struct {
	struct tty_driver *driver;
	const struct tty_operations *ops;
	int index;
	char name[64];			/* "ttyS0", "tty1" */
	int count;			/* open files, under tty_mutex */
	struct tty_port *port;
	struct tty_ldisc *ldisc;
	void *disc_data;		/* the line discipline's state */
	void *driver_data;
	struct mutex termios_mutex;	/* termios, winsize writers (Linux: termios_rwsem) */
	struct ktermios termios;
	struct winsize winsize;
	struct mutex atomic_read_lock;	/* one reader at a time */
	struct mutex atomic_write_lock;	/* one writer at a time */
	struct wait_queue_head read_wait;
	struct wait_queue_head write_wait;
	/*
	 * Job control (drivers/tty/tty_jobctrl.c; Linux: tty->ctrl). pgrp is
	 * the foreground process group, session the session this is the
	 * controlling terminal of; 0 is none (Linux: NULL struct pid *).
	 * Under ctrl_lock, irqsave: the receive path reads pgrp for ^C.
	 */
	spinlock_t ctrl_lock;
	pid_t pgrp;
	pid_t session;
	/* IXON: ^S stopped output, ^Q starts it (Linux: tty->flow.stopped). */
	bool flow_stopped;
	/* The open files (struct tty_file_private), under tty_mutex: hangup. */
	struct list_head tty_files;
};

/* file->private_data of an open tty (Linux's). */
struct tty_file_private {
	struct tty_struct *tty;
	struct file *file;
	struct list_head list;
};

/* The termios flag tests of Linux (I_ICRNL(tty) ...). */
#define _I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define _O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))
#define _C_FLAG(tty, f) ((tty)->termios.c_cflag & (f))
#define _L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))
#define I_IGNCR(tty)	_I_FLAG((tty), IGNCR)
#define I_ICRNL(tty)	_I_FLAG((tty), ICRNL)
#define I_INLCR(tty)	_I_FLAG((tty), INLCR)
#define I_ISTRIP(tty)	_I_FLAG((tty), ISTRIP)
#define I_IXON(tty)	_I_FLAG((tty), IXON)
#define I_IUTF8(tty)	_I_FLAG((tty), IUTF8)
#define O_OPOST(tty)	_O_FLAG((tty), OPOST)
#define O_ONLCR(tty)	_O_FLAG((tty), ONLCR)
#define O_OCRNL(tty)	_O_FLAG((tty), OCRNL)
#define O_ONOCR(tty)	_O_FLAG((tty), ONOCR)
#define O_ONLRET(tty)	_O_FLAG((tty), ONLRET)
#define O_OLCUC(tty)	_O_FLAG((tty), OLCUC)
#define O_TABDLY(tty)	_O_FLAG((tty), TABDLY)
#define L_ISIG(tty)	_L_FLAG((tty), ISIG)
#define L_ICANON(tty)	_L_FLAG((tty), ICANON)
#define L_ECHO(tty)	_L_FLAG((tty), ECHO)
#define L_ECHOE(tty)	_L_FLAG((tty), ECHOE)
#define L_ECHOK(tty)	_L_FLAG((tty), ECHOK)
#define L_ECHONL(tty)	_L_FLAG((tty), ECHONL)
#define L_NOFLSH(tty)	_L_FLAG((tty), NOFLSH)
#define L_ECHOCTL(tty)	_L_FLAG((tty), ECHOCTL)
#define L_ECHOPRT(tty)	_L_FLAG((tty), ECHOPRT)
#define L_ECHOKE(tty)	_L_FLAG((tty), ECHOKE)
#define L_IEXTEN(tty)	_L_FLAG((tty), IEXTEN)
#define L_TOSTOP(tty)	_L_FLAG((tty), TOSTOP)
#define I_IXANY(tty)	_I_FLAG((tty), IXANY)

/* A c_cc entry equal to this is switched off (Linux: __DISABLED_CHAR). */
#define __DISABLED_CHAR '\0'

/* Linux's tty_std_termios: what a terminal starts as unless its driver says otherwise. */
extern const struct ktermios tty_std_termios;

/* drivers/tty/tty_jobctrl.c: the controlling terminal (signal->tty) */
/* A session leader exits or calls TIOCNOTTY: SIGHUP/SIGCONT to the foreground, drop the ctty. */
void disassociate_ctty(int on_exit);
void proc_clear_tty(struct task_struct *p);	/* forget p's ctty (exit, setsid) */
dev_t tty_devnum(struct tty_struct *tty);	/* /proc/PID/stat's tty_nr */
/*
 * May current touch tty's settings (Linux: tty_check_change)? 0 when tty
 * is not its ctty or it is in the foreground group; else SIGTTOU to its
 * group and -ERESTARTSYS, or -EIO (orphaned group, SIGTTOU ignored: 0).
 * __tty_check_change: the same with sig (SIGTTIN for reads).
 */
int tty_check_change(struct tty_struct *tty);
int __tty_check_change(struct tty_struct *tty, int sig);
/* sig to tty's foreground process group, from any context (n_tty's isig()). */
void tty_signal_pgrp(struct tty_struct *tty, int sig);
/* The job control ioctls: TIOCSCTTY TIOCNOTTY TIOCGPGRP TIOCSPGRP TIOCGSID; -ENOIOCTLCMD else. */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd, void *karg);

/* drivers/tty/tty_io.c */
int tty_register_driver(struct tty_driver *driver);
void tty_unregister_driver(struct tty_driver *driver);
void tty_port_init(struct tty_port *port);
void tty_port_link_device(struct tty_port *port, struct tty_driver *driver, unsigned int index);
/*
 * The receive path (any context): store a byte, then hand what is stored
 * to the line discipline. Bytes for a port nobody has open are dropped,
 * as Linux drops them.
 */
int tty_insert_flip_char(struct tty_port *port, u8 ch, u8 flag);
void tty_flip_buffer_push(struct tty_port *port);
/* IXON, TCXONC: hold writers back, let them go (Linux: stop_tty/start_tty). */
void stop_tty(struct tty_struct *tty);
void start_tty(struct tty_struct *tty);
/* Both at once, for the interrupt handlers. */
void tty_port_receive_char(struct tty_port *port, u8 ch);
/* The tty behind /dev/console (Linux: console_device() in kernel/printk). */
struct tty_driver *console_device(int *index);
struct tty_struct *file_tty(struct file *file);

/* drivers/tty/tty_ioctl.c */
long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
/* The same on a kernel argument: pointers in karg point into the kernel. */
long tty_kernel_ioctl(struct file *file, unsigned int cmd, void *karg);
/* TCGETS, TCSETS*, TIOCGWINSZ...; -ENOIOCTLCMD for what it does not know. */
int tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, void *karg);
/* TCXONC, TCFLSH, then tty_mode_ioctl (Linux: n_tty_ioctl_helper). */
int n_tty_ioctl_helper(struct tty_struct *tty, unsigned int cmd, void *karg);
int tty_set_termios(struct tty_struct *tty, const struct ktermios *kt);
void tty_termios_to_user_layout(struct termios *u, const struct ktermios *k);

/* drivers/tty/n_tty.c */
extern const struct tty_ldisc_ops n_tty_ops;
/* Bytes a read could take now (FIONREAD). */
size_t n_tty_chars_in_buffer(struct tty_struct *tty);

/* drivers/tty/serial/8250_tty.c: the ttyS driver over drivers/serial_8250.c. */
int serial8250_tty_init(void);
extern struct tty_driver serial8250_tty_driver;

/* drivers/tty/vt/vt.c */
int vty_init(void);
extern struct tty_driver console_driver;	/* "tty", tty1 */
/* Was console=tty0 or ttyN given (the VGA console gets the kernel log)? */
bool vt_console_wanted(void);

#endif /* _LINUX_TTY_H */
