// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts and /proc/PID/mounts (Linux: fs/proc_namespace.c
 * show_vfsmnt): one line per mount in mount order, "DEVICE MOUNTPOINT
 * TYPE OPTIONS 0 0", the mount point as the reader's root sees it.
 * fs/namespace.c's show_mounts() walks the mount list under
 * namespace_sem and prints the lines. Left out: mountinfo, mountstats,
 * polling for changes (Linux: mounts_poll), per-namespace views (there is
 * one namespace: every PID's mounts are the same).
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/seq_file.h>

static int mounts_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t avail = seq_get_buf(m, &buf);
	size_t len;

	if (!avail)
		return 0;
	len = show_mounts(buf, avail);
	/* A full buffer may have cut it short: seq_read grows it and asks again. */
	seq_commit(m, len + 1 >= avail ? -1 : (int)len);
	return 0;
}

static int mounts_open(struct inode *inode, struct file *file)
{
	return single_open(file, mounts_show, NULL);
}

const struct file_operations proc_mounts_operations = {
	.open = mounts_open,
	.read = seq_read,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};
