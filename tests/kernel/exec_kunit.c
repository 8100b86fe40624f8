// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of execve and the ELF loader (fs/exec.c, fs/binfmt_elf.c).
 *
 * Crafted ELF files are written into the rootfs (a tmpfs) and run with
 * kernel_execve(). The bad ones fail before the point of no return, so
 * the kunit task (PID 1, not yet exec'd) calls them itself: truncated
 * files, wrong magic/class/byte order/type/machine, a program header
 * table that is absurd or past EOF, segments with FileSiz > MemSiz, that
 * overflow, lie beyond TASK_SIZE, run past the end of the file, are not
 * congruent to their offset, overlap or come out of order, PT_INTERP, no
 * PT_LOAD, a bad entry, segments at page 0 or in the stack, files that
 * are not executable, and argument lists too long or at bad addresses;
 * each gives Linux's error, leaves current untouched and leaks nothing.
 *
 * A good file (two PT_LOADs, the second with .bss over several pages) is
 * exec'd by a child (user_mode_thread), which then inspects what it got
 * before it exits instead of returning to user mode: mm fields, VMAs and
 * their permissions, the segment bytes and the zero fill, the stack
 * Linux lays out (argc, argv, envp, the auxv, AT_RANDOM, AT_EXECFN,
 * AT_PLATFORM, 16-byte sp), comm, the user registers start_thread()
 * set, close-on-exec; then it execs again with argv/envp from its own
 * user memory (execve's path) and checks that a failing exec leaves its
 * program intact; then execveat: by its fd with AT_EMPTY_PATH (the
 * program sees /dev/fd/N, comm "N"), by a directory fd and "prog"
 * (/dev/fd/N/prog), "" without AT_EMPTY_PATH (-ENOENT), a symlink with
 * AT_SYMLINK_NOFOLLOW (-ELOOP). A static-pie (ET_DYN) variant lands at a load bias.
 * Then the program runs for real (user_mode_thread returns to user mode
 * in it): it exits with argc + 39, read from its stack, as ET_EXEC and as
 * static-pie; with its entry in the NX data segment or in no segment it
 * dies of SIGSEGV, exec itself having succeeded, as in Linux. Code it
 * writes on its stack runs only with PT_GNU_STACK PF_X; a 16 KiB
 * RLIMIT_STACK still execs (the stack grows only to the limit). Last, 100
 * seeded mutations of the file (bit flips, boundary values, truncation)
 * are loaded by children that exit at once. The free page count is back
 * where it was once each child is reaped.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/uaccess.h>
#include "vfs_test.h"

#define X_PATH TDIR "/prog"
#define CODE_VADDR 0x400000UL
#define DATA_VADDR 0x601000UL
#define BSS_EXTRA 0x3000UL

/*
 * A tiny static program: exit_group(argc + 39), so 42 for test_argv. The
 * data segment shares the file page with the code (p_offset == p_vaddr
 * mod 4096), as ld lays segments out.
 */
struct tiny_elf {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[3];
	u8 code[16];
	u8 data[32];
	u8 trailer[64];		/* what ld puts after the segments: sections, symbols */
} __attribute__((packed));

#define CODE_OFF offsetof(struct tiny_elf, code)
#define DATA_OFF offsetof(struct tiny_elf, data)

static const u8 tiny_code[16] = {
	0x48, 0x8b, 0x3c, 0x24,		/* mov (%rsp), %rdi: argc */
	0x83, 0xc7, 0x27,		/* add $39, %edi */
	0xb8, 0xe7, 0x00, 0x00, 0x00,	/* mov $231, %eax (exit_group) */
	0x0f, 0x05,			/* syscall */
	0xeb, 0xfe,			/* jmp . */
};

static void build_elf(struct tiny_elf *e, unsigned long base)
{
	memset(e, 0, sizeof(*e));
	memcpy(e->eh.e_ident, ELFMAG, SELFMAG);
	e->eh.e_ident[EI_CLASS] = ELFCLASS64;
	e->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	e->eh.e_ident[EI_VERSION] = EV_CURRENT;
	e->eh.e_type = base ? ET_EXEC : ET_DYN;
	e->eh.e_machine = EM_X86_64;
	e->eh.e_version = EV_CURRENT;
	e->eh.e_entry = base + CODE_OFF;
	e->eh.e_phoff = offsetof(struct tiny_elf, ph);
	e->eh.e_ehsize = sizeof(Elf64_Ehdr);
	e->eh.e_phentsize = sizeof(Elf64_Phdr);
	e->eh.e_phnum = 3;
	e->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
				 .p_vaddr = base, .p_filesz = DATA_OFF, .p_memsz = DATA_OFF,
				 .p_align = 4096 };
	e->ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = DATA_OFF,
				 .p_vaddr = base + (DATA_VADDR - CODE_VADDR) + DATA_OFF,
				 .p_filesz = sizeof(e->data),
				 .p_memsz = sizeof(e->data) + BSS_EXTRA, .p_align = 4096 };
	e->ph[2] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W };
	memcpy(e->code, tiny_code, sizeof(tiny_code));
	for (unsigned int i = 0; i < sizeof(e->data); i++)
		e->data[i] = 0xa0 + i;
	memset(e->trailer, 0xee, sizeof(e->trailer));
}

static int write_prog(const char *path, const void *data, size_t len, umode_t mode)
{
	int err = make_file(path, data, len);

	return err ? err : init_chmod(path, mode);
}

static const char *const test_argv[] = { "prog", "one", "two words", NULL };
static const char *const test_envp[] = { "HOME=/", "TERM=linux", "X=y", NULL };

/* kernel_execve of a file that must fail before the point of no return. */
static int exec_bad(struct kunit *test, const void *data, size_t len)
{
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm = current->mm;
	int err;

	memcpy(comm, current->comm, sizeof(comm));
	err = write_prog(X_PATH, data, len, 0755);
	KUNIT_EXPECT_EQ(test, err, 0);
	err = kernel_execve(X_PATH, test_argv, test_envp);
	KUNIT_EXPECT_TRUE(test, current->mm == mm);
	KUNIT_EXPECT_STREQ(test, current->comm, comm);
	init_unlink(X_PATH);
	return err;
}

/* One mutation of the good ELF per line; each must be refused. */
VFS_TEST(exec_bad_headers)
{
	struct tiny_elf good, e;

	build_elf(&good, CODE_VADDR);
	KUNIT_EXPECT_EQ(test, exec_bad(test, &good, 0), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, exec_bad(test, &good, 20), -ENOEXEC);		/* cut in the header */
	KUNIT_EXPECT_EQ(test, exec_bad(test, &good, sizeof(Elf64_Ehdr) + 30), -ENOEXEC);	/* in the phdrs */
	/* #! scripts run (fs/binfmt_script.c): a missing interpreter is -ENOENT, none -ENOEXEC. */
	KUNIT_EXPECT_EQ(test, exec_bad(test, "#!/nonexistent/sh\necho hi\n", 26), -ENOENT);
	KUNIT_EXPECT_EQ(test, exec_bad(test, "#!  \necho hi\n", 13), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, exec_bad(test, "echo hi\n", 8), -ENOEXEC);
#define MUTATE(stmt, expect)                                            \
	do {                                                            \
		e = good;                                               \
		stmt;                                                   \
		KUNIT_EXPECT_EQ(test, exec_bad(test, &e, sizeof(e)), expect); \
	} while (0)
	MUTATE(e.eh.e_ident[1] = 'X', -ENOEXEC);
	MUTATE(e.eh.e_ident[EI_CLASS] = ELFCLASS32, -ENOEXEC);
	MUTATE(e.eh.e_ident[EI_DATA] = ELFDATA2MSB, -ENOEXEC);
	MUTATE(e.eh.e_machine = EM_386, -ENOEXEC);
	MUTATE(e.eh.e_type = ET_REL, -ENOEXEC);
	MUTATE(e.eh.e_type = ET_CORE, -ENOEXEC);
	MUTATE(e.eh.e_phentsize = 32, -ENOEXEC);
	MUTATE(e.eh.e_phnum = 0, -ENOEXEC);
	MUTATE(e.eh.e_phnum = 0xffff, -ENOEXEC);
	MUTATE(e.eh.e_phnum = 74, -ENOEXEC);			/* > one page of phdrs */
	MUTATE(e.eh.e_phoff = sizeof(e) - sizeof(Elf64_Phdr), -ENOEXEC);	/* table runs past EOF */
	MUTATE(e.eh.e_phoff = 4096, -ENOEXEC);
	MUTATE(e.eh.e_phoff = ~0ULL - 8, -ENOEXEC);
	MUTATE(e.eh.e_entry = TASK_SIZE, -ENOEXEC);
	MUTATE(e.eh.e_entry = ~0ULL, -ENOEXEC);
}

VFS_TEST(exec_bad_segments)
{
	struct tiny_elf good, e;

	build_elf(&good, CODE_VADDR);
	MUTATE(e.ph[1].p_memsz = e.ph[1].p_filesz - 1, -ENOEXEC);	/* FileSiz > MemSiz */
	MUTATE(e.ph[1].p_vaddr = PAGE_MASK + DATA_OFF, -ENOEXEC);	/* vaddr + memsz wraps */
	MUTATE(e.ph[1].p_memsz = ~0UL, -ENOEXEC);
	MUTATE((e.ph[1].p_vaddr = TASK_SIZE + DATA_OFF), -ENOEXEC);
	MUTATE((e.ph[1].p_vaddr = TASK_SIZE - 0x1000 + DATA_OFF), -ENOEXEC);	/* ends past */
	MUTATE((e.ph[1].p_offset = 0x10000 + DATA_OFF), -ENOEXEC);		/* beyond EOF */
	MUTATE((e.ph[1].p_offset = ~0UL - 4096 + DATA_OFF + 1), -ENOEXEC);	/* offset + filesz wraps */
	MUTATE(e.ph[1].p_filesz = sizeof(e) - DATA_OFF + 1, -ENOEXEC);	/* one byte past EOF */
	MUTATE(e.ph[1].p_vaddr += 8, -ENOEXEC);				/* offset % 4096 != vaddr % 4096 */
	MUTATE((e.ph[0].p_memsz += 8, e.ph[1].p_vaddr = CODE_VADDR + DATA_OFF), -ENOEXEC); /* overlap */
	MUTATE((e.ph[1].p_vaddr = CODE_VADDR - 0x100000 + DATA_OFF), -ENOEXEC);	/* out of order */
	MUTATE(e.ph[1].p_type = PT_INTERP, -ENOEXEC);
	MUTATE((e.ph[0].p_type = PT_NOTE, e.ph[1].p_type = PT_NOTE), -ENOEXEC);	/* no PT_LOAD */
	MUTATE((e.ph[0].p_vaddr = 0, e.eh.e_entry = CODE_OFF), -EPERM);		/* page 0 */
	MUTATE((e.ph[1].p_vaddr = STACK_TOP - 0x10000 + DATA_OFF), -ENOMEM);	/* at the stack */
}

VFS_TEST(exec_bad_files)
{
	struct tiny_elf good;

	build_elf(&good, CODE_VADDR);
	KUNIT_EXPECT_EQ(test, kernel_execve(TDIR "/nonexistent", test_argv, test_envp), -ENOENT);
	KUNIT_EXPECT_EQ(test, kernel_execve(TDIR, test_argv, test_envp), -EACCES);
	KUNIT_EXPECT_EQ(test, write_prog(X_PATH, &good, sizeof(good), 0644), 0);
	KUNIT_EXPECT_EQ(test, kernel_execve(X_PATH, test_argv, test_envp), -EACCES);
	KUNIT_EXPECT_EQ(test, kernel_execve(X_PATH "/", test_argv, test_envp), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, kernel_execve("/dev/console", test_argv, test_envp), -EACCES);
	init_unlink(X_PATH);
}

/* Argument lists: too long (one string, or all together) or at bad addresses. */
VFS_TEST(exec_bad_args)
{
	const char **many = kcalloc(40, sizeof(char *), GFP_KERNEL);
	char *big = kmalloc(MAX_ARG_STRLEN + 1, GFP_KERNEL);
	struct tiny_elf good;

	KUNIT_ASSERT_TRUE(test, many && big);
	build_elf(&good, CODE_VADDR);
	KUNIT_EXPECT_EQ(test, write_prog(X_PATH, &good, sizeof(good), 0755), 0);
	memset(big, 'a', MAX_ARG_STRLEN);
	big[MAX_ARG_STRLEN] = 0;
	many[0] = "prog";
	many[1] = big;			/* MAX_ARG_STRLEN + 1 bytes with its NUL */
	KUNIT_EXPECT_EQ(test, kernel_execve(X_PATH, many, test_envp), -E2BIG);
	big[MAX_ARG_STRLEN - 1] = 0;	/* now exactly MAX_ARG_STRLEN: fine alone... */
	for (int i = 1; i < 39; i++)
		many[i] = big;		/* ...but 38 of them are far over a quarter of 8 MiB */
	KUNIT_EXPECT_EQ(test, kernel_execve(X_PATH, many, test_envp), -E2BIG);
	/* execve(2)'s path: user pointers, here kernel or unmapped addresses */
	KUNIT_EXPECT_EQ(test, do_execve(getname_kernel(X_PATH),
					(const char __user *const __user *)many, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, do_execve(getname_kernel(X_PATH),
					(const char __user *const __user *)0x10000, NULL), -EFAULT);
	KUNIT_EXPECT_EQ(test, do_execveat(AT_FDCWD, getname_kernel(X_PATH), NULL, NULL, 0x8000),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, do_execve(getname_kernel(""), NULL, NULL), -ENOENT);
	init_unlink(X_PATH);
	kfree(big);
	kfree(many);
}

/* ---- a good program, exec'd by a child ---------------------------------------------- */

struct exec_child {
	struct kunit *test;
	unsigned long base;		/* CODE_VADDR, or 0 for the static-pie */
	int ret, ret2, ret_bad;
	int ret_fd, ret_dirfd, ret_noempty, ret_nofollow;
	/* what the child saw after its exec */
	int cloexec_closed, plain_open;
};

static unsigned long auxv_get(const unsigned long *auxv, int n, unsigned long type, bool *found)
{
	for (int i = 0; i + 1 < n && auxv[i] != AT_NULL; i += 2)
		if (auxv[i] == type) {
			*found = true;
			return auxv[i + 1];
		}
	*found = false;
	return 0;
}

static bool user_str_is(unsigned long uaddr, const char *s)
{
	char buf[64];
	long n = strncpy_from_user(buf, (const char __user *)uaddr, sizeof(buf));

	return n >= 0 && n < (long)sizeof(buf) && !strcmp(buf, s);
}

/* The stack exec laid out, read back through current's (the new) mm. */
static void check_stack_fn(struct kunit *test, const char *const *argv, const char *const *envp,
			   unsigned long entry, unsigned long phdr, const char *execfn)
{
	struct mm_struct *mm = current->mm;
	unsigned long sp = mm->start_stack, w[160];
	unsigned long random, top = 0;
	struct vm_area_struct *vma = find_vma(mm, sp);
	int argc = 0, envc = 0, i, n;
	bool found;

	while (argv[argc])
		argc++;
	while (envp[envc])
		envc++;
	KUNIT_EXPECT_EQ(test, sp & 15, 0);
	KUNIT_ASSERT_TRUE(test, vma && vma->vm_start <= sp);
	memset(w, 0, sizeof(w));
	KUNIT_ASSERT_TRUE(test, !copy_from_user(w, (const void __user *)sp,
						min_t(unsigned long, sizeof(w), vma->vm_end - sp)));
	KUNIT_EXPECT_EQ(test, w[0], argc);
	for (i = 0; i < argc; i++)
		KUNIT_EXPECT_TRUE(test, user_str_is(w[1 + i], argv[i]));
	KUNIT_EXPECT_EQ(test, w[1 + argc], 0);
	KUNIT_EXPECT_EQ(test, w[1], mm->arg_start);
	for (i = 0; i < envc; i++)
		KUNIT_EXPECT_TRUE(test, user_str_is(w[2 + argc + i], envp[i]));
	KUNIT_EXPECT_EQ(test, w[2 + argc + envc], 0);
	if (envc)
		KUNIT_EXPECT_EQ(test, w[2 + argc], mm->env_start);
	KUNIT_EXPECT_EQ(test, mm->env_start, mm->arg_end);
	n = ARRAY_SIZE(w) - (3 + argc + envc);
	{
		const unsigned long *auxv = &w[3 + argc + envc];

		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_PAGESZ, &found), 4096);
		KUNIT_EXPECT_TRUE(test, found);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_PHDR, &found), phdr);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_PHENT, &found), sizeof(Elf64_Phdr));
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_PHNUM, &found), 3);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_ENTRY, &found), entry);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_BASE, &found), 0);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_CLKTCK, &found), 100);
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_HWCAP, &found),
				boot_cpu_data.x86_capability_1_edx);
		KUNIT_EXPECT_TRUE(test, found);
		for (unsigned long t = AT_UID; t <= AT_EGID; t++) {
			KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, t, &found), 0);
			KUNIT_EXPECT_TRUE(test, found);
		}
		KUNIT_EXPECT_EQ(test, auxv_get(auxv, n, AT_SECURE, &found), 0);
		KUNIT_EXPECT_TRUE(test, found);
		auxv_get(auxv, n, AT_SYSINFO_EHDR, &found);
		KUNIT_EXPECT_FALSE(test, found);	/* no vDSO */
		KUNIT_EXPECT_TRUE(test, user_str_is(auxv_get(auxv, n, AT_EXECFN, &found), execfn));
		KUNIT_EXPECT_TRUE(test, user_str_is(auxv_get(auxv, n, AT_PLATFORM, &found), "x86_64"));
		random = auxv_get(auxv, n, AT_RANDOM, &found);
		KUNIT_EXPECT_TRUE(test, found);
		KUNIT_EXPECT_GT(test, random, sp);
		KUNIT_EXPECT_LT(test, random, mm->arg_start);
		/* the saved copy (/proc/PID/auxv) is the same */
		for (i = 0; i < n && i < (int)ARRAY_SIZE(mm->saved_auxv); i += 2) {
			KUNIT_EXPECT_EQ(test, auxv[i], mm->saved_auxv[i]);
			KUNIT_EXPECT_EQ(test, auxv[i + 1], mm->saved_auxv[i + 1]);
			if (auxv[i] == AT_NULL)
				break;
		}
	}
	/* the strings: argv, then envp, then the filename, ending just below the top */
	KUNIT_EXPECT_TRUE(test, user_str_is(mm->arg_start, argv[0]));
	KUNIT_EXPECT_TRUE(test, mm->arg_end == mm->env_start);
	{
		KUNIT_EXPECT_TRUE(test, vma->vm_flags & VM_GROWSDOWN);
		KUNIT_EXPECT_FALSE(test, vma->vm_flags & VM_EXEC);
		top = vma->vm_end;
		KUNIT_EXPECT_LE(test, top, STACK_TOP);
		KUNIT_EXPECT_TRUE(test, user_str_is(mm->env_end, execfn));
		KUNIT_EXPECT_EQ(test, mm->env_end + strlen(execfn) + 1 + sizeof(void *), top);
		KUNIT_EXPECT_GE(test, mm->arg_start - vma->vm_start, 128 * 1024);
	}
}

static void check_stack(struct kunit *test, const char *const *argv, const char *const *envp,
			unsigned long entry, unsigned long phdr)
{
	check_stack_fn(test, argv, envp, entry, phdr, X_PATH);
}

/* The segments: permissions, bytes, zero fill, and the mm's markers. */
static void check_segments(struct kunit *test, unsigned long code, bool pie)
{
	struct mm_struct *mm = current->mm;
	unsigned long data = code + (DATA_VADDR - CODE_VADDR) + DATA_OFF;
	unsigned long bss_end = data + 32 + BSS_EXTRA;
	struct vm_area_struct *vma;
	u8 buf[64], zero[64] = { 0 };

	vma = find_vma(mm, code);
	KUNIT_ASSERT_TRUE(test, vma && vma->vm_start == code);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC), VM_READ | VM_EXEC);
	KUNIT_EXPECT_EQ(test, vma->vm_end, code + PAGE_SIZE);
	vma = find_vma(mm, data);
	KUNIT_ASSERT_TRUE(test, vma && vma->vm_start <= data);
	KUNIT_EXPECT_EQ(test, vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC), VM_READ | VM_WRITE);
	vma = find_vma(mm, bss_end - 1);
	KUNIT_ASSERT_TRUE(test, vma && vma->vm_start <= bss_end - 1);
	KUNIT_EXPECT_TRUE(test, vma->vm_flags & VM_WRITE);
	KUNIT_EXPECT_EQ(test, vma->vm_end, PAGE_ALIGN(bss_end));
	/* nothing between the code page and the data page */
	vma = find_vma(mm, code + PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, vma && vma->vm_start == (data & PAGE_MASK));
	/* code bytes at the entry */
	KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)(code + CODE_OFF), 16));
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, tiny_code, 16));
	/* the ELF header is at the start of the code page (AT_PHDR points into it) */
	KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)code, 4));
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, ELFMAG, SELFMAG));
	/* the code page (no .bss) shows the rest of the file page, as a file mapping would */
	KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)(code + DATA_OFF), 33));
	KUNIT_EXPECT_EQ(test, buf[0], 0xa0);
	KUNIT_EXPECT_EQ(test, buf[32], 0xee);
	/* the data page shows the file's page 0 before the data, as a file mapping would */
	KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)(data & PAGE_MASK), 4));
	KUNIT_EXPECT_TRUE(test, !memcmp(buf, ELFMAG, SELFMAG));
	/* data bytes, then zeros (not the trailer: padzero) to the end of the page and through .bss */
	KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)data, 32));
	for (int i = 0; i < 32; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xa0 + i);
	for (unsigned long a = data + 32; a < bss_end; a += 64) {
		unsigned long n = min_t(unsigned long, 64, bss_end - a);

		KUNIT_EXPECT_TRUE(test, !copy_from_user(buf, (const void __user *)a, n));
		if (memcmp(buf, zero, n)) {
			KUNIT_EXPECT_TRUE(test, !"bss not zero");
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, mm->start_code, code);
	KUNIT_EXPECT_EQ(test, mm->end_code, code + DATA_OFF);
	KUNIT_EXPECT_EQ(test, mm->start_data, data);
	KUNIT_EXPECT_EQ(test, mm->end_data, data + 32);
	KUNIT_EXPECT_EQ(test, mm->start_brk, mm->brk);
	KUNIT_EXPECT_EQ(test, mm->brk & ~PAGE_MASK, 0);
	if (randomize_va_space < 2)
		KUNIT_EXPECT_EQ(test, mm->start_brk, PAGE_ALIGN(bss_end));
	else if (!pie)
		KUNIT_EXPECT_GE(test, mm->start_brk, PAGE_ALIGN(bss_end));
}

/* Write argv/envp arrays and strings into our own user memory for execve(2). */
static unsigned long put_user_strings(unsigned long at, const char *const *strs,
				      unsigned long *ptrs)
{
	int i;

	for (i = 0; strs[i]; i++) {
		size_t len = strlen(strs[i]) + 1;

		if (copy_to_user((void __user *)at, strs[i], len))
			return 0;
		ptrs[i] = at;
		at += len;
	}
	ptrs[i] = 0;
	return at;
}

static int exec_child_fn(void *arg)
{
	struct exec_child *c = arg;
	struct kunit *test = c->test;
	unsigned long entry = c->base ? c->base + CODE_OFF : 0;
	struct pt_regs *regs;
	struct file *f = NULL;
	int fd_cloexec = -1, fd_plain = -1;

	/* PID 1 has no fd table while the tests run (console_on_rootfs comes after them) */
	if (!current->files) {
		struct files_struct *files = dup_fd(&init_files);

		if (!IS_ERR(files))
			current->files = files;
	}
	if (current->files) {
		f = filp_open(X_PATH, O_RDONLY, 0);
		if (!IS_ERR(f)) {
			fd_cloexec = get_unused_fd_flags(O_CLOEXEC);
			if (fd_cloexec >= 0)
				fd_install(fd_cloexec, get_file(f));
			fd_plain = get_unused_fd_flags(0);
			if (fd_plain >= 0)
				fd_install(fd_plain, get_file(f));
			fput(f);
		}
	}
	c->ret = kernel_execve(X_PATH, test_argv, test_envp);
	if (c->ret)
		do_exit(0);
	if (current->files && fd_cloexec >= 0) {
		struct file *g = fget(fd_cloexec);

		c->cloexec_closed = !g;
		if (g)
			fput(g);
		g = fget(fd_plain);
		c->plain_open = !!g;
		if (g)
			fput(g);
	}
	if (!c->base) {
		/* the static-pie went to the mmap area, page-aligned */
		KUNIT_EXPECT_EQ(test, current->mm->start_code & ~PAGE_MASK, 0);
		KUNIT_EXPECT_GT(test, current->mm->start_code, mmap_min_addr);
		entry = current->mm->start_code + CODE_OFF;
	}
	KUNIT_EXPECT_STREQ(test, current->comm, "prog");
	check_segments(test, c->base ? c->base : current->mm->start_code, !c->base);
	check_stack(test, test_argv, test_envp, entry,
		    (c->base ? c->base : current->mm->start_code) + sizeof(Elf64_Ehdr));
	regs = task_pt_regs(current);
	KUNIT_EXPECT_EQ(test, regs->ip, entry);
	KUNIT_EXPECT_EQ(test, regs->sp, current->mm->start_stack);
	KUNIT_EXPECT_TRUE(test, user_mode(regs));

	/*
	 * execve(2) with argv and envp in our (new) user memory: put them
	 * in the data page, which the next exec replaces.
	 */
	{
		static const char *const argv2[] = { "again", "x", NULL };
		static const char *const envp2[] = { "A=1", NULL };
		unsigned long ptrs[4], eptrs[2];
		unsigned long data = current->mm->start_data, at = data + 64;
		unsigned long uargv, uenvp;
		struct mm_struct *mm = current->mm;
		u8 b;

		at = put_user_strings(at, argv2, ptrs);
		at = put_user_strings(at, envp2, eptrs);
		uargv = (at + 7) & ~7UL;
		uenvp = uargv + sizeof(ptrs);
		KUNIT_EXPECT_TRUE(test, at && !copy_to_user((void __user *)uargv, ptrs, sizeof(ptrs)));
		KUNIT_EXPECT_TRUE(test, !copy_to_user((void __user *)uenvp, eptrs, sizeof(eptrs)));
		/* a failing exec leaves the program as it was */
		c->ret_bad = do_execve(getname_kernel(TDIR "/nonexistent"),
				       (const char __user *const __user *)uargv,
				       (const char __user *const __user *)uenvp);
		KUNIT_EXPECT_TRUE(test, current->mm == mm);
		KUNIT_EXPECT_TRUE(test, !get_user(b, (u8 __user *)data) && b == 0xa0);
		c->ret2 = do_execve(getname_kernel(X_PATH),
				    (const char __user *const __user *)uargv,
				    (const char __user *const __user *)uenvp);
		if (!c->ret2) {
			KUNIT_EXPECT_TRUE(test, current->mm != mm);
			check_stack(test, argv2, envp2,
				    c->base ? entry : current->mm->start_code + CODE_OFF,
				    (c->base ? c->base : current->mm->start_code) + sizeof(Elf64_Ehdr));
		}
	}

	/*
	 * execveat(2): the program by its fd (fexecve: AT_EMPTY_PATH and ""),
	 * by a directory fd and a relative name; the name the program sees
	 * is /dev/fd/N[/name], and comm its basename, as in Linux 6.1.
	 */
	if (!c->ret2 && fd_plain >= 0) {
		static const char *const argv3[] = { "fexec", NULL };
		static const char *const envp3[] = { NULL };
		unsigned long ptrs[2], eptrs[1], at, uargv, uenvp, uempty, ulink;
		char want[48], comm[16];
		struct file *dir = filp_open(TDIR, O_RDONLY | O_DIRECTORY, 0);
		int dirfd = -1;

		if (!IS_ERR(dir)) {
			dirfd = get_unused_fd_flags(0);
			if (dirfd >= 0)
				fd_install(dirfd, dir);
			else
				fput(dir);
		}
#define PUT_ARGS()                                                                  \
	do {                                                                        \
		at = current->mm->start_data + 64;                                  \
		at = put_user_strings(at, argv3, ptrs);                             \
		at = put_user_strings(at, envp3, eptrs);                            \
		uempty = at;                                                        \
		KUNIT_EXPECT_TRUE(test, !put_user((u8)0, (u8 __user *)uempty));     \
		ulink = uempty + 1;                                                 \
		KUNIT_EXPECT_TRUE(test, !copy_to_user((void __user *)ulink, TDIR "/link", \
						      sizeof(TDIR "/link")));       \
		uargv = (ulink + sizeof(TDIR "/link") + 7) & ~7UL;                  \
		uenvp = uargv + sizeof(ptrs);                                       \
		KUNIT_EXPECT_TRUE(test, !copy_to_user((void __user *)uargv, ptrs, sizeof(ptrs))); \
		KUNIT_EXPECT_TRUE(test, !copy_to_user((void __user *)uenvp, eptrs, sizeof(eptrs))); \
	} while (0)
		PUT_ARGS();
		c->ret_noempty = do_execveat(fd_plain, getname_uflags((const char __user *)uempty, 0),
					     (const char __user *const __user *)uargv,
					     (const char __user *const __user *)uenvp, 0);
		c->ret_nofollow = do_execveat(AT_FDCWD,
					      getname_uflags((const char __user *)ulink, 0),
					      (const char __user *const __user *)uargv,
					      (const char __user *const __user *)uenvp,
					      AT_SYMLINK_NOFOLLOW);
		c->ret_fd = do_execveat(fd_plain,
					getname_uflags((const char __user *)uempty, AT_EMPTY_PATH),
					(const char __user *const __user *)uargv,
					(const char __user *const __user *)uenvp, AT_EMPTY_PATH);
		if (!c->ret_fd) {
			snprintf(want, sizeof(want), "/dev/fd/%d", fd_plain);
			snprintf(comm, sizeof(comm), "%d", fd_plain);
			KUNIT_EXPECT_STREQ(test, current->comm, comm);
			check_stack_fn(test, argv3, envp3,
				       c->base ? entry : current->mm->start_code + CODE_OFF,
				       (c->base ? c->base : current->mm->start_code) +
					       sizeof(Elf64_Ehdr), want);
		}
		if (!c->ret_fd && dirfd >= 0) {
			PUT_ARGS();
			c->ret_dirfd = do_execveat(dirfd, getname_kernel("prog"),
						   (const char __user *const __user *)uargv,
						   (const char __user *const __user *)uenvp, 0);
			if (!c->ret_dirfd) {
				snprintf(want, sizeof(want), "/dev/fd/%d/prog", dirfd);
				KUNIT_EXPECT_STREQ(test, current->comm, "prog");
				check_stack_fn(test, argv3, envp3,
					       c->base ? entry : current->mm->start_code + CODE_OFF,
					       (c->base ? c->base : current->mm->start_code) +
						       sizeof(Elf64_Ehdr), want);
			}
		}
#undef PUT_ARGS
	}
	do_exit(0);
}

static void run_exec_child(struct kunit *test, unsigned long base)
{
	struct exec_child c = { .test = test, .base = base, .ret = -1, .ret2 = -1,
				.ret_fd = -1, .ret_dirfd = -1 };
	struct tiny_elf e;
	int status = -1;
	pid_t pid;

	build_elf(&e, base);
	KUNIT_ASSERT_EQ(test, write_prog(X_PATH, &e, sizeof(e), 0755), 0);
	KUNIT_ASSERT_EQ(test, init_symlink(X_PATH, TDIR "/link"), 0);
	pid = user_mode_thread(exec_child_fn, &c, SIGCHLD);
	KUNIT_ASSERT_TRUE(test, pid > 0);
	KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	KUNIT_EXPECT_EQ(test, status, 0);
	KUNIT_EXPECT_EQ(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, c.ret_bad, -ENOENT);
	KUNIT_EXPECT_EQ(test, c.ret2, 0);
	KUNIT_EXPECT_EQ(test, c.ret_noempty, -ENOENT);
	KUNIT_EXPECT_EQ(test, c.ret_nofollow, -ELOOP);
	KUNIT_EXPECT_EQ(test, c.ret_fd, 0);
	KUNIT_EXPECT_EQ(test, c.ret_dirfd, 0);
	KUNIT_EXPECT_TRUE(test, c.cloexec_closed);
	KUNIT_EXPECT_TRUE(test, c.plain_open);
	init_unlink(TDIR "/link");
	init_unlink(X_PATH);
}

VFS_TEST(exec_static_layout)
{
	run_exec_child(test, CODE_VADDR);
}

VFS_TEST(exec_static_pie)
{
	run_exec_child(test, 0);
}

/* ---- and run: the child returns to user mode in the program ---------------------- */

static int run_child_fn(void *arg)
{
	unsigned long *stack_rlimit = arg;

	if (stack_rlimit)
		current->signal->rlim[RLIMIT_STACK].rlim_cur = *stack_rlimit;
	/* 0: ret_from_fork leaves for the program; else the exit code */
	return kernel_execve(X_PATH, test_argv, test_envp);
}

static int run_prog_rlimit(struct kunit *test, const struct tiny_elf *e,
			   unsigned long *stack_rlimit)
{
	int status = -1;
	pid_t pid;

	KUNIT_EXPECT_EQ(test, write_prog(X_PATH, e, sizeof(*e), 0755), 0);
	pid = user_mode_thread(run_child_fn, stack_rlimit, SIGCHLD);
	KUNIT_EXPECT_TRUE(test, pid > 0);
	if (pid > 0)
		KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
	init_unlink(X_PATH);
	return status;
}

static int run_prog(struct kunit *test, const struct tiny_elf *e)
{
	return run_prog_rlimit(test, e, NULL);
}

/* The program reads argc from its stack and exits with argc + 39. */
VFS_TEST(exec_run_to_exit)
{
	struct tiny_elf e;

	build_elf(&e, CODE_VADDR);
	KUNIT_EXPECT_EQ(test, run_prog(test, &e), 42 << 8);
	build_elf(&e, 0);			/* static-pie */
	KUNIT_EXPECT_EQ(test, run_prog(test, &e), 42 << 8);
}

/*
 * Code that writes exit_group(43) onto the stack and jumps there, put in
 * the file's trailer: the text page shows it (a file mapping would too),
 * so the entry may point at it.
 */
static const u8 stack_jumper[30] = {
	0x48, 0xb8, 0xbf, 0x2b, 0x00, 0x00, 0x00, 0xb8, 0xe7, 0x00,	/* movabs $..., %rax */
	0x48, 0x89, 0x44, 0x24, 0xf0,		/* mov %rax, -16(%rsp) */
	0xc7, 0x44, 0x24, 0xf8, 0x00, 0x00, 0x0f, 0x05,	/* movl $0x050f0000, -8(%rsp) */
	0x48, 0x8d, 0x44, 0x24, 0xf0,		/* lea -16(%rsp), %rax */
	0xff, 0xe0,				/* jmp *%rax */
};

/* PT_GNU_STACK with PF_X makes the stack executable; without it, it is NX. */
VFS_TEST(exec_stack_exec)
{
	struct tiny_elf e;

	build_elf(&e, CODE_VADDR);
	memcpy(e.trailer, stack_jumper, sizeof(stack_jumper));
	e.eh.e_entry = CODE_VADDR + offsetof(struct tiny_elf, trailer);
	KUNIT_EXPECT_EQ(test, run_prog(test, &e) & 0x7f, SIGSEGV);
	e.ph[2].p_flags |= PF_X;
	KUNIT_EXPECT_EQ(test, run_prog(test, &e), 43 << 8);
}

/* A small RLIMIT_STACK: setup_arg_pages() grows the stack only up to it, as Linux. */
VFS_TEST(exec_small_stack_rlimit)
{
	unsigned long lim = 16 * 1024;
	struct tiny_elf e;

	build_elf(&e, CODE_VADDR);
	KUNIT_EXPECT_EQ(test, run_prog_rlimit(test, &e, &lim), 42 << 8);
}

/*
 * An entry point in the (NX) data segment: exec succeeds, as in Linux,
 * and the program dies of SIGSEGV at its first instruction.
 */
VFS_TEST(exec_run_bad_entry)
{
	struct tiny_elf e;

	build_elf(&e, CODE_VADDR);
	e.eh.e_entry = e.ph[1].p_vaddr;
	KUNIT_EXPECT_EQ(test, run_prog(test, &e) & 0x7f, SIGSEGV);
	build_elf(&e, CODE_VADDR);
	e.eh.e_entry = 0x10000000;		/* in no segment at all */
	KUNIT_EXPECT_EQ(test, run_prog(test, &e) & 0x7f, SIGSEGV);
}

/* ---- seeded garbage ------------------------------------------------------------- */

static int load_and_exit_fn(void *arg)
{
	int *ret = arg;

	*ret = kernel_execve(X_PATH, test_argv, test_envp);
	do_exit(0);		/* loaded or not, the program never runs */
}

static const unsigned long fuzz_values[] = {
	0, 1, 0x1000, 0x10000, 0x400000, 0x7fffffffe000UL, 0x800000000000UL,
	0xfffffffffffff000UL, ~0UL, 0x8000000000000000UL, 56, 4096, 0xffff,
};

/*
 * 100 mutations of the good program, from a fixed seed: bytes of the
 * header and program headers flipped, 64-bit fields set to boundary
 * values, the file cut short. Each is exec'd by a child that exits right
 * after; whatever the loader decides, nothing may crash, hang or leak.
 */
VFS_TEST(exec_fuzz_headers)
{
	u32 seed = 0x5eed10;
	int loaded = 0, refused = 0;

	for (int iter = 0; iter < 100; iter++) {
		struct tiny_elf e;
		u8 *b = (u8 *)&e;
		size_t len = sizeof(e);
		int ret = -1, status = -1;
		pid_t pid;

		build_elf(&e, (xorshift(&seed) & 1) ? CODE_VADDR : 0);
		switch (xorshift(&seed) % 3) {
		case 0:
			for (int n = 1 + xorshift(&seed) % 4; n; n--)
				b[xorshift(&seed) % CODE_OFF] ^= 1u << (xorshift(&seed) % 8);
			break;
		case 1: {
			unsigned int off = (xorshift(&seed) % (CODE_OFF / 8)) * 8;
			unsigned long v = fuzz_values[xorshift(&seed) % ARRAY_SIZE(fuzz_values)];

			memcpy(b + off, &v, sizeof(v));
			break;
		}
		default:
			len = xorshift(&seed) % sizeof(e);
			break;
		}
		KUNIT_ASSERT_EQ(test, write_prog(X_PATH, &e, len, 0755), 0);
		pid = user_mode_thread(load_and_exit_fn, &ret, SIGCHLD);
		KUNIT_ASSERT_TRUE(test, pid > 0);
		KUNIT_EXPECT_EQ(test, kernel_wait(pid, &status), pid);
		KUNIT_EXPECT_EQ(test, status, 0);
		if (ret == 0)
			loaded++;
		else
			refused++;
		KUNIT_EXPECT_TRUE(test, ret <= 0);
	}
	init_unlink(X_PATH);
	pr_info("    # exec_fuzz_headers: %d mutations loaded, %d refused\n", loaded, refused);
	KUNIT_EXPECT_GT(test, loaded, 0);
	KUNIT_EXPECT_GT(test, refused, 0);
}

static struct kunit_case exec_cases[] = {
	KUNIT_CASE(exec_bad_headers),
	KUNIT_CASE(exec_bad_segments),
	KUNIT_CASE(exec_bad_files),
	KUNIT_CASE(exec_bad_args),
	KUNIT_CASE(exec_static_layout),
	KUNIT_CASE(exec_static_pie),
	KUNIT_CASE(exec_run_to_exit),
	KUNIT_CASE(exec_run_bad_entry),
	KUNIT_CASE(exec_stack_exec),
	KUNIT_CASE(exec_small_stack_rlimit),
	KUNIT_CASE(exec_fuzz_headers),
	{}
};

static struct kunit_suite exec_suite = {
	.name = "exec",
	.test_cases = exec_cases,
};
kunit_test_suite(exec_suite);
