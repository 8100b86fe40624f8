#!/usr/bin/env python3
"""Generate docs/syscalls.md, the table of the system calls Linnet has.

The numbers and names come from kernel/syscalls/syscall_64.tbl (Linux's
x86-64 ABI); a call counts as implemented when build/kernel.elf defines its
entry point __x64_sys_<name> (SYSCALL_DEFINEn in include/linux/syscalls.h);
the file that defines it is found by looking for SYSCALL_DEFINEn(<name>, ...)
in the kernel's sources. Notes on partial support are kept in NOTES below:
add one when you add or change a system call.

  scripts/syscalls_doc.py            rewrite docs/syscalls.md
  scripts/syscalls_doc.py --check    fail if docs/syscalls.md is not what
                                     this would write (make test runs this)

Options: --kernel ELF (default build/kernel.elf), --out FILE.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = "kernel/syscalls/syscall_64.tbl"
SRC_DIRS = ["arch", "drivers", "fs", "init", "ipc", "kernel", "lib", "mm", "net", "security"]
DEFINE_RE = re.compile(r"^\s*SYSCALL_DEFINE(?:\d|_REGS)\(\s*(\w+)", re.M)

# Partial support, differences from Linux, what is left out. Keyed by entry point.
NOTES = {
    # kernel/fork.c, exit.c, pid.c, signal.c (docs/process.md)
    "sys_clone": "x86-64 order (flags, newsp, parent_tid, child_tid, tls); CLONE_NEW* and "
                 "CLONE_PIDFD `-EINVAL`; CLONE_THREAD without futexes",
    "sys_wait4": "WUNTRACED/WCONTINUED accepted, nothing stops yet",
    "sys_waitid": "P_ALL, P_PID, P_PGID; P_PIDFD `-EINVAL`; WNOWAIT",
    "sys_kill": "no `-EPERM` (everyone is root)",
    "sys_rt_sigaction": "recorded; a handler does not run before issue 11: the signal kills",
    "sys_rt_sigreturn": "no signal frames yet: SIGSEGV, Linux's bad-frame path",
    "sys_rt_sigsuspend": "restores its mask itself and returns `-EINTR` (no frames)",
    "sys_sigaltstack": "recorded and validated (MINSIGSTKSZ 2048)",
    "sys_set_robust_list": "recorded (no futexes)",
    "sys_read": "`-EISDIR` on a directory; a fault part way returns the bytes copied",
    "sys_write": "`-EBADF` on an O_RDONLY fd; pipes: SIGPIPE + `-EPIPE` without readers",
    "sys_open": "O_PATH and O_TMPFILE: `-EOPNOTSUPP`; O_LARGEFILE always set (64-bit)",
    "sys_openat": "as open; dfd resolved through the fd table (`-EBADF`, `-ENOTDIR`)",
    "sys_lseek": "`-ESPIPE` on pipes; SEEK_DATA/SEEK_HOLE as the filesystem knows them",
    "sys_readv": "UIO_MAXIOV 1024 (`-EINVAL`); totals cut to MAX_RW_COUNT",
    "sys_writev": "as readv",
    "sys_preadv": "as readv, at an offset; no preadv2 flags",
    "sys_pwritev": "as writev, at an offset",
    "sys_pread64": "`-ESPIPE` on pipes, `-EINVAL` for a negative offset",
    "sys_pwrite64": "as pread64",
    "sys_newstat": "x86-64 `struct stat` (144 bytes)",
    "sys_newfstatat": "AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW; other flags `-EINVAL`",
    "sys_statx": "STATX_BASIC_STATS and STATX_MNT_ID; no btime; sync flags ignored",
    "sys_getdents": "the old `struct linux_dirent` (d_type in the last byte)",
    "sys_fcntl": "F_DUPFD(_CLOEXEC), F_GETFD/F_SETFD, F_GETFL/F_SETFL (O_APPEND, "
                 "O_NONBLOCK, O_NOATIME), F_ADD_SEALS/F_GET_SEALS, F_GETPIPE_SZ/F_SETPIPE_SZ; "
                 "no record locks, owners or "
                 "leases: `-EINVAL`",
    # mm/memfd.c, ipc/shm.c (docs/mm/shared-memory.md)
    "sys_memfd_create": "MFD_CLOEXEC, MFD_ALLOW_SEALING; MFD_HUGETLB `-EINVAL` (no hugetlbfs)",
    "sys_shmget": "SHM_HUGETLB `-ENOMEM` (no huge pages); limits fixed at Linux's defaults",
    "sys_shmctl": "IPC_STAT/SET/RMID/INFO, SHM_INFO/STAT/STAT_ANY, SHM_LOCK/UNLOCK (flag only); "
                  "x86-64 IPC_64 layouts",
    "sys_ioctl": "FIOCLEX/FIONCLEX/FIONBIO/FIOASYNC/FIONREAD, then the file's "
                 "->unlocked_ioctl, else `-ENOTTY`",
    "sys_pipe2": "O_CLOEXEC, O_NONBLOCK; O_DIRECT (packet mode) `-EINVAL`; 64 KiB ring",
    "sys_pipe": "see pipe2",
    "sys_mknodat": "S_IFIFO: named pipes (fs/pipe.c); S_IFSOCK/S_IFBLK nodes open to `-ENXIO`",
    "sys_access": "root's answers: R/W always (W on a read-only mount `-EROFS`), X needs an "
                  "x bit (directories: always)",
    "sys_faccessat2": "AT_EACCESS, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH",
    "sys_getcwd": "`-ENOENT` for a removed cwd, `-ERANGE` for a short buffer",
    "sys_fsync": "tmpfs: nothing to write; pipes and devices without ->fsync `-EINVAL`",
    "sys_sync": "nothing to write back",
    "sys_syncfs": "nothing to write back",
    "sys_renameat2": "RENAME_NOREPLACE, RENAME_EXCHANGE; RENAME_WHITEOUT only as tmpfs allows",
    "sys_linkat": "AT_SYMLINK_FOLLOW, AT_EMPTY_PATH",
    "sys_readlinkat": "`-EINVAL` for a non-symlink (`-ENOENT` for \"\")",
    "sys_newuname": "sysname Linux, nodename (none), release 6.1.0-linnet, machine x86_64",
    "sys_getuid": "everyone is root: 0",
    "sys_geteuid": "0",
    "sys_getgid": "0",
    "sys_getegid": "0",
    "sys_getresuid": "0, 0, 0",
    "sys_getresgid": "0, 0, 0",
    "sys_getgroups": "no supplementary groups",
    "sys_getrlimit": "signal->rlim; only RLIMIT_NOFILE is enforced",
    "sys_setrlimit": "as getrlimit; root may raise hard limits (NOFILE up to nr_open)",
    "sys_prlimit64": "other pids through find_task_by_vpid",
    "sys_getrusage": "times, faults and switches of the calling thread; children from wait4",
    "sys_sysinfo": "uptime, totalram/freeram from the buddy, procs; no swap, no loads",
    "sys_clock_gettime": "REALTIME(_COARSE), TAI, MONOTONIC(_RAW, _COARSE), BOOTTIME, "
                         "the caller's CPU time; no vDSO",
    "sys_clock_getres": "1 ns, a tick for the _COARSE clocks",
    "sys_clock_nanosleep": "REALTIME, MONOTONIC, BOOTTIME, TAI; TIMER_ABSTIME; tick "
                           "granularity (4 ms); a signal: `-EINTR` (no restart)",
    "sys_nanosleep": "tick granularity (4 ms); a signal: `-EINTR` and the time left",
    "sys_gettimeofday": "timezone: zeros",
    "sys_getrandom": "ChaCha20 generator, always seeded (GRND_NONBLOCK never blocks)",
    "sys_utimensat": "UTIME_NOW, UTIME_OMIT, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH; NULL name: the fd",
    "sys_chown": "-1 keeps an id; S_ISUID (and group-exec S_ISGID) cleared on files",
    "sys_fchownat": "AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH",
    "sys_statfs": "x86-64 `struct statfs`; f_fsid is the device number",
    "sys_close_range": "CLOSE_RANGE_CLOEXEC, CLOSE_RANGE_UNSHARE",
    "sys_fadvise64": "checks only: no page-cache advice to take",
    "sys_readahead": "checks only",
    "sys_sync_file_range": "checks only: nothing to write back",
    "sys_sethostname": "at most 64 bytes; uname's nodename",
    # fs/select.c, fs/pipe.c, fs/read_write.c, fs/namespace.c, fs/locks.c, kernel/sys.c,
    # kernel/syslog.c (issue 11: docs/fs/vfs.md, docs/fs/exec.md)
    "sys_poll": "tick granularity; a signal `-ERESTARTNOHAND` (a restart waits the whole "
                "timeout again: no restart block)",
    "sys_ppoll": "time left written back; the caller's mask restored before returning",
    "sys_select": "n clamped to the fd table; time left written back",
    "sys_pselect6": "as select with a timespec and a signal mask",
    "sys_sendfile64": "x86-64's sendfile; in: a readable file (not a pipe or directory); "
                      "into a pipe: what fits",
    "sys_mount": "any registered type; MS_REMOUNT, MS_BIND (one level), MS_MOVE; "
                 "propagation flags accepted",
    "sys_umount": "MNT_DETACH, MNT_EXPIRE, MNT_FORCE (accepted), UMOUNT_NOFOLLOW",
    "sys_prctl": "NAME, PDEATHSIG, DUMPABLE, CHILD_SUBREAPER, NO_NEW_PRIVS, KEEPCAPS, "
                 "CAPBSET_READ; the rest `-EINVAL`",
    "sys_syslog": "the printk ring as `<level>[s.us] text` lines; no dmesg_restrict",
    "sys_flock": "whole-inode locks per open file; LOCK_MAND ignored",
    "sys_setpriority": "nice recorded (fork inherits it); the scheduler ignores it",
    "sys_getpriority": "20 - nice, as the system call returns it",
    "sys_times": "USER_HZ 100; the calling thread's times",
    "sys_reboot": "POWER_OFF (QEMU exit / ACPI S5), HALT, RESTART(2), CAD_ON/OFF; "
                  "KEXEC, SW_SUSPEND `-EINVAL`",
}


EPILOGUE = """## How the file calls are built

- **Names** come in through `getname()` (`fs/namei.c`): `strncpy_from_user` into a
  `struct filename`; `-EFAULT`, `-ENAMETOOLONG` (no NUL within `PATH_MAX`), `-ENOENT`
  for `""` unless the call takes `AT_EMPTY_PATH`. A `dfd` other than `AT_FDCWD` starts
  the walk at that open file (`path_init`: `-EBADF`, `-ENOTDIR` unless the name is empty).
- **File descriptors** are looked up with `fdget()` (no reference taken when the table is
  not shared, Linux's `__fget_light`); read, write, lseek and getdents use `fdget_pos()`,
  which takes `f_pos_lock` for regular files and directories. `RLIMIT_NOFILE` bounds the
  table (`nofile_limit()`).
- **Pipes** (`fs/pipe.c`): an inode on the internal `pipefs` mount with a ring of 16 page
  buffers (64 KiB); writes of at most `PIPE_BUF` (4096) bytes are atomic; readers and
  writers sleep interruptibly on `rd_wait`/`wr_wait`. Named pipes (`mknod` S_IFIFO) use
  the same ring, made at the first open (`fifo_open`: readers wait for a writer and
  writers for a reader unless O_NONBLOCK).
- **Sleeps** (`kernel/time/hrtimer.c`) are whole ticks of the timer wheel (HZ = 250)
  against a TSC deadline: never early, at most ~4 ms late.
- **Watching it**: `ktest=syscall.*` runs the `syscall.fs`, `syscall.pipe` and
  `syscall.misc` KUnit suites (`tests/kernel/syscall_*_kunit.c`), which call each of these
  through the system-call table with real user pointers (a mapped window of read-write,
  read-only and unmapped pages), including a seeded fuzzer; the first call of a missing
  number logs
  `prog[pid]: system call N (name) not implemented: -ENOSYS`.
"""


def parse_table(path):
    rows = []
    for raw in open(path):
        f = raw.split("#", 1)[0].split()
        if len(f) == 4 and f[0].isdigit() and f[1] in ("common", "64"):
            rows.append((int(f[0]), f[2], f[3]))
    return sorted(rows)


def elf_entries(kernel):
    out = subprocess.run(["nm", "--defined-only", kernel], check=True,
                         capture_output=True, text=True).stdout
    found = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].startswith("__x64_sys_"):
            found.add(parts[2][len("__x64_"):])
    return found


def source_definitions():
    defs = {}
    for top in SRC_DIRS:
        base = os.path.join(ROOT, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for fn in sorted(filenames):
                if not fn.endswith(".c"):
                    continue
                path = os.path.join(dirpath, fn)
                rel = os.path.relpath(path, ROOT)
                try:
                    text = open(path, encoding="utf-8", errors="replace").read()
                except OSError:
                    continue
                for m in DEFINE_RE.finditer(text):
                    defs.setdefault("sys_" + m.group(1), []).append(rel)
    return defs


def render(rows, linked, defs):
    have = [r for r in rows if r[2] in linked]
    missing = [r for r in rows if r[2] not in linked]
    out = []
    w = out.append
    w("# System calls")
    w("")
    w("<!-- Generated by scripts/syscalls_doc.py from kernel/syscalls/syscall_64.tbl and the")
    w("     symbols of build/kernel.elf: do not edit; run the script (make syscalls-doc). -->")
    w("")
    w("Linnet uses Linux's x86-64 system-call ABI: the numbers and names of Linux 6.1")
    w("(`kernel/syscalls/syscall_64.tbl`), arguments in rdi, rsi, rdx, r10, r8, r9, the")
    w("result or `-errno` in rax. A system call is defined with `SYSCALL_DEFINEn(name, ...)`")
    w("(`include/linux/syscalls.h`) in whatever file it belongs to, and `kernel/syscall_64.c`")
    w("finds its entry point by name; a number whose entry point no file defines returns")
    w("`-ENOSYS`, logged once per number with the program's name. `make test` checks that")
    w("this table matches the built kernel (`scripts/syscalls_doc.py --check`).")
    w("")
    w("Pointers from user space are copied with `copy_{to,from}_user`, `get/put_user` and")
    w("`strncpy_from_user` (`getname()` for path names): NULL, kernel, unmapped and (for")
    w("results) read-only pointers give `-EFAULT`. Everyone is root: permission checks")
    w("answer as they would for uid 0.")
    w("")
    w("%d of the table's %d numbers are implemented." % (len(have), len(rows)))
    w("")
    w("| nr | name | entry point | defined in | notes |")
    w("|---:|------|-------------|------------|-------|")
    for nr, name, entry in have:
        where = ", ".join("`%s`" % p for p in defs.get(entry, [])) or "?"
        note = NOTES.get(entry, "")
        w("| %d | %s | `%s` | %s | %s |" % (nr, name, entry, where, note))
    w("")
    w("## Not implemented (`-ENOSYS`)")
    w("")
    w(", ".join("%s (%d)" % (name, nr) for nr, name, entry in missing) + ".")
    w("")
    w(EPILOGUE)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build/kernel.elf"))
    ap.add_argument("--out", default=os.path.join(ROOT, "docs/syscalls.md"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.kernel):
        sys.exit("syscalls_doc: %s not built" % args.kernel)
    rows = parse_table(os.path.join(ROOT, TABLE))
    linked = elf_entries(args.kernel)
    defs = source_definitions()
    problems = []
    for nr, name, entry in rows:
        if entry in linked and entry not in defs:
            problems.append("%s is in the kernel but no SYSCALL_DEFINE names it" % entry)
    text = render(rows, linked, defs)
    if args.check:
        try:
            old = open(args.out).read()
        except OSError:
            old = None
        if old != text:
            sys.exit("syscalls_doc: %s is stale (the kernel's system calls changed): run "
                     "'python3 scripts/syscalls_doc.py' (make syscalls-doc) and commit it"
                     % os.path.relpath(args.out, ROOT))
        for p in problems:
            print("syscalls_doc: warning: " + p)
        print("syscalls_doc: %s is up to date" % os.path.relpath(args.out, ROOT))
        return
    with open(args.out, "w") as f:
        f.write(text)
    for p in problems:
        print("syscalls_doc: warning: " + p)
    print("syscalls_doc: wrote %s" % os.path.relpath(args.out, ROOT))


if __name__ == "__main__":
    main()
