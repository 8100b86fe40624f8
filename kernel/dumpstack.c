// SPDX-License-Identifier: GPL-2.0
/*
 * Oops reports: registers and a symbolized call trace.
 *
 * Linux: arch/x86/kernel/dumpstack.c (die, oops_begin/oops_end,
 * show_trace_log_lvl, show_iret_regs) and process_64.c (__show_regs).
 * The output follows Linux's format line for line, so a student who can
 * read one can read the other:
 *
 *   Oops: general protection fault: 0000 [#1]
 *   RIP: 0010:lkdtm_WRITE_KERN+0x12/0x30
 *   RSP: 0018:ffffffff80123f40 EFLAGS: 00000046
 *   RAX: ...
 *   Call Trace:
 *    <TASK>
 *    lkdtm_do_action+0x20/0x40
 *    ...
 *
 * The trace follows the frame-pointer chain (the kernel is built with
 * -fno-omit-frame-pointer), as Linux's CONFIG_UNWINDER_FRAME_POINTER does;
 * every frame is checked to lie on a kernel stack before it is read, so a
 * corrupted chain ends the trace instead of faulting again. Left out: the
 * ORC unwinder, "?" guesses from scanning the stack, IRQ stacks.
 */
#include <asm/special_insns.h>
#include <asm/page.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

int oops_count;
extern char boot_stack[], boot_stack_top[];
DECLARE_PER_CPU(char [N_EXCEPTION_STACKS * EXCEPTION_STKSZ], exception_stacks);

static bool in_range(unsigned long addr, unsigned long lo, unsigned long size)
{
	return addr >= lo && addr + 16 <= lo + size;
}

/* Could a frame at addr (and its return address) be on a kernel stack? */
static bool on_kernel_stack(unsigned long addr)
{
	struct task_struct *tsk = current;

	if (in_range(addr, (unsigned long)boot_stack, boot_stack_top - boot_stack))
		return true;
	if (tsk && tsk->stack && in_range(addr, (unsigned long)tsk->stack, THREAD_SIZE))
		return true;
	return in_range(addr, (unsigned long)*this_cpu_ptr(&exception_stacks),
			sizeof(exception_stacks));
}

void show_trace(unsigned long ip, unsigned long bp, unsigned long sp)
{
	int depth = 0;

	printk(KERN_DEFAULT "Call Trace:\n");
	printk(KERN_DEFAULT " <TASK>\n");
	if (ip)
		printk(KERN_DEFAULT " %pS\n", (void *)ip);
	/*
	 * A call through a bad pointer leaves ip outside the kernel's text;
	 * the caller is then named by the return address the call pushed.
	 */
	if (ip && !kallsyms_lookup(ip, NULL, NULL) && on_kernel_stack(sp))
		printk(KERN_DEFAULT " %pS\n", (void *)*(unsigned long *)sp);
	while (bp && on_kernel_stack(bp) && depth++ < 64) {
		unsigned long *frame = (unsigned long *)bp;
		unsigned long ret = frame[1];

		if (!ret)
			break;
		/* ret points after the call; ret - 1 is inside the caller. */
		printk(KERN_DEFAULT " %pS\n", (void *)ret);
		if (frame[0] <= bp)	/* stacks grow down: the chain must go up */
			break;
		bp = frame[0];
	}
	printk(KERN_DEFAULT " </TASK>\n");
}

/*
 * The "who" line of every oops, WARN and dump_stack() (Linux:
 * dump_stack_print_info). Linux goes on with the taint flags and the
 * kernel release; Linnet keeps no taint flags, so the line ends early.
 */
void dump_stack_print_info(const char *log_lvl)
{
	struct task_struct *tsk = current;

	printk("%sCPU: %d PID: %d Comm: %.20s\n", log_lvl, raw_smp_processor_id(),
	       tsk ? tsk->pid : 0, tsk ? tsk->comm : "(none)");
}

void show_regs(struct pt_regs *regs)
{
	dump_stack_print_info(KERN_DEFAULT);
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs & 0xffff, (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss & 0xffff,
	       regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/*
 * One oops at a time (Linux: oops_begin's die_lock): a second CPU that
 * oopses waits here, with interrupts off, until the first is done; the
 * first never is, it panics, and the panic's NMI stops the waiter, so two
 * oopses never interleave. The owner may oops again inside its oops
 * (nested): it goes on, and a third level stops for good.
 */
static arch_spinlock_t die_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int die_owner = -1;
static unsigned int die_nest_count;

static bool die_lock_trylock(void)
{
	return !__atomic_exchange_n(&die_lock.locked, 1, __ATOMIC_ACQUIRE);
}

void oops_begin(void)
{
	int cpu;

	local_irq_disable();
	cpu = raw_smp_processor_id();
	if (!die_lock_trylock()) {
		if (cpu != READ_ONCE(die_owner))
			arch_spin_lock(&die_lock);
		/* else: a nested oops on this CPU, which holds the lock */
	}
	die_nest_count++;
	WRITE_ONCE(die_owner, cpu);
	bust_spinlocks(1);
	oops_count++;
	/* An oops inside an oops inside an oops: don't loop, stop now. */
	if (die_nest_count > 2) {
		for (;;)
			native_halt();
	}
}

/*
 * Linux releases die_lock here and then panics (or kills the task); every
 * oops here ends in panic(), so the lock stays held: a CPU waiting for it
 * stays quiet, with nothing half printed, until the panic stops it.
 */
__noreturn void oops_end(struct pt_regs *regs, const char *why)
{
	show_regs(regs);
	show_trace(regs->ip, regs->bp, regs->sp);
	panic("%s", why);
}

__noreturn void die(const char *str, struct pt_regs *regs, unsigned long err)
{
	oops_begin();
	printk(KERN_DEFAULT "Oops: %s: %04lx [#%d]\n", str, err & 0xffff, oops_count);
	oops_end(regs, "Fatal exception");
}

/* dump_stack(): the call trace of the caller, without an oops. */
noinline void dump_stack(void)
{
	dump_stack_print_info(KERN_DEFAULT);
	show_trace(0, (unsigned long)__builtin_frame_address(0), 0);
}
