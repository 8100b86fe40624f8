// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor interrupts: reschedule and call-function (Linux:
 * kernel/smp.c, arch/x86/kernel/smp.c), TLB shootdown on top
 * (arch/x86/mm/tlb.c), and stopping the other CPUs when the kernel
 * panics (arch/x86/kernel/smp.c native_stop_other_cpus, process.c
 * stop_this_cpu).
 *
 * To run a function on another CPU, queue a call_single_data on that
 * CPU's call_single_queue and send it CALL_FUNCTION_SINGLE_VECTOR; its
 * interrupt handler runs every queued function and clears each entry's
 * lock flag, which is what a waiting sender spins on. Senders must have
 * interrupts enabled: two CPUs waiting on each other with interrupts off
 * would never answer. As in Linux, smp_call_function_single() and
 * smp_call_function_many() WARN (once) when called with interrupts off
 * while other CPUs are online, unless an oops is being printed. (Linux
 * leaves out the early boot instead of the single-CPU case, and its many()
 * check needs lockdep.)
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/nmi.h>
#include <asm/page.h>
#include <asm/smp.h>
#include <asm/special_insns.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>

#define CSD_FLAG_LOCK 1

struct call_single_queue {
	spinlock_t lock;
	struct list_head list;
};

static DEFINE_PER_CPU(struct call_single_queue, call_single_queue);
/* One request slot per (sender, target) pair (Linux: cfd_data). */
static DEFINE_PER_CPU(struct call_single_data [NR_CPUS], cfd_data);

void call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);

		spin_lock_init(&q->lock);
		INIT_LIST_HEAD(&q->list);
	}
}

void smp_send_reschedule(int cpu)
{
	if (apic_present && cpu_online(cpu))
		apic_send_IPI(cpu, RESCHEDULE_VECTOR);
}

static void csd_lock_wait(struct call_single_data *csd)
{
	while (__atomic_load_n(&csd->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void send_call_function_single(int cpu, struct call_single_data *csd)
{
	struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);
	unsigned long flags;

	csd->flags = CSD_FLAG_LOCK;
	spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&csd->llist, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	apic_send_IPI(cpu, CALL_FUNCTION_SINGLE_VECTOR);
}

/* Run in the IPI handler: everything queued for this CPU. */
void generic_smp_call_function_single_interrupt(void)
{
	struct call_single_queue *q = this_cpu_ptr(&call_single_queue);
	LIST_HEAD(todo);
	struct call_single_data *csd, *next;

	spin_lock(&q->lock);
	list_splice_init(&q->list, &todo);
	spin_unlock(&q->lock);
	list_for_each_entry_safe(csd, next, &todo, llist) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		func(info);
		__atomic_store_n(&csd->flags, 0, __ATOMIC_RELEASE);
	}
}

/* Can deadlock: see the top of the file. */
static void check_irqs_on(unsigned int this_cpu)
{
	WARN_ON_ONCE(cpu_online(this_cpu) && irqs_disabled() && !oops_in_progress &&
		     num_online_cpus() > 1);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	struct call_single_data *csd;
	unsigned long flags;
	int this_cpu;

	preempt_disable();
	this_cpu = smp_processor_id();
	check_irqs_on(this_cpu);
	if (cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		preempt_enable();
		return 0;
	}
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		preempt_enable();
		return -ENXIO;
	}
	csd = &this_cpu_ptr(&cfd_data)[0][cpu];
	csd_lock_wait(csd);
	csd->func = func;
	csd->info = info;
	send_call_function_single(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	preempt_enable();
	return 0;
}

/* func on every online CPU of mask except this one. */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info,
			    bool wait)
{
	struct call_single_data *cfd;
	unsigned int cpu, this_cpu;

	preempt_disable();
	this_cpu = smp_processor_id();
	check_irqs_on(this_cpu);
	cfd = this_cpu_ptr(&cfd_data)[0];
	for_each_cpu(cpu, mask) {
		if (cpu == this_cpu || !cpu_online(cpu))
			continue;
		csd_lock_wait(&cfd[cpu]);
		cfd[cpu].func = func;
		cfd[cpu].info = info;
		send_call_function_single(cpu, &cfd[cpu]);
	}
	if (wait) {
		for_each_cpu(cpu, mask) {
			if (cpu != this_cpu)
				csd_lock_wait(&cfd[cpu]);
		}
	}
	preempt_enable();
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(cpu_online_mask, func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

/*
 * func on every online CPU for which cond_func(cpu, info) says so, this
 * one included (Linux: on_each_cpu_cond). cond_func runs here, on the
 * calling CPU, with preemption off; CPUs it turns down get no IPI.
 */
void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait)
{
	struct cpumask mask;
	unsigned int cpu;
	unsigned long flags;

	cpumask_clear(&mask);
	preempt_disable();
	for_each_online_cpu(cpu)
		if (cond_func(cpu, info))
			cpumask_set_cpu(cpu, &mask);
	smp_call_function_many(&mask, func, info, wait);
	if (cpumask_test_cpu(smp_processor_id(), &mask)) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	}
	preempt_enable();
}

struct flush_tlb_info {
	unsigned long start, end;
};

static void do_flush_tlb_kernel_range(void *info)
{
	struct flush_tlb_info *f = info;

	if (f->end - f->start > 32 * PAGE_SIZE) {
		/*
		 * Kernel mappings are global: a CR3 reload keeps them. Toggling
		 * CR4.PGE flushes everything (Linux: __flush_tlb_all).
		 */
		unsigned long cr4 = read_cr4();

		write_cr4(cr4 ^ X86_CR4_PGE);
		write_cr4(cr4);
		return;
	}
	for (unsigned long addr = f->start; addr < f->end; addr += PAGE_SIZE)
		__flush_tlb_one_kernel(addr);
}

/*
 * After changing kernel page tables, make every CPU forget the old
 * translations before the memory behind them is reused (Linux:
 * flush_tlb_kernel_range; the user-space flush_tlb_mm_range will send the
 * same IPIs to the CPUs in an mm's cpumask).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { start & PAGE_MASK, PAGE_ALIGN(end) };

	on_each_cpu(do_flush_tlb_kernel_range, &info, 1);
}

/* ---- stopping the other CPUs ---------------------------------------------------- */

static atomic_t stopping_cpu = ATOMIC_INIT(-1);
static struct cpumask cpus_stop_mask;	/* CPUs told to stop that have not yet */

/*
 * Where a stopped CPU ends (Linux: stop_this_cpu): interrupts off, out of
 * the online mask, its local APIC off (an NMI still gets through), its
 * bit in cpus_stop_mask cleared to tell the stopping CPU, then halted for
 * good. Nothing it held is released: the kernel is going down.
 */
void __noreturn stop_this_cpu(void *dummy)
{
	unsigned int cpu = smp_processor_id();

	local_irq_disable();
	cpumask_clear_cpu(cpu, cpu_online_mask);
	disable_local_APIC();
	cpumask_clear_cpu(cpu, &cpus_stop_mask);
	for (;;)
		native_halt();
}

/* REBOOT_VECTOR (Linux: sysvec_reboot). */
void sysvec_reboot(struct pt_regs *regs)
{
	apic_eoi();
	stop_this_cpu(NULL);
}

/* Once registered, every NMI on every CPU means "stop" (Linux: smp_stop_nmi_callback). */
static int smp_stop_nmi_callback(unsigned int type, struct pt_regs *regs)
{
	/* We are registered on the stopping CPU too: ignore it there. */
	if ((int)smp_processor_id() == atomic_read(&stopping_cpu))
		return NMI_HANDLED;
	stop_this_cpu(NULL);
}

static bool wait_for_stop(u64 ns)
{
	u64 deadline = ktime_get_ns() + ns;

	while (cpumask_weight(&cpus_stop_mask) && ktime_get_ns() < deadline)
		udelay(1);
	return !cpumask_weight(&cpus_stop_mask);
}

/*
 * Stop every other CPU (Linux: smp_send_stop -> native_stop_other_cpus):
 * 1. a REBOOT_VECTOR IPI to each online CPU; it stops as soon as it has
 *    interrupts on again, i.e. outside any irqsave critical section;
 * 2. wait up to a second for all of them to report;
 * 3. the ones still running (spinning with interrupts off, say) get an
 *    NMI, which nothing masks, and "Shutting down cpus with NMI" is
 *    printed; wait again. Linux waits 10 ms here; an emulated CPU can be
 *    descheduled by the host for longer, so we give it up to a second.
 * Only the first caller does anything. Linux prints nothing when every
 * CPU stopped; we print the CPUs that did not, as arm64's Linux does.
 */
void smp_send_stop(void)
{
	unsigned int cpu, me = smp_processor_id();
	unsigned long flags;

	if (atomic_cmpxchg(&stopping_cpu, -1, (int)me) != -1)
		return;
	if (!apic_present)
		return;		/* no APIC, no other CPUs */
	cpus_stop_mask.bits = __atomic_load_n(&cpu_online_mask->bits, __ATOMIC_RELAXED);
	cpumask_clear_cpu(me, &cpus_stop_mask);
	for_each_cpu(cpu, &cpus_stop_mask)
		apic_send_IPI(cpu, REBOOT_VECTOR);
	if (!wait_for_stop(NSEC_PER_SEC) &&
	    !register_nmi_handler(NMI_LOCAL, smp_stop_nmi_callback, "smp_stop")) {
		pr_emerg("Shutting down cpus with NMI\n");
		for_each_cpu(cpu, &cpus_stop_mask)
			apic_icr_write(APIC_DM_NMI, x86_cpu_to_apicid[cpu]);
		if (!wait_for_stop(NSEC_PER_SEC)) {
			pr_emerg("SMP: failed to stop secondary CPUs");
			for_each_cpu(cpu, &cpus_stop_mask)
				pr_cont(" %u", cpu);
			pr_cont("\n");
		}
	}
	local_irq_save(flags);
	disable_local_APIC();
	local_irq_restore(flags);
}
