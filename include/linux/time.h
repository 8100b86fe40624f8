/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time as the system calls pass it (Linux: include/linux/time.h,
 * time64.h, include/uapi/linux/time.h, time_types.h): the user-space
 * layouts, clock ids, and the helpers that copy and check them. The
 * system calls are in kernel/time/ (posix-timers.c, hrtimer.c, time.c).
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/time64.h>
#include <linux/types.h>

/* struct timespec of x86-64 user space (Linux: struct __kernel_timespec). */
struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

/* struct timeval of x86-64 user space (Linux: struct __kernel_old_timeval). */
struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* clockid_t values (Linux: include/uapi/linux/time.h). */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11
#define MAX_CLOCKS 16

#define TIMER_ABSTIME 0x01

#ifndef NSEC_PER_USEC
#define NSEC_PER_USEC 1000UL
#endif
#define NSEC_PER_MSEC_UL 1000000UL
#define USEC_PER_SEC 1000000L

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

/* Nanoseconds, saturating at S64_MAX (Linux: timespec64_to_ns). */
static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= (s64)(0x7fffffffffffffffLL / NSEC_PER_SEC))
		return 0x7fffffffffffffffLL;
	return ts->tv_sec * (s64)NSEC_PER_SEC + ts->tv_nsec;
}

static inline struct timespec64 ns_to_timespec64(s64 ns)
{
	struct timespec64 ts = { ns / (s64)NSEC_PER_SEC, ns % (s64)NSEC_PER_SEC };

	if (ts.tv_nsec < 0) {
		ts.tv_sec--;
		ts.tv_nsec += NSEC_PER_SEC;
	}
	return ts;
}

/* kernel/time/time.c: 0 or -EFAULT. */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts);
int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts);

/* kernel/time/posix-timers.c: the time of a clock, -EINVAL for an unknown one. */
int posix_clock_get(int which_clock, struct timespec64 *tp);
/* kernel/time/hrtimer.c: sleep for rel ns, interruptibly; the ns left (>0) if a signal came. */
s64 nanosleep_ns(s64 rel);
struct __kernel_timespec;
/* nanosleep/clock_nanosleep: 0, -EFAULT, or a restart code for the signal code. */
long do_nanosleep_restartable(s64 rel, struct __kernel_timespec __user *rmtp, bool abs);

#endif /* _LINUX_TIME_H */
