// SPDX-License-Identifier: GPL-2.0
/*
 * printk: the kernel log.
 *
 * Every message becomes a record in a ring buffer (__log_buf) with its
 * level and a timestamp, and is also written to the console if its level
 * is below console_loglevel. The record layout is Linux's classic one
 * (struct printk_log, kernel/printk/printk.c before 5.10): a header
 * followed by the text, records 8-byte aligned, a zero-length header
 * marking the wrap point, log_first_idx/log_next_idx and sequence
 * numbers. That is what `dmesg` (later /dev/kmsg) and the GDB helper
 * `lx-dmesg` read. The console line format is Linux's:
 * "[    1.234567] text". Left out: the lockless ring of Linux 5.10+,
 * multiple consoles, caller ids. No lock yet: one CPU, interrupts off;
 * the SMP issue adds logbuf_lock.
 */
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/serial.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define LOG_BUF_SHIFT 16
#define LOG_BUF_LEN (1U << LOG_BUF_SHIFT)
#define LOG_LINE_MAX 1024

static char __log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
char *log_buf = __log_buf;
u32 log_buf_len = LOG_BUF_LEN;
u64 log_first_seq, log_next_seq;
u32 log_first_idx, log_next_idx;

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool console_line_open;	/* last console output did not end a line */

static struct printk_log *log_from_idx(u32 idx)
{
	return (struct printk_log *)(log_buf + idx);
}

/* Index of the record after idx, following the wrap marker. */
static u32 log_next(u32 idx)
{
	struct printk_log *msg = log_from_idx(idx);

	if (!msg->len)
		return log_from_idx(0)->len;
	return idx + msg->len;
}

/*
 * Is there room for a record of size bytes at log_next_idx, or at the
 * front of the buffer after a wrap? A wrap marker needs a header's worth
 * of room too.
 */
static bool logbuf_has_space(u32 size, bool empty)
{
	u32 free;

	if (empty || log_next_idx > log_first_idx)
		free = max(log_buf_len - log_next_idx, log_first_idx);
	else
		free = log_first_idx - log_next_idx;
	return free >= size + sizeof(struct printk_log);
}

/* Drop the oldest records until one of size bytes fits. */
static void log_make_free_space(u32 size)
{
	while (log_first_seq < log_next_seq && !logbuf_has_space(size, false)) {
		log_first_idx = log_next(log_first_idx);
		log_first_seq++;
	}
	if (log_first_seq == log_next_seq)
		log_first_idx = log_next_idx = 0;
}

static void log_store(int level, enum log_flags flags, u64 ts,
		      const char *text, u16 text_len)
{
	u32 size = ALIGN(sizeof(struct printk_log) + text_len, LOG_ALIGN);
	struct printk_log *msg;

	log_make_free_space(size);
	if (log_next_idx + size + sizeof(struct printk_log) > log_buf_len) {
		/* Mark the wrap with an empty header and start at the front. */
		memset(log_buf + log_next_idx, 0, sizeof(struct printk_log));
		log_next_idx = 0;
	}
	msg = log_from_idx(log_next_idx);
	memcpy(msg + 1, text, text_len);
	msg->ts_nsec = ts;
	msg->len = size;
	msg->text_len = text_len;
	msg->facility = 0;
	msg->flags = flags;
	msg->level = level;
	log_next_idx += size;
	log_next_seq++;
}

void log_buf_exchange(struct log_buf_state *state)
{
	struct log_buf_state old = {
		.buf = log_buf, .len = log_buf_len,
		.first_idx = log_first_idx, .next_idx = log_next_idx,
		.first_seq = log_first_seq, .next_seq = log_next_seq,
	};

	log_buf = state->buf;
	log_buf_len = state->len;
	log_first_idx = state->first_idx;
	log_next_idx = state->next_idx;
	log_first_seq = state->first_seq;
	log_next_seq = state->next_seq;
	*state = old;
}

int printk_get_record(u64 seq, u64 *ts_nsec, int *level, char *buf, size_t size)
{
	struct printk_log *msg;
	u32 idx = log_first_idx;
	size_t n;

	if (seq < log_first_seq || seq >= log_next_seq)
		return -ENOENT;
	for (u64 s = log_first_seq; s < seq; s++)
		idx = log_next(idx);
	msg = log_from_idx(idx);
	if (!msg->len)			/* the wrap marker: the record is at 0 */
		msg = log_from_idx(0);
	if (ts_nsec)
		*ts_nsec = msg->ts_nsec;
	if (level)
		*level = msg->level;
	n = min((size_t)msg->text_len, size - 1);
	memcpy(buf, msg + 1, n);
	buf[n] = '\0';
	return msg->text_len;
}

static void console_emit(int level, enum log_flags flags, u64 ts,
			 const char *text, size_t len)
{
	char prefix[32];
	int n;

	if (level >= console_loglevel)
		return;
	if (!(flags & LOG_CONT) || !console_line_open) {
		if (console_line_open)
			serial_write("\n", 1);
		n = snprintf(prefix, sizeof(prefix), "[%5lu.%06lu] ",
			     (unsigned long)(ts / 1000000000UL),
			     (unsigned long)(ts % 1000000000UL / 1000));
		serial_write(prefix, n);
	}
	serial_write(text, len);
	if (flags & LOG_NEWLINE)
		serial_write("\n", 1);
	console_line_open = !(flags & LOG_NEWLINE);
}

/* Read and strip a KERN_<LEVEL> prefix; returns the level or -1. */
static int printk_get_level(const char **text, bool *cont)
{
	int level = -1;

	while ((*text)[0] == KERN_SOH_ASCII && (*text)[1]) {
		char c = (*text)[1];

		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			*cont = true;
		*text += 2;
	}
	return level;
}

int vprintk(const char *fmt, va_list args)
{
	static char textbuf[LOG_LINE_MAX];
	const char *text = textbuf, *nl;
	bool cont = false;
	int level, len;
	u64 ts = local_clock();

	len = vsnprintf(textbuf, sizeof(textbuf), fmt, args);
	level = printk_get_level(&text, &cont);
	if (level < 0)
		level = LOGLEVEL_DEFAULT;

	/* One record per line, as Linux stores multi-line messages. */
	do {
		enum log_flags flags = cont ? LOG_CONT : 0;
		size_t n;

		nl = strchr(text, '\n');
		n = nl ? (size_t)(nl - text) : strlen(text);
		if (nl)
			flags |= LOG_NEWLINE;
		if (n || nl) {
			log_store(level, flags, ts, text, (u16)n);
			console_emit(level, flags, ts, text, n);
		}
		text = nl ? nl + 1 : text + n;
		cont = false;
	} while (*text);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

static int __init_loglevel(char *val)
{
	int level;

	if (!val || kstrtoint(val, 10, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", __init_loglevel);

static int quiet_kernel(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_kernel);

static int debug_kernel(char *val)
{
	if (val)
		return -EINVAL;
	console_loglevel = 10;
	return 0;
}
early_param("debug", debug_kernel);
