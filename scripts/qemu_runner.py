#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# qemu_runner.py - boot Linnet once in QEMU and judge the run.
#
# Builds a GRUB ISO with the given kernel command line (scripts/mkiso.sh),
# boots it under TCG with the serial port on stdout, parses the KTAP the
# kernel prints and classifies the run by QEMU's exit status:
#
#   isa-debug-exit V=0 -> exit 1 -> "pass" (if the KTAP is complete and clean)
#   isa-debug-exit V=1 -> exit 3 -> "test-failure"
#   isa-debug-exit V=2 -> exit 5 -> "panic"
#   exit 0 (-no-reboot)          -> "triple-fault"
#   killed after the timeout     -> "timeout"
#   anything else                -> "qemu-error"
#   exit 1 with a bad plan       -> "bad-ktap"
#
# This is the counterpart of Linux's tools/testing/kunit/kunit.py (run a
# kernel, collect its output) and kunit_parser.py (parse_ktap() below plays
# the role of kunit_parser.parse_run_tests()). Python 3 standard library only.

import argparse
import dataclasses
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from typing import List, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MKISO = os.path.join(ROOT, "scripts", "mkiso.sh")

OUTCOMES = ("pass", "test-failure", "panic", "triple-fault", "timeout",
            "qemu-error", "bad-ktap")

# QEMU exit status -> outcome; isa-debug-exit gives (V << 1) | 1.
EXIT_PASS, EXIT_FAIL, EXIT_PANIC, EXIT_TRIPLE = 1, 3, 5, 0

# ---------------------------------------------------------------- KTAP ----

# printk's "[    0.123456] " prefix: stripped, as kunit_parser does, so KTAP
# printed through printk parses the same as KTAP printed raw.
TIMESTAMP_RE = re.compile(r"^\s*\[\s*\d+\.\d+\] ?")
ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]"
                     r"|[\x00-\x08\x0b-\x1f\x7f]")
VERSION_RE = re.compile(r"^K?TAP version \d+\s*$")
PLAN_RE = re.compile(r"^1\.\.(\d+)\b")
RESULT_RE = re.compile(r"^(ok|not ok)\s+(\d+)(?:\s+-)?(?:\s+([^#]*?))?\s*"
                       r"(?:#\s*(\w+)\b\s*(.*))?$")
SUBTEST_RE = re.compile(r"^#\s*Subtest:\s*(.*?)\s*$")
BAIL_RE = re.compile(r"^Bail out!\s*(.*)$")
PANIC_RE = re.compile(r"Kernel panic - not syncing:.*")


@dataclasses.dataclass
class Test:
    """One KTAP result line (a suite or a case) and what led up to it."""
    name: str = ""
    number: int = 0
    status: str = "incomplete"     # ok | not ok | skip | incomplete
    reason: str = ""               # text after "# SKIP"
    plan: Optional[int] = None     # the subtest's own "1..N", if any
    subtests: List["Test"] = dataclasses.field(default_factory=list)
    log: List[str] = dataclasses.field(default_factory=list)
    has_body: bool = False         # an indented KTAP block was seen
    indent: int = 0
    pending: Optional["Test"] = None   # body parsed, result line not yet

    @property
    def cases(self):
        return self.subtests

    def results(self):
        """Subtests that got a result line."""
        return [t for t in self.subtests if t.status != "incomplete"]


@dataclasses.dataclass
class Ktap:
    """A parsed KTAP document: the top-level plan and its suites."""
    plan: Optional[int] = None
    suites: List[Test] = dataclasses.field(default_factory=list)
    errors: List[str] = dataclasses.field(default_factory=list)
    version_seen: bool = False

    def cases(self):
        """(dotted name, Test) for every leaf test, e.g. "boot.cmdline"."""
        out = []
        for suite in self.suites:
            _leaves(suite, suite.name, out)
        return out

    def counts(self):
        c = {"passed": 0, "failed": 0, "skipped": 0}
        for _, t in self.cases():
            key = {"ok": "passed", "skip": "skipped"}.get(t.status, "failed")
            c[key] += 1
        return c

    def failures(self):
        """Dotted names of failed leaves, plus failed suites with none."""
        bad = ("not ok", "incomplete")
        out = [n for n, t in self.cases() if t.status in bad]
        for s in self.suites:
            if s.status in bad and not any(
                    n == s.name or n.startswith(s.name + ".") for n in out):
                out.append(s.name)
        return out


def _leaves(test, name, out):
    if not test.subtests:
        out.append((name, test))
    for t in test.subtests:
        _leaves(t, name + "." + t.name if name else t.name, out)


def clean_line(line):
    """Strip \\r, ANSI escapes and control characters from a serial line."""
    return ANSI_RE.sub("", line.rstrip("\r\n"))


def _indent(line):
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip(" "))


class _Parser:
    """Stack of open (indented) KTAP blocks, keyed by indentation."""

    def __init__(self):
        self.root = Test(indent=-1)
        self.stack = [self.root]
        self.errors = []
        self.version_seen = False
        self.buf = []

    def line(self, raw):
        line = TIMESTAMP_RE.sub("", clean_line(raw), count=1)
        self.buf.append(line)
        if not line.strip():
            return
        body = line.strip()
        # Plain "# ..." diagnostics never open or close a block: a stray
        # one at the wrong indentation must not cut a suite in two.
        if not (VERSION_RE.match(body) or PLAN_RE.match(body) or
                RESULT_RE.match(body) or SUBTEST_RE.match(body) or
                BAIL_RE.match(body)):
            return
        if self.root.indent < 0:
            self.root.indent = _indent(line)
        node = self._enter(_indent(line))
        self._handle(node, body)

    def _enter(self, indent):
        """Pop closed blocks / push a new one; return the block for indent."""
        while indent < self.stack[-1].indent and len(self.stack) > 1:
            done = self.stack.pop()
            self._flush_pending(done)
            self._set_pending(self.stack[-1], done)
        top = self.stack[-1]
        if indent > top.indent:
            child = Test(indent=indent, has_body=True)
            self._set_pending(top, None)
            self.stack.append(child)
            self.buf = self.buf[-1:]    # a case's log starts at its suite
            return child
        return top

    def _set_pending(self, parent, child):
        if parent.pending is not None:
            self._incomplete(parent, parent.pending)
        parent.pending = child

    def _flush_pending(self, node):
        if node.pending is not None:
            self._incomplete(node, node.pending)
            node.pending = None

    def _incomplete(self, parent, child):
        name = child.name or "(unnamed)"
        self.errors.append("subtest %s: no result line" % name)
        child.status = "incomplete"
        if not child.log:
            child.log, self.buf = self.buf, []
        parent.subtests.append(child)

    def _handle(self, node, body):
        m = RESULT_RE.match(body)
        if m:
            return self._result(node, m)
        m = PLAN_RE.match(body)
        if m:
            if node.plan is not None:
                self.errors.append("%s: second plan %s" % (_where(node), body))
            node.plan = int(m.group(1))
            return
        if VERSION_RE.match(body):
            self._version(node)
            return
        m = SUBTEST_RE.match(body)
        if m and not node.name:
            node.name = m.group(1)
            return
        m = BAIL_RE.match(body)
        if m:
            self.errors.append("%s: Bail out! %s" % (_where(node), m.group(1)))

    def _version(self, node):
        self.version_seen = True
        if node is self.root and (node.plan is not None or node.subtests):
            self.errors.append("KTAP restarted (second top-level header)")

    def _result(self, node, m):
        t = node.pending or Test(indent=node.indent)
        node.pending = None
        status, number, name, directive, reason = m.groups()
        t.number = int(number)
        if name:
            t.name = name.strip()
        t.status = status
        if directive and directive.upper() == "SKIP":
            t.status, t.reason = "skip", reason.strip()
            if not t.name:
                t.name = t.reason
        expect = len(node.results()) + 1
        if t.number != expect:
            self.errors.append("%s: expected test number %d, got %d (%s)"
                               % (_where(node), expect, t.number, t.name))
        t.log, self.buf = self.buf, []
        node.subtests.append(t)

    def finish(self):
        while len(self.stack) > 1:
            done = self.stack.pop()
            self._flush_pending(done)
            self._incomplete(self.stack[-1], done)
        self._flush_pending(self.root)
        return Ktap(plan=self.root.plan, suites=self.root.subtests,
                    errors=self.errors, version_seen=self.version_seen)


def _where(node):
    return "suite " + node.name if node.name else "top level"


def parse_ktap(text):
    """Parse KTAP out of a serial log; non-KTAP lines are ignored."""
    p = _Parser()
    for line in text.splitlines():
        p.line(line)
    return p.finish()


def _plan_problems(test, name):
    out = []
    if not test.has_body:
        return out
    n = len(test.results())
    if test.plan is None:
        out.append("suite %s: no plan" % name)
    elif test.plan != n:
        out.append("suite %s: plan 1..%d but %d result%s"
                   % (name, test.plan, n, "" if n == 1 else "s"))
    for t in test.subtests:
        out += _plan_problems(t, name + "." + t.name)
    return out


def ktap_problems(ktap):
    """Structural problems: missing or mismatched plans, bad numbering."""
    if ktap.plan is None:
        return ["no top-level KTAP plan (1..N) found"]
    if ktap.plan == 0:
        return ["plan 1..0: the ktest= glob selected no test"]
    out = []
    n = len([s for s in ktap.suites if s.status != "incomplete"])
    if ktap.plan != n:
        out.append("plan 1..%d but %d result%s"
                   % (ktap.plan, n, "" if n == 1 else "s"))
    for s in ktap.suites:
        out += _plan_problems(s, s.name)
    return out + ktap.errors

# ------------------------------------------------------ classification ----


@dataclasses.dataclass
class Result:
    outcome: str
    exit_code: Optional[int]
    log_text: str
    ktap: Ktap
    detail: str
    duration: float = 0.0
    log: Optional[str] = None      # path of the saved log, if any
    stderr: str = ""               # QEMU's own stderr


def panic_line(text):
    m = PANIC_RE.search(text)
    return clean_line(m.group(0)).strip() if m else None


def last_line(text):
    for line in reversed(text.splitlines()):
        line = clean_line(line).strip()
        if line:
            return line
    return "(no output)"


def _failed_detail(ktap):
    names = ktap.failures()
    if not names:
        return "kernel reported failure but no 'not ok' line"
    more = ", ..." if len(names) > 8 else ""
    return "failed: " + ", ".join(names[:8]) + more


def _classify_pass(ktap):
    problems = ktap_problems(ktap)
    if problems:
        return "bad-ktap", "; ".join(problems)
    if ktap.failures():
        return "test-failure", _failed_detail(ktap)
    return "pass", "plan 1..%d complete, nothing failed" % ktap.plan


def classify(log_text, exit_code, timed_out=False):
    """Map a finished (or killed) run to a Result; no QEMU involved."""
    ktap = parse_ktap(log_text)
    if timed_out:
        outcome = "timeout"
        detail = "no exit; last line: " + last_line(log_text)
        if panic_line(log_text):
            detail = "hung after: " + panic_line(log_text)
    elif exit_code == EXIT_PASS:
        outcome, detail = _classify_pass(ktap)
    elif exit_code == EXIT_FAIL:
        outcome, detail = "test-failure", _failed_detail(ktap)
        problems = ktap_problems(ktap)
        if problems:
            detail += "; also: " + "; ".join(problems)
    elif exit_code == EXIT_PANIC:
        outcome = "panic"
        detail = panic_line(log_text) or "exit 5 but no 'Kernel panic' line"
    elif exit_code == EXIT_TRIPLE:
        outcome = "triple-fault"
        detail = "reset (triple fault?); last line: " + last_line(log_text)
    else:
        outcome, detail = "qemu-error", "QEMU exit status %s" % exit_code
    return Result(outcome, exit_code, log_text, ktap, detail)

# ------------------------------------------------------------ running ----


_live = set()
_live_lock = threading.Lock()
_stopping = False


def kill_all():
    """Kill every QEMU/gdb process group this module started (on ^C);
    spawn() refuses to start new ones afterwards."""
    global _stopping
    with _live_lock:
        _stopping = True
        procs = list(_live)
    for p in procs:
        kill_group(p)


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def spawn(argv, **kw):
    """Popen in a new session (so the whole group can be killed)."""
    with _live_lock:
        if _stopping:
            raise KeyboardInterrupt
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                start_new_session=True, **kw)
        _live.add(proc)
    return proc


def reap(proc):
    kill_group(proc)
    with _live_lock:
        _live.discard(proc)


def build_iso(kernel, iso, cmdline, initrd=None):
    """scripts/mkiso.sh; returns None or an error message."""
    argv = ["sh", MKISO, kernel, iso, cmdline or ""]
    if initrd:
        argv.append(initrd)
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return "mkiso.sh timed out"
    if p.returncode != 0:
        return "mkiso.sh failed: " + (p.stderr or p.stdout).strip()
    return None


def qemu_argv(iso, cpu="qemu64", mem="128M", smp=1, extra=(), monitor=None):
    """monitor: a unix socket path for QEMU's monitor (see vcpu_state())."""
    mon = "unix:%s,server=on,wait=off" % monitor if monitor else "none"
    return ["qemu-system-x86_64", "-M", "pc", "-cpu", cpu, "-m", str(mem),
            "-smp", str(smp), "-cdrom", iso, "-boot", "d",
            "-display", "none", "-serial", "stdio", "-monitor", mon,
            "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"] + list(extra)


def vcpu_state(monitor, wait=3.0):
    """Ask a running QEMU's monitor for every vCPU's registers ("info
    registers -a"); returns [(cpu, rip, rsp)] or [] if it does not answer.
    Called on a timeout, before the kill, so a hang says where each CPU was."""
    import socket
    buf = b""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as so:
            so.settimeout(0.5)
            so.connect(monitor)
            so.sendall(b"info registers -a\n")
            end = time.monotonic() + wait
            while time.monotonic() < end:
                try:
                    chunk = so.recv(65536)
                except socket.timeout:
                    if b"RIP=" in buf:
                        break	# it has said all it will
                    continue
                if not chunk:
                    break
                buf += chunk
    except OSError:
        return []
    return parse_info_registers(_text(buf))


def parse_info_registers(text):
    """[(cpu, rip, rsp)] from the monitor's "info registers -a" output."""
    out = []
    for part in text.split("CPU#")[1:]:
        cpu = re.match(r"(\d+)", part)
        rip = re.search(r"RIP=([0-9a-f]{16})", part)
        rsp = re.search(r"RSP=([0-9a-f]{16})", part)
        if cpu and rip and rsp:
            out.append((int(cpu.group(1)), int(rip.group(1), 16), int(rsp.group(1), 16)))
    return out


def symbolize(kernel, addrs):
    """addr -> "func+0xoff" from the kernel's text symbols (nm -n)."""
    try:
        p = subprocess.run(["nm", "-n", kernel], capture_output=True, text=True,
                           timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    syms = []
    for line in p.stdout.splitlines():
        f = line.split()
        if len(f) == 3 and f[1] in "tTwW":
            syms.append((int(f[0], 16), f[2]))
    res = {}
    for a in addrs:
        best = None
        for v, name in syms:
            if v > a:
                break
            best = (v, name)
        if best:
            res[a] = "%s+%#x" % (best[1], a - best[0])
    return res


def _boot(argv, timeout, monitor=None):
    """Run QEMU; return (exit code, stdout, stderr, timed out, vCPU state)."""
    proc = spawn(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timed_out = False
    state = []
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        if monitor:
            state = vcpu_state(monitor)
        kill_group(proc)
        out, err = proc.communicate()
    finally:
        reap(proc)
    return proc.returncode, _text(out), _text(err), timed_out, state


def _text(b):
    return (b or b"").decode("utf-8", errors="replace")


def repro_command(kernel, cmdline, cpu, mem, smp, timeout, initrd):
    argv = ["python3", "scripts/qemu_runner.py", "--kernel", kernel,
            "--cmdline", cmdline, "--cpu", cpu, "--mem", str(mem),
            "--smp", str(smp), "--timeout", str(timeout)]
    if initrd:
        argv += ["--initrd", initrd]
    return " ".join(shlex.quote(a) for a in argv)


def save_log(path, result, header):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", errors="replace") as f:
        f.write("# %s\n" % header)
        f.write(result.log_text)
        if result.stderr.strip():
            f.write("\n# ---- qemu stderr ----\n" + result.stderr)
        f.write("\n# ---- outcome: %s (exit %s): %s\n"
                % (result.outcome, result.exit_code, result.detail))


def run(kernel, cmdline, cpu="qemu64", mem="128M", smp=1, timeout=60,
        initrd=None, log=None, extra_qemu=()):
    """Boot KERNEL with CMDLINE once and classify the run."""
    start = time.monotonic()
    if not os.path.isfile(kernel):
        res = Result("qemu-error", None, "", Ktap(),
                     "no such kernel: " + kernel)
    else:
        with tempfile.TemporaryDirectory(prefix="linnet-run.") as tmp:
            iso = os.path.join(tmp, "linnet.iso")
            err = build_iso(kernel, iso, cmdline, initrd)
            if err:
                res = Result("qemu-error", None, "", Ktap(), err)
            else:
                monitor = os.path.join(tmp, "monitor.sock")
                argv = qemu_argv(iso, cpu, mem, smp, extra_qemu, monitor)
                code, out, stderr, to, state = _boot(argv, timeout, monitor)
                res = classify(out, code, to)
                res.stderr = stderr
                if state:
                    names = symbolize(kernel, [rip for _, rip, _ in state])
                    res.stderr += "# vCPU state at the timeout (QEMU monitor):\n" + "".join(
                        "CPU#%d RIP=%016x %s RSP=%016x\n"
                        % (c, rip, names.get(rip, "?"), rsp) for c, rip, rsp in state)
                if res.outcome == "qemu-error" and stderr.strip():
                    res.detail += ": " + last_line(stderr)
    res.duration = time.monotonic() - start
    if log:
        res.log = log
        save_log(log, res, repro_command(kernel, cmdline, cpu, mem, smp,
                                         timeout, initrd))
    return res

# ---------------------------------------------------------------- CLI ----


def tail(text, n=40):
    return text.splitlines()[-n:]


def missing_logs(text, regexes):
    return [r for r in regexes if not re.search(r, text, re.MULTILINE)]


def unwanted_logs(text, regexes):
    """expect_no_log: the regexes that DO match, each with its first match."""
    out = []
    for r in regexes:
        m = re.search(r, text, re.MULTILINE)
        if m:
            out.append((r, clean_line(m.group(0)).strip()))
    return out


def unwanted_logs_after(text, pairs):
    """pairs: [(after, forbidden)]. forbidden must not match on any line
    after the line where after first matches (e.g. nothing from another
    CPU once "Kernel panic" is printed). An after that never matches is a
    problem too: the check could not be made. Returns the problems."""
    out = []
    for after, forbidden in pairs:
        m = re.search(after, text, re.MULTILINE)
        if not m:
            out.append("/%s/ never matched, so /%s/ could not be checked"
                       % (after, forbidden))
            continue
        eol = text.find("\n", m.end())
        rest = text[eol + 1:] if eol >= 0 else ""
        bad = re.search(forbidden, rest, re.MULTILINE)
        if bad:
            start = rest.rfind("\n", 0, bad.start()) + 1
            end = rest.find("\n", bad.end())
            line = clean_line(rest[start:end if end >= 0 else len(rest)])
            out.append("/%s/ after /%s/: %s" % (forbidden, after, line.strip()))
    return out


def print_cases(ktap, out=sys.stdout):
    tag = {"ok": "PASSED", "skip": "SKIPPED", "not ok": "FAILED",
           "incomplete": "CRASHED"}
    for name, t in ktap.cases():
        line = "[%s] %s" % (tag[t.status], name)
        if t.status == "skip" and t.reason and t.reason != t.name:
            line += ": " + t.reason
        print(line, file=out)
        if t.status in ("not ok", "incomplete"):
            for l in t.log[-20:]:
                print("    " + l, file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Boot Linnet once in QEMU "
                                 "and judge the KTAP/exit status.")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--cmdline", default="")
    ap.add_argument("--cpu", default="qemu64")
    ap.add_argument("--mem", default="128M")
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--initrd")
    ap.add_argument("--log")
    ap.add_argument("--expect", default="pass", choices=OUTCOMES)
    ap.add_argument("--expect-log", action="append", default=[],
                    metavar="REGEX")
    ap.add_argument("--expect-no-log", action="append", default=[],
                    metavar="REGEX", help="must NOT match the serial log")
    ap.add_argument("--expect-not-log-after", action="append", default=[],
                    nargs=2, metavar=("AFTER", "FORBIDDEN"),
                    help="FORBIDDEN must not match after the line AFTER "
                    "first matches (repeatable)")
    ap.add_argument("--qemu-arg", action="append", default=[],
                    help="extra QEMU argument (repeatable)")
    a = ap.parse_args(argv)
    try:
        res = run(a.kernel, a.cmdline, a.cpu, a.mem, a.smp, a.timeout,
                  a.initrd, a.log, a.qemu_arg)
    except KeyboardInterrupt:
        kill_all()
        return 130
    return report(res, a.expect, a.expect_log, a.expect_no_log,
                  a.expect_not_log_after)


def report(res, expect, expect_log, expect_no_log=(), expect_not_log_after=()):
    print_cases(res.ktap)
    missing = missing_logs(res.log_text, expect_log)
    unwanted = unwanted_logs(res.log_text, expect_no_log)
    late = unwanted_logs_after(res.log_text, expect_not_log_after)
    ok = res.outcome == expect and not missing and not unwanted and not late
    if missing or unwanted or late or (not ok and res.outcome != "test-failure"):
        print("---- last lines of the serial log ----")
        for l in tail(res.log_text):
            print("    " + clean_line(l))
        for r in missing:
            print("missing in log: /%s/" % r)
        for r, line in unwanted:
            print("unexpected in log: /%s/: %s" % (r, line))
        for r in late:
            print("unwanted in log: %s" % r)
    c = res.ktap.counts()
    print("%s: outcome %s (expected %s) in %.1fs; %d passed, %d failed, "
          "%d skipped; %s%s" % ("OK" if ok else "FAIL", res.outcome, expect,
                                res.duration, c["passed"], c["failed"],
                                c["skipped"], res.detail,
                                "; log " + res.log if res.log else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
