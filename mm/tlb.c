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
#include <linux/smp.h>
#include <linux/vmstat.h>

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

/*
 * Above this many pages a range flush reloads CR3 instead of one invlpg
 * per page (Linux: tlb_single_page_flush_ceiling, 33, tunable in
 * debugfs there).
 */
static unsigned long tlb_single_page_flush_ceiling = 33;

struct flush_tlb_info {
	struct mm_struct *mm;
	unsigned long start, end;
	unsigned int stride_shift;
	bool freed_tables;
	unsigned int initiating_cpu;
};

/*
 * Flush one CPU's entries for f->mm, with interrupts off: from the
 * initiator directly, on the others from the call-function IPI (Linux:
 * flush_tlb_func). A CPU that loaded another mm since it was put in the
 * mask holds nothing of f->mm (no PCIDs): nothing to do. invlpg also
 * drops the paging-structure caches, so freed_tables needs no more.
 */
static void flush_tlb_func(void *info)
{
	const struct flush_tlb_info *f = info;
	bool local = smp_processor_id() == f->initiating_cpu;
	unsigned long nr;

	if (!local)
		count_vm_event(NR_TLB_REMOTE_FLUSH_RECEIVED);
	if (this_loaded_mm() != f->mm)
		return;
	nr = (f->end - f->start) >> f->stride_shift;
	if (f->end == ~0UL || nr > tlb_single_page_flush_ceiling) {
		write_cr3(read_cr3());
		if (local)
			count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
		return;
	}
	for (unsigned long addr = f->start; addr < f->end; addr += 1UL << f->stride_shift)
		__flush_tlb_one_kernel(addr);	/* invlpg: the same instruction for user pages */
	if (local)
		count_vm_events(NR_TLB_LOCAL_FLUSH_ONE, nr);
}

/*
 * mm's PTEs for [start, end) changed: drop their TLB entries on every CPU
 * that may hold them, and return only when all have (Linux:
 * flush_tlb_mm_range -> flush_tlb_multi). The mask is copied first: a CPU
 * that joins after the copy loaded CR3 after our PTE change and cannot
 * hold the old entry; one that leaves takes an IPI it did not need.
 * Callers have interrupts on (a CPU spinning with interrupts off for
 * another's IPI answer would deadlock).
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables)
{
	struct flush_tlb_info info = {
		.mm = mm,
		.start = start & PAGE_MASK,
		.end = end,
		.stride_shift = stride_shift,
		.freed_tables = freed_tables,
	};
	struct cpumask others;
	unsigned long flags;
	unsigned int cpu;

	if (end != ~0UL && ((end - info.start) >> stride_shift) > tlb_single_page_flush_ceiling) {
		info.start = 0;
		info.end = ~0UL;
	}
	cpu = get_cpu();
	info.initiating_cpu = cpu;
	others.bits = __atomic_load_n(&mm_cpumask(mm)->bits, __ATOMIC_SEQ_CST);
	cpumask_clear_cpu(cpu, &others);

	if (this_loaded_mm() == mm) {
		local_irq_save(flags);
		flush_tlb_func(&info);
		local_irq_restore(flags);
	}
	if (others.bits) {
		count_vm_event(NR_TLB_REMOTE_FLUSH);
		smp_call_function_many(&others, flush_tlb_func, &info, true);
	}
	put_cpu();
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE,
			   PAGE_SHIFT, false);
}
