/* SPDX-License-Identifier: GPL-2.0 */
/*
 * this_cpu_*() on x86-64: one instruction with a %gs: prefix (Linux:
 * arch/x86/include/asm/percpu.h). The GS base of each CPU holds its
 * per-CPU offset, so "%gs:var" addresses this CPU's copy of var. One
 * instruction cannot be split by an interrupt or a migration, which is
 * what makes these safe without a lock or disabled preemption.
 *
 * Linux used to link the per-CPU section at address 0 so that the
 * offset was the copy's address; it now links it in place, as we do,
 * and GS holds (copy - template). Before setup_per_cpu_areas() GS is 0,
 * so the boot CPU uses the template itself.
 * The host tests replace this header (tests/host/include/asm/percpu.h).
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#define PER_CPU_BASE_SECTION ".data..percpu"

#ifndef __ASSEMBLY__
#include <linux/types.h>

extern char __per_cpu_start[], __per_cpu_end[];

#define __pcpu_size_check(var)                                                \
	_Static_assert(sizeof(var) == 1 || sizeof(var) == 2 ||                \
		       sizeof(var) == 4 || sizeof(var) == 8,                  \
		       "this_cpu ops work on 1, 2, 4 or 8 byte variables")

#define percpu_from_op(op, var)                                               \
	({                                                                    \
		__pcpu_size_check(var);                                       \
		unsigned long __v = 0;                                        \
		switch (sizeof(var)) {                                        \
		case 1: __asm__ __volatile__(op "b %%gs:%1, %b0" : "+q"(__v) : "m"(var)); break; \
		case 2: __asm__ __volatile__(op "w %%gs:%1, %w0" : "+r"(__v) : "m"(var)); break; \
		case 4: __asm__ __volatile__(op "l %%gs:%1, %k0" : "+r"(__v) : "m"(var)); break; \
		case 8: __asm__ __volatile__(op "q %%gs:%1, %0" : "+r"(__v) : "m"(var)); break;  \
		}                                                             \
		(__typeof__(var))__v;                                         \
	})

#define percpu_to_op(op, var, val)                                            \
	do {                                                                  \
		__pcpu_size_check(var);                                       \
		unsigned long __v = (unsigned long)(val);                     \
		switch (sizeof(var)) {                                        \
		case 1: __asm__ __volatile__(op "b %b1, %%gs:%0" : "+m"(var) : "qi"(__v)); break; \
		case 2: __asm__ __volatile__(op "w %w1, %%gs:%0" : "+m"(var) : "ri"(__v)); break; \
		case 4: __asm__ __volatile__(op "l %k1, %%gs:%0" : "+m"(var) : "ri"(__v)); break; \
		case 8: __asm__ __volatile__(op "q %1, %%gs:%0" : "+m"(var) : "re"(__v)); break;  \
		}                                                             \
	} while (0)

#define this_cpu_read(var) percpu_from_op("mov", var)
#define this_cpu_write(var, val) percpu_to_op("mov", var, val)
#define this_cpu_add(var, val) percpu_to_op("add", var, val)
#define this_cpu_sub(var, val) percpu_to_op("sub", var, val)
#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_sub(var, 1)
#define raw_cpu_read(var) this_cpu_read(var)

/* This CPU's copy of a per-CPU object: template address + this_cpu_off. */
#define this_cpu_ptr(ptr) SHIFT_PERCPU_PTR(ptr, this_cpu_read(this_cpu_off))
#define raw_cpu_ptr(ptr) this_cpu_ptr(ptr)

extern __typeof__(unsigned long) this_cpu_off;	/* DECLARE_PER_CPU */
#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PERCPU_H */
