/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rawsys.h - the x86-64 `syscall` instruction with Linux's register
 * convention (number in rax; arguments in rdi, rsi, rdx, r10, r8, r9;
 * rcx and r11 clobbered), returning the kernel's raw value: -errno on
 * failure, never touching errno. The tests use it to see exactly what the
 * kernel returned, and to pass numbers and arguments libc would refuse.
 */
#ifndef _USER_RAWSYS_H
#define _USER_RAWSYS_H

static inline long raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#define raw_syscall0(n) raw_syscall6(n, 0, 0, 0, 0, 0, 0)
#define raw_syscall1(n, a) raw_syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define raw_syscall2(n, a, b) raw_syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define raw_syscall3(n, a, b, c) raw_syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define raw_syscall4(n, a, b, c, d) raw_syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

#endif /* _USER_RAWSYS_H */
