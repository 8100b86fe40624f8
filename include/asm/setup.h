/* SPDX-License-Identifier: GPL-2.0 */
/* The boot sequence's entry points (asm/setup.h, linux/start_kernel.h). */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/compiler.h>
#include <linux/types.h>

extern unsigned long max_pfn;
extern const char linux_banner[];

void x86_64_start_kernel(u32 magic, u32 mbi_phys);
void start_kernel(void);
void setup_arch(void);

#endif /* _ASM_SETUP_H */
