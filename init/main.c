// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the generic boot sequence (Linux: init/main.c).
 *
 * Linux's start_kernel() calls some hundred init functions; ours calls
 * the ones that exist so far, in Linux's order, and each later issue adds
 * its own at the place Linux has it (mm_core_init, sched_init,
 * smp_init, ...). rest_init()/kernel_init() then run what the command
 * line asked for: the in-kernel tests (ktest=), a crash test (lkdtm=),
 * and one day /init.
 */
#include <asm/pgalloc.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/lkdtm.h>
#include <linux/mm.h>
#include <linux/percpu-defs.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/slab.h>

#define LINNET_VERSION "0.1.0"

const char linux_banner[] =
	"Linnet version " LINNET_VERSION " (gcc " __VERSION__ ") #1 x86_64\n";


static __noreturn void kernel_halt(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

static __noreturn void kernel_init(void)
{
	if (buddyinfo_requested())
		show_buddyinfo();
	if (slabinfo_requested())
		print_slabinfo();
	lkdtm_run_boot_crashtype();

	if (kunit_requested()) {
		int failed = kunit_run_tests(kunit_glob());

		qemu_debug_exit(failed ? QEMU_EXIT_FAIL : QEMU_EXIT_PASS);
		kernel_halt();
	}
	pr_notice("Linnet: boot complete; there is no init program yet (user space comes with a later issue).\n");
	pr_notice("Linnet: halting. Leave QEMU with Ctrl-A X.\n");
	kernel_halt();
}

void start_kernel(void)
{
	pr_notice("%s", linux_banner);
	setup_arch();
	setup_per_cpu_areas();
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_boot_params();
	mm_core_init();
	after_bootmem = true;	/* page tables now come from the buddy (mm/init_64.c) */
	mem_init_print_info();
	kernel_init();
}
