// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture's side of the ABI (docs/entry.md): what a program may
 * rely on across system calls and task switches, and what CPUID tells it.
 *
 *   syscall_regs   the syscall instruction keeps every register but rax
 *                  (the result), rcx and r11 (the CPU's return address and
 *                  flags), as Linux's entry_SYSCALL_64 does
 *   fpu_switch     four processes each fill the SSE registers, the x87
 *                  control word and MXCSR with their own values and yield
 *                  thousands of times; each finds its own values after
 *   fpu_initial    a program starts with FCW 0x37f and MXCSR 0x1f80
 *   fpu_exec_reset a process that changed both execs: the new program
 *                  starts from the initial state, not the old one's
 *   xsave_cpuid    CPUID.1:ECX.OSXSAVE, XGETBV and AVX agree: what the
 *                  kernel enabled in XCR0 works, and says so
 *   arch_prctl     ARCH_SET/GET_FS/GS round trips, inheritance by fork,
 *                  -EPERM at or above TASK_SIZE_MAX, -EINVAL, -EFAULT
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sched.h>
#include <unistd.h>

#include "usertests.h"

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
				     : "a"(leaf), "c"(sub));
}

static uint64_t xgetbv0(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	return ((uint64_t)hi << 32) | lo;
}

static unsigned int get_mxcsr(void)
{
	unsigned int v;

	__asm__ __volatile__("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned int v)
{
	__asm__ __volatile__("ldmxcsr %0" : : "m"(v));
}

static unsigned short get_fcw(void)
{
	unsigned short v;

	__asm__ __volatile__("fnstcw %0" : "=m"(v));
	return v;
}

static void set_fcw(unsigned short v)
{
	__asm__ __volatile__("fldcw %0" : : "m"(v));
}

static int t_syscall_regs(void)
{
	/* in[i] goes into the register named in names[i]; out[i] is what it held after. */
	static const char *const names[] = { "rbx", "rdx", "rsi", "rdi", "rbp", "r8",
					     "r9", "r10", "r12", "r13", "r14", "r15" };
	uint64_t in[12], out[12];
	uint64_t *inp = in, *outp = out;

	for (int i = 0; i < 12; i++)
		in[i] = 0x1111111111111111ULL * (i + 1) ^ 0x0123456789abcdefULL;
	__asm__ __volatile__(
		"push %%rbp\n\t"
		"push %%rbx\n\t"
		"push %%r12\n\t"
		"push %%r13\n\t"
		"push %%r14\n\t"
		"push %%r15\n\t"
		"push %[out]\n\t"
		"mov 0(%[in]), %%rbx\n\t"
		"mov 8(%[in]), %%rdx\n\t"
		"mov 16(%[in]), %%rsi\n\t"
		"mov 32(%[in]), %%rbp\n\t"
		"mov 40(%[in]), %%r8\n\t"
		"mov 48(%[in]), %%r9\n\t"
		"mov 56(%[in]), %%r10\n\t"
		"mov 64(%[in]), %%r12\n\t"
		"mov 72(%[in]), %%r13\n\t"
		"mov 80(%[in]), %%r14\n\t"
		"mov 88(%[in]), %%r15\n\t"
		"mov 24(%[in]), %%rdi\n\t"
		"mov $110, %%eax\n\t"		/* getppid */
		"syscall\n\t"
		"pop %%rax\n\t"			/* out */
		"mov %%rbx, 0(%%rax)\n\t"
		"mov %%rdx, 8(%%rax)\n\t"
		"mov %%rsi, 16(%%rax)\n\t"
		"mov %%rdi, 24(%%rax)\n\t"
		"mov %%rbp, 32(%%rax)\n\t"
		"mov %%r8, 40(%%rax)\n\t"
		"mov %%r9, 48(%%rax)\n\t"
		"mov %%r10, 56(%%rax)\n\t"
		"mov %%r12, 64(%%rax)\n\t"
		"mov %%r13, 72(%%rax)\n\t"
		"mov %%r14, 80(%%rax)\n\t"
		"mov %%r15, 88(%%rax)\n\t"
		"pop %%r15\n\t"
		"pop %%r14\n\t"
		"pop %%r13\n\t"
		"pop %%r12\n\t"
		"pop %%rbx\n\t"
		"pop %%rbp\n\t"
		: [in] "+c"(inp), [out] "+a"(outp)
		:
		: "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory", "cc");
	for (int i = 0; i < 12; i++)
		EXPECT(in[i] == out[i], "%s changed across syscall: %#llx -> %#llx", names[i],
		       (unsigned long long)in[i], (unsigned long long)out[i]);
	return CASE_PASS;
}

/*
 * Load xmm0-15 from in, yield n times with raw syscalls (nothing in
 * between may touch the registers), store them to out.
 */
static void xmm_yield(const uint8_t in[256], uint8_t out[256], int n)
{
	__asm__ __volatile__(
		"movdqu 0(%[in]), %%xmm0\n\t"   "movdqu 16(%[in]), %%xmm1\n\t"
		"movdqu 32(%[in]), %%xmm2\n\t"  "movdqu 48(%[in]), %%xmm3\n\t"
		"movdqu 64(%[in]), %%xmm4\n\t"  "movdqu 80(%[in]), %%xmm5\n\t"
		"movdqu 96(%[in]), %%xmm6\n\t"  "movdqu 112(%[in]), %%xmm7\n\t"
		"movdqu 128(%[in]), %%xmm8\n\t" "movdqu 144(%[in]), %%xmm9\n\t"
		"movdqu 160(%[in]), %%xmm10\n\t" "movdqu 176(%[in]), %%xmm11\n\t"
		"movdqu 192(%[in]), %%xmm12\n\t" "movdqu 208(%[in]), %%xmm13\n\t"
		"movdqu 224(%[in]), %%xmm14\n\t" "movdqu 240(%[in]), %%xmm15\n\t"
		"1:\n\t"
		"mov $24, %%eax\n\t"		/* sched_yield */
		"syscall\n\t"
		"dec %[n]\n\t"
		"jnz 1b\n\t"
		"movdqu %%xmm0, 0(%[out])\n\t"   "movdqu %%xmm1, 16(%[out])\n\t"
		"movdqu %%xmm2, 32(%[out])\n\t"  "movdqu %%xmm3, 48(%[out])\n\t"
		"movdqu %%xmm4, 64(%[out])\n\t"  "movdqu %%xmm5, 80(%[out])\n\t"
		"movdqu %%xmm6, 96(%[out])\n\t"  "movdqu %%xmm7, 112(%[out])\n\t"
		"movdqu %%xmm8, 128(%[out])\n\t" "movdqu %%xmm9, 144(%[out])\n\t"
		"movdqu %%xmm10, 160(%[out])\n\t" "movdqu %%xmm11, 176(%[out])\n\t"
		"movdqu %%xmm12, 192(%[out])\n\t" "movdqu %%xmm13, 208(%[out])\n\t"
		"movdqu %%xmm14, 224(%[out])\n\t" "movdqu %%xmm15, 240(%[out])\n\t"
		: [n] "+r"(n)
		: [in] "r"(in), [out] "r"(out)
		: "rax", "rcx", "r11", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
		  "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14",
		  "xmm15");
}

static int fpu_worker(int seed)
{
	/* Rounding modes and precision that differ per worker and from the defaults. */
	unsigned int mxcsr = 0x1f80 | ((seed & 3) << 13) | 0x40 * !(seed & 1);
	unsigned short fcw = 0x037f & ~0x0300;	/* single precision */
	uint8_t in[256], out[256];
	int bad = 0;

	fcw |= (seed & 3) << 10;		/* rounding control */
	for (int i = 0; i < 256; i++)
		in[i] = (uint8_t)(seed * 37 + i * 11);
	set_mxcsr(mxcsr);
	set_fcw(fcw);
	for (int round = 0; round < 20; round++) {
		xmm_yield(in, out, 100);
		if (memcmp(in, out, sizeof(in)))
			bad |= 1;
		if (get_mxcsr() != mxcsr)
			bad |= 2;
		if (get_fcw() != fcw)
			bad |= 4;
	}
	return bad;
}

static int t_fpu_switch(void)
{
	enum { WORKERS = 4 };
	pid_t pids[WORKERS];

	for (int i = 0; i < WORKERS; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(fpu_worker(i + 1));
		EXPECT(pids[i] > 0, "fork: %s", strerror(errno));
	}
	for (int i = 0; i < WORKERS; i++) {
		int status = 0;

		if (pids[i] <= 0)
			continue;
		EXPECT_EQ(waitpid(pids[i], &status, 0), pids[i]);
		EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		       "worker %d: status %#x (1: xmm, 2: MXCSR, 4: FCW changed)", i, status);
	}
	return CASE_PASS;
}

static int t_fpu_initial(void)
{
	EXPECT(get_mxcsr() == 0x1f80, "MXCSR %#x, want 0x1f80", get_mxcsr());
	EXPECT(get_fcw() == 0x037f, "FCW %#x, want 0x37f", get_fcw());
	return CASE_PASS;
}

static int t_fpu_exec_reset(void)
{
	pid_t pid = fork();
	int status = 0;

	if (pid == 0) {
		char *argv[] = { "usertests", "-q", "fpu_initial", NULL };

		set_mxcsr(0x7f80);		/* round toward zero */
		set_fcw(0x0c7f);		/* single precision, round toward zero */
		execv(prog_path, argv);
		_exit(127);
	}
	EXPECT(pid > 0, "fork: %s", strerror(errno));
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "the exec'd program did not start from the initial state: status %#x", status);
	return CASE_PASS;
}

static int t_xsave_cpuid(void)
{
	uint32_t r[4];
	bool osxsave, avx;
	uint64_t xcr0;

	cpuid(1, 0, r);
	osxsave = r[2] & (1u << 27);
	avx = r[2] & (1u << 28);
	if (!(r[2] & (1u << 26))) {
		EXPECT(!osxsave, "OSXSAVE without XSAVE");
		ktap_diag("no XSAVE: FXSAVE state only");
		return CASE_PASS;
	}
	EXPECT(osxsave, "the CPU has XSAVE but the kernel did not set CR4.OSXSAVE");
	if (!osxsave)
		return CASE_PASS;
	xcr0 = xgetbv0();
	ktap_diag("XCR0 %#llx", (unsigned long long)xcr0);
	EXPECT((xcr0 & 3) == 3, "XCR0 %#llx lacks x87/SSE", (unsigned long long)xcr0);
	if (avx && (xcr0 & 4)) {
		uint8_t in[32], out[32];

		for (int i = 0; i < 32; i++)
			in[i] = (uint8_t)(i * 7 + 1);
		/* A ymm register survives yields too: its upper half is XSAVE state. */
		__asm__ __volatile__("vmovdqu %1, %%ymm3\n\t"
				     "mov $24, %%eax\n\t" "syscall\n\t"
				     "mov $24, %%eax\n\t" "syscall\n\t"
				     "vmovdqu %%ymm3, %0\n\t"
				     "vzeroupper"
				     : "=m"(out) : "m"(in) : "rax", "rcx", "r11", "xmm3", "memory");
		EXPECT(!memcmp(in, out, sizeof(in)), "ymm3 changed across sched_yield");
	} else if (avx) {
		ktap_diag("AVX in CPUID but not in XCR0");
		case_failed = 1;
	}
	return CASE_PASS;
}

static long arch_prctl(int code, unsigned long addr)
{
	return raw_syscall2(158, code, addr);
}

static int t_arch_prctl(void)
{
	unsigned long fs = 0, gs = 1, self;
	pid_t pid;
	int status = 0;

	EXPECT_EQ(arch_prctl(ARCH_GET_FS, (unsigned long)&fs), 0);
	__asm__ __volatile__("mov %%fs:0, %0" : "=r"(self));
	EXPECT(fs && fs == self, "ARCH_GET_FS %#lx, but the TCB says %#lx", fs, self);
	EXPECT_EQ(arch_prctl(ARCH_SET_GS, 0x12345000), 0);
	EXPECT_EQ(arch_prctl(ARCH_GET_GS, (unsigned long)&gs), 0);
	EXPECT_EQ(gs, 0x12345000);
	sched_yield();
	gs = 0;
	EXPECT_EQ(arch_prctl(ARCH_GET_GS, (unsigned long)&gs), 0);
	EXPECT_EQ(gs, 0x12345000);
	pid = fork();
	if (pid == 0) {
		unsigned long child_gs = 0, child_fs = 0;

		arch_prctl(ARCH_GET_GS, (unsigned long)&child_gs);
		arch_prctl(ARCH_GET_FS, (unsigned long)&child_fs);
		_exit(child_gs == 0x12345000 && child_fs == fs ? 0 : 1);
	}
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child's fs/gs differ");
	EXPECT_EQ(arch_prctl(ARCH_SET_GS, 0), 0);
	EXPECT_EQ(arch_prctl(ARCH_SET_FS, 0xffff800000000000UL), -EPERM);
	EXPECT_EQ(arch_prctl(ARCH_SET_FS, 1UL << 63), -EPERM);
	EXPECT_EQ(arch_prctl(ARCH_SET_GS, ~0UL), -EPERM);
	EXPECT_EQ(arch_prctl(0x9999, 0), -EINVAL);
	EXPECT_EQ(arch_prctl(ARCH_GET_FS, 0), -EFAULT);
	EXPECT_EQ(arch_prctl(ARCH_GET_FS, 0xffff800000000000UL), -EFAULT);
	/* fs is still what musl set: TLS (errno) still works. */
	errno = 0;
	EXPECT_EQ(close(-1), -1);
	EXPECT_EQ(errno, EBADF);
	return CASE_PASS;
}

UT_CASE("syscall_regs", t_syscall_regs);
UT_CASE("fpu_switch", t_fpu_switch);
UT_CASE("fpu_initial", t_fpu_initial);
UT_CASE("fpu_exec_reset", t_fpu_exec_reset);
UT_CASE("xsave_cpuid", t_xsave_cpuid);
UT_CASE("arch_prctl", t_arch_prctl);
