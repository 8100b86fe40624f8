// SPDX-License-Identifier: GPL-2.0
/*
 * The directory-entry cache (Linux: fs/dcache.c).
 *
 * Dentries form one tree per superblock: d_parent, and the parent's
 * d_subdirs list of children. A hashed dentry can be found by d_lookup()
 * from (parent, name); path walk tries that first (lookup_fast) and only
 * asks the filesystem (->lookup) on a miss. Each user holds a reference;
 * a child holds one on its parent. dput() of the last reference keeps a
 * hashed positive dentry cached and frees any other, then drops the
 * parent's reference in turn.
 *
 * Mirrors: __d_alloc, d_alloc, d_instantiate, d_add, d_lookup, d_rehash,
 * __d_drop, d_delete, d_move, d_exchange, dput/dget (with Linux's
 * lockref), d_genocide, shrink_dcache_parent, shrink_dcache_for_umount.
 * Dentries being freed go on a dispose list and their inodes are iput()
 * after dcache_lock is dropped, as Linux's shrink_dentry_list does.
 * Left out: RCU walk and the rename seqlock (one global dcache_lock
 * instead), the LRU and the shrinker (negative dentries are freed at the
 * last dput), d_op beyond d_revalidate and d_delete, aliases (no hard-linked directories, one dentry per
 * inode per name).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);

#define D_HASHBITS 10
#define D_HASHSIZE (1U << D_HASHBITS)

static struct list_head dentry_hashtable[D_HASHSIZE];
static struct kmem_cache *dentry_cache;
static atomic_long_t nr_dentry;

long get_nr_dentry(void)
{
	return atomic_long_read(&nr_dentry);
}

/* Linux's old partial_name_hash/end_name_hash: cheap and good enough. */
u32 full_name_hash(const void *salt, const char *name, unsigned int len)
{
	unsigned long hash = (unsigned long)salt;

	while (len--) {
		unsigned char c = *name++;

		hash = (hash + (c << 4) + (c >> 4)) * 11;
	}
	return (u32)(hash ^ (hash >> 32));
}

static struct list_head *d_hash(const struct dentry *parent, u32 hash)
{
	unsigned long h = hash + ((unsigned long)parent >> 6);

	h = (h * 0x61C8864680B583EBUL) >> (64 - D_HASHBITS);
	return &dentry_hashtable[h];
}

void dcache_init(void)
{
	for (unsigned int i = 0; i < D_HASHSIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 8, SLAB_PANIC, NULL);
}

/* A copy of name for d_name: inline when short (Linux: d_iname), else kmalloc. */
static unsigned char *d_name_copy(struct dentry *dentry, const struct qstr *name)
{
	unsigned char *dname = dentry->d_iname;

	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname)
			return NULL;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = 0;
	return dname;
}

static void d_name_free(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	unsigned char *dname;

	if (!dentry)
		return NULL;
	memset(dentry, 0, sizeof(*dentry));
	dname = d_name_copy(dentry, name);
	if (!dname) {
		kmem_cache_free(dentry_cache, dentry);
		return NULL;
	}
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	dentry->d_flags = DCACHE_UNHASHED;
	spin_lock_init(&dentry->d_lock);
	dentry->d_lockref.count = 1;
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	atomic_long_inc(&nr_dentry);
	return dentry;
}

static void d_free(struct dentry *dentry)
{
	d_name_free(dentry);
	kmem_cache_free(dentry_cache, dentry);
	atomic_long_dec(&nr_dentry);
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dentry->d_lock);
		dentry->d_lockref.count++;
		spin_unlock(&dentry->d_lock);
	}
	return dentry;
}

int d_count(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_lockref.count);
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = dget(dentry->d_parent);
	spin_unlock(&dcache_lock);
	return parent;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	spin_lock(&dcache_lock);
	dentry->d_parent = dget(parent);
	list_add(&dentry->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return dentry;
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = QSTR_INIT(name, strlen(name));

	q.hash = full_name_hash(parent, name, q.len);
	return d_alloc(parent, &q);
}

/* A dentry in no tree, for files that have no name (Linux: d_alloc_pseudo). */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(sb, name);

	if (dentry)
		dentry->d_flags |= DCACHE_DISCONNECTED;
	return dentry;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr name = QSTR_INIT("/", 1);
	struct dentry *res;

	if (!root_inode)
		return NULL;
	res = __d_alloc(root_inode->i_sb, &name);
	if (!res) {
		iput(root_inode);
		return NULL;
	}
	d_instantiate(res, root_inode);
	return res;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	WARN_ON(dentry->d_inode);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

static void __d_rehash(struct dentry *dentry)
{
	list_add(&dentry->d_hash, d_hash(dentry->d_parent, dentry->d_name.hash));
	dentry->d_flags &= ~DCACHE_UNHASHED;
}

static void __d_drop(struct dentry *dentry)
{
	if (!d_unhashed(dentry)) {
		list_del_init(&dentry->d_hash);
		dentry->d_flags |= DCACHE_UNHASHED;
	}
}

void d_rehash(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_drop(dentry);
	spin_unlock(&dcache_lock);
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

/* Directories have one dentry each here, so there is no alias to splice. */
struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry)
{
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	d_add(dentry, inode);
	return NULL;
}

static bool d_name_equal(const struct dentry *dentry, const struct qstr *name)
{
	return dentry->d_name.hash == name->hash && dentry->d_name.len == name->len &&
	       !memcmp(dentry->d_name.name, name->name, name->len);
}

/* The hashed child of parent called name, referenced, or NULL (Linux: __d_lookup). */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	struct list_head *head = d_hash(parent, name->hash);
	struct dentry *dentry, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(dentry, head, d_hash) {
		if (dentry->d_parent == parent && d_name_equal(dentry, name)) {
			found = dget(dentry);
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name)
{
	name->hash = full_name_hash(dir, (const char *)name->name, name->len);
	return d_lookup(dir, name);
}

/* ---- freeing -------------------------------------------------------------------------- */

/* Keep it cached at refcount 0? (Linux: retain_dentry; no LRU, so negatives go.) */
static bool retain_dentry(const struct dentry *dentry)
{
	if (dentry->d_op && dentry->d_op->d_delete && dentry->d_op->d_delete(dentry))
		return false;
	return !d_unhashed(dentry) && dentry->d_inode && !(dentry->d_flags & DCACHE_DENTRY_KILLED);
}

void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op)
{
	dentry->d_op = op;
}

void d_invalidate(struct dentry *dentry)
{
	d_drop(dentry);
}

/*
 * Take an unused dentry out of the tree, under dcache_lock; it goes on
 * dispose for iput and freeing after the lock. Returns the parent if
 * this dropped the parent's last reference, else NULL.
 */
static struct dentry *__dentry_kill(struct dentry *dentry, struct list_head *dispose)
{
	struct dentry *parent = NULL;

	__d_drop(dentry);
	dentry->d_flags |= DCACHE_DENTRY_KILLED;
	if (!IS_ROOT(dentry)) {
		struct dentry *p = dentry->d_parent;

		spin_lock(&p->d_lock);
		if (--p->d_lockref.count == 0)
			parent = p;
		spin_unlock(&p->d_lock);
	}
	list_move(&dentry->d_child, dispose);
	return parent;
}

static void dispose_list(struct list_head *dispose)
{
	while (!list_empty(dispose)) {
		struct dentry *dentry = list_first_entry(dispose, struct dentry, d_child);
		struct inode *inode = dentry->d_inode;

		list_del(&dentry->d_child);
		dentry->d_inode = NULL;
		if (inode)
			iput(inode);
		d_free(dentry);
	}
}

void dput(struct dentry *dentry)
{
	LIST_HEAD(dispose);

	if (!dentry)
		return;
	spin_lock(&dentry->d_lock);
	if (dentry->d_lockref.count > 1) {
		dentry->d_lockref.count--;
		spin_unlock(&dentry->d_lock);
		return;
	}
	spin_unlock(&dentry->d_lock);

	spin_lock(&dcache_lock);
	while (dentry) {
		spin_lock(&dentry->d_lock);
		if (WARN_ON(dentry->d_lockref.count <= 0) || --dentry->d_lockref.count > 0 ||
		    retain_dentry(dentry)) {
			spin_unlock(&dentry->d_lock);
			break;
		}
		spin_unlock(&dentry->d_lock);
		/* __dentry_kill() left the parent at 0 if it returns it: count it back. */
		dentry = __dentry_kill(dentry, &dispose);
		if (dentry)
			dentry->d_lockref.count = 1;
	}
	spin_unlock(&dcache_lock);
	dispose_list(&dispose);
}

/*
 * The file was removed: make the dentry negative if we are its only user,
 * else just unhash it so no lookup finds it (Linux: d_delete).
 */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;

	spin_lock(&dcache_lock);
	spin_lock(&dentry->d_lock);
	if (dentry->d_lockref.count == 1) {
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
	} else {
		__d_drop(dentry);
	}
	spin_unlock(&dentry->d_lock);
	spin_unlock(&dcache_lock);
	if (inode)
		iput(inode);
}

/* ---- renames -------------------------------------------------------------------------- */

/*
 * Swap the names of two dentries without allocating (Linux: swap_names):
 * external names trade pointers, inline ones trade bytes. d_move's target
 * is dropped afterwards, so giving it the old name costs nothing.
 */
static void swap_names(struct dentry *dentry, struct dentry *target)
{
	bool ext1 = dentry->d_name.name != dentry->d_iname;
	bool ext2 = target->d_name.name != target->d_iname;
	struct qstr n1 = dentry->d_name, n2 = target->d_name;

	if (ext1 && ext2) {
		dentry->d_name.name = n2.name;
		target->d_name.name = n1.name;
	} else if (ext2) {
		/* dentry's inline name moves into target's inline buffer */
		memcpy(target->d_iname, dentry->d_iname, DNAME_INLINE_LEN);
		dentry->d_name.name = n2.name;
		target->d_name.name = target->d_iname;
	} else if (ext1) {
		memcpy(dentry->d_iname, target->d_iname, DNAME_INLINE_LEN);
		target->d_name.name = n1.name;
		dentry->d_name.name = dentry->d_iname;
	} else {
		unsigned char tmp[DNAME_INLINE_LEN];

		memcpy(tmp, dentry->d_iname, DNAME_INLINE_LEN);
		memcpy(dentry->d_iname, target->d_iname, DNAME_INLINE_LEN);
		memcpy(target->d_iname, tmp, DNAME_INLINE_LEN);
	}
	dentry->d_name.len = n2.len;
	dentry->d_name.hash = n2.hash;
	target->d_name.len = n1.len;
	target->d_name.hash = n1.hash;
}

static void d_reparent(struct dentry *dentry, struct dentry *parent)
{
	dentry->d_parent = parent;
	list_move(&dentry->d_child, &parent->d_subdirs);
}

/*
 * dentry takes target's name and place (Linux: __d_move). With exchange
 * target takes dentry's; else target is left unhashed, to be freed at
 * its last dput. Each child holds a reference on its parent, so the
 * parents' counts follow the children.
 */
static void __d_move(struct dentry *dentry, struct dentry *target, bool exchange)
{
	struct dentry *old_parent = dentry->d_parent, *new_parent = target->d_parent;

	spin_lock(&dcache_lock);
	__d_drop(dentry);
	__d_drop(target);
	swap_names(dentry, target);
	if (old_parent != new_parent) {
		d_reparent(dentry, new_parent);
		if (exchange) {
			d_reparent(target, old_parent);
		} else {
			/* target keeps its place; dentry now also holds new_parent */
			spin_lock(&new_parent->d_lock);
			new_parent->d_lockref.count++;
			spin_unlock(&new_parent->d_lock);
		}
	}
	__d_rehash(dentry);
	if (exchange)
		__d_rehash(target);
	spin_unlock(&dcache_lock);
	if (old_parent != new_parent && !exchange)
		dput(old_parent);	/* dentry no longer hangs below it */
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	__d_move(dentry, target, false);
}

/* Swap two dentries' names and places (RENAME_EXCHANGE; Linux: d_exchange). */
void d_exchange(struct dentry *dentry1, struct dentry *dentry2)
{
	__d_move(dentry1, dentry2, true);
}

/* Is new_dentry old_dentry or below it? */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry)
{
	bool ret = false;

	spin_lock(&dcache_lock);
	for (struct dentry *d = new_dentry;; d = d->d_parent) {
		if (d == old_dentry) {
			ret = true;
			break;
		}
		if (IS_ROOT(d))
			break;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

void d_set_mounted_locked(struct dentry *dentry, bool mounted)
{
	if (mounted)
		dentry->d_flags |= DCACHE_MOUNTED;
	else
		dentry->d_flags &= ~DCACHE_MOUNTED;
}

/* ---- whole trees ---------------------------------------------------------------------- */

static struct dentry *next_child(struct dentry *parent, struct list_head *pos)
{
	for (pos = pos->next; pos != &parent->d_subdirs; pos = pos->next) {
		struct dentry *d = list_entry(pos, struct dentry, d_child);

		if (!(d->d_flags & DCACHE_DENTRY_CURSOR))
			return d;
	}
	return NULL;
}

/*
 * Visit every dentry below root, children before their parent (post-order),
 * under dcache_lock. visit may kill the dentry it is given: the next one is
 * found before the call.
 */
static void d_walk_postorder(struct dentry *root,
			     void (*visit)(struct dentry *, void *), void *data)
{
	struct dentry *this = next_child(root, &root->d_subdirs);

	while (this) {
		struct dentry *child, *parent, *next;

		while ((child = next_child(this, &this->d_subdirs)))
			this = child;
		/* this is a leaf: visit it and climb while no sibling is left */
		for (;;) {
			parent = this->d_parent;
			next = next_child(parent, &this->d_child);
			visit(this, data);
			if (next) {
				this = next;
				break;
			}
			if (parent == root) {
				this = NULL;
				break;
			}
			this = parent;
		}
	}
}

static void genocide_one(struct dentry *dentry, void *unused)
{
	if (dentry->d_inode && !(dentry->d_flags & DCACHE_DENTRY_KILLED)) {
		spin_lock(&dentry->d_lock);
		dentry->d_lockref.count--;
		spin_unlock(&dentry->d_lock);
	}
}

/* Drop the reference that pins each positive dentry below root (tmpfs's; Linux: d_genocide). */
void d_genocide(struct dentry *root)
{
	spin_lock(&dcache_lock);
	d_walk_postorder(root, genocide_one, NULL);
	spin_unlock(&dcache_lock);
}

static void shrink_one(struct dentry *dentry, void *dispose)
{
	if (dentry->d_lockref.count == 0 && list_empty(&dentry->d_subdirs))
		__dentry_kill(dentry, dispose);
}

/* Free every unused dentry below parent (Linux: shrink_dcache_parent). */
void shrink_dcache_parent(struct dentry *parent)
{
	LIST_HEAD(dispose);

	spin_lock(&dcache_lock);
	d_walk_postorder(parent, shrink_one, &dispose);
	spin_unlock(&dcache_lock);
	dispose_list(&dispose);
}

/* At umount: everything below the root must be unused now (Linux: shrink_dcache_for_umount). */
void shrink_dcache_for_umount(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	if (!root)
		return;
	shrink_dcache_parent(root);
	if (!list_empty(&root->d_subdirs))
		pr_err("BUG: Dentry %p{i=%lx,n=%s} still in use (%d) [unmount of %s %s]\n",
		       (void *)root, root->d_inode ? root->d_inode->i_ino : 0UL,
		       root->d_name.name, d_count(root), sb->s_type->name, sb->s_id);
	sb->s_root = NULL;
	dput(root);
}

bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

bool d_can_lookup(const struct dentry *dentry)
{
	return d_is_dir(dentry);
}

bool d_is_symlink(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISLNK(dentry->d_inode->i_mode);
}

bool d_is_reg(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISREG(dentry->d_inode->i_mode);
}
