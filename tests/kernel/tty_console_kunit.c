// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the consoles behind the tty layer: ttyS0 and /dev/console
 * (drivers/tty/serial/8250_tty.c, tty_io.c's console_device()), the VGA
 * text console (drivers/tty/vt/vt.c, drivers/video/console/vgacon.c), the
 * keyboard (drivers/tty/vt/keyboard.c, drivers/input/serio/i8042.c) and
 * printk's consoles (register_console() in kernel/printk.c).
 *
 * Input comes through each device's own receive path: serial_rx_push(),
 * which the UART interrupt calls; kbd_receive_scancode(), which the i8042
 * interrupt calls; and the i8042 itself (its 0xd2 command puts a byte in
 * the controller as if the keyboard sent it, raising IRQ 1). The screen
 * is checked in the 0xb8000 text buffer and the CRTC's cursor registers,
 * which QEMU has even with -display none. Echoes on ttyS0 go to the
 * serial log, so what these cases type there are KTAP comment lines.
 */
#include <asm/io.h>
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/console_struct.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/serial.h>
#include <linux/string.h>
#include <linux/tty.h>

#include "tty_test.h"

/* ---- /dev/console and ttyS0 ----------------------------------------------------------- */

static struct tty_struct *serial_tty_before;

static void tty_console_serial(struct kunit *test)
{
	static const char typed[] = "# tty_kunit: a line typed at the serial console";
	struct counts before = counts_now();
	struct file *con, *ttys;
	struct termios t;
	struct winsize ws = { 1, 1, 1, 1 };
	char buf[96];

	if (!setup_dir(test))
		return;
	serial_tty_before = serial8250_tty_driver.ttys[0];
	con = open_node(test, "console", TTYAUX_MAJOR, 1, O_RDWR | O_NONBLOCK);
	ttys = open_node(test, "ttyS0", TTY_MAJOR, 64, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(con) && !IS_ERR(ttys));
	/* /dev/console is the last console='s tty: ttyS0 unless console=tty0 came last. */
	{
		int index;

		if (console_device(&index) == &serial8250_tty_driver)
			KUNIT_EXPECT_TRUE(test, file_tty(con) == file_tty(ttys));
		else
			KUNIT_EXPECT_STREQ(test, file_tty(con)->name, "tty1");
	}
	KUNIT_EXPECT_STREQ(test, file_tty(ttys)->name, "ttyS0");
	/* Linux's values on ttyS0 under QEMU (a static program's TCGETS there). */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_iflag, 02400);
	KUNIT_EXPECT_EQ(test, t.c_oflag, 05);
	KUNIT_EXPECT_EQ(test, t.c_cflag, 06275);
	KUNIT_EXPECT_EQ(test, t.c_lflag, 0105073);
	KUNIT_EXPECT_EQ(test, t.c_line, 0);
	{
		static const u8 cc[NCCS] = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15,
					     23, 22, 0, 0, 0 };

		KUNIT_EXPECT_TRUE(test, !memcmp(t.c_cc, cc, NCCS));
	}
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TIOCGWINSZ, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 0);	/* Linux's ttyS0: 0x0 */
	KUNIT_EXPECT_EQ(test, ws.ws_col, 0);
	KUNIT_EXPECT_EQ(test, ws.ws_xpixel, 0);
	/* What cttyhack asks fd 0: a serial port, line 0 (so /dev/ttyS0); not a VT. */
	{
		struct serial_struct ss;
		struct vt_stat vs;

		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(con, TIOCGSERIAL, &ss),
				console_device(&(int){ 0 }) == &serial8250_tty_driver ? 0 : -ENOTTY);
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TIOCGSERIAL, &ss), 0);
		KUNIT_EXPECT_EQ(test, ss.line, 0);
		KUNIT_EXPECT_EQ(test, ss.port, 0x3f8);
		KUNIT_EXPECT_EQ(test, ss.irq, 4);
		KUNIT_EXPECT_EQ(test, ss.type, PORT_16550A);
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, VT_GETSTATE, &vs), -ENOTTY);
		/* The console is nobody's controlling terminal by opening it. */
		KUNIT_EXPECT_TRUE(test, current->signal->tty != file_tty(ttys));
	}

	/* Typed through the UART's receive path; the echo is a KTAP comment line. */
	/* Whatever someone typed at the console, whole lines or not. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(ttys, TCFLSH, (void *)TCIFLUSH), 0);
	KUNIT_EXPECT_EQ(test, read_str(ttys, buf, sizeof(buf)), -EAGAIN);
	for (const char *p = typed; *p; p++)
		serial_rx_push(*p);
	serial_rx_push('\r');
	KUNIT_EXPECT_EQ(test, read_str(ttys, buf, sizeof(buf)), sizeof(typed));
	KUNIT_EXPECT_TRUE(test, !strncmp(buf, typed, sizeof(typed) - 1));
	KUNIT_EXPECT_EQ(test, buf[sizeof(typed) - 1], '\n');
	/* A write (processed by n_tty, then the UART): also a KTAP comment. */
	{
		static const char msg[] = "# tty_kunit: written to /dev/console\n";

		KUNIT_EXPECT_EQ(test, write_str(con, msg), sizeof(msg) - 1);
	}
	KUNIT_EXPECT_EQ(test, vfs_llseek(con, 0, SEEK_SET), -ESPIPE);
	filp_close(con, NULL);
	filp_close(ttys, NULL);
	/* PID 1 holds /dev/console open (fds 0-2): the tty lives on, or is freed with our close. */
	KUNIT_EXPECT_TRUE(test, serial8250_tty_driver.ttys[0] == serial_tty_before);
	if (!serial_tty_before)
		serial_rx_push('x');	/* closed: dropped, as Linux drops it */
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- the VGA console ------------------------------------------------------------------- */

static u16 vga_cell(unsigned int y, unsigned int x)
{
	return vc_cons[0].vc_sw->con_getc(&vc_cons[0], y, x);
}

static bool vga_row_is(unsigned int y, const char *s)
{
	for (unsigned int x = 0; x < 80; x++) {
		char want = *s ? *s++ : ' ';

		if ((vga_cell(y, x) & 0xff) != (u8)want)
			return false;
	}
	return true;
}

static unsigned int crtc_cursor(void)
{
	unsigned int pos;

	outb(0x0e, 0x3d4);
	pos = inb(0x3d5) << 8;
	outb(0x0f, 0x3d4);
	return pos | inb(0x3d5);
}

static void tty_vga(struct kunit *test)
{
	struct counts before = counts_now();
	struct file *f;
	struct winsize ws;
	struct termios t;
	char line[16];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (vt_console_wanted()) {
		kunit_skip(test, "console=tty0: the kernel log writes to the screen too");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	KUNIT_EXPECT_STREQ(test, file_tty(f)->name, "tty1");
	{
		struct serial_struct ss;
		struct vt_stat vs;

		/* A VT: VT_GETSTATE says tty1 is active and in use; no serial port. */
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, VT_GETSTATE, &vs), 0);
		KUNIT_EXPECT_EQ(test, vs.v_active, 1);
		KUNIT_EXPECT_EQ(test, vs.v_state, 3);
		KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGSERIAL, &ss), -ENOTTY);
	}
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TIOCGWINSZ, &ws), 0);
	KUNIT_EXPECT_EQ(test, ws.ws_row, 25);
	KUNIT_EXPECT_EQ(test, ws.ws_col, 80);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	KUNIT_EXPECT_EQ(test, t.c_iflag, 042400);	/* Linux's tty1: IUTF8 too */
	KUNIT_EXPECT_EQ(test, t.c_cflag, 02277);

	/* Clear, home, two lines; the text lands in the 0xb8000 buffer. */
	KUNIT_EXPECT_EQ(test, write_str(f, "\033[H\033[2Jhello\nworld"), 18);
	KUNIT_EXPECT_TRUE(test, vga_row_is(0, "hello"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(1, "world"));
	KUNIT_EXPECT_EQ(test, vga_cell(0, 0), 0x0700 | 'h');	/* light grey on black */
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 80 + 5);	/* after "world" */
	/* Backspace, carriage return, erase to end of line, colours. */
	write_str(f, "\b\bX\rW\033[K\033[1;31mR\033[0m");
	KUNIT_EXPECT_TRUE(test, vga_row_is(1, "WR"));
	KUNIT_EXPECT_EQ(test, vga_cell(1, 1), 0x0c00 | 'R');	/* bright red */
	/* A full screen and more: it scrolls, the last line at the bottom. */
	for (int i = 0; i < 30; i++) {
		snprintf(line, sizeof(line), "\nrow %d", i);
		write_str(f, line);
	}
	KUNIT_EXPECT_TRUE(test, vga_row_is(24, "row 29"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(23, "row 28"));
	KUNIT_EXPECT_TRUE(test, vga_row_is(0, "row 5"));
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 24 * 80 + 6);
	/* Writing the last column wraps only when the next character comes. */
	write_str(f, "\033[25;80Ha");
	KUNIT_EXPECT_EQ(test, vga_cell(24, 79) & 0xff, 'a');
	KUNIT_EXPECT_EQ(test, crtc_cursor(), 24 * 80 + 79);
	write_str(f, "b");
	KUNIT_EXPECT_EQ(test, vga_cell(23, 79) & 0xff, 'a');
	KUNIT_EXPECT_TRUE(test, vga_row_is(24, "b"));
	write_str(f, "\033[H\033[J");
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

/*
 * With console=tty0 the kernel log is on the screen too: a printk line
 * shows up in the 0xb8000 buffer. Skipped without it (the matrix entry
 * tty-vga-console boots with it).
 */
static bool screen_has(const char *s)
{
	size_t n = strlen(s);

	for (unsigned int y = 0; y < 25; y++)
		for (unsigned int x = 0; x + n <= 80; x++) {
			size_t i = 0;

			while (i < n && (vga_cell(y, x + i) & 0xff) == (u8)s[i])
				i++;
			if (i == n)
				return true;
		}
	return false;
}

static void tty_vga_printk(struct kunit *test)
{
	static const char marker[] = "tty_vga_printk: on the screen";
	unsigned long flags;
	bool seen;

	if (!vc_cons[0].vc_sw || !vt_console_wanted()) {
		kunit_skip(test, "the kernel log is not on the VGA console (no console=tty0)");
		return;
	}
	KUNIT_EXPECT_FALSE(test, screen_has(marker));
	pr_info("%s\n", marker);
	flags = console_lock_irqsave();	/* nothing else writes the screen meanwhile */
	seen = screen_has(marker);
	console_unlock_irqrestore(flags);
	KUNIT_EXPECT_TRUE(test, seen);
	/* /dev/console is tty1 now: the last console= named it. */
	{
		int index;

		KUNIT_EXPECT_TRUE(test, console_device(&index) == &console_driver);
	}
}

/* ---- the keyboard ------------------------------------------------------------------------ */

static void scancodes(const u8 *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		kbd_receive_scancode(codes[i]);
}

/* Press and release a set-1 key. */
static void key(u8 code)
{
	kbd_receive_scancode(code);
	kbd_receive_scancode(code | 0x80);
}

static void tty_keyboard(struct kunit *test)
{
	struct counts before = counts_now();
	struct termios t, raw;
	struct file *f;
	char buf[32];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	kbd_reset_state();
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCFLSH, (void *)TCIFLUSH), 0);
	/* a, Shift-b, 1, Shift-1, Enter ("\r" -> ICRNL). */
	key(0x1e);
	scancodes((const u8[]){ 0x2a, 0x30, 0xb0, 0xaa }, 4);
	key(0x02);
	scancodes((const u8[]){ 0x36, 0x02, 0x82, 0xb6 }, 4);
	key(0x1c);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "aB1!\n");
	/* Caps Lock (letters only), Backspace erases, keypad Enter (e0 1c). */
	key(0x3a);
	key(0x1f);		/* S */
	key(0x0c);		/* - (not shifted by Caps Lock) */
	key(0x2d);		/* X */
	key(0x0e);		/* Backspace: 0x7f, erases the X */
	key(0x3a);
	key(0x15);		/* y */
	scancodes((const u8[]){ 0xe0, 0x1c, 0xe0, 0x9c }, 4);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "S-y\n");
	/* Ctrl-D at the start of a line: end of file. */
	scancodes((const u8[]){ 0x1d, 0x20, 0xa0, 0x9d }, 4);
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 0);
	/* Raw mode shows the bytes: arrows as ESC [ A, Ctrl-C, Alt-x, Tab, Esc. */
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCGETS, &t), 0);
	raw = t;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &raw), 0);
	scancodes((const u8[]){ 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0x4b, 0xe0, 0xcb }, 8);
	scancodes((const u8[]){ 0x1d, 0x2e, 0xae, 0x9d }, 4);
	scancodes((const u8[]){ 0x38, 0x2d, 0xad, 0xb8 }, 4);
	key(0x0f);
	key(0x01);
	scancodes((const u8[]){ 0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5 }, 6);	/* Pause: nothing */
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 11);
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, "\033[A\033[D\003\033x\t\033", 11));
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCSETS, &t), 0);
	kbd_reset_state();
	filp_close(f, NULL);
	if (!console_driver.ttys[0])
		key(0x1e);	/* nobody has tty1 open: dropped */
	remove_dir(test);
	expect_counts(test, before);
}

/*
 * The whole path from the hardware: the i8042's "write output buffer"
 * command (0xd2) puts a byte in the controller as if the keyboard had
 * sent it, which raises IRQ 1 through the I/O APIC to i8042_interrupt().
 */
static bool i8042_idle(void)
{
	return !(inb(0x64) & 0x03);	/* nothing to read, nothing being written */
}

static bool i8042_feed(u8 data)
{
	if (!wait_for(i8042_idle, 1000))
		return false;
	outb(0xd2, 0x64);
	for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
		cpu_relax();
	outb(data, 0x60);
	return wait_for(i8042_idle, 1000);	/* the interrupt handler took it */
}

static struct file *kbd_file;

static bool kbd_line_ready(void)
{
	int n = 0;

	return !tty_kernel_ioctl(kbd_file, FIONREAD, &n) && n > 0;
}

static void tty_keyboard_irq(struct kunit *test)
{
	static const u8 keys[] = { 0x23, 0xa3, 0x17, 0x97, 0x1c, 0x9c };	/* h i Enter */
	struct counts before = counts_now();
	struct file *f;
	char buf[16];

	if (!vc_cons[0].vc_sw) {
		kunit_skip(test, "no VGA console");
		return;
	}
	if (!setup_dir(test))
		return;
	f = open_node(test, "tty1", TTY_MAJOR, 1, O_RDWR | O_NONBLOCK);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(f));
	kbd_reset_state();
	KUNIT_EXPECT_EQ(test, tty_kernel_ioctl(f, TCFLSH, (void *)TCIFLUSH), 0);
	kbd_file = f;
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		KUNIT_EXPECT_TRUE(test, i8042_feed(keys[i]));
	KUNIT_EXPECT_TRUE(test, wait_for(kbd_line_ready, 2000));
	KUNIT_EXPECT_EQ(test, read_str(f, buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "hi\n");
	filp_close(f, NULL);
	remove_dir(test);
	expect_counts(test, before);
}

/* ---- printk consoles ----------------------------------------------------------------------- */

static char con_buf[8192];
static unsigned int con_len;

/* Runs under printk's lock: no locks, no printk. */
static void capture_write(struct console *co, const char *s, unsigned int count)
{
	for (unsigned int i = 0; i < count && con_len < sizeof(con_buf) - 1; i++)
		con_buf[con_len++] = s[i];
	con_buf[con_len] = '\0';
}

static struct console capture_console = {
	.name = "kunit",
	.write = capture_write,
};

static void tty_printk_console(struct kunit *test)
{
	unsigned long flags;

	/* Registered: each printk line reaches it, with the timestamp. */
	con_len = 0;
	capture_console.flags = 0;
	register_console(&capture_console);
	pr_info("tty_kunit: to every console\n");
	flags = console_lock_irqsave();	/* printk's own lock: the buffer is stable */
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "] tty_kunit: to every console\n") != NULL);
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "printk: console [kunit0] enabled") != NULL);
	KUNIT_EXPECT_EQ(test, con_buf[0], '[');
	console_unlock_irqrestore(flags);
	KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), 0);
	KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), -ENODEV);
	pr_info("tty_kunit: after unregistering\n");
	KUNIT_EXPECT_TRUE(test, strstr(con_buf, "after unregistering") == NULL);

	/* CON_PRINTBUFFER: the log so far comes first, from the oldest record on. */
	{
		static char first[128], head[160];
		u64 seq = READ_ONCE(log_first_seq);
		int level, n = printk_get_record(seq, NULL, &level, first, sizeof(first));

		KUNIT_EXPECT_GE(test, n, 0);
		con_len = 0;
		capture_console.flags = CON_PRINTBUFFER;
		register_console(&capture_console);
		KUNIT_EXPECT_EQ(test, unregister_console(&capture_console), 0);
		/* "[    0.000000] " + the first record's text, unless the ring moved on meanwhile */
		snprintf(head, sizeof(head), "] %s", first);
		KUNIT_EXPECT_EQ(test, con_buf[0], '[');
		KUNIT_EXPECT_TRUE(test, READ_ONCE(log_first_seq) != seq ||
					(level >= console_loglevel) ||
					!strncmp(strchr(con_buf, ']'), head, strlen(head)));
		KUNIT_EXPECT_GT(test, con_len, 1000);
	}
}
static struct kunit_case tty_console_cases[] = {
	KUNIT_CASE(tty_console_serial),
	KUNIT_CASE(tty_vga),
	KUNIT_CASE(tty_vga_printk),
	KUNIT_CASE(tty_keyboard),
	KUNIT_CASE(tty_keyboard_irq),
	KUNIT_CASE(tty_printk_console),
	{}
};

static struct kunit_suite tty_console_suite = {
	.name = "tty.console",
	.test_cases = tty_console_cases,
};
kunit_test_suite(tty_console_suite);
