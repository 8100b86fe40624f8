// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes (Linux: fs/pipe.c, include/linux/pipe_fs_i.h), simplified.
 *
 * pipe(2) makes an inode on the internal pipefs mount (mounted on first
 * use, as Linux's init_pipe_fs mounts it at boot) holding a struct
 * pipe_inode_info, and two files on it: fds[0] open for reading, fds[1]
 * for writing. The data live in a ring of PIPE_DEF_BUFFERS (16) struct
 * pipe_buffer, each a page with an offset and a length; head is the next
 * slot to fill, tail the next to read, both free-running counters (the
 * slot is counter & (ring_size - 1)), so the pipe is empty at
 * head == tail and full at head - tail == ring_size: 64 KiB, Linux's
 * default capacity.
 *
 * pipe_write() first appends to the last buffer if the write's first
 * (total % PAGE_SIZE) bytes fit in it, then fills fresh pages. A write of
 * at most PIPE_BUF (4096) bytes therefore lands in one buffer, whole:
 * writes that small are atomic, never interleaved with another writer's.
 * With the ring full it sleeps on wr_wait (interruptibly: a signal ends
 * it with what was written, or -ERESTARTSYS), or returns -EAGAIN with
 * O_NONBLOCK if nothing was written. Without readers it sends SIGPIPE and
 * returns -EPIPE. pipe_read() takes bytes from the tail buffer onward;
 * on an empty pipe it returns 0 (end of file) if there are no writers
 * left, -EAGAIN with O_NONBLOCK, else sleeps on rd_wait. Both hold
 * pipe->mutex while they touch the ring and drop it to sleep. A pipe's
 * files have no position: lseek, pread and pwrite are -ESPIPE.
 *
 * pipe_release() drops the file's side (readers or writers), wakes the
 * other side so a blocked reader sees EOF and a blocked writer sees
 * EPIPE, and frees the ring with the last file.
 *
 * Named pipes (FIFOs: mknod S_IFIFO, then open by name) share the code:
 * the inode's i_pipe is made at the first open (fifo_open) and freed with
 * the last file. An open for reading waits for a writer and one for
 * writing waits for a reader (r_counter/w_counter tell a sleeper that a
 * partner came), unless O_NONBLOCK: then a reader opens at once and a
 * writer without a reader gets -ENXIO; O_RDWR never waits.
 *
 * pipe_poll() answers poll(2) and select(2) (fs/select.c): EPOLLIN with
 * data, EPOLLHUP once the last writer is gone, EPOLLOUT with room,
 * EPOLLERR once the last reader is gone.
 *
 * fcntl's F_GETPIPE_SZ/F_SETPIPE_SZ (pipe_fcntl) read and resize the
 * ring (pipe_resize_ring: a power-of-two number of page slots, at most
 * pipe_max_size, 1 MiB, and never below what it holds: -EBUSY).
 *
 * splice_file_to_pipe() is sendfile(2)'s way in (fs/read_write.c):
 * pages read straight from the file into free slots.
 *
 * Left out: splice and
 * vmsplice (pipe_buf_operations, page stealing), O_DIRECT packet mode
 * (pipe2 says -EINVAL), watch queues (O_NOTIFICATION_PIPE),
 * SIGIO, the user-pipe accounting limits. (A signal ends a wait with
 * -ERESTARTSYS: -EINTR, or a restart with SA_RESTART.)
 */
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS 16
#define PIPE_BUF PAGE_SIZE		/* writes this small are atomic (Linux: 4096) */
#define PIPEFS_MAGIC 0x50495045
#define FIONREAD 0x541B
#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515
#endif

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

/* Linux: struct pipe_inode_info (include/linux/pipe_fs_i.h). */
struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	unsigned int head;		/* the next slot to fill */
	unsigned int tail;		/* the next slot to read */
	unsigned int ring_size;		/* a power of two */
	unsigned int readers, writers;	/* files open for each */
	unsigned int files;		/* files referring to the pipe */
	unsigned int r_counter, w_counter;	/* FIFO opens for reading/writing, ever */
	struct page *tmp_page;		/* a spare page, kept for the next write */
	struct pipe_buffer *bufs;	/* ring_size slots (F_SETPIPE_SZ changes it) */
};

static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return head == tail;
}

static inline unsigned int pipe_occupancy(unsigned int head, unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_full(unsigned int head, unsigned int tail, unsigned int limit)
{
	return pipe_occupancy(head, tail) >= limit;
}

/* ---- pipefs --------------------------------------------------------------------------- */

static struct vfsmount *pipe_mnt;
static DEFINE_MUTEX(pipe_mnt_lock);
/* inode->i_pipe and pipe->files (Linux: inode->i_lock); held only for a moment. */
static DEFINE_SPINLOCK(pipe_files_lock);

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | 0700;
	root->i_atime = root->i_mtime = root->i_ctime = current_time(root);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	struct dentry *root = mount_nodev(fs_type, flags, data, pipefs_fill_super);

	if (!IS_ERR(root)) {
		root->d_sb->s_magic = PIPEFS_MAGIC;
		root->d_sb->s_blocksize = PAGE_SIZE;
		root->d_sb->s_blocksize_bits = PAGE_SHIFT;
	}
	return root;
}

static struct file_system_type pipe_fs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
	/* Not registered (nobody mounts pipefs by name), so its list is set up here. */
	.fs_supers = LIST_HEAD_INIT(pipe_fs_type.fs_supers),
};

/* Linux mounts pipefs at boot (init_pipe_fs, an fs_initcall); here at the first pipe. */
static struct vfsmount *get_pipe_mnt(void)
{
	struct vfsmount *mnt;

	mutex_lock(&pipe_mnt_lock);
	if (!pipe_mnt) {
		static bool registered;

		/* Registered, as Linux's is: /proc/filesystems lists "nodev pipefs". */
		if (!registered)
			registered = !register_filesystem(&pipe_fs_type);
		mnt = registered ? kern_mount(&pipe_fs_type) : ERR_PTR(-ENODEV);
		if (!IS_ERR(mnt))
			pipe_mnt = mnt;
	}
	mnt = pipe_mnt ? pipe_mnt : ERR_PTR(-ENOMEM);
	mutex_unlock(&pipe_mnt_lock);
	return mnt;
}

/* ---- the ring ------------------------------------------------------------------------- */

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(struct pipe_buffer), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->ring_size = PIPE_DEF_BUFFERS;
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	for (unsigned int i = 0; i < pipe->ring_size; i++)
		if (pipe->bufs[i].page)
			__free_page(pipe->bufs[i].page);
	if (pipe->tmp_page)
		__free_page(pipe->tmp_page);
	kfree(pipe->bufs);
	kfree(pipe);
}

/* A read emptied buf: keep one page for the next write, free the rest (anon_pipe_buf_release). */
static void pipe_buf_release(struct pipe_inode_info *pipe, struct pipe_buffer *buf)
{
	if (!pipe->tmp_page)
		pipe->tmp_page = buf->page;
	else
		__free_page(buf->page);
	buf->page = NULL;
}

static struct pipe_inode_info *file_pipe(struct file *filp)
{
	return filp->private_data;
}

/*
 * Sleep on wq until cond or a signal, pipe->mutex not held (Linux:
 * wait_event_interruptible_exclusive). cond reads head/tail/readers/
 * writers without the mutex; the wakers change them first.
 */
#define pipe_wait_event(wq, cond)                                         \
	({                                                                \
		struct wait_queue_entry __w = { .private = current };     \
		int __ret = 0;                                            \
		for (;;) {                                                \
			prepare_to_wait(&(wq), &__w, TASK_INTERRUPTIBLE); \
			if (cond)                                         \
				break;                                    \
			if (signal_pending(current)) {                    \
				__ret = -EINTR;                           \
				break;                                    \
			}                                                 \
			schedule();                                       \
		}                                                         \
		finish_wait(&(wq), &__w);                                 \
		__ret;                                                    \
	})

static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return !pipe_empty(READ_ONCE(pipe->head), READ_ONCE(pipe->tail)) ||
	       !READ_ONCE(pipe->writers);
}

static bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return !pipe_full(READ_ONCE(pipe->head), READ_ONCE(pipe->tail), pipe->ring_size) ||
	       !READ_ONCE(pipe->readers);
}

static ssize_t pipe_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = file_pipe(filp);
	size_t total_len = iov_iter_count(to);
	bool freed = false;
	ssize_t ret = 0;

	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		unsigned int head = pipe->head, tail = pipe->tail;

		if (!pipe_empty(head, tail)) {
			struct pipe_buffer *buf = &pipe->bufs[tail & (pipe->ring_size - 1)];
			size_t chars = min_t(size_t, buf->len, total_len);

			if (chars) {
				size_t copied = copy_to_iter((char *)page_address(buf->page) +
							     buf->offset, chars, to);

				if (copied < chars) {
					/* A bad buffer: the bytes stay in the pipe. */
					if (!ret)
						ret = -EFAULT;
					break;
				}
				ret += chars;
				buf->offset += chars;
				buf->len -= chars;
				total_len -= chars;
			}
			if (!buf->len) {
				pipe_buf_release(pipe, buf);
				pipe->tail = ++tail;
				freed = true;
			}
			if (!total_len)
				break;
			if (!pipe_empty(head, tail))
				continue;
		}
		if (!pipe->writers)
			break;		/* end of file, or what we have */
		if (ret)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (freed) {
			wake_up_all(&pipe->wr_wait);
			freed = false;
		}
		if (pipe_wait_event(pipe->rd_wait, pipe_readable(pipe)) < 0)
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (freed)
		wake_up_all(&pipe->wr_wait);
	return ret;
}

/*
 * The page for a new buffer: the spare one a reader or a failed copy left
 * in tmp_page, else a fresh one (Linux: anon_pipe_get_page). Pipe mutex held.
 */
static struct page *pipe_get_page(struct pipe_inode_info *pipe)
{
	struct page *page = pipe->tmp_page;

	if (page) {
		pipe->tmp_page = NULL;
		return page;
	}
	return alloc_page(GFP_KERNEL);
}

static ssize_t pipe_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *filp = iocb->ki_filp;
	struct pipe_inode_info *pipe = file_pipe(filp);
	size_t total_len = iov_iter_count(from);
	unsigned int mask;
	bool wrote = false;
	ssize_t ret = 0;
	size_t chars;

	/* A write of nothing succeeds, readers or not. */
	if (!total_len)
		return 0;
	mutex_lock(&pipe->mutex);
	if (!pipe->readers) {
		send_sig(SIGPIPE, current, 0);
		ret = -EPIPE;
		goto out;
	}
	/* The first total_len % PAGE_SIZE bytes may join the last buffer, if they all fit. */
	mask = pipe->ring_size - 1;
	chars = total_len & (PAGE_SIZE - 1);
	if (chars && !pipe_empty(pipe->head, pipe->tail)) {
		struct pipe_buffer *buf = &pipe->bufs[(pipe->head - 1) & mask];
		unsigned int offset = buf->offset + buf->len;

		if (offset + chars <= PAGE_SIZE) {
			size_t copied = copy_from_iter((char *)page_address(buf->page) + offset,
						       chars, from);

			if (copied < chars) {
				ret = -EFAULT;
				goto out;
			}
			buf->len += chars;
			ret = chars;
			wrote = true;
			if (!iov_iter_count(from))
				goto out;
		}
	}
	for (;;) {
		unsigned int head;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		head = pipe->head;
		mask = pipe->ring_size - 1;	/* F_SETPIPE_SZ may have run while we slept */
		if (!pipe_full(head, pipe->tail, pipe->ring_size)) {
			struct pipe_buffer *buf = &pipe->bufs[head & mask];
			struct page *page = pipe_get_page(pipe);
			size_t copied;

			if (!page) {
				if (!ret)
					ret = -ENOMEM;
				break;
			}
			copied = copy_from_iter(page_address(page), PAGE_SIZE, from);
			if (copied < PAGE_SIZE && iov_iter_count(from)) {
				/* A fault part way: the page goes back, unwritten. */
				pipe->tmp_page = page;
				if (!ret)
					ret = -EFAULT;
				break;
			}
			buf->page = page;
			buf->offset = 0;
			buf->len = copied;
			pipe->head = head + 1;
			ret += copied;
			wrote = true;
			if (!iov_iter_count(from))
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wrote) {
			wake_up_all(&pipe->rd_wait);
			wrote = false;
		}
		pipe_wait_event(pipe->wr_wait, pipe_writable(pipe));
		mutex_lock(&pipe->mutex);
	}
out:
	mutex_unlock(&pipe->mutex);
	if (wrote)
		wake_up_all(&pipe->rd_wait);
	return ret;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file_pipe(filp);
	unsigned int count = 0;

	if (cmd != FIONREAD)
		return -ENOIOCTLCMD;
	mutex_lock(&pipe->mutex);
	for (unsigned int tail = pipe->tail; tail != pipe->head; tail++)
		count += pipe->bufs[tail & (pipe->ring_size - 1)].len;
	mutex_unlock(&pipe->mutex);
	return put_user(count, (int __user *)arg);
}

/*
 * What poll(2) sees (Linux: pipe_poll): a reader is ready when the pipe
 * holds data (EPOLLIN) and hangs up when no writer is left (EPOLLHUP, and
 * a read then returns 0 at once); a writer is ready when a buffer is free
 * (EPOLLOUT) and gets EPOLLERR when no reader is left. Both queues are
 * registered before the state is read, so a change after the read wakes
 * the poller.
 */
static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = file_pipe(filp);
	unsigned int head, tail;
	__poll_t mask = 0;

	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);
	/* The wait queue entries are in: now the state (Linux: the same order). */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* Linux: smp_mb() */
	head = READ_ONCE(pipe->head);
	tail = READ_ONCE(pipe->tail);
	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(head, tail))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers) && filp->f_version != READ_ONCE(pipe->w_counter))
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(head, tail, pipe->ring_size))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

/* The pipe behind file, or NULL (Linux: get_pipe_info). */
struct pipe_inode_info *get_pipe_info(struct file *file)
{
	return file->f_op == &pipefifo_fops ? file->private_data : NULL;
}

/*
 * sendfile(2) into a pipe (Linux: splice_file_to_pipe): wait until a slot
 * is free (-EAGAIN with the pipe's O_NONBLOCK; a signal: -ERESTARTSYS),
 * then fill free slots with fresh pages read from in at *ppos, at most
 * len bytes, and return what went in: as Linux, one call moves at most
 * what the pipe had room for. No reader: SIGPIPE and -EPIPE.
 */
ssize_t splice_file_to_pipe(struct file *in, struct file *out, loff_t *ppos, size_t len)
{
	struct pipe_inode_info *pipe = file_pipe(out);
	unsigned int mask;
	ssize_t ret = 0;

	if (!len)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			ret = -EPIPE;
			goto out;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->ring_size))
			break;
		if (out->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			goto out;
		}
		mutex_unlock(&pipe->mutex);
		pipe_wait_event(pipe->wr_wait, pipe_writable(pipe));
		mutex_lock(&pipe->mutex);
	}
	mask = pipe->ring_size - 1;
	while (len && !pipe_full(pipe->head, pipe->tail, pipe->ring_size)) {
		struct pipe_buffer *buf = &pipe->bufs[pipe->head & mask];
		struct page *page = pipe_get_page(pipe);
		ssize_t n;

		if (!page) {
			if (!ret)
				ret = -ENOMEM;
			break;
		}
		n = kernel_read(in, page_address(page), min_t(size_t, len, PAGE_SIZE), ppos);
		if (n <= 0) {
			pipe->tmp_page = page;
			if (!ret)
				ret = n;
			break;
		}
		buf->page = page;
		buf->offset = 0;
		buf->len = n;
		pipe->head++;
		ret += n;
		len -= n;
		if ((size_t)n < PAGE_SIZE)
			break;		/* end of file (or a short read): done for now */
	}
out:
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_all(&pipe->rd_wait);
	return ret;
}

#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
/* Linux: pipe_max_size (/proc/sys/fs/pipe-max-size), 1 MiB. */
static unsigned int pipe_max_size = 1048576;

/* Move the buffers into a ring of nr_slots (Linux: pipe_resize_ring); mutex held. */
static int pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	struct pipe_buffer *bufs;
	unsigned int head = pipe->head, tail = pipe->tail;

	if (pipe_occupancy(head, tail) > nr_slots)
		return -EBUSY;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	/* head and tail run free: each buffer keeps its counter, in a new slot. */
	for (unsigned int t = tail; t != head; t++)
		bufs[t & (nr_slots - 1)] = pipe->bufs[t & (pipe->ring_size - 1)];
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->ring_size = nr_slots;
	return 0;
}

/*
 * F_GETPIPE_SZ: the capacity in bytes; F_SETPIPE_SZ: a new capacity,
 * rounded up to a power-of-two number of pages (at least one), -EBUSY
 * if the data would not fit, -EPERM above pipe_max_size (Linux lets
 * CAP_SYS_RESOURCE past it; not here). -EBADF for a file that is not a
 * pipe (Linux: pipe_fcntl).
 */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);
	unsigned long size;
	long ret;

	if (!pipe)
		return -EBADF;
	mutex_lock(&pipe->mutex);
	switch (cmd) {
	case F_SETPIPE_SZ:
		ret = -EINVAL;
		if (arg > (1UL << 31))
			break;
		for (size = PAGE_SIZE; size < arg; size <<= 1)
			;		/* Linux: round_pipe_size, roundup_pow_of_two */
		ret = -EPERM;
		if (size > pipe_max_size && size > (unsigned long)pipe->ring_size * PAGE_SIZE)
			break;
		ret = pipe_resize_ring(pipe, size >> PAGE_SHIFT);
		if (!ret)
			ret = size;
		break;
	case F_GETPIPE_SZ:
		ret = (long)pipe->ring_size * PAGE_SIZE;
		break;
	default:
		ret = -EINVAL;
		break;
	}
	mutex_unlock(&pipe->mutex);
	/* A bigger ring has room: writers may go on. */
	if (cmd == F_SETPIPE_SZ && ret > 0)
		wake_up_all(&pipe->wr_wait);
	return ret;
}

/* Drop a file's hold on the ring; the last one frees it (Linux: put_pipe_info). */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	bool last;

	spin_lock(&pipe_files_lock);
	last = --pipe->files == 0;
	if (last)
		inode->i_pipe = NULL;
	spin_unlock(&pipe_files_lock);
	if (last)
		free_pipe_info(pipe);
}

static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = file_pipe(filp);

	mutex_lock(&pipe->mutex);
	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	/* A blocked reader now sees EOF, a blocked writer EPIPE. */
	wake_up_all(&pipe->rd_wait);
	wake_up_all(&pipe->wr_wait);
	put_pipe_info(inode, pipe);
	return 0;
}

/* ---- named pipes ------------------------------------------------------------------------ */

/* Sleep until *cnt moves (a partner opened), pipe->mutex held and dropped to sleep. */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;
	int ret = 0;

	while (cur == READ_ONCE(*cnt)) {
		mutex_unlock(&pipe->mutex);
		ret = pipe_wait_event(pipe->rd_wait, cur != READ_ONCE(*cnt));
		mutex_lock(&pipe->mutex);
		if (ret)
			break;
	}
	return ret;
}

static void wake_up_partner(struct pipe_inode_info *pipe)
{
	wake_up_all(&pipe->rd_wait);
}

/* Linux: fifo_open(). */
static int fifo_open(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe, *new = NULL;
	int ret = 0;

	spin_lock(&pipe_files_lock);
	pipe = inode->i_pipe;
	if (pipe) {
		pipe->files++;
	} else {
		spin_unlock(&pipe_files_lock);
		new = alloc_pipe_info();
		if (!new)
			return -ENOMEM;
		new->files = 1;
		spin_lock(&pipe_files_lock);
		pipe = inode->i_pipe;
		if (pipe) {
			pipe->files++;		/* someone else made it meanwhile */
		} else {
			pipe = inode->i_pipe = new;
			new = NULL;
		}
	}
	spin_unlock(&pipe_files_lock);
	if (new)
		free_pipe_info(new);
	filp->private_data = pipe;
	/* A stream: no position. */
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);

	mutex_lock(&pipe->mutex);
	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		if (pipe->readers++ == 0)
			wake_up_partner(pipe);
		if (!pipe->writers) {
			if (filp->f_flags & O_NONBLOCK) {
				/* Opens at once; no EPOLLHUP until a writer came and went. */
				filp->f_version = pipe->w_counter;
			} else if (wait_for_partner(pipe, &pipe->w_counter)) {
				/* Wait for a writer. */
				goto err_rd;
			}
		}
		break;
	case FMODE_WRITE:
		ret = -ENXIO;
		if ((filp->f_flags & O_NONBLOCK) && !pipe->readers)
			goto err;
		pipe->w_counter++;
		if (!pipe->writers++)
			wake_up_partner(pipe);
		if (!pipe->readers) {
			if (wait_for_partner(pipe, &pipe->r_counter))
				goto err_wr;
		}
		break;
	case FMODE_READ | FMODE_WRITE:
		/* O_RDWR: a reader and a writer at once, never waits (POSIX leaves it open). */
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up_partner(pipe);
		break;
	default:
		ret = -EINVAL;
		goto err;
	}
	mutex_unlock(&pipe->mutex);
	return 0;

err_rd:
	if (!--pipe->readers)
		wake_up_all(&pipe->wr_wait);
	ret = -ERESTARTSYS;
	goto err;
err_wr:
	if (!--pipe->writers)
		wake_up_all(&pipe->rd_wait);
	ret = -ERESTARTSYS;
err:
	mutex_unlock(&pipe->mutex);
	put_pipe_info(inode, pipe);
	return ret;
}

/* The file operations of every pipe, named or not (Linux: pipefifo_fops). */
const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* ---- pipe(2) -------------------------------------------------------------------------- */

static struct inode *get_pipe_inode(struct vfsmount *mnt)
{
	struct inode *inode = new_inode_pseudo(mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_pipe = pipe;
	pipe->files = 2;
	pipe->readers = pipe->writers = 1;
	/* One open of each kind, ever: pipe_poll's EPOLLHUP test (f_version 0) counts on it. */
	pipe->r_counter = pipe->w_counter = 1;
	inode->i_fop = &pipefifo_fops;
	/* Linux: a pipe is an unnamed FIFO, rw for its owner. */
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = 0;
	inode->i_gid = 0;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

static struct file *pipe_file(struct inode *inode, struct vfsmount *mnt, int flags)
{
	char name[32];
	struct file *f;

	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	f = alloc_file_pseudo(inode, mnt, name, flags, &pipefifo_fops);
	if (IS_ERR(f))
		return f;
	f->private_data = inode->i_pipe;
	/* A stream: no position (Linux: stream_open, FMODE_STREAM). */
	f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	return f;
}

/* The two files of a new pipe: res[0] reads, res[1] writes (Linux: create_pipe_files). */
static int create_pipe_files(struct file **res, int flags)
{
	struct vfsmount *mnt = get_pipe_mnt();
	struct inode *inode;
	struct file *f;

	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	inode = get_pipe_inode(mnt);
	if (!inode)
		return -ENFILE;
	/* Each file's dentry holds an inode reference. */
	ihold(inode);
	f = pipe_file(inode, mnt, O_WRONLY | (flags & O_NONBLOCK));
	if (IS_ERR(f)) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		iput(inode);
		return PTR_ERR(f);
	}
	res[1] = f;
	f = pipe_file(inode, mnt, O_RDONLY | (flags & O_NONBLOCK));
	if (IS_ERR(f)) {
		/* The write end's release sees files go 2 -> 1; drop the reader side by hand. */
		struct pipe_inode_info *pipe = inode->i_pipe;

		pipe->readers--;
		pipe->files--;
		fput(res[1]);
		iput(inode);
		return PTR_ERR(f);
	}
	res[0] = f;
	return 0;
}

static int __do_pipe_flags(int *fd, struct file **files, int flags)
{
	int err, fdw, fdr;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fdr = get_unused_fd_flags(flags);
	if (fdr < 0) {
		err = fdr;
		goto err_files;
	}
	fdw = get_unused_fd_flags(flags);
	if (fdw < 0) {
		err = fdw;
		put_unused_fd(fdr);
		goto err_files;
	}
	fd[0] = fdr;
	fd[1] = fdw;
	return 0;
err_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

long ksys_pipe2(int __user *fildes, int flags)
{
	struct file *files[2] = { NULL, NULL };
	int fd[2];
	int err;

	err = __do_pipe_flags(fd, files, flags);
	if (err)
		return err;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return -EFAULT;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return ksys_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return ksys_pipe2(fildes, 0);
}
