/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Sequential files: text made by a show function, served to read() at
 * any offset (Linux: include/linux/seq_file.h, fs/seq_file.c).
 *
 * A seq_file's text is generated whole into m->buf -- by ->start/->next/
 * ->show over every record, or by one show function for single_open()
 * files -- when a read starts at offset 0 or finds no text yet, and then
 * every read or pread is served from that text by offset. So reading a
 * file with 1-byte reads, or with preads at random offsets, gives pieces
 * of one consistent text. Linux regenerates from a record index
 * (traverse()) instead and keeps only a page; the result a reader sees is
 * the same for a file that does not change between reads.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <stdarg.h>

#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct file;
struct inode;
struct seq_file;

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char *buf;		/* the text (size bytes allocated) */
	size_t size;
	size_t count;		/* bytes of text in buf */
	bool valid;		/* buf holds a generated text */
	loff_t index;		/* the record ->start/->next are at */
	size_t pad_until;	/* seq_setwidth()/seq_pad() */
	struct mutex lock;
	const struct seq_operations *op;
	struct file *file;
	void *private;
};

#define SEQ_START_TOKEN ((void *)1)

int seq_open(struct file *file, const struct seq_operations *op);
int seq_open_private(struct file *file, const struct seq_operations *op, int psize);
void *__seq_open_private(struct file *file, const struct seq_operations *op, int psize);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
struct kiocb;
struct iov_iter;
ssize_t seq_read_iter(struct kiocb *iocb, struct iov_iter *iter);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_open_size(struct file *file, int (*show)(struct seq_file *, void *), void *data,
		     size_t size);
int single_release(struct inode *inode, struct file *file);

__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
/* Pad with spaces up to width bytes from here, then c (Linux: seq_setwidth/seq_pad). */
static inline void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}
void seq_pad(struct seq_file *m, char c);
/* Linux: seq_put_decimal_ull(m, delimiter, num) and friends. */
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);
/* Write s with the characters in esc as \ooo octal (Linux: seq_escape). */
void seq_escape(struct seq_file *m, const char *s, const char *esc);
/* The path, escaped (Linux: seq_path). */
struct path;
int seq_path(struct seq_file *m, const struct path *path, const char *esc);

/* The text has overflowed buf: seq_read grows it and generates again. */
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

/* The position where the next byte goes, and how many bytes fit (Linux: seq_get_buf). */
static inline size_t seq_get_buf(struct seq_file *m, char **bufp)
{
	if (m->count < m->size) {
		*bufp = m->buf + m->count;
		return m->size - m->count;
	}
	*bufp = NULL;
	return 0;
}

static inline void seq_commit(struct seq_file *m, int num)
{
	if (num < 0)
		m->count = m->size;
	else
		m->count += num;
}

/* list_head iteration helpers (Linux: seq_list_start / seq_list_next). */
struct list_head;
struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos);

#endif /* _LINUX_SEQ_FILE_H */
