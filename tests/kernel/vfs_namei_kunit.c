// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS core on the running kernel, through the calls a program's
 * system calls will make (fs/init.c's init_*(), filp_open, kernel_read,
 * iterate_dir, ...), each expected to behave as Linux's does. One file
 * per suite, tests/kernel/vfs_{namei,mount,ops,readdir,dcache}_kunit.c,
 * sharing vfs_test.h and vfs_test_util.c:
 *
 *  vfs.namei   path walk (fs/namei.c): absolute and cwd-relative paths,
 *              ".", "..", ".." at the root, repeated and trailing
 *              slashes, lookups through files, empty and over-long
 *              names and paths, symlinks (relative, absolute, in the
 *              middle of a path, dangling, only slashes, page-sized
 *              bodies, O_NOFOLLOW, the 40-link limit, loops), walks
 *              below a given root (vfs_path_lookup, file_open_root),
 *              d_path() and dentry_path_raw().
 *  vfs.mount   mounting a tmpfs on a directory (fs/namespace.c): the walk
 *              crosses it downwards and ".." climbs back out of its root;
 *              a busy mount cannot be unmounted, failed walks inside it
 *              leave no reference behind; only a directory can be
 *              mounted on; stacked mounts, a covered cwd, a mount carried
 *              along by renaming the directory above it.
 *  vfs.ops     the directory operations (mkdir, rmdir, unlink, link,
 *              symlink, mknod, rename and RENAME_EXCHANGE with their
 *              error cases, short and long names, trailing slashes),
 *              link counts, open flags (O_CREAT|O_EXCL, O_DIRECTORY,
 *              O_TRUNC, O_APPEND, O_NOFOLLOW), lseek, getattr, truncate,
 *              readlink, unlink of an open file, a deep tree.
 *  vfs.readdir iterate_dir (pieces, removals, seeking, types, a removed
 *              directory).
 *  vfs.model   a seeded run of operations checked against a model of
 *              Linux's rules.
 *  vfs.dcache  no leaks: thousands of files in nested directories created
 *              and removed; mkdir/rename/unlink/link/readdir from
 *              kthreads on every CPU in one tree, whose consistency is
 *              then checked (names unique, link counts, each ".." its
 *              parent); two CPUs renaming two directories into each
 *              other, which lock_rename must keep from making a loop;
 *              a tmpfs mounted and unmounted in rounds under walkers;
 *              a mount racing an rmdir of its directory (one must win).
 *              The stress runs stop after a time or a number of
 *              operations, whichever comes first (a misjudged TSC makes
 *              ktime_get_ns() slow), and a worker that never finishes
 *              fails the case instead of hanging the boot. They need two
 *              CPUs and skip on one.
 *
 * Every case runs in a scratch directory /vfst and ends with the number
 * of dentries, inodes, open files and free pages (after emptying the
 * slab caches and the per-CPU page lists) back where they were before it
 * started, error cases included. The cases share the kernel threads' one
 * fs_struct (init_fs); a case that changes the cwd puts "/" back.
 *
 * Linux has no single counterpart: its VFS is tested from user space
 * (LTP, xfstests' generic/ group); the expected values here are those
 * tests' and fs/namei.c's.
 */
#include "vfs_test.h"

/* ---- vfs.namei ------------------------------------------------------------------------ */

VFS_TEST(absolute_and_relative)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a/b", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/b/f", "hello", 5), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/b/f"), 0);
	/* relative to the cwd */
	KUNIT_EXPECT_EQ(test, stat_err("vfst/a/b/f"), 0);	/* cwd is "/" */
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/a"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("b/f"), 0);
	KUNIT_EXPECT_TRUE(test, file_is("b/f", "hello"));
	KUNIT_EXPECT_EQ(test, stat_err("f"), -ENOENT);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", TDIR "/a"));
	KUNIT_EXPECT_TRUE(test, same_place(test, "..", TDIR));
	/* a name made relative creates in the cwd */
	KUNIT_EXPECT_EQ(test, init_mkdir("c", 0755), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/c"), 0);
	KUNIT_EXPECT_EQ(test, init_chdir("b"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", TDIR "/a/b"));
	/* chdir to a file or to nothing fails and keeps the cwd */
	KUNIT_EXPECT_EQ(test, init_chdir("f"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_chdir("nothing"), -ENOENT);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", TDIR "/a/b"));
	/* the cwd still works after it was renamed */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/b", TDIR "/a/b2", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err("f"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, "..", TDIR "/a"));
	KUNIT_EXPECT_EQ(test, init_chdir("/"), 0);
}

VFS_TEST(dot_and_dotdot)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a/b", 0755), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/./b/.", TDIR "/a/b"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/b/..", TDIR "/a"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/b/../..", TDIR));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/b/../b/../../a", TDIR "/a"));
	/* ".." of the root is the root */
	KUNIT_EXPECT_TRUE(test, same_place(test, "/..", "/"));
	KUNIT_EXPECT_TRUE(test, same_place(test, "/../../..", "/"));
	KUNIT_EXPECT_TRUE(test, same_place(test, "/../vfst/../../vfst/a", TDIR "/a"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/../../../..", "/"));
	/* ".." of a name that does not exist is not looked at: the name fails first */
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/nothing/.."), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_chdir("/.."), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", "/"));
	KUNIT_EXPECT_TRUE(test, same_place(test, "..", "/"));
}

VFS_TEST(slashes)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/f", "x", 1), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, "//vfst///d////", TDIR "/d"));
	KUNIT_EXPECT_TRUE(test, same_place(test, "///", "/"));
	KUNIT_EXPECT_EQ(test, stat_err("//vfst//d//f"), 0);
	/* a trailing slash asks for a directory */
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d//"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f/."), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f/.."), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/nothing/"), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d/f/", O_RDONLY, 0)), -ENOTDIR);
	/* lookups through a regular file */
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f/x"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d/f/x", 0755), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, make_file(TDIR "/d/f/x", NULL, 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/f/x"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_chdir(TDIR "/d/f"), -ENOTDIR);
	/* mkdir may end in a slash; unlink of a file with one may not */
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d/e/", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d/e/"), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/f/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f"), 0);
}

VFS_TEST(empty_and_long_names)
{
	char *p = big_buf(test);
	size_t len;

	if (!p)
		return;
	/* as stat("") (getname: POSIX's ENOENT); the contract makes getname_kernel do the same */
	KUNIT_EXPECT_EQ(test, stat_err(""), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mkdir("", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("", O_RDONLY, 0)), -ENOENT);

	/* NAME_MAX (255) bytes in a component are fine, 256 are not */
	len = snprintf(p, PATH_MAX, TDIR "/");
	memset(p + len, 'n', NAME_MAX);
	p[len + NAME_MAX] = 0;
	KUNIT_EXPECT_EQ(test, init_mkdir(p, 0755), 0);
	KUNIT_EXPECT_EQ(test, stat_err(p), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(p), 0);
	KUNIT_EXPECT_EQ(test, make_file(p, "x", 1), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(p), 0);
	p[len + NAME_MAX] = 'n';
	p[len + NAME_MAX + 1] = 0;
	KUNIT_EXPECT_EQ(test, stat_err(p), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_mkdir(p, 0755), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, make_file(p, NULL, 0), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_symlink("x", p), -ENAMETOOLONG);
	/* a long component in the middle is looked at too */
	p[len + NAME_MAX + 1] = '/';
	p[len + NAME_MAX + 2] = 'x';
	p[len + NAME_MAX + 3] = 0;
	KUNIT_EXPECT_EQ(test, stat_err(p), -ENAMETOOLONG);

	/* PATH_MAX counts the NUL: 4095 bytes walk, 4096 do not */
	memset(p, '/', PATH_MAX - 2);
	p[PATH_MAX - 2] = '.';
	p[PATH_MAX - 1] = 0;
	KUNIT_EXPECT_EQ(test, strlen(p), PATH_MAX - 1);
	KUNIT_EXPECT_EQ(test, stat_err(p), 0);
	p[PATH_MAX - 1] = '.';
	p[PATH_MAX] = 0;
	KUNIT_EXPECT_EQ(test, stat_err(p), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_mkdir(p, 0755), -ENAMETOOLONG);
	memset(p, 'a', PATH_MAX + 1);
	p[PATH_MAX + 1] = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(p, O_RDONLY, 0)), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_chdir(p), -ENAMETOOLONG);
	kfree(p);
}

VFS_TEST(symlinks)
{
	char buf[64];
	struct kstat st;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/sub/f", "target", 6), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/l", 0755), 0);
	/* relative: resolved from the link's directory, not the cwd */
	KUNIT_ASSERT_EQ(test, init_symlink("../d/sub/f", TDIR "/l/rel"), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/l/rel", "target"));
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/d"), 0);
	KUNIT_EXPECT_TRUE(test, file_is("../l/rel", "target"));
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	/* absolute */
	KUNIT_ASSERT_EQ(test, init_symlink(TDIR "/d/sub/f", TDIR "/l/abs"), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/l/abs", "target"));
	/* to a directory, in the middle of a path, and then ".." from there */
	KUNIT_ASSERT_EQ(test, init_symlink("../d/sub", TDIR "/l/dir"), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/l/dir/f", "target"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/dir", TDIR "/d/sub"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/dir/..", TDIR "/d"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/dir/", TDIR "/d/sub"));
	/* chdir follows; a trailing slash makes even lstat follow */
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/l/dir"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", TDIR "/d/sub"));
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/l/dir/", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISDIR(st.mode));
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/l/dir", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(st.mode));
	/* a link to a link */
	KUNIT_ASSERT_EQ(test, init_symlink("abs", TDIR "/l/abs2"), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/l/abs2", "target"));
	/* stat follows, lstat does not */
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/l/abs", &st, 0), 0);
	KUNIT_EXPECT_TRUE(test, S_ISREG(st.mode));
	KUNIT_EXPECT_EQ(test, st.size, 6);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/l/abs", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KUNIT_EXPECT_EQ(test, st.size, strlen(TDIR "/d/sub/f"));
	/* readlink gives the body, unterminated, cut to the buffer */
	memset(buf, '#', sizeof(buf));
	KUNIT_EXPECT_EQ(test, init_readlink(TDIR "/l/rel", buf, sizeof(buf)), 10);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "../d/sub/f#", 11));
	KUNIT_EXPECT_EQ(test, init_readlink(TDIR "/l/rel", buf, 4), 4);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "../d", 4));
	KUNIT_EXPECT_EQ(test, init_readlink(TDIR "/d/sub/f", buf, sizeof(buf)), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_readlink(TDIR "/l/none", buf, sizeof(buf)), -ENOENT);
	/* a trailing slash follows a link to a directory, and fails on one to a file */
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/l/abs/"), -ENOTDIR);
	/* dangling */
	KUNIT_ASSERT_EQ(test, init_symlink("nothing/here", TDIR "/l/dangling"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/l/dangling"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/l/dangling"), 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/l/dangling", O_RDONLY, 0)), -ENOENT);
	/* O_NOFOLLOW on a symlink is ELOOP; on the components before it, no effect */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/l/abs", O_RDONLY | O_NOFOLLOW, 0)), -ELOOP);
	{
		struct file *f = filp_open(TDIR "/l/dir/f", O_RDONLY | O_NOFOLLOW, 0);

		KUNIT_EXPECT_FALSE(test, IS_ERR(f));
		if (!IS_ERR(f))
			fput(f);
	}
	/* a body of only slashes is the root; one ending in a slash names a directory */
	KUNIT_ASSERT_EQ(test, init_symlink("/", TDIR "/l/root"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("//", TDIR "/l/root2"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("../d/sub/", TDIR "/l/dirslash"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("../d/sub/f/", TDIR "/l/fileslash"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/root", "/"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/root2/vfst/l", TDIR "/l"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/l/dirslash", TDIR "/d/sub"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/l/fileslash"), -ENOTDIR);
	/* unlink removes the link, not its target */
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/l/abs"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/sub/f"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/l/abs2"), -ENOENT);
	/* rmdir does not follow: a link to a directory is not one */
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/l/dir"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/l/dir"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/sub"), 0);
}

VFS_TEST(symlink_limit)
{
	char name[32], target[32];
	struct file *f;
	int i;

	KUNIT_ASSERT_EQ(test, init_chdir(TDIR), 0);
	KUNIT_ASSERT_EQ(test, make_file("file", "end", 3), 0);
	/* l1 -> file, l2 -> l1, ... l41 -> l40: following lN takes N links */
	for (i = 1; i <= MAXSYMLINKS + 1; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		if (i == 1)
			snprintf(target, sizeof(target), "file");
		else
			snprintf(target, sizeof(target), "l%d", i - 1);
		KUNIT_ASSERT_EQ(test, init_symlink(target, name), 0);
	}
	KUNIT_EXPECT_TRUE(test, file_is("l1", "end"));
	KUNIT_EXPECT_TRUE(test, file_is("l40", "end"));
	KUNIT_EXPECT_EQ(test, stat_err("l40"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("l41"), -ELOOP);
	KUNIT_EXPECT_EQ(test, lstat_err("l41"), 0);
	f = filp_open("l41", O_RDONLY, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -ELOOP);
	if (!IS_ERR(f))
		fput(f);
	/* the limit counts every link of the walk, also those in the middle */
	KUNIT_ASSERT_EQ(test, init_mkdir("d", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("d", "m1"), 0);
	for (i = 2; i <= MAXSYMLINKS; i++) {
		snprintf(name, sizeof(name), "m%d", i);
		snprintf(target, sizeof(target), "m%d", i - 1);
		KUNIT_ASSERT_EQ(test, init_symlink(target, name), 0);
	}
	KUNIT_ASSERT_EQ(test, make_file("d/g", "g", 1), 0);
	KUNIT_EXPECT_EQ(test, stat_err("m40/g"), 0);		/* 40 links */
	KUNIT_ASSERT_EQ(test, init_symlink("g", "d/lg"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("m39/lg"), 0);		/* 39 + 1 */
	KUNIT_EXPECT_EQ(test, stat_err("m40/lg"), -ELOOP);	/* 40 + 1 */
	/* loops */
	KUNIT_ASSERT_EQ(test, init_symlink("b", "a"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("a", "b"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("a"), -ELOOP);
	KUNIT_EXPECT_EQ(test, stat_err("a/x"), -ELOOP);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("b", O_RDONLY, 0)), -ELOOP);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open("b", O_WRONLY | O_CREAT, 0644)), -ELOOP);
	KUNIT_ASSERT_EQ(test, init_symlink("self", "self"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("self"), -ELOOP);
	KUNIT_ASSERT_EQ(test, init_symlink("./dl/x", "dl"), 0);
	KUNIT_EXPECT_EQ(test, stat_err("dl"), -ELOOP);
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
}

/*
 * A walk given its own root (vfs_path_lookup, file_open_root: what
 * chroot and openat2(RESOLVE_IN_ROOT)-like callers use): ".." stops at
 * it, and an absolute symlink starts from it.
 */
VFS_TEST(lookup_below_a_root)
{
	struct path root, p;
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/jail", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/jail/etc", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/jail/etc/conf", "inside", 6), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/conf", "outside", 7), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("/etc/conf", TDIR "/jail/abs"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("../../conf", TDIR "/jail/etc/up"), 0);
	KUNIT_ASSERT_EQ(test, kern_path(TDIR "/jail", LOOKUP_DIRECTORY, &root), 0);
	KUNIT_EXPECT_EQ(test, vfs_path_lookup(root.dentry, root.mnt, "../../..", 0, &p), 0);
	if (!test->failed) {
		KUNIT_EXPECT_TRUE(test, path_equal(&p, &root));
		path_put(&p);
	}
	KUNIT_EXPECT_EQ(test, vfs_path_lookup(root.dentry, root.mnt, "/etc/../..", 0, &p), 0);
	if (!test->failed) {
		KUNIT_EXPECT_TRUE(test, path_equal(&p, &root));
		path_put(&p);
	}
	f = file_open_root(&root, "abs", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f)) {
		char buf[16];
		loff_t pos = 0;

		KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 6);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, "inside", 6));
		fput(f);
	}
	/* up past the root through a relative link: clamped too, so etc/conf is not found */
	KUNIT_EXPECT_EQ(test, PTR_ERR(file_open_root(&root, "etc/up", O_RDONLY, 0)), -ENOENT);
	/* the same names from the real root */
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/jail/etc/up", "outside"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/jail/abs"), -ENOENT);
	path_put(&root);
}

/* A symlink body too long to keep inline lives in a page (shmem's page symlink). */
VFS_TEST(long_symlink_bodies)
{
	char *body = big_buf(test), *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	size_t len = PATH_MAX - 1;

	if (!body || !buf)
		goto out;
	/* 4095 bytes: slashes, then the scratch directory */
	memset(body, '/', len);
	memcpy(body + len - strlen(TDIR "/d"), TDIR "/d", strlen(TDIR "/d"));
	body[len] = 0;
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/f", "far", 3), 0);
	KUNIT_ASSERT_EQ(test, init_symlink(body, TDIR "/long"), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/long"), len);
	KUNIT_EXPECT_EQ(test, init_readlink(TDIR "/long", buf, PATH_MAX), len);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, body, len));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/long", TDIR "/d"));
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/long/f", "far"));
	/* a body of PATH_MAX bytes or more is too long */
	memset(body, 'x', PATH_MAX);
	body[PATH_MAX] = 0;
	KUNIT_EXPECT_EQ(test, init_symlink(body, TDIR "/toolong"), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/toolong"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/long"), 0);
out:
	kfree(body);
	kfree(buf);
}

VFS_TEST(d_path_names)
{
	char *buf = kmalloc(256, GFP_KERNEL);
	struct path p;
	struct file *f;
	char *s;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/dir", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/dir/file", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, kern_path(TDIR "/./dir//file", 0, &p), 0);
	s = d_path(&p, buf, 256);
	KUNIT_EXPECT_FALSE(test, IS_ERR(s));
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/dir/file");
	s = dentry_path_raw(p.dentry, buf, 256);
	KUNIT_EXPECT_FALSE(test, IS_ERR(s));
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/dir/file");
	/* too small a buffer */
	KUNIT_EXPECT_EQ(test, PTR_ERR(d_path(&p, buf, 8)), -ENAMETOOLONG);
	path_put(&p);
	KUNIT_ASSERT_EQ(test, kern_path("/", 0, &p), 0);
	s = d_path(&p, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, "/");
	path_put(&p);
	/* a renamed file's path follows it; an unlinked one says so (Linux: " (deleted)") */
	f = filp_open(TDIR "/dir/file", O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/dir/file", TDIR "/moved", 0), 0);
	s = d_path(&f->f_path, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/moved");
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/moved"), 0);
	s = d_path(&f->f_path, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/moved (deleted)");
	fput(f);
	kfree(buf);
}

static struct kunit_case vfs_namei_cases[] = {
	KUNIT_CASE(absolute_and_relative),
	KUNIT_CASE(dot_and_dotdot),
	KUNIT_CASE(slashes),
	KUNIT_CASE(empty_and_long_names),
	KUNIT_CASE(symlinks),
	KUNIT_CASE(symlink_limit),
	KUNIT_CASE(d_path_names),
	KUNIT_CASE(lookup_below_a_root),
	KUNIT_CASE(long_symlink_bodies),
	{}
};

static struct kunit_suite vfs_namei_suite = {
	.name = "vfs.namei",
	.test_cases = vfs_namei_cases,
};
kunit_test_suite(vfs_namei_suite);
