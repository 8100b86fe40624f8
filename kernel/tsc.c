// SPDX-License-Identifier: GPL-2.0
/*
 * The time stamp counter as the kernel's clock, calibrated against the PIT.
 *
 * Linux: arch/x86/kernel/tsc.c — pit_calibrate_tsc() gates PIT channel 2
 * for a fixed time and counts TSC cycles meanwhile; cyc2ns turns cycles
 * into nanoseconds with a multiply and a shift, no division on the fast
 * path; a calibration run the CPU was taken away from is thrown out. printk's
 * timestamps and udelay() use it. Left out: the
 * HPET/PM-timer cross-checks, TSC stability and clocksource watchdog.
 * Before calibration local_clock() returns 0, which is why the first
 * boot lines read [    0.000000], as on Linux.
 */
#include <asm/io.h>
#include <asm/special_insns.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>

#define PIT_TICK_RATE 1193182UL	/* Hz */
#define CAL_MS 10
#define CAL_LATCH (PIT_TICK_RATE / (1000 / CAL_MS))
#define CYC2NS_SHIFT 22

unsigned long tsc_khz;
static u64 tsc_base;
static u64 cyc2ns_mul;

/*
 * Count TSC cycles while PIT channel 2 counts CAL_LATCH ticks down. *gap
 * gets the longest stretch between two looks at the PIT: if the CPU was
 * away for a while (an SMI; under TCG, the host descheduling QEMU), the
 * end was seen late and the count is too high (Linux: the tscmin/tscmax
 * check of pit_calibrate_tsc()).
 */
static u64 pit_calibrate_tsc(u64 *gap)
{
	unsigned long loops = 0;
	u64 t1, t2, prev, now;

	/* Gate high, speaker off: channel 2 counts, its OUT shows in bit 5 of 0x61. */
	outb((inb(0x61) & ~0x02) | 0x01, 0x61);
	/* Channel 2, lobyte/hibyte, mode 0 (interrupt on terminal count), binary. */
	outb(0xb0, 0x43);
	outb(CAL_LATCH & 0xff, 0x42);
	outb(CAL_LATCH >> 8, 0x42);

	*gap = 0;
	t1 = prev = rdtsc();
	while (!(inb(0x61) & 0x20) && loops < 100000000UL) {
		now = rdtsc();
		if (now - prev > *gap)
			*gap = now - prev;
		prev = now;
		loops++;
	}
	t2 = rdtsc();
	if (t2 - prev > *gap)
		*gap = t2 - prev;
	if (loops >= 100000000UL)
		return 0;
	return (t2 - t1) / CAL_MS;	/* cycles per ms == kHz */
}

/*
 * Linux calibrates up to three times and keeps the lowest result of a run
 * that was not disturbed (native_calibrate_tsc/pit_calibrate_tsc): a
 * disturbance only ever makes the count higher. A run counts as
 * disturbed if one look at the PIT took more than a tenth of the window.
 */
#define CAL_TRIES 5

void tsc_early_init(void)
{
	unsigned long khz = 0, any = 0;

	for (int i = 0; i < CAL_TRIES; i++) {
		u64 gap, k = pit_calibrate_tsc(&gap);

		if (!k)
			continue;
		if (!any || k < any)
			any = k;
		if (gap * 10 < k * CAL_MS && (!khz || k < khz))
			khz = k;
		if (khz && i >= 2)
			break;	/* three tries, as Linux, once one was clean */
	}
	if (!khz)
		khz = any;	/* every run disturbed: the least disturbed */
	if (!khz) {
		pr_warn("tsc: PIT calibration failed, timestamps stay at 0\n");
		return;
	}
	tsc_base = rdtsc();
	cyc2ns_mul = (NSEC_PER_SEC / 1000 << CYC2NS_SHIFT) / khz;
	tsc_khz = khz;
	pr_info("tsc: Detected %lu.%03lu MHz processor (PIT calibration)\n",
		khz / 1000, khz % 1000);
}

u64 local_clock(void)
{
	unsigned __int128 cyc;

	if (!tsc_khz)
		return 0;
	cyc = rdtsc() - tsc_base;
	return (u64)((cyc * cyc2ns_mul) >> CYC2NS_SHIFT);
}

void udelay(unsigned long usecs)
{
	u64 end;

	if (!tsc_khz) {
		for (unsigned long i = 0; i < usecs; i++)
			inb(0x80);	/* ~1 us per port access on real hardware */
		return;
	}
	end = rdtsc() + (u64)usecs * tsc_khz / 1000;
	while (rdtsc() < end)
		__asm__ __volatile__("pause");
}
