/* SPDX-License-Identifier: GPL-2.0 */
/* Time since boot (kernel/tsc.c; Linux: sched_clock(), local_clock()) and the real time. */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/time64.h>
#include <linux/types.h>

#define NSEC_PER_USEC 1000UL
#define NSEC_PER_SEC 1000000000UL

extern unsigned long tsc_khz;
void tsc_early_init(void);
u64 local_clock(void);		/* ns since the TSC was calibrated, 0 before */
void udelay(unsigned long usecs);

/* The real time (kernel/time/timekeeping.c), from the RTC read at boot. */
void timekeeping_init(void);
void ktime_get_real_ts64(struct timespec64 *ts);
time64_t ktime_get_real_seconds(void);
/* kernel/rtc.c: the CMOS clock (Linux: arch/x86/kernel/rtc.c), and date -> epoch seconds */
time64_t mach_get_cmos_time(void);
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
		  unsigned int min, unsigned int sec);

#endif /* _LINUX_TIMEKEEPING_H */
