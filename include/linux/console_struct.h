/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A virtual console's state and the low-level console driver under it
 * (Linux: struct vc_data in include/linux/console_struct.h, struct consw
 * in include/linux/console.h). drivers/tty/vt/vt.c interprets what is
 * written (control characters, escape sequences) and calls the consw
 * (drivers/video/console/vgacon.c) to put cells on the screen.
 */
#ifndef _LINUX_CONSOLE_STRUCT_H
#define _LINUX_CONSOLE_STRUCT_H

#include <linux/tty.h>
#include <linux/types.h>

#define NPAR 16

struct vc_data;

struct consw {
	const char *(*con_startup)(void);	/* NULL: no such hardware */
	void (*con_init)(struct vc_data *vc);
	/* Cells: a character in the low byte, its attribute in the high byte. */
	void (*con_putc)(struct vc_data *vc, u16 ca, unsigned int y, unsigned int x);
	/* count cells from (y, x) on, wrapping to the next rows, set to blanks. */
	void (*con_clear)(struct vc_data *vc, unsigned int y, unsigned int x, unsigned int count);
	/* Move rows top..bottom-1 up by lines (Linux: SM_UP), clearing the freed rows. */
	void (*con_scroll)(struct vc_data *vc, unsigned int top, unsigned int bottom,
			   unsigned int lines);
	void (*con_cursor)(struct vc_data *vc, bool show);
	u16 (*con_getc)(struct vc_data *vc, unsigned int y, unsigned int x);
};

struct vc_data {
	unsigned int vc_num;
	unsigned int vc_cols, vc_rows;
	unsigned int vc_x, vc_y;		/* the cursor */
	unsigned int vc_saved_x, vc_saved_y;
	u8 vc_attr, vc_def_attr;		/* VGA attribute: bg << 4 | fg */
	u8 vc_color;				/* colour before reverse/bold */
	bool vc_reverse, vc_intensity;
	bool vc_need_wrap;			/* the last column was written: wrap before the next */
	bool vc_cursor_visible;
	unsigned int vc_state;			/* escape-sequence parser state */
	unsigned int vc_npar;
	unsigned int vc_par[NPAR];
	bool vc_ques;
	const struct consw *vc_sw;
	struct tty_port port;
};

extern const struct consw vga_con;
extern struct vc_data vc_cons[1];

/* drivers/tty/vt/vt.c: write bytes as a tty write would (takes the console lock). */
void vt_write_kernel(struct vc_data *vc, const u8 *buf, size_t count);
/* drivers/tty/vt/keyboard.c: one byte from the keyboard controller (scancode set 1). */
void kbd_receive_scancode(u8 data);
void kbd_reset_state(void);
int kbd_init(void);
/* drivers/input/serio/i8042.c */
int i8042_init(void);

#endif /* _LINUX_CONSOLE_STRUCT_H */
