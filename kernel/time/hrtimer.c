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
 * The sleep is TASK_INTERRUPTIBLE: a pending signal ends it, with the
 * time left written to rmtp and -ERESTART_RESTARTBLOCK, as in Linux: a
 * handler turns that into -EINTR, a stop and SIGCONT into a restart of
 * the rest of the sleep through restart_block (restart_syscall). A bad
 * timespec (tv_nsec outside [0, 1e9), tv_sec < 0) is -EINVAL; a bad
 * pointer -EFAULT. Left out: hrtimers, timer slack.
 */
#include <linux/jiffies.h>
#include <linux/restart_block.h>
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

static long nanosleep_restart(struct restart_block *restart);

/* The time left, to user space (Linux: nanosleep_copyout). */
static int nanosleep_copyout(struct __kernel_timespec __user *rmtp, s64 left)
{
	struct timespec64 rem = ns_to_timespec64(left);

	return rmtp && put_timespec64(&rem, rmtp) ? -EFAULT : 0;
}

/*
 * Sleep rel ns (Linux: do_nanosleep + hrtimer_nanosleep). Cut short by a
 * signal, a relative sleep writes the time left to rmtp and returns
 * -ERESTART_RESTARTBLOCK: a handler makes it -EINTR, otherwise (a stop
 * and SIGCONT, an ignored signal) restart_syscall() sleeps on to the
 * same deadline through current->restart_block. An absolute sleep
 * (TIMER_ABSTIME) just restarts: -ERESTARTNOHAND.
 */
long do_nanosleep_restartable(s64 rel, struct __kernel_timespec __user *rmtp, bool abs)
{
	struct restart_block *restart = &current->restart_block;
	u64 deadline = ktime_get_ns() + (rel > 0 ? rel : 0);
	s64 left = nanosleep_ns(rel);

	if (!left)
		return 0;
	if (abs)
		return -ERESTARTNOHAND;
	if (nanosleep_copyout(rmtp, left))
		return -EFAULT;
	restart->fn = nanosleep_restart;
	restart->nanosleep.expires = deadline;
	restart->nanosleep.rmtp = rmtp;
	return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *restart)
{
	s64 left = nanosleep_ns((s64)(restart->nanosleep.expires - ktime_get_ns()));

	if (!left)
		return 0;
	if (nanosleep_copyout(restart->nanosleep.rmtp, left))
		return -EFAULT;
	return -ERESTART_RESTARTBLOCK;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	struct timespec64 tu;

	if (get_timespec64(&tu, rqtp))
		return -EFAULT;
	if (!timespec64_valid(&tu))
		return -EINVAL;
	current->restart_block.fn = do_no_restart_syscall;
	return do_nanosleep_restartable(timespec64_to_ns(&tu), rmtp, false);
}
