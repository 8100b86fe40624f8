/* SPDX-License-Identifier: GPL-2.0 */
/* Sets of CPUs (Linux: include/linux/cpumask.h), one word: NR_CPUS is 64. */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

_Static_assert(NR_CPUS <= 64, "cpumask is one word");

struct cpumask {
	unsigned long bits;
};
typedef struct cpumask cpumask_t;

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_or_fetch(&m->bits, 1UL << cpu, __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_and_fetch(&m->bits, ~(1UL << cpu), __ATOMIC_RELAXED);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return __atomic_load_n(&m->bits, __ATOMIC_RELAXED) & (1UL << cpu);
}

/* Bits set (no libgcc in the kernel, so no __builtin_popcount). */
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned long w = m->bits;
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

static inline void cpumask_setall(struct cpumask *m)
{
	m->bits = ~0UL;
}

static inline void cpumask_clear(struct cpumask *m)
{
	m->bits = 0;
}

#define for_each_cpu(cpu, mask) \
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) if (!cpumask_test_cpu(cpu, mask)) ; else

extern struct cpumask __cpu_online_mask;
#define cpu_online_mask (&__cpu_online_mask)
#define cpu_online(cpu) cpumask_test_cpu(cpu, cpu_online_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)
#define num_online_cpus() cpumask_weight(cpu_online_mask)

#endif /* _LINUX_CPUMASK_H */
