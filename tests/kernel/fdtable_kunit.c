// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the file-descriptor table (fs/file.c, include/linux/fdtable.h,
 * linux/file.h): lowest-free allocation, O_CLOEXEC, growth past 64 and 256
 * fds, the -EMFILE limit, close_fd, fget/fdget references, dup_fd,
 * dup2/dup3/f_dupfd/replace_fd, do_close_on_exec, put_files_struct, and
 * alloc/close from every CPU on one shared table. Each case gives the
 * kunit thread a table of its own (current->files, NULL for kthreads) and
 * ends with dentries, inodes, files and free pages back at their counts.
 */
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/timekeeping.h>
#include "vfs_test.h"

/* A table of the case's own as current->files (macros: the asserts return from the case). */
#define begin_files(test)                                            \
	({                                                           \
		struct files_struct *__files = dup_fd(&init_files);  \
		KUNIT_ASSERT_TRUE(test, !IS_ERR(__files));           \
		current->files = __files;                            \
		__files;                                             \
	})

static void end_files(struct files_struct *files)
{
	current->files = NULL;
	put_files_struct(files);
}

/*
 * A real open file: TDIR/f on the root filesystem (created on first use,
 * removed by vfs_end). Each call is a new struct file.
 */
#define open_null(test)                                                      \
	({                                                                   \
		struct file *__f = filp_open(TDIR "/f", O_RDWR | O_CREAT, 0644); \
		KUNIT_ASSERT_TRUE(test, !IS_ERR(__f));                       \
		__f;                                                         \
	})

/* A new fd for another reference to f. */
static int install(struct file *f, unsigned int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd >= 0)
		fd_install(fd, get_file(f));
	return fd;
}

static long fcount(struct file *f)
{
	return atomic_long_read(&f->f_count);
}

VFS_TEST(fdt_lowest_free)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test);

	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, (unsigned int)NR_OPEN_DEFAULT);
	for (int i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, install(f, 0), i);
	KUNIT_EXPECT_EQ(test, close_fd(1), 0);
	KUNIT_EXPECT_EQ(test, close_fd(3), 0);
	KUNIT_EXPECT_EQ(test, install(f, 0), 1);
	KUNIT_EXPECT_EQ(test, install(f, 0), 3);
	KUNIT_EXPECT_EQ(test, install(f, 0), 5);
	/* reserved and given back */
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 6);
	put_unused_fd(6);
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 6);
	put_unused_fd(6);
	/* start above the lowest free */
	KUNIT_EXPECT_EQ(test, alloc_fd(20, 30, 0), 20);
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 6);
	put_unused_fd(20);
	put_unused_fd(6);
	KUNIT_EXPECT_EQ(test, alloc_fd(0, 6, 0), -EMFILE);
	/* O_CLOEXEC */
	KUNIT_EXPECT_EQ(test, install(f, O_CLOEXEC), 6);
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(6));
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(5));
	set_close_on_exec(6, 0);
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(6));
	set_close_on_exec(5, 1);
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(5));
	/* a reused fd does not keep the old mark */
	KUNIT_EXPECT_EQ(test, close_fd(5), 0);
	KUNIT_EXPECT_EQ(test, install(f, 0), 5);
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(5));
	KUNIT_EXPECT_EQ(test, fcount(f), 8);
	end_files(files);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	fput(f);
}

VFS_TEST(fdt_growth_and_limit)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test);
	int fd, n = 0;

	for (fd = 0; fd < 64; fd++)
		KUNIT_EXPECT_EQ(test, install(f, 0), fd);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, 64U);
	KUNIT_EXPECT_TRUE(test, files->fdt == &files->fdtab);
	KUNIT_EXPECT_EQ(test, install(f, O_CLOEXEC), 64);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, 128U);
	KUNIT_EXPECT_TRUE(test, files->fdt != &files->fdtab);
	for (fd = 65; fd < 257; fd++)
		KUNIT_EXPECT_EQ(test, install(f, 0), fd);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, 512U);
	/* the bitmaps and files moved with the table */
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(64));
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(63));
	for (fd = 0; fd < 257; fd++) {
		struct file *g = fget(fd);

		if (g != f)
			n++;
		if (g)
			fput(g);
	}
	KUNIT_EXPECT_EQ(test, n, 0);
	/* up to RLIMIT_NOFILE's default */
	for (fd = 257; fd < INR_OPEN_CUR; fd++)
		if (install(f, 0) != fd)
			n++;
	KUNIT_EXPECT_EQ(test, n, 0);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, (unsigned int)INR_OPEN_CUR);
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), -EMFILE);
	KUNIT_EXPECT_EQ(test, f_dupfd(0, f, 0), -EMFILE);
	KUNIT_EXPECT_EQ(test, fcount(f), 1 + INR_OPEN_CUR);
	KUNIT_EXPECT_EQ(test, close_fd(700), 0);
	KUNIT_EXPECT_EQ(test, install(f, 0), 700);
	/* past the soft limit the table still grows, up to sysctl_nr_open */
	KUNIT_EXPECT_EQ(test, alloc_fd(0, 5000, 0), INR_OPEN_CUR);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, 2048U);
	put_unused_fd(INR_OPEN_CUR);
	end_files(files);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	fput(f);
}

VFS_TEST(fdt_close_bad)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test);

	KUNIT_EXPECT_EQ(test, close_fd(0), -EBADF);
	KUNIT_EXPECT_EQ(test, close_fd(63), -EBADF);
	KUNIT_EXPECT_EQ(test, close_fd(100000), -EBADF);
	KUNIT_EXPECT_EQ(test, install(f, 0), 0);
	KUNIT_EXPECT_EQ(test, close_fd(0), 0);
	KUNIT_EXPECT_EQ(test, close_fd(0), -EBADF);
	KUNIT_EXPECT_TRUE(test, fget(0) == NULL);
	KUNIT_EXPECT_TRUE(test, fget(100000) == NULL);
	/* a reserved, not installed fd is not a file either */
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 0);
	KUNIT_EXPECT_EQ(test, close_fd(0), -EBADF);
	KUNIT_EXPECT_TRUE(test, fget(0) == NULL);
	put_unused_fd(0);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	end_files(files);
	fput(f);
}

VFS_TEST(fdt_fget_refs)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test), *g;
	struct fd d;
	int fd = install(f, 0);

	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	g = fget(fd);
	KUNIT_EXPECT_TRUE(test, g == f);
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	g = fget_raw(fd);
	KUNIT_EXPECT_EQ(test, fcount(f), 4);
	fput(g);
	fput(g);
	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	/* fdget on an unshared table borrows the table's reference */
	d = fdget(fd);
	KUNIT_EXPECT_TRUE(test, d.file == f);
	KUNIT_EXPECT_EQ(test, d.flags, 0U);
	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	fdput(d);
	/* shared: a real reference */
	atomic_inc(&files->count);
	d = fdget(fd);
	KUNIT_EXPECT_TRUE(test, d.file == f);
	KUNIT_EXPECT_EQ(test, d.flags, (unsigned int)FDPUT_FPUT);
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	fdput(d);
	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	d = fdget(fd + 1);
	KUNIT_EXPECT_TRUE(test, d.file == NULL);
	atomic_dec(&files->count);
	/* closing drops the table's reference */
	KUNIT_EXPECT_EQ(test, close_fd(fd), 0);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	end_files(files);
	fput(f);
}

VFS_TEST(fdt_dup_fd)
{
	struct files_struct *files = begin_files(test), *child;
	struct file *f = open_null(test), *g = open_null(test);

	KUNIT_EXPECT_EQ(test, install(f, 0), 0);
	KUNIT_EXPECT_EQ(test, install(g, O_CLOEXEC), 1);
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 2);	/* reserved only */
	KUNIT_EXPECT_EQ(test, ksys_dup2(0, 100), 100);
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	KUNIT_EXPECT_EQ(test, fcount(g), 2);

	child = dup_fd(files);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(child));
	KUNIT_EXPECT_EQ(test, atomic_read(&child->count), 1);
	KUNIT_EXPECT_EQ(test, fcount(f), 5);
	KUNIT_EXPECT_EQ(test, fcount(g), 3);
	KUNIT_EXPECT_TRUE(test, child->fdt->max_fds >= 128);
	spin_lock(&child->file_lock);
	KUNIT_EXPECT_TRUE(test, files_lookup_fd_locked(child, 0) == f);
	KUNIT_EXPECT_TRUE(test, files_lookup_fd_locked(child, 1) == g);
	KUNIT_EXPECT_TRUE(test, files_lookup_fd_locked(child, 100) == f);
	KUNIT_EXPECT_TRUE(test, files_lookup_fd_locked(child, 2) == NULL);
	KUNIT_EXPECT_FALSE(test, fd_is_open(2, child->fdt));
	KUNIT_EXPECT_TRUE(test, fd_is_open(1, child->fdt));
	KUNIT_EXPECT_TRUE(test, (child->fdt->close_on_exec[0] >> 1) & 1);
	KUNIT_EXPECT_FALSE(test, child->fdt->close_on_exec[0] & 1);
	spin_unlock(&child->file_lock);

	/* closing in the child leaves the parent alone, and the other way round */
	KUNIT_EXPECT_EQ(test, __close_fd(child, 0), 0);
	KUNIT_EXPECT_EQ(test, fcount(f), 4);
	KUNIT_EXPECT_EQ(test, __alloc_fd(child, 0, INR_OPEN_CUR, 0), 0);	/* lowest free: 0 */
	__put_unused_fd(child, 0);
	{
		struct file *h = fget(0);

		KUNIT_EXPECT_TRUE(test, h == f);
		if (h)
			fput(h);
	}
	KUNIT_EXPECT_EQ(test, close_fd(1), 0);
	KUNIT_EXPECT_EQ(test, fcount(g), 2);
	KUNIT_EXPECT_TRUE(test, __fget_files(child, 1, 0) == g);
	fput(g);
	put_files_struct(child);
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	KUNIT_EXPECT_EQ(test, fcount(g), 1);
	put_unused_fd(2);
	end_files(files);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	fput(f);
	fput(g);
}

VFS_TEST(fdt_dup2_dup3)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test), *g = open_null(test), *h;
	int a = install(f, 0), b = install(g, 0);

	KUNIT_EXPECT_EQ(test, a, 0);
	KUNIT_EXPECT_EQ(test, b, 1);
	/* dup2 on itself: the fd, or -EBADF if it is not open */
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, a), a);
	KUNIT_EXPECT_EQ(test, ksys_dup2(9, 9), -EBADF);
	/* dup3: same fds or flags other than O_CLOEXEC are -EINVAL */
	KUNIT_EXPECT_EQ(test, ksys_dup3(a, a, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_dup3(a, 5, O_APPEND), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_dup3(a, 5, O_CLOEXEC | O_NONBLOCK), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_dup3(9, 5, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, ksys_dup2(9, 5), -EBADF);
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, INR_OPEN_CUR), -EBADF);
	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	/* dup2 to a free fd shares the file */
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, 5), 5);
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	h = fget(5);
	KUNIT_EXPECT_TRUE(test, h == f);
	if (h)
		fput(h);
	/* dup2 over an open fd closes what was there */
	KUNIT_EXPECT_EQ(test, ksys_dup2(b, 5), 5);
	KUNIT_EXPECT_EQ(test, fcount(f), 2);
	KUNIT_EXPECT_EQ(test, fcount(g), 3);
	/* dup3 O_CLOEXEC; dup2 clears it */
	KUNIT_EXPECT_EQ(test, ksys_dup3(a, 6, O_CLOEXEC), 6);
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(6));
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, 6), 6);
	KUNIT_EXPECT_FALSE(test, get_close_on_exec(6));
	KUNIT_EXPECT_EQ(test, fcount(f), 3);
	/* to a reserved, not installed fd: -EBUSY (Linux: do_dup2) */
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 2);
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, 2), -EBUSY);
	put_unused_fd(2);
	/* dup2 past the table grows it */
	KUNIT_EXPECT_EQ(test, ksys_dup2(a, 200), 200);
	KUNIT_EXPECT_EQ(test, files->fdt->max_fds, 256U);
	/* dup: the lowest free fd */
	KUNIT_EXPECT_EQ(test, ksys_dup(a), 2);
	KUNIT_EXPECT_EQ(test, ksys_dup(77), -EBADF);
	/* F_DUPFD: lowest free at or above from */
	KUNIT_EXPECT_EQ(test, f_dupfd(5, f, O_CLOEXEC), 7);
	KUNIT_EXPECT_TRUE(test, get_close_on_exec(7));
	KUNIT_EXPECT_EQ(test, f_dupfd(INR_OPEN_CUR, f, 0), -EINVAL);
	/* replace_fd; with NULL it closes */
	KUNIT_EXPECT_EQ(test, replace_fd(8, g, 0), 8);
	KUNIT_EXPECT_EQ(test, fcount(g), 4);
	KUNIT_EXPECT_EQ(test, replace_fd(8, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, replace_fd(8, NULL, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, fcount(g), 3);
	/* f at 0, 2, 6, 7, 200; g at 1, 5 */
	KUNIT_EXPECT_EQ(test, fcount(f), 6);
	end_files(files);
	KUNIT_EXPECT_EQ(test, fcount(f), 1);
	KUNIT_EXPECT_EQ(test, fcount(g), 1);
	fput(f);
	fput(g);
}

static int count_fd(const void *p, struct file *file, unsigned int fd)
{
	unsigned int *n = (unsigned int *)p;

	(*n)++;
	return 0;
}

VFS_TEST(fdt_close_on_exec)
{
	struct files_struct *files = begin_files(test);
	struct file *f = open_null(test);
	unsigned int n = 0, bad = 0;

	for (int fd = 0; fd < 150; fd++)
		KUNIT_EXPECT_EQ(test, install(f, fd % 3 == 1 ? O_CLOEXEC : 0), fd);
	set_close_on_exec(149, 1);
	set_close_on_exec(1, 0);
	/* a marked, reserved fd stays reserved */
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(O_CLOEXEC), 150);
	do_close_on_exec(files);
	for (int fd = 0; fd < 150; fd++) {
		struct file *g = fget(fd);
		bool marked = (fd % 3 == 1 && fd != 1) || fd == 149;

		if (marked != (g == NULL))
			bad++;
		if (get_close_on_exec(fd))
			bad++;
		if (g)
			fput(g);
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
	iterate_fd(files, 0, count_fd, &n);
	KUNIT_EXPECT_EQ(test, n, 150U - 49 - 1);
	KUNIT_EXPECT_EQ(test, fcount(f), 1 + 100);
	KUNIT_EXPECT_EQ(test, get_unused_fd_flags(0), 4);
	put_unused_fd(4);
	spin_lock(&files->file_lock);
	KUNIT_EXPECT_TRUE(test, fd_is_open(150, files->fdt));
	spin_unlock(&files->file_lock);
	put_unused_fd(150);
	end_files(files);
	fput(f);
}

VFS_TEST(fdt_put_files_struct)
{
	long files_before = get_nr_files();
	struct files_struct *files = begin_files(test), *child;
	unsigned int n = 0;

	for (int i = 0; i < 70; i++) {
		struct file *f = filp_open(TDIR "/f", O_RDONLY | O_CREAT, 0644);
		int fd;

		KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
		fd = get_unused_fd_flags(i & 1 ? O_CLOEXEC : 0);
		KUNIT_EXPECT_EQ(test, fd, i);
		fd_install(fd, f);		/* the table owns the only reference */
	}
	KUNIT_EXPECT_EQ(test, ksys_dup2(3, 90), 90);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before + 70);
	child = dup_fd(files);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(child));
	iterate_fd(child, 0, count_fd, &n);
	KUNIT_EXPECT_EQ(test, n, 71U);
	end_files(files);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before + 70);
	put_files_struct(child);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before);
}

/* ---- many CPUs, one table ------------------------------------------------------------ */

#define SMP_MAX 8
#define SMP_HOLD 40			/* fds each thread holds at most: 2 CPUs x 40 > 64 */
#define SMP_MS 400
#define SMP_FDS 512

static struct {
	struct files_struct *files;
	struct file *file;
	int owner[SMP_FDS];		/* 0, or the id + 1 of the thread holding the fd */
	int dups, errors, done, go;
	u64 deadline;
} smp;

struct smp_worker {
	int id;
	unsigned int cpu;
	unsigned long ops;
};

static int fdt_smp_fn(void *data)
{
	struct smp_worker *w = data;
	int held[SMP_HOLD], nheld = 0;
	u32 seed = 0x9e3779b9u * (w->id + 1);

	current->files = smp.files;		/* as a CLONE_FILES thread would */
	while (!__atomic_load_n(&smp.go, __ATOMIC_ACQUIRE))
		cpu_relax();
	while (ktime_get_ns() < smp.deadline) {
		bool open = nheld == 0 || (nheld < SMP_HOLD && (xorshift(&seed) & 1));

		if (open) {
			int fd = get_unused_fd_flags((xorshift(&seed) & 1) ? O_CLOEXEC : 0);
			int prev = 0;

			if (fd < 0 || fd >= SMP_FDS) {
				__atomic_add_fetch(&smp.errors, 1, __ATOMIC_RELAXED);
				break;
			}
			if (!__atomic_compare_exchange_n(&smp.owner[fd], &prev, w->id + 1, false,
							 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				__atomic_add_fetch(&smp.dups, 1, __ATOMIC_RELAXED);
			fd_install(fd, get_file(smp.file));
			held[nheld++] = fd;
		} else {
			int i = xorshift(&seed) % nheld, fd = held[i];

			held[i] = held[--nheld];
			if (__atomic_exchange_n(&smp.owner[fd], 0, __ATOMIC_ACQ_REL) != w->id + 1)
				__atomic_add_fetch(&smp.dups, 1, __ATOMIC_RELAXED);
			if (close_fd(fd) != 0)
				__atomic_add_fetch(&smp.errors, 1, __ATOMIC_RELAXED);
		}
		w->ops++;
		if ((w->ops & 63) == 0)
			cond_resched();
	}
	while (nheld) {
		int fd = held[--nheld];

		__atomic_store_n(&smp.owner[fd], 0, __ATOMIC_RELEASE);
		if (close_fd(fd) != 0)
			__atomic_add_fetch(&smp.errors, 1, __ATOMIC_RELAXED);
	}
	current->files = NULL;
	put_files_struct(smp.files);
	__atomic_add_fetch(&smp.done, 1, __ATOMIC_RELEASE);
	return 0;
}

VFS_TEST(fdt_smp_alloc_close)
{
	static struct smp_worker w[SMP_MAX];
	unsigned int cpus[SMP_MAX], n = 0, cpu, open_bits = 0;
	u64 wait_until;
	unsigned long ops = 0;

	for_each_online_cpu(cpu)
		if (n < SMP_MAX)
			cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");

	memset(&smp, 0, sizeof(smp));
	smp.files = dup_fd(&init_files);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(smp.files));
	smp.file = open_null(test);
	for (unsigned int i = 0; i < n; i++) {
		struct task_struct *t;

		w[i].id = i;
		w[i].cpu = cpus[i];
		w[i].ops = 0;
		atomic_inc(&smp.files->count);
		t = kthread_create_on_cpu(fdt_smp_fn, &w[i], cpus[i], "fdt_smp/%u", cpus[i]);
		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "kthread on CPU%u", cpus[i]);
			atomic_dec(&smp.files->count);
			__atomic_add_fetch(&smp.done, 1, __ATOMIC_RELEASE);
			continue;
		}
		wake_up_process(t);
	}
	smp.deadline = ktime_get_ns() + SMP_MS * NSEC_PER_MSEC;
	__atomic_store_n(&smp.go, 1, __ATOMIC_RELEASE);
	wait_until = smp.deadline + 30000 * NSEC_PER_MSEC;
	while (__atomic_load_n(&smp.done, __ATOMIC_ACQUIRE) < (int)n) {
		if (ktime_get_ns() > wait_until) {
			kunit_fail(test, __FILE__, __LINE__, "workers stuck: %d of %u done",
				   smp.done, n);
			return;		/* leave everything: they still use it */
		}
		schedule_timeout_uninterruptible(1);
	}
	for (unsigned int i = 0; i < n; i++)
		ops += w[i].ops;
	pr_info("    # fdt_smp_alloc_close: " "%u CPUs, %lu alloc/close ops, table of %u fds", n, ops,
		   smp.files->fdt->max_fds);
	KUNIT_EXPECT_EQ(test, smp.dups, 0);
	KUNIT_EXPECT_EQ(test, smp.errors, 0);
	KUNIT_EXPECT_TRUE(test, ops > 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&smp.files->count), 1);
	/* everything closed: no bit left, no file left, lowest free back to 0 */
	spin_lock(&smp.files->file_lock);
	for (unsigned int fd = 0; fd < smp.files->fdt->max_fds; fd++)
		if (fd_is_open(fd, smp.files->fdt) || smp.files->fdt->fd[fd])
			open_bits++;
	spin_unlock(&smp.files->file_lock);
	KUNIT_EXPECT_EQ(test, open_bits, 0U);
	KUNIT_EXPECT_EQ(test, fcount(smp.file), 1);
	KUNIT_EXPECT_EQ(test, __alloc_fd(smp.files, 0, INR_OPEN_CUR, 0), 0);
	__put_unused_fd(smp.files, 0);
	put_files_struct(smp.files);
	fput(smp.file);
}

static struct kunit_case fdtable_cases[] = {
	KUNIT_CASE(fdt_lowest_free),
	KUNIT_CASE(fdt_growth_and_limit),
	KUNIT_CASE(fdt_close_bad),
	KUNIT_CASE(fdt_fget_refs),
	KUNIT_CASE(fdt_dup_fd),
	KUNIT_CASE(fdt_dup2_dup3),
	KUNIT_CASE(fdt_close_on_exec),
	KUNIT_CASE(fdt_put_files_struct),
	KUNIT_CASE(fdt_smp_alloc_close),
	{}
};

static struct kunit_suite fdtable_suite = {
	.name = "fdtable",
	.test_cases = fdtable_cases,
};
kunit_test_suite(fdtable_suite);
