/* SPDX-License-Identifier: GPL-2.0 */
/*
 * poll(2)'s kernel side (Linux: include/linux/poll.h,
 * include/uapi/asm-generic/poll.h; the syscalls are in fs/select.c).
 *
 * A file's ->poll(file, pt) returns the EPOLL* events that are ready now,
 * and calls poll_wait(file, &queue, pt) on every wait queue whose
 * wake_up() could change the answer. poll(2)/select(2) pass a poll_table
 * whose _qproc adds one entry per queue, sleep until any of them is woken
 * (or the timeout or a signal), and ask ->poll again; a NULL table (or
 * NULL _qproc) means "just ask, do not wait". A file with no ->poll is
 * always readable and writable (DEFAULT_POLLMASK), as Linux says.
 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/wait.h>

#define EPOLLIN		0x00000001
#define EPOLLPRI	0x00000002
#define EPOLLOUT	0x00000004
#define EPOLLERR	0x00000008
#define EPOLLHUP	0x00000010
#define EPOLLNVAL	0x00000020
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLMSG	0x00000400
#define EPOLLRDHUP	0x00002000

/* poll(2)'s user values are the same bits (POLLIN == EPOLLIN ...). */
#define POLLIN		EPOLLIN
#define POLLPRI		EPOLLPRI
#define POLLOUT		EPOLLOUT
#define POLLERR		EPOLLERR
#define POLLHUP		EPOLLHUP
#define POLLNVAL	EPOLLNVAL
#define POLLRDNORM	EPOLLRDNORM
#define POLLRDBAND	EPOLLRDBAND
#define POLLWRNORM	EPOLLWRNORM
#define POLLWRBAND	EPOLLWRBAND
#define POLLRDHUP	EPOLLRDHUP

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

struct file;
struct poll_table_struct;

typedef void (*poll_queue_proc)(struct file *file, struct wait_queue_head *wq,
				struct poll_table_struct *pt);

typedef struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;			/* the events the caller wants */
} poll_table;

static inline void poll_wait(struct file *filp, struct wait_queue_head *wq, poll_table *p)
{
	if (p && p->_qproc && wq)
		p->_qproc(filp, wq, p);
}

static inline bool poll_does_not_wait(const poll_table *p)
{
	return !p || !p->_qproc;
}

static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : ~(__poll_t)0;
}

/* fs/select.c: ask file->f_op->poll (or DEFAULT_POLLMASK), as do_pollfd does. */
__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt);

#endif /* _LINUX_POLL_H */
