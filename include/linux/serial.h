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
 * Bytes received by the interrupt handler, read by drivers/tty/tty_io.c.
 * serial_rx_push() wakes serial_rx_wait (linux/wait.h) for readers
 * waiting for input; one consumer at a time may call serial_rx_pop().
 */
void serial_rx_push(int c);
int serial_rx_pop(void);		/* -1 if empty */
struct wait_queue_head;
extern struct wait_queue_head serial_rx_wait;

/* Verdicts for the test runner (scripts/qemu_runner.py): QEMU exits (v << 1) | 1. */
enum qemu_exit_code {
	QEMU_EXIT_PASS = 0,
	QEMU_EXIT_FAIL = 1,
	QEMU_EXIT_PANIC = 2,
};
void qemu_debug_exit(enum qemu_exit_code code);

#endif /* _LINUX_SERIAL_H */
