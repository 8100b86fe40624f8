# SPDX-License-Identifier: GPL-2.0
#
# linnet.gdb - GDB setup for debugging Linnet; `make gdb` loads it with
#   gdb -x scripts/gdb/linnet.gdb -ex "target remote ..." build/kernel.elf
# It runs before `target remote`, so it only sets options and defines
# commands; it never touches the target. Load it by hand with
#   (gdb) source scripts/gdb/linnet.gdb
#
# The commands themselves are Python, in linnet.py next to this file
# (Linux: vmlinux-gdb.py loading scripts/gdb/linux/*.py). GDB cannot tell
# a script where it lives, so the Python block below looks for linnet.py
# in: $LINNET_GDB_PY, the directory of a `-x .../linnet.gdb` on gdb's own
# command line, ./scripts/gdb (gdb started at the repo root, as `make gdb`
# does), next to the kernel ELF (build/../scripts/gdb), and the kernel's
# source tree as its debug info records it.

set pagination off
set print pretty on
set disassembly-flavor att
# The CPU switches between 32- and 64-bit code during boot; the ELF is
# 64-bit, which is what GDB must assume (never `set architecture i386`).

python
import os

def _linnet_find_py():
    cands = []
    env = os.environ.get("LINNET_GDB_PY")
    if env:
        cands.append(env)
    try:
        with open("/proc/self/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0")]
        for i, a in enumerate(argv):
            path = None
            if a in ("-x", "-command", "--command", "-ix", "-init-command",
                     "--init-command") and i + 1 < len(argv):
                path = argv[i + 1]
            elif a.startswith(("--command=", "-command=", "-x=")):
                path = a.split("=", 1)[1]
            elif a.startswith("source "):           # -ex "source .../linnet.gdb"
                path = a.split(None, 1)[1].strip()
            if path and os.path.basename(path) == "linnet.gdb":
                cands.append(os.path.join(os.path.dirname(path), "linnet.py"))
    except OSError:
        pass
    cands.append(os.path.join("scripts", "gdb", "linnet.py"))
    for obj in gdb.objfiles():
        if obj.filename:
            d = os.path.dirname(os.path.realpath(obj.filename))
            cands.append(os.path.join(d, "..", "scripts", "gdb", "linnet.py"))
    try:
        sym = gdb.lookup_global_symbol("start_kernel")
        if sym is not None and sym.symtab is not None:
            src = sym.symtab.fullname()          # <tree>/init/main.c
            tree = os.path.dirname(os.path.dirname(src))
            cands.append(os.path.join(tree, "scripts", "gdb", "linnet.py"))
    except gdb.error:
        pass
    for c in cands:
        if os.path.isfile(c):
            return os.path.abspath(c)
    return None

_linnet_py = _linnet_find_py()
if _linnet_py is None:
    gdb.write("linnet.gdb: cannot find linnet.py (start gdb at the repo root "
              "or set LINNET_GDB_PY); lx- commands not loaded\n",
              gdb.STDERR)
else:
    # Loaded as a module (Linux: vmlinux-gdb.py imports linux.*), so its
    # helpers stay out of gdb's __main__; no __pycache__ in the tree.
    import importlib.util, sys
    _spec = importlib.util.spec_from_file_location("linnet_gdb", _linnet_py)
    _mod = importlib.util.module_from_spec(_spec)
    _old, sys.dont_write_bytecode = sys.dont_write_bytecode, True
    try:
        _spec.loader.exec_module(_mod)
    finally:
        sys.dont_write_bytecode = _old
    sys.modules["linnet_gdb"] = _mod
    del _spec, _mod, _old
    gdb.write("Linnet GDB helpers: lx-dmesg, lx-cmdline, lx-version, "
              "lx-paging, lx-e820, translate-va ADDR, lx-ps, lx-cpus, "
              "lx-buddyinfo, lx-slabinfo, lx-vmstat, $lx_per_cpu, "
              "$lx_current, $lx_task_by_pid (help <command>)\n")
del _linnet_find_py, _linnet_py
end
