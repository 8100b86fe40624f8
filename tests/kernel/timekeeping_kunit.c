// SPDX-License-Identifier: GPL-2.0
/*
 * The real time (kernel/time/timekeeping.c, kernel/rtc.c): mktime64()
 * turns dates into the epoch seconds Linux's does (leap days, the
 * century rules), the clock read from QEMU's RTC is a date after this
 * code was written and moves forward with local_clock(), and a file
 * created now carries that time.
 */
#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>

static void mktime64_known_dates(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, mktime64(1970, 1, 1, 0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, mktime64(1970, 1, 2, 0, 0, 1), 86401);
	KUNIT_EXPECT_EQ(test, mktime64(2000, 2, 29, 12, 0, 0), 951825600);	/* 400-year rule */
	KUNIT_EXPECT_EQ(test, mktime64(2000, 3, 1, 0, 0, 0), 951868800);
	KUNIT_EXPECT_EQ(test, mktime64(2038, 1, 19, 3, 14, 8), 2147483648LL);	/* past 32 bits */
	KUNIT_EXPECT_EQ(test, mktime64(2100, 3, 1, 0, 0, 0), 4107542400LL);	/* 2100 is no leap year */
	KUNIT_EXPECT_EQ(test, mktime64(2024, 2, 29, 23, 59, 59), 1709251199);
}

static void real_time_is_read_from_the_rtc(struct kunit *test)
{
	struct timespec64 a, b;

	ktime_get_real_ts64(&a);
	/* 2025-01-01: QEMU's RTC starts at the host's date. */
	KUNIT_EXPECT_GT(test, a.tv_sec, 1735689600LL);
	KUNIT_EXPECT_LT(test, a.tv_nsec, (long)NSEC_PER_SEC);
	msleep(20);
	ktime_get_real_ts64(&b);
	KUNIT_EXPECT_GT(test, (b.tv_sec - a.tv_sec) * (s64)NSEC_PER_SEC + (b.tv_nsec - a.tv_nsec),
			15 * (s64)NSEC_PER_USEC * 1000);
}

static void new_files_carry_the_real_time(struct kunit *test)
{
	time64_t before = ktime_get_real_seconds();
	struct kstat st;

	KUNIT_ASSERT_EQ(test, init_mkdir("/tmp-timekeeping-kunit", 0700), 0);
	KUNIT_EXPECT_EQ(test, init_stat("/tmp-timekeeping-kunit", &st, 0), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir("/tmp-timekeeping-kunit"), 0);
	KUNIT_EXPECT_GE(test, st.mtime.tv_sec, before);
	KUNIT_EXPECT_LE(test, st.mtime.tv_sec, ktime_get_real_seconds());
	KUNIT_EXPECT_EQ(test, st.ctime.tv_sec, st.mtime.tv_sec);
}

static struct kunit_case timekeeping_cases[] = {
	KUNIT_CASE(mktime64_known_dates),
	KUNIT_CASE(real_time_is_read_from_the_rtc),
	KUNIT_CASE(new_files_carry_the_real_time),
	{}
};

static struct kunit_suite timekeeping_suite = {
	.name = "timekeeping",
	.test_cases = timekeeping_cases,
};
kunit_test_suite(timekeeping_suite);
