// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/slabinfo (Linux: mm/slab_common.c slab_show, version 2.1 of the
 * format, with SLUB's zero tunables), and the slab and per-CPU totals
 * /proc/meminfo shows. One line per cache on mm/slub.c's slab_caches
 * list, from get_slabinfo(): objects in use and in all, the object
 * stride, objects and pages per slab, slabs.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <asm/page.h>
#include <asm/percpu.h>

#include "../../mm/slab.h"
#include "internal.h"

/* Pages in slabs of every cache (Linux: NR_SLAB_*_B, for meminfo's Slab). */
unsigned long proc_slab_pages(void)
{
	struct kmem_cache *s;
	unsigned long pages = 0;

	spin_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo sinfo;

		get_slabinfo(s, &sinfo);
		pages += sinfo.num_slabs << sinfo.cache_order;
	}
	spin_unlock(&slab_mutex);
	return pages;
}

/* The per-CPU areas, one per possible CPU (kernel/setup_percpu.c's unit size). */
unsigned long proc_percpu_pages(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	size_t unit = ALIGN(ALIGN(size, 8) + PERCPU_DYNAMIC_RESERVE, PAGE_SIZE);

	return (unit >> PAGE_SHIFT) * nr_cpu_ids;
}

static void *slab_start(struct seq_file *m, loff_t *pos)
{
	spin_lock(&slab_mutex);
	return seq_list_start(&slab_caches, *pos);
}

static void *slab_next(struct seq_file *m, void *p, loff_t *pos)
{
	return seq_list_next(p, &slab_caches, pos);
}

static void slab_stop(struct seq_file *m, void *p)
{
	spin_unlock(&slab_mutex);
}

static int slab_show(struct seq_file *m, void *p)
{
	struct kmem_cache *s = list_entry(p, struct kmem_cache, list);
	struct slabinfo sinfo;

	if (p == slab_caches.next) {
		/* Linux: print_slabinfo_header */
		seq_puts(m, "slabinfo - version: 2.1\n");
		seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
		seq_puts(m, " : tunables <limit> <batchcount> <sharedfactor>");
		seq_puts(m, " : slabdata <active_slabs> <num_slabs> <sharedavail>");
		seq_putc(m, '\n');
	}
	get_slabinfo(s, &sinfo);
	seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, sinfo.active_objs, sinfo.num_objs,
		   s->size, sinfo.objects_per_slab, 1 << sinfo.cache_order);
	seq_printf(m, " : tunables %4u %4u %4u", sinfo.limit, sinfo.batchcount, sinfo.shared);
	seq_printf(m, " : slabdata %6lu %6lu %6lu", sinfo.active_slabs, sinfo.num_slabs,
		   sinfo.shared_avail);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations slabinfo_op = {
	.start = slab_start,
	.next = slab_next,
	.stop = slab_stop,
	.show = slab_show,
};

void proc_slabinfo_init(void)
{
	proc_create_seq("slabinfo", 0400, NULL, &slabinfo_op);
}
