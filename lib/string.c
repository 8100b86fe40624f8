// SPDX-License-Identifier: GPL-2.0
/*
 * The string and memory functions the kernel needs (Linux: lib/string.c;
 * x86 has assembly memcpy/memset in arch/x86/lib, we keep plain C).
 * gcc may emit calls to memcpy/memset/memmove/memcmp on its own, so these
 * four must exist even where no code calls them by name.
 */
#include <linux/err.h>
#include <linux/string.h>

/* The host tests link the C library, which has these; they use its own. */
#ifdef __KERNEL__

/*
 * Word at a time where both ends allow it. (Linux's x86 versions use
 * "rep movsb"/"rep stosb", which real CPUs run fast; QEMU's TCG runs a
 * rep-prefixed instruction one iteration at a time, so plain 8-byte
 * loops are much faster for us.)
 */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	unsigned long word = 0x0101010101010101UL * (unsigned char)c;

	for (; n && ((unsigned long)p & 7); n--)
		*p++ = (unsigned char)c;
	for (; n >= 8; n -= 8, p += 8)
		*(unsigned long *)p = word;
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((unsigned long)d | (unsigned long)s) & 7) == 0)
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(unsigned long *)d = *(const unsigned long *)s;
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

#endif /* __KERNEL__ */

/* Copy with truncation; returns the length copied, or -E2BIG if cut (as Linux). */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t n = 0;

	if (!size)
		return -E2BIG;
	while (n < size - 1 && src[n]) {
		dst[n] = src[n];
		n++;
	}
	dst[n] = '\0';
	return src[n] ? -E2BIG : (ssize_t)n;
}

char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return (char *)s;
}
