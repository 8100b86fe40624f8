// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the character-device table (fs/char_dev.c), under
 * ASan and UBSan: overlapping claims (-EBUSY), bad ranges (-EINVAL),
 * Linux's dynamic-major order (254..234, then 511..384, then -EBUSY),
 * exact-match unregistering, chrdev_show()'s /proc/devices lines, and
 * def_chr_fops.open (chrdev_open) on a hand-made inode and file: -ENXIO
 * without a claim, else f_op replaced and the driver's ->open called.
 *
 * fs/char_dev.c is built as is; the mutex, kmalloc and noop_llseek are
 * stand-ins below (kmalloc counts live claims, so unregistering is checked
 * to free them). The same behaviour through the real VFS is tested in
 * tests/kernel/chrdev_kunit.c. Linux has no direct counterpart test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>

/* ---- stand-ins --------------------------------------------------------------- */

static int mutex_depth;
static long live_allocs;

void mutex_lock(struct mutex *lock)
{
	assert_int_equal(mutex_depth, 0);	/* chrdevs_lock is never nested */
	mutex_depth++;
}

void mutex_unlock(struct mutex *lock)
{
	assert_int_equal(mutex_depth, 1);
	mutex_depth--;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = malloc(size);

	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	if (p)
		live_allocs++;
	return p;
}

void kfree(const void *p)
{
	if (p)
		live_allocs--;
	free((void *)p);
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

/* ---- a driver ---------------------------------------------------------------- */

static int opens;
static int open_ret;

static int drv_open(struct inode *inode, struct file *file)
{
	opens++;
	return open_ret;
}

static const struct file_operations drv_fops = { .open = drv_open };
static const struct file_operations drv2_fops = { .llseek = noop_llseek };

static int do_open(dev_t dev, struct file *f)
{
	struct inode inode = { .i_mode = S_IFCHR | 0600, .i_rdev = dev, .i_fop = &def_chr_fops };

	memset(f, 0, sizeof(*f));
	f->f_inode = &inode;
	f->f_op = inode.i_fop;
	return f->f_op->open(&inode, f);
}

static int setup(void **state)
{
	opens = 0;
	open_ret = 0;
	printk_log_reset();
	return 0;
}

/* Every claim made in a test is gone at its end. */
static int teardown(void **state)
{
	char buf[64];

	assert_int_equal(live_allocs, 0);
	assert_int_equal(chrdev_show(buf, sizeof(buf)), 0);
	return 0;
}

/* ---- tests ------------------------------------------------------------------- */

static void test_overlaps(void **state)
{
	assert_int_equal(__register_chrdev(10, 0, 16, "a", &drv_fops), 0);
	assert_int_equal(__register_chrdev(10, 8, 16, "b", &drv_fops), -EBUSY);
	assert_int_equal(__register_chrdev(10, 15, 1, "b", &drv_fops), -EBUSY);
	assert_int_equal(__register_chrdev(10, 0, 1, "b", &drv_fops), -EBUSY);
	assert_int_equal(__register_chrdev(10, 16, 16, "c", &drv_fops), 0);	/* adjacent */
	assert_int_equal(__register_chrdev(10, 100, 1, "d", &drv_fops), 0);
	assert_int_equal(__register_chrdev(10, 40, 60, "e", &drv_fops), 0);	/* the gap exactly */
	assert_int_equal(__register_chrdev(10, 39, 2, "f", &drv_fops), -EBUSY);
	/* Same hash chain (265 % 255 == 10), other major: no conflict. */
	assert_int_equal(__register_chrdev(265, 0, 256, "g", &drv_fops), 0);
	assert_int_equal(live_allocs, 5);
	__unregister_chrdev(10, 0, 16, "a");
	__unregister_chrdev(10, 16, 16, "c");
	__unregister_chrdev(10, 100, 1, "d");
	__unregister_chrdev(10, 40, 60, "e");
	__unregister_chrdev(265, 0, 256, "g");
}

static void test_bad_ranges(void **state)
{
	assert_int_equal(__register_chrdev(512, 0, 1, "x", &drv_fops), -EINVAL);
	assert_true(printk_log_contains("major requested (512) is greater than the maximum (511)"));
	assert_int_equal(__register_chrdev(3, MINORMASK, 2, "x", &drv_fops), -EINVAL);
	assert_int_equal(__register_chrdev(3, MINORMASK + 1, 1, "x", &drv_fops), -EINVAL);
	assert_int_equal(__register_chrdev(3, 0, MINORMASK + 2, "x", &drv_fops), -EINVAL);
	/* The whole minor space of one major is fine. */
	assert_int_equal(__register_chrdev(3, 0, MINORMASK + 1, "all", &drv_fops), 0);
	assert_int_equal(__register_chrdev(3, MINORMASK, 1, "last", &drv_fops), -EBUSY);
	__unregister_chrdev(3, 0, MINORMASK + 1, "all");
	assert_int_equal(__register_chrdev(3, MINORMASK, 1, "last", &drv_fops), 0);
	__unregister_chrdev(3, MINORMASK, 1, "last");
}

static void test_dynamic_majors(void **state)
{
	int got[21 + 128 + 1], n = 0;

	/* A static claim in the range is skipped. */
	assert_int_equal(__register_chrdev(250, 0, 1, "static", &drv_fops), 0);
	for (;;) {
		int m = register_chrdev(0, "dyn", &drv_fops);

		if (m < 0) {
			assert_int_equal(m, -EBUSY);
			assert_true(printk_log_contains("dynamic allocation region is full"));
			break;
		}
		assert_true(n < (int)(sizeof(got) / sizeof(got[0])));
		got[n++] = m;
	}
	/* 254..234 less 250, then 511..384. */
	assert_int_equal(n, 20 + 128);
	assert_int_equal(got[0], 254);
	assert_int_equal(got[3], 251);
	assert_int_equal(got[4], 249);
	assert_int_equal(got[19], 234);
	assert_int_equal(got[20], 511);
	assert_int_equal(got[n - 1], 384);
	/*
	 * Linux's first pass looks for an empty hash chain, not a free
	 * major: freeing 240 alone does not make it available while 495
	 * (495 % 255 == 240) is still registered.
	 */
	__unregister_chrdev(240, 0, 256, "dyn");
	assert_int_equal(register_chrdev(0, "again", &drv_fops), -EBUSY);
	__unregister_chrdev(495, 0, 256, "dyn");
	assert_int_equal(register_chrdev(0, "again", &drv_fops), 240);
	__unregister_chrdev(240, 0, 256, "again");
	assert_int_equal(register_chrdev(0, "again", &drv_fops), 240);
	__unregister_chrdev(240, 0, 256, "again");
	for (int i = 0; i < n; i++)
		if (got[i] != 240 && got[i] != 495)
			__unregister_chrdev(got[i], 0, 256, "dyn");
	__unregister_chrdev(250, 0, 1, "static");
}

static void test_unregister_exact(void **state)
{
	assert_int_equal(__register_chrdev(7, 4, 4, "a", &drv_fops), 0);
	__unregister_chrdev(7, 4, 3, "a");	/* not the claim: nothing happens */
	__unregister_chrdev(7, 0, 8, "a");
	__unregister_chrdev(8, 4, 4, "a");
	assert_int_equal(live_allocs, 1);
	assert_int_equal(__register_chrdev(7, 5, 1, "b", &drv_fops), -EBUSY);
	__unregister_chrdev(7, 4, 4, "other name");	/* Linux ignores the name */
	assert_int_equal(live_allocs, 0);
}

static void test_show(void **state)
{
	char buf[256], tiny[10];
	int len;

	assert_int_equal(register_chrdev(300, "late", &drv_fops), 0);
	assert_int_equal(__register_chrdev(4, 64, 4, "ttyS", &drv_fops), 0);
	assert_int_equal(__register_chrdev(4, 0, 64, "tty", &drv_fops), 0);
	assert_int_equal(__register_chrdev(1, 0, 256, "mem", &drv_fops), 0);
	len = chrdev_show(buf, sizeof(buf));
	/* By major; within one, by first minor: fs/proc/devices.c's lines. */
	assert_string_equal(buf, "  1 mem\n  4 tty\n  4 ttyS\n300 late\n");
	assert_int_equal(len, (int)strlen(buf));
	len = chrdev_show(tiny, sizeof(tiny));
	assert_int_equal(len, 9);
	assert_string_equal(tiny, "  1 mem\n ");
	assert_int_equal(chrdev_show(tiny, 0), 0);
	__unregister_chrdev(300, 0, 256, "late");
	__unregister_chrdev(4, 64, 4, "ttyS");
	__unregister_chrdev(4, 0, 64, "tty");
	__unregister_chrdev(1, 0, 256, "mem");
}

static void test_chrdev_open(void **state)
{
	struct file f;

	assert_ptr_equal(def_chr_fops.llseek, noop_llseek);
	assert_int_equal(do_open(MKDEV(20, 0), &f), -ENXIO);
	assert_int_equal(__register_chrdev(20, 2, 2, "drv", &drv_fops), 0);
	assert_int_equal(__register_chrdev(20, 4, 1, "drv2", &drv2_fops), 0);
	assert_int_equal(do_open(MKDEV(20, 1), &f), -ENXIO);
	assert_int_equal(do_open(MKDEV(20, 2), &f), 0);
	assert_ptr_equal(f.f_op, &drv_fops);
	assert_int_equal(opens, 1);
	assert_int_equal(do_open(MKDEV(20, 3), &f), 0);
	assert_int_equal(opens, 2);
	/* A driver without ->open: f_op switched, success. */
	assert_int_equal(do_open(MKDEV(20, 4), &f), 0);
	assert_ptr_equal(f.f_op, &drv2_fops);
	assert_int_equal(opens, 2);
	/* The driver's ->open error is the open's. */
	open_ret = -EIO;
	assert_int_equal(do_open(MKDEV(20, 2), &f), -EIO);
	assert_int_equal(do_open(MKDEV(20, 5), &f), -ENXIO);
	assert_int_equal(do_open(MKDEV(21, 2), &f), -ENXIO);
	__unregister_chrdev(20, 2, 2, "drv");
	assert_int_equal(do_open(MKDEV(20, 2), &f), -ENXIO);
	__unregister_chrdev(20, 4, 1, "drv2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_overlaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_ranges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dynamic_majors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unregister_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chrdev_open, setup, teardown),
	};

	return cmocka_run_group_tests_name("char_dev", tests, NULL, NULL);
}
