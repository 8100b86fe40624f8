/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System V IPC objects (Linux: include/linux/ipc.h, the x86-64 layouts of
 * include/uapi/linux/ipc.h and asm-generic/ipcbuf.h). Every object (only
 * shared memory segments here: ipc/shm.c) starts with a kern_ipc_perm that
 * ipc/util.c keeps in a table (struct ipc_ids), found by key or by id.
 */
#ifndef _LINUX_IPC_H
#define _LINUX_IPC_H

#include <linux/types.h>

typedef int key_t;

#define IPC_PRIVATE ((key_t)0)

/* The flags of the *get calls (resource creation). */
#define IPC_CREAT 00001000	/* create if key is nonexistent */
#define IPC_EXCL 00002000	/* fail if key exists */
#define IPC_NOWAIT 00004000	/* return error on wait */

/* The commands of the *ctl calls. */
#define IPC_RMID 0		/* remove resource */
#define IPC_SET 1		/* set ipc_perm options */
#define IPC_STAT 2		/* get ipc_perm options */
#define IPC_INFO 3		/* see ipcs */
#define IPC_64 0x0100		/* the new layouts (x86-64 has only those) */

/* Linux: IPCMNI without ipcmni_extend: ids are seq * 32768 + index. */
#define IPCMNI_SHIFT 15
#define IPCMNI (1 << IPCMNI_SHIFT)
#define IPCMNI_IDX_MASK ((1 << IPCMNI_SHIFT) - 1)

/* Linux: struct kern_ipc_perm (without the RCU head, security and hash node). */
struct kern_ipc_perm {
	bool deleted;		/* ipc_rmid() done: lookups fail */
	int id;			/* ipc_buildid(index, seq) */
	key_t key;		/* IPC_PRIVATE: not found by key */
	uid_t uid;
	gid_t gid;
	uid_t cuid;
	gid_t cgid;
	umode_t mode;		/* the rwx bits, and SHM_DEST/SHM_LOCKED for shm */
	unsigned long seq;
};

/* Linux's struct ipc64_perm, as x86-64 user space sees it (48 bytes). */
struct ipc64_perm {
	int key;
	unsigned int uid;
	unsigned int gid;
	unsigned int cuid;
	unsigned int cgid;
	unsigned int mode;
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1;
	unsigned long __unused2;
};

#endif /* _LINUX_IPC_H */
