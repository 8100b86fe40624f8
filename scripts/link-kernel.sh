#!/bin/sh
# Link the kernel with its own symbol table (Linux: scripts/link-vmlinux.sh).
#
# Pass 1 links with an empty table; its symbols give a table of the right
# size but wrong addresses. Pass 2 links with that table: its layout is
# final, since the table's size depends only on the names. Pass 3 links
# with the table made from pass 2 and must have identical addresses.
# Usage: scripts/link-kernel.sh OUT.elf CC "LDFLAGS" OBJS...
set -e
out=$1 cc=$2 ldflags=$3
shift 3
tmp=${out%.elf}.tmp
mkdir -p "$tmp"

ksyms() { # $1: input elf or "-", $2: output stem
	if [ "$1" = - ]; then
		: | python3 scripts/kallsyms.py >"$2.S"
	else
		nm -n "$1" | python3 scripts/kallsyms.py >"$2.S"
	fi
	$cc -c -o "$2.o" "$2.S"
}


ksyms - "$tmp/kallsyms0"
$cc $ldflags -o "$tmp/pass1.elf" "$@" "$tmp/kallsyms0.o"
ksyms "$tmp/pass1.elf" "$tmp/kallsyms1"
$cc $ldflags -o "$tmp/pass2.elf" "$@" "$tmp/kallsyms1.o"
ksyms "$tmp/pass2.elf" "$tmp/kallsyms2"
$cc $ldflags -o "$out" "$@" "$tmp/kallsyms2.o"
nm -n "$tmp/pass2.elf" >"$tmp/pass2.map"
nm -n "$out" >"$tmp/final.map"
if ! cmp -s "$tmp/pass2.map" "$tmp/final.map"; then
	echo "link-kernel: symbol addresses moved between link passes" >&2
	exit 1
fi
