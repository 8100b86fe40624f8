/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource limits and usage (Linux: include/linux/resource.h,
 * include/uapi/linux/resource.h, include/asm-generic/resource.h). The
 * RLIMIT_* numbers and struct rlimit are in linux/sched/signal.h (the
 * limits live in signal_struct.rlim); the system calls are in
 * kernel/sys.c.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/sched/signal.h>

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_BOTH (-2)	/* kernel-internal */
#define RUSAGE_THREAD 1

#define RLIM64_INFINITY (~0ULL)

#endif /* _LINUX_RESOURCE_H */
