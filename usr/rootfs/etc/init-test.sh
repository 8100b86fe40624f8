#!/bin/sh
# /etc/init-test.sh - a shell script as PID 1 (issue 11, done-when 3):
#   rdinit=/etc/init-test.sh   the kernel runs it itself (fs/binfmt_script.c:
#                              /bin/sh becomes the program, the script its argument)
#   init=/etc/init-test.sh     /init runs the rc script, then execs it
# It prints KTAP (the matrix's init-script-* entries count its cases), a
# marker at its end, and powers off with poweroff -f (reboot(2) itself: no
# init is left to ask).
[ -d /proc/self ] || mount -t proc proc /proc
n=0
check() {	# check NAME COMMAND...: one KTAP case
	name=$1
	shift
	n=$((n + 1))
	if "$@" >/dev/null 2>&1; then
		echo "ok $n $name"
	else
		echo "not ok $n $name"
	fi
}
echo "KTAP version 1"
echo "1..5"
check pid_1 test "$$" = 1
check argv0 test "$0" = /etc/init-test.sh
# binfmt_script: argv is the interpreter, then the script's path
check interpreter_argv test "$(tr '\0' ' ' </proc/1/cmdline)" = "/bin/sh /etc/init-test.sh "
check pipeline test "$(seq 1 100 | sort -rn | head -n 1)" = 100
check child_status sh -c 'exit 0'
echo "# init-test: reached the end"
poweroff -f
