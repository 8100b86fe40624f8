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
	PG_swapbacked,		/* a shmem (tmpfs) folio: counted in NR_SHMEM */
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
#define PAGE_FLAGS_CHECK_AT_PREP                                              \
	(PAGE_FLAGS_CHECK_AT_FREE | (1UL << PG_dirty) | (1UL << PG_swapbacked))

/*
 * Folio flags (Linux: FOLIO_FLAG() in page-flags.h): folio_test_X(),
 * folio_set_X() and folio_clear_X() are atomic on folio->flags, because
 * PG_locked is a lock bit taken by one CPU while another may set
 * PG_dirty; __folio_set_X()/__folio_clear_X() are the non-atomic forms
 * for a folio nobody else can see yet. folio_test_set_X() returns the old
 * value (the lock's trylock).
 */
#define FOLIO_FLAG(name, lname)                                                 \
	static inline bool folio_test_##name(const struct folio *folio)          \
	{                                                                       \
		return __atomic_load_n(&folio->flags, __ATOMIC_ACQUIRE) &         \
		       (1UL << PG_##lname);                                      \
	}                                                                       \
	static inline void folio_set_##name(struct folio *folio)                 \
	{                                                                       \
		__atomic_fetch_or(&folio->flags, 1UL << PG_##lname,               \
				  __ATOMIC_RELEASE);                              \
	}                                                                       \
	static inline void folio_clear_##name(struct folio *folio)               \
	{                                                                       \
		__atomic_fetch_and(&folio->flags, ~(1UL << PG_##lname),           \
				   __ATOMIC_RELEASE);                             \
	}                                                                       \
	static inline bool folio_test_set_##name(struct folio *folio)            \
	{                                                                       \
		return __atomic_fetch_or(&folio->flags, 1UL << PG_##lname,        \
					 __ATOMIC_ACQUIRE) & (1UL << PG_##lname); \
	}                                                                       \
	static inline bool folio_test_clear_##name(struct folio *folio)          \
	{                                                                       \
		return __atomic_fetch_and(&folio->flags, ~(1UL << PG_##lname),    \
					  __ATOMIC_ACQ_REL) & (1UL << PG_##lname);\
	}                                                                       \
	static inline void __folio_set_##name(struct folio *folio)               \
	{                                                                       \
		folio->flags |= 1UL << PG_##lname;                                \
	}                                                                       \
	static inline void __folio_clear_##name(struct folio *folio)             \
	{                                                                       \
		folio->flags &= ~(1UL << PG_##lname);                             \
	}

FOLIO_FLAG(locked, locked)
FOLIO_FLAG(referenced, referenced)
FOLIO_FLAG(uptodate, uptodate)
FOLIO_FLAG(dirty, dirty)
FOLIO_FLAG(swapbacked, swapbacked)

/* Linux: folio_mark_uptodate() orders the data before the flag (smp_wmb). */
static inline void folio_mark_uptodate(struct folio *folio)
{
	folio_set_uptodate(folio);
}

#endif /* _LINUX_PAGE_FLAGS_H */
