/* SPDX-License-Identifier: GPL-2.0 */
/* Interrupt vector numbers (Linux: arch/x86/include/asm/irq_vectors.h). */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

#define NMI_VECTOR 0x02
#define FIRST_EXTERNAL_VECTOR 0x20
#define ISA_IRQ_VECTOR(irq) (((FIRST_EXTERNAL_VECTOR + 16) & ~15) + (irq))
#define LOCAL_TIMER_VECTOR 0xec
#define REBOOT_VECTOR 0xf8	/* smp_send_stop(): stop_this_cpu() */
#define CALL_FUNCTION_SINGLE_VECTOR 0xfb
/* Linux also has CALL_FUNCTION_VECTOR 0xfc; here every call-function IPI uses the single one. */
#define RESCHEDULE_VECTOR 0xfd
#define ERROR_APIC_VECTOR 0xfe
#define SPURIOUS_APIC_VECTOR 0xff
#define NR_VECTORS 256

#ifndef __ASSEMBLY__
struct pt_regs;
typedef void (*vector_handler_t)(struct pt_regs *regs);
void set_vector_handler(unsigned int vector, vector_handler_t handler);
bool vector_has_handler(unsigned int vector);
void idt_setup_apic_and_irq_gates(void);
#endif

#endif /* _ASM_IRQ_VECTORS_H */
