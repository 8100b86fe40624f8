/* SPDX-License-Identifier: GPL-2.0 */
/* panic(), BUG() and WARN() (kernel/panic.c, include/asm-generic/bug.h). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/printk.h>

__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);

/* Which CPU is panicking, if any (kernel/panic.c). */
#define PANIC_CPU_INVALID -1
extern atomic_t panic_cpu;
bool panic_in_progress(void);
bool this_cpu_in_panic(void);
bool other_cpu_in_panic(void);	/* for printk: a message from a CPU that should be stopped */
void __noreturn panic_smp_self_stop(void);
extern int panic_timeout;
void __warn(const char *file, int line, void *where);

/* The address of the code being compiled (Linux: _THIS_IP_). */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })
void dump_stack(void);
void dump_stack_print_info(const char *log_lvl);

#define BUG()                                                              \
	do {                                                               \
		pr_crit("kernel BUG at %s:%d!\n", __FILE__, __LINE__);     \
		panic("BUG");                                              \
	} while (0)

#define BUG_ON(cond)                 \
	do {                         \
		if (unlikely(cond))  \
			BUG();       \
	} while (0)

#define WARN_ON(cond)                                                      \
	({                                                                 \
		bool __c = !!(cond);                                       \
		if (unlikely(__c))                                         \
			__warn(__FILE__, __LINE__, (void *)_THIS_IP_);     \
		unlikely(__c);                                             \
	})

#define WARN_ON_ONCE(cond)                                                 \
	({                                                                 \
		static bool __warned_once;                                 \
		bool __c = !!(cond);                                       \
		if (unlikely(__c) && !__warned_once) {                     \
			__warned_once = true;                              \
			__warn(__FILE__, __LINE__, (void *)_THIS_IP_);     \
		}                                                          \
		unlikely(__c);                                             \
	})

#endif /* _LINUX_PANIC_H */
