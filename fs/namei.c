// SPDX-License-Identifier: GPL-2.0
/*
 * Path lookup (Linux: fs/namei.c, the walk half; the operations that
 * create and remove names are in fs/namei_ops.c).
 *
 * A walk keeps its place in struct nameidata: the current path (mount
 * and dentry), the root it may not climb above, and a stack of the
 * symlinks being followed. path_lookupat() starts it (path_init: the
 * root for an absolute name, the working directory for a relative one)
 * and runs link_path_walk(), which walks every component but the last,
 * one at a time through walk_component(): "." stays, ".." climbs
 * (follow_dotdot, crossing from a mount's root to where it is mounted),
 * any other name is looked up in the dcache (lookup_fast) or asked of the
 * filesystem under the directory's lock (lookup_slow). step_into() then
 * crosses onto whatever is mounted there (traverse_mounts) and, for a
 * symlink, pushes it and continues with its body (pick_link). The last
 * component is the caller's: lookup_last() for a plain lookup,
 * open_last_lookups() for open, the parent alone for create and remove.
 * At most MAXSYMLINKS (40) links are followed per lookup: the 41st gives
 * -ELOOP. A name from user space comes in through getname() (copied
 * with strncpy_from_user: -EFAULT, -ENAMETOOLONG, -ENOENT for ""); a
 * dfd other than AT_FDCWD starts the walk at that open directory.
 *
 * Left out: RCU walk (every step takes references), permission checks
 * (MAY_EXEC on each directory: everyone is root), LOOKUP_BENEATH and
 * friends, automounts, d_revalidate.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "internal.h"
#include "mount.h"

/* ---- struct filename ------------------------------------------------------------------ */

struct filename *getname_kernel(const char *name)
{
	size_t len = strnlen(name, PATH_MAX);
	struct filename *result;

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!len)
		return ERR_PTR(-ENOENT);
	result = kmalloc(sizeof(*result) + len + 1, GFP_KERNEL);
	if (!result)
		return ERR_PTR(-ENOMEM);
	memcpy(result->iname, name, len + 1);
	result->name = result->iname;
	result->refcnt = 1;
	return result;
}

/*
 * Copy a path name in from user space (Linux: getname_flags). The
 * string is copied into a PATH_MAX scratch buffer (Linux: the
 * names_cache slab) and then into a struct filename just big enough for
 * it. Errors as Linux's: -EFAULT for a pointer that is not user memory
 * or not mapped (strncpy_from_user checks and recovers), -ENAMETOOLONG
 * when no NUL comes within PATH_MAX bytes, -ENOENT for "" unless flags
 * has LOOKUP_EMPTY (AT_EMPTY_PATH: the caller then works on the dfd
 * itself). *empty, if given, says whether the name was "".
 */
struct filename *getname_flags(const char __user *filename, int flags, int *empty)
{
	struct filename *result;
	char *kname;
	long len;

	kname = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!kname)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(kname, filename, PATH_MAX);
	if (len < 0) {
		kfree(kname);
		return ERR_PTR(len);
	}
	if (len >= PATH_MAX) {
		kfree(kname);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (empty)
		*empty = len == 0;
	if (!len && !(flags & LOOKUP_EMPTY)) {
		kfree(kname);
		return ERR_PTR(-ENOENT);
	}
	result = kmalloc(sizeof(*result) + len + 1, GFP_KERNEL);
	if (!result) {
		kfree(kname);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(result->iname, kname, len);
	result->iname[len] = '\0';
	kfree(kname);
	result->name = result->iname;
	result->refcnt = 1;
	return result;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0, NULL);
}

/* The *at() calls' AT_EMPTY_PATH becomes LOOKUP_EMPTY (Linux: getname_uflags). */
struct filename *getname_uflags(const char __user *filename, int uflags)
{
	return getname_flags(filename, (uflags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0, NULL);
}

void putname(struct filename *name)
{
	if (IS_ERR_OR_NULL(name))
		return;
	if (--name->refcnt <= 0)
		kfree(name);
}

/* ---- the walk ------------------------------------------------------------------------- */

#define WALK_TRAILING 1		/* the last component: follow a symlink only with LOOKUP_FOLLOW */
#define WALK_MORE 2		/* more components follow in this string */

static void put_link(struct nameidata *nd)
{
	struct saved *last = nd->stack + --nd->depth;

	kfree(last->done);
	last->done = NULL;
	path_put(&last->link);
}

/*
 * A "magic" link's ->get_link (/proc/PID/exe, cwd, fd/N) moves the walk
 * straight onto the object it names and returns NULL (Linux:
 * nd_jump_link); path's reference becomes the walk's.
 */
int nd_jump_link(const struct path *path)
{
	struct nameidata *nd = current->nameidata;

	if (WARN_ON_ONCE(!nd)) {
		path_put(path);
		return -EINVAL;
	}
	path_put(&nd->path);
	nd->path = *path;
	return 0;
}

void terminate_walk(struct nameidata *nd)
{
	while (nd->depth)
		put_link(nd);
	path_put(&nd->path);
	nd->path.mnt = NULL;
	nd->path.dentry = NULL;
	if (nd->root.mnt) {
		path_put(&nd->root);
		nd->root.mnt = NULL;
		nd->root.dentry = NULL;
	}
}

static const char *path_init(struct nameidata *nd, unsigned int flags)
{
	const char *s = nd->name->name;

	nd->flags = flags;
	nd->depth = 0;
	nd->total_link_count = 0;
	nd->last_type = LAST_ROOT;
	nd->path.mnt = NULL;
	nd->path.dentry = NULL;
	if (nd->start_root) {
		nd->root = *nd->start_root;
		path_get(&nd->root);
	} else {
		get_fs_root(current_fs(), &nd->root);
	}
	if (*s == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
	} else if (nd->start_root) {
		nd->path = *nd->start_root;
		path_get(&nd->path);
	} else if (nd->dfd == AT_FDCWD) {
		get_fs_pwd(current_fs(), &nd->path);
	} else {
		/*
		 * Relative to a directory file descriptor: its path, which must
		 * be a directory unless the name is empty (AT_EMPTY_PATH: the
		 * file itself). O_PATH files count (fdget_raw), as in Linux.
		 */
		struct dentry *dentry;
		struct fd f;

		if (!current->files)
			return ERR_PTR(-EBADF);
		f = fdget_raw(nd->dfd);
		if (!f.file)
			return ERR_PTR(-EBADF);
		dentry = f.file->f_path.dentry;
		if (*s && !d_can_lookup(dentry)) {
			fdput(f);
			return ERR_PTR(-ENOTDIR);
		}
		nd->path = f.file->f_path;
		path_get(&nd->path);
		fdput(f);
	}
	return s;
}

/* Cross onto whatever is mounted on path, to the top of the stack (Linux: traverse_mounts). */
static void traverse_mounts(struct path *path)
{
	while (d_mountpoint(path->dentry)) {
		struct vfsmount *mounted = lookup_mnt(path);

		if (!mounted)
			break;
		dput(path->dentry);
		mntput(path->mnt);
		path->mnt = mounted;
		path->dentry = dget(mounted->mnt_root);
	}
}

/* "..": never above nd->root; from a mount's root, first to where it is mounted. */
static void follow_dotdot(struct nameidata *nd)
{
	struct path parent;

	for (;;) {
		if (path_equal(&nd->path, &nd->root))
			return;
		if (nd->path.dentry != nd->path.mnt->mnt_root)
			break;
		if (!follow_up(&nd->path))
			return;		/* the root of the whole tree */
	}
	parent.dentry = dget_parent(nd->path.dentry);
	parent.mnt = mntget(nd->path.mnt);
	path_put(&nd->path);
	nd->path = parent;
	traverse_mounts(&nd->path);
}

static const char *handle_dots(struct nameidata *nd, int type)
{
	if (type == LAST_DOTDOT)
		follow_dotdot(nd);
	return NULL;
}

/*
 * A cached dentry the filesystem still vouches for (Linux:
 * d_revalidate): a stale one is unhashed and dropped, and the caller looks
 * the name up again.
 */
static struct dentry *d_revalidate_cached(struct dentry *dentry, unsigned int flags)
{
	int status;

	if (!dentry || !dentry->d_op || !dentry->d_op->d_revalidate)
		return dentry;
	status = dentry->d_op->d_revalidate(dentry, flags);
	if (status > 0)
		return dentry;
	if (!status)
		d_invalidate(dentry);
	dput(dentry);
	return status < 0 ? ERR_PTR(status) : NULL;
}

/* A cached child, or NULL (Linux: lookup_fast). */
static struct dentry *lookup_fast(struct nameidata *nd)
{
	return d_revalidate_cached(d_lookup(nd->path.dentry, &nd->last), nd->flags);
}

/* Ask the filesystem, dir locked by the caller (Linux: __lookup_slow's core). */
static struct dentry *__lookup_hash(const struct qstr *name, struct dentry *base,
				    unsigned int flags)
{
	struct dentry *dentry = d_revalidate_cached(d_lookup(base, name), flags);
	struct inode *dir = base->d_inode;
	struct dentry *old;

	if (dentry)
		return dentry;
	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(base, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup(dir, dentry, flags);
	if (old) {
		dput(dentry);
		dentry = old;
	}
	return dentry;
}

static struct dentry *lookup_slow(const struct qstr *name, struct dentry *dir, unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *res;

	/*
	 * Exclusive, as Linux before 4.7: Linux now looks up in parallel under
	 * the shared lock, with d_alloc_parallel() so that two lookups of one
	 * name cannot both add a dentry for it; that is not here.
	 */
	inode_lock(inode);
	res = __lookup_hash(name, dir, flags);
	inode_unlock(inode);
	return res;
}

/* Follow the symlink at link (whose reference we take over). Returns its body. */
static const char *pick_link(struct nameidata *nd, struct path *link, struct inode *inode)
{
	struct saved *last;
	const char *res;
	void *done = NULL;

	if (nd->flags & LOOKUP_NO_SYMLINKS || nd->total_link_count++ >= MAXSYMLINKS ||
	    nd->depth >= MAXSYMLINKS) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	last = nd->stack + nd->depth++;
	last->link = *link;
	last->name = NULL;
	last->done = NULL;
	res = inode->i_link;
	if (!res) {
		struct nameidata *saved = current->nameidata;

		if (!inode->i_op->get_link)
			return ERR_PTR(-EINVAL);
		current->nameidata = nd;
		res = inode->i_op->get_link(link->dentry, inode, &done);
		current->nameidata = saved;
		last->done = done;
		if (IS_ERR(res))
			return res;
		if (!res)
			return "";	/* nd_jump_link() moved us: nothing left to walk */
	}
	if (*res == '/') {
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
		while (*res == '/')
			res++;
	}
	return res;
}

/*
 * Move onto dentry (whose reference we take over): across mounts, and
 * into a symlink's body if this is one to follow (Linux: step_into).
 * NULL: moved; a string: the body of a link to walk next.
 */
static const char *step_into(struct nameidata *nd, int flags, struct dentry *dentry)
{
	struct path path = { .mnt = mntget(nd->path.mnt), .dentry = dentry };
	struct inode *inode;

	traverse_mounts(&path);
	inode = path.dentry->d_inode;
	if (!inode) {
		path_put(&path);
		return ERR_PTR(-ENOENT);
	}
	if (S_ISLNK(inode->i_mode) && (!(flags & WALK_TRAILING) || (nd->flags & LOOKUP_FOLLOW)))
		return pick_link(nd, &path, inode);
	path_put(&nd->path);
	nd->path = path;
	return NULL;
}

static const char *walk_component(struct nameidata *nd, int flags)
{
	struct dentry *dentry;

	if (nd->last_type != LAST_NORM) {
		if (!(flags & WALK_MORE) && nd->depth)
			put_link(nd);
		return handle_dots(nd, nd->last_type);
	}
	dentry = lookup_fast(nd);
	if (!dentry)
		dentry = lookup_slow(&nd->last, nd->path.dentry, nd->flags);
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	/* The name was in the link body, which we no longer need. */
	if (!(flags & WALK_MORE) && nd->depth)
		put_link(nd);
	return step_into(nd, flags, dentry);
}

static int last_type_of(const char *name, unsigned int len)
{
	if (name[0] == '.' && len == 1)
		return LAST_DOT;
	if (name[0] == '.' && name[1] == '.' && len == 2)
		return LAST_DOTDOT;
	return LAST_NORM;
}

/*
 * Walk name down to its last component, which is left in nd->last for
 * the caller (Linux: link_path_walk). Symlinks met on the way are
 * followed; their bodies are walked in place of the link.
 */
int link_path_walk(const char *name, struct nameidata *nd)
{
	if (IS_ERR(name))
		return PTR_ERR(name);
	nd->last_type = LAST_ROOT;
	for (;;) {
		const char *link;
		unsigned int len;
		int type;

		while (*name == '/')
			name++;
		if (!*name) {
			/* Only slashes left: the end of a link body or of the name. */
			if (!nd->depth || !nd->stack[nd->depth - 1].name) {
				nd->last_type = LAST_ROOT;	/* e.g. a link to "/" */
				return 0;
			}
			name = nd->stack[nd->depth - 1].name;
			put_link(nd);
			continue;
		}
		if (!d_can_lookup(nd->path.dentry))
			return -ENOTDIR;
		for (len = 0; name[len] && name[len] != '/'; len++)
			;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		type = last_type_of(name, len);
		nd->last.name = (const unsigned char *)name;
		nd->last.len = len;
		nd->last.hash = full_name_hash(nd->path.dentry, name, len);
		nd->last_type = type;
		name += len;
		while (*name == '/')
			name++;
		if (!*name) {
			/* The last component of this string. */
			if (!nd->depth)
				return 0;	/* of the whole name: the caller's */
			name = nd->stack[nd->depth - 1].name;
			if (!name)
				return 0;	/* of a trailing symlink's body: the caller's too */
			link = walk_component(nd, 0);
		} else {
			link = walk_component(nd, WALK_MORE);
		}
		if (IS_ERR(link))
			return PTR_ERR(link);
		if (link) {
			/* Walk the body now; come back to the rest of the name after. */
			nd->stack[nd->depth - 1].name = name;
			name = link;
		}
	}
}

/* The last component of a lookup (Linux: lookup_last). */
static const char *lookup_last(struct nameidata *nd)
{
	if (nd->last_type == LAST_NORM && nd->last.name[nd->last.len])
		nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
	return walk_component(nd, WALK_TRAILING);
}

static int path_lookupat(struct nameidata *nd, unsigned int flags, struct path *path)
{
	const char *s = path_init(nd, flags);
	int err;

	while (!(err = link_path_walk(s, nd)) && (s = lookup_last(nd)) != NULL)
		;
	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_can_lookup(nd->path.dentry))
		err = -ENOTDIR;
	if (!err) {
		*path = nd->path;
		nd->path.mnt = NULL;
		nd->path.dentry = NULL;
	}
	terminate_walk(nd);
	return err;
}

void set_nameidata(struct nameidata *nd, int dfd, struct filename *name,
		   const struct path *root)
{
	memset(nd, 0, sizeof(*nd));
	nd->dfd = dfd;
	nd->name = name;
	nd->start_root = root;
}

/* name is consumed (putname) whatever the result (Linux: filename_lookup). */
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    const struct path *root)
{
	struct nameidata *nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	/* nameidata holds 40 saved links: too big for a kernel stack frame. */
	nd = kmalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd) {
		putname(name);
		return -ENOMEM;
	}
	set_nameidata(nd, dfd, name, root);
	err = path_lookupat(nd, flags, path);
	kfree(nd);
	putname(name);
	return err;
}

/* A user-space name (Linux: user_path_at_empty); LOOKUP_EMPTY lets "" name dfd itself. */
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	return filename_lookup(dfd, getname_flags(name, flags, NULL), flags, path, NULL);
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	return filename_lookup(AT_FDCWD, getname_kernel(name), flags, path, NULL);
}

/* Look name up below {mnt, dentry}, which also acts as its root (Linux: vfs_path_lookup). */
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path)
{
	struct path root = { .mnt = mnt, .dentry = dentry };

	return filename_lookup(AT_FDCWD, getname_kernel(name), flags, path, &root);
}

/*
 * The parent of name's last component, and that component (Linux:
 * filename_parentat). last points into name, which the caller keeps.
 */
int filename_parentat(int dfd, struct filename *name, unsigned int flags, struct path *parent,
		      struct qstr *last, int *type)
{
	struct nameidata *nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	nd = kmalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return -ENOMEM;
	set_nameidata(nd, dfd, name, NULL);
	err = link_path_walk(path_init(nd, flags), nd);
	if (!err) {
		*parent = nd->path;
		*last = nd->last;
		*type = nd->last_type;
		nd->path.mnt = NULL;
		nd->path.dentry = NULL;
	}
	terminate_walk(nd);
	kfree(nd);
	return err;
}

/* A name's dentry in base, base locked by the caller (Linux: lookup_one_len). */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr this = QSTR_INIT(name, len);

	if (!len)
		return ERR_PTR(-EACCES);
	if (last_type_of(name, len) != LAST_NORM)
		return ERR_PTR(-EACCES);
	for (int i = 0; i < len; i++)
		if (!name[i] || name[i] == '/')
			return ERR_PTR(-EACCES);
	this.hash = full_name_hash(base, name, len);
	return __lookup_hash(&this, base, 0);
}

/* The last component's dentry, parent locked, maybe negative (Linux: lookup_one_qstr_excl). */
struct dentry *lookup_one_qstr_excl(const struct qstr *name, struct dentry *base,
				    unsigned int flags)
{
	return __lookup_hash(name, base, flags);
}

/* ---- open ----------------------------------------------------------------------------- */

/* Create the last component if asked (Linux: lookup_open). dir is locked. */
static struct dentry *lookup_open(struct nameidata *nd, struct file *file,
				  const struct open_flags *op)
{
	struct dentry *dir = nd->path.dentry;
	struct inode *dir_inode = dir->d_inode;
	struct dentry *dentry;
	int err;

	dentry = __lookup_hash(&nd->last, dir, nd->flags);
	if (IS_ERR(dentry) || dentry->d_inode || !(op->open_flag & O_CREAT))
		return dentry;
	err = vfs_create(dir_inode, dentry, op->mode & ~current_fs()->umask,
			 op->open_flag & O_EXCL);
	if (err) {
		dput(dentry);
		return ERR_PTR(err);
	}
	file->f_mode |= FMODE_CREATED;
	return dentry;
}

static const char *open_last_lookups(struct nameidata *nd, struct file *file,
				     const struct open_flags *op)
{
	struct dentry *dir = nd->path.dentry;
	int open_flag = op->open_flag;
	struct dentry *dentry;
	const char *res;

	nd->flags |= op->intent;
	if (nd->last_type != LAST_NORM) {
		if (nd->depth)
			put_link(nd);
		handle_dots(nd, nd->last_type);
		return (open_flag & O_CREAT) ? ERR_PTR(-EISDIR) : NULL;
	}
	if (!(open_flag & O_CREAT)) {
		if (nd->last.name[nd->last.len])
			nd->flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
		dentry = lookup_fast(nd);
		if (!dentry)
			dentry = lookup_slow(&nd->last, dir, nd->flags);
	} else {
		/* "name/" cannot be created as a file. */
		if (nd->last.name[nd->last.len])
			return ERR_PTR(-EISDIR);
		inode_lock(dir->d_inode);
		dentry = lookup_open(nd, file, op);
		inode_unlock(dir->d_inode);
	}
	if (IS_ERR(dentry))
		return ERR_CAST(dentry);
	if (nd->depth)
		put_link(nd);
	res = step_into(nd, WALK_TRAILING, dentry);
	if (res)
		nd->flags &= ~(LOOKUP_OPEN | LOOKUP_CREATE | LOOKUP_EXCL);
	return res;
}

/* The checks open() makes on what it found, then the open itself (Linux: do_open). */
static int do_open(struct nameidata *nd, struct file *file, const struct open_flags *op)
{
	struct inode *inode = nd->path.dentry->d_inode;
	int open_flag = op->open_flag;
	bool do_trunc;
	int err;

	if (open_flag & O_CREAT) {
		if ((open_flag & O_EXCL) && !(file->f_mode & FMODE_CREATED))
			return -EEXIST;
		if (S_ISDIR(inode->i_mode))
			return -EISDIR;
	}
	if ((nd->flags & LOOKUP_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;	/* O_NOFOLLOW on a symlink */
	if (S_ISDIR(inode->i_mode) && (op->acc_mode & MAY_WRITE))
		return -EISDIR;
	do_trunc = (open_flag & O_TRUNC) && S_ISREG(inode->i_mode) &&
		   !(file->f_mode & FMODE_CREATED);
	/* Writing a file of a read-only filesystem; devices and FIFOs are not in it (Linux: sb_permission). */
	if (((op->acc_mode & MAY_WRITE) || do_trunc) && __mnt_is_readonly(nd->path.mnt) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) || S_ISLNK(inode->i_mode)))
		return -EROFS;
	file->f_path = nd->path;
	path_get(&file->f_path);
	err = do_dentry_open(file, NULL);
	if (!err && do_trunc)
		err = do_truncate(nd->path.dentry, 0, ATTR_MTIME | ATTR_CTIME, file);
	return err;
}

static struct file *path_openat(struct nameidata *nd, const struct open_flags *op,
				unsigned int flags)
{
	struct file *file = alloc_empty_file(op->open_flag);
	const char *s;
	int err;

	if (IS_ERR(file))
		return file;
	s = path_init(nd, flags);
	while (!(err = link_path_walk(s, nd)) && (s = open_last_lookups(nd, file, op)) != NULL)
		;
	if (!err)
		err = do_open(nd, file, op);
	terminate_walk(nd);
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

static struct file *open_with(int dfd, struct filename *pathname, const struct path *root,
			      const struct open_flags *op)
{
	struct nameidata *nd = kmalloc(sizeof(*nd), GFP_KERNEL);
	struct file *filp;

	if (!nd)
		return ERR_PTR(-ENOMEM);
	set_nameidata(nd, dfd, pathname, root);
	filp = path_openat(nd, op, op->lookup_flags);
	kfree(nd);
	return filp;
}

/* pathname stays the caller's (Linux: do_filp_open). */
struct file *do_filp_open(int dfd, struct filename *pathname, int flags, umode_t mode)
{
	struct open_flags op;
	int err = build_open_flags(flags, mode, &op);

	if (err)
		return ERR_PTR(err);
	return open_with(dfd, pathname, NULL, &op);
}

struct file *do_file_open_root(const struct path *root, const char *name,
			       const struct open_flags *op)
{
	struct filename *filename = getname_kernel(name);
	struct file *file;

	if (IS_ERR(filename))
		return ERR_CAST(filename);
	file = open_with(AT_FDCWD, filename, root, op);
	putname(filename);
	return file;
}
