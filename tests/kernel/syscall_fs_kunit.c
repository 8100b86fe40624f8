// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the file system calls (fs/read_write.c, open.c, stat.c,
 * readdir.c, namei.c's getname, namei_ops.c, d_path.c, file.c, fcntl.c,
 * ioctl.c, sync.c, utimes.c, statfs.c), suite syscall.fs: names from
 * user memory, read/write and their vector and positioned forms, the
 * stat layouts, getdents, the *at calls with dfds, the working directory,
 * dup/fcntl/ioctl, attributes, times and owners. How a case runs:
 * tests/kernel/syscall_test.h.
 */
#include "syscall_test.h"

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
	KUNIT_CASE(sc_more),
	{}
};

static struct kunit_suite syscall_fs_suite = {
	.name = "syscall.fs",
	.test_cases = syscall_fs_cases,
};
kunit_test_suite(syscall_fs_suite);
