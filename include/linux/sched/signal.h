/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a process shares among its threads (struct signal_struct) and its
 * signal handlers (struct sighand_struct), and the signal API the rest of
 * the kernel calls (Linux: include/linux/sched/signal.h, kernel/signal.c).
 * kernel/signal.c and kernel/exit.c own the bodies.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

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
	int group_exit_code;
	unsigned int flags;		/* SIGNAL_GROUP_EXIT ... */
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

#define SIGNAL_GROUP_EXIT 0x00000004	/* exit_group or a fatal signal: every thread dies */
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
