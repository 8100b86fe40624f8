/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual memory layout and address conversions, after Linux's
 * arch/x86/include/asm/page_64_types.h, page_64.h and page_types.h.
 *
 * The kernel image runs at __START_KERNEL_map (-2 GiB); all RAM is also
 * mapped at PAGE_OFFSET (the "direct map"), whose value depends on the
 * paging mode chosen at boot, so it is a variable as in Linux
 * (page_offset_base). On the host (unit tests) page_offset_base is 0 and
 * __va/__pa are the identity, so malloc'd memory can stand in for RAM.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define __START_KERNEL_map _AC(0xffffffff80000000, UL)
#define __PHYSICAL_START _AC(0x100000, UL)	/* where GRUB loads us: 1 MiB */
#define __START_KERNEL (__START_KERNEL_map + __PHYSICAL_START)

#define __PAGE_OFFSET_BASE_L4 _AC(0xffff888000000000, UL)
#define __PAGE_OFFSET_BASE_L5 _AC(0xff11000000000000, UL)

#define THREAD_SIZE (4 * PAGE_SIZE)	/* kernel stack, 16 KiB as in Linux */
#define THREAD_ALIGN THREAD_SIZE	/* a vmalloc'd stack's alignment (CONFIG_VMAP_STACK) */
#define IRQ_STACK_SIZE (4 * PAGE_SIZE)	/* each CPU's hardirq stack, 16 KiB as in Linux */

#ifndef __ASSEMBLY__
#include <linux/types.h>

extern unsigned long page_offset_base;
#define PAGE_OFFSET page_offset_base

static inline unsigned long __phys_addr(unsigned long x)
{
#ifdef __KERNEL__
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
#endif
	return x - PAGE_OFFSET;
}

#define __pa(x) __phys_addr((unsigned long)(x))
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_symbol(x) ((unsigned long)(x) - __START_KERNEL_map)

#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)

/*
 * Zero or copy one whole page (Linux: clear_page_rep / copy_page in
 * arch/x86/lib/clear_page_64.S, copy_page_64.S): one string instruction
 * for the 512 quadwords, which the CPU (and QEMU's TCG) runs much faster
 * than a loop of stores. The page allocator's __GFP_ZERO, the zero-fill
 * of an anonymous fault and the copy of a COW break go through these.
 */
#ifdef __KERNEL__
static inline void clear_page(void *page)
{
	unsigned long cnt = PAGE_SIZE / 8;

	__asm__ __volatile__("rep stosq" : "+c"(cnt), "+D"(page) : "a"(0UL) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long cnt = PAGE_SIZE / 8;

	__asm__ __volatile__("rep movsq" : "+c"(cnt), "+D"(to), "+S"(from) : : "memory");
}
#else
#define clear_page(page) memset((page), 0, PAGE_SIZE)
#define copy_page(to, from) memcpy((to), (from), PAGE_SIZE)
#endif
#endif

#endif /* _ASM_PAGE_H */
