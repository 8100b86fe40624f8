/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tty driver for the tests (tests/kernel/tty_kunit.c, tty_jobctrl_kunit.c):
 * "ttyKUNIT" on a dynamic major, whose ->write is a sink the test reads
 * back (the echoes and the processed output), and whose port the test
 * feeds with tty_insert_flip_char()/tty_flip_buffer_push() as an interrupt
 * handler does. Each including file has its own copy.
 */
#ifndef _TESTS_KERNEL_TTY_SINK_H
#define _TESTS_KERNEL_TTY_SINK_H

#include <linux/spinlock.h>
#include <linux/tty.h>

#include "tty_test.h"

/* ---- the sink driver ----------------------------------------------------------- */

static DEFINE_SPINLOCK(sink_lock);
static char sink_buf[2048];
static size_t sink_len;

static ssize_t sink_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	unsigned long flags;

	spin_lock_irqsave(&sink_lock, flags);
	for (size_t i = 0; i < count && sink_len < sizeof(sink_buf) - 1; i++)
		sink_buf[sink_len++] = buf[i];
	sink_buf[sink_len] = '\0';
	spin_unlock_irqrestore(&sink_lock, flags);
	return count;
}

static void sink_reset(void)
{
	unsigned long flags;

	spin_lock_irqsave(&sink_lock, flags);
	sink_len = 0;
	sink_buf[0] = '\0';
	spin_unlock_irqrestore(&sink_lock, flags);
}

static const struct tty_operations sink_ops = {
	.write = sink_write,
};

static struct tty_port ktest_port;
static struct tty_struct *ktest_ttys[1];
static struct tty_port *ktest_ports[1];
static struct tty_driver ktest_driver = {
	.driver_name = "kunit",
	.name = "ttyKUNIT",
	.num = 1,
	.ops = &sink_ops,
	.ttys = ktest_ttys,
	.ports = ktest_ports,
};

/* Type s at the test tty, as its interrupt handler would. */
static void type(const char *s)
{
	while (*s)
		tty_insert_flip_char(&ktest_port, *s++, TTY_NORMAL);
	tty_flip_buffer_push(&ktest_port);
}


/* Register the sink driver, open its tty (flags | O_RDWR). NULL on failure. */
static struct file *ktest_open(struct kunit *test, int flags)
{
	struct file *f;
	int err;

	if (!setup_dir(test))
		return NULL;
	tty_port_init(&ktest_port);
	tty_port_link_device(&ktest_port, &ktest_driver, 0);
	ktest_driver.major = 0;
	ktest_driver.init_termios = tty_std_termios;
	err = tty_register_driver(&ktest_driver);
	KUNIT_EXPECT_EQ(test, err, 0);
	if (err) {
		remove_dir(test);
		return NULL;
	}
	sink_reset();
	f = open_node(test, "ttyKUNIT0", ktest_driver.major, 0, O_RDWR | flags);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (IS_ERR(f)) {
		tty_unregister_driver(&ktest_driver);
		remove_dir(test);
		return NULL;
	}
	return f;
}

static void ktest_close(struct kunit *test, struct file *f)
{
	filp_close(f, NULL);
	KUNIT_EXPECT_TRUE(test, ktest_ttys[0] == NULL);	/* the last close freed it */
	tty_unregister_driver(&ktest_driver);
	remove_dir(test);
}

#endif /* _TESTS_KERNEL_TTY_SINK_H */
