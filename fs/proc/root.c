// SPDX-License-Identifier: GPL-2.0
/*
 * The proc filesystem type and /proc's root directory (Linux:
 * fs/proc/root.c).
 *
 * "proc" mounts (mount -t proc proc /proc) as a superblock whose root is
 * proc_root: its registered entries (meminfo, self, sys/...) and one
 * directory per process, numbered by tgid (fs/proc/base.c). Lookup tries
 * a pid first, then the entries; readdir lists the entries, then the
 * processes from FIRST_PROCESS_ENTRY on. proc_root_init() registers the
 * type and builds the tree at boot (Linux: proc_root_init and each file's
 * fs_initcall). Left out: pid namespaces (one superblock per mount all
 * showing the one), the hidepid=/subset= options, /proc/net, /proc/sys
 * beyond fs/proc/proc_sysctl.c's files.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/shm.h>

#include "internal.h"

#define PROC_ROOT_INO 1
#define PROC_SUPER_MAGIC 0x9fa0

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct dentry *res = proc_pid_lookup(dentry, flags);

	if (!IS_ERR(res) || PTR_ERR(res) != -ENOENT)
		return res;
	return proc_lookup(dir, dentry, flags);
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < FIRST_PROCESS_ENTRY) {
		int error = proc_readdir(file, ctx);

		if (error)
			return error;
		/* Stopped inside the entries (the buffer is full): come back here. */
		if (ctx->pos < FIRST_PROCESS_ENTRY) {
			loff_t n = 0;
			struct proc_dir_entry *de;

			spin_lock(&proc_subdir_lock);
			list_for_each_entry(de, &proc_root.subdir, subdir_node)
				n++;
			spin_unlock(&proc_subdir_lock);
			if (ctx->pos < n + 2)
				return 0;
		}
		ctx->pos = FIRST_PROCESS_ENTRY;
	}
	return proc_pid_readdir(file, ctx);
}

static const struct file_operations proc_root_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_root_readdir,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

struct proc_dir_entry proc_root = {
	.low_ino = PROC_ROOT_INO,
	.namelen = 5,
	.mode = S_IFDIR | 0555,
	.nlink = 2,
	.flags = PROC_ENTRY_PERMANENT,
	.proc_iops = &proc_root_inode_operations,
	.proc_dir_ops = &proc_root_operations,
	.parent = &proc_root,
	.subdir = LIST_HEAD_INIT(proc_root.subdir),
	.subdir_node = LIST_HEAD_INIT(proc_root.subdir_node),
	.name = "/proc",
};

static int proc_fill_super(struct super_block *s, void *data, int silent)
{
	struct inode *root_inode;

	s->s_blocksize = 1024;
	s->s_blocksize_bits = 10;
	s->s_magic = PROC_SUPER_MAGIC;
	s->s_op = &proc_sops;
	s->s_time_gran = 1;
	root_inode = proc_get_inode(s, &proc_root);
	if (!root_inode) {
		pr_err("proc_fill_super: get root inode failed\n");
		return -ENOMEM;
	}
	s->s_root = d_make_root(root_inode);
	if (!s->s_root) {
		pr_err("proc_fill_super: allocate dentry failed\n");
		return -ENOMEM;
	}
	return 0;
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, proc_fill_super);
}

struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
	.fs_flags = FS_USERNS_MOUNT,
};

/* The kernel's own mount, for KUnit tests and kernel readers (Linux: ns->proc_mnt). */
struct vfsmount *proc_mnt;

void proc_root_init(void)
{
	int err;

	proc_self_init();
	proc_thread_self_init();
	proc_symlink("mounts", NULL, "self/mounts");
	proc_meminfo_init();
	proc_stat_init();
	proc_uptime_init();
	proc_loadavg_init();
	proc_version_init();
	proc_cmdline_init();
	proc_interrupts_init();
	proc_cpuinfo_init();
	proc_vmstat_init();
	proc_filesystems_init();
	proc_slabinfo_init();
	sysvipc_proc_init();	/* /proc/sysvipc/shm, ipc/shm.c */
	proc_devices_init();
	proc_mkdir("fs", NULL);
	proc_mkdir("driver", NULL);
	proc_sys_init();
	err = register_filesystem(&proc_fs_type);
	if (err)
		panic("proc: cannot register: %d", err);
	proc_mnt = kern_mount(&proc_fs_type);
	if (IS_ERR(proc_mnt))
		panic("proc: kern_mount: %ld", PTR_ERR(proc_mnt));
}
