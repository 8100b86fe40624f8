// SPDX-License-Identifier: GPL-2.0
/*
 * Checking and walking ACPI tables (Linux: drivers/acpi/tables.c,
 * drivers/acpi/acpica/tbutils.c, and the MADT handlers of
 * arch/x86/kernel/acpi/boot.c).
 *
 * Every ACPI table carries a checksum: all its bytes sum to 0 mod 256.
 * A table that fails it, or whose length is impossible, is not used.
 * acpi_parse_madt() walks the MADT's variable-length entries and collects
 * the CPUs (local APICs), I/O APICs and ISA interrupt overrides; an entry
 * whose length runs past the table ends the walk, never a read past it.
 * Pure code: the host tests build this file and feed it tables they make.
 */
#include <linux/acpi.h>
#include <linux/err.h>
#include <linux/string.h>

u8 acpi_checksum(const void *buf, size_t len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

bool acpi_rsdp_valid(const struct acpi_table_rsdp *rsdp, size_t len)
{
	if (len < 20 || memcmp(rsdp->signature, ACPI_SIG_RSDP, 8))
		return false;
	if (acpi_checksum(rsdp, 20))
		return false;
	/* ACPI 2.0+: the extended part has its own checksum. */
	if (rsdp->revision >= 2)
		return len >= 36 && rsdp->length >= 36 && !acpi_checksum(rsdp, 36);
	return true;
}

/* Signature, a length that fits what is mapped, and the checksum. */
bool acpi_table_valid(const struct acpi_table_header *hdr, const char *sig, size_t mapped)
{
	if (mapped < sizeof(*hdr) || (sig && memcmp(hdr->signature, sig, 4)))
		return false;
	if (hdr->length < sizeof(*hdr) || hdr->length > mapped)
		return false;
	return !acpi_checksum(hdr, hdr->length);
}

static void madt_add_cpu(struct madt_info *info, u32 apic_id, u32 acpi_id, u32 flags)
{
	if (!(flags & (ACPI_MADT_ENABLED | ACPI_MADT_ONLINE_CAPABLE))) {
		info->nr_disabled++;
		return;
	}
	if (info->nr_cpus == MADT_MAX_CPUS) {
		info->nr_dropped_cpus++;
		return;
	}
	info->apic_ids[info->nr_cpus] = apic_id;
	info->acpi_ids[info->nr_cpus] = acpi_id;
	info->nr_cpus++;
}

static void madt_entry(struct madt_info *info, const struct acpi_subtable_header *h)
{
	switch (h->type) {
	case ACPI_MADT_TYPE_LOCAL_APIC: {
		const struct acpi_madt_local_apic *e = (const void *)h;

		if (h->length < sizeof(*e))
			goto bad;
		madt_add_cpu(info, e->id, e->processor_id, e->lapic_flags);
		break;
	}
	case ACPI_MADT_TYPE_IO_APIC: {
		const struct acpi_madt_io_apic *e = (const void *)h;

		if (h->length < sizeof(*e))
			goto bad;
		if (info->nr_ioapics < MADT_MAX_IOAPICS) {
			info->ioapics[info->nr_ioapics].id = e->id;
			info->ioapics[info->nr_ioapics].address = e->address;
			info->ioapics[info->nr_ioapics].gsi_base = e->global_irq_base;
			info->nr_ioapics++;
		}
		break;
	}
	case ACPI_MADT_TYPE_INTERRUPT_OVERRIDE: {
		const struct acpi_madt_interrupt_override *e = (const void *)h;

		if (h->length < sizeof(*e) || e->bus != 0)
			goto bad;
		if (info->nr_overrides < MADT_MAX_OVERRIDES) {
			info->overrides[info->nr_overrides].source_irq = e->source_irq;
			info->overrides[info->nr_overrides].gsi = e->global_irq;
			info->overrides[info->nr_overrides].flags = e->inti_flags;
			info->nr_overrides++;
		}
		break;
	}
	case ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE: {
		const struct acpi_madt_local_apic_override *e = (const void *)h;

		if (h->length < sizeof(*e))
			goto bad;
		info->lapic_address = e->address;
		break;
	}
	default:
		break;		/* NMI sources, x2APIC, ...: not needed here */
	}
	return;
bad:
	info->nr_bad_entries++;
}

/* Collect the MADT into info; -EINVAL if the table itself is unusable. */
int acpi_parse_madt(const struct acpi_table_madt *madt, struct madt_info *info)
{
	const u8 *p, *end;

	memset(info, 0, sizeof(*info));
	if (madt->header.length < sizeof(*madt))
		return -EINVAL;
	info->lapic_address = madt->address;
	info->flags = madt->flags;
	p = (const u8 *)(madt + 1);
	end = (const u8 *)madt + madt->header.length;
	while (p + sizeof(struct acpi_subtable_header) <= end) {
		const struct acpi_subtable_header *h = (const void *)p;

		if (h->length < sizeof(*h) || p + h->length > end) {
			info->nr_bad_entries++;
			break;
		}
		madt_entry(info, h);
		p += h->length;
	}
	return 0;
}
