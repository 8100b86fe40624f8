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
            "translate-va")

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

# ----------------------------------------------------------------- init ----


LxDmesg()
LxCmdline()
LxVersion()
LxPaging()
TranslateVA()
LxE820()
