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

/*
 * A folio: a page that is not a tail page, the unit the page cache and
 * (later) the rmap work in (Linux 5.16+: include/linux/mm_types.h). Its
 * fields overlay struct page's, so page_folio() and &folio->page are casts.
 * Every folio here is one page (no large folios): folio_nr_pages() is 1.
 */
struct address_space;

struct folio {
	union {
		struct {
			unsigned long flags;
			union {
				struct list_head lru;
				unsigned long __compound_head;	/* never set: a folio is a head */
			};
			struct address_space *mapping;	/* its file's page cache, or NULL */
			unsigned long index;		/* page offset in that file */
			void *private;
			int _mapcount;
			int _refcount;
		};
		struct page page;
	};
};

#define FOLIO_MATCH(pg, fl) \
	_Static_assert(__builtin_offsetof(struct page, pg) == __builtin_offsetof(struct folio, fl), \
		       "struct folio overlays struct page: " #pg)
FOLIO_MATCH(flags, flags);
FOLIO_MATCH(lru, lru);
FOLIO_MATCH(mapping, mapping);
FOLIO_MATCH(index, index);
FOLIO_MATCH(private, private);
FOLIO_MATCH(_mapcount, _mapcount);
FOLIO_MATCH(_refcount, _refcount);
#undef FOLIO_MATCH
_Static_assert(sizeof(struct folio) == sizeof(struct page), "one folio is one struct page");

#endif /* _LINUX_MM_TYPES_H */
