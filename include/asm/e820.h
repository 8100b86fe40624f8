/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware memory map (Linux: arch/x86/include/asm/e820/types.h, api.h).
 * GRUB hands us the BIOS E820 map unchanged inside the multiboot2 memory
 * map tag, with the same type numbers, so Linux's names fit exactly.
 */
#ifndef _ASM_E820_H
#define _ASM_E820_H

#include <linux/types.h>

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,
	E820_TYPE_NVS = 4,
	E820_TYPE_UNUSABLE = 5,
	E820_TYPE_PMEM = 7,
};

#define E820_MAX_ENTRIES 128

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
} __attribute__((packed));

struct e820_table {
	u32 nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table *e820_table;

/* Pure: sort, merge and resolve overlaps; clip at max_phys. See kernel/e820.c. */
struct e820_sanitize_stats {
	unsigned int dropped_empty, clipped, dropped_high, overlaps, merged;
	unsigned int overflowed;	/* output ranges beyond E820_MAX_ENTRIES, lost */
};
int e820__update_table(struct e820_table *table, u64 max_phys,
		       struct e820_sanitize_stats *st);
const char *e820_type_name(u32 type);
u64 e820__end_of_ram_pfn(const struct e820_table *table);
u64 e820__total_ram(const struct e820_table *table);

void e820__memory_setup(void);
void e820__memblock_setup(void);
void e820__print_table(const char *who);

#endif /* _ASM_E820_H */
