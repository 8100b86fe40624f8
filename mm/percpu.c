// SPDX-License-Identifier: GPL-2.0
/*
 * The dynamic per-CPU allocator (Linux: mm/percpu.c).
 *
 * Every CPU's area is the static per-CPU section followed by
 * PERCPU_DYNAMIC_RESERVE bytes (set up by setup_per_cpu_areas()). All
 * CPUs' areas have the same layout, so one allocation is one offset into
 * the dynamic part, valid for every CPU: alloc_percpu() returns the
 * template address at that offset, and per_cpu_ptr(ptr, cpu) adds the
 * CPU's offset, exactly like a static DEFINE_PER_CPU variable.
 *
 * Bookkeeping is Linux's "first chunk" scheme in miniature: the dynamic
 * area is cut into PCPU_MIN_ALLOC_SIZE units, alloc_map marks used units
 * and bound_map marks where each allocation starts (and where the free
 * space after it starts), so free_percpu() finds an allocation's size
 * from the bitmaps alone.
 *
 * Alignment, as Linux's pcpu_alloc(): any power of two up to PAGE_SIZE
 * (smaller ones count as PCPU_MIN_ALLOC_SIZE). Every CPU's area starts on
 * a page boundary, so an allocation whose offset from the area's start is
 * a multiple of align is aligned on every CPU; the search only tries
 * such offsets. Anything else (size 0 or past the reserve, align not a
 * power of two or above PAGE_SIZE) warns and returns NULL.
 *
 * Left out: more chunks (the reserve is all there is), vmalloc-backed
 * chunks, the chunk slots and scan hints.
 */
#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define PCPU_MIN_ALLOC_SIZE 8
#define PCPU_UNITS (PERCPU_DYNAMIC_RESERVE / PCPU_MIN_ALLOC_SIZE)
#define BITS_PER_LONG 64

static unsigned long alloc_map[PCPU_UNITS / BITS_PER_LONG];
static unsigned long bound_map[PCPU_UNITS / BITS_PER_LONG + 1];
static char *dyn_base;		/* template address of the dynamic part */
static size_t dyn_offset;	/* where it starts in each (page-aligned) area */
static unsigned int nr_free_units;
static DEFINE_SPINLOCK(pcpu_lock);

static bool test_bit_(const unsigned long *map, unsigned int bit)
{
	return map[bit / BITS_PER_LONG] & (1UL << (bit % BITS_PER_LONG));
}

static void assign_bit_(unsigned long *map, unsigned int bit, bool val)
{
	if (val)
		map[bit / BITS_PER_LONG] |= 1UL << (bit % BITS_PER_LONG);
	else
		map[bit / BITS_PER_LONG] &= ~(1UL << (bit % BITS_PER_LONG));
}

void pcpu_setup_first_chunk(size_t static_size)
{
	dyn_offset = ALIGN(static_size, PCPU_MIN_ALLOC_SIZE);
	dyn_base = (char *)__per_cpu_start + dyn_offset;
	memset(alloc_map, 0, sizeof(alloc_map));
	memset(bound_map, 0, sizeof(bound_map));
	assign_bit_(bound_map, 0, true);
	assign_bit_(bound_map, PCPU_UNITS, true);
	nr_free_units = PCPU_UNITS;
}

/*
 * First fit of units free units at an offset from the area's start that
 * is a multiple of align (a power of two, >= PCPU_MIN_ALLOC_SIZE).
 */
static int pcpu_find_block(unsigned int units, size_t align)
{
	unsigned int first = (ALIGN(dyn_offset, align) - dyn_offset) / PCPU_MIN_ALLOC_SIZE;
	unsigned int align_units = align / PCPU_MIN_ALLOC_SIZE;

	for (unsigned int start = first; start + units <= PCPU_UNITS; start += align_units) {
		unsigned int i;

		for (i = 0; i < units; i++)
			if (test_bit_(alloc_map, start + i))
				break;
		if (i == units)
			return start;
	}
	return -1;
}

static void pcpu_zero(void *ptr, size_t size)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr(ptr, cpu), 0, size);
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	unsigned int units = DIV_ROUND_UP(size, PCPU_MIN_ALLOC_SIZE);
	size_t unit_align = max(align, (size_t)PCPU_MIN_ALLOC_SIZE);
	unsigned long flags;
	void *ptr;
	int start;

	if (!size || size > PERCPU_DYNAMIC_RESERVE || !dyn_base || align > PAGE_SIZE ||
	    (unit_align & (unit_align - 1))) {
		pr_warn("percpu: illegal size (%zu) or align (%zu) for percpu allocation\n",
			size, align);
		WARN_ON(1);
		return NULL;
	}
	spin_lock_irqsave(&pcpu_lock, flags);
	start = pcpu_find_block(units, unit_align);
	if (start < 0) {
		spin_unlock_irqrestore(&pcpu_lock, flags);
		pr_warn("percpu: allocation failed, size=%zu align=%zu, %u bytes free\n",
			size, align, nr_free_units * PCPU_MIN_ALLOC_SIZE);
		return NULL;
	}
	for (unsigned int i = 0; i < units; i++)
		assign_bit_(alloc_map, start + i, true);
	assign_bit_(bound_map, start, true);
	assign_bit_(bound_map, start + units, true);
	nr_free_units -= units;
	spin_unlock_irqrestore(&pcpu_lock, flags);

	ptr = dyn_base + (size_t)start * PCPU_MIN_ALLOC_SIZE;
	pcpu_zero(ptr, size);
	return ptr;
}

void free_percpu(void __percpu *ptr)
{
	long off = (char *)ptr - dyn_base;
	unsigned int start, end;
	unsigned long flags;

	if (!ptr)
		return;
	start = off / PCPU_MIN_ALLOC_SIZE;
	if (off < 0 || off % PCPU_MIN_ALLOC_SIZE || start >= PCPU_UNITS ||
	    !test_bit_(bound_map, start) || !test_bit_(alloc_map, start)) {
		pr_err("percpu: free_percpu(%p): not an allocation\n", ptr);
		return;
	}
	spin_lock_irqsave(&pcpu_lock, flags);
	for (end = start + 1; !test_bit_(bound_map, end); end++)
		;
	for (unsigned int i = start; i < end; i++)
		assign_bit_(alloc_map, i, false);
	/* Keep a bound at start only if the area before it is allocated. */
	if (start && !test_bit_(alloc_map, start - 1))
		assign_bit_(bound_map, start, false);
	if (end < PCPU_UNITS && !test_bit_(alloc_map, end))
		assign_bit_(bound_map, end, false);
	nr_free_units += end - start;
	spin_unlock_irqrestore(&pcpu_lock, flags);
}
