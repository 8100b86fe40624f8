/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told us, copied out of the multiboot2 information
 * structure early (kernel/multiboot2.c). Linux keeps the same facts in
 * struct boot_params, the "zero page" its boot protocol fills in.
 */
#ifndef _ASM_BOOTPARAM_H
#define _ASM_BOOTPARAM_H

#include <asm/e820.h>
#include <linux/init.h>
#include <linux/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289
#define MB2_MAX_MODULES 8

/* Multiboot2 information tag types (the multiboot2 specification, 3.6). */
enum mb2_tag_type {
	MB2_TAG_END = 0,
	MB2_TAG_CMDLINE = 1,
	MB2_TAG_BOOT_LOADER_NAME = 2,
	MB2_TAG_MODULE = 3,
	MB2_TAG_BASIC_MEMINFO = 4,
	MB2_TAG_MMAP = 6,
	MB2_TAG_ACPI_OLD = 14,
	MB2_TAG_ACPI_NEW = 15,
};

struct boot_module {
	u64 start, end;		/* physical, end exclusive */
	char string[64];
};

struct boot_params {
	char cmdline[COMMAND_LINE_SIZE];
	bool cmdline_truncated;
	char loader_name[64];
	struct e820_table e820;
	u32 e820_dropped;	/* entries beyond E820_MAX_ENTRIES */
	bool has_mmap;
	struct boot_module modules[MB2_MAX_MODULES];
	u32 nr_modules;
	u32 modules_dropped;
	u8 rsdp[36];		/* ACPI RSDP copied from tag 14 (20 bytes) or 15 (36) */
	u32 rsdp_len;
	u32 rsdp_tag;
	u64 mbi_start, mbi_end;	/* where the structure itself lies */
	u32 unknown_tags;
};

extern struct boot_params boot_params;

int multiboot2_parse(const void *mbi, u64 mbi_phys, struct boot_params *bp);

#endif /* _ASM_BOOTPARAM_H */
