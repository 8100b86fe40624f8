/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the tty suites (tests/kernel/tty_kunit.c, N_TTY on a
 * sink driver; tests/kernel/tty_console_kunit.c, the real consoles): leak
 * counts, device nodes in TTY_TEST_DIR, reads and writes of strings.
 */
#ifndef _TESTS_KERNEL_TTY_TEST_H
#define _TESTS_KERNEL_TTY_TEST_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "kunit_pages.h"

#define TTY_TEST_DIR "/tty_kunit"

struct counts {
	long files, inodes, dentries, tasks;
	unsigned long pages;
};

static inline struct counts counts_now(void)
{
	return (struct counts){ get_nr_files(), get_nr_inodes(), get_nr_dentry(),
				nr_task_structs(), shrunk_free_pages() };
}

static inline void expect_counts(struct kunit *test, struct counts before)
{
	u64 until = ktime_get_ns() + 2000000000ULL;
	struct counts after;

	/* A stopped kthread's stack and task_struct are freed a moment after kthread_stop(). */
	while ((long)nr_task_structs() != before.tasks && ktime_get_ns() < until)
		msleep(1);
	after = counts_now();

	KUNIT_EXPECT_EQ(test, after.files, before.files);
	KUNIT_EXPECT_EQ(test, after.inodes, before.inodes);
	KUNIT_EXPECT_EQ(test, after.dentries, before.dentries);
	KUNIT_EXPECT_EQ(test, after.tasks, before.tasks);
	KUNIT_EXPECT_EQ(test, after.pages, before.pages);
}

static inline struct file *open_node(struct kunit *test, const char *name, unsigned int major,
				     unsigned int minor, int flags)
{
	static char node_path[64];
	struct file *f;
	int err;

	snprintf(node_path, sizeof(node_path), "%s/%s", TTY_TEST_DIR, name);
	err = init_mknod(node_path, S_IFCHR | 0666, new_encode_dev(MKDEV(major, minor)));
	KUNIT_EXPECT_EQ(test, err, 0);
	f = filp_open(node_path, flags, 0);
	KUNIT_EXPECT_EQ(test, init_unlink(node_path), 0);
	return f;
}

static inline bool setup_dir(struct kunit *test)
{
	int err = init_mkdir(TTY_TEST_DIR, 0755);

	KUNIT_EXPECT_EQ(test, err, 0);
	return err == 0;
}

static inline void remove_dir(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, init_rmdir(TTY_TEST_DIR), 0);
}

/* kernel_read into buf, NUL-terminated; the count or -errno. */
static inline ssize_t read_str(struct file *f, char *buf, size_t size)
{
	loff_t pos = 0;
	ssize_t n = kernel_read(f, buf, size - 1, &pos);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static inline ssize_t write_str(struct file *f, const char *s)
{
	loff_t pos = 0;

	return kernel_write(f, s, strlen(s), &pos);
}

static inline bool wait_for(bool (*cond)(void), unsigned int ms)
{
	u64 until = ktime_get_ns() + ms * 1000000ULL;

	while (!cond() && ktime_get_ns() < until)
		msleep(1);
	return cond();
}

#endif /* _TESTS_KERNEL_TTY_TEST_H */
