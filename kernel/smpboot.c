// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs exist, and starting them (Linux: arch/x86/kernel/smpboot.c:
 * prefill_possible_map, do_boot_cpu, wakeup_secondary_cpu_via_init,
 * start_secondary; arch/x86/kernel/cpu/topology.c; the bring-up
 * handshake of kernel/cpu.c, cpuhp_bp_sync_alive/cpuhp_ap_sync_alive).
 * Each AP finds its own CPU number from its APIC id and reads only its
 * own per-CPU start data; one that answers after the boot CPU's 10 s
 * timeout parks itself and never comes online (docs/smp.md).
 *
 * Logical CPU numbers (0, 1, 2, ...; what per_cpu(), smp_processor_id()
 * and the scheduler use) are not APIC ids (what the hardware uses to send
 * an interrupt to a CPU, as the firmware numbered them). The boot CPU is
 * CPU 0 whatever its APIC id; the MADT's other enabled CPUs follow in
 * table order. x86_cpu_to_apicid[] is the translation. CPUs beyond
 * NR_CPUS are ignored with a warning; possible_cpus=N overrides the count.
 */
#define pr_fmt(fmt) "smpboot: " fmt

#include <asm/irq_stack.h>
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

/*
 * The top of each AP's idle stack, read by that AP in secondary_startup_64
 * (boot/head_64.S) through its own GS base: per CPU, so a late AP can
 * never pick up the stack meant for the next one (Linux:
 * pcpu_hot.top_of_stack; it used to be one global initial_stack too).
 */
DEFINE_PER_CPU(unsigned long, initial_stack);
/*
 * The bring-up handshake between the boot CPU and each AP (Linux: the
 * cpuhp "sync state" of kernel/cpu.c, cpuhp_state.ap_sync_state, with
 * CONFIG_HOTPLUG_CORE_SYNC_FULL):
 *
 *   boot CPU                                AP
 *   DEAD -> KICKED, INIT-SIPI-SIPI
 *                                           KICKED -> ALIVE (cmpxchg)
 *   ALIVE -> SHOULD_ONLINE (cmpxchg)        waits for SHOULD_ONLINE
 *                                           APIC, timer, online; -> ONLINE
 *
 * The boot CPU waits 10 s for ALIVE. On timeout it moves KICKED ->
 * SHOULD_DIE; an AP that arrives later finds its cmpxchg failing, sets
 * DEAD and halts for good: it never proceeds. Both sides use cmpxchg, so
 * an AP that answers at the very moment of the timeout is either taken
 * (ALIVE won) or parked (SHOULD_DIE won), never both.
 */
DEFINE_PER_CPU(atomic_t, ap_sync_state);
phys_addr_t trampoline_phys;
static pgd_t *trampoline_pgd;

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
 * the kernel's top level (so the AP reaches secondary_startup_64 in the
 * kernel's higher half) plus, in entry 0, a mapping of the trampoline
 * page at its physical address, read-only and executable, not global,
 * with page tables of its own. (Linux's trampoline_pgd reuses the direct
 * map's entry, whose alias of the trampoline is executable; here the
 * direct map's alias stays never-executable and becomes read-only once
 * the copy is filled in, before any AP runs.) The AP leaves these tables
 * in start_secondary(); they stay, for an AP that is late.
 */
static bool setup_trampoline(void)
{
	if (!trampoline_phys)
		return false;
	trampoline_pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL | GFP_DMA32);
	if (!trampoline_pgd)
		return false;
	memcpy(trampoline_pgd, init_top_pgt, PAGE_SIZE);
	trampoline_pgd[0] = __pgd(0);
	map_range_pgd(trampoline_pgd, trampoline_phys, trampoline_phys, PAGE_SIZE,
		      _PAGE_PRESENT | _PAGE_ACCESSED);

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
	/* Filled in: nothing writes it again, and it never runs from this alias. */
	set_memory_ro((unsigned long)__va(trampoline_phys), 1);
	set_memory_nx((unsigned long)__va(trampoline_phys), 1);
	return true;
}

/*
 * Linux: wakeup_secondary_cpu_via_init(): INIT assert, INIT deassert, two
 * STARTUPs. Returns non-zero if the APIC could not send, or the target
 * refused (ESR), as Linux's send_status | accept_status.
 */
static int wakeup_secondary_cpu_via_init(u32 apicid, phys_addr_t start_eip)
{
	u32 send_status, accept_status = 0;

	apic_write(APIC_ESR, 0);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	send_status = safe_apic_wait_icr_idle();
	udelay(10000);
	apic_icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
	send_status |= safe_apic_wait_icr_idle();
	for (int j = 1; j <= 2 && !send_status && !accept_status; j++) {
		apic_write(APIC_ESR, 0);
		apic_icr_write(APIC_DM_STARTUP | (start_eip >> 12), apicid);
		udelay(300);
		send_status = safe_apic_wait_icr_idle();
		udelay(200);
		apic_write(APIC_ESR, 0);
		accept_status = apic_read(APIC_ESR) & 0xef;
	}
	if (send_status)
		pr_err("APIC never delivered???\n");
	if (accept_status)
		pr_err("APIC delivery error (%x)\n", accept_status);
	return send_status | accept_status;
}

/* Linux: cpuhp_can_boot_ap(): only a CPU that is not in limbo may be kicked. */
static bool cpuhp_can_boot_ap(unsigned int cpu)
{
	atomic_t *st = per_cpu_ptr(&ap_sync_state, cpu);

	return atomic_cmpxchg(st, SYNC_STATE_DEAD, SYNC_STATE_KICKED) == SYNC_STATE_DEAD;
}

/*
 * Linux: cpuhp_bp_sync_alive(): wait up to 10 s for the AP to report
 * ALIVE, then let it go on. On timeout tell it to die instead.
 */
static bool cpuhp_bp_sync_alive(unsigned int cpu)
{
	atomic_t *st = per_cpu_ptr(&ap_sync_state, cpu);
	u64 deadline = ktime_get_ns() + 10ULL * NSEC_PER_SEC;

	for (;;) {
		if (atomic_cmpxchg(st, SYNC_STATE_ALIVE, SYNC_STATE_SHOULD_ONLINE) ==
		    SYNC_STATE_ALIVE)
			return true;
		if (ktime_get_ns() > deadline &&
		    atomic_cmpxchg(st, SYNC_STATE_KICKED, SYNC_STATE_SHOULD_DIE) ==
		    SYNC_STATE_KICKED)
			return false;
		udelay(100);
	}
}

/* Start one AP and wait for it to come online (Linux: native_kick_ap, bringup_cpu). */
static int do_boot_cpu(unsigned int cpu)
{
	u32 apicid = x86_cpu_to_apicid[cpu];
	struct task_struct *idle;
	int err;

	if (!cpuhp_can_boot_ap(cpu)) {
		pr_err("CPU%u is in limbo (sync state %d); not kicking it\n", cpu,
		       atomic_read(per_cpu_ptr(&ap_sync_state, cpu)));
		return -EBUSY;
	}
	idle = task_alloc();
	if (!idle || irq_init_percpu_irqstack(cpu)) {
		if (idle)
			put_task_struct(idle);
		atomic_set(per_cpu_ptr(&ap_sync_state, cpu), SYNC_STATE_DEAD);
		return -ENOMEM;
	}
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	idle->pid = 0;		/* every idle task is PID 0, as in Linux */
	init_idle(idle, cpu);
	per_cpu(current_task, cpu) = idle;
	per_cpu(__preempt_count, cpu) = PREEMPT_ENABLED | PREEMPT_DISABLE_OFFSET;
	per_cpu(initial_stack, cpu) = (unsigned long)idle->stack + THREAD_SIZE;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* all of that before the AP runs */

	err = wakeup_secondary_cpu_via_init(apicid, trampoline_phys);
	if (err) {
		pr_err("do_boot_cpu failed(%d) to wakeup CPU#%u\n", err, cpu);
		atomic_cmpxchg(per_cpu_ptr(&ap_sync_state, cpu), SYNC_STATE_KICKED,
			       SYNC_STATE_SHOULD_DIE);
		return -EIO;
	}
	if (!cpuhp_bp_sync_alive(cpu)) {
		/* Linux's wording (kernel/cpu.c), hence no "smpboot: " prefix. */
		printk(KERN_ERR "CPU%u failed to report alive state\n", cpu);
		return -EIO;	/* its idle task stays allocated: it may still wake up */
	}
	/* Linux: bringup_wait_for_ap(): the AP is on its way; wait for online. */
	while (!cpu_online(cpu))
		cpu_relax();
	return 0;
}

/*
 * The boot CPU gave up on us: never go on. Only this CPU's own state is
 * touched; interrupts stay off and the halt loop is left only by an NMI,
 * which returns to it (Linux's AP spins in cpuhp_ap_sync_alive instead).
 */
static void __noreturn smpboot_park_self(atomic_t *st)
{
	atomic_set(st, SYNC_STATE_DEAD);
	local_irq_disable();
	for (;;)
		native_halt();
}

/* Linux: cpuhp_ap_sync_alive(): report ALIVE, wait for the go-ahead. */
static void cpuhp_ap_sync_alive(void)
{
	atomic_t *st = this_cpu_ptr(&ap_sync_state);

	if (atomic_cmpxchg(st, SYNC_STATE_KICKED, SYNC_STATE_ALIVE) != SYNC_STATE_KICKED)
		smpboot_park_self(st);
	while (atomic_read(st) != SYNC_STATE_SHOULD_ONLINE)
		cpu_relax();
}

/*
 * The first C code of an AP (Linux: start_secondary), on its own idle
 * stack and per-CPU area, which secondary_startup_64 found by APIC id.
 */
void start_secondary(void);
void start_secondary(void)
{
	unsigned int cpu = smp_processor_id();

	write_cr3(__pa(init_top_pgt));		/* leave the trampoline's tables */
	/* Own GDT, TSS (IST stacks) and the shared IDT first, as Linux's
	 * cpu_init_exception_handling(): an NMI must find them, parked or not. */
	cpu_init();
	load_current_idt();
	cpuhp_ap_sync_alive();
	this_cpu_write(cpu_initial_apicid, read_boot_cpu_apicid());
	setup_local_APIC();
	setup_APIC_timer();
	cpumask_set_cpu(cpu, cpu_online_mask);
	atomic_set(this_cpu_ptr(&ap_sync_state), SYNC_STATE_ONLINE);
	local_irq_enable();
	cpu_startup_entry();
}

/* Linux: smp_init() -> bringup_nonboot_cpus(). */
void smp_init(void)
{
	unsigned int cpu, up = 1;

	this_cpu_write(cpu_initial_apicid, read_boot_cpu_apicid());
	atomic_set(this_cpu_ptr(&ap_sync_state), SYNC_STATE_ONLINE);
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
