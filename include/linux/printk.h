/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk and its log levels, as in Linux's include/linux/printk.h and
 * include/linux/kern_levels.h: a level is a two-byte prefix, KERN_SOH
 * ("\001") followed by the level digit, so printk(KERN_ERR "x") works.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

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
extern u64 log_first_seq, log_next_seq;

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
