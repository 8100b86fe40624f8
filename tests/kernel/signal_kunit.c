// SPDX-License-Identifier: GPL-2.0
/*
 * Signals from the kernel side (kernel/signal.c): kill/tgkill/tkill and
 * their error codes, default actions (terminate, ignore, stop and the
 * orphaned-group rule), blocking with sigprocmask (SIGKILL/SIGSTOP never
 * blocked), SIG_IGN discarding a pending signal, a handler with no user
 * frame possible (SIGSEGV), force_sig_fault overriding SIG_IGN, kernel threads and init
 * ignoring what they did not ask for, and the syscalls' argument checks.
 *
 * The targets are processes made by user_mode_thread() that sleep in the
 * kernel; where a real process would deliver its signals on the way back
 * to user mode, they call arch_do_signal_or_restart(NULL) themselves.
 */
#include <kunit/test.h>
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

#include "kunit_pages.h"

long __x64_sys_kill(const struct pt_regs *regs);
long __x64_sys_tgkill(const struct pt_regs *regs);
long __x64_sys_tkill(const struct pt_regs *regs);
long __x64_sys_rt_sigaction(const struct pt_regs *regs);
long __x64_sys_rt_sigprocmask(const struct pt_regs *regs);
long __x64_sys_rt_sigpending(const struct pt_regs *regs);
long __x64_sys_set_robust_list(const struct pt_regs *regs);
long __x64_sys_sched_getaffinity(const struct pt_regs *regs);
long __x64_sys_sched_setaffinity(const struct pt_regs *regs);
long __x64_sys_sigaltstack(const struct pt_regs *regs);
long __x64_sys_set_tid_address(const struct pt_regs *regs);

static long sys4(long (*fn)(const struct pt_regs *), long a, long b, long c, long d)
{
	struct pt_regs regs = { .di = a, .si = b, .dx = c, .r10 = d };

	return fn(&regs);
}

static unsigned long wait_task_structs(unsigned long n)
{
	for (int i = 0; i < 1000 && nr_task_structs() > n; i++)
		msleep(2);
	return nr_task_structs();
}

/* What the target does before it sleeps, and what it saw. */
struct target {
	struct completion ready;
	struct completion go;		/* for targets that wait for a command */
	unsigned long block;		/* signals to block first */
	unsigned long unblock_after;	/* ... and unblock after go */
	__sighandler_t sigusr1;		/* an action for SIGUSR1 */
	bool ignore_sigusr2_after;	/* SIG_IGN SIGUSR2 after go */
	bool force_segv;		/* force_sig_fault(SIGSEGV) with SIGSEGV ignored */
	bool saw_fatal;
	bool pending_after_go;
	unsigned long pending_set;
};

static void target_init(struct target *t)
{
	memset(t, 0, sizeof(*t));
	init_completion(&t->ready);
	init_completion(&t->go);
}

/* Sleep interruptibly until a signal is pending or ms pass. */
static void sleep_for_signal(unsigned int ms)
{
	for (unsigned int i = 0; i < ms / 2 && !signal_pending(current); i++) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule_timeout(1);
		__set_current_state(TASK_RUNNING);
	}
}

static int fn_target(void *arg)
{
	struct target *t = arg;
	sigset_t set = { { t->block } };

	if (t->block)
		sigprocmask(SIG_BLOCK, &set, NULL);
	if (t->sigusr1)
		kernel_sigaction(SIGUSR1, t->sigusr1);
	if (t->force_segv) {
		kernel_sigaction(SIGSEGV, SIG_IGN);
		force_sig_fault(SIGSEGV, SEGV_MAPERR, (void __user *)0x10);
	}
	complete(&t->ready);
	if (t->block || t->ignore_sigusr2_after) {
		wait_for_completion(&t->go);
		t->pending_set = current->pending.signal.sig[0] |
				 current->signal->shared_pending.signal.sig[0];
		if (t->ignore_sigusr2_after)
			kernel_sigaction(SIGUSR2, SIG_IGN);
		if (t->unblock_after) {
			set.sig[0] = t->unblock_after;
			sigprocmask(SIG_UNBLOCK, &set, NULL);
		}
		t->pending_after_go = signal_pending(current);
	}
	sleep_for_signal(1000);
	t->saw_fatal = fatal_signal_pending(current);
	/* Where a process would return to user mode. */
	arch_do_signal_or_restart(NULL);
	return wait_status_exited(0x42);	/* no fatal signal came */
}

static pid_t start_target(struct kunit *test, struct target *t)
{
	pid_t pid = user_mode_thread(fn_target, t, SIGCHLD);

	KUNIT_EXPECT_TRUE(test, pid > 1);
	if (pid > 0)
		wait_for_completion(&t->ready);
	return pid;
}

static int reap(pid_t pid)
{
	int status = -1;

	if (pid > 0 && kernel_wait(pid, &status) != pid)
		return -1;
	return status;
}

/* kill's pid rules and errors; a fatal default action becomes a group exit. */
static void kill_terminates_with_signal_status(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	long queued = atomic_long_read(&sigqueue_count);
	struct target t;
	pid_t pid;

	target_init(&t);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, 0, 0, 0), 0);		/* exists */
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, 65, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, -1, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, 0x7ffffff0, SIGTERM, 0, 0), -ESRCH);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, -2147483647 - 1, SIGTERM, 0, 0), -ESRCH);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGTERM, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGTERM);	/* WIFSIGNALED, WTERMSIG 15, no core bit */
	KUNIT_EXPECT_TRUE(test, t.saw_fatal);		/* SIGKILL for the group: sleeps abort */

	/* SIGSEGV has a core-dump default: still just the number (RLIMIT_CORE 0). */
	target_init(&t);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tkill, pid, SIGSEGV, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGSEGV);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	/* Every sigqueue went with its signal or its task. */
	KUNIT_EXPECT_EQ(test, atomic_long_read(&sigqueue_count), queued);
}

/*
 * Default-ignored signals are dropped; SIGSTOP stops the whole group
 * (WUNTRACED reports it once), a stopped task still dies of SIGKILL;
 * SIGTSTP to an orphaned process group (ours: the target's parent is
 * init) is discarded, and the target runs on.
 */
static void default_ignore_and_stop(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGCHLD, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGWINCH, 0, 0), 0);
	msleep(20);
	spin_lock(&tasklist_lock);
	{
		struct task_struct *p = find_task_by_vpid(pid);

		KUNIT_EXPECT_TRUE(test, p && !signal_pending(p));
		KUNIT_EXPECT_TRUE(test, p && !sigismember(&p->signal->shared_pending.signal, SIGCHLD));
	}
	spin_unlock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGSTOP, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, NULL, WUNTRACED, NULL), pid);
	spin_lock(&tasklist_lock);
	{
		struct task_struct *p = find_task_by_vpid(pid);

		KUNIT_EXPECT_TRUE(test, p && (p->signal->flags & SIGNAL_STOP_STOPPED));
		KUNIT_EXPECT_TRUE(test, p && (READ_ONCE(p->__state) & __TASK_STOPPED));
		/* reported: the stop signal is consumed */
		KUNIT_EXPECT_TRUE(test, p && p->signal->group_exit_code == 0);
	}
	spin_unlock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, NULL, WUNTRACED | WNOHANG, NULL), 0);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGKILL, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGKILL);

	target_init(&t);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGTSTP, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), wait_status_exited(0x42));
}

/* A blocked signal waits; SIGKILL/SIGSTOP cannot be blocked; unblocking delivers. */
static void blocked_until_unblocked(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	t.block = sigmask(SIGUSR1) | sigmask(SIGKILL) | sigmask(SIGSTOP);
	t.unblock_after = sigmask(SIGUSR1);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGUSR1, 0, 0), 0);
	msleep(10);
	spin_lock(&tasklist_lock);
	{
		struct task_struct *p = find_task_by_vpid(pid);

		KUNIT_EXPECT_TRUE(test, p && p->blocked.sig[0] == sigmask(SIGUSR1));
		KUNIT_EXPECT_TRUE(test, p && !signal_pending(p));
	}
	spin_unlock(&tasklist_lock);
	complete(&t.go);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGUSR1);
	KUNIT_EXPECT_TRUE(test, t.pending_set & sigmask(SIGUSR1));
	KUNIT_EXPECT_TRUE(test, t.pending_after_go);
}

/* Setting SIG_IGN discards a pending (blocked) signal (POSIX, Linux's do_sigaction). */
static void sig_ign_discards_pending(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	t.block = sigmask(SIGUSR2);
	t.ignore_sigusr2_after = true;
	t.unblock_after = sigmask(SIGUSR2);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGUSR2, 0, 0), 0);
	complete(&t.go);
	msleep(20);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, pid, SIGKILL, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGKILL);
	KUNIT_EXPECT_TRUE(test, t.pending_set & sigmask(SIGUSR2));
	KUNIT_EXPECT_FALSE(test, t.pending_after_go);
}

/*
 * A handler needs a user stack for its frame: a kernel-side task has none,
 * so the frame "cannot be written" and it dies of SIGSEGV (force_sigsegv).
 */
static void handler_without_frame_is_sigsegv(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	t.sigusr1 = (__sighandler_t)0x401000;
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, pid, pid, SIGUSR1, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGSEGV);
}

/* A fault signal is delivered even when ignored: reset to SIG_DFL. */
static void force_sig_fault_overrides_ignore(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	t.force_segv = true;
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGSEGV);
}

/* tgkill/tkill: argument checks and the thread-group match. */
static void tgkill_checks(struct kunit *test)
{
	struct target t;
	pid_t pid;

	target_init(&t);
	pid = start_target(test, &t);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, 0, pid, SIGTERM, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, pid, 0, SIGTERM, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, pid + 1, pid, SIGTERM, 0), -ESRCH);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, pid, pid, 99, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tgkill, pid, pid, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tkill, -3, SIGTERM, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_tkill, pid, SIGINT, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pid), SIGINT);
}

/* kill(-pgrp) reaches every member of the group. */

static void kill_process_group(struct kunit *test)
{
	struct target a, b;
	pid_t pa, pb;

	target_init(&a);
	target_init(&b);
	pa = start_target(test, &a);
	pb = user_mode_thread(fn_target, &b, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pa > 1 && pb > 1);
	wait_for_completion(&b.ready);
	/* Put both in group pa, as a shell does for a pipeline (setpgid from the parent). */
	spin_lock(&tasklist_lock);
	find_task_by_vpid(pa)->signal->pgrp = pa;
	find_task_by_vpid(pb)->signal->pgrp = pa;
	spin_unlock(&tasklist_lock);
	/* Their parent (we, PID 1) is init: the group counts as orphaned (POSIX). */
	spin_lock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, will_become_orphaned_pgrp(pa, NULL), 1);
	spin_unlock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, -pa, SIGHUP, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, reap(pa), SIGHUP);
	KUNIT_EXPECT_EQ(test, reap(pb), SIGHUP);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, -pa, SIGHUP, 0, 0), -ESRCH);
	/* The tty's entry point: kill_pgrp() from the kernel. */
	KUNIT_EXPECT_EQ(test, kill_pgrp(pa, SIGINT, 1), -ESRCH);
	KUNIT_EXPECT_EQ(test, kill_pgrp(0, SIGINT, 1), -ESRCH);
	target_init(&a);
	pa = start_target(test, &a);
	spin_lock(&tasklist_lock);
	find_task_by_vpid(pa)->signal->pgrp = pa;
	spin_unlock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, kill_pgrp(pa, SIGINT, 1), 0);
	KUNIT_EXPECT_EQ(test, reap(pa), SIGINT);
}

/* Kernel threads and init ignore SIG_DFL signals from others. */
static int fn_kthread_sleeps(void *arg)
{
	while (!kthread_should_stop())
		msleep(2);
	return 0;
}

static void kthreads_and_init_ignore(struct kunit *test)
{
	struct task_struct *k = kthread_run(fn_kthread_sleeps, NULL, "sigk");

	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	KUNIT_EXPECT_EQ(test, send_sig(SIGTERM, k, 0), 0);
	KUNIT_EXPECT_FALSE(test, signal_pending(k));
	KUNIT_EXPECT_FALSE(test, sigismember(&k->pending.signal, SIGTERM));
	kthread_stop(k);
	/* PID 1 (we are it) takes no SIGKILL from kill(). */
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_kill, 1, SIGKILL, 0, 0), 0);
	KUNIT_EXPECT_FALSE(test, fatal_signal_pending(current));
	KUNIT_EXPECT_FALSE(test, sigismember(&current->signal->shared_pending.signal, SIGKILL));
}

/* The syscalls' checks that come before any user memory is touched. */
static void syscall_argument_checks(struct kunit *test)
{
	struct k_sigaction ka = { .sa = { .sa_handler = SIG_IGN } }, old;
	sigset_t set = { { sigmask(SIGKILL) | sigmask(SIGSTOP) | sigmask(SIGUSR1) } };

	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigaction, SIGUSR1, 0, 0, 4), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigaction, 0, 0, 0, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigaction, 65, 0, 0, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigaction, SIGKILL, 0, 0, 8), 0);
	/* A kernel address is no user memory. */
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigaction, SIGUSR1, (long)&ka, 0, 8), -EFAULT);
	KUNIT_EXPECT_EQ(test, do_sigaction(SIGKILL, &ka, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_sigaction(SIGSTOP, &ka, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, do_sigaction(SIGKILL, NULL, &old), 0);
	KUNIT_EXPECT_TRUE(test, old.sa.sa_handler == SIG_DFL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigprocmask, SIG_BLOCK, 0, 0, 4), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigprocmask, SIG_BLOCK, 0, 0, 8), 0);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigprocmask, SIG_BLOCK, (long)&set, 0, 8), -EFAULT);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_rt_sigpending, 0, 16, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_set_robust_list, 0, 23, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_set_robust_list, 0, 24, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_sched_getaffinity, 0, 4, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sys4(__x64_sys_sched_getaffinity, 0, 12, 0, 0), -EINVAL);
	/* sigprocmask: a bad how, and SIGKILL/SIGSTOP silently dropped. */
	{
		sigset_t saved = current->blocked, got;

		KUNIT_EXPECT_EQ(test, sigprocmask(7, &set, NULL), -EINVAL);
		KUNIT_EXPECT_EQ(test, sigprocmask(SIG_SETMASK, &set, NULL), 0);
		got = current->blocked;
		KUNIT_EXPECT_EQ(test, got.sig[0], sigmask(SIGUSR1));
		sigprocmask(SIG_SETMASK, &saved, NULL);
	}
}

/* ---- the syscalls with real user memory, in a child with its own mm ---- */

struct umem_result {
	long act_kill, act_set, act_get_ok, procmask, procmask_old_ok, pending_ok;
	long ss_small, ss_flags, ss_ok, ss_get_ok, ss_eperm, ss_disable, ss_disabled_ok;
	long tid_address, getaff, getaff_ok, setaff_fault, setaff;
};

/* What exec does for the child: an address space of its own, and some anonymous memory. */
static unsigned long give_mm(void)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long flags;

	if (!mm)
		return 0;
	local_irq_save(flags);
	current->mm = mm;
	current->active_mm = mm;
	switch_mm_irqs_off(&init_mm, mm, current);
	local_irq_restore(flags);
	return vm_mmap(NULL, 0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
}

struct ustack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
};

static int fn_umem(void *arg)
{
	struct umem_result *r = arg;
	unsigned long base = give_mm();
	struct sigaction __user *uact = (void __user *)base;
	struct sigaction __user *uold = (void __user *)(base + 64);
	sigset_t __user *uset = (void __user *)(base + 128);
	sigset_t __user *uoset = (void __user *)(base + 136);
	struct ustack __user *uss = (void __user *)(base + 192);
	struct ustack __user *uoss = (void __user *)(base + 224);
	unsigned long altstack = base + PAGE_SIZE;
	struct sigaction act = { .sa_handler = SIG_IGN, .sa_flags = SA_RESTART };
	struct sigaction old;
	struct ustack ss;
	sigset_t set = { { sigmask(SIGUSR1) | sigmask(SIGKILL) } }, got;

	if (IS_ERR_VALUE(base) || !base)
		do_exit(wait_status_exited(1));
	/* rt_sigaction: SIGKILL refused, SIGUSR2 recorded and read back. */
	if (copy_to_user(uact, &act, sizeof(act)))
		do_exit(wait_status_exited(2));
	r->act_kill = sys4(__x64_sys_rt_sigaction, SIGKILL, (long)uact, 0, 8);
	r->act_set = sys4(__x64_sys_rt_sigaction, SIGUSR2, (long)uact, 0, 8);
	sys4(__x64_sys_rt_sigaction, SIGUSR2, 0, (long)uold, 8);
	r->act_get_ok = !copy_from_user(&old, uold, sizeof(old)) && old.sa_handler == SIG_IGN &&
			old.sa_flags == SA_RESTART;
	/* rt_sigprocmask + rt_sigpending: SIGKILL is dropped from the mask. */
	copy_to_user(uset, &set, sizeof(set));
	r->procmask = sys4(__x64_sys_rt_sigprocmask, SIG_BLOCK, (long)uset, (long)uoset, 8);
	sys4(__x64_sys_rt_sigprocmask, SIG_BLOCK, 0, (long)uoset, 8);
	r->procmask_old_ok = !copy_from_user(&got, uoset, sizeof(got)) &&
			     got.sig[0] == sigmask(SIGUSR1);
	send_sig(SIGUSR1, current, 0);
	sys4(__x64_sys_rt_sigpending, (long)uoset, 8, 0, 0);
	r->pending_ok = !copy_from_user(&got, uoset, sizeof(got)) && got.sig[0] == sigmask(SIGUSR1);
	/* sigaltstack: too small, bad flags, fine, read back, busy, disabled. */
	ss = (struct ustack){ (void __user *)altstack, 0, MINSIGSTKSZ - 1 };
	copy_to_user(uss, &ss, sizeof(ss));
	r->ss_small = sys4(__x64_sys_sigaltstack, (long)uss, 0, 0, 0);
	ss = (struct ustack){ (void __user *)altstack, 5, 2 * PAGE_SIZE };
	copy_to_user(uss, &ss, sizeof(ss));
	r->ss_flags = sys4(__x64_sys_sigaltstack, (long)uss, 0, 0, 0);
	ss.ss_flags = 0;
	copy_to_user(uss, &ss, sizeof(ss));
	r->ss_ok = sys4(__x64_sys_sigaltstack, (long)uss, 0, 0, 0);
	sys4(__x64_sys_sigaltstack, 0, (long)uoss, 0, 0);
	r->ss_get_ok = !copy_from_user(&ss, uoss, sizeof(ss)) && ss.ss_sp == (void __user *)altstack &&
		       ss.ss_size == 2 * PAGE_SIZE && ss.ss_flags == 0;
	task_pt_regs(current)->sp = altstack + 100;	/* as if running on it */
	r->ss_eperm = sys4(__x64_sys_sigaltstack, (long)uss, 0, 0, 0);
	task_pt_regs(current)->sp = 0;
	ss = (struct ustack){ NULL, SS_DISABLE, 0 };
	copy_to_user(uss, &ss, sizeof(ss));
	r->ss_disable = sys4(__x64_sys_sigaltstack, (long)uss, (long)uoss, 0, 0);
	sys4(__x64_sys_sigaltstack, 0, (long)uoss, 0, 0);
	r->ss_disabled_ok = !copy_from_user(&ss, uoss, sizeof(ss)) && ss.ss_flags == SS_DISABLE &&
			    ss.ss_size == 0;
	/* set_tid_address returns the tid; the affinity calls copy the mask. */
	r->tid_address = sys4(__x64_sys_set_tid_address, base + 512, 0, 0, 0);
	r->getaff = sys4(__x64_sys_sched_getaffinity, 0, 8, base + 520, 0);
	r->getaff_ok = !copy_from_user(&got, (void __user *)(base + 520), 8) &&
		       got.sig[0] == (current->cpus_mask.bits & cpu_online_mask->bits);
	r->setaff_fault = sys4(__x64_sys_sched_setaffinity, 0, 8, 16, 0);
	r->setaff = sys4(__x64_sys_sched_setaffinity, 0, 8, base + 520, 0);
	do_exit(0);
}

static void syscalls_with_user_memory(struct kunit *test)
{
	unsigned long tasks = nr_task_structs(), pages = shrunk_free_pages();
	struct umem_result r = { 0 };
	int status = -1;
	pid_t pid;

	pid = user_mode_thread(fn_umem, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_EQ(test, r.act_kill, -EINVAL);
	KUNIT_EXPECT_EQ(test, r.act_set, 0);
	KUNIT_EXPECT_TRUE(test, r.act_get_ok);
	KUNIT_EXPECT_EQ(test, r.procmask, 0);
	KUNIT_EXPECT_TRUE(test, r.procmask_old_ok);
	KUNIT_EXPECT_TRUE(test, r.pending_ok);
	KUNIT_EXPECT_EQ(test, r.ss_small, -ENOMEM);
	KUNIT_EXPECT_EQ(test, r.ss_flags, -EINVAL);
	KUNIT_EXPECT_EQ(test, r.ss_ok, 0);
	KUNIT_EXPECT_TRUE(test, r.ss_get_ok);
	KUNIT_EXPECT_EQ(test, r.ss_eperm, -EPERM);
	KUNIT_EXPECT_EQ(test, r.ss_disable, 0);
	KUNIT_EXPECT_TRUE(test, r.ss_disabled_ok);
	KUNIT_EXPECT_EQ(test, r.tid_address, pid);
	KUNIT_EXPECT_EQ(test, r.getaff, 8);
	KUNIT_EXPECT_TRUE(test, r.getaff_ok);
	KUNIT_EXPECT_EQ(test, r.setaff_fault, -EFAULT);
	KUNIT_EXPECT_EQ(test, r.setaff, 0);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

static struct kunit_case signal_cases[] = {
	KUNIT_CASE(kill_terminates_with_signal_status),
	KUNIT_CASE(default_ignore_and_stop),
	KUNIT_CASE(blocked_until_unblocked),
	KUNIT_CASE(sig_ign_discards_pending),
	KUNIT_CASE(handler_without_frame_is_sigsegv),
	KUNIT_CASE(force_sig_fault_overrides_ignore),
	KUNIT_CASE(tgkill_checks),
	KUNIT_CASE(kill_process_group),
	KUNIT_CASE(kthreads_and_init_ignore),
	KUNIT_CASE(syscall_argument_checks),
	KUNIT_CASE(syscalls_with_user_memory),
	{}
};

static struct kunit_suite signal_suite = {
	.name = "signal",
	.test_cases = signal_cases,
};
kunit_test_suite(signal_suite);
