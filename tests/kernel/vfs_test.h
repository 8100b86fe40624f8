/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the VFS test suites share (tests/kernel/vfs_*_kunit.c): the scratch
 * directory, the leak accounting every case ends with, and small helpers
 * (tests/kernel/vfs_test_util.c). See vfs_namei_kunit.c for what the suites
 * cover.
 */
#ifndef _TESTS_KERNEL_VFS_TEST_H
#define _TESTS_KERNEL_VFS_TEST_H

#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>


#define TDIR "/vfst"
#define NSEC_PER_MSEC 1000000ULL

struct vfs_counts {
	long dentries;
	long inodes;
	long files;
	unsigned long pages;
};

/* Up to this many names per pass of read_names(). */
#define NAMES_BATCH 64

struct name_batch {
	struct dir_context ctx;
	int n;
	int max;
	bool dots[2];			/* "." and ".." seen */
	char (*names)[NAME_MAX + 1];
	unsigned int types[NAMES_BATCH];
};

/*
 * A case: its body runs between vfs_begin() (scratch dir, counts) and
 * vfs_end() (remove what is left, counts back where they were).
 */
#define VFS_TEST(name)                                       \
	static void name##_body(struct kunit *test);         \
	static void name(struct kunit *test)                 \
	{                                                    \
		struct vfs_counts __c;                       \
		if (vfs_begin(test, &__c)) {                 \
			name##_body(test);                   \
			vfs_end(test, &__c);                 \
		}                                            \
	}                                                    \
	static void name##_body(struct kunit *test)

void take_counts(struct vfs_counts *c);
bool counts_equal(const struct vfs_counts *a, const struct vfs_counts *b);
void take_baseline(struct vfs_counts *c);
void check_counts(struct kunit *test, const struct vfs_counts *before, const char *where);
bool is_dot_or_dotdot(const char *name, int len);
bool batch_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			u64 ino, unsigned int d_type);
int read_names(const char *dir, struct name_batch *b);
int remove_tree(const char *dir, int depth);
void clean_start(void);
bool vfs_begin(struct kunit *test, struct vfs_counts *c);
void vfs_end(struct kunit *test, const struct vfs_counts *c);
int make_file(const char *path, const char *data, size_t len);
ssize_t read_file_at(const char *path, char *buf, size_t len);
bool file_is(const char *path, const char *s);
int stat_err(const char *path);
int lstat_err(const char *path);
u64 ino_of(const char *path);
unsigned int nlink_of(const char *path);
loff_t size_of(const char *path);
bool same_place(struct kunit *test, const char *a, const char *b);
u32 xorshift(u32 *s);
char *big_buf(struct kunit *test);

#include "kunit_pages.h"

#endif /* _TESTS_KERNEL_VFS_TEST_H */
