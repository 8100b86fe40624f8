/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The real-mode trampoline that brings an application processor into
 * long mode (Linux: arch/x86/realmode/rm/trampoline_64.S).
 *
 * After INIT-SIPI-SIPI an AP starts in 16-bit real mode at CS:IP =
 * (vector << 8):0, that is at the start of a 4 KiB page below 1 MiB.
 * This code is copied to such a page (kernel/smpboot.c) and the BSP fills
 * in the tr_* fields first. It must be position independent: it finds
 * its own physical address from CS. Steps: protected mode with a tiny
 * GDT; CR4 (PAE, and LA57 if the BSP uses 5 levels: it can only be set
 * with paging off), CR3 = trampoline_pgd (the kernel's tables plus a
 * read-only, executable identity mapping of this one page), EFER.LME/NX,
 * paging on; far jump to 64-bit code; jump to secondary_startup_64 in the
 * kernel's higher half. Once paging is on nothing here writes memory.
 * The data lives in this file's .rodata: it is only ever executed from
 * the copy.
 */
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#define OFF(sym) ((sym) - trampoline_start)

	.section ".rodata", "a"
	.balign 16
	.globl trampoline_start, trampoline_end
	.globl tr_gdt_desc, tr_jmp32, tr_jmp64, tr_cr3, tr_cr4, tr_efer, tr_entry
	.globl tr_delay_apicid, tr_delay_cycles
	.code16
trampoline_start:
	cli
	cld
	xorl	%ebx, %ebx
	movw	%cs, %bx
	shll	$4, %ebx			/* %ebx = our physical address */
	movw	%cs, %ax
	movw	%ax, %ds
	lgdtl	OFF(tr_gdt_desc)
	movl	%cr0, %eax
	orl	$X86_CR0_PE, %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_jmp32)

	.code32
	.globl tr_startup_32
tr_startup_32:
	movl	$0x18, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	leal	4096(%ebx), %esp		/* the rest of our page is the stack */
	movl	OFF(tr_cr4)(%ebx), %eax
	movl	%eax, %cr4
	movl	OFF(tr_cr3)(%ebx), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	OFF(tr_efer)(%ebx), %eax
	wrmsr
	movl	$(X86_CR0_PG | X86_CR0_WP | X86_CR0_PE), %eax
	movl	%eax, %cr0
	ljmpl	*OFF(tr_jmp64)(%ebx)

	.code64
	.globl tr_startup_64
tr_startup_64:
	movl	%ebx, %ebx			/* upper half of %rbx is undefined */
	/*
	 * Fault injection (smpboot_delay_ap=CPU:MS, kernel/smpboot.c): the AP
	 * whose APIC id is tr_delay_apicid spins here for tr_delay_cycles TSC
	 * cycles, before it has read any of its start data.
	 */
	movl	OFF(tr_delay_apicid)(%rbx), %esi
	cmpl	$0xffffffff, %esi
	je	2f
	movq	%rbx, %rdi
	movl	$1, %eax
	cpuid					/* initial APIC id in EBX[31:24] */
	shrl	$24, %ebx
	cmpl	%esi, %ebx
	movq	%rdi, %rbx
	jne	2f
	rdtsc
	shlq	$32, %rdx
	orq	%rax, %rdx
	movq	OFF(tr_delay_cycles)(%rbx), %rsi
	addq	%rdx, %rsi
1:	pause
	rdtsc
	shlq	$32, %rdx
	orq	%rax, %rdx
	cmpq	%rsi, %rdx
	jb	1b
2:	movq	OFF(tr_entry)(%rbx), %rax
	jmp	*%rax

	.balign 8
	/*
	 * The "accessed" bits are set already (9b, 93, as Linux's): loading a
	 * selector once paging is on must not make the CPU write the GDT,
	 * which sits in this read-only page.
	 */
tr_gdt:
	.quad	0
	.quad	0x00cf9b000000ffff		/* 0x08: 32-bit code */
	.quad	0x00af9b000000ffff		/* 0x10: 64-bit code (__KERNEL_CS) */
	.quad	0x00cf93000000ffff		/* 0x18: data (__KERNEL_DS) */
tr_gdt_end:
tr_gdt_desc:
	.word	tr_gdt_end - tr_gdt - 1
	.long	0				/* filled in: physical address of tr_gdt */
tr_jmp32:
	.long	0				/* filled in: physical address of tr_startup_32 */
	.word	0x08
tr_jmp64:
	.long	0				/* filled in: physical address of tr_startup_64 */
	.word	0x10
tr_cr3:	.long	0
tr_cr4:	.long	0
tr_efer: .long	0
tr_delay_apicid: .long	0xffffffff			/* smpboot_delay_ap=: none */
	.balign 8
tr_entry: .quad	0				/* secondary_startup_64 */
tr_delay_cycles: .quad	0
	.globl tr_gdt
trampoline_end:
