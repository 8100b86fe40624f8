// SPDX-License-Identifier: GPL-2.0
/*
 * nolibc-report - a static program with no libc at all (gcc -nostdlib
 * -static, _start in start.S, raw `syscall`s): done-when 1's "static binary
 * built outside the project" stand-in, since it depends on nothing of
 * Linnet's or of a libc. Run as init= on Linux and on Linnet it prints
 * the same report (scripts/compare_linux.py): write, getpid, brk, mmap,
 * a file in /tmp opened, written and read back, fork + wait4 with the
 * child's exit status, then exit(3) - as PID 1 Linux's "Attempted to kill
 * init! exitcode=0x00000300".
 */
typedef unsigned long size_t;
typedef long ssize_t;

static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
			 "r"(r9) : "rcx", "r11", "memory");
	return ret;
}
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

enum { NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_lseek = 8, NR_mmap = 9,
       NR_munmap = 11, NR_brk = 12, NR_getpid = 39, NR_fork = 57, NR_exit = 60, NR_wait4 = 61,
       NR_unlink = 87, NR_getppid = 110 };

static size_t slen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* A tiny printf: %s %d %x, and nothing else; one write() per call. */
static void out(const char *fmt, ...)
{
	char buf[256];
	size_t n = 0;
	__builtin_va_list ap;

	__builtin_va_start(ap, fmt);
	for (const char *p = "report: "; *p; p++)
		buf[n++] = *p;
	for (; *fmt && n < sizeof(buf) - 24; fmt++) {
		if (*fmt != '%') {
			buf[n++] = *fmt;
			continue;
		}
		fmt++;
		if (*fmt == 's') {
			for (const char *s = __builtin_va_arg(ap, const char *); *s && n < sizeof(buf) - 24; s++)
				buf[n++] = *s;
		} else if (*fmt == 'd' || *fmt == 'x') {
			long v = __builtin_va_arg(ap, long);
			unsigned long u;
			unsigned base = *fmt == 'd' ? 10 : 16;
			char tmp[24];
			int k = 0;

			if (base == 10 && v < 0) {
				buf[n++] = '-';
				u = -(unsigned long)v;
			} else {
				u = v;
			}
			do {
				tmp[k++] = "0123456789abcdef"[u % base];
				u /= base;
			} while (u);
			while (k)
				buf[n++] = tmp[--k];
		}
	}
	__builtin_va_end(ap);
	buf[n++] = '\n';
	sys3(NR_write, 1, buf, n);
}

int nolibc_main(long *sp);

int nolibc_main(long *sp)
{
	long argc = sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	long envc = 0;

	while (envp[envc])
		envc++;
	out("nolibc: argc %d argv[0] %s envc>0 %d", argc, argv[0], (long)(envc > 0));
	out("write to fd 1: %d bytes", sys3(NR_write, 1, "report: hello from a program with no libc\n", 42));
	out("write to a bad fd: %d", sys3(NR_write, 99, "x", 1));
	out("getpid %d", sys3(NR_getpid, 0, 0, 0));

	/* brk: find the end, grow by 64 KiB, use it, shrink back */
	long b0 = sys3(NR_brk, 0, 0, 0);
	long b1 = sys3(NR_brk, b0 + 65536, 0, 0);
	out("brk grow by 65536: %s", b1 == b0 + 65536 ? "ok" : "FAILED");
	char *heap = (char *)b0;
	for (long i = 0; i < 65536; i += 4096)
		heap[i] = (char)(i >> 12);
	long hs = 0;
	for (long i = 0; i < 65536; i += 4096)
		hs += heap[i];
	out("brk heap sum %d", hs);
	out("brk shrink: %s", sys3(NR_brk, b0, 0, 0) == b0 ? "ok" : "FAILED");

	/* mmap: anonymous, private, 5 pages */
	long m = sys6(NR_mmap, 0, 5 * 4096, 3 /* RW */, 0x22 /* PRIVATE|ANON */, -1, 0);
	out("mmap 5 pages: %s", m > 0 && (m & 4095) == 0 ? "ok" : "FAILED");
	char *mp = (char *)m;
	out("mmap reads zero: %d", (long)(mp[0] + mp[4 * 4096 + 17]));
	mp[3 * 4096] = 42;
	out("mmap write/read: %d", (long)mp[3 * 4096]);
	out("munmap: %d", sys3(NR_munmap, m, 5 * 4096, 0));
	out("mmap length 0: %d", sys6(NR_mmap, 0, 0, 3, 0x22, -1, 0));

	/* a file in /tmp */
	const char *path = "/tmp/nolibc.txt", *msg = "written by nolibc-report\n";
	long fd = sys3(NR_open, path, 0102 /* O_RDWR|O_CREAT */ | 01000 /* O_TRUNC */, 0644);
	out("open %s: %s", path, fd >= 0 ? "ok" : "FAILED");
	out("write: %d", sys3(NR_write, fd, msg, slen(msg)));
	out("lseek 0: %d", sys3(NR_lseek, fd, 0, 0));
	char rb[64];
	long n = sys3(NR_read, fd, rb, sizeof(rb) - 1);
	rb[n > 0 ? n : 0] = 0;
	out("read: %d bytes, same: %s", n, n == (long)slen(msg) ? "yes" : "no");
	out("read at EOF: %d", sys3(NR_read, fd, rb, sizeof(rb)));
	long r1 = sys3(NR_close, fd, 0, 0);
	long r2 = sys3(NR_close, fd, 0, 0);
	out("close: %d, again: %d", r1, r2);
	r1 = sys3(NR_unlink, path, 0, 0);
	r2 = sys3(NR_open, path, 0, 0);
	out("unlink: %d, open missing: %d", r1, r2);

	/* fork + wait4 */
	long parent = sys3(NR_getpid, 0, 0, 0);
	long pid = sys3(NR_fork, 0, 0, 0);
	if (pid == 0) {
		out("child: getppid is the parent: %s", sys3(NR_getppid, 0, 0, 0) == parent ? "yes" : "no");
		sys3(NR_exit, 5, 0, 0);
	}
	int status = 0;
	long w = sys3(NR_wait4, pid, &status, 0);
	out("wait4: reaped the child: %s, status 0x%x", w == pid ? "yes" : "no", (long)status);
	out("wait4 again: %d", sys3(NR_wait4, -1, &status, 0));
	out("exit(3)");
	return 3;
}
