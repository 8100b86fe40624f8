/* SPDX-License-Identifier: GPL-2.0 */
/* CPU numbering for SMP (Linux: arch/x86/include/asm/smp.h, topology). */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

#include <linux/atomic.h>
#include <linux/percpu-defs.h>
#include <linux/types.h>

#define BAD_APICID 0xffffffffu

/* Logical CPU number -> local APIC id; the boot CPU is always CPU 0. */
extern u32 x86_cpu_to_apicid[NR_CPUS];
extern int setup_possible_cpus;
DECLARE_PER_CPU(u32, cpu_initial_apicid);

struct pt_regs;

void prefill_possible_map(void);
/* kernel/smp.c: stopping the other CPUs (Linux: smp_ops.stop_other_cpus). */
void smp_send_stop(void);
void __noreturn stop_this_cpu(void *dummy);
void sysvec_reboot(struct pt_regs *regs);
u32 read_boot_cpu_apicid(void);
void reserve_real_mode(void);
DECLARE_PER_CPU(unsigned long, initial_stack);

/* AP bring-up handshake states (Linux: enum cpuhp_sync_state, kernel/cpu.c). */
enum cpuhp_sync_state {
	SYNC_STATE_DEAD,
	SYNC_STATE_KICKED,
	SYNC_STATE_SHOULD_DIE,
	SYNC_STATE_ALIVE,
	SYNC_STATE_SHOULD_ONLINE,
	SYNC_STATE_ONLINE,
};
DECLARE_PER_CPU(atomic_t, ap_sync_state);
extern phys_addr_t trampoline_phys;
extern int smpboot_delay_ap_cpu;
extern unsigned int smpboot_delay_ap_ms;

#endif /* _ASM_SMP_H */
