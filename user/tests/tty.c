// SPDX-License-Identifier: GPL-2.0
/*
 * The console tty from user space (user test suite, docs/tty.md): a new
 * session takes /dev/ttyS0 as its controlling terminal (TIOCSCTTY,
 * /dev/tty, tcgetpgrp/tcsetpgrp and their errors, TIOCGSID, TIOCGSERIAL
 * as cttyhack asks it, TIOCNOTTY), a background process group reading
 * gets SIGTTIN (stopped, or -EIO with SIGTTIN blocked) and may take the
 * foreground with SIGTTOU ignored, as a shell does; and non-canonical
 * reads with VMIN 0 and VTIME on the console.
 *
 * The console is the test suite's own output: every session that takes
 * it gives it back with TIOCNOTTY before it exits (a leader exiting with
 * it would hang it up, here and on Linux).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

#ifndef TIOCGPTN
#define TIOCGPTN 0x80045430
#endif
#define VT_GETSTATE 0x5603

/* Linux's struct serial_struct (include/uapi/linux/serial.h); only line is looked at. */
struct serial_struct_u {
	int type, line;
	unsigned int port;
	int irq, flags, xmit_fifo_size, custom_divisor, baud_base;
	unsigned short close_delay;
	char io_type, reserved_char[1];
	int hub6;
	unsigned short closing_wait, closing_wait2;
	unsigned char *iomem_base;
	unsigned short iomem_reg_shift;
	unsigned int port_high;
	unsigned long iomap_base;
	int reserved[1];
};

static int errno_of(long ret)
{
	return ret < 0 ? errno : 0;
}

/* A session leader with /dev/ttyS0 as its ctty, in the child that calls it; -1 on failure. */
static int take_console(void)
{
	int fd;

	signal(SIGHUP, SIG_IGN);	/* TIOCNOTTY sends it to our group */
	if (setsid() != getpid())
		return -1;
	fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);
	if (fd < 0 || ioctl(fd, TIOCSCTTY, 0))
		return -1;
	return fd;
}

static void give_back(int fd)
{
	ioctl(fd, TIOCNOTTY);
	close(fd);
}

static void ctty_child(void *arg)
{
	struct serial_struct_u ss;
	unsigned short vt[3];
	struct stat st;
	int fd, dt, v;

	(void)arg;
	signal(SIGHUP, SIG_IGN);
	EXPECT_EQ(setsid(), getpid());
	/* No ctty yet: /dev/tty is ENXIO; O_NOCTTY leaves it so. */
	EXPECT_EQ(errno_of(open("/dev/tty", O_RDWR)), ENXIO);
	fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);
	EXPECT(fd >= 0, "open /dev/ttyS0: %s", strerror(errno));
	if (fd < 0)
		_exit(1);
	EXPECT_EQ(errno_of(tcgetpgrp(fd)), ENOTTY);
	EXPECT_EQ(errno_of(ioctl(fd, TIOCGSID, &v)), ENOTTY);
	/* TIOCSCTTY: ours, our group in the foreground. */
	EXPECT_EQ(ioctl(fd, TIOCSCTTY, 0), 0);
	EXPECT_EQ(tcgetpgrp(fd), getpid());
	EXPECT_EQ(ioctl(fd, TIOCGSID, &v), 0);
	EXPECT_EQ(v, getpid());
	EXPECT_EQ(ioctl(fd, TIOCSCTTY, 0), 0);	/* already ours */
	dt = open("/dev/tty", O_RDWR);
	EXPECT(dt >= 0, "open /dev/tty: %s", strerror(errno));
	if (dt >= 0) {
		EXPECT_EQ(fstat(dt, &st), 0);
		EXPECT_EQ(major(st.st_rdev), 5);
		EXPECT_EQ(minor(st.st_rdev), 0);
		EXPECT_EQ(tcgetpgrp(dt), getpid());
		close(dt);
	}
	/* What cttyhack asks: a serial port, line 0; not a VT. */
	memset(&ss, 0xff, sizeof(ss));
	EXPECT_EQ(ioctl(fd, TIOCGSERIAL, &ss), 0);
	EXPECT_EQ(ss.line, 0);
	EXPECT_EQ(errno_of(ioctl(fd, VT_GETSTATE, vt)), ENOTTY);
	EXPECT_EQ(errno_of(ioctl(fd, TIOCGPTN, &v)), ENOTTY);
	/* tcsetpgrp's errors. */
	EXPECT_EQ(errno_of(tcsetpgrp(fd, -1)), EINVAL);
	EXPECT_EQ(errno_of(tcsetpgrp(fd, 0x7ffffff0)), ESRCH);
	EXPECT_EQ(errno_of(tcsetpgrp(fd, 1)), EPERM);	/* init: another session */
	EXPECT_EQ(tcsetpgrp(fd, getpid()), 0);
	/* TIOCNOTTY: no ctty any more. */
	EXPECT_EQ(ioctl(fd, TIOCNOTTY), 0);
	EXPECT_EQ(errno_of(tcgetpgrp(fd)), ENOTTY);
	EXPECT_EQ(errno_of(open("/dev/tty", O_RDWR)), ENXIO);
	EXPECT_EQ(errno_of(ioctl(fd, TIOCNOTTY)), ENOTTY);
	close(fd);
	_exit(case_failed);
}

static int t_tty_ctty(void)
{
	int status = run_child(ctty_child, NULL);

	EXPECT_EQ(status, 0);
	return case_failed;
}
UT_CASE("tty_ctty", t_tty_ctty);

/* In a background group: blocked SIGTTIN is EIO; SIGTTOU ignored lets it take the foreground. */
static void bg_grandchild(int fd)
{
	sigset_t set;
	char c;

	sigemptyset(&set);
	sigaddset(&set, SIGTTIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if (read(fd, &c, 1) != -1 || errno != EIO)
		_exit(20);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, getpid()))
		_exit(21);
	if (tcgetpgrp(fd) != getpid())
		_exit(22);
	if (tcsetpgrp(fd, getppid()))	/* the leader's group again */
		_exit(23);
	signal(SIGTTOU, SIG_DFL);
	/* Now a read with SIGTTIN at its default: the group is stopped. */
	(void)read(fd, &c, 1);
	_exit(24);
}

static void bg_child(void *arg)
{
	int fd = take_console(), status = -1;
	pid_t pid;

	(void)arg;
	if (fd < 0)
		_exit(10);
	pid = fork();
	if (pid == 0) {
		if (setpgid(0, 0))
			_exit(11);
		bg_grandchild(fd);
	}
	EXPECT(pid > 0, "fork: %s", strerror(errno));
	EXPECT_EQ(waitpid(pid, &status, WUNTRACED), pid);
	EXPECT(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN, "status 0x%x", status);
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "status 0x%x", status);
	}
	EXPECT_EQ(tcgetpgrp(fd), getpid());
	give_back(fd);
	_exit(case_failed);
}

static int t_tty_background(void)
{
	EXPECT_EQ(run_child(bg_child, NULL), 0);
	return case_failed;
}
UT_CASE("tty_background", t_tty_background);

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Non-canonical reads of the console with nobody typing: VMIN 0 returns 0, VTIME after it passed. */
static int t_tty_vtime(void)
{
	struct termios old, raw;
	long long t0;
	char buf[16];
	int fd = open("/dev/console", O_RDWR | O_NOCTTY), n = -1;

	EXPECT(fd >= 0, "open /dev/console: %s", strerror(errno));
	if (fd < 0)
		return case_failed;
	EXPECT_EQ(tcgetattr(fd, &old), 0);
	EXPECT_EQ(ioctl(fd, FIONREAD, &n), 0);
	raw = old;
	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	EXPECT_EQ(tcsetattr(fd, TCSANOW, &raw), 0);
	if (n == 0) {		/* nobody typed ahead */
		EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
		raw.c_cc[VTIME] = 2;
		EXPECT_EQ(tcsetattr(fd, TCSANOW, &raw), 0);
		t0 = now_ms();
		EXPECT_EQ(read(fd, buf, sizeof(buf)), 0);
		EXPECT(now_ms() - t0 >= 150, "VTIME 2 returned after %lld ms", now_ms() - t0);
	}
	EXPECT_EQ(tcsetattr(fd, TCSANOW, &old), 0);
	EXPECT_EQ(tcgetattr(fd, &raw), 0);
	EXPECT_EQ(raw.c_lflag, old.c_lflag);
	close(fd);
	return case_failed;
}
UT_CASE("tty_vtime", t_tty_vtime);
