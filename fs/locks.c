// SPDX-License-Identifier: GPL-2.0
/*
 * flock(2) locks (Linux: fs/locks.c, flock_lock_inode and sys_flock).
 *
 * A lock belongs to an open file (the struct file: dup'ed fds and forked
 * children share it) and covers the whole inode. LOCK_SH locks share,
 * LOCK_EX excludes every other file's lock; a file holds at most one lock
 * per inode, and asking for the other kind converts it — not atomically,
 * as Linux: the old lock goes first (waking the waiters), then the new
 * one is requested. A conflicting request sleeps interruptibly until the
 * conflict is gone (-ERESTARTSYS on a signal: restarted unless a handler
 * runs), or fails with -EAGAIN under LOCK_NB. LOCK_UN drops the
 * lock (no lock: 0). The last fput of a file drops its locks
 * (locks_remove_file, from __fput). An unknown operation is -EINVAL, a
 * lock on an fd without read or write access -EBADF, LOCK_MAND is ignored
 * (0), as Linux 6.1.
 *
 * Every lock is on one list under one spinlock with one wait queue
 * (Linux: a per-inode file_lock_context with its own lists and waiters);
 * there are few flock users, and a waiter rechecks its inode only.
 * Left out: POSIX record locks (fcntl F_SETLK...: -EINVAL there), OFD
 * locks, leases, LOCK_MAND, deadlock detection (Linux has none for flock
 * either), /proc/locks.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/wait.h>

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define LOCK_MAND 32

struct file_lock {
	struct list_head fl_list;
	struct inode *fl_inode;
	struct file *fl_file;
	int fl_type;			/* LOCK_SH or LOCK_EX */
};

static LIST_HEAD(flock_list);
static DEFINE_SPINLOCK(flock_lock);
static DECLARE_WAIT_QUEUE_HEAD(flock_wait);
static unsigned long nr_flocks;		/* under flock_lock; read unlocked by __fput */

static struct file_lock *find_own_lock(struct inode *inode, struct file *file)
{
	struct file_lock *fl;

	list_for_each_entry(fl, &flock_list, fl_list)
		if (fl->fl_inode == inode && fl->fl_file == file)
			return fl;
	return NULL;
}

static bool flock_conflicts(struct inode *inode, struct file *file, int type)
{
	struct file_lock *fl;

	list_for_each_entry(fl, &flock_list, fl_list)
		if (fl->fl_inode == inode && fl->fl_file != file &&
		    (type == LOCK_EX || fl->fl_type == LOCK_EX))
			return true;
	return false;
}

static void drop_lock(struct file_lock *fl)
{
	list_del(&fl->fl_list);
	nr_flocks--;
	kfree(fl);
}

/* Linux: flock_lock_inode_wait. */
static int flock_lock_file(struct file *file, int type, bool wait)
{
	struct inode *inode = file_inode(file);
	struct file_lock *fl, *new = NULL;
	bool woke = false;
	int err = 0;

	if (type != LOCK_UN) {
		new = kzalloc(sizeof(*new), GFP_KERNEL);
		if (!new)
			return -ENOMEM;
		new->fl_inode = inode;
		new->fl_file = file;
		new->fl_type = type;
	}
	spin_lock(&flock_lock);
	fl = find_own_lock(inode, file);
	if (fl) {
		if (fl->fl_type == type) {
			spin_unlock(&flock_lock);
			kfree(new);
			return 0;
		}
		drop_lock(fl);		/* an unlock, or the first half of a conversion */
		woke = true;
	}
	if (!new)
		goto out;
	for (;;) {
		struct wait_queue_entry w = { .private = current };

		if (!flock_conflicts(inode, file, type)) {
			list_add_tail(&new->fl_list, &flock_list);
			nr_flocks++;
			new = NULL;
			break;
		}
		if (!wait) {
			err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			err = -ERESTARTSYS;
			break;
		}
		/* Queued and asleep before the lock goes: a release in between wakes us. */
		prepare_to_wait(&flock_wait, &w, TASK_INTERRUPTIBLE);
		spin_unlock(&flock_lock);
		if (woke) {
			wake_up_all(&flock_wait);
			woke = false;
		}
		schedule();
		finish_wait(&flock_wait, &w);
		spin_lock(&flock_lock);
	}
out:
	spin_unlock(&flock_lock);
	if (woke)
		wake_up_all(&flock_wait);
	kfree(new);
	return err;
}

/* The file's last reference is going: its locks go with it (Linux: locks_remove_file). */
void locks_remove_file(struct file *file)
{
	struct file_lock *fl, *n;
	bool woke = false;

	if (!READ_ONCE(nr_flocks))
		return;
	spin_lock(&flock_lock);
	list_for_each_entry_safe(fl, n, &flock_list, fl_list) {
		if (fl->fl_file == file) {
			drop_lock(fl);
			woke = true;
		}
	}
	spin_unlock(&flock_lock);
	if (woke)
		wake_up_all(&flock_wait);
}

SYSCALL_DEFINE2(flock, unsigned int, fd, unsigned int, cmd)
{
	int type = cmd & ~LOCK_NB;
	struct fd f;
	int err;

	/* Linux 5.17+: LOCK_MAND never worked and is ignored (with a warning there). */
	if (cmd & LOCK_MAND)
		return 0;
	if (type != LOCK_SH && type != LOCK_EX && type != LOCK_UN)
		return -EINVAL;
	f = fdget(fd);
	if (!f.file)
		return -EBADF;
	err = -EBADF;
	if (type == LOCK_UN || (f.file->f_mode & (FMODE_READ | FMODE_WRITE)))
		err = flock_lock_file(f.file, type, !(cmd & LOCK_NB));
	fdput(f);
	return err;
}
