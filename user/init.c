// SPDX-License-Identifier: GPL-2.0
/*
 * init - Linnet's PID 1 (docs/user.md), a static musl program at /init.
 *
 * The kernel starts it with fds 0, 1 and 2 on /dev/console (Linux:
 * init/main.c console_on_rootfs; Linnet's init/main.c does the same). The
 * rootfs is already a tmpfs with the initramfs unpacked in it, so it
 * mounts nothing. It sets PATH, HOME and TERM, then runs a program and,
 * like every init, reaps whatever exits: its own child and every orphan
 * the kernel re-parents to PID 1 (kernel/exit.c forget_original_parent).
 *
 *   /init                  run /bin/lsh, the shell; start it again when it exits
 *   /init PROG [ARGS...]   run PROG once (e.g. rdinit=/init -- /bin/usertests),
 *                          then power off with its exit status on the console
 *
 * The kernel passes the words of its command line that are not its own
 * options, and everything after "--", to init as argv (Linux's argv_init;
 * Linnet's init/main.c does the same), so a test boot says
 * "rdinit=/init -- /bin/usertests -t 30" (the first word that is an
 * absolute path starts the program; others are ignored). With init_prog=PROG in the
 * environment (Linux hands unknown name=value words to init as envp)
 * the same. Linux's own test boots often name the program directly:
 * init=/bin/usertests works too, since usertests powers off as PID 1.
 *
 * Left out: runlevels, inittab, respawn of anything but the shell.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *s)
{
	(void)!write(2, s, strlen(s));
}

static pid_t start(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		setsid();
		execvp(argv[0], argv);
		fprintf(stderr, "init: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Reap until `pid` exits; orphans are reaped on the way. Returns its status. */
static int reap_until(pid_t pid)
{
	int status;

	for (;;) {
		pid_t w = wait(&status);

		if (w == pid)
			return status;
		if (w < 0 && errno == ECHILD)
			return -1;
	}
}

int main(int argc, char **argv)
{
	char *shell[] = { "/bin/lsh", NULL };
	char **prog = NULL;
	char *test = getenv("init_prog");
	int i = 1;

	setenv("PATH", "/bin:/sbin:/usr/bin", 1);
	setenv("HOME", "/root", 0);
	setenv("TERM", "linux", 0);
	/*
	 * Linux gives init the boot words it does not know (without '=') and
	 * everything after "--"; only an absolute path starts a program, so
	 * a stray word ("single", "quiet2") is ignored as sysvinit would.
	 */
	while (i < argc && argv[i][0] != '/')
		i++;
	if (i < argc)
		prog = argv + i;
	else if (test && *test) {
		static char *one[2];

		one[0] = test;
		prog = one;
	}
	if (getpid() != 1)
		say("init: not PID 1; orphans will not come to me\n");
	if (prog) {
		int st = reap_until(start(prog));

		if (WIFEXITED(st))
			fprintf(stderr, "init: %s exited %d\n", prog[0], WEXITSTATUS(st));
		else if (st != -1)
			fprintf(stderr, "init: %s killed by signal %d\n", prog[0], WTERMSIG(st));
		/* whatever it left behind */
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		sync();
		if (getpid() == 1)
			reboot(RB_POWER_OFF);
		return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
	}
	chdir(getenv("HOME"));
	for (;;) {
		pid_t pid = start(shell);

		if (pid < 0)
			break;
		int st = reap_until(pid);

		if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
			break;		/* no shell: do not loop */
		say("init: the shell exited; starting it again\n");
	}
	say("init: nothing to run; reaping orphans\n");
	for (;;)
		if (wait(NULL) < 0 && errno == ECHILD)
			sleep(1);
}
