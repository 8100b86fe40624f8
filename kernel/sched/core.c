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
 * Placement and balance: a woken task goes to the least loaded online CPU
 * it is allowed on (select_task_rq); if none of its CPUs is online, its
 * mask is widened to every possible CPU first (select_fallback_rq). An
 * idle CPU pulls a waiting task it may run from the busiest one
 * (idle_balance). So N runnable tasks spread over N CPUs.
 *
 * Affinity: set_cpus_allowed_ptr() returns only once the task is on no
 * forbidden CPU. A queued task is moved to an allowed run queue at once
 * (move_queued_task); a running one is asked to reschedule, is pushed to
 * an allowed CPU as it switches out (__schedule, finish_task_switch) and
 * the caller waits for that. Linux pushes it with the CPU's stopper
 * thread (migration_cpu_stop); the effect is the same.
 *
 * Switching: __schedule() picks the next task under the rq lock and
 * context_switch() swaps stacks (__switch_to_asm, kernel/entry_64.S);
 * the next task releases the lock in finish_task_switch(), exactly as in
 * Linux. A task going to sleep sets its state first and is taken off the
 * run queue in __schedule(); try_to_wake_up() puts it back, on any CPU,
 * once it is fully off its old one (p->on_cpu). Holding a run queue's
 * lock, a task of that queue is exactly one of: running there (rq->curr,
 * on_cpu), waiting in rq->queue, asleep (!on_rq), or on its way to
 * another queue (TASK_ON_RQ_MIGRATING; task_rq_lock() waits that out).
 *
 * Preemption (preempt=none|voluntary|full, default full): with full, a
 * reschedule request preempts kernel code at preempt_enable() and on
 * return from an interrupt; with none, only explicit schedule points
 * (schedule, cond_resched, sleeping) switch; voluntary adds might_sleep()
 * as such a point; cond_resched() does nothing under full (Linux's
 * dynamic preemption), where interrupts preempt anyway. Left out: CFS and
 * its vruntime tree, priorities beyond ordering, sched classes, cgroups,
 * NUMA balancing, proper load tracking, CPU hotplug.
 */
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/tlbflush.h>
#include <linux/vmalloc.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
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
bool scheduler_running;
enum system_states system_state;	/* SYSTEM_BOOTING until rest_init() */

struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

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

/*
 * Lock the run queue p is on, with p->pi_lock held and interrupts off
 * (Linux: __task_rq_lock). A task between two queues belongs to neither:
 * wait until it has arrived. The wait is short and cannot deadlock: the
 * mover is either move_queued_task(), which holds p->pi_lock itself (so
 * nobody is waiting here), or finish_task_switch() on another CPU, which
 * needs neither p->pi_lock nor this CPU and keeps its interrupts off.
 */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = cpu_rq(task_cpu(p));

		spin_lock(&rq->lock);
		if (rq == cpu_rq(task_cpu(p)) &&
		    __atomic_load_n(&p->on_rq, __ATOMIC_ACQUIRE) != TASK_ON_RQ_MIGRATING)
			return rq;
		spin_unlock(&rq->lock);
		while (__atomic_load_n(&p->on_rq, __ATOMIC_ACQUIRE) == TASK_ON_RQ_MIGRATING)
			cpu_relax();
	}
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
}

static void activate_task(struct rq *rq, struct task_struct *p)
{
	enqueue_task(rq, p);
	__atomic_store_n(&p->on_rq, TASK_ON_RQ_QUEUED, __ATOMIC_RELEASE);
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
	if (rq->cpu == (int)smp_processor_id())
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

/* A task that just arrived on rq: run it now if rq has nothing better to do. */
static void check_preempt_curr(struct rq *rq, struct task_struct *p)
{
	if (rq->curr == rq->idle || p->prio < rq->curr->prio)
		resched_curr(rq);
}

/* ---- placement and affinity ---------------------------------------------------- */

/* Linux: is_cpu_allowed(). */
static bool is_cpu_allowed(struct task_struct *p, unsigned int cpu)
{
	return cpumask_test_cpu(cpu, &p->cpus_mask) && cpu_online(cpu);
}

/*
 * Set p's mask; p->pi_lock held, and p's rq lock if p is on a run queue.
 * select_fallback_rq() also calls it for p in transit (TASK_ON_RQ_MIGRATING),
 * which keeps every other writer out in task_rq_lock().
 */
void do_set_cpus_allowed(struct task_struct *p, const struct cpumask *mask)
{
	p->cpus_mask = *mask;
	p->nr_cpus_allowed = cpumask_weight(mask);
}

/* Least loaded allowed online CPU, ties keep p where it was; -1 if none. */
static int least_loaded_allowed_cpu(struct task_struct *p)
{
	unsigned int cpu, best_load = ~0U;
	int best = -1;

	for_each_online_cpu(cpu) {
		unsigned int load;

		if (!cpumask_test_cpu(cpu, &p->cpus_mask))
			continue;
		load = nr_running_on(cpu);
		if (load < best_load || (load == best_load && cpu == task_cpu(p))) {
			best = cpu;
			best_load = load;
		}
	}
	return best;
}

/*
 * None of p's CPUs is online (a thread bound to a CPU that is not up):
 * give it every possible CPU, as Linux's select_fallback_rq does once its
 * cpuset fallback fails. Linux reports it for user tasks only, since a
 * kernel thread never leaves the kernel anyway.
 */
static int select_fallback_rq(int cpu, struct task_struct *p)
{
	struct cpumask possible;
	unsigned int c;

	cpumask_clear(&possible);
	for_each_possible_cpu(c)
		cpumask_set_cpu(c, &possible);
	do_set_cpus_allowed(p, &possible);
	if (p->mm)
		printk(KERN_INFO "process %d (%s) no longer affine to cpu%d\n", p->pid, p->comm,
		       cpu);
	return least_loaded_allowed_cpu(p);
}

/*
 * Where p should run (Linux: select_task_rq). Called with p->pi_lock held
 * for a waking task, or for a task in transit (TASK_ON_RQ_MIGRATING, when
 * nobody else may change its mask).
 */
static int select_task_rq(struct task_struct *p)
{
	int cpu = least_loaded_allowed_cpu(p);

	if (unlikely(cpu < 0))
		cpu = select_fallback_rq(task_cpu(p), p);
	return cpu;
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
	check_preempt_curr(rq, p);
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

/*
 * set_cpus_allowed_ptr() callers waiting for a running task to leave a
 * CPU it may no longer use (Linux: struct set_affinity_pending). They sit
 * on the callers' stacks, chained from p->migration_pending.
 */
struct set_affinity_pending {
	struct completion done;
	struct set_affinity_pending *next;
};

/*
 * prev was running on a CPU its new mask forbids and __schedule() took it
 * off this run queue (TASK_ON_RQ_MIGRATING): now that it is off the CPU,
 * queue it on an allowed one. Interrupts are off, so nothing on this CPU
 * can wait for it in task_rq_lock() meanwhile.
 */
static void push_task_off(struct task_struct *p)
{
	struct rq *dest = cpu_rq(select_task_rq(p));

	spin_lock(&dest->lock);
	WRITE_ONCE(p->cpu, dest->cpu);
	activate_task(dest, p);
	check_preempt_curr(dest, p);
	spin_unlock(&dest->lock);
}

/* Called on the new task's stack once the switch is done. */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	long prev_state = READ_ONCE(prev->__state);
	bool push = READ_ONCE(prev->on_rq) == TASK_ON_RQ_MIGRATING;
	struct set_affinity_pending *pending = prev->migration_pending;

	prev->migration_pending = NULL;
	/* From here on another CPU may pick prev up (see wake_up_state). */
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
	spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);	/* prev's rq lock is ours now */
	spin_unlock(&rq->lock);
	if (push)
		push_task_off(prev);
	local_irq_enable();
	/* prev is on no forbidden CPU now: asleep, dead, or queued where allowed. */
	while (pending) {
		struct set_affinity_pending *next = pending->next;

		complete(&pending->done);	/* its owner may return at once */
		pending = next;
	}
	if (prev_state == TASK_DEAD)
		put_task_struct(prev);
}

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	WRITE_ONCE(next->on_cpu, 1);
	this_cpu_inc(vm_event_states[NR_CONTEXT_SWITCHES]);
	/* next unlocks rq->lock (Linux: prepare_lock_switch): hand it over in lockdep too. */
	spin_release(&rq->lock.dep_map, _THIS_IP_);
	rq->lock.owner = next;
	/*
	 * Linux: switch_mm_irqs_off() unless next is a kernel thread in lazy
	 * TLB mode. Here a task without an mm runs on init_mm (mm/tlb.c).
	 */
	next->active_mm = next->mm ? next->mm : &init_mm;
	switch_mm_irqs_off(prev->active_mm, next->active_mm, next);
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
		if (unlikely(!is_cpu_allowed(prev, rq->cpu))) {
			/* Its mask changed while it ran: finish_task_switch() moves it. */
			__atomic_store_n(&prev->on_rq, TASK_ON_RQ_MIGRATING, __ATOMIC_RELEASE);
			rq->nr_running--;
		} else {
			enqueue_task(rq, prev);	/* round robin: back of the line */
		}
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

/*
 * An explicit preemption point (Linux: __cond_resched). cond_resched()
 * calls it under preempt=none and voluntary; yield() under every model.
 */
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

/*
 * As Linux, quiet while the boot CPU still builds the first tasks with
 * preemption off (SYSTEM_BOOTING) and once an oops is in progress.
 */
void __might_sleep(const char *file, int line)
{
	if (system_state == SYSTEM_BOOTING || READ_ONCE(oops_in_progress))
		return;
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

/*
 * The scheduler's part of a new task's first switch-in (Linux:
 * schedule_tail), called from ret_from_fork (kernel/process_64.c): finish
 * the switch, and for CLONE_CHILD_SETTID store the tid where the child
 * asked for it, in its own address space.
 */
void schedule_tail(struct task_struct *prev);
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable();
	if (current->set_child_tid)
		put_user(current->pid, current->set_child_tid);
}

/*
 * The end of do_exit() (Linux: do_task_dead). A wakeup that matched our
 * old state (say kthread_stop() found us TASK_INTERRUPTIBLE just before we
 * saw kthread_should_stop()) holds pi_lock until it is done; a plain store
 * could slip in under it, and the wakeup would then queue a dead task
 * (Linux: set_special_state). finish_task_switch() on the next task drops
 * the task's own reference.
 */
void do_task_dead(void)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	preempt_disable();
	spin_lock_irqsave(&tsk->pi_lock, flags);
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	__schedule(false);
	BUG();		/* a dead task is never switched back in */
}

/*
 * A new task's first wakeup (Linux: wake_up_new_task): copy_process left
 * it TASK_UNINTERRUPTIBLE (Linux: TASK_NEW) and on no run queue.
 */
void wake_up_new_task(struct task_struct *p)
{
	wake_up_state(p, TASK_UNINTERRUPTIBLE);
}

/*
 * p may be running in user mode on another CPU: interrupt it so it goes
 * through exit_to_user_mode and sees its pending signal (Linux: kick_process).
 */
void kick_process(struct task_struct *p)
{
	int cpu;

	preempt_disable();
	cpu = task_cpu(p);
	if (cpu != (int)smp_processor_id() && cpu_rq(cpu)->curr == p)
		smp_send_reschedule(cpu);
	preempt_enable();
}

/*
 * Take queued p (not running) off rq, whose lock is held with p->pi_lock,
 * and queue it on an allowed CPU (Linux: move_queued_task). In between it
 * is TASK_ON_RQ_MIGRATING and belongs to no run queue.
 */
static void move_queued_task(struct rq *rq, struct task_struct *p)
{
	list_del(&p->run_list);
	rq->nr_running--;
	__atomic_store_n(&p->on_rq, TASK_ON_RQ_MIGRATING, __ATOMIC_RELEASE);
	spin_unlock(&rq->lock);
	push_task_off(p);
}

/*
 * Change where p may run (Linux: set_cpus_allowed_ptr). When it returns, p
 * is on no CPU outside the new mask: a queued p has been moved to an
 * allowed run queue, a running p has been made to switch out and was
 * moved as it left (the caller sleeps meanwhile; under preempt=none that
 * is p's next schedule point, as in Linux, whose stopper thread cannot
 * preempt p either), and a sleeping p will be placed by its wakeup.
 * Returns -EINVAL, changing nothing, if no CPU of mask is online.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *mask)
{
	struct set_affinity_pending pending;
	unsigned long flags;
	struct rq *rq;

	if (!(mask->bits & cpu_online_mask->bits))
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	rq = task_rq_lock(p);
	do_set_cpus_allowed(p, mask);
	if (!p->on_rq || is_cpu_allowed(p, rq->cpu)) {
		/* Asleep (the wakeup will place it), or already where it may be. */
		spin_unlock(&rq->lock);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return 0;
	}
	if (rq->curr != p) {
		move_queued_task(rq, p);
		spin_unlock_irqrestore(&p->pi_lock, flags);
		return 0;
	}
	/* Running (perhaps p is current): its next switch-out moves it. */
	init_completion(&pending.done);
	pending.next = p->migration_pending;
	p->migration_pending = &pending;
	resched_curr(rq);
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
	wait_for_completion(&pending.done);
	return 0;
}

/* ---- boot ------------------------------------------------------------------------------ */

void init_idle(struct task_struct *idle, int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->__state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->pid = idle->tgid = 0;	/* every idle task is pid 0 (its number goes back to the pool) */
	idle->cpu = cpu;
	idle->on_cpu = 1;
	idle->on_rq = TASK_ON_RQ_QUEUED;
	cpumask_clear(&idle->cpus_mask);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	idle->nr_cpus_allowed = 1;
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
