/* SPDX-License-Identifier: GPL-2.0 */
/* _AC(): a constant usable from both C and assembly (include/uapi/linux/const.h). */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y) X
#else
#define __AC(X, Y) (X##Y)
#define _AC(X, Y) __AC(X, Y)
#endif

#define _BITUL(x) (_AC(1, UL) << (x))

#endif /* _LINUX_CONST_H */
