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

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (PAGE_SIZE * 32)	/* one argv or envp string */
#define MAX_ARG_STRINGS 0x7FFFFFFF

/* The state of one execve() while it is built (Linux: struct linux_binprm). */
struct linux_binprm {
	struct mm_struct *mm;		/* the new address space, until exec_mmap() installs it */
	unsigned long p;		/* current top of the argument area in the new stack */
	struct file *file;		/* the executable */
	const char *filename;		/* as given (AT_EXECFN, comm) */
	int argc, envc;
	unsigned long exec;		/* user address of the filename copy (AT_EXECFN) */
	unsigned long loader;
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	void *priv;			/* the loader's own state */
};

/* A binary format (Linux: struct linux_binfmt); ELF only, #! with issue 11. */
struct linux_binfmt {
	struct list_head lh;
	int (*load_binary)(struct linux_binprm *bprm);
};

void register_binfmt(struct linux_binfmt *fmt);

/*
 * Replace current's program with filename (Linux: kernel_execve). The
 * kernel calls it to start /init; on success current returns to user
 * mode at the new entry point when its kernel code returns (see
 * ret_from_fork and init/main.c). Returns -errno on failure.
 */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

#endif /* _LINUX_BINFMTS_H */
