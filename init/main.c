// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the generic boot sequence (Linux: init/main.c).
 *
 * Linux's start_kernel() calls some hundred init functions; ours calls
 * the ones that exist so far, in Linux's order, and each later issue adds
 * its own at the place Linux has it. rest_init() starts PID 1
 * (kernel_init), which brings up the other CPUs and runs what the command
 * line asked for (ktest=, and one day /init), while the boot task becomes
 * CPU 0's idle task. Crash tests (lkdtm=) run before the scheduler starts,
 * on the boot stack, whose guard page catches a stack overflow.
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/pgalloc.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <kunit/test.h>
#include <asm/irq_stack.h>
#include <linux/vmalloc.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/lockdep.h>
#include <asm/fpu.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/vmstat.h>
#include <linux/lkdtm.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/percpu-defs.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <linux/fs.h>
#include <linux/initrd.h>
#include <linux/timekeeping.h>
#include <linux/tty.h>

#define LINNET_VERSION "0.1.0"

const char linux_banner[] =
	"Linnet version " LINNET_VERSION " (gcc " __VERSION__ ") #1 x86_64\n";


static __noreturn void kernel_halt(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

/*
 * What Linux's initcalls do before init runs, in their order: the
 * character devices (fs_initcall chr_dev_init, tty_init), then the root
 * filled from the initramfs (rootfs_initcall populate_rootfs).
 */
static void do_basic_setup(void)
{
	int err = chr_dev_init();

	if (err)
		pr_err("chr_dev_init: %d\n", err);
	err = tty_init();
	if (err)
		pr_err("tty_init: %d\n", err);
	populate_rootfs();
}

/* PID 1: what runs once the scheduler is up (Linux: kernel_init). */
static int kernel_init(void *unused)
{
	smp_init();
	do_basic_setup();
	system_state = SYSTEM_RUNNING;
	lkdtm_run_late_crashtype();	/* where Linux's lkdtm module init would run */
	if (buddyinfo_requested())
		show_buddyinfo();
	if (slabinfo_requested())
		print_slabinfo();
	if (vmstat_requested())
		show_vmstat();
	vmallocinfo_boot_show();	/* "vmallocinfo": the vmalloc areas, as /proc/vmallocinfo */

	if (kunit_requested()) {
		int failed = kunit_run_tests(kunit_glob());

		qemu_debug_exit(failed ? QEMU_EXIT_FAIL : QEMU_EXIT_PASS);
		kernel_halt();
	}
	pr_notice("Linnet: boot complete; there is no init program yet (user space comes with a later issue).\n");
	pr_notice("Linnet: the CPUs idle now. Leave QEMU with Ctrl-A X.\n");
	return 0;
}

/* Linux: rest_init(): start PID 1, then the boot task becomes CPU 0's idle task. */
static __noreturn void rest_init(void)
{
	struct task_struct *init = kthread_create(kernel_init, NULL, "init");

	if (IS_ERR(init))
		panic("cannot create the init thread: %ld", PTR_ERR(init));
	system_state = SYSTEM_SCHEDULING;
	wake_up_process(init);
	cpu_startup_entry();
}

/* Interrupt controllers and the tick (Linux: init_IRQ, time_init, APIC setup). */
static void init_IRQ_and_time(void)
{
	idt_setup_apic_and_irq_gates();
	init_bsp_APIC();
	setup_IO_APIC();
	if (apic_present) {
		calibrate_APIC_clock();
		setup_APIC_timer();
	}
}

void start_kernel(void)
{
	pr_notice("%s", linux_banner);
	setup_arch();
	setup_per_cpu_areas();
	cpu_init();	/* the boot CPU moves to its own GDT/TSS copy (Linux: switch_to_new_gdt) */
	lockdep_init();	/* per-CPU data and current exist from here */
	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_boot_params();
	mm_core_init();
	radix_tree_init();	/* the xarray's node cache (lib/xarray.c) */
	fpu__init_system();	/* XCR0 and the per-task FPU buffers (kernel/fpu.c) */
	proc_caches_init();	/* mm_struct (kernel/fork.c) */
	vfs_caches_init();	/* dcache, inodes, files, mounts, tmpfs, the rootfs mount */
	after_bootmem = true;	/* page tables now come from the buddy (mm/init_64.c) */
	vmalloc_init();		/* the vmalloc area's top-level tables; kernel stacks come from it */
	irq_init_percpu_irqstack(0);	/* the boot CPU's IRQ stack (kernel/irq.c) */
	mem_init_print_info();
	/* Crash tests run here, on the boot stack with its guard page. */
	lkdtm_run_boot_crashtype();
	sched_init();
	init_timers();
	timekeeping_init();	/* the real time, from the RTC */
	call_function_init();
	init_IRQ_and_time();
	local_irq_enable();
	rest_init();
}
