/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host version of asm/percpu.h. There is no GS register to point at a
 * CPU's copy, so each thread says which CPU it plays in host_cpu (a
 * thread-local), and this_cpu_*() index __per_cpu_offset[] with it. The
 * per-CPU template is a section with a C name so the linker provides
 * __start_/__stop_ symbols; host_setup_per_cpu_areas() (tests/host/stubs.c)
 * makes the copies, as setup_per_cpu_areas() does in the kernel.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#define PER_CPU_BASE_SECTION "host_percpu"

extern char __start_host_percpu[], __stop_host_percpu[];
#define __per_cpu_start __start_host_percpu
#define __per_cpu_end __stop_host_percpu

extern __thread int host_cpu;

#define this_cpu_ptr(ptr) SHIFT_PERCPU_PTR(ptr, __per_cpu_offset[host_cpu])
#define raw_cpu_ptr(ptr) this_cpu_ptr(ptr)
#define this_cpu_read(var) (*this_cpu_ptr(&(var)))
#define raw_cpu_read(var) this_cpu_read(var)
#define this_cpu_write(var, val) (*this_cpu_ptr(&(var)) = (val))
#define this_cpu_add(var, val) (*this_cpu_ptr(&(var)) += (val))
#define this_cpu_sub(var, val) (*this_cpu_ptr(&(var)) -= (val))
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_sub(var, 1)

void host_setup_per_cpu_areas(unsigned int nr_cpus);

#endif /* _ASM_PERCPU_H */
