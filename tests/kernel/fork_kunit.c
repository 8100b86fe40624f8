// SPDX-License-Identifier: GPL-2.0
/*
 * Processes from the kernel side (kernel/fork.c, kernel/exit.c,
 * kernel/pid.c): tasks made by user_mode_thread()/kernel_clone() that run
 * a kernel function and exit, reaped by kernel_wait()/kernel_wait4();
 * zombies; reparenting of orphans to PID 1 and to a child subreaper; pid
 * allocation, reuse, the wrap at pid_max and -EAGAIN; vfork; copy_mm with
 * and without CLONE_VM (dup_mmap: the child reads the parent's page and
 * its write stays its own, COW); the clone flag checks; process groups and
 * sessions through the system calls. Every case checks that task structs
 * and pages come back.
 *
 * The tests run in PID 1 (kernel_init), which is also the reaper of
 * orphans, so every child made here is ours to reap. A user_mode_thread()
 * function that returns 0 would go on to user mode (as after a successful
 * kernel_execve), so the ones here end with do_exit().
 */
#include <kunit/test.h>
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/wait.h>
#include <asm/tlbflush.h>

#include "kunit_pages.h"

long __x64_sys_getpid(const struct pt_regs *regs);
long __x64_sys_getppid(const struct pt_regs *regs);
long __x64_sys_gettid(const struct pt_regs *regs);
long __x64_sys_setsid(const struct pt_regs *regs);
long __x64_sys_getsid(const struct pt_regs *regs);
long __x64_sys_setpgid(const struct pt_regs *regs);
long __x64_sys_getpgid(const struct pt_regs *regs);

static long sys0(long (*fn)(const struct pt_regs *))
{
	struct pt_regs regs = { 0 };

	return fn(&regs);
}

static long sys2(long (*fn)(const struct pt_regs *), long a, long b)
{
	struct pt_regs regs = { .di = a, .si = b };

	return fn(&regs);
}

/* Wait until the task structs are back to n (a dead task is freed after its last switch). */
static unsigned long wait_task_structs(unsigned long n)
{
	for (int i = 0; i < 1000 && nr_task_structs() > n; i++)
		msleep(2);
	return nr_task_structs();
}

static int fn_return0(void *arg)
{
	do_exit(0);
}

static int fn_exit_code(void *arg)
{
	do_exit(wait_status_exited((long)arg));
}

/* user_mode_thread with a fn that returns, reaped by kernel_wait: status 0, nothing left. */
static void user_mode_thread_exit_and_reap(struct kunit *test)
{
	unsigned long tasks = nr_task_structs(), pages = shrunk_free_pages();
	int status = -1;
	pid_t pid;

	pid = user_mode_thread(fn_return0, NULL, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);

	pid = user_mode_thread(fn_exit_code, (void *)7L, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0x700);		/* WEXITSTATUS 7 */
	/* Reaped: gone for good. */
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), -ECHILD);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

struct gate {
	struct completion go;
	struct completion started;
	pid_t child;		/* for the grandchild tests */
	int value;
};

static void gate_init(struct gate *g)
{
	init_completion(&g->go);
	init_completion(&g->started);
	g->child = 0;
	g->value = 0;
}

static int fn_wait_gate(void *arg)
{
	struct gate *g = arg;

	complete(&g->started);
	wait_for_completion(&g->go);
	do_exit(wait_status_exited(3));
}

static int exit_state_of(pid_t pid)
{
	struct task_struct *p;
	int state = -1;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(pid);
	if (p)
		state = p->exit_state;
	spin_unlock(&tasklist_lock);
	return state;
}

/* A child is a zombie between its exit and the wait; WNOHANG does not block. */
static void zombie_lifecycle_and_wnohang(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	struct gate g;
	int status = -1;
	pid_t pid;

	gate_init(&g);
	pid = user_mode_thread(fn_wait_gate, &g, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	wait_for_completion(&g.started);
	/* Running: WNOHANG returns 0, a wrong pid -ECHILD, bad options -EINVAL. */
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, NULL, WNOHANG, NULL), 0);
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid + 100000, NULL, WNOHANG, NULL), -ECHILD);
	KUNIT_EXPECT_EQ(test, kernel_wait4(pid, NULL, 0x100, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, kernel_wait4(-2147483647 - 1, NULL, WNOHANG, NULL), -ESRCH);
	KUNIT_EXPECT_EQ(test, exit_state_of(pid), 0);
	complete(&g.go);
	for (int i = 0; i < 500 && exit_state_of(pid) != EXIT_ZOMBIE; i++)
		msleep(2);
	KUNIT_EXPECT_EQ(test, exit_state_of(pid), EXIT_ZOMBIE);
	/* A zombie still exists for kill(pid, 0). */
	KUNIT_EXPECT_EQ(test, kill_pid(pid, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0x300);
	KUNIT_EXPECT_EQ(test, exit_state_of(pid), -1);
	KUNIT_EXPECT_EQ(test, kill_pid(pid, 0, 0), -ESRCH);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* wait4(-1) and wait4(0) find any child, in any order. */
static void wait_any_child(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	pid_t pids[4];
	int seen = 0;

	for (int i = 0; i < 4; i++) {
		pids[i] = user_mode_thread(fn_exit_code, (void *)(long)(10 + i), SIGCHLD);
		KUNIT_ASSERT_TRUE(test, pids[i] > 1);
	}
	for (int i = 0; i < 4; i++) {
		int status = -1;
		long pid = i & 1 ? kernel_wait4(-1, NULL, 0, NULL) : kernel_wait4(0, NULL, 0, NULL);

		for (int j = 0; j < 4; j++)
			if (pid == pids[j])
				seen |= 1 << j;
		(void)status;
	}
	KUNIT_EXPECT_EQ(test, seen, 0xf);
	KUNIT_EXPECT_EQ(test, kernel_wait4(-1, NULL, WNOHANG, NULL), -ECHILD);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* A SIGCHLD ignored by the parent: children reap themselves, wait gives -ECHILD. */
static void ignored_sigchld_autoreaps(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	pid_t pid;

	kernel_sigaction(SIGCHLD, SIG_IGN);
	pid = user_mode_thread(fn_return0, NULL, SIGCHLD);
	KUNIT_EXPECT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), -ECHILD);
	kernel_sigaction(SIGCHLD, SIG_DFL);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* A child makes a grandchild and exits; the orphan comes to init (us). */
static int fn_make_grandchild(void *arg)
{
	struct gate *g = arg;

	g->child = user_mode_thread(fn_wait_gate, g, SIGCHLD);
	do_exit(0);
}

static pid_t parent_of(pid_t pid)
{
	struct task_struct *p;
	pid_t ppid = -1;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(pid);
	if (p && p->real_parent)
		ppid = p->real_parent->pid;
	spin_unlock(&tasklist_lock);
	return ppid;
}

static void orphans_go_to_init(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	struct gate g;
	int status;
	pid_t a;

	KUNIT_ASSERT_TRUE(test, child_reaper == current);
	gate_init(&g);
	a = user_mode_thread(fn_make_grandchild, &g, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, a > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(a, &status), a);
	wait_for_completion(&g.started);
	KUNIT_ASSERT_TRUE(test, g.child > 1);
	KUNIT_EXPECT_EQ(test, parent_of(g.child), current->pid);
	complete(&g.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(g.child, &status), g.child);
	KUNIT_EXPECT_EQ(test, status, 0x300);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* The same below a child subreaper (prctl PR_SET_CHILD_SUBREAPER): it gets the orphan. */
struct subreaper_result {
	struct completion done;
	pid_t a, b, b_parent, me;
	long wait_a, wait_b;
	int status_b;
};

static int subreaper_thread(void *arg)
{
	struct subreaper_result *r = arg;
	static struct gate g;	/* not on our stack: if B is not ours, it outlives us */

	current->signal->is_child_subreaper = 1;
	r->me = current->pid;
	gate_init(&g);
	r->a = user_mode_thread(fn_make_grandchild, &g, SIGCHLD);
	r->wait_a = kernel_wait(r->a, NULL);
	wait_for_completion(&g.started);
	r->b = g.child;
	r->b_parent = parent_of(g.child);
	complete(&g.go);
	r->wait_b = kernel_wait(r->b, &r->status_b);
	complete(&r->done);
	return 0;
}

static void orphans_go_to_subreaper(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	struct subreaper_result r = { 0 };
	struct task_struct *t;

	init_completion(&r.done);
	t = kthread_run(subreaper_thread, &r, "subreaper");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, r.wait_a, r.a);
	KUNIT_EXPECT_TRUE(test, r.b > 1);
	KUNIT_EXPECT_EQ(test, r.b_parent, r.me);
	KUNIT_EXPECT_EQ(test, r.wait_b, r.b);
	KUNIT_EXPECT_EQ(test, r.status_b, 0x300);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* Pids: 1 is init, idle is 0, numbers grow, wrap to RESERVED_PIDS, come back when reaped. */
static void pid_allocation_and_reuse(struct kunit *test)
{
	int saved_max = pid_max, saved_last = last_pid;
	unsigned long tasks = nr_task_structs();
	struct gate g1, g2, g3;
	pid_t a, b, c;

	KUNIT_EXPECT_EQ(test, current->pid, 1);
	KUNIT_EXPECT_EQ(test, init_task.pid, 0);
	KUNIT_EXPECT_EQ(test, PID_MAX_DEFAULT, 32768);

	a = user_mode_thread(fn_return0, NULL, SIGCHLD);
	b = user_mode_thread(fn_return0, NULL, SIGCHLD);
	KUNIT_EXPECT_TRUE(test, a > 1 && b > a);
	kernel_wait(a, NULL);
	kernel_wait(b, NULL);

	/* A reaped pid is free again. */
	spin_lock(&tasklist_lock);
	last_pid = a - 1;
	spin_unlock(&tasklist_lock);
	c = user_mode_thread(fn_return0, NULL, SIGCHLD);
	KUNIT_EXPECT_EQ(test, c, a);
	kernel_wait(c, NULL);

	/* A tiny pid_max: the top pid, then the wrap to 300, then -EAGAIN. */
	gate_init(&g1);
	gate_init(&g2);
	gate_init(&g3);
	spin_lock(&tasklist_lock);
	pid_max = RESERVED_PIDS + 2;
	last_pid = RESERVED_PIDS;
	spin_unlock(&tasklist_lock);
	a = user_mode_thread(fn_wait_gate, &g1, SIGCHLD);
	b = user_mode_thread(fn_wait_gate, &g2, SIGCHLD);
	c = user_mode_thread(fn_wait_gate, &g3, SIGCHLD);
	spin_lock(&tasklist_lock);
	pid_max = saved_max;
	last_pid = saved_last;
	spin_unlock(&tasklist_lock);
	KUNIT_EXPECT_EQ(test, a, RESERVED_PIDS + 1);
	KUNIT_EXPECT_EQ(test, b, RESERVED_PIDS);
	KUNIT_EXPECT_EQ(test, c, -EAGAIN);
	complete(&g1.go);
	complete(&g2.go);
	if (a > 0)
		KUNIT_EXPECT_EQ(test, kernel_wait(a, NULL), a);
	if (b > 0)
		KUNIT_EXPECT_EQ(test, kernel_wait(b, NULL), b);
	if (c > 0) {
		complete(&g3.go);
		kernel_wait(c, NULL);
	}
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* vfork: the parent sleeps until the child has exited. */
static int fn_vfork_child(void *arg)
{
	msleep(30);
	WRITE_ONCE(*(int *)arg, 1);
	do_exit(0);
}

static void vfork_parent_waits(struct kunit *test)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
		.fn = fn_vfork_child,
	};
	unsigned long tasks = nr_task_structs();
	int done = 0;
	pid_t pid;

	args.fn_arg = &done;
	pid = kernel_clone(&args);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(done), 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* Linux's -EINVAL combinations. */
static void clone_flag_checks(struct kunit *test)
{
	static const u64 bad[] = {
		CLONE_THREAD | CLONE_VM,		/* a thread without shared handlers */
		CLONE_SIGHAND,				/* shared handlers without shared VM */
		CLONE_NEWNS | CLONE_FS,
		CLONE_NEWPID,				/* no namespaces here */
		CLONE_NEWUSER,
		CLONE_PARENT,				/* init may not make siblings */
	};
	unsigned long tasks = nr_task_structs();

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		struct kernel_clone_args args = {
			.flags = bad[i],
			.exit_signal = SIGCHLD,
			.fn = fn_return0,
		};

		KUNIT_EXPECT_EQ(test, kernel_clone(&args), -EINVAL);
	}
	KUNIT_EXPECT_EQ(test, nr_task_structs(), tasks);
}

/* copy_mm: a task with an mm forks; the child gets its own copy, or shares it with CLONE_VM. */
struct mm_result {
	struct mm_struct *mine, *child_mm_fork, *child_mm_vm;
	int users_during_vm;
	pid_t fork_pid, vm_pid;
	unsigned long addr;			/* an anonymous private page, written before fork */
	long child_read, child_write, parent_after_fork, parent_after_vm;
};

static int fn_report_mm(void *arg)
{
	struct mm_result *r = arg;
	long __user *p = (long __user *)r->addr;
	long v = -1;

	r->child_mm_fork = current->mm;
	r->child_read = get_user(v, p) ? -EFAULT : v;	/* the parent's data, shared COW */
	r->child_write = put_user(2222L, p);		/* breaks COW: a copy for us */
	do_exit(0);
}

static int fn_vm_child(void *arg)
{
	struct mm_result *r = arg;

	r->child_mm_vm = current->mm;
	r->users_during_vm = atomic_read(&current->mm->mm_users);
	put_user(3333L, (long __user *)r->addr);	/* the same memory as the parent's */
	do_exit(0);
}

static int fn_fork_with_mm(void *arg)
{
	struct mm_result *r = arg;
	struct mm_struct *mm = mm_alloc();
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	unsigned long flags;

	if (!mm)
		return wait_status_exited(1);
	/* What exec does: the task gets its own address space. */
	local_irq_save(flags);
	current->mm = mm;
	current->active_mm = mm;
	switch_mm_irqs_off(&init_mm, mm, current);
	local_irq_restore(flags);
	r->mine = mm;
	r->addr = vm_mmap(NULL, 0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(r->addr) || put_user(1111L, (long __user *)r->addr))
		do_exit(wait_status_exited(2));
	args.fn = fn_report_mm;
	args.fn_arg = r;
	r->fork_pid = kernel_clone(&args);
	if (r->fork_pid > 0)
		kernel_wait(r->fork_pid, NULL);
	get_user(r->parent_after_fork, (long __user *)r->addr);
	args.flags = CLONE_VM | CLONE_VFORK;
	args.fn = fn_vm_child;
	args.fn_arg = r;
	r->vm_pid = kernel_clone(&args);
	if (r->vm_pid > 0)
		kernel_wait(r->vm_pid, NULL);
	get_user(r->parent_after_vm, (long __user *)r->addr);
	do_exit(0);		/* do_exit -> exit_mm -> mmput frees mm */
}

static void fork_copies_or_shares_mm(struct kunit *test)
{
	unsigned long tasks = nr_task_structs(), pages = shrunk_free_pages();
	struct mm_result r = { 0 };
	int status = -1;
	pid_t pid;

	pid = user_mode_thread(fn_fork_with_mm, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_TRUE(test, r.mine != NULL);
	KUNIT_EXPECT_TRUE(test, r.fork_pid > 1);
	KUNIT_EXPECT_TRUE(test, r.child_mm_fork != NULL && r.child_mm_fork != r.mine);
	KUNIT_EXPECT_TRUE(test, r.vm_pid > 1);
	KUNIT_EXPECT_TRUE(test, r.child_mm_vm == r.mine);
	KUNIT_EXPECT_EQ(test, r.users_during_vm, 2);
	KUNIT_EXPECT_EQ(test, r.child_read, 1111);
	KUNIT_EXPECT_EQ(test, r.child_write, 0);
	KUNIT_EXPECT_EQ(test, r.parent_after_fork, 1111);	/* COW: the child's write is its own */
	KUNIT_EXPECT_EQ(test, r.parent_after_vm, 3333);		/* CLONE_VM: one address space */
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

/* CLONE_PARENT_SETTID, CLONE_CHILD_SETTID and CLONE_CHILD_CLEARTID, in a shared mm. */
struct tid_result {
	unsigned long base;
	pid_t pid;
	long child_saw, parent_tid, child_tid_after;
};

static int fn_tid_child(void *arg)
{
	struct tid_result *r = arg;
	int v = -1;

	r->child_saw = get_user(v, (int __user *)(r->base + 8)) ? -EFAULT : v;
	do_exit(0);
}

static int fn_tid_parent(void *arg)
{
	struct tid_result *r = arg;
	struct mm_struct *mm = mm_alloc();
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
			 CLONE_CHILD_CLEARTID,
		.exit_signal = SIGCHLD,
		.fn = fn_tid_child,
		.fn_arg = r,
	};
	unsigned long flags;
	int v = -1;

	if (!mm)
		do_exit(wait_status_exited(1));
	local_irq_save(flags);
	current->mm = mm;
	current->active_mm = mm;
	switch_mm_irqs_off(&init_mm, mm, current);
	local_irq_restore(flags);
	r->base = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(r->base) || put_user(-1, (int __user *)(r->base + 8)))
		do_exit(wait_status_exited(2));
	args.parent_tid = (int __user *)r->base;
	args.child_tid = (int __user *)(r->base + 8);
	r->pid = kernel_clone(&args);
	if (r->pid > 0)
		kernel_wait(r->pid, NULL);
	r->parent_tid = get_user(v, (int __user *)r->base) ? -EFAULT : v;
	r->child_tid_after = get_user(v, (int __user *)(r->base + 8)) ? -EFAULT : v;
	do_exit(0);
}

static void clone_tid_pointers(struct kunit *test)
{
	unsigned long tasks = nr_task_structs(), pages = shrunk_free_pages();
	struct tid_result r = { 0 };
	pid_t pid;

	pid = user_mode_thread(fn_tid_parent, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, NULL), pid);
	KUNIT_EXPECT_TRUE(test, r.pid > 1);
	KUNIT_EXPECT_EQ(test, r.parent_tid, r.pid);	/* CLONE_PARENT_SETTID */
	KUNIT_EXPECT_EQ(test, r.child_saw, r.pid);	/* CLONE_CHILD_SETTID, in schedule_tail */
	KUNIT_EXPECT_EQ(test, r.child_tid_after, 0);	/* CLONE_CHILD_CLEARTID at exit */
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

/*
 * A thread group (CLONE_THREAD): the thread shares tgid and signals, is
 * nobody's child, and exit_group() in the leader kills it; the leader is
 * reported only once the thread is gone (delay_group_leader), with the
 * group's exit code.
 */
struct group_result {
	struct completion thread_ready;
	pid_t leader, thread, thread_tgid;
	long thread_getpid;
	bool thread_saw_kill;
	int thread_parent_children;
};

static int fn_group_thread(void *arg)
{
	struct group_result *r = arg;

	r->thread = current->pid;
	r->thread_tgid = current->tgid;
	complete(&r->thread_ready);
	while (!fatal_signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!fatal_signal_pending(current))
			schedule_timeout(HZ);
		__set_current_state(TASK_RUNNING);
	}
	r->thread_saw_kill = true;
	msleep(20);		/* the leader is a zombie meanwhile, not yet reportable */
	arch_do_signal_or_restart(NULL);	/* SIGKILL: do_group_exit with the group's code */
	do_exit(wait_status_exited(0x55));	/* not reached */
}

static int fn_group_leader_exits(void *arg)
{
	struct group_result *r = arg;
	struct kernel_clone_args args = {
		.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_FS | CLONE_FILES,
		.fn = fn_group_thread,
		.fn_arg = r,
	};
	pid_t tid;

	r->leader = current->pid;
	tid = kernel_clone(&args);
	if (tid < 0)
		do_exit(wait_status_exited(1));
	wait_for_completion(&r->thread_ready);
	do_group_exit(wait_status_exited(9));
}

static void thread_group_exit(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	struct group_result r = { 0 };
	int status = -1;
	pid_t pid;

	init_completion(&r.thread_ready);
	pid = user_mode_thread(fn_group_leader_exits, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0x900);
	KUNIT_EXPECT_TRUE(test, r.thread > pid);
	KUNIT_EXPECT_EQ(test, r.thread_tgid, pid);
	KUNIT_EXPECT_TRUE(test, r.thread_saw_kill);
	/* The thread was never our child: nothing else to wait for. */
	KUNIT_EXPECT_EQ(test, kernel_wait4(-1, NULL, WNOHANG | __WALL, NULL), -ECHILD);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* getpid/getppid/gettid and setsid/setpgid with Linux's rules. */
struct ids_result {
	long pid, ppid, tid, sid, sid_again, getsid, setpgid_leader, pgid;
	long setpgid_child, child_pgid, setsid_group_leader, bad_pgid, no_such;
};

static int fn_ids(void *arg)
{
	struct ids_result *r = arg;

	r->pid = sys0(__x64_sys_getpid);
	r->ppid = sys0(__x64_sys_getppid);
	r->tid = sys0(__x64_sys_gettid);
	r->sid = sys0(__x64_sys_setsid);
	r->sid_again = sys0(__x64_sys_setsid);
	r->getsid = sys2(__x64_sys_getsid, 0, 0);
	r->setpgid_leader = sys2(__x64_sys_setpgid, 0, 0);
	r->pgid = sys2(__x64_sys_getpgid, 0, 0);
	r->bad_pgid = sys2(__x64_sys_setpgid, 0, -5);
	r->no_such = sys2(__x64_sys_getpgid, 0x7ffffff0, 0);
	do_exit(0);
}

static int fn_group_leader(void *arg)
{
	struct ids_result *r = arg;

	r->setpgid_child = sys2(__x64_sys_setpgid, 0, 0);
	r->child_pgid = sys2(__x64_sys_getpgid, 0, 0);
	r->setsid_group_leader = sys0(__x64_sys_setsid);
	do_exit(0);
}

static void ids_groups_and_sessions(struct kunit *test)
{
	unsigned long tasks = nr_task_structs();
	struct ids_result r = { 0 };
	pid_t pid;

	pid = user_mode_thread(fn_ids, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	kernel_wait(pid, NULL);
	KUNIT_EXPECT_EQ(test, r.pid, pid);
	KUNIT_EXPECT_EQ(test, r.tid, pid);
	KUNIT_EXPECT_EQ(test, r.ppid, current->tgid);
	KUNIT_EXPECT_EQ(test, r.sid, pid);
	KUNIT_EXPECT_EQ(test, r.sid_again, -EPERM);
	KUNIT_EXPECT_EQ(test, r.getsid, pid);
	KUNIT_EXPECT_EQ(test, r.setpgid_leader, -EPERM);	/* a session leader stays */
	KUNIT_EXPECT_EQ(test, r.pgid, pid);
	KUNIT_EXPECT_EQ(test, r.bad_pgid, -EINVAL);
	KUNIT_EXPECT_EQ(test, r.no_such, -ESRCH);

	pid = user_mode_thread(fn_group_leader, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	kernel_wait(pid, NULL);
	KUNIT_EXPECT_EQ(test, r.setpgid_child, 0);
	KUNIT_EXPECT_EQ(test, r.child_pgid, pid);
	KUNIT_EXPECT_EQ(test, r.setsid_group_leader, -EPERM);	/* already a group leader */
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
}

/* Many children at once on every CPU, reaped in any order: nothing leaks. */
static int fn_short_busy(void *arg)
{
	for (int i = 0; i < 1000; i++)
		cpu_relax();
	do_exit(wait_status_exited((long)arg & 0xff));
}

static void many_children_stress(struct kunit *test)
{
	unsigned long tasks = 0, pages = 0;
	unsigned long long sum = 0, expect = 0;

	/*
	 * Round 0 is a warm-up, not counted: 32 children at once may need
	 * vmalloc-area page tables for their stacks that no boot needed
	 * before, and those stay (as in Linux, kernel page tables are never
	 * freed). Rounds 1-4 must then give back every page.
	 */
	for (int round = 0; round < 5; round++) {
		if (round == 1) {
			tasks = nr_task_structs();
			pages = shrunk_free_pages();
		}
		int n = 0;

		for (int i = 0; i < 32; i++) {
			pid_t pid = user_mode_thread(fn_short_busy, (void *)(long)i, SIGCHLD);

			if (pid > 0) {
				n++;
				expect += i;
			}
		}
		for (int i = 0; i < n; i++) {
			int status = 0;
			long pid = kernel_wait4(-1, NULL, 0, NULL);

			(void)status;
			KUNIT_EXPECT_TRUE(test, pid > 1);
		}
		(void)sum;
	}
	KUNIT_EXPECT_EQ(test, kernel_wait4(-1, NULL, WNOHANG, NULL), -ECHILD);
	KUNIT_EXPECT_EQ(test, wait_task_structs(tasks), tasks);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

static struct kunit_case fork_cases[] = {
	KUNIT_CASE(user_mode_thread_exit_and_reap),
	KUNIT_CASE(zombie_lifecycle_and_wnohang),
	KUNIT_CASE(wait_any_child),
	KUNIT_CASE(ignored_sigchld_autoreaps),
	KUNIT_CASE(orphans_go_to_init),
	KUNIT_CASE(orphans_go_to_subreaper),
	KUNIT_CASE(pid_allocation_and_reuse),
	KUNIT_CASE(vfork_parent_waits),
	KUNIT_CASE(clone_flag_checks),
	KUNIT_CASE(fork_copies_or_shares_mm),
	KUNIT_CASE(clone_tid_pointers),
	KUNIT_CASE(thread_group_exit),
	KUNIT_CASE(ids_groups_and_sessions),
	KUNIT_CASE(many_children_stress),
	{}
};

static struct kunit_suite fork_suite = {
	.name = "fork",
	.test_cases = fork_cases,
};
kunit_test_suite(fork_suite);
