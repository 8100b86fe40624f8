// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping and unmapping user memory (Linux <= 6.0: mm/mmap.c, and
 * dup_mmap from kernel/fork.c). The VMA tree, list and gaps, and
 * splitting and merging, are in mm/vma.c; this file builds on them:
 * vm_get_page_prot (protection_map), vm_stat_account and may_expand_vm,
 * get_unmapped_area, do_mmap/mmap_region and the mmap system call,
 * do_munmap/unmap_region and munmap, do_brk_flags/vm_brk_flags and brk,
 * expand_stack with stack_guard_gap, dup_mmap (fork), exit_mmap and
 * mm_populate. mm/util.c has vm_mmap and the layout (ASLR);
 * mm/mprotect.c, mm/mremap.c, mm/madvise.c and mm/msync.c the other
 * system calls.
 *
 * File mappings: do_mmap checks the file against the request as Linux
 * does (-EACCES for PROT_WRITE|MAP_SHARED without FMODE_WRITE or any
 * mapping without FMODE_READ, -ENODEV without ->mmap, -EOVERFLOW past
 * the largest offset, -EOPNOTSUPP for unknown MAP_SHARED_VALIDATE flags;
 * MAP_SHARED of a read-only file is a VM_MAYSHARE mapping that can never
 * be made writable), mmap_region takes a file reference in vm_file and
 * calls ->mmap (shmem_mmap: vm_ops = shmem_vm_ops), and linking the VMA
 * puts it into the file's i_mmap (mm/vma.c, mm/interval_tree.c).
 * MAP_SHARED|MAP_ANONYMOUS memory is a shmem file nobody sees, as in
 * Linux (shmem_zero_setup in mm/shmem.c), so parent and child of a fork
 * share its pages whenever they are faulted.
 *
 * Left out: anon_vma and the reverse map, mlock (MAP_LOCKED and
 * MAP_POPULATE only fault the range in: mm_populate), userfaultfd,
 * memory policies, VM_GROWSUP, noexec mounts (path_noexec), hugetlbfs,
 * ->get_unmapped_area of a file and ->mmap_supported_flags (MAP_SYNC is
 * -EOPNOTSUPP for every file, as for tmpfs in Linux).
 *
 * Committed_AS is charged where Linux charges it (VM_ACCOUNT:
 * mmap_region, do_brk_flags, expand_stack, dup_mmap; given back by
 * do_munmap and exit_mmap; docs/mm/overcommit-oom.md).
 */
#include <asm/processor.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <linux/file.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/oom.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include "internal.h"

unsigned long mmap_min_addr = 65536;
unsigned long stack_guard_gap = 256UL << PAGE_SHIFT;
int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

unsigned long mm_rlimit(unsigned int limit, unsigned long dflt)
{
	if (!current->signal)
		return dflt;
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

/*
 * Protections of user PTEs by VM_READ|VM_WRITE|VM_EXEC|VM_SHARED (Linux:
 * protection_map, __P000..__S111 in arch/x86/include/asm/pgtable_types.h).
 * A private writable mapping gets read-only PTEs (PAGE_COPY): the first
 * write faults, do_anonymous_page() or do_wp_page() then installs a
 * writable PTE for a page of its own (maybe_mkwrite), and after fork the
 * read-only PTE is what makes the page copy-on-write. Only shared
 * writable mappings get PAGE_SHARED. x86 cannot express write-only or
 * exec-only: write implies read, exec implies read. NX unless VM_EXEC.
 *
 * PAGE_NONE, as in Linux, is a PTE without _PAGE_PRESENT that keeps its
 * page, marked _PAGE_PROTNONE (the Global bit, meaningless in a
 * not-present entry): every access faults, the user's and the kernel's
 * (copy_to_user gets -EFAULT), and access_error() refuses it. Linux's
 * pte_present() counts _PAGE_PROTNONE as present; Linnet's does not, but
 * mm/memory.c treats every PTE that is not pte_none() as holding its page
 * (zap, fork, mremap), and change_protection() rewrites them all.
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL
#define __UP (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_NONE_PROT (_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_SHARED_PROT (__UP | _PAGE_RW | _PAGE_NX)
#define PAGE_SHARED_EXEC_PROT (__UP | _PAGE_RW)
#define PAGE_COPY_PROT (__UP | _PAGE_NX)
#define PAGE_COPY_EXEC_PROT (__UP)
#define PAGE_READONLY_PROT (__UP | _PAGE_NX)
#define PAGE_READONLY_EXEC_PROT (__UP)

static const pteval_t protection_map[16] = {
	[VM_NONE]					= PAGE_NONE_PROT,
	[VM_READ]					= PAGE_READONLY_PROT,
	[VM_WRITE]					= PAGE_COPY_PROT,
	[VM_WRITE | VM_READ]				= PAGE_COPY_PROT,
	[VM_EXEC]					= PAGE_READONLY_EXEC_PROT,
	[VM_EXEC | VM_READ]				= PAGE_READONLY_EXEC_PROT,
	[VM_EXEC | VM_WRITE]				= PAGE_COPY_EXEC_PROT,
	[VM_EXEC | VM_WRITE | VM_READ]			= PAGE_COPY_EXEC_PROT,
	[VM_SHARED]					= PAGE_NONE_PROT,
	[VM_SHARED | VM_READ]				= PAGE_READONLY_PROT,
	[VM_SHARED | VM_WRITE]				= PAGE_SHARED_PROT,
	[VM_SHARED | VM_WRITE | VM_READ]		= PAGE_SHARED_PROT,
	[VM_SHARED | VM_EXEC]				= PAGE_READONLY_EXEC_PROT,
	[VM_SHARED | VM_EXEC | VM_READ]			= PAGE_READONLY_EXEC_PROT,
	[VM_SHARED | VM_EXEC | VM_WRITE]		= PAGE_SHARED_EXEC_PROT,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ]	= PAGE_SHARED_EXEC_PROT,
};

extern pteval_t __supported_pte_mask;

pgprot_t vm_get_page_prot(vm_flags_t vm_flags)
{
	pteval_t prot = protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)];

#ifndef HOST_TEST
	/* No NX bit on a CPU without NX; PROTNONE is not present, so keeps its bit. */
	if (prot & _PAGE_PRESENT)
		prot &= __supported_pte_mask;
#endif
	return __pgprot(prot);
}

void vma_set_page_prot(struct vm_area_struct *vma)
{
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
}

/* ---- counters --------------------------------------------------------- */

void vm_stat_account(struct mm_struct *mm, vm_flags_t flags, long npages)
{
	mm->total_vm += npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_STACK)) == VM_EXEC)
		mm->exec_vm += npages;
	else if (flags & VM_STACK)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE)
		mm->data_vm += npages;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
}

bool may_expand_vm(struct mm_struct *mm, vm_flags_t flags, unsigned long npages)
{
	if (mm->total_vm + npages > mm_rlimit(RLIMIT_AS, RLIM_INFINITY) >> PAGE_SHIFT)
		return false;
	if ((flags & (VM_WRITE | VM_SHARED | VM_STACK)) == VM_WRITE &&
	    mm->data_vm + npages > mm_rlimit(RLIMIT_DATA, RLIM_INFINITY) >> PAGE_SHIFT)
		return false;
	return true;
}

/*
 * Where a mapping of len goes (Linux: get_unmapped_area): the arch picks
 * (top-down, mm/util.c), then the result is checked against the end of
 * user space and mmap_min_addr (Linux's security_mmap_addr: -EPERM).
 */
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	if (len > TASK_SIZE)
		return -ENOMEM;
	addr = arch_get_unmapped_area_topdown(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (offset_in_page(addr))
		return -EINVAL;
	if (addr < mmap_min_addr)
		return -EPERM;
	return addr;
}

/* ---- mmap ------------------------------------------------------------- */

/* Unmap whatever lies in [addr, addr + len) and find where the new VMA links. */
static int munmap_vma_range(struct mm_struct *mm, unsigned long addr, unsigned long len,
			    struct vm_area_struct **pprev)
{
	struct rb_node **rb_link, *rb_parent;

	while (find_vma_links(mm, addr, addr + len, pprev, &rb_link, &rb_parent))
		if (do_munmap(mm, addr, len))
			return -ENOMEM;
	return 0;
}

/*
 * Is this mapping committed memory (Linux: accountable_mapping)? Private
 * and writable, and not MAP_NORESERVE (do_mmap sets VM_NORESERVE only
 * when the overcommit mode honours it). Shared anonymous memory is
 * charged by its shmem object instead (shmem_zero_setup).
 */
static inline int accountable_mapping(struct file *file, vm_flags_t vm_flags)
{
	return (vm_flags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
}

static unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
				 vm_flags_t vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long npages = len >> PAGE_SHIFT;
	unsigned long charged = 0;
	int error;

	if (!may_expand_vm(mm, vm_flags, npages)) {
		/* MAP_FIXED may replace what is there: count only the growth. */
		unsigned long nr = npages, start = addr, end = addr + len;

		for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma->vm_next)
			nr -= (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
		if (!may_expand_vm(mm, vm_flags, nr))
			return -ENOMEM;
	}
	if (munmap_vma_range(mm, addr, len, &prev))
		return -ENOMEM;

	/* Private writable: check the overcommit policy, charge Committed_AS. */
	if (accountable_mapping(file, vm_flags)) {
		charged = npages;
		if (security_vm_enough_memory_mm(mm, charged))
			return -ENOMEM;
		vm_flags |= VM_ACCOUNT;
	}

	vma = vma_merge(mm, prev, addr, addr + len, vm_flags, file, pgoff);
	if (vma)
		goto out;

	error = -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		goto unacct_error;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (file) {
		/* Refused while a seal denies writable mappings (F_SEAL_WRITE). */
		if (vm_flags & VM_SHARED) {
			error = mapping_map_writable(file->f_mapping);
			if (error) {
				vm_area_free(vma);
				goto unacct_error;
			}
		}
		vma->vm_file = get_file(file);
		error = file->f_op->mmap(file, vma);	/* Linux: call_mmap */
		if (error) {
			fput(vma->vm_file);
			vm_area_free(vma);
			if (vm_flags & VM_SHARED)
				mapping_unmap_writable(file->f_mapping);
			goto unacct_error;
		}
		vm_flags = vma->vm_flags;	/* ->mmap may change them */
	} else if (vm_flags & VM_SHARED) {
		error = shmem_zero_setup(vma);
		if (error) {
			vm_area_free(vma);
			goto unacct_error;
		}
	}
	vma_set_page_prot(vma);
	if (vma_link_new(mm, vma)) {
		remove_vma(vma);
		if (file && (vm_flags & VM_SHARED))
			mapping_unmap_writable(file->f_mapping);
		error = -ENOMEM;
		goto unacct_error;
	}
	/* The VMA holds the file writable now (vma_link_file): drop mmap_region's count. */
	if (file && (vm_flags & VM_SHARED))
		mapping_unmap_writable(file->f_mapping);
out:
	vm_stat_account(mm, vm_flags, npages);
	return addr;

unacct_error:
	if (charged)
		vm_unacct_memory(charged);
	return error;
}

/*
 * The largest size a mapping of file may reach (Linux:
 * file_mmap_size_max/file_mmap_ok): a regular file's offsets go to
 * MAX_LFS_FILESIZE; other files (a device) may use the whole unsigned
 * range.
 */
static bool file_mmap_ok(struct file *file, struct inode *inode, unsigned long pgoff,
			 unsigned long len)
{
	u64 maxsize = S_ISREG(inode->i_mode) ? (u64)MAX_LFS_FILESIZE : ULONG_MAX;

	if (len > maxsize)
		return false;
	maxsize -= len;
	return pgoff <= maxsize >> PAGE_SHIFT;
}

/* A hint below mmap_min_addr is raised to it (Linux: round_hint_to_min). */
static unsigned long round_hint_to_min(unsigned long hint)
{
	hint &= PAGE_MASK;
	if (hint && hint < PAGE_ALIGN(mmap_min_addr))
		return PAGE_ALIGN(mmap_min_addr);
	return hint;
}

/*
 * Map len bytes at (or near, or anywhere for) addr into current->mm, with
 * mmap_write_lock held. Returns the address or -errno (Linux: do_mmap).
 */
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flags, unsigned long pgoff,
		      unsigned long *populate)
{
	struct mm_struct *mm = current->mm;
	vm_flags_t vm_flags;

	*populate = 0;
	if (!len)
		return -EINVAL;
	/* MAP_FIXED_NOREPLACE is MAP_FIXED that refuses to replace. */
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!(flags & MAP_FIXED))
		addr = round_hint_to_min(addr);
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;

	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (flags & MAP_FIXED_NOREPLACE) {
		if (find_vma_intersection(mm, addr, addr + len))
			return -EEXIST;
	}

	vm_flags = calc_vm_prot_bits(prot) | calc_vm_flag_bits(flags) | mm->def_flags |
		   VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (file) {
		struct inode *inode = file_inode(file);

		if (!file_mmap_ok(file, inode, pgoff, len))
			return -EOVERFLOW;
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			/* Plain MAP_SHARED ignores unknown flags, as it always did. */
			flags &= LEGACY_MAP_MASK;
			fallthrough;
		case MAP_SHARED_VALIDATE:
			if (flags & ~LEGACY_MAP_MASK)
				return -EOPNOTSUPP;
			if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
				return -EACCES;
			/* An append-only file must not be changed through a mapping. */
			if (IS_APPEND(inode) && (file->f_mode & FMODE_WRITE))
				return -EACCES;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			/* Read-only file: shared, but never writable (mprotect refuses too). */
			if (!(file->f_mode & FMODE_WRITE))
				vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
			fallthrough;
		case MAP_PRIVATE:
			if (!(file->f_mode & FMODE_READ))
				return -EACCES;
			if (!file->f_op->mmap)
				return -ENODEV;
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			break;
		default:
			return -EINVAL;
		}
	} else {
		/* Anonymous: MAP_SHARED_VALIDATE (= MAP_SHARED|MAP_PRIVATE) is -EINVAL, as Linux. */
		switch (flags & MAP_TYPE) {
		case MAP_SHARED:
			if (vm_flags & VM_GROWSDOWN)
				return -EINVAL;
			vm_flags |= VM_SHARED | VM_MAYSHARE;
			break;
		case MAP_PRIVATE:
			break;
		default:
			return -EINVAL;
		}
		/*
		 * Private: pgoff is the page number, so neighbours' pgoffs line
		 * up for merging (Linux: for anon_vma). Shared: the offset in
		 * its shmem file, from 0.
		 */
		pgoff = (vm_flags & VM_SHARED) ? 0 : addr >> PAGE_SHIFT;
	}
	/* MAP_NORESERVE is honoured only where overcommit is allowed (modes 0 and 1). */
	if ((flags & MAP_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		vm_flags |= VM_NORESERVE;

	addr = mmap_region(file, addr, len, vm_flags, pgoff);
	if (!IS_ERR_VALUE(addr) && ((vm_flags & VM_LOCKED) ||
				    (flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE))
		*populate = len;
	return addr;
}

/* The mmap system call's checks before do_mmap (Linux: ksys_mmap_pgoff). */
static unsigned long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
				     unsigned long prot, unsigned long flags,
				     unsigned long fd, unsigned long pgoff)
{
	if (!(flags & MAP_ANONYMOUS)) {
		struct file *file = current->files ? fget(fd) : NULL;	/* a kthread may have none */
		unsigned long ret;

		if (!file)
			return -EBADF;
		if (flags & MAP_HUGETLB) {
			fput(file);
			return -EINVAL;	/* not a hugetlbfs file */
		}
		ret = vm_mmap_pgoff(file, addr, len, prot, flags, pgoff);
		fput(file);
		return ret;
	}
	if (flags & MAP_HUGETLB)
		return -ENOMEM;		/* no huge pages reserved (Linux: hugetlb_file_setup) */
	return vm_mmap_pgoff(NULL, addr, len, prot, flags, pgoff);
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	if (offset_in_page(off))
		return -EINVAL;
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, off >> PAGE_SHIFT);
}

/* ---- munmap ----------------------------------------------------------- */

/* Clear PTEs, flush, free pages and page tables of [start, end) (Linux: unmap_region). */
static void unmap_region(struct mm_struct *mm, struct vm_area_struct *vma,
			 struct vm_area_struct *prev, unsigned long start, unsigned long end)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, mm);
	update_hiwater_rss(mm);
	unmap_vmas(&tlb, vma, start, end);
	free_pgtables(&tlb, vma, prev ? prev->vm_end : FIRST_USER_ADDRESS,
		      next ? next->vm_start : USER_PGTABLES_CEILING);
	tlb_finish_mmu(&tlb);
}

int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	struct vm_area_struct *vma, *prev, *last, *tail, *next;
	unsigned long end, nr_accounted = 0;
	int error;

	if (offset_in_page(start) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (!len)
		return -EINVAL;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	prev = vma->vm_prev;

	/* Split off the parts that stay: below start, above end. */
	if (start > vma->vm_start) {
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		error = __split_vma(mm, vma, start, 0);
		if (error)
			return error;
		prev = vma;
	}
	last = find_vma(mm, end);
	if (last && end > last->vm_start) {
		error = __split_vma(mm, last, end, 1);
		if (error)
			return error;
	}
	vma = prev ? prev->vm_next : mm->mmap;

	/* Detach [vma, tail] from tree and list into a list of their own (Linux: detach_vmas_to_be_unmapped). */
	for (tail = vma; tail->vm_next && tail->vm_next->vm_start < end; tail = tail->vm_next)
		;
	next = tail->vm_next;
	for (struct vm_area_struct *v = vma;; v = v->vm_next) {
		vma_rb_erase(v, &mm->mm_rb);
		mm->map_count--;
		if (v == tail)
			break;
	}
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next) {
		next->vm_prev = prev;
		vma_gap_update(next);
	} else {
		mm->highest_vm_end = prev ? vm_end_gap(prev) : 0;
	}
	vma->vm_prev = NULL;
	tail->vm_next = NULL;

	unmap_region(mm, vma, prev, start, end);

	/* Linux: remove_vma_list; what was committed is given back. */
	while (vma) {
		long nrpages = vma_pages(vma);

		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += nrpages;
		vm_stat_account(mm, vma->vm_flags, -nrpages);
		vma = remove_vma(vma);
	}
	vm_unacct_memory(nr_accounted);
	return 0;
}

int vm_munmap(unsigned long start, size_t len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mmap_write_lock(mm);
	ret = do_munmap(mm, start, len);
	mmap_write_unlock(mm);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return vm_munmap(addr, len);
}

/* ---- brk -------------------------------------------------------------- */

/* An anonymous data mapping at a fixed place (Linux: do_brk_flags); mmap_lock held. */
static int do_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma, *prev;
	unsigned long error;
	pgoff_t pgoff = addr >> PAGE_SHIFT;

	if (flags & ~VM_EXEC)
		return -EINVAL;
	flags |= VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT | mm->def_flags;

	error = get_unmapped_area(NULL, addr, len, 0, MAP_FIXED);
	if (IS_ERR_VALUE(error))
		return error;
	if (!may_expand_vm(mm, flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (mm->map_count > sysctl_max_map_count)
		return -ENOMEM;
	if (munmap_vma_range(mm, addr, len, &prev))
		return -ENOMEM;
	if (security_vm_enough_memory_mm(mm, len >> PAGE_SHIFT))
		return -ENOMEM;

	vma = vma_merge(mm, prev, addr, addr + len, flags, NULL, pgoff);
	if (vma)
		goto out;
	vma = vm_area_alloc(mm);
	if (!vma) {
		vm_unacct_memory(len >> PAGE_SHIFT);
		return -ENOMEM;
	}
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_pgoff = pgoff;
	vma->vm_flags = flags;
	vma_set_page_prot(vma);
	if (vma_link_new(mm, vma)) {
		remove_vma(vma);
		vm_unacct_memory(len >> PAGE_SHIFT);
		return -ENOMEM;
	}
out:
	vm_stat_account(mm, flags, len >> PAGE_SHIFT);
	return 0;
}

int vm_brk_flags(unsigned long addr, unsigned long request, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(request);
	int ret;

	if (len < request)
		return -ENOMEM;
	if (!len)
		return 0;
	mmap_write_lock(mm);
	ret = do_brk_flags(addr, len, flags);
	mmap_write_unlock(mm);
	return ret;
}

/*
 * brk: move the end of the data segment. Returns the new break, or the
 * old one when the request is refused (below start_brk, over RLIMIT_DATA,
 * into the next mapping or its guard page, out of memory), as Linux does.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk, origbrk;
	struct vm_area_struct *next;

	mmap_write_lock(mm);
	origbrk = mm->brk;
	if (brk < mm->start_brk)
		goto out;
	if (mm_rlimit(RLIMIT_DATA, RLIM_INFINITY) < RLIM_INFINITY &&
	    brk - mm->start_brk + (mm->end_data - mm->start_data) >
	    mm_rlimit(RLIMIT_DATA, RLIM_INFINITY))
		goto out;

	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (oldbrk == newbrk) {
		mm->brk = brk;
		goto success;
	}
	if (brk <= mm->brk) {	/* shrink: always allowed */
		if (do_munmap(mm, newbrk, oldbrk - newbrk))
			goto out;
		mm->brk = brk;
		goto success;
	}
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
		goto out;
	if (do_brk_flags(oldbrk, newbrk - oldbrk, 0) < 0)
		goto out;
	mm->brk = brk;
success:
	mmap_write_unlock(mm);
	return brk;
out:
	mmap_write_unlock(mm);
	return origbrk;
}

/* ---- the stack -------------------------------------------------------- */

/*
 * Grow a VM_GROWSDOWN VMA down to address (page-aligned down). The fault
 * path calls it with mmap_read_lock held when a fault lies below such a
 * VMA; the change of vm_start is serialized by page_table_lock, as Linux
 * <= 6.0 does. Refused (-ENOMEM) beyond RLIMIT_STACK, below mmap_min_addr,
 * or closer than stack_guard_gap to the VMA below (Linux: expand_downwards).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *prev;
	unsigned long size, grow;
	int error = 0;

	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	address &= PAGE_MASK;
	if (address < mmap_min_addr)
		return -EPERM;
	prev = vma->vm_prev;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && (prev->vm_flags & VM_ACCESS_FLAGS)) {
		if (address - prev->vm_end < stack_guard_gap || address < prev->vm_end)
			return -ENOMEM;
	}

	spin_lock(&mm->page_table_lock);
	if (address < vma->vm_start) {
		size = vma->vm_end - address;
		grow = (vma->vm_start - address) >> PAGE_SHIFT;
		/* The limits, then the overcommit charge (Linux: acct_stack_growth). */
		if (size > mm_rlimit(RLIMIT_STACK, _STK_LIM) ||
		    mm->total_vm + grow > mm_rlimit(RLIMIT_AS, RLIM_INFINITY) >> PAGE_SHIFT ||
		    security_vm_enough_memory_mm(mm, grow)) {
			error = -ENOMEM;
		} else {
			vma->vm_start = address;
			vma->vm_pgoff -= grow;
			vma_gap_update(vma);
			vm_stat_account(mm, vma->vm_flags, grow);
		}
	}
	spin_unlock(&mm->page_table_lock);
	return error;
}

/* ---- fork and exit ---------------------------------------------------- */

/*
 * Copy oldmm's VMAs into the new mm (empty, not yet visible to anyone) and
 * their PTEs (copy_page_range: COW for private writable ones). Linux:
 * dup_mmap in kernel/fork.c. On failure what was copied stays in mm, to be
 * torn down by the caller's mmput() -> exit_mmap().
 */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp, *prev = NULL;
	struct rb_node **rb_link, *rb_parent;
	unsigned long charge;
	int retval = 0;

	mmap_write_lock(oldmm);
	down_write_nested(&mm->mmap_lock, SINGLE_DEPTH_NESTING);
	/* Whatever dup_mm copied from oldmm, the new mm starts with no VMAs. */
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	mm->highest_vm_end = 0;
	mm->total_vm = oldmm->total_vm;
	mm->data_vm = oldmm->data_vm;
	mm->exec_vm = oldmm->exec_vm;
	mm->stack_vm = oldmm->stack_vm;
	mm->hiwater_vm = oldmm->hiwater_vm;

	rb_link = &mm->mm_rb.rb_node;
	rb_parent = NULL;
	for (mpnt = oldmm->mmap; mpnt; mpnt = mpnt->vm_next) {
		if (mpnt->vm_flags & VM_DONTCOPY) {
			vm_stat_account(mm, mpnt->vm_flags, -(long)vma_pages(mpnt));
			continue;
		}
		/* The child's copy is committed memory of its own (Linux: dup_mmap). */
		charge = 0;
		if (mpnt->vm_flags & VM_ACCOUNT) {
			charge = vma_pages(mpnt);
			if (security_vm_enough_memory_mm(oldmm, charge)) {
				retval = -ENOMEM;
				break;
			}
		}
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			vm_unacct_memory(charge);
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		tmp->vm_flags &= ~VM_LOCKED;
		if (tmp->vm_file)
			get_file(tmp->vm_file);
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);

		/* Appended in order: each is the rightmost node so far. */
		__vma_link(mm, tmp, prev, rb_link, rb_parent);
		/* The file's i_mmap gains the child's VMA (Linux: vma_interval_tree_insert_after). */
		vma_link_file(tmp);
		rb_link = &tmp->vm_rb.rb_right;
		rb_parent = &tmp->vm_rb;
		prev = tmp;

		if (!(tmp->vm_flags & VM_WIPEONFORK)) {
			retval = copy_page_range(tmp, mpnt);
			if (retval)
				break;
		}
	}
	mmap_write_unlock(mm);
	flush_tlb_mm(oldmm);	/* the parent's PTEs were write-protected */
	mmap_write_unlock(oldmm);
	return retval;
}

/* The last user is gone: unmap everything, free every page table and VMA. */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap;
	unsigned long nr_accounted = 0;
	struct mmu_gather tlb;

	if (!vma)
		return;
	mmap_write_lock(mm);
	tlb_gather_mmu_fullmm(&tlb, mm);
	unmap_vmas(&tlb, vma, 0, -1);
	free_pgtables(&tlb, vma, FIRST_USER_ADDRESS, USER_PGTABLES_CEILING);
	tlb_finish_mmu(&tlb);

	while (vma) {
		long nrpages = vma_pages(vma);

		if (vma->vm_flags & VM_ACCOUNT)
			nr_accounted += nrpages;
		vm_stat_account(mm, vma->vm_flags, -nrpages);
		vma = remove_vma(vma);
	}
	vm_unacct_memory(nr_accounted);
	mm->mmap = NULL;
	mm->mm_rb = RB_ROOT;
	mm->map_count = 0;
	mm->highest_vm_end = 0;
	mmap_write_unlock(mm);
	oom_exit_mmap(mm, READ_ONCE(mm->flags));	/* an OOM victim's memory is back */
}

/* ---- populate --------------------------------------------------------- */

void mm_populate(unsigned long start, unsigned long len)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr, end = start + len;
	struct vm_area_struct *vma;

	mmap_read_lock(mm);
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		unsigned int flags = 0;

		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start >= end)
			break;
		if (addr < vma->vm_start)
			addr = vma->vm_start;
		if (!(vma->vm_flags & VM_ACCESS_FLAGS)) {
			addr = vma->vm_end - PAGE_SIZE;
			continue;
		}
		/*
		 * Linux populates until the OOM killer steps in; with no OOM
		 * killer, stop while an eighth of RAM is still free (and when
		 * the task is being killed), so a huge MAP_POPULATE cannot
		 * starve the kernel. The rest faults in on use.
		 */
		if (nr_free_pages() < totalram_pages_count / 8 || fatal_signal_pending(current))
			break;
		/* Private writable: write faults, so the pages are the mapping's own. */
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			flags |= FAULT_FLAG_WRITE;
		if (handle_mm_fault(vma, addr, flags, NULL) & VM_FAULT_ERROR)
			break;
	}
	mmap_read_unlock(mm);
}
