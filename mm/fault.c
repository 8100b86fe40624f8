// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler (Linux: arch/x86/mm/fault.c).
 *
 * exc_page_fault() reads the faulting address from CR2 and splits, as
 * Linux does, on where the address is:
 *
 *  - a user address (below TASK_SIZE_MAX), from user mode or from the
 *    kernel touching user memory (copy_to_user and friends):
 *    do_user_addr_fault() takes mmap_read_lock, finds the VMA (growing a
 *    VM_GROWSDOWN stack if the address is just below it), checks the
 *    access against vm_flags (access_error) and calls handle_mm_fault()
 *    (mm/memory.c). A fault it cannot handle is a "bad area": user mode
 *    gets SIGSEGV (SEGV_MAPERR with no VMA, SEGV_ACCERR against its
 *    permissions) and Linux's "segfault at" line; kernel mode resumes at
 *    the instruction's exception-table fixup (-EFAULT) or oopses.
 *    VM_FAULT_SIGBUS sends SIGBUS; VM_FAULT_OOM goes to
 *    pagefault_out_of_memory() (mm/oom_kill.c), never panics.
 *  - a kernel address: there is no VMA to consult. From user mode it is
 *    SIGSEGV (the error code gets X86_PF_PROT, as Linux hides whether a
 *    kernel page is mapped). From the kernel a fault is either
 *    expected (the instruction has an exception-table entry, as in
 *    copy_to_kernel_nofault()) and fixed up, or a kernel bug, reported the
 *    way Linux's page_fault_oops()/show_fault_oops() reports it: the kind
 *    of access, the error code decoded, and a walk of the page tables for
 *    the address (dump_pagetable), then the oops and panic. A fault in
 *    the guard page below a kernel stack is reported as a stack overflow
 *    (Linux's CONFIG_VMAP_STACK check in page_fault_oops).
 *
 * Left out from Linux: the vsyscall page, kprobes, prefetch/erratum
 * workarounds, protection keys, VM_FAULT_RETRY (handle_mm_fault never
 * drops the lock), the mmap_read_trylock check that lets a kernel bug
 * without fixup oops instead of deadlocking, and perf events.
 */
#include <asm/pgalloc.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/dcache.h>
#include <linux/oom.h>
#include <linux/jiffies.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* "PGD 1234067 P4D 1234067 PUD ... PMD ... PTE ...", as Linux's dump_pagetable(). */
void print_pagetable_walk(pgd_t *pgd, unsigned long addr, const char *lvl)
{
	struct pt_walk w;
	char line[160];
	int n = 0;

	pt_walk_address(pgd, addr, &w);
	for (int i = 0; i <= w.last; i++) {
		if (i == 1 && w.levels == 4)
			continue;	/* folded p4d */
		n += scnprintf(line + n, sizeof(line) - n, "%s%s %llx", n ? " " : "",
			       pt_level_names[i], (unsigned long long)w.entry[i]);
	}
	printk("%s%s%s\n", lvl, line, w.present ? "" : " (not present)");
}

static void show_fault_oops(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address)
{
	/* The tables the CPU walked: a process's, or init_top_pgt (Linux: read_cr3_pa). */
	pgd_t *pgd = __va(read_cr3() & PTE_PFN_MASK);

	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);

	if (error_code & X86_PF_INSTR) {
		struct pt_walk w;

		pt_walk_address(pgd, address, &w);
		if (w.present && !w.executable)
			pr_crit("kernel tried to execute NX-protected page - exploit attempt? (uid: 0)\n");
		if (w.present && w.executable && w.user && (read_cr4() & X86_CR4_SMEP))
			pr_crit("unable to execute userspace code (SMEP?) (uid: 0)\n");
	}
	pr_alert("#PF: %s %s in %s mode\n",
		 (error_code & X86_PF_USER) ? "user" : "supervisor",
		 (error_code & X86_PF_INSTR) ? "instruction fetch" :
		 (error_code & X86_PF_WRITE) ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_alert("#PF: error_code(0x%04lx) - %s\n", error_code,
		 !(error_code & X86_PF_PROT) ? "not-present page" :
		 (error_code & X86_PF_RSVD) ? "reserved bit violation" :
		 "permissions violation");
	print_pagetable_walk(pgd, address, KERN_DEFAULT);
}

/* A kernel-mode fault nobody expected: report it and die (Linux: page_fault_oops). */
static __noreturn void page_fault_oops(struct pt_regs *regs, unsigned long error_code,
				       unsigned long address)
{
	struct stack_info info;

	/*
	 * An access to a stack's guard page with the stack pointer still
	 * above it (an overflow with sp there is a #DF, kernel/traps.c).
	 * Linux's page_fault_oops() switches to the #DF stack first; here
	 * the #PF frame fitted on this stack, and if the report does not,
	 * the #DF handler makes it.
	 */
	if (get_stack_guard_info(address, &info))
		handle_stack_overflow("kernel stack overflow (page fault)", regs, address, &info);
	oops_begin();
	show_fault_oops(regs, error_code, address);
	printk(KERN_DEFAULT "Oops: %04lx [#%d]\n", error_code & 0xffff, oops_count);
	oops_end(regs, "Fatal exception");
}

/* The kernel faulted: resume at the exception-table fixup, or oops (Linux: kernelmode_fixup_or_oops). */
static void kernelmode_fixup_or_oops(struct pt_regs *regs, unsigned long error_code,
				     unsigned long address)
{
	if (fixup_exception(regs, X86_TRAP_PF, error_code, address))
		return;
	page_fault_oops(regs, error_code, address);
}

/* ---- faults on user addresses ---- */



/* " in prog[400000+1000]" for a file-backed VMA holding ip (Linux: print_vma_addr in mm/memory.c). */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (!mm || !mmap_read_trylock(mm))
		return;
	vma = find_vma(mm, ip);
	if (vma && vma->vm_start <= ip) {
		struct file *f = vma->vm_file;
		struct dentry *d;

		/*
		 * exec copies the program's segments into anonymous VMAs until
		 * file mappings exist (fs/binfmt_elf.c); in Linux the text VMA
		 * maps the executable, so name it as Linux would.
		 */
		if (!f && ip >= mm->start_code && ip < mm->end_code)
			f = mm->exe_file;
		d = f ? f->f_path.dentry : NULL;
		if (f)
			printk("%s%s[%lx+%lx]", prefix, d ? (const char *)d->d_name.name : "?",
			       vma->vm_start, vma->vm_end - vma->vm_start);
	}
	mmap_read_unlock(mm);
}

/* "Code: 42 bytes <byte at ip> 21 bytes" (Linux: show_opcodes in arch/x86/kernel/dumpstack.c). */
static void show_user_opcodes(struct pt_regs *regs, const char *loglvl)
{
	enum { PROLOGUE = 42, EPILOGUE = 21, SIZE = PROLOGUE + 1 + EPILOGUE };
	unsigned long start = regs->ip - PROLOGUE;
	u8 code[SIZE];
	char line[3 * SIZE + 8];
	int n = 0;

	if (copy_from_user(code, (const void __user *)start, SIZE)) {
		printk("%sCode: Unable to access opcode bytes at 0x%lx.\n", loglvl, start);
		return;
	}
	for (int i = 0; i < SIZE; i++)
		n += scnprintf(line + n, sizeof(line) - n, i == PROLOGUE ? "<%02x> " : "%02x ",
			       code[i]);
	if (n)
		line[n - 1] = '\0';
	printk("%sCode: %s\n", loglvl, line);
}


/* Linux's show_signal_msg(), 6.1 wording. */
static void show_signal_msg(struct pt_regs *regs, unsigned long error_code,
			    unsigned long address, struct task_struct *tsk)
{
	const char *loglvl = tsk->pid > 1 ? KERN_INFO : KERN_EMERG;
	int cpu = raw_smp_processor_id();

	if (!unhandled_signal(tsk, SIGSEGV) || !printk_ratelimit())
		return;
	printk("%s%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx", loglvl, tsk->comm,
	       tsk->pid, address, regs->ip, regs->sp, error_code);
	print_vma_addr(KERN_CONT " in ", regs->ip);
	/* QEMU's default topology: one socket, one core per CPU. */
	printk(KERN_CONT " likely on CPU %d (core %d, socket %d)", cpu, cpu, 0);
	printk(KERN_CONT "\n");
	show_user_opcodes(regs, loglvl);
}

/* Linux: __bad_area_nosemaphore. */
static void bad_area_nosemaphore(struct pt_regs *regs, unsigned long error_code,
				 unsigned long address, int si_code)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs)) {
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	if (!(error_code & X86_PF_USER)) {
		/* Implicit user access to kernel memory (a descriptor table...): oops. */
		page_fault_oops(regs, error_code, address);
	}
	local_irq_enable();
	/* Do not tell user space whether a kernel address is mapped (Linux: sanitize_error_code). */
	if (address >= TASK_SIZE_MAX)
		error_code |= X86_PF_PROT;
	if (show_unhandled_signals)
		show_signal_msg(regs, error_code, address, tsk);
	force_sig_fault(SIGSEGV, si_code, (void __user *)address);
	local_irq_disable();
}

static void bad_area(struct pt_regs *regs, unsigned long error_code, unsigned long address,
		     struct mm_struct *mm, int si_code)
{
	mmap_read_unlock(mm);
	bad_area_nosemaphore(regs, error_code, address, si_code);
}

/*
 * Does the VMA forbid this access? (Linux: access_error.) A write needs
 * VM_WRITE; a read that hit a present page (X86_PF_PROT) was refused by
 * the PTE itself, which means the VMA forbids it too; a read of a
 * missing page needs any of read/write/exec. An instruction fetch is a
 * read here: its PTE is NX unless VM_EXEC, and the refault says PROT.
 */
static bool access_error(unsigned long error_code, struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

static void do_sigbus(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	if (!user_mode(regs)) {
		kernelmode_fixup_or_oops(regs, error_code, address);
		return;
	}
	force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)address);
}

/* Linux: do_user_addr_fault. */
static void do_user_addr_fault(struct pt_regs *regs, unsigned long error_code,
			       unsigned long address)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;
	unsigned int flags = FAULT_FLAG_ALLOW_RETRY;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	/* The kernel executing user memory: SMEP's job, an oops either way. */
	if ((error_code & (X86_PF_USER | X86_PF_INSTR)) == X86_PF_INSTR)
		page_fault_oops(regs, error_code, address);
	/* User page tables never have reserved bits set: corrupted tables. */
	if (error_code & X86_PF_RSVD)
		page_fault_oops(regs, error_code, address);
	/*
	 * SMAP: the kernel touched user memory outside stac/clac. No fixup
	 * applies: copy_*_user always opens the window, so this is a kernel
	 * bug (an unchecked pointer), as Linux reports it.
	 */
	if (!(error_code & X86_PF_USER) && (read_cr4() & X86_CR4_SMAP) &&
	    !(regs->flags & X86_EFLAGS_AC))
		page_fault_oops(regs, error_code, address);
	/*
	 * In an interrupt, in atomic context (a spinlock held), or without a
	 * user context: never take the fault (Linux: faulthandler_disabled()
	 * || !mm). Kernel code with interrupts off is refused too: the fault
	 * would sleep on mmap_lock (Linux lets it try, and might_sleep warns).
	 */
	if (in_interrupt() || in_atomic() || !mm ||
	    (!user_mode(regs) && !(regs->flags & X86_EFLAGS_IF))) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}

	if (user_mode(regs)) {
		local_irq_enable();
		flags |= FAULT_FLAG_USER;
	} else if (regs->flags & X86_EFLAGS_IF) {
		local_irq_enable();
	}
	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;

	mmap_read_lock(mm);
	vma = find_vma(mm, address);
	if (!vma) {
		bad_area(regs, error_code, address, mm, SEGV_MAPERR);
		return;
	}
	if (vma->vm_start > address) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, address)) {
			bad_area(regs, error_code, address, mm, SEGV_MAPERR);
			return;
		}
	}
	if (access_error(error_code, vma)) {
		bad_area(regs, error_code, address, mm, SEGV_ACCERR);
		return;
	}
	fault = handle_mm_fault(vma, address, flags, regs);
	mmap_read_unlock(mm);

	if (!(fault & VM_FAULT_ERROR))
		return;
	if (fault & VM_FAULT_OOM) {
		if (!user_mode(regs)) {
			kernelmode_fixup_or_oops(regs, error_code, address);
			return;
		}
		pagefault_out_of_memory();
	} else if (fault & VM_FAULT_SIGBUS) {
		do_sigbus(regs, error_code, address);
	} else {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
	}
}


void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	/* Linux: fault_in_kernel_space() -> do_kern_addr_fault(), else do_user_addr_fault(). */
	if (address < TASK_SIZE_MAX) {
		do_user_addr_fault(regs, error_code, address);
		return;
	}
	/* Linux: do_kern_addr_fault(); a user program touching the kernel gets SIGSEGV. */
	if (user_mode(regs)) {
		bad_area_nosemaphore(regs, error_code, address, SEGV_MAPERR);
		return;
	}
	kernelmode_fixup_or_oops(regs, error_code, address);
}
