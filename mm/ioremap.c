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
 * Any CPU may ioremap, from process context (interrupts may be off, as
 * for the APIC in start_kernel(): a new mapping flushes nothing, and its
 * page-table pages then come GFP_ATOMIC), never from an interrupt
 * handler: neither lock below is irq-safe, as Linux's ioremap may sleep.
 * The bump pointer that hands out virtual space moves under ioremap_lock,
 * and the page tables are filled under page_table_lock (mm/init_64.c). iounmap()
 * removes the mapping and flushes it from every CPU's TLB before it
 * returns, so it needs interrupts on (it waits for the other CPUs). It finds the end of the region by its
 * guard page: every region is followed by one unmapped page.
 *
 * Left out: reusing virtual space. The bump pointer never goes back, so
 * 1 GiB of ioremap space is all there ever is. Linux's ioremap takes its
 * range from the vmap area tree (get_vm_area_caller with VM_IOREMAP) and
 * gives it back; Linnet's tree (mm/vmalloc.c, which owns the rest of the
 * vmalloc area, from VMALLOC_START = this GiB's end) needs kmalloc, and
 * the ACPI tables are ioremap_cache()d in setup_arch() before the slab
 * allocator exists (Linux has early_ioremap's fixmap slots for that), so
 * ioremap keeps its own GiB and its own pointer.
 */
#include <asm/ioremap.h>
#include <asm/pgalloc.h>
#include <asm/special_insns.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

#include <linux/vmalloc.h>	/* VMALLOC_BASE, IOREMAP_SPACE: the first GiB is ours */

static DEFINE_SPINLOCK(ioremap_lock);
static unsigned long ioremap_next;

static unsigned long ioremap_start(void)
{
	return VMALLOC_BASE;
}

static void __iomem *__ioremap(phys_addr_t phys, unsigned long size, pteval_t prot,
			       const char *what)
{
	unsigned long offset = phys & ~PAGE_MASK, start, vaddr;

	if (!size || phys + size < phys) {
		pr_err("%s: bad range %#llx+%#lx\n", what, (unsigned long long)phys, size);
		return NULL;
	}
	start = ioremap_start();
	size = PAGE_ALIGN(size + offset);
	spin_lock(&ioremap_lock);
	if (!ioremap_next)
		ioremap_next = start;
	vaddr = ioremap_next;
	if (vaddr + size + PAGE_SIZE > start + IOREMAP_SPACE)
		vaddr = 0;
	else
		ioremap_next += size + PAGE_SIZE;	/* an unmapped guard page after each */
	spin_unlock(&ioremap_lock);
	if (!vaddr) {
		pr_err("%s: out of ioremap space for %#llx+%#lx\n", what,
		       (unsigned long long)phys, size);
		return NULL;
	}
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

/*
 * Linux: iounmap() -> vunmap(). Removes the mapping from the page of addr
 * (what ioremap returned) up to the region's guard page.
 */
void iounmap(volatile void __iomem *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, end = va, start = ioremap_start();
	struct pt_walk w;

	if (va < start || va >= start + IOREMAP_SPACE) {
		pr_err("iounmap: %p is not an ioremap address\n", addr);
		return;
	}
	for (;;) {
		pt_walk_address(init_top_pgt, end, &w);
		if (!w.present)
			break;
		end += PAGE_SIZE;
	}
	unmap_kernel_range(va, end - va);
}
