// SPDX-License-Identifier: GPL-2.0
/*
 * Running the boot-option handlers over the kernel command line.
 *
 * Linux: do_early_param() and parse_early_param() in init/main.c,
 * obsolete_checksetup() and unknown_bootoption() there too, and
 * parse_args() in kernel/params.c. Two passes, as in Linux: early_param()
 * handlers first (from setup_arch), then __setup() handlers (from
 * start_kernel). A parameter that no handler knows is reported once, in
 * the second pass; init/main.c passes such words on to init, as Linux
 * does (name=value into its environment, the rest into its argv). Both
 * passes stop at "--": what follows is init's argv alone. Module
 * parameters ("mod.param=") are left out: there are no modules, and an
 * unknown one is dropped silently, as Linux drops it.
 *
 * Works on a table range so the host tests can drive it with their own
 * handlers; the kernel passes the .init.setup section.
 */
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/printk.h>
#include <linux/string.h>

/* Does handler string hs ("loglevel" or "ktest=") name this parameter? */
static bool param_matches(const char *hs, const char *param, const char *val)
{
	size_t n = strlen(hs);

	if (n && hs[n - 1] == '=')	/* __setup("x=") wants "x=..." */
		return val && !strncmp(hs, param, n - 1) && !param[n - 1];
	return !strcmp(hs, param);
}

void parse_early_options(char *cmdline, const struct param_table *t)
{
	char *param, *val;

	cmdline = skip_spaces(cmdline);
	while (*cmdline) {
		cmdline = next_arg(cmdline, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;		/* the rest is init's (Linux: parse_args) */
		for (const struct obs_kernel_param *p = t->start; p < t->end; p++) {
			if (!p->early || !param_matches(p->str, param, val))
				continue;
			if (p->setup_func(val) != 0)
				pr_warn("Malformed early option '%s'\n", param);
		}
	}
}

static bool known_early(const char *param, const char *val,
			const struct param_table *t)
{
	for (const struct obs_kernel_param *p = t->start; p < t->end; p++)
		if (p->early && param_matches(p->str, param, val))
			return true;
	return false;
}

static void add_unknown(char *unknown, unsigned int size, const char *param,
			const char *val)
{
	size_t len = strlen(unknown);

	if (len + 2 >= size)
		return;
	snprintf(unknown + len, size - len, "%s%s%s%s", len ? " " : "", param,
		 val ? "=" : "", val ? val : "");
}

/* Returns the number of unknown parameters, listed in unknown[]. */
int parse_setup_options(char *cmdline, const struct param_table *t,
			char *unknown, unsigned int unknown_size)
{
	char *param, *val;
	int nr_unknown = 0;

	unknown[0] = '\0';
	cmdline = skip_spaces(cmdline);
	while (*cmdline) {
		bool handled = false;

		cmdline = next_arg(cmdline, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		for (const struct obs_kernel_param *p = t->start; p < t->end; p++) {
			if (p->early || !param_matches(p->str, param, val))
				continue;
			handled = p->setup_func(val) > 0;
			if (!handled)
				pr_warn("Malformed kernel command line option '%s'\n", param);
			handled = true;
			break;
		}
		/* Linux: unknown_bootoption() drops an unused module parameter. */
		if (!handled && !known_early(param, val, t) && !strchr(param, '.')) {
			add_unknown(unknown, unknown_size, param, val);
			nr_unknown++;
		}
	}
	return nr_unknown;
}

#ifdef __KERNEL__
static const struct param_table setup_table = { __setup_start, __setup_end };
static char tmp_cmdline[COMMAND_LINE_SIZE];

void parse_early_param(void)
{
	strscpy(tmp_cmdline, boot_command_line, sizeof(tmp_cmdline));
	parse_early_options(tmp_cmdline, &setup_table);
}

void parse_boot_params(void)
{
	static char unknown[256];

	strscpy(tmp_cmdline, boot_command_line, sizeof(tmp_cmdline));
	if (parse_setup_options(tmp_cmdline, &setup_table, unknown, sizeof(unknown)))
		pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			  unknown);
}
#endif
