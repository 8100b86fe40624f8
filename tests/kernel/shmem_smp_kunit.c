// SPDX-License-Identifier: GPL-2.0
/*
 * shmem on several CPUs, and against a model (the helpers and the other
 * suites are in tests/kernel/shmem_kunit.c):
 *
 *  shmem.smp    writers on different CPUs to different files and to
 *               different ranges of one file, reads racing truncation,
 *               every CPU running a seeded model on its own region;
 *  shmem.model  a long seeded sequence of write/truncate/punch/read on
 *               one file checked against a flat buffer (shmem_kunit.seed=
 *               replays a run; the seed is printed).
 */
#include "shmem_test.h"

/* ---- writers on different CPUs ---------------------------------------------------- */

#define SMP_PAGES 64
#define SMP_MAX_WORKERS 4

struct smp_writer {
	struct file *file;
	loff_t base;		/* first byte this writer owns */
	unsigned int id;
	unsigned int cpu;
	int errors;
	unsigned int wrong_cpu;
	bool append;		/* phase 3: O_APPEND records instead of a range */
};

#define APPEND_RECORDS 600
#define RECORD_SIZE 700	/* records straddle page boundaries */

static void fill_record(u8 *rec, unsigned int id, unsigned int seq)
{
	rec[0] = id;
	rec[1] = seq & 0xff;
	rec[2] = seq >> 8;
	for (int j = 3; j < RECORD_SIZE; j++)
		rec[j] = (u8)(id * 31 + seq + j);
}

static int smp_workers_done;
static int smp_go;	/* set once every writer exists, so they run at the same time */

static int smp_writer_fn(void *arg)
{
	struct smp_writer *w = arg;
	u8 buf[1024];

	while (!__atomic_load_n(&smp_go, __ATOMIC_ACQUIRE)) {
		cpu_relax();
		cond_resched();	/* the test thread may share this CPU */
	}
	if (w->append) {
		for (unsigned int seq = 0; seq < APPEND_RECORDS; seq++) {
			loff_t pos = 0;	/* ignored: O_APPEND writes at i_size */

			fill_record(buf, w->id, seq);
			if (kernel_write(w->file, buf, RECORD_SIZE, &pos) != RECORD_SIZE)
				w->errors++;
			if (smp_processor_id() != w->cpu)
				w->wrong_cpu++;
		}
		__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
		return 0;
	}

	/* Odd-sized chunks so that writes straddle pages. */
	for (loff_t off = 0; off < (loff_t)(SMP_PAGES * PAGE_SIZE); off += sizeof(buf) - 13) {
		size_t len = min((loff_t)(sizeof(buf) - 13), SMP_PAGES * PAGE_SIZE - off);

		for (size_t j = 0; j < len; j++)
			buf[j] = (u8)(w->id * 61 + ((off + j) % 251));
		if (pwrite(w->file, buf, len, w->base + off) != (ssize_t)len)
			w->errors++;
		if (smp_processor_id() != w->cpu)
			w->wrong_cpu++;
	}
	__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static bool check_writer_range(struct file *f, const struct smp_writer *w, u8 *buf)
{
	for (loff_t off = 0; off < (loff_t)(SMP_PAGES * PAGE_SIZE); off += PAGE_SIZE) {
		if (pread(f, buf, PAGE_SIZE, w->base + off) != PAGE_SIZE)
			return false;
		for (size_t j = 0; j < PAGE_SIZE; j++)
			if (buf[j] != (u8)(w->id * 61 + ((off + j) % 251)))
				return false;
	}
	return true;
}

static void run_smp_writers(struct kunit *test, struct smp_writer *w, unsigned int n)
{
	u64 deadline = ktime_get_ns() + 60000 * NSEC_PER_MSEC;

	__atomic_store_n(&smp_workers_done, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&smp_go, 0, __ATOMIC_RELAXED);
	for (unsigned int i = 0; i < n; i++) {
		struct task_struct *t = kthread_create_on_cpu(smp_writer_fn, &w[i], w[i].cpu,
							      "shmem_wr/%u", w[i].cpu);

		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "kthread on CPU%u", w[i].cpu);
			__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
			continue;
		}
		wake_up_process(t);
	}
	__atomic_store_n(&smp_go, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&smp_workers_done, __ATOMIC_ACQUIRE) < (int)n) {
		if (ktime_get_ns() > deadline) {
			kunit_fail(test, __FILE__, __LINE__, "writers stuck: %d of %u done",
				   smp_workers_done, n);
			return;
		}
		schedule_timeout_uninterruptible(1);
	}
}

static void shmem_smp_writers(struct kunit *test)
{
	struct smp_writer w[SMP_MAX_WORKERS];
	unsigned int cpus[SMP_MAX_WORKERS], n = 0, cpu;
	u8 *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct file *shared;

	for_each_online_cpu(cpu)
		if (n < SMP_MAX_WORKERS)
			cpus[n++] = cpu;
	if (n < 2) {
		kfree(buf);
		kunit_skip(test, "needs 2 CPUs");
	}
	KUNIT_ASSERT_TRUE(test, buf != NULL);

	/* Phase 1: each CPU writes its own file. */
	for (unsigned int i = 0; i < n; i++) {
		w[i] = (struct smp_writer){ .id = i + 1, .cpu = cpus[i] };
		w[i].file = shmem_file_setup("smp", 0, 0);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(w[i].file));
	}
	run_smp_writers(test, w, n);
	for (unsigned int i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, w[i].errors, 0);
		KUNIT_EXPECT_EQ(test, w[i].wrong_cpu, 0);
		KUNIT_EXPECT_EQ(test, file_size(w[i].file), SMP_PAGES * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, file_mapping(w[i].file)->nrpages, SMP_PAGES);
		KUNIT_EXPECT_TRUE(test, check_writer_range(w[i].file, &w[i], buf));
		fput(w[i].file);
	}

	/* Phase 2: all CPUs write their own range of one file, ranges in reverse order. */
	shared = shmem_file_setup("smp-shared", 0, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(shared));
	for (unsigned int i = 0; i < n; i++) {
		w[i] = (struct smp_writer){ .id = i + 11, .cpu = cpus[i], .file = shared,
					    .base = (loff_t)(n - 1 - i) * SMP_PAGES * PAGE_SIZE };
	}
	run_smp_writers(test, w, n);
	KUNIT_EXPECT_EQ(test, file_size(shared), (loff_t)n * SMP_PAGES * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, file_mapping(shared)->nrpages, n * SMP_PAGES);
	for (unsigned int i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, w[i].errors, 0);
		KUNIT_EXPECT_EQ(test, w[i].wrong_cpu, 0);
		KUNIT_EXPECT_TRUE(test, check_writer_range(shared, &w[i], buf));
	}
	fput(shared);

	/*
	 * Phase 3: every CPU appends records to one O_APPEND file. i_rwsem
	 * makes each append find i_size and write there atomically: no record
	 * lost, overlapped or torn, and each writer's appear in order.
	 */
	if (test_mount(NULL)) {
		kunit_fail(test, __FILE__, __LINE__, "mount " MNT);
		kfree(buf);
		return;
	}
	/* Each writer opens the file itself: one struct file each, one inode. */
	for (unsigned int i = 0; i < n; i++) {
		w[i] = (struct smp_writer){ .id = i + 21, .cpu = cpus[i], .append = true };
		w[i].file = open_file(MNT "/append", O_WRONLY | O_CREAT | O_APPEND);
		KUNIT_ASSERT_TRUE(test, !IS_ERR(w[i].file));
	}
	run_smp_writers(test, w, n);
	for (unsigned int i = 0; i < n; i++)
		fput(w[i].file);
	shared = open_file(MNT "/append", O_RDONLY);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(shared));
	KUNIT_EXPECT_EQ(test, file_size(shared), (loff_t)n * APPEND_RECORDS * RECORD_SIZE);
	{
		unsigned int next_seq[SMP_MAX_WORKERS] = { 0 };
		u8 want[RECORD_SIZE];
		int bad = 0;

		for (loff_t pos = 0; pos + RECORD_SIZE <= file_size(shared); pos += RECORD_SIZE) {
			unsigned int id, seq;

			if (pread(shared, buf, RECORD_SIZE, pos) != RECORD_SIZE) {
				bad++;
				break;
			}
			id = buf[0] - 21;
			seq = buf[1] | (buf[2] << 8);
			if (id >= n || seq != next_seq[id]) {
				bad++;
				continue;
			}
			fill_record(want, id + 21, seq);
			if (memcmp(buf, want, RECORD_SIZE))
				bad++;
			next_seq[id]++;
		}
		KUNIT_EXPECT_EQ(test, bad, 0);
		for (unsigned int i = 0; i < n; i++) {
			KUNIT_EXPECT_EQ(test, next_seq[i], APPEND_RECORDS);
			KUNIT_EXPECT_EQ(test, w[i].errors, 0);
		}
	}
	fput(shared);
	init_unlink(MNT "/append");
	test_umount(test);
	kfree(buf);
}

/*
 * Reads racing truncation: one CPU keeps truncating a file to 0 and
 * refilling it, page by page, with the next generation's byte; another
 * keeps reading it a page at a time. A page read must be one
 * generation's bytes or all zeros (a hole): the reader holds a reference
 * on the folio it copies from, so truncation cannot free it and the
 * writer cannot be handed it for the next generation mid-copy.
 */
#define RACE_PAGES 16
#define RACE_MS 800

struct race_ctx {
	struct file *file;
	unsigned int cpu;
	u64 deadline;
	unsigned int generations;
	int errors;
};

static int race_writer_fn(void *arg)
{
	struct race_ctx *c = arg;
	u8 *page = kmalloc(PAGE_SIZE, GFP_KERNEL);

	while (page && ktime_get_ns() < c->deadline) {
		u8 gen = 1 + c->generations % 255;

		if (ftruncate(c->file, 0))
			c->errors++;
		memset(page, gen, PAGE_SIZE);
		for (int i = 0; i < RACE_PAGES; i++)
			if (pwrite(c->file, page, PAGE_SIZE, (loff_t)i * PAGE_SIZE) != PAGE_SIZE)
				c->errors++;
		c->generations++;
		cond_resched();
	}
	if (!page)
		c->errors++;
	kfree(page);
	__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void shmem_smp_read_vs_truncate(struct kunit *test)
{
	struct race_ctx c = { 0 };
	unsigned int cpu, reader_cpu = 0, n = 0;
	unsigned long reads = 0, torn = 0;
	struct task_struct *t;
	u8 *buf;

	for_each_online_cpu(cpu)
		n++;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	c.file = shmem_file_setup("race", 0, 0);
	KUNIT_ASSERT_TRUE(test, buf && !IS_ERR(c.file));
	reader_cpu = smp_processor_id();
	for_each_online_cpu(cpu)
		if (cpu != reader_cpu) {
			c.cpu = cpu;
			break;
		}
	c.deadline = ktime_get_ns() + RACE_MS * NSEC_PER_MSEC;
	__atomic_store_n(&smp_workers_done, 0, __ATOMIC_RELAXED);
	t = kthread_create_on_cpu(race_writer_fn, &c, c.cpu, "shmem_trunc/%u", c.cpu);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wake_up_process(t);

	while (!__atomic_load_n(&smp_workers_done, __ATOMIC_ACQUIRE)) {
		for (int i = 0; i < RACE_PAGES; i++) {
			ssize_t got = pread(c.file, buf, PAGE_SIZE, (loff_t)i * PAGE_SIZE);

			if (got < 0) {
				torn++;
				continue;
			}
			reads++;
			if (got && !all_bytes(buf, got, buf[0]))
				torn++;
		}
		cond_resched();
		if (ktime_get_ns() > c.deadline + 30000 * NSEC_PER_MSEC) {
			kunit_fail(test, __FILE__, __LINE__, "truncating writer stuck");
			break;
		}
	}
	printk(KERN_INFO "    # shmem_smp_read_vs_truncate: %u generations, %lu page reads\n",
	       c.generations, reads);
	KUNIT_EXPECT_EQ(test, torn, 0);
	KUNIT_EXPECT_EQ(test, c.errors, 0);
	KUNIT_EXPECT_GT(test, c.generations, 1);
	fput(c.file);
	kfree(buf);
}

/*
 * Every CPU runs its own seeded model test on its own 16-page region of
 * one file at the same time: writes, punches, fallocates and reads that
 * change the same mapping's XArray (and its nodes) concurrently. Each
 * worker checks its reads against its own flat buffer.
 */
#define REGION_PAGES 16
#define REGION_BYTES ((loff_t)(REGION_PAGES * PAGE_SIZE))
#define REGION_MS 600

struct region_worker {
	struct file *file;
	unsigned int cpu;
	u64 seed;
	u64 deadline;
	loff_t base;
	unsigned long ops;
	int errors;
	long first_bad_op;
};

static u64 xorshift(u64 *state)
{
	u64 x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int region_worker_fn(void *arg)
{
	struct region_worker *w = arg;
	u8 *model = kzalloc(REGION_BYTES, GFP_KERNEL);
	u8 *buf = kmalloc(REGION_BYTES, GFP_KERNEL);
	u64 st = w->seed;

	while (!__atomic_load_n(&smp_go, __ATOMIC_ACQUIRE)) {
		cpu_relax();
		cond_resched();
	}
	while (model && buf && ktime_get_ns() < w->deadline) {
		unsigned int kind = xorshift(&st) % 100;
		loff_t pos = xorshift(&st) % REGION_BYTES;
		size_t len = 1 + xorshift(&st) % (2 * PAGE_SIZE);
		bool bad = false;

		if (pos + (loff_t)len > REGION_BYTES)
			len = REGION_BYTES - pos;
		if (kind < 45) {
			for (size_t j = 0; j < len; j++)
				buf[j] = (u8)xorshift(&st);
			bad = pwrite(w->file, buf, len, w->base + pos) != (ssize_t)len;
			memcpy(model + pos, buf, len);
		} else if (kind < 65) {
			bad = vfs_fallocate(w->file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					    w->base + pos, len) != 0;
			memset(model + pos, 0, len);
		} else if (kind < 75) {
			bad = vfs_fallocate(w->file, FALLOC_FL_KEEP_SIZE, w->base + pos, len) != 0;
		} else {
			bad = pread(w->file, buf, len, w->base + pos) != (ssize_t)len ||
			      memcmp(buf, model + pos, len);
		}
		if (bad && !w->errors++)
			w->first_bad_op = w->ops;
		w->ops++;
	}
	if (!model || !buf)
		w->errors++;
	if (model && buf && (pread(w->file, buf, REGION_BYTES, w->base) != REGION_BYTES ||
			     memcmp(buf, model, REGION_BYTES)))
		w->errors++;
	kfree(model);
	kfree(buf);
	__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static void shmem_smp_regions_model(struct kunit *test)
{
	struct region_worker w[SMP_MAX_WORKERS];
	unsigned int cpus[SMP_MAX_WORKERS], n = 0, cpu;
	u64 seed = seed_given ? seed_param : (get_random_long() | 1);
	struct file *f;
	u64 wait_until;

	for_each_online_cpu(cpu)
		if (n < SMP_MAX_WORKERS)
			cpus[n++] = cpu;
	if (n < 2)
		kunit_skip(test, "needs 2 CPUs");
	f = shmem_file_setup("regions", (loff_t)n * REGION_BYTES, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	printk(KERN_INFO "    # shmem_smp_regions_model: seed %llu (replay: shmem_kunit.seed=%llu)\n",
	       (unsigned long long)seed, (unsigned long long)seed);
	__atomic_store_n(&smp_workers_done, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&smp_go, 0, __ATOMIC_RELAXED);
	for (unsigned int i = 0; i < n; i++) {
		struct task_struct *t;

		w[i] = (struct region_worker){ .file = f, .cpu = cpus[i], .seed = seed + i,
					       .base = (loff_t)i * REGION_BYTES, .first_bad_op = -1 };
		t = kthread_create_on_cpu(region_worker_fn, &w[i], cpus[i], "shmem_rg/%u", cpus[i]);
		if (IS_ERR(t)) {
			kunit_fail(test, __FILE__, __LINE__, "kthread on CPU%u", cpus[i]);
			w[i].errors = -1;
			__atomic_add_fetch(&smp_workers_done, 1, __ATOMIC_RELEASE);
			continue;
		}
		wake_up_process(t);
	}
	for (unsigned int i = 0; i < n; i++)
		w[i].deadline = ktime_get_ns() + REGION_MS * NSEC_PER_MSEC;
	__atomic_store_n(&smp_go, 1, __ATOMIC_RELEASE);
	wait_until = ktime_get_ns() + (REGION_MS + 60000) * NSEC_PER_MSEC;
	while (__atomic_load_n(&smp_workers_done, __ATOMIC_ACQUIRE) < (int)n) {
		if (ktime_get_ns() > wait_until) {
			kunit_fail(test, __FILE__, __LINE__, "region workers stuck");
			return;	/* leave the file: a worker may still use it */
		}
		schedule_timeout_uninterruptible(1);
	}
	for (unsigned int i = 0; i < n; i++) {
		if (w[i].errors)
			kunit_fail(test, __FILE__, __LINE__,
				   "CPU%u: %d errors in %lu ops, first at op %ld (seed %llu)",
				   w[i].cpu, w[i].errors, w[i].ops, w[i].first_bad_op,
				   (unsigned long long)w[i].seed);
		KUNIT_EXPECT_GT(test, w[i].ops, 0);
	}
	KUNIT_EXPECT_EQ(test, file_size(f), (loff_t)n * REGION_BYTES);
	KUNIT_EXPECT_LE(test, file_mapping(f)->nrpages, n * REGION_PAGES);
	fput(f);
}

/* ---- the randomised model test ---------------------------------------------------- */

#define MODEL_PAGES 24
#define MODEL_MAX ((loff_t)(MODEL_PAGES * PAGE_SIZE))
#define MODEL_OPS 4000

struct model {
	u8 *data;		/* the file's bytes; [size, MODEL_MAX) kept zero */
	loff_t size;
	bool present[MODEL_PAGES];	/* which pages the cache must hold */
};

static void model_drop_pages_from(struct model *m, loff_t from_byte)
{
	for (pgoff_t i = DIV_ROUND_UP(from_byte, PAGE_SIZE); i < MODEL_PAGES; i++)
		m->present[i] = false;
}

static unsigned long model_nrpages(const struct model *m)
{
	unsigned long n = 0;

	for (int i = 0; i < MODEL_PAGES; i++)
		n += m->present[i];
	return n;
}

static bool model_check_pages(struct kunit *test, struct model *m, struct file *f)
{
	struct address_space *mapping = file_mapping(f);

	for (pgoff_t i = 0; i < MODEL_PAGES; i++) {
		struct folio *folio = filemap_get_folio(mapping, i);
		bool there = !IS_ERR(folio);

		if (there)
			folio_put(folio);
		if (there != m->present[i]) {
			kunit_fail(test, __FILE__, __LINE__, "page %lu: cached %d, model %d", i,
				   there, m->present[i]);
			return false;
		}
	}
	return true;
}

static void shmem_random_vs_model(struct kunit *test)
{
	struct model m = { 0 };
	u8 *buf = kmalloc(MODEL_MAX, GFP_KERNEL);
	struct file *f = shmem_file_setup("model", 0, 0);
	u64 seed = seed_given ? seed_param : (get_random_long() | 1);
	int op;

	m.data = kzalloc(MODEL_MAX, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, buf && m.data && !IS_ERR(f));
	rnd_state = seed ? seed : 1;
	printk(KERN_INFO "    # shmem_random_vs_model: seed %llu (replay: shmem_kunit.seed=%llu)\n",
	       (unsigned long long)seed, (unsigned long long)seed);

	for (op = 0; op < MODEL_OPS && !test->failed; op++) {
		unsigned int kind = rnd_below(100);
		loff_t pos = rnd_below(MODEL_MAX);
		size_t len = 1 + rnd_below(rnd_below(4) ? 300 : 3 * PAGE_SIZE);

		if (pos + (loff_t)len > MODEL_MAX)
			len = MODEL_MAX - pos;
		if (kind < 40) {		/* write */
			for (size_t j = 0; j < len; j++)
				buf[j] = (u8)rnd();
			if (pwrite(f, buf, len, pos) != (ssize_t)len) {
				kunit_fail(test, __FILE__, __LINE__, "op %d: write %zu at %lld", op, len, pos);
				break;
			}
			memcpy(m.data + pos, buf, len);
			m.size = max(m.size, pos + (loff_t)len);
			for (pgoff_t i = pos >> PAGE_SHIFT; i <= (pos + len - 1) >> PAGE_SHIFT; i++)
				m.present[i] = true;
		} else if (kind < 55) {		/* truncate */
			loff_t nsize = rnd_below(3) ? rnd_below(MODEL_MAX) : rnd_below(PAGE_SIZE);

			if (ftruncate(f, nsize)) {
				kunit_fail(test, __FILE__, __LINE__, "op %d: truncate %lld", op, nsize);
				break;
			}
			/*
			 * Linux's shmem_setattr truncates when the size does not grow,
			 * which also drops KEEP_SIZE pages past EOF at the same size.
			 */
			if (nsize <= m.size) {
				memset(m.data + nsize, 0, m.size - nsize);
				model_drop_pages_from(&m, nsize);
			}
			m.size = nsize;
		} else if (kind < 70) {		/* punch */
			loff_t end = pos + len;	/* exclusive */

			if (vfs_fallocate(f, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, pos, len)) {
				kunit_fail(test, __FILE__, __LINE__, "op %d: punch %zu at %lld", op, len, pos);
				break;
			}
			if (pos < m.size)
				memset(m.data + pos, 0, min(end, m.size) - pos);
			for (pgoff_t i = DIV_ROUND_UP(pos, PAGE_SIZE); i < (pgoff_t)(end >> PAGE_SHIFT); i++)
				m.present[i] = false;
		} else if (kind < 78) {		/* fallocate, sometimes KEEP_SIZE */
			int mode = rnd_below(2) ? FALLOC_FL_KEEP_SIZE : 0;

			if (vfs_fallocate(f, mode, pos, len)) {
				kunit_fail(test, __FILE__, __LINE__, "op %d: fallocate %zu at %lld", op, len, pos);
				break;
			}
			if (!mode)
				m.size = max(m.size, pos + (loff_t)len);
			for (pgoff_t i = pos >> PAGE_SHIFT; i <= (pos + len - 1) >> PAGE_SHIFT; i++)
				m.present[i] = true;
		} else {			/* read */
			ssize_t want = pos >= m.size ? 0 : min((loff_t)len, m.size - pos);
			ssize_t got = pread(f, buf, len, pos);

			if (got != want || memcmp(buf, m.data + pos, want)) {
				kunit_fail(test, __FILE__, __LINE__,
					   "op %d: read %zu at %lld: got %zd, want %zd%s", op, len, pos,
					   got, want, got == want ? " (data differ)" : "");
				break;
			}
		}
		if (file_size(f) != m.size) {
			kunit_fail(test, __FILE__, __LINE__, "op %d: size %lld, model %lld", op,
				   file_size(f), m.size);
			break;
		}
		if (file_mapping(f)->nrpages != model_nrpages(&m)) {
			kunit_fail(test, __FILE__, __LINE__, "op %d: nrpages %lu, model %lu", op,
				   file_mapping(f)->nrpages, model_nrpages(&m));
			break;
		}
		if (!(op % 100) && !model_check_pages(test, &m, f))
			break;
	}
	if (!test->failed) {
		ssize_t got = pread(f, buf, MODEL_MAX, 0);

		KUNIT_EXPECT_EQ(test, got, m.size);
		KUNIT_EXPECT_TRUE(test, got == m.size && !memcmp(buf, m.data, m.size));
		model_check_pages(test, &m, f);
	}
	if (test->failed)
		printk(KERN_INFO "    # shmem_random_vs_model: failed at op %d of seed %llu\n", op,
		       (unsigned long long)seed);
	fput(f);
	kfree(m.data);
	kfree(buf);
}

static struct kunit_case shmem_smp_cases[] = {
	KUNIT_CASE(shmem_smp_writers),
	KUNIT_CASE(shmem_smp_read_vs_truncate),
	KUNIT_CASE(shmem_smp_regions_model),
	{}
};

static struct kunit_suite shmem_smp_suite = {
	.name = "shmem.smp",
	.test_cases = shmem_smp_cases,
};
kunit_test_suite(shmem_smp_suite);

static struct kunit_case shmem_model_cases[] = {
	KUNIT_CASE(shmem_random_vs_model),
	{}
};

static struct kunit_suite shmem_model_suite = {
	.name = "shmem.model",
	.test_cases = shmem_model_cases,
};
kunit_test_suite(shmem_model_suite);
