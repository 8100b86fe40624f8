// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's half of a task switch and of a new task (Linux:
 * arch/x86/kernel/process_64.c and process.c: __switch_to, copy_thread,
 * ret_from_fork, start_thread, arch_prctl).
 *
 * A task's kernel stack has its user registers, struct pt_regs, at the
 * very top (task_pt_regs): the syscall entry builds them there, and the
 * CPU's own push for an interrupt from user mode starts there because the
 * TSS's sp0 is set to that top at every switch. Below them, a task that
 * has never run has the frame __switch_to_asm pops (Linux's
 * inactive_task_frame), returning into ret_from_fork_asm.
 *
 * What the user can change of the CPU beyond its registers is saved per
 * task: the %fs and %gs bases (arch_prctl; user space cannot write them
 * itself since CR4.FSGSBASE stays off) and the FPU/SSE state (kernel/fpu.c).
 * The %fs/%gs selectors are not saved: 64-bit programs leave them 0.
 */
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <linux/entry-common.h>
#include <linux/err.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

DECLARE_PER_CPU(struct x86_hw_tss, cpu_tss_rw);
/* The kernel stack top of the running task: where entry_SYSCALL_64 builds pt_regs. */
DEFINE_PER_CPU(unsigned long, cpu_current_top_of_stack);
/* The user %rsp while entry_SYSCALL_64 switches stacks (Linux: the TSS's sp2 slot). */
DEFINE_PER_CPU(unsigned long, rsp_scratch);

void ret_from_fork_asm(void);
void schedule_tail(struct task_struct *prev);
void ret_from_fork(struct task_struct *prev, struct pt_regs *regs);

static unsigned long task_stack_top(struct task_struct *p)
{
	return (unsigned long)p->stack + THREAD_SIZE;
}

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)task_stack_top(p) - 1;
}

/* Where the next entry from user mode, of either kind, puts its frame. */
static void load_sp0(unsigned long sp0)
{
	this_cpu_write(cpu_tss_rw.sp0, sp0);
	this_cpu_write(cpu_current_top_of_stack, sp0);
}

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	switch_fpu(prev, next);
	if (prev->thread.fsbase != next->thread.fsbase)
		wrmsr(MSR_FS_BASE, next->thread.fsbase);
	/* While in the kernel, the user's %gs base waits in MSR_KERNEL_GS_BASE. */
	if (prev->thread.gsbase != next->thread.gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	load_sp0(task_stack_top(next));
	this_cpu_write(current_task, next);
	return prev;
}

/* The frame __switch_to_asm pops for a task's first switch-in (Linux: inactive_task_frame). */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

static void setup_switch_frame(struct task_struct *p)
{
	struct inactive_task_frame *frame = (struct inactive_task_frame *)task_pt_regs(p) - 1;

	memset(frame, 0, sizeof(*frame));
	frame->ret_addr = (unsigned long)ret_from_fork_asm;
	p->thread.sp = (unsigned long)frame;
}

/* A kernel thread's first switch: ret_from_fork runs p->threadfn (kernel/kthread.c). */
void task_setup_first_switch(struct task_struct *p)
{
	memset(task_pt_regs(p), 0, sizeof(struct pt_regs));
	setup_switch_frame(p);
}

static int set_fsbase(struct task_struct *p, unsigned long base)
{
	if (base >= TASK_SIZE_MAX)
		return -EPERM;
	p->thread.fsbase = base;
	if (p == current)
		wrmsr(MSR_FS_BASE, base);
	return 0;
}

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);
	int err;

	p->thread.fpu = NULL;
	if (args->fn) {
		/* A kernel-started task: no user registers until it execs. */
		memset(childregs, 0, sizeof(*childregs));
		p->threadfn = args->fn;
		p->data = args->fn_arg;
		p->thread.fsbase = 0;
		p->thread.gsbase = 0;
		if (args->kthread) {
			setup_switch_frame(p);
			return 0;
		}
	} else {
		/* fork/clone: the child returns from the same system call, with 0. */
		*childregs = *task_pt_regs(current);
		childregs->ax = 0;
		if (args->stack)
			childregs->sp = args->stack;
		p->threadfn = NULL;
		p->thread.fsbase = current->thread.fsbase;
		p->thread.gsbase = current->thread.gsbase;
		if (args->flags & CLONE_SETTLS) {
			if (args->tls >= TASK_SIZE_MAX)
				return -EPERM;
			p->thread.fsbase = args->tls;
		}
	}
	err = fpu_clone(p, current);
	if (err)
		return err;
	setup_switch_frame(p);
	return 0;
}

void exit_thread(struct task_struct *tsk)
{
	fpu_free(tsk);
}

/*
 * The first C a new task runs, on its own stack (Linux: ret_from_fork in
 * arch/x86/kernel/process.c). A kernel thread runs its function and
 * exits. A task made by user_mode_thread() runs its function too, which
 * returns 0 once kernel_execve() has put a program in place (anything
 * else is the exit code); a forked child has its parent's registers
 * already. Both then leave for user mode through the same exit work as a
 * system call.
 */
void ret_from_fork(struct task_struct *prev, struct pt_regs *regs)
{
	struct task_struct *tsk = current;

	schedule_tail(prev);
	if (tsk->threadfn) {
		int ret = tsk->threadfn(tsk->data);

		/* No mm: nothing was exec'd, there is no user mode to go to. */
		if ((tsk->flags & PF_KTHREAD) || ret || !tsk->mm)
			do_exit(ret);
		tsk->threadfn = NULL;
		regs->ax = 0;
	}
	syscall_exit_to_user_mode(regs);
}

/* A fresh program's registers (Linux: start_thread_common, ELF_PLAT_INIT). */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = new_ip;
	regs->sp = new_sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	regs->orig_ax = -1;
}

/* exec: nothing of the old program's CPU state survives. */
void arch_setup_new_exec(void)
{
	struct task_struct *tsk = current;

	tsk->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	tsk->thread.gsbase = 0;
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu__clear_user_states(tsk);
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004
#define ARCH_GET_CPUID 0x1011
#define ARCH_SET_CPUID 0x1012

SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
	struct task_struct *tsk = current;

	switch (option) {
	case ARCH_SET_FS:
		return set_fsbase(tsk, arg2);
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		tsk->thread.gsbase = arg2;
		wrmsr(MSR_KERNEL_GS_BASE, arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(tsk->thread.fsbase, (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(tsk->thread.gsbase, (unsigned long __user *)arg2);
	case ARCH_GET_CPUID:
		return 1;		/* cpuid does not fault (no CPUID faulting) */
	case ARCH_SET_CPUID:
		return -ENODEV;
	default:
		return -EINVAL;
	}
}
