// SPDX-License-Identifier: GPL-2.0
/*
 * Sleeping for a time: nanosleep(2) (Linux: hrtimer_nanosleep and
 * do_nanosleep in kernel/time/hrtimer.c).
 *
 * Linux arms a high-resolution timer (hrtimer) for the wake-up; Linnet
 * has only the jiffy timer wheel (kernel/time/timer.c, HZ = 250), so
 * nanosleep_ns() sleeps in schedule_timeout() steps of whole ticks
 * (rounded up) against a deadline in ktime_get_ns() (the TSC): a sleep
 * never ends early and oversleeps by at most about one tick (4 ms).
 * The sleep is TASK_INTERRUPTIBLE: a pending signal ends it, with
 * -EINTR and, if rmtp is given, the time left written there (Linux
 * returns -ERESTART_RESTARTBLOCK and restarts the sleep through
 * restart_block when the signal's handler allows it; that comes with
 * signal frames in issue 11). A bad timespec (tv_nsec outside [0, 1e9),
 * tv_sec < 0) is -EINVAL; a bad pointer -EFAULT.
 * Left out: hrtimers, timer slack, restart_block.
 */
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>

#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)
/* Longest single schedule_timeout(): keeps jiffies + timeout from wrapping. */
#define MAX_SLEEP_TICKS (1L << 30)

s64 nanosleep_ns(s64 rel)
{
	u64 deadline;

	if (rel <= 0)
		return 0;
	/* Sleeps past ~146 years end when the universe does; keep the sum from wrapping. */
	if (rel > (s64)(1ULL << 62))
		rel = 1LL << 62;
	deadline = ktime_get_ns() + rel;
	for (;;) {
		s64 left = (s64)(deadline - ktime_get_ns());
		long ticks;

		if (left <= 0)
			return 0;
		ticks = (left + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
		if (ticks > MAX_SLEEP_TICKS)
			ticks = MAX_SLEEP_TICKS;
		/* State first, then the check: a signal sent in between still wakes us. */
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			return left;
		}
		schedule_timeout(ticks);
	}
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 tu;
	s64 left;

	if (get_timespec64(&tu, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&tu))
		return -EINVAL;
	left = nanosleep_ns(timespec64_to_ns(&tu));
	if (!left)
		return 0;
	if (rmtp) {
		struct timespec64 rem = ns_to_timespec64(left);

		if (put_timespec64(&rem, rmtp))
			return -EFAULT;
	}
	return -EINTR;
}
