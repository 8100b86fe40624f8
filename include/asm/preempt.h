/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The preemption counter on x86 (Linux: arch/x86/include/asm/preempt.h).
 *
 * __preempt_count is per CPU. Bit 31 is an *inverted* need-resched flag
 * (PREEMPT_NEED_RESCHED set means "no reschedule needed"), so the whole
 * word is 0 exactly when the count is 0 and a reschedule is pending:
 * preempt_enable() is one "decl %gs:__preempt_count" whose zero flag says
 * whether to call preempt_schedule(). The host tests replace this header.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <linux/percpu-defs.h>

#define PREEMPT_NEED_RESCHED 0x80000000U
#define PREEMPT_ENABLED PREEMPT_NEED_RESCHED

DECLARE_PER_CPU(unsigned int, __preempt_count);

static __always_inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count) & ~PREEMPT_NEED_RESCHED;
}

/*
 * Replace the count, keeping the need-resched bit. An interrupt (a
 * reschedule IPI) may set that bit between our read and our write, so the
 * write is a cmpxchg that retries until nothing changed in between, as
 * in Linux. Only this CPU writes its count, so no lock prefix is needed:
 * one instruction is atomic against interrupts.
 */
static __always_inline void preempt_count_set(unsigned int pc)
{
	unsigned int old = this_cpu_read(__preempt_count), new;
	bool done;

	do {
		new = (old & PREEMPT_NEED_RESCHED) | (pc & ~PREEMPT_NEED_RESCHED);
		__asm__ __volatile__("cmpxchgl %[new], %%gs:%[var]"
				     : "=@ccz"(done), [var] "+m"(__preempt_count), "+a"(old)
				     : [new] "r"(new)
				     : "memory");
	} while (!done);
}

static __always_inline void set_preempt_need_resched(void)
{
	__asm__ __volatile__("andl %1, %%gs:%0" : "+m"(__preempt_count) : "i"(~PREEMPT_NEED_RESCHED));
}

static __always_inline void clear_preempt_need_resched(void)
{
	__asm__ __volatile__("orl %1, %%gs:%0" : "+m"(__preempt_count) : "i"(PREEMPT_NEED_RESCHED));
}

static __always_inline bool test_preempt_need_resched(void)
{
	return !(this_cpu_read(__preempt_count) & PREEMPT_NEED_RESCHED);
}

static __always_inline void __preempt_count_add(int val)
{
	this_cpu_add(__preempt_count, val);
}

static __always_inline void __preempt_count_sub(int val)
{
	this_cpu_sub(__preempt_count, val);
}

/* One instruction: decrement, and was the result zero? */
static __always_inline bool __preempt_count_dec_and_test(void)
{
	bool zero;

	__asm__ __volatile__("decl %%gs:%0" : "+m"(__preempt_count), "=@ccz"(zero) : : "memory");
	return zero;
}

/* Count 0 and a reschedule pending (the same test in irq-return code). */
static __always_inline bool should_resched(int offset)
{
	return this_cpu_read(__preempt_count) == (unsigned int)offset;
}

#endif /* _ASM_PREEMPT_H */
