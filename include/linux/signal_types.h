/* SPDX-License-Identifier: GPL-2.0 */
/* Signal sets and the per-task pending queue (Linux: include/linux/signal_types.h). */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

#include <linux/list.h>

#ifdef HOST_TEST
/* The host tests link against libc, whose <signal.h> has its own sigset_t. */
#define sigset_t kernel_sigset_t
#endif

typedef struct {
	unsigned long sig[1];	/* _NSIG = 64 signals, one word */
} sigset_t;

struct sigpending {
	struct list_head list;	/* struct sigqueue, one per queued signal */
	sigset_t signal;
};

#endif /* _LINUX_SIGNAL_TYPES_H */
