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
	bool has_smep, has_smap, has_xsave, has_fxsr, has_umip;
	u32 x86_capability_1_edx, x86_capability_1_ecx;	/* CPUID.1 (AT_HWCAP is EDX) */
};

extern struct cpuinfo_x86 boot_cpu_data;
void early_cpu_init(void);


/*
 * The user address-space layout (Linux: asm/page_64_types.h,
 * asm/processor.h). User space is 128 TiB (47 bits) with 4-level paging;
 * with 5-level it may reach 64 PiB (56 bits), but mmap() hands out
 * addresses above DEFAULT_MAP_WINDOW only when the hint asks for them,
 * as Linux does, so programs that keep tags in high pointer bits work.
 */
#define DEFAULT_MAP_WINDOW ((1UL << 47) - 4096)
#define TASK_SIZE_LOW DEFAULT_MAP_WINDOW
#define TASK_SIZE TASK_SIZE_MAX			/* linux/uaccess.h */
#define STACK_TOP DEFAULT_MAP_WINDOW
#define STACK_TOP_MAX TASK_SIZE_MAX

struct pt_regs;
struct task_struct;

/* The user registers saved at the top of p's kernel stack (Linux: task_pt_regs). */
struct pt_regs *task_pt_regs(struct task_struct *p);
/* Set up regs for the first return to user mode of a new program (exec). */
void start_thread(struct pt_regs *regs, unsigned long new_ip, unsigned long new_sp);
/* exec: reset what the old program set (fs/gs bases, FPU state). */
void arch_setup_new_exec(void);

#endif /* _ASM_PROCESSOR_H */
