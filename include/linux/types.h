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

#ifndef ULLONG_MAX
#define ULLONG_MAX (~0ULL)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX (~0UL)
#endif

#endif /* _LINUX_TYPES_H */
