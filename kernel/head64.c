// SPDX-License-Identifier: GPL-2.0
/*
 * The first C code: x86_64_start_kernel() (Linux: arch/x86/kernel/head64.c).
 *
 * Called from boot/head_64.S on the boot stack, in the higher half, with
 * the early page tables. It fixes the paging-mode variables, brings up the
 * serial console, installs the GDT/TSS/IDT so that any fault from here on
 * is reported instead of triple-faulting, and copies the multiboot2 boot
 * information into boot_params before anything can overwrite it. Then it
 * hands over to the generic start_kernel().
 */
#include <asm/bootparam.h>
#include <asm/setup.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/string.h>

struct boot_params boot_params;
char boot_command_line[COMMAND_LINE_SIZE];


static __noreturn void halt_forever(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

void x86_64_start_kernel(u32 magic, u32 mbi_phys)
{
	int err;

	setup_paging_mode();
	early_serial_init();
	early_cpu_init();
	cpu_init();
	idt_setup_traps();

	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC) {
		pr_emerg("multiboot2: wrong boot loader magic %#x (expected %#x): not started by a multiboot2 loader; halting\n",
			 magic, MULTIBOOT2_BOOTLOADER_MAGIC);
		halt_forever();
	}
	/* The early tables map the first GiB at PAGE_OFFSET; GRUB puts the info there. */
	if (mbi_phys >= SZ_1G)
		panic("multiboot2: boot information at %#x, above the early mapping", mbi_phys);
	err = multiboot2_parse(__va(mbi_phys), mbi_phys, &boot_params);
	if (err)
		panic("multiboot2: malformed boot information at %#x (error %d)", mbi_phys, err);
	memcpy(boot_command_line, boot_params.cmdline, COMMAND_LINE_SIZE);

	start_kernel();
	halt_forever();
}
