/* SPDX-License-Identifier: GPL-2.0 */
/* NMI handlers (Linux: arch/x86/include/asm/nmi.h, arch/x86/kernel/nmi.c). */
#ifndef _ASM_NMI_H
#define _ASM_NMI_H

#include <asm/ptrace.h>

/* Port 0x61 (system control port B): why the chipset raised an NMI. */
#define NMI_REASON_PORT 0x61
#define NMI_REASON_SERR 0x80
#define NMI_REASON_IOCHK 0x40
#define NMI_REASON_MASK (NMI_REASON_SERR | NMI_REASON_IOCHK)

enum {
	NMI_LOCAL,	/* CPU-specific: asked first (smp_stop, a watchdog, ...) */
	NMI_UNKNOWN,	/* last resort before "Uhhuh. NMI received for unknown reason" */
	NMI_MAX
};

#define NMI_DONE 0
#define NMI_HANDLED 1

typedef int (*nmi_handler_t)(unsigned int type, struct pt_regs *regs);

int register_nmi_handler(unsigned int type, nmi_handler_t handler, const char *name);
unsigned int nmi_count(unsigned int cpu);		/* NMIs this CPU took */
unsigned int nmi_unknown_count(unsigned int cpu);	/* of those, unclaimed */

#endif /* _ASM_NMI_H */
