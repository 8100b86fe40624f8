// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call table and dispatcher (Linux: arch/x86/entry/syscall_64.c,
 * x64_sys_call). The entry and exit around it are kernel/entry/common.c.
 *
 * sys_call_table[] is built from kernel/syscalls/syscall_64.tbl through
 * the generated <generated/asm/syscalls_64.h>. Every entry point is
 * declared weak: a number whose sys_* no file defines (SYSCALL_DEFINEn)
 * stays NULL, and do_syscall_64() answers it with -ENOSYS, logging the
 * first call of each number with the program's name so a student sees
 * what a program wanted. Linux fills such slots with sys_ni_syscall
 * through COND_SYSCALL weak aliases instead and logs nothing. The x32
 * ABI (numbers from 512, __X32_SYSCALL_BIT) is not built: those numbers
 * are -ENOSYS too.
 */
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/syscalls.h>

#define __SYSCALL(nr, entry, name) extern long __x64_##entry(const struct pt_regs *) __attribute__((weak));
#include <generated/asm/syscalls_64.h>
#undef __SYSCALL

#define __SYSCALL(nr, entry, name) [nr] = __x64_##entry,
const sys_call_ptr_t sys_call_table[] = {
#include <generated/asm/syscalls_64.h>
};
#undef __SYSCALL

#define __SYSCALL(nr, entry, name) [nr] = #name,
const char *const sys_call_names[] = {
#include <generated/asm/syscalls_64.h>
};
#undef __SYSCALL

const unsigned int nr_syscalls = ARRAY_SIZE(sys_call_table);
_Static_assert(ARRAY_SIZE(sys_call_names) == ARRAY_SIZE(sys_call_table), "one name per number");

/* One bit per number that has been logged as not implemented. */
static unsigned long ni_logged[(ARRAY_SIZE(sys_call_table) + 63) / 64];

long sys_ni_syscall(unsigned long nr)
{
	const char *name = nr < nr_syscalls && sys_call_names[nr] ? sys_call_names[nr] : NULL;

	if (nr < nr_syscalls) {
		unsigned long bit = 1UL << (nr % 64);

		if (__atomic_fetch_or(&ni_logged[nr / 64], bit, __ATOMIC_RELAXED) & bit)
			return -ENOSYS;
	} else {
		static unsigned long out_of_range_logged;

		if (__atomic_exchange_n(&out_of_range_logged, 1, __ATOMIC_RELAXED))
			return -ENOSYS;
	}
	pr_info("%s[%d]: system call %ld%s%s%s not implemented: -ENOSYS\n", current->comm,
		current->pid, (long)nr, name ? " (" : "", name ? name : "", name ? ")" : "");
	return -ENOSYS;
}

/*
 * Call system call nr (the low 32 bits of the user's %rax, as an unsigned
 * number: Linux's do_syscall_x64). -1 is the "no system call" marker
 * (Linux: a restarted or ptrace-cancelled call) and stays -ENOSYS unlogged.
 */
long x64_sys_call(struct pt_regs *regs, unsigned int nr)
{
	sys_call_ptr_t fn;

	if (nr >= nr_syscalls)
		return nr == ~0U ? -ENOSYS : sys_ni_syscall(nr);
	fn = sys_call_table[nr];
	if (!fn)
		return sys_ni_syscall(nr);
	return fn(regs);
}
