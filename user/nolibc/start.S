/* SPDX-License-Identifier: GPL-2.0 */
/*
 * _start for the no-libc program (user/nolibc/report.c): the kernel
 * enters here with %rsp at argc, then argv, NULL, envp, NULL, auxv (the
 * x86-64 psABI's initial stack, which Linux's create_elf_tables and
 * Linnet's fs/binfmt_elf.c lay out). No libc, no TLS, no relocations.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl	%ebp, %ebp		/* the outermost frame */
	movq	%rsp, %rdi		/* nolibc_main(long *sp) */
	andq	$-16, %rsp		/* the ABI's alignment at a call */
	call	nolibc_main
	movl	%eax, %edi
	movl	$231, %eax		/* exit_group */
	syscall
	hlt				/* not reached */
	.size _start, . - _start
	.section .note.GNU-stack, "", @progbits
