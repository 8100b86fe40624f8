// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU's isa-debug-exit device: writing v to its port ends QEMU with exit
 * status (v << 1) | 1. The test runner (scripts/qemu_runner.py) starts
 * QEMU with "-device isa-debug-exit,iobase=0xf4,iosize=0x04" and reads
 * the verdict from the exit status. Linux has no such driver; its KUnit
 * runner reads the console and powers the VM off instead. Without the
 * device (make run) the write goes nowhere and the caller halts.
 */
#include <asm/io.h>
#include <linux/serial.h>

#define QEMU_DEBUG_EXIT_PORT 0xf4

void qemu_debug_exit(enum qemu_exit_code code)
{
	outl(code, QEMU_DEBUG_EXIT_PORT);
}
