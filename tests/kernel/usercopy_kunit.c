// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of user-memory access (lib/usercopy.c, linux/uaccess.h):
 * access_ok() against TASK_SIZE_MAX in the running paging mode; every
 * accessor refusing a kernel address without touching it; an unmapped
 * user address giving a full short copy, not an oops; and, with one page
 * mapped at a user address followed by an unmapped one, copies that stop
 * exactly at the page end (the rep movsb fixup's remaining count), the
 * zeroed tail of copy_from_user(), and the string functions' returns.
 *
 * There is no user space yet, so the "user page" is a kernel page mapped
 * at TEST_UADDR in init_top_pgt with map_kernel_range() (Linux's
 * lib/usercopy_kunit.c maps one with kunit_vm_mmap()); it is unmapped
 * and freed at the end of each case. The page-table pages the mapping
 * needed stay, as they do for any kernel mapping here.
 */
#include <asm/pgalloc.h>
#include <asm/pgtable_types.h>
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define TEST_UADDR 0x00003f0000000000UL	/* below TASK_SIZE_MAX in both modes */
#define UNMAPPED_UADDR 0x0000000010000000UL

/* Map a zeroed page at TEST_UADDR (nothing at TEST_UADDR + PAGE_SIZE); its kernel address. */
static u8 *map_user_page(struct kunit *test)
{
	unsigned long kva = get_zeroed_page(GFP_KERNEL);

	if (!kva)
		return NULL;
	map_kernel_range(TEST_UADDR, __pa(kva), PAGE_SIZE, __PAGE_KERNEL);
	return (u8 *)kva;
}

static void unmap_user_page(u8 *kva)
{
	unmap_kernel_range(TEST_UADDR, PAGE_SIZE);
	free_page((unsigned long)kva);
}

static void usercopy_access_ok(struct kunit *test)
{
	unsigned long top = (1UL << (pgtable_l5_enabled() ? 56 : 47)) - PAGE_SIZE;

	KUNIT_EXPECT_EQ(test, TASK_SIZE_MAX, top);
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)0x1000, PAGE_SIZE));
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)(top - 8), 8));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)(top - 8), 9));
	KUNIT_EXPECT_TRUE(test, access_ok((void __user *)top, 0));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)top, 1));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)0x1000, ~0UL));	/* wraps */
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)PAGE_OFFSET, 1));
	KUNIT_EXPECT_FALSE(test, access_ok((void __user *)__START_KERNEL_map, 1));
	/* 2^47 is user space only with 5-level paging. */
	KUNIT_EXPECT_EQ(test, access_ok((void __user *)(1UL << 47), 1), pgtable_l5_enabled());
}

static char kbuf_target[64];

static void usercopy_kernel_address_refused(struct kunit *test)
{
	char src[16] = "must not land", dst[16];
	void __user *k = (void __user *)kbuf_target;
	u32 v32 = 0x12345678;
	long r;

	memset(kbuf_target, 'k', sizeof(kbuf_target));
	kbuf_target[sizeof(kbuf_target) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, copy_to_user(k, src, sizeof(src)), sizeof(src));
	KUNIT_EXPECT_EQ(test, kbuf_target[0], 'k');
	KUNIT_EXPECT_EQ(test, clear_user(k, 8), 8UL);
	KUNIT_EXPECT_EQ(test, kbuf_target[0], 'k');
	memset(dst, 0x5a, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, k, sizeof(dst)), sizeof(dst));
	KUNIT_EXPECT_EQ(test, dst[0], 0);	/* the uncopied part is zeroed */
	KUNIT_EXPECT_EQ(test, dst[15], 0);
	r = strncpy_from_user(dst, (const char __user *)kbuf_target, sizeof(dst));
	KUNIT_EXPECT_EQ(test, r, -EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)kbuf_target, 64), 0);
	KUNIT_EXPECT_EQ(test, get_user(v32, (u32 __user *)kbuf_target), -EFAULT);
	KUNIT_EXPECT_EQ(test, v32, 0);
	KUNIT_EXPECT_EQ(test, put_user(v32, (u32 __user *)kbuf_target), -EFAULT);
	KUNIT_EXPECT_EQ(test, kbuf_target[0], 'k');
}

static void usercopy_unmapped_user_address(struct kunit *test)
{
	char src[32] = "into nothing", dst[32];
	void __user *u = (void __user *)UNMAPPED_UADDR;
	u64 v = 7;

	/* Each of these faults inside the accessor and is fixed up: no oops. */
	KUNIT_EXPECT_EQ(test, copy_to_user(u, src, sizeof(src)), sizeof(src));
	memset(dst, 0x5a, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, u, sizeof(dst)), sizeof(dst));
	KUNIT_EXPECT_EQ(test, dst[0], 0);
	KUNIT_EXPECT_EQ(test, clear_user(u, 100), 100UL);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(dst, u, sizeof(dst)), -EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user(u, 100), 0);
	KUNIT_EXPECT_EQ(test, get_user(v, (u64 __user *)u), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0);
	KUNIT_EXPECT_EQ(test, put_user(v, (u64 __user *)NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, copy_to_user(NULL, src, 1), 1UL);
	/* Zero bytes: nothing to fault on. */
	KUNIT_EXPECT_EQ(test, copy_to_user(u, src, 0), 0UL);
	/* Past TASK_SIZE_MAX: refused whole by access_ok, even the part below it. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(TASK_SIZE_MAX - 4), src, 8), 8UL);
}

static void usercopy_short_copy_at_page_end(struct kunit *test)
{
	u8 *kva = map_user_page(test);
	u8 __user *u = (u8 __user *)TEST_UADDR;
	u8 src[256], dst[256];
	u32 v;

	KUNIT_ASSERT_TRUE(test, kva != NULL);
	for (int i = 0; i < 256; i++)
		src[i] = (u8)(i * 3 + 1);

	/* All in the page: complete. */
	KUNIT_EXPECT_EQ(test, copy_to_user(u + 100, src, 256), 0UL);
	KUNIT_EXPECT_TRUE(test, !memcmp(kva + 100, src, 256));
	/* 96 bytes fit before the unmapped page: 160 are left. */
	KUNIT_EXPECT_EQ(test, copy_to_user(u + PAGE_SIZE - 96, src, 256), 160UL);
	KUNIT_EXPECT_TRUE(test, !memcmp(kva + PAGE_SIZE - 96, src, 96));

	memset(dst, 0x5a, sizeof(dst));
	KUNIT_EXPECT_EQ(test, copy_from_user(dst, u + PAGE_SIZE - 96, 256), 160UL);
	KUNIT_EXPECT_TRUE(test, !memcmp(dst, src, 96));
	KUNIT_EXPECT_EQ(test, dst[96], 0);	/* the tail is zeroed, not left stale */
	KUNIT_EXPECT_EQ(test, dst[255], 0);

	KUNIT_EXPECT_EQ(test, clear_user(u + PAGE_SIZE - 10, 30), 20UL);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 10], 0);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 1], 0);
	KUNIT_EXPECT_EQ(test, kva[PAGE_SIZE - 11], src[85]);

	/* Strings: terminated, longer than count, running into the hole. */
	memcpy(kva + 200, "hello", 6);
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)dst, (const char __user *)u + 200, 64), 5);
	KUNIT_EXPECT_STREQ(test, (char *)dst, "hello");
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)dst, (const char __user *)u + 200, 3), 3);
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)dst, (const char __user *)u, 0), 0);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)u + 200, 64), 6);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)u + 200, 3), 4);	/* > count */
	memset(kva + PAGE_SIZE - 8, 'x', 8);
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)dst, (const char __user *)u + PAGE_SIZE - 8,
						64), -EFAULT);
	KUNIT_EXPECT_EQ(test, strncpy_from_user((char *)dst, (const char __user *)u + PAGE_SIZE - 8,
						8), 8);
	KUNIT_EXPECT_EQ(test, strnlen_user((const char __user *)u + PAGE_SIZE - 8, 64), 0);

	/* get_user/put_user inside the page, and straddling its end. */
	KUNIT_EXPECT_EQ(test, put_user(0xcafef00dU, (u32 __user *)(u + 16)), 0);
	KUNIT_EXPECT_EQ(test, *(u32 *)(kva + 16), 0xcafef00dU);
	v = 0;
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)(u + 16)), 0);
	KUNIT_EXPECT_EQ(test, v, 0xcafef00dU);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)(u + PAGE_SIZE - 2)), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0);

	unmap_user_page(kva);
	/* Gone again: the same copy now does nothing. */
	KUNIT_EXPECT_EQ(test, copy_to_user(u + 100, src, 16), 16UL);
}

static struct kunit_case usercopy_cases[] = {
	KUNIT_CASE(usercopy_access_ok),
	KUNIT_CASE(usercopy_kernel_address_refused),
	KUNIT_CASE(usercopy_unmapped_user_address),
	KUNIT_CASE(usercopy_short_copy_at_page_end),
	{}
};

static struct kunit_suite usercopy_suite = {
	.name = "lib.usercopy",
	.test_cases = usercopy_cases,
};
kunit_test_suite(usercopy_suite);
