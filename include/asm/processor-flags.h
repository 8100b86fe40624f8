/* SPDX-License-Identifier: GPL-2.0 */
/* Control-register and EFLAGS bits (arch/x86/include/uapi/asm/processor-flags.h). */
#ifndef _ASM_PROCESSOR_FLAGS_H
#define _ASM_PROCESSOR_FLAGS_H

#include <linux/const.h>

#define X86_EFLAGS_IF _BITUL(9)
#define X86_CR0_PE _BITUL(0)
#define X86_CR0_WP _BITUL(16)
#define X86_CR0_PG _BITUL(31)
#define X86_CR4_PAE _BITUL(5)
#define X86_CR4_PGE _BITUL(7)
#define X86_CR4_LA57 _BITUL(12)

#endif /* _ASM_PROCESSOR_FLAGS_H */
