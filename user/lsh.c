// SPDX-License-Identifier: GPL-2.0
/*
 * lsh - Linnet's small shell (docs/user.md), what `make run` lands in
 * until busybox comes. A static musl program; the console's line editing
 * (echo, backspace) is the tty's (drivers/tty/), lsh reads whole lines
 * from fd 0.
 *
 *   builtins   cd [DIR], exit [N], export NAME=VALUE..., export (lists)
 *   commands   WORD... with $PATH search; "..." and '...' quoting; $NAME
 *              and $? expanded (not inside '...'); # starts a comment
 *   redirects  < FILE, > FILE, >> FILE, 2> FILE
 *   pipelines  A | B | C
 *   background A &   (the shell reaps finished jobs before each prompt)
 *   lists      A ; B
 *
 *   lsh -c 'COMMAND LINE'   run one line and exit with its status
 *   lsh FILE                run FILE's lines
 *
 * Left out: job control (fg, bg, ^Z), globbing, here-documents, if/while,
 * functions, history. The exit status of a pipeline is its last command's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXARGS 64
#define MAXCMDS 16
#define LINE 4096

struct cmd {
	char *argv[MAXARGS + 1];
	int argc;
	char *in, *out, *err;
	int append;
};

static int last_status;
static int interactive;

/* ---- words ---- */

static char wordbuf[LINE * 2];
static size_t wordpos;

static char *expand_var(const char **sp)
{
	const char *s = *sp;
	static char num[16];
	char name[128];
	size_t n = 0;

	if (*s == '?') {
		*sp = s + 1;
		snprintf(num, sizeof(num), "%d", last_status);
		return num;
	}
	if (*s == '{') {
		s++;
		while (*s && *s != '}' && n < sizeof(name) - 1)
			name[n++] = *s++;
		if (*s == '}')
			s++;
	} else {
		while ((*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
			(*s >= '0' && *s <= '9')) && n < sizeof(name) - 1)
			name[n++] = *s++;
	}
	name[n] = 0;
	*sp = s;
	if (!n)
		return "$";
	char *v = getenv(name);
	return v ? v : "";
}

static void put(char c)
{
	if (wordpos < sizeof(wordbuf) - 1)
		wordbuf[wordpos++] = c;
}

/*
 * Split a line into tokens: words (with quotes and $ done) and the
 * operators | < > >> 2> & ;. Returns the number of tokens; *ops says
 * which are operators.
 */
static int tokenize(const char *s, char **tok, int *op, int max)
{
	int n = 0;

	wordpos = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s || *s == '#')
			break;
		if (*s == '|' || *s == '<' || *s == '&' || *s == ';' || *s == '>' ||
		    (s[0] == '2' && s[1] == '>')) {
			char *start = wordbuf + wordpos;

			if (s[0] == '2' && s[1] == '>') {
				put('2');
				s++;
			}
			put(*s);
			if (*s == '>' && s[1] == '>') {
				put('>');
				s++;
			}
			s++;
			put(0);
			tok[n] = start;
			op[n++] = 1;
			continue;
		}
		char *start = wordbuf + wordpos;
		int any = 0;

		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '|' &&
		       *s != '<' && *s != '>' && *s != '&' && *s != ';') {
			any = 1;
			if (*s == '\'') {
				for (s++; *s && *s != '\''; s++)
					put(*s);
				if (*s)
					s++;
			} else if (*s == '"') {
				for (s++; *s && *s != '"'; ) {
					if (*s == '\\' && (s[1] == '"' || s[1] == '\\' || s[1] == '$')) {
						put(s[1]);
						s += 2;
					} else if (*s == '$') {
						s++;
						for (const char *v = expand_var(&s); *v; v++)
							put(*v);
					} else {
						put(*s++);
					}
				}
				if (*s)
					s++;
			} else if (*s == '\\' && s[1]) {
				put(s[1]);
				s += 2;
			} else if (*s == '$') {
				s++;
				for (const char *v = expand_var(&s); *v; v++)
					put(*v);
			} else {
				put(*s++);
			}
		}
		put(0);
		if (any) {
			tok[n] = start;
			op[n++] = 0;
		}
	}
	return n;
}

/* ---- builtins ---- */

static int builtin(struct cmd *c, int *status)
{
	char **a = c->argv;

	if (!strcmp(a[0], "cd")) {
		const char *dir = a[1] ? a[1] : getenv("HOME") ? getenv("HOME") : "/";

		if (chdir(dir)) {
			fprintf(stderr, "cd: %s: %s\n", dir, strerror(errno));
			*status = 1;
		} else {
			char cwd[LINE];

			if (getcwd(cwd, sizeof(cwd)))
				setenv("PWD", cwd, 1);
			*status = 0;
		}
		return 1;
	}
	if (!strcmp(a[0], "exit")) {
		exit(a[1] ? atoi(a[1]) : last_status);
	}
	if (!strcmp(a[0], "export")) {
		extern char **environ;

		*status = 0;
		if (!a[1])
			for (char **e = environ; *e; e++)
				printf("export %s\n", *e);
		for (int i = 1; a[i]; i++) {
			char *eq = strchr(a[i], '=');

			if (!eq) {
				if (!getenv(a[i]))
					setenv(a[i], "", 1);
				continue;
			}
			*eq = 0;
			if (!*a[i] || setenv(a[i], eq + 1, 1)) {
				fprintf(stderr, "export: bad name '%s'\n", a[i]);
				*status = 1;
			}
			*eq = '=';
		}
		fflush(stdout);
		return 1;
	}
	return 0;
}

/* ---- running ---- */

static int redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, 0644);

	if (f < 0) {
		fprintf(stderr, "lsh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
	return 0;
}

static void child_exec(struct cmd *c)
{
	if (c->in && redirect(c->in, 0, O_RDONLY))
		_exit(1);
	if (c->out && redirect(c->out, 1, O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC)))
		_exit(1);
	if (c->err && redirect(c->err, 2, O_WRONLY | O_CREAT | O_TRUNC))
		_exit(1);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execvp(c->argv[0], c->argv);
	fprintf(stderr, "lsh: %s: %s\n", c->argv[0], errno == ENOENT ? "command not found" :
		strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

static int status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);

		if (sig != SIGINT && sig != SIGPIPE)
			fprintf(stderr, "%s%s\n", strsignal(sig), WCOREDUMP(st) ? " (core dumped)" : "");
		return 128 + sig;
	}
	return 1;
}

/* Run one pipeline of n commands; background: do not wait. */
static int run_pipeline(struct cmd *cmds, int n, int background)
{
	pid_t pids[MAXCMDS];
	int prev = -1, status = 0;

	if (n == 1 && !background && !cmds[0].in && !cmds[0].out && builtin(&cmds[0], &status))
		return status;
	for (int i = 0; i < n; i++) {
		int p[2] = { -1, -1 };

		if (i < n - 1 && pipe(p)) {
			perror("lsh: pipe");
			return 1;
		}
		pid_t pid = fork();
		if (pid < 0) {
			perror("lsh: fork");
			return 1;
		}
		if (pid == 0) {
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (p[1] >= 0) {
				dup2(p[1], 1);
				close(p[1]);
				close(p[0]);
			}
			if (builtin(&cmds[i], &status))
				_exit(status);
			child_exec(&cmds[i]);
		}
		pids[i] = pid;
		if (prev >= 0)
			close(prev);
		if (p[1] >= 0)
			close(p[1]);
		prev = p[0];
	}
	if (background) {
		fprintf(stderr, "[%d]\n", pids[n - 1]);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		int st;

		while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
			;
		if (i == n - 1)
			status = status_of(st);
	}
	return status;
}

/* Parse and run one list element: a pipeline ending in ';', '&' or the end. */
static void run_segment(const char *line)
{
	static char *tok[MAXARGS * 4];
	static int op[MAXARGS * 4];
	struct cmd cmds[MAXCMDS];
	int ntok = tokenize(line, tok, op, MAXARGS * 4), ncmd = 0;

	memset(cmds, 0, sizeof(cmds));
	for (int i = 0; i <= ntok; i++) {
		struct cmd *c = &cmds[ncmd];
		int end = i == ntok;

		if (!end && !op[i]) {
			if (c->argc < MAXARGS)
				c->argv[c->argc++] = tok[i];
			continue;
		}
		const char *o = end ? ";" : tok[i];
		if (!strcmp(o, "<") || !strcmp(o, ">") || !strcmp(o, ">>") || !strcmp(o, "2>")) {
			if (i + 1 >= ntok || op[i + 1]) {
				fprintf(stderr, "lsh: syntax error near '%s'\n", o);
				last_status = 2;
				return;
			}
			if (o[0] == '<')
				c->in = tok[++i];
			else if (o[0] == '2')
				c->err = tok[++i];
			else {
				c->out = tok[++i];
				c->append = o[1] == '>';
			}
			continue;
		}
		if (!strcmp(o, "|")) {
			if (!c->argc || ncmd + 1 >= MAXCMDS) {
				fprintf(stderr, "lsh: syntax error near '|'\n");
				last_status = 2;
				return;
			}
			ncmd++;
			continue;
		}
		/* ; & or the end: run what we have */
		if (c->argc)
			ncmd++;
		else if (ncmd && !end) {
			fprintf(stderr, "lsh: syntax error near '%s'\n", o);
			last_status = 2;
			return;
		}
		if (ncmd)
			last_status = run_pipeline(cmds, ncmd, o[0] == '&');
		memset(cmds, 0, sizeof(cmds));
		ncmd = 0;
	}
}

/*
 * Split a line at the ';' and '&' outside quotes and run each piece in
 * turn, so that "export X=1; echo $X" and "false; echo $?" expand each
 * piece after the one before it ran.
 */
static void run_line(const char *line)
{
	char seg[LINE];
	size_t n = 0;
	char quote = 0;

	for (const char *s = line;; s++) {
		int sep = !quote && (*s == ';' || *s == '&' || *s == '#' || !*s);

		if (sep && *s == '#' && n && seg[n - 1] != ' ' && seg[n - 1] != '\t')
			sep = 0;	/* a # inside a word */
		if (!sep) {
			if (*s == '\\' && s[1] && quote != '\'' && n < sizeof(seg) - 2) {
				seg[n++] = *s++;
			} else if (!quote && (*s == '"' || *s == '\'')) {
				quote = *s;
			} else if (quote == *s) {
				quote = 0;
			}
			if (n < sizeof(seg) - 2)
				seg[n++] = *s;
			continue;
		}
		if (*s == '&' && n < sizeof(seg) - 2)
			seg[n++] = '&';
		seg[n] = 0;
		run_segment(seg);
		n = 0;
		if (!*s || *s == '#')
			return;
	}
}

static void reap_jobs(void)
{
	int st;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0)
		if (interactive)
			fprintf(stderr, "[%d] done, status %d\n", pid, status_of(st));
}

int main(int argc, char **argv)
{
	char line[LINE];
	FILE *in = stdin;

	if (argc > 2 && !strcmp(argv[1], "-c")) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc > 1 && !(in = fopen(argv[1], "r"))) {
		fprintf(stderr, "lsh: %s: %s\n", argv[1], strerror(errno));
		return 127;
	}
	interactive = in == stdin && isatty(0);
	if (!getenv("PATH"))
		setenv("PATH", "/bin:/sbin:/usr/bin", 1);
	signal(SIGINT, SIG_IGN);	/* ^C ends the command, not the shell */
	signal(SIGQUIT, SIG_IGN);
	if (interactive) {
		fputs("lsh: Linnet's shell. Builtins: cd, exit, export; | < > >> & ;\n", stderr);
	}
	for (;;) {
		reap_jobs();
		if (interactive) {
			char cwd[256];

			fprintf(stderr, "%s # ", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
		}
		if (!fgets(line, sizeof(line), in))
			break;
		run_line(line);
		fflush(stdout);
	}
	if (interactive)
		fputs("exit\n", stderr);
	return last_status;
}
