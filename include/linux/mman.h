/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mmap family's flags, Linux's x86-64 values (Linux:
 * include/uapi/asm-generic/mman-common.h, include/uapi/linux/mman.h,
 * arch/x86/include/uapi/asm/mman.h, include/linux/mman.h), and the
 * translation of PROT_ and MAP_ bits into a VMA's VM_ flags.
 */
#ifndef _LINUX_MMAN_H
#define _LINUX_MMAN_H

#include <linux/mm.h>

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8
#define PROT_GROWSDOWN	0x01000000	/* mprotect: extend the change down a stack VMA */
#define PROT_GROWSUP	0x02000000

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_SHARED_VALIDATE 0x03	/* MAP_SHARED, and unknown flags are an error */
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_ANON	MAP_ANONYMOUS
#define MAP_32BIT	0x40
#define MAP_GROWSDOWN	0x0100
#define MAP_DENYWRITE	0x0800
#define MAP_EXECUTABLE	0x1000
#define MAP_LOCKED	0x2000
#define MAP_NORESERVE	0x4000
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_HUGETLB	0x40000
#define MAP_SYNC	0x80000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_UNINITIALIZED 0x4000000

/* The flags MAP_SHARED_VALIDATE accepts (Linux: LEGACY_MAP_MASK). */
#define LEGACY_MAP_MASK (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | \
			 MAP_DENYWRITE | MAP_EXECUTABLE | MAP_UNINITIALIZED | \
			 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2
#define MREMAP_DONTUNMAP 4

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11
#define MADV_MERGEABLE	12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE	14
#define MADV_NOHUGEPAGE	15
#define MADV_DONTDUMP	16
#define MADV_DODUMP	17
#define MADV_WIPEONFORK	18
#define MADV_KEEPONFORK	19
#define MADV_COLD	20
#define MADV_PAGEOUT	21
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#define MADV_DONTNEED_LOCKED 24
#define MADV_HWPOISON	100
#define MADV_SOFT_OFFLINE 101

/* PROT_READ -> VM_READ ... (Linux: calc_vm_prot_bits; the bit values agree). */
static inline vm_flags_t calc_vm_prot_bits(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/* MAP_GROWSDOWN -> VM_GROWSDOWN, MAP_LOCKED -> VM_LOCKED (Linux: calc_vm_flag_bits). */
static inline vm_flags_t calc_vm_flag_bits(unsigned long flags)
{
	return (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0) |
	       (flags & MAP_LOCKED ? VM_LOCKED : 0);
}

/*
 * Overcommit accounting (Linux: include/linux/mman.h, mm/util.c;
 * docs/mm/overcommit-oom.md). Committed_AS is the pages private writable
 * mappings (VM_ACCOUNT) and shmem objects could need; __vm_enough_memory
 * decides whether pages more may be committed under the mode in
 * sysctl_overcommit_memory, and charges them if so.
 */
#define OVERCOMMIT_GUESS	0	/* heuristic: refuse only the obviously impossible */
#define OVERCOMMIT_ALWAYS	1	/* never refuse */
#define OVERCOMMIT_NEVER	2	/* strict: Committed_AS <= CommitLimit */

extern int sysctl_overcommit_memory;		/* /proc/sys/vm/overcommit_memory */
extern int sysctl_overcommit_ratio;		/* /proc/sys/vm/overcommit_ratio, percent (50) */
extern unsigned long sysctl_overcommit_kbytes;	/* /proc/sys/vm/overcommit_kbytes (0: use ratio) */
extern unsigned long sysctl_user_reserve_kbytes;
extern unsigned long sysctl_admin_reserve_kbytes;

void vm_acct_memory(long pages);
void vm_unacct_memory(long pages);
unsigned long vm_memory_committed(void);	/* Committed_AS, in pages */
unsigned long vm_commit_limit(void);		/* CommitLimit, in pages */
/* 0 and pages charged, or -ENOMEM (nothing charged); cap_sys_admin: the admin reserve. */
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin);
static inline int security_vm_enough_memory_mm(struct mm_struct *mm, long pages)
{
	return __vm_enough_memory(mm, pages, 1);	/* every task is root */
}

#endif /* _LINUX_MMAN_H */
