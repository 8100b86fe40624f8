/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the mm.fault, mm.cow and mm.mmu_gather suites: a user address
 * space for a kernel thread (mm_alloc + kthread_use_mm + vm_mmap), so
 * that get_user()/put_user()/copy_to_user() fault pages in exactly as a
 * user access would, and the counters the suites compare.
 */
#ifndef _TESTS_KERNEL_FAULT_TEST_H
#define _TESTS_KERNEL_FAULT_TEST_H

#include <asm/pgtable.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>

/* Counters a case reads before and after. */
struct fault_counts {
	unsigned long pgfault, pgcow, pgreuse, pgzeromap;
	unsigned long anon, pagetables;
	unsigned long remote_sent, remote_received;
};

static inline void fault_counts_read(struct fault_counts *c)
{
	c->pgfault = sum_vm_event(PGFAULT);
	c->pgcow = sum_vm_event(PGCOW);
	c->pgreuse = sum_vm_event(PGREUSE);
	c->pgzeromap = sum_vm_event(PGZEROMAP);
	c->anon = global_node_page_state(NR_ANON_MAPPED);
	c->pagetables = global_node_page_state(NR_PAGETABLE);
	c->remote_sent = sum_vm_event(NR_TLB_REMOTE_FLUSH);
	c->remote_received = sum_vm_event(NR_TLB_REMOTE_FLUSH_RECEIVED);
}

/* Wait (up to 2 s) until the kernel threads a case started are freed. */
static inline void fault_test_wait_tasks(unsigned long before)
{
	u64 deadline = ktime_get_ns() + 2000ULL * 1000000ULL;

	while (nr_task_structs() > before && ktime_get_ns() < deadline)
		schedule_timeout_uninterruptible(1);
}

/* The PTE mapping addr in mm, or NULL (no table). */
static inline pte_t *fault_test_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (!pgd_present(*pgd))
		return NULL;
	p4d = p4d_offset(pgd, addr);
	if (!p4d_present(*p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (!pud_present(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd))
		return NULL;
	return pte_offset_kernel(pmd, addr);
}

/* The page mapped at addr in mm, or NULL. */
static inline struct page *fault_test_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = fault_test_pte(mm, addr);

	if (!pte || !pte_present(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

#endif /* _TESTS_KERNEL_FAULT_TEST_H */
