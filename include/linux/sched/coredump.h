/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether a process may dump core (Linux: include/linux/sched/coredump.h):
 * the low bits of mm->flags. exec sets SUID_DUMP_USER (begin_new_exec),
 * prctl(PR_SET_DUMPABLE) changes it, fork copies it with mm->flags.
 * No core dumps are written (no coredump code): the value is recorded.
 */
#ifndef _LINUX_SCHED_COREDUMP_H
#define _LINUX_SCHED_COREDUMP_H

#include <linux/mm_types.h>

#define SUID_DUMP_DISABLE 0	/* no core dump */
#define SUID_DUMP_USER 1	/* dump as the user of the process */
#define SUID_DUMP_ROOT 2	/* dump as root */

#define MMF_DUMPABLE_BITS 2
#define MMF_DUMPABLE_MASK ((1UL << MMF_DUMPABLE_BITS) - 1)

static inline int get_dumpable(struct mm_struct *mm)
{
	return READ_ONCE(mm->flags) & MMF_DUMPABLE_MASK;
}

static inline void set_dumpable(struct mm_struct *mm, int value)
{
	unsigned long old, new;

	if (value > SUID_DUMP_ROOT || value < 0)
		return;
	do {
		old = READ_ONCE(mm->flags);
		new = (old & ~MMF_DUMPABLE_MASK) | value;
	} while (!__atomic_compare_exchange_n(&mm->flags, &old, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
}

#endif /* _LINUX_SCHED_COREDUMP_H */
