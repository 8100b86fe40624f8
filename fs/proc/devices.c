// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/devices (Linux: fs/proc/devices.c devinfo_show): the registered
 * character device majors ("%3d %s", fs/char_dev.c chrdev_show), then the
 * block devices' header with none under it (Linnet has no block layer).
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "internal.h"

static int devinfo_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t avail, len;

	seq_puts(m, "Character devices:\n");
	avail = seq_get_buf(m, &buf);
	if (!avail)
		return 0;
	len = chrdev_show(buf, avail);
	/* A full buffer may have cut it short: seq_read grows it and asks again. */
	seq_commit(m, len + 1 >= avail ? -1 : (int)len);
	seq_puts(m, "\nBlock devices:\n");
	return 0;
}

void proc_devices_init(void)
{
	proc_create_single("devices", 0, NULL, devinfo_show);
}
