/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by spinlock.c and spinlock_debug.c (Linux: the do_raw_spin_* prototypes). */
#ifndef _KERNEL_LOCKING_SPINLOCK_DEBUG_H
#define _KERNEL_LOCKING_SPINLOCK_DEBUG_H

#include <linux/spinlock.h>

void do_raw_spin_lock(spinlock_t *lock);
bool do_raw_spin_trylock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);
void debug_spin_unlock_owner(spinlock_t *lock);

#endif
