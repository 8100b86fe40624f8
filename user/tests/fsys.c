// SPDX-License-Identifier: GPL-2.0
/*
 * Files for user space (user test suite, docs/user.md; issue 11): poll,
 * ppoll, select and pselect6 on pipes and files (fs/select.c, pipe_poll),
 * pipes blocking and not, EPIPE with SIGPIPE, sendfile, access/faccessat2,
 * utimensat, chmod/chown, mount/umount2 of tmpfs and proc, sethostname,
 * prctl, and #! scripts (fs/binfmt_script.c). Every case passes on Linux
 * too (run as root in a VM).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* ---- poll ------------------------------------------------------------------------- */

static int t_poll_pipe(void)
{
	int p[2];
	struct pollfd fds[2];
	char c;

	EXPECT_EQ(pipe(p), 0);
	/* Empty: the reader is not ready, the writer is. */
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	EXPECT_EQ(poll(fds, 2, 0), 1);
	EXPECT_EQ(fds[0].revents, 0);
	EXPECT_EQ(fds[1].revents, POLLOUT);
	/* Readable after a write. */
	EXPECT_EQ(write(p[1], "x", 1), 1);
	EXPECT_EQ(poll(fds, 1, 1000), 1);
	EXPECT_EQ(fds[0].revents, POLLIN);
	EXPECT_EQ(read(p[0], &c, 1), 1);
	/* A timeout with nothing ready returns 0, after about that long. */
	long long t0 = now_ms();
	EXPECT_EQ(poll(fds, 1, 100), 0);
	EXPECT_EQ(fds[0].revents, 0);
	EXPECT(now_ms() - t0 >= 95, "poll(100) returned after %lld ms", now_ms() - t0);
	/* A writer blocked in another process wakes the poller. */
	pid_t pid = fork();
	if (pid == 0) {
		usleep(100000);
		_exit(write(p[1], "y", 1) == 1 ? 0 : 1);
	}
	EXPECT_EQ(poll(fds, 1, 10000), 1);
	EXPECT_EQ(fds[0].revents, POLLIN);
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(read(p[0], &c, 1), 1);
	/* The writer gone: POLLHUP (not POLLIN) on an empty pipe, even unasked. */
	close(p[1]);
	fds[0].events = 0;
	EXPECT_EQ(poll(fds, 1, 1000), 1);
	EXPECT_EQ(fds[0].revents, POLLHUP);
	/* A closed fd: POLLNVAL; a negative one is ignored. */
	fds[0] = (struct pollfd){ .fd = p[1], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 77 };
	EXPECT_EQ(poll(fds, 2, 0), 1);
	EXPECT_EQ(fds[0].revents, POLLNVAL);
	EXPECT_EQ(fds[1].revents, 0);
	close(p[0]);
	/* The reader gone: the writer sees POLLERR (and POLLOUT: there is room). */
	EXPECT_EQ(pipe(p), 0);
	close(p[0]);
	fds[0] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
	EXPECT_EQ(poll(fds, 1, 0), 1);
	EXPECT_EQ(fds[0].revents, POLLOUT | POLLERR);
	close(p[1]);
	return CASE_PASS;
}
UT_CASE("poll_pipe", t_poll_pipe);

static int t_poll_errors(void)
{
	struct pollfd fd = { .fd = 0, .events = POLLIN };
	struct rlimit rl;
	int f;

	/* More fds than RLIMIT_NOFILE: EINVAL. */
	EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &rl), 0);
	errno = 0;
	EXPECT_EQ(poll(&fd, rl.rlim_cur + 1, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	/* A bad array: EFAULT. */
	errno = 0;
	EXPECT_EQ(poll((struct pollfd *)8, 1, 0), -1);
	EXPECT_EQ(errno, EFAULT);
	/* nfds 0 with a timeout: a sleep. */
	EXPECT_EQ(poll(NULL, 0, 20), 0);
	/* A regular file is always ready for reading and writing. */
	f = open("/tmp/.fsys_poll", O_RDWR | O_CREAT | O_TRUNC, 0600);
	EXPECT(f >= 0, "open: %s", strerror(errno));
	fd = (struct pollfd){ .fd = f, .events = POLLIN | POLLOUT | POLLPRI };
	EXPECT_EQ(poll(&fd, 1, -1), 1);
	EXPECT_EQ(fd.revents, POLLIN | POLLOUT);
	close(f);
	unlink("/tmp/.fsys_poll");
	/* ppoll: a bad timespec is EINVAL, a bad sigsetsize EINVAL. */
	struct timespec bad = { 0, 1000000000 };
	errno = 0;
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 1, &bad, NULL, 8), -1);
	EXPECT_EQ(errno, EINVAL);
	sigset_t ss;
	sigemptyset(&ss);
	struct timespec zero = { 0, 0 };
	errno = 0;
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 0, &zero, &ss, 4), -1);
	EXPECT_EQ(errno, EINVAL);
	return CASE_PASS;
}
UT_CASE("poll_errors", t_poll_errors);

static volatile sig_atomic_t got_sig;

static void on_sig(int sig)
{
	got_sig = sig;
}

static int t_ppoll_timeout_sigmask(void)
{
	int p[2];
	struct pollfd fd;
	struct timespec ts = { 0, 100 * 1000000 };
	long long t0;

	EXPECT_EQ(pipe(p), 0);
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	/* The time left is written back: 0 after a timeout (raw: musl passes a copy). */
	t0 = now_ms();
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 1, &ts, NULL, 8), 0);
	EXPECT(now_ms() - t0 >= 95, "ppoll 100 ms took %lld ms", now_ms() - t0);
	EXPECT_EQ(ts.tv_sec, 0);
	EXPECT_EQ(ts.tv_nsec, 0);
	/* Ready at once: most of the time is left. */
	EXPECT_EQ(write(p[1], "x", 1), 1);
	ts = (struct timespec){ 5, 0 };
	EXPECT_EQ(syscall(SYS_ppoll, &fd, 1, &ts, NULL, 8), 1);
	EXPECT(ts.tv_sec >= 4 && ts.tv_sec <= 5, "left %ld.%09ld", (long)ts.tv_sec, ts.tv_nsec);
	/* The mask ppoll installs is the caller's again afterwards. */
	sigset_t block, old, during;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	EXPECT_EQ(sigprocmask(SIG_SETMASK, &block, &old), 0);
	sigemptyset(&during);
	sigaddset(&during, SIGUSR2);
	ts = (struct timespec){ 0, 0 };
	EXPECT_EQ(ppoll(&fd, 1, &ts, &during), 1);
	sigset_t now;
	EXPECT_EQ(sigprocmask(SIG_SETMASK, NULL, &now), 0);
	EXPECT(sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2), "mask not restored");
	EXPECT_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	close(p[0]);
	close(p[1]);
	return CASE_PASS;
}
UT_CASE("ppoll_timeout_sigmask", t_ppoll_timeout_sigmask);

/* A signal with a handler ends a poll with EINTR. */
static void poll_eintr_child(void *arg)
{
	int p[2], status;
	struct pollfd fd;
	struct sigaction sa = { .sa_handler = on_sig };

	EXPECT_EQ(pipe(p), 0);
	sigemptyset(&sa.sa_mask);
	got_sig = 0;
	/* The child sends SIGUSR1 while we sleep in poll. */
	pid_t me = getpid(), pid = fork();
	if (pid == 0) {
		usleep(200000);
		kill(me, SIGUSR1);
		_exit(0);
	}
	EXPECT_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	fd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	errno = 0;
	EXPECT_EQ(poll(&fd, 1, 10000), -1);
	EXPECT_EQ(errno, EINTR);
	EXPECT_EQ(got_sig, SIGUSR1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	_exit(case_failed);
}

static int t_poll_eintr(void)
{
	int status = run_child(poll_eintr_child, NULL);

	/* A kernel without signal frames kills instead of running the handler. */
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1) {
		ktap_diag("SIGUSR1's handler did not run (no signal frames yet): skipped");
		return CASE_SKIP;
	}
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status 0x%x", status);
	return CASE_PASS;
}
UT_CASE("poll_eintr", t_poll_eintr);

/* ---- select ----------------------------------------------------------------------- */

static int t_select_pipe(void)
{
	int p[2], q[2];
	fd_set rd, wr;
	struct timeval tv;

	EXPECT_EQ(pipe(p), 0);
	EXPECT_EQ(pipe(q), 0);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(q[0], &rd);
	FD_SET(p[1], &wr);
	EXPECT_EQ(write(q[1], "x", 1), 1);
	tv = (struct timeval){ 1, 0 };
	/* One readable (q), one writable (p[1]); the rest cleared (raw: musl passes a copy of tv). */
	EXPECT_EQ(syscall(SYS_select, FD_SETSIZE, &rd, &wr, NULL, &tv), 2);
	EXPECT(!FD_ISSET(p[0], &rd), "p[0] readable");
	EXPECT(FD_ISSET(q[0], &rd), "q[0] not readable");
	EXPECT(FD_ISSET(p[1], &wr), "p[1] not writable");
	/* The time left was written back, and some was left. */
	EXPECT(tv.tv_sec == 0 || tv.tv_sec == 1, "tv_sec %ld", (long)tv.tv_sec);
	EXPECT(tv.tv_sec * 1000000 + tv.tv_usec > 500000, "left %ld.%06ld", (long)tv.tv_sec,
	       (long)tv.tv_usec);
	/* A timeout: 0, sets cleared, tv zero. */
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv = (struct timeval){ 0, 100000 };
	long long t0 = now_ms();
	EXPECT_EQ(syscall(SYS_select, p[0] + 1, &rd, NULL, NULL, &tv), 0);
	EXPECT(now_ms() - t0 >= 95, "select 100 ms took %lld ms", now_ms() - t0);
	EXPECT(!FD_ISSET(p[0], &rd), "set not cleared");
	EXPECT_EQ(tv.tv_sec, 0);
	EXPECT_EQ(tv.tv_usec, 0);
	/* EOF is readable. */
	close(p[1]);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	EXPECT_EQ(select(p[0] + 1, &rd, NULL, NULL, NULL), 1);
	EXPECT(FD_ISSET(p[0], &rd), "EOF not readable");
	/* A set bit for a closed fd: EBADF. */
	FD_ZERO(&rd);
	FD_SET(p[1], &rd);
	errno = 0;
	EXPECT_EQ(select(p[1] + 1, &rd, NULL, NULL, NULL), -1);
	EXPECT_EQ(errno, EBADF);
	/* Negative n, negative time: EINVAL. */
	errno = 0;
	EXPECT_EQ(select(-1, NULL, NULL, NULL, NULL), -1);
	EXPECT_EQ(errno, EINVAL);
	tv = (struct timeval){ -1, 0 };
	errno = 0;
	EXPECT_EQ(syscall(SYS_select, 0, NULL, NULL, NULL, &tv), -1);
	EXPECT_EQ(errno, EINVAL);
	/* A bad set: EFAULT. */
	errno = 0;
	EXPECT_EQ(syscall(SYS_select, 1, (fd_set *)8, NULL, NULL, NULL), -1);
	EXPECT_EQ(errno, EFAULT);
	/* n beyond any fd is clamped, not refused (Linux: max_fds). */
	FD_ZERO(&rd);
	FD_SET(q[0], &rd);
	tv = (struct timeval){ 0, 0 };
	EXPECT_EQ(syscall(SYS_select, 1 << 20, &rd, NULL, NULL, &tv), 1);
	close(p[0]);
	close(q[0]);
	close(q[1]);
	return CASE_PASS;
}
UT_CASE("select_pipe", t_select_pipe);

static int t_pselect6(void)
{
	int p[2];
	fd_set rd;
	struct timespec ts = { 0, 50 * 1000000 };
	sigset_t mask;

	EXPECT_EQ(pipe(p), 0);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	sigemptyset(&mask);
	EXPECT_EQ(pselect(p[0] + 1, &rd, NULL, NULL, &ts, &mask), 0);
	/* pselect6's raw form writes the time left back (glibc/musl hide a copy). */
	struct timespec raw = { 0, 50 * 1000000 };
	struct { const sigset_t *p; size_t size; } arg = { &mask, 8 };
	FD_SET(p[0], &rd);
	EXPECT_EQ(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &raw, &arg), 0);
	EXPECT_EQ(raw.tv_sec, 0);
	EXPECT_EQ(raw.tv_nsec, 0);
	/* A wrong sigset size: EINVAL. */
	arg.size = 4;
	raw = (struct timespec){ 0, 0 };
	errno = 0;
	EXPECT_EQ(syscall(SYS_pselect6, p[0] + 1, &rd, NULL, NULL, &raw, &arg), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(write(p[1], "x", 1), 1);
	FD_SET(p[0], &rd);
	EXPECT_EQ(pselect(p[0] + 1, &rd, NULL, NULL, NULL, NULL), 1);
	EXPECT(FD_ISSET(p[0], &rd), "not readable");
	close(p[0]);
	close(p[1]);
	return CASE_PASS;
}
UT_CASE("pselect6", t_pselect6);

/* ---- prctl, hostname ---------------------------------------------------------------- */

static int t_prctl(void)
{
	char name[32];

	memset(name, 'x', sizeof(name));
	EXPECT_EQ(prctl(PR_SET_NAME, "fsys-test-name-too-long"), 0);
	EXPECT_EQ(prctl(PR_GET_NAME, name), 0);
	/* 15 bytes and the NUL. */
	EXPECT(!strcmp(name, "fsys-test-name-"), "name \"%s\"", name);
	EXPECT_EQ(prctl(PR_SET_NAME, "short"), 0);
	EXPECT_EQ(prctl(PR_GET_NAME, name), 0);
	EXPECT(!strcmp(name, "short"), "name \"%s\"", name);
	/* /proc/self/comm says the same once procfs is mounted. */
	int f = open("/proc/self/comm", O_RDONLY);
	if (f >= 0) {
		char buf[32] = "";
		EXPECT_EQ(read(f, buf, sizeof(buf)), 6);
		EXPECT(!strcmp(buf, "short\n"), "comm \"%s\"", buf);
		close(f);
	}
	errno = 0;
	EXPECT_EQ(prctl(PR_SET_NAME, (char *)8), -1);
	EXPECT_EQ(errno, EFAULT);

	int sig = -1;
	EXPECT_EQ(prctl(PR_GET_PDEATHSIG, &sig), 0);
	EXPECT_EQ(sig, 0);
	EXPECT_EQ(prctl(PR_SET_PDEATHSIG, SIGUSR1), 0);
	EXPECT_EQ(prctl(PR_GET_PDEATHSIG, &sig), 0);
	EXPECT_EQ(sig, SIGUSR1);
	errno = 0;
	EXPECT_EQ(prctl(PR_SET_PDEATHSIG, 65), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(prctl(PR_SET_PDEATHSIG, 0), 0);

	EXPECT_EQ(prctl(PR_GET_DUMPABLE), 1);
	EXPECT_EQ(prctl(PR_SET_DUMPABLE, 0), 0);
	EXPECT_EQ(prctl(PR_GET_DUMPABLE), 0);
	errno = 0;
	EXPECT_EQ(prctl(PR_SET_DUMPABLE, 2), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(prctl(PR_SET_DUMPABLE, 1), 0);

	EXPECT_EQ(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 0);
	errno = 0;
	EXPECT_EQ(prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
	EXPECT_EQ(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), 1);

	int r = -1;
	EXPECT_EQ(prctl(PR_GET_CHILD_SUBREAPER, &r), 0);
	EXPECT_EQ(r, 0);
	EXPECT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	EXPECT_EQ(prctl(PR_GET_CHILD_SUBREAPER, &r), 0);
	EXPECT_EQ(r, 1);

	errno = 0;
	EXPECT_EQ(prctl(12345, 0, 0, 0, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	return CASE_PASS;
}
UT_CASE("prctl", t_prctl);

/* PR_SET_PDEATHSIG: the child hears of its parent's exit. */
static int t_pdeathsig(void)
{
	int p[2], status;
	pid_t mid;

	EXPECT_EQ(pipe(p), 0);
	mid = fork();
	if (mid == 0) {
		pid_t kid = fork();
		if (kid == 0) {
			sigset_t s;
			int sig;

			sigemptyset(&s);
			sigaddset(&s, SIGUSR2);
			sigprocmask(SIG_BLOCK, &s, NULL);
			prctl(PR_SET_PDEATHSIG, SIGUSR2);
			(void)!write(p[1], "r", 1);	/* ready: the parent may go */
			/* Wait for it to be pending (blocked), at most ~10 s. */
			sig = 0;
			for (int i = 0; i < 1000 && !sig; i++) {
				sigset_t pend;

				sigpending(&pend);
				sig = sigismember(&pend, SIGUSR2);
				if (!sig)
					usleep(10000);
			}
			(void)!write(p[1], sig ? "y" : "n", 1);
			_exit(0);
		}
		char c;
		(void)!read(p[0], &c, 1);
		_exit(0);
	}
	EXPECT_EQ(waitpid(mid, &status, 0), mid);
	close(p[1]);
	char c = 0;
	EXPECT_EQ(read(p[0], &c, 1), 1);
	EXPECT_EQ(c, 'y');
	close(p[0]);
	return CASE_PASS;
}
UT_CASE("pdeathsig", t_pdeathsig);

static int t_sethostname(void)
{
	struct utsname u;
	char old[65], big[80];

	EXPECT_EQ(uname(&u), 0);
	strcpy(old, u.nodename);
	EXPECT_EQ(sethostname("linnet-test", 11), 0);
	EXPECT_EQ(uname(&u), 0);
	EXPECT(!strcmp(u.nodename, "linnet-test"), "nodename \"%s\"", u.nodename);
	int f = open("/proc/sys/kernel/hostname", O_RDONLY);
	if (f >= 0) {
		char buf[80] = "";
		EXPECT(read(f, buf, sizeof(buf)) > 0, "read: %s", strerror(errno));
		EXPECT(!strcmp(buf, "linnet-test\n"), "hostname file \"%s\"", buf);
		close(f);
	}
	memset(big, 'a', sizeof(big));
	errno = 0;
	EXPECT_EQ(sethostname(big, 65), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(sethostname(big, 64), 0);
	EXPECT_EQ(uname(&u), 0);
	EXPECT_EQ(strlen(u.nodename), 64);
	errno = 0;
	EXPECT_EQ(sethostname((char *)8, 4), -1);
	EXPECT_EQ(errno, EFAULT);
	EXPECT_EQ(setdomainname("example", 7), 0);
	EXPECT_EQ(uname(&u), 0);
	EXPECT(!strcmp(u.domainname, "example"), "domainname \"%s\"", u.domainname);
	EXPECT_EQ(sethostname(old, strlen(old)), 0);
	return CASE_PASS;
}
UT_CASE("sethostname", t_sethostname);

/* ---- mount --------------------------------------------------------------------------- */

#define MNT "/tmp/.fsys_mnt"

static int t_mount_tmpfs(void)
{
	struct stat st;
	int f;

	mkdir("/tmp", 01777);
	mkdir(MNT, 0755);
	EXPECT_EQ(mount("none", MNT, "tmpfs", MS_NOSUID, "size=64k,mode=0711"), 0);
	EXPECT_EQ(stat(MNT, &st), 0);
	EXPECT_EQ(st.st_mode, S_IFDIR | 0711);
	f = open(MNT "/file", O_RDWR | O_CREAT, 0644);
	EXPECT(f >= 0, "open: %s", strerror(errno));
	EXPECT_EQ(write(f, "hello", 5), 5);
	/* In use: EBUSY. */
	errno = 0;
	EXPECT_EQ(umount(MNT), -1);
	EXPECT_EQ(errno, EBUSY);
	/* /proc/mounts lists it with Linux's options. */
	int m = open("/proc/mounts", O_RDONLY);
	if (m >= 0) {
		char buf[4096];
		ssize_t n = read(m, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = 0;
		EXPECT(strstr(buf, "none " MNT " tmpfs rw,nosuid,relatime,size=64k,mode=711,inode64 0 0\n"),
		       "/proc/mounts:\n%s", buf);
		close(m);
	}
	close(f);
	/* Remount read-only... and back. */
	EXPECT_EQ(mount(NULL, MNT, NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	EXPECT_EQ(mount(NULL, MNT, NULL, MS_REMOUNT, NULL), 0);
	EXPECT_EQ(umount(MNT), 0);
	/* The file went with the mount. */
	errno = 0;
	EXPECT_EQ(stat(MNT "/file", &st), -1);
	EXPECT_EQ(errno, ENOENT);
	/* Not a mount point any more: EINVAL. */
	errno = 0;
	EXPECT_EQ(umount(MNT), -1);
	EXPECT_EQ(errno, EINVAL);
	/* Lazy: gone from the tree at once, the open file still works. */
	EXPECT_EQ(mount("t2", MNT, "tmpfs", 0, NULL), 0);
	f = open(MNT "/f", O_RDWR | O_CREAT, 0644);
	EXPECT(f >= 0, "open: %s", strerror(errno));
	EXPECT_EQ(umount2(MNT, MNT_DETACH), 0);
	EXPECT_EQ(stat(MNT "/f", &st), -1);
	EXPECT_EQ(write(f, "x", 1), 1);
	close(f);
	/* A bind mount shows the same files. */
	mkdir(MNT "/sub", 0755);
	f = open(MNT "/sub/x", O_RDWR | O_CREAT, 0644);
	close(f);
	mkdir(MNT "2", 0755);
	EXPECT_EQ(mount(MNT "/sub", MNT "2", NULL, MS_BIND, NULL), 0);
	EXPECT_EQ(stat(MNT "2/x", &st), 0);
	EXPECT_EQ(umount(MNT "2"), 0);
	EXPECT_EQ(stat(MNT "2/x", &st), -1);
	unlink(MNT "/sub/x");
	rmdir(MNT "/sub");
	rmdir(MNT "2");
	/* Errors: unknown type, not a directory, no such target, bad options, bad flags. */
	errno = 0;
	EXPECT_EQ(mount("none", MNT, "nosuchfs", 0, NULL), -1);
	EXPECT_EQ(errno, ENODEV);
	f = open(MNT "/plain", O_RDWR | O_CREAT, 0644);
	close(f);
	errno = 0;
	EXPECT_EQ(mount("none", MNT "/plain", "tmpfs", 0, NULL), -1);
	EXPECT_EQ(errno, ENOTDIR);
	unlink(MNT "/plain");
	errno = 0;
	EXPECT_EQ(mount("none", MNT "/nope", "tmpfs", 0, NULL), -1);
	EXPECT_EQ(errno, ENOENT);
	errno = 0;
	EXPECT_EQ(mount("none", MNT, "tmpfs", 0, "bogus=1"), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(mount("none", MNT, (char *)8, 0, NULL), -1);
	EXPECT_EQ(errno, EFAULT);
	errno = 0;
	EXPECT_EQ(umount2(MNT, 0x100), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(umount("/"), -1);
	EXPECT(errno == EINVAL || errno == EBUSY, "umount /: %s", strerror(errno));
	rmdir(MNT);
	return CASE_PASS;
}
UT_CASE("mount_tmpfs", t_mount_tmpfs);

static int t_mount_proc(void)
{
	struct stat st;

	mkdir("/tmp", 01777);
	mkdir(MNT, 0755);
	if (mount("proc", MNT, "proc", 0, NULL) != 0) {
		EXPECT_EQ(errno, ENODEV);	/* no procfs in this kernel yet */
		rmdir(MNT);
		return CASE_SKIP;
	}
	EXPECT_EQ(stat(MNT "/self", &st), 0);
	char path[64];
	snprintf(path, sizeof(path), MNT "/%d", getpid());
	EXPECT_EQ(stat(path, &st), 0);
	EXPECT(S_ISDIR(st.st_mode), "mode 0%o", st.st_mode);
	EXPECT_EQ(umount(MNT), 0);
	rmdir(MNT);
	return CASE_PASS;
}
UT_CASE("mount_proc", t_mount_proc);

/* ---- #! scripts ------------------------------------------------------------------------ */

static int write_file(const char *path, const char *text, mode_t mode)
{
	int f = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (f < 0)
		return -1;
	if (write(f, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(f);
		return -1;
	}
	close(f);
	return chmod(path, mode);
}

/* exec path with argv in a child, its stdout into out; the errno of a failed exec, or 0. */
static int run_exec(const char *path, char *const argv[], char *out, size_t size)
{
	int p[2], status;
	ssize_t n, total = 0;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		char *envp[] = { "PATH=/bin", NULL };

		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execve(path, argv, envp);
		_exit(100 + errno);
	}
	close(p[1]);
	while ((size_t)total < size - 1 && (n = read(p[0], out + total, size - 1 - total)) > 0)
		total += n;
	out[total] = 0;
	close(p[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) >= 100 ? WEXITSTATUS(status) - 100 : 0;
}

#define S1 "/tmp/.fsys_s1"
#define S2 "/tmp/.fsys_s2"

static int t_script(void)
{
	char out[1024], line[400];

	mkdir("/tmp", 01777);
	/* The interpreter, its one argument (inner blanks kept, trailing cut), the path, argv[1..]. */
	EXPECT_EQ(write_file(S1, "#!  /bin/echo  -x  a b  \t\nrest of the script\n", 0755), 0);
	char *argv1[] = { "whatever", "x", "y", NULL };
	EXPECT_EQ(run_exec(S1, argv1, out, sizeof(out)), 0);
	EXPECT(!strcmp(out, "-x  a b " S1 " x y\n"), "out \"%s\"", out);
	/* No argument; argv[0] only: the script path is the last word. */
	EXPECT_EQ(write_file(S1, "#!/bin/echo\n", 0755), 0);
	char *argv2[] = { "s1", NULL };
	EXPECT_EQ(run_exec(S1, argv2, out, sizeof(out)), 0);
	EXPECT(!strcmp(out, S1 "\n"), "out \"%s\"", out);
	/* A script whose interpreter is a script. */
	EXPECT_EQ(write_file(S1, "#!/bin/echo one\n", 0755), 0);
	EXPECT_EQ(write_file(S2, "#!" S1 " two\n", 0755), 0);
	char *argv3[] = { "s2", "z", NULL };
	EXPECT_EQ(run_exec(S2, argv3, out, sizeof(out)), 0);
	EXPECT(!strcmp(out, "one " S1 " two " S2 " z\n"), "out \"%s\"", out);
	/* A line longer than the 256-byte buffer: the argument is cut at byte 255. */
	strcpy(line, "#!/bin/echo ");
	memset(line + 12, 'a', 300);
	strcpy(line + 312, "\n");
	EXPECT_EQ(write_file(S1, line, 0755), 0);
	EXPECT_EQ(run_exec(S1, argv2, out, sizeof(out)), 0);
	EXPECT_EQ(strlen(out), 243 + 1 + strlen(S1) + 1);
	EXPECT(!strncmp(out, "aaaa", 4) && out[243] == ' ', "out \"%s\"", out);
	unlink(S2);
	unlink(S1);
	return CASE_PASS;
}
UT_CASE("script", t_script);

static int t_script_errors(void)
{
	char out[256], line[400];
	char *argv[] = { "s", NULL };

	mkdir("/tmp", 01777);
	/* A missing interpreter: ENOENT. */
	EXPECT_EQ(write_file(S1, "#!/nonexistent/interp\n", 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ENOENT);
	/* An interpreter that is not executable: EACCES. */
	EXPECT_EQ(write_file(S2, "plain text\n", 0644), 0);
	EXPECT_EQ(write_file(S1, "#!" S2 "\n", 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), EACCES);
	/* Executable but neither ELF nor #!: ENOEXEC (and so is a script naming it). */
	EXPECT_EQ(chmod(S2, 0755), 0);
	EXPECT_EQ(run_exec(S2, argv, out, sizeof(out)), ENOEXEC);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ENOEXEC);
	/* "#!" and only blanks: ENOEXEC. */
	EXPECT_EQ(write_file(S1, "#!   \n", 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ENOEXEC);
	/* An interpreter path longer than the buffer (no blank, no newline in it): ENOEXEC. */
	strcpy(line, "#!/");
	memset(line + 3, 'p', 300);
	strcpy(line + 303, "\n");
	EXPECT_EQ(write_file(S1, line, 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ENOEXEC);
	/* A script that names itself: ELOOP after the rewrites. */
	EXPECT_EQ(write_file(S1, "#!" S1 "\n", 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ELOOP);
	/* Two scripts naming each other: the same. */
	EXPECT_EQ(write_file(S1, "#!" S2 "\n", 0755), 0);
	EXPECT_EQ(write_file(S2, "#!" S1 "\n", 0755), 0);
	EXPECT_EQ(run_exec(S1, argv, out, sizeof(out)), ELOOP);
	/* Five levels are fine: s5 -> s4 -> ... -> s0 -> echo. */
	char name[32], text[64];
	EXPECT_EQ(write_file("/tmp/.fsys_l0", "#!/bin/echo deep\n", 0755), 0);
	for (int i = 1; i <= 5; i++) {
		snprintf(name, sizeof(name), "/tmp/.fsys_l%d", i);
		snprintf(text, sizeof(text), "#!/tmp/.fsys_l%d\n", i - 1);
		EXPECT_EQ(write_file(name, text, 0755), 0);
	}
	EXPECT_EQ(run_exec("/tmp/.fsys_l4", argv, out, sizeof(out)), 0);
	EXPECT(!strncmp(out, "deep /tmp/.fsys_l0 /tmp/.fsys_l1", 32), "out \"%s\"", out);
	/* ... and six are one too many. */
	EXPECT_EQ(run_exec("/tmp/.fsys_l5", argv, out, sizeof(out)), ELOOP);
	for (int i = 0; i <= 5; i++) {
		snprintf(name, sizeof(name), "/tmp/.fsys_l%d", i);
		unlink(name);
	}
	unlink(S1);
	unlink(S2);
	return CASE_PASS;
}
UT_CASE("script_errors", t_script_errors);

/* ---- pipes --------------------------------------------------------------------------- */

static int t_pipe_modes(void)
{
	int p[2], status;
	char buf[70000];
	struct sigaction sa = { .sa_handler = SIG_IGN }, old;

	/* O_NONBLOCK: an empty pipe reads EAGAIN, a full one writes EAGAIN after what fit. */
	EXPECT_EQ(pipe2(p, O_NONBLOCK), 0);
	errno = 0;
	EXPECT_EQ(read(p[0], buf, 1), -1);
	EXPECT_EQ(errno, EAGAIN);
	memset(buf, 'p', sizeof(buf));
	EXPECT_EQ(write(p[1], buf, sizeof(buf)), 65536);
	errno = 0;
	EXPECT_EQ(write(p[1], buf, 1), -1);
	EXPECT_EQ(errno, EAGAIN);
	/* F_GETPIPE_SZ says 64 KiB; F_SETPIPE_SZ cannot go below what it holds. */
	EXPECT_EQ(fcntl(p[1], F_GETPIPE_SZ), 65536);
	errno = 0;
	EXPECT_EQ(fcntl(p[1], F_SETPIPE_SZ, 4096), -1);
	EXPECT_EQ(errno, EBUSY);
	/* Room for less than PIPE_BUF: a small write is all or nothing. */
	EXPECT_EQ(read(p[0], buf, 100), 100);
	errno = 0;
	EXPECT_EQ(write(p[1], buf, 200), -1);
	EXPECT_EQ(errno, EAGAIN);
	close(p[0]);
	close(p[1]);
	/* F_SETPIPE_SZ rounds up to a power-of-two number of pages; data survive a resize. */
	EXPECT_EQ(pipe2(p, O_NONBLOCK), 0);
	EXPECT_EQ(write(p[1], "abc", 3), 3);
	EXPECT_EQ(fcntl(p[0], F_SETPIPE_SZ, 5000), 8192);
	EXPECT_EQ(fcntl(p[0], F_GETPIPE_SZ), 8192);
	/* 70000 % 4096 bytes join the first page, then one fresh page: Linux's pipe_write. */
	EXPECT_EQ(write(p[1], buf, sizeof(buf)), 70000 % 4096 + 4096);
	EXPECT_EQ(read(p[0], buf, 3), 3);
	EXPECT(!memcmp(buf, "abc", 3), "lost the data");
	/* Two pages in use: one slot is too few. */
	errno = 0;
	EXPECT_EQ(fcntl(p[0], F_SETPIPE_SZ, 0), -1);
	EXPECT_EQ(errno, EBUSY);
	EXPECT_EQ(fcntl(p[1], F_SETPIPE_SZ, 1 << 20), 1 << 20);
	errno = 0;
	EXPECT_EQ(fcntl(0x7fffffff, F_GETPIPE_SZ), -1);
	EXPECT_EQ(errno, EBADF);
	int nf = open("/", O_RDONLY);
	errno = 0;
	EXPECT_EQ(fcntl(nf, F_GETPIPE_SZ), -1);
	EXPECT_EQ(errno, EBADF);
	close(nf);
	close(p[0]);
	close(p[1]);
	/* Blocking: a reader sleeps until a writer comes; EOF when it goes. */
	EXPECT_EQ(pipe(p), 0);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		usleep(100000);
		(void)!write(p[1], "late", 4);
		_exit(0);
	}
	close(p[1]);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 4);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	close(p[0]);
	/* No reader: EPIPE, with SIGPIPE (ignored here; the default kills). */
	EXPECT_EQ(pipe(p), 0);
	close(p[0]);
	EXPECT_EQ(sigaction(SIGPIPE, &sa, &old), 0);
	errno = 0;
	EXPECT_EQ(write(p[1], "x", 1), -1);
	EXPECT_EQ(errno, EPIPE);
	EXPECT_EQ(sigaction(SIGPIPE, &old, NULL), 0);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		(void)!write(p[1], "x", 1);
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE, "status 0x%x", status);
	close(p[1]);
	/* Writers of PIPE_BUF-sized records never interleave inside one. */
	EXPECT_EQ(pipe(p), 0);
	for (int w = 0; w < 2; w++) {
		if (fork() == 0) {
			char rec[4096];

			close(p[0]);
			memset(rec, 'a' + w, sizeof(rec));
			for (int i = 0; i < 32; i++)
				if (write(p[1], rec, sizeof(rec)) != sizeof(rec))
					_exit(1);
			_exit(0);
		}
	}
	close(p[1]);
	long total = 0, bad = 0;
	for (;;) {
		char rec[4096];
		size_t got = 0;
		ssize_t n;

		while (got < sizeof(rec) && (n = read(p[0], rec + got, sizeof(rec) - got)) > 0)
			got += n;
		if (!got)
			break;
		for (size_t i = 1; i < got; i++)
			bad += rec[i] != rec[0];
		total += got;
	}
	EXPECT_EQ(total, 2 * 32 * 4096);
	EXPECT_EQ(bad, 0);
	while (wait(&status) > 0)
		EXPECT_EQ(status, 0);
	close(p[0]);
	return CASE_PASS;
}
UT_CASE("pipe_modes", t_pipe_modes);

/* ---- sendfile ------------------------------------------------------------------------ */

#define SF "/tmp/.fsys_sf"

static int t_sendfile(void)
{
	char data[20000], buf[20000];
	int in, out, p[2];
	off_t off;

	mkdir("/tmp", 01777);
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = 'A' + i % 26;
	EXPECT_EQ(write_file(SF, "", 0644), 0);
	in = open(SF, O_RDWR);
	EXPECT_EQ(write(in, data, sizeof(data)), sizeof(data));
	EXPECT_EQ(lseek(in, 0, SEEK_SET), 0);
	/* File to file, from f_pos: both positions move. */
	out = open(SF "2", O_RDWR | O_CREAT | O_TRUNC, 0644);
	EXPECT_EQ(sendfile(out, in, NULL, 5000), 5000);
	EXPECT_EQ(lseek(in, 0, SEEK_CUR), 5000);
	EXPECT_EQ(lseek(out, 0, SEEK_CUR), 5000);
	/* With an offset: the offset moves, f_pos does not; count past EOF is cut. */
	off = 15000;
	EXPECT_EQ(sendfile(out, in, &off, 10000), 5000);
	EXPECT_EQ(off, 20000);
	EXPECT_EQ(lseek(in, 0, SEEK_CUR), 5000);
	EXPECT_EQ(pread(out, buf, sizeof(buf), 0), 10000);
	EXPECT(!memcmp(buf, data, 5000) && !memcmp(buf + 5000, data + 15000, 5000), "data differ");
	/* At EOF: 0. */
	off = 20000;
	EXPECT_EQ(sendfile(out, in, &off, 100), 0);
	/* File to pipe: what the pipe has room for. */
	EXPECT_EQ(pipe(p), 0);
	off = 100;
	EXPECT_EQ(sendfile(p[1], in, &off, 3000), 3000);
	EXPECT_EQ(read(p[0], buf, sizeof(buf)), 3000);
	EXPECT(!memcmp(buf, data + 100, 3000), "pipe data differ");
	/* Pipe to file: EINVAL (no splice_read on a pipe's read end). */
	errno = 0;
	EXPECT_EQ(sendfile(out, p[0], NULL, 10), -1);
	EXPECT_EQ(errno, EINVAL);
	/* A nonblocking full pipe: EAGAIN. */
	int q[2];
	EXPECT_EQ(pipe2(q, O_NONBLOCK), 0);
	off = 0;
	long moved = 0, r;
	while ((r = sendfile(q[1], in, &off, sizeof(data))) > 0) {
		moved += r;
		if (off >= (off_t)sizeof(data))
			off = 0;
	}
	EXPECT_EQ(r, -1);
	EXPECT_EQ(errno, EAGAIN);
	/* 16 page slots; a short read at EOF leaves its slot part empty. */
	EXPECT(moved > 60000 && moved <= 65536, "moved %ld", moved);
	close(q[0]);
	close(q[1]);
	/* Errors: bad fds, wrong modes, O_APPEND, bad offset pointer, negative offset. */
	errno = 0;
	EXPECT_EQ(sendfile(out, 999, NULL, 1), -1);
	EXPECT_EQ(errno, EBADF);
	errno = 0;
	EXPECT_EQ(sendfile(999, in, NULL, 1), -1);
	EXPECT_EQ(errno, EBADF);
	int ro = open(SF, O_RDONLY);
	errno = 0;
	EXPECT_EQ(sendfile(ro, in, NULL, 1), -1);
	EXPECT_EQ(errno, EBADF);
	int wo = open(SF, O_WRONLY);
	errno = 0;
	EXPECT_EQ(sendfile(out, wo, NULL, 1), -1);
	EXPECT_EQ(errno, EBADF);
	int ap = open(SF "2", O_WRONLY | O_APPEND);
	errno = 0;
	EXPECT_EQ(sendfile(ap, in, NULL, 1), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(sendfile(out, in, (off_t *)8, 1), -1);
	EXPECT_EQ(errno, EFAULT);
	off = -1;
	errno = 0;
	EXPECT_EQ(sendfile(out, in, &off, 1), -1);
	EXPECT_EQ(errno, EINVAL);
	/* An offset on a pipe input would be ESPIPE, but a pipe input is EINVAL first? no: ESPIPE. */
	off = 0;
	errno = 0;
	EXPECT_EQ(sendfile(out, p[0], &off, 1), -1);
	EXPECT_EQ(errno, ESPIPE);
	close(ro);
	close(wo);
	close(ap);
	close(p[0]);
	close(p[1]);
	close(in);
	close(out);
	unlink(SF);
	unlink(SF "2");
	return CASE_PASS;
}
UT_CASE("sendfile", t_sendfile);

/* ---- access, utimensat, chmod, chown ---------------------------------------------------- */

static int t_access(void)
{
	mkdir("/tmp", 01777);
	EXPECT_EQ(write_file(SF, "x", 0), 0);
	/* Root reads and writes anything; X needs some x bit (a directory: always). */
	EXPECT_EQ(access(SF, F_OK), 0);
	EXPECT_EQ(access(SF, R_OK | W_OK), 0);
	errno = 0;
	EXPECT_EQ(access(SF, X_OK), -1);
	EXPECT_EQ(errno, EACCES);
	EXPECT_EQ(chmod(SF, 0010), 0);
	EXPECT_EQ(access(SF, X_OK), 0);
	EXPECT_EQ(chmod(SF, 0), 0);
	EXPECT_EQ(access("/tmp", X_OK), 0);
	errno = 0;
	EXPECT_EQ(access("/tmp/.fsys_none", F_OK), -1);
	EXPECT_EQ(errno, ENOENT);
	errno = 0;
	EXPECT_EQ(access(SF, 8), -1);
	EXPECT_EQ(errno, EINVAL);
	/* faccessat2: flags. */
	EXPECT_EQ(syscall(SYS_faccessat2, AT_FDCWD, SF, R_OK, AT_EACCESS), 0);
	errno = 0;
	EXPECT_EQ(syscall(SYS_faccessat2, AT_FDCWD, SF, R_OK, 0x1), -1);
	EXPECT_EQ(errno, EINVAL);
	/* A dangling symlink: ENOENT followed, fine with AT_SYMLINK_NOFOLLOW. */
	unlink(SF "l");
	EXPECT_EQ(symlink("/tmp/.fsys_none", SF "l"), 0);
	errno = 0;
	EXPECT_EQ(syscall(SYS_faccessat2, AT_FDCWD, SF "l", F_OK, 0), -1);
	EXPECT_EQ(errno, ENOENT);
	EXPECT_EQ(syscall(SYS_faccessat2, AT_FDCWD, SF "l", F_OK, AT_SYMLINK_NOFOLLOW), 0);
	/* AT_EMPTY_PATH: the fd itself. */
	int f = open(SF, O_RDONLY);
	EXPECT_EQ(syscall(SYS_faccessat2, f, "", R_OK, AT_EMPTY_PATH), 0);
	errno = 0;
	EXPECT_EQ(syscall(SYS_faccessat2, f, "", R_OK, 0), -1);
	EXPECT_EQ(errno, ENOENT);
	close(f);
	/* The old faccessat has no flags argument: the fourth is ignored. */
	EXPECT_EQ(syscall(SYS_faccessat, AT_FDCWD, SF, R_OK, 0x1), 0);
	unlink(SF "l");
	unlink(SF);
	return CASE_PASS;
}
UT_CASE("access", t_access);

static int t_utimensat_chmod_chown(void)
{
	struct stat st;
	struct timespec ts[2];
	int f;

	mkdir("/tmp", 01777);
	EXPECT_EQ(write_file(SF, "x", 0644), 0);
	/* Explicit times. */
	ts[0] = (struct timespec){ 1000, 5 };
	ts[1] = (struct timespec){ 2000, 7 };
	EXPECT_EQ(utimensat(AT_FDCWD, SF, ts, 0), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_atim.tv_sec, 1000);
	EXPECT_EQ(st.st_atim.tv_nsec, 5);
	EXPECT_EQ(st.st_mtim.tv_sec, 2000);
	EXPECT_EQ(st.st_mtim.tv_nsec, 7);
	/* UTIME_OMIT keeps one, UTIME_NOW sets it to now. */
	ts[0] = (struct timespec){ 0, UTIME_OMIT };
	ts[1] = (struct timespec){ 0, UTIME_NOW };
	EXPECT_EQ(utimensat(AT_FDCWD, SF, ts, 0), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_atim.tv_sec, 1000);
	EXPECT(st.st_mtim.tv_sec > 100000, "mtime %ld", (long)st.st_mtim.tv_sec);
	/* futimens: the fd. */
	f = open(SF, O_RDONLY);
	ts[0] = (struct timespec){ 3000, 0 };
	ts[1] = (struct timespec){ 4000, 0 };
	EXPECT_EQ(futimens(f, ts), 0);
	EXPECT_EQ(fstat(f, &st), 0);
	EXPECT_EQ(st.st_atim.tv_sec, 3000);
	EXPECT_EQ(st.st_mtim.tv_sec, 4000);
	/* The raw NULL-path form with a flag: EINVAL. */
	errno = 0;
	EXPECT_EQ(syscall(SYS_utimensat, f, NULL, ts, AT_SYMLINK_NOFOLLOW), -1);
	EXPECT_EQ(errno, EINVAL);
	/* Bad nanoseconds: EINVAL; bad flags: EINVAL; bad pointer: EFAULT. */
	ts[0] = (struct timespec){ 0, 1000000000 };
	errno = 0;
	EXPECT_EQ(utimensat(AT_FDCWD, SF, ts, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(utimensat(AT_FDCWD, SF, NULL, 0x4000), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(syscall(SYS_utimensat, AT_FDCWD, SF, (struct timespec *)8, 0), -1);
	EXPECT_EQ(errno, EFAULT);
	/* A symlink's own times with AT_SYMLINK_NOFOLLOW. */
	unlink(SF "l");
	EXPECT_EQ(symlink(SF, SF "l"), 0);
	ts[0] = (struct timespec){ 5000, 0 };
	ts[1] = (struct timespec){ 6000, 0 };
	EXPECT_EQ(utimensat(AT_FDCWD, SF "l", ts, AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_EQ(lstat(SF "l", &st), 0);
	EXPECT_EQ(st.st_mtim.tv_sec, 6000);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_mtim.tv_sec, 4000);
	/* chmod keeps the type and the 07777 bits given. */
	EXPECT_EQ(chmod(SF, 04751), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_mode, S_IFREG | 04751);
	EXPECT_EQ(fchmod(f, 0600), 0);
	EXPECT_EQ(fstat(f, &st), 0);
	EXPECT_EQ(st.st_mode, S_IFREG | 0600);
	EXPECT_EQ(fchmodat(AT_FDCWD, SF, 0640, 0), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_mode & 07777, 0640);
	/* chown: -1 keeps; a setuid bit goes on a chown of a regular file. */
	EXPECT_EQ(chown(SF, 12, 34), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_uid, 12);
	EXPECT_EQ(st.st_gid, 34);
	EXPECT_EQ(fchown(f, -1, 56), 0);
	EXPECT_EQ(fstat(f, &st), 0);
	EXPECT_EQ(st.st_uid, 12);
	EXPECT_EQ(st.st_gid, 56);
	EXPECT_EQ(chmod(SF, 04755), 0);
	EXPECT_EQ(chown(SF, 0, -1), 0);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_mode & 07777, 0755);
	/* lchown changes the link, chown its target. */
	EXPECT_EQ(lchown(SF "l", 77, 88), 0);
	EXPECT_EQ(lstat(SF "l", &st), 0);
	EXPECT_EQ(st.st_uid, 77);
	EXPECT_EQ(stat(SF, &st), 0);
	EXPECT_EQ(st.st_uid, 0);
	EXPECT_EQ(fchownat(AT_FDCWD, SF "l", 5, 6, AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_EQ(lstat(SF "l", &st), 0);
	EXPECT_EQ(st.st_uid, 5);
	errno = 0;
	EXPECT_EQ(fchownat(AT_FDCWD, SF, 5, 6, 0x1), -1);
	EXPECT_EQ(errno, EINVAL);
	/* umask: returns the old value, applies to creation. */
	mode_t old = umask(027);
	EXPECT_EQ(umask(027), 027);
	unlink(SF "u");
	int g = open(SF "u", O_CREAT | O_RDWR, 0777);
	EXPECT_EQ(fstat(g, &st), 0);
	EXPECT_EQ(st.st_mode & 0777, 0750);
	close(g);
	umask(old);
	close(f);
	unlink(SF "u");
	unlink(SF "l");
	unlink(SF);
	return CASE_PASS;
}
UT_CASE("utimensat_chmod_chown", t_utimensat_chmod_chown);

/* ---- syslog (dmesg) ------------------------------------------------------------------ */

static int t_syslog(void)
{
	static char buf[1 << 17];
	int size = syscall(SYS_syslog, 10, NULL, 0);	/* SIZE_BUFFER */
	int n;

	EXPECT(size >= 4096, "SIZE_BUFFER %d", size);
	n = syscall(SYS_syslog, 3, buf, sizeof(buf) - 1);	/* READ_ALL */
	EXPECT(n > 0, "READ_ALL %d: %s", n, strerror(errno));
	if (n > 0) {
		buf[n] = 0;
		/* "<level>[seconds.micros] text\n" per record. */
		EXPECT(buf[0] == '<' && buf[2] == '>' && buf[3] == '[' && strstr(buf, "] ") &&
		       buf[n - 1] == '\n', "starts \"%.40s\"", buf);
		EXPECT(strstr(buf, " version "), "no version line in %.200s", buf);
	}
	/* A small buffer gets the newest whole lines. */
	n = syscall(SYS_syslog, 3, buf, 200);
	EXPECT(n > 0 && n <= 200 && buf[0] == '<' && buf[n - 1] == '\n', "small READ_ALL %d", n);
	errno = 0;
	EXPECT_EQ(syscall(SYS_syslog, 3, NULL, 10), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(syscall(SYS_syslog, 3, buf, -1), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(syscall(SYS_syslog, 3, buf, 0), 0);
	errno = 0;
	EXPECT_EQ(syscall(SYS_syslog, 3, (char *)8, 100), -1);
	EXPECT_EQ(errno, EFAULT);
	errno = 0;
	EXPECT_EQ(syscall(SYS_syslog, 99, NULL, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(syscall(SYS_syslog, 8, NULL, 9), -1);	/* CONSOLE_LEVEL 9 */
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(syscall(SYS_syslog, 0, NULL, 0), 0);
	EXPECT_EQ(syscall(SYS_syslog, 1, NULL, 0), 0);
	return CASE_PASS;
}
UT_CASE("syslog", t_syslog);

/* ---- getpriority/setpriority ------------------------------------------------------------ */

#include <sys/resource.h>

static int t_priority(void)
{
	int status;

	errno = 0;
	EXPECT_EQ(getpriority(PRIO_PROCESS, 0), 0);
	EXPECT_EQ(errno, 0);
	EXPECT_EQ(setpriority(PRIO_PROCESS, 0, 5), 0);
	EXPECT_EQ(getpriority(PRIO_PROCESS, 0), 5);
	EXPECT_EQ(getpriority(PRIO_PROCESS, getpid()), 5);
	/* The raw call says 20 - nice. */
	EXPECT_EQ(syscall(SYS_getpriority, PRIO_PROCESS, 0), 15);
	/* A child inherits it. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(getpriority(PRIO_PROCESS, 0) == 5 ? 0 : 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	/* Clamped to -20..19. */
	EXPECT_EQ(setpriority(PRIO_PROCESS, 0, 100), 0);
	EXPECT_EQ(getpriority(PRIO_PROCESS, 0), 19);
	EXPECT_EQ(setpriority(PRIO_PROCESS, 0, -100), 0);
	EXPECT_EQ(getpriority(PRIO_PROCESS, 0), -20);
	EXPECT_EQ(setpriority(PRIO_PGRP, 0, 0), 0);
	EXPECT_EQ(getpriority(PRIO_PGRP, 0), 0);
	/* Errors: a bad which, nobody with that pid. */
	errno = 0;
	EXPECT_EQ(getpriority(7, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	errno = 0;
	EXPECT_EQ(setpriority(PRIO_PROCESS, 0x3fffffff, 0), -1);
	EXPECT_EQ(errno, ESRCH);
	errno = 0;
	EXPECT_EQ(getpriority(PRIO_PROCESS, 0x3fffffff), -1);
	EXPECT_EQ(errno, ESRCH);
	return CASE_PASS;
}
UT_CASE("priority", t_priority);
