// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the tty core and the N_TTY line discipline
 * (drivers/tty/tty_io.c, n_tty.c, tty_ioctl.c), through the VFS as a
 * program uses them: init_mknod() a node in TTY_TEST_DIR, filp_open(),
 * kernel_read()/kernel_write(), and the ioctls with kernel buffers
 * (tty_kernel_ioctl()) or through ->unlocked_ioctl for the -EFAULT and
 * -ENOTTY cases.
 *
 * The cases use a tty driver of their own, "ttyKUNIT" on a dynamic major,
 * whose ->write is a sink the test reads back (what the hardware would
 * have been sent: the echoes and the processed output), and whose port
 * the test feeds with tty_insert_flip_char()/tty_flip_buffer_push()
 * exactly as an interrupt handler does. The real consoles (ttyS0,
 * /dev/console, the VGA screen, the keyboard, printk consoles) are
 * tests/kernel/tty_console_kunit.c's.
 *
 * Every case checks that open files, inodes, dentries, free pages and
 * task structs are back where they started.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>

#include "tty_test.h"


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
	/* A second, O_NONBLOCK, reader does not queue up behind it (atomic_read_lock). */
	{
		char b[8];
		loff_t pos = 0;

		spin_lock(&f->f_lock);
		f->f_flags |= O_NONBLOCK;
		spin_unlock(&f->f_lock);
		KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), -EAGAIN);
		spin_lock(&f->f_lock);
		f->f_flags &= ~O_NONBLOCK;
		spin_unlock(&f->f_lock);
	}
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


static struct kunit_case tty_cases[] = {
	KUNIT_CASE(tty_canon_line),
	KUNIT_CASE(tty_canon_erase),
	KUNIT_CASE(tty_canon_eof),
	KUNIT_CASE(tty_isig_flush),
	KUNIT_CASE(tty_output),
	KUNIT_CASE(tty_termios_modes),
	KUNIT_CASE(tty_blocking_read),
	KUNIT_CASE(tty_concurrent_lines),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
