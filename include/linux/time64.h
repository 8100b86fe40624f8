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

#ifndef NSEC_PER_SEC
#define NSEC_PER_SEC 1000000000UL	/* also in linux/timekeeping.h */
#endif

#endif /* _LINUX_TIME64_H */
