// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler's system calls (Linux: kernel/sched/syscalls.c, formerly
 * kernel/sched/core.c): sched_yield, sched_getaffinity, sched_setaffinity.
 * The CPU mask in user space is a byte array of any length that is a
 * multiple of sizeof(long) and covers nr_cpu_ids bits; the kernel's is one
 * word (NR_CPUS 64). Left out: the policy and priority calls
 * (sched_setscheduler and friends are -ENOSYS), cpusets, permission
 * checks (everyone is root).
 */
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* pid 0 is the caller; a reference is held on the result (Linux: find_process_by_pid). */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_vpid(pid);
}

static unsigned int cpumask_size(void)
{
	return sizeof(struct cpumask);
}

SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *p;
	struct cpumask mask;
	unsigned int retlen;

	if ((len * 8) < nr_cpu_ids)
		return -EINVAL;
	if (len & (sizeof(unsigned long) - 1))
		return -EINVAL;
	if (pid < 0)
		return -ESRCH;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	mask.bits = p->cpus_mask.bits & cpu_online_mask->bits;
	put_task_struct(p);
	retlen = len < cpumask_size() ? len : cpumask_size();
	if (copy_to_user(user_mask_ptr, &mask, retlen))
		return -EFAULT;
	return retlen;
}

SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct cpumask new_mask = { 0 };
	struct task_struct *p;
	int ret;

	/* Linux: get_user_cpu_mask: a short mask is zero-extended, a long one cut. */
	if (copy_from_user(&new_mask, user_mask_ptr, len < cpumask_size() ? len : cpumask_size()))
		return -EFAULT;
	if (pid < 0)
		return -ESRCH;
	p = find_process_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (p->flags & PF_NO_SETAFFINITY) {
		put_task_struct(p);
		return -EINVAL;
	}
	new_mask.bits &= (nr_cpu_ids >= 64 ? ~0UL : (1UL << nr_cpu_ids) - 1);
	ret = set_cpus_allowed_ptr(p, &new_mask);
	put_task_struct(p);
	return ret;
}
