/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path lookup for kernel callers (Linux: include/linux/namei.h,
 * fs/namei.c). The walk itself is path_lookupat() -> link_path_walk() ->
 * walk_component(), see fs/namei.c and docs/fs/vfs.md.
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/fs.h>
#include <linux/path.h>

/* lookup flags (Linux's values) */
#define LOOKUP_FOLLOW 0x0001		/* follow a trailing symlink */
#define LOOKUP_DIRECTORY 0x0002		/* the result must be a directory */
#define LOOKUP_AUTOMOUNT 0x0004
#define LOOKUP_EMPTY 0x4000		/* an empty path names the start */
#define LOOKUP_PARENT 0x0010		/* internal: stop before the last component */
#define LOOKUP_OPEN 0x0100
#define LOOKUP_CREATE 0x0200
#define LOOKUP_EXCL 0x0400
#define LOOKUP_RENAME_TARGET 0x0800
#define LOOKUP_NO_SYMLINKS 0x010000
#define LOOKUP_BENEATH 0x080000
#define LOOKUP_IN_ROOT 0x100000

/* What the last component of a parent lookup was (Linux: LAST_*). */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/*
 * A path name copied into the kernel (Linux: struct filename). getname()
 * copies it from user space; getname_kernel() takes a kernel string.
 * Both fail with -ENAMETOOLONG past PATH_MAX and -ENOENT when empty.
 */
struct filename {
	const char *name;
	int refcnt;
	char iname[];
};

struct filename *getname_kernel(const char *name);
/* From user space: -EFAULT, -ENAMETOOLONG, -ENOENT for "" unless LOOKUP_EMPTY. */
struct filename *getname_flags(const char __user *filename, int flags, int *empty);
struct filename *getname(const char __user *filename);
/* AT_EMPTY_PATH in uflags allows "" (Linux: getname_uflags). */
struct filename *getname_uflags(const char __user *filename, int uflags);
void putname(struct filename *name);

int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path);
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    const struct path *root);
/* Look up the parent of name, locked, and a dentry for its last component. */
struct dentry *kern_path_create(int dfd, const char *pathname, struct path *path,
				unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);
/* The last component of a parent lookup, under the parent's inode lock. */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
struct dentry *lookup_one_qstr_excl(const struct qstr *name, struct dentry *base,
				    unsigned int flags);

/* The system calls' work, path by path (Linux: fs/namei.c, fs/open.c). */
int do_mkdirat(int dfd, struct filename *name, umode_t mode);
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev);
int do_rmdir(int dfd, struct filename *name);
int do_unlinkat(int dfd, struct filename *name);
int do_symlinkat(struct filename *from, int newdfd, struct filename *to);
int do_linkat(int olddfd, struct filename *old, int newdfd, struct filename *new, int flags);
int do_renameat2(int olddfd, struct filename *old, int newdfd, struct filename *new,
		 unsigned int flags);
struct file *do_filp_open(int dfd, struct filename *pathname, int flags, umode_t mode);
int do_readlinkat(int dfd, struct filename *name, char *buf, int bufsiz);

/* For a magic link's ->get_link: continue the walk at path (reference taken over). */
int nd_jump_link(const struct path *path);

#endif /* _LINUX_NAMEI_H */
