/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables (Linux: include/linux/percpu-defs.h, percpu.h).
 *
 * DEFINE_PER_CPU(type, name) puts the variable in the per-CPU section.
 * That section is a template: setup_per_cpu_areas() makes one copy per
 * possible CPU and records, for each CPU, the distance from the template
 * to its copy in __per_cpu_offset[cpu]. Any per-CPU address plus that
 * offset is the CPU's own instance: per_cpu_ptr(&var, cpu). On x86 the
 * running CPU's offset also sits in the GS base register, so
 * this_cpu_read(var) is one %gs:-prefixed instruction (asm/percpu.h).
 */
#ifndef _LINUX_PERCPU_DEFS_H
#define _LINUX_PERCPU_DEFS_H

#include <asm/percpu.h>
#include <linux/compiler.h>

#define NR_CPUS 64

/* Marks a pointer into the per-CPU template (sparse checks it in Linux). */
#define __percpu

#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name) \
	__section(PER_CPU_BASE_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	__section(PER_CPU_BASE_SECTION) __aligned(64) __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];
extern unsigned int nr_cpu_ids;

#define per_cpu_offset(cpu) (__per_cpu_offset[cpu])
#define SHIFT_PERCPU_PTR(ptr, off) \
	((__typeof__(ptr))((unsigned long)(ptr) + (unsigned long)(off)))
#define per_cpu_ptr(ptr, cpu) SHIFT_PERCPU_PTR(ptr, per_cpu_offset(cpu))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)

void setup_per_cpu_areas(void);

#endif /* _LINUX_PERCPU_DEFS_H */
