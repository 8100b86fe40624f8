// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the CPUs and interrupt controllers in ACPI at boot (Linux:
 * arch/x86/kernel/acpi/boot.c: acpi_boot_table_init, acpi_boot_init,
 * acpi_parse_lapic/ioapic/int_src_ovr; drivers/acpi/tables.c).
 *
 * RSDP (copied from GRUB's multiboot2 tag, else searched for in the BIOS
 * areas) -> XSDT (ACPI 2.0+) or RSDT -> the MADT ("APIC"), each table's
 * checksum verified. The tables sit in firmware-reserved memory, outside
 * the direct map, so they are mapped with ioremap_cache(). A missing or
 * broken MADT is not fatal: the kernel boots on the boot CPU alone, with
 * a warning, as Linux does.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <asm/bootparam.h>
#include <asm/ioremap.h>
#include <asm/page.h>
#include <linux/acpi.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>


struct madt_info acpi_madt;
bool acpi_madt_found;

/* The BIOS areas where an RSDP may live (Linux: acpi_find_root_pointer). */
static const struct acpi_table_rsdp *scan_for_rsdp(phys_addr_t start, phys_addr_t end)
{
	for (phys_addr_t p = start; p + 36 <= end; p += 16) {
		const struct acpi_table_rsdp *r = __va(p);

		if (acpi_rsdp_valid(r, end - p))
			return r;
	}
	return NULL;
}

static const struct acpi_table_rsdp *acpi_find_rsdp(void)
{
	const struct acpi_table_rsdp *rsdp = (const void *)boot_params.rsdp;
	phys_addr_t ebda;

	if (boot_params.rsdp_len) {
		if (acpi_rsdp_valid(rsdp, boot_params.rsdp_len))
			return rsdp;
		pr_warn("RSDP from the boot loader fails its checksum; searching the BIOS areas\n");
	}
	ebda = (phys_addr_t)(*(u16 *)__va(0x40e)) << 4;
	if (ebda >= 0x80000 && ebda < 0xa0000 && (rsdp = scan_for_rsdp(ebda, ebda + 1024)))
		return rsdp;
	return scan_for_rsdp(0xe0000, 0x100000);
}

static void print_table(const char *sig, phys_addr_t pa, const struct acpi_table_header *h)
{
	pr_info("%.4s %#018llx %06x (v%02d %.6s %.8s %08x %.4s %08x)\n", sig,
		(unsigned long long)pa, h->length, h->revision, h->oem_id, h->oem_table_id,
		h->oem_revision, h->asl_compiler_id, h->asl_compiler_revision);
}

/* Map a whole table whose header is at pa; NULL if it is not a valid sig table. */
static const struct acpi_table_header *acpi_map_table(phys_addr_t pa, const char *sig)
{
	const struct acpi_table_header *h = ioremap_cache(pa, sizeof(*h));
	u32 len;

	if (!h)
		return NULL;
	if (sig && memcmp(h->signature, sig, 4))
		return NULL;
	len = h->length;
	if (len < sizeof(*h) || len > (1U << 20)) {
		pr_warn("%.4s at %#llx has an impossible length %u; ignored\n", h->signature,
			(unsigned long long)pa, len);
		return NULL;
	}
	h = ioremap_cache(pa, len);
	if (!h)
		return NULL;
	if (!acpi_table_valid(h, sig, len)) {
		pr_warn("%.4s at %#llx fails its checksum; ignored\n", h->signature,
			(unsigned long long)pa);
		return NULL;
	}
	print_table(h->signature, pa, h);
	return h;
}

/* Walk the RSDT (32-bit entries) or XSDT (64-bit entries) for sig. */
static const struct acpi_table_header *acpi_find_table(const struct acpi_table_header *root,
						       bool xsdt, const char *sig)
{
	unsigned int entry_size = xsdt ? 8 : 4;
	unsigned int n = (root->length - sizeof(*root)) / entry_size;
	const u8 *entries = (const u8 *)(root + 1);

	for (unsigned int i = 0; i < n; i++) {
		u64 pa = xsdt ? *(const u64 *)(entries + i * 8) : *(const u32 *)(entries + i * 4);
		const struct acpi_table_header *h = ioremap_cache(pa, sizeof(*h));

		if (h && !memcmp(h->signature, sig, 4))
			return acpi_map_table(pa, sig);
	}
	return NULL;
}

static void print_madt(const struct madt_info *m)
{
	pr_info("Local APIC address %#llx\n", (unsigned long long)m->lapic_address);
	for (unsigned int i = 0; i < m->nr_cpus; i++)
		pr_info("LAPIC (acpi_id[0x%02x] lapic_id[0x%02x] enabled)\n", m->acpi_ids[i],
			m->apic_ids[i]);
	for (unsigned int i = 0; i < m->nr_ioapics; i++)
		pr_info("IOAPIC (id[0x%02x] address[%#x] gsi_base[%u])\n", m->ioapics[i].id,
			m->ioapics[i].address, m->ioapics[i].gsi_base);
	for (unsigned int i = 0; i < m->nr_overrides; i++)
		pr_info("INT_SRC_OVR (bus 0 bus_irq %u global_irq %u %s %s)\n",
			m->overrides[i].source_irq, m->overrides[i].gsi,
			(m->overrides[i].flags & 3) == 3 ? "low" : (m->overrides[i].flags & 3) ? "high" : "dfl",
			(m->overrides[i].flags & 0xc) == 0xc ? "level" : (m->overrides[i].flags & 0xc) ? "edge" : "dfl");
	if (m->nr_disabled)
		pr_info("%u disabled LAPIC entries skipped\n", m->nr_disabled);
	if (m->nr_bad_entries)
		pr_warn("MADT: %u malformed entries skipped\n", m->nr_bad_entries);
}

void acpi_boot_init(void)
{
	const struct acpi_table_rsdp *rsdp = acpi_find_rsdp();
	const struct acpi_table_header *root, *madt;
	bool xsdt;

	if (!rsdp) {
		pr_warn("no valid RSDP found; booting on the boot CPU only\n");
		return;
	}
	pr_info("RSDP (v%02d %.6s)\n", rsdp->revision, rsdp->oem_id);
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_physical_address;
	root = xsdt ? acpi_map_table(rsdp->xsdt_physical_address, ACPI_SIG_XSDT)
		    : acpi_map_table(rsdp->rsdt_physical_address, ACPI_SIG_RSDT);
	if (!root) {
		pr_warn("no valid RSDT/XSDT; booting on the boot CPU only\n");
		return;
	}
	madt = acpi_find_table(root, xsdt, ACPI_SIG_MADT);
	if (!madt || acpi_parse_madt((const void *)madt, &acpi_madt)) {
		pr_warn("no valid MADT; booting on the boot CPU only\n");
		return;
	}
	print_madt(&acpi_madt);
	acpi_madt_found = acpi_madt.nr_cpus > 0;
}
