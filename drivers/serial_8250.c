// SPDX-License-Identifier: GPL-2.0
/*
 * A polled 16550 UART on COM1 (I/O port 0x3f8), the kernel console.
 *
 * Linux: drivers/tty/serial/8250/8250_early.c (earlycon, the polled
 * console printk uses before the real driver) and the register names of
 * include/uapi/linux/serial_reg.h. Output is polled; input raises IRQ 4,
 * routed by the I/O APIC (kernel/apic/io_apic.c), whose handler hands
 * each byte to serial_rx_push(): the ttyS0 tty's port
 * (drivers/tty/serial/8250_tty.c). Left out: other ports, modem control,
 * interrupt-driven output.
 */
#include <asm/io.h>
#include <linux/serial.h>

#define COM1 0x3f8
#define UART_TX 0	/* out: transmit holding register */
#define UART_RX 0	/* in: receive buffer */
#define UART_DLL 0	/* with DLAB: divisor latch low */
#define UART_DLM 1	/* with DLAB: divisor latch high */
#define UART_IER 1	/* interrupt enable */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define UART_LCR_DLAB 0x80
#define UART_LCR_WLEN8 0x03
#define UART_LSR_DR 0x01	/* data ready */
#define UART_LSR_THRE 0x20	/* transmit holding register empty */
#define UART_MCR_DTR 0x01
#define UART_MCR_RTS 0x02
#define UART_MCR_OUT2 0x08

#define BAUD_BASE 115200

void early_serial_init(void)
{
	unsigned int divisor = BAUD_BASE / 115200;

	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(divisor & 0xff, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(UART_LCR_WLEN8, COM1 + UART_LCR);	/* 8 bits, no parity, 1 stop */
	outb(0xc7, COM1 + UART_FCR);		/* enable and clear FIFOs */
	outb(UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2, COM1 + UART_MCR);
}

void serial_putc(char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int i = 0; i < 100000; i++)
		if (inb(COM1 + UART_LSR) & UART_LSR_THRE)
			break;
	outb((u8)c, COM1 + UART_TX);
}

void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

/* Interrupt on received data (IER bit 0); the I/O APIC routes IRQ 4. */
void serial_enable_rx_interrupt(void)
{
	outb(0x01, COM1 + UART_IER);
}

int serial_getc_nonblock(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}
