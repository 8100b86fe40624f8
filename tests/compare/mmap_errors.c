// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_errors - the mmap family's answers to bad and edge-case arguments,
 * one line per call, for comparing Linnet with Linux (docs/mm/mmap.md).
 * A static program of its own, PID 1 of an initramfs; it powers off.
 *
 *   musl-gcc -static -O1 -o init tests/compare/mmap_errors.c
 *   mkdir -p r/dev && cp init r/ && mknod r/dev/console c 5 1
 *   (cd r && find . | cpio -o -H newc > ../cmp.cpio)
 *   /work/shared/tools/linux-qemu.sh cmp.cpio rdinit=/init      # Linux
 *   python3 scripts/qemu_runner.py --kernel build/kernel.elf \
 *       --initrd cmp.cpio --cmdline rdinit=/init --log l.log  # Linnet
 *
 * Raw system calls (syscall(2)), so libc rounds nothing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define P 4096UL
#define V(name, ...) do { long _v = syscall(__VA_ARGS__); printf("%-28s %s%ld\n", name, _v == -1 ? "err " : "ok ", _v == -1 ? -(long)errno : 0L); } while (0)
int main(void)
{
	long a, b, c;
	int AN = MAP_PRIVATE | MAP_ANONYMOUS;
	V("len0", SYS_mmap, 0, 0, 3, AN, -1, 0);
	V("neither", SYS_mmap, 0, P, 3, MAP_ANONYMOUS, -1, 0);
	V("both", SYS_mmap, 0, P, 3, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	V("validate+unk", SYS_mmap, 0, P, 3, 3 | MAP_ANONYMOUS | 0x400000, -1, 0);
	V("type15", SYS_mmap, 0, P, 3, 15 | MAP_ANONYMOUS, -1, 0);
	V("priv+unk", SYS_mmap, 0, P, 3, AN | 0x400000, -1, 0);
	V("len wraps", SYS_mmap, 0, -P + 1, 3, AN, -1, 0);
	V("len huge", SYS_mmap, 0, 1UL << 50, 3, AN, -1, 0);
	V("fixed unaligned", SYS_mmap, 0x200001, P, 3, AN | MAP_FIXED, -1, 0);
	V("fixed 0x1000", SYS_mmap, 0x1000, P, 3, AN | MAP_FIXED, -1, 0);
	V("fixed 0", SYS_mmap, 0, P, 3, AN | MAP_FIXED, -1, 0);
	V("noreplace 0x1000", SYS_mmap, 0x1000, P, 3, AN | MAP_FIXED_NOREPLACE, -1, 0);
	V("fixed beyond", SYS_mmap, (1UL << 47) - P, 2 * P, 3, AN | MAP_FIXED, -1, 0);
	V("off unaligned", SYS_mmap, 0, P, 3, AN, -1, 123);
	V("fd -1", SYS_mmap, 0, P, 3, MAP_PRIVATE, -1, 0);
	V("fd 1000", SYS_mmap, 0, P, 3, MAP_PRIVATE, 1000, 0);
	V("shared growsdown", SYS_mmap, 0, P, 3, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);
	V("hugetlb anon", SYS_mmap, 0, 2 << 20, 3, AN | MAP_HUGETLB, -1, 0);
	a = syscall(SYS_mmap, 0x1000, P, 3, AN, -1, 0);
	printf("%-28s %#lx\n", "hint 0x1000 ->", a);
	syscall(SYS_munmap, a, P);
	a = syscall(SYS_mmap, 0, P, 3, AN, -1, 0);
	b = syscall(SYS_mmap, 0, P, 3, AN, -1, 0);
	printf("%-28s %ld\n", "topdown b-a (pages)", (b - a) / (long)P);
	V("noreplace over", SYS_mmap, a, P, 3, AN | MAP_FIXED_NOREPLACE, -1, 0);
	V("munmap unaligned", SYS_munmap, a + 1, P);
	V("munmap len0", SYS_munmap, a, 0);
	V("munmap nothing", SYS_munmap, 0x10000000, P);
	V("munmap beyond", SYS_munmap, (1UL << 47) - P, 2 * P);
	V("munmap kernel", SYS_munmap, -P, P);
	V("mprotect unaligned", SYS_mprotect, a + 1, P, 1);
	V("mprotect badprot", SYS_mprotect, a, P, 0x10);
	V("mprotect len0", SYS_mprotect, a, 0, 1);
	V("mprotect hole", SYS_mprotect, 0x10000000, P, 1);
	V("mprotect wrap", SYS_mprotect, -P, 2 * P, 1);
	V("mprotect growsdown", SYS_mprotect, a, P, 1 | PROT_GROWSDOWN);
	V("mprotect both grows", SYS_mprotect, a, P, 1 | PROT_GROWSDOWN | PROT_GROWSUP);
	V("mprotect growsup", SYS_mprotect, a, P, 1 | PROT_GROWSUP);
	V("mprotect sem", SYS_mprotect, a, P, 1 | 8);
	V("mremap badflags", SYS_mremap, a, P, P, 0x80, 0);
	V("mremap fixed nomove", SYS_mremap, a, P, P, MREMAP_FIXED, 0x10000000);
	V("mremap unaligned", SYS_mremap, a + 1, P, P, 0, 0);
	V("mremap newlen0", SYS_mremap, a, P, 0, 0, 0);
	V("mremap unmapped", SYS_mremap, 0x10000000, P, 2 * P, MREMAP_MAYMOVE, 0);
	V("mremap beyond vma", SYS_mremap, a, 2 * P, 3 * P, MREMAP_MAYMOVE, 0);
	V("mremap oldlen0 priv", SYS_mremap, a, 0, P, MREMAP_MAYMOVE, 0);
	V("mremap dontunmap sz", SYS_mremap, a, P, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	V("mremap fixed overlap", SYS_mremap, a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, a);
	V("mremap fixed unalign", SYS_mremap, a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x10000001);
	V("mremap grow blocked", SYS_mremap, b, P, 2 * P, 0, 0);
	V("madvise bad", SYS_madvise, a, P, 1000);
	V("madvise unaligned", SYS_madvise, a + 1, P, 0);
	V("madvise hole", SYS_madvise, a - 16 * P, 17 * P, 0);
	V("madvise len -1", SYS_madvise, a, -1UL, 0);
	V("madvise remove", SYS_madvise, a, P, MADV_REMOVE);
	V("madvise hwpoison", SYS_madvise, a, P, 100);
	V("madvise free", SYS_madvise, a, P, MADV_FREE);
	V("madvise wipe", SYS_madvise, a, P, MADV_WIPEONFORK);
	V("msync bad", SYS_msync, a, P, 8);
	V("msync async|sync", SYS_msync, a, P, MS_ASYNC | MS_SYNC);
	V("msync unaligned", SYS_msync, a + 1, P, MS_SYNC);
	V("msync hole", SYS_msync, a - 16 * P, 17 * P, MS_SYNC);
	V("msync hole async", SYS_msync, a - 16 * P, 17 * P, MS_ASYNC);
	V("msync ok", SYS_msync, a, P, MS_SYNC);
	V("msync wrap", SYS_msync, a, -P, MS_SYNC);
	c = syscall(SYS_mmap, 0, P, 3, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	V("madvise wipe shared", SYS_madvise, c, P, MADV_WIPEONFORK);
	V("madvise free shared", SYS_madvise, c, P, MADV_FREE);
	V("madvise remove shared", SYS_madvise, c, P, MADV_REMOVE);
	{
		long d = syscall(SYS_mremap, c, 0, P, MREMAP_MAYMOVE, 0);
		printf("%-28s %s\n", "mremap oldlen0 shared", d > 0 ? "ok" : "err");
	}
	{
		long cur = syscall(SYS_brk, 0);
		long r1 = syscall(SYS_brk, cur - P);
		long r2 = syscall(SYS_brk, cur + 3 * P);
		long r3 = syscall(SYS_brk, cur + 1);
		long r4 = syscall(SYS_brk, -P);
		printf("%-28s %d %d %d %d\n", "brk below/grow/shrink/huge", r1 == cur, r2 == cur + 3 * (long)P, r3 == cur + 1, r4 == cur + 1);
	}
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 0;
}
