// SPDX-License-Identifier: GPL-2.0
/*
 * Bad pointers and bad numbers (user test suite, docs/user.md).
 *
 * efault: every implemented system call that takes a pointer is called
 * through raw `syscall` with that pointer NULL, a kernel address
 * (0xffff800000000000, the start of Linux's direct map), a page that was
 * mapped and unmapped again, and - for pointers the kernel writes through
 * - a read-only page; each must return -EFAULT (Linux's copy_to_user /
 * copy_from_user / strncpy_from_user contract, lib/usercopy.c here). A
 * control call with a valid buffer in the same place must not return
 * -EFAULT, so the table cannot pass by accident.
 *
 * Pointers Linux reads as "none" when NULL (wait4's status, rt_sigaction's
 * act, ...) are tried with the other three only (OPT).
 *
 * Left out, with the reason: getgroups (with no supplementary groups Linux
 * copies nothing and returns 0); set_tid_address and set_robust_list (they
 * only record the pointer); calls that read a partial buffer (a short
 * count, not -EFAULT, on Linux).
 *
 * enosys: numbers with no system call return -ENOSYS.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

#ifndef SYS_statx
#define SYS_statx 332
#endif

/* argument markers, replaced before each call */
#define BAD	0x7e0001L	/* the pointer under test */
#define BADIOV	0x7e0002L	/* an iovec whose base is the pointer under test */
#define TMPFD	0x7e0003L	/* a file in /tmp holding 64 bytes */
#define DIRFD	0x7e0004L	/* "/" open O_DIRECTORY */
#define CONSFD	0x7e0005L	/* /dev/console */
#define CHILD	0x7e0006L	/* a child that has exited, not yet reaped */
#define SCRATCH	0x7e0007L	/* a valid, zeroed buffer */
#define PATH	0x7e0008L	/* "/tmp/ut-efile" */
#define LINK	0x7e0009L	/* "/tmp/ut-elink", a symlink */
#define ARGV	0x7e000aL	/* a valid argv */

#define IN	0		/* the kernel reads through the pointer */
#define OUT	1		/* the kernel writes through it: also try read-only */
#define NOCTL	2		/* no control call (it would change this process) */
#define OPT	4		/* NULL means "none" (Linux): not tried with NULL */

static const struct efault_case {
	const char *name;
	long nr;
	long arg[6];
	int flags;
} table[] = {
	{ "read", SYS_read, { TMPFD, BAD, 16 }, OUT },
	{ "write", SYS_write, { TMPFD, BAD, 16 }, IN },
	{ "pread64", SYS_pread64, { TMPFD, BAD, 16, 0 }, OUT },
	{ "pwrite64", SYS_pwrite64, { TMPFD, BAD, 16, 0 }, IN },
	{ "readv iov", SYS_readv, { TMPFD, BAD, 1 }, IN },
	{ "readv base", SYS_readv, { TMPFD, BADIOV, 1 }, OUT },
	{ "writev iov", SYS_writev, { TMPFD, BAD, 1 }, IN },
	{ "writev base", SYS_writev, { TMPFD, BADIOV, 1 }, IN },
	{ "openat", SYS_openat, { AT_FDCWD, BAD, O_RDONLY }, IN },
	{ "fstat", SYS_fstat, { TMPFD, BAD }, OUT },
	{ "newfstatat path", SYS_newfstatat, { AT_FDCWD, BAD, SCRATCH, 0 }, IN },
	{ "newfstatat buf", SYS_newfstatat, { AT_FDCWD, PATH, BAD, 0 }, OUT },
	{ "statx path", SYS_statx, { AT_FDCWD, BAD, 0, 0x7ff, SCRATCH }, IN },
	{ "statx buf", SYS_statx, { AT_FDCWD, PATH, 0, 0x7ff, BAD }, OUT },
	{ "getdents64", SYS_getdents64, { DIRFD, BAD, 4096 }, OUT },
	{ "mkdirat", SYS_mkdirat, { AT_FDCWD, BAD, 0755 }, IN },
	{ "unlinkat", SYS_unlinkat, { AT_FDCWD, BAD, 0 }, IN },
	{ "renameat2 old", SYS_renameat2, { AT_FDCWD, BAD, AT_FDCWD, PATH, 0 }, IN },
	{ "renameat2 new", SYS_renameat2, { AT_FDCWD, PATH, AT_FDCWD, BAD, 0 }, IN },
	{ "symlinkat target", SYS_symlinkat, { BAD, AT_FDCWD, SCRATCH }, IN },
	{ "symlinkat name", SYS_symlinkat, { PATH, AT_FDCWD, BAD }, IN },
	{ "readlinkat path", SYS_readlinkat, { AT_FDCWD, BAD, SCRATCH, 64 }, IN },
	{ "readlinkat buf", SYS_readlinkat, { AT_FDCWD, LINK, BAD, 64 }, OUT },
	{ "linkat old", SYS_linkat, { AT_FDCWD, BAD, AT_FDCWD, SCRATCH, 0 }, IN },
	{ "linkat new", SYS_linkat, { AT_FDCWD, PATH, AT_FDCWD, BAD, 0 }, IN },
	{ "getcwd", SYS_getcwd, { BAD, 4096 }, OUT },
	{ "chdir", SYS_chdir, { BAD }, IN },
	{ "pipe", SYS_pipe, { BAD }, OUT },
	{ "pipe2", SYS_pipe2, { BAD, 0 }, OUT },
	{ "ioctl TCGETS", SYS_ioctl, { CONSFD, TCGETS, BAD }, OUT },
	{ "ioctl TIOCGWINSZ", SYS_ioctl, { CONSFD, TIOCGWINSZ, BAD }, OUT },
	{ "execve path", SYS_execve, { BAD, ARGV, SCRATCH }, IN | NOCTL },
	{ "execve argv", SYS_execve, { PATH, BAD, SCRATCH }, IN | NOCTL | OPT },
	{ "wait4 status", SYS_wait4, { CHILD, BAD, 0, 0 }, OUT | OPT },
	{ "wait4 rusage", SYS_wait4, { CHILD, 0, 0, BAD }, OUT | OPT },
	{ "waitid", SYS_waitid, { P_PID, CHILD, BAD, WEXITED, 0 }, OUT | OPT },
	{ "rt_sigaction act", SYS_rt_sigaction, { SIGUSR1, BAD, 0, 8 }, IN | OPT },
	{ "rt_sigaction oact", SYS_rt_sigaction, { SIGUSR1, 0, BAD, 8 }, OUT | OPT },
	{ "rt_sigprocmask set", SYS_rt_sigprocmask, { SIG_BLOCK, BAD, 0, 8 }, IN | OPT },
	{ "rt_sigprocmask oset", SYS_rt_sigprocmask, { SIG_BLOCK, 0, BAD, 8 }, OUT | OPT },
	{ "sigaltstack ss", SYS_sigaltstack, { BAD, 0 }, IN | OPT },
	{ "sigaltstack oss", SYS_sigaltstack, { 0, BAD }, OUT | OPT },
	{ "arch_prctl ARCH_GET_FS", SYS_arch_prctl, { 0x1003, BAD }, OUT },
	{ "clock_gettime", SYS_clock_gettime, { CLOCK_MONOTONIC, BAD }, OUT },
	{ "clock_nanosleep", SYS_clock_nanosleep, { CLOCK_MONOTONIC, 0, BAD, 0 }, IN },
	{ "nanosleep", SYS_nanosleep, { BAD, 0 }, IN },
	{ "gettimeofday tv", SYS_gettimeofday, { BAD, 0 }, OUT | OPT },
	{ "gettimeofday tz", SYS_gettimeofday, { 0, BAD }, OUT | OPT },
	{ "time", SYS_time, { BAD }, OUT | OPT },
	{ "sched_getaffinity", SYS_sched_getaffinity, { 0, 128, BAD }, OUT },
	{ "uname", SYS_uname, { BAD }, OUT },
	{ "prlimit64 new", SYS_prlimit64, { 0, RLIMIT_NOFILE, BAD, 0 }, IN | NOCTL | OPT },
	{ "prlimit64 old", SYS_prlimit64, { 0, RLIMIT_NOFILE, 0, BAD }, OUT | OPT },
	{ "getrlimit", SYS_getrlimit, { RLIMIT_NOFILE, BAD }, OUT },
	{ "getrusage", SYS_getrusage, { RUSAGE_SELF, BAD }, OUT },
	{ "sysinfo", SYS_sysinfo, { BAD }, OUT },
	{ "getrandom", SYS_getrandom, { BAD, 16, 0 }, OUT },
};

static char scratch[8192] __attribute__((aligned(4096)));
static struct iovec iov;
static int tmpfd, dirfd_root, consfd;

static long child(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	/* let it exit: a zombie is what wait4 will find */
	siginfo_t si;
	waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	return pid;
}

static long subst(long a, long bad)
{
	switch (a) {
	case BAD: return bad;
	case BADIOV: iov.iov_base = (void *)bad; iov.iov_len = 16; return (long)&iov;
	case TMPFD: return tmpfd;
	case DIRFD: lseek(dirfd_root, 0, SEEK_SET); return dirfd_root;
	case CONSFD: return consfd;
	case CHILD: return child();
	case SCRATCH: return (long)scratch;
	case PATH: return (long)"/tmp/ut-efile";
	case LINK: return (long)"/tmp/ut-elink";
	case ARGV: return (long)(char *[]){ "x", NULL };
	}
	return a;
}

static long call(const struct efault_case *c, long bad)
{
	long a[6];

	memset(scratch, 0, sizeof(scratch));
	for (int i = 0; i < 6; i++)
		a[i] = subst(c->arg[i], bad);
	return raw_syscall6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int t_efault(void)
{
	char *unmapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const struct { const char *what; long p; int out_only; } bad[] = {
		{ "NULL", 0, 0 },
		{ "kernel", (long)0xffff800000000000UL, 0 },
		{ "unmapped", (long)unmapped, 0 },
		{ "read-only", (long)ro, 1 },
	};
	int calls = 0, fails = 0;

	munmap(unmapped, 4096);
	(void)*(volatile char *)ro;	/* mapped (the zero page), but not writable */
	tmpfd = open("/tmp/ut-efile", O_CREAT | O_TRUNC | O_RDWR, 0644);
	EXPECT(tmpfd >= 0, "open: %s", strerror(errno));
	for (int i = 0; i < 4; i++)
		(void)!write(tmpfd, "0123456789abcdef", 16);
	lseek(tmpfd, 0, SEEK_SET);
	unlink("/tmp/ut-elink");
	EXPECT_EQ(symlink("/tmp/ut-efile", "/tmp/ut-elink"), 0);
	dirfd_root = open("/", O_RDONLY | O_DIRECTORY);
	consfd = open("/dev/console", O_RDWR | O_NOCTTY);
	EXPECT(dirfd_root >= 0, "open /: %s", strerror(errno));

	for (unsigned i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const struct efault_case *c = &table[i];

		if (c->arg[0] == CONSFD && consfd < 0)
			continue;
		for (unsigned b = 0; b < sizeof(bad) / sizeof(bad[0]); b++) {
			if (bad[b].out_only && !(c->flags & OUT))
				continue;
			if (!bad[b].p && (c->flags & OPT))
				continue;
			long r = call(c, bad[b].p);

			calls++;
			if (r != -EFAULT) {
				ktap_diag("%s(%s pointer) returned %ld, want -EFAULT (%d)", c->name,
					  bad[b].what, r, -EFAULT);
				fails++;
			}
			lseek(tmpfd, 0, SEEK_SET);
		}
		if (!(c->flags & NOCTL)) {
			long r = call(c, (long)scratch);

			if (r == -EFAULT) {
				ktap_diag("%s: the control call with a valid buffer returned -EFAULT", c->name);
				fails++;
			}
			lseek(tmpfd, 0, SEEK_SET);
		}
	}
	/* reap what the wait4 and waitid controls and failures left */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	ktap_diag("%d bad-pointer calls over %zu table entries, %d wrong", calls,
		  sizeof(table) / sizeof(table[0]), fails);
	unlink("/tmp/ut-elink");
	unlink("/tmp/ut-efile");
	return fails ? CASE_FAIL : CASE_PASS;
}

int t_enosys(void)
{
	static const long nrs[] = { 335, 400, 500, 512, 1000, 4096, 0x7fffffffL, -1, -2, -1000 };

	for (unsigned i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		long r = raw_syscall6(nrs[i], 1, 2, 3, 4, 5, 6);

		EXPECT(r == -ENOSYS, "syscall %ld returned %ld", nrs[i], r);
	}
	/* rseq is "not implemented" on Linnet; Linux has it: EINVAL for bad arguments */
	long r = raw_syscall6(SYS_rseq, 0, 0, 0, 0, 0, 0);
	EXPECT(r == -ENOSYS || r == -EINVAL, "rseq returned %ld", r);
	return 0;
}
