// SPDX-License-Identifier: GPL-2.0
/*
 * Overcommit and the OOM killer (user test suite; docs/mm/overcommit-oom.md).
 *
 * Overcommit: mode 0 (the default) refuses one mapping larger than RAM
 * unless MAP_NORESERVE; Committed_AS in /proc/meminfo moves by a
 * private writable mapping's size; with /proc/sys/vm/overcommit_memory
 * at 2 an mmap (MAP_NORESERVE or not) or a brk past CommitLimit is
 * ENOMEM, at 1 anything goes. The mode is changed only in a grandchild
 * of the case and put back by the case itself after the grandchild ends,
 * however it ended. Cases that need /proc skip without it.
 *
 * OOM: a child that touches more anonymous memory than the machine has
 * is killed with SIGKILL, its parent lives on and the memory comes back
 * (sysinfo freeram, with slack; waited for, not assumed). A bigger
 * process with oom_score_adj -1000 is passed over for a smaller one.
 * The kernel's "Out of memory: Killed process" line is checked by the
 * oom-* matrix entries (tests/matrix.py).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

#define MiB (1024UL * 1024)
#define PAGE 4096UL

/* /proc, mounted here if nobody has (usertests as PID 1 on Linux). */
static void ensure_proc(void)
{
	if (!access("/proc/meminfo", R_OK))
		return;
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
}

/* A field of /proc/meminfo in kB, or -1. */
static long meminfo_kb(const char *field)
{
	char buf[4096], *p;
	size_t n = strlen(field);
	ssize_t len;
	int fd;

	ensure_proc();
	fd = open("/proc/meminfo", O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return -1;
	buf[len] = 0;
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, field, n) && p[n] == ':')
			return strtol(p + n + 1, NULL, 10);
	return -1;
}

static int read_int_file(const char *path)
{
	char buf[32];
	int fd;
	ssize_t n;

	ensure_proc();
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	return atoi(buf);
}

static int write_int_file(const char *path, int v)
{
	char buf[32];
	int fd = open(path, O_WRONLY), n, ok;

	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%d\n", v);
	ok = write(fd, buf, n) == n;
	close(fd);
	return ok ? 0 : -1;
}

#define OVERCOMMIT "/proc/sys/vm/overcommit_memory"

static unsigned long totalram_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return 0;
	return si.totalram * (unsigned long)si.mem_unit;
}

static void *map_rw(size_t len, int extra)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | extra, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Mode 0: one mapping larger than RAM (+ swap: none here) is refused; MAP_NORESERVE is not. */
static int t_overcommit_guess(void)
{
	size_t len = 2 * totalram_bytes();
	int mode = read_int_file(OVERCOMMIT);
	void *p;

	if (mode > 0)
		return CASE_SKIP;	/* someone left another mode: the checks below are mode 0's */
	errno = 0;
	p = map_rw(len, 0);
	EXPECT(p == NULL && errno == ENOMEM, "mmap of 2x RAM: %p, %s", p, strerror(errno));
	if (p)
		munmap(p, len);
	p = map_rw(len, MAP_NORESERVE);
	EXPECT(p != NULL, "mmap of 2x RAM, MAP_NORESERVE: %s", strerror(errno));
	if (p)
		munmap(p, len);
	/* Read-only private is not committed memory either. */
	p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED, "read-only mmap of 2x RAM: %s", strerror(errno));
	if (p != MAP_FAILED) {
		/* Made writable it becomes committed: refused too (mprotect_fixup). */
		errno = 0;
		EXPECT(mprotect(p, len, PROT_READ | PROT_WRITE) == -1 && errno == ENOMEM,
		       "mprotect of 2x RAM to writable: %s", strerror(errno));
		munmap(p, len);
	}
	return case_failed;
}
UT_CASE("overcommit_guess", t_overcommit_guess);

/* Committed_AS moves by what a private writable mapping could need, and back. */
static int t_committed_as(void)
{
	const size_t len = 32 * MiB;
	long c0, c1, c2, ro;
	void *p;

	c0 = meminfo_kb("Committed_AS");
	if (c0 < 0)
		return CASE_SKIP;
	p = map_rw(len, 0);
	EXPECT(p != NULL, "mmap 32 MiB: %s", strerror(errno));
	if (!p)
		return 1;
	c1 = meminfo_kb("Committed_AS");
	munmap(p, len);
	c2 = meminfo_kb("Committed_AS");
	ktap_diag("Committed_AS %ld -> %ld -> %ld kB", c0, c1, c2);
	EXPECT(labs(c1 - c0 - (long)(len >> 10)) <= 1024, "rose by %ld kB", c1 - c0);
	EXPECT(labs(c2 - c0) <= 1024, "fell back by %ld kB", c1 - c2);
	/* Neither MAP_NORESERVE nor read-only mappings count. */
	p = map_rw(len, MAP_NORESERVE);
	ro = meminfo_kb("Committed_AS");
	EXPECT(p && labs(ro - c2) <= 1024, "MAP_NORESERVE moved it by %ld kB", ro - c2);
	if (p)
		munmap(p, len);
	return case_failed;
}
UT_CASE("committed_as", t_committed_as);

struct mode_check {
	int mode;
	int (*fn)(void);
};

/* In a grandchild: set the mode, check, exit with the verdict. */
static void mode_child(void *arg)
{
	struct mode_check *mc = arg;

	if (write_int_file(OVERCOMMIT, mc->mode)) {
		ktap_diag("write %d to " OVERCOMMIT ": %s", mc->mode, strerror(errno));
		_exit(1);
	}
	_exit(mc->fn() ? 1 : 0);
}

/* Run fn under overcommit mode, then put the old mode back whatever happened. */
static int with_overcommit(int mode, int (*fn)(void))
{
	struct mode_check mc = { mode, fn };
	int old = read_int_file(OVERCOMMIT), st;

	if (old < 0)
		return CASE_SKIP;
	st = run_child(mode_child, &mc);
	EXPECT(write_int_file(OVERCOMMIT, old) == 0, "restore overcommit_memory %d: %s", old,
	       strerror(errno));
	EXPECT(read_int_file(OVERCOMMIT) == old, "overcommit_memory is %d, not %d",
	       read_int_file(OVERCOMMIT), old);
	EXPECT(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "mode %d checks: status %#x", mode,
	       st);
	return case_failed;
}

/* The bytes that would take Committed_AS past CommitLimit, plus a margin. */
static size_t past_commit_limit(void)
{
	long limit = meminfo_kb("CommitLimit"), committed = meminfo_kb("Committed_AS");
	long room = limit - committed;

	if (room < 0)
		room = 0;
	return ((size_t)room << 10) + 16 * MiB;
}

static int never_checks(void)
{
	size_t len = past_commit_limit(), small = 4 * MiB;
	unsigned long cur, want;
	void *p;

	errno = 0;
	p = map_rw(len, 0);
	EXPECT(p == NULL && errno == ENOMEM, "mode 2: mmap past CommitLimit (%zu MiB): %p, %s",
	       len / MiB, p, strerror(errno));
	if (p)
		munmap(p, len);
	/* Mode 2 does not honour MAP_NORESERVE. */
	errno = 0;
	p = map_rw(len, MAP_NORESERVE);
	EXPECT(p == NULL && errno == ENOMEM, "mode 2: MAP_NORESERVE past CommitLimit: %p, %s", p,
	       strerror(errno));
	if (p)
		munmap(p, len);
	/* Something small still fits. */
	p = map_rw(small, 0);
	EXPECT(p != NULL, "mode 2: mmap 4 MiB: %s", strerror(errno));
	if (p)
		munmap(p, small);
	/* brk past the limit: the break stays where it was. */
	cur = syscall(SYS_brk, 0);
	want = cur + len;
	EXPECT(syscall(SYS_brk, want) == (long)cur, "mode 2: brk past CommitLimit moved it");
	EXPECT(syscall(SYS_brk, cur + small) == (long)(cur + small), "mode 2: brk by 4 MiB");
	syscall(SYS_brk, cur);
	return case_failed;
}

static int t_overcommit_never(void)
{
	return with_overcommit(2, never_checks);
}
UT_CASE("overcommit_never", t_overcommit_never);

static int always_checks(void)
{
	size_t len = 4 * totalram_bytes();
	void *p = map_rw(len, 0);

	EXPECT(p != NULL, "mode 1: mmap of 4x RAM: %s", strerror(errno));
	if (p)
		munmap(p, len);
	return case_failed;
}

static int t_overcommit_always(void)
{
	return with_overcommit(1, always_checks);
}
UT_CASE("overcommit_always", t_overcommit_always);

/* ---- the OOM killer ---- */

/* Touch fresh anonymous memory, 8 MiB at a time, far past RAM; only SIGKILL stops it. */
static void hog(void *arg)
{
	size_t chunk = 8 * MiB, total = 0, limit = 4 * totalram_bytes();

	(void)arg;
	while (total < limit) {
		char *p = map_rw(chunk, 0);

		if (!p) {
			usleep(1000);	/* refused (overcommit): memory is short, go on trying */
			continue;
		}
		for (size_t off = 0; off < chunk; off += PAGE)
			p[off] = 1;
		total += chunk;
	}
	_exit(3);	/* never killed */
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Wait (up to 20 s) for freeram to come back to within slack of before. */
static long freeram_back(long before, long slack_kib)
{
	double end = now_s() + 20;
	long k;

	while ((k = freeram_kib()) < before - slack_kib && now_s() < end)
		usleep(20000);
	return k;
}

static void small_child(void *arg)
{
	char *p = map_rw(MiB, 0);

	(void)arg;
	if (!p)
		_exit(1);
	for (size_t off = 0; off < MiB; off += PAGE)
		p[off] = 1;
	_exit(0);
}

static int t_oom_kill(void)
{
	long k0 = freeram_kib(), k1;
	int sig = child_sig(hog, NULL);

	EXPECT_EQ(sig, SIGKILL);
	k1 = freeram_back(k0, 8192);
	ktap_diag("freeram %ld KiB before, %ld KiB after the OOM kill", k0, k1);
	EXPECT(k1 >= k0 - 8192, "freeram %ld KiB, was %ld KiB", k1, k0);
	/* And the system goes on: a fork that touches a few pages exits normally. */
	EXPECT_EQ(child_sig(small_child, NULL), 0);
	return case_failed;
}
UT_CASE("oom_kill", t_oom_kill);

/* A big process that must not be chosen: -1000, then it waits to be told to go. */
static void protected_child(int ready, int go, size_t len)
{
	char c = 1;
	char *p;

	if (write_int_file("/proc/self/oom_score_adj", -1000))
		_exit(2);
	p = map_rw(len, 0);
	if (!p)
		_exit(4);
	for (size_t off = 0; off < len; off += PAGE)
		p[off] = 1;
	if (write(ready, &c, 1) != 1)
		_exit(5);
	(void)!read(go, &c, 1);
	_exit(0);
}

static int t_oom_score_adj(void)
{
	int ready[2], go[2], st, sig;
	size_t big = totalram_bytes() / 2;
	long k0 = freeram_kib();
	pid_t pid;
	char c;

	if (read_int_file("/proc/self/oom_score_adj") < -1000 ||
	    access("/proc/self/oom_score_adj", W_OK))
		return CASE_SKIP;
	if (pipe(ready) || pipe(go))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		protected_child(ready[1], go[0], big);
	}
	close(ready[1]);
	close(go[0]);
	EXPECT(read(ready[0], &c, 1) == 1, "the protected child did not get its memory");
	/* The hog ends smaller than the protected child when memory runs out: it dies anyway. */
	sig = child_sig(hog, NULL);
	EXPECT_EQ(sig, SIGKILL);
	close(go[1]);
	EXPECT(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the protected child: status %#x", st);
	freeram_back(k0, 8192);
	return case_failed;
}
UT_CASE("oom_score_adj", t_oom_score_adj);
