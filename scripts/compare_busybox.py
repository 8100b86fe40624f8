#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# compare_busybox.py - run the busybox conformance scripts (tests/busybox/,
# docs/user.md) on Linux and on Linnet with the same initramfs and compare
# what they printed, after the guest-side normalisation
# (tests/busybox/normalise.sed) both kernels get alike.
#
#   python3 scripts/compare_busybox.py [--kernel build/kernel.elf] [NAME...]
#   python3 scripts/compare_busybox.py --linux-only --update   # make busybox-expected
#
# Both boots run "rdinit=/init -- /bin/sh /usr/share/linnet/busybox-tests/run.sh -p
# NAME...": /init (user/init.c) runs the runner once and powers off; the
# runner prints each script's normalised output between "### begin NAME"
# and "### end NAME". Linux is Debian's kernel through
# /work/shared/tools/linux-qemu.sh, Linnet boots through
# scripts/qemu_runner.py. Prints a unified diff for each script that
# differs and ends with "N passed, M failed"; exit status 1 on a
# difference. --update writes Linux's output to tests/busybox/expected/
# NAME.out, the reference `make test` compares Linnet with inside the guest
# (the busybox-scripts matrix entry); rebuild the initramfs after it.
# --linux-only boots Linux alone. If linux-qemu.sh cannot get its kernel,
# says so and exits 0 with nothing compared (as compare_linux.py does).
# Python 3 standard library only.

import argparse
import difflib
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_runner  # noqa: E402

ROOT = qemu_runner.ROOT
LINUX_QEMU = os.environ.get("LINUX_QEMU", "/work/shared/tools/linux-qemu.sh")
TESTS = os.path.join(ROOT, "tests", "busybox")
RUNNER = "/usr/share/linnet/busybox-tests/run.sh"
BLOCK = re.compile(r"^### begin (\S+)\r?\n(.*?)^### end \1\r?$", re.S | re.M)


def cmdline(names):
    return "rdinit=/init -- /bin/sh %s -p %s" % (RUNNER, " ".join(names))


def blocks(text):
    """{NAME: output} from the serial log; CRs of the console dropped."""
    text = text.replace("\r\n", "\n")
    return {m.group(1): m.group(2) for m in BLOCK.finditer(text)}


def boot_linux(initrd, names, timeout):
    env = dict(os.environ, TIMEOUT=str(timeout), SMP=os.environ.get("SMP", "2"))
    try:
        p = subprocess.run([LINUX_QEMU, initrd, cmdline(names)], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env, timeout=timeout + 60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "linux-qemu.sh: %s" % e
    text = p.stdout.decode("utf-8", "replace")
    if "### begin" not in text and p.returncode:
        return None, "linux-qemu.sh failed (%d): %s" % (p.returncode, text[-500:])
    return text, None


def boot_linnet(kernel, initrd, names, timeout, log):
    res = qemu_runner.run(kernel, cmdline(names), "max", "256M", 2, timeout, initrd, log)
    return res.log_text


def main():
    ap = argparse.ArgumentParser(description="busybox scripts: Linux vs Linnet")
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "kernel.elf"))
    ap.add_argument("--initrd", default=os.path.join(ROOT, "build", "initramfs.cpio"))
    ap.add_argument("--linux-only", action="store_true")
    ap.add_argument("--update", action="store_true",
                    help="write Linux's output to tests/busybox/expected/")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    names = a.names or sorted(f[:-3] for f in os.listdir(TESTS) if re.match(r"\d.*\.sh$", f))

    ltext, err = boot_linux(a.initrd, names, a.timeout)
    if err:
        print("SKIP: Linux not booted: " + err)
        return 0
    lin = blocks(ltext)
    missing = [n for n in names if n not in lin]
    if missing:
        print("Linux printed no output for: " + " ".join(missing))
        print(ltext[-2000:])
        return 1
    if a.update:
        os.makedirs(os.path.join(TESTS, "expected"), exist_ok=True)
        for n in names:
            with open(os.path.join(TESTS, "expected", n + ".out"), "w") as f:
                f.write(lin[n])
        print("wrote %d files to tests/busybox/expected/ (rebuild the initramfs: make)" % len(names))
    if a.linux_only:
        for n in names:
            print("### %s\n%s" % (n, lin[n]), end="")
        return 0
    log = os.path.join(ROOT, "build", "test-logs", "compare-busybox.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    nt = blocks(boot_linnet(a.kernel, a.initrd, names, a.timeout, log))
    passed = failed = 0
    for n in names:
        if nt.get(n) == lin[n]:
            print("PASS " + n)
            passed += 1
            continue
        failed += 1
        print("FAIL " + n + ("" if n in nt else " (no output from Linnet; log: %s)" % log))
        sys.stdout.writelines(difflib.unified_diff(
            lin[n].splitlines(True), nt.get(n, "").splitlines(True),
            "Linux/" + n, "Linnet/" + n))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
