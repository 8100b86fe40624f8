// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the tty core and the N_TTY line discipline
 * (drivers/tty/tty_io.c, n_tty.c, tty_ioctl.c), through the VFS as a
 * program uses them: init_mknod() a node in TTY_TEST_DIR, filp_open(),
 * kernel_read()/kernel_write(), and the ioctls with kernel buffers
 * (tty_kernel_ioctl()) or through ->unlocked_ioctl for the -EFAULT and
 * -ENOTTY cases.
 *
 * The cases use a tty driver of their own (tests/kernel/tty_sink.h),
 * "ttyKUNIT" on a dynamic major, whose ->write is a sink the test reads
 * back (what the hardware would have been sent: the echoes and the
 * processed output), and whose port the test feeds with
 * tty_insert_flip_char()/tty_flip_buffer_push() exactly as an interrupt
 * handler does. The real consoles (ttyS0,
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
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>

#include "tty_sink.h"

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

/* ^C with ISIG: echoed, the line thrown away (the signal: tests/kernel/tty_jobctrl_kunit.c). */
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

/* ---- non-canonical reads: VMIN and VTIME ---------------------------------------------- */

static void set_raw(struct kunit *test, struct file *f, u8 vmin, u8 vtime)
{
	struct termios t;

	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
}

static struct reader *start_reader(struct kunit *test, struct file *f, struct task_struct **t)
{
	static struct reader r;

	r = (struct reader){ .f = f };
	the_reader = &r;
	*t = kthread_run(reader_fn, &r, "tty-reader");
	KUNIT_EXPECT_TRUE(test, !IS_ERR(*t));
	if (IS_ERR(*t))
		return NULL;
	KUNIT_EXPECT_TRUE(test, wait_for(has_reader, 3000));
	return &r;
}

/* The four VMIN/VTIME cases of Linux's n_tty_read (no tight time checks: TCG is slow). */
static void tty_raw_vmin_vtime(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	struct task_struct *t;
	struct reader *r;
	char buf[64];
	u64 start;

	if (!f)
		return;
	/* MIN 0, TIME 0: a poll, nothing there is 0 (not -EAGAIN), what is there comes. */
	set_raw(test, f, 0, 0);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	type("xy");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_STREQ(test, buf, "xy");

	/* MIN 0, TIME 2: 0 after about 0.2 s without a byte; a byte ends the wait at once. */
	set_raw(test, f, 0, 2);
	start = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - start, 150000000ULL);
	r = start_reader(test, f, &t);
	if (r) {
		type("q");
		KUNIT_EXPECT_TRUE(test, wait_for(reader_done, 3000));
		KUNIT_EXPECT_EQ(test, r->ret, 1);
		KUNIT_EXPECT_STREQ(test, r->buf, "q");
		kthread_stop(t);
	}

	/* MIN 3, TIME 0: blocks until three bytes are there, then takes all there is. */
	set_raw(test, f, 3, 0);
	r = start_reader(test, f, &t);
	if (r) {
		type("ab");
		msleep(20);
		KUNIT_EXPECT_FALSE(test, READ_ONCE(r->done));
		type("cde");
		KUNIT_EXPECT_TRUE(test, wait_for(reader_done, 3000));
		KUNIT_EXPECT_GE(test, r->ret, 3);
		KUNIT_EXPECT_EQ(test, strncmp(r->buf, "abc", 3), 0);
		kthread_stop(t);
	}
	set_raw(test, f, 0, 0);
	while (read_str(f, buf, sizeof(buf)) > 0)
		;
	/* Five bytes there, MIN 2: one read takes all five. */
	set_raw(test, f, 2, 0);
	type("12345");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "12345");

	/* MIN 10, TIME 1: waits for the first byte, then returns when 0.1 s pass without one. */
	set_raw(test, f, 10, 1);
	r = start_reader(test, f, &t);
	if (r) {
		msleep(300);	/* no timer before the first byte */
		KUNIT_EXPECT_FALSE(test, READ_ONCE(r->done));
		type("ab");
		KUNIT_EXPECT_TRUE(test, wait_for(reader_done, 3000));
		KUNIT_EXPECT_EQ(test, r->ret, 2);
		KUNIT_EXPECT_STREQ(test, r->buf, "ab");
		kthread_stop(t);
	}
	/* O_NONBLOCK with MIN 1 and nothing there: -EAGAIN. */
	set_raw(test, f, 1, 0);
	spin_lock(&f->f_lock);
	f->f_flags |= O_NONBLOCK;
	spin_unlock(&f->f_lock);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- poll ---------------------------------------------------------------------------- */

static __poll_t poll_now(struct file *f)
{
	return f->f_op->poll(f, NULL);
}

static void tty_poll(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	char buf[64];

	if (!f)
		return;
	KUNIT_EXPECT_EQ(test, poll_now(f), EPOLLOUT | EPOLLWRNORM);
	type("half");		/* canonical: no line yet */
	KUNIT_EXPECT_FALSE(test, poll_now(f) & EPOLLIN);
	type("\r");
	KUNIT_EXPECT_EQ(test, poll_now(f), EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_FALSE(test, poll_now(f) & EPOLLIN);
	/* Raw, MIN 3, TIME 0: readable once three bytes are there (input_available_p). */
	set_raw(test, f, 3, 0);
	type("ab");
	KUNIT_EXPECT_FALSE(test, poll_now(f) & EPOLLIN);
	type("c");
	KUNIT_EXPECT_TRUE(test, poll_now(f) & EPOLLIN);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	/* With TIME set, one byte is enough. */
	set_raw(test, f, 3, 5);
	type("z");
	KUNIT_EXPECT_TRUE(test, poll_now(f) & EPOLLIN);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ---- flow control and echo flags -------------------------------------------------------- */

struct writer {
	struct file *f;
	ssize_t ret;
	bool done;
};

static struct writer *the_writer;

static int writer_fn(void *data)
{
	struct writer *w = data;

	w->ret = write_str(w->f, "held");
	WRITE_ONCE(w->done, true);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static bool writer_done(void)
{
	return READ_ONCE(the_writer->done);
}

/* IXON: ^S holds writers back until ^Q; TCXONC does the same from a program. */
static void tty_flow_control(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	static struct writer w;
	struct task_struct *t;

	if (!f)
		return;
	type("\023");		/* ^S */
	KUNIT_EXPECT_TRUE(test, ktest_tty()->flow_stopped);
	KUNIT_EXPECT_FALSE(test, poll_now(f) & EPOLLOUT);
	w = (struct writer){ .f = f };
	the_writer = &w;
	t = kthread_run(writer_fn, &w, "tty-writer");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	msleep(30);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(w.done));
	KUNIT_EXPECT_EQ(test, sink_len, 0);
	type("\021");		/* ^Q */
	KUNIT_EXPECT_TRUE(test, wait_for(writer_done, 3000));
	KUNIT_EXPECT_EQ(test, w.ret, 4);
	KUNIT_EXPECT_STREQ(test, sink_buf, "held");
	kthread_stop(t);
	/* An O_NONBLOCK writer gets -EAGAIN while output is stopped. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCXONC, (void *)TCOOFF), 0);
	spin_lock(&f->f_lock);
	f->f_flags |= O_NONBLOCK;
	spin_unlock(&f->f_lock);
	KUNIT_EXPECT_EQ(test, write_str(f, "x"), -EAGAIN);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCXONC, (void *)TCOON), 0);
	KUNIT_EXPECT_EQ(test, write_str(f, "x"), 1);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCXONC, (void *)9), -EINVAL);
	/* TCIOFF/TCION send the STOP and START bytes. */
	sink_reset();
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCXONC, (void *)TCIOFF), 0);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCXONC, (void *)TCION), 0);
	KUNIT_EXPECT_STREQ(test, sink_buf, "\023\021");
	/* ^C restarts stopped output, as Linux's n_tty_receive_signal_char. */
	type("\023");
	type("\003");
	KUNIT_EXPECT_FALSE(test, ktest_tty()->flow_stopped);
	ktest_close(test, f);
	expect_counts(test, before);
}

/* ECHONL without ECHO; ECHOCTL off; ^\ and ^Z echo; NOFLSH keeps the line. */
static void tty_echo_flags(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, O_NONBLOCK);
	struct termios t;
	char buf[64];

	if (!f)
		return;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	t.c_lflag &= ~ECHO;
	t.c_lflag |= ECHONL;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	type("secret\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 7);
	t.c_lflag |= ECHO | NOFLSH;
	t.c_lflag &= ~(ECHONL | ECHOCTL);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	sink_reset();
	type("ab\034\032c\r");	/* ^\ ^Z echoed raw, the line kept (NOFLSH) */
	KUNIT_EXPECT_STREQ(test, sink_buf, "ab\034\032c\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "abc\n");
	t.c_lflag |= ECHOCTL;
	t.c_lflag &= ~NOFLSH;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	sink_reset();
	type("ab\034");
	KUNIT_EXPECT_STREQ(test, sink_buf, "ab^\\");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	/* ISIG off: ^C is an ordinary byte, echoed as ^C and read. */
	t.c_lflag &= ~ISIG;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	sink_reset();
	type("\003\r");
	KUNIT_EXPECT_STREQ(test, sink_buf, "^C\r\n");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 2);
	KUNIT_EXPECT_EQ(test, buf[0], '\003');
	ktest_close(test, f);
	expect_counts(test, before);
}

/* The commands Linux answers, and -ENOTTY for the ones this tty does not have. */
static void tty_ioctl_answers(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = ktest_open(test, 0);
	struct serial_struct ss;
	struct vt_stat vs;
	int n = -1;

	if (!f)
		return;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGSERIAL, &ss), -ENOTTY);	/* not a UART */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, VT_GETSTATE, &vs), -ENOTTY);	/* not a VT */
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, 0x80045430, 0), -ENOTTY); /* TIOCGPTN */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSBRK, (void *)1), 0);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSBRKP, (void *)0), 0);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGETD, &n), 0);
	KUNIT_EXPECT_EQ(test, n, N_TTY);
	n = 2;
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCSETD, &n), -EINVAL);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCOUTQ, &n), 0);
	KUNIT_EXPECT_EQ(test, n, 0);
	/* Not our controlling terminal: the job-control queries say -ENOTTY. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGPGRP, &n), -ENOTTY);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGSID, &n), -ENOTTY);
	n = task_pgrp_nr(current);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCSPGRP, &n), -ENOTTY);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCNOTTY, NULL), -ENOTTY);
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
	KUNIT_CASE(tty_raw_vmin_vtime),
	KUNIT_CASE(tty_poll),
	KUNIT_CASE(tty_flow_control),
	KUNIT_CASE(tty_echo_flags),
	KUNIT_CASE(tty_ioctl_answers),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
