// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (Linux: kernel/kthread.c).
 *
 * kthread_create() makes a task that starts life asleep
 * (TASK_UNINTERRUPTIBLE, on no run queue) with a stack prepared so that
 * its first switch-in lands in ret_from_fork() and calls threadfn(data);
 * wake_up_process() (or kthread_run) lets it go. When threadfn returns,
 * the thread exits and the task is freed by whoever switches in after
 * it. Linux creates every kthread from kthreadd; we build it directly.
 */
#include <asm/page.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/wait.h>

static struct task_struct *__kthread_create(int (*threadfn)(void *), void *data, int cpu,
					    const char *namefmt, va_list args)
{
	struct task_struct *p = task_alloc();

	if (!p)
		return ERR_PTR(-ENOMEM);
	vsnprintf(p->comm, sizeof(p->comm), namefmt, args);
	p->flags = PF_KTHREAD;
	p->threadfn = threadfn;
	p->data = data;
	p->__state = TASK_UNINTERRUPTIBLE;
	p->cpu = cpu >= 0 ? cpu : smp_processor_id();
	if (cpu >= 0) {
		cpumask_clear(&p->cpus_mask);
		cpumask_set_cpu(cpu, &p->cpus_mask);
		p->flags |= PF_NO_SETAFFINITY;
	}
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

/* Pin a not yet started thread to one CPU. */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	cpumask_clear(&p->cpus_mask);
	cpumask_set_cpu(cpu, &p->cpus_mask);
	p->cpu = cpu;
	p->flags |= PF_NO_SETAFFINITY;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}

/* Ask k to stop, wait until it has exited, return what threadfn returned. */
int kthread_stop(struct task_struct *k)
{
	struct completion done;
	int ret;

	init_completion(&done);
	get_task_struct(k);
	k->vfork_done = &done;
	WRITE_ONCE(k->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&done);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}
