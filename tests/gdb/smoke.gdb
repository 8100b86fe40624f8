# SPDX-License-Identifier: GPL-2.0
#
# tests/gdb/smoke.gdb - GDB smoke test, 5-level paging (-cpu max has LA57).
#
# scripts/run_tests.py boots QEMU halted (-S -gdb), runs
#   gdb -q -batch -nx -ex "set confirm off" -ex "target remote ..." \
#       -x tests/gdb/smoke.gdb build/kernel.elf
# from the repo root and checks every "# expect:" regex (re.MULTILINE)
# against gdb's output. An error in any command ends the script, so the
# expectations after it fail: nothing here may error unless caught.
# tests/gdb/smoke4.gdb is the same walk with 4-level paging.
#
# cpu: max
# cmdline: loglevel=7 gdbsmoke
# timeout: 90

source scripts/gdb/linnet.gdb
# expect: ^Linnet GDB helpers: lx-dmesg, lx-cmdline, lx-version, lx-paging, lx-e820, translate-va

# --- 1. At the reset vector: paging is off, the helpers must refuse clearly.
python
for cmd in ("lx-paging", "lx-dmesg", "translate-va start_kernel"):
    try:
        gdb.execute(cmd, to_string=True)
        print("reset: %s: no error" % cmd)
    except gdb.error as e:
        print("reset: %s: error: %s" % (cmd, e))
end
# expect: ^reset: lx-paging: error: paging is off \(CR0=0x[0-9a-f]+\): the CPU is still in the 32-bit boot code
# expect: ^reset: lx-dmesg: error: cannot read `\(unsigned long\)log_buf`: its address is not mapped yet
# expect: ^reset: translate-va start_kernel: error: paging is off

# --- 2. The first C function: the backtrace and early kernel variables.
break x86_64_start_kernel
continue
# expect: ^Breakpoint 1, x86_64_start_kernel \(magic=920085129, mbi_phys=\d+\) at kernel/head64\.c:\d+
bt
# expect: ^#0  x86_64_start_kernel \(magic=920085129, mbi_phys=\d+\) at kernel/head64\.c:\d+$
# expect: ^#1  0x[0-9a-f]{16} in startup_64 \(\) at boot/head_64\.S:\d+$
printf "magic=%#x l5=%u\n", magic, __pgtable_l5_enabled
# expect: ^magic=0x36d76289 l5=1$
# setup_paging_mode() has not run: 4-level defaults, and translate-va says so.
printf "before setup_paging_mode: pgdir_shift=%u page_offset_base=%#lx\n", pgdir_shift, page_offset_base
# expect: ^before setup_paging_mode: pgdir_shift=39 page_offset_base=0xffff888000000000$
python
try:
    gdb.execute("translate-va start_kernel", to_string=True)
    print("early translate-va: no error")
except gdb.error as e:
    print("early translate-va: error: %s" % e)
end
# expect: ^early translate-va: error: __pgtable_l5_enabled says 5-level paging but .*setup_paging_mode\(\) .*has not run yet
next
printf "after setup_paging_mode: pgdir_shift=%u ptrs_per_p4d=%u page_offset_base=%#lx\n", pgdir_shift, ptrs_per_p4d, page_offset_base
# expect: ^after setup_paging_mode: pgdir_shift=48 ptrs_per_p4d=512 page_offset_base=0xff11000000000000$
lx-paging
# expect: ^CR3:\s+0x[0-9a-f]+ \(early page tables, boot/head_64\.S\)$
# expect: ^CR0\.WP=0 CR4\.LA57=1 EFER\.NX=1$
# The early tables map the kernel with writable, executable 2M pages.
translate-va _text
# expect: ^  PMD\[  0\] at phys 0x[0-9a-f]{16} = 0x00000000000000[ae]3  P RW A (D )?PS -> 2M page at 0x0000000000000000$
# expect: ^=> 0xffffffff80100000 -> phys 0x0000000000100000 \(2M page: kernel-only, writable, executable\)$

# --- 3. After setup_arch(): kernel page tables, the log, the memory map.
break parse_boot_params
continue
# expect: ^Breakpoint 2, parse_boot_params \(\) at kernel/params\.c:\d+
bt
# expect: ^#1  0x[0-9a-f]{16} in start_kernel \(\) at init/main\.c:\d+$
# expect: ^#2  0x[0-9a-f]{16} in x86_64_start_kernel \(magic=920085129, mbi_phys=\d+\) at kernel/head64\.c:\d+$
lx-dmesg
# expect: ^\[    0\.\d{6}\] Linnet version 0\.1\.0 \(gcc [^)]+\) #1 x86_64$
# expect: ^\[\s+\d+\.\d{6}\] Command line: loglevel=7 gdbsmoke$
# expect: ^\[\s+\d+\.\d{6}\] x86/mm: 5-level paging, PAGE_OFFSET 0xff11000000000000, 57-bit virtual addresses$
# expect: ^\[\s+\d+\.\d{6}\] Kernel command line: loglevel=7 gdbsmoke$
lx-dmesg -r
# expect: ^<5>\[    0\.\d{6}\] Linnet version 0\.1\.0
# expect: ^<6>\[\s+\d+\.\d{6}\] x86/mm: 5-level paging
lx-cmdline
# expect: ^loglevel=7 gdbsmoke$
lx-version
# expect: ^Linnet version 0\.1\.0 \(gcc [^)]+\) #1 x86_64$
lx-paging
# expect: ^paging:\s+5-level \(__pgtable_l5_enabled=1\), 57-bit virtual addresses$
# expect: ^page_offset_base: 0xff11000000000000$
# expect: ^pgdir_shift:\s+48$
# expect: ^ptrs_per_p4d:\s+512$
# expect: ^CR3:\s+0x[0-9a-f]+ \(init_top_pgt, mm/init_64\.c\)$
# expect: ^CR0\.WP=1 CR4\.LA57=1 EFER\.NX=1$
lx-e820
# expect: ^e820: \[mem 0x0000000000000000-0x000000000009fbff\] usable$
# expect: ^e820: \[mem 0x0000000000100000-0x0000000007fdffff\] usable$
# expect: ^\d+ entries, 130559 KiB usable \(127\.5 MiB\)$

# Kernel text: five levels (P4D is real), a read-only executable 4K page.
python
out = gdb.execute("translate-va start_kernel", to_string=True)
gdb.write(out)
va = int(gdb.parse_and_eval("(unsigned long)&start_kernel"))
want = ("=> 0x%016x -> phys 0x%016x (4K page: kernel-only, read-only, "
        "executable, global)" % (va, va - 0xffffffff80000000))
print("check translate-va start_kernel: %s"
      % ("ok" if want in out else "MISMATCH, wanted: " + want))
end
# expect: ^translate-va 0xffffffff80[0-9a-f]{6}: 5-level paging, CR3 0x[0-9a-f]+ \(PGD at phys 0x[0-9a-f]+\)$
# expect: ^  PGD\[511\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> P4D table at 0x[0-9a-f]{16}$
# expect: ^  P4D\[511\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> PUD table at 0x[0-9a-f]{16}$
# expect: ^  PUD\[510\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> PMD table at 0x[0-9a-f]{16}$
# expect: ^  PTE\[\s*\d+\] at phys 0x[0-9a-f]{16} = 0x0000000000[0-9a-f]{6}  P (A )?G -> 4K page at 0x0000000000[0-9a-f]{3}000$
# expect: ^check translate-va start_kernel: ok$

# The direct map: writable, never executable, 2M pages where aligned.
translate-va page_offset_base + 0x400123
# expect: ^  PGD\[273\] at phys 0x[0-9a-f]{16} = 0x[0-9a-f]{16}  P RW A D -> P4D table
# expect: ^  PMD\[  2\] at phys 0x[0-9a-f]{16} = 0x80000000004001e3  P RW A D PS G NX -> 2M page at 0x0000000000400000$
# expect: ^=> 0xff11000000400123 -> phys 0x0000000000400123 \(2M page: kernel-only, writable, no-execute, global\)$

# Holes: the boot stack's guard page, NULL (identity map gone). With 57-bit
# addresses 0x0000800000000000 is canonical, merely unmapped.
translate-va boot_stack_guard
# expect: ^  PTE\[\s*\d+\] at phys 0x[0-9a-f]{16} = 0x0000000000000000  not present$
# expect: ^=> 0xffffffff80[0-9a-f]{3}000 is not mapped: the PTE entry is not present \(an access would #PF\)$
translate-va 0
# expect: ^=> 0x0000000000000000 is not mapped: the PGD entry is not present
translate-va 0x0000800000000000
# expect: ^=> 0x0000800000000000 is not mapped: the PGD entry is not present

echo smoke: done\n
# expect: ^smoke: done$
kill
