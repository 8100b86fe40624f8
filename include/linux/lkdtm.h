/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LKDTM_H
#define _LINUX_LKDTM_H

void lkdtm_run_boot_crashtype(void);
void lkdtm_run_late_crashtype(void);

#endif
