// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers: alarm, setitimer, getitimer (Linux: kernel/time/itimer.c).
 *
 * ITIMER_REAL is one timer per process (signal_struct::real_timer). When
 * it expires the process gets SIGALRM (si_code SI_KERNEL, as Linux's
 * SEND_SIG_PRIV), and with an interval it is armed again. Linux arms an
 * hrtimer and sends from it; Linnet's timers are the jiffy list of
 * kernel/time/timer.c, whose callbacks run in the tick's hard interrupt,
 * where tasklist_lock (not IRQ-safe) may not be taken. So it_real_fn only
 * marks the signal due (it_real_fired), re-arms, and pokes the group
 * leader with TIF_SIGPENDING and a wakeup; the first thread of the group
 * to pass get_signal() (or rt_sigtimedwait) sends the SIGALRM for real
 * (itimer_send_pending). Times are rounded up to whole ticks (4 ms): a
 * timer never fires early. getitimer gives the time left to the next
 * tick boundary and the interval exactly as set.
 *
 * alarm(s) is setitimer(ITIMER_REAL, {s, 0}) and returns the seconds that
 * were left, rounded to the nearest (at least 1 if any time was left), as
 * Linux's alarm_setitimer. The timer is not inherited by fork, is kept
 * across exec, and is cancelled when the last thread exits (exit_itimers).
 *
 * Left out: ITIMER_VIRTUAL and ITIMER_PROF (-EINVAL: no CPU-time
 * accounting ticks to drive them), POSIX timers (timer_create), a timer
 * whose group leader has exited while other threads run (the SIGALRM
 * waits for a thread to pass get_signal for another reason).
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)

#define USEC_PER_SEC 1000000L
/* Longest single arming: keeps jiffies + ticks from wrapping. */
#define MAX_ITIMER_TICKS (1UL << 30)

/* The user's struct itimerval (x86-64: struct __kernel_old_itimerval). */
struct itimerval_user {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

static unsigned long ns_to_ticks(u64 ns)
{
	u64 ticks = (ns + NSEC_PER_TICK - 1) / NSEC_PER_TICK;

	return ticks > MAX_ITIMER_TICKS ? MAX_ITIMER_TICKS : (unsigned long)ticks;
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < USEC_PER_SEC;
}

static struct task_struct *signal_leader(struct signal_struct *sig);

/*
 * The tick (hard interrupt): mark SIGALRM due and poke the leader (Linux:
 * it_real_fn). Under the leader's siglock, so setitimer and this agree.
 */
static void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct, real_timer);
	struct task_struct *leader = signal_leader(sig);
	unsigned long flags;

	if (!leader || !leader->sighand)
		return;
	spin_lock_irqsave(&leader->sighand->siglock, flags);
	/* Disarmed or re-armed by setitimer while we waited for the lock: not ours. */
	if (sig->it_real_armed && !time_before(jiffies, t->expires)) {
		WRITE_ONCE(sig->it_real_fired, true);
		if (sig->it_real_incr)
			mod_timer(t, jiffies + ns_to_ticks(sig->it_real_incr));
		else
			sig->it_real_armed = false;
		signal_wake_up(leader, false);
	}
	spin_unlock_irqrestore(&leader->sighand->siglock, flags);
}

/* The task it_real_fn pokes: the group leader, recorded when first armed. */
static struct task_struct *signal_leader(struct signal_struct *sig)
{
	return READ_ONCE(sig->it_real_leader);
}

/* A fired ITIMER_REAL: send the SIGALRM from process context (see the top). */
void itimer_send_pending(void)
{
	struct signal_struct *sig = current->signal;
	struct kernel_siginfo info = { .si_signo = SIGALRM, .si_code = SI_KERNEL };

	if (!READ_ONCE(sig->it_real_fired))
		return;
	if (!__atomic_exchange_n(&sig->it_real_fired, false, __ATOMIC_ACQ_REL))
		return;
	spin_lock(&tasklist_lock);
	group_send_sig_info_locked(SIGALRM, &info, current);
	spin_unlock(&tasklist_lock);
}

/* Time left, 0 if disarmed; siglock held (Linux: itimer_get_remtime). */
static u64 it_real_remaining(struct signal_struct *sig)
{
	long left;

	if (!sig->it_real_armed || !timer_pending(&sig->real_timer))
		return 0;
	left = (long)(sig->real_timer.expires - jiffies);
	/* Racy but safe: an armed timer never shows 0 (Linux gives 1 us too). */
	return left > 0 ? (u64)left * NSEC_PER_TICK : NSEC_PER_USEC;
}

static int do_getitimer(int which, struct itimerval_user *value)
{
	struct signal_struct *sig = current->signal;

	if (which != ITIMER_REAL)
		return -EINVAL;
	spin_lock_irq(&current->sighand->siglock);
	ns_to_timeval(it_real_remaining(sig), &value->it_value);
	ns_to_timeval(sig->it_real_incr, &value->it_interval);
	spin_unlock_irq(&current->sighand->siglock);
	return 0;
}

/* Linux: do_setitimer for ITIMER_REAL. */
static int do_setitimer(int which, struct itimerval_user *value, struct itimerval_user *ovalue)
{
	struct signal_struct *sig = current->signal;
	u64 expires;

	if (which != ITIMER_REAL)
		return -EINVAL;
	expires = timeval_to_ns(&value->it_value);
	spin_lock_irq(&current->sighand->siglock);
	if (!sig->real_timer.function) {
		timer_setup(&sig->real_timer, it_real_fn);
		WRITE_ONCE(sig->it_real_leader, current->group_leader);
	}
	if (ovalue) {
		ns_to_timeval(it_real_remaining(sig), &ovalue->it_value);
		ns_to_timeval(sig->it_real_incr, &ovalue->it_interval);
	}
	timer_delete(&sig->real_timer);
	sig->it_real_armed = false;
	if (expires) {
		sig->it_real_incr = timeval_to_ns(&value->it_interval);
		sig->it_real_armed = true;
		mod_timer(&sig->real_timer, jiffies + ns_to_ticks(expires));
	} else {
		sig->it_real_incr = 0;
	}
	spin_unlock_irq(&current->sighand->siglock);
	return 0;
}

/* The group is dead: no SIGALRM for anyone (Linux: hrtimer_cancel in do_exit). */
void exit_itimers(struct signal_struct *sig)
{
	if (!sig->real_timer.function)
		return;
	sig->it_real_armed = false;
	timer_delete_sync(&sig->real_timer);
	WRITE_ONCE(sig->it_real_fired, false);
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval_user __user *, value)
{
	struct itimerval_user get;
	int error = do_getitimer(which, &get);

	if (!error && copy_to_user(value, &get, sizeof(get)))
		error = -EFAULT;
	return error;
}

SYSCALL_DEFINE3(setitimer, int, which, struct itimerval_user __user *, value,
		struct itimerval_user __user *, ovalue)
{
	struct itimerval_user set, get;
	int error;

	if (value) {
		if (copy_from_user(&set, value, sizeof(set)))
			return -EFAULT;
		if (!timeval_valid(&set.it_value) || !timeval_valid(&set.it_interval))
			return -EINVAL;
	} else {
		memset(&set, 0, sizeof(set));	/* Linux: NULL disarms */
	}
	error = do_setitimer(which, &set, ovalue ? &get : NULL);
	if (error || !ovalue)
		return error;
	if (copy_to_user(ovalue, &get, sizeof(get)))
		return -EFAULT;
	return 0;
}

/* Linux: alarm_setitimer. */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct itimerval_user it_new = { 0 }, it_old;

	/* Linux caps it for 32-bit time_t compatibility. */
	if ((int)seconds < 0)
		seconds = INT_MAX;
	it_new.it_value.tv_sec = seconds;
	do_setitimer(ITIMER_REAL, &it_new, &it_old);
	/* Round to the nearest second, and never say 0 if time was left. */
	if ((!it_old.it_value.tv_sec && it_old.it_value.tv_usec) ||
	    it_old.it_value.tv_usec >= 500000)
		it_old.it_value.tv_sec++;
	return it_old.it_value.tv_sec;
}
