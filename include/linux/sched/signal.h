/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a process shares among its threads (struct signal_struct) and its
 * signal handlers (struct sighand_struct), and the signal API the rest of
 * the kernel calls (Linux: include/linux/sched/signal.h, kernel/signal.c).
 * kernel/signal.c and kernel/exit.c own the bodies.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/jiffies.h>
#include <linux/signal.h>
#include <linux/wait.h>

/* Resource limits (Linux: include/uapi/asm-generic/resource.h). */
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)
#define _STK_LIM (8 * 1024 * 1024)	/* the default RLIMIT_STACK soft limit */

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct pt_regs;
struct tty_struct;
struct pt_regs;

struct sighand_struct {
	atomic_t count;
	spinlock_t siglock;		/* guards action[], and pending/blocked of every thread */
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	atomic_t sigcnt;
	atomic_t live;			/* threads not yet exiting */
	int nr_threads;
	struct wait_queue_head wait_chldexit;	/* wait4() sleeps here */
	struct sigpending shared_pending;	/* signals sent to the process (kill) */
	int group_exit_code;		/* exit status, or the stop signal while stopping */
	int group_stop_count;		/* threads that have yet to stop (do_signal_stop) */
	unsigned int flags;		/* SIGNAL_GROUP_EXIT, SIGNAL_STOP_* ... */
	/* ITIMER_REAL (kernel/time/itimer.c): SIGALRM at expiry, reloaded by it_real_incr. */
	struct timer_list real_timer;
	u64 it_real_incr;		/* ns; 0: one shot */
	bool it_real_armed;		/* set, and not yet run out */
	bool it_real_fired;		/* SIGALRM due: sent by a thread in get_signal */
	struct task_struct *it_real_leader;	/* who it_real_fn pokes: the group leader */
	int pgrp;			/* process group id */
	int session;			/* session id */
	struct tty_struct *tty;		/* controlling terminal, or NULL */
	struct rlimit rlim[RLIM_NLIMITS];
	/* Children's resource use, once reaped (getrusage RUSAGE_CHILDREN). */
	u64 cutime, cstime;
	unsigned long cmin_flt, cmaj_flt;
	unsigned long cnvcsw, cnivcsw;
	/* prctl(PR_SET_CHILD_SUBREAPER): orphans below us come to us, not to init. */
	unsigned int is_child_subreaper : 1;
	unsigned int has_child_subreaper : 1;
	/* /proc/PID/oom_score_adj: -1000 (never kill) .. 1000 (kill first); mm/oom_kill.c. */
	short oom_score_adj;
	short oom_score_adj_min;	/* the lowest a task without CAP_SYS_RESOURCE may set */
};

#define SIGNAL_STOP_STOPPED 0x00000001	/* job control stop in effect */
#define SIGNAL_STOP_CONTINUED 0x00000002	/* SIGCONT since WCONTINUED reap */
#define SIGNAL_GROUP_EXIT 0x00000004	/* exit_group or a fatal signal: every thread dies */
#define SIGNAL_CLD_STOPPED 0x00000010	/* the parent must hear CLD_STOPPED */
#define SIGNAL_CLD_CONTINUED 0x00000020	/* the parent must hear CLD_CONTINUED */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_UNKILLABLE 0x00000040	/* init: SIG_DFL signals from others are ignored */
#define SIGNAL_LEADER 0x00000080	/* a session leader (Linux: signal->leader) */

/* The syscall-restart codes a signal may turn into a restart or -EINTR (linux/errno.h). */
#ifndef ERESTARTSYS
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516
#endif

/* wait4/waitid options (Linux: include/uapi/linux/wait.h). */
#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000
#define P_ALL 0
#define P_PID 1
#define P_PGID 2
#define P_PIDFD 3

static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

/* Send sig to a task from the kernel (a fault, a pipe with no reader...). */
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
/* The current task's fault: SIGSEGV/SIGBUS/SIGILL/SIGFPE/SIGTRAP with si_code and si_addr. */
int force_sig_fault(int sig, int code, void __user *addr);
/* sig would take its default action in tsk (log-worthy: kernel/signal.c). */
bool unhandled_signal(struct task_struct *tsk, int sig);
extern int show_unhandled_signals;
void force_sig(int sig);
void force_sigsegv(int sig);
bool signal_pending(struct task_struct *p);
bool fatal_signal_pending(struct task_struct *p);
/* Take the next deliverable signal and act on it (exit_to_user_mode_prepare). */
void arch_do_signal_or_restart(struct pt_regs *regs);
void flush_signal_handlers(struct task_struct *t, int force_default);	/* exec */
void __noreturn do_group_exit(int exit_code);
/* kernel/exit.c: the reaper for orphans (PID 1) */
extern struct task_struct *child_reaper;

/* The wait status word, as Linux encodes it (wait4). */
static inline int wait_status_exited(int code) { return (code & 0xff) << 8; }

/* kernel/signal.c */
void signal_wake_up(struct task_struct *t, bool fatal);	/* TIF_SIGPENDING, wake, kick */
void recalc_sigpending(void);
int kill_pid(int pid, int sig, int priv);		/* kill(pid, sig) from the kernel */
/* Every process in process group pgrp: 0 if any got it, else -ESRCH (tty ^C, kill(-pgrp)). */
int kill_pgrp(int pgrp, int sig, int priv);
/* Would job-control stop signals be dropped for current's group (no parent outside it)? */
int is_current_pgrp_orphaned(void);
/* Would pgrp be orphaned without ignored (an exiting task, or NULL)? tasklist_lock held. */
int will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored);
int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p, bool group);
/* The exiting task tells its parent (kernel/signal.c); true: nobody waits, reap it now. */
bool do_notify_parent(struct task_struct *tsk, int sig);
void exit_signals(struct task_struct *tsk);		/* PF_EXITING; pass pending group signals on */
void flush_sigqueue(struct sigpending *queue);
int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact);
void kernel_sigaction(int sig, __sighandler_t action);
int sigprocmask(int how, sigset_t *set, sigset_t *oldset);	/* current's mask */

/* kernel/signal.c: delivery (arch_do_signal_or_restart in kernel/signal_64.c calls these). */
bool get_signal(struct ksignal *ksig);	/* the next signal with a handler; default actions done */
void signal_setup_done(int failed, struct ksignal *ksig);	/* mask for the handler, or SIGSEGV */
int dequeue_signal(struct task_struct *t, const sigset_t *mask, kernel_siginfo_t *info);
void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset);	/* siglock held */
void set_current_blocked(sigset_t *newset);
int send_signal_locked(int sig, struct kernel_siginfo *info, struct task_struct *t,
		       bool shared, bool force);	/* tasklist_lock and t's siglock held */
int group_send_sig_info_locked(int sig, struct kernel_siginfo *info, struct task_struct *p);
int kill_something_info(int sig, struct kernel_siginfo *info, pid_t pid);	/* kill(2) */
int do_send_specific(pid_t tgid, pid_t pid, int sig, struct kernel_siginfo *info);
/*
 * Queued sigqueues of the one user there is (uid 0; Linux counts per user
 * in ucounts): /proc/PID/status "SigQ: count/RLIMIT_SIGPENDING".
 */
extern atomic_long_t sigqueue_count;
/* The kernel's siginfo as the user's 128-byte siginfo_t (kernel/signal_syscalls.c). */
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from);

/* sigsuspend's saved mask goes back after the handler (Linux: TS_RESTORE_SIGMASK). */
static inline void set_restore_sigmask(void)
{
	__atomic_or_fetch(&current->thread_info.flags, 1UL << TIF_RESTORE_SIGMASK,
			  __ATOMIC_RELAXED);
}

static inline void clear_restore_sigmask(void)
{
	__atomic_and_fetch(&current->thread_info.flags, ~(1UL << TIF_RESTORE_SIGMASK),
			   __ATOMIC_RELAXED);
}

static inline bool test_restore_sigmask(void)
{
	return __atomic_load_n(&current->thread_info.flags, __ATOMIC_RELAXED) &
	       (1UL << TIF_RESTORE_SIGMASK);
}

/* Put sigsuspend's/ppoll's saved mask back now (Linux: restore_saved_sigmask). */
static inline void restore_saved_sigmask(void)
{
	if (test_restore_sigmask()) {
		clear_restore_sigmask();
		set_current_blocked(&current->saved_sigmask);
	}
}

/*
 * The end of a call that installed a temporary mask (ppoll, pselect6):
 * interrupted, the mask stays until the handler's frame recorded the
 * saved one (or arch_do_signal_or_restart puts it back); otherwise now.
 */
static inline void restore_saved_sigmask_unless(bool interrupted)
{
	if (!interrupted)
		restore_saved_sigmask();
}

/* The alternate signal stack (Linux: include/linux/sched/signal.h). */
static inline int __on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

static inline int on_sig_stack(unsigned long sp)
{
	/* With SS_AUTODISARM the stack is given up inside the handler: never "on" it. */
	if (current->sas_ss_flags & SS_AUTODISARM)
		return 0;
	return __on_sig_stack(sp);
}

static inline int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static inline void sas_ss_reset(struct task_struct *p)
{
	p->sas_ss_sp = 0;
	p->sas_ss_size = 0;
	p->sas_ss_flags = SS_DISABLE;
}

/* kernel/signal_syscalls.c: sigaltstack, also for rt_sigreturn's restore_altstack. */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp, size_t min_ss_size);
int restore_altstack(const stack_t __user *uss);
int __save_altstack(stack_t __user *uss, unsigned long sp);

/* kernel/time/itimer.c */
void itimer_send_pending(void);		/* a fired ITIMER_REAL: SIGALRM now */
void exit_itimers(struct signal_struct *sig);	/* the group is dead */

/* kernel/exit.c */
void __noreturn do_exit(int code);
/* wait4 with ru a kernel buffer (struct rusage, Linux's layout: 144 bytes), or NULL. */
struct rusage;
long kernel_wait4(pid_t upid, int __user *stat_addr, int options, struct rusage *ru);

/* Every live task sharing sig (its thread group); tasklist_lock held. */
#define for_each_thread_in(sig, t)						\
	list_for_each_entry(t, &task_list, tasks)				\
		if ((t)->signal != (sig) || (t)->exit_state == EXIT_DEAD) ;	\
		else

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

static inline bool same_thread_group(const struct task_struct *a, const struct task_struct *b)
{
	return a->signal == b->signal;
}

static inline bool is_global_init(const struct task_struct *p)
{
	return p->tgid == 1;
}

static inline pid_t task_pgrp_nr(const struct task_struct *p) { return p->signal->pgrp; }
static inline pid_t task_session_nr(const struct task_struct *p) { return p->signal->session; }

#endif /* _LINUX_SCHED_SIGNAL_H */
