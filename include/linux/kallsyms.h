/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address -> symbol lookup (kernel/kallsyms.c). The table is generated at
 * build time from the linked kernel by scripts/kallsyms.py, as Linux's
 * scripts/kallsyms does, and linked in on a second pass.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 128
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 40)

/* Name, offset into and size of the function containing addr; NULL if none. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
/* "func+0x1a/0x40" into buf (what printk's %pS prints). */
int sprint_symbol(char *buf, size_t size, unsigned long addr);
unsigned long kallsyms_lookup_name(const char *name);

#endif /* _LINUX_KALLSYMS_H */
