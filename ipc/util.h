/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ipc/util.c gives ipc/shm.c (Linux: ipc/util.h and struct ipc_ids of
 * include/linux/ipc_namespace.h).
 */
#ifndef _IPC_UTIL_H
#define _IPC_UTIL_H

#include <linux/ipc.h>
#include <linux/rwsem.h>

/*
 * The objects of one kind (Linux: struct ipc_ids): a table indexed by the
 * low bits of the id (Linux: an idr), under rwsem. seq grows each time an
 * index at or below the last one handed out is reused, so a stale id
 * stops matching (ipc_checkid).
 */
struct ipc_ids {
	int in_use;			/* objects in the table */
	unsigned short seq;
	int max_idx;			/* the highest index in use, -1 if none */
	int last_idx;			/* the index handed out last, -1 at first */
	struct rw_semaphore rwsem;
	struct kern_ipc_perm **entries;	/* size slots */
	int size;
};

#define IPC_IDS_INIT(name, table)                                   \
	{                                                           \
		.max_idx = -1,                                      \
		.last_idx = -1,                                     \
		.rwsem = __RWSEM_INITIALIZER(name.rwsem),           \
		.entries = table,                                   \
		.size = ARRAY_SIZE(table),                          \
	}

/* What ipcget() needs of a kind (Linux: struct ipc_ops, struct ipc_params). */
struct ipc_params {
	key_t key;
	int flg;
	size_t size;
};

struct ipc_ops {
	int (*getnew)(struct ipc_ids *ids, struct ipc_params *params);
	int (*more_checks)(struct kern_ipc_perm *ipcp, struct ipc_params *params);
};

static inline int ipc_buildid(int idx, struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	return (int)(ipcp->seq << IPCMNI_SHIFT) + idx;
}

static inline int ipcid_to_idx(int id)
{
	return id & IPCMNI_IDX_MASK;
}

static inline int ipcid_to_seqx(int id)
{
	return id >> IPCMNI_SHIFT;
}

/* Under rwsem held for writing: the index, or -ENOSPC past limit objects. */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit);
void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
/* The object keeps its id but can no longer be found by key. */
void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp);
/* Under rwsem: by key (NULL if none), by index (-EINVAL), by id (-EINVAL, seq checked). */
struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key);
struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id);
struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id);
/* The highest index in use, -1 if none (IPC_INFO, SHM_INFO). */
int ipc_get_maxidx(struct ipc_ids *ids);
/* shmget's lookup-or-create: the id or -errno. Takes rwsem itself. */
int ipcget(struct ipc_ids *ids, const struct ipc_ops *ops, struct ipc_params *params);
/* Linux: ipcperms(): 0 if the caller may use the object with flag's rwx bits. */
int ipcperms(struct kern_ipc_perm *ipcp, short flag);
void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out);
int ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out);

#endif /* _IPC_UTIL_H */
