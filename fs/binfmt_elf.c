// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF loader (Linux: fs/binfmt_elf.c: load_elf_binary, elf_load,
 * create_elf_tables, load_elf_phdrs).
 *
 * load_elf_binary() takes a static x86-64 program: ET_EXEC, loaded at its
 * own addresses, or a static-pie (ET_DYN without PT_INTERP), which Linux
 * treats as a "loader" and puts in the randomised mmap area. Before the
 * point of no return it checks the header and every program header, so
 * that a truncated or absurd file is an -errno for the caller, who keeps
 * running: bad magic, class, byte order, type or machine, a program
 * header table of the wrong entry size, empty, over 4 KiB or past the end
 * of the file, PT_LOAD segments with FileSiz > MemSiz, an end beyond
 * TASK_SIZE (or that overflows), bytes past the end of the file, p_offset
 * and p_vaddr not congruent modulo the page size, segments out of order
 * or overlapping, none at all, or an entry point beyond TASK_SIZE: all
 * -ENOEXEC (Linux finds several of these only after the point of no
 * return and kills the process; it gives -EIO for a short program header
 * table). Segments below mmap_min_addr are -EPERM (what mmap() says),
 * segments that run into the stack -ENOMEM. An entry point that lies in
 * no executable segment is not checked, as in Linux: the program faults
 * on its first instruction and dies of SIGSEGV.
 *
 * PT_GNU_STACK with PF_X asks for an executable stack (setup_arg_pages);
 * without PT_GNU_STACK the stack is not executable, as on x86-64 Linux
 * since 5.8 (no READ_IMPLIES_EXEC for 64-bit programs).
 *
 * Each PT_LOAD is a private mapping of the file itself (Linux: elf_map
 * -> vm_mmap(MAP_PRIVATE)), with the segment's permissions: its pages are
 * the page cache's, filled on fault, shared by every process running the
 * program until one writes (COW), and /proc/PID/maps names the file. The
 * mapping is of whole file pages, from the page holding p_offset, so the
 * first page of a segment also holds the file's bytes before it (the
 * ELF header, for the first); when MemSiz > FileSiz the rest of the last
 * file page is zeroed (Linux: padzero; written with FOLL_FORCE as ptrace
 * would, which makes that page a private copy even in a read-only
 * segment) and the whole pages of .bss after it are a brk-style mapping
 * (vm_brk_flags), as Linux's elf_load() makes them. Every PT_LOAD after
 * the first is MAP_FIXED, as in Linux, so a segment that starts in the
 * previous one's last page replaces it.
 *
 * Left out: PT_INTERP (dynamic programs: -ENOEXEC until issue 13),
 * 32-bit (compat) ELF, the vDSO (no AT_SYSINFO_EHDR),
 * PT_GNU_PROPERTY (IBT/SHSTK), AT_MINSIGSTKSZ and the rseq auxv entries,
 * core dumps, p_align > PAGE_SIZE for static-pie.
 */
#include <asm/processor.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define ELF_PAGESTART(v)	((v) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define ELF_PAGEOFFSET(v)	((v) & (ELF_MIN_ALIGN - 1))
#define ELF_PAGEALIGN(v)	(((v) + ELF_MIN_ALIGN - 1) & ~(unsigned long)(ELF_MIN_ALIGN - 1))
#define BAD_ADDR(x)		((unsigned long)(x) >= TASK_SIZE)
/* Linux: CLOCKS_PER_SEC = USER_HZ, what times() counts in */
#define ELF_CLKTCK		100
/* fs/exec.c's setup_arg_pages() leaves this much stack below the strings. */
#define STACK_EXPAND		(128 * 1024UL)

static int load_elf_binary(struct linux_binprm *bprm);

static struct linux_binfmt elf_format = {
	.load_binary = load_elf_binary,
};

void init_elf_binfmt(void)
{
	register_binfmt(&elf_format);
}

/* Read exactly len bytes at pos (Linux: elf_read; a short read is the caller's error). */
static int elf_read(struct file *file, void *buf, size_t len, loff_t pos)
{
	ssize_t rv = kernel_read(file, buf, len, &pos);

	if (rv < 0)
		return (int)rv;
	return (size_t)rv == len ? 0 : -ENOEXEC;
}

static bool elf_check_header(const struct elfhdr *ex)
{
	if (memcmp(ex->e_ident, ELFMAG, SELFMAG) != 0)
		return false;
	if (ex->e_ident[EI_CLASS] != ELF_CLASS || ex->e_ident[EI_DATA] != ELF_DATA)
		return false;
	if (ex->e_type != ET_EXEC && ex->e_type != ET_DYN)
		return false;
	return ex->e_machine == ELF_ARCH;	/* Linux: elf_check_arch() */
}

/* The program header table (Linux: load_elf_phdrs): at most one page of it. */
static struct elf_phdr *load_elf_phdrs(const struct elfhdr *ex, struct file *file, int *err)
{
	size_t size = sizeof(struct elf_phdr) * ex->e_phnum;
	loff_t isize = i_size_read(file_inode(file));
	struct elf_phdr *phdata;

	*err = -ENOEXEC;
	if (ex->e_phentsize != sizeof(struct elf_phdr))
		return NULL;
	if (size == 0 || size > 65536 || size > ELF_MIN_ALIGN)
		return NULL;
	if (ex->e_phoff > (u64)isize || size > (u64)isize - ex->e_phoff)
		return NULL;
	phdata = kmalloc(size, GFP_KERNEL);
	if (!phdata) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = elf_read(file, phdata, size, ex->e_phoff);
	if (*err) {
		kfree(phdata);
		return NULL;
	}
	return phdata;
}

/* What the checks found, for the mapping step. */
struct elf_plan {
	unsigned long first_vaddr, last_end;	/* span of the PT_LOADs, unbiased */
	int nr_load;
	int executable_stack;
};

/* Everything about the segments that can fail, before the point of no return. */
static int elf_check_phdrs(struct linux_binprm *bprm, const struct elfhdr *ex,
			   const struct elf_phdr *phdrs, struct elf_plan *plan)
{
	u64 isize = i_size_read(file_inode(bprm->file));
	unsigned long prev_end = 0;

	memset(plan, 0, sizeof(*plan));
	plan->executable_stack = EXSTACK_DEFAULT;
	for (int i = 0; i < ex->e_phnum; i++) {
		const struct elf_phdr *p = &phdrs[i];

		if (p->p_type == PT_INTERP) {
			pr_warn_once("%s: dynamically linked programs (PT_INTERP) are not supported yet (issue 13): -ENOEXEC\n",
				     bprm->filename);
			return -ENOEXEC;
		}
		if (p->p_type == PT_GNU_STACK) {
			plan->executable_stack = p->p_flags & PF_X ? EXSTACK_ENABLE_X :
								      EXSTACK_DISABLE_X;
			continue;
		}
		if (p->p_type != PT_LOAD || !p->p_memsz)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_memsz > TASK_SIZE ||
		    p->p_vaddr > TASK_SIZE - p->p_memsz)
			return -ENOEXEC;
		if (p->p_offset > isize || p->p_filesz > isize - p->p_offset)
			return -ENOEXEC;
		if (ELF_PAGEOFFSET(p->p_offset) != ELF_PAGEOFFSET(p->p_vaddr))
			return -ENOEXEC;
		if (plan->nr_load && p->p_vaddr < prev_end)
			return -ENOEXEC;	/* out of order or overlapping */
		if (!plan->nr_load)
			plan->first_vaddr = p->p_vaddr;
		prev_end = p->p_vaddr + p->p_memsz;
		plan->last_end = prev_end;
		plan->nr_load++;
	}
	if (!plan->nr_load)
		return -ENOEXEC;
	if (BAD_ADDR(ex->e_entry))
		return -ENOEXEC;
	if (ex->e_type == ET_EXEC) {
		unsigned long stack_low = bprm->vma->vm_start;

		if (ELF_PAGESTART(plan->first_vaddr) < mmap_min_addr)
			return -EPERM;
		stack_low = stack_low > 2 * STACK_EXPAND ? stack_low - 2 * STACK_EXPAND : 0;
		if (ELF_PAGEALIGN(plan->last_end) > stack_low)
			return -ENOMEM;
	} else if (ELF_PAGEALIGN(plan->last_end) - ELF_PAGESTART(plan->first_vaddr) >
		   bprm->vma->vm_start / 2) {
		return -ENOMEM;		/* no room for it below the stack */
	}
	return 0;
}

static int make_prot(u32 p_flags)
{
	int prot = 0;

	if (p_flags & PF_R)
		prot |= PROT_READ;
	if (p_flags & PF_W)
		prot |= PROT_WRITE;
	if (p_flags & PF_X)
		prot |= PROT_EXEC;
	return prot;
}

/*
 * Zero [addr, end) in the new (current) mm (Linux: padzero). Written as
 * ptrace would write (FOLL_FORCE), so that the tail of a read-only
 * segment's last file page can be cleared too: the write makes the
 * private copy of that page, and the page cache is untouched.
 */
static int elf_pad_zero(unsigned long addr, unsigned long end)
{
	void *zeros;
	int err = 0;

	if (addr >= end)
		return 0;
	zeros = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!zeros)
		return -ENOMEM;
	if (access_remote_vm(current->mm, addr, zeros, end - addr, FOLL_WRITE | FOLL_FORCE) !=
	    (int)(end - addr))
		err = -EFAULT;
	kfree(zeros);
	return err;
}

/*
 * Map one PT_LOAD at p_vaddr + load_bias (Linux: elf_load + elf_map).
 * [page start, end of the file bytes) is a private mapping of the file
 * with the segment's protection; the rest of its last page is zero when
 * there is .bss (Linux: padzero), and the whole pages of .bss after it
 * are brk-style anonymous memory (vm_brk_flags). A segment that starts in
 * the previous one's last page replaces that page (MAP_FIXED), as in
 * Linux.
 */
static int elf_load(struct file *file, const struct elf_phdr *p, unsigned long load_bias,
		    int map_flags)
{
	unsigned long vaddr = p->p_vaddr + load_bias;
	unsigned long start = ELF_PAGESTART(vaddr);
	unsigned long zero_start, zero_end;
	int prot = make_prot(p->p_flags);
	int err;

	if (p->p_filesz) {
		unsigned long map_end = ELF_PAGEALIGN(vaddr + p->p_filesz);
		loff_t off = ELF_PAGESTART(p->p_offset);
		unsigned long addr;

		addr = vm_mmap(file, start, map_end - start, prot, MAP_PRIVATE | map_flags, off);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
		if (addr != start)
			return -EEXIST;
		/* .bss starts inside the last file page: the rest of it is zero. */
		if (p->p_memsz > p->p_filesz) {
			err = elf_pad_zero(vaddr + p->p_filesz, map_end);
			if (err)
				return err;
		}
		zero_start = vaddr + p->p_filesz;
	} else {
		zero_start = start;
	}
	zero_end = vaddr + p->p_memsz;
	if (p->p_memsz > p->p_filesz) {
		zero_start = ELF_PAGEALIGN(zero_start);
		zero_end = ELF_PAGEALIGN(zero_end);
		if (zero_end > zero_start) {
			err = vm_brk_flags(zero_start, zero_end - zero_start,
					   prot & PROT_EXEC ? VM_EXEC : 0);
			if (err)
				return err;
		}
	}
	return 0;
}

/* Linux: arch_align_stack (x86): up to 8 KiB of random offset, 16-byte aligned. */
static unsigned long exec_align_stack(unsigned long sp)
{
	if (randomize_va_space)
		sp -= get_random_long() % 8192;
	return sp & ~0xfUL;
}

#define STACK_ADD(sp, items)	((unsigned long __user *)(sp) - (items))
#define STACK_ROUND(sp, items)	(((unsigned long)((sp) - (items))) & ~15UL)
#define STACK_ALLOC(sp, len)	((sp) -= (len))

/*
 * The initial stack, from the final sp up (Linux: create_elf_tables):
 *
 *	argc, argv[0..argc-1], NULL, envp[0..envc-1], NULL,
 *	auxv pairs ending with AT_NULL, then (higher) 16 random bytes,
 *	"x86_64", the argv and envp strings, the filename (AT_EXECFN).
 *
 * sp is 16-byte aligned, as the x86-64 ABI wants at process entry.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elfhdr *exec,
			     unsigned long e_entry, unsigned long phdr_addr)
{
	struct mm_struct *mm = current->mm;
	unsigned long p = bprm->p;
	int argc = bprm->argc, envc = bprm->envc;
	unsigned long __user *sp;
	unsigned long u_platform, u_rand_bytes;
	unsigned long k_rand_bytes[2];
	unsigned long *elf_info;
	const char *k_platform = ELF_PLATFORM;
	size_t len;
	int ei_index, items, err;

	p = exec_align_stack(p);
	len = strlen(k_platform) + 1;
	u_platform = STACK_ALLOC(p, len);
	if (copy_to_user((void __user *)u_platform, k_platform, len))
		return -EFAULT;
	k_rand_bytes[0] = get_random_long();	/* Linux: get_random_bytes() */
	k_rand_bytes[1] = get_random_long();
	u_rand_bytes = STACK_ALLOC(p, sizeof(k_rand_bytes));
	if (copy_to_user((void __user *)u_rand_bytes, k_rand_bytes, sizeof(k_rand_bytes)))
		return -EFAULT;

	elf_info = mm->saved_auxv;
#define NEW_AUX_ENT(id, val)		\
	do {				\
		*elf_info++ = (id);	\
		*elf_info++ = (val);	\
	} while (0)
	/* No vDSO: no AT_SYSINFO_EHDR. */
	NEW_AUX_ENT(AT_HWCAP, ELF_HWCAP);
	NEW_AUX_ENT(AT_PAGESZ, ELF_EXEC_PAGESIZE);
	NEW_AUX_ENT(AT_CLKTCK, ELF_CLKTCK);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(struct elf_phdr));
	NEW_AUX_ENT(AT_PHNUM, exec->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);		/* no interpreter */
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, e_entry);
	NEW_AUX_ENT(AT_UID, 0);			/* everyone is root */
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand_bytes);
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_PLATFORM, u_platform);
#undef NEW_AUX_ENT
	/* AT_NULL is zero; clear the rest too. */
	memset(elf_info, 0, (char *)mm->saved_auxv + sizeof(mm->saved_auxv) - (char *)elf_info);
	elf_info += 2;
	ei_index = elf_info - mm->saved_auxv;
	sp = STACK_ADD(p, ei_index);
	items = (argc + 1) + (envc + 1) + 1;
	bprm->p = STACK_ROUND(sp, items);
	sp = (unsigned long __user *)bprm->p;

	/* The tables may reach below what setup_arg_pages() made room for. */
	mmap_write_lock(mm);
	err = bprm->p < bprm->vma->vm_start ? expand_stack(bprm->vma, bprm->p & PAGE_MASK) : 0;
	mmap_write_unlock(mm);
	if (err)
		return -EFAULT;

	if (put_user((unsigned long)argc, sp++))
		return -EFAULT;
	p = mm->arg_end = mm->arg_start;
	while (argc-- > 0) {
		if (put_user(p, sp++))
			return -EFAULT;
		len = strnlen_user((const char __user *)p, MAX_ARG_STRLEN);
		if (!len || len > MAX_ARG_STRLEN)
			return -EINVAL;
		p += len;
	}
	if (put_user(0UL, sp++))
		return -EFAULT;
	mm->arg_end = p;
	mm->env_end = mm->env_start = p;
	while (envc-- > 0) {
		if (put_user(p, sp++))
			return -EFAULT;
		len = strnlen_user((const char __user *)p, MAX_ARG_STRLEN);
		if (!len || len > MAX_ARG_STRLEN)
			return -EINVAL;
		p += len;
	}
	if (put_user(0UL, sp++))
		return -EFAULT;
	mm->env_end = p;
	if (copy_to_user(sp, mm->saved_auxv, ei_index * sizeof(unsigned long)))
		return -EFAULT;
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	struct elfhdr *elf_ex = (struct elfhdr *)bprm->buf;
	struct elf_phdr *elf_phdata, *elf_ppnt;
	unsigned long load_bias = 0, phdr_addr = 0, e_entry;
	unsigned long start_code = ~0UL, end_code = 0, start_data = 0, end_data = 0;
	unsigned long elf_brk = 0;
	struct elf_plan plan;
	struct mm_struct *mm;
	int map_flags = MAP_FIXED_NOREPLACE;
	int retval;

	if (!elf_check_header(elf_ex))
		return -ENOEXEC;
	elf_phdata = load_elf_phdrs(elf_ex, bprm->file, &retval);
	if (!elf_phdata)
		return retval;
	retval = elf_check_phdrs(bprm, elf_ex, elf_phdata, &plan);
	if (retval)
		goto out_free_ph;

	/* The point of no return: from here on, failure kills the process. */
	retval = begin_new_exec(bprm);
	if (retval)
		goto out_free_ph;
	setup_new_exec(bprm);
	retval = setup_arg_pages(bprm, STACK_TOP, plan.executable_stack);
	if (retval < 0)
		goto out_free_ph;
	mm = current->mm;

	if (elf_ex->e_type == ET_DYN) {
		/*
		 * A static-pie is its own loader: Linux puts it in the mmap
		 * area (randomised by arch_pick_mmap_layout()), away from
		 * ELF_ET_DYN_BASE where PIE programs go. Find room for the
		 * whole span, then map the segments into it.
		 */
		unsigned long total = ELF_PAGEALIGN(plan.last_end) - ELF_PAGESTART(plan.first_vaddr);
		unsigned long addr = vm_mmap(NULL, 0, total, PROT_NONE,
					     MAP_PRIVATE | MAP_ANONYMOUS, 0);

		if (IS_ERR_VALUE(addr)) {
			retval = (int)addr;
			goto out_free_ph;
		}
		vm_munmap(addr, total);
		load_bias = addr - ELF_PAGESTART(plan.first_vaddr);
		map_flags = MAP_FIXED;
	}

	for (int i = 0; i < elf_ex->e_phnum; i++) {
		unsigned long k;

		elf_ppnt = &elf_phdata[i];
		if (elf_ppnt->p_type != PT_LOAD || !elf_ppnt->p_memsz)
			continue;
		retval = elf_load(bprm->file, elf_ppnt, load_bias, map_flags);
		if (retval)
			goto out_free_ph;
		map_flags = MAP_FIXED;	/* Linux: every PT_LOAD after the first */
		/* AT_PHDR: where the program headers are in memory (Linux 6.x). */
		if (elf_ppnt->p_offset <= elf_ex->e_phoff &&
		    elf_ex->e_phoff < elf_ppnt->p_offset + elf_ppnt->p_filesz)
			phdr_addr = elf_ex->e_phoff - elf_ppnt->p_offset + elf_ppnt->p_vaddr;
		k = elf_ppnt->p_vaddr;
		if ((elf_ppnt->p_flags & PF_X) && k < start_code)
			start_code = k;
		if (start_data < k)
			start_data = k;
		k = elf_ppnt->p_vaddr + elf_ppnt->p_filesz;
		if ((elf_ppnt->p_flags & PF_X) && end_code < k)
			end_code = k;
		if (end_data < k)
			end_data = k;
		k = elf_ppnt->p_vaddr + elf_ppnt->p_memsz;
		if (k > elf_brk)
			elf_brk = k;
	}
	if (start_code == ~0UL)
		start_code = 0;
	e_entry = elf_ex->e_entry + load_bias;
	phdr_addr += load_bias;
	elf_brk += load_bias;
	start_code += load_bias;
	end_code += load_bias;
	start_data += load_bias;
	end_data += load_bias;
	if (BAD_ADDR(e_entry)) {
		retval = -EINVAL;
		goto out_free_ph;
	}

	mm->end_code = end_code;
	mm->start_code = start_code;
	mm->start_data = start_data;
	mm->end_data = end_data;
	mm->start_brk = mm->brk = ELF_PAGEALIGN(elf_brk);
	if (randomize_va_space > 1) {
		/* Linux: a loader's brk moves out of the mmap area, to ELF_ET_DYN_BASE. */
		if (elf_ex->e_type == ET_DYN)
			mm->brk = mm->start_brk = ELF_ET_DYN_BASE;
		mm->brk = mm->start_brk = arch_randomize_brk(mm);
	}

	retval = create_elf_tables(bprm, elf_ex, e_entry, phdr_addr);
	if (retval < 0)
		goto out_free_ph;
	mm->start_stack = bprm->p;
	finalize_exec(bprm);
	start_thread(task_pt_regs(current), e_entry, bprm->p);
	retval = 0;
out_free_ph:
	kfree(elf_phdata);
	return retval;
}
