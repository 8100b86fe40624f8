// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the VFS test suites (tests/kernel/vfs_test.h): counting
 * dentries, inodes, files and free pages before and after each case,
 * reading directories, removing trees, and one-line file operations.
 */
#include "vfs_test.h"

/* ---- leak accounting --------------------------------------------------------------- */


void take_counts(struct vfs_counts *c)
{
	c->dentries = get_nr_dentry();
	c->inodes = get_nr_inodes();
	c->files = get_nr_files();
	c->pages = shrunk_free_pages();
}

bool counts_equal(const struct vfs_counts *a, const struct vfs_counts *b)
{
	return a->dentries == b->dentries && a->inodes == b->inodes && a->files == b->files &&
	       a->pages == b->pages;
}

/*
 * A baseline that is not moving: an earlier suite's thread may still be
 * on its way out (its stack is freed after its last switch), so take the
 * counts until two in a row, 5 ms apart, agree (at most 20 times).
 */
void take_baseline(struct vfs_counts *c)
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
void check_counts(struct kunit *test, const struct vfs_counts *before, const char *where)
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

bool is_dot_or_dotdot(const char *name, int len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}


bool batch_actor(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
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
int read_names(const char *dir, struct name_batch *b)
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
int remove_tree(const char *dir, int depth)
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
void clean_start(void)
{
	struct kstat st;

	init_chdir("/");
	if (!init_stat(TDIR, &st, AT_SYMLINK_NOFOLLOW))
		remove_tree(TDIR, 0);
}

bool vfs_begin(struct kunit *test, struct vfs_counts *c)
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

void vfs_end(struct kunit *test, const struct vfs_counts *c)
{
	int r;

	init_chdir("/");
	r = remove_tree(TDIR, 0);
	if (r < 0)
		kunit_fail(test, __FILE__, __LINE__, "cannot remove %s: %d", TDIR, r);
	check_counts(test, c, test->name);
}


/* Create a regular file with these contents (len may be 0); 0 or -errno. */
int make_file(const char *path, const char *data, size_t len)
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
ssize_t read_file_at(const char *path, char *buf, size_t len)
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
bool file_is(const char *path, const char *s)
{
	char buf[64];
	size_t len = strlen(s);
	ssize_t n = read_file_at(path, buf, sizeof(buf));

	return n == (ssize_t)len && !memcmp(buf, s, len);
}

int stat_err(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, 0);
}

int lstat_err(const char *path)
{
	struct kstat st;

	return init_stat(path, &st, AT_SYMLINK_NOFOLLOW);
}

u64 ino_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return 0;
	return st.ino;
}

unsigned int nlink_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return 0;
	return st.nlink;
}

loff_t size_of(const char *path)
{
	struct kstat st;

	if (init_stat(path, &st, AT_SYMLINK_NOFOLLOW))
		return -1;
	return st.size;
}

/* kern_path(a) and kern_path(b) name the same (mount, dentry). */
bool same_place(struct kunit *test, const char *a, const char *b)
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
u32 xorshift(u32 *s)
{
	u32 x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

/* A buffer of PATH_MAX + 2 bytes, for the long names and paths. */
char *big_buf(struct kunit *test)
{
	char *p = kmalloc(PATH_MAX + 2, GFP_KERNEL);

	if (!p)
		kunit_fail(test, __FILE__, __LINE__, "out of memory");
	return p;
}
