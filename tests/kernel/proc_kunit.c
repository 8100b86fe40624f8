// SPDX-License-Identifier: GPL-2.0
/*
 * proc.seq: fs/seq_file.c and fs/proc/generic.c through the kernel's own
 * proc mount (proc_mnt): an entry whose text is many pages long (the
 * buffer grows, past kmalloc into vmalloc) reads back whole, in odd
 * pieces and at random offsets as one text; a show function's error is
 * read()'s; an entry removed while a file of it is open keeps working
 * until the file is closed; nothing leaks (files, dentries, pages).
 */
#include <kunit/test.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "kunit_pages.h"

extern struct vfsmount *proc_mnt;

#define BIG_LINES 20000		/* 11 bytes each: 220000 bytes, 54 pages */

static int big_show(struct seq_file *m, void *v)
{
	for (int i = 0; i < BIG_LINES; i++)
		seq_printf(m, "line %05d\n", i);
	return 0;
}

static int eio_show(struct seq_file *m, void *v)
{
	seq_puts(m, "some text first\n");
	return -EIO;
}

static struct file *open_proc(const char *name)
{
	struct path root = { .mnt = proc_mnt, .dentry = proc_mnt->mnt_root };

	return file_open_root(&root, name, O_RDONLY, 0);
}

static void seq_big(struct kunit *test)
{
	long files = get_nr_files(), dentries = get_nr_dentry();
	unsigned long pages = shrunk_free_pages();
	const size_t len = BIG_LINES * 11;
	char *whole = vmalloc(len + 16), *piece = kmalloc(512, GFP_KERNEL);
	unsigned int seed = 1;
	struct file *f;
	loff_t pos = 0;
	size_t got = 0;
	ssize_t n;

	KUNIT_ASSERT_TRUE(test, whole && piece);
	KUNIT_ASSERT_TRUE(test, proc_create_single("kunit_big", 0444, NULL, big_show) != NULL);
	f = open_proc("kunit_big");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	/* In 4000-byte reads: the text, exactly. */
	while ((n = kernel_read(f, whole + got, 4000, &pos)) > 0)
		got += n;
	KUNIT_EXPECT_EQ(test, got, len);
	KUNIT_EXPECT_EQ(test, n, 0);
	for (int i = 0; i < BIG_LINES; i += 997) {
		char want[16];

		snprintf(want, sizeof(want), "line %05d\n", i);
		KUNIT_EXPECT_TRUE(test, !memcmp(whole + i * 11, want, 11));
	}
	/* Random pieces anywhere match the whole; past the end is 0. */
	for (int i = 0; i < 200; i++) {
		loff_t off;
		size_t want;

		seed = seed * 1103515245 + 12345;
		off = (seed >> 4) % (len + 100);
		want = (seed >> 20) % 500 + 1;
		if (off == 0)
			off = 1;	/* offset 0 makes the text again: same text, but keep it simple */
		n = kernel_read(f, piece, want, &off);
		if ((size_t)off - n >= len) {
			KUNIT_EXPECT_EQ(test, n, 0);
			continue;
		}
		KUNIT_EXPECT_EQ(test, (size_t)n, min(want, len - (size_t)(off - n)));
		KUNIT_EXPECT_TRUE(test, !memcmp(piece, whole + off - n, n));
	}
	fput(f);
	remove_proc_entry("kunit_big", NULL);
	/* The cached dentry fails revalidation at the next walk and goes. */
	f = open_proc("kunit_big");
	KUNIT_EXPECT_TRUE(test, IS_ERR(f) && PTR_ERR(f) == -ENOENT);
	if (!IS_ERR(f))
		fput(f);
	vfree(whole);
	kfree(piece);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), dentries);	/* a removed entry's dentry goes */
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), pages);
}

static void seq_show_error(struct kunit *test)
{
	long files = get_nr_files();
	char buf[64];
	loff_t pos = 0;
	struct file *f;

	KUNIT_ASSERT_TRUE(test, proc_create_single("kunit_eio", 0444, NULL, eio_show) != NULL);
	f = open_proc("kunit_eio");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), -EIO);
	KUNIT_EXPECT_EQ(test, pos, 0);
	fput(f);
	remove_proc_entry("kunit_eio", NULL);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files);
}

/* Removed while open: the open file still reads; the name is gone at once. */
static void remove_while_open(struct kunit *test)
{
	long files = get_nr_files(), dentries = get_nr_dentry();
	char buf[32];
	loff_t pos = 0;
	struct file *f, *g;

	KUNIT_ASSERT_TRUE(test, proc_create_single("kunit_big2", 0444, NULL, big_show) != NULL);
	f = open_proc("kunit_big2");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	remove_proc_entry("kunit_big2", NULL);
	g = open_proc("kunit_big2");
	KUNIT_EXPECT_TRUE(test, IS_ERR(g) && PTR_ERR(g) == -ENOENT);
	if (!IS_ERR(g))
		fput(g);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 11, &pos), 11);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "line 00000\n", 11));
	fput(f);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), dentries);
}

static struct kunit_case proc_seq_cases[] = {
	KUNIT_CASE(seq_big),
	KUNIT_CASE(seq_show_error),
	KUNIT_CASE(remove_while_open),
	{}
};

static struct kunit_suite proc_seq_suite = {
	.name = "proc.seq",
	.test_cases = proc_seq_cases,
};
kunit_test_suite(proc_seq_suite);
