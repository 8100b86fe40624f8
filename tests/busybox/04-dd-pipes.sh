# dd, pipes, SIGPIPE, here-documents, redirections
dd if=/dev/zero of=z bs=1024 count=64
ls -l z | awk '{print $5}'
dd if=/test/sizes/size_65537 bs=1000 skip=3 count=5 2>/dev/null | md5sum
dd if=/dev/urandom bs=4096 count=16 2>/dev/null | wc -c
dd if=/test/sizes/size_300 of=/dev/null 2>&1; echo "dd nothing: $?"
yes | head -n 3
yes hello | head -c 12; echo
cat /test/sizes/size_307200 | cat | cat | wc -c
cat <<END
here $((1 + 1))
END
cat <<'END'
quoted $HOME
END
{ echo out; echo err >&2; } 2>&1 >/dev/null
echo to-file > f; echo append >> f; cat < f
exec 3<f; read line <&3; echo "fd 3: $line"; exec 3<&-
echo abc | { read v; echo "read $v"; }
false | true; echo "pipeline status $?"
set -o pipefail 2>/dev/null; false | true; echo "pipefail status $?"
