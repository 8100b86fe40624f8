/* SPDX-License-Identifier: GPL-2.0 */
/* Wall-clock time as the VFS stores it (Linux: include/linux/time64.h). */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

typedef s64 time64_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

#define NSEC_PER_SEC 1000000000UL	/* as linux/timekeeping.h has it: one definition, no redefinition warning */

#endif /* _LINUX_TIME64_H */
