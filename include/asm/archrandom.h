/* SPDX-License-Identifier: GPL-2.0 */
/* A seed from the CPU (Linux: arch/x86/include/asm/archrandom.h). */
#ifndef _ASM_ARCHRANDOM_H
#define _ASM_ARCHRANDOM_H

#include <asm/special_insns.h>

static inline unsigned long arch_get_random_seed(void)
{
	unsigned long v;
	unsigned char ok;
	u32 a, b, c, d;

	__asm__ __volatile__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	if (c & (1U << 30)) {	/* RDRAND */
		__asm__ __volatile__("rdrand %0; setc %1" : "=r"(v), "=qm"(ok));
		if (ok)
			return v;
	}
	return rdtsc();
}

#endif /* _ASM_ARCHRANDOM_H */
