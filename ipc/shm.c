// SPDX-License-Identifier: GPL-2.0
/*
 * System V shared memory (Linux: ipc/shm.c): shmget, shmat, shmdt, shmctl.
 *
 * A segment (struct shmid_kernel) is a kern_ipc_perm in the shm ids
 * (ipc/util.c) and a shmem file of its size named "SYSV%08x" with the key
 * (shmem_kernel_file_setup; its inode number is the shmid, as Linux sets
 * it for ps tools). newseg() makes it: size < SHMMIN or > SHMMAX is
 * -EINVAL, past SHMALL pages in all -ENOSPC, past SHMMNI segments
 * -ENOSPC; ipcget() does the key part (-ENOENT, -EEXIST), and
 * shm_more_checks() refuses an existing segment smaller than asked
 * (-EINVAL).
 *
 * shmat (do_shmat) makes a new struct file on the segment's file
 * (alloc_file_clone) whose ->mmap is shm_mmap and whose private data is a
 * shm_file_data {id, the shmem file, shmem's vm_ops}, and do_mmap()s it
 * MAP_SHARED (PROT_READ only with SHM_RDONLY; MAP_FIXED at a given
 * address, which must be page aligned unless SHM_RND rounds it down, and
 * must not overlap a mapping unless SHM_REMAP). shm_mmap calls shmem's
 * ->mmap and puts shm_vm_ops in front of its vm_ops: every VMA of the
 * segment counts in shm_nattch, +1 in shm_open (fork's dup_mmap, a VMA
 * split) and -1 in shm_close (munmap, shmdt, exit and exec tearing the mm
 * down); faults go on to shmem's. shmdt(addr) unmaps the VMAs of the
 * segment attached at addr (-EINVAL if none).
 *
 * A segment lives until IPC_RMID: then, if attached, it is marked
 * SHM_DEST and its key becomes IPC_PRIVATE (it keeps its id, and shmat/
 * IPC_STAT by id still work, as in Linux), and the last shm_close
 * destroys it (shm_may_destroy). Destroying drops the shmem file, whose
 * pages go back when its last reference does (the shm_file_data of every
 * attach holds one).
 *
 * shmctl: IPC_STAT/SHM_STAT/SHM_STAT_ANY fill a struct shmid64_ds
 * (SHM_STAT takes an index and returns the id), IPC_SET changes the
 * owner and the rwx bits, IPC_INFO gives the limits (struct shminfo64)
 * and SHM_INFO the usage (struct shm_info: shm_tot, shm_rss in pages),
 * both returning the highest index in use; SHM_LOCK/SHM_UNLOCK only set
 * and clear SHM_LOCKED (there is no swap to lock against).
 *
 * Left out, against Linux: IPC namespaces, SHM_HUGETLB (-ENOMEM, as Linux
 * with no huge pages reserved), permission checks (every task is root,
 * ipcperms allows), shm_rmid_forced and exit_shm (the per-task list of
 * created segments), the sysctls (kernel.shmmax/shmall/shmmni are fixed
 * at their defaults), audit and LSM hooks, the old (non-IPC_64) layouts,
 * mlock accounting of SHM_LOCK, NUMA policy hooks.
 */
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/ipc.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/shm.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#include "util.h"

/* Linux: struct shmid_kernel. */
struct shmid_kernel {
	struct kern_ipc_perm shm_perm;
	struct file *shm_file;
	unsigned long shm_nattch;
	unsigned long shm_segsz;
	time64_t shm_atim;
	time64_t shm_dtim;
	time64_t shm_ctim;
	pid_t shm_cprid;
	pid_t shm_lprid;
};

/* The private data of an attach's file (Linux: struct shm_file_data). */
struct shm_file_data {
	int id;
	struct file *file;				/* the segment's shmem file */
	const struct vm_operations_struct *vm_ops;	/* shmem's, wrapped */
};

#define shm_file_data(file) ((struct shm_file_data *)(file)->private_data)

static struct kern_ipc_perm *shm_entries[SHMMNI];
static struct ipc_ids shm_ids = IPC_IDS_INIT(shm_ids, shm_entries);

/* Linux: the ipc namespace's shm_ctlmax, shm_ctlall (pages), shm_ctlmni, shm_tot. */
static const unsigned long shm_ctlmax = SHMMAX;
static const unsigned long shm_ctlall = SHMALL;
static const int shm_ctlmni = SHMMNI;
static unsigned long shm_tot;	/* pages of all segments, under shm_ids.rwsem */

static const struct file_operations shm_file_operations;
static const struct vm_operations_struct shm_vm_ops;

static inline struct shmid_kernel *shm_obtain_object_check(int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_check(&shm_ids, id);

	if (IS_ERR(ipcp))
		return ERR_CAST(ipcp);
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

static inline struct shmid_kernel *shm_obtain_object(int id)
{
	struct kern_ipc_perm *ipcp = ipc_obtain_object_idr(&shm_ids, id);

	if (IS_ERR(ipcp))
		return ERR_CAST(ipcp);
	return container_of(ipcp, struct shmid_kernel, shm_perm);
}

static unsigned long shm_numpages(unsigned long size)
{
	return (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

/* Under shm_ids.rwsem held for writing (Linux: shm_destroy). */
static void shm_destroy(struct shmid_kernel *shp)
{
	struct file *shm_file = shp->shm_file;

	shm_tot -= shm_numpages(shp->shm_segsz);
	ipc_rmid(&shm_ids, &shp->shm_perm);
	shp->shm_file = NULL;
	fput(shm_file);
	kfree(shp);
}

/* The last attach has gone and IPC_RMID was done (no shm_rmid_forced here). */
static bool shm_may_destroy(struct shmid_kernel *shp)
{
	return shp->shm_nattch == 0 && (shp->shm_perm.mode & SHM_DEST);
}

/* IPC_RMID (Linux: do_shm_rmid): now if unattached, else at the last detach. */
static void do_shm_rmid(struct shmid_kernel *shp)
{
	if (shp->shm_nattch) {
		shp->shm_perm.mode |= SHM_DEST;
		/* Do not find it any more */
		ipc_set_key_private(&shm_ids, &shp->shm_perm);
	} else {
		shm_destroy(shp);
	}
}

/* ---- the VMAs of an attach -------------------------------------------------------- */

/* One more VMA of the segment (Linux: __shm_open). */
static int __shm_open(struct shm_file_data *sfd)
{
	struct shmid_kernel *shp;
	int err = 0;

	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object(sfd->id);
	if (IS_ERR(shp)) {
		err = PTR_ERR(shp);
		goto out;
	}
	/* The id may have been reused by another segment. */
	if (shp->shm_file != sfd->file) {
		err = -EINVAL;
		goto out;
	}
	shp->shm_atim = ktime_get_real_seconds();
	shp->shm_lprid = current->tgid;
	shp->shm_nattch++;
out:
	up_write(&shm_ids.rwsem);
	return err;
}

/* One VMA fewer; the segment goes with the last one after IPC_RMID (Linux: __shm_close). */
static void __shm_close(struct shm_file_data *sfd)
{
	struct shmid_kernel *shp;

	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object(sfd->id);
	/* We raced in the lookup or with shm_destroy(): the id is busted. */
	if (WARN_ON(IS_ERR(shp) || shp->shm_file != sfd->file))
		goto done;
	shp->shm_lprid = current->tgid;
	shp->shm_dtim = ktime_get_real_seconds();
	shp->shm_nattch--;
	if (shm_may_destroy(shp))
		shm_destroy(shp);
done:
	up_write(&shm_ids.rwsem);
}

/* vm_ops->open: fork copied the VMA, or a split made a second one. */
static void shm_open(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);
	int err;

	if (sfd->vm_ops->open)
		sfd->vm_ops->open(vma);
	err = __shm_open(sfd);
	WARN_ON(err);
}

static void shm_close(struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(vma->vm_file);

	if (sfd->vm_ops->close)
		sfd->vm_ops->close(vma);
	__shm_close(sfd);
}

static vm_fault_t shm_fault(struct vm_fault *vmf)
{
	struct shm_file_data *sfd = shm_file_data(vmf->vma->vm_file);

	return sfd->vm_ops->fault(vmf);
}

static const struct vm_operations_struct shm_vm_ops = {
	.open = shm_open,	/* callback for a new vm-area open */
	.close = shm_close,	/* callback for when the vm-area is released */
	.fault = shm_fault,
};

/* f_op->mmap of an attach's file: shmem's ->mmap, with shm_vm_ops in front. */
static int shm_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct shm_file_data *sfd = shm_file_data(file);
	int ret;

	if (!sfd->file->f_op->mmap)
		return -ENODEV;
	ret = __shm_open(sfd);
	if (ret)
		return ret;
	ret = sfd->file->f_op->mmap(sfd->file, vma);
	if (ret) {
		__shm_close(sfd);
		return ret;
	}
	sfd->vm_ops = vma->vm_ops;
	vma->vm_ops = &shm_vm_ops;
	return 0;
}

static int shm_release(struct inode *ino, struct file *file)
{
	struct shm_file_data *sfd = shm_file_data(file);

	fput(sfd->file);
	file->private_data = NULL;
	kfree(sfd);
	return 0;
}

static int shm_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	struct shm_file_data *sfd = shm_file_data(file);

	if (!sfd->file->f_op->fsync)
		return -EINVAL;
	return sfd->file->f_op->fsync(sfd->file, start, end, datasync);
}

static long shm_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct shm_file_data *sfd = shm_file_data(file);

	if (!sfd->file->f_op->fallocate)
		return -EOPNOTSUPP;
	return sfd->file->f_op->fallocate(file, mode, offset, len);
}

static const struct file_operations shm_file_operations = {
	.mmap = shm_mmap,
	.fsync = shm_fsync,
	.release = shm_release,
	.fallocate = shm_fallocate,
};

/* ---- shmget ----------------------------------------------------------------------- */

/* A new segment, under shm_ids.rwsem held for writing (Linux: newseg). */
static int newseg(struct ipc_ids *ids, struct ipc_params *params)
{
	key_t key = params->key;
	int shmflg = params->flg;
	size_t size = params->size;
	size_t numpages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long acctflag = 0;
	struct shmid_kernel *shp;
	struct file *file;
	char name[13];
	int error;

	if (size < SHMMIN || size > shm_ctlmax)
		return -EINVAL;
	if (numpages << PAGE_SHIFT < size)
		return -ENOSPC;
	if (shm_tot + numpages < shm_tot || shm_tot + numpages > shm_ctlall)
		return -ENOSPC;
	/* No hugetlbfs: as Linux with no huge pages reserved. */
	if (shmflg & SHM_HUGETLB)
		return -ENOMEM;

	shp = kzalloc(sizeof(*shp), GFP_KERNEL);
	if (!shp)
		return -ENOMEM;
	shp->shm_perm.key = key;
	shp->shm_perm.mode = shmflg & S_IRWXUGO;

	snprintf(name, sizeof(name), "SYSV%08x", (unsigned int)key);
	/* Do not allow no accounting for OVERCOMMIT_NEVER, even if it's asked for. */
	if ((shmflg & SHM_NORESERVE) && sysctl_overcommit_memory != OVERCOMMIT_NEVER)
		acctflag = VM_NORESERVE;
	file = shmem_kernel_file_setup(name, size, acctflag);
	if (IS_ERR(file)) {
		error = PTR_ERR(file);
		kfree(shp);
		return error;
	}

	shp->shm_cprid = current->tgid;
	shp->shm_lprid = 0;
	shp->shm_atim = shp->shm_dtim = 0;
	shp->shm_ctim = ktime_get_real_seconds();
	shp->shm_segsz = size;
	shp->shm_nattch = 0;
	shp->shm_file = file;

	error = ipc_addid(ids, &shp->shm_perm, shm_ctlmni);
	if (error < 0) {
		fput(file);
		kfree(shp);
		return error;
	}
	/* shmid gets reported as "inode#" in /proc/pid/maps; proc-ps tools use this. */
	file_inode(file)->i_ino = shp->shm_perm.id;
	shm_tot += numpages;
	return shp->shm_perm.id;
}

/* An existing segment must be at least as large as asked (Linux: shm_more_checks). */
static int shm_more_checks(struct kern_ipc_perm *ipcp, struct ipc_params *params)
{
	struct shmid_kernel *shp = container_of(ipcp, struct shmid_kernel, shm_perm);

	if (shp->shm_segsz < params->size)
		return -EINVAL;
	return 0;
}

long ksys_shmget(key_t key, size_t size, int shmflg)
{
	static const struct ipc_ops shm_ops = {
		.getnew = newseg,
		.more_checks = shm_more_checks,
	};
	struct ipc_params shm_params = { .key = key, .flg = shmflg, .size = size };

	return ipcget(&shm_ids, &shm_ops, &shm_params);
}

SYSCALL_DEFINE3(shmget, key_t, key, size_t, size, int, shmflg)
{
	return ksys_shmget(key, size, shmflg);
}

/* ---- shmat / shmdt ---------------------------------------------------------------- */

static long do_shmat(int shmid, char __user *shmaddr, int shmflg, unsigned long *raddr,
		     unsigned long shmlba)
{
	unsigned long addr = (unsigned long)shmaddr;
	unsigned long flags = MAP_SHARED, prot, size, populate = 0;
	struct mm_struct *mm = current->mm;
	struct shm_file_data *sfd;
	struct shmid_kernel *shp;
	struct file *file, *base;
	int f_flags, err;

	err = -EINVAL;
	if (shmid < 0)
		goto out;
	if (addr) {
		if (addr & (shmlba - 1)) {
			if (shmflg & SHM_RND) {
				addr &= ~(shmlba - 1);	/* round down */
				/* A round-down to 0 cannot be a remap. */
				if (!addr && (shmflg & SHM_REMAP))
					goto out;
			} else if (addr & ~PAGE_MASK) {
				goto out;
			}
		}
		flags |= MAP_FIXED;
	} else if (shmflg & SHM_REMAP) {
		goto out;
	}

	if (shmflg & SHM_RDONLY) {
		prot = PROT_READ;
		f_flags = O_RDONLY;
	} else {
		prot = PROT_READ | PROT_WRITE;
		f_flags = O_RDWR;
	}
	if (shmflg & SHM_EXEC)
		prot |= PROT_EXEC;

	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object_check(shmid);
	if (IS_ERR(shp)) {
		err = PTR_ERR(shp);
		up_write(&shm_ids.rwsem);
		goto out;
	}
	if (ipcperms(&shp->shm_perm, (shmflg & SHM_RDONLY) ? S_IRUGO : S_IRUGO | S_IWUGO)) {
		err = -EACCES;
		up_write(&shm_ids.rwsem);
		goto out;
	}
	/*
	 * The file reference keeps the pointer good whatever happens to the
	 * segment meanwhile; nattch keeps the segment until the mmap is done.
	 */
	base = get_file(shp->shm_file);
	shp->shm_nattch++;
	size = i_size_read(file_inode(base));
	up_write(&shm_ids.rwsem);

	err = -ENOMEM;
	sfd = kzalloc(sizeof(*sfd), GFP_KERNEL);
	if (!sfd) {
		fput(base);
		goto out_nattch;
	}
	file = alloc_file_clone(base, f_flags, &shm_file_operations);
	if (IS_ERR(file)) {
		err = PTR_ERR(file);
		kfree(sfd);
		fput(base);
		goto out_nattch;
	}
	sfd->id = shp->shm_perm.id;
	sfd->file = base;
	sfd->vm_ops = NULL;
	file->private_data = sfd;

	mmap_write_lock(mm);
	if (addr && !(shmflg & SHM_REMAP)) {
		err = -EINVAL;
		if (addr + size < addr)
			goto invalid;
		if (find_vma_intersection(mm, addr, addr + size))
			goto invalid;
	}
	addr = do_mmap(file, addr, size, prot, flags, 0, &populate);
	*raddr = addr;
	err = 0;
	if (IS_ERR_VALUE(addr))
		err = (long)addr;
invalid:
	mmap_write_unlock(mm);
	fput(file);	/* the VMA holds its own reference */

out_nattch:
	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object(shmid);
	if (!WARN_ON(IS_ERR(shp))) {
		shp->shm_nattch--;
		if (shm_may_destroy(shp))
			shm_destroy(shp);
	}
	up_write(&shm_ids.rwsem);
out:
	return err;
}

SYSCALL_DEFINE3(shmat, int, shmid, char __user *, shmaddr, int, shmflg)
{
	unsigned long ret = 0;
	long err;

	err = do_shmat(shmid, shmaddr, shmflg, &ret, SHMLBA);
	if (err)
		return err;
	return (long)ret;
}

/* Is vma a piece of a segment attached at addr (Linux's test in ksys_shmdt)? */
static bool shm_vma_at(struct vm_area_struct *vma, unsigned long addr)
{
	return vma->vm_ops == &shm_vm_ops && vma->vm_start >= addr &&
	       (vma->vm_start - addr) / PAGE_SIZE == vma->vm_pgoff;
}

/*
 * Detach the segment attached at shmaddr (Linux: ksys_shmdt): the first
 * shm VMA at or above it whose offset matches gives the segment and its
 * size; every VMA of that segment with a matching offset within the size
 * goes (mprotect or munmap may have split the attach).
 */
static long ksys_shmdt(char __user *shmaddr)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr = (unsigned long)shmaddr;
	struct vm_area_struct *vma;
	struct file *file = NULL;
	loff_t size = 0;
	int retval = -EINVAL;

	if (addr & ~PAGE_MASK)
		return retval;

	mmap_write_lock(mm);
	for (vma = find_vma(mm, addr); vma; vma = vma->vm_next) {
		if (shm_vma_at(vma, addr)) {
			unsigned long end = vma->vm_end;

			/* With mremap() someone could place another segment's pages here. */
			file = vma->vm_file;
			size = i_size_read(file_inode(vma->vm_file));
			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
			retval = 0;
			vma = find_vma(mm, end);
			break;
		}
	}

	/* No fragment can lie past addr + the segment's size. */
	size = PAGE_ALIGN(size);
	while (vma && (loff_t)(vma->vm_end - addr) <= size) {
		unsigned long end = vma->vm_end;

		if (shm_vma_at(vma, addr) && vma->vm_file->f_mapping == file->f_mapping)
			do_munmap(mm, vma->vm_start, vma->vm_end - vma->vm_start);
		vma = find_vma(mm, end);
	}
	mmap_write_unlock(mm);
	return retval;
}

SYSCALL_DEFINE1(shmdt, char __user *, shmaddr)
{
	return ksys_shmdt(shmaddr);
}

/* ---- shmctl ----------------------------------------------------------------------- */

static int shmctl_ipc_info(struct shminfo64 *shminfo)
{
	int err;

	memset(shminfo, 0, sizeof(*shminfo));
	shminfo->shmmni = shminfo->shmseg = shm_ctlmni;
	shminfo->shmmax = shm_ctlmax;
	shminfo->shmall = shm_ctlall;
	shminfo->shmmin = SHMMIN;
	down_read(&shm_ids.rwsem);
	err = ipc_get_maxidx(&shm_ids);
	up_read(&shm_ids.rwsem);
	return err < 0 ? 0 : err;
}

/* Resident pages of every segment (Linux: shm_get_stat; nothing is ever swapped). */
static void shm_get_stat(unsigned long *rss, unsigned long *swp)
{
	int idx;

	*rss = 0;
	*swp = 0;
	for (idx = 0; idx <= shm_ids.max_idx; idx++) {
		struct kern_ipc_perm *ipcp = shm_ids.entries[idx];
		struct shmid_kernel *shp;

		if (!ipcp)
			continue;
		shp = container_of(ipcp, struct shmid_kernel, shm_perm);
		*rss += READ_ONCE(file_inode(shp->shm_file)->i_mapping->nrpages);
	}
}

static int shmctl_shm_info(struct shm_info *shm_info)
{
	int err;

	memset(shm_info, 0, sizeof(*shm_info));
	down_read(&shm_ids.rwsem);
	shm_info->used_ids = shm_ids.in_use;
	shm_get_stat(&shm_info->shm_rss, &shm_info->shm_swp);
	shm_info->shm_tot = shm_tot;
	shm_info->swap_attempts = 0;
	shm_info->swap_successes = 0;
	err = ipc_get_maxidx(&shm_ids);
	up_read(&shm_ids.rwsem);
	return err < 0 ? 0 : err;
}

static int shmctl_stat(int shmid, int cmd, struct shmid64_ds *tbuf)
{
	struct shmid_kernel *shp;
	int err;

	memset(tbuf, 0, sizeof(*tbuf));
	down_read(&shm_ids.rwsem);
	/* SHM_STAT and SHM_STAT_ANY take an index, IPC_STAT an id. */
	if (cmd == SHM_STAT || cmd == SHM_STAT_ANY)
		shp = shm_obtain_object(shmid);
	else
		shp = shm_obtain_object_check(shmid);
	if (IS_ERR(shp)) {
		err = PTR_ERR(shp);
		goto out_unlock;
	}
	err = -EACCES;
	if (cmd != SHM_STAT_ANY && ipcperms(&shp->shm_perm, S_IRUGO))
		goto out_unlock;

	kernel_to_ipc64_perm(&shp->shm_perm, &tbuf->shm_perm);
	tbuf->shm_segsz = shp->shm_segsz;
	tbuf->shm_atime = shp->shm_atim;
	tbuf->shm_dtime = shp->shm_dtim;
	tbuf->shm_ctime = shp->shm_ctim;
	tbuf->shm_cpid = shp->shm_cprid;
	tbuf->shm_lpid = shp->shm_lprid;
	tbuf->shm_nattch = shp->shm_nattch;
	/* IPC_STAT returns 0 (SUS); SHM_STAT/SHM_STAT_ANY the full id, with its sequence. */
	err = cmd == IPC_STAT ? 0 : shp->shm_perm.id;
out_unlock:
	up_read(&shm_ids.rwsem);
	return err;
}

/* IPC_RMID and IPC_SET (Linux: shmctl_down). */
static int shmctl_down(int shmid, int cmd, struct shmid64_ds *shmid64)
{
	struct shmid_kernel *shp;
	int err = 0;

	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object_check(shmid);
	if (IS_ERR(shp)) {
		err = PTR_ERR(shp);
		goto out;
	}
	/* Linux: ipcctl_obtain_check() wants the owner, the creator or CAP_SYS_ADMIN: root. */
	switch (cmd) {
	case IPC_RMID:
		do_shm_rmid(shp);
		break;
	case IPC_SET:
		err = ipc_update_perm(&shmid64->shm_perm, &shp->shm_perm);
		if (!err)
			shp->shm_ctim = ktime_get_real_seconds();
		break;
	default:
		err = -EINVAL;
	}
out:
	up_write(&shm_ids.rwsem);
	return err;
}

/* SHM_LOCK/SHM_UNLOCK: the flag only (nothing is ever swapped out). */
static int shmctl_do_lock(int shmid, int cmd)
{
	struct shmid_kernel *shp;
	int err = 0;

	down_write(&shm_ids.rwsem);
	shp = shm_obtain_object_check(shmid);
	if (IS_ERR(shp)) {
		err = PTR_ERR(shp);
		goto out;
	}
	if (cmd == SHM_LOCK)
		shp->shm_perm.mode |= SHM_LOCKED;
	else
		shp->shm_perm.mode &= ~SHM_LOCKED;
out:
	up_write(&shm_ids.rwsem);
	return err;
}

long ksys_shmctl(int shmid, int cmd, void __user *buf)
{
	struct shmid64_ds sem64;
	int err;

	if (cmd < 0 || shmid < 0)
		return -EINVAL;

	switch (cmd) {
	case IPC_INFO: {
		struct shminfo64 shminfo;

		err = shmctl_ipc_info(&shminfo);
		if (err < 0)
			return err;
		if (copy_to_user(buf, &shminfo, sizeof(shminfo)))
			err = -EFAULT;
		return err;
	}
	case SHM_INFO: {
		struct shm_info shm_info;

		err = shmctl_shm_info(&shm_info);
		if (err < 0)
			return err;
		if (copy_to_user(buf, &shm_info, sizeof(shm_info)))
			err = -EFAULT;
		return err;
	}
	case SHM_STAT:
	case SHM_STAT_ANY:
	case IPC_STAT:
		err = shmctl_stat(shmid, cmd, &sem64);
		if (err < 0)
			return err;
		if (copy_to_user(buf, &sem64, sizeof(sem64)))
			err = -EFAULT;
		return err;
	case IPC_SET:
		if (copy_from_user(&sem64, buf, sizeof(sem64)))
			return -EFAULT;
		fallthrough;
	case IPC_RMID:
		return shmctl_down(shmid, cmd, &sem64);
	case SHM_LOCK:
	case SHM_UNLOCK:
		return shmctl_do_lock(shmid, cmd);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(shmctl, int, shmid, int, cmd, void __user *, buf)
{
	return ksys_shmctl(shmid, cmd, buf);
}

int shm_nr_segments(void)
{
	int n;

	down_read(&shm_ids.rwsem);
	n = shm_ids.in_use;
	up_read(&shm_ids.rwsem);
	return n;
}
