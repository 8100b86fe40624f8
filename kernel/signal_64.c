// SPDX-License-Identifier: GPL-2.0
/*
 * Running a signal handler in user space and coming back from it (Linux:
 * arch/x86/kernel/signal.c and signal_64.c): arch_do_signal_or_restart,
 * handle_signal, get_sigframe, setup_rt_frame, sys_rt_sigreturn.
 *
 * On the way back to user mode with a signal pending,
 * arch_do_signal_or_restart() asks get_signal() (kernel/signal.c) for a
 * signal with a handler. If the task was in a system call that said
 * -ERESTART*, handle_signal() turns that into -EINTR or, with SA_RESTART
 * (or -ERESTARTNOINTR), backs the ip up over the 2-byte syscall
 * instruction and puts the number back in rax, so the call runs again
 * after the handler. Then setup_rt_frame() writes a struct rt_sigframe
 * on the user stack (the alternate one for SA_ONSTACK), below the 128-byte
 * red zone, with the FPU image 64-byte aligned above it
 * (kernel/fpu_signal.c):
 *
 *	sp before -> | red zone (128 bytes)           |
 *	             | FPU image (XSAVE), 64-aligned  | <- uc_mcontext.fpstate
 *	             | siginfo (128 bytes)            | <- rsi
 *	             | ucontext: uc_flags, uc_link,   | <- rdx
 *	             |   uc_stack, uc_mcontext (the   |
 *	             |   registers), uc_sigmask       |
 *	handler rsp->| pretcode = sa_restorer          |  (rsp + 8) % 16 == 0
 *
 * and points the registers at the handler: rip = sa_handler, rdi = sig,
 * rsi = &info, rdx = &uc, rax = 0, rsp = the frame. The handler's "ret"
 * pops pretcode and runs the restorer (libc's __restore_rt: mov $15,
 * %eax; syscall). On x86-64 SA_RESTORER is required: without it the frame
 * is not built and the program gets SIGSEGV, as on Linux.
 *
 * sys_rt_sigreturn() reads the frame back at sp - 8, restores the mask
 * (SIGKILL/SIGSTOP never blocked), the registers (CS and SS forced to
 * the user selectors, only the FIX_EFLAGS bits of RFLAGS taken, orig_ax
 * -1 so nothing restarts), the FPU image (checked) and the alternate
 * stack, and returns the restored rax. A frame that cannot be read is
 * Linux's "bad frame": the program gets SIGSEGV, the kernel goes on.
 *
 * Left out: 32-bit and x32 frames, uc_mcontext's err/trapno/cr2 (always
 * 0: no per-thread fault record yet), PKRU, shadow stacks, rseq.
 */
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/restart_block.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define __NR_restart_syscall 219

/* The RFLAGS bits a handler may change through sigreturn (Linux: FIX_EFLAGS). */
#define X86_EFLAGS_PF_ _BITUL(2)
#define X86_EFLAGS_AF_ _BITUL(4)
#define X86_EFLAGS_ZF_ _BITUL(6)
#define X86_EFLAGS_SF_ _BITUL(7)
#define X86_EFLAGS_OF_ _BITUL(11)
#define FIX_EFLAGS (X86_EFLAGS_AC | X86_EFLAGS_OF_ | X86_EFLAGS_DF | X86_EFLAGS_TF | \
		    X86_EFLAGS_SF_ | X86_EFLAGS_ZF_ | X86_EFLAGS_AF_ | X86_EFLAGS_PF_ | \
		    X86_EFLAGS_CF | X86_EFLAGS_RF)

/* uc_flags (Linux: uapi/asm/ucontext.h). */
#define UC_FP_XSTATE 0x1		/* fpstate has the XSAVE magic words */
#define UC_SIGCONTEXT_SS 0x2		/* sigcontext.ss is real */
#define UC_STRICT_RESTORE_SS 0x4	/* restore it as it is */

/* Linux: struct sigcontext (uapi/asm/sigcontext.h, x86-64), 256 bytes. */
struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;		/* the FPU image, or 0 */
	u64 reserved1[8];
};
_Static_assert(sizeof(struct sigcontext) == 256, "Linux's sigcontext_64");

/* Linux: struct ucontext (uapi/asm-generic/ucontext.h). */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext __user *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;	/* the mask to restore */
};

/* Linux: struct rt_sigframe (arch/x86/include/asm/sigframe.h). */
struct rt_sigframe {
	char __user *pretcode;	/* sa_restorer: where the handler's ret goes */
	struct ucontext uc;
	u8 info[SI_MAX_SIZE];	/* siginfo_t */
	/* the FPU image follows, 64-byte aligned */
};
_Static_assert(__builtin_offsetof(struct rt_sigframe, uc) == 8, "rt_sigframe.uc");
_Static_assert(__builtin_offsetof(struct rt_sigframe, uc.uc_mcontext) == 48, "uc_mcontext");
_Static_assert(__builtin_offsetof(struct rt_sigframe, info) == 312, "rt_sigframe.info");

/* Was regs made by the syscall instruction? (Linux: syscall_get_nr(...) >= 0) */
static bool in_syscall(const struct pt_regs *regs)
{
	return (long)regs->orig_ax >= 0;
}

/* ---- building the frame ---------------------------------------------------------------- */

/*
 * Where the frame goes (Linux: get_sigframe): below the red zone, or at
 * the top of the alternate stack for SA_ONSTACK when not already on it;
 * the FPU image is saved above the frame here. (void __user *)-1: no room
 * (the alternate stack would overflow) or the image could not be written.
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t frame_size,
				 void __user **fpstate)
{
	unsigned long sp = regs->sp, buf_fx, math_size;
	bool onsigstack = on_sig_stack(sp);
	bool entering_altstack = false;

	sp -= 128;	/* the x86-64 ABI's red zone */
	if (ksig->ka.sa.sa_flags & SA_ONSTACK) {
		if (sas_ss_flags(sp) == 0) {
			sp = current->sas_ss_sp + current->sas_ss_size;
			entering_altstack = true;
		}
	}
	sp = fpu__alloc_mathframe(sp, &buf_fx, &math_size);
	*fpstate = (void __user *)sp;
	sp -= frame_size;
	sp = (sp & ~15UL) - 8;	/* (rsp + 8) % 16 == 0 at the handler: as after a call */
	/* On the alternate stack and about to overflow it: die rather than scribble. */
	if ((onsigstack || entering_altstack) && !__on_sig_stack(sp)) {
		if (show_unhandled_signals && printk_ratelimit())
			pr_info("%s[%d] overflowed sigaltstack\n", current->comm, current->pid);
		return (void __user *)-1L;
	}
	if (copy_fpstate_to_sigframe((void __user *)buf_fx, math_size))
		return (void __user *)-1L;
	return (void __user *)sp;
}

static unsigned long frame_uc_flags(void)
{
	unsigned long flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;

	if (xfeatures_mask)
		flags |= UC_FP_XSTATE;
	return flags;
}

/* Linux: __unsafe_setup_sigcontext. */
static void fill_sigcontext(struct sigcontext *sc, void __user *fpstate, struct pt_regs *regs,
			    const sigset_t *mask)
{
	*sc = (struct sigcontext){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.r12 = regs->r12, .r13 = regs->r13, .r14 = regs->r14, .r15 = regs->r15,
		.di = regs->di, .si = regs->si, .bp = regs->bp, .bx = regs->bx,
		.dx = regs->dx, .ax = regs->ax, .cx = regs->cx, .sp = regs->sp,
		.ip = regs->ip, .flags = regs->flags,
		.cs = regs->cs, .gs = 0, .fs = 0, .ss = regs->ss,
		.oldmask = mask->sig[0],
		.fpstate = (unsigned long)fpstate,
	};
}

/* Linux: x64_setup_rt_frame. 0, or -EFAULT (the caller sends SIGSEGV). */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	const sigset_t *set = test_restore_sigmask() ? &current->saved_sigmask : &current->blocked;
	struct rt_sigframe __user *frame;
	struct ucontext uc = { 0 };
	void __user *fp = NULL;

	/* x86-64 requires the restorer: there is no kernel-provided trampoline. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, sizeof(struct rt_sigframe), &fp);
	if (frame == (void __user *)-1L)
		return -EFAULT;
	uc.uc_flags = frame_uc_flags();
	uc.uc_link = NULL;
	uc.uc_stack.ss_sp = (void __user *)current->sas_ss_sp;
	uc.uc_stack.ss_flags = sas_ss_flags(regs->sp) | (current->sas_ss_flags & SS_FLAG_BITS);
	uc.uc_stack.ss_size = current->sas_ss_size;
	fill_sigcontext(&uc.uc_mcontext, fp, regs, set);
	uc.uc_sigmask = *set;
	if (put_user((char __user *)ksig->ka.sa.sa_restorer, &frame->pretcode) ||
	    copy_to_user(&frame->uc, &uc, sizeof(uc)))
		return -EFAULT;
	if ((ksig->ka.sa.sa_flags & SA_SIGINFO) && copy_siginfo_to_user(frame->info, &ksig->info))
		return -EFAULT;

	/* Set up registers for the signal handler. */
	regs->di = ksig->sig;
	regs->ax = 0;		/* no vector registers used (the varargs convention) */
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return 0;
}

/*
 * Linux: handle_signal. The syscall restart decision, the frame, a clean
 * RFLAGS (no DF, RF, TF) and initial FPU state for the handler.
 */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if (in_syscall(regs)) {
		switch ((long)regs->ax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->ax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				regs->ax = -EINTR;
				break;
			}
			fallthrough;
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		}
	}
	failed = setup_rt_frame(ksig, regs) < 0;
	if (!failed) {
		regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
		preempt_disable();
		fpu__clear_user_states(current);
		preempt_enable();
	}
	signal_setup_done(failed, ksig);
}

/*
 * Linux: arch_do_signal_or_restart. Called on the way back to user mode
 * with TIF_SIGPENDING set and interrupts on.
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	while (get_signal(&ksig)) {
		if (regs) {
			handle_signal(&ksig, regs);
			return;
		}
		/* A kernel test's task (regs NULL) has no user stack: "no frame", SIGSEGV. */
		signal_setup_done(1, &ksig);
	}
	/* No handler ran: a system call a signal interrupted starts again. */
	if (regs && in_syscall(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = __NR_restart_syscall;
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();	/* sigsuspend's mask: no handler ran */
}

/* ---- rt_sigreturn ---------------------------------------------------------------------------- */

/* Linux: restore_sigcontext. false: the frame is bad. */
static bool restore_sigcontext(struct pt_regs *regs, const struct sigcontext __user *usc)
{
	struct sigcontext sc;

	/* Always make any pending restarted system calls return -EINTR. */
	current->restart_block.fn = do_no_restart_syscall;
	if (copy_from_user(&sc, usc, sizeof(sc)))
		return false;
	regs->bx = sc.bx;
	regs->cx = sc.cx;
	regs->dx = sc.dx;
	regs->si = sc.si;
	regs->di = sc.di;
	regs->bp = sc.bp;
	regs->ax = sc.ax;
	regs->sp = sc.sp;
	regs->ip = sc.ip;
	regs->r8 = sc.r8;
	regs->r9 = sc.r9;
	regs->r10 = sc.r10;
	regs->r11 = sc.r11;
	regs->r12 = sc.r12;
	regs->r13 = sc.r13;
	regs->r14 = sc.r14;
	regs->r15 = sc.r15;
	/* User mode only, and only the flags a program may set itself. */
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1;	/* disable syscall checks */
	/* A non-canonical ip is caught on the way out (exit_to_user_mode_prepare: SIGSEGV). */
	return fpu__restore_sig((void __user *)sc.fpstate) == 0;
}

/* Linux: signal_fault. */
static void signal_fault(struct pt_regs *regs, void __user *frame, const char *where)
{
	if (show_unhandled_signals && printk_ratelimit())
		pr_info("%s[%d] bad frame in %s frame:%p ip:%lx sp:%lx orax:%lx\n", current->comm,
			current->pid, where, frame, regs->ip, regs->sp, regs->orig_ax);
	force_sig(SIGSEGV);
}

SYSCALL_DEFINE_REGS(rt_sigreturn)
{
	struct pt_regs *uregs = task_pt_regs(current);
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)(uregs->sp - sizeof(long));
	unsigned long uc_flags;
	sigset_t set;

	(void)regs;
	if (get_user(set.sig[0], &frame->uc.uc_sigmask.sig[0]) ||
	    get_user(uc_flags, &frame->uc.uc_flags))
		goto badframe;
	(void)uc_flags;
	set_current_blocked(&set);
	if (!restore_sigcontext(uregs, &frame->uc.uc_mcontext))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return uregs->ax;	/* the syscall exit stores it back in ax: unchanged */

badframe:
	signal_fault(uregs, frame, "rt_sigreturn");
	return 0;
}
