#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# bench_user.py - run user/bench.c (docs/performance.md) as PID 1's program
# on Linnet, and with --linux on Debian's Linux in the same QEMU
# (/work/shared/tools/linux-qemu.sh), and print its "bench:" lines side by
# side. `make bench` calls it after the host benchmarks. Numbers are
# printed, never asserted.
#
#   python3 scripts/bench_user.py [--kernel build/kernel.elf] [--linux] [--smp N] [--cpu max]
#
# The boot command line is "rdinit=/bin/bench": bench is PID 1 and powers
# off at its end (both kernels). The run ends at "bench: done"
# (QEMU is then stopped, whatever the kernel does next) or at --timeout.
# Python 3 standard library only.

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_runner  # noqa: E402

ROOT = qemu_runner.ROOT
LINUX_QEMU = os.environ.get("LINUX_QEMU", "/work/shared/tools/linux-qemu.sh")
CMDLINE = "rdinit=/bin/bench"


def watch(argv, timeout, env=None):
    """Run argv until a 'bench: done' line or the timeout; return its output."""
    proc = qemu_runner.spawn(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    lines = []

    def reader():
        for raw in proc.stdout:
            line = qemu_runner.clean_line(raw.decode("utf-8", "replace"))
            lines.append(line)
            if "bench: done" in line or "Kernel panic" in line:
                break
    t = threading.Thread(target=reader, daemon=True)
    t.start()
    t.join(timeout)
    qemu_runner.reap(proc)
    proc.wait()
    return lines


def bench_lines(lines):
    out = []
    for l in lines:
        i = l.find("bench: ")
        if i >= 0:
            out.append(l[i:])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="run user/bench.c on Linnet (and Linux)")
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "kernel.elf"))
    ap.add_argument("--initrd", default=os.path.join(ROOT, "build", "initramfs.cpio"))
    ap.add_argument("--cpu", default="max")
    ap.add_argument("--mem", default="256M")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--linux", action="store_true", help="also on Linux (linux-qemu.sh)")
    ap.add_argument("--no-linnet", action="store_true")
    ap.add_argument("--log-dir", default=os.path.join(ROOT, "build", "test-logs"))
    a = ap.parse_args(argv)
    os.makedirs(a.log_dir, exist_ok=True)
    results = []
    if not a.no_linnet:
        with tempfile.TemporaryDirectory(prefix="linnet-bench.") as tmp:
            iso = os.path.join(tmp, "linnet.iso")
            err = qemu_runner.build_iso(a.kernel, iso, CMDLINE, a.initrd)
            if err:
                print("bench_user: " + err)
                return 1
            t0 = time.monotonic()
            lines = watch(qemu_runner.qemu_argv(iso, a.cpu, a.mem, a.smp), a.timeout)
        with open(os.path.join(a.log_dir, "bench-user-linnet.log"), "w") as f:
            f.write("\n".join(lines) + "\n")
        got = bench_lines(lines)
        print("== Linnet (-cpu %s -smp %d, %.0f s): %s" % (a.cpu, a.smp, time.monotonic() - t0,
              "complete" if any("bench: done" in l for l in got) else
              "INCOMPLETE, see build/test-logs/bench-user-linnet.log"))
        print("\n".join(got))
        results.append(got)
    if a.linux:
        if not os.access(LINUX_QEMU, os.X_OK):
            print("== Linux: skipped, %s not found" % LINUX_QEMU)
        else:
            env = dict(os.environ, SMP=str(a.smp), CPU=a.cpu, MEM=a.mem, TIMEOUT=str(a.timeout))
            lines = watch([LINUX_QEMU, a.initrd, CMDLINE], a.timeout + 60, env)
            with open(os.path.join(a.log_dir, "bench-user-linux.log"), "w") as f:
                f.write("\n".join(lines) + "\n")
            got = bench_lines(lines)
            print("== Linux (linux-qemu.sh, -cpu %s -smp %d)%s" % (
                a.cpu, a.smp, "" if got else ": no output (could not get the kernel?)"))
            print("\n".join(got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
