// SPDX-License-Identifier: GPL-2.0
/*
 * The OOM killer (Linux: mm/oom_kill.c; docs/mm/overcommit-oom.md).
 *
 * When the page allocator's slow path (mm/page_alloc.c) has nothing left
 * for an allocation that may sleep and is allowed to retry, it takes
 * oom_lock (trylock: one OOM kill at a time) and calls out_of_memory():
 *
 *  - a task that is already dying (SIGKILL pending, group exit) is made
 *    the victim itself: it only needs to get out;
 *  - otherwise select_bad_process() scores every process by oom_badness()
 *    (its RSS, swap entries and page-table pages, shifted by
 *    oom_score_adj * totalpages / 1000) and takes the highest; init,
 *    kernel threads and oom_score_adj = -1000 are never chosen. If a
 *    victim chosen earlier is still dying, nobody new is chosen: the
 *    allocation waits for it;
 *  - oom_kill_process() prints Linux's report (dump_header: who invoked
 *    the killer with which gfp_mask and order, the stack, Mem-Info, the
 *    task table, the oom-kill summary), then "Out of memory: Killed
 *    process ...", sends SIGKILL to the whole process (and to any other
 *    process sharing its mm) and marks its mm MMF_OOM_VICTIM, so that its
 *    own allocations on the way out may dig below the min watermark
 *    (ALLOC_OOM);
 *  - the oom_reaper kthread, OOM_REAPER_DELAY later, unmaps the victim's
 *    private memory under mmap_read_trylock (as MADV_DONTNEED would), so
 *    its pages come back even if the victim is stuck, and sets
 *    MMF_OOM_SKIP: from then on the killer passes over it.
 *
 * pagefault_out_of_memory() handles a VM_FAULT_OOM that reaches the user
 * fault handler: as Linux, it only logs and lets the fault be retried
 * (the retry re-enters the allocator, which invokes the killer).
 *
 * Differences from Linux, on purpose: with no killable process Linux
 * panics ("System is deadlocked on memory"); here the report is printed
 * (rate-limited) and the allocation fails, so kernel allocations keep
 * failing with errors as before (the in-kernel tests exhaust memory on
 * purpose with no user process around), and a user fault that gets
 * VM_FAULT_OOM with nobody to kill kills the faulting task. Victims are
 * marked on their mm (MMF_OOM_VICTIM) rather than in signal->oom_mm.
 * Left out: memory cgroups, cpusets and mempolicies (constraints are
 * always CONSTRAINT_NONE), sysrq-f, panic_on_oom, oom_kill_allocating_task,
 * the futex robust-list wakeup before reaping, MMF_UNSTABLE.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

#ifndef LONG_MIN
#define LONG_MIN (-__LONG_MAX__ - 1)	/* oom_badness(): never kill */
#endif

DEFINE_MUTEX(oom_lock);
int sysctl_oom_dump_tasks = 1;

#define K(x) ((x) << (PAGE_SHIFT - 10))

/* ---- mm flags --------------------------------------------------------------------- */

static inline bool mm_flag(struct mm_struct *mm, int bit)
{
	return __atomic_load_n(&mm->flags, __ATOMIC_ACQUIRE) & (1UL << bit);
}

static inline void mm_set_flag(struct mm_struct *mm, int bit)
{
	__atomic_fetch_or(&mm->flags, 1UL << bit, __ATOMIC_SEQ_CST);
}

/* Set bit, and say whether it was set already (Linux: test_and_set_bit). */
static inline bool mm_test_and_set_flag(struct mm_struct *mm, int bit)
{
	return __atomic_fetch_or(&mm->flags, 1UL << bit, __ATOMIC_SEQ_CST) & (1UL << bit);
}

static unsigned long mm_pgtables_bytes(struct mm_struct *mm)
{
	return atomic_long_read(&mm->pgtables_bytes);
}

static unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

/* A small rate limit, Linux's DEFAULT_RATELIMIT_INTERVAL/BURST: 10 in 5 s. */
struct oom_ratelimit {
	spinlock_t lock;
	unsigned long begin;
	int printed;
};

static bool oom_ratelimit(struct oom_ratelimit *rs)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&rs->lock, flags);
	if (!rs->begin || time_after(jiffies, rs->begin + 5 * HZ)) {
		rs->begin = jiffies;
		rs->printed = 0;
	}
	ok = rs->printed++ < 10;
	spin_unlock_irqrestore(&rs->lock, flags);
	return ok;
}

/* ---- who may be killed ------------------------------------------------------------ */

/* Linux: oom_unkillable_task(). */
static bool oom_unkillable_task(struct task_struct *p)
{
	return is_global_init(p) || (p->flags & PF_KTHREAD);
}

/*
 * A thread of p's process that still has its mm, with that thread's
 * pi_lock held (which exit_mm takes to clear ->mm), or NULL (Linux:
 * find_lock_task_mm, under task_lock). tasklist_lock held.
 */
static struct task_struct *find_lock_task_mm(struct task_struct *p, unsigned long *flags)
{
	struct task_struct *t;

	if (!p->signal)
		return NULL;
	for_each_thread_in(p->signal, t) {
		spin_lock_irqsave(&t->pi_lock, *flags);
		if (t->mm && !(t->flags & PF_KTHREAD))
			return t;
		spin_unlock_irqrestore(&t->pi_lock, *flags);
	}
	return NULL;
}

static void task_unlock(struct task_struct *t, unsigned long flags)
{
	spin_unlock_irqrestore(&t->pi_lock, flags);
}

/* A vfork child borrows its parent's mm: killing it frees nothing (Linux: in_vfork). */
static bool in_vfork(struct task_struct *t)
{
	return t->vfork_done && t->real_parent && t->mm == READ_ONCE(t->real_parent->mm);
}

bool tsk_is_oom_victim(struct task_struct *tsk)
{
	unsigned long flags;
	bool ret;

	if (tsk->flags & PF_KTHREAD)
		return false;
	if (tsk == current)
		return current->mm && mm_flag(current->mm, MMF_OOM_VICTIM);
	spin_lock_irqsave(&tsk->pi_lock, flags);
	ret = tsk->mm && mm_flag(tsk->mm, MMF_OOM_VICTIM);
	spin_unlock_irqrestore(&tsk->pi_lock, flags);
	return ret;
}

/* tasklist_lock held. */
static long __oom_badness(struct task_struct *p, unsigned long totalpages)
{
	struct task_struct *t;
	struct mm_struct *mm;
	unsigned long flags;
	long points, adj;

	if (oom_unkillable_task(p))
		return LONG_MIN;
	t = find_lock_task_mm(p, &flags);
	if (!t)
		return LONG_MIN;
	mm = t->mm;
	/* -1000 means never; so does an mm already reaped, or a vfork child. */
	adj = (long)p->signal->oom_score_adj;
	if (adj == OOM_SCORE_ADJ_MIN || mm_flag(mm, MMF_OOM_SKIP) || in_vfork(t)) {
		task_unlock(t, flags);
		return LONG_MIN;
	}
	/* The memory killing it would free: RSS, swap and page tables. */
	points = get_mm_rss(mm) + get_mm_counter(mm, MM_SWAPENTS) +
		 mm_pgtables_bytes(mm) / PAGE_SIZE;
	task_unlock(t, flags);

	/* oom_score_adj is in thousandths of the memory the kill is about. */
	adj *= totalpages / 1000;
	return points + adj;
}

long oom_badness(struct task_struct *p, unsigned long totalpages)
{
	long points;

	spin_lock(&tasklist_lock);
	points = __oom_badness(p, totalpages);
	spin_unlock(&tasklist_lock);
	return points;
}

/* The processes: thread group leaders, not yet reaped. */
static bool is_oom_process(struct task_struct *p)
{
	return thread_group_leader(p) && p->exit_state != EXIT_DEAD && p->signal && p->pid > 0;
}

/*
 * Linux: oom_evaluate_task(). 1 aborts the scan: an earlier victim is
 * still on its way out (its memory is coming), so nobody new is killed.
 * tasklist_lock held.
 */
static int oom_evaluate_task(struct task_struct *task, struct oom_control *oc)
{
	struct task_struct *t;
	unsigned long flags;
	long points;

	if (oom_unkillable_task(task))
		return 0;
	t = find_lock_task_mm(task, &flags);
	if (t) {
		bool victim = mm_flag(t->mm, MMF_OOM_VICTIM), skip = mm_flag(t->mm, MMF_OOM_SKIP);

		task_unlock(t, flags);
		if (victim) {
			if (skip)
				return 0;
			if (oc->chosen)
				put_task_struct(oc->chosen);
			oc->chosen = (void *)-1UL;
			return 1;
		}
	}
	points = __oom_badness(task, oc->totalpages);
	if (points == LONG_MIN || points < oc->chosen_points)
		return 0;
	if (oc->chosen)
		put_task_struct(oc->chosen);
	get_task_struct(task);
	oc->chosen = task;
	oc->chosen_points = points;
	return 0;
}

/* Linux: select_bad_process(); oc->chosen: the victim, NULL, or -1 (wait). */
static void select_bad_process(struct oom_control *oc)
{
	struct task_struct *p;

	oc->chosen = NULL;
	oc->chosen_points = LONG_MIN;
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (!is_oom_process(p))
			continue;
		if (oom_evaluate_task(p, oc))
			break;
	}
	spin_unlock(&tasklist_lock);
}

/* ---- the report ------------------------------------------------------------------- */

/* Linux's gfpflag_names (include/trace/events/mmflags.h): composites first. */
static const struct {
	gfp_t mask;
	const char *name;
} gfpflag_names[] = {
	{ GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE" },
	{ GFP_USER | __GFP_HIGHMEM, "GFP_HIGHUSER" },
	{ GFP_USER, "GFP_USER" },
	{ GFP_KERNEL, "GFP_KERNEL" },
	{ __GFP_RECLAIM | __GFP_IO, "GFP_NOFS" },
	{ GFP_ATOMIC, "GFP_ATOMIC" },
	{ GFP_NOIO, "GFP_NOIO" },
	{ GFP_NOWAIT, "GFP_NOWAIT" },
	{ GFP_DMA, "GFP_DMA" },
	{ __GFP_HIGHMEM, "__GFP_HIGHMEM" },
	{ GFP_DMA32, "GFP_DMA32" },
	{ __GFP_HIGH, "__GFP_HIGH" },
	{ __GFP_IO, "__GFP_IO" },
	{ __GFP_FS, "__GFP_FS" },
	{ __GFP_NOWARN, "__GFP_NOWARN" },
	{ __GFP_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL" },
	{ __GFP_NOFAIL, "__GFP_NOFAIL" },
	{ __GFP_NORETRY, "__GFP_NORETRY" },
	{ __GFP_COMP, "__GFP_COMP" },
	{ __GFP_ZERO, "__GFP_ZERO" },
	{ __GFP_NOMEMALLOC, "__GFP_NOMEMALLOC" },
	{ __GFP_MEMALLOC, "__GFP_MEMALLOC" },
	{ __GFP_HARDWALL, "__GFP_HARDWALL" },
	{ __GFP_THISNODE, "__GFP_THISNODE" },
	{ __GFP_RECLAIMABLE, "__GFP_RECLAIMABLE" },
	{ __GFP_MOVABLE, "__GFP_MOVABLE" },
	{ __GFP_ACCOUNT, "__GFP_ACCOUNT" },
	{ __GFP_WRITE, "__GFP_WRITE" },
	{ __GFP_RECLAIM, "__GFP_RECLAIM" },
	{ __GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM" },
	{ __GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM" },
};

/* What Linux's %pGg prints (lib/vsprintf.c format_flags): names joined by '|', then hex. */
static void format_gfp(char *buf, size_t size, gfp_t flags)
{
	size_t len = 0;

	buf[0] = 0;
	for (unsigned int i = 0; flags && i < ARRAY_SIZE(gfpflag_names); i++) {
		gfp_t mask = gfpflag_names[i].mask;

		if ((flags & mask) != mask)
			continue;
		flags &= ~mask;
		len += scnprintf(buf + len, size - len, "%s%s", gfpflag_names[i].name,
				 flags ? "|" : "");
	}
	if (flags)
		scnprintf(buf + len, size - len, "%#x", flags);
}

/* A short __show_mem(): the counters Linnet has, then each zone and its free lists. */
static void oom_show_mem(void)
{
	unsigned long free_pcp = 0, present = 0, managed = 0;
	struct zone *zone;
	unsigned int cpu;

	for_each_populated_zone(zone) {
		for_each_online_cpu(cpu)
			free_pcp += per_cpu_ptr(zone->per_cpu_pageset, cpu)->count;
		present += zone->present_pages;
		managed += zone_managed_pages(zone);
	}
	pr_info("Mem-Info:\n");
	/* No LRU lists here: every anonymous and file page counts as active. */
	pr_info("active_anon:%lu inactive_anon:0 isolated_anon:0\n",
		global_node_page_state(NR_ANON_MAPPED));
	pr_info(" active_file:%lu inactive_file:0 isolated_file:0\n",
		global_node_page_state(NR_FILE_PAGES));
	pr_info(" shmem:%lu pagetables:%lu\n", global_node_page_state(NR_SHMEM),
		global_node_page_state(NR_PAGETABLE));
	pr_info(" free:%lu free_pcp:%lu free_cma:0\n", nr_free_pages(), free_pcp);
	for_each_populated_zone(zone) {
		unsigned long total = 0;
		char line[256];
		size_t len = 0;
		int i;

		pr_info("Node 0 %s free:%lukB boost:0kB min:%lukB low:%lukB high:%lukB "
			"present:%lukB managed:%lukB\n", zone->name,
			K(zone_page_state(zone, NR_FREE_PAGES)), K(min_wmark_pages(zone)),
			K(low_wmark_pages(zone)), K(high_wmark_pages(zone)),
			K(zone->present_pages), K(zone_managed_pages(zone)));
		len = scnprintf(line, sizeof(line), "lowmem_reserve[]:");
		for (i = 0; i < MAX_NR_ZONES; i++)
			len += scnprintf(line + len, sizeof(line) - len, " %ld",
					 zone->lowmem_reserve[i]);
		pr_info("%s\n", line);
		len = scnprintf(line, sizeof(line), "Node 0 %s:", zone->name);
		for (i = 0; i < NR_PAGE_ORDERS; i++) {
			unsigned long nr = zone->free_area[i].nr_free;

			total += nr << i;
			len += scnprintf(line + len, sizeof(line) - len, " %lu*%lukB", nr,
					 K(1UL << i));
		}
		pr_info("%s = %lukB\n", line, K(total));
	}
	pr_info("%lu total pagecache pages\n", global_node_page_state(NR_FILE_PAGES));
	pr_info("%lu pages RAM\n", present);
	pr_info("%lu pages reserved\n", present - managed);
}

/* Linux: dump_tasks(). */
static void dump_tasks(struct oom_control *oc)
{
	struct task_struct *p, *t;
	unsigned long flags;

	pr_info("Tasks state (memory values in pages):\n");
	pr_info("[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name\n");
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (!is_oom_process(p) || oom_unkillable_task(p))
			continue;
		t = find_lock_task_mm(p, &flags);
		if (!t)
			continue;	/* all of it exited: nothing to show */
		pr_info("[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s\n",
			t->pid, 0, t->tgid, t->mm->total_vm, get_mm_rss(t->mm),
			(long)mm_pgtables_bytes(t->mm), get_mm_counter(t->mm, MM_SWAPENTS),
			p->signal->oom_score_adj, t->comm);
		task_unlock(t, flags);
	}
	spin_unlock(&tasklist_lock);
}

/* Linux: dump_header(). */
static void dump_header(struct oom_control *oc, struct task_struct *p)
{
	char gfp[192];

	format_gfp(gfp, sizeof(gfp), oc->gfp_mask);
	pr_warn("%s invoked oom-killer: gfp_mask=%#x(%s), order=%d, oom_score_adj=%hd\n",
		current->comm, oc->gfp_mask, gfp, oc->order,
		current->signal ? current->signal->oom_score_adj : 0);
	if (oc->order)
		pr_warn("COMPACTION is disabled!!!\n");
	dump_stack();
	oom_show_mem();
	if (sysctl_oom_dump_tasks)
		dump_tasks(oc);
	if (p)
		pr_info("oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),task=%s,pid=%d,uid=%d\n",
			p->comm, p->pid, 0);
}

/* ---- the reaper ------------------------------------------------------------------- */

/*
 * Victims wait OOM_REAPER_DELAY before the reaper takes their memory, so
 * one that exits by itself does it cleanly (Linux 6.0+: the futex
 * cleanup needs its memory). Linux chains victims through
 * task_struct->oom_reaper_list; a small ring of mm references does here.
 */
#define OOM_REAPER_DELAY (2 * HZ)
#define MAX_OOM_REAP_RETRIES 10
#define OOM_REAP_QUEUE 16

struct oom_reap_entry {
	struct mm_struct *mm;	/* mmgrab'bed: the struct stays, its memory may go */
	pid_t pid;
	char comm[TASK_COMM_LEN];
	unsigned long when;	/* jiffies: reap from then on */
};

static struct oom_reap_entry oom_reap_queue[OOM_REAP_QUEUE];
static unsigned int oom_reap_head, oom_reap_count;
static DEFINE_SPINLOCK(oom_reaper_lock);
static DECLARE_WAIT_QUEUE_HEAD(oom_reaper_wait);
static DECLARE_WAIT_QUEUE_HEAD(oom_victim_exit_wait);	/* exit_mmap of a victim */
static struct task_struct *oom_reaper_th;

/*
 * Unmap what is private: anonymous memory and private file pages (COW
 * copies), as MADV_DONTNEED would, under the read lock (Linux:
 * __oom_reap_task_mm). Shared and locked mappings stay.
 */
static void __oom_reap_task_mm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
			continue;
		if (vma_is_anonymous(vma) || !(vma->vm_flags & VM_SHARED))
			zap_page_range(vma, vma->vm_start, vma->vm_end - vma->vm_start);
	}
}

/* False: the lock was busy, try again (Linux: oom_reap_task_mm). */
static bool oom_reap_task_mm(struct oom_reap_entry *e)
{
	struct mm_struct *mm = e->mm;

	if (!mmap_read_trylock(mm))
		return false;
	/* Reaped already, or exit_mmap is tearing it down itself: nothing to do. */
	if (!mm_flag(mm, MMF_OOM_SKIP) && atomic_read(&mm->mm_users) > 0) {
		__oom_reap_task_mm(mm);
		pr_info("oom_reaper: reaped process %d (%s), now anon-rss:%lukB, file-rss:%lukB, "
			"shmem-rss:%lukB\n", e->pid, e->comm,
			K(get_mm_counter(mm, MM_ANONPAGES)), K(get_mm_counter(mm, MM_FILEPAGES)),
			K(get_mm_counter(mm, MM_SHMEMPAGES)));
	}
	mmap_read_unlock(mm);
	return true;
}

static void oom_reap_task(struct oom_reap_entry *e)
{
	int attempts = 0;

	while (attempts++ < MAX_OOM_REAP_RETRIES && !oom_reap_task_mm(e))
		schedule_timeout_uninterruptible(HZ / 10);
	if (attempts > MAX_OOM_REAP_RETRIES && !mm_flag(e->mm, MMF_OOM_SKIP))
		pr_info("oom_reaper: unable to reap pid:%d (%s)\n", e->pid, e->comm);
	/* Whatever happened, the killer may now look past this one. */
	mm_set_flag(e->mm, MMF_OOM_SKIP);
	mmdrop(e->mm);
}

static bool oom_reaper_has_work(void)
{
	return READ_ONCE(oom_reap_count) != 0;
}

static int oom_reaper(void *unused)
{
	for (;;) {
		struct oom_reap_entry e;
		unsigned long flags;
		long wait;

		wait_event(oom_reaper_wait, oom_reaper_has_work());
		spin_lock_irqsave(&oom_reaper_lock, flags);
		e = oom_reap_queue[oom_reap_head];
		oom_reap_head = (oom_reap_head + 1) % OOM_REAP_QUEUE;
		oom_reap_count--;
		spin_unlock_irqrestore(&oom_reaper_lock, flags);

		/*
		 * Wait out the delay, unless the victim's exit_mmap has been
		 * (oom_exit_mmap wakes us): then there is nothing to reap and the
		 * mm reference is given back at once.
		 */
		for (;;) {
			struct wait_queue_entry w = { .private = current };

			prepare_to_wait(&oom_victim_exit_wait, &w, TASK_UNINTERRUPTIBLE);
			wait = (long)(e.when - jiffies);
			if (wait <= 0 || mm_flag(e.mm, MMF_OOM_SKIP)) {
				finish_wait(&oom_victim_exit_wait, &w);
				break;
			}
			schedule_timeout(wait);
			finish_wait(&oom_victim_exit_wait, &w);
		}
		oom_reap_task(&e);
	}
	return 0;
}

/* Hand mm to the reaper, once (Linux: queue_oom_reaper). */
static void queue_oom_reaper(struct mm_struct *mm, pid_t pid, const char *comm)
{
	struct oom_reap_entry *e;
	unsigned long flags;

	if (!oom_reaper_th || mm_test_and_set_flag(mm, MMF_OOM_REAP_QUEUED))
		return;
	spin_lock_irqsave(&oom_reaper_lock, flags);
	if (oom_reap_count == OOM_REAP_QUEUE) {
		/* Full: the victim still dies; the next OOM may choose again. */
		spin_unlock_irqrestore(&oom_reaper_lock, flags);
		mm_set_flag(mm, MMF_OOM_SKIP);
		return;
	}
	e = &oom_reap_queue[(oom_reap_head + oom_reap_count) % OOM_REAP_QUEUE];
	mmgrab(mm);
	e->mm = mm;
	e->pid = pid;
	strscpy(e->comm, comm, sizeof(e->comm));
	e->when = jiffies + OOM_REAPER_DELAY;
	oom_reap_count++;
	spin_unlock_irqrestore(&oom_reaper_lock, flags);
	wake_up(&oom_reaper_wait);
}

/*
 * A victim's address space has been torn down by its own exit (exit_mmap;
 * Linux sets MMF_OOM_SKIP there too): the killer may look past it, and
 * the reaper need not wait for it.
 */
void __oom_exit_mmap(struct mm_struct *mm)
{
	mm_set_flag(mm, MMF_OOM_SKIP);
	wake_up_all(&oom_victim_exit_wait);
}

void oom_init(void)
{
	struct task_struct *t = kthread_run(oom_reaper, NULL, "oom_reaper");

	if (IS_ERR(t))
		pr_err("oom_reaper: not started (%ld): victims exit by themselves\n", PTR_ERR(t));
	else
		oom_reaper_th = t;
}

/* ---- killing ---------------------------------------------------------------------- */

/*
 * Will p free its memory soon anyway (Linux: task_will_free_mem)? Its
 * process is exiting or has a fatal signal coming, and no other process
 * shares the mm (that one would keep the memory alive). tasklist_lock held.
 */
static bool task_will_free_mem(struct task_struct *p, struct mm_struct *mm)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *q;

	if (!sig || mm_flag(mm, MMF_OOM_SKIP))
		return false;
	if (!(sig->flags & SIGNAL_GROUP_EXIT) && !fatal_signal_pending(p) &&
	    !((p->flags & PF_EXITING) && sig->nr_threads <= 1))
		return false;
	if (atomic_read(&mm->mm_users) <= 1)
		return true;
	list_for_each_entry(q, &task_list, tasks)
		if (READ_ONCE(q->mm) == mm && !same_thread_group(q, p) &&
		    !(q->flags & PF_KTHREAD))
			return false;
	return true;
}

static void mark_oom_victim(struct mm_struct *mm)
{
	mm_set_flag(mm, MMF_OOM_VICTIM);
}

/* current is dying anyway: let it through with the reserves, reap behind it. */
static bool oom_current_will_free_mem(void)
{
	struct mm_struct *mm = current->mm;
	bool ret;

	if (!mm || (current->flags & PF_KTHREAD))
		return false;
	spin_lock(&tasklist_lock);
	ret = task_will_free_mem(current, mm);
	spin_unlock(&tasklist_lock);
	if (ret) {
		mark_oom_victim(mm);
		queue_oom_reaper(mm, current->tgid, current->comm);
	}
	return ret;
}

#define MAX_SHARERS 8

/* Linux: __oom_kill_process(). Drops the reference on victim. */
static void __oom_kill_process(struct task_struct *victim, const char *message)
{
	struct kernel_siginfo info = { .si_signo = SIGKILL, .si_code = SI_KERNEL };
	struct task_struct *t, *p, *sharers[MAX_SHARERS];
	int nr_sharers = 0, i;
	bool can_oom_reap = true;
	struct mm_struct *mm;
	unsigned long flags;

	spin_lock(&tasklist_lock);
	t = find_lock_task_mm(victim, &flags);
	if (!t) {
		spin_unlock(&tasklist_lock);
		pr_info("%s: OOM victim %d (%s) is already exiting. Skip killing the task\n",
			message, victim->pid, victim->comm);
		put_task_struct(victim);
		return;
	}
	mm = t->mm;
	mmgrab(mm);
	get_task_struct(t);
	task_unlock(t, flags);
	spin_unlock(&tasklist_lock);
	put_task_struct(victim);
	victim = t;

	/* SIGKILL first, then the reserves: the victim's user code cannot use them. */
	do_send_sig_info(SIGKILL, &info, victim, true);
	mark_oom_victim(mm);
	pr_err("%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, "
	       "shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd\n",
	       message, victim->tgid, victim->comm, K(mm->total_vm),
	       K(get_mm_counter(mm, MM_ANONPAGES)), K(get_mm_counter(mm, MM_FILEPAGES)),
	       K(get_mm_counter(mm, MM_SHMEMPAGES)), 0, mm_pgtables_bytes(mm) >> 10,
	       victim->signal->oom_score_adj);

	/* Other processes on the same mm (CLONE_VM without CLONE_THREAD) die too. */
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (!is_oom_process(p) || same_thread_group(p, victim))
			continue;
		t = find_lock_task_mm(p, &flags);
		if (!t)
			continue;
		if (t->mm != mm) {
			task_unlock(t, flags);
			continue;
		}
		task_unlock(t, flags);
		if (is_global_init(p)) {
			can_oom_reap = false;
			mm_set_flag(mm, MMF_OOM_SKIP);
			pr_info("oom killer %d (%s) has mm pinned by %d (%s)\n",
				victim->tgid, victim->comm, p->tgid, p->comm);
			continue;
		}
		if ((p->flags & PF_KTHREAD) || nr_sharers == MAX_SHARERS)
			continue;
		get_task_struct(p);
		sharers[nr_sharers++] = p;
	}
	spin_unlock(&tasklist_lock);
	for (i = 0; i < nr_sharers; i++) {
		do_send_sig_info(SIGKILL, &info, sharers[i], true);
		put_task_struct(sharers[i]);
	}
	if (can_oom_reap)
		queue_oom_reaper(mm, victim->tgid, victim->comm);
	mmdrop(mm);
	put_task_struct(victim);
}

static struct oom_ratelimit oom_rs = { .lock = __SPIN_LOCK_UNLOCKED(oom_rs.lock) };

/* Linux: oom_kill_process(). Drops the reference select_bad_process took. */
static void oom_kill_process(struct oom_control *oc, const char *message)
{
	struct task_struct *victim = oc->chosen, *t;
	struct mm_struct *mm = NULL;
	unsigned long flags;
	bool will_free = false;

	/* Already on its way out: just let it have the reserves, quietly. */
	spin_lock(&tasklist_lock);
	t = find_lock_task_mm(victim, &flags);
	if (t) {
		mm = t->mm;
		mmgrab(mm);
		task_unlock(t, flags);
		will_free = task_will_free_mem(victim, mm);
	}
	spin_unlock(&tasklist_lock);
	if (will_free) {
		mark_oom_victim(mm);
		queue_oom_reaper(mm, victim->tgid, victim->comm);
	}
	if (mm)
		mmdrop(mm);
	if (will_free) {
		put_task_struct(victim);
		return;
	}
	if (oom_ratelimit(&oom_rs))
		dump_header(oc, victim);
	__oom_kill_process(victim, message);
}

static struct oom_ratelimit oom_none_rs = { .lock = __SPIN_LOCK_UNLOCKED(oom_none_rs.lock) };

/*
 * Linux: out_of_memory(). oom_lock held. True if memory is on its way
 * (a victim was killed, or one is dying): the caller retries.
 */
bool out_of_memory(struct oom_control *oc)
{
	if (oom_current_will_free_mem())
		return true;
	/* The OOM killer does not compensate for IO-less reclaim (Linux). */
	if (oc->gfp_mask && !(oc->gfp_mask & __GFP_FS))
		return true;

	oc->totalpages = totalram_pages_count;	/* + total swap pages: none */
	select_bad_process(oc);
	if (!oc->chosen) {
		/* Linux panics here ("System is deadlocked on memory"): see the top. */
		if (oom_ratelimit(&oom_none_rs)) {
			dump_header(oc, NULL);
			pr_warn("Out of memory and no killable processes...\n");
		}
		return false;
	}
	if (oc->chosen != (void *)-1UL)
		oom_kill_process(oc, "Out of memory");
	return true;
}

static struct oom_ratelimit pfoom_rs = { .lock = __SPIN_LOCK_UNLOCKED(pfoom_rs.lock) };

/*
 * A user fault ended in VM_FAULT_OOM (Linux: pagefault_out_of_memory).
 * The allocator has already invoked the killer on the way; if the task
 * is dying it just goes; otherwise Linux logs and returns, and the fault
 * is retried. If nobody is killable (where Linux would have panicked),
 * the faulting task is killed instead of faulting forever.
 */
void pagefault_out_of_memory(void)
{
	struct oom_control oc = { .gfp_mask = 0, .order = -1 };
	bool progress;

	if (fatal_signal_pending(current))
		return;
	if (!mutex_trylock(&oom_lock))
		return;		/* someone is killing: retry the fault */
	progress = out_of_memory(&oc);
	mutex_unlock(&oom_lock);
	if (progress) {
		if (oom_ratelimit(&pfoom_rs))
			pr_warn("Huh VM_FAULT_OOM leaked out to the #PF handler. Retrying PF\n");
		return;
	}
	pr_err("Out of memory: no killable process for the fault of %d (%s): killed\n",
	       current->tgid, current->comm);
	force_sig(SIGKILL);
}
