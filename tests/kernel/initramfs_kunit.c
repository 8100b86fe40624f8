// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs as the running kernel unpacked it (init/initramfs.c).
 *
 * initramfs.manifest: the default initramfs (scripts/mkinitramfs.py)
 * carries etc/initramfs.manifest, one line per entry in archive order with
 * its type, mode, size, CRC-32, mtime, nlink, hard-link group, rdev and
 * symlink target; every entry is checked against the tree under "/":
 * lstat-like init_stat(), the file's data read back through filp_open()
 * and kernel_read(), init_readlink(), and the same inode number for every
 * name of a hard-link group. The command line says what to expect:
 *   (nothing)                   the whole manifest, if there is one;
 *   initramfs_test=damaged:PATH a damaged archive: every entry before PATH
 *                               intact, PATH and everything after absent;
 *   initramfs_test=none         no initramfs: default_rootfs()'s /dev,
 *                               /dev/console, /root, /tmp, and no manifest.
 * initramfs_initrd_freed: the archive's pages left memblock's reservation
 * for the buddy (free_initrd_mem()), unless retain_initrd.
 * initramfs.unpack_*: unpack_to_rootfs() on small archives built here,
 * with absolute names below /initramfs-kunit: hard links, every entry
 * type, a truncated and a garbled archive, names too long or without
 * their NUL, concatenated archives and the "070702" checksum; everything is removed again
 * and the inode, dentry, open-file and NR_SHMEM page counts must be back
 * at their baseline.
 * Linux's counterpart of the second part is init/initramfs_test.c.
 */
#include <asm/bootparam.h>
#include <kunit/test.h>
#include <linux/cmdline.h>
#include <linux/crc32.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <linux/kdev_t.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>

#define MANIFEST "/etc/initramfs.manifest"

static char initramfs_test_param[256];

static int initramfs_test_setup(char *val)
{
	strscpy(initramfs_test_param, val ? val : "", sizeof(initramfs_test_param));
	return 1;
}
__setup("initramfs_test=", initramfs_test_setup);

/* ---- reading files --------------------------------------------------------------- */

/* The whole file in a kmalloc'd, NUL-terminated buffer, or an ERR_PTR. */
static char *read_whole(const char *path, loff_t *lenp)
{
	struct kstat st;
	struct file *f;
	loff_t pos = 0;
	char *buf;
	int err;

	err = init_stat(path, &st, 0);
	if (err)
		return ERR_PTR(err);
	buf = kmalloc(st.size + 1, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f)) {
		kfree(buf);
		return (char *)f;	/* an ERR_PTR */
	}
	while (pos < st.size) {
		ssize_t n = kernel_read(f, buf + pos, st.size - pos, &pos);

		if (n <= 0)
			break;
	}
	fput(f);
	buf[pos] = '\0';
	*lenp = pos;
	return buf;
}

/* CRC-32 (zlib's) of a file's data and its length, read in 4 KiB pieces. */
static int crc_file(const char *path, u32 *crcp, loff_t *lenp)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	char *buf = kmalloc(4096, GFP_KERNEL);
	loff_t pos = 0;
	u32 crc = ~0U;

	if (IS_ERR(f)) {
		kfree(buf);
		return PTR_ERR(f);
	}
	if (!buf) {
		fput(f);
		return -ENOMEM;
	}
	for (;;) {
		ssize_t n = kernel_read(f, buf, 4096, &pos);

		if (n < 0) {
			fput(f);
			kfree(buf);
			return n;
		}
		if (n == 0)
			break;
		crc = crc32_le(crc, buf, n);
	}
	fput(f);
	kfree(buf);
	*crcp = ~crc;
	*lenp = pos;
	return 0;
}

/* ---- the manifest ---------------------------------------------------------------- */

struct mentry {
	unsigned long index;
	char type;
	umode_t mode;
	unsigned long long size;
	u32 crc;
	long long mtime;
	long nlink;		/* -1: not checked (directories) */
	int group;		/* hard-link group, -1: none */
	unsigned int major, minor;
	char *path;		/* absolute: "/" + the archive's name */
	char *target;		/* symlinks */
};

#define MAX_GROUPS 16

static char *next_tok(char **s)
{
	char *t = *s;

	while (*t == ' ')
		t++;
	if (!*t)
		return NULL;
	*s = t;
	while (**s && **s != ' ')
		(*s)++;
	if (**s)
		*(*s)++ = '\0';
	return t;
}

static bool parse_ull(const char *s, unsigned int base, unsigned long long *v)
{
	unsigned long long r = 0;

	if (!s || !*s)
		return false;
	for (; *s; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else
			return false;
		if (d >= base)
			return false;
		r = r * base + d;
	}
	*v = r;
	return true;
}

/* One line into e (pointing into the line, which it cuts up). */
static bool parse_line(char *line, struct mentry *e, char *pathbuf)
{
	char *idx = next_tok(&line), *type = next_tok(&line), *mode = next_tok(&line);
	char *size = next_tok(&line), *crc = next_tok(&line), *mtime = next_tok(&line);
	char *nlink = next_tok(&line), *group = next_tok(&line), *rdev = next_tok(&line);
	char *path = next_tok(&line), *target = next_tok(&line);
	unsigned long long v;

	if (!path)
		return false;
	if (!parse_ull(idx, 10, &v))
		return false;
	e->index = v;
	e->type = type[0];
	if (!parse_ull(mode, 8, &v))
		return false;
	e->mode = v;
	if (!parse_ull(size, 10, &e->size) || !parse_ull(crc, 16, &v))
		return false;
	e->crc = v;
	if (!parse_ull(mtime, 10, &v))
		return false;
	e->mtime = v;
	e->nlink = -1;
	if (strcmp(nlink, "-")) {
		if (!parse_ull(nlink, 10, &v))
			return false;
		e->nlink = v;
	}
	e->group = -1;
	if (group[0] == 'g') {
		if (!parse_ull(group + 1, 10, &v) || v >= MAX_GROUPS)
			return false;
		e->group = v;
	}
	e->major = e->minor = 0;
	if (strcmp(rdev, "-")) {
		char *colon = strchr(rdev, ':');

		if (!colon)
			return false;
		*colon = '\0';
		if (!parse_ull(rdev, 10, &v))
			return false;
		e->major = v;
		if (!parse_ull(colon + 1, 10, &v))
			return false;
		e->minor = v;
	}
	pathbuf[0] = '/';
	strscpy(pathbuf + 1, path, PATH_MAX - 1);
	e->path = pathbuf;
	e->target = target;
	return (e->type != 'l') == !target;
}

struct manifest_state {
	struct kunit *test;
	int failures;		/* messages printed (capped) */
	unsigned long checked, absent;
	u64 group_ino[MAX_GROUPS];
	char *linkbuf;
};

#define CHECK(ms, e, cond, fmt, ...)                                                     \
	do {                                                                             \
		if (!(cond)) {                                                           \
			if ((ms)->failures++ < 20)                                       \
				kunit_fail((ms)->test, __FILE__, __LINE__, "%s: " fmt,   \
					   (e)->path, ##__VA_ARGS__);                     \
			else                                                             \
				(ms)->test->failed = true;                               \
		}                                                                        \
	} while (0)

/* lite: a hard-link group cut by the damage; only the name and mode are checked. */
static void check_entry(struct manifest_state *ms, struct mentry *e, bool lite)
{
	struct kstat st;
	int err = init_stat(e->path, &st, AT_SYMLINK_NOFOLLOW);
	bool linked = false;

	CHECK(ms, e, err == 0, "init_stat() = %d", err);
	if (err)
		return;
	ms->checked++;
	CHECK(ms, e, st.mode == e->mode, "mode %o, manifest %o", st.mode, e->mode);
	CHECK(ms, e, st.uid == 0 && st.gid == 0, "owner %u:%u", st.uid, st.gid);
	if (lite)
		return;
	CHECK(ms, e, st.mtime.tv_sec == e->mtime, "mtime %lld, manifest %lld",
	      (long long)st.mtime.tv_sec, e->mtime);
	if (e->nlink >= 0)
		CHECK(ms, e, st.nlink == e->nlink, "nlink %u, manifest %ld", st.nlink, e->nlink);
	if (e->group >= 0) {
		if (!ms->group_ino[e->group]) {
			ms->group_ino[e->group] = st.ino;
		} else {
			/* another name of an inode whose data was checked already */
			linked = true;
		}
		CHECK(ms, e, st.ino == ms->group_ino[e->group],
		      "inode %llu, not its hard-link group's %llu", (unsigned long long)st.ino,
		      (unsigned long long)ms->group_ino[e->group]);
	}
	switch (e->type) {
	case 'f': {
		u32 crc = 0;
		loff_t len = 0;

		CHECK(ms, e, st.size == (loff_t)e->size, "size %lld, manifest %llu",
		      (long long)st.size, e->size);
		if (linked && st.ino == ms->group_ino[e->group])
			break;	/* busybox's 270 names: its 2 MiB read once, not 270 times */
		err = crc_file(e->path, &crc, &len);
		CHECK(ms, e, err == 0, "reading it: %d", err);
		CHECK(ms, e, err || len == (loff_t)e->size, "read %lld bytes, manifest %llu",
		      (long long)len, e->size);
		CHECK(ms, e, err || crc == e->crc, "crc32 %08x, manifest %08x", crc, e->crc);
		break;
	}
	case 'l':
		err = init_readlink(e->path, ms->linkbuf, PATH_MAX);
		CHECK(ms, e, err == (int)e->size, "readlink() = %d, manifest %llu", err, e->size);
		if (err >= 0 && err < PATH_MAX) {
			ms->linkbuf[err] = '\0';
			CHECK(ms, e, !strcmp(ms->linkbuf, e->target), "-> \"%s\", manifest \"%s\"",
			      ms->linkbuf, e->target);
		}
		CHECK(ms, e, st.size == (loff_t)e->size, "size %lld, manifest %llu",
		      (long long)st.size, e->size);
		break;
	case 'c':
	case 'b':
		CHECK(ms, e, st.rdev == MKDEV(e->major, e->minor), "rdev %u:%u, manifest %u:%u",
		      MAJOR(st.rdev), MINOR(st.rdev), e->major, e->minor);
		break;
	default:
		break;
	}
}

/* The manifest's lines, in a kmalloc'd array; returns their number or -errno. */
static long load_manifest(char **textp, struct mentry **entriesp, char **pathsp)
{
	loff_t len;
	char *text = read_whole(MANIFEST, &len), *line, *p;
	struct mentry *entries;
	char *paths;
	long n = 0, lines = 0;

	if (IS_ERR(text))
		return PTR_ERR(text);
	for (p = text; *p; p++)
		lines += *p == '\n';
	entries = kmalloc(sizeof(*entries) * (lines + 1), GFP_KERNEL);
	/* every path gets PATH_MAX bytes: the manifest has ~130 lines */
	paths = kmalloc((size_t)PATH_MAX * (lines + 1), GFP_KERNEL);
	if (!entries || !paths) {
		kfree(entries);
		kfree(paths);
		kfree(text);
		return -ENOMEM;
	}
	for (p = text; p && *p; p = line) {
		line = strchr(p, '\n');
		if (line)
			*line++ = '\0';
		if (*p == '#' || !*p)
			continue;
		if (!parse_line(p, &entries[n], paths + (size_t)PATH_MAX * n)) {
			kfree(entries);
			kfree(paths);
			kfree(text);
			return -EINVAL;
		}
		n++;
	}
	*textp = text;
	*entriesp = entries;
	*pathsp = paths;
	return n;
}

static void initramfs_manifest(struct kunit *test)
{
	struct manifest_state ms = { .test = test };
	const char *damage = NULL;
	unsigned long damage_index = ~0UL;
	struct mentry *entries = NULL;
	char *text = NULL, *paths = NULL;
	long n;

	if (!strcmp(initramfs_test_param, "none"))
		kunit_skip(test, "initramfs_test=none: booted without an initramfs");
	if (!strncmp(initramfs_test_param, "damaged:", 8))
		damage = initramfs_test_param + 8;
	n = load_manifest(&text, &entries, &paths);
	if (n == -ENOENT && !damage && !initramfs_test_param[0])
		kunit_skip(test, "no " MANIFEST ": not the default initramfs");
	KUNIT_EXPECT_TRUE(test, n > 0);
	if (n <= 0) {
		printk(KERN_INFO "        # reading " MANIFEST ": %ld\n", n);
		return;
	}
	ms.linkbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, ms.linkbuf != NULL);
	if (!ms.linkbuf)
		goto out;
	if (damage) {
		for (long i = 0; i < n; i++)
			if (!strcmp(entries[i].path + 1, damage))
				damage_index = entries[i].index;
		KUNIT_EXPECT_TRUE(test, damage_index != ~0UL);
	}
	for (long i = 0; i < n; i++) {
		struct mentry *e = &entries[i];
		bool lite = false;

		if (e->index >= damage_index) {
			struct kstat st;
			int err = init_stat(e->path, &st, AT_SYMLINK_NOFOLLOW);

			CHECK(&ms, e, err == -ENOENT, "after the damage, yet init_stat() = %d", err);
			ms.absent++;
			continue;
		}
		/* a hard-link group cut by the damage has fewer names, and maybe no data */
		if (e->group >= 0 && damage)
			for (long j = 0; j < n; j++)
				if (entries[j].group == e->group && entries[j].index >= damage_index)
					lite = true;
		check_entry(&ms, e, lite);
	}
	if (damage)
		printk(KERN_INFO "        # initramfs manifest: %lu entries intact, %lu absent after the damage at %s\n",
		       ms.checked, ms.absent, damage);
	else
		printk(KERN_INFO "        # initramfs manifest: %lu of %ld entries intact\n", ms.checked, n);
	KUNIT_EXPECT_TRUE(test, ms.checked > 2);
	if (damage)
		KUNIT_EXPECT_TRUE(test, ms.absent > 0);
	else
		KUNIT_EXPECT_EQ(test, ms.checked, (unsigned long)n);
out:
	kfree(ms.linkbuf);
	kfree(entries);
	kfree(paths);
	kfree(text);
}

/* Without an initramfs: what default_rootfs() creates. */
static void initramfs_default_rootfs(struct kunit *test)
{
	struct kstat st;

	if (strcmp(initramfs_test_param, "none"))
		kunit_skip(test, "booted with an initramfs (initramfs_test=none tests its absence)");
	KUNIT_EXPECT_EQ(test, init_stat("/dev", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFDIR | 0755));
	KUNIT_EXPECT_EQ(test, init_stat("/dev/console", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFCHR | 0600));
	KUNIT_EXPECT_EQ(test, st.rdev, MKDEV(5, 1));
	KUNIT_EXPECT_EQ(test, init_stat("/root", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFDIR | 0700));
	KUNIT_EXPECT_EQ(test, init_stat("/tmp", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFDIR | 01777));
	KUNIT_EXPECT_EQ(test, init_stat(MANIFEST, &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
}

/*
 * free_initrd_mem() gave the archive's whole pages to the buddy: none is
 * PageReserved any more (they may be free or in use again by now).
 */
static void initramfs_initrd_freed(struct kunit *test)
{
	const struct boot_module *m = &boot_params.modules[0];
	unsigned long reserved = 0, pages = 0;

	if (!boot_params.nr_modules)
		kunit_skip(test, "no initrd");
	if (cmdline_find_option_bool(boot_command_line, "retain_initrd"))
		kunit_skip(test, "retain_initrd keeps it");
	KUNIT_EXPECT_EQ(test, initrd_start, 0UL);
	for (u64 pa = PAGE_ALIGN(m->start); pa + PAGE_SIZE <= m->end; pa += PAGE_SIZE) {
		pages++;
		reserved += PageReserved(pfn_to_page(pa >> PAGE_SHIFT));
	}
	KUNIT_EXPECT_GT(test, pages, 0UL);
	KUNIT_EXPECT_EQ(test, reserved, 0UL);
}

/* ---- unpack_to_rootfs() on archives built here --------------------------------- */

#define KDIR "/initramfs-kunit"

struct cpio_buf {
	char *buf;
	size_t len, cap;
};

static void cpio_put(struct cpio_buf *c, const void *p, size_t n)
{
	if (c->len + n > c->cap)
		return;		/* the callers size the buffer; a short archive fails the test */
	memcpy(c->buf + c->len, p, n);
	c->len += n;
}

static void cpio_pad(struct cpio_buf *c)
{
	while (c->len & 3)
		cpio_put(c, "", 1);
}

/* One entry in the given format ("070701" newc, "070702" crc); returns its offset. */
static size_t cpio_entry_fmt(struct cpio_buf *c, const char *magic, unsigned long ino,
			     umode_t mode, unsigned long nlink, unsigned long mtime,
			     unsigned int rmaj, unsigned int rmin, const char *name,
			     const void *body, size_t body_len, u32 check)
{
	char hdr[111];
	size_t at = c->len;

	snprintf(hdr, sizeof(hdr),
		 "%s%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX%08lX",
		 magic, ino, (unsigned long)mode, 0UL, 0UL, nlink, mtime, (unsigned long)body_len,
		 0UL, 0UL, (unsigned long)rmaj, (unsigned long)rmin,
		 (unsigned long)strlen(name) + 1, (unsigned long)check);
	cpio_put(c, hdr, 110);
	cpio_put(c, name, strlen(name) + 1);
	cpio_pad(c);
	cpio_put(c, body, body_len);
	cpio_pad(c);
	return at;
}

static size_t cpio_entry(struct cpio_buf *c, unsigned long ino, umode_t mode, unsigned long nlink,
			 unsigned long mtime, unsigned int rmaj, unsigned int rmin,
			 const char *name, const void *body, size_t body_len)
{
	return cpio_entry_fmt(c, "070701", ino, mode, nlink, mtime, rmaj, rmin, name, body,
			      body_len, 0);
}

/* The "070702" checksum: the sum of the data's bytes. */
static u32 byte_sum(const char *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += (unsigned char)*p++;
	return sum;
}

struct unpack_fixture {
	struct cpio_buf c;
	size_t off_link, off_sym;	/* where entries start, for the damage tests */
	long inodes, files, dentries;
	unsigned long shmem_pages;
};

static const char kdata[] = "data of a hard-linked file\n";

static bool build_archive(struct kunit *test, struct unpack_fixture *f)
{
	f->c.cap = 8192;
	f->c.len = 0;
	f->c.buf = kmalloc(f->c.cap, GFP_KERNEL);
	if (!f->c.buf)
		return false;
	cpio_entry(&f->c, 1, S_IFDIR | 0750, 2, 5000, 0, 0, KDIR, NULL, 0);
	cpio_entry(&f->c, 2, S_IFDIR | 0755, 2, 5001, 0, 0, KDIR "/d", NULL, 0);
	cpio_entry(&f->c, 3, S_IFREG | 0640, 3, 5002, 0, 0, KDIR "/a", NULL, 0);
	f->off_link = cpio_entry(&f->c, 3, S_IFREG | 0640, 3, 5002, 0, 0, KDIR "/d/b", NULL, 0);
	cpio_entry(&f->c, 3, S_IFREG | 0640, 3, 5002, 0, 0, KDIR "/c", kdata, sizeof(kdata) - 1);
	f->off_sym = cpio_entry(&f->c, 4, S_IFLNK | 0777, 1, 5003, 0, 0, KDIR "/sym", "d/b", 3);
	cpio_entry(&f->c, 5, S_IFCHR | 0600, 1, 5004, 1, 3, KDIR "/null", NULL, 0);
	cpio_entry(&f->c, 6, S_IFIFO | 0644, 1, 5005, 0, 0, KDIR "/fifo", NULL, 0);
	cpio_entry(&f->c, 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0);
	return f->c.len < f->c.cap;
}

static void remove_tree(void)
{
	static const char *const files[] = {
		KDIR "/a", KDIR "/d/b", KDIR "/c", KDIR "/sym", KDIR "/null", KDIR "/fifo",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(files); i++)
		init_unlink(files[i]);
	init_rmdir(KDIR "/d");
	init_rmdir(KDIR);
}

static void begin(struct unpack_fixture *f)
{
	remove_tree();
	f->inodes = get_nr_inodes();
	f->files = get_nr_files();
	f->dentries = get_nr_dentry();
	f->shmem_pages = global_node_page_state(NR_SHMEM);
}

/* Everything removed: the inodes, dentries, files and tmpfs pages unpacking made are gone. */
static void end(struct kunit *test, struct unpack_fixture *f)
{
	struct kstat st;

	remove_tree();
	KUNIT_EXPECT_EQ(test, init_stat(KDIR, &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	KUNIT_EXPECT_EQ(test, get_nr_files(), f->files);
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), f->inodes);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), f->dentries);
	KUNIT_EXPECT_EQ(test, global_node_page_state(NR_SHMEM), f->shmem_pages);
	kfree(f->c.buf);
}

static void initramfs_unpack_tree(struct kunit *test)
{
	struct unpack_fixture f;
	struct kstat a, b, c, st;
	loff_t len;
	char *data, link[16];

	KUNIT_ASSERT_TRUE(test, build_archive(test, &f));
	begin(&f);
	KUNIT_EXPECT_TRUE(test, unpack_to_rootfs(f.c.buf, f.c.len) == NULL);
	KUNIT_EXPECT_EQ(test, initramfs_stats.entries, 8UL);
	KUNIT_EXPECT_EQ(test, initramfs_stats.links, 2UL);
	/* the file's one page is in the page cache until end() removes it */
	KUNIT_EXPECT_EQ(test, global_node_page_state(NR_SHMEM), f.shmem_pages + 1);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/a", &a, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/d/b", &b, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &c, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, a.ino, b.ino);
	KUNIT_EXPECT_EQ(test, a.ino, c.ino);
	KUNIT_EXPECT_EQ(test, a.nlink, 3U);
	KUNIT_EXPECT_EQ(test, a.size, (loff_t)sizeof(kdata) - 1);
	KUNIT_EXPECT_EQ(test, a.mode, (umode_t)(S_IFREG | 0640));
	KUNIT_EXPECT_EQ(test, a.mtime.tv_sec, 5002);
	data = read_whole(KDIR "/d/b", &len);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(data));
	if (!IS_ERR(data)) {
		KUNIT_EXPECT_STREQ(test, data, kdata);
		kfree(data);
	}
	KUNIT_EXPECT_EQ(test, init_readlink(KDIR "/sym", link, sizeof(link)), 3);
	KUNIT_EXPECT_TRUE(test, !memcmp(link, "d/b", 3));
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/null", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFCHR | 0600));
	KUNIT_EXPECT_EQ(test, st.rdev, MKDEV(1, 3));
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/fifo", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISFIFO(st.mode));
	/* directory mtimes come last, after the entries inside them changed them */
	KUNIT_EXPECT_EQ(test, init_stat(KDIR, &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mtime.tv_sec, 5000);
	KUNIT_EXPECT_EQ(test, st.mode, (umode_t)(S_IFDIR | 0750));
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/d", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mtime.tv_sec, 5001);
	end(test, &f);
}

/* Cut inside the second link's header: the first names stay, nothing after. */
static void initramfs_unpack_truncated(struct kunit *test)
{
	struct unpack_fixture f;
	struct kstat st;
	char *err;

	KUNIT_ASSERT_TRUE(test, build_archive(test, &f));
	begin(&f);
	err = unpack_to_rootfs(f.c.buf, f.off_link + 50);
	KUNIT_EXPECT_STREQ(test, err, "truncated archive");
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/a", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/d/b", &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	/* cut inside the data of c: c is not created at all */
	remove_tree();
	err = unpack_to_rootfs(f.c.buf, f.off_sym - 6);
	KUNIT_EXPECT_STREQ(test, err, "truncated archive");
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/d/b", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	end(test, &f);
}

/* A bad magic in the symlink's header: Linux's "no cpio magic", the entries before it. */
static void initramfs_unpack_garbled(struct kunit *test)
{
	struct unpack_fixture f;
	struct kstat st;
	char *err;

	KUNIT_ASSERT_TRUE(test, build_archive(test, &f));
	begin(&f);
	memcpy(f.c.buf + f.off_sym + 1, "GARBL", 5);
	err = unpack_to_rootfs(f.c.buf, f.c.len);
	KUNIT_EXPECT_STREQ(test, err, "no cpio magic");
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.size, (loff_t)sizeof(kdata) - 1);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/sym", &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/null", &st, AT_SYMLINK_NOFOLLOW), -ENOENT);
	/* directory mtimes are applied even when the unpack fails */
	KUNIT_EXPECT_EQ(test, init_stat(KDIR, &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.mtime.tv_sec, 5000);
	end(test, &f);
}

/*
 * Names the VFS refuses (a component over NAME_MAX: -ENAMETOOLONG) are
 * skipped as Linux skips them; a name without its NUL or longer than
 * PATH_MAX stops the unpack with "malformed archive". No leak either way.
 */
static void initramfs_unpack_bad_names(struct kunit *test)
{
	struct unpack_fixture f;
	struct kstat st;
	size_t at;
	char *name, *err;

	f.c.cap = 16384;
	f.c.len = 0;
	f.c.buf = kmalloc(f.c.cap, GFP_KERNEL);
	name = kmalloc(PATH_MAX + 64, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, f.c.buf && name);
	begin(&f);
	cpio_entry(&f.c, 1, S_IFDIR | 0755, 2, 1, 0, 0, KDIR, NULL, 0);
	/* a component of NAME_MAX + 1 bytes */
	strscpy(name, KDIR "/", PATH_MAX);
	memset(name + strlen(name), 'x', NAME_MAX + 1);
	name[strlen(KDIR "/") + NAME_MAX + 1] = '\0';
	cpio_entry(&f.c, 2, S_IFREG | 0644, 1, 1, 0, 0, name, "data", 4);
	cpio_entry(&f.c, 3, S_IFREG | 0644, 1, 1, 0, 0, KDIR "/a", "after", 5);
	/* then a name without its NUL */
	at = cpio_entry(&f.c, 4, S_IFREG | 0644, 1, 1, 0, 0, KDIR "/c", "x", 1);
	f.c.buf[at + 110 + strlen(KDIR "/c")] = 'X';
	cpio_entry(&f.c, 5, S_IFREG | 0644, 1, 1, 0, 0, KDIR "/d/b", NULL, 0);
	cpio_entry(&f.c, 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0);
	KUNIT_ASSERT_TRUE(test, f.c.len < f.c.cap);
	err = unpack_to_rootfs(f.c.buf, f.c.len);
	KUNIT_EXPECT_STREQ(test, err, "malformed archive");
	KUNIT_EXPECT_EQ(test, init_stat(name, &st, 0), -ENAMETOOLONG);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/a", &st, 0), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &st, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/cX", &st, 0), -ENOENT);

	/* a name of PATH_MAX + 1 bytes with its NUL */
	remove_tree();
	f.c.len = 0;
	cpio_entry(&f.c, 1, S_IFDIR | 0755, 2, 1, 0, 0, KDIR, NULL, 0);
	strscpy(name, KDIR "/", PATH_MAX);
	memset(name + strlen(name), 'y', PATH_MAX);
	name[PATH_MAX] = '\0';
	cpio_entry(&f.c, 2, S_IFREG | 0644, 1, 1, 0, 0, name, "data", 4);
	cpio_entry(&f.c, 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0);
	KUNIT_ASSERT_TRUE(test, f.c.len < f.c.cap);
	err = unpack_to_rootfs(f.c.buf, f.c.len);
	KUNIT_EXPECT_STREQ(test, err, "malformed archive");
	KUNIT_EXPECT_EQ(test, init_stat(KDIR, &st, 0), 0);
	kfree(name);
	end(test, &f);
}

/*
 * Two archives with zero padding between them, the second in the "070702"
 * format: the same inode number in both is two files (the link hash ends
 * at TRAILER!!!); then a wrong checksum is Linux's "bad data checksum".
 */
static void initramfs_unpack_concatenated(struct kunit *test)
{
	static const char two[] = "second archive, crc format\n";
	struct unpack_fixture f;
	struct kstat a, b;
	loff_t len;
	char *data, *err;

	f.c.cap = 4096;
	f.c.len = 0;
	f.c.buf = kmalloc(f.c.cap, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, f.c.buf != NULL);
	begin(&f);
	cpio_entry(&f.c, 1, S_IFDIR | 0755, 2, 1, 0, 0, KDIR, NULL, 0);
	cpio_entry(&f.c, 7, S_IFREG | 0644, 2, 1, 0, 0, KDIR "/a", "1", 1);
	cpio_entry(&f.c, 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0);
	for (int i = 0; i < 512; i++)
		cpio_put(&f.c, "", 1);
	cpio_entry_fmt(&f.c, "070702", 7, S_IFREG | 0600, 2, 1, 0, 0, KDIR "/c", two,
		       sizeof(two) - 1, byte_sum(two, sizeof(two) - 1));
	cpio_entry_fmt(&f.c, "070702", 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0, 0);
	KUNIT_ASSERT_TRUE(test, f.c.len < f.c.cap);
	KUNIT_EXPECT_TRUE(test, unpack_to_rootfs(f.c.buf, f.c.len) == NULL);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/a", &a, 0), 0);
	KUNIT_EXPECT_EQ(test, init_stat(KDIR "/c", &b, 0), 0);
	KUNIT_EXPECT_NE(test, a.ino, b.ino);
	KUNIT_EXPECT_EQ(test, a.nlink, 1U);
	KUNIT_EXPECT_EQ(test, b.nlink, 1U);
	KUNIT_EXPECT_EQ(test, b.mode, (umode_t)(S_IFREG | 0600));
	data = read_whole(KDIR "/c", &len);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(data));
	if (!IS_ERR(data)) {
		KUNIT_EXPECT_STREQ(test, data, two);
		kfree(data);
	}

	remove_tree();
	f.c.len = 0;
	cpio_entry(&f.c, 1, S_IFDIR | 0755, 2, 1, 0, 0, KDIR, NULL, 0);
	cpio_entry_fmt(&f.c, "070702", 2, S_IFREG | 0644, 1, 1, 0, 0, KDIR "/a", two,
		       sizeof(two) - 1, byte_sum(two, sizeof(two) - 1) + 1);
	cpio_entry(&f.c, 0, 0, 1, 0, 0, 0, "TRAILER!!!", NULL, 0);
	err = unpack_to_rootfs(f.c.buf, f.c.len);
	KUNIT_EXPECT_STREQ(test, err, "bad data checksum");
	end(test, &f);
}

static struct kunit_case initramfs_cases[] = {
	KUNIT_CASE(initramfs_manifest),
	KUNIT_CASE(initramfs_default_rootfs),
	KUNIT_CASE(initramfs_initrd_freed),
	KUNIT_CASE(initramfs_unpack_tree),
	KUNIT_CASE(initramfs_unpack_truncated),
	KUNIT_CASE(initramfs_unpack_garbled),
	KUNIT_CASE(initramfs_unpack_bad_names),
	KUNIT_CASE(initramfs_unpack_concatenated),
	{}
};

static struct kunit_suite initramfs_suite = {
	.name = "initramfs",
	.test_cases = initramfs_cases,
};
kunit_test_suite(initramfs_suite);
