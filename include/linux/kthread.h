/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel threads (Linux: include/linux/kthread.h, kernel/kthread.c). */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

__printf(4, 5) struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
							 int cpu, const char *namefmt, ...);
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
						  const char *namefmt, ...);
void kthread_bind(struct task_struct *p, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
void __noreturn kthread_exit(long result);
void free_kthread_struct(struct task_struct *k);

/* Create and start (Linux's kthread_run is a macro too). */
#define kthread_run(threadfn, data, namefmt, ...)                              \
	({                                                                     \
		struct task_struct *__k =                                      \
			kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                              \
			wake_up_process(__k);                                  \
		__k;                                                           \
	})

#endif /* _LINUX_KTHREAD_H */
