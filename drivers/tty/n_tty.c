// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the default line discipline (Linux: drivers/tty/n_tty.c).
 *
 * Input: receive_buf (n_tty_receive_buf) runs in the receive path, under
 * the port's lock with interrupts off, and files each byte into a 4 KiB
 * ring (read_buf) under ldata->lock:
 *   - ISTRIP, IGNCR/ICRNL/INLCR as Linux orders them;
 *   - ICANON: ERASE (^?, and ^H too: see below), WERASE (^W), KILL (^U)
 *     edit the line being typed; '\n', EOL, EOL2 and EOF (^D) end it: the
 *     byte is marked in read_flags and canon_head moves past it. EOF is
 *     stored as __DISABLED_CHAR and never handed out, so ^D on an empty
 *     line makes read() return 0 and "abc^D" returns "abc". LNEXT (^V)
 *     takes the next byte literally (echoing "^\b" at once, as Linux),
 *     REPRINT (^R) retypes the line;
 *   - ECHO (through output processing, so "\n" echoes "\r\n"), ECHOCTL
 *     (^X for control bytes), ECHOE ("\b \b" per erased column, tabs
 *     backed over by the columns they took), ECHOK/ECHOKE for KILL,
 *     ECHONL; IUTF8 erases a whole UTF-8 character;
 *   - IXON's STOP (^S) stops output (writers wait in n_tty_write) and
 *     START (^Q) restarts it (IXANY: any byte); with ISIG, INTR/QUIT/SUSP
 *     (^C ^\ ^Z) are isig(): SIGINT/SIGQUIT/SIGTSTP to the foreground
 *     process group (tty_signal_pgrp(), sent from the tty_signal thread:
 *     tty_jobctrl.c), the input flushed unless NOFLSH, echoed as "^C".
 * Echoes are written at once, under ldata->lock (Linux queues them in an
 * echo buffer for process_echoes()), so they come out in input order.
 *
 * read (n_tty_read): canonical mode hands out at most one line, the rest
 * of a long line on the next call; non-canonical mode follows VMIN and
 * VTIME as Linux does (MIN bytes; a TIME timeout; an inter-byte timer
 * when both are set; an immediate poll when neither is). The reader sleeps
 * on tty->read_wait, interruptibly: a pending signal ends the wait with
 * -ERESTARTSYS; O_NONBLOCK gives -EAGAIN; a hung-up file reads 0. A
 * background reader got SIGTTIN in tty_read() already (tty_job_control).
 * poll (n_tty_poll): EPOLLIN when a read would not wait, EPOLLOUT unless
 * output is stopped.
 * write (n_tty_write): TOSTOP's SIGTTOU for a background writer, then OPOST
 * with ONLCR, OCRNL, ONOCR, ONLRET, OLCUC and XTABS, tracking the column
 * (for tab erasing) as Linux's do_output_char.
 *
 * Differences from Linux: ^H erases like VERASE when VERASE is ^? (Linux
 * erases only with VERASE; a terminal's Backspace sends either, and the
 * shell here must cope with both); echoes still go out while ^S stopped
 * output; no PARMRK/BRKINT/IMAXBEL, no ECHOPRT, no EXTPROC, no TIOCSTI.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>

#include "tty.h"

#define N_TTY_BUF_SIZE 4096
#define MASK(x) ((x) & (N_TTY_BUF_SIZE - 1))
#define NTTY_LONG_BITS (8 * sizeof(unsigned long))

struct n_tty_data {
	spinlock_t lock;		/* everything below; irqsave */
	size_t read_head;		/* where the next received byte goes */
	size_t canon_head;		/* just past the last completed line */
	size_t read_tail;		/* the next byte a reader takes */
	unsigned int column;		/* output column, for tab erasing */
	unsigned int canon_column;	/* column where the line being typed began */
	bool lnext;			/* the next byte is literal */
	bool icanon;			/* ICANON when termios was last looked at */
	unsigned long read_flags[N_TTY_BUF_SIZE / NTTY_LONG_BITS];	/* line ends */
	u8 read_buf[N_TTY_BUF_SIZE];
};

/* Bytes staged for the driver, written out when full and at the end. */
struct n_tty_out {
	struct tty_struct *tty;
	unsigned int len;
	u8 buf[64];
};

static void out_flush(struct n_tty_out *o)
{
	if (o->len)
		o->tty->ops->write(o->tty, o->buf, o->len);
	o->len = 0;
}

static void out_byte(struct n_tty_out *o, u8 c)
{
	if (o->len == sizeof(o->buf))
		out_flush(o);
	o->buf[o->len++] = c;
}

static bool n_iscntrl(u8 c)
{
	return c < 0x20 || c == 0x7f;
}

static bool is_utf8_continuation(u8 c)
{
	return (c & 0xc0) == 0x80;
}

static bool is_word_char(u8 c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* A c_cc character, unless it is switched off. */
static bool is_char(struct tty_struct *tty, int idx, u8 c)
{
	u8 v = tty->termios.c_cc[idx];

	return v != __DISABLED_CHAR && c == v;
}

static void set_flag(struct n_tty_data *ld, size_t i)
{
	i = MASK(i);
	ld->read_flags[i / NTTY_LONG_BITS] |= 1UL << (i % NTTY_LONG_BITS);
}

static bool test_and_clear_flag(struct n_tty_data *ld, size_t i)
{
	unsigned long bit;

	i = MASK(i);
	bit = 1UL << (i % NTTY_LONG_BITS);
	if (!(ld->read_flags[i / NTTY_LONG_BITS] & bit))
		return false;
	ld->read_flags[i / NTTY_LONG_BITS] &= ~bit;
	return true;
}

/* ---- output processing (Linux: do_output_char) --------------------------------- */

/* Under ldata->lock. One byte as OPOST turns it into output. */
static void do_output_char(struct n_tty_data *ld, struct n_tty_out *o, u8 c)
{
	struct tty_struct *tty = o->tty;

	if (!O_OPOST(tty)) {
		out_byte(o, c);
		return;
	}
	switch (c) {
	case '\n':
		if (O_ONLRET(tty))
			ld->column = 0;
		if (O_ONLCR(tty)) {
			ld->canon_column = ld->column = 0;
			out_byte(o, '\r');
			out_byte(o, '\n');
			return;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (O_ONOCR(tty) && ld->column == 0)
			return;
		if (O_OCRNL(tty)) {
			c = '\n';
			if (O_ONLRET(tty))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t': {
		unsigned int spaces = 8 - (ld->column & 7);

		if (O_TABDLY(tty) == XTABS) {
			ld->column += spaces;
			while (spaces--)
				out_byte(o, ' ');
			return;
		}
		ld->column += spaces;
		break;
	}
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!n_iscntrl(c)) {
			if (O_OLCUC(tty) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			if (!I_IUTF8(tty) || !is_utf8_continuation(c))
				ld->column++;
		}
		break;
	}
	out_byte(o, c);
}

/* ---- echo ---------------------------------------------------------------------- */

/* Echo c as typed: control bytes as ^X with ECHOCTL (not tab, not newline). */
static void echo_char(struct n_tty_data *ld, struct n_tty_out *o, u8 c)
{
	struct tty_struct *tty = o->tty;

	if (L_ECHOCTL(tty) && n_iscntrl(c) && c != '\t' && c != '\n') {
		do_output_char(ld, o, '^');
		do_output_char(ld, o, c ^ 0100);
	} else {
		do_output_char(ld, o, c);
	}
}

static void echo_str(struct n_tty_data *ld, struct n_tty_out *o, const char *s)
{
	while (*s)
		do_output_char(ld, o, *s++);
}

/* Back the cursor over a tab: the columns it took, counted from the line's start. */
static void echo_erase_tab(struct n_tty_data *ld, struct n_tty_out *o)
{
	struct tty_struct *tty = o->tty;
	unsigned int col = ld->canon_column;

	for (size_t i = ld->canon_head; i != ld->read_head; i++) {
		u8 c = ld->read_buf[MASK(i)];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (n_iscntrl(c))
			col += L_ECHOCTL(tty) ? 2 : 0;
		else if (!I_IUTF8(tty) || !is_utf8_continuation(c))
			col++;
	}
	while (ld->column > col) {
		do_output_char(ld, o, '\b');
	}
}

enum { ERASE, WERASE, KILL };

/* Linux: eraser(). Under ldata->lock. */
static void eraser(struct n_tty_data *ld, struct n_tty_out *o, u8 c)
{
	struct tty_struct *tty = o->tty;
	int kill_type;
	bool seen_alnums = false;

	if (ld->read_head == ld->canon_head)
		return;		/* nothing typed on this line: Linux echoes nothing */
	if (is_char(tty, VKILL, c))
		kill_type = KILL;
	else if (is_char(tty, VWERASE, c))
		kill_type = WERASE;
	else
		kill_type = ERASE;
	if (kill_type == KILL) {
		if (!L_ECHO(tty)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!L_ECHOK(tty) || !L_ECHOKE(tty) || !L_ECHOE(tty)) {
			ld->read_head = ld->canon_head;
			echo_char(ld, o, c);
			if (L_ECHOK(tty))
				do_output_char(ld, o, '\n');
			return;
		}
	}
	while (ld->read_head != ld->canon_head) {
		size_t head = ld->read_head;
		u8 ch;

		/* One character: with IUTF8 its continuation bytes go with it. */
		do {
			head--;
			ch = ld->read_buf[MASK(head)];
		} while (I_IUTF8(tty) && is_utf8_continuation(ch) && head != ld->canon_head);
		if (kill_type == WERASE) {
			if (is_word_char(ch))
				seen_alnums = true;
			else if (seen_alnums)
				break;
		}
		ld->read_head = head;
		if (L_ECHO(tty)) {
			if (kill_type == ERASE && !L_ECHOE(tty)) {
				echo_char(ld, o, tty->termios.c_cc[VERASE]);
			} else if (ch == '\t') {
				echo_erase_tab(ld, o);
			} else {
				if (n_iscntrl(ch) && L_ECHOCTL(tty))
					echo_str(ld, o, "\b \b");
				if (!n_iscntrl(ch) || L_ECHOCTL(tty))
					echo_str(ld, o, "\b \b");
			}
		}
		if (kill_type == ERASE)
			break;
	}
}

/* ---- input ----------------------------------------------------------------------- */

static size_t read_cnt(struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

/* Store a byte; in canonical mode the last slot is kept for the line's end. */
static bool put_tty_queue(struct n_tty_data *ld, u8 c, bool line_end)
{
	size_t limit = N_TTY_BUF_SIZE - ((ld->icanon && !line_end) ? 1 : 0);

	if (read_cnt(ld) >= limit)
		return false;
	ld->read_buf[MASK(ld->read_head)] = c;
	ld->read_head++;
	return true;
}

static void n_tty_flush_locked(struct n_tty_data *ld)
{
	ld->read_head = ld->canon_head = ld->read_tail = 0;
	memset(ld->read_flags, 0, sizeof(ld->read_flags));
	ld->lnext = false;
}

static void end_line(struct n_tty_data *ld, u8 c)
{
	if (!put_tty_queue(ld, c, true))
		return;
	set_flag(ld, ld->read_head - 1);
	ld->canon_head = ld->read_head;
}

/* A byte that is not special: store it, echo it. */
static void receive_normal(struct n_tty_data *ld, struct n_tty_out *o, u8 c)
{
	struct tty_struct *tty = o->tty;

	if (read_cnt(ld) >= N_TTY_BUF_SIZE - (ld->icanon ? 1 : 0))
		return;		/* full: dropped (Linux: IMAXBEL would beep) */
	if (L_ECHO(tty)) {
		if (ld->canon_head == ld->read_head)
			ld->canon_column = ld->column;
		echo_char(ld, o, c);
	}
	put_tty_queue(ld, c, false);
}

/*
 * Linux: isig(). The signal to the foreground process group (sent by the
 * tty_signal thread: tty_jobctrl.c), then, unless NOFLSH, the input is
 * thrown away (output is never queued here: nothing to flush).
 */
static void isig(struct n_tty_data *ld, int sig, struct tty_struct *tty)
{
	tty_signal_pgrp(tty, sig);
	if (!L_NOFLSH(tty))
		n_tty_flush_locked(ld);
}

/* Linux: n_tty_receive_char_special() and friends. Under ldata->lock. */
static void n_tty_receive_char(struct n_tty_data *ld, struct n_tty_out *o, u8 c)
{
	struct tty_struct *tty = o->tty;

	if (I_ISTRIP(tty))
		c &= 0x7f;
	if (ld->lnext) {
		ld->lnext = false;
		receive_normal(ld, o, c);
		return;
	}
	if (I_IXON(tty)) {
		if (is_char(tty, VSTART, c)) {
			start_tty(tty);
			return;
		}
		if (is_char(tty, VSTOP, c)) {
			stop_tty(tty);
			return;
		}
	}
	if (L_ISIG(tty)) {
		int sig = 0;

		if (is_char(tty, VINTR, c))
			sig = SIGINT;
		else if (is_char(tty, VQUIT, c))
			sig = SIGQUIT;
		else if (is_char(tty, VSUSP, c))
			sig = SIGTSTP;
		if (sig) {
			/* Linux: n_tty_receive_signal_char() */
			isig(ld, sig, tty);
			if (I_IXON(tty))
				start_tty(tty);
			if (L_ECHO(tty))
				echo_char(ld, o, c);
			return;
		}
	}
	if (tty->flow_stopped && I_IXON(tty) && I_IXANY(tty))
		start_tty(tty);
	if (c == '\r') {
		if (I_IGNCR(tty))
			return;
		if (I_ICRNL(tty))
			c = '\n';
	} else if (c == '\n' && I_INLCR(tty)) {
		c = '\r';
	}
	if (ld->icanon) {
		if (is_char(tty, VERASE, c) || is_char(tty, VKILL, c) ||
		    (c == '\b' && tty->termios.c_cc[VERASE] == 0177) ||
		    (is_char(tty, VWERASE, c) && L_IEXTEN(tty))) {
			eraser(ld, o, c);
			return;
		}
		if (is_char(tty, VLNEXT, c) && L_IEXTEN(tty)) {
			ld->lnext = true;
			if (L_ECHO(tty) && L_ECHOCTL(tty)) {
				/* "^" and back over it: the literal byte's echo replaces it */
				do_output_char(ld, o, '^');
				do_output_char(ld, o, '\b');
			}
			return;
		}
		if (is_char(tty, VREPRINT, c) && L_ECHO(tty) && L_IEXTEN(tty)) {
			echo_char(ld, o, c);
			do_output_char(ld, o, '\n');
			for (size_t i = ld->canon_head; i != ld->read_head; i++)
				echo_char(ld, o, ld->read_buf[MASK(i)]);
			return;
		}
		if (c == '\n') {
			if (L_ECHO(tty) || L_ECHONL(tty))
				do_output_char(ld, o, '\n');
			end_line(ld, c);
			return;
		}
		if (is_char(tty, VEOF, c)) {
			end_line(ld, __DISABLED_CHAR);	/* not echoed, never handed out */
			return;
		}
		if (is_char(tty, VEOL, c) || is_char(tty, VEOL2, c)) {
			if (L_ECHO(tty)) {
				if (ld->canon_head == ld->read_head)
					ld->canon_column = ld->column;
				echo_char(ld, o, c);
			}
			end_line(ld, c);
			return;
		}
	}
	receive_normal(ld, o, c);
}

static bool input_available(struct n_tty_data *ld, size_t amt)
{
	if (ld->icanon)
		return ld->canon_head != ld->read_tail;
	return read_cnt(ld) >= amt;
}

static void n_tty_receive_buf(struct tty_struct *tty, const u8 *cp, const u8 *fp,
			      size_t count)
{
	struct n_tty_data *ld = tty->disc_data;
	struct n_tty_out o = { .tty = tty };
	unsigned long flags;
	bool wake;

	spin_lock_irqsave(&ld->lock, flags);
	for (size_t i = 0; i < count; i++) {
		if (fp && fp[i] != TTY_NORMAL)
			continue;	/* break, parity, framing errors: dropped (no PARMRK) */
		n_tty_receive_char(ld, &o, cp[i]);
	}
	out_flush(&o);
	wake = input_available(ld, 1);
	spin_unlock_irqrestore(&ld->lock, flags);
	if (wake)
		wake_up_all(&tty->read_wait);
}

/* ---- read ------------------------------------------------------------------------ */

/*
 * Under ldata->lock, canonical: the current line from read_tail, up to
 * nr bytes; an EOF marker ends the line without being copied. *more: the
 * line goes on past nr.
 */
static size_t canon_copy(struct n_tty_data *ld, u8 *kbuf, size_t nr, bool *more)
{
	size_t n = 0;

	*more = false;
	while (ld->read_tail != ld->canon_head) {
		size_t i = ld->read_tail;
		u8 c = ld->read_buf[MASK(i)];
		bool eol;

		if (n == nr) {
			*more = true;
			break;
		}
		eol = test_and_clear_flag(ld, i);
		ld->read_tail++;
		if (eol && c == __DISABLED_CHAR)
			break;		/* EOF */
		kbuf[n++] = c;
		if (eol)
			break;
	}
	return n;
}

static size_t raw_copy(struct n_tty_data *ld, u8 *kbuf, size_t nr)
{
	size_t n = min(read_cnt(ld), nr);

	for (size_t k = 0; k < n; k++) {
		test_and_clear_flag(ld, ld->read_tail);
		kbuf[k] = ld->read_buf[MASK(ld->read_tail)];
		ld->read_tail++;
	}
	return n;
}

/* Linux's input_available_p(): poll asks for VMIN bytes when VTIME is 0. */
static bool input_available_p(struct tty_struct *tty, struct n_tty_data *ld, bool poll)
{
	size_t amt = poll && !tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN] ?
			     tty->termios.c_cc[VMIN] : 1;

	return input_available(ld, amt);
}

#define NO_TIMEOUT ((long)(~0UL >> 1))	/* Linux: MAX_SCHEDULE_TIMEOUT */

/* Under ldata->lock: copy what the mode hands out; true if more is there for this read. */
static bool copy_from_read_buf(struct n_tty_data *ld, u8 **kb, size_t *nr)
{
	bool more = false;
	size_t n;

	if (ld->icanon) {
		n = canon_copy(ld, *kb, *nr, &more);
	} else {
		n = raw_copy(ld, *kb, *nr);
		more = read_cnt(ld) != 0;
	}
	*kb += n;
	*nr -= n;
	return more;
}

/*
 * Linux: n_tty_read(). Canonical: one line (the rest of a long one on the
 * next call). Non-canonical, as POSIX and Linux read VMIN and VTIME:
 *   MIN > 0, TIME == 0: wait for MIN bytes (or nr, if fewer);
 *   MIN == 0, TIME > 0: wait up to TIME tenths of a second for one byte;
 *   MIN > 0, TIME > 0: wait for the first byte, then return when MIN bytes
 *                      are there or TIME passes without a new byte;
 *   MIN == 0, TIME == 0: what is there now, maybe nothing.
 * *cookie: this read may go on without waiting (kbuf was filled).
 */
static ssize_t n_tty_read(struct tty_struct *tty, struct file *file, u8 *kbuf, size_t nr,
			  void **cookie)
{
	struct n_tty_data *ld = tty->disc_data;
	struct wait_queue_entry w = { .private = current };
	long timeout = NO_TIMEOUT, time = 0;
	size_t minimum = 0;
	unsigned long flags;
	ssize_t ret = 0;
	u8 *kb = kbuf;

	might_sleep();
	if (*cookie) {
		/* The same read going on: only what is there, no waiting. */
		bool more;

		spin_lock_irqsave(&ld->lock, flags);
		more = copy_from_read_buf(ld, &kb, &nr);
		spin_unlock_irqrestore(&ld->lock, flags);
		*cookie = more ? tty : NULL;
		return kb - kbuf;
	}
	if (!L_ICANON(tty)) {
		minimum = tty->termios.c_cc[VMIN];
		if (minimum) {
			time = (HZ / 10) * tty->termios.c_cc[VTIME];
		} else {
			timeout = (HZ / 10) * tty->termios.c_cc[VTIME];
			minimum = 1;
		}
	}
	while (nr) {
		bool more, icanon;

		prepare_to_wait(&tty->read_wait, &w, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&ld->lock, flags);
		if (!input_available_p(tty, ld, false)) {
			spin_unlock_irqrestore(&ld->lock, flags);
			if (tty_hung_up_p(file))
				break;
			if (!timeout)
				break;
			if (file->f_flags & O_NONBLOCK) {
				ret = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			if (timeout == NO_TIMEOUT)
				schedule();
			else
				timeout = schedule_timeout(timeout);
			continue;
		}
		icanon = ld->icanon;
		more = copy_from_read_buf(ld, &kb, &nr);
		spin_unlock_irqrestore(&ld->lock, flags);
		if (more) {
			*cookie = tty;	/* kbuf is full and there is more: tty_read calls again */
			break;
		}
		if (icanon || (size_t)(kb - kbuf) >= minimum)
			break;
		if (time)
			timeout = time;
	}
	finish_wait(&tty->read_wait, &w);
	if (kb - kbuf)
		ret = kb - kbuf;
	return ret;
}

/* Linux: n_tty_poll(). */
static __poll_t n_tty_poll(struct tty_struct *tty, struct file *file, poll_table *wait)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;
	__poll_t mask = 0;

	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	spin_lock_irqsave(&ld->lock, flags);
	if (input_available_p(tty, ld, true))
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock_irqrestore(&ld->lock, flags);
	if (tty_hung_up_p(file))
		mask |= EPOLLHUP;
	if (!READ_ONCE(tty->flow_stopped))
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

/* ---- write ----------------------------------------------------------------------- */

/* IXON stopped output: wait for ^Q. 0, or -EIO, -EAGAIN, -ERESTARTSYS. */
static int n_tty_wait_started(struct tty_struct *tty, struct file *file)
{
	struct wait_queue_entry w = { .private = current };
	int ret = 0;

	for (;;) {
		prepare_to_wait(&tty->write_wait, &w, TASK_INTERRUPTIBLE);
		if (tty_hung_up_p(file)) {
			ret = -EIO;
			break;
		}
		if (!READ_ONCE(tty->flow_stopped))
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&tty->write_wait, &w);
	return ret;
}

/* Linux: n_tty_write(). With TOSTOP a background writer gets SIGTTOU. */
static ssize_t n_tty_write(struct tty_struct *tty, struct file *file, const u8 *buf, size_t nr)
{
	struct n_tty_data *ld = tty->disc_data;
	size_t done = 0;
	int ret;

	if (L_TOSTOP(tty) && !tty_is_console_file(file)) {
		ret = tty_check_change(tty);
		if (ret)
			return ret;
	}
	while (done < nr) {
		struct n_tty_out o = { .tty = tty };
		size_t chunk = min(nr - done, (size_t)64);
		unsigned long flags;

		if (READ_ONCE(tty->flow_stopped)) {
			ret = n_tty_wait_started(tty, file);
			if (ret)
				return done ? (ssize_t)done : ret;
		}
		spin_lock_irqsave(&ld->lock, flags);
		for (size_t i = 0; i < chunk; i++)
			do_output_char(ld, &o, buf[done + i]);
		out_flush(&o);
		spin_unlock_irqrestore(&ld->lock, flags);
		done += chunk;
	}
	return done;
}

/* ---- termios, ioctl, open, close --------------------------------------------------- */

size_t n_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&ld->lock, flags);
	if (!ld->icanon) {
		n = read_cnt(ld);
	} else {
		/* Linux's inq_canon(): the completed lines, less their EOF markers. */
		for (size_t i = ld->read_tail; i != ld->canon_head; i++) {
			size_t m = MASK(i);
			bool eol = ld->read_flags[m / NTTY_LONG_BITS] & (1UL << (m % NTTY_LONG_BITS));

			if (!(eol && ld->read_buf[m] == __DISABLED_CHAR))
				n++;
		}
	}
	spin_unlock_irqrestore(&ld->lock, flags);
	return n;
}

/* Linux: n_tty_set_termios(). Switching ICANON turns what is buffered over. */
static void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct n_tty_data *ld = tty->disc_data;
	bool icanon = L_ICANON(tty);
	unsigned long flags;
	bool wake;

	spin_lock_irqsave(&ld->lock, flags);
	if (icanon != ld->icanon) {
		memset(ld->read_flags, 0, sizeof(ld->read_flags));
		if (icanon && read_cnt(ld)) {
			/* What raw mode left becomes one line (Linux "pushes" it). */
			set_flag(ld, ld->read_head - 1);
		}
		ld->canon_head = ld->read_head;
		ld->lnext = false;
		ld->icanon = icanon;
	}
	if (!I_IXON(tty) && old && (old->c_iflag & IXON))
		start_tty(tty);
	wake = input_available(ld, 1);
	spin_unlock_irqrestore(&ld->lock, flags);
	if (wake)
		wake_up_all(&tty->read_wait);
}

static void n_tty_flush_buffer(struct tty_struct *tty)
{
	struct n_tty_data *ld = tty->disc_data;
	unsigned long flags;

	spin_lock_irqsave(&ld->lock, flags);
	n_tty_flush_locked(ld);
	spin_unlock_irqrestore(&ld->lock, flags);
}

static int n_tty_ioctl(struct tty_struct *tty, unsigned int cmd, void *karg)
{
	switch (cmd) {
	case TIOCOUTQ:		/* output is written synchronously: nothing queued */
		*(int *)karg = 0;
		return 0;
	case TIOCINQ:
		*(int *)karg = min(n_tty_chars_in_buffer(tty), (size_t)INT_MAX);
		return 0;
	default:
		return n_tty_ioctl_helper(tty, cmd, karg);
	}
}

static int n_tty_open(struct tty_struct *tty)
{
	struct n_tty_data *ld = kzalloc(sizeof(*ld), GFP_KERNEL);

	if (!ld)
		return -ENOMEM;
	spin_lock_init(&ld->lock);
	ld->icanon = L_ICANON(tty);
	tty->disc_data = ld;
	return 0;
}

static void n_tty_close(struct tty_struct *tty)
{
	kfree(tty->disc_data);
	tty->disc_data = NULL;
}

const struct tty_ldisc_ops n_tty_ops = {
	.name = "n_tty",
	.num = N_TTY,
	.open = n_tty_open,
	.close = n_tty_close,
	.flush_buffer = n_tty_flush_buffer,
	.read = n_tty_read,
	.write = n_tty_write,
	.ioctl = n_tty_ioctl,
	.set_termios = n_tty_set_termios,
	.poll = n_tty_poll,
	.receive_buf = n_tty_receive_buf,
};
