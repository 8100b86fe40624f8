// SPDX-License-Identifier: GPL-2.0
/*
 * Job control and the parent's SIGCHLD (Linux: the jobctl half of
 * kernel/signal.c; it is a file of its own here so that kernel/signal.c
 * stays readable).
 *
 * A stop signal at SIG_DFL, dequeued by get_signal(), stops the whole
 * thread group (do_signal_stop): the first thread records the signal in
 * group_exit_code and sets JOBCTL_STOP_PENDING in every other thread,
 * each stops in TASK_STOPPED as it passes get_signal, and the last one
 * (task_participate_group_stop) sets SIGNAL_STOP_STOPPED and tells the
 * parent CLD_STOPPED (do_notify_parent_cldstop). SIGCONT (prepare_signal
 * in kernel/signal.c) wakes them and marks SIGNAL_STOP_CONTINUED; the
 * first thread to run tells the parent CLD_CONTINUED. At death,
 * do_notify_parent() sends the exit signal with CLD_EXITED/KILLED and
 * says whether the parent wants a zombie (not with SIGCHLD at SIG_IGN or
 * SA_NOCLDWAIT). Locking as kernel/signal.c: tasklist_lock, then a
 * siglock; the parent's siglock only once ours is dropped.
 *
 * Left out: ptrace stops and traps (JOBCTL_TRAP_*, CLD_TRAPPED), the
 * freezer, the listening/PTRACE_LISTEN states.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>

#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

/* Linux: task_set_jobctl_pending. siglock held. */
bool task_set_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (unlikely(fatal_signal_pending(t) || (t->flags & PF_EXITING)))
		return false;
	if (mask & JOBCTL_STOP_SIGMASK)
		t->jobctl &= ~JOBCTL_STOP_SIGMASK;
	t->jobctl |= mask;
	return true;
}

/* Linux: task_clear_jobctl_pending. siglock held. */
void task_clear_jobctl_pending(struct task_struct *t, unsigned long mask)
{
	if (mask & JOBCTL_STOP_PENDING)
		mask |= JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;
	t->jobctl &= ~mask;
}

void signal_set_stop_flags(struct signal_struct *sig, unsigned int flags)
{
	WARN_ON(sig->flags & SIGNAL_GROUP_EXIT);
	sig->flags = (sig->flags & ~SIGNAL_STOP_MASK) | flags;
}

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
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
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

/* ---- the group stop --------------------------------------------------------------------- */

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
bool do_signal_stop(int signr)
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
