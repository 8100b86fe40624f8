/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one per physical page frame (Linux: include/linux/mm_types.h).
 *
 * It must stay small (a 64-byte struct page is 1.6% of RAM), so its
 * fields are reused by whoever owns the page: the buddy allocator (free
 * list link, order in private), the page cache (mapping, index), the slab
 * allocator (struct slab overlays it, mm/slab.h).
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct page {
	unsigned long flags;		/* PG_* bits, zone number (page-flags.h) */
	union {
		struct {
			union {
				struct list_head lru;
				struct list_head buddy_list;	/* free, in free_area */
				struct list_head pcp_list;	/* free, on a pcp list */
				/* Tail page of a compound page: head + 1 (bit 0 set). */
				unsigned long compound_head;
			};
			void *mapping;		/* address_space or anon_vma, later */
			unsigned long index;	/* offset within mapping */
			unsigned long private;	/* free in buddy: the block's order */
		};
		/* struct slab (mm/slab.h) overlays this union. */
	};
	int _mapcount;			/* page-table entries mapping it, -1 = none */
	int _refcount;			/* users; 0 = free */
};

#endif /* _LINUX_MM_TYPES_H */
