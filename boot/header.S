/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiboot2 header GRUB looks for in the first 32 KiB of the image.
 * Linux's counterpart is the bzImage setup header (arch/x86/boot/header.S):
 * both tell the boot loader what the kernel wants. We ask for the memory
 * map, the command line, modules and the ACPI RSDP (these come anyway) and
 * give GRUB the physical entry point, since the ELF's own addresses are in
 * the higher half.
 */
#include <asm/page.h>

#define MB2_MAGIC 0xe85250d6
#define MB2_ARCH_I386 0

	.section ".head.mb2", "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	/* information request: cmdline(1), modules(3), mmap(6), ACPI old/new(14/15) */
	.balign 8
mb2_info_req:
	.short 1, 1		/* type 1, optional */
	.long mb2_info_req_end - mb2_info_req
	.long 1, 3, 6
mb2_info_req_end:

	/* entry address: where to jump, as a physical address */
	.balign 8
	.short 3, 0
	.long 12
	.long startup_32 - __START_KERNEL_map

	/* end tag */
	.balign 8
	.short 0, 0
	.long 8
mb2_header_end:
