#!/bin/sh
# tests/busybox/run.sh - the busybox conformance scripts (docs/user.md), run
# inside the guest by busybox sh, on Linnet and on Linux alike:
#
#   rdinit=/init -- /bin/sh /usr/share/linnet/busybox-tests/run.sh [-p] [NAME...]
#
# Each NAME.sh here runs as `sh NAME.sh` in a scratch directory with
# stdout and stderr together; its output and exit status ("exit N", the
# last line) go through normalise.sed (what legitimately differs between
# Linux and Linnet: times, pids, memory sizes, the kernel's version) and
# are compared with expected/NAME.out, which is Linux's output
# (scripts/compare_busybox.py --update, `make busybox-expected`). The
# result is KTAP: "ok N NAME", or "not ok N NAME" with the diff as
# "# " lines. -p prints each normalised output between "### begin NAME"
# and "### end NAME" instead (what compare_busybox.py collects).
dir=${0%/*}
print=
[ "$1" = -p ] && { print=1; shift; }
[ $# -gt 0 ] || set -- $(cd "$dir" && ls [0-9]*.sh | sed 's/\.sh$//')
grep -q '^proc /proc ' /proc/mounts 2>/dev/null || mount -t proc proc /proc
mkdir -p /tmp/bb
[ -n "$print" ] || { echo "KTAP version 1"; echo "1..$#"; }
n=0
for t; do
	n=$((n + 1))
	rm -rf /tmp/bb/work
	mkdir -p /tmp/bb/work
	(cd /tmp/bb/work && sh "$dir/$t.sh" </dev/null >/tmp/bb/raw 2>&1; echo "exit $?" >>/tmp/bb/raw)
	sed -f "$dir/normalise.sed" /tmp/bb/raw >/tmp/bb/out
	if [ -n "$print" ]; then
		echo "### begin $t"
		cat /tmp/bb/out
		echo "### end $t"
	elif cmp -s /tmp/bb/out "$dir/expected/$t.out"; then
		echo "ok $n $t"
	else
		diff -u "$dir/expected/$t.out" /tmp/bb/out | sed 's/^/# /'
		echo "not ok $n $t"
	fi
done
rm -rf /tmp/bb
