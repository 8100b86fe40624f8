// SPDX-License-Identifier: GPL-2.0
/*
 * The free page count the leak checks of the in-kernel tests compare
 * (tests/kernel/kunit_pages.h): taken with nothing cached anywhere, so
 * that two readings with the same objects alive agree.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "../../mm/slab.h"	/* slab_caches, to give empty slabs back before counting */
#include "kunit_pages.h"

#define MAX_SHRINK_CACHES 128

/*
 * Give every slab cache's empty slabs, and every CPU's cached pages, back
 * to the buddy, so that the free page count says what is really in use.
 * kmem_cache_shrink() sleeps, so the caches are collected under
 * slab_mutex first (caches are not destroyed while the tests run; the
 * array is static, the tests running one at a time).
 */
unsigned long shrunk_free_pages(void)
{
	static struct kmem_cache *caches[MAX_SHRINK_CACHES];
	struct kmem_cache *s;
	unsigned int n = 0;

	spin_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		if (n < MAX_SHRINK_CACHES)
			caches[n++] = s;
	}
	spin_unlock(&slab_mutex);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_shrink(caches[i]);
	drain_all_pages(NULL);
	return nr_free_pages();
}
