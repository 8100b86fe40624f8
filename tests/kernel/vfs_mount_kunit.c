// SPDX-License-Identifier: GPL-2.0
/* vfs.mount: mounting a tmpfs on a directory (overview: vfs_namei_kunit.c). */
#include "vfs_test.h"

/* ---- vfs.mount ------------------------------------------------------------------------ */

VFS_TEST(mount_crossing)
{
	struct kstat below, top, root;
	char *buf = kmalloc(256, GFP_KERNEL);
	struct path p;
	char *s;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/mnt", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/mnt/hidden", "under", 5), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/mnt", &below, 0), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/mnt", "tmpfs", 0, NULL), 0);
	/* the walk now ends in the mounted root: another filesystem, empty */
	KUNIT_ASSERT_EQ(test, init_stat(TDIR "/mnt", &top, 0), 0);
	KUNIT_ASSERT_EQ(test, init_stat(TDIR, &root, 0), 0);
	KUNIT_EXPECT_NE(test, top.dev, below.dev);
	KUNIT_EXPECT_EQ(test, below.dev, root.dev);
	KUNIT_EXPECT_TRUE(test, S_ISDIR(top.mode));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/hidden"), -ENOENT);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/mnt/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/mnt/d/f", "above", 5), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/mnt/d/f", "above"));
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/mnt"), 3);
	/* ".." from the mounted root climbs to the mount point's parent */
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/mnt/..", TDIR));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/mnt/d/../..", TDIR));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/mnt/../mnt/d", TDIR "/mnt/d"));
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/mnt/d"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, "../..", TDIR));
	KUNIT_EXPECT_TRUE(test, file_is("../../mnt/d/f", "above"));
	/* a symlink into the mount, and one out of it */
	KUNIT_ASSERT_EQ(test, init_symlink("../..", "up"), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, "up", TDIR));
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	/* d_path names the full path, dentry_path_raw the path inside the filesystem */
	KUNIT_ASSERT_EQ(test, kern_path(TDIR "/mnt/d/f", 0, &p), 0);
	s = d_path(&p, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/mnt/d/f");
	s = dentry_path_raw(p.dentry, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, "/d/f");
	path_put(&p);
	/* hard links and renames do not cross mounts */
	KUNIT_EXPECT_EQ(test, init_link(TDIR "/mnt/d/f", TDIR "/f"), -EXDEV);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/mnt/d/f", TDIR "/f", 0), -EXDEV);
	/* the mount point cannot be removed, renamed or renamed over (Linux: EBUSY) */
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/mnt"), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/mnt", TDIR "/mnt2", 0), -EBUSY);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/empty", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/empty", TDIR "/mnt", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/empty"), 0);
	/*
	 * Failed walks inside the mount and across its root drop every
	 * reference they took on it: the umount below would be EBUSY.
	 */
	KUNIT_ASSERT_EQ(test, init_symlink("loop", TDIR "/mnt/loop"), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/none"), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/d/f/x"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/loop"), -ELOOP);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/d/../../none"), -ENOENT);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/d/../../mnt/d/none/x"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mkdir(TDIR "/mnt/d", 0755), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/mnt/d"), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/mnt/d"), -EISDIR);
	KUNIT_EXPECT_EQ(test, init_rename(TDIR "/mnt/d", TDIR "/mnt/d/sub", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/mnt/d", O_WRONLY, 0)), -EISDIR);
	KUNIT_EXPECT_EQ(test, PTR_ERR(filp_open(TDIR "/mnt/d/f", O_RDONLY | O_CREAT | O_EXCL, 0644)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, init_chdir(TDIR "/mnt/d/f"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/mnt/loop"), 0);
	/* unmount: the old contents come back, the mounted ones are gone */
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/mnt/hidden", "under"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/d"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), -EINVAL);	/* not a mount point */
	kfree(buf);
}

VFS_TEST(mount_busy_and_bad)
{
	struct file *f;

	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/mnt", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/file", "x", 1), 0);
	/* only a directory can be mounted on */
	KUNIT_EXPECT_EQ(test, init_mount("tmpfs", TDIR "/file", "tmpfs", 0, NULL), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, init_mount("tmpfs", TDIR "/none", "tmpfs", 0, NULL), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_mount("x", TDIR "/mnt", "nosuchfs", 0, NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/none", 0), -ENOENT);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/mnt", "tmpfs", 0, NULL), 0);
	/* an open file keeps it busy */
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/mnt/f", "y", 1), 0);
	f = filp_open(TDIR "/mnt/f", O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), -EBUSY);
	fput(f);
	/* so does a cwd inside it */
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/mnt"), 0);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), -EBUSY);
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	/* and a mount on top of it (stacked mounts: the top one goes first) */
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/mnt/inner", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/mnt/inner", "tmpfs", 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt/inner", 0), 0);
	/* only a mount's root can be unmounted */
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt/f", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt/inner", 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mnt", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/f"), -ENOENT);
	/* through a symlink: mount and umount follow it, UMOUNT_NOFOLLOW does not */
	KUNIT_ASSERT_EQ(test, init_symlink("mnt", TDIR "/lnk"), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/lnk", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/mnt/g", "z", 1), 0);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/lnk", UMOUNT_NOFOLLOW), -EINVAL);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/lnk/g", "z"));
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/lnk", 0), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mnt/g"), -ENOENT);
}

/*
 * Mounts stack (the top one is seen, and goes first), a cwd that gets
 * covered stays on the covered directory, and renaming the directory
 * above a mount point takes the mount along.
 */
VFS_TEST(mount_stacked_and_moved)
{
	char *buf = kmalloc(256, GFP_KERNEL);
	struct path p;
	char *s;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/a/m", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/m/base", "base", 4), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/a/m", "tmpfs", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/m/one", "one", 3), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/a/m", "tmpfs", 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/a/m/one"), -ENOENT);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/a/m/two", "two", 3), 0);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/a/m/..", TDIR "/a"));
	/* the directory above the mount point moves, the mounts with it */
	KUNIT_ASSERT_EQ(test, init_rename(TDIR "/a", TDIR "/b", 0), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/b/m/two", "two"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/b/m/..", TDIR "/b"));
	KUNIT_ASSERT_EQ(test, kern_path(TDIR "/b/m/two", 0, &p), 0);
	s = d_path(&p, buf, 256);
	if (!IS_ERR(s))
		KUNIT_EXPECT_STREQ(test, s, TDIR "/b/m/two");
	path_put(&p);
	/* the top one goes first */
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/b/m", 0), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/b/m/one", "one"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/b/m/two"), -ENOENT);
	/* a cwd covered by a new mount stays below it */
	KUNIT_ASSERT_EQ(test, init_chdir(TDIR "/b/m"), 0);
	KUNIT_ASSERT_EQ(test, init_mount("tmpfs", TDIR "/b/m", "tmpfs", 0, NULL), 0);
	KUNIT_EXPECT_TRUE(test, file_is("one", "one"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/b/m/one"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/b/m", 0), 0);	/* the cwd is not in it */
	/* but the cwd is in the one below */
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/b/m", 0), -EBUSY);
	KUNIT_ASSERT_EQ(test, init_chdir("/"), 0);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/b/m", 0), 0);
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/b/m/base", "base"));
	kfree(buf);
}

static struct kunit_case vfs_mount_cases[] = {
	KUNIT_CASE(mount_crossing),
	KUNIT_CASE(mount_busy_and_bad),
	KUNIT_CASE(mount_stacked_and_moved),
	{}
};

static struct kunit_suite vfs_mount_suite = {
	.name = "vfs.mount",
	.test_cases = vfs_mount_cases,
};
kunit_test_suite(vfs_mount_suite);
