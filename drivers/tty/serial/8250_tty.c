// SPDX-License-Identifier: GPL-2.0
/*
 * ttyS0: the tty driver over the 16550 UART of drivers/serial_8250.c
 * (Linux: drivers/tty/serial/serial_core.c's uart_register_driver() and
 * uart_write(), drivers/tty/serial/8250/8250_port.c's receive path
 * serial8250_rx_chars() -> uart_insert_char() -> tty_flip_buffer_push()).
 *
 * One port, COM1, major 4 minor 64, name "ttyS". Received bytes come from
 * the UART interrupt (kernel/apic/io_apic.c calls serial_rx_push() for
 * each byte the RX FIFO holds) and go into the port's flip buffer and on
 * to the line discipline. Output is written synchronously with the
 * polled serial_putc(), under printk's console lock so that it never
 * interleaves with a kernel-log line; no "\n" translation here, n_tty's
 * OPOST|ONLCR did that. The termios defaults are Linux's for an 8250
 * (B9600|CS8|CREAD|HUPCL|CLOCAL); the window size starts 0x0, as Linux's
 * ttyS0 reports under QEMU.
 *
 * Left out: struct uart_port/uart_driver, the transmit circular buffer and
 * THRE interrupt, baud/parity changes from termios (the UART stays at
 * 115200 8N1), modem lines, other ports.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/serial.h>
#include <linux/string.h>
#include <linux/tty.h>

static struct tty_port serial8250_port;

static ssize_t serial8250_tty_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	unsigned long flags = console_lock_irqsave();

	for (size_t i = 0; i < count; i++)
		serial_putc(buf[i]);
	console_unlock_irqrestore(flags);
	return count;
}

/* Linux: uart_get_info() for COM1 as QEMU's 16550A: I/O port 0x3f8, IRQ 4. */
static int serial8250_get_serial(struct tty_struct *tty, struct serial_struct *ss)
{
	memset(ss, 0, sizeof(*ss));
	ss->type = PORT_16550A;
	ss->line = tty->index;
	ss->port = 0x3f8;
	ss->irq = 4;
	ss->flags = ASYNC_BOOT_AUTOCONF | ASYNC_SKIP_TEST;
	ss->xmit_fifo_size = 16;
	ss->baud_base = 115200;
	ss->close_delay = 50;		/* hundredths of a second: Linux's HZ/2 */
	ss->closing_wait = 3000;	/* 30 s */
	ss->io_type = UPIO_PORT;
	return 0;
}

static const struct tty_operations serial8250_tty_ops = {
	.write = serial8250_tty_write,
	.get_serial = serial8250_get_serial,
};

static struct tty_struct *serial8250_ttys[1];
static struct tty_port *serial8250_ports[1];

struct tty_driver serial8250_tty_driver = {
	.driver_name = "serial",
	.name = "ttyS",
	.major = TTY_MAJOR,
	.minor_start = 64,
	.num = 1,
	.ops = &serial8250_tty_ops,
	.ttys = serial8250_ttys,
	.ports = serial8250_ports,
};

void serial_rx_push(int c)
{
	tty_port_receive_char(&serial8250_port, c);
}

int serial8250_tty_init(void)
{
	serial8250_tty_driver.init_termios = tty_std_termios;
	serial8250_tty_driver.init_termios.c_cflag = B9600 | CS8 | CREAD | HUPCL | CLOCAL;
	serial8250_tty_driver.init_termios.c_ispeed = 9600;
	serial8250_tty_driver.init_termios.c_ospeed = 9600;
	tty_port_init(&serial8250_port);
	tty_port_link_device(&serial8250_port, &serial8250_tty_driver, 0);
	return tty_register_driver(&serial8250_tty_driver);
}
