// SPDX-License-Identifier: GPL-2.0
/*
 * Splitting and reading the kernel command line.
 *
 * next_arg() is Linux's (lib/cmdline.c): it cuts "a=1 b="x y" c" into
 * param/value pairs in place, honouring double quotes. kstrto*() are the
 * strict number parsers of lib/kstrtox.c (a trailing newline is allowed,
 * anything else after the digits is -EINVAL, overflow is -ERANGE).
 * memparse() reads sizes like "64M". cmdline_find_option_bool() is
 * arch/x86/lib/cmdline.c's whole-word search, used before the command
 * line is copied (the 32-bit boot code has an assembly twin of it).
 * Pure code: the host tests build this file.
 */
#include <linux/cmdline.h>
#include <linux/err.h>
#include <linux/string.h>

static bool isspace_c(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = true;
		quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (isspace_c(args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* Drop the quotes around a value: a="b c" gives b c. */
		if (**val == '"') {
			(*val)++;
			if (i > 0 && args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}
	return skip_spaces(args);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Base 0 means: 0x.. hex, 0.. octal, else decimal, as in C and Linux. */
static const char *parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	return s;
}

/* Digits of s as a number; *endp is where the digits stop. -ERANGE on overflow. */
static int parse_digits(const char *s, unsigned int base, unsigned long long *res,
			const char **endp)
{
	unsigned long long v = 0;
	const char *start = s;
	int d;

	for (; (d = digit_value(*s)) < (int)base; s++) {
		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*endp = s;
	*res = v;
	return s == start ? -EINVAL : 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	const char *end;
	int err;

	if (*s == '+')
		s++;
	s = parse_base(s, &base);
	err = parse_digits(s, base, res, &end);
	if (err)
		return err;
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (!err)
		*res = (unsigned long)v;
	return err;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool neg = *s == '-';
	/* One sign only: kstrtoull() takes a '+', but "-+1" is not a number. */
	int err = neg && s[1] == '+' ? -EINVAL : kstrtoull(s + neg, base, &v);

	if (err)
		return err;
	if (v > (unsigned long long)0x7fffffff + neg)
		return -ERANGE;
	*res = neg ? -(int)(v - 1) - 1 : (int)v;
	return 0;
}

/*
 * get_option: read an int from *str and step past it and a following
 * comma. Returns 0 if there was no number, 1 if one with nothing after,
 * 2 if one followed by a comma (Linux's convention).
 */
int get_option(char **str, int *pint)
{
	unsigned long long v;
	const char *cur = *str, *end;
	bool neg;

	if (!cur || !*cur)
		return 0;
	neg = *cur == '-';
	{
		unsigned int base = 0;
		const char *p = parse_base(cur + neg, &base);

		if (parse_digits(p, base, &v, &end))
			return 0;
	}
	*pint = (int)(neg ? -v : v);	/* negate unsigned: "-2147483648" is no overflow */
	*str = (char *)end;
	if (**str == ',') {
		(*str)++;
		return 2;
	}
	return 1;
}

/* "64M" -> 64 << 20; K, M, G, T, P, E suffixes (either case). */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	unsigned int base = 0;
	const char *end = ptr;
	int shift = 0;

	ptr = parse_base(ptr, &base);
	if (parse_digits(ptr, base, &v, &end))
		end = ptr;
	switch (*end) {
	case 'E': case 'e': shift += 10; /* fall through */
	case 'P': case 'p': shift += 10; /* fall through */
	case 'T': case 't': shift += 10; /* fall through */
	case 'G': case 'g': shift += 10; /* fall through */
	case 'M': case 'm': shift += 10; /* fall through */
	case 'K': case 'k': shift += 10;
		end++;
		break;
	default:
		break;
	}
	if (retptr)
		*retptr = (char *)end;
	return v << shift;
}

/* True if option appears in cmdline as a whole word ("no5lvl", not "no5lvlx"). */
bool cmdline_find_option_bool(const char *cmdline, const char *option)
{
	size_t len = strlen(option);
	const char *p = cmdline;
	bool in_quote = false;

	if (!cmdline || !len)
		return false;
	for (; *p; p++) {
		bool word_start = p == cmdline || isspace_c(p[-1]);

		if (p[0] == '"')
			in_quote = !in_quote;
		if (!in_quote && word_start && !strncmp(p, option, len) &&
		    (!p[len] || isspace_c(p[len])))
			return true;
	}
	return false;
}
