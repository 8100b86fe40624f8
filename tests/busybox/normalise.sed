# tests/busybox/normalise.sed - what may differ between Linux's and Linnet's
# output of the busybox scripts, masked the same way on both (docs/user.md).
# Anything else must be byte for byte what Linux printed. The scripts put a
# tag in front of a line whose numbers are not the kernel's to match:
#   "@ " the numbers on the line are masked (N) and runs of spaces squeezed
#        (ps, free, /proc/meminfo values: pids, times, memory sizes)
/^@ /{
s/[0-9][0-9]*/N/g
s/  */ /g
}
# dd's statistics line: the time and the rate
s/^\([0-9]* bytes ([0-9.]*[kMG]*B) copied\), .*/\1, T/
# the kernel's release and version strings (uname -r, -v, -a, /proc/version)
s/@@release=.*/@@release=R/
s/@@version=.*/@@version=V/
