// SPDX-License-Identifier: GPL-2.0
/*
 * printk on SMP and from interrupts (kernel/printk.c).
 *
 * The storm: a thread pinned to every online CPU printks as fast as it
 * can for under a second, and every few records it also makes the next
 * CPU printk from a call-function IPI and arms a timer whose callback
 * printks from the tick interrupt on its own CPU. Everything goes into
 * a small ring of the test's own (log_buf_exchange()), with a guard zone
 * after it, at KERN_DEBUG so the serial console stays quiet. The ring is
 * then walked record by record as lx-dmesg walks it: every header in
 * bounds and consistent, one wrap marker at most, the walk ending at
 * log_next_idx after exactly log_next_seq - log_first_seq records;
 * every storm record exactly the text its writer printed (each text is
 * rebuilt from the writer, CPU and number it names), each writer's
 * surviving records a gap-free run ending with its last one, nothing
 * lost from the sequence count, the guard untouched, and log_next_idx
 * never seen outside the ring while the storm ran.
 *
 * Then the fallback for a printk on a CPU already inside printk's locked
 * section (NMI, fault): with printk_safe_enter_irqsave() the messages
 * wait in the CPU's deferred buffer and reach the ring, in order, at the
 * exit; an overflow is reported as "Lost N message(s)!".
 *
 * Linux's counterpart is kernel/printk/printk_ringbuffer_kunit_test.c,
 * which stresses a private ringbuffer with writer threads and checks
 * every record read back.
 */
#include <asm/apic.h>
#include <asm/nmi.h>
#include <asm/smp.h>
#include <kunit/test.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/wait.h>

#define STORM_RING_LEN (16 * 1024)	/* wraps many times over in a storm */
#define STORM_GUARD_LEN 4096		/* more than one record can overrun */
#define STORM_GUARD_BYTE 0x5c
#define STORM_MS 700
#define STORM_MAX_ITERS 4000
/*
 * Records each writer makes whatever the clock says: enough to wrap the
 * ring (16 KiB, records of 60-150 bytes) even from one CPU, so the test
 * checks the wrap on a slow or loaded machine too, not only a fast one.
 */
#define STORM_MIN_ITERS 400
#define STORM_PAD_MAX 96

enum storm_kind { STORM_TASK, STORM_IPI, STORM_TIMER, STORM_KINDS };
static const char *const storm_kind_name[STORM_KINDS] = { "task", "ipi", "tmr" };

static u64 storm_deadline;
static bool storm_ipis;
/* Records written so far by writer (kind, cpu); only that writer updates it. */
static unsigned int storm_n[STORM_KINDS][NR_CPUS];
static unsigned long storm_bad_idx;	/* log_next/first_idx seen outside the ring */
static struct timer_list storm_timers[NR_CPUS];
static int storm_timer_armed[NR_CPUS];
static struct completion storm_done;

/* The variable part of record n of writer (kind, cpu), and its checksum. */
static u32 storm_pad(int kind, unsigned int cpu, unsigned int n, char *pad)
{
	unsigned int len = (n * 7 + cpu * 13 + kind * 29) % (STORM_PAD_MAX - 4) + 4;
	u32 sum = (kind * 0x1000193U) ^ (cpu << 16) ^ n;

	for (unsigned int i = 0; i < len; i++) {
		pad[i] = 'a' + (n + i * (cpu + 3) + kind) % 26;
		sum = sum * 31 + pad[i];
	}
	pad[len] = '\0';
	return sum;
}

#define STORM_FMT "pkstorm %s c%u n%u %s s%08x"

static void storm_check_indices(void)
{
	u32 len = READ_ONCE(log_buf_len);

	if (READ_ONCE(log_next_idx) + sizeof(struct printk_log) > len ||
	    READ_ONCE(log_first_idx) + sizeof(struct printk_log) > len)
		__atomic_add_fetch(&storm_bad_idx, 1, __ATOMIC_RELAXED);
}

static void storm_print(int kind, unsigned int cpu)
{
	char pad[STORM_PAD_MAX + 1];
	unsigned int n = storm_n[kind][cpu];
	u32 sum = storm_pad(kind, cpu, n, pad);

	printk(KERN_DEBUG STORM_FMT "\n", storm_kind_name[kind], cpu, n, pad, sum);
	storm_n[kind][cpu] = n + 1;
	storm_check_indices();
}

static void storm_ipi(void *info)
{
	storm_print(STORM_IPI, smp_processor_id());
}

static void storm_timer_fn(struct timer_list *t)
{
	unsigned int cpu = smp_processor_id();

	storm_print(STORM_TIMER, cpu);
	WRITE_ONCE(storm_timer_armed[cpu], 0);
}

static unsigned int storm_next_cpu(unsigned int cpu)
{
	do
		cpu = (cpu + 1) % nr_cpu_ids;
	while (!cpu_online(cpu));
	return cpu;
}

static int storm_worker(void *data)
{
	unsigned int cpu = (long)data;
	u64 until;

	for (unsigned int i = 0;
	     i < STORM_MAX_ITERS && (i < STORM_MIN_ITERS || ktime_get_ns() < storm_deadline); i++) {
		storm_print(STORM_TASK, cpu);
		if (storm_ipis && i % 8 == 0)
			smp_call_function_single(storm_next_cpu(cpu), storm_ipi, NULL, 1);
		if (i % 16 == 0 && !READ_ONCE(storm_timer_armed[cpu])) {
			WRITE_ONCE(storm_timer_armed[cpu], 1);
			storm_timers[cpu].expires = jiffies + 1;
			add_timer(&storm_timers[cpu]);	/* on this CPU: we are pinned */
		}
	}
	/* Let the last timer fire, so nothing prints after the storm ends. */
	until = ktime_get_ns() + 1000ULL * 1000000;
	while (READ_ONCE(storm_timer_armed[cpu]) && ktime_get_ns() < until)
		msleep(1);
	complete(&storm_done);
	return 0;
}

/* Parse "<digits><stop>" at *p into *val. */
static bool parse_uint(const char **p, const char *end, char stop, unsigned int *val)
{
	const char *s = *p;

	*val = 0;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	while (s < end && *s >= '0' && *s <= '9')
		*val = *val * 10 + (*s++ - '0');
	if (s >= end || *s != stop)
		return false;
	*p = s + 1;
	return true;
}

/* Which writer and record number a storm text claims to be; false if garbled. */
static bool storm_parse(const char *text, unsigned int len, int *kind, unsigned int *cpu,
			unsigned int *n)
{
	const char *p = text + strlen("pkstorm "), *end = text + len;

	for (*kind = 0; *kind < STORM_KINDS; (*kind)++) {
		size_t k = strlen(storm_kind_name[*kind]);

		if ((size_t)(end - p) > k + 1 && !memcmp(p, storm_kind_name[*kind], k) &&
		    p[k] == ' ') {
			p += k + 1;
			break;
		}
	}
	if (*kind == STORM_KINDS || p >= end || *p++ != 'c' || !parse_uint(&p, end, ' ', cpu) ||
	    *cpu >= NR_CPUS || p >= end || *p++ != 'n' || !parse_uint(&p, end, ' ', n))
		return false;
	return true;
}

static bool contains(const char *text, unsigned int len, const char *word)
{
	size_t w = strlen(word);

	for (unsigned int i = 0; i + w <= len; i++)
		if (!memcmp(text + i, word, w))
			return true;
	return false;
}

struct storm_result {
	unsigned int records, storm_records, foreign, wraps;
	unsigned int garbled, gaps;
	int next[STORM_KINDS][NR_CPUS];	/* next number expected from each writer, -1: none seen */
};

static struct storm_result storm_res;

static void storm_check_record(struct kunit *test, struct storm_result *r,
			       const struct printk_log *msg, u64 seq)
{
	const char *text = (const char *)(msg + 1);
	char want[160], pad[STORM_PAD_MAX + 1];
	unsigned int cpu, n;
	int kind, wlen;

	if (msg->text_len < 8 || memcmp(text, "pkstorm ", 8)) {
		r->foreign++;
		if (contains(text, msg->text_len, "pkstorm")) {
			if (!r->garbled++)
				kunit_fail(test, __FILE__, __LINE__, "record %lu is garbled: \"%.*s\"",
					   seq, msg->text_len, text);
		}
		return;
	}
	r->storm_records++;
	if (!storm_parse(text, msg->text_len, &kind, &cpu, &n)) {
		if (!r->garbled++)
			kunit_fail(test, __FILE__, __LINE__, "record %lu is garbled: \"%.*s\"",
				   seq, msg->text_len, text);
		return;
	}
	wlen = scnprintf(want, sizeof(want), STORM_FMT, storm_kind_name[kind], cpu, n, pad,
			 storm_pad(kind, cpu, n, pad));
	if (wlen != msg->text_len || memcmp(want, text, wlen) || msg->level != 7 ||
	    msg->flags != LOG_NEWLINE) {
		if (!r->garbled++)
			kunit_fail(test, __FILE__, __LINE__,
				   "record %lu (level %d flags %d) is \"%.*s\", want \"%s\"", seq,
				   msg->level, msg->flags, msg->text_len, text, want);
		return;
	}
	if (r->next[kind][cpu] >= 0 && (unsigned int)r->next[kind][cpu] != n) {
		if (!r->gaps++)
			kunit_fail(test, __FILE__, __LINE__,
				   "record %lu: %s writer of CPU%u has %u after %d: records lost",
				   seq, storm_kind_name[kind], cpu, n, r->next[kind][cpu] - 1);
	}
	r->next[kind][cpu] = n + 1;
}

/* Walk the ring as lx-dmesg does; false if its structure is broken. */
static bool storm_walk(struct kunit *test, const struct log_buf_state *s, struct storm_result *r)
{
	const u32 hdr = sizeof(struct printk_log);
	u32 idx = s->first_idx;
	u64 seq = s->first_seq;

	while (seq < s->next_seq) {
		const struct printk_log *msg;

		if (!IS_ALIGNED(idx, LOG_ALIGN) || idx + hdr > s->len) {
			kunit_fail(test, __FILE__, __LINE__,
				   "record %lu at index %u: outside the %u-byte ring", seq, idx,
				   s->len);
			return false;
		}
		msg = (const struct printk_log *)(s->buf + idx);
		if (!msg->len) {		/* wrap marker */
			if (r->wraps++ || idx == 0) {
				kunit_fail(test, __FILE__, __LINE__,
					   "record %lu: second wrap marker at index %u", seq, idx);
				return false;
			}
			idx = 0;
			continue;
		}
		if (msg->len != ALIGN(hdr + msg->text_len, LOG_ALIGN) || idx + msg->len > s->len) {
			kunit_fail(test, __FILE__, __LINE__,
				   "record %lu at index %u: len %u, text_len %u in a %u-byte ring",
				   seq, idx, msg->len, msg->text_len, s->len);
			return false;
		}
		storm_check_record(test, r, msg, seq);
		r->records++;
		idx += msg->len;
		seq++;
	}
	KUNIT_EXPECT_EQ(test, idx, s->next_idx);
	return true;
}

static void printk_storm_every_cpu_and_irq(struct kunit *test)
{
	struct storm_result *r = &storm_res;
	struct log_buf_state st;
	int saved_loglevel = console_loglevel;
	unsigned int cpu, workers = 0, guard_bad = 0;
	unsigned long written = 0, irq_written = 0;
	char *ring;

	ring = kmalloc(STORM_RING_LEN + STORM_GUARD_LEN, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, ring != NULL);
	memset(ring, 0, STORM_RING_LEN);
	memset(ring + STORM_RING_LEN, STORM_GUARD_BYTE, STORM_GUARD_LEN);
	memset(storm_n, 0, sizeof(storm_n));
	storm_bad_idx = 0;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		timer_setup(&storm_timers[cpu], storm_timer_fn);
		storm_timer_armed[cpu] = 0;
	}
	storm_ipis = num_online_cpus() > 1;
	init_completion(&storm_done);

	/* KERN_DEBUG records then go to the ring only, not to the slow console. */
	if (console_loglevel > 7)
		console_loglevel = 7;
	st = (struct log_buf_state){ .buf = ring, .len = STORM_RING_LEN };
	log_buf_exchange(&st);
	storm_deadline = ktime_get_ns() + STORM_MS * 1000000ULL;
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(storm_worker, (void *)(long)cpu, cpu,
							      "pkstorm/%u", cpu);

		if (IS_ERR(t))
			break;
		wake_up_process(t);
		workers++;
	}
	for (unsigned int i = 0; i < workers; i++)
		wait_for_completion(&storm_done);
	log_buf_exchange(&st);		/* the real log is back; st is the storm's ring */
	console_loglevel = saved_loglevel;
	KUNIT_ASSERT_EQ(test, workers, num_online_cpus());

	memset(r, 0, sizeof(*r));
	memset(r->next, 0xff, sizeof(r->next));
	for (unsigned int i = 0; i < STORM_GUARD_LEN; i++)
		guard_bad += (u8)ring[STORM_RING_LEN + i] != STORM_GUARD_BYTE;
	KUNIT_EXPECT_EQ(test, guard_bad, 0);
	KUNIT_EXPECT_EQ(test, storm_bad_idx, 0);
	for (int k = 0; k < STORM_KINDS; k++)
		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			written += storm_n[k][cpu];
			irq_written += k != STORM_TASK ? storm_n[k][cpu] : 0;
		}
	printk(KERN_INFO "        # storm: %lu records (%lu from interrupts) on %u CPUs, ring kept %lu..%lu\n",
	       written, irq_written, workers, (unsigned long)st.first_seq, (unsigned long)st.next_seq);
	if (storm_walk(test, &st, r)) {
		KUNIT_EXPECT_EQ(test, r->records, st.next_seq - st.first_seq);
		KUNIT_EXPECT_EQ(test, r->garbled, 0);
		KUNIT_EXPECT_EQ(test, r->gaps, 0);
		KUNIT_EXPECT_GT(test, r->storm_records, 0);
		/* Each writer that still has records in the ring has its last one there. */
		for (int k = 0; k < STORM_KINDS; k++)
			for (cpu = 0; cpu < NR_CPUS; cpu++)
				if (r->next[k][cpu] >= 0)
					KUNIT_EXPECT_EQ(test, r->next[k][cpu], storm_n[k][cpu]);
	}
	/* Every record got a sequence number: none lost to a race. */
	KUNIT_EXPECT_GE(test, st.next_seq, written);
	KUNIT_EXPECT_GT(test, st.first_seq, 0);		/* the ring wrapped */
	KUNIT_EXPECT_GT(test, irq_written, 0);
	kfree(ring);
}

/*
 * An NMI that lands on a CPU inside printk's locked section while an oops
 * is in progress (oops_in_progress) must not take the ring from under the
 * interrupted printk: that one resumes when the NMI returns, in the middle
 * of log_store(). A thread pinned to one CPU printks storm records into a
 * private ring while another CPU fires NMIs at it, and an NMI handler of
 * the test's prints a record from each. The ring is then walked as in the
 * storm. Skipped with 1 CPU.
 */
#define PKNMI_MS 400

static struct completion pknmi_done;
static u64 pknmi_deadline;
static int pknmi_target = -1;		/* -1: the handler leaves NMIs alone */
static bool pknmi_worker_done;
static unsigned int pknmi_printed;

/* Stays registered (there is no unregister): claims NMIs only during the test. */
static int pknmi_handler(unsigned int type, struct pt_regs *regs)
{
	if (READ_ONCE(pknmi_target) != (int)raw_smp_processor_id())
		return NMI_DONE;
	printk(KERN_DEBUG "pknmi from NMI %u\n", pknmi_printed++);
	return NMI_HANDLED;
}

static int pknmi_worker(void *data)
{
	unsigned int cpu = (long)data;

	for (unsigned int i = 0; i < 50000 && ktime_get_ns() < pknmi_deadline; i++)
		storm_print(STORM_TASK, cpu);
	WRITE_ONCE(pknmi_worker_done, true);
	complete(&pknmi_done);
	return 0;
}

static void printk_from_nmi_during_oops_keeps_ring_whole(struct kunit *test)
{
	struct storm_result *r = &storm_res;
	struct log_buf_state st;
	struct cpumask mask, saved = current->cpus_mask;
	int saved_loglevel = console_loglevel;
	unsigned int cpu, target = nr_cpu_ids, sender = nr_cpu_ids, guard_bad = 0, nmis = 0;
	struct task_struct *t;
	u64 seq, nmi_records = 0;
	static bool registered;
	char *ring;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	for_each_online_cpu(cpu) {
		if (sender == nr_cpu_ids)
			sender = cpu;
		else if (target == nr_cpu_ids)
			target = cpu;
	}
	ring = kmalloc(STORM_RING_LEN + STORM_GUARD_LEN, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, ring != NULL);
	memset(ring, 0, STORM_RING_LEN);
	memset(ring + STORM_RING_LEN, STORM_GUARD_BYTE, STORM_GUARD_LEN);
	memset(storm_n, 0, sizeof(storm_n));
	storm_bad_idx = 0;
	init_completion(&pknmi_done);
	pknmi_worker_done = false;
	pknmi_printed = 0;
	if (!registered) {
		KUNIT_ASSERT_EQ(test, register_nmi_handler(NMI_LOCAL, pknmi_handler, "pknmi"), 0);
		registered = true;
	}
	t = kthread_create_on_cpu(pknmi_worker, (void *)(long)target, target, "pknmi/%u", target);
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	cpumask_clear(&mask);
	cpumask_set_cpu(sender, &mask);
	set_cpus_allowed_ptr(current, &mask);	/* the sender must not be the target */

	if (console_loglevel > 7)
		console_loglevel = 7;
	st = (struct log_buf_state){ .buf = ring, .len = STORM_RING_LEN };
	log_buf_exchange(&st);
	bust_spinlocks(1);		/* as oops_begin() and panic() do */
	pknmi_deadline = ktime_get_ns() + PKNMI_MS * 1000000ULL;
	WRITE_ONCE(pknmi_target, (int)target);
	wake_up_process(t);
	while (!READ_ONCE(pknmi_worker_done) && ktime_get_ns() < pknmi_deadline) {
		apic_icr_write(APIC_DM_NMI, x86_cpu_to_apicid[target]);
		nmis++;
		udelay(20);
	}
	wait_for_completion(&pknmi_done);
	mdelay(5);			/* the last NMI's message */
	WRITE_ONCE(pknmi_target, -1);
	bust_spinlocks(0);
	log_buf_exchange(&st);
	console_loglevel = saved_loglevel;
	set_cpus_allowed_ptr(current, &saved);

	for (unsigned int i = 0; i < STORM_GUARD_LEN; i++)
		guard_bad += (u8)ring[STORM_RING_LEN + i] != STORM_GUARD_BYTE;
	KUNIT_EXPECT_EQ(test, guard_bad, 0);
	KUNIT_EXPECT_EQ(test, storm_bad_idx, 0);
	memset(r, 0, sizeof(*r));
	memset(r->next, 0xff, sizeof(r->next));
	if (storm_walk(test, &st, r)) {
		KUNIT_EXPECT_EQ(test, r->records, st.next_seq - st.first_seq);
		KUNIT_EXPECT_EQ(test, r->garbled, 0);
		KUNIT_EXPECT_EQ(test, r->gaps, 0);
		KUNIT_EXPECT_GT(test, r->storm_records, 0);
		if (r->next[STORM_TASK][target] >= 0)
			KUNIT_EXPECT_EQ(test, r->next[STORM_TASK][target], storm_n[STORM_TASK][target]);
		nmi_records = r->foreign;
	}
	seq = st.next_seq;
	printk(KERN_INFO "        # %u NMIs sent, %u printed from NMI; %u records, %lu others, ring kept %lu..%lu\n",
	       nmis, pknmi_printed, storm_n[STORM_TASK][target], (unsigned long)nmi_records,
	       (unsigned long)st.first_seq, (unsigned long)seq);
	KUNIT_EXPECT_GE(test, st.next_seq, storm_n[STORM_TASK][target]);
	KUNIT_EXPECT_GT(test, pknmi_printed, 0);	/* NMIs did print meanwhile */
	kfree(ring);
}

/* Is record seq's text exactly want? */
static bool record_is(u64 seq, const char *want)
{
	char text[128];

	return printk_get_record(seq, NULL, NULL, text, sizeof(text)) >= 0 && !strcmp(text, want);
}

/*
 * The fallback a printk takes on a CPU that is already inside printk's
 * locked section (an NMI, a fault there): its message waits in the CPU's
 * deferred buffer and goes into the ring, in order, when that section
 * ends. printk_safe_enter_irqsave() asks for the same explicitly. What
 * does not fit is counted and reported as Linux's printk_safe does.
 */
static void printk_safe_defers_then_flushes(struct kunit *test)
{
	char want[64];
	unsigned long flags;
	u64 seq = log_next_seq, seq_inside;
	unsigned int kept = 0;

	printk_safe_enter_irqsave(flags);
	printk(KERN_DEBUG "pksafe deferred %d\n", 1);
	printk(KERN_DEBUG "pksafe deferred %d\n", 2);
	seq_inside = log_next_seq;
	printk_safe_exit_irqrestore(flags);
	KUNIT_EXPECT_EQ(test, seq_inside, seq);		/* nothing stored yet */
	KUNIT_EXPECT_EQ(test, log_next_seq, seq + 2);
	KUNIT_EXPECT_TRUE(test, record_is(seq, "pksafe deferred 1"));
	KUNIT_EXPECT_TRUE(test, record_is(seq + 1, "pksafe deferred 2"));

	/* More than the per-CPU buffer holds: the rest are counted, not lost silently. */
	seq = log_next_seq;
	printk_safe_enter_irqsave(flags);
	for (int i = 0; i < 100; i++)
		printk(KERN_DEBUG "pksafe overflow %03d ..................................\n", i);
	printk_safe_exit_irqrestore(flags);
	for (; seq + kept < log_next_seq; kept++) {
		snprintf(want, sizeof(want), "pksafe overflow %03u ..................................",
			 kept);
		if (!record_is(seq + kept, want))
			break;
	}
	KUNIT_EXPECT_GT(test, kept, 0);
	KUNIT_EXPECT_LT(test, kept, 100);
	KUNIT_EXPECT_EQ(test, log_next_seq, seq + kept + 1);
	snprintf(want, sizeof(want), "Lost %u message(s)!", 100 - kept);
	KUNIT_EXPECT_TRUE(test, record_is(seq + kept, want));
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(printk_storm_every_cpu_and_irq),
	KUNIT_CASE(printk_safe_defers_then_flushes),
	KUNIT_CASE(printk_from_nmi_during_oops_keeps_ring_whole),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.test_cases = printk_cases,
};
kunit_test_suite(printk_suite);
