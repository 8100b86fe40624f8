// SPDX-License-Identifier: GPL-2.0
/*
 * memfd, seals, ftruncate/fallocate and System V shared memory (user test
 * suite, docs/mm/shared-memory.md). Every case passes on Linux 6.1 too.
 *
 * Pages are watched through sysinfo's sharedram (the Shmem: line of
 * /proc/meminfo, the NR_SHMEM counter) and st_blocks; nothing else on the
 * test machine uses shmem while a case runs, so the changes are the
 * case's own (SHMEM_SLACK allows for the per-CPU counters Linux has not
 * folded into the total yet).
 *
 * exec'd helpers (usertests --exec-child NAME ...): "memfd-sealed FD"
 * checks that a sealed memfd inherited over exec is still sealed;
 * "shm-write KEY" attaches a segment by key in a fresh program, with no
 * family tie to the reader, and writes a pattern into it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE 4096UL
/* Linux's NR_SHMEM lags by the per-CPU counters' unfolded deltas. */
#define SHMEM_SLACK (64 * PAGE)
#define SHMEM_PAGES 256UL
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif
#ifndef FALLOC_FL_KEEP_SIZE
#define FALLOC_FL_KEEP_SIZE 0x01
#endif
#ifndef FALLOC_FL_PUNCH_HOLE
#define FALLOC_FL_PUNCH_HOLE 0x02
#endif
#define FALLOC_FL_COLLAPSE_RANGE 0x08
#define FALLOC_FL_ZERO_RANGE 0x10

static long sys_memfd(const void *name, unsigned int flags)
{
	return syscall(SYS_memfd_create, name, flags);
}

static unsigned long shmem_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return 0;
	return si.sharedram * (unsigned long)si.mem_unit;
}

/* /proc, mounted if need be (usertests may be /init); 0 if there is none. */
static int have_proc(void)
{
	if (!access("/proc/self/maps", R_OK))
		return 1;
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	return !access("/proc/self/maps", R_OK);
}

/* Does /proc/self/maps have a line naming name? */
static int maps_has(const char *name)
{
	char buf[8192];
	int fd = open("/proc/self/maps", O_RDONLY), found = 0;
	ssize_t n, len = 0;

	if (fd < 0)
		return 0;
	while (len < (ssize_t)sizeof(buf) - 1 && (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	found = strstr(buf, name) != NULL;
	if (!found)
		ktap_diag("/proc/self/maps has no %s:\n%s", name, buf);
	return found;
}

/* ---- memfd_create ----------------------------------------------------------------- */

static int t_memfd_create(void)
{
	char name[300], link[64], target[300];
	struct stat st;
	int fd;

	fd = sys_memfd("ut", 0);
	EXPECT(fd >= 0, "memfd_create: %s", strerror(errno));
	if (fd < 0)
		return CASE_FAIL;
	EXPECT_EQ(fcntl(fd, F_GETFD), 0);
	EXPECT_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	/* Without MFD_ALLOW_SEALING it is born sealed against seals. */
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SEAL);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), -1);
	EXPECT_EQ(errno, EPERM);
	/* An ordinary file: size 0, write, read back, grow and shrink. */
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 0);
	EXPECT(S_ISREG(st.st_mode), "mode 0%o", st.st_mode);
	EXPECT_EQ(write(fd, "hello", 5), 5);
	EXPECT_EQ(pread(fd, name, 5, 0), 5);
	EXPECT(!memcmp(name, "hello", 5), "read back %.5s", name);
	EXPECT_EQ(ftruncate(fd, 3 * PAGE), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 3 * PAGE);
	EXPECT_EQ(ftruncate(fd, 2), 0);
	EXPECT_EQ(pread(fd, name, 5, 0), 2);
	if (have_proc()) {
		/* Linux names it "memfd:NAME", an unlinked file. */
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		ssize_t n = readlink(link, target, sizeof(target) - 1);

		EXPECT(n > 0, "readlink %s: %s", link, strerror(errno));
		if (n > 0) {
			target[n] = 0;
			EXPECT(!strcmp(target, "/memfd:ut (deleted)"), "%s -> %s", link, target);
		}
	} else {
		ktap_diag("no /proc: the fd's name is not checked");
	}
	close(fd);

	fd = sys_memfd("ut-cloexec", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	EXPECT(fd >= 0, "memfd_create(MFD_CLOEXEC|MFD_ALLOW_SEALING): %s", strerror(errno));
	EXPECT_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), 0);
	close(fd);

	/* Unknown flags; the name: 249 bytes at most, and a good pointer. */
	EXPECT_EQ(sys_memfd("ut", 0x100), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(sys_memfd("ut", ~0U), -1);
	EXPECT_EQ(errno, EINVAL);
	memset(name, 'n', sizeof(name));
	name[249] = 0;
	fd = sys_memfd(name, 0);
	EXPECT(fd >= 0, "a 249-byte name: %s", strerror(errno));
	close(fd);
	name[249] = 'n';
	name[250] = 0;
	EXPECT_EQ(sys_memfd(name, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(sys_memfd(NULL, 0), -1);
	EXPECT_EQ(errno, EFAULT);
	EXPECT_EQ(sys_memfd((void *)1, 0), -1);
	EXPECT_EQ(errno, EFAULT);
	EXPECT_EQ(sys_memfd((void *)-4096L, 0), -1);
	EXPECT_EQ(errno, EFAULT);
	return 0;
}
UT_CASE("memfd_create", t_memfd_create);

/* ---- seals ------------------------------------------------------------------------ */

static int sealed_memfd(size_t size)
{
	int fd = sys_memfd("ut-seal", MFD_ALLOW_SEALING);

	if (fd >= 0 && ftruncate(fd, size)) {
		close(fd);
		return -1;
	}
	return fd;
}

static int t_memfd_seals(void)
{
	char buf[PAGE];
	int fd, p[2];

	memset(buf, 'a', sizeof(buf));

	/* F_SEAL_SHRINK: no smaller, but it may grow. */
	fd = sealed_memfd(2 * PAGE);
	EXPECT(fd >= 0, "memfd: %s", strerror(errno));
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK);
	EXPECT_EQ(ftruncate(fd, PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	EXPECT_EQ(ftruncate(fd, 4 * PAGE), 0);
	EXPECT_EQ(pwrite(fd, buf, PAGE, 4 * PAGE), (ssize_t)PAGE);
	close(fd);

	/* F_SEAL_GROW: no larger by ftruncate, write or fallocate; inside is fine. */
	fd = sealed_memfd(2 * PAGE);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW), 0);
	EXPECT_EQ(ftruncate(fd, 3 * PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(pwrite(fd, buf, PAGE, PAGE), (ssize_t)PAGE);
	EXPECT_EQ(pwrite(fd, buf, PAGE, 2 * PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	/* A write across the end stops there: the first page's byte lands. */
	EXPECT_EQ(pwrite(fd, buf, 2, 2 * PAGE - 1), 1);
	EXPECT_EQ(fallocate(fd, 0, PAGE, 2 * PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_KEEP_SIZE, PAGE, 2 * PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(fallocate(fd, 0, 0, 2 * PAGE), 0);
	EXPECT_EQ(ftruncate(fd, PAGE), 0);
	close(fd);

	/* F_SEAL_WRITE: no write, no hole punching; truncation still works. */
	fd = sealed_memfd(0);
	EXPECT_EQ(write(fd, buf, PAGE), (ssize_t)PAGE);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), 0);
	EXPECT_EQ(write(fd, buf, 1), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(pwrite(fd, buf, 1, 0), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, PAGE), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(pread(fd, buf, PAGE, 0), (ssize_t)PAGE);
	EXPECT_EQ(buf[PAGE - 1], 'a');
	EXPECT_EQ(ftruncate(fd, 2 * PAGE), 0);
	close(fd);

	/* F_SEAL_FUTURE_WRITE refuses write() the same way. */
	fd = sealed_memfd(PAGE);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), 0);
	EXPECT_EQ(write(fd, buf, 1), -1);
	EXPECT_EQ(errno, EPERM);
	close(fd);

	/* F_SEAL_SEAL: nothing more, not even nothing; unknown bits. */
	fd = sealed_memfd(PAGE);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, 0x100), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SEAL), 0);
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_GROW | F_SEAL_SEAL);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, 0), -1);
	EXPECT_EQ(errno, EPERM);
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), F_SEAL_GROW | F_SEAL_SEAL);
	close(fd);

	/* Not a shmem file: -EINVAL; a read-only fd cannot seal: -EPERM. */
	EXPECT_EQ(pipe(p), 0);
	EXPECT_EQ(fcntl(p[1], F_ADD_SEALS, F_SEAL_WRITE), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fcntl(p[1], F_GET_SEALS), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fcntl(p[0], F_ADD_SEALS, F_SEAL_WRITE), -1);
	EXPECT_EQ(errno, EPERM);
	close(p[0]);
	close(p[1]);
	EXPECT_EQ(fcntl(-1, F_GET_SEALS), -1);
	EXPECT_EQ(errno, EBADF);
	return 0;
}
UT_CASE("memfd_seals", t_memfd_seals);

/* Seals against mappings: -EBUSY while one is writable, -EPERM for new ones. */
static int t_memfd_seal_mmap(void)
{
	char *p, *q, c;
	int fd;

	fd = sealed_memfd(PAGE);
	EXPECT(fd >= 0, "memfd: %s", strerror(errno));
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(p != MAP_FAILED, "mmap: %s", strerror(errno));
	if (p == MAP_FAILED)
		return CASE_FAIL;
	p[0] = 'x';
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), -1);
	EXPECT_EQ(errno, EBUSY);
	EXPECT_EQ(fcntl(fd, F_GET_SEALS), 0);
	EXPECT_EQ(munmap(p, PAGE), 0);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), 0);
	EXPECT_EQ(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), MAP_FAILED);
	EXPECT_EQ(errno, EPERM);
	/* A private mapping writes into its own copies: allowed. */
	q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	EXPECT(q != MAP_FAILED, "MAP_PRIVATE of a write-sealed memfd: %s", strerror(errno));
	if (q != MAP_FAILED) {
		EXPECT_EQ(q[0], 'x');
		q[0] = 'y';
		EXPECT_EQ(pread(fd, &c, 1, 0), 1);
		EXPECT_EQ(c, 'x');
		munmap(q, PAGE);
	}
	close(fd);

	/* F_SEAL_FUTURE_WRITE: the mapping made before stays writable, new ones may not be. */
	fd = sealed_memfd(PAGE);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	EXPECT(p != MAP_FAILED, "mmap: %s", strerror(errno));
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE), 0);
	if (p != MAP_FAILED) {
		p[1] = 'z';
		EXPECT_EQ(pread(fd, &c, 1, 1), 1);
		EXPECT_EQ(c, 'z');
	}
	EXPECT_EQ(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), MAP_FAILED);
	EXPECT_EQ(errno, EPERM);
	q = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	EXPECT(q != MAP_FAILED, "a read-only shared mapping: %s", strerror(errno));
	if (q != MAP_FAILED) {
		EXPECT_EQ(q[1], 'z');
		/* ... which cannot be made writable later. */
		EXPECT_EQ(mprotect(q, PAGE, PROT_READ | PROT_WRITE), -1);
		EXPECT_EQ(errno, EACCES);
		munmap(q, PAGE);
	}
	munmap(p, PAGE);
	close(fd);
	return 0;
}
UT_CASE("memfd_seal_mmap", t_memfd_seal_mmap);

/* The seals are the file's: a program the fd is passed to over exec finds them. */
static int t_memfd_seal_exec(void)
{
	char fdstr[16];
	int fd, status;
	pid_t pid;

	fd = sealed_memfd(0);
	EXPECT(fd >= 0, "memfd: %s", strerror(errno));
	EXPECT_EQ(write(fd, "sealed", 6), 6);
	EXPECT_EQ(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL), 0);
	snprintf(fdstr, sizeof(fdstr), "%d", fd);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "usertests", "--exec-child", "memfd-sealed", fdstr, NULL };

		execve(prog_path, argv, (char *[]){ NULL });
		_exit(99);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "the exec'd child found the memfd unsealed (exit %d, status 0x%x)",
	       WEXITSTATUS(status), status);
	close(fd);
	return 0;
}
UT_CASE("memfd_seal_exec", t_memfd_seal_exec);

static int memfd_sealed_child(int fd)
{
	char buf[8] = { 0 };

	if (fcntl(fd, F_GET_SEALS) != (F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL))
		return 10;
	if (pread(fd, buf, sizeof(buf), 0) != 6 || memcmp(buf, "sealed", 6))
		return 11;
	if (pwrite(fd, "x", 1, 0) != -1 || errno != EPERM)
		return 12;
	if (ftruncate(fd, 0) != -1 || errno != EPERM)
		return 13;
	if (ftruncate(fd, 100) != -1 || errno != EPERM)
		return 14;
	if (fcntl(fd, F_ADD_SEALS, 0) != -1 || errno != EPERM)
		return 15;
	return 0;
}

/* ---- ftruncate and fallocate ------------------------------------------------------ */

static int t_truncate_fallocate(void)
{
	unsigned long s0, s1, s2;
	struct stat st;
	char buf[PAGE];
	int fd, rfd, dfd, p[2];

	/* ftruncate: the length is checked before the fd. */
	EXPECT_EQ(ftruncate(-1, 0), -1);
	EXPECT_EQ(errno, EBADF);
	EXPECT_EQ(ftruncate(-1, -1), -1);
	EXPECT_EQ(errno, EINVAL);
	fd = sys_memfd("ut-falloc", 0);
	EXPECT(fd >= 0, "memfd: %s", strerror(errno));
	EXPECT_EQ(ftruncate(fd, -1), -1);
	EXPECT_EQ(errno, EINVAL);
	/* Not writable, not a regular file: -EINVAL. */
	EXPECT_EQ(pipe(p), 0);
	EXPECT_EQ(ftruncate(p[1], 0), -1);
	EXPECT_EQ(errno, EINVAL);
	dfd = open("/", O_RDONLY | O_DIRECTORY);
	EXPECT(dfd >= 0, "open /: %s", strerror(errno));
	EXPECT_EQ(ftruncate(dfd, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	rfd = open("/tmp/ut-memfd-ro", O_CREAT | O_TRUNC | O_RDWR, 0644);
	if (rfd < 0) {
		mkdir("/tmp", 01777);
		rfd = open("/tmp/ut-memfd-ro", O_CREAT | O_TRUNC | O_RDWR, 0644);
	}
	EXPECT(rfd >= 0, "create /tmp/ut-memfd-ro: %s", strerror(errno));
	close(rfd);
	rfd = open("/tmp/ut-memfd-ro", O_RDONLY);
	EXPECT_EQ(ftruncate(rfd, 0), -1);
	EXPECT_EQ(errno, EINVAL);

	/* fallocate's errors, in Linux's order. */
	EXPECT_EQ(fallocate(-1, 0, 0, PAGE), -1);
	EXPECT_EQ(errno, EBADF);
	EXPECT_EQ(fallocate(fd, 0, -1, PAGE), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fallocate(fd, 0, 0, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fallocate(fd, 0x80, 0, PAGE), -1);
	EXPECT_EQ(errno, EOPNOTSUPP);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, PAGE), -1);
	EXPECT_EQ(errno, EOPNOTSUPP);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_KEEP_SIZE, 0, PAGE), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, PAGE), -1);	/* tmpfs has none */
	EXPECT_EQ(errno, EOPNOTSUPP);
	EXPECT_EQ(fallocate(rfd, 0, 0, PAGE), -1);
	EXPECT_EQ(errno, EBADF);
	EXPECT_EQ(fallocate(dfd, 0, 0, PAGE), -1);
	EXPECT_EQ(errno, EBADF);
	EXPECT_EQ(fallocate(p[1], 0, 0, PAGE), -1);
	EXPECT_EQ(errno, ESPIPE);
	EXPECT_EQ(fallocate(fd, 0, LLONG_MAX - 10, 100), -1);
	EXPECT_EQ(errno, EFBIG);
	close(p[0]);
	close(p[1]);
	close(dfd);
	close(rfd);
	unlink("/tmp/ut-memfd-ro");

	/* Preallocation allocates (and is charged), reads as zeros; a hole frees. */
	s0 = shmem_bytes();
	EXPECT_EQ(fallocate(fd, 0, 0, SHMEM_PAGES * PAGE), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, SHMEM_PAGES * PAGE);
	EXPECT_EQ(st.st_blocks, SHMEM_PAGES * PAGE / 512);
	s1 = shmem_bytes();
	EXPECT(s1 >= s0 + SHMEM_PAGES * PAGE - SHMEM_SLACK,
	       "Shmem %lu -> %lu bytes after fallocate of %lu pages", s0, s1, SHMEM_PAGES);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_KEEP_SIZE, SHMEM_PAGES * PAGE, 16 * PAGE), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, SHMEM_PAGES * PAGE);
	EXPECT_EQ(st.st_blocks, (SHMEM_PAGES + 16) * PAGE / 512);
	memset(buf, 'q', sizeof(buf));
	EXPECT_EQ(pread(fd, buf, PAGE, 5 * PAGE), (ssize_t)PAGE);
	EXPECT(buf[0] == 0 && buf[PAGE - 1] == 0, "fallocated pages read %d %d", buf[0], buf[PAGE - 1]);
	memset(buf, 'd', sizeof(buf));
	EXPECT_EQ(pwrite(fd, buf, PAGE, 10 * PAGE), (ssize_t)PAGE);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0,
			    (SHMEM_PAGES + 16) * PAGE), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, SHMEM_PAGES * PAGE);
	EXPECT_EQ(st.st_blocks, 0);
	EXPECT_EQ(pread(fd, buf, PAGE, 10 * PAGE), (ssize_t)PAGE);
	EXPECT(buf[0] == 0 && buf[PAGE - 1] == 0, "a punched page reads %d %d", buf[0], buf[PAGE - 1]);
	s2 = shmem_bytes();
	EXPECT(s2 <= s0 + SHMEM_SLACK, "Shmem %lu -> %lu -> %lu bytes: the hole kept pages",
	       s0, s1, s2);
	/* A partial page is zeroed, not freed. */
	memset(buf, 'd', sizeof(buf));
	EXPECT_EQ(pwrite(fd, buf, PAGE, 0), (ssize_t)PAGE);
	EXPECT_EQ(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 100, 200), 0);
	EXPECT_EQ(pread(fd, buf, PAGE, 0), (ssize_t)PAGE);
	EXPECT(buf[99] == 'd' && buf[100] == 0 && buf[299] == 0 && buf[300] == 'd',
	       "after punching [100, 300): %d %d %d %d", buf[99], buf[100], buf[299], buf[300]);
	close(fd);
	return 0;
}
UT_CASE("truncate_fallocate", t_truncate_fallocate);

/* ---- System V shared memory ------------------------------------------------------- */

/* A key of this run's own, so that an earlier run's leftovers do not matter. */
static key_t ut_key(int n)
{
	return (key_t)(0x4c4e0000 | ((getpid() & 0xfff) << 4) | (n & 0xf));
}

static int shm_stat(int id, struct shmid_ds *ds)
{
	memset(ds, 0, sizeof(*ds));
	return shmctl(id, IPC_STAT, ds);
}

static int t_shm_basic(void)
{
	struct shmid_ds ds;
	char *p;
	int id;

	id = shmget(IPC_PRIVATE, 2 * PAGE + 100, IPC_CREAT | 0600);
	EXPECT(id >= 0, "shmget: %s", strerror(errno));
	if (id < 0)
		return CASE_FAIL;
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_segsz, 2 * PAGE + 100);
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(ds.shm_cpid, getpid());
	EXPECT_EQ(ds.shm_lpid, 0);
	EXPECT_EQ(ds.shm_perm.mode, 0600);
	EXPECT_EQ(ds.shm_perm.__key, IPC_PRIVATE);
	EXPECT_EQ(ds.shm_perm.uid, getuid());
	EXPECT_EQ(ds.shm_perm.cuid, getuid());
	EXPECT_EQ(ds.shm_atime, 0);
	EXPECT(ds.shm_ctime > 0, "shm_ctime %ld", (long)ds.shm_ctime);

	p = shmat(id, NULL, 0);
	EXPECT(p != (void *)-1, "shmat: %s", strerror(errno));
	if (p == (void *)-1) {
		shmctl(id, IPC_RMID, NULL);	/* leave nothing behind */
		return CASE_FAIL;
	}
	EXPECT_EQ((uintptr_t)p % PAGE, 0);
	/* Zeros to start with; the whole of the last page is there. */
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(p[3 * PAGE - 1], 0);
	strcpy(p, "sysv");
	p[3 * PAGE - 1] = 'e';
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 1);
	EXPECT_EQ(ds.shm_lpid, getpid());
	EXPECT(ds.shm_atime > 0, "shm_atime %ld", (long)ds.shm_atime);
	if (have_proc()) {
		/* Linux shows the segment's file, "SYSV" and the key. */
		EXPECT(maps_has("/SYSV00000000 (deleted)"), "no SysV mapping in /proc/self/maps");
	}
	EXPECT_EQ(shmdt(p), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT(ds.shm_dtime > 0, "shm_dtime %ld", (long)ds.shm_dtime);
	/* It survives the detach: attach again, the data are there. */
	p = shmat(id, NULL, SHM_RDONLY);
	EXPECT(p != (void *)-1, "shmat again: %s", strerror(errno));
	if (p != (void *)-1) {
		EXPECT(!strcmp(p, "sysv"), "read back %.4s", p);
		EXPECT_EQ(p[3 * PAGE - 1], 'e');
		EXPECT_EQ(shmdt(p), 0);
	}
	/* IPC_SET: the mode's rwx bits. */
	ds.shm_perm.mode = 0640 | 01000;
	EXPECT_EQ(shmctl(id, IPC_SET, &ds), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_perm.mode, 0640);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	EXPECT_EQ(shm_stat(id, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), -1);
	EXPECT_EQ(errno, EINVAL);
	return 0;
}
UT_CASE("shm_basic", t_shm_basic);

static void shm_rdonly_write(void *arg)
{
	*(volatile char *)arg = 1;
}

static int t_shm_errors(void)
{
	key_t key = ut_key(1);
	struct shmid_ds ds;
	char *p, *q, *r;
	int id, id2;

	/* shmget: size, key, IPC_CREAT|IPC_EXCL. */
	EXPECT_EQ(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmget(IPC_PRIVATE, ~0UL - (1UL << 24) + 1, IPC_CREAT | 0600), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmget(key, PAGE, 0600), -1);
	EXPECT_EQ(errno, ENOENT);
	id = shmget(key, PAGE, IPC_CREAT | IPC_EXCL | 0600);
	EXPECT(id >= 0, "shmget: %s", strerror(errno));
	EXPECT_EQ(shmget(key, PAGE, IPC_CREAT | IPC_EXCL | 0600), -1);
	EXPECT_EQ(errno, EEXIST);
	EXPECT_EQ(shmget(key, PAGE, IPC_CREAT | 0600), id);
	EXPECT_EQ(shmget(key, 0, 0), id);
	EXPECT_EQ(shmget(key, 2 * PAGE, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	/* IPC_PRIVATE always makes a new one. */
	id2 = shmget(IPC_PRIVATE, PAGE, 0600);
	EXPECT(id2 >= 0 && id2 != id, "IPC_PRIVATE gave %d (key's %d)", id2, id);

	/* shmat: ids, addresses, SHM_REMAP. */
	EXPECT_EQ(shmat(-1, NULL, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmat(id + (1 << 15), NULL, 0), (void *)-1);	/* another sequence number */
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmat(id, NULL, SHM_REMAP), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	p = shmat(id, NULL, 0);
	EXPECT(p != (void *)-1, "shmat: %s", strerror(errno));
	if (p == (void *)-1) {
		shmctl(id, IPC_RMID, NULL);
		shmctl(id2, IPC_RMID, NULL);
		return CASE_FAIL;
	}
	p[0] = 'k';
	EXPECT_EQ(shmat(id, p + 1, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	/* Kernel addresses: past TASK_SIZE -ENOMEM, wrapping past the top -EINVAL. */
	EXPECT_EQ(shmat(id, (void *)0xffff800000000000UL, 0), (void *)-1);
	EXPECT_EQ(errno, ENOMEM);
	EXPECT_EQ(shmat(id, (void *)-PAGE, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	/* Fixed over a mapping: -EINVAL, unless SHM_REMAP. */
	EXPECT_EQ(shmat(id2, p, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	q = shmat(id2, p, SHM_REMAP);
	EXPECT(q == p, "shmat(SHM_REMAP) at %p gave %p: %s", p, q, strerror(errno));
	EXPECT_EQ(p[0], 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 0);
	EXPECT_EQ(shmdt(p), 0);
	/* SHM_RND rounds down to SHMLBA. */
	r = shmat(id, p + 123, SHM_RND);
	EXPECT(r == p, "shmat(%p, SHM_RND) gave %p: %s", p + 123, r, strerror(errno));
	EXPECT_EQ(r[0], 'k');
	/* SHM_RDONLY: a write is SIGSEGV. */
	q = shmat(id, NULL, SHM_RDONLY);
	EXPECT(q != (void *)-1, "shmat(SHM_RDONLY): %s", strerror(errno));
	if (q != (void *)-1) {
		EXPECT_EQ(q[0], 'k');
		EXPECT_EQ(child_sig(shm_rdonly_write, q), SIGSEGV);
		EXPECT_EQ(mprotect(q, PAGE, PROT_READ | PROT_WRITE), -1);
		EXPECT_EQ(errno, EACCES);
		EXPECT_EQ(shmdt(q), 0);
	}
	/* shmdt: only where a segment starts. */
	EXPECT_EQ(shmdt(r + 1), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmdt(r + PAGE), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmdt(&ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmdt(r), 0);
	EXPECT_EQ(shmdt(r), -1);
	EXPECT_EQ(errno, EINVAL);

	/* shmctl: commands, ids, buffers. */
	EXPECT_EQ(shmctl(id, 999, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmctl(-1, IPC_STAT, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmctl(id, IPC_STAT, (void *)16), -1);
	EXPECT_EQ(errno, EFAULT);
	EXPECT_EQ(shmctl(id, IPC_SET, (void *)16), -1);
	EXPECT_EQ(errno, EFAULT);
	EXPECT_EQ(syscall(SYS_shmctl, id, IPC_STAT | 0x100, &ds), -1);	/* no IPC_64 bit on x86-64 */
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmctl(id, SHM_LOCK, NULL), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_perm.mode, 0600 | SHM_LOCKED);
	EXPECT_EQ(shmctl(id, SHM_UNLOCK, NULL), 0);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	EXPECT_EQ(shmctl(id2, IPC_RMID, NULL), 0);
	EXPECT_EQ(shmat(id, NULL, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmget(key, PAGE, 0600), -1);
	EXPECT_EQ(errno, ENOENT);
	return 0;
}
UT_CASE("shm_errors", t_shm_errors);

/* IPC_INFO, SHM_INFO, SHM_STAT: Linux's defaults and the counts. */
static int t_shm_info(void)
{
	struct shminfo info;
	struct shm_info si;
	struct shmid_ds ds;
	int id, max, idx, found = 0;
	char *p;

	id = shmget(IPC_PRIVATE, 3 * PAGE, IPC_CREAT | 0644);
	EXPECT(id >= 0, "shmget: %s", strerror(errno));
	memset(&info, 0xff, sizeof(info));
	max = shmctl(0, IPC_INFO, (struct shmid_ds *)&info);
	EXPECT(max >= 0, "IPC_INFO: %s", strerror(errno));
	EXPECT_EQ(info.shmmin, 1);
	EXPECT_EQ(info.shmmni, 4096);
	EXPECT_EQ(info.shmseg, 4096);
	EXPECT_EQ(info.shmmax, ~0UL - (1UL << 24));
	EXPECT_EQ(info.shmall, ~0UL - (1UL << 24));
	EXPECT_EQ(info.__unused[0], 0);

	p = shmat(id, NULL, 0);
	EXPECT(p != (void *)-1, "shmat: %s", strerror(errno));
	if (p != (void *)-1)
		p[0] = p[PAGE] = 1;	/* two of the three pages */
	memset(&si, 0xff, sizeof(si));
	EXPECT_EQ(shmctl(0, SHM_INFO, (struct shmid_ds *)&si), max);
	EXPECT(si.__used_ids >= 1, "used_ids %d", si.__used_ids);
	EXPECT(si.shm_tot >= 3, "shm_tot %lu pages", si.shm_tot);
	EXPECT(si.shm_rss >= 2, "shm_rss %lu pages", si.shm_rss);
	EXPECT_EQ(si.shm_swp, 0);
	/* SHM_STAT takes an index and returns the id (what ipcs does). */
	for (idx = 0; idx <= max; idx++) {
		int r = shmctl(idx, SHM_STAT, &ds);

		if (r == id) {
			found = 1;
			EXPECT_EQ(ds.shm_segsz, 3 * PAGE);
			EXPECT_EQ(ds.shm_nattch, 1);
			EXPECT_EQ(shmctl(idx, SHM_STAT_ANY, &ds), id);
		}
	}
	EXPECT(found, "SHM_STAT 0..%d did not find id %d", max, id);
	EXPECT_EQ(shmctl(max + 1, SHM_STAT, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmctl(0, IPC_INFO, (void *)16), -1);
	EXPECT_EQ(errno, EFAULT);
	if (p != (void *)-1)
		shmdt(p);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	return 0;
}
UT_CASE("shm_info", t_shm_info);

/*
 * Two processes with no family tie share a segment by key: a program
 * exec'd by one child attaches, writes and detaches; a second child,
 * its sibling, finds the segment by key afterwards and reads.
 */
static int t_shm_unrelated(void)
{
	key_t key = ut_key(2);
	char keystr[16];
	int status, id;
	pid_t w, r;

	snprintf(keystr, sizeof(keystr), "%d", key);
	w = fork();
	if (w == 0) {
		char *argv[] = { "usertests", "--exec-child", "shm-write", keystr, NULL };

		execve(prog_path, argv, (char *[]){ NULL });
		_exit(99);
	}
	EXPECT_EQ(waitpid(w, &status, 0), w);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the writer: status 0x%x", status);
	r = fork();
	if (r == 0) {
		struct shmid_ds ds;
		int rid = shmget(key, 0, 0);
		char *p;

		if (rid < 0)
			_exit(10);
		if (shmctl(rid, IPC_STAT, &ds) || ds.shm_nattch != 0 || ds.shm_cpid == getpid() ||
		    ds.shm_cpid != ds.shm_lpid)
			_exit(11);
		p = shmat(rid, NULL, SHM_RDONLY);
		if (p == (void *)-1)
			_exit(12);
		for (unsigned long i = 0; i < 4 * PAGE; i += PAGE)
			if (p[i] != (char)(i / PAGE + 'A'))
				_exit(13);
		if (strcmp(p + 1, "written by an exec'd program"))
			_exit(14);
		if (shmdt(p))
			_exit(15);
		_exit(0);
	}
	EXPECT_EQ(waitpid(r, &status, 0), r);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "the reader: exit %d (see t_shm_unrelated), status 0x%x", WEXITSTATUS(status), status);
	id = shmget(key, 0, 0);
	EXPECT(id >= 0, "the segment is gone after the detaches: %s", strerror(errno));
	if (id >= 0)
		EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	return 0;
}
UT_CASE("shm_unrelated", t_shm_unrelated);

static int shm_write_child(key_t key)
{
	int id = shmget(key, 4 * PAGE, IPC_CREAT | 0666);
	char *p;

	if (id < 0)
		return 20;
	p = shmat(id, NULL, 0);
	if (p == (void *)-1)
		return 21;
	for (unsigned long i = 0; i < 4 * PAGE; i += PAGE)
		p[i] = (char)(i / PAGE + 'A');
	strcpy(p + 1, "written by an exec'd program");
	return shmdt(p) ? 22 : 0;
}

/*
 * IPC_RMID while attached: the segment stays (SHM_DEST, key IPC_PRIVATE,
 * found by id only) until the last detach — here by fork's copy going
 * at exit, another's at exec, and our own shmdt — then the id is gone and
 * the pages are free.
 */
static int t_shm_rmid_attached(void)
{
	const unsigned long npages = SHMEM_PAGES;
	unsigned long s0, s1, s2;
	key_t key = ut_key(3);
	struct shmid_ds ds;
	int id, pfd[2], status;
	pid_t a, b;
	char *p, c;

	s0 = shmem_bytes();
	id = shmget(key, npages * PAGE, IPC_CREAT | IPC_EXCL | 0600);
	EXPECT(id >= 0, "shmget: %s", strerror(errno));
	p = shmat(id, NULL, 0);
	EXPECT(p != (void *)-1, "shmat: %s", strerror(errno));
	if (id < 0 || p == (void *)-1) {
		shmctl(id, IPC_RMID, NULL);
		return CASE_FAIL;
	}
	for (unsigned long i = 0; i < npages; i++)
		p[i * PAGE] = 'r';
	s1 = shmem_bytes();
	EXPECT(s1 >= s0 + npages * PAGE - SHMEM_SLACK, "Shmem %lu -> %lu bytes after touching %lu pages",
	       s0, s1, npages);

	/* A fork's copy of the mapping is an attach; exit detaches it, exec too. */
	EXPECT_EQ(pipe(pfd), 0);
	a = fork();
	if (a == 0) {
		close(pfd[1]);
		if (read(pfd[0], &c, 1) != 1 || p[5 * PAGE] != 'r')
			_exit(1);
		p[5 * PAGE] = 'a';
		_exit(0);	/* no shmdt: exit detaches */
	}
	b = fork();
	if (b == 0) {
		char *argv[] = { "usertests", "--exec-child", "exit", "0", NULL };

		close(pfd[1]);
		if (read(pfd[0], &c, 1) != 1)
			_exit(1);
		execve(prog_path, argv, (char *[]){ NULL });
		_exit(99);
	}
	close(pfd[0]);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 3);
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_perm.mode, 0600 | SHM_DEST);
	EXPECT_EQ(ds.shm_perm.__key, IPC_PRIVATE);
	EXPECT_EQ(ds.shm_nattch, 3);
	EXPECT_EQ(shmget(key, 0, 0), -1);	/* not found by key any more */
	EXPECT_EQ(errno, ENOENT);
	EXPECT_EQ(write(pfd[1], "go", 2), 2);
	close(pfd[1]);
	EXPECT_EQ(waitpid(a, &status, 0), a);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(waitpid(b, &status, 0), b);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 1);
	EXPECT_EQ(p[5 * PAGE], 'a');
	/* A split attach is several VMAs, each counted; shmdt takes them all. */
	EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_READ), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT_EQ(ds.shm_nattch, 3);
	EXPECT_EQ(shmdt(p), 0);
	EXPECT_EQ(shm_stat(id, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(shmat(id, NULL, 0), (void *)-1);
	EXPECT_EQ(errno, EINVAL);
	s2 = shmem_bytes();
	EXPECT(s2 <= s0 + SHMEM_SLACK, "Shmem %lu -> %lu -> %lu bytes: the pages stayed",
	       s0, s1, s2);
	return 0;
}
UT_CASE("shm_rmid_attached", t_shm_rmid_attached);

/*
 * Attaches and detaches on several CPUs at once, while the segment is
 * removed under them: every attach counted, the last detach frees it.
 */
static int t_shm_concurrent(void)
{
	const int nchild = 4, rounds = 40;
	unsigned long s0 = shmem_bytes(), s1;
	struct shmid_ds ds;
	int id, status, pfd[2], rfd[2];
	pid_t pids[4];
	char c;

	id = shmget(IPC_PRIVATE, 16 * PAGE, IPC_CREAT | 0600);
	EXPECT(id >= 0, "shmget: %s", strerror(errno));
	if (id < 0)
		return CASE_FAIL;
	EXPECT_EQ(pipe(pfd), 0);
	EXPECT_EQ(pipe(rfd), 0);
	for (int i = 0; i < nchild; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			char *p;

			close(pfd[1]);
			/* Hold one attach until the parent has removed the segment. */
			p = shmat(id, NULL, 0);
			if (p == (void *)-1 || write(rfd[1], "r", 1) != 1)
				_exit(1);
			for (int r = 0; r < rounds; r++) {
				char *q = shmat(id, NULL, 0);

				if (q == (void *)-1)
					_exit(2);
				q[(r % 16) * PAGE] = (char)i;
				if (fork() == 0)
					_exit(q[0] == p[0] ? 0 : 3);	/* fork copies both attaches */
				wait(NULL);
				if (shmdt(q))
					_exit(4);
			}
			if (read(pfd[0], &c, 1) != 0)
				_exit(5);
			_exit(shmdt(p) ? 6 : 0);
		}
	}
	close(pfd[0]);
	close(rfd[1]);
	for (int i = 0; i < nchild; i++)
		EXPECT_EQ(read(rfd[0], &c, 1), 1);
	close(rfd[0]);
	/* Remove it while the children are busy with it. */
	EXPECT_EQ(shmctl(id, IPC_RMID, NULL), 0);
	EXPECT_EQ(shm_stat(id, &ds), 0);
	EXPECT(ds.shm_perm.mode & SHM_DEST, "mode 0%o", ds.shm_perm.mode);
	close(pfd[1]);
	for (int i = 0; i < nchild; i++) {
		EXPECT_EQ(waitpid(pids[i], &status, 0), pids[i]);
		EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %d: status 0x%x", i,
		       status);
	}
	EXPECT_EQ(shm_stat(id, &ds), -1);
	EXPECT_EQ(errno, EINVAL);
	s1 = shmem_bytes();
	EXPECT(s1 <= s0 + SHMEM_SLACK, "Shmem %lu -> %lu bytes", s0, s1);
	return 0;
}
UT_CASE("shm_concurrent", t_shm_concurrent);

/* The exec'd helpers (proc.c's exec_child_main passes them on). */
int memfd_ipc_exec_child(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[2], "memfd-sealed"))
		return memfd_sealed_child(atoi(argv[3]));
	if (argc >= 4 && !strcmp(argv[2], "shm-write"))
		return shm_write_child((key_t)atoi(argv[3]));
	return -1;
}
