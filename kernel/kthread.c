// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (Linux: kernel/kthread.c).
 *
 * kthread_create() makes a task that starts life asleep
 * (TASK_UNINTERRUPTIBLE, on no run queue) with a stack prepared so that
 * its first switch-in lands in ret_from_fork(), which calls kthread():
 * wake_up_process() (or kthread_run) lets it go, and kthread() runs
 * threadfn(data) unless kthread_stop() came first. Linux creates every
 * kthread from kthreadd; we build it directly.
 *
 * Each kthread has a struct kthread (p->worker_private), as in Linux,
 * holding its `exited` completion, and p->vfork_done points at it from
 * creation: do_exit() completes it whenever the thread exits, so
 * kthread_stop() finds the thread finished whether it exits later, at the
 * same moment, or exited long ago. kthread_stop() holds a reference on the
 * task_struct while it waits. The task_struct (and its struct kthread) is
 * freed when the last reference goes: the scheduler drops the thread's own
 * one after its final switch-out, so a thread nobody stops frees itself.
 * A caller that kthread_stop()s a thread which may exit by itself must
 * hold a reference from before the thread can exit (get_task_struct()),
 * exactly Linux's rule. Left out: kthreadd, parking, kthread workers.
 */
#include <asm/page.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/wait.h>

struct kthread {
	unsigned long flags;		/* KTHREAD_* bits */
	int result;			/* what threadfn returned, for kthread_stop() */
	int (*threadfn)(void *data);
	void *data;
	struct completion exited;	/* p->vfork_done points here */
	struct task_struct *task;
};

enum KTHREAD_BITS {
	KTHREAD_SHOULD_STOP,
};

static struct kthread *to_kthread(struct task_struct *k)
{
	return (k->flags & PF_KTHREAD) ? k->worker_private : NULL;
}

/* Called when the task_struct is freed (Linux: free_task). */
void free_kthread_struct(struct task_struct *k)
{
	struct kthread *kthread = to_kthread(k);

	k->worker_private = NULL;
	kfree(kthread);
}

bool kthread_should_stop(void)
{
	return __atomic_load_n(&to_kthread(current)->flags, __ATOMIC_ACQUIRE) &
	       (1UL << KTHREAD_SHOULD_STOP);
}

/* End the current kthread; kthread_stop() returns result. */
void __noreturn kthread_exit(long result)
{
	to_kthread(current)->result = result;
	do_exit(0);
}

/* What every kthread runs first (Linux: kthread()). */
static int kthread(void *data)
{
	struct kthread *self = data;
	int ret = -EINTR;

	/* kthread_stop() before the first wakeup: threadfn never runs. */
	if (!kthread_should_stop())
		ret = self->threadfn(self->data);
	kthread_exit(ret);
}

static struct task_struct *__kthread_create(int (*threadfn)(void *), void *data, int cpu,
					    const char *namefmt, va_list args)
{
	struct task_struct *p = task_alloc();
	struct kthread *self;

	if (!p)
		return ERR_PTR(-ENOMEM);
	self = kzalloc(sizeof(*self), GFP_KERNEL);
	if (!self) {
		put_task_struct(p);
		return ERR_PTR(-ENOMEM);
	}
	self->threadfn = threadfn;
	self->data = data;
	self->task = p;
	init_completion(&self->exited);
	vsnprintf(p->comm, sizeof(p->comm), namefmt, args);
	p->flags = PF_KTHREAD;
	p->worker_private = self;
	p->vfork_done = &self->exited;		/* Linux: set_kthread_struct() */
	p->threadfn = kthread;			/* what ret_from_fork() calls */
	p->data = self;
	p->__state = TASK_UNINTERRUPTIBLE;
	/* Only a starting point: the first wakeup places it (select_task_rq). */
	p->cpu = raw_smp_processor_id();
	if (cpu >= 0)
		kthread_bind(p, cpu);
	task_setup_first_switch(p);
	return p;
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct task_struct *p;
	va_list args;

	va_start(args, namefmt);
	p = __kthread_create(threadfn, data, -1, namefmt, args);
	va_end(args);
	return p;
}

/* A thread that only ever runs on cpu (Linux: kthread_create_on_cpu). */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, int cpu,
					  const char *namefmt, ...)
{
	struct task_struct *p;
	va_list args;

	va_start(args, namefmt);
	p = __kthread_create(threadfn, data, cpu, namefmt, args);
	va_end(args);
	return p;
}

/*
 * Pin a not yet started thread to one CPU, which need not be online
 * (Linux: kthread_bind). If it is not online when the thread is woken,
 * the wakeup falls back to other CPUs (select_fallback_rq).
 */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	struct cpumask mask;
	unsigned long flags;

	cpumask_clear(&mask);
	cpumask_set_cpu(cpu, &mask);
	spin_lock_irqsave(&p->pi_lock, flags);
	do_set_cpus_allowed(p, &mask);
	p->flags |= PF_NO_SETAFFINITY;
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/*
 * Ask k to stop, wait until it has exited, return what threadfn returned
 * (-EINTR if k was never woken: then threadfn does not run at all).
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kthread;
	int ret;

	get_task_struct(k);
	kthread = to_kthread(k);
	__atomic_or_fetch(&kthread->flags, 1UL << KTHREAD_SHOULD_STOP, __ATOMIC_SEQ_CST);
	wake_up_process(k);
	wait_for_completion(&kthread->exited);
	ret = kthread->result;
	put_task_struct(k);
	return ret;
}
