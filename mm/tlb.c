// SPDX-License-Identifier: GPL-2.0
/*
 * Switching address spaces and flushing user TLB entries (Linux:
 * arch/x86/mm/tlb.c: switch_mm_irqs_off, flush_tlb_mm_range,
 * cpu_tlbstate).
 *
 * Each CPU remembers which mm its CR3 holds (cpu_tlbstate.loaded_mm).
 * Without PCIDs, writing CR3 drops every non-global TLB entry, so a CPU
 * that leaves an mm holds none of its translations: it takes itself out
 * of the old mm's mm_cpumask after the write, and puts itself in the new
 * one's before it. A flusher that changed a PTE and then reads the mask
 * either sees this CPU (and sends it an IPI it did not strictly need) or
 * knows it has already left. Linux's lazy TLB mode (kernel threads keep
 * the last user mm loaded) and PCID/ASID tracking are left out: here a
 * kernel thread runs on init_mm.
 */
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/sched.h>

struct tlb_state {
	struct mm_struct *loaded_mm;	/* whose page tables CR3 holds */
};

static DEFINE_PER_CPU(struct tlb_state, cpu_tlbstate);

static struct mm_struct *this_loaded_mm(void)
{
	struct mm_struct *mm = this_cpu_read(cpu_tlbstate.loaded_mm);

	return mm ? mm : &init_mm;	/* NULL until the first switch: the boot tables */
}

void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk)
{
	unsigned int cpu = smp_processor_id();
	struct mm_struct *loaded = this_loaded_mm();

	if (loaded == next)
		return;
	if (next != &init_mm)
		cpumask_set_cpu(cpu, mm_cpumask(next));
	write_cr3(__pa(next->pgd));
	this_cpu_write(cpu_tlbstate.loaded_mm, next);
	if (loaded != &init_mm)
		cpumask_clear_cpu(cpu, mm_cpumask(loaded));
}

/*
 * Borrow mm from a kernel thread (Linux: kthread_use_mm in
 * kernel/kthread.c): copy_to_user() and friends then reach mm's user
 * pages, faulting them in as the owner would. Tests use it to fault and
 * COW without running user code.
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	mmgrab(mm);
	local_irq_save(flags);
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm_irqs_off(NULL, mm, tsk);
	local_irq_restore(flags);
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	local_irq_save(flags);
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	switch_mm_irqs_off(mm, &init_mm, tsk);
	local_irq_restore(flags);
	mmdrop(mm);
}
