// SPDX-License-Identifier: GPL-2.0
/*
 * report - one program built twice, with musl (musl-gcc -static) and with
 * glibc (gcc -static), for done-when 1: as init= on Linux and on Linnet it
 * forks, execs itself, maps memory and writes files through its libc's
 * stdio and malloc, and prints a report whose every line must be the same
 * on both kernels (scripts/compare_linux.py compares them). Nothing in it
 * depends on timing, pids other than its own, or the kernel's name.
 *
 *   report           the report, then exit(3): as PID 1 that is the kernel's
 *                    "Attempted to kill init! exitcode=0x00000300"
 *   report child A   (what the report execs) print argv/envp, exit 9
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __GLIBC__
#define LIBC "glibc"
#else
#define LIBC "musl"
#endif

#define R(fmt, ...) printf("report: " fmt "\n", ##__VA_ARGS__)

int main(int argc, char **argv, char **envp)
{
	if (argc >= 3 && !strcmp(argv[1], "child")) {
		R("child: argc=%d argv[2]=%s HELLO=%s", argc, argv[2], getenv("HELLO") ?: "(unset)");
		fflush(stdout);
		return 9;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	R("libc %s, pid %d, ppid %d", LIBC, getpid(), getppid());
	R("argv[0] %s, AT_PAGESZ %lu", argv[0], getauxval(AT_PAGESZ));

	/* malloc: small and large (musl and glibc both mmap the large one) */
	char *small = malloc(100), *big = malloc(3 << 20);
	if (!small || !big) {
		R("malloc failed: %s", strerror(errno));
		return 1;
	}
	memset(small, 'a', 100);
	for (size_t i = 0; i < (3 << 20); i += 4096)
		big[i] = (char)(i >> 12);
	long sum = 0;
	for (size_t i = 0; i < (3 << 20); i += 4096)
		sum += big[i];
	R("malloc 100 B and 3 MiB: ok, sum %ld", sum);
	free(big);
	free(small);

	/* mmap, mprotect, munmap */
	unsigned char *m = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED) {
		R("mmap: %s", strerror(errno));
		return 1;
	}
	m[0] = 1;
	m[(1 << 20) - 1] = 2;
	R("mmap 1 MiB: first %d last %d middle %d", m[0], m[(1 << 20) - 1], m[1 << 19]);
	int r1 = mprotect(m, 1 << 20, PROT_READ);
	int r2 = munmap(m, 1 << 20);
	R("mprotect read-only: %d; munmap: %d", r1, r2);

	/* files */
	mkdir("/tmp/report", 0755);
	FILE *f = fopen("/tmp/report/out.txt", "w");
	if (!f) {
		R("fopen: %s", strerror(errno));
		return 1;
	}
	for (int i = 0; i < 1000; i++)
		fprintf(f, "line %d\n", i);
	fclose(f);
	struct stat st;
	stat("/tmp/report/out.txt", &st);
	R("wrote /tmp/report/out.txt: %lld bytes, mode %o", (long long)st.st_size, st.st_mode & 0777);
	f = fopen("/tmp/report/out.txt", "r");
	char line[64];
	int lines = 0;
	while (fgets(line, sizeof(line), f))
		lines++;
	fclose(f);
	R("read back %d lines, last '%.*s'", lines, (int)strcspn(line, "\n"), line);
	r1 = rename("/tmp/report/out.txt", "/tmp/report/b.txt");
	r2 = unlink("/tmp/report/b.txt");
	int r3 = rmdir("/tmp/report");
	R("rename %d, unlink %d, rmdir %d", r1, r2, r3);
	r1 = open("/tmp/report/none", O_RDONLY);
	R("open missing: %d %s", r1, strerror(errno));

	/* fork: the child writes into its copy of the data, the parent's stays */
	static int shared = 5;
	int status;
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		shared = 6;
		printf("report: fork child: getppid() is the parent: %s, shared %d\n",
		       getppid() == parent ? "yes" : "no", shared);
		fflush(stdout);
		_exit(7);
	}
	waitpid(pid, &status, 0);
	R("fork: child status 0x%x exited %d code %d; shared still %d", status, WIFEXITED(status),
	  WEXITSTATUS(status), shared);

	/* exec ourselves with new argv and envp */
	const char *self = (const char *)getauxval(AT_EXECFN);
	pid = fork();
	if (pid == 0) {
		char *args[] = { argv[0], "child", "from-exec", NULL };
		char *env[] = { "HELLO=world", NULL };

		execve(self, args, env);
		R("execve %s: %s", self, strerror(errno));
		_exit(127);
	}
	waitpid(pid, &status, 0);
	R("exec: child exited %d", WEXITSTATUS(status));
	/* a pipe between two processes */
	int p[2];
	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		dprintf(p[1], "through the pipe");
		_exit(0);
	}
	close(p[1]);
	char buf[64] = { 0 };
	ssize_t n = read(p[0], buf, sizeof(buf) - 1);
	waitpid(pid, &status, 0);
	R("pipe: %zd bytes '%s'", n, buf);
	R("done, exit(3)");
	return 3;
}
