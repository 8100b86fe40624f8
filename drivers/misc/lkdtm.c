// SPDX-License-Identifier: GPL-2.0
/*
 * Crashing the kernel on purpose, to test that crashes are reported well.
 *
 * Linux: drivers/misc/lkdtm/ (the Linux Kernel Dump Test Module), whose
 * crash types are triggered with the boot option lkdtm.cpoint_type= or
 * through debugfs. Here the boot option lkdtm=TYPE runs one crash type:
 * most from start_kernel(), before the scheduler, on the boot stack with
 * its guard page; the ones that need the other CPUs (PANIC_STOP_IRQOFF,
 * PANIC_WHILE_LOGGING, CONCURRENT_OOPS) or a task with a vmalloc'd stack
 * (EXHAUST_STACK, STACK_GUARD_PAGE_LEADING/TRAILING, EXHAUST_IRQ_STACK)
 * from kernel_init() once smp_init() has brought them up, which is where
 * Linux's lkdtm module init runs them. The names
 * are Linux's where Linux has the same test; TRIPLE_FAULT (the test
 * runner must tell a triple fault apart from a panic) and
 * PANIC_WHILE_LOGGING (every other CPU logs without pause while one
 * panics), CONCURRENT_OOPS (every CPU oopses at once) and
 * EXCEPTION_FRAMELESS (a fault in a function without a frame),
 * EXHAUST_STACK_BOOT (EXHAUST_STACK on the boot stack) and
 * EXHAUST_IRQ_STACK (the recursion in an interrupt handler) are ours.
 * EXEC_USERSPACE and ACCESS_USERSPACE (Linux's lkdtm/perms.c) make the
 * kernel run and touch a user page: with SMEP and SMAP on (-cpu max) both
 * are oopses. The test matrix (tests/matrix.py) boots each and checks the
 * outcome and the report.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/irq_vectors.h>
#include <asm/special_insns.h>
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
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

/*
 * EXCEPTION_FRAMELESS (ours): the NULL write happens in a leaf that sets
 * up no frame, so the oops's frame chain skips its caller; the trace must
 * still name lkdtm_EXCEPTION_FRAMELESS, found on the stack ("? ").
 */
void lkdtm_frameless_null_write(void);
__asm__(".pushsection .text\n"
	".globl lkdtm_frameless_null_write\n"
	".type lkdtm_frameless_null_write, @function\n"
	"lkdtm_frameless_null_write:\n"
	"	movl $0, 0\n"
	"	ret\n"
	".size lkdtm_frameless_null_write, . - lkdtm_frameless_null_write\n"
	".popsection\n");

static noinline void lkdtm_EXCEPTION_FRAMELESS(void)
{
	lkdtm_frameless_null_write();
	pr_err("lkdtm: FAIL: survived NULL write\n");
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

/*
 * Late, from the init task: its stack is vmalloc'd (CONFIG_VMAP_STACK),
 * so the recursion runs into the guard page below it; the #DF handler
 * reports the overflow and names the task ("Comm: init").
 */
static noinline void lkdtm_EXHAUST_STACK(void)
{
	pr_info("lkdtm: calling function with 512 byte frame, forever\n");
	recurse(0);
}

/* The same on the boot stack, before the scheduler (its guard is boot_stack_guard). */
static noinline void lkdtm_EXHAUST_STACK_BOOT(void)
{
	pr_info("lkdtm: calling function with 512 byte frame, forever (boot stack)\n");
	recurse(0);
}

/* Linux's: read the byte just below the task's stack, in its guard page. */
static noinline void lkdtm_STACK_GUARD_PAGE_LEADING(void)
{
	const volatile unsigned char *ptr = (const unsigned char *)current->stack - 1;
	unsigned char byte;

	pr_info("attempting bad read from page below current stack\n");
	byte = *ptr;
	pr_err("FAIL: accessed page before stack! (byte: %x)\n", byte);
}

/* Linux's: read the byte just above the task's stack, in the area's trailing guard page. */
static noinline void lkdtm_STACK_GUARD_PAGE_TRAILING(void)
{
	const volatile unsigned char *ptr = (const unsigned char *)current->stack + THREAD_SIZE;
	unsigned char byte;

	pr_info("attempting bad read from page above current stack\n");
	byte = *ptr;
	pr_err("FAIL: accessed page after stack! (byte: %x)\n", byte);
}

/*
 * Ours: the recursion in an interrupt handler, on this CPU's IRQ stack
 * (kernel/irq.c), which must end in that stack's guard page. A software
 * "int" on an unused vector enters through the device-interrupt path.
 */
#define LKDTM_IRQ_VECTOR 0x80

static void lkdtm_irq_recurse(struct pt_regs *regs)
{
	pr_info("lkdtm: recursing in an interrupt handler\n");
	recurse(0);
}

static noinline void lkdtm_EXHAUST_IRQ_STACK(void)
{
	set_vector_handler(LKDTM_IRQ_VECTOR, lkdtm_irq_recurse);
	__asm__ __volatile__("int %0" : : "i"(LKDTM_IRQ_VECTOR) : "memory");
	pr_err("FAIL: survived IRQ stack exhaustion\n");
}

static noinline void lkdtm_TRIPLE_FAULT(void)
{
	struct desc_ptr no_idt = { 0, 0 };

	pr_info("lkdtm: loading an empty IDT and trapping: the CPU will reset\n");
	local_irq_disable();
	load_idt(&no_idt);
	__asm__ __volatile__("int3");
}

/*
 * Every other CPU spins with interrupts off, so only an NMI can stop it
 * (Linux's test uses stop_machine(); here a call-function IPI, whose
 * handler runs with interrupts off, parks them). Then this CPU panics.
 */
static atomic_t irqoff_cpus;

static void panic_stop_irqoff_fn(void *arg)
{
	atomic_fetch_inc(&irqoff_cpus);
	for (;;)
		cpu_relax();
}

static noinline void lkdtm_PANIC_STOP_IRQOFF(void)
{
	unsigned int others = num_online_cpus() - 1;

	smp_call_function_many(cpu_online_mask, panic_stop_irqoff_fn, NULL, false);
	while ((unsigned int)atomic_read(&irqoff_cpus) < others)
		cpu_relax();
	local_irq_disable();
	panic("panic stop irqoff test");
}

/*
 * A kernel thread on every other CPU prints lines without pause; once
 * each has printed a few, this CPU panics. Nothing of theirs may appear
 * after the "Kernel panic - not syncing" line. The loggers take a lock of
 * their own around each line (interrupts off), so their lines never
 * interleave with each other whatever printk itself guarantees.
 */
#define LOGGER_WARMUP_LINES 20
static DEFINE_SPINLOCK(logger_lock);
static atomic_t loggers_warm;

static int lkdtm_logger(void *unused)
{
	unsigned int line = 0;

	for (;;) {
		unsigned long flags;

		spin_lock_irqsave(&logger_lock, flags);
		pr_info("lkdtm: logger on CPU%d, line %u\n", smp_processor_id(), line);
		spin_unlock_irqrestore(&logger_lock, flags);
		if (++line == LOGGER_WARMUP_LINES)
			atomic_fetch_inc(&loggers_warm);
	}
	return 0;
}

static noinline void lkdtm_PANIC_WHILE_LOGGING(void)
{
	unsigned int cpu, me = smp_processor_id(), loggers = 0;

	for_each_online_cpu(cpu) {
		struct task_struct *t;

		if (cpu == me)
			continue;
		t = kthread_create_on_cpu(lkdtm_logger, NULL, cpu, "lkdtm_logger/%u", cpu);
		if (IS_ERR(t))
			continue;
		wake_up_process(t);
		loggers++;
	}
	while ((unsigned int)atomic_read(&loggers_warm) < loggers)
		cpu_relax();
	panic("panic while logging test");
}

/*
 * Every CPU dereferences NULL at the same moment (the others from a
 * call-function IPI): the oops reports must come out one at a time, not
 * interleaved (oops_begin's die_lock), and the first one panics.
 */
static atomic_t oops_barrier;

static noinline void concurrent_oops_fn(void *arg)
{
	unsigned int cpus = (unsigned long)arg;

	atomic_fetch_inc(&oops_barrier);
	while ((unsigned int)atomic_read(&oops_barrier) < cpus)
		cpu_relax();
	*(volatile int *)0 = smp_processor_id();
}

static noinline void lkdtm_CONCURRENT_OOPS(void)
{
	unsigned long cpus = num_online_cpus();

	smp_call_function_many(cpu_online_mask, concurrent_oops_fn, (void *)cpus, false);
	local_irq_disable();
	concurrent_oops_fn((void *)cpus);
}

/*
 * A user page in a fresh address space this (kernel) task borrows, with
 * one instruction in it: ret (Linux's lkdtm does vm_mmap in the caller's).
 */
static unsigned long lkdtm_user_page(void)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;
	u8 ret = 0xc3;

	if (!mm)
		return 0;
	kthread_use_mm(mm);
	addr = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE(addr) || copy_to_user((void __user *)addr, &ret, 1)) {
		pr_err("lkdtm: FAIL: could not map a user page\n");
		return 0;
	}
	return addr;
}

static noinline void lkdtm_EXEC_USERSPACE(void)
{
	unsigned long addr = lkdtm_user_page();

	if (!addr)
		return;
	pr_info("lkdtm: attempting bad execution at %px\n", (void *)addr);
	((void (*)(void))addr)();
	pr_err("lkdtm: FAIL: survived bad execution\n");
}

static noinline void lkdtm_ACCESS_USERSPACE(void)
{
	unsigned long addr = lkdtm_user_page();
	volatile unsigned long *ptr = (unsigned long *)addr;
	unsigned long tmp;

	if (!addr)
		return;
	pr_info("lkdtm: attempting bad read at %px\n", (void *)ptr);
	tmp = *ptr;
	tmp += 0xc0dec0de;
	pr_info("lkdtm: attempting bad write at %px\n", (void *)ptr);
	*ptr = tmp;
	pr_err("lkdtm: FAIL: survived bad write\n");
}

struct crashtype {
	const char *name;
	void (*func)(void);
	bool late;	/* needs the scheduler and the other CPUs */
};

#define CRASHTYPE(name) { #name, lkdtm_##name, false }
#define CRASHTYPE_LATE(name) { #name, lkdtm_##name, true }

static const struct crashtype crashtypes[] = {
	CRASHTYPE(PANIC), CRASHTYPE_LATE(PANIC_STOP_IRQOFF), CRASHTYPE(BUG), CRASHTYPE(WARNING),
	CRASHTYPE(EXCEPTION), CRASHTYPE(EXCEPTION_FRAMELESS), CRASHTYPE(ACCESS_NULL), CRASHTYPE(LOOP),
	CRASHTYPE(WRITE_RO), CRASHTYPE(WRITE_KERN), CRASHTYPE(EXEC_DATA),
	CRASHTYPE_LATE(EXHAUST_STACK), CRASHTYPE(EXHAUST_STACK_BOOT), CRASHTYPE(TRIPLE_FAULT),
	CRASHTYPE_LATE(STACK_GUARD_PAGE_LEADING), CRASHTYPE_LATE(STACK_GUARD_PAGE_TRAILING),
	CRASHTYPE_LATE(EXHAUST_IRQ_STACK),
	CRASHTYPE_LATE(PANIC_WHILE_LOGGING), CRASHTYPE_LATE(CONCURRENT_OOPS),
	CRASHTYPE_LATE(EXEC_USERSPACE), CRASHTYPE_LATE(ACCESS_USERSPACE),
};

static int lkdtm_setup(char *val)
{
	if (!val || !*val)
		return 0;
	strscpy(crashtype, val, sizeof(crashtype));
	return 1;
}
__setup("lkdtm=", lkdtm_setup);

static void lkdtm_run(bool late)
{
	for (size_t i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (strcmp(crashtypes[i].name, crashtype) || crashtypes[i].late != late)
			continue;
		pr_info("lkdtm: Performing direct entry %s\n", crashtype);
		crashtypes[i].func();
		return;
	}
}

/* From kernel_init(), after smp_init(): the types that need other CPUs. */
void lkdtm_run_late_crashtype(void)
{
	if (crashtype[0])
		lkdtm_run(true);
}

void lkdtm_run_boot_crashtype(void)
{
	if (!crashtype[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crashtypes); i++) {
		if (!strcmp(crashtypes[i].name, crashtype)) {
			lkdtm_run(false);
			return;
		}
	}
	pr_err("lkdtm: unknown crash type '%s'; known types:", crashtype);
	for (size_t i = 0; i < ARRAY_SIZE(crashtypes); i++)
		pr_cont(" %s", crashtypes[i].name);
	pr_cont("\n");
}
