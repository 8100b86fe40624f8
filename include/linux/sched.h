/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler's interface (Linux: include/linux/sched.h,
 * arch/x86/include/asm/current.h, asm/processor.h's thread_struct).
 *
 * `current` is read through the per-CPU variable current_task, one %gs:
 * load, as on x86 Linux. The scheduler lives in kernel/sched/.
 *
 * need_resched() is the task's TIF_NEED_RESCHED, as in Linux. The
 * PREEMPT_NEED_RESCHED bit in the per-CPU __preempt_count is only a cache
 * of it that lets preempt_enable() decide with one instruction: the
 * scheduler sets both (resched_curr; a remote CPU sets the flag and its
 * reschedule IPI sets the bit) and __schedule() clears both.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/percpu-defs.h>
#include <linux/preempt.h>
#include <linux/restart_block.h>
#include <linux/signal_types.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define TASK_COMM_LEN 16

/* Task states (Linux's values). */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define TASK_DEAD 0x0080
#define TASK_WAKEKILL 0x0100
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)	/* job-control stop (SIGSTOP) */

/* Task flags. */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000
#define PF_NO_SETAFFINITY 0x04000000

/* thread_info flags (Linux's bit numbers). */
#define TIF_NOTIFY_RESUME 1	/* do work before returning to user mode */
#define TIF_SIGPENDING 2	/* a signal is pending: exit_to_user_mode delivers it */
#define TIF_NEED_RESCHED 3
#define TIF_RESTORE_SIGMASK 9	/* sigsuspend: put saved_sigmask back after the handler */

/* exit_state (Linux's values). */
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020

/* More task flags. */
#define PF_VCPU 0x00000001
#define PF_FORKNOEXEC 0x00000040	/* forked but did not exec */
#define PF_SIGNALED 0x00000400		/* killed by a signal */
#define PF_USER_WORKER 0x00004000

/* Nice values (Linux: include/linux/sched/prio.h). */
#define MAX_NICE 19
#define MIN_NICE -20
#define DEFAULT_PRIO 120
#define task_nice(p) ((p)->nice)

/* task->atomic_flags bits (Linux: PFA_*, task_no_new_privs()). */
#define PFA_NO_NEW_PRIVS 0

/* The round-robin time slice, in ticks (Linux's SCHED_RR default is 100 ms). */
#define RR_TIMESLICE (100 * HZ / 1000)

#define HZ 250

/* task_struct::on_rq (Linux's values). */
#define TASK_ON_RQ_QUEUED 1
#define TASK_ON_RQ_MIGRATING 2	/* between two run queues: task_rq_lock() waits */

struct set_affinity_pending;

struct fpu;

struct thread_struct {
	unsigned long sp;	/* saved kernel stack pointer while switched out */
	unsigned long fsbase;	/* user %fs base (arch_prctl ARCH_SET_FS): TLS */
	unsigned long gsbase;	/* user %gs base (ARCH_SET_GS) */
	struct fpu *fpu;	/* user FPU/SSE/AVX state (asm/fpu.h); NULL for kernel threads */
};

struct signal_struct;
struct sighand_struct;
struct mm_struct;
struct nameidata;

struct task_struct {
	struct {
		unsigned long flags;	/* TIF_* (Linux: struct thread_info) */
	} thread_info;
	/* At offset 8: kernel/entry_64.S (__switch_to_asm) uses TASK_threadsp. */
	struct thread_struct thread;
	volatile long __state;
	void *stack;			/* bottom of the kernel stack */
	unsigned int flags;		/* PF_* */
	int on_cpu;			/* running, or being switched out, on a CPU */
	int on_rq;			/* TASK_ON_RQ_*: on a run queue (or running) */
	unsigned int cpu;		/* the CPU whose run queue it is on (task_cpu) */
	int prio;			/* all 0 for now; a waking task with a lower value preempts */
	int time_slice;			/* ticks left */
	struct cpumask cpus_mask;	/* where it may run */
	int nr_cpus_allowed;		/* cpumask_weight(&cpus_mask) */
	struct set_affinity_pending *migration_pending;	/* set_cpus_allowed_ptr() waiters */
	struct list_head run_list;	/* on rq->queue */
	struct list_head tasks;		/* on the list of all tasks */
	spinlock_t pi_lock;		/* serialises wakeups */
	struct mm_struct *mm;		/* NULL for kernel threads */
	struct mm_struct *active_mm;	/* whose page tables are loaded (a kthread borrows the last) */
	struct fs_struct *fs;		/* root and cwd; NULL: init_fs (kernel threads) */
	struct files_struct *files;	/* open fds (include/linux/fdtable.h); NULL for kernel threads */
	struct nameidata *nameidata;	/* the path walk calling ->get_link (nd_jump_link) */
	int pid;			/* the thread's id (gettid) */
	int tgid;			/* the process's id (getpid): the group leader's pid */
	int exit_code;			/* wait status word once a zombie (Linux's encoding) */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD or 0 */
	int exit_signal;		/* sent to the parent at exit: SIGCHLD, or 0 for threads */
	/* Family (Linux: real_parent/parent, children/sibling), under tasklist_lock. */
	struct task_struct *real_parent;	/* forked us (or the reaper, once orphaned) */
	struct task_struct *parent;	/* gets SIGCHLD and wait4 (== real_parent: no ptrace) */
	struct list_head children;	/* our children */
	struct list_head sibling;	/* in our parent's children */
	struct task_struct *group_leader;
	/* Signals (kernel/signal.c): shared per process, and this thread's own. */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked;		/* rt_sigprocmask */
	sigset_t real_blocked;
	sigset_t saved_sigmask;
	struct sigpending pending;	/* signals sent to this thread (tgkill) */
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	unsigned long jobctl;		/* JOBCTL_* group stop (linux/sched/jobctl.h) */
	struct restart_block restart_block;	/* what restart_syscall() resumes */
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID */
	int __user *clear_child_tid;	/* set_tid_address, CLONE_CHILD_CLEARTID */
	void __user *robust_list;	/* set_robust_list (recorded) */
	size_t robust_list_len;
	u64 start_time;			/* ns since boot, when forked (/proc/PID/stat) */
	unsigned long min_flt, maj_flt;	/* page faults (getrusage, /proc/PID/stat) */
	u64 utime, stime;		/* ns in user and kernel mode */
	atomic_t usage;			/* references; freed at 0 */
	unsigned long nvcsw, nivcsw;	/* voluntary / involuntary switches */
	int (*threadfn)(void *data);	/* what ret_from_fork() calls (Linux: the fork frame) */
	void *data;
	void *worker_private;		/* a kthread's struct kthread (kernel/kthread.c) */
	struct completion *vfork_done;	/* completed by do_exit() (kthreads: kthread->exited) */
	char comm[TASK_COMM_LEN];
	int nice;			/* -20..19, setpriority (Linux: static_prio = 120 + nice); not used by the scheduler */
	int pdeath_signal;		/* prctl(PR_SET_PDEATHSIG): sent when the parent dies */
	unsigned long atomic_flags;	/* PFA_* (prctl(PR_SET_NO_NEW_PRIVS)); inherited by fork */
	/* lockdep (kernel/locking/lockdep.c): the locks this task holds */
	int lockdep_depth;
	unsigned int lockdep_gen;
	unsigned int lockdep_untracked;	/* held, but not on held_locks */
	u64 curr_chain_key;
	struct irqtrace_events irqtrace;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
};

_Static_assert(__builtin_offsetof(struct task_struct, thread.sp) == 8,
	       "TASK_threadsp in kernel/entry_64.S");

extern struct task_struct init_task;
DECLARE_PER_CPU(struct task_struct *, current_task);

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}

#define current get_current()

#define task_thread_info(p) (&(p)->thread_info)

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

static inline void set_tsk_need_resched(struct task_struct *p)
{
	__atomic_or_fetch(&p->thread_info.flags, 1UL << TIF_NEED_RESCHED, __ATOMIC_RELAXED);
}

static inline void clear_tsk_need_resched(struct task_struct *p)
{
	__atomic_and_fetch(&p->thread_info.flags, ~(1UL << TIF_NEED_RESCHED), __ATOMIC_RELAXED);
}

static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return __atomic_load_n(&p->thread_info.flags, __ATOMIC_RELAXED) & (1UL << TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_tsk_need_resched(current);
}

#define set_current_state(state) __atomic_store_n(&current->__state, (state), __ATOMIC_SEQ_CST)
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))

/* Preemption models, chosen at boot with preempt=none|voluntary|full. */
enum preempt_model {
	PREEMPT_MODEL_NONE,
	PREEMPT_MODEL_VOLUNTARY,
	PREEMPT_MODEL_FULL,
};
extern enum preempt_model preempt_model;
static inline bool preempt_model_full(void) { return preempt_model == PREEMPT_MODEL_FULL; }

void schedule(void);
void schedule_idle(void);
void preempt_schedule_irq(void);
int __cond_resched(void);
/* Linux's dynamic preemption: under preempt=full cond_resched() is a no-op. */
#define cond_resched() (preempt_model_full() ? 0 : __cond_resched())
void might_resched(void);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void scheduler_tick(void);
void scheduler_ipi(void);
void sched_init(void);
void init_idle(struct task_struct *idle, int cpu);
void __noreturn cpu_startup_entry(void);
void __noreturn do_exit(int code);
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask);
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *mask);
void yield(void);
unsigned int nr_running_on(int cpu);
struct task_struct *task_alloc(void);
void put_task_struct(struct task_struct *p);
void get_task_struct(struct task_struct *p);
void task_setup_first_switch(struct task_struct *p);
extern struct list_head task_list;
extern spinlock_t tasklist_lock;
unsigned long nr_task_structs(void);
extern bool scheduler_running;	/* sched_init() is done: tasks may switch */

/* Sleeping while atomic is a bug (Linux: __might_sleep). */
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
extern unsigned long might_sleep_reports;

#endif /* _LINUX_SCHED_H */
