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
 * The trace is Linux's show_trace_log_lvl() over the frame-pointer
 * unwinder (CONFIG_UNWINDER_FRAME_POINTER; the kernel is built with
 * -fno-omit-frame-pointer): every word of the stack from the interrupted
 * sp up to the top of that stack is looked at, and each one that is an
 * address in kernel text is printed. The one the frame chain says is the
 * next return address is printed plain; any other is printed "? addr":
 * maybe a stale value, maybe a real caller the chain cannot see, such as
 * the caller of a function that had not set up its frame (a leaf without
 * push %rbp, or a fault in a prologue) whose return address sits at sp.
 * Every frame and word is checked to lie on one kernel stack before it is
 * read, so a corrupted chain ends the reliable part instead of faulting
 * again. Each stack's part of the trace is bracketed as in Linux: " <IRQ>"
 * ... " </IRQ>" for this CPU's IRQ stack, whose top word leads the walk
 * on to the task stack the interrupt arrived on, then " <TASK>" ...
 * " </TASK>" (or " <EXCEPTION>" for an IST stack, where Linux names the
 * vector, " <#DF>"). Left out: the ORC unwinder, following an IST stack's
 * pt_regs back to the interrupted stack (an oops starts from those regs
 * anyway), NMI markers.
 */
#include <asm/irq_stack.h>
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
extern char _stext[], _etext[];
DECLARE_PER_CPU(char [N_EXCEPTION_STACKS * EXCEPTION_STKSZ], exception_stacks);

#define MAX_TRACE_LINES 64	/* per stack: IRQ, then the task below it */

/*
 * Which kernel stack is addr on (Linux: get_stack_info)? The boot stack
 * and the current task's (vmalloc'd) stack are TASK stacks, this CPU's
 * IRQ stack (kernel/irq.c) is IRQ: while it is in use its top word holds
 * the stack pointer it was entered from (next_sp), which is where a walk
 * goes on. The IST stacks (#DF, NMI, #MC) are EXCEPTION stacks.
 */
bool get_stack_info(unsigned long addr, struct stack_info *info)
{
	struct task_struct *tsk = current;
	unsigned long ist = (unsigned long)*this_cpu_ptr(&exception_stacks);

	info->next_sp = 0;
	if (addr >= (unsigned long)boot_stack && addr < (unsigned long)boot_stack_top) {
		info->type = STACK_TYPE_TASK;
		info->begin = (unsigned long)boot_stack;
		info->end = (unsigned long)boot_stack_top;
		return true;
	}
	if (tsk && tsk->stack && addr >= (unsigned long)tsk->stack &&
	    addr < (unsigned long)tsk->stack + THREAD_SIZE) {
		info->type = STACK_TYPE_TASK;
		info->begin = (unsigned long)tsk->stack;
		info->end = info->begin + THREAD_SIZE;
		return true;
	}
	if (on_irq_stack(addr, &info->begin, &info->end)) {
		info->type = STACK_TYPE_IRQ;
		if (this_cpu_read(hardirq_stack_inuse))
			info->next_sp = *((unsigned long *)info->end - 1);
		return true;
	}
	if (addr >= ist && addr < ist + N_EXCEPTION_STACKS * EXCEPTION_STKSZ) {
		info->type = STACK_TYPE_EXCEPTION;
		info->begin = ist + (addr - ist) / EXCEPTION_STKSZ * EXCEPTION_STKSZ;
		info->end = info->begin + EXCEPTION_STKSZ;
		return true;
	}
	info->type = STACK_TYPE_UNKNOWN;
	return false;
}

/*
 * Is addr in the unmapped page just below one of this CPU's stacks (Linux:
 * get_stack_guard_info)? info then describes that stack. The stacks that
 * have such a page: the current task's (vmalloc'd, CONFIG_VMAP_STACK),
 * the boot stack (boot_stack_guard) and this CPU's IRQ stack.
 */
bool get_stack_guard_info(unsigned long addr, struct stack_info *info)
{
	if (addr + PAGE_SIZE < addr)
		return false;
	if (!get_stack_info(addr + PAGE_SIZE, info))
		return false;
	if (info->type == STACK_TYPE_EXCEPTION)
		return false;	/* the IST stacks are per-CPU data, without guards */
	return addr < info->begin;
}

const char *stack_type_name(enum stack_type type)
{
	switch (type) {
	case STACK_TYPE_TASK:
		return "TASK";
	case STACK_TYPE_IRQ:
		return "IRQ";
	case STACK_TYPE_EXCEPTION:
		return "EXCEPTION";
	default:
		return "UNKNOWN";
	}
}

static bool on_stack(const struct stack_info *info, unsigned long addr, unsigned long len)
{
	return addr >= info->begin && addr + len <= info->end && addr + len > addr;
}

/*
 * May the frame chain go from the frame at bp (on info's stack) to the
 * one at next? Up the same stack, or from the IRQ stack over to the stack
 * it was entered from, at or above the sp it left there.
 */
static bool frame_ok(const struct stack_info *info, unsigned long bp, unsigned long next)
{
	struct stack_info below;

	if (on_stack(info, next, 2 * sizeof(long)))
		return next > bp;
	if (info->type != STACK_TYPE_IRQ || !info->next_sp ||
	    !get_stack_info(info->next_sp, &below) || below.type == STACK_TYPE_IRQ)
		return false;
	return on_stack(&below, next, 2 * sizeof(long)) && next >= info->next_sp;
}

/*
 * For frame-chain walkers outside this file (lockdep's saved traces): is
 * bp a frame on one of this CPU's stacks, and may the chain go on to next?
 */
bool unwind_frame_ok(unsigned long bp, unsigned long next)
{
	struct stack_info info;

	return get_stack_info(bp, &info) && on_stack(&info, bp, 2 * sizeof(long)) &&
	       frame_ok(&info, bp, next);
}

/* Linux: __kernel_text_address(). */
static bool kernel_text_address(unsigned long addr)
{
	return addr >= (unsigned long)_stext && addr < (unsigned long)_etext;
}

/*
 * Walk the stack at sp (or, for dump_stack(), at bp) as show_trace_log_lvl
 * does, calling fn for each text address with whether the frame chain
 * vouches for it, and mark (if any) when a stack begins and ends. From
 * the IRQ stack the walk goes on at the sp saved at its top, on the task
 * stack the interrupt came in on. ip, if any, comes first and is reliable.
 */
static void __unwind_stack(unsigned long ip, unsigned long bp, unsigned long sp,
			   void (*fn)(void *cookie, unsigned long addr, bool reliable),
			   void (*mark)(void *cookie, enum stack_type type, bool begin),
			   void *cookie)
{
	struct stack_info info;
	unsigned long *p, *ret_slot = NULL;
	unsigned long start = sp ? sp : bp;
	int lines = 0;

	if (ip)
		fn(cookie, ip, true);
	/* After a stack overflow sp is in the guard page: walk from bp then. */
	if (start && !get_stack_info(start, &info) && bp && get_stack_info(bp, &info))
		start = sp = bp;
	if (!start || !get_stack_info(start, &info))
		return;
	/*
	 * The reliable chain. A call through a bad pointer leaves ip outside
	 * the kernel's text: then *sp is the return address that call pushed
	 * (Linux's unwinder does this for ip == 0). Otherwise the frame at bp
	 * holds the saved bp and, above it, the return address.
	 */
	if (ip && !kernel_text_address(ip) && on_stack(&info, sp, sizeof(long)))
		ret_slot = (unsigned long *)sp;
	else if (on_stack(&info, bp, 2 * sizeof(long)))
		ret_slot = (unsigned long *)bp + 1;

	for (;;) {
		if (mark)
			mark(cookie, info.type, true);
		for (p = (unsigned long *)(start & ~7UL);
		     on_stack(&info, (unsigned long)p, sizeof(long)) && lines < MAX_TRACE_LINES;
		     p++) {
			unsigned long addr = *p;

			if (!kernel_text_address(addr))
				continue;
			lines++;
			if (p != ret_slot) {
				fn(cookie, addr, false);
				continue;
			}
			fn(cookie, addr, true);
			/* Next frame: up the stack (or to the one below an IRQ stack), on it. */
			if (ret_slot == (unsigned long *)sp && !frame_ok(&info, sp, bp)) {
				ret_slot = NULL;
			} else if (ret_slot == (unsigned long *)sp) {
				ret_slot = (unsigned long *)bp + 1;
			} else {
				unsigned long next = ((unsigned long *)bp)[0];

				if (frame_ok(&info, bp, next)) {
					bp = next;
					ret_slot = (unsigned long *)bp + 1;
				} else {
					ret_slot = NULL;	/* the chain ends; the rest is "?" */
				}
			}
		}
		if (mark)
			mark(cookie, info.type, false);
		/* Linux: the IRQ stack's next_sp leads to the interrupted stack. */
		start = info.next_sp;
		if (info.type != STACK_TYPE_IRQ || !start ||
		    !get_stack_info(start, &info) || info.type == STACK_TYPE_IRQ)
			break;
		/*
		 * Each stack gets its own MAX_TRACE_LINES: a recursion that
		 * filled the IRQ stack must not hide the task it interrupted.
		 */
		lines = 0;
	}
}

void unwind_stack(unsigned long ip, unsigned long bp, unsigned long sp,
		  void (*fn)(void *cookie, unsigned long addr, bool reliable), void *cookie)
{
	__unwind_stack(ip, bp, sp, fn, NULL, cookie);
}

void unwind_stack_marked(unsigned long ip, unsigned long bp, unsigned long sp,
			 void (*fn)(void *cookie, unsigned long addr, bool reliable),
			 void (*mark)(void *cookie, enum stack_type type, bool begin), void *cookie)
{
	__unwind_stack(ip, bp, sp, fn, mark, cookie);
}

static void print_trace_entry(void *cookie, unsigned long addr, bool reliable)
{
	/* A return address points after the call; %pS names the caller. */
	printk(KERN_DEFAULT " %s%pS\n", reliable ? "" : "? ", (void *)addr);
}

/* Linux's section markers: " <IRQ>" ... " </IRQ>", " <TASK>" ... " </TASK>". */
static void print_trace_mark(void *cookie, enum stack_type type, bool begin)
{
	printk(KERN_DEFAULT " <%s%s>\n", begin ? "" : "/", stack_type_name(type));
}

void show_trace(unsigned long ip, unsigned long bp, unsigned long sp)
{
	printk(KERN_DEFAULT "Call Trace:\n");
	__unwind_stack(ip, bp, sp, print_trace_entry, print_trace_mark, NULL);
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
