// SPDX-License-Identifier: GPL-2.0
/*
 * /proc (user test suite, docs/proc.md): the files in Linux 6.1's formats
 * and their numbers moving as they should. /proc/meminfo lists every
 * field in Linux's order, and MemFree, AnonPages and Committed_AS move by
 * about 8 MiB when the case maps, touches and frees 8 MiB (large deltas
 * with slack: the machine is noisy); /proc/self/status's VmSize, VmRSS
 * and RssAnon likewise; /proc/self/maps shows the mapping with its
 * permissions, [heap] and [stack]; /proc/self/stat's fields; reading a
 * file whole, byte by byte, in odd pieces and with preads at random
 * offsets gives one text; nonsense written to /proc/sys is EINVAL;
 * /proc/self is our pid; /proc/PID/fd lists the open fds as links that
 * open the same file; cmdline and environ are what exec laid out; a dead
 * process's directory is gone and its open files read ESRCH;
 * oom_score_adj reads back what was written and refuses what is out of
 * range. Each case mounts /proc if nothing is mounted there yet (an
 * initramfs as init has no rc script). Every case passes on Linux.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "usertests.h"

extern char **environ;

#define BIG (1 << 20)
static char buf_a[BIG], buf_b[BIG], buf_c[BIG];

/* /proc mounted (by us if need be)? */
static int proc_ready(void)
{
	if (access("/proc/self/stat", R_OK) == 0)
		return 1;
	mkdir("/proc", 0555);
	if (mount("proc", "/proc", "proc", 0, NULL)) {
		ktap_diag("mount -t proc proc /proc: %s", strerror(errno));
		return 0;
	}
	return access("/proc/self/stat", R_OK) == 0;
}

#define NEED_PROC()                            \
	do {                                   \
		if (!proc_ready())             \
			return CASE_FAIL;      \
	} while (0)

/* The whole file into buf (NUL-terminated); its length or -1. */
static long read_file(const char *path, char *buf, long size)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n;

	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* The number after "name:" in a /proc/meminfo or status text, or -1. */
static long field_kb(const char *text, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	}
	return -1;
}

static long meminfo(const char *name)
{
	if (read_file("/proc/meminfo", buf_a, BIG) < 0)
		return -1;
	return field_kb(buf_a, name);
}

static long status_field(const char *name)
{
	if (read_file("/proc/self/status", buf_b, BIG) < 0)
		return -1;
	return field_kb(buf_b, name);
}

/* Linux 6.1's meminfo_proc_show, in order (an x86-64 kernel without CMA). */
static const char *const meminfo_fields[] = {
	"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active",
	"Inactive", "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)",
	"Unevictable", "Mlocked", "SwapTotal", "SwapFree", "Zswap", "Zswapped", "Dirty",
	"Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable", "Slab", "SReclaimable",
	"SUnreclaim", "KernelStack", "PageTables", "SecPageTables", "NFS_Unstable", "Bounce",
	"WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed",
	"VmallocChunk", "Percpu", "HardwareCorrupted", "AnonHugePages", "ShmemHugePages",
	"ShmemPmdMapped", "FileHugePages", "FilePmdMapped", "HugePages_Total", "HugePages_Free",
	"HugePages_Rsvd", "HugePages_Surp", "Hugepagesize", "Hugetlb", "DirectMap4k",
	"DirectMap2M",
};

#define EIGHT_MIB (8L << 20)
#define SIX_MIB_KB (6L << 10)	/* the slack: 8 MiB moves at least 6 MiB */

static int t_procfs_meminfo(void)
{
	long free0, anon0, comm0, free1, anon1, comm1, free2, anon2, comm2, comm_m;
	const char *p;
	char *m;
	size_t i = 0;

	NEED_PROC();
	EXPECT(read_file("/proc/meminfo", buf_a, BIG) > 0, "%s", strerror(errno));
	/* Every line "Name:   N kB" (or N for the HugePages_ counts), in Linux's order. */
	for (p = buf_a; *p; i++) {
		const char *colon = strchr(p, ':'), *nl = strchr(p, '\n');

		if (!colon || !nl || colon > nl) {
			EXPECT(0, "line %zu is not 'Name: value'", i);
			break;
		}
		if (i < sizeof(meminfo_fields) / sizeof(meminfo_fields[0]))
			EXPECT(!strncmp(p, meminfo_fields[i], colon - p) &&
				       strlen(meminfo_fields[i]) == (size_t)(colon - p),
			       "line %zu is %.*s, Linux has %s", i, (int)(colon - p), p,
			       meminfo_fields[i]);
		p = nl + 1;
	}
	EXPECT(i >= sizeof(meminfo_fields) / sizeof(meminfo_fields[0]), "%zu lines", i);
	EXPECT(meminfo("MemTotal") > meminfo("MemFree"), "MemTotal > MemFree");

	free0 = meminfo("MemFree");
	anon0 = meminfo("AnonPages");
	comm0 = meminfo("Committed_AS");
	m = mmap(NULL, EIGHT_MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(m != MAP_FAILED, "mmap: %s", strerror(errno));
	if (m == MAP_FAILED)
		return 0;
	comm_m = meminfo("Committed_AS");
	for (long off = 0; off < EIGHT_MIB; off += 4096)
		m[off] = 1;
	free1 = meminfo("MemFree");
	anon1 = meminfo("AnonPages");
	comm1 = meminfo("Committed_AS");
	munmap(m, EIGHT_MIB);
	free2 = meminfo("MemFree");
	anon2 = meminfo("AnonPages");
	comm2 = meminfo("Committed_AS");
	/* A private writable mapping is committed when it is made, before any touch. */
	EXPECT(comm_m - comm0 >= SIX_MIB_KB, "Committed_AS %ld -> %ld kB at mmap", comm0, comm_m);
	EXPECT(free0 - free1 >= SIX_MIB_KB, "MemFree %ld -> %ld kB after touching", free0, free1);
	EXPECT(anon1 - anon0 >= SIX_MIB_KB, "AnonPages %ld -> %ld kB", anon0, anon1);
	EXPECT(comm1 - comm2 >= SIX_MIB_KB, "Committed_AS %ld -> %ld kB at munmap", comm1, comm2);
	EXPECT(free2 - free1 >= SIX_MIB_KB, "MemFree %ld -> %ld kB after munmap", free1, free2);
	EXPECT(anon1 - anon2 >= SIX_MIB_KB, "AnonPages %ld -> %ld kB after munmap", anon1, anon2);
	return 0;
}
UT_CASE("procfs_meminfo", t_procfs_meminfo);

static int t_procfs_status(void)
{
	long size0, rss0, anon0, size1, rss1, anon1, rss2, size3, rss3, anon3;
	char *m;

	NEED_PROC();
	EXPECT(read_file("/proc/self/status", buf_b, BIG) > 0, "%s", strerror(errno));
	/* Linux 6.1's order of the lines every process has (proc_pid_status). */
	static const char *const order[] = {
		"Name:", "Umask:", "State:", "Tgid:", "Ngid:", "Pid:", "PPid:", "TracerPid:",
		"Uid:", "Gid:", "FDSize:", "Groups:", "NStgid:", "NSpid:", "NSpgid:", "NSsid:",
		"VmPeak:", "VmSize:", "VmLck:", "VmPin:", "VmHWM:", "VmRSS:", "RssAnon:",
		"RssFile:", "RssShmem:", "VmData:", "VmStk:", "VmExe:", "VmLib:", "VmPTE:",
		"VmSwap:", "HugetlbPages:", "CoreDumping:", "THP_enabled:", "Threads:", "SigQ:",
		"SigPnd:", "ShdPnd:", "SigBlk:", "SigIgn:", "SigCgt:", "CapInh:", "CapPrm:",
		"CapEff:", "CapBnd:", "CapAmb:", "NoNewPrivs:", "Seccomp:", "Seccomp_filters:",
		"Speculation_Store_Bypass:", "SpeculationIndirectBranch:", "Cpus_allowed:",
		"Cpus_allowed_list:", "Mems_allowed:", "Mems_allowed_list:",
		"voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:",
	};
	const char *p = buf_b;

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const char *at = strstr(p, order[i]);

		EXPECT(at && (at == buf_b || at[-1] == '\n'), "no line %s after the previous one",
		       order[i]);
		if (at)
			p = at;
	}
	EXPECT_EQ(status_field("Pid"), getpid());
	EXPECT_EQ(status_field("Tgid"), getpid());
	EXPECT_EQ(status_field("PPid"), getppid());
	EXPECT_EQ(status_field("Threads"), 1);
	EXPECT(strstr(buf_b, "State:\tR (running)\n"), "State of a reader is R");

	size0 = status_field("VmSize");
	rss0 = status_field("VmRSS");
	anon0 = status_field("RssAnon");
	m = mmap(NULL, EIGHT_MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(m != MAP_FAILED, "mmap: %s", strerror(errno));
	if (m == MAP_FAILED)
		return 0;
	size1 = status_field("VmSize");
	rss1 = status_field("VmRSS");
	EXPECT(size1 - size0 >= (EIGHT_MIB >> 10), "VmSize %ld -> %ld kB", size0, size1);
	EXPECT(rss1 - rss0 < 1024, "VmRSS %ld -> %ld kB before touching", rss0, rss1);
	/* Linux batches RSS counts per thread (SPLIT_RSS_COUNTING): compare with slack. */
	for (long off = 0; off < EIGHT_MIB; off += 4096)
		m[off] = 1;
	rss2 = status_field("VmRSS");
	anon1 = status_field("RssAnon");
	EXPECT(rss2 - rss0 >= SIX_MIB_KB, "VmRSS %ld -> %ld kB", rss0, rss2);
	EXPECT(anon1 - anon0 >= SIX_MIB_KB, "RssAnon %ld -> %ld kB", anon0, anon1);
	EXPECT(status_field("VmHWM") >= rss2, "VmHWM >= VmRSS");
	munmap(m, EIGHT_MIB);
	size3 = status_field("VmSize");
	rss3 = status_field("VmRSS");
	anon3 = status_field("RssAnon");
	EXPECT(size1 - size3 >= (EIGHT_MIB >> 10), "VmSize %ld -> %ld kB at munmap", size1, size3);
	EXPECT(rss2 - rss3 >= SIX_MIB_KB, "VmRSS %ld -> %ld kB at munmap", rss2, rss3);
	EXPECT(anon1 - anon3 >= SIX_MIB_KB, "RssAnon %ld -> %ld kB", anon1, anon3);
	/* The peak stays. */
	EXPECT(status_field("VmHWM") >= rss2, "VmHWM keeps the peak");
	EXPECT(status_field("VmPeak") >= size1, "VmPeak keeps the peak");
	return 0;
}
UT_CASE("procfs_status", t_procfs_status);

/* The maps line of the VMA holding addr, into line; 1 if found. */
static int maps_line(unsigned long addr, char *line, size_t size)
{
	char *p = buf_c;

	if (read_file("/proc/self/maps", buf_c, BIG) < 0)
		return 0;
	while (*p) {
		char *nl = strchr(p, '\n');
		unsigned long s, e;

		if (!nl)
			break;
		if (sscanf(p, "%lx-%lx", &s, &e) == 2 && s <= addr && addr < e) {
			size_t len = nl - p < (long)size - 1 ? (size_t)(nl - p) : size - 1;

			memcpy(line, p, len);
			line[len] = '\0';
			return 1;
		}
		p = nl + 1;
	}
	return 0;
}

static int t_procfs_maps(void)
{
	char line[512], want[128];
	unsigned long cur;
	int stack_var = 0;
	char *m;

	NEED_PROC();
	m = mmap(NULL, 5 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(m != MAP_FAILED, "mmap: %s", strerror(errno));
	if (m == MAP_FAILED)
		return 0;
	/* The middle page read-only: three VMAs, rw-p r--p rw-p. */
	EXPECT_EQ(mprotect(m + 2 * 4096, 4096, PROT_READ), 0);
	EXPECT(maps_line((unsigned long)m, line, sizeof(line)), "no line for %p", m);
	snprintf(want, sizeof(want), "%08lx-%08lx rw-p 00000000 00:00 0 ", (unsigned long)m,
		 (unsigned long)m + 2 * 4096);
	EXPECT(!strcmp(line, want), "'%s', want '%s'", line, want);
	EXPECT(maps_line((unsigned long)m + 2 * 4096, line, sizeof(line)), "no middle line");
	snprintf(want, sizeof(want), "%08lx-%08lx r--p 00000000 00:00 0 ",
		 (unsigned long)m + 2 * 4096, (unsigned long)m + 3 * 4096);
	EXPECT(!strcmp(line, want), "'%s', want '%s'", line, want);
	munmap(m, 5 * 4096);
	EXPECT(!maps_line((unsigned long)m, line, sizeof(line)) || !strstr(line, "rw-p 00000000 00:00 0 ") ||
		       strchr(line, '['), "still mapped after munmap: %s", line);

	/* [stack]: the line holding a local variable, the name at column 73 (Linux's padding). */
	EXPECT(maps_line((unsigned long)&stack_var, line, sizeof(line)), "no stack line");
	EXPECT(strlen(line) == 80 && !strcmp(line + 73, "[stack]"), "stack line '%s'", line);
	EXPECT(strstr(line, " rw-p "), "stack line '%s'", line);

	/* [heap]: grow the brk area by two pages (raw brk: musl's sbrk refuses). */
	cur = syscall(SYS_brk, 0);
	EXPECT(syscall(SYS_brk, cur + 8192) == (long)(cur + 8192), "brk");
	*(volatile char *)cur = 1;
	EXPECT(maps_line(cur, line, sizeof(line)), "no heap line");
	EXPECT(strstr(line, "[heap]") && strstr(line, " rw-p "), "heap line '%s'", line);
	syscall(SYS_brk, cur);
	return 0;
}
UT_CASE("procfs_maps", t_procfs_maps);

static int t_procfs_stat(void)
{
	char comm[64], state, *close_paren;
	int pid, ppid, pgrp, session, fields = 0;
	long len;

	NEED_PROC();
	len = read_file("/proc/self/stat", buf_a, BIG);
	EXPECT(len > 0 && buf_a[len - 1] == '\n', "ends in a newline");
	EXPECT(read_file("/proc/self/comm", comm, sizeof(comm)) > 0, "comm");
	comm[strcspn(comm, "\n")] = '\0';
	close_paren = strrchr(buf_a, ')');
	EXPECT(close_paren != NULL, "no ')'");
	if (!close_paren)
		return 0;
	EXPECT(sscanf(buf_a, "%d (", &pid) == 1, "'%s'", buf_a);
	EXPECT_EQ(pid, getpid());
	{
		char inparens[64];
		const char *open_paren = strchr(buf_a, '(');
		size_t n = close_paren - open_paren - 1;

		memcpy(inparens, open_paren + 1, n < sizeof(inparens) ? n : sizeof(inparens) - 1);
		inparens[n < sizeof(inparens) ? n : sizeof(inparens) - 1] = '\0';
		EXPECT(!strcmp(inparens, comm), "(%s), comm %s", inparens, comm);
	}
	EXPECT(sscanf(close_paren + 2, "%c %d %d %d", &state, &ppid, &pgrp, &session) == 4,
	       "'%s'", close_paren + 2);
	EXPECT_EQ(state, 'R');
	EXPECT_EQ(ppid, getppid());
	EXPECT_EQ(pgrp, getpgrp());
	EXPECT_EQ(session, getsid(0));
	/* 52 fields: pid, (comm) and 50 numbers, one space apart. */
	for (const char *p = close_paren + 1; *p; p++)
		fields += *p == ' ';
	EXPECT_EQ(fields + 2, 52);
	/* statm: seven numbers; size in pages matches status' VmSize. */
	{
		unsigned long v[7];

		EXPECT(read_file("/proc/self/statm", buf_a, BIG) > 0, "statm");
		EXPECT(sscanf(buf_a, "%lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1], &v[2], &v[3],
			      &v[4], &v[5], &v[6]) == 7, "statm '%s'", buf_a);
		EXPECT(v[0] * 4 == (unsigned long)status_field("VmSize"), "statm size %lu", v[0]);
	}
	return 0;
}
UT_CASE("procfs_stat", t_procfs_stat);

static unsigned int rnd_state = 12345;

static unsigned int rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 8;
}

/* One file: whole, 1-byte reads, 7-byte reads and preads at random places give one text. */
static void check_offsets(const char *path)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n, len1 = 0;

	EXPECT(fd >= 0, "%s: %s", path, strerror(errno));
	if (fd < 0)
		return;
	while ((n = read(fd, buf_a + len, BIG - len)) > 0)
		len += n;
	EXPECT(len > 0, "%s is empty", path);
	/* Byte by byte, on the same file from the start. */
	EXPECT_EQ(lseek(fd, 0, SEEK_SET), 0);
	while (len1 < BIG && (n = read(fd, buf_b + len1, 1)) == 1)
		len1++;
	EXPECT(len1 == len && !memcmp(buf_a, buf_b, len), "%s: 1-byte reads %ld bytes, whole %ld",
	       path, len1, len);
	/* In 7-byte pieces from a new open. */
	close(fd);
	fd = open(path, O_RDONLY);
	len1 = 0;
	while (len1 < BIG && (n = read(fd, buf_b + len1, 7)) > 0)
		len1 += n;
	EXPECT(len1 == len && !memcmp(buf_a, buf_b, len), "%s: 7-byte reads %ld bytes, whole %ld",
	       path, len1, len);
	/* Random preads: every piece matches; past the end is 0. */
	for (int i = 0; i < 64; i++) {
		long off = rnd() % (len + 4), want = rnd() % 300 + 1;
		long got = pread(fd, buf_b, want, off);
		long exp = off >= len ? 0 : (off + want > len ? len - off : want);

		EXPECT(got == exp && !memcmp(buf_b, buf_a + off, got > 0 ? got : 0),
		       "%s: pread(%ld, %ld) = %ld, want %ld", path, want, off, got, exp);
	}
	close(fd);
}

static int t_procfs_offsets(void)
{
	NEED_PROC();
	check_offsets("/proc/version");
	check_offsets("/proc/filesystems");
	check_offsets("/proc/cpuinfo");
	check_offsets("/proc/mounts");
	check_offsets("/proc/self/cmdline");
	check_offsets("/proc/self/environ");
	check_offsets("/proc/self/maps");
	check_offsets("/proc/self/comm");
	check_offsets("/proc/sys/kernel/ostype");
	return 0;
}
UT_CASE("procfs_offsets", t_procfs_offsets);

/* Write text to path: 0, or the errno. */
static int write_str(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, text, strlen(text)) < 0)
		err = errno;
	close(fd);
	return err;
}

static int t_procfs_sysctl(void)
{
	static const char *const nonsense[] = { "abc", "\n", " ", "1x", "3", "-1", "0x", "--1", "1.5" };
	char old[32], now[32];

	NEED_PROC();
	EXPECT(read_file("/proc/sys/vm/overcommit_memory", old, sizeof(old)) > 0, "%s",
	       strerror(errno));
	for (unsigned int i = 0; i < sizeof(nonsense) / sizeof(nonsense[0]); i++)
		EXPECT(write_str("/proc/sys/vm/overcommit_memory", nonsense[i]) == EINVAL,
		       "writing '%s' to overcommit_memory: not EINVAL", nonsense[i]);
	EXPECT(read_file("/proc/sys/vm/overcommit_memory", now, sizeof(now)) > 0, "read");
	EXPECT(!strcmp(now, old), "overcommit_memory '%s' after nonsense, was '%s'", now, old);
	EXPECT_EQ(write_str("/proc/sys/vm/overcommit_memory", "1\n"), 0);
	EXPECT(read_file("/proc/sys/vm/overcommit_memory", now, sizeof(now)) > 0, "read");
	EXPECT(!strcmp(now, "1\n"), "'%s'", now);
	EXPECT_EQ(write_str("/proc/sys/vm/overcommit_memory", old), 0);
	EXPECT(read_file("/proc/sys/vm/overcommit_ratio", now, sizeof(now)) > 0, "ratio");
	EXPECT(atoi(now) > 0, "overcommit_ratio '%s'", now);
	/* pid_max: within [301, 4194304] (Linux's bounds on x86-64). */
	EXPECT(read_file("/proc/sys/kernel/pid_max", old, sizeof(old)) > 0, "pid_max");
	EXPECT_EQ(write_str("/proc/sys/kernel/pid_max", "300"), EINVAL);
	EXPECT_EQ(write_str("/proc/sys/kernel/pid_max", "4194305"), EINVAL);
	EXPECT_EQ(write_str("/proc/sys/kernel/pid_max", "hello"), EINVAL);
	EXPECT(read_file("/proc/sys/kernel/pid_max", now, sizeof(now)) > 0, "pid_max");
	EXPECT(!strcmp(now, old), "pid_max '%s', was '%s'", now, old);
	/* drop_caches: 1..4 accepted, others EINVAL; write-only. */
	EXPECT_EQ(write_str("/proc/sys/vm/drop_caches", "3"), 0);
	EXPECT_EQ(write_str("/proc/sys/vm/drop_caches", "0"), EINVAL);
	EXPECT_EQ(write_str("/proc/sys/vm/drop_caches", "x"), EINVAL);
	EXPECT(open("/proc/sys/vm/drop_caches", O_RDONLY) == -1 && errno == EACCES,
	       "reading drop_caches: %s", strerror(errno));
	EXPECT(read_file("/proc/sys/kernel/ostype", now, sizeof(now)) > 0, "ostype");
	EXPECT(!strcmp(now, "Linux\n"), "ostype '%s'", now);
	EXPECT_EQ(write_str("/proc/sys/kernel/ostype", "Minix"), EACCES);
	/* hostname: what uname(2) says, writable; the text up to a newline. */
	{
		struct utsname u;

		EXPECT(read_file("/proc/sys/kernel/hostname", old, sizeof(old)) > 0, "hostname");
		EXPECT_EQ(write_str("/proc/sys/kernel/hostname", "procfs-test\nrest"), 0);
		EXPECT_EQ(uname(&u), 0);
		EXPECT(!strcmp(u.nodename, "procfs-test"), "uname nodename '%s'", u.nodename);
		EXPECT(read_file("/proc/sys/kernel/hostname", now, sizeof(now)) > 0, "hostname");
		EXPECT(!strcmp(now, "procfs-test\n"), "hostname '%s'", now);
		EXPECT_EQ(write_str("/proc/sys/kernel/hostname", old), 0);
		EXPECT(read_file("/proc/sys/kernel/osrelease", now, sizeof(now)) > 0, "osrelease");
		now[strcspn(now, "\n")] = '\0';
		EXPECT(!strcmp(now, u.release), "osrelease '%s', uname -r '%s'", now, u.release);
	}
	return 0;
}
UT_CASE("procfs_sysctl", t_procfs_sysctl);

static int t_procfs_self(void)
{
	char link[64], want[64];
	ssize_t n;
	struct stat a, b;

	NEED_PROC();
	n = readlink("/proc/self", link, sizeof(link) - 1);
	EXPECT(n > 0, "readlink /proc/self: %s", strerror(errno));
	link[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "%d", getpid());
	EXPECT(!strcmp(link, want), "/proc/self -> %s, pid %s", link, want);
	n = readlink("/proc/thread-self", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "%d/task/%ld", getpid(), (long)syscall(SYS_gettid));
	EXPECT(!strcmp(link, want), "/proc/thread-self -> %s, want %s", link, want);
	/* Followed, it is our directory. */
	snprintf(want, sizeof(want), "/proc/%d", getpid());
	EXPECT(stat("/proc/self", &a) == 0 && stat(want, &b) == 0, "stat");
	EXPECT(S_ISDIR(a.st_mode), "/proc/self is a directory once followed");
	EXPECT(lstat("/proc/self", &a) == 0 && S_ISLNK(a.st_mode), "lstat: a link");
	/* /proc lists us. */
	{
		DIR *d = opendir("/proc");
		struct dirent *e;
		int seen_self = 0, seen_pid = 0;

		EXPECT(d != NULL, "opendir /proc: %s", strerror(errno));
		while (d && (e = readdir(d))) {
			seen_self |= !strcmp(e->d_name, "self");
			seen_pid |= atoi(e->d_name) == getpid();
		}
		if (d)
			closedir(d);
		EXPECT(seen_self && seen_pid, "self %d, our pid %d in readdir", seen_self, seen_pid);
	}
	/* exe names this program; cwd is where we are. */
	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	EXPECT(n > 0 && strstr(link, "usertests"), "exe -> %s", link);
	EXPECT_EQ(chdir("/proc"), 0);
	n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	EXPECT(!strcmp(link, "/proc"), "cwd -> %s", link);
	EXPECT_EQ(chdir("/"), 0);
	n = readlink("/proc/self/root", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	EXPECT(!strcmp(link, "/"), "root -> %s", link);
	return 0;
}
UT_CASE("procfs_self", t_procfs_self);

static int t_procfs_fd(void)
{
	char path[64], link[64], want[64];
	int p[2], fd, seen[2] = { 0, 0 };
	struct stat st;
	DIR *d;
	struct dirent *e;
	ssize_t n;

	NEED_PROC();
	EXPECT_EQ(pipe(p), 0);
	EXPECT_EQ(fstat(p[0], &st), 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "pipe:[%lu]", (unsigned long)st.st_ino);
	EXPECT(!strcmp(link, want), "%s -> %s, want %s", path, link, want);
	d = opendir("/proc/self/fd");
	EXPECT(d != NULL, "opendir: %s", strerror(errno));
	while (d && (e = readdir(d))) {
		seen[0] |= atoi(e->d_name) == p[0] && e->d_name[0] != '.';
		seen[1] |= atoi(e->d_name) == p[1] && e->d_name[0] != '.';
	}
	if (d)
		closedir(d);
	EXPECT(seen[0] && seen[1], "fd/ lists the pipe: %d %d", seen[0], seen[1]);
	/* The link's mode is the file's f_mode: lr-x for the read end, l-wx for the write end. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	EXPECT(lstat(path, &st) == 0 && (st.st_mode & 07777) == 0500, "%s mode %o", path,
	       st.st_mode & 07777);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	EXPECT(lstat(path, &st) == 0 && (st.st_mode & 07777) == 0300, "%s mode %o", path,
	       st.st_mode & 07777);
	/* The link opens the very pipe (Linux's magic link): write there, read here. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	fd = open(path, O_WRONLY);
	EXPECT(fd >= 0, "open %s: %s", path, strerror(errno));
	EXPECT_EQ(write(fd, "hi", 2), 2);
	close(fd);
	EXPECT_EQ(read(p[0], link, 2), 2);
	EXPECT(!memcmp(link, "hi", 2), "read back");
	/* A closed fd is gone. */
	close(p[1]);
	EXPECT(access(path, F_OK) == -1 && errno == ENOENT, "%s after close: %s", path,
	       strerror(errno));
	close(p[0]);
	/* A file's link is its path. */
	fd = open("/proc/version", O_RDONLY);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = '\0';
	EXPECT(!strcmp(link, "/proc/version"), "%s -> %s", path, link);
	close(fd);
	return 0;
}
UT_CASE("procfs_fd", t_procfs_fd);

static int t_procfs_cmdline_environ(void)
{
	char path[64], state = 0;
	long len, want_len = 0;
	int p[2], status, fd;
	pid_t pid;

	NEED_PROC();
	/* cmdline: argv's strings as exec laid them out, up to environ's first. */
	len = read_file("/proc/self/cmdline", buf_a, BIG);
	want_len = environ[0] - program_invocation_name;
	EXPECT(len == want_len && !memcmp(buf_a, program_invocation_name, len),
	       "cmdline %ld bytes, argv area %ld", len, want_len);
	EXPECT(len > 0 && buf_a[len - 1] == '\0', "ends in a NUL");
	/* environ: the "K=V\0" strings. */
	len = read_file("/proc/self/environ", buf_b, BIG);
	want_len = 0;
	for (char **e = environ; *e; e++) {
		size_t l = strlen(*e) + 1;

		EXPECT(!memcmp(buf_b + want_len, *e, l), "environ entry %s", *e);
		want_len += l;
	}
	EXPECT_EQ(len, want_len);

	/* Another process: a forked child has our cmdline; dead, its files go. */
	EXPECT_EQ(pipe(p), 0);
	pid = fork();
	if (pid == 0) {
		char c;

		close(p[1]);
		(void)!read(p[0], &c, 1);
		_exit(5);
	}
	close(p[0]);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	len = read_file(path, buf_b, BIG);
	EXPECT(len > 0 && !memcmp(buf_a, buf_b, len), "%s", path);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	EXPECT(fd >= 0, "%s: %s", path, strerror(errno));
	/* Wait (bounded) for it to block in read: S. */
	for (int i = 0; i < 500 && state != 'S'; i++) {
		if (pread(fd, buf_b, 512, 0) > 0)
			state = strrchr(buf_b, ')')[2];
		if (state != 'S')
			usleep(10000);
	}
	EXPECT_EQ(state, 'S');
	close(p[1]);	/* it exits: a zombie until we wait */
	for (int i = 0; i < 500 && state != 'Z'; i++) {
		if (pread(fd, buf_b, 512, 0) > 0)
			state = strrchr(buf_b, ')')[2];
		if (state != 'Z')
			usleep(10000);
	}
	EXPECT_EQ(state, 'Z');
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
	EXPECT_EQ(status, 5 << 8);
	/* Reaped: the open file reads ESRCH, the directory is gone. */
	errno = 0;
	EXPECT(pread(fd, buf_b, 512, 0) == -1 && errno == ESRCH, "read after reaping: %s",
	       strerror(errno));
	close(fd);
	EXPECT(open(path, O_RDONLY) == -1 && errno == ENOENT, "open %s after reaping: %s", path,
	       strerror(errno));
	snprintf(path, sizeof(path), "/proc/%d", pid);
	EXPECT(access(path, F_OK) == -1 && errno == ENOENT, "%s after reaping", path);
	return 0;
}
UT_CASE("procfs_cmdline_environ", t_procfs_cmdline_environ);

static int t_procfs_oom_score_adj(void)
{
	static const char *const bad[] = { "1001", "-1001", "abc", "5x", "0x7ffffff" };
	char now[32];

	NEED_PROC();
	EXPECT(read_file("/proc/self/oom_score_adj", now, sizeof(now)) > 0, "%s", strerror(errno));
	EXPECT(!strcmp(now, "0\n"), "oom_score_adj '%s'", now);
	EXPECT(read_file("/proc/self/oom_score", now, sizeof(now)) > 0, "oom_score");
	EXPECT(atoi(now) >= 0 && atoi(now) <= 2000, "oom_score '%s'", now);
	EXPECT_EQ(write_str("/proc/self/oom_score_adj", "500\n"), 0);
	EXPECT(read_file("/proc/self/oom_score_adj", now, sizeof(now)) > 0, "read");
	EXPECT(!strcmp(now, "500\n"), "'%s'", now);
	EXPECT_EQ(write_str("/proc/self/oom_score_adj", "-1000"), 0);
	EXPECT(read_file("/proc/self/oom_score_adj", now, sizeof(now)) > 0, "read");
	EXPECT(!strcmp(now, "-1000\n"), "'%s'", now);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		EXPECT(write_str("/proc/self/oom_score_adj", bad[i]) == EINVAL, "'%s' not EINVAL",
		       bad[i]);
	EXPECT(read_file("/proc/self/oom_score_adj", now, sizeof(now)) > 0, "read");
	EXPECT(!strcmp(now, "-1000\n"), "'%s' after bad writes", now);
	EXPECT_EQ(write_str("/proc/self/oom_score_adj", "0"), 0);
	return 0;
}
UT_CASE("procfs_oom_score_adj", t_procfs_oom_score_adj);

static int thread_pipe[2];
static volatile long thread_tid;
static char thread_self_link[64];

static void *thread_fn(void *arg)
{
	char c;
	ssize_t n;

	thread_tid = syscall(SYS_gettid);
	n = readlink("/proc/thread-self", thread_self_link, sizeof(thread_self_link) - 1);
	thread_self_link[n > 0 ? n : 0] = '\0';
	(void)!read(thread_pipe[0], &c, 1);
	return NULL;
}

/* A second thread: Threads 2, task/ lists both, task/TID/stat is the thread's. */
static int t_procfs_threads(void)
{
	char path[96], want[64];
	pthread_t t;
	DIR *d;
	struct dirent *e;
	int entries = 0, seen_tid = 0, pid = -1;

	NEED_PROC();
	EXPECT_EQ(pipe(thread_pipe), 0);
	EXPECT_EQ(pthread_create(&t, NULL, thread_fn, NULL), 0);
	for (int i = 0; i < 500 && !thread_self_link[0]; i++)
		usleep(10000);
	EXPECT_EQ(status_field("Threads"), 2);
	snprintf(want, sizeof(want), "%d/task/%ld", getpid(), thread_tid);
	EXPECT(!strcmp(thread_self_link, want), "thread-self in the thread: %s, want %s",
	       thread_self_link, want);
	d = opendir("/proc/self/task");
	EXPECT(d != NULL, "opendir: %s", strerror(errno));
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		entries++;
		seen_tid |= atol(e->d_name) == thread_tid;
	}
	if (d)
		closedir(d);
	EXPECT_EQ(entries, 2);
	EXPECT(seen_tid, "task/ lists the thread %ld", thread_tid);
	snprintf(path, sizeof(path), "/proc/self/task/%ld/stat", thread_tid);
	EXPECT(read_file(path, buf_a, BIG) > 0, "%s: %s", path, strerror(errno));
	EXPECT(sscanf(buf_a, "%d", &pid) == 1 && pid == thread_tid, "%s: '%.40s'", path, buf_a);
	/* Any thread's id names the process's directory too (hidden from readdir). */
	snprintf(path, sizeof(path), "/proc/%ld/status", thread_tid);
	EXPECT(read_file(path, buf_a, BIG) > 0, "%s: %s", path, strerror(errno));
	EXPECT(field_kb(buf_a, "Tgid") == getpid(), "%s Tgid", path);
	EXPECT_EQ(write(thread_pipe[1], "x", 1), 1);
	EXPECT_EQ(pthread_join(t, NULL), 0);
	close(thread_pipe[0]);
	close(thread_pipe[1]);
	return 0;
}
UT_CASE("procfs_threads", t_procfs_threads);
