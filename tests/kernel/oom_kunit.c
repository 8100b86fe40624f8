// SPDX-License-Identifier: GPL-2.0
/*
 * Overcommit accounting and the OOM killer's scoring from the kernel side
 * (mm/util.c, mm/mmap.c, mm/oom_kill.c; docs/mm/overcommit-oom.md):
 *
 *  - __vm_enough_memory in each mode: 1 charges anything; 0 refuses only
 *    one request larger than RAM; 2 refuses once Committed_AS reaches
 *    CommitLimit (ratio or overcommit_kbytes), less the admin reserve for
 *    a non-admin caller and the user reserve of the mm; a refusal
 *    charges nothing;
 *  - VM_ACCOUNT: an mmap of a private writable mapping charges its size
 *    and munmap gives it back; MAP_NORESERVE does not charge in mode 0
 *    and does in mode 2;
 *  - oom_badness: more RSS, more points; oom_score_adj shifts by
 *    thousandths of RAM; -1000, init and kernel threads are LONG_MIN.
 *
 * Every case puts the overcommit sysctls back as it found them (the
 * other suites, and user space after them, run in mode 0).
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mutex.h>
#include <linux/oom.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
#include <asm/tlbflush.h>

#ifndef LONG_MIN
#define LONG_MIN (-__LONG_MAX__ - 1)
#endif

struct oc_saved {
	int mode, ratio;
	unsigned long kbytes, user_reserve, admin_reserve;
};

static void oc_save(struct oc_saved *s)
{
	s->mode = sysctl_overcommit_memory;
	s->ratio = sysctl_overcommit_ratio;
	s->kbytes = sysctl_overcommit_kbytes;
	s->user_reserve = sysctl_user_reserve_kbytes;
	s->admin_reserve = sysctl_admin_reserve_kbytes;
}

static void oc_restore(struct oc_saved *s)
{
	sysctl_overcommit_memory = s->mode;
	sysctl_overcommit_ratio = s->ratio;
	sysctl_overcommit_kbytes = s->kbytes;
	sysctl_user_reserve_kbytes = s->user_reserve;
	sysctl_admin_reserve_kbytes = s->admin_reserve;
}

/* Mode 1 charges whatever is asked; mode 0 refuses only more than RAM at once. */
static void always_and_guess(struct kunit *test)
{
	unsigned long ram = totalram_pages_count, c0;
	struct oc_saved s;

	oc_save(&s);
	c0 = vm_memory_committed();
	sysctl_overcommit_memory = OVERCOMMIT_ALWAYS;
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, 10 * ram, 0), 0);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0 + 10 * ram);
	vm_unacct_memory(10 * ram);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);

	sysctl_overcommit_memory = OVERCOMMIT_GUESS;
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, ram + 1, 1), -ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);	/* a refusal charges nothing */
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, ram, 1), 0);
	/* Each request alone: two of RAM's size are both allowed. */
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, ram, 1), 0);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0 + 2 * ram);
	vm_unacct_memory(2 * ram);
	oc_restore(&s);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);
}

/* Mode 2: CommitLimit = RAM * ratio / 100 (or overcommit_kbytes), strictly. */
static void never_limit(struct kunit *test)
{
	unsigned long ram = totalram_pages_count, c0, limit;
	struct mm_struct fake = { .total_vm = 0 };
	long room, admin;
	struct oc_saved s;

	oc_save(&s);
	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	sysctl_overcommit_kbytes = 0;
	sysctl_overcommit_ratio = 50;
	limit = vm_commit_limit();
	KUNIT_EXPECT_EQ(test, limit, ram * 50 / 100);
	c0 = vm_memory_committed();
	room = (long)limit - (long)c0;
	if (room < 2) {
		oc_restore(&s);
		kunit_skip(test, "Committed_AS already at CommitLimit");
	}
	/* Allowed while Committed_AS stays below the limit, this request included. */
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, room, 1), -ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, room - 1, 1), 0);
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, 1, 1), -ENOMEM);
	vm_unacct_memory(room - 1);

	/* Not root: the admin reserve is off the limit. */
	admin = sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10);
	if (room - 1 - admin > 0) {
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, room - 1 - admin + 1, 0), -ENOMEM);
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, room - 1 - admin, 0), 0);
		vm_unacct_memory(room - 1 - admin);
	}
	/* A process's user reserve: min(total_vm / 32, user_reserve_kbytes). */
	fake.total_vm = 32 * 64;
	sysctl_user_reserve_kbytes = 1UL << 17;
	if (room - 1 - 64 > 0) {
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(&fake, room - 64, 1), -ENOMEM);
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(&fake, room - 1 - 64, 1), 0);
		vm_unacct_memory(room - 1 - 64);
	}
	sysctl_user_reserve_kbytes = 16 << (PAGE_SHIFT - 10);	/* 16 pages: the smaller wins */
	if (room - 1 - 16 > 0) {
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(&fake, room - 16, 1), -ENOMEM);
		KUNIT_EXPECT_EQ(test, __vm_enough_memory(&fake, room - 1 - 16, 1), 0);
		vm_unacct_memory(room - 1 - 16);
	}
	sysctl_user_reserve_kbytes = s.user_reserve;

	/* overcommit_kbytes replaces the ratio. */
	sysctl_overcommit_kbytes = (c0 + 100) << (PAGE_SHIFT - 10);
	KUNIT_EXPECT_EQ(test, vm_commit_limit(), c0 + 100);
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, 100, 1), -ENOMEM);
	KUNIT_EXPECT_EQ(test, __vm_enough_memory(NULL, 99, 1), 0);
	vm_unacct_memory(99);
	oc_restore(&s);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);
	KUNIT_EXPECT_EQ(test, sysctl_overcommit_memory, s.mode);
}

/* ---- VM_ACCOUNT through mmap, in a task with an mm of its own ---- */

struct acct_result {
	long mmap_rw, after_mmap, after_munmap, noreserve0, noreserve2, never_err, ro;
	unsigned long c0;
};

static void use_new_mm(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	current->mm = mm;
	current->active_mm = mm;
	switch_mm_irqs_off(&init_mm, mm, current);
	local_irq_restore(flags);
}

static int fn_acct(void *arg)
{
	struct acct_result *r = arg;
	struct mm_struct *mm = mm_alloc();
	const unsigned long len = 256 * PAGE_SIZE;
	unsigned long a;
	struct oc_saved s;

	if (!mm)
		do_exit(1 << 8);
	use_new_mm(mm);
	r->c0 = vm_memory_committed();
	a = vm_mmap(NULL, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	r->mmap_rw = IS_ERR_VALUE(a) ? (long)a : 0;
	r->after_mmap = vm_memory_committed() - r->c0;
	if (!IS_ERR_VALUE(a))
		vm_munmap(a, len);
	r->after_munmap = vm_memory_committed() - r->c0;

	a = vm_mmap(NULL, 0, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	r->ro = vm_memory_committed() - r->c0;
	if (!IS_ERR_VALUE(a))
		vm_munmap(a, len);

	a = vm_mmap(NULL, 0, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, 0);
	r->noreserve0 = vm_memory_committed() - r->c0;
	if (!IS_ERR_VALUE(a))
		vm_munmap(a, len);

	oc_save(&s);
	sysctl_overcommit_memory = OVERCOMMIT_NEVER;
	a = vm_mmap(NULL, 0, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, 0);
	r->noreserve2 = vm_memory_committed() - r->c0;
	if (!IS_ERR_VALUE(a))
		vm_munmap(a, len);
	/* Past the limit: refused, nothing charged. */
	a = vm_mmap(NULL, 0, (vm_commit_limit() + 16) << PAGE_SHIFT, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	r->never_err = IS_ERR_VALUE(a) ? (long)a : 0;
	if (!IS_ERR_VALUE(a))
		vm_munmap(a, (vm_commit_limit() + 16) << PAGE_SHIFT);
	oc_restore(&s);
	do_exit(0);	/* exit_mmap gives back the rest (the stack has none here) */
}

static void mmap_charges(struct kunit *test)
{
	struct acct_result r = { 0 };
	unsigned long c0 = vm_memory_committed();
	int status = -1;
	pid_t pid;

	pid = user_mode_thread(fn_acct, &r, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 1);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_EQ(test, r.mmap_rw, 0);
	KUNIT_EXPECT_EQ(test, r.after_mmap, 256);
	KUNIT_EXPECT_EQ(test, r.after_munmap, 0);
	KUNIT_EXPECT_EQ(test, r.ro, 0);
	KUNIT_EXPECT_EQ(test, r.noreserve0, 0);
	KUNIT_EXPECT_EQ(test, r.noreserve2, 256);	/* mode 2 ignores MAP_NORESERVE */
	KUNIT_EXPECT_EQ(test, r.never_err, -ENOMEM);
	KUNIT_EXPECT_EQ(test, vm_memory_committed(), c0);
	KUNIT_EXPECT_EQ(test, sysctl_overcommit_memory, OVERCOMMIT_GUESS);
}

/* ---- oom_badness ---- */

struct hog {
	unsigned long pages;
	short adj;
	pid_t pid;
	struct completion ready, go;
	int err;
};

static int fn_hog(void *arg)
{
	struct hog *h = arg;
	struct mm_struct *mm = mm_alloc();
	unsigned long a, i;

	if (!mm) {
		h->err = -ENOMEM;
		complete(&h->ready);
		do_exit(1 << 8);
	}
	use_new_mm(mm);
	current->signal->oom_score_adj = h->adj;
	a = vm_mmap(NULL, 0, h->pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(a))
		h->err = (long)a;
	else
		for (i = 0; i < h->pages && !h->err; i++)
			h->err = put_user(1L, (long __user *)(a + i * PAGE_SIZE));
	complete(&h->ready);
	wait_for_completion(&h->go);
	do_exit(0);
}

static long badness_of(pid_t pid)
{
	struct task_struct *p;
	long points = LONG_MIN;

	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(pid);
	if (p)
		get_task_struct(p);
	spin_unlock(&tasklist_lock);
	if (p) {
		points = oom_badness(p, totalram_pages_count);
		put_task_struct(p);
	}
	return points;
}

static void badness_order(struct kunit *test)
{
	static struct hog hogs[4] = {
		{ .pages = 16, .adj = 0 },
		{ .pages = 512, .adj = 0 },
		{ .pages = 16, .adj = 500 },	/* + half of RAM's pages: beats 512 */
		{ .pages = 1024, .adj = OOM_SCORE_ADJ_MIN },
	};
	long pts[4];
	int i, status;

	for (i = 0; i < 4; i++) {
		init_completion(&hogs[i].ready);
		init_completion(&hogs[i].go);
		hogs[i].err = 0;
		hogs[i].pid = user_mode_thread(fn_hog, &hogs[i], SIGCHLD);
		KUNIT_ASSERT_TRUE(test, hogs[i].pid > 1);
		wait_for_completion(&hogs[i].ready);
		KUNIT_EXPECT_EQ(test, hogs[i].err, 0);
	}
	for (i = 0; i < 4; i++)
		pts[i] = badness_of(hogs[i].pid);
	/* RSS (+ page tables): at least the pages touched. */
	KUNIT_EXPECT_GE(test, pts[0], 16);
	KUNIT_EXPECT_GE(test, pts[1], 512);
	KUNIT_EXPECT_GT(test, pts[1], pts[0]);
	KUNIT_EXPECT_GE(test, pts[2] - pts[0], (long)(totalram_pages_count / 1000) * 500 - 8);
	KUNIT_EXPECT_GT(test, pts[2], pts[1]);
	KUNIT_EXPECT_EQ(test, pts[3], LONG_MIN);
	/* Never: init (the tests' PID 1) and kernel threads. */
	KUNIT_EXPECT_EQ(test, oom_badness(current, totalram_pages_count), LONG_MIN);
	KUNIT_EXPECT_FALSE(test, tsk_is_oom_victim(current));
	for (i = 0; i < 4; i++) {
		complete(&hogs[i].go);
		KUNIT_EXPECT_EQ(test, kernel_wait(hogs[i].pid, &status), hogs[i].pid);
		KUNIT_EXPECT_EQ(test, status, 0);
	}
}

/*
 * The whole kill, without running out of memory: out_of_memory() as the
 * allocator calls it picks the hog (oom_score_adj 1000), SIGKILLs it and
 * marks its mm; the hog sleeps uninterruptibly, so it cannot exit, and
 * the oom_reaper takes its anonymous memory OOM_REAPER_DELAY later and
 * sets MMF_OOM_SKIP. A second call with the hog still there and skipped
 * finds nobody else to kill.
 */
static void kill_and_reap(struct kunit *test)
{
	static struct hog h = { .pages = 256, .adj = OOM_SCORE_ADJ_MAX };
	struct oom_control oc = { .gfp_mask = GFP_KERNEL, .order = 0 };
	struct mm_struct *mm = NULL;
	struct task_struct *p;
	bool killed, pending = false;
	unsigned long anon = ~0UL;
	int status, i;

	init_completion(&h.ready);
	init_completion(&h.go);
	h.err = 0;
	h.pid = user_mode_thread(fn_hog, &h, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, h.pid > 1);
	wait_for_completion(&h.ready);
	KUNIT_ASSERT_EQ(test, h.err, 0);
	spin_lock(&tasklist_lock);
	p = find_task_by_vpid(h.pid);
	if (p) {
		get_task_struct(p);
		mm = p->mm;
		mmgrab(mm);
	}
	spin_unlock(&tasklist_lock);
	KUNIT_ASSERT_TRUE(test, p != NULL);
	KUNIT_EXPECT_GE(test, get_mm_counter(mm, MM_ANONPAGES), 256);

	mutex_lock(&oom_lock);
	killed = out_of_memory(&oc);
	mutex_unlock(&oom_lock);
	KUNIT_EXPECT_TRUE(test, killed);
	KUNIT_EXPECT_TRUE(test, tsk_is_oom_victim(p));
	pending = fatal_signal_pending(p);
	KUNIT_EXPECT_TRUE(test, pending);
	/* The reaper: within its delay plus a few seconds, the anonymous pages are gone. */
	for (i = 0; i < 500; i++) {
		anon = get_mm_counter(mm, MM_ANONPAGES);
		if (!anon && (mm->flags & (1UL << MMF_OOM_SKIP)))
			break;
		msleep(20);
	}
	KUNIT_EXPECT_EQ(test, anon, 0);
	KUNIT_EXPECT_TRUE(test, mm->flags & (1UL << MMF_OOM_SKIP));
	/* Reaped and skipped: nobody else is killable here. */
	KUNIT_EXPECT_EQ(test, oom_badness(p, totalram_pages_count), LONG_MIN);

	complete(&h.go);
	KUNIT_EXPECT_EQ(test, kernel_wait(h.pid, &status), h.pid);
	KUNIT_EXPECT_EQ(test, status, SIGKILL);		/* killed, not exited */
	put_task_struct(p);
	mmdrop(mm);
}

static struct kunit_case oom_cases[] = {
	KUNIT_CASE(always_and_guess),
	KUNIT_CASE(never_limit),
	KUNIT_CASE(mmap_charges),
	KUNIT_CASE(badness_order),
	KUNIT_CASE(kill_and_reap),
	{}
};

static struct kunit_suite oom_suite = {
	.name = "mm.oom",
	.test_cases = oom_cases,
};
kunit_test_suite(oom_suite);
