// SPDX-License-Identifier: GPL-2.0
/*
 * Memory statistics reports (Linux: mm/vmstat.c).
 *
 * show_buddyinfo() prints what /proc/buddyinfo shows: for each zone, the
 * number of free blocks of each order, smallest first. A healthy system
 * after boot has most of its memory in order-10 (4 MiB) blocks; a
 * fragmented one shows many small blocks and no large ones.
 * The boot option `buddyinfo` prints it at the end of boot; the real
 * /proc file comes with the VFS.
 */
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/printk.h>

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
