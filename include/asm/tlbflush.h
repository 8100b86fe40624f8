/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flushing user TLB entries and switching address spaces (Linux:
 * arch/x86/include/asm/tlbflush.h, arch/x86/mm/tlb.c). No PCIDs: loading
 * CR3 flushes every non-global entry, so a CPU that switches to another
 * mm drops the old one's entries. mm_cpumask(mm) holds the CPUs that have
 * run the mm since they last flushed it; flush_tlb_mm_range() sends an
 * IPI to each of them but this one, and waits until all have flushed.
 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <linux/mm_types.h>

struct task_struct;

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables);
#define flush_tlb_mm(mm) flush_tlb_mm_range(mm, 0, ~0UL, PAGE_SHIFT, true)
#define flush_tlb_range(vma, start, end) \
	flush_tlb_mm_range((vma)->vm_mm, start, end, PAGE_SHIFT, false)
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
/*
 * Load next's page tables on this CPU (CR3) and move this CPU from
 * prev's mm_cpumask to next's. Called with interrupts off from the
 * scheduler's context_switch() (Linux: switch_mm_irqs_off).
 */
void switch_mm_irqs_off(struct mm_struct *prev, struct mm_struct *next, struct task_struct *tsk);
/* Counted in vmstat: NR_TLB_REMOTE_FLUSH (IPIs sent), NR_TLB_REMOTE_FLUSH_RECEIVED, NR_TLB_LOCAL_FLUSH_ALL/ONE. */

#endif /* _ASM_TLBFLUSH_H */
