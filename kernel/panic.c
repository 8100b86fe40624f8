// SPDX-License-Identifier: GPL-2.0
/*
 * panic() and WARN() (Linux: kernel/panic.c).
 *
 * panic() prints "Kernel panic - not syncing: <why>" and the closing
 * "---[ end Kernel panic ... ]---" line exactly as Linux does, then tells
 * the test runner (isa-debug-exit, if QEMU has it) and halts for good:
 * that exit is our "reboot". With panic=N (N > 0 seconds, Linux's
 * panic_timeout) it prints "Rebooting in N seconds.." instead of the end
 * line and waits that long first, as Linux does before emergency_restart().
 * WARN() prints the place and a backtrace and goes on, as in Linux.
 */
#include <asm/special_insns.h>
#include <asm/traps.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/serial.h>

static bool in_panic;
int panic_timeout;

static int panic_setup(char *val)
{
	if (!val || kstrtoint(val, 0, &panic_timeout))
		return 0;
	return 1;
}
__setup("panic=", panic_setup);

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	if (in_panic)
		goto halt;
	in_panic = true;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
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

void __warn(const char *file, int line, void *where)
{
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: 0 at %s:%d %pS\n", file, line, where);
	dump_stack();
	pr_warn("---[ end trace 0000000000000000 ]---\n");
}
