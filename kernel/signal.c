// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, the core (Linux: kernel/signal.c): sending, queueing with
 * siginfo, choosing the thread, job-control stop and continue, and
 * get_signal(), which the return to user mode calls to pick the next
 * signal and act on its default action. The system calls are in
 * kernel/signal_syscalls.c; the signal frame (setup_rt_frame,
 * rt_sigreturn) in kernel/signal_64.c; docs/signals.md tells the story.
 *
 * Sending (send_signal_locked): prepare_signal() lets stop and continue
 * signals cancel each other (SIGCONT also wakes a stopped group) and drops
 * a signal the target ignores (SIG_IGN, or SIG_DFL whose default is to
 * ignore) unless the target blocks it. The rest goes to the thread's own
 * pending set (tkill, tgkill, faults) or the process's shared one (kill),
 * with a struct sigqueue carrying its siginfo: a legacy signal (below
 * SIGRTMIN) is pending at most once, real-time signals queue, each with
 * its own siginfo, up to RLIMIT_SIGPENDING (sigqueue_count, /proc SigQ).
 * complete_signal() picks a thread that does not block it (wants_signal),
 * sets its TIF_SIGPENDING and wakes it (signal_wake_up). A fatal signal
 * (default action terminate, not blocked) is turned at once into a group
 * exit: SIGKILL for every thread, as Linux does.
 *
 * Delivery (get_signal, from arch_do_signal_or_restart): dequeue the lowest
 * unblocked signal (synchronous faults first), with its siginfo; a handler
 * is returned to the caller, which builds the frame (kernel/signal_64.c);
 * the default actions are: ignore; stop (do_signal_stop: every thread of
 * the group stops in TASK_STOPPED, the last one tells the parent
 * CLD_STOPPED; not done to an orphaned process group, except SIGSTOP);
 * terminate (do_group_exit with the signal number as the status; the core
 * bit 0x80 is never set: no core dumps, as Linux with RLIMIT_CORE 0).
 * SIGCONT resumes a stopped group, and the parent hears CLD_CONTINUED
 * from the first thread that runs again.
 *
 * Locking: tasklist_lock (finding tasks, the thread list), then the
 * target's sighand->siglock (pending sets, masks, actions, jobctl), then
 * the scheduler's locks (wakeups). tasklist_lock is a plain spinlock that
 * interrupts never take: the itimer's SIGALRM, sent from the tick, only
 * try-locks it (kernel/time/itimer.c). A task's sighand only goes away in
 * release_task() under tasklist_lock. Every task is root here, so
 * check_kill_permission() only validates the signal number.
 *
 * Left out: ptrace stops (JOBCTL_TRAP_*), signalfd, pidfd_send_signal,
 * core dumps, the freezer, uid-based permission and per-user counts.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
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
#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

/* Queued sigqueues of the one user (uid 0): Linux's ucounts UCOUNT_RLIMIT_SIGPENDING. */
atomic_long_t sigqueue_count;

static bool siginmask(int sig, unsigned long mask)
{
	return sig >= 1 && sig < SIGRTMIN && (sigmask(sig) & mask);
}

#define sig_kernel_only(sig) siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig) siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig) siginmask(sig, SIG_KERNEL_IGNORE_MASK)

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

/* ---- TIF_SIGPENDING and jobctl ----------------------------------------------------- */

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

static bool task_is_stopped(const struct task_struct *t)
{
	return READ_ONCE(t->__state) & __TASK_STOPPED;
}

/* siglock held. Linux: recalc_sigpending_tsk. */
static bool recalc_sigpending_tsk(struct task_struct *t)
{
	unsigned long mask = t->blocked.sig[0];

	if ((t->jobctl & JOBCTL_PENDING_MASK) || READ_ONCE(t->signal->it_real_fired) ||
	    (t->pending.signal.sig[0] & ~mask) ||
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
 * from an interruptible sleep (and, if fatal, from a killable one or a
 * stop), or a kick if it is running elsewhere.
 */
void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_tsk_sigpending(t);
	if (!wake_up_state(t, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0)))
		kick_process(t);
}

/* Linux: task_set_jobctl_pending. siglock held. */
static bool task_set_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (unlikely(fatal_signal_pending(t) || (t->flags & PF_EXITING)))
		return false;
	if (mask & JOBCTL_STOP_SIGMASK)
		t->jobctl &= ~JOBCTL_STOP_SIGMASK;
	t->jobctl |= mask;
	return true;
}

/* Linux: task_clear_jobctl_pending. siglock held. */
static void task_clear_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (mask & JOBCTL_STOP_PENDING)
		mask |= JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;
	t->jobctl &= ~mask;
}

static void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags)
{
	WARN_ON(sig->flags & SIGNAL_GROUP_EXIT);
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | flags;
}

/* ---- sigqueues ----------------------------------------------------------------------- */

/* Linux: __sigqueue_alloc. Called with irqs off (siglock held). */
static struct sigqueue *__sigqueue_alloc(struct task_struct *t, bool override_rlimit)
{
	struct sigqueue *q;
	long n = __atomic_add_fetch(&sigqueue_count.counter, 1, __ATOMIC_RELAXED);

	if (!override_rlimit &&
	    (unsigned long)n > READ_ONCE(t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur)) {
		atomic_long_dec(&sigqueue_count);
		return NULL;
	}
	q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (!q) {
		atomic_long_dec(&sigqueue_count);
		return NULL;
	}
	INIT_LIST_HEAD(&q->list);
	q->flags = 0;
	return q;
}

static void __sigqueue_free(struct sigqueue *q)
{
	atomic_long_dec(&sigqueue_count);
	kfree(q);
}

/* Drop the signals of mask from s, queued siginfo too (Linux: flush_sigqueue_mask). */
static void flush_sigqueue_mask(unsigned long mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal.sig[0] & mask))
		return;
	s->signal.sig[0] &= ~mask;
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigmask(q->info.si_signo) & mask) {
			list_del_init(&q->list);
			__sigqueue_free(q);
		}
	}
}

void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	sigemptyset(&queue->signal);
	list_for_each_entry_safe(q, n, &queue->list, list) {
		list_del_init(&q->list);
		__sigqueue_free(q);
	}
}

/* ---- sending ---------------------------------------------------------------------- */

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
 * Linux: prepare_signal. Stop and continue signals cancel each other, and
 * SIGCONT resumes a stopped group (CLD_CONTINUED is sent by the first
 * thread to run: get_signal); a dying group takes nothing more.
 * false: drop the signal. tasklist_lock and siglock held.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return false;	/* in the middle of dying: nothing to do */
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		for_each_thread_in(signal, t)
			flush_sigqueue_mask(sigmask(SIGCONT), &t->pending);
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		for_each_thread_in(signal, t) {
			flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &t->pending);
			task_clear_jobctl_pending(t, JOBCTL_STOP_PENDING);
			wake_up_state(t, __TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why |= SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why |= SIGNAL_CLD_STOPPED;	/* a stop that never completed */
		if (why) {
			signal_set_stop_flags(signal, why | SIGNAL_STOP_CONTINUED);
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
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
	if (task_is_stopped(p))
		return false;
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
		signal->flags = SIGNAL_GROUP_EXIT | (signal->flags & SIGNAL_LEADER);	/* Linux: signal->leader stays */
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread_in(signal, c) {
			task_clear_jobctl_pending(c, JOBCTL_PENDING_MASK);
			sigaddset(&c->pending.signal, SIGKILL);
			signal_wake_up(c, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/*
 * Linux: __send_signal_locked. tasklist_lock and t's siglock held.
 * info NULL: SI_KERNEL from the kernel. -EAGAIN: a real-time signal
 * from user space found the RLIMIT_SIGPENDING queue full.
 */
int send_signal_locked(int sig, struct kernel_siginfo *info, struct task_struct *t,
		       bool shared, bool force)
{
	struct sigpending *pending;
	struct sigqueue *q;
	bool override_rlimit;

	if (!prepare_signal(sig, t, force))
		return 0;
	pending = shared ? &t->signal->shared_pending : &t->pending;
	/* Legacy signals are pending once (Linux: legacy_queue). */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	if (sig == SIGKILL || (t->flags & PF_KTHREAD))
		goto out_set;
	/* Real-time signals must be queued if sent by sigqueue, or some other real-time mechanism. */
	override_rlimit = sig < SIGRTMIN ? (!info || info->si_code >= 0) : false;
	q = __sigqueue_alloc(t, override_rlimit);
	if (q) {
		list_add_tail(&q->list, &pending->list);
		if (info) {
			q->info = *info;
			q->info.si_signo = sig;
		} else {
			memset(&q->info, 0, sizeof(q->info));
			q->info.si_signo = sig;
			q->info.si_code = SI_KERNEL;
		}
	} else if (sig >= SIGRTMIN && info && info->si_code != SI_USER) {
		return -EAGAIN;
	}
out_set:
	sigaddset(&pending->signal, sig);
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
	if (!priv)
		info.si_pid = current->tgid;
	spin_lock(&tasklist_lock);
	ret = do_send_sig_info_locked(sig, &info, p, false, priv);
	spin_unlock(&tasklist_lock);
	return ret;
}

/* The whole process of p, from the kernel with tasklist_lock held (the itimer's SIGALRM). */
int group_send_sig_info_locked(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	return do_send_sig_info_locked(sig, info, p, true, false);
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

/* Linux: group_send_sig_info. tasklist_lock held. sig 0 only checks. */
static int group_send_sig_info_checked(int sig, struct kernel_siginfo *info,
				       struct task_struct *p)
{
	int ret = check_kill_permission(sig);

	if (!ret && sig)
		ret = do_send_sig_info_locked(sig, info, p, true, false);
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
		if (!is_process(p) || p->signal->pgrp != pgrp)
			continue;
		retval = group_send_sig_info_checked(sig, info, p);
		success |= !retval;
	}
	return success ? 0 : retval;
}

/* Linux: kill_something_info (kill(2)'s pid rules). */
int kill_something_info(int sig, struct kernel_siginfo *info, pid_t pid)
{
	struct task_struct *p;
	int ret;

	if (pid == INT_MIN)	/* -INT_MIN is undefined */
		return -ESRCH;
	spin_lock(&tasklist_lock);
	if (pid > 0) {
		p = find_task_by_vpid(pid);
		ret = p ? group_send_sig_info_checked(sig, info, p) : -ESRCH;
	} else if (pid != -1) {
		ret = kill_pgrp_locked(sig, info, pid ? -pid : task_pgrp_nr(current));
	} else {
		int retval = 0, count = 0;

		list_for_each_entry(p, &task_list, tasks) {
			if (is_process(p) && p->pid > 1 && !same_thread_group(p, current)) {
				int err = group_send_sig_info_checked(sig, info, p);

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

/* Linux: do_send_specific. tgid <= 0: any process. */
int do_send_specific(pid_t tgid, pid_t pid, int sig, struct kernel_siginfo *info)
{
	struct task_struct *p;
	int error = -ESRCH;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(pid);
	if (p && (tgid <= 0 || p->tgid == tgid)) {
		error = check_kill_permission(sig);
		if (!error && sig) {
			error = do_send_sig_info_locked(sig, info, p, false, false);
			if (error == -ESRCH)
				error = 0;	/* it is dying: Linux reports success */
		}
	}
	spin_unlock(&tasklist_lock);
	return error;
}

/* ---- the parent's SIGCHLD ------------------------------------------------------------- */

/* Linux: __wake_up_parent. A waiter in do_wait re-scans. */
static void wake_up_parent(struct task_struct *parent)
{
	wake_up_all(&parent->signal->wait_chldexit);
}

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
	info.si_utime = tsk->utime / (1000000000ULL / 100);	/* USER_HZ ticks */
	info.si_stime = tsk->stime / (1000000000ULL / 100);
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
	wake_up_parent(parent);
	return autoreap;
}

/*
 * tsk's group stopped or continued: tell the parent CLD_STOPPED or
 * CLD_CONTINUED (Linux: do_notify_parent_cldstop), unless it set
 * SA_NOCLDSTOP or ignores SIGCHLD; wake its wait4 either way.
 * tasklist_lock held, tsk's siglock not.
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->group_leader->real_parent;
	struct kernel_siginfo info = { .si_signo = SIGCHLD, .si_code = why };
	struct sighand_struct *sighand;
	unsigned long flags;

	if (!parent || !parent->sighand)
		return;
	info._sifields._sigchld._pid = tsk->tgid;
	info.si_utime = tsk->utime / (1000000000ULL / 100);
	info.si_stime = tsk->stime / (1000000000ULL / 100);
	info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code & 0x7f;
	sighand = parent->sighand;
	spin_lock_irqsave(&sighand->siglock, flags);
	if (sighand->action[SIGCHLD - 1].sa.sa_handler != SIG_IGN &&
	    !(sighand->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
		send_signal_locked(SIGCHLD, &info, parent, true, false);
	spin_unlock_irqrestore(&sighand->siglock, flags);
	wake_up_parent(parent);
}

/*
 * The task starts exiting (Linux: exit_signals): no thread picks signals
 * for it any more, and if a group stop was waiting for it, it no longer
 * does: the stop completes without it and the parent hears of it.
 */
void exit_signals(struct task_struct *tsk)
{
	bool notify = false;
	unsigned long flags;

	spin_lock(&tasklist_lock);
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	tsk->flags |= PF_EXITING;
	if ((tsk->jobctl & JOBCTL_STOP_PENDING) && !(tsk->signal->flags & SIGNAL_GROUP_EXIT)) {
		struct signal_struct *sig = tsk->signal;
		bool consume = tsk->jobctl & JOBCTL_STOP_CONSUME;

		task_clear_jobctl_pending(tsk, JOBCTL_STOP_PENDING);
		if (consume && sig->group_stop_count && !--sig->group_stop_count &&
		    !(sig->flags & SIGNAL_STOP_STOPPED)) {
			signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
			notify = true;
		}
	}
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
	spin_unlock(&tasklist_lock);
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

/* ---- dequeueing ------------------------------------------------------------------------- */

/* Lowest deliverable signal of pending, faults first (Linux: next_signal). */
static int next_signal(struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

/*
 * Take sig off list with its siginfo (Linux: collect_signal). If another
 * one is queued the bit stays. With no sigqueue (allocation failed) the
 * siginfo is a bare SI_USER one.
 */
static void collect_signal(int sig, struct sigpending *list, kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo == sig) {
			if (first)
				goto still_pending;
			first = q;
		}
	}
	sigdelset(&list->signal, sig);
	if (first) {
still_pending:
		list_del_init(&first->list);
		*info = first->info;
		__sigqueue_free(first);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

static int __dequeue_signal(struct sigpending *pending, const sigset_t *mask,
			    kernel_siginfo_t *info)
{
	int sig = next_signal(pending, mask);

	if (sig)
		collect_signal(sig, pending, info);
	return sig;
}

/*
 * Take one signal not in mask off t's sets, the thread's own first
 * (Linux: dequeue_signal). siglock held.
 */
int dequeue_signal(struct task_struct *t, const sigset_t *mask, kernel_siginfo_t *info)
{
	int sig = __dequeue_signal(&t->pending, mask, info);

	if (!sig)
		sig = __dequeue_signal(&t->signal->shared_pending, mask, info);
	recalc_sigpending();
	if (!sig)
		return 0;
	/* A stop signal dequeued: do_signal_stop may now start a group stop. */
	if (sig_kernel_stop(sig))
		t->jobctl |= JOBCTL_STOP_DEQUEUED;
	return sig;
}

/* ---- job-control stop --------------------------------------------------------------------- */

/*
 * current's part of a group stop is done (Linux: task_participate_group_stop).
 * true: it was the last thread, the group is stopped: notify the parent.
 */
static bool task_participate_group_stop(struct task_struct *task)
{
	struct signal_struct *sig = task->signal;
	bool consume = task->jobctl & JOBCTL_STOP_CONSUME;

	task_clear_jobctl_pending(task, JOBCTL_STOP_PENDING);
	if (!consume)
		return false;
	if (!WARN_ON(sig->group_stop_count == 0))
		sig->group_stop_count--;
	if (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
		signal_set_stop_flags(sig, SIGNAL_STOP_STOPPED);
		return true;
	}
	return false;
}

/*
 * Stop for signr, or join the group stop another thread started (signr 0)
 * (Linux: do_signal_stop). The first thread records the signal in
 * group_exit_code and asks every other thread to stop; the last one to
 * stop tells the parent. Returns false (locks kept) if no stop is due;
 * true once stopped and woken again, with both locks dropped.
 * tasklist_lock and siglock held.
 */
static bool do_signal_stop(int signr)
{
	struct signal_struct *sig = current->signal;
	bool notify;

	if (!(current->jobctl & JOBCTL_STOP_PENDING)) {
		unsigned long gstop = JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
		struct task_struct *t;

		/* A SIGCONT or a fatal signal came after the dequeue: no stop. */
		if (!(current->jobctl & JOBCTL_STOP_DEQUEUED) || (sig->flags & SIGNAL_GROUP_EXIT))
			return false;
		if (!(sig->flags & SIGNAL_STOP_STOPPED))
			sig->group_exit_code = signr;
		sig->group_stop_count = 0;
		if (task_set_jobctl_pending(current, signr | gstop))
			sig->group_stop_count++;
		for_each_thread_in(sig, t) {
			if (t == current || task_is_stopped(t))
				continue;
			if (task_set_jobctl_pending(t, signr | gstop)) {
				sig->group_stop_count++;
				signal_wake_up(t, false);
			}
		}
	}
	notify = task_participate_group_stop(current);
	set_current_state(TASK_STOPPED);	/* SIGCONT wakes __TASK_STOPPED, SIGKILL TASK_WAKEKILL */
	spin_unlock_irq(&current->sighand->siglock);
	if (notify)
		do_notify_parent_cldstop(current, CLD_STOPPED);
	spin_unlock(&tasklist_lock);
	schedule();
	return true;
}

/* ---- get_signal ---------------------------------------------------------------------------- */

/*
 * The next signal for current to handle (Linux: get_signal). Default
 * actions are carried out here: ignore, stop (do_signal_stop), terminate
 * (do_group_exit, which does not return). Returns true with ksig filled
 * in for a signal that has a handler. SA_RESETHAND resets the action now.
 */
bool get_signal(struct ksignal *ksig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;
	int signr;

relock:
	itimer_send_pending();	/* an ITIMER_REAL that fired in the tick (kernel/time/itimer.c) */
	spin_lock(&tasklist_lock);
	spin_lock_irq(&sighand->siglock);
	/* We were continued (or a stop completed without us): tell the parent now. */
	if (unlikely(signal->flags & SIGNAL_CLD_MASK)) {
		int why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;

		signal->flags &= ~SIGNAL_CLD_MASK;
		spin_unlock_irq(&sighand->siglock);
		do_notify_parent_cldstop(current, why);
		spin_unlock(&tasklist_lock);
		goto relock;
	}
	for (;;) {
		struct k_sigaction *ka;

		/* The group is already dying (Linux: signal_group_exit). */
		if (signal->flags & SIGNAL_GROUP_EXIT) {
			signr = SIGKILL;
			memset(&ksig->info, 0, sizeof(ksig->info));
			ksig->info.si_signo = SIGKILL;
			sigdelset(&current->pending.signal, SIGKILL);
			recalc_sigpending();
			goto fatal;
		}
		if (unlikely(current->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0))
			goto relock;
		signr = dequeue_signal(current, &current->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break;
		}
		if (sig_kernel_ignore(signr))
			continue;
		/* init: only SIGKILL/SIGSTOP from the kernel act by default. */
		if (unlikely(signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			/*
			 * POSIX: SIGTSTP, SIGTTIN, SIGTTOU are not to stop an
			 * orphaned process group (no shell left to continue it).
			 */
			if (signr != SIGSTOP &&
			    will_become_orphaned_pgrp(task_pgrp_nr(current), NULL))
				continue;
			if (likely(do_signal_stop(ksig->info.si_signo)))
				goto relock;
			continue;
		}
fatal:
		spin_unlock_irq(&sighand->siglock);
		spin_unlock(&tasklist_lock);
		/* Terminate (or core dump: none, as Linux with RLIMIT_CORE 0). */
		current->flags |= PF_SIGNALED;
		do_group_exit(ksig->info.si_signo);
	}
	spin_unlock_irq(&sighand->siglock);
	spin_unlock(&tasklist_lock);
	ksig->sig = signr;
	return signr > 0;
}

/* ---- masks --------------------------------------------------------------------------------- */

/* siglock held (Linux: __set_task_blocked). */
void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset)
{
	tsk->blocked = *newset;
	if (tsk == current)
		recalc_sigpending();
	else
		recalc_sigpending_tsk(tsk);
}

/* current's mask, SIGKILL and SIGSTOP never blocked (Linux: set_current_blocked). */
void set_current_blocked(sigset_t *newset)
{
	newset->sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	spin_lock_irq(&current->sighand->siglock);
	__set_task_blocked(current, newset);
	spin_unlock_irq(&current->sighand->siglock);
}

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
	set_current_blocked(&newset);
	return 0;
}

/*
 * A handler's frame is built: block sa_mask and (without SA_NODEFER) the
 * signal itself for the handler, after putting back a mask sigsuspend
 * saved; SS_AUTODISARM drops the alternate stack (Linux: signal_delivered).
 */
static void signal_delivered(struct ksignal *ksig)
{
	sigset_t blocked;

	clear_restore_sigmask();
	sigorsets(&blocked, &current->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
	if (current->sas_ss_flags & SS_AUTODISARM)
		sas_ss_reset(current);
}

/* Linux: signal_setup_done. failed: the frame could not be written: SIGSEGV. */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	if (failed)
		force_sigsegv(ksig->sig);
	else
		signal_delivered(ksig);
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
