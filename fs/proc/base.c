// SPDX-License-Identifier: GPL-2.0
/*
 * The per-process directories /proc/PID and /proc/PID/task/TID (Linux:
 * fs/proc/base.c).
 *
 * /proc lists one directory per thread-group leader, by tgid
 * (proc_pid_readdir, in pid order from FIRST_PROCESS_ENTRY on); any
 * thread's id can be looked up (proc_pid_lookup), as in Linux. The files
 * of a process directory come from a table (tgid_base_stuff, and
 * tid_base_stuff for task/TID): lookup builds an inode that names the
 * task by pid and start time (so a reused pid is not the old process),
 * with the entry's show function or file operations. The dentries are
 * revalidated at every walk (pid_revalidate: is the task still there?)
 * and never cached once unused (pid_delete_dentry), so a dead process's
 * directory is gone (-ENOENT) and a file opened before it died reads
 * -ESRCH. Here too: cmdline and environ (read from the process's memory
 * with access_remote_vm), comm (writable), the exe/cwd/root magic links
 * (nd_jump_link), oom_score and oom_score_adj.
 * Left out: ptrace_may_access checks (everybody is root), /proc/PID/mem,
 * auxv, limits, mountinfo, ns/, the hidepid mount option, per-task
 * credentials (uid/gid 0 everywhere), wchan, sched, io, personality.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/cmdline.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/namei.h>
#include <linux/oom.h>
#include <linux/path.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "internal.h"

/* ---- naming the task ----------------------------------------------------------------- */

/* The task the inode was made for, referenced, or NULL once it is gone (Linux: get_proc_task). */
struct task_struct *get_proc_task(const struct inode *inode)
{
	struct proc_inode *ei = PROC_I(inode);
	struct task_struct *task;

	if (!ei->pid)
		return NULL;
	task = find_get_task_by_vpid(ei->pid);
	if (task && task->start_time != ei->start_time) {
		put_task_struct(task);
		task = NULL;
	}
	return task;
}

struct inode *proc_pid_make_inode(struct super_block *sb, struct task_struct *task, umode_t mode)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *ei;

	if (!inode)
		return NULL;
	ei = PROC_I(inode);
	inode->i_mode = mode;
	inode->i_ino = get_next_ino();
	inode->i_mtime = inode->i_atime = inode->i_ctime = current_time(inode);
	ei->pid = task->pid;
	ei->start_time = task->start_time;
	return inode;
}

int pid_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = d_inode(dentry);
	struct task_struct *task;

	if (!inode)
		return 0;
	task = get_proc_task(inode);
	if (!task)
		return 0;
	put_task_struct(task);
	return 1;
}

int pid_delete_dentry(const struct dentry *dentry)
{
	return 1;
}

const struct dentry_operations pid_dentry_operations = {
	.d_revalidate = pid_revalidate,
	.d_delete = pid_delete_dentry,
};

/* ---- the files whose text one show function makes ------------------------------------ */

static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *task = get_proc_task(inode);
	int ret;

	if (!task)
		return -ESRCH;
	ret = PROC_I(inode)->op.proc_show(m, task);
	put_task_struct(task);
	return ret;
}

static int proc_single_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, proc_single_show, inode);
}

const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.read = seq_read,
	.read_iter = seq_read_iter,
	.llseek = seq_lseek,
	.release = single_release,
};

/* ---- cmdline and environ: straight from the process's memory ------------------------ */

/* At most this much of a process's arguments or environment is shown. */
#define PROC_MEM_MAX (128 * 1024)

struct proc_mem_text {
	char *buf;
	size_t len;
};

/*
 * Copy the arguments or environment out of task's memory (Linux:
 * get_mm_cmdline/environ_read). A process that overwrote the NUL ending
 * its arguments (setproctitle) gets its text up to the first NUL, read on
 * into the environment area, as Linux gives.
 */
static int proc_mem_text_fill(struct file *file, bool environ, struct proc_mem_text *t)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	unsigned long arg_start, arg_end, env_start, env_end, start, end, len;
	struct mm_struct *mm;
	int got;

	t->len = 0;
	if (!task)
		return -ESRCH;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return 0;
	arg_start = READ_ONCE(mm->arg_start);
	arg_end = READ_ONCE(mm->arg_end);
	env_start = READ_ONCE(mm->env_start);
	env_end = READ_ONCE(mm->env_end);
	if (environ) {
		start = env_start;
		end = env_end;
	} else {
		start = arg_start;
		end = env_end > arg_end && env_start >= arg_end ? env_end : arg_end;
	}
	if (!start || start >= end) {
		mmput(mm);
		return 0;
	}
	len = min(end - start, (unsigned long)PROC_MEM_MAX);
	kfree(t->buf);
	t->buf = kmalloc(len, GFP_KERNEL);
	if (!t->buf) {
		mmput(mm);
		return -ENOMEM;
	}
	got = access_remote_vm(mm, start, t->buf, len, 0);
	mmput(mm);
	if (got <= 0)
		return 0;
	t->len = got;
	if (!environ) {
		size_t arglen = min_t(size_t, arg_end - arg_start, (size_t)got);

		if (arglen && t->buf[arglen - 1] == '\0')
			t->len = arglen;
		else
			t->len = strnlen(t->buf, got);
	}
	return 0;
}

/* The text is taken at offset 0 (or the first read) and served by offset, like a seq_file. */
static ssize_t proc_mem_text_read(struct file *file, char __user *buf, size_t count,
				  loff_t *ppos, bool environ)
{
	struct proc_mem_text *t = file->private_data;
	size_t n;
	int err;

	if (*ppos < 0)
		return -EINVAL;
	if (!t->buf || *ppos == 0) {
		err = proc_mem_text_fill(file, environ, t);
		if (err)
			return err;
	}
	if ((unsigned long long)*ppos >= t->len)
		return 0;
	n = min_t(size_t, count, t->len - *ppos);
	if (copy_to_user(buf, t->buf + *ppos, n))
		return -EFAULT;
	*ppos += n;
	return n;
}

static int proc_mem_text_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = get_proc_task(inode);

	if (!task)
		return -ESRCH;
	put_task_struct(task);
	file->private_data = kzalloc(sizeof(struct proc_mem_text), GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static int proc_mem_text_release(struct inode *inode, struct file *file)
{
	struct proc_mem_text *t = file->private_data;

	kfree(t->buf);
	kfree(t);
	return 0;
}

static ssize_t proc_pid_cmdline_read(struct file *file, char __user *buf, size_t count,
				     loff_t *pos)
{
	return proc_mem_text_read(file, buf, count, pos, false);
}

static ssize_t environ_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return proc_mem_text_read(file, buf, count, pos, true);
}

static const struct file_operations proc_pid_cmdline_ops = {
	.open = proc_mem_text_open,
	.read = proc_pid_cmdline_read,
	.llseek = generic_file_llseek,
	.release = proc_mem_text_release,
};

static const struct file_operations proc_environ_operations = {
	.open = proc_mem_text_open,
	.read = environ_read,
	.llseek = generic_file_llseek,
	.release = proc_mem_text_release,
};

/* ---- comm ------------------------------------------------------------------------------ */

static int comm_show(struct seq_file *m, struct task_struct *p)
{
	char tcomm[TASK_COMM_LEN];

	memcpy(tcomm, p->comm, sizeof(tcomm));
	tcomm[TASK_COMM_LEN - 1] = '\0';
	seq_puts(m, tcomm);
	seq_putc(m, '\n');
	return 0;
}

static int comm_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	struct task_struct *p = get_proc_task(inode);

	if (!p)
		return -ESRCH;
	comm_show(m, p);
	put_task_struct(p);
	return 0;
}

/* Only a thread of the same process may rename it (Linux: comm_write); the text is kept as is. */
static ssize_t comm_write(struct file *file, const char __user *buf, size_t count,
			  loff_t *offset)
{
	char buffer[TASK_COMM_LEN] = {};
	const size_t maxlen = sizeof(buffer) - 1;
	struct task_struct *p;

	if (copy_from_user(buffer, buf, count > maxlen ? maxlen : count))
		return -EFAULT;
	p = get_proc_task(file_inode(file));
	if (!p)
		return -ESRCH;
	if (p->tgid == current->tgid)
		__set_task_comm(p, buffer, false);
	else
		count = -EINVAL;
	put_task_struct(p);
	return count;
}

static int comm_open(struct inode *inode, struct file *filp)
{
	return single_open(filp, comm_single_show, inode);
}

static const struct file_operations proc_pid_set_comm_operations = {
	.open = comm_open,
	.read = seq_read,
	.read_iter = seq_read_iter,
	.write = comm_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* ---- oom_score, oom_score_adj ---------------------------------------------------------- */

/* Linux: proc_oom_score: badness scaled to 0..2000 of RAM + swap. */
static int proc_oom_score(struct seq_file *m, struct task_struct *task)
{
	unsigned long totalpages = totalram_pages_count;
	unsigned long points = 0;
	long badness = oom_badness(task, totalpages);

	/* LONG_MIN: never chosen (OOM_SCORE_ADJ_MIN, kernel threads); 0..2000 otherwise. */
	if (badness != (-__LONG_MAX__ - 1) && totalpages)
		points = (1000 + badness * 1000 / (long)totalpages) * 2 / 3;
	seq_printf(m, "%lu\n", points);
	return 0;
}

static ssize_t oom_score_adj_read(struct file *file, char __user *buf, size_t count,
				  loff_t *ppos)
{
	struct task_struct *task = get_proc_task(file_inode(file));
	char buffer[24];
	short adj;
	int len;

	if (!task)
		return -ESRCH;
	adj = READ_ONCE(task->signal->oom_score_adj);
	put_task_struct(task);
	len = snprintf(buffer, sizeof(buffer), "%hd\n", adj);
	if (*ppos < 0)
		return -EINVAL;
	if (*ppos >= len)
		return 0;
	if (count > (size_t)(len - *ppos))
		count = len - *ppos;
	if (copy_to_user(buf, buffer + *ppos, count))
		return -EFAULT;
	*ppos += count;
	return count;
}

/* A number in [-1000, 1000], else -EINVAL (Linux: oom_score_adj_write, kstrtoint on strstrip). */
static ssize_t oom_score_adj_write(struct file *file, const char __user *buf, size_t count,
				   loff_t *ppos)
{
	char buffer[24] = {};
	struct task_struct *task;
	char *s, *e;
	int adj, err;

	if (count > sizeof(buffer) - 1)
		count = sizeof(buffer) - 1;
	if (copy_from_user(buffer, buf, count))
		return -EFAULT;
	s = buffer;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		*--e = '\0';
	err = kstrtoint(s, 0, &adj);
	if (err)
		return err;
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return -EINVAL;
	task = get_proc_task(file_inode(file));
	if (!task)
		return -ESRCH;
	WRITE_ONCE(task->signal->oom_score_adj, adj);
	put_task_struct(task);
	return count;
}

static const struct file_operations proc_oom_score_adj_operations = {
	.read = oom_score_adj_read,
	.write = oom_score_adj_write,
	.llseek = generic_file_llseek,
};

/* ---- the magic links: exe, cwd, root --------------------------------------------------- */

static int proc_cwd_root_link(struct dentry *dentry, struct path *path, bool root)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	int result = -ENOENT;

	if (!task)
		return -ENOENT;
	task_lock(task);	/* exit_fs() clears task->fs under it */
	if (task->fs) {
		if (root)
			get_fs_root(task->fs, path);
		else
			get_fs_pwd(task->fs, path);
		result = 0;
	} else if (!(task->flags & PF_EXITING)) {
		/* No fs_struct of its own: init_fs (linux/fs_struct.h). */
		if (root)
			get_fs_root(&init_fs, path);
		else
			get_fs_pwd(&init_fs, path);
		result = 0;
	}
	task_unlock(task);
	put_task_struct(task);
	return result;
}

static int proc_cwd_link(struct dentry *dentry, struct path *path)
{
	return proc_cwd_root_link(dentry, path, false);
}

static int proc_root_link(struct dentry *dentry, struct path *path)
{
	return proc_cwd_root_link(dentry, path, true);
}

static int proc_exe_link(struct dentry *dentry, struct path *exe_path)
{
	struct task_struct *task = get_proc_task(d_inode(dentry));
	struct mm_struct *mm;
	struct file *exe_file = NULL;

	if (!task)
		return -ENOENT;
	mm = get_task_mm(task);
	put_task_struct(task);
	if (!mm)
		return -ENOENT;
	mmap_read_lock(mm);
	if (mm->exe_file)
		exe_file = get_file(mm->exe_file);
	mmap_read_unlock(mm);
	mmput(mm);
	if (!exe_file)
		return -ENOENT;
	*exe_path = exe_file->f_path;
	path_get(exe_path);
	fput(exe_file);
	return 0;
}

static const char *proc_pid_get_link(struct dentry *dentry, struct inode *inode, void **done)
{
	struct path path;
	int error;

	if (!dentry)
		return ERR_PTR(-ECHILD);
	error = PROC_I(inode)->op.proc_get_link(dentry, &path);
	if (error)
		return ERR_PTR(error);
	error = nd_jump_link(&path);
	return error ? ERR_PTR(error) : NULL;
}

/*
 * readlink's text (Linux: do_proc_readlink with d_path, and the pseudo
 * files' d_dname: "pipe:[ino]", "socket:[ino]", or the name of an
 * unlinked shmem file with " (deleted)").
 */
int proc_path_text(const struct path *path, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct inode *inode = d_inode(dentry);
	char *tmp, *p;
	int len;

	if ((dentry->d_flags & DCACHE_DISCONNECTED) && inode) {
		if (S_ISFIFO(inode->i_mode))
			return scnprintf(buf, buflen, "pipe:[%lu]", inode->i_ino);
		if (S_ISSOCK(inode->i_mode))
			return scnprintf(buf, buflen, "socket:[%lu]", inode->i_ino);
		return scnprintf(buf, buflen, "/%.*s (deleted)", (int)dentry->d_name.len,
				 (const char *)dentry->d_name.name);
	}
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	p = d_path(path, tmp, PATH_MAX);
	if (IS_ERR(p)) {
		kfree(tmp);
		return PTR_ERR(p);
	}
	len = strlen(p);
	if (len > buflen)
		len = buflen;
	memcpy(buf, p, len);
	kfree(tmp);
	return len;
}

static int proc_pid_readlink(struct dentry *dentry, char *buffer, int buflen)
{
	struct inode *inode = d_inode(dentry);
	struct path path;
	int error;

	error = PROC_I(inode)->op.proc_get_link(dentry, &path);
	if (error)
		return error;
	error = proc_path_text(&path, buffer, buflen);
	path_put(&path);
	return error;
}

const struct inode_operations proc_pid_link_inode_operations = {
	.readlink = proc_pid_readlink,
	.get_link = proc_pid_get_link,
};

/* ---- directories from a table of entries ----------------------------------------------- */

static unsigned int pid_entry_nlink(const struct pid_entry *entries, unsigned int n)
{
	unsigned int count = 2;

	for (unsigned int i = 0; i < n; i++)
		if (S_ISDIR(entries[i].mode))
			++count;
	return count;
}

struct dentry *proc_pid_instantiate_entry(struct dentry *dentry, struct task_struct *task,
					   const struct pid_entry *p)
{
	struct inode *inode = proc_pid_make_inode(dentry->d_sb, task, p->mode);
	struct proc_inode *ei;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	ei = PROC_I(inode);
	if (S_ISDIR(inode->i_mode))
		set_nlink(inode, 2);
	if (p->iop)
		inode->i_op = p->iop;
	if (p->fop)
		inode->i_fop = p->fop;
	ei->op = p->op;
	d_set_d_op(dentry, &pid_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

static struct dentry *proc_pident_lookup(struct inode *dir, struct dentry *dentry,
					 const struct pid_entry *p, const struct pid_entry *end)
{
	struct task_struct *task = get_proc_task(dir);
	struct dentry *res = ERR_PTR(-ENOENT);

	if (!task)
		return res;
	for (; p < end; p++) {
		if (p->len != dentry->d_name.len)
			continue;
		if (!memcmp(dentry->d_name.name, p->name, p->len)) {
			res = proc_pid_instantiate_entry(dentry, task, p);
			break;
		}
	}
	put_task_struct(task);
	return res;
}

bool proc_fill_cache(struct file *file, struct dir_context *ctx, const char *name,
		     unsigned int len, u64 ino, unsigned int type)
{
	return dir_emit(ctx, name, len, ino ? ino : 1, type);
}

static int proc_pident_readdir(struct file *file, struct dir_context *ctx,
			       const struct pid_entry *ents, unsigned int nents)
{
	struct task_struct *task = get_proc_task(file_inode(file));

	if (!task)
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		goto out;
	for (loff_t i = ctx->pos - 2; i < nents; i++) {
		const struct pid_entry *p = &ents[i];

		if (!proc_fill_cache(file, ctx, p->name, p->len, 0, p->mode >> 12))
			break;
		ctx->pos++;
	}
out:
	put_task_struct(task);
	return 0;
}

/* fs/proc_namespace.c */
extern const struct file_operations proc_mounts_operations;

static const struct file_operations proc_task_operations;
static const struct inode_operations proc_task_inode_operations;

/* In Linux's order (fs/proc/base.c tgid_base_stuff), the entries Linnet has. */
static const struct pid_entry tgid_base_stuff[] = {
	DIR("task", 0555, proc_task_inode_operations, proc_task_operations),
	DIR("fd", 0500, proc_fd_inode_operations, proc_fd_operations),
	REG("environ", 0400, proc_environ_operations),
	ONE("status", 0444, proc_pid_status),
	REG("comm", 0644, proc_pid_set_comm_operations),
	REG("cmdline", 0444, proc_pid_cmdline_ops),
	ONE("stat", 0444, proc_pid_stat),
	ONE("statm", 0444, proc_pid_statm),
	REG("maps", 0444, proc_pid_maps_operations),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
	REG("mounts", 0444, proc_mounts_operations),
	REG("smaps_rollup", 0444, proc_pid_smaps_rollup_operations),
	ONE("oom_score", 0444, proc_oom_score),
	REG("oom_score_adj", 0644, proc_oom_score_adj_operations),
};

static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tgid_base_stuff, ARRAY_SIZE(tgid_base_stuff));
}

static const struct file_operations proc_tgid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tgid_base_readdir,
	.llseek = generic_file_llseek,
};

static struct dentry *proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry,
					    unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, tgid_base_stuff,
				  tgid_base_stuff + ARRAY_SIZE(tgid_base_stuff));
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

/* /proc/PID/task/TID (Linux: tid_base_stuff). */
static const struct pid_entry tid_base_stuff[] = {
	DIR("fd", 0500, proc_fd_inode_operations, proc_fd_operations),
	REG("environ", 0400, proc_environ_operations),
	ONE("status", 0444, proc_pid_status),
	REG("comm", 0644, proc_pid_set_comm_operations),
	REG("cmdline", 0444, proc_pid_cmdline_ops),
	ONE("stat", 0444, proc_tid_stat),
	ONE("statm", 0444, proc_pid_statm),
	REG("maps", 0444, proc_pid_maps_operations),
	LNK("cwd", proc_cwd_link),
	LNK("root", proc_root_link),
	LNK("exe", proc_exe_link),
	REG("mounts", 0444, proc_mounts_operations),
	REG("smaps_rollup", 0444, proc_pid_smaps_rollup_operations),
	ONE("oom_score", 0444, proc_oom_score),
	REG("oom_score_adj", 0644, proc_oom_score_adj_operations),
};

static int proc_tid_base_readdir(struct file *file, struct dir_context *ctx)
{
	return proc_pident_readdir(file, ctx, tid_base_stuff, ARRAY_SIZE(tid_base_stuff));
}

static struct dentry *proc_tid_base_lookup(struct inode *dir, struct dentry *dentry,
					   unsigned int flags)
{
	return proc_pident_lookup(dir, dentry, tid_base_stuff,
				  tid_base_stuff + ARRAY_SIZE(tid_base_stuff));
}

static const struct file_operations proc_tid_base_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_tid_base_readdir,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_tid_base_inode_operations = {
	.lookup = proc_tid_base_lookup,
};

/* ---- /proc/PID itself ------------------------------------------------------------------ */

static struct dentry *proc_pid_instantiate(struct dentry *dentry, struct task_struct *task,
					   bool tid)
{
	struct inode *inode = proc_pid_make_inode(dentry->d_sb, task, S_IFDIR | 0555);

	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (tid) {
		inode->i_op = &proc_tid_base_inode_operations;
		inode->i_fop = &proc_tid_base_operations;
		set_nlink(inode, pid_entry_nlink(tid_base_stuff, ARRAY_SIZE(tid_base_stuff)));
	} else {
		inode->i_op = &proc_tgid_base_inode_operations;
		inode->i_fop = &proc_tgid_base_operations;
		set_nlink(inode, pid_entry_nlink(tgid_base_stuff, ARRAY_SIZE(tgid_base_stuff)));
	}
	d_set_d_op(dentry, &pid_dentry_operations);
	d_add(dentry, inode);
	return NULL;
}

/* A decimal number without leading zeros, else ~0U (Linux: name_to_int). */
static unsigned int name_to_int(const struct qstr *qstr)
{
	const char *name = (const char *)qstr->name;
	int len = qstr->len;
	unsigned int n = 0;

	if (len > 1 && *name == '0')
		return ~0U;
	while (len-- > 0) {
		unsigned int c = *name++ - '0';

		if (c > 9)
			return ~0U;
		if (n >= (~0U - 9) / 10)
			return ~0U;
		n = n * 10 + c;
	}
	return n;
}

struct dentry *proc_pid_lookup(struct dentry *dentry, unsigned int flags)
{
	unsigned int tgid = name_to_int(&dentry->d_name);
	struct task_struct *task;
	struct dentry *result;

	if (tgid == ~0U || !tgid)
		return ERR_PTR(-ENOENT);
	task = find_get_task_by_vpid(tgid);
	if (!task)
		return ERR_PTR(-ENOENT);
	result = proc_pid_instantiate(dentry, task, false);
	put_task_struct(task);
	return result;
}

/*
 * The lowest thread-group leader with tgid >= nr (and, for a task
 * directory, in thread group tgid), or 0 (Linux: next_tgid / next_tid,
 * over the pid idr; a scan of the task list here, as kernel/pid.c does).
 */
static int next_pid_above(int nr, int tgid)
{
	struct task_struct *p;
	int best = 0;

	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->exit_state == EXIT_DEAD || !p->signal || p->pid <= 0 || p->pid < nr)
			continue;
		if (tgid ? p->tgid != tgid : p->pid != p->tgid)
			continue;
		if (!best || p->pid < best)
			best = p->pid;
	}
	spin_unlock(&tasklist_lock);
	return best;
}

#define TGID_OFFSET FIRST_PROCESS_ENTRY

/* The processes, at ctx->pos = TGID_OFFSET + tgid (Linux: proc_pid_readdir). */
int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	int nr;

	if (ctx->pos >= PID_MAX_LIMIT + TGID_OFFSET)
		return 0;
	for (nr = next_pid_above(ctx->pos - TGID_OFFSET, 0); nr;
	     nr = next_pid_above(nr + 1, 0)) {
		char name[16];
		int len = snprintf(name, sizeof(name), "%d", nr);

		ctx->pos = nr + TGID_OFFSET;
		if (!proc_fill_cache(file, ctx, name, len, 0, DT_DIR))
			return 0;
	}
	ctx->pos = PID_MAX_LIMIT + TGID_OFFSET;
	return 0;
}

/* ---- /proc/PID/task ------------------------------------------------------------------------ */

static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct task_struct *leader = get_proc_task(dir);
	unsigned int tid = name_to_int(&dentry->d_name);
	struct task_struct *task;
	struct dentry *result = ERR_PTR(-ENOENT);

	if (!leader)
		return result;
	if (tid == ~0U || !tid)
		goto out;
	task = find_get_task_by_vpid(tid);
	if (!task)
		goto out;
	if (task->tgid == leader->tgid)
		result = proc_pid_instantiate(dentry, task, true);
	put_task_struct(task);
out:
	put_task_struct(leader);
	return result;
}

/* The threads, at ctx->pos = 2 + their tid (Linux numbers them by index). */
static int proc_task_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *leader = get_proc_task(file_inode(file));
	int tgid, nr;

	if (!leader)
		return -ENOENT;
	tgid = leader->tgid;
	put_task_struct(leader);
	if (!dir_emit_dots(file, ctx))
		return 0;
	for (nr = next_pid_above(ctx->pos - 2, tgid); nr; nr = next_pid_above(nr + 1, tgid)) {
		char name[16];
		int len = snprintf(name, sizeof(name), "%d", nr);

		ctx->pos = nr + 2;
		if (!proc_fill_cache(file, ctx, name, len, 0, DT_DIR))
			return 0;
	}
	ctx->pos = PID_MAX_LIMIT + 2;
	return 0;
}

static const struct inode_operations proc_task_inode_operations = {
	.lookup = proc_task_lookup,
};

static const struct file_operations proc_task_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_task_readdir,
	.llseek = generic_file_llseek,
};

/* ---- flushing a reaped task's dentries (Linux: proc_flush_pid) ------------------------ */

struct proc_flush {
	pid_t pid, tgid;
};

/* The child of dir called name, referenced, or NULL (an unreferenced dir is fine). */
static struct dentry *proc_flush_lookup(struct dentry *dir, pid_t nr, const char *name)
{
	char buf[16];
	struct qstr q;

	if (!dir)
		return NULL;
	if (!name) {
		snprintf(buf, sizeof(buf), "%d", nr);
		name = buf;
	}
	q = (struct qstr)QSTR_INIT(name, strlen(name));
	return d_hash_and_lookup(dir, &q);
}

/* Unhash it, free its unused children, and let the last dput free it. */
static void proc_flush_dentry(struct dentry *dentry)
{
	if (!dentry)
		return;
	d_invalidate(dentry);
	shrink_dcache_parent(dentry);
	dput(dentry);
}

static void proc_flush_sb(struct super_block *sb, void *arg)
{
	const struct proc_flush *pf = arg;
	struct dentry *leader, *task;

	proc_flush_dentry(proc_flush_lookup(sb->s_root, pf->pid, NULL));
	if (pf->pid == pf->tgid)
		return;
	leader = proc_flush_lookup(sb->s_root, pf->tgid, NULL);
	task = proc_flush_lookup(leader, 0, "task");
	proc_flush_dentry(proc_flush_lookup(task, pf->pid, NULL));
	dput(task);
	dput(leader);
}

void proc_flush_pid(pid_t pid, pid_t tgid)
{
	struct proc_flush pf = { .pid = pid, .tgid = tgid };

	iterate_supers_type(&proc_fs_type, proc_flush_sb, &pf);
}
