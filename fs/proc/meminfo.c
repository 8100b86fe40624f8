// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/meminfo (Linux: fs/proc/meminfo.c meminfo_proc_show, with
 * si_mem_available from mm/page_alloc.c, hugetlb_report_meminfo and
 * arch_report_meminfo), every line Linux 6.1 prints, in its order and
 * format ("%-16s%8lu kB"). Where the numbers come from:
 *   MemTotal       totalram_pages_count (mm/page_alloc.c: pages the buddy manages)
 *   MemFree        nr_free_pages(): NR_FREE_PAGES of every zone
 *   MemAvailable   si_mem_available(): free minus the zones' reserves, plus
 *                  the non-shmem page cache (none is reclaimable here: tmpfs
 *                  pages are shmem, swap-backed, and there is no swap)
 *   Cached         NR_FILE_PAGES (mm/filemap.c), shmem included, as Linux
 *   AnonPages      NR_ANON_MAPPED, PageTables NR_PAGETABLE, Shmem NR_SHMEM
 *   Slab/SUnreclaim every slab cache's slabs (mm/slub.c), none reclaimable
 *   KernelStack    a THREAD_SIZE stack per task struct
 *   CommitLimit, Committed_AS  vm_commit_limit(), vm_memory_committed() (mm/util.c)
 *   VmallocTotal/Used the vmalloc area and vmalloc_nr_pages()
 *   Percpu         the per-CPU areas (mm/percpu.c)
 *   DirectMap*     direct_pages_count[] (mm/init_64.c)
 * Active/Inactive: Linnet has no LRU lists; every anonymous and shmem page
 * is counted Active(anon), the rest of the page cache Active(file).
 * What Linnet does not have is 0: swap, zswap, dirty/writeback (nothing
 * is written back), mlock, THP, hugetlb (Hugepagesize is 2048 kB, the
 * PMD size, as Linux reports it without any huge page reserved).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmzone.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>
#include <asm/pgalloc.h>
#include <asm/pgtable_types.h>

#include "internal.h"

static void show_val_kb(struct seq_file *m, const char *s, unsigned long num)
{
	seq_printf(m, "%s%8lu kB\n", s, num << (PAGE_SHIFT - 10));
}

/* Pages no allocation but an emergency one gets: each zone's reserve plus high mark. */
static unsigned long totalreserve_pages(void)
{
	unsigned long reserve = 0;
	struct zone *zone;

	for_each_populated_zone(zone) {
		long max = 0;

		for (int i = 0; i < MAX_NR_ZONES; i++)
			if (zone->lowmem_reserve[i] > max)
				max = zone->lowmem_reserve[i];
		max += high_wmark_pages(zone);
		if ((unsigned long)max > zone_managed_pages(zone))
			max = zone_managed_pages(zone);
		reserve += max;
	}
	return reserve;
}

/* Linux: si_mem_available(). */
static long si_mem_available(void)
{
	unsigned long wmark_low = 0;
	unsigned long pagecache;
	struct zone *zone;
	long available;

	for_each_populated_zone(zone)
		wmark_low += low_wmark_pages(zone);
	available = nr_free_pages() - totalreserve_pages();
	/* The file LRU: the page cache that is not shmem (shmem is swap-backed). */
	pagecache = global_node_page_state(NR_FILE_PAGES) - global_node_page_state(NR_SHMEM);
	pagecache -= min(pagecache / 2, wmark_low);
	available += pagecache;
	return available < 0 ? 0 : available;
}

static int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long totalram = totalram_pages_count;
	unsigned long freeram = nr_free_pages();
	unsigned long file = global_node_page_state(NR_FILE_PAGES);
	unsigned long shmem = global_node_page_state(NR_SHMEM);
	unsigned long anon = global_node_page_state(NR_ANON_MAPPED);
	unsigned long slab = proc_slab_pages();
	unsigned long committed = vm_memory_committed();
	unsigned long commit_limit = vm_commit_limit();
	unsigned long file_lru = file > shmem ? file - shmem : 0;
	unsigned long vmalloc_total = (VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT;

	show_val_kb(m, "MemTotal:       ", totalram);
	show_val_kb(m, "MemFree:        ", freeram);
	show_val_kb(m, "MemAvailable:   ", si_mem_available());
	show_val_kb(m, "Buffers:        ", 0);
	show_val_kb(m, "Cached:         ", file);
	show_val_kb(m, "SwapCached:     ", 0);
	show_val_kb(m, "Active:         ", anon + shmem + file_lru);
	show_val_kb(m, "Inactive:       ", 0);
	show_val_kb(m, "Active(anon):   ", anon + shmem);
	show_val_kb(m, "Inactive(anon): ", 0);
	show_val_kb(m, "Active(file):   ", file_lru);
	show_val_kb(m, "Inactive(file): ", 0);
	show_val_kb(m, "Unevictable:    ", 0);
	show_val_kb(m, "Mlocked:        ", 0);
	show_val_kb(m, "SwapTotal:      ", 0);
	show_val_kb(m, "SwapFree:       ", 0);
	show_val_kb(m, "Zswap:          ", 0);
	show_val_kb(m, "Zswapped:       ", 0);
	show_val_kb(m, "Dirty:          ", 0);
	show_val_kb(m, "Writeback:      ", 0);
	show_val_kb(m, "AnonPages:      ", anon);
	show_val_kb(m, "Mapped:         ", 0);
	show_val_kb(m, "Shmem:          ", shmem);
	show_val_kb(m, "KReclaimable:   ", 0);
	show_val_kb(m, "Slab:           ", slab);
	show_val_kb(m, "SReclaimable:   ", 0);
	show_val_kb(m, "SUnreclaim:     ", slab);
	seq_printf(m, "KernelStack:    %8lu kB\n", nr_task_structs() * (THREAD_SIZE >> 10));
	show_val_kb(m, "PageTables:     ", global_node_page_state(NR_PAGETABLE));
	show_val_kb(m, "SecPageTables:  ", 0);
	show_val_kb(m, "NFS_Unstable:   ", 0);
	show_val_kb(m, "Bounce:         ", 0);
	show_val_kb(m, "WritebackTmp:   ", 0);
	show_val_kb(m, "CommitLimit:    ", commit_limit);
	show_val_kb(m, "Committed_AS:   ", committed);
	seq_printf(m, "VmallocTotal:   %8lu kB\n", vmalloc_total << (PAGE_SHIFT - 10));
	show_val_kb(m, "VmallocUsed:    ", vmalloc_nr_pages());
	show_val_kb(m, "VmallocChunk:   ", 0);
	show_val_kb(m, "Percpu:         ", proc_percpu_pages());
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	show_val_kb(m, "AnonHugePages:  ", 0);
	show_val_kb(m, "ShmemHugePages: ", 0);
	show_val_kb(m, "ShmemPmdMapped: ", 0);
	show_val_kb(m, "FileHugePages:  ", 0);
	show_val_kb(m, "FilePmdMapped:  ", 0);
	/* Linux: hugetlb_report_meminfo() */
	seq_printf(m, "HugePages_Total:   %5lu\nHugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\nHugePages_Surp:    %5lu\n"
		   "Hugepagesize:   %8lu kB\n", 0UL, 0UL, 0UL, 0UL, PMD_SIZE >> 10);
	seq_printf(m, "Hugetlb:        %8lu kB\n", 0UL);
	/* Linux: arch_report_meminfo() (arch/x86/mm/pat/set_memory.c) */
	seq_printf(m, "DirectMap4k:    %8lu kB\n", direct_pages_count[PG_LEVEL_4K] << 2);
	seq_printf(m, "DirectMap2M:    %8lu kB\n", direct_pages_count[PG_LEVEL_2M] << 11);
	seq_printf(m, "DirectMap1G:    %8lu kB\n", direct_pages_count[PG_LEVEL_1G] << 20);
	return 0;
}

void proc_meminfo_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("meminfo", 0, NULL, meminfo_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
