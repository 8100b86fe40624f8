#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# runner_selftest.py - host unit tests of the test tooling itself: the KTAP
# parser and run classifier in scripts/qemu_runner.py, the cmocka TAP
# reader in scripts/run_tests.py and the shape of tests/matrix.py.
# No QEMU is started. The counterpart of Linux's
# tools/testing/kunit/kunit_tool_test.py.
#
# Run: python3 tests/runner_selftest.py  (make test also runs it in-process)

import os
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True      # no __pycache__ in the tree
sys.path.insert(0, os.path.join(ROOT, "scripts"))

import qemu_runner as qr  # noqa: E402
import run_tests as rt    # noqa: E402

GOOD = """\
GRUB loading.
[    0.000000] Linnet version 0.1
KTAP version 1
1..2
    KTAP version 1
    # Subtest: boot
    1..3
    ok 1 cmdline_parsed
    ok 2 something
    ok 3 other # SKIP needs 5-level paging
ok 1 boot
    KTAP version 1
    # Subtest: mm.pgtable
    1..1
    ok 1 kernel_text_ro
ok 2 mm.pgtable
"""

FAILING = """\
KTAP version 1
1..2
    KTAP version 1
    # Subtest: boot
    1..3
    ok 1 cmdline_parsed
    # something: EXPECTATION FAILED at init/main.c:12
    not ok 2 something
    ok 3 other # SKIP reason
not ok 1 boot
    KTAP version 1
    # Subtest: mm.pgtable
    1..1
    ok 1 kernel_text_ro
ok 2 mm.pgtable
"""

PANIC = """\
KTAP version 1
1..1
    KTAP version 1
    # Subtest: boot
    1..2
    ok 1 cmdline_parsed
[    0.200000] BUG: unable to handle page fault for address: 0000000000000000
[    0.200001] Call Trace:
[    0.200002]   start_kernel+0x1a/0x40
[    0.200003] Kernel panic - not syncing: Fatal exception
"""


def interleave(text):
    """Add printk noise between every line and use \\r\\n endings."""
    out = []
    for i, line in enumerate(text.splitlines()):
        out.append("[%5d.%06d] cpu0: noise ok 1 fake" % (i, i))
        out.append(line)
    return "\r\n".join(out) + "\r\n"


class ParseKtapTest(unittest.TestCase):
    def test_good_nested_run(self):
        k = qr.parse_ktap(GOOD)
        self.assertEqual(k.plan, 2)
        self.assertEqual([s.name for s in k.suites], ["boot", "mm.pgtable"])
        self.assertEqual([s.plan for s in k.suites], [3, 1])
        self.assertEqual([n for n, _ in k.cases()],
                         ["boot.cmdline_parsed", "boot.something",
                          "boot.other", "mm.pgtable.kernel_text_ro"])
        self.assertEqual(k.counts(),
                         {"passed": 3, "failed": 0, "skipped": 1})
        self.assertEqual(qr.ktap_problems(k), [])
        self.assertEqual(k.failures(), [])

    def test_skip_directive(self):
        k = qr.parse_ktap(GOOD)
        t = dict(k.cases())["boot.other"]
        self.assertEqual(t.status, "skip")
        self.assertEqual(t.reason, "needs 5-level paging")
        self.assertEqual(t.name, "other")

    def test_not_ok_case(self):
        k = qr.parse_ktap(FAILING)
        cases = dict(k.cases())
        self.assertEqual(cases["boot.something"].status, "not ok")
        self.assertEqual(k.suites[0].status, "not ok")
        self.assertEqual(k.failures(), ["boot.something"])
        self.assertIn("EXPECTATION FAILED at init/main.c:12",
                      "\n".join(cases["boot.something"].log))
        self.assertEqual(k.counts(),
                         {"passed": 2, "failed": 1, "skipped": 1})

    def test_interleaved_printk_and_crlf(self):
        a, b = qr.parse_ktap(GOOD), qr.parse_ktap(interleave(GOOD))
        self.assertEqual(b.plan, 2)
        self.assertEqual([(n, t.status) for n, t in a.cases()],
                         [(n, t.status) for n, t in b.cases()])
        self.assertEqual(qr.ktap_problems(b), [])
        self.assertFalse(any("\r" in n for n, _ in b.cases()))

    def test_printk_timestamps_stripped(self):
        """KTAP printed through printk carries "[    1.234567] " prefixes."""
        stamped = "\n".join("[    1.%06d] %s" % (i, l)
                            for i, l in enumerate(GOOD.splitlines()))
        a, b = qr.parse_ktap(GOOD), qr.parse_ktap(stamped)
        self.assertEqual(b.plan, 2)
        self.assertEqual(qr.ktap_problems(b), [])
        self.assertEqual([(n, t.status) for n, t in a.cases()],
                         [(n, t.status) for n, t in b.cases()])

    def test_stray_diagnostic_keeps_structure(self):
        text = GOOD.replace("    ok 2 something",
                            "# unrelated diagnostic\n    ok 2 something")
        k = qr.parse_ktap(text)
        self.assertEqual(qr.ktap_problems(k), [])
        self.assertEqual(len(k.cases()), 4)

    def test_top_level_plan_mismatch(self):
        k = qr.parse_ktap(GOOD.replace("\n1..2\n", "\n1..3\n"))
        self.assertEqual(qr.ktap_problems(k), ["plan 1..3 but 2 results"])

    def test_suite_plan_mismatch(self):
        k = qr.parse_ktap(GOOD.replace("    1..3", "    1..4"))
        self.assertEqual(qr.ktap_problems(k),
                         ["suite boot: plan 1..4 but 3 results"])

    def test_missing_top_level_plan(self):
        k = qr.parse_ktap(GOOD.replace("\n1..2\n", "\n"))
        self.assertIsNone(k.plan)
        self.assertEqual(len(qr.ktap_problems(k)), 1)
        self.assertIn("no top-level KTAP plan", qr.ktap_problems(k)[0])

    def test_empty_plan_is_a_problem(self):
        """ktest=typo selects nothing: that must not read as a pass."""
        k = qr.parse_ktap("KTAP version 1\n1..0\n")
        self.assertEqual(k.plan, 0)
        self.assertEqual(qr.ktap_problems(k),
                         ["plan 1..0: the ktest= glob selected no test"])
        self.assertEqual(qr.classify("KTAP version 1\n1..0\n", 1).outcome, "bad-ktap")

    def test_missing_suite_plan(self):
        k = qr.parse_ktap(GOOD.replace("    1..1\n", ""))
        self.assertEqual(qr.ktap_problems(k), ["suite mm.pgtable: no plan"])

    def test_bad_numbering(self):
        k = qr.parse_ktap(GOOD.replace("    ok 2 something",
                                       "    ok 5 something"))
        self.assertTrue(any("expected test number 2, got 5" in p
                            for p in qr.ktap_problems(k)))

    def test_crash_mid_suite(self):
        k = qr.parse_ktap(PANIC)
        self.assertEqual(k.suites[0].status, "incomplete")
        self.assertEqual(k.suites[0].name, "boot")
        self.assertIn("boot", k.failures())
        self.assertTrue(qr.ktap_problems(k))

    def test_no_ktap_at_all(self):
        k = qr.parse_ktap("just a boot log\n[ 0.1] hello\n")
        self.assertIsNone(k.plan)
        self.assertEqual(k.suites, [])

    def test_restart_is_an_error(self):
        k = qr.parse_ktap(GOOD + GOOD)
        self.assertTrue(any("restarted" in p for p in qr.ktap_problems(k)))


class ClassifyTest(unittest.TestCase):
    def test_exit1_good_is_pass(self):
        r = qr.classify(GOOD, 1)
        self.assertEqual(r.outcome, "pass")
        self.assertEqual(r.exit_code, 1)

    def test_exit1_interleaved_is_pass(self):
        self.assertEqual(qr.classify(interleave(GOOD), 1).outcome, "pass")

    def test_exit1_plan_mismatch_is_bad_ktap(self):
        r = qr.classify(GOOD.replace("\n1..2\n", "\n1..3\n"), 1)
        self.assertEqual(r.outcome, "bad-ktap")
        self.assertIn("plan 1..3 but 2 results", r.detail)

    def test_exit1_suite_mismatch_is_bad_ktap(self):
        r = qr.classify(GOOD.replace("    1..3", "    1..2"), 1)
        self.assertEqual(r.outcome, "bad-ktap")

    def test_exit1_missing_plan_is_bad_ktap(self):
        self.assertEqual(qr.classify(GOOD.replace("\n1..2\n", "\n"),
                                     1).outcome, "bad-ktap")
        self.assertEqual(qr.classify("no ktap here\n", 1).outcome,
                         "bad-ktap")

    def test_exit1_not_ok_is_failure(self):
        r = qr.classify(FAILING, 1)
        self.assertEqual(r.outcome, "test-failure")
        self.assertIn("boot.something", r.detail)

    def test_exit3_is_failure(self):
        r = qr.classify(FAILING, 3)
        self.assertEqual(r.outcome, "test-failure")
        self.assertIn("boot.something", r.detail)

    def test_exit5_is_panic(self):
        r = qr.classify(PANIC, 5)
        self.assertEqual(r.outcome, "panic")
        self.assertEqual(r.detail,
                         "Kernel panic - not syncing: Fatal exception")

    def test_exit0_is_triple_fault(self):
        self.assertEqual(qr.classify(GOOD, 0).outcome, "triple-fault")

    def test_timeout(self):
        r = qr.classify(PANIC + "last words\n", -9, timed_out=True)
        self.assertEqual(r.outcome, "timeout")
        r = qr.classify("booting\nspinning forever\n", -9, timed_out=True)
        self.assertEqual(r.outcome, "timeout")
        self.assertIn("spinning forever", r.detail)

    def test_timeout_wins_over_exit_code(self):
        self.assertEqual(qr.classify(GOOD, 1, timed_out=True).outcome,
                         "timeout")

    def test_other_exit_is_qemu_error(self):
        for code in (2, 7, 255, -11, None):
            self.assertEqual(qr.classify(GOOD, code).outcome, "qemu-error",
                             code)

    def test_expect_log(self):
        self.assertEqual(qr.missing_logs(PANIC, [r"^\[.*\] Call Trace:$",
                                                 r"start_kernel\+0x"]), [])
        self.assertEqual(qr.missing_logs(PANIC, [r"lkdtm_\w+\+0x"]),
                         [r"lkdtm_\w+\+0x"])

    def test_expect_no_log(self):
        self.assertEqual(qr.unwanted_logs(PANIC, [r"lkdtm_\w+\+0x",
                                                  r"^WARNING: possible"]), [])
        self.assertEqual(qr.unwanted_logs(PANIC, [r"Kernel panic - \w+"]),
                         [(r"Kernel panic - \w+", "Kernel panic - not")])
        e = dict(rt.DEFAULTS, name="e", expect="panic",
                 expect_no_log=[r"Call Trace:"])
        v = rt.entry_verdict(e, qr.classify(PANIC, 5), None)
        self.assertEqual(v.status, "FAIL")
        self.assertIn("unexpected in log: /Call Trace:/", v.detail)
        e["expect_no_log"] = [r"lkdtm_"]
        self.assertEqual(rt.entry_verdict(e, qr.classify(PANIC, 5), None).status,
                         "PASS")

    def test_expect_not_log_after(self):
        log = ("[ 0.1] logger CPU1 line 1\n"
               "[ 0.2] Kernel panic - not syncing: x\n"
               "[ 0.3] Call Trace:\n")
        # Only before the anchor: fine.
        self.assertEqual(qr.unwanted_logs_after(
            log, [(r"Kernel panic - not syncing", r"logger CPU\d")]), [])
        # After the anchor: reported, with the offending line.
        late = log + "[ 0.4] logger CPU2 line 7\n"
        bad = qr.unwanted_logs_after(
            late, [(r"Kernel panic - not syncing", r"logger CPU\d")])
        self.assertEqual(len(bad), 1)
        self.assertIn("[ 0.4] logger CPU2 line 7", bad[0])
        # The anchor line itself does not count, even with ^ anchors.
        self.assertEqual(qr.unwanted_logs_after(
            log, [(r"Kernel panic", r"^.*not syncing")]), [])
        # An anchor that never matches cannot pass silently.
        self.assertEqual(len(qr.unwanted_logs_after(log, [(r"no such", r"x")])), 1)
        # The first anchor match counts, not a later one.
        twice = late + "[ 0.5] Kernel panic - not syncing: y\n"
        self.assertEqual(len(qr.unwanted_logs_after(
            twice, [(r"Kernel panic - not syncing", r"logger")])), 1)


    def test_parse_info_registers(self):
        dump = ("(qemu) info registers -a\r\n\r\nCPU#0\r\n"
                "RAX=0000000000000015 RBX=ffffffff80135548\r\n"
                "RSI=0000000000000000 RBP=ffffffff80153fa0 RSP=ffffffff80153f80\r\n"
                "RIP=ffffffff8011943a RFL=00000082 [--S----] CPL=0\r\n"
                "\r\nCPU#1\r\nRSP=ff1100000782bfa0\r\n"
                "RIP=ffffffff8010bf02 RFL=00000246\r\n(qemu) ")
        self.assertEqual(qr.parse_info_registers(dump),
                         [(0, 0xffffffff8011943a, 0xffffffff80153f80),
                          (1, 0xffffffff8010bf02, 0xff1100000782bfa0)])
        self.assertEqual(qr.parse_info_registers("(qemu) "), [])

CMOCKA = """\
1..3
ok 1 - a
not ok 2 - b
# 0x1 != 0x2
# t.c:7: error: Failure!
not ok 3 # SKIP c
# not ok - grp1
1..1
ok 1 - a
# ok - grp2
"""


class HostTapTest(unittest.TestCase):
    def test_cmocka_tap(self):
        plan, cases = rt.parse_tap(CMOCKA)
        self.assertEqual(plan, 4)
        self.assertEqual([(g, ok, n, s) for g, ok, n, s, _ in cases],
                         [("grp1", True, "a", None),
                          ("grp1", False, "b", None),
                          ("grp1", False, "c", "c"),
                          ("grp2", True, "a", None)])
        self.assertEqual(cases[1][4], ["# 0x1 != 0x2",
                                       "# t.c:7: error: Failure!"])

    def test_host_verdicts(self):
        v = rt.host_verdicts("t", CMOCKA, 1, None)
        self.assertEqual([(x.name, x.status) for x in v],
                         [("host.t.grp1.a", "PASS"),
                          ("host.t.grp1.b", "FAIL"),
                          ("host.t.grp1.c", "SKIP"),
                          ("host.t.grp2.a", "PASS")])

    def test_binary_problems(self):
        _, cases = rt.parse_tap(CMOCKA)
        self.assertIsNone(rt.binary_problem(4, cases, 1))
        self.assertIn("plan 1..5", rt.binary_problem(5, cases, 1))
        self.assertIn("no TAP plan", rt.binary_problem(None, [], 0))
        self.assertIn("signal 6", rt.binary_problem(4, cases, -6))
        ok = [c for c in cases if c[1]]
        self.assertIn("sanitizer", rt.binary_problem(2, ok, 1))


class EntryVerdictTest(unittest.TestCase):
    def test_unwanted_after_anchor_fails_the_entry(self):
        e = dict(rt.DEFAULTS, name="p", expect="panic",
                 expect_not_log_after=[[r"Kernel panic - not syncing",
                                        r"logger on CPU"]])
        self.assertEqual(rt.entry_verdict(e, qr.classify(PANIC, 5),
                                          None).status, "PASS")
        late = PANIC + "[ 0.3] lkdtm: logger on CPU1, line 9\n"
        v = rt.entry_verdict(e, qr.classify(late, 5), None)
        self.assertEqual(v.status, "FAIL")
        self.assertIn("unwanted in log", v.detail)
        self.assertIn("logger on CPU1, line 9", v.detail)


class MatrixTest(unittest.TestCase):
    def test_matrix_shape(self):
        m = rt.load_matrix(os.path.join(ROOT, "tests", "matrix.py"))
        names = [e["name"] for e in m]
        self.assertEqual(len(names), len(set(names)))
        for e in m:
            self.assertIn(e["expect"], qr.OUTCOMES)
            self.assertIsInstance(e["expect_log"], list)
            self.assertIsInstance(e["expect_no_log"], list)
            for pair in e.get("expect_not_log_after", []):
                self.assertEqual(len(pair), 2, e["name"])
            self.assertGreater(e["timeout"], 0)
        self.assertIn("ktest4", names)
        self.assertIn("lkdtm-loop", names)


if __name__ == "__main__":
    unittest.main()
