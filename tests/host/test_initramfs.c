// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the initramfs unpacker (init/initramfs.c): the real
 * parser, built for the host under ASan/UBSan, against a small in-memory
 * filesystem that stands in for fs/init.c's init_* helpers and for
 * filp_open/kernel_write/vfs_truncate/fput. Archives are written by a
 * newc writer below, so each test controls every header field.
 *
 * Checked: every entry type with its mode, owner, mtime, rdev and data;
 * directory mtimes applied after their contents; hard links (GNU cpio's
 * data-on-the-last-link and data-on-the-first); the link hash forgotten
 * at TRAILER!!!; concatenated archives with zero padding; the "070702"
 * checksum; Linux's error messages; and, for a valid archive cut at every
 * byte and garbled at every byte, no crash, no leaked allocation or open
 * file, the entries before the damage present and none after it.
 * Linux has no unit test of init/initramfs.c; init/initramfs_test.c
 * (KUnit, Linux 6.11+) tests the same things in a running kernel.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <linux/kdev_t.h>
#include <linux/slab.h>
#include <linux/stat.h>

/* ---- allocations: counted, so a test can see a leak -------------------------------- */

static long live_allocs;

void *kmalloc(size_t size, gfp_t flags)
{
	void *p = malloc(size ? size : 1);

	if (p)
		live_allocs++;
	return p;
}

void kfree(const void *p)
{
	if (p) {
		live_allocs--;
		free((void *)p);
	}
}

u64 local_clock(void)
{
	return 0;
}

/* ---- a tiny filesystem: paths -> inodes ---------------------------------------------- */

#define MAX_NODES 512

struct finode {
	umode_t mode;
	uid_t uid;
	gid_t gid;
	time64_t mtime;
	unsigned int nlink;
	unsigned int rdev;	/* as init_mknod got it (new_encode_dev form) */
	char *data;
	size_t size, cap;
	char *target;		/* symlinks */
	int refs;		/* names + open files */
};

struct fname {
	char *path;
	struct finode *inode;
};

static struct fname names[MAX_NODES];
static int nr_names;
static long open_files;
static unsigned long freed_start, freed_end;
static int fail_writes;		/* kernel_write fails with -ENOSPC when set */

static void put_inode(struct finode *n)
{
	if (--n->refs == 0) {
		free(n->data);
		free(n->target);
		free(n);
	}
}

static void fs_reset(void)
{
	for (int i = 0; i < nr_names; i++) {
		free(names[i].path);
		put_inode(names[i].inode);
	}
	nr_names = 0;
	open_files = 0;
	fail_writes = 0;
	freed_start = freed_end = 0;
	printk_log_reset();
}

static int find_name(const char *path)
{
	if (path[0] == '/')
		path++;
	for (int i = 0; i < nr_names; i++)
		if (!strcmp(names[i].path, path))
			return i;
	return -1;
}

static struct finode *lookup(const char *path)
{
	int i = find_name(path);

	return i < 0 ? NULL : names[i].inode;
}

/* 0 if path's parent is a directory (or the root), else -ENOENT/-ENOTDIR. */
static int parent_ok(const char *path)
{
	char buf[PATH_MAX + 1];
	char *slash;
	struct finode *p;

	if (path[0] == '/')
		path++;
	if (strlen(path) > PATH_MAX)
		return -ENAMETOOLONG;
	strcpy(buf, path);
	slash = strrchr(buf, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	p = lookup(buf);
	if (!p)
		return -ENOENT;
	return S_ISDIR(p->mode) ? 0 : -ENOTDIR;
}

static void touch_parent(const char *path)
{
	char buf[PATH_MAX + 1];
	char *slash;
	struct finode *p;

	if (path[0] == '/')
		path++;
	strcpy(buf, path);
	slash = strrchr(buf, '/');
	if (!slash)
		return;
	*slash = '\0';
	p = lookup(buf);
	if (p)
		p->mtime = 999;	/* "now": what a later entry in it does to the directory */
}

static int add_name(const char *path, struct finode *n)
{
	int err = parent_ok(path);

	if (err)
		return err;
	if (find_name(path) >= 0)
		return -EEXIST;
	assert_true(nr_names < MAX_NODES);
	if (path[0] == '/')
		path++;
	names[nr_names].path = strdup(path);
	names[nr_names].inode = n;
	nr_names++;
	n->refs++;
	n->nlink++;
	touch_parent(path);
	return 0;
}

static struct finode *new_finode(umode_t mode)
{
	struct finode *n = calloc(1, sizeof(*n));

	assert_non_null(n);
	n->mode = mode;
	n->mtime = 999;
	return n;
}

static int create(const char *path, umode_t mode, unsigned int dev, const char *target)
{
	struct finode *n = new_finode(mode);
	int err;

	n->rdev = dev;
	if (target)
		n->target = strdup(target);
	n->refs = 1;
	err = add_name(path, n);
	put_inode(n);
	return err;
}

int init_mkdir(const char *pathname, umode_t mode)
{
	return create(pathname, S_IFDIR | (mode & 07777 & ~022), 0, NULL);
}

int init_mknod(const char *filename, umode_t mode, unsigned int dev)
{
	return create(filename, mode & ~022, dev, NULL);
}

int init_symlink(const char *oldname, const char *newname)
{
	return create(newname, S_IFLNK | 0777, 0, oldname);
}

int init_link(const char *oldname, const char *newname)
{
	struct finode *n = lookup(oldname);

	if (!n)
		return -ENOENT;
	if (S_ISDIR(n->mode))
		return -EPERM;
	return add_name(newname, n);
}

static int remove_name(const char *path, bool dir)
{
	int i = find_name(path);
	struct finode *n;

	if (i < 0)
		return -ENOENT;
	n = names[i].inode;
	if (dir != !!S_ISDIR(n->mode))
		return dir ? -ENOTDIR : -EISDIR;
	if (dir) {
		size_t len = strlen(names[i].path);

		for (int j = 0; j < nr_names; j++)
			if (!strncmp(names[j].path, names[i].path, len) && names[j].path[len] == '/')
				return -ENOTEMPTY;
	}
	free(names[i].path);
	names[i] = names[--nr_names];
	n->nlink--;
	put_inode(n);
	return 0;
}

int init_unlink(const char *pathname)
{
	return remove_name(pathname, false);
}

int init_rmdir(const char *pathname)
{
	return remove_name(pathname, true);
}

int init_chown(const char *filename, uid_t user, gid_t group, int flags)
{
	struct finode *n = lookup(filename);

	if (!n)
		return -ENOENT;
	n->uid = user;
	n->gid = group;
	return 0;
}

int init_chmod(const char *filename, umode_t mode)
{
	struct finode *n = lookup(filename);

	if (!n)
		return -ENOENT;
	n->mode = (n->mode & S_IFMT) | (mode & S_IALLUGO);
	return 0;
}

int init_utimes(char *filename, struct timespec64 *ts)
{
	struct finode *n = lookup(filename);

	if (!n)
		return -ENOENT;
	n->mtime = ts[1].tv_sec;
	return 0;
}

int init_stat(const char *filename, struct kstat *stat, int flags)
{
	struct finode *n = lookup(filename);

	if (!n)
		return -ENOENT;
	memset(stat, 0, sizeof(*stat));
	stat->mode = n->mode;
	stat->size = n->size;
	stat->nlink = n->nlink;
	return 0;
}

/* An open file: f_path.dentry carries the fake inode. */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct finode *n = lookup(filename);
	struct file *f;

	if (!n) {
		int err;

		if (!(flags & O_CREAT))
			return ERR_PTR(-ENOENT);
		err = create(filename, S_IFREG | (mode & 07777 & ~022), 0, NULL);
		if (err)
			return ERR_PTR(err);
		n = lookup(filename);
	} else if (S_ISDIR(n->mode)) {
		return ERR_PTR(-EISDIR);
	}
	assert_true(S_ISREG(n->mode));
	if (flags & O_TRUNC)
		n->size = 0;
	f = calloc(1, sizeof(*f));
	assert_non_null(f);
	f->f_path.dentry = (struct dentry *)n;
	f->f_flags = flags;
	n->refs++;
	open_files++;
	return f;
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct finode *n = (struct finode *)file->f_path.dentry;
	size_t end;

	if (fail_writes)
		return -ENOSPC;
	/* a short write now and then: xwrite() must loop */
	if (count > 3000)
		count = 3000;
	end = *pos + count;
	if (end > n->cap) {
		n->cap = end;
		n->data = realloc(n->data, n->cap);
		assert_non_null(n->data);
	}
	if ((size_t)*pos > n->size)
		memset(n->data + n->size, 0, *pos - n->size);
	memcpy(n->data + *pos, buf, count);
	if (end > n->size)
		n->size = end;
	*pos = end;
	return count;
}

long vfs_truncate(const struct path *path, loff_t length)
{
	struct finode *n = (struct finode *)path->dentry;

	/* sizes only: the data of a grown file reads as zeros, never touched here */
	if ((size_t)length < n->size)
		n->size = length;
	return 0;
}

void fput(struct file *file)
{
	struct finode *n = (struct finode *)file->f_path.dentry;

	open_files--;
	put_inode(n);
	free(file);
}

void free_initrd_mem(unsigned long start, unsigned long end)
{
	freed_start = start;
	freed_end = end;
}

/* ---- a newc writer -------------------------------------------------------------------- */

struct cpio {
	char *buf;
	size_t len, cap;
	unsigned long next_ino;
};

static void put(struct cpio *c, const void *p, size_t n)
{
	if (c->len + n > c->cap) {
		c->cap = (c->len + n) * 2 + 1024;
		c->buf = realloc(c->buf, c->cap);
		assert_non_null(c->buf);
	}
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void pad4(struct cpio *c)
{
	while (c->len & 3)
		put(c, "", 1);
}

struct hdr {
	const char *magic;	/* default "070701" */
	unsigned long ino, mode, uid, gid, nlink, mtime, major, minor, rmajor, rminor;
	long namesize;		/* with namesize_set; else strlen(name) + 1 */
	long filesize;		/* with filesize_set; else body_len */
	bool namesize_set, filesize_set;
	unsigned long check;
	bool no_nul;		/* write the name without its NUL */
};

/* One entry: header, name, padding, body, padding. Returns the entry's offset. */
static size_t entry(struct cpio *c, const struct hdr *h, const char *name, const void *body,
		    size_t body_len)
{
	char hbuf[6 + 13 * 16 + 1];
	size_t at = c->len;
	size_t nlen = strlen(name) + (h->no_nul ? 0 : 1);
	long namesize = h->namesize_set ? h->namesize : (long)nlen;
	long filesize = h->filesize_set ? h->filesize : (long)body_len;
	unsigned long check = h->check;

	if (!h->check && h->magic && !strcmp(h->magic, "070702")) {
		const unsigned char *b = body;

		for (size_t i = 0; i < body_len; i++)
			check += b[i];
	}
	snprintf(hbuf, sizeof(hbuf), /* each field < 2^32: 8 digits */
		 "%s%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX",
		 h->magic ? h->magic : "070701", h->ino ? h->ino : ++c->next_ino, h->mode,
		 h->uid, h->gid, h->nlink ? h->nlink : 1, h->mtime, (unsigned long)filesize,
		 h->major, h->minor, h->rmajor, h->rminor, (unsigned long)namesize, check);
	put(c, hbuf, 110);
	put(c, name, strlen(name));
	if (!h->no_nul)
		put(c, "", 1);
	pad4(c);
	if (body_len)
		put(c, body, body_len);
	pad4(c);
	return at;
}

static size_t trailer(struct cpio *c)
{
	struct hdr h = { .ino = 0 };

	return entry(c, &h, "TRAILER!!!", NULL, 0);
}

#define H(...) (&(struct hdr){ __VA_ARGS__ })
#define NAMESIZE(n) .namesize = (n), .namesize_set = true
#define FILESIZE(n) .filesize = (n), .filesize_set = true

static char *unpack(struct cpio *c)
{
	return unpack_to_rootfs(c->buf, c->len);
}

static void assert_no_leaks(void)
{
	assert_int_equal(live_allocs, 0);
	assert_int_equal(open_files, 0);
}

static int setup(void **state)
{
	fs_reset();
	live_allocs = 0;
	return 0;
}

static int teardown(void **state)
{
	fs_reset();
	return 0;
}

/* ---- tests ---------------------------------------------------------------------------- */

static const char data1[] = "hello, initramfs\n";

/* A small tree with every kind of entry; returns the offsets of its entries. */
static void build_tree(struct cpio *c, size_t *off)
{
	int i = 0;

	off[i++] = entry(c, H(.mode = S_IFDIR | 0755, .mtime = 100), "etc", NULL, 0);
	off[i++] = entry(c, H(.mode = S_IFREG | 0644, .mtime = 101, .uid = 5, .gid = 6),
			 "etc/hello", data1, sizeof(data1) - 1);
	off[i++] = entry(c, H(.mode = S_IFREG | 04755, .mtime = 102), "etc/empty", NULL, 0);
	off[i++] = entry(c, H(.mode = S_IFLNK | 0777, .mtime = 103), "etc/rel", "hello", 5);
	off[i++] = entry(c, H(.mode = S_IFLNK | 0777, .mtime = 104), "abs", "/etc/hello", 10);
	off[i++] = entry(c, H(.mode = S_IFDIR | 01777, .mtime = 105), "tmp", NULL, 0);
	off[i++] = entry(c, H(.mode = S_IFDIR | 0755, .mtime = 106), "dev", NULL, 0);
	off[i++] = entry(c, H(.mode = S_IFCHR | 0600, .mtime = 107, .rmajor = 5, .rminor = 1),
			 "dev/console", NULL, 0);
	off[i++] = entry(c, H(.mode = S_IFIFO | 0644, .mtime = 108), "tmp/fifo", NULL, 0);
	off[i++] = trailer(c);
	off[i] = c->len;
}

#define TREE_ENTRIES 9

static void check_tree(void)
{
	struct finode *n;

	n = lookup("etc");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFDIR | 0755);
	/* created before its files, yet the archive's mtime: dir_utime() ran last */
	assert_int_equal(n->mtime, 100);
	n = lookup("etc/hello");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFREG | 0644);
	assert_int_equal(n->uid, 5);
	assert_int_equal(n->gid, 6);
	assert_int_equal(n->mtime, 101);
	assert_int_equal(n->size, sizeof(data1) - 1);
	assert_memory_equal(n->data, data1, sizeof(data1) - 1);
	n = lookup("etc/empty");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFREG | 04755);	/* chmod after the umask */
	assert_int_equal(n->size, 0);
	n = lookup("etc/rel");
	assert_non_null(n);
	assert_true(S_ISLNK(n->mode));
	assert_string_equal(n->target, "hello");
	assert_int_equal(n->mtime, 103);
	n = lookup("abs");
	assert_string_equal(n->target, "/etc/hello");
	n = lookup("tmp");
	assert_int_equal(n->mode, S_IFDIR | 01777);
	assert_int_equal(n->mtime, 105);
	n = lookup("dev/console");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFCHR | 0600);
	assert_int_equal(n->rdev, new_encode_dev(MKDEV(5, 1)));
	assert_int_equal(n->mtime, 107);
	n = lookup("tmp/fifo");
	assert_non_null(n);
	assert_true(S_ISFIFO(n->mode));
}

static void test_every_type(void **state)
{
	struct cpio c = { 0 };
	size_t off[TREE_ENTRIES + 2];

	build_tree(&c, off);
	/* GNU cpio pads the archive to 512 bytes */
	while (c.len % 512)
		put(&c, "", 1);
	assert_null(unpack(&c));
	check_tree();
	assert_int_equal(initramfs_stats.entries, TREE_ENTRIES);
	assert_int_equal(initramfs_stats.files, 2);
	assert_int_equal(initramfs_stats.bytes, sizeof(data1) - 1);
	assert_no_leaks();
	free(c.buf);
}

/* GNU cpio writes a hard-link group's data with its last name only. */
static void test_hard_links_data_last(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.mode = S_IFDIR | 0755), "d", NULL, 0);
	entry(&c, H(.ino = 77, .nlink = 3, .mode = S_IFREG | 0640), "a", NULL, 0);
	entry(&c, H(.ino = 77, .nlink = 3, .mode = S_IFREG | 0640), "d/b", NULL, 0);
	entry(&c, H(.ino = 77, .nlink = 3, .mode = S_IFREG | 0640), "c", data1, sizeof(data1) - 1);
	/* same ino, other device: another file */
	entry(&c, H(.ino = 77, .nlink = 2, .major = 1, .mode = S_IFREG | 0600), "other", "x", 1);
	trailer(&c);
	assert_null(unpack(&c));
	assert_non_null(lookup("a"));
	assert_ptr_equal(lookup("a"), lookup("d/b"));
	assert_ptr_equal(lookup("a"), lookup("c"));
	assert_int_equal(lookup("a")->nlink, 3);
	assert_int_equal(lookup("a")->size, sizeof(data1) - 1);
	assert_memory_equal(lookup("d/b")->data, data1, sizeof(data1) - 1);
	assert_ptr_not_equal(lookup("other"), lookup("a"));
	assert_int_equal(lookup("other")->nlink, 1);
	assert_int_equal(initramfs_stats.links, 2);
	assert_no_leaks();
	free(c.buf);
}

/* Data with the first name (other archivers): the later names keep it. */
static void test_hard_links_data_first(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.ino = 9, .nlink = 2, .mode = S_IFREG | 0644), "a", data1, sizeof(data1) - 1);
	entry(&c, H(.ino = 9, .nlink = 2, .mode = S_IFREG | 0644), "b", NULL, 0);
	/* a device node with nlink 2 links too */
	entry(&c, H(.ino = 10, .nlink = 2, .mode = S_IFCHR | 0600, .rmajor = 1, .rminor = 3),
	      "null", NULL, 0);
	entry(&c, H(.ino = 10, .nlink = 2, .mode = S_IFCHR | 0600, .rmajor = 1, .rminor = 3),
	      "null2", NULL, 0);
	trailer(&c);
	assert_null(unpack(&c));
	assert_ptr_equal(lookup("a"), lookup("b"));
	assert_int_equal(lookup("b")->size, sizeof(data1) - 1);
	assert_memory_equal(lookup("b")->data, data1, sizeof(data1) - 1);
	assert_ptr_equal(lookup("null"), lookup("null2"));
	assert_int_equal(lookup("null")->nlink, 2);
	assert_no_leaks();
	free(c.buf);
}

/* Two archives, zero padding between them; the link hash ends at TRAILER!!!. */
static void test_concatenated(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.ino = 5, .nlink = 2, .mode = S_IFREG | 0644), "one", "1", 1);
	trailer(&c);
	for (int i = 0; i < 512 + 12; i++)
		put(&c, "", 1);
	entry(&c, H(.ino = 5, .nlink = 2, .mode = S_IFREG | 0644), "two", "22", 2);
	trailer(&c);
	put(&c, "\0\0\0\0", 4);
	assert_null(unpack(&c));
	assert_non_null(lookup("one"));
	assert_non_null(lookup("two"));
	assert_ptr_not_equal(lookup("one"), lookup("two"));
	assert_int_equal(lookup("two")->size, 2);
	assert_no_leaks();
	free(c.buf);
}

static void test_crc_format(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.magic = "070702", .mode = S_IFREG | 0644), "good", data1, sizeof(data1) - 1);
	trailer(&c);
	assert_null(unpack(&c));
	assert_non_null(lookup("good"));
	free(c.buf);
	fs_reset();

	memset(&c, 0, sizeof(c));
	entry(&c, H(.magic = "070702", .mode = S_IFREG | 0644, .check = 12345), "bad", data1,
	      sizeof(data1) - 1);
	entry(&c, H(.mode = S_IFREG | 0644), "after", NULL, 0);
	trailer(&c);
	assert_string_equal(unpack(&c), "bad data checksum");
	assert_no_leaks();
	free(c.buf);
}

static void test_bad_magic(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.magic = "070707", .mode = S_IFREG | 0644), "old", NULL, 0);
	assert_string_equal(unpack(&c), "incorrect cpio method used: use -H newc option");
	free(c.buf);

	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFDIR | 0755), "first", NULL, 0);
	entry(&c, H(.magic = "070799", .mode = S_IFREG | 0644), "x", NULL, 0);
	assert_string_equal(unpack(&c), "no cpio magic");
	assert_non_null(lookup("first"));
	assert_null(lookup("x"));
	free(c.buf);

	memset(&c, 0, sizeof(c));
	put(&c, "\x1f\x8b\x08\x00", 4);		/* a gzip archive */
	assert_string_equal(unpack(&c), "invalid magic at start of compressed archive");
	assert_no_leaks();
	free(c.buf);
}

static void test_bad_names(void **state)
{
	struct cpio c = { 0 };
	char *longname = malloc(PATH_MAX + 2);

	entry(&c, H(.mode = S_IFREG | 0644, .no_nul = true), "nonul", "abc", 3);
	trailer(&c);
	assert_string_equal(unpack(&c), "malformed archive");
	assert_true(printk_log_contains("initramfs name without nulterm: nonul"));
	assert_null(lookup("nonul"));
	free(c.buf);

	/* a symlink name without its NUL */
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFLNK | 0777, .no_nul = true), "lnk", "target", 6);
	trailer(&c);
	assert_string_equal(unpack(&c), "malformed archive");
	free(c.buf);

	/* namesize 0 */
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644, NAMESIZE(0)), "zero", NULL, 0);
	assert_string_equal(unpack(&c), "malformed archive");
	free(c.buf);

	/* a name of PATH_MAX bytes with its NUL is fine, one more is not */
	memset(longname, 'n', PATH_MAX + 1);
	longname[PATH_MAX - 1] = '\0';
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644), longname, "z", 1);
	trailer(&c);
	assert_null(unpack(&c));
	assert_non_null(lookup(longname));
	free(c.buf);
	fs_reset();

	longname[PATH_MAX - 1] = 'n';
	longname[PATH_MAX] = '\0';
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644), longname, "z", 1);
	trailer(&c);
	assert_string_equal(unpack(&c), "malformed archive");
	assert_int_equal(nr_names, 0);
	free(c.buf);

	/* a symlink body longer than PATH_MAX */
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFLNK | 0777), "lnk", longname, PATH_MAX + 1);
	trailer(&c);
	assert_string_equal(unpack(&c), "malformed archive");
	assert_int_equal(nr_names, 0);
	free(c.buf);

	/* header fields that are not hex */
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644), "hexfile", NULL, 0);
	c.buf[6 + 8 + 3] = 'g';		/* in the mode field */
	assert_string_equal(unpack(&c), "malformed archive");
	assert_null(lookup("hexfile"));
	free(c.buf);
	free(longname);
	assert_no_leaks();
}

/* A size past the end of the archive: an error, and no file. */
static void test_size_past_end(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.mode = S_IFREG | 0644), "ok", "1", 1);
	entry(&c, H(.mode = S_IFREG | 0644, FILESIZE(0xffffffff)), "huge", "abc", 3);
	trailer(&c);
	assert_string_equal(unpack(&c), "truncated archive");
	assert_non_null(lookup("ok"));
	assert_null(lookup("huge"));
	assert_no_leaks();
	free(c.buf);

	/* namesize past the end */
	fs_reset();
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644, NAMESIZE(4000)), "n", NULL, 0);
	assert_string_equal(unpack(&c), "truncated archive");
	assert_int_equal(nr_names, 0);
	assert_no_leaks();
	free(c.buf);
}

static void test_padding_and_junk(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.mode = S_IFREG | 0644), "a", NULL, 0);
	trailer(&c);
	put(&c, "\0", 1);
	put(&c, "0707", 4);		/* a header off the 4-byte grid */
	assert_string_equal(unpack(&c), "broken padding");
	free(c.buf);

	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644), "a", NULL, 0);
	trailer(&c);
	put(&c, "JUNK", 4);
	assert_string_equal(unpack(&c), "invalid magic at start of compressed archive");
	free(c.buf);

	/* an archive without TRAILER!!! */
	memset(&c, 0, sizeof(c));
	entry(&c, H(.mode = S_IFREG | 0644), "a", "1", 1);
	assert_string_equal(unpack(&c), "truncated archive");
	assert_non_null(lookup("a"));
	assert_no_leaks();
	free(c.buf);
}

/* What is in the way is replaced, as Linux's clean_path() does. */
static void test_replace(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.mode = S_IFDIR | 0755), "x", NULL, 0);
	entry(&c, H(.mode = S_IFREG | 0644), "x", "file", 4);
	entry(&c, H(.mode = S_IFREG | 0644), "y", "long contents", 13);
	entry(&c, H(.mode = S_IFREG | 0644), "y", "short", 5);
	trailer(&c);
	assert_null(unpack(&c));
	assert_true(S_ISREG(lookup("x")->mode));
	assert_int_equal(lookup("y")->size, 5);	/* O_TRUNC */
	assert_no_leaks();
	free(c.buf);
}

static void test_write_error(void **state)
{
	struct cpio c = { 0 };

	entry(&c, H(.mode = S_IFREG | 0644), "f", data1, sizeof(data1) - 1);
	trailer(&c);
	fail_writes = 1;
	assert_string_equal(unpack(&c), "write error");
	assert_no_leaks();
	free(c.buf);
}

/* Entry i lies wholly in [0, cut): it must exist; starting at or after cut: absent. */
static void check_prefix(const size_t *off, size_t cut, const char *const *paths)
{
	for (int i = 0; i < TREE_ENTRIES; i++) {
		if (off[i + 1] <= cut)
			assert_non_null(lookup(paths[i]));
		else if (off[i] >= cut && strcmp(paths[i], "etc") && strcmp(paths[i], "dev") &&
			 strcmp(paths[i], "tmp"))
			assert_null(lookup(paths[i]));
	}
}

static const char *const tree_paths[TREE_ENTRIES] = {
	"etc", "etc/hello", "etc/empty", "etc/rel", "abs", "tmp", "dev", "dev/console", "tmp/fifo",
};

/* The archive cut at every byte: an error, the whole entries before the cut, no leak. */
static void test_truncated_everywhere(void **state)
{
	struct cpio c = { 0 };
	size_t off[TREE_ENTRIES + 2];

	build_tree(&c, off);
	for (size_t cut = 0; cut < c.len; cut++) {
		char *copy = malloc(cut ? cut : 1);
		char *err;

		fs_reset();
		memcpy(copy, c.buf, cut);
		err = unpack_to_rootfs(copy, cut);
		if (cut == 0)
			assert_null(err);	/* nothing at all is no archive, no error */
		else
			assert_non_null(err);
		if (err)
			assert_string_equal(err, "truncated archive");
		check_prefix(off, cut, tree_paths);
		assert_no_leaks();
		free(copy);
	}
	free(c.buf);
}

/* Every byte garbled in turn: whatever the message, no crash and no leak. */
static void test_garbled_everywhere(void **state)
{
	struct cpio c = { 0 };
	size_t off[TREE_ENTRIES + 2];
	static const char garbage[] = { 'X', '\0', '7', 'f', '0' };

	build_tree(&c, off);
	for (size_t at = 0; at < c.len; at++) {
		for (size_t g = 0; g < sizeof(garbage); g++) {
			char *copy;

			if (c.buf[at] == garbage[g])
				continue;
			copy = malloc(c.len);
			memcpy(copy, c.buf, c.len);
			copy[at] = garbage[g];
			fs_reset();
			unpack_to_rootfs(copy, c.len);
			/* entries wholly before the damaged byte are there */
			for (int i = 0; i < TREE_ENTRIES; i++)
				if (off[i + 1] <= at)
					assert_non_null(lookup(tree_paths[i]));
			assert_no_leaks();
			free(copy);
		}
	}
	free(c.buf);
}

/* A header garbled in the middle: Linux's "no cpio magic", the entries before it. */
static void test_garbled_header(void **state)
{
	struct cpio c = { 0 };
	size_t off[TREE_ENTRIES + 2];

	build_tree(&c, off);
	memcpy(c.buf + off[4] + 1, "GARBL", 5);
	assert_string_equal(unpack(&c), "no cpio magic");
	check_prefix(off, off[4], tree_paths);
	assert_null(lookup("abs"));
	assert_no_leaks();
	free(c.buf);
}

static void test_populate_default_rootfs(void **state)
{
	struct finode *n;

	initrd_start = initrd_end = 0;
	populate_rootfs();
	n = lookup("dev");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFDIR | 0755);
	n = lookup("dev/console");
	assert_non_null(n);
	assert_int_equal(n->mode, S_IFCHR | 0600);
	assert_int_equal(n->rdev, new_encode_dev(MKDEV(5, 1)));
	assert_int_equal(lookup("root")->mode, S_IFDIR | 0700);
	assert_int_equal(lookup("tmp")->mode, S_IFDIR | 01777);
	assert_false(printk_log_contains("Trying to unpack"));
	assert_int_equal(freed_end, 0);
	assert_no_leaks();
}

static void test_populate_logs(void **state)
{
	struct cpio c = { 0 };
	size_t off[TREE_ENTRIES + 2];

	build_tree(&c, off);
	initrd_start = (unsigned long)c.buf;
	initrd_end = initrd_start + c.len;
	populate_rootfs();
	check_tree();
	assert_true(printk_log_contains("Trying to unpack rootfs image as initramfs...\n"));
	assert_true(printk_log_contains("Unpacked 9 files, 17 bytes"));
	assert_false(printk_log_contains("Initramfs unpacking failed"));
	assert_int_equal(freed_start, (unsigned long)c.buf);
	assert_int_equal(freed_end, (unsigned long)c.buf + c.len);
	assert_int_equal(initrd_start, 0);
	assert_null(lookup("root"));	/* default_rootfs() only without an initramfs */

	fs_reset();
	memcpy(c.buf + off[4] + 1, "GARBL", 5);
	initrd_start = (unsigned long)c.buf;
	initrd_end = initrd_start + c.len;
	populate_rootfs();
	assert_true(printk_log_contains("Initramfs unpacking failed: no cpio magic\n"));
	assert_true(printk_log_contains("Unpacked 4 files"));
	assert_int_equal(freed_end, (unsigned long)c.buf + c.len);
	assert_no_leaks();
	free(c.buf);
}

/* ---- the archive `make` builds, against its own manifest ------------------------------ */

#include <linux/crc32.h>

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, n, f), n);
	fclose(f);
	*len = n;
	return buf;
}

/*
 * Check the fake tree against the manifest unpacked with it; entries from
 * damage_index on must be absent, hard-link groups cut by the damage are
 * only checked for their mode. Returns the number of entries checked.
 */
static int check_manifest(const char *manifest, size_t mlen, long damage_index)
{
	char *text = strndup(manifest, mlen), *save = NULL, *line;
	unsigned int group_last[16] = { 0 };
	struct finode *group_inode[16] = { 0 };
	int checked = 0;

	/* the last index of each hard-link group, to tell the cut ones */
	char *copy = strdup(text);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long idx;
		char group[16];

		if (line[0] == '#')
			continue;
		assert_int_equal(sscanf(line, "%ld %*c %*o %*u %*x %*d %*s %15s", &idx, group), 2);
		if (group[0] == 'g')
			group_last[atoi(group + 1)] = idx;
	}
	free(copy);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long idx, mtime;
		char type, nlink[16], group[16], rdev[32], *path, *target;
		unsigned int mode, crc, maj = 0, min = 0;
		unsigned long size;
		int pos = 0;
		struct finode *n;

		if (line[0] == '#')
			continue;
		assert_int_equal(sscanf(line, "%ld %c %o %lu %x %ld %15s %15s %31s %n", &idx, &type,
					&mode, &size, &crc, &mtime, nlink, group, rdev, &pos), 9);
		path = line + pos;
		target = strchr(path, ' ');
		if (target)
			*target++ = '\0';
		n = lookup(path);
		if (damage_index >= 0 && idx >= damage_index) {
			if (n)
				fail_msg("%s: after the damage, yet present", path);
			continue;
		}
		if (!n)
			fail_msg("%s: missing", path);
		checked++;
		assert_int_equal(n->mode, mode);
		assert_int_equal(n->uid, 0);
		if (group[0] == 'g' && damage_index >= 0 && group_last[atoi(group + 1)] >= damage_index)
			continue;
		if (n->mtime != mtime)
			fail_msg("%s: mtime %lld, manifest %ld", path, (long long)n->mtime, mtime);
		if (strcmp(nlink, "-"))
			assert_int_equal(n->nlink, atoi(nlink));
		if (group[0] == 'g') {
			int g = atoi(group + 1);

			if (!group_inode[g])
				group_inode[g] = n;
			assert_ptr_equal(n, group_inode[g]);
		}
		if (type == 'f') {
			assert_int_equal(n->size, size);
			assert_int_equal(~crc32_le(~0U, n->data, n->size), crc);
		} else if (type == 'l') {
			assert_non_null(target);
			assert_string_equal(n->target, target);
			assert_int_equal(strlen(target), size);
			assert_int_equal(~crc32_le(~0U, target, size), crc);
		} else if (type == 'c') {
			assert_int_equal(sscanf(rdev, "%u:%u", &maj, &min), 2);
			assert_int_equal(n->rdev, new_encode_dev(MKDEV(maj, min)));
		}
	}
	free(text);
	return checked;
}

static long index_of(const char *manifest, size_t mlen, const char *path)
{
	char *text = strndup(manifest, mlen), *save = NULL, *line;
	long found = -1;

	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		long idx;
		int pos = 0;

		if (line[0] == '#')
			continue;
		sscanf(line, "%ld %*c %*o %*u %*x %*d %*s %*s %*s %n", &idx, &pos);
		if (!strncmp(line + pos, path, strlen(path)) &&
		    (line[pos + strlen(path)] == ' ' || !line[pos + strlen(path)]))
			found = idx;
	}
	free(text);
	return found;
}

/* build/initramfs*.cpio (make builds them before make test); skipped if absent. */
static void real_archive(const char *file, const char *damaged_at, const char *expect_err)
{
	size_t len, mlen;
	char *buf = slurp(file, &len), *err, *manifest;
	struct finode *m;
	long damage = -1;
	int checked;

	if (!buf) {
		print_message("# %s not built; run make initramfs\n", file);
		skip();
	}
	err = unpack_to_rootfs(buf, len);
	if (expect_err)
		assert_string_equal(err, expect_err);
	else
		assert_null(err);
	m = lookup("etc/initramfs.manifest");
	assert_non_null(m);
	manifest = m->data;
	mlen = m->size;
	if (damaged_at) {
		damage = index_of(manifest, mlen, damaged_at);
		assert_true(damage > 2);
	}
	checked = check_manifest(manifest, mlen, damage);
	assert_true(checked > 2);
	if (!damaged_at)
		assert_int_equal(checked, initramfs_stats.entries - 1);	/* all but the manifest */
	assert_no_leaks();
	free(buf);
}

/* lib/crc32.c: the check value of the CRC-32 catalogue, and pieces adding up */
static void test_crc32(void **state)
{
	assert_int_equal(~crc32_le(~0U, "123456789", 9), 0xcbf43926);
	assert_int_equal(crc32_le(~0U, "", 0), ~0U);
	assert_int_equal(crc32_le(crc32_le(~0U, "1234", 4), "56789", 5), crc32_le(~0U, "123456789", 9));
}

static void test_built_archive(void **state)
{
	real_archive("build/initramfs.cpio", NULL, NULL);
}

static void test_built_truncated(void **state)
{
	real_archive("build/initramfs-truncated.cpio", "test/sizes/size_307200", "truncated archive");
}

static void test_built_garbled(void **state)
{
	real_archive("build/initramfs-garbled.cpio", "test/hard/a", "no cpio magic");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_type, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hard_links_data_last, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hard_links_data_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concatenated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crc_format, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_magic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_size_past_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_padding_and_junk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_everywhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbled_everywhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbled_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_default_rootfs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_populate_logs, setup, teardown),
		cmocka_unit_test(test_crc32),
		cmocka_unit_test_setup_teardown(test_built_archive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_built_truncated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_built_garbled, setup, teardown),
	};

	return cmocka_run_group_tests_name("initramfs", tests, NULL, NULL);
}
