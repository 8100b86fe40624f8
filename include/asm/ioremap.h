/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mapping physical ranges that are not RAM: device registers (ioremap,
 * uncached) and firmware tables (ioremap_cache) (Linux:
 * arch/x86/include/asm/io.h, arch/x86/mm/ioremap.c).
 */
#ifndef _ASM_IOREMAP_H
#define _ASM_IOREMAP_H

#include <linux/types.h>

#define __iomem

void __iomem *ioremap(phys_addr_t phys, unsigned long size);
void *ioremap_cache(phys_addr_t phys, unsigned long size);
void iounmap(volatile void __iomem *addr);

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 val, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = val;
}

#endif /* _ASM_IOREMAP_H */
