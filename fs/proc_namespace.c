// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/mounts and /proc/PID/mounts (Linux: fs/proc_namespace.c
 * show_vfsmnt): one line per mount in mount order, "DEVICE MOUNTPOINT
 * TYPE OPTIONS 0 0", the mount point as the reader's root sees it.
 * fs/namespace.c's iterate_mounts() walks the mount list under
 * namespace_sem and show_vfsmnt() prints each line. Left out: mountinfo, mountstats,
 * polling for changes (Linux: mounts_poll), per-namespace views (there is
 * one namespace: every PID's mounts are the same).
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/seq_file.h>

/* One mount's line (Linux: show_vfsmnt as the seq_file's show); 1 stops: the buffer is full. */
static int mounts_show_one(struct vfsmount *mnt, void *arg)
{
	struct seq_file *m = arg;
	char *buf;
	size_t avail = seq_get_buf(m, &buf);
	int len;

	if (!avail)
		return 1;
	len = show_vfsmnt(buf, avail, mnt);
	/* Cut short: seq_read grows the buffer and asks again. */
	seq_commit(m, len < 0 || (size_t)len >= avail ? -1 : len);
	return seq_has_overflowed(m);
}

static int mounts_show(struct seq_file *m, void *v)
{
	iterate_mounts(mounts_show_one, m);
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
