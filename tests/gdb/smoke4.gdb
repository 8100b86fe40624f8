# SPDX-License-Identifier: GPL-2.0
#
# tests/gdb/smoke4.gdb - GDB smoke test, 4-level paging (-cpu qemu64 has no
# LA57): the same walk as smoke.gdb, where the P4D level is folded into the
# PGD and 0x0000800000000000 is not canonical; then a printk ring buffer
# that wraps, which no ordinary boot fills. See smoke.gdb for how
# scripts/run_tests.py runs this file.
#
# cpu: qemu64
# cmdline: ktest=all
# timeout: 90

source scripts/gdb/linnet.gdb
# expect: ^Linnet GDB helpers: lx-dmesg, lx-cmdline, lx-version, lx-paging, lx-e820, translate-va

# --- 1. At the reset vector: paging is off, the helpers must refuse clearly.
python
for cmd in ("lx-paging", "lx-e820", "lx-cmdline"):
    try:
        gdb.execute(cmd, to_string=True)
        print("reset: %s: no error" % cmd)
    except gdb.error as e:
        print("reset: %s: error: %s" % (cmd, e))
end
# expect: ^reset: lx-paging: error: paging is off \(CR0=0x[0-9a-f]+\)
# expect: ^reset: lx-e820: error: cannot read `\*e820_table`: its address is not mapped yet
# expect: ^reset: lx-cmdline: error: cannot read boot_command_line: not mapped yet

# --- 2. The first C function.
break x86_64_start_kernel
continue
# expect: ^Breakpoint 1, x86_64_start_kernel \(magic=920085129, mbi_phys=\d+\) at kernel/head64\.c:\d+
bt
# expect: ^#0  x86_64_start_kernel \(magic=920085129, mbi_phys=\d+\) at kernel/head64\.c:\d+$
# expect: ^#1  0x[0-9a-f]{16} in startup_64 \(\) at boot/head_64\.S:\d+$
printf "magic=%#x l5=%u\n", magic, __pgtable_l5_enabled
# expect: ^magic=0x36d76289 l5=0$
next
printf "after setup_paging_mode: pgdir_shift=%u ptrs_per_p4d=%u page_offset_base=%#lx\n", pgdir_shift, ptrs_per_p4d, page_offset_base
# expect: ^after setup_paging_mode: pgdir_shift=39 ptrs_per_p4d=1 page_offset_base=0xffff888000000000$
# Nothing copied or logged yet.
python
print("early cmdline: [%s]" % gdb.execute("lx-cmdline", to_string=True).strip())
try:
    gdb.execute("lx-e820", to_string=True)
    print("early lx-e820: no error")
except gdb.error as e:
    print("early lx-e820: error: %s" % e)
end
# expect: ^early cmdline: \[\]$
# expect: ^early lx-e820: error: e820_table is empty: e820__memory_setup\(\) \(from setup_arch\(\)\) has not run yet$
lx-paging
# expect: ^CR3:\s+0x[0-9a-f]+ \(early page tables, boot/head_64\.S\)$
# expect: ^CR0\.WP=0 CR4\.LA57=0 EFER\.NX=1$
translate-va _text
# expect: ^  PGD\[511\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW (A )?-> PUD table at 0x[0-9a-f]{16}  \(P4D folded: the PGD entry is the P4D entry\)$
# expect: ^  PMD\[  0\] at phys 0x[0-9a-f]{16} = 0x00000000000000[ae]3  P RW A (D )?PS -> 2M page at 0x0000000000000000$
# expect: ^=> 0xffffffff80100000 -> phys 0x0000000000100000 \(2M page: kernel-only, writable, executable\)$

# --- 3. Just before the in-kernel tests run.
break kunit_run_tests
continue
# expect: ^Breakpoint 2, kunit_run_tests \(glob=0x[0-9a-f]+ .*\) at lib/kunit/test\.c:\d+$
lx-dmesg
# expect: ^\[    0\.\d{6}\] Linnet version 0\.1\.0 \(gcc [^)]+\) #1 x86_64$
# expect: ^\[\s+\d+\.\d{6}\] x86/mm: 4-level paging, PAGE_OFFSET 0xffff888000000000, 48-bit virtual addresses$
# expect: ^\[\s+\d+\.\d{6}\] Kernel command line: ktest=all$
lx-cmdline
# expect: ^ktest=all$
lx-version
# expect: ^Linnet version 0\.1\.0 \(gcc [^)]+\) #1 x86_64$
lx-paging
# expect: ^paging:\s+4-level \(__pgtable_l5_enabled=0\), 48-bit virtual addresses$
# expect: ^page_offset_base: 0xffff888000000000$
# expect: ^pgdir_shift:\s+39$
# expect: ^ptrs_per_p4d:\s+1 \(p4d folded into pgd\)$
# expect: ^CR3:\s+0x[0-9a-f]+ \(init_top_pgt, mm/init_64\.c\)$
# expect: ^CR0\.WP=1 CR4\.LA57=0 EFER\.NX=1$
lx-e820
# expect: ^e820: \[mem 0x0000000000000000-0x000000000009fbff\] usable$
# expect: ^e820: \[mem 0x0000000000100000-0x0000000007fdffff\] usable$
# expect: ^\d+ entries, 130559 KiB usable \(127\.5 MiB\)$
lx-e820 --boot
# expect: ^BIOS-e820: \[mem 0x0000000000100000-0x0000000007fdffff\] usable$

# Kernel text: four levels (no P4D line), a read-only executable 4K page.
python
out = gdb.execute("translate-va start_kernel", to_string=True)
gdb.write(out)
va = int(gdb.parse_and_eval("(unsigned long)&start_kernel"))
want = ("=> 0x%016x -> phys 0x%016x (4K page: kernel-only, read-only, "
        "executable, global)" % (va, va - 0xffffffff80000000))
print("check translate-va start_kernel: %s"
      % ("ok" if want in out else "MISMATCH, wanted: " + want))
print("check no P4D level: %s" % ("ok" if "P4D[" not in out else "P4D line"))
end
# expect: ^translate-va 0xffffffff80[0-9a-f]{6}: 4-level paging, CR3 0x[0-9a-f]+ \(PGD at phys 0x[0-9a-f]+\)$
# expect: ^  PGD\[511\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> PUD table at 0x[0-9a-f]{16}  \(P4D folded: the PGD entry is the P4D entry\)$
# expect: ^  PUD\[510\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> PMD table at 0x[0-9a-f]{16}$
# expect: ^  PTE\[\s*\d+\] at phys 0x[0-9a-f]{16} = 0x0000000000[0-9a-f]{6}  P (A )?G -> 4K page at 0x0000000000[0-9a-f]{3}000$
# expect: ^check translate-va start_kernel: ok$
# expect: ^check no P4D level: ok$

# Read-only data through init_top_pgt (--kernel): not writable, no-execute.
translate-va --kernel linux_banner
# expect: ^translate-va 0xffffffff80[0-9a-f]{6}: 4-level paging, init_top_pgt \(PGD at phys 0x[0-9a-f]+\)$
# expect: ^=> 0xffffffff80[0-9a-f]{6} -> phys 0x0000000000[0-9a-f]{6} \(4K page: kernel-only, read-only, no-execute, global\)$

# The direct map: 2M pages, writable, never executable.
translate-va page_offset_base + 0x400123
# expect: ^  PGD\[273\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> PUD table
# expect: ^  PMD\[  2\] at phys 0x[0-9a-f]{16} = 0x80000000004001e3  P RW A D PS G NX -> 2M page at 0x0000000000400000$
# expect: ^=> 0xffff888000400123 -> phys 0x0000000000400123 \(2M page: kernel-only, writable, no-execute, global\)$

# Holes, and an address that is not canonical with 48-bit addresses.
translate-va boot_stack_guard
# expect: ^=> 0xffffffff80[0-9a-f]{3}000 is not mapped: the PTE entry is not present \(an access would #PF\)$
python
try:
    gdb.execute("translate-va 0x0000800000000000", to_string=True)
    print("non-canonical: no error")
except gdb.error as e:
    print("non-canonical: error: %s" % e)
end
# expect: ^non-canonical: error: 0x0000800000000000 is not canonical with 4-level paging: bits 63\.\.47 must all equal bit 47

# --- 4. A ring buffer that wraps. Restart the log in a 512-byte buffer and
# have the kernel's own printk() fill it 40 times over (gdb calls it); the
# kernel's log_store() drops the oldest records and writes the wrap
# markers. lx-dmesg must then show exactly the newest records, in order.
# (A format string cannot be a literal here: gdb would need a malloc() in
# the kernel to place it, so it goes into the unused part of __log_buf.)
set var log_first_idx = 0
set var log_next_idx = 0
set var log_first_seq = log_next_seq
set var log_buf_len = 512
set var $fmt = log_buf + 0x8000
set {char[24]} $fmt = "gdb wrap line %03d\n"
set var $i = 0
while $i < 40
  call (void)printk($fmt, $i)
  set var $i = $i + 1
end
python
out = gdb.execute("lx-dmesg", to_string=True)
gdb.write(out)
first = int(gdb.parse_and_eval("log_first_idx"))
nxt = int(gdb.parse_and_eval("log_next_idx"))
n = int(gdb.parse_and_eval("log_next_seq - log_first_seq"))
got = [l.split("] ", 1)[-1] for l in out.splitlines()]
want = ["gdb wrap line %03d" % i for i in range(40 - n, 40)]
ok = got == want and 0 < n < 40 and first > nxt
print("check lx-dmesg wrap: %s (%d records, log_first_idx %d, log_next_idx %d)"
      % ("ok" if ok else "MISMATCH", n, first, nxt))
end
# expect: ^\[\s+\d+\.\d{6}\] gdb wrap line 039$
# expect: ^check lx-dmesg wrap: ok \(\d+ records, log_first_idx \d+, log_next_idx \d+\)$

# Timestamps: give the newest record (40 bytes) a known one. Then a line
# in two records, the second a KERN_CONT ("\001c") continuation: one line.
set var ((struct printk_log *)(log_buf + log_next_idx - 40))->ts_nsec = 12345678901234
set {char[16]} ($fmt + 32) = "gdb cont head"
set {char[16]} ($fmt + 64) = "\001c+tail\n"
call (void)printk($fmt + 32)
call (void)printk($fmt + 64)
lx-dmesg
# expect: ^\[12345\.678901\] gdb wrap line 039$
# expect: ^\[\s+\d+\.\d{6}\] gdb cont head\+tail$

echo smoke4: done\n
# expect: ^smoke4: done$
kill
