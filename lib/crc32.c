// SPDX-License-Identifier: GPL-2.0
/*
 * CRC-32, little-endian (reflected) form, polynomial 0xedb88320 (Linux:
 * lib/crc32.c, crc32_le). Linux computes it with 8 tables of 256 words
 * (slice-by-8) built at compile time by gen_crc32table; this one uses a
 * single 16-entry table and two lookups per byte: slower, but small and
 * host-buildable. The in-kernel initramfs test checks file contents with it.
 */
#include <linux/crc32.h>

static const u32 crc32_nibble[16] = {
	0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac,
	0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
	0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
	0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const unsigned char *s = p;

	while (len--) {
		crc ^= *s++;
		crc = (crc >> 4) ^ crc32_nibble[crc & 15];
		crc = (crc >> 4) ^ crc32_nibble[crc & 15];
	}
	return crc;
}
