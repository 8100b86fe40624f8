// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz - a seeded system-call fuzzer (issue 10's done-when 3, docs/user.md),
 * in the spirit of Linux's trinity and syzkaller but far smaller: every
 * system call of the list (fuzz_table.h, generated from
 * kernel/syscalls/syscall_64.tbl) is called with garbage - random words,
 * boundary values, NULL, kernel and non-canonical addresses, unmapped and
 * read-only pages, unaligned pointers into valid buffers, huge sizes,
 * valid and invalid fds, paths inside /tmp/fuzz.
 *
 *   fuzz [-s SEED] [-n CALLS] [-b BATCHES] [-t SECONDS] [-i INDENT] [-q]
 *
 * Each batch is CALLS calls made by child processes, the first with seed
 * (SEED + batch) * 1000, the next (when one dies) with the seed after it:
 * a process that kills itself (SIGSEGV after munmap'ing its own code, a
 * signal it sent itself...) or blocks (the watchdog kills it after -t
 * seconds) is fine - the test is that the
 * kernel stays alive, answers every call with a result or a signal, and,
 * checked by tests/kernel/user_kunit.c, gets every page back.
 *
 * Restricted so the fuzzer cannot end the test: exit, exit_group, reboot,
 * rt_sigreturn and pause are never called; fds 0-2 are /dev/null in a batch
 * (reads must not wait for the console); kill/tgkill/setpgid/prlimit64 only
 * name the batch itself or pids that do not exist, and send mostly signals
 * that are ignored (a lethal one 1 time in 16); 19 in 20 memory-map calls
 * aim at a 64 MiB PROT_NONE arena, not at the batch's own code and data; a fork/vfork/clone child
 * exits at once; sleeps get at most 1 ms; wait4/waitid get WNOHANG; paths
 * never contain '/' (or are fixed ones under /tmp/fuzz), so every file the
 * batch makes is under /tmp/fuzz, which the parent empties after each batch.
 * Output is KTAP, one result per batch, with the seed to replay it. Without
 * -s the seed is 1, or as PID 1 (rdinit=/bin/fuzz, where no arguments
 * come) 24 bits of AT_RANDOM, printed: every such boot fuzzes afresh.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../include/ktap.h"
#include "../include/rawsys.h"

#define FUZZ_SKIP 1
static const struct fuzz_call {
	int nr;
	const char *name;
	int flags;
} calls[] = {
#define FUZZ_CALL(nr, name, flags) { nr, name, flags },
#include "fuzz_table.h"
};
#define NCALLS (int)(sizeof(calls) / sizeof(calls[0]))

#define PAGE 4096UL
#define ARENA (64UL << 20)
#define NOPID 0x3ffffff0L

/* xorshift64*: the whole batch replays from its seed */
static unsigned long rng;
static unsigned long rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717UL;
}
static unsigned long below(unsigned long n)
{
	return n ? rnd() % n : 0;
}

static char *scratch;		/* 4 pages of garbage, valid */
/* the call in progress, in a page shared with the parent: what a hang was in */
static volatile long *inflight;
static char *ro_page, *unmapped, *arena;
static int fds[8], nfds;
static pid_t self;
static const char *paths[] = { "/tmp/fuzz/a", "/tmp/fuzz/b", "/tmp/fuzz/d", "a", "b", "d/e",
			       ".", "", "/tmp/fuzz", "d" };

static long boundary(void)
{
	static const long v[] = { 0, 1, -1, 2, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x1001,
				  0x7fffffff, 0x80000000L, 0xffffffffL, 0x100000000L, -4096,
				  0x7fffffffffffL, 0x800000000000L, 0x7ffffffff000L,
				  (long)0xffff800000000000UL, (long)0xffffffff80000000UL,
				  (long)0x8000000000000000UL, 0x7fffffffffffffffL, -2, -100 };
	return v[below(sizeof(v) / sizeof(v[0]))];
}

/* a string with no '/' and an end, in scratch */
static long garbage_path(void)
{
	char *s = scratch + below(2 * PAGE);
	size_t n = below(300);

	for (size_t i = 0; i < n; i++) {
		char c = (char)(below(94) + 33);
		s[i] = c == '/' ? 'x' : c;
	}
	s[n] = 0;
	return (long)s;
}

static long pointer(void)
{
	switch (below(9)) {
	case 0: return 0;
	case 1: return (long)0xffff800000000000UL + (long)(below(1 << 20) << 12);
	case 2: return (long)unmapped + (long)below(PAGE);
	case 3: return (long)ro_page + (long)below(PAGE);
	case 4: return (long)scratch + (long)below(4 * PAGE);	/* unaligned, near the end */
	case 5: return (long)(scratch + 4 * PAGE - 1 - below(16));
	case 6: return (long)paths[below(sizeof(paths) / sizeof(paths[0]))];
	case 7: return garbage_path();
	default: return (long)arena + (long)(below(ARENA / PAGE) * PAGE);
	}
}

static long arg(void)
{
	switch (below(8)) {
	case 0: return (long)rnd();
	case 1: return (long)below(16);
	case 2: case 3: return boundary();
	case 4: case 5: return pointer();
	case 6: return nfds ? fds[below(nfds)] : 3;
	default: return (long)(rnd() & 0xffffffff);
	}
}

static long ts_small[2], ts_bad[2] = { 0, 2000000000L }, ts_neg[2] = { -1, 0 };

static long sleep_arg(void)
{
	ts_small[0] = 0;
	ts_small[1] = (long)below(1000000);
	switch (below(5)) {
	case 0: return 0;
	case 1: return (long)unmapped;
	case 2: return (long)ts_bad;
	case 3: return (long)ts_neg;
	default: return (long)ts_small;
	}
}

/* never -1 (every process) nor another process's group */
static long some_pid(void)
{
	static const long v[] = { 0, NOPID, -NOPID, 1 << 22 };

	return below(3) ? self : v[below(4)];
}

/* mostly signals that do not end the batch: 0 (a probe) and ignored ones */
static long some_sig(void)
{
	static const long v[] = { 0, SIGCHLD, SIGURG, SIGWINCH, SIGCONT, 65, -1, 1000 };

	return below(16) ? v[below(8)] : (long)below(65);
}

static void reap(void)	/* what a wait above missed */
{
	while (raw_syscall4(SYS_wait4, -1, 0, WNOHANG | __WALL, 0) > 0)
		;
}

/* Make one call with garbage, after the restrictions its kind needs. */
static void one_call(const struct fuzz_call *c, unsigned long *counts)
{
	long a[6];

	for (int i = 0; i < 6; i++)
		a[i] = arg();
	switch (c->nr) {
	case SYS_kill:
		a[0] = some_pid();
		a[1] = some_sig();
		break;
	case SYS_tgkill:
		a[0] = below(2) ? self : NOPID;
		a[1] = below(2) ? self : NOPID;
		a[2] = some_sig();
		break;
	case SYS_setpgid:
		a[0] = some_pid();
		a[1] = below(2) ? 0 : NOPID;
		break;
	case SYS_prlimit64:
		a[0] = some_pid();
		break;
	case SYS_nanosleep:
		a[0] = sleep_arg();
		break;
	case SYS_clock_nanosleep:
		a[2] = sleep_arg();
		break;
	case SYS_wait4:
		a[2] |= WNOHANG;
		break;
	case SYS_waitid:
		a[3] |= WNOHANG;
		break;
	case SYS_madvise:
		a[2] = (long)below(26);		/* no MADV_HWPOISON/SOFT_OFFLINE (100, 101) */
		/* fall through */
	case SYS_mmap: case SYS_munmap: case SYS_mprotect: case SYS_mremap: case SYS_msync:
		if (below(20))
			a[0] = (long)arena + (long)(below(ARENA / PAGE) * PAGE);
		if (below(4))
			a[1] = (long)(below(64) * PAGE);
		if (c->nr == SYS_mremap && below(4))
			a[4] = (long)arena + (long)(below(ARENA / PAGE) * PAGE);
		break;
	case SYS_brk:
		if (below(2))
			a[0] = raw_syscall1(SYS_brk, 0) + (long)(below(64) * PAGE) - 32 * (long)PAGE;
		break;
	case SYS_chdir: case SYS_fchdir:
		if (c->nr == SYS_fchdir)
			a[0] = fds[0];
		else if (below(2))
			a[0] = (long)"/tmp/fuzz";
		break;
	case SYS_clone:
		a[0] &= ~(long)(CLONE_PARENT | 0xff);	/* its children stay ours; no odd exit signal */
		a[0] |= SIGCHLD;
		break;
	}
	if (inflight) {
		for (int i = 0; i < 6; i++)
			inflight[1 + i] = a[i];
		inflight[0] = c->nr;
	}
	long r = raw_syscall6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);

	if (inflight)
		inflight[0] = -1;

	if ((c->nr == SYS_fork || c->nr == SYS_vfork || c->nr == SYS_clone) && r == 0)
		raw_syscall1(SYS_exit, 0);	/* the child */
	if (r == 0 && raw_syscall0(SYS_getpid) != self)
		raw_syscall1(SYS_exit, 0);	/* a child of a clone that returned here */
	counts[r == -EFAULT ? 1 : r == -ENOSYS ? 2 : r < 0 && r > -4096 ? 3 : 0]++;
	/* reap it now: a child left when the batch dies would go to PID 1 */
	if ((c->nr == SYS_fork || c->nr == SYS_vfork || c->nr == SYS_clone) && r > 0)
		raw_syscall4(SYS_wait4, r, 0, __WALL, 0);
}

static void batch(unsigned long seed, int ncalls, int report_fd)
{
	unsigned long counts[4] = { 0 };

	rng = seed * 0x9e3779b97f4a7c15UL + 1;
	self = getpid();
	setpgid(0, 0);
	int null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	/* fds the calls get: the directory, a file, a pipe (non-blocking), /dev/null */
	fds[nfds++] = open("/tmp/fuzz", O_RDONLY | O_DIRECTORY);
	fds[nfds++] = open("/tmp/fuzz/a", O_RDWR | O_CREAT, 0644);
	int p[2];
	if (!pipe2(p, O_NONBLOCK)) {
		fds[nfds++] = p[0];
		fds[nfds++] = p[1];
	}
	fds[nfds++] = 0;
	fds[nfds++] = 999;
	fds[nfds++] = -1;
	chdir("/tmp/fuzz");
	scratch = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (unsigned long i = 0; i < 4 * PAGE / 8; i++)
		((unsigned long *)scratch)[i] = rnd();
	ro_page = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unmapped = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(unmapped, PAGE);
	arena = mmap(NULL, ARENA, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	for (int i = 0; i < ncalls; i++) {
		const struct fuzz_call *c = &calls[below(NCALLS)];

		if (c->flags & FUZZ_SKIP)
			continue;
		one_call(c, counts);
		/* tell the parent how far we got, in case we die */
		if ((i & 15) == 15 || i == ncalls - 1) {
			unsigned long msg[5] = { (unsigned long)i + 1, counts[0], counts[1], counts[2],
						 counts[3] };
			raw_syscall3(SYS_write, report_fd, msg, sizeof(msg));
		}
	}
	reap();
	raw_syscall1(SYS_exit_group, 0);
}

/* Empty /tmp/fuzz (what a batch made: files, directories, links). */
static void rm_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stat st;
		if (!lstat(path, &st) && S_ISDIR(st.st_mode)) {
			chmod(path, 0755);
			rm_tree(path);
			rmdir(path);
		} else {
			unlink(path);
		}
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	unsigned long seed = 1;
	int seeded = 0;
	int ncalls = 2000, nbatches = 8, timeout = 20, opt, crashed = 0, timeouts = 0;
	unsigned long total[5] = { 0 };

	while ((opt = getopt(argc, argv, "s:n:b:t:i:q")) != -1) {
		switch (opt) {
		case 's': seed = strtoul(optarg, NULL, 0); seeded = 1; break;
		case 'n': ncalls = atoi(optarg); break;
		case 'b': nbatches = atoi(optarg); break;
		case 't': timeout = atoi(optarg); break;
		case 'i': ktap_indent = atoi(optarg); break;
		case 'q': ktap_quiet = 1; break;
		default:
			fprintf(stderr, "usage: fuzz [-s SEED] [-n CALLS] [-b BATCHES] [-t SECONDS] [-i INDENT] [-q]\n");
			return 2;
		}
	}
	/* PID 1 gets no arguments from every kernel: a fresh seed each boot, printed */
	if (!seeded && getpid() == 1) {
		const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);

		seed = r ? (r[0] | r[1] << 8 | (unsigned long)r[2] << 16) : 1;
	}
	signal(SIGPIPE, SIG_IGN);
	inflight = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (inflight == MAP_FAILED)
		inflight = NULL;
	ktap_line("KTAP version 1");
	ktap_line("# Subtest: fuzz");
	ktap_line("# fuzz: seed %lu, %d batches of %d calls over %d system calls", seed, nbatches,
		  ncalls, NCALLS);
	ktap_line("1..%d", nbatches);
	long free0 = 0;
	struct sysinfo si;
	if (!sysinfo(&si))
		free0 = si.freeram * (long)si.mem_unit / 1024;
	for (int b = 0; b < nbatches; b++) {
		unsigned long got[5] = { 0 };
		int lives = 0, signalled = 0, killed = 0, last_sig = 0;

		/*
		 * A batch is CALLS calls; a process that dies on the way (its own
		 * garbage hit its code, stack or signal handlers) is followed by
		 * another with the next seed until the calls are made.
		 */
		while (got[0] < (unsigned long)ncalls && lives < 256) {
			int p[2], status;
			unsigned long msg[5] = { 0 }, last[5] = { 0 };
			unsigned long s = (seed + b) * 1000 + lives++;

			mkdir("/tmp/fuzz", 0755);
			if (pipe(p))
				return 1;
			pid_t pid = fork();
			if (pid == 0) {
				close(p[0]);
				batch(s, ncalls - (int)got[0], p[1]);
			}
			close(p[1]);
			pid_t dog = fork();
			if (dog == 0) {
				struct timespec ts = { .tv_sec = timeout };
				while (nanosleep(&ts, &ts) && errno == EINTR)
					;
				kill(pid, SIGKILL);
				_exit(0);
			}
			while (read(p[0], msg, sizeof(msg)) == sizeof(msg))
				memcpy(last, msg, sizeof(msg));
			close(p[0]);
			waitpid(pid, &status, 0);
			kill(dog, SIGKILL);
			waitpid(dog, NULL, 0);
			/* the batch's children (clone with odd flags) may outlive it */
			while (waitpid(-1, NULL, WNOHANG) > 0)
				;
			rm_tree("/tmp/fuzz");
			if (!last[0])
				last[0] = 1;	/* died before its first report: count one call */
			for (int i = 0; i < 5; i++)
				got[i] += last[i];
			if (WIFSIGNALED(status)) {
				signalled++;
				last_sig = WTERMSIG(status);
				killed += last_sig == SIGKILL;
				if (last_sig == SIGKILL && inflight && inflight[0] >= 0) {
					const char *name = "?";

					for (int i = 0; i < NCALLS; i++)
						if (calls[i].nr == inflight[0])
							name = calls[i].name;
					ktap_line("# seed %lu: SIGKILL during %s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)",
						  s, name, inflight[1], inflight[2], inflight[3],
						  inflight[4], inflight[5], inflight[6]);
				}
			}
			if (inflight)
				inflight[0] = -1;
		}
		ktap_line("# batch %d: seed %lu: %lu calls (%lu -EFAULT, %lu -ENOSYS, %lu other errors) in %d processes, %d ended by a signal (%d SIGKILL, last %d)",
			  b + 1, seed + b, got[0], got[2], got[3], got[4], lives, signalled, killed, last_sig);
		for (int i = 0; i < 5; i++)
			total[i] += got[i];
		crashed += signalled;
		timeouts += killed;
		/* the batch's end is fine whatever it was: the kernel answered */
		ktap_line("ok %d batch_%d", b + 1, b + 1);
	}
	rmdir("/tmp/fuzz");
	long free1 = 0;
	if (!sysinfo(&si))
		free1 = si.freeram * (long)si.mem_unit / 1024;
	ktap_line("# fuzz: %lu calls, %d processes ended by a signal (%d SIGKILL), freeram %ld -> %ld KiB",
		  total[0], crashed, timeouts, free0, free1);
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return 0;
}
