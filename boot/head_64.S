/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From GRUB to C: the 32-bit entry, the switch to long mode and the jump
 * to the higher half.
 *
 * Linux splits this between arch/x86/boot/compressed/head_64.S (startup_32:
 * CPU checks, early page tables, 5-level decision, long mode) and
 * arch/x86/kernel/head_64.S (startup_64, then x86_64_start_kernel). We have
 * no decompressor, so one file does both steps. Left out: relocation (we
 * always run where we are linked), SEV/TDX, the boot_params structure.
 *
 * GRUB leaves us in 32-bit protected mode, paging off, interrupts off,
 * EAX = multiboot2 magic, EBX = physical address of the boot info, and no
 * usable stack, GDT or IDT: any exception here is a triple fault.
 * Everything is linked in the higher half, so until paging is on, symbols
 * are used as (sym - __START_KERNEL_map), their physical address.
 */
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <asm/processor-flags.h>
#include <asm/msr-index.h>
#include <asm/segment.h>

#define PA(sym) ((sym) - __START_KERNEL_map)
#define MB2_BOOTLOADER_MAGIC 0x36d76289
#define EARLY_PTE (_PAGE_PRESENT | _PAGE_RW)

	.section ".head.text", "ax"
	.code32
	.globl startup_32
startup_32:
	cli
	cld
	movl	%eax, %ebp			/* keep magic and boot info */
	movl	%ebx, %esi

	/* Clear .bss (early page tables and the boot stack live there). */
	movl	$PA(__bss_start), %edi
	movl	$PA(__bss_stop), %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep stosb

	movl	$PA(boot_stack_top), %esp
	movl	%ebp, PA(boot_mb2_magic)
	movl	%esi, PA(boot_mb2_info)

	call	verify_cpu
	testl	%eax, %eax
	jnz	no_longmode

	/* 5-level paging? Only if the CPU has LA57 and no "no5lvl" (Linux: l5_required). */
	call	want_la57
	movl	%eax, PA(__pgtable_l5_enabled)

	call	setup_early_pgtables

	/* CR4: PAE (needed by long mode), and LA57 which can only change with paging off. */
	movl	%cr4, %eax
	orl	$X86_CR4_PAE, %eax
	cmpl	$0, PA(__pgtable_l5_enabled)
	je	1f
	orl	$X86_CR4_LA57, %eax
1:	movl	%eax, %cr4

	movl	PA(early_top_pgt_pa), %eax
	movl	%eax, %cr3

	/* EFER: long mode enable, and NX if the CPU has it. */
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	cmpl	$0, PA(boot_has_nx)
	je	1f
	orl	$EFER_NX, %eax
1:	wrmsr

	/* Paging on: we are in long mode, compatibility submode. */
	movl	%cr0, %eax
	orl	$(X86_CR0_PG | X86_CR0_PE), %eax
	movl	%eax, %cr0

	lgdt	PA(early_gdt_descr)
	ljmp	$__KERNEL_CS, $PA(startup_64_low)

/*
 * verify_cpu: returns 0 if the CPU can run us (long mode), else 1.
 * Records NX and LA57 support for later. (arch/x86/kernel/verify_cpu.S)
 */
verify_cpu:
	pushl	%ebx
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	.Lno
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx			/* LM */
	jnc	.Lno
	btl	$20, %edx			/* NX */
	setc	PA(boot_has_nx)
	xorl	%eax, %eax
	cpuid
	cmpl	$7, %eax
	jb	.Lyes
	movl	$7, %eax
	xorl	%ecx, %ecx
	cpuid
	btl	$16, %ecx			/* LA57: CPUID.(7,0):ECX[16] */
	setc	PA(boot_has_la57)
.Lyes:	xorl	%eax, %eax
	popl	%ebx
	ret
.Lno:	movl	$1, %eax
	popl	%ebx
	ret

/*
 * want_la57: 1 if the CPU has LA57 and the command line lacks the word
 * "no5lvl". Setting CR4.LA57 on a CPU without it hangs QEMU 7.2, so the
 * CPUID check comes first. The boot info is only read if the magic is
 * right; C reports a wrong magic.
 */
want_la57:
	xorl	%eax, %eax
	cmpb	$0, PA(boot_has_la57)
	je	9f
	cmpl	$MB2_BOOTLOADER_MAGIC, %ebp
	jne	9f
	movl	$1, %eax
	leal	8(%esi), %edx			/* first tag */
1:	movl	(%edx), %ecx			/* tag type */
	testl	%ecx, %ecx
	jz	9f				/* end tag: no command line */
	cmpl	$1, %ecx
	je	2f
	movl	4(%edx), %ecx			/* size; next tag is 8-aligned */
	leal	7(%edx, %ecx), %edx
	andl	$~7, %edx
	jmp	1b
2:	leal	8(%edx), %edx			/* the NUL-terminated string */
	movl	$' ', %ecx			/* previous character */
3:	cmpb	$0, (%edx)
	je	9f
	cmpb	$' ', %cl
	jne	4f
	call	match_no5lvl
	testl	%ecx, %ecx
	jz	4f
	xorl	%eax, %eax			/* found: stay at 4 levels */
	jmp	9f
4:	movb	(%edx), %cl
	incl	%edx
	jmp	3b
9:	ret

/* ecx = 1 if the word at (%edx) is exactly "no5lvl", else 0. Keeps edx. */
match_no5lvl:
	pushl	%esi
	pushl	%edi
	movl	%edx, %esi
	movl	$PA(str_no5lvl), %edi
	movl	$6, %ecx
	repe cmpsb
	jne	1f
	movb	(%esi), %cl			/* the word must end here */
	cmpb	$' ', %cl
	je	2f
	testb	%cl, %cl
	je	2f
1:	xorl	%ecx, %ecx
	jmp	3f
2:	movl	$1, %ecx
3:	popl	%edi
	popl	%esi
	ret

/*
 * Early page tables: the first 1 GiB mapped three times with 2 MiB pages:
 * at 0 (identity, so the next instructions keep running), at
 * __START_KERNEL_map (where the kernel is linked) and at PAGE_OFFSET (the
 * start of the direct map, so early C code can use __va() on low memory,
 * e.g. the boot information). Linux's early_top_pgt, level3_kernel_pgt and
 * level2_kernel_pgt play the same roles. One level-4 table serves all
 * three; with 5 levels a level-5 table points to it. mm/init_64.c
 * replaces all of this with the real tables.
 */
#define EARLY_DM_L4_INDEX ((__PAGE_OFFSET_BASE_L4 >> 39) & 511)
#define EARLY_DM_L4_PUD_INDEX ((__PAGE_OFFSET_BASE_L4 >> 30) & 511)
#define EARLY_DM_L5_INDEX ((__PAGE_OFFSET_BASE_L5 >> 48) & 511)
setup_early_pgtables:
	movl	$PA(early_pmd), %edi
	movl	$(EARLY_PTE | _PAGE_PSE), %eax
	xorl	%ecx, %ecx
1:	movl	%eax, (%edi, %ecx, 8)
	addl	$PMD_SIZE, %eax
	incl	%ecx
	cmpl	$PTRS_PER_PMD, %ecx
	jne	1b

	movl	$(PA(early_pmd) + EARLY_PTE), %eax
	movl	%eax, PA(early_pud_low)
	movl	%eax, PA(early_pud_high) + 510 * 8
	movl	$(PA(early_pud_low) + EARLY_PTE), %eax
	movl	%eax, PA(early_p4d)
	movl	$(PA(early_pud_high) + EARLY_PTE), %eax
	movl	%eax, PA(early_p4d) + 511 * 8

	movl	$PA(early_p4d), PA(early_top_pgt_pa)
	cmpl	$0, PA(__pgtable_l5_enabled)
	je	2f
	movl	$(PA(early_p4d) + EARLY_PTE), %eax
	movl	%eax, PA(early_pgd5)
	movl	%eax, PA(early_pgd5) + 511 * 8
	/* Direct map at 0xff11000000000000: level-5 index 273, p4d and pud index 0. */
	movl	%eax, PA(early_pgd5) + EARLY_DM_L5_INDEX * 8
	movl	$PA(early_pgd5), PA(early_top_pgt_pa)
	ret
	/* Direct map at 0xffff888000000000: level-4 index 273, pud index 0. */
2:	movl	$(PA(early_pmd) + EARLY_PTE), %eax
	movl	%eax, PA(early_pud_dm) + EARLY_DM_L4_PUD_INDEX * 8
	movl	$(PA(early_pud_dm) + EARLY_PTE), %eax
	movl	%eax, PA(early_p4d) + EARLY_DM_L4_INDEX * 8
	ret

no_longmode:
	movl	$PA(str_no_lm), %esi
1:	lodsb
	testb	%al, %al
	jz	2f
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	1b
2:	hlt
	jmp	2b

	.code64
startup_64_low:
	/* 64-bit code, still at the low (identity) address: go high. */
	movabsq	$startup_64, %rax
	jmp	*%rax

	.text
	.globl startup_64
startup_64:
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$boot_stack_top, %rsp
	xorl	%ebp, %ebp			/* backtraces end here */
	movl	boot_mb2_magic(%rip), %edi
	movl	boot_mb2_info(%rip), %esi
	call	x86_64_start_kernel
1:	hlt
	jmp	1b

/*
 * Where an application processor arrives from the trampoline, in 64-bit
 * mode on the trampoline's page tables (Linux: secondary_startup_64 with
 * STARTUP_READ_APICID). Nothing tells the AP who it is: it finds its own
 * APIC id (CPUID leaf 1, EBX[31:24]) in x86_cpu_to_apicid[], so the index
 * is its CPU number, loads that CPU's per-CPU offset into the GS base and
 * its stack from its own per-CPU initial_stack. So an AP that arrives
 * late still uses only its own start data (kernel/smpboot.c then decides
 * whether it may go on). An APIC id that is not in the table parks.
 */
	.globl secondary_startup_64
secondary_startup_64:
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	$1, %eax
	cpuid
	shrl	$24, %ebx			/* our APIC id */
	leaq	x86_cpu_to_apicid(%rip), %rdx
	movl	nr_cpu_ids(%rip), %esi
	xorl	%ecx, %ecx
1:	cmpl	%esi, %ecx
	jae	.Lsecondary_park
	cmpl	(%rdx,%rcx,4), %ebx
	je	2f
	incl	%ecx
	jmp	1b
2:	leaq	__per_cpu_offset(%rip), %rdx
	movq	(%rdx,%rcx,8), %rax		/* __per_cpu_offset[cpu] */
	movq	%rax, %rdx
	shrq	$32, %rdx
	movl	$MSR_GS_BASE, %ecx
	wrmsr
	movq	%gs:initial_stack(%rip), %rsp	/* this CPU's idle stack */
	xorl	%ebp, %ebp
	call	start_secondary
.Lsecondary_park:
	cli
3:	hlt
	jmp	3b

	.section ".rodata"
str_no_lm:
	.asciz	"Linnet: this CPU does not support long mode (x86-64); halting.\r\n"
str_no5lvl:
	.ascii	"no5lvl"

	.data
	.balign 8
early_gdt:
	.quad	0
	.quad	0x00cf9a000000ffff		/* __KERNEL32_CS */
	.quad	0x00af9a000000ffff		/* __KERNEL_CS: 64-bit code */
	.quad	0x00cf92000000ffff		/* __KERNEL_DS */
early_gdt_end:
early_gdt_descr:
	.word	early_gdt_end - early_gdt - 1
	.long	PA(early_gdt)

	.globl __pgtable_l5_enabled, boot_has_la57, boot_has_nx
	.globl boot_mb2_magic, boot_mb2_info
__pgtable_l5_enabled:	.long 0
boot_has_la57:		.long 0
boot_has_nx:		.long 0
boot_mb2_magic:		.long 0
boot_mb2_info:		.long 0
early_top_pgt_pa:	.long 0

	.section ".bss..page_aligned", "aw", @nobits
	.balign PAGE_SIZE
early_pgd5:	.skip PAGE_SIZE
early_p4d:	.skip PAGE_SIZE
early_pud_low:	.skip PAGE_SIZE
early_pud_high:	.skip PAGE_SIZE
early_pmd:	.skip PAGE_SIZE
early_pud_dm:	.skip PAGE_SIZE
	/* Unmapped by mm/init_64.c: a stack overflow faults instead of corrupting. */
	.globl boot_stack_guard, boot_stack, boot_stack_top
boot_stack_guard: .skip PAGE_SIZE
boot_stack:	.skip THREAD_SIZE
boot_stack_top:
