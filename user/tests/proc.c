// SPDX-License-Identifier: GPL-2.0
/*
 * Processes and exec (user test suite, docs/user.md): fork/wait4 and the
 * status word as Linux encodes it (exit code << 8; the signal in the low
 * 7 bits), vfork and clone(CLONE_VM|CLONE_VFORK), orphans re-parented to
 * PID 1, execve's argv/envp/auxv as Linux lays them out (fs/binfmt_elf.c
 * create_elf_tables), execve's errors, close-on-exec, and a few file and
 * pipe system calls the other cases rely on.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

int t_fork_wait(void)
{
	int status, p[2];
	pid_t me = getpid(), pid;
	char c;

	EXPECT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		/* the child: its parent is us; tell it our pid */
		pid_t mine = getpid();

		if (getppid() != me)
			_exit(3);
		if (write(p[1], &mine, sizeof(mine)) != sizeof(mine))
			_exit(4);
		_exit(42);
	}
	EXPECT(pid > 0, "fork: %s", strerror(errno));
	pid_t seen = 0;
	EXPECT_EQ(read(p[0], &seen, sizeof(seen)), sizeof(seen));
	EXPECT_EQ(seen, pid);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status), "status 0x%x", status);
	EXPECT_EQ(WEXITSTATUS(status), 42);
	EXPECT_EQ(status, 42 << 8);
	/* no children left: ECHILD */
	EXPECT_EQ(waitpid(-1, &status, 0), -1);
	EXPECT_EQ(errno, ECHILD);
	/* WNOHANG with a live child returns 0 */
	pid = fork();
	if (pid == 0) {
		(void)!read(p[0], &c, 1);
		_exit(7);
	}
	EXPECT_EQ(waitpid(pid, &status, WNOHANG), 0);
	EXPECT_EQ(write(p[1], "x", 1), 1);
	EXPECT_EQ(wait4(pid, &status, 0, NULL), pid);
	EXPECT_EQ(status, 7 << 8);
	/* waiting for a pid that is not our child: ECHILD */
	EXPECT_EQ(waitpid(1, &status, WNOHANG), -1);
	EXPECT_EQ(errno, ECHILD);
	/* several children, reaped in any order, each once */
	pid_t kids[5];
	for (int i = 0; i < 5; i++) {
		kids[i] = fork();
		if (kids[i] == 0)
			_exit(10 + i);
	}
	int got = 0;
	for (int i = 0; i < 5; i++) {
		pid_t w = waitpid(-1, &status, 0);

		for (int j = 0; j < 5; j++)
			if (w == kids[j] && status == (10 + j) << 8)
				got |= 1 << j;
	}
	EXPECT_EQ(got, 0x1f);
	close(p[0]);
	close(p[1]);
	return 0;
}

int t_exit_codes(void)
{
	static const int codes[] = { 0, 1, 127, 128, 255, 256, 257, -1 };

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0)
			syscall(SYS_exit_group, codes[i]);
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT(WIFEXITED(status), "exit(%d): status 0x%x", codes[i], status);
		EXPECT(WEXITSTATUS(status) == (codes[i] & 0xff), "exit(%d): WEXITSTATUS %d",
		       codes[i], WEXITSTATUS(status));
	}
	/* exit (60) of the only thread is exit_group */
	pid_t pid = fork();
	int status;
	if (pid == 0)
		syscall(SYS_exit, 9);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 9 << 8);
	return 0;
}

static void sleep_forever(void *a)
{
	for (;;)
		pause();
}

int t_signal_status(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGINT, SIGUSR1, SIGHUP };
	int status;

	for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid_t pid = fork();

		if (pid == 0) {
			kill(getpid(), sigs[i]);
			_exit(99);
		}
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
		       "signal %d: status 0x%x", sigs[i], status);
		EXPECT_EQ(status, sigs[i]);	/* no core-dump bit: RLIMIT_CORE is 0 */
	}
	/* a signal from the parent, to a child blocked in pause() */
	pid_t pid = fork();
	if (pid == 0)
		sleep_forever(NULL);
	EXPECT_EQ(kill(pid, SIGTERM), 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, SIGTERM);
	/* SIGCHLD's default is to ignore: a child raising it lives on */
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGCHLD);
		_exit(5);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 5 << 8);
	/* an ignored SIGTERM does not kill; kill(pid, 0) probes */
	pid = fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_IGN);
		kill(getpid(), SIGTERM);
		_exit(6);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 6 << 8);
	EXPECT_EQ(kill(getpid(), 0), 0);
	EXPECT_EQ(kill(pid, 0), -1);	/* reaped: no such process */
	EXPECT_EQ(errno, ESRCH);
	EXPECT_EQ(kill(getpid(), 65), -1);
	EXPECT_EQ(errno, EINVAL);
	return 0;
}

static volatile int vfork_shared;

static int clone_fn(void *arg)
{
	*(volatile int *)arg = 77;
	return 0;
}

int t_vfork_clone(void)
{
	int status;
	pid_t pid;

	/* vfork: the child shares our memory and we wait until it exits */
	vfork_shared = 0;
	pid = vfork();
	if (pid == 0) {
		vfork_shared = 1234;
		_exit(3);
	}
	EXPECT(pid > 0, "vfork: %s", strerror(errno));
	EXPECT_EQ(vfork_shared, 1234);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 3 << 8);
	/* vfork + exec: the parent resumes at the child's exec */
	pid = vfork();
	if (pid == 0) {
		char *argv[] = { "usertests", "--exec-child", "exit", "11", NULL };
		execve(prog_path, argv, (char *[]){ NULL });
		_exit(127);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 11 << 8);
	/* clone(CLONE_VM|CLONE_VFORK|SIGCHLD) on a stack of our own */
	static char stack[64 * 1024] __attribute__((aligned(16)));
	volatile int shared = 0;
	pid = clone(clone_fn, stack + sizeof(stack), CLONE_VM | CLONE_VFORK | SIGCHLD,
		    (void *)&shared);
	EXPECT(pid > 0, "clone: %s", strerror(errno));
	EXPECT_EQ(shared, 77);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	/* clone(SIGCHLD) alone is fork: the child's write is its own */
	shared = 0;
	pid = clone(clone_fn, stack + sizeof(stack), SIGCHLD, (void *)&shared);
	EXPECT(pid > 0, "clone: %s", strerror(errno));
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(shared, 0);
	return 0;
}

/* A grandchild whose parent exits is re-parented to PID 1 (forget_original_parent). */
int t_orphans(void)
{
	int p[2], status;
	pid_t mid, me = getpid();

	EXPECT_EQ(pipe(p), 0);
	mid = fork();
	if (mid == 0) {
		pid_t gc = fork();

		if (gc == 0) {
			pid_t parent = getppid(), now;
			struct timespec ts = { 0, 1000000 };

			for (int i = 0; i < 5000 && (now = getppid()) == parent; i++)
				nanosleep(&ts, NULL);
			(void)!write(p[1], &now, sizeof(now));
			_exit(0);
		}
		_exit(0);
	}
	EXPECT_EQ(waitpid(mid, &status, 0), mid);
	pid_t newparent = -1;
	EXPECT_EQ(read(p[0], &newparent, sizeof(newparent)), sizeof(newparent));
	EXPECT(newparent == 1, "orphan's parent is %d (we are %d)", newparent, me);
	return 0;
}

/* ---- exec ---- */

extern const char __ehdr_start[];	/* the linker's symbol for our ELF header */

/* The child side of exec_args: check what execve gave us; exit 0 if all is right. */
int exec_child_main(int argc, char **argv, char **envp)
{
	int r = memfd_ipc_exec_child(argc, argv);	/* memfd_ipc.c's helpers */

	if (r >= 0)
		return r;
	if (argc >= 4 && !strcmp(argv[2], "exit"))
		return atoi(argv[3]);
	if (argc >= 3 && !strcmp(argv[2], "segv")) {
		volatile int *volatile bad = (volatile int *)16;

		*bad = 1;	/* tests/kernel/user_kunit.c: killed by SIGSEGV */
	}
	if (argc >= 4 && !strcmp(argv[2], "fdcheck")) {
		/* argv[3]: a close-on-exec fd that must be closed; argv[4]: one that must be open */
		int closed = atoi(argv[3]), open_fd = atoi(argv[4]);

		if (fcntl(closed, F_GETFD) != -1 || errno != EBADF)
			return 20;
		if (fcntl(open_fd, F_GETFD) != 0)
			return 21;
		return 0;
	}
	/* argv: "usertests" "--exec-child" "args" PATH "" "two words"; envp FOO=bar EMPTY= */
	if (argc != 6 || strcmp(argv[0], "usertests") || strcmp(argv[2], "args") ||
	    strcmp(argv[4], "") || strcmp(argv[5], "two words") || argv[6] != NULL)
		return 30;
	if (!envp[0] || strcmp(envp[0], "FOO=bar") || !envp[1] || strcmp(envp[1], "EMPTY=") ||
	    envp[2])
		return 31;
	if (strcmp(getenv("FOO") ?: "", "bar"))
		return 32;
	/* auxv follows envp's NULL on the initial stack */
	Elf64_auxv_t *av = (Elf64_auxv_t *)(envp + 3 /* envc 2, then NULL */);
	int seen = 0;
	for (; av->a_type != AT_NULL; av++)
		if (av->a_type == AT_PAGESZ)
			seen = 1;
	if (!seen)
		return 33;
	if (getauxval(AT_PAGESZ) != 4096)
		return 34;
	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	if (!rnd)
		return 35;
	int nonzero = 0;
	for (int i = 0; i < 16; i++)	/* 16 readable bytes, not all zero */
		nonzero |= rnd[i];
	if (!nonzero)
		return 36;
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	if (!execfn || strcmp(execfn, argv[3]))
		return 37;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)__ehdr_start;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return 38;
	unsigned long base = eh->e_type == ET_DYN ? (unsigned long)eh : 0;
	if (getauxval(AT_PHDR) != (unsigned long)eh + eh->e_phoff)
		return 39;
	if (getauxval(AT_PHNUM) != eh->e_phnum || getauxval(AT_PHENT) != sizeof(Elf64_Phdr))
		return 40;
	if (getauxval(AT_ENTRY) != base + eh->e_entry)
		return 41;
	if (getauxval(AT_UID) != getuid() || getauxval(AT_EUID) != geteuid() ||
	    getauxval(AT_GID) != getgid() || getauxval(AT_EGID) != getegid())
		return 42;
	if (getauxval(AT_SECURE) != 0)
		return 43;
	/* the strings sit above the pointer arrays, on the stack */
	if ((unsigned long)argv[0] < (unsigned long)&argv[argc] ||
	    (unsigned long)envp[0] < (unsigned long)argv[0])
		return 44;
	/* argc sits just below argv on the initial stack */
	if (((long *)argv)[-1] != argc)
		return 45;
	/* the PT_PHDR-less static binary: AT_PHDR's entries match our own headers */
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	int loads = 0;
	for (int i = 0; i < eh->e_phnum; i++)
		loads += ph[i].p_type == PT_LOAD;
	if (!loads)
		return 46;
	return 0;
}

int t_exec_args(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		char *argv[] = { "usertests", "--exec-child", "args", (char *)prog_path, "",
				 "two words", NULL };
		char *envp[] = { "FOO=bar", "EMPTY=", NULL };

		execve(prog_path, argv, envp);
		_exit(127);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(status == 0, "the exec'd child exited %d (see exec_child_main), status 0x%x",
	       WEXITSTATUS(status), status);
	return 0;
}

/* Static-pie (ET_DYN) programs: the kernel picks their base (user/Makefile's *-pie). */
int t_exec_static_pie(void)
{
	static const struct { const char *path; char *arg; int status; } progs[] = {
		{ "/bin/nolibc-pie", NULL, 3 << 8 },
		{ "/bin/glibc-pie", "child", 9 << 8 },
	};
	int ran = 0;

	for (unsigned i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		int status;

		if (access(progs[i].path, X_OK))
			continue;
		ran++;
		pid_t pid = fork();
		if (pid == 0) {
			char *argv[] = { (char *)progs[i].path, progs[i].arg, "pie", NULL };
			int null = open("/dev/null", O_WRONLY);

			if (null >= 0)
				dup2(null, 1);	/* its report is not KTAP */
			execve(progs[i].path, argv, (char *[]){ NULL });
			_exit(127);
		}
		EXPECT_EQ(waitpid(pid, &status, 0), pid);
		EXPECT(status == progs[i].status, "%s: status 0x%x, want 0x%x", progs[i].path, status,
		       progs[i].status);
	}
	if (!ran)
		ktap_diag("no static-pie program in /bin");
	return ran ? CASE_PASS : CASE_SKIP;
}

static long exec_err(const char *path, char **argv)
{
	return raw_syscall3(SYS_execve, path, argv, (char *[]){ NULL });
}

int t_exec_errors(void)
{
	char *argv[] = { "x", NULL };
	int fd;

	EXPECT_EQ(exec_err("/no/such/file", argv), -ENOENT);
	EXPECT_EQ(exec_err("", argv), -ENOENT);
	EXPECT_EQ(exec_err("/etc", argv), -EACCES);	/* a directory */
	/* garbage with the execute bit: no binary format takes it */
	fd = open("/tmp/ut-garbage", O_CREAT | O_TRUNC | O_WRONLY, 0755);
	EXPECT(fd >= 0, "open: %s", strerror(errno));
	for (int i = 0; i < 64; i++)
		(void)!write(fd, "\x01\x02garbage!", 10);
	close(fd);
	EXPECT_EQ(exec_err("/tmp/ut-garbage", argv), -ENOEXEC);
	/* not executable */
	chmod("/tmp/ut-garbage", 0644);
	EXPECT_EQ(exec_err("/tmp/ut-garbage", argv), -EACCES);
	unlink("/tmp/ut-garbage");
	/* our own ELF header and program headers with e_machine changed */
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)__ehdr_start;
	Elf64_Ehdr bad = *eh;
	bad.e_machine = EM_AARCH64;
	fd = open("/tmp/ut-arm", O_CREAT | O_TRUNC | O_WRONLY, 0755);
	EXPECT_EQ(write(fd, &bad, sizeof(bad)), sizeof(bad));
	(void)!write(fd, __ehdr_start + sizeof(bad), 4096 - sizeof(bad));
	close(fd);
	EXPECT_EQ(exec_err("/tmp/ut-arm", argv), -ENOEXEC);
	unlink("/tmp/ut-arm");
	/* a header alone, cut before its program headers */
	fd = open("/tmp/ut-short", O_CREAT | O_TRUNC | O_WRONLY, 0755);
	EXPECT_EQ(write(fd, eh, 40), 40);
	close(fd);
	EXPECT_EQ(exec_err("/tmp/ut-short", argv), -ENOEXEC);
	unlink("/tmp/ut-short");
	/* bad pointers, and the caller carries on */
	EXPECT_EQ(exec_err(NULL, argv), -EFAULT);
	EXPECT_EQ(exec_err(prog_path, (char **)8), -EFAULT);
	EXPECT_EQ(getpid() > 0, 1);
	return 0;
}

int t_cloexec(void)
{
	int a = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
	int b = open("/etc/hostname", O_RDONLY);
	int c = dup(b), status;
	char sa[16], sb[16];

	EXPECT(a >= 0 && b >= 0, "open /etc/hostname: %s", strerror(errno));
	EXPECT_EQ(fcntl(a, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(fcntl(b, F_GETFD), 0);
	EXPECT_EQ(fcntl(c, F_GETFD), 0);		/* dup clears FD_CLOEXEC */
	EXPECT_EQ(fcntl(c, F_SETFD, FD_CLOEXEC), 0);
	EXPECT_EQ(fcntl(c, F_GETFD), FD_CLOEXEC);
	EXPECT_EQ(dup3(b, 30, O_CLOEXEC), 30);
	EXPECT_EQ(fcntl(30, F_GETFD), FD_CLOEXEC);
	snprintf(sa, sizeof(sa), "%d", a);
	snprintf(sb, sizeof(sb), "%d", b);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "usertests", "--exec-child", "fdcheck", sa, sb, NULL };
		execve(prog_path, argv, (char *[]){ NULL });
		_exit(127);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(status == 0, "child status 0x%x", status);
	return 0;
}

int t_files(void)
{
	char buf[64];
	struct stat st;
	int fd = open("/tmp/ut-file", O_CREAT | O_TRUNC | O_RDWR, 0640);

	EXPECT(fd >= 0, "open: %s", strerror(errno));
	EXPECT_EQ(write(fd, "hello, world\n", 13), 13);
	EXPECT_EQ(lseek(fd, 0, SEEK_CUR), 13);
	EXPECT_EQ(lseek(fd, 7, SEEK_SET), 7);
	EXPECT_EQ(read(fd, buf, sizeof(buf)), 6);
	EXPECT(!memcmp(buf, "world\n", 6), "read back");
	EXPECT_EQ(pread(fd, buf, 5, 0), 5);
	EXPECT(!memcmp(buf, "hello", 5), "pread");
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 13);
	EXPECT_EQ(st.st_mode & 07777, 0640);
	EXPECT(S_ISREG(st.st_mode), "mode 0%o", st.st_mode);
	EXPECT_EQ(ftruncate(fd, 5), 0);
	EXPECT_EQ(fstat(fd, &st), 0);
	EXPECT_EQ(st.st_size, 5);
	EXPECT_EQ(close(fd), 0);
	EXPECT_EQ(close(fd), -1);
	EXPECT_EQ(errno, EBADF);
	EXPECT_EQ(mkdir("/tmp/ut-dir", 0755), 0);
	EXPECT_EQ(rename("/tmp/ut-file", "/tmp/ut-dir/f"), 0);
	EXPECT_EQ(stat("/tmp/ut-dir/f", &st), 0);
	EXPECT_EQ(chdir("/tmp/ut-dir"), 0);
	EXPECT(getcwd(buf, sizeof(buf)) && !strcmp(buf, "/tmp/ut-dir"), "getcwd");
	EXPECT_EQ(unlink("f"), 0);
	EXPECT_EQ(chdir("/"), 0);
	EXPECT_EQ(rmdir("/tmp/ut-dir"), 0);
	EXPECT_EQ(open("/tmp/ut-dir/f", O_RDONLY), -1);
	EXPECT_EQ(errno, ENOENT);
	return 0;
}

int t_pipe(void)
{
	int p[2], status;
	char buf[8192];

	EXPECT_EQ(pipe2(p, O_CLOEXEC), 0);
	EXPECT_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		memset(buf, 'z', sizeof(buf));
		for (int i = 0; i < 64; i++)	/* 512 KiB: more than a pipe holds */
			if (write(p[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(p[1]);
	long total = 0, n, bad = 0;
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++)
			bad += buf[i] != 'z';
		total += n;
	}
	EXPECT_EQ(n, 0);		/* EOF once the writer is gone */
	EXPECT_EQ(total, 64 * 8192);
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	/* writing with no reader: SIGPIPE kills (its default action) */
	EXPECT_EQ(pipe(p), 0);
	close(p[0]);
	pid = fork();
	if (pid == 0) {
		(void)!write(p[1], "x", 1);
		_exit(0);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, SIGPIPE);
	/* ignored: EPIPE */
	signal(SIGPIPE, SIG_IGN);
	EXPECT_EQ(write(p[1], "x", 1), -1);
	EXPECT_EQ(errno, EPIPE);
	close(p[1]);
	return 0;
}
