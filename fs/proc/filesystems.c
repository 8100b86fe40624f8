// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/filesystems (Linux: fs/filesystems.c filesystems_proc_show): one
 * line per registered type, "nodev\t" before those without a device.
 * fs/filesystems.c's filesystems_show() makes the text.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "internal.h"

static int filesystems_proc_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t avail = seq_get_buf(m, &buf);
	size_t len;

	if (!avail)
		return 0;
	len = filesystems_show(buf, avail);
	/* A full buffer may have cut it short: seq_read grows it and asks again. */
	seq_commit(m, len + 1 >= avail ? -1 : (int)len);
	return 0;
}

void proc_filesystems_init(void)
{
	proc_create_single("filesystems", 0, NULL, filesystems_proc_show);
}
