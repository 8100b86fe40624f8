// SPDX-License-Identifier: GPL-2.0
/*
 * A polled 16550 UART on COM1 (I/O port 0x3f8), the kernel console.
 *
 * Linux: drivers/tty/serial/8250/8250_early.c (earlycon, the polled
 * console printk uses before the real driver) and the register names of
 * include/uapi/linux/serial_reg.h. Output is polled; input raises IRQ 4,
 * routed by the I/O APIC (kernel/apic/io_apic.c), into a small buffer
 * that /dev/console and /dev/ttyS0 read (drivers/tty/tty_io.c): each byte
 * stored wakes the readers waiting on serial_rx_wait. A full buffer drops
 * the byte. Left out: the real tty layer, other ports, modem control.
 */
#include <asm/io.h>
#include <linux/serial.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

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

#define RX_BUF_SIZE 256
static unsigned char rx_buf[RX_BUF_SIZE];
static unsigned int rx_head, rx_tail;
DECLARE_WAIT_QUEUE_HEAD(serial_rx_wait);

static DEFINE_SPINLOCK(rx_push_lock);

/*
 * Producers (the interrupt handler, or a test standing in for it) take
 * rx_push_lock; the one consumer takes no lock. The byte is stored before
 * the head moves past it, and the consumer reads the head before the
 * byte (x86 keeps stores, and loads, in order: compiler barriers suffice).
 */
void serial_rx_push(int c)
{
	unsigned long flags;
	unsigned int head;
	bool stored = false;

	spin_lock_irqsave(&rx_push_lock, flags);
	head = rx_head;
	if (head - READ_ONCE(rx_tail) < RX_BUF_SIZE) {
		rx_buf[head % RX_BUF_SIZE] = c;
		barrier();
		WRITE_ONCE(rx_head, head + 1);
		stored = true;
	}
	spin_unlock_irqrestore(&rx_push_lock, flags);
	if (stored)
		wake_up(&serial_rx_wait);
}

int serial_rx_pop(void)
{
	unsigned int tail = rx_tail;
	int c;

	if (READ_ONCE(rx_head) == tail)
		return -1;
	barrier();
	c = rx_buf[tail % RX_BUF_SIZE];
	barrier();
	WRITE_ONCE(rx_tail, tail + 1);
	return c;
}

int serial_getc_nonblock(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}
