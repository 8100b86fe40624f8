/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OOM killer (Linux: include/linux/oom.h, mm/oom_kill.c;
 * docs/mm/overcommit-oom.md). When the page allocator cannot satisfy an
 * allocation that may not fail, out_of_memory() picks the process with
 * the highest oom_badness() (its RSS + page tables, scaled by
 * oom_score_adj), kills it with SIGKILL, logs Linux's lines, and reaps
 * its memory so the allocation can be retried.
 */
#ifndef _LINUX_OOM_H
#define _LINUX_OOM_H

#include <linux/gfp.h>
#include <linux/types.h>

#define OOM_SCORE_ADJ_MIN	(-1000)
#define OOM_SCORE_ADJ_MAX	1000
#define OOM_ADJUST_MIN		(-17)	/* the old /proc/PID/oom_adj */
#define OOM_ADJUST_MAX		15
#define OOM_DISABLE		(-17)

struct task_struct;
struct mm_struct;

struct oom_control {
	gfp_t gfp_mask;			/* of the allocation that failed */
	int order;			/* its order; -1: a page fault (pagefault_out_of_memory) */
	unsigned long totalpages;	/* RAM the badness is a share of */
	struct task_struct *chosen;	/* the victim */
	long chosen_points;
};

/*
 * mm->flags bits (Linux: include/linux/sched/coredump.h). A victim's mm
 * is marked MMF_OOM_VICTIM, so its tasks may dig into the reserves to
 * exit (tsk_is_oom_victim); MMF_OOM_SKIP once the reaper has done what it
 * can (the OOM killer then passes over it and may pick another victim);
 * MMF_OOM_REAP_QUEUED while the reaper has it. fork does not copy them.
 */
#define MMF_OOM_SKIP		21
#define MMF_OOM_VICTIM		25
#define MMF_OOM_REAP_QUEUED	26
#define MMF_OOM_MASK	((1UL << MMF_OOM_SKIP) | (1UL << MMF_OOM_VICTIM) | \
			 (1UL << MMF_OOM_REAP_QUEUED))

/* Held (trylock) around out_of_memory() by the page allocator (Linux: oom_lock). */
struct mutex;
extern struct mutex oom_lock;
extern int sysctl_oom_dump_tasks;	/* /proc/sys/vm/oom_dump_tasks: 1 */

/* exit_mmap of an OOM victim's mm: MMF_OOM_SKIP, and the reaper lets go of it. */
void __oom_exit_mmap(struct mm_struct *mm);
static inline void oom_exit_mmap(struct mm_struct *mm, unsigned long mm_flags)
{
	if (mm_flags & (1UL << MMF_OOM_VICTIM))
		__oom_exit_mmap(mm);
}

/* Start the oom_reaper kthread (Linux: subsys_initcall(oom_init)). */
void oom_init(void);

/* True if a victim was killed (or one is already dying): retry the allocation. */
bool out_of_memory(struct oom_control *oc);
/*
 * The victim score (LONG_MIN: never kill); /proc/PID/oom_score shows
 * (1000 + points * 1000 / totalpages) * 2 / 3. Takes tasklist_lock itself.
 */
long oom_badness(struct task_struct *p, unsigned long totalpages);
/* A user fault's VM_FAULT_OOM (mm/fault.c): kill someone, or the faulting task. */
void pagefault_out_of_memory(void);
/* Has this task been chosen and not yet finished dying (the allocator lets it through)? */
bool tsk_is_oom_victim(struct task_struct *tsk);

#endif /* _LINUX_OOM_H */
