/* SPDX-License-Identifier: GPL-2.0 */
/* The local APIC and I/O APIC (Linux: arch/x86/include/asm/apic.h, apicdef.h). */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <linux/types.h>

#define APIC_ID 0x20
#define APIC_LVR 0x30
#define APIC_TASKPRI 0x80
#define APIC_EOI 0xb0
#define APIC_SPIV 0xf0
#define APIC_SPIV_APIC_ENABLED (1 << 8)
#define APIC_ESR 0x280
#define APIC_ICR 0x300
#define APIC_ICR2 0x310
#define APIC_LVTT 0x320
#define APIC_LVT0 0x350
#define APIC_LVT1 0x360
#define APIC_LVTERR 0x370
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0

#define APIC_ICR_BUSY (1 << 12)
#define APIC_INT_LEVELTRIG (1 << 15)
#define APIC_INT_ASSERT (1 << 14)
#define APIC_DM_FIXED 0x00000
#define APIC_DM_NMI 0x00400
#define APIC_DM_INIT 0x00500
#define APIC_DM_STARTUP 0x00600
#define APIC_LVT_MASKED (1 << 16)
#define APIC_LVT_TIMER_PERIODIC (1 << 17)
#define APIC_TDR_DIV_16 0x3

#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_APICBASE_ENABLE (1 << 11)

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 val);
void apic_eoi(void);
void apic_wait_icr_idle(void);
u32 safe_apic_wait_icr_idle(void);
void apic_send_IPI(int cpu, int vector);
void apic_icr_write(u32 low, u32 apicid);
u32 read_apic_id(void);
void init_bsp_APIC(void);
void setup_local_APIC(void);
void disable_local_APIC(void);
void calibrate_APIC_clock(void);
void setup_APIC_timer(void);
void setup_IO_APIC(void);
/*
 * Send ISA IRQ irq to handler (which ends with apic_eoi()), unmasked, on
 * CPU 0 (Linux: request_irq() of a legacy line). -ENODEV without an I/O APIC.
 */
struct pt_regs;
int io_apic_request_isa_irq(unsigned int irq, void (*handler)(struct pt_regs *regs));
void legacy_pic_mask_all(void);
extern unsigned int lapic_timer_period;
extern bool apic_present;

#endif /* _ASM_APIC_H */
