// SPDX-License-Identifier: GPL-2.0
/*
 * Architecture setup: setup_arch() (Linux: arch/x86/kernel/setup.c).
 *
 * In Linux's order, as far as this kernel goes so far: print the command
 * line, run the early_param() handlers, read and clean the firmware
 * memory map, calibrate the clock, build the kernel page tables. memblock,
 * ACPI and the per-CPU areas come with later issues, at the same places
 * Linux calls them.
 */
#include <asm/bootparam.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <linux/init.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>

unsigned long max_pfn;

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

	tsc_early_init();
	init_mem_mapping();
}
