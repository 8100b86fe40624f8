/* SPDX-License-Identifier: GPL-2.0 */
/* Command-line parsing helpers (lib/cmdline.c, lib/kstrtox.c). */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

char *next_arg(char *args, char **param, char **val);
int get_option(char **str, int *pint);
unsigned long long memparse(const char *ptr, char **retptr);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoint(const char *s, unsigned int base, int *res);
bool cmdline_find_option_bool(const char *cmdline, const char *option);

#endif /* _LINUX_CMDLINE_H */
