// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of struct iov_iter (lib/iov_iter.c), under ASan and
 * UBSan, and of access_ok() (include/linux/uaccess.h).
 *
 * lib/iov_iter.c is built as is. The user-copy functions it calls are
 * stand-ins defined below with the kernel's contract (access_ok() first,
 * then copy byte by byte, returning the bytes NOT copied): "user memory"
 * is the user_mem[] arena, and the bytes in [fault_lo, fault_hi) behave
 * as an unmapped page would, so every copy that touches them comes up
 * short exactly there. The real functions (lib/usercopy.c) are tested in
 * the kernel (tests/kernel/usercopy_kunit.c).
 *
 * Linux counterpart: lib/kunit_iov_iter.c. IOV_ITER_SEED=<n> replays the
 * randomised model test; it prints its seed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include <host_stubs.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* ---- "user memory" with a hole -------------------------------------------- */

static unsigned char user_mem[16384];
static uintptr_t fault_lo, fault_hi;	/* [lo, hi): faults; lo == hi: none */
static unsigned long user_calls;

static bool user_byte_faults(uintptr_t a)
{
	return a >= fault_lo && a < fault_hi;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long i;

	user_calls++;
	if (!access_ok(to, n))
		return n;
	for (i = 0; i < n; i++) {
		if (user_byte_faults((uintptr_t)to + i))
			return n - i;
		((unsigned char *)to)[i] = ((const unsigned char *)from)[i];
	}
	return 0;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long i;

	user_calls++;
	if (!access_ok(from, n)) {
		memset(to, 0, n);
		return n;
	}
	for (i = 0; i < n; i++) {
		if (user_byte_faults((uintptr_t)from + i)) {
			memset((char *)to + i, 0, n - i);
			return n - i;
		}
		((unsigned char *)to)[i] = ((const unsigned char *)from)[i];
	}
	return 0;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long i;

	user_calls++;
	if (!access_ok(to, n))
		return n;
	for (i = 0; i < n; i++) {
		if (user_byte_faults((uintptr_t)to + i))
			return n - i;
		((unsigned char *)to)[i] = 0;
	}
	return 0;
}

static void set_fault(size_t off, size_t len)
{
	fault_lo = (uintptr_t)user_mem + off;
	fault_hi = fault_lo + len;
}

static int setup(void **state)
{
	fault_lo = fault_hi = 0;
	user_calls = 0;
	host_warn_count = 0;
	memset(user_mem, 0xee, sizeof(user_mem));
	return 0;
}

static void fill_pattern(unsigned char *p, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7 + (i >> 8));
}

/* ---- kvec ------------------------------------------------------------------- */

static void test_kvec_copy_to_across_segments(void **state)
{
	char a[3], b[0 + 1], c[5], src[8];
	struct kvec vec[] = {
		{ a, sizeof(a) }, { b, 0 }, { c, sizeof(c) },
	};
	struct iov_iter it;

	memcpy(src, "ABCDEFGH", 8);
	iov_iter_kvec(&it, ITER_DEST, vec, 3, 8);
	assert_int_equal(iov_iter_count(&it), 8);
	assert_int_equal(copy_to_iter(src, 2, &it), 2);
	assert_int_equal(it.iov_offset, 2);
	assert_ptr_equal(it.kvec, &vec[0]);
	/* 2 more: finishes a, skips the empty b, one into c. */
	assert_int_equal(copy_to_iter(src + 2, 2, &it), 2);
	assert_ptr_equal(it.kvec, &vec[2]);
	assert_int_equal(it.nr_segs, 1);
	assert_int_equal(it.iov_offset, 1);
	assert_int_equal(iov_iter_count(&it), 4);
	/* Asking for more than is left copies what is left. */
	assert_int_equal(copy_to_iter(src + 4, 100, &it), 4);
	assert_int_equal(iov_iter_count(&it), 0);
	assert_memory_equal(a, "ABC", 3);
	assert_memory_equal(c, "DEFGH", 5);
	assert_int_equal(copy_to_iter(src, 1, &it), 0);
	assert_int_equal(user_calls, 0);	/* kernel segments never touch the user path */
}

static void test_kvec_copy_from(void **state)
{
	char a[] = "hello ", b[] = "world";
	struct kvec vec[] = { { a, 6 }, { b, 5 } };
	struct iov_iter it;
	char dst[16] = { 0 };

	iov_iter_kvec(&it, ITER_SOURCE, vec, 2, 11);
	assert_int_equal(copy_from_iter(dst, 4, &it), 4);
	assert_int_equal(copy_from_iter(dst + 4, 20, &it), 7);
	assert_string_equal(dst, "hello world");
	assert_int_equal(iov_iter_count(&it), 0);
}

static void test_count_limits_segments(void **state)
{
	char a[8], src[8] = "abcdefgh";
	struct kvec vec[] = { { a, 8 } };
	struct iov_iter it;

	memset(a, '.', 8);
	iov_iter_kvec(&it, ITER_DEST, vec, 1, 3);	/* count < the segment */
	assert_int_equal(copy_to_iter(src, 8, &it), 3);
	assert_memory_equal(a, "abc.....", 8);
}

static void test_wrong_direction_warns(void **state)
{
	char a[4], src[4] = "xyz";
	struct kvec vec[] = { { a, 4 } };
	struct iov_iter it;

	iov_iter_kvec(&it, ITER_SOURCE, vec, 1, 4);
	assert_int_equal(copy_to_iter(src, 4, &it), 0);
	assert_int_equal(host_warn_count, 1);
	assert_int_equal(iov_iter_count(&it), 4);
	iov_iter_kvec(&it, ITER_DEST, vec, 1, 4);
	assert_int_equal(copy_from_iter(src, 4, &it), 0);
	assert_int_equal(host_warn_count, 2);
}

static void test_zero(void **state)
{
	char a[4], b[6];
	struct kvec vec[] = { { a, 4 }, { b, 6 } };
	struct iov_iter it;

	memset(a, 'a', 4);
	memset(b, 'b', 6);
	iov_iter_kvec(&it, ITER_DEST, vec, 2, 10);
	iov_iter_advance(&it, 1);
	assert_int_equal(iov_iter_zero(5, &it), 5);
	assert_memory_equal(a, "a\0\0\0", 4);
	assert_memory_equal(b, "\0\0bbbb", 6);
	assert_int_equal(iov_iter_count(&it), 4);

	/* iovec, with a fault 3 bytes into the second segment */
	struct iovec iov[] = { { user_mem, 4 }, { user_mem + 100, 10 } };

	set_fault(103, 1);
	iov_iter_init(&it, ITER_DEST, iov, 2, 14);
	assert_int_equal(iov_iter_zero(14, &it), 7);
	assert_int_equal(user_mem[0], 0);
	assert_int_equal(user_mem[102], 0);
	assert_int_equal(user_mem[103], 0xee);
	assert_int_equal(iov_iter_count(&it), 7);
	assert_int_equal(it.iov_offset, 3);
}

/* ---- user segments and faults --------------------------------------------- */

static void test_ubuf_copy_and_fault(void **state)
{
	unsigned char src[64], dst[64];
	struct iov_iter it;

	fill_pattern(src, 64, 1);
	iov_iter_ubuf(&it, ITER_DEST, user_mem + 10, 64);
	assert_int_equal(copy_to_iter(src, 16, &it), 16);
	assert_int_equal(it.iov_offset, 16);
	set_fault(10 + 40, 8);	/* a hole 24 bytes further */
	assert_int_equal(copy_to_iter(src + 16, 48, &it), 24);
	assert_memory_equal(user_mem + 10, src, 40);
	assert_int_equal(user_mem[50], 0xee);
	assert_int_equal(iov_iter_count(&it), 24);
	assert_int_equal(it.iov_offset, 40);
	/* Still at the hole: nothing more goes. */
	assert_int_equal(copy_to_iter(src, 1, &it), 0);

	/* And back out: a read from it stops at the same byte. */
	iov_iter_ubuf(&it, ITER_SOURCE, user_mem + 10, 64);
	memset(dst, 0x55, sizeof(dst));
	assert_int_equal(copy_from_iter(dst, 64, &it), 40);
	assert_memory_equal(dst, src, 40);
	assert_int_equal(iov_iter_count(&it), 24);
}

static void test_iovec_fault_mid_segment(void **state)
{
	unsigned char src[100];
	struct iovec iov[] = {
		{ user_mem, 10 }, { user_mem + 1000, 0 }, { user_mem + 2000, 30 },
		{ user_mem + 3000, 20 },
	};
	struct iov_iter it;

	fill_pattern(src, 100, 3);
	set_fault(2000 + 12, 1);
	iov_iter_init(&it, ITER_DEST, iov, 4, 60);
	assert_int_equal(copy_to_iter(src, 60, &it), 22);
	assert_memory_equal(user_mem, src, 10);
	assert_memory_equal(user_mem + 2000, src + 10, 12);
	assert_int_equal(user_mem[2012], 0xee);
	assert_ptr_equal(it.__iov, &iov[2]);
	assert_int_equal(it.nr_segs, 2);
	assert_int_equal(it.iov_offset, 12);
	assert_int_equal(iov_iter_count(&it), 38);

	/* Skip the bad byte and go on: the rest lands where it should. */
	iov_iter_advance(&it, 1);
	assert_int_equal(copy_to_iter(src + 23, 37, &it), 37);
	assert_memory_equal(user_mem + 2013, src + 23, 17);
	assert_memory_equal(user_mem + 3000, src + 40, 20);
	assert_int_equal(iov_iter_count(&it), 0);
}

static void test_kernel_address_in_user_iter(void **state)
{
	unsigned char src[8] = "kernel!";
	struct iov_iter it;

	/* A direct-map address as a "user" buffer: access_ok refuses it. */
	iov_iter_ubuf(&it, ITER_DEST, (void __user *)0xffff888000100000UL, 8);
	assert_int_equal(copy_to_iter(src, 8, &it), 0);
	assert_int_equal(iov_iter_count(&it), 8);
	assert_int_equal(iov_iter_zero(8, &it), 0);
}

/* ---- advance, revert, truncate -------------------------------------------- */

struct pos {
	const void *seg;
	unsigned long nr_segs;
	size_t off, count;
};

static struct pos pos_of(const struct iov_iter *it)
{
	return (struct pos){ it->kvec, it->nr_segs, it->iov_offset, it->count };
}

static void assert_pos(const struct iov_iter *it, struct pos p)
{
	assert_ptr_equal(it->kvec, p.seg);
	assert_int_equal(it->nr_segs, p.nr_segs);
	assert_int_equal(it->iov_offset, p.off);
	assert_int_equal(it->count, p.count);
}

static void test_advance_revert(void **state)
{
	char buf[64];
	struct kvec vec[] = {
		{ buf, 5 }, { buf + 5, 0 }, { buf + 5, 7 }, { buf + 12, 0 }, { buf + 12, 9 },
	};
	struct iov_iter it;
	struct pos start;

	iov_iter_kvec(&it, ITER_DEST, vec, 5, 21);
	start = pos_of(&it);
	for (size_t a = 0; a <= 21; a++) {
		for (size_t b = 0; b + a <= 21; b++) {
			struct pos mid;

			iov_iter_kvec(&it, ITER_DEST, vec, 5, 21);
			iov_iter_advance(&it, a);
			mid = pos_of(&it);
			assert_int_equal(it.count, 21 - a);
			iov_iter_advance(&it, b);
			assert_int_equal(it.count, 21 - a - b);
			iov_iter_revert(&it, b);
			/* Positions are canonical: the same byte is the same state. */
			assert_pos(&it, mid);
			iov_iter_revert(&it, a);
			assert_pos(&it, start);
		}
	}

	/* Exact positions after advances (Linux's iov_iter_iovec_advance). */
	iov_iter_kvec(&it, ITER_DEST, vec, 5, 21);
	iov_iter_advance(&it, 5);	/* a used up: past it and the empty one */
	assert_pos(&it, (struct pos){ &vec[2], 3, 0, 16 });
	iov_iter_advance(&it, 3);
	assert_pos(&it, (struct pos){ &vec[2], 3, 3, 13 });
	iov_iter_advance(&it, 100);	/* clamped to count */
	assert_int_equal(it.count, 0);
	iov_iter_revert(&it, 9);
	assert_pos(&it, (struct pos){ &vec[4], 1, 0, 9 });
	iov_iter_revert(&it, 1);	/* back over the empty segment into the middle one */
	assert_pos(&it, (struct pos){ &vec[2], 3, 6, 10 });

	/* ubuf */
	iov_iter_ubuf(&it, ITER_DEST, user_mem, 100);
	iov_iter_advance(&it, 30);
	iov_iter_revert(&it, 10);
	assert_int_equal(it.iov_offset, 20);
	assert_int_equal(it.count, 80);
	iov_iter_advance(&it, 1000);
	assert_int_equal(it.iov_offset, 100);
	assert_int_equal(it.count, 0);
}

static void test_truncate(void **state)
{
	char a[10];
	struct kvec vec[] = { { a, 10 } };
	struct iov_iter it;

	iov_iter_kvec(&it, ITER_DEST, vec, 1, 10);
	iov_iter_truncate(&it, 20);
	assert_int_equal(iov_iter_count(&it), 10);
	iov_iter_truncate(&it, 4);
	assert_int_equal(iov_iter_count(&it), 4);
	assert_int_equal(iov_iter_zero(10, &it), 4);
	assert_int_equal(iov_iter_count(&it), 0);
}

/* ---- a seeded model test: random segment layouts and operations ------------ */

static unsigned long long rnd_state;

static unsigned int rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned int)(rnd_state >> 11);
}

#define MODEL_SEGS 8

static void test_random_model(void **state)
{
	const char *env = getenv("IOV_ITER_SEED");
	unsigned long long seed = env ? strtoull(env, NULL, 0) : (unsigned long long)time(NULL);
	unsigned long ops = 0, shorts = 0;

	printf("iov_iter random model: seed %llu (IOV_ITER_SEED=%llu replays it)\n", seed, seed);
	rnd_state = seed * 2654435761ULL + 1;
	for (int round = 0; round < 400; round++) {
		struct iovec iov[MODEL_SEGS];
		struct kvec kv[MODEL_SEGS];
		/* Where byte k of the iterator lives in user_mem (the model). */
		static size_t where[MODEL_SEGS * 200];
		static unsigned char expect[sizeof(user_mem)];
		unsigned int type = rnd() % 3, nsegs = 1 + rnd() % MODEL_SEGS;
		bool source = rnd() & 1;
		size_t total = 0, off = 0, pos = 0, count;
		struct iov_iter it;

		if (type == ITER_UBUF)
			nsegs = 1;
		for (unsigned int s = 0; s < nsegs; s++) {
			size_t len = rnd() % 4 == 0 ? 0 : rnd() % 200;

			off += rnd() % 16;	/* gaps between segments */
			iov[s].iov_base = user_mem + off;
			iov[s].iov_len = len;
			kv[s].iov_base = user_mem + off;
			kv[s].iov_len = len;
			for (size_t k = 0; k < len; k++)
				where[total + k] = off + k;
			total += len;
			off += len;
		}
		count = total ? total - rnd() % (total / 4 + 1) : 0;
		if (type == ITER_UBUF)
			iov_iter_ubuf(&it, source, iov[0].iov_base, count);
		else if (type == ITER_IOVEC)
			iov_iter_init(&it, source, iov, nsegs, count);
		else
			iov_iter_kvec(&it, source, kv, nsegs, count);
		fill_pattern(user_mem, off, round);
		memcpy(expect, user_mem, off);
		/* A user iterator may have one faulting byte somewhere. */
		fault_lo = fault_hi = 0;
		if (type != ITER_KVEC && total && rnd() % 2)
			set_fault(where[rnd() % total], 1);

		for (int step = 0; step < 12; step++) {
			unsigned char buf[400];
			size_t n = rnd() % 120, done, want, ok = 0;
			unsigned int op = rnd() % 5;

			ops++;
			want = min(n, count - pos);
			/* Bytes before the first faulting one, from pos. */
			while (ok < want && !user_byte_faults((uintptr_t)user_mem + where[pos + ok]))
				ok++;
			if (op == 0 && !source) {
				fill_pattern(buf, n, step + 100);
				done = copy_to_iter(buf, n, &it);
				for (size_t k = 0; k < done; k++)
					expect[where[pos + k]] = buf[k];
			} else if (source && op <= 1) {
				memset(buf, 0x11, sizeof(buf));
				done = copy_from_iter(buf, n, &it);
				for (size_t k = 0; k < done; k++)
					assert_int_equal(buf[k], expect[where[pos + k]]);
			} else if (op == 1) {
				done = iov_iter_zero(n, &it);
				for (size_t k = 0; k < done; k++)
					expect[where[pos + k]] = 0;
			} else if (op == 2) {
				iov_iter_advance(&it, n);
				done = want;
				ok = want;
			} else if (op == 3) {
				size_t back = min(n, pos);

				iov_iter_revert(&it, back);
				pos -= back;
				assert_int_equal(iov_iter_count(&it), count - pos);
				continue;
			} else {
				size_t t = rnd() % (count - pos + 10);

				iov_iter_truncate(&it, t);
				if (t < count - pos)
					count = pos + t;
				assert_int_equal(iov_iter_count(&it), count - pos);
				continue;
			}
			assert_int_equal(done, ok);
			if (done < want)
				shorts++;
			pos += done;
			assert_int_equal(iov_iter_count(&it), count - pos);
		}
		assert_memory_equal(user_mem, expect, off);
	}
	printf("iov_iter random model: %lu operations checked, %lu short copies\n", ops, shorts);
	assert_true(shorts > 0);
}

/* ---- access_ok ---------------------------------------------------------------- */

static void test_access_ok(void **state)
{
	for (int levels = 4; levels <= 5; levels++) {
		unsigned long top = (1UL << (levels == 5 ? 56 : 47)) - 4096;

		host_set_paging_levels(levels);
		assert_int_equal(TASK_SIZE_MAX, top);
		assert_true(access_ok((void *)0x1000, 4096));
		assert_true(access_ok((void *)0, 0));
		assert_true(access_ok((void *)(top - 16), 16));
		assert_false(access_ok((void *)(top - 16), 17));
		assert_true(access_ok((void *)top, 0));
		assert_false(access_ok((void *)top, 1));
		assert_false(access_ok((void *)0x1000, ~0UL));		/* wraps */
		assert_false(access_ok((void *)(top - 1), ~0UL - 10));
		assert_false(access_ok((void *)0xffff888000000000UL, 1));	/* direct map */
		assert_false(access_ok((void *)0xffffffff80000000UL, 8));	/* kernel text */
		assert_false(access_ok((void *)0xff11000000000000UL, 8));
	}
	/* A 4-level-only user address is fine with 5 levels, not with 4. */
	host_set_paging_levels(4);
	assert_false(access_ok((void *)(1UL << 48), 1));
	host_set_paging_levels(5);
	assert_true(access_ok((void *)(1UL << 48), 1));
	host_set_paging_levels(4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_kvec_copy_to_across_segments, setup),
		cmocka_unit_test_setup(test_kvec_copy_from, setup),
		cmocka_unit_test_setup(test_count_limits_segments, setup),
		cmocka_unit_test_setup(test_wrong_direction_warns, setup),
		cmocka_unit_test_setup(test_zero, setup),
		cmocka_unit_test_setup(test_ubuf_copy_and_fault, setup),
		cmocka_unit_test_setup(test_iovec_fault_mid_segment, setup),
		cmocka_unit_test_setup(test_kernel_address_in_user_iter, setup),
		cmocka_unit_test_setup(test_advance_revert, setup),
		cmocka_unit_test_setup(test_truncate, setup),
		cmocka_unit_test_setup(test_random_model, setup),
		cmocka_unit_test_setup(test_access_ok, setup),
	};

	return cmocka_run_group_tests_name("iov_iter", tests, NULL, NULL);
}
