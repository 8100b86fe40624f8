// SPDX-License-Identifier: GPL-2.0
/*
 * The file-descriptor table (Linux: fs/file.c): alloc_fdtable,
 * expand_fdtable/expand_files, dup_fd, put_files_struct/exit_files,
 * alloc_fd/get_unused_fd_flags/put_unused_fd, fd_install,
 * file_close_fd/close_fd, do_close_on_exec, fget/fget_raw, fdget
 * (__fget_light), set_close_on_exec/get_close_on_exec, replace_fd,
 * do_dup2/ksys_dup3 and the dup/dup2/dup3/close_range system calls, f_dupfd,
 * iterate_fd, fdget_pos. How many fds a task may have is its
 * RLIMIT_NOFILE (nofile_limit()). A kernel thread has no table
 * (current->files NULL): to it every fd is closed (-EBADF, -EMFILE). The structures are
 * in include/linux/fdtable.h, the current->files API in linux/file.h.
 *
 * Left out: RCU (lookups take files->file_lock instead, so a table
 * replaced by expand_fdtable is freed at once), full_fds_bits,
 * receive_fd, the fdtable's kvmalloc (tables are kmalloc'ed:
 * at 1024 fds the fd array is 8 KiB), and the files_cachep slab cache
 * (files_structs are kzalloc'ed). fork and exec do not call dup_fd or
 * do_close_on_exec yet.
 */
#include <asm/ptrace.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>

#define BPL FDT_BITS_PER_LONG

unsigned int sysctl_nr_open = NR_OPEN_MAX;

struct files_struct init_files = {
	.count = { 1 },
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.resize_wait = { .lock = __SPIN_LOCK_UNLOCKED(init_files.resize_wait.lock),
			 .head = LIST_HEAD_INIT(init_files.resize_wait.head) },
};

/* ---- bitmaps ------------------------------------------------------------------------ */

static inline void __set_open_fd(unsigned int fd, struct fdtable *fdt)
{
	fdt->open_fds[fd / BPL] |= 1UL << (fd % BPL);
}

static inline void __clear_open_fd(unsigned int fd, struct fdtable *fdt)
{
	fdt->open_fds[fd / BPL] &= ~(1UL << (fd % BPL));
}

static inline void __set_close_on_exec(unsigned int fd, struct fdtable *fdt)
{
	fdt->close_on_exec[fd / BPL] |= 1UL << (fd % BPL);
}

static inline void __clear_close_on_exec(unsigned int fd, struct fdtable *fdt)
{
	fdt->close_on_exec[fd / BPL] &= ~(1UL << (fd % BPL));
}

static inline bool close_on_exec(unsigned int fd, const struct fdtable *fdt)
{
	return (fdt->close_on_exec[fd / BPL] >> (fd % BPL)) & 1;
}

/* The lowest clear bit of open_fds at or above start, or max_fds (Linux: find_next_fd). */
static unsigned int find_next_fd(const struct fdtable *fdt, unsigned int start)
{
	unsigned int max = fdt->max_fds;	/* a multiple of BPL */
	unsigned int i = start / BPL;
	unsigned long word;

	if (start >= max)
		return max;
	word = ~fdt->open_fds[i] & (~0UL << (start % BPL));
	while (!word) {
		if (++i >= max / BPL)
			return max;
		word = ~fdt->open_fds[i];
	}
	return i * BPL + __ffs(word);
}

/* Fds below this are all that can be open (Linux: count_open_files), a multiple of BPL. */
static unsigned int count_open_files(const struct fdtable *fdt)
{
	unsigned int i;

	for (i = fdt->max_fds / BPL; i > 0; i--)
		if (fdt->open_fds[i - 1])
			break;
	return i * BPL;
}

/* ---- tables ------------------------------------------------------------------------- */

static void __free_fdtable(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);
	kfree(fdt);
}

/*
 * A table for at least nr fds: a whole KiB of pointers (128) at the least,
 * then powers of two, capped at sysctl_nr_open (Linux: alloc_fdtable).
 */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	const unsigned int per_kib = 1024 / sizeof(struct file *);
	struct fdtable *fdt;
	unsigned int n = nr / per_kib, p = 1;

	while (p < n + 1)
		p <<= 1;
	nr = p * per_kib;
	if (nr > sysctl_nr_open)
		nr = ((sysctl_nr_open - 1) | (BPL - 1)) + 1;

	fdt = kzalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	fdt->max_fds = nr;
	fdt->fd = kcalloc(nr, sizeof(struct file *), GFP_KERNEL);
	/* open_fds and close_on_exec in one allocation, as Linux does */
	fdt->open_fds = kzalloc(2 * nr / 8, GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		__free_fdtable(fdt);
		return NULL;
	}
	fdt->close_on_exec = fdt->open_fds + nr / BPL;
	return fdt;
}

/* Copy the first count fds' bitmaps, zero the rest (Linux: copy_fd_bitmaps). */
static void copy_fd_bitmaps(struct fdtable *nfdt, const struct fdtable *ofdt, unsigned int count)
{
	unsigned int cpy = count / 8, set = (nfdt->max_fds - count) / 8;

	memcpy(nfdt->open_fds, ofdt->open_fds, cpy);
	memset((char *)nfdt->open_fds + cpy, 0, set);
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec, cpy);
	memset((char *)nfdt->close_on_exec + cpy, 0, set);
}

/* Everything of ofdt into the bigger nfdt (Linux: copy_fdtable). */
static void copy_fdtable(struct fdtable *nfdt, const struct fdtable *ofdt)
{
	BUG_ON(nfdt->max_fds < ofdt->max_fds);
	memcpy(nfdt->fd, ofdt->fd, ofdt->max_fds * sizeof(struct file *));
	memset(nfdt->fd + ofdt->max_fds, 0,
	       (nfdt->max_fds - ofdt->max_fds) * sizeof(struct file *));
	copy_fd_bitmaps(nfdt, ofdt, ofdt->max_fds);
}

/*
 * Replace the table by one with room for fd nr. Called, and returns, with
 * file_lock held; drops it to allocate (Linux: expand_fdtable). Returns 1
 * (expanded), or -ENOMEM / -EMFILE.
 */
static int expand_fdtable(struct files_struct *files, unsigned int nr)
{
	struct fdtable *new_fdt, *cur_fdt;

	spin_unlock(&files->file_lock);
	new_fdt = alloc_fdtable(nr + 1);
	spin_lock(&files->file_lock);
	if (!new_fdt)
		return -ENOMEM;
	if (new_fdt->max_fds <= nr) {	/* capped by sysctl_nr_open */
		__free_fdtable(new_fdt);
		return -EMFILE;
	}
	cur_fdt = files_fdtable(files);
	BUG_ON(nr < cur_fdt->max_fds);
	copy_fdtable(new_fdt, cur_fdt);
	files->fdt = new_fdt;
	/* no RCU readers: lookups hold file_lock, so the old table can go now */
	if (cur_fdt != &files->fdtab)
		__free_fdtable(cur_fdt);
	return 1;
}

/*
 * Make fd nr fit (Linux: expand_files). file_lock held; it may be dropped
 * and retaken. 0: it already fit; 1: the table was expanded; < 0: error.
 */
int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *fdt;
	int expanded = 0;

repeat:
	fdt = files_fdtable(files);
	if (nr < fdt->max_fds)
		return expanded;
	if (nr >= sysctl_nr_open)
		return -EMFILE;
	if (files->resize_in_progress) {
		spin_unlock(&files->file_lock);
		expanded = 1;
		wait_event(files->resize_wait, !READ_ONCE(files->resize_in_progress));
		spin_lock(&files->file_lock);
		goto repeat;
	}
	files->resize_in_progress = true;
	expanded = expand_fdtable(files, nr);
	files->resize_in_progress = false;
	wake_up_all(&files->resize_wait);
	return expanded;
}

static struct files_struct *alloc_files_struct(void)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);

	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	init_waitqueue_head(&newf->resize_wait);
	newf->next_fd = 0;
	newf->fdtab.max_fds = NR_OPEN_DEFAULT;
	newf->fdtab.close_on_exec = newf->close_on_exec_init;
	newf->fdtab.open_fds = newf->open_fds_init;
	newf->fdtab.fd = &newf->fd_array[0];
	newf->fdt = &newf->fdtab;
	return newf;
}

/*
 * A copy of oldf for fork: the same open files (each get_file'd), the
 * same bitmaps; fds reserved in oldf but not yet installed are free in the
 * copy (Linux: dup_fd).
 */
struct files_struct *dup_fd(struct files_struct *oldf)
{
	struct files_struct *newf = alloc_files_struct();
	struct fdtable *old_fdt, *new_fdt;
	struct file **old_fds, **new_fds;
	unsigned int open_files;

	if (!newf)
		return ERR_PTR(-ENOMEM);
	new_fdt = &newf->fdtab;

	spin_lock(&oldf->file_lock);
	old_fdt = files_fdtable(oldf);
	open_files = count_open_files(old_fdt);
	/* a bigger table if the embedded one is not enough; oldf may grow meanwhile */
	while (open_files > new_fdt->max_fds) {
		spin_unlock(&oldf->file_lock);
		if (new_fdt != &newf->fdtab)
			__free_fdtable(new_fdt);
		new_fdt = alloc_fdtable(open_files - 1);
		if (!new_fdt) {
			kfree(newf);
			return ERR_PTR(-ENOMEM);
		}
		if (new_fdt->max_fds < open_files) {
			__free_fdtable(new_fdt);
			kfree(newf);
			return ERR_PTR(-EMFILE);
		}
		spin_lock(&oldf->file_lock);
		old_fdt = files_fdtable(oldf);
		open_files = count_open_files(old_fdt);
	}

	copy_fd_bitmaps(new_fdt, old_fdt, open_files);
	old_fds = old_fdt->fd;
	new_fds = new_fdt->fd;
	for (unsigned int i = 0; i < open_files; i++) {
		struct file *f = old_fds[i];

		if (f)
			get_file(f);
		else
			__clear_open_fd(i, new_fdt);	/* reserved, not installed */
		new_fds[i] = f;
	}
	spin_unlock(&oldf->file_lock);
	memset(&new_fds[open_files], 0, (new_fdt->max_fds - open_files) * sizeof(struct file *));
	newf->fdt = new_fdt;
	return newf;
}

/* Close every file of a table nobody uses any more (Linux: close_files). */
static void close_files(struct files_struct *files)
{
	/* the last reference: nobody else can look, no lock needed (Linux: same) */
	struct fdtable *fdt = files->fdt;

	for (unsigned int i = 0; i < fdt->max_fds / BPL; i++) {
		unsigned long set = fdt->open_fds[i];

		while (set) {
			unsigned int fd = i * BPL + __ffs(set);
			struct file *file = fdt->fd[fd];

			set &= set - 1;
			if (file) {
				fdt->fd[fd] = NULL;
				filp_close(file, files);
				cond_resched();
			}
		}
	}
}

void put_files_struct(struct files_struct *files)
{
	if (atomic_dec_and_test(&files->count)) {
		close_files(files);
		if (files->fdt != &files->fdtab)
			__free_fdtable(files->fdt);
		BUG_ON(files == &init_files);
		kfree(files);
	}
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		unsigned long flags;

		/* Linux: under task_lock(tsk); here pi_lock, as /proc/PID/fd reads it under. */
		spin_lock_irqsave(&tsk->pi_lock, flags);
		tsk->files = NULL;
		spin_unlock_irqrestore(&tsk->pi_lock, flags);
		put_files_struct(files);
	}
}

/* ---- allocating and installing fds -------------------------------------------------- */

/*
 * The lowest free fd in [start, end), marked open (and close-on-exec if
 * flags has O_CLOEXEC), or -EMFILE (Linux: alloc_fd).
 */
int __alloc_fd(struct files_struct *files, unsigned int start, unsigned int end,
	       unsigned int flags)
{
	struct fdtable *fdt;
	unsigned int fd;
	int error;

	spin_lock(&files->file_lock);
repeat:
	fdt = files_fdtable(files);
	fd = start;
	if (fd < files->next_fd)
		fd = files->next_fd;
	if (fd < fdt->max_fds)
		fd = find_next_fd(fdt, fd);

	error = -EMFILE;
	if (fd >= end)
		goto out;
	error = expand_files(files, fd);
	if (error < 0)
		goto out;
	/* the lock was dropped: someone may have taken fd meanwhile */
	if (error)
		goto repeat;

	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_open_fd(fd, fdt);
	if (flags & O_CLOEXEC)
		__set_close_on_exec(fd, fdt);
	else
		__clear_close_on_exec(fd, fdt);
	error = fd;
out:
	spin_unlock(&files->file_lock);
	return error;
}

/*
 * How many fds current may have: RLIMIT_NOFILE's soft limit, never past
 * sysctl_nr_open (Linux: rlimit(RLIMIT_NOFILE)); INR_OPEN_CUR for a task
 * without a signal_struct.
 */
unsigned int nofile_limit(void)
{
	struct signal_struct *sig = current->signal;
	unsigned long lim;

	/*
	 * A signal_struct whose limits were never filled in (all zero, not
	 * kernel/fork.c's INIT_RLIMITS, where the hard limit is 4096) counts
	 * as having the default, rather than allowing no file at all.
	 */
	if (!sig || (!sig->rlim[RLIMIT_NOFILE].rlim_cur && !sig->rlim[RLIMIT_NOFILE].rlim_max))
		lim = INR_OPEN_CUR;
	else
		lim = READ_ONCE(sig->rlim[RLIMIT_NOFILE].rlim_cur);
	return lim > sysctl_nr_open ? sysctl_nr_open : lim;
}

int alloc_fd(unsigned int start, unsigned int end, unsigned int flags)
{
	if (!current->files)
		return -EMFILE;
	return __alloc_fd(current->files, start, end, flags);
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, nofile_limit(), flags);
}

/* file_lock held. */
static void __put_unused_fd_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	__clear_open_fd(fd, fdt);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	spin_lock(&files->file_lock);
	__put_unused_fd_locked(files, fd);
	spin_unlock(&files->file_lock);
}

void put_unused_fd(unsigned int fd)
{
	__put_unused_fd(current->files, fd);
}

/* Put file at a reserved fd; the table takes over the caller's reference (Linux: fd_install). */
void __fd_install(struct files_struct *files, unsigned int fd, struct file *file)
{
	struct fdtable *fdt;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	BUG_ON(fd >= fdt->max_fds || !fd_is_open(fd, fdt) || fdt->fd[fd] != NULL);
	fdt->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	__fd_install(current->files, fd, file);
}

/* ---- closing -------------------------------------------------------------------------- */

/* Take the file at fd out of the table; file_lock held (Linux: file_close_fd_locked). */
static struct file *file_close_fd_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);
	struct file *file;

	if (fd >= fdt->max_fds)
		return NULL;
	file = fdt->fd[fd];
	if (file) {
		fdt->fd[fd] = NULL;
		__put_unused_fd_locked(files, fd);
	}
	return file;
}

struct file *__file_close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	spin_lock(&files->file_lock);
	file = file_close_fd_locked(files, fd);
	spin_unlock(&files->file_lock);
	return file;
}

struct file *file_close_fd(unsigned int fd)
{
	return __file_close_fd(current->files, fd);
}

/* close(2): -EBADF if fd is not an open file (Linux: close_fd). */
int __close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file = __file_close_fd(files, fd);

	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

int close_fd(unsigned int fd)
{
	if (!current->files)
		return -EBADF;
	return __close_fd(current->files, fd);
}

/*
 * Close the fds marked close-on-exec, lowest first, clearing the marks
 * (Linux: do_close_on_exec). filp_close runs without file_lock.
 */
void do_close_on_exec(struct files_struct *files)
{
	struct fdtable *fdt;

	spin_lock(&files->file_lock);
	for (unsigned int i = 0;; i++) {
		unsigned long set;

		fdt = files_fdtable(files);
		if (i >= fdt->max_fds / BPL)
			break;
		set = fdt->close_on_exec[i];
		if (!set)
			continue;
		fdt->close_on_exec[i] = 0;
		while (set) {
			unsigned int fd = i * BPL + __ffs(set);
			struct file *file = fdt->fd[fd];

			set &= set - 1;
			if (!file)
				continue;
			fdt->fd[fd] = NULL;
			__put_unused_fd_locked(files, fd);
			spin_unlock(&files->file_lock);
			filp_close(file, files);
			cond_resched();
			spin_lock(&files->file_lock);
			fdt = files_fdtable(files);	/* may have been expanded */
		}
	}
	spin_unlock(&files->file_lock);
}

/* ---- lookups -------------------------------------------------------------------------- */

struct file *files_lookup_fd_locked(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files_fdtable(files);

	if (fd < fdt->max_fds)
		return fdt->fd[fd];
	return NULL;
}

/*
 * The file at fd with a reference taken, or NULL; files with any of mask's
 * f_mode bits count as absent (Linux: __fget_files, under RCU there).
 */
struct file *__fget_files(struct files_struct *files, unsigned int fd, fmode_t mask)
{
	struct file *file;

	spin_lock(&files->file_lock);
	file = files_lookup_fd_locked(files, fd);
	if (file && (file->f_mode & mask))
		file = NULL;
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

/* A kernel thread has no table (current->files NULL): every fd is closed. */
struct file *fget(unsigned int fd)
{
	return current->files ? __fget_files(current->files, fd, FMODE_PATH) : NULL;
}

struct file *fget_raw(unsigned int fd)
{
	return current->files ? __fget_files(current->files, fd, 0) : NULL;
}

/*
 * fdget: if nobody shares current's table, no one can close fd until we
 * return, so borrow the table's reference instead of taking one (Linux:
 * __fget_light). Otherwise as fget, and fdput drops it.
 */
static struct fd __fget_light(unsigned int fd, fmode_t mask)
{
	struct files_struct *files = current->files;
	struct fd ret = { NULL, 0 };
	struct file *file;

	if (!files)
		return ret;
	if (atomic_read(&files->count) == 1) {
		spin_lock(&files->file_lock);
		file = files_lookup_fd_locked(files, fd);
		spin_unlock(&files->file_lock);
		if (file && !(file->f_mode & mask))
			ret.file = file;
		return ret;
	}
	file = __fget_files(files, fd, mask);
	if (file) {
		ret.file = file;
		ret.flags = FDPUT_FPUT;
	}
	return ret;
}

struct fd fdget(unsigned int fd)
{
	return __fget_light(fd, FMODE_PATH);
}

struct fd fdget_raw(unsigned int fd)
{
	return __fget_light(fd, 0);
}

/*
 * fdget() plus the file-position lock (Linux: fdget_pos). Regular files
 * and directories (FMODE_ATOMIC_POS) take f_pos_lock, so two tasks
 * sharing one open file never read the same bytes nor lose a seek.
 * (Linux skips the lock when the file has one reference; not here.)
 */
struct fd fdget_pos(unsigned int fd)
{
	struct fd f = fdget(fd);

	if (f.file && (f.file->f_mode & FMODE_ATOMIC_POS)) {
		mutex_lock(&f.file->f_pos_lock);
		f.flags |= FDPUT_POS_UNLOCK;
	}
	return f;
}

void fdput_pos(struct fd f)
{
	if (f.flags & FDPUT_POS_UNLOCK)
		mutex_unlock(&f.file->f_pos_lock);
	fdput(f);
}

void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	if (fd < fdt->max_fds) {
		if (flag)
			__set_close_on_exec(fd, fdt);
		else
			__clear_close_on_exec(fd, fdt);
	}
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	bool res = false;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	if (fd < fdt->max_fds)
		res = close_on_exec(fd, fdt);
	spin_unlock(&files->file_lock);
	return res;
}

/* ---- dup ------------------------------------------------------------------------------ */

/*
 * Put file at fd (which fits the table), closing what was there. Called
 * with file_lock held, drops it (Linux: do_dup2). -EBUSY: fd is reserved
 * by get_unused_fd_flags but not installed yet.
 */
static int do_dup2(struct files_struct *files, struct file *file, unsigned int fd,
		   unsigned int flags)
{
	struct fdtable *fdt = files_fdtable(files);
	struct file *tofree = fdt->fd[fd];

	if (!tofree && fd_is_open(fd, fdt)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	get_file(file);
	fdt->fd[fd] = file;
	__set_open_fd(fd, fdt);
	if (flags & O_CLOEXEC)
		__set_close_on_exec(fd, fdt);
	else
		__clear_close_on_exec(fd, fdt);
	spin_unlock(&files->file_lock);
	if (tofree)
		filp_close(tofree, files);
	return fd;
}

/* Put file at fd (a new reference), closing what was there; NULL file: close fd. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	int err;

	if (!file)
		return close_fd(fd);
	if (fd >= nofile_limit())
		return -EBADF;
	spin_lock(&files->file_lock);
	err = expand_files(files, fd);
	if (err < 0) {
		spin_unlock(&files->file_lock);
		return err;
	}
	return do_dup2(files, file, fd, flags);
}

int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file;
	int err = -EBADF;

	if ((flags & ~O_CLOEXEC) != 0)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (!files || newfd >= nofile_limit())
		return -EBADF;

	spin_lock(&files->file_lock);
	err = expand_files(files, newfd);
	file = files_lookup_fd_locked(files, oldfd);
	if (!file) {
		err = -EBADF;
		goto out_unlock;
	}
	if (err < 0) {
		if (err == -EMFILE)
			err = -EBADF;
		goto out_unlock;
	}
	return do_dup2(files, file, newfd, flags);

out_unlock:
	spin_unlock(&files->file_lock);
	return err;
}

/* dup2: newfd when oldfd == newfd and oldfd is open, else as dup3 without flags. */
int ksys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		struct files_struct *files = current->files;
		int retval = oldfd;

		if (!files)
			return -EBADF;
		spin_lock(&files->file_lock);
		if (!files_lookup_fd_locked(files, oldfd))
			retval = -EBADF;
		spin_unlock(&files->file_lock);
		return retval;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

int ksys_dup(unsigned int fildes)
{
	int ret = -EBADF;
	struct file *file = fget_raw(fildes);

	if (file) {
		ret = get_unused_fd_flags(0);
		if (ret >= 0)
			fd_install(ret, file);
		else
			fput(file);
	}
	return ret;
}

/* fcntl(F_DUPFD/F_DUPFD_CLOEXEC): the lowest free fd >= from, sharing file (Linux: f_dupfd). */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int err;

	if (from >= nofile_limit())
		return -EINVAL;
	err = alloc_fd(from, nofile_limit(), flags);
	if (err >= 0) {
		get_file(file);
		fd_install(err, file);
	}
	return err;
}

#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

/*
 * close_range(2) (Linux: __close_range): close, or with CLOSE_RANGE_CLOEXEC
 * mark close-on-exec, every open fd in [fd, max_fd]. CLOSE_RANGE_UNSHARE
 * first gives the task a table of its own if it shares one (dup_fd).
 */
SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd, unsigned int, flags)
{
	struct files_struct *files = current->files;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if (!files)
		return 0;
	if ((flags & CLOSE_RANGE_UNSHARE) && atomic_read(&files->count) > 1) {
		struct files_struct *copy = dup_fd(files);

		if (IS_ERR(copy))
			return PTR_ERR(copy);
		current->files = copy;
		put_files_struct(files);
		files = copy;
	}
	for (;;) {
		struct fdtable *fdt;
		struct file *file = NULL;

		spin_lock(&files->file_lock);
		fdt = files_fdtable(files);
		if (max_fd >= fdt->max_fds)
			max_fd = fdt->max_fds - 1;
		for (; fd <= max_fd && fd < fdt->max_fds; fd++) {
			if (!fdt->fd[fd])
				continue;
			if (flags & CLOSE_RANGE_CLOEXEC) {
				__set_close_on_exec(fd, fdt);
				continue;
			}
			file = file_close_fd_locked(files, fd);
			break;
		}
		spin_unlock(&files->file_lock);
		if (!file)
			break;
		filp_close(file, files);
		cond_resched();
		fd++;
	}
	return 0;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	return ksys_dup2(oldfd, newfd);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}

int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*f)(const void *p, struct file *file, unsigned int fd), const void *p)
{
	struct fdtable *fdt;
	int res = 0;

	if (!files)
		return 0;
	spin_lock(&files->file_lock);
	for (fdt = files_fdtable(files); n < fdt->max_fds; n++) {
		struct file *file = fdt->fd[n];

		if (!file)
			continue;
		res = f(p, file, n);
		if (res)
			break;
	}
	spin_unlock(&files->file_lock);
	return res;
}
