// SPDX-License-Identifier: GPL-2.0
/*
 * printk: the kernel log.
 *
 * Every message becomes a record in a ring buffer (__log_buf) with its
 * level and a timestamp, and is also written to the console if its level
 * is below console_loglevel. The record layout is Linux's classic one
 * (struct printk_log in linux/printk.h; kernel/printk/printk.c before
 * 5.10): a header followed by the text, records 8-byte aligned, a
 * zero-length header marking the wrap point, log_first_idx/log_next_idx
 * and sequence numbers. That is what `dmesg` (later /dev/kmsg) and the
 * GDB helper `lx-dmesg` read. The console line format is Linux's:
 * "[    1.234567] text".
 *
 * SMP and interrupts, as Linux before its lockless ring (5.10): one lock,
 * logbuf_lock, taken with interrupts off, covers storing a record
 * (log_store(): free space, wrap, indices, sequence number) and writing
 * it to the console, so records never overlap, no sequence number is
 * lost, and the console prints whole records in ring order. Linux
 * printed the console under console_sem, apart from logbuf_lock, so that
 * one CPU prints while the others only store; here the console write
 * shares the ring's lock, which is simpler and costs waiting. The lock is
 * a bare arch_spinlock_t: lockdep reports through printk, so printk's
 * lock must stay invisible to it, and printk takes no spinlock_t.
 *
 * The text is formatted before the lock, into a per-CPU buffer picked by
 * how deeply printk is nested on this CPU: level 0 for the printk that
 * came first, 1 for one that interrupted it (an NMI, a fault inside
 * printk), and so on up to PRINTK_MAX_NESTING, past which a message is
 * dropped. Interrupts stay off from formatting to unlocking, so an
 * ordinary interrupt never nests. Linux 4.x formatted into one static
 * buffer under logbuf_lock and gave NMI and recursive printks per-CPU
 * buffers of their own (printk_safe, printk_nmi); today it formats
 * straight into the record it reserved in the ring and counts recursion
 * per CPU and context (printk_count, printk_count_nmi, at most
 * PRINTK_MAX_RECURSION = 3 deep, as PRINTK_MAX_NESTING - 1 here).
 *
 * Recursion. A printk on a CPU that is already inside printk's locked
 * section (an NMI, or a fault in log_store()) must not spin on the lock
 * its own CPU holds. Like printk_safe in Linux 4.11-5.15 it puts the text
 * in this CPU's deferred buffer (safe_print_seq) instead, and the outer
 * printk moves that into the ring before it lets go of the lock. Code
 * can ask for the same explicitly with printk_safe_enter_irqsave() (it is
 * flushed at printk_safe_exit_irqrestore(); Linux used an irq_work).
 * When an oops or panic is in progress (oops_in_progress, set by
 * bust_spinlocks()) and the nested printk is not an NMI's, the outer
 * printk will never finish (the fault or panic does not return to it),
 * so the nested one re-initialises the lock and prints (Linux's
 * zap_locks()). An NMI's printk defers even then, unless this CPU is
 * the one panicking: the printk it interrupted resumes, mid-log_store(),
 * when the NMI returns. A lock one other CPU has held for a second is
 * broken the same way (that CPU was stopped holding it).
 *
 * Consoles (linux/console.h): the serial port always gets the log; a
 * registered struct console (the VGA text console, with console=tty0)
 * gets it too, CON_PRINTBUFFER replaying the records stored so far.
 * Their ->write runs under logbuf_lock, and console_lock_irqsave() lends
 * that lock to the ttys, so tty output and printk lines do not mix.
 *
 * Left out: the lockless ring of Linux 5.10+, console_sem and handing the
 * console over to a waiting CPU (console_owner), per-console loglevels,
 * caller ids, keeping a KERN_CONT line together across CPUs.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/cmdline.h>
#include <linux/console.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/serial.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define LOG_BUF_SHIFT 16
#define LOG_BUF_LEN (1U << LOG_BUF_SHIFT)
#define LOG_LINE_MAX 1024
#define PRINTK_MAX_NESTING 4		/* a printk and 3 nested in it, on one CPU */
#define SAFE_LOG_BUF_LEN 2048		/* per CPU, for deferred messages */
#define LOGBUF_BUST_NS 1000000000ULL	/* during an oops: a lock held this long is broken */

static char __log_buf[LOG_BUF_LEN] __aligned(LOG_ALIGN);
char *log_buf = __log_buf;
u32 log_buf_len = LOG_BUF_LEN;
u64 log_first_seq, log_next_seq;
u32 log_first_idx, log_next_idx;

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static bool console_line_open;	/* last console output did not end a line */

/* Guards the ring, its indices and the console (Linux: logbuf_lock). */
static arch_spinlock_t logbuf_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int logbuf_cpu = -1;	/* who holds logbuf_lock, -1 if free */

/* > 0: printk on this CPU defers to safe_print_seq (Linux: printk_context). */
static DEFINE_PER_CPU(int, printk_context);
static DEFINE_PER_CPU(int, printk_nesting);
static DEFINE_PER_CPU(char [PRINTK_MAX_NESTING][LOG_LINE_MAX], printk_textbuf);

/*
 * Deferred messages of one CPU, each a struct safe_entry. Only its own
 * CPU touches it; len is reserved with a cmpxchg because the writer may
 * be an NMI that interrupted the flusher (Linux: printk_safe_seq_buf).
 */
struct printk_safe_seq_buf {
	unsigned int len;
	unsigned int message_lost;
	char buffer[SAFE_LOG_BUF_LEN];
};
static DEFINE_PER_CPU(struct printk_safe_seq_buf, safe_print_seq);

struct safe_entry {
	u64 ts_nsec;
	u16 len;
	char text[];		/* as formatted, KERN_<LEVEL> prefix included */
};

static unsigned int safe_entry_size(unsigned int text_len)
{
	return ALIGN(sizeof(struct safe_entry) + text_len, 8);
}

/* Linux: in_nmi() (exc_nmi adds NMI_OFFSET to preempt_count). */
static inline bool in_nmi(void)
{
	return preempt_count() & NMI_MASK;
}

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

/* Under logbuf_lock. */
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

/* Re-initialise the lock whoever holds it (Linux: zap_locks()). */
static void zap_locks(void)
{
	logbuf_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	WRITE_ONCE(logbuf_cpu, -1);
}

/*
 * Interrupts off and printk_context raised. During an oops, a CPU that
 * has sat on the lock for LOGBUF_BUST_NS was stopped with it held: take
 * it from it rather than hang the report.
 */
static void logbuf_lock_acquire(void)
{
	if (unlikely(READ_ONCE(oops_in_progress))) {
		int owner = READ_ONCE(logbuf_cpu);
		u64 since = local_clock();

		while (owner >= 0) {
			if (READ_ONCE(logbuf_cpu) != owner) {
				owner = READ_ONCE(logbuf_cpu);
				since = local_clock();
			} else if (local_clock() - since > LOGBUF_BUST_NS) {
				zap_locks();
				break;
			}
			cpu_relax();
		}
	}
	arch_spin_lock(&logbuf_lock);
	WRITE_ONCE(logbuf_cpu, raw_smp_processor_id());
}

static void log_output(u64 ts, const char *text, size_t len);

/* With logbuf_lock held: move this CPU's deferred messages into the ring. */
static void printk_safe_flush_locked(void)
{
	struct printk_safe_seq_buf *s = this_cpu_ptr(&safe_print_seq);
	unsigned int done = 0, len, lost;

	for (;;) {
		len = READ_ONCE(s->len);
		while (done + sizeof(struct safe_entry) <= len) {
			const struct safe_entry *e = (const void *)(s->buffer + done);

			if (done + safe_entry_size(e->len) > len)
				break;		/* half written under an oops: give up on it */
			log_output(e->ts_nsec, e->text, e->len);
			done += safe_entry_size(e->len);
		}
		/* Empty it, unless an NMI added more meanwhile: then go on. */
		if (__atomic_compare_exchange_n(&s->len, &len, 0, false, __ATOMIC_RELAXED,
						__ATOMIC_RELAXED))
			break;
	}
	lost = __atomic_exchange_n(&s->message_lost, 0, __ATOMIC_RELAXED);
	if (lost) {
		char msg[48];
		int n = scnprintf(msg, sizeof(msg), KERN_WARNING "Lost %u message(s)!\n", lost);

		log_output(local_clock(), msg, n);
	}
}

static void logbuf_lock_release(void)
{
	printk_safe_flush_locked();
	WRITE_ONCE(logbuf_cpu, -1);
	arch_spin_unlock(&logbuf_lock);
}

static bool printk_safe_pending(void)
{
	struct printk_safe_seq_buf *s = this_cpu_ptr(&safe_print_seq);

	return READ_ONCE(s->len) || READ_ONCE(s->message_lost);
}

void __printk_safe_enter(void)
{
	this_cpu_inc(printk_context);
}

/*
 * Leaving the last printk_safe section on this CPU: whatever was deferred
 * meanwhile goes into the ring now. Checked after the decrement, so an
 * NMI's message either is seen here or was printed directly.
 */
void __printk_safe_exit(void)
{
	this_cpu_dec(printk_context);
	while (!this_cpu_read(printk_context) && printk_safe_pending()) {
		this_cpu_inc(printk_context);
		logbuf_lock_acquire();
		logbuf_lock_release();
		this_cpu_dec(printk_context);
	}
}

/* Linux: logbuf_lock_irqsave() / logbuf_unlock_irqrestore() of 4.x. */
#define logbuf_lock_irqsave(flags)                      \
	do {                                            \
		printk_safe_enter_irqsave(flags);       \
		logbuf_lock_acquire();                  \
	} while (0)

#define logbuf_unlock_irqrestore(flags)                 \
	do {                                            \
		logbuf_lock_release();                  \
		printk_safe_exit_irqrestore(flags);     \
	} while (0)

/* Interrupts are off: an NMI's message or the overflow count. */
static void printk_safe_log_store(u64 ts, const char *text, unsigned int len)
{
	struct printk_safe_seq_buf *s = this_cpu_ptr(&safe_print_seq);
	unsigned int need = safe_entry_size(len), old = READ_ONCE(s->len);
	struct safe_entry *e;

	do {
		if (old + need > SAFE_LOG_BUF_LEN) {
			__atomic_add_fetch(&s->message_lost, 1, __ATOMIC_RELAXED);
			return;
		}
	} while (!__atomic_compare_exchange_n(&s->len, &old, old + need, false,
					      __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	e = (struct safe_entry *)(s->buffer + old);
	e->ts_nsec = ts;
	e->len = len;
	memcpy(e->text, text, len);
}

void log_buf_exchange(struct log_buf_state *state)
{
	struct log_buf_state old;
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	old = (struct log_buf_state){
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
	logbuf_unlock_irqrestore(flags);
	*state = old;
}

int printk_get_record(u64 seq, u64 *ts_nsec, int *level, char *buf, size_t size)
{
	struct printk_log *msg;
	unsigned long flags;
	u32 idx;
	size_t n;
	int ret;

	logbuf_lock_irqsave(flags);
	if (seq < log_first_seq || seq >= log_next_seq) {
		logbuf_unlock_irqrestore(flags);
		return -ENOENT;
	}
	idx = log_first_idx;
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
	ret = msg->text_len;
	logbuf_unlock_irqrestore(flags);
	return ret;
}

/* Registered consoles besides the serial port; changed under logbuf_lock. */
static struct console *console_drivers;

/* Under logbuf_lock: one piece of a console line, to every console. */
static void console_out(const char *s, size_t n)
{
	serial_write(s, n);
	for (struct console *c = console_drivers; c; c = c->next)
		if (c->flags & CON_ENABLED)
			c->write(c, s, n);
}

/* Under logbuf_lock: one record, as the console shows it, to one console. */
static void console_replay_one(struct console *c, const struct printk_log *msg)
{
	char prefix[32];
	int n;

	if (msg->level >= console_loglevel)
		return;
	n = snprintf(prefix, sizeof(prefix), "[%5lu.%06lu] ",
		     (unsigned long)(msg->ts_nsec / 1000000000UL),
		     (unsigned long)(msg->ts_nsec % 1000000000UL / 1000));
	c->write(c, prefix, n);
	c->write(c, (const char *)(msg + 1), msg->text_len);
	c->write(c, "\n", 1);
}

void register_console(struct console *co)
{
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	co->flags |= CON_ENABLED;
	if (co->flags & CON_PRINTBUFFER) {
		u32 idx = log_first_idx;

		for (u64 seq = log_first_seq; seq < log_next_seq; seq++) {
			struct printk_log *msg = log_from_idx(idx);

			if (!msg->len) {	/* the wrap marker */
				idx = 0;
				msg = log_from_idx(0);
			}
			console_replay_one(co, msg);
			idx = log_next(idx);
		}
	}
	co->next = console_drivers;
	console_drivers = co;
	logbuf_unlock_irqrestore(flags);
	pr_info("printk: console [%s%d] enabled\n", co->name, co->index);
}

int unregister_console(struct console *co)
{
	unsigned long flags;
	int ret = -ENODEV;

	logbuf_lock_irqsave(flags);
	for (struct console **p = &console_drivers; *p; p = &(*p)->next) {
		if (*p == co) {
			*p = co->next;
			co->flags &= ~CON_ENABLED;
			ret = 0;
			break;
		}
	}
	logbuf_unlock_irqrestore(flags);
	return ret;
}

unsigned long console_lock_irqsave(void)
{
	unsigned long flags;

	logbuf_lock_irqsave(flags);
	return flags;
}

void console_unlock_irqrestore(unsigned long flags)
{
	logbuf_unlock_irqrestore(flags);
}

/* Under logbuf_lock. */
static void console_emit(int level, enum log_flags flags, u64 ts,
			 const char *text, size_t len)
{
	char prefix[32];
	int n;

	if (level >= console_loglevel)
		return;
	if (!(flags & LOG_CONT) || !console_line_open) {
		if (console_line_open)
			console_out("\n", 1);
		n = snprintf(prefix, sizeof(prefix), "[%5lu.%06lu] ",
			     (unsigned long)(ts / 1000000000UL),
			     (unsigned long)(ts % 1000000000UL / 1000));
		console_out(prefix, n);
	}
	console_out(text, len);
	if (flags & LOG_NEWLINE)
		console_out("\n", 1);
	console_line_open = !(flags & LOG_NEWLINE);
}

/* Read and strip KERN_<LEVEL> prefixes; returns the level or -1. */
static int printk_get_level(const char **text, const char *end, bool *cont)
{
	int level = -1;

	while (end - *text >= 2 && (*text)[0] == KERN_SOH_ASCII) {
		char c = (*text)[1];

		if (c >= '0' && c <= '7')
			level = c - '0';
		else if (c == 'c')
			*cont = true;
		*text += 2;
	}
	return level;
}

/*
 * Under logbuf_lock: one formatted message into the ring and onto the
 * console, one record per line, as Linux stores multi-line messages.
 */
static void log_output(u64 ts, const char *text, size_t len)
{
	const char *end = text + len;
	bool cont = false;
	int level;

	level = printk_get_level(&text, end, &cont);
	if (level < 0)
		level = LOGLEVEL_DEFAULT;
	while (text < end) {
		enum log_flags flags = cont ? LOG_CONT : 0;
		const char *nl = text;
		size_t n;

		while (nl < end && *nl != '\n')
			nl++;
		n = nl - text;
		if (nl < end)
			flags |= LOG_NEWLINE;
		log_store(level, flags, ts, text, (u16)n);
		console_emit(level, flags, ts, text, n);
		text = nl < end ? nl + 1 : end;
		cont = false;
	}
}

int vprintk(const char *fmt, va_list args)
{
	unsigned long flags, lflags;
	int nesting, len;
	size_t n;
	char *text;

	local_irq_save(flags);
	nesting = this_cpu_read(printk_nesting);
	if (nesting >= PRINTK_MAX_NESTING) {
		local_irq_restore(flags);
		return 0;
	}
	this_cpu_write(printk_nesting, nesting + 1);
	text = (*this_cpu_ptr(&printk_textbuf))[nesting];
	len = vsnprintf(text, LOG_LINE_MAX, fmt, args);
	n = min((size_t)len, (size_t)LOG_LINE_MAX - 1);

	if (this_cpu_read(printk_context) &&
	    (!READ_ONCE(oops_in_progress) || (in_nmi() && !this_cpu_in_panic()))) {
		/*
		 * Inside printk's locked section, or a printk_safe section.
		 * An NMI defers even during an oops: the printk it interrupted
		 * resumes when it returns (Linux 4.x: printk_nmi).
		 */
		printk_safe_log_store(local_clock(), text, n);
	} else {
		/* A fault (or a panic) inside printk's locked section: the outer one won't finish. */
		if (this_cpu_read(printk_context) && READ_ONCE(logbuf_cpu) == (int)raw_smp_processor_id())
			zap_locks();
		logbuf_lock_irqsave(lflags);
		log_output(local_clock(), text, n);
		logbuf_unlock_irqrestore(lflags);
	}
	this_cpu_write(printk_nesting, nesting);
	local_irq_restore(flags);
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

/*
 * At most 10 messages per 5 s from all callers together, then "func: N
 * callbacks suppressed" once messages are allowed again (Linux:
 * printk_ratelimit() with DEFAULT_RATELIMIT_INTERVAL/BURST, ___ratelimit
 * in lib/ratelimit.c). The trap and segfault reports of user programs go
 * through it, so a program that faults in a loop cannot flood the log.
 */
int __printk_ratelimit(const char *func)
{
	static DEFINE_SPINLOCK(lock);
	static unsigned long begin;
	static int printed, missed;
	unsigned long flags;
	int ok;

	spin_lock_irqsave(&lock, flags);
	if (!begin || time_after(jiffies, begin + 5 * HZ)) {
		if (missed)
			printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, missed);
		begin = jiffies;
		printed = missed = 0;
	}
	ok = printed < 10;
	if (ok)
		printed++;
	else
		missed++;
	spin_unlock_irqrestore(&lock, flags);
	return ok;
}
