// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler core (Linux: kernel/sched/core.c).
 *
 * Each CPU has a run queue (struct rq): its current task, its idle task
 * and a FIFO of runnable tasks waiting for the CPU. The policy is
 * round-robin with a time slice (RR_TIMESLICE ticks), Linux's SCHED_RR
 * without priorities' preemption subtleties: a task runs until it sleeps,
 * yields, or uses up its slice while others wait, then goes to the back
 * of the line. We chose it over CFS because it is a dozen lines a student
 * can check against a trace, and fairness for equal tasks is the same.
 *
 * Placement and balance: a woken task goes to the least loaded CPU it is
 * allowed on (select_task_rq); an idle CPU pulls a waiting task from the
 * busiest one (idle_balance). So N runnable tasks spread over N CPUs.
 *
 * Switching: __schedule() picks the next task under the rq lock and
 * context_switch() swaps stacks (__switch_to_asm, kernel/entry_64.S);
 * the next task releases the lock in finish_task_switch(), exactly as in
 * Linux. A task going to sleep sets its state first and is taken off the
 * run queue in __schedule(); try_to_wake_up() puts it back, on any CPU,
 * once it is fully off its old one (p->on_cpu).
 *
 * Preemption (preempt=none|voluntary|full, default full): with full, a
 * reschedule request preempts kernel code at preempt_enable() and on
 * return from an interrupt; with none, only explicit schedule points
 * (schedule, cond_resched, sleeping) switch; voluntary adds might_sleep()
 * as such a point. Left out: CFS and its vruntime tree, priorities beyond
 * ordering, sched classes, cgroups, NUMA balancing, proper load tracking.
 */
#include <asm/irqflags.h>
#include <asm/page.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmstat.h>
#include <linux/wait.h>

#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);
DEFINE_PER_CPU(unsigned int, __preempt_count) = PREEMPT_ENABLED | PREEMPT_DISABLE_OFFSET;

struct cpumask __cpu_online_mask;
enum preempt_model preempt_model = PREEMPT_MODEL_FULL;
unsigned long might_sleep_reports;
LIST_HEAD(task_list);
DEFINE_SPINLOCK(tasklist_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static bool scheduler_running;

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void ret_from_fork_asm(void);

/* ---- preemption model -------------------------------------------------- */

static int setup_preempt_mode(char *str)
{
	if (!str)
		return 0;
	if (!strcmp(str, "none"))
		preempt_model = PREEMPT_MODEL_NONE;
	else if (!strcmp(str, "voluntary"))
		preempt_model = PREEMPT_MODEL_VOLUNTARY;
	else if (!strcmp(str, "full"))
		preempt_model = PREEMPT_MODEL_FULL;
	else
		return 0;	/* reported as malformed */
	return 1;
}
__setup("preempt=", setup_preempt_mode);

static const char *const preempt_model_names[] = { "none", "voluntary", "full" };

/* ---- run queues ------------------------------------------------------------- */

static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(p->cpu));

		spin_lock(&rq->lock);
		if (rq == cpu_rq(READ_ONCE(p->cpu)))
			return rq;
		spin_unlock(&rq->lock);
	}
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
}

static void activate_task(struct rq *rq, struct task_struct *p)
{
	enqueue_task(rq, p);
	WRITE_ONCE(p->on_rq, 1);
	rq->nr_running++;
}

const char *current_comm(void)
{
	return current->comm;
}

unsigned int nr_running_on(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

/* Ask the CPU running rq->curr to reschedule (Linux: resched_curr). */
static void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_need_resched(curr))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu == smp_processor_id())
		set_preempt_need_resched();
	else
		smp_send_reschedule(rq->cpu);
}

/* The IPI side of resched_curr: fold the task's flag into preempt_count. */
void scheduler_ipi(void)
{
	if (test_tsk_need_resched(current))
		set_preempt_need_resched();
}

/* Least loaded online CPU p may run on; ties keep p where it was. */
static int select_task_rq(struct task_struct *p)
{
	int best = -1;
	unsigned int cpu, best_load = ~0U;

	for_each_online_cpu(cpu) {
		unsigned int load;

		if (!cpumask_test_cpu(cpu, &p->cpus_mask))
			continue;
		load = nr_running_on(cpu);
		if (load < best_load || (load == best_load && cpu == p->cpu)) {
			best = cpu;
			best_load = load;
		}
	}
	/* None allowed is online (set_cpus_allowed_ptr refuses such masks): stay here. */
	return best >= 0 ? best : smp_processor_id();
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	struct rq *rq;
	int ret = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (!(READ_ONCE(p->__state) & state))
		goto out;
	if (READ_ONCE(p->on_rq)) {
		/* Not yet off its run queue: just mark it running again. */
		rq = task_rq_lock(p);
		if (p->on_rq) {
			WRITE_ONCE(p->__state, TASK_RUNNING);
			spin_unlock(&rq->lock);
			ret = 1;
			goto out;
		}
		spin_unlock(&rq->lock);
	}
	/* It may still be switching out on its old CPU: wait for that. */
	while (__atomic_load_n(&p->on_cpu, __ATOMIC_ACQUIRE))
		cpu_relax();
	rq = cpu_rq(select_task_rq(p));
	spin_lock(&rq->lock);
	WRITE_ONCE(p->cpu, rq->cpu);
	WRITE_ONCE(p->__state, TASK_RUNNING);
	activate_task(rq, p);
	if (rq->curr == rq->idle || p->prio < rq->curr->prio)
		resched_curr(rq);
	spin_unlock(&rq->lock);
	ret = 1;
out:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return ret;
}

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

/* ---- switching ------------------------------------------------------------------ */

/* Called on the new task's stack once the switch is done. */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = READ_ONCE(prev->__state);

	/* From here on another CPU may pick prev up (see wake_up_state). */
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);	/* prev's rq lock is ours now */
	spin_unlock_irq(&rq->lock);
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
	else if (prev->migrate_pending) {
		prev->migrate_pending = false;
		wake_up_state(prev, TASK_UNINTERRUPTIBLE);
	}
}

/* C half of the stack switch (Linux: __switch_to in process_64.c). */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	this_cpu_write(current_task, next);
	return prev;
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	WRITE_ONCE(next->on_cpu, 1);
	this_cpu_inc(vm_event_states[NR_CONTEXT_SWITCHES]);
	/* next unlocks rq->lock (Linux: prepare_lock_switch): hand it over in lockdep too. */
	spin_release(&rq->lock.dep_map, _THIS_IP_);
	rq->lock.owner = next;
	prev = __switch_to_asm(prev, next);
	/* Now running as next; prev is the task we came from. */
	finish_task_switch(prev);
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *p;

	if (list_empty(&rq->queue))
		return rq->idle;
	p = list_first_entry(&rq->queue, struct task_struct, run_list);
	list_del(&p->run_list);
	return p;
}

/* Linux: schedule_debug(): switching with a lock held would hand it to the next task. */
static void schedule_debug(struct task_struct *prev)
{
	if (unlikely(preempt_count() != PREEMPT_DISABLE_OFFSET)) {
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
		       preempt_count());
		dump_stack();
		preempt_count_set(PREEMPT_DISABLE_OFFSET);
	}
}

static void __schedule(bool preempt)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = rq->curr, *next;

	schedule_debug(prev);
	local_irq_disable();
	spin_lock(&rq->lock);
	clear_tsk_need_resched(prev);
	clear_preempt_need_resched();

	if (!preempt && READ_ONCE(prev->__state) != TASK_RUNNING) {
		/* Going to sleep (or dying): off the run queue. */
		WRITE_ONCE(prev->on_rq, 0);
		rq->nr_running--;
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		enqueue_task(rq, prev);		/* round robin: back of the line */
		if (preempt)
			prev->nivcsw++;
	}
	next = pick_next_task(rq);
	if (next == prev) {
		spin_unlock_irq(&rq->lock);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	context_switch(rq, prev, next);
}

void schedule(void)
{
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/* The idle task runs with preemption disabled and calls this. */
void schedule_idle(void)
{
	do {
		__schedule(false);
	} while (need_resched());
}

static bool preemptible(void)
{
	return preempt_count() == 0 && !irqs_disabled();
}

/* preempt_enable() hit 0 with a reschedule pending. */
void preempt_schedule(void)
{
	if (!preempt_model_full() || !preemptible() || !scheduler_running)
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/* Return from an interrupt to preemptible kernel code with a reschedule pending. */
void preempt_schedule_irq(void)
{
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

/* An explicit preemption point, for every model (Linux: __cond_resched). */
int __cond_resched(void)
{
	if (!need_resched() || !preemptible() || !scheduler_running)
		return 0;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
	return 1;
}

/* preempt=voluntary turns might_sleep() into a preemption point. */
void might_resched(void)
{
	if (preempt_model == PREEMPT_MODEL_VOLUNTARY)
		__cond_resched();
}

void yield(void)
{
	set_tsk_need_resched(current);
	set_preempt_need_resched();
	__cond_resched();
}

void __might_sleep(const char *file, int line)
{
	if (scheduler_running && (preempt_count() || irqs_disabled())) {
		might_sleep_reports++;
		pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
		pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
		       in_atomic(), irqs_disabled(), current->pid, current->comm);
		pr_err("preempt_count: %x, expected: 0\n", preempt_count());
		dump_stack();
		return;
	}
	might_resched();
}

/* ---- time slices and balancing ---------------------------------------------------- */

/* Every tick, on every CPU (Linux: scheduler_tick -> task_tick_rt). */
void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr != rq->idle && --curr->time_slice <= 0) {
		curr->time_slice = RR_TIMESLICE;
		if (!list_empty(&rq->queue))
			resched_curr(rq);
	}
	spin_unlock(&rq->lock);
}

/* Lock two run queues in CPU order so two CPUs never deadlock. */
static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a->cpu < b->cpu) {
		spin_lock(&a->lock);
		spin_lock_nested(&b->lock, SINGLE_DEPTH_NESTING);
	} else {
		spin_lock(&b->lock);
		spin_lock_nested(&a->lock, SINGLE_DEPTH_NESTING);
	}
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* An idle CPU takes a waiting task from the busiest CPU (Linux: newidle_balance). */
static bool idle_balance(struct rq *this)
{
	struct rq *busiest = NULL;
	struct task_struct *p;
	unsigned int cpu, most = 1;
	bool moved = false;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		if (rq != this && READ_ONCE(rq->nr_running) > most) {
			most = rq->nr_running;
			busiest = rq;
		}
	}
	if (!busiest)
		return false;
	double_rq_lock(this, busiest);
	list_for_each_entry(p, &busiest->queue, run_list) {
		if (!cpumask_test_cpu(this->cpu, &p->cpus_mask))
			continue;
		list_del(&p->run_list);
		busiest->nr_running--;
		WRITE_ONCE(p->cpu, this->cpu);
		enqueue_task(this, p);
		this->nr_running++;
		moved = true;
		break;
	}
	double_rq_unlock(this, busiest);
	return moved;
}

/* ---- the idle loop ------------------------------------------------------------------ */

/* Each CPU's last task: pull work, else halt until an interrupt (Linux: do_idle). */
void cpu_startup_entry(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		/* Run-queue locks are only ever taken with interrupts off: the tick takes them too. */
		local_irq_disable();
		if (list_empty(&rq->queue) && idle_balance(rq)) {
			set_tsk_need_resched(current);
			set_preempt_need_resched();
		}
		if (need_resched()) {
			local_irq_enable();
			schedule_idle();
			continue;
		}
		/* sti; hlt: no interrupt can slip in between the check and the halt. */
		__asm__ __volatile__("sti; hlt" : : : "memory");
	}
}

/* ---- tasks --------------------------------------------------------------------------- */

struct task_struct *task_alloc(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = (void *)__get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	spin_lock_init(&p->pi_lock);
	INIT_LIST_HEAD(&p->run_list);
	atomic_set(&p->usage, 1);
	p->time_slice = RR_TIMESLICE;
	p->prio = 0;
	cpumask_setall(&p->cpus_mask);
	p->pid = atomic_fetch_inc(&next_pid);
	spin_lock(&tasklist_lock);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock(&tasklist_lock);
	return p;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	if (!atomic_dec_and_test(&p->usage))
		return;
	spin_lock(&tasklist_lock);
	list_del(&p->tasks);
	spin_unlock(&tasklist_lock);
	free_pages((unsigned long)p->stack, get_order(THREAD_SIZE));
	kfree(p);
}

/*
 * Make p's first switch-in land in ret_from_fork_asm: a stack that looks
 * as if p had called __switch_to_asm itself (Linux: copy_thread and
 * struct inactive_task_frame).
 */
void task_setup_first_switch(struct task_struct *p)
{
	unsigned long *sp = (unsigned long *)((char *)p->stack + THREAD_SIZE);

	*--sp = 0;				/* end of the backtrace */
	*--sp = (unsigned long)ret_from_fork_asm;
	for (int i = 0; i < 6; i++)
		*--sp = 0;			/* rbp, rbx, r12-r15 */
	p->thread.sp = (unsigned long)sp;
}

/* The first C a new task runs (Linux: schedule_tail + ret_from_fork). */
void ret_from_fork(struct task_struct *prev);
void ret_from_fork(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
	do_exit(current->threadfn(current->data));
}

void do_exit(int code)
{
	struct task_struct *tsk = current;

	tsk->exit_code = code;
	if (tsk->vfork_done)
		complete(tsk->vfork_done);
	preempt_disable();
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	__schedule(false);
	BUG();		/* a dead task is never switched back in */
}

/*
 * Change where p may run. If current is now on a forbidden CPU it leaves
 * at once: it goes off the run queue as if sleeping, and the task that
 * switches in wakes it up again (finish_task_switch), which places it on
 * an allowed CPU. Another task moves at its next wakeup.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	unsigned long flags;

	if (!(mask->bits & cpu_online_mask->bits))
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	p->cpus_mask = *mask;
	spin_unlock_irqrestore(&p->pi_lock, flags);
	if (p == current && !cpumask_test_cpu(smp_processor_id(), mask)) {
		p->migrate_pending = true;
		set_current_state(TASK_UNINTERRUPTIBLE);
		schedule();
	}
	return 0;
}

/* ---- boot ------------------------------------------------------------------------------ */

void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->__state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->cpu = cpu;
	idle->on_cpu = 1;
	idle->on_rq = 1;
	cpumask_clear(&idle->cpus_mask);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	rq->idle = idle;
	rq->curr = idle;
}

void sched_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		rq->nr_running = 0;
		rq->cpu = cpu;
	}
	spin_lock_init(&init_task.pi_lock);
	INIT_LIST_HEAD(&init_task.run_list);
	atomic_set(&init_task.usage, 1);
	spin_lock(&tasklist_lock);
	list_add_tail(&init_task.tasks, &task_list);
	spin_unlock(&tasklist_lock);
	init_idle(&init_task, 0);
	cpumask_set_cpu(0, cpu_online_mask);
	scheduler_running = true;
	pr_info("Dynamic Preempt: %s\n", preempt_model_names[preempt_model]);
	pr_info("sched: round-robin, %d ms time slice, HZ=%d\n", RR_TIMESLICE * 1000 / HZ, HZ);
}
