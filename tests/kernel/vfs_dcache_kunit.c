// SPDX-License-Identifier: GPL-2.0
/* vfs.dcache: many files, and concurrent changes to one tree (overview: vfs_namei_kunit.c). */
#include "vfs_test.h"

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

static int mw_done, mw_stop, mw_pause, mw_bad, mw_bad_err, mw_bad_where;
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
		/*
		 * With many walkers one of them nearly always holds the mount
		 * (a vCPU preempted on the host holds it for a whole host time
		 * slice): after 1000 tries the walkers pause between walks, so
		 * the mount goes free and the umount must then succeed.
		 */
		while ((err = init_umount(TDIR "/mp", 0)) == -EBUSY && tries++ < 1000000) {
			busy++;
			if (tries == 1000)
				WRITE_ONCE(mw_pause, 1);
			cond_resched();
		}
		WRITE_ONCE(mw_pause, 0);
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

		/* The mounter could not get the mount free: hold nothing until it has. */
		while (READ_ONCE(mw_pause) && !READ_ONCE(mw_stop))
			cond_resched();

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
	mw_done = mw_stop = mw_pause = mw_bad = mw_bad_err = mw_bad_where = 0;
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
