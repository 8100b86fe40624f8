// SPDX-License-Identifier: GPL-2.0
/*
 * Formatted output: vsnprintf() and friends (Linux: lib/vsprintf.c).
 * Supports the conversions the kernel uses: %d %i %u %x %X %o %c %s %p %%
 * with flags '-', '0', '#', ' ', '+', a width, a precision for strings, the
 * length modifiers h hh l ll z t, and Linux's %pS / %ps extensions, which
 * print a code address as "func+0x1a/0x40" / "func" through kallsyms.
 * Left out: floating point, %n, most %p extensions.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

struct printf_spec {
	bool left, zero, alt, plus, space, upper;
	int width, precision;
	int base;
};

struct out {
	char *buf;
	size_t size, pos;	/* pos counts every char, even those cut off */
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void pad(struct out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void put_string(struct out *o, const char *s, const struct printf_spec *sp)
{
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, sp->precision >= 0 ? (size_t)sp->precision : (size_t)-1);
	if (!sp->left)
		pad(o, sp->width - len, ' ');
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       const struct printf_spec *sp)
{
	const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int n = 0, len;

	do {
		tmp[n++] = digits[num % sp->base];
		num /= sp->base;
	} while (num);
	if (negative)
		sign = '-';
	else if (sp->plus)
		sign = '+';
	else if (sp->space)
		sign = ' ';
	if (sp->alt && sp->base == 16)
		prefix = sp->upper ? "0X" : "0x";
	else if (sp->alt && sp->base == 8 && tmp[n - 1] != '0')
		prefix = "0";
	len = n + !!sign + (int)strlen(prefix);

	if (!sp->left && !sp->zero)
		pad(o, sp->width - len, ' ');
	if (sign)
		put(o, sign);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	if (!sp->left && sp->zero)
		pad(o, sp->width - len, '0');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

static void put_pointer(struct out *o, const char **fmtp, void *ptr,
			struct printf_spec *sp)
{
	char sym[KSYM_SYMBOL_LEN];
	const char *fmt = *fmtp;

	if (*fmt == 'S' || *fmt == 's') {
		unsigned long size, off;
		const char *name = kallsyms_lookup((unsigned long)ptr, &size, &off);

		(*fmtp)++;
		if (!name) {
			snprintf(sym, sizeof(sym), "0x%lx", (unsigned long)ptr);
		} else if (*fmt == 's') {
			strscpy(sym, name, sizeof(sym));
		} else {
			sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
		}
		put_string(o, sym, sp);
		return;
	}
	/* Plain %p prints the full address (Linux hashes it; a teaching kernel shows it). */
	sp->base = 16;
	sp->zero = true;
	if (sp->width < 0 || !sp->width)
		sp->width = 16;
	put_number(o, (unsigned long)ptr, false, sp);
}

static const char *parse_flags(const char *fmt, struct printf_spec *sp)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-': sp->left = true; break;
		case '0': sp->zero = true; break;
		case '#': sp->alt = true; break;
		case '+': sp->plus = true; break;
		case ' ': sp->space = true; break;
		default: return fmt;
		}
	}
}

static const char *parse_int(const char *fmt, int *v, va_list *ap)
{
	if (*fmt == '*') {
		*v = va_arg(*ap, int);
		return fmt + 1;
	}
	*v = 0;
	while (*fmt >= '0' && *fmt <= '9')
		*v = *v * 10 + (*fmt++ - '0');
	return fmt;
}

/* Fetch an integer argument of the size the length modifier names. */
static unsigned long long get_arg(va_list *ap, int qual, bool is_signed, bool *neg)
{
	long long v;

	switch (qual) {
	case 'L': v = va_arg(*ap, long long); break;
	case 'l': v = va_arg(*ap, long); break;
	case 'z': v = (long long)va_arg(*ap, size_t); break;
	case 'H': v = is_signed ? (signed char)va_arg(*ap, int) : (unsigned char)va_arg(*ap, int); break;
	case 'h': v = is_signed ? (short)va_arg(*ap, int) : (unsigned short)va_arg(*ap, int); break;
	default:  v = is_signed ? va_arg(*ap, int) : (long long)va_arg(*ap, unsigned int); break;
	}
	*neg = false;
	if (!is_signed) {
		if (qual == 'l' || qual == 'z')
			return (unsigned long)v;
		if (qual == 'L')
			return (unsigned long long)v;
		return v;
	}
	if (v < 0) {
		*neg = true;
		return -(unsigned long long)v;
	}
	return v;
}

static const char *parse_qualifier(const char *fmt, int *qual)
{
	*qual = 0;
	if (*fmt == 'l' && fmt[1] == 'l') {
		*qual = 'L';
		return fmt + 2;
	}
	if (*fmt == 'h' && fmt[1] == 'h') {
		*qual = 'H';
		return fmt + 2;
	}
	if (*fmt == 'l' || *fmt == 'h' || *fmt == 'z' || *fmt == 't') {
		*qual = *fmt == 't' ? 'l' : *fmt;
		return fmt + 1;
	}
	return fmt;
}

static const char *format_one(struct out *o, const char *fmt, va_list *ap)
{
	struct printf_spec sp = { .precision = -1, .base = 10 };
	unsigned long long num;
	bool neg, is_signed = false;
	int qual;

	fmt = parse_flags(fmt, &sp);
	fmt = parse_int(fmt, &sp.width, ap);
	if (sp.width < 0) {
		sp.left = true;
		sp.width = -sp.width;
	}
	if (*fmt == '.')
		fmt = parse_int(fmt + 1, &sp.precision, ap);
	fmt = parse_qualifier(fmt, &qual);

	switch (*fmt++) {
	case 'c':
		put(o, (char)va_arg(*ap, int));
		return fmt;
	case 's':
		put_string(o, va_arg(*ap, const char *), &sp);
		return fmt;
	case 'p':
		put_pointer(o, &fmt, va_arg(*ap, void *), &sp);
		return fmt;
	case '%':
		put(o, '%');
		return fmt;
	case 'd':
	case 'i':
		is_signed = true;
		break;
	case 'u':
		break;
	case 'X':
		sp.upper = true;
		/* fall through */
	case 'x':
		sp.base = 16;
		break;
	case 'o':
		sp.base = 8;
		break;
	default:
		/* Unknown conversion: print it as is, so the mistake shows. */
		put(o, '%');
		put(o, fmt[-1]);
		return fmt;
	}
	num = get_arg(ap, qual, is_signed, &neg);
	put_number(o, num, neg, &sp);
	return fmt;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = format_one(&o, fmt + 1, &ap);
	}
	va_end(ap);
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Like snprintf, but returns what was really written (Linux's scnprintf). */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}
