// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks and address spaces (Linux: kernel/fork.c).
 *
 * A new task is made by copy_process(): a task_struct and a kernel stack
 * (alloc_thread_stack_node, CONFIG_VMAP_STACK style), a pid (kernel/pid.c),
 * and then, each either shared with the parent or copied according to the
 * clone flags, what a process owns: the fd table (copy_files, CLONE_FILES),
 * root and cwd (copy_fs, CLONE_FS), the signal handlers (copy_sighand,
 * CLONE_SIGHAND), the per-process signal state (copy_signal, CLONE_THREAD)
 * and the address space (copy_mm: dup_mm -> dup_mmap, or CLONE_VM).
 * copy_thread() (arch, kernel/process_64.c) builds the first stack frame.
 * kernel_clone() wakes the child (wake_up_new_task) and, for CLONE_VFORK,
 * sleeps until the child has exec'd or exited (vfork_done). fork, vfork
 * and clone are thin wrappers; user_mode_thread() starts a task in a kernel
 * function that may kernel_execve() into user space (PID 1, tests).
 *
 * An mm_struct has two counts, as in Linux: mm_users counts the tasks
 * (and temporary users such as get_task_mm) that use the address space;
 * when the last goes, mmput() tears the mappings down (exit_mmap). mm_count
 * counts references to the struct itself; all mm_users together hold one,
 * and when it drops to zero __mmdrop() frees the pgd and the struct.
 *
 * A task_struct has `usage` references. A task holds one on itself, dropped
 * by the scheduler after its final switch-out (finish_task_switch); a task
 * made by copy_process holds a second one for its parent, dropped by
 * release_task() once the parent reaped it (Linux: rcu_users). Kernel
 * threads from kthread_create() start with task_alloc(): no parent, one
 * reference, and they reap themselves at exit.
 *
 * Left out: namespaces (CLONE_NEW* is -EINVAL), pidfds (CLONE_PIDFD is
 * -EINVAL), clone3, cgroups, ptrace, RLIMIT_NPROC, the task_struct slab
 * cache (kzalloc), cached stacks, RCU (tasklist_lock is a spinlock).
 */
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/oom.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>

static struct kmem_cache *mm_cachep;
static struct kmem_cache *sighand_cachep;
static struct kmem_cache *signal_cachep;

/* Linux: INIT_RLIMITS (include/asm-generic/resource.h). */
#define INIT_RLIMITS							\
{									\
	[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_STACK]		= { _STK_LIM, RLIM_INFINITY },		\
	[RLIMIT_CORE]		= { 0, RLIM_INFINITY },			\
	[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_NPROC]		= { 0, 0 },				\
	[RLIMIT_NOFILE]		= { INR_OPEN_CUR, 4096 },		\
	[RLIMIT_MEMLOCK]	= { 8 * 1024 * 1024, 8 * 1024 * 1024 },	\
	[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_SIGPENDING]	= { 0, 0 },				\
	[RLIMIT_MSGQUEUE]	= { 819200, 819200 },			\
	[RLIMIT_NICE]		= { 0, 0 },				\
	[RLIMIT_RTPRIO]		= { 0, 0 },				\
	[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },	\
}

/* init_task's (Linux: init/init_task.c); every kernel thread copies them. */
static struct signal_struct init_signals = {
	.rlim = INIT_RLIMITS,
};
static struct sighand_struct init_sighand;

/*
 * The slab caches of fork (Linux: proc_caches_init), from start_kernel(),
 * before the first task is created; and init_task's signal state.
 */
void proc_caches_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64, SLAB_PANIC, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 64,
					   SLAB_PANIC, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct), 64,
					  SLAB_PANIC, NULL);

	/* Linux sets these statically; init_task lives in init/init_task.c. */
	init_signals.rlim[RLIMIT_NPROC].rlim_cur = init_signals.rlim[RLIMIT_NPROC].rlim_max = 4096;
	init_signals.rlim[RLIMIT_SIGPENDING].rlim_cur = 4096;
	init_signals.rlim[RLIMIT_SIGPENDING].rlim_max = 4096;
	atomic_set(&init_signals.sigcnt, 1);
	atomic_set(&init_signals.live, 1);
	init_signals.nr_threads = 1;
	init_waitqueue_head(&init_signals.wait_chldexit);
	INIT_LIST_HEAD(&init_signals.shared_pending.list);
	atomic_set(&init_sighand.count, 1);
	spin_lock_init(&init_sighand.siglock);
	init_task.signal = &init_signals;
	init_task.sighand = &init_sighand;
	init_task.group_leader = &init_task;
	init_task.real_parent = init_task.parent = &init_task;
	INIT_LIST_HEAD(&init_task.children);
	INIT_LIST_HEAD(&init_task.sibling);
	INIT_LIST_HEAD(&init_task.pending.list);
	init_task.flags |= PF_KTHREAD;
}

/* ---- address spaces ------------------------------------------------------------ */

static struct mm_struct *allocate_mm(void)
{
	return kmem_cache_alloc(mm_cachep, GFP_KERNEL);
}

static struct mm_struct *mm_init(struct mm_struct *mm)
{
	static struct lock_class_key mmap_lock_key;

	memset(mm, 0, sizeof(*mm));
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	__init_rwsem(&mm->mmap_lock, "&mm->mmap_lock", &mmap_lock_key);
	INIT_LIST_HEAD(&mm->mmlist);
	mm->task_size = TASK_SIZE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* A new, empty user address space: a pgd with the kernel half, no VMAs. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = allocate_mm();

	return mm ? mm_init(mm) : NULL;
}

/* The last mm_count reference is gone: nothing can reach the mm any more. */
static void __mmdrop(struct mm_struct *mm)
{
	if (WARN_ON(mm == &init_mm))
		return;
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

/*
 * Drop a user of the address space (Linux: mmput). The last one unmaps
 * everything (exit_mmap: pages and page tables, through mmu_gather) and
 * then drops the users' mm_count reference. Nobody may have this mm
 * loaded in CR3 any more except through mm_count (exit_mm switched away).
 */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	if (mm->exe_file) {
		fput(mm->exe_file);
		mm->exe_file = NULL;
	}
	mmdrop(mm);
}

/*
 * task's mm with a user reference, or NULL for a kernel thread or a task
 * past exit_mm (Linux: get_task_mm, under task_lock; here p->pi_lock,
 * which exit_mm holds while it clears task->mm).
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock_irqsave(&task->pi_lock, flags);
	mm = task->mm;
	if (mm) {
		if (task->flags & PF_KTHREAD)
			mm = NULL;	/* a borrowed mm (kthread_use_mm) */
		else
			mmget(mm);
	}
	spin_unlock_irqrestore(&task->pi_lock, flags);
	return mm;
}

/*
 * A copy of oldmm for fork (Linux: dup_mm): the layout fields, then the
 * VMAs and their PTEs (dup_mmap, mm/mmap.c: COW for private writable
 * mappings). On failure the half-built copy is torn down by mmput.
 */
static struct mm_struct *dup_mm(struct task_struct *tsk, struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	int err;

	if (!mm)
		return NULL;
	mm->mmap_base = oldmm->mmap_base;
	mm->task_size = oldmm->task_size;
	mm->def_flags = oldmm->def_flags;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	memcpy(mm->saved_auxv, oldmm->saved_auxv, sizeof(mm->saved_auxv));
	/* Not the OOM killer's marks: a victim's child is no victim (Linux: MMF_INIT_MASK). */
	mm->flags = oldmm->flags & ~MMF_OOM_MASK;
	if (oldmm->exe_file) {
		get_file(oldmm->exe_file);
		mm->exe_file = oldmm->exe_file;
	}
	err = dup_mmap(mm, oldmm);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* Linux: copy_mm. A kernel thread's child has no mm; CLONE_VM shares it. */
static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	if (!oldmm || (current->flags & PF_KTHREAD))
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

/* Wake the vfork parent, if any (Linux: complete_vfork_done). kthread_stop() waits here too. */
static void complete_vfork_done(struct task_struct *tsk)
{
	struct completion *vfork = __atomic_exchange_n(&tsk->vfork_done, NULL, __ATOMIC_ACQ_REL);

	if (vfork)
		complete(vfork);
}

/*
 * Linux: mm_release. A thread that shares its mm tells whoever waits on
 * its tid (pthread_join through the futex) that it is gone by clearing
 * *clear_child_tid; without futexes the store is all we do.
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (mm && atomic_read(&mm->mm_users) > 1 && tsk == current)
			put_user(0, tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	complete_vfork_done(tsk);
}

void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	mm_release(tsk, mm);
}

void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	mm_release(tsk, mm);
}

/* ---- the other shared parts ------------------------------------------------------- */

static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files, *newf;

	tsk->files = NULL;
	if (!oldf)
		return 0;	/* a kernel thread's child: exec (or the caller) sets fds up */
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		tsk->files = oldf;
		return 0;
	}
	newf = dup_fd(oldf);
	if (IS_ERR(newf))
		return PTR_ERR(newf);
	tsk->files = newf;
	return 0;
}

static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (clone_flags & CLONE_FS) {
		/* NULL stands for init_fs, which every kernel thread shares. */
		if (fs) {
			spin_lock(&fs->lock);
			fs->users++;
			spin_unlock(&fs->lock);
		}
		tsk->fs = fs;
		return 0;
	}
	tsk->fs = copy_fs_struct(current_fs());
	return tsk->fs ? 0 : -ENOMEM;
}

static struct sighand_struct *alloc_sighand(const struct sighand_struct *from)
{
	struct sighand_struct *sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	unsigned long flags;

	if (!sig)
		return NULL;
	atomic_set(&sig->count, 1);
	spin_lock_init(&sig->siglock);
	spin_lock_irqsave((spinlock_t *)&from->siglock, flags);
	memcpy(sig->action, from->action, sizeof(sig->action));
	spin_unlock_irqrestore((spinlock_t *)&from->siglock, flags);
	return sig;
}

static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	if (clone_flags & CLONE_SIGHAND) {
		atomic_inc(&current->sighand->count);
		tsk->sighand = current->sighand;
		return 0;
	}
	tsk->sighand = alloc_sighand(current->sighand);
	return tsk->sighand ? 0 : -ENOMEM;
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (atomic_dec_and_test(&sighand->count))
		kmem_cache_free(sighand_cachep, sighand);
}

static struct signal_struct *alloc_signal(const struct signal_struct *from)
{
	struct signal_struct *sig = kmem_cache_alloc(signal_cachep, GFP_KERNEL);

	if (!sig)
		return NULL;
	memset(sig, 0, sizeof(*sig));
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	init_waitqueue_head(&sig->wait_chldexit);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	memcpy(sig->rlim, from->rlim, sizeof(sig->rlim));
	sig->pgrp = from->pgrp;
	sig->session = from->session;
	sig->tty = from->tty;
	/* Linux: copy_signal: orphans look for a subreaper only below one. */
	sig->has_child_subreaper = from->has_child_subreaper || from->is_child_subreaper;
	/* The OOM killer's preference is inherited (Linux: copy_signal). */
	sig->oom_score_adj = from->oom_score_adj;
	sig->oom_score_adj_min = from->oom_score_adj_min;
	return sig;
}

/*
 * The new task's signal_struct, published in tsk->signal only when the
 * task is complete (copy_process, under tasklist_lock): until then
 * find_task_by_vpid() and kill() pass over it (Linux: attach_pid last).
 */
static struct signal_struct *copy_signal(unsigned long clone_flags)
{
	if (clone_flags & CLONE_THREAD) {
		atomic_inc(&current->signal->sigcnt);
		return current->signal;
	}
	return alloc_signal(current->signal);
}

/* Linux: put_signal_struct, from the final put_task_struct. */
static void put_signal_struct(struct signal_struct *sig)
{
	if (sig && sig != &init_signals && atomic_dec_and_test(&sig->sigcnt))
		kmem_cache_free(signal_cachep, sig);
}

/* ---- task structs ------------------------------------------------------------------ */

/*
 * CONFIG_VMAP_STACK (Linux: alloc_thread_stack_node in kernel/fork.c):
 * the kernel stack is THREAD_SIZE of vmalloc space, THREAD_ALIGN-aligned,
 * whose pages need not be contiguous. Every vmalloc area is followed by
 * an unmapped guard page and placed after the previous one's, so the
 * page just below a stack is never mapped: running off the bottom of the
 * stack faults (and, with the stack pointer down there, double-faults
 * onto the #DF IST stack: kernel/traps.c names the task and panics)
 * instead of overwriting whatever lies below. Linux also keeps two freed
 * stacks per CPU for reuse (cached_stacks); we vfree at once. The boot
 * task (init_task, later CPU 0's idle task) stays on boot_stack in the
 * kernel image, whose guard page is boot_stack_guard.
 */
static void *alloc_thread_stack_node(struct task_struct *tsk)
{
	return __vmalloc_node_range(THREAD_SIZE, THREAD_ALIGN, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL, PAGE_KERNEL, 0, -1, __builtin_return_address(0));
}

/*
 * Task structs allocated and not yet freed, stack included, dead ones
 * too: it drops only once put_task_struct() has freed everything.
 */
static atomic_long_t task_structs;

unsigned long nr_task_structs(void)
{
	return atomic_long_read(&task_structs);
}

/*
 * A zeroed task with a stack, a pid and a place on the task list (Linux:
 * dup_task_struct + alloc_pid). One reference. NULL or ERR_PTR.
 */
static struct task_struct *dup_task_struct(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int nr;

	if (!p)
		return ERR_PTR(-ENOMEM);
	p->stack = alloc_thread_stack_node(p);
	if (!p->stack) {
		kfree(p);
		return ERR_PTR(-ENOMEM);
	}
	spin_lock_init(&p->pi_lock);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->pending.list);
	atomic_set(&p->usage, 1);
	p->time_slice = RR_TIMESLICE;
	p->prio = 0;
	cpumask_setall(&p->cpus_mask);
	p->nr_cpus_allowed = cpumask_weight(&p->cpus_mask);
	p->active_mm = &init_mm;
	p->group_leader = p;
	p->start_time = ktime_get_ns();
	/* The pid is chosen and published in one tasklist_lock section (kernel/pid.c). */
	spin_lock(&tasklist_lock);
	nr = alloc_pid_locked();
	if (nr > 0) {
		p->pid = p->tgid = nr;
		list_add_tail(&p->tasks, &task_list);
	}
	spin_unlock(&tasklist_lock);
	if (nr < 0) {
		vfree(p->stack);
		kfree(p);
		return ERR_PTR(nr);
	}
	atomic_long_inc(&task_structs);
	if (nr == 1)
		child_reaper = p;	/* Linux: is_child_reaper() in copy_process */
	return p;
}

/*
 * A bare task for kthread_create() and the idle tasks: no parent (it reaps
 * itself at exit), its own signal state copied from init_task's, default
 * actions, the boot fs (NULL: init_fs), no mm, no files.
 */
struct task_struct *task_alloc(void)
{
	struct task_struct *p = dup_task_struct();
	struct signal_struct *sig;

	if (IS_ERR(p))
		return NULL;
	p->sighand = alloc_sighand(&init_sighand);
	sig = alloc_signal(&init_signals);
	if (!p->sighand || !sig) {
		if (sig)
			put_signal_struct(sig);
		put_task_struct(p);
		return NULL;
	}
	p->exit_signal = 0;
	if (p == child_reaper)
		sig->flags |= SIGNAL_UNKILLABLE;
	spin_lock(&tasklist_lock);
	p->signal = sig;	/* complete: kill() may find it now */
	spin_unlock(&tasklist_lock);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

/* The last reference (Linux: __put_task_struct + free_task). */
void put_task_struct(struct task_struct *p)
{
	if (!atomic_dec_and_test(&p->usage))
		return;
	WARN_ON(p == &init_task);
	spin_lock(&tasklist_lock);
	list_del(&p->tasks);
	spin_unlock(&tasklist_lock);
	if (p->sighand)		/* never released: it never ran or was never reaped */
		__cleanup_sighand(p->sighand);
	put_signal_struct(p->signal);
	free_kthread_struct(p);
	vfree(p->stack);		/* Linux: free_thread_stack() */
	kfree(p);
	atomic_long_dec(&task_structs);
}

/* ---- copy_process ----------------------------------------------------------------------- */

/* Linux's checks of the flag combinations, in its order and with its errors. */
static int check_clone_flags(u64 clone_flags)
{
	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((clone_flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	/* Thread groups must share signals as well, and detached threads can only be started within the group. */
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return -EINVAL;
	/* Shared signal handlers imply shared VM. */
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return -EINVAL;
	/* Siblings of init would not be reaped by anyone. */
	if ((clone_flags & CLONE_PARENT) && (current->signal->flags & SIGNAL_UNKILLABLE))
		return -EINVAL;
	/* Not implemented here: namespaces, pidfds. */
	if (clone_flags & (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |
			   CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_PIDFD))
		return -EINVAL;
	return 0;
}

/*
 * Make the new task (Linux: copy_process). It is not yet runnable:
 * kernel_clone() wakes it. Returns the task with its two references
 * (its own and its parent's), or ERR_PTR.
 */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct signal_struct *sig;
	struct task_struct *p;
	int err;

	err = check_clone_flags(clone_flags);
	if (err)
		return ERR_PTR(err);
	p = dup_task_struct();
	if (IS_ERR(p))
		return p;
	memcpy(p->comm, current->comm, sizeof(p->comm));
	if (args->name)
		strscpy(p->comm, args->name, sizeof(p->comm));
	p->flags = (current->flags & ~(PF_IDLE | PF_EXITING | PF_KTHREAD | PF_SIGNALED |
				       PF_NO_SETAFFINITY)) | PF_FORKNOEXEC;
	if (args->kthread)
		p->flags |= PF_KTHREAD;
	if (args->io_thread)
		p->flags |= PF_USER_WORKER;
	/* Linux: TASK_NEW; nobody knows of it yet, only wake_up_new_task wakes it. */
	p->__state = TASK_UNINTERRUPTIBLE;
	p->cpu = raw_smp_processor_id();
	if (!(current->flags & PF_KTHREAD)) {
		p->cpus_mask = current->cpus_mask;	/* affinity is inherited */
		p->nr_cpus_allowed = current->nr_cpus_allowed;
	}
	p->blocked = current->blocked;
	p->atomic_flags = current->atomic_flags;	/* no_new_privs sticks (pdeath_signal does not) */
	p->nice = current->nice;			/* inherited, as Linux's static_prio */
	p->real_blocked = current->real_blocked;
	/* Linux: a CLONE_VM child that is no vfork child must not share the signal stack. */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	}
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ? args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ? args->child_tid : NULL;

	err = copy_files(clone_flags, p);
	if (err)
		goto bad_fork_cleanup;
	err = copy_fs(clone_flags, p);
	if (err)
		goto bad_fork_cleanup_files;
	err = copy_sighand(clone_flags, p);
	if (err)
		goto bad_fork_cleanup_fs;
	sig = copy_signal(clone_flags);
	err = -ENOMEM;
	if (!sig)
		goto bad_fork_cleanup_sighand;
	err = copy_mm(clone_flags, p);
	if (err)
		goto bad_fork_cleanup_signal;
	err = copy_thread(p, args);
	if (err)
		goto bad_fork_cleanup_mm;

	/* The parent's reference, dropped by release_task() (Linux: rcu_users). */
	get_task_struct(p);
	spin_lock(&tasklist_lock);
	/*
	 * A fatal signal or a group exit came for us meanwhile: the child must
	 * not outlive it (a new thread would escape zap_other_threads). Both
	 * are set under tasklist_lock, so this test cannot miss them.
	 */
	if (unlikely(fatal_signal_pending(current) ||
		     (current->signal->flags & SIGNAL_GROUP_EXIT))) {
		spin_unlock(&tasklist_lock);
		put_task_struct(p);
		err = -EINTR;
		goto bad_fork_cleanup_mm;
	}
	if (clone_flags & CLONE_THREAD) {
		p->exit_signal = -1;
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		sig->nr_threads++;
		atomic_inc(&sig->live);
	} else {
		p->exit_signal = args->exit_signal;
	}
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->real_parent;
	else
		p->real_parent = current;
	p->parent = p->real_parent;
	/* A thread is no child of anyone: only thread-group leaders are waited for. */
	if (p == p->group_leader && p->real_parent)
		list_add_tail(&p->sibling, &p->real_parent->children);
	if (p == child_reaper)
		sig->flags |= SIGNAL_UNKILLABLE;
	p->signal = sig;	/* complete: find_task_by_vpid() and kill() see it now */
	spin_unlock(&tasklist_lock);
	count_vm_event(NR_FORKS);
	return p;

bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
	p->mm = NULL;
bad_fork_cleanup_signal:
	put_signal_struct(sig);
bad_fork_cleanup_sighand:
	/* put_task_struct() below drops p->sighand. */
bad_fork_cleanup_fs:
	exit_fs(p);
bad_fork_cleanup_files:
	exit_files(p);
bad_fork_cleanup:
	exit_thread(p);
	if (p == child_reaper)
		child_reaper = NULL;
	p->exit_state = EXIT_DEAD;	/* the pid is free again */
	put_task_struct(p);
	return ERR_PTR(err);
}

/* Wait for a vfork child to exec or exit (Linux: wait_for_vfork_done). */
static void wait_for_vfork_done(struct task_struct *child, struct completion *vfork)
{
	wait_for_completion(vfork);
	put_task_struct(child);
}

/*
 * The fork family's common body (Linux: kernel_clone): make the task, wake
 * it, report its pid. Returns the pid in the caller's namespace, or -errno.
 */
pid_t kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = p->pid;
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);	/* Linux ignores a fault here too */
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

/* A task that starts in fn(arg) and may kernel_execve() into user space. */
pid_t user_mode_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = ((flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal = (flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/* A kernel thread made the Linux way (kernel_thread); kthread_create builds its own. */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = ((flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL),
		.exit_signal = (flags & CSIGNAL),
		.fn = fn,
		.fn_arg = arg,
		.name = name,
		.kthread = 1,
	};

	return kernel_clone(&args);
}

/* ---- system calls ----------------------------------------------------------------------- */

SYSCALL_DEFINE_REGS(fork)
{
	struct kernel_clone_args args = {
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE_REGS(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/* x86-64's argument order: flags, newsp, parent_tidptr, child_tidptr, tls. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
{
	struct kernel_clone_args args = {
		.flags = ((u32)clone_flags & ~CSIGNAL),
		.pidfd = parent_tidptr,
		.child_tid = child_tidptr,
		.parent_tid = parent_tidptr,
		.exit_signal = ((u32)clone_flags & CSIGNAL),
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(&args);
}

/* set_tid_address: clear *tidptr at exit; returns the caller's tid. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}
