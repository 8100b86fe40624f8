/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The directory-entry cache (Linux: include/linux/dcache.h, fs/dcache.c).
 *
 * A dentry names one inode (or, negative, no inode) in one directory: it
 * has a parent, a name and a list of children, and lives in a hash table
 * keyed by (parent, name) that path walk searches before asking the
 * filesystem (lookup_fast before lookup_slow). Every user holds a
 * reference (dget/dput); a dentry whose count drops to zero stays cached
 * if it is hashed and positive, and is freed otherwise.
 *
 * Simplified from Linux: one spinlock (dcache_lock, the name Linux used
 * until 2.6.38) guards the hash table, the trees and d_inode; each
 * dentry's d_lock guards its count. No RCU walk, no LRU or shrinker
 * (tmpfs pins its dentries anyway; a negative dentry is freed at its
 * last dput instead of lingering), no d_op revalidation.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct dentry;
struct inode;
struct super_block;
struct path;

/* A name with its length and hash (Linux: struct qstr). */
struct qstr {
	u32 hash;
	u32 len;
	const unsigned char *name;
};

#define QSTR_INIT(n, l) { .hash = 0, .len = (l), .name = (const unsigned char *)(n) }

/*
 * What a filesystem may say about its dentries (Linux: struct
 * dentry_operations, only these two): d_revalidate is asked before a
 * cached dentry is used by path walk (0: stale, drop it and look up
 * again), d_delete at the last dput (1: free it now rather than cache it).
 * /proc's per-process dentries use both.
 */
struct dentry_operations {
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_delete)(const struct dentry *dentry);
};

/* Names up to this long live inside the dentry; longer ones are kmalloc'ed. */
#define DNAME_INLINE_LEN 40

/* Linux's struct lockref: a count and the lock that guards it. */
struct lockref {
	spinlock_t lock;
	int count;
};

struct dentry {
	unsigned int d_flags;		/* DCACHE_* */
	struct list_head d_hash;	/* in dentry_hashtable, when hashed */
	struct dentry *d_parent;	/* itself for a root */
	struct qstr d_name;
	struct inode *d_inode;		/* NULL: negative */
	unsigned char d_iname[DNAME_INLINE_LEN];
	struct lockref d_lockref;
#define d_lock d_lockref.lock
	struct super_block *d_sb;
	const struct dentry_operations *d_op;	/* NULL: the defaults */
	unsigned long d_time;		/* for the filesystem */
	void *d_fsdata;			/* for the filesystem */
	struct list_head d_child;	/* in the parent's d_subdirs */
	struct list_head d_subdirs;	/* our children (Linux 6.8+: d_children) */
};

/* d_flags (Linux's names and meanings) */
#define DCACHE_MOUNTED 0x00010000	/* a filesystem is mounted on it */
#define DCACHE_DENTRY_KILLED 0x00100000
#define DCACHE_DENTRY_CURSOR 0x20000000	/* dcache_readdir's place holder */
#define DCACHE_DISCONNECTED 0x00000020	/* not in any tree (pseudo files) */
#define DCACHE_UNHASHED 0x80000000	/* Linux tests d_hash.pprev; ours is a flag */

extern spinlock_t dcache_lock;

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
struct dentry *d_make_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name);
void d_rehash(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *dentry1, struct dentry *dentry2);
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry);
void d_genocide(struct dentry *root);
void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op);
/* Unhash it so no lookup finds it again (Linux: d_invalidate, without the mounts). */
void d_invalidate(struct dentry *dentry);
void shrink_dcache_parent(struct dentry *parent);
char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen);
char *d_path(const struct path *path, char *buf, int buflen);

struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
struct dentry *dget_parent(struct dentry *dentry);
int d_count(const struct dentry *dentry);

u32 full_name_hash(const void *salt, const char *name, unsigned int len);

static inline bool d_unhashed(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNHASHED;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

#define d_is_negative d_really_is_negative
#define d_is_positive d_really_is_positive
#define d_backing_inode d_inode

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

bool d_is_dir(const struct dentry *dentry);
bool d_is_symlink(const struct dentry *dentry);
bool d_is_reg(const struct dentry *dentry);
bool d_can_lookup(const struct dentry *dentry);

/* Objects in use, for leak checks (Linux: /proc/sys/fs/dentry-state). */
long get_nr_dentry(void);

#endif /* _LINUX_DCACHE_H */
