/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event counters kept per CPU and summed on read (Linux:
 * include/linux/vmstat.h, vm_event_item.h, mm/vmstat.c). Counting is one
 * this_cpu_inc(): no lock, no shared cache line; reading adds up every
 * CPU's copy, as /proc/vmstat does.
 */
#ifndef _LINUX_VMSTAT_H
#define _LINUX_VMSTAT_H

#include <linux/percpu-defs.h>

enum vm_event_item {
	PGALLOC,		/* pages allocated (per allocation, 1 << order) */
	PGFREE,
	NR_CONTEXT_SWITCHES,
	NR_IRQS_HANDLED,
	PGFAULT,		/* page faults on user addresses (handle_mm_fault) */
	PGMAJFAULT,		/* of those, ones that waited for I/O (none yet: no swap, no disk) */
	PGCOW,			/* COW breaks that copied a page (wp_page_copy; not in Linux) */
	PGREUSE,		/* COW breaks that reused the page (wp_page_reuse; Linux's pgreuse) */
	PGZEROMAP,		/* read faults that mapped the zero page (not in Linux) */
	NR_FORKS,		/* processes forked (Linux: total_forks, /proc/stat "processes") */
	NR_TLB_REMOTE_FLUSH,	/* flush IPIs sent (Linux's nr_tlb_remote_flush) */
	NR_TLB_REMOTE_FLUSH_RECEIVED,
	NR_TLB_LOCAL_FLUSH_ALL,
	NR_TLB_LOCAL_FLUSH_ONE,
	NR_VM_EVENT_ITEMS
};

DECLARE_PER_CPU(unsigned long [NR_VM_EVENT_ITEMS], vm_event_states);
/* Interrupts taken per vector on each CPU (Linux: irq_stat / kstat_irqs). */
DECLARE_PER_CPU(unsigned int [256], irq_count);

static inline void count_vm_event(enum vm_event_item item)
{
	this_cpu_inc(vm_event_states[item]);
}

static inline void count_vm_events(enum vm_event_item item, long delta)
{
	this_cpu_add(vm_event_states[item], delta);
}

unsigned long sum_vm_event(enum vm_event_item item);
unsigned long vm_event_on_cpu(enum vm_event_item item, int cpu);
void show_vmstat(void);
bool vmstat_requested(void);

#endif /* _LINUX_VMSTAT_H */
