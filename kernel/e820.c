// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware memory map: cleaning it up and printing it.
 *
 * Linux: arch/x86/kernel/e820.c. e820__update_table() (Linux's name for
 * what was sanitize_e820_map) turns whatever the firmware reported into a
 * sorted list of non-overlapping ranges: zero-length entries are dropped,
 * entries past the largest supported physical address are clipped or
 * dropped, and where entries overlap the more restrictive type (the
 * higher number) wins, so reserved memory is never handed out as RAM.
 * Neighbours of the same type are merged. The algorithm is a sweep over
 * the sorted start and end points, as in Linux.
 *
 * The table functions are pure (the host tests build this file); the
 * printing and the boot-time setup are kernel-only.
 */
#include <asm/e820.h>
#include <linux/kernel.h>
#include <linux/string.h>

struct change_point {
	u64 addr;
	int entry;	/* index into the input */
	bool is_start;
};

static void sort_points(struct change_point *pts, int n)
{
	for (int i = 1; i < n; i++) {
		struct change_point key = pts[i];
		int j = i - 1;

		/* At equal addresses ends go first, so touching ranges don't overlap. */
		while (j >= 0 && (pts[j].addr > key.addr ||
				  (pts[j].addr == key.addr && pts[j].is_start && !key.is_start))) {
			pts[j + 1] = pts[j];
			j--;
		}
		pts[j + 1] = key;
	}
}

/* Drop empty entries, clip at max_phys; returns how many entries are left. */
static int clip_entries(struct e820_entry *in, int n, u64 max_phys,
			struct e820_sanitize_stats *st)
{
	int out = 0;

	for (int i = 0; i < n; i++) {
		struct e820_entry e = in[i];
		u64 end = e.addr + e.size;

		if (!e.size) {
			st->dropped_empty++;
			continue;
		}
		if (e.addr >= max_phys) {
			st->dropped_high++;
			continue;
		}
		if (end < e.addr || end > max_phys) {	/* overflow or too high */
			e.size = max_phys - e.addr;
			st->clipped++;
		}
		in[out++] = e;
	}
	return out;
}

static u32 current_type(const struct e820_entry *in, const bool *active, int n)
{
	u32 type = 0;

	for (int i = 0; i < n; i++)
		if (active[i] && in[i].type > type)
			type = in[i].type;
	return type;
}

int e820__update_table(struct e820_table *table, u64 max_phys,
		       struct e820_sanitize_stats *st)
{
	static struct change_point pts[2 * E820_MAX_ENTRIES];
	static struct e820_entry in[E820_MAX_ENTRIES];
	static bool active[E820_MAX_ENTRIES];
	struct e820_sanitize_stats dummy;
	int n, np = 0, nactive = 0, out = 0;
	u32 type = 0;
	u64 start = 0;

	if (!st)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	n = min(table->nr_entries, (u32)E820_MAX_ENTRIES);
	memcpy(in, table->entries, n * sizeof(in[0]));
	n = clip_entries(in, n, max_phys, st);

	for (int i = 0; i < n; i++) {
		pts[np++] = (struct change_point){ in[i].addr, i, true };
		pts[np++] = (struct change_point){ in[i].addr + in[i].size, i, false };
		active[i] = false;
	}
	sort_points(pts, np);

	for (int i = 0; i < np;) {
		u64 addr = pts[i].addr;
		u32 new_type;

		for (; i < np && pts[i].addr == addr; i++) {
			active[pts[i].entry] = pts[i].is_start;
			nactive += pts[i].is_start ? 1 : -1;
			if (pts[i].is_start && nactive > 1)
				st->overlaps++;
		}
		new_type = current_type(in, active, n);
		if (new_type == type)
			continue;
		if (type && addr > start) {
			if (out < E820_MAX_ENTRIES)
				table->entries[out++] = (struct e820_entry){ start, addr - start, type };
			else
				st->overflowed++;
		}
		start = addr;
		type = new_type;
	}
	/* Count how many input entries became part of a bigger output entry. */
	st->merged = n > out ? n - out : 0;
	table->nr_entries = out;
	return out;
}

const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM: return "usable";
	case E820_TYPE_RESERVED: return "reserved";
	case E820_TYPE_ACPI: return "ACPI data";
	case E820_TYPE_NVS: return "ACPI NVS";
	case E820_TYPE_UNUSABLE: return "unusable";
	case E820_TYPE_PMEM: return "persistent";
	default: return "unknown";
	}
}

/* One past the last page frame of usable RAM (Linux: e820__end_of_ram_pfn). */
u64 e820__end_of_ram_pfn(const struct e820_table *table)
{
	u64 end = 0;

	for (u32 i = 0; i < table->nr_entries; i++) {
		const struct e820_entry *e = &table->entries[i];

		if (e->type == E820_TYPE_RAM)
			end = max(end, (e->addr + e->size) >> 12);
	}
	return end;
}

u64 e820__total_ram(const struct e820_table *table)
{
	u64 total = 0;

	for (u32 i = 0; i < table->nr_entries; i++)
		if (table->entries[i].type == E820_TYPE_RAM)
			total += table->entries[i].size;
	return total;
}

#ifdef __KERNEL__
#include <asm/bootparam.h>
#include <asm/pgtable_types.h>
#include <linux/memblock.h>
#include <linux/printk.h>

static struct e820_table e820_table_init;
struct e820_table *e820_table = &e820_table_init;

/* 46 bits with 4-level paging, 52 with 5 (Linux: MAX_PHYSMEM_BITS). */
static u64 max_physmem(void)
{
	return 1ULL << (pgtable_l5_enabled() ? 52 : 46);
}

void e820__print_table(const char *who)
{
	for (u32 i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		pr_info("%s: [mem %#018llx-%#018llx] %s\n", who,
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1),
			e820_type_name(e->type));
	}
}

void e820__memory_setup(void)
{
	struct e820_sanitize_stats st;

	*e820_table = boot_params.e820;
	if (boot_params.e820_dropped)
		pr_warn("e820: %u entries beyond the first %d ignored\n",
			boot_params.e820_dropped, E820_MAX_ENTRIES);
	e820__update_table(e820_table, max_physmem(), &st);
	if (st.dropped_empty)
		pr_info("e820: dropped %u zero-length entries\n", st.dropped_empty);
	if (st.overlaps)
		pr_warn("e820: %u overlapping entries resolved (reserved wins over usable)\n",
			st.overlaps);
	if (st.overflowed)
		pr_warn("e820: %u ranges past the table's %d entries lost\n", st.overflowed,
			E820_MAX_ENTRIES);
	if (st.clipped || st.dropped_high)
		pr_warn("e820: %u entries clipped, %u dropped above the %llu TiB physical limit\n",
			st.clipped, st.dropped_high,
			(unsigned long long)(max_physmem() >> 40));
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
}

/* Tell memblock about the RAM, whole pages only (Linux: e820__memblock_setup). */
void e820__memblock_setup(void)
{
	for (u32 i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];
		u64 start = ALIGN(e->addr, 4096), end = ALIGN_DOWN(e->addr + e->size, 4096);

		if (e->type == E820_TYPE_RAM && end > start)
			memblock_add(start, end - start);
	}
}
#endif
