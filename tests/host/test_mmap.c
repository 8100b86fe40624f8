// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the VMA layer's bookkeeping (mm/mmap.c, mm/util.c,
 * mm/mprotect.c, mm/mremap.c, mm/madvise.c): the rbtree + list + gap
 * structure, splitting and merging, and top-down placement, under ASan
 * and UBSan, on the real slab allocator brought up on malloc'd "RAM".
 *
 * There are no page tables: the mm's pgd is an empty table, so the PTE
 * walks of mprotect/mremap find nothing, and the mmu_gather, unmap_vmas,
 * free_pgtables, copy_page_range and handle_mm_fault of mm/memory.c are
 * stubs that record the ranges they were given. The mmap_lock calls are
 * no-ops (one thread).
 *
 * The randomised case applies mmap (anywhere, hinted, MAP_FIXED,
 * MAP_FIXED_NOREPLACE), munmap and mprotect to a window of pages and
 * checks after every step that the VMAs are exactly an independent model
 * (one protection per page), that adjacent VMAs that could merge always
 * have, that the tree and the list agree, and that every cached
 * rb_subtree_gap is right. MMAP_SEED=<seed> replays a run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <slub_test_helpers.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/tlb.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/uaccess.h>

#define RAM_SIZE (32UL << 20)
#define P PAGE_SIZE

/* ---- what mmap.c calls outside itself ------------------------------------ */

DEFINE_PER_CPU(struct task_struct *, current_task);
static struct task_struct task;
static struct mm_struct *mm;
static unsigned long unmapped_pages, freed_ranges;

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key) {}
void down_read(struct rw_semaphore *sem) {}
void up_read(struct rw_semaphore *sem) {}
void down_write(struct rw_semaphore *sem) {}
void down_write_nested(struct rw_semaphore *sem, int subclass) {}
void up_write(struct rw_semaphore *sem) {}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *m)
{
	memset(tlb, 0, sizeof(*tlb));
	tlb->mm = m;
}

void tlb_gather_mmu_fullmm(struct mmu_gather *tlb, struct mm_struct *m)
{
	tlb_gather_mmu(tlb, m);
	tlb->fullmm = 1;
}

void tlb_finish_mmu(struct mmu_gather *tlb) {}
void tlb_remove_tlb_entry(struct mmu_gather *tlb, pte_t *ptep, unsigned long address) {}

void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma, unsigned long start,
		unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmapped_pages += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
}

void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *vma, unsigned long floor,
		   unsigned long ceiling)
{
	/* The detached list ends in NULL and lies between floor and ceiling. */
	for (; vma; vma = vma->vm_next) {
		assert_true(vma->vm_start >= floor);
		assert_true(!ceiling || vma->vm_end <= ceiling);
	}
	freed_ranges++;
}

void zap_page_range(struct vm_area_struct *vma, unsigned long address, unsigned long size) {}
int copy_page_range(struct vm_area_struct *dst, struct vm_area_struct *src) { return 0; }
void flush_tlb_mm_range(struct mm_struct *m, unsigned long start, unsigned long end,
			unsigned int stride_shift, bool freed_tables) {}
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs) { return 0; }
struct file *fget(unsigned int fd) { return NULL; }
bool fatal_signal_pending(struct task_struct *p) { return false; }
/* MAP_SHARED|MAP_ANONYMOUS needs a shmem file (mm/shmem.c): not on the host. */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	return -ENOMEM;
}
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len) { return -EOPNOTSUPP; }
struct file *get_file(struct file *f) { return f; }
void fput(struct file *file) {}

static struct page *zero_page;
struct page *get_zero_page(void) { return zero_page; }

long __x64_sys_mprotect(const struct pt_regs *regs);
long __x64_sys_mmap(const struct pt_regs *regs);
long __x64_sys_munmap(const struct pt_regs *regs);
long __x64_sys_mremap(const struct pt_regs *regs);

static long sys5(long (*fn)(const struct pt_regs *), unsigned long a1, unsigned long a2,
		 unsigned long a3, unsigned long a4, unsigned long a5)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a1;
	regs.si = a2;
	regs.dx = a3;
	regs.r10 = a4;
	regs.r8 = a5;
	return fn(&regs);
}

static long sys(long (*fn)(const struct pt_regs *), unsigned long a1, unsigned long a2,
		unsigned long a3, unsigned long a4)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a1;
	regs.si = a2;
	regs.dx = a3;
	regs.r10 = a4;
	regs.r8 = -1UL;
	return fn(&regs);
}

/* ---- the model ------------------------------------------------------------ */

#define WIN_START 0x10000000UL
#define WIN_PAGES 1024
#define WIN_END (WIN_START + WIN_PAGES * P)
static signed char model[WIN_PAGES];	/* -1 unmapped, else the prot */

static unsigned long gap_of(struct vm_area_struct *vma)
{
	unsigned long start = vma->vm_start, prev_end = vma->vm_prev ? vma->vm_prev->vm_end : 0;

	if (vma->vm_flags & VM_GROWSDOWN)
		start = start > stack_guard_gap ? start - stack_guard_gap : 0;
	return start > prev_end ? start - prev_end : 0;
}

static unsigned long check_subtree(struct rb_node *node)
{
	struct vm_area_struct *vma;
	unsigned long m;

	if (!node)
		return 0;
	vma = rb_entry(node, struct vm_area_struct, vm_rb);
	if (node->rb_left)
		assert_true(rb_parent(node->rb_left) == node);
	if (node->rb_right)
		assert_true(rb_parent(node->rb_right) == node);
	m = gap_of(vma);
	m = max(m, check_subtree(node->rb_left));
	m = max(m, check_subtree(node->rb_right));
	if (vma->rb_subtree_gap != m && getenv("MMAP_TRACE")) {
		struct vm_area_struct *v;

		fprintf(stderr, "bad gap at %#lx-%#lx: %#lx, want %#lx (own %#lx)\n", vma->vm_start,
			vma->vm_end, vma->rb_subtree_gap, m, gap_of(vma));
		for (v = mm->mmap; v; v = v->vm_next)
			fprintf(stderr, "  %#lx-%#lx f %#lx gap %#lx sub %#lx\n", v->vm_start, v->vm_end,
				v->vm_flags, gap_of(v), v->rb_subtree_gap);
	}
	assert_int_equal(vma->rb_subtree_gap, m);
	return m;
}

static void check_mm(void)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *rb = rb_first(&mm->mm_rb);
	int count = 0;

	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		count++;
		assert_true(vma->vm_prev == prev);
		assert_true(vma->vm_start < vma->vm_end);
		assert_true(!prev || prev->vm_end <= vma->vm_start);
		assert_true(rb && rb_entry(rb, struct vm_area_struct, vm_rb) == vma);
		assert_true(find_vma(mm, vma->vm_start) == vma);
		assert_true(find_vma(mm, vma->vm_end - 1) == vma);
		/* Never two neighbours that could be one. */
		if (prev && prev->vm_end == vma->vm_start && prev->vm_flags == vma->vm_flags)
			assert_true(prev->vm_pgoff + vma_pages(prev) != vma->vm_pgoff);
		rb = rb_next(rb);
	}
	assert_true(rb == NULL);
	assert_int_equal(count, mm->map_count);
	assert_int_equal(mm->highest_vm_end, prev ? prev->vm_end : 0);
	check_subtree(mm->mm_rb.rb_node);
}

/* The VMAs are the model, page by page; total_vm is its count. */
static void check_model(void)
{
	unsigned long pages = 0;

	for (int i = 0; i < WIN_PAGES; i++) {
		unsigned long addr = WIN_START + i * P;
		struct vm_area_struct *vma = find_vma(mm, addr);
		bool mapped = vma && vma->vm_start <= addr;

		if (model[i] < 0) {
			assert_false(mapped);
			continue;
		}
		pages++;
		assert_true(mapped);
		assert_int_equal(vma->vm_flags & VM_ACCESS_FLAGS, calc_vm_prot_bits(model[i]));
	}
	assert_int_equal(mm->total_vm, pages);
	check_mm();
}

static bool model_free(unsigned long addr, unsigned long len)
{
	for (unsigned long a = addr; a < addr + len; a += P)
		if (model[(a - WIN_START) / P] >= 0)
			return false;
	return true;
}

/* Top-down from mmap_base (= WIN_END): the highest free run of len. */
static unsigned long model_topdown(unsigned long len)
{
	for (unsigned long a = WIN_END - len; a >= WIN_START; a -= P)
		if (model_free(a, len))
			return a;
	return WIN_START - len;	/* below the window: all free */
}

/* The VMA at addr, if the model says something is mapped there. */
static struct vm_area_struct *vma_at_model(unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (model[(addr - WIN_START) / P] < 0)
		return NULL;
	assert_true(vma && vma->vm_start <= addr);
	return vma;
}

static void model_set(unsigned long addr, unsigned long len, int prot)
{
	for (unsigned long a = addr; a < addr + len; a += P)
		model[(a - WIN_START) / P] = prot;
}

static int setup(void **state)
{
	host_set_paging_levels(4);
	slub_test_bringup(RAM_SIZE, 1, 0);
	mmap_init();
	zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	memset(&task, 0, sizeof(task));
	this_cpu_write(current_task, &task);
	mm = calloc(1, sizeof(*mm));
	mm->mm_rb = RB_ROOT;
	mm->pgd = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	memset(mm->pgd, 0, PAGE_SIZE);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = WIN_END;
	task.mm = mm;
	memset(model, -1, sizeof(model));
	return 0;
}

static int teardown(void **state)
{
	exit_mmap(mm);
	assert_int_equal(mm->map_count, 0);
	assert_int_equal(mm->total_vm, 0);
	assert_int_equal(nr_vm_area_structs(), 0);
	free(mm->pgd);
	free(mm);
	__free_page(zero_page);
	return 0;
}

/* ---- cases ---------------------------------------------------------------- */

static void place_split_merge(void **state)
{
	unsigned long a, b;

	a = vm_mmap(NULL, 0, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	assert_int_equal(a, WIN_END - 4 * P);
	b = vm_mmap(NULL, 0, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	assert_int_equal(b, WIN_END - 8 * P);
	assert_int_equal(mm->map_count, 1);
	model_set(b, 8 * P, PROT_READ | PROT_WRITE);
	check_model();
	assert_int_equal(sys(__x64_sys_mprotect, b + P, 2 * P, PROT_READ, 0), 0);
	model_set(b + P, 2 * P, PROT_READ);
	assert_int_equal(mm->map_count, 3);
	check_model();
	assert_int_equal(sys(__x64_sys_munmap, b + 2 * P, 3 * P, 0, 0), 0);
	model_set(b + 2 * P, 3 * P, -1);
	assert_int_equal(mm->map_count, 3);
	assert_int_equal(unmapped_pages, 3);
	check_model();
	/* The hole of 3 pages takes a 3-page mapping only if nothing higher fits. */
	a = vm_mmap(NULL, 0, 3 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	assert_int_equal(a, b + 2 * P);
	model_set(a, 3 * P, PROT_READ);
	/* Not merged with the read-only page below: that one keeps VM_ACCOUNT (Linux too). */
	assert_int_equal(mm->map_count, 4);
	check_model();
}

static void random_against_model(void **state)
{
	unsigned long seed = getenv("MMAP_SEED") ? strtoul(getenv("MMAP_SEED"), NULL, 0) : 1;
	static const int prots[] = { PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE, PROT_READ | PROT_EXEC };

	srandom(seed);
	for (int i = 0; i < 4000; i++) {
		unsigned long len = (random() % 12 + 1) * P;
		unsigned long addr = WIN_START + (random() % (WIN_PAGES - 12)) * P;
		int prot = prots[random() % 4];
		int op = random() % 8;
		long r;

		if (getenv("MMAP_TRACE"))
			fprintf(stderr, "%d: op %d addr %#lx len %#lx prot %d\n", i, op, addr, len, prot);
		switch (op) {
		case 0: {	/* anywhere: top-down */
			unsigned long expect = model_topdown(len);

			if (expect < WIN_START)
				break;	/* would leave the window */
			r = vm_mmap(NULL, 0, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, 0);
			assert_int_equal(r, expect);
			model_set(r, len, prot);
			break;
		}
		case 1:	/* a hint: taken if free, else top-down */
			if (!model_free(addr, len) && model_topdown(len) < WIN_START)
				break;
			r = vm_mmap(NULL, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, 0);
			assert_int_equal(r, model_free(addr, len) ? addr : model_topdown(len));
			model_set(r, len, prot);
			break;
		case 2:
			r = vm_mmap(NULL, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, 0);
			assert_int_equal(r, addr);
			model_set(addr, len, prot);
			break;
		case 3:
			r = vm_mmap(NULL, addr, len, prot,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, 0);
			if (model_free(addr, len)) {
				assert_int_equal(r, addr);
				model_set(addr, len, prot);
			} else {
				assert_int_equal(r, -EEXIST);
			}
			break;
		case 4:
			assert_int_equal(sys(__x64_sys_munmap, addr, len, 0, 0), 0);
			model_set(addr, len, -1);
			break;
		case 5: {
			unsigned long a;
			long expect = 0;

			/* -ENOMEM at the first hole; what is before it changes. */
			for (a = addr; a < addr + len; a += P) {
				if (model[(a - WIN_START) / P] < 0) {
					expect = -ENOMEM;
					break;
				}
			}
			r = sys(__x64_sys_mprotect, addr, len, prot, 0);
			assert_int_equal(r, expect);
			model_set(addr, a - addr, prot);
			break;
		}
		case 6:
		case 7: {	/* mremap a piece of one VMA: shrink, or move it (MREMAP_FIXED) */
			struct vm_area_struct *vma = vma_at_model(addr);
			unsigned long old_len, new_len = len;
			int oprot;

			if (!vma)
				break;
			old_len = min(len, vma->vm_end - addr);
			oprot = model[(addr - WIN_START) / P];
			if (op == 6 || new_len <= old_len) {
				new_len = min(new_len, old_len);
				new_len = new_len > P ? new_len - P : new_len;
				r = sys5(__x64_sys_mremap, addr, old_len, new_len, 0, 0);
				assert_int_equal(r, addr);
				model_set(addr + new_len, old_len - new_len, -1);
				break;
			}
			{
				unsigned long to = WIN_START + (random() % (WIN_PAGES - 12)) * P;

				if (to < addr + old_len && addr < to + new_len) {
					r = sys5(__x64_sys_mremap, addr, old_len, new_len,
						 MREMAP_MAYMOVE | MREMAP_FIXED, to);
					assert_int_equal(r, -EINVAL);
					break;
				}
				r = sys5(__x64_sys_mremap, addr, old_len, new_len,
					 MREMAP_MAYMOVE | MREMAP_FIXED, to);
				assert_int_equal(r, to);
				model_set(addr, old_len, -1);
				model_set(to, new_len, oprot);
			}
			break;
		}
		}
		check_model();
	}
}

static void errors(void **state)
{
	const unsigned long anon = MAP_PRIVATE | MAP_ANONYMOUS;

	assert_int_equal(vm_mmap(NULL, 0, 0, PROT_READ, anon, 0), -EINVAL);
	assert_int_equal(vm_mmap(NULL, 0, P, PROT_READ, MAP_ANONYMOUS, 0), -EINVAL);
	assert_int_equal(vm_mmap(NULL, 0, -P, PROT_READ, anon, 0), -ENOMEM);
	assert_int_equal(vm_mmap(NULL, WIN_START + 1, P, PROT_READ, anon | MAP_FIXED, 0), -EINVAL);
	assert_int_equal(vm_mmap(NULL, 0x1000, P, PROT_READ, anon | MAP_FIXED, 0), -EPERM);
	assert_int_equal(vm_mmap(NULL, 0, P, PROT_READ, anon, 1), -EINVAL);
	assert_int_equal(sys(__x64_sys_mmap, 0, P, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS),
			 -EINVAL);
	assert_int_equal(sys(__x64_sys_mmap, 0, P, PROT_READ, MAP_PRIVATE), -EBADF);
	/* A shared anonymous mapping whose shmem file cannot be made: -ENOMEM, nothing left. */
	assert_int_equal(vm_mmap(NULL, 0, P, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, 0), -ENOMEM);
	assert_int_equal(sys(__x64_sys_munmap, WIN_START + 1, P, 0, 0), -EINVAL);
	assert_int_equal(sys(__x64_sys_munmap, WIN_START, 0, 0, 0), -EINVAL);
	assert_int_equal(sys(__x64_sys_mprotect, WIN_START, P, PROT_READ, 0), -ENOMEM);
	assert_int_equal(sys(__x64_sys_mprotect, WIN_START, P, 0x10, 0), -EINVAL);
	assert_int_equal(mm->map_count, 0);
	assert_int_equal(nr_vm_area_structs(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(place_split_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(random_against_model, setup, teardown),
		cmocka_unit_test_setup_teardown(errors, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
