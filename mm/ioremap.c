// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap: giving device registers and firmware tables a kernel virtual
 * address (Linux: arch/x86/mm/ioremap.c over mm/vmalloc.c).
 *
 * The direct map covers RAM only. Anything else the kernel must reach,
 * the local APIC's registers at 0xfee00000, the I/O APIC's, the ACPI
 * tables in firmware-reserved memory, gets 4 KiB mappings in the vmalloc
 * area (VMALLOC_START, which moves with the paging mode, as Linux's
 * vmalloc_base does). Device memory is mapped uncached (PCD|PWT): a
 * register read must reach the device, not a cache line. Firmware tables
 * are ordinary memory and are mapped cached and read-only.
 *
 * Left out: vmalloc itself and unmapping. Virtual space is handed out by
 * a bump pointer and iounmap() keeps the mapping; the kernel maps a
 * handful of regions, once, at boot.
 */
#include <asm/ioremap.h>
#include <asm/pgalloc.h>
#include <asm/special_insns.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>

#define VMALLOC_START_L4 0xffffc90000000000UL
#define VMALLOC_START_L5 0xffa0000000000000UL
#define IOREMAP_SPACE (1UL << 30)	/* 1 GiB of it is ours */

static unsigned long ioremap_next;

static void __iomem *__ioremap(phys_addr_t phys, unsigned long size, pteval_t prot,
			       const char *what)
{
	unsigned long offset = phys & ~PAGE_MASK, start, vaddr;

	if (!size || phys + size < phys) {
		pr_err("%s: bad range %#llx+%#lx\n", what, (unsigned long long)phys, size);
		return NULL;
	}
	if (!ioremap_next)
		ioremap_next = pgtable_l5_enabled() ? VMALLOC_START_L5 : VMALLOC_START_L4;
	start = pgtable_l5_enabled() ? VMALLOC_START_L5 : VMALLOC_START_L4;
	size = PAGE_ALIGN(size + offset);
	if (ioremap_next + size > start + IOREMAP_SPACE) {
		pr_err("%s: out of ioremap space for %#llx+%#lx\n", what,
		       (unsigned long long)phys, size);
		return NULL;
	}
	vaddr = ioremap_next;
	ioremap_next += size + PAGE_SIZE;	/* an unmapped guard page after each */
	if (map_kernel_range(vaddr, phys - offset, size, prot))
		return NULL;
	return (void __iomem *)(vaddr + offset);
}

void __iomem *ioremap(phys_addr_t phys, unsigned long size)
{
	return __ioremap(phys, size, __PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT, "ioremap");
}

void *ioremap_cache(phys_addr_t phys, unsigned long size)
{
	return (void *)__ioremap(phys, size, __PAGE_KERNEL_RO, "ioremap_cache");
}

void iounmap(volatile void __iomem *addr)
{
	/* Mappings are kept: see the comment at the top. */
}
