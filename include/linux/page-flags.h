/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page flags (Linux: include/linux/page-flags.h, page-flags-layout.h).
 *
 * The low bits of page->flags are PG_* flags; the top bits say which zone
 * the page belongs to (ZONES_PGSHIFT), as Linux keeps zone, node and
 * section numbers there. Linux marks a free buddy block with a "page
 * type" stored in the _mapcount word; we keep PG_buddy as a flag, which
 * is what Linux did until 4.x. The order a block was allocated with is
 * kept in a debug field of the flags so that freeing with the wrong
 * order is caught ("Bad page state"); Linux records it only for compound
 * pages.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,
	PG_reserved,		/* never given to the buddy (kernel image, firmware...) */
	PG_private,
	PG_slab,
	PG_buddy,		/* free, head of a block in a free_area */
	NR_PAGEFLAGS,
};

#define ZONES_WIDTH 2
#define ZONES_PGSHIFT (64 - ZONES_WIDTH)
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)

/* Debug field: order + 1 of the allocation this page heads; 0 if none. */
#define ALLOC_ORDER_PGSHIFT 48
#define ALLOC_ORDER_MASK 0xfUL

#define PAGEFLAG(uname, lname)                                                    \
	static inline bool Page##uname(const struct page *page)                   \
	{                                                                         \
		return page->flags & (1UL << PG_##lname);                         \
	}                                                                         \
	static inline void __SetPage##uname(struct page *page)                    \
	{                                                                         \
		page->flags |= 1UL << PG_##lname;                                 \
	}                                                                         \
	static inline void __ClearPage##uname(struct page *page)                  \
	{                                                                         \
		page->flags &= ~(1UL << PG_##lname);                              \
	}

PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(Private, private)
PAGEFLAG(Dirty, dirty)
PAGEFLAG(Uptodate, uptodate)
PAGEFLAG(Locked, locked)
PAGEFLAG(LRU, lru)

/* Flags that must be clear when a page is freed (Linux: PAGE_FLAGS_CHECK_AT_FREE). */
#define PAGE_FLAGS_CHECK_AT_FREE                                              \
	((1UL << PG_locked) | (1UL << PG_lru) | (1UL << PG_private) |        \
	 (1UL << PG_reserved) | (1UL << PG_slab) | (1UL << PG_buddy) |       \
	 (1UL << PG_head))

/* Flags that must be clear when a page is handed out. */
#define PAGE_FLAGS_CHECK_AT_PREP (PAGE_FLAGS_CHECK_AT_FREE | (1UL << PG_dirty))

#endif /* _LINUX_PAGE_FLAGS_H */
