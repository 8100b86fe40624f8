// SPDX-License-Identifier: GPL-2.0
/*
 * System V IPC on the running kernel (ipc/util.c, ipc/shm.c). Linux tests
 * these from user space (LTP's shmget/shmctl cases, the ipc selftests);
 * here the user test suite (user/tests/memfd_ipc.c) does the same, and
 * these in-kernel cases cover what it cannot reach:
 *
 * Suite "ipc":
 *  - ipc_ids: the id table on a private struct ipc_ids — the lowest free
 *    index, ids seq * 32768 + index with seq bumped when an index is
 *    reused at or below the last one, a stale id refused (-EINVAL) while
 *    the index finds the new object, max_idx kept on removal, -ENOSPC at
 *    the limit, lookup by key (never for IPC_PRIVATE);
 *  - ipcget: IPC_PRIVATE always new, -ENOENT without IPC_CREAT, -EEXIST
 *    with IPC_CREAT|IPC_EXCL, ->more_checks's error passed on;
 *  - shm_limits: shmget's size limits, then SHMMNI segments and the next
 *    one -ENOSPC; all removed with IPC_RMID, no segment, file, dentry or
 *    page left behind;
 *  - shmem_names: the names /proc/PID/fd and /proc/PID/maps show for the
 *    files memfd_create and shmget make (d_path: "/memfd:NAME (deleted)",
 *    "/SYSV0000002a (deleted)"), as Linux prints them.
 */
#include <kunit/test.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/ipc.h>
#include <linux/mm.h>
#include <linux/shm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../../ipc/util.h"
#include "kunit_pages.h"

#define NR_SLOTS 8

static struct kern_ipc_perm *test_entries[NR_SLOTS];
static struct kern_ipc_perm objs[NR_SLOTS + 1];

static void ipc_ids_table(struct kunit *test)
{
	struct ipc_ids ids = IPC_IDS_INIT(ids, test_entries);
	int i, id0, id1;

	memset(test_entries, 0, sizeof(test_entries));
	memset(objs, 0, sizeof(objs));
	KUNIT_EXPECT_EQ(test, ipc_get_maxidx(&ids), -1);
	for (i = 0; i < NR_SLOTS; i++) {
		objs[i].key = 100 + i;
		KUNIT_EXPECT_EQ(test, ipc_addid(&ids, &objs[i], NR_SLOTS), i);
		/* The first round: seq 0, so the id is the index. */
		KUNIT_EXPECT_EQ(test, objs[i].id, i);
	}
	KUNIT_EXPECT_EQ(test, ipc_get_maxidx(&ids), NR_SLOTS - 1);
	KUNIT_EXPECT_EQ(test, ipc_addid(&ids, &objs[NR_SLOTS], NR_SLOTS), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ipc_addid(&ids, &objs[NR_SLOTS], 4), -ENOSPC);

	KUNIT_EXPECT_TRUE(test, ipc_findkey(&ids, 103) == &objs[3]);
	KUNIT_EXPECT_TRUE(test, ipc_findkey(&ids, 999) == NULL);
	KUNIT_EXPECT_TRUE(test, ipc_obtain_object_check(&ids, 5) == &objs[5]);

	/* Free index 2 and reuse it: the new object's id differs from the old one's. */
	id0 = objs[2].id;
	ipc_rmid(&ids, &objs[2]);
	KUNIT_EXPECT_TRUE(test, objs[2].deleted);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ipc_obtain_object_check(&ids, id0)), -EINVAL);
	KUNIT_EXPECT_TRUE(test, ipc_findkey(&ids, 102) == NULL);
	objs[NR_SLOTS].key = 200;
	KUNIT_EXPECT_EQ(test, ipc_addid(&ids, &objs[NR_SLOTS], NR_SLOTS), 2);
	id1 = objs[NR_SLOTS].id;
	KUNIT_EXPECT_EQ(test, id1, (1 << IPCMNI_SHIFT) + 2);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ipc_obtain_object_check(&ids, id0)), -EINVAL);
	KUNIT_EXPECT_TRUE(test, ipc_obtain_object_check(&ids, id1) == &objs[NR_SLOTS]);
	/* By index (SHM_STAT) the sequence does not matter. */
	KUNIT_EXPECT_TRUE(test, ipc_obtain_object_idr(&ids, 2) == &objs[NR_SLOTS]);
	/* The very index handed out last, freed and handed out again: a new id too. */
	ipc_rmid(&ids, &objs[NR_SLOTS]);
	KUNIT_EXPECT_EQ(test, ipc_addid(&ids, &objs[NR_SLOTS], NR_SLOTS), 2);
	KUNIT_EXPECT_EQ(test, objs[NR_SLOTS].id, (2 << IPCMNI_SHIFT) + 2);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ipc_obtain_object_check(&ids, id1)), -EINVAL);

	/* A key made private is no longer found, the id still is. */
	ipc_set_key_private(&ids, &objs[4]);
	KUNIT_EXPECT_TRUE(test, ipc_findkey(&ids, 104) == NULL);
	KUNIT_EXPECT_TRUE(test, ipc_findkey(&ids, IPC_PRIVATE) == NULL);
	KUNIT_EXPECT_TRUE(test, ipc_obtain_object_check(&ids, objs[4].id) == &objs[4]);

	/* max_idx follows removals from the top. */
	ipc_rmid(&ids, &objs[7]);
	ipc_rmid(&ids, &objs[6]);
	KUNIT_EXPECT_EQ(test, ipc_get_maxidx(&ids), 5);
	ipc_rmid(&ids, &objs[5]);
	ipc_rmid(&ids, &objs[3]);
	KUNIT_EXPECT_EQ(test, ipc_get_maxidx(&ids), 4);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ipc_obtain_object_idr(&ids, 6)), -EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ipc_obtain_object_idr(&ids, NR_SLOTS + 3)), -EINVAL);
	for (i = 0; i < 5; i++)
		if (i != 3)
			ipc_rmid(&ids, i == 2 ? &objs[NR_SLOTS] : &objs[i]);
	KUNIT_EXPECT_EQ(test, ids.in_use, 0);
	KUNIT_EXPECT_EQ(test, ipc_get_maxidx(&ids), -1);
}

static int getnew_calls;

static int test_getnew(struct ipc_ids *ids, struct ipc_params *params)
{
	struct kern_ipc_perm *new = &objs[getnew_calls++];
	int err;

	new->key = params->key;
	new->mode = params->flg & 0777;
	err = ipc_addid(ids, new, NR_SLOTS);
	return err < 0 ? err : new->id;
}

static int test_more_checks(struct kern_ipc_perm *ipcp, struct ipc_params *params)
{
	return params->size > 10 ? -EINVAL : 0;
}

static void ipc_ipcget(struct kunit *test)
{
	static const struct ipc_ops ops = { .getnew = test_getnew, .more_checks = test_more_checks };
	struct ipc_ids ids = IPC_IDS_INIT(ids, test_entries);
	struct ipc_params p = { .key = 42, .flg = 0600, .size = 1 };
	int id, id2;

	memset(test_entries, 0, sizeof(test_entries));
	memset(objs, 0, sizeof(objs));
	getnew_calls = 0;
	KUNIT_EXPECT_EQ(test, ipcget(&ids, &ops, &p), -ENOENT);
	p.flg = IPC_CREAT | 0600;
	id = ipcget(&ids, &ops, &p);
	KUNIT_EXPECT_GE(test, id, 0);
	KUNIT_EXPECT_EQ(test, objs[0].mode, 0600);
	KUNIT_EXPECT_EQ(test, ipcget(&ids, &ops, &p), id);
	p.flg = 0;
	KUNIT_EXPECT_EQ(test, ipcget(&ids, &ops, &p), id);
	p.flg = IPC_CREAT | IPC_EXCL;
	KUNIT_EXPECT_EQ(test, ipcget(&ids, &ops, &p), -EEXIST);
	p.flg = 0;
	p.size = 11;
	KUNIT_EXPECT_EQ(test, ipcget(&ids, &ops, &p), -EINVAL);
	/* IPC_PRIVATE: a new object every time, with or without IPC_CREAT. */
	p.key = IPC_PRIVATE;
	id2 = ipcget(&ids, &ops, &p);
	KUNIT_EXPECT_GE(test, id2, 0);
	KUNIT_EXPECT_NE(test, id2, id);
	KUNIT_EXPECT_NE(test, ipcget(&ids, &ops, &p), id2);
	KUNIT_EXPECT_EQ(test, getnew_calls, 3);
	KUNIT_EXPECT_EQ(test, ids.in_use, 3);
}

static void ipc_shm_limits(struct kunit *test)
{
	long files0 = get_nr_files(), dentries0 = get_nr_dentry();
	int segs0 = shm_nr_segments(), n = SHMMNI - segs0, made = 0;
	unsigned long free0 = shrunk_free_pages(), free1;
	int *ids;
	long id;

	KUNIT_EXPECT_EQ(test, ksys_shmget(IPC_PRIVATE, 0, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_shmget(IPC_PRIVATE, SHMMAX + 1, 0600), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_shmget(IPC_PRIVATE, 4096, SHM_HUGETLB | 0600), -ENOMEM);
	KUNIT_EXPECT_EQ(test, ksys_shmctl(-1, IPC_RMID, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, ksys_shmctl(0, -1, NULL), -EINVAL);

	ids = kcalloc(n, sizeof(*ids), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, ids != NULL);
	for (int i = 0; i < n; i++) {
		id = ksys_shmget(IPC_PRIVATE, 4096 * (i % 3 + 1), 0600);
		if (id < 0) {
			kunit_fail(test, __FILE__, __LINE__, "segment %d of %d: shmget %ld", i, n, id);
			break;
		}
		ids[made++] = id;
	}
	KUNIT_EXPECT_EQ(test, shm_nr_segments(), SHMMNI);
	KUNIT_EXPECT_EQ(test, ksys_shmget(IPC_PRIVATE, 4096, 0600), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ksys_shmget(1234, 4096, IPC_CREAT | 0600), -ENOSPC);
	for (int i = 0; i < made; i++)
		KUNIT_EXPECT_EQ(test, ksys_shmctl(ids[i], IPC_RMID, NULL), 0);
	/* Gone: a second IPC_RMID finds nothing. */
	if (made)
		KUNIT_EXPECT_EQ(test, ksys_shmctl(ids[0], IPC_RMID, NULL), -EINVAL);
	kfree(ids);

	KUNIT_EXPECT_EQ(test, shm_nr_segments(), segs0);
	KUNIT_EXPECT_EQ(test, get_nr_files(), files0);
	KUNIT_EXPECT_EQ(test, get_nr_dentry(), dentries0);
	free1 = shrunk_free_pages();
	KUNIT_EXPECT_LE(test, free0, free1 + 8);
}

static void ipc_shmem_names(struct kunit *test)
{
	static const char *const names[] = { "memfd:kunit", "SYSV0000002a" };
	char buf[64], want[64];

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++) {
		struct file *file = shmem_file_setup(names[i], 0, VM_NORESERVE);
		char *p;

		KUNIT_ASSERT_TRUE(test, !IS_ERR(file));
		p = d_path(&file->f_path, buf, sizeof(buf));
		snprintf(want, sizeof(want), "/%s (deleted)", names[i]);
		KUNIT_EXPECT_TRUE(test, !IS_ERR(p) && !strcmp(p, want));
		if (!IS_ERR(p) && strcmp(p, want))
			kunit_fail(test, __FILE__, __LINE__, "d_path gave '%s', not '%s'", p, want);
		fput(file);
	}
}

static struct kunit_case ipc_cases[] = {
	KUNIT_CASE(ipc_shmem_names),
	KUNIT_CASE(ipc_ids_table),
	KUNIT_CASE(ipc_ipcget),
	KUNIT_CASE(ipc_shm_limits),
	{}
};

static struct kunit_suite ipc_suite = {
	.name = "ipc",
	.test_cases = ipc_cases,
};
kunit_test_suite(ipc_suite);
