/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The character devices init/main.c registers before the root is
 * populated (Linux: tty_init() in include/linux/tty.h; chr_dev_init() is
 * an fs_initcall in drivers/char/mem.c with no header, declared here for
 * want of initcalls). Each returns 0 or a -errno from __register_chrdev().
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

/* drivers/char/mem.c: major 1, "mem" (null, zero, full, random, urandom). */
int chr_dev_init(void);
/* drivers/tty/tty_io.c: /dev/console (5, 1) and /dev/ttyS0 (4, 64). */
int tty_init(void);

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

#endif /* _LINUX_TTY_H */
