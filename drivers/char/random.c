// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom(2) and get_random_bytes() (Linux: drivers/char/random.c),
 * simplified to its core: a ChaCha20 generator (crng) keyed from the
 * CPU (RDRAND, else the TSC: asm/archrandom.h) on first use, with Linux's
 * "fast key erasure": every request first draws a new key from the
 * stream, so a later look at the state cannot recover earlier output.
 * The generator counts as seeded from the start, so GRND_NONBLOCK never
 * gives -EAGAIN and GRND_RANDOM (Linux 5.6+: the same pool) changes
 * nothing. Flags other than GRND_NONBLOCK, GRND_RANDOM and GRND_INSECURE,
 * or GRND_INSECURE with GRND_RANDOM, are -EINVAL. A request is cut to
 * MAX_RW_COUNT; a fault part way returns the bytes written (-EFAULT if
 * none), and a pending signal between 4 KiB chunks ends a large request
 * early, as in Linux.
 * Left out: the input pool and entropy accounting, interrupt and device
 * randomness, per-CPU crngs, reseeding over time, /dev/random's
 * write-to-mix (drivers/char/mem.c serves the devices with lib/random.c).
 */
#include <asm/archrandom.h>
#include <asm/page.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004
#define CHACHA_BLOCK_SIZE 64
#define CHACHA_KEY_WORDS 8
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

static DEFINE_SPINLOCK(crng_lock);
static u32 crng_key[CHACHA_KEY_WORDS];
static u64 crng_generation;
static bool crng_ready;

static inline u32 rol32(u32 v, int s)
{
	return (v << s) | (v >> (32 - s));
}

#define QR(a, b, c, d)                                  \
	do {                                            \
		a += b; d = rol32(d ^ a, 16);           \
		c += d; b = rol32(b ^ c, 12);           \
		a += b; d = rol32(d ^ a, 8);            \
		c += d; b = rol32(b ^ c, 7);            \
	} while (0)

/* One ChaCha20 block (RFC 7539) of key, counter and nonce. */
static void chacha20_block(const u32 key[CHACHA_KEY_WORDS], u64 counter, u64 nonce,
			   u8 out[CHACHA_BLOCK_SIZE])
{
	u32 s[16], x[16];

	s[0] = 0x61707865;	/* "expand 32-byte k" */
	s[1] = 0x3320646e;
	s[2] = 0x79622d32;
	s[3] = 0x6b206574;
	for (int i = 0; i < 8; i++)
		s[4 + i] = key[i];
	s[12] = (u32)counter;
	s[13] = (u32)(counter >> 32);
	s[14] = (u32)nonce;
	s[15] = (u32)(nonce >> 32);
	memcpy(x, s, sizeof(x));
	for (int i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		x[i] += s[i];
	memcpy(out, x, CHACHA_BLOCK_SIZE);
	memset(x, 0, sizeof(x));
}

/*
 * A fresh key for one request, and the crng's key replaced (fast key
 * erasure: block 0 of the old key becomes the new crng key and the
 * request's key; Linux: crng_make_state).
 */
static void crng_make_state(u32 key[CHACHA_KEY_WORDS], u64 *nonce)
{
	u8 block[CHACHA_BLOCK_SIZE];
	unsigned long flags;

	spin_lock_irqsave(&crng_lock, flags);
	if (!crng_ready) {
		for (int i = 0; i < CHACHA_KEY_WORDS; i += 2) {
			unsigned long v = arch_get_random_seed() ^ rdtsc();

			crng_key[i] = (u32)v;
			crng_key[i + 1] = (u32)(v >> 32);
		}
		crng_ready = true;
	}
	chacha20_block(crng_key, 0, crng_generation++, block);
	memcpy(crng_key, block, 32);
	memcpy(key, block + 32, 32);
	*nonce = crng_generation;
	spin_unlock_irqrestore(&crng_lock, flags);
	memset(block, 0, sizeof(block));
}

void get_random_bytes(void *buf, size_t len)
{
	u8 block[CHACHA_BLOCK_SIZE];
	u32 key[CHACHA_KEY_WORDS];
	u64 nonce, counter = 0;

	crng_make_state(key, &nonce);
	while (len) {
		size_t n = min_t(size_t, len, CHACHA_BLOCK_SIZE);

		chacha20_block(key, counter++, nonce, block);
		memcpy(buf, block, n);
		buf = (u8 *)buf + n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	memset(key, 0, sizeof(key));
}

/* Random bytes to user memory (Linux: get_random_bytes_user). */
static ssize_t get_random_bytes_user(void __user *ubuf, size_t len)
{
	u8 block[CHACHA_BLOCK_SIZE];
	u32 key[CHACHA_KEY_WORDS];
	u64 nonce, counter = 0;
	ssize_t ret = 0;

	if (!len)
		return 0;
	crng_make_state(key, &nonce);
	while (len) {
		size_t n = min_t(size_t, len, CHACHA_BLOCK_SIZE);
		size_t left;

		chacha20_block(key, counter++, nonce, block);
		left = copy_to_user(ubuf, block, n);
		ret += n - left;
		if (left) {
			if (!ret)
				ret = -EFAULT;
			break;
		}
		ubuf += n;
		len -= n;
		if (len && !(ret % PAGE_SIZE)) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
	}
	memset(block, 0, sizeof(block));
	memset(key, 0, sizeof(key));
	return ret;
}

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	/* Requesting insecure and blocking randomness at once makes no sense. */
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (!access_ok(ubuf, len))
		return -EFAULT;
	return get_random_bytes_user(ubuf, len);
}
