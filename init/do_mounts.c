// SPDX-License-Identifier: GPL-2.0
/*
 * rootfs, the first filesystem (Linux: init/do_mounts.c). It is a tmpfs
 * mounted under its own type name, as Linux's is when tmpfs is built in
 * (init_rootfs picks tmpfs over ramfs); mnt_init() mounts it as / before
 * anything else and the initramfs is unpacked into it
 * (init/initramfs.c). Left out: mounting a root device over it
 * (prepare_namespace): the initramfs stays the root, as with rdinit=.
 */
#include <linux/fs.h>
#include <linux/shmem_fs.h>

static struct dentry *rootfs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return shmem_fs_type.mount(fs_type, flags, dev_name, data);
}

struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = rootfs_mount,
	.kill_sb = kill_litter_super,
};
