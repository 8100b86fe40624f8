// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cmdline (Linux: fs/proc/cmdline.c cmdline_proc_show): the kernel
 * command line the boot loader passed (init/main.c boot_command_line),
 * and a newline.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "internal.h"

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, boot_command_line);
	seq_putc(m, '\n');
	return 0;
}

void proc_cmdline_init(void)
{
	struct proc_dir_entry *pde = proc_create_single("cmdline", 0, NULL, cmdline_proc_show);

	if (pde)
		pde->flags |= PROC_ENTRY_PERMANENT;
}
