// SPDX-License-Identifier: GPL-2.0
/*
 * Job control on a terminal (Linux: drivers/tty/tty_jobctrl.c): the
 * controlling terminal of a session (signal->tty), the foreground process
 * group (tty->pgrp), the background checks that send SIGTTIN/SIGTTOU, and
 * the ioctls TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID.
 *
 * As in Linux:
 *   - a session leader without a controlling terminal that opens a tty
 *     nobody has (without O_NOCTTY; never /dev/console or /dev/tty0)
 *     gets it as its ctty: tty_open_proc_set_tty() -> __proc_set_tty();
 *     TIOCSCTTY does the same explicitly, and with arg 1 steals a tty
 *     another session has (every task is root here: CAP_SYS_ADMIN);
 *   - tiocspgrp() accepts only a group of the caller's own session on
 *     the caller's own ctty; a background caller gets SIGTTOU first;
 *   - __tty_check_change(): a member of a background group touching its
 *     ctty gets the signal (SIGTTOU, SIGTTIN for reads) sent to its whole
 *     group and -ERESTARTSYS, so the call restarts once the job is
 *     continued in the foreground; -EIO when the group is orphaned or
 *     SIGTTIN is ignored or blocked (an ignored SIGTTOU lets it through);
 *   - disassociate_ctty(): TIOCNOTTY from a session leader, or its exit,
 *     sends SIGHUP (and on TIOCNOTTY SIGCONT) to the foreground group and
 *     clears the ctty of the whole session; on exit the tty is also hung
 *     up (tty_hangup_locked(): its open files read 0 and write -EIO, as
 *     Linux's tty_vhangup_session()).
 *
 * The ctty is not reference counted (Linux: tty_kref_get): a tty_struct
 * lives while it is open, and release_tty() clears every signal->tty that
 * names it (tty_clear_ctty_refs(), as Linux's tty_release() clears the
 * session's), all under tty_mutex, which every setter of signal->tty holds.
 *
 * isig()'s signals: the receive path runs with interrupts off, but
 * kill_pgrp() takes tasklist_lock, which is taken with interrupts on.
 * tty_signal_pgrp() notes (pgrp, signal) in a small queue and the
 * "tty_signal" kernel thread sends them (Linux runs the whole receive path
 * in a workqueue, flush_to_ldisc(), and calls kill_pgrp() from there).
 *
 * Left out: tty_old_pgrp (SIGHUP to the last foreground group when the
 * leader exits after the tty went away), struct pid references, ptys
 * (TIOCSCTTY on a pty master), credentials (every task may steal).
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/wait.h>

#include "tty.h"

static pid_t tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return pgrp;
}

/*
 * Linux: current->signal->leader. The session id is the leader's pid; the
 * SIGNAL_LEADER flag alone is not enough here, since a fatal signal
 * rewrites signal->flags (= SIGNAL_GROUP_EXIT) before the exit that must
 * still see the leader (disassociate_ctty(1)).
 */
static bool is_session_leader(void)
{
	return (current->signal->flags & SIGNAL_LEADER) ||
	       (current->tgid > 0 && task_session_nr(current) == current->tgid);
}

/* Linux: is_ignored() in tty_jobctrl.c. */
static bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

int __tty_check_change(struct tty_struct *tty, int sig)
{
	pid_t pgrp, tty_pgrp;
	int ret = 0;

	if (READ_ONCE(current->signal->tty) != tty)
		return 0;
	pgrp = task_pgrp_nr(current);
	tty_pgrp = tty_get_pgrp(tty);
	if (tty_pgrp && pgrp != tty_pgrp) {
		if (is_ignored(sig)) {
			if (sig == SIGTTIN)
				ret = -EIO;
		} else if (is_current_pgrp_orphaned()) {
			ret = -EIO;
		} else {
			kill_pgrp(pgrp, sig, 1);
			ret = -ERESTARTSYS;
		}
	}
	return ret;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

int tty_job_control(struct tty_struct *tty, struct file *file)
{
	return __tty_check_change(tty, SIGTTIN);
}

/* Under tty_mutex: tty becomes current's ctty, its session and foreground group current's. */
static void __proc_set_tty(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->pgrp = task_pgrp_nr(current);
	tty->session = task_session_nr(current);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	spin_lock_irqsave(&current->sighand->siglock, flags);
	WRITE_ONCE(current->signal->tty, tty);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

void proc_clear_tty(struct task_struct *p)
{
	unsigned long flags;

	if (!p->signal || !p->sighand)
		return;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	WRITE_ONCE(p->signal->tty, NULL);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

/* Every process of session sid loses its ctty (Linux: session_clear_tty). */
static void session_clear_tty(pid_t sid)
{
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->signal && p->exit_state != EXIT_DEAD && p->signal->session == sid)
			proc_clear_tty(p);
	}
	spin_unlock(&tasklist_lock);
}

void tty_clear_ctty_refs(struct tty_struct *tty)
{
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->signal && READ_ONCE(p->signal->tty) == tty)
			proc_clear_tty(p);
	}
	spin_unlock(&tasklist_lock);
}

struct tty_struct *get_current_tty_locked(void)
{
	return READ_ONCE(current->signal->tty);
}

void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	if (is_session_leader() && !current->signal->tty && !tty->session &&
	    (filp->f_mode & FMODE_READ))
		__proc_set_tty(tty);
}

void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	unsigned long flags;
	pid_t tty_pgrp;

	if (!current->signal || !is_session_leader())
		return;
	mutex_lock(&tty_mutex);
	tty = current->signal->tty;
	if (!tty) {
		mutex_unlock(&tty_mutex);
		return;
	}
	tty_pgrp = tty_get_pgrp(tty);
	if (tty_pgrp) {
		kill_pgrp(tty_pgrp, SIGHUP, on_exit);
		if (!on_exit)
			kill_pgrp(tty_pgrp, SIGCONT, on_exit);
	}
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	session_clear_tty(task_session_nr(current));
	if (on_exit)
		tty_hangup_locked(tty);
	mutex_unlock(&tty_mutex);
}

dev_t tty_devnum(struct tty_struct *tty)
{
	return MKDEV(tty->driver->major, tty->driver->minor_start) + tty->index;
}

/* ---- the ioctls -------------------------------------------------------------------- */

static int tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	int ret = 0;

	mutex_lock(&tty_mutex);
	if (is_session_leader() && task_session_nr(current) == tty->session)
		goto unlock;		/* already ours */
	if (!is_session_leader() || current->signal->tty) {
		ret = -EPERM;
		goto unlock;
	}
	if (tty->session) {
		/* Another session has it: only root, and only asking with arg 1, steals it. */
		if (arg != 1) {
			ret = -EPERM;
			goto unlock;
		}
		session_clear_tty(tty->session);
	}
	__proc_set_tty(tty);
unlock:
	mutex_unlock(&tty_mutex);
	return ret;
}

static int tiocnotty(struct tty_struct *tty)
{
	if (READ_ONCE(current->signal->tty) != tty)
		return -ENOTTY;
	if (is_session_leader())
		disassociate_ctty(0);
	proc_clear_tty(current);
	return 0;
}

/* The session a process group (or, as Linux's session_of_pgrp, a process) belongs to. */
static pid_t session_of_pgrp(pid_t pgrp)
{
	struct task_struct *p, *by_pid = NULL;
	pid_t sid = -1;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (!p->signal || p->exit_state == EXIT_DEAD)
			continue;
		if (p->signal->pgrp == pgrp) {
			sid = p->signal->session;
			break;
		}
		if (p->tgid == pgrp && !by_pid)
			by_pid = p;
	}
	if (sid < 0 && by_pid)
		sid = by_pid->signal->session;
	spin_unlock(&tasklist_lock);
	return sid;
}

static int tiocspgrp(struct tty_struct *tty, pid_t pgrp)
{
	unsigned long flags;
	pid_t sid;
	int ret = tty_check_change(tty);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (pgrp < 0)
		return -EINVAL;
	if (READ_ONCE(current->signal->tty) != tty || tty->session != task_session_nr(current))
		return -ENOTTY;
	sid = session_of_pgrp(pgrp);
	if (sid < 0 || pgrp == 0)
		return -ESRCH;
	if (sid != task_session_nr(current))
		return -EPERM;
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return 0;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd, void *karg)
{
	switch (cmd) {
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCSCTTY:
		return tiocsctty(tty, file, (int)(unsigned long)karg);
	case TIOCGPGRP:
		if (READ_ONCE(current->signal->tty) != tty)
			return -ENOTTY;
		*(int *)karg = tty_get_pgrp(tty);
		return 0;
	case TIOCSPGRP:
		return tiocspgrp(tty, *(int *)karg);
	case TIOCGSID:
		if (READ_ONCE(current->signal->tty) != tty || !tty->session)
			return -ENOTTY;
		*(int *)karg = tty->session;
		return 0;
	}
	return -ENOIOCTLCMD;
}

/* ---- signals from the receive path ------------------------------------------------- */

#define TTY_SIGQ_LEN 32

static struct {
	pid_t pgrp;
	int sig;
} tty_sigq[TTY_SIGQ_LEN];
static unsigned int tty_sigq_head, tty_sigq_tail;	/* under tty_sigq_lock */
static DEFINE_SPINLOCK(tty_sigq_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_sigq_wait);

void tty_signal_pgrp(struct tty_struct *tty, int sig)
{
	pid_t pgrp = tty_get_pgrp(tty);
	unsigned long flags;

	if (!pgrp)
		return;
	spin_lock_irqsave(&tty_sigq_lock, flags);
	if (tty_sigq_head - tty_sigq_tail < TTY_SIGQ_LEN) {	/* full: dropped, as a flood of ^C */
		tty_sigq[tty_sigq_head % TTY_SIGQ_LEN].pgrp = pgrp;
		tty_sigq[tty_sigq_head % TTY_SIGQ_LEN].sig = sig;
		tty_sigq_head++;
	}
	spin_unlock_irqrestore(&tty_sigq_lock, flags);
	wake_up(&tty_sigq_wait);
}

static bool tty_sigq_pop(pid_t *pgrp, int *sig)
{
	unsigned long flags;
	bool got = false;

	spin_lock_irqsave(&tty_sigq_lock, flags);
	if (tty_sigq_head != tty_sigq_tail) {
		*pgrp = tty_sigq[tty_sigq_tail % TTY_SIGQ_LEN].pgrp;
		*sig = tty_sigq[tty_sigq_tail % TTY_SIGQ_LEN].sig;
		tty_sigq_tail++;
		got = true;
	}
	spin_unlock_irqrestore(&tty_sigq_lock, flags);
	return got;
}

static bool tty_sigq_empty(void)
{
	return READ_ONCE(tty_sigq_head) == READ_ONCE(tty_sigq_tail);
}

static int tty_signal_thread(void *unused)
{
	for (;;) {
		pid_t pgrp;
		int sig;

		wait_event(tty_sigq_wait, !tty_sigq_empty());
		while (tty_sigq_pop(&pgrp, &sig))
			kill_pgrp(pgrp, sig, 1);
	}
	return 0;
}

int tty_signal_init(void)
{
	struct task_struct *t = kthread_run(tty_signal_thread, NULL, "tty_signal");

	return IS_ERR(t) ? PTR_ERR(t) : 0;
}

/*
 * Until kernel/signal.c (H3) has them: kill_pgrp() by kill_pid() on each
 * member, no orphan test. TEMPORARY: removed once kernel/signal.c defines them.
 */
int __weak kill_pgrp(int pgrp, int sig, int priv)
{
	pid_t pids[32];
	struct task_struct *p;
	int n = 0, ret = -ESRCH;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->signal && p->signal->pgrp == pgrp && thread_group_leader(p) &&
		    p->exit_state != EXIT_DEAD && p->pid > 0 && n < 32)
			pids[n++] = p->pid;
	}
	spin_unlock(&tasklist_lock);
	for (int i = 0; i < n; i++)
		if (!kill_pid(pids[i], sig, priv))
			ret = 0;
	return ret;
}

/* Linux's will_become_orphaned_pgrp(): no member has a parent in another group of the session. */
int __weak is_current_pgrp_orphaned(void)
{
	pid_t pgrp = task_pgrp_nr(current), sid = task_session_nr(current);
	struct task_struct *p;
	int orphaned = 1;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		struct task_struct *parent = p->real_parent;

		if (!p->signal || p->exit_state || p->signal->pgrp != pgrp || !parent ||
		    !parent->signal || is_global_init(parent))
			continue;
		if (parent->signal->pgrp != pgrp && parent->signal->session == sid) {
			orphaned = 0;
			break;
		}
	}
	spin_unlock(&tasklist_lock);
	return orphaned;
}
