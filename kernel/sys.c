// SPDX-License-Identifier: GPL-2.0
/*
 * Miscellaneous system calls about the system and the caller (Linux:
 * kernel/sys.c, kernel/uid16.c's modern forms, kernel/utsname.c):
 *
 * uname (sys_newuname: struct new_utsname, six 65-byte strings). Linnet
 * answers as Linux would, so that programs (and people) comparing the
 * two see the same shape: sysname "Linux", nodename "(none)" (Linux's
 * default before sethostname), release "6.1.0-linnet" (the ABI Linnet
 * follows is Linux 6.1's: kernel/syscalls/syscall_64.tbl), version
 * "#1 SMP Linnet", machine "x86_64", domainname "(none)". sethostname
 * and setdomainname change nodename and domainname (at most 64 bytes).
 *
 * Credentials: everyone is root. getuid, geteuid, getgid, getegid,
 * getresuid, getresgid return 0; getgroups reports no supplementary
 * groups (0; -EINVAL for a negative size).
 *
 * umask: swaps fs->umask (current_fs(): init_fs for kernel threads),
 * keeping the 0777 bits, and returns the old one.
 *
 * Limits: getrlimit, setrlimit and prlimit64 read and change
 * signal->rlim (RLIM_INFINITY = ~0). -EINVAL for an unknown resource or
 * cur > max, -EPERM for an RLIMIT_NOFILE max above sysctl_nr_open (root
 * may raise any other hard limit); prlimit64 on another pid finds it with
 * find_task_by_vpid (-ESRCH). init's limits are Linux's INIT_RLIMITS
 * (kernel/fork.c). RLIMIT_NOFILE is enforced here (fs/file.c,
 * nofile_limit), RLIMIT_STACK by exec; the others are recorded.
 *
 * times: the same times in clock ticks of USER_HZ (100), and the ticks
 * since boot as the result.
 *
 * getrusage: user and system time from the task's utime/stime, page
 * faults (min_flt/maj_flt) and context switches; RUSAGE_CHILDREN from
 * what wait4 added to signal->c* (RUSAGE_SELF and RUSAGE_THREAD are the
 * calling thread: one thread per process so far).
 *
 * sysinfo: uptime (CLOCK_BOOTTIME seconds, rounded up as Linux does),
 * totalram/freeram from the buddy allocator, procs = every task, mem_unit
 * 1; no swap, no load average (0), no high memory.
 *
 * prctl: PR_SET_NAME/PR_GET_NAME (comm, 16 bytes with the NUL),
 * PR_SET_PDEATHSIG/PR_GET_PDEATHSIG (sent by the exit of the parent,
 * kernel/exit.c), PR_SET_DUMPABLE/PR_GET_DUMPABLE (mm->flags,
 * linux/sched/coredump.h; recorded: no core dumps), PR_SET_CHILD_SUBREAPER/
 * PR_GET_CHILD_SUBREAPER (signal->is_child_subreaper, propagated to the
 * descendants' has_child_subreaper as Linux does), PR_SET_NO_NEW_PRIVS/
 * PR_GET_NO_NEW_PRIVS (PFA_NO_NEW_PRIVS, sticky), PR_GET_KEEPCAPS/
 * PR_SET_KEEPCAPS (recorded nowhere: no capabilities, always 0),
 * PR_CAPBSET_READ (every capability is in the bounding set). Any other
 * option is -EINVAL, as Linux answers an unknown one.
 *
 * getpriority/setpriority: PRIO_PROCESS (a thread), PRIO_PGRP and
 * PRIO_USER (everyone is uid 0: every user task), who 0 for the caller's
 * own; the nice value is clamped to -20..19 and recorded (task->nice,
 * fork inherits it, /proc/PID/stat shows it) but the scheduler, round
 * robin, does not use it. getpriority returns 20 - nice of the nicest
 * match, as the system call does (C libraries turn it back). -EINVAL for
 * an unknown which, -ESRCH when nothing matches.
 *
 * Left out: setuid and friends, capabilities, UTS namespaces, the RLIMIT_CPU timer,
 * ru_maxrss, the other prctl options.
 */
#include <linux/binfmts.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

/* ---- uname ---------------------------------------------------------------------------- */

DECLARE_RWSEM(uts_sem);
static struct new_utsname init_uts = {
	.sysname = "Linux",
	.nodename = "(none)",
	.release = "6.1.0-linnet",
	.version = "#1 SMP Linnet",
	.machine = "x86_64",
	.domainname = "(none)",
};

struct new_utsname *utsname(void)
{
	return &init_uts;
}

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname tmp;

	down_read(&uts_sem);
	tmp = init_uts;
	up_read(&uts_sem);
	return copy_to_user(name, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* sethostname/setdomainname: at most 64 bytes, NUL-padded (root may, as everyone here). */
static long set_uts_field(char *field, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN];

	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	down_write(&uts_sem);
	memcpy(field, tmp, len);
	memset(field + len, 0, __NEW_UTS_LEN + 1 - len);
	up_write(&uts_sem);
	return 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	return set_uts_field(init_uts.nodename, name, len);
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	return set_uts_field(init_uts.domainname, name, len);
}

/* ---- credentials: root ----------------------------------------------------------------- */

SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

static long put_three_ids(unsigned int __user *a, unsigned int __user *b, unsigned int __user *c)
{
	if (put_user(0U, a) || put_user(0U, b) || put_user(0U, c))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruidp, unsigned int __user *, euidp,
		unsigned int __user *, suidp)
{
	return put_three_ids(ruidp, euidp, suidp);
}

SYSCALL_DEFINE3(getresgid, unsigned int __user *, rgidp, unsigned int __user *, egidp,
		unsigned int __user *, sgidp)
{
	return put_three_ids(rgidp, egidp, sgidp);
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, unsigned int __user *, grouplist)
{
	if (gidsetsize < 0)
		return -EINVAL;
	return 0;	/* no supplementary groups */
}

/* ---- umask ---------------------------------------------------------------------------- */

long ksys_umask(int mask)
{
	struct fs_struct *fs = current_fs();

	return __atomic_exchange_n(&fs->umask, mask & S_IRWXUGO, __ATOMIC_RELAXED);
}

SYSCALL_DEFINE1(umask, int, mask)
{
	return ksys_umask(mask);
}

/* ---- resource limits -------------------------------------------------------------------- */

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

/* Linux: do_prlimit(). tsk->signal's siglock keeps the pair consistent. */
static int do_prlimit(struct task_struct *tsk, unsigned int resource, struct rlimit *new_rlim,
		      struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!tsk->signal || !tsk->sighand)
		return -ESRCH;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > sysctl_nr_open)
			return -EPERM;
	}
	rlim = tsk->signal->rlim + resource;
	spin_lock_irq(&tsk->sighand->siglock);
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	spin_unlock_irq(&tsk->sighand->siglock);
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit new_rlim;

	if (copy_from_user(&new_rlim, rlim, sizeof(new_rlim)))
		return -EFAULT;
	return do_prlimit(current, resource, &new_rlim, NULL);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk = current;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		/* RLIM64_INFINITY and ~0UL are the same on 64-bit. */
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	if (pid && pid != current->pid && pid != current->tgid) {
		spin_lock(&tasklist_lock);
		tsk = find_task_by_vpid(pid);
		if (tsk)
			get_task_struct(tsk);
		spin_unlock(&tasklist_lock);
		if (!tsk)
			return -ESRCH;
	}
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (tsk != current)
		put_task_struct(tsk);
	if (!ret && old_rlim) {
		old64.rlim_cur = old.rlim_cur;
		old64.rlim_max = old.rlim_max;
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

/* ---- getrusage ------------------------------------------------------------------------ */

struct rusage {
	struct __kernel_old_timeval ru_utime;
	struct __kernel_old_timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};
_Static_assert(sizeof(struct rusage) == 144, "x86-64 struct rusage");

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	struct __kernel_old_timeval tv = { ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / NSEC_PER_USEC };

	return tv;
}

static void getrusage_task(struct task_struct *p, int who, struct rusage *r)
{
	u64 utime = 0, stime = 0;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		if (p->signal) {
			utime += p->signal->cutime;
			stime += p->signal->cstime;
			r->ru_minflt += p->signal->cmin_flt;
			r->ru_majflt += p->signal->cmaj_flt;
		}
	}
	if (who != RUSAGE_CHILDREN) {
		utime += p->utime;
		stime += p->stime;
		r->ru_minflt += p->min_flt;
		r->ru_majflt += p->maj_flt;
		r->ru_nvcsw += p->nvcsw;
		r->ru_nivcsw += p->nivcsw;
	}
	r->ru_utime = ns_to_timeval(utime);
	r->ru_stime = ns_to_timeval(stime);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage_task(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* ---- times --------------------------------------------------------------------------- */

#define USER_HZ 100

struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};

static long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		struct tms tmp = {
			.tms_utime = ns_to_clock_t(current->utime),
			.tms_stime = ns_to_clock_t(current->stime),
		};

		if (current->signal) {
			tmp.tms_cutime = ns_to_clock_t(current->signal->cutime);
			tmp.tms_cstime = ns_to_clock_t(current->signal->cstime);
		}
		if (copy_to_user(tbuf, &tmp, sizeof(tmp)))
			return -EFAULT;
	}
	return ns_to_clock_t(ktime_get_ns());
}

/* ---- sysinfo -------------------------------------------------------------------------- */

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};
_Static_assert(sizeof(struct sysinfo) == 112, "x86-64 struct sysinfo");

static void do_sysinfo(struct sysinfo *info)
{
	struct timespec64 tp;

	memset(info, 0, sizeof(*info));
	posix_clock_get(CLOCK_BOOTTIME, &tp);
	info->uptime = tp.tv_sec + (tp.tv_nsec ? 1 : 0);
	info->procs = nr_task_structs();
	/* Bytes, since mem_unit is 1 (Linux scales to bytes when it fits in a long). */
	info->totalram = totalram_pages_count * PAGE_SIZE;
	info->freeram = nr_free_pages() * PAGE_SIZE;
	/* shmem/tmpfs pages, as /proc/meminfo's Shmem (Linux: si_meminfo) */
	info->sharedram = global_node_page_state(NR_SHMEM) * PAGE_SIZE;
	info->mem_unit = 1;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

/* ---- prctl ------------------------------------------------------------------------------- */

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_GET_KEEPCAPS 7
#define PR_SET_KEEPCAPS 8
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_CAPBSET_READ 23
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37
#define PR_SET_NO_NEW_PRIVS 38
#define PR_GET_NO_NEW_PRIVS 39

#define CAP_LAST_CAP 40		/* Linux 6.1: CAP_CHECKPOINT_RESTORE */

static bool is_descendant(struct task_struct *p, struct task_struct *ancestor)
{
	while (p != ancestor) {
		if (p->real_parent == p || !p->real_parent || p->pid <= 1)
			return false;
		p = p->real_parent;
	}
	return true;
}

/* Orphans below us come to us from now on (Linux: walk_process_tree + propagate_has_child_subreaper). */
static void propagate_has_child_subreaper(struct task_struct *me)
{
	struct task_struct *p;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p == me || !p->signal || !p->mm)
			continue;
		if (is_descendant(p, me))
			p->signal->has_child_subreaper = 1;
	}
	spin_unlock(&tasklist_lock);
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	struct task_struct *me = current;
	char comm[TASK_COMM_LEN];
	int error = 0;

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)		/* Linux: !valid_signal(arg2) */
			return -EINVAL;
		me->pdeath_signal = arg2;
		break;
	case PR_GET_PDEATHSIG:
		error = put_user(me->pdeath_signal, (int __user *)arg2);
		break;
	case PR_GET_DUMPABLE:
		error = me->mm ? get_dumpable(me->mm) : 0;
		break;
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		if (me->mm)
			set_dumpable(me->mm, arg2);
		break;
	case PR_GET_KEEPCAPS:
		break;				/* 0: no capabilities to keep */
	case PR_SET_KEEPCAPS:
		if (arg2 > 1)
			return -EINVAL;
		break;
	case PR_CAPBSET_READ:
		if (arg2 > CAP_LAST_CAP)
			return -EINVAL;
		error = 1;			/* root: every capability is bounded in */
		break;
	case PR_SET_NAME:
		comm[sizeof(comm) - 1] = 0;
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		__set_task_comm(me, comm, false);
		break;
	case PR_GET_NAME:
		strscpy(comm, me->comm, sizeof(comm));
		if (copy_to_user((char __user *)arg2, comm, sizeof(comm)))
			return -EFAULT;
		break;
	case PR_SET_CHILD_SUBREAPER:
		me->signal->is_child_subreaper = !!arg2;
		if (arg2)
			propagate_has_child_subreaper(me);
		break;
	case PR_GET_CHILD_SUBREAPER:
		error = put_user((int)me->signal->is_child_subreaper, (int __user *)arg2);
		break;
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		__atomic_fetch_or(&me->atomic_flags, 1UL << PFA_NO_NEW_PRIVS, __ATOMIC_RELAXED);
		break;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return (READ_ONCE(me->atomic_flags) >> PFA_NO_NEW_PRIVS) & 1;
	default:
		error = -EINVAL;
		break;
	}
	return error;
}

/* ---- getpriority, setpriority ------------------------------------------------------------- */

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

static bool prio_match(struct task_struct *p, int which, int who)
{
	if (!p->mm || p->exit_state || !p->signal)
		return false;		/* kernel threads and the dead */
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == (who ? who : current->pid);
	case PRIO_PGRP:
		return p->signal->pgrp == (who ? who : current->signal->pgrp);
	case PRIO_USER:
		return who == 0;	/* everyone is uid 0 */
	}
	return false;
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *p;
	int error = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	if (niceval < MIN_NICE)
		niceval = MIN_NICE;
	if (niceval > MAX_NICE)
		niceval = MAX_NICE;
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (prio_match(p, which, who)) {
			WRITE_ONCE(p->nice, niceval);
			error = 0;
		}
	}
	spin_unlock(&tasklist_lock);
	return error;
}

SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *p;
	long retval = -ESRCH;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (prio_match(p, which, who)) {
			long niceval = 20 - READ_ONCE(p->nice);

			if (niceval > retval)
				retval = niceval;
		}
	}
	spin_unlock(&tasklist_lock);
	return retval;
}
