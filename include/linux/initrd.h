/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The initial RAM filesystem handed over by the boot loader (Linux:
 * include/linux/initrd.h). setup_arch() turns the first multiboot2
 * module into [initrd_start, initrd_end) (direct-map addresses, as
 * Linux's reserve_initrd() does); populate_rootfs() (init/initramfs.c)
 * unpacks it into the root tmpfs and gives its pages back to the buddy
 * with free_initrd_mem(). Linux's initrd block device (CONFIG_BLK_DEV_RAM)
 * is left out: a module that is not a cpio archive is reported, not
 * mounted.
 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

#include <linux/types.h>

/* Direct-map virtual addresses of the initrd; both 0 when there is none. */
extern unsigned long initrd_start, initrd_end;

/* kernel_init(): fill the root from the initramfs, or default_rootfs(). */
void populate_rootfs(void);

/*
 * Unpack one buffer of (possibly concatenated) "newc"/"crc" cpio archives
 * into the current directory's tree. Returns NULL, or the first error
 * message (a static string); what came before the error stays unpacked.
 * Linux keeps it static in init/initramfs.c; it is exported here for the
 * host and KUnit tests.
 */
char *unpack_to_rootfs(char *buf, unsigned long len);

/* What the last unpack_to_rootfs() created (for the log line and tests). */
struct initramfs_stats {
	unsigned long entries;		/* headers acted on, TRAILER!!! excluded */
	unsigned long files;		/* regular files written */
	unsigned long links;		/* hard links made by maybe_link() */
	unsigned long long bytes;	/* file data written */
};
extern struct initramfs_stats initramfs_stats;

/* Linux's default_rootfs() (init/noinitramfs.c): /dev, /dev/console, /root, /tmp. */
int default_rootfs(void);

/* Give the initrd's whole pages back to the buddy (Linux: free_initrd_mem). */
void free_initrd_mem(unsigned long start, unsigned long end);

/* kernel/setup.c: the first module becomes the initrd (Linux: reserve_initrd). */
void reserve_initrd(void);

#endif /* _LINUX_INITRD_H */
