/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of fs/ share and nobody else needs (Linux: fs/internal.h). */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>

#include <linux/namei.h>
#include <linux/path.h>

/* One path walk's state (Linux: struct nameidata in fs/namei.c). */
struct nameidata {
	struct path path;		/* where the walk is */
	struct qstr last;		/* the component being (or last) looked at */
	struct path root;		/* ".." stops here; absolute symlinks start here */
	unsigned int flags;		/* LOOKUP_* */
	int last_type;			/* LAST_NORM, LAST_DOT ... */
	unsigned int depth;		/* symlinks being walked */
	int total_link_count;		/* symlinks followed in all */
	int dfd;
	struct filename *name;
	const struct path *start_root;	/* vfs_path_lookup's base, else NULL */
	struct saved {
		struct path link;	/* holds the body in memory */
		const char *name;	/* what is left after the link; NULL: it was last */
		void *done;		/* get_link's body to kfree at put_link, or NULL */
	} stack[MAXSYMLINKS];
};

void set_nameidata(struct nameidata *nd, int dfd, struct filename *name,
		   const struct path *root);
int link_path_walk(const char *name, struct nameidata *nd);
void terminate_walk(struct nameidata *nd);
int filename_parentat(int dfd, struct filename *name, unsigned int flags, struct path *parent,
		      struct qstr *last, int *type);

struct open_flags {
	int open_flag;		/* O_* */
	umode_t mode;		/* with O_CREAT */
	int acc_mode;		/* MAY_READ | MAY_WRITE ... */
	int intent;		/* LOOKUP_OPEN | LOOKUP_CREATE ... */
	int lookup_flags;
};

#define MAY_EXEC 0x00000001
#define MAY_WRITE 0x00000002
#define MAY_READ 0x00000004

/* fs/dcache.c */
void dcache_init(void);
void d_set_mounted_locked(struct dentry *dentry, bool mounted);
/* fs/inode.c */
void inode_init(void);
void evict_inodes(struct super_block *sb);
/* fs/file_table.c */
void files_init(void);
struct file *alloc_empty_file(int flags);
/* fs/namespace.c */
void mnt_init(void);
struct vfsmount *mnt_alloc_for_sb(struct dentry *root, const char *name);
/* fs/open.c */
int do_dentry_open(struct file *f, int (*open)(struct inode *, struct file *));
int build_open_flags(int flags, umode_t mode, struct open_flags *op);
struct file *do_file_open_root(const struct path *root, const char *name,
			       const struct open_flags *op);
/* fs/super.c */
struct super_block *alloc_super(struct file_system_type *type, int flags);
/* fs/dcache.c */
void shrink_dcache_for_umount(struct super_block *sb);

#endif /* _FS_INTERNAL_H */
