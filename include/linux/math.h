/* SPDX-License-Identifier: GPL-2.0 */
/* Integer helpers (Linux: include/linux/math.h, log2.h, bitops.h). */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>

unsigned long int_sqrt(unsigned long x);

/* Index of the lowest set bit; undefined for 0, as in Linux. */
static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* Index of the highest set bit; undefined for 0. */
static inline unsigned long __fls(unsigned long word)
{
	return 63 - __builtin_clzl(word);
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << __fls(n);
}

#endif /* _LINUX_MATH_H */
