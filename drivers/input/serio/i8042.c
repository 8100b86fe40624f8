// SPDX-License-Identifier: GPL-2.0
/*
 * The i8042 PS/2 controller, keyboard port only (Linux:
 * drivers/input/serio/i8042.c: i8042_controller_check/init,
 * i8042_flush, i8042_command, i8042_interrupt).
 *
 * Ports 0x60 (data) and 0x64 (status on read, command on write). Setup:
 * see a controller at all (status 0xff: none), drain what the firmware
 * left in the output buffer, then rewrite the controller's command byte
 * (CTR): keyboard interrupt on, keyboard clock on, translation to
 * scancode set 1 on, the aux (mouse) port off; ISA IRQ 1 routed through
 * the I/O APIC to i8042_interrupt(), which reads every byte the
 * controller holds and gives keyboard bytes to kbd_receive_scancode()
 * (drivers/tty/vt/keyboard.c). Every wait on the controller is bounded:
 * a missing or stuck controller gives -ENODEV/-EIO, never a hang.
 *
 * Left out: the mouse (aux) port and its IRQ 12, serio and the input
 * layer, resetting the keyboard (0xff) or setting its LEDs/typematic
 * rate, suspend/resume, the PNP/ACPI probing of the ports.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <linux/console_struct.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#define I8042_DATA_REG		0x60
#define I8042_STATUS_REG	0x64
#define I8042_COMMAND_REG	0x64

#define I8042_STR_OBF		0x01	/* output buffer full: a byte to read */
#define I8042_STR_IBF		0x02	/* input buffer full: controller busy */
#define I8042_STR_AUXDATA	0x20	/* the byte is from the aux port */

#define I8042_CMD_CTL_RCTR	0x20
#define I8042_CMD_CTL_WCTR	0x60
#define I8042_CMD_AUX_DISABLE	0xa7
#define I8042_CMD_KBD_ENABLE	0xae

#define I8042_CTR_KBDINT	0x01
#define I8042_CTR_AUXINT	0x02
#define I8042_CTR_KBDDIS	0x10
#define I8042_CTR_AUXDIS	0x20
#define I8042_CTR_XLATE		0x40

#define I8042_CTL_TIMEOUT	100000	/* status polls, each an I/O port read */
#define I8042_BUFFER_SIZE	16
#define I8042_KBD_IRQ		1

static int i8042_wait_write(void)
{
	for (int i = 0; i < I8042_CTL_TIMEOUT; i++)
		if (!(inb(I8042_STATUS_REG) & I8042_STR_IBF))
			return 0;
	return -EIO;
}

static int i8042_wait_read(void)
{
	for (int i = 0; i < I8042_CTL_TIMEOUT; i++)
		if (inb(I8042_STATUS_REG) & I8042_STR_OBF)
			return 0;
	return -EIO;
}

/* Read and drop what the controller holds (Linux: i8042_flush). */
static void i8042_flush(void)
{
	for (int i = 0; i < I8042_BUFFER_SIZE && (inb(I8042_STATUS_REG) & I8042_STR_OBF); i++)
		inb(I8042_DATA_REG);
}

static int i8042_command_write(u8 cmd)
{
	if (i8042_wait_write())
		return -EIO;
	outb(cmd, I8042_COMMAND_REG);
	return 0;
}

static int i8042_read_ctr(u8 *ctr)
{
	if (i8042_command_write(I8042_CMD_CTL_RCTR) || i8042_wait_read())
		return -EIO;
	*ctr = inb(I8042_DATA_REG);
	return 0;
}

static int i8042_write_ctr(u8 ctr)
{
	if (i8042_command_write(I8042_CMD_CTL_WCTR) || i8042_wait_write())
		return -EIO;
	outb(ctr, I8042_DATA_REG);
	return 0;
}

static void i8042_interrupt(struct pt_regs *regs)
{
	for (int i = 0; i < I8042_BUFFER_SIZE; i++) {
		u8 str = inb(I8042_STATUS_REG), data;

		if (!(str & I8042_STR_OBF))
			break;
		data = inb(I8042_DATA_REG);
		if (str & I8042_STR_AUXDATA)
			continue;	/* the mouse port is off; stray bytes dropped */
		kbd_receive_scancode(data);
	}
	apic_eoi();
}

int i8042_init(void)
{
	u8 ctr;
	int ret;

	if (inb(I8042_STATUS_REG) == 0xff)
		return -ENODEV;		/* no controller on the bus */
	if (i8042_command_write(I8042_CMD_AUX_DISABLE))
		return -ENODEV;
	i8042_flush();
	if (i8042_read_ctr(&ctr))
		return -EIO;
	ctr |= I8042_CTR_KBDINT | I8042_CTR_XLATE | I8042_CTR_AUXDIS;
	ctr &= ~(I8042_CTR_KBDDIS | I8042_CTR_AUXINT);
	if (i8042_write_ctr(ctr))
		return -EIO;
	i8042_flush();
	ret = io_apic_request_isa_irq(I8042_KBD_IRQ, i8042_interrupt);
	if (ret)
		return ret;
	if (i8042_command_write(I8042_CMD_KBD_ENABLE))
		return -EIO;
	pr_info("serio: i8042 KBD port at 0x60,0x64 irq %d\n", I8042_KBD_IRQ);
	return 0;
}
