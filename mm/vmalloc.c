// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc: virtually contiguous kernel memory from scattered pages, and
 * the allocator of kernel virtual space behind it (Linux: mm/vmalloc.c).
 *
 * The vmalloc area [VMALLOC_START, VMALLOC_END) (linux/vmalloc.h; it
 * moves with the paging mode, as Linux's vmalloc_base does) is handed
 * out in struct vmap_area ranges. Each busy area sits in a red-black
 * tree keyed by address (find_vmap_area: which area holds addr?) and in
 * an address-ordered list. A new area is placed first-fit: the list is
 * walked from the start of the range for the first hole that fits the
 * size at the alignment asked for. Linux keeps a second tree of the free
 * holes, augmented with the largest hole below each node
 * (subtree_max_size), to find that hole in O(log n); the busy-tree-plus-
 * list walk here is O(n) in the number of areas, which for a few hundred
 * stacks and buffers is plenty and far easier to read.
 *
 * Every area is followed by one unmapped guard page unless VM_NO_GUARD
 * is asked for (Linux: the same rule, vm_struct.size counts the guard),
 * so running off the end of a vmalloc buffer faults instead of landing
 * in the next one; kernel stacks (CONFIG_VMAP_STACK, kernel/sched/core.c)
 * get theirs below them because their area is placed after the previous
 * area's guard.
 *
 * Page tables: the top-level entries that cover the whole area get their
 * next-level tables in vmalloc_init() (preallocate_kernel_pgds,
 * mm/init_64.c, after Linux's preallocate_vmalloc_pages), so every copy
 * of init_top_pgt's top level (the AP trampoline's table) sees every
 * later vmalloc mapping: no top-level entry ever has to be synced. All
 * CPUs run on init_top_pgt itself. The lower tables are filled on demand
 * (map_kernel_pages) and stay when the area is freed.
 *
 * vfree()/vunmap() clear the PTEs, flush the range from every CPU's TLB
 * (flush_tlb_kernel_range, IPIs; see unmap_kernel_range) and only then
 * free the pages and the virtual range. Linux instead frees the range
 * lazily and purges many at once with one flush (vmap_lazy_nr); we flush
 * at once, which costs one IPI round per vfree. vfree() must be called
 * with interrupts on (it waits for the other CPUs) and not from an
 * interrupt handler (Linux defers that case to a work item; here it is a
 * WARN and a leak).
 *
 * Locking: vmap_area_lock guards the tree and the list (Linux's lock of
 * the same name). It is never taken from interrupt handlers.
 *
 * Left out: NUMA nodes (the node argument is ignored), huge-page
 * mappings, the per-CPU vmap blocks (vm_map_ram), lazy purging, KASAN.
 * The page-table work is behind four helpers in mm/init_64.c
 * (preallocate_kernel_pgds, map_kernel_pages, unmap_kernel_range,
 * kernel_page_mapped_at), so this file builds for the host too:
 * tests/host/test_vmalloc.c runs it on the real buddy and slab
 * allocators with those helpers replaced by a model of the mappings.
 */
#include <asm/pgalloc.h>
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

static DEFINE_SPINLOCK(vmap_area_lock);
/* Not static: GDB and the host tests (tests/host/test_vmalloc.c) walk them. */
struct rb_root vmap_area_root = RB_ROOT;
LIST_HEAD(vmap_area_list);
static atomic_long_t nr_vmalloc_pages;

/* The busy area that holds addr, or NULL (Linux: __find_vmap_area). */
static struct vmap_area *__find_vmap_area(unsigned long addr)
{
	struct rb_node *n = vmap_area_root.rb_node;

	while (n) {
		struct vmap_area *va = rb_entry(n, struct vmap_area, rb_node);

		if (addr < va->va_start)
			n = n->rb_left;
		else if (addr >= va->va_end)
			n = n->rb_right;
		else
			return va;
	}
	return NULL;
}

/* Put va in the tree and in the list, right after the area before it. */
static void insert_vmap_area(struct vmap_area *va)
{
	struct rb_node **link = &vmap_area_root.rb_node, *parent = NULL, *prev;

	while (*link) {
		parent = *link;
		if (va->va_start < rb_entry(parent, struct vmap_area, rb_node)->va_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&va->rb_node, parent, link);
	rb_insert_color(&va->rb_node, &vmap_area_root);
	prev = rb_prev(&va->rb_node);
	if (prev)
		list_add(&va->list, &rb_entry(prev, struct vmap_area, rb_node)->list);
	else
		list_add(&va->list, &vmap_area_list);
}

/*
 * First fit: the lowest start in [vstart, vend) aligned to align with
 * size bytes free after it. Called with vmap_area_lock held; 0 if none.
 */
static unsigned long find_hole(unsigned long size, unsigned long align, unsigned long vstart,
			       unsigned long vend)
{
	unsigned long addr = ALIGN(vstart, align);
	struct vmap_area *va;

	if (addr < vstart)
		return 0;
	list_for_each_entry(va, &vmap_area_list, list) {
		if (va->va_end <= addr)
			continue;
		if (va->va_start >= vend)
			break;
		if (addr + size > addr && addr + size <= va->va_start)
			break;		/* fits before va */
		addr = ALIGN(va->va_end, align);
		if (addr < va->va_end)
			return 0;	/* wrapped */
	}
	if (addr + size < addr || addr + size > vend)
		return 0;
	return addr;
}

/* Reserve size bytes (guard included) of [vstart, vend) (Linux: alloc_vmap_area). */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 unsigned long vstart, unsigned long vend, gfp_t gfp)
{
	struct vmap_area *va = kmalloc(sizeof(*va), gfp & ~__GFP_ZERO);
	unsigned long addr;

	if (!va)
		return NULL;
	spin_lock(&vmap_area_lock);
	addr = find_hole(size, align, vstart, vend);
	if (addr) {
		va->va_start = addr;
		va->va_end = addr + size;
		va->vm = NULL;
		insert_vmap_area(va);
	}
	spin_unlock(&vmap_area_lock);
	if (!addr) {
		kfree(va);
		return NULL;
	}
	return va;
}

static void free_vmap_area(struct vmap_area *va)
{
	spin_lock(&vmap_area_lock);
	rb_erase(&va->rb_node, &vmap_area_root);
	list_del(&va->list);
	spin_unlock(&vmap_area_lock);
	kfree(va);
}

struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long align,
				       unsigned long flags, unsigned long start,
				       unsigned long end, const void *caller)
{
	struct vm_struct *area;
	struct vmap_area *va;

	size = PAGE_ALIGN(size);
	if (!size)
		return NULL;
	if (!(flags & VM_NO_GUARD)) {
		if (size + PAGE_SIZE < size)
			return NULL;
		size += PAGE_SIZE;
	}
	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	if (align & (align - 1))
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	va = alloc_vmap_area(size, align, start, end, GFP_KERNEL);
	if (!va) {
		kfree(area);
		return NULL;
	}
	area->addr = (void *)va->va_start;
	area->size = size;
	area->flags = flags;
	area->caller = caller;
	spin_lock(&vmap_area_lock);
	va->vm = area;
	spin_unlock(&vmap_area_lock);
	return area;
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area_caller(size, 1, flags, VMALLOC_START, VMALLOC_END,
				    __builtin_return_address(0));
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm = NULL;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (va)
		vm = va->vm;
	spin_unlock(&vmap_area_lock);
	return vm;
}

/*
 * Unmap the area that starts at addr, flush it from every TLB and give
 * its virtual range back; the vm_struct (and any pages) are the
 * caller's now (Linux: remove_vm_area).
 */
struct vm_struct *remove_vm_area(const void *addr)
{
	struct vmap_area *va;
	struct vm_struct *vm;

	spin_lock(&vmap_area_lock);
	va = __find_vmap_area((unsigned long)addr);
	if (!va || va->va_start != (unsigned long)addr || !va->vm) {
		spin_unlock(&vmap_area_lock);
		return NULL;
	}
	vm = va->vm;
	va->vm = NULL;
	spin_unlock(&vmap_area_lock);
	unmap_kernel_range((unsigned long)vm->addr, get_vm_area_size(vm));
	free_vmap_area(va);
	return vm;
}

void free_vm_area(struct vm_struct *area)
{
	struct vm_struct *ret = remove_vm_area(area->addr);

	WARN_ON(ret != area);
	kfree(area);
}

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot)
{
	struct vm_struct *area;

	if (!count)
		return NULL;
	area = __get_vm_area_caller((unsigned long)count << PAGE_SHIFT, 1, flags | VM_MAP,
				    VMALLOC_START, VMALLOC_END, __builtin_return_address(0));
	if (!area)
		return NULL;
	if (map_kernel_pages((unsigned long)area->addr, pages, count, pgprot_val(prot))) {
		free_vm_area(area);
		return NULL;
	}
	return area->addr;
}

static void __vunmap(const void *addr, bool free_pages)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = IS_ALIGNED((unsigned long)addr, PAGE_SIZE) ? remove_vm_area(addr) : NULL;
	if (!area) {
		pr_err("Trying to vfree() nonexistent vm area (%p)\n", addr);
		WARN_ON(1);
		return;
	}
	if (free_pages && area->pages) {
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_page(area->pages[i]);
		atomic_long_add(-(long)area->nr_pages, &nr_vmalloc_pages);
	}
	kfree(area->pages);
	kfree(area);
}

void vunmap(const void *addr)
{
	__vunmap(addr, false);
}

void vfree(const void *addr)
{
	/* The TLB flush waits for the other CPUs: not from an interrupt or with them off. */
	if (WARN_ON_ONCE(in_interrupt() || irqs_disabled()))
		return;
	__vunmap(addr, true);
}

/*
 * Reserve the range, allocate its pages one at a time (they need not be
 * contiguous: that is the point) and map them. On any failure everything
 * taken so far is given back and NULL returned: running out of virtual
 * space or of memory is never a crash.
 */
void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pgprot_t prot,
			   unsigned long vm_flags, int node, const void *caller)
{
	struct vm_struct *area;
	unsigned int nr, i;

	size = PAGE_ALIGN(size);
	if (!size || (size >> PAGE_SHIFT) > totalram_pages_count)
		return NULL;
	area = __get_vm_area_caller(size, align, VM_ALLOC | vm_flags, start, end, caller);
	if (!area)
		return NULL;
	nr = size >> PAGE_SHIFT;
	area->pages = kcalloc(nr, sizeof(struct page *), gfp_mask & ~__GFP_ZERO);
	if (!area->pages)
		goto fail;
	for (i = 0; i < nr; i++) {
		area->pages[i] = alloc_page(gfp_mask | __GFP_NOWARN);
		if (!area->pages[i])
			break;
		area->nr_pages++;
	}
	atomic_long_add(area->nr_pages, &nr_vmalloc_pages);
	if (area->nr_pages < nr) {
		pr_warn("%s: vmalloc error: size %lu, failed to allocate pages\n",
			current_comm(), size);
		goto fail;
	}
	if (map_kernel_pages((unsigned long)area->addr, area->pages, nr, pgprot_val(prot)))
		goto fail;
	return area->addr;
fail:
	__vunmap(area->addr, true);
	return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, gfp_mask, PAGE_KERNEL,
				    0, -1, __builtin_return_address(0));
}

void *vmalloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL, PAGE_KERNEL,
				    0, -1, __builtin_return_address(0));
}

void *vzalloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL | __GFP_ZERO,
				    PAGE_KERNEL, 0, -1, __builtin_return_address(0));
}

/* Linux: is_vmalloc_addr(). The ioremap GiB below VMALLOC_START is not vmalloc. */
bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= VMALLOC_START && a < VMALLOC_END;
}

/* The page mapped at addr in the vmalloc area, or NULL (Linux: vmalloc_to_page). */
struct page *vmalloc_to_page(const void *addr)
{
	if (!is_vmalloc_addr(addr))
		return NULL;
	return kernel_page_mapped_at((unsigned long)addr);
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}

unsigned long vmalloc_nr_pages(void)
{
	return atomic_long_read(&nr_vmalloc_pages);
}

/*
 * Linux's /proc/vmallocinfo, one line per busy area:
 *   0xffffc90040000000-0xffffc90040005000   20480 task_alloc+0x2a/0x90 pages=4 vmalloc
 * (the range and size include the guard page, as there).
 */
void vmallocinfo_show(void)
{
	struct vmap_area *va;

	spin_lock(&vmap_area_lock);
	list_for_each_entry(va, &vmap_area_list, list) {
		struct vm_struct *v = va->vm;

		if (!v) {
			pr_info("0x%016lx-0x%016lx %7lu unpurged vm_area\n", va->va_start,
				va->va_end, va->va_end - va->va_start);
			continue;
		}
		pr_info("0x%016lx-0x%016lx %7lu %pS pages=%u%s%s%s\n", (unsigned long)v->addr,
			(unsigned long)v->addr + v->size, v->size, v->caller, v->nr_pages,
			v->flags & VM_IOREMAP ? " ioremap" : "",
			v->flags & VM_ALLOC ? " vmalloc" : "", v->flags & VM_MAP ? " vmap" : "");
	}
	spin_unlock(&vmap_area_lock);
	pr_info("vmalloc: %lu pages in use\n", vmalloc_nr_pages());
}

static bool vmallocinfo_requested;

static int vmallocinfo_setup(char *val)
{
	vmallocinfo_requested = true;
	return 0;
}
early_param("vmallocinfo", vmallocinfo_setup);

/* "vmallocinfo" on the command line: the areas at the end of boot (kernel_init). */
void vmallocinfo_boot_show(void)
{
	if (vmallocinfo_requested)
		vmallocinfo_show();
}

void vmalloc_init(void)
{
	unsigned int n = preallocate_kernel_pgds(VMALLOC_START, VMALLOC_END);

	pr_info("vmalloc: %#lx-%#lx, %u top-level tables preallocated\n", VMALLOC_START,
		VMALLOC_END, n);
}
