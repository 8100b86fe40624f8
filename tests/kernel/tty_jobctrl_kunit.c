// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of job control on a terminal (drivers/tty/tty_jobctrl.c,
 * n_tty's isig()): the controlling terminal a session leader gets on open
 * or with TIOCSCTTY, /dev/tty, TIOCNOTTY, TIOCGPGRP/TIOCSPGRP/TIOCGSID and
 * their errors, ^C ^\ ^Z to the foreground process group, SIGTTIN and
 * SIGTTOU for a background group (and -EIO for an orphaned one, or with
 * the signal blocked), SIGWINCH, stealing with TIOCSCTTY 1, and the hangup
 * when the session leader exits (which spares /dev/console's files).
 *
 * The processes are made by user_mode_thread() and stay in the kernel;
 * they act on the test tty of tests/kernel/tty_sink.h through struct
 * files, as a program would through its fds, and record what they got;
 * the runner checks it after reaping them. A signal that would stop or
 * kill a real process stays pending here until the target calls
 * arch_do_signal_or_restart(NULL), where a process returns to user mode.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init_syscalls.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/wait.h>
#include <asm/ptrace.h>

#include "tty_sink.h"

long __x64_sys_setsid(const struct pt_regs *regs);
long __x64_sys_setpgid(const struct pt_regs *regs);

static long do_setsid(void)
{
	struct pt_regs regs = {};

	return __x64_sys_setsid(&regs);
}

static long do_setpgid(pid_t pid, pid_t pgid)
{
	struct pt_regs regs = { .di = pid, .si = pgid };

	return __x64_sys_setpgid(&regs);
}

#define JC_TTY TTY_TEST_DIR "/ttyKUNIT0"
#define JC_DEVTTY TTY_TEST_DIR "/tty"

/* The runner's file keeps the tty alive; the targets open the nodes by name. */
static struct file *jc_open(struct kunit *test)
{
	struct file *f = ktest_open(test, O_NONBLOCK);

	if (!f)
		return NULL;
	KUNIT_EXPECT_EQ(test, init_mknod(JC_TTY, S_IFCHR | 0666,
					 new_encode_dev(MKDEV(ktest_driver.major, 0))), 0);
	KUNIT_EXPECT_EQ(test, init_mknod(JC_DEVTTY, S_IFCHR | 0666,
					 new_encode_dev(MKDEV(TTYAUX_MAJOR, 0))), 0);
	return f;
}

static void jc_close(struct kunit *test, struct file *f)
{
	KUNIT_EXPECT_EQ(test, init_unlink(JC_TTY), 0);
	KUNIT_EXPECT_EQ(test, init_unlink(JC_DEVTTY), 0);
	ktest_close(test, f);
}

static int reap(pid_t pid)
{
	int status = -1;

	if (pid > 0 && kernel_wait(pid, &status) != pid)
		return -1;
	return status;
}

static long ioctl_int(struct file *f, unsigned int cmd, int v, int *out)
{
	int k = v;
	long ret = tty_kernel_ioctl(f, cmd, &k);

	if (out)
		*out = k;
	return ret;
}

static bool pending(int sig)
{
	return sigismember(&current->signal->shared_pending.signal, sig) ||
	       sigismember(&current->pending.signal, sig);
}

/* Forget a pending signal a real process would have acted on (a stop, say). */
static void drop_pending(int sig)
{
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	sigdelset(&current->signal->shared_pending.signal, sig);
	sigdelset(&current->pending.signal, sig);
	recalc_sigpending();
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

static void block(int sig, bool on)
{
	sigset_t set = {};

	sigaddset(&set, sig);
	sigprocmask(on ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/*
 * A session leader giving its ctty up before it exits, so that its exit
 * does not hang up the runner's file: TIOCNOTTY (its SIGHUP ignored), close.
 */
static void leave_ctty(struct file *f)
{
	kernel_sigaction(SIGHUP, SIG_IGN);
	tty_kernel_ioctl(f, TIOCNOTTY, NULL);
	filp_close(f, NULL);
}

/* ---- the controlling terminal ------------------------------------------------------ */

struct ctty_result {
	pid_t me;
	long notleader_ctty, notleader_sctty, setsid, noctty_gpgrp, sctty, gpgrp, gsid, sctty_again;
	long devtty_open, same_tty, notty, after_notty_tty, devtty_enxio, reopen_gpgrp;
	bool notleader_none, noctty_none;
};

static int ctty_target(void *arg)
{
	struct ctty_result *r = arg;
	struct file *f1, *f2, *f3, *f4, *f5;
	int v;

	r->me = current->tgid;
	/* Not a session leader: an open does not make it the ctty, TIOCSCTTY is -EPERM. */
	f1 = filp_open(JC_TTY, O_RDWR, 0);
	if (IS_ERR(f1))
		return 1;
	r->notleader_none = current->signal->tty == NULL;
	r->notleader_ctty = ioctl_int(f1, TIOCGPGRP, 0, NULL);
	r->notleader_sctty = tty_kernel_ioctl(f1, TIOCSCTTY, NULL);
	r->setsid = do_setsid();
	/* O_NOCTTY: still none; TIOCSCTTY takes it. */
	f2 = filp_open(JC_TTY, O_RDWR | O_NOCTTY, 0);
	if (IS_ERR(f2))
		return 2;
	r->noctty_none = current->signal->tty == NULL;
	r->noctty_gpgrp = ioctl_int(f2, TIOCGPGRP, 0, NULL);
	r->sctty = tty_kernel_ioctl(f2, TIOCSCTTY, NULL);
	r->gpgrp = ioctl_int(f2, TIOCGPGRP, 0, &v) ?: v;
	r->gsid = ioctl_int(f2, TIOCGSID, 0, &v) ?: v;
	r->sctty_again = tty_kernel_ioctl(f2, TIOCSCTTY, NULL);
	/* /dev/tty is the same tty. */
	f3 = filp_open(JC_DEVTTY, O_RDWR, 0);
	r->devtty_open = IS_ERR(f3) ? PTR_ERR(f3) : 0;
	r->same_tty = !IS_ERR(f3) && file_tty(f3) == file_tty(f2);
	/* TIOCNOTTY from the leader: SIGHUP to the foreground group (ignored here). */
	kernel_sigaction(SIGHUP, SIG_IGN);
	r->notty = tty_kernel_ioctl(f2, TIOCNOTTY, NULL);
	r->after_notty_tty = current->signal->tty == NULL && file_tty(f2)->session == 0;
	f4 = filp_open(JC_DEVTTY, O_RDWR, 0);
	r->devtty_enxio = IS_ERR(f4) ? PTR_ERR(f4) : 0;
	if (!IS_ERR(f4))
		filp_close(f4, NULL);
	/* A leader without a ctty opening a tty nobody has: it becomes the ctty. */
	f5 = filp_open(JC_TTY, O_RDWR, 0);
	if (IS_ERR(f5))
		return 3;
	r->reopen_gpgrp = ioctl_int(f5, TIOCGPGRP, 0, &v) ?: v;
	filp_close(f1, NULL);
	filp_close(f2, NULL);
	if (!IS_ERR(f3))
		filp_close(f3, NULL);
	filp_close(f5, NULL);
	return 0;	/* the leader exits: the tty is hung up */
}

static void jobctrl_ctty(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = jc_open(test);
	static struct ctty_result r;
	char buf[8];
	int n;

	if (!f)
		return;
	memset(&r, 0, sizeof(r));
	KUNIT_EXPECT_EQ(test, reap(user_mode_thread(ctty_target, &r, SIGCHLD)), 0);
	KUNIT_EXPECT_TRUE(test, r.notleader_none);
	KUNIT_EXPECT_EQ(test, r.notleader_ctty, -ENOTTY);
	KUNIT_EXPECT_EQ(test, r.notleader_sctty, -EPERM);
	KUNIT_EXPECT_EQ(test, r.setsid, r.me);
	KUNIT_EXPECT_TRUE(test, r.noctty_none);
	KUNIT_EXPECT_EQ(test, r.noctty_gpgrp, -ENOTTY);
	KUNIT_EXPECT_EQ(test, r.sctty, 0);
	KUNIT_EXPECT_EQ(test, r.gpgrp, r.me);
	KUNIT_EXPECT_EQ(test, r.gsid, r.me);
	KUNIT_EXPECT_EQ(test, r.sctty_again, 0);
	KUNIT_EXPECT_EQ(test, r.devtty_open, 0);
	KUNIT_EXPECT_TRUE(test, r.same_tty);
	KUNIT_EXPECT_EQ(test, r.notty, 0);
	KUNIT_EXPECT_TRUE(test, r.after_notty_tty);
	KUNIT_EXPECT_EQ(test, r.devtty_enxio, -ENXIO);
	KUNIT_EXPECT_EQ(test, r.reopen_gpgrp, r.me);
	/* The leader exited with it as ctty: hung up; the runner's file is dead. */
	KUNIT_EXPECT_EQ(test, ktest_ttys[0]->session, 0);
	KUNIT_EXPECT_EQ(test, ktest_ttys[0]->pgrp, 0);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, write_str(f, "x"), -EIO);
	KUNIT_EXPECT_EQ(test, ioctl_int(f, TIOCGPGRP, 0, &n), -EIO);
	KUNIT_EXPECT_EQ(test, f->f_op->unlocked_ioctl(f, TIOCSPGRP, 0), -ENOTTY);
	KUNIT_EXPECT_TRUE(test, f->f_op->poll(f, NULL) & EPOLLHUP);
	/* A new open works again. */
	{
		struct file *g = filp_open(JC_TTY, O_RDWR | O_NONBLOCK, 0);

		KUNIT_EXPECT_FALSE(test, IS_ERR(g));
		if (!IS_ERR(g)) {
			type("ok\r");
			KUNIT_EXPECT_EQ(test, read_str(g, buf, sizeof(buf)), 3);
			filp_close(g, NULL);
		}
	}
	jc_close(test, f);
	expect_counts(test, before);
}

/* ---- ^C ^\ ^Z ------------------------------------------------------------------------ */

struct isig_target {
	struct completion ready;
	bool block_tstp;
	bool got_tstp;
	bool ctty;
};

static int isig_target_fn(void *arg)
{
	struct isig_target *t = arg;
	struct file *f;
	u64 until;

	do_setsid();
	if (t->block_tstp)
		block(SIGTSTP, true);
	f = filp_open(JC_TTY, O_RDWR, 0);
	if (IS_ERR(f))
		return 1;
	t->ctty = current->signal->tty == file_tty(f);
	complete(&t->ready);
	until = ktime_get_ns() + 20000000000ULL;
	while (!signal_pending(current) && !pending(SIGTSTP) && ktime_get_ns() < until)
		msleep(1);
	t->got_tstp = pending(SIGTSTP);
	if (t->got_tstp)
		drop_pending(SIGTSTP);
	leave_ctty(f);
	arch_do_signal_or_restart(NULL);	/* SIGINT/SIGQUIT: dies here */
	return 0;
}

static int isig_run(struct kunit *test, const char *keys, bool block_tstp, bool *got_tstp)
{
	static struct isig_target t;
	pid_t pid;

	memset(&t, 0, sizeof(t));
	init_completion(&t.ready);
	t.block_tstp = block_tstp;
	pid = user_mode_thread(isig_target_fn, &t, SIGCHLD);
	KUNIT_EXPECT_GT(test, pid, 1);
	if (pid <= 0)
		return -1;
	wait_for_completion(&t.ready);
	KUNIT_EXPECT_TRUE(test, t.ctty);
	type(keys);
	pid = reap(pid);
	if (got_tstp)
		*got_tstp = t.got_tstp;
	return pid;
}

static void jobctrl_isig(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = jc_open(test);
	bool tstp = false;
	char buf[16];

	if (!f)
		return;
	/* ^C: SIGINT to the foreground group, echoed, the line thrown away. */
	KUNIT_EXPECT_EQ(test, isig_run(test, "lost\003", false, NULL), SIGINT);
	KUNIT_EXPECT_STREQ(test, sink_buf, "lost^C");
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), -EAGAIN);
	/* ^\: SIGQUIT. */
	KUNIT_EXPECT_EQ(test, isig_run(test, "\034", false, NULL) & 0x7f, SIGQUIT);
	/* ^Z: SIGTSTP (blocked here, so that it stays to be seen). */
	KUNIT_EXPECT_EQ(test, isig_run(test, "\032", true, &tstp), 0);
	KUNIT_EXPECT_TRUE(test, tstp);
	jc_close(test, f);
	expect_counts(test, before);
}

/* ---- foreground and background groups ----------------------------------------------------- */

struct bg {
	struct completion a_ready, b_ready, go, b_done;
	struct file *f;
	pid_t a, b, runner;
	/* A, the session leader, in the foreground */
	long spgrp_neg, spgrp_none, spgrp_other, spgrp_b, gpgrp_b, spgrp_back;
	/* B, in the background */
	long read_ttin, ttin_pending, read_blocked, tcsets_ttou, ttou_pending, write_tostop;
	long tcsets_ignored, spgrp_fg, read_fg;
	/* A, now in the background, its group orphaned */
	long a_read_orphan, a_spgrp_orphan, winch;
};

static int bg_b(void *arg)
{
	struct bg *s = arg;
	struct termios t;
	char buf[8];
	loff_t pos;

	do_setpgid(0, 0);		/* a group of its own, in A's session */
	complete(&s->b_ready);
	wait_for_completion(&s->go);
	pos = 0;
	s->read_ttin = kernel_read(s->f, buf, sizeof(buf), &pos);
	s->ttin_pending = pending(SIGTTIN);
	drop_pending(SIGTTIN);
	block(SIGTTIN, true);
	pos = 0;
	s->read_blocked = kernel_read(s->f, buf, sizeof(buf), &pos);
	tty_kernel_ioctl(s->f, TCGETS, &t);
	s->tcsets_ttou = tty_kernel_ioctl(s->f, TCSETS, &t);
	s->ttou_pending = pending(SIGTTOU);
	drop_pending(SIGTTOU);
	pos = 0;
	s->write_tostop = kernel_write(s->f, "x", 1, &pos);	/* TOSTOP is set */
	drop_pending(SIGTTOU);
	/* What a shell does: SIGTTOU ignored, then tcsetpgrp. */
	kernel_sigaction(SIGTTOU, SIG_IGN);
	s->tcsets_ignored = tty_kernel_ioctl(s->f, TCSETS, &t);
	s->spgrp_fg = ioctl_int(s->f, TIOCSPGRP, current->tgid, NULL);
	block(SIGTTIN, false);
	type("in\r");
	pos = 0;
	s->read_fg = kernel_read(s->f, buf, sizeof(buf), &pos);
	complete(&s->b_done);
	return 0;
}

static int bg_a(void *arg)
{
	struct bg *s = arg;
	struct termios t;
	struct winsize ws = { 24, 80, 0, 0 };
	char buf[8];
	loff_t pos = 0;
	int v;

	do_setsid();
	s->a = current->tgid;
	s->f = filp_open(JC_TTY, O_RDWR | O_NONBLOCK, 0);
	if (IS_ERR(s->f))
		return 1;
	tty_kernel_ioctl(s->f, TCGETS, &t);
	t.c_lflag |= TOSTOP;
	tty_kernel_ioctl(s->f, TCSETS, &t);
	s->spgrp_neg = ioctl_int(s->f, TIOCSPGRP, -1, NULL);
	s->spgrp_none = ioctl_int(s->f, TIOCSPGRP, 0x7ffffff0, NULL);
	s->spgrp_other = ioctl_int(s->f, TIOCSPGRP, s->runner, NULL);	/* another session */
	s->b = user_mode_thread(bg_b, s, SIGCHLD);
	if (s->b > 0) {
		wait_for_completion(&s->b_ready);
		s->spgrp_b = ioctl_int(s->f, TIOCSPGRP, s->b, NULL);
		s->gpgrp_b = ioctl_int(s->f, TIOCGPGRP, 0, &v) ?: v;
		/* Back to A's own group for B's background tests: A is in the background now. */
		kernel_sigaction(SIGTTOU, SIG_IGN);
		s->spgrp_back = ioctl_int(s->f, TIOCSPGRP, s->a, NULL);
		kernel_sigaction(SIGTTOU, SIG_DFL);
		complete(&s->go);
		wait_for_completion(&s->b_done);
		/* B took the foreground: A's group is orphaned (its parent is in another session). */
		s->a_read_orphan = kernel_read(s->f, buf, sizeof(buf), &pos);
		s->a_spgrp_orphan = ioctl_int(s->f, TIOCSPGRP, s->a, NULL);
		/* SIGWINCH goes to the foreground group, B: not to A. */
		block(SIGWINCH, true);
		tty_kernel_ioctl(s->f, TIOCSWINSZ, &ws);
		s->winch = pending(SIGWINCH);
		reap(s->b);
	}
	leave_ctty(s->f);
	return 0;
}

static void jobctrl_background(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = jc_open(test);
	static struct bg s;

	if (!f)
		return;
	memset(&s, 0, sizeof(s));
	init_completion(&s.a_ready);
	init_completion(&s.b_ready);
	init_completion(&s.go);
	init_completion(&s.b_done);
	s.runner = current->tgid;
	KUNIT_EXPECT_EQ(test, reap(user_mode_thread(bg_a, &s, SIGCHLD)), 0);
	KUNIT_EXPECT_EQ(test, s.spgrp_neg, -EINVAL);
	KUNIT_EXPECT_EQ(test, s.spgrp_none, -ESRCH);
	KUNIT_EXPECT_EQ(test, s.spgrp_other, -EPERM);
	KUNIT_EXPECT_EQ(test, s.spgrp_b, 0);
	KUNIT_EXPECT_EQ(test, s.gpgrp_b, s.b);
	KUNIT_EXPECT_EQ(test, s.spgrp_back, 0);
	/* B in the background: SIGTTIN for a read, -EIO once it is blocked. */
	KUNIT_EXPECT_EQ(test, s.read_ttin, -ERESTARTSYS);
	KUNIT_EXPECT_TRUE(test, s.ttin_pending);
	KUNIT_EXPECT_EQ(test, s.read_blocked, -EIO);
	/* TCSETS and (TOSTOP) write: SIGTTOU; ignored, it lets them through. */
	KUNIT_EXPECT_EQ(test, s.tcsets_ttou, -ERESTARTSYS);
	KUNIT_EXPECT_TRUE(test, s.ttou_pending);
	KUNIT_EXPECT_EQ(test, s.write_tostop, -ERESTARTSYS);
	KUNIT_EXPECT_EQ(test, s.tcsets_ignored, 0);
	KUNIT_EXPECT_EQ(test, s.spgrp_fg, 0);
	KUNIT_EXPECT_EQ(test, s.read_fg, 3);
	/* A in an orphaned background group: -EIO, and TIOCSPGRP says -ENOTTY. */
	KUNIT_EXPECT_EQ(test, s.a_read_orphan, -EIO);
	KUNIT_EXPECT_EQ(test, s.a_spgrp_orphan, -ENOTTY);
	KUNIT_EXPECT_FALSE(test, s.winch);
	jc_close(test, f);
	expect_counts(test, before);
}

/* ---- stealing, SIGWINCH ---------------------------------------------------------------- */

struct steal {
	struct completion a_ready, a_go;
	pid_t a;
	long b_steal0, b_steal1, a_lost, b_winch, b_same_winch;
};

static int steal_a(void *arg)
{
	struct steal *s = arg;
	struct file *f;

	do_setsid();
	f = filp_open(JC_TTY, O_RDWR, 0);
	if (IS_ERR(f))
		return 1;
	complete(&s->a_ready);
	wait_for_completion(&s->a_go);
	s->a_lost = current->signal->tty == NULL;
	filp_close(f, NULL);
	return 0;
}

static int steal_b(void *arg)
{
	struct steal *s = arg;
	struct winsize ws = { 30, 90, 0, 0 };
	struct file *f;

	do_setsid();
	f = filp_open(JC_TTY, O_RDWR, 0);	/* A has it: not ours */
	if (IS_ERR(f))
		return 1;
	s->b_steal0 = tty_kernel_ioctl(f, TIOCSCTTY, (void *)0);
	s->b_steal1 = tty_kernel_ioctl(f, TIOCSCTTY, (void *)1);
	block(SIGWINCH, true);
	tty_kernel_ioctl(f, TIOCSWINSZ, &ws);
	s->b_winch = pending(SIGWINCH);
	drop_pending(SIGWINCH);
	tty_kernel_ioctl(f, TIOCSWINSZ, &ws);	/* the same size: no signal */
	s->b_same_winch = pending(SIGWINCH);
	leave_ctty(f);
	return 0;
}

static void jobctrl_steal(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f = jc_open(test);
	static struct steal s;
	pid_t a;

	if (!f)
		return;
	memset(&s, 0, sizeof(s));
	init_completion(&s.a_ready);
	init_completion(&s.a_go);
	a = user_mode_thread(steal_a, &s, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, a > 1);
	wait_for_completion(&s.a_ready);
	KUNIT_EXPECT_EQ(test, reap(user_mode_thread(steal_b, &s, SIGCHLD)), 0);
	complete(&s.a_go);
	KUNIT_EXPECT_EQ(test, reap(a), 0);
	KUNIT_EXPECT_EQ(test, s.b_steal0, -EPERM);
	KUNIT_EXPECT_EQ(test, s.b_steal1, 0);
	KUNIT_EXPECT_TRUE(test, s.a_lost);
	KUNIT_EXPECT_TRUE(test, s.b_winch);
	KUNIT_EXPECT_FALSE(test, s.b_same_winch);
	jc_close(test, f);
	expect_counts(test, before);
}

/* ---- /dev/console survives the hangup ---------------------------------------------------- */

#define JC_TTYS0 TTY_TEST_DIR "/ttyS0"

static int console_leader(void *arg)
{
	struct file *f;

	do_setsid();
	f = filp_open(JC_TTYS0, O_RDWR | O_NONBLOCK, 0);
	if (IS_ERR(f))
		return 1;
	*(bool *)arg = current->signal->tty == file_tty(f);
	filp_close(f, NULL);
	return 0;	/* exits with ttyS0 as its ctty: hung up */
}

/*
 * A session on ttyS0 ends: its files are hung up, but not those opened as
 * /dev/console on the same tty (init's fds 0-2), as Linux spares its
 * console_fops files; and /dev/console never makes a ctty.
 */
static void jobctrl_console_hangup(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *con, *ttys;
	struct termios t;
	bool ctty = false;

	if (!setup_dir(test))
		return;
	KUNIT_EXPECT_EQ(test, init_mknod(JC_TTYS0, S_IFCHR | 0666,
					 new_encode_dev(MKDEV(TTY_MAJOR, 64))), 0);
	con = open_node(test, "console", TTYAUX_MAJOR, 1, O_RDWR | O_NONBLOCK);
	ttys = filp_open(JC_TTYS0, O_RDWR | O_NONBLOCK, 0);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(con) && !IS_ERR(ttys));
	if (file_tty(con) == file_tty(ttys) && !file_tty(ttys)->session) {
		KUNIT_EXPECT_EQ(test, reap(user_mode_thread(console_leader, &ctty, SIGCHLD)), 0);
		KUNIT_EXPECT_TRUE(test, ctty);
		KUNIT_EXPECT_TRUE(test, ttys->f_op->poll(ttys, NULL) & EPOLLHUP);
		KUNIT_EXPECT_EQ(test, write_str(ttys, "x"), -EIO);
		KUNIT_EXPECT_FALSE(test, con->f_op->poll(con, NULL) & EPOLLHUP);
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(con, TCGETS, &t), 0);
		KUNIT_EXPECT_EQ(test, write_str(con, "# jobctrl: /dev/console still writes\n"), 37);
	} else {
		kunit_skip(test, "/dev/console is not ttyS0, or ttyS0 has a session");
	}
	filp_close(ttys, NULL);
	filp_close(con, NULL);
	KUNIT_EXPECT_EQ(test, init_unlink(JC_TTYS0), 0);
	remove_dir(test);
	expect_counts(test, before);
}

static struct kunit_case jobctrl_cases[] = {
	KUNIT_CASE(jobctrl_ctty),
	KUNIT_CASE(jobctrl_isig),
	KUNIT_CASE(jobctrl_background),
	KUNIT_CASE(jobctrl_steal),
	KUNIT_CASE(jobctrl_console_hangup),
	{}
};

static struct kunit_suite jobctrl_suite = {
	.name = "tty.jobctrl",
	.test_cases = jobctrl_cases,
};
kunit_test_suite(jobctrl_suite);
