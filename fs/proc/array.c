// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/PID/stat, status and statm (Linux: fs/proc/array.c:
 * do_task_stat, proc_pid_status with task_state/task_sig/task_cap,
 * proc_pid_statm), in Linux 6.1's formats, byte for byte.
 *
 * Where the numbers come from: the task (pid, tgid, comm, state, flags,
 * fault counts min_flt/maj_flt, utime/stime sampled by the tick in
 * kernel/time/timer.c, start_time, nvcsw/nivcsw from the scheduler), its
 * signal_struct (pgrp, session, tty, children's times, rlimits, the shared
 * pending set), sighand (ignored/caught), the mm (task_mem in
 * task_mmu.c). What Linnet lacks prints as Linux prints it without the
 * feature: no credentials (uid/gid 0, the full capability sets of root),
 * no namespaces (the NS* lines show the one level), no seccomp, no
 * ptrace (TracerPid 0), no THP, no NUMA (Mems_allowed 1), nice 0 and
 * priority 20 (no scheduling classes).
 */
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>

#include "internal.h"

#ifndef __TASK_STOPPED
#define __TASK_STOPPED 0x0004
#endif
#ifndef __TASK_TRACED
#define __TASK_TRACED 0x0008
#endif
#ifndef TASK_PARKED
#define TASK_PARKED 0x0040
#endif
#ifndef TASK_NOLOAD
#define TASK_NOLOAD 0x0400
#endif

#define USER_HZ 100

static unsigned long long nsec_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

/* Linux: task_state_array, indexed by task_state_index(). */
static const char *const task_state_array[] = {
	"R (running)",
	"S (sleeping)",
	"D (disk sleep)",
	"T (stopped)",
	"t (tracing stop)",
	"X (dead)",
	"Z (zombie)",
	"P (parked)",
	"I (idle)",
};

static unsigned int task_state_index(struct task_struct *tsk)
{
	unsigned int state = READ_ONCE(tsk->__state);
	unsigned int exit_state = READ_ONCE(tsk->exit_state);

	if (exit_state == EXIT_DEAD)
		return 5;
	if (exit_state == EXIT_ZOMBIE)
		return 6;
	if (state == TASK_RUNNING)
		return 0;
	if (state & TASK_INTERRUPTIBLE)
		return 1;
	if ((state & TASK_UNINTERRUPTIBLE) && (state & TASK_NOLOAD))
		return 8;
	if (state & TASK_UNINTERRUPTIBLE)
		return 2;
	if (state & __TASK_STOPPED)
		return 3;
	if (state & __TASK_TRACED)
		return 4;
	if (state & TASK_PARKED)
		return 7;
	return 0;
}

static const char *get_task_state(struct task_struct *tsk)
{
	return task_state_array[task_state_index(tsk)];
}

char task_state_char(struct task_struct *tsk)
{
	return get_task_state(tsk)[0];
}

/* The command name, with status's escapes of \n and \\ (Linux: proc_task_name). */
static void proc_task_name(struct seq_file *m, struct task_struct *p, bool escape)
{
	char tcomm[TASK_COMM_LEN];

	memcpy(tcomm, p->comm, sizeof(tcomm));
	tcomm[TASK_COMM_LEN - 1] = '\0';
	if (!escape) {
		seq_puts(m, tcomm);
		return;
	}
	for (const char *s = tcomm; *s; s++) {
		switch (*s) {
		case '\n':
			seq_puts(m, "\\n");
			break;
		case '\\':
			seq_puts(m, "\\\\");
			break;
		case '\t':
			seq_puts(m, "\\t");
			break;
		default:
			seq_putc(m, *s);
		}
	}
}

static int task_ppid(struct task_struct *p)
{
	int ppid = 0;

	spin_lock(&tasklist_lock);
	if (p->pid > 1 && p->real_parent)
		ppid = p->real_parent->tgid;
	spin_unlock(&tasklist_lock);
	return ppid;
}

static int task_nr_threads(struct task_struct *p)
{
	return p->signal ? READ_ONCE(p->signal->nr_threads) : 1;
}

static int task_max_fds(struct task_struct *p)
{
	unsigned long flags;
	int max_fds = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	if (p->files) {
		spin_lock(&p->files->file_lock);
		max_fds = files_fdtable(p->files)->max_fds;
		spin_unlock(&p->files->file_lock);
	}
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return max_fds;
}

static int task_umask(struct task_struct *p)
{
	unsigned long flags;
	int umask = -1;

	/* A task without its own fs_struct uses init_fs (linux/fs_struct.h); a dead one has none. */
	spin_lock_irqsave(&p->pi_lock, flags);
	if (p->fs)
		umask = p->fs->umask;
	else if (!(p->flags & PF_EXITING))
		umask = init_fs.umask;
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return umask;
}

static void task_state(struct seq_file *m, struct task_struct *p)
{
	int umask = task_umask(p);
	int pgrp = p->signal ? task_pgrp_nr(p) : 0;
	int sid = p->signal ? task_session_nr(p) : 0;

	if (umask >= 0)
		seq_printf(m, "Umask:\t%#04o\n", umask);
	seq_puts(m, "State:\t");
	seq_puts(m, get_task_state(p));
	seq_put_decimal_ull(m, "\nTgid:\t", p->tgid);
	seq_put_decimal_ull(m, "\nNgid:\t", 0);
	seq_put_decimal_ull(m, "\nPid:\t", p->pid);
	seq_put_decimal_ull(m, "\nPPid:\t", task_ppid(p));
	seq_put_decimal_ull(m, "\nTracerPid:\t", 0);
	seq_puts(m, "\nUid:\t0\t0\t0\t0");
	seq_puts(m, "\nGid:\t0\t0\t0\t0");
	seq_put_decimal_ull(m, "\nFDSize:\t", task_max_fds(p));
	seq_puts(m, "\nGroups:\t");
	/* Trailing space shouldn't have been added in the first place (Linux's comment). */
	seq_putc(m, ' ');
	seq_put_decimal_ull(m, "\nNStgid:\t", p->tgid);
	seq_put_decimal_ull(m, "\nNSpid:\t", p->pid);
	seq_put_decimal_ull(m, "\nNSpgid:\t", pgrp);
	seq_put_decimal_ull(m, "\nNSsid:\t", sid);
	seq_putc(m, '\n');
}

static void render_sigset_t(struct seq_file *m, const char *header, const sigset_t *set)
{
	seq_printf(m, "%s%016lx\n", header, set->sig[0]);
}

static void collect_sigign_sigcatch(struct task_struct *p, sigset_t *sigign, sigset_t *sigcatch)
{
	struct k_sigaction *k = p->sighand->action;

	for (int i = 1; i <= _NSIG; ++i, ++k) {
		if (k->sa.sa_handler == SIG_IGN)
			sigign->sig[0] |= 1UL << (i - 1);
		else if (k->sa.sa_handler != SIG_DFL)
			sigcatch->sig[0] |= 1UL << (i - 1);
	}
}

static unsigned long count_queue(struct sigpending *q)
{
	struct list_head *pos;
	unsigned long n = 0;

	list_for_each(pos, &q->list)
		n++;
	return n;
}

static void task_sig(struct seq_file *m, struct task_struct *p)
{
	sigset_t pending = {}, shpending = {}, blocked = {}, ignored = {}, caught = {};
	unsigned long qsize = 0, qlim = 0, flags;
	int num_threads = 0;

	spin_lock(&tasklist_lock);
	if (p->sighand && p->signal) {
		spin_lock_irqsave(&p->sighand->siglock, flags);
		pending = p->pending.signal;
		shpending = p->signal->shared_pending.signal;
		blocked = p->blocked;
		collect_sigign_sigcatch(p, &ignored, &caught);
		num_threads = task_nr_threads(p);
		qsize = count_queue(&p->pending) + count_queue(&p->signal->shared_pending);
		qlim = p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	} else if (p->signal) {
		num_threads = task_nr_threads(p);
		qlim = p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
	}
	spin_unlock(&tasklist_lock);
	seq_put_decimal_ull(m, "Threads:\t", num_threads);
	seq_put_decimal_ull(m, "\nSigQ:\t", qsize);
	seq_put_decimal_ull(m, "/", qlim);
	render_sigset_t(m, "\nSigPnd:\t", &pending);
	render_sigset_t(m, "ShdPnd:\t", &shpending);
	render_sigset_t(m, "SigBlk:\t", &blocked);
	render_sigset_t(m, "SigIgn:\t", &ignored);
	render_sigset_t(m, "SigCgt:\t", &caught);
}

/* Everybody is root with every capability (CAP_LAST_CAP 40), as Linux shows for root. */
static void task_cap(struct seq_file *m, struct task_struct *p)
{
	const unsigned long long full = (1ULL << 41) - 1;

	seq_printf(m, "CapInh:\t%016llx\n", 0ULL);
	seq_printf(m, "CapPrm:\t%016llx\n", full);
	seq_printf(m, "CapEff:\t%016llx\n", full);
	seq_printf(m, "CapBnd:\t%016llx\n", full);
	seq_printf(m, "CapAmb:\t%016llx\n", 0ULL);
}

static void task_seccomp(struct seq_file *m, struct task_struct *p)
{
	seq_put_decimal_ull(m, "NoNewPrivs:\t", 0);
	seq_put_decimal_ull(m, "\nSeccomp:\t", 0);
	seq_put_decimal_ull(m, "\nSeccomp_filters:\t", 0);
	/* Linnet has no speculation controls: Linux's words when it cannot say. */
	seq_puts(m, "\nSpeculation_Store_Bypass:\tunknown");
	seq_puts(m, "\nSpeculationIndirectBranch:\tunknown");
	seq_putc(m, '\n');
}

/* A cpumask as %*pb (hex, comma every 32 bits) and %*pbl (ranges). */
static void seq_cpumask(struct seq_file *m, const struct cpumask *mask)
{
	unsigned int nbits = nr_cpu_ids;
	int chunks = (nbits + 31) / 32;

	for (int c = chunks - 1; c >= 0; c--) {
		unsigned int word = 0, width;

		for (unsigned int b = 0; b < 32 && c * 32 + b < nbits; b++)
			if (cpumask_test_cpu(c * 32 + b, mask))
				word |= 1U << b;
		width = c == chunks - 1 ? ((nbits - c * 32) + 3) / 4 : 8;
		seq_printf(m, "%0*x%s", width, word, c ? "," : "");
	}
}

static void seq_cpumask_list(struct seq_file *m, const struct cpumask *mask)
{
	bool first = true;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned int end = cpu;

		if (!cpumask_test_cpu(cpu, mask))
			continue;
		while (end + 1 < nr_cpu_ids && cpumask_test_cpu(end + 1, mask))
			end++;
		if (end == cpu)
			seq_printf(m, "%s%u", first ? "" : ",", cpu);
		else
			seq_printf(m, "%s%u-%u", first ? "" : ",", cpu, end);
		first = false;
		cpu = end;
	}
}

static void task_cpus_allowed(struct seq_file *m, struct task_struct *task)
{
	seq_puts(m, "Cpus_allowed:\t");
	seq_cpumask(m, &task->cpus_mask);
	seq_puts(m, "\nCpus_allowed_list:\t");
	seq_cpumask_list(m, &task->cpus_mask);
	seq_putc(m, '\n');
	/* Linux: cpuset_task_status_allowed, one memory node. */
	seq_puts(m, "Mems_allowed:\t1\nMems_allowed_list:\t0\n");
}

static void task_context_switch_counts(struct seq_file *m, struct task_struct *p)
{
	seq_put_decimal_ull(m, "voluntary_ctxt_switches:\t", p->nvcsw);
	seq_put_decimal_ull(m, "\nnonvoluntary_ctxt_switches:\t", p->nivcsw);
	seq_putc(m, '\n');
}

int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);

	seq_puts(m, "Name:\t");
	proc_task_name(m, task, true);
	seq_putc(m, '\n');
	task_state(m, task);
	if (mm) {
		task_mem(m, mm);
		seq_puts(m, "CoreDumping:\t0\n");
		seq_puts(m, "THP_enabled:\t0\n");
		mmput(mm);
	}
	task_sig(m, task);
	task_cap(m, task);
	task_seccomp(m, task);
	task_cpus_allowed(m, task);
	task_context_switch_counts(m, task);
	return 0;
}

/* Linux: do_task_stat; whole: the process's sums (/proc/PID/stat), else the thread's. */
static int do_task_stat(struct seq_file *m, struct task_struct *task, bool whole)
{
	unsigned long min_flt = 0, maj_flt = 0, cmin_flt = 0, cmaj_flt = 0, vsize = 0, rss = 0;
	unsigned long rsslim = RLIM_INFINITY, flags;
	u64 utime = 0, stime = 0, cutime = 0, cstime = 0;
	sigset_t sigign = {}, sigcatch = {}, pending = {}, blocked;
	int ppid = task_ppid(task), pgid = 0, sid = 0, tty_pgrp = -1, num_threads = 0;
	int exit_code = task->exit_code;
	long long tty_nr = 0;
	struct mm_struct *mm = get_task_mm(task);
	struct task_struct *t;
	char state = task_state_char(task);

	spin_lock(&tasklist_lock);
	if (task->sighand && task->signal) {
		struct signal_struct *sig = task->signal;

		spin_lock_irqsave(&task->sighand->siglock, flags);
		if (sig->tty) {
			dev_t dev = tty_devnum(sig->tty);

			/* Linux: new_encode_dev() */
			tty_nr = (MINOR(dev) & 0xff) | (MAJOR(dev) << 8) |
				 ((MINOR(dev) & ~0xffU) << 12);
			/* Linux: tty_get_pgrp(); a plain read, as ctrl_lock is the tty's. */
			tty_pgrp = READ_ONCE(sig->tty->pgrp);
		}
		collect_sigign_sigcatch(task, &sigign, &sigcatch);
		pending = task->pending.signal;
		if (whole)
			pending.sig[0] |= sig->shared_pending.signal.sig[0];
		spin_unlock_irqrestore(&task->sighand->siglock, flags);
		num_threads = sig->nr_threads;
		cmin_flt = sig->cmin_flt;
		cmaj_flt = sig->cmaj_flt;
		cutime = sig->cutime;
		cstime = sig->cstime;
		rsslim = sig->rlim[RLIMIT_RSS].rlim_cur;
		pgid = sig->pgrp;
		sid = sig->session;
		if (whole) {
			list_for_each_entry(t, &task_list, tasks) {
				if (t->tgid != task->tgid || t->exit_state == EXIT_DEAD)
					continue;
				min_flt += t->min_flt;
				maj_flt += t->maj_flt;
				utime += t->utime;
				stime += t->stime;
			}
		}
	}
	spin_unlock(&tasklist_lock);
	if (!whole || !num_threads) {
		min_flt = task->min_flt;
		maj_flt = task->maj_flt;
		utime = task->utime;
		stime = task->stime;
	}
	blocked = task->blocked;
	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
		      get_mm_counter(mm, MM_SHMEMPAGES);
	}

	seq_put_decimal_ull(m, "", task->pid);
	seq_puts(m, " (");
	proc_task_name(m, task, false);
	seq_puts(m, ") ");
	seq_putc(m, state);
	seq_put_decimal_ll(m, " ", ppid);
	seq_put_decimal_ll(m, " ", pgid);
	seq_put_decimal_ll(m, " ", sid);
	seq_put_decimal_ll(m, " ", tty_nr);
	seq_put_decimal_ll(m, " ", tty_pgrp);
	seq_put_decimal_ull(m, " ", task->flags);
	seq_put_decimal_ull(m, " ", min_flt);
	seq_put_decimal_ull(m, " ", cmin_flt);
	seq_put_decimal_ull(m, " ", maj_flt);
	seq_put_decimal_ull(m, " ", cmaj_flt);
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(utime));
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(stime));
	seq_put_decimal_ll(m, " ", nsec_to_clock_t(cutime));
	seq_put_decimal_ll(m, " ", nsec_to_clock_t(cstime));
	seq_put_decimal_ll(m, " ", 20);		/* priority: task_prio(), SCHED_NORMAL at nice 0 */
	seq_put_decimal_ll(m, " ", 0);		/* nice */
	seq_put_decimal_ll(m, " ", num_threads);
	seq_put_decimal_ull(m, " ", 0);		/* itrealvalue, long unused */
	seq_put_decimal_ull(m, " ", nsec_to_clock_t(task->start_time));
	seq_put_decimal_ull(m, " ", vsize);
	seq_put_decimal_ull(m, " ", rss);
	seq_put_decimal_ull(m, " ", rsslim);
	seq_put_decimal_ull(m, " ", mm ? mm->start_code : 0);
	seq_put_decimal_ull(m, " ", mm ? mm->end_code : 0);
	seq_put_decimal_ull(m, " ", mm ? mm->start_stack : 0);
	seq_put_decimal_ull(m, " ", 0);		/* kstkesp: only for a core-dumping task */
	seq_put_decimal_ull(m, " ", 0);		/* kstkeip */
	/* The signal information here is obsolete (Linux's words): /proc/PID/status has it. */
	seq_put_decimal_ull(m, " ", pending.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", blocked.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", sigign.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", sigcatch.sig[0] & 0x7fffffffUL);
	seq_put_decimal_ull(m, " ", 0);		/* wchan (Linux 5.16+: 0) */
	seq_put_decimal_ull(m, " ", 0);		/* nswap */
	seq_put_decimal_ull(m, " ", 0);		/* cnswap */
	seq_put_decimal_ll(m, " ", task->exit_signal);
	seq_put_decimal_ll(m, " ", task_cpu(task));
	seq_put_decimal_ull(m, " ", 0);		/* rt_priority */
	seq_put_decimal_ull(m, " ", 0);		/* policy: SCHED_NORMAL */
	seq_put_decimal_ull(m, " ", 0);		/* delayacct_blkio_ticks */
	seq_put_decimal_ull(m, " ", 0);		/* guest_time */
	seq_put_decimal_ll(m, " ", 0);		/* cguest_time */
	if (mm) {
		seq_put_decimal_ull(m, " ", mm->start_data);
		seq_put_decimal_ull(m, " ", mm->end_data);
		seq_put_decimal_ull(m, " ", mm->start_brk);
		seq_put_decimal_ull(m, " ", mm->arg_start);
		seq_put_decimal_ull(m, " ", mm->arg_end);
		seq_put_decimal_ull(m, " ", mm->env_start);
		seq_put_decimal_ull(m, " ", mm->env_end);
		mmput(mm);
	} else {
		seq_puts(m, " 0 0 0 0 0 0 0");
	}
	seq_put_decimal_ll(m, " ", exit_code);
	seq_putc(m, '\n');
	return 0;
}

int proc_tid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, false);
}

int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	return do_task_stat(m, task, true);
}

int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);

	if (mm) {
		unsigned long size, resident = 0, shared = 0, text = 0, data = 0;

		size = task_statm(mm, &shared, &text, &data, &resident);
		mmput(mm);
		seq_put_decimal_ull(m, "", size);
		seq_put_decimal_ull(m, " ", resident);
		seq_put_decimal_ull(m, " ", shared);
		seq_put_decimal_ull(m, " ", text);
		seq_put_decimal_ull(m, " ", 0);
		seq_put_decimal_ull(m, " ", data);
		seq_put_decimal_ull(m, " ", 0);
		seq_putc(m, '\n');
	} else {
		seq_write(m, "0 0 0 0 0 0 0\n", 14);
	}
	return 0;
}
