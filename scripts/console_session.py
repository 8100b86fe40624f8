#!/usr/bin/env python3
"""Type at Linnet's serial console as a person would, and check what comes back.

Boots the ISO in QEMU as `make run` does (-display none -serial mon:stdio), with
QEMU's stdin and stdout on a pseudo-terminal this script holds, then runs a list
of steps: wait for a regular expression in the output, or type text one
character at a time. The default steps wait for the shell's prompt and type a
line with a DEL (^?) and a ^H in it (the shell must complain about the
edited command name), then a line killed with ^U and replaced, and check the
echo and what the shell made of them.

    python3 scripts/console_session.py --iso build/linnet.iso
    python3 scripts/console_session.py --iso build/linnet.iso \\
        --step 'expect:[$#] $' --step 'send:echo hi\\r' --step 'expect:\\r\\nhi\\r\\n'

--linux BZIMAGE --initrd CPIO boots a Linux kernel instead, so that the same
keystrokes can be compared with what Linux's n_tty echoes and hands out.

Text to send takes Python escapes (\\r, \\x7f, \\x08, \\x15); expect takes a
regular expression (which knows \\r, \\n and \\xhh itself). Mind that ^A is
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
    # a DEL and a ^H: the shell gets "nosuchcmd world" and says it has no such command
    r"send:nosuchcmx\x7fd worx\x08ld\r",
    r"expect:nosuchcmx\x08 \x08d worx\x08 \x08ld\r\n",
    r"expect:nosuchcmd: (command )?not found\r\n",
    r"expect:[$#] $",
    # ^U kills what was typed; the echo erased it on the screen ("\b \b" each)
    r"send:wrong\x15cd /bin\r",
    r"expect:(\x08 \x08){5}cd /bin\r\n",
    r"expect:[$#] $",
    r"send:cd /nonexistent\r",
    r"expect:[Nn]o such file or directory",
    r"expect:[$#] $",
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default="build/linnet.iso")
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
    steps = args.step or DEFAULT_STEPS

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
    pos = 0  # where the next expect starts looking
    log = open(args.log, "wb")
    ok = True

    def pump(deadline):
        nonlocal out
        r, _, _ = select.select([master], [], [], max(0.0, min(0.2, deadline - time.time())))
        if r:
            try:
                data = os.read(master, 4096)
            except OSError:
                return False
            out += data
            log.write(data)
            log.flush()
        return proc.poll() is None

    try:
        for step in steps:
            kind, _, arg = step.partition(":")
            if kind == "expect":
                rx = re.compile(arg.encode("latin-1"))  # re itself knows \r, \n, \xhh
                deadline = time.time() + args.timeout
                while True:
                    m = rx.search(out, pos)
                    if m:
                        pos = m.end()
                        print("ok     expect %r" % arg)
                        break
                    if time.time() > deadline or not pump(deadline):
                        print("FAILED expect %r; output since the last match: %r"
                              % (arg, out[pos:][-400:]))
                        ok = False
                        break
            elif kind == "send":
                text = arg.encode("latin-1").decode("unicode_escape").encode("latin-1")
                log.write(b"\n<<< typed %r >>>\n" % text)
                for ch in text:
                    os.write(master, bytes([ch]))
                    end = time.time() + args.char_delay
                    while time.time() < end:
                        pump(end)
                print("ok     send   %r" % arg)
            else:
                print("bad step %r (expect:REGEX or send:TEXT)" % step)
                ok = False
            if not ok:
                break
    finally:
        os.write(master, b"\x01x")  # Ctrl-A X: QEMU quits
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        os.close(master)
    print("%s; transcript in %s" % ("PASS" if ok else "FAIL", args.log))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
