// SPDX-License-Identifier: GPL-2.0
/*
 * The "user" KUnit suite: runs the user programs of user/ (docs/user.md)
 * from the kernel and checks how they ended and that they left nothing
 * behind - issue 10's done-when 2 and 3 ("the free page count after all
 * test processes exit equals the count before them").
 *
 * Each case starts a process the way Linux starts /init and its usermode
 * helpers (init/main.c, kernel/umh.c call_usermodehelper_exec_async):
 * user_mode_thread() runs user_prog_fn() in a new task, which gives itself
 * fds 0-2 on /dev/console and calls kernel_execve(); on success the task
 * returns to user mode in the program. The case then reaps it with
 * kernel_wait() and compares the wait status, the free page count
 * (shrunk_free_pages()), nr_task_structs() and get_nr_files() with what
 * they were before. A program that prints KTAP (usertests, fuzz) is given
 * "-i 8", so its results nest under the case: user.usertests.fork_wait
 * (its warm-up run gets "-q" and prints nothing).
 *
 * Each program runs once before it is measured (the warm-up): what its
 * first run leaves cached on purpose (dentries of the paths it looked up,
 * slab pages of caches first used) is not a leak, and a second run of the
 * same program must find it all there and allocate nothing for good.
 *
 * During the tests PID 1 is the kernel thread running them, so orphans
 * come to it: after each program it reaps them as init would
 * (user_settle()), before the counts are compared.
 */
#include <kunit/test.h>
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/timekeeping.h>

#include "kunit_pages.h"

struct user_prog {
	const char *const *argv;	/* argv[0] is the path */
	int exec_ret;			/* kernel_execve()'s result, if it failed */
};

static const char *const user_envp[] = { "HOME=/", "PATH=/bin:/sbin", "TERM=linux", NULL };

/* fds 0, 1, 2 on the console, as init/main.c's console_on_rootfs gives PID 1 */
static int user_console_fds(void)
{
	if (!current->files) {
		struct files_struct *files = dup_fd(&init_files);

		if (IS_ERR(files))
			return PTR_ERR(files);
		current->files = files;
	}
	for (unsigned int fd = 0; fd < 3; fd++) {
		struct file *f = fget(fd);
		int nfd;

		if (f) {
			fput(f);
			continue;
		}
		f = filp_open("/dev/console", O_RDWR, 0);
		if (IS_ERR(f))
			return PTR_ERR(f);
		nfd = get_unused_fd_flags(0);
		if (nfd < 0) {
			fput(f);
			return nfd;
		}
		fd_install(nfd, f);
	}
	return 0;
}

static int user_prog_fn(void *arg)
{
	struct user_prog *p = arg;
	int ret = user_console_fds();

	if (!ret)
		ret = kernel_execve(p->argv[0], p->argv, user_envp);
	if (!ret)
		return 0;		/* to user mode, in the program */
	p->exec_ret = ret;
	do_exit(127 << 8);		/* as a shell reports "cannot run" */
}

/* Run argv to its end; returns the wait status, or -errno if it did not start. */
static int user_run(struct kunit *test, const char *const *argv)
{
	struct user_prog p = { .argv = argv };
	int status = -1;
	pid_t pid = user_mode_thread(user_prog_fn, &p, SIGCHLD);

	if (pid < 0) {
		kunit_fail(test, __FILE__, __LINE__, "user_mode_thread: %d", pid);
		return pid;
	}
	int ret = kernel_wait(pid, &status);

	if (ret != pid) {
		kunit_fail(test, __FILE__, __LINE__, "kernel_wait(%d) = %d", pid, ret);
		return ret < 0 ? ret : -ECHILD;
	}
	if (p.exec_ret) {
		pr_info("        # %s: kernel_execve: %d\n", argv[0], p.exec_ret);
		return p.exec_ret;
	}
	return status;
}

/*
 * Reap the orphans a program left (they were re-parented to PID 1, the
 * thread running the tests, as to any init: kernel/exit.c
 * forget_original_parent), then wait (at most 2 s) until the tasks that
 * ran are freed: they go after their last switch-out.
 */
static void user_settle(unsigned long tasks)
{
	u64 until = ktime_get_ns() + 2000000000ULL;

	while (ktime_get_ns() < until) {
		long r = kernel_wait4(-1, NULL, WNOHANG | __WALL, NULL);

		if (r == -ECHILD && nr_task_structs() <= tasks)
			break;
		if (r <= 0)
			msleep(10);
	}
}

/* Warm up, then run argv measured: the status must be want, nothing may stay. */
static void user_check(struct kunit *test, const char *const *warm, const char *const *argv,
		       int want)
{
	unsigned long pages, tasks;
	long files;
	int status;

	tasks = nr_task_structs();
	if (warm) {
		status = user_run(test, warm);
		if (status == -ENOENT) {
			kunit_skip(test, "the program is not in the initramfs");
		}
		user_settle(tasks);
	}
	tasks = nr_task_structs();
	files = get_nr_files();
	pages = shrunk_free_pages();
	status = user_run(test, argv);
	if (status == -ENOENT && !warm)
		kunit_skip(test, "the program is not in the initramfs");
	user_settle(tasks);
	KUNIT_EXPECT_EQ(test, status, want);
	KUNIT_EXPECT_EQ(test, nr_task_structs(), tasks);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files);
	unsigned long after = shrunk_free_pages();
	if (after != pages)
		pr_info("        # %s: free pages %lu before, %lu after (%ld)\n", argv[0], pages,
			after, (long)after - (long)pages);
	KUNIT_EXPECT_EQ(test, after, pages);
}

/* The no-libc program: exit(3) is status 0x300 (done-when 1's binary). */
static void user_nolibc(struct kunit *test)
{
	static const char *const argv[] = { "/bin/nolibc-report", NULL };

	user_check(test, argv, argv, 3 << 8);
}

static void user_musl(struct kunit *test)
{
	static const char *const argv[] = { "/bin/musl-report", NULL };

	user_check(test, argv, argv, 3 << 8);
}

static void user_glibc(struct kunit *test)
{
	static const char *const argv[] = { "/bin/glibc-report", NULL };

	user_check(test, argv, argv, 3 << 8);
}

/* A program killed by SIGSEGV: the status is the signal, nothing stays. */
static void user_segv(struct kunit *test)
{
	static const char *const argv[] = { "/bin/usertests", "--exec-child", "segv", "x", NULL };

	user_check(test, argv, argv, SIGSEGV);
}

/* A path that is not there: kernel_execve fails, the task exits, nothing stays. */
static void user_enoent(struct kunit *test)
{
	static const char *const argv[] = { "/bin/no-such-program", NULL };
	unsigned long tasks = nr_task_structs();

	KUNIT_EXPECT_EQ(test, user_run(test, argv), -ENOENT);
	user_settle(tasks);
	KUNIT_EXPECT_EQ(test, nr_task_structs(), tasks);
}

/*
 * The long cases (tens of seconds under TCG, 256 MiB wanted) run only when
 * the glob names this suite (ktest=user.*: the user4-* and user5-* matrix
 * entries), not in every ktest=all boot of the matrix.
 */
static bool user_long_cases(struct kunit *test)
{
	const char *glob = kunit_glob();

	if (glob && !strncmp(glob, "user", 4))
		return true;
	test->skipped = true;
	test->skip_reason = "long: run with ktest=user.* (tests/matrix.py user4-*, user5-*)";
	return false;
}

/* The user test suite, nested: user.usertests.<case> */
static void usertests(struct kunit *test)
{
	static const char *const warm[] = { "/bin/usertests", "-q", NULL };
	static const char *const argv[] = { "/bin/usertests", "-i", "8", "-t", "120", NULL };

	if (user_long_cases(test))
		user_check(test, warm, argv, 0);
}

/* The seeded fuzzer (done-when 3): the kernel answers, nothing leaks. */
static void fuzz(struct kunit *test)
{
	static const char *const warm[] = { "/bin/fuzz", "-q", "-s", "1", "-b", "1", "-n", "300",
					    NULL };
	static const char *const argv[] = { "/bin/fuzz", "-i", "8", "-s", "1", "-b", "4", "-n",
					    "1000", NULL };

	if (user_long_cases(test))
		user_check(test, warm, argv, 0);
}

static struct kunit_case user_cases[] = {
	KUNIT_CASE(user_nolibc),
	KUNIT_CASE(user_musl),
	KUNIT_CASE(user_glibc),
	KUNIT_CASE(user_segv),
	KUNIT_CASE(user_enoent),
	KUNIT_CASE(usertests),
	KUNIT_CASE(fuzz),
	{}
};

static struct kunit_suite user_suite = {
	.name = "user",
	.test_cases = user_cases,
};
kunit_test_suite(user_suite);
