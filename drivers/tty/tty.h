/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the tty core's files share among themselves (Linux: drivers/tty/tty.h).
 */
#ifndef _DRIVERS_TTY_TTY_H
#define _DRIVERS_TTY_TTY_H

#include <linux/tty.h>

#ifndef ENOIOCTLCMD
#define ENOIOCTLCMD 515		/* no layer knows the command: -ENOTTY to user space */
#endif

/*
 * tty_io.c: guards the driver list, every driver's ttys[], each tty's
 * count and tty_files, and every signal->tty that is set (a tty is freed
 * only under it, after every signal->tty naming it was cleared).
 */
extern struct mutex tty_mutex;

/* tty_io.c: opened as /dev/console: never hung up, no SIGTTIN/SIGTTOU (Linux: console_fops). */
bool tty_is_console_file(struct file *filp);
/* tty_io.c: the file was hung up (its f_op is hung_up_tty_fops). */
bool tty_hung_up_p(struct file *filp);
/* tty_io.c: hang tty up (Linux: __tty_hangup): every open file reads 0, writes -EIO. */
void tty_hangup_locked(struct tty_struct *tty);

/* tty_jobctrl.c */
/* tty_open(): a session leader without a ctty opening a tty nobody owns takes it. */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
/* release_tty(): the tty is going away; nobody keeps it as ctty. Under tty_mutex. */
void tty_clear_ctty_refs(struct tty_struct *tty);
/* n_tty_read(): a background reader gets SIGTTIN (Linux: job_control in n_tty.c). */
int tty_job_control(struct tty_struct *tty, struct file *file);
/* The caller's ctty, for /dev/tty; under tty_mutex. */
struct tty_struct *get_current_tty_locked(void);
int tty_signal_init(void);

#endif /* _DRIVERS_TTY_TTY_H */
