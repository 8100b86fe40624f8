// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of the SLUB fast path (mm/slub.c) against glibc malloc, on
 * the host, with debugging off (slub_debug = 0) as a production kernel
 * runs it. Linux measures the same thing with the slab_bulk_test
 * modules and tools like mmtests; this is the one-line version.
 *
 * Two patterns, each for 8, 64, 256, 1024 and 4096 bytes:
 *   pair     kmalloc + kfree of one object, over and over: the per-CPU
 *            freelist pop and push (Linux: slab_alloc_node() and
 *            do_slab_free() fast paths);
 *   batch    BATCH objects allocated, then all freed: walks the cpu
 *            slab's freelist and, for big objects, takes the slow path
 *            (new slabs, partial list, slabs back to the buddy).
 * Each single-threaded and with two threads, each thread playing its
 * own CPU (host_cpu) and timing its own loop; glibc malloc + free in the
 * same process beside it. Best of RUNS runs of ITERS pairs.
 *
 * Build and run (optimised, no sanitizers, no debug): make bench, or
 * make build/bench/bench_slub && build/bench/bench_slub [iterations].
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <slub_test_helpers.h>

#define RAM_SIZE (256UL << 20)
#define NR_BENCH_CPUS 2
#define RUNS 5
#define BATCH 100

static const size_t sizes[] = { 8, 64, 256, 1024, 4096 };
static unsigned long iters = 1000000;

enum allocator { SLUB, GLIBC };
enum pattern { PAIR, BATCHED };

/* Keep the compiler from pairing up and deleting an allocation and its free. */
static inline void use(void *p)
{
	*(volatile char *)p = 1;
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ns per allocation + free of size bytes. */
static double run_loop(enum allocator a, enum pattern pat, size_t size)
{
	void *batch[BATCH];
	double t0, t1;

	/* Warm up: the cpu slab (or glibc's tcache/bins) in place. */
	for (int i = 0; i < BATCH; i++)
		batch[i] = a == SLUB ? kmalloc(size, GFP_KERNEL) : malloc(size);
	for (int i = 0; i < BATCH; i++)
		a == SLUB ? kfree(batch[i]) : free(batch[i]);

	t0 = now_ns();
	if (pat == PAIR) {
		if (a == SLUB) {
			for (unsigned long i = 0; i < iters; i++) {
				void *p = kmalloc(size, GFP_KERNEL);

				use(p);
				kfree(p);
			}
		} else {
			for (unsigned long i = 0; i < iters; i++) {
				void *p = malloc(size);

				use(p);
				free(p);
			}
		}
	} else {
		for (unsigned long i = 0; i < iters; i += BATCH) {
			if (a == SLUB) {
				for (int j = 0; j < BATCH; j++)
					use(batch[j] = kmalloc(size, GFP_KERNEL));
				for (int j = 0; j < BATCH; j++)
					kfree(batch[j]);
			} else {
				for (int j = 0; j < BATCH; j++)
					use(batch[j] = malloc(size));
				for (int j = 0; j < BATCH; j++)
					free(batch[j]);
			}
		}
	}
	t1 = now_ns();
	return (t1 - t0) / iters;
}

struct job {
	int cpu;
	enum allocator a;
	enum pattern pat;
	size_t size;
	pthread_barrier_t *start;
	double ns;
};

static void *job_main(void *arg)
{
	struct job *j = arg;

	host_cpu = j->cpu;
	pthread_barrier_wait(j->start);
	j->ns = run_loop(j->a, j->pat, j->size);
	return NULL;
}

/* Best of RUNS; with nthreads > 1, each run's figure is the threads' mean. */
static double measure(enum allocator a, enum pattern pat, size_t size, int nthreads)
{
	double best = 1e30;

	for (int run = 0; run < RUNS; run++) {
		struct job jobs[NR_BENCH_CPUS];
		pthread_t threads[NR_BENCH_CPUS];
		pthread_barrier_t start;
		double sum = 0;

		pthread_barrier_init(&start, NULL, nthreads);
		for (int t = 0; t < nthreads; t++) {
			jobs[t] = (struct job){ .cpu = t, .a = a, .pat = pat, .size = size,
						.start = &start };
			if (pthread_create(&threads[t], NULL, job_main, &jobs[t])) {
				perror("pthread_create");
				exit(1);
			}
		}
		for (int t = 0; t < nthreads; t++) {
			pthread_join(threads[t], NULL);
			sum += jobs[t].ns;
		}
		pthread_barrier_destroy(&start);
		if (sum / nthreads < best)
			best = sum / nthreads;
	}
	return best;
}

static void table(enum pattern pat)
{
	int at_or_below = 0, rows = 0;

	printf("\n%s (ns per allocation + free, best of %d x %lu)\n",
	       pat == PAIR ? "kmalloc+kfree pair" : "batch of 100 allocations, then 100 frees",
	       RUNS, iters);
	printf("%6s | %8s %8s %6s | %8s %8s %6s\n", "size", "slub 1T", "glibc 1T", "ratio",
	       "slub 2T", "glibc 2T", "ratio");
	printf("-------+--------------------------+--------------------------\n");
	for (unsigned int i = 0; i < ARRAY_SIZE(sizes); i++) {
		double s1 = measure(SLUB, pat, sizes[i], 1);
		double g1 = measure(GLIBC, pat, sizes[i], 1);
		double s2 = measure(SLUB, pat, sizes[i], 2);
		double g2 = measure(GLIBC, pat, sizes[i], 2);

		printf("%6zu | %8.2f %8.2f %6.2f | %8.2f %8.2f %6.2f\n", sizes[i], s1, g1, s1 / g1,
		       s2, g2, s2 / g2);
		at_or_below += (s1 <= g1) + (s2 <= g2);
		rows += 2;
	}
	printf("slub at or below glibc in %d of %d cells (ratio = slub / glibc)\n", at_or_below,
	       rows);
}

int main(int argc, char **argv)
{
	unsigned long before;

	if (argc > 1)
		iters = strtoul(argv[1], NULL, 0);
	iters = (iters + BATCH - 1) / BATCH * BATCH;
	slub_test_bringup(RAM_SIZE, NR_BENCH_CPUS, 0);
	before = slub_test_free_pages();

	printf("SLUB fast path vs glibc malloc (slub_debug off, %d CPUs as threads)\n",
	       NR_BENCH_CPUS);
	table(PAIR);
	table(BATCHED);

	/* Everything went back: the benchmark did not leak. */
	host_cpu = 0;
	if (slub_test_free_pages() != before || slab_debug_reports) {
		fprintf(stderr, "bench_slub: pages or reports off after the run\n%s", printk_log);
		return 1;
	}
	return 0;
}
