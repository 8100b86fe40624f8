// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of drivers/acpi/tables.c: acpi_checksum(),
 * acpi_rsdp_valid(), acpi_table_valid() and acpi_parse_madt(). The tables
 * are built here field by field, their checksums fixed up by a sum written
 * independently of acpi_checksum(), and copied into a heap block of
 * exactly the size the code is told about (so AddressSanitizer catches a
 * read one byte past the end of a table or of a truncated entry).
 *
 * Linux counterpart: drivers/acpi/tables.c and
 * drivers/acpi/acpica/tbutils.c (checksums, RSDP and table headers), the
 * MADT handlers of arch/x86/kernel/acpi/boot.c (acpi_parse_lapic,
 * acpi_parse_ioapic, acpi_parse_int_src_ovr, acpi_parse_lapic_addr_ovr)
 * and the subtable walk of acpi_parse_entries_array().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/acpi.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define LAPIC_BASE 0xfee00000U
#define IOAPIC_BASE 0xfec00000U
#define JUNK 0xa5

/* Sum of bytes mod 256, written here so the fix-ups do not trust the code. */
static u8 sum8(const void *buf, size_t len)
{
	const u8 *p = buf;
	unsigned int s = 0;

	while (len--)
		s += *p++;
	return s & 0xff;
}

/* Heap copy of exactly len bytes: reading byte len is an ASan error. */
static void *dup_exact(const void *src, size_t len)
{
	void *p = malloc(len ? len : 1);

	assert_non_null(p);
	memcpy(p, src, len);
	return p;
}

/* --- RSDP ------------------------------------------------------------- */

static void rsdp_fix(struct acpi_table_rsdp *r)
{
	r->checksum = 0;
	r->checksum = -sum8(r, 20);
	r->extended_checksum = 0;
	r->extended_checksum = -sum8(r, 36);
}

static void rsdp_make(struct acpi_table_rsdp *r, u8 revision)
{
	memset(r, 0, sizeof(*r));
	memcpy(r->signature, ACPI_SIG_RSDP, 8);
	memcpy(r->oem_id, "LINNET", 6);
	r->revision = revision;
	r->rsdt_physical_address = 0x7fe1234;
	r->length = 36;
	r->xsdt_physical_address = 0x7fe5678;
	memset(r->reserved, JUNK, sizeof(r->reserved));
	rsdp_fix(r);
}

/* --- Tables with a standard header ------------------------------------ */

struct tbl {
	u8 buf[4096];
	u32 len;
};

static struct acpi_table_header *tbl_hdr(struct tbl *t)
{
	return (struct acpi_table_header *)t->buf;
}

static void tbl_init(struct tbl *t, const char *sig, u32 hdr_size)
{
	struct acpi_table_header *h = tbl_hdr(t);

	memset(t->buf, 0, sizeof(t->buf));
	memcpy(h->signature, sig, 4);
	h->revision = 1;
	memcpy(h->oem_id, "LINNET", 6);
	memcpy(h->oem_table_id, "TESTTBL ", 8);
	h->oem_revision = 1;
	memcpy(h->asl_compiler_id, "TEST", 4);
	h->asl_compiler_revision = 0x20240101;
	t->len = hdr_size;
}

static void tbl_add(struct tbl *t, const void *p, size_t n)
{
	assert_true(t->len + n <= sizeof(t->buf));
	memcpy(t->buf + t->len, p, n);
	t->len += n;
}

/* Set length and checksum; the heap copy is exactly t->len bytes. */
static void *tbl_finish(struct tbl *t)
{
	struct acpi_table_header *h = tbl_hdr(t);

	h->length = t->len;
	h->checksum = 0;
	h->checksum = -sum8(t->buf, t->len);
	return dup_exact(t->buf, t->len);
}

/* A table of len bytes: header plus a junk body. */
static void *table_make(const char *sig, u32 len)
{
	struct tbl t;
	u8 body[64];

	assert_true(len >= sizeof(struct acpi_table_header));
	assert_true(len - sizeof(struct acpi_table_header) <= sizeof(body));
	for (size_t i = 0; i < sizeof(body); i++)
		body[i] = JUNK + 7 * i;
	tbl_init(&t, sig, sizeof(struct acpi_table_header));
	tbl_add(&t, body, len - sizeof(struct acpi_table_header));
	return tbl_finish(&t);
}

/* --- MADT ------------------------------------------------------------- */

static void madt_init(struct tbl *t, u32 lapic_addr, u32 flags)
{
	struct acpi_table_madt *m = (struct acpi_table_madt *)t->buf;

	tbl_init(t, ACPI_SIG_MADT, sizeof(*m));
	m->header.revision = 5;
	m->address = lapic_addr;
	m->flags = flags;
}

static void madt_lapic(struct tbl *t, u8 acpi_id, u8 apic_id, u32 flags)
{
	struct acpi_madt_local_apic e = {
		.header = { ACPI_MADT_TYPE_LOCAL_APIC, sizeof(e) },
		.processor_id = acpi_id,
		.id = apic_id,
		.lapic_flags = flags,
	};

	tbl_add(t, &e, sizeof(e));
}

static void madt_ioapic(struct tbl *t, u8 id, u32 address, u32 gsi_base)
{
	struct acpi_madt_io_apic e = {
		.header = { ACPI_MADT_TYPE_IO_APIC, sizeof(e) },
		.id = id,
		.address = address,
		.global_irq_base = gsi_base,
	};

	tbl_add(t, &e, sizeof(e));
}

static void madt_override(struct tbl *t, u8 bus, u8 irq, u32 gsi, u16 flags)
{
	struct acpi_madt_interrupt_override e = {
		.header = { ACPI_MADT_TYPE_INTERRUPT_OVERRIDE, sizeof(e) },
		.bus = bus,
		.source_irq = irq,
		.global_irq = gsi,
		.inti_flags = flags,
	};

	tbl_add(t, &e, sizeof(e));
}

static void madt_lapic_override(struct tbl *t, u64 address)
{
	struct acpi_madt_local_apic_override e = {
		.header = { ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE, sizeof(e) },
		.address = address,
	};

	tbl_add(t, &e, sizeof(e));
}

/*
 * Any entry: type and length as given, then body_len junk bytes (body_len
 * may differ from length - 2 to build lying entries).
 */
static void madt_raw(struct tbl *t, u8 type, u8 length, size_t body_len)
{
	u8 e[2 + 255];

	assert_true(body_len <= 255);
	e[0] = type;
	e[1] = length;
	memset(e + 2, JUNK, body_len);
	tbl_add(t, e, 2 + body_len);
}

/* Parse a heap copy of exactly the table; info starts out as junk. */
static int parse(struct tbl *t, struct madt_info *info)
{
	struct acpi_table_madt *m = tbl_finish(t);
	int ret;

	memset(info, JUNK, sizeof(*info));
	ret = acpi_parse_madt(m, info);
	free(m);
	return ret;
}

static struct madt_info info;

static void assert_cpus(const struct madt_info *mi, const u32 *apic, const u32 *acpi,
			unsigned int n)
{
	assert_int_equal(mi->nr_cpus, n);
	for (unsigned int i = 0; i < n; i++) {
		assert_int_equal(mi->apic_ids[i], apic[i]);
		assert_int_equal(mi->acpi_ids[i], acpi[i]);
	}
}

/* --- acpi_checksum ---------------------------------------------------- */

static void test_checksum_known(void **state)
{
	static const u8 a[] = { 1, 2, 3 };
	static const u8 b[] = { 0xff, 0x01 };
	static const u8 c[] = { 0x80, 0x80, 0x05 };
	static const u8 d[] = { 0x10, 0x20, 0xd0, 0x99, 0x77 };
	u8 all[256];

	for (int i = 0; i < 256; i++)
		all[i] = i;

	assert_int_equal(acpi_checksum(a, 0), 0);
	assert_int_equal(acpi_checksum(a, sizeof(a)), 6);
	assert_int_equal(acpi_checksum(b, sizeof(b)), 0);	/* wraps */
	assert_int_equal(acpi_checksum(c, sizeof(c)), 5);
	assert_int_equal(acpi_checksum(d, 3), 0);		/* only len bytes */
	assert_int_equal(acpi_checksum(d, sizeof(d)), 0x10);
	assert_int_equal(acpi_checksum(all, sizeof(all)), 0x80); /* 32640 mod 256 */
	assert_int_equal(acpi_checksum(all + 1, 1), 1);
}

/* Every byte of an exact-size buffer is read, none past it. */
static void test_checksum_exact_buffer(void **state)
{
	u8 src[37];
	u8 *p;

	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = 3 * i + 1;
	p = dup_exact(src, sizeof(src));
	assert_int_equal(acpi_checksum(p, sizeof(src)), sum8(src, sizeof(src)));
	p[36] += 1;
	assert_int_equal(acpi_checksum(p, sizeof(src)), (u8)(sum8(src, sizeof(src)) + 1));
	free(p);
}

/* --- acpi_rsdp_valid -------------------------------------------------- */

/* ACPI 1.0: 20 bytes; nothing past them is read (heap block of 20). */
static void test_rsdp_v1_valid(void **state)
{
	struct acpi_table_rsdp r;
	struct acpi_table_rsdp *p;

	rsdp_make(&r, 0);
	p = dup_exact(&r, 20);
	assert_true(acpi_rsdp_valid(p, 20));
	free(p);

	/* Revision 0 with junk where 2.0 fields would be: still 1.0. */
	memset(&r.length, JUNK, 36 - 20);
	assert_true(acpi_rsdp_valid(&r, sizeof(r)));
}

static void test_rsdp_bad_signature(void **state)
{
	static const int pos[] = { 0, 3, 6, 7 };
	struct acpi_table_rsdp r;

	for (size_t i = 0; i < ARRAY_SIZE(pos); i++) {
		rsdp_make(&r, 0);
		r.signature[pos[i]] ^= 0x20;
		rsdp_fix(&r);		/* checksums right: only the signature is wrong */
		assert_false(acpi_rsdp_valid(&r, 20));
	}
	/* "RSD PTR" without its trailing space */
	rsdp_make(&r, 0);
	r.signature[7] = 0;
	rsdp_fix(&r);
	assert_false(acpi_rsdp_valid(&r, 20));
}

static void test_rsdp_bad_checksum(void **state)
{
	struct acpi_table_rsdp r;

	rsdp_make(&r, 0);
	r.checksum++;
	assert_false(acpi_rsdp_valid(&r, 20));

	/* A flipped byte in the checksummed part (not the checksum itself). */
	rsdp_make(&r, 0);
	r.rsdt_physical_address ^= 0x100;
	assert_false(acpi_rsdp_valid(&r, 20));

	/* ACPI 2.0 with the first checksum wrong (the extended one right). */
	rsdp_make(&r, 2);
	r.oem_id[0] ^= 1;
	r.extended_checksum = 0;
	r.extended_checksum = -sum8(&r, 36);
	assert_false(acpi_rsdp_valid(&r, 36));
}

static void test_rsdp_too_short(void **state)
{
	struct acpi_table_rsdp r;
	struct acpi_table_rsdp *p;

	rsdp_make(&r, 0);
	assert_true(acpi_rsdp_valid(&r, 20));
	p = dup_exact(&r, 19);
	assert_false(acpi_rsdp_valid(p, 19));
	free(p);
	assert_false(acpi_rsdp_valid(&r, 8));
	assert_false(acpi_rsdp_valid(&r, 0));
}

static void test_rsdp_v2_valid(void **state)
{
	struct acpi_table_rsdp r;
	struct acpi_table_rsdp *p;

	rsdp_make(&r, 2);
	p = dup_exact(&r, 36);
	assert_true(acpi_rsdp_valid(p, 36));
	free(p);

	/* Revisions above 2 use the same layout. */
	rsdp_make(&r, 6);
	assert_true(acpi_rsdp_valid(&r, sizeof(r)));
}

/* First-20 checksum right, extended one wrong: rejected. */
static void test_rsdp_v2_bad_extended(void **state)
{
	struct acpi_table_rsdp r;

	rsdp_make(&r, 2);
	r.extended_checksum++;
	assert_int_equal(sum8(&r, 20), 0);
	assert_false(acpi_rsdp_valid(&r, 36));

	/* A flipped byte past the first 20 (the XSDT address). */
	rsdp_make(&r, 2);
	r.xsdt_physical_address ^= 1ULL << 40;
	assert_int_equal(sum8(&r, 20), 0);
	assert_false(acpi_rsdp_valid(&r, 36));

	/* ... and in the reserved bytes, which are checksummed too. */
	rsdp_make(&r, 2);
	r.reserved[2] ^= 0x11;
	assert_false(acpi_rsdp_valid(&r, 36));
}

/* ACPI 2.0 needs 36 bytes; no read past what the caller has. */
static void test_rsdp_v2_too_short(void **state)
{
	struct acpi_table_rsdp r;
	struct acpi_table_rsdp *p;

	rsdp_make(&r, 2);
	assert_false(acpi_rsdp_valid(&r, 35));

	p = dup_exact(&r, 20);
	assert_false(acpi_rsdp_valid(p, 20));
	free(p);

	p = dup_exact(&r, 35);
	assert_false(acpi_rsdp_valid(p, 35));
	free(p);

	/* Its own length field below 36 (checksums fixed): rejected too. */
	rsdp_make(&r, 2);
	r.length = 20;
	rsdp_fix(&r);
	assert_false(acpi_rsdp_valid(&r, 36));
}

/* --- acpi_table_valid ------------------------------------------------- */

static void test_table_valid(void **state)
{
	struct acpi_table_header *h = table_make("APIC", 60);
	struct tbl t;

	assert_true(acpi_table_valid(h, ACPI_SIG_MADT, 60));
	free(h);

	/* More mapped than the table needs is fine (bytes after it not summed). */
	tbl_init(&t, "XSDT", sizeof(struct acpi_table_header));
	tbl_add(&t, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
	h = tbl_finish(&t);
	t.buf[t.len] = 0x42;		/* junk after the table */
	free(h);
	assert_true(acpi_table_valid(tbl_hdr(&t), ACPI_SIG_XSDT, t.len + 1));
	assert_true(acpi_table_valid(tbl_hdr(&t), ACPI_SIG_XSDT, sizeof(t.buf)));

	/* A header-only table is the smallest valid one. */
	h = table_make("RSDT", sizeof(*h));
	assert_true(acpi_table_valid(h, ACPI_SIG_RSDT, sizeof(*h)));
	free(h);
}

static void test_table_wrong_signature(void **state)
{
	struct acpi_table_header *h = table_make("APIC", 52);

	assert_false(acpi_table_valid(h, ACPI_SIG_RSDT, 52));
	assert_false(acpi_table_valid(h, "APIc", 52));
	assert_false(acpi_table_valid(h, "XPIC", 52));
	assert_true(acpi_table_valid(h, "APIC", 52));
	free(h);
}

/* A header length below the header's own size: rejected, even if it sums. */
static void test_table_length_below_header(void **state)
{
	static const u32 lens[] = { 0, 1, 9, 10, 35 };
	struct acpi_table_header *h = table_make("APIC", 44);

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		h->length = lens[i];
		/* make the first lens[i] bytes sum to 0 where the checksum is in them */
		if (lens[i] > offsetof(struct acpi_table_header, checksum)) {
			h->checksum = 0;
			h->checksum = -sum8(h, lens[i]);
			assert_int_equal(sum8(h, lens[i]), 0);
		}
		assert_false(acpi_table_valid(h, "APIC", 44));
	}
	free(h);
}

/* A table longer than what is mapped: rejected without reading past mapped. */
static void test_table_longer_than_mapped(void **state)
{
	struct tbl t;
	struct acpi_table_header *h;
	u8 body[24] = { 0 };	/* last byte 0: the first 59 bytes sum to 0 too */

	for (size_t i = 0; i + 1 < sizeof(body); i++)
		body[i] = i * 11;
	tbl_init(&t, "APIC", sizeof(struct acpi_table_header));
	tbl_add(&t, body, sizeof(body));
	free(tbl_finish(&t));
	assert_int_equal(t.len, 60);
	assert_true(acpi_table_valid(tbl_hdr(&t), "APIC", 60));

	h = dup_exact(t.buf, 59);
	assert_false(acpi_table_valid(h, "APIC", 59));
	free(h);

	/* A huge length. */
	tbl_hdr(&t)->length = 0xffffffff;
	assert_false(acpi_table_valid(tbl_hdr(&t), "APIC", 60));

	/* Less mapped than a header: nothing past what is mapped is read. */
	tbl_hdr(&t)->length = 60;
	for (size_t n = 0; n < sizeof(*h); n += 4) {
		h = dup_exact(t.buf, n);
		assert_false(acpi_table_valid(h, "APIC", n));
		assert_false(acpi_table_valid(h, NULL, n));
		free(h);
	}
}

/* Any one byte changed (one bit flipped): rejected. */
static void test_table_flipped_byte(void **state)
{
	const u32 len = 72;
	struct acpi_table_header *h = table_make("XSDT", len);
	u8 *p = (u8 *)h;

	assert_true(acpi_table_valid(h, "XSDT", len));
	for (u32 i = 0; i < len; i++) {
		for (int bit = 0; bit < 8; bit += 3) {
			p[i] ^= 1 << bit;
			assert_false(acpi_table_valid(h, "XSDT", len));
			assert_false(acpi_table_valid(h, NULL, len));
			p[i] ^= 1 << bit;
		}
	}
	assert_true(acpi_table_valid(h, "XSDT", len));
	free(h);
}

/* sig NULL: any signature, still length and checksum checked. */
static void test_table_any_signature(void **state)
{
	struct acpi_table_header *h = table_make("ZQ9!", 40);

	assert_true(acpi_table_valid(h, NULL, 40));
	assert_false(acpi_table_valid(h, "APIC", 40));
	assert_false(acpi_table_valid(h, NULL, 39));
	h->checksum ^= 0x80;
	assert_false(acpi_table_valid(h, NULL, 40));
	free(h);

	h = table_make("FACP", 36);
	assert_true(acpi_table_valid(h, NULL, 36));
	free(h);
}

/* --- acpi_parse_madt -------------------------------------------------- */

/* What QEMU's q35/pc machines build with -smp 4. */
static void test_madt_qemu(void **state)
{
	static const u32 ids[] = { 0, 1, 2, 3 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, ACPI_MADT_PCAT_COMPAT);
	for (int i = 0; i < 4; i++)
		madt_lapic(&t, i, i, ACPI_MADT_ENABLED);
	madt_ioapic(&t, 0, IOAPIC_BASE, 0);
	madt_override(&t, 0, 0, 2, 0);
	madt_override(&t, 0, 5, 5, 0xd);
	madt_override(&t, 0, 9, 9, 0xd);
	madt_override(&t, 0, 10, 10, 0xd);
	madt_override(&t, 0, 11, 11, 0xd);
	madt_raw(&t, ACPI_MADT_TYPE_LOCAL_APIC_NMI, 6, 4);	/* all CPUs, LINT1 */

	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.lapic_address, LAPIC_BASE);
	assert_int_equal(info.flags, ACPI_MADT_PCAT_COMPAT);
	assert_cpus(&info, ids, ids, 4);
	assert_int_equal(info.nr_disabled, 0);
	assert_int_equal(info.nr_dropped_cpus, 0);

	assert_int_equal(info.nr_ioapics, 1);
	assert_int_equal(info.ioapics[0].id, 0);
	assert_int_equal(info.ioapics[0].address, IOAPIC_BASE);
	assert_int_equal(info.ioapics[0].gsi_base, 0);

	assert_int_equal(info.nr_overrides, 5);
	assert_int_equal(info.overrides[0].source_irq, 0);
	assert_int_equal(info.overrides[0].gsi, 2);
	assert_int_equal(info.overrides[0].flags, 0);
	assert_int_equal(info.overrides[1].source_irq, 5);
	assert_int_equal(info.overrides[1].gsi, 5);
	assert_int_equal(info.overrides[1].flags, 0xd);
	assert_int_equal(info.overrides[2].source_irq, 9);
	assert_int_equal(info.overrides[2].gsi, 9);
	assert_int_equal(info.overrides[2].flags, 0xd);	/* level, active high */
	assert_int_equal(info.overrides[4].source_irq, 11);

	assert_int_equal(info.nr_bad_entries, 0);
}

/* Distinct ACPI and APIC ids, several I/O APICs, no PC/AT flag. */
static void test_madt_ids_and_ioapics(void **state)
{
	static const u32 apic[] = { 0x10, 0x12, 0xfe };
	static const u32 acpi[] = { 7, 3, 200 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	madt_ioapic(&t, 8, IOAPIC_BASE, 0);
	for (int i = 0; i < 3; i++)
		madt_lapic(&t, acpi[i], apic[i], ACPI_MADT_ENABLED);
	madt_ioapic(&t, 9, 0xfec01000, 24);
	madt_override(&t, 0, 0, 2, 5);

	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.flags, 0);
	assert_cpus(&info, apic, acpi, 3);
	assert_int_equal(info.nr_ioapics, 2);
	assert_int_equal(info.ioapics[0].id, 8);
	assert_int_equal(info.ioapics[1].id, 9);
	assert_int_equal(info.ioapics[1].address, 0xfec01000);
	assert_int_equal(info.ioapics[1].gsi_base, 24);
	assert_int_equal(info.nr_overrides, 1);
	assert_int_equal(info.overrides[0].flags, 5);
	assert_int_equal(info.nr_bad_entries, 0);
}

/* The header's LAPIC address, replaced by a type 5 entry (64-bit). */
static void test_madt_lapic_override(void **state)
{
	struct tbl t;

	madt_init(&t, LAPIC_BASE, ACPI_MADT_PCAT_COMPAT);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.lapic_address, LAPIC_BASE);

	madt_lapic_override(&t, 0x123456789000ULL);
	madt_lapic(&t, 1, 1, ACPI_MADT_ENABLED);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.lapic_address, 0x123456789000ULL);
	assert_int_equal(info.nr_cpus, 2);
	assert_int_equal(info.nr_bad_entries, 0);

	/* Before any LAPIC entry, as firmware usually puts it. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic_override(&t, 0xfed00000ULL);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.lapic_address, 0xfed00000ULL);
}

/* flags 0: counted as disabled, not a CPU; the ids after it stay in order. */
static void test_madt_disabled_lapic(void **state)
{
	static const u32 ids[] = { 0, 2 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	madt_lapic(&t, 1, 1, 0);
	madt_lapic(&t, 2, 2, ACPI_MADT_ENABLED);
	madt_lapic(&t, 3, 3, 0xfffffffc);	/* reserved bits only */

	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, ids, ids, 2);
	assert_int_equal(info.nr_disabled, 2);
	assert_int_equal(info.nr_dropped_cpus, 0);
	assert_int_equal(info.nr_bad_entries, 0);
}

/* flags 2 (online capable, not enabled): a CPU that can be brought up. */
static void test_madt_online_capable(void **state)
{
	static const u32 apic[] = { 0, 4, 6 };
	static const u32 acpi[] = { 1, 5, 9 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 1, 0, ACPI_MADT_ENABLED);
	madt_lapic(&t, 5, 4, ACPI_MADT_ONLINE_CAPABLE);
	madt_lapic(&t, 9, 6, ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE);

	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, apic, acpi, 3);
	assert_int_equal(info.nr_disabled, 0);
}

/* Entry types not used here are stepped over by their length. */
static void test_madt_unknown_types(void **state)
{
	static const u32 ids[] = { 0, 1, 2 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	madt_raw(&t, ACPI_MADT_TYPE_NMI_SOURCE, 8, 6);
	madt_raw(&t, ACPI_MADT_TYPE_LOCAL_X2APIC, 16, 14);
	madt_lapic(&t, 1, 1, ACPI_MADT_ENABLED);
	madt_raw(&t, 0x7f, 2, 0);			/* header only */
	madt_raw(&t, 0xff, 255, 253);			/* longest possible */
	madt_raw(&t, 0x11, 3, 1);			/* odd length */
	madt_lapic(&t, 2, 2, ACPI_MADT_ENABLED);
	madt_raw(&t, ACPI_MADT_TYPE_LOCAL_APIC_NMI, 6, 4);	/* last entry */

	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, ids, ids, 3);
	assert_int_equal(info.nr_ioapics, 0);
	assert_int_equal(info.nr_overrides, 0);
	assert_int_equal(info.lapic_address, LAPIC_BASE);
	assert_int_equal(info.nr_bad_entries, 0);
}

/* Length 0 or 1: the walk stops there (instead of looping or misreading). */
static void test_madt_entry_length_zero(void **state)
{
	static const u32 ids[] = { 0 };
	static const u8 lens[] = { 0, 1 };
	struct tbl t;

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		madt_init(&t, LAPIC_BASE, 0);
		madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
		madt_raw(&t, ACPI_MADT_TYPE_LOCAL_APIC, lens[i], 6);
		madt_lapic(&t, 1, 1, ACPI_MADT_ENABLED);
		madt_ioapic(&t, 0, IOAPIC_BASE, 0);

		assert_int_equal(parse(&t, &info), 0);
		assert_cpus(&info, ids, ids, 1);
		assert_int_equal(info.nr_ioapics, 0);
		assert_int_equal(info.nr_bad_entries, 1);
	}
}

/* An entry whose length runs past the table: stop, count, no overread. */
static void test_madt_entry_past_end(void **state)
{
	static const u32 ids[] = { 0 };
	struct tbl t;

	/* A LAPIC entry cut to 5 of its 8 bytes by the table's end. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	madt_raw(&t, ACPI_MADT_TYPE_LOCAL_APIC, 8, 3);
	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, ids, ids, 1);
	assert_int_equal(info.nr_disabled, 0);
	assert_int_equal(info.nr_bad_entries, 1);

	/* An I/O APIC entry claiming 200 bytes with 10 left. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	madt_raw(&t, ACPI_MADT_TYPE_IO_APIC, 200, 8);
	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, ids, ids, 1);
	assert_int_equal(info.nr_ioapics, 0);
	assert_int_equal(info.nr_bad_entries, 1);

	/* Only the 2-byte entry header left, claiming one byte more. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	madt_raw(&t, 0x7f, 3, 0);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_bad_entries, 1);

	/* A single trailing byte is no entry: ignored (as Linux does), no read past it. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	tbl_add(&t, "\x00", 1);
	assert_int_equal(parse(&t, &info), 0);
	assert_cpus(&info, ids, ids, 1);
	assert_int_equal(info.nr_bad_entries, 0);
}

/*
 * An entry shorter than its type's layout (but inside the table) is bad
 * and not used; as the last entry, reading its fields would overread.
 */
static void test_madt_entry_too_short_for_type(void **state)
{
	static const struct {
		u8 type, len;
	} cases[] = {
		{ ACPI_MADT_TYPE_LOCAL_APIC, 7 },
		{ ACPI_MADT_TYPE_IO_APIC, 11 },
		{ ACPI_MADT_TYPE_INTERRUPT_OVERRIDE, 9 },
		{ ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE, 11 },
		{ ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE, 4 },
	};
	struct tbl t;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		madt_init(&t, LAPIC_BASE, 0);
		madt_raw(&t, cases[i].type, cases[i].len, cases[i].len - 2);
		t.buf[sizeof(struct acpi_table_madt) + 2] = 0;	/* bus 0 if an override */
		assert_int_equal(parse(&t, &info), 0);
		assert_int_equal(info.nr_cpus, 0);
		assert_int_equal(info.nr_disabled, 0);
		assert_int_equal(info.nr_ioapics, 0);
		assert_int_equal(info.nr_overrides, 0);
		assert_int_equal(info.lapic_address, LAPIC_BASE);
		assert_int_equal(info.nr_bad_entries, 1);
	}

	/* Not last: the walk goes on after it. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_raw(&t, ACPI_MADT_TYPE_LOCAL_APIC, 4, 2);
	madt_lapic(&t, 3, 3, ACPI_MADT_ENABLED);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_cpus, 1);
	assert_int_equal(info.apic_ids[0], 3);
	assert_int_equal(info.nr_bad_entries, 1);
}

/* Overrides are for ISA (bus 0) only. */
static void test_madt_override_bad_bus(void **state)
{
	struct tbl t;

	madt_init(&t, LAPIC_BASE, ACPI_MADT_PCAT_COMPAT);
	madt_override(&t, 0, 0, 2, 0);
	madt_override(&t, 1, 9, 20, 0xd);
	madt_override(&t, 0, 9, 9, 0xd);

	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_overrides, 2);
	assert_int_equal(info.overrides[0].source_irq, 0);
	assert_int_equal(info.overrides[0].gsi, 2);
	assert_int_equal(info.overrides[1].source_irq, 9);
	assert_int_equal(info.overrides[1].gsi, 9);
	assert_int_equal(info.overrides[1].flags, 0xd);
	assert_int_equal(info.nr_bad_entries, 1);
}

/* More LAPICs than MADT_MAX_CPUS: the first ones kept, the rest counted. */
static void test_madt_too_many_cpus(void **state)
{
	const unsigned int extra = 3;
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	for (unsigned int i = 0; i < MADT_MAX_CPUS + extra; i++)
		madt_lapic(&t, i, 255 - (i & 0xff), ACPI_MADT_ENABLED);
	madt_lapic(&t, 0, 0, 0);	/* disabled: not a dropped CPU */

	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_cpus, MADT_MAX_CPUS);
	assert_int_equal(info.nr_dropped_cpus, extra);
	assert_int_equal(info.nr_disabled, 1);
	for (unsigned int i = 0; i < MADT_MAX_CPUS; i++) {
		assert_int_equal(info.apic_ids[i], 255 - i);
		assert_int_equal(info.acpi_ids[i], i);
	}
	assert_int_equal(info.nr_bad_entries, 0);
}

/* More I/O APICs and overrides than the arrays hold: no overflow. */
static void test_madt_too_many_ioapics_overrides(void **state)
{
	struct tbl t;

	madt_init(&t, LAPIC_BASE, 0);
	for (unsigned int i = 0; i < MADT_MAX_IOAPICS + 2; i++)
		madt_ioapic(&t, i, IOAPIC_BASE + i * 0x1000, i * 24);
	for (unsigned int i = 0; i < MADT_MAX_OVERRIDES + 2; i++)
		madt_override(&t, 0, i, i + 100, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);

	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_ioapics, MADT_MAX_IOAPICS);
	assert_int_equal(info.ioapics[MADT_MAX_IOAPICS - 1].gsi_base,
			 (MADT_MAX_IOAPICS - 1) * 24);
	assert_int_equal(info.nr_overrides, MADT_MAX_OVERRIDES);
	assert_int_equal(info.overrides[MADT_MAX_OVERRIDES - 1].gsi,
			 MADT_MAX_OVERRIDES - 1 + 100);
	assert_int_equal(info.nr_cpus, 1);
}

/* A MADT with no entries is valid; one shorter than its header is not. */
static void test_madt_too_short(void **state)
{
	static const u32 lens[] = { 36, 40, 43 };
	struct tbl t;

	madt_init(&t, LAPIC_BASE, ACPI_MADT_PCAT_COMPAT);
	assert_int_equal(parse(&t, &info), 0);
	assert_int_equal(info.nr_cpus, 0);
	assert_int_equal(info.nr_bad_entries, 0);
	assert_int_equal(info.lapic_address, LAPIC_BASE);
	assert_int_equal(info.flags, ACPI_MADT_PCAT_COMPAT);

	for (size_t i = 0; i < ARRAY_SIZE(lens); i++) {
		struct acpi_table_madt *m;

		madt_init(&t, LAPIC_BASE, 0);
		t.len = lens[i];
		m = tbl_finish(&t);
		assert_int_equal(acpi_parse_madt(m, &info), -EINVAL);
		free(m);
	}

	/* The length field, not the buffer, says how long the table is. */
	madt_init(&t, LAPIC_BASE, 0);
	madt_lapic(&t, 0, 0, ACPI_MADT_ENABLED);
	tbl_hdr(&t)->length = 0;
	{
		struct acpi_table_madt *m = dup_exact(t.buf, t.len);

		assert_int_equal(acpi_parse_madt(m, &info), -EINVAL);
		free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checksum_known),
		cmocka_unit_test(test_checksum_exact_buffer),
		cmocka_unit_test(test_rsdp_v1_valid),
		cmocka_unit_test(test_rsdp_bad_signature),
		cmocka_unit_test(test_rsdp_bad_checksum),
		cmocka_unit_test(test_rsdp_too_short),
		cmocka_unit_test(test_rsdp_v2_valid),
		cmocka_unit_test(test_rsdp_v2_bad_extended),
		cmocka_unit_test(test_rsdp_v2_too_short),
		cmocka_unit_test(test_table_valid),
		cmocka_unit_test(test_table_wrong_signature),
		cmocka_unit_test(test_table_length_below_header),
		cmocka_unit_test(test_table_longer_than_mapped),
		cmocka_unit_test(test_table_flipped_byte),
		cmocka_unit_test(test_table_any_signature),
		cmocka_unit_test(test_madt_qemu),
		cmocka_unit_test(test_madt_ids_and_ioapics),
		cmocka_unit_test(test_madt_lapic_override),
		cmocka_unit_test(test_madt_disabled_lapic),
		cmocka_unit_test(test_madt_online_capable),
		cmocka_unit_test(test_madt_unknown_types),
		cmocka_unit_test(test_madt_entry_length_zero),
		cmocka_unit_test(test_madt_entry_past_end),
		cmocka_unit_test(test_madt_entry_too_short_for_type),
		cmocka_unit_test(test_madt_override_bad_bus),
		cmocka_unit_test(test_madt_too_many_cpus),
		cmocka_unit_test(test_madt_too_many_ioapics_overrides),
		cmocka_unit_test(test_madt_too_short),
	};

	return cmocka_run_group_tests_name("acpi", tests, NULL, NULL);
}
