# SPDX-License-Identifier: GPL-2.0
#
# tests/matrix.py - the QEMU test configurations `make test` boots.
#
# Data only: scripts/run_tests.py boots each entry once through
# scripts/qemu_runner.py and compares the outcome with "expect". This plays
# the part of the .kunitconfig / --qemu_config files that Linux's
# tools/testing/kunit/kunit.py reads, plus LKDTM's selftests list
# (tools/testing/selftests/lkdtm/tests.txt) for the crash entries.
#
# Keys (all but name/cmdline may be left out; run_tests.py fills defaults):
#   name        unique; also names build/test-logs/NAME.log
#   cmdline     kernel command line baked into the ISO's grub.cfg
#   cpu, mem, smp, timeout (seconds)
#   expect      pass | test-failure | panic | triple-fault | timeout
#   expect_log  regexes (re.MULTILINE) that must all match the serial log
#   initrd      optional path to an initramfs (relative to the repo root)
#   extra_qemu  optional list of extra QEMU arguments
#
# An "expect": "pass" entry counts one test per KTAP case plus one for the
# boot itself; any other entry counts as one test.

MATRIX = [
    # All in-kernel tests, in each paging mode.
    {"name": "ktest4", "cmdline": "ktest=all", "cpu": "qemu64",
     "mem": "128M", "smp": 1, "timeout": 60, "expect": "pass",
     "expect_log": [r"4-level paging"]},
    {"name": "ktest5", "cmdline": "ktest=all", "cpu": "max",
     "mem": "128M", "smp": 1, "timeout": 60, "expect": "pass",
     "expect_log": [r"5-level paging"]},
    {"name": "ktest4-no5lvl", "cmdline": "ktest=all no5lvl", "cpu": "max",
     "mem": "128M", "smp": 1, "timeout": 60, "expect": "pass",
     "expect_log": [r"4-level paging"]},

    # LKDTM crash types: the runner must tell these outcomes apart.
    {"name": "lkdtm-write-kern", "cmdline": "lkdtm=WRITE_KERN",
     "cpu": "qemu64", "mem": "128M", "smp": 1, "timeout": 30,
     "expect": "panic",
     "expect_log": [r"Call Trace:", r"lkdtm_WRITE_KERN\+0x"]},
    {"name": "lkdtm-write-kern-5", "cmdline": "lkdtm=WRITE_KERN",
     "cpu": "max", "mem": "128M", "smp": 1, "timeout": 30,
     "expect": "panic",
     "expect_log": [r"Call Trace:", r"lkdtm_WRITE_KERN\+0x"]},
    {"name": "lkdtm-triple", "cmdline": "lkdtm=TRIPLE_FAULT",
     "cpu": "qemu64", "mem": "128M", "smp": 1, "timeout": 30,
     "expect": "triple-fault", "expect_log": []},
    {"name": "lkdtm-loop", "cmdline": "lkdtm=LOOP",
     "cpu": "qemu64", "mem": "128M", "smp": 1, "timeout": 8,
     "expect": "timeout", "expect_log": []},
]
