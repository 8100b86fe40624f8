# SPDX-License-Identifier: GPL-2.0
#
# linnet.py - GDB commands that understand Linnet's data structures.
#
# Linux ships the same kind of helpers in scripts/gdb/ (vmlinux-gdb.py
# loads scripts/gdb/linux/*.py): lx-dmesg (dmesg.py), lx-cmdline
# (proc.py), translate-va (pgtable.py), lx-version, ... Ours are one file,
# loaded by scripts/gdb/linnet.gdb (`make gdb` does that):
#
#   lx-dmesg [-r]          the printk ring buffer, as dmesg prints it
#   lx-cmdline             the kernel command line
#   lx-version             the banner (linux_banner)
#   lx-paging              4- or 5-level paging, page_offset_base, CR3
#   lx-e820 [--boot]       the firmware memory map (sanitized e820_table)
#   translate-va [--kernel] ADDR
#                          walk the page tables for a virtual address
#   lx-ps                  every task: PID, CPU, state, comm (task_list)
#   lx-cpus                each CPU: online, APIC id, per-CPU offset,
#                          current task, run queue, preempt_count
#   lx-buddyinfo [-v]      free blocks per zone and order (/proc/buddyinfo)
#   lx-slabinfo [-v]       the slab caches (/proc/slabinfo)
#   lx-vmstat [-n N]       per-CPU event counters, busiest IRQ vectors
#   $lx_per_cpu("VAR"[, CPU])  a per-CPU variable's copy on one CPU
#   $lx_current([CPU])     the task running on a CPU
#   $lx_task_by_pid(PID)   the task with a PID
#
# Everything is read from the stopped target with plain GDB memory reads,
# so a command works wherever the CPU happens to be stopped, as long as
# the kernel has got far enough in its boot for the data to exist: each
# command checks that and says what is missing (gdb.GdbError) rather than
# printing garbage. gdb 13, its embedded Python 3; standard library only.

import struct

import gdb

MASK64 = (1 << 64) - 1

# include/asm/page.h, pgtable_types.h, processor-flags.h
START_KERNEL_MAP = 0xffffffff80000000
PAGE_OFFSET_BASE_L4 = 0xffff888000000000
PAGE_OFFSET_BASE_L5 = 0xff11000000000000
PGDIR_SHIFT_L4, PGDIR_SHIFT_L5 = 39, 48
P4D_SHIFT, PUD_SHIFT, PMD_SHIFT, PAGE_SHIFT = 39, 30, 21, 12
PTE_PFN_MASK = 0x000ffffffffff000
X86_CR0_WP = 1 << 16
X86_CR0_PG = 1 << 31
X86_CR4_LA57 = 1 << 12
EFER_NX = 1 << 11

# (bit, name) of a page-table entry, in Linux's _PAGE_BIT_* order.
PTE_FLAGS = [(0, "P"), (1, "RW"), (2, "US"), (3, "PWT"), (4, "PCD"),
             (5, "A"), (6, "D"), (7, "PS"), (8, "G"), (63, "NX")]
_PAGE_PRESENT, _PAGE_RW, _PAGE_USER, _PAGE_PSE, _PAGE_GLOBAL = 1, 2, 4, 0x80, 0x100
_PAGE_NX = 1 << 63
_PAGE_PAT_LARGE = 1 << 12       # PAT bit of a 2M/1G leaf

# kernel/printk.c
LOG_NEWLINE, LOG_CONT = 2, 8

# include/asm/e820.h and e820_type_name() in kernel/e820.c
E820_MAX_ENTRIES = 128
E820_NAMES = {1: "usable", 2: "reserved", 3: "ACPI data", 4: "ACPI NVS",
              5: "unusable", 7: "persistent"}

COMMANDS = ("lx-dmesg", "lx-cmdline", "lx-version", "lx-paging", "lx-e820",
            "translate-va", "lx-ps", "lx-cpus", "lx-buddyinfo", "lx-slabinfo",
            "lx-vmstat")

# --------------------------------------------------------------- helpers ----


def require_target():
    """Values read without a live target come from the ELF file: refuse."""
    if gdb.selected_thread() is None:
        raise gdb.GdbError("no running target: start QEMU with `make debug` "
                           "and attach with `make gdb` (target remote)")


def value(expr):
    """Evaluate a kernel expression; turn GDB's errors into clear ones."""
    try:
        return gdb.parse_and_eval(expr)
    except gdb.MemoryError:
        raise gdb.GdbError(
            "cannot read `%s`: its address is not mapped yet. The kernel "
            "runs in the higher half only from startup_64 on; break at "
            "x86_64_start_kernel or later." % expr)
    except gdb.error as e:
        raise gdb.GdbError("cannot evaluate `%s`: %s" % (expr, e))


def ival(expr):
    v = value(expr)
    try:
        return int(v) & MASK64
    except gdb.MemoryError:
        raise gdb.GdbError("cannot read `%s` from the target" % expr)


def register(name):
    require_target()
    try:
        v = gdb.parse_and_eval("$" + name)
    except gdb.error as e:
        raise gdb.GdbError("cannot read $%s: %s" % (name, e))
    if v.type.code == gdb.TYPE_CODE_VOID:
        raise gdb.GdbError("the target does not report $%s (QEMU's gdbstub "
                           "does; a plain gdbserver does not)" % name)
    return int(v) & MASK64


def read_bytes(addr, size):
    try:
        return gdb.selected_inferior().read_memory(addr, size).tobytes()
    except gdb.MemoryError:
        return None


def read_u64(addr):
    b = read_bytes(addr, 8)
    return None if b is None else struct.unpack("<Q", b)[0]


def to_address(expr):
    """An address from an expression: a number, a pointer, or a symbol
    (functions and arrays stand for their address, as with `x`)."""
    try:
        v = gdb.parse_and_eval(expr)
    except gdb.error as e:
        if "unknown type" not in str(e):    # an assembly label: take &label
            raise gdb.GdbError("cannot evaluate `%s`: %s" % (expr, e))
        v = value("&(%s)" % expr)
    code = v.type.strip_typedefs().code
    if code in (gdb.TYPE_CODE_FUNC, gdb.TYPE_CODE_ARRAY):
        v = v.address
    try:
        return int(v) & MASK64
    except (gdb.error, ValueError, TypeError) as e:
        raise gdb.GdbError("`%s` is not an address: %s" % (expr, e))


class Paging:
    """The paging state: control registers and the kernel's mode variables
    (mm/init_64.c, boot/head_64.S)."""

    def __init__(self):
        require_target()
        self.cr0 = register("cr0")
        self.cr3 = register("cr3")
        self.cr4 = register("cr4")
        try:
            self.efer = register("efer")
        except gdb.GdbError:
            self.efer = None
        if not self.cr0 & X86_CR0_PG:
            raise gdb.GdbError(
                "paging is off (CR0=%#x): the CPU is still in the 32-bit "
                "boot code (boot/head_64.S, startup_32), where the kernel's "
                "higher-half variables cannot be read; break at "
                "x86_64_start_kernel or later" % self.cr0)
        self.l5 = bool(ival("__pgtable_l5_enabled"))
        self.page_offset_base = ival("page_offset_base")
        self.pgdir_shift = ival("pgdir_shift")
        self.ptrs_per_p4d = ival("ptrs_per_p4d")
        self.levels = 5 if self.l5 else 4
        want = ((PAGE_OFFSET_BASE_L5, PGDIR_SHIFT_L5, 512) if self.l5 else
                (PAGE_OFFSET_BASE_L4, PGDIR_SHIFT_L4, 1))
        self.ready = want == (self.page_offset_base, self.pgdir_shift,
                              self.ptrs_per_p4d)
        self.hw_l5 = bool(self.cr4 & X86_CR4_LA57)

    def not_ready_reason(self):
        if self.hw_l5 != self.l5:
            return ("CR4.LA57 is %d but __pgtable_l5_enabled is %d: the "
                    "boot code and the CPU disagree about the paging mode"
                    % (self.hw_l5, self.l5))
        if not self.ready:
            return ("__pgtable_l5_enabled says %d-level paging but "
                    "page_offset_base/pgdir_shift/ptrs_per_p4d still hold "
                    "their 4-level defaults: setup_paging_mode() (the first "
                    "call in x86_64_start_kernel) has not run yet"
                    % self.levels)
        return None

    def require_ready(self):
        why = self.not_ready_reason()
        if why:
            raise gdb.GdbError(why)

    def pa_of(self, va):
        """__pa() of a kernel pointer (direct map or kernel image)."""
        if va >= START_KERNEL_MAP:
            return va - START_KERNEL_MAP
        return (va - self.page_offset_base) & MASK64

    def cr3_owner(self):
        top = self.cr3 & PTE_PFN_MASK
        init_top = ival("init_top_pgt")
        if init_top and self.pa_of(init_top) == top:
            return "init_top_pgt, mm/init_64.c"
        try:
            early = int(gdb.parse_and_eval("(unsigned int)early_top_pgt_pa"))
        except gdb.error:
            early = None
        if early is not None and early == top:
            return "early page tables, boot/head_64.S"
        return None


def hexs(x):
    return "0x%016x" % x

# ------------------------------------------------------------- lx-dmesg ----


def printk_log_layout():
    """Offsets in struct printk_log from the debug info, with the classic
    layout of kernel/printk.c as the fallback."""
    lay = {"ts_nsec": (0, 64), "len": (64, 16), "text_len": (80, 16),
           "flags": (104, 5), "level": (109, 3), "size": 16}
    try:
        t = gdb.lookup_type("struct printk_log")
    except gdb.error:
        return lay
    for f in t.fields():
        if f.name in lay:
            bits = f.bitsize or f.type.sizeof * 8
            lay[f.name] = (f.bitpos, bits)
    lay["size"] = t.sizeof
    return lay


def get_field(rec, lay, name):
    pos, bits = lay[name]
    nbytes = (pos % 8 + bits + 7) // 8
    raw = int.from_bytes(rec[pos // 8:pos // 8 + nbytes], "little")
    return (raw >> (pos % 8)) & ((1 << bits) - 1)


class LxDmesg(gdb.Command):
    """Print the kernel log buffer, as dmesg does.

Usage: lx-dmesg [-r]

Walks the printk ring buffer (log_buf, log_buf_len) from log_first_idx /
log_first_seq to log_next_seq, record by record (struct printk_log: a
header, then the text; a record of length 0 marks the wrap to index 0),
and prints each as "[    0.123456] text", the console's format.
Continuation records (KERN_CONT) join the line before, as on the console.
All levels are printed, whatever console_loglevel says.
-r prefixes each line with its raw level, "<6>", like dmesg -r.

Linux: lx-dmesg in scripts/gdb/linux/dmesg.py (this is its pre-5.10
version, for the classic record layout)."""

    def __init__(self):
        super().__init__("lx-dmesg", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        raw = False
        for a in args:
            if a in ("-r", "--raw"):
                raw = True
            else:
                raise gdb.GdbError("usage: lx-dmesg [-r]")
        require_target()
        buf = ival("(unsigned long)log_buf")
        size = ival("log_buf_len")
        first_idx, next_idx = ival("log_first_idx"), ival("log_next_idx")
        first_seq, next_seq = ival("log_first_seq"), ival("log_next_seq")
        if not buf or not size:
            raise gdb.GdbError("log_buf is not set up (log_buf=%#x, "
                               "log_buf_len=%d)" % (buf, size))
        data = read_bytes(buf, size)
        if data is None:
            raise gdb.GdbError("cannot read log_buf at %#x (%d bytes)"
                               % (buf, size))
        gdb.write(self.format(data, printk_log_layout(), first_idx, next_idx,
                              first_seq, next_seq, raw))

    @staticmethod
    def format(data, lay, idx, next_idx, seq, next_seq, raw):
        hdr, size = lay["size"], len(data)
        out, line_open, wrapped = [], False, False
        while seq < next_seq:
            if idx + hdr > size:
                out.append("lx-dmesg: record %d: index %d beyond log_buf_len "
                           "%d; log buffer corrupted\n" % (seq, idx, size))
                line_open = False
                break
            rec = data[idx:idx + hdr]
            length = get_field(rec, lay, "len")
            if length == 0:                 # wrap marker
                if wrapped or idx == 0:
                    out.append("lx-dmesg: second wrap marker at index %d; "
                               "log buffer corrupted\n" % idx)
                    line_open = False
                    break
                wrapped, idx = True, 0
                continue
            text_len = get_field(rec, lay, "text_len")
            if length < hdr or idx + length > size or hdr + text_len > length:
                out.append("lx-dmesg: record %d at index %d has len %d, "
                           "text_len %d; log buffer corrupted\n"
                           % (seq, idx, length, text_len))
                line_open = False
                break
            ts = get_field(rec, lay, "ts_nsec")
            flags = get_field(rec, lay, "flags")
            level = get_field(rec, lay, "level")
            text = data[idx + hdr:idx + hdr + text_len].decode(
                "utf-8", errors="replace")
            # console_emit() in kernel/printk.c, minus the loglevel filter
            if not (flags & LOG_CONT) or not line_open:
                if line_open:
                    out.append("\n")
                prefix = "[%5d.%06d] " % (ts // 1000000000,
                                          ts % 1000000000 // 1000)
                out.append(("<%d>" % level if raw else "") + prefix)
            out.append(text)
            line_open = not (flags & LOG_NEWLINE)
            if not line_open:
                out.append("\n")
            idx += length
            seq += 1
        if line_open:
            out.append("\n")
        if seq == next_seq and idx != next_idx:
            out.append("lx-dmesg: walk ended at index %d but log_next_idx is "
                       "%d\n" % (idx, next_idx))
        return "".join(out)

# ----------------------------------------------- lx-cmdline, lx-version ----


class LxCmdline(gdb.Command):
    """Print the kernel command line (boot_command_line).

Usage: lx-cmdline

x86_64_start_kernel() copies it from the multiboot2 boot information
before start_kernel(); earlier it is empty.
Linux: lx-cmdline in scripts/gdb/linux/proc.py (like cat /proc/cmdline)."""

    def __init__(self):
        super().__init__("lx-cmdline", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        require_target()
        try:
            s = value("boot_command_line").string(errors="replace")
        except gdb.MemoryError:
            raise gdb.GdbError("cannot read boot_command_line: not mapped "
                               "yet; break at x86_64_start_kernel or later")
        gdb.write(s + "\n")


class LxVersion(gdb.Command):
    """Print the kernel's version banner (linux_banner).

Usage: lx-version

Linux: lx-version in scripts/gdb/linux/utils.py (like cat /proc/version)."""

    def __init__(self):
        super().__init__("lx-version", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        require_target()
        try:
            s = value("linux_banner").string(errors="replace")
        except gdb.MemoryError:
            raise gdb.GdbError("cannot read linux_banner: not mapped yet; "
                               "break at x86_64_start_kernel or later")
        gdb.write(s if s.endswith("\n") else s + "\n")

# ------------------------------------------------------------ lx-paging ----


class LxPaging(gdb.Command):
    """Print the paging mode and the variables that depend on it.

Usage: lx-paging

Shows 4- or 5-level paging (__pgtable_l5_enabled, decided by the boot
code from CPUID and "no5lvl"), page_offset_base (start of the direct
map), pgdir_shift, ptrs_per_p4d (1: the p4d level is folded), CR3 and
which page tables it points to (early ones from boot/head_64.S, or
init_top_pgt from mm/init_64.c), CR0.WP, CR4.LA57 and EFER.NX.
Linux keeps the same run-time variables (arch/x86/kernel/head64.c)."""

    def __init__(self):
        super().__init__("lx-paging", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        p = Paging()
        w = gdb.write
        w("paging:           %d-level (__pgtable_l5_enabled=%d), %d-bit "
          "virtual addresses\n" % (p.levels, p.l5, 57 if p.l5 else 48))
        w("page_offset_base: %s\n" % hexs(p.page_offset_base))
        w("pgdir_shift:      %d\n" % p.pgdir_shift)
        w("ptrs_per_p4d:     %d%s\n" % (p.ptrs_per_p4d,
                                        " (p4d folded into pgd)"
                                        if p.ptrs_per_p4d == 1 else ""))
        owner = p.cr3_owner()
        w("CR3:              %#x (%s)\n" % (p.cr3, owner or "unknown tables"))
        w("CR0.WP=%d CR4.LA57=%d%s\n" % (
            bool(p.cr0 & X86_CR0_WP), p.hw_l5,
            "" if p.efer is None else " EFER.NX=%d" % bool(p.efer & EFER_NX)))
        why = p.not_ready_reason()
        if why:
            w("note: %s\n" % why)

# --------------------------------------------------------- translate-va ----


def entry_flags(e, leaf_level):
    """Names of the set flag bits. Bit 7 is PS in a PMD/PUD, PAT in a PTE."""
    names = []
    for bit, name in PTE_FLAGS:
        if e >> bit & 1:
            names.append("PAT" if bit == 7 and leaf_level == "PTE" else name)
    if leaf_level in ("PMD", "PUD") and e & _PAGE_PSE and e & _PAGE_PAT_LARGE:
        names.append("PAT")
    return " ".join(names)


SIZE_NAMES = {PAGE_SHIFT: "4K", PMD_SHIFT: "2M", PUD_SHIFT: "1G"}


class TranslateVA(gdb.Command):
    """Walk the page tables for a virtual address.

Usage: translate-va [--kernel] ADDRESS

ADDRESS is any expression: 0xffffffff80100000, start_kernel, &boot_params,
$rsp, page_offset_base + 0x400000.
Starts from CR3 (--kernel: from init_top_pgt instead), reads each table
through the direct map (page_offset_base + physical address) and prints
every level's index, entry and flags (P RW US PWT PCD A D PS G NX; bit 7
of a PTE is PAT), down to the leaf: its page size (4K, 2M or 1G) and the
physical address, with the effective permissions of all levels combined,
as the CPU computes them. With 4-level paging the P4D level is folded
into the PGD, exactly as p4d_offset() in include/asm/pgtable.h does.
Where an entry is not present the walk stops: that access would #PF.
Linux: translate-va in scripts/gdb/linux/pgtable.py."""

    def __init__(self):
        super().__init__("translate-va", gdb.COMMAND_DATA,
                         gdb.COMPLETE_EXPRESSION)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        use_kernel = False
        if arg.startswith("--kernel"):
            use_kernel, arg = True, arg[len("--kernel"):].strip()
        if not arg:
            raise gdb.GdbError("usage: translate-va [--kernel] ADDRESS")
        p = Paging()
        p.require_ready()
        va = to_address(arg)
        if use_kernel:
            top_va = ival("init_top_pgt")
            if not top_va:
                raise gdb.GdbError("init_top_pgt is NULL: init_mem_mapping() "
                                   "(from setup_arch()) has not run yet")
            top, source = p.pa_of(top_va), "init_top_pgt"
        else:
            top, source = p.cr3 & PTE_PFN_MASK, "CR3 %#x" % p.cr3
        gdb.write(self.walk(p, va, top, source))

    @staticmethod
    def walk(p, va, top, source):
        w = []
        w.append("translate-va %s: %d-level paging, %s (PGD at phys %#x)\n"
                 % (hexs(va), p.levels, source, top))
        top_bit = 56 if p.l5 else 47
        sign = va >> top_bit
        if sign not in (0, (1 << (64 - top_bit)) - 1):
            raise gdb.GdbError(
                "%s is not canonical with %d-level paging: bits 63..%d must "
                "all equal bit %d. Using it raises #GP, not #PF; no page "
                "table is consulted." % (hexs(va), p.levels, top_bit, top_bit))
        levels = [("PGD", p.pgdir_shift, 512)]
        if p.ptrs_per_p4d > 1:
            levels.append(("P4D", P4D_SHIFT, p.ptrs_per_p4d))
        levels += [("PUD", PUD_SHIFT, 512), ("PMD", PMD_SHIFT, 512),
                   ("PTE", PAGE_SHIFT, 512)]
        table, seen = top, []
        for i, (name, shift, ptrs) in enumerate(levels):
            idx = (va >> shift) & (ptrs - 1)
            ea = table + idx * 8
            e = read_u64((p.page_offset_base + ea) & MASK64)
            if e is None:
                w.append("  %-3s[%3d] at phys %s: cannot read it through the "
                         "direct map (%s): physical memory not mapped there\n"
                         % (name, idx, hexs(ea),
                            hexs((p.page_offset_base + ea) & MASK64)))
                raise gdb.GdbError("".join(w).rstrip("\n"))
            head = "  %-3s[%3d] at phys %s = %s" % (name, idx, hexs(ea),
                                                    hexs(e))
            if name == "PGD" and p.ptrs_per_p4d == 1:
                head_note = "  (P4D folded: the PGD entry is the P4D entry)"
            else:
                head_note = ""
            if not e & _PAGE_PRESENT:
                w.append("%s  not present%s\n" % (head, head_note))
                w.append("=> %s is not mapped: the %s entry is not present "
                         "(an access would #PF)\n" % (hexs(va), name))
                return "".join(w)
            seen.append(e)
            leaf = name == "PTE" or (name in ("PUD", "PMD") and e & _PAGE_PSE)
            flags = entry_flags(e, name if leaf else None)
            if not leaf:
                nxt = levels[i + 1][0]
                w.append("%s  %s -> %s table at %s%s\n"
                         % (head, flags, nxt, hexs(e & PTE_PFN_MASK),
                            head_note))
                table = e & PTE_PFN_MASK
                continue
            size = 1 << shift
            base = e & PTE_PFN_MASK & ~(size - 1)
            if shift != PAGE_SHIFT:
                base &= ~_PAGE_PAT_LARGE
            phys = base | (va & (size - 1))
            w.append("%s  %s -> %s page at %s\n"
                     % (head, flags, SIZE_NAMES[shift], hexs(base)))
            w.append("=> %s -> phys %s (%s page: %s)\n"
                     % (hexs(va), hexs(phys), SIZE_NAMES[shift],
                        effective(p, seen)))
            return "".join(w)
        raise gdb.GdbError("page walk ran past the PTE level")


def effective(p, entries):
    """Permissions of all levels combined: RW and US only if every level
    has them, no-execute if any level has NX (Intel SDM 4.6)."""
    user = all(e & _PAGE_USER for e in entries)
    rw = all(e & _PAGE_RW for e in entries)
    nx = any(e & _PAGE_NX for e in entries)
    parts = ["user" if user else "kernel-only"]
    if rw:
        parts.append("writable")
    elif p.cr0 & X86_CR0_WP:
        parts.append("read-only")
    else:
        parts.append("read-only for user, but CR0.WP=0 lets the kernel write")
    if nx and p.efer is not None and not p.efer & EFER_NX:
        parts.append("NX set while EFER.NX=0: reserved bit, #PF")
    else:
        parts.append("no-execute" if nx else "executable")
    if entries[-1] & _PAGE_GLOBAL:
        parts.append("global")
    return ", ".join(parts)

# -------------------------------------------------------------- lx-e820 ----


class LxE820(gdb.Command):
    """Print the firmware memory map (e820_table), like Linux's boot log.

Usage: lx-e820 [--boot]

Prints the sanitized map in e820_table (sorted, overlaps resolved,
merged; filled by e820__memory_setup() from setup_arch()) as lines
"e820: [mem 0x...-0x...] usable", and the total usable RAM.
--boot prints boot_params.e820 instead: the map as GRUB handed it over.
Linux prints the same lines at boot (e820__print_table() in
arch/x86/kernel/e820.c)."""

    def __init__(self):
        super().__init__("lx-e820", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if args not in ([], ["--boot"]):
            raise gdb.GdbError("usage: lx-e820 [--boot]")
        require_target()
        if args:
            who, table = "BIOS-e820", value("boot_params.e820")
            empty = ("boot_params.e820 is empty: multiboot2_parse() (from "
                     "x86_64_start_kernel()) has not run yet")
        else:
            who, table = "e820", value("*e820_table")
            empty = ("e820_table is empty: e820__memory_setup() (from "
                     "setup_arch()) has not run yet")
        try:
            n = int(table["nr_entries"])
            if n > E820_MAX_ENTRIES:
                raise gdb.GdbError("nr_entries is %d (> %d): not an e820 "
                                   "table" % (n, E820_MAX_ENTRIES))
            if n == 0:
                raise gdb.GdbError(empty)
            rows = [(int(e["addr"]), int(e["size"]), int(e["type"]))
                    for e in (table["entries"][i] for i in range(n))]
        except gdb.MemoryError:
            raise gdb.GdbError("cannot read the e820 table: not mapped yet; "
                               "break at x86_64_start_kernel or later")
        total = 0
        for addr, size, typ in rows:
            name = E820_NAMES.get(typ, "unknown")
            gdb.write("%s: [mem %s-%s] %s\n" % (who, hexs(addr),
                                               hexs(addr + size - 1), name))
            if typ == 1:
                total += size
        gdb.write("%d entries, %d KiB usable (%.1f MiB)\n"
                  % (n, total >> 10, total / (1 << 20)))

# ------------------------------------------------------------- per-CPU ----

# include/linux/percpu.h, asm/smp.h, asm/preempt.h, linux/preempt.h
PERCPU_DYNAMIC_RESERVE = 28 << 10
BAD_APICID = 0xffffffff
PREEMPT_NEED_RESCHED = 0x80000000
PREEMPT_PARTS = (("preempt", 0, 0xff), ("softirq", 8, 0xff),
                 ("hardirq", 16, 0xf), ("nmi", 20, 0xf))

# include/linux/sched.h: task states, as ps(1) shows them
TASK_STATE_LETTERS = {0x0000: "R", 0x0001: "S", 0x0002: "D", 0x0080: "X"}

# A walk of a kernel list stops after this many entries: a list that long
# is a corrupt (or cyclic) one, and GDB would take forever on it.
LIST_LIMIT = 100000


def selected_cpu():
    """The CPU of GDB's selected thread: QEMU's gdbstub makes each vCPU a
    thread, thread N being CPU N-1 (Linux's scripts/gdb does the same)."""
    require_target()
    return gdb.selected_thread().num - 1


def read_struct_mem(fmt, addr):
    size = struct.calcsize(fmt)
    b = read_bytes(addr, size)
    if b is None:
        raise gdb.GdbError("cannot read %d bytes at %#x" % (size, addr))
    return struct.unpack(fmt, b)


_types = {}


def lookup_type(typename):
    """A kernel type by name ("struct task_struct"), cached."""
    t = _types.get(typename)
    if t is None:
        try:
            t = _types[typename] = gdb.lookup_type(typename)
        except gdb.error as e:
            raise gdb.GdbError("no type `%s` in the kernel's debug info: %s"
                               % (typename, e))
    return t


def deref(addr, typename):
    """The object of type `typename` at address `addr`, as a gdb.Value."""
    return gdb.Value(addr).cast(lookup_type(typename).pointer()).dereference()


def offset_of(typename, member):
    return ival("(unsigned long)&((%s *)0)->%s" % (typename, member))


def cstr(v, limit=64):
    """A C string of the target (char array, or char * read up to `limit`
    bytes), never raising."""
    try:
        if v.type.strip_typedefs().code != gdb.TYPE_CODE_PTR:
            return v.string(errors="replace")
        addr = int(v) & MASK64
        if not addr:
            return "(null)"
        # A page at a time: a string may end just before an unmapped
        # page, and one may also run on into the next (mapped) page.
        out = b""
        while len(out) < limit:
            n = min(limit - len(out), 0x1000 - ((addr + len(out)) & 0xfff))
            b = read_bytes(addr + len(out), n)
            if b is None:
                if not out:
                    return "<unreadable %#x>" % addr
                break
            out += b
            if b"\0" in b:
                break
        return out.split(b"\0", 1)[0].decode("utf-8", errors="replace")
    except gdb.error:
        return "<unreadable>"


def walk_list(head, limit=LIST_LIMIT):
    """The node addresses on a struct list_head list at address `head`,
    first to last (list_for_each), and a problem or None: a NULL or
    unreadable next pointer, a node whose prev does not point back, or
    more than `limit` nodes (a cycle that misses the head)."""
    nodes, prev, pos = [], head, read_u64(head)
    while True:
        if pos is None or pos == 0:
            return nodes, ("%s next pointer %s" % (
                "head's" if prev == head else "node %#x's" % prev,
                "cannot be read" if pos is None else
                "is NULL (list never initialised?)" if prev == head else
                "is NULL (list corrupted)"))
        if pos == head:
            return nodes, None
        back = read_u64(pos + 8)
        if back != prev:
            return nodes, ("node %#x: prev is %s, not %#x (list corrupted)"
                           % (pos, "unreadable" if back is None
                              else "%#x" % back, prev))
        nodes.append(pos)
        if len(nodes) > limit:
            return nodes, "more than %d nodes: a cycle?" % limit
        prev, pos = pos, read_u64(pos)


def list_entries(head_expr, typename, member, what):
    """list_for_each_entry(): addresses of the `typename` structures
    linked through `member` on the list `head_expr`; errors if corrupt."""
    head = to_address("&(%s)" % head_expr)
    if read_u64(head) is None:
        raise gdb.GdbError("cannot read `%s`: its address is not mapped yet; "
                           "break at x86_64_start_kernel or later" % head_expr)
    nodes, problem = walk_list(head)
    if problem:
        raise gdb.GdbError("%s: %s" % (what, problem))
    off = offset_of(typename, member)
    return [n - off for n in nodes]


class PerCpu:
    """The per-CPU areas (kernel/setup_percpu.c): the template between
    __per_cpu_start and __per_cpu_end, and one copy per possible CPU at
    template address + __per_cpu_offset[cpu]."""

    def __init__(self):
        require_target()
        if read_bytes(to_address("&nr_cpu_ids"), 4) is None:
            raise gdb.GdbError("cannot read `nr_cpu_ids`: its address is not "
                               "mapped yet; break at x86_64_start_kernel or "
                               "later")
        self.start = ival("(unsigned long)__per_cpu_start")
        self.end = ival("(unsigned long)__per_cpu_end")
        arr = value("__per_cpu_offset")
        self.max_cpus = arr.type.range()[1] + 1          # NR_CPUS
        self.nr = ival("nr_cpu_ids")
        if not 1 <= self.nr <= self.max_cpus:
            raise gdb.GdbError("nr_cpu_ids is %d: not a CPU count (NR_CPUS "
                               "is %d)" % (self.nr, self.max_cpus))
        try:
            self.offsets = [int(arr[c]) & MASK64 for c in range(self.nr)]
        except gdb.MemoryError:
            raise gdb.GdbError("cannot read __per_cpu_offset[]: not mapped "
                               "yet; break at x86_64_start_kernel or later")
        self.ready = self.offsets[0] != 0
        self.online = ival("__cpu_online_mask.bits")

    NOT_READY = (
        "the per-CPU areas are not set up yet: setup_per_cpu_areas() (in "
        "start_kernel(), after setup_arch()) has not run, __per_cpu_offset[] "
        "is all 0. Until it runs, the boot CPU's %gs-relative accesses read "
        "the template itself (__per_cpu_start..__per_cpu_end, which is what "
        "`print VAR` shows) and no other CPU has a copy")

    def require_ready(self):
        if not self.ready:
            raise gdb.GdbError(self.NOT_READY)

    def is_percpu(self, addr):
        return self.start <= addr < self.end + PERCPU_DYNAMIC_RESERVE

    def check_cpu(self, cpu):
        if cpu > 0 and not self.ready:
            raise gdb.GdbError(self.NOT_READY)
        if not 0 <= cpu < self.nr:
            raise gdb.GdbError("CPU %d does not exist: nr_cpu_ids is %d"
                               % (cpu, self.nr))

    def ptr(self, template_addr, cpu, what="address"):
        """per_cpu_ptr(): CPU cpu's copy of a template address. Before
        setup_per_cpu_areas() CPU 0's copy is the template itself."""
        self.check_cpu(cpu)
        if not self.is_percpu(template_addr):
            raise gdb.GdbError(
                "%s %#x is not a per-CPU address: the template is "
                "__per_cpu_start..__per_cpu_end (%#x..%#x), plus %d KiB of "
                "alloc_percpu() space after it"
                % (what, template_addr, self.start, self.end,
                   PERCPU_DYNAMIC_RESERVE >> 10))
        if not self.ready:
            return template_addr            # CPU 0, still on the template
        return (template_addr + self.offsets[cpu]) & MASK64

    def var(self, v, cpu, what="variable"):
        """per_cpu(var, cpu) for a gdb.Value that is the template copy."""
        if v.address is None:
            raise gdb.GdbError("%s is not in memory, so not a per-CPU "
                               "variable" % what)
        addr = self.ptr(int(v.address) & MASK64, cpu, what)
        return gdb.Value(addr).cast(v.type.pointer()).dereference()

    def cpus(self):
        return range(self.nr)

    def is_online(self, cpu):
        return bool(self.online >> cpu & 1)


class LxPerCpuFn(gdb.Function):
    """Return a per-CPU variable's value on one CPU.

Usage: $lx_per_cpu("VAR"[, CPU])   or   $lx_per_cpu(VAR[, CPU])

VAR names a DEFINE_PER_CPU variable (or a member or element of one:
"runqueues.nr_running", "irq_count[0xec]"). CPU defaults to the CPU of
the selected GDB thread (QEMU: thread N is CPU N-1, see `info threads`).
The value is read at &VAR + __per_cpu_offset[CPU], as per_cpu() does.
`print VAR` alone shows the template in the kernel image, which no CPU
uses once setup_per_cpu_areas() has made the copies. Before that, CPU 0
still runs on the template, so $lx_per_cpu(VAR, 0) returns it (with a
warning) and other CPUs are an error.
Examples: p $lx_per_cpu("cpu_number", 1)
          p $lx_per_cpu("runqueues", 0).curr->comm
          p *$lx_per_cpu("current_task")
Linux: $lx_per_cpu in scripts/gdb/linux/cpus.py."""

    def __init__(self):
        super().__init__("lx_per_cpu")

    def invoke(self, var, cpu=None):
        pc = PerCpu()
        c = selected_cpu() if cpu is None or int(cpu) < 0 else int(cpu)
        addr = var.address
        if addr is not None and pc.is_percpu(int(addr) & MASK64):
            v, what = var, "the argument"
        else:
            try:
                name = var.string()
            except gdb.error:
                raise gdb.GdbError("$lx_per_cpu: the first argument must be "
                                   "a per-CPU variable or its name as a "
                                   "string")
            v, what = value(name), "`%s`" % name
        if not pc.ready and c == 0:
            gdb.write("warning: %s: CPU 0 still uses the template\n"
                      % pc.NOT_READY.split(":")[0], gdb.STDERR)
        return pc.var(v, c, what)


class LxCurrentFn(gdb.Function):
    """Return the task running on a CPU (struct task_struct).

Usage: $lx_current([CPU])

The per-CPU current_task of CPU (default: the selected GDB thread's CPU),
which is what `current` reads on that CPU.
Example: p $lx_current(1).comm
Linux: $lx_current in scripts/gdb/linux/cpus.py."""

    def __init__(self):
        super().__init__("lx_current")

    def invoke(self, cpu=None):
        pc = PerCpu()
        c = selected_cpu() if cpu is None or int(cpu) < 0 else int(cpu)
        return pc.var(value("current_task"), c, "current_task").dereference()


def task_state(state, on_cpu):
    letter = TASK_STATE_LETTERS.get(state & MASK64, "?")
    if letter == "?":
        letter = "?%#x" % state
    return letter + ("*" if on_cpu else "")


def read_task(addr):
    t = deref(addr, "struct task_struct")
    return {"addr": addr, "pid": int(t["pid"]), "cpu": int(t["cpu"]),
            "state": int(t["__state"]), "on_cpu": int(t["on_cpu"]),
            "comm": cstr(t["comm"])}


def all_tasks():
    require_target()
    tasks = list_entries("task_list", "struct task_struct", "tasks",
                         "task_list")
    if not tasks:
        raise gdb.GdbError("task_list is empty: sched_init() (in "
                           "start_kernel()) has not run yet; init_task "
                           "joins the list there")
    try:
        return [read_task(a) for a in tasks]
    except gdb.MemoryError as e:
        raise gdb.GdbError("cannot read a task on task_list: %s" % e)


class LxTaskByPidFn(gdb.Function):
    """Return the task with a PID (struct task_struct).

Usage: $lx_task_by_pid(PID)

Searches task_list. PID 0 is every CPU's idle task; this returns the
first, init_task (swapper/0).
Example: p $lx_task_by_pid(1).comm
Linux: $lx_task_by_pid in scripts/gdb/linux/tasks.py."""

    def __init__(self):
        super().__init__("lx_task_by_pid")

    def invoke(self, pid):
        want = int(pid)
        for t in all_tasks():
            if t["pid"] == want:
                return deref(t["addr"], "struct task_struct")
        raise gdb.GdbError("no task with PID %d on task_list" % want)


class LxPs(gdb.Command):
    """List every task, like ps.

Usage: lx-ps

Walks task_list (every task_struct is on it through ->tasks, from
sched_init() for init_task and task_alloc() for the others, until
put_task_struct() frees the task) and prints for each: the task_struct's
address, its PID, the CPU it last ran or is queued on (->cpu), its state
and its name (->comm).
State: R running or runnable (TASK_RUNNING), S sleeping
(TASK_INTERRUPTIBLE), D uninterruptible (TASK_UNINTERRUPTIBLE), X dead
(TASK_DEAD, waiting for its last put_task_struct()); a * after the letter
means the task is on a CPU right now (->on_cpu). The idle tasks are PID
0, swapper/N, one per CPU; init is PID 1.
Use `p *(struct task_struct *)ADDRESS` for all of a task.
Linux: lx-ps in scripts/gdb/linux/tasks.py."""

    def __init__(self):
        super().__init__("lx-ps", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError("usage: lx-ps")
        tasks = all_tasks()
        out = ["%-18s %5s %4s %-3s %s\n" % ("TASK", "PID", "CPU", "ST",
                                            "COMM")]
        for t in tasks:
            out.append("%s %5d %4d %-3s %s\n"
                       % (hexs(t["addr"]), t["pid"], t["cpu"],
                          task_state(t["state"], t["on_cpu"]), t["comm"]))
        out.append("%d tasks, %d on a CPU (*)\n"
                   % (len(tasks), sum(1 for t in tasks if t["on_cpu"])))
        gdb.write("".join(out))


def decode_preempt(raw):
    """The __preempt_count word: the count's parts, and need_resched,
    which is bit 31 *clear* (asm/preempt.h)."""
    count = raw & ~PREEMPT_NEED_RESCHED & 0xffffffff
    parts = ["%s=%d" % (name, count >> shift & mask)
             for name, shift, mask in PREEMPT_PARTS if count >> shift & mask]
    if count >> 24:
        parts.append("high bits %#x" % (count >> 24 << 24))
    s = "%#010x %s" % (raw, " ".join(parts) or "count=0")
    if not raw & PREEMPT_NEED_RESCHED:
        s += " need_resched"
    return s


def gs_bases():
    """{gdb thread number: its GS base}, switching threads and back."""
    bases = {}
    orig = gdb.selected_thread()
    try:
        frame = gdb.selected_frame()
    except gdb.error:
        frame = None
    try:
        for t in gdb.selected_inferior().threads():
            t.switch()
            try:
                bases[t.num] = int(gdb.parse_and_eval("$gs_base")) & MASK64
            except (gdb.error, TypeError, ValueError):
                pass
    finally:
        if orig is not None and orig.is_valid():
            orig.switch()
            if frame is not None and frame.is_valid():
                frame.select()
    return bases


class LxCpus(gdb.Command):
    """List the CPUs: online, APIC id, per-CPU area, current task, run queue.

Usage: lx-cpus

One line per possible CPU (0 .. nr_cpu_ids-1):
  ONLINE     in __cpu_online_mask (set by the CPU itself in
             start_secondary(); the boot CPU in sched_init())
  APIC       x86_cpu_to_apicid[cpu], from the ACPI MADT
  OFFSET     __per_cpu_offset[cpu]: its per-CPU copy is &var + OFFSET
  PID, CURRENT  per_cpu(current_task): what `current` is on that CPU
  RUN        runqueues.nr_running (runnable tasks, the running one too)
  SWITCHES   runqueues.nr_switches (context switches so far)
  PREEMPT    the raw __preempt_count word and its meaning: the count
             (preempt_disable() nesting, hardirq nesting <<16, ...) and
             need_resched, which is bit 31 *clear* (asm/preempt.h)
A > marks the CPU of the selected GDB thread (the default CPU of
$lx_per_cpu). Each online CPU's GS base register is checked against its
__per_cpu_offset (QEMU gdbstub: thread N is CPU N-1).
Linux: lx-cpus does not exist; the same data is in `info threads`,
$lx_per_cpu and /proc/interrupts, /proc/schedstat."""

    def __init__(self):
        super().__init__("lx-cpus", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        if arg.strip():
            raise gdb.GdbError("usage: lx-cpus")
        pc = PerCpu()
        pc.require_ready()
        sel = selected_cpu()
        apic = value("x86_cpu_to_apicid")
        rq_t, cur_t = value("runqueues"), value("current_task")
        pcount = value("__preempt_count")
        out = [" %3s %-6s %4s %-18s %5s %-16s %3s %8s  %s\n"
               % ("CPU", "ONLINE", "APIC", "OFFSET", "PID", "CURRENT", "RUN",
                  "SWITCHES", "PREEMPT")]
        notes = []
        try:
            for c in pc.cpus():
                a = int(apic[c]) & 0xffffffff
                rq = pc.var(rq_t, c, "runqueues")
                cur = int(pc.var(cur_t, c, "current_task"))
                if cur:
                    t = read_task(cur)
                    pid, curs = "%d" % t["pid"], t["comm"]
                else:
                    pid, curs = "-", "(none)"
                if int(rq["curr"]) != cur and pc.is_online(c):
                    notes.append("CPU%d: rq->curr is %#x but current_task is "
                                 "%#x: stopped in the middle of a context "
                                 "switch" % (c, int(rq["curr"]) & MASK64,
                                             cur))
                out.append("%s%3d %-6s %4s %s %5s %-16s %3d %8d  %s\n" % (
                    ">" if c == sel else " ", c,
                    "yes" if pc.is_online(c) else "no",
                    "-" if a == BAD_APICID else "%d" % a,
                    hexs(pc.offsets[c]), pid, curs, int(rq["nr_running"]),
                    int(rq["nr_switches"]),
                    decode_preempt(int(pc.var(pcount, c, "__preempt_count"))
                                   & 0xffffffff)))
        except gdb.MemoryError as e:
            raise gdb.GdbError("cannot read a CPU's per-CPU data: %s" % e)
        bases = gs_bases()
        for num, gs in sorted(bases.items()):
            c = num - 1
            if c >= pc.nr or not pc.is_online(c) or gs == pc.offsets[c]:
                continue
            who = [i for i in pc.cpus() if pc.offsets[i] == gs]
            notes.append(
                "gdb thread %d has GS base %#x, not __per_cpu_offset[%d]%s"
                % (num, gs, c, (": it runs CPU %d's per-CPU data, so "
                                "$lx_per_cpu's default CPU is wrong for it"
                                % who[0]) if who else
                   " (in user mode, or between swapgs and the GS base "
                   "load?)"))
        gdb.write("".join(out))
        for n in notes:
            gdb.write("note: %s\n" % n)

# -------------------------------------------------------- lx-buddyinfo ----


def zones():
    """(index, gdb.Value) of every zone of contig_page_data."""
    require_target()
    nz = value("contig_page_data.node_zones")
    n = nz.type.range()[1] + 1
    return [(i, nz[i]) for i in range(n)]


def populated_zones():
    zs = []
    try:
        for i, z in zones():
            if int(z["present_pages"]):
                zs.append((i, z))
    except gdb.MemoryError:
        raise gdb.GdbError("cannot read contig_page_data: not mapped yet; "
                           "break at x86_64_start_kernel or later")
    if not zs:
        raise gdb.GdbError("no populated zone: free_area_init() (from "
                           "setup_arch()) has not sized the zones yet")
    return zs


def migratetype_names():
    try:
        arr = value("migratetype_names")
        return [cstr(arr[i]) for i in range(arr.type.range()[1] + 1)]
    except gdb.GdbError:
        return ["Unmovable", "Movable", "Reclaimable"]


class LxBuddyinfo(gdb.Command):
    """Print the buddy allocator's free blocks per zone, like /proc/buddyinfo.

Usage: lx-buddyinfo [-v]

For each populated zone of contig_page_data, the number of free blocks
of each order, 0 (4 KiB) to 10 (4 MiB): zone->free_area[order].nr_free,
in the format of show_buddyinfo() (mm/vmstat.c, the `buddyinfo` boot
option) and Linux's /proc/buddyinfo.
-v adds, per zone, what /proc/pagetypeinfo and /proc/zoneinfo show: the
free blocks per migratetype and order, counted by walking each
free_list[] (bounded, and checked against nr_free); the free pages
(zone->vm_stat[NR_FREE_PAGES], checked against the sum of nr_free <<
order); the watermarks min/low/high; managed/present/spanned pages; and
each CPU's per-CPU page list (zone->per_cpu_pageset, a per-CPU pointer):
count, high, batch. Pages on the per-CPU lists are not in free_area[].
Before memblock_free_all() (from mm_core_init()) every count is 0.
Linux: no lx- command; /proc/buddyinfo, /proc/pagetypeinfo."""

    def __init__(self):
        super().__init__("lx-buddyinfo", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if args not in ([], ["-v"]):
            raise gdb.GdbError("usage: lx-buddyinfo [-v]")
        verbose = bool(args)
        zs = populated_zones()
        out = []
        try:
            orders = zs[0][1]["free_area"].type.range()[1] + 1
            for _, z in zs:
                out.append("Node 0, zone %8s " % cstr(z["name"]) + "".join(
                    "%6d " % int(z["free_area"][o]["nr_free"])
                    for o in range(orders)) + "\n")
            if not any(int(z["free_area"][o]["nr_free"])
                       for _, z in zs for o in range(orders)):
                out.append("(no free blocks yet: memblock_free_all(), from "
                           "mm_core_init(), has not given memory to the "
                           "buddy allocator)\n")
            if verbose:
                for i, z in zs:
                    out.append(self.verbose(i, z, orders))
        except gdb.MemoryError as e:
            raise gdb.GdbError("cannot read a zone: %s" % e)
        gdb.write("".join(out))

    @staticmethod
    def verbose(idx, z, orders):
        w = []
        name = cstr(z["name"])
        nr_free = [int(z["free_area"][o]["nr_free"]) for o in range(orders)]
        w.append("\nNode 0, zone %8s (node_zones[%d])\n" % (name, idx))
        by_orders = sum(n << o for o, n in enumerate(nr_free))
        stat = int(z["vm_stat"][0])
        w.append("  pages free   %d%s\n" % (stat, "" if stat == by_orders else
                 "  MISMATCH: the free_area[] nr_free say %d" % by_orders))
        wm = z["_watermark"]
        w.append("        min    %d\n        low    %d\n        high   %d\n"
                 % (int(wm[0]), int(wm[1]), int(wm[2])))
        w.append("  managed      %d\n  present      %d\n  spanned      %d\n"
                 "  start_pfn    %#x\n" % (int(z["managed_pages"]),
                                            int(z["present_pages"]),
                                            int(z["spanned_pages"]),
                                            int(z["zone_start_pfn"])))
        if int(z["lock"]["raw_lock"]["locked"]):
            w.append("  zone->lock is held: a CPU was stopped inside the "
                     "allocator, counts may be mid-update\n")
        names = migratetype_names()
        w.append("  %-12s" % "order" + "".join("%7d" % o
                                               for o in range(orders)) + "\n")
        totals, problems = [0] * orders, []
        for mt, mtname in enumerate(names):
            row = []
            for o in range(orders):
                head = int(z["free_area"][o]["free_list"][mt].address)
                nodes, problem = walk_list(head, limit=nr_free[o] + 16)
                if problem:
                    problems.append("free_area[%d].free_list[%s]: %s"
                                    % (o, mtname, problem))
                row.append(len(nodes))
                totals[o] += len(nodes)
            w.append("  %-12s" % mtname + "".join("%7d" % n for n in row)
                     + "\n")
        for o in range(orders):
            if totals[o] != nr_free[o]:
                problems.append("order %d: %d blocks on the free lists but "
                                "nr_free is %d" % (o, totals[o], nr_free[o]))
        for p in problems:
            w.append("  MISMATCH: %s\n" % p)
        w.append(LxBuddyinfo.pcp(z))
        return "".join(w)

    @staticmethod
    def pcp(z):
        ptr = int(z["per_cpu_pageset"]) & MASK64
        if not ptr:
            return "  pcp: zone->per_cpu_pageset not set up yet\n"
        pc = PerCpu()
        if not pc.ready:
            return "  pcp: per-CPU areas not set up yet\n"
        parts = []
        for c in pc.cpus():
            p = deref(pc.ptr(ptr, c, "zone->per_cpu_pageset"),
                      "struct per_cpu_pages")
            parts.append("  pcp cpu%-3d count %5d  high %5d  batch %4d\n"
                         % (c, int(p["count"]), int(p["high"]),
                            int(p["batch"])))
        return "".join(parts)

# --------------------------------------------------------- lx-slabinfo ----


def bswap64(x):
    return int.from_bytes(x.to_bytes(8, "little"), "big")


def freelist_len(s_random, s_offset, head, limit):
    """Objects on a SLUB freelist from `head`, decoding each hardened
    pointer as freelist_ptr_decode() does (ptr ^ s->random ^ swab(slot)).
    Returns (count, problem or None)."""
    n, obj = 0, head
    while obj:
        if n >= limit:
            return n, "more than %d objects: corrupt freelist" % limit
        slot = (obj + s_offset) & MASK64
        enc = read_u64(slot)
        if enc is None:
            return n, "cannot read the free pointer at %#x" % slot
        n += 1
        obj = enc ^ s_random ^ bswap64(slot)
    return n, None


class LxSlabinfo(gdb.Command):
    """Print the slab caches, like /proc/slabinfo.

Usage: lx-slabinfo [-v]

Walks slab_caches (struct kmem_cache, mm/slab.h) and prints the table
print_slabinfo() in mm/slub.c prints (the `slabinfo` boot option), from
the same fields and the same arithmetic:
  active_objs   node.total_objects minus the free objects on the node's
                partial slabs (sum of objects - inuse over node.partial)
  num_objs      node.total_objects
  objsize       size: the object plus its metadata, the stride in a slab
  objperslab    oo & 0xffff;  pagesperslab  1 << (oo >> 16)
  active_slabs, num_slabs  node.nr_slabs
As in Linux, objects free on a CPU's slab count as active.
-v adds, per cache, object_size, align, nr_partial, and each CPU's slab
(cpu_slab, a per-CPU pointer to struct kmem_cache_cpu): its address,
objects, and how many are free on the CPU's freelist (c->freelist) and
on the slab's own freelist (objects other CPUs freed), walked with
s->random to decode the hardened free pointers.
Linux: lx-slabinfo in scripts/gdb/linux/slab.py."""

    HEADER = ("slabinfo - version: 2.1\n"
              "# name            <active_objs> <num_objs> <objsize> "
              "<objperslab> <pagesperslab> : tunables <limit> <batchcount> "
              "<sharedfactor> : slabdata <active_slabs> <num_slabs> "
              "<sharedavail>\n")

    def __init__(self):
        super().__init__("lx-slabinfo", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if args not in ([], ["-v"]):
            raise gdb.GdbError("usage: lx-slabinfo [-v]")
        require_target()
        caches = list_entries("slab_caches", "struct kmem_cache", "list",
                              "slab_caches")
        if not caches:
            raise gdb.GdbError("slab_caches is empty: kmem_cache_init() "
                               "(from mm_core_init()) has not run yet")
        out = [self.HEADER]
        for a in caches:
            # One broken cache (a corrupt partial list, say) is reported
            # on its line; the others are still listed.
            try:
                out.append(self.line(deref(a, "struct kmem_cache"),
                                     bool(args)))
            except (gdb.GdbError, gdb.MemoryError) as e:
                out.append("%-17s kmem_cache at %s: %s\n"
                           % (cstr(deref(a, "struct kmem_cache")["name"]),
                              hexs(a), e))
        gdb.write("".join(out))

    @staticmethod
    def line(s, verbose):
        name = cstr(s["name"])
        node = s["node"]
        partial = list_entries("((struct kmem_cache *)%#x)->node.partial"
                               % (int(s.address) & MASK64), "struct slab",
                               "slab_list", "node.partial")
        free = 0
        for p in partial:
            sl = deref(p, "struct slab")
            free += int(sl["objects"]) - int(sl["inuse"])
        nr_objs = int(node["total_objects"])
        oo = int(s["oo"]["x"])
        nr_slabs = int(node["nr_slabs"])
        line = ("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata "
                "%6d %6d %6d\n" % (name, nr_objs - free, nr_objs,
                                   int(s["size"]), oo & 0xffff,
                                   1 << (oo >> 16), 0, 0, 0, nr_slabs,
                                   nr_slabs, 0))
        if not verbose:
            return line
        w = [line]
        w.append("    object_size %d, align %d, offset %d, nr_partial %d "
                 "(%d on the list, %d free objects)\n"
                 % (int(s["object_size"]), int(s["align"]), int(s["offset"]),
                    int(node["nr_partial"]), len(partial), free))
        pc = PerCpu()
        cpu_slab = int(s["cpu_slab"]) & MASK64
        if not cpu_slab or not pc.ready:
            w.append("    cpu slabs: %s\n" % ("cpu_slab not allocated yet"
                                              if not cpu_slab else
                                              "per-CPU areas not set up"))
            return "".join(w)
        rnd, off = int(s["random"]) & MASK64, int(s["offset"])
        for c in pc.cpus():
            kc = deref(pc.ptr(cpu_slab, c, "cpu_slab"),
                       "struct kmem_cache_cpu")
            slab = int(kc["slab"]) & MASK64
            if not slab:
                w.append("    cpu%d: no cpu slab\n" % c)
                continue
            sl = deref(slab, "struct slab")
            objs = int(sl["objects"])
            n1, p1 = freelist_len(rnd, off, int(kc["freelist"]) & MASK64,
                                  objs)
            n2, p2 = freelist_len(rnd, off, int(sl["freelist"]) & MASK64,
                                  objs)
            w.append("    cpu%d: slab %s, %d objects, %d free on the cpu "
                     "freelist, %d on the slab's, %d in use%s\n"
                     % (c, hexs(slab), objs, n1, n2, objs - n1 - n2,
                        "".join("; " + p for p in (p1, p2) if p)))
        return "".join(w)

# ----------------------------------------------------------- lx-vmstat ----


# /proc/interrupts' names for the APIC vectors (asm/irq_vectors.h)
VECTOR_NAMES = {0xec: "LOC", 0xfb: "CAL", 0xfd: "RES", 0xfe: "ERR",
                0xff: "SPU"}
ISA_IRQ_VECTOR0 = 0x30


def vector_name(v):
    if v in VECTOR_NAMES:
        return VECTOR_NAMES[v]
    if ISA_IRQ_VECTOR0 <= v < ISA_IRQ_VECTOR0 + 16:
        return "IRQ%d" % (v - ISA_IRQ_VECTOR0)
    return "-"


def vector_handler(v):
    """The function vector_handlers[v] (kernel/irq.c) points to."""
    try:
        addr = int(gdb.parse_and_eval("vector_handlers[%d]" % v)) & MASK64
    except gdb.error:
        return ""
    if not addr:
        return "(no handler)"
    name = None
    try:
        b = gdb.block_for_pc(addr)
        while b is not None:            # the outermost function block: the
            if b.function is not None:  # innermost may be an inlined call
                name = b.function.name
            b = b.superblock
    except RuntimeError:
        pass
    return name or "%#x" % addr


def vm_event_names(n):
    try:
        arr = value("vm_event_names")
        return [cstr(arr[i]) for i in range(n)]
    except gdb.GdbError:
        pass
    try:
        t = gdb.lookup_type("enum vm_event_item")
        return [f.name.lower() for f in t.fields()][:n]
    except gdb.error:
        return ["event%d" % i for i in range(n)]


class LxVmstat(gdb.Command):
    """Print the per-CPU event counters and the busiest interrupt vectors.

Usage: lx-vmstat [-n N]

The event counters vm_event_states[] (mm/vmstat.c; pgalloc, pgfree,
context_switches, interrupts), summed over the possible CPUs and per CPU,
as show_vmstat() (the `vmstat` boot option) and /proc/vmstat add them up;
and nr_free_pages, summed over the zones' vm_stat[NR_FREE_PAGES].
Then, per CPU, the N (default 5) vectors with the most interrupts, from
the per-CPU irq_count[256] (kernel/irq.c): vector, /proc/interrupts
name (LOC local timer, RES reschedule IPI, CAL function call IPI, IRQn
an I/O APIC line), count and handler (vector_handlers[]); the CPU's total
is checked against its "interrupts" event counter, which
common_interrupt_c() bumps right after irq_count[] (so a CPU stopped
between the two increments is off by one).
Linux: no lx- command; /proc/vmstat and /proc/interrupts."""

    def __init__(self):
        super().__init__("lx-vmstat", gdb.COMMAND_DATA, gdb.COMPLETE_NONE)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        top = 5
        if args:
            if len(args) == 2 and args[0] == "-n" and args[1].isdigit():
                top = int(args[1])
            else:
                raise gdb.GdbError("usage: lx-vmstat [-n N]")
        pc = PerCpu()
        pc.require_ready()
        ev = value("vm_event_states")
        n = ev.type.range()[1] + 1
        names = vm_event_names(n)
        cpus = list(pc.cpus())
        counts = []
        for c in cpus:
            counts.append(list(read_struct_mem(
                "<%dQ" % n, pc.ptr(int(ev.address), c, "vm_event_states"))))
        out = ["%-17s %12s" % ("event", "total")
               + "".join("%12s" % ("cpu%d" % c) for c in cpus) + "\n"]
        try:
            free = sum(max(int(z["vm_stat"][0]), 0) for _, z in zones())
            out.append("%-17s %12d\n" % ("nr_free_pages", free))
        except gdb.MemoryError:
            pass
        for i in range(n):
            out.append("%-17s %12d" % (names[i], sum(r[i] for r in counts))
                       + "".join("%12d" % r[i] for r in counts) + "\n")
        irq = value("irq_count")
        nvec = irq.type.range()[1] + 1
        try:
            irq_idx = names.index("interrupts")
        except ValueError:
            irq_idx = None
        handlers = {}
        for c in cpus:
            per = read_struct_mem("<%dI" % nvec,
                                  pc.ptr(int(irq.address), c, "irq_count"))
            total = sum(per)
            chk = ""
            if irq_idx is not None and counts[c][irq_idx] != total:
                chk = ("  MISMATCH: the interrupts counter says %d"
                       % counts[c][irq_idx])
            out.append("\nCPU%d: %d interrupts%s%s\n"
                       % (c, total, "" if pc.is_online(c) else " (offline)",
                          chk))
            busy = sorted((v for v in range(nvec) if per[v]),
                          key=lambda v: (-per[v], v))[:top]
            for v in busy:
                if v not in handlers:
                    handlers[v] = vector_handler(v)
                out.append("  vector %#04x %-5s %10d  %s\n"
                           % (v, vector_name(v), per[v], handlers[v]))
        gdb.write("".join(out))

# ----------------------------------------------------------------- init ----


LxDmesg()
LxCmdline()
LxVersion()
LxPaging()
TranslateVA()
LxE820()
LxPs()
LxCpus()
LxBuddyinfo()
LxSlabinfo()
LxVmstat()
LxPerCpuFn()
LxCurrentFn()
LxTaskByPidFn()
