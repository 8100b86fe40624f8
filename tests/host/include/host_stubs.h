/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host unit tests provide in place of the kernel (tests/host/stubs.c),
 * in the manner of Linux's tools/testing/memblock and tools/include stubs:
 * printk writes into a buffer the tests can inspect, the paging-mode
 * variables are plain globals the tests set, and __va/__pa are the identity
 * (page_offset_base == 0) so malloc'd memory stands in for RAM.
 */
#ifndef _HOST_STUBS_H
#define _HOST_STUBS_H

#include <stdbool.h>
#include <stddef.h>

/* Everything printk'd since the last printk_log_reset(), levels stripped. */
extern char printk_log[65536];
void printk_log_reset(void);
bool printk_log_contains(const char *needle);

/* WARN_ON()s seen so far (the host __warn counts instead of tracing). */
extern int host_warn_count;

/* Switch the page-table helpers between 4-level and 5-level paging. */
void host_set_paging_levels(int levels);

#endif /* _HOST_STUBS_H */
