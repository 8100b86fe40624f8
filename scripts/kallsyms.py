#!/usr/bin/env python3
"""Generate the kernel's symbol table (Linux: scripts/kallsyms.c).

Reads `nm -n` output of a linked kernel on stdin and writes an assembly
file with the text symbols, sorted by address, in the .kallsyms section:
    kallsyms_num        number of symbols
    kallsyms_addresses  their addresses
    kallsyms_offsets    offset of each name in kallsyms_names
    kallsyms_names      the NUL-terminated names
The table's size depends only on the names, not on the addresses, so a
second link with this table gives the same layout as a third one: the
Makefile links twice with it and checks the addresses settled.
"""
import sys


def main():
    syms = []
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3:
            continue
        addr, kind, name = parts
        if kind not in "tTwW":
            continue
        if name.startswith("kallsyms_") or name.startswith(".L"):
            continue
        syms.append((int(addr, 16), name))
    syms.sort()
    out = ['\t.section ".kallsyms", "a"', "\t.balign 8",
           "\t.globl kallsyms_num, kallsyms_addresses, kallsyms_offsets, kallsyms_names",
           "kallsyms_num:", f"\t.quad {len(syms)}", "kallsyms_addresses:"]
    out += [f"\t.quad 0x{a:x}" for a, _ in syms]
    out.append("kallsyms_offsets:")
    off = 0
    for _, name in syms:
        out.append(f"\t.long {off}")
        off += len(name) + 1
    out.append("kallsyms_names:")
    out += [f'\t.asciz "{name}"' for _, name in syms]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
