// SPDX-License-Identifier: GPL-2.0
/*
 * Process ids (Linux: kernel/pid.c, alloc_pid/find_task_by_vpid).
 *
 * Pids run from 1 to pid_max - 1 (32768 by default, pid_max= on the
 * command line, PID_MAX_LIMIT at most). They are handed out in increasing
 * order from the last one; at pid_max allocation wraps to RESERVED_PIDS
 * (300), as Linux's idr_alloc_cyclic does once the first pass is over, so
 * low pids (init, early daemons) stay theirs. PID 1 is the first task made
 * after the idle task, init; every idle task is pid 0.
 *
 * A number is in use while a task that has it as pid, or as its process
 * group or session id, is not yet EXIT_DEAD: a process group keeps its id
 * reserved while any member lives, even after its leader is gone, which is
 * what Linux's struct pid reference counts achieve. Linnet has no struct
 * pid: the in-use test scans the task list under tasklist_lock, as does
 * find_task_by_vpid(). That is O(tasks) per fork and lookup, fine for the
 * hundreds of tasks a teaching kernel runs; Linux keeps an idr per pid
 * namespace and pid->tasks[] lists instead. Left out: pid namespaces
 * (there is one, the initial), struct pid and its RCU lifetime, pidfds.
 */
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/tty.h>

int pid_max = PID_MAX_DEFAULT;
int pid_max_min = RESERVED_PIDS + 1;
int pid_max_max = PID_MAX_LIMIT;
int last_pid;			/* under tasklist_lock */
static bool pid_wrapped;	/* the first pass is over: restart at RESERVED_PIDS */

/* The reaper of orphans: PID 1 (Linux: init_pid_ns.child_reaper). */
struct task_struct *child_reaper;

static int pid_max_setup(char *str)
{
	unsigned long v;

	if (!str || kstrtoul(str, 0, &v))
		return 0;
	if (v < (unsigned long)pid_max_min)
		v = pid_max_min;
	if (v > (unsigned long)pid_max_max)
		v = pid_max_max;
	pid_max = v;
	return 1;
}
__setup("pid_max=", pid_max_setup);

static bool task_alive(const struct task_struct *p)
{
	return p->exit_state != EXIT_DEAD;
}

static bool pid_in_use(int nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		if (!task_alive(p))
			continue;
		if (p->pid == nr || p->tgid == nr)
			return true;
		if (p->signal && (p->signal->pgrp == nr || p->signal->session == nr))
			return true;
	}
	return false;
}

/*
 * The next free pid after last_pid (Linux: alloc_pid). tasklist_lock is
 * held, and the caller puts the task on the task list before dropping
 * it, so no two tasks get the same number. -EAGAIN when all are taken,
 * which is what fork() then returns.
 */
int alloc_pid_locked(void)
{
	int max = READ_ONCE(pid_max);
	int min = pid_wrapped && max > RESERVED_PIDS + 1 ? RESERVED_PIDS : 1;
	int nr = last_pid;

	for (int tries = 0; tries < max; tries++) {
		if (++nr >= max || nr < min) {
			pid_wrapped = true;
			min = max > RESERVED_PIDS + 1 ? RESERVED_PIDS : 1;
			nr = min;
		}
		if (!pid_in_use(nr)) {
			last_pid = nr;
			return nr;
		}
	}
	return -EAGAIN;
}

/* The task with pid nr, zombies included; tasklist_lock held (Linux: find_task_by_vpid). */
struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	if (nr <= 0)
		return NULL;
	list_for_each_entry(p, &task_list, tasks) {
		/* A task copy_process() is still building has no signal yet. */
		if (p->pid == nr && task_alive(p) && p->signal)
			return p;
	}
	return NULL;
}

struct task_struct *find_get_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(nr);
	if (p)
		get_task_struct(p);
	spin_unlock(&tasklist_lock);
	return p;
}

/* ---- the id system calls (Linux: kernel/sys.c) ------------------------------------- */

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	struct task_struct *parent;
	pid_t nr;

	spin_lock(&tasklist_lock);
	parent = current->real_parent;
	nr = parent ? parent->tgid : 0;
	spin_unlock(&tasklist_lock);
	return nr;
}

/* pid's process group or session (0: the caller's). */
static long get_pgid_or_sid(pid_t pid, bool sid)
{
	struct task_struct *p;
	long ret = -ESRCH;

	spin_lock(&tasklist_lock);
	p = pid ? find_task_by_vpid(pid) : current;
	if (p && p->signal)
		ret = sid ? task_session_nr(p) : task_pgrp_nr(p);
	spin_unlock(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return get_pgid_or_sid(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return get_pgid_or_sid(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return get_pgid_or_sid(pid, true);
}

/* A live process in group pgrp (Linux: pid_task(find_vpid(pgrp), PIDTYPE_PGID)). */
static struct task_struct *find_pgrp_member(pid_t pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		if (p->exit_state != EXIT_DEAD && p->signal && p->signal->pgrp == pgrp)
			return p;
	}
	return NULL;
}

/*
 * Linux's rules (kernel/sys.c): only a process itself or its child that
 * has not exec'd yet (PF_FORKNOEXEC) may be moved, within its session,
 * into an existing group of that session or a new one named after it; a
 * session leader may not move.
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *group_leader = current->group_leader;
	struct task_struct *p, *g;
	int err;

	if (!pid)
		pid = group_leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	err = -ESRCH;
	p = find_task_by_vpid(pid);
	if (!p)
		goto out;
	err = -EINVAL;
	if (p->group_leader != p)
		goto out;
	if (p->real_parent && same_thread_group(p->real_parent, group_leader)) {
		err = -EPERM;
		if (task_session_nr(p) != task_session_nr(group_leader))
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else {
		err = -ESRCH;
		if (p != group_leader)
			goto out;
	}
	err = -EPERM;
	if (p->signal->flags & SIGNAL_LEADER)
		goto out;
	if (pgid != pid) {
		g = find_pgrp_member(pgid);
		if (!g || task_session_nr(g) != task_session_nr(group_leader))
			goto out;
	}
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock(&tasklist_lock);
	return err;
}

/* A new session and group named after the caller, no controlling tty (Linux: ksys_setsid). */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *group_leader = current->group_leader;
	pid_t sid = group_leader->pid;
	long err = -EPERM;

	spin_lock(&tasklist_lock);
	if (group_leader->signal->flags & SIGNAL_LEADER)
		goto out;
	/* Fail if a process group id already exists that equals the proposed session id. */
	if (find_pgrp_member(sid))
		goto out;
	group_leader->signal->flags |= SIGNAL_LEADER;
	group_leader->signal->session = sid;
	group_leader->signal->pgrp = sid;
	proc_clear_tty(group_leader);	/* drivers/tty/tty_jobctrl.c */
	err = sid;
out:
	spin_unlock(&tasklist_lock);
	return err;
}
