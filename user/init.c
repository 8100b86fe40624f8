// SPDX-License-Identifier: GPL-2.0
/*
 * init - Linnet's PID 1 (docs/user.md), a static musl program at /init.
 *
 * The kernel starts it with fds 0, 1 and 2 on /dev/console (Linux:
 * init/main.c console_on_rootfs; Linnet's init/main.c does the same). The
 * rootfs is already a tmpfs with the initramfs unpacked in it. It sets
 * PATH, HOME and TERM, then runs programs and, like every init, reaps
 * whatever exits: its own children and every orphan the kernel re-parents
 * to PID 1 (kernel/exit.c forget_original_parent).
 *
 *   /init                  the system: run the rc script /etc/init.d/rcS
 *                          with busybox sh (it mounts /proc and /tmp, sets
 *                          the hostname, prints the banner), then the shell
 *                          "setsid cttyhack sh" (busybox: a new session,
 *                          the console's real tty as its controlling
 *                          terminal, sh with job control); start the shell
 *                          again when it exits, as busybox init's
 *                          "::respawn:" would. Without busybox: /bin/lsh.
 *   /init PROG [ARGS...]   run PROG once (e.g. rdinit=/init -- /bin/usertests),
 *                          then power off with its exit status on the console
 *
 * init=PROG on the kernel command line: the kernel ignores it when the
 * initramfs has /init (Linux too: rdinit= wins), so /init reads
 * /proc/cmdline after the rc script and, as Debian's initramfs /init hands
 * over to the init= program, execs PROG as PID 1 (init=/bin/lsh: the
 * project's own shell; init=/etc/init-test.sh: a #! script).
 *
 * Power off, halt and reboot as busybox init: SIGUSR2, SIGUSR1 and SIGTERM
 * (what busybox's poweroff, halt and reboot send to PID 1 without -f) make
 * it send SIGTERM, then SIGKILL, to every process, sync and reboot(2).
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
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RC_SCRIPT "/etc/init.d/rcS"

static volatile sig_atomic_t shutdown_sig;

static void say(const char *s)
{
	(void)!write(2, s, strlen(s));
}

static void on_shutdown(int sig)
{
	shutdown_sig = sig;
}

/* fork and exec argv; new_session: setsid() first (not for busybox's setsid). */
static pid_t start(char *const argv[], int new_session)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct sigaction sa = { .sa_handler = SIG_DFL };

		sigaction(SIGUSR1, &sa, NULL);
		sigaction(SIGUSR2, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		if (new_session)
			setsid();
		execvp(argv[0], argv);
		fprintf(stderr, "init: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Reap every child there is, for up to `ms` milliseconds; 1 if none is left. */
static int reap_all(int ms)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (int i = 0;; i++) {
		pid_t w;

		while ((w = waitpid(-1, NULL, WNOHANG)) > 0)
			;
		if (w < 0 && errno == ECHILD)
			return 1;
		if (i * 10 >= ms)
			return 0;
		nanosleep(&tick, NULL);
	}
}

/* busybox init's run_shutdown_and_kill_processes() and halt_reboot_pwoff(). */
static void __attribute__((noreturn)) shut_down(int sig)
{
	const char *what = sig == SIGUSR2 ? "poweroff" : sig == SIGUSR1 ? "halt" : "reboot";

	say("\nThe system is going down NOW!\n");
	kill(-1, SIGTERM);
	say("Sent SIGTERM to all processes\n");
	sync();
	reap_all(1000);
	kill(-1, SIGKILL);
	say("Sent SIGKILL to all processes\n");
	reap_all(1000);
	sync();
	fprintf(stderr, "Requesting system %s\n", what);
	reboot(sig == SIGUSR2 ? RB_POWER_OFF : sig == SIGUSR1 ? RB_HALT_SYSTEM : RB_AUTOBOOT);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	for (;;)
		pause();
}

/* Reap until `pid` exits; orphans are reaped on the way. Returns its status. */
static int reap_until(pid_t pid)
{
	int status;

	for (;;) {
		pid_t w;

		if (shutdown_sig)
			shut_down(shutdown_sig);
		w = wait(&status);
		if (w == pid)
			return status;
		if (w < 0 && errno == ECHILD)
			return -1;
	}
}

/* init=PROG from /proc/cmdline (the rc script mounted /proc), or NULL. */
static char *cmdline_init(void)
{
	static char buf[4096];
	char *p, *word;
	int fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return NULL;
	buf[n] = 0;
	for (p = buf; (word = strsep(&p, " \t\n"));) {
		if (!strcmp(word, "--"))
			break;
		if (!strncmp(word, "init=", 5) && word[5] == '/')
			return word + 5;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	char *busybox_shell[] = { "setsid", "cttyhack", "sh", NULL };
	char *lsh[] = { "/bin/lsh", NULL };
	char **shell = lsh, **prog = NULL, *other;
	char *test = getenv("init_prog");
	struct sigaction sa = { .sa_handler = on_shutdown };
	int i = 1;

	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
	setenv("HOME", "/root", 0);
	setenv("TERM", "linux", 0);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
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
		int st = reap_until(start(prog, 1));

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
	if (!access("/bin/sh", X_OK) && !access(RC_SCRIPT, R_OK)) {
		char *rc[] = { "/bin/sh", RC_SCRIPT, NULL };
		int st = reap_until(start(rc, 1));

		if (st != 0)
			fprintf(stderr, "init: %s: exit status %#x\n", RC_SCRIPT, st);
	}
	other = cmdline_init();
	if (other && strcmp(other, "/init")) {
		char *one[] = { other, NULL };

		fprintf(stderr, "init: init=%s: running it as PID 1\n", other);
		execv(other, one);	/* the handlers go back to SIG_DFL */
		fprintf(stderr, "init: cannot run %s: %s\n", other, strerror(errno));
	}
	if (!access("/bin/setsid", X_OK) && !access("/bin/cttyhack", X_OK))
		shell = busybox_shell;
	chdir(getenv("HOME"));
	for (;;) {
		pid_t pid = start(shell, shell == lsh);

		if (pid < 0)
			break;
		int st = reap_until(pid);

		if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
			break;		/* no shell: do not loop */
		say("init: the shell exited; starting it again\n");
	}
	say("init: nothing to run; reaping orphans\n");
	for (;;) {
		if (shutdown_sig)
			shut_down(shutdown_sig);
		if (wait(NULL) < 0 && errno == ECHILD)
			sleep(1);
	}
}
