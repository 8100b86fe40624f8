// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information GRUB leaves at EBX.
 *
 * The structure is a list of 8-byte-aligned tags (type, size, payload)
 * after an 8-byte header (total_size, reserved). We copy out what the
 * kernel needs (command line, memory map, modules, ACPI RSDP, loader name)
 * into struct boot_params, the way Linux's boot code fills its zero page,
 * so nothing later depends on where GRUB put the original. Every size is
 * checked against the total before it is trusted: a malformed structure
 * gives -EINVAL, never a read past its end.
 * Pure code (no hardware access): the host tests build this file.
 */
#include <asm/bootparam.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define MB2_MAX_TOTAL_SIZE (1U << 20)

struct mb2_tag {
	u32 type;
	u32 size;
};

/* Packed: a loader's entry_size need not keep the entries 8-aligned. */
struct mb2_mmap_entry {
	u64 addr, len;
	u32 type, zero;
} __packed;

static void parse_mmap(const u8 *tag, u32 size, struct boot_params *bp)
{
	const u8 *p = tag + 16, *end = tag + size;
	u32 entry_size;

	if (size < 16)		/* before reading entry_size, which it may lack */
		return;
	entry_size = *(const u32 *)(tag + 8);
	if (entry_size < sizeof(struct mb2_mmap_entry))
		return;
	bp->has_mmap = true;
	for (; p + entry_size <= end; p += entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;
		struct e820_entry *d;

		if (bp->e820.nr_entries == E820_MAX_ENTRIES) {
			bp->e820_dropped++;
			continue;
		}
		d = &bp->e820.entries[bp->e820.nr_entries++];
		d->addr = e->addr;
		d->size = e->len;
		d->type = e->type;
	}
}

/* Copy a string payload; the tag may lack its NUL, so bound it by the tag. */
static bool copy_string(char *dst, size_t dst_size, const u8 *tag, u32 size)
{
	size_t len = strnlen((const char *)tag + 8, size - 8);
	size_t n = min(len, dst_size - 1);

	memcpy(dst, tag + 8, n);
	dst[n] = '\0';
	return n < len;
}

static void parse_module(const u8 *tag, u32 size, struct boot_params *bp)
{
	struct boot_module *m;

	if (size < 16)
		return;
	if (bp->nr_modules == MB2_MAX_MODULES) {
		bp->modules_dropped++;
		return;
	}
	m = &bp->modules[bp->nr_modules++];
	m->start = *(const u32 *)(tag + 8);
	m->end = *(const u32 *)(tag + 12);
	if (m->end < m->start)
		m->end = m->start;
	/* The string starts 8 bytes into the payload and ends with the tag. */
	copy_string(m->string, sizeof(m->string), tag + 8, size - 8);
}

static void parse_tag(const u8 *tag, u32 type, u32 size, struct boot_params *bp)
{
	switch (type) {
	case MB2_TAG_CMDLINE:
		bp->cmdline_truncated = copy_string(bp->cmdline, sizeof(bp->cmdline), tag, size);
		break;
	case MB2_TAG_BOOT_LOADER_NAME:
		copy_string(bp->loader_name, sizeof(bp->loader_name), tag, size);
		break;
	case MB2_TAG_MMAP:
		parse_mmap(tag, size, bp);
		break;
	case MB2_TAG_MODULE:
		parse_module(tag, size, bp);
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		/* Prefer the ACPI 2.0 RSDP (tag 15) if both are given. */
		if (bp->rsdp_tag == MB2_TAG_ACPI_NEW)
			break;
		bp->rsdp_len = min(size - 8, (u32)sizeof(bp->rsdp));
		memcpy(bp->rsdp, tag + 8, bp->rsdp_len);
		bp->rsdp_tag = type;
		break;
	case MB2_TAG_BASIC_MEMINFO:
		break;
	default:
		bp->unknown_tags++;
		break;
	}
}

int multiboot2_parse(const void *mbi, u64 mbi_phys, struct boot_params *bp)
{
	const u8 *base = mbi, *p;
	u32 total;

	memset(bp, 0, sizeof(*bp));
	if (!mbi || ((unsigned long)mbi & 7))
		return -EINVAL;
	total = *(const u32 *)base;
	if (total < 16 || total > MB2_MAX_TOTAL_SIZE)
		return -EINVAL;
	bp->mbi_start = mbi_phys;
	bp->mbi_end = mbi_phys + total;

	for (p = base + 8; p + sizeof(struct mb2_tag) <= base + total;) {
		const struct mb2_tag *tag = (const void *)p;

		if (tag->type == MB2_TAG_END)
			return 0;
		if (tag->size < 8 || tag->size > (u32)(base + total - p))
			return -EINVAL;
		parse_tag(p, tag->type, tag->size, bp);
		p += ALIGN(tag->size, 8);
	}
	return -EINVAL;	/* ran off the end without an end tag */
}
