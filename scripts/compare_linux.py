#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# compare_linux.py - run the same static binary as PID 1 on Linux and on
# Linnet and compare what it printed (issue 10's done-when 1; docs/user.md).
#
#   python3 scripts/compare_linux.py [--kernel build/kernel.elf] [PROGRAM...]
#
# PROGRAM defaults to the report programs user/Makefile builds:
# nolibc-report (no libc: own _start, raw system calls), musl-report and
# glibc-report (static, musl and glibc), and nolibc-pie and glibc-pie, the
# same as static-pie (ET_DYN). For each, a small initramfs is
# written here (newc, no fakeroot needed): /init is the program, plus
# /dev/console, /dev/null and /tmp. It boots
#   - Debian's Linux kernel through /work/shared/tools/linux-qemu.sh
#     (rdinit=/init), and
#   - Linnet (scripts/qemu_runner.py, rdinit=/init),
# and compares the lines starting "report:" and the exit code of init in
# the kernel's "Attempted to kill init! exitcode=0x..." line, which both
# kernels print when PID 1 exits. Prints a diff of each pair, ends with
# "N passed, M failed", exits 1 on a difference. If linux-qemu.sh cannot
# get its kernel (no cache and no network), every comparison is SKIPPED
# with the reason and the exit status is 0. --linux-only runs Linux alone
# (the reference output, e.g. before Linnet runs user programs).
# Python 3 standard library only.

import argparse
import difflib
import os
import re
import stat
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_runner  # noqa: E402

ROOT = qemu_runner.ROOT
LINUX_QEMU = os.environ.get("LINUX_QEMU", "/work/shared/tools/linux-qemu.sh")
PROGRAMS = ["nolibc-report", "nolibc-pie", "musl-report", "glibc-report", "glibc-pie"]
KILL_INIT = re.compile(r"Attempted to kill init! exitcode=(0x[0-9a-fA-F]+)")


def newc(entries):
    """A newc cpio archive of [(name, mode, data, rdev_major, rdev_minor)]."""
    out = bytearray()
    for ino, (name, mode, data, ma, mi) in enumerate(entries + [("TRAILER!!!", 0, b"", 0, 0)], 1):
        nb = name.encode() + b"\0"
        hdr = "070701" + "".join("%08x" % v for v in (
            ino if name != "TRAILER!!!" else 0, mode, 0, 0, 1, 0, len(data), 0, 0, ma, mi,
            len(nb), 0))
        out += hdr.encode() + nb
        out += b"\0" * (-len(out) % 4)
        out += data
        out += b"\0" * (-len(out) % 4)
    out += b"\0" * (-len(out) % 512)
    return bytes(out)


def make_initrd(binary, path):
    with open(binary, "rb") as f:
        prog = f.read()
    entries = [("dev", stat.S_IFDIR | 0o755, b"", 0, 0),
               ("dev/console", stat.S_IFCHR | 0o600, b"", 5, 1),
               ("dev/null", stat.S_IFCHR | 0o666, b"", 1, 3),
               ("tmp", stat.S_IFDIR | 0o1777, b"", 0, 0),
               ("init", stat.S_IFREG | 0o755, prog, 0, 0)]
    with open(path, "wb") as f:
        f.write(newc(entries))


def essence(text):
    """The lines both kernels must agree on."""
    lines, seen_exit = [], False
    for raw in text.splitlines():
        line = qemu_runner.TIMESTAMP_RE.sub("", qemu_runner.clean_line(raw), count=1)
        i = line.find("report: ")
        if i >= 0:
            lines.append(line[i:].rstrip())
        m = KILL_INIT.search(line)
        if m and not seen_exit:     # the panic line; not its "---[ end" trailer
            lines.append("init exitcode=%s" % m.group(1).lower())
            seen_exit = True
    return lines


def run_linux(initrd, timeout):
    if not os.access(LINUX_QEMU, os.X_OK):
        return None, "%s not found" % LINUX_QEMU
    env = dict(os.environ, TIMEOUT=str(timeout), SMP="1", MEM="256M")
    try:
        p = subprocess.run([LINUX_QEMU, initrd, "rdinit=/init"], stdin=subprocess.DEVNULL,
                           capture_output=True, env=env, timeout=timeout + 120)
    except subprocess.TimeoutExpired:
        return None, "linux-qemu.sh did not finish"
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if "Linux version" not in out and "report:" not in out and not essence(out):
        return None, "linux-qemu.sh could not boot Linux (exit %d): %s" % (
            p.returncode, (err.strip().splitlines() or ["no output"])[-1])
    return out, None


def run_linnet(kernel, initrd, log, timeout):
    res = qemu_runner.run(kernel, "rdinit=/init", "max", "256M", 1, timeout, initrd, log, [])
    return res.log_text


def main(argv=None):
    ap = argparse.ArgumentParser(description="compare a static program's output on Linux and Linnet")
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "kernel.elf"))
    ap.add_argument("--bindir", default=os.path.join(ROOT, "build", "user"))
    ap.add_argument("--outdir", default=os.path.join(ROOT, "build", "compare"))
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--linux-only", action="store_true")
    ap.add_argument("programs", nargs="*", default=PROGRAMS)
    a = ap.parse_args(argv)
    os.makedirs(a.outdir, exist_ok=True)
    passed = failed = skipped = 0
    for prog in a.programs:
        binary = prog if os.path.sep in prog else os.path.join(a.bindir, prog)
        name = os.path.basename(binary)
        if not os.path.isfile(binary):
            print("FAIL %s: %s not built (make user)" % (name, binary))
            failed += 1
            continue
        initrd = os.path.join(a.outdir, name + ".cpio")
        make_initrd(binary, initrd)
        linux, why = run_linux(initrd, a.timeout)
        if linux is None:
            print("SKIP %s: %s" % (name, why))
            skipped += 1
            continue
        with open(os.path.join(a.outdir, name + ".linux.log"), "w") as f:
            f.write(linux)
        want = essence(linux)
        if a.linux_only:
            print("== %s on Linux (%d lines)" % (name, len(want)))
            print("\n".join("   " + l for l in want))
            passed += 1
            continue
        log = os.path.join(a.outdir, name + ".linnet.log")
        got = essence(run_linnet(a.kernel, initrd, log, a.timeout))
        if got == want and want:
            print("PASS %s: %d lines the same on Linux and Linnet" % (name, len(want)))
            passed += 1
        else:
            print("FAIL %s: Linux (-) and Linnet (+) differ; logs in %s" % (name, a.outdir))
            for l in difflib.unified_diff(want, got, "linux", "linnet", lineterm="", n=1):
                print("    | " + l)
            failed += 1
    if skipped:
        print("%d skipped (counted as neither)" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
