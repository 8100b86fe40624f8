// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the clocks and sleeps (kernel/time/), kernel/sys.c,
 * getrandom and reboot's argument checks, suite syscall.misc, and a
 * seeded fuzzer over the non-blocking file and misc calls (garbage in:
 * the kernel stays up, errors are -errno, nothing leaks). How a case
 * runs: tests/kernel/syscall_test.h.
 */
#include "syscall_test.h"

/* ---- time ------------------------------------------------------------------------------- */

SC_TEST(sc_time)
{
	struct uts *ts = kalias(0), *rem = kalias(64);
	long *tv = kalias(128);
	s64 t0, t1, now;
	u64 ns0;

	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	t0 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	t1 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_GE(test, t1, t0);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_REALTIME, U(0)), 0);
	now = ts->tv_sec;
	KUNIT_EXPECT_GT(test, now, 1600000000LL);	/* the RTC's date: after 2020 */
	KUNIT_EXPECT_LT(test, ts->tv_nsec, 1000000000LL);
	KUNIT_EXPECT_EQ(test, SC1(time, NULL) - now <= 1, 1);
	KUNIT_EXPECT_EQ(test, SC1(time, U(128)) - *(s64 *)tv <= 0, 1);
	KUNIT_EXPECT_EQ(test, SC1(time, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, U(128), U(192)), 0);
	KUNIT_EXPECT_EQ(test, tv[0] - now <= 1, 1);
	KUNIT_EXPECT_LT(test, tv[1], 1000000);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, U_RO, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_BOOTTIME, U(0)), 0);
	/* CPU time: 50 ms of spinning is charged, tick by tick, to this thread. */
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_THREAD_CPUTIME_ID, U(0)), 0);
	t0 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	mdelay(50);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_PROCESS_CPUTIME_ID, U(0)), 0);
	t1 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_GE(test, t1 - t0, 1000000000LL / HZ);
	KUNIT_EXPECT_LE(test, t1 - t0, 1000000000LL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, 99, U(0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, -6, U(0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, KPTR), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_MONOTONIC, U(0)), 0);
	KUNIT_EXPECT_EQ(test, ts->tv_sec, 0);
	KUNIT_EXPECT_EQ(test, ts->tv_nsec, 1);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_MONOTONIC_COARSE, U(0)), 0);
	KUNIT_EXPECT_EQ(test, ts->tv_nsec, 1000000000LL / HZ);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_REALTIME, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, 42, NULL), -EINVAL);
	/* nanosleep: bad timespecs, then 20 ms that take at least 20 ms. */
	*ts = (struct uts){ 0, 1000000000LL };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	*ts = (struct uts){ -1, 0 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	*ts = (struct uts){ 0, -1 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U_UNMAPPED, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, NULL, NULL), -EFAULT);
	*ts = (struct uts){ 0, 0 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), U(64)), 0);
	*ts = (struct uts){ 0, 20000000 };
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), U(64)), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - ns0, 20000000ULL);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - ns0, 2000000000ULL);
	/* clock_nanosleep: relative, absolute (a deadline 20 ms ahead), a past deadline. */
	*ts = (struct uts){ 0, 5000000 };
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_MONOTONIC, 0, U(0), U(64)), 0);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	ts->tv_nsec += 20000000;
	if (ts->tv_nsec >= 1000000000LL) {
		ts->tv_nsec -= 1000000000LL;
		ts->tv_sec++;
	}
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, U(0), NULL), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - ns0, 15000000ULL);
	*ts = (struct uts){ 1, 0 };
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, U(0), NULL), 0);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - ns0, 100000000ULL);
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, U(0), NULL),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, 77, 0, U(0), NULL), -EINVAL);
	(void)rem;
}

/* ---- kernel/sys.c, getrandom, reboot's checks -------------------------------------------- */

SC_TEST(sc_sys)
{
	char *uts = kalias(0);
	u64 *rl = kalias(PAGE_SIZE);
	long *si = kalias(2 * PAGE_SIZE);
	u8 *rnd = kalias(3 * PAGE_SIZE);
	bool differ = false;

	KUNIT_EXPECT_EQ(test, SC1(uname, U(0)), 0);
	KUNIT_EXPECT_STREQ(test, uts, "Linux");
	KUNIT_EXPECT_STREQ(test, uts + 65, "(none)");
	KUNIT_EXPECT_EQ(test, strncmp(uts + 130, "6.1.", 4), 0);
	KUNIT_EXPECT_STREQ(test, uts + 260, "x86_64");
	KUNIT_EXPECT_EQ(test, SC1(uname, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(uname, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC0(getuid), 0);
	KUNIT_EXPECT_EQ(test, SC0(geteuid), 0);
	KUNIT_EXPECT_EQ(test, SC0(getgid), 0);
	KUNIT_EXPECT_EQ(test, SC0(getegid), 0);
	KUNIT_EXPECT_EQ(test, SC2(getgroups, 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(getgroups, -1, NULL), -EINVAL);
	/* Limits need a signal_struct: only when the kunit thread has one. */
	if (current->signal && current->sighand) {
		KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIMIT_NOFILE, U(PAGE_SIZE)), 0);
		KUNIT_EXPECT_LE(test, rl[0], rl[1]);
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, NULL, U(PAGE_SIZE)), 0);
		rl[2] = rl[0];
		rl[3] = rl[1];
		rl[0] = 100;	/* cur > max */
		rl[1] = 50;
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, U(PAGE_SIZE), NULL), -EINVAL);
		rl[0] = rl[2];
		rl[1] = rl[3];
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, U(PAGE_SIZE), NULL), 0);
		KUNIT_EXPECT_EQ(test, SC2(setrlimit, RLIMIT_STACK, U(PAGE_SIZE)), 0);
		KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIMIT_STACK, U_RO), -EFAULT);
	}
	KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIM_NLIMITS, U(PAGE_SIZE)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, 99, NULL, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(setrlimit, RLIMIT_STACK, U_UNMAPPED), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_SELF, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_CHILDREN, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, 5, U(PAGE_SIZE)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_SELF, U_RO), -EFAULT);
	/* sysinfo: uptime, totalram >= freeram > 0, mem_unit 1. */
	KUNIT_EXPECT_EQ(test, SC1(sysinfo, U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_GT(test, si[0], 0);
	KUNIT_EXPECT_GT(test, si[4], si[5] - 1);
	KUNIT_EXPECT_GT(test, si[5], 0);
	KUNIT_EXPECT_EQ(test, *(u32 *)((u8 *)si + 104), 1);
	KUNIT_EXPECT_GT(test, *(u16 *)((u8 *)si + 80), 0);
	KUNIT_EXPECT_EQ(test, SC1(sysinfo, KPTR), -EFAULT);
	/* getrandom: bytes, flags, faults. */
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 64, 0), 64);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE + 64), 64, 1 /* GRND_NONBLOCK */), 64);
	for (int i = 0; i < 64; i++)
		differ |= rnd[i] != rnd[64 + i];
	KUNIT_EXPECT_TRUE(test, differ);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 2 /* GRND_RANDOM */), 8);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 6), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 0, 0), 0);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U_RO, 8, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, KPTR, 8, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(UW_RO * PAGE_SIZE - 10), 100, 0), 10);
	/* reboot: the wrong magic and an unknown command are -EINVAL (and nothing else). */
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 1, 0x4321FEDC, 0, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0x12345678, 672274793, 0x4321FEDC, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 672274793, 0x11111111, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0 /* CAD_OFF */, 0, 0, 0),
			0);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0x89ABCDEF, 0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0xA1B2C3D4, A(U_UNMAPPED),
				  0, 0), -EFAULT);
}

/* ---- garbage in: a seeded fuzzer over the calls above ------------------------------------ */

static u64 fuzz_state;

static u64 fuzz_next(void)
{
	fuzz_state ^= fuzz_state << 13;
	fuzz_state ^= fuzz_state >> 7;
	fuzz_state ^= fuzz_state << 17;
	return fuzz_state;
}

#define FUZZ_NAMES 16
#define FUZZ_NAME_LEN 16

/*
 * One argument: a name from the pool (relative, letters and '/', no '.':
 * nothing can climb out of TDIR, link targets included; fuzz_restore()
 * puts the pool back before each call), a buffer or an
 * iovec array in the window, a bad pointer, a small number, an fd, or
 * 64 random bits.
 */
static unsigned long fuzz_arg(void)
{
	u64 r = fuzz_next();

	switch (r % 12) {
	case 0:
	case 1:
	case 2:
		return A(U((r >> 8) % FUZZ_NAMES * FUZZ_NAME_LEN));
	case 3:
		return A(U(PAGE_SIZE + (r >> 8) % (2 * PAGE_SIZE)));
	case 4:
		return A(U(3 * PAGE_SIZE + ((r >> 8) % 32) * sizeof(struct iovec)));
	case 5:
		return (r >> 8) & 1 ? 0 : A(KPTR);
	case 6:
		return (r >> 8) & 1 ? A(U_RO) : A(U_UNMAPPED);
	case 7:
		return (r >> 8) % 8;
	case 8:
		return (r >> 8) % 12;	/* an fd, often an open one */
	case 9:
		return (unsigned long)(long)AT_FDCWD;
	case 10:
		return (r >> 8) % 5000;
	}
	return fuzz_next();
}

/* What the pool and the iovecs should be: calls write into the window, and a name
 * changed by read() or getrandom() could start with '/' or hold "..". */
static char fuzz_names[FUZZ_NAMES * FUZZ_NAME_LEN];
static struct iovec fuzz_iov[32];

static void fuzz_restore(void)
{
	memcpy(kalias(0), fuzz_names, sizeof(fuzz_names));
	memcpy(kalias(3 * PAGE_SIZE), fuzz_iov, sizeof(fuzz_iov));
	/* A buffer may be passed as a name too: no '/' or '.' in it, so it names no way out. */
	for (unsigned long off = PAGE_SIZE; off < 3 * PAGE_SIZE; off++) {
		char *c = kalias(off);

		if (*c == '/' || *c == '.')
			*c = 'x';
	}
}

static void fuzz_refill(void)
{
	static const char alphabet[] = "ab/";
	struct iovec *iov = fuzz_iov;

	for (int i = 0; i < FUZZ_NAMES; i++) {
		char *n = fuzz_names + i * FUZZ_NAME_LEN;
		int len = 1 + fuzz_next() % (FUZZ_NAME_LEN - 1);

		for (int j = 0; j < len; j++)
			n[j] = alphabet[fuzz_next() % 3];
		n[0] = 'a' + fuzz_next() % 2;	/* never absolute */
		n[len] = '\0';
	}
	for (int i = 0; i < 32; i++) {
		u64 r = fuzz_next();

		iov[i].iov_base = r & 1 ? U(PAGE_SIZE + (r >> 8) % (2 * PAGE_SIZE)) :
			(r & 2 ? U_UNMAPPED : KPTR);
		iov[i].iov_len = r & 4 ? (r >> 16) % 8192 : (size_t)(r >> 16);
	}
}

/*
 * The calls that cannot block here (no pipes, no device nodes, no sleeps, no reboot),
 * nor reach outside the case (no sethostname, setrlimit, chroot; no fallocate: a
 * random length would fill memory).
 */
static const unsigned short fuzz_nrs[] = {
	__NR_read, __NR_write, __NR_open, __NR_close, __NR_stat, __NR_fstat, __NR_lstat,
	__NR_lseek, __NR_ioctl, __NR_pread64, __NR_pwrite64, __NR_readv, __NR_writev,
	__NR_access, __NR_dup, __NR_dup2, __NR_fcntl, __NR_fsync, __NR_fdatasync,
	__NR_truncate, __NR_ftruncate, __NR_getdents, __NR_getcwd, __NR_chdir, __NR_fchdir,
	__NR_rename, __NR_mkdir, __NR_rmdir, __NR_creat, __NR_link, __NR_unlink,
	__NR_symlink, __NR_readlink, __NR_chmod, __NR_fchmod, __NR_umask,
	__NR_gettimeofday, __NR_getrlimit, __NR_getrusage, __NR_sysinfo, __NR_uname,
	__NR_getdents64, __NR_clock_gettime, __NR_clock_getres, __NR_openat, __NR_mkdirat,
	__NR_newfstatat, __NR_unlinkat, __NR_renameat, __NR_linkat, __NR_symlinkat,
	__NR_readlinkat, __NR_fchmodat, __NR_faccessat, __NR_preadv, __NR_pwritev,
	__NR_dup3, __NR_renameat2, __NR_getrandom, __NR_statx, __NR_faccessat2, __NR_time,
	__NR_utimensat, __NR_utimes, __NR_futimesat, __NR_chown, __NR_fchown, __NR_lchown,
	__NR_fchownat, __NR_statfs, __NR_fstatfs, __NR_close_range, __NR_fadvise64,
	__NR_readahead, __NR_sync_file_range, __NR_times,
};

SC_TEST(sc_fuzz)
{
	unsigned long calls = 0, errors = 0;

	fuzz_state = 0x5eed5eed1234ULL;
	KUNIT_ASSERT_EQ(test, SC1(chdir, ustr(0, TDIR)), 0);
	for (int round = 0; round < 4000; round++) {
		unsigned short nr = fuzz_nrs[fuzz_next() % ARRAY_SIZE(fuzz_nrs)];
		unsigned long a[6];
		long ret;

		if (round % 64 == 0)
			fuzz_refill();
		fuzz_restore();
		for (int i = 0; i < 6; i++)
			a[i] = fuzz_arg();
		/* Keep the walk inside TDIR: chdir/fchdir only to names from the pool. */
		if (nr == __NR_chdir && a[0] >= A(U(FUZZ_NAMES * FUZZ_NAME_LEN)))
			continue;
		ret = sc6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		calls++;
		if (ret < 0) {
			errors++;
			if (ret < -4095)
				kunit_fail(test, __FILE__, __LINE__, "nr %u returned %ld", nr, ret);
		}
	}
	for (int fd = 0; fd < 1024; fd++)
		SC1(close, fd);
	SC1(umask, 022);
	KUNIT_EXPECT_EQ(test, SC1(chdir, ustr(0, "/")), 0);
	KUNIT_EXPECT_GT(test, calls, 3000);
	KUNIT_EXPECT_GT(test, calls - errors, 100);	/* some calls did succeed */
	pr_info("sc_fuzz: %lu calls, %lu errors\n", calls, errors);
}

static struct kunit_case syscall_misc_cases[] = {
	KUNIT_CASE(sc_time),
	KUNIT_CASE(sc_sys),
	KUNIT_CASE(sc_fuzz),
	{}
};

static struct kunit_suite syscall_misc_suite = {
	.name = "syscall.misc",
	.test_cases = syscall_misc_cases,
};
kunit_test_suite(syscall_misc_suite);
