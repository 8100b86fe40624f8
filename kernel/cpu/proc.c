// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo (Linux: arch/x86/kernel/cpu/proc.c show_cpuinfo, with
 * the flag names of arch/x86/include/asm/cpufeatures.h): one block per
 * online CPU. The CPUID leaves are read on the reading CPU (every CPU of
 * a Linnet machine is the same model); apicid is each CPU's own
 * (x86_cpu_to_apicid). flags lists the CPUID bits Linux names, in Linux's
 * word order: 1.EDX, 80000001.EDX, two synthetic ones Linux sets on every
 * x86-64 (nopl, cpuid), 1.ECX, 80000001.ECX, 7.EBX, D.1.EAX, 6.EAX,
 * 8000000A.EDX, 7.ECX, 7.EDX. Left out: Linux's other synthetic flags
 * (constant_tsc, rep_good ...: its own decisions), bug detection (bugs is
 * empty), microcode revision (0x0: Linnet does not read it), TLB size,
 * power management bits.
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/cpumask.h>
#include <asm/processor.h>
#include <asm/smp.h>

struct cpuid_word {
	u32 leaf, subleaf;
	int reg;			/* 0 eax, 1 ebx, 2 ecx, 3 edx; -1: synthetic */
	const char *names[32];
};

static const struct cpuid_word cpuid_words[] = {
	{ 1, 0, 3, { "fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL,
		     "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", NULL,
		     "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" } },
	{ 0x80000001, 0, 3, { [11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
			      [25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
			      [30] = "3dnowext", [31] = "3dnow" } },
	{ 0, 0, -1, { [20] = "nopl", [25] = "cpuid" } },
	{ 1, 0, 2, { "pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
		     "tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", NULL, "pcid",
		     "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt", "tsc_deadline_timer",
		     "aes", "xsave", NULL, "avx", "f16c", "rdrand", "hypervisor" } },
	{ 0x80000001, 0, 2, { "lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm",
			      "sse4a", "misalignsse", "3dnowprefetch", "osvw", "ibs", "xop",
			      "skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr",
			      NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext",
			      "ptsc", "perfctr_llc", "mwaitx" } },
	{ 7, 0, 1, { "fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL, "smep",
		     "bmi2", "erms", "invpcid", "rtm", "cqm", NULL, "mpx", "rdt_a", "avx512f",
		     "avx512dq", "rdseed", "adx", "smap", "avx512ifma", NULL, "clflushopt", "clwb",
		     "intel_pt", "avx512pf", "avx512er", "avx512cd", "sha_ni", "avx512bw",
		     "avx512vl" } },
	{ 0xd, 1, 0, { "xsaveopt", "xsavec", "xgetbv1", "xsaves", "xfd" } },
	{ 6, 0, 0, { "dtherm", "ida", "arat", NULL, "pln", NULL, "pts", "hwp", "hwp_notify",
		     "hwp_act_window", "hwp_epp", "hwp_pkg_req" } },
	{ 0x8000000a, 0, 3, { "npt", "lbrv", "svm_lock", "nrip_save", "tsc_scale", "vmcb_clean",
			      "flushbyasid", "decodeassists", NULL, NULL, "pausefilter", NULL,
			      "pfthreshold", "avic", NULL, "v_vmsave_vmload", "vgif" } },
	{ 7, 0, 2, { NULL, "avx512vbmi", "umip", "pku", "ospke", "waitpkg", "avx512_vbmi2", NULL,
		     "gfni", "vaes", "vpclmulqdq", "avx512_vnni", "avx512_bitalg", "tme",
		     "avx512_vpopcntdq", NULL, "la57", NULL, NULL, NULL, NULL, NULL, "rdpid", NULL,
		     "bus_lock_detect", "cldemote", NULL, "movdiri", "movdir64b", "enqcmd",
		     "sgx_lc" } },
	{ 7, 0, 3, { [2] = "avx512_4vnniw", [3] = "avx512_4fmaps", [4] = "fsrm",
		     [8] = "avx512_vp2intersect", [10] = "md_clear", [14] = "serialize",
		     [16] = "tsxldtrk", [18] = "pconfig", [19] = "arch_lbr", [20] = "ibt",
		     [22] = "amx_bf16", [23] = "avx512_fp16", [24] = "amx_tile",
		     [25] = "amx_int8", [28] = "flush_l1d", [29] = "arch_capabilities" } },
};

static u32 cpuid_reg(u32 leaf, u32 subleaf, int reg)
{
	u32 r[4] = {};
	u32 max;

	cpuid_count(leaf & 0x80000000, 0, &max, &r[1], &r[2], &r[3]);
	if (leaf > max)
		return 0;
	cpuid_count(leaf, subleaf, &r[0], &r[1], &r[2], &r[3]);
	return r[reg];
}

static void show_flags(struct seq_file *m)
{
	bool svm = cpuid_reg(0x80000001, 0, 2) & (1U << 2);

	seq_puts(m, "flags\t\t:");
	for (unsigned int w = 0; w < ARRAY_SIZE(cpuid_words); w++) {
		const struct cpuid_word *cw = &cpuid_words[w];
		u32 bits;

		if (cw->reg < 0)
			bits = (1U << 20) | (1U << 25);
		else if (cw->leaf == 0x8000000a && !svm)
			bits = 0;
		else
			bits = cpuid_reg(cw->leaf, cw->subleaf, cw->reg);
		for (int i = 0; i < 32; i++)
			if ((bits & (1U << i)) && cw->names[i])
				seq_printf(m, " %s", cw->names[i]);
	}
	seq_putc(m, '\n');
}

static int show_cpuinfo(struct seq_file *m, void *v)
{
	unsigned int cpu = (unsigned long)v - 1;
	u32 eax, ebx, ecx, edx, max_leaf;
	unsigned int family, model, stepping, clflush, cache_kb = 0, phys = 36, virt = 48;
	unsigned int ncpus = num_online_cpus();
	char vendor[13];

	cpuid_count(0, 0, &max_leaf, &ebx, &ecx, &edx);
	memcpy(vendor, &ebx, 4);
	memcpy(vendor + 4, &edx, 4);
	memcpy(vendor + 8, &ecx, 4);
	vendor[12] = '\0';
	cpuid_count(1, 0, &eax, &ebx, &ecx, &edx);
	family = (eax >> 8) & 0xf;
	model = (eax >> 4) & 0xf;
	stepping = eax & 0xf;
	if (family == 0xf)
		family += (eax >> 20) & 0xff;
	if (family >= 6)
		model += ((eax >> 16) & 0xf) << 4;
	clflush = ((ebx >> 8) & 0xff) * 8;
	if (cpuid_reg(0x80000000, 0, 0) >= 0x80000006)
		cache_kb = cpuid_reg(0x80000006, 0, 2) >> 16;
	if (cpuid_reg(0x80000000, 0, 0) >= 0x80000008) {
		u32 a = cpuid_reg(0x80000008, 0, 0);

		phys = a & 0xff;
		virt = (a >> 8) & 0xff;
	}

	seq_printf(m, "processor\t: %u\n", cpu);
	seq_printf(m, "vendor_id\t: %s\n", vendor[0] ? vendor : "unknown");
	seq_printf(m, "cpu family\t: %u\n", family);
	seq_printf(m, "model\t\t: %u\n", model);
	seq_printf(m, "model name\t: %s\n",
		   boot_cpu_data.x86_model_id[0] ? boot_cpu_data.x86_model_id : "unknown");
	seq_printf(m, "stepping\t: %u\n", stepping);
	seq_printf(m, "microcode\t: 0x%x\n", 0);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", tsc_khz / 1000, tsc_khz % 1000);
	if (cache_kb)
		seq_printf(m, "cache size\t: %u KB\n", cache_kb);
	seq_printf(m, "physical id\t: %d\n", 0);
	seq_printf(m, "siblings\t: %u\n", ncpus);
	seq_printf(m, "core id\t\t: %u\n", cpu);
	seq_printf(m, "cpu cores\t: %u\n", ncpus);
	seq_printf(m, "apicid\t\t: %u\n", x86_cpu_to_apicid[cpu]);
	seq_printf(m, "initial apicid\t: %u\n", x86_cpu_to_apicid[cpu]);
	seq_puts(m, "fpu\t\t: yes\n");
	seq_puts(m, "fpu_exception\t: yes\n");
	seq_printf(m, "cpuid level\t: %u\n", max_leaf);
	seq_puts(m, "wp\t\t: yes\n");
	show_flags(m);
	seq_puts(m, "bugs\t\t:\n");
	seq_printf(m, "bogomips\t: %lu.%02lu\n", tsc_khz / 500, (tsc_khz / 5) % 100);
	seq_printf(m, "clflush size\t: %u\n", clflush);
	seq_printf(m, "cache_alignment\t: %u\n", clflush);
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n", phys, virt);
	seq_puts(m, "power management:\n\n");
	return 0;
}

/* Records are the online CPUs; v is cpu + 1 (0 would end the walk). */
static void *c_start(struct seq_file *m, loff_t *pos)
{
	unsigned int cpu = *pos;

	while (cpu < nr_cpu_ids && !cpu_online(cpu))
		cpu++;
	*pos = cpu;
	return cpu < nr_cpu_ids ? (void *)(unsigned long)(cpu + 1) : NULL;
}

static void *c_next(struct seq_file *m, void *v, loff_t *pos)
{
	(*pos)++;
	return c_start(m, pos);
}

static void c_stop(struct seq_file *m, void *v)
{
}

static const struct seq_operations cpuinfo_op = {
	.start = c_start,
	.next = c_next,
	.stop = c_stop,
	.show = show_cpuinfo,
};

void proc_cpuinfo_init(void)
{
	proc_create_seq("cpuinfo", 0, NULL, &cpuinfo_op);
}
