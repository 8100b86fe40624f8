// SPDX-License-Identifier: GPL-2.0
/*
 * init_mm: the kernel's own address space (Linux: mm/init-mm.c). It has
 * no VMAs; its pgd is the kernel's table, init_top_pgt (set by init_mem_mapping), whose upper half
 * every process's pgd copies (pgd_alloc in mm/pgtable.c). Kernel threads
 * run on it: Linnet switches a CPU to init_mm whenever it runs a task
 * without an mm, where Linux keeps the previous user mm loaded ("lazy
 * TLB") to save a CR3 write. Its mm_users and mm_count never reach zero.
 */
#include <asm/pgalloc.h>
#include <linux/mm.h>

struct mm_struct init_mm = {
	.mm_rb = RB_ROOT,
	.mm_users = ATOMIC_INIT(2),
	.mm_count = ATOMIC_INIT(1),
	.page_table_lock = __SPIN_LOCK_UNLOCKED(init_mm.page_table_lock),
	.mmap_lock = __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.mmlist = LIST_HEAD_INIT(init_mm.mmlist),
};
