// SPDX-License-Identifier: GPL-2.0
/*
 * The FPU/SSE/AVX image in a signal frame (Linux: arch/x86/kernel/fpu/
 * signal.c): saved for the handler, given back by rt_sigreturn.
 *
 * The image is what XSAVE (or, without XSAVE, FXSAVE) writes, 64-byte
 * aligned below the rt_sigframe. With XSAVE, Linux marks it for user
 * space (glibc, musl, gdb) in the 48 "software reserved" bytes at offset
 * 464 of the legacy area: struct _fpx_sw_bytes {FP_XSTATE_MAGIC1, the
 * image size + 4, the xfeatures, the XSAVE size}, and FP_XSTATE_MAGIC2
 * in the 4 bytes after the XSAVE area; the header's xfeatures always has
 * FP and SSE set, so a program that edits the legacy area sees its edit
 * loaded. The task's registers are live in the CPU while it runs in the
 * kernel (asm/fpu.h), so saving is: XSAVE into the task's buffer with
 * preemption off, then copy_to_user.
 *
 * rt_sigreturn (fpu__restore_sig) reads the image back into a kernel
 * buffer and checks it before any XRSTOR can see it, so that a corrupt
 * frame is a SIGSEGV for the program and never a #GP in the kernel:
 * with valid magic words the XSAVE header must be one XRSTOR accepts
 * (xfeatures within XCR0, xcomp_bv and the reserved bytes zero) and
 * MXCSR must have no bit outside mxcsr_feature_mask; without them (or
 * misaligned) only the 512-byte legacy area is taken, MXCSR masked, as
 * Linux's fx_only path does. A NULL fpstate pointer gives the initial
 * state. Left out: 32-bit frames, PKRU, AMX permissions, XSAVES.
 */
#include <asm/fpu.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U
#define FP_XSTATE_MAGIC2_SIZE 4
#define FXSAVE_SIZE 512
#define XSAVE_HDR_OFFSET 512
#define XSAVE_HDR_SIZE 64
#define MXCSR_OFFSET 24
#define SW_BYTES_OFFSET 464
#define XFEATURE_MASK_FPSSE 0x3ULL

/* Linux: struct _fpx_sw_bytes (uapi/asm/sigcontext.h), at offset 464 of the image. */
struct _fpx_sw_bytes {
	u32 magic1;
	u32 extended_size;	/* xstate_size + FP_XSTATE_MAGIC2_SIZE */
	u64 xfeatures;
	u32 xstate_size;
	u32 padding[7];
};
_Static_assert(sizeof(struct _fpx_sw_bytes) == 48, "Linux's _fpx_sw_bytes");

static bool use_xsave(void)
{
	return xfeatures_mask != 0;
}

/* The bytes XSAVE (or FXSAVE) writes for user state (Linux: fpu_user_cfg.max_size). */
static unsigned long fpu_user_xstate_size(void)
{
	return use_xsave() ? fpu_kernel_xstate_size : FXSAVE_SIZE;
}

/* MXCSR bits this CPU has (FXSAVE's MXCSR_MASK; 0 there means 0xffbf). */
static u32 mxcsr_feature_mask(void)
{
	static u32 mask;

	if (!mask) {
		u8 buf[FXSAVE_SIZE] __attribute__((aligned(16)));
		u32 m;

		memset(buf, 0, sizeof(buf));
		__asm__ __volatile__("fxsave64 %0" : "=m"(buf));
		memcpy(&m, buf + 28, sizeof(m));
		WRITE_ONCE(mask, m ? m : 0xffbf);
	}
	return mask;
}

/*
 * Room for the image below sp, 64-byte aligned (Linux:
 * fpu__alloc_mathframe). Returns the new sp (= *buf_fx).
 */
unsigned long fpu__alloc_mathframe(unsigned long sp, unsigned long *buf_fx, unsigned long *size)
{
	unsigned long frame_size = fpu_user_xstate_size();

	if (use_xsave())
		frame_size += FP_XSTATE_MAGIC2_SIZE;
	sp = (sp - frame_size) & ~63UL;
	*buf_fx = sp;
	*size = frame_size;
	return sp;
}

/* Linux: copy_fpstate_to_sigframe (+ save_xstate_epilog). 0, or -EFAULT. */
int copy_fpstate_to_sigframe(void __user *buf_fx, unsigned long size)
{
	struct fpu *fpu = current->thread.fpu;
	unsigned long xsize = fpu_user_xstate_size();
	struct _fpx_sw_bytes sw = { 0 };
	u64 xfeatures;

	if (!fpu)
		return -EFAULT;
	preempt_disable();
	fpu_save(fpu->state);
	preempt_enable();
	/* The buffer holds what the registers hold until we return: copying may fault and sleep. */
	if (copy_to_user(buf_fx, fpu->state, xsize))
		return -EFAULT;
	if (use_xsave()) {
		sw.magic1 = FP_XSTATE_MAGIC1;
		sw.extended_size = xsize + FP_XSTATE_MAGIC2_SIZE;
		sw.xfeatures = xfeatures_mask;
		sw.xstate_size = xsize;
		memcpy(&xfeatures, fpu->state + XSAVE_HDR_OFFSET, sizeof(xfeatures));
		xfeatures |= XFEATURE_MASK_FPSSE;
		if (put_user(FP_XSTATE_MAGIC2, (u32 __user *)((char __user *)buf_fx + xsize)) ||
		    copy_to_user((char __user *)buf_fx + XSAVE_HDR_OFFSET, &xfeatures,
				 sizeof(xfeatures)))
			return -EFAULT;
	}
	/* Without XSAVE the software bytes are zero: no magic, an FXSAVE-only image. */
	if (copy_to_user((char __user *)buf_fx + SW_BYTES_OFFSET, &sw, sizeof(sw)))
		return -EFAULT;
	(void)size;
	return 0;
}

/* Is the XSAVE image in buf (kernel copy) one XRSTOR takes? (Linux: validate_user_xstate_header) */
static bool xstate_image_valid(const u8 *buf)
{
	u64 hdr[XSAVE_HDR_SIZE / 8];
	u32 mxcsr;

	memcpy(hdr, buf + XSAVE_HDR_OFFSET, sizeof(hdr));
	if (hdr[0] & ~xfeatures_mask)
		return false;
	for (unsigned int i = 1; i < ARRAY_SIZE(hdr); i++)	/* xcomp_bv and reserved */
		if (hdr[i])
			return false;
	memcpy(&mxcsr, buf + MXCSR_OFFSET, sizeof(mxcsr));
	return !(mxcsr & ~mxcsr_feature_mask());
}

/*
 * Load the frame's image into the task and the registers (Linux:
 * fpu__restore_sig → __fpu_restore_sig). 0, or -EFAULT/-EINVAL for a frame
 * that cannot be read or holds an image XRSTOR would refuse: the caller
 * kills the program with SIGSEGV.
 */
int fpu__restore_sig(void __user *buf_fx)
{
	struct fpu *fpu = current->thread.fpu;
	unsigned long xsize = fpu_user_xstate_size();
	bool fx_only = !use_xsave();
	struct _fpx_sw_bytes sw;
	u8 *buf;
	int ret = 0;

	if (!fpu)
		return -EFAULT;
	if (!buf_fx) {
		/* No image: the initial state (Linux: fpu__clear_user_states). */
		preempt_disable();
		fpu__clear_user_states(current);
		preempt_enable();
		return 0;
	}
	if ((unsigned long)buf_fx % 64)
		fx_only = true;
	if (!fx_only) {
		u32 magic2;

		if (copy_from_user(&sw, (char __user *)buf_fx + SW_BYTES_OFFSET, sizeof(sw)))
			return -EFAULT;
		/* Linux: check_xstate_in_sigframe; a mismatch falls back to the legacy area. */
		if (sw.magic1 != FP_XSTATE_MAGIC1 || sw.xstate_size != xsize ||
		    sw.xstate_size > sw.extended_size)
			fx_only = true;
		else if (get_user(magic2, (u32 __user *)((char __user *)buf_fx + sw.xstate_size)))
			return -EFAULT;
		else if (magic2 != FP_XSTATE_MAGIC2)
			fx_only = true;
	}
	buf = kzalloc(fpu->size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (fx_only) {
		u32 mxcsr;

		if (copy_from_user(buf, buf_fx, FXSAVE_SIZE)) {
			ret = -EFAULT;
			goto out;
		}
		memcpy(&mxcsr, buf + MXCSR_OFFSET, sizeof(mxcsr));
		mxcsr &= mxcsr_feature_mask();
		memcpy(buf + MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));
		if (use_xsave()) {
			/* Only x87 and SSE from the frame; XRSTOR puts the rest in its initial state. */
			u64 xfeatures = XFEATURE_MASK_FPSSE;

			memset(buf + XSAVE_HDR_OFFSET, 0, XSAVE_HDR_SIZE);
			memcpy(buf + XSAVE_HDR_OFFSET, &xfeatures, sizeof(xfeatures));
		}
	} else {
		u64 xfeatures;

		if (copy_from_user(buf, buf_fx, xsize)) {
			ret = -EFAULT;
			goto out;
		}
		if (!xstate_image_valid(buf)) {
			ret = -EINVAL;
			goto out;
		}
		/* Linux: sanitize_restored_user_xstate: only the features the frame says it has. */
		memcpy(&xfeatures, buf + XSAVE_HDR_OFFSET, sizeof(xfeatures));
		xfeatures &= sw.xfeatures | XFEATURE_MASK_FPSSE;
		memcpy(buf + XSAVE_HDR_OFFSET, &xfeatures, sizeof(xfeatures));
	}
	/* Buffer and registers together: a switch in between would save the old registers over it. */
	preempt_disable();
	memcpy(fpu->state, buf, use_xsave() ? xsize : FXSAVE_SIZE);
	fpu_restore(fpu->state);
	preempt_enable();
out:
	kfree(buf);
	return ret;
}
