// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU areas (Linux: arch/x86/kernel/setup_percpu.c, mm/percpu.c).
 *
 * The linker gathers every DEFINE_PER_CPU variable between
 * __per_cpu_start and __per_cpu_end. setup_per_cpu_areas() copies that
 * template once per possible CPU, from memblock, records each copy's
 * distance from the template in __per_cpu_offset[cpu] (and in the copy's
 * own this_cpu_off), and points the boot CPU's GS base at its copy.
 * From then on this_cpu_read(x) on CPU n reads n's copy of x. Secondary
 * CPUs load their GS base when they come up (SMP issue).
 *
 * Each CPU's area also has PERCPU_DYNAMIC_RESERVE bytes after the static
 * part, which mm/percpu.c hands out with alloc_percpu(). How many CPUs
 * are possible was settled just before, by prefill_possible_map()
 * (kernel/smpboot.c) from ACPI's MADT or the possible_cpus= option.
 */
#include <asm/msr-index.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

unsigned long __per_cpu_offset[NR_CPUS];
unsigned int nr_cpu_ids = 1;

DEFINE_PER_CPU(unsigned long, this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;

void setup_per_cpu_areas(void)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	size_t unit = ALIGN(ALIGN(size, 8) + PERCPU_DYNAMIC_RESERVE, PAGE_SIZE);
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		char *area = memblock_alloc(unit, PAGE_SIZE);

		if (!area)
			panic("percpu: cannot allocate %zu bytes for CPU %u", unit, cpu);
		memcpy(area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
		per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
		per_cpu(cpu_number, cpu) = cpu;
	}
	pcpu_setup_first_chunk(size);
	/* The boot CPU switches from the template to its own copy. */
	wrmsr(MSR_GS_BASE, __per_cpu_offset[0]);
	pr_info("percpu: %u possible CPUs, %zu bytes static + %d KiB dynamic per-CPU data, %zu KiB per CPU\n",
		nr_cpu_ids, size, PERCPU_DYNAMIC_RESERVE >> 10, unit >> 10);
}
