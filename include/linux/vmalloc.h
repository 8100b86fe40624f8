/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtually contiguous kernel memory (Linux: include/linux/vmalloc.h).
 * The allocator is mm/vmalloc.c; the layout is in docs/mm/vmalloc.md.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <asm/pgtable_types.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/rbtree_types.h>
#include <linux/types.h>

struct page;

/* vm_struct.flags (Linux's values). */
#define VM_IOREMAP	0x00000001	/* ioremap() and friends */
#define VM_ALLOC	0x00000002	/* vmalloc() */
#define VM_MAP		0x00000004	/* vmap()ed pages */
#define VM_NO_GUARD	0x00000040	/* no unmapped guard page after the area */

/*
 * The vmalloc area: [VMALLOC_START, VMALLOC_END). Linux's starts at
 * vmalloc_base (0xffffc90000000000 with 4 levels, 0xffa0000000000000
 * with 5) and is 32 TiB / 12800 TiB long; mm/ioremap.c keeps the first
 * GiB of it for itself, so ours begins 1 GiB in.
 */
#define VMALLOC_BASE_L4		0xffffc90000000000UL
#define VMALLOC_BASE_L5		0xffa0000000000000UL
#define VMALLOC_SIZE_L4		(32UL << 40)
#define VMALLOC_SIZE_L5		(12800UL << 40)
#define IOREMAP_SPACE		(1UL << 30)
#define VMALLOC_BASE		(pgtable_l5_enabled() ? VMALLOC_BASE_L5 : VMALLOC_BASE_L4)
#define VMALLOC_START		(VMALLOC_BASE + IOREMAP_SPACE)
#define VMALLOC_END		(VMALLOC_BASE + (pgtable_l5_enabled() ? VMALLOC_SIZE_L5 : \
							 VMALLOC_SIZE_L4))

/* One reserved range of the vmalloc area (Linux: struct vmap_area). */
struct vmap_area {
	unsigned long va_start, va_end;	/* [va_start, va_end), guard page included */
	struct rb_node rb_node;		/* in the busy tree, by address */
	struct list_head list;		/* in the address-ordered list */
	struct vm_struct *vm;
};

/* What a caller owns of an area (Linux: struct vm_struct). */
struct vm_struct {
	void *addr;
	unsigned long size;		/* guard page included, as in Linux */
	unsigned long flags;
	struct page **pages;		/* VM_ALLOC/VM_MAP: the pages, nr_pages of them */
	unsigned int nr_pages;
	phys_addr_t phys_addr;
	const void *caller;
};

/* Size without the guard page (Linux: get_vm_area_size). */
static inline size_t get_vm_area_size(const struct vm_struct *area)
{
	if (!(area->flags & VM_NO_GUARD))
		return area->size - PAGE_SIZE;
	return area->size;
}

void vmalloc_init(void);
struct vm_struct *__get_vm_area_caller(unsigned long size, unsigned long align,
				       unsigned long flags, unsigned long start,
				       unsigned long end, const void *caller);
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *remove_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);

void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);

void *__vmalloc_node_range(unsigned long size, unsigned long align, unsigned long start,
			   unsigned long end, gfp_t gfp_mask, pgprot_t prot,
			   unsigned long vm_flags, int node, const void *caller);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);

bool is_vmalloc_addr(const void *addr);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

/* Pages vmalloc() holds now (Linux: vmalloc_nr_pages(), "VmallocUsed" in /proc/meminfo). */
unsigned long vmalloc_nr_pages(void);
/* Every busy area in /proc/vmallocinfo's format, to the log (boot option "vmallocinfo"). */
void vmallocinfo_show(void);
void vmallocinfo_boot_show(void);

#endif /* _LINUX_VMALLOC_H */
