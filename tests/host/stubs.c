// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for the kernel services the host-built kernel files use
 * (see tests/host/include/host_stubs.h). Real implementations, only for a
 * different machine: printk records its output, panic() fails the test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <host_stubs.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>
#include <linux/printk.h>

unsigned long page_offset_base;	/* 0: __va(x) == x on the host */
unsigned int __pgtable_l5_enabled;
unsigned int pgdir_shift = PGDIR_SHIFT_L4;
unsigned int ptrs_per_p4d = 1;
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

char printk_log[65536];
static size_t printk_len;

void printk_log_reset(void)
{
	printk_len = 0;
	printk_log[0] = '\0';
}

bool printk_log_contains(const char *needle)
{
	return strstr(printk_log, needle) != NULL;
}

int vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int n = vsnprintf(buf, sizeof(buf), fmt, args);

	while (text[0] == KERN_SOH_ASCII && text[1])
		text += 2;
	if (getenv("PRINTK_ECHO"))
		fputs(text, stderr);
	printk_len += snprintf(printk_log + printk_len, sizeof(printk_log) - printk_len,
			       "%s", text);
	if (printk_len >= sizeof(printk_log))
		printk_len = sizeof(printk_log) - 1;
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	fprintf(stderr, "Kernel panic - not syncing: ");
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}

void host_set_paging_levels(int levels)
{
	__pgtable_l5_enabled = levels == 5;
	pgdir_shift = levels == 5 ? PGDIR_SHIFT_L5 : PGDIR_SHIFT_L4;
	ptrs_per_p4d = levels == 5 ? 512 : 1;
}

/* ---- WARN and stack dumps: report, and let the test decide ---------------- */

int host_warn_count;

void __warn(const char *file, int line, void *where)
{
	host_warn_count++;
	printk("WARNING: at %s:%d\n", file, line);
}

void dump_stack(void)
{
	printk("Call Trace: (host)\n");
}

/* ---- per-CPU areas: the kernel's scheme, copies from malloc ---------------- */

#include <linux/percpu.h>

unsigned long __per_cpu_offset[NR_CPUS];
unsigned int nr_cpu_ids = 1;
__thread int host_cpu;

/* One variable so the section (and its __start_/__stop_ symbols) always exists. */
static DEFINE_PER_CPU(int, host_percpu_anchor) __used;

void host_setup_per_cpu_areas(unsigned int nr_cpus)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	size_t unit = ((size + 7) & ~7UL) + PERCPU_DYNAMIC_RESERVE;
	static char *areas[NR_CPUS];

	if (nr_cpus > NR_CPUS)
		abort();

	for (unsigned int cpu = 0; cpu < nr_cpus; cpu++) {
		char *area;

		free(areas[cpu]);
		/* Page-aligned, as setup_per_cpu_areas() gets them from memblock. */
		areas[cpu] = area = aligned_alloc(PAGE_SIZE, (unit + PAGE_SIZE - 1) & PAGE_MASK);
		if (!area)
			abort();
		memcpy(area, __per_cpu_start, size);
		__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
	}
	nr_cpu_ids = nr_cpus;
	pcpu_setup_first_chunk(size);
}

/*
 * might_sleep() (kernel/sched/core.c): nothing sleeps on the host, so only
 * count the calls; the page allocator's tests check who makes them.
 */
unsigned long host_might_sleep_calls;

void __might_sleep(const char *file, int line)
{
	host_might_sleep_calls++;
}

/* preempt_enable() may call it; on the host nothing is ever preempted. */
void preempt_schedule(void)
{
}

/* The kernel's scnprintf (lib/vsprintf.c), over the C library's vsnprintf. */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}

const char *current_comm(void)
{
	return "host";
}

/* ---- cross-CPU calls, for mm/slub.c's flush_all() --------------------------- */

#include <linux/smp.h>

/*
 * The kernel sends func to each chosen CPU in a call-function IPI and
 * that CPU runs it on itself. A host "CPU" is whatever thread sets
 * host_cpu to it, and nothing can interrupt a thread, so the calling
 * thread plays each chosen CPU in turn: it sets host_cpu and runs func,
 * which then sees that CPU's per-CPU data through this_cpu_ptr() as the
 * CPU itself would. That is only the kernel's behaviour while no other
 * thread is playing that CPU inside the allocator at the same moment;
 * the host tests flush (kmem_cache_shrink/destroy) only from a single
 * thread, or after joining the threads that played the other CPUs.
 */
void on_each_cpu_cond(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait)
{
	int self = host_cpu;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (!cond_func(cpu, info))
			continue;
		host_cpu = cpu;
		func(info);
	}
	host_cpu = self;
}

/* mm/oom_kill.c is not in the host build: exit_mmap's hook for an OOM victim's mm. */
struct mm_struct;
void __oom_exit_mmap(struct mm_struct *mm)
{
}
