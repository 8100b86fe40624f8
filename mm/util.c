// SPDX-License-Identifier: GPL-2.0
/*
 * Small allocation helpers (Linux: mm/util.c): copies of strings and
 * buffers into kmalloc'ed memory; vm_mmap() and the layout of a user
 * address space (below). Left out: the _const variants (which
 * skip copying strings in .rodata) and the user-memory ones (memdup_user,
 * strndup_user) until user space exists.
 */
#include <asm/processor.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "internal.h"

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = 0;
	}
	return buf;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

/*
 * ---- vm_mmap and the user address-space layout (Linux: vm_mmap_pgoff
 * and vm_mmap in mm/util.c; arch_pick_mmap_layout, mmap_base and the
 * randomization in arch/x86/mm/mmap.c and mm/util.c;
 * arch_get_unmapped_area_topdown in arch/x86/kernel/sys_x86_64.c).
 *
 * The layout, top down: the stack just below STACK_TOP (47 bits, less a
 * page), moved down by up to 16 GiB (randomize_stack_top); then a gap of
 * RLIMIT_STACK plus the largest stack randomization plus stack_guard_gap,
 * clamped to [128 MiB, 5/6 of the window]; then mmap_base, moved down by
 * up to 2^28 pages (1 TiB); mmaps grow down from there. brk starts after
 * the program's bss, moved up by up to 32 MiB (arch_randomize_brk).
 * randomize_va_space = 2 turns all three on; "norandmaps" on the command
 * line sets it to 0. Linux asks PF_RANDOMIZE, which exec sets from
 * randomize_va_space and the personality; here exec's task asks
 * randomize_va_space directly (no personality(2), no ADDR_NO_RANDOMIZE).
 * Left out: the legacy bottom-up layout, 32-bit (compat) tasks.
 */

int randomize_va_space = 2;

static int disable_randmaps(char *s)
{
	randomize_va_space = 0;
	return 1;
}
__setup("norandmaps", disable_randmaps);

#define MMAP_RND_BITS 28		/* Linux's CONFIG_ARCH_MMAP_RND_BITS default, x86-64 */
#define STACK_RND_MASK 0x3fffffUL	/* 22 bits of pages: up to 16 GiB */
#define SIZE_128M (128UL * SZ_1M)

static unsigned long stack_maxrandom_size(void)
{
	return randomize_va_space ? STACK_RND_MASK << PAGE_SHIFT : 0;
}

/* Top of the mmap area (Linux: mmap_base). */
static unsigned long mmap_base(unsigned long rnd, unsigned long task_size)
{
	unsigned long gap = mm_rlimit(RLIMIT_STACK, _STK_LIM);
	unsigned long pad = stack_maxrandom_size() + stack_guard_gap;
	unsigned long gap_min = SIZE_128M, gap_max = (task_size / 6) * 5;

	if (gap + pad > gap)	/* values near RLIM_INFINITY would overflow */
		gap += pad;
	gap = clamp(gap, gap_min, gap_max);
	return PAGE_ALIGN(task_size - gap - rnd);
}

static unsigned long arch_mmap_rnd(void)
{
	return (get_random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

void arch_pick_mmap_layout(struct mm_struct *mm)
{
	unsigned long rnd = randomize_va_space ? arch_mmap_rnd() : 0;

	mm->mmap_base = mmap_base(rnd, DEFAULT_MAP_WINDOW);
}

/* A random page-aligned address in [start, start + range) (Linux: randomize_page). */
static unsigned long randomize_page(unsigned long start, unsigned long range)
{
	if (offset_in_page(start)) {
		range -= PAGE_ALIGN(start) - start;
		start = PAGE_ALIGN(start);
	}
	if (start > ULONG_MAX - range)
		range = ULONG_MAX - start;
	range >>= PAGE_SHIFT;
	if (!range)
		return start;
	return start + ((get_random_long() % range) << PAGE_SHIFT);
}

unsigned long arch_randomize_brk(struct mm_struct *mm)
{
	if (!randomize_va_space)
		return mm->brk;
	return randomize_page(mm->brk, 0x02000000);
}

unsigned long randomize_stack_top(unsigned long stack_top)
{
	unsigned long rnd = 0;

	if (randomize_va_space)
		rnd = (get_random_long() & STACK_RND_MASK) << PAGE_SHIFT;
	return PAGE_ALIGN(stack_top) - rnd;
}

/*
 * A hint is taken only if the mapping stays on its side of
 * DEFAULT_MAP_WINDOW (Linux: mmap_address_hint_valid), so that only a
 * hint above 47 bits gets an address above them (5-level paging).
 */
static bool mmap_address_hint_valid(unsigned long addr, unsigned long len)
{
	if (TASK_SIZE - len < addr)
		return false;
	return (addr > DEFAULT_MAP_WINDOW) == (addr + len > DEFAULT_MAP_WINDOW);
}

unsigned long arch_get_unmapped_area_topdown(struct file *filp, unsigned long addr,
					     unsigned long len, unsigned long pgoff,
					     unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_unmapped_area_info info;
	struct vm_area_struct *vma;

	if (len > TASK_SIZE)
		return -ENOMEM;
	if (flags & MAP_FIXED)
		return addr;
	if (addr) {
		addr &= PAGE_MASK;
		if (mmap_address_hint_valid(addr, len)) {
			vma = find_vma(mm, addr);
			if (!vma || addr + len <= vm_start_gap(vma))
				return addr;
		}
	}
	info.flags = 0;
	info.length = len;
	info.low_limit = PAGE_SIZE;
	info.high_limit = mm->mmap_base ? mm->mmap_base : mmap_base(0, DEFAULT_MAP_WINDOW);
	/* A hint above the 47-bit window opens the whole 5-level space. */
	if (addr > DEFAULT_MAP_WINDOW)
		info.high_limit += TASK_SIZE_MAX - DEFAULT_MAP_WINDOW;
	info.align_mask = 0;
	info.align_offset = pgoff << PAGE_SHIFT;
	return unmapped_area_topdown(&info);
}

unsigned long vm_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flag, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret, populate;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mmap(file, addr, len, prot, flag, pgoff, &populate);
	mmap_write_unlock(mm);
	if (populate && !IS_ERR_VALUE(ret))
		mm_populate(ret, populate);
	return ret;
}

unsigned long vm_mmap(struct file *file, unsigned long addr, unsigned long len,
		      unsigned long prot, unsigned long flag, unsigned long offset)
{
	if (offset + PAGE_ALIGN(len) < offset)
		return -EINVAL;
	if (offset_in_page(offset))
		return -EINVAL;
	return vm_mmap_pgoff(file, addr, len, prot, flag, offset >> PAGE_SHIFT);
}

/*
 * ---- Overcommit accounting (Linux: mm/util.c vm_commit_limit,
 * vm_memory_committed, __vm_enough_memory, the sysctl variables; the
 * reserves' init_user_reserve/init_admin_reserve of mm/mmap.c;
 * docs/mm/overcommit-oom.md).
 *
 * vm_committed_as is the sum, in pages, of every VM_ACCOUNT mapping and
 * every charged shmem object: what the system has promised. Linux keeps it
 * in a percpu_counter (per-CPU deltas folded into the total every
 * "batch" pages) because every mmap/brk/munmap of every CPU updates it;
 * reads that must be exact (mode 2) then need a resync when the mode
 * changes (overcommit_policy_handler). Linnet runs on a handful of CPUs, so
 * one atomic_long_t is both exact and cheap: no batch, no resync, and
 * Committed_AS in /proc/meminfo is exact at every moment.
 *
 * Left out: swap (total_swap_pages is 0) and hugetlb (hugetlb_total_pages
 * is 0), CAP_SYS_ADMIN (every task is root: security_vm_enough_memory_mm
 * passes cap_sys_admin = 1, so the admin reserve is never taken off),
 * the memory hotplug notifiers that recompute the reserves.
 */

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;
unsigned long sysctl_overcommit_kbytes;
unsigned long sysctl_user_reserve_kbytes = 1UL << 17;	/* 128 MiB until init_user_reserve */
unsigned long sysctl_admin_reserve_kbytes = 1UL << 13;	/* 8 MiB until init_admin_reserve */

static atomic_long_t vm_committed_as;

/* No swap and no hugetlb pool in Linnet (Linux: total_swap_pages, hugetlb_total_pages()). */
#define total_swap_pages 0UL
#define hugetlb_total_pages() 0UL

void vm_acct_memory(long pages)
{
	atomic_long_add(pages, &vm_committed_as);
}

void vm_unacct_memory(long pages)
{
	vm_acct_memory(-pages);
}

/* Committed_AS (Linux: percpu_counter_sum_positive). */
unsigned long vm_memory_committed(void)
{
	long v = atomic_long_read(&vm_committed_as);

	return v > 0 ? v : 0;
}

/* CommitLimit: what mode 2 lets be committed. */
unsigned long vm_commit_limit(void)
{
	unsigned long allowed;

	if (sysctl_overcommit_kbytes)
		allowed = sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	else
		allowed = (totalram_pages_count - hugetlb_total_pages()) *
			  sysctl_overcommit_ratio / 100;
	return allowed + total_swap_pages;
}

/*
 * May pages more be committed? Charges them first (so two racing callers
 * both count), and takes them back on refusal. Mode 1 never refuses; mode
 * 0 refuses only a single request larger than RAM + swap; mode 2 refuses
 * once Committed_AS, this request included, reaches CommitLimit less the
 * reserves: the admin reserve unless the caller is root, and a user
 * reserve of min(total_vm / 32, user_reserve) so a process cannot commit
 * the last pages a user would need to kill it.
 */
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin)
{
	long allowed;

	vm_acct_memory(pages);

	if (sysctl_overcommit_memory == OVERCOMMIT_ALWAYS)
		return 0;
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS) {
		if (pages > (long)(totalram_pages_count + total_swap_pages))
			goto error;
		return 0;
	}

	allowed = vm_commit_limit();
	if (!cap_sys_admin)
		allowed -= sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10);
	if (mm) {
		long reserve = sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10);

		allowed -= min_t(long, mm->total_vm / 32, reserve);
	}
	if ((long)vm_memory_committed() < allowed)
		return 0;
error:
	vm_unacct_memory(pages);
	return -ENOMEM;
}

/*
 * The reserves scale with memory (Linux: init_user_reserve and
 * init_admin_reserve, subsys_initcalls of mm/mmap.c): 1/32 (about 3%) of
 * the free pages, at most 128 MiB for the user and 8 MiB for the admin.
 * mmap_init() calls this once the buddy has the memory.
 */
void init_overcommit_reserves(void)
{
	unsigned long free_kbytes = nr_free_pages() << (PAGE_SHIFT - 10);

	sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
	sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
}
