// SPDX-License-Identifier: GPL-2.0
/*
 * vfs.readdir: iterate_dir; vfs.model: a seeded run of operations checked
 * against a model of Linux's rules (overview: vfs_namei_kunit.c).
 */
#include "vfs_test.h"

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

static struct kunit_case vfs_readdir_cases[] = {
	KUNIT_CASE(readdir_small),
	KUNIT_CASE(readdir_many_in_pieces),
	KUNIT_CASE(readdir_seek_and_removed),
	KUNIT_CASE(readdir_types),
	{}
};

static struct kunit_suite vfs_readdir_suite = {
	.name = "vfs.readdir",
	.test_cases = vfs_readdir_cases,
};
kunit_test_suite(vfs_readdir_suite);

static struct kunit_case vfs_model_cases[] = {
	KUNIT_CASE(seeded_model),
	{}
};

static struct kunit_suite vfs_model_suite = {
	.name = "vfs.model",
	.test_cases = vfs_model_cases,
};
kunit_test_suite(vfs_model_suite);
