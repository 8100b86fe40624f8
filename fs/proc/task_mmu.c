// SPDX-License-Identifier: GPL-2.0
/*
 * The address-space files of a process (Linux: fs/proc/task_mmu.c):
 * the Vm* and Rss* lines of /proc/PID/status (task_mem), /proc/PID/statm
 * (task_statm), /proc/PID/maps (show_map_vma, one line per VMA in Linux's
 * format, named [heap], [stack], the vm_ops name or the file's path) and
 * /proc/PID/smaps_rollup (smap_gather_stats over every VMA, then
 * __show_smap), whose numbers come from walking the page tables: a
 * present PTE's page counts in Rss, its share of the mappers
 * (1/mapcount) in Pss, dirty/young bits in the Dirty/Referenced lines,
 * and anonymous (no page cache) pages in Anonymous.
 * Where task_mem's numbers come from: mm->total_vm, data_vm, stack_vm,
 * exec_vm, locked_vm (mm/mmap.c's vm_stat_account), the RSS counters
 * mm->rss_stat[] (mm/memory.c), pgtables_bytes (VmPTE).
 * Left out: /proc/PID/smaps (per VMA; rollup only), numa_maps, pagemap,
 * clear_refs, THP and hugetlb (always 0), swap (none).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <asm/pgtable.h>

#include "internal.h"

/* Linux: SEQ_PUT_DEC in task_mem (pages, shown in kB, width 8). */
#define SEQ_PUT_DEC(str, val) \
	seq_printf(m, "%s%8lu", str, (unsigned long)(val) << (PAGE_SHIFT - 10))

void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long text, lib, swap, anon, file, shmem;
	unsigned long hiwater_vm, total_vm, hiwater_rss, total_rss;

	anon = get_mm_counter(mm, MM_ANONPAGES);
	file = get_mm_counter(mm, MM_FILEPAGES);
	shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	/*
	 * Note: to minimize their overhead, mm maintains hiwater_vm and
	 * hiwater_rss only when about to *lower* total_vm or rss (Linux's
	 * comment): the peaks are at least the current values.
	 */
	hiwater_vm = total_vm = mm->total_vm;
	if (hiwater_vm < mm->hiwater_vm)
		hiwater_vm = mm->hiwater_vm;
	hiwater_rss = total_rss = anon + file + shmem;
	if (hiwater_rss < mm->hiwater_rss)
		hiwater_rss = mm->hiwater_rss;
	/* split executable areas between text and lib */
	text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	text = min(text, mm->exec_vm << PAGE_SHIFT);
	lib = (mm->exec_vm << PAGE_SHIFT) - text;
	swap = get_mm_counter(mm, MM_SWAPENTS);
	SEQ_PUT_DEC("VmPeak:\t", hiwater_vm);
	SEQ_PUT_DEC(" kB\nVmSize:\t", total_vm);
	SEQ_PUT_DEC(" kB\nVmLck:\t", mm->locked_vm);
	SEQ_PUT_DEC(" kB\nVmPin:\t", 0);
	SEQ_PUT_DEC(" kB\nVmHWM:\t", hiwater_rss);
	SEQ_PUT_DEC(" kB\nVmRSS:\t", total_rss);
	SEQ_PUT_DEC(" kB\nRssAnon:\t", anon);
	SEQ_PUT_DEC(" kB\nRssFile:\t", file);
	SEQ_PUT_DEC(" kB\nRssShmem:\t", shmem);
	SEQ_PUT_DEC(" kB\nVmData:\t", mm->data_vm);
	SEQ_PUT_DEC(" kB\nVmStk:\t", mm->stack_vm);
	seq_printf(m, " kB\nVmExe:\t%8lu", text >> 10);
	seq_printf(m, " kB\nVmLib:\t%8lu", lib >> 10);
	seq_printf(m, " kB\nVmPTE:\t%8lu", (unsigned long)atomic_long_read(&mm->pgtables_bytes) >> 10);
	SEQ_PUT_DEC(" kB\nVmSwap:\t", swap);
	seq_puts(m, " kB\n");
	/* Linux: hugetlb_report_usage */
	seq_printf(m, "HugetlbPages:\t%8lu kB\n", 0UL);
}

unsigned long task_statm(struct mm_struct *mm, unsigned long *shared, unsigned long *text,
			 unsigned long *data, unsigned long *resident)
{
	*shared = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES);
	*text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	*data = mm->data_vm + mm->stack_vm;
	*resident = *shared + get_mm_counter(mm, MM_ANONPAGES);
	return mm->total_vm;
}

/* ---- maps -------------------------------------------------------------------------------- */

struct proc_maps_private {
	struct inode *inode;
	struct task_struct *task;
	struct mm_struct *mm;
};

static void *m_start(struct seq_file *m, loff_t *ppos)
{
	struct proc_maps_private *priv = m->private;
	struct vm_area_struct *vma;
	loff_t pos = *ppos;

	priv->task = get_proc_task(priv->inode);
	if (!priv->task)
		return ERR_PTR(-ESRCH);
	priv->mm = get_task_mm(priv->task);
	if (!priv->mm)
		return NULL;
	mmap_read_lock(priv->mm);
	for (vma = priv->mm->mmap; vma && pos; vma = vma->vm_next)
		pos--;
	return vma;
}

static void *m_next(struct seq_file *m, void *v, loff_t *ppos)
{
	struct vm_area_struct *vma = v;

	++*ppos;
	return vma->vm_next;
}

static void m_stop(struct seq_file *m, void *v)
{
	struct proc_maps_private *priv = m->private;

	if (priv->mm) {
		mmap_read_unlock(priv->mm);
		mmput(priv->mm);
		priv->mm = NULL;
	}
	if (priv->task) {
		put_task_struct(priv->task);
		priv->task = NULL;
	}
}

static void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v,
			   unsigned int width)
{
	seq_printf(m, "%s%0*llx", delimiter ? delimiter : "", width, v);
}

static void show_vma_header_prefix(struct seq_file *m, unsigned long start, unsigned long end,
				   vm_flags_t flags, unsigned long long pgoff, dev_t dev,
				   unsigned long ino)
{
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_put_hex_ll(m, NULL, start, 8);
	seq_put_hex_ll(m, "-", end, 8);
	seq_putc(m, ' ');
	seq_putc(m, flags & VM_READ ? 'r' : '-');
	seq_putc(m, flags & VM_WRITE ? 'w' : '-');
	seq_putc(m, flags & VM_EXEC ? 'x' : '-');
	seq_putc(m, flags & VM_MAYSHARE ? 's' : 'p');
	seq_put_hex_ll(m, " ", pgoff, 8);
	seq_put_hex_ll(m, " ", MAJOR(dev), 2);
	seq_put_hex_ll(m, ":", MINOR(dev), 2);
	seq_put_decimal_ull(m, " ", ino);
	seq_putc(m, ' ');
}

/* The mapped file's name (Linux: seq_file_path, with d_dname for unlinked shmem files). */
static void show_vma_file(struct seq_file *m, struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;

	if (dentry->d_flags & DCACHE_DISCONNECTED) {
		seq_putc(m, '/');
		seq_write(m, dentry->d_name.name, dentry->d_name.len);
		seq_puts(m, " (deleted)");
		return;
	}
	seq_path(m, &file->f_path, "\n");
}

static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	vm_flags_t flags = vma->vm_flags;
	unsigned long ino = 0;
	unsigned long long pgoff = 0;
	dev_t dev = 0;
	const char *name = NULL;

	if (file) {
		struct inode *inode = file_inode(file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = ((unsigned long long)vma->vm_pgoff) << PAGE_SHIFT;
	}
	show_vma_header_prefix(m, vma->vm_start, vma->vm_end, flags, pgoff, dev, ino);
	if (file) {
		seq_pad(m, ' ');
		show_vma_file(m, file);
		goto done;
	}
	if (vma->vm_ops && vma->vm_ops->name) {
		name = vma->vm_ops->name(vma);
		if (name)
			goto done_name;
	}
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		name = "[heap]";
	else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		name = "[stack]";
done_name:
	if (name) {
		seq_pad(m, ' ');
		seq_puts(m, name);
	}
done:
	seq_putc(m, '\n');
}

static int show_map(struct seq_file *m, void *v)
{
	show_map_vma(m, v);
	return 0;
}

static const struct seq_operations proc_pid_maps_op = {
	.start = m_start,
	.next = m_next,
	.stop = m_stop,
	.show = show_map,
};

static int pid_maps_open(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv;
	struct task_struct *task = get_proc_task(inode);

	if (!task)
		return -ESRCH;
	put_task_struct(task);
	priv = __seq_open_private(file, &proc_pid_maps_op, sizeof(*priv));
	if (!priv)
		return -ENOMEM;
	priv->inode = inode;
	return 0;
}

const struct file_operations proc_pid_maps_operations = {
	.open = pid_maps_open,
	.read = seq_read,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/* ---- smaps_rollup ----------------------------------------------------------------------- */

#define PSS_SHIFT 12

struct mem_size_stats {
	unsigned long resident;
	unsigned long shared_clean;
	unsigned long shared_dirty;
	unsigned long private_clean;
	unsigned long private_dirty;
	unsigned long referenced;
	unsigned long anonymous;
	unsigned long long pss;
	unsigned long long pss_dirty;
	unsigned long long pss_anon;
	unsigned long long pss_file;
	unsigned long long pss_shmem;
	unsigned long long pss_locked;
};

/* One present PTE's page (Linux: smaps_account). */
static void smaps_pte_entry(struct mem_size_stats *mss, struct vm_area_struct *vma, pte_t pte)
{
	struct page *page;
	struct folio *folio;
	unsigned long size = PAGE_SIZE;
	unsigned long long pss;
	bool dirty, anon;
	int mapcount;

	if (!pte_present(pte))
		return;
	page = pfn_to_page(pte_pfn(pte));
	if (page == ZERO_PAGE(0))
		return;		/* Linux: vm_normal_page() says no page for the zero page */
	folio = (struct folio *)page;
	anon = !folio->mapping;
	dirty = pte_dirty(pte) || (folio->flags & (1UL << PG_dirty));
	mss->resident += size;
	if (anon)
		mss->anonymous += size;
	if (pte_young(pte))
		mss->referenced += size;
	mapcount = READ_ONCE(page->_mapcount) + 1;
	if (mapcount < 1)
		mapcount = 1;
	pss = ((unsigned long long)size << PSS_SHIFT) / mapcount;
	if (mapcount >= 2) {
		if (dirty)
			mss->shared_dirty += size;
		else
			mss->shared_clean += size;
	} else {
		if (dirty)
			mss->private_dirty += size;
		else
			mss->private_clean += size;
	}
	mss->pss += pss;
	if (dirty)
		mss->pss_dirty += pss;
	if (anon)
		mss->pss_anon += pss;
	else if (shmem_mapping(folio->mapping))
		mss->pss_shmem += pss;
	else
		mss->pss_file += pss;
	if (vma->vm_flags & VM_LOCKED)
		mss->pss_locked += pss;
}

static void smap_gather_stats(struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr = vma->vm_start, end = vma->vm_end;

	while (addr < end) {
		pgd_t *pgd = pgd_offset(mm, addr);
		p4d_t *p4d;
		pud_t *pud;
		pmd_t *pmd;
		unsigned long next;

		if (pgd_none(*pgd)) {
			addr = pgd_addr_end(addr, end);
			continue;
		}
		p4d = p4d_offset(pgd, addr);
		if (p4d_none(*p4d)) {
			addr = p4d_addr_end(addr, end);
			continue;
		}
		pud = pud_offset(p4d, addr);
		if (pud_none(*pud)) {
			addr = pud_addr_end(addr, end);
			continue;
		}
		pmd = pmd_offset(pud, addr);
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd) || pmd_leaf(*pmd)) {
			addr = next;
			continue;
		}
		for (; addr < next; addr += PAGE_SIZE)
			smaps_pte_entry(mss, vma, READ_ONCE(*pte_offset_kernel(pmd, addr)));
	}
}

static void seq_put_kb(struct seq_file *m, const char *str, unsigned long long bytes)
{
	seq_printf(m, "%s%8llu", str, bytes >> 10);
}

static int show_smaps_rollup(struct seq_file *m, void *v)
{
	struct proc_maps_private *priv = m->private;
	struct mem_size_stats mss = {};
	struct task_struct *task = get_proc_task(priv->inode);
	struct vm_area_struct *vma;
	unsigned long start = 0, last_vma_end = 0;
	struct mm_struct *mm;

	if (!task)
		return -ESRCH;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return 0;
	mmap_read_lock(mm);
	vma = mm->mmap;
	if (vma)
		start = vma->vm_start;
	for (; vma; vma = vma->vm_next) {
		smap_gather_stats(vma, &mss);
		last_vma_end = vma->vm_end;
	}
	mmap_read_unlock(mm);
	mmput(mm);

	show_vma_header_prefix(m, start, last_vma_end, 0, 0, 0, 0);
	seq_pad(m, ' ');
	seq_puts(m, "[rollup]\n");
	seq_put_kb(m, "Rss:            ", mss.resident);
	seq_put_kb(m, " kB\nPss:            ", mss.pss >> PSS_SHIFT);
	seq_put_kb(m, " kB\nPss_Dirty:      ", mss.pss_dirty >> PSS_SHIFT);
	seq_put_kb(m, " kB\nPss_Anon:       ", mss.pss_anon >> PSS_SHIFT);
	seq_put_kb(m, " kB\nPss_File:       ", mss.pss_file >> PSS_SHIFT);
	seq_put_kb(m, " kB\nPss_Shmem:      ", mss.pss_shmem >> PSS_SHIFT);
	seq_put_kb(m, " kB\nShared_Clean:   ", mss.shared_clean);
	seq_put_kb(m, " kB\nShared_Dirty:   ", mss.shared_dirty);
	seq_put_kb(m, " kB\nPrivate_Clean:  ", mss.private_clean);
	seq_put_kb(m, " kB\nPrivate_Dirty:  ", mss.private_dirty);
	seq_put_kb(m, " kB\nReferenced:     ", mss.referenced);
	seq_put_kb(m, " kB\nAnonymous:      ", mss.anonymous);
	seq_put_kb(m, " kB\nLazyFree:       ", 0);
	seq_put_kb(m, " kB\nAnonHugePages:  ", 0);
	seq_put_kb(m, " kB\nShmemPmdMapped: ", 0);
	seq_put_kb(m, " kB\nFilePmdMapped:  ", 0);
	seq_put_kb(m, " kB\nShared_Hugetlb: ", 0);
	seq_printf(m, " kB\nPrivate_Hugetlb: %7llu", 0ULL);
	seq_put_kb(m, " kB\nSwap:           ", 0);
	seq_put_kb(m, " kB\nSwapPss:        ", 0);
	seq_put_kb(m, " kB\nLocked:         ", mss.pss_locked >> PSS_SHIFT);
	seq_puts(m, " kB\n");
	return 0;
}

static int smaps_rollup_open(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv;
	struct task_struct *task = get_proc_task(inode);
	int ret;

	if (!task)
		return -ESRCH;
	put_task_struct(task);
	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->inode = inode;
	ret = single_open(file, show_smaps_rollup, priv);
	if (ret)
		kfree(priv);
	return ret;
}

static int smaps_rollup_release(struct inode *inode, struct file *file)
{
	struct seq_file *seq = file->private_data;

	kfree(seq->private);
	return single_release(inode, file);
}

const struct file_operations proc_pid_smaps_rollup_operations = {
	.open = smaps_rollup_open,
	.read = seq_read,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = smaps_rollup_release,
};
