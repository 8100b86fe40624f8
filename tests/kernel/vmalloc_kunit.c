// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for mm/vmalloc.c, CONFIG_VMAP_STACK task stacks and the
 * per-CPU IRQ stacks (Linux has lib/test_vmalloc.c as a module; these
 * follow what it stresses, plus the guard pages).
 */
#include <asm/irq_stack.h>
#include <asm/irq_vectors.h>
#include <asm/pgalloc.h>
#include <asm/traps.h>
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

static unsigned long settled_free_pages(void)
{
	drain_all_pages(NULL);
	return nr_free_pages();
}

static bool readable(const void *addr)
{
	char c;

	return !copy_from_kernel_nofault(&c, addr, 1);
}

static const unsigned long test_sizes[] = {
	1, 100, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE, 64 << 10, 1 << 20,
};

/* Every page is mapped, distinct, the one vmalloc_to_page names, and writable. */
static void alloc_free_many_sizes(struct kunit *test)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(test_sizes); i++) {
		unsigned long size = test_sizes[i], pages = PAGE_ALIGN(size) >> PAGE_SHIFT;
		unsigned char *p = vmalloc(size);
		struct vm_struct *vm;

		KUNIT_ASSERT_TRUE(test, p != NULL);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
		vm = find_vm_area(p);
		KUNIT_ASSERT_TRUE(test, vm != NULL);
		KUNIT_EXPECT_EQ(test, vm->size, (pages + 1) * PAGE_SIZE);	/* + the guard */
		KUNIT_EXPECT_EQ(test, vm->nr_pages, pages);
		KUNIT_EXPECT_TRUE(test, vm->flags & VM_ALLOC);
		for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
			struct page *pg = vmalloc_to_page(p + off);

			KUNIT_ASSERT_TRUE(test, pg != NULL);
			KUNIT_EXPECT_TRUE(test, pg == vm->pages[off >> PAGE_SHIFT]);
			p[off] = (unsigned char)(off >> PAGE_SHIFT) ^ 0x5a;
			/* The same byte through the direct map. */
			KUNIT_EXPECT_EQ(test, *(unsigned char *)page_address(pg), p[off]);
			if (off)
				KUNIT_EXPECT_TRUE(test, pg != vmalloc_to_page(p + off - PAGE_SIZE));
		}
		p[size - 1] = 0xa5;
		vfree(p);
	}
	/* vzalloc's memory is zeroed. */
	{
		unsigned long *z = vzalloc(5 * PAGE_SIZE);
		bool zero = true;

		KUNIT_ASSERT_TRUE(test, z != NULL);
		for (unsigned long i = 0; i < 5 * PAGE_SIZE / sizeof(long); i++)
			zero &= !z[i];
		KUNIT_EXPECT_TRUE(test, zero);
		vfree(z);
	}
	KUNIT_EXPECT_TRUE(test, vmalloc(0) == NULL);
	vfree(NULL);	/* a no-op, as in Linux */
}

/* The page after an area is its unmapped guard; VM_NO_GUARD leaves it out. */
static void guard_page_unmapped(struct kunit *test)
{
	char *p = vmalloc(3 * PAGE_SIZE), *q, *r;

	KUNIT_ASSERT_TRUE(test, p != NULL);
	/* The guard belongs to p's area: nothing else can be placed there. */
	KUNIT_EXPECT_TRUE(test, find_vm_area(p + 3 * PAGE_SIZE) == find_vm_area(p));
	KUNIT_EXPECT_TRUE(test, find_vm_area(p + 4 * PAGE_SIZE) != find_vm_area(p));
	KUNIT_EXPECT_TRUE(test, readable(p));
	KUNIT_EXPECT_TRUE(test, readable(p + 3 * PAGE_SIZE - 1));
	KUNIT_EXPECT_FALSE(test, readable(p + 3 * PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, readable(p + 4 * PAGE_SIZE - 1));
	KUNIT_EXPECT_TRUE(test, vmalloc_to_page(p + 3 * PAGE_SIZE) == NULL);
	vfree(p);
	/* Freed: nothing mapped any more. */
	KUNIT_EXPECT_FALSE(test, readable(p));
	KUNIT_EXPECT_TRUE(test, find_vm_area(p) == NULL);

	q = __vmalloc_node_range(PAGE_SIZE, 1, VMALLOC_START, VMALLOC_END, GFP_KERNEL,
				 PAGE_KERNEL, VM_NO_GUARD, -1, NULL);
	KUNIT_ASSERT_TRUE(test, q != NULL);
	KUNIT_EXPECT_EQ(test, find_vm_area(q)->size, PAGE_SIZE);
	r = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, r != NULL);
	/* Nothing kept the page after q: an area may start right there. */
	if (r == q + PAGE_SIZE)
		KUNIT_EXPECT_TRUE(test, readable(q + PAGE_SIZE));
	vfree(r);
	vfree(q);
}

static void alignment_honoured(struct kunit *test)
{
	for (unsigned int shift = PAGE_SHIFT; shift <= 22; shift++) {
		/* A small area first, so the next one's natural place is misaligned. */
		void *small = vmalloc(PAGE_SIZE);
		void *p = __vmalloc_node_range(2 * PAGE_SIZE, 1UL << shift, VMALLOC_START,
					       VMALLOC_END, GFP_KERNEL, PAGE_KERNEL, 0, -1, NULL);

		KUNIT_ASSERT_TRUE(test, small && p);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 1UL << shift));
		KUNIT_EXPECT_TRUE(test, readable((char *)p + PAGE_SIZE));
		vfree(p);
		vfree(small);
	}
	/* An alignment that is not a power of two is refused. */
	KUNIT_EXPECT_TRUE(test, __vmalloc_node_range(PAGE_SIZE, 3 * PAGE_SIZE, VMALLOC_START,
						     VMALLOC_END, GFP_KERNEL, PAGE_KERNEL, 0, -1,
						     NULL) == NULL);
}

static void alloc_free_round(void **ptrs, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		ptrs[i] = vmalloc(test_sizes[i % ARRAY_SIZE(test_sizes)]);
	for (unsigned int i = 0; i < n; i++)
		vfree(ptrs[i]);
}

/* vfree gives back every page: the free count returns to its baseline. */
static void vfree_returns_every_page(struct kunit *test)
{
	void *ptrs[24];
	unsigned long before, pages_before = vmalloc_nr_pages();

	alloc_free_round(ptrs, ARRAY_SIZE(ptrs));	/* page tables and slabs settle */
	before = settled_free_pages();
	alloc_free_round(ptrs, ARRAY_SIZE(ptrs));
	for (unsigned int i = 0; i < ARRAY_SIZE(ptrs); i++)
		KUNIT_EXPECT_TRUE(test, ptrs[i] != NULL);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages_before);
}

/*
 * First fit: a freed range is handed out again. The new area lands in the
 * lowest hole that fits, so no higher than the one just freed (a bump
 * pointer would hand out a higher address every time).
 */
static void freed_space_reused(struct kunit *test)
{
	void *a = vmalloc(8 * PAGE_SIZE), *b = vmalloc(PAGE_SIZE), *c;

	KUNIT_ASSERT_TRUE(test, a && b);
	vfree(a);
	c = vmalloc(4 * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, c != NULL);
	KUNIT_EXPECT_LE(test, (unsigned long)c, (unsigned long)a);
	vfree(c);
	vfree(b);
}

static void *remote_va;
static atomic_t remote_readable;

static void read_remote(void *info)
{
	if (readable(remote_va))
		atomic_inc(&remote_readable);
}

/* vfree() flushes every CPU's TLB: no CPU can still read the freed mapping. */
static void vfree_flushes_every_cpu(struct kunit *test)
{
	remote_va = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, remote_va != NULL);
	*(volatile char *)remote_va = 1;
	atomic_set(&remote_readable, 0);
	on_each_cpu(read_remote, NULL, 1);	/* every CPU caches the translation */
	KUNIT_EXPECT_EQ(test, atomic_read(&remote_readable), (int)num_online_cpus());
	vfree(remote_va);
	atomic_set(&remote_readable, 0);
	on_each_cpu(read_remote, NULL, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&remote_readable), 0);
}

/* Running out of virtual space or of memory is NULL, never a crash or a leak. */
static void exhaustion_gives_null(struct kunit *test)
{
	unsigned long span = VMALLOC_END - VMALLOC_START, before;
	struct vm_struct *half;
	void *p;

	KUNIT_EXPECT_TRUE(test, get_vm_area(span, VM_IOREMAP) == NULL);	/* + guard */
	KUNIT_EXPECT_TRUE(test, get_vm_area(~0UL & PAGE_MASK, VM_IOREMAP) == NULL);
	half = get_vm_area(span / 2, VM_IOREMAP);
	KUNIT_ASSERT_TRUE(test, half != NULL);
	KUNIT_EXPECT_TRUE(test, get_vm_area(span / 2, VM_IOREMAP) == NULL);
	p = vmalloc(PAGE_SIZE);		/* small ones still fit */
	KUNIT_EXPECT_TRUE(test, p != NULL);
	vfree(p);
	free_vm_area(half);

	/* More pages than are free: fails part way, gives back what it took. */
	before = settled_free_pages();
	p = vmalloc((before + 64) << PAGE_SHIFT);
	KUNIT_EXPECT_TRUE(test, p == NULL);
	if (p)
		vfree(p);
	KUNIT_EXPECT_EQ(test, settled_free_pages(), before);
}

static void vmap_maps_given_pages(struct kunit *test)
{
	struct page *pages[3];
	unsigned char *v;

	for (int i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		KUNIT_ASSERT_TRUE(test, pages[i] != NULL);
	}
	v = vmap(pages, 3, 0, PAGE_KERNEL);
	KUNIT_ASSERT_TRUE(test, v != NULL);
	for (int i = 0; i < 3; i++) {
		KUNIT_EXPECT_TRUE(test, vmalloc_to_page(v + i * PAGE_SIZE) == pages[i]);
		v[i * PAGE_SIZE + 7] = 0x40 + i;
		KUNIT_EXPECT_EQ(test, ((unsigned char *)page_address(pages[i]))[7], 0x40 + i);
	}
	KUNIT_EXPECT_TRUE(test, find_vm_area(v)->flags & VM_MAP);
	vunmap(v);
	KUNIT_EXPECT_FALSE(test, readable(v));
	for (int i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, ((unsigned char *)page_address(pages[i]))[7], 0x40 + i);
		__free_page(pages[i]);
	}
}

#define HAMMER_MS 300

static atomic_t hammer_left;
static struct completion hammer_done;
static unsigned long hammer_bad[NR_CPUS], hammer_rounds[NR_CPUS];

/* Allocate, fill with our tag, check, free, for a bounded time. */
static int vmalloc_hammer(void *data)
{
	unsigned int cpu = (long)data;
	u64 deadline = ktime_get_ns() + HAMMER_MS * 1000000ULL;
	unsigned long seed = cpu * 7919 + 1;

	while (ktime_get_ns() < deadline) {
		unsigned long *p[4], n[4];

		for (int i = 0; i < 4; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			n[i] = ((seed >> 33) % (6 * PAGE_SIZE) + 8) / sizeof(long);
			p[i] = vmalloc(n[i] * sizeof(long));
			if (!p[i]) {
				hammer_bad[cpu]++;
				continue;
			}
			for (unsigned long j = 0; j < n[i]; j += 64)
				p[i][j] = ((unsigned long)cpu << 24) | ((unsigned long)i << 20) | j;
		}
		for (int i = 0; i < 4; i++) {
			if (!p[i])
				continue;
			for (unsigned long j = 0; j < n[i]; j += 64)
				if (p[i][j] != (((unsigned long)cpu << 24) | ((unsigned long)i << 20) | j))
					hammer_bad[cpu]++;
			vfree(p[i]);
		}
		hammer_rounds[cpu]++;
	}
	if (atomic_dec_and_test(&hammer_left))
		complete(&hammer_done);
	return 0;
}

static void concurrent_vmalloc_vfree(struct kunit *test)
{
	unsigned int cpu, cpus = num_online_cpus();
	unsigned long pages_before = vmalloc_nr_pages();

	atomic_set(&hammer_left, cpus);
	init_completion(&hammer_done);
	for_each_online_cpu(cpu) {
		struct task_struct *t = kthread_create_on_cpu(vmalloc_hammer, (void *)(long)cpu,
							      cpu, "vmalloc/%u", cpu);

		KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
		hammer_bad[cpu] = hammer_rounds[cpu] = 0;
		wake_up_process(t);
	}
	wait_for_completion(&hammer_done);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, hammer_bad[cpu], 0);
		KUNIT_EXPECT_GT(test, hammer_rounds[cpu], 0);
	}
	/* The hammers' own stacks go once they have switched out for the last time. */
	for (int i = 0; i < 200 && vmalloc_nr_pages() != pages_before; i++)
		msleep(10);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages_before);
}

struct stack_probe {
	void *stack;
	unsigned long sp;
	struct completion done;
};

static int record_stack(void *data)
{
	struct stack_probe *s = data;

	s->stack = current->stack;
	s->sp = (unsigned long)__builtin_frame_address(0);
	complete(&s->done);
	return 0;
}

/* CONFIG_VMAP_STACK: a new kthread's stack is vmalloc'd, with nothing mapped below it. */
static void kthread_stack_is_vmalloced(struct kunit *test)
{
	struct stack_probe s = { 0 };
	struct task_struct *t;
	struct vm_struct *vm;

	init_completion(&s.done);
	t = kthread_run(record_stack, &s, "stackprobe");
	KUNIT_ASSERT_TRUE(test, !IS_ERR(t));
	wait_for_completion(&s.done);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(s.stack));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)s.stack, THREAD_ALIGN));
	KUNIT_EXPECT_GE(test, s.sp, (unsigned long)s.stack);
	KUNIT_EXPECT_LT(test, s.sp, (unsigned long)s.stack + THREAD_SIZE);
	/* Ours, the test runner's, too. */
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(current->stack));
	vm = find_vm_area(current->stack);
	KUNIT_ASSERT_TRUE(test, vm != NULL);
	KUNIT_EXPECT_EQ(test, get_vm_area_size(vm), THREAD_SIZE);
	KUNIT_EXPECT_TRUE(test, readable(current->stack));
	KUNIT_EXPECT_FALSE(test, readable((char *)current->stack - 1));
	KUNIT_EXPECT_FALSE(test, readable((char *)current->stack - PAGE_SIZE));
	KUNIT_EXPECT_FALSE(test, readable((char *)current->stack + THREAD_SIZE));
	{
		struct stack_info info;

		KUNIT_EXPECT_TRUE(test, get_stack_guard_info((unsigned long)current->stack - 8,
							     &info));
		KUNIT_EXPECT_EQ(test, info.type, STACK_TYPE_TASK);
		KUNIT_EXPECT_FALSE(test, get_stack_guard_info((unsigned long)current->stack, &info));
	}
}

#define TEST_IRQ_VECTOR 0x81
#define TEST_NESTED_VECTOR 0x82

static struct irq_probe {
	unsigned long sp, nested_sp;
	bool hardirq;
	int marks[8], nmarks;		/* +type begin, -type end */
	bool reliable_common_after_irq;	/* common_interrupt_c, reliable, after </IRQ> */
	bool saw_caller;		/* irq_stack_int_caller, on the task stack */
} probe;

static void probe_entry(void *cookie, unsigned long addr, bool reliable)
{
	unsigned long size, off;
	const char *name = kallsyms_lookup(addr, &size, &off);

	if (!name || probe.nmarks < 2 || probe.marks[probe.nmarks - 1] != STACK_TYPE_TASK)
		return;
	if (reliable && !strcmp(name, "common_interrupt_c"))
		probe.reliable_common_after_irq = true;
	if (!strcmp(name, "irq_stack_int_caller"))
		probe.saw_caller = true;
}

static void probe_mark(void *cookie, enum stack_type type, bool begin)
{
	if (probe.nmarks < (int)ARRAY_SIZE(probe.marks))
		probe.marks[probe.nmarks++] = begin ? (int)type : -(int)type;
}

static void nested_handler(struct pt_regs *regs)
{
	probe.nested_sp = (unsigned long)__builtin_frame_address(0);
}

static void test_irq_handler(struct pt_regs *regs)
{
	probe.sp = (unsigned long)__builtin_frame_address(0);
	probe.hardirq = in_hardirq();
	unwind_stack_marked(0, (unsigned long)__builtin_frame_address(0), 0, probe_entry,
			    probe_mark, NULL);
	/* An interrupt taken on the IRQ stack stays on it. */
	__asm__ __volatile__("int %0" : : "i"(TEST_NESTED_VECTOR) : "memory");
}

static noinline void irq_stack_int_caller(void)
{
	__asm__ __volatile__("int %0" : : "i"(TEST_IRQ_VECTOR) : "memory");
}

/* A device interrupt runs on this CPU's IRQ stack, and the unwinder crosses back. */
static void irq_runs_on_irq_stack(struct kunit *test)
{
	unsigned long begin, end;
	unsigned long top;

	memset(&probe, 0, sizeof(probe));
	set_vector_handler(TEST_IRQ_VECTOR, test_irq_handler);
	set_vector_handler(TEST_NESTED_VECTOR, nested_handler);
	preempt_disable();
	top = (unsigned long)this_cpu_read(hardirq_stack_ptr) + sizeof(long);
	irq_stack_int_caller();
	KUNIT_EXPECT_FALSE(test, this_cpu_read(hardirq_stack_inuse));
	KUNIT_EXPECT_TRUE(test, on_irq_stack(probe.sp, &begin, &end));
	preempt_enable();
	set_vector_handler(TEST_IRQ_VECTOR, NULL);
	set_vector_handler(TEST_NESTED_VECTOR, NULL);

	KUNIT_EXPECT_TRUE(test, probe.hardirq);
	KUNIT_EXPECT_EQ(test, end, top);
	KUNIT_EXPECT_EQ(test, begin, top - IRQ_STACK_SIZE);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr((void *)begin));
	KUNIT_EXPECT_FALSE(test, readable((char *)begin - 1));		/* its guard */
	/* The nested one ran deeper on the same stack, not from its top again. */
	KUNIT_EXPECT_GE(test, probe.nested_sp, begin);
	KUNIT_EXPECT_LT(test, probe.nested_sp, probe.sp);
	/* The trace: <IRQ> ... </IRQ> <TASK> ... </TASK>, the chain across. */
	KUNIT_EXPECT_EQ(test, probe.nmarks, 4);
	KUNIT_EXPECT_EQ(test, probe.marks[0], (int)STACK_TYPE_IRQ);
	KUNIT_EXPECT_EQ(test, probe.marks[1], -(int)STACK_TYPE_IRQ);
	KUNIT_EXPECT_EQ(test, probe.marks[2], (int)STACK_TYPE_TASK);
	KUNIT_EXPECT_EQ(test, probe.marks[3], -(int)STACK_TYPE_TASK);
	KUNIT_EXPECT_TRUE(test, probe.reliable_common_after_irq);
	KUNIT_EXPECT_TRUE(test, probe.saw_caller);
}

/* Every online CPU has its own IRQ stack, each in the vmalloc area. */
static void every_cpu_has_an_irq_stack(struct kunit *test)
{
	unsigned int cpu, other;

	for_each_online_cpu(cpu) {
		unsigned long *top = per_cpu(hardirq_stack_ptr, cpu);

		KUNIT_ASSERT_TRUE(test, top != NULL);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(top));
		for_each_online_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_TRUE(test, per_cpu(hardirq_stack_ptr, other) != top);
	}
}

static void vmallocinfo_prints(struct kunit *test)
{
	void *p = vmalloc(5 * PAGE_SIZE);

	KUNIT_ASSERT_TRUE(test, p != NULL);
	vmallocinfo_show();	/* its line: "0x...-0x...   24576 vmallocinfo_prints+0x.. pages=5 vmalloc" */
	vfree(p);
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(alloc_free_many_sizes),
	KUNIT_CASE(guard_page_unmapped),
	KUNIT_CASE(alignment_honoured),
	KUNIT_CASE(vfree_returns_every_page),
	KUNIT_CASE(freed_space_reused),
	KUNIT_CASE(vfree_flushes_every_cpu),
	KUNIT_CASE(exhaustion_gives_null),
	KUNIT_CASE(vmap_maps_given_pages),
	KUNIT_CASE(concurrent_vmalloc_vfree),
	KUNIT_CASE(kthread_stack_is_vmalloced),
	KUNIT_CASE(irq_runs_on_irq_stack),
	KUNIT_CASE(every_cpu_has_an_irq_stack),
	KUNIT_CASE(vmallocinfo_prints),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.test_cases = vmalloc_cases,
};
kunit_test_suite(vmalloc_suite);
