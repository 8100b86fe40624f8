// SPDX-License-Identifier: GPL-2.0
/*
 * The C side of entering and leaving the kernel from user mode (Linux:
 * kernel/entry/common.c and do_syscall_64 in arch/x86/entry/common.c).
 *
 * Every return to user mode, from a system call, an exception or an
 * interrupt, passes exit_to_user_mode_prepare() with interrupts off: as
 * long as the task has work flagged (TIF_NEED_RESCHED, TIF_SIGPENDING,
 * TIF_NOTIFY_RESUME) it turns interrupts on, does it (schedule(), signal
 * delivery) and looks again, so nothing flagged in between is missed.
 * Only then does the entry code swapgs and iretq/sysretq.
 */
#include <asm/irqflags.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/entry-common.h>
#include <linux/uaccess.h>


#define EXIT_TO_USER_MODE_WORK \
	((1UL << TIF_NEED_RESCHED) | (1UL << TIF_SIGPENDING) | (1UL << TIF_NOTIFY_RESUME))

static unsigned long read_thread_flags(void)
{
	return __atomic_load_n(&current->thread_info.flags, __ATOMIC_RELAXED);
}

static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long ti_work)
{
	while (ti_work & EXIT_TO_USER_MODE_WORK) {
		local_irq_enable();
		if (ti_work & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (ti_work & (1UL << TIF_SIGPENDING))
			arch_do_signal_or_restart(regs);
		if (ti_work & (1UL << TIF_NOTIFY_RESUME))
			__atomic_and_fetch(&current->thread_info.flags, ~(1UL << TIF_NOTIFY_RESUME),
					   __ATOMIC_RELAXED);
		local_irq_disable();
		ti_work = read_thread_flags();
	}
}

static void exit_to_user_mode_prepare(struct pt_regs *regs)
{
	local_irq_disable();
	/*
	 * A return to a non-canonical %rip would fault on the iretq itself,
	 * in kernel mode with the user's %gs. Only a bad ELF entry point can
	 * put one here: the program gets SIGSEGV, as it would on Linux, where
	 * the iret fault is turned into one.
	 */
	if (regs->ip >= TASK_SIZE_MAX) {
		local_irq_enable();
		force_sig(SIGSEGV);
		local_irq_disable();
	}
	exit_to_user_mode_loop(regs, read_thread_flags());
}

/* From the entry code, after an exception or interrupt that came from user mode. */
void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}

/* The end of a system call, and of a new task's ret_from_fork into user mode. */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	exit_to_user_mode_prepare(regs);
}

/*
 * sysretq restores %rip from %rcx and %rflags from %r11 and is faster
 * than iretq, but only safe for the frame the syscall instruction made:
 * Linux 6.1's checks, in its order.
 */
static bool syscall_can_sysret(const struct pt_regs *regs)
{
	if (regs->cs != __USER_CS || regs->ss != __USER_DS)
		return false;
	if (regs->cx != regs->ip || regs->r11 != regs->flags)
		return false;
	/* Canonical, and not the last page below the hole (Intel's SYSRET erratum). */
	if (regs->ip >= TASK_SIZE_MAX)
		return false;
	if (regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF))
		return false;
	return true;
}

bool do_syscall_64(struct pt_regs *regs, int nr)
{
	local_irq_enable();
	regs->ax = x64_sys_call(regs, (unsigned int)nr);
	syscall_exit_to_user_mode(regs);
	return syscall_can_sysret(regs);
}
