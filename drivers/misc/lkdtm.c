// SPDX-License-Identifier: GPL-2.0
/*
 * Crashing the kernel on purpose, to test that crashes are reported well.
 *
 * Linux: drivers/misc/lkdtm/ (the Linux Kernel Dump Test Module), whose
 * crash types are triggered with the boot option lkdtm.cpoint_type= or
 * through debugfs. Here the boot option lkdtm=TYPE runs one crash type at
 * the end of boot. The names are Linux's where Linux has the same test;
 * TRIPLE_FAULT is ours, to check that the test runner tells a triple
 * fault apart from a panic. The test matrix (tests/matrix.py) boots each
 * and checks the outcome and the report.
 */
#include <asm/desc.h>
#include <asm/special_insns.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/lkdtm.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>

static char crashtype[32];

/* Kept in their sections on purpose: the tests write to / execute them. */
static const unsigned long lkdtm_rodata_target = 0x1234;
static unsigned long lkdtm_data_target[4] = { 0xc3 };	/* "ret" */

static noinline void lkdtm_PANIC(void)
{
	panic("dumptest");
}

static noinline void lkdtm_BUG(void)
{
	BUG();
}

static noinline void lkdtm_WARNING(void)
{
	WARN_ON(1);
	pr_info("lkdtm: WARNING returned, the kernel goes on\n");
}

static noinline void lkdtm_EXCEPTION(void)
{
	*(volatile int *)0 = 0;
}

static noinline void lkdtm_ACCESS_NULL(void)
{
	pr_info("lkdtm: reading NULL: %lx\n", *(volatile unsigned long *)0);
}

static noinline void lkdtm_LOOP(void)
{
	local_irq_disable();
	for (;;)
		__asm__ __volatile__("pause");
}

static noinline void lkdtm_WRITE_RO(void)
{
	volatile unsigned long *p = (unsigned long *)&lkdtm_rodata_target;

	pr_info("lkdtm: attempting bad rodata write at %p\n", (void *)p);
	*p ^= 0xabcd;
	pr_err("lkdtm: FAIL: survived bad write\n");
}

static noinline void lkdtm_WRITE_KERN(void)
{
	volatile unsigned char *p = (unsigned char *)lkdtm_PANIC;

	pr_info("lkdtm: attempting bad write to kernel text at %pS\n", (void *)p);
	*p = 0xcc;
	pr_err("lkdtm: FAIL: survived bad write\n");
}

static noinline void lkdtm_EXEC_DATA(void)
{
	void (*fn)(void) = (void (*)(void))lkdtm_data_target;

	pr_info("lkdtm: attempting bad execution at %p\n", (void *)fn);
	fn();
	pr_err("lkdtm: FAIL: survived bad execution\n");
}

static noinline unsigned long recurse(unsigned long depth)
{
	volatile char buf[512];

	buf[0] = (char)depth;
	if (depth > 1000000)	/* never reached: the 16 KiB stack ends first */
		return 0;
	return recurse(depth + 1) + buf[0];
}

static noinline void lkdtm_EXHAUST_STACK(void)
{
	pr_info("lkdtm: calling function with 512 byte frame, forever\n");
	recurse(0);
}

static noinline void lkdtm_TRIPLE_FAULT(void)
{
	struct desc_ptr no_idt = { 0, 0 };

	pr_info("lkdtm: loading an empty IDT and trapping: the CPU will reset\n");
	local_irq_disable();
	load_idt(&no_idt);
	__asm__ __volatile__("int3");
}

struct crashtype {
	const char *name;
	void (*func)(void);
};

#define CRASHTYPE(name) { #name, lkdtm_##name }

static const struct crashtype crashtypes[] = {
	CRASHTYPE(PANIC), CRASHTYPE(BUG), CRASHTYPE(WARNING),
	CRASHTYPE(EXCEPTION), CRASHTYPE(ACCESS_NULL), CRASHTYPE(LOOP),
	CRASHTYPE(WRITE_RO), CRASHTYPE(WRITE_KERN), CRASHTYPE(EXEC_DATA),
	CRASHTYPE(EXHAUST_STACK), CRASHTYPE(TRIPLE_FAULT),
};

static int lkdtm_setup(char *val)
{
	if (!val || !*val)
		return 0;
	strscpy(crashtype, val, sizeof(crashtype));
	return 1;
}
__setup("lkdtm=", lkdtm_setup);

void lkdtm_run_boot_crashtype(void)
{
	if (!crashtype[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(crashtypes[i].name, crashtype))
			continue;
		pr_info("lkdtm: Performing direct entry %s\n", crashtype);
		crashtypes[i].func();
		return;
	}
	pr_err("lkdtm: unknown crash type '%s'; known types:", crashtype);
	for (size_t i = 0; i < ARRAY_SIZE(crashtypes); i++)
		pr_cont(" %s", crashtypes[i].name);
	pr_cont("\n");
}
