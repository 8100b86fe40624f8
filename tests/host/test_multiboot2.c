// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of kernel/multiboot2.c: multiboot2 information
 * structures are built here tag by tag, copied into a heap block of
 * exactly their total_size (so AddressSanitizer catches a read one byte
 * past the end) and handed to multiboot2_parse().
 *
 * Linux counterpart: none for multiboot2 itself; the closest is the boot
 * protocol parsing of arch/x86/boot and arch/x86/kernel/setup.c. The test
 * pattern (real kernel .c files built for the host against stubs) is
 * tools/testing/memblock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <asm/bootparam.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define MB_PHYS 0x10000UL	/* where the "loader" put the structure */
#define PAD_BYTE 0xa5		/* padding and slack filled with junk, not zeros */

/* A multiboot2 information structure under construction. */
struct mb {
	u64 buf[32768 / 8];	/* 8-aligned, as the spec demands */
	u32 len;
};

static u8 *mb_bytes(struct mb *m)
{
	return (u8 *)m->buf;
}

static void mb_init(struct mb *m)
{
	memset(m->buf, PAD_BYTE, sizeof(m->buf));
	m->len = 8;		/* total_size, reserved */
	((u32 *)m->buf)[1] = 0;
}

/* Append a tag; returns its offset. Padding up to 8 is left as junk. */
static u32 mb_tag(struct mb *m, u32 type, const void *payload, u32 payload_len)
{
	u32 off = m->len;
	u32 hdr[2] = { type, 8 + payload_len };

	assert_true(off + 8 + payload_len <= sizeof(m->buf));
	memcpy(mb_bytes(m) + off, hdr, 8);
	if (payload_len)
		memcpy(mb_bytes(m) + off + 8, payload, payload_len);
	m->len = ALIGN(off + 8 + payload_len, 8);
	return off;
}

static void mb_string_tag(struct mb *m, u32 type, const char *s)
{
	mb_tag(m, type, s, strlen(s) + 1);
}

static void mb_module(struct mb *m, u32 start, u32 end, const char *s)
{
	u8 payload[256];
	size_t n = strlen(s) + 1;

	assert_true(8 + n <= sizeof(payload));
	memcpy(payload, &start, 4);
	memcpy(payload + 4, &end, 4);
	memcpy(payload + 8, s, n);
	mb_tag(m, MB2_TAG_MODULE, payload, 8 + n);
}

/* Memory map tag: entry_size >= 24, the first 24 bytes of each entry used. */
static void mb_mmap(struct mb *m, u32 entry_size, const struct e820_entry *e, int n)
{
	static u8 payload[8 + 200 * 64];
	u32 hdr[2] = { entry_size, 0 };

	assert_true(8 + (size_t)n * entry_size <= sizeof(payload));
	memset(payload, PAD_BYTE, sizeof(payload));
	memcpy(payload, hdr, 8);
	for (int i = 0; i < n; i++) {
		u8 *p = payload + 8 + i * entry_size;
		u32 type = e[i].type, zero = 0;
		u64 addr = e[i].addr, size = e[i].size;

		memcpy(p, &addr, 8);
		memcpy(p + 8, &size, 8);
		memcpy(p + 16, &type, 4);
		memcpy(p + 20, &zero, 4);
	}
	mb_tag(m, MB2_TAG_MMAP, payload, 8 + n * entry_size);
}

static void mb_end(struct mb *m)
{
	mb_tag(m, MB2_TAG_END, NULL, 0);
}

/* The structure as a heap block of exactly total_size bytes. */
static void *mb_finish_total(struct mb *m, u32 total)
{
	void *p;

	((u32 *)m->buf)[0] = total;
	p = malloc(m->len);
	assert_non_null(p);
	assert_true(((unsigned long)p & 7) == 0);
	memcpy(p, m->buf, m->len);
	return p;
}

static void *mb_finish(struct mb *m)
{
	return mb_finish_total(m, m->len);
}

static struct mb mb;
static struct boot_params bp;

static int parse(const void *mbi)
{
	/* Start from junk: the parser must clear what it does not fill. */
	memset(&bp, 0x5a, sizeof(bp));
	return multiboot2_parse(mbi, MB_PHYS, &bp);
}

static int parse_and_free(void *mbi)
{
	int ret = parse(mbi);

	free(mbi);
	return ret;
}

static int setup(void **state)
{
	mb_init(&mb);
	printk_log_reset();
	return 0;
}

/* ---- well-formed structures ------------------------------------------- */

static void test_minimal(void **state)
{
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.mbi_start, MB_PHYS);
	assert_int_equal(bp.mbi_end, MB_PHYS + 16);
	assert_string_equal(bp.cmdline, "");
	assert_false(bp.cmdline_truncated);
	assert_string_equal(bp.loader_name, "");
	assert_false(bp.has_mmap);
	assert_int_equal(bp.e820.nr_entries, 0);
	assert_int_equal(bp.nr_modules, 0);
	assert_int_equal(bp.rsdp_len, 0);
	assert_int_equal(bp.rsdp_tag, 0);
	assert_int_equal(bp.unknown_tags, 0);
}

static void test_cmdline_and_loader(void **state)
{
	mb_string_tag(&mb, MB2_TAG_BOOT_LOADER_NAME, "GRUB 2.06");
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "console=ttyS0 no5lvl");
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_string_equal(bp.cmdline, "console=ttyS0 no5lvl");
	assert_false(bp.cmdline_truncated);
	assert_string_equal(bp.loader_name, "GRUB 2.06");
	assert_int_equal(bp.mbi_end - bp.mbi_start, mb.len);
}

static void test_cmdline_unterminated(void **state)
{
	/* 5 bytes, no NUL; the padding and the next tag are not part of it. */
	mb_tag(&mb, MB2_TAG_CMDLINE, "quiet", 5);
	mb_string_tag(&mb, MB2_TAG_BOOT_LOADER_NAME, "XYZ");
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_string_equal(bp.cmdline, "quiet");
	assert_false(bp.cmdline_truncated);
	assert_string_equal(bp.loader_name, "XYZ");
}

static void test_cmdline_long(void **state)
{
	static char line[3000];

	/* Exactly fits: COMMAND_LINE_SIZE - 1 characters. */
	memset(line, 'a', COMMAND_LINE_SIZE - 1);
	line[COMMAND_LINE_SIZE - 1] = '\0';
	mb_string_tag(&mb, MB2_TAG_CMDLINE, line);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(strlen(bp.cmdline), COMMAND_LINE_SIZE - 1);
	assert_false(bp.cmdline_truncated);

	/* One more: cut, still terminated, and flagged. */
	mb_init(&mb);
	memset(line, 'b', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	mb_string_tag(&mb, MB2_TAG_CMDLINE, line);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(strlen(bp.cmdline), COMMAND_LINE_SIZE - 1);
	assert_true(bp.cmdline_truncated);
	assert_int_equal(bp.cmdline[0], 'b');
}

static void test_loader_name_long(void **state)
{
	char name[100];

	memset(name, 'g', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	mb_string_tag(&mb, MB2_TAG_BOOT_LOADER_NAME, name);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(strlen(bp.loader_name), sizeof(bp.loader_name) - 1);
}

static const struct e820_entry qemu_map[] = {
	{ 0x0, 0x9fc00, E820_TYPE_RAM },
	{ 0x9fc00, 0x400, E820_TYPE_RESERVED },
	{ 0xf0000, 0x10000, E820_TYPE_RESERVED },
	{ 0x100000, 0x7ee0000, E820_TYPE_RAM },
	{ 0xfffc0000, 0x40000, E820_TYPE_RESERVED },
	{ 0x100000000ULL, 0x180000000ULL, E820_TYPE_ACPI },
};

static void check_qemu_map(void)
{
	assert_true(bp.has_mmap);
	assert_int_equal(bp.e820.nr_entries, ARRAY_SIZE(qemu_map));
	assert_int_equal(bp.e820_dropped, 0);
	for (size_t i = 0; i < ARRAY_SIZE(qemu_map); i++) {
		assert_true(bp.e820.entries[i].addr == qemu_map[i].addr);
		assert_true(bp.e820.entries[i].size == qemu_map[i].size);
		assert_int_equal(bp.e820.entries[i].type, qemu_map[i].type);
	}
}

static void test_mmap(void **state)
{
	mb_mmap(&mb, 24, qemu_map, ARRAY_SIZE(qemu_map));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	check_qemu_map();
}

static void test_mmap_larger_entries(void **state)
{
	/* A newer loader may send bigger entries: step by entry_size. */
	mb_mmap(&mb, 40, qemu_map, ARRAY_SIZE(qemu_map));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	check_qemu_map();
}

static void test_mmap_odd_entry_size(void **state)
{
	/*
	 * The spec says entry_size is a multiple of 8; one that is not leaves
	 * the entries misaligned, which must still be read correctly (UBSan
	 * checks the accesses).
	 */
	mb_mmap(&mb, 28, qemu_map, ARRAY_SIZE(qemu_map));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	check_qemu_map();
}

static void test_mmap_partial_entry(void **state)
{
	/* A tag whose last entry is cut short: the whole entries only. */
	u32 off = mb.len, *size;

	mb_mmap(&mb, 24, qemu_map, 3);
	size = (u32 *)(mb_bytes(&mb) + off) + 1;
	*size -= 10;
	mb.len = ALIGN(off + *size, 8);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_true(bp.has_mmap);
	assert_int_equal(bp.e820.nr_entries, 2);
}

static void test_mmap_bad_entry_size(void **state)
{
	/* Smaller than an entry (or 0, which would never advance): ignored. */
	mb_mmap(&mb, 16, qemu_map, 3);
	mb_mmap(&mb, 0, qemu_map, 0);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_false(bp.has_mmap);
	assert_int_equal(bp.e820.nr_entries, 0);
}

static void test_mmap_too_many(void **state)
{
	static struct e820_entry map[E820_MAX_ENTRIES + 5];

	for (int i = 0; i < E820_MAX_ENTRIES + 5; i++)
		map[i] = (struct e820_entry){ (u64)i << 20, 1 << 20, E820_TYPE_RAM };
	mb_mmap(&mb, 24, map, E820_MAX_ENTRIES + 5);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.e820.nr_entries, E820_MAX_ENTRIES);
	assert_int_equal(bp.e820_dropped, 5);
	/* The first ones are kept, in order. */
	assert_true(bp.e820.entries[E820_MAX_ENTRIES - 1].addr ==
		    (u64)(E820_MAX_ENTRIES - 1) << 20);
}

static void test_modules(void **state)
{
	mb_module(&mb, 0x200000, 0x280000, "initrd");
	mb_module(&mb, 0x300000, 0x100000, "backwards");	/* end < start */
	mb_module(&mb, 0x400000, 0x401000, "");
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.nr_modules, 3);
	assert_int_equal(bp.modules_dropped, 0);
	assert_int_equal(bp.modules[0].start, 0x200000);
	assert_int_equal(bp.modules[0].end, 0x280000);
	assert_string_equal(bp.modules[0].string, "initrd");
	/* A negative size becomes an empty module, never a huge one. */
	assert_int_equal(bp.modules[1].start, 0x300000);
	assert_int_equal(bp.modules[1].end, 0x300000);
	assert_string_equal(bp.modules[1].string, "backwards");
	assert_string_equal(bp.modules[2].string, "");
}

static void test_module_long_string(void **state)
{
	char s[200];

	memset(s, 'm', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	mb_module(&mb, 0x1000, 0x2000, s);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.nr_modules, 1);
	assert_int_equal(strlen(bp.modules[0].string), sizeof(bp.modules[0].string) - 1);
}

static void test_module_unterminated(void **state)
{
	/* Module string without its NUL: it ends where the tag ends. */
	mb_tag(&mb, MB2_TAG_MODULE, "\0\0\1\0\0\0\2\0modname", 8 + 7);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.nr_modules, 1);
	assert_int_equal(bp.modules[0].start, 0x10000);
	assert_int_equal(bp.modules[0].end, 0x20000);
	assert_string_equal(bp.modules[0].string, "modname");
}

static void test_modules_too_many(void **state)
{
	for (int i = 0; i < MB2_MAX_MODULES + 3; i++)
		mb_module(&mb, 0x100000 * (i + 1), 0x100000 * (i + 1) + 0x1000, "mod");
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.nr_modules, MB2_MAX_MODULES);
	assert_int_equal(bp.modules_dropped, 3);
	assert_int_equal(bp.modules[MB2_MAX_MODULES - 1].start, 0x100000 * MB2_MAX_MODULES);
}

static u8 rsdp_v1[20] = { 'R', 'S', 'D', ' ', 'P', 'T', 'R', ' ', 1 };
static u8 rsdp_v2[36] = { 'R', 'S', 'D', ' ', 'P', 'T', 'R', ' ', 2, [15] = 2 };

static void test_acpi_old(void **state)
{
	mb_tag(&mb, MB2_TAG_ACPI_OLD, rsdp_v1, sizeof(rsdp_v1));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.rsdp_tag, MB2_TAG_ACPI_OLD);
	assert_int_equal(bp.rsdp_len, 20);
	assert_memory_equal(bp.rsdp, rsdp_v1, 20);
}

static void test_acpi_new_preferred(void **state)
{
	/* Old then new. */
	mb_tag(&mb, MB2_TAG_ACPI_OLD, rsdp_v1, sizeof(rsdp_v1));
	mb_tag(&mb, MB2_TAG_ACPI_NEW, rsdp_v2, sizeof(rsdp_v2));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.rsdp_tag, MB2_TAG_ACPI_NEW);
	assert_int_equal(bp.rsdp_len, 36);
	assert_memory_equal(bp.rsdp, rsdp_v2, 36);

	/* New then old: the old one must not overwrite it. */
	mb_init(&mb);
	mb_tag(&mb, MB2_TAG_ACPI_NEW, rsdp_v2, sizeof(rsdp_v2));
	mb_tag(&mb, MB2_TAG_ACPI_OLD, rsdp_v1, sizeof(rsdp_v1));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.rsdp_tag, MB2_TAG_ACPI_NEW);
	assert_int_equal(bp.rsdp_len, 36);
	assert_memory_equal(bp.rsdp, rsdp_v2, 36);
}

static void test_acpi_oversized(void **state)
{
	u8 big[64];

	memset(big, 0x77, sizeof(big));
	mb_tag(&mb, MB2_TAG_ACPI_NEW, big, sizeof(big));
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	/* Copied up to the size of bp.rsdp, no further. */
	assert_int_equal(bp.rsdp_len, sizeof(bp.rsdp));
	assert_memory_equal(bp.rsdp, big, sizeof(bp.rsdp));
}

static void test_unknown_tags(void **state)
{
	u8 junk[13] = { 1, 2, 3 };
	u32 meminfo[2] = { 639, 130048 };

	mb_tag(&mb, 5, junk, 12);	/* boot device */
	mb_tag(&mb, MB2_TAG_BASIC_MEMINFO, meminfo, sizeof(meminfo));
	mb_tag(&mb, 8, junk, 13);	/* framebuffer, size not a multiple of 8 */
	mb_tag(&mb, 21, junk, 4);	/* load base address */
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "after");
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	/* Counted, skipped (with padding), and the tags after them still read. */
	assert_int_equal(bp.unknown_tags, 3);
	assert_string_equal(bp.cmdline, "after");
}

static void test_tags_after_end_ignored(void **state)
{
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "first");
	mb_end(&mb);
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "second");
	mb_module(&mb, 0x1000, 0x2000, "late");
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_string_equal(bp.cmdline, "first");
	assert_int_equal(bp.nr_modules, 0);
}

/* ---- malformed structures: -EINVAL, and no read outside them -------- */

static void test_bad_pointer(void **state)
{
	u64 *p;

	assert_int_equal(parse(NULL), -EINVAL);
	mb_end(&mb);
	p = mb_finish(&mb);
	/* Misaligned: rejected before it is read. */
	assert_int_equal(parse((u8 *)p + 4), -EINVAL);
	assert_int_equal(parse((u8 *)p + 1), -EINVAL);
	/* Nothing half-filled is left behind on failure. */
	assert_int_equal(bp.nr_modules, 0);
	assert_int_equal(bp.e820.nr_entries, 0);
	assert_int_equal(bp.mbi_end, 0);
	free(p);
}

static void test_bad_total_size(void **state)
{
	static const u32 bad[] = { 0, 8, 12, 15, (1U << 20) + 1, 0xffffffff };

	mb_end(&mb);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		void *p = mb_finish_total(&mb, bad[i]);

		if (parse(p) != -EINVAL)
			fail_msg("total_size %u accepted", bad[i]);
		free(p);
	}
}

static void test_tag_too_small(void **state)
{
	static const u32 sizes[] = { 0, 4, 7 };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		u32 off;

		mb_init(&mb);
		off = mb_tag(&mb, MB2_TAG_CMDLINE, "x", 1);
		((u32 *)(mb_bytes(&mb) + off))[1] = sizes[i];
		mb_end(&mb);
		if (parse_and_free(mb_finish(&mb)) != -EINVAL)
			fail_msg("tag size %u accepted", sizes[i]);
	}
}

static void test_tag_past_total(void **state)
{
	u32 off;

	mb_string_tag(&mb, MB2_TAG_CMDLINE, "abc");
	off = mb_tag(&mb, MB2_TAG_MODULE, "0123456789abcdef", 16);
	mb_end(&mb);
	/* The module tag claims to run 1 byte past the end of the structure. */
	((u32 *)(mb_bytes(&mb) + off))[1] = mb.len - off + 1;
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);

	/* A huge size must not wrap around either. */
	mb_init(&mb);
	off = mb_tag(&mb, MB2_TAG_CMDLINE, "abc", 4);
	((u32 *)(mb_bytes(&mb) + off))[1] = 0xfffffff8;
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);
}

static void test_no_end_tag(void **state)
{
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "console=ttyS0");
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);

	/* Header only: total_size 8 is below the minimum. */
	mb_init(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);

	/* A trailing fragment shorter than a tag header. */
	mb_init(&mb);
	mb_string_tag(&mb, MB2_TAG_CMDLINE, "x");
	mb.len += 4;
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);
}

/*
 * Tags that end exactly at total_size with no end tag after them: the
 * heap block ends there too, so a parser that peeks at the byte after a
 * string or reads a field the tag does not have is caught by ASan.
 */
static void test_truncated_last_tag(void **state)
{
	u32 total;

	/* Module string without NUL, running to the very end. */
	mb_tag(&mb, MB2_TAG_MODULE, "\0\0\1\0\0\0\2\0modname", 8 + 7);
	total = mb.len - 1;	/* size 23: end at 8 + 23 */
	mb.len = total;
	assert_int_equal(parse_and_free(mb_finish_total(&mb, total)), -EINVAL);

	/* Memory map tag with only its 8-byte header (no entry_size). */
	mb_init(&mb);
	mb_tag(&mb, MB2_TAG_MMAP, NULL, 0);
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);

	/* Command line tag without NUL at the very end. */
	mb_init(&mb);
	mb_tag(&mb, MB2_TAG_CMDLINE, "abc", 3);
	mb.len = 8 + 11;
	assert_int_equal(parse_and_free(mb_finish(&mb)), -EINVAL);
}

static void test_short_tags_ignored(void **state)
{
	/* Known tags too short for their fields are skipped, not misread. */
	mb_tag(&mb, MB2_TAG_MODULE, "\0\0\1\0", 4);
	mb_tag(&mb, MB2_TAG_MMAP, "\x18\0\0\0", 4);
	mb_tag(&mb, MB2_TAG_CMDLINE, NULL, 0);
	mb_tag(&mb, MB2_TAG_ACPI_OLD, NULL, 0);
	mb_end(&mb);
	assert_int_equal(parse_and_free(mb_finish(&mb)), 0);
	assert_int_equal(bp.nr_modules, 0);
	assert_false(bp.has_mmap);
	assert_string_equal(bp.cmdline, "");
	assert_int_equal(bp.rsdp_len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_minimal, setup),
		cmocka_unit_test_setup(test_cmdline_and_loader, setup),
		cmocka_unit_test_setup(test_cmdline_unterminated, setup),
		cmocka_unit_test_setup(test_cmdline_long, setup),
		cmocka_unit_test_setup(test_loader_name_long, setup),
		cmocka_unit_test_setup(test_mmap, setup),
		cmocka_unit_test_setup(test_mmap_larger_entries, setup),
		cmocka_unit_test_setup(test_mmap_odd_entry_size, setup),
		cmocka_unit_test_setup(test_mmap_partial_entry, setup),
		cmocka_unit_test_setup(test_mmap_bad_entry_size, setup),
		cmocka_unit_test_setup(test_mmap_too_many, setup),
		cmocka_unit_test_setup(test_modules, setup),
		cmocka_unit_test_setup(test_module_long_string, setup),
		cmocka_unit_test_setup(test_module_unterminated, setup),
		cmocka_unit_test_setup(test_modules_too_many, setup),
		cmocka_unit_test_setup(test_acpi_old, setup),
		cmocka_unit_test_setup(test_acpi_new_preferred, setup),
		cmocka_unit_test_setup(test_acpi_oversized, setup),
		cmocka_unit_test_setup(test_unknown_tags, setup),
		cmocka_unit_test_setup(test_tags_after_end_ignored, setup),
		cmocka_unit_test_setup(test_bad_pointer, setup),
		cmocka_unit_test_setup(test_bad_total_size, setup),
		cmocka_unit_test_setup(test_tag_too_small, setup),
		cmocka_unit_test_setup(test_tag_past_total, setup),
		cmocka_unit_test_setup(test_no_end_tag, setup),
		cmocka_unit_test_setup(test_truncated_last_tag, setup),
		cmocka_unit_test_setup(test_short_tags_ignored, setup),
	};

	return cmocka_run_group_tests_name("multiboot2", tests, NULL, NULL);
}
