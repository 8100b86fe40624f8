// SPDX-License-Identifier: GPL-2.0
/*
 * usertests - Linnet's user test suite (docs/user.md): one static musl
 * program whose cases check the system-call ABI the way Linux's
 * tools/testing/selftests check theirs, printing KTAP.
 *
 *   usertests [-i INDENT] [-q] [-t SECONDS] [-x CASE]... [CASE...]
 *
 * Each case runs in a child process of its own, watched by a second child
 * that kills it with SIGKILL after -t seconds (default 60: no alarm(2)
 * yet), so a crash or a hang of one case is that case's "not ok" and the
 * suite goes on. A case that dies of a signal is reported with it.
 * -q prints nothing (the exit status says it all: the kernel's warm-up run).
 * -x leaves a case out (the kernel's wrapper leaves out "orphans": its
 * orphans would be re-parented to a PID 1 that is a kernel thread).
 * Without -i the output is a whole KTAP document ("usertests" as its one
 * suite, as the kernel prints its suites); with -i N only the suite's
 * block, N spaces in: how tests/kernel/user_kunit.c nests it under its
 * case. As PID 1 (init=/bin/usertests) it powers the machine off at the
 * end, as Linux's reboot(2) does. Every case passes on Linux (the
 * conformance evidence: docs/user.md has the run).
 */
#include <stdlib.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

int case_failed;
const char *prog_path = "/bin/usertests";

static const struct ut_case table[] = {
	{ "fork_wait", t_fork_wait },
	{ "exit_codes", t_exit_codes },
	{ "signal_status", t_signal_status },
	{ "vfork_clone", t_vfork_clone },
	{ "orphans", t_orphans },
	{ "exec_args_auxv", t_exec_args },
	{ "exec_errors", t_exec_errors },
	{ "exec_static_pie", t_exec_static_pie },
	{ "cloexec", t_cloexec },
	{ "files", t_files },
	{ "pipe", t_pipe },
	{ "demand_paging", t_demand_paging },
	{ "cow", t_cow },
	{ "cow_readonly", t_cow_readonly },
	{ "munmap_split", t_munmap_split },
	{ "mprotect_split", t_mprotect_split },
	{ "mremap", t_mremap },
	{ "mmap_errors", t_mmap_errors },
	{ "brk", t_brk },
	{ "stack_growth", t_stack_growth },
	{ "segv_child", t_segv_child },
	{ "traps", t_traps },
	{ "efault", t_efault },
	{ "enosys", t_enosys },
	{ "concurrent_cow", t_concurrent_cow },
};
#define NTABLE (int)(sizeof(table) / sizeof(table[0]))

/* The UT_CASE()s of the other files: the linker brackets their section. */
extern const struct ut_case __start_ut_cases[] __attribute__((weak));
extern const struct ut_case __stop_ut_cases[] __attribute__((weak));

static int ncases(void)
{
	return NTABLE + (int)(__stop_ut_cases - __start_ut_cases);
}

static const struct ut_case *case_at(int i)
{
	return i < NTABLE ? &table[i] : &__start_ut_cases[i - NTABLE];
}

int run_child(void (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

int child_sig(void (*fn)(void *), void *arg)
{
	int st = run_child(fn, arg);

	if (st == -1)
		return -1;
	return WIFSIGNALED(st) ? WTERMSIG(st) : 0;
}

long minflt_self(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return -1;
	return ru.ru_minflt;
}

long freeram_kib(void)
{
	struct sysinfo si;

	if (sysinfo(&si))
		return -1;
	return (long)(si.freeram * (unsigned long long)si.mem_unit / 1024);
}

static const char *excluded[16];
static int nexcluded;

static int selected(const char *name, int n, char **want)
{
	for (int i = 0; i < nexcluded; i++)
		if (!strcmp(excluded[i], name))
			return 0;
	if (!n)
		return 1;
	for (int i = 0; i < n; i++)
		if (!strcmp(want[i], name))
			return 1;
	return 0;
}

/* One case: a child runs it, a watchdog child kills it after timeout s. */
static int run_case(int i, int timeout)
{
	int status;
	pid_t pid, dog;

	pid = fork();
	if (pid < 0) {
		ktap_diag("fork: %s", strerror(errno));
		return CASE_FAIL;
	}
	if (pid == 0) {
		case_failed = 0;
		int r = case_at(i)->fn();
		_exit(r == CASE_SKIP ? CASE_SKIP : (r || case_failed) ? CASE_FAIL : CASE_PASS);
	}
	dog = fork();
	if (dog == 0) {
		struct timespec ts = { .tv_sec = timeout };

		while (nanosleep(&ts, &ts) && errno == EINTR)
			;
		kill(pid, SIGKILL);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		ktap_diag("waitpid: %s", strerror(errno));
		status = CASE_FAIL << 8;
	}
	if (dog > 0) {
		kill(dog, SIGKILL);
		waitpid(dog, NULL, 0);
	}
	if (WIFSIGNALED(status)) {
		ktap_diag("%s: killed by signal %d%s", case_at(i)->name, WTERMSIG(status),
			  WTERMSIG(status) == SIGKILL ? " (timeout?)" : "");
		return CASE_FAIL;
	}
	return WEXITSTATUS(status);
}

int main(int argc, char **argv, char **envp)
{
	int timeout = 60, opt, standalone = 1, n = 0, pass = 0, fail = 0, skip = 0;
	unsigned long execfn = getauxval(AT_EXECFN);

	if (execfn)
		prog_path = (const char *)execfn;
	if (argc > 1 && !strcmp(argv[1], "--exec-child"))
		return exec_child_main(argc, argv, envp);
	while ((opt = getopt(argc, argv, "i:qt:x:")) != -1) {
		if (opt == 'i') {
			ktap_indent = atoi(optarg);
			standalone = 0;
		} else if (opt == 'q') {
			ktap_quiet = 1;
		} else if (opt == 'x' && nexcluded < 16) {
			excluded[nexcluded++] = optarg;
		} else if (opt == 't') {
			timeout = atoi(optarg);
		} else {
			fprintf(stderr, "usage: %s [-i INDENT] [-q] [-t SECONDS] [-x CASE]... [CASE...]\n", argv[0]);
			return 2;
		}
	}
	for (int i = 0; i < ncases(); i++)
		n += selected(case_at(i)->name, argc - optind, argv + optind);
	if (standalone) {
		ktap_line("KTAP version 1");
		ktap_line("1..1");
		ktap_indent = 4;
	}
	ktap_line("KTAP version 1");
	ktap_line("# Subtest: usertests");
	ktap_line("1..%d", n);
	for (int i = 0, nr = 0; i < ncases(); i++) {
		if (!selected(case_at(i)->name, argc - optind, argv + optind))
			continue;
		int r = run_case(i, timeout);

		nr++;
		if (r == CASE_PASS) {
			ktap_line("ok %d %s", nr, case_at(i)->name);
			pass++;
		} else if (r == CASE_SKIP) {
			ktap_line("ok %d %s # SKIP", nr, case_at(i)->name);
			skip++;
		} else {
			ktap_line("not ok %d %s", nr, case_at(i)->name);
			fail++;
		}
	}
	ktap_line("# usertests: pass:%d fail:%d skip:%d total:%d", pass, fail, skip, n);
	if (standalone) {
		ktap_indent = 0;
		ktap_line("%s 1 usertests", fail ? "not ok" : "ok");
		ktap_line("# Totals: pass:%d fail:%d skip:%d total:%d", pass, fail, skip, n);
	}
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
	}
	return fail ? 1 : 0;
}
