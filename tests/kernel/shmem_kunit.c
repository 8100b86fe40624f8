// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache and shmem/tmpfs on the running kernel (mm/filemap.c,
 * mm/truncate.c, mm/shmem.c). Linux tests these with xfstests and the
 * tmpfs selftests from user space; these are in-kernel KUnit cases that
 * drive the same paths through the VFS's kernel API (filp_open,
 * kernel_read/kernel_write, vfs_llseek, vfs_fallocate, vfs_truncate, the
 * init_* calls) and, for SGP_* and folio references, directly.
 *
 * Suite "filemap": filemap_add_folio/filemap_get_folio/filemap_remove_folio
 * on a bare address_space, reference counts, truncate_inode_pages_range's
 * partial zeroing, the NR_FILE_PAGES counter.
 * Suite "shmem": every case the issue lists — write/read round trips at
 * odd offsets and sizes; holes read as zeros and allocate nothing;
 * truncate down and up; fallocate and punch hole; SEEK_DATA/SEEK_HOLE;
 * -ENOSPC at size= and nr_inodes= (a tmpfs mounted at /shmem_kunit for
 * the case and unmounted after); mount options; unlink while open; a folio
 * outliving its removal from the cache; rename over an existing file;
 * thousands of files in nested directories with every page back in the
 * buddy afterwards; shmem_file_setup files; SGP_* semantics; symlinks; and the
 * page-cache map of a file printed with filemap_show_pages() (how to
 * watch a tmpfs file's cache). shmem_perf (boot option shmem_kunit.perf,
 * run with 256M or more) prints the write and read rate of a 64 MiB file.
 * Suites "shmem.smp" (writers on different CPUs, reads racing truncation,
 * per-CPU models on regions of one file; skipped on one CPU) and
 * "shmem.model" (a seeded random sequence of write/truncate/punch/
 * fallocate/read against a flat-buffer model; the seed is printed, boot
 * with shmem_kunit.seed=N to replay it) are in shmem_smp_kunit.c.
 */
#include "shmem_test.h"
#include "kunit_pages.h"

unsigned long seed_param;
bool seed_given;
static bool perf_requested;

static int shmem_kunit_seed_setup(char *val)
{
	unsigned long long v;

	if (val && !kstrtoull(val, 0, &v)) {
		seed_param = v;
		seed_given = true;
	}
	return 1;
}
__setup("shmem_kunit.seed=", shmem_kunit_seed_setup);

static int shmem_kunit_perf_setup(char *val)
{
	perf_requested = true;
	return 1;
}
__setup("shmem_kunit.perf", shmem_kunit_perf_setup);

/* ---- helpers ---------------------------------------------------------------------- */

/*
 * shrunk_free_pages() (kunit_pages.h), once two readings a millisecond
 * apart agree: a kthread of an earlier case that has just exited may
 * still be giving its stack back.
 */
static unsigned long settled_free_pages(void)
{
	unsigned long a = shrunk_free_pages(), b;

	for (int tries = 0; tries < 20; tries++, a = b) {
		msleep(1);
		b = shrunk_free_pages();
		if (a == b)
			break;
	}
	return a;
}

static unsigned long nr_shmem(void)
{
	return global_node_page_state(NR_SHMEM);
}

static unsigned long nr_file(void)
{
	return global_node_page_state(NR_FILE_PAGES);
}

/* Mount a tmpfs with these options at MNT (made if need be). */
int test_mount(const char *opts)
{
	int err = init_mkdir(MNT, 0755);

	if (err && err != -EEXIST)
		return err;
	return init_mount("tmpfs", MNT, "tmpfs", 0, (void *)opts);
}

void test_umount(struct kunit *test)
{
	int err = init_umount(MNT, 0);

	KUNIT_EXPECT_EQ(test, err, 0);
	init_rmdir(MNT);
}

struct file *open_file(const char *path, int flags)
{
	return filp_open(path, flags, 0644);
}

/* creat(2) and close (init_mknod refuses S_IFREG, as Linux's does). */
static int create_file(const char *path)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

struct address_space *file_mapping(struct file *f)
{
	return file_inode(f)->i_mapping;
}

ssize_t pwrite(struct file *f, const void *buf, size_t len, loff_t pos)
{
	return kernel_write(f, buf, len, &pos);
}

ssize_t pread(struct file *f, void *buf, size_t len, loff_t pos)
{
	return kernel_read(f, buf, len, &pos);
}

long ftruncate(struct file *f, loff_t len)
{
	return vfs_truncate(&f->f_path, len);
}

bool all_bytes(const unsigned char *p, size_t len, unsigned char c)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != c)
			return false;
	return true;
}

loff_t file_size(struct file *f)
{
	return i_size_read(file_inode(f));
}

/* xorshift64*, so a seed replays exactly. */
u64 rnd_state;

u64 rnd(void)
{
	u64 x = rnd_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rnd_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

unsigned long rnd_below(unsigned long n)
{
	return n ? rnd() % n : 0;
}

/* ---- suite "filemap": the page-cache calls on a bare mapping ---------------------- */

static void init_test_mapping(struct address_space *mapping)
{
	memset(mapping, 0, sizeof(*mapping));
	xa_init(&mapping->i_pages);
	mapping->gfp_mask = GFP_KERNEL;
}

static void filemap_add_get_remove(struct kunit *test)
{
	struct address_space mapping;
	struct folio *folio, *found;
	unsigned long files = nr_file();

	init_test_mapping(&mapping);
	found = filemap_get_folio(&mapping, 7);
	KUNIT_EXPECT_TRUE(test, IS_ERR(found) && PTR_ERR(found) == -ENOENT);

	folio = folio_alloc(GFP_KERNEL, 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	__folio_set_locked(folio);
	KUNIT_EXPECT_EQ(test, filemap_add_folio(&mapping, folio, 7, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 2);	/* ours + the cache's */
	KUNIT_EXPECT_TRUE(test, folio->mapping == &mapping);
	KUNIT_EXPECT_EQ(test, folio->index, 7);
	KUNIT_EXPECT_EQ(test, mapping.nrpages, 1);
	KUNIT_EXPECT_EQ(test, nr_file(), files + 1);

	/* A second folio at the same index: -EEXIST, nothing changed. */
	{
		struct folio *other = folio_alloc(GFP_KERNEL, 0);

		KUNIT_ASSERT_TRUE(test, other != NULL);
		__folio_set_locked(other);
		KUNIT_EXPECT_EQ(test, filemap_add_folio(&mapping, other, 7, GFP_KERNEL), -EEXIST);
		KUNIT_EXPECT_TRUE(test, other->mapping == NULL);
		KUNIT_EXPECT_EQ(test, folio_ref_count(other), 1);
		folio_unlock(other);
		folio_put(other);
	}
	folio_unlock(folio);

	found = filemap_get_folio(&mapping, 7);
	KUNIT_EXPECT_TRUE(test, found == folio);
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 3);
	folio_put(found);
	KUNIT_EXPECT_TRUE(test, IS_ERR(filemap_get_folio(&mapping, 6)));
	KUNIT_EXPECT_TRUE(test, IS_ERR(filemap_get_folio(&mapping, 8)));

	found = filemap_lock_folio(&mapping, 7);
	KUNIT_EXPECT_TRUE(test, found == folio);
	KUNIT_EXPECT_TRUE(test, folio_test_locked(folio));
	filemap_remove_folio(folio);
	folio_unlock(folio);
	folio_put(found);
	KUNIT_EXPECT_EQ(test, mapping.nrpages, 0);
	KUNIT_EXPECT_TRUE(test, folio->mapping == NULL);
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 1);	/* only ours is left */
	KUNIT_EXPECT_TRUE(test, xa_empty(&mapping.i_pages));
	KUNIT_EXPECT_EQ(test, nr_file(), files);
	folio_put(folio);
}

/* FGP_CREAT allocates; truncate_inode_pages_range() drops whole pages and zeroes partial ones. */
static void filemap_truncate_range(struct kunit *test)
{
	struct address_space mapping;
	unsigned long base = settled_free_pages();

	init_test_mapping(&mapping);
	for (pgoff_t i = 0; i < 6; i++) {
		struct folio *folio = __filemap_get_folio(&mapping, i, FGP_LOCK | FGP_CREAT,
							  GFP_KERNEL);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(folio));
		memset(folio_address(folio), 'a' + i, PAGE_SIZE);
		folio_mark_uptodate(folio);
		folio_unlock(folio);
		folio_put(folio);
	}
	KUNIT_EXPECT_EQ(test, mapping.nrpages, 6);

	/* Bytes [100, 3*4096+50]: page 0 partly, 1 and 2 whole, 3 partly. */
	truncate_inode_pages_range(&mapping, 100, 3 * PAGE_SIZE + 50);
	KUNIT_EXPECT_EQ(test, mapping.nrpages, 4);
	KUNIT_EXPECT_TRUE(test, IS_ERR(filemap_get_folio(&mapping, 1)));
	KUNIT_EXPECT_TRUE(test, IS_ERR(filemap_get_folio(&mapping, 2)));
	{
		struct folio *f0 = filemap_get_folio(&mapping, 0);
		struct folio *f3 = filemap_get_folio(&mapping, 3);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(f0) && !IS_ERR(f3));
		KUNIT_EXPECT_TRUE(test, all_bytes(folio_address(f0), 100, 'a'));
		KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)folio_address(f0) + 100, PAGE_SIZE - 100, 0));
		KUNIT_EXPECT_TRUE(test, all_bytes(folio_address(f3), 51, 0));
		KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)folio_address(f3) + 51, PAGE_SIZE - 51, 'd'));
		folio_put(f0);
		folio_put(f3);
	}
	/* Inside one page: only that range is zeroed. */
	truncate_inode_pages_range(&mapping, 5 * PAGE_SIZE + 10, 5 * PAGE_SIZE + 19);
	{
		struct folio *f5 = filemap_get_folio(&mapping, 5);
		u8 *p;

		KUNIT_ASSERT_TRUE(test, !IS_ERR(f5));
		p = folio_address(f5);
		KUNIT_EXPECT_TRUE(test, all_bytes(p, 10, 'f') && all_bytes(p + 10, 10, 0) &&
				  all_bytes(p + 20, PAGE_SIZE - 20, 'f'));
		folio_put(f5);
	}
	truncate_inode_pages_final(&mapping);
	KUNIT_EXPECT_EQ(test, mapping.nrpages, 0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&mapping.i_pages));
	KUNIT_EXPECT_EQ(test, settled_free_pages(), base);
}

static struct kunit_case filemap_cases[] = {
	KUNIT_CASE(filemap_add_get_remove),
	KUNIT_CASE(filemap_truncate_range),
	{}
};

static struct kunit_suite filemap_suite = {
	.name = "filemap",
	.test_cases = filemap_cases,
};
kunit_test_suite(filemap_suite);

/* ---- suite "shmem" ---------------------------------------------------------------- */

/* Writes at odd offsets and sizes, across page boundaries, read back against a model. */
static void shmem_rw_odd_offsets(struct kunit *test)
{
	static const struct { loff_t pos; size_t len; } w[] = {
		{ 4095, 1 }, { 3000, 5000 }, { 12289, 3 }, { 1, 4094 }, { 8191, 8194 },
		{ 0, 1 }, { 20000, 777 },
	};
	size_t max = 20777 + 10;
	u8 *model = kzalloc(max, GFP_KERNEL), *buf = kmalloc(max, GFP_KERNEL);
	struct file *f = shmem_file_setup("odd", 0, 0);
	loff_t size = 0;

	KUNIT_ASSERT_TRUE(test, model && buf && !IS_ERR(f));
	for (size_t i = 0; i < ARRAY_SIZE(w); i++) {
		for (size_t j = 0; j < w[i].len; j++)
			buf[j] = model[w[i].pos + j] = (u8)(i * 37 + j + 1);
		KUNIT_EXPECT_EQ(test, pwrite(f, buf, w[i].len, w[i].pos), w[i].len);
		size = max(size, w[i].pos + (loff_t)w[i].len);
		KUNIT_EXPECT_EQ(test, file_size(f), size);
	}
	/* Whole file, then odd pieces, then past EOF. */
	memset(buf, 0xee, max);
	KUNIT_EXPECT_EQ(test, pread(f, buf, max, 0), size);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, model, size));
	for (loff_t pos = 0; pos < size; pos += 1237) {
		size_t len = min((size_t)(size - pos), (size_t)2999);

		KUNIT_EXPECT_EQ(test, pread(f, buf, 2999, pos), len);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, model + pos, len));
	}
	KUNIT_EXPECT_EQ(test, pread(f, buf, 10, size), 0);
	KUNIT_EXPECT_EQ(test, pread(f, buf, 10, size + 5000), 0);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, DIV_ROUND_UP(size, PAGE_SIZE));
	fput(f);

	/* Positions: each write and read moves *pos by what it did. */
	f = shmem_file_setup("pos", 0, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	{
		loff_t pos = 0;

		for (size_t j = 0; j < 8000; j++)
			model[j] = (u8)(j * 7);
		KUNIT_EXPECT_EQ(test, kernel_write(f, model, 5000, &pos), 5000);
		KUNIT_EXPECT_EQ(test, pos, 5000);
		KUNIT_EXPECT_EQ(test, kernel_write(f, model + 5000, 3000, &pos), 3000);
		KUNIT_EXPECT_EQ(test, pos, 8000);
		pos = 10;
		KUNIT_EXPECT_EQ(test, kernel_read(f, buf, 4500, &pos), 4500);
		KUNIT_EXPECT_EQ(test, pos, 4510);
		KUNIT_EXPECT_EQ(test, kernel_read(f, buf + 4500, 9000, &pos), 8000 - 4510);
		KUNIT_EXPECT_EQ(test, pos, 8000);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, model + 10, 7990));
	}
	fput(f);
	kfree(model);
	kfree(buf);
}

/* A sparse file reads as zeros and gains no page from being read. */
static void shmem_holes_read_zero_no_alloc(struct kunit *test)
{
	size_t len = 256 * 1024;
	u8 *buf = kmalloc(len, GFP_KERNEL);
	struct file *f;
	unsigned long free_before, shmem_before;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	f = shmem_file_setup("holes", 1 << 20, 0);	/* 1 MiB, all hole */
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	shmem_before = nr_shmem();
	free_before = settled_free_pages();
	for (loff_t pos = 0; pos < (1 << 20); pos += len) {
		memset(buf, 0x5a, len);
		KUNIT_EXPECT_EQ(test, pread(f, buf, len, pos), len);
		KUNIT_EXPECT_TRUE(test, all_bytes(buf, len, 0));
	}
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 0);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);

	/* One written page in the middle: exactly one page, the rest still zeros. */
	KUNIT_EXPECT_EQ(test, pwrite(f, "x", 1, 512 * 1024 + 7), 1);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 1);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 1);
	KUNIT_EXPECT_EQ(test, pread(f, buf, len, 384 * 1024), len);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 128 * 1024 + 7, 0) && buf[128 * 1024 + 7] == 'x' &&
			  all_bytes(buf + 128 * 1024 + 8, len - 128 * 1024 - 8, 0));
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 1);
	KUNIT_EXPECT_EQ(test, file_size(f), 1 << 20);
	fput(f);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	kfree(buf);
}

static void shmem_truncate_down_up(struct kunit *test)
{
	u8 *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	struct file *f = shmem_file_setup("trunc", 0, 0);
	struct kstat st;

	KUNIT_ASSERT_TRUE(test, buf && !IS_ERR(f));
	memset(buf, 0xaa, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 3 * PAGE_SIZE, 0), 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 3);
	KUNIT_EXPECT_EQ(test, vfs_getattr(&f->f_path, &st, STATX_BASIC_STATS, 0), 0);
	KUNIT_EXPECT_EQ(test, st.blocks, 3 * PAGE_SIZE / 512);

	/* Down to 5000: page 2 goes, page 1 keeps [4096, 5000) and is zeroed after. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 5000), 0);
	KUNIT_EXPECT_EQ(test, file_size(f), 5000);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 2);
	KUNIT_EXPECT_EQ(test, vfs_getattr(&f->f_path, &st, STATX_BASIC_STATS, 0), 0);
	KUNIT_EXPECT_EQ(test, st.blocks, 2 * PAGE_SIZE / 512);
	KUNIT_EXPECT_EQ(test, st.size, 5000);

	/* Up to 3 pages: sparse, the old tail reads as zeros. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 3 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 2);
	memset(buf, 0x11, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pread(f, buf, 3 * PAGE_SIZE, 0), 3 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 5000, 0xaa));
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + 5000, 3 * PAGE_SIZE - 5000, 0));

	/* To 0 and to the same size: no pages, no change. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 0), 0);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 0);
	KUNIT_EXPECT_EQ(test, ftruncate(f, 0), 0);
	KUNIT_EXPECT_EQ(test, vfs_getattr(&f->f_path, &st, STATX_BASIC_STATS, 0), 0);
	KUNIT_EXPECT_EQ(test, st.blocks, 0);
	KUNIT_EXPECT_EQ(test, ftruncate(f, -1), -EINVAL);
	fput(f);
	kfree(buf);
}

static void shmem_fallocate_punch(struct kunit *test)
{
	u8 *buf = kmalloc(4 * PAGE_SIZE, GFP_KERNEL);
	struct file *f = shmem_file_setup("falloc", 0, 0);
	struct address_space *m;

	KUNIT_ASSERT_TRUE(test, buf && !IS_ERR(f));
	m = file_mapping(f);
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, 0, 0, 4 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, m->nrpages, 4);
	KUNIT_EXPECT_EQ(test, file_size(f), 4 * PAGE_SIZE);
	memset(buf, 0x33, 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pread(f, buf, 4 * PAGE_SIZE, 0), 4 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 4 * PAGE_SIZE, 0));
	/* Fallocated but never written: a hole to SEEK_DATA (as Linux's tmpfs). */
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), -ENXIO);

	memset(buf, 0x77, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 10, PAGE_SIZE + 100), 10);
	KUNIT_EXPECT_EQ(test, m->nrpages, 4);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pread(f, buf, PAGE_SIZE, PAGE_SIZE), PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 100, 0) && all_bytes(buf + 100, 10, 0x77) &&
			  all_bytes(buf + 110, PAGE_SIZE - 110, 0));

	/* Punch page 2 whole and [PAGE_SIZE+102, PAGE_SIZE+105] inside page 1. */
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    2 * PAGE_SIZE, PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, m->nrpages, 3);
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    PAGE_SIZE + 102, 4), 0);
	KUNIT_EXPECT_EQ(test, m->nrpages, 3);
	KUNIT_EXPECT_EQ(test, file_size(f), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pread(f, buf, 4 * PAGE_SIZE, 0), 4 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + PAGE_SIZE + 100, 2, 0x77) &&
			  all_bytes(buf + PAGE_SIZE + 102, 4, 0) &&
			  all_bytes(buf + PAGE_SIZE + 106, 4, 0x77) &&
			  all_bytes(buf + 2 * PAGE_SIZE, 2 * PAGE_SIZE, 0));

	/* KEEP_SIZE past EOF allocates but leaves i_size. */
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_KEEP_SIZE, 8 * PAGE_SIZE, 1), 0);
	KUNIT_EXPECT_EQ(test, file_size(f), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, m->nrpages, 4);
	/* A truncate that does not grow the file drops such pages (Linux's shmem_setattr). */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 4 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, m->nrpages, 3);
	/* Linux's tmpfs refuses other modes (here: FALLOC_FL_ZERO_RANGE, 0x10). */
	KUNIT_EXPECT_EQ(test, f->f_op->fallocate(f, 0x10, 0, PAGE_SIZE), -EOPNOTSUPP);
	/* Extending without KEEP_SIZE: i_size grows to offset + len. */
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, 0, 5 * PAGE_SIZE, 123), 0);
	KUNIT_EXPECT_EQ(test, file_size(f), 5 * PAGE_SIZE + 123);
	fput(f);
	kfree(buf);
}

static void shmem_seek_data_hole(struct kunit *test)
{
	struct file *f = shmem_file_setup("seek", 0, 0);
	loff_t size = 5 * PAGE_SIZE + 10;

	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	/* Data in pages 0 and 3, holes in 1-2 and 4-5; i_size inside page 5. */
	KUNIT_EXPECT_EQ(test, pwrite(f, "a", 1, 0), 1);
	KUNIT_EXPECT_EQ(test, pwrite(f, "b", 1, 3 * PAGE_SIZE + 5), 1);
	KUNIT_EXPECT_EQ(test, ftruncate(f, size), 0);

	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_DATA), 0);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 100, SEEK_DATA), 100);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_HOLE), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, PAGE_SIZE, SEEK_DATA), 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, PAGE_SIZE + 1, SEEK_HOLE), PAGE_SIZE + 1);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 3 * PAGE_SIZE + 7, SEEK_HOLE), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4 * PAGE_SIZE, SEEK_DATA), -ENXIO);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 4 * PAGE_SIZE, SEEK_HOLE), 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, size, SEEK_DATA), -ENXIO);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, size, SEEK_HOLE), -ENXIO);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, -1, SEEK_DATA), -ENXIO);
	KUNIT_EXPECT_EQ(test, f->f_pos, 4 * PAGE_SIZE);	/* the last successful seek */
	/* A file that is all data: the hole is at EOF. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 10), 0);
	KUNIT_EXPECT_EQ(test, vfs_llseek(f, 0, SEEK_HOLE), 10);
	fput(f);
}

/* -ENOSPC at size=: writes stop at the limit, statfs agrees, fallocate rolls back. */
static void shmem_enospc_size(struct kunit *test)
{
	u8 *buf = kzalloc(80 * 1024, GFP_KERNEL);
	struct file *f, *g;
	struct kstatfs sfs;
	int err;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	err = test_mount("size=64k");
	KUNIT_ASSERT_EQ(test, err, 0);
	f = open_file(MNT "/a", O_RDWR | O_CREAT);
	g = open_file(MNT "/b", O_RDWR | O_CREAT);
	if (IS_ERR(f) || IS_ERR(g)) {
		kunit_fail(test, __FILE__, __LINE__, "open: %ld %ld", PTR_ERR(f), PTR_ERR(g));
		goto out;
	}
	memset(&sfs, 0, sizeof(sfs));
	KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
	KUNIT_EXPECT_EQ(test, sfs.f_type, TMPFS_MAGIC);
	KUNIT_EXPECT_EQ(test, sfs.f_blocks, 16);
	KUNIT_EXPECT_EQ(test, sfs.f_bfree, 16);

	/* 80 KiB into a 64 KiB tmpfs: a short write of 64 KiB, then -ENOSPC. */
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 80 * 1024, 0), 64 * 1024);
	KUNIT_EXPECT_EQ(test, file_size(f), 64 * 1024);
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 1, 64 * 1024), -ENOSPC);
	KUNIT_EXPECT_EQ(test, pwrite(g, buf, 1, 0), -ENOSPC);
	KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
	KUNIT_EXPECT_EQ(test, sfs.f_bfree, 0);
	/* Rewriting pages that exist needs no new block. */
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 4096, 4096), 4096);

	/* Free 4 pages; a 6-page fallocate fails and gives back what it took. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 48 * 1024), 0);
	KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
	KUNIT_EXPECT_EQ(test, sfs.f_bfree, 4);
	KUNIT_EXPECT_EQ(test, vfs_fallocate(g, 0, 0, 6 * PAGE_SIZE), -ENOSPC);
	KUNIT_EXPECT_EQ(test, file_mapping(g)->nrpages, 0);
	KUNIT_EXPECT_EQ(test, file_size(g), 0);
	KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
	KUNIT_EXPECT_EQ(test, sfs.f_bfree, 4);
	/* More than the whole mount: refused up front. */
	KUNIT_EXPECT_EQ(test, vfs_fallocate(g, 0, 0, 1 << 20), -ENOSPC);
	KUNIT_EXPECT_EQ(test, vfs_fallocate(g, 0, 0, 4 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
	KUNIT_EXPECT_EQ(test, sfs.f_bfree, 0);
out:
	if (!IS_ERR(f))
		fput(f);
	if (!IS_ERR(g))
		fput(g);
	init_unlink(MNT "/a");
	init_unlink(MNT "/b");
	test_umount(test);
	kfree(buf);
}

/* -ENOSPC at nr_inodes=: the root takes one, each file and extra hard link one. */
static void shmem_enospc_inodes(struct kunit *test)
{
	char path[64];
	struct kstatfs sfs;
	struct file *f;
	int err;

	err = test_mount("nr_inodes=6");
	KUNIT_ASSERT_EQ(test, err, 0);
	for (int i = 0; i < 5; i++) {
		scnprintf(path, sizeof(path), MNT "/f%d", i);
		KUNIT_EXPECT_EQ(test, create_file(path), 0);
	}
	KUNIT_EXPECT_EQ(test, create_file(MNT "/f5"), -ENOSPC);
	KUNIT_EXPECT_EQ(test, init_mkdir(MNT "/d", 0755), -ENOSPC);
	KUNIT_EXPECT_EQ(test, init_symlink("f0", MNT "/s"), -ENOSPC);
	KUNIT_EXPECT_EQ(test, init_link(MNT "/f0", MNT "/l"), -ENOSPC);
	f = open_file(MNT "/f6", O_RDWR | O_CREAT);
	KUNIT_EXPECT_TRUE(test, IS_ERR(f) && PTR_ERR(f) == -ENOSPC);
	if (!IS_ERR(f))
		fput(f);
	f = open_file(MNT "/f0", O_RDONLY);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (!IS_ERR(f)) {
		KUNIT_EXPECT_EQ(test, vfs_statfs(&f->f_path, &sfs), 0);
		KUNIT_EXPECT_EQ(test, sfs.f_files, 6);
		KUNIT_EXPECT_EQ(test, sfs.f_ffree, 0);
		fput(f);
	}
	/* Free one: a hard link now fits, and uses it up again. */
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/f4"), 0);
	KUNIT_EXPECT_EQ(test, init_link(MNT "/f0", MNT "/l"), 0);
	KUNIT_EXPECT_EQ(test, create_file(MNT "/f4"), -ENOSPC);
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/l"), 0);
	KUNIT_EXPECT_EQ(test, create_file(MNT "/f4"), 0);
	for (int i = 0; i < 5; i++) {
		scnprintf(path, sizeof(path), MNT "/f%d", i);
		KUNIT_EXPECT_EQ(test, init_unlink(path), 0);
	}
	test_umount(test);
}

static struct shmem_sb_info *mnt_sbinfo(struct kunit *test, struct file **fp)
{
	struct file *f = filp_open(MNT, O_RDONLY | O_DIRECTORY, 0);

	*fp = f;
	if (IS_ERR(f)) {
		kunit_fail(test, __FILE__, __LINE__, "open " MNT ": %ld", PTR_ERR(f));
		return NULL;
	}
	return file_inode(f)->i_sb->s_fs_info;
}

static void shmem_mount_options(struct kunit *test)
{
	static const struct {
		const char *opts;
		unsigned long blocks, inodes;
		umode_t mode;
		const char *shown;	/* in /proc/mounts, NULL: not checked */
	} ok[] = {
		{ "size=1m", 256, 0, 01777, "tmpfs " MNT " tmpfs rw,relatime,size=1024k,inode64 0 0\n" },
		{ "size=8k,nr_inodes=1k,mode=0700", 2, 1024, 0700,
		  "tmpfs " MNT " tmpfs rw,relatime,size=8k,nr_inodes=1024,mode=700,inode64 0 0\n" },
		{ "size=10%", 0, 0, 01777, NULL },
		{ "nr_blocks=7,mode=755", 7, 0, 0755, "tmpfs " MNT " tmpfs rw,relatime,size=28k,mode=755,inode64 0 0\n" },
		{ "size=0,nr_inodes=0", 0, 0, 01777,
		  "tmpfs " MNT " tmpfs rw,relatime,size=0k,nr_inodes=0,inode64 0 0\n" },
		{ NULL, 0, 0, 01777, "tmpfs " MNT " tmpfs rw,relatime,inode64 0 0\n" },
		{ "inode32", 0, 0, 01777, "tmpfs " MNT " tmpfs rw,relatime,inode32 0 0\n" },
	};
	char *mounts = kmalloc(8192, GFP_KERNEL);
	static const char *const bad[] = { "size=abc", "bogus=1", "nr_inodes=5x", "mode=9", "size",
					   "inode64=1" };
	unsigned long pct10 = DIV_ROUND_UP(((unsigned long long)totalram_pages_count << PAGE_SHIFT) / 10,
					   PAGE_SIZE);

	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		struct shmem_sb_info *sbinfo;
		struct file *f;
		int err = test_mount(ok[i].opts);

		KUNIT_EXPECT_EQ(test, err, 0);
		if (err)
			continue;
		sbinfo = mnt_sbinfo(test, &f);
		if (sbinfo) {
			unsigned long blocks = i == 2 ? pct10 : ok[i].blocks;
			unsigned long inodes = ok[i].inodes;

			if (!ok[i].opts || !strcmp(ok[i].opts, "inode32"))
				blocks = totalram_pages_count / 2;	/* the default */
			if (!inodes && (!ok[i].opts || !strstr(ok[i].opts, "nr_inodes")))
				inodes = totalram_pages_count / 2;	/* the default */
			KUNIT_EXPECT_EQ(test, sbinfo->max_blocks, blocks);
			KUNIT_EXPECT_EQ(test, sbinfo->max_inodes, inodes);
			KUNIT_EXPECT_EQ(test, sbinfo->mode, ok[i].mode);
			KUNIT_EXPECT_EQ(test, file_inode(f)->i_mode, S_IFDIR | ok[i].mode);
			fput(f);
		}
		if (mounts && ok[i].shown) {
			int len = show_mounts(mounts, 8191);

			mounts[len > 0 ? len : 0] = '\0';
			if (!strstr(mounts, ok[i].shown))
				kunit_fail(test, __FILE__, __LINE__, "mounts lack \"%s\":\n%s",
					   ok[i].shown, mounts);
		}
		test_umount(test);
	}
	kfree(mounts);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		int err = test_mount(bad[i]);

		KUNIT_EXPECT_EQ(test, err, -EINVAL);
		if (!err)
			test_umount(test);
		else
			init_rmdir(MNT);
	}
}

/* Data stay until the last reference to an unlinked file goes. */
static void shmem_unlink_while_open(struct kunit *test)
{
	u8 *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	unsigned long shmem_before, inodes_before;
	struct kstat st;
	struct file *f;
	int err;

	KUNIT_ASSERT_TRUE(test, buf != NULL);
	err = test_mount(NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	shmem_before = nr_shmem();
	inodes_before = get_nr_inodes();
	f = open_file(MNT "/gone", O_RDWR | O_CREAT);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (IS_ERR(f))
		goto out;
	memset(buf, 0x42, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 3 * PAGE_SIZE, 0), 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/gone"), 0);
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/gone", &st, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, file_inode(f)->i_nlink, 0);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 3);
	memset(buf, 0, 3 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, pread(f, buf, 3 * PAGE_SIZE, 0), 3 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 3 * PAGE_SIZE, 0x42));
	/* Still writable, and it still counts. */
	KUNIT_EXPECT_EQ(test, pwrite(f, buf, 1, 3 * PAGE_SIZE), 1);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 4);
	fput(f);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before);
out:
	test_umount(test);
	kfree(buf);
}

/* A folio taken out of the cache lives on while a reference holds it. */
static void shmem_folio_outlives_removal(struct kunit *test)
{
	struct file *f = shmem_file_setup("outlive", 0, 0);
	unsigned long free_before;
	struct folio *folio;
	u8 *p;

	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_EQ(test, pwrite(f, "keep me", 7, 0), 7);
	folio = filemap_get_folio(file_mapping(f), 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(folio));
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 2);
	free_before = settled_free_pages();

	KUNIT_EXPECT_EQ(test, ftruncate(f, 0), 0);
	KUNIT_EXPECT_EQ(test, file_mapping(f)->nrpages, 0);
	KUNIT_EXPECT_TRUE(test, folio->mapping == NULL);
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 1);
	p = folio_address(folio);
	KUNIT_EXPECT_TRUE(test, !memcmp(p, "keep me", 7));
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);	/* not freed yet */

	folio_put(folio);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before + 1);
	fput(f);
}

static void shmem_rename_over_existing(struct kunit *test)
{
	unsigned long shmem_before;
	struct kstat st;
	struct file *f;
	char buf[8];
	int err;

	err = test_mount(NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	shmem_before = nr_shmem();
	f = open_file(MNT "/a", O_RDWR | O_CREAT);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (!IS_ERR(f)) {
		KUNIT_EXPECT_EQ(test, pwrite(f, "AAAA", 4, 0), 4);
		fput(f);
	}
	f = open_file(MNT "/b", O_RDWR | O_CREAT);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (!IS_ERR(f)) {
		KUNIT_EXPECT_EQ(test, pwrite(f, "BBBBBBBB", 8, PAGE_SIZE), 8);	/* 2 pages... */
		KUNIT_EXPECT_EQ(test, pwrite(f, "B", 1, 0), 1);
		fput(f);
	}
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 3);
	KUNIT_EXPECT_EQ(test, init_rename(MNT "/a", MNT "/b", 0), 0);
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/a", &st, 0), -ENOENT);
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/b", &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.size, 4);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 1);	/* the old b is gone */
	f = open_file(MNT "/b", O_RDONLY);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (!IS_ERR(f)) {
		memset(buf, 0, sizeof(buf));
		KUNIT_EXPECT_EQ(test, pread(f, buf, sizeof(buf), 0), 4);
		KUNIT_EXPECT_TRUE(test, !memcmp(buf, "AAAA", 4));
		fput(f);
	}
	/* Directories: over an empty one works, over a non-empty one does not. */
	KUNIT_EXPECT_EQ(test, init_mkdir(MNT "/d1", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_mkdir(MNT "/d2", 0755), 0);
	KUNIT_EXPECT_EQ(test, init_mkdir(MNT "/d3", 0755), 0);
	KUNIT_EXPECT_EQ(test, create_file(MNT "/d3/x"), 0);
	KUNIT_EXPECT_EQ(test, init_rename(MNT "/d1", MNT "/d2", 0), 0);
	KUNIT_EXPECT_EQ(test, init_stat(MNT, &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 4);	/* ., .., d2, d3 */
	KUNIT_EXPECT_EQ(test, init_rename(MNT "/d2", MNT "/d3", 0), -ENOTEMPTY);
	KUNIT_EXPECT_EQ(test, init_rename(MNT "/b", MNT "/d3/x", RENAME_NOREPLACE), -EEXIST);
	KUNIT_EXPECT_EQ(test, init_rename(MNT "/b", MNT "/d3/x", RENAME_EXCHANGE), 0);
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/d3/x", &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.size, 4);
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/d3/x"), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/b"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(MNT "/d3"), 0);
	KUNIT_EXPECT_EQ(test, init_rmdir(MNT "/d2"), 0);
	KUNIT_EXPECT_EQ(test, init_stat(MNT, &st, 0), 0);
	KUNIT_EXPECT_EQ(test, st.nlink, 2);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	test_umount(test);
}

/*
 * Thousands of files in nested directories, each with a little data, then
 * everything deleted: inodes, dentries, files, NR_SHMEM and the free page
 * count (every slab shrunk, pcp lists drained) all back at their baselines.
 */
#define TREE_DIRS 8
#define TREE_DEPTH 4
#define TREE_FILES 80	/* per directory: 8 * 4 * 80 = 2560 files */

static int tree_path(char *buf, size_t size, int d, int depth, int file)
{
	int n = scnprintf(buf, size, MNT);

	for (int l = 0; l <= depth; l++)
		n += scnprintf(buf + n, size - n, "/d%d_%d", d, l);
	if (file >= 0)
		n += scnprintf(buf + n, size - n, "/file%d", file);
	return n;
}

static void shmem_many_files_all_pages_back(struct kunit *test)
{
	unsigned long free_before, shmem_before;
	long inodes_before, dentries_before, files_before;
	char path[160];
	int err, failures = 0;

	shmem_before = nr_shmem();
	inodes_before = get_nr_inodes();
	dentries_before = get_nr_dentry();
	files_before = get_nr_files();
	free_before = settled_free_pages();

	err = test_mount(NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	for (int d = 0; d < TREE_DIRS; d++) {
		for (int l = 0; l < TREE_DEPTH; l++) {
			tree_path(path, sizeof(path), d, l, -1);
			if (init_mkdir(path, 0755))
				failures++;
			for (int i = 0; i < TREE_FILES; i++) {
				struct file *f;

				tree_path(path, sizeof(path), d, l, i);
				f = open_file(path, O_RDWR | O_CREAT | O_EXCL);
				if (IS_ERR(f)) {
					failures++;
					continue;
				}
				/* One file in 8 gets a page of data, at a varying offset. */
				if (!(i & 7) && pwrite(f, path, strlen(path), (i * 97) % 5000) <= 0)
					failures++;
				fput(f);
			}
		}
	}
	KUNIT_EXPECT_EQ(test, failures, 0);
	/* + the mount point in the root and the tmpfs's own root. */
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before + 2 +
			TREE_DIRS * TREE_DEPTH * (TREE_FILES + 1));
	KUNIT_EXPECT_GT(test, nr_shmem(), shmem_before);

	/* Spot checks: a name found, data where it was written. */
	{
		struct kstat st;

		tree_path(path, sizeof(path), 3, 2, 16);
		KUNIT_EXPECT_EQ(test, init_stat(path, &st, 0), 0);
		KUNIT_EXPECT_EQ(test, st.size, (16 * 97) % 5000 + (loff_t)strlen(path));
		tree_path(path, sizeof(path), 3, 1, -1);
		KUNIT_EXPECT_EQ(test, init_rmdir(path), -ENOTEMPTY);
	}

	for (int d = 0; d < TREE_DIRS; d++) {
		for (int l = TREE_DEPTH - 1; l >= 0; l--) {
			for (int i = 0; i < TREE_FILES; i++) {
				tree_path(path, sizeof(path), d, l, i);
				if (init_unlink(path))
					failures++;
			}
			tree_path(path, sizeof(path), d, l, -1);
			if (init_rmdir(path))
				failures++;
		}
	}
	KUNIT_EXPECT_EQ(test, failures, 0);
	test_umount(test);

	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), dentries_before);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), free_before);
}

/* ---- shmem_file_setup, SGP_*, symlinks, the page-cache map ------------------------ */

static void shmem_file_setup_files(struct kunit *test)
{
	long inodes_before = get_nr_inodes(), files_before = get_nr_files();
	unsigned long shmem_before = nr_shmem();
	struct file *f = shmem_file_setup("SYSV00000001", 3 * PAGE_SIZE + 1, VM_NORESERVE);
	struct inode *inode;
	u8 buf[64];

	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	inode = file_inode(f);
	KUNIT_EXPECT_EQ(test, inode->i_nlink, 0);
	KUNIT_EXPECT_TRUE(test, S_ISREG(inode->i_mode));
	KUNIT_EXPECT_EQ(test, file_size(f), 3 * PAGE_SIZE + 1);
	KUNIT_EXPECT_TRUE(test, shmem_mapping(inode->i_mapping));
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before + 1);
	memset(buf, 1, sizeof(buf));
	KUNIT_EXPECT_EQ(test, pread(f, buf, sizeof(buf), 3 * PAGE_SIZE - 10), 11);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 11, 0));
	KUNIT_EXPECT_EQ(test, pwrite(f, "data", 4, 2 * PAGE_SIZE), 4);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before + 1);
	fput(f);
	KUNIT_EXPECT_EQ(test, nr_shmem(), shmem_before);
	KUNIT_EXPECT_EQ(test, get_nr_inodes(), inodes_before);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files_before);

	KUNIT_EXPECT_TRUE(test, IS_ERR(shmem_file_setup("neg", -1, 0)));
	f = shmem_kernel_file_setup("private", PAGE_SIZE, 0);
	KUNIT_EXPECT_TRUE(test, !IS_ERR(f));
	if (!IS_ERR(f)) {
		KUNIT_EXPECT_TRUE(test, IS_PRIVATE(file_inode(f)));
		fput(f);
	}
}

static void put_locked(struct folio *folio)
{
	folio_unlock(folio);
	folio_put(folio);
}

static void shmem_sgp_semantics(struct kunit *test)
{
	struct file *f = shmem_file_setup("sgp", 2 * PAGE_SIZE, 0);
	struct folio *folio = (struct folio *)1;
	struct inode *inode;
	struct address_space *m;

	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	inode = file_inode(f);
	m = inode->i_mapping;

	/* SGP_READ at a hole: success, no folio, nothing allocated. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 0, &folio, SGP_READ), 0);
	KUNIT_EXPECT_TRUE(test, folio == NULL);
	KUNIT_EXPECT_EQ(test, m->nrpages, 0);
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 0, &folio, SGP_NOALLOC), -ENOENT);
	KUNIT_EXPECT_EQ(test, m->nrpages, 0);
	/* SGP_READ and SGP_CACHE at or past i_size: -EINVAL. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 2, &folio, SGP_READ), -EINVAL);
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 2, &folio, SGP_CACHE), -EINVAL);
	KUNIT_EXPECT_EQ(test, m->nrpages, 0);

	/* SGP_CACHE below i_size: a zeroed, uptodate, locked folio in the cache. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 1, &folio, SGP_CACHE), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_TRUE(test, folio_test_uptodate(folio) && folio_test_locked(folio));
	KUNIT_EXPECT_TRUE(test, folio_test_swapbacked(folio));
	KUNIT_EXPECT_TRUE(test, all_bytes(folio_address(folio), PAGE_SIZE, 0));
	KUNIT_EXPECT_EQ(test, folio->index, 1);
	KUNIT_EXPECT_EQ(test, folio_ref_count(folio), 2);
	KUNIT_EXPECT_EQ(test, m->nrpages, 1);
	memset(folio_address(folio), 0xcc, PAGE_SIZE);
	put_locked(folio);
	/* SGP_READ now finds it. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 1, &folio, SGP_READ), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_EQ(test, *(u8 *)folio_address(folio), 0xcc);
	put_locked(folio);

	/* SGP_WRITE past i_size: allocated, !uptodate, i_size unchanged. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 5, &folio, SGP_WRITE), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_FALSE(test, folio_test_uptodate(folio));
	KUNIT_EXPECT_EQ(test, file_size(f), 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, m->nrpages, 2);
	put_locked(folio);

	/* SGP_FALLOC: !uptodate; SGP_READ treats that as a hole; SGP_FALLOC again zeroes it. */
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 0, &folio, SGP_FALLOC), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_FALSE(test, folio_test_uptodate(folio));
	memset(folio_address(folio), 0xdd, PAGE_SIZE);	/* stale contents */
	put_locked(folio);
	KUNIT_EXPECT_EQ(test, m->nrpages, 3);
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 0, &folio, SGP_READ), 0);
	KUNIT_EXPECT_TRUE(test, folio == NULL);
	{
		u8 b[8];

		KUNIT_EXPECT_EQ(test, pread(f, b, sizeof(b), 0), 8);
		KUNIT_EXPECT_TRUE(test, all_bytes(b, 8, 0));
	}
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 0, &folio, SGP_FALLOC), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_TRUE(test, folio_test_uptodate(folio));
	KUNIT_EXPECT_TRUE(test, all_bytes(folio_address(folio), PAGE_SIZE, 0));
	put_locked(folio);
	/* SGP_CACHE on the !uptodate SGP_WRITE folio (below a grown i_size) zeroes it too. */
	KUNIT_EXPECT_EQ(test, ftruncate(f, 8 * PAGE_SIZE), 0);
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, 5, &folio, SGP_CACHE), 0);
	KUNIT_ASSERT_TRUE(test, folio != NULL);
	KUNIT_EXPECT_TRUE(test, folio_test_uptodate(folio));
	KUNIT_EXPECT_TRUE(test, all_bytes(folio_address(folio), PAGE_SIZE, 0));
	put_locked(folio);
	KUNIT_EXPECT_EQ(test, shmem_get_folio(inode, ~0UL, &folio, SGP_WRITE), -EFBIG);
	fput(f);
}

static void shmem_symlinks(struct kunit *test)
{
	char target[300], buf[320];
	struct kstat st;
	int err;

	err = test_mount(NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, init_symlink("short/target", MNT "/s"), 0);
	memset(target, 'x', sizeof(target) - 1);
	target[sizeof(target) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, init_symlink(target, MNT "/l"), 0);
	KUNIT_EXPECT_EQ(test, init_readlink(MNT "/s", buf, sizeof(buf)), 12);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "short/target", 12));
	KUNIT_EXPECT_EQ(test, init_readlink(MNT "/l", buf, sizeof(buf)), 299);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, target, 299));
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/l", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_TRUE(test, S_ISLNK(st.mode));
	KUNIT_EXPECT_EQ(test, st.size, 299);
	KUNIT_EXPECT_EQ(test, st.blocks, PAGE_SIZE / 512);	/* the long body is a page */
	KUNIT_EXPECT_EQ(test, init_stat(MNT "/s", &st, AT_SYMLINK_NOFOLLOW), 0);
	KUNIT_EXPECT_EQ(test, st.blocks, 0);			/* the short one is in i_link */
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/s"), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(MNT "/l"), 0);
	test_umount(test);
}

/*
 * How to watch a tmpfs file's page cache: filemap_show_pages() prints the
 * indices holding folios. This case builds a known pattern and prints it
 * after each step; the expected lines are in docs/mm/shmem.md.
 */
static void shmem_page_cache_map(struct kunit *test)
{
	struct file *f = shmem_file_setup("map", 0, 0);
	struct address_space *m;

	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	m = file_mapping(f);
	KUNIT_EXPECT_EQ(test, ftruncate(f, 64 * PAGE_SIZE), 0);
	filemap_show_pages(m, "    # map: truncated to 64 pages");
	for (int i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, pwrite(f, "w", 1, i * PAGE_SIZE), 1);
	KUNIT_EXPECT_EQ(test, pwrite(f, "w", 1, 40 * PAGE_SIZE), 1);
	filemap_show_pages(m, "    # map: wrote pages 0-7 and 40");
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    2 * PAGE_SIZE, 3 * PAGE_SIZE), 0);
	filemap_show_pages(m, "    # map: punched pages 2-4");
	KUNIT_EXPECT_EQ(test, vfs_fallocate(f, 0, 60 * PAGE_SIZE, 2 * PAGE_SIZE), 0);
	filemap_show_pages(m, "    # map: fallocated pages 60-61");
	KUNIT_EXPECT_EQ(test, m->nrpages, 8);
	KUNIT_EXPECT_EQ(test, ftruncate(f, 6 * PAGE_SIZE + 1), 0);
	filemap_show_pages(m, "    # map: truncated to 6 pages + 1 byte");
	KUNIT_EXPECT_EQ(test, m->nrpages, 4);
	fput(f);
}

/* ---- performance ------------------------------------------------------------------ */

#define PERF_SIZE (64UL << 20)
#define PERF_CHUNK (64UL << 10)

static unsigned long mib_per_s(unsigned long bytes, u64 ns)
{
	return ns ? (unsigned long)((bytes >> 10) * 1000000000ULL / ns) >> 10 : 0;
}

static void shmem_perf(struct kunit *test)
{
	struct file *f;
	u8 *buf;
	u64 t0, t1, t2, t3;
	loff_t pos;

	if (!perf_requested)
		kunit_skip(test, "boot with shmem_kunit.perf (and -m 256M or more)");
	buf = kmalloc(PERF_CHUNK, GFP_KERNEL);
	f = shmem_file_setup("perf", 0, 0);
	KUNIT_ASSERT_TRUE(test, buf && !IS_ERR(f));
	memset(buf, 0x5c, PERF_CHUNK);
	t0 = ktime_get_ns();
	for (pos = 0; pos < (loff_t)PERF_SIZE; pos += PERF_CHUNK)
		if (pwrite(f, buf, PERF_CHUNK, pos) != (ssize_t)PERF_CHUNK)
			break;
	t1 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, pos, PERF_SIZE);
	for (pos = 0; pos < (loff_t)PERF_SIZE; pos += PERF_CHUNK)
		if (pread(f, buf, PERF_CHUNK, pos) != (ssize_t)PERF_CHUNK)
			break;
	t2 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, pos, PERF_SIZE);
	/* Again into the pages that now exist: no allocation, no first touch of RAM. */
	for (pos = 0; pos < (loff_t)PERF_SIZE; pos += PERF_CHUNK)
		if (pwrite(f, buf, PERF_CHUNK, pos) != (ssize_t)PERF_CHUNK)
			break;
	t3 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, pos, PERF_SIZE);
	printk(KERN_INFO "    # shmem_perf: 64 MiB tmpfs file in 64 KiB chunks: write %lu MiB/s (%llu ms), read %lu MiB/s (%llu ms), rewrite %lu MiB/s (%llu ms)\n",
	       mib_per_s(PERF_SIZE, t1 - t0), (unsigned long long)(t1 - t0) / NSEC_PER_MSEC,
	       mib_per_s(PERF_SIZE, t2 - t1), (unsigned long long)(t2 - t1) / NSEC_PER_MSEC,
	       mib_per_s(PERF_SIZE, t3 - t2), (unsigned long long)(t3 - t2) / NSEC_PER_MSEC);
	fput(f);
	kfree(buf);
}

static struct kunit_case shmem_cases[] = {
	KUNIT_CASE(shmem_rw_odd_offsets),
	KUNIT_CASE(shmem_holes_read_zero_no_alloc),
	KUNIT_CASE(shmem_truncate_down_up),
	KUNIT_CASE(shmem_fallocate_punch),
	KUNIT_CASE(shmem_seek_data_hole),
	KUNIT_CASE(shmem_enospc_size),
	KUNIT_CASE(shmem_enospc_inodes),
	KUNIT_CASE(shmem_mount_options),
	KUNIT_CASE(shmem_unlink_while_open),
	KUNIT_CASE(shmem_folio_outlives_removal),
	KUNIT_CASE(shmem_rename_over_existing),
	KUNIT_CASE(shmem_file_setup_files),
	KUNIT_CASE(shmem_sgp_semantics),
	KUNIT_CASE(shmem_symlinks),
	KUNIT_CASE(shmem_page_cache_map),
	KUNIT_CASE(shmem_many_files_all_pages_back),
	KUNIT_CASE(shmem_perf),
	{}
};

static struct kunit_suite shmem_suite = {
	.name = "shmem",
	.test_cases = shmem_cases,
};
kunit_test_suite(shmem_suite);
