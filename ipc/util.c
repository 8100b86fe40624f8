// SPDX-License-Identifier: GPL-2.0
/*
 * The table of System V IPC objects and what every kind shares (Linux:
 * ipc/util.c: ipc_addid, ipc_rmid, ipc_findkey, ipc_obtain_object_idr/
 * _check, ipcget_new/ipcget_public, ipcperms, kernel_to_ipc64_perm,
 * ipc_update_perm, ipc_get_maxidx).
 *
 * An object's id is ipc_buildid(): seq * IPCMNI (32768) + its index in
 * the table. ipc_addid() gives the lowest free index (Linux's idr_alloc)
 * and bumps ids->seq whenever that index is not above the last one
 * handed out, so that an id whose object was removed does not find the
 * next object in the same slot (ipc_checkid: -EINVAL). ipcget() is the
 * common half of shmget (and would be of msgget/semget): IPC_PRIVATE
 * always makes a new object; a key finds its object, or -ENOENT without
 * IPC_CREAT, or -EEXIST with IPC_CREAT|IPC_EXCL. Everything is done under
 * the kind's rwsem (written for changes, read for lookups).
 *
 * Left out, against Linux: IPC namespaces (one set of ids for the whole
 * system), the per-object spinlock and RCU lookups (the rwsem covers
 * everything), the key hash table (ipc_findkey scans up to max_idx),
 * ipcmni_extend and the checkpoint/restore next_id, user namespaces;
 * ipcperms() always allows (every task is root: CAP_IPC_OWNER), though
 * the mode bits are recorded and shown.
 */
#include <linux/err.h>
#include <linux/panic.h>
#include <linux/ipc.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stat.h>

#include "util.h"

#define IPCID_SEQ_MAX (INT_MAX >> IPCMNI_SHIFT)

int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *new, int limit)
{
	int idx;

	if (limit > ids->size)
		limit = ids->size;
	if (ids->in_use >= limit)
		return -ENOSPC;
	for (idx = 0; idx < ids->size && ids->entries[idx]; idx++)
		;
	if (idx >= ids->size)
		return -ENOSPC;

	/* Linux: current_euid_egid(); every task is root here. */
	new->cuid = new->uid = 0;
	new->cgid = new->gid = 0;
	new->deleted = false;
	if (idx <= ids->last_idx) {
		ids->seq++;
		if (ids->seq >= IPCID_SEQ_MAX)
			ids->seq = 0;
	}
	ids->last_idx = idx;
	new->seq = ids->seq;
	new->id = ipc_buildid(idx, ids, new);
	ids->entries[idx] = new;
	ids->in_use++;
	if (idx > ids->max_idx)
		ids->max_idx = idx;
	return idx;
}

void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	int idx = ipcid_to_idx(ipcp->id);

	if (WARN_ON(idx >= ids->size || ids->entries[idx] != ipcp))
		return;
	ids->entries[idx] = NULL;
	ids->in_use--;
	ipcp->deleted = true;
	if (idx == ids->max_idx) {
		do {
			idx--;
		} while (idx >= 0 && !ids->entries[idx]);
		ids->max_idx = idx;
	}
}

void ipc_set_key_private(struct ipc_ids *ids, struct kern_ipc_perm *ipcp)
{
	ipcp->key = IPC_PRIVATE;
}

struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, key_t key)
{
	int idx;

	if (key == IPC_PRIVATE)
		return NULL;
	for (idx = 0; idx <= ids->max_idx; idx++) {
		struct kern_ipc_perm *ipcp = ids->entries[idx];

		if (ipcp && ipcp->key == key)
			return ipcp;
	}
	return NULL;
}

struct kern_ipc_perm *ipc_obtain_object_idr(struct ipc_ids *ids, int id)
{
	int idx = ipcid_to_idx(id);

	if (idx >= ids->size || !ids->entries[idx])
		return ERR_PTR(-EINVAL);
	return ids->entries[idx];
}

struct kern_ipc_perm *ipc_obtain_object_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *out = ipc_obtain_object_idr(ids, id);

	if (IS_ERR(out))
		return out;
	/* Linux: ipc_checkid(), the sequence number of a stale id differs. */
	if ((unsigned long)ipcid_to_seqx(id) != out->seq)
		return ERR_PTR(-EINVAL);
	return out;
}

int ipc_get_maxidx(struct ipc_ids *ids)
{
	if (ids->in_use == 0)
		return -1;
	if (ids->in_use == IPCMNI)
		return IPCMNI - 1;
	return ids->max_idx;
}

int ipcperms(struct kern_ipc_perm *ipcp, short flag)
{
	/*
	 * Linux compares (flag >> 6 | flag >> 3 | flag) & 0007 with the
	 * owner's, group's or others' bits of ipcp->mode, and lets a task
	 * with CAP_IPC_OWNER through anyway. Every task is root here.
	 */
	return 0;
}

void kernel_to_ipc64_perm(struct kern_ipc_perm *in, struct ipc64_perm *out)
{
	out->key = in->key;
	out->uid = in->uid;
	out->gid = in->gid;
	out->cuid = in->cuid;
	out->cgid = in->cgid;
	out->mode = in->mode;
	out->seq = (unsigned short)in->seq;
}

/* IPC_SET: the owner and the rwx bits (Linux: ipc_update_perm). */
int ipc_update_perm(struct ipc64_perm *in, struct kern_ipc_perm *out)
{
	/* Linux: make_kuid() of (uid_t)-1 is invalid. */
	if (in->uid == (unsigned int)-1 || in->gid == (unsigned int)-1)
		return -EINVAL;
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (out->mode & ~S_IRWXUGO) | (in->mode & S_IRWXUGO);
	return 0;
}

/* Linux: ipc_check_perms(): the object's id if flg's rwx bits are allowed. */
static int ipc_check_perms(struct kern_ipc_perm *ipcp, struct ipc_params *params)
{
	if (ipcperms(ipcp, params->flg))
		return -EACCES;
	return ipcp->id;
}

int ipcget(struct ipc_ids *ids, const struct ipc_ops *ops, struct ipc_params *params)
{
	struct kern_ipc_perm *ipcp;
	int flg = params->flg;
	int err;

	down_write(&ids->rwsem);
	if (params->key == IPC_PRIVATE) {
		/* Linux: ipcget_new(). */
		err = ops->getnew(ids, params);
		goto out;
	}
	/* Linux: ipcget_public(). */
	ipcp = ipc_findkey(ids, params->key);
	if (!ipcp) {
		/* key not used */
		if (!(flg & IPC_CREAT))
			err = -ENOENT;
		else
			err = ops->getnew(ids, params);
	} else if ((flg & IPC_CREAT) && (flg & IPC_EXCL)) {
		err = -EEXIST;
	} else {
		err = 0;
		if (ops->more_checks)
			err = ops->more_checks(ipcp, params);
		if (!err)
			err = ipc_check_perms(ipcp, params);
	}
out:
	up_write(&ids->rwsem);
	return err;
}
