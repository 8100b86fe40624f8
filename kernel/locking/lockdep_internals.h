/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock validator's private data (Linux: kernel/locking/
 * lockdep_internals.h, lockdep_states.h, and struct lock_class from
 * include/linux/lockdep_types.h).
 *
 * Everything is a static array with a fixed bound, as in Linux: when one
 * runs out lockdep prints "BUG: MAX_... too low!" and turns itself off.
 * Linux's bounds are sized for thousands of lock classes; these are a
 * few times what `make test` uses (about 90 classes, 140 dependency
 * entries, 160 chains and 600 stack-trace words: the lockdep KUnit suite
 * prints the counts), about 300 KiB of bss in all.
 */
#ifndef _KERNEL_LOCKING_LOCKDEP_INTERNALS_H
#define _KERNEL_LOCKING_LOCKDEP_INTERNALS_H

#include <linux/list.h>
#include <linux/lockdep.h>

#define MAX_LOCKDEP_KEYS_BITS 9
#define MAX_LOCKDEP_KEYS (1UL << MAX_LOCKDEP_KEYS_BITS)
#define CLASSHASH_BITS (MAX_LOCKDEP_KEYS_BITS - 1)
#define CLASSHASH_SIZE (1UL << CLASSHASH_BITS)

#define MAX_LOCKDEP_ENTRIES 2048UL		/* two per dependency */
#define MAX_LOCKDEP_CHAINS_BITS 11
#define MAX_LOCKDEP_CHAINS (1UL << MAX_LOCKDEP_CHAINS_BITS)
#define CHAINHASH_BITS (MAX_LOCKDEP_CHAINS_BITS - 1)
#define CHAINHASH_SIZE (1UL << CHAINHASH_BITS)

#define MAX_STACK_TRACE_ENTRIES 8192UL	/* unsigned longs */
#define STACK_TRACE_HASH_SIZE 512
#define LOCKDEP_TRACE_DEPTH 24		/* return addresses kept per trace */

/* A search visits each dependency once: half the entries point forwards. */
#define MAX_CIRCULAR_QUEUE_SIZE (MAX_LOCKDEP_ENTRIES / 2 + 1)

/*
 * Usage bits (Linux: enum lock_usage_bit, generated from
 * lockdep_states.h). Bit 0: read, bit 1: direction (0 "used in the irq
 * context", 1 "taken with that irq enabled"), the rest: the state. Only
 * the HARDIRQ state exists here; Linux also has SOFTIRQ.
 */
enum lock_usage_bit {
	LOCK_USED_IN_HARDIRQ,
	LOCK_USED_IN_HARDIRQ_READ,
	LOCK_ENABLED_HARDIRQ,
	LOCK_ENABLED_HARDIRQ_READ,
	LOCK_USED,
	LOCK_USED_READ,
	LOCK_USAGE_STATES,
};

#define LOCK_USAGE_READ_MASK 1
#define LOCK_USAGE_DIR_MASK 2
#define LOCK_USAGE_STATE_MASK (~(LOCK_USAGE_READ_MASK | LOCK_USAGE_DIR_MASK))
#define LOCK_TRACE_STATES LOCK_USAGE_STATES	/* a stack for every usage bit */

#define LOCKF_USED_IN_HARDIRQ (1UL << LOCK_USED_IN_HARDIRQ)
#define LOCKF_ENABLED_HARDIRQ (1UL << LOCK_ENABLED_HARDIRQ)

/* held_lock.irq_context */
#define LOCK_CHAIN_HARDIRQ_CONTEXT 1

/* A saved stack: a header and nr_entries return addresses, in stack_trace[]. */
struct lock_trace {
	struct lock_trace *hash_next;
	u32 hash;
	u32 nr_entries;
	unsigned long entries[];
};
#define LOCK_TRACE_SIZE_IN_LONGS (sizeof(struct lock_trace) / sizeof(unsigned long))

struct lock_class {
	struct lock_class *hash_next;		/* classhash_table chain */
	struct list_head locks_after;		/* dependencies: this -> class */
	struct list_head locks_before;		/* dependencies: class -> this */
	const struct lockdep_subclass_key *key;
	unsigned int subclass;
	unsigned int dep_gen_id;		/* last search that visited it */
	unsigned long usage_mask;		/* LOCKF_* */
	const struct lock_trace *usage_traces[LOCK_TRACE_STATES];
	const char *name;
	int name_version;			/* printed as name#N when names repeat */
	u8 wait_type_inner;
	u8 wait_type_outer;
};

/*
 * One direction of one dependency: in class A's locks_after, an entry
 * with class B says "B was taken while A was held" (links_to is A); the
 * twin in B's locks_before has class A. trace is where that happened.
 */
struct lock_list {
	struct list_head entry;
	struct lock_class *class;
	struct lock_class *links_to;
	const struct lock_trace *trace;
	u16 distance;			/* 1: B was taken right after A */
	struct lock_list *parent;	/* the search's path back to its root */
};

/* A sequence of held classes that was validated once already. */
struct lock_chain {
	struct lock_chain *hash_next;
	u64 chain_key;
	unsigned int depth;
	unsigned int irq_context;
};

#endif /* _KERNEL_LOCKING_LOCKDEP_INTERNALS_H */
