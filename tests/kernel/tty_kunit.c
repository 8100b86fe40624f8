// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the tty layer (drivers/tty/): the N_TTY line discipline,
 * the termios ioctls, /dev/console and ttyS0, the VGA console and the
 * keyboard, all through the VFS as a program uses them (init_mknod() a
 * node in TTY_TEST_DIR, filp_open(), kernel_read()/kernel_write()).
 *
 * Most cases use a tty driver of their own, "ttyKUNIT" on a dynamic
 * major, whose ->write is a sink the test reads back (what the hardware
 * would have been sent: the echoes and the processed output), and whose
 * port the test feeds with tty_insert_flip_char()/tty_flip_buffer_push()
 * exactly as an interrupt handler does. The serial port and the keyboard
 * are fed through their own receive paths (serial_rx_push(), which the
 * UART interrupt calls; kbd_receive_scancode(), which the i8042 interrupt
 * calls); the VGA console is checked in the 0xb8000 text buffer, which
 * QEMU has even with -display none.
 *
 * Every case checks that open files, inodes, dentries, free pages and
 * task structs are back where they started.
 */
#include <asm/io.h>
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/console_struct.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>

#include "kunit_pages.h"

#define TTY_TEST_DIR "/tty_kunit"

struct counts {
	long files, inodes, dentries, tasks;
	unsigned long pages;
};

static struct counts counts_now(void)
{
	return (struct counts){ get_nr_files(), get_nr_inodes(), get_nr_dentry(),
				nr_task_structs(), shrunk_free_pages() };
}

static void expect_counts(struct kunit *test, struct counts before)
{
	u64 until = ktime_get_ns() + 2000000000ULL;
	struct counts after;

	/* A stopped kthread's stack and task_struct are freed a moment after kthread_stop(). */
	while ((long)nr_task_structs() != before.tasks && ktime_get_ns() < until)
		msleep(1);
	after = counts_now();

	KUNIT_EXPECT_EQ(test, after.files, before.files);
	KUNIT_EXPECT_EQ(test, after.inodes, before.inodes);
	KUNIT_EXPECT_EQ(test, after.dentries, before.dentries);
	KUNIT_EXPECT_EQ(test, after.tasks, before.tasks);
	KUNIT_EXPECT_EQ(test, after.pages, before.pages);
}

/* ---- the sink driver ----------------------------------------------------------- */

static DEFINE_SPINLOCK(sink_lock);
static char sink_buf[2048];
static size_t sink_len;

static ssize_t sink_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	unsigned long flags;

	spin_lock_irqsave(&sink_lock, flags);
	for (size_t i = 0; i < count && sink_len < sizeof(sink_buf) - 1; i++)
		sink_buf[sink_len++] = buf[i];
	sink_buf[sink_len] = '\0';
	spin_unlock_irqrestore(&sink_lock, flags);
	return count;
}

static void sink_reset(void)
{
	unsigned long flags;

	spin_lock_irqsave(&sink_lock, flags);
	sink_len = 0;
	sink_buf[0] = '\0';
	spin_unlock_irqrestore(&sink_lock, flags);
}

static const struct tty_operations sink_ops = {
	.write = sink_write,
};

static struct tty_port ktest_port;
static struct tty_struct *ktest_ttys[1];
static struct tty_port *ktest_ports[1];
static struct tty_driver ktest_driver = {
	.driver_name = "kunit",
	.name = "ttyKUNIT",
	.num = 1,
	.ops = &sink_ops,
	.ttys = ktest_ttys,
	.ports = ktest_ports,
};

/* Type s at the test tty, as its interrupt handler would. */
static void type(const char *s)
{
	while (*s)
		tty_insert_flip_char(&ktest_port, *s++, TTY_NORMAL);
	tty_flip_buffer_push(&ktest_port);
}

static char node_path[64];

static struct file *open_node(struct kunit *test, const char *name, unsigned int major,
			      unsigned int minor, int flags)
{
	struct file *f;
	int err;

	snprintf(node_path, sizeof(node_path), "%s/%s", TTY_TEST_DIR, name);
	err = init_mknod(node_path, S_IFCHR | 0666, new_encode_dev(MKDEV(major, minor)));
	KUNIT_EXPECT_EQ(test, err, 0);
	f = filp_open(node_path, flags, 0);
	KUNIT_EXPECT_EQ(test, init_unlink(node_path), 0);
	return f;
}

static bool setup_dir(struct kunit *test)
{
	int err = init_mkdir(TTY_TEST_DIR, 0755);

	KUNIT_EXPECT_EQ(test, err, 0);
	return err == 0;
}

static void remove_dir(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, init_rmdir(TTY_TEST_DIR), 0);
}

/* Register the sink driver, open its tty (flags | O_RDWR). NULL on failure. */
static struct file *ktest_open(struct kunit *test, int flags)
{
	struct file *f;
	int err;

	if (!setup_dir(test))
		return NULL;
	tty_port_init(&ktest_port);
	tty_port_link_device(&ktest_port, &ktest_driver, 0);
	ktest_driver.major = 0;
	ktest_driver.init_termios = tty_std_termios;
	err = tty_register_driver(&ktest_driver);
	KUNIT_EXPECT_EQ(test, err, 0);
	if (err) {
		remove_dir(test);
		return NULL;
	}
	sink_reset();
	f = open_node(test, "ttyKUNIT0", ktest_driver.major, 0, O_RDWR | flags);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (IS_ERR(f)) {
		tty_unregister_driver(&ktest_driver);
		remove_dir(test);
		return NULL;
	}
	return f;
}

static void ktest_close(struct kunit *test, struct file *f)
{
	filp_close(f, NULL);
	KUNIT_EXPECT_TRUE(test, ktest_ttys[0] == NULL);	/* the last close freed it */
	tty_unregister_driver(&ktest_driver);
	remove_dir(test);
}

/* kernel_read into buf, NUL-terminated; the count or -errno. */
static ssize_t read_str(struct file *f, char *buf, size_t size)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(f, buf, size - 1, &pos);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static ssize_t write_str(struct file *f, const char *s)
{
	loff_t pos = 0;

	return kernel_write(f, s, strlen(s), &pos);
}

/* ---- N_TTY: canonical mode ---------------------------------------------------------- */

static void tty_canon_line(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	char buf[64];

	if (!f)
		return;
	/* A line without its Enter is not readable yet. */
	type("hello");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	KUNIT_EXPECT_STREQ(test, sink_buf, "hello");		/* ECHO */
	type("\r");						/* ICRNL: CR -> NL */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "hello\n");
	KUNIT_EXPECT_STREQ(test, sink_buf, "hello\r\n");	/* OPOST|ONLCR on the echo */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);

	/* Two lines typed ahead: one read, one line. */
	type("one\rtwo\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "one\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "two\n");

	/* A line longer than the buffer: the rest comes with the next read. */
	type("abcdefgh\r");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, 4), 3);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "defgh\n");

	/* Control characters echo as ^X (ECHOCTL) and are stored as they are. */
	sink_reset();
	type("a\001\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "a^A\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_EQ(test, buf[1], '\001');
	ktest_close(test, f);
	expect_counts(test, before);
}

static void tty_canon_erase(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	char buf[64];

	if (!f)
		return;
	/* ^? (VERASE) and ^H both erase one character, echoing "\b \b" (ECHOE). */
	type("abx\177c");
	KUNIT_EXPECT_STREQ(test, sink_buf, "abx\b \bc");
	type("y\bd\r");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "abcd\n");
	KUNIT_EXPECT_STREQ(test, sink_buf, "abx\b \bcy\b \bd\r\n");

	/* Nothing to erase at the start of a line: nothing echoed. */
	sink_reset();
	type("\177\177q\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "q\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "q\n");

	/* An erased control character took two columns ("^A"). */
	sink_reset();
	type("\001\177z\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "^A\b \b\b \bz\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);

	/* A tab is backed over by the columns it took, from where the line began. */
	sink_reset();
	type("ab\t\177c\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "ab\t\b\b\b\b\b\bc\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "abc\n");

	/* ^U (VKILL) erases the whole line, ECHOKE: char by char. */
	sink_reset();
	type("abc\025de\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "abc\b \b\b \b\b \bde\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "de\n");

	/* ^W (VWERASE) erases the last word and the blanks after it. */
	type("one two  \027three\r");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 10);
	KUNIT_EXPECT_STREQ(test, buf, "one three\n");
	ktest_close(test, f);
	expect_counts(test, before);
}

static void tty_canon_eof(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	char buf[64];

	if (!f)
		return;
	/* ^D at the start of a line: read returns 0 (end of file); not echoed. */
	type("\004");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, sink_buf, "");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	/* ^D after text: the text, without a newline. */
	type("ab\004");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "ab");
	/* ^V makes the next byte literal: a ^D that does not end the line. */
	type("x\026\004y\r");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_EQ(test, buf[1], '\004');
	/* FIONREAD counts whole lines only, EOF markers not. */
	{
		int n = -1;

		type("abc\rde\004fg");
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, FIONREAD, &n), 0);
		KUNIT_EXPECT_EQ(test, n, 6);
		KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
		KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
		KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCFLSH, (void *)TCIFLUSH), 0);
		type("\r");
		KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 1);	/* "fg" was flushed */
	}
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ^C with ISIG: echoed, the line thrown away (the signal itself is issue 11's). */
static void tty_isig_flush(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	char buf[64];

	if (!f)
		return;
	type("one\rhalf\003");
	KUNIT_EXPECT_STREQ(test, sink_buf, "one\r\nhalf^C");	/* no newline: as Linux */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	type("ok\r\021\023");	/* ^Q ^S (IXON) are swallowed */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ok\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- output ------------------------------------------------------------------------ */

static void tty_output(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	struct termios t;

	if (!f)
		return;
	KUNIT_EXPECT_EQ(test, write_str(f, "a\nb\n"), 4);
	KUNIT_EXPECT_STREQ(test, sink_buf, "a\r\nb\r\n");	/* OPOST|ONLCR */
	/* Raw output without OPOST. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	t.c_oflag &= ~OPOST;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETSW, &t), 0);
	sink_reset();
	KUNIT_EXPECT_EQ(test, write_str(f, "c\nd"), 3);
	KUNIT_EXPECT_STREQ(test, sink_buf, "c\nd");
	/* XTABS expands tabs to the next multiple of 8. */
	t.c_oflag |= OPOST | XTABS;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	sink_reset();
	KUNIT_EXPECT_EQ(test, write_str(f, "\rab\tc"), 5);
	KUNIT_EXPECT_STREQ(test, sink_buf, "\rab      c");
	/* A long write goes out whole, in order. */
	{
		static char big[1500];

		for (size_t i = 0; i < sizeof(big) - 1; i++)
			big[i] = 'a' + i % 26;
		t.c_oflag &= ~OPOST;
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
		sink_reset();
		KUNIT_EXPECT_EQ(test, write_str(f, big), sizeof(big) - 1);
		KUNIT_EXPECT_EQ(test, sink_len, sizeof(big) - 1);
		KUNIT_EXPECT_TRUE(test, !memcmp(sink_buf, big, sizeof(big) - 1));
	}
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- termios ------------------------------------------------------------------------- */

static void tty_termios_modes(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	struct termios t, raw;
	char buf[64];

	if (!f)
		return;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_lflag, ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
					 ECHOKE | IEXTEN);
	/* ECHO off: nothing echoed, lines still edited. */
	raw = t;
	raw.c_lflag &= ~ECHO;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &raw), 0);
	type("pw\177x\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "px\n");
	/* ICANON off: bytes come as they are typed, editing characters included. */
	raw.c_lflag &= ~ICANON;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &raw), 0);
	type("q\177");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, buf[0], 'q');
	KUNIT_EXPECT_EQ(test, buf[1], '\177');
	/* VMIN 0: a read does not wait. */
	raw.c_cc[VMIN] = 0;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &raw), 0);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	/* Back to canonical: what raw mode left becomes a line; TCSETSF flushes. */
	type("zz");
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "zz");
	type("gone\r");
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETSF, &t), 0);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	/* The stored termios reads back. */
	t.c_cc[VERASE] = '\b';
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	memset(&raw, 0, sizeof(raw));
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &raw), 0);
	KUNIT_EXPECT_EQ(test, raw.c_cc[VERASE], '\b');
	KUNIT_EXPECT_TRUE(test, !memcmp(&raw, &t, sizeof(t)));
	/* Window size: 0x0 until set, then what was set. */
	{
		struct winsize ws = { 1, 2, 3, 4 };

		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGWINSZ, &ws), 0);
		KUNIT_EXPECT_EQ(test, ws.ws_row, 0);
		KUNIT_EXPECT_EQ(test, ws.ws_col, 0);
		ws = (struct winsize){ 40, 100, 0, 0 };
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCSWINSZ, &ws), 0);
		memset(&ws, 0, sizeof(ws));
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGWINSZ, &ws), 0);
		KUNIT_EXPECT_EQ(test, ws.ws_row, 40);
		KUNIT_EXPECT_EQ(test, ws.ws_col, 100);
	}
	/* What no layer knows; a user pointer that is not one. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGPGRP, buf), -ENOTTY);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, 0x5499, 0), -ENOTTY);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, 0x12345678, 0), -ENOTTY);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TCGETS, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TCSETS, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TIOCGWINSZ, (unsigned long)buf),
			-EFAULT);	/* a kernel address */
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TCFLSH, 7), -EINVAL);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- blocking reads ------------------------------------------------------------------ */

struct reader {
	struct file *f;
	char buf[64];
	ssize_t ret;
	bool done;
};

static int reader_fn(void *data)
{
	struct reader *r = data;

	r->ret = read_str(r->f, r->buf, sizeof(r->buf));
	WRITE_ONCE(r->done, true);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static struct tty_struct *ktest_tty(void)
{
	return ktest_ttys[0];
}

static bool has_reader(void)
{
	struct tty_struct *tty = ktest_tty();
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&tty->read_wait.lock, flags);
	ret = !list_empty(&tty->read_wait.head);
	spin_unlock_irqrestore(&tty->read_wait.lock, flags);
	return ret;
}

static bool wait_for(bool (*cond)(void), unsigned int ms)
{
	u64 until = ktime_get_ns() + ms * 1000000ULL;

	while (!cond() && ktime_get_ns() < until)
		msleep(1);
	return cond();
}

static struct reader *the_reader;

static bool reader_done(void)
{
	return READ_ONCE(the_reader->done);
}

static void tty_blocking_read(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	static struct reader r;
	struct task_struct *t;

	if (!f)
		return;
	r = (struct reader){ .f = f };
	the_reader = &r;
	t = kthread_run(reader_fn, &r, "tty-reader");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	/* It sleeps on read_wait; a partial line does not wake it for good. */
	KUNIT_EXPECT_TRUE(test, wait_for(has_reader, 3000));
	type("par");
	msleep(20);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(r.done));
	KUNIT_EXPECT_TRUE(test, has_reader());
	type("tial\r");
	KUNIT_EXPECT_TRUE(test, wait_for(reader_done, 3000));
	KUNIT_EXPECT_EQ(test, r.ret, 8);
	KUNIT_EXPECT_STREQ(test, r.buf, "partial\n");
	kthread_stop(t);

	/* A pending signal ends the wait: -ERESTARTSYS, nothing consumed. */
	r = (struct reader){ .f = f };
	t = kthread_run(reader_fn, &r, "tty-reader");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, wait_for(has_reader, 3000));
	__atomic_or_fetch(&t->thread_info.flags, 1UL << TIF_SIGPENDING, __ATOMIC_RELAXED);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, wait_for(reader_done, 3000));
	KUNIT_EXPECT_EQ(test, r.ret, -ERESTARTSYS);
	__atomic_and_fetch(&t->thread_info.flags, ~(1UL << TIF_SIGPENDING), __ATOMIC_RELAXED);
	if (!READ_ONCE(r.done))
		type("\r");	/* do not leave it asleep */
	kthread_stop(t);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* Lines typed from another CPU while a reader takes them: none lost or mixed. */
struct typist {
	unsigned int lines;
};

static int typist_fn(void *data)
{
	struct typist *ty = data;
	char line[32];

	for (unsigned int i = 0; i < ty->lines; i++) {
		snprintf(line, sizeof(line), "line %u\r", i);
		type(line);
		if (i % 8 == 0)
			msleep(1);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void tty_concurrent_lines(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	struct typist ty = { .lines = 200 };
	struct task_struct *t;
	unsigned int bad = 0;
	char buf[64], want[32];

	if (!f)
		return;
	t = kthread_run(typist_fn, &ty, "tty-typist");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	for (unsigned int i = 0; i < ty.lines; i++) {
		snprintf(want, sizeof(want), "line %u\n", i);
		if (read_str(f, buf, sizeof(buf)) != (ssize_t)strlen(want) || strcmp(buf, want))
			bad++;
	}
	KUNIT_EXPECT_EQ(test, bad, 0);
	kthread_stop(t);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- /dev/console and ttyS0 ----------------------------------------------------------- */

static struct tty_struct *serial_tty_before;

static void tty_console_serial(struct kunit *test)
{
	static const char typed[] = "# tty_kunit: a line typed at the serial console";
	struct counts before = counts_now();
	struct file *con, *ttys;
	struct termios t;
	struct winsize ws = { 1, 1, 1, 1 };
	char buf[96];

	if (!setup_dir(test))
		return;
	serial_tty_before = serial8250_tty_driver.ttys[0];
	con = open_node(test, "console", TTYAUX_MAJOR, 1, O_RDWR | O_NONBLOCK);
	ttys = open_node(test, "ttyS0", TTY_MAJOR, 64, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(con) && !IS_ERR(ttys));
	/* /dev/console is the last console='s tty: ttyS0 unless console=tty0 came last. */
	{
		int index;

		if (console_device(&index) == &serial8250_tty_driver)
			KUNIT_EXPECT_TRUE(test, file_tty(con) == file_tty(ttys));
		else
			KUNIT_EXPECT_STREQ(test, file_tty(con)->name, "tty1");
	}
	KUNIT_EXPECT_STREQ(test, file_tty(ttys)->name, "ttyS0");
	/* Linux's values on ttyS0 under QEMU (a static program's TCGETS there). */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_iflag, 02400);
	KUNIT_EXPECT_EQ(test, t.c_oflag, 05);
	KUNIT_EXPECT_EQ(test, t.c_cflag, 06275);
	KUNIT_EXPECT_EQ(test, t.c_lflag, 0105073);
	KUNIT_EXPECT_EQ(test, t.c_line, 0);
	{
		static const u8 cc[NCCS] = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15,
					     23, 22, 0, 0, 0 };

		KUNIT_EXPECT_TRUE(test, !memcmp(t.c_cc, cc, NCCS));
	}
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TIOCGWINSZ, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 0);	/* Linux's ttyS0: 0x0 */
	KUNIT_EXPECT_EQ(test, ws.ws_col, 0);
	KUNIT_EXPECT_EQ(test, ws.ws_xpixel, 0);

	/* Typed through the UART's receive path; the echo is a KTAP comment line. */
	/* Whatever someone typed at the console, whole lines or not. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TCFLSH, (void *)TCIFLUSH), 0);
	KUNIT_EXPECT_EQ(test, read_str(ttys, buf, sizeof(buf)), -EAGAIN);
	for (const char *p = typed; *p; p++)
		serial_rx_push(*p);
	serial_rx_push('\r');
	KUNIT_EXPECT_EQ(test, read_str(ttys, buf, sizeof(buf)), sizeof(typed));
	KUNIT_EXPECT_TRUE(test, !strncmp(buf, typed, sizeof(typed) - 1));
	KUNIT_EXPECT_EQ(test, buf[sizeof(typed) - 1], '\n');
	/* A write (processed by n_tty, then the UART): also a KTAP comment. */
	{
		static const char msg[] = "# tty_kunit: written to /dev/console\n";

		KUNIT_EXPECT_EQ(test, write_str(con, msg), sizeof(msg) - 1);
	}
	KUNIT_EXPECT_EQ(test, vfs_llseek(con, 0, SEEK_SET), -ESPIPE);
	filp_close(con, NULL);
	filp_close(ttys, NULL);
	/* PID 1 holds /dev/console open (fds 0-2): the tty lives on, or is freed with our close. */
	KUNIT_EXPECT_TRUE(test, serial8250_tty_driver.ttys[0] == serial_tty_before);
	if (!serial_tty_before)
		serial_rx_push('x');	/* closed: dropped, as Linux drops it */
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- the VGA console ------------------------------------------------------------------- */

static u16 vga_cell(unsigned int y, unsigned int x)
{
	return vc_cons[0].vc_sw->con_getc(&vc_cons[0], y, x);
}

static bool vga_row_is(unsigned int y, const char *s)
{
	for (unsigned int x = 0; x < 80; x++) {
		char want = *s ? *s++ : ' ';

		if ((vga_cell(y, x) & 0xff) != (u8)want)
			return false;
	}
	return true;
}

static unsigned int crtc_cursor(void)
{
	unsigned int pos;

	outb(0x0e, 0x3d4);
	pos = inb(0x3d5) << 8;
	outb(0x0f, 0x3d4);
	return pos | inb(0x3d5);
}

static void tty_vga(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f;
	struct winsize ws;
	struct termios t;
	char line[16];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (vt_console_wanted()) {
		kunit_skip(test, "console=tty0: the kernel log writes to the screen too");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_STREQ(test, file_tty(f)->name, "tty1");
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGWINSZ, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 25);
	KUNIT_EXPECT_EQ(test, ws.ws_col, 80);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_iflag, 042400);	/* Linux's tty1: IUTF8 too */
	KUNIT_EXPECT_EQ(test, t.c_cflag, 02277);

	/* Clear, home, two lines; the text lands in the 0xb8000 buffer. */
	KUNIT_EXPECT_EQ(test, write_str(f, "\033[H\033[2Jhello\nworld"), 18);
	KUNIT_EXPECT_TRUE(test, vga_row_is(0, "hello"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(1, "world"));
	KUNIT_EXPECT_EQ(test, vga_cell(0, 0), 0x0700 | 'h');	/* light grey on black */
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 80 + 5);	/* after "world" */
	/* Backspace, carriage return, erase to end of line, colours. */
	write_str(f, "\b\bX\rW\033[K\033[1;31mR\033[0m");
	KUNIT_EXPECT_TRUE(test, vga_row_is(1, "WR"));
	KUNIT_EXPECT_EQ(test, vga_cell(1, 1), 0x0c00 | 'R');	/* bright red */
	/* A full screen and more: it scrolls, the last line at the bottom. */
	for (int i = 0; i < 30; i++) {
		snprintf(line, sizeof(line), "\nrow %d", i);
		write_str(f, line);
	}
	KUNIT_EXPECT_TRUE(test, vga_row_is(24, "row 29"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(23, "row 28"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(0, "row 5"));
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 24 * 80 + 6);
	/* Writing the last column wraps only when the next character comes. */
	write_str(f, "\033[25;80Ha");
	KUNIT_EXPECT_EQ(test, vga_cell(24, 79) & 0xff, 'a');
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 24 * 80 + 79);
	write_str(f, "b");
	KUNIT_EXPECT_EQ(test, vga_cell(23, 79) & 0xff, 'a');
	KUNIT_EXPECT_TRUE(test, vga_row_is(24, "b"));
	write_str(f, "\033[H\033[J");
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- the keyboard ------------------------------------------------------------------------ */

static void scancodes(const u8 *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kbd_receive_scancode(codes[i]);
}

/* Press and release a set-1 key. */
static void key(u8 code)
{
	kbd_receive_scancode(code);
	kbd_receive_scancode(code | 0x80);
}

static void tty_keyboard(struct kunit *test)
{
	struct counts before = counts_now();
	struct termios t, raw;
	struct file *f;
	char buf[32];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	kbd_reset_state();
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCFLSH, (void *)TCIFLUSH), 0);
	/* a, Shift-b, 1, Shift-1, Enter ("\r" -> ICRNL). */
	key(0x1e);
	scancodes((const u8[]){ 0x2a, 0x30, 0xb0, 0xaa }, 4);
	key(0x02);
	scancodes((const u8[]){ 0x36, 0x02, 0x82, 0xb6 }, 4);
	key(0x1c);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "aB1!\n");
	/* Caps Lock (letters only), Backspace erases, keypad Enter (e0 1c). */
	key(0x3a);
	key(0x1f);		/* S */
	key(0x0c);		/* - (not shifted by Caps Lock) */
	key(0x2d);		/* X */
	key(0x0e);		/* Backspace: 0x7f, erases the X */
	key(0x3a);
	key(0x15);		/* y */
	scancodes((const u8[]){ 0xe0, 0x1c, 0xe0, 0x9c }, 4);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "S-y\n");
	/* Ctrl-D at the start of a line: end of file. */
	scancodes((const u8[]){ 0x1d, 0x20, 0xa0, 0x9d }, 4);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	/* Raw mode shows the bytes: arrows as ESC [ A, Ctrl-C, Alt-x, Tab, Esc. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	raw = t;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &raw), 0);
	scancodes((const u8[]){ 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x4b, 0xe0, 0xcb }, 8);
	scancodes((const u8[]){ 0x1d, 0x2e, 0xae, 0x9d }, 4);
	scancodes((const u8[]){ 0x38, 0x2d, 0xad, 0xb8 }, 4);
	key(0x0f);
	key(0x01);
	scancodes((const u8[]){ 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5 }, 6);	/* Pause: nothing */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 11);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "\033[A\033[D\003\033x\t\033", 11));
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	kbd_reset_state();
	filp_close(f, NULL);
	if (!console_driver.ttys[0])
		key(0x1e);	/* nobody has tty1 open: dropped */
	remove_dir(test);
	expect_counts(test, before);
}

/*
 * The whole path from the hardware: the i8042's "write output buffer"
 * command (0xd2) puts a byte in the controller as if the keyboard had
 * sent it, which raises IRQ 1 through the I/O APIC to i8042_interrupt().
 */
static bool i8042_idle(void)
{
	return !(inb(0x64) & 0x03);	/* nothing to read, nothing being written */
}

static bool i8042_feed(u8 data)
{
	if (!wait_for(i8042_idle, 1000))
		return false;
	outb(0xd2, 0x64);
	for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		cpu_relax();
	outb(data, 0x60);
	return wait_for(i8042_idle, 1000);	/* the interrupt handler took it */
}

static struct file *kbd_file;

static bool kbd_line_ready(void)
{
	int n = 0;

	return !tty_kernel_ioctl(kbd_file, FIONREAD, &n) && n > 0;
}

static void tty_keyboard_irq(struct kunit *test)
{
	static const u8 keys[] = { 0x23, 0xa3, 0x17, 0x97, 0x1c, 0x9c };	/* h i Enter */
	struct counts before = counts_now();
	struct file *f;
	char buf[16];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	kbd_reset_state();
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCFLSH, (void *)TCIFLUSH), 0);
	kbd_file = f;
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		KUNIT_EXPECT_TRUE(test, i8042_feed(keys[i]));
	KUNIT_EXPECT_TRUE(test, wait_for(kbd_line_ready, 2000));
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "hi\n");
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- printk consoles ----------------------------------------------------------------------- */

static char con_buf[8192];
static unsigned int con_len;

/* Runs under printk's lock: no locks, no printk. */
static void capture_write(struct console *co, const char *s, unsigned int count)
{
	for (unsigned int i = 0; i < count && con_len < sizeof(con_buf) - 1; i++)
		con_buf[con_len++] = s[i];
	con_buf[con_len] = '\0';
}

static struct console capture_console = {
	.name = "kunit",
	.write = capture_write,
};

static void tty_printk_console(struct kunit *test)
{
	unsigned long flags;

	/* Registered: each printk line reaches it, with the timestamp. */
	con_len = 0;
	capture_console.flags = 0;
	register_console(&capture_console);
	pr_info("tty_kunit: to every console\n");
	flags = console_lock_irqsave();	/* printk's own lock: the buffer is stable */
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "] tty_kunit: to every console\n") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "printk: console [kunit0] enabled") != NULL);
	KUNIT_EXPECT_EQ(test, con_buf[0], '[');
	console_unlock_irqrestore(flags);
	KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), 0);
	KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), -ENODEV);
	pr_info("tty_kunit: after unregistering\n");
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "after unregistering") == NULL);

	/* CON_PRINTBUFFER: the log so far comes first, from the oldest record on. */
	{
		static char first[128], head[160];
		u64 seq = READ_ONCE(log_first_seq);
		int level, n = printk_get_record(seq, NULL, &level, first, sizeof(first));

		KUNIT_EXPECT_GE(test, n, 0);
		con_len = 0;
		capture_console.flags = CON_PRINTBUFFER;
		register_console(&capture_console);
		KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), 0);
		/* "[    0.000000] " + the first record's text, unless the ring moved on meanwhile */
		snprintf(head, sizeof(head), "] %s", first);
		KUNIT_EXPECT_EQ(test, con_buf[0], '[');
		KUNIT_EXPECT_TRUE(test, READ_ONCE(log_first_seq) != seq ||
					(level >= console_loglevel) ||
					!strncmp(strchr(con_buf, ']'), head, strlen(head)));
		KUNIT_EXPECT_GT(test, con_len, 1000);
	}
}

static struct kunit_case tty_cases[] = {
	KUNIT_CASE(tty_canon_line),
	KUNIT_CASE(tty_canon_erase),
	KUNIT_CASE(tty_canon_eof),
	KUNIT_CASE(tty_isig_flush),
	KUNIT_CASE(tty_output),
	KUNIT_CASE(tty_termios_modes),
	KUNIT_CASE(tty_blocking_read),
	KUNIT_CASE(tty_concurrent_lines),
	KUNIT_CASE(tty_console_serial),
	KUNIT_CASE(tty_vga),
	KUNIT_CASE(tty_keyboard),
	KUNIT_CASE(tty_keyboard_irq),
	KUNIT_CASE(tty_printk_console),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
