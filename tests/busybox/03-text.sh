# head tail wc grep sed awk sort uniq cut tr xargs on a known file
seq 1 20 > n
head -n 3 n
tail -n 2 n
head -c 10 n | od -c | head -n 2
wc -l n; wc -w < n; wc -c n
grep -c 1 n
grep -n '^1.$' n | head -n 3
grep -v '[02-9]' n
grep -q 17 n && echo found 17
grep nothing n; echo "grep none: $?"
sed -n 's/^\(1\)\(.\)$/\2\1/p' n | tr '\n' ' '; echo
sed '3,18d' n
awk '{ s += $1 } END { print "sum", s, "lines", NR }' n
awk -F: '$1 == "root" { print $6, $7 }' /etc/passwd
sort -r n | head -n 3
sort -n -r n | head -n 3
printf 'b 2\na 10\nc 1\na 10\n' | sort | uniq -c
printf 'b 2\na 10\nc 1\n' | sort -k2,2n
echo "a,b,c" | cut -d, -f2,3
echo HELLO | tr A-Z a-z
echo a b c d | xargs -n 2 echo pair
printf '%s\n' x y z | xargs echo all:
wc -l /test/sizes/text
tail -n 1 /test/sizes/text
grep -c "of a text" /test/sizes/text
md5sum /test/sizes/size_4097 /test/hard/a | sed 's| .*/| |'
