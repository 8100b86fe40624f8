# Linnet — a teaching kernel for x86-64 that mirrors Linux's designs.
#
#   make            build build/kernel.elf and build/linnet.iso
#   make run        build and boot in QEMU on this terminal (Ctrl-A X quits)
#   make run-gui    the same in a QEMU window: VGA text console, PS/2 keyboard
#   make test       host unit tests + in-kernel tests (4- and 5-level) + GDB test
#   make debug      boot halted, waiting for GDB;  make gdb  attaches to it
#   make help       everything else
#
# Options: CMDLINE="..." (kernel command line), INITRD=file (first module;
# default build/initramfs.cpio, built from build/rootfs/; INITRD= for none),
# QEMU_CPU=qemu64|max, QEMU_MEM=128M, QEMU_SMP=2.

CC       := gcc
PYTHON   := python3
BUILD    := build
CMDLINE  ?=
INITRD   ?= $(BUILD)/initramfs.cpio
QEMU_CPU ?= max
QEMU_MEM ?= 128M
QEMU_SMP ?= 2
GDB_PORT ?= $(shell echo $$(( $$(id -u) % 5000 + 25000 )))

KERNEL := $(BUILD)/kernel.elf
ISO    := $(BUILD)/linnet.iso
INITRAMFS := $(BUILD)/initramfs.cpio
INITRAMFS_BAD := $(BUILD)/initramfs-truncated.cpio $(BUILD)/initramfs-garbled.cpio \
	$(BUILD)/initramfs-nobusybox.cpio

# --- kernel build ---------------------------------------------------------
KCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-Wmissing-prototypes -Wstrict-prototypes -Werror=implicit-function-declaration \
	-ffreestanding -fno-pie -fno-pic -mcmodel=kernel -mno-red-zone \
	-mgeneral-regs-only -mpreferred-stack-boundary=3 \
	-fno-omit-frame-pointer -fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables -fno-stack-protector \
	-fno-strict-aliasing -fno-common -fno-ipa-sra \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iinclude -I$(BUILD)/include -D__KERNEL__
KAFLAGS := -D__ASSEMBLY__ -Iinclude -I$(BUILD)/include -D__KERNEL__ -g
KLDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack \
	-Wl,--no-warn-rwx-segments -T linker.ld

KERNEL_SRCS := $(wildcard boot/*.S init/*.c kernel/*.c kernel/*.S kernel/*/*.c \
	ipc/*.c mm/*.c lib/*.c lib/*/*.c drivers/*.c drivers/*/*.c drivers/*/*/*.c fs/*.c tests/kernel/*.c \
	fs/*/*.c)
KERNEL_OBJS := $(patsubst %,$(BUILD)/%.o,$(basename $(KERNEL_SRCS)))
DEPFILES := $(KERNEL_OBJS:.o=.d)

# --- host unit tests (the same mm/, lib/, kernel/ files, under ASan + UBSan) ---
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Itests/host/include -Iinclude -DHOST_TEST
HOST_LIBS := -lcmocka
HOST_TESTS := $(patsubst tests/host/%.c,$(BUILD)/host-tests/%,$(wildcard tests/host/test_*.c))
# Kernel files each host test compiles, besides its own source.
HOST_COMMON := tests/host/stubs.c lib/string.c mm/percpu.c
HOST_SRCS_test_cmdline := lib/cmdline.c kernel/params.c
HOST_SRCS_test_multiboot2 := kernel/multiboot2.c
HOST_SRCS_test_e820 := kernel/e820.c
HOST_SRCS_test_pgtable = mm/pgtable.c $(HOST_MM)
HOST_SRCS_test_acpi := drivers/acpi/tables.c
HOST_SRCS_test_xarray := lib/xarray.c
HOST_SRCS_test_initramfs := init/initramfs.c lib/crc32.c
HOST_SRCS_test_iov_iter := lib/iov_iter.c
HOST_SRCS_test_char_dev := fs/char_dev.c
HOST_SRCS_test_rbtree := lib/rbtree.c
# memblock hands its free memory to the buddy, so it links the page allocator.
HOST_MM := mm/memblock.c mm/page_alloc.c mm/mm_init.c mm/slub.c mm/vmstat.c \
	lib/math.c lib/random.c
HOST_SRCS_test_memblock := $(HOST_MM)
HOST_SRCS_test_page_alloc := $(HOST_MM)
HOST_SRCS_test_slub := $(HOST_MM)
HOST_SRCS_test_vmalloc := $(HOST_MM) lib/rbtree.c mm/vmalloc.c
HOST_SRCS_test_mmap := $(HOST_MM) lib/rbtree.c mm/vma.c mm/mmap.c mm/util.c mm/mprotect.c mm/mremap.c \
	mm/madvise.c mm/msync.c mm/interval_tree.c

DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all run run-gui debug gdb test test-host test-kernel stress clean help deps iso bench bench-host bench-user syscalls-doc \
	initramfs bench-initramfs busybox-expected compare-busybox
all: $(KERNEL) $(ISO) $(INITRAMFS) $(BUILD)/compile_commands.json

deps: $(DEPS_STAMP)
$(DEPS_STAMP): scripts/install-deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/install-deps.sh
	@touch $@

# The system-call table (kernel/syscalls/syscall_64.tbl -> kernel/syscall_64.c).
SYSCALLS_H := $(BUILD)/include/generated/asm/syscalls_64.h
$(SYSCALLS_H): kernel/syscalls/syscall_64.tbl scripts/syscalltbl.py
	@mkdir -p $(dir $@)
	@echo "  SYSTBL  $@"
	@$(PYTHON) scripts/syscalltbl.py $< $@
$(BUILD)/kernel/syscall_64.o: $(SYSCALLS_H)

$(BUILD)/%.o: %.c $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.S $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(KAFLAGS) -MMD -MP -c -o $@ $<

# The list of objects, rewritten only when it changes: a source file that
# is added or removed relinks the kernel even if no object is newer.
$(BUILD)/.kernel-objs: FORCE
	@mkdir -p $(BUILD)
	@echo '$(KERNEL_OBJS)' | cmp -s - $@ || echo '$(KERNEL_OBJS)' > $@

$(KERNEL): $(KERNEL_OBJS) $(BUILD)/.kernel-objs linker.ld scripts/link-kernel.sh scripts/kallsyms.py
	@echo "  LD      $@ (3 passes, kallsyms)"
	@sh scripts/link-kernel.sh $@ "$(CC)" "$(KLDFLAGS)" $(KERNEL_OBJS)
	@grub-file --is-x86-multiboot2 $@ || { echo "$@: no multiboot2 header"; exit 1; }

# The ISO carries the command line, so it is rebuilt when CMDLINE changes.
$(BUILD)/.cmdline: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CMDLINE)|$(INITRD)' | cmp -s - $@ || echo '$(CMDLINE)|$(INITRD)' > $@

$(ISO): $(KERNEL) $(BUILD)/.cmdline scripts/mkiso.sh $(INITRD)
	@echo "  ISO     $@  (cmdline: $(CMDLINE))"
	@sh scripts/mkiso.sh $(KERNEL) $@ "$(CMDLINE)" $(INITRD)
iso: $(ISO)

QEMU := qemu-system-x86_64 -M pc -cpu $(QEMU_CPU) -m $(QEMU_MEM) -smp $(QEMU_SMP) \
	-cdrom $(ISO) -boot d -no-reboot

run: $(ISO)
	@echo "Booting Linnet in QEMU (TCG). Leave with Ctrl-A X."
	$(QEMU) -display none -serial mon:stdio

# run-gui: a QEMU window with the VGA text console and the PS/2 keyboard; the
# kernel log goes to both screens, /dev/console (the shell) is tty1 (the
# last console=), the serial port stays on this terminal as ttyS0.
GUI_ISO := $(BUILD)/linnet-gui.iso
GUI_CMDLINE := $(CMDLINE) console=ttyS0 console=tty0
$(GUI_ISO): $(KERNEL) $(BUILD)/.cmdline scripts/mkiso.sh $(INITRD)
	@echo "  ISO     $@  (cmdline: $(GUI_CMDLINE))"
	@sh scripts/mkiso.sh $(KERNEL) $@ "$(GUI_CMDLINE)" $(INITRD)

run-gui: $(GUI_ISO)
	$(patsubst $(ISO),$(GUI_ISO),$(QEMU)) -serial mon:stdio

debug: $(ISO)
	@echo "QEMU is halted before the first instruction, gdbstub on port $(GDB_PORT)."
	@echo "In another terminal: make gdb   (Ctrl-A X here ends QEMU)"
	$(QEMU) -display none -serial mon:stdio -S -gdb tcp:127.0.0.1:$(GDB_PORT)

gdb: $(KERNEL)
	gdb -q -iex "set auto-load safe-path /" -x scripts/gdb/linnet.gdb \
		-ex "target remote 127.0.0.1:$(GDB_PORT)" $(KERNEL)

# --- the initramfs (docs/fs/initramfs.md) -----------------------------------------
# build/rootfs/ is filled from usr/rootfs/ and a generated test tree, with a
# manifest the in-kernel test checks; GNU cpio packs it (newc). fakeroot
# lets a non-root build make device nodes owned by root. The truncated and
# garbled copies are for the matrix's bad-archive boots (tests/matrix.py),
# initramfs-nobusybox.cpio for its 32 MiB boots.
# The user programs (user/Makefile, docs/user.md) go in as /init and /bin/*.
include user/Makefile
# Debian's busybox-static, copied unmodified with its applet links (docs/user.md).
BUSYBOX ?= /bin/busybox
# tests/busybox (the conformance scripts) goes in here, expected output and all.
BUSYBOX_TESTS := usr/share/linnet/busybox-tests
INITRAMFS_SRCS := scripts/mkinitramfs.py $(shell find usr/rootfs tests/busybox 2>/dev/null) $(USER_INSTALL) \
	$(BUSYBOX)
FAKEROOT := $(shell command -v fakeroot 2>/dev/null)

$(INITRAMFS) $(INITRAMFS_BAD) &: $(INITRAMFS_SRCS) $(DEPS_STAMP)
	@mkdir -p $(BUILD)
	@rm -rf $(BUILD)/busybox-tests && mkdir -p $(BUILD)/busybox-tests/$(dir $(BUSYBOX_TESTS))
	@cp -r tests/busybox $(BUILD)/busybox-tests/$(BUSYBOX_TESTS)
	@$(FAKEROOT) $(PYTHON) scripts/mkinitramfs.py --skel usr/rootfs --root $(BUILD)/rootfs \
		--add $(USER_ROOT) --add $(BUILD)/busybox-tests --busybox $(BUSYBOX) --out $(INITRAMFS) --truncate test/sizes/size_307200 --garble test/hard/a
	@# the same without busybox, for the 32 MiB boots: its 269 names take 269 of
	@# the rootfs's inodes (a tmpfs charges each hard link one, as Linux's
	@# shmem_link does), which ktest=all's thousands of files need there
	@$(FAKEROOT) $(PYTHON) scripts/mkinitramfs.py --skel usr/rootfs --root $(BUILD)/rootfs-nobusybox \
		--add $(USER_ROOT) --out $(BUILD)/initramfs-nobusybox.cpio
initramfs: $(INITRAMFS) $(INITRAMFS_BAD)

# The unpack rate of a 64 MiB initramfs (printed, never asserted; not in make test).
bench-initramfs: $(KERNEL)
	@$(FAKEROOT) $(PYTHON) scripts/mkinitramfs.py --skel usr/rootfs --root $(BUILD)/rootfs-big \
		--out $(BUILD)/initramfs-64M.cpio --big-mib 64
	@$(PYTHON) scripts/qemu_runner.py --kernel $(KERNEL) --initrd $(BUILD)/initramfs-64M.cpio \
		--cmdline "ktest=initramfs.*" --cpu max --mem 512M --smp 1 --timeout 300 \
		--log $(BUILD)/test-logs/bench-initramfs.log --expect pass; \
	grep -h "Unpacked\|Freeing initrd\|manifest:" $(BUILD)/test-logs/bench-initramfs.log

# --- tests ------------------------------------------------------------------
.SECONDEXPANSION:
$(BUILD)/host-tests/%: tests/host/%.c $(HOST_COMMON) $$(HOST_SRCS_$$*) $(DEPS_STAMP) \
		$(wildcard include/*/*.h tests/host/include/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(CC) $(HOST_CFLAGS) -o $@ $< $(HOST_COMMON) $(HOST_SRCS_$*) $(HOST_LIBS)

test-host: $(HOST_TESTS) $(INITRAMFS) $(INITRAMFS_BAD)
	@$(PYTHON) scripts/run_tests.py --kernel $(KERNEL) --host-tests $(BUILD)/host-tests --only '^(host|selftest)'

test: $(KERNEL) $(HOST_TESTS) $(INITRAMFS) $(INITRAMFS_BAD)
	@$(PYTHON) scripts/syscalls_doc.py --check --kernel $(KERNEL)
	@$(PYTHON) scripts/run_tests.py --kernel $(KERNEL) --host-tests $(BUILD)/host-tests --gdb-tests tests/gdb

# The busybox conformance scripts (tests/busybox/, docs/user.md): Linux's output
# becomes tests/busybox/expected/ (busybox-expected), or both kernels are run and
# diffed (compare-busybox). Both boot Debian's Linux via /work/shared/tools/linux-qemu.sh.
busybox-expected: $(INITRAMFS)
	@$(PYTHON) scripts/compare_busybox.py --linux-only --update
	@$(MAKE) --no-print-directory $(INITRAMFS)
compare-busybox: $(KERNEL) $(INITRAMFS)
	@$(PYTHON) scripts/compare_busybox.py --kernel $(KERNEL)

# docs/syscalls.md from the system-call table and the kernel's symbols (make test checks it).
syscalls-doc: $(KERNEL)
	@$(PYTHON) scripts/syscalls_doc.py --kernel $(KERNEL)

# --- benchmarks (host, optimised, no sanitizers; numbers printed, never asserted) ---
BENCH_CFLAGS := -std=gnu11 -O2 -pthread -Itests/host/include -Iinclude -DHOST_TEST
BENCH_SRCS := $(HOST_COMMON) $(HOST_MM) lib/rbtree.c
$(BUILD)/bench/%: tests/host/%.c $(BENCH_SRCS) $(DEPS_STAMP) $(wildcard include/*/*.h)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@ (-O2)"
	@$(CC) $(BENCH_CFLAGS) -o $@ $< $(BENCH_SRCS)

# make bench: the host benchmarks, then user/bench.c on Linnet (and on Linux
# with BENCH_LINUX=1; docs/performance.md). make bench-host: the host ones only.
bench: bench-host bench-user
bench-user: $(KERNEL) $(INITRAMFS)
	@$(PYTHON) scripts/bench_user.py --kernel $(KERNEL) --initrd $(INITRAMFS) --cpu $(QEMU_CPU) \
		--smp $(BENCH_SMP) $(if $(BENCH_LINUX),--linux)
BENCH_SMP ?= 1

bench-host: $(BUILD)/bench/bench_page_alloc $(patsubst tests/host/%.c,$(BUILD)/bench/%,$(wildcard tests/host/bench_slub.c tests/host/bench_rbtree.c))
	@for b in $^; do echo "== $$b"; $$b || exit 1; done

# --- editor support ------------------------------------------------------------
$(BUILD)/compile_commands.json: Makefile $(KERNEL_SRCS)
	@mkdir -p $(BUILD)
	@$(PYTHON) scripts/gen_compile_commands.py "$(CURDIR)" "$(CC) $(KCFLAGS)" \
		"$(CC) $(KAFLAGS)" "$(CC) $(HOST_CFLAGS)" $(KERNEL_SRCS) -- $(wildcard tests/host/*.c) > $@
	@ln -sf $(BUILD)/compile_commands.json compile_commands.json

clean:
	rm -rf $(BUILD) compile_commands.json

help:
	@sed -n '1,13p' Makefile | sed 's/^# \{0,1\}//'

FORCE:
-include $(DEPFILES)
