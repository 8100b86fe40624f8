/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What restart_syscall() resumes when a system call interrupted by a
 * signal returned -ERESTART_RESTARTBLOCK and no handler ran (Linux:
 * include/linux/restart_block.h). Only nanosleep uses it here.
 */
#ifndef _LINUX_RESTART_BLOCK_H
#define _LINUX_RESTART_BLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

struct __kernel_timespec;

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {
			u64 expires;	/* ktime_get_ns() deadline */
			struct __kernel_timespec __user *rmtp;
		} nanosleep;
	};
};

long do_no_restart_syscall(struct restart_block *parm);	/* -EINTR */

#endif /* _LINUX_RESTART_BLOCK_H */
