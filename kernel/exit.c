// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks and waiting for them (Linux: kernel/exit.c).
 *
 * do_exit() is the end of every task, kernel thread or process: it marks
 * the task PF_EXITING, drops its address space (exit_mm: switch to
 * init_mm with interrupts off, then mmput, so no CPU runs on page tables
 * being freed), its fds, fs and FPU state, and then exit_notify() decides
 * what is left: children are handed to a reaper (a live thread of ours, a
 * child subreaper above us, else PID 1: forget_original_parent), and the
 * task becomes a zombie (EXIT_ZOMBIE) that tells its parent with its
 * exit_signal (SIGCHLD) and wakes its wait4() (wait_chldexit), or, if the
 * parent ignores SIGCHLD or set SA_NOCLDWAIT, or there is no parent (a
 * kernel thread from kthread_create), it reaps itself (EXIT_DEAD). The
 * final __schedule() (do_task_dead) never returns; the scheduler drops the
 * task's own reference once it is off the CPU.
 *
 * wait4()/waitid() (do_wait) look through the caller's children for an
 * eligible zombie (wait_consider_task, eligible_child, wait_task_zombie),
 * sleeping on wait_chldexit until one appears; reaping it is release_task:
 * the pid is free again and the parent's reference is dropped.
 *
 * The status word is Linux's: an exit is (code & 0xff) << 8, a death by
 * signal is the signal number, with 0x80 added for a core dump (never
 * here: no core dumps, as Linux with RLIMIT_CORE 0). If PID 1 exits, the
 * kernel panics as Linux does ("Attempted to kill init!"); while PID 1 is
 * still a kernel thread (before it has exec'd /init) its return is allowed.
 *
 * Job control: a stopped child is reported once to WUNTRACED (WSTOPPED)
 * as (sig << 8) | 0x7f, a continued one to WCONTINUED as 0xffff
 * (wait_task_stopped, wait_task_continued); waitid fills CLD_STOPPED /
 * CLD_CONTINUED, and WNOWAIT leaves the report for the next wait.
 *
 * Left out: ptrace, core dumps, pidfds, the exit of a multi-threaded exec
 * (de_thread), RCU.
 */
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/proc_fs.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <asm/tlbflush.h>

#ifndef INT_MIN
#define INT_MIN (-INT_MAX - 1)
#endif

/* Linux's struct rusage (include/uapi/linux/resource.h), 144 bytes. */
struct rusage {
	struct {
		long tv_sec, tv_usec;
	} ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};
_Static_assert(sizeof(struct rusage) == 144, "Linux's struct rusage");

static bool thread_group_empty(const struct task_struct *p)
{
	return p->signal->nr_threads <= 1;
}

/* A leader whose other threads still run stays un-reapable (Linux: delay_group_leader). */
static bool delay_group_leader(const struct task_struct *p)
{
	return thread_group_leader(p) && !thread_group_empty(p);
}

/*
 * The zombie is reaped, or reaped itself (Linux: release_task). Its pid
 * is free from here (kernel/pid.c looks at exit_state); the parent's
 * reference goes, and with it usually the task_struct. A last thread
 * that leaves a zombie leader behind lets the leader be reported now.
 */
void release_task(struct task_struct *p)
{
	struct task_struct *leader;
	struct sighand_struct *sighand;
	unsigned long flags;
	bool zap_leader;

repeat:
	zap_leader = false;
	spin_lock(&tasklist_lock);
	p->exit_state = EXIT_DEAD;
	list_del_init(&p->sibling);
	p->signal->nr_threads--;
	sighand = p->sighand;
	spin_lock_irqsave(&sighand->siglock, flags);
	p->sighand = NULL;	/* senders find it under tasklist_lock */
	flush_sigqueue(&p->pending);
	/* The last thread: the process's queue goes too (Linux: __exit_signal). */
	if (!p->signal->nr_threads)
		flush_sigqueue(&p->signal->shared_pending);
	spin_unlock_irqrestore(&sighand->siglock, flags);
	leader = p->group_leader;
	if (leader != p && thread_group_empty(leader) && leader->exit_state == EXIT_ZOMBIE) {
		zap_leader = do_notify_parent(leader, leader->exit_signal);
		if (zap_leader)
			leader->exit_state = EXIT_DEAD;
	}
	spin_unlock(&tasklist_lock);
	proc_flush_pid(p->pid, p->tgid);	/* its /proc/PID dentries go now */
	__cleanup_sighand(sighand);
	put_task_struct(p);
	if (zap_leader) {
		p = leader;
		goto repeat;
	}
}

/* ---- exit ------------------------------------------------------------------------ */

/*
 * Drop the address space (Linux: exit_mm). With no lazy TLB here (mm/tlb.c),
 * the CPU must leave mm's page tables before the last mmput can free them:
 * current->mm goes and CR3 moves to init_mm with interrupts off, and only
 * then is the user reference dropped.
 */
static void exit_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	unsigned long flags;

	exit_mm_release(tsk, mm);
	if (!mm || (tsk->flags & PF_KTHREAD))
		return;		/* a kthread_use_mm() borrower gives it back itself */
	spin_lock_irqsave(&tsk->pi_lock, flags);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm_irqs_off(mm, &init_mm, tsk);
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	mmput(mm);
}

/*
 * Who adopts father's children (Linux: find_new_reaper): a live thread of
 * its own group, else the nearest child subreaper above it, else PID 1.
 * NULL only before PID 1 exists. tasklist_lock held.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t, *reaper;

	for_each_thread_in(father->signal, t) {
		if (t != father && !(t->flags & PF_EXITING))
			return t;
	}
	if (father->signal->has_child_subreaper) {
		for (reaper = father->real_parent; reaper && reaper != child_reaper &&
		     reaper != &init_task; reaper = reaper->real_parent) {
			if (!reaper->signal->is_child_subreaper)
				continue;
			for_each_thread_in(reaper->signal, t) {
				if (!(t->flags & PF_EXITING))
					return t;
			}
		}
	}
	if (child_reaper == father)
		return NULL;
	return child_reaper;
}

/*
 * Hand father's children to their new parent (Linux: forget_original_parent
 * + reparent_leader). A zombie among them is reported to the new parent,
 * and if that one does not wait for children it goes on dead, reaped by
 * our caller once tasklist_lock is dropped. tasklist_lock held.
 */
static void forget_original_parent(struct task_struct *father, struct list_head *dead)
{
	struct task_struct *p, *n, *reaper;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->real_parent = p->parent = reaper;
		if (!reaper) {
			list_del_init(&p->sibling);
			/* Nobody can wait for it: it reaps itself when it dies. */
			if (p->exit_state == EXIT_ZOMBIE) {
				p->exit_state = EXIT_DEAD;
				list_add_tail(&p->sibling, dead);
			}
			continue;
		}
		list_move_tail(&p->sibling, &reaper->children);
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p)) {
			if (do_notify_parent(p, p->exit_signal)) {
				p->exit_state = EXIT_DEAD;
				list_move_tail(&p->sibling, dead);
			}
		}
	}
}

/*
 * prctl(PR_SET_PDEATHSIG): each child that asked hears of our exit
 * (Linux: the loop in forget_original_parent, under tasklist_lock there;
 * send_sig takes tasklist_lock here, so one child at a time, just before
 * the reparenting).
 */
static void send_pdeath_signals(struct task_struct *father)
{
	for (int k = 0;; k++) {
		struct task_struct *p, *found = NULL;
		int i = 0, sig = 0;

		spin_lock(&tasklist_lock);
		list_for_each_entry(p, &father->children, sibling) {
			if (!p->pdeath_signal || p->exit_state)
				continue;
			if (i++ == k) {
				found = p;
				sig = p->pdeath_signal;
				get_task_struct(p);
				break;
			}
		}
		spin_unlock(&tasklist_lock);
		if (!found)
			return;
		send_sig(sig, found, 0);
		put_task_struct(found);
	}
}

/* Become a zombie, or reap ourselves (Linux: exit_notify). */
static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *p, *n;
	bool autoreap, parentless;
	LIST_HEAD(dead);

	send_pdeath_signals(tsk);
	spin_lock(&tasklist_lock);
	forget_original_parent(tsk, &dead);
	if (tsk == child_reaper)
		child_reaper = NULL;	/* PID 1 was a kernel thread that returned */
	parentless = !tsk->real_parent;
	if (parentless)
		autoreap = true;	/* a kernel thread: nobody waits for it */
	else if (thread_group_leader(tsk))
		autoreap = thread_group_empty(tsk) && do_notify_parent(tsk, tsk->exit_signal);
	else
		autoreap = true;	/* a thread: the leader reports for the group */
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	spin_unlock(&tasklist_lock);

	list_for_each_entry_safe(p, n, &dead, sibling) {
		list_del_init(&p->sibling);
		release_task(p);
	}
	if (autoreap) {
		if (parentless)
			get_task_struct(tsk);	/* release_task drops a parent's reference */
		release_task(tsk);
	}
}

void __noreturn do_exit(int code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	WARN_ON(irqs_disabled());
	if (unlikely(tsk->flags & PF_EXITING)) {
		/* Linux: an oops inside do_exit. Do not run the exit path twice. */
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		do_task_dead();
	}
	exit_signals(tsk);	/* sets PF_EXITING */
	group_dead = atomic_dec_and_test(&tsk->signal->live);
	if (group_dead && is_global_init(tsk) && !(tsk->flags & PF_KTHREAD))
		panic("Attempted to kill init! exitcode=0x%08x\n",
		      tsk->signal->group_exit_code ? tsk->signal->group_exit_code : code);
	if (group_dead)
		exit_itimers(tsk->signal);	/* no SIGALRM for a dead process */
	if ((code & 0x7f) && !(code & 0xff00))
		tsk->flags |= PF_SIGNALED;
	tsk->exit_code = code;
	exit_mm();
	exit_files(tsk);
	exit_fs(tsk);
	if (group_dead)
		disassociate_ctty(1);	/* a session leader: SIGHUP to the foreground, hang up */
	exit_thread(tsk);
	exit_notify(tsk);
	do_task_dead();
}

/*
 * Kill every other thread of the group (Linux: zap_other_threads): each
 * gets SIGKILL privately and exits on its way out of the kernel. Returns
 * how many. tasklist_lock and the siglock held.
 */
static int zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;
	int count = 0;

	for_each_thread_in(p->signal, t) {
		if (t == p || t->exit_state)
			continue;
		count++;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
	return count;
}

/* The whole thread group dies with exit_code (Linux: do_group_exit, exit_group). */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = current->signal;

	if (sig->flags & SIGNAL_GROUP_EXIT) {
		exit_code = sig->group_exit_code;
	} else if (!thread_group_empty(current)) {
		struct sighand_struct *const sighand = current->sighand;

		spin_lock(&tasklist_lock);
		spin_lock_irq(&sighand->siglock);
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			exit_code = sig->group_exit_code;
		} else {
			sig->group_exit_code = exit_code;
			sig->flags = SIGNAL_GROUP_EXIT | (sig->flags & SIGNAL_LEADER);	/* leader stays */
			zap_other_threads(current);
		}
		spin_unlock_irq(&sighand->siglock);
		spin_unlock(&tasklist_lock);
	}
	do_exit(exit_code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* ---- wait ------------------------------------------------------------------------ */

enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };

/* What waitid reports (Linux: struct waitid_info). */
struct waitid_info {
	pid_t pid;
	unsigned int uid;
	int status;
	int cause;
};

/* Linux: struct wait_opts. */
struct wait_opts {
	enum pid_type wo_type;
	int wo_flags;
	pid_t wo_pid;
	struct waitid_info *wo_info;
	int wo_stat;
	struct rusage *wo_rusage;
	int notask_error;
	struct task_struct *reap;	/* picked under tasklist_lock, released after */
};

static bool eligible_pid(const struct wait_opts *wo, const struct task_struct *p)
{
	switch (wo->wo_type) {
	case PIDTYPE_MAX:
		return true;
	case PIDTYPE_PGID:
		return p->signal->pgrp == wo->wo_pid;
	default:
		return p->pid == wo->wo_pid;
	}
}

/* Linux: eligible_child. A "clone" child (exit_signal not SIGCHLD) needs __WCLONE or __WALL. */
static bool eligible_child(const struct wait_opts *wo, const struct task_struct *p)
{
	if (!eligible_pid(wo, p))
		return false;
	if (((p->exit_signal != SIGCHLD) ^ !!(wo->wo_flags & __WCLONE)) &&
	    !(wo->wo_flags & __WALL))
		return false;
	return true;
}

static void ns_to_timeval(u64 ns, long *sec, long *usec)
{
	*sec = ns / 1000000000ULL;
	*usec = (ns % 1000000000ULL) / 1000;
}

/* Linux: wait_task_zombie. tasklist_lock held; the reap itself is the caller's. */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal, *psig = current->signal;
	int status = (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code : p->exit_code;
	pid_t pid = p->pid;

	if (wo->wo_rusage) {
		struct rusage *r = wo->wo_rusage;

		memset(r, 0, sizeof(*r));
		ns_to_timeval(p->utime + sig->cutime, &r->ru_utime.tv_sec, &r->ru_utime.tv_usec);
		ns_to_timeval(p->stime + sig->cstime, &r->ru_stime.tv_sec, &r->ru_stime.tv_usec);
		r->ru_minflt = p->min_flt + sig->cmin_flt;
		r->ru_majflt = p->maj_flt + sig->cmaj_flt;
		r->ru_nvcsw = p->nvcsw + sig->cnvcsw;
		r->ru_nivcsw = p->nivcsw + sig->cnivcsw;
	}
	if (wo->wo_info) {
		struct waitid_info *info = wo->wo_info;

		if ((status & 0x7f) == 0) {
			info->cause = CLD_EXITED;
			info->status = status >> 8;
		} else {
			info->cause = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
			info->status = status & 0x7f;
		}
		info->pid = pid;
		info->uid = 0;
	}
	wo->wo_stat = status;
	if (wo->wo_flags & WNOWAIT)
		return pid;		/* leave it a zombie */
	/* Linux: the cmpxchg EXIT_ZOMBIE -> EXIT_DEAD; we hold tasklist_lock. */
	p->exit_state = EXIT_DEAD;
	if (!thread_group_leader(p) || p->signal != psig) {
		psig->cutime += p->utime + sig->cutime;
		psig->cstime += p->stime + sig->cstime;
		psig->cmin_flt += p->min_flt + sig->cmin_flt;
		psig->cmaj_flt += p->maj_flt + sig->cmaj_flt;
		psig->cnvcsw += p->nvcsw + sig->cnvcsw;
		psig->cnivcsw += p->nivcsw + sig->cnivcsw;
	}
	wo->reap = p;
	return pid;
}

/*
 * A stopped child (Linux: wait_task_stopped, without ptrace): WUNTRACED
 * reports (sig << 8) | 0x7f once; the stop signal in group_exit_code is
 * then cleared, unless WNOWAIT. tasklist_lock held.
 */
static int wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	int exit_code = 0;

	if (!(wo->wo_flags & WUNTRACED))
		return 0;
	if (!(p->signal->flags & SIGNAL_STOP_STOPPED) || !p->sighand)
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	if (p->signal->flags & SIGNAL_STOP_STOPPED) {
		exit_code = p->signal->group_exit_code;
		if (exit_code && !(wo->wo_flags & WNOWAIT))
			p->signal->group_exit_code = 0;
	}
	spin_unlock_irq(&p->sighand->siglock);
	if (!exit_code)
		return 0;
	if (wo->wo_rusage)
		memset(wo->wo_rusage, 0, sizeof(*wo->wo_rusage));
	wo->wo_stat = (exit_code << 8) | 0x7f;
	if (wo->wo_info) {
		wo->wo_info->cause = CLD_STOPPED;
		wo->wo_info->status = exit_code;
		wo->wo_info->pid = p->pid;
		wo->wo_info->uid = 0;
	}
	return p->pid;
}

/*
 * A continued child (Linux: wait_task_continued): WCONTINUED reports 0xffff
 * once (SIGNAL_STOP_CONTINUED cleared unless WNOWAIT). tasklist_lock held.
 */
static int wait_task_continued(struct wait_opts *wo, struct task_struct *p)
{
	bool continued = false;

	if (!(wo->wo_flags & WCONTINUED))
		return 0;
	if (!(p->signal->flags & SIGNAL_STOP_CONTINUED) || !p->sighand)
		return 0;
	spin_lock_irq(&p->sighand->siglock);
	if (p->signal->flags & SIGNAL_STOP_CONTINUED) {
		continued = true;
		if (!(wo->wo_flags & WNOWAIT))
			p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
	}
	spin_unlock_irq(&p->sighand->siglock);
	if (!continued)
		return 0;
	if (wo->wo_rusage)
		memset(wo->wo_rusage, 0, sizeof(*wo->wo_rusage));
	wo->wo_stat = 0xffff;
	if (wo->wo_info) {
		wo->wo_info->cause = CLD_CONTINUED;
		wo->wo_info->status = SIGCONT;
		wo->wo_info->pid = p->pid;
		wo->wo_info->uid = 0;
	}
	return p->pid;
}

/* Linux: wait_consider_task. >0: a pid to return; 0: go on. */
static int wait_consider_task(struct wait_opts *wo, struct task_struct *p)
{
	int ret;

	if (!eligible_child(wo, p))
		return 0;
	if (p->exit_state == EXIT_DEAD)
		return 0;
	/* A zombie without WEXITED is no child to wait for (Linux: wait_task_zombie says 0). */
	if (p->exit_state == EXIT_ZOMBIE && !delay_group_leader(p))
		return (wo->wo_flags & WEXITED) ? wait_task_zombie(wo, p) : 0;
	/* A child that may yet report: not -ECHILD. A zombie leader with live threads may still stop. */
	wo->notask_error = 0;
	ret = wait_task_stopped(wo, p);
	if (ret)
		return ret;
	return wait_task_continued(wo, p);
}

/* Linux: do_wait. The children of every thread of the group count, unless __WNOTHREAD. */
static long do_wait(struct wait_opts *wo)
{
	struct wait_queue_entry w = { .private = current };
	struct wait_queue_head *wq = &current->signal->wait_chldexit;
	long retval;

	for (;;) {
		struct task_struct *t, *p;

		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		wo->notask_error = -ECHILD;
		wo->reap = NULL;
		retval = 0;
		spin_lock(&tasklist_lock);
		for_each_thread_in(current->signal, t) {
			if ((wo->wo_flags & __WNOTHREAD) && t != current)
				continue;
			list_for_each_entry(p, &t->children, sibling) {
				retval = wait_consider_task(wo, p);
				if (retval)
					goto found;
			}
		}
found:
		spin_unlock(&tasklist_lock);
		if (retval)
			break;
		retval = wo->notask_error;
		if (!retval && !(wo->wo_flags & WNOHANG)) {
			retval = -ERESTARTSYS;
			if (!signal_pending(current)) {
				schedule();
				continue;
			}
		}
		break;
	}
	finish_wait(wq, &w);
	if (wo->reap)
		release_task(wo->reap);
	return retval;
}

long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage *ru)
{
	struct wait_opts wo = { 0 };
	enum pid_type type;
	pid_t pid = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	/* -INT_MIN is not defined */
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		type = PIDTYPE_MAX;
	} else if (upid < 0) {
		type = PIDTYPE_PGID;
		pid = -upid;
	} else if (upid == 0) {
		type = PIDTYPE_PGID;
		pid = task_pgrp_nr(current);
	} else {
		type = PIDTYPE_PID;
		pid = upid;
	}
	wo.wo_type = type;
	wo.wo_pid = pid;
	wo.wo_flags = options | WEXITED;
	wo.wo_rusage = ru;
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.wo_stat, stat_addr))
		ret = -EFAULT;
	return ret;
}

/*
 * Reap child pid of the calling task, *status its wait status (Linux:
 * kernel_wait). Linux waits for a SIGCHLD child only (WEXITED); here
 * __WALL too, so a user_mode_thread() started without SIGCHLD is found.
 */
int kernel_wait(pid_t pid, int *status)
{
	struct wait_opts wo = {
		.wo_type = PIDTYPE_PID,
		.wo_pid = pid,
		.wo_flags = WEXITED | __WALL,
	};
	long ret;

	if (pid <= 0)
		return -ECHILD;
	ret = do_wait(&wo);
	if (ret > 0 && status)
		*status = wo.wo_stat;
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	struct rusage r;
	long err = kernel_wait4(upid, stat_addr, options, ru ? &r : NULL);

	if (err > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return err;
}

static long kernel_waitid(int which, pid_t upid, struct waitid_info *infop, int options,
			  struct rusage *ru)
{
	struct wait_opts wo = { 0 };
	enum pid_type type;
	pid_t pid = 0;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		type = PIDTYPE_MAX;
		break;
	case P_PID:
		type = PIDTYPE_PID;
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		type = PIDTYPE_PGID;
		if (upid < 0)
			return -EINVAL;
		pid = upid ? upid : task_pgrp_nr(current);
		break;
	default:		/* P_PIDFD: no pidfds here */
		return -EINVAL;
	}
	wo.wo_type = type;
	wo.wo_pid = pid;
	wo.wo_flags = options;
	wo.wo_info = infop;
	wo.wo_rusage = ru;
	return do_wait(&wo);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, void __user *, infop, int, options,
		struct rusage __user *, ru)
{
	struct rusage r;
	struct waitid_info info = { 0 };
	long err = kernel_waitid(which, upid, &info, options, ru ? &r : NULL);
	int signo = 0;
	/* The siginfo fields Linux writes (SIGCHLD layout, x86-64 offsets 0..28). */
	struct {
		int signo, errno_, code, __pad0;
		int pid;
		unsigned int uid;
		int status;
	} out;

	if (err > 0) {
		signo = SIGCHLD;
		err = 0;
		if (ru && copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	if (!infop)
		return err;
	out = (typeof(out)){
		.signo = signo,
		.code = info.cause,
		.pid = info.pid,
		.uid = info.uid,
		.status = info.status,
	};
	if (copy_to_user(infop, &out, sizeof(out)))
		return -EFAULT;
	return err;
}
