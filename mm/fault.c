// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler (Linux: arch/x86/mm/fault.c).
 *
 * exc_page_fault() reads the faulting address from CR2. For now every
 * fault comes from kernel mode, so there is no VMA to consult: a fault is
 * either expected (the instruction has an exception-table entry, as in
 * copy_to_kernel_nofault()) and fixed up, or a kernel bug, reported the
 * way Linux's page_fault_oops()/show_fault_oops() reports it: the kind of
 * access, the error code decoded, and a walk of the page tables for the
 * address (dump_pagetable), then the oops and panic. A fault in the guard
 * page below a kernel stack is reported as a stack overflow (Linux's
 * CONFIG_VMAP_STACK check in page_fault_oops). Demand paging, user
 * faults and SIGSEGV come with user space (do_user_addr_fault).
 */
#include <asm/pgalloc.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/panic.h>
#include <linux/printk.h>

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
	if (address < PAGE_SIZE)
		pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", address);
	else
		pr_alert("BUG: unable to handle page fault for address: %016lx\n", address);

	if (error_code & X86_PF_INSTR) {
		struct pt_walk w;

		pt_walk_address(init_top_pgt, address, &w);
		if (w.present && !w.executable)
			pr_crit("kernel tried to execute NX-protected page - exploit attempt?\n");
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
	print_pagetable_walk(init_top_pgt, address, KERN_DEFAULT);
}

void exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();

	struct stack_info info;

	if (fixup_exception(regs, 14, error_code, address))
		return;
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
