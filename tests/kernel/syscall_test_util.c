// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the system-call suites (tests/kernel/syscall_test.h): the
 * call through the table, the user window's mapping and its kernel
 * alias, the borrowed fd table and fs_struct of a case.
 */
#include "syscall_test.h"

char kernel_target[64];
static u8 *uw_kva[UW_PAGES];

long sc6(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3,
		unsigned long a4, unsigned long a5, unsigned long a6)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.di = a1;
	regs.si = a2;
	regs.dx = a3;
	regs.r10 = a4;
	regs.r8 = a5;
	regs.r9 = a6;
	regs.orig_ax = nr;
	return x64_sys_call(&regs, nr);
}


void *kalias(unsigned long off)
{
	return uw_kva[off / PAGE_SIZE] + off % PAGE_SIZE;
}

void kstrcpy(char *d, const char *s)
{
	memcpy(d, s, strlen(s) + 1);
}

char __user *ustr(unsigned long off, const char *s)
{
	kstrcpy(kalias(off), s);
	return U(off);
}

bool uw_map(struct kunit *test)
{
	for (int i = 0; i < UW_PAGES; i++) {
		unsigned long kva = get_zeroed_page(GFP_KERNEL);

		if (!kva) {
			kunit_fail(test, __FILE__, __LINE__, "no page for the user window");
			return false;
		}
		uw_kva[i] = (u8 *)kva;
		map_kernel_range(UBASE + i * PAGE_SIZE, __pa(kva), PAGE_SIZE,
				 i == UW_RO ? __PAGE_KERNEL_RO : __PAGE_KERNEL);
	}
	return true;
}

void uw_unmap(void)
{
	for (int i = 0; i < UW_PAGES; i++) {
		if (!uw_kva[i])
			continue;
		unmap_kernel_range(UBASE + i * PAGE_SIZE, PAGE_SIZE);
		free_page((unsigned long)uw_kva[i]);
		uw_kva[i] = NULL;
	}
}

bool env_enter(struct kunit *test, struct sc_env *env)
{
	struct fs_struct *fs;

	env->files = dup_fd(&init_files);
	if (IS_ERR(env->files)) {
		kunit_fail(test, __FILE__, __LINE__, "dup_fd: %ld", PTR_ERR(env->files));
		return false;
	}
	fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	if (!fs) {
		put_files_struct(env->files);
		return false;
	}
	fs->users = 1;
	spin_lock_init(&fs->lock);
	fs->umask = 0022;
	get_fs_root(&init_fs, &fs->root);
	get_fs_root(&init_fs, &fs->pwd);
	env->fs = fs;
	env->old_files = current->files;
	env->old_fs = current->fs;
	current->files = env->files;
	current->fs = fs;
	return true;
}

void env_leave(struct sc_env *env)
{
	current->files = env->old_files;
	current->fs = env->old_fs;
	put_files_struct(env->files);
	path_put(&env->fs->root);
	path_put(&env->fs->pwd);
	kfree(env->fs);
}

void warm_up_pipefs(void)
{
	static bool done;
	struct sc_env env;
	int *fds;

	if (done || !env_enter(NULL, &env))
		return;
	fds = kalias(0);
	if (!SC2(pipe2, U(0), 0)) {
		SC1(close, fds[0]);
		SC1(close, fds[1]);
		done = true;
	}
	env_leave(&env);
}
