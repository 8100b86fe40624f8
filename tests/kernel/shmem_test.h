/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the shmem test suites share: tests/kernel/shmem_kunit.c defines
 * these helpers (and the "shmem" and "filemap" suites),
 * tests/kernel/shmem_smp_kunit.c uses them.
 */
#ifndef _TESTS_KERNEL_SHMEM_TEST_H
#define _TESTS_KERNEL_SHMEM_TEST_H

#include <kunit/test.h>
#include <linux/cmdline.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/pagemap.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#define MNT "/shmem_kunit"
#define NSEC_PER_MSEC 1000000ULL

extern unsigned long seed_param;	/* shmem_kunit.seed= */
extern bool seed_given;
extern u64 rnd_state;

int test_mount(const char *opts);
void test_umount(struct kunit *test);
struct file *open_file(const char *path, int flags);
struct address_space *file_mapping(struct file *f);
ssize_t pwrite(struct file *f, const void *buf, size_t len, loff_t pos);
ssize_t pread(struct file *f, void *buf, size_t len, loff_t pos);
long ftruncate(struct file *f, loff_t len);
bool all_bytes(const unsigned char *p, size_t len, unsigned char c);
loff_t file_size(struct file *f);
u64 rnd(void);
unsigned long rnd_below(unsigned long n);

#endif /* _TESTS_KERNEL_SHMEM_TEST_H */
