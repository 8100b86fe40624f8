// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS core on the running kernel, through the calls a program's
 * system calls will make (fs/init.c's init_*(), filp_open, kernel_read,
 * iterate_dir, ...), each expected to behave as Linux's does:
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
 *              readlink, unlink of an open file, a deep tree,
 *              iterate_dir (pieces, removals, seeking, types, a removed
 *              directory), and a seeded run of operations checked
 *              against a model of Linux's rules.
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
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/init_syscalls.h>
#include <linux/jiffies.h>
#include <linux/kdev_t.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>

#include "../../mm/slab.h"	/* slab_caches, to give empty slabs back before counting */

#define TDIR "/vfst"
#define NSEC_PER_MSEC 1000000ULL

/* ---- leak accounting --------------------------------------------------------------- */

struct vfs_counts {
	long dentries;
	long inodes;
	long files;
	unsigned long pages;
};

#define MAX_SHRINK_CACHES 128

/*
 * Give every slab cache's empty slabs, and every CPU's cached pages, back
 * to the buddy, so that the free page count says what is really in use.
 * kmem_cache_shrink() sleeps, so the caches are collected under
 * slab_mutex first (caches are not destroyed while the tests run; the
 * array is static, the tests running one at a time).
 */
static unsigned long settled_free_pages(void)
{
	static struct kmem_cache *caches[MAX_SHRINK_CACHES];
	struct kmem_cache *s;
	unsigned int n = 0;

	spin_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		if (n < MAX_SHRINK_CACHES)
			caches[n++] = s;
	}
	spin_unlock(&slab_mutex);
	for (unsigned int i = 0; i < n; i++)
		kmem_cache_shrink(caches[i]);
	drain_all_pages(NULL);
	return nr_free_pages();
}

static void take_counts(struct vfs_counts *c)
{
	c->dentries = get_nr_dentry();
	c->inodes = get_nr_inodes();
	c->files = get_nr_files();
	c->pages = settled_free_pages();
}

static bool counts_equal(const struct vfs_counts *a, const struct vfs_counts *b)
{
	return a->dentries == b->dentries && a->inodes == b->inodes && a->files == b->files &&
	       a->pages == b->pages;
}

/*
 * A baseline that is not moving: an earlier suite's thread may still be
 * on its way out (its stack is freed after its last switch), so take the
 * counts until two in a row, 5 ms apart, agree (at most 20 times).
 */
static void take_baseline(struct vfs_counts *c)
{
	struct vfs_counts again;

	take_counts(c);
	for (int tries = 0; tries < 20; tries++) {
		msleep(5);
		take_counts(&again);
		if (counts_equal(c, &again))
			return;
		*c = again;
	}
}

/*
 * The counts must come back to before's. A kernel thread's last fput or
 * a task's freeing may finish a moment after the call that caused it
 * (Linux defers both), so look again for up to half a second before
 * calling it a leak; a real leak never settles.
 */
static void check_counts(struct kunit *test, const struct vfs_counts *before, const char *where)
{
	struct vfs_counts now;

	for (int tries = 0; tries < 50; tries++) {
		take_counts(&now);
		if (counts_equal(&now, before))
			return;
		msleep(10);
	}
	kunit_fail(test, __FILE__, __LINE__,
		   "%s: leak: dentries %ld -> %ld, inodes %ld -> %ld, files %ld -> %ld, free pages %lu -> %lu",
		   where, before->dentries, now.dentries, before->inodes, now.inodes, before->files,
		   now.files, before->pages, now.pages);
}

/* ---- helpers ------------------------------------------------------------------------- */

static bool is_dot_or_dotdot(const char *name, int len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/* Up to this many names per pass of read_names(). */
#define NAMES_BATCH 64

struct name_batch {
	struct dir_context ctx;
	int n;
	int max;
	bool dots[2];			/* "." and ".." seen */
	char (*names)[NAME_MAX + 1];
	unsigned int types[NAMES_BATCH];
};

static bool batch_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			u64 ino, unsigned int d_type)
{
	struct name_batch *b = container_of(ctx, struct name_batch, ctx);

	if (is_dot_or_dotdot(name, namelen)) {
		b->dots[namelen - 1] = true;
		return true;
	}
	if (b->n >= b->max)
		return false;
	if (namelen > NAME_MAX)
		namelen = NAME_MAX;
	memcpy(b->names[b->n], name, namelen);
	b->names[b->n][namelen] = 0;
	b->types[b->n] = d_type;
	b->n++;
	return true;
}

/* The first (up to) NAMES_BATCH entries of dir, "." and ".." left out; < 0: error. */
static int read_names(const char *dir, struct name_batch *b)
{
	struct file *f;
	int err;

	b->ctx.actor = batch_actor;
	b->ctx.pos = 0;
	b->n = 0;
	b->max = NAMES_BATCH;
	b->dots[0] = b->dots[1] = false;
	f = filp_open(dir, O_RDONLY | O_DIRECTORY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	err = iterate_dir(f, &b->ctx);
	fput(f);
	return err < 0 ? err : b->n;
}

/*
 * Remove dir and everything under it, as rm -rf would; returns the
 * number of names it had to remove below dir, or < 0 if dir could not be
 * removed. Depth is limited by the kernel stack (one frame per level,
 * buffers from kmalloc).
 */
static int remove_tree(const char *dir, int depth)
{
	struct name_batch *b;
	char *path;
	int removed = 0, n, err;

	if (depth > 64)
		return -ELOOP;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (b)
		b->names = kmalloc(NAMES_BATCH * sizeof(*b->names), GFP_KERNEL);
	if (!b || !path || !b->names) {
		err = -ENOMEM;
		goto out;
	}
	init_umount(dir, 0);	/* a mount a failed case left behind (fails if none) */
	while ((n = read_names(dir, b)) > 0) {
		int before = removed;

		for (int i = 0; i < n; i++) {
			struct kstat st;

			snprintf(path, PATH_MAX, "%s/%s", dir, b->names[i]);
			if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
				continue;
			if (S_ISDIR(st.mode)) {
				int r = remove_tree(path, depth + 1);

				if (r < 0) {
					err = r;
					goto out;
				}
				removed += r;
			} else if (init_unlink(path)) {
				err = -EIO;
				goto out;
			}
			removed++;
		}
		if (removed == before) {	/* listed, but not there: do not loop */
			err = -EIO;
			goto out;
		}
	}
	if (n < 0 && n != -ENOENT) {
		err = n;
		goto out;
	}
	err = n == -ENOENT ? -ENOENT : init_rmdir(dir);
out:
	if (b)
		kfree(b->names);
	kfree(b);
	kfree(path);
	return err < 0 ? err : removed;
}

/* Back to "/" and no TDIR: a case that failed before its end left it behind. */
static void clean_start(void)
{
	struct kstat st;

	init_chdir("/");
	if (!init_stat(TDIR, &st, AT_SYMLINK_NOFOLLOW))
		remove_tree(TDIR, 0);
}

static bool vfs_begin(struct kunit *test, struct vfs_counts *c)
{
	int err;

	clean_start();
	take_baseline(c);
	err = init_mkdir(TDIR, 0755);
	if (err) {
		kunit_fail(test, __FILE__, __LINE__, "cannot create %s: %d", TDIR, err);
		return false;
	}
	return true;
}

static void vfs_end(struct kunit *test, const struct vfs_counts *c)
{
	int r;

	init_chdir("/");
	r = remove_tree(TDIR, 0);
	if (r < 0)
		kunit_fail(test, __FILE__, __LINE__, "cannot remove %s: %d", TDIR, r);
	check_counts(test, c, test->name);
}

/*
 * A case: its body runs between vfs_begin() (scratch dir, counts) and
 * vfs_end() (remove what is left, counts back where they were).
 */
#define VFS_TEST(name)                                       \
	static void name##_body(struct kunit *test);         \
	static void name(struct kunit *test)                 \
	{                                                    \
		struct vfs_counts __c;                       \
		if (vfs_begin(test, &__c)) {                 \
			name##_body(test);                   \
			vfs_end(test, &__c);                 \
		}                                            \
	}                                                    \
	static void name##_body(struct kunit *test)

/* Create a regular file with these contents (len may be 0); 0 or -errno. */
static int make_file(const char *path, const char *data, size_t len)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	loff_t pos = 0;
	ssize_t n = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	if (len)
		n = kernel_write(f, data, len, &pos);
	filp_close(f, NULL);
	if (n < 0)
		return n;
	return n == (ssize_t)len ? 0 : -EIO;
}

/* Read up to len bytes of path from offset 0; bytes read or -errno. */
static ssize_t read_file_at(const char *path, char *buf, size_t len)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, len, &pos);
	fput(f);
	return n;
}

/* The file's contents are exactly s. */
static bool file_is(const char *path, const char *s)
{
	char buf[64];
	size_t len = strlen(s);
	ssize_t n = read_file_at(path, buf, sizeof(buf));

	return n == (ssize_t)len && !memcmp(buf, s, len);
}

static int stat_err(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, 0);
}

static int lstat_err(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, AT_SYMLINK_NOFOLLOW);
}

static u64 ino_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return 0;
	return st.ino;
}

static unsigned int nlink_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return 0;
	return st.nlink;
}

static loff_t size_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return -1;
	return st.size;
}

/* kern_path(a) and kern_path(b) name the same (mount, dentry). */
static bool same_place(struct kunit *test, const char *a, const char *b)
{
	struct path pa, pb;
	bool same;
	int err;

	err = kern_path(a, LOOKUP_FOLLOW, &pa);
	if (err) {
		kunit_fail(test, __FILE__, __LINE__, "kern_path(\"%s\") = %d", a, err);
		return false;
	}
	err = kern_path(b, LOOKUP_FOLLOW, &pb);
	if (err) {
		kunit_fail(test, __FILE__, __LINE__, "kern_path(\"%s\") = %d", b, err);
		path_put(&pa);
		return false;
	}
	same = path_equal(&pa, &pb);
	path_put(&pa);
	path_put(&pb);
	return same;
}

/* A small seeded generator (xorshift32), so every run makes the same choices. */
static u32 xorshift(u32 *s)
{
	u32 x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

/* A buffer of PATH_MAX + 2 bytes, for the long names and paths. */
static char *big_buf(struct kunit *test)
{
	char *p = kmalloc(PATH_MAX + 2, GFP_KERNEL);

	if (!p)
		kunit_fail(test, __FILE__, __LINE__, "out of memory");
	return p;
}

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

/* ---- vfs.ops: iterate_dir ------------------------------------------------------------- */

#define MANY 300

struct seen_ctx {
	struct dir_context ctx;
	int limit;			/* stop after this many entries in one call */
	int emitted;			/* in this call */
	int dots[2];
	int others;			/* names that are not ours */
	int bad_type;
	unsigned char seen[MANY];	/* times each "eN" was returned */
};

static bool seen_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		       u64 ino, unsigned int d_type)
{
	struct seen_ctx *s = container_of(ctx, struct seen_ctx, ctx);
	int n = 0;

	if (s->emitted >= s->limit)
		return false;
	s->emitted++;
	if (is_dot_or_dotdot(name, namelen)) {
		s->dots[namelen - 1]++;
		if (d_type != DT_DIR)
			s->bad_type++;
		return true;
	}
	if (namelen < 2 || name[0] != 'e') {
		s->others++;
		return true;
	}
	for (int i = 1; i < namelen; i++) {
		if (name[i] < '0' || name[i] > '9' || n >= MANY) {
			s->others++;
			return true;
		}
		n = n * 10 + name[i] - '0';
	}
	if (n >= MANY) {
		s->others++;
		return true;
	}
	if (d_type != ((n % 3 == 0) ? DT_DIR : DT_REG))
		s->bad_type++;
	if (s->seen[n] < 255)
		s->seen[n]++;
	return true;
}

/* Make eN for N < count in dir: every third a directory, the rest files. */
static int make_entries(const char *dir, int count)
{
	char path[64];
	int err;

	for (int i = 0; i < count; i++) {
		snprintf(path, sizeof(path), "%s/e%d", dir, i);
		err = (i % 3 == 0) ? init_mkdir(path, 0755) : make_file(path, NULL, 0);
		if (err)
			return err;
	}
	return 0;
}

VFS_TEST(readdir_small)
{
	struct seen_ctx *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct file *f;
	int err;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	/* empty: "." and ".." only */
	s->ctx.actor = seen_actor;
	s->limit = 1000;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), 0);
	KUNIT_EXPECT_EQ(test, s->dots[0], 1);
	KUNIT_EXPECT_EQ(test, s->dots[1], 1);
	KUNIT_EXPECT_EQ(test, s->emitted, 2);
	/* at the end, a second call gives nothing */
	s->emitted = 0;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), 0);
	KUNIT_EXPECT_EQ(test, s->emitted, 0);
	fput(f);
	/* a few entries, each once, with its type */
	err = make_entries(TDIR "/d", 7);
	KUNIT_ASSERT_EQ(test, err, 0);
	memset(s, 0, sizeof(*s));
	s->ctx.actor = seen_actor;
	s->limit = 1000;
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), 0);
	KUNIT_EXPECT_EQ(test, s->dots[0] + s->dots[1], 2);
	KUNIT_EXPECT_EQ(test, s->others, 0);
	KUNIT_EXPECT_EQ(test, s->bad_type, 0);
	for (int i = 0; i < 7; i++)
		KUNIT_EXPECT_EQ(test, s->seen[i], 1);
	/* rewinding (lseek to 0) starts over */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_SET), 0);
	memset(s->seen, 0, sizeof(s->seen));
	s->dots[0] = s->dots[1] = 0;
	s->emitted = 0;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), 0);
	KUNIT_EXPECT_EQ(test, s->emitted, 9);
	for (int i = 0; i < 7; i++)
		KUNIT_EXPECT_EQ(test, s->seen[i], 1);
	fput(f);
	/*
	 * Only positive hashed entries are listed (Linux: simple_positive in
	 * scan_positives): not a negative dentry someone holds (a lookup of
	 * a name that is not there), nor an unlinked file still open.
	 */
	{
		struct dentry *ghost = NULL;
		struct file *gone;
		struct path dir;

		KUNIT_ASSERT_EQ(test, kern_path(TDIR "/d", 0, &dir), 0);
		inode_lock(dir.dentry->d_inode);
		ghost = lookup_one_len("ghost", dir.dentry, 5);
		inode_unlock(dir.dentry->d_inode);
		KUNIT_EXPECT_FALSE(test, IS_ERR(ghost));
		if (!IS_ERR(ghost))
			KUNIT_EXPECT_TRUE(test, d_really_is_negative(ghost));
		KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/gone", "x", 1), 0);
		gone = filp_open(TDIR "/d/gone", O_RDONLY, 0);
		KUNIT_EXPECT_FALSE(test, IS_ERR(gone));
		KUNIT_EXPECT_EQ(test, init_unlink(TDIR "/d/gone"), 0);
		memset(s, 0, sizeof(*s));
		s->ctx.actor = seen_actor;
		s->limit = 1000;
		f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
		KUNIT_EXPECT_FALSE(test, IS_ERR(f));
		if (!IS_ERR(f)) {
			KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), 0);
			KUNIT_EXPECT_EQ(test, s->others, 0);
			KUNIT_EXPECT_EQ(test, s->emitted, 9);
			fput(f);
		}
		if (!IS_ERR(gone))
			fput(gone);
		if (!IS_ERR(ghost))
			dput(ghost);
		path_put(&dir);
	}
	/* a regular file cannot be iterated */
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/f", NULL, 0), 0);
	f = filp_open(TDIR "/f", O_RDONLY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &s->ctx), -ENOTDIR);
	fput(f);
	kfree(s);
}

VFS_TEST(readdir_many_in_pieces)
{
	struct seen_ctx *s = kzalloc(sizeof(*s), GFP_KERNEL);
	char path[64];
	struct file *f;
	int calls = 0, total = 0;

	KUNIT_ASSERT_TRUE(test, s != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_entries(TDIR "/d", MANY), 0);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/d"), 2 + (MANY + 2) / 3);
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	s->ctx.actor = seen_actor;
	/*
	 * 17 entries per call. Between calls, remove an entry already
	 * returned and one not yet returned (the highest still there, which
	 * the walk has not reached if it goes in creation order — else it
	 * may have; see below), and add nothing.
	 */
	s->limit = 17;
	do {
		s->emitted = 0;
		KUNIT_ASSERT_EQ(test, iterate_dir(f, &s->ctx), 0);
		total += s->emitted;
		if (s->emitted && calls % 2 == 0) {
			/* remove one seen entry: it must not come back */
			for (int i = 0; i < MANY; i++) {
				if (s->seen[i] == 1 && i % 3) {
					snprintf(path, sizeof(path), TDIR "/d/e%d", i);
					KUNIT_EXPECT_EQ(test, init_unlink(path), 0);
					s->seen[i] = 100;	/* removed after it was seen */
					break;
				}
			}
		}
		calls++;
	} while (s->emitted && calls < 1000);
	KUNIT_EXPECT_LT(test, calls, 1000);
	KUNIT_EXPECT_EQ(test, s->dots[0], 1);
	KUNIT_EXPECT_EQ(test, s->dots[1], 1);
	KUNIT_EXPECT_EQ(test, s->others, 0);
	KUNIT_EXPECT_EQ(test, s->bad_type, 0);
	for (int i = 0; i < MANY; i++) {
		/* each exactly once; a removed one (100) was never seen again (101) */
		if (s->seen[i] != 1 && s->seen[i] != 100) {
			kunit_fail(test, __FILE__, __LINE__, "e%d returned %d times", i,
				   s->seen[i] > 100 ? s->seen[i] - 99 : s->seen[i]);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, total, MANY + 2);
	fput(f);

	/* now remove entries the walk has not reached yet: they are not returned */
	memset(s, 0, sizeof(*s));
	s->ctx.actor = seen_actor;
	s->limit = 2 + 10;
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !(IS_ERR(f)));
	KUNIT_ASSERT_EQ(test, iterate_dir(f, &s->ctx), 0);
	for (int i = 0; i < MANY; i++) {
		/* every file entry not yet returned and still there */
		snprintf(path, sizeof(path), TDIR "/d/e%d", i);
		if (!s->seen[i] && i % 3 && !lstat_err(path)) {
			KUNIT_EXPECT_EQ(test, init_unlink(path), 0);
			s->seen[i] = 200;	/* removed before it was reached */
		}
	}
	s->limit = 1000;
	s->emitted = 0;
	KUNIT_ASSERT_EQ(test, iterate_dir(f, &s->ctx), 0);
	for (int i = 0; i < MANY; i++) {
		snprintf(path, sizeof(path), TDIR "/d/e%d", i);
		if (s->seen[i] == 200)
			continue;
		if (s->seen[i] > 200) {
			kunit_fail(test, __FILE__, __LINE__, "e%d returned after its removal", i);
			break;
		}
		if (!lstat_err(path) && s->seen[i] != 1) {
			kunit_fail(test, __FILE__, __LINE__, "e%d returned %d times", i,
				   s->seen[i]);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, s->dots[0] + s->dots[1], 2);
	fput(f);
	kfree(s);
}

/* Entries with the offset the walk gave each, in order. */
struct pos_ctx {
	struct dir_context ctx;
	int n, limit;
	loff_t off[16];
	char name[16][8];
};

static bool pos_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct pos_ctx *pc = container_of(ctx, struct pos_ctx, ctx);

	if (pc->n >= pc->limit || pc->n >= 16)
		return false;
	pc->off[pc->n] = offset;
	snprintf(pc->name[pc->n], sizeof(pc->name[0]), "%.*s", namelen, name);
	pc->n++;
	return true;
}

/*
 * A position iterate_dir handed out can be sought back to
 * (dcache_dir_lseek), SEEK_END and negative positions are refused, and a
 * directory removed while open reads as gone (Linux: iterate_dir's
 * IS_DEADDIR check, -ENOENT).
 */
VFS_TEST(readdir_seek_and_removed)
{
	struct pos_ctx *all = kzalloc(sizeof(*all), GFP_KERNEL);
	struct pos_ctx *one = kzalloc(sizeof(*one), GFP_KERNEL);
	struct file *f;

	KUNIT_ASSERT_TRUE(test, all && one);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_entries(TDIR "/d", 6), 0);
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	all->ctx.actor = pos_actor;
	all->limit = 16;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &all->ctx), 0);
	KUNIT_EXPECT_EQ(test, all->n, 8);
	for (int k = all->n - 1; k >= 0; k--) {
		KUNIT_EXPECT_EQ(test, vfs_llseek(f, all->off[k], SEEK_SET), all->off[k]);
		memset(one, 0, sizeof(*one));
		one->ctx.actor = pos_actor;
		one->limit = 1;
		KUNIT_EXPECT_EQ(test, iterate_dir(f, &one->ctx), 0);
		KUNIT_EXPECT_EQ(test, one->n, 1);
		if (one->n == 1)
			KUNIT_EXPECT_STREQ(test, one->name[0], all->name[k]);
		if (test->failed)
			break;
	}
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_END), -EINVAL);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	fput(f);
	/* empty it, keep it open, remove it */
	for (int i = 0; i < 6; i++) {
		char path[32];

		snprintf(path, sizeof(path), TDIR "/d/e%d", i);
		KUNIT_EXPECT_EQ(test, (i % 3 == 0) ? init_rmdir(path) : init_unlink(path), 0);
	}
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_EQ(test, init_rmdir(TDIR "/d"), 0);
	memset(one, 0, sizeof(*one));
	one->ctx.actor = pos_actor;
	one->limit = 16;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &one->ctx), -ENOENT);
	KUNIT_EXPECT_EQ(test, one->n, 0);
	fput(f);
	kfree(all);
	kfree(one);
}

/* Each entry's type and inode number as stat sees them; "." and ".." are the directories. */
struct type_ctx {
	struct dir_context ctx;
	int n;
	char name[8][8];
	u64 ino[8];
	unsigned int type[8];
};

static bool type_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
		       u64 ino, unsigned int d_type)
{
	struct type_ctx *tc = container_of(ctx, struct type_ctx, ctx);

	if (tc->n >= 8)
		return false;
	snprintf(tc->name[tc->n], sizeof(tc->name[0]), "%.*s", namelen, name);
	tc->ino[tc->n] = ino;
	tc->type[tc->n] = d_type;
	tc->n++;
	return true;
}

VFS_TEST(readdir_types)
{
	static const struct {
		const char *name;
		unsigned int type;
		const char *path;	/* what stat should agree with */
	} want[] = {
		{ ".", DT_DIR, TDIR "/d" }, { "..", DT_DIR, TDIR },
		{ "reg", DT_REG, TDIR "/d/reg" }, { "hard", DT_REG, TDIR "/d/reg" },
		{ "dir", DT_DIR, TDIR "/d/dir" }, { "lnk", DT_LNK, TDIR "/d/lnk" },
		{ "chr", DT_CHR, TDIR "/d/chr" },
	};
	struct type_ctx *tc = kzalloc(sizeof(*tc), GFP_KERNEL);
	struct file *f;

	KUNIT_ASSERT_TRUE(test, tc != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/d/reg", "r", 1), 0);
	KUNIT_ASSERT_EQ(test, init_link(TDIR "/d/reg", TDIR "/d/hard"), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/d/dir", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_symlink("reg", TDIR "/d/lnk"), 0);
	KUNIT_ASSERT_EQ(test, init_mknod(TDIR "/d/chr", S_IFCHR | 0600, new_encode_dev(MKDEV(1, 3))),
			0);
	f = filp_open(TDIR "/d", O_RDONLY | O_DIRECTORY, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	tc->ctx.actor = type_actor;
	KUNIT_EXPECT_EQ(test, iterate_dir(f, &tc->ctx), 0);
	fput(f);
	KUNIT_EXPECT_EQ(test, tc->n, ARRAY_SIZE(want));
	for (size_t w = 0; w < ARRAY_SIZE(want); w++) {
		int i;

		for (i = 0; i < tc->n && strcmp(tc->name[i], want[w].name); i++)
			;
		if (i == tc->n) {
			kunit_fail(test, __FILE__, __LINE__, "\"%s\" not listed", want[w].name);
			continue;
		}
		KUNIT_EXPECT_EQ(test, tc->type[i], want[w].type);
		KUNIT_EXPECT_EQ(test, tc->ino[i], ino_of(want[w].path));
	}
	kfree(tc);
}

/* ---- vfs.ops: a seeded sequence against a model ---------------------------------------- */

/*
 * A long seeded sequence of mkdir, rmdir, create, unlink, link and
 * rename on the names a, b, c up to three levels below /vfst/m, each
 * result (success or failure) compared with what a model of Linux's
 * rules predicts, and the whole tree (names, types, link counts, which
 * names share an inode) compared with the model every few operations.
 * MODEL_SEED replays a run.
 */
#define MODEL_SEED 0x5eed1e55u
#define MODEL_OPS 2000
#define M_NODES 256	/* renames can carry a subtree below the three levels */
#define M_DEPTH 3
#define M_PATH 48	/* components a moved subtree can reach */

struct mnode {
	bool used, dir;
	int parent;
	char name;	/* 'a'..'c' */
	int ino;	/* files: shared by hard links */
};

struct model {
	struct mnode n[M_NODES];	/* n[0]: the root, /vfst/m */
	int next_ino;
	int fnode[M_NODES];		/* m_compare: the file names seen, */
	u64 fkino[M_NODES];		/* and their kernel inode numbers */
};

static int m_child(struct model *m, int dir, char name)
{
	for (int i = 1; i < M_NODES; i++)
		if (m->n[i].used && m->n[i].parent == dir && m->n[i].name == name)
			return i;
	return -1;
}

static int m_children(struct model *m, int dir, bool dirs_only)
{
	int c = 0;

	for (int i = 1; i < M_NODES; i++)
		if (m->n[i].used && m->n[i].parent == dir && (!dirs_only || m->n[i].dir))
			c++;
	return c;
}

/* Is a the same as d or above it? */
static bool m_is_ancestor(struct model *m, int a, int d)
{
	for (; d > 0; d = m->n[d].parent)
		if (d == a)
			return true;
	return a == 0;
}

/* The node a path names, or -1; *parent: the directory it would be in, or -1. */
static int m_lookup(struct model *m, const char *comp, int depth, int *parent)
{
	int cur = 0;

	*parent = -1;
	for (int i = 0; i < depth; i++) {
		if (!m->n[cur].dir)
			return -1;
		if (i == depth - 1)
			*parent = cur;
		cur = m_child(m, cur, comp[i]);
		if (cur < 0)
			return -1;
	}
	return cur;
}

static bool m_full;	/* the model ran out of nodes: the run says so and stops */

static int m_add(struct model *m, int parent, char name, bool dir, int ino)
{
	for (int i = 1; i < M_NODES; i++) {
		if (!m->n[i].used) {
			m->n[i] = (struct mnode){ .used = true, .dir = dir, .parent = parent,
						  .name = name, .ino = ino };
			return i;
		}
	}
	m_full = true;
	return 1;	/* predict success; the caller stops before comparing */
}

static int m_links(struct model *m, int ino)
{
	int c = 0;

	for (int i = 1; i < M_NODES; i++)
		if (m->n[i].used && !m->n[i].dir && m->n[i].ino == ino)
			c++;
	return c;
}

static void m_path(struct model *m, int node, char *buf, size_t size)
{
	char rev[M_NODES];
	int n = 0;
	size_t len;

	for (; node > 0 && n < M_NODES; node = m->n[node].parent)
		rev[n++] = m->n[node].name;
	len = snprintf(buf, size, TDIR "/m");
	while (n-- > 0 && len + 2 < size) {
		buf[len++] = '/';
		buf[len++] = rev[n];
	}
	buf[len] = 0;
}

/*
 * The components of a used node's path (a directory's if dirs), picked
 * from r; returns their number (0: the root).
 */
static int m_pick(struct model *m, u32 r, bool dirs, char *comp)
{
	int depth = 0, node = 0, count = 0;
	char rev[M_PATH];

	for (int i = 1; i < M_NODES; i++)
		count += m->n[i].used && (!dirs || m->n[i].dir);
	if (count) {
		int want = r % count;

		for (int i = 1; i < M_NODES; i++) {
			if (m->n[i].used && (!dirs || m->n[i].dir) && want-- == 0) {
				node = i;
				break;
			}
		}
	}
	for (; node > 0 && depth < M_PATH; node = m->n[node].parent)
		rev[depth++] = m->n[node].name;
	for (int k = 0; k < depth; k++)
		comp[k] = rev[depth - 1 - k];
	return depth;
}

static void comp_path(const char *comp, int depth, char *buf, size_t size)
{
	size_t len = snprintf(buf, size, TDIR "/m");

	for (int i = 0; i < depth && len + 2 < size; i++) {
		buf[len++] = '/';
		buf[len++] = comp[i];
	}
	buf[len] = 0;
}

/* Apply one operation to the model if Linux would let it succeed; returns whether it does. */
static bool m_apply(struct model *m, int op, const char *ca, int da, const char *cb, int db)
{
	int pa, pb, na = m_lookup(m, ca, da, &pa), nb = m_lookup(m, cb, db, &pb);

	switch (op) {
	case 0:		/* mkdir a */
		return na < 0 && pa >= 0 && m_add(m, pa, ca[da - 1], true, 0) > 0;
	case 1:		/* rmdir a */
		if (na <= 0 || !m->n[na].dir || m_children(m, na, false))
			return false;
		m->n[na].used = false;
		return true;
	case 2:		/* create a (O_CREAT | O_EXCL) */
		return na < 0 && pa >= 0 && m_add(m, pa, ca[da - 1], false, ++m->next_ino) > 0;
	case 3:		/* unlink a */
		if (na <= 0 || m->n[na].dir)
			return false;
		m->n[na].used = false;
		return true;
	case 4:		/* link a b */
		return na > 0 && !m->n[na].dir && nb < 0 && pb >= 0 &&
		       m_add(m, pb, cb[db - 1], false, m->n[na].ino) > 0;
	default:	/* rename a b */
		if (na <= 0 || pb < 0)
			return false;
		if (nb == na || (nb > 0 && !m->n[na].dir && !m->n[nb].dir &&
				 m->n[na].ino == m->n[nb].ino))
			return true;	/* the same inode: nothing happens */
		if (m->n[na].dir && m_is_ancestor(m, na, pb))
			return false;	/* EINVAL */
		if (nb > 0) {
			if (m_is_ancestor(m, nb, na))
				return false;	/* ENOTEMPTY */
			if (m->n[na].dir != m->n[nb].dir)
				return false;	/* ENOTDIR, EISDIR */
			if (m->n[nb].dir && m_children(m, nb, false))
				return false;	/* ENOTEMPTY */
			m->n[nb].used = false;
		}
		m->n[na].parent = pb;
		m->n[na].name = cb[db - 1];
		return true;
	}
}

static int k_apply(int op, const char *a, const char *b)
{
	struct file *f;

	switch (op) {
	case 0:
		return init_mkdir(a, 0755);
	case 1:
		return init_rmdir(a);
	case 2:
		f = filp_open(a, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (IS_ERR(f))
			return PTR_ERR(f);
		fput(f);
		return 0;
	case 3:
		return init_unlink(a);
	case 4:
		return init_link(a, b);
	default:
		return init_rename(a, b, 0);
	}
}

/* The kernel's tree is the model's: every name, type, link count, shared inode. */
static bool m_compare(struct kunit *test, struct model *m, struct name_batch *nb, char *path)
{
	int nfiles = 0;

	for (int i = 0; i < M_NODES; i++) {
		struct kstat st;
		int n;

		if (i && !m->n[i].used)
			continue;
		m_path(m, i, path, 128);
		if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW)) {
			kunit_fail(test, __FILE__, __LINE__, "model: %s missing", path);
			return false;
		}
		if (!!S_ISDIR(st.mode) != m->n[i].dir) {
			kunit_fail(test, __FILE__, __LINE__, "model: %s has the wrong type", path);
			return false;
		}
		if (m->n[i].dir) {
			n = read_names(path, nb);
			if (st.nlink != 2 + (unsigned int)m_children(m, i, true) ||
			    n != m_children(m, i, false)) {
				kunit_fail(test, __FILE__, __LINE__,
					   "model: %s: nlink %u, %d entries; expected %d, %d", path,
					   st.nlink, n, 2 + m_children(m, i, true),
					   m_children(m, i, false));
				return false;
			}
			continue;
		}
		if (st.nlink != (unsigned int)m_links(m, m->n[i].ino)) {
			kunit_fail(test, __FILE__, __LINE__, "model: %s: nlink %u, expected %d", path,
				   st.nlink, m_links(m, m->n[i].ino));
			return false;
		}
		m->fnode[nfiles] = i;
		m->fkino[nfiles++] = st.ino;
	}
	/* two names share a kernel inode exactly when they share a model one */
	for (int x = 0; x < nfiles; x++) {
		for (int y = 0; y < x; y++) {
			bool model_same = m->n[m->fnode[x]].ino == m->n[m->fnode[y]].ino;

			if (model_same != (m->fkino[x] == m->fkino[y])) {
				m_path(m, m->fnode[x], path, 128);
				kunit_fail(test, __FILE__, __LINE__, "model: %s %s another name's inode",
					   path, model_same ? "does not share" : "shares");
				return false;
			}
		}
	}
	return true;
}

VFS_TEST(seeded_model)
{
	struct model *m = kzalloc(sizeof(*m), GFP_KERNEL);
	struct name_batch *nb = kzalloc(sizeof(*nb), GFP_KERNEL);
	char *a = kmalloc(128, GFP_KERNEL), *b = kmalloc(128, GFP_KERNEL);
	u32 seed = MODEL_SEED;
	int agreed = 0, succeeded = 0;

	KUNIT_ASSERT_TRUE(test, m && nb && a && b);
	nb->names = kmalloc(NAMES_BATCH * sizeof(*nb->names), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, nb->names != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/m", 0755), 0);
	m->n[0] = (struct mnode){ .used = true, .dir = true };
	m_full = false;
	for (int i = 0; i < MODEL_OPS; i++) {
		u32 r = xorshift(&seed);
		int op = r % 6, da = 1 + (r >> 4) % M_DEPTH, db = 1 + (r >> 6) % M_DEPTH, err;
		char ca[M_PATH], cb[M_PATH];
		bool predicted;

		r = xorshift(&seed);
		for (int k = 0; k < M_DEPTH; k++) {
			ca[k] = 'a' + (r >> (2 * k)) % 3;
			cb[k] = 'a' + (r >> (2 * k + 8)) % 3;
		}
		/* creations first, so the tree grows before it is cut */
		if (op == 1 && (r & 0x10000) && i < MODEL_OPS / 6)
			op = 0;
		/*
		 * Half the time a names something that exists and b a new name
		 * in a directory that exists, so that most operations get past
		 * the lookups; the rest are random names, mostly failures.
		 */
		r = xorshift(&seed);
		if ((r & 1) && (op == 0 || op == 2)) {
			/* mkdir, create: a new name in an existing directory */
			da = m_pick(m, r >> 8, true, ca);
			if (da < M_PATH - 1)
				ca[da++] = 'a' + (r >> 2) % 3;
		} else if (r & 1) {
			int d = m_pick(m, r >> 8, false, ca);

			if (d)	/* never the root itself */
				da = d;
		}
		if (r & 2) {
			db = m_pick(m, r >> 16, true, cb);
			if (db < M_PATH - 1)
				cb[db++] = 'a' + (r >> 4) % 3;
		}
		comp_path(ca, da, a, 128);
		comp_path(cb, db, b, 128);
		predicted = m_apply(m, op, ca, da, cb, db);
		err = k_apply(op, a, b);
		if (m_full) {
			kunit_fail(test, __FILE__, __LINE__, "model: more than %d names", M_NODES);
			break;
		}
		if (predicted != !err) {
			kunit_fail(test, __FILE__, __LINE__,
				   "op %d (seed %#x): %s %s %s gave %d, the model says %s", i,
				   MODEL_SEED, (const char *[]){ "mkdir", "rmdir", "create", "unlink",
								 "link", "rename" }[op],
				   a, op >= 4 ? b : "", err, predicted ? "success" : "failure");
			break;
		}
		agreed++;
		succeeded += predicted;
		if (i % 100 == 99 && !m_compare(test, m, nb, a))
			break;
	}
	if (!test->failed)
		m_compare(test, m, nb, a);
	pr_info("vfs: model: %d operations agreed with the model, %d of them succeeded\n", agreed,
		succeeded);
	kfree(nb->names);
	kfree(nb);
	kfree(m);
	kfree(a);
	kfree(b);
}

/* ---- vfs.dcache: many files, no leaks ------------------------------------------------- */

#define TREE_TOP 8
#define TREE_MID 8
#define TREE_FILES 40		/* 8 * 8 * 40 = 2560 files, 72 directories */

static int tree_op(bool create)
{
	char *path = kmalloc(128, GFP_KERNEL);
	int err = 0;

	if (!path)
		return -ENOMEM;
	for (int a = 0; a < TREE_TOP && !err; a++) {
		snprintf(path, 128, TDIR "/t/d%d", a);
		if (create)
			err = init_mkdir(path, 0755);
		for (int b = 0; b < TREE_MID && !err; b++) {
			snprintf(path, 128, TDIR "/t/d%d/s%d", a, b);
			if (create)
				err = init_mkdir(path, 0755);
			for (int c = 0; c < TREE_FILES && !err; c++) {
				snprintf(path, 128, TDIR "/t/d%d/s%d/file-with-a-long-name-%d", a, b,
					 c);
				if (create)	/* every 8th with data, so pages come and go too */
					err = make_file(path, "data", (c % 8) ? 0 : 4);
				else
					err = init_unlink(path);
			}
			snprintf(path, 128, TDIR "/t/d%d/s%d", a, b);
			if (!create && !err)
				err = init_rmdir(path);
		}
		snprintf(path, 128, TDIR "/t/d%d", a);
		if (!create && !err)
			err = init_rmdir(path);
	}
	kfree(path);
	return err;
}

static void thousands_of_files(struct kunit *test)
{
	struct vfs_counts before, mid;
	int nfiles = TREE_TOP * TREE_MID * TREE_FILES;
	int ndirs = TREE_TOP + TREE_TOP * TREE_MID;

	clean_start();
	take_baseline(&before);
	for (int round = 0; round < 2; round++) {
		KUNIT_ASSERT_EQ(test, init_mkdir(TDIR, 0755), 0);
		KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/t", 0755), 0);
		KUNIT_ASSERT_EQ(test, tree_op(true), 0);
		take_counts(&mid);
		/* each name a dentry, each file and directory an inode */
		KUNIT_EXPECT_GE(test, mid.dentries - before.dentries, nfiles + ndirs + 2);
		KUNIT_EXPECT_EQ(test, mid.inodes - before.inodes, nfiles + ndirs + 2);
		KUNIT_EXPECT_EQ(test, mid.files, before.files);
		KUNIT_EXPECT_LT(test, mid.pages, before.pages);
		KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/t"), 2 + TREE_TOP);
		KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/t/d3"), 2 + TREE_MID);
		KUNIT_EXPECT_TRUE(test, file_is(TDIR "/t/d7/s7/file-with-a-long-name-32", "data"));
		KUNIT_ASSERT_EQ(test, tree_op(false), 0);
		KUNIT_ASSERT_EQ(test, init_rmdir(TDIR "/t"), 0);
		KUNIT_ASSERT_EQ(test, init_rmdir(TDIR), 0);
		check_counts(test, &before, "after deleting everything");
	}
}

/* ---- vfs.dcache: concurrent changes to one tree --------------------------------------- */

#define CONC_DIRS 4		/* top-level directories d0..d3 */
#define CONC_NAMES 6		/* names n0..n5 in each */
#define CONC_MS 800
#define CONC_MAX_OPS 6000	/* per worker: bounds the run even if the clock is off */
#define CONC_WAIT_MS 30000	/* far more than a worker needs: past it, it is stuck */

static int conc_done;
static int conc_unexpected;
static int conc_first_err, conc_first_op;
static unsigned long conc_ops, conc_ok;

static void random_path(char *buf, size_t size, u32 *seed)
{
	u32 r = xorshift(seed);

	/* mostly d/n, sometimes d/n/n (inside a directory moved there) */
	if (r & 8)
		snprintf(buf, size, TDIR "/c/d%u/n%u", r % CONC_DIRS, (r >> 8) % CONC_NAMES);
	else
		snprintf(buf, size, TDIR "/c/d%u/n%u/n%u", r % CONC_DIRS, (r >> 8) % CONC_NAMES,
			 (r >> 16) % CONC_NAMES);
}

static bool conc_expected(int op, int err)
{
	switch (err) {
	case 0:
	case -ENOENT:
	case -EEXIST:
	case -ENOTEMPTY:
	case -ENOTDIR:
	case -EISDIR:
		return true;
	case -EINVAL:		/* rename of a directory below itself */
		return op == 4;
	case -EPERM:		/* link to a directory */
		return op == 5;
	default:
		return false;
	}
}

/*
 * List the directory whose path a names, as readdir would while others
 * change it: whatever it returns must be one of the names the workers
 * use, and a pass must end. 0, -ENOENT/-ENOTDIR (not there, not a
 * directory), or -EIO for a name from nowhere or a pass that never ends.
 */
static int conc_readdir(const char *a)
{
	struct name_batch *b = kzalloc(sizeof(*b), GFP_KERNEL);
	int n, err = 0;

	if (!b)
		return -ENOMEM;
	b->names = kmalloc(NAMES_BATCH * sizeof(*b->names), GFP_KERNEL);
	if (!b->names) {
		kfree(b);
		return -ENOMEM;
	}
	n = read_names(a, b);
	if (n < 0)
		err = n;
	else if (n >= NAMES_BATCH)	/* at most CONC_NAMES live entries at any time */
		err = -EIO;
	for (int i = 0; i < n && !err; i++) {
		const char *nm = b->names[i];

		if (nm[0] != 'n' || nm[1] < '0' || nm[1] >= '0' + CONC_NAMES || nm[2])
			err = -EIO;
	}
	kfree(b->names);
	kfree(b);
	return err;
}

static int conc_worker(void *data)
{
	u32 seed = 0x9e3779b9u * ((unsigned int)(unsigned long)data + 1);
	char a[64], b[64];
	u64 end = ktime_get_ns() + CONC_MS * NSEC_PER_MSEC;
	unsigned long ops = 0, ok = 0;

	while (ktime_get_ns() < end && ops < CONC_MAX_OPS) {
		int op = xorshift(&seed) % 8, err;

		random_path(a, sizeof(a), &seed);
		random_path(b, sizeof(b), &seed);
		switch (op) {
		case 0:
			err = init_mkdir(a, 0755);
			break;
		case 1:
			err = init_rmdir(a);
			break;
		case 2:
			err = make_file(a, "c", 1);
			if (err == -EISDIR)	/* O_CREAT on a directory */
				err = 0;
			break;
		case 3:
			err = init_unlink(a);
			break;
		case 4:
			err = init_rename(a, b, (seed & 0x100) ? RENAME_NOREPLACE : 0);
			break;
		case 5:
			err = init_link(a, b);
			break;
		case 6:
			err = conc_readdir(a);
			break;
		default: {
			struct kstat st;

			err = init_stat(a, &st, AT_SYMLINK_NOFOLLOW);
			break;
		}
		}
		ops++;
		if (!err)
			ok++;
		if (!conc_expected(op, err) &&
		    __atomic_fetch_add(&conc_unexpected, 1, __ATOMIC_RELAXED) == 0) {
			conc_first_err = err;
			conc_first_op = op;
		}
		if ((ops & 15) == 0)
			cond_resched();
	}
	__atomic_add_fetch(&conc_ops, ops, __ATOMIC_RELAXED);
	__atomic_add_fetch(&conc_ok, ok, __ATOMIC_RELAXED);
	__atomic_add_fetch(&conc_done, 1, __ATOMIC_RELEASE);
	return 0;
}

#define MAX_INOS 4096		/* files the checker can tell apart (kmalloc'ed: 64 KiB) */

struct tree_check {
	struct kunit *test;
	int problems;
	int nino;
	u64 ino[MAX_INOS];
	unsigned int nlink[MAX_INOS];
	unsigned int names[MAX_INOS];	/* names found for it */
};

static void tree_problem(struct tree_check *tc, const char *fmt, const char *path, long a,
			 long b)
{
	if (tc->problems++ < 8)
		kunit_fail(tc->test, __FILE__, __LINE__, fmt, path, a, b);
}

/*
 * Check dir and what is below it: every name listed once and there to
 * lstat, each directory's nlink 2 + its subdirectories, each ".." its
 * parent; files' names are counted per inode for the caller.
 */
static void check_tree(struct tree_check *tc, const char *dir, int depth)
{
	struct name_batch *b = kzalloc(sizeof(*b), GFP_KERNEL);
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct dentry *parent;
	struct path p, pp;
	unsigned int subdirs = 0;
	int n;

	if (!b || !path || depth > 40)
		goto out;
	b->names = kmalloc(NAMES_BATCH * sizeof(*b->names), GFP_KERNEL);
	if (!b->names)
		goto out;
	n = read_names(dir, b);
	if (n < 0 || n >= NAMES_BATCH) {
		tree_problem(tc, "%s: read_names = %ld (max %ld)", dir, n, NAMES_BATCH - 1);
		goto out;
	}
	if (!b->dots[0] || !b->dots[1])
		tree_problem(tc, "%s: \".\" %ld, \"..\" %ld", dir, b->dots[0], b->dots[1]);
	for (int i = 0; i < n; i++) {
		struct kstat st;

		for (int j = 0; j < i; j++)
			if (!strcmp(b->names[i], b->names[j]))
				tree_problem(tc, "%s: a name listed twice (%ld, %ld)", dir, i, j);
		snprintf(path, PATH_MAX, "%s/%s", dir, b->names[i]);
		if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW)) {
			tree_problem(tc, "%s: listed but not there (%ld %ld)", path, 0, 0);
			continue;
		}
		if (S_ISDIR(st.mode)) {
			subdirs++;
			if (b->types[i] != DT_DIR)
				tree_problem(tc, "%s: a directory listed as type %ld (%ld)", path,
					     b->types[i], 0);
			check_tree(tc, path, depth + 1);
		} else {
			int k;

			for (k = 0; k < tc->nino && tc->ino[k] != st.ino; k++)
				;
			if (k == tc->nino && k < MAX_INOS) {
				tc->ino[k] = st.ino;
				tc->nlink[k] = st.nlink;
				tc->names[k] = 0;
				tc->nino++;
			}
			if (k < MAX_INOS)
				tc->names[k]++;
		}
	}
	if (nlink_of(dir) != 2 + subdirs)
		tree_problem(tc, "%s: nlink %ld, 2 + %ld subdirectories", dir, nlink_of(dir),
			     subdirs);
	/* ".." is the parent dentry */
	snprintf(path, PATH_MAX, "%s/..", dir);
	if (kern_path(dir, 0, &p) == 0) {
		if (kern_path(path, 0, &pp) == 0) {
			parent = p.dentry->d_parent;
			if (pp.dentry != parent)
				tree_problem(tc, "%s: \"..\" is not d_parent (%ld %ld)", dir, 0, 0);
			path_put(&pp);
		}
		path_put(&p);
	}
out:
	if (b)
		kfree(b->names);
	kfree(b);
	kfree(path);
}

static void concurrent_tree_changes(struct kunit *test)
{
	struct vfs_counts before;
	struct tree_check *tc;
	unsigned int cpu, nr = 0;
	char path[64];
	u64 end;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	clean_start();
	take_baseline(&before);
	tc = kzalloc(sizeof(*tc), GFP_KERNEL);	/* > 8 KiB: pages, so after the baseline */
	KUNIT_ASSERT_TRUE(test, tc != NULL);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR, 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/c", 0755), 0);
	for (int i = 0; i < CONC_DIRS; i++) {
		snprintf(path, sizeof(path), TDIR "/c/d%d", i);
		KUNIT_ASSERT_EQ(test, init_mkdir(path, 0755), 0);
	}
	conc_done = 0;
	conc_unexpected = 0;
	conc_ops = conc_ok = 0;
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(conc_worker,
							      (void *)(unsigned long)cpu, cpu,
							      "vfsconc/%u", cpu);

		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "cannot start a worker on CPU%u", cpu);
			break;
		}
		wake_up_process(t);
		nr++;
	}
	end = ktime_get_ns() + CONC_WAIT_MS * NSEC_PER_MSEC;
	while (__atomic_load_n(&conc_done, __ATOMIC_ACQUIRE) < (int)nr) {
		if (ktime_get_ns() > end) {
			kunit_fail(test, __FILE__, __LINE__,
				   "only %d of %u workers finished in %u ms: one is stuck",
				   __atomic_load_n(&conc_done, __ATOMIC_ACQUIRE), nr,
				   CONC_WAIT_MS);
			kfree(tc);
			return;	/* leave the tree: removing it could hang too */
		}
		msleep(10);
	}
	pr_info("vfs: %u workers, %lu operations, %lu succeeded\n", nr, conc_ops, conc_ok);
	KUNIT_EXPECT_EQ(test, conc_unexpected, 0);
	if (conc_unexpected)
		pr_err("vfs: first unexpected result: op %d gave %d\n", conc_first_op,
		       conc_first_err);
	KUNIT_EXPECT_GT(test, conc_ok, 0);
	/* the tree is consistent */
	tc->test = test;
	check_tree(tc, TDIR "/c", 0);
	for (int k = 0; k < tc->nino; k++) {
		if (tc->names[k] != tc->nlink[k]) {
			kunit_fail(test, __FILE__, __LINE__,
				   "inode %llu: nlink %u, but %u names found",
				   (unsigned long long)tc->ino[k], tc->nlink[k], tc->names[k]);
			break;
		}
	}
	KUNIT_EXPECT_LT(test, tc->nino, MAX_INOS);
	KUNIT_EXPECT_EQ(test, tc->problems, 0);
	kfree(tc);
	KUNIT_EXPECT_GE(test, remove_tree(TDIR, 0), 0);
	check_counts(test, &before, "after the concurrent tree is removed");
}

/*
 * The loop two cross-directory renames can make together (the "b)" of
 * Linux's vfs_rename comment): CPU A moves P (in A) into Q (in B) and
 * back, CPU B moves Q into P and back. Each check that the source is no
 * ancestor of the target holds on its own; only s_vfs_rename_mutex
 * (lock_rename) keeps both from succeeding at once, which would leave P
 * and Q in each other, cut off from the tree. One of them must get
 * ENOENT (the other's move made its target path go away) or EINVAL
 * (lock_rename found the loop), and at the end both are home.
 */
#define CROSS_MS 500
#define CROSS_MAX_TRIES 4000	/* per thread: bounds the run even if the clock is off */

static int cross_done, cross_bad, cross_bad_err;
static unsigned long cross_moves[2];

static int cross_worker(void *data)
{
	int k = (int)(unsigned long)data;
	const char *home = k ? TDIR "/x/B/Q" : TDIR "/x/A/P";
	const char *away = k ? TDIR "/x/A/P/Q" : TDIR "/x/B/Q/P";
	u64 end = ktime_get_ns() + CROSS_MS * NSEC_PER_MSEC;
	unsigned long moves = 0;

	for (int tries = 0; tries < CROSS_MAX_TRIES && ktime_get_ns() < end; tries++) {
		int err = init_rename(home, away, 0);

		if (!err) {
			moves++;
			/* away, it always comes back: the other cannot move its parent meanwhile */
			err = init_rename(away, home, 0);
			if (err && !__atomic_fetch_add(&cross_bad, 1, __ATOMIC_RELAXED))
				cross_bad_err = err;
		} else if (err != -ENOENT && err != -EINVAL &&
			   !__atomic_fetch_add(&cross_bad, 1, __ATOMIC_RELAXED)) {
			cross_bad_err = err;
		}
		if ((moves & 7) == 0)
			cond_resched();
	}
	cross_moves[k] = moves;
	__atomic_add_fetch(&cross_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void concurrent_cross_renames(struct kunit *test)
{
	struct vfs_counts before;
	unsigned int cpus[2], n = 0, cpu;
	u64 end;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	for_each_online_cpu(cpu) {
		if (n < 2)
			cpus[n++] = cpu;
	}
	clean_start();
	take_baseline(&before);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR, 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/x", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/x/A", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/x/B", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/x/A/P", 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/x/B/Q", 0755), 0);
	cross_done = cross_bad = cross_bad_err = 0;
	cross_moves[0] = cross_moves[1] = 0;
	for (unsigned int k = 0; k < 2; k++) {
		struct task_struct *t = kthread_create_on_cpu(cross_worker, (void *)(unsigned long)k,
							      cpus[k], "vfscross/%u", cpus[k]);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		wake_up_process(t);
	}
	end = ktime_get_ns() + CONC_WAIT_MS * NSEC_PER_MSEC;
	while (__atomic_load_n(&cross_done, __ATOMIC_ACQUIRE) < 2) {
		if (ktime_get_ns() > end) {
			kunit_fail(test, __FILE__, __LINE__,
				   "a renaming thread is stuck after %u ms (a lock order deadlock?)",
				   CONC_WAIT_MS);
			return;
		}
		msleep(10);
	}
	pr_info("vfs: cross renames: %lu and %lu moves\n", cross_moves[0], cross_moves[1]);
	KUNIT_EXPECT_EQ(test, cross_bad, 0);
	if (cross_bad)
		pr_err("vfs: cross renames: unexpected result %d\n", cross_bad_err);
	KUNIT_EXPECT_GT(test, cross_moves[0] + cross_moves[1], 0);
	/* both home, nothing cut off */
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/x/A/P"), 0);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/x/B/Q"), 0);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/x/A/P/Q"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/x/B/Q/P"), -ENOENT);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/x/A"), 3);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/x/B"), 3);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/x/A/P"), 2);
	KUNIT_EXPECT_EQ(test, nlink_of(TDIR "/x/B/Q"), 2);
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/x/A/P/..", TDIR "/x/A"));
	KUNIT_EXPECT_TRUE(test, same_place(test, TDIR "/x/B/Q/..", TDIR "/x/B"));
	KUNIT_EXPECT_GE(test, remove_tree(TDIR, 0), 0);
	check_counts(test, &before, "after the cross renames");
}

/*
 * One CPU mounts a tmpfs on a directory, writes a file in it and
 * unmounts it (retrying while the others make it busy), over and over;
 * the other CPUs walk into and out of it meanwhile. A walk sees either
 * the covered directory or the mounted one, ".." from there is always
 * the parent, a umount can only fail with EBUSY, and when it is over the
 * directory is uncovered and every superblock, dentry, inode and page
 * is gone again.
 */
#define MOUNT_MS 500
#define MOUNT_MAX_ROUNDS 300

static int mw_done, mw_stop, mw_bad, mw_bad_err, mw_bad_where;
static unsigned long mw_rounds, mw_busy, mw_walks;

static const char *const mw_what[] = {
	"", "mount", "a file in the new mount", "umount (only EBUSY may make it fail)",
	"reading the covered file", "reading the mounted file", "looking up mp/..",
	"looking up the parent", "mp/.. is not the parent (the mount went while walked in)",
	"looking up mp", "a held mount root is no longer where it was mounted",
};

static void mw_note(int err, int where)
{
	if (!__atomic_fetch_add(&mw_bad, 1, __ATOMIC_RELAXED)) {
		mw_bad_err = err;
		mw_bad_where = where;
	}
}

static int mw_mounter(void *data)
{
	u64 end = ktime_get_ns() + MOUNT_MS * NSEC_PER_MSEC;
	unsigned long rounds = 0, busy = 0;

	while (rounds < MOUNT_MAX_ROUNDS && ktime_get_ns() < end && !READ_ONCE(mw_bad)) {
		int err = init_mount("tmpfs", TDIR "/mp", "tmpfs", 0, NULL), tries = 0;

		if (err) {
			mw_note(err, 1);
			break;
		}
		err = make_file(TDIR "/mp/over", "over", 4);
		if (err)
			mw_note(err, 2);
		while ((err = init_umount(TDIR "/mp", 0)) == -EBUSY && tries++ < 100000) {
			busy++;
			cond_resched();
		}
		if (err) {
			mw_note(err, 3);
			break;
		}
		rounds++;
	}
	mw_rounds = rounds;
	mw_busy = busy;
	WRITE_ONCE(mw_stop, 1);
	__atomic_add_fetch(&mw_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static int mw_walker(void *data)
{
	unsigned long walks = 0;
	char buf[8];

	while (!READ_ONCE(mw_stop) && walks < 200000) {
		struct path a, b;
		ssize_t n;
		int err;

		switch (walks++ % 4) {
		case 3: {
			/*
			 * Holding the mounted root keeps the mount busy: it
			 * stays where it was mounted until path_put (Linux:
			 * the busy check and the unhash are one locked step).
			 */
			char where[32];
			char *w;

			err = kern_path(TDIR "/mp", 0, &a);
			if (err) {
				mw_note(err, 9);
				break;
			}
			w = d_path(&a, where, sizeof(where));
			if (IS_ERR(w) || strcmp(w, TDIR "/mp"))
				mw_note(IS_ERR(w) ? PTR_ERR(w) : 0, 10);
			path_put(&a);
			break;
		}
		case 0:	/* the covered file, or nothing */
			n = read_file_at(TDIR "/mp/under", buf, sizeof(buf));
			if (n != -ENOENT && !(n == 5 && !memcmp(buf, "under", 5)))
				mw_note(n, 4);
			break;
		case 1:	/* the mounted file, or nothing */
			n = read_file_at(TDIR "/mp/over", buf, sizeof(buf));
			if (n != -ENOENT && n != 0 && !(n == 4 && !memcmp(buf, "over", 4)))
				mw_note(n, 5);
			break;
		default:	/* ".." of whichever it is: the parent */
			err = kern_path(TDIR "/mp/..", 0, &a);
			if (err) {
				mw_note(err, 6);
				break;
			}
			err = kern_path(TDIR, 0, &b);
			if (err) {
				mw_note(err, 7);
			} else {
				if (!path_equal(&a, &b))
					mw_note(0, 8);
				path_put(&b);
			}
			path_put(&a);
			break;
		}
		if ((walks & 15) == 0)
			cond_resched();
	}
	__atomic_add_fetch(&mw_walks, walks, __ATOMIC_RELAXED);
	__atomic_add_fetch(&mw_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void concurrent_mount_walks(struct kunit *test)
{
	struct vfs_counts before;
	unsigned int cpu, n = 0;
	u64 end;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	clean_start();
	take_baseline(&before);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR, 0755), 0);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR "/mp", 0755), 0);
	KUNIT_ASSERT_EQ(test, make_file(TDIR "/mp/under", "under", 5), 0);
	mw_done = mw_stop = mw_bad = mw_bad_err = mw_bad_where = 0;
	mw_rounds = mw_busy = mw_walks = 0;
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(n ? mw_walker : mw_mounter, NULL, cpu,
							      n ? "vfswalk/%u" : "vfsmount/%u", cpu);

		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "cannot start a thread on CPU%u", cpu);
			WRITE_ONCE(mw_stop, 1);
			break;
		}
		wake_up_process(t);
		n++;
	}
	end = ktime_get_ns() + CONC_WAIT_MS * NSEC_PER_MSEC;
	while (__atomic_load_n(&mw_done, __ATOMIC_ACQUIRE) < (int)n) {
		if (ktime_get_ns() > end) {
			kunit_fail(test, __FILE__, __LINE__, "a mount or walk thread is stuck after %u ms",
				   CONC_WAIT_MS);
			return;
		}
		msleep(10);
	}
	pr_info("vfs: %lu mount/umount rounds (%lu umounts found it busy), %lu walks\n",
		mw_rounds, mw_busy, mw_walks);
	KUNIT_EXPECT_EQ(test, mw_bad, 0);
	if (mw_bad)
		pr_err("vfs: mount walks: first unexpected result %d: %s\n", mw_bad_err,
		       mw_what[mw_bad_where]);
	KUNIT_EXPECT_GT(test, mw_rounds, 0);
	/* uncovered again */
	KUNIT_EXPECT_TRUE(test, file_is(TDIR "/mp/under", "under"));
	KUNIT_EXPECT_EQ(test, stat_err(TDIR "/mp/over"), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_umount(TDIR "/mp", 0), -EINVAL);
	KUNIT_EXPECT_GE(test, remove_tree(TDIR, 0), 0);
	check_counts(test, &before, "after the mount/umount rounds");
}

/*
 * Mount on a directory while another CPU removes it, in rounds started
 * together: exactly one of them wins. Both succeeding would leave a
 * mount on a removed directory, out of everyone's reach; both failing
 * would mean an EBUSY for a mount that is not there.
 */
#define RACE_ROUNDS 150

static int mr_go[2], mr_result[2][RACE_ROUNDS], mr_done;

static void mr_wait_round(int who, int round)
{
	/* both sides reach round, then go together (bounded: the other may be stuck) */
	__atomic_store_n(&mr_go[who], round, __ATOMIC_RELEASE);
	for (unsigned long spins = 0; __atomic_load_n(&mr_go[!who], __ATOMIC_ACQUIRE) < round &&
				      spins < 100000000UL; spins++)
		cpu_relax();
}

static int mr_thread(void *data)
{
	int who = (int)(unsigned long)data;

	for (int round = 1; round <= RACE_ROUNDS; round++) {
		int err;

		if (who == 0 && (err = init_mkdir(TDIR "/r", 0755)) != 0)
			mr_result[0][round - 1] = 1000 + err;	/* setup failed */
		mr_wait_round(who, 2 * round - 1);
		if (who == 0)
			err = init_mount("tmpfs", TDIR "/r", "tmpfs", 0, NULL);
		else
			err = init_rmdir(TDIR "/r");
		if (!mr_result[who][round - 1])
			mr_result[who][round - 1] = err ? err : 1;
		mr_wait_round(who, 2 * round);
		/* clean up for the next round: whoever won, leave no r */
		if (who == 0) {
			init_umount(TDIR "/r", 0);
			init_rmdir(TDIR "/r");
		}
	}
	__atomic_add_fetch(&mr_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void concurrent_mount_rmdir(struct kunit *test)
{
	struct vfs_counts before;
	unsigned int cpus[2], n = 0, cpu;
	int mounts = 0, rmdirs = 0;
	u64 end;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	for_each_online_cpu(cpu) {
		if (n < 2)
			cpus[n++] = cpu;
	}
	clean_start();
	take_baseline(&before);
	KUNIT_ASSERT_EQ(test, init_mkdir(TDIR, 0755), 0);
	memset(mr_result, 0, sizeof(mr_result));
	mr_go[0] = mr_go[1] = 0;
	mr_done = 0;
	for (unsigned int k = 0; k < 2; k++) {
		struct task_struct *t = kthread_create_on_cpu(mr_thread, (void *)(unsigned long)k,
							      cpus[k], "vfsrace/%u", cpus[k]);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		wake_up_process(t);
	}
	end = ktime_get_ns() + CONC_WAIT_MS * NSEC_PER_MSEC;
	while (__atomic_load_n(&mr_done, __ATOMIC_ACQUIRE) < 2) {
		if (ktime_get_ns() > end) {
			kunit_fail(test, __FILE__, __LINE__, "a mount/rmdir thread is stuck");
			return;
		}
		msleep(10);
	}
	for (int r = 0; r < RACE_ROUNDS; r++) {
		int m = mr_result[0][r], d = mr_result[1][r];

		if (m >= 1000 || (m == 1) == (d == 1) || (m != 1 && m != -ENOENT) ||
		    (d != 1 && d != -EBUSY)) {
			kunit_fail(test, __FILE__, __LINE__,
				   "round %d: mount %d, rmdir %d (1: succeeded); exactly one must win",
				   r, m == 1 ? 0 : m, d == 1 ? 0 : d);
			break;
		}
		mounts += m == 1;
		rmdirs += d == 1;
	}
	pr_info("vfs: mount against rmdir: %d rounds to mount, %d to rmdir\n", mounts, rmdirs);
	KUNIT_EXPECT_EQ(test, lstat_err(TDIR "/r"), -ENOENT);
	KUNIT_EXPECT_GE(test, remove_tree(TDIR, 0), 0);
	check_counts(test, &before, "after the mount/rmdir rounds");
}

/* ---- suites ------------------------------------------------------------------------- */

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
	KUNIT_CASE(readdir_small),
	KUNIT_CASE(readdir_many_in_pieces),
	KUNIT_CASE(readdir_seek_and_removed),
	KUNIT_CASE(readdir_types),
	KUNIT_CASE(seeded_model),
	{}
};

static struct kunit_suite vfs_ops_suite = {
	.name = "vfs.ops",
	.test_cases = vfs_ops_cases,
};
kunit_test_suite(vfs_ops_suite);

static struct kunit_case vfs_dcache_cases[] = {
	KUNIT_CASE(thousands_of_files),
	KUNIT_CASE(concurrent_tree_changes),
	KUNIT_CASE(concurrent_cross_renames),
	KUNIT_CASE(concurrent_mount_walks),
	KUNIT_CASE(concurrent_mount_rmdir),
	{}
};

static struct kunit_suite vfs_dcache_suite = {
	.name = "vfs.dcache",
	.test_cases = vfs_dcache_cases,
};
kunit_test_suite(vfs_dcache_suite);
