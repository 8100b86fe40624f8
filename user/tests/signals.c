// SPDX-License-Identifier: GPL-2.0
/*
 * Signals (docs/signals.md): handlers on Linux's rt_sigframe, siginfo,
 * masks, restarts, job control, timers. Every case passes on Linux too.
 *
 *   sig_siginfo      kill, tkill and sigqueue give the handler si_signo,
 *                    si_code SI_USER/SI_TKILL/SI_QUEUE, si_pid, si_value;
 *                    rdi/rsi/rdx are sig/&info/&uc and the stack is aligned
 *   sig_segv_info    a SIGSEGV handler sees si_addr and SEGV_MAPERR
 *   sig_ucontext     a handler changes a register in uc_mcontext and the
 *                    faulting instruction re-runs with it
 *   sig_mask         a blocked signal stays pending (sigpending), is
 *                    delivered once on unblock; SIGKILL cannot be blocked
 *                    or caught (-EINVAL)
 *   sig_nodefer      SA_NODEFER nests, the default defers; SA_RESETHAND
 *   sig_restart      SA_RESTART restarts a blocking pipe read; without it
 *                    the read fails with EINTR
 *   sig_sigchld      SIGCHLD with CLD_EXITED, si_pid, si_status
 *   sig_stop_cont    SIGSTOP/SIGCONT with WUNTRACED/WCONTINUED (0x137f,
 *                    0xffff), CLD_STOPPED/CLD_CONTINUED, waitid WSTOPPED
 *   sig_orphan_stop  SIGTSTP/SIGTTIN/SIGTTOU do not stop an orphaned
 *                    process group; SIGSTOP does
 *   sig_default      default actions: terminate (status = the number, no
 *                    core bit), ignore (SIGCHLD, SIGURG); SIGCHLD SIG_IGN
 *                    auto-reaps (ECHILD)
 *   sig_altstack     a SIGSEGV handler for a stack overflow runs on the
 *                    alternate stack; ENOMEM, EPERM
 *   sig_timedwait    rt_sigtimedwait: EAGAIN, a timeout, queued real-time
 *                    signals in order with their values
 *   sig_suspend      sigsuspend's mask holds in the handler and the old
 *                    mask is back after
 *   sig_pselect      pselect6's temporary mask, the same way
 *   sig_alarm        alarm and setitimer(ITIMER_REAL) with an interval
 *   sig_pgrp         kill(-pgrp) reaches every member
 *   sig_pipe         a write to a pipe without readers: SIGPIPE, or EPIPE
 *   sig_badframe     a corrupted frame at rt_sigreturn kills with SIGSEGV;
 *                    no SA_RESTORER: SIGSEGV
 *   sig_fpu          SSE registers and MXCSR survive a handler that uses
 *                    SSE; the handler starts with the default MXCSR
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "usertests.h"

/* Linux's sigcontext order (uc_mcontext.gregs) */
enum { G_R8, G_R9, G_R10, G_R11, G_R12, G_R13, G_R14, G_R15, G_RDI, G_RSI, G_RBP, G_RBX,
       G_RDX, G_RAX, G_RCX, G_RSP, G_RIP, G_EFL, G_CSGSFS, G_ERR, G_TRAPNO, G_OLDMASK, G_CR2 };

static volatile sig_atomic_t hits, depth, max_depth;
static siginfo_t last_info;
static volatile uintptr_t last_sp;

static int set_handler(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static void record(int sig, siginfo_t *si, void *uc)
{
	last_sp = (uintptr_t)__builtin_frame_address(0);
	last_info = *si;
	hits++;
}

static void wait_hits(int n)
{
	sigset_t none;

	sigemptyset(&none);
	while (hits < n)
		sigsuspend(&none);
}

/* ---- siginfo ---------------------------------------------------------------------- */

static volatile uintptr_t reg_di, reg_si, reg_dx, entry_sp;

/* The raw entry: look at the registers before the C prologue can change them. */
__attribute__((naked)) static void raw_handler(int sig, siginfo_t *si, void *uc)
{
	__asm__ __volatile__("movq %rdi, reg_di(%rip)\n\t"
			     "movq %rsi, reg_si(%rip)\n\t"
			     "movq %rdx, reg_dx(%rip)\n\t"
			     "movq %rsp, entry_sp(%rip)\n\t"
			     "jmp record");
}

static int t_sig_siginfo(void)
{
	union sigval v = { .sival_int = 4242 };
	ucontext_t *uc;

	EXPECT_EQ(set_handler(SIGUSR1, raw_handler, 0), 0);
	hits = 0;
	kill(getpid(), SIGUSR1);
	wait_hits(1);
	EXPECT_EQ(last_info.si_signo, SIGUSR1);
	EXPECT_EQ(last_info.si_code, SI_USER);
	EXPECT_EQ(last_info.si_pid, getpid());
	EXPECT_EQ(last_info.si_uid, getuid());
	EXPECT_EQ(reg_di, SIGUSR1);
	EXPECT((entry_sp + 8) % 16 == 0, "rsp at entry %#lx", (unsigned long)entry_sp);
	/* rsp points at pretcode; the siginfo and ucontext are above it */
	EXPECT(reg_si > entry_sp && reg_dx > entry_sp, "si %#lx uc %#lx sp %#lx",
	       (unsigned long)reg_si, (unsigned long)reg_dx, (unsigned long)entry_sp);
	uc = (ucontext_t *)reg_dx;
	(void)uc;

	syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	wait_hits(2);
	EXPECT_EQ(last_info.si_code, SI_TKILL);
	EXPECT_EQ(last_info.si_pid, getpid());

	EXPECT_EQ(sigqueue(getpid(), SIGUSR1, v), 0);
	wait_hits(3);
	EXPECT_EQ(last_info.si_code, SI_QUEUE);
	EXPECT_EQ(last_info.si_value.sival_int, 4242);
	EXPECT_EQ(last_info.si_pid, getpid());

	/* Only the kernel may send si_code >= 0 to another process. */
	{
		siginfo_t fake;
		pid_t pid = fork();

		if (pid == 0) {
			pause();
			_exit(0);
		}
		memset(&fake, 0, sizeof(fake));
		fake.si_code = SI_KERNEL;
		errno = 0;
		EXPECT_EQ(syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &fake), -1);
		EXPECT_EQ(errno, EPERM);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return CASE_PASS;
}
UT_CASE("sig_siginfo", t_sig_siginfo);

static sigjmp_buf jb;

static void segv_jump(int sig, siginfo_t *si, void *uc)
{
	last_info = *si;
	siglongjmp(jb, 1);
}

static volatile uintptr_t bad_addr1 = 0x1000, bad_addr2 = 16;

static int t_sig_segv_info(void)
{
	volatile int *bad = (volatile int *)bad_addr1;

	EXPECT_EQ(set_handler(SIGSEGV, segv_jump, 0), 0);
	if (sigsetjmp(jb, 1) == 0) {
		(void)*bad;
		EXPECT(0, "the load did not fault");
	}
	EXPECT_EQ(last_info.si_signo, SIGSEGV);
	EXPECT_EQ(last_info.si_code, SEGV_MAPERR);
	EXPECT_EQ((uintptr_t)last_info.si_addr, 0x1000);
	/* The handler left by siglongjmp: the mask was restored, SIGSEGV works again. */
	if (sigsetjmp(jb, 1) == 0) {
		(void)*(volatile int *)bad_addr2;
		EXPECT(0, "the second load did not fault");
	}
	EXPECT_EQ((uintptr_t)last_info.si_addr, 16);
	return CASE_PASS;
}
UT_CASE("sig_segv_info", t_sig_segv_info);

static long fix_target = 0x5eed;

static void fix_rax(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	hits++;
	uc->uc_mcontext.gregs[G_RAX] = (long)&fix_target;
}

static int t_sig_ucontext(void)
{
	long out = 0;

	hits = 0;
	EXPECT_EQ(set_handler(SIGSEGV, fix_rax, 0), 0);
	/* rax = 0 faults; the handler points rax at fix_target and the load runs again */
	__asm__ __volatile__("movq (%%rax), %0" : "=r"(out) : "a"(0L) : "memory");
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(out, 0x5eed);
	return CASE_PASS;
}
UT_CASE("sig_ucontext", t_sig_ucontext);

/* ---- masks -------------------------------------------------------------------------- */

static int t_sig_mask(void)
{
	sigset_t set, pend, old;
	struct sigaction sa;

	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR2, record, 0), 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);
	EXPECT_EQ(hits, 0);
	EXPECT_EQ(sigpending(&pend), 0);
	EXPECT(sigismember(&pend, SIGUSR2), "SIGUSR2 pending");
	EXPECT_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	EXPECT_EQ(hits, 1);	/* delivered on the unblock, once */
	EXPECT_EQ(sigpending(&pend), 0);
	EXPECT(!sigismember(&pend, SIGUSR2), "nothing pending");

	/* SIGKILL and SIGSTOP: not blockable, not catchable */
	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGSTOP);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	EXPECT_EQ(sigprocmask(SIG_BLOCK, NULL, &old), 0);
	EXPECT(!sigismember(&old, SIGKILL) && !sigismember(&old, SIGSTOP), "kernel-only blocked");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	errno = 0;
	EXPECT_EQ(sigaction(SIGKILL, &sa, NULL), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(sigaction(SIGSTOP, &sa, NULL), -1);
	return CASE_PASS;
}
UT_CASE("sig_mask", t_sig_mask);

static void nest(int sig, siginfo_t *si, void *uc)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (hits++ == 0)
		raise(sig);	/* nests with SA_NODEFER, waits for our return without */
	depth--;
}

static int t_sig_nodefer(void)
{
	struct sigaction sa;

	hits = depth = max_depth = 0;
	EXPECT_EQ(set_handler(SIGUSR1, nest, 0), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 2);
	EXPECT_EQ(max_depth, 1);

	hits = depth = max_depth = 0;
	EXPECT_EQ(set_handler(SIGUSR1, nest, SA_NODEFER), 0);
	raise(SIGUSR1);
	EXPECT_EQ(hits, 2);
	EXPECT_EQ(max_depth, 2);

	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR2, record, SA_RESETHAND), 0);
	raise(SIGUSR2);
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(sigaction(SIGUSR2, NULL, &sa), 0);
	EXPECT(sa.sa_handler == SIG_DFL, "SA_RESETHAND: back to SIG_DFL");
	return CASE_PASS;
}
UT_CASE("sig_nodefer", t_sig_nodefer);

/* ---- restarts ------------------------------------------------------------------------ */

/* A child that signals parent every 20 ms; after n signals it writes a byte to fd (n > 0). */
static pid_t pester(pid_t parent, int sig, int n, int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		for (int i = 0;; i++) {
			nanosleep(&ts, NULL);
			if (kill(parent, sig))
				_exit(0);
			if (n > 0 && i == n)
				(void)!write(fd, "x", 1);
		}
	}
	return pid;
}

static int t_sig_restart(void)
{
	int p[2];
	char c = 0;
	pid_t pid;
	ssize_t r;

	EXPECT_EQ(pipe(p), 0);
	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR1, record, SA_RESTART), 0);
	pid = pester(getpid(), SIGUSR1, 5, p[1]);
	r = read(p[0], &c, 1);
	EXPECT_EQ(r, 1);
	EXPECT_EQ(c, 'x');
	EXPECT(hits >= 1, "the handler ran (%d)", (int)hits);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR1, record, 0), 0);
	pid = pester(getpid(), SIGUSR1, 0, -1);
	errno = 0;
	r = read(p[0], &c, 1);
	EXPECT_EQ(r, -1);
	EXPECT_EQ(errno, EINTR);
	EXPECT(hits >= 1, "the handler ran (%d)", (int)hits);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	/* nanosleep: EINTR with a handler, the time left in rem */
	{
		struct timespec ts = { 30, 0 }, rem = { 0, 0 };

		pid = pester(getpid(), SIGUSR1, 0, -1);
		errno = 0;
		EXPECT_EQ(nanosleep(&ts, &rem), -1);
		EXPECT_EQ(errno, EINTR);
		EXPECT(rem.tv_sec > 0 && rem.tv_sec <= 30, "rem %ld", (long)rem.tv_sec);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	close(p[0]);
	close(p[1]);
	return CASE_PASS;
}
UT_CASE("sig_restart", t_sig_restart);

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

/* ---- the alternate stack ---------------------------------------------------------------- */

static char *alt_base;
static size_t alt_size;

static void on_overflow(int sig, siginfo_t *si, void *uc)
{
	char here;
	stack_t ss;

	/* on the alternate stack, and not allowed to change it while there */
	if ((uintptr_t)&here < (uintptr_t)alt_base || (uintptr_t)&here >= (uintptr_t)alt_base + alt_size)
		_exit(10);
	if (sigaltstack(NULL, &ss) || !(ss.ss_flags & SS_ONSTACK))
		_exit(11);
	ss.ss_flags = SS_DISABLE;
	if (sigaltstack(&ss, NULL) != -1 || errno != EPERM)
		_exit(12);
	_exit(42);
}

static volatile int keep_going = 1;

static int recurse(int n)
{
	volatile char buf[1024];

	buf[0] = (char)n;
	if (!keep_going)
		return 0;
	return recurse(n + 1) + buf[0];
}

static void overflow_child(void *arg)
{
	struct rlimit rl = { 256 * 1024, 256 * 1024 };
	struct sigaction sa;
	stack_t ss;

	setrlimit(RLIMIT_STACK, &rl);
	alt_size = 64 * 1024;
	alt_base = malloc(alt_size);
	ss.ss_sp = alt_base;
	ss.ss_size = alt_size;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL))
		_exit(20);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_overflow;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGSEGV, &sa, NULL);
	recurse(0);
	_exit(21);
}

static int t_sig_altstack(void)
{
	stack_t ss = { 0 }, old;
	char *buf = malloc(MINSIGSTKSZ);
	int st;

	ss.ss_sp = buf;
	ss.ss_size = MINSIGSTKSZ - 1;
	errno = 0;
	EXPECT_EQ(sigaltstack(&ss, NULL), -1);
	EXPECT_EQ(errno, ENOMEM);
	ss.ss_flags = 0x40;
	ss.ss_size = MINSIGSTKSZ;
	errno = 0;
	EXPECT_EQ(sigaltstack(&ss, NULL), -1);
	EXPECT_EQ(errno, EINVAL);
	ss.ss_flags = 0;
	EXPECT_EQ(sigaltstack(&ss, &old), 0);
	EXPECT_EQ(old.ss_flags, SS_DISABLE);
	EXPECT_EQ(sigaltstack(NULL, &old), 0);
	EXPECT(old.ss_sp == buf && old.ss_size == MINSIGSTKSZ && old.ss_flags == 0,
	       "sp %p size %zu flags %d", old.ss_sp, old.ss_size, old.ss_flags);
	ss.ss_flags = SS_DISABLE;
	EXPECT_EQ(sigaltstack(&ss, NULL), 0);
	free(buf);

	st = run_child(overflow_child, NULL);
	EXPECT(WIFEXITED(st) && WEXITSTATUS(st) == 42, "status %#x", st);
	return CASE_PASS;
}
UT_CASE("sig_altstack", t_sig_altstack);

/* ---- waiting for signals ------------------------------------------------------------------ */

static int t_sig_timedwait(void)
{
	struct timespec zero = { 0, 0 }, shortwait = { 0, 50 * 1000 * 1000 };
	sigset_t set, old;
	siginfo_t si;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, &old);
	errno = 0;
	EXPECT_EQ(sigtimedwait(&set, &si, &zero), -1);
	EXPECT_EQ(errno, EAGAIN);
	errno = 0;
	EXPECT_EQ(sigtimedwait(&set, &si, &shortwait), -1);
	EXPECT_EQ(errno, EAGAIN);

	raise(SIGUSR1);
	memset(&si, 0, sizeof(si));
	EXPECT_EQ(sigtimedwait(&set, &si, &zero), SIGUSR1);
	EXPECT_EQ(si.si_signo, SIGUSR1);
	EXPECT_EQ(si.si_code, SI_TKILL);

	/* real-time signals queue, in order, each with its value */
	for (int i = 0; i < 3; i++) {
		union sigval v = { .sival_int = 100 + i };

		EXPECT_EQ(sigqueue(getpid(), SIGRTMIN, v), 0);
	}
	for (int i = 0; i < 3; i++) {
		memset(&si, 0, sizeof(si));
		EXPECT_EQ(sigtimedwait(&set, &si, &zero), SIGRTMIN);
		EXPECT_EQ(si.si_code, SI_QUEUE);
		EXPECT_EQ(si.si_value.sival_int, 100 + i);
	}
	errno = 0;
	EXPECT_EQ(sigtimedwait(&set, &si, &zero), -1);
	EXPECT_EQ(errno, EAGAIN);

	/* a signal sent while we wait */
	{
		pid_t pid = pester(getpid(), SIGUSR1, 0, -1);

		EXPECT_EQ(sigwaitinfo(&set, &si), SIGUSR1);
		EXPECT_EQ(si.si_pid, pid);
		EXPECT_EQ(si.si_code, SI_USER);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	/* drain, then unblock */
	while (sigtimedwait(&set, &si, &zero) > 0)
		;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return CASE_PASS;
}
UT_CASE("sig_timedwait", t_sig_timedwait);

static volatile sig_atomic_t usr2_blocked_in_handler;

static void check_mask(int sig, siginfo_t *si, void *uc)
{
	sigset_t cur;

	sigprocmask(SIG_BLOCK, NULL, &cur);
	usr2_blocked_in_handler = sigismember(&cur, SIGUSR2) ? 1 : 0;
	hits++;
}

static int t_sig_suspend(void)
{
	sigset_t block, tmp, cur;
	pid_t pid;
	int r;

	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR1, check_mask, 0), 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = pester(getpid(), SIGUSR1, 0, -1);
	/* wait with SIGUSR2 blocked instead of SIGUSR1 */
	sigemptyset(&tmp);
	sigaddset(&tmp, SIGUSR2);
	errno = 0;
	r = sigsuspend(&tmp);
	EXPECT_EQ(r, -1);
	EXPECT_EQ(errno, EINTR);
	EXPECT(hits >= 1, "handler ran");
	EXPECT_EQ(usr2_blocked_in_handler, 1);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	EXPECT(sigismember(&cur, SIGUSR1) && !sigismember(&cur, SIGUSR2), "old mask back");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	return CASE_PASS;
}
UT_CASE("sig_suspend", t_sig_suspend);

/* pselect6/ppoll with a temporary mask: the handler runs with it, the old one is back after. */
static int t_sig_pselect(void)
{
	struct timespec ts = { 20, 0 };
	sigset_t block, tmp, cur;
	pid_t pid;

	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR1, check_mask, 0), 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = pester(getpid(), SIGUSR1, 0, -1);
	sigemptyset(&tmp);
	sigaddset(&tmp, SIGUSR2);
	errno = 0;
	EXPECT_EQ(pselect(0, NULL, NULL, NULL, &ts, &tmp), -1);
	EXPECT_EQ(errno, EINTR);
	EXPECT(hits >= 1, "handler ran");
	EXPECT_EQ(usr2_blocked_in_handler, 1);
	sigprocmask(SIG_BLOCK, NULL, &cur);
	EXPECT(sigismember(&cur, SIGUSR1) && !sigismember(&cur, SIGUSR2), "old mask back");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	return CASE_PASS;
}
UT_CASE("sig_pselect", t_sig_pselect);

/* ---- timers ------------------------------------------------------------------------------ */

static int t_sig_alarm(void)
{
	struct itimerval it, cur;
	sigset_t set, old;
	unsigned int left;

	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, &old);
	hits = 0;
	EXPECT_EQ(set_handler(SIGALRM, record, 0), 0);
	EXPECT_EQ(alarm(10), 0);
	left = alarm(0);
	EXPECT(left >= 9 && left <= 10, "alarm left %u", left);
	EXPECT_EQ(alarm(1), 0);
	wait_hits(1);
	EXPECT_EQ(last_info.si_signo, SIGALRM);
	EXPECT_EQ(last_info.si_code, SI_KERNEL);

	/* a periodic ITIMER_REAL: several SIGALRMs */
	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 20000;
	it.it_interval.tv_usec = 20000;
	EXPECT_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	wait_hits(4);
	EXPECT_EQ(getitimer(ITIMER_REAL, &cur), 0);
	EXPECT_EQ(cur.it_interval.tv_usec, 20000);
	EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec <= 20000, "value %ld.%06ld",
	       (long)cur.it_value.tv_sec, (long)cur.it_value.tv_usec);
	memset(&it, 0, sizeof(it));
	EXPECT_EQ(setitimer(ITIMER_REAL, &it, &cur), 0);
	EXPECT_EQ(getitimer(ITIMER_REAL, &cur), 0);
	EXPECT(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0, "disarmed");
	errno = 0;
	EXPECT_EQ(setitimer(ITIMER_REAL + 3, &it, NULL), -1);
	EXPECT_EQ(errno, EINVAL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return CASE_PASS;
}
UT_CASE("sig_alarm", t_sig_alarm);

/* ---- process groups, pipes ------------------------------------------------------------------ */

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

static void write_no_reader(void *arg)
{
	int p[2];

	if (pipe(p))
		_exit(1);
	close(p[0]);
	(void)!write(p[1], "x", 1);
	_exit(2);
}

static int t_sig_pipe(void)
{
	struct sigaction sa;
	int p[2];

	EXPECT_EQ(child_sig(write_no_reader, NULL), SIGPIPE);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	EXPECT_EQ(pipe(p), 0);
	close(p[0]);
	errno = 0;
	EXPECT_EQ(write(p[1], "x", 1), -1);
	EXPECT_EQ(errno, EPIPE);
	close(p[1]);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGPIPE, &sa, NULL);
	return CASE_PASS;
}
UT_CASE("sig_pipe", t_sig_pipe);

/* ---- bad frames --------------------------------------------------------------------------- */

static void corrupt_fpstate(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	uc->uc_mcontext.fpregs = (void *)16;	/* not readable: rt_sigreturn must fail */
}

static void badframe_child(void *arg)
{
	set_handler(SIGUSR1, corrupt_fpstate, 0);
	raise(SIGUSR1);
	_exit(1);
}

static void raw_sigaction_child(void *arg)
{
	/* the kernel's struct sigaction: no SA_RESTORER, so no way back */
	struct {
		void (*handler)(int, siginfo_t *, void *);
		unsigned long flags;
		void (*restorer)(void);
		unsigned long mask;
	} ksa = { record, SA_SIGINFO, NULL, 0 };

	if (syscall(SYS_rt_sigaction, SIGUSR1, &ksa, NULL, 8))
		_exit(2);
	raise(SIGUSR1);
	_exit(1);
}

static void sigreturn_garbage_child(void *arg)
{
	/* rt_sigreturn with the stack pointing at nothing: no frame at all */
	__asm__ __volatile__("movq $16, %%rsp\n\tmovl $15, %%eax\n\tsyscall" : : : "memory");
	_exit(1);
}

static int t_sig_badframe(void)
{
	EXPECT_EQ(child_sig(badframe_child, NULL), SIGSEGV);
	EXPECT_EQ(child_sig(raw_sigaction_child, NULL), SIGSEGV);
	EXPECT_EQ(child_sig(sigreturn_garbage_child, NULL), SIGSEGV);
	return CASE_PASS;
}
UT_CASE("sig_badframe", t_sig_badframe);

/* ---- the FPU --------------------------------------------------------------------------------- */

static volatile unsigned int handler_mxcsr;

static void sse_handler(int sig, siginfo_t *si, void *uc)
{
	unsigned int m;
	double d = 3.0;

	__asm__ __volatile__("stmxcsr %0" : "=m"(m));
	handler_mxcsr = m;
	/* clobber every XMM register */
	__asm__ __volatile__("movq %0, %%xmm0\n\t"
			     "pshufd $0, %%xmm0, %%xmm0\n\t"
			     "movdqa %%xmm0, %%xmm1\n\tmovdqa %%xmm0, %%xmm2\n\tmovdqa %%xmm0, %%xmm3\n\t"
			     "movdqa %%xmm0, %%xmm4\n\tmovdqa %%xmm0, %%xmm5\n\tmovdqa %%xmm0, %%xmm6\n\t"
			     "movdqa %%xmm0, %%xmm7\n\tmovdqa %%xmm0, %%xmm8\n\tmovdqa %%xmm0, %%xmm9\n\t"
			     "movdqa %%xmm0, %%xmm10\n\tmovdqa %%xmm0, %%xmm11\n\tmovdqa %%xmm0, %%xmm12\n\t"
			     "movdqa %%xmm0, %%xmm13\n\tmovdqa %%xmm0, %%xmm14\n\tmovdqa %%xmm0, %%xmm15"
			     : : "m"(d) : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
			       "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
	hits++;
}

static int t_sig_fpu(void)
{
	uint64_t in[2] = { 0x0123456789abcdefULL, 0xfedcba9876543210ULL }, out[2] = { 0, 0 };
	uint64_t out15[2] = { 0, 0 };
	unsigned int m = 0x3f80, after = 0, dflt;

	__asm__ __volatile__("stmxcsr %0" : "=m"(dflt));
	hits = 0;
	EXPECT_EQ(set_handler(SIGUSR1, sse_handler, 0), 0);
	/* xmm0 and xmm15 hold a pattern and MXCSR rounds toward zero across the signal */
	__asm__ __volatile__("ldmxcsr %[m]\n\t"
			     "movdqu %[in], %%xmm0\n\t"
			     "movdqu %[in], %%xmm15\n\t"
			     "movl %[nr], %%eax\n\t"
			     "movl %[pid], %%edi\n\t"
			     "movl %[tid], %%esi\n\t"
			     "movl %[sig], %%edx\n\t"
			     "syscall\n\t"
			     "movdqu %%xmm0, %[out]\n\t"
			     "movdqu %%xmm15, %[out15]\n\t"
			     "stmxcsr %[after]\n\t"
			     "ldmxcsr %[dflt]"
			     : [out] "=m"(out), [out15] "=m"(out15), [after] "=m"(after)
			     : [m] "m"(m), [in] "m"(in), [nr] "i"(SYS_tgkill), [pid] "r"(getpid()),
			       [tid] "r"(gettid()), [sig] "i"(SIGUSR1), [dflt] "m"(dflt)
			     : "rax", "rdi", "rsi", "rdx", "rcx", "r11", "xmm0", "xmm15", "memory");
	EXPECT_EQ(hits, 1);
	EXPECT_EQ(handler_mxcsr, 0x1f80);
	EXPECT_EQ(after, 0x3f80);
	EXPECT(out[0] == in[0] && out[1] == in[1], "xmm0 %#llx %#llx",
	       (unsigned long long)out[0], (unsigned long long)out[1]);
	EXPECT(out15[0] == in[0] && out15[1] == in[1], "xmm15 %#llx %#llx",
	       (unsigned long long)out15[0], (unsigned long long)out15[1]);
	return CASE_PASS;
}
UT_CASE("sig_fpu", t_sig_fpu);
