// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs exist (Linux: arch/x86/kernel/smpboot.c prefill_possible_map,
 * arch/x86/kernel/cpu/topology.c).
 *
 * Logical CPU numbers (0, 1, 2, ...; what per_cpu(), smp_processor_id()
 * and the scheduler use) are not APIC ids (what the hardware uses to send
 * an interrupt to a CPU, as the firmware numbered them). The boot CPU is
 * CPU 0 whatever its APIC id; the MADT's other enabled CPUs follow in
 * table order. x86_cpu_to_apicid[] is the translation. CPUs beyond
 * NR_CPUS are ignored with a warning; possible_cpus=N overrides the count.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <asm/processor.h>
#include <asm/smp.h>
#include <linux/acpi.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>


u32 x86_cpu_to_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = BAD_APICID };
int setup_possible_cpus = -1;

static int possible_cpus_setup(char *val)
{
	int n;

	if (!val || kstrtoint(val, 0, &n) || n < 1)
		return -EINVAL;
	setup_possible_cpus = n;
	return 0;
}
early_param("possible_cpus", possible_cpus_setup);

/* The initial APIC id: CPUID leaf 1, EBX bits 31-24. */
u32 read_boot_cpu_apicid(void)
{
	u32 a, b, c, d;

	cpuid_count(1, 0, &a, &b, &c, &d);
	return b >> 24;
}

void prefill_possible_map(void)
{
	u32 boot_id = read_boot_cpu_apicid();
	unsigned int n = 1;

	x86_cpu_to_apicid[0] = boot_id;
	for (unsigned int i = 0; acpi_madt_found && i < acpi_madt.nr_cpus; i++) {
		if (acpi_madt.apic_ids[i] == boot_id)
			continue;
		if (n == NR_CPUS) {
			pr_warn("%u CPUs in the MADT, NR_CPUS is %d: the rest are ignored\n",
				acpi_madt.nr_cpus, NR_CPUS);
			break;
		}
		x86_cpu_to_apicid[n++] = acpi_madt.apic_ids[i];
	}
	if (setup_possible_cpus > 0) {
		if (setup_possible_cpus > NR_CPUS) {
			pr_warn("possible_cpus=%d is above NR_CPUS; using %d\n",
				setup_possible_cpus, NR_CPUS);
			setup_possible_cpus = NR_CPUS;
		}
		n = setup_possible_cpus;
	}
	nr_cpu_ids = n;
	pr_info("Allowing %u CPUs, 0 hotplug CPUs\n", nr_cpu_ids);
}
