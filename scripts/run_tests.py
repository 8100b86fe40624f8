#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# run_tests.py - the `make test` driver: runs every kind of Linnet test and
# ends with the one summary line "N passed, M failed".
#
#   1. host tests: each executable in --host-tests (cmocka, ASan/UBSan),
#      run with CMOCKA_MESSAGE_OUTPUT=TAP; plus tests/runner_selftest.py;
#   2. QEMU tests: every entry of tests/matrix.py, booted through
#      scripts/qemu_runner.py, up to --jobs at a time (an entry with
#      "command" runs that driver instead, which boots QEMU itself);
#   3. GDB tests: every tests/gdb/*.gdb, run by `gdb -batch` against a
#      QEMU started with -S -gdb.
#
# The counterpart of Linux's tools/testing/kunit/kunit.py "run" (build the
# configurations, run them, print one line per test and a summary) and of
# tools/testing/selftests/kselftest/runner.sh for the host binaries.
# Python 3 standard library only.

import argparse
import concurrent.futures
import dataclasses
import glob
import importlib.util
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import unittest
from typing import List, Optional

sys.dont_write_bytecode = True      # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_runner  # noqa: E402

ROOT = qemu_runner.ROOT
TAIL = 40
HOST_TIMEOUT = 300
GDB_TIMEOUT = 60

DEFAULTS = {"cmdline": "", "cpu": "qemu64", "mem": "128M", "smp": 1,
            "timeout": 60, "expect": "pass", "expect_log": [],
            "expect_no_log": [], "expect_not_log_after": [],
            "initrd": "build/initramfs.cpio", "extra_qemu": []}


@dataclasses.dataclass
class Verdict:
    """One counted test: PASS, FAIL or SKIP (skips count in neither)."""
    name: str
    status: str
    detail: str = ""
    context: List[str] = dataclasses.field(default_factory=list)
    log: Optional[str] = None


def rel(path):
    """Path relative to the current directory when it lies below it."""
    if not path:
        return path
    r = os.path.relpath(path)
    return path if r.startswith("..") else r


def clip(line, width=200):
    return line if len(line) <= width else line[:width] + " [...]"


def write_log(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", errors="replace") as f:
        f.write(text)

# ---------------------------------------------------------- host tests ----


TAP_RESULT = re.compile(r"^(not )?ok (\d+)(?: - (.*?))?"
                        r"(?:\s*#\s*SKIP\b\s*(.*?))?\s*$")
TAP_PLAN = re.compile(r"^1\.\.(\d+)")
TAP_GROUP = re.compile(r"^#\s*(?:not )?ok - (.+?)\s*$")


def parse_tap(text):
    """cmocka TAP: returns (sum of plans or None, [(group, ok, name, skip,
    following '#' lines)]). cmocka prints "# ok - GROUP" after a group."""
    plan, cases, group = None, [], []
    for line in text.splitlines():
        line = line.rstrip("\r")
        m = TAP_PLAN.match(line)
        if m:
            plan = (plan or 0) + int(m.group(1))
            continue
        m = TAP_RESULT.match(line)
        if m:
            bad, _, name, skip = m.groups()
            group.append([None, not bad, name or skip or "?", skip, []])
            continue
        m = TAP_GROUP.match(line)
        if m:
            for c in group:
                c[0] = m.group(1)
            cases += group
            group = []
        elif group and line.startswith("#"):
            group[-1][4].append(line)
    return plan, cases + group


def host_binary(path, logdir):
    base = os.path.basename(path)
    log = os.path.join(logdir, "host-%s.log" % base)
    env = dict(os.environ, CMOCKA_MESSAGE_OUTPUT="TAP")
    try:
        p = subprocess.run([path], stdin=subprocess.DEVNULL, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=HOST_TIMEOUT, cwd=ROOT)
        out, rc = p.stdout.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        out, rc = (e.stdout or b"").decode("utf-8", "replace"), None
    write_log(log, out)
    return host_verdicts(base, out, rc, log)


def host_verdicts(base, out, rc, log):
    plan, cases = parse_tap(out)
    groups = {c[0] for c in cases}
    res = []
    for group, ok, name, skip, diag in cases:
        full = "host.%s.%s" % (base, name)
        if len(groups) > 1 and group:
            full = "host.%s.%s.%s" % (base, group, name)
        if skip is not None:
            res.append(Verdict(full, "SKIP", skip))
        else:
            res.append(Verdict(full, "PASS" if ok else "FAIL",
                               diag[0].lstrip("# ") if diag else "not ok",
                               diag, log))
    why = binary_problem(plan, cases, rc)
    if why:
        res.append(Verdict("host." + base, "FAIL", why,
                           out.splitlines()[-TAIL:], log))
    return res


def binary_problem(plan, cases, rc):
    """Why the binary itself failed, beyond its own 'not ok' lines."""
    if rc is None:
        return "timed out after %ds" % HOST_TIMEOUT
    if rc < 0:
        return "killed by signal %d" % -rc
    if plan is None:
        return "no TAP plan (exit status %d)" % rc
    if plan != len(cases):
        return "plan 1..%d but %d results (exit status %d)" % (
            plan, len(cases), rc)
    if rc != 0 and all(ok or skip is not None for _, ok, _, skip, _ in cases):
        return "exit status %d with no failed case (sanitizer?)" % rc
    return None


def host_tests(directory, only, logdir):
    if not directory:
        return []
    if not os.path.isdir(directory):
        print("note: no host test directory %s" % directory)
        return []
    res = []
    for path in sorted(glob.glob(os.path.join(directory, "*"))):
        base = os.path.basename(path)
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            continue
        if wanted("host." + base, only):
            res += emit(host_binary(os.path.abspath(path), logdir))
    return res

# ------------------------------------------------------ python selftest ----


class _Collect(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.passed = []

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(test)


def _case_name(test):
    return "selftest." + ".".join(test.id().split(".")[-2:])


def selftest():
    path = os.path.join(ROOT, "tests", "runner_selftest.py")
    try:
        spec = importlib.util.spec_from_file_location("runner_selftest", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        suite = unittest.defaultTestLoader.loadTestsFromModule(mod)
    except Exception:
        return [Verdict("selftest", "FAIL", "cannot load " + rel(path),
                        traceback.format_exc().splitlines()[-TAIL:])]
    r = _Collect()
    suite.run(r)
    res = [Verdict(_case_name(t), "PASS") for t in r.passed]
    for t, tb in r.failures + r.errors:
        lines = tb.splitlines()
        res.append(Verdict(_case_name(t), "FAIL", lines[-1], lines[-TAIL:]))
    res += [Verdict(_case_name(t), "SKIP", why) for t, why in r.skipped]
    return res

# ---------------------------------------------------------- QEMU matrix ----


def load_matrix(path):
    spec = importlib.util.spec_from_file_location("linnet_matrix", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out, seen = [], set()
    for e in mod.MATRIX:
        e = dict(DEFAULTS, **e)
        if e["name"] in seen or e["expect"] not in qemu_runner.OUTCOMES:
            raise ValueError("matrix entry %r: duplicate name or bad expect"
                             % e["name"])
        seen.add(e["name"])
        out.append(e)
    return out


def in_root(path):
    if not path or os.path.isabs(path):
        return path
    return os.path.join(ROOT, path)


def command_entry(e, kernel, logdir):
    """A matrix entry with "command": a driver that boots QEMU itself (the
    serial-console session, scripts/console_session.py); one test, PASS when
    it exits 0. {kernel} and {log} in its arguments are replaced."""
    log = os.path.join(logdir, e["name"] + ".log")
    argv = [a.replace("{kernel}", kernel).replace("{log}", log) for a in e["command"]]
    out = os.path.join(logdir, e["name"] + ".out")
    try:
        p = subprocess.run(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=e["timeout"])
        text, rc = p.stdout.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired as x:
        text, rc = (x.stdout or b"").decode("utf-8", "replace"), "timeout"
    write_log(out, text)
    if rc == 0:
        return [Verdict(e["name"], "PASS")]
    failed = [l for l in text.splitlines() if l.startswith("FAIL")]
    return [Verdict(e["name"], "FAIL", "%s exited %s: %s" % (os.path.basename(argv[1]), rc,
                                                         clip(failed[0] if failed else "", 120)),
                    text.splitlines()[-TAIL:], log)]


def qemu_entry(e, kernel, logdir):
    if e.get("command"):
        return command_entry(e, kernel, logdir)
    log = os.path.join(logdir, e["name"] + ".log")
    res = qemu_runner.run(kernel, e["cmdline"], e["cpu"], e["mem"], e["smp"],
                          e["timeout"], in_root(e["initrd"]), log,
                          e["extra_qemu"])
    out = []
    if e["expect"] == "pass":
        out = [case_verdict(e["name"], n, t, log) for n, t in res.ktap.cases()]
    out.append(entry_verdict(e, res, log))
    return out


def case_verdict(entry, name, t, log):
    full = "%s.%s" % (entry, name)
    if t.status == "ok":
        return Verdict(full, "PASS")
    if t.status == "skip":
        return Verdict(full, "SKIP", t.reason)
    diag = [l.strip() for l in t.log if l.strip().startswith("#")]
    detail = diag[-1].lstrip("# ") if diag else t.status
    return Verdict(full, "FAIL", detail, t.log[-TAIL:], log)


def entry_verdict(e, res, log):
    missing = qemu_runner.missing_logs(res.log_text, e["expect_log"])
    unwanted = qemu_runner.unwanted_logs(res.log_text, e["expect_no_log"])
    late = qemu_runner.unwanted_logs_after(res.log_text,
                                           e["expect_not_log_after"])
    if res.outcome == e["expect"] and not missing and not unwanted and not late:
        return Verdict(e["name"], "PASS")
    detail = "%s (expected %s): %s" % (res.outcome, e["expect"], res.detail)
    if missing:
        detail += "; missing in log: " + ", ".join("/%s/" % r for r in missing)
    if unwanted:
        detail += "; unexpected in log: " + ", ".join(
            "/%s/ (%s)" % (r, clip(line, 80)) for r, line in unwanted)
    if late:
        detail += "; unwanted in log: " + "; ".join(late)
    lines = res.log_text.splitlines()[-TAIL:]
    ctx = [qemu_runner.clean_line(l) for l in lines]
    if res.outcome == "qemu-error" and res.stderr:
        ctx += res.stderr.splitlines()[-TAIL:]
    return Verdict(e["name"], "FAIL", detail, ctx, log)

# ----------------------------------------------------------- GDB tests ----


def gdb_meta(path):
    """'# key: value' lines of a .gdb file: cmdline, cpu, mem, smp,
    timeout once each; expect any number of times."""
    meta = {"cmdline": "", "cpu": "qemu64", "mem": "128M", "smp": "1",
            "timeout": str(GDB_TIMEOUT), "expect": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s*#\s*(\w+):\s?(.*?)\s*$", line)
            if not m or m.group(1) not in meta:
                continue
            if m.group(1) == "expect":
                meta["expect"].append(m.group(2))
            else:
                meta[m.group(1)] = m.group(2)
    return meta


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    """Is 127.0.0.1:port in LISTEN state? (reads /proc, never connects)"""
    want = ":%04X" % port
    try:
        with open("/proc/net/tcp") as f:
            rows = [l.split() for l in f.readlines()[1:]]
    except OSError:
        return True
    return any(r[1].endswith(want) and r[3] == "0A" for r in rows)


def wait_listen(port, proc, secs=15):
    end = time.monotonic() + secs
    while time.monotonic() < end and proc.poll() is None:
        if listening(port):
            return True
        time.sleep(0.05)
    return False


def run_gdb(port, script, kernel, timeout):
    argv = ["gdb", "-q", "-batch", "-nx", "-ex", "set confirm off",
            "-ex", "target remote 127.0.0.1:%d" % port, "-x", script, kernel]
    proc = qemu_runner.spawn(argv, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        out, _ = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        qemu_runner.kill_group(proc)
        out, _ = proc.communicate()
        rc = None
    finally:
        qemu_runner.reap(proc)
    return rc, out.decode("utf-8", "replace")


def gdb_session(path, kernel, meta, tmp):
    """Returns (gdb exit status or None, gdb output, serial, error)."""
    iso = os.path.join(tmp, "linnet.iso")
    err = qemu_runner.build_iso(kernel, iso, meta["cmdline"])
    if err:
        return None, "", "", err
    port = free_port()
    argv = qemu_runner.qemu_argv(iso, meta["cpu"], meta["mem"], meta["smp"],
                                 ["-S", "-gdb", "tcp:127.0.0.1:%d" % port])
    serial_path = os.path.join(tmp, "serial.log")
    with open(serial_path, "wb") as serial:
        qemu = qemu_runner.spawn(argv, stdout=serial, stderr=subprocess.STDOUT)
    try:
        if not wait_listen(port, qemu):
            rc, out, err = None, "", "QEMU's gdbstub did not start listening"
        else:
            rc, out = run_gdb(port, path, kernel, float(meta["timeout"]))
            err = None if rc is not None else "gdb timed out"
    finally:
        qemu_runner.reap(qemu)
        qemu.wait()
    with open(serial_path, encoding="utf-8", errors="replace") as f:
        return rc, out, f.read(), err


def gdb_name(path):
    return "gdb." + os.path.splitext(os.path.basename(path))[0]


def gdb_test(path, kernel):
    name = gdb_name(path)
    meta = gdb_meta(path)
    with tempfile.TemporaryDirectory(prefix="linnet-gdb.") as tmp:
        rc, out, serial, err = gdb_session(path, kernel, meta, tmp)
    return name, meta, rc, out, serial, err


def gdb_verdict(path, kernel, logdir):
    name, meta, rc, out, serial, err = gdb_test(path, kernel)
    log = os.path.join(logdir, name + ".log")
    write_log(log, "# gdb %s (exit %s)\n%s\n# ---- serial ----\n%s"
              % (rel(path), rc, out, serial))
    missing = qemu_runner.missing_logs(out, meta["expect"])
    if err:
        detail = err
    elif missing:
        detail = "missing in gdb output: " + ", ".join("/%s/" % r
                                                      for r in missing)
    elif not meta["expect"] and rc != 0:
        detail = "no '# expect:' lines and gdb exit status %s" % rc
    else:
        return [Verdict(name, "PASS")]
    ctx = (out or qemu_runner.clean_line(serial)).splitlines()[-TAIL:]
    return [Verdict(name, "FAIL", detail, ctx, log)]


def gdb_files(directory, only):
    if not directory or not os.path.isdir(directory):
        return []
    files = sorted(glob.glob(os.path.join(directory, "*.gdb")))
    return [f for f in files if wanted(gdb_name(f), only)]

# -------------------------------------------------------------- output ----


def wanted(name, only):
    return not only or re.search(only, name)


def emit(verdicts):
    for v in verdicts:
        if v.status == "PASS":
            print("PASS " + v.name)
        elif v.status == "SKIP":
            print("SKIP %s: %s" % (v.name, v.detail or "skipped"))
        else:
            print("FAIL %s: %s" % (v.name, v.detail))
            for l in v.context:
                print("    | " + clip(l))
            if v.log:
                print("    log: " + rel(v.log))
    sys.stdout.flush()
    return verdicts


def guard(name, fn, args):
    """Run one task; a bug in the tooling becomes a FAIL, not a crash."""
    try:
        return fn(*args)
    except KeyboardInterrupt:
        raise
    except Exception:
        return [Verdict(name, "FAIL", "test tooling error",
                        traceback.format_exc().splitlines()[-TAIL:])]


def run_parallel(jobs, tasks):
    """tasks: [(name, callable, args)]; emit each result as it finishes."""
    res = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    try:
        futs = [pool.submit(guard, *t) for t in tasks]
        for f in concurrent.futures.as_completed(futs):
            res += emit(f.result())
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        qemu_runner.kill_all()
        raise
    pool.shutdown()
    return res


def summary(verdicts, start):
    passed = sum(v.status == "PASS" for v in verdicts)
    failed = sum(v.status == "FAIL" for v in verdicts)
    skipped = sum(v.status == "SKIP" for v in verdicts)
    print("Elapsed: %.1fs" % (time.monotonic() - start))
    if skipped:
        print("%d skipped (counted as neither)" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Run all Linnet tests.")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--host-tests", metavar="DIR")
    ap.add_argument("--gdb-tests", metavar="DIR",
                    default=os.path.join(ROOT, "tests", "gdb"))
    ap.add_argument("--matrix", default=os.path.join(ROOT, "tests",
                                                     "matrix.py"))
    ap.add_argument("--only", metavar="REGEX",
                    help="run only tests whose name matches (re.search)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--log-dir", default=os.path.join(ROOT, "build",
                                                      "test-logs"))
    return ap.parse_args(argv)


def qemu_tasks(a, kernel, logdir):
    try:
        matrix = load_matrix(a.matrix)
    except Exception as e:
        return None, [Verdict("matrix", "FAIL", "%s: %s" % (rel(a.matrix), e))]
    tasks = [(e["name"], qemu_entry, (e, kernel, logdir)) for e in matrix
             if wanted(e["name"], a.only)]
    tasks += [(gdb_name(f), gdb_verdict, (f, kernel, logdir))
              for f in gdb_files(a.gdb_tests, a.only)]
    return tasks, []


def main(argv=None):
    a = parse_args(argv)
    start = time.monotonic()
    kernel, logdir = os.path.abspath(a.kernel), os.path.abspath(a.log_dir)
    try:
        res = host_tests(a.host_tests, a.only, logdir)
        if wanted("selftest", a.only):
            res += emit(selftest())
        tasks, errs = qemu_tasks(a, kernel, logdir)
        res += emit(errs)
        res += run_parallel(max(1, a.jobs), tasks or [])
    except KeyboardInterrupt:
        qemu_runner.kill_all()
        print("interrupted")
        return 130
    return summary(res, start)


if __name__ == "__main__":
    sys.exit(main())
