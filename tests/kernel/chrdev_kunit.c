// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of character devices (fs/char_dev.c, drivers/char/mem.c,
 * drivers/tty/tty_io.c) through the VFS, as a program would use them:
 * each case makes its device nodes with init_mknod() in a directory of
 * its own (CHRDEV_TEST_DIR), opens them with filp_open(), reads and
 * writes with kernel_read()/kernel_write() (and vfs_read() for user
 * buffers), and removes everything again; the open-file, inode and dentry
 * counts must be back at their starting values.
 *
 * Covered: /dev/null, zero, full, random and urandom semantics and llseek;
 * -ENXIO for an unregistered major and for unused mem minors;
 * __register_chrdev()'s -EBUSY on overlaps, -EINVAL on bad ranges,
 * dynamic majors from 254 down, chrdev_show()'s lines, and a driver's own
 * ->open replacing f_op; user buffers: a kernel address gives -EFAULT, an
 * unmapped user address -EFAULT, a buffer running off a mapped page a
 * short count; and the nodes the boot put in /dev (initramfs or
 * default_rootfs), where present: their device numbers and the driver
 * each one reaches. The ttys have their own suite (tests/kernel/tty_kunit.c).
 */
#include <asm/pgalloc.h>
#include <asm/pgtable_types.h>
#include <kunit/test.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/serial.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define CHRDEV_TEST_DIR "/chrdev_kunit"
#define TEST_UADDR 0x00003f0000000000UL	/* a user address, below TASK_SIZE_MAX */

struct counts {
	long files, inodes, dentries;
};

static struct counts counts_now(void)
{
	return (struct counts){ get_nr_files(), get_nr_inodes(), get_nr_dentry() };
}

static void expect_counts(struct kunit *test, struct counts before)
{
	struct counts after = counts_now();

	KUNIT_EXPECT_EQ(test, after.files, before.files);
	KUNIT_EXPECT_EQ(test, after.inodes, before.inodes);
	KUNIT_EXPECT_EQ(test, after.dentries, before.dentries);
}

static char node_path[64];

/* CHRDEV_TEST_DIR/name as a character device (major, minor); the path. */
static const char *mknod_chr(struct kunit *test, const char *name, unsigned int major,
			     unsigned int minor)
{
	int err;

	snprintf(node_path, sizeof(node_path), "%s/%s", CHRDEV_TEST_DIR, name);
	err = init_mknod(node_path, S_IFCHR | 0666, new_encode_dev(MKDEV(major, minor)));
	KUNIT_EXPECT_EQ(test, err, 0);
	return node_path;
}

/* Make node, open it with flags, unlink it (the open file keeps the inode). */
static struct file *open_chr(struct kunit *test, const char *name, unsigned int major,
			     unsigned int minor, int flags)
{
	const char *path = mknod_chr(test, name, major, minor);
	struct file *f = filp_open(path, flags, 0);

	KUNIT_EXPECT_EQ(test, init_unlink(path), 0);
	return f;
}

static bool setup_dir(struct kunit *test)
{
	int err = init_mkdir(CHRDEV_TEST_DIR, 0755);

	KUNIT_EXPECT_EQ(test, err, 0);
	return err == 0;
}

static void remove_dir(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, init_rmdir(CHRDEV_TEST_DIR), 0);
}

static bool all_bytes(const u8 *p, size_t n, u8 v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static u8 big[3 * 4096 + 123];

/* ---- major 1 ------------------------------------------------------------------ */

static void chrdev_null(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f;
	loff_t pos = 0;

	if (!setup_dir(test))
		return;
	f = open_chr(test, "null", 1, 3, O_RDWR);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	memset(big, 0xaa, sizeof(big));
	KUNIT_EXPECT_EQ(test, kernel_read(f, big, sizeof(big), &pos), 0);	/* EOF */
	KUNIT_EXPECT_TRUE(test, all_bytes(big, sizeof(big), 0xaa));	/* untouched */
	KUNIT_EXPECT_EQ(test, kernel_write(f, big, sizeof(big), &pos), sizeof(big));
	KUNIT_EXPECT_EQ(test, kernel_write(f, big, 0, &pos), 0);
	/* null_lseek: position 0, success, whatever is asked. */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 1000, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -5, SEEK_END), 0);
	KUNIT_EXPECT_EQ(test, f->f_pos, 0);
	KUNIT_EXPECT_TRUE(test, f->f_mode & FMODE_NOWAIT);
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

static void chrdev_zero(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f;
	loff_t pos = 0;

	if (!setup_dir(test))
		return;
	f = open_chr(test, "zero", 1, 5, O_RDWR);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	memset(big, 0xaa, sizeof(big));
	/* More than a page: read_iter_zero goes a page at a time. */
	KUNIT_EXPECT_EQ(test, kernel_read(f, big + 1, sizeof(big) - 2, &pos), sizeof(big) - 2);
	KUNIT_EXPECT_TRUE(test, all_bytes(big + 1, sizeof(big) - 2, 0));
	KUNIT_EXPECT_EQ(test, big[0], 0xaa);
	KUNIT_EXPECT_EQ(test, big[sizeof(big) - 1], 0xaa);
	KUNIT_EXPECT_EQ(test, kernel_write(f, big, 777, &pos), 777);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4096, SEEK_SET), 0);
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

static void chrdev_full(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f;
	loff_t pos = 0;

	if (!setup_dir(test))
		return;
	f = open_chr(test, "full", 1, 7, O_RDWR);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	memset(big, 0xaa, sizeof(big));
	KUNIT_EXPECT_EQ(test, kernel_read(f, big, 5000, &pos), 5000);
	KUNIT_EXPECT_TRUE(test, all_bytes(big, 5000, 0));
	KUNIT_EXPECT_EQ(test, kernel_write(f, big, 1, &pos), -ENOSPC);
	KUNIT_EXPECT_EQ(test, kernel_write(f, big, 10000, &pos), -ENOSPC);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 12, SEEK_CUR), 0);
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

static void chrdev_urandom(struct kunit *test)
{
	struct counts before = counts_now();
	static const unsigned int minors[] = { 9, 8 };	/* urandom, random */
	u8 a[200], b[200];

	if (!setup_dir(test))
		return;
	for (unsigned int m = 0; m < ARRAY_SIZE(minors); m++) {
		struct file *f = open_chr(test, "rnd", 1, minors[m], O_RDWR);
		unsigned int same = 0;
		loff_t pos = 0;

		KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
		memset(a, 0, sizeof(a));
		memset(b, 0, sizeof(b));
		KUNIT_EXPECT_EQ(test, kernel_read(f, a, sizeof(a), &pos), sizeof(a));
		KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), sizeof(b));
		for (unsigned int i = 0; i < sizeof(a); i++)
			same += a[i] == b[i];
		KUNIT_EXPECT_LT(test, same, 20);	/* ~1 in 256 by chance */
		KUNIT_EXPECT_FALSE(test, all_bytes(a, sizeof(a), 0));
		KUNIT_EXPECT_EQ(test, kernel_read(f, big, sizeof(big), &pos), sizeof(big));
		KUNIT_EXPECT_EQ(test, kernel_write(f, a, 17, &pos), 17);
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_CUR), f->f_pos);	/* noop_llseek */
		filp_close(f, NULL);
	}
	remove_dir(test);
	expect_counts(test, before);
}

static void chrdev_enxio(struct kunit *test)
{
	struct counts before = counts_now();
	static const unsigned int mem_minors[] = { 0, 1, 2, 4, 6, 10, 11, 255 };
	struct file *f;

	if (!setup_dir(test))
		return;
	/* A major nobody registered. */
	f = open_chr(test, "nodev", 200, 0, O_RDWR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	/* Registered majors, minors outside the claims. */
	f = open_chr(test, "cons2", TTYAUX_MAJOR, 2, O_RDWR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	f = open_chr(test, "ttyS1", TTY_MAJOR, 65, O_RDWR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	/* Major 1's unused minors: memory_open refuses them. */
	for (unsigned int i = 0; i < ARRAY_SIZE(mem_minors); i++) {
		f = open_chr(test, "mem", 1, mem_minors[i], O_RDONLY);
		KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
	}
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- the table ------------------------------------------------------------------ */

static int test_open_calls, test_release_calls;

static int test_dev_open(struct inode *inode, struct file *file)
{
	test_open_calls++;
	file->private_data = (void *)(unsigned long)MINOR(inode->i_rdev);
	return 0;
}

static int test_dev_release(struct inode *inode, struct file *file)
{
	test_release_calls++;
	return 0;
}

static ssize_t test_dev_read(struct kiocb *iocb, struct iov_iter *to)
{
	char c = 'A' + (char)(unsigned long)iocb->ki_filp->private_data;

	return copy_to_iter(&c, 1, to);
}

static const struct file_operations test_dev_fops = {
	.open = test_dev_open,
	.release = test_dev_release,
	.read_iter = test_dev_read,
};

static bool shows(const char *line)
{
	static char buf[2048];

	chrdev_show(buf, sizeof(buf));
	return strstr(buf, line) != NULL;
}

static void chrdev_register(struct kunit *test)
{
	struct counts before = counts_now();
	char line[32], small[8];
	int major, major2, len;
	struct file *f;
	loff_t pos = 0;
	char c = 0;

	/* The boot's registrations, in /proc/devices' format. */
	KUNIT_EXPECT_TRUE(test, shows("  1 mem\n"));
	KUNIT_EXPECT_TRUE(test, shows("  4 ttyS\n"));
	KUNIT_EXPECT_TRUE(test, shows("  5 /dev/console\n"));
	len = chrdev_show(small, sizeof(small));
	KUNIT_EXPECT_EQ(test, len, sizeof(small) - 1);	/* truncated, terminated */
	KUNIT_EXPECT_EQ(test, small[sizeof(small) - 1], '\0');

	/* Taken ranges. */
	KUNIT_EXPECT_EQ(test, __register_chrdev(1, 3, 1, "dup", &test_dev_fops), -EBUSY);
	KUNIT_EXPECT_EQ(test, register_chrdev(1, "dup", &test_dev_fops), -EBUSY);
	KUNIT_EXPECT_EQ(test, __register_chrdev(TTYAUX_MAJOR, 0, 2, "dup", &test_dev_fops),
			-EBUSY);
	/* Bad ranges. */
	KUNIT_EXPECT_EQ(test, __register_chrdev(512, 0, 1, "big", &test_dev_fops), -EINVAL);
	KUNIT_EXPECT_EQ(test, __register_chrdev(0, MINORMASK, 2, "wide", &test_dev_fops),
			-EINVAL);

	/* Dynamic majors: the highest free one of 254..234, then the next. */
	major = __register_chrdev(0, 0, 4, "kunit", &test_dev_fops);
	KUNIT_EXPECT_GE(test, major, 234);
	KUNIT_EXPECT_LE(test, major, 254);
	major2 = register_chrdev(0, "kunit2", &test_dev_fops);
	KUNIT_EXPECT_LT(test, major2, major);
	KUNIT_EXPECT_GE(test, major2, 234);
	snprintf(line, sizeof(line), "%3d kunit\n", major);
	KUNIT_EXPECT_TRUE(test, shows(line));
	/* Same major: minors 4..7 fit next to 0..3; 3..4 overlaps. */
	KUNIT_EXPECT_EQ(test, __register_chrdev(major, 4, 4, "kunit-b", &test_dev_fops), 0);
	KUNIT_EXPECT_EQ(test, __register_chrdev(major, 3, 2, "kunit-c", &test_dev_fops), -EBUSY);
	KUNIT_EXPECT_EQ(test, __register_chrdev(major, 7, 1, "kunit-c", &test_dev_fops), -EBUSY);

	/* Opening a node of it: the driver's open runs, f_op is the driver's. */
	if (setup_dir(test)) {
		test_open_calls = test_release_calls = 0;
		f = open_chr(test, "kunit2", major, 2, O_RDONLY);
		KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
		if (!IS_ERR(f)) {
			KUNIT_EXPECT_EQ(test, test_open_calls, 1);
			KUNIT_EXPECT_TRUE(test, f->f_op == &test_dev_fops);
			KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), 1);
			KUNIT_EXPECT_EQ(test, c, 'C');
			filp_close(f, NULL);
			KUNIT_EXPECT_EQ(test, test_release_calls, 1);
		}
		f = open_chr(test, "kunit6", major, 6, O_RDONLY);	/* the second claim */
		KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
		if (!IS_ERR(f)) {
			KUNIT_EXPECT_EQ(test, kernel_read(f, &c, 1, &pos), 1);
			KUNIT_EXPECT_EQ(test, c, 'G');
			filp_close(f, NULL);
		}
		f = open_chr(test, "kunit8", major, 8, O_RDONLY);	/* no claim */
		KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);

		/* Unregister: only an exact match goes; then opens fail. */
		__unregister_chrdev(major, 0, 3, "kunit");
		f = open_chr(test, "kunit0", major, 0, O_RDONLY);
		KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
		if (!IS_ERR(f))
			filp_close(f, NULL);
		__unregister_chrdev(major, 0, 4, "kunit");
		f = open_chr(test, "kunit0", major, 0, O_RDONLY);
		KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ENXIO);
		remove_dir(test);
	} else {
		__unregister_chrdev(major, 0, 4, "kunit");
	}
	__unregister_chrdev(major, 4, 4, "kunit-b");
	__unregister_chrdev(major2, 0, 256, "kunit2");
	KUNIT_EXPECT_FALSE(test, shows(line));
	/* The major is free again: asked for, it is given (0: success). */
	KUNIT_EXPECT_EQ(test, __register_chrdev(major, 0, 1, "kunit", &test_dev_fops), 0);
	__unregister_chrdev(major, 0, 1, "kunit");
	expect_counts(test, before);
}

/* ---- user buffers ------------------------------------------------------------------ */

static void chrdev_user_buffers(struct kunit *test)
{
	struct counts before = counts_now();
	unsigned long kva;
	struct file *z, *n, *r;
	char __user *u = (char __user *)TEST_UADDR;
	char kbuf[16];
	loff_t pos = 0;

	if (!setup_dir(test))
		return;
	z = open_chr(test, "zero", 1, 5, O_RDWR);
	n = open_chr(test, "null", 1, 3, O_RDWR);
	r = open_chr(test, "urandom", 1, 9, O_RDONLY);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(z) && !IS_ERR(n) && !IS_ERR(r));

	/* A kernel address is not a user buffer: -EFAULT, nothing written. */
	memset(kbuf, 'k', sizeof(kbuf));
	KUNIT_EXPECT_EQ(test, vfs_read(z, (char __user *)kbuf, sizeof(kbuf), &pos), -EFAULT);
	KUNIT_EXPECT_EQ(test, kbuf[0], 'k');
	KUNIT_EXPECT_EQ(test, vfs_write(n, (const char __user *)kbuf, sizeof(kbuf), &pos),
			-EFAULT);
	/* Unmapped user memory: the copy faults at once, -EFAULT, no oops. */
	KUNIT_EXPECT_EQ(test, vfs_read(z, u, 100, &pos), -EFAULT);
	KUNIT_EXPECT_EQ(test, vfs_read(r, u, 100, &pos), -EFAULT);

	/* One mapped page at u, none after it: reads stop at its end. */
	kva = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, kva != 0);
	memset((void *)kva, 0xaa, PAGE_SIZE);
	map_kernel_range(TEST_UADDR, __pa(kva), PAGE_SIZE, __PAGE_KERNEL);
	KUNIT_EXPECT_EQ(test, vfs_read(z, u + 100, 50, &pos), 50);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)kva + 100, 50, 0));
	KUNIT_EXPECT_EQ(test, ((u8 *)kva)[99], 0xaa);
	KUNIT_EXPECT_EQ(test, vfs_read(z, u + PAGE_SIZE - 300, 1000, &pos), 300);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)kva + PAGE_SIZE - 300, 300, 0));
	memset((void *)kva, 0, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_read(r, u + PAGE_SIZE - 1000, 5000, &pos), 1000);
	KUNIT_EXPECT_FALSE(test, all_bytes((u8 *)kva + PAGE_SIZE - 1000, 1000, 0));
	KUNIT_EXPECT_EQ(test, vfs_write(n, u, PAGE_SIZE, &pos), PAGE_SIZE);
	/* readv-style: two user segments, the second unmapped: the first's bytes. */
	{
		struct iovec iov[] = {
			{ u + 10, 90 }, { (void __user *)(TEST_UADDR - PAGE_SIZE), 100 },
		};
		struct iov_iter iter;

		memset((void *)kva, 0xaa, PAGE_SIZE);
		iov_iter_init(&iter, ITER_DEST, iov, 2, 190);
		KUNIT_EXPECT_EQ(test, vfs_iter_read(z, &iter, &pos), 90);
		KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)kva + 10, 90, 0));
		KUNIT_EXPECT_EQ(test, ((u8 *)kva)[100], 0xaa);
		KUNIT_EXPECT_EQ(test, iov_iter_count(&iter), 100);
	}
	unmap_kernel_range(TEST_UADDR, PAGE_SIZE);
	free_page(kva);

	filp_close(z, NULL);
	filp_close(n, NULL);
	filp_close(r, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- the root's /dev ------------------------------------------------------------- */

/*
 * The nodes the initramfs (scripts/mkinitramfs.py) or default_rootfs put
 * in /dev, where they exist: the right device number, and opening one
 * reaches the right driver. Skipped when /dev has none of them.
 */
static void chrdev_root_nodes(struct kunit *test)
{
	static const struct {
		const char *path;
		unsigned int major, minor;
	} nodes[] = {
		{ "/dev/console", 5, 1 }, { "/dev/ttyS0", 4, 64 }, { "/dev/null", 1, 3 },
		{ "/dev/zero", 1, 5 }, { "/dev/full", 1, 7 }, { "/dev/urandom", 1, 9 },
	};
	struct counts before = counts_now();
	unsigned int found = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(nodes); i++) {
		struct kstat st;
		struct file *f;
		loff_t pos = 0;
		u8 b[8];

		if (init_stat(nodes[i].path, &st, 0))
			continue;
		found++;
		KUNIT_EXPECT_TRUE(test, S_ISCHR(st.mode));
		KUNIT_EXPECT_EQ(test, MAJOR(st.rdev), nodes[i].major);
		KUNIT_EXPECT_EQ(test, MINOR(st.rdev), nodes[i].minor);
		f = filp_open(nodes[i].path, O_RDWR | O_NONBLOCK, 0);
		KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
		if (IS_ERR(f))
			continue;
		memset(b, 0xaa, sizeof(b));
		switch (nodes[i].minor) {
		case 1:		/* the tty: ioctls, and no writing into the KTAP log */
		case 64:
			KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, 0x5499, 0), -ENOTTY);
			KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, 0x5401 /* TCGETS */, 0),
					-EFAULT);
			break;
		case 3:
			KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), 0);
			break;
		case 7:
			KUNIT_EXPECT_EQ(test, kernel_write(f, b, sizeof(b), &pos), -ENOSPC);
			fallthrough;
		case 5:
			KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), sizeof(b));
			KUNIT_EXPECT_TRUE(test, all_bytes(b, sizeof(b), 0));
			break;
		case 9:
			KUNIT_EXPECT_EQ(test, kernel_read(f, b, sizeof(b), &pos), sizeof(b));
			break;
		}
		filp_close(f, NULL);
	}
	expect_counts(test, before);
	printk(KERN_INFO "        # chrdev_root_nodes: %u of %zu device nodes in /dev checked\n",
	       found, ARRAY_SIZE(nodes));
	if (!found)
		kunit_skip(test, "no device nodes in /dev");
}

static struct kunit_case chrdev_cases[] = {
	KUNIT_CASE(chrdev_null),
	KUNIT_CASE(chrdev_zero),
	KUNIT_CASE(chrdev_full),
	KUNIT_CASE(chrdev_urandom),
	KUNIT_CASE(chrdev_enxio),
	KUNIT_CASE(chrdev_register),
	KUNIT_CASE(chrdev_user_buffers),
	KUNIT_CASE(chrdev_root_nodes),
	{}
};

static struct kunit_suite chrdev_suite = {
	.name = "chrdev",
	.test_cases = chrdev_cases,
};
kunit_test_suite(chrdev_suite);
