/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktap.h - KTAP output for Linnet's user programs (user/tests, user/fuzz).
 *
 * The same KTAP version 1 the kernel's KUnit runner prints
 * (lib/kunit/test.c, Linux's Documentation/dev-tools/ktap.rst), written
 * with one write(2) per line so that a kernel message printed meanwhile
 * cannot cut a line in two. KTAP_INDENT spaces go in front of every line:
 * run as a case of the kernel's "user" suite (tests/kernel/user_kunit.c),
 * a program prints at 8 so its results nest under that case; run alone
 * (init= on Linux or Linnet) it prints at 0.
 */
#ifndef _USER_KTAP_H
#define _USER_KTAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* one variable for every file of a program (a weak definition in each) */
int ktap_indent __attribute__((weak));
int ktap_quiet __attribute__((weak));	/* -q: print nothing (a warm-up run) */

static void __attribute__((format(printf, 1, 2))) ktap_line(const char *fmt, ...)
{
	char buf[512];
	int n = 0;
	va_list ap;

	if (ktap_quiet)
		return;
	if (ktap_indent > 0 && ktap_indent < 64) {
		memset(buf, ' ', ktap_indent);
		n = ktap_indent;
	}
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	(void)!write(1, buf, n);
}

/* A "# ..." diagnostic line, KUnit's format for what a case found. */
#define ktap_diag(fmt, ...) ktap_line("# " fmt, ##__VA_ARGS__)

#endif /* _USER_KTAP_H */
