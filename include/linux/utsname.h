/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The system's names, as uname(2) reports them (Linux:
 * include/linux/utsname.h, include/uapi/linux/utsname.h). One set: no UTS
 * namespaces. kernel/sys.c keeps it: uname copies it, sethostname and
 * setdomainname change nodename and domainname; /proc/sys/kernel/
 * {ostype,osrelease,hostname,domainname} read (and write) it through
 * utsname() under uts_sem.
 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <linux/rwsem.h>

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* Readers down_read, writers down_write (Linux: uts_sem). */
extern struct rw_semaphore uts_sem;

/* The names (Linux: utsname(), current's namespace's; here the only one). */
struct new_utsname *utsname(void);

#endif /* _LINUX_UTSNAME_H */
