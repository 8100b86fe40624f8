/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock validator's types (Linux: include/linux/lockdep_types.h).
 *
 * A lock class is what lockdep reasons about: every lock initialised at
 * the same place in the source (one spin_lock_init() or mutex_init()
 * call site, which owns a static struct lock_class_key) belongs to the
 * same class, and a statically defined lock (DEFINE_SPINLOCK,
 * DEFINE_MUTEX) is a class of its own, keyed by its own address.
 * Each lock instance carries a struct lockdep_map naming its key; each
 * task keeps the stack of locks it holds as struct held_lock entries.
 * kernel/locking/lockdep.c explains the rest. Left out, as everywhere
 * in Linnet's lockdep: read locks, softirq states, dynamic keys
 * (lockdep_register_key), lock pinning and nest_lock.
 */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

#define MAX_LOCKDEP_SUBCLASSES 8UL
#define NR_LOCKDEP_CACHING_CLASSES 2
#define MAX_LOCK_DEPTH 48UL

/* The first lock of an empty stack hashes from this (Linux's value). */
#define INITIAL_CHAIN_KEY -1

/*
 * What a lock may be held across (Linux: enum lockdep_wait_type, with
 * CONFIG_PROVE_RAW_LOCK_NESTING's numbering). Recorded and printed as
 * "-{inner:outer}"; Linnet does not check it (check_wait_context is left
 * out: might_sleep() already catches a mutex taken in atomic context).
 */
enum lockdep_wait_type {
	LD_WAIT_INV = 0,	/* not checked */
	LD_WAIT_FREE,		/* wait free, RCU */
	LD_WAIT_SPIN,		/* raw_spinlock_t */
	LD_WAIT_CONFIG,		/* spinlock_t */
	LD_WAIT_SLEEP,		/* mutex */
	LD_WAIT_MAX,
};

/* One byte per subclass: key->subkeys + subclass is the class's identity. */
struct lockdep_subclass_key {
	char __one_byte;
} __attribute__((__packed__));

struct lock_class_key {
	struct lockdep_subclass_key subkeys[MAX_LOCKDEP_SUBCLASSES];
};

struct lock_class;

/* Embedded in every lock: which class it belongs to. */
struct lockdep_map {
	struct lock_class_key *key;	/* NULL: a static lock, keyed by its own address */
	struct lock_class *class_cache[NR_LOCKDEP_CACHING_CLASSES];
	const char *name;
	u8 wait_type_outer;
	u8 wait_type_inner;
	u8 lock_type;
};

/* One entry of a task's stack of held locks. */
struct held_lock {
	u64 prev_chain_key;		/* the chain key before this lock was pushed */
	unsigned long acquire_ip;	/* where it was taken */
	struct lockdep_map *instance;
	unsigned int class_idx:10;	/* MAX_LOCKDEP_KEYS_BITS */
	unsigned int irq_context:2;	/* taken in hard-irq context? */
	unsigned int trylock:1;
	unsigned int read:2;		/* always 0: no read locks yet */
	unsigned int check:1;
	unsigned int hardirqs_off:1;	/* interrupts were off when it was taken */
};

/*
 * Where the task's interrupt state last changed (Linux: struct
 * irqtrace_events). Linnet has no irq-flags tracing, so lockdep records
 * the lock operation at which it *saw* interrupts on, or off, for the
 * first time since the last change.
 */
struct irqtrace_events {
	unsigned int irq_events;
	unsigned long hardirq_enable_ip;
	unsigned int hardirq_enable_event;
	unsigned long hardirq_disable_ip;
	unsigned int hardirq_disable_event;
	int hardirqs_seen;		/* -1 unknown, 0 off, 1 on */
};

#endif /* _LINUX_LOCKDEP_TYPES_H */
