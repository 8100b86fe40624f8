// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/version (Linux: fs/proc/version.c version_proc_show with
 * linux_proc_banner): "Linux version RELEASE (USER@HOST) (COMPILER)
 * VERSION", the release and version uname(2) reports (kernel/sys.c's
 * init_uts: "6.1.0-linnet", "#1 SMP Linnet").
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "internal.h"

/* The same strings as kernel/sys.c's init_uts (uname -r, uname -v). */
#define UTS_SYSNAME "Linux"
#define UTS_RELEASE "6.1.0-linnet"
#define UTS_VERSION "#1 SMP Linnet"
#define LINUX_COMPILE_BY "linnet"
#define LINUX_COMPILE_HOST "linnet"
#define LINUX_COMPILER "gcc (GCC) " __VERSION__

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s version %s (" LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST ") ("
		   LINUX_COMPILER ") %s\n", UTS_SYSNAME, UTS_RELEASE, UTS_VERSION);
	return 0;
}

void proc_version_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("version", 0, NULL, version_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
