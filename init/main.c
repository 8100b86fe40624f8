// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel(): the generic boot sequence (Linux: init/main.c).
 *
 * Linux's start_kernel() calls some hundred init functions; ours calls
 * the ones that exist so far, in Linux's order, and each later issue adds
 * its own at the place Linux has it. rest_init() starts PID 1
 * (kernel_init, a user_mode_thread: a task that may exec), which brings
 * up the other CPUs, fills the root from the initramfs, opens
 * /dev/console as fds 0, 1 and 2 (console_on_rootfs) and runs what the
 * command line asked for: the in-kernel tests (ktest=), else the init
 * program: rdinit= (default /init) if the rootfs has it, else init=, else
 * /sbin/init, /etc/init, /bin/init, /bin/sh, as Linux's kernel_init()
 * tries them, with Linux's messages and its "No working init found"
 * panic. The boot task becomes CPU 0's idle task. Crash tests (lkdtm=)
 * run before the scheduler starts, on the boot stack, whose guard page
 * catches a stack overflow. The command line's words that are not the
 * kernel's own go to init, as Linux passes them: name=value into its
 * environment, the rest (and all after "--") into its argv. Left out:
 * Linux's CONFIG_DEFAULT_INIT.
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
#include <linux/oom.h>
#include <linux/percpu-defs.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <linux/binfmts.h>
#include <linux/cmdline.h>
#include <linux/string.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <linux/proc_fs.h>
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
	init_elf_binfmt();	/* Linux: core_initcall(init_elf_binfmt) */
	init_script_binfmt();	/* Linux: fs_initcall(init_script_binfmt) */
	oom_init();		/* the oom_reaper kthread (Linux: subsys_initcall(oom_init)) */
	populate_rootfs();
}

/* ---- PID 1's program (Linux: init/main.c) ---- */

#define MAX_INIT_ARGS 32
#define MAX_INIT_ENVS 32
static const char *ramdisk_execute_command = "/init";	/* rdinit= */
static const char *execute_command;			/* init= */
static const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL, };
static const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL, };
static const char *panic_later, *panic_param;
static char init_cmdline[COMMAND_LINE_SIZE];	/* the words argv_init/envp_init point into */

static int init_setup(char *str)
{
	execute_command = str;
	return 1;
}
__setup("init=", init_setup);

static int rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 1;
}
__setup("rdinit=", rdinit_setup);

/* Is this word one of the kernel's own options (kernel/params.c's rule)? */
static bool known_bootoption(const char *param, const char *val)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);

		if (n && p->str[n - 1] == '=') {
			if (val && !strncmp(p->str, param, n - 1) && !param[n - 1])
				return true;
		} else if (!strcmp(p->str, param)) {
			return true;
		}
	}
	return false;
}

/* next_arg() cut "name=value" at the '='; put it back (Linux: repair_env_string). */
static void repair_env_string(char *param, char *val)
{
	if (!val)
		return;
	if (val == param + strlen(param) + 1) {
		val[-1] = '=';
	} else if (val == param + strlen(param) + 2) {	/* name="value": the quote was skipped */
		val[-2] = '=';
		memmove(val - 1, val, strlen(val) + 1);
	}
}

static void add_init_arg(const char *param)
{
	int i;

	for (i = 0; argv_init[i]; i++) {
		if (i == MAX_INIT_ARGS) {
			panic_later = "init";
			panic_param = param;
			return;
		}
	}
	argv_init[i] = param;
}

static void add_init_env(const char *param, size_t namelen)
{
	int i;

	for (i = 0; envp_init[i]; i++) {
		if (i == MAX_INIT_ENVS) {
			panic_later = "env";
			panic_param = param;
			return;
		}
		if (!strncmp(param, envp_init[i], namelen + 1))
			break;		/* the same name again replaces it */
	}
	envp_init[i] = param;
}

/*
 * What of the command line init gets (Linux: unknown_bootoption and
 * set_init_arg, run by start_kernel's parse_args): words the kernel does
 * not know go to init, name=value ones into its environment, the others
 * into its argv; everything after "--" goes into its argv. Unknown module
 * parameters (a '.' in the name) are dropped. init= and rdinit= throw
 * away the arguments gathered before them, as Linux's init_setup does.
 */
static void init_args_from_cmdline(void)
{
	bool after_dashes = false;
	char *args, *param, *val;

	strscpy(init_cmdline, boot_command_line, sizeof(init_cmdline));
	args = skip_spaces(init_cmdline);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!after_dashes && !val && !strcmp(param, "--")) {
			after_dashes = true;
			continue;
		}
		if (after_dashes) {
			repair_env_string(param, val);
			add_init_arg(param);
			continue;
		}
		if (val && (!strcmp(param, "init") || !strcmp(param, "rdinit"))) {
			for (int i = 1; i < MAX_INIT_ARGS; i++)
				argv_init[i] = NULL;
			continue;
		}
		if (known_bootoption(param, val) || strchr(param, '.'))
			continue;
		if (val) {
			size_t namelen = strlen(param);

			repair_env_string(param, val);
			add_init_env(param, namelen);
		} else {
			add_init_arg(param);
		}
	}
}

/* Linux: init_dup() in fs/init.c: fd n of PID 1 is the console. */
static int init_dup(struct file *file)
{
	int fd = get_unused_fd_flags(0);

	if (fd < 0)
		return fd;
	fd_install(fd, get_file(file));
	return 0;
}

/*
 * fds 0, 1 and 2 of init are /dev/console (Linux: console_on_rootfs).
 * Linux's PID 1 inherits a copy of init_task's empty table (init_files);
 * here the boot task has none, so PID 1 makes that copy itself.
 */
static void console_on_rootfs(void)
{
	struct file *file;

	if (!current->files) {
		struct files_struct *files = dup_fd(&init_files);

		if (IS_ERR(files)) {
			pr_err("Warning: unable to open an initial console.\n");
			return;
		}
		current->files = files;
	}
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	init_dup(file);
	init_dup(file);
	init_dup(file);
	fput(file);
}

static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	pr_debug("  with arguments:\n");
	for (const char *const *p = argv_init; *p; p++)
		pr_debug("    %s\n", *p);
	pr_debug("  with environment:\n");
	for (const char *const *p = envp_init; *p; p++)
		pr_debug("    %s\n", *p);
	return kernel_execve(init_filename, argv_init, envp_init);
}

static int try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return ret;
}

/*
 * Exec the init program; 0 means current now holds it and returns to
 * user mode when kernel_init() returns (Linux: the end of kernel_init).
 */
static int run_init(void)
{
	int ret;

	init_args_from_cmdline();
	if (panic_later)
		panic("Too many boot %s vars at `%s'", panic_later, panic_param);

	if (ramdisk_execute_command) {
		ret = run_init_process(ramdisk_execute_command);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	}
	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (!try_to_run_init_process("/sbin/init") || !try_to_run_init_process("/etc/init") ||
	    !try_to_run_init_process("/bin/init") || !try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

/* PID 1: what runs once the scheduler is up (Linux: kernel_init, kernel_init_freeable). */
static int kernel_init(void *unused)
{
	/* Linux's PID 1 keeps the boot task's "swapper/0" until it execs; ours says what it is. */
	__set_task_comm(current, "init", false);
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
	/* Linux's order: the tests (kunit_run_all_tests), then the console fds. */
	console_on_rootfs();
	/* No /init in the rootfs: Linux would mount a root device (prepare_namespace). */
	if (ramdisk_execute_command && init_eaccess(ramdisk_execute_command) != 0)
		ramdisk_execute_command = NULL;
	return run_init();
}

/*
 * Linux: rest_init(): start PID 1, then the boot task becomes CPU 0's
 * idle task. PID 1 is a user_mode_thread (not a kthread), since it will
 * exec. As in Linux, system_state moves to SCHEDULING only after it is
 * made: until then allocations may sleep-check freely (preemption is
 * still off here), and PID 1 cannot run before this task schedules (the
 * other CPUs come up later, from kernel_init).
 */
static __noreturn void rest_init(void)
{
	pid_t pid;

	pid = user_mode_thread(kernel_init, NULL, CLONE_FS);
	if (pid < 0)
		panic("cannot create the init thread: %d", pid);
	system_state = SYSTEM_SCHEDULING;
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
	mmap_init();		/* vm_area_struct (mm/mmap.c) */
	vfs_caches_init();	/* dcache, inodes, files, mounts, tmpfs, the rootfs mount */
	proc_root_init();	/* the proc filesystem type and /proc's entries (fs/proc/root.c) */
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
