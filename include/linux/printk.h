/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk and its log levels, as in Linux's include/linux/printk.h and
 * include/linux/kern_levels.h: a level is a two-byte prefix, KERN_SOH
 * ("\001") followed by the level digit, so printk(KERN_ERR "x") works.
 * printk may be called from any context, on any CPU, with or without
 * interrupts; kernel/printk.c says how that is made safe.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <asm/irqflags.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <stdarg.h>

#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_DEFAULT 4	/* level of a printk without a level prefix */
#define CONSOLE_LOGLEVEL_DEFAULT 7	/* print everything but KERN_DEBUG */
#define CONSOLE_LOGLEVEL_QUIET 4

extern int console_loglevel;

/*
 * The log ring (kernel/printk.c), Linux's classic layout (struct
 * printk_log, before 5.10): each record is this header followed by its
 * text, 8-byte aligned; a header with len 0 marks the wrap to index 0.
 * The GDB helper lx-dmesg (scripts/gdb/linnet.py) and the ring checks in
 * tests/kernel/printk_kunit.c read it.
 */
#define LOG_ALIGN 8

enum log_flags {
	LOG_NEWLINE = 2,	/* text ended with a newline */
	LOG_CONT = 8,		/* continues the previous record's line */
};

struct printk_log {
	u64 ts_nsec;		/* timestamp in nanoseconds */
	u16 len;		/* length of the whole record */
	u16 text_len;		/* length of the text */
	u8 facility;
	u8 flags : 5;
	u8 level : 3;
} __aligned(LOG_ALIGN);

extern char *log_buf;
extern u32 log_buf_len;
extern u64 log_first_seq, log_next_seq;
extern u32 log_first_idx, log_next_idx;

/* A whole ring: where it is and its first/next record. */
struct log_buf_state {
	char *buf;
	u32 len;
	u32 first_idx, next_idx;
	u64 first_seq, next_seq;
};

/*
 * Log into the ring *state describes from now on, and hand back the old
 * one in *state. For tests that want printk() itself to fill a small ring
 * of their own, then put the real log back untouched.
 */
void log_buf_exchange(struct log_buf_state *state);

/* An oops, panic(), BUG() or die() is in progress (bust_spinlocks(1), kernel/panic.c). */
extern int oops_in_progress;
void bust_spinlocks(int yes);

/*
 * printk_safe (Linux 4.11-5.15): between these, printk on this CPU only
 * queues its messages in a per-CPU buffer; the exit puts them in the
 * ring. For code that must not wait for printk's lock where it stands.
 * printk itself works this way inside its own locked section. While an
 * oops is in progress, only an NMI's printk still queues; the others
 * print at once (kernel/printk.c).
 */
void __printk_safe_enter(void);
void __printk_safe_exit(void);

#define printk_safe_enter_irqsave(flags)        \
	do {                                    \
		local_irq_save(flags);          \
		__printk_safe_enter();          \
	} while (0)

#define printk_safe_exit_irqrestore(flags)      \
	do {                                    \
		__printk_safe_exit();           \
		local_irq_restore(flags);       \
	} while (0)

/* Copy record seq's text into buf (NUL-terminated); its length, or -ENOENT. */
int printk_get_record(u64 seq, u64 *ts_nsec, int *level, char *buf, size_t size);

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Nonzero if a message may go out now: 10 per 5 s, all callers together (kernel/printk.c). */
int __printk_ratelimit(const char *func);
#define printk_ratelimit() __printk_ratelimit(__func__)

/* Print once per call site, like Linux's printk_once family. */
#define pr_warn_once(fmt, ...)                          \
	({                                              \
		static bool __warned;                   \
		if (!__warned) {                        \
			__warned = true;                \
			pr_warn(fmt, ##__VA_ARGS__);    \
		}                                       \
	})

#endif /* _LINUX_PRINTK_H */
