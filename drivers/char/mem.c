// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1 (Linux: drivers/char/mem.c, and the
 * read side of /dev/random and /dev/urandom from drivers/char/random.c).
 *
 * chr_dev_init() registers major 1 as "mem" for all 256 minors with
 * memory_fops, whose ->open (memory_open) picks the minor's operations
 * from devlist[], as Linux does; a minor with nothing there gives -ENXIO.
 * The minors, with Linux's numbers and behaviour:
 *
 *   3 null     reads: end of file; writes: swallowed, all bytes "written"
 *   5 zero     reads: zeros (iov_iter_zero); writes: swallowed; mmap:
 *              anonymous memory, or shared (shmem_zero_setup) for MAP_SHARED
 *   7 full     reads: zeros; writes: -ENOSPC
 *   8 random   as urandom (Linux 5.18+'s /dev/random only differs by
 *              waiting for the generator to be seeded, which ours always is)
 *   9 urandom  reads: get_random_long() bytes; writes: accepted and
 *              discarded (Linux mixes them into the pool; lib/random.c has
 *              no pool to mix into)
 *
 * null, zero and full seek to 0 whatever is asked and succeed (Linux's
 * null_lseek); random and urandom seek with noop_llseek (the position
 * stays, success). Reads and writes go through ->read_iter/->write_iter
 * only, so one method serves kernel_read() (ITER_KVEC) and read(2)
 * (ITER_UBUF); a fault in a user buffer gives a short count, or -EFAULT
 * if nothing was copied. Long reads move a page at a time and offer to
 * reschedule between pages, as Linux does "for latency reasons".
 *
 * NOT CRYPTOGRAPHIC: lib/random.c is a xorshift generator seeded once;
 * /dev/urandom here must not be used for keys. Left out: /dev/mem,
 * /dev/kmem, /dev/port, /dev/kmsg, splice, the
 * random ioctls and poll.
 */
#include <asm/page.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/tty.h>
#include <linux/uio.h>

#define MEM_MAJOR 1

static ssize_t read_iter_null(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t write_iter_null(struct kiocb *iocb, struct iov_iter *from)
{
	size_t count = iov_iter_count(from);

	iov_iter_advance(from, count);
	return count;
}

static ssize_t read_iter_zero(struct kiocb *iocb, struct iov_iter *iter)
{
	size_t written = 0;

	while (iov_iter_count(iter)) {
		size_t chunk = min(iov_iter_count(iter), (size_t)PAGE_SIZE), n;

		n = iov_iter_zero(chunk, iter);
		if (!n && iov_iter_count(iter))
			return written ? (ssize_t)written : -EFAULT;
		written += n;
		if (!need_resched())
			continue;
		if (iocb->ki_flags & IOCB_NOWAIT)
			return written ? (ssize_t)written : -EAGAIN;
		cond_resched();
	}
	return written;
}

static ssize_t write_iter_full(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

/* Linux: get_random_bytes_user(), a block of the generator at a time. */
static ssize_t urandom_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	size_t done = 0;

	while (iov_iter_count(iter)) {
		unsigned long block[32];
		size_t chunk = min(iov_iter_count(iter), sizeof(block)), n;

		for (unsigned int i = 0; i < ARRAY_SIZE(block); i++)
			block[i] = get_random_long();
		n = copy_to_iter(block, chunk, iter);
		done += n;
		if (n < chunk)		/* a fault in the buffer */
			return done ? (ssize_t)done : -EFAULT;
		if (!(done % PAGE_SIZE) && need_resched()) {
			if (iocb->ki_flags & IOCB_NOWAIT)
				break;
			cond_resched();
		}
	}
	return done;
}

/* Linux: null_lseek, also zero_lseek and full_lseek. */
static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_null,
	.write_iter = write_iter_null,
};

/*
 * mmap of /dev/zero (Linux: mmap_zero): private, it is anonymous memory
 * (no vm_ops: do_anonymous_page); shared, a shmem file of the mapping's
 * size, as MAP_SHARED|MAP_ANONYMOUS (shmem_zero_setup).
 */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_ops = NULL;	/* Linux: vma_set_anonymous */
	return 0;
}

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_null,
	.mmap = mmap_zero,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read_iter = read_iter_zero,
	.write_iter = write_iter_full,
};

static const struct file_operations urandom_fops = {
	.llseek = noop_llseek,
	.read_iter = urandom_read_iter,
	.write_iter = write_iter_null,
};

static const struct memdev {
	const char *name;
	umode_t mode;			/* for devtmpfs in Linux; documentation here */
	const struct file_operations *fops;
	fmode_t fmode;
} devlist[] = {
	[3] = { "null", 0666, &null_fops, FMODE_NOWAIT },
	[5] = { "zero", 0666, &zero_fops, FMODE_NOWAIT },
	[7] = { "full", 0666, &full_fops, 0 },
	[8] = { "random", 0666, &urandom_fops, FMODE_NOWAIT },
	[9] = { "urandom", 0666, &urandom_fops, FMODE_NOWAIT },
};

static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = MINOR(inode->i_rdev);
	const struct memdev *dev;

	if (minor >= ARRAY_SIZE(devlist))
		return -ENXIO;
	dev = &devlist[minor];
	if (!dev->fops)
		return -ENXIO;
	filp->f_mode |= dev->fmode;
	filp->f_op = dev->fops;
	if (dev->fops->open)
		return dev->fops->open(inode, filp);
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

int chr_dev_init(void)
{
	int ret = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (ret)
		pr_err("unable to get major %d for memory devs\n", MEM_MAJOR);
	return ret;
}
