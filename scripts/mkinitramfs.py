#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.py - build the initramfs the default boot unpacks
# (docs/fs/initramfs.md); the counterpart of Linux's usr/gen_initramfs.sh.
#
#   1. fill ROOT (build/rootfs/) from the skeleton (usr/rootfs/) and a
#      generated test tree: files of many sizes (empty, 1 byte, around
#      page sizes, a few hundred KiB), deep and long paths, symlinks
#      (relative, absolute, dangling, to a directory, in a loop), hard-link
#      groups, device nodes and a FIFO (when run as root or under fakeroot);
#      every entry gets a fixed mode and mtime;
#   2. write etc/initramfs.manifest: one line per entry, in archive order,
#      with its type, mode, size, CRC-32, mtime, nlink, hard-link group,
#      rdev and symlink target (tests/kernel/initramfs_kunit.c checks the
#      unpacked tree against it);
#   3. run GNU cpio (-o -H newc --reproducible -R 0:0) over the list,
#      parse the archive back and check it holds the manifest's entries
#      in the manifest's order;
#   4. --add DIR (any number of times): copy DIR's tree over the root
#      after the skeleton - the user programs (user/Makefile's
#      build/user/rootfs: /init and /bin/*, docs/user.md), so they sit in
#      the manifest like every other file;
#   5. --busybox FILE: copy FILE (Debian's busybox-static, /bin/busybox)
#      unmodified to bin/busybox and give it its applet names the way
#      Debian's initramfs hook (/usr/share/initramfs-tools/hooks/zz-busybox)
#      does: every name of `busybox --list-full`, a leading usr/ stripped,
#      a bare name put in bin/, and no name that is already there (the
#      skeleton's and the user programs' win). Hard links, as the hook
#      makes them: one inode for all (a symlink each would cost a tmpfs
#      inode each, which a 32 MiB machine runs short of); the manifest
#      check reads the data of the group's first name only;
#   6. --truncate NAME / --garble NAME: also write a copy cut in the
#      middle of NAME's data, and a copy whose header of NAME has a bad
#      magic ("0GARBL"), for the matrix's bad-archive boots.
#
# Python 3 standard library only.

import argparse
import os
import random
import shutil
import stat
import subprocess
import sys
import zlib

MANIFEST = "etc/initramfs.manifest"
EPOCH = 1700000000          # mtimes are EPOCH + 7 * index: fixed, distinct

SIZES = [0, 1, 2, 3, 7, 8, 100, 511, 512, 513, 1000, 4095, 4096, 4097, 8191,
         8192, 8193, 12288, 65535, 65536, 65537, 300 * 1024, 300 * 1024 + 1]
FILE_MODES = [0o644, 0o600, 0o755, 0o444, 0o640, 0o4755, 0o2755, 0o1755]


def data_for(name, size):
    """Deterministic bytes for a file: the same tree on every build."""
    return random.Random(name).randbytes(size)


def write(root, rel, data, mode):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    os.chmod(p, mode)


def mkdir(root, rel, mode=0o755):
    p = os.path.join(root, rel)
    os.makedirs(p, exist_ok=True)
    os.chmod(p, mode)


def symlink(root, rel, target):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    os.symlink(target, p)


def busybox_names(binary):
    """Where Debian's initramfs hook puts each applet: bin/NAME or sbin/NAME."""
    p = subprocess.run([binary, "--list-full"], stdout=subprocess.PIPE, check=True)
    out = []
    for name in p.stdout.decode().split():
        name = name.lstrip("/")
        if name.startswith("usr/"):
            name = name[4:]
        elif "/" not in name:
            name = "bin/" + name
        out.append(name)
    return out


def add_busybox(root, binary):
    """bin/busybox and its names; returns them, a hard-link group."""
    mkdir(root, "bin")
    dst = os.path.join(root, "bin", "busybox")
    shutil.copyfile(binary, dst)
    os.chmod(dst, 0o755)
    group = ["bin/busybox"]
    for name in busybox_names(binary):
        p = os.path.join(root, name)
        if os.path.lexists(p):
            continue
        os.makedirs(os.path.dirname(p), exist_ok=True)
        os.link(dst, p)
        group.append(name)
    return sorted(group)


def generate(root, skel, big_mib, add=(), busybox=None):
    """The tree; returns the hard-link groups as lists of paths."""
    if os.path.isdir(skel):
        shutil.copytree(skel, root, symlinks=True, dirs_exist_ok=True)
    for d in add:
        if not os.path.isdir(d):
            sys.exit("mkinitramfs: --add %s: no such directory" % d)
        shutil.copytree(d, root, symlinks=True, dirs_exist_ok=True)
    bb_group = None
    if busybox:
        if not os.access(busybox, os.X_OK):
            sys.exit("mkinitramfs: --busybox %s: not an executable (scripts/install-deps.sh)" % busybox)
        bb_group = add_busybox(root, busybox)
    mkdir(root, "etc")
    mkdir(root, "root", 0o700)
    mkdir(root, "tmp", 0o1777)
    mkdir(root, "dev")
    mkdir(root, "proc", 0o555)      # /etc/init.d/rcS mounts procfs here
    # files of many sizes and modes
    for i, size in enumerate(SIZES):
        rel = "test/sizes/size_%d" % size
        write(root, rel, data_for(rel, size), FILE_MODES[i % len(FILE_MODES)])
    write(root, "test/sizes/text", b"".join(b"line %d of a text file\n" % i
                                            for i in range(200)), 0o644)
    if big_mib:
        rel = "test/big/file_%dMiB" % big_mib
        write(root, rel, data_for(rel, big_mib << 20), 0o644)
    # deep: 48 levels
    deep = "test/deep/" + "/".join("l%02d" % i for i in range(1, 49))
    write(root, deep + "/leaf", b"at the bottom\n", 0o644)
    # long: a name of NAME_MAX bytes, a path of ~3.9 KiB (PATH_MAX is 4096)
    write(root, "test/names/" + "n" * 255, b"NAME_MAX\n", 0o644)
    longdir = "test/long/" + "/".join(("%02d" % i) * 124 + "d" for i in range(15))
    write(root, longdir + "/f", b"a long path\n", 0o600)
    write(root, "test/names/with-dash_and.dots", b"", 0o644)
    # symlinks
    symlink(root, "test/links/rel", "../sizes/size_4096")
    symlink(root, "test/links/abs", "/etc/hostname")
    symlink(root, "test/links/dangling", "../no/such/file")
    symlink(root, "test/links/todir", "../deep")
    symlink(root, "test/links/chain1", "chain2")
    symlink(root, "test/links/chain2", "rel")
    symlink(root, "test/links/loop1", "loop2")
    symlink(root, "test/links/loop2", "loop1")
    symlink(root, "test/links/longtarget", "/" + "/".join(["t" * 99] * 10))
    os.mkfifo(os.path.join(root, "test/fifo"))
    os.chmod(os.path.join(root, "test/fifo"), 0o620)
    if os.geteuid() == 0:       # root, or fakeroot pretending to be
        for name, mode, major, minor in [("console", 0o600, 5, 1), ("null", 0o666, 1, 3),
                                         ("zero", 0o666, 1, 5), ("full", 0o666, 1, 7),
                                         ("urandom", 0o666, 1, 9), ("ttyS0", 0o660, 4, 64),
                                         ("tty", 0o666, 5, 0), ("tty1", 0o620, 4, 1)]:
            os.mknod(os.path.join(root, "dev", name), stat.S_IFCHR | mode,
                     os.makedev(major, minor))
            os.chmod(os.path.join(root, "dev", name), mode)
    # hard links: members of a group are listed next to each other
    groups = [["test/hard/a", "test/hard/b", "test/hard/sub/c"],
              ["test/hard/x", "test/hard/y"],
              ["test/hard/empty1", "test/hard/empty2"]]
    write(root, groups[0][0], data_for("hard-a", 5000), 0o640)
    write(root, groups[1][0], b"two names\n", 0o600)
    write(root, groups[2][0], b"", 0o644)
    for g in groups:
        for other in g[1:]:
            os.makedirs(os.path.dirname(os.path.join(root, other)), exist_ok=True)
            os.link(os.path.join(root, g[0]), os.path.join(root, other))
    return groups + ([bb_group] if bb_group else [])


def archive_order(root, groups):
    """The entries in archive order: etc and the manifest first (so a
    damaged archive still carries it), then sorted, hard-link groups kept
    together (in the order of their group list) where the last of them sorts,
    so that every name's directory comes before it."""
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for n in dirnames + filenames:
            paths.append(os.path.relpath(os.path.join(dirpath, n), root))
    paths = sorted(set(paths) | {MANIFEST})
    grouped = {p for g in groups for p in g}
    last = {max(g): g for g in groups}      # a group goes where its last name sorts
    order = ["etc", MANIFEST]
    for p in paths:
        if p in ("etc", MANIFEST):
            continue
        if p in grouped:
            if p in last:
                order += last[p]
            continue
        order.append(p)
    # a directory before what is in it
    seen = set()
    for p in order:
        parent = os.path.dirname(p)
        if parent and parent not in seen:
            sys.exit("mkinitramfs: %s listed before its directory" % p)
        seen.add(p)
    return order


def set_mtimes(root, order):
    """Fixed mtimes; directories last, deepest first, since filling them changed theirs."""
    for i, p in enumerate(order):
        full = os.path.join(root, p)
        if not os.path.isdir(full) or os.path.islink(full):
            os.utime(full, (EPOCH + 7 * i, EPOCH + 7 * i), follow_symlinks=False)
    for i, p in sorted(enumerate(order), key=lambda e: -e[1].count("/")):
        full = os.path.join(root, p)
        if os.path.isdir(full) and not os.path.islink(full):
            os.utime(full, (EPOCH + 7 * i, EPOCH + 7 * i))


def crc_of(path):
    crc = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 20)
            if not b:
                return crc & 0xffffffff
            crc = zlib.crc32(b, crc)


def manifest_lines(root, order, groups):
    gid = {p: "g%d" % i for i, g in enumerate(groups) for p in g}
    lines = ["# Linnet initramfs manifest (scripts/mkinitramfs.py); one entry a line, in archive order:",
             "# index type mode(octal) size crc32 mtime nlink group rdev(major:minor) path [target]",
             "# type: d f l c b p s; crc32 of a file's data (zlib's), of a symlink's target;",
             "# group: hard-link group or -; size of a directory: 0 (not checked)"]
    for i, p in enumerate(order):
        if any(c.isspace() for c in p):
            sys.exit("mkinitramfs: %r: names with white space cannot go in the manifest" % p)
        if p == MANIFEST:
            continue        # it cannot describe its own checksum
        full = os.path.join(root, p)
        st = os.lstat(full)
        m = st.st_mode
        target = ""
        rdev = "-"
        if stat.S_ISDIR(m):
            t, size, crc, nlink = "d", 0, 0, "-"
        elif stat.S_ISREG(m):
            t, size, crc, nlink = "f", st.st_size, crc_of(full), str(st.st_nlink)
        elif stat.S_ISLNK(m):
            target = os.readlink(full)
            t, size, crc, nlink = "l", len(target.encode()), zlib.crc32(target.encode()), "1"
        elif stat.S_ISCHR(m) or stat.S_ISBLK(m):
            t = "c" if stat.S_ISCHR(m) else "b"
            size, crc, nlink = 0, 0, "1"
            rdev = "%d:%d" % (os.major(st.st_rdev), os.minor(st.st_rdev))
        elif stat.S_ISFIFO(m):
            t, size, crc, nlink = "p", 0, 0, "1"
        else:
            t, size, crc, nlink = "s", 0, 0, "1"
        lines.append("%d %s %o %d %08x %d %s %s %s %s%s" % (
            i, t, m, size, crc, int(st.st_mtime), nlink, gid.get(p, "-"), rdev, p,
            " " + target if target else ""))
    return "\n".join(lines) + "\n"


def parse_newc(data):
    """[(name, header offset, data offset, size, mode)] of a newc archive."""
    out, off = [], 0
    while off + 110 <= len(data):
        if data[off:off + 6] not in (b"070701", b"070702"):
            if data[off] == 0:
                off += 4
                continue
            sys.exit("mkinitramfs: no cpio magic at %d" % off)
        f = [int(data[off + 6 + 8 * i: off + 14 + 8 * i], 16) for i in range(13)]
        mode, size, namesize = f[1], f[6], f[11]
        name = data[off + 110: off + 110 + namesize - 1].decode()
        doff = (off + 110 + namesize + 3) & ~3
        out.append((name, off, doff, size, mode))
        if name == "TRAILER!!!":
            break
        off = (doff + size + 3) & ~3
    return out


def run_cpio(root, order, out):
    """GNU cpio over the list; returns the archive and its parsed entries."""
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        p = subprocess.run(["cpio", "-o", "-H", "newc", "--reproducible", "-R", "0:0", "--quiet"],
                           cwd=root, input="".join(x + "\n" for x in order).encode(), stdout=f)
    if p.returncode:
        sys.exit("mkinitramfs: cpio failed")
    with open(tmp, "rb") as f:
        data = f.read()
    os.replace(tmp, out)
    return data, parse_newc(data)


def main():
    ap = argparse.ArgumentParser(description="build the initramfs (docs/fs/initramfs.md)")
    ap.add_argument("--skel", default="usr/rootfs")
    ap.add_argument("--root", default="build/rootfs")
    ap.add_argument("--out", default="build/initramfs.cpio")
    ap.add_argument("--big-mib", type=int, default=0,
                    help="add one file of this many MiB (the unpack-rate measurement)")
    ap.add_argument("--add", metavar="DIR", action="append", default=[],
                    help="copy DIR's tree into the root too (the user programs)")
    ap.add_argument("--busybox", metavar="FILE",
                    help="copy this busybox to bin/busybox with its applet links")
    ap.add_argument("--truncate", metavar="NAME", help="write OUT-truncated.cpio, cut in NAME's data")
    ap.add_argument("--garble", metavar="NAME", help="write OUT-garbled.cpio, NAME's magic broken")
    a = ap.parse_args()

    if os.path.lexists(a.root):
        shutil.rmtree(a.root)
    os.makedirs(a.root)
    groups = generate(a.root, a.skel, a.big_mib, a.add, a.busybox)
    # GNU cpio emits a hard-link group in an order of its own (the data with
    # the last name): take the archive's order from a first run with an
    # empty manifest, then write the manifest in that order and run again.
    mpath = os.path.join(a.root, MANIFEST)
    open(mpath, "w").close()
    order = [e[0] for e in run_cpio(a.root, archive_order(a.root, groups), a.out)[1]][:-1]
    set_mtimes(a.root, order)
    text = manifest_lines(a.root, order, groups)
    with open(mpath, "w") as f:
        f.write(text)
    os.chmod(mpath, 0o644)
    set_mtimes(a.root, order)       # writing the manifest changed its mtime and etc's
    data, entries = run_cpio(a.root, archive_order(a.root, groups), a.out)
    if [e[0] for e in entries] != order + ["TRAILER!!!"]:
        sys.exit("mkinitramfs: the archive's order is not the manifest's")
    base = a.out[:-5] if a.out.endswith(".cpio") else a.out
    for opt, kind in ((a.truncate, "truncated"), (a.garble, "garbled")):
        if not opt:
            continue
        e = [x for x in entries if x[0] == opt]
        if not e:
            sys.exit("mkinitramfs: %s is not in the archive" % opt)
        name, hoff, doff, size, mode = e[0]
        if kind == "truncated":
            if size < 2:
                sys.exit("mkinitramfs: %s has no data to cut" % opt)
            bad = data[:doff + size // 2]
        else:
            bad = data[:hoff + 1] + b"GARBL" + data[hoff + 6:]
        with open("%s-%s.cpio" % (base, kind), "wb") as f:
            f.write(bad)
    print("  CPIO    %s: %d entries, %d bytes" % (a.out, len(order), len(data)))


if __name__ == "__main__":
    main()
