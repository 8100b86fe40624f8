// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces (user test suite, docs/user.md): demand paging, COW
 * after fork, VMA splitting and merging seen through behaviour, brk,
 * stack growth, and faults that kill only the process that made them.
 *
 * What a case allocated is measured two ways. getrusage's ru_minflt
 * counts this task's page faults exactly (mm/fault.c's perf_sw_event in
 * Linux, the task's min_flt): touching N fresh pages costs N faults, plus
 * at most a few for the case's own stack and data (MINFLT_SLACK).
 * sysinfo's freeram is the whole machine's and moves with everything else
 * that runs (per-CPU page lists, page tables, the kernel's own caches):
 * it is checked only with a wide tolerance (FREERAM_SLACK_KIB), enough to
 * tell "the pages touched" from "the whole mapping".
 */
#define _GNU_SOURCE
#include <alloca.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE 4096UL
#define MINFLT_SLACK 8
#define FREERAM_SLACK_KIB 2048

static void *map_anon(size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	/* Linux would back a 2 MiB-aligned range with a huge page under THP=always */
	madvise(p, len, MADV_NOHUGEPAGE);
	return p;
}

int t_demand_paging(void)
{
	const size_t len = 1UL << 30;
	const int touches = 8;
	volatile char *p;
	long f0, f1, k0, k1;

	k0 = freeram_kib();
	p = map_anon(len, PROT_READ | PROT_WRITE);
	EXPECT(p != NULL, "mmap 1 GiB: %s", strerror(errno));
	if (!p)
		return 1;
	k1 = freeram_kib();
	ktap_diag("mmap 1 GiB: freeram %ld -> %ld KiB", k0, k1);
	EXPECT(k0 - k1 < FREERAM_SLACK_KIB, "mmap itself allocated %ld KiB", k0 - k1);
	/* write faults: a zeroed page each */
	f0 = minflt_self();
	for (int i = 0; i < touches; i++)
		p[(len / touches) * i + 123] = (char)(i + 1);
	f1 = minflt_self();
	long k2 = freeram_kib();
	ktap_diag("%d writes: %ld minor faults, freeram -%ld KiB (%d pages = %lu KiB + page tables)",
		  touches, f1 - f0, k1 - k2, touches, touches * PAGE / 1024);
	EXPECT(f1 - f0 >= touches && f1 - f0 <= touches + MINFLT_SLACK, "faults %ld", f1 - f0);
	EXPECT(k1 - k2 < FREERAM_SLACK_KIB, "8 pages took %ld KiB", k1 - k2);
	for (int i = 0; i < touches; i++) {
		EXPECT_EQ(p[(len / touches) * i + 123], i + 1);
		EXPECT_EQ(p[(len / touches) * i], 0);	/* the rest of the page is zero */
	}
	/* read faults elsewhere: the zero page, no new memory */
	f0 = minflt_self();
	long sum = 0;
	for (int i = 0; i < touches; i++)
		sum += p[(len / touches) * i + len / touches / 2];
	f1 = minflt_self();
	EXPECT_EQ(sum, 0);
	EXPECT(f1 - f0 >= touches && f1 - f0 <= touches + MINFLT_SLACK, "read faults %ld", f1 - f0);
	/* a write after a read fault (the zero page, write-protected) gets a page of its own */
	p[len / touches / 2] = 5;
	EXPECT_EQ(p[len / touches / 2], 5);
	EXPECT_EQ(p[len / touches * 3 + len / touches / 2], 0);
	/* the same page again: no fault */
	f0 = minflt_self();
	for (int i = 0; i < 100; i++)
		p[123] = (char)i;
	f1 = minflt_self();
	EXPECT(f1 - f0 <= 1, "re-writing a mapped page faulted %ld times", f1 - f0);
	EXPECT_EQ(munmap((void *)p, len), 0);
	long k3 = freeram_kib();
	ktap_diag("after munmap: freeram %ld KiB (before mmap %ld)", k3, k0);
	EXPECT(k0 - k3 < FREERAM_SLACK_KIB, "lost %ld KiB", k0 - k3);
	return 0;
}

#define COW_LEN (16UL << 20)

static int cow_child(volatile char *p, int rfd, int wfd)
{
	struct { long faults, kib; } r;
	long f0, k0;
	int bad = 0;

	/* the parent's contents are visible */
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		bad += p[i] != (char)(i / PAGE);
	f0 = minflt_self();
	k0 = freeram_kib();
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		p[i] = (char)~(i / PAGE);
	r.faults = minflt_self() - f0;
	r.kib = k0 - freeram_kib();
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		bad += p[i] != (char)~(i / PAGE);
	if (write(wfd, &r, sizeof(r)) != sizeof(r))
		bad++;
	/* wait for the parent's own writes, then check they did not reach us */
	char c;
	if (read(rfd, &c, 1) != 1)
		bad++;
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		bad += p[i] != (char)~(i / PAGE);
	return bad ? 1 : 0;
}

int t_cow(void)
{
	volatile char *p = map_anon(COW_LEN, PROT_READ | PROT_WRITE);
	int to_child[2], to_parent[2], status;
	struct { long faults, kib; } r;
	const long pages = COW_LEN / PAGE;

	EXPECT(p != NULL, "mmap: %s", strerror(errno));
	if (!p)
		return 1;
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		p[i] = (char)(i / PAGE);
	EXPECT_EQ(pipe(to_child), 0);
	EXPECT_EQ(pipe(to_parent), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(cow_child(p, to_child[0], to_parent[1]));
	EXPECT_EQ(read(to_parent[0], &r, sizeof(r)), sizeof(r));
	ktap_diag("child wrote %ld pages: %ld minor faults, freeram -%ld KiB (16384 KiB copied)",
		  pages, r.faults, r.kib);
	EXPECT(r.faults >= pages && r.faults <= pages + MINFLT_SLACK, "faults %ld", r.faults);
	EXPECT(r.kib > (long)(COW_LEN / 1024) - FREERAM_SLACK_KIB &&
	       r.kib < (long)(COW_LEN / 1024) + FREERAM_SLACK_KIB, "copied %ld KiB", r.kib);
	/* the child's writes did not reach us; ours do not reach it */
	int bad = 0;
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		bad += p[i] != (char)(i / PAGE);
	EXPECT_EQ(bad, 0);
	for (size_t i = 0; i < COW_LEN; i += 2 * PAGE)
		p[i] = 'P';
	EXPECT_EQ(write(to_child[1], "g", 1), 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT(status == 0, "child saw wrong contents, status 0x%x", status);
	/* the child is gone: our pages are ours alone again, a write reuses them */
	long f0 = minflt_self();
	for (size_t i = PAGE; i < COW_LEN; i += 2 * PAGE)
		p[i] = 'Q';
	long f1 = minflt_self();
	ktap_diag("after the child exited, writing %ld pages: %ld faults (write-protect faults reuse the page)",
		  pages / 2, f1 - f0);
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		bad += p[i] != (i / PAGE % 2 ? 'Q' : 'P');
	EXPECT_EQ(bad, 0);
	munmap((void *)p, COW_LEN);
	return 0;
}

int t_cow_readonly(void)
{
	volatile char *p = map_anon(COW_LEN, PROT_READ | PROT_WRITE);
	int to_parent[2], status;

	EXPECT(p != NULL, "mmap: %s", strerror(errno));
	if (!p)
		return 1;
	for (size_t i = 0; i < COW_LEN; i += PAGE)
		p[i] = (char)(i / PAGE + 1);
	EXPECT_EQ(pipe(to_parent), 0);
	pid_t pid = fork();
	if (pid == 0) {
		long r[3], f0 = minflt_self(), k0 = freeram_kib(), sum = 0;

		for (size_t i = 0; i < COW_LEN; i += 64)
			sum += p[i];
		r[0] = minflt_self() - f0;
		r[1] = k0 - freeram_kib();
		r[2] = sum;
		(void)!write(to_parent[1], r, sizeof(r));
		_exit(0);
	}
	long r[3], want = 0;
	EXPECT_EQ(read(to_parent[0], r, sizeof(r)), sizeof(r));
	for (size_t i = 0; i < COW_LEN; i += 64)
		want += (i % PAGE) ? 0 : (char)(i / PAGE + 1);
	ktap_diag("child read all 16 MiB: %ld minor faults, freeram -%ld KiB", r[0], r[1]);
	EXPECT(r[0] <= MINFLT_SLACK, "read-only sharing faulted %ld times", r[0]);
	EXPECT(r[1] < FREERAM_SLACK_KIB, "read-only sharing took %ld KiB", r[1]);
	EXPECT_EQ(r[2], want);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	munmap((void *)p, COW_LEN);
	return 0;
}

static void touch_write(void *a)
{
	*(volatile char *)a = 1;
}

static void touch_read(void *a)
{
	(void)*(volatile char *)a;
}

int t_munmap_split(void)
{
	char *p = map_anon(5 * PAGE, PROT_READ | PROT_WRITE);

	EXPECT(p != NULL, "mmap");
	if (!p)
		return 1;
	memset(p, 'a', 5 * PAGE);
	EXPECT_EQ(munmap(p + 2 * PAGE, PAGE), 0);	/* split into two */
	EXPECT_EQ(child_sig(touch_read, p + 2 * PAGE), SIGSEGV);
	EXPECT_EQ(child_sig(touch_write, p + 2 * PAGE + 100), SIGSEGV);
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(p[PAGE * 2 - 1], 'a');
	EXPECT_EQ(p[PAGE * 3], 'a');
	EXPECT_EQ(p[PAGE * 5 - 1], 'a');
	EXPECT_EQ(child_sig(touch_write, p + 4 * PAGE), 0);
	/* a mapping spanning the hole: mremap needs one VMA, so it fails */
	EXPECT(mremap(p, 5 * PAGE, 6 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED && errno == EFAULT,
	       "mremap across a hole: %s", strerror(errno));
	/* munmap of a range holding the hole and nothing at all is fine */
	EXPECT_EQ(munmap(p + PAGE, 3 * PAGE), 0);
	EXPECT_EQ(child_sig(touch_read, p + PAGE), SIGSEGV);
	EXPECT_EQ(child_sig(touch_read, p + 3 * PAGE), SIGSEGV);
	EXPECT_EQ(p[0], 'a');
	EXPECT_EQ(p[4 * PAGE], 'a');
	/* MAP_FIXED into the hole: a fresh zeroed page, merged with its neighbours */
	char *q = mmap(p + PAGE, 3 * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
	EXPECT(q == p + PAGE, "MAP_FIXED: %p", q);
	madvise(q, 3 * PAGE, MADV_NOHUGEPAGE);	/* the same flags as its neighbours */
	EXPECT_EQ(p[2 * PAGE], 0);
	EXPECT_EQ(p[4 * PAGE], 'a');
	/* one VMA again: mremap of the whole range works */
	char *r = mremap(p, 5 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
	EXPECT(r != MAP_FAILED, "mremap after merging: %s", strerror(errno));
	if (r != MAP_FAILED) {
		EXPECT_EQ(r[0], 'a');
		EXPECT_EQ(r[4 * PAGE], 'a');
		EXPECT_EQ(r[7 * PAGE], 0);
		p = r;
	}
	EXPECT_EQ(munmap(p, 8 * PAGE), 0);
	EXPECT_EQ(child_sig(touch_read, p), SIGSEGV);
	/* MAP_FIXED_NOREPLACE over an existing mapping: EEXIST */
	p = map_anon(2 * PAGE, PROT_READ);
	q = mmap(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	EXPECT(q == MAP_FAILED && errno == EEXIST, "MAP_FIXED_NOREPLACE: %p %s", q, strerror(errno));
	munmap(p, 2 * PAGE);
	return 0;
}

int t_mprotect_split(void)
{
	char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE);

	EXPECT(p != NULL, "mmap");
	if (!p)
		return 1;
	memset(p, 'b', 3 * PAGE);
	EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_READ), 0);
	EXPECT_EQ(child_sig(touch_write, p + PAGE + 8), SIGSEGV);
	EXPECT_EQ(child_sig(touch_read, p + PAGE + 8), 0);
	EXPECT_EQ(p[PAGE + 8], 'b');
	p[0] = 'c';
	p[2 * PAGE] = 'c';
	/* three VMAs now: mremap of the whole range fails */
	EXPECT(mremap(p, 3 * PAGE, 4 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED && errno == EFAULT,
	       "mremap across VMAs: %s", strerror(errno));
	EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_NONE), 0);
	EXPECT_EQ(child_sig(touch_read, p + PAGE), SIGSEGV);
	/* back to read-write: the three merge into one */
	EXPECT_EQ(mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE), 0);
	p[PAGE] = 'd';
	char *r = mremap(p, 3 * PAGE, 4 * PAGE, MREMAP_MAYMOVE);
	EXPECT(r != MAP_FAILED, "mremap after merging: %s", strerror(errno));
	if (r != MAP_FAILED) {
		EXPECT_EQ(r[0], 'c');
		EXPECT_EQ(r[PAGE], 'd');
		EXPECT_EQ(r[2 * PAGE + 1], 'b');
		p = r;
	}
	/* the whole range read-only, write in a child: SIGSEGV; we still read */
	EXPECT_EQ(mprotect(p, 4 * PAGE, PROT_READ), 0);
	EXPECT_EQ(child_sig(touch_write, p), SIGSEGV);
	EXPECT_EQ(p[0], 'c');
	/* errors: unaligned start, unmapped range, bad bits */
	/* (raw: musl's mprotect() rounds the start down itself) */
	EXPECT_EQ(raw_syscall3(SYS_mprotect, p + 1, PAGE, PROT_READ), -EINVAL);
	EXPECT_EQ(raw_syscall3(SYS_mprotect, p, PAGE, 0x1000), -EINVAL);
	munmap(p, 4 * PAGE);
	EXPECT_EQ(raw_syscall3(SYS_mprotect, p, PAGE, PROT_READ), -ENOMEM);
	return 0;
}

int t_mremap(void)
{
	char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE), *q;

	EXPECT(p != NULL, "mmap");
	if (!p)
		return 1;
	for (int i = 0; i < 4; i++)
		p[i * PAGE] = (char)('0' + i);
	/* shrink in place */
	q = mremap(p, 4 * PAGE, 2 * PAGE, 0);
	EXPECT(q == p, "shrink: %p", q);
	EXPECT_EQ(child_sig(touch_read, p + 3 * PAGE), SIGSEGV);
	/* grow, moving if needed; the contents come along */
	q = mremap(p, 2 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
	EXPECT(q != MAP_FAILED, "grow: %s", strerror(errno));
	if (q == MAP_FAILED)
		return 1;
	EXPECT_EQ(q[0], '0');
	EXPECT_EQ(q[PAGE], '1');
	EXPECT_EQ(q[2 * PAGE], 0);
	q[63 * PAGE] = 'e';
	/* errors */
	EXPECT(mremap(q + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE) == MAP_FAILED && errno == EINVAL,
	       "unaligned");
	EXPECT(mremap(q, 64 * PAGE, 128 * PAGE, 0x100) == MAP_FAILED && errno == EINVAL,
	       "bad flags");
	munmap(q, 64 * PAGE);
	return 0;
}

int t_mmap_errors(void)
{
	void *p;

	p = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p == MAP_FAILED && errno == EINVAL, "len 0: %s", strerror(errno));
	p = mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0);	/* neither private nor shared */
	EXPECT(p == MAP_FAILED && errno == EINVAL, "no type: %s", strerror(errno));
	p = mmap((void *)0x10001000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT(p == (void *)0x10001000, "MAP_FIXED: %p %s", p, strerror(errno));
	munmap(p, PAGE);
	p = mmap((void *)0x10001001, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	EXPECT(p == MAP_FAILED && errno == EINVAL, "unaligned MAP_FIXED: %s", strerror(errno));
	p = mmap(NULL, (size_t)-PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p == MAP_FAILED && errno == ENOMEM, "huge: %s", strerror(errno));
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 999, 0);
	EXPECT(p == MAP_FAILED && errno == EBADF, "bad fd: %s", strerror(errno));
	/* a hint is a hint: below mmap_min_addr or in use, the kernel picks */
	p = mmap((void *)0x1000, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED && (unsigned long)p >= 0x10000, "hint 0x1000 -> %p", p);
	munmap(p, PAGE);
	/* user space ends at 128 TiB without a hint above it */
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT((unsigned long)p < (1UL << 47), "mapping at %p", p);
	munmap(p, PAGE);
	EXPECT_EQ(munmap((void *)0x10001001, PAGE), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(munmap((void *)0x10000000, 0), -1);
	EXPECT_EQ(errno, EINVAL);
	EXPECT_EQ(munmap((void *)0x10000000, PAGE), 0);	/* nothing there: fine */
	/* user pages are not executable without PROT_EXEC */
	return 0;
}

int t_brk(void)
{
	unsigned long start = raw_syscall1(SYS_brk, 0), cur;
	volatile char *b = (volatile char *)start;

	EXPECT(start != 0 && start < (1UL << 47), "brk(0) = %lx", start);
	cur = raw_syscall1(SYS_brk, start + (1 << 20));
	EXPECT_EQ(cur, start + (1 << 20));
	for (unsigned long i = 0; i < (1 << 20); i += PAGE)
		b[i] = 'k';
	EXPECT_EQ(b[(1 << 20) - PAGE], 'k');
	EXPECT_EQ(child_sig(touch_write, (void *)(start + (1 << 20) + PAGE)), SIGSEGV);
	/* unaligned ends are rounded: the page holding the end is mapped */
	cur = raw_syscall1(SYS_brk, start + (1 << 20) + 10);
	EXPECT_EQ(cur, start + (1 << 20) + 10);
	EXPECT_EQ(child_sig(touch_write, (void *)(start + (1 << 20) + 100)), 0);
	/* shrink: the pages above are gone */
	cur = raw_syscall1(SYS_brk, start + PAGE);
	EXPECT_EQ(cur, start + PAGE);
	EXPECT_EQ(child_sig(touch_read, (void *)(start + 2 * PAGE)), SIGSEGV);
	EXPECT_EQ(b[0], 'k');
	/* grow again: the old contents do not come back */
	cur = raw_syscall1(SYS_brk, start + 4 * PAGE);
	EXPECT_EQ(cur, start + 4 * PAGE);
	EXPECT_EQ(b[2 * PAGE], 0);
	/* below the start, or absurd: refused, brk unchanged */
	EXPECT_EQ(raw_syscall1(SYS_brk, 0x10000), start + 4 * PAGE);
	EXPECT_EQ(raw_syscall1(SYS_brk, 1UL << 62), start + 4 * PAGE);
	EXPECT_EQ(raw_syscall1(SYS_brk, start + PAGE), start + PAGE);
	/* the heap is copied on fork */
	b[0] = 'p';
	pid_t pid = fork();
	int status;
	if (pid == 0)
		_exit(b[0] == 'p' && raw_syscall1(SYS_brk, 0) == (long)(start + PAGE) ? 0 : 1);
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 0);
	return 0;
}

static int recurse(int depth)
{
	volatile char frame[4000];

	frame[0] = (char)depth;
	frame[3999] = (char)depth;
	if (depth == 0)
		return frame[0];
	return recurse(depth - 1) + frame[3999] - (char)depth;
}

static void grow_alloca(void *arg)
{
	size_t n = (size_t)arg;
	volatile char *a = alloca(n);

	for (size_t i = 0; i < n; i += PAGE)
		a[i] = 1;
	a[0] = 2;
}

int t_stack_growth(void)
{
	int st;
	long f0 = minflt_self();

	/* 512 frames of 4000 bytes: 2 MiB below where we started */
	EXPECT_EQ(recurse(512), 0);
	long f1 = minflt_self();
	ktap_diag("2 MiB of recursion: %ld faults", f1 - f0);
	EXPECT(f1 - f0 >= 400, "the stack grew with only %ld faults", f1 - f0);
	/* alloca of 1 MiB, touched top down from its low end, in a child */
	st = run_child(grow_alloca, (void *)(1UL << 20));
	EXPECT_EQ(st, 0);
	/* far past RLIMIT_STACK (8 MiB): SIGSEGV, for that child alone */
	st = run_child(grow_alloca, (void *)(64UL << 20));
	EXPECT(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "64 MiB alloca: status 0x%x", st);
	return 0;
}

static void deref_null(void *a)
{
	*(volatile int *)0 = 1;
}

static void write_kernel(void *a)
{
	*(volatile long *)0xffff800000000000UL = 1;
}

static void read_kernel(void *a)
{
	(void)*(volatile long *)0xffffffff80000000UL;
}

static void write_noncanonical(void *a)
{
	*(volatile long *)0x8000000000000000UL = 1;	/* #GP, not #PF: still SIGSEGV */
}

static const char rodata[] = "read-only";

static void write_rodata(void *a)
{
	*(volatile char *)rodata = 'w';
}

static void write_text(void *a)
{
	*(volatile char *)(void *)write_text = 0x90;
}

static void exec_data(void *a)
{
	unsigned char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 0xc3;		/* ret */
	((void (*)(void))p)();
}

static void exec_ok(void *a)
{
	unsigned char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 0xc3;
	((void (*)(void))p)();
}

int t_segv_child(void)
{
	static const struct {
		const char *what;
		void (*fn)(void *);
		int sig;
	} bad[] = {
		{ "NULL write", deref_null, SIGSEGV },
		{ "kernel write", write_kernel, SIGSEGV },
		{ "kernel read", read_kernel, SIGSEGV },
		{ "non-canonical write", write_noncanonical, SIGSEGV },
		{ "write to .rodata", write_rodata, SIGSEGV },
		{ "write to .text", write_text, SIGSEGV },
		{ "execute a PROT_READ|PROT_WRITE page (NX)", exec_data, SIGSEGV },
		{ "execute a PROT_EXEC page", exec_ok, 0 },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int st = run_child(bad[i].fn, NULL);

		EXPECT(bad[i].sig ? (WIFSIGNALED(st) && WTERMSIG(st) == bad[i].sig) : st == 0,
		       "%s: status 0x%x, want signal %d", bad[i].what, st, bad[i].sig);
		if (bad[i].sig)
			EXPECT_EQ(st, bad[i].sig);	/* exactly the signal: no core bit */
	}
	/* and we are still here, our memory intact */
	EXPECT(!strcmp(rodata, "read-only"), "rodata");
	return 0;
}

static void do_ud2(void *a)
{
	__asm__ volatile("ud2");
}

static void do_int3(void *a)
{
	__asm__ volatile("int3");
}

static void do_div0(void *a)
{
	int z = 0, q = 1, r = 0;

	/* in asm: gcc turns 1 / z into a comparison */
	__asm__ volatile("cltd; idivl %2" : "+a"(q), "+d"(r) : "r"(z));
}

static void do_hlt(void *a)
{
	__asm__ volatile("hlt");	/* privileged: #GP */
}

static void do_abort(void *a)
{
	raw_syscall3(SYS_tgkill, getpid(), gettid(), SIGABRT);
}

int t_traps(void)
{
	EXPECT_EQ(child_sig(do_ud2, NULL), SIGILL);
	EXPECT_EQ(child_sig(do_int3, NULL), SIGTRAP);
	EXPECT_EQ(child_sig(do_div0, NULL), SIGFPE);
	EXPECT_EQ(child_sig(do_hlt, NULL), SIGSEGV);
	EXPECT_EQ(child_sig(do_abort, NULL), SIGABRT);
	return 0;
}

/*
 * Four processes at once, each forking a child that shares its pages
 * copy-on-write; both write their own patterns, and each checks a
 * checksum of what it sees, several rounds. With 4 CPUs the faults, COW
 * copies and exits of different processes run at the same time.
 */
#define CC_PAGES 256
#define CC_ROUNDS 6

static unsigned long checksum(const unsigned char *p, size_t n)
{
	unsigned long h = 1469598103934665603UL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211UL;
	return h;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i += 8)
		*(unsigned long *)(p + i) = (i + 1) * 0x9e3779b97f4a7c15UL ^ seed;
}

static int cc_worker(int id)
{
	size_t len = CC_PAGES * PAGE;
	unsigned char *p = map_anon(len, PROT_READ | PROT_WRITE);
	unsigned char *ref = map_anon(len, PROT_READ | PROT_WRITE);
	int bad = 0;

	if (!p || !ref)
		return 10;
	for (int round = 0; round < CC_ROUNDS; round++) {
		unsigned seed = id * 1000 + round;
		fill(p, len, seed);
		memcpy(ref, p, len);
		unsigned long want = checksum(ref, len);
		pid_t pid = fork();
		if (pid < 0)
			return 11;
		if (pid == 0) {
			/* half the pages: our own pattern; the rest still the parent's */
			if (checksum(p, len) != want)
				_exit(1);
			for (size_t i = 0; i < len; i += 2 * PAGE)
				fill(p + i, PAGE, seed ^ 0xffff);
			for (size_t i = 0; i < len; i += 2 * PAGE)
				fill(ref + i, PAGE, seed ^ 0xffff);
			_exit(checksum(p, len) == checksum(ref, len) ? 0 : 2);
		}
		/* the parent writes the other half meanwhile */
		for (size_t i = PAGE; i < len; i += 2 * PAGE)
			fill(p + i, PAGE, seed ^ 0xabcd);
		int st;
		if (waitpid(pid, &st, 0) != pid || st != 0)
			bad++;
		for (size_t i = PAGE; i < len; i += 2 * PAGE)
			fill(ref + i, PAGE, seed ^ 0xabcd);
		if (checksum(p, len) != checksum(ref, len))
			bad++;
	}
	return bad ? 1 : 0;
}

int t_concurrent_cow(void)
{
	pid_t w[4];
	int st;

	for (int i = 0; i < 4; i++) {
		w[i] = fork();
		if (w[i] == 0)
			_exit(cc_worker(i + 1));
		EXPECT(w[i] > 0, "fork: %s", strerror(errno));
	}
	for (int i = 0; i < 4; i++) {
		EXPECT_EQ(waitpid(w[i], &st, 0), w[i]);
		EXPECT(st == 0, "worker %d: status 0x%x", i, st);
	}
	return 0;
}
