/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Defining system calls (Linux: include/linux/syscalls.h and
 * arch/x86/include/asm/syscall_wrapper.h).
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
 *	{
 *		return ksys_read(fd, buf, count);
 *	}
 *
 * defines __x64_sys_read(const struct pt_regs *regs), the entry point
 * kernel/syscalls/syscall_64.tbl names (sys_read) and sys_call_table
 * calls, which takes the arguments from the saved user registers rdi,
 * rsi, rdx, r10, r8 and r9 (the x86-64 system-call convention: rcx and
 * r11 are taken by the syscall instruction), casts each to its declared
 * type, and calls the body, __do_sys_read(). As in Linux, an int argument
 * is the low 32 bits of its register, whatever user space left above.
 * Any file may define a system call: the table finds it by name
 * (kernel/syscall_64.c), so adding one touches no shared list.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <asm/ptrace.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define __SC_DECL1(t1, a1) t1 a1
#define __SC_DECL2(t1, a1, t2, a2) t1 a1, t2 a2
#define __SC_DECL3(t1, a1, t2, a2, t3, a3) t1 a1, t2 a2, t3 a3
#define __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4) t1 a1, t2 a2, t3 a3, t4 a4
#define __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) t1 a1, t2 a2, t3 a3, t4 a4, t5 a5
#define __SC_DECL6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6

#define __SC_ARGS1(t1, a1) (t1)regs->di
#define __SC_ARGS2(t1, a1, t2, a2) __SC_ARGS1(t1, a1), (t2)regs->si
#define __SC_ARGS3(t1, a1, t2, a2, t3, a3) __SC_ARGS2(t1, a1, t2, a2), (t3)regs->dx
#define __SC_ARGS4(t1, a1, t2, a2, t3, a3, t4, a4) \
	__SC_ARGS3(t1, a1, t2, a2, t3, a3), (t4)regs->r10
#define __SC_ARGS5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__SC_ARGS4(t1, a1, t2, a2, t3, a3, t4, a4), (t5)regs->r8
#define __SC_ARGS6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SC_ARGS5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)regs->r9

#define SYSCALL_DEFINEx(x, name, ...)						\
	static long __do_sys_##name(__SC_DECL##x(__VA_ARGS__));			\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)			\
	{									\
		return __do_sys_##name(__SC_ARGS##x(__VA_ARGS__));		\
	}									\
	static long __do_sys_##name(__SC_DECL##x(__VA_ARGS__))

#define SYSCALL_DEFINE0(name)							\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *__unused_regs)
#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* A system call that needs the whole register frame (fork, execve, rt_sigreturn...). */
#define SYSCALL_DEFINE_REGS(name)						\
	long __x64_sys_##name(const struct pt_regs *regs);			\
	long __x64_sys_##name(const struct pt_regs *regs)

typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

/* kernel/syscall_64.c */
extern const sys_call_ptr_t sys_call_table[];
extern const char *const sys_call_names[];
extern const unsigned int nr_syscalls;		/* NR_syscalls: one past the highest number */
long x64_sys_call(struct pt_regs *regs, unsigned int nr);
/* kernel/entry/common.c: from entry_SYSCALL_64; true if sysretq may return. */
bool do_syscall_64(struct pt_regs *regs, int nr);
/* Set when a system call has no entry point: -ENOSYS, logged once per number. */
long sys_ni_syscall(unsigned long nr);

/*
 * The bodies of some system calls, for kernel callers and tests (Linux
 * declares its ksys_* here too). Each uses current's fd table and takes
 * user pointers: a kernel address gives -EFAULT.
 */
struct stat;
struct statx;
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
ssize_t ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
ssize_t ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
loff_t ksys_lseek(unsigned int fd, loff_t offset, unsigned int whence);
long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode);
long ksys_close(unsigned int fd);
long ksys_ftruncate(unsigned int fd, loff_t length);
long ksys_fchmod(unsigned int fd, umode_t mode);
long ksys_fsync(unsigned int fd, int datasync);
long ksys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long ksys_pipe2(int __user *fildes, int flags);
long ksys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long ksys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long ksys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf,
		     int flag);
long ksys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
		struct statx __user *buffer);
long ksys_getcwd(char __user *buf, unsigned long size);
long ksys_chdir(const char __user *filename);
long ksys_fchdir(unsigned int fd);
long ksys_umask(int mask);

#endif /* _LINUX_SYSCALLS_H */
