/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-option registration, as Linux's include/linux/init.h:
 *
 *   early_param("loglevel", loglevel_setup);   handled in setup_arch(),
 *       before most of the kernel is up; fn gets the text after '=' (or
 *       NULL), returns 0 if it accepted it, an error if malformed.
 *   __setup("ktest=", ktest_setup);            handled later, in
 *       start_kernel(); fn gets the text after '=', returns 1 if handled.
 *
 * Each registration is a struct obs_kernel_param placed in the
 * .init.setup section; the linker script gathers them between
 * __setup_start and __setup_end.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define COMMAND_LINE_SIZE 2048

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	int early;
};

#define __setup_param(str, unique_id, fn, early)                        \
	static const char __setup_str_##unique_id[] = str;              \
	static const struct obs_kernel_param __setup_##unique_id        \
		__used __section(".init.setup") __aligned(8) = {        \
			__setup_str_##unique_id, fn, early }

#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

extern char boot_command_line[COMMAND_LINE_SIZE];
extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* kernel/params.c: run the registered handlers over a command line. */
struct param_table {
	const struct obs_kernel_param *start, *end;
};
void parse_early_options(char *cmdline, const struct param_table *t);
int parse_setup_options(char *cmdline, const struct param_table *t,
			char *unknown, unsigned int unknown_size);
void parse_early_param(void);
void parse_boot_params(void);

#endif /* _LINUX_INIT_H */
