/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC-32 (Linux: include/linux/crc32.h, lib/crc32.c). crc32_le() is the
 * little-endian (reflected) CRC with polynomial 0xedb88320 and no
 * inversion of its own, as Linux's: the zlib/cpio/ethernet checksum of a
 * buffer is crc32_le(~0, p, len) ^ ~0 (Python's zlib.crc32()).
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, const void *p, size_t len);
#define crc32(seed, data, length) crc32_le(seed, data, length)

#endif /* _LINUX_CRC32_H */
