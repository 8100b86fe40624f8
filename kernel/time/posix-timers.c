// SPDX-License-Identifier: GPL-2.0
/*
 * The POSIX clocks (Linux: kernel/time/posix-timers.c, the k_clock
 * table, and posix-cpu-timers.c for the CPU-time clocks):
 * clock_gettime, clock_getres and clock_nanosleep.
 *
 *   CLOCK_REALTIME, _COARSE, CLOCK_TAI	ktime_get_real_ts64() (the RTC at
 *					boot plus the TSC since; TAI's offset
 *					is 0, Linux's default)
 *   CLOCK_MONOTONIC, _RAW, _COARSE,	ktime_get_ns(): the TSC since boot
 *   CLOCK_BOOTTIME			(nothing suspends, so they agree)
 *   CLOCK_PROCESS_CPUTIME_ID,		current->utime + stime (the calling
 *   CLOCK_THREAD_CPUTIME_ID		thread's only, for both)
 *
 * Resolutions as Linux reports them with high-resolution timers: 1 ns,
 * and a tick (4 ms at HZ = 250) for the _COARSE clocks. An unknown clock
 * id, the _ALARM clocks and the negative ids of per-process CPU clocks
 * are -EINVAL. clock_nanosleep sleeps on REALTIME, MONOTONIC, BOOTTIME and
 * TAI, relative or with TIMER_ABSTIME (an absolute time in that clock);
 * other valid clocks are -EOPNOTSUPP, as in Linux without ->nsleep. The
 * time left goes to rmtp only for a relative sleep cut short by a signal;
 * restarts as nanosleep's (kernel/time/hrtimer.c).
 * Left out: POSIX interval timers (timer_create and friends),
 * clock_settime/clock_adjtime, dynamic (fd-based) clocks, CPU clocks of
 * other processes, the vDSO (every call is a real system call).
 */
#include <linux/jiffies.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>

int posix_clock_get(int which_clock, struct timespec64 *tp)
{
	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		ktime_get_real_ts64(tp);
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*tp = ns_to_timespec64(ktime_get_ns());
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*tp = ns_to_timespec64(current->utime + current->stime);
		return 0;
	}
	return -EINVAL;
}

static int posix_clock_getres(int which_clock, struct timespec64 *tp)
{
	struct timespec64 probe;
	int err = posix_clock_get(which_clock, &probe);

	if (err)
		return err;
	tp->tv_sec = 0;
	if (which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
		tp->tv_nsec = NSEC_PER_SEC / HZ;
	else
		tp->tv_nsec = 1;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct __kernel_timespec __user *, tp)
{
	struct timespec64 kernel_tp;
	int err = posix_clock_get(which_clock, &kernel_tp);

	if (err)
		return err;
	return put_timespec64(&kernel_tp, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which_clock, struct __kernel_timespec __user *, tp)
{
	struct timespec64 rtn_tp;
	int err = posix_clock_getres(which_clock, &rtn_tp);

	if (err)
		return err;
	if (tp && put_timespec64(&rtn_tp, tp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp, struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 t, now;
	s64 rel;
	int err;

	err = posix_clock_get(which_clock, &now);
	if (err)
		return err;
	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (get_timespec64(&t, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&t))
		return -EINVAL;
	rel = timespec64_to_ns(&t);
	if (flags & TIMER_ABSTIME)
		rel -= timespec64_to_ns(&now);
	current->restart_block.fn = do_no_restart_syscall;
	return do_nanosleep_restartable(rel, rmtp, flags & TIMER_ABSTIME);
}
