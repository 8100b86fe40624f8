// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs exist, and starting them (Linux: arch/x86/kernel/smpboot.c:
 * prefill_possible_map, do_boot_cpu, wakeup_secondary_cpu_via_init,
 * start_secondary; arch/x86/kernel/cpu/topology.c).
 *
 * Logical CPU numbers (0, 1, 2, ...; what per_cpu(), smp_processor_id()
 * and the scheduler use) are not APIC ids (what the hardware uses to send
 * an interrupt to a CPU, as the firmware numbered them). The boot CPU is
 * CPU 0 whatever its APIC id; the MADT's other enabled CPUs follow in
 * table order. x86_cpu_to_apicid[] is the translation. CPUs beyond
 * NR_CPUS are ignored with a warning; possible_cpus=N overrides the count.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/msr-index.h>
#include <asm/page.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/special_insns.h>
#include <linux/cpumask.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/acpi.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>


u32 x86_cpu_to_apicid[NR_CPUS] = { [0 ... NR_CPUS - 1] = BAD_APICID };
/*
 * The APIC id each CPU read from CPUID itself when it came up (Linux:
 * cpu_data(cpu).topo.initial_apicid, stored by smp_store_cpu_info()).
 */
DEFINE_PER_CPU(u32, cpu_initial_apicid) = BAD_APICID;
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

/* ---- bringing up the other CPUs ------------------------------------------- */

extern const char trampoline_start[], trampoline_end[], tr_gdt[], tr_gdt_desc[], tr_jmp32[];
extern const char tr_jmp64[], tr_cr3[], tr_cr4[], tr_efer[], tr_entry[];
extern const char tr_delay_apicid[], tr_delay_cycles[];
extern const char tr_startup_32[], tr_startup_64[];
void secondary_startup_64(void);

/* Read by secondary_startup_64 (boot/head_64.S). */
unsigned long initial_stack, initial_gs;
static phys_addr_t trampoline_phys;
static pgd_t *trampoline_pgd;
static volatile int cpu_callin;

/*
 * Fault injection: smpboot_delay_ap=CPU:MS makes AP number CPU spin for
 * MS milliseconds in the trampoline, before it reads its start data, so
 * that it answers after the boot CPU has given up on it (docs/smp.md).
 */
int smpboot_delay_ap_cpu = -1;
unsigned int smpboot_delay_ap_ms;

static int smpboot_delay_ap_setup(char *val)
{
	char *colon = val ? strchr(val, ':') : NULL;
	unsigned long ms;
	int cpu;

	if (!colon)
		return 0;
	*colon = '\0';
	if (kstrtoint(val, 0, &cpu) || kstrtoul(colon + 1, 0, &ms) || cpu < 1) {
		*colon = ':';
		return 0;
	}
	*colon = ':';
	smpboot_delay_ap_cpu = cpu;
	smpboot_delay_ap_ms = ms;
	return 1;
}
__setup("smpboot_delay_ap=", smpboot_delay_ap_setup);

/* A page below 1 MiB for the trampoline, reserved before memblock lets go (Linux: reserve_real_mode). */
void reserve_real_mode(void)
{
	trampoline_phys = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, SZ_1M);
	if (!trampoline_phys)
		pr_warn("no page below 1 MiB for the AP trampoline; SMP disabled\n");
}

#define TR_FIELD(sym) ((char *)__va(trampoline_phys) + ((sym) - trampoline_start))

/*
 * Copy the trampoline, fill in its addresses, and build trampoline_pgd:
 * the kernel's top level plus entry 0 = the direct map's entry, which
 * maps low physical memory 1:1, as Linux's init_trampoline does. The
 * trampoline page itself must be executable in the direct map.
 */
static bool setup_trampoline(void)
{
	unsigned int level;
	pte_t *pte;

	if (!trampoline_phys)
		return false;
	trampoline_pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL | GFP_DMA32);
	if (!trampoline_pgd)
		return false;
	memcpy(trampoline_pgd, init_top_pgt, PAGE_SIZE);
	trampoline_pgd[0] = init_top_pgt[pgd_index(PAGE_OFFSET)];

	memcpy(__va(trampoline_phys), trampoline_start, trampoline_end - trampoline_start);
	*(u32 *)(TR_FIELD(tr_gdt_desc) + 2) = trampoline_phys + (tr_gdt - trampoline_start);
	*(u32 *)TR_FIELD(tr_jmp32) = trampoline_phys + (tr_startup_32 - trampoline_start);
	*(u32 *)TR_FIELD(tr_jmp64) = trampoline_phys + (tr_startup_64 - trampoline_start);
	*(u32 *)TR_FIELD(tr_cr3) = __pa(trampoline_pgd);
	*(u32 *)TR_FIELD(tr_cr4) = read_cr4();
	*(u32 *)TR_FIELD(tr_efer) = EFER_LME | (boot_cpu_data.has_nx ? EFER_NX : 0);
	*(u64 *)TR_FIELD(tr_entry) = (u64)secondary_startup_64;
	if (smpboot_delay_ap_cpu > 0 && smpboot_delay_ap_cpu < (int)nr_cpu_ids) {
		*(u32 *)TR_FIELD(tr_delay_apicid) = x86_cpu_to_apicid[smpboot_delay_ap_cpu];
		*(u64 *)TR_FIELD(tr_delay_cycles) = (u64)smpboot_delay_ap_ms * tsc_khz;
		pr_warn("fault injection: CPU%d will stall %u ms before reading its start data\n",
			smpboot_delay_ap_cpu, smpboot_delay_ap_ms);
	}

	pte = lookup_address_in_pgd(init_top_pgt, (unsigned long)__va(trampoline_phys), &level);
	if (pte && level == PG_LEVEL_4K) {
		*pte = __pte(pte_val(*pte) & ~_PAGE_NX);
		__flush_tlb_one_kernel((unsigned long)__va(trampoline_phys));
	}
	return true;
}

/* Linux: wakeup_secondary_cpu_via_init(): INIT assert, INIT deassert, two STARTUPs. */
static void wakeup_secondary_cpu_via_init(u32 apicid, phys_addr_t start_eip)
{
	apic_write(APIC_ESR, 0);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	apic_wait_icr_idle();
	udelay(10000);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	apic_wait_icr_idle();
	for (int j = 1; j <= 2; j++) {
		apic_write(APIC_ESR, 0);
		apic_icr_write(APIC_DM_STARTUP | (start_eip >> 12), apicid);
		udelay(300);
		apic_wait_icr_idle();
		udelay(200);
	}
}

/* Start one AP and wait (up to 10 s: emulation is slow) for it to call in. */
static int do_boot_cpu(unsigned int cpu)
{
	u32 apicid = x86_cpu_to_apicid[cpu];
	struct task_struct *idle = task_alloc();
	u64 deadline;

	if (!idle)
		return -ENOMEM;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	idle->pid = 0;		/* every idle task is PID 0, as in Linux */
	init_idle(idle, cpu);
	per_cpu(current_task, cpu) = idle;
	per_cpu(__preempt_count, cpu) = PREEMPT_ENABLED | PREEMPT_DISABLE_OFFSET;
	initial_stack = (unsigned long)idle->stack + THREAD_SIZE;
	initial_gs = __per_cpu_offset[cpu];
	cpu_callin = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	wakeup_secondary_cpu_via_init(apicid, trampoline_phys);
	deadline = ktime_get_ns() + 10ULL * NSEC_PER_SEC;
	while (!READ_ONCE(cpu_callin) && ktime_get_ns() < deadline)
		udelay(100);
	if (!READ_ONCE(cpu_callin)) {
		pr_err("CPU%u (APIC id %u) did not respond to INIT-SIPI-SIPI; skipped\n", cpu,
		       apicid);
		return -EIO;	/* its idle task stays allocated: it may still wake up */
	}
	return 0;
}

/* The first C code of an AP (Linux: start_secondary). */
void start_secondary(void);
void start_secondary(void)
{
	unsigned int cpu = smp_processor_id();

	write_cr3(__pa(init_top_pgt));		/* leave the trampoline's tables */
	this_cpu_write(cpu_initial_apicid, read_boot_cpu_apicid());
	cpu_init();
	load_current_idt();
	setup_local_APIC();
	setup_APIC_timer();
	cpumask_set_cpu(cpu, cpu_online_mask);
	__atomic_store_n(&cpu_callin, 1, __ATOMIC_RELEASE);
	local_irq_enable();
	cpu_startup_entry();
}

/* Linux: smp_init() -> bringup_nonboot_cpus(). */
void smp_init(void)
{
	unsigned int cpu, up = 1;

	this_cpu_write(cpu_initial_apicid, read_boot_cpu_apicid());
	if (nr_cpu_ids < 2)
		goto done;
	if (!apic_present || !setup_trampoline()) {
		printk(KERN_WARNING "smp: no APIC or trampoline: running on the boot CPU only\n");
		goto done;
	}
	printk(KERN_INFO "smp: Bringing up secondary CPUs ...\n");
	for (cpu = 1; cpu < nr_cpu_ids; cpu++) {
		if (x86_cpu_to_apicid[cpu] == BAD_APICID)
			continue;
		if (!do_boot_cpu(cpu))
			up++;
	}
done:
	printk(KERN_INFO "smp: Brought up 1 node, %u CPU%s\n", up, up > 1 ? "s" : "");
}
