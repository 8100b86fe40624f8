// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts (Linux: fs/binfmt_script.c, load_script; the loop over
 * interpreters is exec_binprm in fs/exec.c).
 *
 * A file whose first two bytes are "#!" names its interpreter on the rest
 * of its first line: "#! /bin/sh -e" runs /bin/sh with "-e" as its one
 * optional argument (everything after the first space or tab, trailing
 * blanks trimmed, further blanks kept: Linux passes "a b" as one
 * argument). The new argv is: the interpreter's name as written,
 * the optional argument, the script's path as exec was given it
 * (bprm->interp), then the old argv without its argv[0]. load_script
 * edits the strings already on the new stack (remove_arg_zero, then
 * copy_string_kernel below them), opens the interpreter (open_exec) and
 * hands it back in bprm->interpreter; exec_binprm() then offers that file
 * to the formats again, so an interpreter may itself be a script, up to 5
 * rewrites deep (depth > 5: -ELOOP, as Linux 6.1).
 *
 * Only the first BINPRM_BUF_SIZE (256) bytes are read, Linux 5.x's rules
 * for a longer line: the arguments may be cut short (the interpreter can
 * read the line itself), the interpreter's path may not — with no newline
 * in the buffer, the path must end in a blank or NUL inside it, else
 * -ENOEXEC. No interpreter name at all is -ENOEXEC; a missing interpreter
 * is open_exec's -ENOENT (an interpreter that is not executable -EACCES).
 * A script run through execveat(fd, "", AT_EMPTY_PATH) whose fd is
 * close-on-exec cannot be reopened by its interpreter as /dev/fd/N:
 * -ENOENT (BINPRM_FLAGS_PATH_INACCESSIBLE).
 *
 * Left out: binfmt_misc, and the setuid-script question (no credentials).
 */
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* The first c in the n bytes at s, or NULL (Linux: strnchr). */
static const char *strnchr(const char *s, size_t n, int c)
{
	for (; n-- && *s != '\0'; s++)
		if (*s == (char)c)
			return s;
	return NULL;
}

static inline bool spacetab(char c)
{
	return c == ' ' || c == '\t';
}

static inline const char *next_non_spacetab(const char *first, const char *last)
{
	for (; first <= last; first++)
		if (!spacetab(*first))
			return first;
	return NULL;
}

static inline const char *next_terminator(const char *first, const char *last)
{
	for (; first <= last; first++)
		if (spacetab(*first) || !*first)
			return first;
	return NULL;
}

static int load_script(struct linux_binprm *bprm)
{
	const char *i_name, *i_sep, *i_arg, *i_end, *buf_end;
	struct file *file;
	int retval;

	/* Not ours to exec if we don't start with "#!". */
	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;

	/*
	 * buf need not be NUL-terminated (it is NUL-padded past a short
	 * file's end). A newline means nothing was cut; without one, the
	 * interpreter's path must end (blank or NUL) inside the buffer.
	 */
	buf_end = bprm->buf + sizeof(bprm->buf) - 1;
	i_end = strnchr(bprm->buf, sizeof(bprm->buf), '\n');
	if (!i_end) {
		i_end = next_non_spacetab(bprm->buf + 2, buf_end);
		if (!i_end)
			return -ENOEXEC;	/* the whole buffer is blanks */
		if (!next_terminator(i_end, buf_end))
			return -ENOEXEC;	/* the path may be truncated */
		i_end = buf_end;
	}
	/* Trim trailing blanks. */
	while (spacetab(i_end[-1]))
		i_end--;

	/* Skip leading blanks. */
	i_name = next_non_spacetab(bprm->buf + 2, i_end);
	if (!i_name || i_name == i_end)
		return -ENOEXEC;		/* no interpreter name */

	/* An optional argument? */
	i_arg = NULL;
	i_sep = next_terminator(i_name, i_end);
	if (i_sep && *i_sep != '\0')
		i_arg = next_non_spacetab(i_sep, i_end);

	/* The interpreter could not open the script it is given: give up now. */
	if (bprm->interp_flags & BINPRM_FLAGS_PATH_INACCESSIBLE)
		return -ENOENT;

	/*
	 * argv becomes: i_name [i_arg] script-path argv[1..]. The strings go
	 * below the others, so in reverse: drop argv[0], then the path, the
	 * argument, the name.
	 */
	retval = remove_arg_zero(bprm);
	if (retval)
		return retval;
	retval = copy_string_kernel(bprm->interp, bprm);
	if (retval < 0)
		return retval;
	bprm->argc++;
	*((char *)i_end) = '\0';
	if (i_arg) {
		*((char *)i_sep) = '\0';
		retval = copy_string_kernel(i_arg, bprm);
		if (retval < 0)
			return retval;
		bprm->argc++;
	}
	retval = copy_string_kernel(i_name, bprm);
	if (retval)
		return retval;
	bprm->argc++;
	retval = bprm_change_interp(i_name, bprm);
	if (retval < 0)
		return retval;

	/* exec_binprm() goes on with the interpreter's file. */
	file = open_exec(i_name);
	if (IS_ERR(file))
		return PTR_ERR(file);
	bprm->interpreter = file;
	return 0;
}

static struct linux_binfmt script_format = {
	.load_binary = load_script,
};

void init_script_binfmt(void)
{
	register_binfmt(&script_format);
}
