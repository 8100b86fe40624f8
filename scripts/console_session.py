#!/usr/bin/env python3
"""Type at Linnet's serial console as a person would, and check what comes back.

Boots the ISO in QEMU as `make run` does (-display none -serial mon:stdio), with
QEMU's stdin and stdout on a pseudo-terminal this script holds, then runs a list
of steps: wait for a regular expression in the output, or type text one
character at a time. The default steps wait for the shell's prompt, type a
line with a DEL (^?) and a ^H in it, a line killed with ^U and replaced, lines
for cat ended by ^D, and kill a cat that sleeps reading the console, checking
the echo and what the programs got.

    python3 scripts/console_session.py --iso build/linnet.iso
    python3 scripts/console_session.py --iso build/linnet.iso \\
        --step 'expect:[$#] $' --step 'send:echo hi\\r' --step 'expect:\\r\\nhi\\r\\n'

--linux BZIMAGE --initrd CPIO boots a Linux kernel instead, so that the same
keystrokes can be compared with what Linux's n_tty echoes and hands out.
--kernel ELF [--initrd CPIO] [--cmdline ...] builds a throw-away ISO (as
qemu_runner.py does) instead of taking --iso.

--session busybox types done-when 1 of issue 11 at the busybox shell `make run`
lands in (/init: /etc/init.d/rcS, then setsid cttyhack sh): `ls /`,
`cat /proc/meminfo`, `ps`, `free`, `echo hi | cat`, `sleep 100` and ^C,
`sleep 100`, ^Z, `bg`, `jobs`, `fg` and ^C, then `exit` (init starts the shell again) and `poweroff` (QEMU ends). --session lsh
(the default) is issue 10's session with lsh; since /init now starts busybox sh,
give it a command line that runs lsh (rdinit=/bin/lsh).

Steps besides expect and send: "interrupt:REGEX" types ^C and waits up to 5 s
for REGEX, again up to 6 times (a ^C typed before the shell has handed the
terminal to the command goes to the shell, and nothing on the line says when
it has), and prints how long the last took; "suspend:REGEX" the same with
^Z; "end:" waits for QEMU to exit.
Matching ignores ANSI escape sequences (busybox's line editing and ls colours
send them) and the kernel's log lines ("[    1.234567] ...").

Text to send takes Python escapes (\\r, \\x7f, \\x08, \\x15); expect takes a
regular expression (which knows \\r, \\n and \\xhh itself); {1}, {2}... in
send text are the groups of the last expect that had groups (a pid, say). Mind that ^A is
QEMU's mon:stdio escape: a ^A typed here does not reach the guest. The transcript
(everything QEMU printed, and what was typed, marked) goes to --log. Exit
status 0 when every step passed, 1 otherwise.
"""
import argparse
import os
import pty
import re
import select
import subprocess
import sys
import termios
import time
import tty

DEFAULT_STEPS = [
    r"expect:[$#] $",
    # a DEL and a ^H: echo gets "hello world"
    r"send:echo hellx\x7fo worx\x08ld\r",
    r"expect:echo hellx\x08 \x08o worx\x08 \x08ld\r\n",
    r"expect:hello world\r\n",
    r"expect:[$#] $",
    # ^U kills what was typed; the echo erased it on the screen ("\b \b" each)
    r"send:wrong\x15echo right\r",
    r"expect:(\x08 \x08){5}echo right\r\nright\r\n",
    r"expect:[$#] $",
    # cat reads whole lines; ^D after text ends a read without a newline, alone it is EOF
    r"send:cat\r",
    r"send:one\r",
    r"expect:one\r\none\r\n",
    r"send:tw\x7fwo\x04",
    r"expect:tw\x08 \x08wotwo",
    r"send:\x04",
    r"expect:[$#] $",
    # a reader asleep on the console is killed by a signal (-ERESTARTSYS, then SIGTERM)
    r"send:cat &\r",
    r"expect:\[(\d+)\]",
    r"expect:[$#] $",
    r"send:kill {1}\r",
    r"expect:Terminated",
    r"expect:[$#] $",
    r"send:echo ok\r",
    r"expect:\r\nok\r\n",
    r"expect:[$#] $",
]

PROMPT = r"expect:(?<=\n)[^\n]*[$#] $"  # a prompt at the start of a line, the last output
BUSYBOX_STEPS = [
    r"expect:busybox sh; poweroff to leave",
    PROMPT,
    r"send:ls /\r",
    r"expect:ls /\r\n",
    r"expect:bin +dev +etc +init +proc +root +sbin +test +tmp +usr\s",
    PROMPT,
    r"send:cat /proc/meminfo\r",
    r"expect:\r\nMemTotal: +\d+ kB\r\nMemFree: +\d+ kB\r\nMemAvailable: +\d+ kB\r\n",
    r"expect:\r\nCommitLimit: +\d+ kB\r\nCommitted_AS: +\d+ kB\r\n",
    PROMPT,
    r"send:ps\r",
    r"expect:PID +USER +COMMAND\r\n +1 root +/init\r\n",
    # ps is a NOEXEC applet: sh forks and runs it without exec, so its comm
    # (prctl PR_SET_NAME) is "ps" while its cmdline is still the shell's
    r"expect:\d+ root +\{ps\} sh\r\n",
    PROMPT,
    r"send:free\r",
    r"expect:total +used +free +shared +buff/cache +available\r\nMem: +(\d+ +){5}\d+\r\nSwap: +0 +0 +0\r\n",
    PROMPT,
    r"send:echo hi | cat\r",
    r"expect:echo hi \| cat\r\nhi\r\n",
    PROMPT,
    r"send:sleep 100\r",
    r"expect:sleep 100\r\n",
    r"interrupt:(?<=\n)[^\n]*[$#] $",
    r"send:echo status $?\r",
    r"expect:\r\nstatus 130\r\n",
    PROMPT,
    # job control: ^Z stops the foreground job, bg continues it, fg brings it back
    r"send:sleep 100\r",
    r"expect:sleep 100\r\n",
    r"suspend:\[1\]\+ +Stopped +sleep 100",
    PROMPT,
    r"send:bg\r",
    PROMPT,
    r"send:jobs\r",
    r"expect:\[1\]\+ +Running +sleep 100",
    PROMPT,
    r"send:fg\r",
    r"expect:\r\nsleep 100\r\n",
    r"interrupt:(?<=\n)[^\n]*[$#] $",
    r"send:echo status $?\r",
    r"expect:\r\nstatus 130\r\n",
    PROMPT,
    r"send:exit\r",
    r"expect:busybox sh; poweroff to leave|init: the shell exited; starting it again",
    PROMPT,
    r"send:poweroff\r",
    r"expect:The system is going down NOW!",
    r"expect:Requesting system poweroff",
    r"end:",
]
SESSIONS = {"lsh": DEFAULT_STEPS, "busybox": BUSYBOX_STEPS}
# what matching skips: ANSI escapes (CSI, and ESC + one char) and printk lines
# (a log line can land in the middle of a line the shell is printing)
NOISE = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[^\[]|\[ *\d+\.\d{6}\] [^\n]*\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default="build/linnet.iso")
    ap.add_argument("--kernel", help="build an ISO of this kernel (with --initrd, --cmdline)")
    ap.add_argument("--cmdline", default="", help="the command line for --kernel")
    ap.add_argument("--session", choices=sorted(SESSIONS), default="lsh",
                    help="the steps to run when no --step is given")
    ap.add_argument("--linux", metavar="BZIMAGE",
                    help="boot this Linux kernel instead (with --initrd), to compare")
    ap.add_argument("--initrd", help="the initramfs for --linux")
    ap.add_argument("--append", default="console=ttyS0 quiet rdinit=/init",
                    help="the command line for --linux")
    ap.add_argument("--smp", default="2")
    ap.add_argument("--cpu", default="max")
    ap.add_argument("--mem", default="128M")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per expect step")
    ap.add_argument("--char-delay", type=float, default=0.02, help="seconds between typed characters")
    ap.add_argument("--step", action="append", help="expect:REGEX or send:TEXT (repeatable)")
    ap.add_argument("--log", default="/tmp/console_session.log")
    args = ap.parse_args()
    steps = args.step or SESSIONS[args.session]
    tmpdir = None
    if args.kernel and not args.linux:
        import shutil
        import tempfile
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import qemu_runner
        tmpdir = tempfile.mkdtemp(prefix="console-session.")
        args.iso = os.path.join(tmpdir, "linnet.iso")
        err = qemu_runner.build_iso(args.kernel, args.iso, args.cmdline, args.initrd)
        if err:
            print("FAIL: " + err)
            return 1

    master, slave = pty.openpty()
    # Raw, and no ONLCR: QEMU turns OPOST back on for its stdio, and the pty's
    # ONLCR would double the kernel's CRs; the transcript is what Linnet sent.
    tty.setraw(slave)
    attrs = termios.tcgetattr(slave)
    attrs[1] &= ~termios.ONLCR
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    argv = ["qemu-system-x86_64", "-M", "pc", "-cpu", args.cpu, "-m", args.mem,
            "-smp", args.smp, "-no-reboot", "-display", "none", "-serial", "mon:stdio"]
    if args.linux:
        argv += ["-kernel", args.linux, "-append", args.append]
        if args.initrd:
            argv += ["-initrd", args.initrd]
    else:
        argv += ["-cdrom", args.iso, "-boot", "d"]
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    out = b""
    clean = b""  # out without NOISE: what expect matches
    pos = 0  # where the next expect starts looking (in clean)
    groups = []  # the last expect's groups, for {1} ... in send
    log = open(args.log, "wb")
    ok = True

    def pump(deadline):
        nonlocal out, clean
        r, _, _ = select.select([master], [], [], max(0.0, min(0.2, deadline - time.time())))
        if r:
            try:
                data = os.read(master, 4096)
            except OSError:
                return False
            out += data
            # an escape or a log line cut by the read is cleaned once it is whole
            clean = NOISE.sub(b"", out)
            log.write(data)
            log.flush()
        return proc.poll() is None

    def drain():
        """What is left in the pty after QEMU ended (bounded: 100 reads)."""
        nonlocal out, clean
        for _ in range(100):
            if not select.select([master], [], [], 0.1)[0]:
                break
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            out += data
            log.write(data)
        clean = NOISE.sub(b"", out)

    def expect(rx, secs):
        nonlocal pos, groups
        deadline = time.time() + secs
        while True:
            m = rx.search(clean, pos)
            if m:
                pos = m.end()
                if m.groups():
                    groups = [g.decode("latin-1") if g else "" for g in m.groups()]
                return True
            if time.time() > deadline:
                return False
            if not pump(deadline):		# QEMU ended: what it printed last still counts
                drain()
                m = rx.search(clean, pos)
                if m:
                    pos = m.end()
                return bool(m)

    def type_text(text):
        log.write(b"\n<<< typed %r >>>\n" % text)
        for ch in text:
            os.write(master, bytes([ch]))
            end = time.time() + args.char_delay
            while time.time() < end:
                pump(end)

    try:
        for step in steps:
            kind, _, arg = step.partition(":")
            if kind == "expect":
                rx = re.compile(arg.encode("latin-1"))  # re itself knows \r, \n, \xhh
                if expect(rx, args.timeout):
                    print("ok     expect %r" % arg)
                else:
                    print("FAILED expect %r; output since the last match: %r"
                          % (arg, clean[pos:][-400:]))
                    ok = False
            elif kind == "send":
                for i, g in enumerate(groups, 1):	# {1}: group 1 of the last expect
                    arg = arg.replace("{%d}" % i, g)
                text = arg.encode("latin-1").decode("unicode_escape").encode("latin-1")
                type_text(text)
                print("ok     send   %r" % arg)
            elif kind in ("interrupt", "suspend"):
                rx = re.compile(arg.encode("latin-1"))
                key, name = (b"\x03", "^C") if kind == "interrupt" else (b"\x1a", "^Z")
                for tries in range(1, 7):
                    t0 = time.time()
                    type_text(key)
                    if expect(rx, 5.0):
                        print("ok     %s     %r after %.2f s (typed %d time%s)"
                              % (name, arg, time.time() - t0, tries, "s" if tries > 1 else ""))
                        break
                else:
                    print("FAILED %s: no %r after 6 tries; output: %r" % (name, arg, clean[pos:][-400:]))
                    ok = False
            elif kind == "end":
                deadline = time.time() + args.timeout
                while proc.poll() is None and time.time() < deadline:
                    pump(deadline)
                if proc.poll() is None:
                    print("FAILED end: QEMU still running after %.0f s" % args.timeout)
                    ok = False
                else:
                    print("ok     end    QEMU exited (%d)" % proc.returncode)
            else:
                print("bad step %r (expect:REGEX or send:TEXT)" % step)
                ok = False
            if not ok:
                break
    finally:
        if proc.poll() is None:
            os.write(master, b"\x01x")  # Ctrl-A X: QEMU quits
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        os.close(master)
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
    print("%s; transcript in %s" % ("PASS" if ok else "FAIL", args.log))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
