/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system calls early boot needs, for kernel callers (Linux:
 * include/linux/init_syscalls.h, fs/init.c): init/initramfs.c fills the
 * root with them, and the in-kernel tests use them as a program would use
 * mkdir(2) or link(2). Paths are kernel strings, relative to current's
 * working directory unless absolute; errors are Linux's -errno values.
 */
#ifndef _LINUX_INIT_SYSCALLS_H
#define _LINUX_INIT_SYSCALLS_H

#include <linux/time64.h>
#include <linux/types.h>

struct kstat;

int init_mount(const char *dev_name, const char *dir_name, const char *type_page,
	       unsigned long flags, void *data_page);
int init_umount(const char *name, int flags);
int init_chdir(const char *filename);
int init_chroot(const char *filename);
int init_chown(const char *filename, uid_t user, gid_t group, int flags);
int init_chmod(const char *filename, umode_t mode);
int init_eaccess(const char *filename);
int init_stat(const char *filename, struct kstat *stat, int flags);
int init_mknod(const char *filename, umode_t mode, unsigned int dev);
int init_link(const char *oldname, const char *newname);
int init_symlink(const char *oldname, const char *newname);
int init_unlink(const char *pathname);
int init_mkdir(const char *pathname, umode_t mode);
int init_rmdir(const char *pathname);
int init_utimes(char *filename, struct timespec64 *ts);
int init_rename(const char *oldname, const char *newname, unsigned int flags);
int init_truncate(const char *pathname, loff_t length);
int init_readlink(const char *pathname, char *buf, int bufsiz);

#endif /* _LINUX_INIT_SYSCALLS_H */
