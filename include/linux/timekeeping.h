/* SPDX-License-Identifier: GPL-2.0 */
/* Time since boot (kernel/tsc.c; Linux: sched_clock(), local_clock()). */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>

#define NSEC_PER_USEC 1000UL
#define NSEC_PER_SEC 1000000000UL

extern unsigned long tsc_khz;
void tsc_early_init(void);
u64 local_clock(void);		/* ns since the TSC was calibrated, 0 before */
void udelay(unsigned long usecs);

#endif /* _LINUX_TIMEKEEPING_H */
