/* SPDX-License-Identifier: GPL-2.0 */
/* Control-register and EFLAGS bits (arch/x86/include/uapi/asm/processor-flags.h). */
#ifndef _ASM_PROCESSOR_FLAGS_H
#define _ASM_PROCESSOR_FLAGS_H

#include <linux/const.h>

#define X86_EFLAGS_CF _BITUL(0)
#define X86_EFLAGS_FIXED _BITUL(1)	/* always 1 */
#define X86_EFLAGS_TF _BITUL(8)
#define X86_EFLAGS_IF _BITUL(9)
#define X86_EFLAGS_DF _BITUL(10)
#define X86_EFLAGS_IOPL _AC(0x3000, UL)
#define X86_EFLAGS_NT _BITUL(14)
#define X86_EFLAGS_RF _BITUL(16)
#define X86_EFLAGS_AC _BITUL(18)
#define X86_EFLAGS_ID _BITUL(21)
#define X86_CR0_PE _BITUL(0)
#define X86_CR0_MP _BITUL(1)
#define X86_CR0_EM _BITUL(2)
#define X86_CR0_TS _BITUL(3)
#define X86_CR0_NE _BITUL(5)
#define X86_CR0_WP _BITUL(16)
#define X86_CR0_PG _BITUL(31)
#define X86_CR4_PAE _BITUL(5)
#define X86_CR4_PGE _BITUL(7)
#define X86_CR4_OSFXSR _BITUL(9)
#define X86_CR4_OSXMMEXCPT _BITUL(10)
#define X86_CR4_UMIP _BITUL(11)
#define X86_CR4_LA57 _BITUL(12)
#define X86_CR4_OSXSAVE _BITUL(18)
#define X86_CR4_SMEP _BITUL(20)
#define X86_CR4_SMAP _BITUL(21)

#endif /* _ASM_PROCESSOR_FLAGS_H */
