// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys (Linux: fs/proc/proc_sysctl.c, the handlers of
 * kernel/sysctl.c). Each file is a ctl_table entry: the variable it
 * shows, its size, its mode and the handler that turns it into text and
 * back (proc_dointvec_minmax, proc_doulongvec_minmax, proc_dostring).
 * The files: vm/overcommit_memory, overcommit_ratio, overcommit_kbytes
 * (mm/util.c's sysctl_overcommit_*), vm/drop_caches (accepted: nothing
 * here can be dropped; Linux's 1..4), kernel/ostype, osrelease, hostname
 * (writable, the utsname nodename), domainname, pid_max (kernel/pid.c,
 * within pid_max_min..pid_max_max).
 * Writes of anything but a number (with optional sign, surrounding
 * whitespace and a newline), or of a number out of bounds, are -EINVAL,
 * as Linux's (a second number after the first is left unread, as Linux
 * leaves it); writes at a non-zero offset are ignored (Linux's default
 * sysctl_writes_strict). Reads serve the whole text at any offset (Linux
 * returns nothing from a non-zero offset of a number file). Left out: the
 * register_sysctl_table() API and its tree (the tables are static here),
 * permissions beyond the mode bits, poll.
 */
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include "internal.h"

struct ctl_table;
typedef int proc_handler(const struct ctl_table *ctl, int write, char *buffer, size_t *lenp,
			 loff_t *ppos);

struct ctl_table {
	const char *procname;
	void *data;
	int maxlen;
	umode_t mode;
	proc_handler *proc_handler;
	void *extra1;			/* the minimum, for the _minmax handlers */
	void *extra2;			/* the maximum */
	void (*changed)(const struct ctl_table *table);	/* after a write succeeded */
};

/* ---- the handlers ---------------------------------------------------------------------- */

/* Serve text by *ppos into buffer (*lenp bytes at most). */
static int sysctl_serve(const char *text, size_t len, char *buffer, size_t *lenp, loff_t *ppos)
{
	size_t n = 0;

	if ((unsigned long long)*ppos < len) {
		n = min(*lenp, len - (size_t)*ppos);
		memcpy(buffer, text + *ppos, n);
	}
	*lenp = n;
	*ppos += n;
	return 0;
}

/*
 * One number (Linux: proc_get_long: a sign, then strtoul with base 0, so
 * 0x1f and 017 too), with whitespace around it; -EINVAL otherwise.
 */
static int sysctl_parse_ll(const char *buffer, size_t *lenp, long long *val, bool allow_neg)
{
	size_t len = *lenp;
	unsigned long long v = 0;
	unsigned int base = 10;
	size_t i = 0, start;
	bool neg = false;

	while (i < len && (buffer[i] == ' ' || buffer[i] == '\t' || buffer[i] == '\n'))
		i++;
	if (i < len && buffer[i] == '-') {
		neg = true;
		i++;
	}
	if (i + 2 < len + 1 && buffer[i] == '0' && (buffer[i + 1] == 'x' || buffer[i + 1] == 'X') &&
	    i + 2 < len && ((buffer[i + 2] >= '0' && buffer[i + 2] <= '9') ||
			    ((buffer[i + 2] | 0x20) >= 'a' && (buffer[i + 2] | 0x20) <= 'f'))) {
		base = 16;
		i += 2;
	} else if (i < len && buffer[i] == '0') {
		base = 8;
	}
	for (start = i; i < len; i++) {
		char c = buffer[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			break;
		if (d >= base || v > (~0ULL - d) / base)
			return -EINVAL;
		v = v * base + d;
	}
	if (i == start)
		return -EINVAL;
	/* A separator must follow (Linux: proc_wspace_sep), or the end. */
	if (i < len && buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\n' &&
	    buffer[i] != '\0')
		return -EINVAL;
	while (i < len && (buffer[i] == ' ' || buffer[i] == '\t' || buffer[i] == '\n' ||
			   buffer[i] == '\0'))
		i++;
	if ((neg && !allow_neg) || v > (unsigned long long)LLONG_MAX)
		return -EINVAL;
	*val = neg ? -(long long)v : (long long)v;
	*lenp = i;	/* what follows is left unwritten, as Linux leaves it */
	return 0;
}

/* Linux: proc_dointvec_minmax (one int; extra1/extra2 the bounds, if given). */
static int proc_dointvec_minmax(const struct ctl_table *table, int write, char *buffer,
				size_t *lenp, loff_t *ppos)
{
	int *data = table->data;
	char text[24];
	long long v;
	int err;

	if (!write)
		return sysctl_serve(text, snprintf(text, sizeof(text), "%d\n", READ_ONCE(*data)),
				    buffer, lenp, ppos);
	if (*ppos || !*lenp)
		return 0;	/* SYSCTL_WRITES_STRICT: a write past the start is ignored */
	err = sysctl_parse_ll(buffer, lenp, &v, true);
	if (err)
		return err;
	if (v < -(long long)INT_MAX - 1 || v > INT_MAX)
		return -EINVAL;
	if (table->extra1 && v < *(int *)table->extra1)
		return -EINVAL;
	if (table->extra2 && v > *(int *)table->extra2)
		return -EINVAL;
	WRITE_ONCE(*data, (int)v);
	*ppos += *lenp;
	return 0;
}

/* Linux: proc_doulongvec_minmax (one unsigned long). */
static int proc_doulongvec_minmax(const struct ctl_table *table, int write, char *buffer,
				  size_t *lenp, loff_t *ppos)
{
	unsigned long *data = table->data;
	char text[24];
	long long v;
	int err;

	if (!write)
		return sysctl_serve(text, snprintf(text, sizeof(text), "%lu\n", READ_ONCE(*data)),
				    buffer, lenp, ppos);
	if (*ppos || !*lenp)
		return 0;
	err = sysctl_parse_ll(buffer, lenp, &v, false);
	if (err)
		return err;
	if (table->extra1 && (unsigned long)v < *(unsigned long *)table->extra1)
		return -EINVAL;
	if (table->extra2 && (unsigned long)v > *(unsigned long *)table->extra2)
		return -EINVAL;
	WRITE_ONCE(*data, (unsigned long)v);
	*ppos += *lenp;
	return 0;
}

/*
 * Linux: proc_dostring. A write replaces the string with what comes
 * before the first newline, at most maxlen - 1 bytes.
 */
static int proc_dostring(const struct ctl_table *table, int write, char *buffer, size_t *lenp,
			 loff_t *ppos)
{
	char *data = table->data;
	size_t len;

	if (!write) {
		char *text = kmalloc(table->maxlen + 1, GFP_KERNEL);
		int ret;

		if (!text)
			return -ENOMEM;
		len = strnlen(data, table->maxlen);
		memcpy(text, data, len);
		text[len++] = '\n';
		ret = sysctl_serve(text, len, buffer, lenp, ppos);
		kfree(text);
		return ret;
	}
	if (*ppos)
		return 0;
	for (len = 0; len < *lenp && buffer[len] && buffer[len] != '\n'; len++)
		;
	if (len > (size_t)table->maxlen - 1)
		len = table->maxlen - 1;
	memcpy(data, buffer, len);
	memset(data + len, 0, table->maxlen - len);
	*ppos += *lenp;
	return 0;
}

/* ---- vm ------------------------------------------------------------------------------------ */

static int zero, two = 2, one = 1, four = 4;
static int sysctl_drop_caches;

/* Nothing to drop: no clean page cache, no reclaimable slab (Linux: drop_caches_sysctl_handler). */
static int drop_caches_sysctl_handler(const struct ctl_table *table, int write, char *buffer,
				      size_t *lenp, loff_t *ppos)
{
	static int stfu;
	int ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (ret || !write)
		return ret;
	if (!stfu)
		pr_info("%s (%d): drop_caches: %d\n", current->comm, current->pid,
			sysctl_drop_caches);
	stfu |= sysctl_drop_caches & 4;
	return 0;
}

static struct ctl_table vm_table[] = {
	{
		.procname = "overcommit_memory",
		.data = &sysctl_overcommit_memory,
		.maxlen = sizeof(int),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &zero,
		.extra2 = &two,
	},
	{
		.procname = "overcommit_ratio",
		.data = &sysctl_overcommit_ratio,
		.maxlen = sizeof(int),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
	},
	{
		.procname = "overcommit_kbytes",
		.data = &sysctl_overcommit_kbytes,
		.maxlen = sizeof(unsigned long),
		.mode = 0644,
		.proc_handler = proc_doulongvec_minmax,
	},
	{
		.procname = "drop_caches",
		.data = &sysctl_drop_caches,
		.maxlen = sizeof(int),
		.mode = 0200,
		.proc_handler = drop_caches_sysctl_handler,
		.extra1 = &one,
		.extra2 = &four,
	},
	{}
};

/* ---- kernel -------------------------------------------------------------------------------- */

/* ostype, osrelease, hostname, domainname: fields of utsname() (kernel/sys.c), under uts_sem. */
static int proc_do_uts_string(const struct ctl_table *table, int write, char *buffer,
			      size_t *lenp, loff_t *ppos)
{
	struct new_utsname *uts = utsname();
	struct ctl_table t = *table;
	char tmp[__NEW_UTS_LEN + 1];
	int r;

	/* Linux: a copy under uts_sem, so a reader never sees half a name. */
	t.data = (char *)uts + (unsigned long)table->data;
	down_read(&uts_sem);
	memcpy(tmp, t.data, sizeof(tmp));
	up_read(&uts_sem);
	t.data = tmp;
	r = proc_dostring(&t, write, buffer, lenp, ppos);
	if (write && !r) {
		down_write(&uts_sem);
		memcpy((char *)uts + (unsigned long)table->data, tmp, sizeof(tmp));
		up_write(&uts_sem);
	}
	return r;
}

#define UTS_FIELD(f) ((void *)__builtin_offsetof(struct new_utsname, f))

static struct ctl_table kern_table[] = {
	{
		.procname = "ostype",
		.data = UTS_FIELD(sysname),
		.maxlen = __NEW_UTS_LEN + 1,
		.mode = 0444,
		.proc_handler = proc_do_uts_string,
	},
	{
		.procname = "osrelease",
		.data = UTS_FIELD(release),
		.maxlen = __NEW_UTS_LEN + 1,
		.mode = 0444,
		.proc_handler = proc_do_uts_string,
	},
	{
		.procname = "hostname",
		.data = UTS_FIELD(nodename),
		.maxlen = __NEW_UTS_LEN + 1,
		.mode = 0644,
		.proc_handler = proc_do_uts_string,
	},
	{
		.procname = "domainname",
		.data = UTS_FIELD(domainname),
		.maxlen = __NEW_UTS_LEN + 1,
		.mode = 0644,
		.proc_handler = proc_do_uts_string,
	},
	{
		.procname = "pid_max",
		.data = &pid_max,
		.maxlen = sizeof(int),
		.mode = 0644,
		.proc_handler = proc_dointvec_minmax,
		.extra1 = &pid_max_min,
		.extra2 = &pid_max_max,
	},
	{}
};

/* ---- the files ---------------------------------------------------------------------------- */

/* Linux: proc_sys_call_handler, with a kernel copy of the user's buffer. */
static ssize_t proc_sys_call_handler(struct file *file, char __user *ubuf, size_t count,
				     loff_t *ppos, int write)
{
	const struct ctl_table *table = pde_data(file_inode(file));
	char *kbuf;
	ssize_t error;

	if (count >= PAGE_SIZE * 32)
		count = PAGE_SIZE * 32 - 1;
	if (*ppos < 0)
		return -EINVAL;
	kbuf = kzalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (write && copy_from_user(kbuf, ubuf, count)) {
		error = -EFAULT;
		goto out;
	}
	error = table->proc_handler(table, write, kbuf, &count, ppos);
	if (error)
		goto out;
	if (!write && copy_to_user(ubuf, kbuf, count)) {
		error = -EFAULT;
		goto out;
	}
	error = count;
out:
	kfree(kbuf);
	return error;
}

static ssize_t proc_sys_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return proc_sys_call_handler(file, buf, count, ppos, 0);
}

static ssize_t proc_sys_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	return proc_sys_call_handler(file, (char __user *)buf, count, ppos, 1);
}

static int proc_sys_open(struct inode *inode, struct file *filp)
{
	const struct ctl_table *table = pde_data(inode);

	if ((filp->f_mode & FMODE_WRITE) && !(table->mode & 0222))
		return -EACCES;
	return 0;
}

static const struct proc_ops proc_sys_file_operations = {
	.proc_open = proc_sys_open,
	.proc_read = proc_sys_read,
	.proc_write = proc_sys_write,
	.proc_lseek = generic_file_llseek,
};

static void register_table(const char *dir, struct ctl_table *table)
{
	struct proc_dir_entry *parent = proc_mkdir(dir, NULL);

	if (!parent)
		return;
	for (; table->procname; table++) {
		proc_create_data(table->procname, S_IFREG | table->mode, parent,
				 &proc_sys_file_operations, table);
	}
}

void proc_sys_init(void)
{
	proc_mkdir("sys", NULL);
	register_table("sys/vm", vm_table);
	register_table("sys/kernel", kern_table);
}
