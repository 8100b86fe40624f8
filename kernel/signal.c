// SPDX-License-Identifier: GPL-2.0
/*
 * Signals (Linux: kernel/signal.c), as far as issue 10 goes: sending,
 * blocking, recording handlers, and the default actions at the return to
 * user mode.
 *
 * Sending (send_signal_locked): a signal the target ignores (SIG_IGN, or a
 * SIG_DFL whose default is to ignore: SIGCHLD, SIGURG, SIGWINCH, SIGCONT)
 * is dropped unless the target blocks it (prepare_signal, sig_ignored);
 * otherwise it is added to the thread's own pending set (tkill, tgkill,
 * faults) or the process's shared one (kill), and complete_signal() picks
 * a thread that does not block it, sets its TIF_SIGPENDING and wakes it
 * from an interruptible sleep (signal_wake_up), or, if it runs on another
 * CPU, sends that CPU a reschedule IPI so it passes exit_to_user_mode soon
 * (kick_process). A fatal signal (default action terminate, not blocked)
 * is turned at once into a group exit: SIGKILL for every thread, as Linux
 * does, so fatal_signal_pending() aborts sleeps of all of them.
 *
 * Delivery (arch_do_signal_or_restart, from exit_to_user_mode_prepare):
 * dequeue the lowest unblocked signal (synchronous faults first), drop it
 * if it is ignored, and otherwise terminate the process with it
 * (do_group_exit): the wait status is the signal number; the core-dump
 * bit 0x80 is never set, matching Linux with RLIMIT_CORE 0. The gaps of
 * issue 10, documented in docs/process.md: a signal with a handler is not
 * run on a signal frame (issue 11) but logged once and treated as fatal;
 * the stop signals (SIGSTOP, and SIGTSTP/SIGTTIN/SIGTTOU at SIG_DFL) stay
 * pending and do not interrupt anything until job control exists; SIGCONT
 * clears them as in Linux. Pending signals are a bit set: a real-time
 * signal sent twice is pending once, and no siginfo is queued.
 *
 * Locking: tasklist_lock (finding tasks, the thread list), then the
 * target's sighand->siglock (pending sets, blocked masks, actions), then
 * the scheduler's locks (wakeups). A task's sighand only goes away in
 * release_task() under tasklist_lock, so a sender holding tasklist_lock
 * may lock it. Permissions: every task is root here, so
 * check_kill_permission() only validates the signal number.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#ifndef INT_MIN
#define INT_MIN (-INT_MAX - 1)
#endif

#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			      sigmask(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
				  sigmask(SIGABRT) | sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | sigmask(SIGXCPU) | \
				  sigmask(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | \
				sigmask(SIGURG))
/* Faults are dequeued before anything else (Linux: SYNCHRONOUS_MASK). */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
			  sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static bool siginmask(int sig, unsigned long mask)
{
	return sig >= 1 && sig < SIGRTMIN && (sigmask(sig) & mask);
}

#define sig_kernel_only(sig) siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig) siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig) siginmask(sig, SIG_KERNEL_IGNORE_MASK)

static bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static __sighandler_t sig_handler(struct task_struct *t, int sig)
{
	return t->sighand->action[sig - 1].sa.sa_handler;
}

static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/* Terminates the process if delivered (Linux: sig_fatal). */
static bool sig_fatal(struct task_struct *t, int sig)
{
	return !siginmask(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
	       sig_handler(t, sig) == SIG_DFL;
}

/* ---- TIF_SIGPENDING ------------------------------------------------------------ */

static void set_tsk_sigpending(struct task_struct *t)
{
	__atomic_or_fetch(&t->thread_info.flags, 1UL << TIF_SIGPENDING, __ATOMIC_SEQ_CST);
}

static void clear_tsk_sigpending(struct task_struct *t)
{
	__atomic_and_fetch(&t->thread_info.flags, ~(1UL << TIF_SIGPENDING), __ATOMIC_SEQ_CST);
}

bool signal_pending(struct task_struct *p)
{
	return __atomic_load_n(&p->thread_info.flags, __ATOMIC_ACQUIRE) & (1UL << TIF_SIGPENDING);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember(&p->pending.signal, SIGKILL);
}

/*
 * Signals that do not count as deliverable while the stop machinery is
 * missing: the stop signals at SIG_DFL stay pending (see the top).
 */
static unsigned long undeliverable_mask(struct task_struct *t)
{
	unsigned long mask = t->blocked.sig[0];

	for (int sig = SIGSTOP; sig <= SIGTTOU; sig++) {
		if (sig_kernel_stop(sig) && sig_handler(t, sig) == SIG_DFL)
			mask |= sigmask(sig);
	}
	return mask;
}

/* siglock held. Linux: recalc_sigpending_tsk. */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	unsigned long mask = undeliverable_mask(t);

	if ((t->pending.signal.sig[0] & ~mask) ||
	    (t->signal->shared_pending.signal.sig[0] & ~mask)) {
		set_tsk_sigpending(t);
		return true;
	}
	return false;
}

/* Clear current's TIF_SIGPENDING if nothing is deliverable; siglock held. */
void recalc_sigpending(void)
{
	if (!recalc_sigpending_tsk(current))
		clear_tsk_sigpending(current);
}

/*
 * Tell t a signal is there (Linux: signal_wake_up_state): the flag, a wakeup
 * from an interruptible sleep, or a kick if it is running elsewhere.
 */
void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_sigpending(t);
	if (!wake_up_state(t, TASK_INTERRUPTIBLE))
		kick_process(t);
}

/* ---- sending ---------------------------------------------------------------------- */

static void flush_sigqueue_mask(unsigned long mask, struct sigpending *s)
{
	s->signal.sig[0] &= ~mask;
}

void flush_sigqueue(struct sigpending *queue)
{
	sigemptyset(&queue->signal);
}

static bool sig_task_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = sig_handler(t, sig);

	/* init only gets the signals it installed handlers for */
	if (unlikely(t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	/* kernel threads ignore what they did not ask for */
	if (unlikely((t->flags & PF_KTHREAD) && handler == SIG_DFL && !force))
		return true;
	return sig_handler_ignored(handler, sig);
}

static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	/* A blocked signal stays pending: the handler may change before it is unblocked. */
	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	return sig_task_ignored(t, sig, force);
}

/*
 * Linux: prepare_signal. Stop and continue signals cancel each other;
 * a dying group takes nothing more. false: drop the signal.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false;
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread_in(signal, t)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		for_each_thread_in(signal, t)
			flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
	}
	return !sig_ignored(p, sig, force);
}

/* Could p take sig now? (Linux: wants_signal) */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig))
		return false;
	if (p->flags & PF_EXITING)
		return false;
	if (sig == SIGKILL)
		return true;
	return READ_ONCE(p->on_cpu) || !signal_pending(p);
}

/* Linux: complete_signal. tasklist_lock and siglock held. */
static void complete_signal(int sig, struct task_struct *p, bool shared)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = NULL, *c;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (!shared || signal->nr_threads <= 1) {
		return;		/* it waits until p unblocks it */
	} else {
		for_each_thread_in(signal, c) {
			if (wants_signal(sig, c)) {
				t = c;
				break;
			}
		}
		if (!t)
			return;
	}
	if (sig_fatal(p, sig) && !(signal->flags & SIGNAL_GROUP_EXIT) &&
	    !sigismember(&t->real_blocked, sig) && !sig_kernel_coredump(sig)) {
		/* The whole group dies: start it now (Linux does the same). */
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		for_each_thread_in(signal, c) {
			sigaddset(&c->pending.signal, SIGKILL);
			signal_wake_up(c, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* Linux: send_signal_locked. tasklist_lock and t's siglock held. */
static int send_signal_locked(int sig, struct kernel_siginfo *info, struct task_struct *t,
			      bool shared, bool force)
{
	struct sigpending *pending;

	(void)info;	/* no siginfo is queued (see the top) */
	if (!prepare_signal(sig, t, force))
		return 0;
	pending = shared ? &t->signal->shared_pending : &t->pending;
	/* Legacy signals are pending once; real-time ones would queue (not here). */
	if (sigismember(&pending->signal, sig))
		return 0;
	sigaddset(&pending->signal, sig);
	/* A stop signal at SIG_DFL waits for job control (see the top): nobody is woken. */
	if (sig_kernel_stop(sig) && sig_handler(t, sig) == SIG_DFL)
		return 0;
	complete_signal(sig, t, shared);
	return 0;
}

/* tasklist_lock held. -ESRCH if p is already reaped. */
static int do_send_sig_info_locked(int sig, struct kernel_siginfo *info, struct task_struct *p,
				   bool shared, bool force)
{
	unsigned long flags;
	int ret;

	if (!p->sighand)
		return -ESRCH;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	ret = send_signal_locked(sig, info, p, shared, force);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return ret;
}

int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p, bool group)
{
	int ret;

	if (!valid_signal(sig) || sig < 1)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	ret = do_send_sig_info_locked(sig, info, p, group, false);
	spin_unlock(&tasklist_lock);
	return ret;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, false);
}

/* From the kernel: priv (Linux: SEND_SIG_PRIV) is never ignored by a kernel thread or init. */
int send_sig(int sig, struct task_struct *p, int priv)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = priv ? SI_KERNEL : SI_USER };
	int ret;

	if (!valid_signal(sig) || sig < 1)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	ret = do_send_sig_info_locked(sig, &info, p, false, priv);
	spin_unlock(&tasklist_lock);
	return ret;
}

/*
 * A signal the current task cannot ignore or block (Linux:
 * force_sig_info_to_task): a fault. An ignored or blocked one is reset to
 * SIG_DFL and unblocked, so a second fault in a handler kills; and init
 * loses its protection, so a faulting PID 1 dies (and panics) as in Linux.
 */
static int force_sig_info_to_task(struct kernel_siginfo *info, struct task_struct *t)
{
	int sig = info->si_signo;
	struct k_sigaction *action;
	unsigned long flags;
	int ret;

	spin_lock(&tasklist_lock);
	spin_lock_irqsave(&t->sighand->siglock, flags);
	action = &t->sighand->action[sig - 1];
	if (action->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		if (action->sa.sa_handler == SIG_IGN)
			action->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
		recalc_sigpending_tsk(t);
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	ret = send_signal_locked(sig, info, t, false, true);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	spin_unlock(&tasklist_lock);
	return ret;
}

int force_sig_fault(int sig, int code, void __user *addr)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = code };

	info.si_addr = addr;
	return force_sig_info_to_task(&info, current);
}

void force_sig(int sig)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };

	force_sig_info_to_task(&info, current);
}

/* Linux: force_sigsegv: a SIGSEGV handler that faults again is reset first. */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV) {
		unsigned long flags;

		spin_lock_irqsave(&current->sighand->siglock, flags);
		current->sighand->action[sig - 1].sa.sa_handler = SIG_DFL;
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	force_sig(SIGSEGV);
}

/* ---- kill ---------------------------------------------------------------------------- */

/* Linux: check_kill_permission. Everyone is root: only the number is checked. */
static int check_kill_permission(int sig)
{
	return valid_signal(sig) ? 0 : -EINVAL;
}

/* Linux: group_send_sig_info. tasklist_lock held. */
static int group_send_sig_info_locked(int sig, struct kernel_siginfo *info, struct task_struct *p,
				      bool shared)
{
	int ret = check_kill_permission(sig);

	if (!ret && sig)
		ret = do_send_sig_info_locked(sig, info, p, shared, false);
	else if (!ret && !p->sighand)
		ret = -ESRCH;
	return ret;
}

static bool is_process(const struct task_struct *p)
{
	return thread_group_leader(p) && p->exit_state != EXIT_DEAD && p->pid > 0 && p->signal &&
	       p->sighand;
}

/* Linux: __kill_pgrp_info. tasklist_lock held. */
static int kill_pgrp_locked(int sig, struct kernel_siginfo *info, pid_t pgrp)
{
	struct task_struct *p;
	int retval = -ESRCH;
	bool success = false;

	/* pgrp 0 is real: init and the kernel threads start in it, as in Linux. */
	list_for_each_entry(p, &task_list, tasks) {
		if (!is_process(p) || !p->signal || p->signal->pgrp != pgrp)
			continue;
		retval = group_send_sig_info_locked(sig, info, p, true);
		success |= !retval;
	}
	return success ? 0 : retval;
}

/* Linux: kill_something_info (kill(2)'s pid rules). */
static int kill_something_info(int sig, struct kernel_siginfo *info, pid_t pid)
{
	struct task_struct *p;
	int ret;

	if (pid == INT_MIN)	/* -INT_MIN is undefined */
		return -ESRCH;
	spin_lock(&tasklist_lock);
	if (pid > 0) {
		p = find_task_by_vpid(pid);
		ret = p ? group_send_sig_info_locked(sig, info, p, true) : -ESRCH;
	} else if (pid != -1) {
		ret = kill_pgrp_locked(sig, info, pid ? -pid : task_pgrp_nr(current));
	} else {
		int retval = 0, count = 0;

		list_for_each_entry(p, &task_list, tasks) {
			if (is_process(p) && p->pid > 1 && !same_thread_group(p, current)) {
				int err = group_send_sig_info_locked(sig, info, p, true);

				++count;
				if (err != -EPERM)
					retval = err;
			}
		}
		ret = count ? retval : -ESRCH;
	}
	spin_unlock(&tasklist_lock);
	return ret;
}

/*
 * Every process of process group pgrp (Linux: kill_pgrp; the tty's ^C,
 * ^Z, ^\ and SIGHUP): 0 if any got it, -ESRCH if the group is empty.
 * priv (SEND_SIG_PRIV): from the kernel, si_code SI_KERNEL. Process
 * context only: tasklist_lock is not an IRQ-safe lock here.
 */
int kill_pgrp(int pgrp, int sig, int priv)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = priv ? SI_KERNEL : SI_USER };
	int ret;

	if (pgrp <= 0)
		return -ESRCH;
	if (!priv)
		info.si_pid = current->tgid;
	spin_lock(&tasklist_lock);
	ret = kill_pgrp_locked(sig, &info, pgrp);
	spin_unlock(&tasklist_lock);
	return ret;
}

/*
 * Linux: will_become_orphaned_pgrp. POSIX calls a process group orphaned
 * when no member has a parent in another group of the same session: no
 * shell is left to continue it, so job-control stops are not done to it.
 * ignored (or NULL) is a task that does not count (it is exiting).
 * tasklist_lock held.
 */
int will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored)
{
	struct task_struct *p, *parent;

	list_for_each_entry(p, &task_list, tasks) {
		if (!is_process(p) || p->signal->pgrp != pgrp)
			continue;
		if (p == ignored || p->exit_state || (p->flags & PF_EXITING))
			continue;
		parent = p->real_parent;
		if (!parent || is_global_init(parent) || !parent->signal)
			continue;
		if (parent->signal->pgrp != pgrp && parent->signal->session == p->signal->session)
			return 0;
	}
	return 1;
}

/* Linux: is_current_pgrp_orphaned (the tty's SIGTTIN/SIGTTOU decision). */
int is_current_pgrp_orphaned(void)
{
	int retval;

	spin_lock(&tasklist_lock);
	retval = will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
	spin_unlock(&tasklist_lock);
	return retval;
}

int kill_pid(int pid, int sig, int priv)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = priv ? SI_KERNEL : SI_USER };

	if (pid <= 0)
		return -ESRCH;
	return kill_something_info(sig, &info, pid);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_USER };

	info.si_pid = current->tgid;
	info.si_uid = 0;
	return kill_something_info(sig, &info, pid);
}

/* Linux: do_tkill. tgid <= 0: any process. */
static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_TKILL };
	struct task_struct *p;
	int error = -ESRCH;

	info.si_pid = current->tgid;
	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(pid);
	if (p && (tgid <= 0 || p->tgid == tgid)) {
		error = check_kill_permission(sig);
		if (!error && sig) {
			error = do_send_sig_info_locked(sig, &info, p, false, false);
			if (error == -ESRCH)
				error = 0;	/* it is dying: Linux reports success */
		}
	}
	spin_unlock(&tasklist_lock);
	return error;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	if (pid <= 0)
		return -EINVAL;
	return do_tkill(0, pid, sig);
}

/* ---- the parent's SIGCHLD ------------------------------------------------------------- */

/*
 * tsk is dead: tell its parent (Linux: do_notify_parent). Returns true if
 * the parent does not want zombies (SIGCHLD at SIG_IGN or SA_NOCLDWAIT):
 * the caller then reaps tsk at once. tasklist_lock held.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct kernel_siginfo info = { .si_signo = sig };
	struct sighand_struct *psig;
	bool autoreap = false;
	unsigned long flags;
	int status = tsk->exit_code;

	if (!parent || !parent->sighand)
		return true;
	if (tsk->signal->flags & SIGNAL_GROUP_EXIT)
		status = tsk->signal->group_exit_code;
	info._sifields._sigchld._pid = tsk->tgid;
	if ((status & 0x7f) == 0) {
		info.si_code = CLD_EXITED;
		info.si_status = status >> 8;
	} else {
		info.si_code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info.si_status = status & 0x7f;
	}
	psig = parent->sighand;
	spin_lock_irqsave(&psig->siglock, flags);
	if (sig == SIGCHLD && (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
			       (psig->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		/* POSIX: the parent does not want us; we reap ourselves, and no SIGCHLD. */
		autoreap = true;
		if (psig->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig > 0 && valid_signal(sig))
		send_signal_locked(sig, &info, parent, true, false);
	spin_unlock_irqrestore(&psig->siglock, flags);
	/* Linux: __wake_up_parent. A waiter in do_wait re-scans. */
	wake_up_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/* The task starts exiting (Linux: exit_signals): no thread picks signals for it any more. */
void exit_signals(struct task_struct *tsk)
{
	unsigned long flags;

	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	tsk->flags |= PF_EXITING;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
}

/* exec: handlers go back to SIG_DFL, ignored signals stay ignored (Linux: flush_signal_handlers). */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct k_sigaction *ka = &t->sighand->action[0];

	for (int i = _NSIG; i != 0; i--, ka++) {
		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
}

/* ---- delivery ------------------------------------------------------------------------- */

/* Lowest deliverable signal of pending, faults first (Linux: next_signal). */
static int next_signal(struct sigpending *pending, unsigned long mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask;

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/* Take one deliverable signal off current's sets; siglock held (Linux: dequeue_signal). */
static int dequeue_signal(struct task_struct *t)
{
	unsigned long mask = undeliverable_mask(t);
	int sig = next_signal(&t->pending, mask);

	if (sig) {
		sigdelset(&t->pending.signal, sig);
	} else {
		sig = next_signal(&t->signal->shared_pending, mask);
		if (sig)
			sigdelset(&t->signal->shared_pending.signal, sig);
	}
	recalc_sigpending();
	return sig;
}

/*
 * Did regs come from the syscall instruction? Linux tests orig_ax >= 0,
 * having stored -1 there for every other entry; Linnet's entry code keeps
 * the error code or vector there, so look for the syscall instruction's
 * own marks too: rcx holds the return address and r11 the flags.
 */
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->orig_ax < nr_syscalls && regs->cx == regs->ip && regs->r11 == regs->flags;
}

/*
 * Linux: arch_do_signal_or_restart -> get_signal. Called on the way back
 * to user mode with TIF_SIGPENDING set and interrupts on.
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct sighand_struct *sighand = t->sighand;

	for (;;) {
		struct k_sigaction ka;
		int sig;

		spin_lock_irq(&sighand->siglock);
		sig = dequeue_signal(t);
		if (sig)
			ka = sighand->action[sig - 1];
		spin_unlock_irq(&sighand->siglock);
		if (!sig)
			break;
		if (ka.sa.sa_handler == SIG_IGN)
			continue;
		if (ka.sa.sa_handler != SIG_DFL) {
			static bool logged;

			/* Issue 11 runs the handler on a signal frame; until then it is fatal. */
			if (!__atomic_exchange_n(&logged, true, __ATOMIC_RELAXED))
				pr_warn("%s[%d]: signal %d has a handler; signal frames are not implemented yet (issue 11): killing the process\n",
					t->comm, t->pid, sig);
			do_group_exit(sig);
		}
		if (sig_kernel_ignore(sig) || sig_kernel_stop(sig))
			continue;
		/* Terminate (or core dump: none, as Linux with RLIMIT_CORE 0). */
		do_group_exit(sig);
	}

	/* No handler ran: a system call a signal interrupted starts again (Linux: the same switch). */
	if (regs && in_syscall(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = 219;		/* __NR_restart_syscall */
			regs->ip -= 2;
			break;
		}
	}
}

/* ---- masks, actions, the alternate stack ------------------------------------------------- */

/* Linux: sigprocmask on current, SIGKILL and SIGSTOP never blocked. */
int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	struct task_struct *tsk = current;
	sigset_t newset;

	if (oldset)
		*oldset = tsk->blocked;
	switch (how) {
	case SIG_BLOCK:
		newset.sig[0] = tsk->blocked.sig[0] | set->sig[0];
		break;
	case SIG_UNBLOCK:
		newset.sig[0] = tsk->blocked.sig[0] & ~set->sig[0];
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	newset.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	spin_lock_irq(&tsk->sighand->siglock);
	tsk->blocked = newset;
	recalc_sigpending();
	spin_unlock_irq(&tsk->sighand->siglock);
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset, sigset_t __user *, oset,
		size_t, sigsetsize)
{
	sigset_t old_set, new_set;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	old_set = current->blocked;
	if (nset) {
		if (copy_from_user(&new_set, nset, sizeof(sigset_t)))
			return -EFAULT;
		new_set.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		error = sigprocmask(how, &new_set, NULL);
		if (error)
			return error;
	}
	if (oset && copy_to_user(oset, &old_set, sizeof(sigset_t)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t set;

	if (sigsetsize > sizeof(*uset))
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	set.sig[0] = (current->pending.signal.sig[0] |
		      current->signal->shared_pending.signal.sig[0]) & current->blocked.sig[0];
	spin_unlock_irq(&current->sighand->siglock);
	if (copy_to_user(uset, &set, sigsetsize))
		return -EFAULT;
	return 0;
}

/* Linux: do_sigaction. */
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current, *t;
	struct k_sigaction *k;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &p->sighand->action[sig - 1];
	spin_lock(&tasklist_lock);
	spin_lock_irq(&p->sighand->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		act->sa.sa_mask.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		*k = *act;
		/*
		 * POSIX: setting a pending signal to be ignored discards it,
		 * whether it is blocked or not, in every thread.
		 */
		if (sig_handler_ignored(sig_handler(p, sig), sig)) {
			flush_sigqueue_mask(sigmask(sig), &p->signal->shared_pending);
			for_each_thread_in(p->signal, t)
				flush_sigqueue_mask(sigmask(sig), &t->pending);
			recalc_sigpending();
		}
	}
	spin_unlock_irq(&p->sighand->siglock);
	spin_unlock(&tasklist_lock);
	return 0;
}

/* A kernel-started task sets one of its own actions (Linux: kernel_sigaction). */
void kernel_sigaction(int sig, __sighandler_t action)
{
	struct k_sigaction ka = { .sa = { .sa_handler = action } };

	do_sigaction(sig, &ka, NULL);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new_sa, old_sa;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new_sa.sa, act, sizeof(new_sa.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new_sa : NULL, oact ? &old_sa : NULL);
	if (!ret && oact && copy_to_user(oact, &old_sa.sa, sizeof(old_sa.sa)))
		return -EFAULT;
	return ret;
}

/* The user's stack_t (x86-64). */
typedef struct {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_AUTODISARM (1U << 31)
#define SS_FLAG_BITS SS_AUTODISARM

static bool on_sig_stack(unsigned long sp)
{
	struct task_struct *t = current;

	if (t->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

static int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* Linux: do_sigaltstack. */
static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (ss) {
		void __user *ss_sp = ss->ss_sp;
		size_t ss_size = ss->ss_size;
		unsigned int ss_flags = ss->ss_flags;
		int ss_mode;

		if (unlikely(on_sig_stack(sp)))
			return -EPERM;
		ss_mode = ss_flags & ~SS_FLAG_BITS;
		if (unlikely(ss_mode != SS_DISABLE && ss_mode != SS_ONSTACK && ss_mode != 0))
			return -EINVAL;
		if (t->sas_ss_sp == (unsigned long)ss_sp && t->sas_ss_size == ss_size &&
		    t->sas_ss_flags == ss_flags)
			return 0;
		if (ss_mode == SS_DISABLE) {
			ss_size = 0;
			ss_sp = NULL;
		} else if (unlikely(ss_size < MINSIGSTKSZ)) {
			return -ENOMEM;
		}
		t->sas_ss_sp = (unsigned long)ss_sp;
		t->sas_ss_size = ss_size;
		t->sas_ss_flags = ss_flags;
	}
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(stack_t)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL,
			     task_pt_regs(current)->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(stack_t)))
		err = -EFAULT;
	return err;
}

/*
 * No signal frames exist before issue 11, so whatever the stack holds is
 * no frame we built: Linux's badframe path, SIGSEGV (signal_fault).
 */
SYSCALL_DEFINE_REGS(rt_sigreturn)
{
	static bool logged;

	if (!__atomic_exchange_n(&logged, true, __ATOMIC_RELAXED))
		pr_info("%s[%d] bad frame in rt_sigreturn frame:%px ip:%lx sp:%lx orax:%lx\n",
			current->comm, current->pid, (void *)(regs->sp - sizeof(long)),
			regs->ip, regs->sp, regs->orig_ax);
	force_sig(SIGSEGV);
	return 0;
}

/*
 * Sleep until a signal arrives (Linux: sys_pause). Before issue 11 no
 * handler runs, so the signal that ends the wait either kills the process
 * on the way out or, if it was dropped meanwhile, the call starts again.
 */
SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return -ERESTARTNOHAND;
}

/*
 * Wait for a signal with a temporary mask (Linux: sys_rt_sigsuspend).
 * Linux restores the old mask after the handler's frame is set up; with
 * no frames yet it is restored here, and the call returns -EINTR.
 */
SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset, saved = current->blocked;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	sigprocmask(SIG_SETMASK, &newset, NULL);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	/* The fatal case is decided now, under the temporary mask, as Linux would. */
	arch_do_signal_or_restart(NULL);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return -EINTR;
}

/*
 * What a -ERESTART_RESTARTBLOCK restart calls (Linux: restart_syscall).
 * No call here leaves a restart block yet (Linux's do_no_restart_syscall).
 */
SYSCALL_DEFINE0(restart_syscall)
{
	return -EINTR;
}

/* ---- robust futex list (recorded only: no futexes yet) ---------------------------------- */

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (unlikely(len != 3 * sizeof(long)))	/* sizeof(struct robust_list_head) */
		return -EINVAL;
	current->robust_list = head;
	current->robust_list_len = len;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *p = current;
	void __user *head;

	if (pid) {
		spin_lock(&tasklist_lock);
		p = find_task_by_vpid(pid);
		head = p ? p->robust_list : NULL;
		spin_unlock(&tasklist_lock);
		if (!p)
			return -ESRCH;
	} else {
		head = p->robust_list;
	}
	if (put_user(3 * sizeof(long), len_ptr))
		return -EFAULT;
	return put_user(head, head_ptr);
}

/* Log fatal signals from faults and traps (Linux: the debug.exception-trace sysctl). */
int show_unhandled_signals = 1;

/*
 * Would sig, sent to tsk, act by default (kill it) rather than run a
 * handler? PID 1's always count (Linux: unhandled_signal(), without ptrace).
 */
bool unhandled_signal(struct task_struct *tsk, int sig)
{
	__sighandler_t handler;

	if (tsk->pid == 1 || !tsk->sighand)
		return true;
	handler = tsk->sighand->action[sig - 1].sa.sa_handler;
	return handler == SIG_IGN || handler == SIG_DFL;
}
