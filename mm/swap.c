// SPDX-License-Identifier: GPL-2.0
/*
 * The free path of a folio's last reference (Linux: __folio_put() in
 * mm/swap.c). folio_put() (include/linux/mm.h) drops a reference; the one
 * that reaches zero lands here and gives the page back to the buddy.
 *
 * Linux's __folio_put() also takes the folio off its LRU list, uncharges
 * its memory cgroup and frees large folios by their order; none of those
 * exist here (no LRU, no memcg, every folio is one page). Linux clears
 * the page-cache flags in free_pages_prepare(); here the buddy checks
 * them at allocation (PAGE_FLAGS_CHECK_AT_PREP), so they are cleared
 * first. The buddy's free entry point is __free_pages(), which drops a
 * reference itself, so the folio is given back one reference for it to
 * drop (Linux calls free_unref_page() with the count already zero).
 */
#include <linux/mm.h>
#include <linux/printk.h>

void __folio_put(struct folio *folio)
{
	if (folio->mapping) {
		/* Still in a page cache: that cache's reference was dropped twice. */
		dump_page(&folio->page, "__folio_put: folio freed while in a mapping");
		return;		/* leak it rather than free what the cache points at */
	}
	if (folio_test_locked(folio)) {
		dump_page(&folio->page, "__folio_put: folio freed while locked");
		return;
	}
	folio->flags &= ~((1UL << PG_dirty) | (1UL << PG_uptodate) | (1UL << PG_referenced) |
			  (1UL << PG_swapbacked));
	folio->private = NULL;
	set_page_refcounted(&folio->page);
	__free_pages(&folio->page, 0);
}
