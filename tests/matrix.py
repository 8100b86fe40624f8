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
#   expect_no_log  regexes (re.MULTILINE) that must NOT match the serial log
#   expect_not_log_after  [AFTER, FORBIDDEN] pairs: once a line matches
#               AFTER, no later line may match FORBIDDEN
#   initrd      the first multiboot2 module, relative to the repo root: by
#               default build/initramfs.cpio (the initramfs `make` builds,
#               docs/fs/initramfs.md); None boots without one
#   extra_qemu  optional list of extra QEMU arguments
#
# An "expect": "pass" entry counts one test per KTAP case plus one for the
# boot itself; any other entry counts as one test.

MATRIX = [
    # All in-kernel tests, in each paging mode.
    # (Each boots with the default initramfs, build/initramfs.cpio, which
    # initramfs.initramfs_manifest checks entry by entry.)
    {"name": "ktest4", "cmdline": "ktest=all possible_cpus=4", "cpu": "qemu64",
     "mem": "128M", "smp": 1, "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging",
                    r"Trying to unpack rootfs image as initramfs\.\.\.",
                    r"Unpacked \d+ files, \d+ bytes \(\d+-byte archive\) in \d+ ms",
                    r"Freeing initrd memory: [1-9]\d*K"],
     "expect_no_log": [r"Initramfs unpacking failed"]},
    {"name": "ktest5", "cmdline": "ktest=all possible_cpus=4", "cpu": "max",
     "mem": "128M", "smp": 1, "timeout": 150, "expect": "pass",
     "expect_log": [r"5-level paging", r"Unpacked \d+ files",
                    r"ok \d+ initramfs_manifest\r?$"],
     "expect_no_log": [r"Initramfs unpacking failed"]},
    {"name": "ktest4-no5lvl", "cmdline": "ktest=all no5lvl possible_cpus=2",
     "cpu": "max",
     "mem": "128M", "smp": 1, "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging"]},
    # The kernel log on the VGA text console too, /dev/console on tty1 (make run-gui's
    # command line): the tty suites with the screen shared (docs/fs/devices.md).
    {"name": "tty-vga-console", "cmdline": "ktest=tty* console=ttyS0 console=tty0",
     "cpu": "max", "mem": "128M", "smp": 2, "timeout": 90, "expect": "pass",
     "expect_log": [r"printk: console \[tty0\] enabled", r"ok \d+ tty_vga_printk\r?$"]},
    # No ASLR (the GDB labs' setting): the layout tests see randomize_va_space 0.
    {"name": "mmap-norandmaps", "cmdline": "ktest=mmap.* norandmaps",
     "cpu": "max", "mem": "128M", "smp": 2, "timeout": 60, "expect": "pass",
     "expect_log": [r"ok \d+ layout_aslr"]},

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

    # panic() on one CPU stops the others (docs/smp.md): CPUs that log
    # without pause are stopped by the stop IPI, so none of their lines
    # follows the panic line, even during the panic=1 wait; CPUs spinning
    # with interrupts off need the NMI.
    {"name": "lkdtm-panic-logging-4-smp2", "cmdline": "lkdtm=PANIC_WHILE_LOGGING panic=1",
     "cpu": "qemu64", "smp": 2, "timeout": 60, "expect": "panic",
     "expect_log": [r"lkdtm: logger on CPU1, line 19\b",
                    r"Kernel panic - not syncing: panic while logging test",
                    r"Rebooting in 1 seconds\.\."],
     "expect_not_log_after": [[r"Kernel panic", r"lkdtm: logger on CPU"]]},
    {"name": "lkdtm-panic-logging-4-smp4", "cmdline": "lkdtm=PANIC_WHILE_LOGGING panic=1",
     "cpu": "qemu64", "smp": 4, "timeout": 60, "expect": "panic",
     "expect_log": [r"lkdtm: logger on CPU\d, line 19\b",
                    r"Kernel panic - not syncing: panic while logging test",
                    r"Rebooting in 1 seconds\.\."],
     "expect_not_log_after": [[r"Kernel panic", r"lkdtm: logger on CPU"]]},
    {"name": "lkdtm-panic-logging-5-smp2", "cmdline": "lkdtm=PANIC_WHILE_LOGGING panic=1",
     "cpu": "max", "smp": 2, "timeout": 60, "expect": "panic",
     "expect_log": [r"lkdtm: logger on CPU1, line 19\b",
                    r"Kernel panic - not syncing: panic while logging test",
                    r"Rebooting in 1 seconds\.\."],
     "expect_not_log_after": [[r"Kernel panic", r"lkdtm: logger on CPU"]]},
    {"name": "lkdtm-panic-logging-5-smp4", "cmdline": "lkdtm=PANIC_WHILE_LOGGING panic=1",
     "cpu": "max", "smp": 4, "timeout": 60, "expect": "panic",
     "expect_log": [r"lkdtm: logger on CPU\d, line 19\b",
                    r"Kernel panic - not syncing: panic while logging test",
                    r"Rebooting in 1 seconds\.\."],
     "expect_not_log_after": [[r"Kernel panic", r"lkdtm: logger on CPU"]]},
    {"name": "lkdtm-panic-irqoff-4-smp4", "cmdline": "lkdtm=PANIC_STOP_IRQOFF",
     "cpu": "qemu64", "smp": 4, "timeout": 60, "expect": "panic",
     "expect_log": [r"Shutting down cpus with NMI",
                    r"Kernel panic - not syncing: panic stop irqoff test"]},
    {"name": "lkdtm-panic-irqoff-5-smp2", "cmdline": "lkdtm=PANIC_STOP_IRQOFF",
     "cpu": "max", "smp": 2, "timeout": 60, "expect": "panic",
     "expect_log": [r"Shutting down cpus with NMI",
                    r"Kernel panic - not syncing: panic stop irqoff test"]},

    # Every CPU oopses at once: one report, whole, then the panic.
    {"name": "lkdtm-concurrent-oops", "cmdline": "lkdtm=CONCURRENT_OOPS",
     "cpu": "max", "smp": 4, "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: kernel NULL pointer dereference, address: 0000000000000000",
                    r"RIP: 0010:concurrent_oops_fn\+0x",
                    r"Kernel panic - not syncing: Fatal exception"],
     "expect_not_log_after": [[r"BUG: kernel NULL pointer dereference",
                               r"BUG: kernel NULL pointer dereference|Oops: 0002 \[#2\]"]]},

    # More crash reports: each names the fault the way Linux's oops does.
    {"name": "lkdtm-write-ro", "cmdline": "lkdtm=WRITE_RO", "cpu": "max",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"RIP: 0010:lkdtm_WRITE_RO\+0x",
                    r"#PF: error_code\(0x0003\) - permissions violation"]},
    {"name": "lkdtm-exec-data", "cmdline": "lkdtm=EXEC_DATA", "cpu": "qemu64",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"kernel tried to execute NX-protected page",
                    r"#PF: supervisor instruction fetch in kernel mode",
                    r"lkdtm_EXEC_DATA\+0x"]},
    # SMEP and SMAP (docs/entry.md): with -cpu max the kernel may neither
    # run nor touch a user page outside copy_*_user.
    {"name": "lkdtm-exec-userspace", "cmdline": "lkdtm=EXEC_USERSPACE", "cpu": "max",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"lkdtm: attempting bad execution at",
                    r"unable to execute userspace code \(SMEP\?\) \(uid: 0\)",
                    r"#PF: supervisor instruction fetch in kernel mode",
                    r"#PF: error_code\(0x0011\) - permissions violation"]},
    {"name": "lkdtm-access-userspace", "cmdline": "lkdtm=ACCESS_USERSPACE", "cpu": "max",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"lkdtm: attempting bad read at",
                    r"#PF: supervisor read access in kernel mode",
                    r"#PF: error_code\(0x0001\) - permissions violation",
                    r"RIP: 0010:lkdtm_ACCESS_USERSPACE\+0x"]},
    {"name": "lkdtm-null", "cmdline": "lkdtm=EXCEPTION", "cpu": "max",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"BUG: kernel NULL pointer dereference, address: 0000000000000000",
                    r"#PF: error_code\(0x0002\) - not-present page",
                    r"RIP: 0010:lkdtm_EXCEPTION\+0x"]},
    {"name": "lkdtm-null-frameless", "cmdline": "lkdtm=EXCEPTION_FRAMELESS", "cpu": "qemu64",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"RIP: 0010:lkdtm_frameless_null_write\+0x",
                    r"\]  \? lkdtm_EXCEPTION_FRAMELESS\+0x",
                    r"\]  lkdtm_run\+0x"]},
    # Kernel stacks (docs/mm/vmalloc.md): an overflow runs into an unmapped
    # guard page, the #PF becomes a #DF on its IST stack, and the report
    # names the stack and the task, then panics. Both paging modes: the
    # vmalloc area moves with them.
    {"name": "lkdtm-exhaust-stack-4", "cmdline": "lkdtm=EXHAUST_STACK",
     "cpu": "qemu64", "smp": 2, "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: TASK stack guard page was hit at ffffc900[0-9a-f]{8} \(stack is ffffc900[0-9a-f]{8}\.\.ffffc900[0-9a-f]{8}\)",
                    r"Oops: kernel stack overflow \(double-fault\): 0000 \[#1\]",
                    r"CPU: \d+ PID: 1 Comm: init\r?$", r"RIP: 0010:recurse\+0x",
                    r"Kernel panic - not syncing: Fatal exception"]},
    {"name": "lkdtm-exhaust-stack-5", "cmdline": "lkdtm=EXHAUST_STACK",
     "cpu": "max", "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: TASK stack guard page was hit at ffa00000[0-9a-f]{8} \(stack is ffa00000[0-9a-f]{8}\.\.ffa00000[0-9a-f]{8}\)",
                    r"Oops: kernel stack overflow \(double-fault\)",
                    r"CPU: \d+ PID: 1 Comm: init\r?$", r"recurse\+0x",
                    r"Kernel panic - not syncing: Fatal exception"]},
    {"name": "lkdtm-exhaust-stack-boot", "cmdline": "lkdtm=EXHAUST_STACK_BOOT",
     "cpu": "qemu64", "timeout": 30, "expect": "panic",
     "expect_log": [r"BUG: TASK stack guard page was hit at ffffffff8",
                    r"Oops: kernel stack overflow \(double-fault\)",
                    r"CPU: 0 PID: 0 Comm: swapper/0", r"recurse\+0x"]},
    {"name": "lkdtm-stack-guard-leading-4", "cmdline": "lkdtm=STACK_GUARD_PAGE_LEADING",
     "cpu": "qemu64", "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: TASK stack guard page was hit at ffffc900[0-9a-f]{5}fff ",
                    r"Oops: kernel stack overflow \(page fault\)",
                    r"CPU: \d+ PID: 1 Comm: init\r?$",
                    r"RIP: 0010:lkdtm_STACK_GUARD_PAGE_LEADING\+0x"],
     "expect_no_log": [r"FAIL: accessed page before stack"]},
    {"name": "lkdtm-stack-guard-leading-5", "cmdline": "lkdtm=STACK_GUARD_PAGE_LEADING",
     "cpu": "max", "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: TASK stack guard page was hit at ffa00000[0-9a-f]{5}fff ",
                    r"CPU: \d+ PID: 1 Comm: init\r?$",
                    r"RIP: 0010:lkdtm_STACK_GUARD_PAGE_LEADING\+0x"],
     "expect_no_log": [r"FAIL: accessed page before stack"]},
    {"name": "lkdtm-stack-guard-trailing", "cmdline": "lkdtm=STACK_GUARD_PAGE_TRAILING",
     "cpu": "max", "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: unable to handle page fault for address: ffa00000[0-9a-f]{5}000",
                    r"PTE 0 \(not present\)", r"CPU: \d+ PID: 1 Comm: init\r?$",
                    r"RIP: 0010:lkdtm_STACK_GUARD_PAGE_TRAILING\+0x"],
     "expect_no_log": [r"FAIL: accessed page after stack"]},
    # The same recursion in an interrupt handler: on this CPU's IRQ stack,
    # which has its guard page too; the trace walks back to the task stack.
    {"name": "lkdtm-exhaust-irq-stack-4", "cmdline": "lkdtm=EXHAUST_IRQ_STACK",
     "cpu": "qemu64", "smp": 2, "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: IRQ stack guard page was hit at ffffc900",
                    r"Oops: kernel stack overflow \(double-fault\)",
                    r"CPU: \d+ PID: 1 Comm: init\r?$", r"\]  <IRQ>", r"lkdtm_irq_recurse\+0x",
                    r"\]  </IRQ>", r"\]  <TASK>", r"\]  kernel_init\+0x"]},
    {"name": "lkdtm-exhaust-irq-stack-5", "cmdline": "lkdtm=EXHAUST_IRQ_STACK",
     "cpu": "max", "timeout": 60, "expect": "panic",
     "expect_log": [r"BUG: IRQ stack guard page was hit at ffa00000",
                    r"CPU: \d+ PID: 1 Comm: init\r?$", r"\]  </IRQ>", r"\]  <TASK>"]},
    {"name": "lkdtm-bug", "cmdline": "lkdtm=BUG", "cpu": "qemu64",
     "timeout": 30, "expect": "panic",
     "expect_log": [r"kernel BUG at drivers/misc/lkdtm.c:\d+!",
                    r"Kernel panic - not syncing: BUG"]},

    # Bad command-line input: warned about (unknown words go to init), the boot goes on.
    {"name": "bad-cmdline", "cpu": "max", "timeout": 60, "expect": "pass",
     "cmdline": 'ktest=boot.* loglevel=abc bogus_option=1 no5lvl=1 lkdtm=NO_SUCH "quoted arg" possible_cpus=100 preempt=sometimes',
     "expect_log": [r"Malformed early option 'loglevel'",
                    r"Malformed early option 'no5lvl'",
                    r'Unknown kernel command line parameters "bogus_option=1 quoted arg", will be passed to user space',
                    r"lkdtm: unknown crash type 'NO_SUCH'",
                    r"possible_cpus=100 is above NR_CPUS; using 64",
                    r"Malformed kernel command line option 'preempt'",
                    r"5-level paging"]},

    # Small and large memory, both paging modes. At 32 MiB without busybox: the
    # rootfs tmpfs has nr_inodes = half the RAM pages, and busybox's 269 names
    # plus vfs.dcache's 2632 files and directories do not fit (Linux alike).
    {"name": "ktest4-32M", "cmdline": "ktest=all", "initrd": "build/initramfs-nobusybox.cpio", "cpu": "qemu64",
     "mem": "32M", "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging"]},
    {"name": "ktest5-16G", "cmdline": "ktest=all", "cpu": "max",
     "mem": "16G", "timeout": 150, "expect": "pass",
     "expect_log": [r"5-level paging", r"BIOS-e820: \[mem 0x0000000100000000-0x000000043fffffff\] usable"]},
    {"name": "ktest5-32M", "cmdline": "ktest=all", "initrd": "build/initramfs-nobusybox.cpio", "cpu": "max",
     "mem": "32M", "timeout": 150, "expect": "pass",
     "expect_log": [r"5-level paging"]},
    {"name": "ktest4-16G", "cmdline": "ktest=all", "cpu": "qemu64",
     "mem": "16G", "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging"]},

    # SMP: every test with 2 and 4 CPUs, in both paging modes.
    {"name": "ktest4-smp2", "cmdline": "ktest=all", "cpu": "qemu64", "smp": 2,
     "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging", r"smp: Brought up 1 node, 2 CPUs"]},
    {"name": "ktest4-smp4", "cmdline": "ktest=all", "cpu": "qemu64", "smp": 4,
     "timeout": 150, "expect": "pass",
     "expect_log": [r"4-level paging", r"smp: Brought up 1 node, 4 CPUs"]},
    {"name": "ktest5-smp2", "cmdline": "ktest=all", "cpu": "max", "smp": 2,
     "timeout": 150, "expect": "pass",
     "expect_log": [r"5-level paging", r"smp: Brought up 1 node, 2 CPUs"]},
    {"name": "ktest5-smp4", "cmdline": "ktest=all vmstat", "cpu": "max", "smp": 4,
     "timeout": 150, "expect": "pass",
     "expect_log": [r"5-level paging", r"smp: Brought up 1 node, 4 CPUs",
                    r"ACPI: LAPIC \(acpi_id\[0x03\] lapic_id\[0x03\] enabled\)",
                    r"IOAPIC: IRQ 0 -> GSI 2 -> vector 0x30",
                    r"context_switches +\d+ \(\d+ \d+ \d+ \d+\)"]},
    # An AP that answers after the boot CPU gave up (fault injection,
    # docs/smp.md): reported, never online, and it borrows nobody's stack.
    {"name": "smpboot-late-ap-5-smp2", "cmdline": "ktest=smp.* smpboot_delay_ap=1:16000",
     "cpu": "max", "smp": 2, "timeout": 60, "expect": "pass",
     "expect_log": [r"CPU1 failed to report alive state",
                    r"smp: Brought up 1 node, 1 CPU\b"]},
    {"name": "smpboot-late-ap-5-smp4", "cmdline": "ktest=smp.* smpboot_delay_ap=1:16000",
     "cpu": "max", "smp": 4, "timeout": 60, "expect": "pass",
     "expect_log": [r"CPU1 failed to report alive state",
                    r"smp: Brought up 1 node, 3 CPUs"]},
    {"name": "smpboot-late-ap-4-smp2", "cmdline": "ktest=smp.* smpboot_delay_ap=1:16000",
     "cpu": "qemu64", "smp": 2, "timeout": 60, "expect": "pass",
     "expect_log": [r"CPU1 failed to report alive state",
                    r"smp: Brought up 1 node, 1 CPU\b"]},
    {"name": "smpboot-late-ap-4-smp4", "cmdline": "ktest=smp.* smpboot_delay_ap=1:16000",
     "cpu": "qemu64", "smp": 4, "timeout": 60, "expect": "pass",
     "expect_log": [r"CPU1 failed to report alive state",
                    r"smp: Brought up 1 node, 3 CPUs"]},
    {"name": "smp16", "cmdline": "ktest=all", "cpu": "max", "smp": 16,
     "mem": "512M", "timeout": 300, "expect": "pass",
     "expect_log": [r"smp: Brought up 1 node, 16 CPUs"]},

    # Preemption models: the same spinning thread, preempted only under full.
    {"name": "preempt-none", "cmdline": "ktest=sched.* preempt=none", "cpu": "qemu64",
     "smp": 2, "timeout": 90, "expect": "pass",
     "expect_log": [r"Dynamic Preempt: none",
                    r"# preempt=none: the spinning thread on CPU\d+ was NOT preempted"]},
    {"name": "preempt-voluntary", "cmdline": "ktest=sched.* preempt=voluntary", "cpu": "max",
     "smp": 2, "timeout": 90, "expect": "pass",
     "expect_log": [r"Dynamic Preempt: voluntary"]},
    {"name": "preempt-full-smp1", "cmdline": "ktest=sched.*", "cpu": "max",
     "smp": 1, "timeout": 90, "expect": "pass",
     "expect_log": [r"Dynamic Preempt: full",
                    r"# preempt=full: the spinning thread on CPU0 was preempted"]},

    # No ACPI at all: the kernel boots on the boot CPU alone, with a warning.
    {"name": "no-acpi", "cmdline": "ktest=sched.all_cpus*", "cpu": "max",
     "smp": 2, "timeout": 90, "expect": "pass", "extra_qemu": ["-machine", "acpi=off"],
     "expect_log": [r"ACPI: no valid RSDP found; booting on the boot CPU only",
                    r"smp: Brought up 1 node, 1 CPU\b"]},

    # Every test again with the slab debug checks on every cache.
    {"name": "ktest5-slab-debug", "cpu": "max", "mem": "128M", "timeout": 180,
     "smp": 2, "cmdline": "ktest=all slab_debug slabinfo", "expect": "pass",
     "expect_log": [r"slabinfo - version: 2\.1",
                    r"kmalloc-64 +\d+ +\d+ +\d+ +\d+ +\d+ : tunables +0 +0 +0 : slabdata"]},

    # Physical memory bring-up, as the boot log reports it.
    {"name": "mm-bootlog-128M", "cpu": "qemu64", "mem": "128M", "timeout": 60,
     "cmdline": "ktest=mm.page_alloc.zones_match_limits buddyinfo zoneinfo memblock=debug",
     "expect": "pass",
     "expect_log": [r"Memory: \d+K/\d+K available \(\d+K kernel code, \d+K rwdata, \d+K rodata, 0K init, \d+K bss, \d+K reserved, 0K cma-reserved\)",
                    r"MEMBLOCK configuration:",
                    r"memblock_reserve: \[0x0000000000000000-0x0000000000000fff\]",
                    r" reserved\[0x\d+\]\s+\[0x",
                    r"Node 0, zone      DMA( +\d+){11}",
                    r"Node 0, zone    DMA32( +\d+){11}",
                    r"mm: struct page is (\d|[1-5]\d|6[0-4]) bytes",
                    r"Node 0, zone +DMA\r?\n(.*\n)*?.*protection: \(0, [1-9]\d*, [1-9]\d*\)"]},
    {"name": "mm-zones-6G", "cpu": "max", "mem": "6G", "timeout": 60,
     "cmdline": "ktest=mm.* zoneinfo", "expect": "pass",
     "expect_log": [r"Node 0, zone +DMA\r?\n(.*\n)*?.*protection: \(0, [1-9]\d*, [1-9]\d*\)",
                    r"Node 0, zone +DMA32\r?\n(.*\n)*?.*protection: \(0, 0, [1-9]\d*\)",
                    r"Node 0, zone +Normal\r?\n(.*\n)*?.*protection: \(0, 0, 0\)",
                    r"  DMA      \[mem 0x0000000000000000-0x0000000000ffffff\]",
                    r"  DMA32    \[mem 0x0000000001000000-0x00000000ffffffff\]",
                    r"  Normal   \[mem 0x0000000100000000-0x00000001[0-9a-f]{8}\]"]},
]

# ---- the initramfs (issue 9, docs/fs/initramfs.md) ------------------------
# A damaged archive boots on with what was valid: scripts/mkinitramfs.py
# cuts build/initramfs-truncated.cpio in the middle of one file's data and
# breaks the magic of one header of build/initramfs-garbled.cpio; the
# manifest test checks every entry before that one and that none after it
# exists. Without a module the kernel makes default_rootfs()'s directories.
MATRIX += [
    {"name": "initramfs-truncated", "initrd": "build/initramfs-truncated.cpio",
     "cmdline": "ktest=initramfs.* initramfs_test=damaged:test/sizes/size_307200",
     "cpu": "max", "timeout": 60, "expect": "pass",
     "expect_log": [r"Trying to unpack rootfs image as initramfs\.\.\.",
                    r"Initramfs unpacking failed: truncated archive",
                    r"Unpacked \d+ files",
                    r"# initramfs manifest: \d+ entries intact, \d+ absent after the damage at test/sizes/size_307200",
                    r"ok \d+ initramfs_manifest\r?$"]},
    {"name": "initramfs-garbled", "initrd": "build/initramfs-garbled.cpio",
     "cmdline": "ktest=initramfs.* initramfs_test=damaged:test/hard/a",
     "cpu": "qemu64", "timeout": 60, "expect": "pass",
     "expect_log": [r"Initramfs unpacking failed: no cpio magic",
                    r"# initramfs manifest: \d+ entries intact, \d+ absent after the damage at test/hard/a",
                    r"ok \d+ initramfs_manifest\r?$"]},
    {"name": "initramfs-none", "initrd": None,
     "cmdline": "ktest=initramfs.* initramfs_test=none",
     "cpu": "max", "timeout": 60, "expect": "pass",
     "expect_log": [r"ok \d+ initramfs_default_rootfs\r?$"],
     "expect_no_log": [r"Trying to unpack rootfs image", r"Initramfs unpacking failed",
                       r"Freeing initrd memory"]},
]

# ---- lockdep (issue 8: the lock validator) ---------------------------------
# Every in-kernel test under the lock validator on 4 CPUs, with no report;
# then lockdep's own self-tests with their provoked reports printed
# (debug_locks_verbose=1), checked against Linux's wording.
_T = r"\[ *\d+\.\d+\] "    # printk's timestamp at the start of a console line
LOCKDEP_REPORTS = [
    r"WARNING: possible recursive locking detected",
    r"WARNING: possible circular locking dependency detected",
    r"WARNING: inconsistent lock state",
    r"WARNING: bad unlock balance detected!",
    r"WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected",
    r"WARNING: possible irq lock inversion dependency detected",
    r"BUG: spinlock \w[\w ]* on CPU#\d+",
    r"BUG: MAX_\w+ too low!",
    r"turning off the locking correctness validator",
    r"INFO: trying to register non-static key",
    r"DEBUG_LOCKS_WARN_ON",
    r"lockdep bfs error",
]
MATRIX += [
    {"name": "ktest5-smp4-lockdep", "cmdline": "ktest=all lockdep", "cpu": "max",
     "smp": 4, "timeout": 150, "expect": "pass",
     "expect_log": [r"Lock dependency validator: Copyright \(c\) 2006 Red Hat, Inc\., Ingo Molnar",
                    r"\.\.\. MAX_LOCKDEP_ENTRIES: +\d+",
                    r"smp: Brought up 1 node, 4 CPUs",
                    r"ok \d+ lockdep\b"],
     "expect_no_log": LOCKDEP_REPORTS},
    {"name": "lockdep-reports", "cmdline": "ktest=lockdep.* lockdep debug_locks_verbose=1",
     "cpu": "max", "smp": 2, "timeout": 90, "expect": "pass",
     "expect_log": [
         # recursion: the report header and the two locks of one class
         r"^" + _T + r"WARNING: possible recursive locking detected\r?$",
         r"^" + _T + r"-{44}\r?\n" + _T + r"\S+/\d+ is trying to acquire lock:\r?\n" + _T +
         r"[0-9a-f]{16} \(lockdep_test_X\)\{\+\.\}-\{3:3\}, at: lockdep_test_recursive\+0x[0-9a-f]+/0x[0-9a-f]+",
         r"but task is already holding lock:",
         r"May be due to missing lock nesting notation",
         # order: the chain in reverse, both CPUs' table, the 3-class chain
         r"WARNING: possible circular locking dependency detected",
         r"which lock already depends on the new lock\.",
         r"the existing dependency chain \(in reverse order\) is:",
         r"-> #1 \(lockdep_test_B\)\{\+\.\}-\{3:3\}:\r?\n" + _T + r" {7}_raw_spin_lock\+0x",
         r"-> #0 \(lockdep_test_A\)",
         r"Chain exists of:\r?\n" + _T + r"  lockdep_test_D --> lockdep_test_E --> lockdep_test_F",
         r" Possible unsafe locking scenario:",
         r"       CPU0                    CPU1",
         r"  lock\(lockdep_test_mutex_B\);\r?\n" + _T + r" {31}lock\(lockdep_test_mutex_A\);",
         r"\(lockdep_test_mutex_A\)\{\+\.\}-\{4:4\}",
         r" \*\*\* DEADLOCK \*\*\*",
         # hard-irq usage, both directions, with the first usage's stack
         r"WARNING: inconsistent lock state",
         r"inconsistent \{IN-HARDIRQ-W\} -> \{HARDIRQ-ON-W\} usage\.",
         r"inconsistent \{HARDIRQ-ON-W\} -> \{IN-HARDIRQ-W\} usage\.",
         r"\S+/\d+ \[HC1\[1\]:SC0\[0\]:HE0:SE1\] takes:",
         r"\{IN-HARDIRQ-W\} state was registered at:\r?\n" + _T + r"  _raw_spin_lock\+0x[0-9a-f]+/0x[0-9a-f]+\r?\n" +
         _T + r"  lockdep_test_timer_fn\+0x",
         r"apic_timer_interrupt\+0x",
         r"irq event stamp: \d+",
         r"hardirqs last  enabled at \(\d+\): \[<[0-9a-f]{16}>\] \w+\+0x",
         r"hardirqs last disabled at \(\d+\): \[<[0-9a-f]{16}>\] \w+\+0x",
         r"  <Interrupt>\r?\n" + _T + r"    lock\(lockdep_test_irq_lock\);",
         # hard-irq safe -> unsafe through a dependency, found both ways
         r"WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected",
         r"which would create a new lock dependency:\r?\n" + _T +
         r" \(lockdep_test_safe\)\{-\.\}-\{3:3\} -> \(lockdep_test_unsafe\)\{\+\.\}-\{3:3\}",
         r"but this new dependency connects a HARDIRQ-irq-safe lock:",
         r"\.\.\. which became HARDIRQ-irq-unsafe at:",
         r" Possible interrupt unsafe locking scenario:",
         r" {31}local_irq_disable\(\);",
         r"the dependencies between HARDIRQ-irq-safe lock and the holding lock:",
         r"WARNING: possible irq lock inversion dependency detected",
         r"\S+/\d+ just changed the state of lock:",
         r"but this lock took another, HARDIRQ-unsafe lock in the past:",
         r"and interrupts could create inverse lock ordering between them\.",
         r"the shortest dependencies between 2nd lock and 1st lock:",
         r"-> \(lockdep_test_outer\)\{-\.\}-\{3:3\} \{\r?\n" + _T + r"   IN-HARDIRQ-W at:",
         # unlocks
         r"BUG: spinlock wrong owner on CPU#\d+, \S+/\d+",
         r" lock: \S+, \.magic: dead4ead, \.owner: lockdep_holder/\d+, \.owner_cpu: \d+",
         r"WARNING: bad unlock balance detected!",
         r"\S+/\d+ is trying to release lock \(lockdep_test_unbalanced\) at:\r?\n" + _T +
         r"\[<[0-9a-f]{16}>\] bad_unlock_balance_detected\+0x",
         r"but there are no more locks to release!",
         # limits, and the end of every report
         r"BUG: MAX_LOCK_DEPTH too low!\r?\n" + _T + r"turning off the locking correctness validator\.",
         r"48 locks held by \S+/\d+:",
         r"other info that might help us debug this:",
         r"stack backtrace:\r?\n" + _T + r"CPU: \d+ PID: \d+ Comm: \S+\r?\n" + _T + r"Call Trace:",
         r"ok \d+ lockdep\b"]},
]

# ---- the OOM killer (issue 11, docs/mm/overcommit-oom.md) -----------------
# usertests as PID 1 runs its oom_kill case: a child touches more than RAM
# and is killed; Linux's report and kill line are on the console, nobody
# else dies, and no "no killable processes" (which Linux would panic on).
MATRIX += [
    {"name": "oom-kill-smp2", "cmdline": "rdinit=/bin/usertests -- oom_kill overcommit_guess",
     "cpu": "max", "smp": 2, "mem": "128M", "timeout": 120, "expect": "pass",
     "expect_log": [
         r"usertests invoked oom-killer: gfp_mask=0x[0-9a-f]+\((GFP|__GFP)[A-Z_|]*\), order=0, oom_score_adj=0",
         r"Call Trace:", r"Mem-Info:", r"Node 0 DMA32 free:\d+kB",
         r"\[  pid  \]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name",
         r"oom-kill:constraint=CONSTRAINT_NONE,nodemask=\(null\),task=usertests,pid=\d+,uid=0",
         r"Out of memory: Killed process \d+ \(usertests\) total-vm:\d+kB, anon-rss:\d+kB, "
         r"file-rss:\d+kB, shmem-rss:\d+kB, UID:0 pgtables:\d+kB oom_score_adj:0",
         r"ok \d+ oom_kill\r?$", r"ok \d+ overcommit_guess\r?$"],
     "expect_no_log": [r"Out of memory and no killable processes", r"Kernel panic"]},
]

# ---- PID 1 (issue 10, docs/fs/exec.md): which program init/main.c runs ----
# Linux's kernel_init(): rdinit= if it exists, else init=, else /sbin/init,
# /etc/init, /bin/init, /bin/sh; the unknown boot words and everything
# after "--" go to init; a PID 1 that exits is the "Attempted to kill
# init!" panic.
MATRIX += [
    # /sbin/init is busybox init (issue 11), which then waits for Enter on the console.
    {"name": "init-not-executable", "cmdline": "rdinit=/etc/motd", "cpu": "qemu64",
     "timeout": 30, "expect": "timeout",
     "expect_log": [r"Run /etc/motd as init process",
                    r"Failed to execute /etc/motd \(error -13\)",
                    r"Run /sbin/init as init process"],
     "expect_no_log": [r"Run /etc/init as init process", r"Kernel panic"]},
    # No initramfs: none of the fallbacks exists.
    {"name": "init-none-found", "cmdline": "", "initrd": None, "cpu": "max",
     "timeout": 60, "expect": "panic",
     "expect_log": [r"Run /sbin/init as init process",
                    r"Run /bin/sh as init process",
                    r"Kernel panic - not syncing: No working init found\.  Try passing init= option to kernel\."]},
    {"name": "init-requested-missing", "cmdline": "rdinit=/nonexistent init=/nonexistent2",
     "cpu": "max", "timeout": 60, "expect": "panic",
     "expect_log": [r"Run /nonexistent2 as init process",
                    r"Kernel panic - not syncing: Requested init /nonexistent2 failed \(error -2\)\."],
     "expect_no_log": [r"Run /nonexistent as init"]},
    {"name": "init-argv", "cmdline": "rdinit=/usr/lib/linnet/tools/echo -- hello from init", "cpu": "qemu64",
     "timeout": 60, "expect": "panic",
     "expect_log": [r"Run /usr/lib/linnet/tools/echo as init process", r"^hello from init\r?$",
                    r"Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000000"]},
    {"name": "init-envp", "cmdline": "rdinit=/usr/lib/linnet/tools/env FOO=bar mod.x=1 FOO=baz", "cpu": "max",
     "timeout": 60, "expect": "panic",
     "expect_log": [r'Unknown kernel command line parameters "FOO=bar FOO=baz", will be passed to user space\.',
                    r"^HOME=/\r?$", r"^TERM=linux\r?$", r"^FOO=baz\r?$",
                    r"Attempted to kill init! exitcode=0x00000000"],
     "expect_no_log": [r"^FOO=bar\r?$", r"^mod\.x=1\r?$"]},
]

# ---- user space (issue 10, docs/user.md) -----------------------------------
# The "user" KUnit suite (tests/kernel/user_kunit.c) runs the programs of
# user/ from the kernel: the no-libc, musl and glibc report programs, a
# SIGSEGV, a missing program, the user test suite (its cases nest:
# user.usertests.fork_wait, ...) and the seeded fuzzer, each followed by
# the leak check (free pages, tasks, files back to their counts before).
# With 1 and 4 CPUs in both paging modes (done-when 2 and 3).
if True:
    MATRIX += [
        {"name": "user4-smp1", "cmdline": "ktest=user.*", "cpu": "qemu64", "smp": 1,
         "mem": "256M", "timeout": 300, "expect": "pass",
         "expect_log": [r"4-level paging", r"ok \d+ usertests\r?$", r"ok \d+ fuzz\r?$"]},
        {"name": "user4-smp4", "cmdline": "ktest=user.*", "cpu": "qemu64", "smp": 4,
         "mem": "256M", "timeout": 300, "expect": "pass",
         "expect_log": [r"4-level paging", r"smp: Brought up 1 node, 4 CPUs",
                        r"ok \d+ concurrent_cow\r?$"]},
        {"name": "user5-smp1", "cmdline": "ktest=user.*", "cpu": "max", "smp": 1,
         "mem": "256M", "timeout": 300, "expect": "pass",
         "expect_log": [r"5-level paging", r"ok \d+ usertests\r?$"]},
        {"name": "user5-smp4", "cmdline": "ktest=user.*", "cpu": "max", "smp": 4,
         "mem": "256M", "timeout": 300, "expect": "pass",
         "expect_log": [r"5-level paging", r"smp: Brought up 1 node, 4 CPUs",
                        r"ok \d+ concurrent_cow\r?$"]},
    ]

# ---- busybox (issue 11, docs/user.md) --------------------------------------
# Debian's busybox-static in the initramfs. busybox-scripts-*: the
# conformance scripts of tests/busybox/ (run.sh prints KTAP, one case a
# script, each compared in the guest with Linux's output, stored in
# tests/busybox/expected/ by scripts/compare_busybox.py --update). The
# console session (scripts/console_session.py --session busybox) boots the
# default command line as `make run` does and types at the serial console:
# ls /, cat /proc/meminfo, ps, free, echo hi | cat, sleep 100 and ^C, exit,
# poweroff (done-when 1); lsh-console: the same for lsh with init=/bin/lsh.
# init-script-*: a #! script as PID 1 (done-when 3).
BUSYBOX_RUN = "rdinit=/init -- /bin/sh /usr/share/linnet/busybox-tests/run.sh"
MATRIX += [
    {"name": "busybox-scripts-4-smp1", "cmdline": BUSYBOX_RUN, "cpu": "qemu64", "smp": 1,
     "mem": "256M", "timeout": 300, "expect": "pass",
     "expect_log": [r"4-level paging", r"init: /bin/sh exited 0"]},
    {"name": "busybox-scripts-5-smp4", "cmdline": BUSYBOX_RUN, "cpu": "max", "smp": 4,
     "mem": "256M", "timeout": 300, "expect": "pass",
     "expect_log": [r"5-level paging", r"init: /bin/sh exited 0"]},
    {"name": "busybox-console", "cmdline": "", "timeout": 400,
     "command": ["python3", "scripts/console_session.py", "--session", "busybox",
                 "--kernel", "{kernel}", "--initrd", "build/initramfs.cpio",
                 "--smp", "2", "--timeout", "90", "--log", "{log}"]},
    # The fallback shell: init=/bin/lsh, /init hands over to it (issue 10's session).
    {"name": "lsh-console", "cmdline": "", "timeout": 300,
     "command": ["python3", "scripts/console_session.py", "--session", "lsh",
                 "--kernel", "{kernel}", "--initrd", "build/initramfs.cpio",
                 "--cmdline", "init=/bin/lsh", "--timeout", "90", "--log", "{log}"]},
    {"name": "init-script-rdinit", "cmdline": "rdinit=/etc/init-test.sh", "cpu": "max",
     "smp": 2, "timeout": 120, "expect": "pass",
     "expect_log": [r"Run /etc/init-test.sh as init process", r"# init-test: reached the end"]},
    {"name": "init-script-init", "cmdline": "init=/etc/init-test.sh", "cpu": "qemu64",
     "smp": 1, "timeout": 120, "expect": "pass",
     "expect_log": [r"Run /init as init process",
                    r"init: init=/etc/init-test\.sh: running it as PID 1",
                    r"# init-test: reached the end"]},
]
