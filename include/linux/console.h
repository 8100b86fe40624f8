/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles: where printk writes the kernel log besides the serial port
 * (Linux: include/linux/console.h, register_console() in
 * kernel/printk/printk.c). The serial console (drivers/serial_8250.c) is
 * built into printk and always on; others, such as the VGA text console
 * (drivers/tty/vt/vt.c), register a struct console.
 *
 * Every console's ->write runs under printk's lock with interrupts off,
 * so it must not sleep or printk. console_lock_irqsave() takes the same
 * lock for a tty writing to the same hardware, so a tty write and a
 * printk line never mix mid-chunk (Linux orders them with console_sem and
 * the UART's port lock).
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct tty_driver;

#define CON_PRINTBUFFER	(1)	/* on registration, print the log so far */
#define CON_CONSDEV	(2)	/* the console /dev/console opens */
#define CON_ENABLED	(4)

struct console {
	char name[16];
	void (*write)(struct console *co, const char *s, unsigned int count);
	struct tty_driver *(*device)(struct console *co, int *index);
	short flags;
	short index;
	void *data;
	struct console *next;
};

void register_console(struct console *co);
int unregister_console(struct console *co);

/* printk's lock, for writers of console hardware (irqs off, printk deferred). */
unsigned long console_lock_irqsave(void);
void console_unlock_irqrestore(unsigned long flags);

#endif /* _LINUX_CONSOLE_H */
