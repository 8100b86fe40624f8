/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the VFS, fd-table and shmem suites' leak checks. */
#ifndef _TESTS_KERNEL_KUNIT_PAGES_H
#define _TESTS_KERNEL_KUNIT_PAGES_H

/* Free pages after every slab cache is shrunk and the pcp lists drained. */
unsigned long shrunk_free_pages(void);

#endif /* _TESTS_KERNEL_KUNIT_PAGES_H */
