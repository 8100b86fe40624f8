// SPDX-License-Identifier: GPL-2.0
/*
 * Sequential files (Linux: fs/seq_file.c): the buffer that /proc files
 * print their text into, and the read() that serves it.
 *
 * Linux's seq_read keeps one buffer of text and regenerates records from
 * an index when a read asks for an offset it does not hold (traverse()).
 * Here the whole text is generated into one buffer, grown by doubling
 * until it fits, when a read starts at offset 0 or no text was generated
 * yet; every other read or pread is served from it by offset. A reader
 * that goes through the file in any pieces sees one consistent text, and
 * one that starts over at 0 (lseek(0) or pread at 0, as top and uptime
 * do) sees fresh numbers. Mirrors: seq_open, seq_read, seq_lseek,
 * seq_release, single_open(_size), single_release, __seq_open_private,
 * seq_printf/vprintf/puts/putc/write/pad, seq_put_decimal_(u)ll,
 * seq_escape, seq_path, seq_list_*, seq_read_iter. Left out: seq_hlist_*, seq_hex_dump, seq_file_path, the m->version cookie.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/path.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <asm/page.h>

/* The largest text one file may have; more is -ENOMEM. */
#define SEQ_MAX_SIZE (32UL << 20)

/* Linux: seq_buf_alloc(), which is kvmalloc. */
static void *seq_buf_alloc(size_t size)
{
	if (size <= 8 * PAGE_SIZE)
		return kmalloc(size, GFP_KERNEL);
	return vmalloc(size);
}

static void seq_buf_free(void *buf)
{
	if (!buf)
		return;
	if (is_vmalloc_addr(buf))
		vfree(buf);
	else
		kfree(buf);
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *p;

	WARN_ON(file->private_data);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	file->private_data = p;
	mutex_init(&p->lock);
	p->op = op;
	p->file = file;
	return 0;
}

/* Run the records once into m->buf; -ENOSPC: it did not fit (Linux: the loop of seq_read). */
static int seq_generate(struct seq_file *m)
{
	void *p;
	int err = 0;

	m->count = 0;
	m->pad_until = 0;
	m->index = 0;
	p = m->op->start(m, &m->index);
	while (p) {
		size_t before = m->count;

		if (IS_ERR(p)) {
			err = PTR_ERR(p);
			break;
		}
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err > 0) {		/* SEQ_SKIP: drop what this record printed */
			m->count = before;
			err = 0;
		}
		if (seq_has_overflowed(m)) {
			err = -ENOSPC;
			break;
		}
		p = m->op->next(m, p, &m->index);
	}
	m->op->stop(m, p);
	return err;
}

/* Make m->buf hold the whole text. */
static int seq_fill(struct seq_file *m)
{
	int err;

	m->valid = false;
	if (!m->buf) {
		m->size = PAGE_SIZE;
		m->buf = seq_buf_alloc(m->size);
		if (!m->buf)
			return -ENOMEM;
	}
	for (;;) {
		err = seq_generate(m);
		if (err != -ENOSPC)
			break;
		seq_buf_free(m->buf);
		m->buf = NULL;
		if (m->size * 2 > SEQ_MAX_SIZE) {
			m->size = 0;
			return -ENOMEM;
		}
		m->size *= 2;
		m->buf = seq_buf_alloc(m->size);
		if (!m->buf) {
			m->size = 0;
			return -ENOMEM;
		}
	}
	if (err) {
		m->count = 0;
		return err;
	}
	m->valid = true;
	return 0;
}

/* Make sure m holds a text for a read at pos; 0, or the show's error. */
static int seq_ready(struct seq_file *m, loff_t pos)
{
	if (!m->valid || pos == 0)
		return seq_fill(m);
	return 0;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	ssize_t ret;
	size_t n;

	if (*ppos < 0)
		return -EINVAL;
	mutex_lock(&m->lock);
	ret = seq_ready(m, *ppos);
	if (ret)
		goto out;
	if ((unsigned long long)*ppos >= m->count)
		goto out;
	n = min_t(size_t, size, m->count - (size_t)*ppos);
	if (copy_to_user(buf, m->buf + *ppos, n)) {
		ret = -EFAULT;
		goto out;
	}
	*ppos += n;
	ret = n;
out:
	mutex_unlock(&m->lock);
	return ret;
}

/* The same for an iov_iter: kernel_read() and readv() (Linux: seq_read_iter). */
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	struct seq_file *m = iocb->ki_filp->private_data;
	ssize_t ret;
	size_t n, copied;

	if (iocb->ki_pos < 0)
		return -EINVAL;
	mutex_lock(&m->lock);
	ret = seq_ready(m, iocb->ki_pos);
	if (ret)
		goto out;
	if ((unsigned long long)iocb->ki_pos >= m->count)
		goto out;
	n = min_t(size_t, iov_iter_count(iter), m->count - (size_t)iocb->ki_pos);
	copied = copy_to_iter(m->buf + iocb->ki_pos, n, iter);
	if (!copied && n) {
		ret = -EFAULT;
		goto out;
	}
	iocb->ki_pos += copied;
	ret = copied;
out:
	mutex_unlock(&m->lock);
	return ret;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	loff_t ret = -EINVAL;

	mutex_lock(&m->lock);
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset < 0)
			break;
		file->f_pos = offset;
		ret = offset;
		break;
	}
	mutex_unlock(&m->lock);
	return ret;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	seq_buf_free(m->buf);
	kfree(m);
	file->private_data = NULL;
	return 0;
}

void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize)
{
	void *private = kzalloc(psize, GFP_KERNEL);
	int err;

	if (!private)
		return NULL;
	err = seq_open(file, op);
	if (err) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}

int seq_open_private(struct file *file, const struct seq_operations *op, int psize)
{
	return __seq_open_private(file, op, psize) ? 0 : -ENOMEM;
}

int seq_release_private(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->private);
	m->private = NULL;
	return seq_release(inode, file);
}

/* ---- single_open: one show function makes the whole text ------------------------------ */

static void *single_start(struct seq_file *p, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *p, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *p, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int res = -ENOMEM;

	if (op) {
		op->start = single_start;
		op->next = single_next;
		op->stop = single_stop;
		op->show = show;
		res = seq_open(file, op);
		if (!res)
			((struct seq_file *)file->private_data)->private = data;
		else
			kfree(op);
	}
	return res;
}

/* The size is only where the buffer starts: it grows as needed anyway. */
int single_open_size(struct file *file, int (*show)(struct seq_file *, void *), void *data,
		     size_t size)
{
	int ret = single_open(file, show, data);
	struct seq_file *m;

	if (ret)
		return ret;
	m = file->private_data;
	if (size > PAGE_SIZE && size <= SEQ_MAX_SIZE) {
		m->buf = seq_buf_alloc(size);
		m->size = m->buf ? size : 0;
	}
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
	int res = seq_release(inode, file);

	kfree((void *)op);
	return res;
}

/* ---- printing into the buffer --------------------------------------------------------- */

/* Everything that does not fit marks the buffer full: seq_read then grows it. */
static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_vprintf(struct seq_file *m, const char *f, va_list args)
{
	int len;

	if (m->count < m->size) {
		len = vsnprintf(m->buf + m->count, m->size - m->count, f, args);
		if (len >= 0 && m->count + len < m->size) {
			m->count += len;
			return;
		}
	}
	seq_set_overflow(m);
}

void seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list args;

	va_start(args, f);
	seq_vprintf(m, f, args);
	va_end(args);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return;
	}
	seq_set_overflow(m);
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count + 1 < m->size) {
		m->buf[m->count++] = c;
		return;
	}
	seq_set_overflow(m);
}

void seq_pad(struct seq_file *m, char c)
{
	size_t size = m->pad_until > m->count ? m->pad_until - m->count : 0;

	m->pad_until = 0;
	if (size) {
		if (m->count + size >= m->size) {
			seq_set_overflow(m);
			return;
		}
		memset(m->buf + m->count, ' ', size);
		m->count += size;
	}
	if (c)
		seq_putc(m, c);
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	seq_printf(m, "%s%llu", delimiter, num);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num)
{
	seq_printf(m, "%s%lld", delimiter, num);
}

void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (strchr(esc, c))
			seq_printf(m, "\\%03o", c);
		else
			seq_putc(m, c);
	}
}

/* Linux: seq_path() (d_path, then mangle_path's escaping). Returns the length or -1. */
int seq_path(struct seq_file *m, const struct path *path, const char *esc)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	size_t before = m->count;
	char *p;

	if (!page) {
		seq_set_overflow(m);
		return -1;
	}
	p = d_path(path, page, PATH_MAX);
	if (IS_ERR(p)) {
		kfree(page);
		return -1;
	}
	seq_escape(m, p, esc);
	kfree(page);
	return seq_has_overflowed(m) ? -1 : (int)(m->count - before);
}

/* ---- lists ------------------------------------------------------------------------- */

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
	struct list_head *lh;

	list_for_each(lh, head)
		if (pos-- == 0)
			return lh;
	return NULL;
}

struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
	if (!pos)
		return head;
	return seq_list_start(head, pos - 1);
}

struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos)
{
	struct list_head *lh = ((struct list_head *)v)->next;

	++*ppos;
	return lh == head ? NULL : lh;
}
