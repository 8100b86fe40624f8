/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS's objects and operations (Linux: include/linux/fs.h).
 *
 * A filesystem type mounts as a super_block whose s_root dentry names its
 * root inode. Each inode has the operations of its kind (i_op, i_fop) and
 * its page cache (i_mapping, normally its own i_data). An open file is a
 * struct file: a path, the inode's file operations, a position and the
 * open flags. Reference counts: i_count on inodes, d_lockref on dentries
 * (linux/dcache.h), f_count on files, mnt_count on mounts (fs/mount.h).
 *
 * Left out (see docs/fs/vfs.md): the mnt_idmap argument of the inode
 * operations and every permission check beyond "is it the right kind of
 * object" (every caller is root), fs_context (filesystems mount through
 * the older ->mount), file locks, leases, notify, quotas, xattrs, block
 * devices, the inode hash (tmpfs inodes are never looked up by number),
 * and writeback (nothing is ever written back: tmpfs is the only
 * filesystem).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/gfp.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/rbtree_types.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/stat.h>
#include <linux/time64.h>
#include <linux/types.h>
#include <linux/uio.h>
#include <linux/xarray.h>

#define PATH_MAX 4096	/* bytes in a path, including the NUL */
#define NAME_MAX 255	/* bytes in one component */
#define MAXSYMLINKS 40	/* symlinks followed in one lookup (ELOOP) */

#define MAX_LFS_FILESIZE ((loff_t)LLONG_MAX)
#ifndef LLONG_MAX
#define LLONG_MAX 0x7fffffffffffffffLL
#endif

struct address_space;
struct dentry;
struct file;
struct folio;
struct inode;
struct kiocb;
struct kstatfs;
struct pipe_inode_info;
struct poll_table_struct;
struct super_block;
struct vfsmount;
struct vm_area_struct;

/* ---- the page cache of one inode ------------------------------------------------------ */

struct address_space_operations {
	/* Prepare folio for a write of len bytes at pos (locked, referenced). */
	int (*write_begin)(struct file *file, struct address_space *mapping, loff_t pos,
			   unsigned int len, struct folio **foliop, void **fsdata);
	/* copied bytes landed; unlock and release the folio, return copied. */
	int (*write_end)(struct file *file, struct address_space *mapping, loff_t pos,
			 unsigned int len, unsigned int copied, struct folio *folio,
			 void *fsdata);
	bool (*dirty_folio)(struct address_space *mapping, struct folio *folio);
};

/*
 * Linux: struct address_space. i_pages maps a page index to the folio
 * holding it; a missing entry is a hole. xa_lock(&i_pages) guards the
 * index and nrpages. i_mmap holds every VMA that maps the file (an
 * interval tree on [vm_pgoff, vm_pgoff + pages - 1], through
 * vma->shared), under i_mmap_rwsem, so that truncation and hole punching
 * can unmap the pages from every mapping (unmap_mapping_range);
 * i_mmap_writable counts the VM_SHARED|VM_MAYWRITE mappings (F_SEAL_WRITE
 * is refused while there are any).
 */
struct address_space {
	struct inode *host;
	struct xarray i_pages;
	struct rb_root_cached i_mmap;	/* VMAs mapping it (mm/interval_tree.c) */
	struct rw_semaphore i_mmap_rwsem;
	atomic_t i_mmap_writable;	/* VM_SHARED writable mappings */
	gfp_t gfp_mask;			/* for page-cache folios */
	unsigned long nrpages;		/* folios in i_pages (pages, here) */
	const struct address_space_operations *a_ops;
	unsigned long flags;		/* AS_* */
	void *private_data;
};

/* The i_mmap lock (Linux: i_mmap_lock_write/read in include/linux/fs.h). */
static inline void i_mmap_lock_write(struct address_space *mapping)
{
	down_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	up_write(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_lock_read(struct address_space *mapping)
{
	down_read(&mapping->i_mmap_rwsem);
}

static inline void i_mmap_unlock_read(struct address_space *mapping)
{
	up_read(&mapping->i_mmap_rwsem);
}

/* Does some VMA map the file? (Linux: mapping_mapped) */
static inline int mapping_mapped(struct address_space *mapping)
{
	return READ_ONCE(mapping->i_mmap.rb_root.rb_node) != NULL;
}

/*
 * i_mmap_writable (Linux's, include/linux/fs.h): > 0 counts the
 * VM_SHARED|VM_MAYWRITE mappings (vma_is_shared_maywrite); < 0 means writable mappings are
 * denied (a memfd with F_SEAL_WRITE / F_SEAL_FUTURE_WRITE).
 * mapping_map_writable() is -EPERM while denied; mapping_deny_writable()
 * is -EBUSY while a writable mapping exists.
 */
static inline int mapping_map_writable(struct address_space *mapping)
{
	int v, old = atomic_read(&mapping->i_mmap_writable);

	do {
		if (old < 0)
			return -EPERM;
		v = old;
	} while ((old = atomic_cmpxchg(&mapping->i_mmap_writable, v, v + 1)) != v);
	return 0;
}

static inline void mapping_unmap_writable(struct address_space *mapping)
{
	atomic_dec(&mapping->i_mmap_writable);
}

static inline int mapping_deny_writable(struct address_space *mapping)
{
	int v, old = atomic_read(&mapping->i_mmap_writable);

	do {
		if (old > 0)
			return -EBUSY;
		v = old;
	} while ((old = atomic_cmpxchg(&mapping->i_mmap_writable, v, v - 1)) != v);
	return 0;
}

static inline void mapping_allow_writable(struct address_space *mapping)
{
	atomic_inc(&mapping->i_mmap_writable);
}

static inline bool mapping_writably_mapped(struct address_space *mapping)
{
	return atomic_read(&mapping->i_mmap_writable) > 0;
}

static inline gfp_t mapping_gfp_mask(const struct address_space *mapping)
{
	return mapping->gfp_mask;
}

/* ---- inodes ---------------------------------------------------------------------------- */

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
	struct file *ia_file;		/* with ATTR_FILE: the open file (ftruncate) */
};

#define ATTR_MODE (1 << 0)
#define ATTR_UID (1 << 1)
#define ATTR_GID (1 << 2)
#define ATTR_SIZE (1 << 3)
#define ATTR_ATIME (1 << 4)
#define ATTR_MTIME (1 << 5)
#define ATTR_CTIME (1 << 6)
#define ATTR_ATIME_SET (1 << 7)
#define ATTR_MTIME_SET (1 << 8)
#define ATTR_FORCE (1 << 9)
#define ATTR_FILE (1 << 13)

struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	/*
	 * The symlink's body; a body the caller must kfree() when done is put
	 * in *done (Linux: a delayed_call). A NULL body: nd_jump_link() moved
	 * the walk already (/proc's magic links).
	 */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode, void **done);
	/* readlink(2)'s text into a kernel buffer when it is not the body (Linux: ->readlink). */
	int (*readlink)(struct dentry *dentry, char *buf, int buflen);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat, u32 request_mask,
		       unsigned int query_flags);
	int (*tmpfile)(struct inode *dir, struct file *file, umode_t mode);
};

struct inode {
	umode_t i_mode;
	unsigned short i_opflags;
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_flags;		/* S_* below */
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* the page cache: &i_data */
	unsigned long i_ino;
	unsigned int i_nlink;		/* links from directories; 0: unlinked */
	dev_t i_rdev;			/* device nodes: the device */
	loff_t i_size;
	struct timespec64 i_atime;
	struct timespec64 i_mtime;
	struct timespec64 i_ctime;
	spinlock_t i_lock;		/* i_state, i_size, i_blocks */
	blkcnt_t i_blocks;		/* 512-byte units allocated */
	unsigned long i_state;		/* I_* */
	struct rw_semaphore i_rwsem;	/* inode_lock(): directory ops, writes, truncate */
	atomic_t i_count;
	struct list_head i_sb_list;	/* on i_sb->s_inodes */
	const struct file_operations *i_fop;	/* what open() gives the file */
	struct address_space i_data;
	char *i_link;			/* a symlink's body, when kept in memory */
	struct pipe_inode_info *i_pipe;	/* a pipe's or open FIFO's ring (fs/pipe.c) */
	u64 i_version;
	void *i_private;		/* for the filesystem */
};

/* i_flags */
#define S_NOATIME (1 << 1)
#define S_APPEND (1 << 2)
#define S_IMMUTABLE (1 << 3)
#define S_DEAD (1 << 4)		/* a removed directory: no new entries */
#define S_NOCMTIME (1 << 7)
#define S_PRIVATE (1 << 9)	/* a kernel-internal inode (shmem_file_setup) */

/* i_state */
#define I_NEW (1 << 3)
#define I_WILL_FREE (1 << 4)
#define I_FREEING (1 << 5)
#define I_CLEAR (1 << 6)

#define IS_DEADDIR(inode) ((inode)->i_flags & S_DEAD)
/* A read-only superblock (mount -o ro, MS_REMOUNT|MS_RDONLY): writes are -EROFS (Linux's). */
#define sb_rdonly(sb) (((sb)->s_flags & SB_RDONLY) != 0)
#define IS_RDONLY(inode) sb_rdonly((inode)->i_sb)
#define IS_APPEND(inode) ((inode)->i_flags & S_APPEND)
#define IS_IMMUTABLE(inode) ((inode)->i_flags & S_IMMUTABLE)
#define IS_PRIVATE(inode) ((inode)->i_flags & S_PRIVATE)

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t i_size)
{
	WRITE_ONCE(inode->i_size, i_size);
}

static inline void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}

/* Lookups and readdir share a directory; anything that changes it is exclusive. */
static inline void inode_lock_shared(struct inode *inode)
{
	down_read(&inode->i_rwsem);
}

static inline void inode_unlock_shared(struct inode *inode)
{
	up_read(&inode->i_rwsem);
}

/* Subclasses for locking two directories in a fixed order (Linux: I_MUTEX_*). */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

static inline void inode_lock_nested(struct inode *inode, unsigned int subclass)
{
	down_write_nested(&inode->i_rwsem, subclass);
}

struct inode *new_inode(struct super_block *sb);
struct inode *new_inode_pseudo(struct super_block *sb);
void inode_init_once(struct inode *inode);
int inode_init_always(struct super_block *sb, struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
unsigned int get_next_ino(void);
void iput(struct inode *inode);
void ihold(struct inode *inode);
struct inode *igrab(struct inode *inode);
void clear_inode(struct inode *inode);
int generic_delete_inode(struct inode *inode);
int generic_drop_inode(struct inode *inode);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
struct timespec64 current_time(struct inode *inode);
struct timespec64 inode_set_ctime_current(struct inode *inode);
void address_space_init_once(struct address_space *mapping);

/* Objects in use, for leak checks (Linux: /proc/sys/fs/inode-nr). */
long get_nr_inodes(void);

/* ---- open files ------------------------------------------------------------------------ */

/* f_mode bits (Linux's values) */
#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
#define FMODE_EXEC ((fmode_t)0x20)
#define FMODE_ATOMIC_POS ((fmode_t)0x8000)
#define FMODE_CAN_READ ((fmode_t)0x20000)
#define FMODE_CAN_WRITE ((fmode_t)0x40000)
#define FMODE_OPENED ((fmode_t)0x80000)
#define FMODE_CREATED ((fmode_t)0x100000)
#define FMODE_NOWAIT ((fmode_t)0x8000000)

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	spinlock_t f_lock;		/* f_flags */
	atomic_long_t f_count;
	unsigned int f_flags;		/* O_* as opened (O_CREAT etc. cleared) */
	fmode_t f_mode;			/* FMODE_* */
	struct mutex f_pos_lock;	/* read/write/lseek of one file are serialised */
	loff_t f_pos;
	struct address_space *f_mapping;
	u64 f_version;
	void *private_data;		/* for the file's owner (dcache_readdir's cursor...) */
};

/* Linux: struct kiocb — one I/O request on a file. */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags;			/* IOCB_* */
};

#define IOCB_APPEND (1 << 1)
#define IOCB_DSYNC (1 << 2)
#define IOCB_NOWAIT (1 << 7)

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	kiocb->ki_filp = filp;
	kiocb->ki_pos = 0;
	kiocb->ki_flags = (filp->f_flags & O_APPEND) ? IOCB_APPEND : 0;
	if (filp->f_flags & O_DSYNC)
		kiocb->ki_flags |= IOCB_DSYNC;
}

/* Directory reading: the actor is called once per entry (Linux 6.1+: returns bool). */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			  u64 ino, unsigned int d_type);

struct dir_context {
	filldir_t actor;
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

bool dir_emit_dots(struct file *file, struct dir_context *ctx);

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	/* Ready EPOLL* events now; poll_wait() on each queue that can change them (linux/poll.h). */
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file, void *id);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct dentry *file_dentry(const struct file *f)
{
	return f->f_path.dentry;
}

struct file *get_file(struct file *f);
void fput(struct file *file);
struct file *alloc_empty_file(int flags);
struct file *alloc_file_clone(struct file *base, int flags, const struct file_operations *fops);
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops);
int finish_open(struct file *file, struct dentry *dentry, int (*open)(struct inode *, struct file *));
int finish_no_open(struct file *file, struct dentry *dentry);
int stream_open(struct inode *inode, struct file *filp);
int nonseekable_open(struct inode *inode, struct file *filp);

/* Open files, for leak checks (Linux: /proc/sys/fs/file-nr). */
long get_nr_files(void);

/* ---- superblocks and filesystem types -------------------------------------------------- */

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *inode);
	void (*free_inode)(struct inode *inode);
	/* 1: free the inode at its last iput (Linux: ->drop_inode). */
	int (*drop_inode)(struct inode *inode);
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	int (*remount_fs)(struct super_block *sb, int *flags, char *data);
	int (*show_options)(char *buf, size_t size, struct dentry *root);
};

/* s_flags, mount(2)'s MS_* (Linux: SB_*) */
#define SB_RDONLY (1 << 0)
#define SB_NOSUID (1 << 1)
#define SB_NODEV (1 << 2)
#define SB_NOEXEC (1 << 3)
#define SB_SILENT (1 << 15)
#define SB_KERNMOUNT (1 << 22)
#define SB_NOUSER (1 << 31)
#define SB_ACTIVE (1 << 30)
#define SB_BORN (1 << 29)

struct file_system_type {
	const char *name;
	int fs_flags;			/* FS_* */
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
	struct list_head fs_supers;	/* its super_blocks */
};

#define FS_REQUIRES_DEV 1
#define FS_USERNS_MOUNT 8

struct super_block {
	struct list_head s_list;	/* on super_blocks */
	dev_t s_dev;			/* anonymous: MKDEV(0, n) */
	unsigned long s_blocksize;
	unsigned char s_blocksize_bits;
	loff_t s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	unsigned long s_flags;
	unsigned long s_magic;
	struct dentry *s_root;
	int s_count;			/* references to the struct (sb_lock) */
	atomic_t s_active;		/* mounts of it */
	struct list_head s_inodes;	/* every inode of it */
	spinlock_t s_inode_list_lock;
	struct list_head s_instances;	/* on s_type->fs_supers */
	unsigned int s_time_gran;
	char s_id[32];			/* the name in messages */
	void *s_fs_info;		/* the filesystem's own data */
};

int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
/* The registered types, /proc/filesystems' format; returns the length. */
int filesystems_show(char *buf, size_t size);
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int));
struct super_block *sget_anon(struct file_system_type *type, int flags);
void kill_anon_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
void deactivate_super(struct super_block *sb);
void iterate_supers_type(struct file_system_type *type,
			 void (*f)(struct super_block *, void *), void *arg);
void generic_shutdown_super(struct super_block *sb);
int vfs_statfs(const struct path *path, struct kstatfs *buf);

struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data);

/* ---- generic helpers filesystems build from (fs/libfs.c, fs/attr.c, fs/stat.c) --------- */

extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags);
int simple_rename_exchange(struct inode *old_dir, struct dentry *old_dentry,
			   struct inode *new_dir, struct dentry *new_dentry);
void simple_rename_timestamp(struct inode *old_dir, struct dentry *old_dentry,
			     struct inode *new_dir, struct dentry *new_dentry);
int simple_empty(struct dentry *dentry);
int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
const char *simple_get_link(struct dentry *dentry, struct inode *inode, void **done);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int dcache_readdir(struct file *file, struct dir_context *ctx);
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *ppos);
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);
bool noop_dirty_folio(struct address_space *mapping, struct folio *folio);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof);
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);

int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int inode_newsize_ok(const struct inode *inode, loff_t offset);
int notify_change(struct dentry *dentry, struct iattr *attr);
void generic_fillattr(u32 request_mask, struct inode *inode, struct kstat *stat);

/* ---- the kernel-internal file API (fs/open.c, fs/read_write.c, fs/readdir.c...) ------- */

struct file *filp_open(const char *filename, int flags, umode_t mode);
struct file *file_open_root(const struct path *root, const char *filename, int flags,
			    umode_t mode);
int filp_close(struct file *filp, void *id);
struct file *dentry_open(const struct path *path, int flags);

/* buf is a user pointer: a kernel address gives -EFAULT (use kernel_read). */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int vfs_fsync(struct file *file, int datasync);
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags);
int iterate_dir(struct file *file, struct dir_context *ctx);
long vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t start, unsigned int time_attrs,
		struct file *filp);
int vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);

/* Each takes the parent directory locked (inode_lock) and a dentry in it. */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);

/* Linux 5.12+: vfs_rename() takes its arguments in a struct. */
struct renamedata {
	struct inode *old_dir;
	struct dentry *old_dentry;
	struct inode *new_dir;
	struct dentry *new_dentry;
	unsigned int flags;		/* RENAME_* */
};

int vfs_rename(struct renamedata *rd);
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);
int vfs_readlink(struct dentry *dentry, char *buf, int buflen);

/* ---- character devices (fs/char_dev.c) ------------------------------------------------- */

extern const struct file_operations def_chr_fops;
/* Pipes and FIFOs (fs/pipe.c); init_special_inode gives it to S_IFIFO inodes. */
extern const struct file_operations pipefifo_fops;
struct pipe_inode_info;
/* fs/pipe.c: file's pipe or NULL; sendfile's way into a pipe (Linux's names). */
struct pipe_inode_info *get_pipe_info(struct file *file);
ssize_t splice_file_to_pipe(struct file *in, struct file *out, loff_t *ppos, size_t len);
/* fcntl F_GETPIPE_SZ/F_SETPIPE_SZ (fs/pipe.c; Linux: pipe_fcntl). */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
/* fs/locks.c: drop the flock(2) locks of a file at its last fput (Linux: locks_remove_file). */
void locks_remove_file(struct file *file);
/*
 * Give the device numbers [MKDEV(major, baseminor), +count) these file
 * operations; chrdev_open() (def_chr_fops.open) switches an opened device
 * node's f_op to them. major 0 picks a free major. Returns, as Linux
 * does, 0 for a given major, the major picked for major 0, or
 * -EBUSY/-EINVAL. (Linux: a region plus a struct cdev in cdev_map.)
 */
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name);

static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

/* "major name" per line, as /proc/devices lists them; returns the length. */
int chrdev_show(char *buf, size_t size);

/* The page cache's truncation (mm/truncate.c; Linux declares them in mm.h). */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_range(struct address_space *mapping, loff_t lstart, loff_t lend);
void truncate_inode_pages_final(struct address_space *mapping);
void truncate_setsize(struct inode *inode, loff_t newsize);
/*
 * mm/memory.c: unmap the file pages [holebegin, holebegin + holelen)
 * (bytes; holelen 0: to the end) from every VMA in mapping->i_mmap;
 * even_cows also zaps private COW copies (truncation), else only pages
 * of the page cache (hole punching keeps private copies, as Linux).
 */
void unmap_mapping_range(struct address_space *mapping, loff_t const holebegin,
			 loff_t const holelen, int even_cows);

/* ---- boot ------------------------------------------------------------------------------ */

void vfs_caches_init(void);	/* the caches, sysfs-less mnt_init(), the root */

#endif /* _LINUX_FS_H */
