// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks and address spaces (Linux: kernel/fork.c).
 *
 * An mm_struct has two counts, as in Linux: mm_users counts the tasks
 * (and temporary users such as get_task_mm) that use the address space;
 * when the last goes, mmput() tears the mappings down (exit_mmap). mm_count
 * counts references to the struct itself; all mm_users together hold one,
 * and when it drops to zero __mmdrop() frees the pgd and the struct.
 */
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <linux/init.h>
#include <linux/panic.h>
#include <linux/mm.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache *mm_cachep;

/* The slab caches of fork (Linux: proc_caches_init), from start_kernel(). */
void proc_caches_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 64, SLAB_PANIC, NULL);
}

static struct mm_struct *allocate_mm(void)
{
	return kmem_cache_alloc(mm_cachep, GFP_KERNEL);
}

static struct mm_struct *mm_init(struct mm_struct *mm)
{
	static struct lock_class_key mmap_lock_key;

	memset(mm, 0, sizeof(*mm));
	mm->mm_rb = RB_ROOT;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	__init_rwsem(&mm->mmap_lock, "&mm->mmap_lock", &mmap_lock_key);
	INIT_LIST_HEAD(&mm->mmlist);
	mm->task_size = TASK_SIZE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* A new, empty user address space: a pgd with the kernel half, no VMAs. */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = allocate_mm();

	return mm ? mm_init(mm) : NULL;
}

/* The last mm_count reference is gone: nothing can reach the mm any more. */
static void __mmdrop(struct mm_struct *mm)
{
	if (WARN_ON(mm == &init_mm))
		return;
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}
