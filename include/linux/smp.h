/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Talking to other CPUs (Linux: include/linux/smp.h, kernel/smp.c,
 * arch/x86/kernel/smp.c). An IPI is an interrupt one CPU sends another
 * through the local APIC: "reschedule", or "run this function".
 *
 * smp_processor_id() is this CPU's number, which only stays true while
 * the task cannot move: with preemption or interrupts off, or in a task
 * allowed on one CPU only. Like Linux with CONFIG_DEBUG_PREEMPT, it checks
 * that (lib/smp_processor_id.c) and reports a caller in preemptible code.
 * raw_smp_processor_id() is the unchecked read, for callers that only
 * want a hint (Linux: arch/x86/include/asm/smp.h). get_cpu()/put_cpu()
 * hold preemption off around a use of the number.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/percpu-defs.h>
#include <linux/preempt.h>
#include <linux/types.h>

DECLARE_PER_CPU(int, cpu_number);

#define raw_smp_processor_id() this_cpu_read(cpu_number)
unsigned int debug_smp_processor_id(void);
extern unsigned long smp_processor_id_reports;	/* all of them, printed or not */
#define smp_processor_id() debug_smp_processor_id()

#define get_cpu() ({ preempt_disable(); smp_processor_id(); })
#define put_cpu() preempt_enable()

typedef void (*smp_call_func_t)(void *info);
typedef bool (*smp_cond_func_t)(int cpu, void *info);

/* A queued function call (Linux: struct __call_single_data). */
struct call_single_data {
	struct list_head llist;
	smp_call_func_t func;
	void *info;
	unsigned int flags;	/* CSD_FLAG_LOCK while queued or running */
};

void smp_send_reschedule(int cpu);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info,
			    bool wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait);
void generic_smp_call_function_single_interrupt(void);
void call_function_init(void);
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

void smp_init(void);

#endif /* _LINUX_SMP_H */
