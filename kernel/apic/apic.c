// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: each CPU's interrupt controller and timer (Linux:
 * arch/x86/kernel/apic/apic.c, ipi.c).
 *
 * xAPIC mode: registers are memory-mapped at the address the MADT gives
 * (0xfee00000), mapped uncached with ioremap(). Every CPU enables its own
 * (spurious-vector register), acknowledges each interrupt with a write to
 * EOI, and gets a periodic timer at HZ. The timer counts the bus clock,
 * whose rate nobody tells us: calibrate_APIC_clock() counts how far it
 * runs during 25 ms measured with the (PIT-calibrated) TSC. IPIs go out
 * through the interrupt command register (ICR), NMIs too (delivery mode
 * NMI). disable_local_APIC() masks and soft-disables a CPU's APIC when
 * panic() stops it; it still takes NMIs and INIT then. x2APIC is left
 * out (QEMU 7.2's TCG has none).
 */
#include <asm/apic.h>
#include <asm/ioremap.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/smp.h>
#include <linux/acpi.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>

static void __iomem *apic_base;
unsigned int lapic_timer_period;	/* APIC timer ticks per jiffy */
bool apic_present;

u32 apic_read(u32 reg)
{
	return readl((char *)apic_base + reg);
}

void apic_write(u32 reg, u32 val)
{
	writel(val, (char *)apic_base + reg);
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

u32 read_apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/* Wait (bounded) for the ICR to go idle; returns the busy bit if it never did. */
u32 safe_apic_wait_icr_idle(void)
{
	u32 busy;

	for (int i = 0; i < 1000000; i++) {
		busy = apic_read(APIC_ICR) & APIC_ICR_BUSY;
		if (!busy)
			break;
		cpu_relax();
	}
	return busy;
}

void apic_wait_icr_idle(void)
{
	safe_apic_wait_icr_idle();
}

/* ICR2 (destination) first: the write to the low word sends. */
void apic_icr_write(u32 low, u32 apicid)
{
	unsigned long flags;

	local_irq_save(flags);
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, low);
	local_irq_restore(flags);
}

void apic_send_IPI(int cpu, int vector)
{
	apic_icr_write(APIC_DM_FIXED | vector, x86_cpu_to_apicid[cpu]);
}

static void apic_timer_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	account_process_tick(current, user_mode(regs));
	tick_handle_periodic();
}

static void spurious_interrupt(struct pt_regs *regs)
{
	/* No EOI for a spurious interrupt (Intel SDM 10.9). */
}

static void error_interrupt(struct pt_regs *regs)
{
	u32 esr;

	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	apic_eoi();
	pr_err("APIC error on CPU%d: %02x\n", smp_processor_id(), esr);
}

static void reschedule_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	scheduler_ipi();
}

static void call_function_interrupt(struct pt_regs *regs)
{
	apic_eoi();
	generic_smp_call_function_single_interrupt();
}

/*
 * This CPU's APIC off (Linux: disable_local_APIC): mask the timer and the
 * other local interrupts, then clear the software-enable bit. A disabled
 * APIC still accepts NMI, INIT and SIPI (Intel SDM 10.4.7.2).
 */
void disable_local_APIC(void)
{
	if (!apic_present)
		return;
	apic_write(APIC_TMICT, 0);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED | ERROR_APIC_VECTOR);
	apic_write(APIC_SPIV, apic_read(APIC_SPIV) & ~APIC_SPIV_APIC_ENABLED);
}

/* This CPU's APIC on (Linux: setup_local_APIC). */
void setup_local_APIC(void)
{
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_LVT_MASKED);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	apic_eoi();
}

/* Ticks of the APIC timer (divided by 16) during 25 ms of TSC time. */
void calibrate_APIC_clock(void)
{
	u32 ticks;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
	udelay(25000);
	ticks = 0xffffffff - apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	lapic_timer_period = (u64)ticks * 40 / HZ;
	if (!lapic_timer_period)
		lapic_timer_period = 1000000 / HZ;	/* no TSC either: a guess */
	pr_info("APIC timer calibration: %u ticks per jiffy (bus %u.%04u MHz, HZ=%d)\n",
		lapic_timer_period, lapic_timer_period * 16 * HZ / 1000000,
		(lapic_timer_period * 16 * HZ / 100) % 10000, HZ);
}

void setup_APIC_timer(void)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
}

/* Map and enable the boot CPU's APIC (Linux: init_bsp_APIC, apic_intr_mode_init). */
void init_bsp_APIC(void)
{
	u64 base = acpi_madt_found ? acpi_madt.lapic_address : 0;
	u64 msr = rdmsr(MSR_IA32_APICBASE);

	if (!boot_cpu_data.has_apic) {
		pr_warn("APIC: CPU has no local APIC; no timer tick, no SMP\n");
		return;
	}
	if (!base)
		base = msr & ~0xfffULL;
	if (!(msr & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, msr | MSR_IA32_APICBASE_ENABLE);
	apic_base = ioremap(base, 4096);
	if (!apic_base)
		return;
	apic_present = true;
	set_vector_handler(LOCAL_TIMER_VECTOR, apic_timer_interrupt);
	set_vector_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
	set_vector_handler(ERROR_APIC_VECTOR, error_interrupt);
	set_vector_handler(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_vector_handler(CALL_FUNCTION_SINGLE_VECTOR, call_function_interrupt);
	set_vector_handler(REBOOT_VECTOR, sysvec_reboot);
	setup_local_APIC();
	pr_info("APIC: xAPIC at %#llx, boot CPU APIC id %u, version %#x\n",
		(unsigned long long)base, read_apic_id(), apic_read(APIC_LVR) & 0xff);
}
