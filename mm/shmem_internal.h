/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What mm/shmem.c, mm/shmem_mmap.c and mm/shmem_super.c share (in Linux both are one file,
 * mm/shmem.c, and these are its static functions).
 */
#ifndef _MM_SHMEM_INTERNAL_H
#define _MM_SHMEM_INTERNAL_H

#include <linux/fs.h>
#include <linux/shmem_fs.h>

static inline struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* mm/shmem.c */
unsigned long shmem_default_max_blocks(void);
unsigned long shmem_default_max_inodes(void);
int shmem_reserve_inode(struct super_block *sb, unsigned long *inop);
void shmem_free_inode(struct super_block *sb);
int shmem_inode_acct_blocks(struct inode *inode, long pages);
void shmem_inode_unacct_blocks(struct inode *inode, long pages);
void shmem_recalc_inode(struct inode *inode, long alloced);
struct inode *shmem_get_inode(struct super_block *sb, struct inode *dir, umode_t mode,
			      dev_t dev, unsigned long flags);
struct inode *shmem_alloc_inode(struct super_block *sb);
void shmem_free_in_core_inode(struct inode *inode);
void shmem_evict_inode(struct inode *inode);
int shmem_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		  unsigned int query_flags);
int shmem_setattr(struct dentry *dentry, struct iattr *attr);

/* mm/shmem_mmap.c */
int shmem_mmap(struct file *file, struct vm_area_struct *vma);

/* mm/shmem_super.c */
extern const struct inode_operations shmem_dir_inode_operations;
extern const struct inode_operations shmem_special_inode_operations;
extern const struct inode_operations shmem_short_symlink_operations;
extern const struct inode_operations shmem_symlink_inode_operations;
extern const struct super_operations shmem_ops;

#endif /* _MM_SHMEM_INTERNAL_H */
