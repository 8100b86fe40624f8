/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables the kernel reads at boot (Linux: include/acpi/actbl.h,
 * actbl1.h, actbl2.h for the layouts; include/linux/acpi.h for the API).
 * Only what SMP bring-up needs: RSDP -> RSDT/XSDT -> MADT.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/compiler.h>
#include <linux/types.h>

#define ACPI_SIG_RSDP "RSD PTR "
#define ACPI_SIG_RSDT "RSDT"
#define ACPI_SIG_XSDT "XSDT"
#define ACPI_SIG_MADT "APIC"

struct acpi_table_rsdp {
	char signature[8];
	u8 checksum;			/* of the first 20 bytes */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0, 2: ACPI 2.0+ */
	u32 rsdt_physical_address;
	u32 length;			/* ACPI 2.0+ from here on */
	u64 xsdt_physical_address;
	u8 extended_checksum;		/* of all 36 bytes */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;			/* whole table, header included */
	u8 revision;
	u8 checksum;			/* all bytes sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

struct acpi_table_madt {
	struct acpi_table_header header;
	u32 address;			/* local APIC physical address */
	u32 flags;			/* ACPI_MADT_PCAT_COMPAT: has 8259s */
} __packed;

#define ACPI_MADT_PCAT_COMPAT 1

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_NMI_SOURCE = 3,
	ACPI_MADT_TYPE_LOCAL_APIC_NMI = 4,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
	ACPI_MADT_TYPE_LOCAL_X2APIC = 9,
};

struct acpi_subtable_header {
	u8 type;
	u8 length;
} __packed;

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;
	u8 id;				/* local APIC id */
	u32 lapic_flags;
} __packed;

#define ACPI_MADT_ENABLED 1
#define ACPI_MADT_ONLINE_CAPABLE 2

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;
	u32 global_irq_base;
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;
	u8 source_irq;
	u32 global_irq;
	u16 inti_flags;			/* polarity (bits 0-1), trigger (bits 2-3) */
} __packed;

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;
} __packed;

/* What the MADT says, collected (drivers/acpi/tables.c: acpi_parse_madt). */
#define MADT_MAX_CPUS 256
#define MADT_MAX_IOAPICS 8
#define MADT_MAX_OVERRIDES 16

struct madt_info {
	u64 lapic_address;
	u32 flags;
	unsigned int nr_cpus;		/* usable local APIC entries */
	unsigned int nr_disabled;	/* entries neither enabled nor online-capable */
	u32 apic_ids[MADT_MAX_CPUS];
	u32 acpi_ids[MADT_MAX_CPUS];
	unsigned int nr_dropped_cpus;
	unsigned int nr_ioapics;
	struct {
		u32 id, address, gsi_base;
	} ioapics[MADT_MAX_IOAPICS];
	unsigned int nr_overrides;
	struct {
		u8 source_irq;
		u32 gsi;
		u16 flags;
	} overrides[MADT_MAX_OVERRIDES];
	unsigned int nr_bad_entries;
};

u8 acpi_checksum(const void *buf, size_t len);
bool acpi_rsdp_valid(const struct acpi_table_rsdp *rsdp, size_t len);
bool acpi_table_valid(const struct acpi_table_header *hdr, const char *sig, size_t mapped);
int acpi_parse_madt(const struct acpi_table_madt *madt, struct madt_info *info);

/* Kernel only (kernel/acpi/boot.c). */
extern struct madt_info acpi_madt;
extern bool acpi_madt_found;
void acpi_boot_init(void);

#endif /* _LINUX_ACPI_H */
