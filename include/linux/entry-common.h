/* SPDX-License-Identifier: GPL-2.0 */
/* Leaving the kernel for user mode (Linux: include/linux/entry-common.h, kernel/entry/common.c). */
#ifndef _LINUX_ENTRY_COMMON_H
#define _LINUX_ENTRY_COMMON_H

struct pt_regs;

/* Do the pending work (reschedule, signals) of a return to user mode; returns with IRQs off. */
void syscall_exit_to_user_mode(struct pt_regs *regs);
void irqentry_exit_to_user_mode(struct pt_regs *regs);

#endif /* _LINUX_ENTRY_COMMON_H */
