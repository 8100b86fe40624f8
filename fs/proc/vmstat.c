// SPDX-License-Identifier: GPL-2.0
/*
 * The page allocator's /proc files (Linux: mm/vmstat.c frag_show,
 * pagetypeinfo_show, zoneinfo_show, vmstat_show), in Linux's formats:
 *   buddyinfo     free blocks of each order per zone (free_area[].nr_free)
 *   pagetypeinfo  free blocks per order and migratetype (the free lists,
 *                 walked under zone->lock), then pageblocks per type
 *                 (zone->pageblock_flags)
 *   zoneinfo      the short form: the node counters once, then per zone
 *                 the free pages, watermarks, sizes, protection
 *                 (lowmem_reserve), zone counters, per-CPU page lists
 *   vmstat        the zone and node counters Linnet keeps, then the event
 *                 counters (per-CPU vm_event_states summed), with Linux's
 *                 names in Linux's order; Linnet's own events (pgalloc,
 *                 pgcow, pgzeromap, ...) follow under their names in
 *                 linux/vmstat.h.
 * Lines for what Linnet lacks (NUMA stats, LRU lists, writeback,
 * compaction, HighAtomic/Isolate pageblocks) are left out or 0 as said
 * where they are printed.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/vmstat.h>

#include "internal.h"

/* ---- buddyinfo ------------------------------------------------------------------------- */

static int frag_show(struct seq_file *m, void *arg)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long flags;

		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		spin_lock_irqsave(&zone->lock, flags);
		for (int order = 0; order < NR_PAGE_ORDERS; ++order)
			seq_printf(m, "%6lu ", zone->free_area[order].nr_free);
		spin_unlock_irqrestore(&zone->lock, flags);
		seq_putc(m, '\n');
	}
	return 0;
}

/* ---- pagetypeinfo ---------------------------------------------------------------------- */

/* Linux's migratetype_names for the types it has and Linnet does not. */
static const char *const extra_type_names[] = { "HighAtomic", "Isolate" };

static int pagetypeinfo_show(struct seq_file *m, void *arg)
{
	struct zone *zone;

	seq_printf(m, "Page block order: %d\n", pageblock_order);
	seq_printf(m, "Pages per block:  %lu\n", pageblock_nr_pages);
	seq_putc(m, '\n');
	/* Linux: pagetypeinfo_showfree */
	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (int order = 0; order < NR_PAGE_ORDERS; ++order)
		seq_printf(m, "%6d ", order);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		for (int mtype = 0; mtype < MIGRATE_TYPES; mtype++) {
			unsigned long flags;

			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0, zone->name,
				   migratetype_names[mtype]);
			spin_lock_irqsave(&zone->lock, flags);
			for (int order = 0; order < NR_PAGE_ORDERS; ++order) {
				unsigned long freecount = 0;
				struct list_head *curr;

				list_for_each(curr, &zone->free_area[order].free_list[mtype])
					freecount++;
				seq_printf(m, "%6lu ", freecount);
			}
			spin_unlock_irqrestore(&zone->lock, flags);
			seq_putc(m, '\n');
		}
		for (unsigned int x = 0; x < ARRAY_SIZE(extra_type_names); x++) {
			seq_printf(m, "Node %4d, zone %8s, type %12s ", 0, zone->name,
				   extra_type_names[x]);
			for (int order = 0; order < NR_PAGE_ORDERS; ++order)
				seq_printf(m, "%6lu ", 0UL);
			seq_putc(m, '\n');
		}
	}
	/* Linux: pagetypeinfo_showblockcount */
	seq_printf(m, "\n%-23s", "Number of blocks type ");
	for (int mtype = 0; mtype < MIGRATE_TYPES; mtype++)
		seq_printf(m, "%12s ", migratetype_names[mtype]);
	for (unsigned int x = 0; x < ARRAY_SIZE(extra_type_names); x++)
		seq_printf(m, "%12s ", extra_type_names[x]);
	seq_putc(m, '\n');
	for_each_populated_zone(zone) {
		unsigned long count[MIGRATE_TYPES] = {};
		unsigned long start = zone->zone_start_pfn, end = zone_end_pfn(zone);

		for (unsigned long pfn = start & ~(pageblock_nr_pages - 1); pfn < end;
		     pfn += pageblock_nr_pages) {
			unsigned long idx = (pfn >> pageblock_order) - (start >> pageblock_order);
			int mt;

			if (pfn < start)
				continue;
			mt = zone->pageblock_flags ? zone->pageblock_flags[idx] : MIGRATE_MOVABLE;
			if (mt < MIGRATE_TYPES)
				count[mt]++;
		}
		seq_printf(m, "Node %d, zone %8s ", 0, zone->name);
		for (int mtype = 0; mtype < MIGRATE_TYPES; mtype++)
			seq_printf(m, "%12lu ", count[mtype]);
		for (unsigned int x = 0; x < ARRAY_SIZE(extra_type_names); x++)
			seq_printf(m, "%12lu ", 0UL);
		seq_putc(m, '\n');
	}
	return 0;
}

/* ---- zoneinfo -------------------------------------------------------------------------- */

/* The node counters Linnet keeps, in Linux's enum node_stat_item order. */
static const struct {
	const char *name;
	enum node_stat_item item;
} node_stats[] = {
	{ "nr_anon_pages", NR_ANON_MAPPED },
	{ "nr_file_pages", NR_FILE_PAGES },
	{ "nr_shmem", NR_SHMEM },
	{ "nr_page_table_pages", NR_PAGETABLE },
};

static int zoneinfo_show(struct seq_file *m, void *arg)
{
	bool first = true;
	struct zone *zone;

	for_each_zone(zone) {
		unsigned int cpu;

		seq_printf(m, "Node %d, zone %8s", 0, zone->name);
		if (first && populated_zone(zone)) {
			first = false;
			seq_puts(m, "\n  per-node stats");
			for (unsigned int i = 0; i < ARRAY_SIZE(node_stats); i++)
				seq_printf(m, "\n      %-12s %lu", node_stats[i].name,
					   global_node_page_state(node_stats[i].item));
		}
		seq_printf(m,
			   "\n  pages free     %lu"
			   "\n        boost    %lu"
			   "\n        min      %lu"
			   "\n        low      %lu"
			   "\n        high     %lu"
			   "\n        spanned  %lu"
			   "\n        present  %lu"
			   "\n        managed  %lu"
			   "\n        cma      %lu",
			   zone_page_state(zone, NR_FREE_PAGES), 0UL, min_wmark_pages(zone),
			   low_wmark_pages(zone), high_wmark_pages(zone), zone->spanned_pages,
			   zone->present_pages, zone_managed_pages(zone), 0UL);
		seq_printf(m, "\n        protection: (%ld", zone->lowmem_reserve[0]);
		for (int i = 1; i < MAX_NR_ZONES; i++)
			seq_printf(m, ", %ld", zone->lowmem_reserve[i]);
		seq_putc(m, ')');
		if (!populated_zone(zone)) {
			seq_putc(m, '\n');
			continue;
		}
		seq_printf(m, "\n      %-12s %lu", "nr_free_pages",
			   zone_page_state(zone, NR_FREE_PAGES));
		seq_puts(m, "\n  pagesets");
		for_each_online_cpu(cpu) {
			struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

			seq_printf(m, "\n    cpu: %i"
				   "\n              count: %i"
				   "\n              high:  %i"
				   "\n              batch: %i",
				   cpu, pcp->count, pcp->high, pcp->batch);
			/* No per-CPU counter deltas here: every update is one atomic add. */
			seq_printf(m, "\n  vm stats threshold: %d", 0);
		}
		seq_printf(m, "\n  node_unreclaimable:  %u\n  start_pfn:           %lu", 0U,
			   zone->zone_start_pfn);
		seq_putc(m, '\n');
	}
	return 0;
}

/* ---- vmstat ---------------------------------------------------------------------------- */

/* Linux's event names, in Linux's enum vm_event_item order, for what Linnet counts. */
static const struct {
	const char *name;
	enum vm_event_item item;
} vm_events[] = {
	{ "pgfree", PGFREE },
	{ "pgfault", PGFAULT },
	{ "pgmajfault", PGMAJFAULT },
	{ "pgreuse", PGREUSE },
	/* Linux prints these with CONFIG_DEBUG_TLBFLUSH. */
	{ "nr_tlb_remote_flush", NR_TLB_REMOTE_FLUSH },
	{ "nr_tlb_remote_flush_received", NR_TLB_REMOTE_FLUSH_RECEIVED },
	{ "nr_tlb_local_flush_all", NR_TLB_LOCAL_FLUSH_ALL },
	{ "nr_tlb_local_flush_one", NR_TLB_LOCAL_FLUSH_ONE },
	/* Linnet's own (not in Linux's file). */
	{ "pgalloc", PGALLOC },
	{ "pgcow", PGCOW },
	{ "pgzeromap", PGZEROMAP },
	{ "context_switches", NR_CONTEXT_SWITCHES },
	{ "interrupts", NR_IRQS_HANDLED },
	{ "forks", NR_FORKS },
};

static int vmstat_show(struct seq_file *m, void *arg)
{
	seq_printf(m, "%s %lu\n", "nr_free_pages", nr_free_pages());
	for (unsigned int i = 0; i < ARRAY_SIZE(node_stats); i++) {
		/* nr_kernel_stack (kB) comes just before nr_page_table_pages in Linux's order. */
		if (node_stats[i].item == NR_PAGETABLE)
			seq_printf(m, "%s %lu\n", "nr_kernel_stack",
				   nr_task_structs() * (THREAD_SIZE >> 10));
		seq_printf(m, "%s %lu\n", node_stats[i].name,
			   global_node_page_state(node_stats[i].item));
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(vm_events); i++)
		seq_printf(m, "%s %lu\n", vm_events[i].name, sum_vm_event(vm_events[i].item));
	return 0;
}

void proc_vmstat_init(void)
{
	proc_create_single("buddyinfo", 0, NULL, frag_show);
	proc_create_single("pagetypeinfo", 0400, NULL, pagetypeinfo_show);
	proc_create_single("vmstat", 0444, NULL, vmstat_show);
	proc_create_single("zoneinfo", 0444, NULL, zoneinfo_show);
}
