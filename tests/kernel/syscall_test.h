/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the system-call suites share (tests/kernel/syscall_fs_kunit.c,
 * syscall_pipe_kunit.c, syscall_misc_kunit.c; helpers in
 * syscall_test_util.c): Linux's numbers, the user window, and SC_TEST.
 *
 * Each case calls the system calls through x64_sys_call() (the table
 * lookup do_syscall_64 makes for a real system call) with a struct
 * pt_regs, and checks results and Linux's error codes. A case maps a
 * small "user window" of kernel pages at UBASE in init_top_pgt (as
 * usercopy_kunit does): pages 0..UW_RW-1 writable, page UW_RO read-only,
 * the page after it unmapped. Pointers into it are real user pointers for
 * copy_{to,from}_user; NULL, a kernel address, the unmapped page and (for
 * outputs) the read-only page must all give -EFAULT. The kunit thread
 * borrows a fd table (dup_fd of init_files) and an fs_struct of its own
 * for the case, and the case ends with files, dentries, inodes and free
 * pages back where they were (vfs_begin/vfs_end).
 */
#ifndef _TESTS_KERNEL_SYSCALL_TEST_H
#define _TESTS_KERNEL_SYSCALL_TEST_H

#include <asm/pgalloc.h>
#include <asm/pgtable_types.h>
#include <asm/ptrace.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs_struct.h>
#include <linux/resource.h>
#include <linux/sched/signal.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include "vfs_test.h"

/* Linux's x86-64 numbers (kernel/syscalls/syscall_64.tbl). */
#define __NR_read 0
#define __NR_write 1
#define __NR_open 2
#define __NR_close 3
#define __NR_stat 4
#define __NR_fstat 5
#define __NR_lstat 6
#define __NR_lseek 8
#define __NR_ioctl 16
#define __NR_pread64 17
#define __NR_pwrite64 18
#define __NR_readv 19
#define __NR_writev 20
#define __NR_access 21
#define __NR_pipe 22
#define __NR_dup 32
#define __NR_dup2 33
#define __NR_nanosleep 35
#define __NR_fcntl 72
#define __NR_fsync 74
#define __NR_fdatasync 75
#define __NR_truncate 76
#define __NR_ftruncate 77
#define __NR_getdents 78
#define __NR_getcwd 79
#define __NR_chdir 80
#define __NR_fchdir 81
#define __NR_rename 82
#define __NR_mkdir 83
#define __NR_rmdir 84
#define __NR_creat 85
#define __NR_link 86
#define __NR_unlink 87
#define __NR_symlink 88
#define __NR_readlink 89
#define __NR_chmod 90
#define __NR_fchmod 91
#define __NR_umask 95
#define __NR_gettimeofday 96
#define __NR_getrlimit 97
#define __NR_getrusage 98
#define __NR_sysinfo 99
#define __NR_getuid 102
#define __NR_getgid 104
#define __NR_geteuid 107
#define __NR_getegid 108
#define __NR_getgroups 115
#define __NR_setrlimit 160
#define __NR_reboot 169
#define __NR_time 201
#define __NR_getdents64 217
#define __NR_clock_gettime 228
#define __NR_clock_getres 229
#define __NR_clock_nanosleep 230
#define __NR_openat 257
#define __NR_mkdirat 258
#define __NR_newfstatat 262
#define __NR_unlinkat 263
#define __NR_renameat 264
#define __NR_linkat 265
#define __NR_symlinkat 266
#define __NR_readlinkat 267
#define __NR_fchmodat 268
#define __NR_faccessat 269
#define __NR_preadv 295
#define __NR_pwritev 296
#define __NR_pipe2 293
#define __NR_dup3 292
#define __NR_prlimit64 302
#define __NR_renameat2 316
#define __NR_getrandom 318
#define __NR_statx 332
#define __NR_faccessat2 439
#define __NR_uname 63
#define __NR_utimensat 280
#define __NR_utimes 235
#define __NR_utime 132
#define __NR_futimesat 261
#define __NR_chown 92
#define __NR_fchown 93
#define __NR_lchown 94
#define __NR_fchownat 260
#define __NR_statfs 137
#define __NR_fstatfs 138
#define __NR_close_range 436
#define __NR_fallocate 285
#define __NR_fadvise64 221
#define __NR_readahead 187
#define __NR_sethostname 170
#define __NR_setdomainname 171
#define __NR_times 100
#define __NR_chroot 161
#define __NR_sync_file_range 277
#define __NR_sync 162
#define __NR_syncfs 306
#define __NR_mknod 133
#define __NR_mknodat 259
#define __NR_getresuid 118
#define __NR_getresgid 120

#define UBASE 0x00003e0000000000UL	/* below TASK_SIZE_MAX in both paging modes */
#define UW_RW 4				/* writable pages */
#define UW_RO UW_RW			/* then one read-only page */
#define UW_PAGES (UW_RW + 1)		/* and an unmapped one after it */
#define U(off) ((void __user *)(UBASE + (off)))
#define U_RO U(UW_RO * PAGE_SIZE)
#define U_UNMAPPED U((UW_PAGES)*PAGE_SIZE)
#define KPTR ((void __user *)&kernel_target)
#define A(x) ((unsigned long)(x))

extern char kernel_target[64];

struct sc_env {
	struct files_struct *files, *old_files;
	struct fs_struct *fs, *old_fs;
};

long sc6(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3,
	 unsigned long a4, unsigned long a5, unsigned long a6);
#define SC0(nr) sc6(__NR_##nr, 0, 0, 0, 0, 0, 0)
#define SC1(nr, a) sc6(__NR_##nr, A(a), 0, 0, 0, 0, 0)
#define SC2(nr, a, b) sc6(__NR_##nr, A(a), A(b), 0, 0, 0, 0)
#define SC3(nr, a, b, c) sc6(__NR_##nr, A(a), A(b), A(c), 0, 0, 0)
#define SC4(nr, a, b, c, d) sc6(__NR_##nr, A(a), A(b), A(c), A(d), 0, 0)
#define SC5(nr, a, b, c, d, e) sc6(__NR_##nr, A(a), A(b), A(c), A(d), A(e), 0)

/* The kernel alias of user address U(off). */
void *kalias(unsigned long off);
void kstrcpy(char *d, const char *s);
/* Put a string at U(off) (kernel side), return its user address. */
char __user *ustr(unsigned long off, const char *s);
bool uw_map(struct kunit *test);
void uw_unmap(void);
bool env_enter(struct kunit *test, struct sc_env *env);
void env_leave(struct sc_env *env);
/* Made once before any count is taken: pipefs's mount and root stay for good. */
void warm_up_pipefs(void);

#define SC_TEST(name)                                                  \
	static void name##_body(struct kunit *test);                   \
	static void name(struct kunit *test)                           \
	{                                                              \
		struct vfs_counts __c;                                 \
		struct sc_env __env;                                   \
		if (uw_map(test)) {                                    \
			warm_up_pipefs();                              \
			if (vfs_begin(test, &__c)) {                   \
				if (env_enter(test, &__env)) {         \
					name##_body(test);             \
					env_leave(&__env);             \
				}                                      \
				vfs_end(test, &__c);                   \
			}                                              \
		}                                                      \
		uw_unmap();                                            \
	}                                                              \
	static void name##_body(struct kunit *test)

struct ustat {		/* x86-64 struct stat, for the test's own reading */
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
	long __unused[3];
};


struct uts {
	s64 tv_sec;
	long long tv_nsec;
};

#endif /* _TESTS_KERNEL_SYSCALL_TEST_H */
