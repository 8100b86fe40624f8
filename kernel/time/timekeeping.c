// SPDX-License-Identifier: GPL-2.0
/*
 * Wall-clock time (Linux: kernel/time/timekeeping.c). At boot
 * timekeeping_init() reads the persistent clock (the CMOS RTC,
 * read_persistent_clock64) and remembers it together with local_clock();
 * the real time afterwards is that base plus the time since. This is
 * what stamps inode times and what CLOCK_REALTIME will return.
 * Left out: NTP adjustment, settimeofday, clocksources other than the
 * TSC behind local_clock(), leap seconds, the seqcount (the base never
 * changes after boot, so readers need no lock).
 */
#include <linux/printk.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>

static struct timespec64 boot_wall;	/* the real time when local_clock() was boot_ns */
static u64 boot_ns;

void timekeeping_init(void)
{
	time64_t now = mach_get_cmos_time();

	if (!now)
		pr_warn("timekeeping: the RTC reads nonsense; the clock starts at the epoch\n");
	boot_ns = local_clock();
	boot_wall.tv_sec = now;
	boot_wall.tv_nsec = 0;
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	u64 ns = local_clock() - boot_ns + boot_wall.tv_nsec;

	ts->tv_sec = boot_wall.tv_sec + ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

time64_t ktime_get_real_seconds(void)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	return ts.tv_sec;
}
