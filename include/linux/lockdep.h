/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The runtime locking correctness validator's interface (Linux:
 * include/linux/lockdep.h). See kernel/locking/lockdep.c and
 * docs/lockdep.md.
 *
 * Linux builds lockdep in with CONFIG_PROVE_LOCKING; Linnet always builds
 * it into the kernel and switches it on with the boot option "lockdep"
 * (prove_locking below). The host tests (HOST_TEST) never see it: their
 * spinlock.h has no dep_map.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/lockdep_types.h>

struct task_struct;

#define SINGLE_DEPTH_NESTING 1

#ifndef HOST_TEST

/*
 * Set at boot (lockdep_init()) when the command line says "lockdep":
 * from then on every spinlock and mutex operation goes through the
 * checking code. Never changes afterwards; debug_locks (linux/
 * debug_locks.h) is what a report turns off.
 */
extern int prove_locking;

void lockdep_init(void);
void lockdep_init_task(struct task_struct *task);

static inline void lockdep_init_map_type(struct lockdep_map *lock, const char *name,
					 struct lock_class_key *key, int subclass,
					 u8 inner, u8 outer, u8 lock_type)
{
	lock->key = key;
	lock->class_cache[0] = NULL;
	lock->class_cache[1] = NULL;
	lock->name = name;
	lock->wait_type_inner = inner;
	lock->wait_type_outer = outer;
	lock->lock_type = lock_type;
}

#define lockdep_init_map_wait(lock, name, key, sub, inner) \
	lockdep_init_map_type(lock, name, key, sub, inner, LD_WAIT_INV, 0)
#define lockdep_init_map(lock, name, key, sub) \
	lockdep_init_map_wait(lock, name, key, sub, LD_WAIT_INV)

/* A static lock's map: no key, so lockdep keys it by the map's address. */
#define STATIC_LOCKDEP_MAP_INIT(_name, _inner) \
	{ .name = (_name), .wait_type_inner = (_inner) }

/*
 * The annotations every lock calls (Linux's signatures): read must be 0
 * and nest_lock NULL here, check 1 for a checked lock.
 */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, int check, struct lockdep_map *nest_lock, unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
int lock_is_held(const struct lockdep_map *lock);

#define lock_acquire_exclusive(l, s, t, n, i) lock_acquire(l, s, t, 0, 1, n, i)
#define spin_acquire(l, s, t, i) lock_acquire_exclusive(l, s, t, NULL, i)
#define spin_release(l, i) lock_release(l, i)
#define mutex_acquire(l, s, t, i) lock_acquire_exclusive(l, s, t, NULL, i)
#define mutex_release(l, i) lock_release(l, i)

#define lockdep_is_held(lock) lock_is_held(&(lock)->dep_map)


/* Print the locks a task holds (Linux: debug_show_held_locks). */
void debug_show_held_locks(struct task_struct *task);

/*
 * For the self-tests (tests/kernel/lockdep_kunit.c), in the spirit of
 * lib/locking-selftest.c: how many reports of each kind were made, and a
 * reset that turns the validator back on after one.
 */
enum lockdep_report {
	LOCKDEP_BUG_RECURSIVE,		/* possible recursive locking detected */
	LOCKDEP_BUG_CIRCULAR,		/* possible circular locking dependency detected */
	LOCKDEP_BUG_USAGE,		/* inconsistent lock state */
	LOCKDEP_BUG_IRQ_ORDER,		/* HARDIRQ-safe -> HARDIRQ-unsafe lock order detected */
	LOCKDEP_BUG_IRQ_INVERSION,	/* possible irq lock inversion dependency detected */
	LOCKDEP_BUG_UNLOCK_IMBALANCE,	/* bad unlock balance detected! */
	LOCKDEP_BUG_SPINLOCK,		/* BUG: spinlock wrong owner / already unlocked / ... */
	LOCKDEP_BUG_LIMIT,		/* BUG: MAX_... too low! */
	LOCKDEP_BUG_OTHER,		/* non-static key, DEBUG_LOCKS_WARN_ON() */
	NR_LOCKDEP_BUGS
};
extern unsigned long lockdep_reports[NR_LOCKDEP_BUGS];
extern unsigned int lockdep_gen;
void lockdep_reset(void);
/* Turn the validator off for a report of this kind; true: print it. */
bool debug_locks_off_report(enum lockdep_report kind);
unsigned long lockdep_nr_lock_classes(void);
unsigned long lockdep_nr_dependencies(void);
void lockdep_print_stats(void);

#else /* HOST_TEST */

/* DEFINE_MUTEX in host-built files: the map is there, nothing reads it. */
#define STATIC_LOCKDEP_MAP_INIT(_name, _inner) { .name = (_name) }

#endif /* !HOST_TEST */

#endif /* _LINUX_LOCKDEP_H */
