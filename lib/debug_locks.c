// SPDX-License-Identifier: GPL-2.0
/*
 * The lock-debugging master switch (Linux: lib/debug_locks.c). See
 * include/linux/debug_locks.h. Linux also calls console_verbose() when
 * turning it off, so the report reaches the console whatever the log
 * level; Linnet's reports use KERN_WARNING and above, which it prints by
 * default anyway.
 */
#include <linux/debug_locks.h>

int debug_locks = 1;
int debug_locks_silent;

int __debug_locks_off(void)
{
	return __atomic_exchange_n(&debug_locks, 0, __ATOMIC_SEQ_CST);
}

int debug_locks_off(void)
{
	if (debug_locks && __debug_locks_off()) {
		if (!debug_locks_silent)
			return 1;
	}
	return 0;
}
