// SPDX-License-Identifier: GPL-2.0
/*
 * Host microbenchmark of mm/page_alloc.c: nanoseconds per alloc+free pair
 * through the per-CPU lists and through the buddy lists, beside glibc
 * malloc in the same run. Not a test: it prints, it asserts nothing.
 *
 * The allocator is brought up as the kernel does it (mm_test_helpers.h)
 * on 1 GiB of malloc'd "RAM", so ZONE_NORMAL gets Linux's full pcp batch
 * (63) and high (6 * 63). Each row is the best of 5 runs of ITERATIONS
 * pairs, timed with CLOCK_MONOTONIC. Rows:
 *
 *  order-0 via pcp      alloc_pages(GFP_KERNEL, 0) + __free_pages(): the
 *                       common case, a list pop and push on this CPU
 *                       (Linux: rmqueue_pcplist / free_unref_page_commit)
 *  order-0 via buddy    the same with this CPU's pcp->high = 0 (pcp off,
 *                       like the boot pagesets): each pair takes the zone
 *                       lock, splits (expand) and merges (__free_one_page)
 *  order-0, 1024 deep   1024 allocations then 1024 frees: the pcp lists
 *                       refill (rmqueue_bulk) and spill (free_pcppages_bulk)
 *                       a batch at a time
 *  order-3 via pcp      the largest order with pcp lists
 *  order-4 via buddy    the smallest without
 *  order-10             a whole 4 MiB block
 *  malloc/free 4 KiB, 32 KiB: glibc, for comparison
 *
 * Build (optimised, no sanitizers), from the top of the tree:
 *   gcc -O2 -std=gnu11 -Itests/host/include -Iinclude -DHOST_TEST \
 *       -o build/bench_page_alloc tests/host/bench_page_alloc.c \
 *       tests/host/stubs.c lib/string.c mm/memblock.c mm/page_alloc.c \
 *       mm/mm_init.c mm/percpu.c mm/slub.c lib/math.c lib/random.c
 * (the test's $(HOST_MM) sources). BENCH_ITERATIONS=<n> changes the count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <mm_test_helpers.h>

#define RUNS 5
#define DEEP 1024
#define TARGET_PCP_NS 25.0

static unsigned long iterations = 1000000;

static const struct mm_test_layout layout_1g = {
	.ram_size = 1UL << 30,
	.dma_pages = 4096,		/* 16 MiB, as on a PC */
	.dma32_pages = 65536 - 4096,	/* up to 256 MiB here */
	.nr_cpus = 1,
};

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Keep the compiler from dropping a result. */
static volatile unsigned long sink;

static double run_pairs(gfp_t gfp, unsigned int order)
{
	double t0 = now_ns();

	for (unsigned long i = 0; i < iterations; i++) {
		struct page *page = alloc_pages(gfp, order);

		if (!page) {
			fprintf(stderr, "order-%u allocation failed\n", order);
			exit(1);
		}
		sink += (unsigned long)page;
		__free_pages(page, order);
	}
	return (now_ns() - t0) / iterations;
}

static double run_deep(void)
{
	static struct page *pages[DEEP];
	unsigned long rounds = iterations / DEEP;
	double t0 = now_ns();

	for (unsigned long r = 0; r < rounds; r++) {
		for (int i = 0; i < DEEP; i++) {
			pages[i] = alloc_pages(GFP_KERNEL, 0);
			if (!pages[i]) {
				fprintf(stderr, "order-0 allocation failed\n");
				exit(1);
			}
		}
		for (int i = 0; i < DEEP; i++)
			__free_pages(pages[i], 0);
	}
	return (now_ns() - t0) / (rounds * DEEP);
}

static double run_malloc(size_t size)
{
	double t0 = now_ns();

	for (unsigned long i = 0; i < iterations; i++) {
		void *p = malloc(size);

		if (!p)
			exit(1);
		*(volatile char *)p = 0;
		sink += (unsigned long)p;
		free(p);
	}
	return (now_ns() - t0) / iterations;
}

enum bench_kind { PAIRS, PAIRS_NO_PCP, DEEP_PCP, MALLOC };

struct bench {
	const char *name;
	enum bench_kind kind;
	gfp_t gfp;
	unsigned int order;
	size_t size;
};

static const struct bench benches[] = {
	{ "order-0 alloc+free via pcp", PAIRS, GFP_KERNEL, 0, 0 },
	{ "order-0 alloc+free via buddy (pcp high=0)", PAIRS_NO_PCP, GFP_KERNEL, 0, 0 },
	{ "order-0 1024 allocs then 1024 frees", DEEP_PCP, GFP_KERNEL, 0, 0 },
	{ "order-3 alloc+free via pcp", PAIRS, GFP_KERNEL, 3, 0 },
	{ "order-4 alloc+free via buddy", PAIRS, GFP_KERNEL, 4, 0 },
	{ "order-10 alloc+free via buddy", PAIRS, GFP_KERNEL, 10, 0 },
	{ "glibc malloc+free 4 KiB", MALLOC, 0, 0, 4096 },
	{ "glibc malloc+free 32 KiB", MALLOC, 0, 0, 32768 },
};

/* Turn this CPU's pcp lists of every zone off (high = 0) or back on. */
static void pcp_set_high(bool off, int saved_high[MAX_NR_ZONES])
{
	for (int zi = 0; zi < MAX_NR_ZONES; zi++) {
		struct per_cpu_pages *pcp = mm_test_pcp(&contig_page_data.node_zones[zi], 0);

		if (off) {
			saved_high[zi] = pcp->high;
			pcp->high = 0;
		} else {
			pcp->high = saved_high[zi];
		}
	}
	drain_all_pages(NULL);
}

static double run_bench(const struct bench *b)
{
	int saved_high[MAX_NR_ZONES];
	double ns = 0;

	switch (b->kind) {
	case PAIRS:
		ns = run_pairs(b->gfp, b->order);
		break;
	case PAIRS_NO_PCP:
		pcp_set_high(true, saved_high);
		ns = run_pairs(b->gfp, b->order);
		pcp_set_high(false, saved_high);
		break;
	case DEEP_PCP:
		ns = run_deep();
		break;
	case MALLOC:
		ns = run_malloc(b->size);
		break;
	}
	return ns;
}

int main(void)
{
	const char *env = getenv("BENCH_ITERATIONS");
	struct per_cpu_pages *pcp;
	double pcp_ns = 0;

	if (env)
		iterations = strtoul(env, NULL, 0);
	if (iterations < DEEP)
		iterations = DEEP;

	mm_test_bringup(&layout_1g);
	drain_all_pages(NULL);
	pcp = mm_test_pcp(&contig_page_data.node_zones[ZONE_NORMAL], 0);
	printf("page allocator, host: 1 GiB RAM, %lu free pages, ZONE_NORMAL pcp batch %d high %d\n",
	       nr_free_pages(), pcp->batch, pcp->high);
	printf("%lu pairs per run, best of %d runs\n\n", iterations, RUNS);
	printf("%-44s %10s\n", "operation", "ns/pair");

	for (unsigned int i = 0; i < sizeof(benches) / sizeof(benches[0]); i++) {
		double best = 0;

		run_bench(&benches[i]);	/* warm up */
		for (int r = 0; r < RUNS; r++) {
			double ns = run_bench(&benches[i]);

			if (!r || ns < best)
				best = ns;
		}
		if (i == 0)
			pcp_ns = best;
		printf("%-44s %10.1f\n", benches[i].name, best);
	}
	printf("\ntarget: order-0 via pcp <= %.0f ns per alloc+free pair: %.1f ns (%s)\n",
	       TARGET_PCP_NS, pcp_ns, pcp_ns <= TARGET_PCP_NS ? "met" : "NOT met");
	return 0;
}
