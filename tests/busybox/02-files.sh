# mkdir rm cp mv ln cat ls find, and their error messages (errnos)
mkdir -p a/b/c
echo one > a/f1
cp a/f1 a/f2
mv a/f2 a/b/f3
cat a/b/f3
ls a
ls -R a
cp -r a copy
find copy | sort
rm -r copy
ls
ln -s f1 a/link
readlink a/link
cat a/link
ln a/f1 a/hard
ls -li a/f1 a/hard | awk '{print $3, $NF}'
echo two >> a/f1; cat a/hard
ls -l a/b/f3 | awk '{print $1, $2, $5, $NF}'
chmod 600 a/b/f3; ls -l a/b/f3 | awk '{print $1}'
touch a/empty; [ -s a/empty ] || echo "a/empty is empty"
rmdir a/b/c
rmdir a/b; echo "rmdir non-empty: $?"
rm a; echo "rm directory: $?"
cat /nonexistent; echo "cat: $?"
ls /nonexistent; echo "ls: $?"
mkdir a; echo "mkdir existing: $?"
mkdir /nonexistent/x; echo "mkdir under nothing: $?"
cd /etc/hostname; echo "cd file: $?"
mv a/nothing a/x; echo "mv: $?"
cp a a2; echo "cp dir: $?"
rm -r a; ls -A
