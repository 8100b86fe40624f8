// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the file-system and miscellaneous system calls
 * (fs/read_write.c, open.c, stat.c, readdir.c, namei_ops.c, d_path.c,
 * file.c, fcntl.c, ioctl.c, sync.c, pipe.c; kernel/time/; kernel/sys.c;
 * kernel/reboot.c's argument checks; drivers/char/random.c): each case
 * calls them through x64_sys_call() (the table lookup do_syscall_64
 * makes for a real system call) with Linux's numbers and a struct
 * pt_regs, and checks results and Linux's error codes.
 *
 * Before user mode there is no user memory, so a case maps a small
 * "user window" of kernel pages at UBASE in init_top_pgt (as
 * usercopy_kunit does): pages 0..UW_RW-1 writable, page UW_RO read-only,
 * the page after it unmapped. Pointers into it are real user pointers for
 * copy_{to,from}_user; NULL, a kernel address, the unmapped page and (for
 * outputs) the read-only page must all give -EFAULT. The kunit thread
 * borrows a fd table (dup_fd of init_files) and an fs_struct of its own
 * for the case, and the case ends with files, dentries, inodes and free
 * pages back where they were (vfs_begin/vfs_end).
 */
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

static char kernel_target[64];
static u8 *uw_kva[UW_PAGES];

struct sc_env {
	struct files_struct *files, *old_files;
	struct fs_struct *fs, *old_fs;
};

static long sc6(unsigned long nr, unsigned long a1, unsigned long a2, unsigned long a3,
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

#define SC0(nr) sc6(__NR_##nr, 0, 0, 0, 0, 0, 0)
#define SC1(nr, a) sc6(__NR_##nr, A(a), 0, 0, 0, 0, 0)
#define SC2(nr, a, b) sc6(__NR_##nr, A(a), A(b), 0, 0, 0, 0)
#define SC3(nr, a, b, c) sc6(__NR_##nr, A(a), A(b), A(c), 0, 0, 0)
#define SC4(nr, a, b, c, d) sc6(__NR_##nr, A(a), A(b), A(c), A(d), 0, 0)
#define SC5(nr, a, b, c, d, e) sc6(__NR_##nr, A(a), A(b), A(c), A(d), A(e), 0)

/* The kernel alias of user address U(off). */
static void *kalias(unsigned long off)
{
	return uw_kva[off / PAGE_SIZE] + off % PAGE_SIZE;
}

static void kstrcpy(char *d, const char *s)
{
	memcpy(d, s, strlen(s) + 1);
}

/* Put a string at U(off) (kernel side), return its user address. */
static char __user *ustr(unsigned long off, const char *s)
{
	kstrcpy(kalias(off), s);
	return U(off);
}

static bool uw_map(struct kunit *test)
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

static void uw_unmap(void)
{
	for (int i = 0; i < UW_PAGES; i++) {
		if (!uw_kva[i])
			continue;
		unmap_kernel_range(UBASE + i * PAGE_SIZE, PAGE_SIZE);
		free_page((unsigned long)uw_kva[i]);
		uw_kva[i] = NULL;
	}
}

static bool env_enter(struct kunit *test, struct sc_env *env)
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

static void env_leave(struct sc_env *env)
{
	current->files = env->old_files;
	current->fs = env->old_fs;
	put_files_struct(env->files);
	path_put(&env->fs->root);
	path_put(&env->fs->pwd);
	kfree(env->fs);
}

/* Made once before any count is taken: pipefs's mount and root stay for good. */
static void warm_up_pipefs(void)
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

/* ---- getname and bad pointers -------------------------------------------------------- */

SC_TEST(sc_getname)
{
	char *k = kalias(0);
	long fd;

	/* NULL, kernel, unmapped: -EFAULT; "" -ENOENT; no NUL in PATH_MAX: -ENAMETOOLONG. */
	KUNIT_EXPECT_EQ(test, SC3(open, NULL, O_RDONLY, 0), -EFAULT);
	kstrcpy(kernel_target, "/");
	KUNIT_EXPECT_EQ(test, SC3(open, KPTR, O_RDONLY, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(open, U_UNMAPPED, O_RDONLY, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(open, ustr(0, ""), O_RDONLY, 0), -ENOENT);
	/* PATH_MAX slashes and no NUL: would name "/" if it were not cut off. */
	memset(k, '/', PATH_MAX);
	KUNIT_EXPECT_EQ(test, SC3(open, U(0), O_RDONLY, 0), -ENAMETOOLONG);
	k[PATH_MAX - 1] = '\0';
	fd = SC3(open, U(0), O_RDONLY, 0);
	KUNIT_EXPECT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	/* A name running into the unmapped page. */
	memset(kalias(UW_RO * PAGE_SIZE), 'b', PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, SC3(open, U(UW_RO * PAGE_SIZE + PAGE_SIZE - 8), O_RDONLY, 0),
			-EFAULT);
	/* A read-only page is fine for a name. */
	kstrcpy(kalias(UW_RO * PAGE_SIZE), TDIR);
	fd = SC3(open, U_RO, O_RDONLY | O_DIRECTORY, 0);
	KUNIT_EXPECT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), -EBADF);
	/* getname_flags directly: LOOKUP_EMPTY allows "", and says so. */
	{
		int empty = 0;
		struct filename *n = getname_flags(ustr(0, ""), LOOKUP_EMPTY, &empty);

		KUNIT_EXPECT_FALSE(test, IS_ERR(n));
		KUNIT_EXPECT_EQ(test, empty, 1);
		if (!IS_ERR(n))
			KUNIT_EXPECT_STREQ(test, n->name, "");
		putname(n);
		n = getname(ustr(0, TDIR "/x"));
		KUNIT_EXPECT_FALSE(test, IS_ERR(n));
		if (!IS_ERR(n))
			KUNIT_EXPECT_STREQ(test, n->name, TDIR "/x");
		putname(n);
	}
}

/* ---- open, read, write, lseek, pread, pwrite, readv, writev ------------------------- */

SC_TEST(sc_read_write)
{
	char *buf = kalias(PAGE_SIZE);
	long fd, ro, dfd;

	fd = SC3(open, ustr(0, TDIR "/f"), O_RDWR | O_CREAT | O_EXCL, 0644);
	KUNIT_ASSERT_TRUE(test, fd >= 0);
	KUNIT_EXPECT_EQ(test, SC3(open, U(0), O_RDWR | O_CREAT | O_EXCL, 0644), -EEXIST);
	kstrcpy(buf, "hello, world");
	KUNIT_EXPECT_EQ(test, SC3(write, fd, U(PAGE_SIZE), 12), 12);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_CUR), 12);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 7, SEEK_SET), 7);
	memset(buf, 0, 64);
	KUNIT_EXPECT_EQ(test, SC3(read, fd, U(PAGE_SIZE), 64), 5);
	KUNIT_EXPECT_STREQ(test, buf, "world");
	KUNIT_EXPECT_EQ(test, SC3(read, fd, U(PAGE_SIZE), 64), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, 99), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 12);
	/* pread/pwrite leave the position alone. */
	KUNIT_EXPECT_EQ(test, SC4(pwrite64, fd, ustr(PAGE_SIZE, "J"), 1, 7), 1);
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, U(PAGE_SIZE), 5, 7), 5);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "Jorld", 5), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_CUR), 12);
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, U(PAGE_SIZE), 5, -1), -EINVAL);
	/* Bad buffers: read into RO, unmapped, kernel, NULL; write from unmapped/kernel. */
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, U_RO, 5, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, U_UNMAPPED, 5, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, KPTR, 5, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, NULL, 5, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(write, fd, U_UNMAPPED, 5), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(write, fd, KPTR, 5), -EFAULT);
	/* A read that faults part way returns what it copied. */
	KUNIT_EXPECT_EQ(test, SC4(pread64, fd, U(UW_RO * PAGE_SIZE - 3), 12, 0), 3);
	/* Access modes; bad fds. */
	ro = SC3(open, U(0), O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, ro >= 0);
	KUNIT_EXPECT_EQ(test, SC3(write, ro, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC3(read, 999, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC3(read, -1, U(PAGE_SIZE), 1), -EBADF);
	dfd = SC3(open, ustr(0, TDIR), O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, dfd >= 0);
	KUNIT_EXPECT_EQ(test, SC3(read, dfd, U(PAGE_SIZE), 1), -EISDIR);
	KUNIT_EXPECT_EQ(test, SC3(open, U(0), O_RDWR, 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, SC3(open, ustr(0, TDIR "/f/"), O_RDONLY, 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC3(open, ustr(0, TDIR "/none"), O_RDONLY, 0), -ENOENT);
	/* openat relative to a directory fd, and to a file fd. */
	KUNIT_EXPECT_EQ(test, SC4(openat, dfd, ustr(0, "f"), O_RDONLY, 0), 3);
	KUNIT_EXPECT_EQ(test, SC1(close, 3), 0);
	KUNIT_EXPECT_EQ(test, SC4(openat, fd, ustr(0, "f"), O_RDONLY, 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC4(openat, 77, ustr(0, "f"), O_RDONLY, 0), -EBADF);
	/* An absolute name ignores dfd. */
	KUNIT_EXPECT_EQ(test, SC4(openat, 77, ustr(0, "/"), O_RDONLY, 0), 3);
	KUNIT_EXPECT_EQ(test, SC1(close, 3), 0);
	/* O_APPEND writes at the end whatever the position. */
	KUNIT_EXPECT_EQ(test, SC1(close, ro), 0);
	ro = SC3(open, ustr(0, TDIR "/f"), O_WRONLY | O_APPEND, 0);
	KUNIT_EXPECT_EQ(test, SC3(write, ro, ustr(PAGE_SIZE, "!"), 1), 1);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 13);
	KUNIT_EXPECT_EQ(test, SC1(close, ro), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, dfd), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	/* creat truncates. */
	fd = SC2(creat, U(0), 0644);
	KUNIT_EXPECT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, fd, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
}

SC_TEST(sc_readv_writev)
{
	struct iovec *iov = kalias(0);
	char *data = kalias(PAGE_SIZE);
	long fd;

	fd = SC3(open, ustr(2 * PAGE_SIZE, TDIR "/v"), O_RDWR | O_CREAT, 0600);
	KUNIT_ASSERT_TRUE(test, fd >= 0);
	kstrcpy(data, "abcdefgh");
	iov[0] = (struct iovec){ U(PAGE_SIZE), 3 };
	iov[1] = (struct iovec){ U(PAGE_SIZE), 0 };
	iov[2] = (struct iovec){ U(PAGE_SIZE + 3), 5 };
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U(0), 3), 8);
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U(0), 0), 0);
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U(0), 1025), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U_UNMAPPED, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, NULL, 1), -EFAULT);
	iov[1].iov_len = (size_t)-1;
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U(0), 3), -EINVAL);
	iov[1] = (struct iovec){ KPTR, 4 };
	KUNIT_EXPECT_EQ(test, SC3(writev, fd, U(0), 3), -EFAULT);
	/* Read back scattered: "ab" "cdefgh" */
	memset(data, 0, 16);
	iov[0] = (struct iovec){ U(PAGE_SIZE + 100), 2 };
	iov[1] = (struct iovec){ U(PAGE_SIZE + 200), 10 };
	KUNIT_EXPECT_EQ(test, SC5(preadv, fd, U(0), 2, 0, 0), 8);
	KUNIT_EXPECT_EQ(test, memcmp(data + 100, "ab", 2), 0);
	KUNIT_EXPECT_EQ(test, memcmp(data + 200, "cdefgh", 6), 0);
	KUNIT_EXPECT_EQ(test, SC5(preadv, fd, U(0), 2, -5, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_SET), 0);
	KUNIT_EXPECT_EQ(test, SC3(readv, fd, U(0), 2), 8);
	iov[0] = (struct iovec){ U(PAGE_SIZE), 1 };
	KUNIT_EXPECT_EQ(test, SC5(pwritev, fd, U(0), 1, 100, 0), 1);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 101);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	KUNIT_EXPECT_EQ(test, SC3(readv, fd, U(0), 1), -EBADF);
}

/* ---- stat ----------------------------------------------------------------------------- */

struct ustat {		/* x86-64 struct stat, for the test's own reading */
	unsigned long st_dev, st_ino, st_nlink;
	unsigned int st_mode, st_uid, st_gid, __pad0;
	unsigned long st_rdev;
	long st_size, st_blksize, st_blocks;
	unsigned long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
	long __unused[3];
};

SC_TEST(sc_stat)
{
	struct ustat *st = kalias(PAGE_SIZE);
	u8 *sx = kalias(2 * PAGE_SIZE);
	long fd;

	KUNIT_ASSERT_EQ(test, sizeof(struct ustat), 144);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/s", "12345", 5), 0);
	KUNIT_EXPECT_EQ(test, SC2(symlink, ustr(0, "s"), ustr(64, TDIR "/l")), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, ustr(0, TDIR "/l"), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_size, 5);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFREG | 0644);
	KUNIT_EXPECT_EQ(test, st->st_nlink, 1);
	KUNIT_EXPECT_EQ(test, st->st_blksize, 4096);
	KUNIT_EXPECT_GT(test, st->st_mtime, 1000000000UL);	/* a date, not the uptime */
	KUNIT_EXPECT_EQ(test, SC2(lstat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mode & S_IFMT, S_IFLNK);
	KUNIT_EXPECT_EQ(test, st->st_size, 1);
	KUNIT_EXPECT_EQ(test, SC4(newfstatat, AT_FDCWD, U(0), U(PAGE_SIZE), AT_SYMLINK_NOFOLLOW),
			0);
	KUNIT_EXPECT_EQ(test, st->st_mode & S_IFMT, S_IFLNK);
	KUNIT_EXPECT_EQ(test, SC4(newfstatat, AT_FDCWD, U(0), U(PAGE_SIZE), 0x8000), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), KPTR), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(stat, ustr(0, TDIR "/nope"), U(PAGE_SIZE)), -ENOENT);
	fd = SC3(open, ustr(0, TDIR "/s"), O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, fd >= 0);
	KUNIT_EXPECT_EQ(test, SC2(fstat, fd, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_size, 5);
	KUNIT_EXPECT_EQ(test, SC2(fstat, 555, U(PAGE_SIZE)), -EBADF);
	/* "" + AT_EMPTY_PATH: the fd itself; without the flag -ENOENT. */
	memset(st, 0, sizeof(*st));
	KUNIT_EXPECT_EQ(test, SC4(newfstatat, fd, ustr(0, ""), U(PAGE_SIZE), AT_EMPTY_PATH), 0);
	KUNIT_EXPECT_EQ(test, st->st_size, 5);
	KUNIT_EXPECT_EQ(test, SC4(newfstatat, fd, U(0), U(PAGE_SIZE), 0), -ENOENT);
	/* statx: size at 40, mode at 28, mask at 0. */
	KUNIT_EXPECT_EQ(test, SC5(statx, fd, U(0), AT_EMPTY_PATH, STATX_BASIC_STATS,
				  U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, *(u64 *)(sx + 40), 5);
	KUNIT_EXPECT_EQ(test, *(u16 *)(sx + 28), S_IFREG | 0644);
	KUNIT_EXPECT_EQ(test, *(u32 *)(sx + 0) & STATX_BASIC_STATS, STATX_BASIC_STATS);
	KUNIT_EXPECT_EQ(test, SC5(statx, fd, U(0), AT_EMPTY_PATH, 0x80000000U,
				  U(2 * PAGE_SIZE)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC5(statx, fd, U(0), AT_EMPTY_PATH | 0x6000, 0, U(2 * PAGE_SIZE)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, SC5(statx, fd, U(0), AT_EMPTY_PATH, 0, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC5(statx, AT_FDCWD, ustr(0, TDIR "/l"), AT_SYMLINK_NOFOLLOW,
				  STATX_BASIC_STATS, U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, *(u16 *)(sx + 28) & S_IFMT, S_IFLNK);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
}

/* ---- getdents64, getdents ------------------------------------------------------------ */

SC_TEST(sc_getdents)
{
	u8 *buf = kalias(PAGE_SIZE);
	bool seen[3] = { false, false, false };
	int dots = 0, n = 0;
	long fd, len;

	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a", NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/bb", NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/ccc", 0755), 0);
	fd = SC3(open, ustr(0, TDIR), O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, fd >= 0);
	/* Too small for one record. */
	KUNIT_EXPECT_EQ(test, SC3(getdents64, fd, U(PAGE_SIZE), 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(getdents64, fd, U_RO, 512), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(getdents64, fd, KPTR, 512), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_SET), 0);
	len = SC3(getdents64, fd, U(PAGE_SIZE), 2048);
	KUNIT_ASSERT_TRUE(test, len > 0);
	for (long off = 0; off < len; n++) {
		u16 reclen = *(u16 *)(buf + off + 16);
		u8 type = buf[off + 18];
		const char *name = (const char *)buf + off + 19;

		KUNIT_ASSERT_TRUE(test, reclen >= 24 && reclen % 8 == 0);
		if (!strcmp(name, ".") || !strcmp(name, ".."))
			dots++;
		else if (!strcmp(name, "a"))
			seen[0] = type == DT_REG;
		else if (!strcmp(name, "bb"))
			seen[1] = type == DT_REG;
		else if (!strcmp(name, "ccc"))
			seen[2] = type == DT_DIR;
		off += reclen;
	}
	KUNIT_EXPECT_EQ(test, n, 5);
	KUNIT_EXPECT_EQ(test, dots, 2);
	KUNIT_EXPECT_TRUE(test, seen[0] && seen[1] && seen[2]);
	KUNIT_EXPECT_EQ(test, SC3(getdents64, fd, U(PAGE_SIZE), 2048), 0);
	/* The old getdents: d_type in the record's last byte. */
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_SET), 0);
	len = SC3(getdents, fd, U(PAGE_SIZE), 2048);
	KUNIT_EXPECT_GT(test, len, 0);
	if (len > 0) {
		u16 reclen = *(u16 *)(buf + 16);

		KUNIT_EXPECT_EQ(test, buf[reclen - 1], DT_DIR);	/* "." */
		KUNIT_EXPECT_STREQ(test, (char *)buf + 18, ".");
	}
	/* One record per call when the buffer holds one: positions carry on. */
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_SET), 0);
	n = 0;
	while ((len = SC3(getdents64, fd, U(PAGE_SIZE), 24)) > 0 && n < 10)
		n++;
	KUNIT_EXPECT_EQ(test, len, 0);
	KUNIT_EXPECT_EQ(test, n, 5);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	fd = SC3(open, ustr(0, TDIR "/a"), O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, SC3(getdents64, fd, U(PAGE_SIZE), 2048), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	KUNIT_EXPECT_EQ(test, SC3(getdents64, 400, U(PAGE_SIZE), 2048), -EBADF);
}

/* ---- names: mkdir, unlink, rmdir, rename, symlink, readlink, link ------------------- */

SC_TEST(sc_names)
{
	char *buf = kalias(PAGE_SIZE);
	long dfd, ffd;

	KUNIT_EXPECT_EQ(test, SC2(mkdir, ustr(0, TDIR "/d"), 0755), 0);
	KUNIT_EXPECT_EQ(test, SC2(mkdir, U(0), 0755), -EEXIST);
	dfd = SC3(open, U(0), O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, dfd >= 0);
	KUNIT_EXPECT_EQ(test, SC3(mkdirat, dfd, ustr(0, "sub"), 0700), 0);
	KUNIT_EXPECT_EQ(test, init_stat(TDIR "/d/sub", &(struct kstat){}, 0), 0);
	ffd = SC3(openat, dfd, ustr(0, "file"), O_CREAT | O_WRONLY);
	KUNIT_ASSERT_TRUE(test, ffd >= 0);
	KUNIT_EXPECT_EQ(test, SC3(mkdirat, ffd, ustr(0, "x"), 0700), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC3(mkdirat, 300, ustr(0, "x"), 0700), -EBADF);
	/* symlink + readlink: not NUL-terminated, cut to bufsiz. */
	KUNIT_EXPECT_EQ(test, SC3(symlinkat, ustr(0, "file"), dfd, ustr(64, "ln")), 0);
	memset(buf, 'z', 16);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, ustr(0, "ln"), U(PAGE_SIZE), 16), 4);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "filez", 5), 0);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, U(0), U(PAGE_SIZE), 2), 2);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, U(0), U(PAGE_SIZE), 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, U(0), U_RO, 16), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, ustr(0, "file"), U(PAGE_SIZE), 16), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, ffd, ustr(0, ""), U(PAGE_SIZE), 16), -ENOENT);
	KUNIT_EXPECT_EQ(test, SC3(readlink, ustr(0, TDIR "/d/ln"), U(PAGE_SIZE), 16), 4);
	/* link, linkat with AT_SYMLINK_FOLLOW (links the target, not the link). */
	KUNIT_EXPECT_EQ(test, SC5(linkat, dfd, ustr(0, "ln"), dfd, ustr(64, "hard"),
				  AT_SYMLINK_FOLLOW), 0);
	KUNIT_EXPECT_EQ(test, SC4(readlinkat, dfd, ustr(0, "hard"), U(PAGE_SIZE), 16), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC5(linkat, dfd, ustr(0, "ln"), dfd, ustr(64, "h2"), 0x1), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(link, ustr(0, TDIR "/d/file"), ustr(64, TDIR "/d/h3")), 0);
	KUNIT_EXPECT_EQ(test, SC2(link, ustr(0, TDIR "/d"), ustr(64, TDIR "/d2")), -EPERM);
	/* rename family. */
	KUNIT_EXPECT_EQ(test, SC4(renameat, dfd, ustr(0, "h3"), dfd, ustr(64, "h4")), 0);
	KUNIT_EXPECT_EQ(test, SC5(renameat2, dfd, ustr(0, "h4"), dfd, ustr(64, "hard"),
				  RENAME_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, SC5(renameat2, dfd, U(0), dfd, U(64), RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_EQ(test, SC5(renameat2, dfd, U(0), dfd, U(64), 0x80), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(rename, ustr(0, TDIR "/d/h4"), ustr(64, TDIR "/d/sub/h5")), 0);
	KUNIT_EXPECT_EQ(test, SC2(rename, ustr(0, TDIR "/d"), ustr(64, TDIR "/d/sub/x")), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(rename, NULL, ustr(64, TDIR "/x")), -EFAULT);
	/* unlink family. */
	KUNIT_EXPECT_EQ(test, SC3(unlinkat, dfd, ustr(0, "sub"), 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, SC3(unlinkat, dfd, U(0), AT_REMOVEDIR), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, SC3(unlinkat, dfd, U(0), 0x1), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC1(unlink, ustr(0, TDIR "/d/sub/h5")), 0);
	KUNIT_EXPECT_EQ(test, SC3(unlinkat, dfd, ustr(0, "sub"), AT_REMOVEDIR), 0);
	KUNIT_EXPECT_EQ(test, SC3(unlinkat, dfd, ustr(0, "file"), AT_REMOVEDIR), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(rmdir, ustr(0, TDIR "/d/file")), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(unlink, ustr(0, TDIR "/d/nothing")), -ENOENT);
	KUNIT_EXPECT_EQ(test, SC1(rmdir, ustr(0, TDIR "/d/.")), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC1(close, ffd), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, dfd), 0);
}

/* ---- cwd ------------------------------------------------------------------------------ */

SC_TEST(sc_cwd)
{
	char *buf = kalias(PAGE_SIZE);
	long fd;

	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), 64), 2);
	KUNIT_EXPECT_STREQ(test, buf, "/");
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/w", 0755), 0);
	KUNIT_EXPECT_EQ(test, SC1(chdir, ustr(0, TDIR "/w")), 0);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), 64), sizeof(TDIR "/w"));
	KUNIT_EXPECT_STREQ(test, buf, TDIR "/w");
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), sizeof(TDIR "/w") - 1), -ERANGE);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), 0), -ERANGE);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U_RO, 64), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, KPTR, 64), -EFAULT);
	/* Relative names now start here. */
	fd = SC3(open, ustr(0, "rel"), O_CREAT | O_RDWR, 0600);
	KUNIT_EXPECT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, init_stat(TDIR "/w/rel", &(struct kstat){}, 0), 0);
	KUNIT_EXPECT_EQ(test, SC1(fchdir, fd), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(chdir, U(0)), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	KUNIT_EXPECT_EQ(test, SC1(chdir, ustr(0, "..")), 0);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), 64), sizeof(TDIR));
	fd = SC3(open, ustr(0, "w"), O_RDONLY | O_DIRECTORY, 0);
	KUNIT_EXPECT_EQ(test, SC1(fchdir, fd), 0);
	KUNIT_EXPECT_EQ(test, SC1(fchdir, 99), -EBADF);
	KUNIT_EXPECT_EQ(test, SC1(close, fd), 0);
	/* A removed working directory: getcwd says -ENOENT. */
	KUNIT_EXPECT_EQ(test, SC1(unlink, ustr(0, "rel")), 0);
	KUNIT_EXPECT_EQ(test, SC1(rmdir, ustr(0, TDIR "/w")), 0);
	KUNIT_EXPECT_EQ(test, SC2(getcwd, U(PAGE_SIZE), 64), -ENOENT);
	KUNIT_EXPECT_EQ(test, SC1(chdir, ustr(0, "/")), 0);
}

/* ---- dup, fcntl, ioctl ------------------------------------------------------------------ */

SC_TEST(sc_dup_fcntl_ioctl)
{
	int *ip = kalias(PAGE_SIZE);
	long fd;

	fd = SC3(open, ustr(0, TDIR "/g"), O_CREAT | O_RDWR, 0600);
	KUNIT_ASSERT_EQ(test, fd, 0);
	KUNIT_EXPECT_EQ(test, SC1(dup, fd), 1);
	KUNIT_EXPECT_EQ(test, SC2(dup2, fd, 10), 10);
	KUNIT_EXPECT_EQ(test, SC2(dup2, 10, 10), 10);
	KUNIT_EXPECT_EQ(test, SC2(dup2, 55, 55), -EBADF);
	KUNIT_EXPECT_EQ(test, SC3(dup3, 10, 10, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(dup3, 0, 11, 0x1), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(dup3, 0, 11, O_CLOEXEC), 11);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 11, 1 /* F_GETFD */), 1);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 10, 1), 0);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 10, 2 /* F_SETFD */, 1), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 10, 1), 1);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 0 /* F_DUPFD */, 5), 5);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 1030 /* F_DUPFD_CLOEXEC */, 5), 6);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 6, 1), 1);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 0, 1 << 30), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(dup2, 0, 1 << 30, 0), -EBADF);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 0, 3 /* F_GETFL */), O_RDWR | O_LARGEFILE);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 4 /* F_SETFL */, O_APPEND | O_NONBLOCK | O_RDONLY),
			0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 1, 3), O_RDWR | O_LARGEFILE | O_APPEND | O_NONBLOCK);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 4, O_DIRECT), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, 0, 4, 0), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 0, 9999), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 77, 3), -EBADF);
	/* ioctl: the generic ones, then -ENOTTY for a tty request on a file. */
	KUNIT_EXPECT_EQ(test, SC2(ioctl, 10, 0x5450 /* FIONCLEX */), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 10, 1), 0);
	KUNIT_EXPECT_EQ(test, SC2(ioctl, 10, 0x5451 /* FIOCLEX */), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 10, 1), 1);
	*ip = 1;
	KUNIT_EXPECT_EQ(test, SC3(ioctl, 0, 0x5421 /* FIONBIO */, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 0, 3) & O_NONBLOCK, O_NONBLOCK);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, 0, 0x5421, U_UNMAPPED), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(write, 0, ustr(0, "0123456789"), 10), 10);
	KUNIT_EXPECT_EQ(test, SC3(lseek, 0, 4, SEEK_SET), 4);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, 0, 0x541B /* FIONREAD */, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, *ip, 6);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, 0, 0x5401 /* TCGETS */, U(PAGE_SIZE)), -ENOTTY);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, 99, 0x5401, U(PAGE_SIZE)), -EBADF);
	/* fsync family on tmpfs: nothing to do, success. */
	KUNIT_EXPECT_EQ(test, SC1(fsync, 0), 0);
	KUNIT_EXPECT_EQ(test, SC1(fdatasync, 0), 0);
	KUNIT_EXPECT_EQ(test, SC1(fsync, 98), -EBADF);
	for (int i = 0; i < 12; i++)
		SC1(close, i);
}

/* ---- truncate, chmod, access -------------------------------------------------------------- */

SC_TEST(sc_attrs)
{
	struct ustat *st = kalias(PAGE_SIZE);
	long fd, ro;

	fd = SC3(open, ustr(0, TDIR "/t"), O_CREAT | O_RDWR, 0644);
	KUNIT_ASSERT_TRUE(test, fd >= 0);
	KUNIT_EXPECT_EQ(test, SC2(ftruncate, fd, 5000), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 5000);
	KUNIT_EXPECT_EQ(test, SC2(ftruncate, fd, -1), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(truncate, U(0), 10), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 10);
	KUNIT_EXPECT_EQ(test, SC2(truncate, ustr(0, TDIR), 10), -EISDIR);
	KUNIT_EXPECT_EQ(test, SC2(truncate, NULL, 10), -EFAULT);
	ro = SC3(open, ustr(0, TDIR "/t"), O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, SC2(ftruncate, ro, 0), -EINVAL);
	/* chmod keeps the file type; access: root reads and writes anything. */
	KUNIT_EXPECT_EQ(test, SC2(access, U(0), 1 /* X_OK */), -EACCES);
	KUNIT_EXPECT_EQ(test, SC2(access, U(0), 6 /* R_OK | W_OK */), 0);
	KUNIT_EXPECT_EQ(test, SC2(access, U(0), 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(fchmod, fd, 0100), 0);
	KUNIT_EXPECT_EQ(test, SC2(access, U(0), 1), 0);
	KUNIT_EXPECT_EQ(test, SC2(fstat, fd, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFREG | 0100);
	KUNIT_EXPECT_EQ(test, SC2(chmod, U(0), 07777), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFREG | 07777);
	KUNIT_EXPECT_EQ(test, SC3(fchmodat, AT_FDCWD, U(0), 0600), 0);
	KUNIT_EXPECT_EQ(test, SC4(faccessat2, fd, ustr(64, ""), 0, AT_EMPTY_PATH), 0);
	KUNIT_EXPECT_EQ(test, SC4(faccessat2, fd, U(64), 0, 0x4000), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(faccessat, AT_FDCWD, ustr(0, TDIR "/none"), 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, SC3(faccessat, AT_FDCWD, ustr(0, TDIR), 1), 0);
	KUNIT_EXPECT_EQ(test, SC2(fchmod, 100, 0600), -EBADF);
	/* umask: the old value back, and O_CREAT's mode masked with it. */
	KUNIT_EXPECT_EQ(test, SC1(umask, 077), 022);
	KUNIT_EXPECT_EQ(test, SC1(umask, 0777 | 01000), 077);
	KUNIT_EXPECT_EQ(test, SC1(umask, 027), 0777);
	SC1(close, SC3(open, ustr(0, TDIR "/m"), O_CREAT | O_RDWR, 0777));
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFREG | 0750);
	SC1(umask, 022);
	SC1(close, ro);
	SC1(close, fd);
}

/* ---- pipes ----------------------------------------------------------------------------- */

struct pipe_helper {
	struct file *file;
	int delay_ms;
	char fill;
	int writes;		/* of len bytes each; 0: one byte */
	int len;
	bool put_file;		/* the thread drops file when done (its last writer: EOF) */
	long result;
	bool done;
};

/* A kthread must not exit before kthread_stop() (which holds no reference till then). */
static void wait_for_stop(struct pipe_helper *h)
{
	WRITE_ONCE(h->done, true);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Sleep, then write one byte (wakes a blocked reader) or PIPE_BUF-byte records. */
static int pipe_writer(void *data)
{
	struct pipe_helper *h = data;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	long done = 0;

	if (!buf) {
		h->result = -ENOMEM;
		wait_for_stop(h);
		return 0;
	}
	memset(buf, h->fill, PAGE_SIZE);
	msleep(h->delay_ms);
	for (int i = 0; i < (h->writes ? h->writes : 1); i++) {
		loff_t pos = 0;
		ssize_t n = kernel_write(h->file, buf, h->writes ? h->len : 1, &pos);

		if (n < 0) {
			done = n;
			break;
		}
		done += n;
	}
	h->result = done;
	kfree(buf);
	if (h->put_file)
		fput(h->file);
	wait_for_stop(h);
	return 0;
}

/* Sleep, then read up to 64 KiB (wakes a blocked writer). */
static int pipe_reader(void *data)
{
	struct pipe_helper *h = data;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	loff_t pos = 0;

	msleep(h->delay_ms);
	h->result = buf ? kernel_read(h->file, buf, PAGE_SIZE, &pos) : -ENOMEM;
	kfree(buf);
	wait_for_stop(h);
	return 0;
}

SC_TEST(sc_pipe)
{
	int *fds = kalias(0);
	int *ip = kalias(64);
	char *buf = kalias(PAGE_SIZE);
	struct pipe_helper h = { 0 };
	struct task_struct *k;
	long r, total;
	int rfd, wfd;

	KUNIT_EXPECT_EQ(test, SC2(pipe2, U(0), O_DIRECT), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(pipe2, U(0), 0x1234), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC1(pipe, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(pipe, KPTR), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(pipe, NULL), -EFAULT);
	KUNIT_ASSERT_EQ(test, SC1(pipe, U(0)), 0);
	rfd = fds[0];
	wfd = fds[1];
	KUNIT_EXPECT_EQ(test, rfd, 0);	/* the failed calls left no fd behind */
	KUNIT_EXPECT_EQ(test, wfd, 1);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, ustr(PAGE_SIZE, "ping"), 4), 4);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, rfd, 0x541B, U(64)), 0);
	KUNIT_EXPECT_EQ(test, *ip, 4);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE + 100), 100), 4);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 100, "ping", 4), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, rfd, 0, SEEK_SET), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC4(pread64, rfd, U(PAGE_SIZE), 1, 0), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC4(pwrite64, wfd, U(PAGE_SIZE), 1, 0), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC3(write, rfd, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC3(read, wfd, U(PAGE_SIZE), 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC1(fsync, wfd), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U_UNMAPPED, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 0), 0);
	/* fstat: a FIFO, rw for its owner, its own inode number. */
	KUNIT_EXPECT_EQ(test, SC2(fstat, rfd, U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, ((struct ustat *)kalias(2 * PAGE_SIZE))->st_mode, S_IFIFO | 0600);

	/* O_NONBLOCK: empty -> -EAGAIN; the ring holds 64 KiB, then -EAGAIN. */
	KUNIT_EXPECT_EQ(test, SC3(fcntl, rfd, 4, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, wfd, 4, O_NONBLOCK), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 1), -EAGAIN);
	total = 0;
	while ((r = SC3(write, wfd, U(PAGE_SIZE), 1000)) > 0 && total < (1 << 20))
		total += r;
	KUNIT_EXPECT_EQ(test, r, -EAGAIN);
	/* 1000-byte writes share pages: 4 per page, 16 pages. */
	KUNIT_EXPECT_EQ(test, total, 64 * 1000);
	KUNIT_EXPECT_EQ(test, SC3(ioctl, rfd, 0x541B, U(64)), 0);
	KUNIT_EXPECT_EQ(test, *ip, 64000);
	/* Drain; then, with no writer left, end of file. */
	total = 0;
	while ((r = SC3(read, rfd, U(PAGE_SIZE), PAGE_SIZE)) > 0)
		total += r;
	KUNIT_EXPECT_EQ(test, total, 64000);
	KUNIT_EXPECT_EQ(test, r, -EAGAIN);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, rfd, 4, 0), 0);
	KUNIT_EXPECT_EQ(test, SC3(fcntl, wfd, 4, 0), 0);

	/* A blocked reader is woken by a writer 50 ms later. */
	h = (struct pipe_helper){ .file = fget(wfd), .delay_ms = 50, .fill = 'w' };
	k = kthread_run(pipe_writer, &h, "pipe_writer");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 1);
	KUNIT_EXPECT_EQ(test, buf[0], 'w');
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, 1);

	/* A blocked writer (full ring) is woken by a reader. */
	total = 0;
	for (int i = 0; i < 16; i++)
		total += SC3(write, wfd, U(PAGE_SIZE), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, total, 16 * PAGE_SIZE);
	h = (struct pipe_helper){ .file = fget(rfd), .delay_ms = 50 };
	k = kthread_run(pipe_reader, &h, "pipe_reader");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 10), 10);
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, PAGE_SIZE);
	total = 0;
	SC3(fcntl, rfd, 4, O_NONBLOCK);
	while ((r = SC3(read, rfd, U(PAGE_SIZE), PAGE_SIZE)) > 0)
		total += r;
	KUNIT_EXPECT_EQ(test, total, 15 * PAGE_SIZE + 10);
	SC3(fcntl, rfd, 4, 0);

	/* EOF: data first, then 0 once the writer is closed. */
	KUNIT_EXPECT_EQ(test, SC3(write, wfd, U(PAGE_SIZE), 3), 3);
	KUNIT_EXPECT_EQ(test, SC1(close, wfd), 0);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 3);
	KUNIT_EXPECT_EQ(test, SC3(read, rfd, U(PAGE_SIZE), 10), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, rfd), 0);

	/* No reader: -EPIPE (and SIGPIPE, to the helper thread that wrote). */
	KUNIT_ASSERT_EQ(test, SC2(pipe2, U(0), O_CLOEXEC), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, fds[0], 1), 1);
	h = (struct pipe_helper){ .file = fget(fds[1]), .delay_ms = 0 };
	KUNIT_EXPECT_EQ(test, SC1(close, fds[0]), 0);
	KUNIT_EXPECT_EQ(test, SC1(close, fds[1]), 0);
	k = kthread_run(pipe_writer, &h, "pipe_epipe");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(k));
	/* kthread_stop() before the thread has run would skip it: wait for it first. */
	for (int i = 0; i < 5000 && !READ_ONCE(h.done); i++)
		msleep(1);
	kthread_stop(k);
	fput(h.file);
	KUNIT_EXPECT_EQ(test, h.result, -EPIPE);
}

/*
 * Two writers of 1000-byte records (at most PIPE_BUF: atomic): every record
 * arrives whole. 1000 does not divide a page, so records are appended to a
 * partly filled buffer, which must hold the whole record or none of it.
 */
#define REC 1000
#define RECS 200
SC_TEST(sc_pipe_atomic)
{
	int *fds = kalias(0);
	char *buf = kalias(PAGE_SIZE);
	struct pipe_helper h[2];
	struct task_struct *k[2];
	int got[2] = { 0, 0 }, torn = 0;
	long r;

	KUNIT_ASSERT_EQ(test, SC1(pipe, U(0)), 0);
	for (int i = 0; i < 2; i++) {
		h[i] = (struct pipe_helper){ .file = fget(fds[1]), .delay_ms = 1,
					     .fill = 'A' + i, .writes = RECS, .len = REC,
					     .put_file = true };
		k[i] = kthread_run(pipe_writer, &h[i], "pipe_atomic%d", i);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(k[i]));
	}
	KUNIT_EXPECT_EQ(test, SC1(close, fds[1]), 0);
	/* Read exactly one record at a time until both writers are done (EOF). */
	for (;;) {
		long have = 0;

		while (have < REC) {
			r = SC3(read, fds[0], U(PAGE_SIZE + have), REC - have);
			if (r <= 0)
				break;
			have += r;
		}
		if (have < REC) {
			KUNIT_EXPECT_EQ(test, have, 0);
			break;
		}
		for (long j = 1; j < REC; j++)
			if (buf[j] != buf[0]) {
				torn++;
				break;
			}
		if (buf[0] == 'A' || buf[0] == 'B')
			got[buf[0] - 'A']++;
	}
	for (int i = 0; i < 2; i++) {
		kthread_stop(k[i]);
		KUNIT_EXPECT_EQ(test, h[i].result, RECS * REC);
	}
	KUNIT_EXPECT_EQ(test, torn, 0);
	KUNIT_EXPECT_EQ(test, got[0], RECS);
	KUNIT_EXPECT_EQ(test, got[1], RECS);
	KUNIT_EXPECT_EQ(test, SC1(close, fds[0]), 0);
}

/* ---- time ------------------------------------------------------------------------------- */

struct uts {
	s64 tv_sec;
	long long tv_nsec;
};

SC_TEST(sc_time)
{
	struct uts *ts = kalias(0), *rem = kalias(64);
	long *tv = kalias(128);
	s64 t0, t1, now;
	u64 ns0;

	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	t0 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	t1 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_GE(test, t1, t0);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_REALTIME, U(0)), 0);
	now = ts->tv_sec;
	KUNIT_EXPECT_GT(test, now, 1600000000LL);	/* the RTC's date: after 2020 */
	KUNIT_EXPECT_LT(test, ts->tv_nsec, 1000000000LL);
	KUNIT_EXPECT_EQ(test, SC1(time, NULL) - now <= 1, 1);
	KUNIT_EXPECT_EQ(test, SC1(time, U(128)) - *(s64 *)tv <= 0, 1);
	KUNIT_EXPECT_EQ(test, SC1(time, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, U(128), U(192)), 0);
	KUNIT_EXPECT_EQ(test, tv[0] - now <= 1, 1);
	KUNIT_EXPECT_LT(test, tv[1], 1000000);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(gettimeofday, U_RO, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_BOOTTIME, U(0)), 0);
	/* CPU time: 50 ms of spinning is charged, tick by tick, to this thread. */
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_THREAD_CPUTIME_ID, U(0)), 0);
	t0 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	mdelay(50);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_PROCESS_CPUTIME_ID, U(0)), 0);
	t1 = ts->tv_sec * 1000000000LL + ts->tv_nsec;
	KUNIT_EXPECT_GE(test, t1 - t0, 1000000000LL / HZ);
	KUNIT_EXPECT_LE(test, t1 - t0, 1000000000LL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, 99, U(0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, -6, U(0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, KPTR), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_MONOTONIC, U(0)), 0);
	KUNIT_EXPECT_EQ(test, ts->tv_sec, 0);
	KUNIT_EXPECT_EQ(test, ts->tv_nsec, 1);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_MONOTONIC_COARSE, U(0)), 0);
	KUNIT_EXPECT_EQ(test, ts->tv_nsec, 1000000000LL / HZ);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, CLOCK_REALTIME, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(clock_getres, 42, NULL), -EINVAL);
	/* nanosleep: bad timespecs, then 20 ms that take at least 20 ms. */
	*ts = (struct uts){ 0, 1000000000LL };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	*ts = (struct uts){ -1, 0 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	*ts = (struct uts){ 0, -1 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U_UNMAPPED, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, NULL, NULL), -EFAULT);
	*ts = (struct uts){ 0, 0 };
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), U(64)), 0);
	*ts = (struct uts){ 0, 20000000 };
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC2(nanosleep, U(0), U(64)), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - ns0, 20000000ULL);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - ns0, 2000000000ULL);
	/* clock_nanosleep: relative, absolute (a deadline 20 ms ahead), a past deadline. */
	*ts = (struct uts){ 0, 5000000 };
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_MONOTONIC, 0, U(0), U(64)), 0);
	KUNIT_EXPECT_EQ(test, SC2(clock_gettime, CLOCK_MONOTONIC, U(0)), 0);
	ts->tv_nsec += 20000000;
	if (ts->tv_nsec >= 1000000000LL) {
		ts->tv_nsec -= 1000000000LL;
		ts->tv_sec++;
	}
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, U(0), NULL), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - ns0, 15000000ULL);
	*ts = (struct uts){ 1, 0 };
	ns0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, U(0), NULL), 0);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - ns0, 100000000ULL);
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, U(0), NULL),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, SC4(clock_nanosleep, 77, 0, U(0), NULL), -EINVAL);
	(void)rem;
}

/* ---- kernel/sys.c, getrandom, reboot's checks -------------------------------------------- */

SC_TEST(sc_sys)
{
	char *uts = kalias(0);
	u64 *rl = kalias(PAGE_SIZE);
	long *si = kalias(2 * PAGE_SIZE);
	u8 *rnd = kalias(3 * PAGE_SIZE);
	bool differ = false;

	KUNIT_EXPECT_EQ(test, SC1(uname, U(0)), 0);
	KUNIT_EXPECT_STREQ(test, uts, "Linux");
	KUNIT_EXPECT_STREQ(test, uts + 65, "(none)");
	KUNIT_EXPECT_EQ(test, strncmp(uts + 130, "6.1.", 4), 0);
	KUNIT_EXPECT_STREQ(test, uts + 260, "x86_64");
	KUNIT_EXPECT_EQ(test, SC1(uname, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC1(uname, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC0(getuid), 0);
	KUNIT_EXPECT_EQ(test, SC0(geteuid), 0);
	KUNIT_EXPECT_EQ(test, SC0(getgid), 0);
	KUNIT_EXPECT_EQ(test, SC0(getegid), 0);
	KUNIT_EXPECT_EQ(test, SC2(getgroups, 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, SC2(getgroups, -1, NULL), -EINVAL);
	/* Limits need a signal_struct: only when the kunit thread has one. */
	if (current->signal && current->sighand) {
		KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIMIT_NOFILE, U(PAGE_SIZE)), 0);
		KUNIT_EXPECT_LE(test, rl[0], rl[1]);
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, NULL, U(PAGE_SIZE)), 0);
		rl[2] = rl[0];
		rl[3] = rl[1];
		rl[0] = 100;	/* cur > max */
		rl[1] = 50;
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, U(PAGE_SIZE), NULL), -EINVAL);
		rl[0] = rl[2];
		rl[1] = rl[3];
		KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, RLIMIT_STACK, U(PAGE_SIZE), NULL), 0);
		KUNIT_EXPECT_EQ(test, SC2(setrlimit, RLIMIT_STACK, U(PAGE_SIZE)), 0);
		KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIMIT_STACK, U_RO), -EFAULT);
	}
	KUNIT_EXPECT_EQ(test, SC2(getrlimit, RLIM_NLIMITS, U(PAGE_SIZE)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(prlimit64, 0, 99, NULL, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(setrlimit, RLIMIT_STACK, U_UNMAPPED), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_SELF, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_CHILDREN, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, 5, U(PAGE_SIZE)), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(getrusage, RUSAGE_SELF, U_RO), -EFAULT);
	/* sysinfo: uptime, totalram >= freeram > 0, mem_unit 1. */
	KUNIT_EXPECT_EQ(test, SC1(sysinfo, U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_GT(test, si[0], 0);
	KUNIT_EXPECT_GT(test, si[4], si[5] - 1);
	KUNIT_EXPECT_GT(test, si[5], 0);
	KUNIT_EXPECT_EQ(test, *(u32 *)((u8 *)si + 104), 1);
	KUNIT_EXPECT_GT(test, *(u16 *)((u8 *)si + 80), 0);
	KUNIT_EXPECT_EQ(test, SC1(sysinfo, KPTR), -EFAULT);
	/* getrandom: bytes, flags, faults. */
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 64, 0), 64);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE + 64), 64, 1 /* GRND_NONBLOCK */), 64);
	for (int i = 0; i < 64; i++)
		differ |= rnd[i] != rnd[64 + i];
	KUNIT_EXPECT_TRUE(test, differ);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 2 /* GRND_RANDOM */), 8);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 8, 6), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(3 * PAGE_SIZE), 0, 0), 0);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U_RO, 8, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, KPTR, 8, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC3(getrandom, U(UW_RO * PAGE_SIZE - 10), 100, 0), 10);
	/* reboot: the wrong magic and an unknown command are -EINVAL (and nothing else). */
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 1, 0x4321FEDC, 0, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0x12345678, 672274793, 0x4321FEDC, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 672274793, 0x11111111, 0, 0, 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0 /* CAD_OFF */, 0, 0, 0),
			0);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0x89ABCDEF, 0, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, sc6(__NR_reboot, 0xfee1deadUL, 85072278, 0xA1B2C3D4, A(U_UNMAPPED),
				  0, 0), -EFAULT);
}

/* ---- times, owners, statfs, close_range, advice, hostname, chroot ------------------------ */

SC_TEST(sc_more)
{
	struct ustat *st = kalias(PAGE_SIZE);
	struct uts *ts = kalias(2 * PAGE_SIZE);
	long *sf = kalias(3 * PAGE_SIZE);
	char *uts = kalias(3 * PAGE_SIZE);
	int *fds = kalias(2 * PAGE_SIZE + 512);
	long fd;

	fd = SC3(open, ustr(0, TDIR "/u"), O_CREAT | O_RDWR, 06755);
	KUNIT_ASSERT_EQ(test, fd, 0);
	/* utimensat: a given mtime, atime left alone; UTIME_NOW; bad nsec. */
	ts[0] = (struct uts){ 0, (1L << 30) - 2 };	/* UTIME_OMIT */
	ts[1] = (struct uts){ 12345, 678 };
	KUNIT_EXPECT_EQ(test, SC4(utimensat, AT_FDCWD, U(0), U(2 * PAGE_SIZE), 0), 0);
	KUNIT_EXPECT_EQ(test, SC2(fstat, fd, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_mtime, 12345);
	KUNIT_EXPECT_EQ(test, st->st_mtime_nsec, 678);
	KUNIT_EXPECT_GT(test, st->st_atime, 12345UL);
	ts[1].tv_nsec = 1000000000;
	KUNIT_EXPECT_EQ(test, SC4(utimensat, AT_FDCWD, U(0), U(2 * PAGE_SIZE), 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(utimensat, AT_FDCWD, U(0), U_UNMAPPED, 0), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC4(utimensat, fd, NULL, NULL, 0), 0);	/* futimens(fd, NULL) */
	KUNIT_EXPECT_EQ(test, SC2(fstat, fd, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_GT(test, st->st_mtime, 12345UL);
	KUNIT_EXPECT_EQ(test, SC4(utimensat, AT_FDCWD, U(0), NULL, 0x8), -EINVAL);
	((long *)ts)[0] = 1;
	((long *)ts)[1] = 1000000;	/* tv_usec out of range */
	KUNIT_EXPECT_EQ(test, SC2(utimes, U(0), U(2 * PAGE_SIZE)), -EINVAL);
	((long *)ts)[1] = 5;
	((long *)ts)[2] = 777;
	((long *)ts)[3] = 0;
	KUNIT_EXPECT_EQ(test, SC2(utimes, U(0), U(2 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_atime, 1);
	KUNIT_EXPECT_EQ(test, st->st_mtime, 777);
	KUNIT_EXPECT_EQ(test, SC2(utime, U(0), NULL), 0);
	/* chown: -1 keeps; setuid and (group-executable) setgid go. */
	KUNIT_EXPECT_EQ(test, SC3(chown, U(0), 1000, -1), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, U(0), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_uid, 1000);
	KUNIT_EXPECT_EQ(test, st->st_gid, 0);
	KUNIT_EXPECT_EQ(test, st->st_mode, S_IFREG | 0755);
	KUNIT_EXPECT_EQ(test, SC3(fchown, fd, -1, 50), 0);
	KUNIT_EXPECT_EQ(test, SC2(fstat, fd, U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, st->st_uid, 1000);
	KUNIT_EXPECT_EQ(test, st->st_gid, 50);
	KUNIT_EXPECT_EQ(test, SC5(fchownat, AT_FDCWD, U(0), 0, 0, 0x2), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(lchown, ustr(64, TDIR "/none"), 0, 0), -ENOENT);
	/* statfs: tmpfs's magic; a bad buffer. */
	KUNIT_EXPECT_EQ(test, SC2(statfs, ustr(0, TDIR), U(3 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, sf[0], 0x01021994);
	KUNIT_EXPECT_EQ(test, sf[1], 4096);
	KUNIT_EXPECT_EQ(test, SC2(fstatfs, fd, U(3 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, sf[0], 0x01021994);
	KUNIT_EXPECT_EQ(test, SC2(fstatfs, fd, U_RO), -EFAULT);
	KUNIT_EXPECT_EQ(test, SC2(fstatfs, 333, U(3 * PAGE_SIZE)), -EBADF);
	/* fallocate, fadvise64, readahead, sync_file_range: checks, then nothing to do. */
	KUNIT_EXPECT_EQ(test, SC4(fallocate, fd, 0, 0, 8192), 0);
	KUNIT_EXPECT_EQ(test, SC3(lseek, fd, 0, SEEK_END), 8192);
	KUNIT_EXPECT_EQ(test, SC4(fallocate, fd, 0, 0, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(fallocate, 99, 0, 0, 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC4(fadvise64, fd, 0, 0, 4), 0);
	KUNIT_EXPECT_EQ(test, SC4(fadvise64, fd, 0, 0, 9), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(readahead, fd, 0, 4096), 0);
	KUNIT_EXPECT_EQ(test, SC4(sync_file_range, fd, 0, 0, 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC4(sync_file_range, fd, 0, 0, 2), 0);
	KUNIT_EXPECT_EQ(test, SC0(sync), 0);
	KUNIT_EXPECT_EQ(test, SC1(syncfs, fd), 0);
	KUNIT_ASSERT_EQ(test, SC1(pipe, U(2 * PAGE_SIZE + 512)), 0);
	KUNIT_EXPECT_EQ(test, SC4(fadvise64, fds[0], 0, 0, 0), -ESPIPE);
	KUNIT_EXPECT_EQ(test, SC4(sync_file_range, fds[0], 0, 0, 2), -ESPIPE);
	/* close_range: CLOEXEC marks, then closing; fd > max_fd and bad flags -EINVAL. */
	KUNIT_EXPECT_EQ(test, SC2(dup2, fd, 7), 7);
	KUNIT_EXPECT_EQ(test, SC3(close_range, 1, ~0U, 1 << 2), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 7, 1), 1);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 0, 1), 0);
	KUNIT_EXPECT_EQ(test, SC3(close_range, 1, ~0U, 0), 0);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 1, 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 7, 1), -EBADF);
	KUNIT_EXPECT_EQ(test, SC2(fcntl, 0, 1), 0);
	KUNIT_EXPECT_EQ(test, SC3(close_range, 5, 4, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC3(close_range, 0, 4, 1), -EINVAL);
	/* sethostname shows in uname; times counts ticks. */
	KUNIT_EXPECT_EQ(test, SC2(sethostname, ustr(0, "linnet-box"), 6), 0);
	KUNIT_EXPECT_EQ(test, SC1(uname, U(3 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_STREQ(test, uts + 65, "linnet");
	KUNIT_EXPECT_EQ(test, SC2(sethostname, ustr(0, "(none)"), 6), 0);
	KUNIT_EXPECT_EQ(test, SC2(sethostname, U(0), 65), -EINVAL);
	KUNIT_EXPECT_EQ(test, SC2(sethostname, U_UNMAPPED, 3), -EFAULT);
	KUNIT_EXPECT_GT(test, SC1(times, NULL), 0);
	KUNIT_EXPECT_GT(test, SC1(times, U(3 * PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC1(times, U_RO), -EFAULT);
	/* chroot: "/" is TDIR afterwards (for this case's own fs_struct). */
	KUNIT_EXPECT_EQ(test, SC1(chroot, ustr(0, TDIR)), 0);
	KUNIT_EXPECT_EQ(test, SC2(stat, ustr(0, "/u"), U(PAGE_SIZE)), 0);
	KUNIT_EXPECT_EQ(test, SC1(chroot, ustr(0, "/u")), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, SC1(close, 0), 0);
}

/* ---- garbage in: a seeded fuzzer over the calls above ------------------------------------ */

static u64 fuzz_state;

static u64 fuzz_next(void)
{
	fuzz_state ^= fuzz_state << 13;
	fuzz_state ^= fuzz_state >> 7;
	fuzz_state ^= fuzz_state << 17;
	return fuzz_state;
}

#define FUZZ_NAMES 16
#define FUZZ_NAME_LEN 16

/*
 * One argument: a name from the pool (relative, letters and '/', no '.':
 * nothing can climb out of TDIR, link targets included; fuzz_restore()
 * puts the pool back before each call), a buffer or an
 * iovec array in the window, a bad pointer, a small number, an fd, or
 * 64 random bits.
 */
static unsigned long fuzz_arg(void)
{
	u64 r = fuzz_next();

	switch (r % 12) {
	case 0:
	case 1:
	case 2:
		return A(U((r >> 8) % FUZZ_NAMES * FUZZ_NAME_LEN));
	case 3:
		return A(U(PAGE_SIZE + (r >> 8) % (2 * PAGE_SIZE)));
	case 4:
		return A(U(3 * PAGE_SIZE + ((r >> 8) % 32) * sizeof(struct iovec)));
	case 5:
		return (r >> 8) & 1 ? 0 : A(KPTR);
	case 6:
		return (r >> 8) & 1 ? A(U_RO) : A(U_UNMAPPED);
	case 7:
		return (r >> 8) % 8;
	case 8:
		return (r >> 8) % 12;	/* an fd, often an open one */
	case 9:
		return (unsigned long)(long)AT_FDCWD;
	case 10:
		return (r >> 8) % 5000;
	}
	return fuzz_next();
}

/* What the pool and the iovecs should be: calls write into the window, and a name
 * changed by read() or getrandom() could start with '/' or hold "..". */
static char fuzz_names[FUZZ_NAMES * FUZZ_NAME_LEN];
static struct iovec fuzz_iov[32];

static void fuzz_restore(void)
{
	memcpy(kalias(0), fuzz_names, sizeof(fuzz_names));
	memcpy(kalias(3 * PAGE_SIZE), fuzz_iov, sizeof(fuzz_iov));
	/* A buffer may be passed as a name too: no '/' or '.' in it, so it names no way out. */
	for (unsigned long off = PAGE_SIZE; off < 3 * PAGE_SIZE; off++) {
		char *c = kalias(off);

		if (*c == '/' || *c == '.')
			*c = 'x';
	}
}

static void fuzz_refill(void)
{
	static const char alphabet[] = "ab/";
	struct iovec *iov = fuzz_iov;

	for (int i = 0; i < FUZZ_NAMES; i++) {
		char *n = fuzz_names + i * FUZZ_NAME_LEN;
		int len = 1 + fuzz_next() % (FUZZ_NAME_LEN - 1);

		for (int j = 0; j < len; j++)
			n[j] = alphabet[fuzz_next() % 3];
		n[0] = 'a' + fuzz_next() % 2;	/* never absolute */
		n[len] = '\0';
	}
	for (int i = 0; i < 32; i++) {
		u64 r = fuzz_next();

		iov[i].iov_base = r & 1 ? U(PAGE_SIZE + (r >> 8) % (2 * PAGE_SIZE)) :
			(r & 2 ? U_UNMAPPED : KPTR);
		iov[i].iov_len = r & 4 ? (r >> 16) % 8192 : (size_t)(r >> 16);
	}
}

/*
 * The calls that cannot block here (no pipes, no device nodes, no sleeps, no reboot),
 * nor reach outside the case (no sethostname, setrlimit, chroot; no fallocate: a
 * random length would fill memory).
 */
static const unsigned short fuzz_nrs[] = {
	__NR_read, __NR_write, __NR_open, __NR_close, __NR_stat, __NR_fstat, __NR_lstat,
	__NR_lseek, __NR_ioctl, __NR_pread64, __NR_pwrite64, __NR_readv, __NR_writev,
	__NR_access, __NR_dup, __NR_dup2, __NR_fcntl, __NR_fsync, __NR_fdatasync,
	__NR_truncate, __NR_ftruncate, __NR_getdents, __NR_getcwd, __NR_chdir, __NR_fchdir,
	__NR_rename, __NR_mkdir, __NR_rmdir, __NR_creat, __NR_link, __NR_unlink,
	__NR_symlink, __NR_readlink, __NR_chmod, __NR_fchmod, __NR_umask,
	__NR_gettimeofday, __NR_getrlimit, __NR_getrusage, __NR_sysinfo, __NR_uname,
	__NR_getdents64, __NR_clock_gettime, __NR_clock_getres, __NR_openat, __NR_mkdirat,
	__NR_newfstatat, __NR_unlinkat, __NR_renameat, __NR_linkat, __NR_symlinkat,
	__NR_readlinkat, __NR_fchmodat, __NR_faccessat, __NR_preadv, __NR_pwritev,
	__NR_dup3, __NR_renameat2, __NR_getrandom, __NR_statx, __NR_faccessat2, __NR_time,
	__NR_utimensat, __NR_utimes, __NR_futimesat, __NR_chown, __NR_fchown, __NR_lchown,
	__NR_fchownat, __NR_statfs, __NR_fstatfs, __NR_close_range, __NR_fadvise64,
	__NR_readahead, __NR_sync_file_range, __NR_times,
};

SC_TEST(sc_fuzz)
{
	unsigned long calls = 0, errors = 0;

	fuzz_state = 0x5eed5eed1234ULL;
	KUNIT_ASSERT_EQ(test, SC1(chdir, ustr(0, TDIR)), 0);
	for (int round = 0; round < 4000; round++) {
		unsigned short nr = fuzz_nrs[fuzz_next() % ARRAY_SIZE(fuzz_nrs)];
		unsigned long a[6];
		long ret;

		if (round % 64 == 0)
			fuzz_refill();
		fuzz_restore();
		for (int i = 0; i < 6; i++)
			a[i] = fuzz_arg();
		/* Keep the walk inside TDIR: chdir/fchdir only to names from the pool. */
		if (nr == __NR_chdir && a[0] >= A(U(FUZZ_NAMES * FUZZ_NAME_LEN)))
			continue;
		ret = sc6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		calls++;
		if (ret < 0) {
			errors++;
			if (ret < -4095)
				kunit_fail(test, __FILE__, __LINE__, "nr %u returned %ld", nr, ret);
		}
	}
	for (int fd = 0; fd < 1024; fd++)
		SC1(close, fd);
	SC1(umask, 022);
	KUNIT_EXPECT_EQ(test, SC1(chdir, ustr(0, "/")), 0);
	KUNIT_EXPECT_GT(test, calls, 3000);
	KUNIT_EXPECT_GT(test, calls - errors, 100);	/* some calls did succeed */
	pr_info("sc_fuzz: %lu calls, %lu errors\n", calls, errors);
}

static struct kunit_case syscall_fs_cases[] = {
	KUNIT_CASE(sc_getname),
	KUNIT_CASE(sc_read_write),
	KUNIT_CASE(sc_readv_writev),
	KUNIT_CASE(sc_stat),
	KUNIT_CASE(sc_getdents),
	KUNIT_CASE(sc_names),
	KUNIT_CASE(sc_cwd),
	KUNIT_CASE(sc_dup_fcntl_ioctl),
	KUNIT_CASE(sc_attrs),
	KUNIT_CASE(sc_pipe),
	KUNIT_CASE(sc_pipe_atomic),
	KUNIT_CASE(sc_time),
	KUNIT_CASE(sc_sys),
	KUNIT_CASE(sc_more),
	KUNIT_CASE(sc_fuzz),
	{}
};

static struct kunit_suite syscall_fs_suite = {
	.name = "syscall.fs",
	.test_cases = syscall_fs_cases,
};
kunit_test_suite(syscall_fs_suite);
