/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers every file uses: min/max, alignment, container_of. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define min_t(type, a, b) min((type)(a), (type)(b))
#define max_t(type, a, b) max((type)(a), (type)(b))

#ifndef INT_MAX
#define INT_MAX 0x7fffffff
#endif

#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define SZ_1K 0x400UL
#define SZ_1M 0x100000UL
#define SZ_2M 0x200000UL
#define SZ_16M 0x1000000UL
#define SZ_1G 0x40000000UL
#define SZ_4G 0x100000000UL

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/*
 * How far the boot has come (Linux: system_state). Checks that only make
 * sense once tasks run, such as might_sleep(), stay quiet while BOOTING.
 */
enum system_states {
	SYSTEM_BOOTING,		/* start_kernel(), before PID 1 exists */
	SYSTEM_SCHEDULING,	/* PID 1 created: rest_init() onwards */
	SYSTEM_RUNNING,		/* kernel_init() has brought up every CPU */
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
};
extern enum system_states system_state;

#endif /* _LINUX_KERNEL_H */
