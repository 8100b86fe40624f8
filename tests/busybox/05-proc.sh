# ps free mount uname hostname and /proc, the values masked ("@ " lines)
uname -s; uname -m; uname -o
echo "@@release=$(uname -r)"
hostname bbtest; hostname; cat /proc/sys/kernel/hostname
cat /proc/sys/kernel/ostype
mount -t tmpfs -o size=1m tmpfs /tmp/bb/work; echo "mount tmpfs: $?"
grep -E '^(proc|tmpfs) ' /proc/mounts | sed 's/size=[0-9]*k/size=Sk/'
mount | grep -E '^(proc|tmpfs) ' | sed 's/size=[0-9]*k/size=Sk/'
echo hi > /tmp/bb/work/x; cat /tmp/bb/work/x
umount /tmp/bb/work; echo "umount: $?"; ls /tmp/bb/work
free > free.out; sed 's/^/@ /' free.out
awk -F: '/^(MemTotal|MemFree|MemAvailable|Cached|Shmem|CommitLimit|Committed_AS):/ { print "@ " $0 }' /proc/meminfo
# the processes of this boot (kernel threads, "[name]", left out; the
# runner's own arguments vary with how it was started)
ps > ps.out; grep -v ']$' ps.out | sed 's/^/@ /; s/run\.sh.*/run.sh .../'
ps -o pid,ppid,stat,comm,args > ps2.out; grep -v ']$' ps2.out | sed 's/^/@ /; s/run\.sh.*/run.sh .../'
sleep 30 & pid=$!
# until the child has exec'd sleep (before, ps would show it as sh)
while [ "$(cat /proc/$pid/comm)" != sleep ]; do sleep 0.01; done
ps -o pid,stat,args > ps3.out; grep -E 'PID|sleep' ps3.out | sed 's/^/@ /'
kill $pid; wait $pid; echo "sleep killed: $?"
[ "$(readlink /proc/self)" -gt 1 ] && echo "/proc/self is a pid"
cat /proc/self/comm
tr '\0' ' ' < /proc/self/cmdline; echo
grep -E '^(Name|State|PPid|Threads):' /proc/self/status | sed 's/^PPid:.*/PPid: P/'
cut -d' ' -f2,3 /proc/self/stat
cat /proc/sys/vm/overcommit_memory
