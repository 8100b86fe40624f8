// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of mm/vmalloc.c's bookkeeping: the vmap_area tree and
 * list, first-fit placement, alignment, guard pages, exhaustion, and the
 * page accounting of vmalloc/vfree/vmap, on the real buddy and slab
 * allocators brought up on malloc'd "RAM" (slub_test_helpers.h).
 *
 * The page-table helpers vmalloc.c calls (mm/init_64.c in the kernel)
 * are replaced here by a model: a table of (virtual page -> struct page)
 * that map_kernel_pages() fills and unmap_kernel_range() empties, so the
 * tests can check that exactly the area's pages, and never its guard,
 * were mapped and that everything was unmapped on free.
 *
 * The randomised case places and frees areas in a small window and
 * checks every result against an independent first-fit model (a bitmap
 * of the window's pages); VMALLOC_SEED=<seed> replays a run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <slub_test_helpers.h>
#include <asm/pgalloc.h>
#include <linux/kernel.h>
#include <linux/rbtree.h>
#include <linux/vmalloc.h>

#define RAM_SIZE (64UL << 20)

/* ---- the page-table model ------------------------------------------------- */

#define MAX_MAPPED 65536

static struct mapping {
	unsigned long va;
	struct page *page;
} mapped[MAX_MAPPED];
static unsigned int nr_mapped, nr_prealloc_calls;
pgd_t *init_top_pgt;

static int find_mapping(unsigned long va)
{
	for (unsigned int i = 0; i < nr_mapped; i++)
		if (mapped[i].va == va)
			return (int)i;
	return -1;
}

int map_kernel_pages(unsigned long vaddr, struct page **pages, unsigned int nr, pteval_t prot)
{
	for (unsigned int i = 0; i < nr; i++, vaddr += PAGE_SIZE) {
		if (find_mapping(vaddr) >= 0)
			fail_msg("%#lx mapped twice", vaddr);
		assert_true(nr_mapped < MAX_MAPPED);
		mapped[nr_mapped].va = vaddr;
		mapped[nr_mapped++].page = pages[i];
	}
	return 0;
}

unsigned long unmap_kernel_range(unsigned long vaddr, unsigned long size)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < nr_mapped;) {
		if (mapped[i].va >= vaddr && mapped[i].va < vaddr + size) {
			mapped[i] = mapped[--nr_mapped];
			n++;
		} else {
			i++;
		}
	}
	return n;
}

struct page *kernel_page_mapped_at(unsigned long addr)
{
	int i = find_mapping(addr & PAGE_MASK);

	return i < 0 ? NULL : mapped[i].page;
}

unsigned int preallocate_kernel_pgds(unsigned long start, unsigned long end)
{
	nr_prealloc_calls++;
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

static int setup(void **state)
{
	host_set_paging_levels(4);
	slub_test_bringup(RAM_SIZE, 1, 0);
	nr_mapped = 0;
	vmalloc_init();
	return 0;
}

/* The tree in order is the list, sorted and without overlaps. */
static void check_tree(void)
{
	extern struct rb_root vmap_area_root;
	extern struct list_head vmap_area_list;
	struct rb_node *n = rb_first(&vmap_area_root);
	struct vmap_area *va;
	unsigned long last_end = 0;

	list_for_each_entry(va, &vmap_area_list, list) {
		assert_non_null(n);
		assert_ptr_equal(rb_entry(n, struct vmap_area, rb_node), va);
		assert_true(va->va_start < va->va_end);
		assert_true(va->va_start >= last_end);
		last_end = va->va_end;
		n = rb_next(n);
	}
	assert_null(n);
}

/* ---- cases -------------------------------------------------------------- */

static void vmalloc_maps_exactly_its_pages(void **state)
{
	unsigned long before = slub_test_free_pages();
	char *p = vmalloc(3 * PAGE_SIZE + 1);
	struct vm_struct *vm;

	assert_non_null(p);
	assert_true(is_vmalloc_addr(p));
	assert_int_equal(nr_mapped, 4);
	vm = find_vm_area(p);
	assert_non_null(vm);
	assert_int_equal(vm->size, 5 * PAGE_SIZE);
	assert_int_equal(get_vm_area_size(vm), 4 * PAGE_SIZE);
	for (int i = 0; i < 4; i++)
		assert_ptr_equal(vmalloc_to_page(p + i * PAGE_SIZE), vm->pages[i]);
	assert_null(vmalloc_to_page(p + 4 * PAGE_SIZE));	/* the guard */
	assert_ptr_equal(find_vm_area(p + 4 * PAGE_SIZE), vm);	/* but reserved */
	assert_int_equal(vmalloc_nr_pages(), 4);
	check_tree();
	vfree(p);
	assert_int_equal(nr_mapped, 0);
	assert_int_equal(vmalloc_nr_pages(), 0);
	assert_null(find_vm_area(p));
	assert_int_equal(slub_test_free_pages(), before);
	check_tree();
}

static void vzalloc_zeroes_and_vmap_keeps_pages(void **state)
{
	struct page *pages[2] = { alloc_page(GFP_KERNEL), alloc_page(GFP_KERNEL) };
	unsigned long *z = vzalloc(2 * PAGE_SIZE);
	void *v;

	assert_non_null(z);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE / sizeof(long); i++)
		assert_int_equal(((unsigned long *)page_address(find_vm_area(z)->pages[i / 512]))[i % 512], 0);
	vfree(z);
	v = vmap(pages, 2, 0, PAGE_KERNEL);
	assert_non_null(v);
	assert_ptr_equal(vmalloc_to_page((char *)v + PAGE_SIZE), pages[1]);
	assert_true(find_vm_area(v)->flags & VM_MAP);
	vunmap(v);
	assert_int_equal(nr_mapped, 0);
	__free_page(pages[0]);	/* still ours: vunmap does not free them */
	__free_page(pages[1]);
}

static void bad_frees_warn(void **state)
{
	char *p = vmalloc(PAGE_SIZE);

	host_warn_count = 0;
	vfree(p + 8);			/* not the start */
	assert_int_equal(host_warn_count, 1);
	vfree((void *)(VMALLOC_START + (100UL << 20)));	/* nothing there */
	assert_int_equal(host_warn_count, 2);
	vfree(NULL);
	assert_int_equal(host_warn_count, 2);
	vfree(p);
	vfree(p);			/* twice */
	assert_int_equal(host_warn_count, 3);
	check_tree();
}

static void exhaustion_and_alignment(void **state)
{
	unsigned long start = VMALLOC_START, end = start + 64 * PAGE_SIZE;
	struct vm_struct *a, *b, *c;

	/* A 64-page window: 63 pages + guard fill it, one more page does not fit. */
	a = __get_vm_area_caller(63 * PAGE_SIZE, 1, VM_IOREMAP, start, end, NULL);
	assert_non_null(a);
	assert_int_equal((unsigned long)a->addr, start);
	assert_null(__get_vm_area_caller(PAGE_SIZE, 1, VM_IOREMAP, start, end, NULL));
	assert_null(__get_vm_area_caller(PAGE_SIZE, 1, VM_IOREMAP | VM_NO_GUARD, start, end,
					 NULL));
	free_vm_area(a);
	/* Alignment: the first aligned hole. */
	a = __get_vm_area_caller(PAGE_SIZE, 1, VM_IOREMAP, start, end, NULL);
	b = __get_vm_area_caller(PAGE_SIZE, 16 * PAGE_SIZE, VM_IOREMAP, start, end, NULL);
	c = __get_vm_area_caller(PAGE_SIZE, 1, VM_IOREMAP, start, end, NULL);
	assert_true(a && b && c);
	assert_int_equal((unsigned long)b->addr, start + 16 * PAGE_SIZE);
	assert_int_equal((unsigned long)c->addr, start + 2 * PAGE_SIZE);	/* in the gap */
	assert_null(__get_vm_area_caller(PAGE_SIZE, 3 * PAGE_SIZE, VM_IOREMAP, start, end, NULL));
	assert_null(__get_vm_area_caller(~0UL, 1, VM_IOREMAP, start, end, NULL));
	free_vm_area(a);
	free_vm_area(b);
	free_vm_area(c);
	check_tree();
	/* More pages than there is RAM: NULL, nothing leaked. */
	{
		unsigned long before = slub_test_free_pages();

		assert_null(vmalloc(RAM_SIZE * 2));
		assert_null(vmalloc((before + 16) << PAGE_SHIFT));
		assert_int_equal(nr_mapped, 0);
		assert_int_equal(slub_test_free_pages(), before);
	}
}

/*
 * Random places and frees in a 256-page window against a bitmap model of
 * first fit: every placement must be the model's, and nothing overlaps.
 */
#define WIN_PAGES 256
#define MAX_LIVE 64

static void random_against_first_fit_model(void **state)
{
	unsigned long start = VMALLOC_START + (1UL << 30), end = start + WIN_PAGES * PAGE_SIZE;
	const char *env = getenv("VMALLOC_SEED");
	unsigned int seed = env ? (unsigned int)strtoul(env, NULL, 0) : 12345;
	struct vm_struct *live[MAX_LIVE] = { 0 };
	bool used[WIN_PAGES] = { 0 };
	unsigned int placed = 0, refused = 0;

	srand(seed);
	for (int op = 0; op < 20000; op++) {
		int slot = rand() % MAX_LIVE;

		if (live[slot]) {
			unsigned long first = ((unsigned long)live[slot]->addr - start) >> PAGE_SHIFT;

			for (unsigned long i = 0; i < live[slot]->size >> PAGE_SHIFT; i++)
				used[first + i] = false;
			free_vm_area(live[slot]);
			live[slot] = NULL;
		} else {
			unsigned long pages = 1 + rand() % 12, align = 1UL << (rand() % 4), want = 0;
			bool guard = rand() % 4, found = false;
			unsigned long total = pages + guard;

			/* The model: lowest aligned page index with total free pages. */
			for (unsigned long i = 0; i + total <= WIN_PAGES && !found; i += align) {
				found = true;
				for (unsigned long j = 0; j < total; j++)
					if (used[i + j]) {
						found = false;
						break;
					}
				if (found)
					want = i;
			}
			live[slot] = __get_vm_area_caller(pages * PAGE_SIZE, align * PAGE_SIZE,
							  VM_IOREMAP | (guard ? 0 : VM_NO_GUARD),
							  start, end, NULL);
			if (!found) {
				if (live[slot])
					fail_msg("seed %u op %d: got %p, the model has no hole for %lu pages",
						 seed, op, live[slot]->addr, total);
				refused++;
				continue;
			}
			if (!live[slot])
				fail_msg("seed %u op %d: NULL, the model fits %lu pages at %lu", seed,
					 op, total, want);
			if ((unsigned long)live[slot]->addr != start + want * PAGE_SIZE)
				fail_msg("seed %u op %d: %lu pages (align %lu) at page %lu, first fit is %lu",
					 seed, op, total, align,
					 ((unsigned long)live[slot]->addr - start) >> PAGE_SHIFT, want);
			assert_int_equal(live[slot]->size, total * PAGE_SIZE);
			for (unsigned long j = 0; j < total; j++)
				used[want + j] = true;
			placed++;
		}
		if (op % 256 == 0)
			check_tree();
	}
	for (int i = 0; i < MAX_LIVE; i++)
		if (live[i])
			free_vm_area(live[i]);
	check_tree();
	assert_true(placed > 1000 && refused > 10);	/* both paths were taken */
}

static void five_level_layout(void **state)
{
	host_set_paging_levels(5);
	assert_int_equal(VMALLOC_START, 0xffa0000040000000UL);
	assert_int_equal(VMALLOC_END, 0xffa0000000000000UL + (12800UL << 40));
	{
		void *p = vmalloc(PAGE_SIZE);

		assert_true((unsigned long)p >= 0xffa0000040000000UL);
		vfree(p);
	}
	host_set_paging_levels(4);
	assert_int_equal(VMALLOC_START, 0xffffc90040000000UL);
	assert_int_equal(VMALLOC_END, 0xffffe90000000000UL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(vmalloc_maps_exactly_its_pages, setup),
		cmocka_unit_test_setup(vzalloc_zeroes_and_vmap_keeps_pages, setup),
		cmocka_unit_test_setup(bad_frees_warn, setup),
		cmocka_unit_test_setup(exhaustion_and_alignment, setup),
		cmocka_unit_test_setup(random_against_first_fit_model, setup),
		cmocka_unit_test_setup(five_level_layout, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
