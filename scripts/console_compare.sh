#!/bin/sh
# Type the same keystrokes at Linux's serial console and at Linnet's, and diff
# what each echoed and what read(2) returned (docs/fs/devices.md, N_TTY).
#   sh scripts/console_compare.sh [LINUX_BZIMAGE]
# The guest program (/init, musl, static) prints "$ ", reads a line from
# /dev/console and prints its bytes in hex. Linux's kernel defaults to the one
# /work/shared/tools/linux-qemu.sh caches. Needs musl-gcc, cpio, and root or
# fakeroot (for the /dev/console node).
set -e
linux=${1:-${LINUX_QEMU_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/linnet-linux}/vmlinuz}
[ -f "$linux" ] || { echo "console_compare: no Linux kernel at $linux" >&2; exit 1; }
[ -f build/kernel.elf ] || { echo "console_compare: make first" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/console-compare.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/init.c" <<'C'
#include <stdio.h>
#include <unistd.h>
int main(void)
{
	char buf[256];

	for (;;) {
		int n;

		(void)!write(1, "$ ", 2);
		n = read(0, buf, sizeof(buf));
		printf("got %d:", n);
		for (int i = 0; i < n; i++)
			printf(" %02x", (unsigned char)buf[i]);
		printf("\n");
		fflush(stdout);
	}
}
C
musl-gcc -static -O2 -o "$dir/init" "$dir/init.c"
mkdir -p "$dir/root/dev"
cp "$dir/init" "$dir/root/init"
fr=$(command -v fakeroot || true)
$fr sh -c "mknod '$dir/root/dev/console' c 5 1 && cd '$dir/root' && find . | cpio -o -H newc >'$dir/init.cpio' 2>/dev/null"
sh scripts/mkiso.sh build/kernel.elf "$dir/linnet.iso" "" "$dir/init.cpio"
set -- --step 'expect:[$] $'
for keys in 'abx\x7fc\r' 'ab\t\x7fc\r' 'abc\x15de\r' 'half\x03ok\r' 'one two  \x17three\r' \
	'x\x16\x04y\r' '\x04' 'ab\x04' 'q\x12w\r' 'h\x08i\r' '\x02\x7fz\r'; do
	set -- "$@" --step "send:$keys" --step 'expect:[$] $'
done
show() {	# the transcript from the first keystroke on, control bytes spelled out
	python3 -c "
import sys
d = open(sys.argv[1], 'rb').read()
d = d[d.find(b'<<<'):].decode('latin-1')
print(d.replace('\r', '\\\\r').replace('\b', '\\\\b').replace('\t', '\\\\t'))" "$1"
}
python3 scripts/console_session.py --linux "$linux" --initrd "$dir/init.cpio" \
	--log "$dir/linux.log" "$@" >/dev/null || { echo "Linux session failed"; exit 1; }
python3 scripts/console_session.py --iso "$dir/linnet.iso" \
	--log "$dir/linnet.log" "$@" >/dev/null || { echo "Linnet session failed"; exit 1; }
show "$dir/linux.log" >"$dir/linux.txt"
show "$dir/linnet.log" >"$dir/linnet.txt"
if diff -u --label Linux "$dir/linux.txt" --label Linnet "$dir/linnet.txt"; then
	echo "same echo and the same bytes read"
else
	echo "(expected: ^H erases on Linnet while VERASE is ^?; Linux stores it)"
fi
