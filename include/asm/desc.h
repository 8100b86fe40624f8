/* SPDX-License-Identifier: GPL-2.0 */
/* Descriptor tables: GDT, TSS, IDT (arch/x86/include/asm/desc*.h, processor.h). */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <asm/segment.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct desc_ptr {
	u16 size;
	u64 address;
} __packed;

/* The hardware task-state segment: 64-bit mode only uses it for stacks. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0, sp1, sp2;	/* stacks for entry from rings 0-2 */
	u64 reserved2;
	u64 ist[7];		/* interrupt stack table */
	u32 reserved3, reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 ist;
	u8 type_attr;		/* present, DPL, type */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT 0xe
#define IDT_ENTRIES 256

void cpu_init(void);
void idt_setup_traps(void);
void load_idt(const struct desc_ptr *dtr);
void load_current_idt(void);

#endif /* _ASM_DESC_H */
