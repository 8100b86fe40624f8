// SPDX-License-Identifier: GPL-2.0
/*
 * syslog(2), klogctl() in C libraries (Linux: do_syslog and
 * syslog_print/syslog_print_all in kernel/printk/printk.c): the kernel's
 * log ring (kernel/printk.c) as text, one line per record in Linux's
 * syslog form "<level>[seconds.micros] text\n" (facility 0, the kernel).
 *
 * SYSLOG_ACTION_READ_ALL (3) copies the newest records that fit in len
 * bytes since the last clear, oldest first, without consuming them (what
 * dmesg does); READ_CLEAR (4) also clears; CLEAR (5) only clears;
 * READ (2) consumes records from the reader's position, sleeping
 * (interruptibly, in ticks: there is no log wait queue) until there is
 * one; SIZE_UNREAD (9) is the bytes READ would give, SIZE_BUFFER (10) the
 * ring's size. CLOSE (0) and OPEN (1) do nothing; CONSOLE_OFF (6),
 * CONSOLE_ON (7) and CONSOLE_LEVEL (8, 1..8) set console_loglevel as Linux
 * does. Errors as Linux: an unknown type or a negative len -EINVAL, a
 * NULL buffer for a read -EINVAL, a bad one -EFAULT.
 *
 * Left out: dmesg_restrict and the capability checks (everyone is root),
 * /dev/kmsg, continuation records, the facility of user-space messages.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define SYSLOG_ACTION_CLOSE 0
#define SYSLOG_ACTION_OPEN 1
#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD 9
#define SYSLOG_ACTION_SIZE_BUFFER 10

#define LINE_MAX_TEXT 1024
#define MINIMUM_CONSOLE_LOGLEVEL 1

static DEFINE_SPINLOCK(syslog_lock);
static u64 syslog_seq;		/* READ's position */
static u64 clear_seq;		/* READ_ALL starts here */
static int saved_console_loglevel = -1;

/* Record seq as a syslog line in buf; its length, or 0 if it is gone. */
static size_t record_line(u64 seq, char *buf, size_t size)
{
	char *text = buf + 40, prefix[40];
	size_t len;
	u64 ts;
	int level, p;

	if (printk_get_record(seq, &ts, &level, text, size - 40 - 1) < 0)
		return 0;
	len = strlen(text);
	p = snprintf(prefix, sizeof(prefix), "<%d>[%5lu.%06lu] ", level,
		     (unsigned long)(ts / 1000000000ULL), (unsigned long)(ts % 1000000000ULL / 1000));
	memmove(buf + p, text, len);
	memcpy(buf, prefix, p);
	buf[p + len] = '\n';
	return p + len + 1;
}

static u64 first_seq(void)
{
	return READ_ONCE(log_first_seq);
}

static u64 next_seq(void)
{
	return READ_ONCE(log_next_seq);
}

/* The newest records since clear_seq that fit in size bytes, oldest first (Linux: syslog_print_all). */
static int syslog_print_all(char __user *ubuf, int size, bool clear)
{
	char *line = kmalloc(LINE_MAX_TEXT + 64, GFP_KERNEL);
	u64 seq, start, end;
	size_t total = 0;
	int len = 0;

	if (!line)
		return -ENOMEM;
	spin_lock(&syslog_lock);
	start = clear_seq;
	spin_unlock(&syslog_lock);
	if (start < first_seq())
		start = first_seq();
	end = next_seq();
	/* How much would all of it be? Then skip the oldest until it fits. */
	for (seq = start; seq < end; seq++)
		total += record_line(seq, line, LINE_MAX_TEXT + 64);
	seq = start;
	while (total > (size_t)size && seq < end)
		total -= record_line(seq++, line, LINE_MAX_TEXT + 64);
	for (; seq < end; seq++) {
		size_t n = record_line(seq, line, LINE_MAX_TEXT + 64);

		if (len + n > (size_t)size)
			break;
		if (copy_to_user(ubuf + len, line, n)) {
			len = -EFAULT;
			break;
		}
		len += n;
	}
	if (clear && len >= 0) {
		spin_lock(&syslog_lock);
		clear_seq = end;
		spin_unlock(&syslog_lock);
	}
	kfree(line);
	return len;
}

/* Consume what fits from syslog_seq on, waiting for a record if there is none (Linux: syslog_print). */
static int syslog_print(char __user *ubuf, int size)
{
	char *line;
	int len = 0;

	while (next_seq() <= READ_ONCE(syslog_seq)) {
		if (signal_pending(current))
			return -ERESTARTSYS;
		set_current_state(TASK_INTERRUPTIBLE);
		if (next_seq() <= READ_ONCE(syslog_seq) && !signal_pending(current))
			schedule_timeout(HZ / 10);
		__set_current_state(TASK_RUNNING);
	}
	line = kmalloc(LINE_MAX_TEXT + 64, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	for (;;) {
		u64 seq;
		size_t n;

		spin_lock(&syslog_lock);
		if (syslog_seq < first_seq())
			syslog_seq = first_seq();	/* overwritten meanwhile */
		seq = syslog_seq;
		spin_unlock(&syslog_lock);
		if (seq >= next_seq())
			break;
		n = record_line(seq, line, LINE_MAX_TEXT + 64);
		if (len + n > (size_t)size)
			break;
		if (copy_to_user(ubuf + len, line, n)) {
			if (!len)
				len = -EFAULT;
			break;
		}
		len += n;
		spin_lock(&syslog_lock);
		if (syslog_seq == seq)
			syslog_seq = seq + 1;
		spin_unlock(&syslog_lock);
	}
	kfree(line);
	return len;
}

static int do_syslog(int type, char __user *buf, int len)
{
	char *line;
	int error = 0;

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		break;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		if (!buf || len < 0)
			return -EINVAL;
		if (!len)
			return 0;
		if (!access_ok(buf, len))
			return -EFAULT;
		if (type == SYSLOG_ACTION_READ)
			return syslog_print(buf, len);
		return syslog_print_all(buf, len, type == SYSLOG_ACTION_READ_CLEAR);
	case SYSLOG_ACTION_CLEAR:
		spin_lock(&syslog_lock);
		clear_seq = next_seq();
		spin_unlock(&syslog_lock);
		break;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = MINIMUM_CONSOLE_LOGLEVEL;
		break;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		break;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		if (len < MINIMUM_CONSOLE_LOGLEVEL)
			len = MINIMUM_CONSOLE_LOGLEVEL;
		console_loglevel = len;
		saved_console_loglevel = -1;
		break;
	case SYSLOG_ACTION_SIZE_UNREAD:
		line = kmalloc(LINE_MAX_TEXT + 64, GFP_KERNEL);
		if (!line)
			return -ENOMEM;
		for (u64 seq = max(READ_ONCE(syslog_seq), first_seq()); seq < next_seq(); seq++)
			error += record_line(seq, line, LINE_MAX_TEXT + 64);
		kfree(line);
		break;
	case SYSLOG_ACTION_SIZE_BUFFER:
		error = log_buf_len;
		break;
	default:
		error = -EINVAL;
		break;
	}
	return error;
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len);
}
