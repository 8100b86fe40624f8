// SPDX-License-Identifier: GPL-2.0
/*
 * The signal system calls (Linux keeps them at the end of kernel/signal.c;
 * here they have a file of their own so that the core, kernel/signal.c,
 * stays readable): kill, tkill, tgkill, rt_sigqueueinfo,
 * rt_tgsigqueueinfo, rt_sigprocmask, rt_sigpending, rt_sigaction,
 * sigaltstack, pause, rt_sigsuspend, rt_sigtimedwait, restart_syscall,
 * and the robust-futex list pointers.
 *
 * rt_sigsuspend and pause return -ERESTARTNOHAND: the handler runs, then
 * the caller sees -EINTR; rt_sigsuspend's temporary mask is swapped back
 * for the saved one only after the handler's frame recorded the saved
 * one (TIF_RESTORE_SIGMASK, saved_sigmask), as Linux does, so the handler
 * runs with the temporary mask and sigreturn restores the old one.
 *
 * Left out: signalfd, pidfd_send_signal, the 32-bit compat calls,
 * permission checks (everyone is root).
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/kernel.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* The kernel's 48 bytes, and zeroes for the rest of the user's 128 (Linux: copy_siginfo_to_user). */
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from)
{
	if (copy_to_user(to, from, sizeof(*from)))
		return -EFAULT;
	if (clear_user((char __user *)to + sizeof(*from), SI_MAX_SIZE - sizeof(*from)))
		return -EFAULT;
	return 0;
}

/* Linux: __copy_siginfo_from_user. The number is the call's, not the buffer's. */
static int copy_siginfo_from_user_sig(int sig, kernel_siginfo_t *to, const void __user *from)
{
	if (copy_from_user(to, from, sizeof(*to)))
		return -EFAULT;
	to->si_signo = sig;
	return 0;
}

/* ---- sending ------------------------------------------------------------------------- */

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

	info.si_pid = current->tgid;
	return do_send_specific(tgid, pid, sig, &info);
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

/*
 * Not even root may pretend to be the kernel (si_code >= 0) or kill/tgkill
 * (SI_TKILL), which add the sender's own details — except to itself
 * (Linux: do_rt_sigqueueinfo).
 */
static bool siginfo_is_forged(const kernel_siginfo_t *info, pid_t target)
{
	return (info->si_code >= 0 || info->si_code == SI_TKILL) && target != current->tgid;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, void __user *, uinfo)
{
	kernel_siginfo_t info;
	int ret = copy_siginfo_from_user_sig(sig, &info, uinfo);

	if (ret)
		return ret;
	if (siginfo_is_forged(&info, pid))
		return -EPERM;
	if (pid <= 0)
		return -ESRCH;		/* Linux: kill_proc_info finds no such pid */
	return kill_something_info(sig, &info, pid);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig, void __user *, uinfo)
{
	kernel_siginfo_t info;
	int ret;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	ret = copy_siginfo_from_user_sig(sig, &info, uinfo);
	if (ret)
		return ret;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && current->pid != pid)
		return -EPERM;
	return do_send_specific(tgid, pid, sig, &info);
}

/* ---- masks and actions ------------------------------------------------------------------ */

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

/* ---- the alternate signal stack ---------------------------------------------------------- */

/*
 * Linux: do_sigaltstack. sp is the user stack pointer: the stack cannot
 * be changed while running on it (-EPERM); smaller than min_ss_size is
 * -ENOMEM; a mode other than 0, SS_ONSTACK or SS_DISABLE is -EINVAL.
 */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp, size_t min_ss_size)
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
		} else if (unlikely(ss_size < min_ss_size)) {
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
			     task_pt_regs(current)->sp, MINSIGSTKSZ);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(stack_t)))
		err = -EFAULT;
	return err;
}

/* rt_sigreturn: the frame's uc_stack becomes the stack again; only -EFAULT counts (Linux). */
int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(stack_t)))
		return -EFAULT;
	(void)do_sigaltstack(&new, NULL, task_pt_regs(current)->sp, MINSIGSTKSZ);
	return 0;
}

/* The frame's uc_stack (Linux: __save_altstack). */
int __save_altstack(stack_t __user *uss, unsigned long sp)
{
	struct task_struct *t = current;
	stack_t st = {
		.ss_sp = (void __user *)t->sas_ss_sp,
		.ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS),
		.ss_size = t->sas_ss_size,
	};

	return copy_to_user(uss, &st, sizeof(st)) ? -EFAULT : 0;
}

/* ---- waiting for signals ------------------------------------------------------------------- */

/* Sleep until a signal is pending (TASK_INTERRUPTIBLE: any signal ends it). */
static void sleep_until_signal(void)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		__set_current_state(TASK_RUNNING);
	}
}

/* Linux: sys_pause. A handler runs, then -EINTR; an ignored signal restarts the wait. */
SYSCALL_DEFINE0(pause)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* Linux: sigsuspend. */
static int sigsuspend(sigset_t *set)
{
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	sleep_until_signal();
	set_restore_sigmask();
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(&newset);
}

/*
 * Linux: do_sigtimedwait. Take a pending signal of which at once, or
 * unblock which (keeping the old mask in real_blocked, so a fatal one
 * does not kill the group on the spot) and sleep for timeout_ns (< 0:
 * forever) until one comes. -EAGAIN: the time ran out; -EINTR: another
 * signal woke us (it is delivered on the way out).
 */
static int do_sigtimedwait(const sigset_t *which, kernel_siginfo_t *info, s64 timeout_ns)
{
	struct task_struct *tsk = current;
	sigset_t mask = *which;
	int sig, ret = 0;

	mask.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	mask.sig[0] = ~mask.sig[0];	/* the signals *not* waited for stay blocked */
	itimer_send_pending();
	spin_lock_irq(&tsk->sighand->siglock);
	sig = dequeue_signal(tsk, &mask, info);
	if (!sig && timeout_ns != 0) {
		tsk->real_blocked = tsk->blocked;
		tsk->blocked.sig[0] &= mask.sig[0];
		recalc_sigpending();
		spin_unlock_irq(&tsk->sighand->siglock);
		if (timeout_ns < 0) {
			sleep_until_signal();
			ret = -EINTR;
		} else {
			ret = nanosleep_ns(timeout_ns) ? -EINTR : 0;
		}
		itimer_send_pending();
		spin_lock_irq(&tsk->sighand->siglock);
		__set_task_blocked(tsk, &tsk->real_blocked);
		sigemptyset(&tsk->real_blocked);
		sig = dequeue_signal(tsk, &mask, info);
	}
	spin_unlock_irq(&tsk->sighand->siglock);
	if (sig)
		return sig;
	return ret ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, void __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	sigset_t these;
	kernel_siginfo_t info;
	s64 timeout = -1;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		struct timespec64 ts;

		if (get_timespec64(&ts, uts))
			return -EFAULT;
		if (!timespec64_valid(&ts))
			return -EINVAL;
		timeout = timespec64_to_ns(&ts);
	}
	ret = do_sigtimedwait(&these, &info, timeout);
	if (ret > 0 && uinfo && copy_siginfo_to_user(uinfo, &info))
		ret = -EFAULT;
	return ret;
}

/* ---- restart_syscall -------------------------------------------------------------------------- */

long do_no_restart_syscall(struct restart_block *param)
{
	return -EINTR;
}

/*
 * What a -ERESTART_RESTARTBLOCK restart calls when no handler ran
 * (Linux: sys_restart_syscall): the interrupted call's restart function.
 */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *restart = &current->restart_block;

	if (!restart->fn)
		return -EINTR;
	return restart->fn(restart);
}

/* ---- robust futex list (recorded only: no robust futexes yet) ------------------------------- */

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
