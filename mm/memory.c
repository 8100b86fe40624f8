// SPDX-License-Identifier: GPL-2.0
/*
 * User page tables: demand paging, copy-on-write, unmapping (Linux:
 * mm/memory.c, and the map counting of mm/rmap.c without the rmap).
 *
 * Nothing is mapped when a VMA is made. The first access faults
 * (do_user_addr_fault in mm/fault.c) and handle_mm_fault() ->
 * __handle_mm_fault() allocates the p4d/pud/pmd/pte tables on the way
 * down, then handle_pte_fault() decides:
 *   - empty PTE, anonymous VMA: do_anonymous_page(). A read maps the one
 *     shared zero page read-only (PGZEROMAP); a write maps a new zeroed
 *     page (NR_ANON_MAPPED, MM_ANONPAGES).
 *   - empty PTE, VMA with ->fault (a file: shmem_fault): do_fault(),
 *     which asks ->fault for the page-cache page at the file page
 *     vm_pgoff + (address - vm_start) / PAGE_SIZE (__do_fault: returned
 *     referenced and locked, so truncation cannot remove it before the
 *     PTE is in) and then
 *       do_read_fault: a read maps the file's page (read-only in a
 *         private mapping, by its vm_page_prot);
 *       do_cow_fault: a write to a private mapping maps a new anonymous
 *         copy (MM_ANONPAGES); the file keeps its page unchanged;
 *       do_shared_fault: a write to a shared mapping maps the file's page
 *         writable and marks it dirty (after ->page_mkwrite, if any).
 *     A mapped page-cache page counts in MM_SHMEMPAGES (shmem) or
 *     MM_FILEPAGES (mm_counter_file) and, while some PTE maps it, in
 *     NR_FILE_MAPPED; the PTE holds a reference of its own.
 *   - present PTE written without _PAGE_RW: do_wp_page(): in a shared
 *     mapping the page itself becomes writable (wp_page_shared); a page
 *     only we map is made writable again (wp_page_reuse; PGREUSE);
 *     otherwise, the file's page in a private mapping included, it is
 *     copied (wp_page_copy, PGCOW: allocate, copy, clear the old PTE and
 *     flush it on every CPU, install the new one, then drop the old
 *     page's map and reference).
 * (access_remote_vm, the page walk of get_user_pages, is in mm/gup.c.)
 * fork's copy_page_range() copies the PTEs of each VMA; for a private
 * writable (is_cow_mapping) VMA it write-protects them in parent and
 * child alike and raises each page's _refcount and _mapcount.
 * unmap_vmas()/zap_page_range() clear PTEs and give the pages to the
 * mmu_gather (mm/mmu_gather.c), which frees them only after the TLB
 * flush; free_pgtables() hands the emptied table pages to it too, after
 * taking each file VMA out of its file's i_mmap. unmap_mapping_range()
 * (truncation, hole punching) zaps a range of file pages from every VMA
 * in the file's i_mmap (mm/interval_tree.c), in whichever process.
 *
 * Locking: faults run under mmap_read_lock; mm->page_table_lock guards
 * installing a table and every PTE change (Linux has a split lock per
 * PTE page; here one lock per mm). The zero page is never counted: its
 * _refcount and _mapcount are never touched and vm_normal_page() returns
 * NULL for it, as for Linux's special zero-page PTE.
 *
 * Left out: swap (so no swap entries, no major faults: PGMAJFAULT stays
 * 0), anon_vma/reverse mapping (an anonymous page is one whose
 * page->mapping is NULL), transparent huge pages, NUMA, userfaultfd,
 * mmu_notifiers, fault-around (->map_pages), the per-VMA locks of 6.4,
 * dirty tracking of shared mappings (vma_wants_writenotify: nothing is
 * ever written back here), and VM_FAULT_RETRY (every fault completes
 * under mmap_read_lock). fork copies the PTEs of shared file mappings
 * too (Linux leaves them to fault again in the child).
 */
#include <asm/pgalloc.h>
#include <asm/pgtable.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmstat.h>

#include "memory_internal.h"

/* The shared zero page (Linux: empty_zero_page in arch/x86/kernel/head_64.S). */
static unsigned char empty_zero_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

struct page *get_zero_page(void)
{
	return virt_to_page(empty_zero_page);
}

unsigned long zero_pfn(void)
{
	return __pa(empty_zero_page) >> PAGE_SHIFT;
}

unsigned long mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

/* ---- the reverse-map counts (Linux: mm/rmap.c, without the rmap) ---- */

/* Which rss counter a page counts in (Linux: mm_counter). */
/*
 * The rss counter of a page-cache page (Linux: mm_counter_file): shmem
 * pages (PG_swapbacked) are RssShmem, other file pages RssFile.
 */
static int mm_counter_file(struct page *page)
{
	return folio_test_swapbacked(page_folio(page)) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

static int mm_counter(struct page *page)
{
	if (page_is_anon(page))
		return MM_ANONPAGES;
	return mm_counter_file(page);
}

/* A new anonymous page gets its first map (Linux: page_add_new_anon_rmap). */
static void page_add_new_anon_rmap(struct page *page)
{
	__atomic_store_n(&page->_mapcount, 0, __ATOMIC_RELAXED);
	mod_node_page_state(NODE_DATA(0), NR_ANON_MAPPED, 1);
}

/*
 * One more PTE maps a page that may already be mapped (fork, file
 * faults). Its first map counts it in AnonPages (NR_ANON_MAPPED) or, for
 * a page-cache page, in Mapped (NR_FILE_MAPPED, shmem included, as
 * Linux's page_add_file_rmap counts it).
 */
static void page_dup_rmap(struct page *page)
{
	if (__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) == 0)
		mod_node_page_state(NODE_DATA(0),
				    page_is_anon(page) ? NR_ANON_MAPPED : NR_FILE_MAPPED, 1);
}

/* A page-cache page gets one more map (Linux: page_add_file_rmap). */
static void page_add_file_rmap(struct page *page)
{
	page_dup_rmap(page);
}

/* A PTE no longer maps page; its last map takes it out of AnonPages or Mapped. */
static void page_remove_rmap(struct page *page)
{
	if (__atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED) < 0)
		mod_node_page_state(NODE_DATA(0),
				    page_is_anon(page) ? NR_ANON_MAPPED : NR_FILE_MAPPED, -1);
}

/*
 * The struct page a PTE maps, or NULL for "special" mappings that are not
 * reference-counted: the zero page and raw pfn maps (Linux: vm_normal_page).
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (is_zero_pfn(pfn))
		return NULL;
	if (vma->vm_flags & (VM_PFNMAP | VM_IO))
		return NULL;
	if (!pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

/* Writable only if the VMA allows writing (Linux: maybe_mkwrite). */
static inline pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_WRITE)
		pte = pte_mkwrite(pte);
	return pte;
}

/* ---- page-table pages ---- */

static void pgtable_account(struct mm_struct *mm, long nr)
{
	mod_node_page_state(NODE_DATA(0), NR_PAGETABLE, nr);
	atomic_long_add(nr * (long)PAGE_SIZE, &mm->pgtables_bytes);
}

/*
 * Fill the empty upper-level entry *entry with a new zeroed table. The
 * allocation may sleep, so it happens first; page_table_lock decides
 * which of two racing faults installs its table (Linux: __pte_alloc,
 * __pmd_alloc, ...). 0 or -ENOMEM.
 */
static int __pt_alloc(struct mm_struct *mm, pteval_t *entry)
{
	struct page *new = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	if (!READ_ONCE(*entry)) {
		pgtable_account(mm, 1);
		WRITE_ONCE(*entry, page_to_phys(new) | _PAGE_TABLE);
		new = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	if (new)
		__free_page(new);
	return 0;
}

static p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long addr)
{
	if (pgtable_l5_enabled() && pgd_none(*pgd) && __pt_alloc(mm, &pgd->pgd))
		return NULL;
	return p4d_offset(pgd, addr);
}

static pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long addr)
{
	if (p4d_none(*p4d) && __pt_alloc(mm, &p4d->p4d))
		return NULL;
	return pud_offset(p4d, addr);
}

static pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long addr)
{
	if (pud_none(*pud) && __pt_alloc(mm, &pud->pud))
		return NULL;
	return pmd_offset(pud, addr);
}

static pte_t *pte_alloc(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	if (pmd_none(*pmd) && __pt_alloc(mm, &pmd->pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/* The table page an upper-level entry points to. */
static inline struct page *pt_entry_page(pteval_t v)
{
	return pfn_to_page((v & PTE_PFN_MASK) >> PAGE_SHIFT);
}

/* Walk to addr's PTE without allocating; NULL if a level is missing. */
pte_t *walk_to_pte(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	p4d_t *p4d;
	pud_t *pud;
	pmd_t *pmd;

	if (!pgd_present(*pgd))
		return NULL;
	p4d = p4d_offset(pgd, addr);
	if (!p4d_present(*p4d))
		return NULL;
	pud = pud_offset(p4d, addr);
	if (!pud_present(*pud) || pud_leaf(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (!pmd_present(*pmd) || pmd_leaf(*pmd))
		return NULL;
	return pte_offset_map(pmd, addr);
}

/* ---- TLB helpers for one PTE ---- */

/* Clear a PTE and flush it from every CPU that may cache it (Linux: ptep_clear_flush). */
static pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	pte_t pte = ptep_get_and_clear(ptep);

	if (pte_young(pte) || pte_present(pte))
		flush_tlb_page(vma, addr);
	return pte;
}

/* A fault found the PTE already fine: this CPU's TLB was stale (Linux: flush_tlb_fix_spurious_fault). */
static inline void flush_tlb_fix_spurious_fault(unsigned long addr)
{
#ifndef HOST_TEST
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
#endif
}

/* ---- faults ---- */

static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t entry;

	/* A read maps the zero page, read-only, uncounted. */
	if (!(vmf->flags & FAULT_FLAG_WRITE)) {
		entry = pte_wrprotect(pfn_pte(zero_pfn(), vma->vm_page_prot));
		spin_lock(&mm->page_table_lock);
		if (pte_none(ptep_get(vmf->pte))) {
			set_pte(vmf->pte, entry);
			count_vm_event(PGZEROMAP);
		}
		spin_unlock(&mm->page_table_lock);
		return 0;
	}

	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	if (!page)
		return VM_FAULT_OOM;
	entry = mk_pte(page, vma->vm_page_prot);
	entry = pte_mkyoung(entry);
	if (vma->vm_flags & VM_WRITE)
		entry = pte_mkwrite(pte_mkdirty(entry));
	else
		entry = pte_mkdirty(entry);	/* FOLL_FORCE writes a read-only private page */

	spin_lock(&mm->page_table_lock);
	if (!pte_none(ptep_get(vmf->pte))) {
		/* Another thread of this mm got there first. */
		spin_unlock(&mm->page_table_lock);
		put_page(page);
		return 0;
	}
	page_add_new_anon_rmap(page);
	add_mm_counter(mm, MM_ANONPAGES, 1);
	set_pte(vmf->pte, entry);
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/*
 * Install the page at the empty PTE (Linux: finish_fault + do_set_pte):
 * a private write maps vmf->cow_page, a new anonymous page; anything else
 * maps vmf->page, the page-cache page ->fault returned (referenced, and
 * locked, so truncation cannot take it out of the file meanwhile). The
 * PTE takes over the caller's reference. VM_FAULT_NOPAGE if another
 * thread filled the PTE first: the caller drops its page then.
 */
static vm_fault_t finish_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	bool cow = write && !(vma->vm_flags & VM_SHARED);
	struct page *page = cow ? vmf->cow_page : vmf->page;
	pte_t entry = pte_mkyoung(mk_pte(page, vma->vm_page_prot));

	/*
	 * A read maps with vm_page_prot: read-only in a private mapping (the
	 * page is the file's: a later write copies it, do_wp_page), writable
	 * in a shared writable one.
	 */
	if (write)
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);

	spin_lock(&mm->page_table_lock);
	if (!pte_none(ptep_get(vmf->pte))) {
		spin_unlock(&mm->page_table_lock);
		return VM_FAULT_NOPAGE;
	}
	if (cow) {
		page_add_new_anon_rmap(page);
		add_mm_counter(mm, MM_ANONPAGES, 1);
	} else {
		page_add_file_rmap(page);
		add_mm_counter(mm, mm_counter_file(page), 1);
	}
	set_pte(vmf->pte, entry);
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/*
 * Ask the VMA's ->fault for the page at vmf->pgoff (Linux: __do_fault).
 * On success vmf->page is referenced and locked.
 */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	vmf->page = NULL;
	ret = vmf->vma->vm_ops->fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	if (!vmf->page)
		return VM_FAULT_SIGBUS;
	if (!(ret & VM_FAULT_LOCKED))
		folio_lock(page_folio(vmf->page));
	return ret | VM_FAULT_LOCKED;
}

/* A read fault: map the file's page itself (Linux: do_read_fault, without fault-around). */
static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	vm_fault_t ret = __do_fault(vmf);

	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	ret |= finish_fault(vmf);
	folio_unlock(page_folio(vmf->page));
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		put_page(vmf->page);
	return ret;
}

/*
 * A write to a private file mapping: map a copy of the file's page in a
 * new anonymous page; the file keeps its own (Linux: do_cow_fault).
 */
static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	vmf->cow_page = alloc_page(GFP_HIGHUSER_MOVABLE);
	if (!vmf->cow_page)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		goto out_cow;
	copy_page(page_address(vmf->cow_page), page_address(vmf->page));
	ret |= finish_fault(vmf);
	folio_unlock(page_folio(vmf->page));
	put_page(vmf->page);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		goto out_cow;
	return ret;
out_cow:
	put_page(vmf->cow_page);
	return ret;
}

/*
 * Let the filesystem know a page of a shared mapping is about to become
 * writable (Linux: do_page_mkwrite). Returns with the page locked
 * (VM_FAULT_LOCKED), an error, or 0: the page left the file meanwhile,
 * retry the access.
 */
static vm_fault_t do_page_mkwrite(struct vm_fault *vmf)
{
	struct folio *folio = page_folio(vmf->page);
	unsigned int old_flags = vmf->flags;
	vm_fault_t ret;

	vmf->flags |= FAULT_FLAG_MKWRITE;
	ret = vmf->vma->vm_ops->page_mkwrite(vmf);
	vmf->flags = old_flags;
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	if (!(ret & VM_FAULT_LOCKED)) {
		folio_lock(folio);
		if (!folio->mapping) {
			folio_unlock(folio);
			return 0;
		}
		ret |= VM_FAULT_LOCKED;
	}
	return ret;
}

/*
 * A write to a shared mapping: the file's page itself becomes writable
 * and dirty, every mapper and read() see the write (Linux:
 * do_shared_fault + fault_dirty_shared_page).
 */
static vm_fault_t do_shared_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret, tmp;

	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	if (vma->vm_ops->page_mkwrite) {
		folio_unlock(page_folio(vmf->page));
		tmp = do_page_mkwrite(vmf);
		if (!tmp || (tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			put_page(vmf->page);
			return tmp;
		}
	}
	ret |= finish_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY)) {
		folio_unlock(page_folio(vmf->page));
		put_page(vmf->page);
		return ret;
	}
	folio_mark_dirty(page_folio(vmf->page));
	folio_unlock(page_folio(vmf->page));
	return ret & ~VM_FAULT_LOCKED;
}

/* An empty PTE in a VMA with operations (Linux: do_fault). */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	if (!vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	vmf->pgoff = vma->vm_pgoff + ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
	if (!(vmf->flags & FAULT_FLAG_WRITE))
		ret = do_read_fault(vmf);
	else if (!(vma->vm_flags & VM_SHARED))
		ret = do_cow_fault(vmf);
	else
		ret = do_shared_fault(vmf);
	return ret & ~VM_FAULT_LOCKED;
}

/*
 * Break COW by copying (Linux: wp_page_copy). old is the page the PTE
 * maps with a reference we took, or NULL for the zero page. Called
 * without page_table_lock.
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf, struct page *old)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *new;
	pte_t entry;

	if (old) {
		new = alloc_page(GFP_HIGHUSER_MOVABLE);
		if (new)
			copy_page(page_address(new), page_address(old));
	} else {
		new = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO);
	}
	if (!new) {
		if (old)
			put_page(old);
		return VM_FAULT_OOM;
	}

	spin_lock(&mm->page_table_lock);
	if (pte_val(ptep_get(vmf->pte)) != pte_val(vmf->orig_pte)) {
		/* Someone else broke it (or unmapped it) meanwhile. */
		spin_unlock(&mm->page_table_lock);
		put_page(new);
		if (old)
			put_page(old);
		return 0;
	}
	if (!old)
		add_mm_counter(mm, MM_ANONPAGES, 1);
	else if (!page_is_anon(old)) {
		add_mm_counter(mm, mm_counter(old), -1);
		add_mm_counter(mm, MM_ANONPAGES, 1);
	}
	entry = pte_mkyoung(mk_pte(new, vma->vm_page_prot));
	entry = maybe_mkwrite(pte_mkdirty(entry), vma);
	/*
	 * The old translation must be gone from every TLB before the new
	 * one is visible, or another CPU could go on writing the old page
	 * (shared with the other process) after we copied it.
	 */
	ptep_clear_flush(vma, vmf->address, vmf->pte);
	page_add_new_anon_rmap(new);
	set_pte(vmf->pte, entry);
	if (old)
		page_remove_rmap(old);
	spin_unlock(&mm->page_table_lock);
	count_vm_event(PGCOW);
	if (old) {
		put_page(old);	/* the map's reference */
		put_page(old);	/* ours, from do_wp_page */
	}
	return 0;
}

/*
 * Make the write-protected PTE writable in place, no copy (Linux:
 * wp_page_reuse). Entered with page_table_lock held; drops it.
 */
static void wp_page_reuse(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t entry = maybe_mkwrite(pte_mkdirty(pte_mkyoung(vmf->orig_pte)), vma);

	set_pte(vmf->pte, entry);
	spin_unlock(&vma->vm_mm->page_table_lock);
	/* Other CPUs may hold the read-only entry: they take a spurious fault. */
	flush_tlb_fix_spurious_fault(vmf->address);
}

/*
 * A write to a read-only PTE of a shared mapping (mprotect made it
 * read-only, then writable again; or a filesystem wants to hear of
 * writes): the file's page itself becomes writable and dirty, after
 * ->page_mkwrite if the VMA has one (Linux: wp_page_shared). Entered with
 * page_table_lock held; every path drops it.
 */
static vm_fault_t wp_page_shared(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct folio *folio = page_folio(vmf->page);
	vm_fault_t ret = 0;

	get_page(vmf->page);
	if (vma->vm_ops && vma->vm_ops->page_mkwrite) {
		spin_unlock(&mm->page_table_lock);
		ret = do_page_mkwrite(vmf);
		if (!ret || (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			put_page(vmf->page);
			return ret;
		}
		/* Linux: finish_mkwrite_fault. */
		spin_lock(&mm->page_table_lock);
		if (pte_val(ptep_get(vmf->pte)) != pte_val(vmf->orig_pte)) {
			spin_unlock(&mm->page_table_lock);
			folio_unlock(folio);
			put_page(vmf->page);
			return VM_FAULT_NOPAGE;
		}
		wp_page_reuse(vmf);
	} else {
		wp_page_reuse(vmf);
		folio_lock(folio);
	}
	folio_mark_dirty(folio);	/* Linux: fault_dirty_shared_page */
	folio_unlock(folio);
	put_page(vmf->page);
	return ret & ~VM_FAULT_LOCKED;
}

/*
 * A write to a present, write-protected PTE (Linux: do_wp_page). Entered
 * with page_table_lock held; every path drops it.
 */
static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	struct page *page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	pte_t entry;

	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED)) {
		if (!page) {
			/* wp_pfn_shared: a raw pfn map just becomes writable. */
			entry = pte_mkwrite(pte_mkdirty(pte_mkyoung(vmf->orig_pte)));
			set_pte(vmf->pte, entry);
			spin_unlock(&mm->page_table_lock);
			flush_tlb_fix_spurious_fault(vmf->address);
			return 0;
		}
		vmf->page = page;
		return wp_page_shared(vmf);
	}

	/*
	 * wp_page_reuse: an anonymous page that this PTE alone maps and
	 * nobody else holds (Linux 6.1 checks the refcount the same way).
	 */
	if (page && page_is_anon(page) && page_mapcount(page) == 1 &&
	    page_ref_count(page) == 1) {
		wp_page_reuse(vmf);
		count_vm_event(PGREUSE);
		return 0;
	}

	/*
	 * Shared with someone, the zero page, or a page-cache page that a
	 * private mapping maps read-only (the file's page is never written
	 * through a private mapping): copy.
	 */
	if (page)
		get_page(page);
	spin_unlock(&mm->page_table_lock);
	return wp_page_copy(vmf, page);
}

static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct mm_struct *mm = vma->vm_mm;
	pte_t entry;

	vmf->pte = pte_alloc(mm, vmf->pmd, vmf->address);
	if (!vmf->pte)
		return VM_FAULT_OOM;
	vmf->orig_pte = ptep_get(vmf->pte);

	if (pte_none(vmf->orig_pte)) {
		if (vma_is_anonymous(vma))
			return do_anonymous_page(vmf);
		return do_fault(vmf);
	}
	/* No swap: a PTE that is not empty is present. */

	spin_lock(&mm->page_table_lock);
	entry = ptep_get(vmf->pte);
	if (pte_val(entry) != pte_val(vmf->orig_pte)) {
		spin_unlock(&mm->page_table_lock);
		return 0;
	}
	vmf->orig_pte = entry;
	if (vmf->flags & FAULT_FLAG_WRITE) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		entry = pte_mkdirty(entry);
	}
	entry = pte_mkyoung(entry);
	if (pte_val(entry) != pte_val(vmf->orig_pte))
		set_pte(vmf->pte, entry);
	spin_unlock(&mm->page_table_lock);
	/* The PTE allowed the access: this CPU's TLB entry was stale. */
	flush_tlb_fix_spurious_fault(vmf->address);
	return 0;
}

static vm_fault_t __handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
				    unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_fault vmf = {
		.vma = vma,
		.address = address & PAGE_MASK,
		.real_address = address,
		.flags = flags,
		.pgoff = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT),
	};
	pgd_t *pgd = pgd_offset(mm, address);
	p4d_t *p4d;
	pud_t *pud;

	p4d = p4d_alloc(mm, pgd, address);
	if (!p4d)
		return VM_FAULT_OOM;
	pud = pud_alloc(mm, p4d, address);
	if (!pud)
		return VM_FAULT_OOM;
	vmf.pmd = pmd_alloc(mm, pud, address);
	if (!vmf.pmd)
		return VM_FAULT_OOM;
	return handle_pte_fault(&vmf);
}

/*
 * The entry for every user fault (Linux: handle_mm_fault). Counts
 * PGFAULT, and the task's min_flt (maj_flt never: no swap or disk, so
 * nothing waits for I/O and PGMAJFAULT stays 0).
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags, struct pt_regs *regs)
{
	vm_fault_t ret;

	count_vm_event(PGFAULT);
	ret = __handle_mm_fault(vma, address, flags);
	if (!(ret & VM_FAULT_RETRY)) {
		if (ret & VM_FAULT_MAJOR)
			current->maj_flt++;
		else
			current->min_flt++;
	}
	return ret;
}

/* ---- fork: copy_page_range ---- */

struct copy_state {
	long rss[NR_MM_COUNTERS];
	bool wrprotected;	/* a parent PTE lost _PAGE_RW: its TLB must be flushed */
};

/* One present PTE (Linux: copy_present_pte). Called under src's page_table_lock. */
static void copy_present_pte(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			     pte_t *dst_pte, pte_t *src_pte, unsigned long addr,
			     struct copy_state *st)
{
	pte_t pte = ptep_get(src_pte);
	struct page *page = vm_normal_page(src_vma, addr, pte);

	if (page) {
		get_page(page);
		page_dup_rmap(page);
		st->rss[mm_counter(page)]++;
	}
	/* Private and writable: both sides see it read-only until one writes. */
	if (is_cow_mapping(src_vma->vm_flags) && pte_write(pte)) {
		ptep_set_wrprotect(src_pte);
		pte = pte_wrprotect(pte);
		st->wrprotected = true;
	}
	if (src_vma->vm_flags & VM_SHARED)
		pte = pte_mkclean(pte);
	pte = pte_mkold(pte);
	set_pte(dst_pte, pte);
}

static int copy_pte_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pmd_t *dst_pmd, pmd_t *src_pmd, unsigned long addr, unsigned long end,
			  struct copy_state *st)
{
	struct mm_struct *src_mm = src_vma->vm_mm;
	pte_t *dst_pte, *src_pte;

	dst_pte = pte_alloc(dst_vma->vm_mm, dst_pmd, addr);
	if (!dst_pte)
		return -ENOMEM;
	src_pte = pte_offset_map(src_pmd, addr);
	/* dst is not yet visible to anyone: only the source needs its lock. */
	spin_lock(&src_mm->page_table_lock);
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (pte_none(ptep_get(src_pte)))
			continue;
		copy_present_pte(dst_vma, src_vma, dst_pte, src_pte, addr, st);
	}
	spin_unlock(&src_mm->page_table_lock);
	return 0;
}

static int copy_pmd_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pud_t *dst_pud, pud_t *src_pud, unsigned long addr, unsigned long end,
			  struct copy_state *st)
{
	pmd_t *src_pmd = pmd_offset(src_pud, addr);
	pmd_t *dst_pmd = pmd_alloc(dst_vma->vm_mm, dst_pud, addr);
	unsigned long next;

	if (!dst_pmd)
		return -ENOMEM;
	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*src_pmd))
			continue;
		if (copy_pte_range(dst_vma, src_vma, dst_pmd, src_pmd, addr, next, st))
			return -ENOMEM;
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

static int copy_pud_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  p4d_t *dst_p4d, p4d_t *src_p4d, unsigned long addr, unsigned long end,
			  struct copy_state *st)
{
	pud_t *src_pud = pud_offset(src_p4d, addr);
	pud_t *dst_pud = pud_alloc(dst_vma->vm_mm, dst_p4d, addr);
	unsigned long next;

	if (!dst_pud)
		return -ENOMEM;
	do {
		next = pud_addr_end(addr, end);
		if (!pud_present(*src_pud))
			continue;
		if (copy_pmd_range(dst_vma, src_vma, dst_pud, src_pud, addr, next, st))
			return -ENOMEM;
	} while (dst_pud++, src_pud++, addr = next, addr != end);
	return 0;
}

static int copy_p4d_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma,
			  pgd_t *dst_pgd, pgd_t *src_pgd, unsigned long addr, unsigned long end,
			  struct copy_state *st)
{
	p4d_t *src_p4d = p4d_offset(src_pgd, addr);
	p4d_t *dst_p4d = p4d_alloc(dst_vma->vm_mm, dst_pgd, addr);
	unsigned long next;

	if (!dst_p4d)
		return -ENOMEM;
	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_present(*src_p4d))
			continue;
		if (copy_pud_range(dst_vma, src_vma, dst_p4d, src_p4d, addr, next, st))
			return -ENOMEM;
	} while (dst_p4d++, src_p4d++, addr = next, addr != end);
	return 0;
}

/*
 * fork: copy src_vma's PTEs into dst_vma's mm (Linux: copy_page_range).
 * Called from dup_mmap with both mmap_locks held for writing. Linux
 * flushes the parent's TLB once, at the end of dup_mmap
 * (flush_tlb_mm(oldmm)); here each VMA whose PTEs were write-protected
 * is flushed right away, so copy_page_range is safe whoever calls it: the
 * parent never keeps a writable TLB entry for a page it now shares.
 * 0 or -ENOMEM (what was copied stays, for exit_mmap to undo).
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm, *src_mm = src_vma->vm_mm;
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end, next;
	struct copy_state st = { };
	pgd_t *src_pgd, *dst_pgd;
	int ret = 0;

	if (src_vma->vm_flags & VM_PFNMAP)
		return 0;	/* raw pfn maps are not inherited page by page here */
	src_pgd = pgd_offset(src_mm, addr);
	dst_pgd = pgd_offset(dst_mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_present(*src_pgd))
			continue;
		ret = copy_p4d_range(dst_vma, src_vma, dst_pgd, src_pgd, addr, next, &st);
		if (ret)
			break;
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);

	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (st.rss[i])
			add_mm_counter(dst_mm, i, st.rss[i]);
	if (st.wrprotected)
		flush_tlb_mm_range(src_mm, src_vma->vm_start, src_vma->vm_end, PAGE_SHIFT, false);
	return ret;
}

/* ---- unmapping: zap_*_range, unmap_vmas ---- */

/*
 * What a zap of part of a file's mappings spares (Linux: struct
 * zap_details). NULL details: everything goes (munmap, exit).
 * even_cows false (hole punching) keeps the private anonymous copies a
 * MAP_PRIVATE mapping made of the file's pages; single_folio, if set,
 * limits the zap to the PTEs mapping that page-cache folio.
 */
struct zap_details {
	struct folio *single_folio;
	bool even_cows;
};

/* Does details let this page's PTE go? (Linux: should_zap_page + zap_skip_check_mapping) */
static bool should_zap_page(struct zap_details *details, struct page *page)
{
	if (!details)
		return true;
	if (details->single_folio && page_folio(page) != details->single_folio)
		return false;
	if (details->even_cows)
		return true;
	return !page_is_anon(page);
}

/* Returns the address it stopped at (end, or earlier when the gather filled). */
static unsigned long zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
				   pmd_t *pmd, unsigned long addr, unsigned long end,
				   struct zap_details *details)
{
	struct mm_struct *mm = tlb->mm;
	long rss[NR_MM_COUNTERS] = { };
	bool force_flush = false;
	pte_t *pte;

again:
	pte = pte_offset_map(pmd, addr);
	spin_lock(&mm->page_table_lock);
	for (; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		struct page *page;

		if (pte_none(ptent))
			continue;
		page = vm_normal_page(vma, addr, ptent);
		if (details && (!page || !should_zap_page(details, page)))
			continue;	/* a file zap keeps what it was not asked to take */
		ptent = ptep_get_and_clear(pte);
		tlb_remove_tlb_entry(tlb, pte, addr);
		if (!page)
			continue;	/* the zero page, a pfn map */
		if (!page_is_anon(page) && pte_dirty(ptent))
			folio_mark_dirty(page_folio(page));
		rss[mm_counter(page)]--;
		page_remove_rmap(page);
		if (__tlb_remove_page(tlb, page)) {
			/* No room for more: flush and free what we have, then go on. */
			force_flush = true;
			addr += PAGE_SIZE;
			break;
		}
	}
	spin_unlock(&mm->page_table_lock);
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i]) {
			add_mm_counter(mm, i, rss[i]);
			rss[i] = 0;
		}
	if (force_flush) {
		force_flush = false;
		tlb_flush_mmu(tlb);
		if (addr != end)
			goto again;
	}
	return addr;
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pud_t *pud,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*pmd))
			continue;
		zap_pte_range(tlb, vma, pmd, addr, next, details);
	} while (pmd++, addr = next, addr != end);
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma, p4d_t *p4d,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	pud_t *pud = pud_offset(p4d, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_present(*pud))
			continue;
		zap_pmd_range(tlb, vma, pud, addr, next, details);
	} while (pud++, addr = next, addr != end);
}

static void zap_p4d_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pgd_t *pgd,
			  unsigned long addr, unsigned long end, struct zap_details *details)
{
	p4d_t *p4d = p4d_offset(pgd, addr);
	unsigned long next;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_present(*p4d))
			continue;
		zap_pud_range(tlb, vma, p4d, addr, next, details);
	} while (p4d++, addr = next, addr != end);
}

/* Clear [start, end) of one VMA (Linux: unmap_page_range). */
static void unmap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long addr, unsigned long end, struct zap_details *details)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_present(*pgd))
			continue;
		zap_p4d_range(tlb, vma, pgd, addr, next, details);
	} while (pgd++, addr = next, addr != end);
}

static void unmap_single_vma(struct mmu_gather *tlb, struct vm_area_struct *vma,
			     unsigned long start_addr, unsigned long end_addr,
			     struct zap_details *details)
{
	unsigned long start = start_addr > vma->vm_start ? start_addr : vma->vm_start;
	unsigned long end = end_addr < vma->vm_end ? end_addr : vma->vm_end;

	if (start >= end)
		return;
	unmap_page_range(tlb, vma, start, end, details);
}

/*
 * Clear the PTEs of [start, end) in start_vma and the VMAs after it on
 * the vm_next list (Linux <= 6.0: unmap_vmas). The pages go to tlb; the
 * caller's tlb_finish_mmu() flushes and frees them.
 */
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(tlb, vma, start, end, NULL);
}

/* Unmap pages of [address, address + size) (madvise(MADV_DONTNEED)); the VMAs stay. */
void zap_page_range(struct vm_area_struct *vma, unsigned long address, unsigned long size)
{
	struct mmu_gather tlb;
	unsigned long end = address + size;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	for (; vma && vma->vm_start < end; vma = vma->vm_next)
		unmap_single_vma(&tlb, vma, address, end, NULL);
	tlb_finish_mmu(&tlb);
}

/* Zap [address, address + size) of one VMA only (Linux: zap_page_range_single). */
static void zap_page_range_single(struct vm_area_struct *vma, unsigned long address,
				  unsigned long size, struct zap_details *details)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	unmap_single_vma(&tlb, vma, address, address + size, details);
	tlb_finish_mmu(&tlb);
}

/* ---- unmap_mapping_range: a file's pages out of every mapping ---- */

/*
 * Zap the file pages [first_index, last_index] from each VMA of the
 * tree that maps some of them (Linux: unmap_mapping_range_tree).
 */
static void unmap_mapping_range_tree(struct rb_root_cached *root, pgoff_t first_index,
				     pgoff_t last_index, struct zap_details *details)
{
	struct vm_area_struct *vma;

	vma_interval_tree_foreach(vma, root, first_index, last_index) {
		pgoff_t vba = vma->vm_pgoff;
		pgoff_t vea = vba + vma_pages(vma) - 1;
		pgoff_t zba = first_index > vba ? first_index : vba;
		pgoff_t zea = last_index < vea ? last_index : vea;
		unsigned long start = ((zba - vba) << PAGE_SHIFT) + vma->vm_start;
		unsigned long end = ((zea - vba + 1) << PAGE_SHIFT) + vma->vm_start;

		zap_page_range_single(vma, start, end - start, details);
	}
}

/*
 * Unmap nr file pages from start (nr 0: to the end of the file) from
 * every process that maps them (Linux: unmap_mapping_pages). Holds
 * i_mmap_rwsem for reading, so no VMA leaves the tree (and none of its
 * page tables is freed: free_pgtables unlinks first) meanwhile; takes no
 * mmap_lock: each PTE change is under that mm's page_table_lock. A page
 * is freed only after every TLB that may hold it has been flushed (the
 * mmu_gather).
 */
void unmap_mapping_pages(struct address_space *mapping, pgoff_t start, pgoff_t nr,
			 bool even_cows)
{
	struct zap_details details = { .even_cows = even_cows };
	pgoff_t first_index = start, last_index = start + nr - 1;

	if (last_index < first_index)
		last_index = ULONG_MAX;
	i_mmap_lock_read(mapping);
	if (mapping_mapped(mapping))
		unmap_mapping_range_tree(&mapping->i_mmap, first_index, last_index, &details);
	i_mmap_unlock_read(mapping);
}

/*
 * The same in bytes (Linux: unmap_mapping_range): every page that holds a
 * byte of [holebegin, holebegin + holelen) goes, holelen 0 meaning to the
 * end of the file. even_cows: truncation, which takes the private COW
 * copies too (the data past EOF is gone for everyone: SIGBUS); hole
 * punching passes 0 and private copies stay.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t const holebegin,
			 loff_t const holelen, int even_cows)
{
	pgoff_t hba = (pgoff_t)holebegin >> PAGE_SHIFT;
	pgoff_t hlen = ((pgoff_t)holelen + PAGE_SIZE - 1) >> PAGE_SHIFT;

	unmap_mapping_pages(mapping, hba, hlen, even_cows);
}

/*
 * One page-cache folio out of every mapping, private copies kept (Linux:
 * unmap_mapping_folio, from truncation of a folio still mapped: a fault
 * that found the folio before truncation took it has mapped it since).
 * The caller holds the folio lock.
 */
void unmap_mapping_folio(struct folio *folio)
{
	struct address_space *mapping = folio->mapping;
	struct zap_details details = { .single_folio = folio };

	if (!mapping)
		return;
	i_mmap_lock_read(mapping);
	if (mapping_mapped(mapping))
		unmap_mapping_range_tree(&mapping->i_mmap, folio->index, folio->index, &details);
	i_mmap_unlock_read(mapping);
}

/* ---- free_pgtables: the table pages of unmapped ranges ---- */

static void free_pte_range(struct mmu_gather *tlb, pmd_t *pmd, unsigned long addr)
{
	struct page *pt = pt_entry_page(pmd_val(*pmd));

	set_pmd(pmd, __pmd(0));
	pte_free_tlb(tlb, pt, addr);
}

static void free_pmd_range(struct mmu_gather *tlb, pud_t *pud, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pmd_t *pmd = pmd_offset(pud, addr);
	struct page *pt;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_present(*pmd))
			continue;
		free_pte_range(tlb, pmd, addr);
	} while (pmd++, addr = next, addr != end);

	/* The pmd table itself goes only if [floor, ceiling) covers all it maps. */
	start &= PUD_MASK;
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= PUD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pt = pt_entry_page(pud_val(*pud));
	set_pud(pud, __pud(0));
	pte_free_tlb(tlb, pt, start);
}

static void free_pud_range(struct mmu_gather *tlb, p4d_t *p4d, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	pud_t *pud = pud_offset(p4d, addr);
	struct page *pt;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_present(*pud))
			continue;
		free_pmd_range(tlb, pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);

	start &= ~(P4D_SIZE - 1);
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= ~(P4D_SIZE - 1);
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	/* With 4 levels the p4d entry is the pgd entry: this clears it. */
	pt = pt_entry_page(p4d_val(*p4d));
	set_p4d(p4d, __p4d(0));
	pte_free_tlb(tlb, pt, start);
}

static void free_p4d_range(struct mmu_gather *tlb, pgd_t *pgd, unsigned long addr,
			   unsigned long end, unsigned long floor, unsigned long ceiling)
{
	unsigned long start = addr, next;
	p4d_t *p4d = p4d_offset(pgd, addr);
	struct page *pt;

	do {
		next = p4d_addr_end(addr, end);
		if (!p4d_present(*p4d))
			continue;
		free_pud_range(tlb, p4d, addr, next, floor, ceiling);
	} while (p4d++, addr = next, addr != end);

	if (!pgtable_l5_enabled())
		return;	/* folded: there is no p4d table to free */
	start &= ~(PGDIR_SIZE - 1);
	if (start < floor)
		return;
	if (ceiling) {
		ceiling &= ~(PGDIR_SIZE - 1);
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		return;
	pt = pt_entry_page(pgd_val(*pgd));
	set_pgd(pgd, __pgd(0));
	pte_free_tlb(tlb, pt, start);
}

/*
 * Free the page tables that map only [addr, end), no further down than
 * floor and no further up than ceiling (0: the top), which other VMAs may
 * still use (Linux: free_pgd_range).
 */
static void free_pgd_range(struct mmu_gather *tlb, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	unsigned long next;
	pgd_t *pgd;

	addr &= PMD_MASK;
	if (addr < floor) {
		addr += PMD_SIZE;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= PMD_MASK;
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= PMD_SIZE;
	if (addr > end - 1)
		return;

	pgd = pgd_offset(tlb->mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_present(*pgd))
			continue;
		free_p4d_range(tlb, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
}

/*
 * After unmap_vmas(): free the page-table pages under start_vma and the
 * VMAs after it on the vm_next list (up to NULL), keeping those that
 * [floor, ceiling) says neighbours still use (Linux <= 6.0:
 * free_pgtables). Adjacent VMAs are freed as one range, as Linux does.
 * Each file VMA leaves its file's i_mmap here (unlink_file_vma).
 */
void free_pgtables(struct mmu_gather *tlb, struct vm_area_struct *vma,
		   unsigned long floor, unsigned long ceiling)
{
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;
		unsigned long addr = vma->vm_start;

		/*
		 * Out of the file's i_mmap before the tables go: a truncation
		 * walking i_mmap must not zap through freed tables.
		 */
		unlink_file_vma(vma);
		while (next && next->vm_start <= vma->vm_end + PMD_SIZE) {
			vma = next;
			next = vma->vm_next;
			unlink_file_vma(vma);
		}
		free_pgd_range(tlb, addr, vma->vm_end, floor, next ? next->vm_start : ceiling);
		vma = next;
	}
}
