/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Signal numbers, sigaction and siginfo as Linux's x86-64 ABI has them
 * (include/uapi/asm-generic/signal.h, uapi/asm-generic/siginfo.h,
 * include/linux/signal.h). The bodies live in kernel/signal.c.
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/sched.h>

#define _NSIG 64
#define _NSIG_BPW 64

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32
#define SIGRTMAX _NSIG

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
#define SIG_ERR ((__sighandler_t)-1)

/* si_code values */
#define SI_USER 0	/* kill, sigsend or raise */
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)	/* sigqueue (rt_sigqueueinfo) */
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)	/* tkill, tgkill */
#define SI_FROMUSER(siptr) ((siptr)->si_code <= 0)
#define SEGV_MAPERR 1	/* no mapping at the address */
#define SEGV_ACCERR 2	/* the mapping forbids the access */
#define SEGV_CPERR 10	/* control-protection fault */
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define TRAP_BRKPT 1
#define TRAP_TRACE 2
#define CLD_EXITED 1	/* child has exited */
#define CLD_KILLED 2	/* child was killed */
#define CLD_DUMPED 3	/* child terminated abnormally (core) */
#define CLD_TRAPPED 4	/* traced child has trapped */
#define CLD_STOPPED 5	/* child has stopped */
#define CLD_CONTINUED 6	/* stopped child has continued */

/* sigaltstack */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048

typedef void (*__sighandler_t)(int);

/* The user's struct sigaction as rt_sigaction() passes it (x86-64 kernel ABI). */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

struct k_sigaction {
	struct sigaction sa;
};

typedef union sigval {
	int sival_int;
	void __user *sival_ptr;
} sigval_t;

/*
 * siginfo as the kernel keeps it (Linux: struct kernel_siginfo): the
 * first 48 bytes of the user's 128-byte siginfo_t, same layout (x86-64).
 */
typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct {		/* kill, tgkill */
			int _pid;
			unsigned int _uid;
		} _kill;
		struct {		/* POSIX.1b timers */
			int _tid;
			int _overrun;
			sigval_t _sigval;
		} _timer;
		struct {		/* rt_sigqueueinfo */
			int _pid;
			unsigned int _uid;
			sigval_t _sigval;
		} _rt;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user *_addr;
			short _addr_lsb;
		} _sigfault;
		struct {		/* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;
			long _utime, _stime;
		} _sigchld;
		struct {		/* SIGPOLL */
			long _band;
			int _fd;
		} _sigpoll;
	} _sifields;
} kernel_siginfo_t;

#define SI_MAX_SIZE 128		/* the user's siginfo_t */

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_addr _sifields._sigfault._addr
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_value _sifields._rt._sigval
#define si_int _sifields._rt._sigval.sival_int
#define si_ptr _sifields._rt._sigval.sival_ptr

/* One queued signal with its siginfo (Linux: struct sigqueue). */
struct sigqueue {
	struct list_head list;
	int flags;
	kernel_siginfo_t info;
};

/* A signal on its way to a handler (Linux: struct ksignal). */
struct ksignal {
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;
};

/* The user's stack_t (x86-64). */
typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_AUTODISARM (1U << 31)	/* disable the stack on entering a handler */
#define SS_FLAG_BITS SS_AUTODISARM

static inline int sigismember(const sigset_t *set, int sig)
{
	return (set->sig[0] >> (sig - 1)) & 1;
}

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= 1UL << (sig - 1);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~(1UL << (sig - 1));
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

static inline void siginitset(sigset_t *set, unsigned long mask)
{
	set->sig[0] = mask;
}

static inline void sigorsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] | b->sig[0];
}

static inline void sigandnsets(sigset_t *r, const sigset_t *a, const sigset_t *b)
{
	r->sig[0] = a->sig[0] & ~b->sig[0];
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return set->sig[0] == 0;
}

#define sigmask(sig) (1UL << ((sig) - 1))

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

#endif /* _LINUX_SIGNAL_H */
