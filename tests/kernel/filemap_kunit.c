// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of file mappings: the i_mmap interval tree
 * (mm/interval_tree.c) against a brute-force model, and
 * unmap_mapping_range / the i_mmap bookkeeping of mmap, munmap, split and
 * exit (mm/memory.c, mm/vma.c, mm/mmap.c) on a shmem file mapped into a
 * borrowed mm (mm_alloc + kthread_use_mm, as the mmap suite does), with
 * the PTEs looked at directly.
 *
 * Each case checks that no VMA, file or page is left over afterwards.
 */
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/random.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include "fault_test.h"
#include "kunit_pages.h"

#define P PAGE_SIZE
#define NR_NODES 64
#define KUNIT_ASSERT_FALSE(test, cond) KUNIT_ASSERT_TRUE(test, !(cond))

/* ---- mm.interval_tree ---- */

static unsigned long last_of(struct vm_area_struct *v)
{
	return v->vm_pgoff + vma_pages(v) - 1;
}

/* Recompute every rb_subtree_last from scratch; count the wrong ones. */
static unsigned long check_subtree_last(struct rb_node *rb, int *bad)
{
	struct vm_area_struct *v;
	unsigned long max;

	if (!rb)
		return 0;
	v = rb_entry(rb, struct vm_area_struct, shared.rb);
	max = last_of(v);
	max = max(max, check_subtree_last(rb->rb_left, bad));
	max = max(max, check_subtree_last(rb->rb_right, bad));
	if (v->shared.rb_subtree_last != max)
		(*bad)++;
	return max;
}

/*
 * Random inserts and removes of VMAs with random [pgoff, last]; after
 * each step every query range gives exactly the overlapping VMAs the
 * model has, in order of vm_pgoff, and every cached maximum is right.
 */
static void interval_tree_model(struct kunit *test)
{
	struct vm_area_struct *v = kcalloc(NR_NODES, sizeof(*v), GFP_KERNEL);
	bool in[NR_NODES] = { };
	struct rb_root_cached root = RB_ROOT_CACHED;

	KUNIT_ASSERT_TRUE(test, v != NULL);
	for (int i = 0; i < NR_NODES; i++)
		RB_CLEAR_NODE(&v[i].shared.rb);
	for (int step = 0; step < 600; step++) {
		int i = (unsigned long)get_random_long() % NR_NODES, bad = 0;

		if (in[i]) {
			vma_interval_tree_remove(&v[i], &root);
			KUNIT_EXPECT_TRUE(test, RB_EMPTY_NODE(&v[i].shared.rb));
			in[i] = false;
		} else {
			unsigned long start = (unsigned long)get_random_long() % 200, pages = 1 + (unsigned long)get_random_long() % 40;

			v[i].vm_pgoff = start;
			v[i].vm_start = 0x10000000UL;
			v[i].vm_end = v[i].vm_start + pages * P;
			vma_interval_tree_insert(&v[i], &root);
			in[i] = true;
		}
		check_subtree_last(root.rb_root.rb_node, &bad);
		KUNIT_EXPECT_EQ(test, bad, 0);
		for (int q = 0; q < 4; q++) {
			unsigned long first = (unsigned long)get_random_long() % 250;
			unsigned long last = first + (unsigned long)get_random_long() % 30;
			unsigned long prev_pgoff = 0;
			struct vm_area_struct *vma;
			int want = 0, got = 0, wrong = 0;

			for (int k = 0; k < NR_NODES; k++)
				if (in[k] && v[k].vm_pgoff <= last && last_of(&v[k]) >= first)
					want++;
			vma_interval_tree_foreach(vma, &root, first, last) {
				if (vma->vm_pgoff > last || last_of(vma) < first ||
				    vma->vm_pgoff < prev_pgoff || !in[vma - v])
					wrong++;
				prev_pgoff = vma->vm_pgoff;
				got++;
			}
			KUNIT_EXPECT_EQ(test, got, want);
			KUNIT_EXPECT_EQ(test, wrong, 0);
		}
	}
	for (int i = 0; i < NR_NODES; i++)
		if (in[i])
			vma_interval_tree_remove(&v[i], &root);
	KUNIT_EXPECT_TRUE(test, root.rb_root.rb_node == NULL);
	KUNIT_EXPECT_TRUE(test, root.rb_leftmost == NULL);
	kfree(v);
}

/* VMAs of one vm_pgoff come out in insertion order (fork's child after its parent). */
static void interval_tree_equal_starts(struct kunit *test)
{
	struct vm_area_struct v[8] = { };
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct vm_area_struct *vma;
	int n = 0;

	for (int i = 0; i < 8; i++) {
		v[i].vm_pgoff = 5;
		v[i].vm_start = 0;
		v[i].vm_end = (1 + i) * P;
		vma_interval_tree_insert(&v[i], &root);
	}
	vma_interval_tree_foreach(vma, &root, 0, 100) {
		KUNIT_EXPECT_TRUE(test, vma == &v[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 8);
	/* [0, 4] overlaps nothing; [12, 12] only those reaching page 12 */
	KUNIT_EXPECT_TRUE(test, vma_interval_tree_iter_first(&root, 0, 4) == NULL);
	n = 0;
	vma_interval_tree_foreach(vma, &root, 12, 12)
		n++;
	KUNIT_EXPECT_EQ(test, n, 1);	/* v[7]: pages 5..12 */
	for (int i = 0; i < 8; i++)
		vma_interval_tree_remove(&v[i], &root);
	KUNIT_EXPECT_TRUE(test, root.rb_root.rb_node == NULL);
}

static struct kunit_case interval_tree_cases[] = {
	KUNIT_CASE(interval_tree_model),
	KUNIT_CASE(interval_tree_equal_starts),
	{}
};

static struct kunit_suite interval_tree_suite = {
	.name = "mm.interval_tree",
	.test_cases = interval_tree_cases,
};
kunit_test_suite(interval_tree_suite);

/* ---- mm.file_map ---- */

static int nr_in_i_mmap(struct address_space *mapping)
{
	struct vm_area_struct *vma;
	int n = 0;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, 0, ULONG_MAX)
		n++;
	i_mmap_unlock_read(mapping);
	return n;
}

static bool mapped_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = fault_test_pte(mm, addr);

	return pte && !pte_none(*pte);
}

/*
 * Map a 4-page shmem file twice MAP_SHARED and once MAP_PRIVATE; fault
 * every page in (one private page by a write: a COW copy). Hole punching
 * semantics (even_cows 0) zap the file's pages from all three but keep
 * the copy; truncation semantics (even_cows 1) take the copy too.
 */
static void unmap_mapping_range_case(struct kunit *test)
{
	unsigned long free0, files0 = get_nr_files(), vmas0 = nr_vm_area_structs();
	struct address_space *mapping;
	unsigned long a, b, c;
	struct mm_struct *mm;
	struct file *f;
	char ch;

	free0 = shrunk_free_pages();
	f = shmem_file_setup("kunit-map", 4 * P, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	mapping = f->f_mapping;
	mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, mm != NULL);
	arch_pick_mmap_layout(mm);
	kthread_use_mm(mm);

	a = vm_mmap(f, 0, 4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	b = vm_mmap(f, 0, 3 * P, PROT_READ | PROT_WRITE, MAP_SHARED, P);	/* file pages 1..3 */
	c = vm_mmap(f, 0, 4 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a) || IS_ERR_VALUE(b) || IS_ERR_VALUE(c));
	KUNIT_EXPECT_EQ(test, nr_in_i_mmap(mapping), 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&mapping->i_mmap_writable), 2);

	for (int i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, put_user((char)('a' + i), (char __user *)(a + i * P)), 0);
		KUNIT_EXPECT_EQ(test, get_user(ch, (char __user *)(c + i * P)), 0);
	}
	for (int i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, get_user(ch, (char __user *)(b + i * P)), 0);
		KUNIT_EXPECT_EQ(test, ch, 'b' + i);	/* b's page i is file page i + 1 */
	}
	KUNIT_EXPECT_EQ(test, put_user('X', (char __user *)(c + 2 * P)), 0);	/* a COW copy */
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 10UL);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);

	/* Punch file pages 1..2 (bytes P .. 3P-1): private copy stays. */
	unmap_mapping_range(mapping, P, 2 * P, 0);
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, a));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, a + P));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, a + 2 * P));
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, a + 3 * P));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, b));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, b + P));
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, b + 2 * P));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, c + P));
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, c + 2 * P));	/* the anonymous copy */
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 5UL);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 1UL);

	/* Truncation from page 2 to the end (holelen 0): the copy goes too. */
	unmap_mapping_range(mapping, 2 * P, 0, 1);
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, c + 2 * P));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, a + 3 * P));
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, a));
	KUNIT_EXPECT_TRUE(test, mapped_at(mm, c));
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_ANONPAGES), 0UL);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 2UL);
	/* The data are still the file's: a fault maps them again. */
	KUNIT_EXPECT_EQ(test, get_user(ch, (char __user *)(a + 3 * P)), 0);
	KUNIT_EXPECT_EQ(test, ch, 'd');

	/* munmap of a's middle splits it: both halves are in i_mmap. */
	KUNIT_EXPECT_EQ(test, vm_munmap(a + P, P), 0);
	KUNIT_EXPECT_EQ(test, nr_in_i_mmap(mapping), 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&mapping->i_mmap_writable), 3);
	unmap_mapping_range(mapping, 0, 0, 1);
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, a));
	KUNIT_EXPECT_FALSE(test, mapped_at(mm, a + 3 * P));
	KUNIT_EXPECT_EQ(test, mm_rss(mm), 0UL);
	KUNIT_EXPECT_EQ(test, vm_munmap(b, 3 * P), 0);
	KUNIT_EXPECT_EQ(test, nr_in_i_mmap(mapping), 3);

	kthread_unuse_mm(mm);
	exit_mmap(mm);
	KUNIT_EXPECT_FALSE(test, mapping_mapped(mapping));
	KUNIT_EXPECT_EQ(test, atomic_read(&mapping->i_mmap_writable), 0);
	mmdrop(mm);
	fput(f);
	KUNIT_EXPECT_EQ(test, nr_vm_area_structs(), vmas0);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files0);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free0);
}

/* A child of fork maps the same pages; its VMAs join i_mmap; exit of either leaks nothing. */
static void file_map_fork_case(struct kunit *test)
{
	unsigned long free0, files0 = get_nr_files(), vmas0 = nr_vm_area_structs();
	struct mm_struct *mm, *child;
	struct address_space *mapping;
	unsigned long a;
	struct file *f;

	free0 = shrunk_free_pages();
	f = shmem_file_setup("kunit-fork", 8 * P, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(f));
	mapping = f->f_mapping;
	mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, mm != NULL);
	arch_pick_mmap_layout(mm);
	kthread_use_mm(mm);
	a = vm_mmap(f, 0, 8 * P, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(a));
	for (int i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, put_user((char)i, (char __user *)(a + i * P)), 0);
	kthread_unuse_mm(mm);

	child = mm_alloc();
	KUNIT_ASSERT_TRUE(test, child != NULL);
	child->mmap_base = mm->mmap_base;
	KUNIT_EXPECT_EQ(test, dup_mmap(child, mm), 0);
	KUNIT_EXPECT_EQ(test, nr_in_i_mmap(mapping), 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&mapping->i_mmap_writable), 2);
	KUNIT_EXPECT_TRUE(test, fault_test_page(child, a + 3 * P) == fault_test_page(mm, a + 3 * P));
	KUNIT_EXPECT_EQ(test, get_mm_counter(child, MM_SHMEMPAGES), 8UL);
	/* Truncating to 2 pages empties the child's PTEs beyond, as the parent's. */
	unmap_mapping_range(mapping, 2 * P, 0, 1);
	KUNIT_EXPECT_EQ(test, get_mm_counter(child, MM_SHMEMPAGES), 2UL);
	KUNIT_EXPECT_EQ(test, get_mm_counter(mm, MM_SHMEMPAGES), 2UL);
	exit_mmap(child);
	mmdrop(child);
	KUNIT_EXPECT_EQ(test, nr_in_i_mmap(mapping), 1);
	exit_mmap(mm);
	mmdrop(mm);
	KUNIT_EXPECT_FALSE(test, mapping_mapped(mapping));
	fput(f);
	KUNIT_EXPECT_EQ(test, nr_vm_area_structs(), vmas0);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files0);
	KUNIT_EXPECT_EQ(test, shrunk_free_pages(), free0);
}

static struct kunit_case file_map_cases[] = {
	KUNIT_CASE(unmap_mapping_range_case),
	KUNIT_CASE(file_map_fork_case),
	{}
};

static struct kunit_suite file_map_suite = {
	.name = "mm.file_map",
	.test_cases = file_map_cases,
};
kunit_test_suite(file_map_suite);
