// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator, after Linux's SLUB (Linux: mm/slub.c).
 *
 * A kmem_cache hands out objects of one size. Objects live in slabs
 * (pages from the buddy allocator, cut into equal pieces); a free object
 * holds the pointer to the next free one inside itself, at s->offset, so
 * free lists cost no memory.
 *
 *  - Fast path: each CPU owns one "frozen" slab and pops objects from its
 *    freelist (kmem_cache_cpu), and pushes objects of that slab back.
 *  - Slow path (___slab_alloc): take the objects other CPUs freed into
 *    the cpu slab meanwhile (slab->freelist); else a partial slab from
 *    the node's list (get_partial); else a new slab (new_slab).
 *  - Free of an object of another slab (__slab_free): push it on that
 *    slab's own freelist; a full slab that gains a free object goes on
 *    the partial list; an empty slab beyond min_partial goes back to the
 *    buddy allocator.
 *
 * Linux runs the fast path with this_cpu_cmpxchg_double() on (freelist,
 * tid), so it needs neither interrupts nor preemption disabled, and
 * remote frees use cmpxchg on (slab->freelist, counters). We disable
 * interrupts around the fast path instead, which is far easier to read
 * and enough because only this CPU ever touches its kmem_cache_cpu:
 * another CPU at most peeks at c->slab to decide whom to interrupt
 * (has_cpu_slab), and flush_all() has each CPU flush its own cpu slab in
 * a call-function IPI (flush_cpu_slab), which cannot land in the middle
 * of the fast path. Everything that touches a slab's own freelist, inuse
 * or frozen, the partial list or the counters takes the node's
 * list_lock, which replaces the cmpxchg on the slab. As in Linux,
 * list_lock is always taken with spin_lock_irqsave(): kmalloc(GFP_ATOMIC)
 * and kfree() run in interrupt handlers, which would spin forever on a
 * list_lock held by the code they interrupted.
 *
 * Debugging (the slab_debug boot option; always on in the host tests):
 * red zones around every object, poisoning of free and fresh objects,
 * and checks on every alloc and free, reporting in Linux's "BUG
 * <cache>: ..." format with the object, a hex dump and a backtrace, then
 * repairing what it can ("FIX ...") so the cache stays usable. As in
 * Linux, a debug cache has no cpu slabs: each alloc and free goes to the
 * node one object at a time under list_lock (alloc_single_from_partial,
 * alloc_single_from_new_slab, free_to_partial_list), so the checks look
 * at a slab no other CPU is changing, and a slab's freelist holds all of
 * its free objects. Freelist pointers are stored obfuscated
 * (ptr ^ s->random ^ swab(slot)) as with CONFIG_SLAB_FREELIST_HARDENED.
 *
 * kmem_cache_shrink() and kmem_cache_destroy() wait for the other CPUs
 * (flush_all), so they are for process context with interrupts on.
 *
 * Left out: NUMA nodes (one kmem_cache_node), per-CPU partial lists,
 * cache merging, RCU-freed slabs, owner tracking (SLAB_STORE_USER),
 * sysfs, the statistics counters, bulk alloc/free.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/panic.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "slab.h"

#define MIN_PARTIAL 5
#define MAX_PARTIAL 10
#define SLUB_MAX_ORDER PAGE_ALLOC_COSTLY_ORDER

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_mutex);
slab_flags_t slub_debug;
unsigned long slab_debug_reports;

static bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* ---- free pointers --------------------------------------------------------- */

static void *freelist_ptr_decode(const struct kmem_cache *s, unsigned long encoded,
				 unsigned long ptr_addr)
{
	return (void *)(encoded ^ s->random ^ __builtin_bswap64(ptr_addr));
}

static unsigned long freelist_ptr_encode(const struct kmem_cache *s, void *ptr,
					 unsigned long ptr_addr)
{
	return (unsigned long)ptr ^ s->random ^ __builtin_bswap64(ptr_addr);
}

static void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return freelist_ptr_decode(s, *(unsigned long *)ptr_addr, ptr_addr);
}

static void set_freepointer(const struct kmem_cache *s, void *object, void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	*(unsigned long *)ptr_addr = freelist_ptr_encode(s, fp, ptr_addr);
}

/* ---- object layout ---------------------------------------------------------- */

static void *fixup_red_left(const struct kmem_cache *s, void *p)
{
	return (char *)p + s->red_left_pad;
}

static void *slab_object(const struct kmem_cache *s, const struct slab *slab, unsigned int i)
{
	return fixup_red_left(s, (char *)slab_address(slab) + (size_t)i * s->size);
}

/* Does object point exactly at an object of this slab? */
static bool check_valid_pointer(const struct kmem_cache *s, const struct slab *slab,
				const void *object)
{
	char *base = slab_address(slab);
	long off = (const char *)object - base - s->red_left_pad;

	if (!object)
		return true;
	return off >= 0 && off % s->size == 0 && off / s->size < slab->objects;
}

static struct slab *virt_to_slab(const void *addr)
{
	struct page *page;

	if (!pfn_valid(virt_to_pfn(addr)))
		return NULL;
	page = compound_head(virt_to_page(addr));
	return PageSlab(page) ? page_slab(page) : NULL;
}

/* ---- debug checks and reports --------------------------------------------------- */

static void print_section(const char *level, const char *text, const u8 *addr,
			  unsigned int length)
{
	for (unsigned int i = 0; i < length; i += 16) {
		char line[80];
		int n = 0;

		for (unsigned int j = i; j < length && j < i + 16; j++)
			n += scnprintf(line + n, sizeof(line) - n, " %02x", addr[j]);
		printk("%s%-8s %016lx:%s\n", level, text, (unsigned long)(addr + i), line);
	}
}

static void slab_bug(const struct kmem_cache *s, const char *what)
{
	slab_debug_reports++;
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s\n", s->name, what);
	pr_err("-----------------------------------------------------------------------------\n");
}

static void print_slab_info(const struct slab *slab)
{
	pr_err("Slab 0x%p objects=%u used=%u fp=0x%p flags=%#lx\n", (void *)slab,
	       slab->objects, slab->inuse, slab->freelist, slab->__page_flags);
}

static void print_trailer(const struct kmem_cache *s, const struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);

	print_slab_info(slab);
	pr_err("Object 0x%p @offset=%lu fp=0x%p\n", (void *)p, (unsigned long)(p - addr),
	       get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone", p - s->red_left_pad, s->red_left_pad);
	print_section(KERN_ERR, "Object", p, min(s->object_size, 64U));
	if (s->flags & SLAB_RED_ZONE)
		print_section(KERN_ERR, "Redzone", p + s->object_size, s->inuse - s->object_size);
	dump_stack();
}

static void slab_fix(const struct kmem_cache *s, const char *what, const void *a,
		     const void *b, int value)
{
	if (value >= 0)
		pr_err("FIX %s: %s 0x%p-0x%p=0x%x\n", s->name, what, a, b, value);
	else
		pr_err("FIX %s: %s 0x%p\n", s->name, what, a);
}

static u8 *first_mismatch(u8 *start, u8 value, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes; i++)
		if (start[i] != value)
			return start + i;
	return NULL;
}

/*
 * Check that [start, start + bytes) of object holds value; report and
 * restore it if not (Linux: check_bytes_and_report).
 */
static bool check_bytes_and_report(const struct kmem_cache *s, const struct slab *slab,
				   u8 *object, const char *what, u8 *start, u8 value,
				   unsigned int bytes)
{
	u8 *fault = first_mismatch(start, value, bytes);
	u8 *end = start + bytes;
	char msg[64];

	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	snprintf(msg, sizeof(msg), "%s overwritten", what);
	slab_bug(s, msg);
	pr_err("0x%p-0x%p @offset=%lu. First byte 0x%x instead of 0x%x\n", (void *)fault,
	       (void *)(end - 1), (unsigned long)(fault - (u8 *)slab_address(slab)), *fault, value);
	print_trailer(s, slab, object);
	snprintf(msg, sizeof(msg), "Restoring %s", what);
	slab_fix(s, msg, fault, end - 1, value);
	memset(fault, value, end - fault);
	return false;
}

static void poison_object(const struct kmem_cache *s, u8 *p)
{
	memset(p, POISON_FREE, s->object_size - 1);
	p[s->object_size - 1] = POISON_END;
}

/* Red zones to val, and for a free object the poison (Linux: init_object). */
static void init_object(const struct kmem_cache *s, u8 *p, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && !s->ctor) {
		if (val == SLUB_RED_INACTIVE)
			poison_object(s, p);
		else
			memset(p, POISON_INUSE, s->object_size);
	}
}

/* Linux: check_object(): red zones match val; a free object's poison is intact. */
static bool check_object(const struct kmem_cache *s, const struct slab *slab, u8 *p, u8 val)
{
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes_and_report(s, slab, p, "Left Redzone", p - s->red_left_pad,
					     val, s->red_left_pad);
		ok &= check_bytes_and_report(s, slab, p, "Right Redzone", p + s->object_size,
					     val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && !s->ctor && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, slab, p, "Poison", p, POISON_FREE,
					     s->object_size - 1);
		ok &= check_bytes_and_report(s, slab, p, "End Poison", p + s->object_size - 1,
					     POISON_END, 1);
	}
	return ok;
}

/*
 * Is p on the slab's freelist (Linux: on_freelist)? Called with
 * n->list_lock held, which is what keeps the walk safe: every change to
 * slab->freelist (frees from any CPU, a CPU taking the list for its cpu
 * slab) happens under that lock. Debug caches have no cpu slabs, so
 * slab->freelist holds every free object of the slab.
 */
static bool on_freelist(const struct kmem_cache *s, const struct slab *slab, void *p)
{
	unsigned int n = 0;

	for (void *f = slab->freelist; f && n++ <= slab->objects; f = get_freepointer(s, f))
		if (f == p)
			return true;
	return false;
}

/*
 * A free object in debug mode has inactive red zones all round; without
 * red zones, look for it on the slab's freelist.
 */
static bool object_is_free(const struct kmem_cache *s, const struct slab *slab, u8 *p)
{
	if (!(s->flags & SLAB_RED_ZONE))
		return on_freelist(s, slab, p);
	return !first_mismatch(p - s->red_left_pad, SLUB_RED_INACTIVE, s->red_left_pad) &&
	       !first_mismatch(p + s->object_size, SLUB_RED_INACTIVE, s->inuse - s->object_size);
}

static void object_err(const struct kmem_cache *s, const struct slab *slab, u8 *object,
		       const char *reason)
{
	slab_bug(s, reason);
	print_trailer(s, slab, object);
}

/*
 * Linux: alloc_debug_processing(), under n->list_lock (or on a slab no
 * one else knows yet). A use after free shows as broken poison.
 */
static void alloc_debug_processing(struct kmem_cache *s, struct slab *slab, void *object)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS)
		check_object(s, slab, object, SLUB_RED_INACTIVE);
	init_object(s, object, SLUB_RED_ACTIVE);
}

/*
 * Linux: free_debug_processing(), under n->list_lock. False means "do
 * not free": a bad pointer, a double free or a damaged object is
 * reported and left alone rather than letting it corrupt the free lists.
 */
static bool free_debug_processing(struct kmem_cache *s, struct slab *slab, void *object)
{
	if (!check_valid_pointer(s, slab, object)) {
		char msg[64];

		snprintf(msg, sizeof(msg), "Invalid object pointer 0x%p", object);
		slab_bug(s, msg);
		print_slab_info(slab);
		dump_stack();
		slab_fix(s, "Object not freed:", object, NULL, -1);
		return false;
	}
	if (object_is_free(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		slab_fix(s, "Object not freed again:", object, NULL, -1);
		return false;
	}
	if ((s->flags & SLAB_CONSISTENCY_CHECKS) &&
	    !check_object(s, slab, object, SLUB_RED_ACTIVE)) {
		pr_err("FIX %s: Object at 0x%p not freed\n", s->name, object);
		return false;
	}
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/* ---- slabs ------------------------------------------------------------------------ */

static void setup_object(struct kmem_cache *s, void *object)
{
	if (kmem_cache_debug(s))
		init_object(s, object, SLUB_RED_INACTIVE);
	if (s->ctor)
		s->ctor(object);
}

/* A slab from the buddy allocator, all its objects linked (Linux: allocate_slab). */
static struct slab *new_slab(struct kmem_cache *s, gfp_t flags)
{
	unsigned int order = oo_order(s->oo);
	unsigned long irqflags;
	struct page *page;
	struct slab *slab;
	void *p, *next;

	flags &= ~__GFP_ZERO;	/* zeroing is per object, on allocation */
	page = alloc_pages(flags | __GFP_COMP | __GFP_NOWARN, order);
	if (!page)
		return NULL;
	slab = page_slab(page);
	__SetPageSlab(page);
	slab->slab_cache = s;
	slab->objects = oo_objects(s->oo);
	slab->inuse = 0;
	slab->frozen = 0;
	if (kmem_cache_debug(s))
		memset(slab_address(slab), POISON_INUSE, PAGE_SIZE << order);

	/* Link all objects, first to last; the last points to NULL. */
	p = slab_object(s, slab, 0);
	slab->freelist = p;
	for (unsigned int i = 0; i < slab->objects; i++) {
		setup_object(s, p);
		next = i + 1 < slab->objects ? slab_object(s, slab, i + 1) : NULL;
		set_freepointer(s, p, next);
		p = next;
	}
	spin_lock_irqsave(&s->node.list_lock, irqflags);
	s->node.nr_slabs++;
	s->node.total_objects += slab->objects;
	spin_unlock_irqrestore(&s->node.list_lock, irqflags);
	return slab;
}

/*
 * Give an empty slab's pages back to the buddy allocator (Linux:
 * discard_slab). Under n->list_lock, which guards the counters.
 */
static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct page *page = slab_page(slab);
	unsigned int order = oo_order(s->oo);

	s->node.nr_slabs--;
	s->node.total_objects -= slab->objects;
	__ClearPageSlab(page);
	page->mapping = NULL;
	page->index = 0;
	page->private = 0;
	page_mapcount_reset(page);
	__free_pages(page, order);
}

static void add_partial(struct kmem_cache_node *n, struct slab *slab)
{
	n->nr_partial++;
	list_add_tail(&slab->slab_list, &n->partial);
}

static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	list_del(&slab->slab_list);
	n->nr_partial--;
}

/*
 * Debug caches only, under n->list_lock: take one object off a partial
 * slab, check it, and leave the slab where it is, or on no list if that
 * was its last free object (Linux: alloc_single_from_partial).
 */
static void *alloc_single_from_partial(struct kmem_cache *s, struct kmem_cache_node *n,
				       struct slab *slab)
{
	void *object = slab->freelist;

	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	alloc_debug_processing(s, slab, object);
	if (slab->inuse == slab->objects)
		remove_partial(n, slab);	/* full: on no list (no full list here) */
	return object;
}

/*
 * Debug caches only: one object from a slab just made, the rest of it
 * to the partial list (Linux: alloc_single_from_new_slab).
 */
static void *alloc_single_from_new_slab(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = &s->node;
	void *object = slab->freelist;
	unsigned long flags;

	slab->freelist = get_freepointer(s, object);
	slab->inuse = 1;
	alloc_debug_processing(s, slab, object);	/* nobody else sees the slab yet */
	if (slab->inuse < slab->objects) {
		spin_lock_irqsave(&n->list_lock, flags);
		add_partial(n, slab);
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	return object;
}

/*
 * Take a slab off the partial list and make it this CPU's: frozen, with
 * all its free objects moved to the caller (Linux: get_partial_node).
 * For a debug cache, take one checked object instead and leave the slab
 * on the list (alloc_single_from_partial); *slabp is then NULL.
 */
static void *get_partial(struct kmem_cache *s, struct slab **slabp)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab;
	unsigned long flags;
	void *freelist;

	*slabp = NULL;
	if (!READ_ONCE(n->nr_partial))	/* racy peek: the lock decides */
		return NULL;
	spin_lock_irqsave(&n->list_lock, flags);
	if (list_empty(&n->partial)) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		return NULL;
	}
	slab = list_first_entry(&n->partial, struct slab, slab_list);
	if (kmem_cache_debug(s)) {
		freelist = alloc_single_from_partial(s, n, slab);
	} else {
		remove_partial(n, slab);
		freelist = slab->freelist;
		slab->freelist = NULL;
		slab->inuse = slab->objects;
		slab->frozen = 1;
		*slabp = slab;
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return freelist;
}

/*
 * Stop using slab as the cpu slab: put the objects still on the cpu
 * freelist back on the slab, unfreeze it, and file it where it belongs
 * (partial list, or back to the buddy if empty) (Linux: deactivate_slab).
 * The caller has already taken the slab out of its kmem_cache_cpu.
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab, void *freelist)
{
	struct kmem_cache_node *n = &s->node;
	unsigned int count = 0;
	unsigned long flags;
	void *last = NULL;

	for (void *p = freelist; p; p = get_freepointer(s, p)) {
		last = p;
		count++;
	}
	spin_lock_irqsave(&n->list_lock, flags);
	if (last) {
		set_freepointer(s, last, slab->freelist);
		slab->freelist = freelist;
	}
	slab->inuse -= count;
	slab->frozen = 0;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		discard_slab(s, slab);
	} else if (slab->freelist) {
		add_partial(n, slab);
	}
	/* else: full, and on no list until an object comes back (no full list). */
	spin_unlock_irqrestore(&n->list_lock, flags);
}

/* Let go of this CPU's cpu slab (Linux: flush_slab). Interrupts off. */
static void flush_slab(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct slab *slab = c->slab;
	void *freelist = c->freelist;

	c->slab = NULL;
	c->freelist = NULL;
	deactivate_slab(s, slab, freelist);
}

/* Take the objects freed into our frozen slab by other CPUs (Linux: get_freelist). */
static void *get_freelist(struct kmem_cache *s, struct slab *slab)
{
	unsigned long flags;
	void *freelist;

	spin_lock_irqsave(&s->node.list_lock, flags);
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	spin_unlock_irqrestore(&s->node.list_lock, flags);
	return freelist;
}

/*
 * The slow path: find this CPU a slab with free objects (Linux:
 * ___slab_alloc). Entered with interrupts off; *irqflags is the state
 * the caller had. A new slab from the buddy allocator is fetched with
 * the caller's interrupt state back on when the request may sleep
 * (GFP_KERNEL: Linux's gfpflags_allow_blocking()), as Linux's
 * allocate_slab did while SLUB ran this path with interrupts off.
 * Meanwhile the task may move to another CPU, or an interrupt may give
 * this CPU a cpu slab, so the kmem_cache_cpu is looked up again after.
 * A debug cache never gets a cpu slab: it takes one checked object at a
 * time from the node (get_partial, alloc_single_from_new_slab).
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfpflags, unsigned long *irqflags)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	bool may_block = gfpflags_allow_blocking(gfpflags);
	struct slab *slab = c->slab;
	void *freelist;

	if (slab) {
		freelist = get_freelist(s, slab);
		if (freelist)
			goto load_freelist;
		/* The cpu slab is full: let it go. */
		flush_slab(s, c);
	}
	freelist = get_partial(s, &slab);
	if (freelist) {
		if (!slab)
			return freelist;	/* debug cache: one object */
		goto new_cpu_slab;
	}

	if (may_block)
		local_irq_restore(*irqflags);
	slab = new_slab(s, gfpflags);
	if (may_block)
		local_irq_save(*irqflags);
	if (!slab)
		return NULL;
	if (kmem_cache_debug(s))
		return alloc_single_from_new_slab(s, slab);
	/* No one else knows this slab yet: take all of it without the lock. */
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = 1;
	c = this_cpu_ptr(s->cpu_slab);
	if (unlikely(c->slab))
		flush_slab(s, c);
new_cpu_slab:
	c->slab = slab;
load_freelist:
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

static void *slab_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	object = c->freelist;
	if (unlikely(!object || !c->slab))
		object = ___slab_alloc(s, gfpflags, &flags);
	else
		c->freelist = get_freepointer(s, object);	/* the fast path */
	local_irq_restore(flags);

	if (object && (gfpflags & __GFP_ZERO))
		memset(object, 0, s->object_size);
	return object;
}

/*
 * Debug caches only: check and free one object with n->list_lock held
 * throughout, so no other CPU changes the slab while we look at it
 * (Linux: free_to_partial_list).
 */
static void free_to_partial_list(struct kmem_cache *s, struct slab *slab, void *object)
{
	struct kmem_cache_node *n = &s->node;
	unsigned long flags;
	void *prior;

	spin_lock_irqsave(&n->list_lock, flags);
	if (!free_debug_processing(s, slab, object)) {
		spin_unlock_irqrestore(&n->list_lock, flags);
		return;
	}
	prior = slab->freelist;
	set_freepointer(s, object, prior);
	slab->freelist = object;
	slab->inuse--;
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (prior)
			remove_partial(n, slab);
		discard_slab(s, slab);
	} else if (!prior) {
		add_partial(n, slab);	/* was full */
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
}

/* Free into a slab that is not this CPU's (Linux: __slab_free). */
static void __slab_free(struct kmem_cache *s, struct slab *slab, void *object)
{
	struct kmem_cache_node *n = &s->node;
	unsigned long flags;
	bool was_full;

	if (kmem_cache_debug(s)) {
		free_to_partial_list(s, slab, object);
		return;
	}
	spin_lock_irqsave(&n->list_lock, flags);
	was_full = !slab->freelist;
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	slab->inuse--;
	if (slab->frozen) {
		/* Some CPU's current slab: that CPU picks the object up later. */
		spin_unlock_irqrestore(&n->list_lock, flags);
		return;
	}
	if (!slab->inuse && n->nr_partial >= s->min_partial) {
		if (!was_full)
			remove_partial(n, slab);
		discard_slab(s, slab);
	} else if (was_full) {
		add_partial(n, slab);
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
}

static void slab_free(struct kmem_cache *s, struct slab *slab, void *object)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	if (likely(slab == c->slab)) {
		/* The fast path: an object of our own cpu slab (never a debug cache's). */
		set_freepointer(s, object, c->freelist);
		c->freelist = object;
	} else {
		__slab_free(s, slab, object);
	}
	local_irq_restore(flags);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return slab_alloc(s, flags);
}

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct slab *slab;

	if (!x)
		return;
	slab = virt_to_slab(x);
	if (!slab || slab->slab_cache != s) {
		pr_err("%s: Wrong slab cache. %s but object %p is from %s\n", __func__, s->name,
		       x, slab ? slab->slab_cache->name : "no slab");
		slab_debug_reports++;
		dump_stack();
		return;
	}
	slab_free(s, slab, x);
}

/* ---- creating and destroying caches ----------------------------------------------- */

/* Smallest order (up to max_order) with at least min_objects and waste <= 1/fraction. */
static unsigned int calc_slab_order(unsigned int size, unsigned int min_objects,
				    unsigned int max_order, unsigned int fraction)
{
	for (unsigned int order = 0; order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;
		unsigned int rem = slab_size % size;

		if (slab_size / size >= min_objects && rem <= slab_size / fraction)
			return order;
	}
	return max_order + 1;
}

/* Linux: calculate_order(): many objects per slab, little waste, small order. */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects = 4 * (__fls(nr_cpu_ids) + 2);

	for (; min_objects >= 1; min_objects /= 2) {
		for (unsigned int fraction = 16; fraction >= 4; fraction /= 2) {
			unsigned int order = calc_slab_order(size, min_objects, SLUB_MAX_ORDER,
							     fraction);

			if (order <= SLUB_MAX_ORDER)
				return order;
		}
		if (min_objects == 1)
			break;
	}
	return calc_slab_order(size, 1, MAX_PAGE_ORDER, 1);
}

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = 64;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return ALIGN(max(align, (unsigned int)sizeof(void *)), sizeof(void *));
}

/*
 * Object layout (Linux: calculate_sizes()), debug parts in brackets:
 *   [left red zone] object [right red zone] [free pointer] padding
 * Without debug the free pointer sits in the middle of the object, so a
 * small overflow of the previous object does not reach it.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));
	unsigned int order;

	if ((s->flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);		/* room for a right red zone */
	s->inuse = size;
	/*
	 * The free pointer goes after the object when the object's bytes
	 * must survive a free (poison, constructor), and when the object is
	 * smaller than a pointer and has a red zone, which a pointer at
	 * offset 0 would overwrite (Linux: the same test).
	 */
	if ((s->flags & SLAB_POISON) || s->ctor ||
	    ((s->flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = size;		/* free pointer outside the object */
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	s->red_left_pad = 0;
	if (s->flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
	order = calculate_order(s->size);
	if (order > MAX_PAGE_ORDER)
		return false;
	s->oo.x = (order << OO_SHIFT) | ((PAGE_SIZE << order) / s->size);
	return true;
}

static int kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->ctor = ctor;
	s->flags = flags | slub_debug;
	s->align = calculate_alignment(flags, align, size);
	s->random = get_random_long();
	s->refcount = 1;
	if (!calculate_sizes(s))
		return -EINVAL;
	s->min_partial = clamp((unsigned long)__fls(s->size) / 2, (unsigned long)MIN_PARTIAL,
			       (unsigned long)MAX_PARTIAL);
	spin_lock_init(&s->node.list_lock);
	INIT_LIST_HEAD(&s->node.partial);
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	if (!s->cpu_slab)
		return -ENOMEM;
	spin_lock(&slab_mutex);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock(&slab_mutex);
	return 0;
}

/* The cache of struct kmem_cache itself: static, to break the circle. */
static struct kmem_cache boot_kmem_cache;
static struct kmem_cache *kmem_cache = &boot_kmem_cache;

static struct kmem_cache *create_cache(const char *name, unsigned int size, unsigned int align,
					slab_flags_t flags, void (*ctor)(void *), bool copy_name)
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!name || !size || size > KMALLOC_MAX_CACHE_SIZE * 4 || (align & (align - 1)))
		goto out;
	err = -ENOMEM;
	s = kmem_cache_alloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	err = kmem_cache_open(s, name, size, align, flags, ctor);
	if (err) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
	} else if (copy_name) {
		/*
		 * The caller's string may not outlive the cache: keep a copy
		 * (Linux: kstrdup_const; ours is a fixed buffer, so names
		 * longer than 31 characters are cut).
		 */
		strscpy(s->name_buf, name, sizeof(s->name_buf));
		s->name = s->name_buf;
	}
out:
	if (!s) {
		pr_warn("kmem_cache_create(%s) failed with error %d\n", name ? name : "(null)", err);
		if (flags & SLAB_PANIC)
			panic("kmem_cache_create: Failed to create slab '%s'. Error %d",
			      name ? name : "(null)", err);
	}
	return s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	return create_cache(name, size, align, flags, ctor, true);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/*
 * Run on a CPU (interrupts off): give back that CPU's own cpu slab
 * (Linux: flush_cpu_slab).
 */
static void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);

	if (c->slab)
		flush_slab(s, c);
}

/*
 * Does cpu have a cpu slab to flush (Linux: has_cpu_slab)? A racy peek
 * at another CPU's kmem_cache_cpu, only to spare CPUs with nothing to do
 * an IPI; it never writes. A CPU that takes a slab just after we looked
 * keeps it, as it would if it had allocated just after the flush.
 */
static bool has_cpu_slab(int cpu, void *info)
{
	struct kmem_cache *s = info;

	return READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->slab) != NULL;
}

/*
 * Deactivate every CPU's slab of this cache (Linux: flush_all). Only the
 * owner may touch its kmem_cache_cpu, so each CPU flushes its own, in a
 * call-function IPI (Linux queues flush_cpu_slab as per-CPU work; before
 * 5.15 it was this IPI). Sleeping context: we wait for the other CPUs
 * with interrupts on.
 */
static void flush_all(struct kmem_cache *s)
{
	on_each_cpu_cond(has_cpu_slab, flush_cpu_slab, s, true);
}

/*
 * Return every empty slab to the buddy allocator (Linux:
 * __kmem_cache_do_shrink). Sleeping context, as flush_all() needs.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	struct kmem_cache_node *n = &s->node;
	struct slab *slab, *next;
	unsigned long flags;

	flush_all(s);
	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry_safe(slab, next, &n->partial, slab_list) {
		if (!slab->inuse) {
			remove_partial(n, slab);
			discard_slab(s, slab);
		}
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return 0;
}

/* Report the objects still allocated in a cache being destroyed. Under list_lock. */
static void list_slab_objects(struct kmem_cache *s, struct slab *slab)
{
	unsigned int printed = 0;

	for (unsigned int i = 0; i < slab->objects && printed < 16; i++) {
		void *p = slab_object(s, slab, i);
		bool free = false;

		for (void *f = slab->freelist; f; f = get_freepointer(s, f))
			free |= f == p;
		if (!free) {
			pr_err("Object 0x%p @offset=%lu\n", p,
			       (unsigned long)((char *)p - (char *)slab_address(slab)));
			printed++;
		}
	}
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;
	struct slab *slab;

	if (!s)
		return;
	kmem_cache_shrink(s);	/* every CPU's cpu slab too: flush_all */
	if (s->node.nr_slabs) {
		slab_bug(s, "Objects remaining on __kmem_cache_shutdown()");
		spin_lock_irqsave(&s->node.list_lock, flags);
		list_for_each_entry(slab, &s->node.partial, slab_list)
			list_slab_objects(s, slab);
		spin_unlock_irqrestore(&s->node.list_lock, flags);
		pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
		       s->name, __builtin_return_address(0));
		dump_stack();
		return;	/* leak the cache: its objects may still be in use */
	}
	spin_lock(&slab_mutex);
	list_del(&s->list);
	spin_unlock(&slab_mutex);
	free_percpu(s->cpu_slab);
	if (s != kmem_cache)
		kmem_cache_free(kmem_cache, s);
}

/* ---- kmalloc --------------------------------------------------------------------- */

static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", 96 },	[2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 },	[4] = { "kmalloc-16", 16 },
	[5] = { "kmalloc-32", 32 },	[6] = { "kmalloc-64", 64 },
	[7] = { "kmalloc-128", 128 },	[8] = { "kmalloc-256", 256 },
	[9] = { "kmalloc-512", 512 },	[10] = { "kmalloc-1k", 1024 },
	[11] = { "kmalloc-2k", 2048 },	[12] = { "kmalloc-4k", 4096 },
	[13] = { "kmalloc-8k", 8192 },
};

/* Which kmalloc cache serves size (Linux: kmalloc_index(); 96 and 192 are 1 and 2). */
static unsigned int kmalloc_index(size_t size)
{
	if (size <= 8)
		return 3;
	if (size > 64 && size <= 96)
		return 1;
	if (size > 128 && size <= 192)
		return 2;
	return __fls(size - 1) + 1;
}

static void create_kmalloc_cache(unsigned int idx)
{
	unsigned int size = kmalloc_info[idx].size;
	/* kmalloc guarantees natural alignment for power-of-two sizes, as Linux. */
	unsigned int align = (size & (size - 1)) ? 8 : size;

	/* The names are static, and kmalloc itself is what is being set up: no copy. */
	kmalloc_caches[idx] = create_cache(kmalloc_info[idx].name, size, align, SLAB_PANIC, NULL,
					   false);
}

void kmem_cache_init(void)
{
	if (kmem_cache_open(kmem_cache, "kmem_cache", sizeof(struct kmem_cache), 0,
			    SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot set up the kmem_cache cache");
	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++)
		if (kmalloc_info[i].size)
			create_kmalloc_cache(i);
}

static void *kmalloc_large(size_t size, gfp_t flags)
{
	struct page *page = alloc_pages(flags | __GFP_COMP, get_order(size));

	return page ? page_address(page) : NULL;
}

void *kmalloc(size_t size, gfp_t flags)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, flags);
	return kmem_cache_alloc(kmalloc_caches[kmalloc_index(size)], flags);
}

/* A pointer that is not a slab object: a large kmalloc, or a mistake. */
static void free_large_kmalloc(struct page *page, const void *object)
{
	if (!PageHead(page) || object != page_address(page)) {
		pr_err("kfree: %p is not a kmalloc'ed address (pfn %#lx)\n", object,
		       page_to_pfn(page));
		slab_debug_reports++;
		dump_stack();
		return;
	}
	__free_pages(page, compound_order(page));
}

void kfree(const void *x)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(x))
		return;
	if (!pfn_valid(virt_to_pfn(x))) {
		pr_err("kfree: %p is not a kernel heap address\n", x);
		slab_debug_reports++;
		dump_stack();
		return;
	}
	page = compound_head(virt_to_page(x));
	if (!PageSlab(page)) {
		free_large_kmalloc(page, x);
		return;
	}
	slab_free(page_slab(page)->slab_cache, page_slab(page), (void *)x);
}

size_t ksize(const void *x)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(x))
		return 0;
	page = compound_head(virt_to_page(x));
	if (PageSlab(page))
		return page_slab(page)->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
}

/* ---- slabinfo ------------------------------------------------------------------- */

/*
 * Free objects on the partial slabs (Linux: count_partial(n,
 * count_free), which takes the lock itself). Called with list_lock held.
 */
static unsigned long count_partial_free(struct kmem_cache *s)
{
	unsigned long free = 0;
	struct slab *slab;

	list_for_each_entry(slab, &s->node.partial, slab_list)
		free += slab->objects - slab->inuse;
	return free;
}

/*
 * The numbers of one /proc/slabinfo line (Linux: get_slabinfo), all
 * from one moment under list_lock. Objects on CPU freelists count as
 * active, as in Linux: no CPU's kmem_cache_cpu is looked at.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	unsigned long flags;

	memset(sinfo, 0, sizeof(*sinfo));
	spin_lock_irqsave(&s->node.list_lock, flags);
	sinfo->num_objs = s->node.total_objects;
	sinfo->active_objs = sinfo->num_objs - count_partial_free(s);
	sinfo->num_slabs = s->node.nr_slabs;
	spin_unlock_irqrestore(&s->node.list_lock, flags);
	sinfo->active_slabs = sinfo->num_slabs;
	sinfo->objects_per_slab = oo_objects(s->oo);
	sinfo->cache_order = oo_order(s->oo);
}

/* What /proc/slabinfo shows (Linux: mm/slab_common.c slab_show). */
void print_slabinfo(void)
{
	struct kmem_cache *s;

	pr_info("slabinfo - version: 2.1\n");
	pr_info("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		struct slabinfo sinfo;

		get_slabinfo(s, &sinfo);
		pr_info("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			s->name, sinfo.active_objs, sinfo.num_objs, s->size,
			sinfo.objects_per_slab, 1 << sinfo.cache_order, sinfo.limit,
			sinfo.batchcount, sinfo.shared, sinfo.active_slabs, sinfo.num_slabs,
			sinfo.shared_avail);
	}
	spin_unlock(&slab_mutex);
}

/*
 * slab_debug (or slub_debug): debug every cache. With a value, the
 * letters choose the checks as in Linux: F consistency checks, Z red
 * zones, P poisoning ("slab_debug=FZP" is the same as no value).
 */
static int setup_slub_debug(char *val)
{
	if (!val || !*val) {
		slub_debug = SLAB_DEBUG_FLAGS;
		return 1;
	}
	slub_debug = 0;
	for (; *val; val++) {
		switch (*val) {
		case 'f': case 'F': slub_debug |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': case 'Z': slub_debug |= SLAB_RED_ZONE; break;
		case 'p': case 'P': slub_debug |= SLAB_POISON; break;
		case '-': break;
		default:
			pr_err("slab_debug option '%c' unknown; skipped\n", *val);
		}
	}
	return 1;
}
__setup("slab_debug", setup_slub_debug);
__setup_param("slub_debug", slub_debug_old_name, setup_slub_debug, 0);

static bool slabinfo_at_boot;

/* slabinfo: print /proc/slabinfo's table at the end of boot. */
static int setup_slabinfo(char *val)
{
	slabinfo_at_boot = true;
	return 1;
}
__setup("slabinfo", setup_slabinfo);

bool slabinfo_requested(void)
{
	return slabinfo_at_boot;
}
