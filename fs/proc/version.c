// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/version (Linux: fs/proc/version.c version_proc_show with
 * linux_proc_banner): "Linux version RELEASE (USER@HOST) (COMPILER)
 * VERSION", with the names uname(2) reports (utsname(), kernel/sys.c:
 * "Linux", "6.1.0-linnet", "#1 SMP Linnet").
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/utsname.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "internal.h"

#define LINUX_COMPILE_BY "linnet"
#define LINUX_COMPILE_HOST "linnet"
#define LINUX_COMPILER "gcc (GCC) " __VERSION__

static int version_proc_show(struct seq_file *m, void *v)
{
	struct new_utsname *uts = utsname();

	down_read(&uts_sem);
	seq_printf(m, "%s version %s (" LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST ") ("
		   LINUX_COMPILER ") %s\n", uts->sysname, uts->release, uts->version);
	up_read(&uts_sem);
	return 0;
}

void proc_version_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("version", 0, NULL, version_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
