// SPDX-License-Identifier: GPL-2.0
/*
 * Architecture setup: setup_arch() (Linux: arch/x86/kernel/setup.c).
 *
 * In Linux's order, as far as this kernel goes so far: print the command
 * line, run the early_param() handlers, read and clean the firmware
 * memory map, calibrate the clock, build the kernel page tables, find the
 * initrd (reserve_initrd(); free_initrd_mem() gives it back after
 * populate_rootfs() unpacked it). memblock,
 * ACPI and the per-CPU areas come with later issues, at the same places
 * Linux calls them.
 */
#include <asm/bootparam.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <linux/acpi.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/page-flags.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>

unsigned long max_pfn;
extern char _text[], _end[];

static void print_boot_info(void)
{
	const struct boot_params *bp = &boot_params;

	if (bp->loader_name[0])
		pr_info("Boot loader: %s\n", bp->loader_name);
	if (bp->cmdline_truncated)
		pr_warn("Command line truncated to %d bytes\n", COMMAND_LINE_SIZE - 1);
	for (u32 i = 0; i < bp->nr_modules; i++)
		pr_info("multiboot2: module %u [mem %#010llx-%#010llx] '%s'\n", i,
			(unsigned long long)bp->modules[i].start,
			(unsigned long long)bp->modules[i].end - 1, bp->modules[i].string);
	if (bp->modules_dropped)
		pr_warn("multiboot2: %u modules beyond the first %d ignored\n",
			bp->modules_dropped, MB2_MAX_MODULES);
	if (bp->rsdp_tag)
		pr_info("ACPI: RSDP copied from multiboot2 tag %u (%s)\n", bp->rsdp_tag,
			bp->rsdp_tag == MB2_TAG_ACPI_NEW ? "ACPI 2.0+" : "ACPI 1.0");
}

static void print_cpu_info(void)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;

	pr_info("CPU: %s %s\n", c->x86_vendor_id, c->x86_model_id[0] ? c->x86_model_id : "");
	pr_info("CPU: features:%s%s%s%s%s\n", c->has_nx ? " nx" : "",
		c->has_pge ? " pge" : "", c->has_gbpages ? " pdpe1gb" : "",
		c->has_la57 ? " la57" : "", c->has_apic ? " apic" : "");
	if (c->has_la57 && !pgtable_l5_enabled())
		pr_info("x86/mm: CPU supports 5-level paging; disabled by no5lvl\n");
}

/*
 * The BIOS's own memory below 1 MiB: from the extended BIOS data area
 * (or 640K) up (Linux: reserve_bios_regions() in arch/x86/kernel/ebda.c).
 */
#define BIOS_RAM_SIZE_KB_PTR 0x413
#define EBDA_ADDR_POINTER 0x40e
#define BIOS_START_MIN 0x20000U
#define BIOS_START_MAX 0x9f000U

static void reserve_bios_regions(void)
{
	unsigned int ebda_start = *(u16 *)__va(EBDA_ADDR_POINTER) << 4;
	unsigned int bios_start = *(u16 *)__va(BIOS_RAM_SIZE_KB_PTR) << 10;

	if (bios_start < BIOS_START_MIN || bios_start > BIOS_START_MAX)
		bios_start = BIOS_START_MAX;
	if (ebda_start >= BIOS_START_MIN && ebda_start < bios_start)
		bios_start = ebda_start;
	bios_start = ALIGN_DOWN(bios_start, PAGE_SIZE);
	memblock_reserve(bios_start, SZ_1M - bios_start);
}

/* What memblock must never hand out (Linux: early_reserve_memory()). */
static void early_reserve_memory(void)
{
	const struct boot_params *bp = &boot_params;

	/* Page 0: never used, so a physical address of 0 can mean "none". */
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(__pa_symbol(_text), __pa_symbol(_end) - __pa_symbol(_text));
	memblock_reserve(bp->mbi_start, bp->mbi_end - bp->mbi_start);
	for (u32 i = 0; i < bp->nr_modules; i++)
		memblock_reserve(bp->modules[i].start, bp->modules[i].end - bp->modules[i].start);
	/*
	 * The initrd's partial first and last pages too (Linux:
	 * early_reserve_initrd()), so that no early allocation shares a page
	 * free_initrd_mem() will free.
	 */
	if (bp->nr_modules)
		memblock_reserve(ALIGN_DOWN(bp->modules[0].start, PAGE_SIZE),
				 PAGE_ALIGN(bp->modules[0].end) -
				 ALIGN_DOWN(bp->modules[0].start, PAGE_SIZE));
	reserve_bios_regions();
}

/*
 * The first module is the initrd (Linux: reserve_initrd() in
 * arch/x86/kernel/setup.c, the RAMDISK the boot protocol describes). It is
 * reserved in early_reserve_memory() with the other modules; here, once
 * the direct map exists, it gets its virtual range if it is RAM, reserved
 * and mapped. Linux moves an initrd that lies above the direct map
 * (relocate_initrd); every RAM page is mapped here, so one that is not
 * mapped is not used at all.
 */
void reserve_initrd(void)
{
	const struct boot_module *m = &boot_params.modules[0];
	u64 size;

	if (!boot_params.nr_modules || m->end <= m->start)
		return;
	size = m->end - m->start;
	pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", (unsigned long long)m->start,
		(unsigned long long)PAGE_ALIGN(m->end) - 1);
	if (!memblock_is_region_memory(m->start, size) ||
	    !memblock_is_region_reserved(m->start, size) ||
	    PFN_UP(m->end) > max_pfn_mapped) {
		pr_err("initrd: [mem %#010llx-%#010llx] is not reserved, mapped RAM - disabling initrd\n",
		       (unsigned long long)m->start, (unsigned long long)m->end - 1);
		return;
	}
	initrd_start = (unsigned long)__va(m->start);
	initrd_end = initrd_start + size;
}

/* Does the page at phys hold boot data other than the initrd (module 0)? */
static bool page_shared_with_boot_data(phys_addr_t phys)
{
	const struct boot_params *bp = &boot_params;
	phys_addr_t end = phys + PAGE_SIZE;

	if (bp->mbi_start < end && phys < bp->mbi_end)
		return true;
	for (u32 i = 1; i < bp->nr_modules; i++)
		if (bp->modules[i].start < end && phys < bp->modules[i].end)
			return true;
	return __pa_symbol(_text) < end && phys < __pa_symbol(_end);
}

/*
 * Give the initrd's pages to the buddy once it is unpacked (Linux:
 * free_initrd_mem() in arch/x86/mm/init.c, free_reserved_area()). As on
 * x86 the partial pages at either end are freed too (early_reserve_memory()
 * reserved them whole), unless they hold other boot data (the multiboot2
 * information, another module, the kernel image); a page
 * that is not PageReserved was never the initrd's and is left alone.
 * The memory is poisoned first, as Linux's POISON_FREE_INITMEM does.
 * memblock's record of the reservation stays (memblock is not used
 * after boot here; Linux drops it only with CONFIG_ARCH_KEEP_MEMBLOCK).
 */
#define POISON_FREE_INITMEM 0xcc

void free_initrd_mem(unsigned long start, unsigned long end)
{
	phys_addr_t pstart = ALIGN_DOWN(__pa(start), PAGE_SIZE), pend = PAGE_ALIGN(__pa(end));
	unsigned long pages = 0, skipped = 0;

	if (pstart < __pa(start) && page_shared_with_boot_data(pstart))
		pstart += PAGE_SIZE;
	if (pend > __pa(end) && pend > pstart && page_shared_with_boot_data(pend - PAGE_SIZE))
		pend -= PAGE_SIZE;
	for (phys_addr_t pa = pstart; pa < pend; pa += PAGE_SIZE) {
		struct page *page = pfn_to_page(pa >> PAGE_SHIFT);

		if (!pfn_valid(pa >> PAGE_SHIFT) || !PageReserved(page)) {
			skipped++;
			continue;
		}
		memset(__va(pa), POISON_FREE_INITMEM, PAGE_SIZE);
		__free_pages_core(page, 0);
		pages++;
	}
	if (skipped)
		pr_warn("initrd: %lu pages were not reserved; not freed\n", skipped);
	pr_info("Freeing initrd memory: %luK\n", pages << (PAGE_SHIFT - 10));
}

/* Zone limits for x86-64 (Linux: zone_sizes_init() in arch/x86/mm/init.c). */
void zone_sizes_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES] = {
		[ZONE_DMA] = min(SZ_16M >> PAGE_SHIFT, max_pfn),
		[ZONE_DMA32] = min(SZ_4G >> PAGE_SHIFT, max_pfn),
		[ZONE_NORMAL] = max_pfn,
	};

	free_area_init(max_zone_pfns);
}

static int memblock_debug_setup(char *val)
{
	if (!val || strcmp(val, "debug"))
		return -EINVAL;
	memblock_debug = true;
	return 0;
}
early_param("memblock", memblock_debug_setup);

void setup_arch(void)
{
	pr_info("Command line: %s\n", boot_command_line);
	parse_early_param();
	print_cpu_info();
	print_boot_info();

	if (!boot_params.has_mmap)
		panic("multiboot2: no memory map tag from the boot loader; cannot find RAM");
	e820__memory_setup();
	max_pfn = e820__end_of_ram_pfn(e820_table);
	if (!max_pfn || !e820__total_ram(e820_table))
		panic("e820: no usable RAM in the firmware memory map");
	pr_info("last_pfn = %#lx max_arch_pfn = %#llx\n", max_pfn,
		1ULL << ((pgtable_l5_enabled() ? 52 : 46) - PAGE_SHIFT));

	/* memblock: RAM from e820, then what is already in use. */
	e820__memblock_setup();
	early_reserve_memory();
	/* Until our page tables exist, only the first GiB is mapped (boot/head_64.S). */
	memblock_set_current_limit(SZ_1G);

	tsc_early_init();
	init_mem_mapping();
	memblock_set_current_limit(PFN_PHYS(max_pfn_mapped));
	/*
	 * From here a full memblock array may grow (memblock_double_array):
	 * everything in use is reserved and the direct map reaches wherever
	 * the new array may go. Linux calls this in e820__memblock_setup(),
	 * where its early reservations are already in.
	 */
	memblock_allow_resize();
	memblock_dump_all();
	reserve_initrd();

	acpi_boot_init();
	prefill_possible_map();
	reserve_real_mode();

	zone_sizes_init();
}
