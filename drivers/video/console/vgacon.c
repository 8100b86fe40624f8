// SPDX-License-Identifier: GPL-2.0
/*
 * The VGA text-mode console driver (Linux: drivers/video/console/vgacon.c).
 *
 * The screen is the 80x25 array of 16-bit cells at physical 0xb8000: the
 * character (code page 437) in the low byte, the attribute (background
 * << 4 | foreground) in the high byte. The hardware cursor is set through
 * the CRT controller's index/data ports 0x3d4/0x3d5: registers 0x0e/0x0f
 * hold its cell offset, 0x0a/0x0b its shape (bit 5 of 0x0a hides it).
 * The buffer is mapped uncached with ioremap(), as device memory.
 *
 * The caller (drivers/tty/vt/vt.c) serialises all calls under the
 * console lock. Left out: hardware scrolling through the CRTC start
 * address (Linux's vgacon_scroll moves the origin; this one copies
 * rows), scrollback, fonts, blanking, palettes, the 50-line modes, and
 * probing for MDA/EGA (the VGA is assumed, as QEMU's -M pc has one).
 */
#include <asm/io.h>
#include <asm/ioremap.h>
#include <linux/console_struct.h>
#include <linux/kernel.h>

#define VGA_TEXT_PHYS 0xb8000
#define VGA_TEXT_SIZE 0x8000
#define VGA_CRT_IC 0x3d4	/* CRT controller index */
#define VGA_CRT_DC 0x3d5	/* CRT controller data */
#define VGA_CRTC_CURSOR_START 0x0a
#define VGA_CRTC_CURSOR_END 0x0b
#define VGA_CRTC_CURSOR_HI 0x0e
#define VGA_CRTC_CURSOR_LO 0x0f

static volatile u16 __iomem *vga_vram_base;

static void write_vga(u8 reg, u8 val)
{
	outb(reg, VGA_CRT_IC);
	outb(val, VGA_CRT_DC);
}

static const char *vgacon_startup(void)
{
	if (!vga_vram_base)
		vga_vram_base = ioremap(VGA_TEXT_PHYS, VGA_TEXT_SIZE);
	return vga_vram_base ? "VGA+" : NULL;
}

static void vgacon_init(struct vc_data *vc)
{
	vc->vc_cols = 80;
	vc->vc_rows = 25;
	/* An underline cursor on scan lines 14-15, shown. */
	write_vga(VGA_CRTC_CURSOR_START, 14);
	write_vga(VGA_CRTC_CURSOR_END, 15);
}

static void vgacon_putc(struct vc_data *vc, u16 ca, unsigned int y, unsigned int x)
{
	vga_vram_base[y * vc->vc_cols + x] = ca;
}

static u16 vgacon_getc(struct vc_data *vc, unsigned int y, unsigned int x)
{
	return vga_vram_base[y * vc->vc_cols + x];
}

static void vgacon_clear(struct vc_data *vc, unsigned int y, unsigned int x, unsigned int count)
{
	u16 blank = (u16)vc->vc_attr << 8 | ' ';
	unsigned int i = y * vc->vc_cols + x, end = min(i + count, vc->vc_cols * vc->vc_rows);

	for (; i < end; i++)
		vga_vram_base[i] = blank;
}

static void vgacon_scroll(struct vc_data *vc, unsigned int top, unsigned int bottom,
			  unsigned int lines)
{
	unsigned int cols = vc->vc_cols;

	if (lines >= bottom - top)
		lines = bottom - top;
	for (unsigned int i = top * cols; i < (bottom - lines) * cols; i++)
		vga_vram_base[i] = vga_vram_base[i + lines * cols];
	vgacon_clear(vc, bottom - lines, 0, lines * cols);
}

static void vgacon_cursor(struct vc_data *vc, bool show)
{
	unsigned int pos = vc->vc_y * vc->vc_cols + vc->vc_x;

	write_vga(VGA_CRTC_CURSOR_START, show ? 14 : 0x20);
	write_vga(VGA_CRTC_CURSOR_HI, pos >> 8);
	write_vga(VGA_CRTC_CURSOR_LO, pos & 0xff);
}

const struct consw vga_con = {
	.con_startup = vgacon_startup,
	.con_init = vgacon_init,
	.con_putc = vgacon_putc,
	.con_getc = vgacon_getc,
	.con_clear = vgacon_clear,
	.con_scroll = vgacon_scroll,
	.con_cursor = vgacon_cursor,
};
