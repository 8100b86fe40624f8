// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs: unpack the cpio archive the boot loader loaded (the
 * first multiboot2 module) into the root tmpfs (Linux: init/initramfs.c,
 * and default_rootfs() of init/noinitramfs.c).
 *
 * The parser is Linux's state machine, fed one buffer: Start reads a
 * 110-byte header (Collect gathers a header or name the buffer ends
 * inside of, and always a symlink's name and body),
 * GotHeader checks the magic ("070701" newc, "070702" newc with a byte-sum
 * checksum of each file's data) and decides what to read next, GotName
 * creates the entry, CopyFile writes a regular file's data, GotSymlink
 * makes a symlink from its name and body, SkipIt steps over what is not
 * read, and Reset eats the zero padding after an entry or between
 * concatenated archives. Everything is created through the init_*
 * helpers (fs/init.c) and regular files through filp_open() and
 * kernel_write(), as Linux's do_name()/do_copy() do (its owner and mode
 * set by name with init_chown/init_chmod where Linux uses vfs_fchown/
 * vfs_fchmod on the open file, its mtime with init_utimes after the
 * fput where Linux uses vfs_utimes on the open path); names are relative
 * to the caller's working directory (populate_rootfs() runs in "/").
 * Hard links go through Linux's maybe_link() hash of (ino, major, minor,
 * file type) -> first name; directory mtimes are applied at the end
 * (dir_add/dir_utime), after their contents stopped changing them.
 *
 * Differences from Linux, all on bad input (Linux trusts a built-in or
 * boot-loader archive more): the 8-digit header fields must be hex
 * (Linux's simple_strtoul stops silently at a bad digit); an entry whose
 * name is empty or longer than PATH_MAX, or a symlink body longer than
 * PATH_MAX, stops the unpack with "malformed archive" (Linux skips the
 * entry silently); an entry that runs past the end of the buffer, or a
 * buffer that ends inside an archive (no TRAILER!!!), is reported as
 * "truncated archive" (Linux, streaming, notices neither for an
 * uncompressed archive), and nothing of the cut entry is created; a file
 * open when the input ends is closed (Linux leaks it). Link-hash entries
 * hold only their name (Linux's reserve PATH_MAX each), and running out
 * of memory for one is an error, not Linux's panic. Left out:
 * compressed archives (any byte but '0' or NUL where an archive should
 * start is "invalid magic at start of compressed archive", as Linux says
 * when no decompressor matches), the built-in __initramfs_start image,
 * the initrd block device (CONFIG_BLK_DEV_RAM), retain_initrd's sysfs
 * file, asynchronous unpacking (initramfs_async) and uid/gid mapping.
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/path.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

unsigned long initrd_start, initrd_end;
struct initramfs_stats initramfs_stats;

static bool csum_present;
static u32 io_csum;

/* Write all of p (kernel_write may write less), summing it for "070702". */
static ssize_t xwrite(struct file *file, const unsigned char *p, size_t count, loff_t *pos)
{
	ssize_t out = 0;

	while (count) {
		ssize_t rv = kernel_write(file, p, count, pos);

		if (rv < 0) {
			if (rv == -EINTR || rv == -EAGAIN)
				continue;
			return out ? out : rv;
		}
		if (rv == 0)
			break;
		if (csum_present) {
			for (ssize_t i = 0; i < rv; i++)
				io_csum += p[i];
		}
		p += rv;
		out += rv;
		count -= rv;
	}
	return out;
}

static char *message;

/* Only the first error is reported (Linux: error()). */
static void error(char *x)
{
	if (!message)
		message = x;
}

/* ---- the link hash: the first name of each (ino, major, minor, type) --------------- */

/* A name padded so the 110-byte header plus it ends on a 4-byte boundary. */
#define N_ALIGN(len) ((((len) + 1) & ~3) + 2)

static struct hash {
	unsigned long ino, minor, major;
	umode_t mode;
	struct hash *next;
	char name[];
} *head[32];

static inline int hash(unsigned long major, unsigned long minor, unsigned long ino)
{
	unsigned long tmp = ino + minor + (major << 3);

	tmp += tmp >> 5;
	return tmp & 31;
}

/* The earlier name of this inode, or NULL after remembering name as its first. */
static char *find_link(unsigned long major, unsigned long minor, unsigned long ino,
		       umode_t mode, char *name)
{
	struct hash **p, *q;
	size_t len;

	for (p = head + hash(major, minor, ino); *p; p = &(*p)->next) {
		if ((*p)->ino != ino || (*p)->minor != minor || (*p)->major != major)
			continue;
		if (((*p)->mode ^ mode) & S_IFMT)
			continue;
		return (*p)->name;
	}
	len = strlen(name) + 1;
	q = kmalloc(sizeof(*q) + len, GFP_KERNEL);
	if (!q) {
		error("can't allocate link hash entry");
		return NULL;
	}
	q->major = major;
	q->minor = minor;
	q->ino = ino;
	q->mode = mode;
	memcpy(q->name, name, len);
	q->next = NULL;
	*p = q;
	return NULL;
}

static void free_hash(void)
{
	for (struct hash **p = head; p < head + 32; p++) {
		while (*p) {
			struct hash *q = *p;

			*p = q->next;
			kfree(q);
		}
	}
}

/* ---- mtimes: files at once, directories once everything inside exists ----------- */

static void do_utime(char *filename, time64_t mtime)
{
	struct timespec64 t[2] = { { .tv_sec = mtime }, { .tv_sec = mtime } };

	init_utimes(filename, t);
}

static LIST_HEAD(dir_list);

struct dir_entry {
	struct list_head list;
	time64_t mtime;
	char name[];
};

static void dir_add(const char *name, time64_t mtime)
{
	size_t nlen = strlen(name) + 1;
	struct dir_entry *de = kmalloc(sizeof(*de) + nlen, GFP_KERNEL);

	if (!de) {
		error("can't allocate dir_entry buffer");
		return;
	}
	memcpy(de->name, name, nlen);
	de->mtime = mtime;
	list_add(&de->list, &dir_list);
}

/* Newest first: a directory's own mtime is set after its subdirectories'. */
static void dir_utime(void)
{
	struct dir_entry *de, *tmp;

	list_for_each_entry_safe(de, tmp, &dir_list, list) {
		list_del(&de->list);
		do_utime(de->name, de->mtime);
		kfree(de);
	}
}

/* ---- the header ------------------------------------------------------------------- */

static time64_t mtime;
static unsigned long ino, major, minor, nlink;
static umode_t mode;
static unsigned long body_len, name_len;
static uid_t uid;
static gid_t gid;
static unsigned int rdev;
static u32 hdr_csum;

/*
 * The 13 fields after the magic, 8 hex digits each: ino mode uid gid
 * nlink mtime filesize devmajor devminor rdevmajor rdevminor namesize
 * check. Returns false if a digit is not hex.
 */
static bool parse_header(const char *s)
{
	unsigned long parsed[13];

	s += 6;
	for (int i = 0; i < 13; i++) {
		unsigned long v = 0;

		for (int j = 0; j < 8; j++, s++) {
			char c = *s;
			int d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				return false;
			v = v << 4 | d;
		}
		parsed[i] = v;
	}
	ino = parsed[0];
	mode = parsed[1];
	uid = parsed[2];
	gid = parsed[3];
	nlink = parsed[4];
	mtime = parsed[5];	/* breaks in y2106, as Linux's */
	body_len = parsed[6];
	major = parsed[7];
	minor = parsed[8];
	rdev = new_encode_dev(MKDEV(parsed[9], parsed[10]));
	name_len = parsed[11];
	hdr_csum = parsed[12];
	return true;
}

/* ---- the state machine ---------------------------------------------------------- */

static enum state {
	Start,
	Collect,
	GotHeader,
	SkipIt,
	GotName,
	CopyFile,
	GotSymlink,
	Reset
} state, next_state;

static char *victim;			/* the next unread input byte */
static unsigned long byte_count;	/* input bytes left in this write_buffer() */
static loff_t this_header, next_header;	/* offsets in the whole buffer */
static loff_t input_len;		/* the whole buffer's length */
static bool in_archive;			/* a header seen, its TRAILER!!! not yet */

static inline void eat(unsigned long n)
{
	victim += n;
	this_header += n;
	byte_count -= n;
}

static char *collected;		/* the bytes a state asked for, whole */
static long remains;		/* Collect: bytes still missing */
static char *collect;		/* Collect: where they go */

/* Ask for size bytes: in place if this buffer has them, else collected into buf. */
static void read_into(char *buf, unsigned long size, enum state next)
{
	if (byte_count >= size) {
		collected = victim;
		eat(size);
		state = next;
	} else {
		collect = collected = buf;
		remains = size;
		next_state = next;
		state = Collect;
	}
}

static char *header_buf, *symlink_buf, *name_buf;

static int do_start(void)
{
	read_into(header_buf, 110, GotHeader);
	return 0;
}

static int do_collect(void)
{
	unsigned long n = remains;

	if (byte_count < n)
		n = byte_count;
	memcpy(collect, victim, n);
	eat(n);
	collect += n;
	remains -= n;
	if (remains != 0)
		return 1;
	state = next_state;
	return 0;
}

static int do_header(void)
{
	if (!memcmp(collected, "070701", 6)) {
		csum_present = false;
	} else if (!memcmp(collected, "070702", 6)) {
		csum_present = true;
	} else {
		if (!memcmp(collected, "070707", 6))
			error("incorrect cpio method used: use -H newc option");
		else
			error("no cpio magic");
		return 1;
	}
	if (!parse_header(collected)) {
		pr_err("initramfs: header at offset %lld is not hex\n", (long long)this_header - 110);
		error("malformed archive");
		return 1;
	}
	in_archive = true;
	if (name_len == 0 || name_len > PATH_MAX ||
	    (S_ISLNK(mode) && body_len > PATH_MAX)) {
		pr_err("initramfs: entry at offset %lld: name of %lu bytes, body of %lu\n",
		       (long long)this_header - 110, name_len, body_len);
		error("malformed archive");
		return 1;
	}
	/* name and body must lie in the buffer: nothing of a cut entry is created */
	if (this_header + (loff_t)N_ALIGN(name_len) + (loff_t)body_len > input_len) {
		pr_err("initramfs: entry at offset %lld needs %lu bytes, the archive has %lld\n",
		       (long long)this_header - 110, N_ALIGN(name_len) + body_len,
		       (long long)(input_len - this_header));
		error("truncated archive");
		return 1;
	}
	next_header = this_header + N_ALIGN(name_len) + body_len;
	next_header = (next_header + 3) & ~3;
	state = SkipIt;
	if (S_ISLNK(mode)) {
		collect = collected = symlink_buf;
		remains = N_ALIGN(name_len) + body_len;
		next_state = GotSymlink;
		state = Collect;
		return 0;
	}
	if (S_ISREG(mode) || !body_len)
		read_into(name_buf, N_ALIGN(name_len), GotName);
	return 0;
}

static int do_skip(void)
{
	if (this_header + (loff_t)byte_count < next_header) {
		eat(byte_count);
		return 1;
	}
	eat(next_header - this_header);
	state = next_state;
	return 0;
}

static int do_reset(void)
{
	while (byte_count && *victim == '\0')
		eat(1);
	if (byte_count && (this_header & 3))
		error("broken padding");
	return 1;
}

/* Remove what is in the way if it is of another type (Linux: clean_path). */
static void clean_path(char *path, umode_t fmode)
{
	struct kstat st;

	if (!init_stat(path, &st, AT_SYMLINK_NOFOLLOW) && ((st.mode ^ fmode) & S_IFMT)) {
		if (S_ISDIR(st.mode))
			init_rmdir(path);
		else
			init_unlink(path);
	}
}

/* 1: made a hard link to an earlier name; 0: a first name; -1: link failed. */
static int maybe_link(void)
{
	if (nlink >= 2) {
		char *old = find_link(major, minor, ino, mode, collected);

		if (old) {
			clean_path(collected, 0);
			if (init_link(old, collected) < 0)
				return -1;
			initramfs_stats.links++;
			return 1;
		}
	}
	return 0;
}

static struct file *wfile;
static loff_t wfile_pos;

static int do_name(void)
{
	state = SkipIt;
	next_state = Reset;

	/* name_len > 0 && name_len <= PATH_MAX checked in do_header */
	if (collected[name_len - 1] != '\0') {
		pr_err("initramfs name without nulterm: %.*s\n", (int)name_len, collected);
		error("malformed archive");
		return 1;
	}
	if (strcmp(collected, "TRAILER!!!") == 0) {
		free_hash();
		in_archive = false;
		return 0;
	}
	initramfs_stats.entries++;
	clean_path(collected, mode);
	if (S_ISREG(mode)) {
		int ml = maybe_link();

		if (ml >= 0) {
			int openflags = O_WRONLY | O_CREAT | O_LARGEFILE;

			if (ml != 1)
				openflags |= O_TRUNC;
			wfile = filp_open(collected, openflags, mode);
			if (IS_ERR(wfile)) {
				wfile = NULL;
				return 0;
			}
			wfile_pos = 0;
			io_csum = 0;
			initramfs_stats.files++;
			init_chown(collected, uid, gid, 0);
			init_chmod(collected, mode);
			if (body_len)
				vfs_truncate(&wfile->f_path, body_len);
			state = CopyFile;
		}
	} else if (S_ISDIR(mode)) {
		init_mkdir(collected, mode);
		init_chown(collected, uid, gid, 0);
		init_chmod(collected, mode);
		dir_add(collected, mtime);
	} else if (S_ISBLK(mode) || S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode)) {
		if (maybe_link() == 0) {
			init_mknod(collected, mode, rdev);
			init_chown(collected, uid, gid, 0);
			init_chmod(collected, mode);
			do_utime(collected, mtime);
		}
	}
	return 0;
}

/* Close the file being written; its mtime is the archive's (Linux: do_utime_path). */
static void close_wfile(void)
{
	fput(wfile);
	wfile = NULL;
	do_utime(collected, mtime);
}

static int do_copy(void)
{
	if (byte_count >= body_len) {
		if (xwrite(wfile, (unsigned char *)victim, body_len, &wfile_pos) != (ssize_t)body_len)
			error("write error");
		initramfs_stats.bytes += body_len;
		close_wfile();
		if (csum_present && io_csum != hdr_csum)
			error("bad data checksum");
		eat(body_len);
		state = SkipIt;
		return 0;
	}
	if (xwrite(wfile, (unsigned char *)victim, byte_count, &wfile_pos) != (ssize_t)byte_count)
		error("write error");
	initramfs_stats.bytes += byte_count;
	body_len -= byte_count;
	eat(byte_count);
	return 1;
}

static int do_symlink(void)
{
	if (collected[name_len - 1] != '\0') {
		pr_err("initramfs symlink without nulterm: %.*s\n", (int)name_len, collected);
		error("malformed archive");
		return 1;
	}
	collected[N_ALIGN(name_len) + body_len] = '\0';
	initramfs_stats.entries++;
	clean_path(collected, 0);
	init_symlink(collected + N_ALIGN(name_len), collected);
	init_chown(collected, uid, gid, AT_SYMLINK_NOFOLLOW);
	do_utime(collected, mtime);
	state = SkipIt;
	next_state = Reset;
	return 0;
}

static int (*actions[])(void) = {
	[Start] = do_start,
	[Collect] = do_collect,
	[GotHeader] = do_header,
	[SkipIt] = do_skip,
	[GotName] = do_name,
	[CopyFile] = do_copy,
	[GotSymlink] = do_symlink,
	[Reset] = do_reset,
};

/* Run the machine over len bytes until a state wants more input; returns bytes eaten. */
static long write_buffer(char *buf, unsigned long len)
{
	byte_count = len;
	victim = buf;

	while (!actions[state]())
		;
	return len - byte_count;
}

char *unpack_to_rootfs(char *buf, unsigned long len)
{
	long written;

	header_buf = kmalloc(110, GFP_KERNEL);
	symlink_buf = kmalloc(PATH_MAX + N_ALIGN(PATH_MAX) + 1, GFP_KERNEL);
	name_buf = kmalloc(N_ALIGN(PATH_MAX), GFP_KERNEL);
	memset(&initramfs_stats, 0, sizeof(initramfs_stats));
	message = NULL;
	if (!header_buf || !symlink_buf || !name_buf) {
		error("can't allocate buffers");
		goto out;
	}

	state = Start;
	this_header = 0;
	input_len = len;
	in_archive = false;
	wfile = NULL;
	while (!message && len) {
		if (*buf == '0' && !(this_header & 3)) {
			state = Start;
			written = write_buffer(buf, len);
			buf += written;
			len -= written;
			continue;
		}
		if (!*buf) {
			buf++;
			len--;
			this_header++;
			continue;
		}
		error("invalid magic at start of compressed archive");
	}
	/* The input ended inside an entry, or between entries before TRAILER!!!. */
	if (!message && (in_archive || (state != Reset && state != Start)))
		error("truncated archive");
	if (wfile)
		close_wfile();
	dir_utime();
out:
	free_hash();
	kfree(name_buf);
	kfree(symlink_buf);
	kfree(header_buf);
	return message;
}

/* ---- boot ------------------------------------------------------------------------- */

static bool do_retain_initrd;

static int retain_initrd_param(char *str)
{
	if (str && *str)
		return 0;
	do_retain_initrd = true;
	return 1;
}
__setup("retain_initrd", retain_initrd_param);

/*
 * Linux's default_rootfs() (init/noinitramfs.c, built when the kernel has
 * no initramfs support): the least a console and a shell need. /tmp is
 * ours (issue 9): tests and the next issues' programs write there.
 */
int default_rootfs(void)
{
	int err;

	err = init_mkdir("/dev", 0755);
	if (err < 0)
		goto out;
	err = init_mknod("/dev/console", S_IFCHR | S_IRUSR | S_IWUSR,
			 new_encode_dev(MKDEV(5, 1)));
	if (err < 0)
		goto out;
	err = init_mkdir("/root", 0700);
	if (err < 0)
		goto out;
	err = init_mkdir("/tmp", 01777);
	if (err < 0)
		goto out;
	/* mkdir applies the umask; /tmp's sticky, world-writable mode is set here */
	err = init_chmod("/tmp", 01777);
	if (err < 0)
		goto out;
	return 0;
out:
	pr_emerg("Failed to create a rootfs\n");
	return err;
}

void populate_rootfs(void)
{
	unsigned long len = initrd_end - initrd_start;
	u64 t0, ns;
	char *err;

	if (!initrd_start) {
		default_rootfs();
		return;
	}
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	t0 = local_clock();
	err = unpack_to_rootfs((char *)initrd_start, len);
	ns = local_clock() - t0;
	if (err)
		pr_emerg("Initramfs unpacking failed: %s\n", err);
	pr_info("Unpacked %lu files, %llu bytes (%lu-byte archive) in %llu ms: %llu MiB/s\n",
		initramfs_stats.entries, initramfs_stats.bytes, len,
		(unsigned long long)ns / 1000000,
		ns ? (unsigned long long)len * 1000000000ULL / ns >> 20 : 0ULL);
	if (!do_retain_initrd)
		free_initrd_mem(initrd_start, initrd_end);
	initrd_start = 0;
	initrd_end = 0;
}
