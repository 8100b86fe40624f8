/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Creating and ending tasks (Linux: include/linux/sched/task.h,
 * kernel/fork.c, kernel/exit.c). The clone flags are Linux's values
 * (include/uapi/linux/sched.h).
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

#define CSIGNAL 0x000000ff		/* the exit signal, in the low byte */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000
#define CLONE_IO 0x80000000

/* Linux: struct kernel_clone_args. */
struct kernel_clone_args {
	u64 flags;			/* CLONE_* (without the exit signal) */
	int __user *pidfd;
	int __user *child_tid;
	int __user *parent_tid;
	int exit_signal;
	unsigned long stack;		/* user: new %rsp, or 0 for the parent's */
	unsigned long stack_size;
	unsigned long tls;		/* CLONE_SETTLS: the new %fs base */
	/* Kernel threads and user_mode_thread(): what the new task runs first. */
	int (*fn)(void *arg);
	void *fn_arg;
	unsigned int kthread : 1;	/* PF_KTHREAD: no return to user mode */
	unsigned int io_thread : 1;
	const char *name;
};

/* kernel/fork.c */
void proc_caches_init(void);
pid_t kernel_clone(struct kernel_clone_args *args);	/* the new pid or -errno */
/* A task that starts in fn() in the kernel and may exec into user space (Linux: user_mode_thread). */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags);
/* kernel/exit.c: reap child pid of the calling kernel thread; *status is wait4's word (Linux: kernel_wait). */
int kernel_wait(pid_t pid, int *status);
struct task_struct *find_task_by_vpid(pid_t nr);	/* kernel/pid.c; caller holds tasklist_lock or RCU-free equivalent */
/* ... and with a reference the caller drops with put_task_struct(), or NULL. */
struct task_struct *find_get_task_by_vpid(pid_t nr);
/* A kernel thread made through kernel_clone (Linux: kernel_thread); returns its pid. */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);

/* kernel/pid.c: pids are 1..pid_max-1; after a wrap allocation restarts at RESERVED_PIDS. */
#define PID_MAX_DEFAULT 0x8000
#define PID_MAX_LIMIT (4 * 1024 * 1024)
#define RESERVED_PIDS 300
extern int pid_max;
extern int pid_max_min, pid_max_max;
int alloc_pid_locked(void);	/* a free pid, or -EAGAIN; tasklist_lock held */
extern int last_pid;		/* the last pid handed out (tests move it) */

/* kernel/sched/core.c */
void wake_up_new_task(struct task_struct *p);	/* a new task's first wakeup */
void __noreturn do_task_dead(void);		/* TASK_DEAD and the last __schedule() */
void schedule_tail(struct task_struct *prev);	/* a new task's first C, after the switch */
void kick_process(struct task_struct *p);	/* make p, running elsewhere, enter the kernel */

/* kernel/fork.c and kernel/exit.c */
void __cleanup_sighand(struct sighand_struct *sighand);
void release_task(struct task_struct *p);	/* the zombie is reaped: free its pid, drop the parent's ref */
/*
 * The task is done with its mm (exit) or replaces it (exec): complete
 * vfork_done, so a vfork parent goes on, and clear *clear_child_tid
 * (Linux: exit_mm_release, exec_mm_release; kernel/fork.c). exec calls
 * exec_mm_release(current, current->mm) before switching to the new mm.
 */
void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm);
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);

/*
 * kernel/process_64.c (arch): give p its first kernel stack frame. For a
 * kernel-started task (args->fn) it runs fn(fn_arg) from ret_from_fork;
 * if fn returns 0 after a successful kernel_execve() the task returns to
 * user mode. For a fork, the child's pt_regs are a copy of the parent's
 * with ax = 0 (and sp/tls from args), and it returns to user mode
 * directly. Copies the parent's user FPU state and fs/gs bases.
 */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
void exit_thread(struct task_struct *tsk);	/* free the FPU state */

/*
 * Linux: task_lock(): guards ->files and ->fs (and in Linux ->mm, comm...)
 * against readers in other tasks (/proc/PID/fd, cwd, root, status).
 * Not irq-safe: never taken from interrupts.
 */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

#endif /* _LINUX_SCHED_TASK_H */
