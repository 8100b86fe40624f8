/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT layout, the same as Linux's arch/x86/include/asm/segment.h for
 * 64-bit, so an oops prints "RIP: 0010:" here exactly as it does on Linux.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS 1
#define GDT_ENTRY_KERNEL_CS 2
#define GDT_ENTRY_KERNEL_DS 3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS 8		/* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES 16

#define __KERNEL32_CS (GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS (GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)

/* Interrupt stacks in the TSS (asm/page_64_types.h: IST_INDEX_*). */
#define IST_INDEX_DF 0
#define IST_INDEX_NMI 1
#define IST_INDEX_MCE 2
#define N_EXCEPTION_STACKS 3
#define EXCEPTION_STKSZ 4096

#endif /* _ASM_SEGMENT_H */
