// SPDX-License-Identifier: GPL-2.0
/*
 * poll(2), ppoll(2), select(2) and pselect6(2) (Linux: fs/select.c).
 *
 * Every file answers "what is ready now" through vfs_poll(), which calls
 * f_op->poll(file, pt) or, for a file without one (regular files,
 * directories), says DEFAULT_POLLMASK: always readable and writable. A
 * ->poll that could become ready later calls poll_wait(file, queue, pt)
 * for each wait queue a wake-up would come from (a pipe: rd_wait and
 * wr_wait, fs/pipe.c; a tty: drivers/tty/).
 *
 * The poller's table is a struct poll_wqueues: its poll_table's _qproc,
 * __pollwait(), takes one struct poll_table_entry per (file, queue), holds
 * the file, and adds the entry to the queue with pollwake() as its wake
 * function (struct wait_queue_entry's func, kernel/sched/wait.c).
 * pollwake() sets pwq->triggered before it wakes the poller, so the
 * sleep in poll_schedule_timeout() — state set, then triggered tested —
 * never misses a wake-up that came while the ->poll calls ran (they may
 * take mutexes and sleep themselves). do_poll() and do_select() ask every
 * file once with the table (queueing the entries), then, while nothing is
 * ready, no signal is pending and the time has not run out, sleep and ask
 * again without queueing anything new; poll_freewait() takes every entry
 * off its queue and drops the files.
 *
 * Times: poll's timeout is milliseconds (negative: forever); select's a
 * timeval, ppoll's and pselect6's a timespec (NULL: forever; {0, 0}:
 * just look). The deadline is absolute, in ktime_get_ns() (the monotonic
 * clock); the sleep is schedule_timeout() in whole jiffies, rounded up, so
 * it never ends early. select, pselect6 and ppoll write the time left
 * back (Linux's poll_select_finish; not for a zero timeout), and a fault
 * writing it turns an interrupted call's -ERESTARTNOHAND into -EINTR.
 *
 * Errors as Linux: poll with nfds above RLIMIT_NOFILE -EINVAL, a bad
 * array -EFAULT, a negative fd ignored (revents 0), a closed one POLLNVAL;
 * select with n < 0 -EINVAL, n above the fd table clamped to it, a set
 * bit for a closed fd -EBADF, a bad set -EFAULT, a negative time -EINVAL;
 * a signal -ERESTARTNOHAND (restarted if no handler runs, else -EINTR);
 * poll's -ERESTARTNOHAND is Linux's -ERESTART_RESTARTBLOCK without the
 * restart block (a restarted poll waits its whole timeout again).
 *
 * ppoll and pselect6 install the caller's signal mask for the wait
 * (set_user_sigmask: sigsetsize must be sizeof(sigset_t), else -EINVAL)
 * and put the old one back on return (restore_saved_sigmask_unless).
 * When the call was interrupted the temporary mask stays until the
 * handler's frame is set up (TIF_RESTORE_SIGMASK, saved_sigmask), as
 * in Linux: the handler runs with it, sigreturn restores the old one.
 *
 * Left out: epoll, the poll_table_page chunks (entries come from a
 * small inline array, then kmalloc'ed blocks), busy polling, the
 * wake-up key filtering (pollwake wakes for any event), timer slack,
 * the STICKY_TIMEOUTS personality.
 */
#include <linux/file.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (unlikely(!file->f_op->poll))
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

/* ---- the poller's table ------------------------------------------------------------- */

struct poll_wqueues;

struct poll_table_entry {
	struct file *filp;
	struct wait_queue_entry wait;
	wait_queue_head_t *wait_address;
	struct poll_wqueues *pwq;
};

#define POLL_INLINE_ENTRIES 8
#define POLL_BLOCK_ENTRIES 32

struct poll_table_block {
	struct poll_table_block *next;
	unsigned int used;
	struct poll_table_entry entries[POLL_BLOCK_ENTRIES];
};

struct poll_wqueues {
	poll_table pt;
	struct task_struct *polling_task;
	int triggered;
	int error;
	unsigned int inline_index;
	struct poll_table_block *table;
	struct poll_table_entry inline_entries[POLL_INLINE_ENTRIES];
};

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p);

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->pt._key = ~(__poll_t)0;
	pwq->polling_task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->inline_index = 0;
	pwq->table = NULL;
}

static void free_poll_entry(struct poll_table_entry *entry)
{
	remove_wait_queue(entry->wait_address, &entry->wait);
	fput(entry->filp);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_block *b = pwq->table;

	for (unsigned int i = 0; i < pwq->inline_index; i++)
		free_poll_entry(&pwq->inline_entries[i]);
	while (b) {
		struct poll_table_block *next = b->next;

		for (unsigned int i = 0; i < b->used; i++)
			free_poll_entry(&b->entries[i]);
		kfree(b);
		b = next;
	}
	pwq->inline_index = 0;
	pwq->table = NULL;
}

static struct poll_table_entry *poll_get_entry(struct poll_wqueues *p)
{
	struct poll_table_block *b = p->table;

	if (p->inline_index < POLL_INLINE_ENTRIES)
		return &p->inline_entries[p->inline_index++];
	if (!b || b->used == POLL_BLOCK_ENTRIES) {
		b = kmalloc(sizeof(*b), GFP_KERNEL);
		if (!b) {
			p->error = -ENOMEM;
			return NULL;
		}
		b->used = 0;
		b->next = p->table;
		p->table = b;
	}
	return &b->entries[b->used++];
}

/* A queue the poller sleeps on was woken: tell it (Linux: __pollwake). */
static int pollwake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);
	struct poll_wqueues *pwq = entry->pwq;

	/*
	 * triggered before the wake-up reads the task's state:
	 * poll_schedule_timeout sets its state, then tests triggered.
	 */
	WRITE_ONCE(pwq->triggered, 1);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* Linux: smp_wmb() + try_to_wake_up's barrier */
	return wake_up_state(pwq->polling_task, mode);
}

/* The poll_table's _qproc: one entry on this queue for this file (Linux: __pollwait). */
static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
	struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
	struct poll_table_entry *entry = poll_get_entry(pwq);

	if (!entry)
		return;
	entry->filp = get_file(filp);
	entry->wait_address = wait_address;
	entry->pwq = pwq;
	init_waitqueue_func_entry(&entry->wait, pollwake);
	add_wait_queue(wait_address, &entry->wait);
}

#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)

/*
 * Sleep until a queue is woken, a signal comes or *end_time (ns of
 * ktime_get_ns; NULL: no limit) passes. 0 if the time ran out, else -EINTR
 * (Linux: poll_schedule_timeout).
 */
static int poll_schedule_timeout(struct poll_wqueues *pwq, int state, const u64 *end_time)
{
	int rc = -EINTR;

	set_current_state(state);
	if (!READ_ONCE(pwq->triggered)) {
		if (!end_time) {
			schedule();
		} else {
			s64 left = (s64)(*end_time - ktime_get_ns());

			if (left <= 0) {
				rc = 0;
			} else {
				long ticks = (left + NSEC_PER_TICK - 1) / NSEC_PER_TICK;

				if (ticks > (1L << 30))
					ticks = 1L << 30;
				schedule_timeout(ticks);
				if ((s64)(*end_time - ktime_get_ns()) <= 0)
					rc = 0;
			}
		}
	}
	__set_current_state(TASK_RUNNING);
	/* Ready for the next round: a wake-up from now on counts again. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* Linux: smp_mb() */
	WRITE_ONCE(pwq->triggered, 0);
	return rc;
}

/* ---- times -------------------------------------------------------------------------- */

/* The absolute deadline of a relative (sec, nsec); -EINVAL if invalid (Linux: poll_select_set_timeout). */
static int poll_select_set_timeout(u64 *to, s64 sec, s64 nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };
	s64 ns;

	if (!timespec64_valid(&ts))
		return -EINVAL;
	if (!sec && !nsec) {
		*to = 0;		/* just look */
		return 0;
	}
	ns = timespec64_to_ns(&ts);
	if (ns > (s64)(1ULL << 62))
		ns = 1LL << 62;
	*to = ktime_get_ns() + ns;
	if (!*to)
		*to = 1;
	return 0;
}

enum poll_time_type { PT_TIMEVAL, PT_TIMESPEC };

/*
 * The call is over: put the caller's signal mask back and write the time
 * left to p (Linux: poll_select_finish). A fault there makes an
 * interrupted call -EINTR: it cannot be restarted without its time.
 */
static int poll_select_finish(const u64 *end_time, void __user *p, enum poll_time_type pt_type,
			      int ret);

/* ---- signal masks (ppoll, pselect6) -------------------------------------------------- */

/* Install the user's mask for the wait, the old one in current->saved_sigmask (Linux: set_user_sigmask). */
static int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize, bool *swapped)
{
	sigset_t kmask;

	*swapped = false;
	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&kmask, umask, sizeof(kmask)))
		return -EFAULT;
	set_restore_sigmask();
	current->saved_sigmask = current->blocked;
	set_current_blocked(&kmask);
	*swapped = true;
	return 0;
}

/*
 * Linux: restore_saved_sigmask_unless(interrupted) — an interrupted call
 * keeps the temporary mask until the handler's frame is built.
 */
static void restore_user_sigmask(bool swapped, bool interrupted)
{
	if (swapped)
		restore_saved_sigmask_unless(interrupted);
}

static int poll_select_finish(const u64 *end_time, void __user *p, enum poll_time_type pt_type,
			      int ret)
{
	s64 left;

	if (!p || !end_time)
		return ret;
	if (!*end_time)
		return ret;		/* no update for a zero timeout */
	left = (s64)(*end_time - ktime_get_ns());
	if (left < 0)
		left = 0;
	if (pt_type == PT_TIMEVAL) {
		struct __kernel_old_timeval rtv = {
			.tv_sec = left / (s64)NSEC_PER_SEC,
			.tv_usec = (left % (s64)NSEC_PER_SEC) / 1000,
		};

		if (!copy_to_user(p, &rtv, sizeof(rtv)))
			return ret;
	} else {
		struct timespec64 rts = ns_to_timespec64(left);

		if (!put_timespec64(&rts, p))
			return ret;
	}
	if (ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

/* ---- poll --------------------------------------------------------------------------- */

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* One pollfd's revents (Linux: do_pollfd; x86's POLL* bits need no mangling). */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
	int fd = pollfd->fd;
	__poll_t mask, filter;
	struct fd f;

	if (fd < 0)
		return 0;
	f = fdget(fd);
	if (!f.file)
		return EPOLLNVAL;
	/* POLLERR and POLLHUP are always reported. */
	filter = (__poll_t)(u16)pollfd->events | EPOLLERR | EPOLLHUP;
	if (pwait)
		pwait->_key = filter;
	mask = vfs_poll(f.file, pwait) & filter;
	fdput(f);
	return mask;
}

static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait,
		   const u64 *end_time)
{
	poll_table *pt = &wait->pt;
	bool timed_out = false;
	int count = 0;

	/* A zero timeout: look once, queue nothing (Linux: the same). */
	if (end_time && !*end_time) {
		pt->_qproc = NULL;
		timed_out = true;
	}
	for (;;) {
		for (unsigned int i = 0; i < nfds; i++) {
			__poll_t mask = do_pollfd(&fds[i], pt);

			fds[i].revents = (short)mask;
			if (mask) {
				count++;
				/* Something is ready: no more queueing, this round is the answer. */
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;
		if (!count) {
			count = wait->error;
			if (signal_pending(current))
				count = -ERESTARTNOHAND;
		}
		if (count || timed_out)
			break;
		if (!poll_schedule_timeout(wait, TASK_INTERRUPTIBLE, end_time))
			timed_out = true;
	}
	return count;
}

static int do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, const u64 *end_time)
{
	struct poll_wqueues table;
	struct pollfd *fds;
	size_t size;
	int err;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	size = (size_t)nfds * sizeof(*fds);
	fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, size)) {
		kfree(fds);
		return -EFAULT;
	}
	poll_initwait(&table);
	err = do_poll(fds, nfds, &table, end_time);
	poll_freewait(&table);
	/* Only revents go back, each as its own write (Linux: the same). */
	for (unsigned int i = 0; i < nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			err = -EFAULT;
			break;
		}
	}
	kfree(fds);
	return err;
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	u64 end_time, *to = NULL;

	if (timeout_msecs >= 0) {
		to = &end_time;
		poll_select_set_timeout(to, timeout_msecs / 1000,
					(s64)(timeout_msecs % 1000) * 1000000);
	}
	return do_sys_poll(ufds, nfds, to);
}

/* ppoll's and pselect6's user timespec as an end time (-EFAULT, -EINVAL as Linux). */
static int get_poll_timeout(struct __kernel_timespec __user *tsp, u64 *end_time)
{
	struct timespec64 ts;

	if (get_timespec64(&ts, tsp))
		return -EFAULT;
	if (poll_select_set_timeout(end_time, ts.tv_sec, ts.tv_nsec))
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	u64 end_time, *to = NULL;
	bool swapped;
	int ret;

	if (tsp) {
		ret = get_poll_timeout(tsp, &end_time);
		if (ret)
			return ret;
		to = &end_time;
	}
	ret = set_user_sigmask(sigmask, sigsetsize, &swapped);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, to);
	ret = poll_select_finish(to, tsp, PT_TIMESPEC, ret);
	restore_user_sigmask(swapped, ret == -ERESTARTNOHAND);
	return ret;
}

/* ---- select ------------------------------------------------------------------------- */

#define FDS_BITPERLONG (8 * sizeof(long))
#define FDS_LONGS(nr) (((nr) + FDS_BITPERLONG - 1) / FDS_BITPERLONG)
#define FDS_BYTES(nr) (FDS_LONGS(nr) * sizeof(long))

/* in, out, ex and their results (Linux: fd_set_bits). */
typedef struct {
	unsigned long *in, *out, *ex;
	unsigned long *res_in, *res_out, *res_ex;
} fd_set_bits;

#define POLLIN_SET (EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET (EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET (EPOLLPRI)

static int get_fd_set(unsigned long nr, void __user *ufdset, unsigned long *fdset)
{
	size_t nbytes = FDS_BYTES(nr);

	if (ufdset)
		return copy_from_user(fdset, ufdset, nbytes) ? -EFAULT : 0;
	memset(fdset, 0, nbytes);
	return 0;
}

static int set_fd_set(unsigned long nr, void __user *ufdset, unsigned long *fdset)
{
	if (ufdset)
		return copy_to_user(ufdset, fdset, FDS_BYTES(nr)) ? -EFAULT : 0;
	return 0;
}

/* The highest fd asked about plus one; -EBADF if any asked-about fd is closed (Linux: max_select_fd). */
static int max_select_fd(unsigned long n, fd_set_bits *fds)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	int max = -1;

	if (!files)
		return n ? -EBADF : 0;
	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	for (unsigned long i = 0; i < n; i++) {
		unsigned long word = i / FDS_BITPERLONG, bit = i % FDS_BITPERLONG;
		unsigned long set = fds->in[word] | fds->out[word] | fds->ex[word];

		if (!((set >> bit) & 1))
			continue;
		if (i >= fdt->max_fds || !fd_is_open(i, fdt)) {
			spin_unlock(&files->file_lock);
			return -EBADF;
		}
		max = i;
	}
	spin_unlock(&files->file_lock);
	return max + 1;
}

static inline bool fd_bit(const unsigned long *set, unsigned long i)
{
	return (set[i / FDS_BITPERLONG] >> (i % FDS_BITPERLONG)) & 1;
}

static inline void fd_set_bit(unsigned long *set, unsigned long i)
{
	set[i / FDS_BITPERLONG] |= 1UL << (i % FDS_BITPERLONG);
}

static int do_select(int n, fd_set_bits *fds, const u64 *end_time)
{
	struct poll_wqueues table;
	bool timed_out = false;
	poll_table *wait;
	int retval;

	retval = max_select_fd(n, fds);
	if (retval < 0)
		return retval;
	n = retval;

	poll_initwait(&table);
	wait = &table.pt;
	if (end_time && !*end_time) {
		wait->_qproc = NULL;
		timed_out = true;
	}
	retval = 0;
	for (;;) {
		for (int i = 0; i < n; i++) {
			bool in = fd_bit(fds->in, i), out = fd_bit(fds->out, i), ex = fd_bit(fds->ex, i);
			__poll_t mask;
			struct fd f;

			if (!in && !out && !ex)
				continue;
			f = fdget(i);
			if (!f.file)
				continue;	/* closed meanwhile: Linux skips it too */
			wait->_key = (in ? POLLIN_SET : 0) | (out ? POLLOUT_SET : 0) |
				     (ex ? POLLEX_SET : 0);
			mask = vfs_poll(f.file, wait);
			fdput(f);
			if (in && (mask & POLLIN_SET)) {
				fd_set_bit(fds->res_in, i);
				retval++;
				wait->_qproc = NULL;
			}
			if (out && (mask & POLLOUT_SET)) {
				fd_set_bit(fds->res_out, i);
				retval++;
				wait->_qproc = NULL;
			}
			if (ex && (mask & POLLEX_SET)) {
				fd_set_bit(fds->res_ex, i);
				retval++;
				wait->_qproc = NULL;
			}
		}
		wait->_qproc = NULL;
		if (retval || timed_out)
			break;
		if (table.error) {
			retval = table.error;
			break;
		}
		if (signal_pending(current)) {
			retval = -ERESTARTNOHAND;
			break;
		}
		if (!poll_schedule_timeout(&table, TASK_INTERRUPTIBLE, end_time))
			timed_out = true;
	}
	poll_freewait(&table);
	return retval;
}

/* Linux: core_sys_select. */
static int core_sys_select(int n, void __user *inp, void __user *outp, void __user *exp,
			   const u64 *end_time)
{
	fd_set_bits fds;
	unsigned long *bits;
	struct files_struct *files = current->files;
	unsigned int max_fds;
	size_t size;
	int ret;

	if (n < 0)
		return -EINVAL;
	/* The fd table's size bounds n (Linux: max_fds under RCU). */
	max_fds = 0;
	if (files) {
		spin_lock(&files->file_lock);
		max_fds = files_fdtable(files)->max_fds;
		spin_unlock(&files->file_lock);
	}
	if ((unsigned int)n > max_fds)
		n = max_fds;
	size = FDS_BYTES(n);
	bits = kzalloc(6 * (size ? size : sizeof(long)), GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	size = size ? size : sizeof(long);
	fds.in = bits;
	fds.out = (unsigned long *)((char *)bits + size);
	fds.ex = (unsigned long *)((char *)bits + 2 * size);
	fds.res_in = (unsigned long *)((char *)bits + 3 * size);
	fds.res_out = (unsigned long *)((char *)bits + 4 * size);
	fds.res_ex = (unsigned long *)((char *)bits + 5 * size);

	ret = get_fd_set(n, inp, fds.in);
	if (!ret)
		ret = get_fd_set(n, outp, fds.out);
	if (!ret)
		ret = get_fd_set(n, exp, fds.ex);
	if (ret)
		goto out;
	ret = do_select(n, &fds, end_time);
	if (ret < 0)
		goto out;
	if (set_fd_set(n, inp, fds.res_in) || set_fd_set(n, outp, fds.res_out) ||
	    set_fd_set(n, exp, fds.res_ex))
		ret = -EFAULT;
out:
	kfree(bits);
	return ret;
}

static int kern_select(int n, void __user *inp, void __user *outp, void __user *exp,
		       struct __kernel_old_timeval __user *tvp)
{
	u64 end_time, *to = NULL;
	int ret;

	if (tvp) {
		struct __kernel_old_timeval tv;

		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		to = &end_time;
		if (poll_select_set_timeout(to, tv.tv_sec + tv.tv_usec / USEC_PER_SEC,
					    (tv.tv_usec % USEC_PER_SEC) * 1000))
			return -EINVAL;
	}
	ret = core_sys_select(n, inp, outp, exp, to);
	return poll_select_finish(to, tvp, PT_TIMEVAL, ret);
}

SYSCALL_DEFINE5(select, int, n, void __user *, inp, void __user *, outp, void __user *, exp,
		struct __kernel_old_timeval __user *, tvp)
{
	return kern_select(n, inp, outp, exp, tvp);
}

/* pselect6's sixth argument: the mask and its size (Linux: struct sigset_argpack). */
struct sigset_argpack {
	const sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp, void __user *, exp,
		struct __kernel_timespec __user *, tsp, void __user *, sig)
{
	struct sigset_argpack x = { NULL, 0 };
	u64 end_time, *to = NULL;
	bool swapped;
	int ret;

	if (tsp) {
		ret = get_poll_timeout(tsp, &end_time);
		if (ret)
			return ret;
		to = &end_time;
	}
	if (sig && copy_from_user(&x, sig, sizeof(x)))
		return -EFAULT;
	ret = set_user_sigmask(x.p, x.size, &swapped);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, to);
	ret = poll_select_finish(to, tsp, PT_TIMESPEC, ret);
	restore_user_sigmask(swapped, ret == -ERESTARTNOHAND);
	return ret;
}
