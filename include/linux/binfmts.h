/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Executing a program (Linux: include/linux/binfmts.h, fs/exec.c,
 * fs/binfmt_elf.c). fs/exec.c owns the bodies; struct linux_binprm grows
 * with what fs/exec.c and fs/binfmt_elf.c need.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <asm/page.h>
#include <linux/list.h>
#include <linux/types.h>

struct file;
struct mm_struct;
struct pt_regs;
struct filename;
struct task_struct;
struct vm_area_struct;

#include <linux/sched/signal.h>	/* struct rlimit */

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (PAGE_SIZE * 32)	/* one argv or envp string */
#define MAX_ARG_STRINGS 0x7FFFFFFF

/* The state of one execve() while it is built (Linux: struct linux_binprm). */
struct linux_binprm {
	struct vm_area_struct *vma;	/* the new stack, until setup_arg_pages() */
	struct mm_struct *mm;		/* the new address space, until exec_mmap() installs it */
	unsigned long p;		/* current top of the argument area in the new stack */
	unsigned long argmin;		/* rlimit marker: copy_strings() below it is -E2BIG */
	unsigned int point_of_no_return:1;	/* begin_new_exec() ran: failures are fatal */
	struct file *file;		/* the executable */
	const char *filename;		/* as given (AT_EXECFN, comm) */
	const char *fdpath;		/* "/dev/fd/N[/name]" made for execveat() */
	int argc, envc;
	unsigned long exec;		/* user address of the filename copy (AT_EXECFN) */
	unsigned long loader;
	struct rlimit rlim_stack;	/* RLIMIT_STACK when the exec started */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	void *priv;			/* the loader's own state */
	const char *interp;		/* the name the next script sees as argv[1] (filename at first) */
	struct file *interpreter;	/* a #! loader's answer: exec this file next */
	unsigned int interp_flags;	/* BINPRM_FLAGS_* */
};

/* The script's path will not open in its interpreter (/dev/fd/N of a close-on-exec fd). */
#define BINPRM_FLAGS_PATH_INACCESSIBLE 0x4

/* setup_arg_pages()'s executable_stack: PT_GNU_STACK's verdict (Linux's values). */
#define EXSTACK_DEFAULT		0	/* no PT_GNU_STACK: the arch default (not executable) */
#define EXSTACK_DISABLE_X	1
#define EXSTACK_ENABLE_X	2

/* A binary format (Linux: struct linux_binfmt): ELF (binfmt_elf.c), #! (binfmt_script.c). */
struct linux_binfmt {
	struct list_head lh;
	int (*load_binary)(struct linux_binprm *bprm);
};

void register_binfmt(struct linux_binfmt *fmt);
void unregister_binfmt(struct linux_binfmt *fmt);
/* fs/binfmt_elf.c registers the ELF loader (Linux: core_initcall(init_elf_binfmt)). */
void init_elf_binfmt(void);
/* fs/binfmt_script.c registers the #! loader (Linux: fs_initcall(init_script_binfmt)). */
void init_script_binfmt(void);

/* fs/exec.c: what a loader calls (Linux's names). */
int begin_new_exec(struct linux_binprm *bprm);	/* the point of no return */
void setup_new_exec(struct linux_binprm *bprm);
void finalize_exec(struct linux_binprm *bprm);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top, int executable_stack);
void would_dump(struct linux_binprm *bprm, struct file *file);
void __set_task_comm(struct task_struct *tsk, const char *from, bool exec);
/* Copy a kernel string onto the new stack, below bprm->p (Linux: copy_string_kernel). */
int copy_string_kernel(const char *arg, struct linux_binprm *bprm);
/* Take argv[0] off the new stack (a #! loader replaces it; Linux: remove_arg_zero). */
int remove_arg_zero(struct linux_binprm *bprm);
/* The name the next #! level passes as the script (Linux: bprm_change_interp). */
int bprm_change_interp(const char *interp, struct linux_binprm *bprm);
/* Open a program by name for exec: a regular file with an x bit (Linux: open_exec). */
struct file *open_exec(const char *name);

/*
 * Replace current's program with filename (Linux: kernel_execve). The
 * kernel calls it to start /init; on success current returns to user
 * mode at the new entry point when its kernel code returns (see
 * ret_from_fork and init/main.c). Returns -errno on failure.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

/* The system calls' work (fs/exec.c); argv and envp are user pointers. */
int do_execve(struct filename *filename, const char __user *const __user *argv,
	      const char __user *const __user *envp);
int do_execveat(int fd, struct filename *filename, const char __user *const __user *argv,
		const char __user *const __user *envp, int flags);

#endif /* _LINUX_BINFMTS_H */
