# echo, printf, test/[ and the shell's own arithmetic and quoting
echo hello world
echo -n "no newline"; echo " <- then one"
echo -e 'tab\there' 2>&1
printf '%s=%d %05.1f %x|%-4s|\n' abc 42 3.14159 255 ab
x="two  spaces"; echo "$x" $x
test -d / && echo "/ is a directory"
[ -f /etc/hostname ] && echo "/etc/hostname is a file"
[ -e /nonexistent ] || echo "/nonexistent does not exist"
test 3 -lt 5 && echo "3 < 5"
test abc = abd || echo "abc != abd"
[ -z "" ] && [ -n x ] && echo "-z and -n"
[ -x /bin/busybox ] && echo "busybox is executable"
[ /bin/sh -ef /bin/busybox ] && echo "/bin/sh is /bin/busybox (a hard link)"
[ /etc/hostname -nt /nonexistent ] && echo "-nt"
[ 1 -eq 2 ]; echo "status $?"
[ 1 -gt ]; echo "status $?"
echo $((6 * 7)) $((1 << 10)) $((17 % 5)) $((-3 / 2))
for i in a b c; do printf '%s.' "$i"; done; echo
i=0; while [ $i -lt 3 ]; do i=$((i + 1)); done; echo "i=$i"
case foo.c in *.h) echo header;; *.c) echo source;; esac
f() { echo "f got $# args: $*"; return 7; }; f 1 "2 3"; echo "f returned $?"
echo "${x%% *}" "${x#two}" "${#x}" "${unset:-default}"
