/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shmem: tmpfs, and the kernel-internal files behind shared anonymous
 * memory, memfd and SysV shm (Linux: include/linux/shmem_fs.h, mm/shmem.c).
 * A shmem inode's data live only in its page cache; an absent index is a
 * hole that reads as zeros. See mm/shmem.c and docs/mm/shmem.md.
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct folio;
struct vfsmount;

/* Linux: struct shmem_inode_info, the VFS inode embedded at its end. */
struct shmem_inode_info {
	spinlock_t lock;		/* alloced */
	unsigned long flags;		/* VM_NORESERVE etc. as passed to shmem_file_setup */
	unsigned long alloced;		/* pages charged to the mount's block count */
	unsigned int seals;		/* F_SEAL_* (linux/memfd.h), under the inode lock */
	struct inode vfs_inode;
};

/* Linux: struct shmem_sb_info, one per tmpfs mount (sb->s_fs_info). 0 limits: unlimited. */
struct shmem_sb_info {
	unsigned long max_blocks;	/* size= in pages */
	long used_blocks;		/* pages charged (stat_lock) */
	unsigned long max_inodes;	/* nr_inodes= */
	unsigned long free_inodes;	/* inodes left (stat_lock) */
	spinlock_t stat_lock;		/* used_blocks, free_inodes, next_ino */
	umode_t mode;			/* the root's mode (mode=) */
	uid_t uid;
	gid_t gid;
	unsigned long next_ino;		/* inode numbers of a user mount */
	bool full_inums;		/* inode64 (the default, as Debian's CONFIG_TMPFS_INODE64=y); inode32 wraps */
};

static inline struct shmem_inode_info *SHMEM_I(struct inode *inode)
{
	return container_of(inode, struct shmem_inode_info, vfs_inode);
}

/*
 * What shmem_get_folio() may do at a hole (Linux's enum sgp_type):
 *  SGP_READ    a hole gives *foliop = NULL, nothing allocated (read() copies zeros);
 *  SGP_NOALLOC a hole gives -ENOENT;
 *  SGP_CACHE   allocate a zeroed, uptodate folio, but -EINVAL at or past i_size
 *              (the fault path: SIGBUS);
 *  SGP_WRITE   allocate, not zeroed, not uptodate, i_size not checked (write_end
 *              zeroes what the write leaves and extends i_size);
 *  SGP_FALLOC  like SGP_WRITE, and an earlier fallocated folio is zeroed now.
 * SGP_READ and SGP_CACHE give -EINVAL for an index at or past i_size.
 */
enum sgp_type {
	SGP_READ,
	SGP_NOALLOC,
	SGP_CACHE,
	SGP_WRITE,
	SGP_FALLOC,
};

#define TMPFS_MAGIC 0x01021994
#define SHMEM_SHORT_SYMLINK_LEN 128	/* bodies up to this long live in i_link */
#define BOGO_DIRENT_SIZE 20		/* what one entry adds to a directory's i_size */
#define VM_NORESERVE 0x00200000UL	/* shmem_file_setup(flags): accepted, unused */

extern struct file_system_type shmem_fs_type;
extern const struct address_space_operations shmem_aops;
extern const struct file_operations shmem_file_operations;

/* The shmem inode cache, tmpfs registered, the internal mount shm_mnt. */
int shmem_init(void);
/* An unlinked shmem file of size bytes on shm_mnt (S_PRIVATE); flags: VM_NORESERVE. */
struct file *shmem_file_setup(const char *name, loff_t size, unsigned long flags);
struct file *shmem_kernel_file_setup(const char *name, loff_t size, unsigned long flags);
/* Drop the folios wholly inside [lstart, lend] (lend -1: to the end), zero the partial ones. */
void shmem_truncate_range(struct inode *inode, loff_t lstart, loff_t lend);
/* The locked, referenced folio at index (see enum sgp_type), or NULL with SGP_READ. */
int shmem_get_folio(struct inode *inode, pgoff_t index, struct folio **foliop,
		    enum sgp_type sgp);
bool shmem_mapping(const struct address_space *mapping);
/* The internal mount (Linux: shm_mnt); NULL before shmem_init(). */
extern struct vfsmount *shm_mnt;

#endif /* _LINUX_SHMEM_FS_H */
