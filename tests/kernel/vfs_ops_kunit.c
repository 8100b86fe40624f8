// SPDX-License-Identifier: GPL-2.0
/* vfs.ops: directory operations and open files (overview: vfs_namei_kunit.c). */
#include "vfs_test.h"

/* ---- vfs.ops: directory operations ---------------------------------------------------- */

VFS_TEST(create_existing)
{
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("f", TDIR "/s"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("nothing", TDIR "/dangling"), 0);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/f", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/s", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/dangling", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d/.", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d/..", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir("/", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/none/d", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_symlink("x", TDIR "/f"), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_symlink("x", TDIR "/d"), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/f", S_IFCHR | 0644, new_encode_dev(MKDEV(1, 3))),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/s", S_IFCHR | 0644, new_encode_dev(MKDEV(1, 3))),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/s"), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/d"), -EEXIST);
	/* O_CREAT|O_EXCL: an existing name fails, a symlink is not followed */
	f = filp_open(TDIR "/f", O_RDWR | O_CREAT | O_EXCL, 0644);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EEXIST);
	f = filp_open(TDIR "/d", O_RDWR | O_CREAT | O_EXCL, 0644);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EEXIST);
	f = filp_open(TDIR "/dangling", O_RDWR | O_CREAT | O_EXCL, 0644);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EEXIST);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/nothing"), -ENOENT);
	/* O_CREAT alone opens an existing file, and creates through a dangling link */
	f = filp_open(TDIR "/f", O_RDWR | O_CREAT, 0644);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
	f = filp_open(TDIR "/dangling", O_RDWR | O_CREAT, 0644);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/nothing"), 0);
	/* O_CREAT on a directory is EISDIR */
	f = filp_open(TDIR "/d", O_RDONLY | O_CREAT, 0644);
	KUNIT_EXPECT_EQ(test, PTR_ERR(f), -EISDIR);
	/* and the failed creations left the file alone */
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "x"));
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/f"), 1);
}

VFS_TEST(remove_errors)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/f", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/e", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d/f"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/sub"), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d"), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/e/."), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/e/.."), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_rmdir("/"), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/none"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/none"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/none/x"), -ENOENT);
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/e"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir("."), -EINVAL);
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	/* what failed is all still there */
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/sub"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d/f"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/e"), 0);
	/* and removing works once allowed */
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/f"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d/sub"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d"), -ENOENT);
	/* a removed cwd: lookups in it find nothing, nothing can be created in it */
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/e"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/e"), 0);
	KUNIT_EXPECT_EQ(test, init_mkdir("x", 0755), -ENOENT);
	KUNIT_EXPECT_EQ(test, make_file("y", NULL, 0), -ENOENT);
	/* but "." still opens (and reads as removed), ".." is still its old parent */
	{
		struct file *f = filp_open(".", O_RDONLY | O_DIRECTORY, 0);
		struct name_batch *b = kzalloc(sizeof(*b), GFP_KERNEL);
		char *buf = kmalloc(64, GFP_KERNEL);

		KUNIT_EXPECT_FALSE(test, IS_ERR(f));
		if (!IS_ERR(f) && b) {
			b->ctx.actor = batch_actor;
			b->max = 0;
			KUNIT_EXPECT_EQ(test, iterate_dir(f, &b->ctx), -ENOENT);
		}
		if (!IS_ERR(f) && buf) {
			char *p = d_path(&f->f_path, buf, 64);

			if (!IS_ERR(p))
				KUNIT_EXPECT_STREQ(test, p, TDIR "/e (deleted)");
		}
		if (!IS_ERR(f))
			fput(f);
		kfree(b);
		kfree(buf);
	}
	KUNIT_EXPECT_TRUE(test, same_place(test, "..", TDIR));
	KUNIT_EXPECT_EQ(test, init_chdir(".."), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, ".", TDIR));
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
}

VFS_TEST(rename_rules)
{
	struct kstat st;
	u64 ino_a;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a/b", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/full", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/full/x", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/empty", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "old", 3), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/g", "new", 3), 0);
	/* a directory into itself or below itself */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/a/b/c", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/a/c", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/a/b", 0), -EINVAL);
	/* onto its own ancestor */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/b", TDIR "/a", 0), -ENOTEMPTY);
	/* a directory over a non-empty directory, over a file; a file over a directory */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/full", 0), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/f", 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/empty", 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/none", TDIR "/x", 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/none/x", 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/g/x", 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/.", TDIR "/x", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/x", TDIR "/a/..", 0), -EBUSY);
	/* RENAME_NOREPLACE */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/g", RENAME_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/empty", RENAME_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/g", ~0u), -EINVAL);
	/* nothing moved so far */
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "old"));
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/g", "new"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/b"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/full/x"), 0);
	/* to itself, or between two links of one inode: nothing happens */
	ino_a = ino_of(TDIR "/a");
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/a", 0), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/./f", 0), 0);
	KUNIT_EXPECT_EQ(test, ino_of(TDIR "/a"), ino_a);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "old"));
	KUNIT_ASSERT_EQ(test, init_link(TDIR "/f", TDIR "/f2"), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/f2", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/f"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/f"), 2);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/f2"), 0);
	/* over an existing file: it is replaced, its inode freed */
	{
		long inodes = get_nr_inodes();

		KUNIT_EXPECT_EQ(test, init_rename(TDIR "/g", TDIR "/f", 0), 0);
		KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes - 1);
	}
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "new"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/g"), -ENOENT);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/f"), 1);
	/* a directory over an empty directory, and between directories */
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR), 2 + 3);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/empty", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a"), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/empty/b"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR), 2 + 2);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/empty/b", TDIR "/full/b", 0), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/empty"), 2);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/full"), 3);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/full/b/..", TDIR "/full"));
	/* a file into a directory, under a new name */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/full/b/renamed", 0), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/full/b/renamed", "new"));
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/full/b/renamed", &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 1);
	/* a symlink is renamed, not what it points at */
	KUNIT_ASSERT_EQ(test, init_symlink("full", TDIR "/sl"), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/sl", TDIR "/sl2", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/full"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/sl2/x"), 0);
}

VFS_TEST(link_counts)
{
	struct kstat st;

	KUNIT_ASSERT_EQ(test, init_stat(TDIR, &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d1", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d2", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d2/x", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "data", 4), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("f", TDIR "/s"), 0);
	/* a directory: 2 + its subdirectories; files and links do not count */
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR), 2 + 2);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d1"), 2);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d2"), 3);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/f"), 1);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/s"), 1);
	/* hard links */
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/d1/f2"), 0);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/d2/x/f3"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/f"), 3);
	KUNIT_EXPECT_EQ(test, ino_of(TDIR "/f"), ino_of(TDIR "/d1/f2"));
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/d2/x/f3", "data"));
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR), 2 + 2);
	/* link does not follow the source symlink: it links the symlink (Linux's linkat(0)) */
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/s", TDIR "/s2"), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/s2", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KUNIT_EXPECT_EQ(test, st.nlink, 2);
	/* to a directory: EPERM; from nothing: ENOENT */
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/d1", TDIR "/d3"), -EPERM);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/none", TDIR "/d3"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/none/f"), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/d3"), -ENOENT);
	/* removing names */
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/f"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d1/f2"), 2);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/d1/f2", "data"));
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d1"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d1/f2"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d2/x/f3"), 1);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d1"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR), 2 + 1);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d2/x/f3"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d2/x"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d2"), 2);
}

VFS_TEST(mknod_nodes)
{
	struct kstat st;

	/* init_mknod takes mknod(2)'s encoding of the number (new_encode_dev) */
	KUNIT_ASSERT_EQ(test, init_mknod(TDIR "/null", S_IFCHR | 0666,
					 new_encode_dev(MKDEV(1, 3))), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/null", &st, 0), 0);
	KUNIT_EXPECT_TRUE(test, S_ISCHR(st.mode));
	KUNIT_EXPECT_EQ(test, st.rdev, MKDEV(1, 3));
	KUNIT_EXPECT_EQ(test, st.size, 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 1);
	/* Linux's init_mknod makes device nodes, fifos and sockets only: EINVAL for the rest */
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/reg", S_IFREG | 0600, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/zero", 0600, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/dir", S_IFDIR | 0755, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/lnk", S_IFLNK | 0777, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/reg"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/dir"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/none/c", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 5))),
			-ENOENT);
	/* a node is a name like any other: link, rename, unlink */
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/null", TDIR "/null2"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/null"), 2);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/null2", TDIR "/null3", 0), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/null3"), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/null"), 0);
}

/*
 * Renames between short names (inside the dentry) and long ones
 * (kmalloc'ed), over a target and not: each name afterwards is the
 * right file, readdir lists the new names, no name is leaked.
 */
VFS_TEST(rename_long_names)
{
	static const char *const names[] = {
		"s1", "s2",
		"a-name-longer-than-the-forty-bytes-kept-inside-a-dentry-1",
		"a-name-longer-than-the-forty-bytes-kept-inside-a-dentry-2",
	};
	char *a = kmalloc(128, GFP_KERNEL), *b = kmalloc(128, GFP_KERNEL);
	struct name_batch *nb = kzalloc(sizeof(*nb), GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, a && b && nb);
	nb->names = kmalloc(NAMES_BATCH * sizeof(*nb->names), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, nb->names != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/e", 0755), 0);
	for (int from = 0; from < 4; from++) {
		for (int to = 0; to < 4; to++) {
			for (int over = 0; over < 2; over++) {
				bool cross = (from + to + over) & 1;
				int n;

				if (from == to && !cross)
					continue;
				snprintf(a, 128, TDIR "/d/%s", names[from]);
				snprintf(b, 128, TDIR "/%s/%s", cross ? "e" : "d", names[to]);
				KUNIT_ASSERT_EQ(test, make_file(a, names[from], strlen(names[from])),
						0);
				if (over)
					KUNIT_ASSERT_EQ(test, make_file(b, "victim", 6), 0);
				KUNIT_EXPECT_EQ(test, init_rename(a, b, 0), 0);
				KUNIT_EXPECT_EQ(test, lstat_err(a), -ENOENT);
				KUNIT_EXPECT_TRUE(test, file_is(b, names[from]));
				/* the directory lists the new name only */
				n = read_names(cross ? TDIR "/e" : TDIR "/d", nb);
				KUNIT_EXPECT_EQ(test, n, 1);
				if (n == 1)
					KUNIT_EXPECT_STREQ(test, nb->names[0], names[to]);
				KUNIT_EXPECT_EQ(test, read_names(TDIR "/d", nb), cross ? 0 : 1);
				KUNIT_EXPECT_EQ(test, init_unlink(b), 0);
				if (test->failed)
					goto out;
			}
		}
	}
out:
	kfree(nb->names);
	kfree(nb);
	kfree(a);
	kfree(b);
}

/* Trailing slashes where Linux allows them (a directory) and where not. */
VFS_TEST(trailing_slash_ops)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "x", 1), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("d", TDIR "/ld"), 0);
	/* rename: a directory may be named with one, a file not */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/d/", TDIR "/d2/", 0), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/d2", TDIR "/d/", 0), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f", TDIR "/g/", 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/f/", TDIR "/g", 0), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/none/", TDIR "/g", 0), -ENOENT);
	/* creating a non-directory with one: nothing of that name exists, ENOENT */
	KUNIT_EXPECT_EQ(test, init_symlink("x", TDIR "/s/"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/f", TDIR "/h/"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mknod(TDIR "/c/", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 3))),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, init_symlink("x", TDIR "/d/"), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/d/", 0755), -EEXIST);
	/* open(O_CREAT) of "name/" is EISDIR, whatever is there (Linux: open_last_lookups) */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/new/", O_RDWR | O_CREAT, 0644)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d/", O_RDONLY | O_CREAT, 0644)), -EISDIR);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/new"), -ENOENT);
	/* through a symlink to a directory: rmdir and unlink see the link, not a directory */
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/ld/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/ld/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/"), -EISDIR);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/ld"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/ld/"), 0);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/d"), 0);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/s"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/h"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/c"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/g"), -ENOENT);
}

/* RENAME_EXCHANGE: both names stay, their objects trade places. */
VFS_TEST(rename_exchange)
{
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/b", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a/sub", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/b/dir", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/f", "ffff", 4), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/g", "gg", 2), 0);
	/* two files in one directory */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/f", TDIR "/a/g", RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/a/f", "gg"));
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/a/g", "ffff"));
	/* a file and a directory across directories: the ".." link moves */
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/a"), 3);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/b"), 3);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/f", TDIR "/b/dir", RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/b/dir", "gg"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/f/"), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/a"), 4);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/b"), 2);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/f/..", TDIR "/a"));
	/* two directories across directories */
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/b/other", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/b/other/inside", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/sub", TDIR "/b/other", RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/sub/inside"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/b/other/inside"), -ENOENT);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/sub/inside/../..", TDIR "/a"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/b/other/..", TDIR "/b"));
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/a"), 4);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/b"), 3);
	/* errors: a missing side, NOREPLACE with it, a directory and its own subdirectory */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/g", TDIR "/a/none", RENAME_EXCHANGE), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/none", TDIR "/a/g", RENAME_EXCHANGE), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/g", TDIR "/a/f",
					  RENAME_EXCHANGE | RENAME_NOREPLACE), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a", TDIR "/a/sub", RENAME_EXCHANGE), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/sub", TDIR "/a", RENAME_EXCHANGE), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/f", TDIR "/a/g/", RENAME_EXCHANGE), -ENOTDIR);
	/* with itself: nothing */
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/a/g", TDIR "/a/g", RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/a/g", "ffff"));
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/b/dir", "gg"));
}

/* A deep tree: long paths walk, d_path needs the room, dput unwinds without recursion. */
#define DEEP 300

VFS_TEST(deep_paths)
{
	char *p = big_buf(test), *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path path;
	size_t len;
	char *s;

	if (!p || !buf)
		goto out;
	len = snprintf(p, PATH_MAX, TDIR);
	for (int i = 0; i < DEEP; i++) {
		len += snprintf(p + len, PATH_MAX - len, "/d");
		KUNIT_ASSERT_EQ(test, init_mkdir(p, 0755), 0);
	}
	len += snprintf(p + len, PATH_MAX - len, "/leaf");
	KUNIT_ASSERT_EQ(test, make_file(p, "deep", 4), 0);
	KUNIT_EXPECT_TRUE(test, file_is(p, "deep"));
	KUNIT_ASSERT_EQ(test, kern_path(p, 0, &path), 0);
	s = d_path(&path, buf, PATH_MAX);
	KUNIT_EXPECT_FALSE(test, IS_ERR(s));
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, p);
	KUNIT_EXPECT_EQ(test, PTR_ERR(d_path(&path, buf, 256)), -ENAMETOOLONG);
	path_put(&path);
	/* ".." all the way up from the deepest directory */
	p[len - 5] = 0;		/* without "/leaf" */
	KUNIT_ASSERT_EQ(test, init_chdir(p), 0);
	p[len - 5] = '/';
	KUNIT_EXPECT_TRUE(test, file_is("leaf", "deep"));
	len = 0;
	for (int i = 0; i < DEEP; i++)
		len += snprintf(buf + len, PATH_MAX - len, "../");
	snprintf(buf + len, PATH_MAX - len, "d/d/d");
	KUNIT_EXPECT_TRUE(test, same_place(test, buf, TDIR "/d/d/d"));
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	/* and removed from the bottom */
	KUNIT_EXPECT_EQ(test, init_unlink(p), 0);
	for (int i = 0; i < DEEP; i++) {
		char *slash = p + strlen(p) - 1;

		while (*slash != '/')
			slash--;
		*slash = 0;	/* parent of what was removed */
		KUNIT_ASSERT_EQ(test, init_rmdir(p), 0);
	}
	KUNIT_EXPECT_STREQ(test, p, TDIR "/d");
out:
	kfree(p);
	kfree(buf);
}

/* ---- vfs.ops: open files -------------------------------------------------------------- */

VFS_TEST(open_flags)
{
	char buf[16];
	struct file *f;
	loff_t pos;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "0123456789", 10), 0);
	/* O_DIRECTORY on a file; a directory for writing */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/f", O_RDONLY | O_DIRECTORY, 0)), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d", O_WRONLY, 0)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d", O_RDWR, 0)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/none", O_RDONLY, 0)), -ENOENT);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/none/f", O_RDWR | O_CREAT, 0644)), -ENOENT);
	/*
	 * read(2) of a directory is EISDIR (generic_read_dir); a NULL user
	 * buffer is fine, nothing is copied. A file opened read-only cannot
	 * be written, write-only cannot be read: vfs_read/vfs_write check
	 * f_mode first (EBADF), before the buffer. (kernel_read and
	 * kernel_write WARN on those in Linux, so they are not tried.)
	 */
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f)) {
		pos = 0;
		KUNIT_EXPECT_EQ(test, vfs_read(f, NULL, 16, &pos), -EISDIR);
		fput(f);
	}
	f = filp_open(TDIR "/f", O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	pos = 0;
	KUNIT_EXPECT_EQ(test, vfs_write(f, NULL, 1, &pos), -EBADF);
	KUNIT_EXPECT_EQ(test, f->f_mode & (FMODE_READ | FMODE_WRITE), FMODE_READ);
	filp_close(f, NULL);
	f = filp_open(TDIR "/f", O_WRONLY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	pos = 0;
	KUNIT_EXPECT_EQ(test, vfs_read(f, NULL, 1, &pos), -EBADF);
	KUNIT_EXPECT_EQ(test, f->f_mode & (FMODE_READ | FMODE_WRITE), FMODE_WRITE);
	/* writes at pos overwrite in place */
	pos = 2;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "ab", 2, &pos), 2);
	KUNIT_EXPECT_EQ(test, pos, 4);
	filp_close(f, NULL);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "01ab456789"));
	/* O_APPEND: every write goes to the end, whatever the position */
	f = filp_open(TDIR "/f", O_WRONLY | O_APPEND, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "XY", 2, &pos), 2);
	KUNIT_EXPECT_EQ(test, pos, 12);
	pos = 3;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "Z", 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, pos, 13);
	filp_close(f, NULL);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "01ab456789XYZ"));
	/* O_TRUNC empties it */
	f = filp_open(TDIR "/f", O_WRONLY | O_TRUNC, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 0);
	filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/f"), 0);
	pos = 0;
	KUNIT_EXPECT_EQ(test, read_file_at(TDIR "/f", buf, sizeof(buf)), 0);
	/* O_CREAT|O_EXCL makes a new one, with the mode asked for */
	f = filp_open(TDIR "/new", O_RDWR | O_CREAT | O_EXCL, 0600);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mode, S_IFREG | 0600);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "abc", 3, &pos), 3);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 3);
	KUNIT_EXPECT_EQ(test, pos, 3);
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), 0);	/* EOF */
	filp_close(f, NULL);
	/* O_TRUNC on a directory */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d", O_RDONLY | O_TRUNC, 0)), -EISDIR);
	/* O_TRUNC truncates a regular file even when opened read-only (Linux: do_open) */
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/t", "data", 4), 0);
	f = filp_open(TDIR "/t", O_RDONLY | O_TRUNC, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/t"), 0);
	/* O_DIRECTORY | O_CREAT is refused (Linux 6.4+: build_open_flags) */
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/nd", O_RDONLY | O_DIRECTORY | O_CREAT, 0755)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY | O_CREAT, 0755)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/nd"), -ENOENT);
}

VFS_TEST(lseek_and_getattr)
{
	struct kstat st, st2;
	struct file *f;
	struct path p;
	char buf[8];
	loff_t pos;

	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "0123456789", 10), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/g", NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	f = filp_open(TDIR "/f", O_RDWR, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), 10);
	KUNIT_EXPECT_EQ(test, f->f_pos, 10);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -3, SEEK_CUR), 7);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4, SEEK_SET), 4);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -20, SEEK_END), -EINVAL);
	KUNIT_EXPECT_EQ(test, f->f_pos, 4);
	pos = f->f_pos;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 3, &pos), 3);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "456", 3));
	/* past the end is allowed, and a write there leaves a hole of zeros */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 20, SEEK_SET), 20);
	pos = 20;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "!", 1, &pos), 1);
	KUNIT_EXPECT_EQ(test, i_size_read(file_inode(f)), 21);
	pos = 9;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 3, &pos), 3);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "9\0\0", 3));
	/* getattr through the open file's path */
	KUNIT_ASSERT_EQ(test, vfs_getattr(&f->f_path, &st, STATX_BASIC_STATS, 0), 0);
	KUNIT_EXPECT_EQ(test, st.mode, S_IFREG | 0644);
	KUNIT_EXPECT_EQ(test, st.size, 21);
	KUNIT_EXPECT_EQ(test, st.nlink, 1);
	KUNIT_EXPECT_EQ(test, st.ino, file_inode(f)->i_ino);
	KUNIT_EXPECT_TRUE(test, (st.result_mask & STATX_BASIC_STATS & ~STATX_BLOCKS) ==
				(STATX_BASIC_STATS & ~STATX_BLOCKS));
	fput(f);
	/* the same through a name */
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/f", &st2, 0), 0);
	KUNIT_EXPECT_EQ(test, st2.ino, st.ino);
	KUNIT_EXPECT_EQ(test, st2.size, 21);
	KUNIT_EXPECT_EQ(test, st2.dev, st.dev);
	/* distinct inode numbers, one device */
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/g", &st2, 0), 0);
	KUNIT_EXPECT_NE(test, st2.ino, st.ino);
	KUNIT_EXPECT_EQ(test, st2.dev, st.dev);
	KUNIT_EXPECT_EQ(test, st2.size, 0);
	KUNIT_ASSERT_EQ(test, kern_path(TDIR "/d", 0, &p), 0);
	KUNIT_ASSERT_EQ(test, vfs_getattr(&p, &st2, STATX_BASIC_STATS, 0), 0);
	path_put(&p);
	KUNIT_EXPECT_EQ(test, st2.mode, S_IFDIR | 0755);
	KUNIT_EXPECT_EQ(test, st2.nlink, 2);
	KUNIT_EXPECT_NE(test, st2.ino, st.ino);
	KUNIT_EXPECT_NE(test, st2.ino, ino_of(TDIR "/g"));
	KUNIT_EXPECT_NE(test, st2.ino, ino_of(TDIR));
	/* tmpfs counts 20 bytes per entry in a directory's size, 40 for "." and ".." */
	KUNIT_EXPECT_EQ(test, st2.size, 40);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/x", NULL, 0), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d/y", 0755), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/d"), 80);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/d/x", TDIR "/x", 0), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/d"), 60);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d/y"), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/d"), 40);
	/* the mode asked for, less the umask (init_fs's is Linux's 022) */
	KUNIT_EXPECT_EQ(test, current_fs()->umask, 0022);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/open", 0777), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/open", &st2, 0), 0);
	KUNIT_EXPECT_EQ(test, st2.mode, S_IFDIR | 0755);
	f = filp_open(TDIR "/rw", O_RDWR | O_CREAT, 0666);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_mode, S_IFREG | 0644);
	fput(f);
	/* a symlink is S_IFLNK | 0777, its size the length of its body */
	KUNIT_ASSERT_EQ(test, init_symlink("open/../rw", TDIR "/sl"), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/sl", &st2, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st2.mode, S_IFLNK | 0777);
	KUNIT_EXPECT_EQ(test, st2.size, 10);
	/* O_EXCL without O_CREAT means nothing for a regular file */
	f = filp_open(TDIR "/sl", O_RDONLY | O_EXCL, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
}

VFS_TEST(truncate_paths)
{
	char buf[16];

	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", "0123456789", 10), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/f", 4), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/f"), 4);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/f", "0123"));
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/f", 8), 0);
	KUNIT_EXPECT_EQ(test, read_file_at(TDIR "/f", buf, sizeof(buf)), 8);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "0123\0\0\0\0", 8));
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/f", -1), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/d", 0), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/none", 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/f"), 8);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/f", 0), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/f"), 0);
	/* truncate(2) follows symlinks, and only truncates regular files */
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/g", "0123", 4), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("g", TDIR "/lg"), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("d", TDIR "/ld"), 0);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/lg", 2), 0);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/g"), 2);
	KUNIT_EXPECT_EQ(test, size_of(TDIR "/lg"), 1);	/* the link itself: "g" */
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/ld", 0), -EISDIR);
	KUNIT_ASSERT_EQ(test, init_mknod(TDIR "/c", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 3))), 0);
	KUNIT_EXPECT_EQ(test, init_truncate(TDIR "/c", 0), -EINVAL);
}

VFS_TEST(unlink_while_open)
{
	static const char data[] = "still here after unlink";
	long inodes_before, dentries_open;
	char buf[64];
	struct file *f;
	loff_t pos;

	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", data, sizeof(data)), 0);
	inodes_before = get_nr_inodes();
	f = filp_open(TDIR "/f", O_RDWR, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/f"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/f"), -ENOENT);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 0);
	/* the name can be used again meanwhile, for another inode */
	KUNIT_EXPECT_EQ(test, make_file(TDIR "/f", "other", 5), 0);
	KUNIT_EXPECT_NE(test, ino_of(TDIR "/f"), file_inode(f)->i_ino);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/f"), 0);
	/* the open file still reads and writes */
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, sizeof(buf), &pos), sizeof(data));
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, data, sizeof(data)));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_write(f, "STILL", 5, &pos), 5);
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 5, &pos), 5);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "STILL", 5));
	/* the inode lives until the last reference goes */
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before);
	dentries_open = get_nr_dentry();
	fput(f);
	{
		/* fput may finish a moment later (Linux: delayed_fput for kthreads) */
		int tries = 0;

		while (get_nr_inodes() != inodes_before - 1 && tries++ < 50)
			msleep(10);
	}
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before - 1);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), dentries_open - 1);
}

static struct kunit_case vfs_ops_cases[] = {
	KUNIT_CASE(create_existing),
	KUNIT_CASE(remove_errors),
	KUNIT_CASE(rename_rules),
	KUNIT_CASE(rename_long_names),
	KUNIT_CASE(trailing_slash_ops),
	KUNIT_CASE(rename_exchange),
	KUNIT_CASE(deep_paths),
	KUNIT_CASE(link_counts),
	KUNIT_CASE(mknod_nodes),
	KUNIT_CASE(open_flags),
	KUNIT_CASE(lseek_and_getattr),
	KUNIT_CASE(truncate_paths),
	KUNIT_CASE(unlink_while_open),
	{}
};

static struct kunit_suite vfs_ops_suite = {
	.name = "vfs.ops",
	.test_cases = vfs_ops_cases,
};
kunit_test_suite(vfs_ops_suite);
