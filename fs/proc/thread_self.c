// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/thread-self, a link to the reader's /proc/TGID/task/TID (Linux:
 * fs/proc/thread_self.c, proc_thread_self_get_link). As /proc/self: a
 * registered entry whose body is made for each reader.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

#define THREAD_SELF_LEN 32

static const char *proc_thread_self_get_link(struct dentry *dentry, struct inode *inode,
					     void **done)
{
	char *name;

	if (!current->pid)
		return ERR_PTR(-ENOENT);
	name = kmalloc(THREAD_SELF_LEN, GFP_KERNEL);
	if (!name)
		return ERR_PTR(-ENOMEM);
	snprintf(name, THREAD_SELF_LEN, "%d/task/%d", current->tgid, current->pid);
	*done = name;
	return name;
}

static int proc_thread_self_readlink(struct dentry *dentry, char *buf, int buflen)
{
	char name[THREAD_SELF_LEN];
	int len = snprintf(name, sizeof(name), "%d/task/%d", current->tgid, current->pid);

	if (len > buflen)
		len = buflen;
	memcpy(buf, name, len);
	return len;
}

static const struct inode_operations proc_thread_self_inode_operations = {
	.get_link = proc_thread_self_get_link,
	.readlink = proc_thread_self_readlink,
};

void proc_thread_self_init(void)
{
	struct proc_dir_entry *de = proc_symlink("thread-self", NULL, "");

	if (de) {
		de->proc_iops = &proc_thread_self_inode_operations;
		de->flags |= PROC_ENTRY_PERMANENT;
	}
}
