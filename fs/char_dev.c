// SPDX-License-Identifier: GPL-2.0
/*
 * The character-device table (Linux: fs/char_dev.c).
 *
 * A driver claims a range of device numbers, [MKDEV(major, baseminor),
 * + count), with __register_chrdev() and the file operations that serve
 * them. Each claim is a struct char_device_struct in chrdevs[], hashed by
 * major % CHRDEV_MAJOR_HASH_SIZE and kept sorted by (major, baseminor) in
 * its chain, as in Linux. A claim that overlaps another of the same major
 * fails with -EBUSY; major 0 asks for a free one, searched as Linux's
 * find_dynamic_major() does: 254 down to 234 (CHRDEV_MAJOR_DYN_END), then
 * 511 down to 384 (the extended range).
 *
 * A device node's inode gets i_fop = &def_chr_fops from
 * init_special_inode() (fs/inode.c). Opening it runs chrdev_open(): find
 * the claim covering inode->i_rdev, switch file->f_op to the driver's
 * operations (replace_fops) and call the driver's ->open. No claim gives
 * -ENXIO, as Linux's kobj_lookup() miss does.
 *
 * Simplified: Linux keeps the claim (register_chrdev_region) apart from
 * the struct cdev that carries the operations (cdev_add into the kobj_map
 * cdev_map, cached in inode->i_cdev); here the claim holds the operations
 * and every open searches the table under chrdevs_lock. There are no
 * modules, so no owner references: the operations are static and a file
 * opened before __unregister_chrdev() keeps working with them.
 * chrdev_show() writes the lines of /proc/devices' "Character devices:"
 * section into a buffer (there is no procfs yet).
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define CHRDEV_MAJOR_MAX 512
/* Dynamic majors: 254..234, then 511..384 (Linux's values). */
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_EXT_START 511
#define CHRDEV_MAJOR_DYN_EXT_END 384
#define CHRDEV_MAJOR_HASH_SIZE 255

static DEFINE_MUTEX(chrdevs_lock);

static struct char_device_struct {
	struct char_device_struct *next;
	unsigned int major;
	unsigned int baseminor;
	int minorct;
	char name[64];
	const struct file_operations *fops;	/* Linux: cdev->ops */
} *chrdevs[CHRDEV_MAJOR_HASH_SIZE];

static inline int major_to_index(unsigned int major)
{
	return major % CHRDEV_MAJOR_HASH_SIZE;
}

/* Under chrdevs_lock. */
static int find_dynamic_major(void)
{
	struct char_device_struct *cd;
	int i;

	for (i = ARRAY_SIZE(chrdevs) - 1; i >= CHRDEV_MAJOR_DYN_END; i--)
		if (!chrdevs[i])
			return i;
	for (i = CHRDEV_MAJOR_DYN_EXT_START; i >= CHRDEV_MAJOR_DYN_EXT_END; i--) {
		for (cd = chrdevs[major_to_index(i)]; cd; cd = cd->next)
			if (cd->major == (unsigned int)i)
				break;
		if (!cd)
			return i;
	}
	return -EBUSY;
}

/* Linux: __register_chrdev_region(). Returns the claim or an ERR_PTR. */
static struct char_device_struct *register_chrdev_region_locked(unsigned int major,
							      unsigned int baseminor,
							      int minorct, const char *name)
{
	struct char_device_struct *cd, *curr, *prev = NULL;
	int i;

	if (major >= CHRDEV_MAJOR_MAX) {
		pr_err("CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n",
		       name, major, CHRDEV_MAJOR_MAX - 1);
		return ERR_PTR(-EINVAL);
	}
	if (minorct < 0 || baseminor > MINORMASK ||
	    (unsigned int)minorct > MINORMASK + 1 - baseminor) {
		pr_err("CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
		       name, baseminor, baseminor + minorct - 1, 0, MINORMASK);
		return ERR_PTR(-EINVAL);
	}
	if (major == 0) {
		int ret = find_dynamic_major();

		if (ret < 0) {
			pr_err("CHRDEV \"%s\" dynamic allocation region is full\n", name);
			return ERR_PTR(ret);
		}
		major = ret;
	}

	i = major_to_index(major);
	for (curr = chrdevs[i]; curr; prev = curr, curr = curr->next) {
		if (curr->major < major)
			continue;
		if (curr->major > major)
			break;
		if (curr->baseminor + curr->minorct <= baseminor)
			continue;
		if (curr->baseminor >= baseminor + minorct)
			break;
		return ERR_PTR(-EBUSY);		/* overlaps curr */
	}

	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return ERR_PTR(-ENOMEM);
	cd->major = major;
	cd->baseminor = baseminor;
	cd->minorct = minorct;
	strscpy(cd->name, name, sizeof(cd->name));
	if (!prev) {
		cd->next = curr;
		chrdevs[i] = cd;
	} else {
		cd->next = prev->next;
		prev->next = cd;
	}
	return cd;
}

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops)
{
	struct char_device_struct *cd;

	if (count > (unsigned int)MINORMASK + 1)
		return -EINVAL;
	mutex_lock(&chrdevs_lock);
	cd = register_chrdev_region_locked(major, baseminor, count, name);
	if (!IS_ERR(cd))
		cd->fops = fops;
	mutex_unlock(&chrdevs_lock);
	if (IS_ERR(cd))
		return PTR_ERR(cd);
	return major ? 0 : cd->major;	/* Linux: 0, or the major it picked */
}

/* Only an exact match of a claim is removed, as in Linux (the name is not checked). */
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name)
{
	struct char_device_struct *cd = NULL, **cp;

	mutex_lock(&chrdevs_lock);
	for (cp = &chrdevs[major_to_index(major)]; *cp; cp = &(*cp)->next) {
		if ((*cp)->major == major && (*cp)->baseminor == baseminor &&
		    (*cp)->minorct == (int)count)
			break;
	}
	if (*cp) {
		cd = *cp;
		*cp = cd->next;
	}
	mutex_unlock(&chrdevs_lock);
	kfree(cd);
}

/* The operations registered for dev, or NULL (Linux: kobj_lookup in cdev_map). */
static const struct file_operations *chrdev_lookup(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);
	const struct file_operations *fops = NULL;
	struct char_device_struct *cd;

	mutex_lock(&chrdevs_lock);
	for (cd = chrdevs[major_to_index(major)]; cd; cd = cd->next) {
		if (cd->major == major && minor >= cd->baseminor &&
		    minor - cd->baseminor < (unsigned int)cd->minorct) {
			fops = cd->fops;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return fops;
}

/*
 * def_chr_fops.open: hand the file to the driver of inode->i_rdev
 * (Linux: chrdev_open with replace_fops). The driver's ->open may switch
 * f_op again (drivers/char/mem.c's memory_open does, per minor).
 */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	filp->f_op = fops;	/* replace_fops(): no module references to move */
	if (filp->f_op->open)
		return filp->f_op->open(inode, filp);
	return 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};

int chrdev_show(char *buf, size_t size)
{
	struct char_device_struct *cd;
	int len = 0;

	if (size)
		buf[0] = '\0';
	mutex_lock(&chrdevs_lock);
	for (unsigned int major = 0; major < CHRDEV_MAJOR_MAX; major++) {
		for (cd = chrdevs[major_to_index(major)]; cd; cd = cd->next)
			if (cd->major == major)
				len += scnprintf(buf + len, size - len, "%3u %s\n", cd->major,
						 cd->name);
	}
	mutex_unlock(&chrdevs_lock);
	return len;
}
