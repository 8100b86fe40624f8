// SPDX-License-Identifier: GPL-2.0
/*
 * get_random_long(): xorshift64* seeded once from the CPU (RDRAND or the
 * TSC). Good enough to make slab freelist pointers unpredictable to a
 * casual overwrite; not a cryptographic generator like Linux's
 * drivers/char/random.c.
 */
#include <asm/archrandom.h>
#include <linux/random.h>

static unsigned long random_state;

unsigned long get_random_long(void)
{
	unsigned long x = random_state;

	if (!x)
		x = arch_get_random_seed() | 1;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	random_state = x;
	return x * 0x2545f4914f6cdd1dUL;
}
