// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of pipes and FIFOs (fs/pipe.c), suite syscall.pipe: the
 * pipe/pipe2 errors, EOF, EPIPE, O_NONBLOCK, a blocked reader and a
 * blocked writer woken from a kernel thread, PIPE_BUF atomicity with two
 * writers, and named pipes' opens. How a case runs:
 * tests/kernel/syscall_test.h.
 */
#include "syscall_test.h"

/* ---- pipes ----------------------------------------------------------------------------- */

struct pipe_helper {
	struct file *file;
	int delay_ms;
	char fill;
	int writes;		/* of len bytes each; 0: one byte */
	int len;
	bool put_file;		/* the thread drops file when done (its last writer: EOF) */
	long result;
	bool done;
};

/* A kthread must not exit before kthread_stop() (which holds no reference till then). */
static void wait_for_stop(struct pipe_helper *h)
{
	WRITE_ONCE(h->done, true);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Sleep, then write one byte (wakes a blocked reader) or PIPE_BUF-byte records. */
static int pipe_writer(void *data)
{
	struct pipe_helper *h = data;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	long done = 0;

	if (!buf) {
		h->result = -ENOMEM;
		wait_for_stop(h);
		return 0;
	}
	memset(buf, h->fill, PAGE_SIZE);
	msleep(h->delay_ms);
	for (int i = 0; i < (h->writes ? h->writes : 1); i++) {
		loff_t pos = 0;
		ssize_t n = kernel_write(h->file, buf, h->writes ? h->len : 1, &pos);

		if (n < 0) {
			done = n;
			break;
		}
		done += n;
	}
	h->result = done;
	kfree(buf);
	if (h->put_file)
		fput(h->file);
	wait_for_stop(h);
	return 0;
}

/* Sleep, then read up to 64 KiB (wakes a blocked writer). */
static int pipe_reader(void *data)
{
	struct pipe_helper *h = data;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 0;

	msleep(h->delay_ms);
	h->result = buf ? kernel_read(h->file, buf, PAGE_SIZE, &pos) : -ENOMEM;
	kfree(buf);
	wait_for_stop(h);
	return 0;
}

SC_TEST(sc_pipe)
{
	int *fds = kalias(0);
	int *ip = kalias(64);
	char *buf = kalias(PAGE_SIZE);
	struct pipe_helper h = { 0 };
	struct task_struct *k;
	long r, total;
	int rfd, wfd;

	KUNIT_EXPECT_EQ(test, SC2(pipe2, U(0), O_DIRECT), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(pipe2, U(0), 0x1234), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC1(pipe, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(pipe, KPTR), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(pipe, NULL), -EFAULT);
	KUNIT_ASSERT_EQ(test, SC1(pipe, U(0)), 0);
	rfd = fds[0];
	wfd = fds[1];
	KUNIT_EXPECT_EQ(test, rfd, 0);	/* the failed calls left no fd behind */
	KUNIT_EXPECT_EQ(test, wfd, 1);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, ustr(PAGE_SIZE, "ping"), 4), 4);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, rfd, 0x541B, U(64)), 0);
	KUNIT_EXPECT_EQ(test, *ip, 4);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE + 100), 100), 4);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 100, "ping", 4), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, rfd, 0, SEEK_SET), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC4(pread64, rfd, U(PAGE_SIZE), 1, 0), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC4(pwrite64, wfd, U(PAGE_SIZE), 1, 0), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC3(write, rfd, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC3(read, wfd, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC1(fsync, wfd), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U_UNMAPPED, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 0), 0);
	/* fstat: a FIFO, rw for its owner, its own inode number. */
	KUNIT_EXPECT_EQ(test, SC2(fstat, rfd, U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, ((struct ustat *)kalias(2 * PAGE_SIZE))->st_mode, S_IFIFO | 0600);

	/* O_NONBLOCK: empty -> -EAGAIN; the ring holds 64 KiB, then -EAGAIN. */
	KUNIT_EXPECT_EQ(test, SC3(fcntl, rfd, 4, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, wfd, 4, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 1), -EAGAIN);
	total = 0;
	while ((r = SC3(write, wfd, U(PAGE_SIZE), 1000)) > 0 && total < (1 << 20))
		total += r;
	KUNIT_EXPECT_EQ(test, r, -EAGAIN);
	/* 1000-byte writes share pages: 4 per page, 16 pages. */
	KUNIT_EXPECT_EQ(test, total, 64 * 1000);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, rfd, 0x541B, U(64)), 0);
	KUNIT_EXPECT_EQ(test, *ip, 64000);
	/* Drain; then, with no writer left, end of file. */
	total = 0;
	while ((r = SC3(read, rfd, U(PAGE_SIZE), PAGE_SIZE)) > 0)
		total += r;
	KUNIT_EXPECT_EQ(test, total, 64000);
	KUNIT_EXPECT_EQ(test, r, -EAGAIN);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, rfd, 4, 0), 0);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, wfd, 4, 0), 0);

	/* A blocked reader is woken by a writer 50 ms later. */
	h = (struct pipe_helper){ .file = fget(wfd), .delay_ms = 50, .fill = 'w' };
	k = kthread_run(pipe_writer, &h, "pipe_writer");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 1);
	KUNIT_EXPECT_EQ(test, buf[0], 'w');
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, 1);

	/* A blocked writer (full ring) is woken by a reader. */
	total = 0;
	for (int i = 0; i < 16; i++)
		total += SC3(write, wfd, U(PAGE_SIZE), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, total, 16 * PAGE_SIZE);
	h = (struct pipe_helper){ .file = fget(rfd), .delay_ms = 50 };
	k = kthread_run(pipe_reader, &h, "pipe_reader");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 10), 10);
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, PAGE_SIZE);
	total = 0;
	SC3(fcntl, rfd, 4, O_NONBLOCK);
	while ((r = SC3(read, rfd, U(PAGE_SIZE), PAGE_SIZE)) > 0)
		total += r;
	KUNIT_EXPECT_EQ(test, total, 15 * PAGE_SIZE + 10);
	SC3(fcntl, rfd, 4, 0);

	/* EOF: data first, then 0 once the writer is closed. */
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 3), 3);
	KUNIT_EXPECT_EQ(test, SC1(close, wfd), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 3);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, rfd), 0);

	/* No reader: -EPIPE (and SIGPIPE, to the helper thread that wrote). */
	KUNIT_ASSERT_EQ(test, SC2(pipe2, U(0), O_CLOEXEC), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, fds[0], 1), 1);
	h = (struct pipe_helper){ .file = fget(fds[1]), .delay_ms = 0 };
	KUNIT_EXPECT_EQ(test, SC1(close, fds[0]), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fds[1]), 0);
	k = kthread_run(pipe_writer, &h, "pipe_epipe");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	/* kthread_stop() before the thread has run would skip it: wait for it first. */
	for (int i = 0; i < 5000 && !READ_ONCE(h.done); i++)
		msleep(1);
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, -EPIPE);
}

/* Open TDIR/ff for writing (blocks until a reader), write one byte, close. */
static int fifo_writer(void *data)
{
	struct pipe_helper *h = data;
	struct file *f;

	msleep(h->delay_ms);
	f = filp_open(TDIR "/ff", O_WRONLY, 0);
	if (IS_ERR(f)) {
		h->result = PTR_ERR(f);
	} else {
		loff_t pos = 0;

		h->result = kernel_write(f, "x", 1, &pos);
		fput(f);
	}
	wait_for_stop(h);
	return 0;
}

SC_TEST(sc_fifo)
{
	struct ustat *st = kalias(PAGE_SIZE);
	char *buf = kalias(2 * PAGE_SIZE);
	struct pipe_helper h = { 0 };
	struct task_struct *k;
	long r, w;

	KUNIT_ASSERT_EQ(test, SC3(mknod, ustr(0, TDIR "/ff"), S_IFIFO | 0600, 0), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFIFO | 0600);
	/* Non-blocking: a writer without a reader is -ENXIO; a reader opens at once. */
	KUNIT_EXPECT_EQ(test, SC3(open, U(0), O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	r = SC3(open, U(0), O_RDONLY | O_NONBLOCK, 0);
	KUNIT_ASSERT_TRUE(test, r >= 0);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 0);	/* no writer: EOF */
	w = SC3(open, U(0), O_WRONLY | O_NONBLOCK, 0);
	KUNIT_ASSERT_TRUE(test, w >= 0);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), -EAGAIN);
	KUNIT_EXPECT_EQ(test, SC3(write, w, ustr(3 * PAGE_SIZE, "hi"), 2), 2);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 2);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "hi", 2), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, r, 0, SEEK_SET), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC1(close, w), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, r), 0);
	/* A blocking reader waits for a writer (a kthread, 50 ms later). */
	h.delay_ms = 50;
	k = kthread_run(fifo_writer, &h, "fifo_writer");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	r = SC3(open, U(0), O_RDONLY, 0);
	KUNIT_EXPECT_GE(test, r, 0);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 1);
	KUNIT_EXPECT_EQ(test, buf[0], 'x');
	for (int i = 0; i < 5000 && !READ_ONCE(h.done); i++)
		msleep(1);
	kthread_stop(k);
	KUNIT_EXPECT_EQ(test, h.result, 1);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, r), 0);
	/* O_RDWR never waits, and talks to itself. */
	r = SC3(open, U(0), O_RDWR, 0);
	KUNIT_ASSERT_TRUE(test, r >= 0);
	KUNIT_EXPECT_EQ(test, SC3(write, r, ustr(3 * PAGE_SIZE, "loop"), 4), 4);
	KUNIT_EXPECT_EQ(test, SC3(read, r, U(2 * PAGE_SIZE), 8), 4);
	KUNIT_EXPECT_EQ(test, SC1(close, r), 0);
}

/*
 * Two writers of 1000-byte records (at most PIPE_BUF: atomic): every record
 * arrives whole. 1000 does not divide a page, so records are appended to a
 * partly filled buffer, which must hold the whole record or none of it.
 */
#define REC 1000
#define RECS 200
SC_TEST(sc_pipe_atomic)
{
	int *fds = kalias(0);
	char *buf = kalias(PAGE_SIZE);
	struct pipe_helper h[2];
	struct task_struct *k[2];
	int got[2] = { 0, 0 }, torn = 0;
	long r;

	KUNIT_ASSERT_EQ(test, SC1(pipe, U(0)), 0);
	for (int i = 0; i < 2; i++) {
		h[i] = (struct pipe_helper){ .file = fget(fds[1]), .delay_ms = 1,
					     .fill = 'A' + i, .writes = RECS, .len = REC,
					     .put_file = true };
		k[i] = kthread_run(pipe_writer, &h[i], "pipe_atomic%d", i);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(k[i]));
	}
	KUNIT_EXPECT_EQ(test, SC1(close, fds[1]), 0);
	/* Read exactly one record at a time until both writers are done (EOF). */
	for (;;) {
		long have = 0;

		while (have < REC) {
			r = SC3(read, fds[0], U(PAGE_SIZE + have), REC - have);
			if (r <= 0)
				break;
			have += r;
		}
		if (have < REC) {
			KUNIT_EXPECT_EQ(test, have, 0);
			break;
		}
		for (long j = 1; j < REC; j++)
			if (buf[j] != buf[0]) {
				torn++;
				break;
			}
		if (buf[0] == 'A' || buf[0] == 'B')
			got[buf[0] - 'A']++;
	}
	for (int i = 0; i < 2; i++) {
		kthread_stop(k[i]);
		KUNIT_EXPECT_EQ(test, h[i].result, RECS * REC);
	}
	KUNIT_EXPECT_EQ(test, torn, 0);
	KUNIT_EXPECT_EQ(test, got[0], RECS);
	KUNIT_EXPECT_EQ(test, got[1], RECS);
	KUNIT_EXPECT_EQ(test, SC1(close, fds[0]), 0);
}

static struct kunit_case syscall_pipe_cases[] = {
	KUNIT_CASE(sc_pipe),
	KUNIT_CASE(sc_pipe_atomic),
	KUNIT_CASE(sc_fifo),
	{}
};

static struct kunit_suite syscall_pipe_suite = {
	.name = "syscall.pipe",
	.test_cases = syscall_pipe_cases,
};
kunit_test_suite(syscall_pipe_suite);
