// SPDX-License-Identifier: GPL-2.0
/*
 * User FPU, SSE and AVX state, per task (Linux: arch/x86/kernel/fpu/core.c,
 * init.c, xstate.c; see asm/fpu.h for the design).
 *
 * At boot the CPU is set up for the state user programs expect: CR0.MP
 * and NE on, EM and TS off (no lazy #NM switching), CR4.OSFXSR and
 * OSXMMEXCPT on (SSE and its exceptions), and with XSAVE, CR4.OSXSAVE on
 * and XCR0 = every user feature CPUID offers among x87, SSE, AVX and
 * AVX-512 — so CPUID.1:ECX.OSXSAVE and XGETBV tell a program exactly what
 * it may use. Each user task owns a buffer of that size (XSAVE format, or
 * FXSAVE's 512 bytes without XSAVE); the registers are saved into it when
 * the task is switched out and restored when it is switched in. A new
 * program starts from the architectural initial state (FCW 0x37f, MXCSR
 * 0x1f80, everything else zero), as Linux's init_fpstate. Left out:
 * supervisor states, compacted format (XSAVES), deferred restore
 * (TIF_NEED_FPU_LOAD), AMX permission, PKRU.
 */
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define XFEATURE_MASK_FP 0x01
#define XFEATURE_MASK_SSE 0x02
#define XFEATURE_MASK_YMM 0x04
#define XFEATURE_MASK_AVX512 0xe0	/* opmask, ZMM_Hi256, Hi16_ZMM */
#define XFEATURE_MASK_USER_SUPPORTED \
	(XFEATURE_MASK_FP | XFEATURE_MASK_SSE | XFEATURE_MASK_YMM | XFEATURE_MASK_AVX512)

#define FXSAVE_SIZE 512
#define XSAVE_HDR_SIZE 64
#define MXCSR_DEFAULT 0x1f80
#define FCW_DEFAULT 0x37f

unsigned int fpu_kernel_xstate_size = FXSAVE_SIZE;
u64 xfeatures_mask;		/* XCR0; 0 = FXSAVE only */
static struct kmem_cache *fpu_cachep;

/* The initial state, in the buffer format in use (Linux: init_fpstate). */
static u8 init_fpstate[FXSAVE_SIZE + XSAVE_HDR_SIZE] __attribute__((aligned(64)));

static void xsetbv(u32 index, u64 value)
{
	__asm__ __volatile__("xsetbv" : : "c"(index), "a"((u32)value), "d"((u32)(value >> 32)));
}

void fpu_save(void *buf)
{
	if (xfeatures_mask)
		__asm__ __volatile__("xsave64 (%0)" : : "r"(buf), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ __volatile__("fxsave64 (%0)" : : "r"(buf) : "memory");
}

void fpu_restore(const void *buf)
{
	if (xfeatures_mask)
		__asm__ __volatile__("xrstor64 (%0)" : : "r"(buf), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ __volatile__("fxrstor64 (%0)" : : "r"(buf) : "memory");
}

/* This CPU's control registers (Linux: fpu__init_cpu). */
void fpu__init_cpu(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (xfeatures_mask)
		cr4 |= X86_CR4_OSXSAVE;
	write_cr4(cr4);
	if (xfeatures_mask)
		xsetbv(0, xfeatures_mask);
	__asm__ __volatile__("fninit");
}

/* Once, on the boot CPU, before any user task (Linux: fpu__init_system). */
void fpu__init_system(void)
{
	u32 eax, ebx, ecx, edx;

	if (boot_cpu_data.has_xsave) {
		cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx);
		xfeatures_mask = (eax | ((u64)edx << 32)) & XFEATURE_MASK_USER_SUPPORTED;
		/* x87 and SSE are always part of XCR0 with XSAVE. */
		xfeatures_mask |= XFEATURE_MASK_FP | XFEATURE_MASK_SSE;
	}
	fpu__init_cpu();
	if (xfeatures_mask) {
		/* EBX: the buffer XSAVE needs for what XCR0 now enables. */
		cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx);
		fpu_kernel_xstate_size = ebx;
	}
	/* The legacy area's control words; the XSAVE header (all zero) says "initial" for the rest. */
	*(u16 *)&init_fpstate[0] = FCW_DEFAULT;
	*(u32 *)&init_fpstate[24] = MXCSR_DEFAULT;
	fpu_cachep = kmem_cache_create("task_fpu", sizeof(struct fpu) + fpu_kernel_xstate_size,
				       64, SLAB_PANIC, NULL);
	pr_info("x86/fpu: %s, context size is %u bytes, xfeatures 0x%llx\n",
		xfeatures_mask ? "Enabled xstate features using 'standard' format" :
				 "Legacy x87 FPU/SSE with FXSAVE",
		fpu_kernel_xstate_size, (unsigned long long)xfeatures_mask);
}

/* The bytes of init_fpstate the buffer format has: the legacy area, and the header with XSAVE. */
static size_t init_fpstate_size(void)
{
	return xfeatures_mask ? sizeof(init_fpstate) : FXSAVE_SIZE;
}

static struct fpu *fpu_alloc(void)
{
	struct fpu *fpu = kmem_cache_alloc(fpu_cachep, GFP_KERNEL);

	if (!fpu)
		return NULL;
	fpu->size = fpu_kernel_xstate_size;
	memset(fpu->state, 0, fpu->size);
	memcpy(fpu->state, init_fpstate, init_fpstate_size());
	return fpu;
}

/*
 * fork: the child starts with the parent's registers, which are live in
 * this CPU (src is current). A kernel thread has no user state: its child
 * (user_mode_thread) gets the initial state.
 */
int fpu_clone(struct task_struct *dst, struct task_struct *src)
{
	struct fpu *fpu = fpu_alloc();

	if (!fpu)
		return -ENOMEM;
	if (src->thread.fpu && src == current)
		fpu_save(fpu->state);
	dst->thread.fpu = fpu;
	return 0;
}

/* exec: a new program starts from the initial state (Linux: fpu_flush_thread). */
void fpu__clear_user_states(struct task_struct *tsk)
{
	if (!tsk->thread.fpu) {
		tsk->thread.fpu = fpu_alloc();
		if (!tsk->thread.fpu)
			return;		/* keeps running on whatever is in the registers */
	}
	memset(tsk->thread.fpu->state, 0, tsk->thread.fpu->size);
	memcpy(tsk->thread.fpu->state, init_fpstate, init_fpstate_size());
	if (tsk == current)
		fpu_restore(tsk->thread.fpu->state);
}

void fpu_free(struct task_struct *tsk)
{
	struct fpu *fpu = tsk->thread.fpu;

	tsk->thread.fpu = NULL;
	if (fpu)
		kmem_cache_free(fpu_cachep, fpu);
}

/* Called by __switch_to with interrupts off. */
void switch_fpu(struct task_struct *prev, struct task_struct *next)
{
	if (prev->thread.fpu)
		fpu_save(prev->thread.fpu->state);
	if (next->thread.fpu)
		fpu_restore(next->thread.fpu->state);
}
