#!/bin/sh
# Make sure the Debian packages the build and the tests need are installed.
# As root: installs what is missing (apt-get). Otherwise: prints the exact
# command to run and fails. Usage: scripts/install-deps.sh
set -e
need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd qemu-system-x86_64 || need="$need qemu-system-x86"
[ -d /usr/lib/grub/i386-pc ] || need="$need grub-pc-bin"
have_cmd grub-mkrescue || need="$need grub-common"
have_cmd xorriso || need="$need xorriso"
have_cmd mformat || need="$need mtools"
have_cmd cpio || need="$need cpio"
have_cmd fakeroot || need="$need fakeroot"
have_cmd musl-gcc || need="$need musl-tools"
[ -f /usr/include/cmocka.h ] || need="$need libcmocka-dev"
have_cmd gdb || need="$need gdb"
have_cmd python3 || need="$need python3"
have_cmd gcc || need="$need gcc"
have_cmd make || need="$need make"
have_cmd nm || need="$need binutils"
# Debian's static busybox goes into the initramfs unmodified (docs/user.md);
# the dynamic "busybox" package also has a /bin/busybox, but needs libc.
dpkg -S /bin/busybox 2>/dev/null | grep -q '^busybox-static:' || need="$need busybox-static"
[ -n "$need" ] || exit 0

if [ "$(id -u)" = 0 ]; then
	echo "install-deps: installing:$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq $need
else
	echo "install-deps: missing Debian packages. Run as root:" >&2
	echo "  apt-get update && apt-get install -y$need" >&2
	exit 1
fi
