/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random numbers for hardening, not for cryptography (Linux:
 * include/linux/random.h, whose get_random_long() is a real CSPRNG).
 * A 64-bit xorshift generator seeded from the arch's best source
 * (RDRAND if the CPU has it, else the TSC; asm/archrandom.h).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

unsigned long get_random_long(void);
/* len bytes from the ChaCha20 crng (drivers/char/random.c; getrandom(2)'s source). */
void get_random_bytes(void *buf, size_t len);

#endif /* _LINUX_RANDOM_H */
