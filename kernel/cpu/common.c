// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU processor state: CPUID features, the GDT and the TSS.
 *
 * Linux: arch/x86/kernel/cpu/common.c (early_cpu_init, cpu_init,
 * load_direct_gdt, the gdt_page with the fixed segment layout of
 * asm/segment.h) and the cpu_entry_area's TSS with IST stacks for #DF,
 * NMI and #MC, so those exceptions run on a known-good stack. All three
 * are per-CPU variables; each CPU loads its own in cpu_init(). Left out: errata, microcode, CPU vendor
 * quirks, 32-bit.
 */
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <asm/msr-index.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <linux/percpu-defs.h>
#include <linux/printk.h>
#include <linux/string.h>

struct cpuinfo_x86 boot_cpu_data;

void entry_SYSCALL_64(void);
void entry_SYSCALL32_ignore(void);

/*
 * Per CPU: its GDT (the TSS descriptor differs, and the CPU writes the
 * "busy" bit into it), its TSS and its interrupt stacks (Linux:
 * gdt_page, cpu_tss_rw, the cpu_entry_area's exception stacks). Before
 * setup_per_cpu_areas() the boot CPU uses the template copies.
 */
DEFINE_PER_CPU_ALIGNED(u64 [GDT_ENTRIES], gdt_page) = {
	[GDT_ENTRY_KERNEL32_CS] = 0x00cf9b000000ffffULL,
	[GDT_ENTRY_KERNEL_CS] = 0x00af9b000000ffffULL,	/* L=1: 64-bit code */
	[GDT_ENTRY_KERNEL_DS] = 0x00cf93000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER32_CS] = 0x00cffb000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_DS] = 0x00cff3000000ffffULL,
	[GDT_ENTRY_DEFAULT_USER_CS] = 0x00affb000000ffffULL,
};
DEFINE_PER_CPU_ALIGNED(struct x86_hw_tss, cpu_tss_rw);
DEFINE_PER_CPU_ALIGNED(char [N_EXCEPTION_STACKS * EXCEPTION_STKSZ], exception_stacks);

static void get_cpu_vendor_and_model(struct cpuinfo_x86 *c)
{
	u32 a, b, d, cx, *m = (u32 *)c->x86_model_id;

	cpuid_count(0, 0, &a, &b, &cx, &d);
	memcpy(c->x86_vendor_id, &b, 4);
	memcpy(c->x86_vendor_id + 4, &d, 4);
	memcpy(c->x86_vendor_id + 8, &cx, 4);
	cpuid_count(0x80000000, 0, &a, &b, &cx, &d);
	if (a < 0x80000004)
		return;
	for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, m += 4)
		cpuid_count(leaf, 0, &m[0], &m[1], &m[2], &m[3]);
}

void early_cpu_init(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	u32 max, a, b, cx, d;

	get_cpu_vendor_and_model(c);
	cpuid_count(0, 0, &max, &b, &cx, &d);
	cpuid_count(1, 0, &a, &b, &cx, &d);
	c->x86_capability_1_edx = d;
	c->x86_capability_1_ecx = cx;
	c->has_fxsr = d & (1 << 24);
	c->has_xsave = cx & (1 << 26);
	c->has_tsc = d & (1 << 4);
	c->has_apic = d & (1 << 9);
	c->has_pge = d & (1 << 13);
	if (max >= 7) {
		cpuid_count(7, 0, &a, &b, &cx, &d);
		c->has_la57 = cx & (1 << 16);
		c->has_smep = b & (1 << 7);
		c->has_smap = b & (1 << 20);
		c->has_umip = cx & (1 << 2);
	}
	cpuid_count(0x80000001, 0, &a, &b, &cx, &d);
	c->has_nx = d & (1 << 20);
	c->has_gbpages = d & (1 << 26);
}

/* A 16-byte system descriptor for the TSS in GDT entries 8 and 9. */
static void set_tss_desc(u64 *gdt, struct x86_hw_tss *tss)
{
	u64 base = (u64)tss, limit = sizeof(*tss) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     (0x89ULL << 40) |	/* present, 64-bit TSS (available) */
			     (((limit >> 16) & 0xf) << 48) |
			     (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/* Load this CPU's GDT, reload every segment register, load the task register. */
static void load_gdt_and_segments(u64 *gdt)
{
	struct desc_ptr gdt_descr = {
		.size = GDT_ENTRIES * sizeof(u64) - 1,
		.address = (u64)gdt,
	};

	__asm__ __volatile__("lgdt %0" : : "m"(gdt_descr));
	/* A far return is the way to reload CS in 64-bit mode. */
	__asm__ __volatile__("pushq %0\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %1, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     : : "i"((u64)__KERNEL_CS), "i"(__KERNEL_DS) : "rax", "memory");
	__asm__ __volatile__("ltr %w0" : : "r"(__TSS_SEL));
}

/*
 * The syscall instruction (Linux: syscall_init). STAR's selectors: syscall
 * loads CS = __KERNEL_CS and SS = __KERNEL_CS + 8 = __KERNEL_DS; sysretq
 * loads CS = __USER32_CS + 16 = __USER_CS and SS = __USER32_CS + 8 =
 * __USER_DS, which is why the GDT has Linux's order. The mask clears what
 * the kernel must not inherit: interrupts (IF) until the stack is
 * switched, single-stepping (TF), the direction flag (DF), AC (SMAP's
 * override), NT and the rest of the arithmetic flags. 32-bit syscalls
 * (CSTAR) return -ENOSYS: there is no IA32 emulation.
 */
static void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, (u64)entry_SYSCALL32_ignore);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_CF | X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF |
				 X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF |
				 X86_EFLAGS_AC | X86_EFLAGS_ID | 0x8d4 /* PF AF ZF SF OF */);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * SMEP: the kernel faults if it executes a user page; SMAP: it faults if
 * it reads or writes one outside stac()/clac() (lib/usercopy.c). Both on
 * when the CPU has them (QEMU's -cpu max), as Linux does by default.
 */
bool smap_enabled;

static void setup_smep_smap(void)
{
	unsigned long cr4 = read_cr4();

	if (boot_cpu_data.has_smep)
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_data.has_smap) {
		cr4 |= X86_CR4_SMAP;
		smap_enabled = true;
	}
	write_cr4(cr4);
}

/* Per-CPU state of the running CPU (Linux: cpu_init, switch_to_new_gdt). */
void cpu_init(void)
{
	struct x86_hw_tss *tss = this_cpu_ptr(&cpu_tss_rw);
	char *stacks = *this_cpu_ptr(&exception_stacks);
	u64 *gdt = *this_cpu_ptr(&gdt_page);

	for (int i = 0; i < N_EXCEPTION_STACKS; i++)
		tss->ist[i] = (u64)stacks + (i + 1) * EXCEPTION_STKSZ;
	tss->io_bitmap_base = sizeof(*tss);	/* no I/O bitmap */
	set_tss_desc(gdt, tss);			/* "available" again, whatever was copied */
	load_gdt_and_segments(gdt);
	syscall_init();
	setup_smep_smap();
	fpu__init_cpu();
}
