/* SPDX-License-Identifier: GPL-2.0 */
/* Host version of asm/preempt.h: a test thread is never preempted by us. */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <stdbool.h>

static inline unsigned int preempt_count(void)
{
	return 0;
}

static inline void __preempt_count_add(int val)
{
}

static inline void __preempt_count_sub(int val)
{
}

static inline bool __preempt_count_dec_and_test(void)
{
	return false;
}

static inline bool should_resched(int offset)
{
	return false;
}

static inline void set_preempt_need_resched(void)
{
}

static inline void clear_preempt_need_resched(void)
{
}

static inline bool test_preempt_need_resched(void)
{
	return false;
}

#endif /* _ASM_PREEMPT_H */
