// SPDX-License-Identifier: GPL-2.0
/*
 * Non-maskable interrupts (Linux: arch/x86/kernel/nmi.c).
 *
 * An NMI arrives even with interrupts off; the CPU runs exc_nmi() on its
 * own IST stack and blocks further NMIs until the iretq. Nothing in the
 * NMI says who sent it, so, as in Linux, the handlers registered for
 * NMI_LOCAL are asked first (each returns how many events it handled:
 * smp_send_stop()'s "smp_stop" handler, for one, claims every NMI while a
 * panic stops the CPUs); then the chipset's reason port 0x61 (PCI SERR,
 * I/O check); then the NMI_UNKNOWN handlers; and if nobody claims it:
 *
 *   Uhhuh. NMI received for unknown reason 20 on CPU 1.
 *   Dazed and confused, but trying to continue
 *
 * and the kernel goes on (unknown_nmi_panic on the command line makes it
 * panic instead). Left out: back-to-back NMI detection and swallowing,
 * nested NMIs after an iretq inside the handler (Linux's nmi_state and
 * the asm glue; nothing here faults inside an NMI), saving CR2/DR7, the
 * ratelimit on the messages, unregistering a handler (Linux needs RCU for
 * that), clearing the SERR/IOCHK latches.
 */
#include <asm/io.h>
#include <asm/nmi.h>
#include <asm/traps.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/percpu-defs.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define NMI_MAX_HANDLERS 4

struct nmiaction {
	nmi_handler_t handler;
	const char *name;
};

struct nmi_desc {
	spinlock_t lock;	/* serialises registration, never taken in an NMI */
	struct nmiaction actions[NMI_MAX_HANDLERS];
};

static struct nmi_desc nmi_desc[NMI_MAX];

struct nmi_stats {
	unsigned int normal;	/* claimed by an NMI_LOCAL handler */
	unsigned int unknown;
	unsigned int external;	/* SERR / IOCHK */
	unsigned int count;	/* all (Linux: irq_stat.__nmi_count) */
};

static DEFINE_PER_CPU(struct nmi_stats, nmi_stats);

static int unknown_nmi_panic;

static int setup_unknown_nmi_panic(char *val)
{
	unknown_nmi_panic = 1;
	return 1;
}
__setup("unknown_nmi_panic", setup_unknown_nmi_panic);

/*
 * Handlers are added with the handler pointer written last, so an NMI
 * on another CPU sees either an empty slot or a complete entry.
 */
int register_nmi_handler(unsigned int type, nmi_handler_t handler, const char *name)
{
	struct nmi_desc *desc;
	unsigned long flags;
	int ret = -EBUSY;

	if (type >= NMI_MAX || !handler)
		return -EINVAL;
	desc = &nmi_desc[type];
	spin_lock_irqsave(&desc->lock, flags);
	for (int i = 0; i < NMI_MAX_HANDLERS; i++) {
		if (desc->actions[i].handler)
			continue;
		desc->actions[i].name = name;
		__atomic_store_n(&desc->actions[i].handler, handler, __ATOMIC_RELEASE);
		ret = 0;
		break;
	}
	spin_unlock_irqrestore(&desc->lock, flags);
	return ret;
}

/* Ask every handler of this type: NMIs are edge-triggered, so one may stand for two. */
static int nmi_handle(unsigned int type, struct pt_regs *regs)
{
	struct nmi_desc *desc = &nmi_desc[type];
	int handled = 0;

	for (int i = 0; i < NMI_MAX_HANDLERS; i++) {
		nmi_handler_t h = __atomic_load_n(&desc->actions[i].handler, __ATOMIC_ACQUIRE);

		if (h)
			handled += h(type, regs);
	}
	return handled;
}

static void unknown_nmi_error(unsigned char reason, struct pt_regs *regs)
{
	int handled = nmi_handle(NMI_UNKNOWN, regs);

	if (handled) {
		this_cpu_add(nmi_stats.unknown, handled);
		return;
	}
	this_cpu_inc(nmi_stats.unknown);
	pr_emerg("Uhhuh. NMI received for unknown reason %02x on CPU %d.\n", reason,
		 smp_processor_id());
	if (unknown_nmi_panic)
		panic("NMI: Not continuing");
	pr_emerg("Dazed and confused, but trying to continue\n");
}

static void default_do_nmi(struct pt_regs *regs)
{
	unsigned char reason;
	int handled;

	/* CPU-specific NMIs first: another CPU cannot see them. */
	handled = nmi_handle(NMI_LOCAL, regs);
	this_cpu_add(nmi_stats.normal, handled);
	if (handled)
		return;

	reason = inb(NMI_REASON_PORT);
	if (reason & NMI_REASON_MASK) {
		if (reason & NMI_REASON_SERR)
			pr_emerg("NMI: PCI system error (SERR) for reason %02x on CPU %d.\n",
				 reason, smp_processor_id());
		else
			pr_emerg("NMI: IOCK error (debug interrupt?) for reason %02x on CPU %d.\n",
				 reason, smp_processor_id());
		pr_emerg("Dazed and confused, but trying to continue\n");
		this_cpu_inc(nmi_stats.external);
		return;
	}
	unknown_nmi_error(reason, regs);
}

/* The NMI vector (kernel/entry_64.S, IST stack): Linux's exc_nmi. */
void exc_nmi(struct pt_regs *regs, unsigned long error_code)
{
	/* nmi_enter(): in_nmi(), and in_interrupt(), are true in here. */
	__preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET);
	this_cpu_inc(nmi_stats.count);
	default_do_nmi(regs);
	__preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET);
}

unsigned int nmi_count(unsigned int cpu)
{
	return READ_ONCE(per_cpu(nmi_stats, cpu).count);
}

unsigned int nmi_unknown_count(unsigned int cpu)
{
	return READ_ONCE(per_cpu(nmi_stats, cpu).unknown);
}
