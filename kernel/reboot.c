// SPDX-License-Identifier: GPL-2.0
/*
 * reboot(2) and the ways out of the machine (Linux: kernel/reboot.c for
 * the system call and kernel_restart/kernel_halt/kernel_power_off,
 * arch/x86/kernel/reboot.c for machine_restart/machine_halt/
 * machine_power_off).
 *
 * The system call wants Linux's two magic numbers (0xfee1dead, then one
 * of 672274793, 85072278, 369367448, 537993216: -EINVAL otherwise) and
 * takes LINUX_REBOOT_CMD_POWER_OFF, _HALT, _RESTART, _RESTART2 (with a
 * command string, only printed) and _CAD_ON/_CAD_OFF (recorded: there is
 * no Ctrl-Alt-Del handling); any other command (KEXEC, SW_SUSPEND...) is
 * -EINVAL, as in a Linux built without them. Linux also refuses a caller
 * without CAP_SYS_BOOT with -EPERM; Linnet has no credentials yet (every
 * task is uid 0 with every capability, kernel/sys.c), so there is no such
 * caller and no check here. It comes with a permission model.
 *
 * Each way out prints Linux's line ("reboot: Power down", "reboot:
 * System halted", "reboot: Restarting system"), stops the other CPUs
 * (smp_send_stop) and then:
 *   power off: QEMU's isa-debug-exit with the "pass" code (the test
 *              runner's device; QEMU then exits), else the ACPI sleep
 *              state S5 written to QEMU's PM1a control port (0x604 on
 *              current machines, 0xb004 on the older i440fx/Bochs
 *              layout), else halt;
 *   halt:      interrupts off, hlt forever;
 *   restart:   the keyboard controller's reset line (0xfe to port 0x64),
 *              then a triple fault (an empty IDT), as Linux's
 *              BOOT_KBD/BOOT_TRIPLE fallbacks do.
 * Left out: reboot notifiers, device shutdown, the ACPI FADT (the PM1a
 * port and SLP_TYP are QEMU's, not read from the tables), EFI reset,
 * kexec, hibernation, the reboot= parameter.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/smp.h>
#include <asm/special_insns.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216

#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON 0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2 0xA1B2C3D4

static int C_A_D = 1;	/* Ctrl-Alt-Del reboots at once (recorded only) */

static inline void outw_p(u16 v, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static __noreturn void machine_halt(void)
{
	local_irq_disable();
	for (;;)
		native_halt();
}

static __noreturn void machine_power_off(void)
{
	qemu_debug_exit(QEMU_EXIT_PASS);
	/* SLP_TYP = 0 (QEMU's \_S5) | SLP_EN in PM1a_CNT. */
	outw_p(0x2000, 0x604);
	outw_p(0x2000, 0xb004);
	machine_halt();
}

static __noreturn void machine_restart(void)
{
	struct {
		u16 limit;
		u64 base;
	} __attribute__((packed)) no_idt = { 0, 0 };

	local_irq_disable();
	/* The 8042's output port: pulse the reset line. */
	for (int i = 0; i < 0x10000 && (inb(0x64) & 0x02); i++)
		;
	outb(0xfe, 0x64);
	for (volatile int i = 0; i < 1000000; i++)
		;
	/* Still here: an empty IDT turns the next exception into a triple fault. */
	__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	machine_halt();
}

/* Stay on this CPU with interrupts off, then stop the others (Linux: migrate_to_reboot_cpu
 * + machine_shutdown's stop_other_cpus). */
static void kernel_shutdown_prepare(void)
{
	preempt_disable();
	local_irq_disable();
	smp_send_stop();
}

__noreturn void kernel_power_off(void);
__noreturn void kernel_power_off(void)
{
	kernel_shutdown_prepare();
	pr_emerg("reboot: Power down\n");
	machine_power_off();
}

__noreturn void kernel_halt(void);
__noreturn void kernel_halt(void)
{
	kernel_shutdown_prepare();
	pr_emerg("reboot: System halted\n");
	machine_halt();
}

__noreturn void kernel_restart(const char *cmd);
__noreturn void kernel_restart(const char *cmd)
{
	kernel_shutdown_prepare();
	if (!cmd)
		pr_emerg("reboot: Restarting system\n");
	else
		pr_emerg("reboot: Restarting system with command '%s'\n", cmd);
	machine_restart();
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	char buffer[256];
	long len;

	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart(NULL);
	case LINUX_REBOOT_CMD_CAD_ON:
		C_A_D = 1;
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		C_A_D = 0;
		return 0;
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_RESTART2:
		len = strncpy_from_user(buffer, arg, sizeof(buffer) - 1);
		if (len < 0)
			return -EFAULT;
		buffer[len] = '\0';
		kernel_restart(buffer);
	}
	return -EINVAL;
}
