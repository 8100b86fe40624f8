/* SPDX-License-Identifier: GPL-2.0 */
/* CPU numbering for SMP (Linux: arch/x86/include/asm/smp.h, topology). */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

#define BAD_APICID 0xffffffffu

/* Logical CPU number -> local APIC id; the boot CPU is always CPU 0. */
extern u32 x86_cpu_to_apicid[NR_CPUS];
extern int setup_possible_cpus;
DECLARE_PER_CPU(u32, cpu_initial_apicid);

void prefill_possible_map(void);
u32 read_boot_cpu_apicid(void);
void reserve_real_mode(void);
extern unsigned long initial_stack, initial_gs;
extern int smpboot_delay_ap_cpu;
extern unsigned int smpboot_delay_ap_ms;

#endif /* _ASM_SMP_H */
