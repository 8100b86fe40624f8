/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel unit tests, with KUnit's API (Linux: include/kunit/test.h):
 *
 *   static void my_test(struct kunit *test)
 *   {
 *           KUNIT_EXPECT_EQ(test, 1 + 1, 2);
 *   }
 *   static struct kunit_case my_cases[] = { KUNIT_CASE(my_test), {} };
 *   static struct kunit_suite my_suite = { .name = "my", .test_cases = my_cases };
 *   kunit_test_suite(my_suite);
 *
 * Suites are gathered in the .ktest_suites section and run from
 * kernel_init() when the boot option ktest=GLOB selects them (GLOB is
 * matched against "suite.case"; ktest=all runs everything). Results are
 * printed in KTAP, then QEMU is told the verdict (isa-debug-exit).
 * Left out: init/exit hooks, parameterized tests, resource management.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/types.h>

struct kunit {
	const char *name;
	bool failed;
	bool skipped;
	const char *skip_reason;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(fn) { .run_case = fn, .name = #fn }

#define kunit_test_suite(suite)                                          \
	static struct kunit_suite *__kunit_suite_ptr_##suite __used     \
		__section(".ktest_suites") = &(suite)

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);
int kunit_run_tests(const char *glob);	/* returns the number of failed suites */
bool kunit_requested(void);
const char *kunit_glob(void);
bool glob_match(const char *pat, const char *str);

#define kunit_skip(test, reason)                \
	do {                                    \
		(test)->skipped = true;         \
		(test)->skip_reason = (reason); \
		return;                         \
	} while (0)

#define KUNIT_EXPECT_TRUE(test, cond)                                          \
	do {                                                                   \
		if (!(cond))                                                   \
			kunit_fail(test, __FILE__, __LINE__,                   \
				   "Expected %s to be true, but is false", #cond); \
	} while (0)

#define KUNIT_EXPECT_FALSE(test, cond)                                         \
	do {                                                                   \
		if (cond)                                                      \
			kunit_fail(test, __FILE__, __LINE__,                   \
				   "Expected %s to be false, but is true", #cond); \
	} while (0)

#define KUNIT_BINARY_EXPECT(test, left, op, right)                               \
	do {                                                                     \
		long long __l = (long long)(left), __r = (long long)(right);     \
		if (!(__l op __r))                                               \
			kunit_fail(test, __FILE__, __LINE__,                     \
				   "Expected %s %s %s, but\n        %s == %lld (0x%llx)\n        %s == %lld (0x%llx)", \
				   #left, #op, #right, #left, __l,               \
				   (unsigned long long)__l, #right, __r,         \
				   (unsigned long long)__r);                     \
	} while (0)

#define KUNIT_EXPECT_EQ(test, l, r) KUNIT_BINARY_EXPECT(test, l, ==, r)
#define KUNIT_EXPECT_NE(test, l, r) KUNIT_BINARY_EXPECT(test, l, !=, r)
#define KUNIT_EXPECT_LT(test, l, r) KUNIT_BINARY_EXPECT(test, l, <, r)
#define KUNIT_EXPECT_LE(test, l, r) KUNIT_BINARY_EXPECT(test, l, <=, r)
#define KUNIT_EXPECT_GT(test, l, r) KUNIT_BINARY_EXPECT(test, l, >, r)
#define KUNIT_EXPECT_GE(test, l, r) KUNIT_BINARY_EXPECT(test, l, >=, r)

#define KUNIT_EXPECT_STREQ(test, a, b)                                           \
	do {                                                                     \
		const char *__a = (a), *__b = (b);                               \
		if (!__a || !__b || strcmp(__a, __b))                            \
			kunit_fail(test, __FILE__, __LINE__,                     \
				   "Expected %s == %s, but\n        %s == \"%s\"\n        %s == \"%s\"", \
				   #a, #b, #a, __a ? __a : "(null)", #b,         \
				   __b ? __b : "(null)");                        \
	} while (0)

/* ASSERT: like EXPECT, but ends the test case on failure. */
#define KUNIT_ASSERT_TRUE(test, cond)                  \
	do {                                           \
		KUNIT_EXPECT_TRUE(test, cond);         \
		if ((test)->failed)                    \
			return;                        \
	} while (0)

#define KUNIT_ASSERT_EQ(test, l, r)                    \
	do {                                           \
		KUNIT_EXPECT_EQ(test, l, r);           \
		if ((test)->failed)                    \
			return;                        \
	} while (0)

#endif /* _KUNIT_TEST_H */
