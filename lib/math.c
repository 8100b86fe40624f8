// SPDX-License-Identifier: GPL-2.0
/*
 * int_sqrt(): integer square root, rounded down (Linux: lib/math/int_sqrt.c).
 * Bit-by-bit method: try each result bit from the top, keep it if the
 * square still fits. The page allocator scales min_free_kbytes with it.
 */
#include <linux/math.h>

unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << (__fls(x) & ~1UL);
	while (m != 0) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}
