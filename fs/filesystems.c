// SPDX-License-Identifier: GPL-2.0
/*
 * The registered filesystem types (Linux: fs/filesystems.c): a list that
 * mount looks a type up in by name. Left out: modules (request_module on
 * a miss) and the sysfs(2) system call.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);

static struct file_system_type **find_filesystem(const char *name, size_t len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strlen((*p)->name) == len && !strncmp((*p)->name, name, len))
			break;
	return p;
}

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int res = 0;

	if (strchr(fs->name, '.') || fs->next)
		return -EINVAL;
	INIT_LIST_HEAD(&fs->fs_supers);
	spin_lock(&file_systems_lock);
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		res = -EBUSY;
	else
		*p = fs;
	spin_unlock(&file_systems_lock);
	return res;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			spin_unlock(&file_systems_lock);
			return 0;
		}
	}
	spin_unlock(&file_systems_lock);
	return -EINVAL;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	fs = *find_filesystem(name, strlen(name));
	spin_unlock(&file_systems_lock);
	return fs;
}

/* /proc/filesystems' format: "nodev\ttmpfs" for types without a device. */
int filesystems_show(char *buf, size_t size)
{
	int len = 0;

	spin_lock(&file_systems_lock);
	for (struct file_system_type *p = file_systems; p && (size_t)len < size; p = p->next)
		len += snprintf(buf + len, size - len, "%s\t%s\n",
				(p->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev", p->name);
	spin_unlock(&file_systems_lock);
	return (size_t)len < size ? len : (int)size;
}
