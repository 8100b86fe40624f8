// SPDX-License-Identifier: GPL-2.0
/*
 * SMP bring-up on the running kernel: every online CPU runs on its own
 * per-CPU area (GS base), its own idle stack and its own APIC id, and a
 * CPU that answered the boot CPU too late (the smpboot_delay_ap= fault
 * injection knob) never came online, parked itself, and never borrowed
 * another CPU's start data. An NMI that no handler claims is reported in
 * Linux's words and the kernel goes on. A WARN names the CPU and the
 * task it ran on. ioremap() from every CPU at once hands out distinct,
 * working mappings, and changing or removing a kernel mapping reaches
 * every CPU's TLB. The AP trampoline's page is neither writable nor
 * executable through the direct map. Waiting for another CPU with
 * interrupts off is warned about. Linux's nearest counterpart is the CPU hotplug state
 * machine's own checks (kernel/cpu.c, cpuhp_bp_sync_alive) and the x86
 * smpboot selftests.
 */
#include <asm/irq_stack.h>
#include <asm/apic.h>
#include <asm/ioremap.h>
#include <asm/pgalloc.h>
#include <asm/page.h>
#include <asm/smp.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

/* ---- who am I, on each CPU ------------------------------------------------- */

struct cpu_identity {
	int cpu;			/* smp_processor_id() */
	u32 apicid;			/* the hardware's answer */
	unsigned long this_cpu_off;	/* the per-CPU area's own record of its offset */
	unsigned long sp;
	struct task_struct *task;
	void *stack;
	bool hardirq;		/* ran as an IPI handler */
};

static struct cpu_identity identity[NR_CPUS];

static void record_identity(void *info)
{
	struct cpu_identity *id = info;
	unsigned long sp;

	__asm__ __volatile__("movq %%rsp, %0" : "=r"(sp));
	id->cpu = smp_processor_id();
	id->apicid = read_apic_id();
	id->this_cpu_off = this_cpu_read(this_cpu_off);
	id->sp = sp;
	id->task = current;
	id->stack = current->stack;
	id->hardirq = in_hardirq();
}

static void expect_own_identity(struct kunit *test, unsigned int cpu)
{
	struct cpu_identity *id = &identity[cpu];
	u32 came_up_as = per_cpu(cpu_initial_apicid, cpu);

	memset(id, 0, sizeof(*id));
	id->cpu = -1;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, record_identity, id, 1), 0);
	KUNIT_EXPECT_EQ(test, id->cpu, cpu);
	KUNIT_EXPECT_EQ(test, id->apicid, x86_cpu_to_apicid[cpu]);
	/* What the CPU that came up on this area found in CPUID. */
	KUNIT_EXPECT_EQ(test, came_up_as, x86_cpu_to_apicid[cpu]);
	/* The per-CPU area's self-pointer: this CPU's GS base is its own area. */
	KUNIT_EXPECT_EQ(test, id->this_cpu_off, __per_cpu_offset[cpu]);
	KUNIT_EXPECT_TRUE(test, id->task == per_cpu(current_task, cpu));
	KUNIT_EXPECT_TRUE(test, id->stack != NULL);
	if (id->hardirq) {
		/* An IPI handler runs on that CPU's own IRQ stack (kernel/irq.c). */
		unsigned long top = (unsigned long)per_cpu(hardirq_stack_ptr, cpu) + sizeof(long);

		KUNIT_EXPECT_GE(test, id->sp, top - IRQ_STACK_SIZE);
		KUNIT_EXPECT_LT(test, id->sp, top);
	} else {
		/* Called directly on this CPU: on the calling task's stack. */
		KUNIT_EXPECT_GE(test, id->sp, (unsigned long)id->stack);
		KUNIT_EXPECT_LT(test, id->sp, (unsigned long)id->stack + THREAD_SIZE);
	}
}

static void every_cpu_has_its_own_percpu_area_and_stack(struct kunit *test)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu) {
		expect_own_identity(test, cpu);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, num_online_cpus());
	/* No two CPUs share an area or a current task. */
	for_each_online_cpu(cpu) {
		unsigned int other;

		for_each_online_cpu(other) {
			if (other <= cpu)
				continue;
			KUNIT_EXPECT_NE(test, identity[cpu].this_cpu_off,
					identity[other].this_cpu_off);
			KUNIT_EXPECT_TRUE(test, identity[cpu].task != identity[other].task);
		}
	}
}

/*
 * smpboot_delay_ap=CPU:MS: that CPU answered after the boot CPU's
 * timeout. Wait until it has woken up and parked itself (its handshake
 * state goes SHOULD_DIE -> DEAD; at most MS after it was kicked, plus a
 * margin), then check that it never came online and that the CPUs that
 * did come up still run on their own areas and stacks.
 */
static void late_ap_never_comes_online(struct kunit *test)
{
	int late = smpboot_delay_ap_cpu;
	atomic_t *st;
	unsigned int cpu;
	u64 wake;

	if (late < 1 || late >= (int)nr_cpu_ids)
		kunit_skip(test, "no smpboot_delay_ap= on the command line");
	st = per_cpu_ptr(&ap_sync_state, late);
	/* It was kicked during smp_init(), well after boot started. */
	wake = (u64)smpboot_delay_ap_ms * 1000000 + 2000000000ULL;
	while (ktime_get_ns() < wake && atomic_read(st) != SYNC_STATE_DEAD) {
		KUNIT_ASSERT_TRUE(test, !cpu_online((unsigned int)late));
		cpu_relax();
	}
	/* It did wake up, found it had been given up on, and parked. */
	KUNIT_EXPECT_EQ(test, atomic_read(st), SYNC_STATE_DEAD);
	KUNIT_EXPECT_FALSE(test, cpu_online((unsigned int)late));
	KUNIT_EXPECT_EQ(test, per_cpu(cpu_initial_apicid, late), BAD_APICID);
	for_each_online_cpu(cpu)
		expect_own_identity(test, cpu);
	KUNIT_EXPECT_FALSE(test, cpu_online((unsigned int)late));
}

/* Every online CPU went through the whole handshake. */
static void online_cpus_finished_the_handshake(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, atomic_read(per_cpu_ptr(&ap_sync_state, cpu)),
				SYNC_STATE_ONLINE);
}

/* ---- an NMI nobody claims ------------------------------------------------------ */

/* Is there a record at or after seq `from` containing `needle`? Returns the seq + 1, or 0. */
static u64 log_find(u64 from, const char *needle)
{
	char text[160];

	for (u64 seq = from; seq < log_next_seq; seq++) {
		if (seq < log_first_seq)
			continue;
		if (printk_get_record(seq, NULL, NULL, text, sizeof(text)) >= 0 &&
		    strstr(text, needle))
			return seq + 1;
	}
	return 0;
}

/* Send an NMI to cpu and wait (up to 2 s) for Linux's two report lines. */
static void expect_unknown_nmi_report(struct kunit *test, unsigned int cpu)
{
	char want[64];
	u64 from = log_next_seq, at = 0, deadline;

	snprintf(want, sizeof(want), "NMI received for unknown reason");
	apic_icr_write(APIC_DM_NMI, x86_cpu_to_apicid[cpu]);
	deadline = ktime_get_ns() + 2000000000ULL;
	while (!(at = log_find(from, want)) && ktime_get_ns() < deadline)
		cpu_relax();
	KUNIT_ASSERT_TRUE(test, at != 0);
	/* "Uhhuh. NMI received for unknown reason XX on CPU N." */
	snprintf(want, sizeof(want), " on CPU %u.", cpu);
	KUNIT_EXPECT_TRUE(test, log_find(at - 1, "Uhhuh. NMI received for unknown reason ") == at);
	KUNIT_EXPECT_TRUE(test, log_find(at - 1, want) == at);
	deadline = ktime_get_ns() + 2000000000ULL;
	while (!log_find(at, "Dazed and confused, but trying to continue") &&
	       ktime_get_ns() < deadline)
		cpu_relax();
	KUNIT_EXPECT_TRUE(test, log_find(at, "Dazed and confused, but trying to continue") != 0);
}

static void unknown_nmi_is_reported_and_survived(struct kunit *test)
{
	unsigned int me, cpu;

	preempt_disable();
	me = smp_processor_id();
	expect_unknown_nmi_report(test, me);		/* to ourselves */
	preempt_enable();
	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		expect_unknown_nmi_report(test, cpu);	/* and to another CPU */
		expect_own_identity(test, cpu);		/* which goes on as before */
		break;
	}
}

/* ---- WARN names the CPU and the task ------------------------------------------ */

static struct completion warn_done;
static int warn_pid, warn_line;

static int warn_probe(void *unused)
{
	warn_pid = current->pid;
	warn_line = __LINE__ + 1;
	WARN_ON(1);
	complete(&warn_done);
	return 0;
}

/*
 * A WARN on the last online CPU, from a task called warn_probe: the
 * report names that CPU and task, in Linux's two lines
 *   WARNING: CPU: 3 PID: 42 at tests/kernel/smp_kunit.c:NNN warn_probe+0x...
 *   CPU: 3 PID: 42 Comm: warn_probe ...
 */
static void warn_reports_cpu_and_task(struct kunit *test)
{
	unsigned int cpu, last = 0;
	struct task_struct *t;
	char want[96];
	u64 from = log_next_seq;

	for_each_online_cpu(cpu)
		last = cpu;
	init_completion(&warn_done);
	t = kthread_create_on_cpu(warn_probe, NULL, last, "warn_probe");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wake_up_process(t);
	wait_for_completion(&warn_done);
	snprintf(want, sizeof(want), "WARNING: CPU: %u PID: %d at %s:%d warn_probe+0x", last,
		 warn_pid, __FILE__, warn_line);
	KUNIT_EXPECT_TRUE(test, log_find(from, want) != 0);
	snprintf(want, sizeof(want), "CPU: %u PID: %d Comm: warn_probe", last, warn_pid);
	KUNIT_EXPECT_TRUE(test, log_find(from, want) != 0);
}

/* ---- ioremap from every CPU at once; changing and removing a mapping --------------- */

#define IOREMAP_PAGES 16
#define IOREMAP_PER_CPU 1000
static u64 *ioremap_src[IOREMAP_PAGES];
static unsigned long ioremap_va[NR_CPUS][IOREMAP_PER_CPU];
static unsigned int ioremap_bad[NR_CPUS];
static atomic_t ioremap_go, ioremap_left;
static struct completion ioremap_done;

/* Map pages of ours with ioremap_cache(), check each mapping reads its page. */
static int ioremap_hammer(void *data)
{
	unsigned int cpu = (long)data;

	atomic_fetch_inc(&ioremap_go);
	while ((unsigned int)atomic_read(&ioremap_go) < num_online_cpus())
		cpu_relax();
	for (unsigned int i = 0; i < IOREMAP_PER_CPU; i++) {
		unsigned int page = (cpu * IOREMAP_PER_CPU + i) % IOREMAP_PAGES;
		u64 *va = ioremap_cache(__pa(ioremap_src[page]), PAGE_SIZE);
		u64 v;

		ioremap_va[cpu][i] = (unsigned long)va;
		if (!va || copy_from_kernel_nofault(&v, va, sizeof(v)) || v != page)
			ioremap_bad[cpu]++;
	}
	if (atomic_dec_and_test(&ioremap_left))
		complete(&ioremap_done);
	return 0;
}

/* One bit per page of the 1 GiB ioremap window: who has it, with its guard page. */
static unsigned char ioremap_used[(1UL << 30) / PAGE_SIZE / 8];

static bool claim_page(unsigned long base, unsigned long va)
{
	unsigned long idx = (va - base) >> PAGE_SHIFT;

	if (idx + 1 >= sizeof(ioremap_used) * 8)
		return false;
	for (unsigned long i = idx; i <= idx + 1; i++) {
		if (ioremap_used[i / 8] & (1 << (i % 8)))
			return false;
		ioremap_used[i / 8] |= 1 << (i % 8);
	}
	return true;
}

static void ioremap_from_every_cpu_at_once(struct kunit *test)
{
	unsigned int cpu, cpus = num_online_cpus();
	unsigned long base = ~0UL;

	for (int i = 0; i < IOREMAP_PAGES; i++) {
		ioremap_src[i] = (u64 *)get_zeroed_page(GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, ioremap_src[i] != NULL);
		ioremap_src[i][0] = i;
	}
	atomic_set(&ioremap_go, 0);
	atomic_set(&ioremap_left, cpus);
	init_completion(&ioremap_done);
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(ioremap_hammer, (void *)(long)cpu,
							      cpu, "ioremap/%u", cpu);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		ioremap_bad[cpu] = 0;
		wake_up_process(t);
	}
	wait_for_completion(&ioremap_done);
	/* Every mapping got its own page of virtual space, and a guard page after it. */
	memset(ioremap_used, 0, sizeof(ioremap_used));
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, ioremap_bad[cpu], 0);
		for (unsigned int i = 0; i < IOREMAP_PER_CPU; i++)
			base = min(base, ioremap_va[cpu][i] & PAGE_MASK);
	}
	for_each_online_cpu(cpu) {
		for (unsigned int i = 0; i < IOREMAP_PER_CPU; i++) {
			unsigned long va = ioremap_va[cpu][i] & PAGE_MASK;

			if (!claim_page(base, va)) {
				kunit_fail(test, __FILE__, __LINE__,
					   "CPU%u's ioremap #%u at %#lx overlaps another", cpu, i, va);
				goto out;
			}
		}
	}
out:
	for (int i = 0; i < IOREMAP_PAGES; i++)
		free_page((unsigned long)ioremap_src[i]);
}

static volatile u64 *remote_va;
static u64 remote_seen;
static int remote_err;

static void remote_read(void *unused)
{
	u64 v = 0;

	remote_err = copy_from_kernel_nofault(&v, (void *)remote_va, sizeof(v));
	remote_seen = v;
}

/* Another CPU reads va (and so caches its translation); what does it see now? */
static int read_on(unsigned int cpu, u64 *val)
{
	remote_seen = 0;
	remote_err = 1;
	smp_call_function_single(cpu, remote_read, NULL, 1);
	*val = remote_seen;
	return remote_err;
}

/*
 * Changing or removing a kernel mapping must reach every CPU's TLB
 * (Linux: flush_tlb_kernel_range from vunmap / ioremap_page_range).
 */
static void remap_and_unmap_reach_every_cpu(struct kunit *test)
{
	u64 *a = (u64 *)get_zeroed_page(GFP_KERNEL), *b = (u64 *)get_zeroed_page(GFP_KERNEL);
	unsigned int cpu, other = nr_cpu_ids;
	u64 v;

	KUNIT_ASSERT_TRUE(test, a && b);
	for_each_online_cpu(cpu) {
		if (cpu != (unsigned int)raw_smp_processor_id()) {
			other = cpu;
			break;
		}
	}
	if (other == nr_cpu_ids) {
		free_page((unsigned long)a);
		free_page((unsigned long)b);
		kunit_skip(test, "needs 2 CPUs");
	}
	*a = 0xaaaa;
	*b = 0xbbbb;
	remote_va = ioremap_cache(__pa(a), PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, remote_va != NULL);
	KUNIT_EXPECT_EQ(test, read_on(other, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0xaaaa);
	/* Changed: the same address now maps b. */
	map_kernel_range((unsigned long)remote_va, __pa(b), PAGE_SIZE, __PAGE_KERNEL_RO);
	KUNIT_EXPECT_EQ(test, read_on(other, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0xbbbb);
	/* Removed: the other CPU must fault, not read b through a stale entry. */
	iounmap(remote_va);
	KUNIT_EXPECT_NE(test, read_on(other, &v), 0);
	free_page((unsigned long)a);
	free_page((unsigned long)b);
}

/* ---- the AP trampoline is not writable or executable in the direct map ------------ */

static void trampoline_alias_ro_nx(struct kunit *test)
{
	struct pt_walk w;

	if (!trampoline_phys || nr_cpu_ids < 2 || !apic_present)
		kunit_skip(test, "no AP trampoline on this boot");
	pt_walk_address(init_top_pgt, (unsigned long)__va(trampoline_phys), &w);
	KUNIT_EXPECT_TRUE(test, w.present);
	KUNIT_EXPECT_EQ(test, w.phys, trampoline_phys);
	KUNIT_EXPECT_FALSE(test, w.writable);
	KUNIT_EXPECT_FALSE(test, w.executable);
}

/* ---- waiting for another CPU with interrupts off is reported ------------------------ */

static void nop_fn(void *info)
{
}

/*
 * Two CPUs that wait for each other's call-function IPI with interrupts
 * off never answer; Linux WARNs when smp_call_function_single() is called
 * so (kernel/smp.c). Here the other CPU has interrupts on, so the call
 * completes, but the warning must be printed (once per boot).
 */
static void call_function_with_irqs_off_warns(struct kunit *test)
{
	unsigned int cpu, other = nr_cpu_ids;

	for_each_online_cpu(cpu) {
		if (cpu != (unsigned int)raw_smp_processor_id())
			other = cpu;
	}
	if (other == nr_cpu_ids)
		kunit_skip(test, "needs 2 CPUs");
	local_irq_disable();
	smp_call_function_single(other, nop_fn, NULL, 1);
	local_irq_enable();
	KUNIT_EXPECT_TRUE(test, log_find(0, " at kernel/smp.c:") != 0);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(every_cpu_has_its_own_percpu_area_and_stack),
	KUNIT_CASE(late_ap_never_comes_online),
	KUNIT_CASE(online_cpus_finished_the_handshake),
	KUNIT_CASE(unknown_nmi_is_reported_and_survived),
	KUNIT_CASE(warn_reports_cpu_and_task),
	KUNIT_CASE(ioremap_from_every_cpu_at_once),
	KUNIT_CASE(remap_and_unmap_reach_every_cpu),
	KUNIT_CASE(trampoline_alias_ro_nx),
	KUNIT_CASE(call_function_with_irqs_off_warns),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);
