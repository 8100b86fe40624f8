/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ELF64 file format and the auxiliary vector (Linux:
 * include/uapi/linux/elf.h, include/uapi/linux/auxvec.h,
 * arch/x86/include/asm/elf.h). Values are Linux's (and the System V
 * ABI's): the same binaries run here and on Linux. Only the 64-bit
 * little-endian x86-64 flavour is described; 32-bit ELF (compat) is left
 * out.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef u64 Elf64_Addr;
typedef u16 Elf64_Half;
typedef u64 Elf64_Off;
typedef s32 Elf64_Sword;
typedef u32 Elf64_Word;
typedef u64 Elf64_Xword;
typedef s64 Elf64_Sxword;

/* e_ident[] */
#define EI_MAG0		0
#define EI_MAG1		1
#define EI_MAG2		2
#define EI_MAG3		3
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define EI_OSABI	7
#define EI_PAD		8
#define EI_NIDENT	16

#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASSNONE	0
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATANONE	0
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define EV_NONE		0
#define EV_CURRENT	1

/* e_type */
#define ET_NONE		0
#define ET_REL		1
#define ET_EXEC		2
#define ET_DYN		3
#define ET_CORE		4

/* e_machine */
#define EM_386		3
#define EM_X86_64	62

/* p_type */
#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_SHLIB	5
#define PT_PHDR		6
#define PT_TLS		7
#define PT_LOOS		0x60000000
#define PT_HIOS		0x6fffffff
#define PT_LOPROC	0x70000000
#define PT_HIPROC	0x7fffffff
#define PT_GNU_EH_FRAME	0x6474e550
#define PT_GNU_STACK	(PT_LOOS + 0x474e551)
#define PT_GNU_RELRO	(PT_LOOS + 0x474e552)
#define PT_GNU_PROPERTY	(PT_LOOS + 0x474e553)

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct elf64_hdr {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;		/* the entry point */
	Elf64_Off e_phoff;		/* program header table, file offset */
	Elf64_Off e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

typedef struct elf64_phdr {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;		/* segment file offset */
	Elf64_Addr p_vaddr;		/* segment virtual address */
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;		/* bytes in the file */
	Elf64_Xword p_memsz;		/* bytes in memory (the rest is zero: .bss) */
	Elf64_Xword p_align;
} Elf64_Phdr;

#define elfhdr		elf64_hdr
#define elf_phdr	elf64_phdr
#define ELF_CLASS	ELFCLASS64
#define ELF_DATA	ELFDATA2LSB
#define ELF_ARCH	EM_X86_64
#define ELF_MIN_ALIGN	PAGE_SIZE
/* Linux: ELF_EXEC_PAGESIZE; what AT_PAGESZ says */
#define ELF_EXEC_PAGESIZE 4096

/*
 * Where a static-pie (ET_DYN without PT_INTERP) is loaded on x86-64
 * before ASLR's offset is added (Linux: ELF_ET_DYN_BASE,
 * arch/x86/include/asm/elf.h: 2/3 of the 47-bit user space).
 */
#define ELF_ET_DYN_BASE	((DEFAULT_MAP_WINDOW / 3) * 2)

/* The auxiliary vector's keys (Linux: include/uapi/linux/auxvec.h, asm/auxvec.h). */
#define AT_NULL		0	/* end of vector */
#define AT_IGNORE	1
#define AT_EXECFD	2
#define AT_PHDR		3	/* program headers of the program, in memory */
#define AT_PHENT	4	/* size of one program header */
#define AT_PHNUM	5	/* number of program headers */
#define AT_PAGESZ	6
#define AT_BASE		7	/* the interpreter's base (0: none) */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* a string naming the CPU: "x86_64" */
#define AT_HWCAP	16	/* CPU features (x86: CPUID.1:EDX) */
#define AT_CLKTCK	17	/* times() ticks per second */
#define AT_SECURE	23	/* setuid-like exec: 0 here */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25	/* address of 16 random bytes */
#define AT_HWCAP2	26
#define AT_RSEQ_FEATURE_SIZE 27
#define AT_RSEQ_ALIGN	28
#define AT_EXECFN	31	/* the filename given to execve */
#define AT_SYSINFO_EHDR	33	/* the vDSO (not here) */
#define AT_MINSIGSTKSZ	51

#define ELF_PLATFORM	"x86_64"
#define ELF_HWCAP	(boot_cpu_data.x86_capability_1_edx)

/* Entries of mm->saved_auxv (Linux: AT_VECTOR_SIZE = 2 * (AT_VECTOR_SIZE_ARCH + AT_VECTOR_SIZE_BASE + 1)). */
#define AT_VECTOR_SIZE	48

#endif /* _LINUX_ELF_H */
