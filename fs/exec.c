// SPDX-License-Identifier: GPL-2.0
/*
 * execve(): replacing a process's program (Linux: fs/exec.c).
 *
 * do_execveat_common() builds a struct linux_binprm, in Linux 6.1's
 * order: alloc_bprm() makes the new, empty mm with its stack VMA just
 * below STACK_TOP (bprm_mm_init; randomised when randomize_va_space is
 * on); the filename, the environment and the arguments are copied onto
 * the top of that stack, last string first (copy_string_kernel,
 * copy_strings), through access_remote_vm() since the new mm is not
 * loaded anywhere yet; then bprm_execve() opens the file
 * (do_open_execat: a regular file with an x bit, FMODE_EXEC) and
 * exec_binprm() -> search_binary_handler() reads the
 * first BINPRM_BUF_SIZE bytes and offers the bprm to each registered
 * format (ELF, then #!: binfmt_script.c, whose load_script names an
 * interpreter that exec_binprm runs next, up to 5 levels deep, -ELOOP
 * beyond); binfmt_elf.c's load_elf_binary() checks everything it can and
 * then calls begin_new_exec(), the point of no return: the new mm
 * replaces the old one (exec_mmap), close-on-exec fds close, caught
 * signals revert to SIG_DFL, comm becomes the file's basename. A failure
 * before it is an -errno for the caller, which keeps its old program; a
 * failure after it kills the process (SIGSEGV), as in Linux.
 *
 * Differences from Linux, all for want of the pieces they need: the
 * argument strings go straight into the new stack VMA at its final place
 * (Linux builds it at STACK_TOP_MAX and moves it in setup_arg_pages(),
 * because the personality may change the stack top; here it cannot);
 * there are no credentials (everyone is root: no setuid, AT_SECURE is 0,
 * LSM hooks are gone), no de_thread() (an exec from one thread of a
 * CLONE_THREAD group leaves the other threads running on the old mm;
 * Linux kills them and the exec'ing thread takes the leader's pid), no
 * unsharing of CLONE_SIGHAND handlers, no ELF interpreters (PT_INTERP; issue 13),
 * no deny_write_access() (-ETXTBSY), no noexec mounts, no coredumps and
 * no futex wake in the clear_child_tid step. Linux's RLIMIT_NPROC check
 * at exec is left out too.
 */
#include <asm/processor.h>
#include <asm/tlb.h>
#include <asm/tlbflush.h>
#include <linux/binfmts.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/coredump.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

/* ARG_MAX: the least the argument area may use, whatever RLIMIT_STACK says (Linux: 32 pages). */
#define ARG_MAX (32 * PAGE_SIZE)
/* The stack below the strings that setup_arg_pages() makes room for at once (Linux: 128 KiB). */
#define STACK_EXPAND (128 * 1024UL)

static LIST_HEAD(formats);
static DEFINE_SPINLOCK(binfmt_lock);

void register_binfmt(struct linux_binfmt *fmt)
{
	spin_lock(&binfmt_lock);
	/* In registration order, ELF first (Linux: __register_binfmt(fmt, 0), list_add_tail). */
	if (!fmt->lh.next || list_empty(&fmt->lh))
		list_add_tail(&fmt->lh, &formats);
	spin_unlock(&binfmt_lock);
}

void unregister_binfmt(struct linux_binfmt *fmt)
{
	spin_lock(&binfmt_lock);
	list_del_init(&fmt->lh);
	spin_unlock(&binfmt_lock);
}

/* Linux: __set_task_comm(); exec passes the file's basename. */
void __set_task_comm(struct task_struct *tsk, const char *from, bool exec)
{
	(void)exec;
	strscpy(tsk->comm, from, sizeof(tsk->comm));
}

static const char *exec_basename(const char *path)
{
	const char *base = path;

	for (; *path; path++)
		if (*path == '/')
			base = path + 1;
	return base;
}

/* No coredumps, so nothing to decide (Linux: would_dump, for unreadable binaries). */
void would_dump(struct linux_binprm *bprm, struct file *file)
{
	(void)bprm;
	(void)file;
}

/* ---- the argument strings ----------------------------------------------------------- */

/* argv or envp: a user array of user strings, or (kernel_execve) a kernel one. */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *native;
		const char *const *kernel;
	} ptr;
};

static const char __user *get_user_arg_ptr(struct user_arg_ptr argv, int nr)
{
	unsigned long native;

	if (argv.is_kernel)
		return (const char __user *)argv.ptr.kernel[nr];
	if (get_user(native, (unsigned long __user *)(argv.ptr.native + nr)))
		return ERR_PTR(-EFAULT);
	return (const char __user *)native;
}

/* How many pointers before the NULL (Linux: count()); a NULL array counts 0. */
static int count(struct user_arg_ptr argv, int max)
{
	int i = 0;

	if (!argv.ptr.native)
		return 0;
	for (;;) {
		const char __user *p = get_user_arg_ptr(argv, i);

		if (!p)
			break;
		if (IS_ERR(p))
			return -EFAULT;
		if (i >= max)
			return -E2BIG;
		++i;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
	}
	return i;
}

/*
 * How much of the new stack the strings and their pointers may take
 * (Linux: bprm_stack_limits): a quarter of RLIMIT_STACK, at most 3/4 of
 * _STK_LIM, never less than ARG_MAX, the pointers included.
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit, ptr_size;

	limit = _STK_LIM / 4 * 3;
	limit = min(limit, bprm->rlim_stack.rlim_cur / 4);
	limit = max_t(unsigned long, limit, ARG_MAX);
	/* argc 0 still gets argv[0] = "" (see do_execveat_common). */
	ptr_size = (max(bprm->argc, 1) + bprm->envc) * sizeof(void *);
	if (limit <= ptr_size)
		return -E2BIG;
	limit -= ptr_size;
	bprm->argmin = bprm->p - limit;
	return 0;
}

/*
 * Make the stack VMA reach down to addr before writing there (Linux 6.5+:
 * get_arg_page -> expand_downwards under the mmap write lock). Nobody else
 * can see this mm yet, so the lock is for the VMA code's assertions.
 */
static int extend_arg_stack(struct linux_binprm *bprm, unsigned long addr)
{
	struct vm_area_struct *vma = bprm->vma;
	int err = 0;

	if (addr >= vma->vm_start)
		return 0;
	mmap_write_lock(bprm->mm);
	err = expand_stack(vma, addr & PAGE_MASK);
	mmap_write_unlock(bprm->mm);
	return err ? -E2BIG : 0;
}

/* Write len bytes at pos in the new mm, which is not current's. */
static int write_arg_bytes(struct linux_binprm *bprm, unsigned long pos, const void *buf,
			   int len)
{
	int err = extend_arg_stack(bprm, pos);

	if (err)
		return err;
	if (access_remote_vm(bprm->mm, pos, (void *)buf, len, FOLL_WRITE | FOLL_FORCE) != len)
		return -EFAULT;
	return 0;
}

/*
 * Copy argc strings of argv onto the new stack, last first, so that they
 * end up in order below bprm->p (Linux: copy_strings). A string at a bad
 * address is -EFAULT, one longer than MAX_ARG_STRLEN or past the limit
 * -E2BIG.
 */
static int copy_strings(int argc, struct user_arg_ptr argv, struct linux_binprm *bprm)
{
	char *kbuf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!kbuf)
		return -ENOMEM;
	while (argc-- > 0) {
		const char __user *str = get_user_arg_ptr(argv, argc);
		unsigned long pos;
		long len;

		ret = -EFAULT;
		if (IS_ERR(str))
			break;
		if (argv.is_kernel)
			len = strnlen((const char *)str, MAX_ARG_STRLEN) + 1;
		else
			len = strnlen_user(str, MAX_ARG_STRLEN);
		if (!len)
			break;
		ret = -E2BIG;
		if (len > (long)MAX_ARG_STRLEN)
			break;
		pos = bprm->p;
		str += len;
		bprm->p -= len;
		if (bprm->p < bprm->argmin)
			break;
		while (len > 0) {
			unsigned long offset = pos % PAGE_SIZE;
			long bytes;

			if (offset == 0)
				offset = PAGE_SIZE;
			bytes = min_t(long, offset, len);
			pos -= bytes;
			str -= bytes;
			len -= bytes;
			ret = -EFAULT;
			if (argv.is_kernel)
				memcpy(kbuf, (const char *)str, bytes);
			else if (copy_from_user(kbuf, str, bytes))
				goto out;
			ret = write_arg_bytes(bprm, pos, kbuf, bytes);
			if (ret)
				goto out;
		}
		ret = -EINTR;
		if (fatal_signal_pending(current))
			break;
		ret = 0;
		cond_resched();
	}
out:
	kfree(kbuf);
	return ret;
}

/* One kernel string (the filename, an empty argv[0]) (Linux: copy_string_kernel). */
int copy_string_kernel(const char *arg, struct linux_binprm *bprm)
{
	const char *argv[] = { arg, NULL };
	struct user_arg_ptr ptr = { .is_kernel = true, .ptr.kernel = argv };

	return copy_strings(1, ptr, bprm);
}

/* argv[0] is the lowest string, at bprm->p: step over it (Linux: remove_arg_zero). */
int remove_arg_zero(struct linux_binprm *bprm)
{
	char buf[64];

	if (!bprm->argc)
		return 0;
	for (;;) {
		unsigned long chunk = min_t(unsigned long, sizeof(buf),
					    PAGE_SIZE - (bprm->p & ~PAGE_MASK));
		unsigned long len;

		if (access_remote_vm(bprm->mm, bprm->p, buf, chunk, FOLL_FORCE) != (int)chunk)
			return -EFAULT;
		len = strnlen(buf, chunk);
		if (len < chunk) {
			bprm->p += len + 1;
			break;
		}
		bprm->p += chunk;
	}
	bprm->argc--;
	return 0;
}

int bprm_change_interp(const char *interp, struct linux_binprm *bprm)
{
	char *copy = kstrdup(interp, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	bprm->interp = copy;
	return 0;
}

/* ---- the new mm and the file ------------------------------------------------------ */

/*
 * A new mm with one page of stack just below the (randomised) stack top
 * (Linux: bprm_mm_init, __bprm_mm_init). bprm->p starts a pointer below
 * the top, as in Linux: the strings go below it.
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned long stack_top = STACK_TOP;
	int err;

	if (!mm)
		return -ENOMEM;
	bprm->mm = mm;
	if (current->signal)
		bprm->rlim_stack = current->signal->rlim[RLIMIT_STACK];
	else
		bprm->rlim_stack = (struct rlimit){ _STK_LIM, ~0UL };
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	if (randomize_va_space)
		stack_top = randomize_stack_top(STACK_TOP);
	stack_top = PAGE_ALIGN(stack_top);
	vma->vm_end = stack_top;
	vma->vm_start = stack_top - PAGE_SIZE;
	vma->vm_flags = VM_STACK_FLAGS;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	mmap_write_lock(mm);
	err = insert_vm_struct(mm, vma);
	mmap_write_unlock(mm);
	if (err) {
		vm_area_free(vma);
		return err;
	}
	mm->stack_vm = mm->total_vm = 1;
	bprm->vma = vma;
	bprm->p = vma->vm_end - sizeof(void *);
	return 0;
}

/*
 * Open the program (Linux: do_open_execat): only a regular file with an
 * execute bit may run (root needs one too), else -EACCES.
 * AT_EMPTY_PATH with "" runs the file fd refers to.
 */
static struct file *do_open_execat(int fd, struct filename *name, int flags)
{
	int open_flags = O_RDONLY | O_LARGEFILE;
	struct file *file;
	struct inode *inode;

	if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0)
		return ERR_PTR(-EINVAL);
	if (flags & AT_SYMLINK_NOFOLLOW)
		open_flags |= O_NOFOLLOW;
	if (!name->name[0]) {
		struct fd f;

		if (!(flags & AT_EMPTY_PATH))
			return ERR_PTR(-ENOENT);
		f = fdget(fd);
		if (!f.file)
			return ERR_PTR(-EBADF);
		file = dentry_open(&f.file->f_path, open_flags);
		fdput(f);
	} else {
		file = do_filp_open(fd, name, open_flags, 0);
	}
	if (IS_ERR(file))
		return file;
	inode = file_inode(file);
	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & S_IXUGO)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	file->f_mode |= FMODE_EXEC;
	return file;
}

struct file *open_exec(const char *name)
{
	struct filename *filename = getname_kernel(name);
	struct file *f;

	if (IS_ERR(filename))
		return ERR_CAST(filename);
	f = do_open_execat(AT_FDCWD, filename, 0);
	putname(filename);
	return f;
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->mm)
		mmput(bprm->mm);	/* exec failed before exec_mmap(): the new mm goes */
	if (bprm->file)
		fput(bprm->file);
	if (bprm->interpreter)
		fput(bprm->interpreter);
	if (bprm->interp != bprm->filename)
		kfree(bprm->interp);
	kfree(bprm->fdpath);
	kfree(bprm);
}

/*
 * The bprm and its new mm (Linux 6.1: alloc_bprm). The file is opened
 * later, in bprm_execve(), after the strings are copied, so a bad argv is
 * -EFAULT even for a file that could not run (Linux 6.8 opens it first).
 */
static struct linux_binprm *alloc_bprm(int fd, struct filename *filename)
{
	struct linux_binprm *bprm;
	int retval = -ENOMEM;

	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return ERR_PTR(-ENOMEM);
	if (fd == AT_FDCWD || filename->name[0] == '/') {
		bprm->filename = filename->name;
	} else {
		char *path = kmalloc(PATH_MAX + 32, GFP_KERNEL);

		if (!path)
			goto out_free;
		if (filename->name[0] == '\0')
			snprintf(path, PATH_MAX + 32, "/dev/fd/%d", fd);
		else
			snprintf(path, PATH_MAX + 32, "/dev/fd/%d/%s", fd, filename->name);
		/* Its interpreter cannot reopen the script through a close-on-exec fd. */
		if (get_close_on_exec(fd))
			bprm->interp_flags |= BINPRM_FLAGS_PATH_INACCESSIBLE;
		bprm->fdpath = path;
		bprm->filename = path;
	}
	bprm->interp = bprm->filename;
	retval = bprm_mm_init(bprm);
	if (!retval)
		return bprm;
out_free:
	free_bprm(bprm);
	return ERR_PTR(retval);
}

/* ---- the point of no return -------------------------------------------------------- */

/*
 * kernel/fork.c (Linux: exec_mm_release -> mm_release): a vfork() parent
 * waiting for us goes on, a set_tid_address() word is cleared for the
 * threads that share the old mm. Declared in linux/sched/task.h too.
 */
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);

/*
 * Install mm as current's address space (Linux: exec_mmap). With irqs
 * off, so that no interrupt sees tsk->mm and CR3 disagree, the task moves
 * to the new page tables; only then is the old mm dropped: there is no
 * lazy TLB here (mm/tlb.c), so no CPU may still run on the old mm's CR3
 * when its last reference frees the page tables.
 */
static int exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;

	exec_mm_release(tsk, old_mm);
	local_irq_disable();
	active_mm = tsk->active_mm;
	tsk->active_mm = mm;
	tsk->mm = mm;
	switch_mm_irqs_off(active_mm, mm, tsk);
	local_irq_enable();
	if (old_mm)
		mmput(old_mm);
	return 0;
}

/* A CLONE_FILES sharer gets its own copy before close-on-exec closes anything. */
static int exec_unshare_files(void)
{
	struct task_struct *tsk = current;
	struct files_struct *old = tsk->files, *copy;

	if (!old || atomic_read(&old->count) == 1)
		return 0;
	copy = dup_fd(old);
	if (IS_ERR(copy))
		return PTR_ERR(copy);
	tsk->files = copy;
	put_files_struct(old);
	return 0;
}

/*
 * The point of no return (Linux: begin_new_exec). From here a failure
 * cannot give the old program back: bprm_execve() kills the process.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *me = current;
	int retval;

	bprm->point_of_no_return = true;
	/* Linux: de_thread() kills the other threads first; not here (see the top). */
	retval = exec_unshare_files();
	if (retval)
		return retval;
	/* /proc/PID/exe (Linux: set_mm_exe_file); mmput() drops it. */
	bprm->mm->exe_file = get_file(bprm->file);
	retval = exec_mmap(bprm->mm);
	if (retval)
		return retval;
	bprm->mm = NULL;
	set_dumpable(me->mm, SUID_DUMP_USER);	/* prctl(PR_GET_DUMPABLE) says 1 */
	me->flags &= ~PF_FORKNOEXEC;
	me->sas_ss_sp = 0;
	me->sas_ss_size = 0;
	me->sas_ss_flags = 0;
	__set_task_comm(me, exec_basename(bprm->filename), true);
	if (me->sighand)
		flush_signal_handlers(me, 0);
	if (me->files)
		do_close_on_exec(me->files);
	return 0;
}

/* After begin_new_exec: the new mm's layout and the arch state (Linux: setup_new_exec). */
void setup_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;

	(void)bprm;
	arch_pick_mmap_layout(mm);
	arch_setup_new_exec();
	mm->task_size = TASK_SIZE;
}

/*
 * The stack VMA's last touches (Linux: setup_arg_pages): room for up to
 * STACK_EXPAND below the strings (the tables go there), never beyond
 * RLIMIT_STACK, mm->arg_start, and VM_EXEC when the program asked for an
 * executable stack (PT_GNU_STACK with PF_X: EXSTACK_ENABLE_X), applied to
 * the pages the strings already use as mprotect() would (Linux:
 * mprotect_fixup). The stack is already at stack_top (see bprm_mm_init),
 * so Linux's shift_arg_pages() is not needed.
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = bprm->vma;
	unsigned long stack_size, stack_expand, rlim_stack, stack_base;
	int ret = 0;

	(void)stack_top;
	mm->arg_start = bprm->p;
	stack_size = vma->vm_end - vma->vm_start;
	rlim_stack = bprm->rlim_stack.rlim_cur & PAGE_MASK;
	stack_expand = min(rlim_stack, stack_size + STACK_EXPAND);
	if (stack_expand > vma->vm_end)
		stack_expand = vma->vm_end;
	stack_base = vma->vm_end - stack_expand;
	mmap_write_lock(mm);
	if (executable_stack == EXSTACK_ENABLE_X && !(vma->vm_flags & VM_EXEC)) {
		struct mmu_gather tlb;

		vma->vm_flags |= VM_EXEC;
		vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
		tlb_gather_mmu(&tlb, mm);
		change_protection(&tlb, vma, vma->vm_start, vma->vm_end, vma->vm_page_prot);
		tlb_finish_mmu(&tlb);
	}
	if (stack_base < vma->vm_start)
		ret = expand_stack(vma, stack_base);
	mmap_write_unlock(mm);
	return ret ? -EFAULT : 0;
}

void finalize_exec(struct linux_binprm *bprm)
{
	(void)bprm;
	if (current->signal)
		current->signal->rlim[RLIMIT_STACK] = bprm->rlim_stack;
}

/* ---- finding the loader ------------------------------------------------------------ */

/* Fill bprm->buf with the file's first bytes, zeros past EOF (Linux: prepare_binprm). */
static int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, BINPRM_BUF_SIZE);
	n = kernel_read(bprm->file, bprm->buf, BINPRM_BUF_SIZE, &pos);
	return n < 0 ? (int)n : 0;
}

/* Offer the bprm to each format until one takes it (Linux: search_binary_handler). */
static int search_binary_handler(struct linux_binprm *bprm)
{
	struct linux_binfmt *fmt;
	int retval;

	retval = prepare_binprm(bprm);
	if (retval < 0)
		return retval;
	retval = -ENOENT;
	spin_lock(&binfmt_lock);
	list_for_each_entry(fmt, &formats, lh) {
		/* Formats are never unregistered while an exec runs: the lock may go. */
		spin_unlock(&binfmt_lock);
		retval = fmt->load_binary(bprm);
		if (bprm->point_of_no_return || retval != -ENOEXEC)
			return retval;
		spin_lock(&binfmt_lock);
	}
	spin_unlock(&binfmt_lock);
	return retval;
}

/*
 * Run the file, and the interpreter a #! script names, and its
 * interpreter...: up to 5 rewrites, then -ELOOP (Linux 6.1: exec_binprm).
 */
static int exec_binprm(struct linux_binprm *bprm)
{
	int ret, depth;

	for (depth = 0;; depth++) {
		struct file *exec;

		if (depth > 5)
			return -ELOOP;
		ret = search_binary_handler(bprm);
		if (ret < 0)
			return ret;
		if (!bprm->interpreter)
			break;
		exec = bprm->interpreter;
		bprm->interpreter = NULL;
		fput(bprm->file);
		bprm->file = exec;
	}
	return ret;
}

static int bprm_execve(struct linux_binprm *bprm, int fd, struct filename *filename, int flags)
{
	struct file *file;
	int retval;

	file = do_open_execat(fd, filename, flags);
	if (IS_ERR(file))
		return PTR_ERR(file);
	bprm->file = file;
	retval = exec_binprm(bprm);
	if (retval >= 0)
		return retval;
	/*
	 * After the point of no return the old program is gone: the process
	 * dies with SIGSEGV (Linux: force_fatal_sig(SIGSEGV)).
	 */
	if (bprm->point_of_no_return && !fatal_signal_pending(current))
		force_sigsegv(SIGSEGV);
	return retval;
}

static int do_execveat_common(int fd, struct filename *filename, struct user_arg_ptr argv,
			      struct user_arg_ptr envp, int flags)
{
	struct linux_binprm *bprm;
	int retval;

	if (IS_ERR(filename))
		return PTR_ERR(filename);
	bprm = alloc_bprm(fd, filename);
	if (IS_ERR(bprm)) {
		retval = PTR_ERR(bprm);
		goto out_ret;
	}
	retval = count(argv, MAX_ARG_STRINGS);
	if (retval == 0)
		pr_warn_once("process '%s' launched '%s' with NULL argv: empty string added\n",
			     current->comm, bprm->filename);
	if (retval < 0)
		goto out_free;
	bprm->argc = retval;
	retval = count(envp, MAX_ARG_STRINGS);
	if (retval < 0)
		goto out_free;
	bprm->envc = retval;
	retval = bprm_stack_limits(bprm);
	if (retval < 0)
		goto out_free;
	retval = copy_string_kernel(bprm->filename, bprm);
	if (retval < 0)
		goto out_free;
	bprm->exec = bprm->p;
	retval = copy_strings(bprm->envc, envp, bprm);
	if (retval < 0)
		goto out_free;
	retval = copy_strings(bprm->argc, argv, bprm);
	if (retval < 0)
		goto out_free;
	/* Linux 5.18+: a NULL argv gets argv[0] = "" so argv[1] is never envp[0]. */
	if (bprm->argc == 0) {
		retval = copy_string_kernel("", bprm);
		if (retval < 0)
			goto out_free;
		bprm->argc = 1;
	}
	retval = bprm_execve(bprm, fd, filename, flags);
out_free:
	free_bprm(bprm);
out_ret:
	putname(filename);
	return retval;
}

/*
 * From the kernel (PID 1's /init): argv and envp are kernel arrays
 * (Linux: kernel_execve). A kernel thread cannot exec: it has no user
 * registers to return to.
 */
int kernel_execve(const char *kernel_filename, const char *const *argv, const char *const *envp)
{
	struct user_arg_ptr uargv = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr uenvp = { .is_kernel = true, .ptr.kernel = envp };

	if (WARN_ON_ONCE(current->flags & PF_KTHREAD))
		return -EINVAL;
	return do_execveat_common(AT_FDCWD, getname_kernel(kernel_filename), uargv, uenvp, 0);
}

int do_execve(struct filename *filename, const char __user *const __user *argv,
	      const char __user *const __user *envp)
{
	struct user_arg_ptr uargv = { .ptr.native = argv };
	struct user_arg_ptr uenvp = { .ptr.native = envp };

	return do_execveat_common(AT_FDCWD, filename, uargv, uenvp, 0);
}

int do_execveat(int fd, struct filename *filename, const char __user *const __user *argv,
		const char __user *const __user *envp, int flags)
{
	struct user_arg_ptr uargv = { .ptr.native = argv };
	struct user_arg_ptr uenvp = { .ptr.native = envp };

	return do_execveat_common(fd, filename, uargv, uenvp, flags);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execve(getname(filename), argv, envp);
}

SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	return do_execveat(fd, getname_uflags(filename, flags), argv, envp, flags);
}
