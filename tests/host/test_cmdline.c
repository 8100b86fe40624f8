// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the command-line parsers: lib/cmdline.c (next_arg,
 * kstrto*, get_option, memparse, cmdline_find_option_bool) and the two
 * boot-option passes of kernel/params.c, driven with a handler table of
 * our own instead of the .init.setup section.
 *
 * Linux counterparts: lib/test-kstrtox.c and lib/cmdline_kunit.c for the
 * parsers; the pattern (real kernel .c files built for the host against
 * stubs) is tools/testing/memblock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* ---- next_arg ------------------------------------------------------- */

static void test_next_arg_plain(void **state)
{
	char line[] = "a=1 b  c= d=x=y  ";
	char *p = line, *param, *val;

	p = next_arg(p, &param, &val);
	assert_string_equal(param, "a");
	assert_string_equal(val, "1");
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "b");
	assert_null(val);
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "c");
	assert_string_equal(val, "");
	/* Only the first '=' splits. */
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "d");
	assert_string_equal(val, "x=y");
	/* Trailing blanks are eaten: the caller's loop ends. */
	assert_int_equal(*p, '\0');
}

static void test_next_arg_quotes(void **state)
{
	char line[] = "a=\"b c\" \"x y\" d=\"\" e\tf";
	char *p = line, *param, *val;

	p = next_arg(p, &param, &val);
	assert_string_equal(param, "a");
	assert_string_equal(val, "b c");
	/* A quoted word without '=' is one parameter, quotes dropped. */
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "x y");
	assert_null(val);
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "d");
	assert_string_equal(val, "");
	/* Tabs separate words too. */
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "e");
	p = next_arg(p, &param, &val);
	assert_string_equal(param, "f");
	assert_int_equal(*p, '\0');
}

/* ---- kstrto*() -------------------------------------------------------- */

static void test_kstrtoull_ok(void **state)
{
	static const struct {
		const char *s;
		unsigned int base;
		unsigned long long v;
	} cases[] = {
		{ "0", 10, 0 },
		{ "123", 10, 123 },
		{ "+123", 10, 123 },
		{ "42\n", 10, 42 },		/* sysfs-style trailing newline */
		{ "ff", 16, 0xff },
		{ "0xff", 16, 0xff },		/* prefix allowed with base 16 */
		{ "0x1f", 0, 0x1f },		/* base 0: C prefixes */
		{ "0X1F", 0, 0x1f },
		{ "017", 0, 017 },
		{ "0", 0, 0 },
		{ "10", 0, 10 },
		{ "777", 8, 0777 },
		{ "101", 2, 5 },
		{ "18446744073709551615", 10, ~0ULL },
		{ "0xffffffffffffffff", 0, ~0ULL },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long v = 0xdead;

		if (kstrtoull(cases[i].s, cases[i].base, &v))
			fail_msg("kstrtoull(\"%s\", %u) failed", cases[i].s, cases[i].base);
		if (v != cases[i].v)
			fail_msg("kstrtoull(\"%s\", %u) = %llu, want %llu", cases[i].s,
				 cases[i].base, v, cases[i].v);
	}
}

static void test_kstrtoull_invalid(void **state)
{
	static const struct {
		const char *s;
		unsigned int base;
	} cases[] = {
		{ "", 10 },
		{ "\n", 10 },
		{ "+", 10 },
		{ "12a", 10 },
		{ "12 ", 10 },
		{ " 12", 10 },
		{ "42\n\n", 10 },
		{ "-1", 10 },
		{ "8", 8 },
		{ "09", 0 },		/* octal because of the 0 */
		{ "0x", 0 },		/* "0" then junk: no hex digit after 0x */
		{ "0x", 16 },
		{ "0xg", 16 },
		{ "2", 2 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long v = 0xdead;
		int err = kstrtoull(cases[i].s, cases[i].base, &v);

		if (err != -EINVAL)
			fail_msg("kstrtoull(\"%s\", %u) = %d, want -EINVAL",
				 cases[i].s, cases[i].base, err);
	}
}

static void test_kstrtoull_range(void **state)
{
	unsigned long long v = 7;

	assert_int_equal(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	assert_int_equal(kstrtoull("0x10000000000000000", 0, &v), -ERANGE);
	assert_int_equal(kstrtoull("99999999999999999999999999", 10, &v), -ERANGE);
	/* A failed conversion leaves the result alone. */
	assert_int_equal(v, 7);
}

static void test_kstrtoul(void **state)
{
	unsigned long v = 0;

	assert_int_equal(kstrtoul("0xffff888000000000", 0, &v), 0);
	assert_true(v == 0xffff888000000000UL);
	assert_int_equal(kstrtoul("4096\n", 10, &v), 0);
	assert_int_equal(v, 4096);
	assert_int_equal(kstrtoul("4096k", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("18446744073709551616", 10, &v), -ERANGE);
	assert_int_equal(v, 4096);
}

static void test_kstrtoint(void **state)
{
	int v = 0;

	assert_int_equal(kstrtoint("2147483647", 10, &v), 0);
	assert_int_equal(v, 2147483647);
	assert_int_equal(kstrtoint("-2147483648", 10, &v), 0);
	assert_int_equal(v, -2147483647 - 1);
	assert_int_equal(kstrtoint("-12\n", 10, &v), 0);
	assert_int_equal(v, -12);
	assert_int_equal(kstrtoint("-0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(kstrtoint("-0x10", 0, &v), 0);
	assert_int_equal(v, -16);
	assert_int_equal(kstrtoint("+7", 10, &v), 0);
	assert_int_equal(v, 7);

	v = 99;
	assert_int_equal(kstrtoint("2147483648", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("-2147483649", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("4294967296", 10, &v), -ERANGE);
	assert_int_equal(kstrtoint("0x80000000", 0, &v), -ERANGE);
	assert_int_equal(kstrtoint("-", 10, &v), -EINVAL);
	assert_int_equal(kstrtoint("--1", 10, &v), -EINVAL);
	/* One sign only, as lib/kstrtox.c: "-+1" is not a number. */
	assert_int_equal(kstrtoint("-+1", 10, &v), -EINVAL);
	assert_int_equal(kstrtoint("1-", 10, &v), -EINVAL);
	assert_int_equal(v, 99);
}

/* ---- get_option ------------------------------------------------------- */

static void test_get_option_list(void **state)
{
	char buf[] = "10,0x20,-3";
	char *s = buf;
	int v = 0;

	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, 10);
	assert_string_equal(s, "0x20,-3");
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, 0x20);
	assert_int_equal(get_option(&s, &v), 1);
	assert_int_equal(v, -3);
	assert_string_equal(s, "");
	assert_int_equal(get_option(&s, &v), 0);
}

static void test_get_option_none(void **state)
{
	char buf[] = "abc";
	char *s = buf, *null = NULL;
	int v = 5;

	assert_int_equal(get_option(&s, &v), 0);
	assert_ptr_equal(s, buf);	/* nothing consumed */
	assert_int_equal(v, 5);
	assert_int_equal(get_option(&null, &v), 0);

	/* A number followed by something other than ',' stops there. */
	char buf2[] = "12x";

	s = buf2;
	assert_int_equal(get_option(&s, &v), 1);
	assert_int_equal(v, 12);
	assert_string_equal(s, "x");
}

static void test_get_option_int_min(void **state)
{
	char buf[] = "-2147483648";
	char *s = buf;
	int v = 0;

	/* Must not negate INT_MIN as an int (UBSan would stop here). */
	assert_int_equal(get_option(&s, &v), 1);
	assert_int_equal(v, -2147483647 - 1);
}

/* ---- memparse --------------------------------------------------------- */

static void test_memparse_suffixes(void **state)
{
	static const struct {
		const char *s;
		unsigned long long v;
	} cases[] = {
		{ "123", 123 },
		{ "4k", 4ULL << 10 },
		{ "4K", 4ULL << 10 },
		{ "64M", 64ULL << 20 },
		{ "64m", 64ULL << 20 },
		{ "1G", 1ULL << 30 },
		{ "2T", 2ULL << 40 },
		{ "3P", 3ULL << 50 },
		{ "1E", 1ULL << 60 },
		{ "0x100M", 0x100ULL << 20 },
		{ "010K", 8ULL << 10 },
		{ "0", 0 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *end = NULL;
		unsigned long long v = memparse(cases[i].s, &end);

		if (v != cases[i].v)
			fail_msg("memparse(\"%s\") = %#llx, want %#llx", cases[i].s, v,
				 cases[i].v);
		if (*end)
			fail_msg("memparse(\"%s\") stopped at \"%s\"", cases[i].s, end);
	}
}

static void test_memparse_retptr(void **state)
{
	const char *s = "16Mfoo";
	const char *bad = "xyz";
	char *end;

	assert_true(memparse(s, &end) == 16ULL << 20);
	assert_string_equal(end, "foo");
	/* Only one suffix letter is taken. */
	assert_true(memparse("1KK", &end) == 1024);
	assert_string_equal(end, "K");
	/* No number: 0, and nothing consumed. */
	assert_true(memparse(bad, &end) == 0);
	assert_ptr_equal(end, bad);
	/* retptr may be NULL. */
	assert_true(memparse("2M", NULL) == 2ULL << 20);
}

/* ---- cmdline_find_option_bool ----------------------------------------- */

static void test_find_option_bool(void **state)
{
	assert_true(cmdline_find_option_bool("no5lvl", "no5lvl"));
	assert_true(cmdline_find_option_bool("console=ttyS0 no5lvl quiet", "no5lvl"));
	assert_true(cmdline_find_option_bool("quiet\tno5lvl", "no5lvl"));
	assert_true(cmdline_find_option_bool("quiet no5lvl", "no5lvl"));
	assert_true(cmdline_find_option_bool("no5lvlx no5lvl", "no5lvl"));

	/* Whole words only. */
	assert_false(cmdline_find_option_bool("no5lvlx", "no5lvl"));
	assert_false(cmdline_find_option_bool("xno5lvl", "no5lvl"));
	assert_false(cmdline_find_option_bool("a=no5lvl", "no5lvl"));
	assert_false(cmdline_find_option_bool("no5lvl=1", "no5lvl"));
	assert_false(cmdline_find_option_bool("no5", "no5lvl"));
	assert_false(cmdline_find_option_bool("no5lvl", "no5"));
	assert_false(cmdline_find_option_bool("", "no5lvl"));
	assert_false(cmdline_find_option_bool(NULL, "no5lvl"));
	assert_false(cmdline_find_option_bool("no5lvl", ""));
}

static void test_find_option_bool_quoted(void **state)
{
	/* A word inside a quoted value belongs to that value. */
	assert_false(cmdline_find_option_bool("init=\"/bin/sh no5lvl\"", "no5lvl"));
	assert_false(cmdline_find_option_bool("a=\"x no5lvl y\" quiet", "no5lvl"));
	/* After the closing quote, words count again. */
	assert_true(cmdline_find_option_bool("a=\"x y\" no5lvl", "no5lvl"));
	assert_true(cmdline_find_option_bool("a=\"no5lvl\" no5lvl", "no5lvl"));
}

/* ---- kernel/params.c: the early and the __setup passes ---------------- */

static struct {
	int loglevel_calls;
	char loglevel_val[32];
	int flag_calls;
	bool flag_val_null;
	int bad_calls;
	int ktest_calls;
	char ktest_val[32];
	int quiet_calls;
	int reject_calls;
} seen;

static void record(char *dst, size_t size, const char *val)
{
	strscpy(dst, val ? val : "(null)", size);
}

static int loglevel_setup(char *val)
{
	seen.loglevel_calls++;
	record(seen.loglevel_val, sizeof(seen.loglevel_val), val);
	return 0;
}

static int earlyflag_setup(char *val)
{
	seen.flag_calls++;
	seen.flag_val_null = val == NULL;
	return 0;
}

static int bad_setup(char *val)
{
	seen.bad_calls++;
	return -EINVAL;
}

static int ktest_setup(char *val)
{
	seen.ktest_calls++;
	record(seen.ktest_val, sizeof(seen.ktest_val), val);
	return 1;
}

static int quiet_setup(char *val)
{
	seen.quiet_calls++;
	return 1;
}

static int reject_setup(char *val)
{
	seen.reject_calls++;
	return 0;	/* a __setup handler that did not take its value */
}

static const struct obs_kernel_param params[] = {
	{ "loglevel", loglevel_setup, 1 },
	{ "earlyflag", earlyflag_setup, 1 },
	{ "bad", bad_setup, 1 },
	{ "ktest=", ktest_setup, 0 },
	{ "quiet", quiet_setup, 0 },
	{ "reject=", reject_setup, 0 },
};

static const struct param_table table = { params, params + ARRAY_SIZE(params) };

static int reset_seen(void **state)
{
	memset(&seen, 0, sizeof(seen));
	printk_log_reset();
	return 0;
}

static void test_early_handlers(void **state)
{
	char line[] = "  loglevel=3 earlyflag ktest=1 quiet loglevel=\"7\"  ";

	parse_early_options(line, &table);
	/* Called for each occurrence, with the value, quotes removed. */
	assert_int_equal(seen.loglevel_calls, 2);
	assert_string_equal(seen.loglevel_val, "7");
	/* A word without '=' gives the handler NULL. */
	assert_int_equal(seen.flag_calls, 1);
	assert_true(seen.flag_val_null);
	/* __setup handlers wait for the second pass. */
	assert_int_equal(seen.ktest_calls, 0);
	assert_int_equal(seen.quiet_calls, 0);
	assert_false(printk_log_contains("Malformed"));
}

static void test_early_malformed(void **state)
{
	char line[] = "bad=x loglevel=4";

	parse_early_options(line, &table);
	assert_int_equal(seen.bad_calls, 1);
	assert_true(printk_log_contains("Malformed early option 'bad'"));
	/* The pass goes on after a malformed option. */
	assert_int_equal(seen.loglevel_calls, 1);
	assert_string_equal(seen.loglevel_val, "4");
	assert_false(printk_log_contains("'loglevel'"));
}

static void test_early_empty(void **state)
{
	char line[] = "   ";
	char empty[] = "";

	parse_early_options(line, &table);
	parse_early_options(empty, &table);
	assert_int_equal(seen.loglevel_calls + seen.flag_calls + seen.bad_calls, 0);
	assert_string_equal(printk_log, "");
}

static void test_setup_handlers(void **state)
{
	char unknown[128];
	char line[] = "ktest=\"a b\" quiet";
	int n;

	n = parse_setup_options(line, &table, unknown, sizeof(unknown));
	assert_int_equal(n, 0);
	assert_string_equal(unknown, "");
	assert_int_equal(seen.ktest_calls, 1);
	assert_string_equal(seen.ktest_val, "a b");
	assert_int_equal(seen.quiet_calls, 1);
	/* Early handlers are not run again. */
	assert_int_equal(seen.loglevel_calls, 0);
}

static void test_setup_unknown(void **state)
{
	char unknown[128];
	char line[] = "foo loglevel=3 ktest bar=baz earlyflag ktestx=1 ktest=2";
	int n;

	n = parse_setup_options(line, &table, unknown, sizeof(unknown));
	/*
	 * "ktest" without a value does not match __setup("ktest="), nor does
	 * "ktestx=1"; early parameters were handled by the first pass.
	 */
	assert_int_equal(n, 4);
	assert_string_equal(unknown, "foo ktest bar=baz ktestx=1");
	assert_int_equal(seen.ktest_calls, 1);
	assert_string_equal(seen.ktest_val, "2");
	assert_int_equal(seen.loglevel_calls, 0);
	assert_int_equal(seen.flag_calls, 0);
}

/* "--" ends the kernel's options: the rest is init's argv (Linux: parse_args). */
static void test_setup_dashes(void **state)
{
	char unknown[64];
	char line[] = "foo mod.x=1 -- ktest=1 bar";
	char early[] = "-- loglevel=3";
	int n;

	n = parse_setup_options(line, &table, unknown, sizeof(unknown));
	assert_int_equal(n, 1);
	assert_string_equal(unknown, "foo");
	assert_int_equal(seen.ktest_calls, 0);
	parse_early_options(early, &table);
	assert_int_equal(seen.loglevel_calls, 0);
}

static void test_setup_rejected(void **state)
{
	char unknown[64];
	char line[] = "reject=1";
	int n;

	n = parse_setup_options(line, &table, unknown, sizeof(unknown));
	assert_int_equal(seen.reject_calls, 1);
	assert_true(printk_log_contains("Malformed kernel command line option 'reject'"));
	/* Reported as malformed, not a second time as unknown. */
	assert_int_equal(n, 0);
	assert_string_equal(unknown, "");
}

static void test_setup_unknown_overflow(void **state)
{
	char unknown[12];
	char line[] = "aaaa bbbb cccc dddd eeee";
	int n;

	memset(unknown, 'Z', sizeof(unknown));
	n = parse_setup_options(line, &table, unknown, sizeof(unknown));
	/* All are counted even when the list is full; the list stays a string. */
	assert_int_equal(n, 5);
	assert_true(strnlen(unknown, sizeof(unknown)) < sizeof(unknown));
	assert_true(strncmp(unknown, "aaaa bbbb", 9) == 0);
}

static void test_both_passes(void **state)
{
	/* As the kernel runs them: each pass on its own copy of the line. */
	const char *cmdline = "loglevel=5 earlyflag ktest=abc quiet what";
	char copy[COMMAND_LINE_SIZE], unknown[64];

	strscpy(copy, cmdline, sizeof(copy));
	parse_early_options(copy, &table);
	strscpy(copy, cmdline, sizeof(copy));
	assert_int_equal(parse_setup_options(copy, &table, unknown, sizeof(unknown)), 1);
	assert_string_equal(unknown, "what");
	assert_int_equal(seen.loglevel_calls, 1);
	assert_string_equal(seen.loglevel_val, "5");
	assert_int_equal(seen.flag_calls, 1);
	assert_int_equal(seen.ktest_calls, 1);
	assert_string_equal(seen.ktest_val, "abc");
	assert_int_equal(seen.quiet_calls, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_arg_plain),
		cmocka_unit_test(test_next_arg_quotes),
		cmocka_unit_test(test_kstrtoull_ok),
		cmocka_unit_test(test_kstrtoull_invalid),
		cmocka_unit_test(test_kstrtoull_range),
		cmocka_unit_test(test_kstrtoul),
		cmocka_unit_test(test_kstrtoint),
		cmocka_unit_test(test_get_option_list),
		cmocka_unit_test(test_get_option_none),
		cmocka_unit_test(test_get_option_int_min),
		cmocka_unit_test(test_memparse_suffixes),
		cmocka_unit_test(test_memparse_retptr),
		cmocka_unit_test(test_find_option_bool),
		cmocka_unit_test(test_find_option_bool_quoted),
		cmocka_unit_test_setup(test_early_handlers, reset_seen),
		cmocka_unit_test_setup(test_early_malformed, reset_seen),
		cmocka_unit_test_setup(test_early_empty, reset_seen),
		cmocka_unit_test_setup(test_setup_handlers, reset_seen),
		cmocka_unit_test_setup(test_setup_unknown, reset_seen),
		cmocka_unit_test_setup(test_setup_dashes, reset_seen),
		cmocka_unit_test_setup(test_setup_rejected, reset_seen),
		cmocka_unit_test_setup(test_setup_unknown_overflow, reset_seen),
		cmocka_unit_test_setup(test_both_passes, reset_seen),
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
