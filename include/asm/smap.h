/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Supervisor Mode Access Prevention (Linux: arch/x86/include/asm/smap.h).
 * With CR4.SMAP on, a kernel access to a user page faults unless
 * RFLAGS.AC is set: stac() opens the window around a deliberate user
 * access, clac() closes it. On a CPU without SMAP the instructions do not
 * exist (#UD), so they run only when cpu_init() turned SMAP on; Linux
 * patches them in at boot with alternatives instead of testing a flag.
 */
#ifndef _ASM_SMAP_H
#define _ASM_SMAP_H

#include <linux/compiler.h>
#include <linux/types.h>

extern bool smap_enabled;

static __always_inline void stac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("stac" : : : "memory");
}

static __always_inline void clac(void)
{
	if (smap_enabled)
		__asm__ __volatile__("clac" : : : "memory");
}

#endif /* _ASM_SMAP_H */
