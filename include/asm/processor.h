/* SPDX-License-Identifier: GPL-2.0 */
/* CPUID and MSRs (arch/x86/include/asm/processor.h, msr.h, cpufeatures.h). */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>

#include <asm/msr-index.h>

static inline void cpuid_count(u32 op, u32 count, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(op), "c"(count));
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

/* The few CPU features the kernel looks at (cpuinfo_x86 in Linux). */
struct cpuinfo_x86 {
	char x86_vendor_id[13];
	char x86_model_id[49];
	bool has_nx, has_gbpages, has_pge, has_la57, has_apic, has_tsc;
};

extern struct cpuinfo_x86 boot_cpu_data;
void early_cpu_init(void);

#endif /* _ASM_PROCESSOR_H */
