/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System V shared memory (Linux: include/linux/shm.h, include/uapi/linux/
 * shm.h and the x86-64 layout of asm-generic/shmbuf.h). See ipc/shm.c.
 */
#ifndef _LINUX_SHM_H
#define _LINUX_SHM_H

#include <linux/ipc.h>
#include <linux/types.h>

/* The defaults of the limits (Linux: SHMMAX/SHMALL are "unlimited" since 3.16). */
#define SHMMIN 1			/* min shared seg size (bytes) */
#define SHMMNI 4096			/* max num of segs system wide */
#define SHMMAX (~0UL - (1UL << 24))	/* max shared seg size (bytes) */
#define SHMALL (~0UL - (1UL << 24))	/* max shm system wide (pages) */
#define SHMSEG SHMMNI			/* max shared segs per process */

/* shmget flags beyond IPC_CREAT/IPC_EXCL and the permission bits. */
#define SHM_HUGETLB 04000		/* segment will use huge TLB pages */
#define SHM_NORESERVE 010000		/* don't check for reservations */

/* shmat flags. */
#define SHM_RDONLY 010000		/* read-only access */
#define SHM_RND 020000			/* round attach address to SHMLBA boundary */
#define SHM_REMAP 040000		/* take-over region on attach */
#define SHM_EXEC 0100000		/* execution access */
#define SHMLBA PAGE_SIZE		/* attach addresses are multiples of it (x86) */

/* shmctl commands beyond IPC_*. */
#define SHM_LOCK 11
#define SHM_UNLOCK 12
#define SHM_STAT 13
#define SHM_INFO 14
#define SHM_STAT_ANY 15

/* In shm_perm.mode. */
#define SHM_DEST 01000			/* segment will be destroyed on last detach */
#define SHM_LOCKED 02000		/* segment will not be swapped */

/* Linux's struct shmid64_ds on x86-64 (112 bytes). */
struct shmid64_ds {
	struct ipc64_perm shm_perm;	/* operation perms */
	size_t shm_segsz;		/* size of segment (bytes) */
	long shm_atime;			/* last attach time */
	long shm_dtime;			/* last detach time */
	long shm_ctime;			/* last change time */
	int shm_cpid;			/* pid of creator */
	int shm_lpid;			/* pid of last operator */
	unsigned long shm_nattch;	/* no. of current attaches */
	unsigned long __unused4;
	unsigned long __unused5;
};

/* IPC_INFO's answer. */
struct shminfo64 {
	unsigned long shmmax;
	unsigned long shmmin;
	unsigned long shmmni;
	unsigned long shmseg;
	unsigned long shmall;
	unsigned long __unused1;
	unsigned long __unused2;
	unsigned long __unused3;
	unsigned long __unused4;
};

/* SHM_INFO's answer. */
struct shm_info {
	int used_ids;
	unsigned long shm_tot;		/* total allocated shm (pages) */
	unsigned long shm_rss;		/* total resident shm (pages) */
	unsigned long shm_swp;		/* total swapped shm (pages) */
	unsigned long swap_attempts;
	unsigned long swap_successes;
};

/* Segments in use (leak checks). */
int shm_nr_segments(void);
/* shmget(2) and shmctl(2), for in-kernel callers (tests). */
long ksys_shmget(key_t key, size_t size, int shmflg);
long ksys_shmctl(int shmid, int cmd, void __user *buf);

#endif /* _LINUX_SHM_H */
