/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of user/tests/ (the user test suite, docs/user.md). */
#ifndef _USERTESTS_H
#define _USERTESTS_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "../include/ktap.h"
#include "../include/rawsys.h"

/* A case returns CASE_PASS, CASE_FAIL or CASE_SKIP; it runs in a child of its own. */
#define CASE_PASS 0
#define CASE_FAIL 1
#define CASE_SKIP 2

extern int case_failed;
extern const char *prog_path;	/* this program, for exec (AT_EXECFN) */

/* Record a failure with where and why, and go on (KUNIT_EXPECT_*). */
#define EXPECT(cond, fmt, ...)                                                   \
	do {                                                                     \
		if (!(cond)) {                                                   \
			ktap_diag("%s:%d: expected %s: " fmt, __FILE__, __LINE__, \
				  #cond, ##__VA_ARGS__);                          \
			case_failed = 1;                                         \
		}                                                                \
	} while (0)
#define EXPECT_EQ(a, b)                                                          \
	do {                                                                     \
		long long __a = (long long)(a), __b = (long long)(b);            \
		EXPECT(__a == __b, "%s == %lld, %s == %lld", #a, __a, #b, __b);  \
	} while (0)

/*
 * Run fn in a child and return its wait status (or -1): the way a case
 * tests that an access kills only the process that made it.
 */
int run_child(void (*fn)(void *), void *arg);
int child_sig(void (*fn)(void *), void *arg);	/* WTERMSIG, or 0 if it exited */

long minflt_self(void);		/* getrusage(RUSAGE_SELF).ru_minflt */
long freeram_kib(void);		/* sysinfo().freeram in KiB */

/*
 * A case registers itself from its own file: UT_CASE("name", fn); puts it
 * in the ut_cases section, which main.c runs after its own table, in
 * link order (the files' alphabetical order). So a new file of cases
 * needs no edit anywhere else.
 */
struct ut_case {
	const char *name;
	int (*fn)(void);
};
#define UT_CASE(name, fn)                                                         \
	static const struct ut_case __ut_case_##fn                               \
		__attribute__((used, section("ut_cases"), aligned(sizeof(void *)))) = \
		{ name, fn }

/* The cases, by file. */
int t_fork_wait(void);
int t_exit_codes(void);
int t_signal_status(void);
int t_vfork_clone(void);
int t_orphans(void);
int t_exec_args(void);
int exec_child_main(int argc, char **argv, char **envp);
/* memfd_ipc.c's exec'd helpers: the exit code, or -1 if argv names none of them. */
int memfd_ipc_exec_child(int argc, char **argv);
int t_exec_errors(void);
int t_exec_static_pie(void);
int t_cloexec(void);
int t_files(void);
int t_pipe(void);
int t_demand_paging(void);
int t_cow(void);
int t_cow_readonly(void);
int t_munmap_split(void);
int t_mprotect_split(void);
int t_mremap(void);
int t_mmap_errors(void);
int t_brk(void);
int t_stack_growth(void);
int t_segv_child(void);
int t_traps(void);
int t_efault(void);
int t_enosys(void);
int t_concurrent_cow(void);

#endif
