// SPDX-License-Identifier: GPL-2.0
/*
 * tools - a few small commands for lsh until busybox comes (docs/user.md):
 * one static musl program, installed as /bin/tools with symlinks
 * (/bin/cat -> tools, ...); it acts by the name it was run as (argv[0]),
 * as busybox does.
 *
 *   echo [-n] ARG...    cat [FILE...]       ls [-l] [DIR|FILE...]
 *   mkdir DIR...        rm [-r] PATH...     uname [-a]
 *   sleep SECONDS       env                 true, false
 *   kill [-SIG] PID...  ps-less: no /proc yet
 *
 * Left out: every option not listed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static const char *prog;

static int fail(const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
	return 1;
}

static int do_echo(int argc, char **argv)
{
	int nl = 1, i = 1;

	if (i < argc && !strcmp(argv[i], "-n")) {
		nl = 0;
		i++;
	}
	for (; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	if (nl)
		putchar('\n');
	return 0;
}

static int cat_fd(int fd)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(1, buf, n) != n)
			return 1;
	return n < 0;
}

static int do_cat(int argc, char **argv)
{
	int rc = 0;

	if (argc < 2)
		return cat_fd(0);
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			rc |= fail(argv[i]);
			continue;
		}
		rc |= cat_fd(fd);
		close(fd);
	}
	return rc;
}

static void ls_one(const char *dir, const char *name, int lng)
{
	char path[4096];
	struct stat st;

	if (!lng) {
		printf("%s\n", name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(dir ? path : name, &st)) {
		printf("?????????? %s\n", name);
		return;
	}
	char m[11] = "----------";
	m[0] = S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : S_ISCHR(st.st_mode) ? 'c' :
	       S_ISBLK(st.st_mode) ? 'b' : S_ISFIFO(st.st_mode) ? 'p' : '-';
	for (int i = 0; i < 9; i++)
		if (st.st_mode & (0400 >> i))
			m[i + 1] = "rwxrwxrwx"[i];
	printf("%s %2lu %4u %4u %8lld %s", m, (unsigned long)st.st_nlink, st.st_uid, st.st_gid,
	       (long long)st.st_size, name);
	if (S_ISLNK(st.st_mode)) {
		char t[4096];
		ssize_t n = readlink(dir ? path : name, t, sizeof(t) - 1);

		if (n >= 0) {
			t[n] = 0;
			printf(" -> %s", t);
		}
	}
	putchar('\n');
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ls_path(const char *p, int lng)
{
	struct stat st;

	if (lstat(p, &st))
		return fail(p);
	if (!S_ISDIR(st.st_mode)) {
		ls_one(NULL, p, lng);
		return 0;
	}
	DIR *d = opendir(p);
	if (!d)
		return fail(p);
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp);
	for (size_t i = 0; i < n; i++) {
		ls_one(p, names[i], lng);
		free(names[i]);
	}
	free(names);
	return 0;
}

static int do_ls(int argc, char **argv)
{
	int lng = 0, i = 1, rc = 0, any = 0;

	if (i < argc && !strcmp(argv[i], "-l")) {
		lng = 1;
		i++;
	}
	for (; i < argc; i++, any++) {
		if (argc - i > 1 || any)
			printf("%s:\n", argv[i]);
		rc |= ls_path(argv[i], lng);
	}
	if (!any)
		rc = ls_path(".", lng);
	return rc;
}

static int rm_path(const char *p, int rec)
{
	struct stat st;

	if (lstat(p, &st))
		return fail(p);
	if (S_ISDIR(st.st_mode)) {
		if (!rec) {
			errno = EISDIR;
			return fail(p);
		}
		DIR *d = opendir(p);
		struct dirent *e;
		char path[4096];
		int rc = 0;

		while (d && (e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof(path), "%s/%s", p, e->d_name);
			rc |= rm_path(path, rec);
		}
		if (d)
			closedir(d);
		return rmdir(p) ? fail(p) : rc;
	}
	return unlink(p) ? fail(p) : 0;
}

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');

	prog = slash ? slash + 1 : argv[0];
	if (!strcmp(prog, "tools") && argc > 1) {	/* tools CMD ARGS... */
		argv++;
		argc--;
		prog = argv[0];
	}
	if (!strcmp(prog, "echo"))
		return do_echo(argc, argv);
	if (!strcmp(prog, "cat"))
		return do_cat(argc, argv);
	if (!strcmp(prog, "ls"))
		return do_ls(argc, argv);
	if (!strcmp(prog, "true"))
		return 0;
	if (!strcmp(prog, "false"))
		return 1;
	if (!strcmp(prog, "mkdir")) {
		int rc = 0;

		for (int i = 1; i < argc; i++)
			if (mkdir(argv[i], 0755))
				rc |= fail(argv[i]);
		return rc;
	}
	if (!strcmp(prog, "rm")) {
		int rec = argc > 1 && !strcmp(argv[1], "-r"), rc = 0;

		for (int i = 1 + rec; i < argc; i++)
			rc |= rm_path(argv[i], rec);
		return rc;
	}
	if (!strcmp(prog, "uname")) {
		struct utsname u;

		if (uname(&u))
			return fail("uname");
		if (argc > 1 && !strcmp(argv[1], "-a"))
			printf("%s %s %s %s %s\n", u.sysname, u.nodename, u.release, u.version, u.machine);
		else
			printf("%s\n", u.sysname);
		return 0;
	}
	if (!strcmp(prog, "sleep")) {
		struct timespec ts = { argc > 1 ? atoi(argv[1]) : 0, 0 };

		while (nanosleep(&ts, &ts) && errno == EINTR)
			;
		return 0;
	}
	if (!strcmp(prog, "env")) {
		extern char **environ;

		for (char **e = environ; *e; e++)
			puts(*e);
		return 0;
	}
	if (!strcmp(prog, "kill")) {
		int sig = SIGTERM, i = 1, rc = 0;

		if (i < argc && argv[i][0] == '-')
			sig = atoi(argv[i++] + 1);
		for (; i < argc; i++)
			if (kill(atoi(argv[i]), sig))
				rc |= fail(argv[i]);
		return rc;
	}
	fprintf(stderr, "tools: echo cat ls mkdir rm uname sleep env kill true false\n");
	return 127;
}
