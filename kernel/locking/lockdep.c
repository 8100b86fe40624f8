// SPDX-License-Identifier: GPL-2.0
/*
 * The runtime locking correctness validator (Linux: kernel/locking/
 * lockdep.c, Ingo Molnar and Peter Zijlstra's design). Off unless the
 * command line says "lockdep"; see docs/lockdep.md.
 *
 * lockdep does not watch lock instances but lock classes (all locks
 * initialised at one spin_lock_init()/mutex_init() site, or one static
 * lock): a bug seen once between any two locks of two classes, even in
 * different tasks, even if it never deadlocked, is reported. Each task
 * keeps a stack of the locks it holds (task_struct.held_locks); at every
 * acquisition lockdep checks, in Linux's order:
 *
 *  - usage (mark_usage/mark_lock): a class taken in hard-irq context
 *    (preempt_count's HARDIRQ bits) is IN-HARDIRQ-W; one taken with
 *    interrupts enabled (IF set at acquire, or at release) is
 *    HARDIRQ-ON-W. Both on one class is "inconsistent lock state": an
 *    interrupt can come while the lock is held and spin on it forever.
 *    Through the graph, an irq-safe class that leads to an irq-unsafe one
 *    is the same bug one step removed: "HARDIRQ-safe -> HARDIRQ-unsafe
 *    lock order" when a new dependency connects them (check_irq_usage),
 *    "possible irq lock inversion dependency" when a new usage bit does
 *    (check_usage_forwards/backwards).
 *  - recursion (check_deadlock): a class already on the stack is
 *    "possible recursive locking" (spin_lock_nested() gives a second
 *    instance its own subclass, as double_rq_lock() does).
 *  - order (check_prevs_add/check_noncircular): the new lock is linked
 *    after the one held below it in a graph of classes (locks_after /
 *    locks_before); a breadth-first search first checks that the new
 *    lock does not already lead back to the held one, which would be a
 *    cycle: "possible circular locking dependency".
 *  - release (__lock_release): unlocking a lock not on the stack is
 *    "bad unlock balance".
 * A 64-bit hash of the held classes (the chain key) caches stacks that
 * were validated before, so the graph is only searched for new ones.
 * The first report turns the validator off (debug_locks_off()), so each
 * bug is reported once.
 *
 * lockdep's own data is protected by a raw arch_spinlock_t taken with
 * interrupts off, and a per-CPU recursion counter keeps lockdep (and
 * printk's locks while it reports) from re-entering itself. It is inert
 * until lockdep_init() (start_kernel, once per-CPU data and current
 * exist), and in NMIs.
 *
 * Left out, against Linux: read/write locks and recursive reads,
 * softirq states, irq-flags tracing (interrupts are only seen when a
 * lock is taken or released), wait-context checks,
 * nest_lock, lock pinning, lock statistics, dynamic keys and freeing
 * classes, /proc/lockdep*. Added, for the self-tests: lockdep_reset()
 * works at run time on SMP, see lockdep_gen.
 */
#include <asm/traps.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <linux/cmdline.h>
#include <linux/debug_locks.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/panic.h>
#include <linux/percpu-defs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "lockdep_internals.h"

int prove_locking;
static bool lockdep_requested;

/*
 * Linnet: the selftests re-arm the validator while other CPUs keep
 * taking locks. lockdep_reset() bumps lockdep_gen; a task whose
 * task_struct.lockdep_gen is older forgets its stack at its next lock
 * operation (it may have taken or dropped locks while lockdep was off).
 * What it forgets, and what it takes while lockdep is off, it counts in
 * lockdep_untracked: that many releases of locks not on the stack are
 * not bugs. Starting at 1 makes every task initialise its lockdep state
 * on its first lock operation.
 */
unsigned int lockdep_gen = 1;
unsigned long lockdep_reports[NR_LOCKDEP_BUGS];

static DEFINE_PER_CPU(unsigned int, lockdep_recursion);
/* The frame of the lockdep entry point: saved stacks start at its caller. */
static DEFINE_PER_CPU(unsigned long, lockdep_trace_bp);
/* Were interrupts on at the lock operation being checked? (Linux: hardirqs_enabled) */
static DEFINE_PER_CPU(int, lockdep_hardirqs_enabled);

extern const char linux_banner[];

/* ---- boot options ------------------------------------------------------------- */

static int lockdep_setup(char *val)
{
	if (val)
		return -EINVAL;
	lockdep_requested = true;
	return 0;
}
early_param("lockdep", lockdep_setup);

/* debug_locks=0: no lock debugging even with "lockdep"; debug_locks=1: same as "lockdep". */
static int debug_locks_setup(char *val)
{
	if (!val || (strcmp(val, "0") && strcmp(val, "1")))
		return -EINVAL;
	if (val[0] == '1')
		lockdep_requested = true;
	else
		debug_locks = 0;
	return 0;
}
early_param("debug_locks", debug_locks_setup);

/* ---- the graph lock and recursion ---------------------------------------------- */

static arch_spinlock_t __lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct task_struct *__owner;

static inline bool in_nmi(void)
{
	return preempt_count() & NMI_MASK;
}

static __always_inline bool lockdep_enabled(void)
{
	if (!debug_locks || !READ_ONCE(prove_locking))
		return false;
	if (this_cpu_read(lockdep_recursion))
		return false;
	return !in_nmi();
}

static inline void lockdep_lock(void)
{
	this_cpu_inc(lockdep_recursion);
	arch_spin_lock(&__lock);
	__owner = current;
}

static inline void lockdep_unlock(void)
{
	__owner = NULL;
	arch_spin_unlock(&__lock);
	this_cpu_dec(lockdep_recursion);
}

static int graph_lock(void)
{
	lockdep_lock();
	/* Another CPU found a bug and is printing it with the lock dropped: hands off. */
	if (!debug_locks) {
		lockdep_unlock();
		return 0;
	}
	return 1;
}

static inline void graph_unlock(void)
{
	lockdep_unlock();
}

bool debug_locks_off_report(enum lockdep_report kind)
{
	if (!debug_locks || !__debug_locks_off())
		return false;
	__atomic_fetch_add(&lockdep_reports[kind], 1, __ATOMIC_RELAXED);
	return !debug_locks_silent;
}

/* Turn lock debugging off and release the graph lock; true: print the report. */
static inline bool debug_locks_off_graph_unlock(enum lockdep_report kind)
{
	bool ret = debug_locks_off_report(kind);

	lockdep_unlock();
	return ret;
}

/* Linux prints these at KERN_DEBUG and relies on console_verbose(); we print them plainly. */
static void print_lockdep_off(const char *bug_msg)
{
	printk("%s\n", bug_msg);
	printk("turning off the locking correctness validator.\n");
}

/* "6.8.0 #1 Not tainted" in Linux: release, build number, taint. */
static void print_kernel_ident(void)
{
	const char *v = strstr(linux_banner, "version ");
	const char *b = strchr(linux_banner, '#');
	int n = 0;

	if (v) {
		v += 8;
		while (v[n] && v[n] != ' ')
			n++;
	}
	printk("%.*s %.*s Not tainted\n", n, v ? v : "", b ? 2 : 0, b ? b : "");
}

/* ---- data ------------------------------------------------------------------------ */

static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static unsigned long nr_lock_classes;
static struct lock_class *classhash_table[CLASSHASH_SIZE];

static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static unsigned long nr_list_entries;

static struct lock_chain lock_chains[MAX_LOCKDEP_CHAINS];
static unsigned long nr_lock_chains;
static struct lock_chain *chainhash_table[CHAINHASH_SIZE];

static unsigned long stack_trace[MAX_STACK_TRACE_ENTRIES];
static unsigned long nr_stack_trace_entries;
static struct lock_trace *stack_trace_hash[STACK_TRACE_HASH_SIZE];

static unsigned int max_lockdep_depth;
static unsigned int max_bfs_queue_depth;

static inline unsigned long hash_ptr_bits(const void *p, unsigned int bits)
{
	return (unsigned long)(((u64)(unsigned long)p * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

static inline struct lock_class *hlock_class(struct held_lock *hlock)
{
	return lock_classes + hlock->class_idx;
}

/* The held lock's id in a chain (Linux also folds in the read bit). */
static inline u16 hlock_id(struct held_lock *hlock)
{
	return hlock->class_idx;
}

/* Mix one more class into a chain key (Linux uses __jhash_mix). */
static inline u64 iterate_chain_key(u64 key, u32 idx)
{
	u64 k = key ^ (((u64)idx + 1) * 0x9e3779b97f4a7c15ULL);

	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

void lockdep_init_task(struct task_struct *task)
{
	task->lockdep_untracked = 0;
	task->lockdep_depth = 0;
	task->curr_chain_key = INITIAL_CHAIN_KEY;
	task->irqtrace.hardirqs_seen = -1;
	task->lockdep_gen = lockdep_gen;
}

/* First lock operation in this generation: start from an empty stack. */
static inline void lockdep_check_gen(struct task_struct *curr)
{
	if (unlikely(curr->lockdep_gen != READ_ONCE(lockdep_gen))) {
		unsigned int untracked = curr->lockdep_untracked + curr->lockdep_depth;

		lockdep_init_task(curr);
		curr->lockdep_untracked = untracked;
	}
}

/* lockdep is off (a report): count what the task takes and drops meanwhile. */
static void lockdep_count_untracked(int delta)
{
	struct task_struct *curr = current;
	unsigned long flags;

	if (!READ_ONCE(prove_locking) || debug_locks || this_cpu_read(lockdep_recursion) ||
	    in_nmi())
		return;
	local_irq_save(flags);
	if (delta > 0 || curr->lockdep_untracked)
		curr->lockdep_untracked += delta;
	local_irq_restore(flags);
}

/* Linnet's approximation of irq-flags tracing: note changes at lock operations. */
static void lockdep_note_irqs(struct task_struct *curr, bool on, unsigned long ip)
{
	struct irqtrace_events *trace = &curr->irqtrace;

	if (trace->hardirqs_seen == (int)on)
		return;
	trace->hardirqs_seen = on;
	if (on) {
		trace->hardirq_enable_ip = ip;
		trace->hardirq_enable_event = ++trace->irq_events;
	} else {
		trace->hardirq_disable_ip = ip;
		trace->hardirq_disable_event = ++trace->irq_events;
	}
}

/* ---- stack traces ------------------------------------------------------------------- */

/*
 * Follow the frame-pointer chain from bp (Linux: stack_trace_save), on
 * the task stack and from this CPU's IRQ stack across to it
 * (unwind_frame_ok, kernel/dumpstack.c).
 */
static unsigned int stack_trace_save_bp(unsigned long bp, unsigned long *store, unsigned int size)
{
	struct stack_info info;
	unsigned int n = 0;

	if (!bp || !get_stack_info(bp, &info) || bp + 2 * sizeof(long) > info.end)
		return 0;
	while (n < size) {
		unsigned long *frame = (unsigned long *)bp;

		if (!frame[1])
			break;
		store[n++] = frame[1];
		if (!unwind_frame_ok(bp, frame[0]))
			break;
		bp = frame[0];
	}
	return n;
}

static struct lock_trace *save_trace(void)
{
	struct lock_trace *trace, *t2;
	long max_entries;
	u32 hash = 2166136261u;

	trace = (struct lock_trace *)(stack_trace + nr_stack_trace_entries);
	max_entries = MAX_STACK_TRACE_ENTRIES - nr_stack_trace_entries - LOCK_TRACE_SIZE_IN_LONGS;
	if (max_entries <= 0) {
		bool print;

		if (__owner == current)
			print = debug_locks_off_graph_unlock(LOCKDEP_BUG_LIMIT);
		else
			print = debug_locks_off_report(LOCKDEP_BUG_LIMIT);
		if (print) {
			print_lockdep_off("BUG: MAX_STACK_TRACE_ENTRIES too low!");
			dump_stack();
		}
		return NULL;
	}
	trace->nr_entries = stack_trace_save_bp(this_cpu_read(lockdep_trace_bp), trace->entries,
						min(max_entries, (long)LOCKDEP_TRACE_DEPTH));
	for (u32 i = 0; i < trace->nr_entries; i++)
		hash = (hash ^ (u32)(trace->entries[i] ^ (trace->entries[i] >> 32))) * 16777619u;
	trace->hash = hash;
	for (t2 = stack_trace_hash[hash % STACK_TRACE_HASH_SIZE]; t2; t2 = t2->hash_next)
		if (t2->hash == hash && t2->nr_entries == trace->nr_entries &&
		    !memcmp(t2->entries, trace->entries, trace->nr_entries * sizeof(long)))
			return t2;
	nr_stack_trace_entries += LOCK_TRACE_SIZE_IN_LONGS + trace->nr_entries;
	trace->hash_next = stack_trace_hash[hash % STACK_TRACE_HASH_SIZE];
	stack_trace_hash[hash % STACK_TRACE_HASH_SIZE] = trace;
	return trace;
}

static void print_lock_trace(const struct lock_trace *trace, unsigned int spaces)
{
	if (!trace)
		return;
	for (u32 i = 0; i < trace->nr_entries; i++)
		printk("%*s%pS\n", 1 + spaces, "", (void *)trace->entries[i]);
}

/* ---- printing locks ------------------------------------------------------------------ */

static const char *const usage_str[] = {
	[LOCK_USED_IN_HARDIRQ] = "IN-HARDIRQ-W",
	[LOCK_USED_IN_HARDIRQ_READ] = "IN-HARDIRQ-R",
	[LOCK_ENABLED_HARDIRQ] = "HARDIRQ-ON-W",
	[LOCK_ENABLED_HARDIRQ_READ] = "HARDIRQ-ON-R",
	[LOCK_USED] = "INITIAL USE",
	[LOCK_USED_READ] = "INITIAL READ USE",
};

/*
 * '.': irqs disabled and not in irq context; '-': used in irq context;
 * '+': taken with irqs enabled; '?': both (Linux: get_usage_char).
 */
static char get_usage_char(struct lock_class *class, enum lock_usage_bit bit)
{
	char c = '.';

	if (class->usage_mask & (1UL << (bit + LOCK_USAGE_DIR_MASK))) {
		c = '+';
		if (class->usage_mask & (1UL << bit))
			c = '?';
	} else if (class->usage_mask & (1UL << bit)) {
		c = '-';
	}
	return c;
}

static void __print_lock_name(struct lock_class *class)
{
	if (class->name) {
		printk(KERN_CONT "%s", class->name);
		if (class->name_version > 1)
			printk(KERN_CONT "#%d", class->name_version);
		if (class->subclass)
			printk(KERN_CONT "/%d", class->subclass);
	} else {
		/* Linux names a nameless static lock by kallsyms; ours has only text symbols. */
		printk(KERN_CONT "%ps", (void *)class->key);
	}
}

static void print_lock_name(struct lock_class *class)
{
	printk(KERN_CONT " (");
	__print_lock_name(class);
	printk(KERN_CONT "){%c%c}-{%d:%d}", get_usage_char(class, LOCK_USED_IN_HARDIRQ),
	       get_usage_char(class, LOCK_USED_IN_HARDIRQ_READ),
	       class->wait_type_outer ? class->wait_type_outer : class->wait_type_inner,
	       class->wait_type_inner);
}

static void print_lockdep_cache(struct lockdep_map *lock)
{
	if (lock->name)
		printk(KERN_CONT "%s", lock->name);
	else
		printk(KERN_CONT "%ps", (void *)lock->key);
}

static void print_lock(struct held_lock *hlock)
{
	printk(KERN_CONT "%p", hlock->instance);
	print_lock_name(hlock_class(hlock));
	printk(KERN_CONT ", at: %pS\n", (void *)hlock->acquire_ip);
}

static void lockdep_print_held_locks(struct task_struct *p)
{
	int depth = READ_ONCE(p->lockdep_depth);

	if (p->lockdep_gen != lockdep_gen)
		depth = 0;
	if (!depth)
		printk("no locks held by %s/%d.\n", p->comm, p->pid);
	else
		printk("%d lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", p->comm, p->pid);
	/* Another task's stack is only stable while it sleeps. */
	if (p != current && READ_ONCE(p->__state) == TASK_RUNNING)
		return;
	for (int i = 0; i < depth; i++) {
		printk(" #%d: ", i);
		print_lock(p->held_locks + i);
	}
}

void debug_show_held_locks(struct task_struct *task)
{
	if (unlikely(!debug_locks)) {
		printk("INFO: lockdep is turned off.\n");
		return;
	}
	lockdep_print_held_locks(task);
}

/* ---- classes ------------------------------------------------------------------------- */

extern char _sdata[], _edata[], __bss_start[], __bss_stop[];
extern char __start_rodata[], __end_rodata[];

/* In the kernel image's data, bss or rodata: lives forever (Linux: static_obj). */
static bool static_obj(const void *obj)
{
	unsigned long addr = (unsigned long)obj;

	return (addr >= (unsigned long)_sdata && addr < (unsigned long)_edata) ||
	       (addr >= (unsigned long)__bss_start && addr < (unsigned long)__bss_stop) ||
	       (addr >= (unsigned long)__start_rodata && addr < (unsigned long)__end_rodata);
}

/* A per-CPU copy's address, turned back into the template's (Linux: __is_kernel_percpu_address). */
static bool is_kernel_percpu_address(unsigned long addr, unsigned long *can_addr)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned long start = (unsigned long)__per_cpu_start + per_cpu_offset(cpu);

		if (per_cpu_offset(cpu) && addr >= start && addr < start + size) {
			*can_addr = addr - per_cpu_offset(cpu);
			return true;
		}
	}
	return false;
}

static struct lock_class *look_up_lock_class(const struct lockdep_map *lock, unsigned int subclass)
{
	const struct lockdep_subclass_key *key;
	struct lock_class *class;

	if (!lock->key)
		return NULL;
	key = lock->key->subkeys + subclass;
	/* Lockless: classes are only ever added, each published after it is set up. */
	for (class = READ_ONCE(classhash_table[hash_ptr_bits(key, CLASSHASH_BITS)]); class;
	     class = READ_ONCE(class->hash_next))
		if (class->key == key)
			return class;
	return NULL;
}

/* A static lock has no key: its own address is the key (Linux: assign_lock_key). */
static bool assign_lock_key(struct lockdep_map *lock)
{
	unsigned long can_addr, addr = (unsigned long)lock;

	if (is_kernel_percpu_address(addr, &can_addr)) {
		lock->key = (void *)can_addr;
	} else if (static_obj(lock)) {
		lock->key = (void *)lock;
	} else {
		if (debug_locks_off_report(LOCKDEP_BUG_OTHER)) {
			pr_err("INFO: trying to register non-static key.\n");
			pr_err("The code is fine but needs lockdep annotation, or maybe\n");
			pr_err("you didn't initialize this object before use?\n");
			pr_err("turning off the locking correctness validator.\n");
			dump_stack();
		}
		return false;
	}
	return true;
}

/* Same name at another key: name#N (Linux: count_matching_names). */
static int count_matching_names(struct lock_class *new_class)
{
	int count = 0;

	if (!new_class->name)
		return 0;
	for (unsigned long i = 0; i < nr_lock_classes; i++) {
		struct lock_class *class = lock_classes + i;

		if (class == new_class)
			continue;
		if (new_class->key - new_class->subclass == class->key - class->subclass)
			return class->name_version;
		if (class->name && !strcmp(class->name, new_class->name))
			count = max(count, class->name_version);
	}
	return count + 1;
}

static struct lock_class *register_lock_class(struct lockdep_map *lock, unsigned int subclass,
					      int force)
{
	const struct lockdep_subclass_key *key;
	struct lock_class **head, *class;

	if (unlikely(subclass >= MAX_LOCKDEP_SUBCLASSES)) {
		if (debug_locks_off_report(LOCKDEP_BUG_OTHER)) {
			pr_err("BUG: looking up invalid subclass: %u\n", subclass);
			pr_err("turning off the locking correctness validator.\n");
			dump_stack();
		}
		return NULL;
	}
	class = look_up_lock_class(lock, subclass);
	if (likely(class))
		goto out_set_class_cache;

	if (!lock->key) {
		if (!assign_lock_key(lock))
			return NULL;
	} else if (!static_obj(lock->key)) {
		if (debug_locks_off_report(LOCKDEP_BUG_OTHER)) {
			pr_err("BUG: key %p has not been registered!\n", lock->key);
			dump_stack();
		}
		return NULL;
	}
	key = lock->key->subkeys + subclass;
	head = classhash_table + hash_ptr_bits(key, CLASSHASH_BITS);

	if (!graph_lock())
		return NULL;
	/* Again, under the lock: another CPU may have just added it. */
	for (class = *head; class; class = class->hash_next)
		if (class->key == key)
			goto out_unlock_set;
	if (nr_lock_classes >= MAX_LOCKDEP_KEYS) {
		if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_LIMIT))
			return NULL;
		print_lockdep_off("BUG: MAX_LOCKDEP_KEYS too low!");
		dump_stack();
		return NULL;
	}
	class = lock_classes + nr_lock_classes++;
	class->key = key;
	class->name = lock->name;
	class->subclass = subclass;
	INIT_LIST_HEAD(&class->locks_before);
	INIT_LIST_HEAD(&class->locks_after);
	class->name_version = count_matching_names(class);
	class->wait_type_inner = lock->wait_type_inner;
	class->wait_type_outer = lock->wait_type_outer;
	class->hash_next = *head;
	__atomic_store_n(head, class, __ATOMIC_RELEASE);	/* publish a complete class */
out_unlock_set:
	graph_unlock();

out_set_class_cache:
	if (!subclass || force)
		lock->class_cache[0] = class;
	else if (subclass < NR_LOCKDEP_CACHING_CLASSES)
		lock->class_cache[subclass] = class;
	if (DEBUG_LOCKS_WARN_ON(class->subclass != subclass))
		return NULL;
	return class;
}

/* ---- the dependency graph ----------------------------------------------------------- */

static struct lock_list *alloc_list_entry(void)
{
	if (nr_list_entries >= MAX_LOCKDEP_ENTRIES) {
		if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_LIMIT))
			return NULL;
		print_lockdep_off("BUG: MAX_LOCKDEP_ENTRIES too low!");
		dump_stack();
		return NULL;
	}
	return list_entries + nr_list_entries++;
}

static int add_lock_to_list(struct lock_class *this, struct lock_class *links_to,
			    struct list_head *head, u16 distance, const struct lock_trace *trace)
{
	struct lock_list *entry = alloc_list_entry();

	if (!entry)
		return 0;
	entry->class = this;
	entry->links_to = links_to;
	entry->distance = distance;
	entry->trace = trace;
	list_add_tail(&entry->entry, head);
	return 1;
}

/* The breadth-first search's queue (Linux: struct circular_queue). */
static struct {
	struct lock_list *element[MAX_CIRCULAR_QUEUE_SIZE];
	unsigned int front, rear;
} lock_cq;
static unsigned int lockdep_dependency_gen_id;

enum bfs_result {
	BFS_EINVALIDNODE = -2,
	BFS_EQUEUEFULL = -1,
	BFS_RMATCH = 0,
	BFS_RNOMATCH = 1,
};

static inline bool bfs_error(enum bfs_result res)
{
	return res < 0;
}

static inline int get_lock_depth(struct lock_list *child)
{
	int depth = 0;

	while ((child = child->parent))
		depth++;
	return depth;
}

/*
 * Breadth-first, so the path found is a shortest one: from source along
 * locks_after (forwards) or locks_before (backwards), until match().
 * Each class is expanded once (dep_gen_id); each entry remembers the
 * entry it was reached from (parent), which gives the path back.
 */
static enum bfs_result __bfs(struct lock_list *source_entry, void *data,
			     bool (*match)(struct lock_list *entry, void *data),
			     struct lock_list **target_entry, bool forwards)
{
	struct lock_list *lock, *entry;

	lock_cq.front = lock_cq.rear = 0;
	lockdep_dependency_gen_id++;
	lock_cq.element[lock_cq.rear++] = source_entry;

	while (lock_cq.front < lock_cq.rear) {
		struct list_head *head;

		lock = lock_cq.element[lock_cq.front++];
		if (!lock->class)
			return BFS_EINVALIDNODE;
		if (lock->class->dep_gen_id == lockdep_dependency_gen_id)
			continue;
		lock->class->dep_gen_id = lockdep_dependency_gen_id;
		if (match(lock, data)) {
			*target_entry = lock;
			return BFS_RMATCH;
		}
		head = forwards ? &lock->class->locks_after : &lock->class->locks_before;
		list_for_each_entry(entry, head, entry) {
			if (entry->class->dep_gen_id == lockdep_dependency_gen_id)
				continue;
			if (lock_cq.rear >= MAX_CIRCULAR_QUEUE_SIZE)
				return BFS_EQUEUEFULL;
			entry->parent = lock;
			lock_cq.element[lock_cq.rear++] = entry;
			if (lock_cq.rear - lock_cq.front > max_bfs_queue_depth)
				max_bfs_queue_depth = lock_cq.rear - lock_cq.front;
		}
	}
	return BFS_RNOMATCH;
}

static void print_bfs_bug(int ret)
{
	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_OTHER))
		return;
	if (ret == BFS_EQUEUEFULL)
		pr_warn("Increase LOCKDEP_CIRCULAR_QUEUE_BITS to avoid this warning:\n");
	pr_warn("lockdep bfs error:%d\n", ret);
	dump_stack();
}

/* ---- reports ----------------------------------------------------------------------------- */

static void print_circular_bug_entry(struct lock_list *target, int depth)
{
	printk("\n-> #%u", depth);
	print_lock_name(target->class);
	printk(KERN_CONT ":\n");
	print_lock_trace(target->trace, 6);
}

static void print_circular_lock_scenario(struct held_lock *src, struct held_lock *tgt,
					 struct lock_list *prt)
{
	struct lock_class *source = hlock_class(src);
	struct lock_class *target = hlock_class(tgt);
	struct lock_class *parent = prt->class;

	/*
	 * A direct inversion needs only the two CPUs below; through a chain,
	 * the safe lock reaches the other one via the middle class first.
	 */
	if (parent != source) {
		printk("Chain exists of:\n  ");
		__print_lock_name(source);
		printk(KERN_CONT " --> ");
		__print_lock_name(parent);
		printk(KERN_CONT " --> ");
		__print_lock_name(target);
		printk(KERN_CONT "\n\n");
	}
	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0                    CPU1\n");
	printk("       ----                    ----\n");
	printk("  lock(");
	__print_lock_name(target);
	printk(KERN_CONT ");\n");
	printk("                               lock(");
	__print_lock_name(parent);
	printk(KERN_CONT ");\n");
	printk("                               lock(");
	__print_lock_name(target);
	printk(KERN_CONT ");\n");
	printk("  lock(");
	__print_lock_name(source);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
}

static void print_circular_bug_header(struct lock_list *entry, unsigned int depth,
				      struct held_lock *check_src, struct held_lock *check_tgt)
{
	struct task_struct *curr = current;

	pr_warn("\n");
	pr_warn("======================================================\n");
	pr_warn("WARNING: possible circular locking dependency detected\n");
	print_kernel_ident();
	pr_warn("------------------------------------------------------\n");
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	print_lock(check_src);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock(check_tgt);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("\nthe existing dependency chain (in reverse order) is:\n");
	print_circular_bug_entry(entry, depth);
}

static void print_circular_bug(struct lock_list *this, struct lock_list *target,
			       struct held_lock *check_src, struct held_lock *check_tgt)
{
	struct lock_list *parent, *first_parent;
	int depth;

	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_CIRCULAR))
		return;
	this->trace = save_trace();
	depth = get_lock_depth(target);
	print_circular_bug_header(target, depth, check_src, check_tgt);
	parent = target->parent;
	first_parent = parent;
	while (parent) {
		print_circular_bug_entry(parent, --depth);
		parent = parent->parent;
	}
	printk("\nother info that might help us debug this:\n\n");
	print_circular_lock_scenario(check_src, check_tgt, first_parent);
	lockdep_print_held_locks(current);
	printk("\nstack backtrace:\n");
	dump_stack();
}

static void print_deadlock_scenario(struct held_lock *nxt, struct held_lock *prv)
{
	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0\n");
	printk("       ----\n");
	printk("  lock(");
	__print_lock_name(hlock_class(prv));
	printk(KERN_CONT ");\n");
	printk("  lock(");
	__print_lock_name(hlock_class(nxt));
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
	printk(" May be due to missing lock nesting notation\n\n");
}

static void print_deadlock_bug(struct task_struct *curr, struct held_lock *prev,
			       struct held_lock *next)
{
	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_RECURSIVE))
		return;
	pr_warn("\n");
	pr_warn("============================================\n");
	pr_warn("WARNING: possible recursive locking detected\n");
	print_kernel_ident();
	pr_warn("--------------------------------------------\n");
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	print_lock(next);
	pr_warn("\nbut task is already holding lock:\n");
	print_lock(prev);
	pr_warn("\nother info that might help us debug this:\n");
	print_deadlock_scenario(next, prev);
	lockdep_print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

static void print_usage_bug_scenario(struct held_lock *lock)
{
	struct lock_class *class = hlock_class(lock);

	printk(" Possible unsafe locking scenario:\n\n");
	printk("       CPU0\n");
	printk("       ----\n");
	printk("  lock(");
	__print_lock_name(class);
	printk(KERN_CONT ");\n");
	printk("  <Interrupt>\n");
	printk("    lock(");
	__print_lock_name(class);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
}

/* Linux's softirq lines are left out: there are no softirqs. */
static void print_irqtrace_events(struct task_struct *curr)
{
	const struct irqtrace_events *trace = &curr->irqtrace;

	printk("irq event stamp: %u\n", trace->irq_events);
	printk("hardirqs last  enabled at (%u): [<%p>] %pS\n", trace->hardirq_enable_event,
	       (void *)trace->hardirq_enable_ip, (void *)trace->hardirq_enable_ip);
	printk("hardirqs last disabled at (%u): [<%p>] %pS\n", trace->hardirq_disable_event,
	       (void *)trace->hardirq_disable_ip, (void *)trace->hardirq_disable_ip);
}

static void print_usage_bug(struct task_struct *curr, struct held_lock *this,
			    enum lock_usage_bit prev_bit, enum lock_usage_bit new_bit)
{
	if (!debug_locks_off_report(LOCKDEP_BUG_USAGE))
		return;
	pr_warn("\n");
	pr_warn("================================\n");
	pr_warn("WARNING: inconsistent lock state\n");
	print_kernel_ident();
	pr_warn("--------------------------------\n");
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_str[prev_bit], usage_str[new_bit]);
	pr_warn("%s/%d [HC%u[%lu]:SC0[0]:HE%u:SE1] takes:\n", curr->comm, curr->pid,
		!!hardirq_count(), (unsigned long)(hardirq_count() >> HARDIRQ_SHIFT),
		this_cpu_read(lockdep_hardirqs_enabled));
	print_lock(this);
	pr_warn("{%s} state was registered at:\n", usage_str[prev_bit]);
	print_lock_trace(hlock_class(this)->usage_traces[prev_bit], 1);
	print_irqtrace_events(curr);
	pr_warn("\nother info that might help us debug this:\n");
	print_usage_bug_scenario(this);
	lockdep_print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

static void print_unlock_imbalance_bug(struct task_struct *curr, struct lockdep_map *lock,
				       unsigned long ip)
{
	if (!debug_locks_off_report(LOCKDEP_BUG_UNLOCK_IMBALANCE))
		return;
	pr_warn("\n");
	pr_warn("=====================================\n");
	pr_warn("WARNING: bad unlock balance detected!\n");
	print_kernel_ident();
	pr_warn("-------------------------------------\n");
	pr_warn("%s/%d is trying to release lock (", curr->comm, curr->pid);
	print_lockdep_cache(lock);
	pr_cont(") at:\n");
	printk(KERN_WARNING "[<%p>] %pS\n", (void *)ip, (void *)ip);	/* print_ip_sym */
	pr_warn("but there are no more locks to release!\n");
	pr_warn("\nother info that might help us debug this:\n");
	lockdep_print_held_locks(curr);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

/* ---- checks ------------------------------------------------------------------------------ */

static bool hlock_conflict(struct lock_list *entry, void *data)
{
	return hlock_class((struct held_lock *)data) == entry->class;
}

/*
 * Prove that the graph from <src> cannot reach <target>: otherwise the
 * new dependency target -> src closes a cycle (Linux: check_noncircular).
 */
static enum bfs_result check_noncircular(struct held_lock *src, struct held_lock *target,
					 const struct lock_trace **const trace)
{
	struct lock_list *target_entry;
	struct lock_list src_entry = { .class = hlock_class(src), .parent = NULL };
	enum bfs_result ret;

	ret = __bfs(&src_entry, target, hlock_conflict, &target_entry, true);
	if (unlikely(bfs_error(ret))) {
		print_bfs_bug(ret);
	} else if (unlikely(ret == BFS_RMATCH)) {
		if (!*trace)
			*trace = save_trace();
		if (src->class_idx == target->class_idx)
			print_deadlock_bug(current, src, target);
		else
			print_circular_bug(&src_entry, target_entry, src, target);
	}
	return ret;
}

/* ---- hard-irq safe -> unsafe through the graph ---------------------------------------- */

static const char *const state_names[] = { "HARDIRQ" };
static const char *const state_rnames[] = { "HARDIRQ-READ" };

static const char *state_name(enum lock_usage_bit bit)
{
	if (bit & LOCK_USAGE_READ_MASK)
		return state_rnames[bit >> LOCK_USAGE_DIR_MASK];
	return state_names[bit >> LOCK_USAGE_DIR_MASK];
}

static bool usage_accumulate(struct lock_list *entry, void *mask)
{
	*(unsigned long *)mask |= entry->class->usage_mask;
	return false;
}

static bool usage_match(struct lock_list *entry, void *mask)
{
	return entry->class->usage_mask & *(unsigned long *)mask;
}

static void print_lock_class_header(struct lock_class *class, int depth)
{
	printk("%*s->", depth, "");
	print_lock_name(class);
	printk(KERN_CONT " {\n");
	for (int bit = 0; bit < LOCK_TRACE_STATES; bit++) {
		if (class->usage_mask & (1UL << bit)) {
			int len = depth;

			len += printk("%*s   %s", depth, "", usage_str[bit]);
			len += printk(KERN_CONT " at:\n") - 2;	/* without the KERN_CONT prefix */
			print_lock_trace(class->usage_traces[bit], len);
		}
	}
	printk("%*s }\n", depth, "");
	printk("%*s ... key      at: [<%p>] %pS\n", depth, "", class->key, class->key);
}

/* From leaf back to root: each class, and where it was taken under the one before. */
static void print_shortest_lock_dependencies(struct lock_list *leaf, struct lock_list *root)
{
	struct lock_list *entry = leaf;
	int depth = get_lock_depth(leaf);

	do {
		print_lock_class_header(entry->class, depth);
		printk("%*s ... acquired at:\n", depth, "");
		print_lock_trace(entry->trace, 2);
		printk("\n");
		if (depth == 0 && entry != root) {
			printk("lockdep:%s bad path found in chain graph\n", __func__);
			break;
		}
		entry = entry->parent;
		depth--;
	} while (entry && depth >= 0);
}

/* The same for a backwards search, whose entries carry the trace of the class after them. */
static void print_shortest_lock_dependencies_backwards(struct lock_list *leaf,
						       struct lock_list *root)
{
	const struct lock_trace *trace = NULL;
	struct lock_list *entry = leaf;
	int depth = get_lock_depth(leaf);

	do {
		print_lock_class_header(entry->class, depth);
		if (trace) {
			printk("%*s ... acquired at:\n", depth, "");
			print_lock_trace(trace, 2);
			printk("\n");
		}
		trace = entry->trace;
		if (depth == 0 && entry != root) {
			printk("lockdep:%s bad path found in chain graph\n", __func__);
			break;
		}
		entry = entry->parent;
		depth--;
	} while (entry && depth >= 0);
}

static void print_irq_lock_scenario(struct lock_list *safe_entry, struct lock_list *unsafe_entry,
				    struct lock_class *prev_class, struct lock_class *next_class)
{
	struct lock_class *safe_class = safe_entry->class;
	struct lock_class *unsafe_class = unsafe_entry->class;
	struct lock_class *middle_class = prev_class;

	if (middle_class == safe_class)
		middle_class = next_class;
	if (middle_class != unsafe_class) {
		printk("Chain exists of:\n  ");
		__print_lock_name(safe_class);
		printk(KERN_CONT " --> ");
		__print_lock_name(middle_class);
		printk(KERN_CONT " --> ");
		__print_lock_name(unsafe_class);
		printk(KERN_CONT "\n\n");
	}
	printk(" Possible interrupt unsafe locking scenario:\n\n");
	printk("       CPU0                    CPU1\n");
	printk("       ----                    ----\n");
	printk("  lock(");
	__print_lock_name(unsafe_class);
	printk(KERN_CONT ");\n");
	printk("                               local_irq_disable();\n");
	printk("                               lock(");
	__print_lock_name(safe_class);
	printk(KERN_CONT ");\n");
	printk("                               lock(");
	__print_lock_name(middle_class);
	printk(KERN_CONT ");\n");
	printk("  <Interrupt>\n");
	printk("    lock(");
	__print_lock_name(safe_class);
	printk(KERN_CONT ");\n");
	printk("\n *** DEADLOCK ***\n\n");
}

static void print_bad_irq_dependency(struct task_struct *curr, struct lock_list *prev_root,
				     struct lock_list *next_root, struct lock_list *backwards_entry,
				     struct lock_list *forwards_entry, struct held_lock *prev,
				     struct held_lock *next, enum lock_usage_bit bit1,
				     enum lock_usage_bit bit2, const char *irqclass)
{
	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_IRQ_ORDER))
		return;
	pr_warn("\n");
	pr_warn("=====================================================\n");
	pr_warn("WARNING: %s-safe -> %s-unsafe lock order detected\n", irqclass, irqclass);
	print_kernel_ident();
	pr_warn("-----------------------------------------------------\n");
	pr_warn("%s/%d [HC%u[%lu]:SC0[0]:HE%u:SE1] is trying to acquire:\n", curr->comm, curr->pid,
		!!hardirq_count(), (unsigned long)(hardirq_count() >> HARDIRQ_SHIFT),
		this_cpu_read(lockdep_hardirqs_enabled));
	print_lock(next);
	pr_warn("\nand this task is already holding:\n");
	print_lock(prev);
	pr_warn("which would create a new lock dependency:\n");
	print_lock_name(hlock_class(prev));
	pr_cont(" ->");
	print_lock_name(hlock_class(next));
	pr_cont("\n");
	pr_warn("\nbut this new dependency connects a %s-irq-safe lock:\n", irqclass);
	print_lock_name(backwards_entry->class);
	pr_warn("\n... which became %s-irq-safe at:\n", irqclass);
	print_lock_trace(backwards_entry->class->usage_traces[bit1], 1);
	pr_warn("\nto a %s-irq-unsafe lock:\n", irqclass);
	print_lock_name(forwards_entry->class);
	pr_warn("\n... which became %s-irq-unsafe at:\n", irqclass);
	pr_warn("...");
	print_lock_trace(forwards_entry->class->usage_traces[bit2], 1);
	pr_warn("\nother info that might help us debug this:\n\n");
	print_irq_lock_scenario(backwards_entry, forwards_entry, hlock_class(prev), hlock_class(next));
	lockdep_print_held_locks(curr);
	pr_warn("\nthe dependencies between %s-irq-safe lock and the holding lock:\n", irqclass);
	print_shortest_lock_dependencies_backwards(backwards_entry, prev_root);
	pr_warn("\nthe dependencies between the lock to be acquired");
	pr_warn(" and %s-irq-unsafe lock:\n", irqclass);
	next_root->trace = save_trace();
	print_shortest_lock_dependencies(forwards_entry, next_root);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

/*
 * Does the new dependency prev -> next connect a class that is
 * IN-HARDIRQ (anything prev can be reached from) with one that is
 * HARDIRQ-ON (anything next leads to)? Then an interrupt can take the
 * first while someone holds the second with interrupts on, waiting for
 * the first: a deadlock (Linux: check_irq_usage).
 */
static int check_irq_usage(struct task_struct *curr, struct held_lock *prev,
			   struct held_lock *next)
{
	struct lock_list this = { .class = hlock_class(prev) };
	struct lock_list that = { .class = hlock_class(next) };
	struct lock_list *target_entry1, *target_entry;
	unsigned long usage_mask = 0, mask;
	enum bfs_result ret;

	ret = __bfs(&this, &usage_mask, usage_accumulate, &target_entry, false);
	if (bfs_error(ret)) {
		print_bfs_bug(ret);
		return 0;
	}
	if (!(usage_mask & LOCKF_USED_IN_HARDIRQ))
		return 1;
	mask = LOCKF_ENABLED_HARDIRQ;
	ret = __bfs(&that, &mask, usage_match, &target_entry1, true);
	if (bfs_error(ret)) {
		print_bfs_bug(ret);
		return 0;
	}
	if (ret == BFS_RNOMATCH)
		return 1;
	mask = LOCKF_USED_IN_HARDIRQ;
	ret = __bfs(&this, &mask, usage_match, &target_entry, false);
	if (bfs_error(ret)) {
		print_bfs_bug(ret);
		return 0;
	}
	if (DEBUG_LOCKS_WARN_ON(ret == BFS_RNOMATCH))
		return 1;
	print_bad_irq_dependency(curr, &this, &that, target_entry, target_entry1, prev, next,
				 LOCK_USED_IN_HARDIRQ, LOCK_ENABLED_HARDIRQ,
				 state_name(LOCK_USED_IN_HARDIRQ));
	return 0;
}

static void print_irq_inversion_bug(struct task_struct *curr, struct lock_list *root,
				    struct lock_list *other, struct held_lock *this, int forwards,
				    const char *irqclass)
{
	struct lock_list *entry = other, *middle = NULL;
	int depth;

	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_IRQ_INVERSION))
		return;
	pr_warn("\n");
	pr_warn("========================================================\n");
	pr_warn("WARNING: possible irq lock inversion dependency detected\n");
	print_kernel_ident();
	pr_warn("--------------------------------------------------------\n");
	pr_warn("%s/%d just changed the state of lock:\n", curr->comm, curr->pid);
	print_lock(this);
	if (forwards)
		pr_warn("but this lock took another, %s-unsafe lock in the past:\n", irqclass);
	else
		pr_warn("but this lock was taken by another, %s-safe lock in the past:\n", irqclass);
	print_lock_name(other->class);
	pr_warn("\n\nand interrupts could create inverse lock ordering between them.\n\n");
	pr_warn("\nother info that might help us debug this:\n");
	/* The class next to root on the path, if there is one between them. */
	depth = get_lock_depth(other);
	do {
		if (depth == 0 && entry != root) {
			pr_warn("lockdep:%s bad path found in chain graph\n", __func__);
			break;
		}
		middle = entry;
		entry = entry->parent;
		depth--;
	} while (entry && entry != root && depth >= 0);
	if (forwards)
		print_irq_lock_scenario(root, other, middle ? middle->class : root->class,
					other->class);
	else
		print_irq_lock_scenario(other, root, middle ? middle->class : other->class,
					root->class);
	lockdep_print_held_locks(curr);
	pr_warn("\nthe shortest dependencies between 2nd lock and 1st lock:\n");
	root->trace = save_trace();
	print_shortest_lock_dependencies(other, root);
	pr_warn("\nstack backtrace:\n");
	dump_stack();
}

/* Nothing after this (now IN-HARDIRQ) class may be HARDIRQ-ON (Linux: check_usage_forwards). */
static int check_usage_forwards(struct task_struct *curr, struct held_lock *this,
				enum lock_usage_bit bit)
{
	struct lock_list root = { .class = hlock_class(this) };
	unsigned long usage_mask = (1UL << bit) | (1UL << (bit + LOCK_USAGE_READ_MASK));
	struct lock_list *target_entry;
	enum bfs_result ret;

	ret = __bfs(&root, &usage_mask, usage_match, &target_entry, true);
	if (bfs_error(ret)) {
		print_bfs_bug(ret);
		return 0;
	}
	if (ret == BFS_RNOMATCH)
		return 1;
	print_irq_inversion_bug(curr, &root, target_entry, this, 1, state_name(bit));
	return 0;
}

/* Nothing before this (now HARDIRQ-ON) class may be IN-HARDIRQ (Linux: check_usage_backwards). */
static int check_usage_backwards(struct task_struct *curr, struct held_lock *this,
				 enum lock_usage_bit bit)
{
	struct lock_list root = { .class = hlock_class(this) };
	unsigned long usage_mask = (1UL << bit) | (1UL << (bit + LOCK_USAGE_READ_MASK));
	struct lock_list *target_entry;
	enum bfs_result ret;

	ret = __bfs(&root, &usage_mask, usage_match, &target_entry, false);
	if (bfs_error(ret)) {
		print_bfs_bug(ret);
		return 0;
	}
	if (ret == BFS_RNOMATCH)
		return 1;
	print_irq_inversion_bug(curr, &root, target_entry, this, 0, state_name(bit));
	return 0;
}

/* Is a lock of this class held already? 0: reported (Linux: check_deadlock). */
static int check_deadlock(struct task_struct *curr, struct held_lock *next)
{
	for (int i = 0; i < curr->lockdep_depth; i++) {
		struct held_lock *prev = curr->held_locks + i;

		if (hlock_class(prev) != hlock_class(next))
			continue;
		print_deadlock_bug(curr, prev, next);
		return 0;
	}
	return 1;
}

/*
 * Add <prev> -> <next> to the graph unless it would close a cycle.
 * Returns 0 after a report, 1 if the dependency was known, 2 if added.
 */
static int check_prev_add(struct task_struct *curr, struct held_lock *prev,
			  struct held_lock *next, u16 distance,
			  const struct lock_trace **const trace)
{
	struct lock_list *entry;
	enum bfs_result ret;

	ret = check_noncircular(next, prev, trace);
	if (unlikely(bfs_error(ret) || ret == BFS_RMATCH))
		return 0;
	if (!check_irq_usage(curr, prev, next))
		return 0;

	list_for_each_entry(entry, &hlock_class(prev)->locks_after, entry) {
		if (entry->class != hlock_class(next))
			continue;
		if (distance == 1)
			entry->distance = 1;
		list_for_each_entry(entry, &hlock_class(next)->locks_before, entry) {
			if (entry->class == hlock_class(prev)) {
				if (distance == 1)
					entry->distance = 1;
				return 1;
			}
		}
		return 0;	/* half a dependency: the graph is broken */
	}

	if (!*trace) {
		*trace = save_trace();
		if (!*trace)
			return 0;
	}
	if (!add_lock_to_list(hlock_class(next), hlock_class(prev),
			      &hlock_class(prev)->locks_after, distance, *trace))
		return 0;
	if (!add_lock_to_list(hlock_class(prev), hlock_class(next),
			      &hlock_class(next)->locks_before, distance, *trace))
		return 0;
	return 2;
}

/*
 * Link next after the held locks: the one right below it, and any
 * trylocks in between (a trylock adds no dependency of its own), within
 * the same irq context (Linux: check_prevs_add).
 */
static int check_prevs_add(struct task_struct *curr, struct held_lock *next)
{
	const struct lock_trace *trace = NULL;
	int depth = curr->lockdep_depth;

	if (!depth || curr->held_locks[depth].irq_context != curr->held_locks[depth - 1].irq_context)
		goto out_bug;
	for (;;) {
		u16 distance = curr->lockdep_depth - depth + 1;
		struct held_lock *hlock = curr->held_locks + depth - 1;

		if (hlock->check) {
			if (!check_prev_add(curr, hlock, next, distance, &trace))
				return 0;
			if (!hlock->trylock)
				break;
		}
		depth--;
		if (!depth)
			break;
		if (curr->held_locks[depth].irq_context != curr->held_locks[depth - 1].irq_context)
			break;
	}
	return 1;
out_bug:
	if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_OTHER))
		return 0;
	WARN_ON(1);
	return 0;
}

static struct lock_chain *lookup_chain_cache(u64 chain_key)
{
	struct lock_chain *chain;

	for (chain = READ_ONCE(chainhash_table[chain_key & (CHAINHASH_SIZE - 1)]); chain;
	     chain = READ_ONCE(chain->hash_next))
		if (READ_ONCE(chain->chain_key) == chain_key)
			return chain;
	return NULL;
}

/*
 * Is this stack of classes new? Then add it and return 1 with the graph
 * lock held: the caller validates it. 0: seen before (or lockdep off).
 */
static int lookup_chain_cache_add(struct task_struct *curr, struct held_lock *hlock,
				  u64 chain_key)
{
	struct lock_chain **head = chainhash_table + (chain_key & (CHAINHASH_SIZE - 1));
	struct lock_chain *chain;

	if (lookup_chain_cache(chain_key))
		return 0;
	if (!graph_lock())
		return 0;
	if (lookup_chain_cache(chain_key)) {
		graph_unlock();
		return 0;
	}
	if (nr_lock_chains >= MAX_LOCKDEP_CHAINS) {
		if (!debug_locks_off_graph_unlock(LOCKDEP_BUG_LIMIT))
			return 0;
		print_lockdep_off("BUG: MAX_LOCKDEP_CHAINS too low!");
		dump_stack();
		return 0;
	}
	chain = lock_chains + nr_lock_chains++;
	chain->chain_key = chain_key;
	chain->irq_context = hlock->irq_context;
	chain->depth = curr->lockdep_depth + 1;
	chain->hash_next = *head;
	__atomic_store_n(head, chain, __ATOMIC_RELEASE);
	return 1;
}

static int validate_chain(struct task_struct *curr, struct held_lock *hlock, int chain_head,
			  u64 chain_key)
{
	/* A trylock cannot deadlock: it stacks, but adds no dependency. */
	if (!hlock->trylock && hlock->check && lookup_chain_cache_add(curr, hlock, chain_key)) {
		if (!check_deadlock(curr, hlock))
			return 0;
		if (!chain_head && !check_prevs_add(curr, hlock))
			return 0;
		graph_unlock();
	} else if (unlikely(!debug_locks)) {
		return 0;
	}
	return 1;
}

/* ---- usage states ---------------------------------------------------------------------- */

/* IN-HARDIRQ <-> HARDIRQ-ON: keep the state, flip the direction, drop read. */
static int exclusive_bit(int new_bit)
{
	int state = new_bit & LOCK_USAGE_STATE_MASK;
	int dir = new_bit & LOCK_USAGE_DIR_MASK;

	return state | (dir ^ LOCK_USAGE_DIR_MASK);
}

static int valid_state(struct task_struct *curr, struct held_lock *this,
		       enum lock_usage_bit new_bit, enum lock_usage_bit bad_bit)
{
	if (unlikely(hlock_class(this)->usage_mask & (1UL << bad_bit))) {
		graph_unlock();
		print_usage_bug(curr, this, bad_bit, new_bit);
		return 0;
	}
	return 1;
}

static int mark_lock_irq(struct task_struct *curr, struct held_lock *this,
			 enum lock_usage_bit new_bit)
{
	int excl_bit = exclusive_bit(new_bit);

	if (!valid_state(curr, this, new_bit, excl_bit))
		return 0;
	if (!(new_bit & LOCK_USAGE_READ_MASK) &&
	    !valid_state(curr, this, new_bit, excl_bit + LOCK_USAGE_READ_MASK))
		return 0;
	/*
	 * And through the graph: a HARDIRQ-ON class must not be taken after
	 * an IN-HARDIRQ one, and an IN-HARDIRQ class must not lead to a
	 * HARDIRQ-ON one.
	 */
	if (new_bit & LOCK_USAGE_DIR_MASK)
		return check_usage_backwards(curr, this, excl_bit);
	return check_usage_forwards(curr, this, excl_bit);
}

/* Record a usage bit (and where it first happened); check it against the others. */
static int mark_lock(struct task_struct *curr, struct held_lock *this, enum lock_usage_bit new_bit)
{
	struct lock_class *class = hlock_class(this);
	unsigned long new_mask;

	if (new_bit == LOCK_USED && this->read)
		new_bit = LOCK_USED_READ;
	new_mask = 1UL << new_bit;
	if (likely(READ_ONCE(class->usage_mask) & new_mask))
		return 1;
	if (!graph_lock())
		return 0;
	if (unlikely(class->usage_mask & new_mask))
		goto unlock;
	class->usage_mask |= new_mask;
	if (new_bit < LOCK_TRACE_STATES) {
		class->usage_traces[new_bit] = save_trace();
		if (!class->usage_traces[new_bit])
			return 0;
	}
	if (new_bit < LOCK_USED && !mark_lock_irq(curr, this, new_bit))
		return 0;
unlock:
	graph_unlock();
	return 1;
}

static int mark_usage(struct task_struct *curr, struct held_lock *hlock, int check)
{
	if (!check)
		goto lock_used;
	if (!hlock->trylock && hlock->irq_context &&
	    !mark_lock(curr, hlock, LOCK_USED_IN_HARDIRQ))
		return 0;
	if (!hlock->hardirqs_off && !mark_lock(curr, hlock, LOCK_ENABLED_HARDIRQ))
		return 0;
lock_used:
	return mark_lock(curr, hlock, LOCK_USED);
}

static inline unsigned int task_irq_context(void)
{
	return hardirq_count() ? LOCK_CHAIN_HARDIRQ_CONTEXT : 0;
}

/* Crossing into an interrupt starts a new chain: its locks do not nest in ours. */
static int separate_irq_context(struct task_struct *curr, struct held_lock *hlock)
{
	unsigned int depth = curr->lockdep_depth;

	return depth && curr->held_locks[depth - 1].irq_context != hlock->irq_context;
}

/* ---- acquire and release -------------------------------------------------------------- */

static int __lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
			  int read, int check, int hardirqs_off, unsigned long ip)
{
	struct task_struct *curr = current;
	struct lock_class *class = NULL;
	struct held_lock *hlock;
	unsigned int depth;
	int chain_head = 0;
	u64 chain_key;

	if (unlikely(!debug_locks))
		return 0;
	if (subclass < NR_LOCKDEP_CACHING_CLASSES)
		class = lock->class_cache[subclass];
	if (unlikely(!class)) {
		class = register_lock_class(lock, subclass, 0);
		if (!class)
			return 0;
	}
	depth = curr->lockdep_depth;
	if (DEBUG_LOCKS_WARN_ON(depth >= MAX_LOCK_DEPTH))
		return 0;

	hlock = curr->held_locks + depth;
	hlock->class_idx = class - lock_classes;
	hlock->acquire_ip = ip;
	hlock->instance = lock;
	hlock->irq_context = task_irq_context();
	hlock->trylock = trylock;
	hlock->read = read;
	hlock->check = check;
	hlock->hardirqs_off = !!hardirqs_off;

	if (!mark_usage(curr, hlock, check))
		return 0;

	chain_key = curr->curr_chain_key;
	if (!depth) {
		if (DEBUG_LOCKS_WARN_ON(chain_key != (u64)INITIAL_CHAIN_KEY))
			return 0;
		chain_head = 1;
	}
	hlock->prev_chain_key = chain_key;
	if (separate_irq_context(curr, hlock)) {
		chain_key = INITIAL_CHAIN_KEY;
		chain_head = 1;
	}
	chain_key = iterate_chain_key(chain_key, hlock_id(hlock));

	if (!validate_chain(curr, hlock, chain_head, chain_key))
		return 0;

	curr->curr_chain_key = chain_key;
	curr->lockdep_depth++;
	if (unlikely((unsigned long)curr->lockdep_depth >= MAX_LOCK_DEPTH)) {
		if (!debug_locks_off_report(LOCKDEP_BUG_LIMIT))
			return 0;
		print_lockdep_off("BUG: MAX_LOCK_DEPTH too low!");
		printk("depth: %i  max: %lu!\n", curr->lockdep_depth, MAX_LOCK_DEPTH);
		lockdep_print_held_locks(current);
		dump_stack();
		return 0;
	}
	if (unlikely((unsigned int)curr->lockdep_depth > max_lockdep_depth))
		max_lockdep_depth = curr->lockdep_depth;
	return 1;
}

/* Search down the stack, within the current irq context (Linux: find_held_lock). */
static struct held_lock *find_held_lock(struct task_struct *curr, struct lockdep_map *lock,
					unsigned int depth, int *idx)
{
	struct held_lock *ret = NULL;
	int i;

	for (i = depth - 1; i >= 0; i--) {
		struct held_lock *hlock = curr->held_locks + i;

		if (hlock->instance == lock) {
			ret = hlock;
			break;
		}
		if (i > 0 && hlock[-1].irq_context != hlock->irq_context) {
			i = -1;
			break;
		}
	}
	*idx = i;
	return ret;
}

/* Put back the locks above a released one, rebuilding the chain key. */
static int reacquire_held_locks(struct task_struct *curr, unsigned int depth, int idx)
{
	for (struct held_lock *hlock = curr->held_locks + idx; idx < (int)depth; idx++, hlock++) {
		if (!__lock_acquire(hlock->instance, hlock_class(hlock)->subclass, hlock->trylock,
				    hlock->read, hlock->check, hlock->hardirqs_off,
				    hlock->acquire_ip))
			return 1;
	}
	return 0;
}

static int __lock_release(struct lockdep_map *lock, bool irqs_on, unsigned long ip)
{
	struct task_struct *curr = current;
	unsigned int depth = curr->lockdep_depth;
	struct held_lock *hlock = NULL;
	int i;

	if (unlikely(!debug_locks))
		return 0;
	if (depth)
		hlock = find_held_lock(curr, lock, depth, &i);
	if (!hlock) {
		/* Taken while lockdep was off, or forgotten at a lockdep_reset(). */
		if (curr->lockdep_untracked) {
			curr->lockdep_untracked--;
			return 0;
		}
		print_unlock_imbalance_bug(curr, lock, ip);
		return 0;
	}
	/* Held with interrupts enabled after all: spin_lock_irq() ... local_irq_enable() ... */
	if (irqs_on && hlock->hardirqs_off && hlock->check &&
	    !mark_lock(curr, hlock, LOCK_ENABLED_HARDIRQ))
		return 0;

	curr->lockdep_depth = i;
	curr->curr_chain_key = hlock->prev_chain_key;
	if (i == (int)depth - 1)
		return 1;
	if (reacquire_held_locks(curr, depth, i + 1))
		return 0;
	DEBUG_LOCKS_WARN_ON((unsigned int)curr->lockdep_depth != depth - 1);
	return 1;
}

/* Callers may have interrupts on: lockdep turns them off around its own work. */
noinline void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
			   int read, int check, struct lockdep_map *nest_lock, unsigned long ip)
{
	unsigned long flags;

	if (unlikely(!lockdep_enabled())) {
		lockdep_count_untracked(1);
		return;
	}
	local_irq_save(flags);
	this_cpu_inc(lockdep_recursion);
	this_cpu_write(lockdep_trace_bp, (unsigned long)__builtin_frame_address(0));
	this_cpu_write(lockdep_hardirqs_enabled, !!(flags & X86_EFLAGS_IF));
	lockdep_check_gen(current);
	lockdep_note_irqs(current, flags & X86_EFLAGS_IF, ip);
	if (!__lock_acquire(lock, subclass, trylock, read, check, !(flags & X86_EFLAGS_IF), ip))
		current->lockdep_untracked++;	/* not on the stack: a report turned lockdep off */
	this_cpu_dec(lockdep_recursion);
	local_irq_restore(flags);
}

noinline void lock_release(struct lockdep_map *lock, unsigned long ip)
{
	unsigned long flags;

	if (unlikely(!lockdep_enabled())) {
		lockdep_count_untracked(-1);
		return;
	}
	local_irq_save(flags);
	this_cpu_inc(lockdep_recursion);
	this_cpu_write(lockdep_trace_bp, (unsigned long)__builtin_frame_address(0));
	this_cpu_write(lockdep_hardirqs_enabled, !!(flags & X86_EFLAGS_IF));
	lockdep_check_gen(current);
	lockdep_note_irqs(current, flags & X86_EFLAGS_IF, ip);
	__lock_release(lock, flags & X86_EFLAGS_IF, ip);
	this_cpu_dec(lockdep_recursion);
	local_irq_restore(flags);
}

int lock_is_held(const struct lockdep_map *lock)
{
	struct task_struct *curr = current;

	if (unlikely(!lockdep_enabled()))
		return 1;	/* Linux: LOCK_STATE_UNKNOWN, which asserts accept */
	if (curr->lockdep_gen != lockdep_gen)
		return 0;
	for (int i = 0; i < curr->lockdep_depth; i++)
		if (curr->held_locks[i].instance == lock)
			return 1;
	return 0;
}

/* ---- self-test support, statistics, init ----------------------------------------------- */

/*
 * Turn the validator back on after a provoked report (Linux: lockdep_reset,
 * used by lib/locking-selftest.c). The caller must hold no locks. Classes
 * and dependencies stay; the chain cache is emptied so chains whose check
 * was cut short by the report are validated again.
 */
void lockdep_reset(void)
{
	unsigned long flags;

	local_irq_save(flags);
	lockdep_lock();
	for (unsigned long i = 0; i < CHAINHASH_SIZE; i++)
		WRITE_ONCE(chainhash_table[i], NULL);
	__atomic_add_fetch(&lockdep_gen, 1, __ATOMIC_SEQ_CST);
	lockdep_init_task(current);
	memset(current->held_locks, 0, sizeof(current->held_locks));
	WRITE_ONCE(debug_locks, 1);
	lockdep_unlock();
	local_irq_restore(flags);
}

unsigned long lockdep_nr_lock_classes(void)
{
	return nr_lock_classes;
}

unsigned long lockdep_nr_dependencies(void)
{
	return nr_list_entries / 2;
}

/* The counters of Linux's /proc/lockdep_stats that exist here. */
void lockdep_print_stats(void)
{
	unsigned long nr_irq_safe = 0, nr_irq_unsafe = 0;

	for (unsigned long i = 0; i < nr_lock_classes; i++) {
		nr_irq_safe += !!(lock_classes[i].usage_mask & LOCKF_USED_IN_HARDIRQ);
		nr_irq_unsafe += !!(lock_classes[i].usage_mask & LOCKF_ENABLED_HARDIRQ);
	}
	printk(" lock-classes:                  %11lu [max: %lu]\n", nr_lock_classes,
	       MAX_LOCKDEP_KEYS);
	printk(" direct dependencies:           %11lu [max: %lu]\n", nr_list_entries,
	       MAX_LOCKDEP_ENTRIES);
	printk(" dependency chains:             %11lu [max: %lu]\n", nr_lock_chains,
	       MAX_LOCKDEP_CHAINS);
	printk(" stack-trace entries:           %11lu [max: %lu]\n", nr_stack_trace_entries,
	       MAX_STACK_TRACE_ENTRIES);
	printk(" hardirq-safe locks:            %11lu\n", nr_irq_safe);
	printk(" hardirq-unsafe locks:          %11lu\n", nr_irq_unsafe);
	printk(" max locking depth:             %11u\n", max_lockdep_depth);
	printk(" max bfs queue depth:           %11u\n", max_bfs_queue_depth);
	printk(" debug_locks:                   %11d\n", debug_locks);
}

/*
 * Called from start_kernel() once per-CPU data and current exist and no
 * lock is held: from here on every lock operation is checked.
 */
void lockdep_init(void)
{
	if (!lockdep_requested || !debug_locks)
		return;
	pr_info("Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar\n");
	pr_info("... MAX_LOCKDEP_SUBCLASSES:  %lu\n", MAX_LOCKDEP_SUBCLASSES);
	pr_info("... MAX_LOCK_DEPTH:          %lu\n", MAX_LOCK_DEPTH);
	pr_info("... MAX_LOCKDEP_KEYS:        %lu\n", MAX_LOCKDEP_KEYS);
	pr_info("... CLASSHASH_SIZE:          %lu\n", CLASSHASH_SIZE);
	pr_info("... MAX_LOCKDEP_ENTRIES:     %lu\n", MAX_LOCKDEP_ENTRIES);
	pr_info("... MAX_LOCKDEP_CHAINS:      %lu\n", MAX_LOCKDEP_CHAINS);
	pr_info("... CHAINHASH_SIZE:          %lu\n", CHAINHASH_SIZE);
	pr_info(" memory used by lock dependency info: %zu kB\n",
		(sizeof(lock_classes) + sizeof(classhash_table) + sizeof(list_entries) +
		 sizeof(chainhash_table) + sizeof(lock_cq) + sizeof(lock_chains)) / 1024);
	pr_info(" memory used for stack traces: %zu kB\n",
		(sizeof(stack_trace) + sizeof(stack_trace_hash)) / 1024);
	pr_info(" per task-struct memory footprint: %zu bytes\n",
		sizeof(((struct task_struct *)NULL)->held_locks));
	WRITE_ONCE(prove_locking, 1);
}
