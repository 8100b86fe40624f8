/* SPDX-License-Identifier: GPL-2.0 */
/* The 16550 serial console and QEMU's isa-debug-exit device. */
#ifndef _LINUX_SERIAL_H
#define _LINUX_SERIAL_H

#include <linux/compiler.h>
#include <linux/types.h>

void early_serial_init(void);
void serial_putc(char c);
void serial_write(const char *s, size_t n);
int serial_getc_nonblock(void);	/* -1 if no byte is waiting */
void serial_enable_rx_interrupt(void);
/*
 * A byte the interrupt handler received (or a test typed), for ttyS0's
 * line discipline (drivers/tty/serial/8250_tty.c); any context.
 */
void serial_rx_push(int c);

/* Verdicts for the test runner (scripts/qemu_runner.py): QEMU exits (v << 1) | 1. */
enum qemu_exit_code {
	QEMU_EXIT_PASS = 0,
	QEMU_EXIT_FAIL = 1,
	QEMU_EXIT_PANIC = 2,
};
void qemu_debug_exit(enum qemu_exit_code code);

#endif /* _LINUX_SERIAL_H */
