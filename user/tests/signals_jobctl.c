// SPDX-License-Identifier: GPL-2.0
/*
 * Job control and SIGCHLD (docs/signals.md, "Job control"). Every case
 * passes on Linux too.
 *
 *   sig_sigchld      SIGCHLD with CLD_EXITED, si_pid, si_status
 *   sig_stop_cont    SIGSTOP/SIGCONT with WUNTRACED/WCONTINUED (0x137f,
 *                    0xffff), CLD_STOPPED/CLD_CONTINUED, waitid WSTOPPED
 *                    and WNOWAIT, SA_NOCLDSTOP, a zombie is ECHILD to WSTOPPED
 *   sig_orphan_stop  SIGTSTP/SIGTTIN/SIGTTOU do not stop an orphaned
 *                    process group; SIGSTOP does
 *   sig_default      default actions: terminate (status = the number, no
 *                    core bit), ignore (SIGCHLD, SIGURG); SIGCHLD SIG_IGN
 *                    auto-reaps (ECHILD)
 *   sig_pgrp         kill(-pgrp) reaches every member
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

static int set_handler(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* ---- SIGCHLD, stop and continue ------------------------------------------------------- */

static siginfo_t chld_info[4];
static volatile sig_atomic_t nchld;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	if (nchld < 4)
		chld_info[nchld] = *si;
	nchld++;
}

static void wait_chld(int n)
{
	sigset_t none;

	sigemptyset(&none);
	while (nchld < n)
		sigsuspend(&none);
}

static int t_sig_sigchld(void)
{
	sigset_t set, old;
	pid_t pid;
	int st;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	nchld = 0;
	EXPECT_EQ(set_handler(SIGCHLD, on_chld, 0), 0);
	pid = fork();
	if (pid == 0)
		_exit(7);
	wait_chld(1);
	EXPECT_EQ(chld_info[0].si_signo, SIGCHLD);
	EXPECT_EQ(chld_info[0].si_code, CLD_EXITED);
	EXPECT_EQ(chld_info[0].si_pid, pid);
	EXPECT_EQ(chld_info[0].si_status, 7);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 7, "status %#x", st);

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	wait_chld(2);
	EXPECT_EQ(chld_info[1].si_code, CLD_KILLED);
	EXPECT_EQ(chld_info[1].si_status, SIGTERM);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return CASE_PASS;
}
UT_CASE("sig_sigchld", t_sig_sigchld);

static int t_sig_stop_cont(void)
{
	sigset_t set, old;
	siginfo_t wi;
	pid_t pid;
	int st;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	nchld = 0;
	EXPECT_EQ(set_handler(SIGCHLD, on_chld, 0), 0);
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	/* A group of its own whose parent (we) is outside it: not orphaned, so SIGTSTP stops. */
	setpgid(pid, pid);
	EXPECT_EQ(kill(pid, SIGSTOP), 0);
	/*
	 * The SIGCHLD first: on Linux a wait that reaps the stop report
	 * before the child has built its SIGCHLD makes si_status 0.
	 */
	wait_chld(1);
	EXPECT_EQ(waitpid(pid, &st, WUNTRACED), pid);
	EXPECT(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "status %#x", st);
	EXPECT_EQ(st, 0x137f);
	EXPECT_EQ(chld_info[0].si_code, CLD_STOPPED);
	EXPECT_EQ(chld_info[0].si_status, SIGSTOP);
	EXPECT_EQ(chld_info[0].si_pid, pid);
	/* reported once: a second WUNTRACED|WNOHANG finds nothing new */
	EXPECT_EQ(waitpid(pid, &st, WUNTRACED | WNOHANG), 0);

	EXPECT_EQ(kill(pid, SIGCONT), 0);
	EXPECT_EQ(waitpid(pid, &st, WCONTINUED), pid);
	EXPECT(WIFCONTINUED(st), "status %#x", st);
	EXPECT_EQ(st, 0xffff);
	wait_chld(2);
	EXPECT_EQ(chld_info[1].si_code, CLD_CONTINUED);
	EXPECT_EQ(chld_info[1].si_status, SIGCONT);

	/* SIGTSTP at SIG_DFL stops too (its group has a parent outside it: not orphaned) */
	EXPECT_EQ(kill(pid, SIGTSTP), 0);
	memset(&wi, 0, sizeof(wi));
	EXPECT_EQ(waitid(P_PID, pid, &wi, WSTOPPED | WNOWAIT), 0);
	EXPECT_EQ(wi.si_code, CLD_STOPPED);
	EXPECT_EQ(wi.si_status, SIGTSTP);
	EXPECT_EQ(wi.si_pid, pid);
	/* WNOWAIT left it reportable */
	EXPECT_EQ(waitpid(pid, &st, WUNTRACED), pid);
	EXPECT_EQ(st, (SIGTSTP << 8) | 0x7f);
	/* a stopped process still dies of SIGKILL */
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "status %#x", st);

	/* SA_NOCLDSTOP: no SIGCHLD for a stop, still one for the death */
	{
		sigset_t pend;

		while (sigtimedwait(&set, NULL, &(struct timespec){ 0, 0 }) > 0)
			;
		EXPECT_EQ(set_handler(SIGCHLD, on_chld, SA_NOCLDSTOP), 0);
		pid = fork();
		if (pid == 0) {
			for (;;)
				pause();
		}
		EXPECT_EQ(kill(pid, SIGSTOP), 0);
		EXPECT_EQ(waitpid(pid, &st, WUNTRACED), pid);
		EXPECT_EQ(sigpending(&pend), 0);
		EXPECT(!sigismember(&pend, SIGCHLD), "SIGCHLD for a stop despite SA_NOCLDSTOP");
		EXPECT_EQ(kill(pid, SIGKILL), 0);
		EXPECT_EQ(waitpid(pid, &st, 0), pid);
		EXPECT_EQ(sigpending(&pend), 0);
		EXPECT(sigismember(&pend, SIGCHLD), "SIGCHLD for the death");
		while (sigtimedwait(&set, NULL, &(struct timespec){ 0, 0 }) > 0)
			;
	}
	/* A zombie is nothing to WSTOPPED alone: ECHILD, not a wait forever. */
	pid = fork();
	if (pid == 0)
		_exit(0);
	EXPECT_EQ(waitid(P_PID, pid, &wi, WEXITED | WNOWAIT), 0);	/* a zombie now */
	errno = 0;
	EXPECT_EQ(waitid(P_PID, pid, &wi, WSTOPPED | WCONTINUED), -1);
	EXPECT_EQ(errno, ECHILD);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	while (sigtimedwait(&set, NULL, &(struct timespec){ 0, 0 }) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return CASE_PASS;
}
UT_CASE("sig_stop_cont", t_sig_stop_cont);

/*
 * A process alone in a new session: its group has no member with a parent
 * in another group of the same session, so it is orphaned (POSIX) and
 * SIGTSTP/SIGTTIN/SIGTTOU at SIG_DFL are discarded; SIGSTOP still stops.
 */
static void no_reply(int sig)
{
}

static int t_sig_orphan_stop(void)
{
	static const int tstp[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	int ping[2], pong[2], st;
	struct sigaction sa;
	char c;
	pid_t pid;

	EXPECT_EQ(pipe(ping), 0);
	EXPECT_EQ(pipe(pong), 0);
	pid = fork();
	if (pid == 0) {
		if (setsid() < 0)
			_exit(1);
		(void)!write(pong[1], "r", 1);
		while (read(ping[0], &c, 1) == 1)
			(void)!write(pong[1], &c, 1);
		_exit(0);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = no_reply;	/* alarm: a read that would hang fails instead */
	sigaction(SIGALRM, &sa, NULL);
	EXPECT_EQ(read(pong[0], &c, 1), 1);
	for (unsigned int i = 0; i < 3; i++) {
		EXPECT_EQ(kill(pid, tstp[i]), 0);
		alarm(20);
		EXPECT_EQ(write(ping[1], "p", 1), 1);
		EXPECT_EQ(read(pong[0], &c, 1), 1);	/* it still runs */
		alarm(0);
		EXPECT_EQ(waitpid(pid, &st, WUNTRACED | WNOHANG), 0);
	}
	EXPECT_EQ(kill(pid, SIGSTOP), 0);
	EXPECT_EQ(waitpid(pid, &st, WUNTRACED), pid);
	EXPECT_EQ(st, 0x137f);
	EXPECT_EQ(kill(pid, SIGKILL), 0);
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "status %#x", st);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGALRM, &sa, NULL);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	return CASE_PASS;
}
UT_CASE("sig_orphan_stop", t_sig_orphan_stop);

static int t_sig_default(void)
{
	static const int sigs[] = { SIGTERM, SIGQUIT, SIGUSR1, SIGALRM, SIGSEGV };
	struct sigaction sa;
	pid_t pid;
	int st;

	for (unsigned int i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid = fork();
		if (pid == 0) {
			for (;;)
				pause();
		}
		kill(pid, sigs[i]);
		EXPECT_EQ(waitpid(pid, &st, 0), pid);
		EXPECT_EQ(st, sigs[i]);	/* no core bit: RLIMIT_CORE is 0 */
	}
	/* SIGCHLD and SIGURG are ignored by default */
	pid = fork();
	if (pid == 0) {
		raise(SIGCHLD);
		raise(SIGURG);
		raise(SIGWINCH);
		_exit(3);
	}
	EXPECT_EQ(waitpid(pid, &st, 0), pid);
	EXPECT_EQ(st, 3 << 8);
	/* SIGCHLD at SIG_IGN: children are reaped on their own */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	EXPECT_EQ(sigaction(SIGCHLD, &sa, NULL), 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	errno = 0;
	EXPECT_EQ(waitpid(pid, &st, 0), -1);
	EXPECT_EQ(errno, ECHILD);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	return CASE_PASS;
}
UT_CASE("sig_default", t_sig_default);

/* ---- process groups ---------------------------------------------------------------------- */

static int t_sig_pgrp(void)
{
	pid_t a, b;
	int st;

	a = fork();
	if (a == 0) {
		for (;;)
			pause();
	}
	setpgid(a, a);
	b = fork();
	if (b == 0) {
		for (;;)
			pause();
	}
	EXPECT_EQ(setpgid(b, a), 0);
	EXPECT_EQ(kill(-a, SIGUSR2), 0);
	EXPECT_EQ(waitpid(a, &st, 0), a);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2, "a %#x", st);
	EXPECT_EQ(waitpid(b, &st, 0), b);
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2, "b %#x", st);
	errno = 0;
	EXPECT_EQ(kill(-a, SIGUSR2), -1);
	EXPECT_EQ(errno, ESRCH);
	return CASE_PASS;
}
UT_CASE("sig_pgrp", t_sig_pgrp);
