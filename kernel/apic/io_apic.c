// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O APIC and the legacy 8259 PIC (Linux: arch/x86/kernel/apic/io_apic.c,
 * arch/x86/kernel/i8259.c).
 *
 * Device interrupt lines (ISA IRQ 0-15 and more, "GSIs") enter the I/O
 * APIC, whose redirection table says, per line, which vector to raise on
 * which CPU and how the line signals (edge or level, high or low). ISA
 * IRQ n is GSI n unless the MADT has an interrupt source override; on a
 * PC the PIT's IRQ 0 is GSI 2. The old 8259 PICs are remapped away from
 * the exception vectors and masked for good: the I/O APIC replaces them.
 * Routed here: COM1 (IRQ 4), whose input interrupts go to ttyS0's line
 * discipline; the PIT (IRQ 0) is routed but left masked, the APIC timer
 * ticks instead. Drivers route their own lines with
 * io_apic_request_isa_irq() (the i8042 keyboard, IRQ 1).
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/ioremap.h>
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <asm/smp.h>
#include <linux/acpi.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/serial.h>

#define IO_APIC_REG_SELECT 0x00
#define IO_APIC_REG_WINDOW 0x10
#define IO_APIC_VERSION 0x01
#define IO_APIC_REDIR(n) (0x10 + 2 * (n))
#define IO_APIC_MASKED (1 << 16)
#define IO_APIC_LEVEL (1 << 15)
#define IO_APIC_ACTIVE_LOW (1 << 13)

static void __iomem *ioapic_base;
static unsigned int ioapic_gsi_base, ioapic_nr_redir;

static u32 io_apic_read(u32 reg)
{
	writel(reg, ioapic_base + IO_APIC_REG_SELECT);
	return readl((char *)ioapic_base + IO_APIC_REG_WINDOW);
}

static void io_apic_write(u32 reg, u32 val)
{
	writel(reg, ioapic_base + IO_APIC_REG_SELECT);
	writel(val, (char *)ioapic_base + IO_APIC_REG_WINDOW);
}

/* Remap the 8259s to vectors 0x20-0x2f, then mask every line (Linux: init_8259A(0)). */
void legacy_pic_mask_all(void)
{
	outb(0x11, 0x20);	/* ICW1: init, ICW4 follows */
	outb(0x11, 0xa0);
	outb(0x20, 0x21);	/* ICW2: vector bases */
	outb(0x28, 0xa1);
	outb(0x04, 0x21);	/* ICW3: cascade on IRQ 2 */
	outb(0x02, 0xa1);
	outb(0x01, 0x21);	/* ICW4: 8086 mode */
	outb(0x01, 0xa1);
	outb(0xff, 0x21);	/* mask all */
	outb(0xff, 0xa1);
}

/* ISA IRQ -> GSI and line flags, from the MADT's overrides (Linux: mp_irqs). */
static u32 isa_irq_to_gsi(unsigned int irq, u32 *redir_flags)
{
	*redir_flags = 0;	/* ISA default: edge, active high */
	for (unsigned int i = 0; i < acpi_madt.nr_overrides; i++) {
		u16 f = acpi_madt.overrides[i].flags;

		if (acpi_madt.overrides[i].source_irq != irq)
			continue;
		if ((f & 3) == 3)
			*redir_flags |= IO_APIC_ACTIVE_LOW;
		if ((f & 0xc) == 0xc)
			*redir_flags |= IO_APIC_LEVEL;
		return acpi_madt.overrides[i].gsi;
	}
	return irq;
}

static void route_isa_irq(unsigned int irq, bool unmask)
{
	u32 flags, gsi = isa_irq_to_gsi(irq, &flags), pin = gsi - ioapic_gsi_base;

	if (gsi < ioapic_gsi_base || pin >= ioapic_nr_redir)
		return;
	flags |= ISA_IRQ_VECTOR(irq) | (unmask ? 0 : IO_APIC_MASKED);
	io_apic_write(IO_APIC_REDIR(pin) + 1, x86_cpu_to_apicid[0] << 24);
	io_apic_write(IO_APIC_REDIR(pin), flags);
	pr_info("IOAPIC: IRQ %u -> GSI %u -> vector %#x on CPU0%s\n", irq, gsi,
		ISA_IRQ_VECTOR(irq), unmask ? "" : " (masked)");
}

static void serial_interrupt(struct pt_regs *regs)
{
	int c;

	while ((c = serial_getc_nonblock()) >= 0)
		serial_rx_push(c);
	apic_eoi();
}

int io_apic_request_isa_irq(unsigned int irq, void (*handler)(struct pt_regs *regs))
{
	if (!ioapic_base || irq >= 16)
		return -ENODEV;
	set_vector_handler(ISA_IRQ_VECTOR(irq), handler);
	route_isa_irq(irq, true);
	return 0;
}

void setup_IO_APIC(void)
{
	u32 ver;

	legacy_pic_mask_all();
	if (!acpi_madt_found || !acpi_madt.nr_ioapics) {
		pr_warn("IOAPIC: none in the MADT; device interrupts stay off\n");
		return;
	}
	ioapic_base = ioremap(acpi_madt.ioapics[0].address, 4096);
	if (!ioapic_base)
		return;
	ioapic_gsi_base = acpi_madt.ioapics[0].gsi_base;
	ver = io_apic_read(IO_APIC_VERSION);
	ioapic_nr_redir = ((ver >> 16) & 0xff) + 1;
	for (unsigned int pin = 0; pin < ioapic_nr_redir; pin++)
		io_apic_write(IO_APIC_REDIR(pin), IO_APIC_MASKED);
	pr_info("IOAPIC[0]: apic_id %u, version %u, address %#x, GSI %u-%u\n",
		acpi_madt.ioapics[0].id, ver & 0xff, acpi_madt.ioapics[0].address,
		ioapic_gsi_base, ioapic_gsi_base + ioapic_nr_redir - 1);
	route_isa_irq(0, false);
	set_vector_handler(ISA_IRQ_VECTOR(4), serial_interrupt);
	route_isa_irq(4, true);
	serial_enable_rx_interrupt();
}
