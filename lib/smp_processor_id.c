// SPDX-License-Identifier: GPL-2.0
/*
 * smp_processor_id() that checks its caller can't move to another CPU
 * (Linux: lib/smp_processor_id.c, CONFIG_DEBUG_PREEMPT, always on here).
 *
 * The number is only stable if preemption is off, interrupts are off, or
 * the task is allowed on a single CPU (Linux's older check; today's
 * is_percpu_thread() also wants PF_NO_SETAFFINITY); before the scheduler
 * runs, every use is fine. Anything else gets Linux's report, with the
 * caller and a stack dump. Linux rate-limits the report; here it is printed
 * once per boot (later ones are only counted), so a log shows the first
 * offender without drowning in repeats.
 */
#include <asm/irqflags.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

unsigned long smp_processor_id_reports;

noinline unsigned int debug_smp_processor_id(void)
{
	static bool reported;
	unsigned int this_cpu = raw_smp_processor_id();

	if (likely(preempt_count()))
		return this_cpu;
	if (irqs_disabled())
		return this_cpu;
	if (current->nr_cpus_allowed == 1)
		return this_cpu;
	if (!scheduler_running)
		return this_cpu;

	preempt_disable();	/* no recursion through printk, and the count below */
	__atomic_add_fetch(&smp_processor_id_reports, 1, __ATOMIC_RELAXED);
	if (!__atomic_exchange_n(&reported, true, __ATOMIC_RELAXED)) {
		printk(KERN_ERR "BUG: using smp_processor_id() in preemptible [%08x] code: %s/%d\n",
		       preempt_count() - 1, current->comm, current->pid);
		printk(KERN_DEFAULT "caller is %pS\n", __builtin_return_address(0));
		dump_stack();
	}
	preempt_enable_no_resched();
	return this_cpu;
}
