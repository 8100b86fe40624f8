// SPDX-License-Identifier: GPL-2.0
/*
 * The oldest time system calls and the user-space copies of struct
 * timespec (Linux: kernel/time/time.c): time(2) (seconds since the
 * epoch, also stored at tloc unless NULL), gettimeofday(2) (the real
 * time in microseconds; the timezone, if asked for, is Linux's default
 * sys_tz: zero minutes west, no DST), get_timespec64()/put_timespec64().
 * Every user pointer is copied with copy_{to,from}_user: -EFAULT.
 * Left out: settimeofday, stime, adjtimex (the clock cannot be set),
 * the 32-bit time types.
 */
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = kts.tv_nsec;
	/* A tv_nsec that does not fit a long cannot be valid either. */
	if (ts->tv_nsec != kts.tv_nsec)
		ts->tv_nsec = -1;
	return 0;
}

int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(time, s64 __user *, tloc)
{
	s64 i = ktime_get_real_seconds();

	if (tloc && put_user(i, tloc))
		return -EFAULT;
	return i;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		struct timespec64 ts;
		struct __kernel_old_timeval ktv;

		ktime_get_real_ts64(&ts);
		ktv.tv_sec = ts.tv_sec;
		ktv.tv_usec = ts.tv_nsec / NSEC_PER_USEC;
		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz) {
		struct timezone sys_tz = { 0, 0 };

		if (copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
			return -EFAULT;
	}
	return 0;
}
