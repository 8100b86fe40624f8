/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Working with file descriptors of current (Linux: include/linux/file.h;
 * the code is fs/file.c). Every call here uses current->files, which
 * must not be NULL (kernel threads have none unless they set one).
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fs.h>
#include <linux/types.h>

#ifndef FMODE_PATH
/* An O_PATH file: fget() refuses it, fget_raw() does not (none exist yet). */
#define FMODE_PATH ((fmode_t)0x4000)
#endif

/*
 * What fdget() returns: the file, and whether fdput() must fput it.
 * FDPUT_FPUT is clear when the table was not shared (files->count == 1),
 * so no other task could close the fd under us and no reference was
 * taken (Linux: __fget_light's single-threaded shortcut).
 */
#define FDPUT_FPUT 1

struct fd {
	struct file *file;
	unsigned int flags;
};

struct fd fdget(unsigned int fd);
struct fd fdget_raw(unsigned int fd);
/* fdget and, for regular files and directories, f_pos_lock (read/write/lseek/getdents). */
#define FDPUT_POS_UNLOCK 2
struct fd fdget_pos(unsigned int fd);
void fdput_pos(struct fd f);
/* RLIMIT_NOFILE's soft limit for current, at most sysctl_nr_open. */
unsigned int nofile_limit(void);

static inline void fdput(struct fd fd)
{
	if (fd.flags & FDPUT_FPUT)
		fput(fd.file);
}

struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);

int alloc_fd(unsigned int start, unsigned int end, unsigned int flags);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
/* Take the file out of the table without closing it (Linux 6.8: file_close_fd). */
struct file *file_close_fd(unsigned int fd);
int close_fd(unsigned int fd);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
bool get_close_on_exec(unsigned int fd);

/* dup, dup2, dup3 (Linux: the syscalls in fs/file.c; ksys_dup3 is static there). */
int ksys_dup(unsigned int fildes);
int ksys_dup2(unsigned int oldfd, unsigned int newfd);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);

#endif /* _LINUX_FILE_H */
