/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-size integer types and the kernel's basic typedefs, as in Linux's
 * include/linux/types.h. Freestanding: no libc headers in the kernel build.
 * The host tests build the same code with the host compiler; the types
 * below are the same width there.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;

/* The VFS's types (Linux: include/linux/types.h, posix_types.h). */
#ifdef HOST_TEST
#include <sys/types.h>	/* the host tests take libc's loff_t, dev_t, blkcnt_t */
#else
typedef long long loff_t;		/* file offsets and sizes */
typedef u32 dev_t;			/* MKDEV(major, minor), linux/kdev_t.h */
typedef u64 blkcnt_t;
#endif
typedef unsigned short umode_t;	/* S_IF* type and permission bits */
typedef unsigned long pgoff_t;		/* page index within a file */
typedef unsigned int uid_t;		/* Linux wraps these as kuid_t/kgid_t */
typedef unsigned int gid_t;
typedef int pid_t;
typedef unsigned int fmode_t;		/* FMODE_* (linux/fs.h) */
typedef unsigned int __poll_t;		/* EPOLL* events (linux/poll.h) */

#ifndef ULLONG_MAX
#define ULLONG_MAX (~0ULL)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX (~0UL)
#endif

#endif /* _LINUX_TYPES_H */
