/* SPDX-License-Identifier: GPL-2.0 */
/* Magic byte values for debugging (Linux: include/linux/poison.h). */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* Slab red zones: the bytes around an object, by object state. */
#define SLUB_RED_INACTIVE 0xbb	/* object is free */
#define SLUB_RED_ACTIVE 0xcc	/* object is allocated */

/* Slab poisoning: object contents by state. */
#define POISON_INUSE 0x5a	/* allocated but not yet initialised; slab padding */
#define POISON_FREE 0x6b	/* freed */
#define POISON_END 0xa5		/* last byte of a poisoned object */

#endif /* _LINUX_POISON_H */
