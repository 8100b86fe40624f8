// SPDX-License-Identifier: GPL-2.0
/*
 * The in-kernel test runner (Linux: lib/kunit/test.c, executor.c).
 *
 * Runs the suites registered with kunit_test_suite() whose "suite.case"
 * names match the ktest= glob, and prints KTAP version 1 on the console,
 * nested the way KUnit nests it: the top level lists suites, each suite
 * is a subtest with its own plan. The host runner (scripts/qemu_runner.py)
 * checks that every plan matches its results. Linux's boot option is
 * kunit.filter_glob=; ours is ktest=, with "all" meaning "*".
 */
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/string.h>

extern struct kunit_suite *__start_ktest_suites[], *__stop_ktest_suites[];

static char ktest_glob[128];

static int ktest_setup(char *val)
{
	if (!val || !*val)
		return 0;
	strscpy(ktest_glob, strcmp(val, "all") ? val : "*", sizeof(ktest_glob));
	return 1;
}
__setup("ktest=", ktest_setup);
__setup_param("kunit.filter_glob=", kunit_filter_glob, ktest_setup, 0);

bool kunit_requested(void)
{
	return ktest_glob[0] != '\0';
}

const char *kunit_glob(void)
{
	return ktest_glob;
}

/* Shell-style match with '*' and '?' (Linux: lib/glob.c). */
bool glob_match(const char *pat, const char *str)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		char c = *str, d = *pat;

		if (d == '*') {
			back_pat = ++pat;
			back_str = str;
			continue;
		}
		if (c && (d == '?' || d == c)) {
			str++;
			pat++;
			continue;
		}
		if (!c && !d)
			return true;
		if (!back_pat || !*back_str)
			return false;
		str = ++back_str;	/* let the last '*' eat one more char */
		pat = back_pat;
	}
}

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	static char msg[512];
	va_list args;

	test->failed = true;
	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_INFO "        # %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
	printk(KERN_INFO "        %s\n", msg);
}

static bool case_selected(const struct kunit_suite *s, const struct kunit_case *c,
			  const char *glob)
{
	char full[160];

	snprintf(full, sizeof(full), "%s.%s", s->name, c->name);
	return glob_match(glob, full);
}

static int count_selected(const struct kunit_suite *s, const char *glob)
{
	int n = 0;

	for (const struct kunit_case *c = s->test_cases; c->run_case; c++)
		n += case_selected(s, c, glob);
	return n;
}

struct kunit_totals {
	int pass, fail, skip;
};

/*
 * Wait until the kernel threads a case started have exited and been
 * freed (at most 2 s): their stacks and structs are freed after their last
 * switch-out, maybe on another CPU, and would otherwise land in the next
 * case's free-page count.
 */
static void wait_for_case_tasks(unsigned long before)
{
	u64 until = ktime_get_ns() + 2000ULL * 1000000;

	while (nr_task_structs() > before && ktime_get_ns() < until)
		msleep(1);
}

/* Run one suite as a KTAP subtest; returns true if no case failed. */
static bool run_suite(const struct kunit_suite *s, const char *glob, int nr,
		      struct kunit_totals *tot)
{
	bool ok = true;
	int i = 0;

	pr_info("    KTAP version 1\n");
	pr_info("    # Subtest: %s\n", s->name);
	pr_info("    1..%d\n", count_selected(s, glob));
	for (const struct kunit_case *c = s->test_cases; c->run_case; c++) {
		struct kunit test = { .name = c->name };
		unsigned long tasks;

		if (!case_selected(s, c, glob))
			continue;
		tasks = nr_task_structs();
		c->run_case(&test);
		wait_for_case_tasks(tasks);
		i++;
		if (test.failed) {
			ok = false;
			tot->fail++;
			pr_info("    not ok %d %s\n", i, c->name);
		} else if (test.skipped) {
			tot->skip++;
			pr_info("    ok %d %s # SKIP %s\n", i, c->name, test.skip_reason);
		} else {
			tot->pass++;
			pr_info("    ok %d %s\n", i, c->name);
		}
	}
	pr_info("%s %d %s\n", ok ? "ok" : "not ok", nr, s->name);
	return ok;
}

int kunit_run_tests(const char *glob)
{
	struct kunit_totals tot = { 0 };
	struct kunit_suite **sp;
	int nr_suites = 0, nr = 0, failed = 0;

	for (sp = __start_ktest_suites; sp < __stop_ktest_suites; sp++)
		nr_suites += count_selected(*sp, glob) > 0;

	if (!nr_suites)
		pr_warn("ktest: no test matches '%s'\n", glob);
	pr_info("KTAP version 1\n");
	pr_info("1..%d\n", nr_suites);
	for (sp = __start_ktest_suites; sp < __stop_ktest_suites; sp++) {
		if (!count_selected(*sp, glob))
			continue;
		failed += !run_suite(*sp, glob, ++nr, &tot);
	}
	pr_info("# Totals: pass:%d fail:%d skip:%d total:%d\n", tot.pass, tot.fail,
		tot.skip, tot.pass + tot.fail + tot.skip);
	return failed;
}
