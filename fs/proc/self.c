// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self, a link to the reader's own /proc/TGID (Linux:
 * fs/proc/self.c, proc_self_get_link). The body is made for each reader
 * and freed when the walk is done with it (get_link's *done). Linux makes
 * it a dentry of its own at mount time; here it is a registered entry
 * with its own inode operations.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

static const char *proc_self_get_link(struct dentry *dentry, struct inode *inode, void **done)
{
	char *name;

	if (!current->tgid)	/* the idle tasks have no /proc directory */
		return ERR_PTR(-ENOENT);
	name = kmalloc(12, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	snprintf(name, 12, "%d", current->tgid);
	*done = name;
	return name;
}

static int proc_self_readlink(struct dentry *dentry, char *buf, int buflen)
{
	char name[12];
	int len = snprintf(name, sizeof(name), "%d", current->tgid);

	if (len > buflen)
		len = buflen;
	memcpy(buf, name, len);
	return len;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
	.readlink = proc_self_readlink,
};

void proc_self_init(void)
{
	struct proc_dir_entry *de = proc_symlink("self", NULL, "");

	if (de) {
		de->proc_iops = &proc_self_inode_operations;
		de->flags |= PROC_ENTRY_PERMANENT;
	}
}
