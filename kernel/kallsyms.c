// SPDX-License-Identifier: GPL-2.0
/*
 * Address <-> name lookup for backtraces and %pS.
 *
 * Linux: kernel/kallsyms.c, with the table made by scripts/kallsyms from
 * the linked vmlinux and linked in by a second (and third) link pass. Ours
 * is the same idea without the compression: scripts/kallsyms.py writes a
 * sorted array of addresses, an array of offsets into a string blob, and
 * the blob, into the .kallsyms part of .rodata. See the Makefile for the
 * link passes. The first pass links an empty table (kallsyms_num == 0).
 */
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/string.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const unsigned long kallsyms_num;
extern char _stext[], _etext[];

static unsigned long nr_syms(void)
{
	return kallsyms_num;
}

/* Index of the last symbol at or below addr (binary search), or -1. */
static long find_symbol(unsigned long addr)
{
	long lo = 0, hi = (long)nr_syms() - 1, found = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	/* Several names can share an address (aliases): take the first. */
	while (found > 0 && kallsyms_addresses[found - 1] == kallsyms_addresses[found])
		found--;
	return found;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	unsigned long next = (unsigned long)_etext;
	long i;

	if (addr < (unsigned long)_stext || addr >= (unsigned long)_etext)
		return NULL;
	i = find_symbol(addr);
	if (i < 0)
		return NULL;
	for (unsigned long j = i + 1; j < nr_syms(); j++) {
		if (kallsyms_addresses[j] > kallsyms_addresses[i]) {
			next = kallsyms_addresses[j];
			break;
		}
	}
	if (size)
		*size = next - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_offsets[i];
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, off;
	const char *name = kallsyms_lookup(addr, &symsize, &off);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, off, symsize);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < nr_syms(); i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}
