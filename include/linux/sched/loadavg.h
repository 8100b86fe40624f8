/* SPDX-License-Identifier: GPL-2.0 */
/* The load average's fixed point (Linux: include/linux/sched/loadavg.h, kernel/sched/loadavg.c). */
#ifndef _LINUX_SCHED_LOADAVG_H
#define _LINUX_SCHED_LOADAVG_H

#include <linux/sched.h>

extern unsigned long avenrun[3];	/* Load averages, FIXED_1 = 1.0 */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);

#define FSHIFT		11		/* nr of bits of precision */
#define FIXED_1		(1 << FSHIFT)	/* 1.0 as fixed-point */
#define LOAD_FREQ	(5 * HZ + 1)	/* 5 sec intervals */
#define EXP_1		1884		/* 1/exp(5sec/1min) as fixed-point */
#define EXP_5		2014		/* 1/exp(5sec/5min) */
#define EXP_15		2037		/* 1/exp(5sec/15min) */

#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

unsigned int nr_running(void);
void calc_global_load(void);

#endif /* _LINUX_SCHED_LOADAVG_H */
