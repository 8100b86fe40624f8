// SPDX-License-Identifier: GPL-2.0
/*
 * File and shared mappings (user test suite, docs/mm/shared-memory.md):
 * mmap of tmpfs files MAP_SHARED and MAP_PRIVATE, shared anonymous
 * memory across fork, truncation and hole punching under a mapping,
 * mremap and fork of shared mappings, mmap's errors. Every case passes on
 * Linux too (the page cache is the one copy of a tmpfs file's data: read,
 * write and every shared mapping see the same pages).
 *
 * Memory is measured two ways: a file's own pages exactly by fstat's
 * st_blocks (512-byte units, 8 per page), and the machine's shmem pages
 * by sysinfo's sharedram (NR_SHMEM, the shmem pages in page caches,
 * /proc/meminfo's Shmem), which moves only with shmem pages but which
 * Linux reads without the per-CPU deltas of its vmstat counters (up to a
 * few dozen pages off): it is checked with SHMEM_SLACK_PAGES.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE 4096UL
#define SHMEM_SLACK_PAGES 64	/* Linux's per-CPU vmstat deltas, others' shmem pages */

#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif
#ifndef MREMAP_FIXED
#define MREMAP_FIXED 2
#endif
#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE 0x01
#endif
#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif

/* Shmem pages of the whole machine (sysinfo sharedram, in pages). */
static long shmem_pages(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return -1;
	return (long)(si.sharedram * (unsigned long long)si.mem_unit / PAGE);
}

/* The pages a file holds (st_blocks / 8). */
static long file_pages(int fd)
{
	struct stat st;

	if (fstat(fd, &st))
		return -1;
	return (long)(st.st_blocks / (PAGE / 512));
}

/* A new tmpfs file of size bytes (sparse), opened with flags; unlinked at once. */
static int tmpfile_sized(const char *name, off_t size, int flags)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/shm_map-%s", name);
	fd = open(path, flags | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	unlink(path);
	if (size && ftruncate(fd, size)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void *map(size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap(NULL, len, prot, flags, fd, off);

	return p == MAP_FAILED ? NULL : p;
}

static int wait_exit(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* ---- a SIGBUS watcher: the child reports what it got ---- */

struct bus_report {
	volatile int signo, code;
	volatile uintptr_t addr;
};
static struct bus_report *bus_rep;

static void bus_handler(int sig, siginfo_t *si, void *uc)
{
	bus_rep->signo = sig;
	bus_rep->code = si->si_code;
	bus_rep->addr = (uintptr_t)si->si_addr;
	_exit(7);
}

/*
 * Read (or write) *addr in a child: 0 if it got there, else the signal
 * that stopped it. With a handler (SA_SIGINFO) the child reports si_code
 * and si_addr, which must be BUS_ADRERR and addr; a kernel that cannot
 * run handlers yet kills it with the default action: WTERMSIG == SIGBUS.
 */
static int touch_in_child(volatile char *addr, int write)
{
	pid_t pid;
	int st;

	bus_rep->signo = bus_rep->code = 0;
	bus_rep->addr = 0;
	pid = fork();
	if (pid == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = bus_handler;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGBUS, &sa, NULL);
		if (write)
			*addr = 1;
		else
			(void)*addr;
		_exit(0);
	}
	st = wait_exit(pid);
	if (st == 0)
		return 0;
	if (st == 7) {
		EXPECT_EQ(bus_rep->signo, SIGBUS);
		EXPECT_EQ(bus_rep->code, BUS_ADRERR);
		EXPECT(bus_rep->addr == (uintptr_t)addr, "si_addr %#lx, the access was at %p",
		       (unsigned long)bus_rep->addr, (void *)addr);
		return SIGBUS;
	}
	if (st > 128)
		return st - 128;
	return -1;
}

static int bus_setup(void)
{
	bus_rep = map(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	return bus_rep ? 0 : -1;
}

/* ---- cases ---- */

/* Two processes map one file MAP_SHARED: each sees the other's stores, and read() sees both. */
static int t_shm_coherent(void)
{
	int fd = tmpfile_sized("coh", 4 * PAGE, O_RDWR), up[2], down[2];
	char buf[32];
	char *p;
	pid_t pid;

	EXPECT(fd >= 0, "tmpfile: %s", strerror(errno));
	if (fd < 0)
		return CASE_FAIL;
	p = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(p != NULL, "mmap: %s", strerror(errno));
	if (!p || pipe(up) || pipe(down))	/* child -> parent, parent -> child */
		return CASE_FAIL;
	strcpy(p + PAGE + 10, "parent");
	pid = fork();
	if (pid == 0) {
		/* A mapping of its own, at an offset: file page 1 is its page 0. */
		char *q = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE);
		char c;

		if (!q || strcmp(q + 10, "parent"))
			_exit(1);
		strcpy(q + PAGE + 20, "child");		/* file page 2 */
		if (write(up[1], "x", 1) != 1)
			_exit(2);
		if (read(down[0], &c, 1) != 1)		/* wait for the parent's store */
			_exit(3);
		_exit(strcmp(q + 30, "again") ? 4 : 0);
	}
	{
		char c;

		EXPECT_EQ(read(up[0], &c, 1), 1);
	}
	EXPECT(!strcmp(p + 2 * PAGE + 20, "child"), "parent's mapping sees %.8s", p + 2 * PAGE + 20);
	EXPECT_EQ(pread(fd, buf, 6, 2 * PAGE + 20), 6);
	EXPECT(!memcmp(buf, "child", 6), "read() sees %.6s", buf);
	strcpy(p + PAGE + 30, "again");
	EXPECT_EQ(write(down[1], "y", 1), 1);
	EXPECT_EQ(wait_exit(pid), 0);
	EXPECT_EQ(pread(fd, buf, 6, PAGE + 30), 6);
	EXPECT(!memcmp(buf, "again", 6), "read() sees %.6s", buf);
	/* msync is accepted: nothing to write back on tmpfs */
	EXPECT_EQ(msync(p, 4 * PAGE, MS_SYNC), 0);
	EXPECT_EQ(msync(p, 4 * PAGE, MS_ASYNC), 0);
	EXPECT_EQ(msync(p, PAGE, MS_INVALIDATE), 0);
	munmap(p, 4 * PAGE);
	close(fd);
	close(up[0]);
	close(up[1]);
	close(down[0]);
	close(down[1]);
	return case_failed;
}
UT_CASE("shm_coherent", t_shm_coherent);

/* write() into a file is seen at once through a mapping made (and faulted) before. */
static int t_shm_write_seen(void)
{
	int fd = tmpfile_sized("wr", 2 * PAGE, O_RDWR);
	char *shared, *priv;

	if (fd < 0)
		return CASE_FAIL;
	shared = map(2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	priv = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	EXPECT(shared && priv, "mmap: %s", strerror(errno));
	if (!shared || !priv)
		return CASE_FAIL;
	EXPECT_EQ(shared[100] + priv[PAGE + 100], 0);	/* faulted in: zeros */
	EXPECT_EQ(pwrite(fd, "hello", 5, 100), 5);
	EXPECT_EQ(pwrite(fd, "world", 5, PAGE + 100), 5);
	EXPECT(!memcmp(shared + 100, "hello", 5), "shared sees %.5s", shared + 100);
	EXPECT(!memcmp(shared + PAGE + 100, "world", 5), "shared sees %.5s", shared + PAGE + 100);
	/* A private mapping not yet written maps the file's own pages too. */
	EXPECT(!memcmp(priv + PAGE + 100, "world", 5), "private sees %.5s", priv + PAGE + 100);
	/* Extending the file with write() makes new pages mappable. */
	EXPECT_EQ(pwrite(fd, "!", 1, 2 * PAGE + 5), 1);
	{
		char *m = map(3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);

		EXPECT(m != NULL, "mmap 3 pages: %s", strerror(errno));
		if (m) {
			EXPECT_EQ(m[2 * PAGE + 5], '!');
			munmap(m, 3 * PAGE);
		}
	}
	/*
	 * write() from a mapping of the very page it writes, not yet faulted
	 * in (the kernel must fault the source in before it locks the page
	 * cache page, or the fault waits on its own lock).
	 */
	{
		char *m = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		EXPECT(m != NULL, "mmap: %s", strerror(errno));
		if (m) {
			EXPECT_EQ(pwrite(fd, m + 100, 5, 200), 5);	/* page 0 onto page 0 */
			EXPECT(!memcmp(m + 200, "hello", 5), "self-write gave %.5s", m + 200);
			munmap(m, 4 * PAGE);
		}
		m = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (m) {
			/* across two pages, the second a hole never touched */
			EXPECT_EQ(pwrite(fd, m + PAGE - 2, 4, PAGE - 2), 4);
			munmap(m, 4 * PAGE);
		}
	}
	munmap(shared, 2 * PAGE);
	munmap(priv, 2 * PAGE);
	close(fd);
	return case_failed;
}
UT_CASE("shm_write_seen", t_shm_write_seen);

/* MAP_PRIVATE: a write is the process's own copy; the file and other mappers keep theirs. */
static int t_shm_private_cow(void)
{
	int fd = tmpfile_sized("cow", 0, O_RDWR);
	char page[PAGE], buf[16];
	char *priv, *shared;
	pid_t pid;

	if (fd < 0)
		return CASE_FAIL;
	memset(page, 'f', sizeof(page));
	EXPECT_EQ(write(fd, page, PAGE), (long)PAGE);
	EXPECT_EQ(write(fd, page, PAGE), (long)PAGE);
	priv = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	shared = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(priv && shared, "mmap: %s", strerror(errno));
	if (!priv || !shared)
		return CASE_FAIL;
	EXPECT_EQ(priv[0], 'f');		/* read first: the file's page, read-only */
	priv[0] = 'P';				/* then the write copies it */
	priv[PAGE + 1] = 'Q';			/* a write as the first access copies too */
	EXPECT_EQ(priv[0], 'P');
	EXPECT_EQ(priv[1], 'f');		/* the rest of the copy is the file's */
	EXPECT_EQ(shared[0], 'f');
	EXPECT_EQ(shared[PAGE + 1], 'f');
	EXPECT_EQ(pread(fd, buf, 2, 0), 2);
	EXPECT(buf[0] == 'f' && buf[1] == 'f', "file has %.2s", buf);
	/* A later change of the file is not seen by the private copy, but is by the shared map. */
	shared[0] = 'S';
	EXPECT_EQ(priv[0], 'P');
	EXPECT_EQ(pread(fd, buf, 1, 0), 1);
	EXPECT_EQ(buf[0], 'S');
	/* A child of the private mapper has the private copy, COW again. */
	pid = fork();
	if (pid == 0) {
		if (priv[0] != 'P')
			_exit(1);
		priv[0] = 'C';
		_exit(priv[0] == 'C' ? 0 : 2);
	}
	EXPECT_EQ(wait_exit(pid), 0);
	EXPECT_EQ(priv[0], 'P');
	EXPECT_EQ(shared[0], 'S');
	/* mprotect to read-only and back keeps the copy. */
	EXPECT_EQ(mprotect(priv, 2 * PAGE, PROT_READ), 0);
	EXPECT_EQ(priv[PAGE + 1], 'Q');
	EXPECT_EQ(mprotect(priv, 2 * PAGE, PROT_READ | PROT_WRITE), 0);
	priv[PAGE + 2] = 'R';
	EXPECT_EQ(shared[PAGE + 2], 'f');
	munmap(priv, 2 * PAGE);
	munmap(shared, 2 * PAGE);
	close(fd);
	return case_failed;
}
UT_CASE("shm_private_cow", t_shm_private_cow);

/* MAP_SHARED|MAP_ANONYMOUS across fork: one set of pages, however late either touches them. */
static int t_shm_anon_fork(void)
{
	const size_t len = 512 * PAGE;
	char *p = map(len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long s0, s1;
	pid_t pid;

	EXPECT(p != NULL, "mmap: %s", strerror(errno));
	if (!p)
		return CASE_FAIL;
	s0 = shmem_pages();
	p[0] = 'a';		/* present at fork */
	pid = fork();
	if (pid == 0) {
		if (p[0] != 'a')
			_exit(1);
		p[0] = 'b';
		p[5 * PAGE] = 'c';	/* not faulted by anyone before */
		for (int i = 8; i < 264; i++)	/* 256 more: enough for sharedram to show */
			p[i * PAGE] = (char)i;
		_exit(0);
	}
	EXPECT_EQ(wait_exit(pid), 0);
	EXPECT_EQ(p[0], 'b');
	EXPECT_EQ(p[5 * PAGE], 'c');
	s1 = shmem_pages();
	ktap_diag("shmem pages %ld -> %ld (258 touched)", s0, s1);
	EXPECT(s1 - s0 >= 258 - SHMEM_SLACK_PAGES && s1 - s0 <= 258 + SHMEM_SLACK_PAGES,
	       "shmem grew by %ld", s1 - s0);
	for (int i = 8; i < 264; i++)
		if (p[i * PAGE] != (char)i) {
			EXPECT(0, "page %d: %d", i, p[i * PAGE]);
			break;
		}
	/* The parent's later touch is seen by a later child as well. */
	p[400 * PAGE] = 'd';
	pid = fork();
	if (pid == 0)
		_exit(p[400 * PAGE] == 'd' && p[5 * PAGE] == 'c' ? 0 : 1);
	EXPECT_EQ(wait_exit(pid), 0);
	EXPECT_EQ(munmap(p, len), 0);
	s1 = shmem_pages();
	EXPECT(s1 - s0 <= SHMEM_SLACK_PAGES, "shmem %ld -> %ld after munmap", s0, s1);

	/* mmap of /dev/zero: shared is shmem, private is anonymous memory. */
	{
		int zfd = open("/dev/zero", O_RDWR);
		char *zs, *zp;

		if (zfd < 0) {	/* no devtmpfs: make the node (we are root) */
			mknod("/tmp/shm_map-zero", S_IFCHR | 0666, makedev(1, 5));
			zfd = open("/tmp/shm_map-zero", O_RDWR);
			unlink("/tmp/shm_map-zero");
		}
		EXPECT(zfd >= 0, "open /dev/zero: %s", strerror(errno));
		if (zfd < 0)
			return case_failed;
		zs = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, zfd, 0);
		zp = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, zfd, 0);
		EXPECT(zs && zp, "mmap /dev/zero: %s", strerror(errno));
		if (zs && zp) {
			EXPECT_EQ(zs[PAGE] + zp[PAGE], 0);
			zp[0] = 'p';
			pid = fork();
			if (pid == 0) {
				zs[PAGE + 1] = 'z';
				zp[0] = 'q';
				_exit(0);
			}
			EXPECT_EQ(wait_exit(pid), 0);
			EXPECT_EQ(zs[PAGE + 1], 'z');	/* shared with the child */
			EXPECT_EQ(zp[0], 'p');		/* private: the child's write is its own */
		}
		if (zs)
			munmap(zs, 2 * PAGE);
		if (zp)
			munmap(zp, 2 * PAGE);
		close(zfd);
	}
	return case_failed;
}
UT_CASE("shm_anon_fork", t_shm_anon_fork);

/* Truncation under a mapping: pages past EOF are gone from every mapping, SIGBUS. */
static int t_shm_truncate_sigbus(void)
{
	int fd = tmpfile_sized("trunc", 4 * PAGE, O_RDWR);
	char *shared, *priv;
	char buf[4];

	if (fd < 0 || bus_setup())
		return CASE_FAIL;
	shared = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	priv = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (!shared || !priv)
		return CASE_FAIL;
	for (int i = 0; i < 4; i++)
		shared[i * PAGE] = 'a' + i;
	priv[3 * PAGE] = 'X';			/* a private COW copy of file page 3 */
	EXPECT_EQ(priv[2 * PAGE], 'c');		/* and the file's page 2, mapped */
	EXPECT_EQ(ftruncate(fd, PAGE + 100), 0);
	/* Page 1 stays (its tail past EOF is zeroed), pages 2 and 3 are gone. */
	EXPECT_EQ(shared[PAGE], 'b');
	EXPECT_EQ(shared[PAGE + 200], 0);
	EXPECT_EQ(touch_in_child(shared + 2 * PAGE + 8, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(shared + 3 * PAGE, 1), SIGBUS);
	/* Truncation takes the private copies too (Linux's even_cows). */
	EXPECT_EQ(touch_in_child(priv + 2 * PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(priv + 3 * PAGE + 5, 0), SIGBUS);
	EXPECT_EQ(priv[0], 'a');
	/* Growing again brings zeros, not the old data. */
	EXPECT_EQ(ftruncate(fd, 4 * PAGE), 0);
	EXPECT_EQ(shared[2 * PAGE], 0);
	EXPECT_EQ(priv[3 * PAGE], 0);
	EXPECT_EQ(pread(fd, buf, 1, 3 * PAGE), 1);
	EXPECT_EQ(buf[0], 0);
	/* A mapping longer than the file: SIGBUS past the last page from the start. */
	{
		char *m = map(8 * PAGE, PROT_READ, MAP_SHARED, fd, 0);

		EXPECT(m != NULL, "mmap: %s", strerror(errno));
		if (m) {
			EXPECT_EQ(touch_in_child(m + 3 * PAGE, 0), 0);
			EXPECT_EQ(touch_in_child(m + 4 * PAGE, 0), SIGBUS);
			EXPECT_EQ(touch_in_child(m + 7 * PAGE + 4095, 0), SIGBUS);
			munmap(m, 8 * PAGE);
		}
	}
	munmap(shared, 4 * PAGE);
	munmap(priv, 4 * PAGE);
	munmap(bus_rep, PAGE);
	close(fd);
	return case_failed;
}
UT_CASE("shm_truncate_sigbus", t_shm_truncate_sigbus);

/* Punching a hole unmaps the file's pages (they read as zeros), private copies stay. */
static int t_shm_punch_hole(void)
{
	int fd = tmpfile_sized("punch", 0, O_RDWR);
	char page[PAGE];
	char *shared, *priv;
	long s0, s1;

	if (fd < 0)
		return CASE_FAIL;
	memset(page, 'z', sizeof(page));
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(write(fd, page, PAGE), (long)PAGE);
	shared = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	priv = map(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (!shared || !priv)
		return CASE_FAIL;
	EXPECT_EQ(shared[PAGE] + shared[2 * PAGE], 2 * 'z');
	priv[PAGE] = 'p';			/* private copy of page 1 */
	EXPECT_EQ(priv[2 * PAGE], 'z');		/* the file's page 2 */
	s0 = file_pages(fd);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, PAGE, 2 * PAGE), 0);
	s1 = file_pages(fd);
	EXPECT(s0 == 4 && s1 == 2, "punch 2 pages: the file's pages %ld -> %ld", s0, s1);
	EXPECT_EQ(shared[PAGE], 0);
	EXPECT_EQ(shared[2 * PAGE + 7], 0);
	EXPECT_EQ(shared[0], 'z');
	EXPECT_EQ(shared[3 * PAGE], 'z');
	EXPECT_EQ(priv[PAGE], 'p');		/* the private copy survives */
	EXPECT_EQ(priv[PAGE + 1], 'z');
	EXPECT_EQ(priv[2 * PAGE], 0);		/* the file's page was punched */
	EXPECT_EQ(lseek(fd, 0, SEEK_END), (long)(4 * PAGE));
	/* madvise(MADV_REMOVE) punches the hole through a shared writable mapping. */
	/* (reading pages 1 and 2 through the shared mapping faulted them back in: 4 pages) */
	EXPECT_EQ(madvise(shared + 3 * PAGE, PAGE, MADV_REMOVE), 0);
	EXPECT_EQ(file_pages(fd), 3);
	EXPECT_EQ(shared[3 * PAGE], 0);
	errno = 0;
	EXPECT(madvise(priv, PAGE, MADV_REMOVE) == -1 && errno == EACCES,
	       "MADV_REMOVE on a private mapping: errno %d", errno);
	{
		char *anon = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

		EXPECT(anon != NULL, "mmap: %s", strerror(errno));
		if (anon) {
			anon[PAGE] = 'x';
			EXPECT_EQ(madvise(anon, 2 * PAGE, MADV_REMOVE), 0);
			EXPECT_EQ(anon[PAGE], 0);
			munmap(anon, 2 * PAGE);
		}
	}
	munmap(shared, 4 * PAGE);
	munmap(priv, 4 * PAGE);
	close(fd);
	return case_failed;
}
UT_CASE("shm_punch_hole", t_shm_punch_hole);

/* A big sparse file costs nothing to create, map or read(); a touched page costs one. */
static int t_shm_holes_free(void)
{
	const size_t len = 256UL << 20;
	int fd = tmpfile_sized("sparse", len, O_RDWR);
	static char buf[65536];
	long s0, s1, s2;
	char *p;

	if (fd < 0)
		return CASE_FAIL;
	EXPECT_EQ(file_pages(fd), 0);
	s0 = shmem_pages();
	p = map(len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(p != NULL, "mmap 256 MiB: %s", strerror(errno));
	if (!p)
		return CASE_FAIL;
	/* read() the whole file: holes read as zeros, nothing allocated */
	for (size_t off = 0; off < len; off += sizeof(buf) * 64) {
		EXPECT_EQ(pread(fd, buf, sizeof(buf), off), (long)sizeof(buf));
		if (buf[0] || buf[sizeof(buf) - 1])
			EXPECT(0, "non-zero at %zu", off);
	}
	EXPECT_EQ(file_pages(fd), 0);
	s1 = shmem_pages();
	ktap_diag("sparse 256 MiB mapped and read: shmem pages %ld -> %ld", s0, s1);
	EXPECT(labs(s1 - s0) <= SHMEM_SLACK_PAGES, "shmem moved by %ld pages", s1 - s0);
	/* Stores through the mapping allocate just the pages they touch. */
	for (int i = 0; i < 8; i++)
		p[(len / 8) * i + 3] = 1;
	EXPECT_EQ(file_pages(fd), 8);
	munmap(p, len);
	close(fd);
	s2 = shmem_pages();
	EXPECT(labs(s2 - s0) <= SHMEM_SLACK_PAGES, "after close shmem %ld -> %ld", s0, s2);
	return case_failed;
}
UT_CASE("shm_holes_free", t_shm_holes_free);

/* mmap's errors on files, as Linux returns them. */
static int t_shm_mmap_errors(void)
{
	int rw = tmpfile_sized("err", 2 * PAGE, O_RDWR), ro, wo, pfd[2];
	char path[] = "/tmp/shm_map-err2";
	void *p;

	if (rw < 0 || pipe(pfd))
		return CASE_FAIL;
	ro = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	EXPECT_EQ(ftruncate(ro, 2 * PAGE), 0);
	close(ro);
	ro = open(path, O_RDONLY);
	wo = open(path, O_WRONLY);
	unlink(path);
	EXPECT(ro >= 0 && wo >= 0, "open: %s", strerror(errno));

	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED &&
	       errno == EACCES, "O_RDONLY, PROT_WRITE|MAP_SHARED: errno %d", errno);
	/* Read-only shared, or private writable, of an O_RDONLY file is fine. */
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
	EXPECT(p != MAP_FAILED, "O_RDONLY PROT_READ MAP_SHARED: %s", strerror(errno));
	if (p != MAP_FAILED) {
		/* ...but it can never become writable */
		errno = 0;
		EXPECT(mprotect(p, PAGE, PROT_READ | PROT_WRITE) == -1 && errno == EACCES,
		       "mprotect(PROT_WRITE): errno %d", errno);
		munmap(p, PAGE);
	}
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	EXPECT(p != MAP_FAILED, "O_RDONLY MAP_PRIVATE writable: %s", strerror(errno));
	if (p != MAP_FAILED) {
		((char *)p)[0] = 1;
		munmap(p, PAGE);
	}
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, wo, 0) == MAP_FAILED && errno == EACCES,
	       "O_WRONLY: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_WRITE, MAP_PRIVATE, wo, 0) == MAP_FAILED && errno == EACCES,
	       "O_WRONLY private: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, pfd[0], 0) == MAP_FAILED &&
	       errno == ENODEV, "pipe: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rw, 100) == MAP_FAILED && errno == EINVAL,
	       "unaligned offset: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, rw, (off_t)0x7ffffffffffff000LL) ==
	       MAP_FAILED && errno == EOVERFLOW, "offset overflow: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 1000, 0) == MAP_FAILED && errno == EBADF,
	       "bad fd: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, 0, PROT_READ, MAP_SHARED, rw, 0) == MAP_FAILED && errno == EINVAL,
	       "len 0: errno %d", errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, rw, 0) ==
	       MAP_FAILED && errno == EOPNOTSUPP, "MAP_SHARED_VALIDATE|MAP_SYNC: errno %d",
	       errno);
	errno = 0;
	EXPECT(mmap(NULL, PAGE, PROT_READ, 0, rw, 0) == MAP_FAILED && errno == EINVAL,
	       "no MAP_TYPE: errno %d", errno);
	/* An offset inside the file maps that part of it. */
	EXPECT_EQ(pwrite(rw, "off", 3, PAGE), 3);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE, rw, PAGE);
	EXPECT(p != MAP_FAILED, "mmap at offset: %s", strerror(errno));
	if (p != MAP_FAILED) {
		EXPECT(!memcmp(p, "off", 3), "at offset: %.3s", (char *)p);
		munmap(p, PAGE);
	}
	close(ro);
	close(wo);
	close(rw);
	close(pfd[0]);
	close(pfd[1]);
	return case_failed;
}
UT_CASE("shm_mmap_errors", t_shm_mmap_errors);

/* mremap of a shared file mapping: grown and moved, it maps the same file pages. */
static int t_shm_mremap(void)
{
	int fd = tmpfile_sized("mremap", 8 * PAGE, O_RDWR);
	char *p, *q, *r, *other;
	char buf[4];

	if (fd < 0 || bus_setup())
		return CASE_FAIL;
	/* file pages 2..3 */
	p = map(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * PAGE);
	other = map(8 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (!p || !other)
		return CASE_FAIL;
	p[0] = 'A';
	p[PAGE] = 'B';
	/* Grow (moving if it must) to file pages 2..5. */
	q = mremap(p, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE);
	EXPECT(q != MAP_FAILED, "mremap grow: %s", strerror(errno));
	if (q == MAP_FAILED)
		return CASE_FAIL;
	EXPECT_EQ(q[0], 'A');
	EXPECT_EQ(q[PAGE], 'B');
	q[3 * PAGE] = 'C';			/* file page 5 */
	EXPECT_EQ(other[5 * PAGE], 'C');
	EXPECT_EQ(pread(fd, buf, 1, 5 * PAGE), 1);
	EXPECT_EQ(buf[0], 'C');
	/* Move it somewhere else entirely. */
	r = map(4 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!r)
		return CASE_FAIL;
	q = mremap(q, 4 * PAGE, 4 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, r);
	EXPECT(q == r, "mremap fixed: %s", strerror(errno));
	if (q != r)
		return CASE_FAIL;
	EXPECT_EQ(r[0], 'A');
	other[2 * PAGE + 1] = 'D';
	EXPECT_EQ(r[1], 'D');
	/* old_len 0: a second mapping of the same pages */
	q = mremap(r, 0, PAGE, MREMAP_MAYMOVE);
	EXPECT(q != MAP_FAILED, "mremap old_len 0: %s", strerror(errno));
	if (q != MAP_FAILED) {
		q[2] = 'E';
		EXPECT_EQ(r[2], 'E');
		munmap(q, PAGE);
	}
	/*
	 * Truncation finds the moved mapping in the file's i_mmap: its pages
	 * past the new EOF are gone from it too (a stale PTE would let a
	 * forked child read the old data without a fault).
	 */
	EXPECT_EQ(ftruncate(fd, 3 * PAGE), 0);
	EXPECT_EQ(r[0], 'A');
	EXPECT_EQ(touch_in_child(r + PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(r + 3 * PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(other + 5 * PAGE, 0), SIGBUS);
	/* munmap of the middle splits the VMA; both halves stay in i_mmap. */
	EXPECT_EQ(ftruncate(fd, 8 * PAGE), 0);
	for (int i = 0; i < 8; i++)
		other[i * PAGE] = 'a' + i;
	EXPECT_EQ(munmap(other + 3 * PAGE, 2 * PAGE), 0);
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	EXPECT_EQ(other[PAGE], 'b');
	EXPECT_EQ(touch_in_child(other + 2 * PAGE, 0), SIGBUS);
	EXPECT_EQ(touch_in_child(other + 6 * PAGE, 0), SIGBUS);
	munmap(r, 4 * PAGE);
	munmap(other, 8 * PAGE);
	munmap(bus_rep, PAGE);
	close(fd);
	return case_failed;
}
UT_CASE("shm_mremap", t_shm_mremap);

/* fork with a shared file mapping: the child's stores are the parent's, its exit leaks nothing. */
static int t_shm_fork_file(void)
{
	int fd = tmpfile_sized("fork", 16 * PAGE, O_RDWR);
	long s0, s1;
	char *p;
	pid_t pid;

	if (fd < 0 || bus_setup())
		return CASE_FAIL;
	s0 = shmem_pages();
	p = map(16 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (!p)
		return CASE_FAIL;
	for (int i = 0; i < 8; i++)
		p[i * PAGE] = 'p';
	for (int round = 0; round < 4; round++) {
		pid = fork();
		if (pid == 0) {
			for (int i = 0; i < 16; i++)
				if (i < 8 ? p[i * PAGE] != 'p' : p[i * PAGE] != (round ? 'c' : 0))
					_exit(1);
			for (int i = 8; i < 16; i++)
				p[i * PAGE] = 'c';
			_exit(0);
		}
		EXPECT_EQ(wait_exit(pid), 0);
	}
	for (int i = 8; i < 16; i++)
		EXPECT_EQ(p[i * PAGE], 'c');
	EXPECT_EQ(file_pages(fd), 16);
	/* A child truncates: the parent's mapping loses the pages too. */
	pid = fork();
	if (pid == 0)
		_exit(ftruncate(fd, 4 * PAGE) ? 1 : 0);
	EXPECT_EQ(wait_exit(pid), 0);
	EXPECT_EQ(touch_in_child(p + 10 * PAGE, 0), SIGBUS);
	EXPECT_EQ(file_pages(fd), 4);
	munmap(p, 16 * PAGE);
	close(fd);
	munmap(bus_rep, PAGE);
	s1 = shmem_pages();
	EXPECT(labs(s1 - s0) <= SHMEM_SLACK_PAGES, "shmem %ld -> %ld after close", s0, s1);
	return case_failed;
}
UT_CASE("shm_fork_file", t_shm_fork_file);

/* Map, touch, fork, unmap and close many times: memory comes back every time. */
static int t_shm_no_leak(void)
{
	long f0 = 0, f1, s0 = 0, s1;

	/* one warm-up round so that caches and page tables are in place */
	for (int round = 0; round < 6; round++) {
		int fd = tmpfile_sized("leak", 32 * PAGE, O_RDWR);
		volatile char *p, *a;
		pid_t pid;

		if (round == 1) {
			f0 = freeram_kib();
			s0 = shmem_pages();
		}
		if (fd < 0)
			return CASE_FAIL;
		p = map(32 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		a = map(32 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		if (!p || !a)
			return CASE_FAIL;
		for (int i = 0; i < 32; i++) {
			p[i * PAGE] = 1;
			if (i & 1)
				(void)a[i * PAGE];	/* half read: the file's page */
			else
				a[i * PAGE] = 2;	/* half written: a COW copy */
		}
		pid = fork();
		if (pid == 0) {
			for (int i = 0; i < 32; i++)
				a[i * PAGE] = p[i * PAGE];
			_exit(0);
		}
		EXPECT_EQ(wait_exit(pid), 0);
		EXPECT_EQ(ftruncate(fd, 8 * PAGE), 0);
		munmap((void *)p, 32 * PAGE);
		munmap((void *)a, 32 * PAGE);
		close(fd);
	}
	f1 = freeram_kib();
	s1 = shmem_pages();
	ktap_diag("5 rounds: freeram %ld -> %ld KiB, shmem pages %ld -> %ld", f0, f1, s0, s1);
	EXPECT(labs(s1 - s0) <= SHMEM_SLACK_PAGES, "shmem %ld -> %ld", s0, s1);
	EXPECT(f0 - f1 < 512, "freeram fell by %ld KiB", f0 - f1);
	return case_failed;
}
UT_CASE("shm_no_leak", t_shm_no_leak);
