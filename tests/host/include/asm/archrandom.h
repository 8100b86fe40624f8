/* SPDX-License-Identifier: GPL-2.0 */
/* Host version of asm/archrandom.h: the time is seed enough for a test. */
#ifndef _ASM_ARCHRANDOM_H
#define _ASM_ARCHRANDOM_H

#include <time.h>

static inline unsigned long arch_get_random_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long)ts.tv_nsec * 0x9e3779b97f4a7c15UL ^ (unsigned long)ts.tv_sec;
}

#endif /* _ASM_ARCHRANDOM_H */
