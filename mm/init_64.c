// SPDX-License-Identifier: GPL-2.0
/*
 * Building the kernel's own page tables.
 *
 * Linux: arch/x86/mm/init.c and init_64.c (init_mem_mapping,
 * kernel_physical_mapping_init with phys_p4d/pud/pmd/pte_init,
 * alloc_low_pages from the early pgt_buf) plus mark_rodata_ro().
 *
 * Two mappings go into a fresh top-level table:
 *  - the direct map: every RAM range of the firmware map (and the first
 *    MiB, as Linux does), less what memblock marks MEMBLOCK_NOMAP, at
 *    PAGE_OFFSET + phys, with the largest pages
 *    that fit (1 GiB if the CPU has them, 2 MiB, else 4 KiB), writable
 *    and never executable;
 *  - the kernel image at __START_KERNEL_map + phys, page by page with the
 *    permissions of each section: text read-only and executable, rodata
 *    read-only, data and bss writable; both never-execute.
 * Then CR3 switches to it, and the early identity map is gone: a NULL
 * dereference now faults, as it must. Linux maps the kernel with large
 * pages first and tightens permissions at the end of boot
 * (mark_rodata_ro); we set the final permissions from the start.
 *
 * Page-table pages come from a static buffer in .bss (Linux's pgt_buf,
 * carved from the "brk" area) because there is no page allocator yet.
 *
 * After boot the same code maps ioremap regions (map_kernel_range) and
 * vmalloc pages (map_kernel_pages, after preallocate_kernel_pgds gave the
 * vmalloc area its top-level entries) and removes them
 * (unmap_kernel_range), from any CPU: page_table_lock
 * serialises the changes, and a changed or removed entry is flushed from
 * every CPU's TLB. An existing 1G/2M leaf is kept by the direct map and
 * split (split_large_page) by anything that needs 4 KiB granularity,
 * such as a permission change (set_memory_ro() and friends).
 */
#include <asm/e820.h>
#include <asm/msr-index.h>
#include <asm/pgalloc.h>
#include <asm/processor.h>
#include <asm/special_insns.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define PGT_BUF_PAGES 64

/* Set in x86_64_start_kernel() from the boot code's LA57 decision. */
unsigned long page_offset_base = __PAGE_OFFSET_BASE_L4;
unsigned int pgdir_shift = PGDIR_SHIFT_L4;
unsigned int ptrs_per_p4d = 1;

pgd_t *init_top_pgt;
unsigned long max_pfn_mapped;
/* Bits the CPU allows in an entry: NX and G only if it has them (as Linux). */
pteval_t __supported_pte_mask = ~(pteval_t)0;
unsigned long direct_pages_count[PG_LEVEL_NUM];

static char pgt_buf[PGT_BUF_PAGES * PAGE_SIZE] __aligned(PAGE_SIZE);
static unsigned int pgt_buf_next, pgt_memblock_pages;
bool after_bootmem;	/* set when memblock has handed memory to the buddy */

extern char _text[], _stext[], _etext[], __start_rodata[], __end_rodata[], _sdata[], _edata[],
	_end[], __bss_start[], __bss_stop[];
extern char boot_stack_guard[];

void setup_paging_mode(void)
{
	if (pgtable_l5_enabled()) {
		page_offset_base = __PAGE_OFFSET_BASE_L5;
		pgdir_shift = PGDIR_SHIFT_L5;
		ptrs_per_p4d = 512;
	} else {
		page_offset_base = __PAGE_OFFSET_BASE_L4;
		pgdir_shift = PGDIR_SHIFT_L4;
		ptrs_per_p4d = 1;
	}
}

/*
 * A page for a page table: from pgt_buf while it lasts, then from
 * memblock below 1 GiB, which the early tables map (Linux: alloc_low_pages).
 * Once the buddy allocator has the memory, see kpt_refill().
 */
static void *alloc_low_page(void)
{
	phys_addr_t pa;
	void *p;

	if (pgt_buf_next < PGT_BUF_PAGES) {
		pa = __pa_symbol(pgt_buf + pgt_buf_next++ * PAGE_SIZE);
	} else {
		pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, SZ_1G);
		if (!pa)
			panic("init_mem_mapping: out of memory for page tables");
		pgt_memblock_pages++;
	}
	/* Reach the page through the direct map, like every page table. */
	p = __va(pa);
	memset(p, 0, PAGE_SIZE);
	return p;
}

/*
 * Changes to the kernel's page tables, after boot, from any CPU: one
 * lock serialises them (Linux: init_mm.page_table_lock, which guards the
 * installing of new kernel page tables, and cpa_lock for permission
 * changes; Linnet has no init_mm yet). Page-table pages are allocated
 * before the lock is taken (a GFP_KERNEL allocation may sleep), and a
 * TLB flush on every CPU, if an entry that was present changed, is done
 * after it is dropped (flush_tlb_kernel_range waits for the other CPUs).
 */
static DEFINE_SPINLOCK(page_table_lock);

#define KPT_SPARE 6	/* p4d+pud+pmd+pte tables and two splits, at most */

struct kpt_ctx {
	pgd_t *pgd;
	bool count;			/* pgd is init_top_pgt: keep direct_pages_count */
	void *spare[KPT_SPARE];		/* pre-allocated zeroed pages, after boot */
	unsigned long flush_start, flush_end;	/* what must leave every TLB */
};

static void kpt_init(struct kpt_ctx *c, pgd_t *pgd)
{
	memset(c, 0, sizeof(*c));
	c->pgd = pgd;
	c->count = pgd == init_top_pgt;
	c->flush_start = ~0UL;
}

/*
 * Outside the lock: make sure a map_one() cannot run out of table pages.
 * GFP_KERNEL may sleep; a caller with interrupts off (the APIC's
 * ioremap() in start_kernel()) or in atomic context gets GFP_ATOMIC.
 */
static void kpt_refill(struct kpt_ctx *c)
{
	gfp_t gfp = irqs_disabled() || in_atomic() ? GFP_ATOMIC : GFP_KERNEL;

	if (!after_bootmem)
		return;
	for (int i = 0; i < KPT_SPARE; i++) {
		if (c->spare[i])
			continue;
		c->spare[i] = (void *)get_zeroed_page(gfp);
		if (!c->spare[i])
			panic("page tables: out of memory");
	}
}

static void *kpt_alloc(struct kpt_ctx *c)
{
	if (!after_bootmem)
		return alloc_low_page();
	for (int i = 0; i < KPT_SPARE; i++) {
		void *p = c->spare[i];

		if (p) {
			c->spare[i] = NULL;
			return p;
		}
	}
	panic("page tables: no spare page");
}

static void kpt_flush_later(struct kpt_ctx *c, unsigned long start, unsigned long end)
{
	c->flush_start = min(c->flush_start, start);
	c->flush_end = max(c->flush_end, end);
}

/* Outside the lock: give back spare pages, flush what changed on every CPU. */
static void kpt_finish(struct kpt_ctx *c)
{
	for (int i = 0; i < KPT_SPARE; i++) {
		if (c->spare[i])
			free_page((unsigned long)c->spare[i]);
		c->spare[i] = NULL;
	}
	if (c->flush_start < c->flush_end)
		flush_tlb_kernel_range(c->flush_start, c->flush_end);
	c->flush_start = ~0UL;
	c->flush_end = 0;
}

/* Find or make the table below an entry (Linux: p4d_alloc, pud_alloc, ...). */
static pteval_t *table_below(struct kpt_ctx *c, pteval_t *entry)
{
	/* A 1G/2M leaf maps data: following it as a table would write into that data. */
	if (*entry & _PAGE_PSE)
		panic("table_below: entry %#lx is a large page, not a table",
		      (unsigned long)*entry);
	if (!(*entry & _PAGE_PRESENT))
		WRITE_ONCE(*entry, __pa(kpt_alloc(c)) | _KERNPG_TABLE);
	return (pteval_t *)__va(*entry & PTE_PFN_MASK);
}

static p4d_t *p4d_alloc_k(struct kpt_ctx *c, pgd_t *pgd, unsigned long addr)
{
	if (!pgtable_l5_enabled())
		return (p4d_t *)pgd;		/* folded */
	table_below(c, &pgd->pgd);
	return p4d_offset(pgd, addr);
}

static pud_t *pud_alloc_k(struct kpt_ctx *c, p4d_t *p4d, unsigned long addr)
{
	table_below(c, &p4d->p4d);
	return pud_offset(p4d, addr);
}

static pmd_t *pmd_alloc_k(struct kpt_ctx *c, pud_t *pud, unsigned long addr)
{
	table_below(c, &pud->pud);
	return pmd_offset(pud, addr);
}

static pte_t *pte_alloc_k(struct kpt_ctx *c, pmd_t *pmd, unsigned long addr)
{
	table_below(c, &pmd->pmd);
	return pte_offset_kernel(pmd, addr);
}

/* In a 4 KiB entry bit 7 is PAT; in a 2M/1G leaf it is PSE and PAT moves to bit 12. */
#define _PAGE_PAT (_AC(1, UL) << 7)
#define _PAGE_PAT_LARGE (_AC(1, UL) << 12)

/* Does a leaf of this size (at the level of entry) translate vaddr to phys? */
static bool leaf_maps(pteval_t leaf, unsigned long size, unsigned long vaddr, phys_addr_t phys)
{
	return (leaf & PTE_PFN_MASK & ~(pteval_t)(size - 1)) + (vaddr & (size - 1)) == phys;
}

/*
 * Replace a 1G or 2M leaf by a table of 512 entries one level down that
 * map the same memory with the same attributes (Linux: split_large_page
 * in arch/x86/mm/pat/set_memory.c). The table is filled before the entry
 * points to it, so a CPU walking it sees either the old leaf or the
 * complete table; then every TLB must forget the large translation.
 */
static void split_large_page(struct kpt_ctx *c, pteval_t *entry, enum pg_level level,
			     unsigned long vaddr)
{
	unsigned long size = level == PG_LEVEL_1G ? PUD_SIZE : PMD_SIZE;
	unsigned long step = level == PG_LEVEL_1G ? PMD_SIZE : PAGE_SIZE;
	pteval_t leaf = *entry, flags = leaf & PTE_FLAGS_MASK, pat = leaf & _PAGE_PAT_LARGE;
	phys_addr_t base = leaf & PTE_PFN_MASK & ~(pteval_t)(size - 1);
	pteval_t *table = kpt_alloc(c);

	if (level == PG_LEVEL_2M) {
		flags &= ~_PAGE_PSE;
		if (pat)
			flags |= _PAGE_PAT;
		pat = 0;
	}
	for (int i = 0; i < PTRS_PER_PTE; i++)
		table[i] = (base + i * step) | flags | pat;
	WRITE_ONCE(*entry, __pa(table) | _KERNPG_TABLE);
	if (c->count) {
		direct_pages_count[level]--;
		direct_pages_count[level - 1] += PTRS_PER_PTE;
	}
	kpt_flush_later(c, vaddr, vaddr + size);
}

/*
 * Map [vaddr, vaddr + size) to phys with prot, using a leaf at the
 * largest level the alignment and the length allow (and the CPU supports).
 * Returns the size it dealt with: what the one leaf it wrote maps, or
 * what an existing leaf of the direct map already covers. Called with
 * page_table_lock held.
 *
 * The direct map (large_ok) never overrides what was mapped first: two
 * RAM ranges may share a large page once rounded to whole pages, and the
 * second keeps the first one's leaf, as Linux's phys_pmd_init() and
 * phys_pud_init() keep an existing large page. A precise mapping (kernel
 * sections, map_kernel_range()) that lands in a large page splits it, and
 * one that replaces a present entry has it flushed from every TLB.
 */
static unsigned long map_one(struct kpt_ctx *c, unsigned long vaddr, phys_addr_t phys,
			     unsigned long size, pteval_t prot, bool large_ok)
{
	pud_t *pud = pud_alloc_k(c, p4d_alloc_k(c, pgd_offset_pgd(c->pgd, vaddr), vaddr), vaddr);
	pmd_t *pmd;
	pte_t *pte;

	prot &= __supported_pte_mask;
	if (pud_present(*pud) && pud_leaf(*pud)) {
		if (large_ok && leaf_maps(pud_val(*pud), PUD_SIZE, vaddr, phys))
			return min(size, PUD_SIZE - (vaddr & ~PUD_MASK));
		split_large_page(c, &pud->pud, PG_LEVEL_1G, vaddr & PUD_MASK);
	}
	if (large_ok && boot_cpu_data.has_gbpages && pud_none(*pud) &&
	    IS_ALIGNED(vaddr | phys, PUD_SIZE) && size >= PUD_SIZE) {
		*pud = __pud(phys | prot | _PAGE_PSE);
		if (c->count)
			direct_pages_count[PG_LEVEL_1G]++;
		return PUD_SIZE;
	}
	pmd = pmd_alloc_k(c, pud, vaddr);
	if (pmd_present(*pmd) && pmd_leaf(*pmd)) {
		if (large_ok && leaf_maps(pmd_val(*pmd), PMD_SIZE, vaddr, phys))
			return min(size, PMD_SIZE - (vaddr & ~PMD_MASK));
		split_large_page(c, &pmd->pmd, PG_LEVEL_2M, vaddr & PMD_MASK);
	}
	if (large_ok && pmd_none(*pmd) && IS_ALIGNED(vaddr | phys, PMD_SIZE) &&
	    size >= PMD_SIZE) {
		*pmd = __pmd(phys | prot | _PAGE_PSE);
		if (c->count)
			direct_pages_count[PG_LEVEL_2M]++;
		return PMD_SIZE;
	}
	pte = pte_alloc_k(c, pmd, vaddr);
	if (large_ok) {
		if (c->count)
			direct_pages_count[PG_LEVEL_4K]++;
		/* The direct map never overrides what was mapped first (the RO alias). */
		if (!pte_none(*pte))
			return PAGE_SIZE;
	}
	if (pte_present(*pte) && pte_val(*pte) != (phys | prot))
		kpt_flush_later(c, vaddr, vaddr + PAGE_SIZE);
	WRITE_ONCE(*pte, __pte(phys | prot));
	return PAGE_SIZE;
}

static void map_range(pgd_t *pgd, unsigned long vaddr, phys_addr_t phys, unsigned long size,
		      pteval_t prot, bool large_ok)
{
	struct kpt_ctx c;

	kpt_init(&c, pgd);
	while (size) {
		unsigned long done;

		kpt_refill(&c);
		spin_lock(&page_table_lock);
		done = map_one(&c, vaddr, phys, size, prot, large_ok);
		spin_unlock(&page_table_lock);
		vaddr += done;
		phys += done;
		size -= done;
	}
	kpt_finish(&c);
}

/*
 * Linux: kernel_physical_mapping_init() for one RAM range, into the
 * tables under pgd: __va(start) .. __va(end), rounded out to whole pages.
 * init_mem_mapping() passes init_top_pgt; tests/kernel/pgtable_kunit.c
 * passes a scratch table (it counts nothing in direct_pages_count then).
 */
void __kernel_physical_mapping_init(pgd_t *pgd, phys_addr_t start, phys_addr_t end)
{
	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if (end <= start)
		return;
	map_range(pgd, (unsigned long)__va(start), start, end - start, __PAGE_KERNEL, true);
}

static void map_direct(phys_addr_t start, phys_addr_t end)
{
	__kernel_physical_mapping_init(init_top_pgt, start, end);
	if (ALIGN(end, PAGE_SIZE) > ALIGN_DOWN(start, PAGE_SIZE))
		max_pfn_mapped = max(max_pfn_mapped, (unsigned long)(ALIGN(end, PAGE_SIZE) >> PAGE_SHIFT));
}

static void map_kernel_section(char *start, char *end, pteval_t prot)
{
	unsigned long va = (unsigned long)start;

	map_range(init_top_pgt, va, __pa_symbol(va), ALIGN((unsigned long)end, PAGE_SIZE) - va,
		  prot, false);
}

/*
 * Map [vaddr, vaddr + size) to phys in 4 KiB pages with prot, for ioremap
 * and friends after boot (Linux: ioremap_page_range), from any CPU. An
 * entry that was present and changes is flushed from every CPU's TLB
 * before this returns (flush_tlb_kernel_range); a new one needs no flush.
 */
int map_kernel_range(unsigned long vaddr, phys_addr_t phys, unsigned long size, pteval_t prot)
{
	map_range(init_top_pgt, vaddr, phys, size, prot, false);
	return 0;
}

/*
 * Map nr pages, pages[0..nr), at vaddr in 4 KiB entries with prot (Linux:
 * vmap_pages_range, for vmap() and vmalloc()). The entries were empty
 * (a fresh vmap area), so nothing is flushed.
 */
int map_kernel_pages(unsigned long vaddr, struct page **pages, unsigned int nr, pteval_t prot)
{
	struct kpt_ctx c;

	kpt_init(&c, init_top_pgt);
	for (unsigned int i = 0; i < nr; i++, vaddr += PAGE_SIZE) {
		kpt_refill(&c);
		spin_lock(&page_table_lock);
		map_one(&c, vaddr, page_to_phys(pages[i]), PAGE_SIZE, prot, false);
		spin_unlock(&page_table_lock);
	}
	kpt_finish(&c);
	return 0;
}

/* The page a 4 KiB kernel mapping at addr points to, or NULL (vmalloc_to_page's walk). */
struct page *kernel_page_mapped_at(unsigned long addr)
{
	unsigned int level;
	pte_t *pte = lookup_address_in_pgd(init_top_pgt, addr, &level);

	if (!pte || level != PG_LEVEL_4K || !pte_present(*pte))
		return NULL;
	return pfn_to_page(pte_pfn(*pte));
}

/*
 * Give every top-level entry that covers [start, end) its next-level
 * table now, once and for all (Linux: preallocate_vmalloc_pages in
 * arch/x86/mm/init_64.c): the p4d table with 5 levels, the pud table
 * with 4. Anything that copies the top level of init_top_pgt (the AP
 * trampoline's table today, every process's pgd later) then shares the
 * tables below, so a vmalloc mapping made afterwards is visible through
 * every copy without syncing top-level entries (Linux's old
 * sync_global_pgds). Returns how many tables it allocated.
 */
unsigned int preallocate_kernel_pgds(unsigned long start, unsigned long end)
{
	unsigned int n = 0;
	struct kpt_ctx c;

	kpt_init(&c, init_top_pgt);
	for (unsigned long addr = start & ~(PGDIR_SIZE - 1); addr < end; addr += PGDIR_SIZE) {
		pgd_t *pgd = pgd_offset_pgd(init_top_pgt, addr);
		p4d_t *p4d;

		kpt_refill(&c);
		spin_lock(&page_table_lock);
		if (pgtable_l5_enabled()) {
			n += !pgd_present(*pgd);
			table_below(&c, &pgd->pgd);	/* the p4d table */
		} else {
			p4d = p4d_offset(pgd, addr);
			n += !p4d_present(*p4d);
			table_below(&c, &p4d->p4d);	/* the pud table */
		}
		spin_unlock(&page_table_lock);
		if (addr + PGDIR_SIZE < addr)
			break;
	}
	kpt_finish(&c);
	return n;
}

/*
 * Remove the 4 KiB mappings of [vaddr, vaddr + size) and flush them from
 * every CPU's TLB before returning (Linux: vunmap_range, whose flush is
 * lazy; this one is immediate). Returns how many pages were mapped.
 */
unsigned long unmap_kernel_range(unsigned long vaddr, unsigned long size)
{
	unsigned long n = 0;

	unsigned long end = vaddr + size, va = vaddr;

	spin_lock(&page_table_lock);
	while (va < end) {
		unsigned int level;
		pte_t *pte = lookup_address_in_pgd(init_top_pgt, va, &level);
		unsigned long step;

		if (pte && level == PG_LEVEL_4K && pte_present(*pte)) {
			WRITE_ONCE(*pte, __pte(0));
			n++;
		}
		/* Where nothing is mapped, skip the whole missing table (Linux: vunmap_range's walk). */
		step = level == PG_LEVEL_256T ? PGDIR_SIZE : level == PG_LEVEL_512G ? P4D_SIZE :
		       level == PG_LEVEL_1G ? PUD_SIZE : level == PG_LEVEL_2M ? PMD_SIZE : PAGE_SIZE;
		if ((va & ~(step - 1)) + step <= va)
			break;		/* the top of the address space */
		va = (va & ~(step - 1)) + step;
	}
	spin_unlock(&page_table_lock);
	if (n)
		flush_tlb_kernel_range(vaddr, vaddr + size);
	return n;
}

/*
 * Change the permission bits of the pages at [addr, addr + numpages
 * pages) in the tables under pgd: set the bits in set, clear those in
 * clear (Linux: __change_page_attr_set_clr in arch/x86/mm/pat/set_memory.c,
 * whose cpa_data also carries a pgd). A 1G/2M leaf that the range covers
 * whole is changed in place; one it covers in part is split first
 * (split_large_page), so only the pages asked for change. Every CPU's TLB
 * forgets the old entries before this returns. Only mapped pages change:
 * -EFAULT if one in the range is not mapped.
 */
int __change_page_attr_set_clr(pgd_t *pgd, unsigned long addr, unsigned long numpages,
			       pteval_t set, pteval_t clear)
{
	unsigned long va = addr & PAGE_MASK, end = va + numpages * PAGE_SIZE;
	struct kpt_ctx c;
	int ret = 0;

	kpt_init(&c, pgd);
	set &= __supported_pte_mask;
	while (va < end && !ret) {
		unsigned long done = PAGE_SIZE;
		pgd_t *pgde;
		p4d_t *p4d;
		pud_t *pud;
		pmd_t *pmd;
		pte_t *pte;

		kpt_refill(&c);
		spin_lock(&page_table_lock);
		pgde = pgd_offset_pgd(pgd, va);
		p4d = pgd_present(*pgde) ? p4d_offset(pgde, va) : NULL;
		pud = p4d && p4d_present(*p4d) ? pud_offset(p4d, va) : NULL;
		if (!pud || !pud_present(*pud)) {
			ret = -EFAULT;
			goto next;
		}
		if (pud_leaf(*pud)) {
			if (IS_ALIGNED(va, PUD_SIZE) && end - va >= PUD_SIZE) {
				WRITE_ONCE(*pud, __pud((pud_val(*pud) | set) & ~clear));
				done = PUD_SIZE;
				goto changed;
			}
			split_large_page(&c, &pud->pud, PG_LEVEL_1G, va & PUD_MASK);
		}
		pmd = pmd_offset(pud, va);
		if (!pmd_present(*pmd)) {
			ret = -EFAULT;
			goto next;
		}
		if (pmd_leaf(*pmd)) {
			if (IS_ALIGNED(va, PMD_SIZE) && end - va >= PMD_SIZE) {
				WRITE_ONCE(*pmd, __pmd((pmd_val(*pmd) | set) & ~clear));
				done = PMD_SIZE;
				goto changed;
			}
			split_large_page(&c, &pmd->pmd, PG_LEVEL_2M, va & PMD_MASK);
		}
		pte = pte_offset_kernel(pmd, va);
		if (!pte_present(*pte)) {
			ret = -EFAULT;
			goto next;
		}
		WRITE_ONCE(*pte, __pte((pte_val(*pte) | set) & ~clear));
changed:
		kpt_flush_later(&c, va, va + done);
next:
		spin_unlock(&page_table_lock);
		va += done;
	}
	kpt_finish(&c);
	return ret;
}

/* Linux's set_memory_*() family, on the kernel's own tables. */
int set_memory_ro(unsigned long addr, unsigned long numpages)
{
	return __change_page_attr_set_clr(init_top_pgt, addr, numpages, 0, _PAGE_RW);
}

int set_memory_rw(unsigned long addr, unsigned long numpages)
{
	return __change_page_attr_set_clr(init_top_pgt, addr, numpages, _PAGE_RW, 0);
}

int set_memory_nx(unsigned long addr, unsigned long numpages)
{
	return __change_page_attr_set_clr(init_top_pgt, addr, numpages, _PAGE_NX, 0);
}

int set_memory_x(unsigned long addr, unsigned long numpages)
{
	return __change_page_attr_set_clr(init_top_pgt, addr, numpages, 0, _PAGE_NX);
}

/*
 * Map [vaddr, vaddr + size) to phys in 4 KiB pages in any table (the AP
 * trampoline's, kernel/smpboot.c). No TLB flush: for tables not in use.
 */
void map_range_pgd(pgd_t *pgd, unsigned long vaddr, phys_addr_t phys, unsigned long size,
		   pteval_t prot)
{
	map_range(pgd, vaddr, phys, size, prot, false);
}

/* A hole in the kernel image mapping (the guard page under the boot stack). */
static void unmap_kernel_page(unsigned long va)
{
	unsigned int level;
	pte_t *pte = lookup_address_in_pgd(init_top_pgt, va, &level);

	if (pte && level == PG_LEVEL_4K)
		*pte = __pte(0);
}

static bool is_direct_mapped_type(u32 type)
{
	/* RAM, and the ACPI tables the kernel will read. */
	return type == E820_TYPE_RAM || type == E820_TYPE_ACPI || type == E820_TYPE_NVS;
}

static void enable_paging_features(void)
{
	write_cr0(read_cr0() | X86_CR0_WP);	/* the kernel obeys read-only too */
	if (boot_cpu_data.has_pge)
		write_cr4(read_cr4() | X86_CR4_PGE);
	if (boot_cpu_data.has_nx)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NX);
}

/* map_direct() the parts of [start, end) that memblock has not marked MEMBLOCK_NOMAP. */
static void map_direct_except_nomap(u64 start, u64 end)
{
	struct memblock_region *r;

	for_each_mem_region(r) {
		if (!memblock_is_nomap(r) || r->base + r->size <= start || r->base >= end)
			continue;
		if (r->base > start)
			map_direct(start, r->base);
		start = r->base + r->size;
	}
	if (start < end)
		map_direct(start, end);
}

void init_mem_mapping(void)
{
	if (!boot_cpu_data.has_nx)
		__supported_pte_mask &= ~_PAGE_NX;
	if (!boot_cpu_data.has_pge)
		__supported_pte_mask &= ~_PAGE_GLOBAL;

	init_top_pgt = alloc_low_page();
	init_mm.pgd = init_top_pgt;
	/*
	 * The direct map's alias of kernel text and rodata is read-only and
	 * never executable, as Linux makes it (set_memory_ro() fixes the
	 * alias too, cpa_process_alias): otherwise a stray write through
	 * __va(__pa(code)) would patch the kernel. Mapped first, in 4 KiB
	 * pages, so the direct map around it uses smaller pages and leaves it.
	 */
	map_range(init_top_pgt, (unsigned long)__va(__pa_symbol(_text)), __pa_symbol(_text),
		  ALIGN((unsigned long)(__end_rodata - _text), PAGE_SIZE), __PAGE_KERNEL_RO, false);
	map_direct(0, SZ_1M);	/* the ISA range, always (BIOS data, trampolines) */
	for (u32 i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		if (is_direct_mapped_type(e->type))
			map_direct_except_nomap(e->addr, e->addr + e->size);
	}

	map_kernel_section(_text, _etext, __PAGE_KERNEL_RX);
	map_kernel_section(__start_rodata, __end_rodata, __PAGE_KERNEL_RO);
	map_kernel_section(_sdata, _end, __PAGE_KERNEL);
	unmap_kernel_page((unsigned long)boot_stack_guard);

	enable_paging_features();
	write_cr3(__pa(init_top_pgt));

	pr_info("x86/mm: %d-level paging, PAGE_OFFSET %#lx, %d-bit virtual addresses\n",
		pgtable_l5_enabled() ? 5 : 4, page_offset_base,
		pgtable_l5_enabled() ? 57 : 48);
	pr_info("x86/mm: direct map: %lu 4k, %lu 2M, %lu 1G pages (up to %#lx); %u page-table pages used\n",
		direct_pages_count[PG_LEVEL_4K], direct_pages_count[PG_LEVEL_2M],
		direct_pages_count[PG_LEVEL_1G], max_pfn_mapped << PAGE_SHIFT,
		pgt_buf_next + pgt_memblock_pages);
	pr_info("Write protecting the kernel read-only data: %luk\n",
		(unsigned long)(__end_rodata - _text) >> 10);
}

/*
 * "no5lvl" is acted on by boot/head_64.S before paging is enabled (LA57
 * cannot change later); registering it here makes it a known option and
 * rejects "no5lvl=..." as malformed, as Linux does.
 */
static int no5lvl_setup(char *val)
{
	return val ? -EINVAL : 0;
}
early_param("no5lvl", no5lvl_setup);

/* The boot log's "Memory:" line, in Linux's format (mm/mm_init.c there). */
void mem_init_print_info(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, %luK cma-reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		(unsigned long)(_etext - _stext) >> 10, (unsigned long)(_edata - _sdata) >> 10,
		(unsigned long)(__end_rodata - __start_rodata) >> 10, 0UL,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		(physpages - totalram_pages_count) << (PAGE_SHIFT - 10), 0UL);
	pr_info("mm: struct page is %zu bytes; mem_map %lu KiB for %lu page frames; min_free_kbytes %d\n",
		sizeof(struct page), (max_mapnr * sizeof(struct page)) >> 10, max_mapnr,
		min_free_kbytes);
}
