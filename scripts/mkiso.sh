#!/bin/sh
# Build a bootable GRUB (multiboot2) ISO around a kernel ELF.
# Usage: scripts/mkiso.sh KERNEL.elf OUT.iso "CMDLINE" [INITRD]
# The command line is baked into grub.cfg, so each distinct command line
# needs its own ISO; grub-mkrescue takes a fraction of a second.
set -e
kernel=$1 out=$2 cmdline=$3 initrd=$4
[ -d /usr/lib/grub/i386-pc ] || {
	echo "mkiso: /usr/lib/grub/i386-pc missing: apt-get install grub-pc-bin" >&2
	exit 1
}
dir=$(mktemp -d "${TMPDIR:-/tmp}/linnet-iso.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/kernel.elf"
{
	echo 'set timeout=0'
	echo 'set default=0'
	echo 'serial --unit=0 --speed=115200'
	echo 'terminal_input serial console'
	echo 'terminal_output serial console'
	echo 'menuentry "Linnet" {'
	echo "	multiboot2 /boot/kernel.elf $cmdline"
	if [ -n "$initrd" ]; then
		cp "$initrd" "$dir/boot/initramfs.cpio"
		echo '	module2 /boot/initramfs.cpio initramfs'
	fi
	echo '	boot'
	echo '}'
} >"$dir/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$dir" >/dev/null 2>&1 || {
	echo "mkiso: grub-mkrescue failed" >&2
	grub-mkrescue -o "$out" "$dir"
	exit 1
}
