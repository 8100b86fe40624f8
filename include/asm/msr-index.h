/* SPDX-License-Identifier: GPL-2.0 */
/* Model-specific register numbers and bits (arch/x86/include/asm/msr-index.h). */
#ifndef _ASM_MSR_INDEX_H
#define _ASM_MSR_INDEX_H

#include <linux/const.h>

#define MSR_EFER 0xc0000080
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define MSR_STAR 0xc0000081		/* the CS/SS selectors of syscall and sysret */
#define MSR_LSTAR 0xc0000082		/* 64-bit syscall entry point */
#define MSR_CSTAR 0xc0000083		/* compat-mode syscall entry (unused) */
#define MSR_SYSCALL_MASK 0xc0000084	/* RFLAGS bits syscall clears */
#define EFER_SCE _BITUL(0)		/* syscall/sysret enabled */
#define EFER_LME _BITUL(8)
#define EFER_NX _BITUL(11)

#endif /* _ASM_MSR_INDEX_H */
