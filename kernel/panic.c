// SPDX-License-Identifier: GPL-2.0
/*
 * panic() and WARN() (Linux: kernel/panic.c, lib/bust_spinlocks.c).
 *
 * panic() may be called on any CPU, at any time, even on several at once
 * or again from inside itself. What it guarantees (docs/smp.md):
 *  - one CPU panics: the first to move panic_cpu from PANIC_CPU_INVALID
 *    to its own number (cmpxchg). Another CPU that panics meanwhile stops
 *    itself (panic_smp_self_stop); a panic inside the panic on the same
 *    CPU does not start over, it goes straight to the end;
 *  - before it prints anything, the panicking CPU stops all the others
 *    (smp_send_stop(): a stop IPI, then an NMI for CPUs that do not
 *    answer): they stop scheduling and printing, so nothing of theirs
 *    appears after "Kernel panic - not syncing: <why>". Linux prints that
 *    line first and lets printk drop the other CPUs' messages
 *    (other_cpu_in_panic()); we stop them first;
 *  - it prints that line, a backtrace (unless an oops just printed one)
 *    and the closing "---[ end Kernel panic - not syncing: <why> ]---"
 *    exactly as Linux does, then tells the test runner (isa-debug-exit,
 *    if QEMU has it) and halts for good: that exit is our "reboot". With
 *    panic=N (N > 0 seconds, Linux's panic_timeout) it prints "Rebooting
 *    in N seconds.." instead of the end line and waits that long first,
 *    as Linux does before emergency_restart().
 * WARN() prints the place and a backtrace and goes on, as in Linux.
 * Left out: panic notifiers, kexec/kdump, kmsg_dump, taint flags.
 */
#include <asm/smp.h>
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/atomic.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial.h>

atomic_t panic_cpu = ATOMIC_INIT(PANIC_CPU_INVALID);
int panic_timeout;
int oops_in_progress;

static int panic_setup(char *val)
{
	if (!val || kstrtoint(val, 0, &panic_timeout))
		return 0;
	return 1;
}
__setup("panic=", panic_setup);

/*
 * Linux: bust_spinlocks(). While an oops or a panic is being printed,
 * oops_in_progress is non-zero: code that would otherwise wait for a lock
 * the dying CPU may never release (a console, say) can test it.
 */
void bust_spinlocks(int yes)
{
	if (yes)
		__atomic_add_fetch(&oops_in_progress, 1, __ATOMIC_SEQ_CST);
	else
		__atomic_sub_fetch(&oops_in_progress, 1, __ATOMIC_SEQ_CST);
}

bool panic_in_progress(void)
{
	return atomic_read(&panic_cpu) != PANIC_CPU_INVALID;
}

bool this_cpu_in_panic(void)
{
	return atomic_read(&panic_cpu) == (int)raw_smp_processor_id();
}

bool other_cpu_in_panic(void)
{
	return panic_in_progress() && !this_cpu_in_panic();
}

/* Another CPU is panicking: stop here, as its stop IPI would make us (Linux's is weak). */
void __noreturn panic_smp_self_stop(void)
{
	stop_this_cpu(NULL);
}

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;
	int this_cpu, old_cpu;

	local_irq_disable();
	this_cpu = raw_smp_processor_id();
	old_cpu = atomic_cmpxchg(&panic_cpu, PANIC_CPU_INVALID, this_cpu);
	if (old_cpu != PANIC_CPU_INVALID && old_cpu != this_cpu)
		panic_smp_self_stop();
	if (old_cpu == this_cpu)
		goto halt;	/* panic inside the panic: don't start over */
	bust_spinlocks(1);

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	smp_send_stop();
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (!oops_count)
		dump_stack();
	if (panic_timeout > 0) {
		/* No timers now: a busy wait, as Linux's mdelay(PANIC_TIMER_STEP) loop. */
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay(panic_timeout * 1000UL);
		goto halt;
	}
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
halt:
	qemu_debug_exit(QEMU_EXIT_PANIC);
	for (;;)
		native_halt();
}

/* Linux's __warn(): where, on which CPU, in which task; then dump_stack(). */
void __warn(const char *file, int line, void *where)
{
	struct task_struct *tsk = current;

	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %d PID: %d at %s:%d %pS\n", raw_smp_processor_id(),
		tsk ? tsk->pid : 0, file, line, where);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
