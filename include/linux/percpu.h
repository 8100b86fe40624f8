/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dynamic per-CPU memory: alloc_percpu() (Linux: include/linux/percpu.h,
 * mm/percpu.c). Returns a __percpu pointer: not usable directly, only
 * through per_cpu_ptr()/this_cpu_ptr(), which add a CPU's offset.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

/* Room for alloc_percpu() in every CPU's area, after the static part. */
#define PERCPU_DYNAMIC_RESERVE (28 << 10)

void __percpu *__alloc_percpu(size_t size, size_t align);
void free_percpu(void __percpu *ptr);
void pcpu_setup_first_chunk(size_t static_size);

#define alloc_percpu(type) \
	((type __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))

#endif /* _LINUX_PERCPU_H */
