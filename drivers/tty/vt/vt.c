// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console: a terminal on the VGA text screen, fed by the PS/2
 * keyboard (Linux: drivers/tty/vt/vt.c — do_con_write(), the escape
 * parser do_con_trol(), csi_J/csi_K/csi_m, lf/cr/bs, con_install,
 * vt_console_print, vty_init/con_init).
 *
 * One console, tty1 (4, 1); tty0 (4, 0) opens it too, as the foreground
 * console. What is written is interpreted as Linux's console does for
 * the common part of a VT102: BS, HT (every 8 columns), LF/VT/FF, CR, BEL
 * (ignored), ESC 7/8 (save/restore the cursor), ESC D/E/M/c, and CSI
 * sequences A B C D E F G d H f (cursor moves), J and K (erase display,
 * line), m (SGR: bold, reverse, the 8 colours and defaults); others are
 * parsed and ignored. The cursor wraps lazily at the last column (Linux's
 * vc_need_wrap) and the screen scrolls at the bottom.
 *
 * With console=tty0 (or ttyN) the console also registers as a printk
 * console (vt_console_print, CON_PRINTBUFFER: the log so far is shown),
 * and /dev/console opens tty1 when that console= comes last. All screen
 * updates run under the console lock (printk's lock), so printk lines
 * and tty output never interleave mid-chunk; vt_console_print already
 * runs under it.
 *
 * Left out: more consoles and switching between them (Alt-Fn), scrollback,
 * Unicode/UTF-8 to CP437 translation (bytes >= 0x80 go to the screen as
 * they are), insert/delete of characters and lines, scrolling regions,
 * DEC private modes, the VT ioctls (KDGKBMODE, VT_ACTIVATE ...), and the
 * console blanking timer.
 */
#include <linux/console.h>
#include <linux/console_struct.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/tty.h>

#include "../tty.h"

struct vc_data vc_cons[1];
static struct tty_struct *vt_ttys[1];
static struct tty_port *vt_ports[1];

enum { ESnormal, ESesc, ESsquare, ESgetpars };

/* ANSI colour numbers to VGA's (which has blue and red swapped, and so on). */
static const u8 color_table[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

static void update_attr(struct vc_data *vc)
{
	u8 fg = vc->vc_color & 0x0f, bg = vc->vc_color >> 4;

	if (vc->vc_intensity)
		fg |= 0x08;
	if (vc->vc_reverse)
		vc->vc_attr = (fg & 0x07) << 4 | bg | (fg & 0x08);
	else
		vc->vc_attr = bg << 4 | fg;
}

static void default_attr(struct vc_data *vc)
{
	vc->vc_color = vc->vc_def_attr;
	vc->vc_intensity = false;
	vc->vc_reverse = false;
	update_attr(vc);
}

static void gotoxy(struct vc_data *vc, int x, int y)
{
	vc->vc_x = clamp(x, 0, (int)vc->vc_cols - 1);
	vc->vc_y = clamp(y, 0, (int)vc->vc_rows - 1);
	vc->vc_need_wrap = false;
}

static void lf(struct vc_data *vc)
{
	if (vc->vc_y + 1 == vc->vc_rows)
		vc->vc_sw->con_scroll(vc, 0, vc->vc_rows, 1);
	else
		vc->vc_y++;
	vc->vc_need_wrap = false;
}

/* Reverse index: up a row, scrolling down at the top. */
static void ri(struct vc_data *vc)
{
	if (vc->vc_y) {
		vc->vc_y--;
	} else {
		for (unsigned int y = vc->vc_rows - 1; y > 0; y--)
			for (unsigned int x = 0; x < vc->vc_cols; x++)
				vc->vc_sw->con_putc(vc, vc->vc_sw->con_getc(vc, y - 1, x), y, x);
		vc->vc_sw->con_clear(vc, 0, 0, vc->vc_cols);
	}
	vc->vc_need_wrap = false;
}

static void cr(struct vc_data *vc)
{
	vc->vc_x = 0;
	vc->vc_need_wrap = false;
}

static void bs(struct vc_data *vc)
{
	if (vc->vc_x) {
		vc->vc_x--;
		vc->vc_need_wrap = false;
	}
}

static void reset_terminal(struct vc_data *vc)
{
	vc->vc_state = ESnormal;
	vc->vc_ques = false;
	default_attr(vc);
	vc->vc_sw->con_clear(vc, 0, 0, vc->vc_cols * vc->vc_rows);
	gotoxy(vc, 0, 0);
	vc->vc_saved_x = vc->vc_saved_y = 0;
}

static void csi_J(struct vc_data *vc, unsigned int vpar)
{
	unsigned int pos = vc->vc_y * vc->vc_cols + vc->vc_x;

	switch (vpar) {
	case 0:		/* cursor to end of screen */
		vc->vc_sw->con_clear(vc, vc->vc_y, vc->vc_x, vc->vc_cols * vc->vc_rows - pos);
		break;
	case 1:		/* start of screen to cursor */
		vc->vc_sw->con_clear(vc, 0, 0, pos + 1);
		break;
	case 2:
	case 3:
		vc->vc_sw->con_clear(vc, 0, 0, vc->vc_cols * vc->vc_rows);
		break;
	}
	vc->vc_need_wrap = false;
}

static void csi_K(struct vc_data *vc, unsigned int vpar)
{
	switch (vpar) {
	case 0:
		vc->vc_sw->con_clear(vc, vc->vc_y, vc->vc_x, vc->vc_cols - vc->vc_x);
		break;
	case 1:
		vc->vc_sw->con_clear(vc, vc->vc_y, 0, vc->vc_x + 1);
		break;
	case 2:
		vc->vc_sw->con_clear(vc, vc->vc_y, 0, vc->vc_cols);
		break;
	}
	vc->vc_need_wrap = false;
}

static void csi_m(struct vc_data *vc)
{
	for (unsigned int i = 0; i <= vc->vc_npar; i++) {
		unsigned int p = vc->vc_par[i];

		if (p == 0) {
			default_attr(vc);
		} else if (p == 1) {
			vc->vc_intensity = true;
		} else if (p == 22) {
			vc->vc_intensity = false;
		} else if (p == 7) {
			vc->vc_reverse = true;
		} else if (p == 27) {
			vc->vc_reverse = false;
		} else if (p >= 30 && p <= 37) {
			vc->vc_color = (vc->vc_color & 0xf0) | color_table[p - 30];
		} else if (p == 39) {
			vc->vc_color = (vc->vc_color & 0xf0) | (vc->vc_def_attr & 0x0f);
		} else if (p >= 40 && p <= 47) {
			vc->vc_color = (vc->vc_color & 0x0f) | color_table[p - 40] << 4;
		} else if (p == 49) {
			vc->vc_color = (vc->vc_color & 0x0f) | (vc->vc_def_attr & 0xf0);
		}
	}
	update_attr(vc);
}

/* Cursor-movement counts: 0 or missing means 1. */
static unsigned int par1(struct vc_data *vc, unsigned int i)
{
	return vc->vc_par[i] ? vc->vc_par[i] : 1;
}

static void do_csi(struct vc_data *vc, u8 c)
{
	int x = vc->vc_x, y = vc->vc_y;

	if (vc->vc_ques)
		return;		/* DEC private modes (?25l ...): ignored */
	switch (c) {
	case 'A':
		gotoxy(vc, x, y - par1(vc, 0));
		break;
	case 'B':
	case 'e':
		gotoxy(vc, x, y + par1(vc, 0));
		break;
	case 'C':
	case 'a':
		gotoxy(vc, x + par1(vc, 0), y);
		break;
	case 'D':
		gotoxy(vc, x - par1(vc, 0), y);
		break;
	case 'E':
		gotoxy(vc, 0, y + par1(vc, 0));
		break;
	case 'F':
		gotoxy(vc, 0, y - par1(vc, 0));
		break;
	case 'G':
	case '`':
		gotoxy(vc, par1(vc, 0) - 1, y);
		break;
	case 'd':
		gotoxy(vc, x, par1(vc, 0) - 1);
		break;
	case 'H':
	case 'f':
		gotoxy(vc, par1(vc, 1) - 1, par1(vc, 0) - 1);
		break;
	case 'J':
		csi_J(vc, vc->vc_par[0]);
		break;
	case 'K':
		csi_K(vc, vc->vc_par[0]);
		break;
	case 'm':
		csi_m(vc);
		break;
	case 's':
		vc->vc_saved_x = vc->vc_x;
		vc->vc_saved_y = vc->vc_y;
		break;
	case 'u':
		gotoxy(vc, vc->vc_saved_x, vc->vc_saved_y);
		break;
	}
}

/* Under the console lock: one byte (Linux: do_con_write's loop and do_con_trol). */
static void vt_do_char(struct vc_data *vc, u8 c)
{
	switch (c) {
	case 0:
		return;
	case 7:		/* BEL: no speaker */
		return;
	case 8:
		bs(vc);
		return;
	case 9:
		vc->vc_x = min((vc->vc_x | 7) + 1, vc->vc_cols - 1);
		vc->vc_need_wrap = false;
		return;
	case 10:
	case 11:
	case 12:
		lf(vc);
		return;
	case 13:
		cr(vc);
		return;
	case 24:
	case 26:
		vc->vc_state = ESnormal;
		return;
	case 27:
		vc->vc_state = ESesc;
		return;
	}
	switch (vc->vc_state) {
	case ESesc:
		vc->vc_state = ESnormal;
		switch (c) {
		case '[':
			vc->vc_state = ESsquare;
			break;
		case 'c':
			reset_terminal(vc);
			break;
		case 'D':
			lf(vc);
			break;
		case 'E':
			cr(vc);
			lf(vc);
			break;
		case 'M':
			ri(vc);
			break;
		case '7':
			vc->vc_saved_x = vc->vc_x;
			vc->vc_saved_y = vc->vc_y;
			break;
		case '8':
			gotoxy(vc, vc->vc_saved_x, vc->vc_saved_y);
			break;
		}
		return;
	case ESsquare:
		memset(vc->vc_par, 0, sizeof(vc->vc_par));
		vc->vc_npar = 0;
		vc->vc_state = ESgetpars;
		vc->vc_ques = c == '?';
		if (vc->vc_ques)
			return;
		fallthrough;
	case ESgetpars:
		if (c == ';' && vc->vc_npar < NPAR - 1) {
			vc->vc_npar++;
			return;
		}
		if (c >= '0' && c <= '9') {
			vc->vc_par[vc->vc_npar] = min(vc->vc_par[vc->vc_npar] * 10 + (c - '0'), 9999u);
			return;
		}
		if (c >= 0x20 && c < 0x40)
			return;		/* other parameter/intermediate bytes */
		vc->vc_state = ESnormal;
		do_csi(vc, c);
		return;
	}
	if (c < 0x20 || c == 0x7f)
		return;		/* other control characters show nothing */
	if (vc->vc_need_wrap) {
		cr(vc);
		lf(vc);
	}
	vc->vc_sw->con_putc(vc, (u16)vc->vc_attr << 8 | c, vc->vc_y, vc->vc_x);
	if (vc->vc_x + 1 == vc->vc_cols)
		vc->vc_need_wrap = true;
	else
		vc->vc_x++;
}

static void vt_write_locked(struct vc_data *vc, const u8 *buf, size_t count)
{
	for (size_t i = 0; i < count; i++)
		vt_do_char(vc, buf[i]);
	vc->vc_sw->con_cursor(vc, true);
}

void vt_write_kernel(struct vc_data *vc, const u8 *buf, size_t count)
{
	unsigned long flags;

	if (!vc->vc_sw)
		return;
	flags = console_lock_irqsave();
	vt_write_locked(vc, buf, count);
	console_unlock_irqrestore(flags);
}

/* ---- the tty driver ------------------------------------------------------------- */

static ssize_t con_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	vt_write_kernel(tty->driver_data, buf, count);
	return count;
}

static int con_install(struct tty_driver *driver, struct tty_struct *tty)
{
	struct vc_data *vc = &vc_cons[tty->index];

	tty->driver_data = vc;
	tty->winsize.ws_row = vc->vc_rows;
	tty->winsize.ws_col = vc->vc_cols;
	return 0;
}

/*
 * Linux: vt_ioctl(). Only VT_GETSTATE: the active console (always tty1),
 * and which are in use (bit 0 is tty0, always open). The rest of vt.h's
 * commands (VT_ACTIVATE, KDSETMODE...) go on to -ENOTTY.
 */
static int con_ioctl(struct tty_struct *tty, unsigned int cmd, void *karg)
{
	struct vt_stat *vtstat = karg;

	switch (cmd) {
	case VT_GETSTATE:
		vtstat->v_active = tty->index + 1;
		vtstat->v_signal = 0;
		vtstat->v_state = 1 | (vt_ttys[0] ? 1 << 1 : 0);
		return 0;
	default:
		return -ENOIOCTLCMD;
	}
}

static const struct tty_operations con_ops = {
	.install = con_install,
	.write = con_write,
	.ioctl = con_ioctl,
};

/* ops is set by vty_init(), once the screen exists: console_device() checks it. */
struct tty_driver console_driver = {
	.driver_name = "vt",
	.name = "tty",
	.name_base = 1,
	.major = TTY_MAJOR,
	.minor_start = 1,
	.num = 1,
	.ttys = vt_ttys,
	.ports = vt_ports,
};

/* ---- the printk console ------------------------------------------------------- */

/* Under printk's lock already. "\n" is a new line; nothing else is interpreted but CR/BS. */
static void vt_console_print(struct console *co, const char *s, unsigned int count)
{
	struct vc_data *vc = &vc_cons[0];

	for (unsigned int i = 0; i < count; i++) {
		u8 c = s[i];

		if (c == '\n') {
			cr(vc);
			lf(vc);
		} else if (c == '\r' || c == '\b' || c == '\t') {
			vt_do_char(vc, c);
		} else if (c >= 0x20) {
			u8 state = vc->vc_state;

			vc->vc_state = ESnormal;
			vt_do_char(vc, c);
			vc->vc_state = state;
		}
	}
	vc->vc_sw->con_cursor(vc, true);
}

static struct tty_driver *vt_console_device(struct console *co, int *index)
{
	*index = 0;
	return &console_driver;
}

static struct console vt_console_driver = {
	.name = "tty",
	.write = vt_console_print,
	.device = vt_console_device,
	.flags = CON_PRINTBUFFER,
	.index = 0,
};

int vty_init(void)
{
	struct vc_data *vc = &vc_cons[0];
	unsigned long flags;
	const char *display = vga_con.con_startup();
	int ret;

	if (!display)
		return -ENODEV;
	flags = console_lock_irqsave();
	vc->vc_num = 0;
	vc->vc_sw = &vga_con;
	vc->vc_sw->con_init(vc);
	vc->vc_def_attr = 0x07;		/* light grey on black */
	reset_terminal(vc);
	vc->vc_sw->con_cursor(vc, true);
	console_unlock_irqrestore(flags);
	pr_info("Console: colour %s %ux%u\n", display, vc->vc_cols, vc->vc_rows);

	tty_port_init(&vc->port);
	tty_port_link_device(&vc->port, &console_driver, 0);
	console_driver.init_termios = tty_std_termios;
	console_driver.init_termios.c_iflag |= IUTF8;	/* as Linux's vt (default_utf8) */
	console_driver.ops = &con_ops;
	ret = tty_register_driver(&console_driver);
	if (ret) {
		console_driver.ops = NULL;
		return ret;
	}
	if (vt_console_wanted())
		register_console(&vt_console_driver);
	ret = kbd_init();
	if (ret)
		pr_warn("keyboard: %d\n", ret);
	return 0;
}
