// SPDX-License-Identifier: GPL-2.0
/*
 * The console keyboard: scancodes from the i8042 to characters for tty1
 * (Linux: drivers/input/keyboard/atkbd.c turns scancodes into keycodes,
 * drivers/tty/vt/keyboard.c's kbd_keycode() turns keycodes into bytes
 * with the keymaps of drivers/tty/vt/defkeymap.c; here both steps, for
 * one US layout).
 *
 * The controller translates to scancode set 1 (QEMU's default, and what
 * i8042_init() asks for): a key's make code, its break code with bit 7
 * set, 0xe0 before the extended keys, 0xe1 before Pause. A set-1 make
 * code below 0x59 is Linux's keycode for that key (KEY_A is 30 = 0x1e);
 * the 0xe0 keys are mapped to Linux's keycodes (KEY_UP 103 ...).
 *
 * Bytes, as Linux's console sends them: letters, digits and punctuation
 * with Shift and Caps Lock (letters only); Ctrl with a letter or @[\]^_
 * the control byte (Ctrl-C 0x03, Ctrl-Space 0); Alt prefixes ESC (the
 * "esc" meta mode of setmetamode(1)); Enter "\r",
 * Backspace 0x7f (DEL, Linux's "Delete" keysym), Tab, Esc; the cursor keys
 * "\e[A" "\e[B" "\e[C" "\e[D", Home "\e[1~", End "\e[4~", Insert "\e[2~",
 * Delete "\e[3~", PgUp "\e[5~", PgDn "\e[6~", F1-F5 "\e[[A".."\e[[E".
 * Keypad keys send their digits (Num Lock on), keypad Enter "\r".
 *
 * Left out: keymaps and their ioctls (KDGKBENT...), raw and medium-raw
 * modes, Num/Scroll Lock and the LEDs, AltGr, dead keys, Alt-Fn console
 * switching, SysRq, Ctrl-Alt-Del, key repeat handled here (the keyboard
 * repeats makes itself), the input layer (evdev).
 */
#include <linux/console_struct.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/tty.h>

/* Linux's keycodes (include/uapi/linux/input-event-codes.h) used below. */
#define KEY_ESC		1
#define KEY_BACKSPACE	14
#define KEY_TAB		15
#define KEY_ENTER	28
#define KEY_LEFTCTRL	29
#define KEY_LEFTSHIFT	42
#define KEY_RIGHTSHIFT	54
#define KEY_KPASTERISK	55
#define KEY_LEFTALT	56
#define KEY_SPACE	57
#define KEY_CAPSLOCK	58
#define KEY_F1		59
#define KEY_F5		63
#define KEY_KP7		71
#define KEY_KPDOT	83
#define KEY_KPENTER	96
#define KEY_RIGHTCTRL	97
#define KEY_KPSLASH	98
#define KEY_RIGHTALT	100
#define KEY_HOME	102
#define KEY_UP		103
#define KEY_PAGEUP	104
#define KEY_LEFT	105
#define KEY_RIGHT	106
#define KEY_END		107
#define KEY_DOWN	108
#define KEY_PAGEDOWN	109
#define KEY_INSERT	110
#define KEY_DELETE	111

#define NR_PLAIN_KEYS 0x59

/* US layout, keycodes 0..0x58: without and with Shift (0: no byte). */
static const char plain_map[NR_PLAIN_KEYS] = {
	0, 033, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0177, '\t',
	'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',
	'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ', 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, '7', '8', '9', '-', '4', '5', '6', '+', '1',
	'2', '3', '0', '.', 0, 0, '<', 0, 0,
};

static const char shift_map[NR_PLAIN_KEYS] = {
	0, 033, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0177, '\t',
	'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',
	'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',
	'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ', 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, '7', '8', '9', '-', '4', '5', '6', '+', '1',
	'2', '3', '0', '.', 0, 0, '>', 0, 0,
};

/* Set-1 codes after 0xe0, to keycodes (Linux: atkbd's translation of the extended keys). */
static unsigned int e0_keycode(u8 code)
{
	switch (code) {
	case 0x1c: return KEY_KPENTER;
	case 0x1d: return KEY_RIGHTCTRL;
	case 0x35: return KEY_KPSLASH;
	case 0x38: return KEY_RIGHTALT;
	case 0x47: return KEY_HOME;
	case 0x48: return KEY_UP;
	case 0x49: return KEY_PAGEUP;
	case 0x4b: return KEY_LEFT;
	case 0x4d: return KEY_RIGHT;
	case 0x4f: return KEY_END;
	case 0x50: return KEY_DOWN;
	case 0x51: return KEY_PAGEDOWN;
	case 0x52: return KEY_INSERT;
	case 0x53: return KEY_DELETE;
	default: return 0;	/* fake shifts (0x2a/0x36 around PrtSc), multimedia keys */
	}
}

/* The keyboard's state; only the keyboard interrupt (or a test) touches it. */
static struct {
	bool e0, shift_l, shift_r, ctrl_l, ctrl_r, alt_l, alt_r, caps;
	unsigned int e1_skip;		/* bytes of a Pause sequence still to come */
} kbd;

void kbd_reset_state(void)
{
	memset(&kbd, 0, sizeof(kbd));
}

static void put_queue(u8 c)
{
	tty_insert_flip_char(&vc_cons[0].port, c, TTY_NORMAL);
}

static void puts_queue(const char *s)
{
	while (*s)
		put_queue(*s++);
}

/* Linux: kbd_keycode() with the default keymaps. */
static void kbd_keycode(unsigned int keycode, bool down)
{
	bool shift = kbd.shift_l || kbd.shift_r, ctrl = kbd.ctrl_l || kbd.ctrl_r;
	char c;

	switch (keycode) {
	case KEY_LEFTSHIFT:
		kbd.shift_l = down;
		return;
	case KEY_RIGHTSHIFT:
		kbd.shift_r = down;
		return;
	case KEY_LEFTCTRL:
		kbd.ctrl_l = down;
		return;
	case KEY_RIGHTCTRL:
		kbd.ctrl_r = down;
		return;
	case KEY_LEFTALT:
		kbd.alt_l = down;
		return;
	case KEY_RIGHTALT:
		kbd.alt_r = down;
		return;
	case KEY_CAPSLOCK:
		if (down)
			kbd.caps = !kbd.caps;
		return;
	}
	if (!down)
		return;
	switch (keycode) {
	case KEY_UP: puts_queue("\033[A"); return;
	case KEY_DOWN: puts_queue("\033[B"); return;
	case KEY_RIGHT: puts_queue("\033[C"); return;
	case KEY_LEFT: puts_queue("\033[D"); return;
	case KEY_HOME: puts_queue("\033[1~"); return;
	case KEY_INSERT: puts_queue("\033[2~"); return;
	case KEY_DELETE: puts_queue("\033[3~"); return;
	case KEY_END: puts_queue("\033[4~"); return;
	case KEY_PAGEUP: puts_queue("\033[5~"); return;
	case KEY_PAGEDOWN: puts_queue("\033[6~"); return;
	case KEY_KPENTER: put_queue('\r'); return;
	case KEY_KPSLASH: put_queue('/'); return;
	}
	if (keycode >= KEY_F1 && keycode <= KEY_F5) {
		char seq[] = "\033[[A";

		seq[3] = 'A' + keycode - KEY_F1;
		puts_queue(seq);
		return;
	}
	if (keycode >= NR_PLAIN_KEYS)
		return;
	c = shift ? shift_map[keycode] : plain_map[keycode];
	if (!c)
		return;
	if (kbd.caps && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
	    !(keycode >= KEY_KP7 && keycode <= KEY_KPDOT))
		c ^= 0x20;
	if (ctrl) {
		if (c >= '@' && c <= '~' && c != '`')
			c &= 0x1f;		/* ^A..^Z, ^@ ^[ ^\ ^] ^^ ^_ */
		else if (c == ' ' || c == '2')
			c = 0;
		else if (c == '/' || c == '?')
			c = 037;
		else if (c == '8')
			c = 0177;
	}
	if (kbd.alt_l || kbd.alt_r)
		put_queue(033);
	put_queue(c);
}

void kbd_receive_scancode(u8 data)
{
	unsigned int keycode;
	bool down = !(data & 0x80);

	if (kbd.e1_skip) {
		kbd.e1_skip--;
		return;
	}
	if (data == 0xe1) {		/* Pause: e1 1d 45 e1 9d c5, no break */
		kbd.e1_skip = 5;
		return;
	}
	if (data == 0xe0) {
		kbd.e0 = true;
		return;
	}
	if (data == 0x00 || data == 0xff || data == 0xfa || data == 0xfe)
		return;			/* overrun, ACK, resend: not keys */
	if (kbd.e0) {
		kbd.e0 = false;
		keycode = e0_keycode(data & 0x7f);
	} else {
		keycode = data & 0x7f;
	}
	if (!keycode)
		return;
	kbd_keycode(keycode, down);
	tty_flip_buffer_push(&vc_cons[0].port);
}

int kbd_init(void)
{
	kbd_reset_state();
	return i8042_init();
}
