/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock-debugging master switch (Linux: include/linux/debug_locks.h,
 * lib/debug_locks.c). debug_locks is 1 while lockdep and the spinlock
 * debug checks are live; the first report turns it off with
 * debug_locks_off(), so each bug is reported once and a confused
 * validator does not flood the log. debug_locks_silent (set by the
 * self-tests) keeps the reports they provoke on purpose out of the log.
 */
#ifndef _LINUX_DEBUG_LOCKS_H
#define _LINUX_DEBUG_LOCKS_H

#include <linux/compiler.h>
#include <linux/panic.h>
#include <linux/printk.h>

extern int debug_locks;
extern int debug_locks_silent;

/* Returns 1 if it turned debugging off just now (the caller reports). */
int __debug_locks_off(void);
/* The same, but 0 when silent: "should I print?" */
int debug_locks_off(void);

/* An internal inconsistency: report it once, as a WARN, and stop checking. */
#define DEBUG_LOCKS_WARN_ON(c)                                                 \
	({                                                                     \
		int __ret = 0;                                                 \
		if (unlikely(c)) {                                             \
			if (debug_locks_off()) {                               \
				pr_warn("DEBUG_LOCKS_WARN_ON(%s)\n", #c);      \
				__warn(__FILE__, __LINE__, (void *)_THIS_IP_); \
			}                                                      \
			__ret = 1;                                             \
		}                                                              \
		__ret;                                                         \
	})

#endif /* _LINUX_DEBUG_LOCKS_H */
