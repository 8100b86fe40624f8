// SPDX-License-Identifier: GPL-2.0
/*
 * Boot-time state on the running kernel: what came from GRUB (command
 * line, memory map), the printk ring buffer, kallsyms and %pS, the clock,
 * the exception path (a trap taken and fixed up through the IDT and the
 * exception table), restoring the interrupt flag, and the backtrace of a
 * function without a frame. Linux's nearest counterparts: lib/test_printf.c,
 * kernel/kallsyms_selftest.c, and the x86 selftests of the entry code.
 */
#include <asm/bootparam.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/irqflags.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>


static void cmdline_from_grub(struct kunit *test)
{
	/* We were started with ktest=..., so GRUB's command line reached us. */
	KUNIT_EXPECT_TRUE(test, strstr(boot_command_line, "ktest=") != NULL);
	KUNIT_EXPECT_TRUE(test, kunit_requested());
	KUNIT_EXPECT_EQ(test, boot_params.mbi_start & 7, 0);
	KUNIT_EXPECT_GT(test, boot_params.mbi_end, boot_params.mbi_start);
}

static void e820_table_sane(struct kunit *test)
{
	u64 ram = 0;

	KUNIT_ASSERT_TRUE(test, e820_table->nr_entries > 0);
	for (u32 i = 0; i < e820_table->nr_entries; i++) {
		const struct e820_entry *e = &e820_table->entries[i];

		KUNIT_EXPECT_GT(test, e->size, 0);
		if (i) {
			const struct e820_entry *p = &e820_table->entries[i - 1];

			KUNIT_EXPECT_LE(test, p->addr + p->size, e->addr);
		}
		if (e->type == E820_TYPE_RAM)
			ram += e->size;
	}
	KUNIT_EXPECT_EQ(test, ram, e820__total_ram(e820_table));
	KUNIT_EXPECT_GE(test, ram, 16 * SZ_1M);	/* every test runs with >= 32M */
	KUNIT_EXPECT_EQ(test, max_pfn, e820__end_of_ram_pfn(e820_table));
}

/* Is there a log record whose text starts with prefix? */
static bool log_has(const char *prefix)
{
	char text[128];
	u64 seq;

	for (seq = log_first_seq; seq < log_next_seq; seq++) {
		if (printk_get_record(seq, NULL, NULL, text, sizeof(text)) < 0)
			continue;
		if (!strncmp(text, prefix, strlen(prefix)))
			return true;
	}
	return false;
}

/* Does a record at or after seq from contain needle? */
static bool log_has_since(u64 from, const char *needle)
{
	char text[160];

	for (u64 seq = max(from, log_first_seq); seq < log_next_seq; seq++) {
		if (printk_get_record(seq, NULL, NULL, text, sizeof(text)) >= 0 &&
		    strstr(text, needle))
			return true;
	}
	return false;
}

static void printk_ring_buffer(struct kunit *test)
{
	u64 seq = log_next_seq;

	KUNIT_EXPECT_TRUE(test, log_has("Linnet version"));
	KUNIT_EXPECT_TRUE(test, log_has("BIOS-e820: [mem 0x"));
	printk(KERN_DEBUG "kunit printk probe %d\n", 1234);
	KUNIT_EXPECT_EQ(test, log_next_seq, seq + 1);
	KUNIT_EXPECT_TRUE(test, log_has("kunit printk probe 1234"));
}

static void vsprintf_formats(struct kunit *test)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%5lu.%06lu|%-4d|%x|%#018llx", 3UL, 42UL, -7, 0xbeefU,
		 0x1234ULL);
	KUNIT_EXPECT_STREQ(test, buf, "    3.000042|-7  |beef|0x0000000000001234");
	KUNIT_EXPECT_EQ(test, snprintf(buf, 4, "%s", "abcdef"), 6);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	snprintf(buf, sizeof(buf), "%ps", (void *)start_kernel);
	KUNIT_EXPECT_STREQ(test, buf, "start_kernel");
}

static void kallsyms_symbolizes(struct kunit *test)
{
	unsigned long addr = (unsigned long)start_kernel, size, off;
	const char *name = kallsyms_lookup(addr + 3, &size, &off);
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];

	KUNIT_ASSERT_TRUE(test, name != NULL);
	KUNIT_EXPECT_STREQ(test, name, "start_kernel");
	KUNIT_EXPECT_EQ(test, off, 3);
	KUNIT_EXPECT_GT(test, size, 3);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("start_kernel"), addr);
	sprint_symbol(buf, sizeof(buf), addr + 3);
	snprintf(want, sizeof(want), "start_kernel+0x3/0x%lx", size);
	KUNIT_EXPECT_STREQ(test, buf, want);
	/* Data is not text: no symbol, the raw address is printed. */
	KUNIT_EXPECT_TRUE(test, kallsyms_lookup((unsigned long)&boot_params, NULL, NULL) == NULL);
}

static void clock_runs(struct kunit *test)
{
	u64 t0 = local_clock(), t1;

	KUNIT_ASSERT_TRUE(test, tsc_khz > 0);
	udelay(1000);
	t1 = local_clock();
	/* At least the 1 ms we waited; emulation may stretch it, never shrink it. */
	KUNIT_EXPECT_GE(test, t1 - t0, 1000000);
}

static void exception_fixup_through_idt(struct kunit *test)
{
	unsigned long resumed = 0;

	/* ud2 raises #UD; the exception table sends it to 2: with resumed = 1. */
	__asm__ __volatile__("1: ud2\n"
			     "   jmp 3f\n"
			     "2: movq $1, %0\n"
			     "3:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+r"(resumed));
	KUNIT_EXPECT_EQ(test, resumed, 1);
	/* int3 pushes no error code; the same path must resume just as well. */
	resumed = 0;
	__asm__ __volatile__("   int3\n"
			     "1: nop\n"
			     "   jmp 3f\n"
			     "2: movq $1, %0\n"
			     "3:\n"
			     _ASM_EXTABLE(1b, 2b)
			     : "+r"(resumed));
	KUNIT_EXPECT_EQ(test, resumed, 1);
}

static void segments_like_linux(struct kunit *test)
{
	u16 cs, ss, tr;

	__asm__ __volatile__("mov %%cs, %0; mov %%ss, %1; str %2" : "=r"(cs), "=r"(ss), "=r"(tr));
	KUNIT_EXPECT_EQ(test, cs, 0x10);	/* Linux's __KERNEL_CS */
	KUNIT_EXPECT_EQ(test, ss, 0x18);	/* __KERNEL_DS */
	KUNIT_EXPECT_EQ(test, tr, __TSS_SEL);
}

/*
 * local_irq_restore() puts back exactly the interrupt flag that
 * local_irq_save() found, whatever happened in between (Linux:
 * native_restore_fl / arch_local_irq_restore).
 */
static void irq_restore_restores_saved_state(struct kunit *test)
{
	unsigned long flags, outer;

	local_irq_save(outer);
	local_irq_disable();
	local_irq_save(flags);		/* saved: off */
	local_irq_enable();		/* someone turned them on meanwhile */
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());

	local_irq_enable();
	local_irq_save(flags);		/* saved: on */
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_restore(flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	local_irq_restore(outer);
}

/*
 * A function that sets up no frame (no push %rbp): while it runs, %rbp is
 * still its caller's, so a frame-pointer walk goes from it straight to
 * its caller's caller. Its caller is only found by looking at the stack,
 * where the call left the return address (Linux prints such entries with
 * "? ", unreliable, in show_trace_log_lvl()). This one passes the probe
 * an ip inside itself and the sp at which its return address sits.
 */
void unwind_frameless_call(void (*probe)(unsigned long ip, unsigned long sp));
__asm__(".pushsection .text\n"
	".globl unwind_frameless_call\n"
	".type unwind_frameless_call, @function\n"
	"unwind_frameless_call:\n"
	"	movq %rdi, %rax\n"
	"	leaq 1f(%rip), %rdi\n"
	"	movq %rsp, %rsi\n"
	"	subq $8, %rsp\n"		/* the ABI's stack alignment for the call */
	"	call *%rax\n"
	"1:	addq $8, %rsp\n"
	"	ret\n"
	".size unwind_frameless_call, . - unwind_frameless_call\n"
	".popsection\n");

/* An oops's view of the frameless function: regs->ip, ->sp, ->bp. */
static noinline void unwind_probe(unsigned long ip, unsigned long sp)
{
	unsigned long bp = *(unsigned long *)__builtin_frame_address(0);	/* caller's rbp */

	show_trace(ip, bp, sp);
}

static noinline void unwinder_sees_caller_of_frameless(struct kunit *test)
{
	u64 from = log_next_seq;

	unwind_frameless_call(unwind_probe);
	KUNIT_EXPECT_TRUE(test, log_has_since(from, " unwind_frameless_call+0x"));
	/* The caller: found on the stack, marked "? " or not. */
	KUNIT_EXPECT_TRUE(test, log_has_since(from, "unwinder_sees_caller_of_frameless+0x"));
	/* And the frame chain goes on above it. */
	KUNIT_EXPECT_TRUE(test, log_has_since(from, " kunit_run_tests+0x"));
}

static struct kunit_case boot_cases[] = {
	KUNIT_CASE(cmdline_from_grub),
	KUNIT_CASE(e820_table_sane),
	KUNIT_CASE(printk_ring_buffer),
	KUNIT_CASE(vsprintf_formats),
	KUNIT_CASE(kallsyms_symbolizes),
	KUNIT_CASE(clock_runs),
	KUNIT_CASE(exception_fixup_through_idt),
	KUNIT_CASE(segments_like_linux),
	KUNIT_CASE(irq_restore_restores_saved_state),
	KUNIT_CASE(unwinder_sees_caller_of_frameless),
	{}
};

static struct kunit_suite boot_suite = {
	.name = "boot",
	.test_cases = boot_cases,
};
kunit_test_suite(boot_suite);
