// SPDX-License-Identifier: GPL-2.0
/*
 * Memory statistics reports (Linux: mm/vmstat.c).
 *
 * show_buddyinfo() prints what /proc/buddyinfo shows: for each zone, the
 * number of free blocks of each order, smallest first. A healthy system
 * after boot has most of its memory in order-10 (4 MiB) blocks; a
 * fragmented one shows many small blocks and no large ones.
 * The boot option `buddyinfo` prints it at the end of boot; the real
 * /proc file comes with the VFS. show_zoneinfo() prints /proc/zoneinfo's
 * lines for each zone (free pages, watermarks, sizes, the
 * "protection:" lowmem_reserve[] array, per-CPU lists), leaving out the
 * counters Linnet does not keep (boost, promo, cma, the node and NUMA
 * stats); the boot option `zoneinfo` prints it when mm_core_init() has
 * set the zones up. Below: the event counters, one copy per CPU bumped
 * with this_cpu_add(), summed when read; show_vmstat() prints them after
 * the node counters (NR_FILE_PAGES, NR_SHMEM: the page cache and its
 * shmem part, kept by mm/filemap.c and mm/shmem.c).
 */
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmstat.h>

static bool buddyinfo_at_boot;

void show_buddyinfo(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		char line[160];
		int n = scnprintf(line, sizeof(line), "Node 0, zone %8s ", zone->name);

		for (int order = 0; order < NR_PAGE_ORDERS; order++)
			n += scnprintf(line + n, sizeof(line) - n, "%6lu ",
				       zone->free_area[order].nr_free);
		printk(KERN_INFO "%s\n", line);
	}
}

static bool zoneinfo_at_boot;

/* Linux: zoneinfo_show_print(), one printk line per line of the file. */
void show_zoneinfo(void)
{
	struct zone *zone;

	for_each_zone(zone) {
		char line[160];
		unsigned int cpu;
		int n;

		printk(KERN_INFO "Node 0, zone %8s\n", zone->name);
		printk(KERN_INFO "  pages free     %lu\n", zone_page_state(zone, NR_FREE_PAGES));
		printk(KERN_INFO "        min      %lu\n", min_wmark_pages(zone));
		printk(KERN_INFO "        low      %lu\n", low_wmark_pages(zone));
		printk(KERN_INFO "        high     %lu\n", high_wmark_pages(zone));
		printk(KERN_INFO "        spanned  %lu\n", zone->spanned_pages);
		printk(KERN_INFO "        present  %lu\n", zone->present_pages);
		printk(KERN_INFO "        managed  %lu\n", zone_managed_pages(zone));
		n = scnprintf(line, sizeof(line), "        protection: (%ld", zone->lowmem_reserve[0]);
		for (int i = 1; i < MAX_NR_ZONES; i++)
			n += scnprintf(line + n, sizeof(line) - n, ", %ld", zone->lowmem_reserve[i]);
		printk(KERN_INFO "%s)\n", line);
		/* If unpopulated, no other information is useful. */
		if (!populated_zone(zone))
			continue;
		printk(KERN_INFO "      %-12s %lu\n", "nr_free_pages",
		       zone_page_state(zone, NR_FREE_PAGES));
		printk(KERN_INFO "  pagesets\n");
		for_each_possible_cpu(cpu) {
			struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

			printk(KERN_INFO "    cpu: %u\n", cpu);
			printk(KERN_INFO "              count: %d\n", pcp->count);
			printk(KERN_INFO "              high:  %d\n", pcp->high);
			printk(KERN_INFO "              batch: %d\n", pcp->batch);
		}
		printk(KERN_INFO "  start_pfn:           %lu\n", zone->zone_start_pfn);
	}
}

static int zoneinfo_setup(char *val)
{
	zoneinfo_at_boot = true;
	return 1;
}
__setup("zoneinfo", zoneinfo_setup);

bool zoneinfo_requested(void)
{
	return zoneinfo_at_boot;
}

static int buddyinfo_setup(char *val)
{
	buddyinfo_at_boot = true;
	return 1;
}
__setup("buddyinfo", buddyinfo_setup);

bool buddyinfo_requested(void)
{
	return buddyinfo_at_boot;
}

DEFINE_PER_CPU(unsigned long [NR_VM_EVENT_ITEMS], vm_event_states);

static const char *const vm_event_names[NR_VM_EVENT_ITEMS] = {
	[PGALLOC] = "pgalloc",
	[PGFREE] = "pgfree",
	[NR_CONTEXT_SWITCHES] = "context_switches",
	[NR_IRQS_HANDLED] = "interrupts",
	[PGFAULT] = "pgfault",
	[PGMAJFAULT] = "pgmajfault",
	[PGCOW] = "pgcow",
	[PGREUSE] = "pgreuse",
	[PGZEROMAP] = "pgzeromap",
	[NR_FORKS] = "forks",
	[NR_TLB_REMOTE_FLUSH] = "nr_tlb_remote_flush",
	[NR_TLB_REMOTE_FLUSH_RECEIVED] = "nr_tlb_remote_flush_received",
	[NR_TLB_LOCAL_FLUSH_ALL] = "nr_tlb_local_flush_all",
	[NR_TLB_LOCAL_FLUSH_ONE] = "nr_tlb_local_flush_one",
};

unsigned long vm_event_on_cpu(enum vm_event_item item, int cpu)
{
	return per_cpu(vm_event_states, cpu)[item];
}

/* Add up every CPU's copy (Linux: all_vm_events / sum_vm_event). */
unsigned long sum_vm_event(enum vm_event_item item)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += vm_event_on_cpu(item, cpu);
	return sum;
}

static const char *const node_stat_names[NR_VM_NODE_STAT_ITEMS] = {
	[NR_FILE_PAGES] = "nr_file_pages",
	[NR_SHMEM] = "nr_shmem",
	[NR_ANON_MAPPED] = "nr_anon_pages",
	[NR_FILE_MAPPED] = "nr_mapped",
	[NR_PAGETABLE] = "nr_page_table_pages",
};

/*
 * What /proc/vmstat shows: the node counters (nr_file_pages, nr_shmem),
 * then the event lines with their per-CPU parts.
 */
void show_vmstat(void)
{
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		printk(KERN_INFO "%-17s %lu\n", node_stat_names[i], global_node_page_state(i));
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++) {
		char line[160];
		unsigned int cpu;
		int n = scnprintf(line, sizeof(line), "%-17s %lu (", vm_event_names[i],
				  sum_vm_event(i));

		for_each_possible_cpu(cpu)
			n += scnprintf(line + n, sizeof(line) - n, "%s%lu", cpu ? " " : "",
				       vm_event_on_cpu(i, cpu));
		printk(KERN_INFO "%s)\n", line);
	}
}

static bool vmstat_at_boot;

/* vmstat: print the per-CPU event counters at the end of boot. */
static int vmstat_setup(char *val)
{
	vmstat_at_boot = true;
	return 1;
}
__setup("vmstat", vmstat_setup);

bool vmstat_requested(void)
{
	return vmstat_at_boot;
}
