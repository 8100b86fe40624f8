#!/usr/bin/env python3
"""Write compile_commands.json for clangd (what `bear` would record).

Usage: gen_compile_commands.py DIR "CC KCFLAGS" "CC KAFLAGS" "CC HOSTCFLAGS"
       KERNEL_SRCS... -- HOST_TEST_SRCS...
Kernel sources get the kernel flags (assembly the assembler flags); host
test sources get the host flags, as the Makefile builds them.
"""
import json
import sys


def main():
    root, kcc, kas, hcc = sys.argv[1:5]
    rest = sys.argv[5:]
    split = rest.index("--") if "--" in rest else len(rest)
    kernel, host = rest[:split], rest[split + 1:]
    out = []
    for src in kernel:
        cmd = kas if src.endswith(".S") else kcc
        out.append({"directory": root, "file": src,
                    "command": f"{cmd} -c {src}"})
    for src in host:
        out.append({"directory": root, "file": src,
                    "command": f"{hcc} -c {src}"})
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
