/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Talking to other CPUs (Linux: include/linux/smp.h, kernel/smp.c,
 * arch/x86/kernel/smp.c). An IPI is an interrupt one CPU sends another
 * through the local APIC: "reschedule", or "run this function".
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/types.h>

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
