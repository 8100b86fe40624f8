# SPDX-License-Identifier: GPL-2.0
#
# tests/gdb/sched.gdb - the task, per-CPU and memory helpers on 3 CPUs:
# lx-ps, lx-cpus, $lx_per_cpu, $lx_current, lx-buddyinfo, lx-slabinfo,
# lx-vmstat. See smoke.gdb for how scripts/run_tests.py runs this file.
#
# Stops: x86_64_start_kernel (nothing set up: the helpers must refuse),
# parse_boot_params (per-CPU areas exist, no tasks or free pages yet),
# report_cpu (the sched test's pinned threads are alive, one per CPU),
# qemu_debug_exit (the tests ran; other CPUs idle). Values that depend on
# timing are cross-checked in Python blocks against plain GDB expressions
# or against the kernel's own show_buddyinfo()/print_slabinfo() output.
#
# cpu: max
# smp: 3
# cmdline: ktest=sched.all_cpus*
# timeout: 120

source scripts/gdb/linnet.gdb
# expect: ^Linnet GDB helpers: lx-dmesg, .*translate-va ADDR, lx-ps, lx-cpus, lx-buddyinfo, lx-slabinfo, lx-vmstat, \$lx_per_cpu, \$lx_current, \$lx_task_by_pid \(help <command>\)$

# --- 1. The first C function: no tasks, no per-CPU areas, no zones, no slabs.
break x86_64_start_kernel
continue
python
for cmd in ("lx-ps", "lx-cpus", "lx-vmstat", "lx-buddyinfo", "lx-slabinfo",
            'p $lx_per_cpu("cpu_number", 1)'):
    try:
        gdb.execute(cmd, to_string=True)
        print("early: %s: no error" % cmd)
    except gdb.error as e:
        print("early: %s: error: %s" % (cmd, e))
end
# expect: ^early: lx-ps: error: task_list is empty: sched_init\(\) \(in start_kernel\(\)\) has not run yet
# expect: ^early: lx-cpus: error: the per-CPU areas are not set up yet: setup_per_cpu_areas\(\) .*has not run, __per_cpu_offset\[\] is all 0\. Until it runs, the boot CPU's %gs-relative accesses read the template itself
# expect: ^early: lx-vmstat: error: the per-CPU areas are not set up yet
# expect: ^early: lx-buddyinfo: error: no populated zone: free_area_init\(\) \(from setup_arch\(\)\) has not sized the zones yet$
# expect: ^early: lx-slabinfo: error: slab_caches is empty: kmem_cache_init\(\) \(from mm_core_init\(\)\) has not run yet$
# expect: ^early: p \$lx_per_cpu\("cpu_number", 1\): error: the per-CPU areas are not set up yet
# CPU 0 still runs on the template: $lx_per_cpu returns it (and warns).
printf "early cpu_number on CPU 0: %d\n", $lx_per_cpu("cpu_number", 0)
# expect: ^warning: the per-CPU areas are not set up yet: CPU 0 still uses the template$
# expect: ^early cpu_number on CPU 0: 0$

# --- 2. After setup_per_cpu_areas(): three copies, no scheduler yet.
break parse_boot_params
continue
# expect: ^Thread 1 hit Breakpoint 2, parse_boot_params \(\) at kernel/params\.c:\d+
printf "boot cpu_number: template %d, copies %d %d %d\n", cpu_number, $lx_per_cpu("cpu_number", 0), $lx_per_cpu("cpu_number", 1), $lx_per_cpu("cpu_number", 2)
# expect: ^boot cpu_number: template 0, copies 0 1 2$
printf "this_cpu_off copy of CPU 2 is __per_cpu_offset[2]: %d\n", $lx_per_cpu("this_cpu_off", 2) == __per_cpu_offset[2] && __per_cpu_offset[2] != 0
# expect: ^this_cpu_off copy of CPU 2 is __per_cpu_offset\[2\]: 1$
python
for cmd in ('p $lx_per_cpu("cpu_number", 3)', 'p $lx_per_cpu("jiffies", 1)',
            "lx-ps"):
    try:
        gdb.execute(cmd, to_string=True)
        print("boot: %s: no error" % cmd)
    except gdb.error as e:
        print("boot: %s: error: %s" % (cmd, e))
end
# expect: ^boot: p \$lx_per_cpu\("cpu_number", 3\): error: CPU 3 does not exist: nr_cpu_ids is 3$
# expect: ^boot: p \$lx_per_cpu\("jiffies", 1\): error: `jiffies` 0xffffffff80[0-9a-f]{6} is not a per-CPU address: the template is __per_cpu_start\.\.__per_cpu_end
# expect: ^boot: lx-ps: error: task_list is empty: sched_init\(\)
# Only CPU 0 runs; nobody is online before sched_init(); each CPU's copy
# of current_task is still the template's &init_task.
lx-cpus
# expect: ^>  0 no        0 0xff1[0-9a-f]{13}     0 swapper/0          0        0  0x80000001 preempt=1$
# expect: ^   2 no        2 0xff1[0-9a-f]{13}     0 swapper/0          0        0  0x80000001 preempt=1$
lx-buddyinfo
# expect: ^Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      0      0 $
# expect: ^\(no free blocks yet: memblock_free_all\(\), from mm_core_init\(\), has not given memory to the buddy allocator\)$

# --- 3. The sched test's pinned threads: pinned/N runs report_cpu() on CPU N.
# Which one gets there first, and which others exist yet, depends on
# timing (init may run on any CPU, and may be D* on its way to sleep in
# wait_for_completion()); the checks below hold in every case.
delete
break report_cpu
continue
# expect: ^Thread [123] hit Breakpoint 3, report_cpu \(data=0x[012]\) at tests/kernel/sched_kunit\.c:\d+
lx-ps
# expect: ^TASK                 PID  CPU ST  COMM$
# expect: ^0xffffffff80[0-9a-f]{6}     0    0 R\*? +swapper/0$
# expect: ^0xff1[0-9a-f]{13}     1    [012] [RSD]\*? +init$
# expect: ^0xff1[0-9a-f]{13}     0    1 R\*? +swapper/1$
# expect: ^0xff1[0-9a-f]{13}     0    2 R\*? +swapper/2$
# expect: ^0xff1[0-9a-f]{13}\s+\d+    ([012]) R\* +pinned/\1$
# expect: ^\d+ tasks, [1-6] on a CPU \(\*\)$
lx-cpus
# expect: ^ CPU ONLINE APIC OFFSET               PID CURRENT          RUN SWITCHES  PREEMPT$
# expect: ^[ >]  0 yes       0 0xff1[0-9a-f]{13}\s+\d+ \S+\s+\d+\s+\d+  0x[0-9a-f]{8} 
# expect: ^[ >]  1 yes       1 0xff1[0-9a-f]{13}\s+\d+ \S+\s+\d+\s+\d+  0x[0-9a-f]{8} 
# expect: ^[ >]  2 yes       2 0xff1[0-9a-f]{13}\s+\d+ \S+\s+\d+\s+\d+  0x[0-9a-f]{8} 
printf "cpu_number on CPU 1: %d\n", $lx_per_cpu("cpu_number", 1)
# expect: ^cpu_number on CPU 1: 1$
printf "runqueues.cpu on CPU 2: %d\n", $lx_per_cpu("runqueues.cpu", 2)
# expect: ^runqueues.cpu on CPU 2: 2$
printf "PID 1 is %s, PID 0 is %s\n", $lx_task_by_pid(1).comm, $lx_task_by_pid(0).comm
# expect: ^PID 1 is init, PID 0 is swapper/0$
python
try:
    gdb.execute("p $lx_task_by_pid(9999)", to_string=True)
    print("PID 9999: no error")
except gdb.error as e:
    print("PID 9999: error: %s" % e)
end
# expect: ^PID 9999: error: no task with PID 9999 on task_list$
python
sel = gdb.selected_thread().num - 1
# The CPU that hit the breakpoint runs pinned/<its number>, in report_cpu.
cur = gdb.parse_and_eval("$lx_current()")
data = int(gdb.parse_and_eval("(long)data"))
print("check $lx_current: %s" % (
    "ok" if cur["comm"].string() == "pinned/%d" % sel == "pinned/%d" % data
    and int(gdb.parse_and_eval('$lx_per_cpu("cpu_number")')) == sel
    else "MISMATCH: thread CPU %d, data %d, current %s"
    % (sel, data, cur["comm"].string())))
# Without a CPU argument, $lx_per_cpu takes the selected thread's CPU.
orig, bad = gdb.selected_thread(), []
for t in gdb.selected_inferior().threads():
    t.switch()
    if int(gdb.parse_and_eval('$lx_per_cpu("cpu_number")')) != t.num - 1:
        bad.append(t.num)
orig.switch()
print("check $lx_per_cpu default CPU: %s" % ("ok" if not bad else "MISMATCH in threads %s" % bad))
# lx-ps against per_cpu(current_task) and per_cpu(runqueues) of every CPU:
# each CPU's current task is listed on that CPU, marked running (*), and
# its idle task is swapper/N. (rq->curr may differ from current_task for
# a few instructions of a context switch, so it is not compared.)
ps = gdb.execute("lx-ps", to_string=True)
rows = {}
for l in ps.splitlines()[1:-1]:
    f = l.split()
    rows[int(f[0], 16)] = (int(f[1]), int(f[2]), f[3], f[4])
bad = []
for c in range(3):
    t = int(gdb.parse_and_eval('$lx_per_cpu("current_task", %d)' % c))
    rq = gdb.parse_and_eval('$lx_per_cpu("runqueues", %d)' % c)
    r = rows.get(t)
    if r is None or r[1] != c or not r[2].endswith("*"):
        bad.append("CPU%d current %#x: %s" % (c, t, r))
    if rows.get(int(rq["idle"]), (None, None, None, ""))[3] != "swapper/%d" % c:
        bad.append("CPU%d idle %#x" % (c, int(rq["idle"])))
pinned = [r for r in rows.values() if r[3].startswith("pinned/")]
for r in pinned:
    if r[3] != "pinned/%d" % r[1] or r[0] < 2:
        bad.append("pinned %s" % (r,))
if not any(r[3] == "pinned/%d" % sel and r[2] == "R*" for r in pinned):
    bad.append("no pinned/%d running" % sel)
print("check lx-ps current: %s" % ("ok" if not bad else "; ".join(bad)))
# lx-cpus: distinct APIC ids and offsets, and the numbers GDB reads itself.
cpus = gdb.execute("lx-cpus", to_string=True)
bad = []
for l in cpus.splitlines()[1:]:
    if l.startswith("note:"):
        if "middle of a context switch" not in l:
            bad.append(l)
        continue
    f = l[1:].split()
    c = int(f[0])
    rq = gdb.parse_and_eval('$lx_per_cpu("runqueues", %d)' % c)
    cur = gdb.parse_and_eval('$lx_current(%d)' % c)
    want = [str(c), "yes", str(int(gdb.parse_and_eval("x86_cpu_to_apicid[%d]" % c))),
            "0x%016x" % int(gdb.parse_and_eval("__per_cpu_offset[%d]" % c)),
            str(int(cur["pid"])), cur["comm"].string(),
            str(int(rq["nr_running"])), str(int(rq["nr_switches"])),
            "0x%08x" % int(gdb.parse_and_eval('$lx_per_cpu("__preempt_count", %d)' % c))]
    if f[:9] != want:
        bad.append("got %s, wanted %s" % (f[:9], want))
apics = set(l[1:].split()[2] for l in cpus.splitlines()[1:4])
offs = set(l[1:].split()[3] for l in cpus.splitlines()[1:4])
print("check lx-cpus: %s" % ("ok" if not bad and len(apics) == 3 and len(offs) == 3
                              else "; ".join(bad) or "duplicate APIC ids or offsets"))
end
# expect: ^check \$lx_current: ok$
# expect: ^check \$lx_per_cpu default CPU: ok$
# expect: ^check lx-ps current: ok$
# expect: ^check lx-cpus: ok$

# --- 4. After the tests: buddy, slab and event counters.
delete
break qemu_debug_exit
continue
# expect: ^Thread [123] hit Breakpoint 4, qemu_debug_exit \(code=QEMU_EXIT_PASS\)
# init runs the tests, on whichever CPU it was woken on last; the other
# CPUs idle.
lx-ps
# expect: ^0xff1[0-9a-f]{13}     1    [012] R\*  init$
# expect: ^0xff1[0-9a-f]{13}     0    [012] R\*  swapper/[012]$
python
init = [l for l in gdb.execute("lx-ps", to_string=True).splitlines() if l.endswith(" init")]
sel = gdb.selected_thread().num - 1
print("check init on the stopped CPU: %s" % ("ok" if len(init) == 1 and
      init[0].split()[2] == str(sel) else "MISMATCH %s, CPU %d" % (init, sel)))
end
# expect: ^check init on the stopped CPU: ok$

lx-buddyinfo
# expect: ^Node 0, zone      DMA(\s+\d+){11} $
# expect: ^Node 0, zone    DMA32(\s+\d+){11} $
python
out = gdb.execute("lx-buddyinfo", to_string=True)
line = [l for l in out.splitlines() if l.startswith("Node 0, zone    DMA32")][0]
got = [int(x) for x in line.split()[4:]]
want = [int(gdb.parse_and_eval("contig_page_data.node_zones[1].free_area[%d].nr_free" % o))
        for o in range(11)]
print("check lx-buddyinfo DMA32: %s (order 10: %d)"
      % ("ok" if got == want and want[10] > 0 else "MISMATCH %s %s" % (got, want), got[10]))
v = gdb.execute("lx-buddyinfo -v", to_string=True)
print("check lx-buddyinfo -v: %s" % ("ok" if "MISMATCH" not in v and
      "\n  pages free   %d\n" % int(gdb.parse_and_eval("contig_page_data.node_zones[1].vm_stat[0]")) in v
      else "MISMATCH"))
end
# expect: ^check lx-buddyinfo DMA32: ok \(order 10: \d+\)$
# expect: ^check lx-buddyinfo -v: ok$
lx-buddyinfo -v
# expect: ^Node 0, zone    DMA32 \(node_zones\[1\]\)$
# expect: ^  order             0      1      2      3      4      5      6      7      8      9     10$
# expect: ^  Movable     (\s+\d+){11}$
# expect: ^  pcp cpu2   count\s+\d+  high\s+\d+  batch\s+\d+$

# A slab cache of our own, in a known state: 65 objects of 64 bytes make
# one full slab and a second one, the CPU's, with 63 free objects; freeing
# the first object puts the full slab on the partial list with 1 free.
# So 128 objects, 127 active (print_slabinfo counts the CPU slab's free
# objects as active), 2 slabs. Only this CPU runs meanwhile; GFP_KERNEL
# is 0xcc0. The kernel's print_slabinfo() must print what lx-slabinfo does.
set scheduler-locking on
set var $name = (char *)kmalloc(16, 0xcc0)
set {char[8]} $name = "gdbtest"
set var $s = kmem_cache_create($name, 64, 0, 0, 0)
set var $first = kmem_cache_alloc($s, 0xcc0)
set var $i = 1
while $i < 65
  call (void)kmem_cache_alloc($s, 0xcc0)
  set var $i = $i + 1
end
call (void)kmem_cache_free($s, $first)
lx-slabinfo
# expect: ^slabinfo - version: 2\.1$
# expect: ^# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>$
# expect: ^kmem_cache\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+ : tunables    0    0    0 : slabdata\s+\d+\s+\d+\s+0$
# expect: ^kmalloc-64\s+\d+\s+\d+     64   64    1 : tunables    0    0    0 : slabdata\s+\d+\s+\d+\s+0$
# expect: ^gdbtest              127    128     64   64    1 : tunables    0    0    0 : slabdata      2      2      0$
lx-slabinfo -v
# expect: ^    object_size 64, align 8, offset 32, nr_partial 1 \(1 on the list, 1 free objects\)$
# expect: ^    cpu[012]: slab 0xff1[0-9a-f]{13}, 64 objects, 63 free on the cpu freelist, 0 on the slab's, 1 in use$
python
# The kernel prints the same table: print_slabinfo() into the log.
gdb.execute("call (void)print_slabinfo()")
log = gdb.execute("lx-dmesg", to_string=True).splitlines()
ours = gdb.execute("lx-slabinfo", to_string=True).splitlines()
start = max(i for i, l in enumerate(log) if l.endswith("] slabinfo - version: 2.1"))
theirs = [l.split("] ", 1)[1] for l in log[start:start + len(ours)]]
print("check lx-slabinfo vs print_slabinfo: %s (%d lines)"
      % ("ok" if theirs == ours and len(ours) > 10 else "MISMATCH", len(ours)))
gdb.execute("call (void)show_buddyinfo()")
log = gdb.execute("lx-dmesg", to_string=True).splitlines()
ours = gdb.execute("lx-buddyinfo", to_string=True).splitlines()
theirs = [l.split("] ", 1)[1] for l in log[-len(ours):]]
print("check lx-buddyinfo vs show_buddyinfo: %s" % ("ok" if theirs == ours else "MISMATCH"))
end
# expect: ^check lx-slabinfo vs print_slabinfo: ok \(\d+ lines\)$
# expect: ^check lx-buddyinfo vs show_buddyinfo: ok$
set scheduler-locking off

lx-vmstat
# expect: ^event                    total        cpu0        cpu1        cpu2$
# expect: ^nr_free_pages\s+\d+$
# expect: ^context_switches(\s+\d+){4}$
# expect: ^CPU0: \d+ interrupts$
# expect: ^  vector 0xec LOC\s+\d+  apic_timer_interrupt$
# expect: ^CPU2: \d+ interrupts$
python
out = gdb.execute("lx-vmstat -n 256", to_string=True)
rows = {l.split()[0]: [int(x) for x in l.split()[1:]] for l in out.splitlines()
        if l and l.split()[0] in ("nr_free_pages", "pgalloc", "context_switches", "interrupts")}
bad = []
free = sum(int(gdb.parse_and_eval("contig_page_data.node_zones[%d].vm_stat[0]" % z)) for z in range(3))
if rows["nr_free_pages"] != [free]:
    bad.append("nr_free_pages")
for name, idx in (("pgalloc", 0), ("context_switches", 2), ("interrupts", 3)):
    per = [int(gdb.parse_and_eval('$lx_per_cpu("vm_event_states", %d)[%d]' % (c, idx)))
           for c in range(3)]
    if rows[name] != [sum(per)] + per:
        bad.append(name)
# Every switch bumps rq->nr_switches and the context_switches event together.
for c in range(3):
    if rows["context_switches"][1 + c] != int(gdb.parse_and_eval('$lx_per_cpu("runqueues", %d).nr_switches' % c)):
        bad.append("nr_switches cpu%d" % c)
# CPU 0 has taken timer interrupts since boot; its block lists them.
loc = int(gdb.parse_and_eval('$lx_per_cpu("irq_count", 0)[0xec]'))
cpu0 = out.split("\nCPU0: ")[1].split("\n\n")[0]
if "MISMATCH" in out or not loc or "\n  vector 0xec LOC   %10d  apic_timer_interrupt\n" % loc not in cpu0 + "\n":
    bad.append("irq_count[0xec] %d" % loc)
print("check lx-vmstat: %s" % ("ok" if not bad else "MISMATCH " + ", ".join(bad)))
end
# expect: ^check lx-vmstat: ok$

echo sched: done\n
# expect: ^sched: done$
kill
